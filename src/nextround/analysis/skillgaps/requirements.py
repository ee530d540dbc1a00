"""What a job description asks for, in its own words.

A job description is read line by line. Headings ("Essential:", "What you'll do", "We offer") set what
the lines under them are; prose outside a requirements section asks for something only when it says so
("... is essential", "you will need ..."). The company blurb, benefits, how to apply and working
conditions ("4am starts", "hybrid working") never produce a requirement.

Each requirement bullet or sentence becomes phrases: lead-ins ("Experience of", "Confident with") and
tails ("would be an advantage") are dropped, short coordinated items are split ("laminated dough and
viennoiserie" asks for both), and items joined by "or" or "/" are alternatives (one is enough).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Final

from nextround.analysis.skill_match import tokenize
from nextround.analysis.skill_taxonomy import load_taxonomy
from nextround.analysis.skillgaps.alternatives import alternatives_of as _alternatives
from nextround.analysis.skillgaps.conditions import is_condition as _is_condition
from nextround.analysis.skillgaps.cues import HIRING_VERBS, listed_heading, load_cues
from nextround.analysis.skillgaps.exact import is_ordinary
from nextround.analysis.skillgaps.layout import (
    BOLD,
    BULLET,
    clauses,
    criteria_codes,
    person_spec_row,
    sentences,
    spec_letters,
    spec_table,
    split_heading,
)
from nextround.analysis.skillgaps.offers import is_offer, offered_section
from nextround.analysis.skillgaps.phrases import (
    NICE_ASIDE,
    Importance,
    Requirement,
    Section,
    duty_verbs,
    sentence_phrases,
)
from nextround.analysis.skillgaps.phrases import split_items as _split_items
from nextround.analysis.skillgaps.places import ad_places, is_place
from nextround.analysis.skillgaps.wishes import section_of_heading, wished

# kept importable from here, where callers and tests have always found them
__all__ = [
    "Importance",
    "Requirement",
    "Section",
    "_alternatives",
    "_is_condition",
    "_split_items",
    "duty_verbs",
    "requirements",
]

MAX_REQUIREMENTS: Final = 60

_JOIN: Final = re.compile(r"\bjoin (?:our|us|the team)\b", re.IGNORECASE)
_SEEKING_A_ROLE: Final = re.compile(
    r"\W*(?:we are|we're|we|(?:our|my|the) client|the company|our company)(?:,[^,]{0,60},)?\s+(?:is\s+|are\s+)?"
    rf"(?:currently\s+)?{HIRING_VERBS}\s+(?:a|an)\b",
    re.IGNORECASE,
)
_ORG_SEEKING: Final = re.compile(
    r"\W*(?!(?:We|I|You)\s)(?:[A-Z][\w&'’.-]*\s+){0,5}[A-Z][\w&'’.-]*"
    r"(?:,[^,]{1,80},)?\s+(?:is|are)\s+(?:currently\s+)?" + HIRING_VERBS + r"\b"
)  # "Island Vision Communications, one of Jamaica's fastest-growing providers, is seeking installers"
# Words that make a clause an ask or a wish: where a reason comes first ("..., so a licence is required")
_ASKS: Final = re.compile(
    r"\b(?:must|essential|required|requires?|needed|necessary|mandatory|desirable|preferred|advantage|a plus|bonus"
    r"|an asset|a merit|need|needs|looking for|you will have|you'll have|you must|handy|added plus)\b",
    re.IGNORECASE,
)
# How to apply and how applications are judged: "Applicants must submit a cover letter", "Only short-listed
# candidates will be contacted", "preference will be given in line with its Employment Equity Plan"
_HOW_TO_APPLY: Final = re.compile(
    r"\b(?:applications?|applicants?|candidates?|you)\s+(?:must|should|will|are required to|need to)\s+(?:be\s+)?"
    r"(?:submit|submitted|send|sent|include|attach|lodge|lodged|complete the (?:online|application)|contacted|apply)\b"
    r"|\bshort-?list(?:ed|ing)\b|\bemployment equity\b|\bcover(?:ing)? letter\b|\bapplication form\b"
    # what to send with the application, said to the reader (session 20): "Include a link to your GitHub if you have
    # one", "Please attach your portfolio", "Send us examples of your work"
    r"|^\W*(?:please\s+)?(?:include|attach|send|add|share|enclose|upload|submit)\s+(?:us\s+|with\s+)?"
    r"(?:an?\s+|the\s+|your\s+|any\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:links?|url|portfolio|cv|resume|r\u00e9sum\u00e9|references?|cop(?:y|ies)|samples?|examples?)\b",
    re.IGNORECASE,
)
# A sentence that advertises the post: "... needs experienced barbers", "dive centre looking for an instructor for
# the winter season", "we are looking for someone to lead the programme", "Solid plasterer needed - Geelong"
_ADVERTISES_ROLE: Final = re.compile(
    r"\b(?:looking for|seeking|needs|is after|are after|hiring|recruiting)\s+(?:an?\s+|two\s+|more\s+)?"
    r"(?:(?:experienced|qualified|skilled|talented|friendly|new|full-time|part-time|reliable)\s+)*"
    r"(?:someone|somebody|a person|[\w-]+(?:\s+[\w-]+)?)\s*(?:to\s+\w+|for\s+(?:the|our|a|an)\b|[.!,]|$)"
    r"|^[\w\s&'’-]{1,40}\b(?:needed|wanted)\b(?:\s+(?:urgently|now|immediately|asap|today))?\s*(?:[-–—,(!.]|$)",
    re.IGNORECASE,
)
# The employer's or its work's need for the post is the post: "steep faces and edge trees still need a good manual
# faller", "our growing lab needs another technician for the night shift"; "You need a Level 3 diploma" asks
_EMPLOYER_NEEDS: Final = re.compile(
    r"\b(?:need|needs|require|requires)\s+(?:an?|one|two|another|more)\s+(?:[\w-]+\s+){0,3}?"
    r"[\w-]*(?:er|or|ist|ian|ant|ent|man|woman|person|hand|chef|cook|nurse|captain|coach|guide|crew|staff|people)s?"
    r"(?:/[\w-]+)?(?=\s*(?:[.!,;]|$|\bto\s+\w+|\bfor\s+(?:the|our|a|an|this)\b))",
    re.IGNORECASE,
)
# What the post does, told in prose: "Reporting to the Regional Sales Manager, the successful candidate will call on
# agro-dealers ...": a duty list, not what the candidate must bring (will have / hold / be / need asks)
_ROLE_DOES: Final = re.compile(
    r"^\W*(?:reporting (?:directly )?to\b[^,]{0,80},\s*)?(?:the|our)\s+(?:successful|new|right)\s+"
    r"(?:candidate|applicant|person|hire|appointee)\s+will\s+"
    r"(?!(?:have|hold|be|need|possess|bring|ideally|also have)\b)"
    r"(?:\w+ly\s+)?\w+|^\W*reporting (?:directly )?to\b",
    re.IGNORECASE,
)
# How often a duty is done, not an ask: "... issuing infringement notices where needed", "cover shifts as required"
_AS_NEEDED: Final = re.compile(r"\b(?:where|when|as|if|whenever)\s+(?:needed|required|necessary)\b", re.IGNORECASE)
# What the post's holder will be given: "Candidates will receive training in the Council's procedures", "You will be
# given full induction": the employer's offer, however it names the reader
_GIVEN_TO_YOU: Final = re.compile(
    r"^\W*(?:the\s+|all\s+)?(?:successful\s+|new\s+)?(?:candidates?|applicants?|appointees?|starters?|you)\s+"
    r"(?:will|shall|'ll|’ll)\s+(?:also\s+)?(?:receive|be\s+given|get|be\s+offered|be\s+provided\s+with)\b",
    re.IGNORECASE,
)
# A sentence opener that only links it to the one before: "That said, you'll need ...", "Honestly, ..."
_OPENER: Final = re.compile(
    r"^\W*(?:that said|having said that|honestly|frankly|in short|of course|above all|importantly|crucially"
    r"|most importantly|in addition|additionally|on top of that)\s*,\s*",
    re.IGNORECASE,
)
# "Confidence using a CRM - we use ShiftCare": what the employer uses, said to the reader, names no ask of its own
_WE_USE: Final = re.compile(
    r"\s*(?:[-–—;]|,)\s*(?:we|our team)\s+(?:use|uses|run|work (?:in|with)|are on)\b[^.;]*", re.IGNORECASE
)
# the reason an ask is made, after it: "..., since most of our sites are bilingual", "..., because film is shown"
_REASON_AFTER: Final = re.compile(
    r",\s*(?:since|because)\s+(?!\d)[^.;]*|\s+as you(?:'ll| will| would)\s+\w+[^,.;]*", re.IGNORECASE
)
# A step of the hiring, not a skill: "(a health assessment is part of appointment)", "you will be asked to complete a
# fitness assessment as part of the application", "an interview and a trade test form part of the selection"
_HIRING_STEP: Final = re.compile(
    r"\b(?:assessments?|checks?|tests?|screenings?|interviews?|medicals?|examinations?|auditions?|trials?|references?"
    r"|vetting)\b[^.;()]{0,40}?\b(?:is|are|will be|forms?|form)\s+(?:a\s+)?part\s+of\s+(?:the\s+|your\s+)?"
    r"(?:appointment|application|selection|recruitment|hiring|process|onboarding|interview)"
    r"|\b(?:will|may|might)\s+be\s+(?:asked|required|invited)\s+to\s+(?:complete|take|attend|sit|undergo|pass|do|"
    r"provide|give)\b[^.;]{0,60}?\bas\s+part\s+of\s+(?:the\s+|your\s+)?(?:application|selection|recruitment|hiring"
    r"|process|interview)",
    re.IGNORECASE,
)
_HIRING_ASIDE: Final = re.compile(r"\s*\([^()]*\)")
# why the employer asks, in brackets after the ask: "German at B1 (our customers speak German)" asks German
_ABOUT_US_ASIDE: Final = re.compile(r"\s*\((?:as |since |because |so )?(?:we|we're|we've|our)\b[^()]*\)", re.I)
# What the employer gives: "Full uniform and training are provided", "PPE is supplied", "meals included"
_PROVIDED: Final = re.compile(
    r"\b(?:is|are|will be|gets? be)\s+(?:all\s+)?(?:provided|supplied|given|included|paid for|covered|issued)"
    r"(?:\s+(?:by us|free|free of charge|on site|on the job))?\s*[.!]?\s*$",
    re.IGNORECASE,
)
# The post advertised by a third party: "Family company with four carriages on the Main Square (Rynek) is looking
# for a driver for the season", "Academia X (a gym, Lagoa) is looking for a capoeira instructor for ...": the subject
# is the employer, whatever its words; an ask follows only with "with", "who", "having" ...
_THIRD_PARTY_SEEKING: Final = re.compile(
    r"^\W*(?!(?:we|i|you)\b)(?P<subject>[A-Z][^.;]{0,160}?)\s+(?:is|are)\s+(?:currently\s+|now\s+)?"
    rf"{HIRING_VERBS}\s+(?:an?|one|two|three|several)\s+(?P<rest>.*)$",
)
_ASK_AFTER_ROLE: Final = re.compile(
    r"\b(?:with|who|that has|having|holding|must|should|needs?|required|essential|experienced|qualified|certified"
    r"|licensed|registered|fluent)\b",
    re.IGNORECASE,
)
# The employer telling about itself at the top of the ad: "Domaine des Trois Bories grows 85 ha of lavender and runs
# a farm shop": a name (capitalised words, small joining words between them), then a verb of its own in the present
_SELF_TOLD: Final = re.compile(
    r"^\W*(?:[A-Z][\w'’&.-]*\s+(?:(?:de|des|du|la|le|les|of|the|and|&|di|da|do|dos|van|von|y|i|e)\s+)?){1,6}"
    r"(?P<verb>[a-z]{3,}(?<!ss)(?<!ous)(?<!is)s)\s+(?!(?:is|are|must|should|will|would|can|required|essential|needed"
    r"|preferred|desirable|a plus|an advantage)\b)\w",
)


# The ad's closing lines, under any heading: what the employer will do ("The Trust will carry out an enhanced DBS
# check", "We will ask you to sit a short test", "Successful applicants will be contacted") and how to apply ("Please
# send a CV", "Informal enquiries to the ward manager", "If you have not heard from us within 30 days"). What the
# employer will need, expect or only consider still asks ("We will only consider applicants with a Class 2 licence").
_NOT_EMPLOYER: Final = r"(?:candidate|applicant|person|post|role|position|job|jobholder|holder|hire|appointee)s?"
_EMPLOYER_WILL: Final = re.compile(
    rf"^\W*(?:we|i|(?:the|our)\s+(?!(?:successful|ideal|right|new|chosen|selected)\b)"
    rf"(?:(?!{_NOT_EMPLOYER}\b)[\w&'’-]+\s+){{0,3}}?(?!{_NOT_EMPLOYER}\b)"
    r"(?:trust|company|council|school|practice|hospital|board|employer|organi[sz]ation|university|college|club|firm"
    r"|agency|department|ministry|service|hotel|centre|center|clinic|farm|group|business|charity|authority"
    r"|panel|recruiter|store|restaurant|studio|office|partnership|society|foundation|institute"
    r"|(?-i:[A-Z])[\w&'’-]+))"  # a name: "The Harbour Trust", "The Sanctuary"
    r"\s*(?:will|shall|'ll|’ll)\s+(?:then\s+|also\s+|gladly\s+|happily\s+)?"
    r"(?!(?:need|require|expect|want|look|only|prefer|accept|consider|prioriti[sz]e|favou?r|give\s+preference"
    r"|ask\s+(?:that\s+)?(?:you|candidates|applicants)\s+to\s+(?:have|hold|be|show|demonstrate|bring))\b)[a-z]",
    re.IGNORECASE,
)
_SUCCESSFUL_WILL_BE: Final = re.compile(
    r"^\W*(?:the\s+|all\s+)?(?:successful|shortlisted|short-listed|selected)\s+(?:candidate|applicant|person|appointee)s?"
    r"\s+(?:will|may)\s+(?:then\s+|also\s+)?be\s+(?:asked|invited|contacted|notified|informed|offered|given|provided"
    r"|paid|trained|subject\s+to|(?:[\w-]+\s+)?(?:vetted|checked|screened|interviewed|assessed|tested)"
    r"|required\s+to\s+(?:undergo|complete|attend|provide|submit|sit|pass\s+an?\s+(?:\w+\s+){0,3}?"
    r"(?:check|screening|medical|test|assessment)\b))",
    re.IGNORECASE,
)
_APPLICATION_INSTRUCTION: Final = re.compile(
    r"^\W*(?:(?:please\s+)?note\s*(?::|that)\s*(?=if\s+you\s+(?:have\s+not|haven['’]t|do\s+not|don['’]t)\s+))?"
    r"(?:(?:please|kindly)\s+(?:do\s+not\s+|don['’]t\s+)?(?:send|submit|apply|email|e-mail|forward|include|attach"
    r"|quote|contact|call|ring|phone|get\s+in\s+touch|reach\s+out|direct|address|mention|state|provide|complete|fill"
    r"|upload|visit|click|read|see|refer|find|write|text|whatsapp|drop|post|bring\s+your\s+cv)\b"
    r"|to\s+apply\b|(?:for\s+(?:an\s+)?)?informal\s+(?:enquiries|inquiries|discussions?|chats?|conversations?|visits?)"
    r"|(?:all\s+|any\s+|general\s+)?(?:enquiries|inquiries|questions)\s+(?:to|about|regarding|should|can|may|are)\b"
    r"|for\s+(?:further|more|additional|full)\s+(?:information|details|info|particulars)"
    r"|if\s+you\s+(?:have\s+not|haven['’]t|do\s+not|don['’]t)\s+(?:heard|hear|been\s+contacted|receive\s+a\s+reply)\b"
    r"|(?:send|email|e-mail|forward|submit|upload|mail|whatsapp)\s+(?:us\s+|through\s+|in\s+)?(?:your\s+|a\s+|an\s+|the\s+)?"
    r"(?:(?:full|updated|detailed|short|brief|current|recent|up-to-date)\s+)?(?:cv|c\.v\.|resume|résumé|application"
    r"|cover(?:ing)?\s+letter|portfolio|letter|details|photos?|showreel|references?)\b"
    r"|applications?\s+(?:close|closes|closing|should\s+be|must\s+be|will\s+be|are\s+(?:invited|welcome|due)|by|via)\b"
    r"|(?:any|all|an?)\s+offers?\s+(?:of\s+(?:employment|appointment)\s+)?(?:is|are|will\s+be)\s+(?:made\s+)?"
    r"(?:subject|conditional))",
    re.IGNORECASE,
)


def closing_line(sentence: str) -> bool:
    """The ad's closing lines ask nothing under any heading: the employer's own acts ("The Trust will carry out an
    enhanced DBS check", "we will ask you to sit a short test"), what will happen to the successful applicant ("will
    be contacted", "will be asked to ..."), and how to apply ("Please send a CV", "Informal enquiries to ...", "If you
    have not heard from us within 30 days")."""
    return bool(
        _EMPLOYER_WILL.search(sentence)
        or _SUCCESSFUL_WILL_BE.search(sentence)
        or _APPLICATION_INSTRUCTION.search(sentence)
    )


def _unless_hiring_step(aside: re.Match[str]) -> str:
    return "" if _HIRING_STEP.search(aside.group(0)) else aside.group(0)


def _third_party_post(sentence: str) -> bool:
    found = _THIRD_PARTY_SEEKING.match(sentence)
    if found is None or _READER.search(found.group("subject")):
        return False
    return not _ASK_AFTER_ROLE.search(found.group("rest"))


def _self_told(sentence: str) -> bool:
    """The employer telling about itself in an opening sentence: its name, then a verb of its own ("grows")."""
    return bool(_SELF_TOLD.match(sentence)) and not _READER.search(sentence)


_READER: Final = re.compile(r"\b(?:you|your|you'll|candidates?|applicants?|the person|someone)\b", re.IGNORECASE)
_WEAK_BLURB: Final = frozenset(["we hire", "our team", "serves", "serving", "we help", "we make", "we build", "rated"])
_ABOUT_US: Final = re.compile(r"\b(?:we|we're|we've|our|us|is an?|has|have|since)\b", re.IGNORECASE)
# A headline or a shout: "🚀 WE'RE HIRING!!!", "Great pay!", "✨ Your Next Adventure": exclaimed, in
# capitals (everyday words), or led by an emoji with every word capitalised
_EMOJI_LED: Final = re.compile(r"^\s*[\u2600-\u27bf\U0001f300-\U0001faff]")


def _shout(raw: str, line: str) -> bool:
    words = re.findall(r"[^\W\d_][\w'’-]*", line)
    if not words or len(line.split()) > 8:
        return False
    exclaimed = line.rstrip().endswith("!")
    # in capitals, everyday words only: "JLPT N2", "IOSH" are names written in capitals, not a shout
    capitals = (
        len(words) >= 2
        and all(word.isupper() for word in words)
        and all(is_ordinary(re.split(r"['’]", word)[0]) for word in words)
    )
    titled = bool(_EMOJI_LED.match(raw)) and len(words) >= 2 and all(word[0].isupper() for word in words)
    return exclaimed or capitals or titled


def _names_skill(line: str) -> bool:
    cues = load_cues()
    if cues.must.search(line) or cues.nice.search(line) or cues.skill_words.search(line):
        return True
    return bool(load_taxonomy().index.find(tokenize(line)))


_BARE_SUBHEADINGS: Final = frozenset(["other", "others", "general", "miscellaneous", "additional", "misc"])
_JOB_FIELD: Final = re.compile(r"^(?:role|position|job title|title)\s*:\s*(?:[A-Z][\w&/-]*\s*){1,5}$", re.IGNORECASE)


def _sentence_importance(sentence: str, section: Section) -> Importance | None:
    cues = load_cues()
    joins = _JOIN.search(sentence) and not (cues.must.search(sentence) and cues.skill_words.search(sentence))
    if cues.apply.search(sentence) or joins or _HOW_TO_APPLY.search(sentence) or closing_line(sentence):
        return None
    if is_offer(sentence) or _GIVEN_TO_YOU.match(sentence):
        return None  # pay, pension, leave, medical cover: what the employer gives, wherever it sits
    if section == "prose" and _ADVERTISES_ROLE.search(sentence) and not cues.skill_words.search(sentence):
        return None  # "Small dive centre looking for an instructor for the winter season": the post, not an ask
    needs = _EMPLOYER_NEEDS.search(sentence) if section == "prose" else None
    if needs and not _READER.search(sentence[: needs.start()]) and not cues.skill_words.search(sentence):
        return None  # "Most of our felling is mechanised, but edge trees still need a good manual faller"
    blurb = cues.employer.search(sentence)
    if blurb and blurb.group(0).lower() in _WEAK_BLURB and cues.must.search(sentence):
        blurb = None  # "The person we hire should have four years of merchandising"
    if blurb and (section not in ("required", "nice") or _ABOUT_US.search(sentence)):
        return None  # under "Requirements", "Serving It Right certificate" is a certificate, not the blurb
    if section in ("prose", "required") and _ROLE_DOES.search(sentence) and not cues.skill_words.search(sentence):
        return None  # "Reporting to the Sales Manager, the successful candidate will call on dealers": the duties
    if _ORG_SEEKING.match(sentence) or (section == "prose" and _third_party_post(sentence)):
        return None  # "Galway County Council is seeking to create a panel of Executive Planners"
    if _HIRING_STEP.search(sentence):
        return None  # "You will be asked to complete a fitness assessment as part of the application": a step
    if _PROVIDED.search(sentence) and not _READER.search(sentence) and not cues.must.search(sentence):
        return None  # "Full uniform and training are provided": what the employer gives
    if _SEEKING_A_ROLE.match(sentence) and not cues.skill_words.search(sentence):
        return None  # "We are seeking a detail-oriented Coordinator to manage shipments": the role, not a skill
    unbracketed = NICE_ASIDE.sub("", sentence)
    if (
        re.match(r"\W*(?:ideally|preferably)\b", sentence, re.IGNORECASE)
        or cues.nice.search(unbracketed)
        or wished(unbracketed)
    ):
        # "3+ years bookkeeping, ideally in a practice" is required; "Ideally a degree in finance" is not
        return "nice_to_have"
    if section in ("required", "duties"):
        return "required"
    if section == "nice":
        return "nice_to_have"
    if section == "prose" and cues.must.search(_AS_NEEDED.sub("", sentence)):
        return "required"
    return None


def requirements(text: str) -> list[Requirement]:
    """Every requirement of a job description, in order, each phrase once."""
    return list(_requirements(text))


@lru_cache(maxsize=256)
def _requirements(text: str) -> tuple[Requirement, ...]:
    lines = [line.rstrip() for line in text.splitlines()]
    found: list[Requirement] = []
    section: Section = "prose"
    first = True
    bullets_seen = False  # a prose line after a section's list ends that section
    filled = [line for line in lines if line.strip()]
    before_list = {
        index for index, following in enumerate(filled[1:]) if BULLET.match(following) and not BOLD.match(following)
    }
    filled = criteria_codes(spec_table(filled))
    letters = spec_letters(filled)
    filled = [person_spec_row(line, letters) for line in filled]
    filled = [line for line in filled if line]
    opening = True  # no heading nor list yet: the ad's opening lines, where the employer tells about itself
    for position, raw in enumerate(filled):
        bold = BOLD.match(raw)  # "**What you bring**": a heading in Markdown, not a bullet
        if bold:
            raw = bold.group("inner").strip() + (":" if raw.rstrip().endswith(":") else "")
        is_bullet = bool(BULLET.match(raw)) and not bold
        if is_bullet:
            bullets_seen = True
        line = BULLET.sub("", raw).strip()
        if is_bullet and len(line.split()) <= 6 and not line.endswith(".") and listed_heading(line) is not None:
            is_bullet = False  # "🎯 What you bring": a heading with a symbol before it
        if line.strip(" :").lower() in _BARE_SUBHEADINGS:
            continue  # "Other" over a person specification's last rows names no section and asks nothing
        if first:
            first = False
            several_lines = sum(1 for other in lines if other.strip()) > 1
            if several_lines and not is_bullet and len(line.split()) <= 8 and not line.endswith(":"):
                continue  # the job title
        kind, rest = split_heading(line)
        if kind == "duties" and rest and not is_bullet and _JOB_FIELD.match(line):
            continue  # "Role: Accounts Executive": a job-board field naming the post
        if kind is None and not is_bullet and len(line.split()) <= 8 and not line.endswith((".", "!")):
            kind, rest = section_of_heading(line, over_list=position in before_list), ""
            if kind is None and (position in before_list or line.endswith("?")) and len(line.split()) <= 8:
                # "What you'll need" over a list: a heading we have no name for
                kind = "required" if load_cues().must.search(line) else "unknown"
        if kind is None and line.endswith(":") and len(line.split()) <= 12 and not is_bullet:
            kind, rest = section_of_heading(line), ""  # "For appointment to this grade, a candidate must have:"
        if kind is None and line.endswith(":") and len(line.split()) <= 10:
            # a list under it is what the job involves; prose asks only when it says so; offers ask nothing
            section = "context" if offered_section(_lines_under(filled, position)) else "unknown"
            bullets_seen = False
            continue
        if kind is None and not is_bullet and bullets_seen and section != "prose":
            section = "prose"
        line_section: Section = section
        opening = opening and kind is None and not is_bullet
        if kind is not None:
            if not rest:
                section = kind  # type: ignore[assignment]
                if _read_by_its_lines(line, kind) and offered_section(_lines_under(filled, position)):
                    section = "context"  # "Conditions", "Pay" over pay, pension and medical cover: the offer
                bullets_seen = False
                continue
            if rest.endswith(":") and not is_bullet:
                # "Qualifications: Each candidate must, on the closing date for receipt of forms:": a lead-in to
                # the list under it, which asks; the lead-in itself names nothing
                section = kind  # type: ignore[assignment]
                bullets_seen = False
                continue
            line_section = kind  # type: ignore[assignment]
            line = rest
        if line_section == "context":
            continue
        if _shout(raw, line) and not _names_skill(line):
            continue  # a headline or a shout names no skill, wherever it stands
        origin = line_section  # "unknown": a list under a heading we have no name for
        if line_section == "unknown":
            line_section = "duties" if is_bullet else "prose"
        if is_bullet and line_section == "prose":
            line_section = "duties"
        elif line_section == "duties" and not is_bullet and len(line.split()) > 12:
            line_section = (
                "prose"  # "The Role: As our first CSM you will own ...": a description, asking only if it says so
            )
        for sentence in sentences(line):
            sentence = _REASON_AFTER.sub("", _WE_USE.sub("", _OPENER.sub("", sentence)))
            sentence = _HIRING_ASIDE.sub(_unless_hiring_step, _ABOUT_US_ASIDE.sub("", sentence))
            if opening and line_section == "prose" and _self_told(sentence):
                continue  # "Domaine des Trois Bories grows 85 ha of lavender ...": the employer, not an ask
            sentence_section = line_section
            inline, inline_rest = split_heading(sentence) if line_section == "prose" else (None, "")
            if inline in ("required", "nice") and inline_rest:
                # "... 12 h/week. Requirements: a cord recognised by a group, experience teaching children, ...": a
                # heading written inside a prose paragraph heads the rest of its sentence
                sentence_section, sentence = inline, inline_rest  # type: ignore[assignment]
            asked: Importance | None = None
            for clause, borrowed in clauses(sentence, _ASKS):
                # "Previous registration experience is desirable, as is a second language": both are wishes
                asked = asked if borrowed and asked is not None else _sentence_importance(clause, sentence_section)
                if asked is not None:
                    # a wish aside ("(supervisory experience preferred)") comes after the ask it was added to
                    read = sorted(sentence_phrases(clause, asked), key=lambda item: item.importance != asked)
                    found.extend(replace(item, section=origin) for item in read)
    places = ad_places(text)
    # "... travel around the Waikato and Bay of Plenty": a piece that only names a place of the ad asks nothing
    kept = [item for item in _dedupe(found) if not is_place(re.sub(r"^(?:the|and|or)\s+", "", item.text), places)]
    return tuple(replace(item, places=places) for item in kept[:MAX_REQUIREMENTS])


def _lines_under(filled: list[str], position: int) -> list[str]:
    """The lines a heading stands over: its list, or the prose lines up to the next short line."""
    under: list[str] = []
    under_bullets = False
    for raw in filled[position + 1 : position + 13]:
        bullet = bool(BULLET.match(raw)) and not BOLD.match(raw)
        line = BULLET.sub("", raw).strip()
        if under and bullet != under_bullets:
            break
        if not bullet and ((len(line.split()) <= 8 and not line.endswith((".", "!"))) or BOLD.match(raw)):
            break  # the next heading
        under_bullets = bullet
        under.append(line)
    return under


def _read_by_its_lines(heading: str, kind: str) -> bool:
    """A heading whose section its lines decide: one we have no name for, or one that may head offers or asks
    ("Conditions", "Terms of service"); a listed heading of asks, wishes or duties is what it says."""
    return kind in ("unknown", "prose", "required", "duties") and listed_heading(heading) is None


def _dedupe(found: list[Requirement]) -> list[Requirement]:
    seen: dict[str, int] = {}
    kept: list[Requirement] = []
    for item in found:
        key = item.text.lower()
        if key in seen:
            if item.importance == "required" and kept[seen[key]].importance != "required":
                kept[seen[key]] = item
            continue
        seen[key] = len(kept)
        kept.append(item)
    return kept
