import json
import re

import pytest

from nextround.domain.questions import (
    ANY_ROLE,
    CATEGORIES,
    COMPETENCIES,
    ROLES,
    THEMES,
    Question,
    filter_questions,
    guess_role,
    interview_source,
    load_bank,
    parse_bank,
)

BEHAVIOURAL_COMPETENCIES = (
    "teamwork",
    "conflict",
    "failure",
    "leadership",
    "ownership",
    "prioritisation",
    "ambiguity",
    "customer_focus",
    "influence",
    "learning",
)
MAIN_ROLES = (
    "software_engineering",
    "data",
    "product",
    "design",
    "sales",
    "marketing",
    "customer_support",
    "operations",
    "finance",
    "healthcare",
    "education",
)
SMALL_ROLES = ("hospitality", "logistics", "retail")
CATEGORY_MINIMUMS = {
    "behavioural": 50,
    "situational": 8,
    "motivation": 8,
    "career_story": 8,
    "strengths_weaknesses": 6,
    "questions_for_interviewer": 8,
    "role": 6 * len(MAIN_ROLES) + 3 * len(SMALL_ROLES),
}


def _normalised(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def make_toml(**overrides: str) -> str:
    """One valid [[question]] table; keyword overrides replace a field's TOML value verbatim."""
    fields = {
        "id": '"beh-test-01"',
        "text": '"Tell me about a test you wrote."',
        "category": '"behavioural"',
        "competencies": '["learning"]',
        "roles": '["any"]',
        "good_answer": '"Names the test and why it mattered."',
        "pitfalls": '["Too vague", "No result"]',
        "follow_ups": '["What did it catch?"]',
        "themes": '["communication"]',
    }
    fields.update(overrides)
    body = "\n".join(f"{name} = {value}" for name, value in fields.items() if value != "")
    return f"[[question]]\n{body}\n"


# ------------------------------------------------------------------ the bundled bank


def test_bank_has_at_least_170_questions() -> None:
    assert len(load_bank()) >= 170


def test_bank_is_loaded_once() -> None:
    assert load_bank() is load_bank()


def test_bank_ids_and_texts_are_unique() -> None:
    bank = load_bank()
    assert len({question.id for question in bank}) == len(bank)
    assert len({_normalised(question.text) for question in bank}) == len(bank)


def test_every_bank_field_is_filled_in() -> None:
    for question in load_bank():
        assert question.text.strip() and question.good_answer.strip(), question.id
        assert question.competencies and question.roles and question.themes, question.id
        assert 2 <= len(question.pitfalls) <= 3, question.id
        assert 1 <= len(question.follow_ups) <= 2, question.id
        assert all(item.strip() for item in (*question.pitfalls, *question.follow_ups)), question.id
        assert question.source == "bank"


def test_every_bank_value_comes_from_the_vocabularies() -> None:
    for question in load_bank():
        assert question.category in CATEGORIES
        assert set(question.competencies) <= set(COMPETENCIES)
        assert set(question.roles) <= {ANY_ROLE, *ROLES}
        assert set(question.themes) <= set(THEMES)


@pytest.mark.parametrize(("category", "minimum"), CATEGORY_MINIMUMS.items())
def test_each_category_meets_its_minimum(category: str, minimum: int) -> None:
    count = sum(1 for question in load_bank() if question.category == category)
    assert count >= minimum


@pytest.mark.parametrize("competency", BEHAVIOURAL_COMPETENCIES)
def test_each_behavioural_competency_has_five_questions(competency: str) -> None:
    questions = filter_questions(load_bank(), category="behavioural", competency=competency)
    assert len(questions) >= 5


@pytest.mark.parametrize("role", MAIN_ROLES)
def test_each_main_role_has_six_questions(role: str) -> None:
    assert len(filter_questions(load_bank(), category="role", role=role, strict=True)) >= 6


@pytest.mark.parametrize("role", SMALL_ROLES)
def test_each_smaller_role_has_a_few_questions(role: str) -> None:
    assert len(filter_questions(load_bank(), category="role", role=role, strict=True)) >= 3


def test_role_questions_always_name_their_roles() -> None:
    for question in filter_questions(load_bank(), category="role"):
        assert ANY_ROLE not in question.roles, question.id


@pytest.mark.parametrize(
    ("id_prefix", "minimum"),
    [("story-intro-", 3), ("story-leaving-", 2), ("story-gap-", 2), ("story-change-", 2)],
)
def test_career_story_covers_intro_leaving_gap_and_change(id_prefix: str, minimum: int) -> None:
    matching = [question for question in load_bank() if question.id.startswith(id_prefix)]
    assert len(matching) >= minimum
    assert all(question.category == "career_story" for question in matching)


def test_motivation_covers_why_this_company_and_why_this_role() -> None:
    texts = [question.text.lower() for question in filter_questions(load_bank(), category="motivation")]
    assert any("work here" in text for text in texts)
    assert any("this particular role" in text for text in texts)


def test_questions_for_the_interviewer_explain_why_they_are_good_to_ask() -> None:
    for question in filter_questions(load_bank(), category="questions_for_interviewer"):
        assert "good question" in question.good_answer.lower(), question.id


def test_to_dict_is_json_ready_and_complete() -> None:
    question = load_bank()[0]
    data = question.to_dict()
    assert json.loads(json.dumps(data)) == data
    assert set(data) == {
        "id",
        "text",
        "category",
        "competencies",
        "roles",
        "good_answer",
        "pitfalls",
        "follow_ups",
        "themes",
        "source",
    }
    assert data["competencies"] == list(question.competencies)


# ------------------------------------------------------------------ parse_bank validation


def test_parse_bank_reads_a_valid_table() -> None:
    (question,) = parse_bank(make_toml())
    assert question == Question(
        id="beh-test-01",
        text="Tell me about a test you wrote.",
        category="behavioural",
        competencies=("learning",),
        roles=("any",),
        good_answer="Names the test and why it mattered.",
        pitfalls=("Too vague", "No result"),
        follow_ups=("What did it catch?",),
        themes=("communication",),
    )


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"category": '"gossip"'}, "unknown category 'gossip'"),
        ({"competencies": '["juggling"]'}, "unknown competency 'juggling'"),
        ({"roles": '["astronaut"]'}, "unknown role 'astronaut'"),
        ({"themes": '["luck"]'}, "unknown theme 'luck'"),
        ({"roles": '["any", "data"]'}, "'any' cannot be combined"),
        ({"category": '"role"'}, "must name its roles"),
        ({"good_answer": '"  "'}, "good_answer must be a non-empty string"),
        ({"text": ""}, "text must be a non-empty string"),
        ({"pitfalls": '["Only one"]'}, "pitfalls needs 2 to 3 items"),
        ({"follow_ups": "[]"}, "follow_ups needs 1 to 2 items"),
        ({"competencies": '["learning", "learning"]'}, "competencies repeats an item"),
        ({"colour": '"blue"'}, "unknown field(s) colour"),
    ],
)
def test_parse_bank_errors_name_the_question(overrides: dict[str, str], message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)) as error:
        parse_bank(make_toml(**overrides))
    assert "'beh-test-01'" in str(error.value)


def test_parse_bank_rejects_a_duplicate_id() -> None:
    text = make_toml() + make_toml(text='"A different question?"')
    with pytest.raises(ValueError, match=r"'beh-test-01': duplicate id"):
        parse_bank(text)


def test_parse_bank_rejects_a_duplicate_text_and_names_both_ids() -> None:
    text = make_toml() + make_toml(id='"beh-test-02"', text='"Tell me about a TEST you wrote"')
    with pytest.raises(ValueError, match=r"'beh-test-02': same text as question 'beh-test-01'"):
        parse_bank(text)


def test_parse_bank_rejects_a_missing_or_malformed_id() -> None:
    with pytest.raises(ValueError, match=r"question #1: missing id"):
        parse_bank(make_toml(id=""))
    with pytest.raises(ValueError, match=r"'Bad Id'.*slug"):
        parse_bank(make_toml(id='"Bad Id"'))


def test_parse_bank_rejects_invalid_toml() -> None:
    with pytest.raises(ValueError, match="not valid TOML"):
        parse_bank("[[question]\nid = ")


def test_parse_bank_of_an_empty_document_is_empty() -> None:
    assert parse_bank("") == ()


# ------------------------------------------------------------------ filtering


def test_filter_by_category() -> None:
    situational = filter_questions(load_bank(), category="situational")
    assert situational
    assert all(question.category == "situational" for question in situational)


def test_role_filter_includes_general_questions_unless_strict() -> None:
    bank = load_bank()
    relaxed = filter_questions(bank, role="finance")
    strict = filter_questions(bank, role="finance", strict=True)
    assert any(question.roles == (ANY_ROLE,) for question in relaxed)
    assert all("finance" in question.roles for question in strict)
    assert set(strict) < set(relaxed)
    assert not any("healthcare" in question.roles and "finance" not in question.roles for question in relaxed)


def test_filter_by_competency_and_category_together() -> None:
    selected = filter_questions(load_bank(), category="behavioural", competency="ambiguity")
    assert selected
    assert all(q.category == "behavioural" and "ambiguity" in q.competencies for q in selected)


def test_filter_keeps_the_original_order() -> None:
    bank = load_bank()
    selected = filter_questions(bank, competency="ethics")
    positions = [bank.index(question) for question in selected]
    assert positions == sorted(positions)


def test_filter_rejects_unknown_values() -> None:
    with pytest.raises(ValueError, match="unknown category 'small_talk'"):
        filter_questions(load_bank(), category="small_talk")
    with pytest.raises(ValueError, match="unknown role 'pilot'"):
        filter_questions(load_bank(), role="pilot")
    with pytest.raises(ValueError, match="unknown competency 'luck'"):
        filter_questions(load_bank(), competency="luck")


# ------------------------------------------------------------------ guessing the role


@pytest.mark.parametrize(
    ("title", "role"),
    [
        ("Senior Backend Engineer", "software_engineering"),
        ("Full-Stack Developer (React/Node)", "software_engineering"),
        ("Staff Nurse", "healthcare"),
        ("Registered Nurses - Night Shift", "healthcare"),
        ("Pastry Chef", "hospitality"),
        ("HGV Driver", "logistics"),
        ("Warehouse Operative", "logistics"),
        ("Account Executive", "sales"),
        ("Sales Engineer", "sales"),
        ("Product Designer", "design"),
        ("Senior UX Researcher", "design"),
        ("Product Manager", "product"),
        ("Product Marketing Manager", "marketing"),
        ("Data Engineer", "data"),
        ("Machine Learning Engineer", "data"),
        ("Customer Success Manager", "customer_support"),
        ("Support Engineer", "customer_support"),
        ("Financial Analyst", "finance"),
        ("FP&A Manager", "finance"),
        ("Teaching Assistant", "education"),
        ("Secondary School Teacher", "education"),
        ("Sales Assistant", "retail"),
        ("Store Manager", "retail"),
        ("Operations Manager", "operations"),
    ],
)
def test_guess_role_from_title(title: str, role: str) -> None:
    assert guess_role(title) == role


def test_guess_role_uses_the_description_when_the_title_says_nothing() -> None:
    assert guess_role("Associate") is None
    description = "You will run the warehouse floor, plan forklift work and keep the fleet moving."
    assert guess_role("Associate", description) == "logistics"


def test_guess_role_title_outweighs_the_description() -> None:
    description = "You will use Python, SQL and data dashboards to track patient flow."
    assert guess_role("Staff Nurse", description) == "healthcare"


def test_guess_role_needs_whole_words() -> None:
    # "toward" must not match "ward", "sales" inside "wholesales" must not count either.
    assert guess_role("Towards wholesalesmanship") is None


def test_interview_source_names_the_company() -> None:
    assert interview_source("Acme") == "interview:Acme"
    assert interview_source("  ") == "interview"
    assert interview_source() == "interview"
