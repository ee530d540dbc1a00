"""Skill gaps: wording met in session 5 (examples after "such as", prose lists of asks, soft skills,
names written with dots or digits, products of a kind of system, licence classes and codes, work done
to a named standard)."""

from __future__ import annotations

from nextround.analysis.skillgaps import match, requirements
from nextround.analysis.skillgaps.credentials import numbered_licence_met, numbered_licences
from nextround.analysis.skillgaps.exact import NamedIndex, named_tokens


def _gaps(jd: str, cv: str) -> list[str]:
    return [str(gap["text"]) for gap in match(jd, cv, reference_year=2026).to_dict()["missing"]]  # type: ignore[attr-defined]


def _asks(jd: str) -> list[tuple[str, str, bool, float | None]]:
    # conditions of eligibility ("Willing to work on shifting schedule") are listed apart since session 11: not asks
    return [(item.text, item.importance, item.quality, item.years) for item in requirements(jd) if not item.condition]


def test_examples_after_such_as_are_ways_to_show_one_ask_not_asks_of_their_own() -> None:
    jd = "Coastal Ranger\nRequirements:\n- Experience of dune restoration, such as sand fencing and marram planting"
    (item,) = requirements(jd)
    assert item.text == "dune restoration" and item.examples
    assert "marram planting" in item.alternatives


def test_a_wish_is_nice_to_have() -> None:
    jd = "Groomer\nAbout you\n- Level 3 dog grooming\nWe'd love it if you have an interest in cat grooming."
    assert _asks(jd)[-1] == ("cat grooming", "nice_to_have", False, None)


def test_a_prose_sentence_of_several_asks_is_cut_into_them_with_their_own_years() -> None:
    jd = (
        "Physiotherapist\nQualifications: Applicants must be BSc graduates with a valid practising licence and at"
        " least three (3) years of outpatient experience, preferably in sports injuries."
    )
    assert [(text, years) for text, _, _, years in _asks(jd)] == [
        ("BSc graduates", None),
        ("practising licence", None),
        ("outpatient", 3.0),
    ]
    jd = (
        "Agent\nEligibility: Candidates should have fluent spoken Tagalog, minimum 6 months of experience in a"
        " collections process, and a typing speed of 35 wpm."
    )
    assert [(text, years) for text, _, _, years in _asks(jd)] == [
        ("fluent spoken Tagalog", None),
        ("collections process", 0.5),
        ("typing speed of 35 wpm", None),
    ]


def test_soft_skills_are_qualities_never_gaps() -> None:
    jd = "Analyst\nRequirements\n- Strong analytical and written communication skills\n- Experience of SQL"
    assert [quality for _, _, quality, _ in _asks(jd)] == [True, True, False]
    assert _gaps(jd, "Wrote SQL reports, 2020 - 2024") == []


def test_names_are_compared_without_dots_and_digits_read_as_words() -> None:
    index = NamedIndex.of("Passed every BRCGS audit.\nDrove a four wheel drive ute on station tracks.")
    assert index.names("B.R.C.G.S.") and index.names("4WD")
    assert not index.names("6WD")
    # two letters spelled out are met by chance: "Translate service" does not name TS
    assert not NamedIndex.of("Translate service agreements").names("TS")
    assert NamedIndex.of("Follow good laboratory practice").names("GLP")


def test_an_everyday_word_before_a_kind_of_system_is_a_product() -> None:
    assert [forms[0] for forms in named_tokens("Mews PMS")] == ["Mews"]
    jd = "Receptionist\nRequirements:\n- Proficient in Mews PMS\n- Front office experience"
    assert _gaps(jd, "Front office agent, 2021 - 2025. System: Cloudbeds PMS.") == ["Mews PMS"]
    assert _gaps(jd, "Front office agent, 2021 - 2025. System: Mews.") == []


def test_a_status_word_does_not_say_which_licence() -> None:
    jd = "Nurse\nEssential:\n- An active NMC registration\n- Acute ward experience"
    assert _gaps(jd, "Staff Nurse, acute medical ward, 2020 - 2025. NMC registered, PIN 12A3456E.") == []


def test_licence_classes_count_down_and_codes_count_up() -> None:
    assert numbered_licences("Driver's licence: Class 5\nClass 3 student") == {("class", 5)}
    assert numbered_licence_met(("class", 3), {("class", 1)}) is True
    assert numbered_licence_met(("class", 3), {("class", 5)}) is False
    assert numbered_licence_met(("code", 10), {("code", 14)}) is True
    assert numbered_licence_met(("code", 10), {("code", 8)}) is False
    assert numbered_licence_met(("code", 10), {("class", 1)}) is None
    jd = "Driver\nMust have:\n- Code 14 driver's licence\n- Long-distance haulage"
    assert _gaps(jd, "Long-distance haulage driver, 2018 - 2025\nDriver's licence: Code 10") == [
        "Code 14 driver's licence"
    ]
    assert _gaps(jd, "Long-distance haulage driver, 2018 - 2025\nDriver's licence: Code 14") == []


def test_work_done_to_a_named_standard_is_shown_by_the_work() -> None:
    jd = "Scaffolder\nEssential:\n- Scaffold inspection to TG20\n- CISRS card"
    gaps = _gaps(jd, "Scaffolder, 2019 - 2025\nInspected scaffolds every week and signed the inspection register.")
    assert gaps == ["CISRS card"]
    # the standard still decides when the work is not there
    assert "Scaffold inspection to TG20" in _gaps(jd, "Painter and decorator, 2019 - 2025\nCISRS card")


def test_a_camelcase_product_is_not_spelled_out_by_two_words_with_its_capitals() -> None:
    index = NamedIndex.of("Ohio Property and Casualty licence.\nRegistered with the General Pharmaceutical Council")
    assert not index.names("PolicyCenter")
    assert index.names("GPhC")


def test_an_age_group_is_not_a_name() -> None:
    assert named_tokens("Storytime sessions for under-5s") == []


def test_a_level_in_brackets_says_which_qualification() -> None:
    jd = "Carpenter\nMust have:\n- NZ Certificate in Carpentry (Level 4)\n- Formwork"
    assert _gaps(jd, "Carpenter, 2018 - 2025. Formwork.\nNZ Certificate in Carpentry Level 3 (2018)") == [
        "NZ Certificate in Carpentry (Level 4)"
    ]
    assert _gaps(jd, "Carpenter, 2018 - 2025. Formwork.\nNZ Certificate in Carpentry Level 4 (2018)") == []


def test_the_word_after_a_code_says_which_certificate() -> None:
    jd = "Event electrician\nEssential:\n- BS 7909 Advanced certificate\n- Temporary power for outdoor events"
    cv = "Event electrician, 2018 - 2025. Temporary power for outdoor events.\nBS 7909 {} certificate (2022)."
    assert _gaps(jd, cv.format("Foundation")) == ["BS 7909 Advanced certificate"]
    assert _gaps(jd, cv.format("Advanced")) == []


def test_initials_with_small_words_between_count() -> None:
    jd = "Millwright\nMust have:\n- Valid Certificate of Qualification\n- Conveyor maintenance"
    assert _gaps(jd, "Millwright, 2015 - 2025. Conveyor maintenance.\nMillwright C of Q, 2015") == []


def test_a_name_beside_the_plain_words_for_it_is_shown_by_the_plain_words() -> None:
    jd = "Teaching assistant\nEssential:\n- Running Jollyphonics and phonics sessions for reception children"
    cv = "Teaching assistant, 2019 - 2025\nLed daily phonics groups for reception children."
    assert _gaps(jd, cv) == []
    # the name is how the work is done, not beside it: it must be there
    jd = "Teaching assistant\nEssential:\n- Teach phonics and early reading using Read Write Inc"
    assert _gaps(jd, "Teaching assistant, 2019 - 2025\nTaught phonics and early reading.") != []


def test_a_school_leaving_level_is_shown_by_anything_done_after_school() -> None:
    jd = "Cashier\nRequirements:\n- High school diploma or GED\n- Cashier experience"
    assert _gaps(jd, "Cashier, 2019 - 2024\nBCom Accounting, 2018") == []
    assert _gaps(jd, "Cashier, 2019 - 2024\nCertificate III in Retail, TAFE NSW") == []
    assert _gaps(jd, "Cashier, 2019 - 2024") == ["High school diploma or GED"]


def test_computer_literacy_is_shown_by_software_the_cv_works_in() -> None:
    jd = "Clerk\nRequirements:\n- Computer literate\n- Filing"
    assert _gaps(jd, "Clerk, 2019 - 2024. Filing; kept the registers in Excel.") == []
    assert _gaps(jd, "Clerk, 2019 - 2024. Filing by hand.") == ["Computer literate"]


def test_a_language_written_with_its_own_prefix_is_named() -> None:
    assert NamedIndex.of("Languages: English, Kiswahili").names("Swahili")
    assert not NamedIndex.of("Languages: English, Kiswahili").names("Sheng")


def test_screening_devices_and_physical_demands_ask_nothing() -> None:
    jd = (
        "Store Associate\nQualifications:\n- Must be able to pass a background check and drug screen\n"
        "- Must have own smartphone\n- Ability to stand for long periods\n- Experience working in a fast-paced"
        " environment\nPhysical Requirements:\n- Lift up to 25 lbs\nRole: Store Associate"
    )
    assert [(text, quality) for text, _, quality, _ in _asks(jd)] == [("working in a fast-paced environment", True)]


def test_a_pair_the_taxonomy_uses_as_one_term_is_not_cut() -> None:
    jd = "Baker\nRequirements:\n- Knowledge of health and safety regulations\n- laminated dough and viennoiserie"
    assert [text for text, _, _, _ in _asks(jd)] == ["health and safety regulations", "laminated dough", "viennoiserie"]


def test_or_equivalent_accepts_another_award_in_the_same_trade() -> None:
    jd = "Plumber\nRequirements:\n- Qualified plumber (QQI Level 6 Advanced Certificate or equivalent)\n- Heat pumps"
    cv = "Plumber, 2019 - 2025. Fitted heat pumps.\nApprenticeship in plumbing, Advanced Certificate Craft, 2019"
    assert _gaps(jd, cv) == []
    assert _gaps(jd, "Plumber, 2019 - 2025. Fitted heat pumps.") != []


def test_a_diploma_offered_beside_a_degree_is_accepted() -> None:
    jd = "Teacher\nRequirements:\n- Bachelor of Education or Diploma in Primary Teacher Education\n- Class teaching"
    cv = "Teacher, 2020 - 2025. Class teaching.\nDiploma in Primary Teacher Education, 2019"
    assert _gaps(jd, cv) == []


def test_a_language_adjective_names_a_style_and_a_language_is_still_a_language() -> None:
    assert named_tokens("Knowledge of Italian pastry", "Knowledge of Italian pastry") == []
    assert named_tokens("Arabic mezze", "Knowledge of Arabic mezze") == []
    assert [forms[0] for forms in named_tokens("Arabic speaker", "Must be a native Arabic speaker")] == ["Arabic"]
    jd = "Teacher\nEssential:\n- Able to teach Irish through all classes\n- Infant classes"
    assert _gaps(jd, "Teacher, 2019 - 2025. Taught infant classes.") == ["teach Irish through all classes"]


def test_an_adjective_opening_a_bullet_is_not_a_name() -> None:
    assert [forms[0] for forms in named_tokens("Fluent German", "Fluent German")] == ["German"]


def test_state_initials_are_spelled_out() -> None:
    jd = "Electrician\nAbout you:\n- Current QLD Electrical Licence\n- Commercial fit-outs"
    cv = "Electrician, 2020 - 2025. Commercial fit-outs.\nQueensland electrical worker licence, 2020"
    assert _gaps(jd, cv) == []


def test_ict_is_shown_by_the_machines_a_teacher_uses() -> None:
    jd = "Teacher\nRequirements:\n- Ability to use ICT in teaching\n- Grade 4 English"
    assert _gaps(jd, "Teacher, 2020 - 2025. Grade 4 English; quizzes on tablets and the projector.") == []


def test_a_country_written_short_or_as_an_adjective_is_the_same_place() -> None:
    from nextround.analysis.skillgaps.credentials import licence_country_differs

    assert licence_country_differs("Full NZ driver licence", "Full New Zealand driver's licence") is None
    assert licence_country_differs("Indian driving licence", "India driving licence") is None
    assert licence_country_differs("UAE driving licence", "Indian driving licence") == "indian"


def test_police_vetting_is_a_condition() -> None:
    jd = "Care worker\nRequirements:\n- Police vetting\n- Personal care"
    assert [text for text, _, _, _ in _asks(jd)] == ["Personal care"]


def test_a_duty_verb_carries_over_its_list_of_objects() -> None:
    jd = "Chef\nThe role:\n- Manage ordering, stock and GP targets\n- Prepare and cook breakfasts"
    assert [text for text, _, _, _ in _asks(jd)] == [
        "Manage ordering",
        "Manage stock",
        "Manage GP targets",
        "Prepare breakfasts",
        "cook breakfasts",
    ]


def test_a_name_with_a_small_word_in_it_is_spelled_with_that_word() -> None:
    jd = "Youth worker\nRequirements:\n- Current Working with Children Check\n- Group work with teenagers"
    cv = "Youth worker, 2019 - 2025. Group work with teenagers.\nWWCC (NSW), valid to 2028"
    assert _gaps(jd, cv) == []
    assert _gaps(jd, "Youth worker, 2019 - 2025. Group work with teenagers.") != []


def test_the_grade_after_a_code_must_be_the_one_asked() -> None:
    jd = "Project manager\nRequirements:\n- PRINCE2 Practitioner\n- Rail projects"
    assert _gaps(jd, "Project manager, 2019 - 2025. Rail projects.\nPRINCE2 Foundation, 2022") == [
        "PRINCE2 Practitioner"
    ]
    assert _gaps(jd, "Project manager, 2019 - 2025. Rail projects.\nPRINCE2 Practitioner, 2022") == []


def test_years_written_short_open_or_stated() -> None:
    from nextround.analysis.skillgaps.exact import career_years

    assert career_years("Cook, 2020-24", 2026) == 4.0
    assert career_years("Cook, April 2023 onwards", 2026) == 3.0
    assert career_years("Chef with 6 years of experience in Italian kitchens", 2026) == 6.0
    assert career_years("Cook, 2019 - 2020", 2026) == 1.0
    assert career_years("Tel 2020-2345", 2026) is None


def test_letter_grades_count_down_from_a() -> None:
    jd = "Guard\nRequirements:\n- PSIRA Grade B\n- Patrols"
    assert _gaps(jd, "Guard, 2019 - 2025. Patrols.\nPSIRA registered, Grade D (2023)") == ["PSIRA Grade B"]
    assert _gaps(jd, "Guard, 2019 - 2025. Patrols.\nPSIRA Grade A, 2023") == []


def test_an_everyday_word_with_a_version_is_a_product() -> None:
    jd = "Bookkeeper\nRequirements:\n- Experience with Sage 50\n- Bank reconciliations"
    assert _gaps(jd, "Bookkeeper, 2019 - 2025. Bank reconciliations in Xero and QuickBooks.") == ["Sage 50"]
    assert _gaps(jd, "Bookkeeper, 2019 - 2025. Bank reconciliations in Sage 50.") == []


def test_the_category_of_a_ticket_decides() -> None:
    jd = "Technician\nRequirements:\n- IPAF 3b\n- Rigging"
    assert _gaps(jd, "Technician, 2019 - 2025. Rigging.\nIPAF 3a (static booms), 2024") == ["IPAF 3b"]
    assert _gaps(jd, "Technician, 2019 - 2025. Rigging.\nIPAF 3a and 3b, 2024") == []


def test_we_are_looking_for_is_not_an_organisation_advertising_a_role() -> None:
    jd = (
        "Accountant\nWe are looking for a qualified accountant (ICAG or ACCA) with at least 3 years"
        " post-qualification experience in audit. The candidate must be proficient in Tally and have good"
        " knowledge of GRA tax laws. Experience with IFRS reporting will be an added advantage."
    )
    assert [(text, importance, years) for text, importance, _, years in _asks(jd)] == [
        ("qualified accountant (ICAG or ACCA)", "required", None),
        ("post-qualification experience in audit", "required", 3.0),
        ("Tally", "required", None),
        ("GRA tax laws", "required", None),
        ("IFRS reporting", "nice_to_have", None),
    ]


def test_years_go_with_their_own_item_of_a_list() -> None:
    jd = (
        "Receptionist\nThe ideal candidate will have at least 2 years of experience in a medical reception role"
        " and a current first aid certificate."
    )
    assert [(text, years) for text, _, _, years in _asks(jd)] == [
        ("medical reception role", 2.0),
        ("first aid certificate", None),
    ]
    jd = "Payroll\nRequirements:\n- 3 years of payroll and pensions experience"
    assert [(text, years) for text, _, _, years in _asks(jd)] == [("payroll", 3.0), ("pensions", 3.0)]


def test_a_condition_in_an_inline_list_does_not_drop_the_list() -> None:
    jd = (
        "Line Cook\nWhat you'll do: Prep and cook on the grill, keep your station clean, follow recipes.\n"
        "What we're looking for: 1+ year line cook experience, Texas Food Handler card, able to work weekends."
    )
    assert [text for text, _, _, _ in _asks(jd)] == [
        "Prep and cook on the grill",
        "keep your station clean",
        "follow recipes",
        "line cook",
        "Texas Food Handler card",
    ]


def test_a_wish_added_to_a_requirement_does_not_make_it_optional() -> None:
    jd = (
        "Bookkeeper\nRequirements:\n- 3+ years bookkeeping experience, ideally in a practice\n"
        "- Two years of retail experience (supervisory experience preferred)\n- Preferably experience with Kronos\n"
        "- ADR certificate (desirable)\n- MOT tester licence (highly desirable)"
    )
    assert [(text, importance, years) for text, importance, _, years in _asks(jd)] == [
        ("bookkeeping", "required", 3.0),
        ("retail", "required", 2.0),
        ("supervisory", "nice_to_have", None),  # the wish in brackets is a nice-to-have of its own (session 7)
        ("Kronos", "nice_to_have", None),
        ("ADR certificate", "nice_to_have", None),
        ("MOT tester licence", "nice_to_have", None),
    ]


def test_a_variant_of_a_method_is_named_by_the_method_and_its_kind() -> None:
    assert NamedIndex.of("Measured gene expression by real-time PCR").names("qPCR")
    assert not NamedIndex.of("PCR kits sold to labs").names("qPCR")


def test_years_as_a_title_count_the_roles_with_that_title() -> None:
    jd = "Barista\nRequirements:\n- 2+ years as a barista\n- Latte art"
    cv = "Barista, Cafe X, 2025 - present. Poured latte art.\nWaiter, Hotel Y, 2015 - 2024"
    assert _gaps(jd, cv) == ["barista"]
    # a title in other words: every dated role counts
    assert _gaps(jd, "Coffee maker, Cafe X, 2025 - present. Poured latte art.\nWaiter, 2015 - 2024") == []


def test_a_licence_endorsement_is_the_point() -> None:
    jd = "Forklift driver\nRequirements:\n- F endorsement on your NZ driver licence\n- Stock control"
    assert _gaps(jd, "Storeperson, 2020 - 2025. Stock control.\nNZ Class 1 driver licence") == [
        "F endorsement on your NZ driver licence"
    ]
    assert _gaps(jd, "Storeperson, 2020 - 2025. Stock control.\nLicence: Class 1 with F and W endorsements") == []


def test_lettered_numbered_and_symbol_bullets() -> None:
    jd = (
        "Clerk\nQualifications & Experience\n(1) Degree in Commerce\nWhat you need to succeed\ni. Pastel Payroll\n"
        "b) HACCP knowledge\n🎯 What you bring\n✅ RN licence\n💰 What we offer\n✅ Sign-on bonus"
    )
    assert [text for text, _, _, _ in _asks(jd)] == [
        "Degree in Commerce",
        "Pastel Payroll",
        "HACCP knowledge",
        "RN licence",
    ]


def test_a_product_written_apart_or_with_only_its_version_in_common() -> None:
    assert NamedIndex.of("Serv Safe Manager, 2024").names("ServSafe")
    assert not NamedIndex.of("a 12-hour work day").names("Workday")
    jd = "Analyst\nRequirements:\n- Microsoft Dynamics 365\n- Reporting"
    assert _gaps(jd, "Analyst, 2019 - 2025. Reporting in Microsoft 365 (Word, Excel, Teams).") == [
        "Microsoft Dynamics 365"
    ]


def test_the_colour_of_a_belt_or_card_says_which_grade() -> None:
    jd = "Engineer\nRequirements:\n- Lean Six Sigma Green Belt\n- Process mapping"
    assert _gaps(jd, "Engineer, 2019 - 2025. Process mapping.\nSix Sigma Yellow Belt, 2021") == [
        "Lean Six Sigma Green Belt"
    ]
    assert _gaps(jd, "Engineer, 2019 - 2025. Process mapping.\nLean Six Sigma Green Belt, 2021") == []


def test_a_term_of_art_in_the_cv_shows_a_job_that_asks_in_plain_words() -> None:
    jd = "Finance assistant\nRequirements:\n- Explaining differences between budget and actual figures\n- Filing"
    cv = "Finance assistant, 2019 - 2025. Filing.\nPrepared the monthly variance analysis for the board."
    assert _gaps(jd, cv) == []


def test_a_tool_the_work_goes_into_is_not_a_standard() -> None:
    jd = "Administrator\nEssential:\n- Uploading customer data to Salesforce\n- Filing"
    assert _gaps(jd, "Administrator, 2019 - 2025. Filing.\nUploaded customer data to HubSpot.") == [
        "Uploading customer data to Salesforce"
    ]


def test_a_product_beside_a_description_must_still_be_named() -> None:
    jd = "Bookkeeper\nEssential:\n- Experience of Xero and cloud accounting for small businesses\n- Payroll"
    cv = "Bookkeeper, 2019 - 2025. Payroll.\nMYOB cloud accounting for small businesses."
    assert _gaps(jd, cv) == ["Xero and cloud accounting for small businesses"]


def test_a_product_that_opens_a_bullet_is_still_a_name() -> None:
    assert [forms[0] for forms in named_tokens("Xero bookkeeping", "Xero bookkeeping")] == ["Xero"]
    assert named_tokens("Venepuncture skills", "Venepuncture skills") == []  # a skill, not a product
    jd = "Bookkeeper\nEssential:\n- Xero bookkeeping\n- Payroll"
    assert _gaps(jd, "Bookkeeper, 2019 - 2025. Payroll; bookkeeping in MYOB.") == ["Xero bookkeeping"]


def test_more_headings_for_asks_wishes_and_the_employer() -> None:
    def kinds(heading: str) -> list[str]:
        jd = f"Job\nSome words about us.\n{heading}:\n- Payroll processing\nWe are great."
        return [item.importance for item in requirements(jd)]

    for heading in ("Must-haves", "Your Profile", "Key selection criteria", "What you'll need to succeed"):
        assert kinds(heading) == ["required"], heading
    for heading in ("Good to have", "Pluses", "Even better if you have", "Optional"):
        assert kinds(heading) == ["nice_to_have"], heading
    for heading in ("Our values", "Compensation", "What's on offer", "Why you'll love working here"):
        assert kinds(heading) == [], heading


def test_a_long_description_under_the_role_heading_asks_nothing_and_why_us_is_the_employer() -> None:
    jd = (
        "CSM\nThe Role\nAs our first CSM in EMEA you will own a portfolio of 150 accounts, run onboarding and QBRs,"
        " and reduce churn.\nWhat You'll Bring\n- 3+ years in customer success\n- Fluency in English; German or"
        " French a strong plus\nWhy Acme\n- Equity\n- 25 days holiday"
    )
    assert [(text, importance) for text, importance, _, _ in _asks(jd)] == [
        ("customer success", "required"),
        ("Fluency in English", "required"),
        ("German or French", "nice_to_have"),
    ]


def test_where_you_live_what_you_ride_and_field_visits() -> None:
    jd = (
        "Sales Executive\nJob Responsibilities:\n1. Generate leads through cold calling and field visits.\n"
        "Desired Candidate Profile:\n* Should have own two-wheeler\n* Must reside around Ikeja\n"
        "* Willing to work on shifting schedule\n* Rotating stock in the chiller"
    )
    assert [text for text, _, _, _ in _asks(jd)] == [
        "Generate leads through cold calling and field visits",
        "Rotating stock in the chiller",
    ]
    jd = "Admin\nRequirements:\n- Minimum of 3 years cognate experience"
    assert _gaps(jd, "Admin officer, 2019 - 2025") == []


def test_us_credentials_master_of_cdl_classes_and_trade_grades() -> None:
    assert (
        _gaps(
            "Analyst\nRequirements:\n- MBA\n- Reporting",
            "Analyst, 2019 - 2025. Reporting.\nMaster of Business Administration",
        )
        == []
    )
    jd = "Driver\nRequirements:\n- CDL Class A\n- Long haul"
    assert _gaps(jd, "Driver, 2019 - 2025. Long haul.\nCDL Class B, 2020") == ["CDL Class A"]
    assert _gaps(jd, "Driver, 2019 - 2025. Long haul.\nCDL-A, clean record") == []
    jd = "Electrician\nRequirements:\n- Master electrician license\n- Commercial wiring"
    assert _gaps(jd, "Electrician, 2016 - 2025. Commercial wiring.\nJourneyman Electrician license, 2016") == [
        "Master electrician license"
    ]
    jd = "EMT\nRequirements:\n- EMT-Basic certification\n- Patient transport"
    assert _gaps(jd, "EMT, 2019 - 2025. Patient transport.\nEmergency Medical Technician (Basic), 2021") == []


def test_a_score_asked_is_a_floor() -> None:
    jd = "Agent\nRequirements:\n- IELTS 7.0 overall\n- Typing speed of 60 wpm\n- Customer service"
    cv = "Agent, 2019 - 2025. Customer service.\nIELTS Academic {ielts} (2024). Typing: {wpm} wpm."
    assert _gaps(jd, cv.format(ielts="6.5", wpm="45")) == ["IELTS 7.0 overall", "Typing speed of 60 wpm"]
    assert _gaps(jd, cv.format(ielts="7.5", wpm="65")) == []
    jd = "Interpreter\nRequirements:\n- JLPT N2\n- Interpreting"
    assert _gaps(jd, "Interpreter, 2019 - 2025. Interpreting.\nJLPT N3, 2021") == ["JLPT N2"]
    assert _gaps(jd, "Interpreter, 2019 - 2025. Interpreting.\nJLPT N1, 2021") == []


def test_years_after_qualifying_count_from_the_qualifying_year() -> None:
    jd = "Solicitor\nRequirements:\n- 3 years PQE in conveyancing"
    cv = "Solicitor, Smith & Co, 2019 - present. Residential conveyancing.\nAdmitted as a solicitor, {year}"
    gaps = match(jd, cv.format(year=2024), reference_year=2026).to_dict()["missing"]  # type: ignore[attr-defined]
    assert [gap["reason"] for gap in gaps] == ["3 years asked; the CV shows 2 since qualifying"]
    assert _gaps(jd, cv.format(year=2020)) == []
    jd = "Driver\nRequirements:\n- Held a full licence for at least 3 years"
    assert _gaps(jd, "Driver, 2018 - present.\nFull driving licence since 2024") != []
    assert _gaps(jd, "Driver, 2018 - present.\nFull driving licence since 2015") == []


def test_person_specification_marks() -> None:
    jd = (
        "Support Worker\nPerson Specification\n- NVQ Level 3 in Health and Social Care (E)\n"
        "- Experience of dementia care (D)\n- Knowledge of the Mental Capacity Act - D\n- Category C+E\n"
        "Criteria | Essential/Desirable\nManual handling training | Essential\nNHS experience | Desirable"
    )
    assert [(text, importance) for text, importance, _, _ in _asks(jd)] == [
        ("NVQ Level 3 in Health and Social Care", "required"),
        ("dementia care", "nice_to_have"),
        ("Mental Capacity Act", "nice_to_have"),
        ("Category C+E", "required"),
        ("Manual handling training", "required"),
        ("NHS", "nice_to_have"),
    ]
