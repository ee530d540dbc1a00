"""Imports, exports, backups. Each import is one transaction: it lands whole or not at all.

This module holds the applications of a spreadsheet or job site (CSV, LinkedIn) and the CSV export, and is
where callers import everything from; the JSON export lives in services.exports, backup and restore in
services.backups.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from datetime import datetime, time
from pathlib import Path
from typing import Any

from nextround.domain.applications import Application, dedupe_key
from nextround.domain.stages import EventSource, Stage, StageEvent, derive_state, opening_events
from nextround.integrations.files import write_text_atomically
from nextround.integrations.tabular import ImportedApplication, spreadsheet_cell
from nextround.services.backups import (
    SQLITE_MAGIC,
    BackupSummary,
    RestoreReport,
    backup,
    check_backup,
    describe_backup,
    owned_counts,
    restore,
    restore_backup,
)
from nextround.services.exports import (
    EXPORT_FORMAT,
    EXPORT_MAX_BYTES,
    EXPORT_VERSION,
    FILLED_IN,
    ExportDocument,
    ImportReport,
    TransferError,
    _parse_export,
    export_data,
    export_json,
    export_json_text,
    import_data,
    read_export,
)
from nextround.services.workspace import Workspace
from nextround.storage.repositories import ApplicationRepository, fields_to_columns, state_to_columns

__all__ = [
    "CSV_COLUMNS",
    "EXPORT_FORMAT",
    "EXPORT_LIMIT_HOLDS",
    "EXPORT_MAX_BYTES",
    "EXPORT_UPLOAD_MAX_BYTES",
    "EXPORT_VERSION",
    "FILLED_IN",
    "SQLITE_MAGIC",
    "BackupSummary",
    "ExportDocument",
    "ImportReport",
    "RestoreReport",
    "TransferError",
    "_parse_export",
    "backup",
    "check_backup",
    "describe_backup",
    "export_csv",
    "export_csv_text",
    "export_data",
    "export_json",
    "export_json_text",
    "export_upload_limit",
    "history_text",
    "import_applications",
    "import_data",
    "owned_counts",
    "read_export",
    "restore",
    "restore_backup",
]

# The largest nextround export a page imports (the command line takes up to EXPORT_MAX_BYTES), unless the
# import limit setting is higher. bench/bench_transfer.py, applications with job descriptions and histories,
# 250-word practice answers: 10,000 + 10,000 export to 81.3 MB and import in 10 s at a peak of 375 MiB;
# 12,000 + 12,000 to 97.5 MB, 8 s, 437 MiB; 20,000 + 20,000 to 163 MB, 32 s, 685 MiB (times are noisy on a
# shared machine). About 4 bytes of memory per byte of file: 100 MB keeps one import under about 450 MiB and
# holds more than twice a heavy 5,000 + 5,000 workspace (40.6 MB).
EXPORT_UPLOAD_MAX_BYTES = 100 * 1024 * 1024
EXPORT_LIMIT_HOLDS = "12,000 applications with as many practice answers"


def export_upload_limit(max_import_bytes: int) -> int:
    """The largest nextround export a page imports, given the import limit for other files."""
    return max(max_import_bytes, EXPORT_UPLOAD_MAX_BYTES)


def _history(item: ImportedApplication, now: datetime) -> list[StageEvent]:
    """The row's dated steps when it has them (a nextround CSV export), else a plausible history for a row
    that only says where it ended: all steps on the day applied."""
    if item.history:
        zone = (item.applied_at or now).tzinfo
        events, state = [], Stage.SAVED.value
        for day, to_state, round_ in item.history:
            moment = datetime.combine(day, time(12, 0), tzinfo=zone)
            events.append(StageEvent(state, to_state, moment, EventSource.IMPORT, round_))
            state = to_state
        return events
    applied_at = item.applied_at or now
    events = opening_events(item.stage, applied_at, applied_at, None, EventSource.IMPORT)
    if item.outcome is not None:
        closed_at = applied_at
        if item.closed_on is not None:
            closed_at = max(applied_at, datetime.combine(item.closed_on, time(12, 0), tzinfo=applied_at.tzinfo))
        origin = events[-1].to_state if events else Stage.SAVED.value
        events.append(StageEvent(origin, item.outcome.value, closed_at, EventSource.IMPORT))
    return events


def import_applications(ws: Workspace, items: Sequence[ImportedApplication]) -> ImportReport:
    """Store parsed rows, skipping ones already present (by job URL, else company + role + date)."""
    now = ws.now()
    with ws.db.write() as session:
        repo = ApplicationRepository(session, ws.owner_id)
        seen = repo.dedupe_keys()
        rows: list[dict[str, Any]] = []
        histories: list[list[StageEvent]] = []
        for item in items:
            applied_on = item.applied_at.date() if item.applied_at and item.stage is not Stage.SAVED else None
            key = dedupe_key(item.fields, applied_on)
            if key in seen:
                continue
            seen.add(key)
            history = _history(item, now)
            rows.append(
                {
                    **fields_to_columns(item.fields),
                    **state_to_columns(derive_state(history)),
                    "created_at": now,
                    "applied_on": applied_on,
                    "dedupe_key": key,
                }
            )
            histories.append(history)
        ids = repo.add_many(rows)
        repo.add_events(((app_id, e) for app_id, events in zip(ids, histories, strict=True) for e in events), now=now)
    return ImportReport(added=len(rows), duplicates=len(items) - len(rows), total=len(items))


# -- CSV: one row per application, its history readable by a person ------------------------------

CSV_COLUMNS = (
    "id", "company", "role", "applied_on", "stage", "outcome", "rejected_at_stage", "closed_on",
    "history", "source", "source_detail", "job_url", "location", "work_model", "seniority",
    "salary_min", "salary_max", "currency", "cv_version", "tags", "excitement", "contact_email", "notes",
)  # fmt: skip


def history_text(app: Application) -> str:
    """`2024-10-03 applied; 2024-10-10 screening; 2024-10-20 rejected` — proof of activity with dates."""
    parts = []
    for event in app.events:
        label = event.to_state + (f" (round {event.round})" if event.round else "")
        parts.append(f"{event.occurred_at.astimezone().date().isoformat()} {label}")
    return "; ".join(parts)


def export_csv(ws: Workspace, path: Path) -> int:
    text, count = export_csv_text(ws)
    write_text_atomically(path, text)
    return count


def export_csv_text(ws: Workspace) -> tuple[str, int]:
    """One CSV row per application as text, and how many rows."""
    with ws.db.read() as session:
        repo = ApplicationRepository(session, ws.owner_id)
        events = repo.events_by_application()
        apps = [
            Application(a.id, a.fields, a.created_at, a.applied_on, a.state, tuple(events.get(a.id, ())))
            for a in repo.find()
        ]
    buffer = _CsvBuffer()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    for app in apps:
        row = app.to_dict(with_history=False)
        row["history"] = history_text(app)
        row["tags"] = ", ".join(app.fields.tags)
        writer.writerow({k: _cell(row.get(k)) for k in CSV_COLUMNS})
    return buffer.text(), len(apps)


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    return spreadsheet_cell(value) if isinstance(value, str) else value


class _CsvBuffer:
    def __init__(self) -> None:
        self.parts: list[str] = []

    def write(self, text: str) -> int:
        self.parts.append(text)
        return len(text)

    def text(self) -> str:
        return "".join(self.parts)
