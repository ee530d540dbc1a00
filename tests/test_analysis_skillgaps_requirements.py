"""Skill gaps: reading what a job description asks (session 7): wishes in many Englishes, asks inside prose,
condition words that are part of a skill, and the bullets and fields of other ads."""

from __future__ import annotations

import pytest

from nextround.analysis.skillgaps import requirements
from nextround.analysis.skillgaps.conditions import is_condition
from nextround.analysis.skillgaps.wishes import wish_heading


def _asked(jd: str) -> dict[str, str]:
    """Each phrase read from `jd`, with its importance."""
    return {item.text: item.importance for item in requirements(jd) if not item.quality}


@pytest.mark.parametrize(
    "heading",
    ["Assets", "Advantage", "Recommendation", "Would be good", "It is a merit if you have",
     "Preference may be given to applicants with:", "It would be good if you have:", "Even better if"],
)  # fmt: skip
def test_a_heading_over_wishes_is_read_by_what_it_means(heading: str) -> None:
    jd = f"Harvester operator\n\nRequirements\n- Motorsågskörkort B\n\n{heading}\n- Forwarder experience\n"
    assert wish_heading(heading)
    assert _asked(jd) == {"Motorsågskörkort B": "required", "Forwarder": "nice_to_have"}


@pytest.mark.parametrize("heading", ["The ideal candidate", "Ideal profile", "What you'll bring", "Requirements"])
def test_a_heading_that_names_who_is_wanted_still_asks(heading: str) -> None:
    assert not wish_heading(heading)
    assert _asked(f"Title\n\n{heading}\n- HACCP Level 2\n") == {"HACCP Level 2": "required"}


def test_a_wish_inside_a_requirement_is_a_nice_to_have_of_its_own() -> None:
    asked = _asked(
        "Activities coordinator\n\nRequirements\n- Full driver licence (a P endorsement would be great)\n"
        "- At least 2 years hospital experience, ICU/ER preferred\n"
        "- Diploma in Business or a related field (a degree is an added advantage)\n"
    )
    assert asked["Full driver licence"] == "required"
    assert asked["P endorsement"] == "nice_to_have"
    assert asked["hospital"] == "required"
    assert asked["ICU/ER"] == "nice_to_have"
    assert asked["degree"] == "nice_to_have"
    assert "Diploma in Business or a related field" in asked


@pytest.mark.parametrize(
    "line",
    ["Computer literacy (MS Office)", "Minimum 1,500 hours total time", "Diploma in Tourism / Travel or equivalent",
     "16-hour outdoor first aid", "Procurement of office supplies"],
)  # fmt: skip
def test_a_condition_word_inside_a_skill_does_not_make_it_a_working_condition(line: str) -> None:
    assert not is_condition(line)
    assert requirements(f"Records officer\n\nRequirements\n- {line}\n")


@pytest.mark.parametrize(
    "line",
    ["Early starts (5:30 am) and a weekend rota", "Able to work 40 hours a week", "Office based, Monday to Friday"],
)
def test_working_conditions_still_ask_nothing(line: str) -> None:
    assert is_condition(line)


def test_a_requirement_that_shares_a_word_with_a_company_blurb_is_still_asked() -> None:
    assert _asked("Cafe supervisor\n\nRequirements\n- Serving It Right certificate\n") == {
        "Serving It Right certificate": "required"
    }


def test_other_bullets_and_fields_of_job_boards_are_read() -> None:
    asked = _asked(
        "Traffic controller\n\n» White Card (general construction induction)\n» Min 6 months stop/slow experience\n\n"
        "Requirements\n(ii) A Bachelor's degree in Procurement\n"
        "Education: Bachelor's degree in Public Health\nQualification : ITI / Diploma in Printing Technology\n"
    )
    assert "White Card (general construction induction)" in asked
    assert "stop/slow" in asked
    assert "Bachelor's degree in Procurement" in asked
    assert "Bachelor's degree in Public Health" in asked
    assert "ITI / Diploma in Printing Technology" in asked


def test_asks_inside_prose_borrow_the_verb_and_the_wish_of_the_one_before() -> None:
    asked = _asked(
        "Registration Officer\n\nAs a Registration Officer you'll register births and deaths at the office and "
        "at approved venues. You'll travel to venues across the district, so a full driving licence is required. "
        "Previous registration experience is desirable but not essential, as is a second language. "
        "A CWB welding ticket is a plus, and so is experience with predictive maintenance."
    )
    assert asked == {
        "full driving licence": "required",
        "registration": "nice_to_have",
        "second language": "nice_to_have",
        "CWB welding ticket": "nice_to_have",
        "predictive maintenance": "nice_to_have",
    }


@pytest.mark.parametrize(
    ("sentence", "asks"),
    [
        ("We need an engineer who can both service and commission.", ["service and commission"]),
        ("In Ontario that means you hold a Certificate of Qualification as a Millwright (433A).",
         ["Certificate of Qualification as a Millwright (433A)"]),
        ("So we need someone with a high level of accuracy.", ["high level of accuracy"]),
        ("We are looking for a chef with experience of Kerala cuisine.", ["Kerala cuisine"]),
        ("Small, friendly 5-star dive centre looking for an instructor for the winter season.", []),
        ("Applicants must submit a cover letter and resume and complete the online questionnaire.", []),
        ("Only short-listed candidates will be contacted.", []),
    ],
)  # fmt: skip
def test_prose_sentences_keep_the_ask_and_drop_who_is_wanted_and_how_to_apply(sentence: str, asks: list[str]) -> None:
    jd = f"Title\n\nWe are a family firm of twelve working on listed houses across the county.\n{sentence}\n"
    assert list(_asked(jd)) == asks


@pytest.mark.parametrize(
    ("heading", "section"),
    [("What you'll be doing", "duties"), ("Principal duties", "duties"), ("Key accountabilities", "duties"),
     ("Your week", "duties"), ("Candidate requirements", "required"), ("Qualification and experience", "required"),
     ("For appointment to this grade, a candidate must have:", "required")],
)  # fmt: skip
def test_a_heading_we_have_not_listed_is_read_by_its_words(heading: str, section: str) -> None:
    jd = f"Officer\n\nWe are a public body serving the whole county and its people.\n\n{heading}\n- Sage 200 payroll\n"
    assert [(item.text, item.section) for item in requirements(jd)] == [("Sage 200 payroll", section)]


def test_a_short_ask_with_a_heading_word_is_not_a_heading() -> None:
    jd = (
        "Printer\n\nRequirements\n- 3 years on 4 colour offset\nCarton printing experience preferred\n"
        "Salary as per experience. Accommodation for outstation candidates."
    )
    assert _asked(jd) == {"4 colour offset": "required", "Carton printing": "nice_to_have"}


def test_a_prose_list_of_asks_is_cut_at_each_lead_in_with_its_own_years() -> None:
    jd = (
        "Vet\n\nWe are a farmer-owned practice with 14 vets across three towns in Southland.\n"
        "We're looking for a vet with at least two years' post-graduate dairy experience to join our team. "
        "You'll need to be registered with the Veterinary Council, confident with herd fertility work, and "
        "comfortable with lameness, calvings and caesareans on farm. "
        "The person we hire should have at least four years of merchandising and must understand knit costing "
        "well enough to prepare cost sheets. You should have a grooming certificate and at least a year of salon "
        "experience. Must have at least 2 years fitting tyres, be able to do wheel balancing, and hold a full UK "
        "licence."
    )
    asked = [(item.text, item.years) for item in requirements(jd)]
    assert asked == [
        ("post-graduate dairy", 2.0),
        ("registered with the Veterinary Council", None),
        ("herd fertility work", None),
        ("lameness, calvings and caesareans on farm", None),
        ("merchandising", 4.0),
        ("knit costing", None),
        ("grooming certificate", None),
        ("salon", 1.0),
        ("fitting tyres", 2.0),
        ("do wheel balancing", None),
        ("full UK licence", None),
    ]
