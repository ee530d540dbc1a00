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
   a reason; in a praising clause they count as a strength.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum

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
            (r"\b(?:knowledge|understanding|grasp|command)\b(?! of " + _OWN_ORG + r")", 0.6),
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
            (r"\b(?:terminology|translation|interpreting|grammar|spelling|accuracy)\b", 0.5),
            (r"\b(?:conflict resolution|complaint handling|upselling|cold calling|account management)\b", 0.6),
        ],
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
                r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|a couple of|a few|several|more)\+?"
                r" (?:more )?years?'?\s+(?:of|in|as|doing|working|experience|under|on|at|running|leading)\b",
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
                r"\b(?:had|has|have|having)\s+(?:already\s+)?(?:worked|run|done|led|managed|used|delivered|built"
                r"|covered|held)\b[^.;]{0,60}\bbefore\b",
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
            (r"\b(?:explain\w*|explanation)\b(?! (?:why|your (?:reasons?|motivation)))", 0.6),
            (r"\b(?:listen\w*|interrupt\w*|talked over)\b", 0.75),
            (r"\b(?:tone|body language|eye contact|rapport|manner)\b", 0.6),
            # bare "speaking" is too common ("after speaking with the team"); only manner of speech counts
            (
                r"\b(?:spoke|speak\w*) (?:too|very|quite|a bit|rather|so|more|up|clearly|slowly|quickly|over)\b"
                r"|\bquiet(?:ly)?\b|\bmumbl\w*|\bhear you\b",
                0.6,
            ),
            (r"\b(?:presentation|present (?:your|ideas|the|it))\b", 0.5),
            (r"\b(?:clear|unclear)\b(?! (?:process|that|to us|idea of what|on|about|whether))", 0.5),
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
            (r"\bexamples?\b", 0.5),
            (r"\b(?:summar\w*|detail(?:s|ed)?|elaborat\w*|prompt(?:ed|ing)? you)\b", 0.5),
            (r"\b(?:short|brief|long|lengthy|vague|generic|rehearsed|scripted|unfocused) answers?\b", 0.8),
            (
                r"\banswers?\b[^.;]{0,40}\b(?:were|was|felt|seemed|came across|lacked|went|jumped|focused|ran"
                r"|wandered|drifted)\b",
                0.55,
            ),
            (r"\b(?:tighten\w*|shorten\w*|trim\w*)\b[^.;]{0,20}\banswers?\b", 0.75),
            (r"\b(?:tend(?:ed|s)? to|started to) (?:go on|drift|wander|ramble|repeat)\b", 0.75),
            (r"\b(?:non-specialist|non-technical|lay) (?:audiences?|people|colleagues|stakeholders)\b", 0.7),
            (r"\b(?:ownership|personally did|your (?:own )?(?:role|part|contribution) in)\b", 0.6),
            (r"\b(?:rehearsed|scripted|robotic)\b", 0.6),
            (r"\bstar (?:method|format|structure|technique|answers?)\b", 0.8),
            (r"\bclear (?:picture|sense|idea|answer|explanation)\b", 0.5),
            (r"\bdirect (?:answers?|response)\b|\banswer(?:ed)? (?:the|our|what was) (?:question|asked)\b", 0.75),
            (r"\b(?:looking at|reading from|relied on|reading) (?:your )?notes\b|\bjargon\b|\bacronyms\b", 0.65),
            (
                r"\b(?:answers?|examples?|responses?)\b[^.;]{0,30}\b(?:generic|general|vague|thin|brief|short"
                r"|surface-level|superficial|unfocused|rehearsed)\b",
                0.7,
            ),
            (r"\bsituations? you(?:'d| had| have)? handled\b|\bsell(?:ing)? yourself\b|\bunder-?sold\b", 0.65),
            (r"\b(?:rushed|hurried|garbled|storytelling|written (?:communication|english)|people person)\b", 0.55),
            (r"\b(?:hard|difficult) to (?:piece together|make sense of|pin down|keep up with)\b", 0.85),
        ],
    ),
    *_cues(
        "communication",
        [
            (r"\b(?:rambl\w*|long-?winded|waffl\w*|tangents?|off-topic|jumped around|hard to follow)\b", 0.9),
            (r"\b(?:difficult to follow|hard to pick out|hard to understand|difficult to hear)\b", 0.85),
            (r"\b(?:vague|abrupt|curt|monosyllabic|one-word answers|went on too long)\b", 0.75),
            (r"\b(?:too|a (?:bit|little)|rather|quite|slightly) (?:long|short|brief|quiet|fast)\b", 0.7),
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
            (r"\b(?:knowledge|understanding|awareness) of " + _OWN_ORG, 0.8),
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
                r"(?:does|do|involves?|entails?|looks like)\b",
                0.75,
            ),
            (
                r"\b(?:document\w*|framework|materials?|pack|information|brief\w*|guide|reading|portfolio|task)"
                r" (?:we|that we|you were) (?:sent|shared|provided|gave|asked for|given)\b",
                0.8,
            ),
            (r"\b(?:commercial awareness|annual report|our website|the website)\b", 0.8),
            (r"\b(?:asked|ask|had) (?:no|any|few|many|us any) questions\b|\bquestions (?:at the end|for us)\b", 0.8),
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
            (r"\b(?:independently|autonomous\w*|autonomy|minimal (?:interruption|supervision))\b", 0.5),
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
                r"\b(?:how we do things|the way we do things|our way of|pace here"
                r"|the pace of (?:our|the) (?:team|office))\b",
                0.65,
            ),
            (r"\b(?:gel|get on) with\b|\bblend in\b|\bfit in\b|\bself-starter\b|\bmicromanag\w*", 0.6),
            (r"\b(?:find|found) (?:it|our|the|this) [\w\s,-]{0,40}(?:frustrating|stifling|chaotic|too slow)\b", 0.6),
        ],
    ),
    *_cues("culture_fit", [(r"\b(?:rigid|inflexible|talk(?:ed|s|ing)? down)\b", 0.75)], negative=True),
]

MOTIVATION_CUES = [
    *_cues(
        "motivation",
        [
            (r"\benthusias\w*|\bmotivat\w*|\bpassion\w*", 0.85),
            (r"\binterest(?:ed)? in (?:the|this|our|working|joining|a career)\b", 0.7),
            (
                r"\b(?:why|reasons?) (?:you|you've|you're) (?:want\w*|applied|apply\w*|chose|leaving|moving|left)\b",
                0.85,
            ),
            (r"\bwhy (?:this|our|the) (?:role|job|company|organi[sz]ation|sector|field|team|position)\b", 0.85),
            (r"\bwhy you(?:'re| are) leaving\b|\bcareer change\b", 0.7),
            (r"\b(?:excit\w*|energy|engaged|engagement|eager\w*|keen\w*|curiosity|curious|drive)\b", 0.6),
            (r"\b(?:commit\w*|long-?term|stay long|settle)\b", 0.6),
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
            (r"\bheart (?:wasn't|isn't|was not|is not) in\b|\b(?:genuine|real) (?:desire|wish|reason)\b", 0.75),
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
            r"\b(?:salary|rate|pay|expectations?|package|figure|amount)\b"
        ),
        0.9,
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
            (r"\b(?:in the office|on-?site|in person|in-person|fully remote|remote(?: work\w*)?)\b", 0.75),
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
            (r"\btiming\b", 0.7),
            (r"\byour notice\b|\bnotice (?:to run|runs|ends|period)\b|\bstart (?:on|from) (?:the )?\d", 0.8),
            (r"\b(?:night|weekend|saturday|sunday|evening|early|late|rotating|split) shifts?\b", 0.85),
            (
                r"\b(?:shift (?:pattern|work)|cover (?:the )?shifts|work shifts|shifts start)\b|\bweekends?\b"
                r"|\b\d{1,2} ?(?:am|pm)\b|\bonly work (?:days|nights|mornings)\b",
                0.7,
            ),
            (r"\b(?:part-time|full-time|working hours|hours you)\b", 0.6),
            (r"\b(?:filled|start\w*) (?:by|next|this|within|before|straight away|asap|immediately|urgently)\b", 0.7),
            (r"\b(?:weekend |on-call |night )?rota\b|\b(?:day|night) shifts?\b", 0.75),
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
                r"|\bnot (?:currently )?(?:hiring|recruiting)\b"
                r"|\bon hold\b|\b(?:paus|suspend|freez)\w* (?:all |the |our )?(?:hiring|recruit\w*|role|vacanc\w*"
                r"|search|process|headcount)\b|\b(?:vacancy|role|position|post|recruitment|hiring|process) (?:is |has"
                r" been |was |are |will be )?(?:paused|frozen|suspended)\b",
                0.9,
                "role_frozen",
            ),
            (
                r"\bno longer (?:recruiting|hiring|available|open|exists?|going ahead|filling|needed)\b"
                r"|\bnot (?:be )?filling (?:any|the|this)\b|\bfell through\b"
                r"|\b(?:not|won't be|didn't) go(?:ing)? ahead\b"
                r"|\bno (?:longer a |longer any )?(?:role|position|vacancy|job|post) (?:to fill|available|any more)\b"
                r"|\bdecided not to (?:fill|hire|recruit)\b|\b(?:role|post|position) (?:was |has been )?(?:cut|axed)\b"
                r"|\b(?:withdr[ae]wn?|cancel\w*|scrapp\w*|pull(?:ed)?|clos\w*) (?:the |this |that )?"
                r"(?:vacancy|role|position|post|job|opening|requisition)\b"
                r"|\b(?:vacancy|role|position|post|opening) (?:has been |was |is being |is )?"
                r"(?:withdrawn|cancell?ed|scrapped|removed|pulled)\b"
                r"|\b(?:branch|office|site|store|shop|department|unit|ward) (?:is |was )?(?:closing|clos\w+ down)\b",
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
                r"|department)\b|\bacting up\b",
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
        r"|patience|attending|taking|coming)\b",
        r"\b(?:keep|kept|hold) your (?:details|cv|résumé|resume|application) on file\b",
        r"\bgood luck\b|\bbest of luck\b|\bwish you (?:every|all the) (?:success|best)\b",
        r"\bapply again\b|\bfuture (?:roles|vacancies|opportunities|openings)\b",
        r"\bnot (?:the right|a good|the best) (?:fit|match)\b",
    ]
)

# Another candidate named: with a specific reason it is competition, alone it is boilerplate.
RIVAL = _rx(
    r"(?<!internal )\b(?:an?other|the other|other|successful|chosen|preferred|selected|stronger|external|winning)"
    r"\s+(?:(?:shortlisted|short-listed|final|remaining)\s+[\w-]+|candidate|applicant|finalist|person"
    r"|interviewee|individual|contender)s?\b"
    r"(?=\s+(?:had|has|have|was|were|is|just|simply|brought|showed|demonstrated|edged|who|whose|with|offered"
    r"|could|did|slightly|narrowly|\w+ed))"
    r"|(?<!internal )\b(?:candidates?|applicants?|someone|somebody|a person|people)\s+(?:who|whose|with|that)\b"
    r"|\b(?:went|gone|given|offered) to (?:someone|somebody|a candidate|an applicant|another)\b"
    r"|\bthe (?:person|candidate|applicant) (?:we|they) (?:hired|chose|appointed|selected|offered|went with)\b"
)
# "we need someone with ..." states a requirement, not a rival.
REQUIREMENT_BEFORE_RIVAL = _rx(
    r"\b(?:for|need|needs|needed|want|wanted|require[sd]?|hire|hiring|find|recruit|prefer(?:red)?|is|was)\s+$"
)
# "experience with Kubernetes", "limited Figma experience": the gap is experience, not the tool itself.
EXPERIENCE_OBJECT = _rx(
    r"(?:\b[\w-]+\s+){0,2}\bexperien\w*(?:\s+(?:with|in|of|on|using|around|managing|leading|running|"
    r"presenting|working)\b[^.;,]*)?|\bin an? (?:[\w-]+ ){0,3}(?:setting|environment)\b"
    r"|\bworked (?:on|with|in) [^.;,]*"
)
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
    r"|\bsecond choice\b|\bstrong field\b|\bcame (?:a close )?second\b"
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
    r"|\b(?:would|'d) (?:have )?(?:liked|like|wanted|hoped|preferred)\b"
    r"|\b(?:wanted|want|hoped) to (?:see|hear) more\b|\bmore (?:depth|detail|evidence)\b"
    r"|\bcould (?:have )?(?:improve|be improved|be better|be stronger|been)\b|\bimprov\w*"
    r"|\bareas? (?:to|for) (?:develop\w*|improve\w*|work on|growth)\b|\bdevelopment(?: area)?\b"
    r"|\bstruggl\w*|\bunclear\b|\bunsure\b|\bnot sure\b|\bweak\w*|\bgaps?\b|\bconcern\w*|\bworr\w*"
    r"|\bdoubt\w*|\bshallow\b|\bbelow\b|\bfell down\b|\bfall short\b|\bfell short\b|\blost ground\b"
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
NOT_PRAISE = _rx(r"\bas well\b|\bwell-?being\b|\bgood luck\b|\bfine-?tun\w*|\bgood (?:applicants|candidates)\b")

# Clause boundaries: contrast flips the tone, a semicolon or dash continues it.
CONTRAST_SPLIT = _rx(r"(?:,\s*|;\s*|\s+)(?=\b(?:but|however|although|though|whereas|except that)\b)|,\s*(?=yet\b)")
CONTINUE_SPLIT = re.compile(r";\s+|\s+[-–—]\s+|:\s+(?=[a-z])")
# No "^": `match(text, pos)` already anchors at pos, and "^" would not match there.
LEADING_CONCESSION = _rx(r"\W*(?:while|whilst|although|though|despite|even though|whereas)\b[^,]{3,160},\s*")
SENTENCE_SPLIT = re.compile(r"(?<=[.!?])[\"')\]]*\s+|\n+")
LEADING_CONNECTOR = _rx(r"^(?:\s|[,;:\-–—])*(?:(?:but|however|although|though|and|also|so|whereas|yet),?\s+)?")


class Tone(Enum):
    CRITICAL = "critical"
    HEDGED = "hedged"
    NEUTRAL = "neutral"
    PRAISE = "praise"


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
    return [match.span() for pattern in BOILERPLATE for match in pattern.finditer(text) if match.end() > match.start()]


def _sentences(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    position = 0
    for match in SENTENCE_SPLIT.finditer(text):
        if match.start() > position:
            spans.append((position, match.start()))
        position = match.end()
    if position < len(text):
        spans.append((position, len(text)))
    return [(start, end) for start, end in spans if text[start:end].strip()]


def _split_at(
    masked: str, start: int, end: int, pattern: re.Pattern[str], contrast: bool
) -> list[tuple[int, int, bool]]:
    pieces: list[tuple[int, int, bool]] = []
    position = start
    for match in pattern.finditer(masked, start, end):
        if match.start() > position:
            pieces.append((position, match.start(), False))
        position = match.end()
    pieces.append((position, end, False))
    if contrast:
        # every piece after the first begins with the contrast word
        pieces = [(s, e, index > 0) for index, (s, e, _) in enumerate(pieces)]
    return [(s, e, c) for s, e, c in pieces if masked[s:e].strip()]


def _clauses(masked: str, start: int, end: int) -> list[_Clause]:
    clauses: list[_Clause] = []
    concession = LEADING_CONCESSION.match(masked, start, end)
    heads = [(start, end, False)]
    if concession:
        heads = [(start, concession.end(), False), (concession.end(), end, True)]
    for head_start, head_end, head_contrast in heads:
        for piece_start, piece_end, piece_contrast in _split_at(
            masked, head_start, head_end, CONTRAST_SPLIT, contrast=True
        ):
            for index, (s, e, _) in enumerate(_split_at(masked, piece_start, piece_end, CONTINUE_SPLIT, False)):
                starts_with_contrast = index == 0 and (piece_contrast or (head_contrast and s == head_start))
                clauses.append(_Clause(s, e, masked[s:e], starts_with_contrast))
    return clauses


def _tone(clause_text: str) -> Tone | None:
    """Tone from markers; None when the clause carries no marker at all."""
    lowered = clause_text.lower()
    overrides = list(PRAISE_OVERRIDES.finditer(lowered))
    cleaned = _mask(lowered, (match.span() for match in overrides))
    cleaned = _mask(cleaned, (match.span() for match in NOT_PRAISE.finditer(cleaned)))
    if NEGATOR.search(cleaned) or STRONG_CRITIQUE.search(cleaned):
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
    for match in RIVAL.finditer(clause_text):
        if not REQUIREMENT_BEFORE_RIVAL.search(clause_text, 0, match.start()):
            return match
    return None


def _cue_hits(clause_text: str) -> list[tuple[Cue, re.Match[str]]]:
    """Cue matches, longest first, without overlaps: "user research" is a skill, not preparation."""
    candidates = [(cue, match) for cue in ALL_CUES for match in cue.pattern.finditer(clause_text)]
    candidates.sort(key=lambda hit: (-(hit[1].end() - hit[1].start()), hit[1].start()))
    experience_objects = [m.span() for m in EXPERIENCE_OBJECT.finditer(clause_text)]
    taken: list[tuple[int, int]] = []
    hits: list[tuple[Cue, re.Match[str]]] = []
    for cue, match in candidates:
        start, end = match.span()
        if any(start < taken_end and taken_start < end for taken_start, taken_end in taken):
            continue
        if cue.theme == "technical_skills" and any(s <= start and end <= e for s, e in experience_objects):
            continue
        taken.append((start, end))
        hits.append((cue, match))
    return sorted(hits, key=lambda hit: hit[1].start())


def _score_clauses(original: str, clauses: list[_Clause], tally: _Tally) -> None:
    previous_tone = Tone.NEUTRAL
    previous_praised: list[str] = []
    for clause in clauses:
        marked = _tone(clause.text)
        rival = _rival(clause.text)
        if rival:
            marked = Tone.CRITICAL
        if marked is None:
            if clause.starts_with_contrast:
                marked = Tone.CRITICAL if previous_tone is Tone.PRAISE else Tone.NEUTRAL
            else:
                marked = previous_tone
        clause.tone = marked

        hits = _cue_hits(clause.text)
        praised: list[str] = []
        actionable_hit = False
        for cue, match in hits:
            quote = _quote(original, clause.start, clause.end, clause.start + match.start())
            if clause.tone is Tone.PRAISE and not cue.inherently_negative:
                if cue.theme in ACTIONABLE_THEMES:
                    tally.praise(cue.theme, quote)
                    praised.append(cue.theme)
                continue
            factor = _TONE_FACTOR[clause.tone] if not cue.inherently_negative else 0.95
            if cue.theme in _EMPLOYER_SIDE:
                factor = max(factor, 0.85)
            tally.add(cue.theme, cue.weight * factor, quote, match.group(0))
            actionable_hit = actionable_hit or cue.theme in ACTIONABLE_THEMES
            if cue.code and cue.code not in tally.codes:
                tally.codes.append(cue.code)

        # "Your X was good, but not at the level we need": the critique inherits the praised theme.
        if clause.starts_with_contrast and clause.tone is Tone.CRITICAL and not hits and previous_praised:
            quote = _quote(original, clause.start, clause.end, clause.start)
            for theme in previous_praised:
                tally.add(theme, 0.5, quote)
        elif clause.tone is Tone.CRITICAL and not hits and not rival:
            unnamed = UNNAMED_WORK.search(clause.text)
            if unnamed:
                quote = _quote(original, clause.start, clause.end, clause.start + unnamed.start())
                tally.add("technical_skills", 0.4, quote)
            elif clause.text.strip(" .,;:!?"):
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
    if names == ["generic"] and unplaced:
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

    tally = _Tally()
    for start, end in _sentences(masked):
        _score_clauses(original, _clauses(masked, start, end), tally)

    findings = [
        ThemeFinding(theme, _confidence(scores), tuple(tally.evidence[theme][:MAX_EVIDENCE_PER_THEME]))
        for theme, scores in tally.scores.items()
    ]
    findings = [finding for finding in findings if finding.confidence >= MIN_CONFIDENCE]
    if not findings:
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
