"""Reading HTML form fields into the typed values the services take. Errors carry the field at fault."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from nextround.domain.applications import ApplicationFields, FieldError, parse_channel, parse_tags, parse_work_model
from nextround.domain.contacts import is_email
from nextround.errors import UserError

TEXT_FIELDS = (
    "company", "role", "seniority", "job_url", "source_detail", "location", "currency", "jd_text", "cv_version",
    "notes", "contact_email", "contact_phone",
)  # fmt: skip
INT_FIELDS = ("salary_min", "salary_max", "excitement")


def form_text(form: Any, name: str) -> str:
    value = form.get(name)
    return value if isinstance(value, str) else ""


# The application form's labels, for messages that name a field by its code name ("salary_min is ...").
FORM_LABELS = {
    "company": "Company", "role": "Role", "seniority": "Seniority", "job_url": "Job advert address",
    "job URL": "Job advert address", "location": "Location", "source_detail": "Which one",
    "cv_version": "CV version sent", "salary_min": "Salary from", "salary_max": "Salary to", "currency": "Currency",
    "excitement": "How much you want it", "jd_text": "Job description", "notes": "Notes",
}  # fmt: skip
# What stands in for a refused value while looking for the form's other problems.
_STAND_INS: dict[str, Any] = {"company": "-", "role": "-", "tags": ()}


def in_form_words(error: UserError) -> UserError:
    """The message with the field's label for its code name and a capital letter; the field stays the same."""
    message = str(error)
    for code, label in FORM_LABELS.items():
        if "_" in code or " " in code:  # a code name, wherever it is
            message = re.sub(rf"\b{re.escape(code)}\b", label, message)
        elif message.startswith(f"{code} "):  # a plain word only where it names the field
            message = label + message[len(code) :]
    message = message[:1].upper() + message[1:]
    return UserError(message if message.endswith((".", ")")) else message + ".", field=error.field)


def application_problems(form: Any) -> tuple[dict[str, Any], list[UserError]]:
    """The typed fields and every problem with them, each beside its field, so one round trip shows them all.

    The domain stops at the first bad field; asking again with that field set aside finds the next one."""
    try:
        changes, not_numbers = _typed(form)
    except UserError as exc:  # a source or work model not on the list (a hand-made request)
        return {}, [in_form_words(exc)]
    problems = [in_form_words(error) for error in not_numbers]
    trial = {"company": "", "role": "", **changes}
    for _ in range(len(trial) + 1):
        try:
            ApplicationFields(**trial).validated()
            break
        except FieldError as exc:
            problems.append(in_form_words(exc))
            if exc.field not in trial:
                break
            trial[exc.field] = _STAND_INS.get(exc.field, None if exc.field in INT_FIELDS else "")
    # Feedback requests are drafted to this address; a typo here would only show when a request bounces.
    email = str(changes.get("contact_email") or "").strip().removeprefix("mailto:")
    if email and not is_email(email):
        message = f"Contact email does not look like an email address: {email[:60]!r}."
        problems.append(UserError(message, field="contact_email"))
    return changes, problems


def in_page_order(problems: list[UserError], form: Any) -> list[UserError]:
    """The problems in the order of their fields on the page (a browser sends the fields in that order)."""
    order = list(form)
    return sorted(problems, key=lambda error: order.index(error.field) if error.field in order else len(order))


def _typed(form: Any) -> tuple[dict[str, Any], list[UserError]]:
    """Every application field present in the form, typed (empty selects and numbers mean 'not set'), and the
    numbers that are not whole numbers: left out and reported, so the other fields are still checked."""
    changes: dict[str, Any] = {}
    for name in TEXT_FIELDS:
        if name in form:
            changes[name] = form_text(form, name)
    not_numbers: list[UserError] = []
    signs: set[str] = set()
    for name in INT_FIELDS:
        if name in form:
            raw = form_text(form, name).strip()
            if not raw:
                changes[name] = None
                continue
            number = amount(raw)
            if number is None:
                example = " for the year, like 28000 or 28k" if name.startswith("salary") else ""
                message = f"{name} must be a whole number{example}, not {raw[:20]!r}"
                not_numbers.append(FieldError(message, field=name))
            else:
                changes[name] = number
                if name.startswith("salary"):
                    signs.update(sign for sign in raw if sign in _SIGN_CURRENCY)
    # "£28,000" says the currency: kept when the box was left empty (one sign only, never a guess between two).
    if "currency" in changes and not str(changes["currency"]).strip() and len(signs) == 1:
        changes["currency"] = _SIGN_CURRENCY[signs.pop()]
    if "source" in form:
        raw = form_text(form, "source").strip()
        changes["source"] = parse_channel(raw) if raw else None
    if "work_model" in form:
        raw = form_text(form, "work_model").strip()
        changes["work_model"] = parse_work_model(raw) if raw else None
    if "tags" in form:
        changes["tags"] = parse_tags(form_text(form, "tags"))
    return changes, not_numbers


# A salary as adverts and people write it: "55,000", "55.000", "55 000", "€55,000", "£55k", "55,000.00".
_CURRENCY_SIGNS = str.maketrans("", "", "€£$¥₹ \u00a0\u202f\u2009'")
_GROUPED = re.compile(r"\d{1,3}(?:(?P<sep>[.,])\d{3})(?:(?P=sep)\d{3})*")
_THOUSANDS = re.compile(r"(?P<n>\d+(?:[.,]\d{1,2})?)k", re.IGNORECASE)
# UK adverts add the period: "£31,000 per annum", "£31k pa", "31,000 a year". Only a year is read: an hourly
# or daily rate is another amount, and stays refused rather than stored as a salary.
_PER_YEAR = re.compile(
    r"\s*(?:per\s+(?:year|annum)|a\s+year|p\.?\s?a\.?|/\s*(?:year|yr|annum)|yearly|annually)\s*$", re.IGNORECASE
)
# Signs that name one currency; "$" and "¥" stand for several, so they set none.
_SIGN_CURRENCY = {"£": "GBP", "€": "EUR", "₹": "INR"}


def amount(text: str) -> int | None:
    """A whole amount from what a person types, or None when it is not one: thousands may be grouped with
    commas, dots, spaces or apostrophes, a currency sign and pennies are dropped, and "55k" is 55000. A
    lone "55.5" stays unread: it is no salary anyone writes that way, and guessing would store a wrong one."""
    value = _PER_YEAR.sub("", text).translate(_CURRENCY_SIGNS)
    if thousands := _THOUSANDS.fullmatch(value):
        return round(float(thousands["n"].replace(",", ".")) * 1000)
    pennies = re.fullmatch(r"(?P<whole>.+?)(?P<sep>[.,])\d{2}", value)
    if pennies:
        whole = pennies["whole"]
        grouped = _GROUPED.fullmatch(whole)
        if (grouped and grouped["sep"] != pennies["sep"]) or (whole.isdigit() and len(whole) >= 4):
            value = whole
    if _GROUPED.fullmatch(value):
        value = value.replace(",", "").replace(".", "")
    if value.startswith("-") and value[1:].isdigit():
        return int(value)  # a number, if not a salary: the form's own check says what is wrong with it
    return int(value) if value.isdigit() else None


def sentence(message: str) -> str:
    """A service's message as a sentence on a page: a capital first and a full stop last."""
    message = message.strip()
    message = message[:1].upper() + message[1:]
    return message if message.endswith((".", "!", "?", ")")) else message + "."


def too_long(limit: int, length: int, advice: str) -> str:
    """A length limit a person can act on: how long it may be, how long it is, and what to do about it
    ('entry too long (max 20000 characters)' said none of the last two)."""
    return f"Keep it under {limit:,} characters: this has {length:,}. {advice}"


def upload_message(message: str, folder: str | Path) -> str:
    """A reader's message about an uploaded file, naming it as the user did: readers name a file by its path,
    and here that is a temporary copy (/tmp/nextround-upload-x1y2/…) that means nothing to the user."""
    from nextround.integrations.files import RAISE_LIMIT

    words = "(whoever runs nextround can raise the limit as it starts)"
    return message.replace(f"{folder}{os.sep}", "").replace(RAISE_LIMIT, words)
