"""Reading HTML form fields into the typed values the services take. Errors carry the field at fault."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from nextround.domain.applications import FieldError, parse_channel, parse_tags, parse_work_model

TEXT_FIELDS = (
    "company", "role", "seniority", "job_url", "source_detail", "location", "currency", "jd_text", "cv_version",
    "notes", "contact_email", "contact_phone",
)  # fmt: skip
INT_FIELDS = ("salary_min", "salary_max", "excitement")


def form_text(form: Any, name: str) -> str:
    value = form.get(name)
    return value if isinstance(value, str) else ""


def field_changes(form: Any) -> dict[str, Any]:
    """Every application field present in the form, typed. Empty selects and numbers mean 'not set'."""
    changes: dict[str, Any] = {}
    for name in TEXT_FIELDS:
        if name in form:
            changes[name] = form_text(form, name)
    for name in INT_FIELDS:
        if name in form:
            raw = form_text(form, name).strip().replace(",", "")
            if not raw:
                changes[name] = None
                continue
            try:
                changes[name] = int(raw)
            except ValueError:
                raise FieldError(f"{name} must be a whole number, not {raw[:20]!r}", field=name) from None
    if "source" in form:
        raw = form_text(form, "source").strip()
        changes["source"] = parse_channel(raw) if raw else None
    if "work_model" in form:
        raw = form_text(form, "work_model").strip()
        changes["work_model"] = parse_work_model(raw) if raw else None
    if "tags" in form:
        changes["tags"] = parse_tags(form_text(form, "tags"))
    return changes


def upload_message(message: str, folder: str | Path) -> str:
    """A reader's message about an uploaded file, naming it as the user did: readers name a file by its path,
    and here that is a temporary copy (/tmp/nextround-upload-x1y2/…) that means nothing to the user."""
    return message.replace(f"{folder}{os.sep}", "")
