"""The interview question bank: the `Question` entity, loading and validating the bundled bank,
filtering it, and guessing which role family a job belongs to.

The bank ships as `nextround/data/questions.toml`, written for this project. It is read lazily,
on the first call to `load_bank()`, never at import time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Any

from nextround.domain.themes import PRACTISABLE_THEMES

CATEGORIES: tuple[str, ...] = (
    "behavioural",
    "situational",
    "motivation",
    "career_story",
    "strengths_weaknesses",
    "questions_for_interviewer",
    "role",
)

COMPETENCIES: tuple[str, ...] = (
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
    "communication",
    "problem_solving",
    "technical_depth",
    "motivation",
    "self_awareness",
    "company_research",
    "resilience",
    "time_management",
    "ethics",
    "adaptability",
)

ROLES: tuple[str, ...] = (
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
    "hospitality",
    "logistics",
    "retail",
)

# A question whose roles are exactly ("any",) suits every job.
ANY_ROLE = "any"

# Feedback themes a question trains (see domain.themes).
THEMES = PRACTISABLE_THEMES

BANK_SOURCE = "bank"
# Questions the user logged from a real interview carry `source="interview:<company>"`.
INTERVIEW_SOURCE_PREFIX = "interview:"
# A question a coach assigned (shared server): its id is `coach:<note id>`, its source names the coach.
COACH_KEY_PREFIX = "coach:"
ASSIGNED_SOURCE_PREFIX = "assigned by "

_ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_STRING_FIELDS = ("id", "text", "category", "good_answer")
# field name -> (fewest items, most items)
_LIST_FIELDS: dict[str, tuple[int, int]] = {
    "competencies": (1, 6),
    "roles": (1, len(ROLES)),
    "pitfalls": (2, 3),
    "follow_ups": (1, 2),
    "themes": (1, len(THEMES)),
}
_LIST_VOCABULARY: dict[str, tuple[str, ...]] = {
    "competencies": COMPETENCIES,
    "roles": (ANY_ROLE, *ROLES),
    "themes": THEMES,
}


@dataclass(frozen=True, slots=True)
class Question:
    """One interview question with the coaching notes that go with it."""

    id: str
    text: str
    category: str
    competencies: tuple[str, ...] = ()
    roles: tuple[str, ...] = (ANY_ROLE,)
    good_answer: str = ""
    pitfalls: tuple[str, ...] = ()
    follow_ups: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    source: str = BANK_SOURCE

    @property
    def is_general(self) -> bool:
        return ANY_ROLE in self.roles

    def suits_role(self, role: str | None) -> bool:
        """True for general questions, and for role questions written for `role`."""
        return self.is_general or (role is not None and role in self.roles)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "category": self.category,
            "competencies": list(self.competencies),
            "roles": list(self.roles),
            "good_answer": self.good_answer,
            "pitfalls": list(self.pitfalls),
            "follow_ups": list(self.follow_ups),
            "themes": list(self.themes),
            "source": self.source,
        }


def interview_source(company: str | None = None) -> str:
    """The `source` for a question logged from a real interview, optionally at a named company."""
    company = (company or "").strip()
    return f"{INTERVIEW_SOURCE_PREFIX}{company}" if company else INTERVIEW_SOURCE_PREFIX.rstrip(":")


@lru_cache(maxsize=1)
def load_bank() -> tuple[Question, ...]:
    """The bundled question bank, validated. Read once per process."""
    text = files("nextround.data").joinpath("questions.toml").read_text(encoding="utf-8")
    return parse_bank(text)


def parse_bank(text: str) -> tuple[Question, ...]:
    """Parse and validate a question bank written as TOML `[[question]]` tables.

    Raises `ValueError` naming the offending question id for any unknown category, competency,
    role or theme, a missing or empty field, a duplicate id or a duplicate question text.
    """
    import tomllib  # only where a bank is read: the agenda imports this module for its vocabulary

    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ValueError(f"question bank is not valid TOML: {error}") from error
    tables = document.get("question", [])
    if not isinstance(tables, list):
        raise ValueError("question bank must hold [[question]] tables")

    questions: list[Question] = []
    id_by_text: dict[str, str] = {}
    seen_ids: set[str] = set()
    for position, table in enumerate(tables, start=1):
        question = _question_from_table(table, position)
        if question.id in seen_ids:
            raise ValueError(f"question {question.id!r}: duplicate id")
        text_key = _normalise_text(question.text)
        if text_key in id_by_text:
            raise ValueError(f"question {question.id!r}: same text as question {id_by_text[text_key]!r}")
        seen_ids.add(question.id)
        id_by_text[text_key] = question.id
        questions.append(question)
    return tuple(questions)


def filter_questions(
    questions: Iterable[Question],
    *,
    category: str | None = None,
    role: str | None = None,
    competency: str | None = None,
    strict: bool = False,
) -> list[Question]:
    """Questions matching every given filter, in their original order.

    A role filter keeps general (`any`) questions too, unless `strict` is set, in which case only
    questions written for that role are kept.
    """
    _require_known("category", category, CATEGORIES)
    _require_known("role", role, (ANY_ROLE, *ROLES))
    _require_known("competency", competency, COMPETENCIES)
    selected: list[Question] = []
    for question in questions:
        if category is not None and question.category != category:
            continue
        if competency is not None and competency not in question.competencies:
            continue
        if role is not None:
            matches_role = role in question.roles if strict else question.suits_role(role)
            if not matches_role:
                continue
        selected.append(question)
    return selected


def _phrases(comma_separated: str) -> tuple[str, ...]:
    return tuple(phrase.strip() for phrase in comma_separated.split(",") if phrase.strip())


# Keywords that point at a role family. Multi-word phrases count once per word, so the more
# specific "product designer" (design) beats the bare "product" (product).
_ROLE_KEYWORDS: dict[str, tuple[str, ...]] = {
    "software_engineering": _phrases(
        "software, software engineer, developer, engineer, programmer, backend, back end, "
        "frontend, front end, full stack, devops, site reliability, sre, web developer, "
        "mobile developer, ios, android, python, java, javascript, typescript, golang, rust, "
        "c++, c#, kubernetes, microservices, api"
    ),
    "data": _phrases(
        "data, data analyst, data scientist, data engineer, data science, analytics, "
        "machine learning, business intelligence, bi developer, statistician, statistics, sql, "
        "tableau, power bi, etl"
    ),
    "product": _phrases("product, product manager, product owner, product management, roadmap"),
    "design": _phrases(
        "designer, design, product designer, ux, ui, ux designer, ux researcher, user research, "
        "interaction design, graphic designer, visual designer, figma"
    ),
    "sales": _phrases(
        "sales, account executive, account manager, key account manager, business development, "
        "sales development, sdr, bdr, sales engineer, sales representative, pipeline, quota"
    ),
    "marketing": _phrases(
        "marketing, marketer, product marketing, digital marketing, content marketing, "
        "social media, seo, ppc, brand manager, copywriter, growth marketing, campaigns"
    ),
    "customer_support": _phrases(
        "customer support, customer service, customer success, customer care, support engineer, "
        "support agent, support specialist, technical support, helpdesk, help desk, "
        "service desk, call centre, call center, contact centre, contact center"
    ),
    "operations": _phrases(
        "operations, operations manager, operations analyst, business operations, "
        "project manager, programme manager, program manager, office manager, "
        "process improvement, lean, six sigma"
    ),
    "finance": _phrases(
        "finance, financial, financial analyst, accountant, accounting, accounts payable, "
        "accounts receivable, bookkeeper, controller, auditor, audit, fp&a, treasury, payroll, "
        "tax"
    ),
    "healthcare": _phrases(
        "nurse, nursing, healthcare, health care, care assistant, healthcare assistant, doctor, "
        "physician, clinical, clinician, patient, ward, midwife, paramedic, pharmacist, "
        "physiotherapist, occupational therapist, radiographer, dentist, dental, hospital, nhs, "
        "care worker, gp"
    ),
    "education": _phrases(
        "teacher, teaching, teaching assistant, lecturer, tutor, instructor, educator, "
        "professor, school, curriculum, early years, headteacher, pupil, classroom, senco"
    ),
    "hospitality": _phrases(
        "chef, sous chef, pastry, cook, kitchen, kitchen porter, barista, bartender, waiter, "
        "waitress, front of house, restaurant, hotel, housekeeping, hospitality, catering, "
        "concierge"
    ),
    "logistics": _phrases(
        "logistics, hgv, lgv, driver, delivery driver, van driver, courier, warehouse, forklift, "
        "picker, packer, dispatcher, fleet, freight, supply chain, transport planner, shipping"
    ),
    "retail": _phrases(
        "retail, store manager, store assistant, shop assistant, sales assistant, "
        "sales associate, cashier, checkout, merchandiser, visual merchandiser, shop floor, "
        "stock replenishment"
    ),
}

# The title is the strongest evidence; the job description only breaks silence or ties.
_TITLE_WEIGHT = 10
_DESCRIPTION_WEIGHT = 1


def guess_role(title: str, jd: str = "") -> str | None:
    """The role family (one of `ROLES`) a job title and description most likely belong to.

    Returns None when no keyword matches at all.
    """
    normalised_title = _normalise_for_keywords(title)
    normalised_jd = _normalise_for_keywords(jd)
    best_role: str | None = None
    best_score = 0
    for role in ROLES:  # ROLES order breaks ties deterministically
        score = 0
        for keyword in _ROLE_KEYWORDS[role]:
            pattern = _keyword_pattern(keyword)
            weight = len(keyword.split())
            if pattern.search(normalised_title):
                score += _TITLE_WEIGHT * weight
            if normalised_jd and pattern.search(normalised_jd):
                score += _DESCRIPTION_WEIGHT * weight
        if score > best_score:
            best_role, best_score = role, score
    return best_role


def _question_from_table(table: object, position: int) -> Question:
    if not isinstance(table, Mapping):
        raise ValueError(f"question #{position}: expected a table")
    raw_id = table.get("id")
    if not isinstance(raw_id, str) or not raw_id.strip():
        raise ValueError(f"question #{position}: missing id")
    question_id = raw_id
    if not _ID_PATTERN.match(question_id):
        raise ValueError(f"question {question_id!r}: id must be a lowercase slug like 'beh-conflict-03'")

    unknown_keys = set(table) - set(_STRING_FIELDS) - set(_LIST_FIELDS)
    if unknown_keys:
        raise ValueError(f"question {question_id!r}: unknown field(s) {', '.join(sorted(unknown_keys))}")

    strings: dict[str, str] = {}
    for field_name in _STRING_FIELDS:
        value = table.get(field_name)
        if not isinstance(value, str) or not value.strip():
            raise ValueError(f"question {question_id!r}: {field_name} must be a non-empty string")
        strings[field_name] = value.strip()
    if strings["category"] not in CATEGORIES:
        raise ValueError(f"question {question_id!r}: unknown category {strings['category']!r}")

    lists: dict[str, tuple[str, ...]] = {}
    for field_name, (fewest, most) in _LIST_FIELDS.items():
        lists[field_name] = _string_list(table.get(field_name), question_id, field_name, fewest, most)
        vocabulary = _LIST_VOCABULARY.get(field_name)
        if vocabulary is not None:
            for item in lists[field_name]:
                if item not in vocabulary:
                    singular = {"competencies": "competency", "roles": "role", "themes": "theme"}
                    raise ValueError(f"question {question_id!r}: unknown {singular[field_name]} {item!r}")

    roles = lists["roles"]
    if ANY_ROLE in roles and len(roles) > 1:
        raise ValueError(f"question {question_id!r}: 'any' cannot be combined with other roles")
    if strings["category"] == "role" and ANY_ROLE in roles:
        raise ValueError(f"question {question_id!r}: a role question must name its roles")

    return Question(
        id=question_id,
        text=strings["text"],
        category=strings["category"],
        competencies=lists["competencies"],
        roles=roles,
        good_answer=strings["good_answer"],
        pitfalls=lists["pitfalls"],
        follow_ups=lists["follow_ups"],
        themes=lists["themes"],
    )


def _string_list(value: object, question_id: str, field_name: str, fewest: int, most: int) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
        raise ValueError(f"question {question_id!r}: {field_name} must be a list of non-empty strings")
    items = tuple(item.strip() for item in value)
    if not fewest <= len(items) <= most:
        raise ValueError(f"question {question_id!r}: {field_name} needs {fewest} to {most} items, got {len(items)}")
    if len(set(items)) != len(items):
        raise ValueError(f"question {question_id!r}: {field_name} repeats an item")
    return items


def _require_known(kind: str, value: str | None, known: tuple[str, ...]) -> None:
    if value is not None and value not in known:
        raise ValueError(f"unknown {kind} {value!r}; expected one of: {', '.join(known)}")


def _normalise_text(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def _normalise_for_keywords(text: str) -> str:
    # Keep + # & so "c++", "c#" and "fp&a" survive; everything else separates words.
    return " ".join(re.findall(r"[a-z0-9+#&]+", text.lower()))


@lru_cache(maxsize=512)
def _keyword_pattern(keyword: str) -> re.Pattern[str]:
    # Whole words only, with an optional plural "s" ("nurses", "engineers").
    return re.compile(rf"(?<![a-z0-9+#&]){re.escape(keyword)}s?(?![a-z0-9+#&])")
