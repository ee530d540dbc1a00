import json
from collections.abc import Callable
from datetime import date, timedelta

import pytest

from nextround.domain.practice_plan import (
    OPENING_ID_PREFIX,
    THEME_COMPETENCIES,
    PlannedQuestion,
    ReviewItem,
    competency_words,
    due_reviews,
    next_review_date,
    plan_session,
)
from nextround.domain.questions import COMPETENCIES, Question, interview_source, load_bank

TODAY = date(2025, 3, 10)


def make_question(
    question_id: str,
    *,
    text: str | None = None,
    category: str = "behavioural",
    competencies: tuple[str, ...] = ("teamwork",),
    roles: tuple[str, ...] = ("any",),
    themes: tuple[str, ...] = ("communication",),
    source: str = "bank",
) -> Question:
    return Question(
        id=question_id,
        text=text or f"Question text for {question_id}?",
        category=category,
        competencies=competencies,
        roles=roles,
        good_answer="A clear answer.",
        pitfalls=("Rambling", "No result"),
        follow_ups=("And then?",),
        themes=themes,
        source=source,
    )


def make_review(question_id: str, *, score: int = 40, attempts: int = 1, days_ago: int = 5) -> ReviewItem:
    return ReviewItem(question_id, score, attempts, TODAY - timedelta(days=days_ago))


def ids(plan: list[PlannedQuestion]) -> list[str]:
    return [planned.question.id for planned in plan]


# ------------------------------------------------------------------ spaced repetition


@pytest.mark.parametrize(
    ("score", "attempts", "days"),
    [
        (0, 1, 1),
        (49, 6, 1),
        (50, 1, 3),
        (69, 4, 3),
        (70, 1, 7),
        (84, 2, 14),
        (84, 3, 28),
        (84, 12, 28),
        (85, 1, 21),
        (100, 2, 42),
        (100, 9, 84),
    ],
)
def test_next_review_date_follows_the_interval_table(score: int, attempts: int, days: int) -> None:
    assert next_review_date(score, attempts, TODAY) == TODAY + timedelta(days=days)


@pytest.mark.parametrize(("score", "attempts"), [(-1, 1), (101, 1), (60, 0)])
def test_next_review_date_rejects_impossible_input(score: int, attempts: int) -> None:
    with pytest.raises(ValueError):
        next_review_date(score, attempts, TODAY)
    with pytest.raises(ValueError):
        ReviewItem("q", score, attempts, TODAY)


def test_due_reviews_keeps_only_due_items_most_overdue_first() -> None:
    items = [
        make_review("fresh-strong", score=95, days_ago=3),  # due in 21 days: not yet
        make_review("due-today", score=60, days_ago=3),  # 3-day interval: due today
        make_review("long-overdue", score=30, days_ago=10),  # 9 days overdue
        make_review("overdue-low", score=20, days_ago=4),  # 3 days overdue
        make_review("overdue-higher", score=45, days_ago=4),  # 3 days overdue, higher score
    ]
    assert [item.question_id for item in due_reviews(items, TODAY)] == [
        "long-overdue",
        "overdue-low",
        "overdue-higher",
        "due-today",
    ]


# ------------------------------------------------------------------ planning: priorities


def test_due_reviews_come_first_with_their_score_in_the_reason() -> None:
    bank = load_bank()
    reviews = [make_review("beh-conflict-02", score=42), make_review("role-data-03", score=55)]
    plan = plan_session(bank, count=6, role="data", due_reviews=reviews)
    assert ids(plan)[:2] == ["beh-conflict-02", "role-data-03"]
    assert plan[0].reason == "You scored 42 on this last time; due for another try"


def test_due_reviews_take_at_most_half_the_session() -> None:
    bank = load_bank()
    reviews = [make_review(question.id) for question in bank[:10]]
    plan = plan_session(bank, count=6, due_reviews=reviews)
    review_ids = {item.question_id for item in reviews}
    assert sum(1 for question_id in ids(plan) if question_id in review_ids) == 3
    assert len(plan) == 6


def test_a_single_question_session_still_takes_one_due_review() -> None:
    plan = plan_session(load_bank(), count=1, due_reviews=[make_review("sw-02")])
    assert ids(plan) == ["sw-02"]


def test_due_reviews_for_unknown_questions_are_skipped() -> None:
    plan = plan_session(load_bank(), count=3, due_reviews=[make_review("no-such-question"), make_review("sw-03")])
    assert ids(plan)[0] == "sw-03"
    assert "no-such-question" not in ids(plan)


def test_due_reviews_ignore_the_recent_rule() -> None:
    plan = plan_session(
        load_bank(), count=4, due_reviews=[make_review("sw-01", days_ago=1)], recent_question_ids={"sw-01"}
    )
    assert ids(plan)[0] == "sw-01"


def test_session_opens_with_your_story_when_nothing_is_due() -> None:
    plan = plan_session(load_bank(), count=5, seed=3)
    assert plan[0].question.id.startswith(OPENING_ID_PREFIX)
    assert plan[0].reason == "Opening question: practise your story"


def test_no_opening_question_for_short_sessions_or_when_reviews_are_due() -> None:
    short = plan_session(load_bank(), count=3)
    assert not any(question_id.startswith(OPENING_ID_PREFIX) for question_id in ids(short))
    with_review = plan_session(load_bank(), count=5, due_reviews=[make_review("beh-failure-01")])
    assert with_review[0].question.id == "beh-failure-01"
    assert not any(planned.reason.startswith("Opening question") for planned in with_review)


def test_real_interview_questions_follow_the_opening() -> None:
    real = [
        make_question("real-1", text="Why did our last product launch slip?", source=interview_source("Acme")),
        make_question("real-2", text="How would you run our weekly planning?", source=interview_source()),
    ]
    plan = plan_session(load_bank(), count=5, real_interview_questions=real)
    assert ids(plan)[1:3] == ["real-1", "real-2"]
    assert plan[1].reason == "Asked in your real interview at Acme"
    assert plan[2].reason == "Asked in one of your real interviews"


def test_a_due_real_interview_question_is_found_by_id() -> None:
    real = [make_question("real-7", text="What is your notice period, honestly?", source="interview:Initech")]
    plan = plan_session(load_bank(), count=4, real_interview_questions=real, due_reviews=[make_review("real-7")])
    assert ids(plan).count("real-7") == 1
    assert plan[0].reason.startswith("You scored 40")


THEME_CHECKS: dict[str, Callable[[Question], bool]] = {
    "communication": lambda q: q.category == "behavioural",
    "preparation": lambda q: q.category == "motivation" or "company_research" in q.competencies,
    "technical_skills": lambda q: q.category == "role" and "finance" in q.roles,
    "experience": lambda q: (
        q.category in {"career_story", "strengths_weaknesses"} or bool({"ownership", "learning"} & set(q.competencies))
    ),
    "culture_fit": lambda q: bool({"teamwork", "ethics"} & set(q.competencies)),
    "motivation": lambda q: q.category in {"motivation", "career_story"} or "motivation" in q.competencies,
}


@pytest.mark.parametrize("theme", THEME_CHECKS)
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_focus_themes_pick_questions_that_train_them(theme: str, seed: int) -> None:
    plan = plan_session(load_bank(), count=8, role="finance", focus_themes=[theme], seed=seed)
    label = theme.replace("_", " ")
    themed = [planned.question for planned in plan if planned.reason.startswith(f"Your feedback mentions {label}:")]
    assert len(themed) == 2  # a quarter of eight
    assert all(THEME_CHECKS[theme](question) for question in themed)


@pytest.mark.parametrize("role", [None, "sales", "healthcare", "software_engineering"])
def test_a_theme_reason_names_a_competency_of_the_question_that_trains_that_theme(role: str | None) -> None:
    # "Your feedback mentions communication" for "the biggest risk you took that failed" (failure, resilience)
    # said nothing true about the question: the reason names the competency that links the two.
    words = {competency_words(c): c for c in COMPETENCIES}
    seen = 0
    for theme, related in THEME_COMPETENCIES.items():
        label = theme.replace("_", " ")
        for seed in range(8):
            for planned in plan_session(load_bank(), count=8, role=role, focus_themes=[theme], seed=seed):
                if not planned.reason.startswith("Your feedback mentions"):
                    continue
                seen += 1
                head, _, said = planned.reason.partition(" practises ")
                assert head.startswith(f"Your feedback mentions {label}: this "), planned.reason
                competency = words[said]
                assert competency in planned.question.competencies, (planned.reason, planned.question.competencies)
                role_question = planned.question.category == "role" and role in planned.question.roles
                assert competency in related or (theme == "technical_skills" and role_question), planned.reason
    assert seen >= 6 * 8 * 2 - 4  # two a theme (a quarter of eight), in nearly every plan


def test_experience_feedback_plans_questions_that_show_experience_not_priorities_or_mistakes() -> None:
    # "They wanted more experience" is trained by your story and work you carried, not by a trade-off of
    # priorities ("leave something imperfect"), a mistake or a "why are you leaving" question.
    themed = [
        planned.question
        for seed in range(12)
        for planned in plan_session(load_bank(), count=8, focus_themes=["experience"], seed=seed)
        if planned.reason.startswith("Your feedback mentions experience:")
    ]
    assert len({q.id for q in themed}) >= 6
    wrong = {"prioritisation", "failure", "ethics", "conflict"}
    assert not [q.id for q in themed if wrong & set(q.competencies)]
    assert not [q.id for q in themed if "imperfect" in q.text or "leaving your current job" in q.text]


def test_technical_skills_without_a_role_uses_problem_solving_questions() -> None:
    plan = plan_session(load_bank(), count=4, focus_themes=["technical_skills"])
    themed = [p.question for p in plan if p.reason.startswith("Your feedback mentions technical skills:")]
    assert themed
    assert all({"technical_depth", "problem_solving"} & set(q.competencies) for q in themed)
    assert all(q.category != "role" for q in themed)


def test_job_skills_named_in_a_question_are_matched_by_text() -> None:
    plan = plan_session(load_bank(), count=6, role="data", job_skills=["SQL"])
    matched = [p.question for p in plan if p.reason == "The job asks for SQL"]
    assert matched
    assert all("sql" in q.text.lower() for q in matched)


def test_job_skills_are_matched_through_competencies() -> None:
    plan = plan_session(load_bank(), count=6, job_skills=["Stakeholder management"])
    matched = [p.question for p in plan if p.reason == "The job asks for Stakeholder management"]
    assert matched
    assert all({"influence", "communication"} & set(q.competencies) for q in matched)


def test_role_questions_are_planned_for_the_role_only() -> None:
    plan = plan_session(load_bank(), count=9, role="healthcare", seed=4)
    role_questions = [p.question for p in plan if p.question.category == "role"]
    assert any(p.reason == "A common question for healthcare roles" for p in plan)
    assert role_questions
    assert all("healthcare" in q.roles for q in role_questions)


def test_without_a_role_no_role_questions_are_mixed_in() -> None:
    plan = plan_session(load_bank(), count=15, seed=9)
    assert all(p.question.roles == ("any",) for p in plan)


def test_the_mix_spreads_across_categories() -> None:
    plan = plan_session(load_bank(), count=8, role="sales", seed=5)
    categories = {p.question.category for p in plan}
    assert len(categories) >= 5


# ------------------------------------------------------------------ planning: invariants


@pytest.mark.parametrize("count", [0, 1, 2, 3, 4, 5, 8, 12, 20])
def test_count_is_respected(count: int) -> None:
    assert len(plan_session(load_bank(), count=count, role="product", focus_themes=["communication"])) == count


@pytest.mark.parametrize("seed", range(15))
def test_a_session_never_repeats_a_question(seed: int) -> None:
    bank = load_bank()
    copy_of_bank_question = make_question("real-copy", text=bank[0].text + "  ", source="interview:Acme")
    plan = plan_session(
        bank,
        count=12,
        role="education",
        job_skills=["classroom management", "communication", "safeguarding"],
        focus_themes=["communication", "culture_fit", "experience"],
        real_interview_questions=[copy_of_bank_question, copy_of_bank_question],
        due_reviews=[make_review(bank[0].id), make_review(bank[0].id)],
        seed=seed,
    )
    assert len(set(ids(plan))) == len(plan) == 12
    assert len({" ".join(p.question.text.lower().split()) for p in plan}) == 12


def test_the_same_seed_gives_the_same_plan() -> None:
    def plan(seed: int) -> list[PlannedQuestion]:
        return plan_session(
            load_bank(), count=7, role="marketing", focus_themes=["preparation"], job_skills=["SEO"], seed=seed
        )

    assert plan(11) == plan(11)


def test_different_seeds_give_different_plans() -> None:
    plans = {tuple(ids(plan_session(load_bank(), count=6, seed=seed))) for seed in range(5)}
    assert len(plans) > 1


def test_fewer_questions_than_count_returns_all_of_them() -> None:
    bank = [make_question("a"), make_question("b", category="situational"), make_question("c")]
    plan = plan_session(bank, count=10)
    assert sorted(ids(plan)) == ["a", "b", "c"]


def test_recent_questions_are_avoided_while_others_remain() -> None:
    bank = [make_question(name) for name in "abcdef"]
    plan = plan_session(bank, count=3, recent_question_ids={"a", "b", "c"}, seed=1)
    assert sorted(ids(plan)) == ["d", "e", "f"]


def test_recent_questions_fill_in_when_nothing_else_is_left() -> None:
    bank = [make_question(name) for name in "abcd"]
    plan = plan_session(bank, count=3, recent_question_ids={"a", "b", "c"})
    assert ids(plan)[0] == "d"
    assert len(plan) == 3


def test_other_roles_questions_are_not_used_as_filler() -> None:
    bank = [make_question("general"), make_question("nursing", category="role", roles=("healthcare",))]
    assert ids(plan_session(bank, count=5, role="finance")) == ["general"]


def test_invalid_arguments_are_rejected() -> None:
    with pytest.raises(ValueError, match="count"):
        plan_session(load_bank(), count=-1)
    with pytest.raises(ValueError, match="unknown role 'astronaut'"):
        plan_session(load_bank(), role="astronaut")
    with pytest.raises(ValueError, match="unknown feedback theme 'luck'"):
        plan_session(load_bank(), focus_themes=["luck"])


def test_planned_question_to_dict_shape() -> None:
    planned = plan_session(load_bank(), count=1)[0]
    data = planned.to_dict()
    assert set(data) == {"question", "reason"}
    assert data["question"]["id"] == planned.question.id
    assert json.loads(json.dumps(data)) == data


@pytest.mark.parametrize("seed", range(8))
def test_a_care_skill_of_a_healthcare_job_is_practised_on_the_roles_own_questions(seed: int) -> None:
    planned = plan_session(load_bank(), count=6, role="healthcare", job_skills=["Patient care"], seed=seed)
    for_skill = [item.question for item in planned if item.reason == "The job asks for Patient care"]
    assert for_skill, [item.reason for item in planned]
    # Not "a customer insists on something that breaks company policy" for a nurse.
    assert all("healthcare" in question.roles for question in for_skill), [q.text for q in for_skill]
