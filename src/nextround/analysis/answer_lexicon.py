"""Word lists for interview-answer analysis.

Kept apart from :mod:`nextround.analysis.answer` so the rules stay readable and the lists can grow
without touching the logic. Everything here is data: no I/O, no imports beyond the standard library.
Words are lower case; phrases are matched on whole words.
"""

from __future__ import annotations

from typing import Final


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _word_tuple(text: str) -> tuple[str, ...]:
    return tuple(text.split())


def _pairs(text: str) -> dict[str, str]:
    """Parse "left:leave took:take" into {"left": "leave", "took": "take"}."""
    forms = [pair.partition(":") for pair in text.split()]
    return {form: base for form, _, base in forms}


# Function words ignored when comparing content.
STOPWORDS: Final = _word_set(
    """
    anyone anybody anything else someone somebody everyone everybody everything nobody nothing
    whatever whoever another either neither whose may might must shall
    a about above after again against all also am an and any are aren't as at be because been before
    being below between bit both but by can can't cannot could couldn't did didn't do does doesn't
    doing don't down during each even few for from further get go going gone got had hadn't has
    hasn't have haven't having he he'd he'll he's her here here's hers herself him himself his how
    how's i i'd i'll i'm i've if in into is isn't it it's its itself just let's lot lots many me
    more most much mustn't my myself no nor not of off ok okay on once one ones only or other ought
    our ours ourselves out over own quite really same shan't she she'd she'll she's should shouldn't
    so some still stuff such than that that's the their theirs them themselves then there there's
    these they they'd they'll they're they've thing things this those through to too under until up
    upon very was wasn't way we we'd we'll we're we've well went were weren't what what's when
    when's where where's which while who who's whom why why's with won't would wouldn't yeah you
    you'd you'll you're you've your yours yourself yourselves
    """
)
# Words that frame an interview question but say nothing about its topic.
QUESTION_FRAME_WORDS: Final = _word_set(
    """
    worked works
    anything approach approached arrive arrives ask asked best biggest can could deal dealt describe
    did different do does done ever example examples experience experiences give greatest handle
    handled handling happen happened happens imagine instance instances interview interviewer job
    keep kept key kind like made main make moment most occasion occasions particular please real
    recall respond responded role same say share situation situations somebody someone something
    sort specific suppose take talk tell think three time times took top two type us walk want
    wanted we work working would yourself
    """
)
# Words so common in job advertisements that they are never a key term on their own.
GENERIC_JOB_AD_WORDS: Final = _word_set(
    """
    ability able across applicant applicants application applications apply based benefit benefits
    candidate candidates career closing company competitive contract culture date day days degree
    demonstrable demonstrate demonstrated desirable duties employer employment ensure ensuring
    environment equal equivalent essential etc excellent experience experienced familiarity friday
    full good grade great help highly hire hiring hour hours hybrid ideal include includes including
    join junior key knowledge level location looking make making minimum monday must new offer
    offers office opportunities opportunity other others package paid part per permanent person plus
    position preferred proven provide providing qualification qualifications range related relevant
    remote required requirement requirements responsibilities responsibility role salary saturday
    seeking senior similar skill skilled skills strong successful sunday support take taking team
    teams temporary thursday time travel tuesday understanding using various we're wednesday week
    weekend weekends weeks well wide will within work working year years you'd you'll
    """
)
# Duty verbs that open job-ad bullets ("Manage patient flow"): they break phrases and are never terms.
JOB_AD_VERBS: Final = _word_set(
    """
    able act acts administer administers apply applying assist assists build builds carries carry
    collaborate collaborates communicate communicates contribute contributes coordinate coordinates
    create creates deliver delivers design designs develop develops drive drives enjoy enjoys ensure
    ensures handle handles help helps identifies identify implement implements improve improves join
    joining keep keeps lead leads liaise liaises looking maintain maintains make makes manage
    manages meet meets monitor monitors need needed needs operate operates oversee oversees own owns
    plan plans prepare prepares promote promotes provide provides report reports required respond
    responds review reviews run runs seeks serve serves supervise supervises support supports take
    takes thrive thrives use uses want wanted wants work works write writes
    """
)
# Fillers that are always fillers, counted as spoken.
SIMPLE_FILLERS: Final = _word_tuple("um umm uh uhm erm er hmm basically literally actually")
# Multi-word fillers; "you know", "i mean" and "kind of"/"sort of" get context checks in the analyser.
PHRASE_FILLERS: Final = ("you know", "i mean", "kind of", "sort of", "so yeah")

# Words before "like" that make it a verb or a comparison, not a filler ("I would like", "just like").
LIKE_NOT_FILLER_BEFORE: Final = _word_set(
    """
    'd 'll also always anything aren't could did didn't dislike do does doesn't don't feel felt he i
    isn't it just least less liked likes look looked looking looks may might more most much never
    not nothing people really seem seemed seems she should something sound sounded sounds stuff they
    things to wasn't we weren't what who will would you
    """
)
# Hedging phrases, longest first so "i think maybe" wins over "maybe".
HEDGE_PHRASES: Final = (
    "i'm not sure but",
    "i am not sure but",
    "i'm not really sure",
    "i'm not sure",
    "i am not sure",
    "not sure if",
    "i don't know",
    "i think maybe",
    "i guess",
    "i suppose",
    "i feel like",
    "kind of",
    "sort of",
    "probably",
    "maybe",
    "perhaps",
    "hopefully",
    "more or less",
    "i'd say",
    "if that makes sense",
    "somewhat",
    "a little bit",
    "i think",
)

# Stock phrases that name a trait without evidence (observable wording, not a judgement of the person).
STOCK_TRAIT_PHRASES: Final = (
    "perfectionist",
    "work too hard",
    "care too much",
    "good at everything",
    "natural leader",
    "people person",
    "team player",
    "hard worker",
    "fast learner",
    "good with people",
)

# Irregular past-tense verbs that describe doing something (used for the STAR "action" cue).
IRREGULAR_ACTION_PAST: Final = _word_set(
    """
    ate began bought brought built came caught chose cut dealt did drew drove fed flew forgave
    fought found gave grew held hid hit kept knew laid led left lent let lit made meant met overcame
    oversaw paid put quit ran rang rebuilt redid reran rethought retook rewrote rode rose sang sat
    saw sent set shook shot showed shut slept sold sought sped spent split spoke spread stole stood
    struck swam swept swung taught thought threw told took tore understood undertook upheld went
    withdrew won wore wrote
    """
)
# Past forms ending in -ed that describe a state, a wish or a perception, not an action.
NON_ACTION_PAST: Final = _word_set(
    """
    annoyed appeared based believed bored clashed did disagreed enjoyed excited expected failed felt
    forgot graduated had hated hoped interested involved learned learnt liked lived loved needed
    noticed owned panicked preferred qualified realised realized remembered scared seemed stressed
    struggled supposed tired used wanted was were wondered worried
    """
)
# Base verbs that follow "I would" without describing an action ("I would like", "I'd say").
NON_ACTION_BASE: Final = _word_set(
    """
    argue assume be bet definitely enjoy expect feel guess hate have hope imagine like love mind
    need prefer probably rather recommend say suppose think want
    """
)
# Count words that make a number a measurement ("five minutes", "20 complaints").
NUMBER_WORDS: Final = _word_set(
    """
    billion dozen dozens eight eighteen eighty eleven fifteen fifty five forty four fourteen half
    hundred hundreds million millions nine nineteen ninety quarter seven seventeen seventy six
    sixteen sixty ten third thirteen thirty thousand thousands three twelve twenty two zero
    """
)
MULTIPLIER_WORDS: Final = _word_set("doubled halved quadrupled threefold tripled twice")

# Competency expansions: a question word (as stemmed by the analyser) brings these words and phrases.
# Entries are comma-separated so phrases ("took over") stay whole.
_EXPANSION_SOURCE: Final[dict[str, str]] = {
    "conflict": (
        "conflict, disagree, disagreed, disagreement, argue, argued, argument, clash, clashed, tension, "
        "dispute, different view, pushed back, push back, friction, fell out, confront, confronted, "
        "objected, compromise, compromised, instead of, wanted"
    ),
    "mistake": (
        "mistake, mistakes, error, errors, wrong, missed, forgot, forgotten, fault, slip, oversight, "
        "incorrect, went wrong, my fault, owned up, own up, apologised, apologized, fix, fixed, failure, "
        "failed, misjudged, realised, realized"
    ),
    "lead": (
        "led, lead, leader, leading, leadership, took charge, in charge, took over, stepped up, organised, "
        "organized, coordinated, mentored, guided, delegated, managed, volunteered, rallied, initiative, "
        "supervised, directed, responsibility, owner, decided, set up"
    ),
    "customer": (
        "customer, customers, client, clients, guest, guests, patient, patients, passenger, passengers, "
        "caller, callers, parent, parents, visitor, visitors, diner, diners, shopper, shoppers, user, "
        "users, family, relative, relatives, resident, residents, tenant, tenants, buyer, buyers, "
        "member of the public, student, students, pupil, pupils, account"
    ),
    "difficult": (
        "difficult, angry, upset, frustrated, unhappy, rude, complain, complained, complaint, "
        "complaints, shouting, shouted, demanding, annoyed, furious, blamed, raised voice, aggressive, "
        "impatient, threatened, dissatisfied, tricky, challenging, hard"
    ),
    "colleague": (
        "colleague, colleagues, coworker, coworkers, co-worker, teammate, teammates, peer, peers, "
        "manager, supervisor, boss, senior, team member, partner, counterpart, staff"
    ),
    "deadline": (
        "deadline, deadlines, due, on time, early, late, days, hours, pressure, urgent, rush, rushed, "
        "schedule, brought forward, submitted, delivered, finished, handed over, in time, date"
    ),
    "tight": "tight, short, little time, pressure, rushed, squeeze, quickly, fast, notice, days, hours",
    "pressure": (
        "pressure, stress, stressful, busy, calm, urgent, deadline, rush, overwhelmed, heavy workload, "
        "emergency, crisis"
    ),
    "improve": (
        "improve, improved, improvement, better, faster, quicker, streamline, streamlined, simplify, "
        "simplified, fix, fixed, change, changed, redesign, redesigned, automate, automated, reduce, "
        "reduced, cut, saved, save, efficient, efficiency, process, new way, introduced, set up, suggested, "
        "rewrote, rewrite, reorganised, reorganized, sorted out, tidied, simpler, easier"
    ),
    "learn": (
        "learn, learned, learnt, learning, training, trained, course, studied, study, practise, "
        "practised, practice, practiced, taught, picked up, pick up, new system, tutorial, tutorials, "
        "figured out, guide, module, modules, exam, videos, show me, showed me, how to, on my own, "
        "never used, never seen"
    ),
    "new": "new, unfamiliar, never, first time, different, switched, switch, moved to, had not used",
    "quick": "quick, quickly, fast, days, week, weeks, hours, short time, soon, first day",
    "team": (
        "team, teams, together, colleagues, group, collaborate, collaborated, helped, support, "
        "supported, shared, everyone, staff, crew, department"
    ),
    "change": (
        "change, changed, changes, new, adapt, adapted, adjust, adjusted, transition, switched, moved, "
        "restructure, restructured, introduced"
    ),
    "problem": (
        "problem, problems, issue, issues, solve, solved, solution, fix, fixed, cause, root cause, "
        "investigate, investigated, figured out, found"
    ),
    "decision": ("decision, decide, decided, choice, chose, option, options, weighed, judgement, judgment, risk"),
    "communicat": (
        "communicate, communicated, communication, explain, explained, told, spoke, talked, listened, "
        "wrote, email, emailed, presented, update, updated, message"
    ),
    "persuad": (
        "persuade, persuaded, convince, convinced, influence, influenced, agreed, agree, buy-in, "
        "won over, evidence, data, showed"
    ),
    "feedback": (
        "feedback, criticism, criticised, criticized, review, comments, told me, suggestion, "
        "suggestions, appraisal, coaching, advice"
    ),
    "prioriti": (
        "priority, priorities, prioritise, prioritised, prioritize, prioritized, urgent, important, "
        "first, order, deadline, deadlines, critical, earliest"
    ),
    "goal": (
        "goal, goals, target, targets, achieve, achieved, objective, aim, hit, exceeded, met, reached, result, results"
    ),
    "creative": "creative, idea, ideas, new, different, innovative, design, designed, invented, tried",
    "ethic": (
        "ethical, ethics, honest, honesty, integrity, right, wrong, report, reported, policy, rules, confidential"
    ),
    "safety": (
        "safety, safe, hazard, hazards, risk, risks, incident, incidents, accident, injury, protocol, procedure"
    ),
    "manager": "manager, managers, boss, supervisor, lead, director, head, line manager, senior",
    "request": "request, requests, task, tasks, asked, ask, piece of work, deliverable, report",
    "share": "share, fair, workload, split, equal, pull their weight, slack, tasks, more than my",
    "strength": "strength, strengths, strong, good at, best, skill, skills, for example, helps, bring",
    "weakness": (
        "weakness, weaknesses, weak, struggle, struggled, improve, improving, working on, area, "
        "develop, development, practise, practising, feedback, learned, nervous, impatient"
    ),
    "motivat": (
        "motivate, motivates, motivated, motivation, enjoy, love, drive, driven, satisfaction, "
        "reward, rewarding, proud, purpose"
    ),
    "sale": "sale, sales, sold, sell, selling, revenue, deal, deals, target, quota, pipeline, customers",
    "budget": "budget, budgets, cost, costs, spend, spending, money, saved, save, savings, overspend",
    "data": ("data, analysis, analysed, analyzed, numbers, figures, report, reports, spreadsheet, query, insight"),
    "risk": "risk, risks, risky, safe, safety, chance, danger, mitigate, contingency",
    "mentor": "mentor, mentored, coach, coached, train, trained, taught, support, supported, develop",
}

# Question words that share a list with a head word (keys are stems as the analyser makes them).
_EXPANSION_ALIASES: Final[dict[str, str]] = {
    "disagre": "conflict",
    "argument": "conflict",
    "argu": "conflict",
    "fail": "mistake",
    "failur": "mistake",
    "error": "mistake",
    "wrong": "mistake",
    "leadership": "lead",
    "led": "lead",
    "initiativ": "lead",
    "client": "customer",
    "process": "improve",
    "adapt": "change",
    "influenc": "persuad",
    "criticism": "feedback",
    "urgent": "prioriti",
    "priority": "prioriti",
    "target": "goal",
    "achiev": "goal",
    "stress": "pressure",
    "busy": "pressure",
    "innovat": "creative",
    "coach": "mentor",
    "quick": "quick",
    "quickly": "quick",
}


def _split_entries(source: str) -> tuple[str, ...]:
    return tuple(entry.strip() for entry in source.split(",") if entry.strip())


TOPIC_EXPANSIONS: Final[dict[str, tuple[str, ...]]] = {
    **{key: _split_entries(source) for key, source in _EXPANSION_SOURCE.items()},
    **{alias: _split_entries(_EXPANSION_SOURCE[head]) for alias, head in _EXPANSION_ALIASES.items()},
}

# What an answer to each non-story question type is expected to talk about (weaker than question words).
TYPE_TOPICS: Final[dict[str, tuple[tuple[str, ...], ...]]] = {
    "tell_me_about_yourself": (
        _word_tuple(
            "experience years worked role job career background studied qualified trained degree started spent"
        ),
        _word_tuple("currently now today current present moment"),
        _word_tuple("looking next role position opportunity move applying apply why want join excited"),
    ),
    "motivation": (
        _word_tuple("your company team organisation mission product products values culture service"),
        _word_tuple(
            "excited interest interested passion drawn appeal appeals admire impressed reputation enjoy love want"
        ),
        _word_tuple("experience skills bring contribute background fit learn grow develop"),
    ),
    "strengths_weaknesses": (
        _word_tuple("strength weakness good strong struggle improve improving working"),
        _word_tuple("example instance when last once time year month"),
        _word_tuple("learned improved feedback practise practising progress better now"),
    ),
    "career_story": (
        _word_tuple("goal goals future years grow develop aim plan career progress next move"),
        _word_tuple("because reason why decided chose wanted"),
    ),
    "questions_for_interviewer": (
        _word_tuple(
            "team role success challenge challenges culture first months day measure expect training "
            "progression priorities"
        ),
    ),
}

# Length targets in words per question type: (min, max).
LENGTH_TARGETS: Final[dict[str, tuple[int, int]]] = {
    "behavioural": (150, 300),
    "situational": (120, 280),
    "tell_me_about_yourself": (120, 280),
    "motivation": (80, 200),
    "strengths_weaknesses": (100, 220),
    "career_story": (80, 200),
    "questions_for_interviewer": (15, 80),
    "technical": (60, 250),
    "general": (60, 200),
}

# Abbreviations after which a full stop does not end a sentence.
ABBREVIATIONS_NEVER_END: Final = _word_set(
    "approx cf dept dr e.g eg est fig ft i.e ie jr mr mrs ms mt no nos prof sr st vs"
)
ABBREVIATIONS_MAY_END: Final = _word_set("a.m am co corp etc inc ltd p.m pm")

# Where a run-on transcript may be cut: discourse markers that usually start a new step.
TRANSCRIPT_BREAK_MARKERS: Final = (
    "and then",
    "so then",
    "but then",
    "and so",
    "after that",
    "in the end",
    "as a result",
    "which meant",
    "so i",
    "then i",
    "but i",
    "and i",
    "because",
    "so we",
    "then we",
    "and we",
    "but",
    "so",
)

# Irregular past forms mapped to their base so "left" meets "leaving" and "took" meets "take".
IRREGULAR_BASE: Final[dict[str, str]] = _pairs(
    """
    left:leave led:lead took:take taken:take made:make kept:keep went:go gone:go spoke:speak
    spoken:speak told:tell thought:think brought:bring bought:buy felt:feel met:meet ran:run
    sent:send spent:spend wrote:write written:write rewrote:rewrite taught:teach caught:catch
    found:find gave:give given:give chose:choose chosen:choose began:begin begun:begin built:build
    sold:sell held:hold stood:stand understood:understand lost:lose won:win paid:pay said:say
    heard:hear fell:fall grew:grow grown:grow drove:drive driven:drive learnt:learn dealt:deal
    fought:fight sought:seek saw:see seen:see did:do done:do came:come knew:know known:know got:get
    forgot:forget forgotten:forget mistook:mistake
    """
)
