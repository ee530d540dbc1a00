"""Deciding a feedback text: each clause's reading (reason, praise or neither, and its themes) from the classifier and
the readings by meaning, then the text's themes, strengths, codes and next steps.

The switches and thresholds stay in the package (``nextround.analysis.feedback``) and are read from it at call time,
so that tests and ``scripts/train_feedback.py --set NAME=VALUE`` that set them on the package still change what is
decided here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from nextround.analysis import feedback as settings
from nextround.analysis.feedback.advice import actions_for, summary_of
from nextround.analysis.feedback.arrival import redraw_arrival
from nextround.analysis.feedback.choice import competition_kept, rival_named_back, rival_said_back, stated_choice
from nextround.analysis.feedback.employer import employer_reason
from nextround.analysis.feedback.empty_reading import never_empty
from nextround.analysis.feedback.lexicon import (
    CHOSEN_SAYS,
    DRIVING,
    EXPLAIN_LISTENER,
    EXPLAIN_TOPIC,
    FAULT,
    FRAME,
    INTERNAL_FILL,
    NAMES_SOMEONE,
    NOT_DONE,
    NOT_FAULT,
    NOT_TEAM_CONDUCT,
    NOT_WISH,
    OPENS_POINT,
    PANEL_TOTAL,
    PASS_MARK,
    PAY_OVER_BAND,
    RIVAL_CREDENTIAL,
    RIVAL_CREDENTIAL_MORE,
    RIVAL_LANGUAGE,
    SCORE_GIVEN,
    TEAM_CONDUCT,
    WISH,
    Tone,
    closes_message,
    quote,
)
from nextround.analysis.feedback.licence_line import redraw_licence
from nextround.analysis.feedback.lines import redraw_lines
from nextround.analysis.feedback.model import (
    GREETING_OR_SIGN_OFF,
    POLARITIES,
    SIGN_OFF,
    ClauseModel,
    turns_against,
)
from nextround.analysis.feedback.plain_lines import praise_idiom
from nextround.analysis.feedback.rereading import after_floor, denied, reread, said_plainly, said_themes
from nextround.analysis.feedback.rival_edge import keep_rival_edge
from nextround.analysis.feedback.rival_said import edge_said
from nextround.analysis.feedback.rules import ClauseRules
from nextround.analysis.feedback.second_reason import second_reasons
from nextround.analysis.feedback.types import (
    ACTIONABLE_THEMES,
    MAX_EVIDENCE_PER_THEME,
    OUTSIDE_CONTROL_CODES,
    THEMES,
    ClauseReading,
    FeedbackAnalysis,
    Strength,
    ThemeFinding,
)
from nextround.analysis.feedback.work_said import fault_as_praise, fault_told, redraw_work, setting_said
from nextround.analysis.text import sentence_spans
from nextround.analysis.vectors import argmax

if TYPE_CHECKING:
    from nextround.analysis.feedback import TextReading

_PERSONAL = tuple(theme for theme in THEMES if theme in ACTIONABLE_THEMES)
_PERSONAL_SET = frozenset(_PERSONAL)
_EMPLOYER_CODES = frozenset({"process", "logistics"})
_NOT_ABOUT_THE_TEAM = frozenset(
    {"technical_skills", "experience", "communication", "preparation", "process", "logistics", "generic"}
)


def _confidence(scores: list[float]) -> float:
    remaining = 1.0
    for score in scores:
        remaining *= 1.0 - min(score, 0.99)
    return round(min(0.99, 1.0 - remaining), 2)


def _generic_only(rules: ClauseRules, themes: list[float]) -> bool:
    """A reason clause that can only be read as `generic`: all boilerplate, or `generic` its clearest theme."""
    return (rules.boilerplate >= settings._ALL_BOILERPLATE and not rules.reasons) or argmax(themes) == THEMES.index(
        "generic"
    )


def _closing(reading: TextReading) -> list[bool]:
    """Per clause: does it only close the message (thanks, "apply again", a no-reply note, a signature block)?"""
    last = len(reading.clauses) - 1
    return [
        closes_message(reading.original[clause.start : clause.end], index == last)
        for index, clause in enumerate(reading.clauses)
    ]


def _second_look(
    reading: TextReading, polarity: list[list[float]], reasons: list[list[float]], closing: list[bool]
) -> int | None:
    """The clause to read as a reason in a text whose only reasons say nothing but `generic` (None: none)."""
    labels = [POLARITIES[argmax(row)] if not shut else "neutral" for row, shut in zip(polarity, closing, strict=True)]
    if any(
        label == "reason" and not _generic_only(rules, themes)
        for label, rules, themes in zip(labels, reading.rules, reasons, strict=True)
    ):
        return None
    original = reading.original
    candidates = [
        (polarity[index][0], index)
        for index, (label, clause, rules) in enumerate(zip(labels, reading.clauses, reading.rules, strict=True))
        if label == "neutral"
        and not closing[index]
        and not rules.dismissed
        and rules.boilerplate < settings._ALL_BOILERPLATE
        and not GREETING_OR_SIGN_OFF.fullmatch(original, clause.start, clause.end)
    ]
    if not candidates:
        return None
    certainty, index = max(candidates)
    return index if certainty >= settings.SECOND_LOOK else None


def _frames_next(reading: TextReading, index: int, polarity: list[list[float]], closing: list[bool]) -> bool:
    """The clause only frames the reason in the next one ("Where it fell down was the sales part:")."""
    clause = reading.clauses[index]
    if index + 1 >= len(reading.clauses) or closing[index + 1]:
        return False
    if not FRAME.search(reading.original[clause.start : clause.end]):
        return False
    return POLARITIES[argmax(polarity[index + 1])] == "reason"


def _explains_topic(text: str) -> bool:
    """The candidate could not explain a topic; no listener or manner is named ("could not explain the jar test")."""
    return EXPLAIN_TOPIC.search(text) is not None and EXPLAIN_LISTENER.search(text) is None


def _below_pass(text: str) -> bool:
    """A score given against a test's pass mark ("scored 64%, pass mark 80%"), not a panel's total."""
    return PASS_MARK.search(text) is not None and SCORE_GIVEN.search(text) is not None and not PANEL_TOTAL.search(text)


def _team_conduct(reading: TextReading, closing: list[bool]) -> list[bool]:
    """Per clause: the candidate off on their own while the others work, or telling them how another place does it."""
    flags = []
    for clause, shut in zip(reading.clauses, closing, strict=True):
        text = reading.original[clause.start : clause.end]
        flags.append(
            settings.TEAM_RULE
            and not shut
            and TEAM_CONDUCT.search(text) is not None
            and NOT_TEAM_CONDUCT.search(text) is None
        )
    return flags


def decide(reading: TextReading, model: ClauseModel, read_halves: bool = True) -> FeedbackAnalysis:
    """Themes, strengths, codes and next steps from a text's clauses and the classifier (`read_halves`: read a reason
    clause's halves again for a second reason, `second_reason.py`; off when a half itself is read)."""
    original = reading.original
    scores: dict[str, list[float]] = {}
    evidence: dict[str, list[str]] = {}
    terms: dict[str, list[str]] = {}
    praise: dict[str, list[str]] = {}
    codes: list[str] = []
    unplaced: list[str] = []
    read: list[ClauseReading] = []
    # What a chosen rival had more of is named on purpose, however faintly the model reads it (and, since session 14,
    # culture_fit read by the team rule).
    advantages: set[str] = set()
    # The codes of the employer's reasons read by `employer_reason`: used where the cues named no code in the text (a
    # post called off "as part of a broader restructuring" is restructuring alone, as the writers code it).
    said_codes: list[str] = []
    polarity, theme_probability = model.predict(reading.features, reading.stems)
    reason_probability = model.predict_reasons(reading.features, reading.stems)
    closing = _closing(reading)
    team = _team_conduct(reading, closing)
    second_look = None if any(team) else _second_look(reading, polarity, reason_probability, closing)
    # A score under a pass mark is promoted to a reason only where the model read no reason at all (session 18).
    reason_at = [POLARITIES[argmax(row)] == "reason" and not shut for row, shut in zip(polarity, closing, strict=True)]
    read_reason = any(reason_at)
    for index, (clause, rules) in enumerate(zip(reading.clauses, reading.rules, strict=True)):
        label = "reason" if index == second_look else POLARITIES[argmax(polarity[index])]
        if team[index] and label == "neutral":
            # "You disappeared to watch the headliner while the rest of the team were bagging up": said plainly, and
            # the model read it as neutral (session 14).
            label = "reason"
        said = original[clause.start : clause.end]
        elsewhere = any(reason_at[:index]) or any(reason_at[index + 1 :])
        choice = stated_choice(said) if settings.CHOSEN_RULE and not rules.dismissed else None
        # "We chose other person. She can speak Russian and Thai.": what the one chosen has, said plainly (session 24).
        back_said = (
            label == "neutral" and not rules.rival and rival_said_back(original, reading.clauses, reading.rules, index)
        )
        # "We took the farmer's nephew.", "... and we have offered it to Sister Grant." (closing the message): said.
        said_choice = (
            settings.CHOICE_REASON_RULE and (choice is not None or back_said) and (label == "neutral" or closing[index])
        )
        below_pass = settings.PASS_RULE and _below_pass(said)
        employer = employer_reason(said, elsewhere) if settings.EMPLOYER_RULE else None
        if employer is not None and label == "neutral" and not read_reason:
            label = "reason"  # "we decided not to go ahead with the locum position": said plainly (session 18)
        internal_said = (
            settings.INTERNAL_SAID_RULE
            and label == "neutral"
            and not read_reason
            and INTERNAL_FILL.search(said) is not None
        )
        if internal_said:
            label = "reason"  # "voted to offer the position to a current member of the department": said (session 20)
        if said_choice or (below_pass and label == "neutral" and not read_reason) or said_plainly(said):
            # "We took the farmer's nephew.", "(score 58%, pass mark 70%)", "form not submitted": said plainly.
            label = "reason"
        elif label == "neutral" and (setting_said(said) or (not read_reason and fault_told(said))):
            # "Reason: 520 hrs total", "coming from a pharma background"; where nothing else was read as a reason, "the
            # pool was cloudy the next day": said plainly (session 24).
            label = "reason"
        if closing[index] and not said_choice:
            # Thanks, "apply again", "this mailbox is not monitored", a signature: no reason and no praise
            # (session 10; a text with nothing else read still says `generic`).
            label = "neutral"
        elif label == "reason" and denied(said, rules.dismissed):
            label = "praise"  # "never in doubt", "no concerns about": negated criticism is no weakness
        elif label == "reason" and praise_idiom(said):
            label = "praise"  # "second to none", "faster'n me", "also can": praise in an idiom (session 23)
        elif label == "praise" and fault_as_praise(
            said, rules.marked and rules.tone is Tone.PRAISE, float(polarity[index][0])
        ):
            label = "reason"  # "Your root pass failed the x-ray on the 6G, porosity all through it." (session 24)
        elif (
            label == "praise"
            and read
            and read[-1].polarity == "praise"
            and turns_against(clause, original)
            and not (rules.marked and rules.tone is Tone.PRAISE)
        ):
            # "Your icing was neat. Your sponge, though, was under-baked": a clause that turns against the
            # praise before it, with no praise words of its own, is the criticism (every such clause in the
            # training texts is a reason), however much its words sound like the praise.
            label = "reason"
        elif label == "praise" and SIGN_OFF.fullmatch(original, clause.start, clause.end):
            label = "neutral"
        if label == "reason" and settings.FRAME_RULE and _frames_next(reading, index, polarity, closing):
            # "The problem was the pacing:" before the reason itself: the reason says what it is about.
            label = "neutral"
        clause_quote = quote(original, clause.start, clause.end, clause.start)
        # A reason's themes come from the reason head; what praise is about, from the theme head.
        chosen = reason_probability if label == "reason" else theme_probability
        probabilities = dict(zip(THEMES, (float(p) for p in chosen[index]), strict=True))
        if label == "reason":
            # A theme the model is sure of, or one a strong cue names that the model does not rule out.
            themes = [
                theme
                for theme, threshold in zip(THEMES, model.theme_thresholds, strict=True)
                if probabilities[theme] >= threshold
                or (
                    rules.reasons.get(theme, 0.0) >= settings._STRONG_CUE
                    and probabilities[theme] >= settings._CUE_SUPPORT
                )
            ]
            best = max(THEMES, key=lambda theme: probabilities[theme])
            themes = themes or [best]
            # `generic` means boilerplate only: a clause that is all boilerplate and names nothing else is that.
            if rules.boilerplate >= settings._ALL_BOILERPLATE and not rules.reasons:
                themes = ["generic"]
            text = original[clause.start : clause.end]
            themes = reread(themes, text, rules.rival, probabilities, best, advantages)
            if settings.EXPLAIN_RULE and "communication" in themes and _explains_topic(text):
                # "could not explain the jar test": what they did not know, not how they spoke (session 13).
                themes = [theme for theme in themes if theme != "communication"]
                if not {"technical_skills", "preparation"} & set(themes):
                    themes.append("technical_skills")
                    probabilities["technical_skills"] = max(
                        probabilities["technical_skills"], probabilities["communication"]
                    )
            themes = redraw_lines(text, themes, probabilities, advantages) if settings.LINES_RULE else themes
            themes = redraw_arrival(text, themes, probabilities, advantages)  # late or unequipped (session 23)
            themes = redraw_licence(text, original, themes, probabilities, advantages)  # credential line (s23)
            themes = redraw_work(text, themes, probabilities, advantages)  # setting, sector, hours; work failed (s24)
            internal = settings.INTERNAL_RULE and INTERNAL_FILL.search(text) is not None
            told = NOT_FAULT.search(text) is not None  # "you did not tell anybody ... almost undercooked"
            work_readings = (
                (settings.FAULT_RULE and not told, FAULT, "technical_skills"),
                (settings.DONE_RULE, NOT_DONE, "experience"),
            )
            for switch, pattern, added in work_readings:
                if switch and not internal and added not in themes and "generic" not in themes and pattern.search(text):
                    # The words name the thing that went wrong, or the work not yet done: that theme as surely as the
                    # clause's clearest one (session 17).
                    themes.append(added)
                    probabilities[added] = max(probabilities[added], probabilities[best])
            if below_pass:
                # "the bar is 70% and you were just under": the test, not the manner or the fit (session 18).
                themes = ["technical_skills"]
                probabilities["technical_skills"] = max(probabilities["technical_skills"], probabilities[best])
                advantages.add("technical_skills")  # kept however faintly the clause reads as a reason
            if team[index]:
                # How they would work with these people, not the craft, the message or the job's terms (session 14).
                themes = [theme for theme in themes if theme not in _NOT_ABOUT_THE_TEAM]
                if "culture_fit" not in themes:
                    themes.append("culture_fit")
                probabilities["culture_fit"] = max(probabilities["culture_fit"], probabilities[best])
                advantages.add("culture_fit")
            if internal:
                # The employer's own casuals, regulars or last year's crew: filled from inside (session 13).
                themes = ["process"]
                probabilities["process"] = max(probabilities["process"], probabilities[best])
                if internal_said:
                    advantages.add("process")  # said plainly where nothing else was read: kept however faintly
                if "filled_internally" not in codes:
                    codes.append("filled_internally")
            if employer is not None:
                # The employer's condition or decision, not the candidate's and not a rival's edge (session 18).
                kept = [t for t in themes if t not in _EMPLOYER_CODES and t != "competition" and t != "generic"]
                themes = [employer.theme] + ([] if employer.theme == "process" else kept)
                probabilities[employer.theme] = max(probabilities[employer.theme], probabilities[best])
                advantages.add(employer.theme)
                if employer.code not in said_codes:
                    said_codes.append(employer.code)
            if settings.BAND_RULE and PAY_OVER_BAND.search(text):
                # The employer's pay band, not the candidate's skills (session 18).
                if "logistics" not in themes:
                    themes = [theme for theme in themes if theme != "generic"] + ["logistics"]
                probabilities["logistics"] = max(probabilities["logistics"], probabilities[best])
                advantages.add("logistics")
                if "budget" not in said_codes:
                    said_codes.append("budget")
            # A rival who had something more ("the other finalist had already scaled ..."): competition, and
            # the theme of what they had.
            # Someone else was chosen for what they had: that is competition, whatever else it is about.
            # Not when the one chosen was already inside, or was chosen for the job's terms ("someone who can
            # do Saturdays"): those are process and logistics.
            # A rival named back by "he" or "she" is one too; the model, which sees one clause, cannot tell, so the
            # competition it names stands however faintly the model reads it (session 12).
            person = choice if not rules.rival else None
            named_back = not rules.rival and (
                rival_named_back(original, reading.clauses, reading.rules, index) or person is not None
            )
            # "we went with the other lad on the day": the choice alone, no advantage to look for.
            bare_choice = person is not None and CHOSEN_SAYS.match(text, person.end()) is None
            chosen_on_merit = (
                (rules.rival or named_back)
                and employer is None
                and not internal
                and not rules.rival_constraint
                and "filled_internally" not in rules.codes
                and (best not in _EMPLOYER_CODES or said_choice or edge_said(person))
            )
            if chosen_on_merit and said_choice:
                # The model read no reason here, so what its reason head makes of the clause is no employer's reason.
                themes = [theme for theme in themes if theme not in _EMPLOYER_CODES]
            if chosen_on_merit and "competition" not in themes:
                themes.append("competition")
            if chosen_on_merit and competition_kept(named_back, text):
                advantages.add("competition")
            if (
                settings.CREDENTIAL_RULE
                and "competition" in themes
                and not internal
                and not rules.rival_constraint
                and (
                    RIVAL_CREDENTIAL.search(text) or (settings.RIVAL_FORMS_RULE and RIVAL_CREDENTIAL_MORE.search(text))
                )
                and not DRIVING.search(text)
            ):
                # "a lad who's already got his warrant": what the rival holds is a skill the job asks for, named however
                # faintly it is read (session 13).
                if "technical_skills" not in themes:
                    themes.append("technical_skills")
                advantages.add("technical_skills")
                probabilities["technical_skills"] = max(probabilities["technical_skills"], settings._ADVANTAGE_FLOOR)
            if chosen_on_merit and not bare_choice and "competition" in themes and not _PERSONAL_SET & set(themes):
                # What the rival had is read by the reason head or the theme head, whichever is surer: the theme head
                # also learnt praise, and a rival's edge is told like praise ("already holds the ticket").
                for theme in _PERSONAL:
                    probabilities[theme] = max(
                        probabilities[theme], float(theme_probability[index][THEMES.index(theme)])
                    )
                advantage = max(_PERSONAL, key=lambda theme: probabilities[theme])
                if probabilities[advantage] >= settings._ADVANTAGE_FLOOR:
                    themes.append(advantage)
                    advantages.add(advantage)
            if chosen_on_merit and not bare_choice and "competition" in themes:
                themes = keep_rival_edge(rules.text, themes, probabilities, advantages)  # its edge by its words (s21)
            if settings.LANGUAGE_RULE and "competition" in themes and not internal and RIVAL_LANGUAGE.search(text):
                # "went with someone who can speak Mandarin": the language the job is done in (session 18).
                if "communication" not in themes:
                    themes.append("communication")
                advantages.add("communication")
                probabilities["communication"] = max(probabilities["communication"], settings._ADVANTAGE_FLOOR)
            if (
                settings.WISH_RULE
                and "culture_fit" in themes
                and not team[index]
                and WISH.search(text) is not None
                and NOT_WISH.search(text) is None
            ):
                # "you'd rather be out on the boats": what they want, not how they would fit in (session 16).
                themes = [theme for theme in themes if theme != "culture_fit"]
                if "motivation" not in themes:
                    themes.append("motivation")
                    probabilities["motivation"] = max(probabilities["motivation"], probabilities["culture_fit"])
            certainty = float(polarity[index][0])
            if (
                settings.WHY_RULE
                and read
                and read[-1].polarity == "reason"
                and "generic" not in read[-1].themes
                and not (rules.rival or named_back or internal or team[index] or employer)
                and NAMES_SOMEONE.search(text) is None
                and not said_themes(text)
                and OPENS_POINT.match(text) is None
                and certainty * probabilities[best] < read[-1].confidence
            ):
                # Why the reason before matters, not a point of its own: its themes, not what the words sound like.
                themes = list(read[-1].themes)
            for theme in themes:
                scores.setdefault(theme, []).append(certainty * probabilities[theme])
                quotes = evidence.setdefault(theme, [])
                if clause_quote not in quotes:
                    quotes.append(clause_quote)
                terms.setdefault(theme, []).extend(rules.terms.get(theme, []))
            if _EMPLOYER_CODES & set(themes):
                codes.extend(code for code in rules.codes if code not in codes)
            if rules.unplaced:
                unplaced.append(clause_quote)
            read.append(ClauseReading(clause_quote, label, tuple(themes), round(certainty * probabilities[best], 2)))
        elif label == "praise":
            best = max(_PERSONAL, key=lambda theme: probabilities[theme])
            # ... and a quality the cues name in praise ("the panel loved your enthusiasm") is one as well.
            praised = [best] + [
                theme
                for theme in _PERSONAL
                if theme != best and (probabilities[theme] >= settings._PRAISE_ALSO or theme in rules.praised)
            ]
            for theme in praised:
                quotes = praise.setdefault(theme, [])
                if clause_quote not in quotes:
                    quotes.append(clause_quote)
            read.append(ClauseReading(clause_quote, label, tuple(praised), round(float(polarity[index][1]), 2)))
        else:
            read.append(ClauseReading(clause_quote, label, (), round(float(polarity[index][2]), 2)))

    if len(scores) > 1:
        scores.pop("generic", None)
    findings = [
        ThemeFinding(theme, _confidence(values), tuple(evidence[theme][:MAX_EVIDENCE_PER_THEME]))
        for theme, values in scores.items()
    ]
    # A reason read with little confidence is not a theme; the summary quotes it instead.
    # Beside a clear reason, a faint second reading is usually the same reason in other words.
    floor = max(
        settings.MIN_CONFIDENCE, settings.THEME_FLOOR * max((finding.confidence for finding in findings), default=0.0)
    )
    weak = [f for f in findings if f.confidence < floor and f.theme not in advantages]
    findings = [f for f in findings if f.confidence >= floor or f.theme in advantages]
    findings = after_floor(findings, weak, reading.rules, read, original)
    if weak and not findings:
        unplaced.extend(quote for finding in weak for quote in finding.evidence if quote not in unplaced)
    if not findings and not unplaced:
        quotes = list(dict.fromkeys(quote(original, s, e, s) for s, e in reading.boilerplate))
        if not quotes:
            quotes = [quote(original, span.start, span.end, span.start) for span in sentence_spans(original)[:1]]
        findings = [
            ThemeFinding("generic", 0.9 if reading.boilerplate else 0.6, tuple(quotes[:MAX_EVIDENCE_PER_THEME]))
        ]
    if read_halves:
        # A second reason joined into one clause ("..., and you did not brief the first officer"), read surely alone.
        clause_texts = [clause.text for clause in reading.clauses]
        findings, read = second_reasons(
            findings, read, clause_texts, lambda half: decide(settings.read_text(half), model, read_halves=False)
        )
        # A text whose every reason fell under the floor: its surest reason clause's topic, where named (session 24).
        findings = never_empty(findings, read, [float(row[0]) for row in polarity], theme_probability)
    findings.sort(key=lambda finding: (-finding.confidence, THEMES.index(finding.theme)))
    found = {finding.theme for finding in findings}
    ordered_codes = tuple(code for code in OUTSIDE_CONTROL_CODES if code in (codes or said_codes))
    # In the order they were read, each clause's clearest quality first (the page marks a clause with it).
    strengths = [Strength(theme, tuple(quotes[:MAX_EVIDENCE_PER_THEME])) for theme, quotes in praise.items()]
    return FeedbackAnalysis(
        themes=tuple(findings),
        strengths=tuple(strengths),
        actionable=bool(found & ACTIONABLE_THEMES),
        outside_your_control=ordered_codes,
        actions=actions_for(findings, terms, ordered_codes),
        summary=summary_of(findings, strengths, ordered_codes, unplaced),
        clauses=tuple(read),
    )
