"""Tests for skill extraction with the taxonomy (nextround.analysis.skills); matching is in test_analysis_skillgaps."""

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

from nextround.analysis.skills import SkillMention, extract_skills, load_taxonomy

DATA = Path(__file__).parent / "data"
REPO = Path(__file__).resolve().parents[1]
PACKAGE_DATA = REPO / "src" / "nextround" / "data"
SHARED_DATA = REPO.parent / "shared" / "data"


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


# -- years, sections ------------------------------------------------------------------------------


def test_years_asked_and_shown() -> None:
    assert mention_of("3+ years of Python and SQL.", "Python").years == 3
    assert mention_of("3+ years of Python and SQL.", "SQL").years == 3
    assert mention_of("At least 5 years' experience in nursing.", "Nursing").years == 5
    assert mention_of("Skills: Python (2 years), Docker.", "Python").years == 2
    assert mention_of("Skills: Python (2 years), Docker.", "Docker").years is None
    assert mention_of("six months' barista experience", "Barista").years == 0.5


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


def test_colleagues_and_employer_blurb_are_not_requirements() -> None:
    jd = "We sell payroll software to nurseries. Reporting to the Team Leader, you will handle cash."
    importance = {mention.skill: mention.importance for mention in extract_skills(jd)}
    assert importance.get("Team leadership") == "context"
    assert importance.get("Payroll") == "context"
    assert importance["Cash handling"] == "required"


# -- shapes and edge cases ------------------------------------------------------------------------


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


def test_empty_input() -> None:
    assert extract_skills("") == []
    assert extract_skills("   \n") == []


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
