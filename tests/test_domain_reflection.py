"""The reflection questions, their rules, the answers file, and the themes low ratings feed."""

from __future__ import annotations

import pytest

from nextround.domain.reflection import (
    Answer,
    ReflectionError,
    context_for,
    from_stored,
    merge,
    parse_answers_file,
    questions_for,
    reflection_to_dict,
    themes_from_answers,
    to_stored,
    validate_answers,
)


def test_questions_adapt_to_the_stage_reached() -> None:
    assert context_for("applied") == "application"
    assert context_for("saved") == "application"
    assert context_for("screening") == "screening"
    assert context_for("final") == "interview"
    assert context_for("offer") == "interview"
    interview = [q.key for q in questions_for("interview")]
    assert interview == ["prepared", "gaps", "clear", "went_well", "change"]
    application = [q.key for q in questions_for("applied")]
    # Nobody asked them an interview question: targeting and the CV instead.
    assert application == ["targeting", "gaps", "cv", "went_well", "change"]
    assert "interview" not in " ".join(q.prompt.lower() for q in questions_for("applied"))
    assert "questions you were actually asked" in questions_for("interview")[0].prompt


def test_validation_of_ratings_and_text() -> None:
    ok = validate_answers({"prepared": {"rating": 3, "text": "  fine  "}, "clear": 5}, "interview")
    assert ok == {"prepared": Answer(3, "fine"), "clear": Answer(5, "")}
    assert validate_answers({"prepared": {"rating": "4"}}, "interview")["prepared"].rating == 4
    for bad in (0, 6, 2.5, True, None, "x"):
        with pytest.raises(ReflectionError, match="whole number from 1 to 5"):
            validate_answers({"prepared": {"rating": bad}}, "interview")
    with pytest.raises(ReflectionError, match="under 2000"):
        validate_answers({"prepared": {"rating": 3, "text": "x" * 2001}}, "interview")
    with pytest.raises(ReflectionError, match="rating from 1 to 5 is required"):
        validate_answers({"prepared": {"text": "no rating"}}, "interview")
    with pytest.raises(ReflectionError, match="unexpected field"):
        validate_answers({"prepared": {"rating": 3, "score": 2}}, "interview")
    with pytest.raises(ReflectionError, match=r"unknown question 'prepared'.*application stage.*targeting"):
        validate_answers({"prepared": 3}, "applied")
    with pytest.raises(ReflectionError, match="at least one answer"):
        validate_answers({}, "interview")


def test_answers_file() -> None:
    assert parse_answers_file('{"prepared": {"rating": 2, "text": "no"}}') == {"prepared": {"rating": 2, "text": "no"}}
    # A file saved from `reflect --json` works as it is.
    saved = '{"version": 1, "context": "interview", "answers": {"clear": {"rating": 4, "text": ""}}}'
    assert parse_answers_file(saved) == {"clear": {"rating": 4, "text": ""}}
    with pytest.raises(ReflectionError, match=r"not valid JSON \(line 2"):
        parse_answers_file('{"prepared":\n oops}')
    with pytest.raises(ReflectionError, match="one JSON object"):
        parse_answers_file("[1, 2]")


def test_low_ratings_become_themes() -> None:
    answers = {
        "prepared": Answer(1, "They asked about system design and I froze"),
        "gaps": Answer(2, "They wanted five years of experience leading a team"),
        "clear": Answer(2, ""),
        "went_well": Answer(1, "little"),
        "change": Answer(1, "practise more"),
    }
    found = themes_from_answers("interview", answers)
    assert [(t.theme, t.question) for t in found] == [
        ("preparation", "prepared"),
        ("experience", "gaps"),
        ("communication", "clear"),
    ]
    assert found[0].evidence == "They asked about system design and I froze"
    assert found[2].evidence.startswith("rated 2/5: Were your answers clear")
    # A rating of 3 or more is not a weak spot; skill words point at technical skills.
    assert themes_from_answers("interview", {"prepared": Answer(3, "")}) == []
    skills = themes_from_answers("interview", {"gaps": Answer(1, "No Kubernetes skills")})
    assert [t.theme for t in skills] == ["technical_skills"]
    both = themes_from_answers("interview", {"gaps": Answer(1, "Lacked SQL skills and years of experience")})
    assert [t.theme for t in both] == ["technical_skills", "experience"]
    early = themes_from_answers("application", {"targeting": Answer(1, ""), "cv": Answer(2, "")})
    assert [t.theme for t in early] == ["targeting", "cv"]


def test_stored_round_trip_merge_and_dict() -> None:
    first = validate_answers({"prepared": {"rating": 2, "text": "a"}}, "interview")
    edited = merge(first, validate_answers({"clear": 4}, "interview"))
    context, answers = from_stored(to_stored("interview", edited))
    assert context == "interview"
    assert answers == {"prepared": Answer(2, "a"), "clear": Answer(4, "")}
    # A hand-edited row with a broken entry keeps the good ones.
    context, answers = from_stored(
        {"context": "nonsense", "answers": {"prepared": {"rating": 9}, "clear": {"rating": 1}}}
    )
    assert context == "interview"
    assert answers == {"clear": Answer(1, "")}
    data = reflection_to_dict("interview", edited)
    assert data["unanswered"] == ["gaps", "went_well", "change"]
    assert data["average_rating"] == 3.0
    assert data["themes"] == ["preparation"]
    assert data["questions"][0] == {
        "key": "prepared",
        "question": questions_for("interview")[0].prompt,
        "scale": questions_for("interview")[0].rating_label,
        "rating": 2,
        "text": "a",
    }
