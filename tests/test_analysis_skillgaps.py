"""Skill gaps in the job's own words (nextround.analysis.skillgaps): requirements, evidence, exact checks."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from nextround.analysis.skillgaps import MatchResult, match, match_batch, rank_gaps, requirements
from nextround.analysis.skillgaps.credentials import levelled, licence_categories, licence_met
from nextround.analysis.skillgaps.exact import career_years, named_tokens

PAIRS = Path(__file__).parent / "data" / "skill_pairs"
GOLDEN_IDS = (
    "pastry-chef",
    "hgv-class1",
    "bus-driver-trainee",
    "payroll-manager",
    "residential-care",
    "social-media-manager",
    "data-analyst",
    "management-accountant",
    "nursery-practitioner",
    "security-officer",
)

PASTRY_JD = """Pastry Chef
Crumb & Co. is an independent bakery café. Baking is at the heart of everything we do.
What we're looking for:
- 3+ years of laminated dough and viennoiserie
- Confident with plated desserts and cake decoration
- Level 2 Food Hygiene
- You'll work 4am starts, five days a week
We offer: free coffee, staff discount, paid breaks.
How to apply: send your CV to jobs@crumb.example.
"""
PASTRY_CV = """Lucy Hart
Pastry Commis, Maison Blanc, 2020 - 2024
Made croissants, pain au chocolat and Danish pastries every morning, folding butter into the dough by hand.
Plated desserts for the restaurant's evening service and decorated celebration cakes.
Food Safety Level 2.
"""


US_JD = """Job Title: Logistics Coordinator
Company Overview:
FreightPath Inc. is a leading third-party logistics provider serving retailers nationwide.
Job Summary:
We are seeking a detail-oriented Logistics Coordinator to manage shipments and carrier relationships.
Key Responsibilities:
- Schedule inbound and outbound shipments with carriers
- Track deliveries using our transportation management system (TMS)
- Prepare bills of lading and customs documentation
- Analyze freight costs and identify savings
Qualifications:
- Bachelor's degree in Supply Chain Management or related field
- 3+ years of experience in logistics coordination
- Proficiency in SAP and Microsoft Excel
- Knowledge of Incoterms
- Strong communication and negotiation skills
Preferred Qualifications:
- APICS CSCP certification
Benefits:
- Competitive salary and 401(k) matching
- Health, dental and vision insurance
"""
US_MATCHED = """Jordan Lee
Logistics Coordinator | Summary: Logistics professional with 5 years of experience coordinating freight.
Experience
Logistics Coordinator, BlueLine Distribution (2019 - 2024)
- Scheduled inbound and outbound shipments with LTL and FTL carriers
- Tracked deliveries in the TMS and resolved exceptions
- Prepared bills of lading, commercial invoices and customs paperwork
- Analyzed freight spend in Excel and negotiated rates, saving 12%
- Managed purchase orders in SAP
Education
B.S. Supply Chain Management, State University
Skills: SAP, Microsoft Excel, Incoterms, communication, negotiation
"""
US_FILTERED = """Jordan Lee
Logistics Coordinator | Summary: Logistics professional with 5 years of experience coordinating freight.
Experience
Logistics Coordinator, BlueLine Distribution (2019 - 2024)
- Scheduled inbound and outbound shipments with LTL and FTL carriers
- Tracked deliveries in the TMS and resolved exceptions
- Analyzed freight spend in Excel and negotiated rates, saving 12%
Education
B.S. Supply Chain Management, State University
Skills: Microsoft Excel, communication, negotiation
"""


def load(name: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (PAIRS / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def gap_texts(result: MatchResult) -> list[str]:
    return [str(item["text"]) for item in result.missing]


# -- the pastry chef of the issue --------------------------------------------------------------------


def test_pastry_chef_requirements_are_the_jobs_own_words() -> None:
    asked = {item.text: item for item in requirements(PASTRY_JD)}
    assert {"laminated dough", "viennoiserie", "plated desserts", "cake decoration", "Level 2 Food Hygiene"} == set(
        asked
    )
    assert asked["laminated dough"].years == 3
    assert all(item.importance == "required" for item in asked.values())


def test_pastry_chef_blurb_conditions_and_benefits_ask_for_nothing() -> None:
    texts = " | ".join(item.text.lower() for item in requirements(PASTRY_JD))
    for never in ("baking", "4am", "start", "coffee", "discount", "apply", "bakery"):
        assert never not in texts


def test_pastry_chef_cv_in_other_words_has_no_gaps_and_no_painting() -> None:
    result = match(PASTRY_JD, PASTRY_CV).to_dict()
    assert result["missing"] == []
    names = json.dumps(result)
    assert "Painting and decorating" not in names
    assert "Shift work" not in names
    assert result["score"] >= 90


def test_a_food_safety_hazard_plan_shows_haccp() -> None:
    jd = "Chef\nEssential:\n- HACCP"
    assert match(jd, "Ran the kitchen's food-safety hazard plan.").missing == ()
    assert gap_texts(match(jd, "Cooked breakfasts for 80 covers.")) == ["HACCP"]


def test_pastry_chef_without_the_pastry_reports_the_jobs_words() -> None:
    cv = "Kitchen porter, The Bell, 2022 - 2024\nWashed pots and kept the kitchen clean.\nFood Safety Level 2."
    result = match(PASTRY_JD, cv)
    gaps = gap_texts(result)
    assert "laminated dough" in gaps and "viennoiserie" in gaps
    first = result.missing[0]
    assert {"skill", "text", "sentence", "closest_cv_text", "confidence", "reason"} <= set(first)
    assert 0.0 < float(first["confidence"]) <= 1.0  # type: ignore[arg-type]


# -- reading a job description ------------------------------------------------------------------------


def test_must_have_and_nice_to_have_are_told_apart() -> None:
    jd = (
        "Data Analyst\nRequirements:\n- Strong SQL\n- Dashboards in Power BI\n"
        "Desirable:\n- Experience of fundraising data\nPython would be an advantage."
    )
    importance = {item.text: item.importance for item in requirements(jd)}
    assert importance["SQL"] == "required"
    assert importance["Dashboards in Power BI"] == "required"
    assert importance["fundraising data"] == "nice_to_have"
    assert importance["Python"] == "nice_to_have"


def test_company_blurb_and_join_our_team_are_not_requirements() -> None:
    jd = (
        "Registered Nurse\nWe are looking for a compassionate nurse to join our 28-bed ward.\n"
        "Riverside Trust is an award-winning employer serving half a million people.\nEssential:\n- NMC registration"
    )
    assert [item.text for item in requirements(jd)] == ["NMC registration"]


def test_alternatives_and_lists() -> None:
    asked = {item.text: item for item in requirements("Dev\nEssential:\n- Django or FastAPI\n- Docker and Kubernetes")}
    assert asked["Django or FastAPI"].alternatives == ("Django", "FastAPI")
    assert "Docker" in asked and "Kubernetes" in asked
    jd = "Nurse\nEssential:\n- Clear communication with patients, families and staff"
    kept = [item.text for item in requirements(jd)]
    assert kept == ["Clear communication with patients, families and staff"]


def test_brackets_and_shared_head_nouns() -> None:
    jd = "Nurse\nEssential:\n- Running nurse clinics (weight, dental, puppy)\n- Counterbalance and reach truck licences"
    assert [item.text for item in requirements(jd)] == [
        "Running nurse clinics (weight, dental, puppy)",
        "Counterbalance licences",
        "reach truck licences",
    ]
    assert [item.text for item in requirements("Clerk\nEssential:\n- SAP and Microsoft Excel")] == [
        "SAP",
        "Microsoft Excel",
    ]


def test_an_aptitude_to_learn_is_not_a_gap() -> None:
    (item,) = requirements("Conductor\nYou must have:\n- Ability to learn safety-critical rules")
    assert item.quality


def test_personal_qualities_are_listed_never_gaps() -> None:
    jd = "Carer\nYou will need:\n- Patience and kindness\n- Personal care"
    result = match(jd, "Helped residents wash and dress.")
    assert "Patience" in result.qualities and "kindness" in result.qualities
    assert gap_texts(result) == []


def test_one_line_job_is_read() -> None:
    assert [item.text for item in requirements("SQL required")] == ["SQL"]


# -- exact checks ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Class 1 HGV licence", {"C+E"}),
        ("Category C licence (Class 2)", {"C"}),
        ("Full C+E licence", {"C+E"}),
        ("PCV licence", {"D"}),
        ("Licences: Category D (PCV), Driver CPC", {"D"}),
        ("Category C1 licence", {"C1"}),
        ("CEFR C1 English", set()),
    ],
)
def test_licence_categories_are_read(text: str, codes: set[str]) -> None:
    assert licence_categories(text) == codes


def test_licence_categories_cover_what_the_law_allows() -> None:
    assert licence_met({"C"}, {"C+E"})
    assert not licence_met({"C+E"}, {"C"})
    assert not licence_met({"D"}, {"C+E"})
    assert licence_met({"D"}, {"D"})


@pytest.mark.parametrize(
    ("asked", "cv", "gap"),
    [
        ("Class 1 Driver\nEssential:\n- C+E licence", "HGV driver. Category C licence.", True),
        ("Class 2 Driver\nEssential:\n- Category C licence", "Class 1 (C+E) licence held.", False),
        ("Bus Driver\nEssential:\n- PCV Category D licence", "Category C licence, Driver CPC.", True),
        ("Bus Driver\nEssential:\n- PCV Category D licence", "Licences: Category D (PCV).", False),
    ],
)
def test_licence_category_decides_the_gap(asked: str, cv: str, gap: bool) -> None:
    result = match(asked, cv)
    assert bool(result.missing) is gap, result.to_dict()
    if gap:
        assert "Category" in str(result.missing[0]["reason"])


@pytest.mark.parametrize(
    ("asked", "cv", "gap"),
    [
        ("HR Advisor\nEssential:\n- CIPD Level 5 qualification", "CIPD Level 3 Foundation Certificate.", True),
        ("HR Advisor\nEssential:\n- CIPD Level 5 qualification", "CIPD Level 7 Advanced Diploma.", False),
        ("Chef\nEssential:\n- Level 3 Food Safety", "Level 2 Food Safety and Hygiene.", True),
        ("Chef\nEssential:\n- Level 2 Food Hygiene", "Food Safety Level 2.", False),
        ("Carer\nEssential:\n- NVQ Level 3 in Health and Social Care", "NVQ Level 2 Health and Social Care.", True),
    ],
)
def test_qualification_levels_are_exact(asked: str, cv: str, gap: bool) -> None:
    result = match(asked, cv)
    assert bool(result.missing) is gap, result.to_dict()


def test_levels_are_read_with_their_subject() -> None:
    (found,) = levelled("CIPD Level 5 qualification")
    assert found.level == 5 and "CIPD" in found.subject


@pytest.mark.parametrize(
    ("asked", "cv", "gap"),
    [
        ("Marketing\nEssential:\n- HubSpot", "Built email journeys in Salesforce Marketing Cloud.", True),
        ("Marketing\nEssential:\n- HubSpot", "Built email journeys in HubSpot.", False),
        ("Payroll\nEssential:\n- Experience with Xero", "Keyed invoices into Sage 200.", True),
        ("Nurse\nEssential:\n- GDC registration", "Registered with the General Dental Council.", False),
        ("Pharmacist\nEssential:\n- GPhC registration", "Registered with the General Pharmaceutical Council.", False),
        ("Designer\nEssential:\n- Adobe Illustrator", "Drew labels in Illustrator.", False),
        ("ERP\nEssential:\n- SAP", "Used Oracle for purchasing.", True),
        ("School\nEssential:\n- Keeping the single central record", "Kept the SCR up to date.", False),
        ("Housing\nEssential:\n- Knowledge of the Housing Act 1988", "Managed 400 tenancies and arrears.", True),
        ("Social work\nEssential:\n- Mental Capacity Act", "Completed mental capacity assessments.", False),
        ("Door team\nEssential:\n- SIA Door Supervisor licence", "SIA Security Guarding licence.", True),
        ("Door team\nEssential:\n- SIA Door Supervisor licence", "SIA licence: Door Supervisor (2022).", False),
        ("HGV\nEssential:\n- Digital tachograph card", "Digi tacho card held.", False),
        ("Recruiter\nEssential:\n- An ATS such as Workday", "Tracked applicants in an ATS.", False),
    ],
)
def test_named_products_and_registers_must_be_named(asked: str, cv: str, gap: bool) -> None:
    result = match(asked, cv)
    assert bool(result.missing) is gap, result.to_dict()


@pytest.mark.parametrize(
    ("asked", "cv", "gap"),
    [
        # a term of art is also read in plain words (data/skill_glossary.toml)
        ("Finance\nEssential:\n- Variance analysis", "Explained differences between budget and actuals.", False),
        ("Midwife\nEssential:\n- CTG interpretation", "Read fetal heart rate monitoring traces in labour.", False),
        ("Payroll\nEssential:\n- SSP and SMP", "Calculated statutory sick pay and statutory maternity pay.", False),
        # ... but only when the CV says that meaning, and never for a product or an unrelated term
        ("Finance\nEssential:\n- Variance analysis", "Processed supplier invoices.", True),
        ("Midwife\nEssential:\n- CTG interpretation", "Stitched perineal tears after birth.", True),
        ("Sales\nEssential:\n- HubSpot", "Kept customer records in our CRM.", True),
        ("IT\nRequirements:\n- MS Office", "Supported staff with Word, Excel and Outlook.", False),
    ],
)
def test_terms_of_art_are_read_in_plain_words(asked: str, cv: str, gap: bool) -> None:
    result = match(asked, cv)
    assert bool(result.missing) is gap, result.to_dict()


def test_a_range_of_years_asks_its_lower_end() -> None:
    asked = requirements("Payroll\nKey skills:\n- 3-5 years of end-to-end payroll processing")
    assert [(item.text, item.years) for item in asked] == [("end-to-end payroll processing", 3.0)]


def test_indian_headings_and_degrees() -> None:
    jd = "Executive\nDesired Candidate Profile:\n- Graduate in any discipline\n- Tally ERP"
    asked = [item for item in requirements(jd) if item.importance == "required"]
    assert [item.text for item in asked] == ["Graduate in any discipline", "Tally ERP"]
    assert not match(jd, "B.Com, Madras University, 2018. Kept the books in Tally ERP.").missing
    assert [gap["text"] for gap in match(jd, "Kept the books in Tally ERP.").to_dict()["missing"]] == [
        "Graduate in any discipline"
    ]


def test_named_tokens() -> None:
    assert named_tokens("HubSpot") == [("HubSpot",)]
    assert named_tokens("ACS qualifications: CCN1") == [("ACS",), ("CCN1",)]
    assert named_tokens("Managing kitchen staff rotas") == []
    assert named_tokens("Driving sales and KPIs") == []


def test_years_of_experience_are_checked_against_dated_roles() -> None:
    jd = "Payroll Manager\nEssential:\n- 5 years' payroll experience"
    short = match(jd, "Payroll Officer, Acme, 2021 - 2024\nRan monthly payroll for 300 staff.")
    long = match(jd, "Payroll Officer, Acme, 2015 - 2024\nRan monthly payroll for 300 staff.")
    assert gap_texts(short) == ["payroll"]
    assert "5 years asked" in str(short.missing[0]["reason"])
    assert long.missing == ()
    assert long.years == ({"skill": "Payroll", "asked": 5, "shown": 9},)
    assert career_years("A, 2010 - 2012\nB, 2011 - 2015\n") == 5


@pytest.mark.parametrize(
    ("asked", "cv", "gap"),
    [
        ("Engineer\nEssential:\n- A degree in civil engineering", "BEng Civil Engineering, 2020.", False),
        ("Engineer\nEssential:\n- A degree in civil engineering", "HNC Civil Engineering.", True),
        ("Engineer\nEssential:\n- Degree or HNC in Civil Engineering", "HNC Civil Engineering.", False),
        ("Analyst\nEssential:\n- Master's degree in statistics", "B.S. Mathematics, State University.", True),
    ],
)
def test_degree_levels(asked: str, cv: str, gap: bool) -> None:
    assert bool(match(asked, cv).missing) is gap


def test_a_resume_with_skills_taken_out_scores_lower_and_shows_them_missing() -> None:
    full, filtered = match(US_JD, US_MATCHED), match(US_JD, US_FILTERED)
    assert full.score > filtered.score
    assert full.missing == ()
    assert set(gap_texts(filtered)) == {"SAP", "Incoterms"}
    # a duty of "Key Responsibilities" the CV does not show is listed as not asked, not reported as a gap
    unasked = [item["text"] for item in filtered.unclear if item["why"] == "not asked"]
    assert unasked == ["Prepare bills of lading and customs documentation"]
    asked = [item["text"] for item in full.required]
    assert not any("seeking" in text or "401(k)" in text or "insurance" in text for text in asked)


# -- shapes, edge cases, gaps across jobs ----------------------------------------------------------


def test_match_json_shape_stays_compatible() -> None:
    result: dict[str, Any] = match("Essential:\n- 3 years of Python\n- SQL\nDocker is a bonus.", "SQL daily.").to_dict()
    assert {"score", "required", "matched", "missing", "nice_to_have", "years", "explanation"} <= set(result)
    assert isinstance(result["score"], int) and 0 <= result["score"] <= 100
    assert all({"skill", "text"} <= set(item) for item in result["required"])
    assert all({"skill", "jd_text", "cv_text", "confidence"} <= set(item) for item in result["matched"])
    assert all({"skill", "text", "closest_cv_text", "confidence"} <= set(item) for item in result["missing"])
    assert all({"skill", "text", "matched"} <= set(item) for item in result["nice_to_have"])
    json.dumps(result)


@pytest.mark.parametrize(("jd", "cv"), [("", ""), ("   \n", "Python"), ("Essential: Python and SQL", "")])
def test_empty_inputs(jd: str, cv: str) -> None:
    result = match(jd, cv)
    assert 0 <= result.score <= 100
    assert result.explanation
    if not jd.strip():
        assert result.score == 0 and result.required == ()
    if not cv.strip() and jd.strip():
        assert set(gap_texts(result)) == {"Python", "SQL"}


def test_deterministic_and_batch() -> None:
    pair = {"jd": PASTRY_JD, "cv": PASTRY_CV}
    first, second = match_batch([pair, pair])
    assert first == second == match(PASTRY_JD, PASTRY_CV)
    assert match_batch([{"cv": "Python"}])[0].score == 0


def test_rank_gaps_weighs_jobs_by_stage_and_confidence() -> None:
    rejections = [
        ("Platform\nRequirements:\n- Kubernetes\n- Python", 3.0),
        ("Infra\nRequirements:\n- Kubernetes\n- Terraform\n- Python", 1.0),
        ("Ops\nEssential: Terraform. Nice to have: Go and Docker.", 1.0),
    ]
    gaps = rank_gaps(rejections, ["Python developer", "Also used Docker."])
    assert [gap["skill"] for gap in gaps] == ["Kubernetes", "Terraform"]
    assert gaps[0]["jobs"] == 2 and gaps[0]["weight"] == 4.0
    assert 0 < float(gaps[0]["confidence"]) <= 1  # type: ignore[arg-type]
    assert gaps[0]["score"] == round(4.0 * float(gaps[0]["confidence"]), 2)  # type: ignore[arg-type]
    assert rank_gaps([], []) == []


def test_a_working_condition_is_never_a_gap() -> None:
    gaps = rank_gaps([(PASTRY_JD, 4.0)], ["Kitchen porter. Food Safety Level 2."])
    assert "4am starts" not in {str(gap["text"]) for gap in gaps}
    assert "Shift work" not in {str(gap["skill"]) for gap in gaps}


# -- corpus and golden outputs ------------------------------------------------------------------------


def test_corpus_splits_are_labelled_in_the_jobs_words() -> None:
    dev, frozen = load("dev.jsonl"), load("frozen_test.jsonl")
    assert len(dev) >= 30 and len(frozen) >= 15
    assert not {pair["id"] for pair in dev} & {pair["id"] for pair in frozen}
    assert len({pair["occupation"] for pair in dev + frozen}) >= 20
    for pair in dev + frozen:
        assert set(pair["missing"]) <= set(pair["required"]), pair["id"]


def test_rjdb_format_sample_matched_above_filtered_and_few_false_gaps() -> None:
    rows = load("rjdb_format_sample.jsonl")
    false_gaps = skills = 0
    for row in rows:
        full = match(row["Job-Description"], row["Resume-matched"])
        filtered = match(row["Job-Description"], row["Resume-unmatched"])
        assert full.score > filtered.score, row["Job-Description"][:40]
        false_gaps += len(full.missing)
        skills += len(row["Skills"])
    assert false_gaps / skills <= 0.15


@pytest.mark.parametrize("pair_id", GOLDEN_IDS)
def test_golden_match_outputs(pair_id: str, golden: Callable[[str, Any], None]) -> None:
    pair = {item["id"]: item for item in load("dev.jsonl")}[pair_id]
    golden(f"match/{pair_id}", match(pair["jd"], pair["cv"], reference_year=2026).to_dict())
