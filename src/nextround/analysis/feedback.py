"""Employer-feedback analysis: themes, strengths, reasons outside the person's control, next steps.

Deterministic and explainable: every theme is backed by evidence, quoted clauses of the input. The
approach is rule based on purpose (no model to ship, same answer every time):

1. Boilerplate ("we went with another candidate") is found first and blanked out, so its words
   ("experience more closely matches our needs") cannot pass for a specific reason.
2. The text is split into sentences, then into clauses at contrast words ("but", "however", a leading
   "While ..., ..."), so that praise and criticism in one sentence are judged apart.
3. Each clause gets a polarity from praise words, criticism words, negation, hedged employer language
   ("we felt", "some concerns") and requirement framing ("we need someone with").
4. Theme cues (stems and phrases, matched on word boundaries) in a critical or neutral clause count as
   a reason; in a praising clause they count as a strength. Besides occupation vocabulary, the cues cover
   general structures: requirements of prior practice ("we need someone who has already ..."), rivals
   with an advantage ("the successful candidate had ...", "others had led bigger teams"), advice ("you
   would benefit from ...", "we'd encourage you to brush up on ..."), and hedged panel language.
5. An unmarked clause conceded before "but" is praise ("Your model worked, but ..."); an aside
   ("Your pastry, though, ...") contrasts with the sentence before instead of splitting its subject off.
6. A critical clause that no cue placed is scored by a bag of weak hints per theme: a theme needs at
   least two distinct hints and a clear lead over the others, so no theme comes from one weak word.
7. `generic` means boilerplate only ("another candidate", "not a match at this time", a plain "we won't be
   taking you forward"). A clause that criticises in its own words but fits no theme gets no theme: the
   result then has no findings and the summary quotes that clause, rather than calling it boilerplate.

Measured on text it had never seen (tests/data/feedback_holdout4.jsonl, see bench/bench_feedback.py),
theme micro-F1 is about 0.81; culture-fit paraphrases and some employer-side wording are still missed.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum

from nextround.analysis.text import Span, clause_spans, sentence_spans

THEMES: tuple[str, ...] = (
    "technical_skills",
    "experience",
    "communication",
    "preparation",
    "culture_fit",
    "motivation",
    "competition",
    "logistics",
    "process",
    "generic",
)

OUTSIDE_CONTROL_CODES: tuple[str, ...] = (
    "role_frozen",
    "role_cancelled",
    "filled_internally",
    "budget",
    "restructuring",
    "location_or_visa",
    "timing",
)

# Themes a person can work on; competition, logistics, process and generic are about the employer.
ACTIONABLE_THEMES = frozenset(
    {"technical_skills", "experience", "communication", "preparation", "culture_fit", "motivation"}
)

# Untrusted text is size-limited; beyond this the tail is ignored (evidence still quotes the input).
MAX_ANALYSED_CHARS = 20_000
MIN_CONFIDENCE = 0.3
MAX_EVIDENCE_CHARS = 220
MAX_EVIDENCE_PER_THEME = 3


# ---------------------------------------------------------------------------------------------
# Result types
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ThemeFinding:
    theme: str
    confidence: float
    evidence: tuple[str, ...]

    def to_dict(self) -> dict[str, object]:
        return {"theme": self.theme, "confidence": self.confidence, "evidence": list(self.evidence)}


@dataclass(frozen=True)
class Strength:
    theme: str
    evidence: tuple[str, ...]

    def to_dict(self) -> dict[str, object]:
        return {"theme": self.theme, "evidence": list(self.evidence)}


@dataclass(frozen=True)
class FeedbackAnalysis:
    themes: tuple[ThemeFinding, ...]
    strengths: tuple[Strength, ...]
    actionable: bool
    outside_your_control: tuple[str, ...]
    actions: tuple[str, ...]
    summary: str

    @property
    def theme_names(self) -> tuple[str, ...]:
        return tuple(finding.theme for finding in self.themes)

    def to_dict(self) -> dict[str, object]:
        return {
            "themes": [finding.to_dict() for finding in self.themes],
            "strengths": [strength.to_dict() for strength in self.strengths],
            "actionable": self.actionable,
            "outside_your_control": list(self.outside_your_control),
            "actions": list(self.actions),
            "summary": self.summary,
        }


# ---------------------------------------------------------------------------------------------
# Lexicons
# ---------------------------------------------------------------------------------------------

_FLAGS = re.IGNORECASE


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, _FLAGS)


@dataclass(frozen=True)
class Cue:
    theme: str
    pattern: re.Pattern[str]
    weight: float
    # The cue names a problem by itself ("long-winded", "hiring freeze"), whatever the clause's tone.
    inherently_negative: bool = False
    code: str | None = None
    # A second code the same words carry ("we can no longer afford to hire": budget, and the role is gone).
    extra_code: str | None = None


def _cues(theme: str, entries: Iterable[tuple[str, float]], *, negative: bool = False) -> list[Cue]:
    return [Cue(theme, _rx(pattern), weight, negative) for pattern, weight in entries]


_SOFT_SKILL_WORDS = r"(?<!communication )(?<!people )(?<!interpersonal )(?<!presentation )(?<!soft )"
_OWN_ORG = (
    r"(?:our|the company'?s?|the organi[sz]ation'?s?|the business'?s?|the employer'?s?|the firm'?s?|the"
    r" school'?s?|the trust'?s?|the practice'?s?|the client'?s?)"
)
_ORG_TOPICS = (
    r"(?:products?|product range|services?|customers?|clients?|client groups|users?|mission|pricing|prices"
    r"|competitors?|strategy|business|company|organi[sz]ation|brand|history|results|plans|work|market"
    r"|merger|annual report|website|homepage|offering|sector|patients|community|menu|range|firm|practice|school"
    r"|trust|charity|store|shop|agency|group|campaigns?|projects?|news|reports?|social media|team|values|audience"
    r"|stores|sites?|branch\w*|venues?|restaurants?|programmes?|courses?|approach|ethos|competition)"
)
_KNOWING = (
    r"(?:know\w*|knew|aware\w*|underst(?:and\w*|ood)|familiar\w*|research\w*|look(?:ed|ing)? (?:into|at|up)"
    r"|read|say|said|explain\w*|describe\w*|mention\w*|discuss\w*|talk\w* about|questions? about|grasp"
    r"|name|list|tell us|recall|identify|unclear about|unsure about|unaware|visit\w*|check\w*)"
)

TECHNICAL_CUES = [
    *_cues(
        "technical_skills",
        [
            (r"\btechnical(?:ly)?\b", 0.7),
            (_SOFT_SKILL_WORDS + r"\bskills?\b(?! (?:in|at) (?:communicat|explain|present|listen))", 0.6),
            (r"\bskill ?set\b", 0.7),
            (r"\b(?:knowledge|understanding|grasp|command|grip (?:of|on))\b(?! of " + _OWN_ORG + r")", 0.6),
            (r"\b(?:depth|proficien\w*|competen(?:ce|cy|t) (?:in|with|at)|fluen(?:t|cy)|expertise)\b", 0.7),
            (r"\b(?:not yet |n't |not )?confident (?:with|in|at|using)\b", 0.6),
            (r"\b(?:certif\w*|qualification|licen[cs]e|accredit\w*|registration|\w+ card|ticket)\b", 0.6),
            (r"\bhands-on skills?\b|\bpractical (?:skills?|task|test|exercise)\b", 0.7),
            (r"\b(?:coding|code|programming|algorithms?|data structures?|system design|architecture)\b", 0.8),
            (r"\b(?:debug\w*|error handling|unit tests?|tests? of your own|testing)\b", 0.7),
            (r"\b(?:sql|excel|spreadsheets?|pivot tables?|python|java(?:script)?|kubernetes|aws|azure|cloud)\b", 0.7),
            (r"\b(?:data analysis|scal(?:ing|ability)|cach(?:e|ing)|databases?|apis?|networking)\b", 0.6),
            (r"\b(?:cyber|network|information|cloud|application) security\b|\bsecurity (?:testing|controls)\b", 0.7),
            (r"\b(?:subnet\w*|bgp|dns|linux|git)\b", 0.7),
            (r"\b(?:modell?ing|accounting|accruals?|reconciliations?|ledgers?|ifrs|gaap|month-end|bookkeeping)\b", 0.7),
            (r"\b(?:numerical|verbal|logical|abstract) reasoning\b|\baptitude\b|\b(?:test|assessment) score\b", 0.8),
            (r"\bscore\b|\bthreshold\b|\bpass mark\b", 0.5),
            (r"\b(?:clinical|medication|drug calculations?|calculations?|wound care|observations|care plans?)\b", 0.7),
            (r"\b(?:escalation|safeguarding|hand-?hygiene|infection control|documentation|record-keeping)\b", 0.6),
            (r"\b(?:behaviour management|classroom management|differentiation|lesson plan\w*|pace|pacing)\b", 0.7),
            (r"\boff[- ]task\b|\bsubject knowledge\b|\bassessment for learning\b|\bmarking\b", 0.6),
            (r"\b(?:dough|laminat\w*|pastry|proving|proofing|knife skills|plating|baking|bake)\b", 0.6),
            (r"\b(?:revers\w*|manoeuvr\w*|parking|route planning|hazard perception|road craft)\b", 0.6),
            (r"\b(?:figma|sketch|photoshop|prototyp\w*|wireframe\w*|user research|usability|typography)\b", 0.6),
            (r"\b(?:accessibility|design system|visual design|ux|ui)\b", 0.5),
            (r"\b(?:negotiat\w*|prospecting|objection handling|closing techniques?|crm|forecasting)\b", 0.6),
            (r"\b(?:troubleshoot\w*|typing speed|product knowledge|ticketing|diagnos\w*)\b", 0.6),
            (r"\b(?:regulations?|compliance|health and safety|legislation|standards)\b", 0.6),
            (r"\b(?:german|french|spanish|welsh|italian|mandarin|arabic|polish|portuguese|language skills)\b", 0.6),
            (r"\b(?:technique|methodology|tooling|software|equipment)\b", 0.5),
            (
                r"\b(?:problem-solving|problem solving|analytical|attention to detail|critical thinking|judgement)\b",
                0.5,
            ),
            (
                r"\b(?:strategic (?:thinking|mindset|skills|view)|time management|prioriti[sz]\w*"
                r"|organisational skills)\b",
                0.5,
            ),
            (
                r"\b(?:trained (?:in|on|to)|training in|up to speed (?:on|with)|fundamentals|know-how|capabilit\w*)\b",
                0.6,
            ),
            (r"\b(?:system|software|tools?|platform|kit|machinery|equipment) (?:we|that we|our team) use\b", 0.7),
            # "weak on campaign metrics", "gaps in payroll": the object of a stated gap is usually a skill
            (
                r"\b(?:weak(?:er)?|gaps?|shaky|rusty|not (?:strong|confident|comfortable|fluent|up to speed))"
                r" (?:on|in|at|with|around) (?!the (?:role|company|job)|our|us|you|structure|communicat|presentation"
                r"|detail|examples|answers|preparation|research|experience|motivation)[a-z][\w/-]+",
                0.55,
            ),
            (r"\bmis(?:translat|read|understood|pronounc|spel|calculat|judg|label|handl|diagnos)\w*", 0.6),
            (
                r"\b(?:wiring|plumbing|welding|carpentry|joinery|brickwork|plastering|tiling|electrical|mechanical)\b",
                0.6,
            ),
            (r"\b(?:engines?|diagnostics|machining|cnc|forklift|hgv|tachograph|vehicle checks)\b", 0.55),
            (
                r"\b(?:food (?:hygiene|safety)|allergens?|cash handling|till|stock control|merchandising|inventory)\b",
                0.6,
            ),
            (r"\b(?:payroll|vat|tax returns?|invoic\w*|procurement|budgeting|financial reporting)\b", 0.6),
            (
                r"\b(?:copywriting|proofreading|editing|seo|analytics|metrics|a/b tests?|campaigns?"
                r"|content strategy)\b",
                0.55,
            ),
            (r"\b(?:adobe|illustrator|indesign|autocad|revit|cad|matlab|statistic\w*|machine learning)\b", 0.6),
            (r"\b(?:etl|spark|kafka|streaming|pipelines?|docker|terraform|ci/cd|devops|react|frontend|backend)\b", 0.6),
            (r"\b(?:test (?:plan|cases?|automation)|edge cases?|selenium|postman|regression testing)\b", 0.6),
            (
                r"\b(?:first aid|cpr|triage|handover|patient assessment|pharmacology|dosage|phlebotomy|cannulation)\b",
                0.6,
            ),
            (r"\b(?:manual handling|moving and handling|personal care|risk assessments?|de-escalation)\b", 0.6),
            (r"\b(?:curriculum|phonics|questioning|lesson|planning for|send provision)\b", 0.5),
            (
                r"\b(?:clear )?(?:learning (?:intentions|objectives|outcomes)|success criteria)\b|\b(?:your"
                r"|lesson) planning\b"
                r"|\bplenary\b|\bcheck(?:ing)? (?:for )?understanding\b|\badapt\w* (?:it|the (?:activity|lesson"
                r"|task))\b",
                0.6,
            ),
            (r"\b(?:terminology|translation|interpreting|grammar|spelling|accuracy)\b", 0.5),
            (r"\b(?:conflict resolution|complaint handling|upselling|cold calling|account management)\b", 0.6),
            # Skills across occupations, so that unseen feedback still names a skill.
            (
                r"(?<!be )(?<!feel )\b(?:familiar|comfortable|fluent|proficient|competent|practised|au fait"
                r"|up to speed)"
                r" (?:with|in|on|at|using) (?!(?:our|the company|the organi[sz]ation|us|you|working|the team|the role"
                r"|the job|the idea|ambiguity|change|the pace|being|what)\b)(?:any |the |a |an |basic )?[\w-]+",
                0.55,
            ),
            (r"\b(?:brush(?:ing)? up(?: on)?|sharpen(?:ing)? up(?: on)?|get(?:ting)? up to speed (?:on|with))\b", 0.55),
            (
                r"\b(?:management|booking|reservation|till|pos|epos|ordering|patient record|records?|rostering"
                r"|ticketing|crm|erp|accounting|payroll|warehouse|stock|dispensing|scheduling|point[- ]of[- ]sale)"
                r" (?:systems?|software|platforms?|tools?)\b",
                0.6,
            ),
            (
                r"\b(?:mirror|blind[- ]spot|safety|pre-use|vehicle|walkaround|walk-round|observation|cockpit)"
                r" checks?\b|\bclutch control\b|\bspeed (?:awareness|control)\b|\bcoupling\b|\bload securing\b",
                0.6,
            ),
            (
                r"\b(?:time complexity|big-?o|complexity|concurrency|async\w*|refactor\w*|code reviews?|recursion"
                r"|sql joins|queries|schemas?|indexing|regex|test coverage|version control|deployment)\b",
                0.6,
            ),
            (
                r"\b(?:breakpoints?|responsive design|colour contrast|contrast ratios?|kerning|user flows?"
                r"|information architecture|interaction design|grid systems?)\b",
                0.55,
            ),
            (
                r"\b(?:pick(?:ing)? rates?|picking|packing|scanners?|stock rotation|pallets?|racking|put-?away"
                r"|despatch|dispatch|load(?:ing)? plans?)\b",
                0.55,
            ),
            (
                r"\b(?:journals?|variance analysis|consolidations?|cash ?flow|balance sheets?|trial balance"
                r"|audit (?:trail|procedures|testing)|year-end|formulas?|formulae|lookups?|vlookups?)\b",
                0.55,
            ),
            (
                r"\b(?:intravenous|iv (?:drugs|therapy|lines?)|catheter\w*|wounds?|vital signs|news2|sepsis|insulin"
                r"|fluid balance|hoist\w*|pressure (?:care|areas?|ulcers?)|medication administration"
                r"|controlled drugs|drug rounds?|numeracy|obs)\b",
                0.55,
            ),
            (
                r"\b(?:scaffold\w*|stretch and challenge|challenge for (?:the )?(?:most able|higher|able)"
                r"|retrieval practice|pupil progress|lesson observation|observed lesson|behaviour policy)\b",
                0.55,
            ),
            (
                r"\b(?:cocktails?|mixology|wine knowledge|silver service|latte art|espresso|knife work|seasoning"
                r"|mise en place|food prep(?:aration)?|cooking|under-?proved|over-?proved|under-?baked|over-?baked"
                r"|crust|crumb|shaping|piping|icing|butchery|filleting|temperatures?)\b",
                0.55,
            ),
            (
                r"\b(?:tolerances?|tolerancing|measurements?|first fix|second fix|fault[- ]finding|inspection and"
                r" testing|schematics?|drawings?|soldering|pipework|setting out|cutting lists?|joints?)\b",
                0.5,
            ),
            (
                r"\b(?:discovery (?:call|questions)|qualifying|pipeline management|cross-sell\w*|account planning)\b",
                0.55,
            ),
            (r"\b(?:root cause|ticket handling|knowledge base|service level|sla)\b", 0.55),
            (
                r"\b(?:quality|standard|accuracy|speed|consistency|neatness|finish) of (?:your|the) (?:work|output"
                r"|bakes?|cuts?|dishes|plates|welds?|drawings?|code|writing|lesson|care|driving|calculations?|cleaning"
                r"|picking|finish)\b",
                0.6,
            ),
            (
                r"\b(?:the|your) (?:practical|trial|trade test|skills test|technical test|test|task|exercise"
                r"|assessment|work sample|sample|trial shift|in-tray|paper|drive|observation)\b[^.;]{0,60}"
                r"\b(?:errors?|mistakes?|wrong|incorrect|failed|didn't pass|did not pass|inaccura\w*|incomplete"
                r"|inconsistent|rough|untidy|sloppy|unsafe|missed|out by|ran out of time)\b",
                0.6,
            ),
            (
                r"\b(?:got|had|made) (?:\w+ )?(?:of the \w+ )?(?:wrong|errors?|mistakes?)\b|\bdid(?:n't| not) pass\b"
                r"|\bfailed (?:the|to pass|on)\b",
                0.55,
            ),
            (r"\b(?:lapsed|expired|out of date|not (?:yet )?(?:complete|valid|current))\b", 0.35),
            (r"\b(?:stock ?(?:counts?|checks?|takes?|taking)|stocktak\w*|cash(?:ing)? up|till balance|float)\b", 0.6),
            (r"\bregistered (?:with|as)\b", 0.6),
            (
                r"(?<!-)(?<!over)\b(?:chartered|certified|licensed|accredited|fully qualified|qualified)"
                r" (?!candidates|applicants|people)[\w-]+",
                0.6,
            ),
            (
                r"\b(?:customer|client|buyer|prospect|patient|guest|caller|user)'?s?'? (?:needs|budget|requirements"
                r"|objections|pain points|symptoms|concerns)\b|\bestimat\w*",
                0.55,
            ),
            (r"\b(?:twice|double|three times) the time\b|\btime (?:we|you were|that we) allow(?:ed)?\b", 0.5),
            # Qualifications count as skills, as licences and certificates do.
            (
                r"\b(?:master'?s|bachelor'?s|degree|phd|doctorate|diploma|msc|mba|bsc|nvq|btec|a-levels?|gcses?)\b",
                0.5,
            ),
            (r"\b(?:gdpr|data protection|anti-money laundering|aml|kyc|tupe|coshh|riddor)\b", 0.6),
            (
                r"\banswers?\b[^.;]{0,50}\b(?:incorrect|wrong|inaccurate|not (?:accurate|correct|right)|factually"
                r"|out of date|outdated)\b"
                r"|\b(?:knowledge|understanding)\b[^.;]{0,40}\b(?:out of date|outdated)\b",
                0.7,
            ),
            (
                r"\b(?:concepts?|designs?|drafts?|mock-?ups?|solutions?|prototypes?|builds?|logos?|layouts?|scripts?"
                r"|queries|models?|formulas?|circuits?|fixes?) (?:didn't|did not|don't|do not|doesn't|does not"
                r"|wouldn't|would not) (?:work|scale|run|compile|hold up|read well|reproduce|balance)\b",
                0.6,
            ),
            (
                r"\byour timing\b|\b(?:dishes|orders|plates|tickets|deliveries) (?:went out|were|came out) late\b",
                0.6,
            ),
        ],
    ),
    # "already CIMA qualified", "NMC registered": a credential written in capitals, then what it makes you.
    Cue(
        "technical_skills",
        re.compile(
            r"\b(?!(?:UK|US|USA|EU|HR|IT|CV|PR|ID|UAE)\b)[A-Z][A-Z0-9]{1,6}[- ](?:qualified|certified|registered"
            r"|accredited|chartered|trained|approved|licensed)\b"
        ),
        0.6,
    ),
    # "does not hold QTS", "without a CSCS card": a named credential, written in capitals.
    Cue(
        "technical_skills",
        re.compile(
            r"\b(?:[Hh]olds?|[Hh]eld|[Hh]olding|[Ww]ithout|[Ll]acks?|[Ll]acking|[Rr]equires?|[Rr]equired|[Nn]o)\s+"
            r"(?:a |an |the |your )?(?:valid |current |full )?(?!(?:UK|US|USA|EU|HR|IT|CV|PR|ID"
            r"|UAE)\b)[A-Z][A-Z0-9]{1,6}\b"
        ),
        0.6,
    ),
]

EXPERIENCE_CUES = [
    *_cues(
        "experience",
        [
            (r"\bexperien\w*", 0.85),
            (r"\byears? of\b", 0.8),
            # a span of years counts only when it measures time in a field ("two years of", "more years in")
            (
                r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|a couple of|a few|several|more|a|an)\+?"
                r" (?:more )?(?:full )?years?'?\s+(?:of|in|as|doing|working|experience|under|on|at|running|leading"
                r"|[a-z]+ing)\b",
                0.7,
            ),
            (r"\bmore (?:time|years) (?:running|doing|in|on|as|leading|managing|spent)\b", 0.75),
            (r"\b(?:only|never|not yet|not) (?:ever )?worked (?:on|with|in|at|for|as)\b", 0.7),
            (r"\bnew to (?:the|this|our) (?:sector|industry|field|role|area|profession|trade)\b", 0.7),
            (r"\b(?:exposure|first-hand|hands-on time|level of responsibility|step up|stretch for you)\b", 0.6),
            (r"\b(?:prior|previous|direct|relevant|recent|frontline|supervisory) (?:background|exposure)\b", 0.75),
            (r"\b(?:track record|background in|exposure to|seniority|senior enough|too junior|more senior)\b", 0.75),
            (r"\bready to (?:run|lead|manage|take|step|handle|work|supervise)\b", 0.7),
            (
                r"(?:\b(?:had|has|have|having)|'s|'ve|'d)\s+(?:already\s+|previously\s+)?(?:worked|run|done|led"
                r"|managed|used|delivered|built|covered|held|handled|taught|supervised|been|seen|driven)\b[^.;]{0,80}"
                r"\b(?:before|previously)\b",
                0.8,
            ),
            (r"\b(?:similar|comparable|equivalent) (?:role|project|position|setting|environment|post)\b", 0.5),
            (r"\b(?:over|under)-?qualified\b", 0.8),
            (r"\b(?:in the sector|in the industry|industry background|sector background)\b", 0.5),
            (r"\bunder (?:their|his|her|your|the) belt\b", 0.8),
            (r"\bevidence of (?:you )?(?:leading|managing|running|delivering|doing|working|having)\b", 0.7),
            (
                r"\b(?:leading|managing|running|supervising) (?:change|teams?|people|projects?|a team|staff|others)\b",
                0.5,
            ),
            (
                r"\b(?:had|has|have) (?:already |previously |recently )?(?:led|run|managed|delivered|built|done"
                r"|completed|shipped|launched|overseen|handled)\b",
                0.6,
            ),
            # Not having done the work yet: "hadn't yet run a ward", "is yet to lead a team".
            (
                r"\b(?:ha(?:d|s|ve)(?:n't| not)|never|yet to)\s+(?:yet\s+|ever\s+|actually\s+)?(?:run|ran|led|lead"
                r"|managed?|supervised?|worked|taught|teach|held|handled?|overseen|covered|been (?:in|on|a|an|the))\b",
                0.7,
            ),
            (
                r"\b(?:run|ran|lead|led|manage[ds]?|supervise[ds]?|take charge of|cover(?:ed)?|handle[ds]?)"
                r" (?:a |an |the )?(?:[\w-]+ ){0,2}(?:on (?:your|their|his|her) own|by (?:your|them|him|her)self"
                r"|independently|solo|unsupervised)\b",
                0.75,
            ),
            # "others had led bigger teams", "she had run a similar site": the scope of work done
            (
                r"\b(?:led|ran|run|managed|supervised|overseen|headed) (?:a |an |the |their |her |his )?"
                r"(?:bigger|larger|big|large|whole|full|busy|busier|similar|own|several|multiple|\d+)? ?"
                r"(?:teams?|departments?|sites?|wards?|shifts?|sections?|kitchens?|stores?|shops?|branch(?:es)?"
                r"|projects?|budgets?|p&l|classes|crews?|units?|programmes?|portfolios?)\b",
                0.6,
            ),
            (
                r"\b(?:spent|spend|spending) (?:longer|more time|more years|years|time) (?:in|on|as|with"
                r"|at|running|leading|working|doing)\b(?! (?:the |each |one |your |my )?(?:first |second |last |one )?"
                r"(?:question|answer|task|exercise|introduction|intro|slide|point|topic|test)s?\b)"
                r"|\blonger in (?:a|an|the)\b",
                0.75,
            ),
            # "your background is mostly in audit"; a background check is not a background
            (r"\bbackground\b(?! (?:check|screen|verif|noise|music|information|reading))", 0.5),
            (
                r"\bbackground (?:is|was|has been|lies) (?:mostly |mainly |largely |all |only |entirely )?(?:in"
                r"|with|on)\b",
                0.75,
            ),
            (
                r"\b(?:proven|demonstrable|demonstrated|established) (?:track record|record|history|experience"
                r"|results?)\b",
                0.75,
            ),
            (
                r"\b(?:your|their|his|her|whose) (?:work|roles?|career|jobs?|time|experience|cv|employment|posts?)"
                r" (?:so far |to date |until now |up to now )?(?:has|have|had) (?:mostly |mainly |largely |only |all"
                r" |always |entirely )?been\b|\byours (?:has|had|have) (?:mostly |mainly |largely |only |all"
                r" |always |entirely )?been (?:in|with|on|as)\b",
                0.65,
            ),
            (
                r"\b(?:so far|to date|until now|up to now|up until now)\b[^.;]{0,40}\b(?:has|have|had) been"
                r" (?:in|on|with|as|supporting|doing|assisting)\b",
                0.6,
            ),
            (r"\bmost of your (?:work|roles?|career|experience|wins|clients|time|projects|jobs|posts)\b", 0.6),
            (
                r"\b(?:light|thin|short) on (?:[\w-]+ ){0,2}(?:work|time|roles?|projects?|exposure|hours|cases"
                r"|delivery|placements?)\b",
                0.7,
            ),
            (
                r"\bnew to (?:[\w-]+ ){0,3}(?:sector|industry|field|role|area|profession|trade|work|support|management"
                r"|teaching|nursing|care|roles?|jobs?|environment|settings?|level|market|country)\b"
                r"|\b(?:you're|you are|you were|being|relatively|fairly|quite) new to\b",
                0.7,
            ),
            (
                r"\b(?:hands-on|first-hand|real-world|on-the-job|frontline|front-line|post-qualification|commercial"
                r"|industry|sector|shop-floor|ward|site|client-facing|customer-facing|line management|supervisory"
                r"|management|leadership) (?:work|time|exposure|background|history|hours|responsibility)\b",
                0.65,
            ),
            (r"\bhands-on\b(?! skills?)", 0.5),
            (
                r"(?<!internal )\b(?:someone|somebody|a person|people|candidates?|applicants?|an? [\w-]+) (?:who|that)"
                r"(?: has| have| had"
                r"|'s) (?:already |previously |recently |actually )?(?:[a-z]+ed|done|run|led|taught|held|been"
                r"|built|made"
                r"|seen|driven|worked|spent)\b(?! (?:to|for) us\b| (?:covering|acting|doing (?:it|the role)))",
                0.7,
            ),
            (r"\byour [\w-]+s? (?:so far|to date|until now) (?:has|have) (?:mostly |mainly |all |only )?been\b", 0.65),
            (
                r"\b(?:knowledge|understanding|knew|know|grasp) (?:of )?(?:the )?(?:local )?(?:[\w-]+ )?(?:market"
                r"|sector"
                r"|industry|patch|territory|community|region|area)\b",
                0.7,
            ),
            # "someone who can already ...": a requirement of prior practice
            (
                r"\b(?:someone|somebody|a person|people|candidates?|applicants?|staff) (?:who|that)(?: can| could| has"
                r"| had| have| is| was|'s)? (?:already|previously)\b"
                r"(?! (?:[a-z]{2,6} )?(?:holds?|held|registered|qualified|certified|licensed|trained"
                r"|ha(?:s|ve|d) (?:a|an|the|their)))",
                0.7,
            ),
            (
                r"\b(?:area|field|sector|setting|environment|kind of work|type of work|line of work)s? (?:that )?"
                r"you(?:'ve| have|'d| had)? (?:not |never |yet to )?(?:worked|been|spent time) in\b",
                0.7,
            ),
            (r"\bbehind (?:them|him|her|you)\b(?! (?:in|on|at))", 0.6),
            (r"\b(?:had|has|have|with|done|doing|brought) more (?:[\w-]+ ){0,3}work\b", 0.6),
            (r"\bmore (?:seniority|responsibility|mileage|time served|miles on the clock)\b", 0.75),
            (
                r"\b(?:breadth|range|variety) of (?:[\w-]+ )?(?:roles|settings|cases|projects|clients|sectors"
                r"|environments|work|experience)\b",
                0.7,
            ),
            (
                r"\bat (?:director|board|senior|executive|c-suite|management|leadership|manager|head of department"
                r"|national|regional|enterprise) level\b",
                0.65,
            ),
            (
                r"\bbefore (?:taking on|stepping (?:up|into)|moving (?:up|into)|putting you|you (?:take on|step up"
                r"|lead|run))\b|\bready for (?:a|the|this) (?:senior|lead|bigger|step|level|next)\b",
                0.5,
            ),
            (
                r"\b(?:you(?:'ve|'d| have| had)?|have|has|had) only (?:ever )?(?:[a-z]+ed|done|taught|seen|sold|run"
                r"|led|built|made|driven)\b",
                0.7,
            ),
            (
                r"\b(?:real|paid|professional|commercial|live) (?:client |world |industry )?(?:work|projects|briefs)\b"
                r"|\bclient work\b|\b(?:school|university|college|uni|student|personal) projects\b|\bcoursework\b",
                0.6,
            ),
            (r"\bgravitas\b", 0.6),
            # How far along someone is, and what they bring with them.
            (
                r"\bfurther (?:along|on|advanced|ahead) (?:in|with) (?:their|your|the|his|her)\b"
                r"|\b(?:enough|sufficient|more|much) time (?:in|on|as|with|at) (?:a|an|the)\b(?! (?:question|answer"
                r"|task|exercise|test|introduction|slides?|presentation)s?\b)",
                0.7,
            ),
            (
                r"\b(?:book|portfolio|base|list|network) of (?:existing |established |loyal |your own )?(?:clients"
                r"|customers|contacts|accounts)\b|\b(?:client|customer) (?:base|book|following)\b",
                0.6,
            ),
            # shortlisting against the person specification: "insufficient evidence against essential criteria"
            (
                r"\b(?:insufficient|limited|not enough|no|little) evidence (?:against|of meeting|for|in) (?:the |our )?"
                r"(?:essential|desirable|key|shortlisting|selection|person specification)?\s?criteri\w*",
                0.65,
            ),
        ],
    ),
]

COMMUNICATION_CUES = [
    *_cues(
        "communication",
        [
            (r"\bcommunicat\w*", 0.9),
            (r"\barticulat\w*|\beloquen\w*|\bclarity\b", 0.8),
            (r"\b(?:concise\w*|succinct\w*|to the point|get to the (?:point|result)|more quickly)\b", 0.75),
            # "explain why you applied" is about the reasons (motivation), not the delivery
            # "explain why you applied" is about the reasons (motivation); "unable to explain how you'd
            # prioritise" is about what the person knows, not how they said it
            (
                r"\b(?:explain\w*|explanation)\b"
                r"(?! (?:why|your (?:reasons?|motivation)|how (?:you(?:'d| would)|to)\b))",
                0.6,
            ),
            (r"\b(?:listen\w*|interrupt\w*|talked over)\b", 0.75),
            (r"\b(?:tone|body language|eye contact|rapport|manner)\b", 0.6),
            # bare "speaking" is too common ("after speaking with the team"); only manner of speech counts
            (
                r"\b(?:spoke|speak\w*) (?:too|very|quite|a bit|rather|so|more|up|clearly|slowly|quickly|over)\b"
                # "quiet" describes the person only when said of them ("a very quiet practice" is a workplace)
                r"|\byou(?:'re| are| were| was| seemed| came across as| sounded| could be)? (?:a bit |a little |quite "
                r"|very |rather |too |fairly )?quiet\b|\b(?:bit|little|too|rather|quite) quiet (?:in|during|at|for"
                r"|when)\b|\bquietly\b|\bquiet voice\b"
                r"|\bmumbl\w*|\bhear you\b",
                0.6,
            ),
            (r"\b(?:presentation|present (?:your|ideas|the|it))\b", 0.5),
            (
                r"\b(?:clear|unclear)\b(?! (?:process|that|why|to us|idea of what|on|about|whether|reasons?|motivation"
                r"|plan"
                r"|learning|sense of why|names?|naming|variable|labels?))",
                0.5,
            ),
            # "structure" alone is ambiguous (a structured workplace); only the structure of what was said
            (
                r"\b(?:answer|response|presentation|report|argument|talk|writing|written|the) structure\b"
                r"|\bstructur\w* (?:of |in )?(?:your |the )?(?:answers?|responses?|presentation|thoughts|points"
                r"|report|argument)\b|\b(?:on|lacked|lacking|no|clear|better) structure\b|\bstructure made\b"
                r"|\bwell[- ]structured\b",
                0.6,
            ),
            (r"\bunstructured\b", 0.7),
            (r"\b(?:specific|concrete|real|clear|relevant) examples?\b", 0.8),
            # "examples of your work" asked for in advance are material to bring (preparation), not answers
            (r"\bexamples?\b(?! of (?:your|previous|past|recent) (?:own )?(?:work|projects|designs|writing))", 0.5),
            (r"\b(?:summar\w*|detail(?:s|ed)?|elaborat\w*|prompt(?:ed|ing)? you)\b", 0.5),
            (r"\b(?:short|brief|long|lengthy|vague|generic|rehearsed|scripted|unfocused) answers?\b", 0.8),
            # a criticism of how the answers were given, not any mention of them ("answers were about X")
            (
                r"\banswers?\b[^.;]{0,40}\b(?:lacked|lacking|jumped|wandered|drifted|rambled|went on|ran (?:on|long"
                r"|over)|kept (?:going|drifting|wandering)|(?:were|was|felt|seemed|came across(?: as)?|got|became"
                r"|grew)(?: (?:a bit|a little|quite|rather|too|very|somewhat|slightly|often|sometimes|mostly"
                r"|largely|at times))* (?:long|short|brief|vague|generic|rambling|unclear|confusing|muddled"
                r"|unfocused|unstructured|wordy|repetitive|rushed|scripted|rehearsed|textbook|theoretical|general"
                r"|high-level|surface|thin|hard|difficult|all over|off-topic|light|lacking|disjointed|flat"
                r"|hesitant|one-dimensional|abstract|hypothetical|formulaic))\b",
                0.55,
            ),
            (r"\b(?:tighten\w*|shorten\w*|trim\w*)\b[^.;]{0,20}\banswers?\b", 0.75),
            (r"\b(?:tend(?:ed|s)? to|started to) (?:go on|drift|wander|ramble|repeat)\b", 0.75),
            (r"\b(?:non-specialist|non-technical|lay) (?:audiences?|people|colleagues|stakeholders)\b", 0.7),
            (r"\b(?:ownership|personally did|your (?:own )?(?:role|part|contribution) in)\b", 0.6),
            (
                r"\bpersonally (?:contributed|did|delivered|achieved|done|added|changed|led)\b"
                r"|\b(?:struggled|unable|not able|found it hard|found it difficult) to (?:say|explain|describe"
                r"|articulate|put (?:into words|across)|get across|summari[sz]e|give (?:an? )?(?:example|answer))\b",
                0.7,
            ),
            (r"\b(?:gave|giving|give) (?:[\w-]+ ){0,3}(?:answers?|responses?)\b", 0.55),
            (r"\b(?:rehearsed|scripted|robotic)\b", 0.6),
            (r"\bstar (?:method|format|structure|technique|answers?)\b", 0.8),
            (r"\bclear (?:picture|sense|idea|answer|explanation)\b", 0.5),
            (r"\bdirect (?:answers?|response)\b|\banswer(?:ed)? (?:the|our|what was) (?:question|asked)\b", 0.75),
            (r"\b(?:looking at|reading from|relied on|reading) (?:your )?notes\b|\bjargon\b|\bacronyms\b", 0.65),
            (
                r"\bread (?:straight |directly |word for word )?(?:from|off) (?:them|the slides|your slides|the screen"
                r"|your notes|the notes|a script)\b|\btoo many slides\b",
                0.7,
            ),
            (
                r"\b(?:answers?|examples?|responses?)\b[^.;]{0,30}\b(?:generic|general|vague|thin|brief|short"
                r"|surface-level|superficial|unfocused|rehearsed)\b",
                0.7,
            ),
            (r"\bsituations? you(?:'d| had| have)? handled\b|\bsell(?:ing)? yourself\b|\bunder-?sold\b", 0.65),
            (r"\b(?:garbled|storytelling|written (?:communication|english)|people person)\b", 0.55),
            (r"\b(?:you|answers?|explanations?|delivery|presentation)\b[^.;]{0,25}\b(?:rushed|hurried)\b", 0.6),
            (r"\b(?:acknowledg\w*|empath\w*|reassur\w*|calm (?:them|him|her|the [\w-]+) down)\b", 0.6),
            (r"\b(?:did(?:n't| not)|does(?:n't| not)) come across (?:well|clearly|as intended)\b", 0.6),
            (
                r"\b(?:points?|message|messages|argument|conclusions?|findings) (?:were|was|got|get|gets|are|is)"
                r" (?:a bit |rather |somewhat )?(?:buried|lost|hidden|muddled)\b",
                0.75,
            ),
            (r"\b(?:hard|difficult) to (?:piece together|make sense of|pin down|keep up with)\b", 0.85),
            (r"\bwalk(?:ed|ing)? (?:us|them|me|the panel|the [\w-]+) through\b", 0.6),
            (r"\bdraw(?:ing)? (?:you|them) out\b|\bopen(?:ed)? up\b", 0.6),
            (
                r"\b(?:could|couldn't|could not|able to|easy to|easier to) follow\b(?! (?:the|our|a|an|instructions"
                r"|procedures?|process|recipes?|steps?|rules|guidance|polic\w+|protocols?|up)\b)",
                0.55,
            ),
            (
                r"\b(?:lead|start|open)(?:ing)? with (?:the|your) (?:outcome|result|answer|point|headline"
                r"|conclusion)\b",
                0.75,
            ),
            (r"\bpick(?:ed)? up on what\b|\bwhat (?:they|the [\w-]+) (?:were|was) (?:telling|saying)\b", 0.65),
            (r"\b(?:spoke|speak\w*|talk\w*|answer\w*|present\w*)\b[^.;]{0,25}\btoo (?:fast|quickly)\b", 0.7),
            (r"\bwhat you(?:'d| would)? (?:bring|offer|contribute|add)\b", 0.65),
            (r"\btalk(?:ed|s|ing)? (?:a lot|too much|mostly|at length|at great length) about\b", 0.6),
            (
                r"\bdominat\w* (?:the )?(?:discussion|conversation|group|meeting|exercise)\b"
                r"|\blet (?:others|other people|them|the others|everyone) (?:speak|contribute|finish|talk"
                r"|have a say)\b",
                0.75,
            ),
            (r"\bdifficult conversations?\b|\b(?:challenging|tough|hard) conversations?\b", 0.7),
            (r"\bcontradict\w*", 0.6),
        ],
    ),
    *_cues(
        "communication",
        [
            (r"\b(?:rambl\w*|long-?winded|waffl\w*|tangents?|off-topic|jumped around|hard to follow)\b", 0.9),
            (r"\b(?:difficult to follow|hard to pick out|hard to understand|difficult to hear)\b", 0.85),
            (r"\b(?:vague|abrupt|curt|monosyllabic|one-word answers|went on too long)\b", 0.75),
            (
                r"\b(?:brusque|blunt|dismissive|off-?hand|terse|(?:sharp|short|cold) with)\b"
                r"|\b(?:spent|spending|spend) (?:too long|a long time|too much time|ages) (?:on|answering)\b",
                0.7,
            ),
            (
                r"\b(?:cover(?:ing)? letter|personal statement|application form|supporting statement|cv)\b[^.;]{0,30}"
                r"\b(?:generic|vague|long|short|thin|unclear|badly|poorly|errors?|typos?|spelling|tighten\w*)\b",
                0.7,
            ),
            (
                r"\b(?:one-line|one-word|yes/no|single-word|two-word|one-sentence) (?:answers?|responses?|replies)\b",
                0.8,
            ),
            (r"\b(?:too|a (?:bit|little)|rather|quite|slightly) (?:long|short|brief|quiet)\b", 0.7),
            (r"\btalk(?:ed|s|ing)? down\b", 0.6),
        ],
        negative=True,
    ),
]

PREPARATION_CUES = [
    *_cues(
        "preparation",
        [
            (r"\b(?:prepar\w*|homework|research\w*|rehears(?:e|al|ing))\b", 0.8),
            (r"\b" + _KNOWING + r"\b[^.;:]{0,50}\b" + _OWN_ORG + r"\s+(?:\w+\s+){0,2}" + _ORG_TOPICS + r"\b", 0.85),
            (
                r"\b(?:knowledge|understanding|awareness) of " + _OWN_ORG + r"(?! (?:[\w-]+ ){0,2}(?:systems?|software"
                r"|platforms?|tools?|equipment|machinery|kit|processes|procedures|polic(?:y|ies)))",
                0.8,
            ),
            (
                r"\b(?:what we do|who we are|about us|what the (?:role|job|position) (?:involved|involves|entails))\b",
                0.8,
            ),
            (r"\b(?:job description|job spec\w*|person spec\w*|role profile|pre-interview \w+|briefing pack)\b", 0.8),
            (
                r"\b(?:underst(?:and\w*|ood)|grasp\w*|clear on|sense of|idea of) (?:of )?(?:what )?"
                r"(?:the|this) (?:role|job|position)\b",
                0.75,
            ),
            (
                r"\bwhat (?:the|this|a|an|our) [\w\s-]{0,40}?(?:actually |really )?"
                r"(?:does|do|involves?|entails?|looks like)\b(?! for you)",
                0.75,
            ),
            (
                r"\b(?:document\w*|framework|materials?|pack|information|brief\w*|guide|reading|portfolio|task)"
                r" (?:we|that we|you were) (?:sent|shared|provided|gave|asked for|given)\b",
                0.8,
            ),
            (r"\b(?:commercial awareness|annual report|our website|the website)\b", 0.8),
            (r"\b(?:asked|ask|had) (?:no|any|few|many|us any) questions\b|\bquestions (?:at the end|for us)\b", 0.8),
            (
                r"\b(?:ask(?:ed)?|asking) (?:us |me |the panel )?(?:anything|nothing|much|very little|no questions"
                r"|any questions) (?:about|on)\b",
                0.75,
            ),
            (r"\b(?:pre-interview|briefing|candidate|welcome) (?:pack|reading|materials?|task)\b", 0.7),
            (r"\b(?:numbers|figures|metrics|data) to back\b", 0.7),
            (
                r"\b(?:unsure|uncertain|vague|not sure|didn't know|did not know)\b[^.;]{0,20}"
                r"\b(?:figures|numbers|metrics)\b",
                0.7,
            ),
            (r"\b(?:microphone|camera|webcam|connection|set-?up)\b", 0.6),
            (r"\b(?:ran|running|went) over(?: time)?\b|\btime limit\b|\bover time\b|\btimekeeping\b", 0.75),
            (r"\b(?:arrived late|late arrival|running late|punctual\w*|minutes late)\b", 0.7),
            (r"\b(?:were|was|arrived|came|turned up|joined)(?: \w+)? late\b", 0.7),
            (r"\bwhat makes us (?:different|unique|stand out)\b|\bwhy us\b|\bour (?:main )?competitors\b", 0.75),
            (r"\b(?:didn't|hadn't|did not|had not) (?:look|read|review|visit|research|practi[sc]e)\w*\b", 0.65),
            (r"\b(?:forgot|didn't bring|hadn't brought|did not bring) (?:your|the|a|any)\b", 0.7),
            (r"\b(?:dress code|dressed|attire)\b", 0.5),
            # "you weren't aware that the trust had merged", "you didn't know we'd opened": news about the employer
            (
                r"\b(?:weren't|wasn't|were not|was not|seemed un|seemed not|not|un)\s?aware (?:that|of|we)\b[^.;]{0,12}"
                r"\b(?:we|we'd|we've|we're|we'd|our|the (?:company|trust|firm|business|school|organi[sz]ation|practice"
                r"|charity|group|council|hospital|brand|client))\b"
                r"|\b(?:didn't|did not|seemed not to) (?:seem to )?know (?:that |about |of )?(?:we|we'd|we've|we're"
                r"|our|the (?:company|trust|firm|business|school|organi[sz]ation|practice|charity|group|council"
                r"|brand))\b",
                0.75,
            ),
            (
                r"\b(?:brief|task|invitation|invite|instructions?) (?:asked|called) for\b"
                r"|\b(?:asked|requested) (?:you )?(?:for|to bring"
                r"|to prepare)\b[^.;]{0,40}\band you (?:only )?(?:brought"
                r"|sent|submitted|prepared|provided)\b",
                0.65,
            ),
            (r"\b(?:asked|told|reminded|invited) you to (?:bring|prepare|read|complete|send|review|look at)\b", 0.75),
        ],
    ),
]

CULTURE_CUES = [
    *_cues(
        "culture_fit",
        [
            (r"\bcultur\w*", 0.8),
            (r"\bvalues\b|\bethos\b", 0.8),
            (r"\bteam (?:dynamics?|culture|player|fit|ethos|spirit)\b|\bteamwork\b", 0.8),
            (r"\bfit (?:in|into|with) (?:the|our|a)\b", 0.8),
            (r"\bfit\b", 0.45),
            (r"\b(?:align\w*) with (?:ours|our|the team)\b", 0.7),
            (r"\bcollaborat\w*|\bpair programming\b|\bpairing\b", 0.6),
            (r"\b(?:work(?:ing)? style|ways? of working|how we work|the way we work|working environment)\b", 0.75),
            (
                r"\b(?:work\w* (?:more )?independently|prefer\w* (?:to work )?(?:alone|independently|on your own)"
                r"|autonomous\w*|autonomy|minimal (?:interruption|supervision))\b",
                0.5,
            ),
            (r"\b(?:fast-paced|start-?up|early-stage|corporate|small team|close-knit|many hats|hierarch\w*)\b", 0.6),
            (r"\b(?:tight-?knit|tight knit|close team)\b", 0.6),
            (r"\bhow you(?:'d| would) (?:work|fit|get on|gel|cope|settle)\b", 0.7),
            (r"\bprefer\w* (?:more )?(?:structure|guidance|direction|supervision|hand-?holding)\b", 0.75),
            (
                r"\b(?:ambiguity|changing priorities|adaptab\w*|flexib\w*(?! (?:on|around|about|with|in) "
                r"(?:remote|hours|location|working|days|start|dates|shifts|schedul\w*|salary|pay)))\b",
                0.5,
            ),
            (r"\bthrive\b|\bcope with\b|\bsuited to\b", 0.5),
            (r"\battitude\b|\bbehaviou?rs\b(?! management)", 0.5),
            (r"\bnegative about (?:your |their )?(?:current|previous|former|last|old)\b|\bbad-?mouth\w*", 0.8),
            (
                r"\b(?:traditional|process-heavy|bureaucra\w*|formal|informal|laid-back|relaxed) (?:office|team|place|"
                r"environment|setting|company|culture|organi[sz]ation|workplace)\b",
                0.7,
            ),
            (
                r"\b(?:how we do\b|the way we do\b|our way of|pace here"
                r"|the pace of (?:our|the) (?:team|office))\b",
                0.65,
            ),
            (r"\b(?:gel|get on) with\b|\bblend in\b|\bfit in\b|\bself-starter\b|\bmicromanag\w*", 0.6),
            (
                r"\b(?:find|found) (?:it|our|the|this|that) [\w\s,-]{0,40}(?:frustrating|stifling|chaotic|too slow"
                r"|uncomfortable|overwhelming|hard to adapt to|a culture shock)\b",
                0.6,
            ),
            (
                r"\b(?:informal|formal|relaxed|structured|rules?-(?:first|based|bound|driven)|banter\w*|hierarch\w*"
                r"|noisy|chaotic|corporate|traditional|flat|loud|hectic|high-pressure|process-driven|target-driven"
                r"|close-knit|tight-knit|family-run|fast|fast-moving|noisy|intense|pressured)\b[\w ,-]{0,30}?"
                r"\b(?:atmosphere|environment|culture|workplace|setting|kitchen|office|organi[sz]ation|place to work"
                r"|company|crew|floor|shop floor|workshop|studio|venue|bank|firm)\b",
                0.65,
            ),
            (
                r"\b(?:happier|more comfortable|more at home|better suited|more suited) (?:somewhere|elsewhere|in a"
                r"|with a|at a)\b|\bcreative freedom\b|\bsettl\w* in\b|\bindependent decision-making\b"
                r"|\bown initiative\b|\bwait(?:ed|ing)? for (?:someone|others|somebody|direction|instructions"
                r"|permission)\b|\bthe only [\w-]+ (?:in|on|among)\b"
                r"|\byou (?:really |highly )?(?:value|need|prefer|want) (?:working|being|having) (?:in|with"
                r"|part of|around)\b",
                0.65,
            ),
            (
                r"\b(?:slower|faster|quicker|relentless|steady|methodical|different|calmer"
                r"|hectic) (?:[\w,-]+ ){0,2}pace\b"
                r"|\bpace of (?:a|an|the|our|this|that)\b",
                0.6,
            ),
        ],
    ),
    *_cues("culture_fit", [(r"\b(?:rigid|inflexible|talk(?:ed|s|ing)? down)\b", 0.75)], negative=True),
    # "you'd be a good fit in a larger team": praise that places the fit elsewhere
    *_cues(
        "culture_fit",
        [
            (
                r"\b(?:would|'d) (?:be )?(?:a )?(?:good|great|better|strong|natural) (?:fit|match)? ?(?:in|at|for|with)"
                r" (?:a|an|another|other|somewhere)\b|\b(?:everyone|people|staff) works? (?:alone|unsupervised"
                r"|independently|on their own)\b",
                0.7,
            ),
        ],
        negative=True,
    ),
]

MOTIVATION_CUES = [
    *_cues(
        "motivation",
        [
            (r"\benthusias\w*|\bmotivat\w*|\bpassion\w*", 0.85),
            (r"\binterest(?:ed)? in (?:the|this|our|working|joining|a career)\b", 0.7),
            (
                r"\b(?:why|reasons?) (?:you|you've|you're) (?:want\w*|applied|apply\w*|chose|leaving|moving|left)\b"
                r"|\breasons? for (?:leaving|moving|applying|wanting|the move|the change|changing|going)\b",
                0.85,
            ),
            (r"\bwhy (?:this|our|the) (?:role|job|company|organi[sz]ation|sector|field|team|position)\b", 0.85),
            (r"\bwhy you(?:'re| are) leaving\b|\bcareer change\b", 0.7),
            (r"(?<!too )\b(?:excit\w*|energy|engaged|engagement|eager\w*|keen\w*|curiosity|curious)\b", 0.6),
            # "drive" as a quality ("lacked drive"), not the task ("carers who can drive")
            (
                r"\b(?:your|real|the|of|lacked|lacking|more|enough|some|little|no|personal) drive\b"
                r"(?! (?:a|an|the|to))",
                0.6,
            ),
            (
                r"\byou(?:'d| would)(?:n't| not)? (?:really )?(?:enjoy|like|be happy|be satisfied|be fulfilled"
                r"|find (?:it|the work|the role) (?:rewarding|interesting|fulfilling|stimulating))\b",
                0.65,
            ),
            # "more interested in the salary than the work": the pay is the motive here, not a mismatch
            (
                r"\b(?:more |most |only |mainly |mostly )?(?:interested in|focused on|asked (?:a lot |mostly "
                r"|only )?about"
                r"|talked (?:a lot |mostly |mainly |only )?about|spoke (?:a lot |mostly |mainly |only )?about"
                r"|questions about) (?:the )?(?:flexible |generous |good |high |higher |company )?(?:salary|pay|money"
                r"|perks|benefits|holidays?|hours|bonus|moving|progression|promotion|day shifts|remote|pension"
                r"|discount|car|leave)\b[^.;,]{0,30}",
                0.75,
            ),
            (
                r"\b(?:commit\w*(?! to (?:relocat|mov|the move|travel|commut|the hours|the shifts))|long[- ]?term"
                r"|stay long|settle(?! in))\b",
                0.6,
            ),
            (
                r"\bwant(?:ed|s)? to (?:stay|remain) (?:in|with|at)\b|\brather than (?:move|moving|go|going|stay"
                r"|staying|switch\w*) (?:into|in|to|back)\b",
                0.6,
            ),
            (r"\bmatters? to you\b|\breally (?:what you wanted|wanted (?:this|the))\b", 0.8),
            (
                r"\b(?:convey\w*|show\w*|express\w*|demonstrat\w*) (?:much |little |enough |real |genuine )?interest\b",
                0.8,
            ),
            (r"\b(?:energy|interest|enthusiasm) (?:dipped|dropped|waned|faded|fell)\b", 0.85),
            (r"\b(?:might|may|would|wouldn't|won't|will) not stay\b|\bwouldn't stay\b|\bstay (?:with us|long)\b", 0.8),
            (r"\bchanged jobs\b|\bjob[- ]hop\w*|\bmoved (?:jobs|around) (?:a lot|often)\b|\btenure\b", 0.7),
            (r"\b(?:be|feel) (?:happy|content|fulfilled|satisfied) in\b|\bstep down\b|\bsettle for\b", 0.7),
            (r"\b(?:bored|boredom|under-?challenged|apathetic|indifferent|disinterested|uninterested)\b", 0.75),
            (
                r"\btemporary (?:role|job|position|measure|thing|option|move)\b|\bwhile you (?:wait|look) for\b"
                r"|\bstill be (?:here|with us|around)\b|\bplan(?:ning|s|ned)? to (?:travel|leave|move abroad|emigrate"
                r"|go travelling|study|retrain|return to)\b|\bgap year\b"
                r"|\byou(?:'d| would)(?:n't| not)? be (?:comfortable|happy|content) (?:with|doing)\b"
                r"|\byou (?:said you |told us you )?prefer(?:red|s)? (?:[\w-]+ ){0,2}(?:work|roles?|jobs?|tasks)\b"
                r"|\buntil something (?:else|better)\b|\bin your own (?:field|area|line)\b",
                0.7,
            ),
            (r"\bheart (?:wasn't|isn't|was not|is not) in\b|\b(?:genuine|real) (?:desire|wish|reason)\b", 0.75),
            (
                r"\bwhat you (?:really|truly|actually|genuinely) want(?:ed)?\b"
                r"|\b(?:was|is|were) (?:really |truly )?what you want(?:ed)?\b"
                r"|\byou (?:really |truly |genuinely )want(?:ed)? (?:this|the|to work|to be)\b",
                0.7,
            ),
            (
                r"\b(?:you(?:'d| would| will|'ll)|whether you(?:'d| would)?|you might(?:n't| not)?) (?:stay|stick"
                r" (?:with|around|at)|remain with)\b",
                0.75,
            ),
            (
                r"\b(?:see|saw|seeing) yourself\b|\bfive-year plan\b|\bcareer (?:plans|goals|direction|aims)\b"
                r"|\blong-term plans?\b|\bwhere you want(?:ed)? to be\b",
                0.6,
            ),
            (
                r"\b(?:moving|move|step|stepping|switch\w*) (?:into|on to|onto|across to|over to|up to)"
                r" [\w\s-]{1,30}? (?:in|within) (?:a|the|two|three|a couple of|\d+) (?:year|years|months)\b",
                0.65,
            ),
            (r"\byou(?:'d| would) miss\b", 0.7),
            # Doubts about the person's reasons, said without the word "motivation".
            (
                r"\b(?:your |the )?interests? (?:seemed|seems|appeared|appears|was|were|is|lay|lies|lie)"
                r"(?: to be| to lie)? (?:more |mainly |mostly |really |much more )?(?:in|with|elsewhere)\b"
                r"|\binterest\w* (?:lay|lies|lie|was|is) elsewhere\b",
                0.75,
            ),
            (
                r"\b(?:direction|path|route|career|field|sector|move) (?:that )?you (?:really |truly |genuinely )?"
                r"(?:want|wanted|are looking for|were looking for|see yourself)\b"
                r"|\bwhere you (?:really |truly |genuinely )?want(?:ed)? to (?:go|be|build|take|end up|head)\b"
                r"|\b(?:why|whether) you (?:really |truly |genuinely )?want(?:ed)? (?:to move|to go|to switch|to work"
                r"|to change|this|the move|to leave)\b"
                # the field someone wants to move into is where they aim, not a skill they lack
                r"(?: (?:into|to|across to|over to|in) (?:[\w-]+(?: |(?=[.,;!?]|$))){1,3})?",
                0.75,
            ),
            (
                r"\b(?:as|just as) (?:a|an) (?:way|route|foot|stepping-stone|entry point|back door) (?:in|into|to)\b"
                r"|\bfoot in the door\b|\brather than because you\b"
                r"|\bbecause you (?:really |genuinely )?want(?:ed)? to\b",
                0.75,
            ),
            (
                r"\b(?:you(?:'d| would|'ll| will) )?(?:accept|take|taken|do) (?:just )?any (?:job|role|work|position"
                r"|offer)\b"
                r"|\b(?:something|anything|a role|a job|the role|the job|the work) (?:that )?you (?:really |truly "
                r"|genuinely )?(?:care|cared) about\b|\bwhat you (?:really )?care about\b",
                0.75,
            ),
        ],
    ),
    *_cues(
        "motivation",
        [
            (r"\b(?:lose|lost|losing) interest\b|\bdisengag\w*|\bstop-?gap\b|\bstepping stone\b", 0.9),
            (r"\bhalf-hearted\b|\bjust a job\b|\bover-?qualified\b|\bgoing through the motions\b", 0.7),
        ],
        negative=True,
    ),
]

LOGISTICS_CUES = [
    *_cues(
        "logistics",
        [
            (r"\b(?:salary|pay (?:expectations?|range|band|rate)|compensation|remuneration|day rate)\b", 0.85),
            (r"\b(?:hourly rate|salary band|pay scale|salary bracket|pay grade|pay point|spine point)\b", 0.7),
        ],
    ),
    Cue(
        "logistics",
        _rx(
            r"\b(?:salary|pay|rate|expectations?|package)\b[^.;]{0,60}\b(?:above|higher|exceed\w*|outside"
            r"|beyond|more than|over|too high)\b|\b(?:above|outside|beyond|over|exceed\w*)\s+(?:our|the|what)"
            r"\s+[^.;]{0,30}\b(?:budget\w*|band|range)\b|\bmore than we can (?:pay|offer|afford)\b"
            r"|\b(?:salary|pay|rate|band|bracket|grade)\b[^.;]{0,60}\b(?:below|lower than|less than|short of)\b"
            r"|\b(?:salary|pay|rate|figure|amount|budget|package) (?:that )?you (?:asked for|requested|quoted"
            r"|are asking|were asking|are looking for|were looking for|wanted|need)\b"
            r"|(?:\bnot|n't|\bunable to|\bcannot) (?:able to )?(?:match|meet|afford|stretch to|offer)\b[^.;]{0,30}"
            r"\b(?:salary|rate|pay|expectations?|package|figure|amount|earn\w*|on now)\b"
        ),
        0.9,
        # a pay mismatch is a reason whatever the tone ("we loved you; the rate is above our band")
        inherently_negative=True,
        code="budget",
    ),
    Cue(
        "logistics",
        _rx(
            r"\b(?:go|stretch|pay|offer) (?:above|beyond|past|more than|to)\b[^.;]{0,15}[£$€]"
            r"|[£$€]\s?\d[\d,.]*k?\b[^.;]{0,30}\b(?:minimum|expect\w*|asking|too high|budget|afford|per hour"
            r"|an hour|a year|per annum|salary|rate)\b"
        ),
        0.85,
        inherently_negative=True,
        code="budget",
    ),
    *[
        Cue("logistics", _rx(pattern), weight, code="location_or_visa")
        for pattern, weight in [
            (
                r"\b(?:relocat\w*|commut\w*|based (?:in|at|closer|nearer|near|within)|living locally|live locally)\b",
                0.8,
            ),
            (r"\b(?:locally|nearby|closer to (?:the|our) (?:office|site|base|depot|store))\b", 0.7),
            (
                r"\b(?:in the office|on-site|onsite|in person|in-person|fully remote|remote(?: work\w*)?"
                r"|work(?:ing)? from home|wfh|home-?based|home working)\b"
                r"|\b(?:you|be|work|working|based|being) on site\b",
                0.75,
            ),
            (r"\bhybrid (?:working|work|role|pattern|model|arrangement|basis)\b", 0.75),
            (r"\blive (?:within|near|close to|locally|in the area|nearby)\b|\bwithin \d+ (?:minutes|miles|km)\b", 0.8),
            (r"\b(?:travel time|travel distance|journey time|driving distance|public transport)\b", 0.7),
            (r"\b(?:visa|sponsor\w*|right to work|work permit|work authori[sz]ation|immigration)\b", 0.9),
            (r"\blocation\b|\btoo far\b|\bdistance from\b", 0.7),
        ]
    ],
    *[
        Cue("logistics", _rx(pattern), weight, code="timing")
        for pattern, weight in [
            (r"\b(?:notice period|start date|(?:can|could) start|start (?:within|by|sooner|immediately))\b", 0.85),
            (r"\b(?:availability|available to start|onboard\w*)\b|\buntil (?:spring|summer|autumn|winter|next)\b", 0.7),
            (
                r"\b(?:days|nights|evenings|mornings|shifts) (?:a|per|each) (?:week|fortnight|month)\b[^.;]{0,60}"
                r"\b(?:only|could do|can do|can manage|available)\b|\b(?:only|available)\b[^.;]{0,40}\b(?:days|nights"
                r"|evenings|mornings|shifts) (?:a|per|each) (?:week|fortnight|month)\b",
                0.75,
            ),
            (r"(?<!your )\btiming\b", 0.7),
            (r"\b(?:overtime|extra hours|long hours|unsociable hours|on[- ]call)\b", 0.7),
            (r"\byour notice\b|\bnotice (?:to run|runs|ends|period)\b|\bstart (?:on|from) (?:the )?\d", 0.8),
            (r"\b(?:night|weekend|saturday|sunday|evening|early|late|rotating|split) shifts?\b", 0.85),
            (
                r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:s\b| (?:nights?|mornings?|evenings?|shifts?|working"
                r"|cover)\b)|\b(?:late finish\w*|early starts?|leave by|finish by|be home by|school run"
                r"|(?:for|around) childcare|childcare (?:commitments|responsibilities|arrangements)"
                r"|caring responsibilities)\b",
                0.75,
            ),
            (
                r"\b(?:shift (?:pattern|work)|cover (?:the )?shifts|work shifts|shifts start)\b|\bweekends?\b"
                r"|\b\d{1,2} ?(?:am|pm)\b|\bonly work (?:days|nights|mornings)\b",
                0.7,
            ),
            (r"\b(?:part-time|full-time|working hours|hours you)\b", 0.6),
            (
                r"\b(?:three|four|3|4)[- ]day (?:week|working week|pattern)\b|\bmonday to (?:friday|saturday)\b"
                r"|\bcompressed hours\b|\bjob[- ]?shar\w*|\bflexible working (?:request|pattern|arrangement)s?\b",
                0.75,
            ),
            (r"\b(?:filled|start\w*) (?:by|next|this|within|before|straight away|asap|immediately|urgently)\b", 0.7),
            (r"\b(?:weekend |on-call |night )?rota\b|\b(?:day|night) shifts?\b", 0.75),
            (
                r"\b(?:nights?|days?|evenings?|weekends?|mornings?) only\b|\b(?:daytime|night-?time|evening) hours\b",
                0.75,
            ),
            (r"\b(?:permanent|fixed|regular) (?:nights|days|lates|earlies|evenings|weekends)\b|\bshift system\b", 0.75),
        ]
    ],
    # A physical requirement the person cannot meet: practical, not a matter of skill, and no code fits.
    *_cues(
        "logistics",
        [
            (
                r"\b(?:physical (?:requirements|demands)|lift(?:ing)? \d+ ?kg|heavy lifting|on your feet all day"
                r"|(?:back|knee|shoulder) (?:injury|problem)|medical (?:condition|reasons))\b",
                0.7,
            ),
        ],
    ),
    *[
        Cue("logistics", _rx(pattern), weight, code="timing")
        for pattern, weight in [
            (
                r"\b(?:can't|cannot|couldn't|could not|unable to|not able to) start\b|\bin post (?:by|for|from)\b"
                r"|\b(?:until|before|from) (?:january|february|march|april|june|july|august|september|october"
                r"|november|december)\b",
                0.75,
            ),
        ]
    ],
]

PROCESS_CUES = [
    *[
        Cue("process", _rx(pattern), weight, inherently_negative=True, code=code)
        for pattern, weight, code in [
            (
                r"\b(?:hiring|recruitment|headcount) freeze\b|\bfreeze on (?:hiring|recruitment)\b|\bfrozen\b",
                0.95,
                "role_frozen",
            ),
            (
                r"\bhold(?:ing)? off (?:on )?(?:filling|hiring|recruiting|making)\b|\bon ice\b|\bpostpon\w*"
                r"|\bnot (?:currently )?(?:hiring|recruiting|appointing)\b"
                r"|\bon hold\b|\b(?:paus|suspend|freez)\w* (?:all |the |our |this |that )?(?:hiring|hire"
                r"|recruit\w*|role"
                r"|vacanc\w*|search|process|headcount|position|post)\b"
                r"|\bnot in a position to (?:take on|hire|recruit|appoint|offer|fill)\b|\btake on anyone (?:new|else)\b"
                r"|\buntil the (?:new )?(?:contract|funding|budget|deal|grant) (?:is|has been) (?:signed|confirmed"
                r"|agreed"
                r"|approved)\b|\b(?:vacancy|role|position|post|recruitment|hiring|process) (?:is |has"
                r" been |was |are |will be )?(?:paused|frozen|suspended)\b",
                0.9,
                "role_frozen",
            ),
            (
                r"\bno longer (?:recruiting|hiring|available|open|exists?|going ahead|filling|needed)\b"
                r"|\bnot (?:be )?filling (?:any|the|this)\b|\b(?:fell|fallen|falls) through\b"
                r"|\bnot (?:be )?replacing (?:the|this|that) (?:role|post|position|vacancy)\b"
                r"|\b(?:not|won't be|didn't) go(?:ing)? ahead\b"
                r"|\bno (?:longer a |longer any )?(?:role|position|vacancy|job|post) (?:to fill|available|any more)\b"
                r"|\bdecided not to (?:fill|hire|recruit)\b|\b(?:role|post|position) (?:was |has been )?(?:cut|axed)\b"
                r"|\b(?:withdr[ae]wn?|cancel\w*|scrapp\w*|pull(?:ed)?|clos\w*) (?:the |this |that )?"
                r"(?:vacancy|role|position|post|job|opening|requisition)\b"
                r"|\b(?:vacancy|role|position|post|opening) (?:has been |was |is being |is )?"
                r"(?:withdrawn|cancell?ed|scrapped|removed|pulled)\b"
                r"|\b(?:branch|office|site|store|shop|department|unit|ward) (?:is |was )?(?:closing|clos\w+ down)\b"
                r"|\bre-?advertis\w*|\bre-?grad\w* (?:the|this) (?:role|post|position)\b",
                0.9,
                "role_cancelled",
            ),
            (
                r"\binternal(?:ly)? ?(?:candidate|applicant|hire|colleague|promotion|appointment)?s?\b"
                r"|\bfrom within (?:the|our) (?:business|company|organi[sz]ation|team|trust|school|firm)\b"
                r"|\bexisting (?:employee|member of staff|colleague|team member|staff)\b"
                r"|\b(?:from|within) (?:the |our )?(?:existing|current|own) (?:team|staff|workforce|people)\b"
                r"|\bin-house (?:candidate|applicant|hire|appointment)\b"
                r"|\balready (?:works?|working|employed) (?:for|with) us\b|\bredeploy\w*"
                r"|\bat-risk (?:colleague|employee|staff)\b"
                r"|\binside (?:the|our) (?:organi[sz]ation|company|business|team)\b"
                r"|\bpromot\w* (?:from within|internally|someone (?:from )?(?:inside|within))\b"
                r"|\balready (?:part of|a member of|works? (?:in|for|with|at)|working (?:in|for|with|at)|employed"
                r" (?:by|with|in)|on) (?:our|the) (?:team|staff|company|business|organi[sz]ation|school|trust|ward"
                r"|department)\b|\bacting up\b|\bon secondment\b"
                r"|\b(?:offered|given|gone|went|appointed) (?:[\w-]+ ){0,3}to (?:a|an existing|one of our(?: own)?"
                r"|our own)"
                r" (?:colleague|team member|member of (?:staff|the team)|staff member)s?\b",
                0.9,
                "filled_internally",
            ),
            (
                r"\brestructur\w*|\bre-?organi[sz]\w*|\breview of (?:our|the) (?:structure|organi[sz]ation)\b"
                r"|\b(?:because of|due to|after|following|until after|during|pending) (?:the|our|a)"
                r" (?:merger|acquisition|takeover)\b",
                0.9,
                "restructuring",
            ),
            (
                r"\bfunding (?:was |has been |had been )?(?:cut|withdrawn|reduced|pulled|lost)\b"
                r"|\bfunding\b[^.;]{0,40}\b(?:fallen through|fell through|ended|ran out|run out|(?:not"
                r"|n't) come through)\b"
                r"|\bbudget (?:cuts?|changes|constraints|reasons|pressures|freeze|was cut)\b"
                r"|\bchanges to (?:our|the) budget\b|\bfinancial (?:constraints|reasons|pressures)\b"
                r"|\bcost-cutting\b|\blost (?:the|our|its) funding\b|\bno (?:budget|funding)\b"
                r"|\b(?:cut|cutting|reduce|reducing|reduction in) headcount\b|\bheadcount (?:cuts?|reduction)\b"
                r"|\b(?:budget|funding) (?:for|to) (?:hire|hiring|recruit\w*|the role|this (?:role|post|position))\b",
                0.9,
                "budget",
            ),
        ]
    ],
    Cue(
        "process",
        _rx(
            r"\binstead of (?:hiring|recruiting|appointing)\b|\boutsourc\w*|\buse an agency\b"
            r"|\b(?:budget|funding|headcount) (?:was |has been |is being )?(?:reallocated|moved|redirected)\b"
        ),
        0.85,
        inherently_negative=True,
        code="role_cancelled",
    ),
    Cue(
        "process",
        _rx(r"\b(?:budget|funding|headcount) (?:was |has been |is being )?(?:reallocated|moved|redirected)\b"),
        0.85,
        inherently_negative=True,
        code="budget",
    ),
    Cue(
        "process",
        _rx(
            r"\bcontract\b[^.;]{0,40}\b(?:has |had )?(?:ended|ends|finished|fallen through|been lost|was lost"
            r"|not (?:been )?renewed)\b"
        ),
        0.85,
        inherently_negative=True,
        code="role_cancelled",
    ),
]

# The employer's own situation, said in everyday words: the person who was hiring left, the role changed
# shape, teams merged, or the money is not there.
PROCESS_CUES += [
    Cue(
        "process",
        _rx(
            r"\b(?:can(?:no|')t|cannot|can no longer|could not|couldn't|unable to|not able to|no longer able to)"
            r" (?:afford|justify) (?:to )?(?:take on|hire|hiring|recruit\w*|appoint\w*|fill\w*|add\w*|employ\w*"
            r"|the (?:role|post|position|extra|additional))\b"
        ),
        0.9,
        inherently_negative=True,
        code="budget",
        extra_code="role_cancelled",
    ),
    *[
        Cue("process", _rx(pattern), weight, inherently_negative=True, code=code)
        for pattern, weight, code in [
            (
                r"\b(?:hiring|line|recruiting|department(?:al)?|team|store|practice|site|ward|service) (?:manager|lead"
                r"|head|director)\b[^.;]{0,20}\b(?:has |had |have )?(?:left|resigned|moved on|departed|stepped down"
                r"|gone on leave)\b|\b(?:until|once) (?:a|the|their|our) (?:new|replacement) (?:manager|head|director"
                r"|lead)\b",
                0.85,
                "role_frozen",
            ),
            (
                r"\bre-?scop\w*|\bredefin\w* (?:the|this|that) (?:role|post|position|job)\b"
                r"|\b(?:won't|will not|wouldn't|no longer) be (?:a|an|any) (?:vacancy|opening|role|position|post|job)"
                r"(?! (?:for|where|in which|that suits|like))\b"
                r"|\b(?:vacancy|role|position|post|opening) (?:is|was|has been) (?:taken|removed) (?:off|from)\b"
                r"|\b(?:role|post|position|vacancy) (?:is |was |has been )?off the table\b",
                0.85,
                "role_cancelled",
            ),
            (
                r"\b(?:merg\w*|combin\w*|amalgamat\w*) (?:the |our |two |both |these )?(?:\w+ ){0,2}(?:teams|roles"
                r"|departments|branches|offices|sites|posts|positions|services)\b"
                r"|\b(?:roles?|posts?|positions?|vacanc(?:y|ies)|teams?|departments?) (?:is |are |was |were |has been "
                r"|have been |is being |are being |will be )?(?:merged|combined|folded)\b",
                0.9,
                "restructuring",
            ),
            (
                r"\breview(?:ed)? (?:of )?our (?:finances|budget)\b",
                0.85,
                "budget",
            ),
            (
                r"\b(?:member of (?:staff|the team)|colleague|staff member|team member|employee) (?:who is |who was )?"
                r"(?:returning|coming back|back) from\b|\breturning from (?:maternity|parental|paternity|adoption"
                r"|sick|long-term) leave\b",
                0.85,
                "filled_internally",
            ),
        ]
    ],
]
ALL_CUES: tuple[Cue, ...] = (
    *TECHNICAL_CUES,
    *EXPERIENCE_CUES,
    *COMMUNICATION_CUES,
    *PREPARATION_CUES,
    *CULTURE_CUES,
    *MOTIVATION_CUES,
    *LOGISTICS_CUES,
    *PROCESS_CUES,
)


# ---------------------------------------------------------------------------------------------
# Fast scanning
# ---------------------------------------------------------------------------------------------
# Every cue scans the whole text, so the cost of a long message is (cues x characters). Two rewrites keep
# the matches the same and make each scan about three times cheaper:
# - a case-insensitive cue written in lower case runs case-sensitively on an ASCII-lowercased copy of the
#   text (same length, so offsets still point into the original);
# - a cue whose every match must begin with one of a few characters gets a look-ahead for them, which lets
#   the regex engine skip other positions quickly (a leading \b alone defeats that optimisation).
# A test checks that the rewritten scanners find exactly what the cues find.

_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_ZERO_WIDTH_PREFIX = re.compile(r"\\b|\(\?<[!=](?:[^()\\]|\\.)*\)")
_LITERAL_START = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 '&/£$€,-_")
_OPTIONAL = ("?", "*", "{")


def _skip_class(pattern: str, index: int) -> int:
    """Index just past the character class that starts at `index` ("[")."""
    index += 1
    if pattern[index : index + 1] == "^":
        index += 1
    if pattern[index : index + 1] == "]":
        index += 1
    while pattern[index] != "]":
        index += 2 if pattern[index] == "\\" else 1
    return index + 1


def _top_level(pattern: str) -> tuple[list[str], dict[int, int]]:
    """The pattern's top-level alternatives, and the closing index of every group by its opening index."""
    parts: list[str] = []
    closing: dict[int, int] = {}
    opened: list[int] = []
    start = index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if char == "[":
            index = _skip_class(pattern, index)
            continue
        if char == "(":
            opened.append(index)
        elif char == ")":
            closing[opened.pop()] = index
        elif char == "|" and not opened:
            parts.append(pattern[start:index])
            start = index + 1
        index += 1
    parts.append(pattern[start:])
    return parts, closing


def _first_chars(pattern: str) -> set[str] | None:
    """Characters that every match of `pattern` must begin with, or None when that is not plain to see."""
    chars: set[str] = set()
    for alternative in _top_level(pattern)[0]:
        first = _sequence_first_chars(alternative, 0, _top_level(alternative)[1])
        if first is None:
            return None
        chars |= first
    return chars


def _sequence_first_chars(alternative: str, index: int, closing: dict[int, int]) -> set[str] | None:
    while prefix := _ZERO_WIDTH_PREFIX.match(alternative, index):
        index = prefix.end()
    if alternative.startswith("(?:", index):
        end = closing[index]
        inner = _first_chars(alternative[index + 3 : end])
        quantifier = alternative[end + 1 : end + 2]
        if inner is None or quantifier == "{":
            return None
        if quantifier in ("?", "*"):
            rest = _sequence_first_chars(alternative, end + 2, closing)
            return None if rest is None else inner | rest
        return inner
    if alternative.startswith("\\d", index):
        chars = set("0123456789")
        index += 1
    else:
        char = alternative[index : index + 1]
        if not char or char not in _LITERAL_START:
            return None
        chars = {char}
    return None if alternative[index + 1 : index + 2] in _OPTIONAL else chars


def _scanner(pattern: re.Pattern[str]) -> tuple[re.Pattern[str], bool]:
    """A faster equivalent of `pattern`, and whether it runs on the lowercased text."""
    source, flags = pattern.pattern, pattern.flags
    lowered = bool(flags & re.IGNORECASE) and not any(char.isupper() for char in re.sub(r"\\.", "", source))
    if lowered:
        flags &= ~re.IGNORECASE
    chars = _first_chars(source)
    if chars:
        if lowered or flags & re.IGNORECASE:
            chars = {char.lower() for char in chars}
        gate = "".join(sorted(re.escape(char) for char in chars))
        source = f"(?=[{gate}])(?:{source})"
    return re.compile(source, flags), lowered


_SCANNERS: tuple[tuple[Cue, re.Pattern[str], bool], ...] = tuple((cue, *_scanner(cue.pattern)) for cue in ALL_CUES)

# Boilerplate: blanked before theme detection and kept as evidence for `generic`.
BOILERPLATE = tuple(
    _rx(pattern)
    for pattern in [
        r"\b(?:decided|chosen|chose|opted|elected|going|gone|went|go|move|moving|moved|proceed\w*|progress\w*"
        r"|pursue|continue|take|taking)\b[^.;]{0,40}?\b(?:with|on|ahead)\s+(?:other|another|alternative"
        r"|different|a different|the other|someone|somebody|one of the other)\b"
        r"(?:\s+(?:candidates?|applicants?|applications?|people|person|profiles?|finalists?))?(?:\s+else)?",
        r"\b(?:chose|chosen|selected|appointed|offered (?:the|this) (?:position|role|job) to)\s+(?:someone|"
        r"somebody|another (?:candidate|applicant|person))(?: else)?\b",
        r"\bpursue other applications\b|\bin a different direction\b",
        r"\b(?:not|n't) (?:been )?(?:successful|shortlisted|selected|progress\w*|taking (?:it|your application)"
        r"(?: forward| further)?|take (?:it|your application) (?:forward|further)|move forward with your)\b",
        r"\bnot (?:to )?progress (?:it|your application)(?: further)?\b|\bwill not be (?:taking|moving)\b[^.;]{0,40}",
        r"\bunsuccessful\b|\bregret(?:tably)?\b(?: to (?:inform|let you know|tell you))?|\bon this occasion\b",
        r"\b(?:after|following) (?:careful|much|long|further) (?:consideration|deliberation|review|thought)\b",
        r"\b(?:whose|with|who ha(?:s|ve|d)|that ha(?:s|ve|d))?\s*(?:skills?|experience|backgrounds?|profiles?"
        r"|qualifications?|skills and experience)?\s*(?:more closely|most closely|better|closer|best)\s+"
        r"(?:match\w*|meet\w*|met|fit\w*|suit\w*|align\w*)\b(?:\s+(?:with\s+)?(?:the|our|what|current)\b[^.;,]*)?",
        r"\b(?:a )?(?:closer|better|stronger) (?:match|fit)\b(?:\s+(?:to|for)\b[^.;,]*)?",
        r"\b(?:the )?(?:right|best|ideal) (?:fit|match)\b(?:\s+for (?:us|this role|the role|this position))?"
        r"(?:\s+(?:at (?:this|the) (?:time|moment|stage)|right now|for now|on this occasion))?",
        r"\b(?:(?:very )?high|large|huge|overwhelming|record|significant|\d[\d,]*\+?) (?:number of |volume of )?"
        r"(?:strong |good |excellent |quality )?(?:applications|applicants|candidates|response)\b",
        r"\b(?:many|lots of|a lot of|so many|a number of)\s+(?:very )?(?:strong|good|excellent|talented|"
        r"high-calibre|qualified)?\s*(?:applicants|applications|candidates|people)\b(?: for (?:only )?(?:one|"
        r"a single|this|the) (?:opening|role|position|vacancy|post))?",
        r"\b(?:position|role|vacancy|post|job) has (?:now )?been filled\b",
        r"\bthanks?(?: you)? (?:so much |very much )?for (?:your |the )?(?:interest|applying|application|time"
        r"|patience|attending|taking|coming|completing|doing|sitting|joining)\b"
        # the rest of the thank-you clause is courtesy too ("... completing the Excel test")
        r"[^.!?;]*?(?=[.!?;]|,\s*(?:but|however|although|though|and|so)\b|$)",
        r"\b(?:keep|kept|hold) your (?:details|cv|résumé|resume|application) on file\b",
        r"\bgood luck\b|\bbest of luck\b|\bwish you (?:every|all the) (?:success|best)\b",
        r"\bapply again\b|\bfuture (?:roles|vacancies|opportunities|openings)\b",
        r"\bnot (?:the right |a good |the best |a |an ideal |the ideal )?(?:fit|match)\b(?:(?: for (?:us|this role"
        r"|the role|this position))?(?: (?:at (?:this|the) (?:time|moment|stage)|right now|for now)))?",
        # a plain decision with no reason: "we won't be taking you forward", "cannot offer you a position"
        r"(?:\bnot|n't|\bcannot|\bunable to)\s+(?:to\s+)?(?:be\s+)?(?:proceed\w*|progress\w*|tak(?:e|en|ing)\s+"
        r"(?:\w+\s+){0,2}?(?:forward|further)|mov(?:e|ing)\s+(?:forward|ahead)|offer(?:ing)?(?=\s+you\b)|invit\w*"
        r"|going ahead)\b"
        r"(?:\s+(?:with\s+)?(?:you|your application|yours|your candidacy|it)\b(?:\s+(?:the|a|an|this)\s+(?:role"
        r"|job|position|post|place|interview)\b)?(?:\s+(?:further|forward|to (?:interview|the next stage))\b)?)?",
        r"\b(?:went|gone|going|go) (?:a|another|in a) different (?:way|direction|route)\b",
        r"\bnot (?:better|good|the) news\b|\bnot the news you\b[^.;,]{0,25}"
        r"|\bfeedback (?:is|will be|has to be) (?:limited|brief)\b"
        r"|\b(?:unable|not able) to (?:give|provide|offer) (?:individual |detailed |personal |specific )?feedback\b",
        r"\b(?:did not|didn't|does not|doesn't) (?:fully )?meet (?:the|our|all the|all of the) (?:essential |minimum"
        r" |key |shortlisting )?(?:criteria|requirements)\b",
    ]
)
_BOILERPLATE_SCANNERS = tuple(_scanner(pattern) for pattern in BOILERPLATE)

# Another candidate named: with a specific reason it is competition, alone it is boilerplate.
RIVAL = _rx(
    r"\b(?:had|have|interviewed|saw|met) (?:a|an|another|one|other) (?:candidate|applicant|finalist|person)s?"
    r" (?:who|whose|with|that)\b|"
    r"(?<!internal )\b(?:an?other|the other|other|successful|chosen|preferred|selected|stronger|external|winning)"
    r"\s+(?:(?:shortlisted|short-listed|final|remaining)\s+[\w-]+|candidate|applicant|finalist|person"
    r"|interviewee|individual|contender)s?\b"
    r"(?=\s+(?:had|has|have|was|were|is|just|simply|brought|showed|demonstrated|edged|who|whose|with|offered"
    r"|could|did|slightly|narrowly|gave|made|knew|came|seemed|speaks|knows|holds|brings|offers|can|already"
    r"|also|\w+ed))"
    r"|\b(?:an?other|the other|the successful|the chosen|the winning|the preferred) (?:candidate|applicant|finalist"
    r"|person)'s\b"
    r"|\b(?:others|the others|other (?:candidates|applicants|finalists|interviewees|people))"
    r"(?: (?:on|in|from|at) the (?:shortlist|final [\w-]+|pool|last stage|interviews?))?"
    r"(?=\s+(?:had|have|were|brought|showed|could|did|just|simply|all|offered|gave|made|knew|came|seemed))"
    r"|\bcompared (?:with|to) (?:the )?(?:other|another|rival) (?:finalists?|candidates?|applicants?|people)\b"
    r"|\b(?:several|a few|some|two|three|many) (?:of the )?(?:other )?(?:people|candidates|applicants|others"
    r"|finalists|interviewees)(?=\s+(?:had|have|were|brought|showed|could|did|just|simply|offered))"
    r"|\b(?:went|gone|given|offered) to (?:someone|somebody|a candidate|an applicant|another)\b"
    r"|\bthe (?:person|candidate|applicant) (?:we|they) (?:hired|chose|appointed|selected|offered|went with)\b"
    r"|\bthe (?:person|candidate|applicant|one) who got (?:the job|the role|the post|the position|it|the offer)\b"
    r"|\b(?:pipped|beaten|beat|edged out|outscored) (?:to the post )?by\b"
)
# "We went with someone who ..." names a rival; "we need someone who ..." states a requirement.
CHOSEN_PEOPLE = _rx(
    r"(?<!internal )\b(?:candidates?|applicants?|someone|somebody|a person|people)\s+(?:who|whose|with|that)\b"
)
CHOICE_BEFORE = _rx(
    r"\b(?:went|gone|going with|go with|proceed(?:ed|ing)?|mov(?:ed|ing) (?:forward|ahead)|chose|chosen|selected"
    r"|appointed|hired|offered|given|picked|decided on|settled on|opted for"
    r"|decided to (?:offer|appoint|hire|go|proceed|move|select|progress))\b"
)
# "we need someone with ..." states a requirement, not a rival.
REQUIREMENT_BEFORE_RIVAL = _rx(
    r"\b(?:(?<!gone )(?<!went )(?<!going )(?<!opted )for|need|needs|needed|want|wanted|require[sd]?|hire|hiring"
    r"|find|recruit|prefer(?:red)?|is|was)\s+$"
)
# "experience with Kubernetes", "limited Figma experience": the gap is experience, not the tool itself.
EXPERIENCE_OBJECT = _rx(
    r"(?:\b[\w-]+\s+){0,2}\bexperien\w*(?:\s+(?:with|in|of|on|using|around|managing|leading|running|"
    r"presenting|working)\b[^.;,]*)?|\bin an? (?:[\w-]+ ){0,3}(?:setting|environment)\b"
    r"|\bworked (?:on|with|in) [^.;,]*"
    r"|\b(?:has|have|had|'s|'ve) (?:already |previously )?(?:managed|run|led|worked (?:on|with|in)|done|used"
    r"|handled|delivered|built|cooked|taught|supervised)\b[^.;,]*"
    r"|\b(?:(?:background|track record|exposure|years?|history) (?:in|with|of|on|as|to)|time (?:in|as|with))\b[^.;,]*?"
    r"(?=\s+and\b|[.;,]|$)"
)
# "an autonomous practitioner role", "the picking job": words in a job title describe the job, not the person.
ROLE_TITLE = _rx(r"\b(?:[\w-]+ ){1,2}(?:role|job|position|post|vacancy|department|apprenticeship)\b")
ROLE_TITLE_THEMES = frozenset({"technical_skills", "culture_fit", "motivation", "preparation"})
# A criticised piece of the person's work that no lexicon names ("your milk texturing was inconsistent"):
# most often a job skill, so it counts as a weak technical_skills signal.
UNNAMED_WORK = _rx(
    r"\byour (?!application|cv|time|interest|details|patience|search|candidacy|availability|notice|salary"
    r"|expectations|answers?|enthusiasm|motivation|values|attitude|references)[a-z][a-z-]+(?: [a-z][a-z-]+)?"
    r" (?:was|were|is|are|had|has|needs?|lacked|looked|came|did|didn't|wasn't|weren't|isn't|aren't|contained"
    r"|included|showed|missed|ignored|left)\b"
)
COMPARATIVE = _rx(r"\b(?:more|stronger|better|greater|deeper|broader|edged|slightly|extra|additional|longer)\b")
CLOSENESS = _rx(
    r"\b(?:very|really|extremely|incredibly|so|genuinely) close\b|\bclose (?:call|decision|contest|race|second)\b"
    r"|\b(?:tough|hard|difficult) (?:decision|choice|call)\b|\bnarrow(?:ly)?\b|\bedged (?:it|ahead|out)\b"
    r"|\btipped (?:it|the balance|things)\b|\bclose[- ]run\b|\bbetween you and (?:one |an)?other\b"
    r"|\beither way\b|\bswung (?:it|the|things)\b|\bneck and neck\b|\bvery little between\b|\bsecond place\b"
    r"|\bmade the difference\b|\bsplit decision\b|\bfinalists?\b|\brunner-?up\b"
    r"|\bsecond choice\b|\bstrong(?:er)? field\b|\bcame (?:a close )?second\b"
    r"|\bif we had (?:had )?(?:two|more|another|a second) (?:openings|roles|positions|vacancies|places|posts)\b"
    r"|\bwould have offered you\b"
)

# Polarity markers. Negation and critique are "strong"; hedges and advice are "weak".
PRAISE_OVERRIDES = _rx(
    r"(?:\bno|n't have any|n't have|\bnot any|\bwithout any|\bhad no|\bhave no)\s+(?:real |major |particular )?"
    r"(?:concerns?|issues?|doubts?|problems?|worries|reservations)\b"
    r"|\b(?:was|were|is|are)(?:n't| not) (?:an? )?(?:concern|issue|problem|factor)\b"
    r"|\bno reflection\b|\bnot (?:take this as )?a reflection\b|\bdo not take this\b|\bno doubt\b"
    r"|\bnot hesitate\b|\bnot only\b"
)
NEGATOR = _rx(r"\b(?:not|no|never|nor|without|hardly|cannot|none|rarely|seldom|barely|scarcely)\b|\b\w+n't\b|\bn't\b")
STRONG_CRITIQUE = _rx(
    r"\black\w*|\bnot enough\b|\binsufficient\b|\blimited\b"
    r"|\b(?:would|'d) (?:have )?(?:liked|like|wanted|want|hoped|preferred|expect(?:ed)?)\b"
    r"|\bdiscrepanc\w*|\bout by\b"
    r"|\b(?:wanted|want|hoped) to (?:see|hear) more\b|\b(?:wanted|hoped|expected|needed) to see\b|\bmore (?:depth"
    r"|detail|evidence)\b"
    r"|\bcould (?:have )?(?:improve|be improved|be better|be stronger|been)\b|\bimprov\w*"
    r"|\bareas? (?:to|for) (?:develop\w*|improve\w*|work on|growth)\b|\bdevelopment(?: area)?\b"
    r"|\bstruggl\w*|\bunclear\b|\bunsure\b|\bnot sure\b|\bweak\w*|\bgaps?\b|\bconcern\w*|\bworr\w*"
    r"|\bdoubt\w*|\bshallow\b|\bbelow\b|\bfell down\b|\blost (?:marks|points)\b|\bdropped marks\b|\bfall short\b"
    r"|\bfell short\b|\blost ground\b"
    r"|\b(?:hard|difficult|tricky) to\b|\btoo (?:long|short|brief|quiet|much|little|fast|slow|general)\b"
    r"|\bmissing\b|\bmissed\b|\bmistakes?\b|\berrors\b|\bwrong\b|\bincorrect\b|\binaccura\w*|\bslow\w*"
    r"|\bseveral attempts\b|\bincomplete\b|\binconsistent\w*|\bneeds? (?:more )?(?:work|practice|improvement)\b"
    r"|\bnot (?:up )?to (?:standard|scratch)\b|\bsloppy\b|\buntidy\b|\bmessy\b|\bunder-?sold\b|\bpoor\w*"
    r"|\bbasic\b(?= level)|\bnot yet\b|\bfailed\b|\bproblem\w*"
    r"|\bunconvinc\w*|\b(?:weren't|wasn't|not) convinced\b|\bhesita\w*|\bnervous\w*|\buncertain\w*"
    r"|\b(?:need|needs|needed|require|requires|required|requirement|looking for|must|essential|necessary"
    r"|at least|minimum|preference was|prefer(?:red)? someone)\b"
)
WEAK_CRITIQUE = _rx(
    r"\b(?:felt|feel|thought|seem\w*|came across|come across|a bit|a little|slightly|somewhat|rather|quite"
    r"|some|try to|next time|in future|work on|focus on|benefit from|unfortunately|sadly"
    r"|regrettably|suggest\w*|recommend\w*|encourage|would need"
    r"|instead of|than on|only)\b"
)
PRAISE = _rx(
    r"\b(?:excellent|great|good|strong|strongest|impress\w*|well|loved|lovely|enjoy\w*|liked|spot on|solid"
    r"|confident|engaging|positive(?:ly)?|passionate|appreciat\w*|fantastic|outstanding|brilliant|superb"
    r"|thoughtful|calm\w*|personable|obvious(?:ly)?|shone|shine|stood out|praised|fine|clearly|natural"
    r"|warm\w*|friendly|professional|polished|thorough|nice|pleased|capable|knowledgeable|genuine"
    r"|first-class|exceptional|wonderful|stronger|better|responded well|no concerns|keen|polite|pleasant|likeable"
    r"|courteous|respectful|reliable|hard-working|organised|enthusiastic|eager|motivated|plenty of|a wealth of"
    r"|extensive|best|strongest|know your way)\b"
)
NOT_PRAISE = _rx(
    r"\b(?:want\w*|need\w*|expect\w*|hop\w*|look\w* for|like) (?:to see )?(?:a |much |far )?(?:stronger|better"
    r"|more|greater|deeper|clearer)\b|"
    r"\bwell (?:beyond|above|below|over|under|short|outside|past|in excess)\b|\bas well\b|\bwell-?being\b"
    r"|\bgood luck\b|\bfine-?tun\w*|\bgood (?:applicants|candidates)\b"
)
# "We'd want to see more depth", "well below the pass mark": the words NOT_PRAISE hides still criticise.
NOT_PRAISE_CRITIQUE = _rx(
    r"\b(?:want\w*|need\w*|expect\w*|hop\w*|look\w* for|like) (?:to see )?(?:a |much |far )?(?:stronger|better"
    r"|more|greater|deeper|clearer)\b|\bwell (?:below|short)\b"
)

LEADING_CONNECTOR = _rx(r"^(?:\s|[,;:\-–—])*(?:(?:but|however|although|though|and|also|so|whereas|yet),?\s+)?")


class Tone(Enum):
    CRITICAL = "critical"
    HEDGED = "hedged"
    NEUTRAL = "neutral"
    PRAISE = "praise"


# Clause-level bag of weak hints: words that point to a theme but prove nothing alone. A critical or hedged
# clause that no phrase rule placed gets the theme on which at least SOFT_MIN_HINTS distinct hints agree,
# clearly ahead of any other theme, so that unseen paraphrases still land somewhere sensible.
SOFT_CUES: dict[str, re.Pattern[str]] = {
    "technical_skills": _rx(
        r"\b(?:tests?|trial|assessment|exercise|task|practical|paper|sample|accura\w*|errors?|mistakes?|wrong"
        r"|incorrect|techniques?|method|procedures?|steps|checks?|safely|unsafe|speed|tools?|software|systems?"
        r"|equipment|machine\w*|kit|platform|administration|maintenance|installation|calibration|configuration"
        r"|set-?up|quality|standard|finish|tidy|neat|rough|uneven|calculat\w*|measur\w*|formula\w*|drawings?"
        r"|designs?|code|data|reports?|skills?|knowledge|level)\b"
    ),
    "experience": _rx(
        r"\b(?:already|yet|before|previous(?:ly)?|prior|years?|months|senior\w*|junior|responsib\w*|settings?"
        r"|environments?|sectors?|industry|field|led|ran|run|managed|handled|supervised|overseen|history|so far"
        r"|to date|depth|breadth|day one|ground running|straight away|track|record|time in|time on|time as"
        r"|exposure|background|caseload|a following|worked|done)\b"
    ),
    "communication": _rx(
        r"\b(?:answers?|responses?|replies|repl(?:y|ied)|explain\w*|describ\w*|express\w*|follow|clear(?:ly)?"
        r"|concise|detail|examples?|point|draw you out|open up|talk\w*|spoke|speak\w*|listen\w*|conversation"
        r"|story|stories|articulat\w*|words|wording|written|writing|emails?)\b"
    ),
    "motivation": _rx(
        r"\b(?:why|interest\w*|you(?:'d| would)? (?:really )?want\w*|stay|long[- ]term|commit\w*|temporary"
        r"|for now|wait|elsewhere|career|future|plans?|bored|settle|ambition\w*|aspiration\w*|reasons?"
        r"|moving on|move on|next step|heart)\b"
    ),
    "culture_fit": _rx(
        r"\b(?:team|colleagues|crew|environment|atmosphere|pace|style|way we|how we|rules|hierarch\w*"
        r"|independen\w*|together|alongside|autonomy|values|fit|gel|people here|personalit\w*|dynamics?)\b"
    ),
    "preparation": _rx(
        r"\b(?:website|read|reading|research\w*|looked|knew|aware|products?|services?|job description"
        r"|beforehand|in advance|ahead of|pack|brief\w*|materials?|homework|news)\b"
    ),
}
SOFT_MIN_HINTS = 2
# A critical clause no theme fits counts as a reason only with a few words of its own (boilerplate blanked).
UNPLACED_MIN_WORDS = 4
SOFT_SCORE = {Tone.CRITICAL: 0.42, Tone.HEDGED: 0.36, Tone.NEUTRAL: 0.0, Tone.PRAISE: 0.0}

# How much a cue in a clause of this tone counts as a reason to reject.
_TONE_FACTOR = {Tone.CRITICAL: 0.95, Tone.HEDGED: 0.75, Tone.NEUTRAL: 0.55, Tone.PRAISE: 0.0}
# Employer-side themes rarely come with praise words, so a neutral mention is nearly a statement of fact.
_EMPLOYER_SIDE = frozenset({"logistics", "process", "competition"})


# ---------------------------------------------------------------------------------------------
# Analysis
# ---------------------------------------------------------------------------------------------


@dataclass
class _Clause:
    start: int
    end: int
    text: str  # the masked text (boilerplate blanked), same length as the original slice
    starts_with_contrast: bool
    tone: Tone = Tone.NEUTRAL


@dataclass
class _Tally:
    scores: dict[str, list[float]] = field(default_factory=dict)
    evidence: dict[str, list[str]] = field(default_factory=dict)
    strengths: dict[str, list[str]] = field(default_factory=dict)
    codes: list[str] = field(default_factory=list)
    # Matched cue words per theme, longest first per clause: they name what to practise.
    terms: dict[str, list[str]] = field(default_factory=dict)
    # Critical clauses no cue could place: the summary must not call such a message signal-free.
    unplaced: list[str] = field(default_factory=list)

    def add(self, theme: str, score: float, quote: str, term: str = "") -> None:
        self.scores.setdefault(theme, []).append(score)
        if term:
            self.terms.setdefault(theme, []).append(term)
        quotes = self.evidence.setdefault(theme, [])
        if quote and quote not in quotes:
            quotes.append(quote)

    def praise(self, theme: str, quote: str) -> None:
        quotes = self.strengths.setdefault(theme, [])
        if quote and quote not in quotes:
            quotes.append(quote)


def _mask(text: str, spans: Iterable[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        for index in range(start, end):
            if not chars[index].isspace():
                chars[index] = " "
    return "".join(chars)


def _boilerplate_spans(text: str) -> list[tuple[int, int]]:
    """Spans in the order of BOILERPLATE, which lists the most telling phrases first."""
    lowered = text.translate(_ASCII_LOWER)
    return [
        match.span()
        for scanner, on_lowered in _BOILERPLATE_SCANNERS
        for match in scanner.finditer(lowered if on_lowered else text)
        if match.end() > match.start()
    ]


def _sentences(text: str) -> list[tuple[int, int]]:
    return [(span.start, span.end) for span in sentence_spans(text)]


def _clauses(masked: str, start: int, end: int) -> list[_Clause]:
    return [
        _Clause(clause.start, clause.end, masked[clause.start : clause.end], clause.contrast)
        for clause in clause_spans(masked, Span(start, end, masked[start:end]))
    ]


def _tone(clause_text: str) -> Tone | None:
    """Tone from markers; None when the clause carries no marker at all."""
    lowered = clause_text.lower()
    overrides = list(PRAISE_OVERRIDES.finditer(lowered))
    unpraised = _mask(lowered, (match.span() for match in overrides))
    # NOT_PRAISE hides praise words that are not praise ("we'd want to see a stronger ..."); the critique
    # they carry still counts.
    cleaned = _mask(unpraised, (match.span() for match in NOT_PRAISE.finditer(unpraised)))
    if NEGATOR.search(cleaned) or STRONG_CRITIQUE.search(cleaned):
        return Tone.CRITICAL
    if NOT_PRAISE_CRITIQUE.search(unpraised):
        return Tone.CRITICAL
    if overrides or PRAISE.search(cleaned):
        return Tone.PRAISE
    if WEAK_CRITIQUE.search(cleaned):
        return Tone.HEDGED
    return None


def _quote(original: str, start: int, end: int, anchor: int) -> str:
    """A trimmed substring of the input around `anchor`, at most MAX_EVIDENCE_CHARS long."""
    piece = original[start:end]
    connector = LEADING_CONNECTOR.match(piece)
    if connector and connector.end() < len(piece):
        start += connector.end()
    while end > start and (original[end - 1].isspace() or original[end - 1] in ",;:-–—"):
        end -= 1
    while start < end and original[start].isspace():
        start += 1
    if end - start > MAX_EVIDENCE_CHARS:
        window_start = max(start, anchor - MAX_EVIDENCE_CHARS // 3)
        window_end = min(end, window_start + MAX_EVIDENCE_CHARS)
        space = original.find(" ", window_start, window_end)
        if window_start > start and space != -1:
            window_start = space + 1
        space = original.rfind(" ", window_start, window_end)
        if window_end < end and space > window_start:
            window_end = space
        start, end = window_start, window_end
    return original[start:end]


def _rival(clause_text: str) -> re.Match[str] | None:
    found: list[re.Match[str]] = []
    for match in RIVAL.finditer(clause_text):
        if not REQUIREMENT_BEFORE_RIVAL.search(clause_text, 0, match.start()):
            found.append(match)
            break
    for match in CHOSEN_PEOPLE.finditer(clause_text):
        before = (0, match.start())
        if CHOICE_BEFORE.search(clause_text, *before) and not REQUIREMENT_BEFORE_RIVAL.search(clause_text, *before):
            found.append(match)
            break
    return min(found, key=lambda match: match.start()) if found else None


@dataclass(frozen=True)
class _Hit:
    cue: Cue
    start: int  # relative to the clause
    end: int
    term: str


def _candidates(masked: str, clauses: list[_Clause]) -> list[list[_Hit]]:
    """Every cue match per clause.

    Each cue scans the whole text once, and matches are handed to the clause that holds them: one regex
    call per cue instead of one per cue and clause keeps long messages linear and cheap. A match that
    runs across a clause boundary is not a match for either clause; those clauses are scanned again on
    their own, as if the text ended at their edges.
    """
    starts = [clause.start for clause in clauses]
    found: list[list[_Hit]] = [[] for _ in clauses]
    lowered = masked.translate(_ASCII_LOWER)
    for cue, scanner, on_lowered in _SCANNERS:
        text = lowered if on_lowered else masked
        rescan: set[int] = set()
        for match in scanner.finditer(text):
            index = bisect_right(starts, match.start()) - 1
            if index < 0 or match.start() >= clauses[index].end:
                continue
            clause = clauses[index]
            if match.end() <= clause.end:
                found[index].append(_Hit(cue, match.start() - clause.start, match.end() - clause.start, match.group(0)))
            else:
                rescan.update(range(index, bisect_left(starts, match.end())))
        for index in sorted(rescan):
            clause = clauses[index]
            seen = {(hit.start, hit.end) for hit in found[index] if hit.cue is cue}
            for match in scanner.finditer(text[clause.start : clause.end]):
                if match.span() not in seen:
                    found[index].append(_Hit(cue, match.start(), match.end(), match.group(0)))
    return found


def _cue_hits(clause_text: str, candidates: list[_Hit]) -> list[_Hit]:
    """Cue matches, longest first, without overlaps: "user research" is a skill, not preparation."""
    ordered = sorted(candidates, key=lambda hit: (-(hit.end - hit.start), hit.start))
    experience_objects = [m.span() for m in EXPERIENCE_OBJECT.finditer(clause_text)]
    role_titles = [m.span() for m in ROLE_TITLE.finditer(clause_text)]
    taken: list[tuple[int, int]] = []
    hits: list[_Hit] = []
    for hit in ordered:
        start, end = hit.start, hit.end
        if any(start < taken_end and taken_start < end for taken_start, taken_end in taken):
            continue
        if hit.cue.theme == "technical_skills" and any(s <= start and end <= e for s, e in experience_objects):
            continue
        if hit.cue.theme in ROLE_TITLE_THEMES and any(s <= start and end <= e for s, e in role_titles):
            continue
        taken.append((start, end))
        hits.append(hit)
    return sorted(hits, key=lambda hit: hit.start)


def _soft_theme(clause_text: str) -> tuple[str, int] | None:
    """The theme that at least two distinct weak hints agree on, clearly ahead of any other theme."""
    counts: list[tuple[int, str, int]] = []
    for theme, pattern in SOFT_CUES.items():
        words: dict[str, int] = {}
        for match in pattern.finditer(clause_text):
            words.setdefault(match.group(0).lower(), match.start())
        if words:
            counts.append((len(words), theme, min(words.values())))
    counts.sort(key=lambda item: (-item[0], THEMES.index(item[1])))
    if not counts or counts[0][0] < SOFT_MIN_HINTS:
        return None
    if len(counts) > 1 and counts[1][0] >= counts[0][0]:
        return None
    return counts[0][1], counts[0][2]


def _score_clauses(original: str, clauses: list[_Clause], candidates: list[list[_Hit]], tally: _Tally) -> None:
    previous_tone = Tone.NEUTRAL
    previous_praised: list[str] = []
    for index, clause in enumerate(clauses):
        marked = _tone(clause.text)
        # the clause criticises in its own words, not only by following a concession
        self_critical = marked is Tone.CRITICAL
        rival = _rival(clause.text)
        if rival:
            marked = Tone.CRITICAL
        # "Your model worked, but ...": an unmarked clause conceded before a contrast is praise.
        conceded = False
        if marked is None:
            if clause.starts_with_contrast:
                marked = Tone.CRITICAL if previous_tone is Tone.PRAISE else Tone.NEUTRAL
            elif index + 1 < len(clauses) and clauses[index + 1].starts_with_contrast:
                marked, conceded = Tone.PRAISE, True
            else:
                marked = previous_tone
        clause.tone = marked

        hits = _cue_hits(clause.text, candidates[index])
        praised: list[str] = []
        actionable_hit = False
        for hit in hits:
            cue = hit.cue
            quote = _quote(original, clause.start, clause.end, clause.start + hit.start)
            tone = clause.tone
            if conceded and cue.theme not in ACTIONABLE_THEMES:
                tone = Tone.NEUTRAL
            if tone is Tone.PRAISE and not cue.inherently_negative:
                if cue.theme in ACTIONABLE_THEMES:
                    tally.praise(cue.theme, quote)
                    praised.append(cue.theme)
                continue
            factor = _TONE_FACTOR[tone] if not cue.inherently_negative else 0.95
            if cue.theme in _EMPLOYER_SIDE:
                factor = max(factor, 0.85)
            tally.add(cue.theme, cue.weight * factor, quote, hit.term)
            actionable_hit = actionable_hit or cue.theme in ACTIONABLE_THEMES
            for code in (cue.code, cue.extra_code):
                if code and code not in tally.codes:
                    tally.codes.append(code)

        soft = None
        if clause.tone in (Tone.CRITICAL, Tone.HEDGED) and not actionable_hit:
            soft = _soft_theme(clause.text)
        # "Your X was good, but not at the level we need": the critique inherits the praised theme.
        if clause.starts_with_contrast and clause.tone is Tone.CRITICAL and not hits and previous_praised:
            quote = _quote(original, clause.start, clause.end, clause.start)
            for theme in previous_praised:
                tally.add(theme, 0.5, quote)
        elif soft:
            theme, position = soft
            quote = _quote(original, clause.start, clause.end, clause.start + position)
            tally.add(theme, SOFT_SCORE[clause.tone], quote)
            actionable_hit = True
        elif clause.tone is Tone.CRITICAL and not hits and not rival:
            unnamed = UNNAMED_WORK.search(clause.text)
            if unnamed:
                quote = _quote(original, clause.start, clause.end, clause.start + unnamed.start())
                tally.add("technical_skills", 0.4, quote)
            elif self_critical and len(re.findall(r"[a-z]{2,}", clause.text, _FLAGS)) >= UNPLACED_MIN_WORDS:
                tally.unplaced.append(_quote(original, clause.start, clause.end, clause.start))

        if rival:
            quote = _quote(original, clause.start, clause.end, clause.start + rival.start())
            if actionable_hit:
                tally.add("competition", 0.85, quote)
            elif COMPARATIVE.search(clause.text, rival.end()):
                tally.add("competition", 0.45, quote)
        for match in CLOSENESS.finditer(clause.text):
            tally.add("competition", 0.7, _quote(original, clause.start, clause.end, clause.start + match.start()))

        previous_tone = clause.tone
        previous_praised = praised


def _confidence(scores: list[float]) -> float:
    remaining = 1.0
    for score in scores:
        remaining *= 1.0 - min(score, 0.99)
    return round(min(0.99, 1.0 - remaining), 2)


# ---------------------------------------------------------------------------------------------
# Actions and summary
# ---------------------------------------------------------------------------------------------

_FOCUS = _rx(
    r"\b(?:knowledge|understanding|depth|experience|skills?|grasp|fluency|confident|gaps?|shallow|struggle)"
    r"\s+(?:in|of|with|on|around|for)\s+(?:your\s+)?(?P<focus>[a-z0-9][\w\s'&/-]{2,60}?)"
    r"(?=\s*(?:[,.;:()]|\s-\s|$|\b(?:which|that|was|wasn't|were|is|isn't|and (?:we|you|your|the|it)|but|so|as"
    r"|for a|where|when|particularly|especially|at minimum|we|you)\b))"
)
_GENERIC_FOCUS_WORDS = frozenset({"the role", "this role", "the position", "our", "us", "a team", "the team"})
# Cue words too broad to name what to practise.
_VAGUE_TERMS = frozenset(
    {
        "technical",
        "technically",
        "skill",
        "skills",
        "skill set",
        "knowledge",
        "understanding",
        "grasp",
        "command",
        "depth",
        "expertise",
        "score",
        "threshold",
        "pass mark",
        "standards",
        "software",
        "equipment",
        "technique",
    }
)

THEME_PHRASES = {
    "technical_skills": "specific skills the role needs",
    "experience": "the depth or kind of experience they wanted",
    "communication": "how your answers came across",
    "preparation": "preparation for the interview",
    "culture_fit": "how you would fit their way of working",
    "motivation": "showing why you want this particular role",
    "competition": "a close comparison with another candidate",
    "logistics": "practical terms such as pay, location or timing",
    "process": "the employer's own hiring situation",
}

STRENGTH_PHRASES = {
    "technical_skills": "your skills",
    "experience": "your experience",
    "communication": "the way you communicated",
    "preparation": "your preparation",
    "culture_fit": "how you work with others",
    "motivation": "your enthusiasm",
}

CODE_PHRASES = {
    "role_frozen": "a pause in hiring",
    "role_cancelled": "the role being withdrawn",
    "filled_internally": "an internal appointment",
    "budget": "budget or pay limits",
    "restructuring": "a reorganisation",
    "location_or_visa": "location or right-to-work requirements",
    "timing": "timing or availability",
}

_CONCISENESS = _rx(r"\b(?:long|lengthy|concise|succinct|rambl\w*|waffl\w*|tangent\w*|wander\w*|go on|quickly|point)\b")
_EXAMPLES = _rx(r"\b(?:examples?|specific|concrete|vague|ownership|personally|'we'|achieved|result)\b")
_LISTENING = _rx(r"\b(?:interrupt\w*|listen\w*|spoke over|talked over|let them finish|tone|abrupt)\b")
_QUESTIONS = _rx(r"\bquestions\b")
_ARRIVAL = _rx(r"\b(?:late|punctual\w*|microphone|camera|webcam|connection|set-?up)\b")


def _focus(evidence: Iterable[str], terms: Iterable[str]) -> str | None:
    for quote in evidence:
        match = _FOCUS.search(quote)
        if match:
            focus = " ".join(match.group("focus").split())
            if focus.lower() not in _GENERIC_FOCUS_WORDS and len(focus) > 2:
                return focus
    for term in terms:
        if term.lower() not in _VAGUE_TERMS and len(term) > 3:
            return term.lower()
    return None


def _action_for(theme: str, evidence: tuple[str, ...], terms: list[str], codes: tuple[str, ...]) -> str | None:
    joined = " ".join(evidence)
    if theme == "technical_skills":
        focus = _focus(evidence, terms)
        if focus and "system design" in focus.lower():
            return "Practise two system design problems out loud this week and note where you got stuck."
        if focus:
            return f"Practise {focus} in two short, timed sessions this week and write down where you got stuck."
        return (
            "Pick the skill the feedback points to, practise it in two short sessions this week, "
            "and keep a note of what you could not yet do."
        )
    if theme == "experience":
        focus = _focus(evidence, [])
        target = f"experience with {focus}" if focus else "the experience they asked for"
        return (
            f"Find one small way to build {target} (a volunteer task, side project or stretch work), "
            "and rewrite one CV line to show the closest experience you already have."
        )
    if theme == "communication":
        practise = "with `nextround practice --focus communication`"
        if _LISTENING.search(joined):
            return f"Practise letting each question finish and pausing before you answer, {practise}."
        if _CONCISENESS.search(joined):
            return f"Practise three answers out loud that reach the result within two minutes, {practise}."
        if _EXAMPLES.search(joined):
            return (
                "Prepare three STAR stories (situation, task, action, result) that say what you did yourself "
                f"and end with a measurable result, and rehearse them {practise}."
            )
        return f"Practise three STAR answers out loud (situation, task, action, result) {practise}."
    if theme == "preparation":
        if _ARRIVAL.search(joined):
            return (
                "For the next interview, test your camera and microphone the day before, or plan to arrive "
                "ten minutes early, and reread any material the employer sent."
            )
        if _QUESTIONS.search(joined):
            return "Write three questions about the team and the role to ask at the end of your next interview."
        return (
            "Before the next interview, spend 30 minutes on the employer's website, recent news and the job "
            "description, and note three facts you could mention."
        )
    if theme == "culture_fit":
        return (
            "Read the next employer's stated values and prepare two short stories that show how you work with "
            "a team, such as a disagreement you resolved."
        )
    if theme == "motivation":
        return (
            "Write three sentences on why this kind of role and employer appeal to you, and practise saying "
            "them out loud."
        )
    if theme == "competition":
        return "Ask the recruiter what the successful candidate brought, and keep in touch for future openings."
    if theme == "logistics":
        if "budget" in codes:
            return "Check typical pay for this role and area, and ask about the salary band at the first call."
        return (
            "Check location, hours, start date and right-to-work terms before applying, and raise them "
            "early so mismatches show up sooner."
        )
    if theme == "process":
        return (
            "Ask to be told if the role reopens, and add the company to your watchlist: "
            "this decision was about their situation."
        )
    return None


def _actions(findings: list[ThemeFinding], terms: dict[str, list[str]], codes: tuple[str, ...]) -> tuple[str, ...]:
    if not findings:
        return (
            "Reread the point quoted in the summary, write down what you would do differently, and if it is "
            "unclear, ask the employer one short question about it.",
        )
    if [finding.theme for finding in findings] == ["generic"]:
        return (
            "Send a short, friendly reply asking for one specific point, for example: "
            "'Is there one area where I could have been stronger for this role?'",
        )
    actions: list[str] = []
    for finding in findings:
        action = _action_for(finding.theme, finding.evidence, terms.get(finding.theme, []), codes)
        if action and action not in actions:
            actions.append(action)
    return tuple(actions[:4])


def _join(phrases: list[str]) -> str:
    if len(phrases) <= 1:
        return "".join(phrases)
    return ", ".join(phrases[:-1]) + " and " + phrases[-1]


def _summary(
    findings: list[ThemeFinding], strengths: list[Strength], codes: tuple[str, ...], unplaced: list[str]
) -> str:
    names = [finding.theme for finding in findings]
    praise = ""
    if strengths:
        praise = f" It also praises {_join([STRENGTH_PHRASES[s.theme] for s in strengths[:3]])}."
    if names in ([], ["generic"]) and unplaced:
        return (
            f'The message raises a point that did not match a known theme: "{unplaced[0].rstrip(".!?")}". '
            "Treat that as the thing to ask about or work on; it concerns this application, not you as a person."
        )
    if names == ["generic"]:
        return (
            "This is a standard rejection message with no specific signal about your application; that is "
            "very common and is not a verdict on you." + praise
        )
    personal = [name for name in names if name in ACTIONABLE_THEMES]
    reasons = _join([CODE_PHRASES[code] for code in codes])
    if not personal:
        if reasons:
            return f"The main reason given was outside your control ({reasons}), not how well you did." + praise
        main = _join([THEME_PHRASES[name] for name in names[:3]])
        return f"The reasons given are about {main}, which says little about how well you did." + praise
    first = f"The feedback points mainly to {_join([THEME_PHRASES[name] for name in personal[:3]])}."
    if reasons:
        return first + f" Part of the decision ({reasons}) was outside your control."
    if "competition" in names and not praise:
        return first + " It was a comparison with another candidate, so the gap may be small."
    return first + praise


# ---------------------------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------------------------


def _empty() -> FeedbackAnalysis:
    return FeedbackAnalysis(
        themes=(),
        strengths=(),
        actionable=False,
        outside_your_control=(),
        actions=(),
        summary="There is nothing to analyse yet: paste or type what the employer said.",
    )


def analyze_feedback(text: str) -> FeedbackAnalysis:
    """Themes, strengths and next steps in one piece of employer feedback."""
    if not text or not text.strip():
        return _empty()
    original = text[:MAX_ANALYSED_CHARS]
    boilerplate = _boilerplate_spans(original)
    masked = _mask(original, boilerplate)

    groups = [_clauses(masked, start, end) for start, end in _sentences(masked)]
    candidates = iter(_candidates(masked, [clause for group in groups for clause in group]))
    tally = _Tally()
    for group in groups:
        _score_clauses(original, group, [next(candidates) for _ in group], tally)

    findings = [
        ThemeFinding(theme, _confidence(scores), tuple(tally.evidence[theme][:MAX_EVIDENCE_PER_THEME]))
        for theme, scores in tally.scores.items()
    ]
    findings = [finding for finding in findings if finding.confidence >= MIN_CONFIDENCE]
    # A clearly critical clause that no theme fits is a real reason we cannot name: no theme and an honest
    # summary quoting it are better than calling the message boilerplate (`generic`).
    if not findings and not tally.unplaced:
        quotes = list(dict.fromkeys(_quote(original, s, e, s) for s, e in boilerplate))
        if not quotes:
            quotes = [_quote(original, s, e, s) for s, e in _sentences(original)[:1]]
        confidence = 0.9 if boilerplate else 0.6
        findings = [ThemeFinding("generic", confidence, tuple(quotes[:MAX_EVIDENCE_PER_THEME]))]
    findings.sort(key=lambda finding: (-finding.confidence, THEMES.index(finding.theme)))

    found = {finding.theme for finding in findings}
    codes = tuple(code for code in OUTSIDE_CONTROL_CODES if code in tally.codes)
    # Codes only stand when the theme that carries them survived the confidence floor.
    if "process" not in found and "logistics" not in found:
        codes = ()
    strengths = [
        Strength(theme, tuple(tally.strengths[theme][:MAX_EVIDENCE_PER_THEME]))
        for theme in THEMES
        if tally.strengths.get(theme)
    ]
    return FeedbackAnalysis(
        themes=tuple(findings),
        strengths=tuple(strengths),
        actionable=bool(found & ACTIONABLE_THEMES),
        outside_your_control=codes,
        actions=_actions(findings, tally.terms, codes),
        summary=_summary(findings, strengths, codes, tally.unplaced),
    )


def analyze_feedback_batch(texts: Iterable[str]) -> list[FeedbackAnalysis]:
    return [analyze_feedback(text) for text in texts]
