"""Tests for the interview-answer analysis (nextround.analysis.answer)."""

from __future__ import annotations

import json
import re
import statistics
import sys
from pathlib import Path
from typing import Any

import pytest

from nextround.analysis.answer import (
    QUESTION_TYPES,
    STAR_PARTS,
    AnswerAnalysis,
    analyze_answer,
    analyze_answers_batch,
    classify_question,
    compare_attempts,
    extract_job_terms,
    split_sentences,
)

DATA = Path(__file__).parent / "data"
BEHAVIOURAL_Q = "Tell me about a time you dealt with a difficult customer."
SITUATIONAL_Q = "What would you do if a colleague kept missing deadlines?"

TOP_LEVEL_KEYS = {
    "score",
    "question_type",
    "star",
    "star_sentences",
    "sentences",
    "quantified_result",
    "word_count",
    "speaking_seconds",
    "length",
    "fillers",
    "hedges",
    "ownership",
    "relevance",
    "job_terms",
    "score_breakdown",
    "suggestions",
    "follow_up",
}

STRONG_ANSWER = (
    "Last spring I was the shift supervisor at a busy garden centre. "
    "A customer came back angry because the tree we delivered had arrived with a broken trunk. "
    "I was responsible for sorting out complaints on that shift, so I needed to fix it the same day. "
    "I apologised, checked the delivery note, and called our supplier to reserve a replacement. "
    "I then arranged for our driver to swap the tree that afternoon at no charge. "
    "As a result she stayed a customer, and complaints about damaged deliveries fell by 40% after I "
    "added a photo check before vans leave."
)


def load(name: str) -> list[dict[str, Any]]:
    with (DATA / name).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def star_of(question: str, answer: str) -> dict[str, list[int]]:
    return analyze_answer(question, answer).star_sentences.to_dict()


# ---------------------------------------------------------------- JSON shape


def test_to_dict_has_exactly_the_documented_keys() -> None:
    result = analyze_answer(BEHAVIOURAL_Q, STRONG_ANSWER, jd="We need a supervisor with customer service skills.")
    data = result.to_dict()
    assert set(data) == TOP_LEVEL_KEYS
    assert set(data["star"]) == set(STAR_PARTS)
    assert set(data["star_sentences"]) == set(STAR_PARTS)
    assert set(data["length"]) == {"target_min", "target_max", "verdict"}
    assert set(data["fillers"]) == {"per_100_words", "found"}
    assert set(data["job_terms"]) == {"used", "missed"}
    for item in data["score_breakdown"]:
        assert set(item) == {"measure", "points", "max", "why"}
    assert isinstance(data["score"], int)
    json.dumps(data)  # serialisable as is


def test_star_sentence_indices_resolve_to_sentences() -> None:
    data = analyze_answer(BEHAVIOURAL_Q, STRONG_ANSWER).to_dict()
    for part in STAR_PARTS:
        assert data["star"][part] == bool(data["star_sentences"][part])
        for index in data["star_sentences"][part]:
            assert 0 <= index < len(data["sentences"])


def test_analysis_is_deterministic() -> None:
    first = analyze_answer(BEHAVIOURAL_Q, STRONG_ANSWER).to_dict()
    second = analyze_answer(BEHAVIOURAL_Q, STRONG_ANSWER).to_dict()
    assert first == second


# ---------------------------------------------------------------- sentences


def test_splitter_keeps_abbreviations_decimals_and_times_together() -> None:
    text = "Dr. Patel saw her at 7 a.m. and agreed. Sales rose 4.5% to £1.2m, e.g. in March. Done!"
    assert split_sentences(text) == [
        "Dr. Patel saw her at 7 a.m. and agreed.",
        "Sales rose 4.5% to £1.2m, e.g. in March.",
        "Done!",
    ]


def test_splitter_cuts_an_unpunctuated_transcript_at_discourse_markers() -> None:
    transcript = (
        "so last year at the depot one of the vans broke down on the motorway with forty parcels on board "
        "and then I called the control room and asked them to send the spare van and I moved the urgent "
        "parcels across myself and in the end all but two parcels arrived the same day"
    )
    sentences = split_sentences(transcript)
    assert len(sentences) >= 3
    assert " ".join(sentences).split() == transcript.split()  # nothing lost or reordered


def test_splitter_handles_bullets_and_blank_lines() -> None:
    assert split_sentences("- Called the client\n- Rebooked the van\n\nIt worked") == [
        "Called the client",
        "Rebooked the van",
        "It worked",
    ]


@pytest.mark.parametrize("name", ["answers_dev.jsonl", "answers_holdout.jsonl"])
def test_splitter_yields_the_sentence_count_the_labels_assume(name: str) -> None:
    for row in load(name):
        sentences = split_sentences(row["answer"])
        assert len(sentences) == row["n_sentences"], row["id"]
        for indices in row["star"].values():
            assert all(0 <= index < len(sentences) for index in indices), row["id"]


# ---------------------------------------------------------------- question types


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Tell me about a time you failed.", "behavioural"),
        ("Can you give an example of when you persuaded a manager?", "behavioural"),
        ("Have you ever had to deliver bad news to a patient?", "behavioural"),
        ("What would you do if you saw a colleague take money from the till?", "situational"),
        ("Imagine a delivery is running two hours late. How would you handle it?", "situational"),
        ("Tell me about yourself.", "tell_me_about_yourself"),
        ("Walk me through your CV.", "tell_me_about_yourself"),
        ("Why do you want to work here?", "motivation"),
        ("What attracts you to this role?", "motivation"),
        ("What is your greatest weakness?", "strengths_weaknesses"),
        ("What are your key strengths?", "strengths_weaknesses"),
        ("Where do you see yourself in five years?", "career_story"),
        ("Why are you leaving your current job?", "career_story"),
        ("Do you have any questions for us?", "questions_for_interviewer"),
        ("Explain the difference between a list and a tuple.", "technical"),
        ("What does good service mean to you?", "general"),
        # A past event the candidate lived through asks for a story, whatever the first words are.
        ("Tell me about a disagreement with a colleague that you handled well.", "behavioural"),
        ("Tell me about the hardest bug you have tracked down.", "behavioural"),
        ("Tell me about a busy service when things started going wrong. How did you keep it together?", "behavioural"),
        ("What is the biggest professional risk you have taken that did not pay off?", "behavioural"),
        ("How do you plan capacity for a busy period?", "general"),
        ("Describe how you keep your tools in good order.", "general"),
    ],
)
def test_classify_question(question: str, expected: str) -> None:
    assert classify_question(question) == expected
    assert expected in QUESTION_TYPES


# ---------------------------------------------------------------- STAR cue families


@pytest.mark.parametrize(
    "sentence",
    [
        "Last year the warehouse was two weeks behind on orders.",
        "At my previous job the clinic had a six-week waiting list.",
        "When I was a junior chef, the kitchen lost its sous chef in December.",
        "Our team was short of two drivers that winter.",
        "There was a backlog of three hundred unpaid invoices.",
    ],
)
def test_situation_cues(sentence: str) -> None:
    answer = f"{sentence} I called every client and sorted the list by due date. In the end we cleared it."
    assert 0 in star_of(BEHAVIOURAL_Q, answer)["situation"]


@pytest.mark.parametrize(
    "sentence",
    [
        "I was responsible for getting the orders out by Friday.",
        "My job was to calm the family down and explain the delay.",
        "I needed to find a replacement driver before the morning run.",
        "The goal was to cut the waiting list in half.",
        "It fell to me to train the new starters on the till.",
    ],
)
def test_task_cues(sentence: str) -> None:
    answer = f"Last winter our shop was very busy. {sentence} I made a plan and shared it with the team."
    assert 1 in star_of(BEHAVIOURAL_Q, answer)["task"]


@pytest.mark.xfail(strict=True, reason="known miss (session 6): a request made of the speaker is read as no part")
def test_a_request_made_of_the_speaker_is_the_scene() -> None:
    # The corpus rule (tests/data/answer_corpus/README.md): what others asked of the speaker is scene, their own
    # charge is the task. Since wide2/dev2/test4 joined training the model no longer calls this the task, but
    # it does not call it the scene either.
    answer = "Last winter our shop was very busy. I was asked to train the new starters on the till. I made a plan."
    star = star_of(BEHAVIOURAL_Q, answer)
    assert 1 in star["situation"]
    assert 1 not in star["task"]


@pytest.mark.parametrize(
    "sentence",
    [
        "I organised a rota so every shift had a trained first aider.",
        "I called the supplier and asked for a same-day delivery.",
        "I rewrote the handover sheet so it fitted on one page.",
        "I decided to move the meeting to the morning.",
        "So I sat down with him and went through the figures line by line.",
    ],
)
def test_action_cues(sentence: str) -> None:
    answer = f"Last month our office was behind on payroll. {sentence} Since then the team has kept to it."
    assert 1 in star_of(BEHAVIOURAL_Q, answer)["action"]


@pytest.mark.parametrize(
    "sentence",
    [
        "As a result, the complaints stopped within a week.",
        "In the end the family thanked us for being open with them.",
        "That reduced the waiting time from 40 minutes to 15.",
        "Sales increased by 12% over the next quarter.",
        "We hit our target two days early.",
        "I learned to check the order before the van leaves.",
    ],
)
def test_result_cues(sentence: str) -> None:
    answer = (
        f"Last year our deliveries were often late. I changed the loading order and briefed the drivers. {sentence}"
    )
    assert 2 in star_of(BEHAVIOURAL_Q, answer)["result"]


@pytest.mark.parametrize(
    "answer",
    [
        # nurse
        "Last month a patient's son was shouting at the nurses' station. My job was to calm him and keep "
        "the ward safe. I took him to a quiet room and went through his father's care plan with him. "
        "In the end he apologised and thanked the team.",
        # chef
        "One Saturday our fryer broke an hour before service. I needed to keep the menu going without it. "
        "I rewrote the specials around the oven and briefed the servers. As a result we served 90 covers "
        "with no complaints.",
        # driver
        "Two years ago my delivery van broke down with twenty parcels on board. I had to get the urgent "
        "ones out on time. I called the depot and moved the urgent parcels to a colleague's van. All but "
        "two arrived the same day.",
        # teacher
        pytest.param(
            "When I was teaching Year 6, a parent complained that her son was being left out. I was asked to "
            "look into it. I watched the playground for a week and set up a buddy scheme. Since then he has "
            "joined two clubs.",
            marks=pytest.mark.xfail(
                reason="session 12: trained on seventeen writers, 'I was asked to look into it' is read as neither "
                "scene nor task (0.32 / 0.29); the corpus convention makes a request of the speaker the scene",
                strict=False,
            ),
        ),
        # accountant
        "At my previous firm the month-end close took nine days. The goal was to get it under five. "
        "I automated the bank reconciliations in Excel. The close dropped to five days within a quarter.",
        # engineer
        "Last year our checkout service kept timing out at peak. I was responsible for fixing it before "
        "Black Friday. I profiled the code and rewrote the slowest query. Errors fell by 80% that weekend.",
        # sales
        "In my last role a large client was about to leave us. I needed to win back their trust. I visited "
        "them and rebuilt the renewal offer around what they used. They renewed for another two years.",
    ],
)
def test_star_detection_works_across_occupations(answer: str) -> None:
    result = analyze_answer(BEHAVIOURAL_Q, answer)
    assert result.star == dict.fromkeys(STAR_PARTS, True), result.star_sentences


def test_one_sentence_can_carry_two_parts() -> None:
    answer = (
        "Last year our ward was short of staff. I rewrote the rota around the busiest hours, which "
        "meant overtime fell by half."
    )
    star = star_of(BEHAVIOURAL_Q, answer)
    assert 1 in star["action"] and 1 in star["result"]


# ---------------------------------------------------------------- fillers and hedges


def test_like_as_a_verb_is_not_a_filler() -> None:
    result = analyze_answer(BEHAVIOURAL_Q, "I would like to explain. I like my job and things like budgets.")
    assert "like" not in result.to_dict()["fillers"]["found"]


def test_like_between_commas_is_a_filler() -> None:
    result = analyze_answer(BEHAVIOURAL_Q, "It was, like, really hard. Um, we kind of just, you know, coped.")
    found = result.to_dict()["fillers"]["found"]
    assert found["like"] == 1
    assert found["um"] == 1
    assert found["you know"] == 1
    assert found["kind of"] == 1
    assert result.fillers.per_100_words == pytest.approx(100 * 4 / result.word_count, abs=0.05)


def test_ordinary_uses_of_filler_words_are_not_counted() -> None:
    answer = "Do you know what kind of team it was? I mean to finish it. So that was the plan."
    assert analyze_answer(BEHAVIOURAL_Q, answer).to_dict()["fillers"]["found"] == {}


def test_hedges_are_found_longest_first() -> None:
    answer = "I think maybe it went well. I guess we probably fixed it. Hopefully it lasted."
    assert analyze_answer(BEHAVIOURAL_Q, answer).hedges == ("i think maybe", "i guess", "probably", "hopefully")


# ---------------------------------------------------------------- ownership, numbers, length


def test_ownership_is_the_share_of_first_person_singular() -> None:
    answer = "I called the client and my manager joined me. We agreed a plan and our team delivered it."
    # I, my, me = 3 singular; we, our = 2 plural
    assert analyze_answer(BEHAVIOURAL_Q, answer).ownership == 0.6


def test_ownership_is_null_without_pronouns() -> None:
    result = analyze_answer(BEHAVIOURAL_Q, "The order was late. The customer left.")
    assert result.ownership is None
    assert result.to_dict()["ownership"] is None


def test_quantified_result_needs_a_number_in_a_result_sentence() -> None:
    with_number = "Last year our queue was long. I added a second till. As a result waiting fell by 30%."
    without = "Last year our queue was long. I added a second till. As a result waiting fell a lot."
    year_only = "In 2021 our queue was long. I added a second till. As a result the waiting fell a lot."
    clock_only = "Our queue was long. I added a second till. In the end we closed at 6 p.m. as usual."
    assert analyze_answer(BEHAVIOURAL_Q, with_number).quantified_result is True
    assert analyze_answer(BEHAVIOURAL_Q, without).quantified_result is False
    assert analyze_answer(BEHAVIOURAL_Q, year_only).quantified_result is False
    assert analyze_answer(BEHAVIOURAL_Q, clock_only).quantified_result is False


@pytest.mark.parametrize(
    ("question", "words", "verdict", "target"),
    [
        (BEHAVIOURAL_Q, 100, "short", (150, 300)),
        (BEHAVIOURAL_Q, 200, "ok", (150, 300)),
        (BEHAVIOURAL_Q, 320, "long", (150, 300)),
        ("Tell me about yourself.", 200, "ok", (120, 280)),
        ("Tell me about yourself.", 300, "long", (120, 280)),
        ("Why do you want to work here?", 90, "ok", (80, 200)),
        ("Why do you want to work here?", 60, "short", (80, 200)),
    ],
)
def test_length_verdict_by_question_type(question: str, words: int, verdict: str, target: tuple[int, int]) -> None:
    answer = " ".join(["word"] * words) + "."
    result = analyze_answer(question, answer)
    assert (result.length.target_min, result.length.target_max) == target
    assert result.length.verdict == verdict
    assert result.word_count == words
    assert result.speaking_seconds == round(words / 140 * 60)


# ---------------------------------------------------------------- score


@pytest.mark.parametrize("jd", [None, "Customer service supervisor. Experience with complaints and rotas."])
@pytest.mark.parametrize(
    "question", [BEHAVIOURAL_Q, SITUATIONAL_Q, "Tell me about yourself.", "Why this company?", "What is SQL?"]
)
def test_score_is_exactly_the_sum_of_the_breakdown(question: str, jd: str | None) -> None:
    result = analyze_answer(question, STRONG_ANSWER, jd=jd)
    assert result.score == sum(item.points for item in result.score_breakdown)
    assert sum(item.max for item in result.score_breakdown) == 100
    assert 0 <= result.score <= 100
    for item in result.score_breakdown:
        assert 0 <= item.points <= item.max
        assert item.why


def test_missing_result_costs_points_and_asks_for_it() -> None:
    without_result = STRONG_ANSWER.rsplit(" As a result", 1)[0]
    full = analyze_answer(BEHAVIOURAL_Q, STRONG_ANSWER)
    partial = analyze_answer(BEHAVIOURAL_Q, without_result)
    assert not partial.star["result"]
    assert partial.score < full.score
    assert partial.points_for("result") == 0
    assert partial.follow_up == "And what was the result?"
    assert full.follow_up is None


def test_follow_up_only_for_story_questions() -> None:
    assert analyze_answer("Tell me about yourself.", "I am a nurse.").follow_up is None
    assert analyze_answer(SITUATIONAL_Q, "I would talk to them.").follow_up == "How would you know it had worked?"


def test_suggestions_quote_the_answer() -> None:
    answer = (
        "Last year our rota was a mess and staff kept swapping shifts. "
        "I rewrote the rota, um, and I put it on the wall."
    )
    result = analyze_answer("Describe a time you improved the way your team worked.", answer)
    assert 1 <= len(result.suggestions) <= 3
    assert result.suggestions[0].startswith("Say what came of it")
    quoted = [q for s in result.suggestions for q in re.findall(r'"([^"]+)"', s)]
    assert quoted, result.suggestions
    for fragment in quoted:
        assert fragment.strip("…") in answer or fragment in ("um", "I"), fragment


def test_we_throughout_lowers_ownership_and_suggests_saying_i() -> None:
    answer = (
        "Last year our team had a big audit. We planned the work and we split it up. "
        "We checked every file and we finished on time."
    )
    result = analyze_answer(BEHAVIOURAL_Q, answer)
    assert result.ownership == 0.0
    assert any(s.startswith("Say what you did yourself") for s in result.suggestions)


# ---------------------------------------------------------------- job terms


def test_job_terms_given_are_split_into_used_and_missed() -> None:
    answer = "I built the reports in Excel and wrote SQL queries for the finance team."
    result = analyze_answer(BEHAVIOURAL_Q, answer, job_terms=["SQL", "Excel", "Power BI", "financial reporting"])
    assert result.job_terms is not None
    assert result.job_terms.used == ("SQL", "Excel")
    assert result.job_terms.missed == ("Power BI", "financial reporting")


def test_job_terms_match_word_forms_within_a_sentence() -> None:
    result = analyze_answer(
        BEHAVIOURAL_Q, "I planned every patient discharge with the ward.", job_terms=["discharge planning"]
    )
    assert result.job_terms is not None and result.job_terms.used == ("discharge planning",)


def test_job_terms_are_extracted_from_a_job_description() -> None:
    jd = (
        "Staff Nurse, Acute Medical Unit\n"
        "- Administer medication safely and keep accurate patient records\n"
        "- Support infection control and falls prevention\n"
        "- NMC registration essential; experience in discharge planning\n"
    )
    terms = extract_job_terms(jd)
    assert "infection control" in terms
    assert "falls prevention" in terms
    assert "discharge planning" in terms
    assert not {"administer", "support", "essential", "experience"} & set(terms)
    result = analyze_answer(BEHAVIOURAL_Q, "I led our falls prevention audit on the ward.", jd=jd)
    assert result.job_terms is not None
    assert "falls prevention" in result.job_terms.used
    assert "infection control" in result.job_terms.missed


def test_job_terms_are_null_without_a_job_description() -> None:
    assert analyze_answer(BEHAVIOURAL_Q, STRONG_ANSWER).to_dict()["job_terms"] is None


# ---------------------------------------------------------------- relevance


def test_relevance_uses_topic_expansions() -> None:
    question = "Describe a time you had a conflict with a colleague."
    on_topic = "My teammate and I disagreed about the rota, and the tension grew until I suggested a compromise."
    off_topic = "I really enjoy cooking and I go running at the weekend with my dog."
    assert analyze_answer(question, on_topic).relevance > 0.6
    assert analyze_answer(question, off_topic).relevance < 0.2


# ---------------------------------------------------------------- edge cases


def test_empty_answer_scores_zero_and_asks_for_an_answer() -> None:
    result = analyze_answer(BEHAVIOURAL_Q, "   ")
    assert result.score == 0
    assert result.word_count == 0
    assert result.sentences == ()
    assert result.suggestions and result.suggestions[0].startswith("Answer the question")
    assert result.fillers.per_100_words == 0.0


def test_one_word_answer_scores_low() -> None:
    result = analyze_answer(BEHAVIOURAL_Q, "Yes.")
    assert result.word_count == 1
    assert result.score <= 5
    assert result.length.verdict == "short"


def test_very_long_answer_is_marked_long_and_still_scored() -> None:
    answer = " ".join([STRONG_ANSWER] * 12)
    result = analyze_answer(BEHAVIOURAL_Q, answer)
    assert result.word_count > 1000
    assert result.length.verdict == "long"
    assert result.points_for("length") == 0
    assert any("Tighten it" in s for s in result.suggestions)


def test_non_ascii_text_is_handled() -> None:
    answer = "L’année dernière, j’ai réorganisé le planning. Les plaintes ont baissé de 30 %. 我们按时完成了。"
    result = analyze_answer(BEHAVIOURAL_Q, answer)
    assert len(result.sentences) == 3
    assert result.word_count > 5
    json.dumps(result.to_dict(), ensure_ascii=False)


def test_curly_apostrophes_are_normalised() -> None:
    straight = analyze_answer(BEHAVIOURAL_Q, "I'd say I'm not sure but I didn't check.")
    curly = analyze_answer(BEHAVIOURAL_Q, "I’d say I’m not sure but I didn’t check.")
    assert straight.hedges == curly.hedges and straight.hedges


# ---------------------------------------------------------------- batch and attempts


def test_batch_matches_single_calls() -> None:
    jd = "Bakery supervisor. Food hygiene, stock control and rota planning."
    items = [
        {"question": BEHAVIOURAL_Q, "answer": STRONG_ANSWER, "jd": jd},
        {"question": "Tell me about yourself.", "answer": "I run a bakery counter.", "jd": None},
    ]
    batch = analyze_answers_batch(items)
    assert [r.to_dict() for r in batch] == [
        analyze_answer(BEHAVIOURAL_Q, STRONG_ANSWER, jd=jd).to_dict(),
        analyze_answer("Tell me about yourself.", "I run a bakery counter.").to_dict(),
    ]


def test_compare_attempts_names_the_added_measurable_result() -> None:
    before = analyze_answer(BEHAVIOURAL_Q, STRONG_ANSWER.replace("by 40%", "a lot"))
    after = analyze_answer(BEHAVIOURAL_Q, STRONG_ANSWER)
    comparison = compare_attempts(before, after)
    assert comparison["verdict"].startswith("Better: you added a measurable result")
    assert comparison["measures"]["quantified_result"]["delta"] > 0
    assert comparison["score"]["delta"] == after.score - before.score
    assert comparison["quantified_result"] == {"previous": False, "current": True}
    reverse = compare_attempts(after, before)
    assert reverse["verdict"].startswith("Worse")
    assert compare_attempts(after, after)["verdict"].startswith("About the same")


def test_compare_attempts_calls_a_result_that_was_already_there_clearer_not_new() -> None:
    story = (
        "Last spring I was the shift supervisor at a busy garden centre. "
        "A customer came back angry because the tree we delivered had arrived with a broken trunk. "
        "I was responsible for sorting out complaints on that shift, so I needed to fix it the same day. "
        "I apologised, checked the delivery note, and called our supplier to reserve a replacement. "
        "I then arranged for our driver to swap the tree that afternoon at no charge. "
    )
    thin = analyze_answer(BEHAVIOURAL_Q, story + "She was fine.")
    full = analyze_answer(
        BEHAVIOURAL_Q,
        story + "She stayed a customer, wrote to our manager to thank the team, and our delivery complaints that "
        "month were the lowest of the year.",
    )
    assert thin.star["result"] and full.star["result"]
    assert compare_attempts(thin, full)["verdict"].startswith("Better: what came of it is clearer")
    assert compare_attempts(full, thin)["verdict"].startswith("Worse: what came of it is less clear")


# ---------------------------------------------------------------- purity


def test_modules_import_no_frameworks() -> None:
    package = Path(__file__).parents[1] / "src/nextround/analysis/answer"
    for path in sorted(package.glob("*.py")):
        source = path.read_text(encoding="utf-8")
        imports = re.findall(r"^\s*(?:import|from)\s+([\w.]+)", source, re.MULTILINE)
        assert all(
            module.split(".")[0] in {"__future__", "nextround"}
            or module in sys.stdlib_module_names
            or module.split(".")[0] in sys.stdlib_module_names
            or module.split(".")[0] == "numpy"
            for module in imports
        ), imports


# ---------------------------------------------------------------- dev-set floors


def _dev_results() -> list[tuple[dict[str, Any], AnswerAnalysis]]:
    return [(row, analyze_answer(row["question"], row["answer"])) for row in load("answers_dev.jsonl")]


def test_dev_set_is_big_and_balanced_enough() -> None:
    rows = load("answers_dev.jsonl")
    assert len(rows) >= 66
    assert len({row["question"] for row in rows}) >= 10
    counts = {quality: sum(row["quality"] == quality for row in rows) for quality in ("strong", "average", "weak")}
    assert all(count >= len(rows) // 4 for count in counts.values()), counts
    assert len(load("answers_holdout.jsonl")) >= 20


def test_dev_set_star_f1_floors() -> None:
    counts = {part: [0, 0, 0] for part in STAR_PARTS}  # true positives, false positives, false negatives
    for row, result in _dev_results():
        if result.question_type not in ("behavioural", "situational"):
            continue
        for part in STAR_PARTS:
            gold, found = set(row["star"][part]), set(result.star_sentences.of(part))
            counts[part][0] += len(gold & found)
            counts[part][1] += len(found - gold)
            counts[part][2] += len(gold - found)
    for part, (tp, fp, fn) in counts.items():
        f1 = 2 * tp / (2 * tp + fp + fn)
        assert f1 >= 0.75, (part, round(f1, 2))


def test_dev_set_scores_order_strong_above_average_above_weak() -> None:
    scores: dict[str, list[int]] = {"strong": [], "average": [], "weak": []}
    for row, result in _dev_results():
        scores[row["quality"]].append(result.score)
    means = {quality: statistics.mean(values) for quality, values in scores.items()}
    assert means["strong"] > means["average"] + 10 > means["weak"] + 20, means
    pairs = [(s, w) for s in scores["strong"] for w in scores["weak"]]
    ordered = sum(1.0 if s > w else 0.5 if s == w else 0.0 for s, w in pairs) / len(pairs)
    assert ordered >= 0.9
