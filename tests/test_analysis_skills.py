"""Tests for skill extraction and JD <-> CV matching (nextround.analysis.skills)."""

from __future__ import annotations

import gzip
import hashlib
import json
import subprocess
import sys
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest

from nextround.analysis.skills import (
    MatchResult,
    SkillMention,
    extract_skills,
    load_taxonomy,
    match,
    match_batch,
    rank_gaps,
)

DATA = Path(__file__).parent / "data"
REPO = Path(__file__).resolve().parents[1]
PACKAGE_DATA = REPO / "src" / "nextround" / "data"
SHARED_DATA = REPO.parent / "shared" / "data"

MATCH_KEYS = {"score", "required", "matched", "missing", "nice_to_have", "years", "explanation"}


def skills_in(text: str) -> set[str]:
    return {mention.skill for mention in extract_skills(text)}


def mention_of(text: str, skill: str) -> SkillMention:
    found = [mention for mention in extract_skills(text) if mention.skill == skill]
    assert found, f"{skill!r} not found in {text!r}: {skills_in(text)}"
    return found[0]


def dev_pairs() -> list[dict[str, Any]]:
    return [json.loads(line) for line in (DATA / "match_dev.jsonl").read_text(encoding="utf-8").splitlines()]


# -- the packaged taxonomy -----------------------------------------------------------------------


def test_taxonomy_loads_with_credits_and_a_reasonable_size() -> None:
    taxonomy = load_taxonomy()
    assert len(taxonomy) > 15_000
    assert any("O*NET" in line and "CC BY 4.0" in line for line in taxonomy.credits)
    assert "ESCO classification, European Commission" in taxonomy.credits
    assert (PACKAGE_DATA / "skills_taxonomy.json.gz").stat().st_size < 1_500_000
    credits = (PACKAGE_DATA / "CREDITS.md").read_text(encoding="utf-8")
    assert all(line in credits for line in taxonomy.credits)


def test_index_was_built_from_the_current_alias_table() -> None:
    # Editing skill_aliases.toml without running scripts/build_taxonomy.py fails here.
    current = hashlib.sha256((PACKAGE_DATA / "skill_aliases.toml").read_bytes()).hexdigest()
    assert load_taxonomy().aliases_sha256 == current


def test_rebuilding_the_index_is_byte_identical(tmp_path: Path) -> None:
    if not (SHARED_DATA / "onet" / "technology_skills.tsv").is_file():
        # Without the source data, the alias-hash test above is what guards the index.
        return
    output = tmp_path / "index.json.gz"
    subprocess.run(
        [sys.executable, str(REPO / "scripts" / "build_taxonomy.py"), str(SHARED_DATA), "--output", str(output)],
        check=True,
        capture_output=True,
    )
    committed = files("nextround.data").joinpath("skills_taxonomy.json.gz").read_bytes()
    assert gzip.decompress(output.read_bytes()) == gzip.decompress(committed)


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("k8s", "Kubernetes"),
        ("JS", "JavaScript"),
        ("ECMAScript", "JavaScript"),
        ("Postgres", "PostgreSQL"),
        ("psql", "PostgreSQL"),
        ("Structured query language", "SQL"),
        ("Amazon Web Services", "AWS"),
        ("MS Excel", "Microsoft Excel"),
        ("team management", "Team leadership"),
        ("HACCP", "HACCP"),
        ("clean licence", "Driving licence"),
    ],
)
def test_lookup_resolves_aliases_and_short_forms(written: str, canonical: str) -> None:
    skill = load_taxonomy().lookup(written)
    assert skill is not None and skill.name == canonical


def test_onet_short_forms_come_from_the_data() -> None:
    taxonomy = load_taxonomy()
    # "Apache Hadoop" is not in the alias table: vendor prefix dropped, O*NET flags kept.
    hadoop = taxonomy.lookup("Hadoop")
    assert hadoop is not None and "onet" in hadoop.sources and hadoop.hot
    assert skills_in("We run Hadoop clusters and Photoshop.") >= {hadoop.name, "Adobe Photoshop"}


# -- word boundaries and ambiguous names ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("A digital marketing role.", "Git"),
        ("Strong JavaScript skills.", "Java"),
        ("You will present to the C-suite.", "C"),
        ("Always willing to go the extra mile.", "Go"),
        ("We invest heavily in R&D.", "R"),
        ("You will excel at building relationships.", "Microsoft Excel"),
        ("Please sit in the waiting room; access is via the side door.", "Microsoft Access"),
        ("Work with the head chef on the spring menu.", "Chef"),
        ("Our Italian restaurant seats 80.", "Italian"),
        ("We are hiring now.", "Recruitment"),
    ],
)
def test_word_boundaries_and_ambiguous_words(text: str, absent: str) -> None:
    assert absent not in skills_in(text)


def test_ambiguous_languages_are_found_next_to_other_technology() -> None:
    found = skills_in("Experience with Go, Rust or C alongside Python and Docker.")
    assert {"Go", "Rust", "C", "Python", "Docker"} <= found
    assert "Java" in skills_in("Java 17 and Spring Boot")
    assert "Italian" in skills_in("Fluent Italian is essential.")


# -- meaning, not only names ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["Managed a team of six chefs.", "Five years of team management.", "Experience managing teams."],
)
def test_team_management_paraphrases(text: str) -> None:
    assert "Team leadership" in skills_in(text)


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Happy to be on my feet all day.", "Physical stamina"),
        ("The job is physically demanding.", "Physical stamina"),
        ("I am meticulous and detail-oriented.", "Attention to detail"),
        ("Two years serving customers in a cafe.", "Customer service"),
        ("Worked front of house at a pub.", "Customer service"),
        ("Trained in food safety.", "Food hygiene"),
        ("Experienced in caring for patients on a surgical ward.", "Patient care"),
        ("Holds a clean licence.", "Driving licence"),
        ("Calm and confident with classroom control.", "Classroom management"),
        ("Reconciled the bank accounts every month.", "Bank reconciliation"),
        ("I baked sourdough and croissants daily.", "Baking"),
        ("Wrote SQL queries against our warehouse.", "SQL"),
    ],
)
def test_paraphrases_across_occupations(text: str, skill: str) -> None:
    assert skill in skills_in(text)


def test_an_implied_skill_counts_as_shown() -> None:
    result = match("You must know SQL.", "Built reporting on PostgreSQL.")
    assert [item["skill"] for item in result.matched] == ["SQL"]
    assert result.matched[0]["cv_text"] == "PostgreSQL"
    assert result.score == 100


# -- years, sections ------------------------------------------------------------------------------


def test_years_asked_and_shown() -> None:
    assert mention_of("3+ years of Python and SQL.", "Python").years == 3
    assert mention_of("3+ years of Python and SQL.", "SQL").years == 3
    assert mention_of("At least 5 years' experience in nursing.", "Nursing").years == 5
    assert mention_of("Skills: Python (2 years), Docker.", "Python").years == 2
    assert mention_of("Skills: Python (2 years), Docker.", "Docker").years is None
    assert mention_of("six months' barista experience", "Barista").years == 0.5


def test_fewer_years_than_asked_lowers_that_skill_proportionally() -> None:
    jd = "Requirements: 4 years of Python."
    full = match(jd, "Python developer with 4 years of Python.")
    half = match(jd, "Python developer with 2 years of Python.")
    assert full.score == 100
    assert half.score == 50
    assert half.years == ({"skill": "Python", "asked": 4, "shown": 2},)
    assert any("2 of 4 years" in line for line in half.explanation)


def test_years_shown_are_read_from_cv_date_ranges() -> None:
    cv = "Senior Nurse, St Mary's Hospital\n2016 - 2021\nRan drug rounds and cared for patients.\n"
    result = match("Minimum 3 years of medication administration.", cv)
    assert result.years == ({"skill": "Medication administration", "asked": 3, "shown": 5},)
    assert result.score == 100


def test_nice_to_have_sections_and_inline_markers() -> None:
    jd = (
        "Requirements:\n- Python\n- SQL\n"
        "Nice to have:\n- Docker\n- Kubernetes\n"
        "Benefits:\n- Free Excel training\n"
        "Terraform experience is a plus. Java required, AWS preferred."
    )
    importance = {mention.skill: mention.importance for mention in extract_skills(jd)}
    assert importance["Python"] == importance["SQL"] == "required"
    assert importance["Docker"] == importance["Kubernetes"] == "nice_to_have"
    assert importance["Microsoft Excel"] == "context"
    assert importance["Terraform"] == "nice_to_have"
    assert importance["Java"] == "required"
    assert importance["AWS"] == "nice_to_have"


def test_required_weighs_more_than_nice_to_have() -> None:
    jd = "Essential: Python. Desirable: Docker."
    has_required = match(jd, "Python")
    has_nice = match(jd, "Docker")
    assert has_required.score > has_nice.score > 0
    assert has_required.nice_to_have == ({"skill": "Docker", "text": "Docker", "matched": False},)
    assert has_nice.missing == ({"skill": "Python", "text": "Python"},)


def test_alternatives_need_only_one() -> None:
    result = match("Dashboards in Tableau or Power BI.", "Built Power BI reports.")
    assert result.missing == ()
    assert result.score == 100
    assert any("one of them is enough" in line for line in result.explanation)


def test_colleagues_and_employer_blurb_are_not_requirements() -> None:
    jd = "We sell payroll software to nurseries. Reporting to the Team Leader, you will handle cash."
    importance = {mention.skill: mention.importance for mention in extract_skills(jd)}
    assert importance.get("Team leadership") == "context"
    assert importance.get("Payroll") == "context"
    assert importance["Cash handling"] == "required"


# -- shapes and edge cases ------------------------------------------------------------------------


def test_match_json_shape() -> None:
    result: dict[str, Any] = match(
        "Must have 3 years of Python and SQL. Docker is a bonus.",
        "Python developer since 2020; SQL daily.\n2020 - 2024",
    ).to_dict()
    assert set(result) == MATCH_KEYS
    assert isinstance(result["score"], int) and 0 <= result["score"] <= 100
    assert all(set(item) == {"skill", "text"} for item in result["required"])
    assert all(set(item) == {"skill", "jd_text", "cv_text"} for item in result["matched"])
    assert all(set(item) == {"skill", "text"} for item in result["missing"])
    assert all(set(item) == {"skill", "text", "matched"} for item in result["nice_to_have"])
    assert all(set(item) == {"skill", "asked", "shown"} for item in result["years"])
    assert all(isinstance(line, str) and line for line in result["explanation"])
    json.dumps(result)  # plain JSON all the way down


def test_mention_json_shape() -> None:
    mention = mention_of("Nice to have: 2 years of Figma", "Figma").to_dict()
    assert mention == {
        "skill": "Figma",
        "category": mention["category"],
        "text": "Figma",
        "offset": 25,
        "importance": "nice_to_have",
        "years": 2,
    }


@pytest.mark.parametrize(("jd", "cv"), [("", ""), ("   \n", "Python"), ("Python and SQL", "")])
def test_empty_inputs(jd: str, cv: str) -> None:
    result = match(jd, cv)
    assert 0 <= result.score <= 100
    assert result.explanation
    if not jd.strip():
        assert result.score == 0 and result.required == ()
    if not cv.strip() and jd.strip():
        assert result.score == 0 and {item["skill"] for item in result.missing} == {"Python", "SQL"}
    assert extract_skills("") == []


def test_deterministic_and_batch_reads_jd_and_cv_keys() -> None:
    pair = {"jd": "Python, SQL and Docker.", "cv": "Python and Docker."}
    first, second = match_batch([pair, pair])
    assert first == second == match(pair["jd"], pair["cv"])
    assert isinstance(first, MatchResult)
    assert match_batch([{"cv": "Python"}])[0].score == 0


def test_rank_gaps_orders_by_weight_and_skips_what_any_cv_shows() -> None:
    rejections = [
        ("Requirements: Kubernetes and Python.", 3.0),  # final interview
        ("Requirements: Kubernetes, Terraform and Python.", 1.0),  # screening
        ("Essential: Terraform. Nice to have: Go and Docker.", 1.0),
    ]
    gaps = rank_gaps(rejections, ["Python developer", "Also used Docker."])
    assert [gap["skill"] for gap in gaps] == ["Kubernetes", "Terraform"]
    assert gaps[0] == {
        "skill": "Kubernetes",
        "jobs": 2,
        "weight": 4.0,
        "example": "Requirements: Kubernetes and Python.",
    }
    assert gaps[1]["jobs"] == 2 and gaps[1]["weight"] == 2.0
    assert rank_gaps([], []) == []


# -- the dev set ----------------------------------------------------------------------------------


def test_dev_set_is_labelled_with_skills_the_taxonomy_knows() -> None:
    pairs = dev_pairs()
    assert len(pairs) >= 30
    assert len({pair["occupation"] for pair in pairs}) >= 20
    taxonomy = load_taxonomy()
    for pair in pairs:
        for field in ("required", "nice_to_have", "missing"):
            for label in pair[field]:
                assert taxonomy.skill_id(label) is not None, f"{pair['id']}: {label!r}"
        assert set(pair["missing"]) <= set(pair["required"]), pair["id"]


def precision_recall(predicted: list[set[str]], expected: list[set[str]]) -> tuple[float, float]:
    true_positive = sum(len(p & e) for p, e in zip(predicted, expected, strict=True))
    precision = true_positive / max(1, sum(len(p) for p in predicted))
    recall = true_positive / max(1, sum(len(e) for e in expected))
    return precision, recall


def dev_scores(pairs: list[dict[str, Any]] | None = None) -> dict[str, tuple[float, float]]:
    taxonomy = load_taxonomy()

    def canonical(labels: list[str]) -> set[str]:
        return {taxonomy.names[skill_id] for label in labels if (skill_id := taxonomy.skill_id(label)) is not None}

    predicted_required, expected_required, predicted_missing, expected_missing = [], [], [], []
    for pair in dev_pairs() if pairs is None else pairs:
        result = match(pair["jd"], pair["cv"])
        predicted_required.append({item["skill"] for item in result.required})
        predicted_missing.append({item["skill"] for item in result.missing})
        expected_required.append(canonical(pair["required"]))
        expected_missing.append(canonical(pair["missing"]))
    return {
        "required": precision_recall(predicted_required, expected_required),
        "missing": precision_recall(predicted_missing, expected_missing),
    }


def test_dev_set_floors() -> None:
    # Measured 0.96 / 0.96 (required) and 0.82 / 0.94 (missing); floors leave room for small
    # trade-offs, not for regressions.
    scores = dev_scores()
    required_precision, required_recall = scores["required"]
    missing_precision, missing_recall = scores["missing"]
    assert required_precision >= 0.90, scores
    assert required_recall >= 0.90, scores
    assert missing_precision >= 0.75, scores
    assert missing_recall >= 0.85, scores


def test_dev_set_scores_rank_a_fitting_cv_above_a_mismatched_one() -> None:
    pairs = {pair["id"]: pair for pair in dev_pairs()}
    nurse_cv = pairs["staff-nurse"]["cv"]
    assert match(pairs["staff-nurse"]["jd"], nurse_cv).score > 50
    assert match(pairs["nurse-cv-software-jd"]["jd"], nurse_cv).score < 10


# -- evidence from activities, paraphrase families, implied skills (sentences written for the tests)


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Counted the tills and banked the takings at close.", "Cash handling"),
        ("Refilled the shelves and chillers between deliveries.", "Stock replenishment"),
        ("Administered IV antibiotics on a surgical ward.", "Medication administration"),
        ("Kept the books for a small garage.", "Bookkeeping"),
        ("Never missed a shift in two years.", "Reliability"),
        ("Ran the pass on busy Saturdays.", "Working under pressure"),
        ("Plated 40 covers an hour.", "Working under pressure"),
        ("Rang suppliers to chase late orders.", "Telephone skills"),
        ("Drew up the staff rota every week.", "Scheduling"),
        ("Helped residents with bathing and getting dressed.", "Personal care"),
        ("Trained new starters on the tills.", "Mentoring"),
        ("Worked from architect's drawings on loft conversions.", "Reading technical drawings"),
        ("Chased overdue invoices by phone.", "Accounts receivable"),
        ("Entered orders into the system.", "Data entry"),
        ("Calibrated the pipettes every month.", "Laboratory equipment maintenance"),
    ],
)
def test_activities_show_skills(text: str, skill: str) -> None:
    assert skill in skills_in(text)


def test_a_role_name_implies_the_skills_it_is_made_of() -> None:
    result = match("You will need B2B prospecting experience.", "SDR at a software start-up, 2022 - 2024.")
    assert result.missing == ()
    assert {item["skill"] for item in result.matched} == {"B2B sales", "Lead generation"}
    assert all(item["cv_text"] == "SDR" for item in result.matched)


def test_a_gap_is_still_reported_when_the_cv_shows_something_else() -> None:
    result = match("Essential: cash handling and stock control.", "Counted the tills every night.")
    assert [item["skill"] for item in result.missing] == ["Inventory management"]


@pytest.mark.parametrize(
    ("text", "skill", "importance"),
    [
        ("Join our friendly team in Leeds.", "Interpersonal skills", "context"),
        ("We are a creative and supportive studio.", "Creativity", "context"),
        ("You are friendly and patient.", "Interpersonal skills", "required"),
        ("Be friendly to the team.", "Interpersonal skills", "required"),
        ("Harbour Payroll has served small firms since 1998.", "Payroll", "context"),
        ("Payroll is essential.", "Payroll", "required"),
        ("Working at height on towers (IPAF a plus).", "Working at height", "required"),
        ("Java (essential), Kotlin (a plus).", "Kotlin", "nice_to_have"),
        ("You will lead a team of 12 pickers and packers.", "Picking and packing", "context"),
        ("Book viewings and manage the negotiators' diaries.", "Negotiation", "context"),
    ],
)
def test_what_the_job_asks_for_and_what_only_describes_it(text: str, skill: str, importance: str) -> None:
    found = [mention.importance for mention in extract_skills(text) if mention.skill == skill]
    assert found and found[0] == importance, extract_skills(text)


def test_brackets_do_not_hide_what_they_follow() -> None:
    importance = {
        mention.text: mention.importance
        for mention in extract_skills("Python (3 years) and Docker (nice to have), SQL.")
    }
    assert importance == {"Python": "required", "Docker": "nice_to_have", "SQL": "required"}


def test_labels_that_hang_on_a_skipped_word_match_only_as_written() -> None:
    # The ESCO label "well testing operations" must not fire without "well".
    assert "well testing operations" not in skills_in("Carry out tests following standard operating procedures.")


def holdout2_pairs() -> list[dict[str, Any]]:
    text = (DATA / "match_holdout2.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.mark.parametrize(
    ("name", "size"), [("match_holdout2.jsonl", 20), ("match_holdout3.jsonl", 15), ("match_holdout4.jsonl", 15)]
)
def test_holdout_sets_are_labelled_with_skills_the_taxonomy_knows(name: str, size: int) -> None:
    text = (DATA / name).read_text(encoding="utf-8")
    pairs = [json.loads(line) for line in text.splitlines() if line.strip()]
    assert len(pairs) == size
    taxonomy = load_taxonomy()
    for pair in pairs:
        for field in ("required", "nice_to_have", "missing"):
            for label in pair[field]:
                assert taxonomy.skill_id(label) is not None, f"{pair['id']}: {label!r}"
        assert set(pair["missing"]) <= set(pair["required"]), pair["id"]


def test_holdout2_floors() -> None:
    # holdout2 was written to measure the alias and evidence work and then used to develop it:
    # measured 0.90 / 0.98 (required) and 0.63 / 0.92 (missing); before that work 0.80 / 0.73 and
    # 0.24 / 0.54. Floors catch regressions, they do not claim the figures generalise.
    scores = dev_scores(holdout2_pairs())
    required_precision, required_recall = scores["required"]
    missing_precision, missing_recall = scores["missing"]
    assert required_precision >= 0.85, scores
    assert required_recall >= 0.90, scores
    assert missing_precision >= 0.55, scores
    assert missing_recall >= 0.85, scores


# Job-description readings. Every text below starts with a title line, as a pasted advert does.


def importance_of(jd: str, skill: str) -> list[str]:
    return [mention.importance for mention in extract_skills(jd) if mention.skill == skill]


@pytest.mark.parametrize(
    ("jd", "skill", "expected"),
    [
        # asked of the reader, a wanted person, or under a person-specification heading
        ("Porter\nYou are friendly and punctual.", "Interpersonal skills", ["required"]),
        ("Porter\nWe need someone who is organised.", "Organisational skills", ["required"]),
        ("Porter\nAbout you:\n- Organised and patient", "Organisational skills", ["required"]),
        ("Porter\nEssential: accurate and punctual", "Attention to detail", ["required"]),
        # the same words about the employer, a team, a thing or in a duty list are not asked
        ("Porter\nOur customers find us friendly.", "Interpersonal skills", ["context"]),
        ("Porter\nLibby's Deli is friendly and relaxed.", "Interpersonal skills", ["context"]),
        ("Porter\nThe tasks:\n- Keep the stores organised", "Organisational skills", ["context"]),
        ("Porter\nYou will keep accurate delivery notes.", "Attention to detail", ["context"]),
        ("Porter\nYou will give every guest a friendly service.", "Interpersonal skills", ["context"]),
    ],
)
def test_a_soft_skill_adjective_counts_only_when_asked_of_the_candidate(
    jd: str, skill: str, expected: list[str]
) -> None:
    assert importance_of(jd, skill) == expected


def test_a_soft_skill_adjective_on_the_wanted_person_is_asked() -> None:
    jd = "Care Assistant\nWe are looking for a compassionate Care Assistant to join us."
    assert importance_of(jd, "Empathy") == ["required"]


def test_an_adverb_on_a_duty_still_asks_for_the_skill() -> None:
    assert importance_of("Clerk\n- File invoices accurately each day", "Attention to detail") == ["required"]


@pytest.mark.parametrize(
    ("jd", "skill"),
    [
        ("Buyer\nYou will present ranges to decision makers.", "Decision making"),
        ("Clerk\nYou will report to the Head of Operations.", "Operations management"),
        ("Clerk\nYou will book rooms for our sales and marketing staff.", "Sales"),
        ("Clerk\nYou will support the Payroll Manager with queries.", "Payroll"),
    ],
)
def test_people_and_posts_in_a_job_description_are_not_required_skills(jd: str, skill: str) -> None:
    assert set(importance_of(jd, skill)) <= {"context"}
    assert skill not in {item["skill"] for item in match(jd, "").required}


@pytest.mark.parametrize(
    ("jd", "skill"),
    [
        ("Clerk\nExperience as a Payroll Administrator is essential.", "Payroll"),
        ("Payroll Officer\nYou will run payroll for 400 staff.", "Payroll"),
        ("Developer\nYou will pair with our Python developers.", "Python"),
    ],
)
def test_a_post_that_names_the_trade_asked_for_keeps_it(jd: str, skill: str) -> None:
    assert "required" in importance_of(jd, skill)


def test_the_cv_side_still_counts_a_post_as_evidence() -> None:
    result = match("Clerk\nYou will run payroll weekly.", "Payroll Manager, Acme Ltd, 2020 - 2024")
    assert [item["skill"] for item in result.matched] == ["Payroll"]


@pytest.mark.parametrize(
    ("jd", "expected"),
    [
        ("Technician\nSet out apparatus for chemistry and physics lessons.", "context"),
        ("Technician\nA degree in chemistry or biology is essential.", "context"),
        ("Technician\nA working knowledge of chemistry is essential.", "required"),
    ],
)
def test_school_and_degree_subjects_are_not_skills_unless_asked_as_knowledge(jd: str, expected: str) -> None:
    assert importance_of(jd, "chemistry") == [expected]


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Keep the prep room tidy.", "Food preparation"),
        ("Reconcile the card takings each week.", "Cash handling"),
        ("Order materials from approved suppliers.", "Office management"),
        ("Order materials from approved suppliers.", "Accounts payable"),
        ("Check the delivery descriptions.", "Copywriting"),
        ("Store the drawings in the cabinet.", "Reading technical drawings"),
    ],
)
def test_over_general_aliases_no_longer_fire(text: str, skill: str) -> None:
    assert skill not in skills_in(text)


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Prep vegetables and sauces for service.", "Food preparation"),
        ("Cashed up the tills and banked the takings.", "Cash handling"),
        ("Ordered office supplies and stationery.", "Office management"),
        ("Wrote product descriptions for the website.", "Copywriting"),
        ("Worked from architects' drawings on site.", "Reading technical drawings"),
    ],
)
def test_the_narrowed_aliases_still_find_the_skill(text: str, skill: str) -> None:
    assert skill in skills_in(text)
