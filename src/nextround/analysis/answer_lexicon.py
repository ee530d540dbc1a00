"""Word lists for interview-answer analysis.

Kept apart from :mod:`nextround.analysis.answer` so the rules stay readable and the lists can grow
without touching the logic. Everything here is data: no I/O, no imports beyond the standard library.
Words are lower case; phrases are matched on whole words.
"""

from __future__ import annotations

from typing import Final

# Function words ignored when comparing content.
STOPWORDS: Final = frozenset(
    """
    a about above after again against all also am an and any are aren't as at be because been before being
    below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down
    during each few for from further had hadn't has hasn't have haven't having he he'd he'll he's her here
    here's hers herself him himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself
    just let's me more most mustn't my myself no nor not of off on once only or other ought our ours
    ourselves out over own same shan't she she'd she'll she's should shouldn't so some such than that that's
    the their theirs them themselves then there there's these they they'd they'll they're they've this
    those through to too under until up upon very was wasn't we we'd we'll we're we've were weren't what
    what's when when's where where's which while who who's whom why why's with won't would wouldn't you
    you'd you'll you're you've your yours yourself yourselves yeah okay ok really quite lot lots bit
    get got go went going gone thing things stuff way also even still much many well one ones just
    """.split()
)

# Words that frame an interview question but say nothing about its topic.
QUESTION_FRAME_WORDS: Final = frozenset(
    """
    tell describe give example examples share talk walk recall think time times situation situations
    occasion occasions moment instance instances ever would could can please say handle handled handling
    deal dealt approach approached respond responded experience experiences specific particular kept keep
    greatest biggest main best most key real top imagine suppose arrive arrives happen happens happened
    different same two three something someone somebody anything work working job role did do does done
    like want wanted made make take took us we interview interviewer yourself ask asked kind sort type
    """.split()
)

# Words so common in job advertisements that they are never a key term on their own.
GENERIC_JOB_AD_WORDS: Final = frozenset(
    """
    ability able apply applicant applicants application applications benefit benefits candidate candidates
    career company competitive culture day days degree desirable duties employer employment environment
    equal essential excellent experience experienced familiarity full good great help ideal including
    join knowledge looking opportunity opportunities paid part person plus position preferred proven
    qualification qualifications required requirement requirements responsibilities responsibility role
    salary skill skilled skills strong successful support team teams time understanding using we're
    week weeks work working year years you'll you'd must will based new within across well highly key
    seeking hiring hire offer offers package range related relevant similar various wide minimum etc
    per hour hours including include includes other others ensure ensuring provide providing make
    making take taking demonstrate demonstrated demonstrable closing date contract permanent temporary
    location remote hybrid office travel equivalent level senior junior grade
    """.split()
)

# Fillers that are always fillers, counted as spoken.
SIMPLE_FILLERS: Final = ("um", "umm", "uh", "uhm", "erm", "er", "hmm", "basically", "literally", "actually")
# Multi-word fillers; "you know", "i mean" and "kind of"/"sort of" get context checks in the analyser.
PHRASE_FILLERS: Final = ("you know", "i mean", "kind of", "sort of", "so yeah")

# Words before "like" that make it a verb or a comparison, not a filler ("I would like", "just like").
LIKE_NOT_FILLER_BEFORE: Final = frozenset(
    """
    i you we they he she it would 'd do don't didn't does doesn't did really also to might may could should
    will 'll people feel felt look looks looked looking seem seems seemed sound sounds sounded just
    nothing something anything things stuff much more less most least always never not
    dislike likes liked what who also isn't wasn't aren't weren't
    """.split()
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
IRREGULAR_ACTION_PAST: Final = frozenset(
    """
    began brought built bought caught chose came cut dealt did drew drove ate fed fought found flew forgave
    gave went grew held hid hit kept knew laid led left lent let lit made meant met paid put quit ran rang
    rewrote rode rose sat saw sent set shook shot showed shut sang slept sold sought spent spoke split
    spread stood stole struck swam swept swung taught told thought threw took tore undertook understood
    upheld wore won wrote withdrew oversaw overcame rebuilt redid reran rethought retook rang sped
    """.split()
)

# Past forms ending in -ed that describe a state, a wish or a perception, not an action.
NON_ACTION_PAST: Final = frozenset(
    """
    needed wanted liked loved hated seemed appeared felt believed hoped expected supposed used learned
    learnt realised realized noticed wondered worried enjoyed preferred remembered forgot owned lived
    failed struggled panicked tired bored stressed scared annoyed excited interested involved based
    qualified graduated moved joined started worked had was were did
    """.split()
)

# Base verbs that follow "I would" without describing an action ("I would like", "I'd say").
NON_ACTION_BASE: Final = frozenset(
    """
    be have like love say think want need prefer hope imagine feel probably guess suppose rather
    expect assume bet definitely hate enjoy mind recommend argue
    """.split()
)

# Count words that make a number a measurement ("five minutes", "20 complaints").
NUMBER_WORDS: Final = frozenset(
    """
    two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
    seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds
    thousand thousands million millions billion dozen dozens zero half third quarter
    """.split()
)

MULTIPLIER_WORDS: Final = frozenset({"doubled", "halved", "tripled", "quadrupled", "twice", "threefold"})

# Competency expansions: a question word (stemmed by the analyser) brings these words and phrases.
TOPIC_EXPANSIONS: Final[dict[str, tuple[str, ...]]] = {
    "conflict": (
        "conflict disagree disagreed disagreement argue argued argument clash clashed tension dispute "
        "different view pushed back push back friction fell out confront confronted objection objected "
        "compromise compromised"
    ).split(),
    "disagree": (),  # filled from "conflict" below
    "argument": (),
    "mistake": (
        "mistake mistakes error errors wrong missed forgot forgotten fault slip oversight incorrect "
        "went wrong my fault owned up own up apologised apologized fix fixed failure failed misjudged"
    ).split(),
    "fail": (),
    "failure": (),
    "error": (),
    "lead": (
        "led lead leader leading leadership charge took over stepped up organised organized coordinated "
        "mentored guided delegated managed volunteered rallied initiative supervised directed team "
        "responsibility owner ownership decided"
    ).split(),
    "leadership": (),
    "initiative": (),
    "customer": (
        "customer customers client clients guest guests patient patients passenger passengers caller "
        "callers parent parents visitor visitors diner diners shopper shoppers user users family "
        "relative relatives resident residents tenant tenants buyer buyers public service member members "
        "student students pupil pupils account"
    ).split(),
    "client": (),
    "difficult": (
        "difficult angry upset frustrated unhappy rude complain complained complaint complaints shouting "
        "shouted demanding annoyed furious blamed raised voice aggressive impatient threatened "
        "dissatisfied tricky challenging hard"
    ).split(),
    "colleague": (
        "colleague colleagues coworker coworkers co-worker teammate teammates peer peers manager "
        "supervisor boss senior team member partner counterpart staff"
    ).split(),
    "deadline": (
        "deadline deadlines due time on time early late days hours week pressure urgent rush rushed "
        "schedule brought forward submitted delivered finished handed over in time date"
    ).split(),
    "tight": "tight short little time pressure rushed squeeze quickly fast notice days hours".split(),
    "pressure": (
        "pressure stress stressful busy calm urgent deadline rush overwhelmed heavy workload emergency "
        "crisis"
    ).split(),
    "improve": (
        "improve improved improvement better faster quicker streamline streamlined simplify simplified "
        "fix fixed change changed redesign redesigned automate automated reduce reduced cut saved save "
        "efficient efficiency process new way introduced set up suggested"
    ).split(),
    "process": (),
    "learn": (
        "learn learned learnt learning training trained course studied study practise practised "
        "practice practiced taught teach picked up pick up new system tutorial tutorials figured out "
        "read guide module modules exam"
    ).split(),
    "quick": "quick quickly fast days week weeks hours short time soon first day".split(),
    "team": (
        "team teams together colleagues group we our collaborate collaborated helped support supported "
        "shared role everyone"
    ).split(),
    "change": (
        "change changed changes new adapt adapted adjust adjusted transition switched moved restructure "
        "restructured introduced"
    ).split(),
    "adapt": (),
    "problem": (
        "problem problems issue issues solve solved solution fix fixed cause root investigate "
        "investigated figured out found"
    ).split(),
    "decision": (
        "decision decide decided choice chose option options weighed judgement judgment call risk"
    ).split(),
    "communicat": (
        "communicate communicated communication explain explained told spoke talked listened wrote "
        "email emailed presented update updated message"
    ).split(),
    "persuad": (
        "persuade persuaded convince convinced influence influenced agreed agree buy-in won over case "
        "evidence data showed"
    ).split(),
    "influenc": (),
    "feedback": (
        "feedback criticism criticised criticized review comments told me suggestion suggestions "
        "appraisal coaching advice"
    ).split(),
    "criticism": (),
    "prioriti": (
        "priority priorities prioritise prioritised prioritize prioritized urgent important first "
        "order deadline deadlines critical earliest"
    ).split(),
    "urgent": (),
    "goal": (
        "goal goals target targets achieve achieved objective aim hit exceeded met reached result results"
    ).split(),
    "target": (),
    "achiev": (),
    "stress": (),
    "busy": (),
    "creative": "creative idea ideas new different innovative design designed invented tried".split(),
    "innovat": (),
    "ethic": (
        "ethical ethics honest honesty integrity right wrong report reported policy rules confidential"
    ).split(),
    "safety": (
        "safety safe hazard hazards risk risks incident incidents accident injury protocol procedure"
    ).split(),
    "manager": "manager managers boss supervisor lead director head line manager senior".split(),
    "request": "request requests task tasks asked ask work job piece deliverable report".split(),
    "share": "share fair workload split equal pull weight slack tasks more than my".split(),
    "strength": (
        "strength strengths strong good at best skill skills example for example helps bring"
    ).split(),
    "weakness": (
        "weakness weaknesses weak struggle struggled improve improving working on area develop "
        "development practise practising feedback learned nervous impatient"
    ).split(),
    "yourself": (),
    "motivat": (
        "motivate motivates motivated motivation enjoy love drive driven satisfaction reward rewarding "
        "proud purpose"
    ).split(),
    "sale": "sale sales sold sell selling revenue deal deals target quota pipeline customers".split(),
    "budget": "budget budgets cost costs spend spending money saved save savings overspend".split(),
    "data": "data analysis analysed analyzed numbers figures report reports spreadsheet query insight".split(),
    "risk": "risk risks risky safe safety chance danger mitigate contingency".split(),
    "mentor": "mentor mentored coach coached train trained taught support supported develop".split(),
    "persuade": (),
    "handle": (),
}

# Fill the aliases that share a list with their head word.
for _alias, _head in (
    ("disagree", "conflict"),
    ("argument", "conflict"),
    ("fail", "mistake"),
    ("failure", "mistake"),
    ("error", "mistake"),
    ("leadership", "lead"),
    ("initiative", "lead"),
    ("client", "customer"),
    ("process", "improve"),
    ("adapt", "change"),
    ("influenc", "persuad"),
    ("persuade", "persuad"),
    ("criticism", "feedback"),
    ("urgent", "prioriti"),
    ("target", "goal"),
    ("achiev", "goal"),
    ("stress", "pressure"),
    ("busy", "pressure"),
    ("innovat", "creative"),
):
    TOPIC_EXPANSIONS[_alias] = TOPIC_EXPANSIONS[_head]
TOPIC_EXPANSIONS = {key: words for key, words in TOPIC_EXPANSIONS.items() if words}

# What an answer to each non-story question type is expected to talk about (weaker than question words).
TYPE_TOPICS: Final[dict[str, tuple[tuple[str, ...], ...]]] = {
    "tell_me_about_yourself": (
        tuple(
            "experience years worked role job career background studied qualified trained degree "
            "started spent".split()
        ),
        tuple("currently now today current present moment".split()),
        tuple(
            "looking next role position opportunity move applying apply why want join excited".split()
        ),
    ),
    "motivation": (
        tuple("your company team organisation mission product products values culture service".split()),
        tuple(
            "excited interest interested passion drawn appeal appeals admire impressed reputation "
            "enjoy love want".split()
        ),
        tuple("experience skills bring contribute background fit learn grow develop".split()),
    ),
    "strengths_weaknesses": (
        tuple("strength weakness good strong struggle improve improving working".split()),
        tuple("example instance when last once time year month".split()),
        tuple("learned improved feedback practise practising progress better now".split()),
    ),
    "career_story": (
        tuple("goal goals future years grow develop aim plan career progress next move".split()),
        tuple("because reason why decided chose wanted".split()),
    ),
    "questions_for_interviewer": (
        tuple(
            "team role success challenge challenges culture first months day measure expect training "
            "progression priorities".split()
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
ABBREVIATIONS_NEVER_END: Final = frozenset(
    "mr mrs ms dr prof st sr jr e.g eg i.e ie vs approx cf no nos fig mt ft dept est".split()
)
ABBREVIATIONS_MAY_END: Final = frozenset("etc a.m p.m am pm inc ltd co corp".split())

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
