"""Quality of the mail reader, through the real service on a scratch SQLite database.

Run: .venv/bin/python bench/eval_mail.py

For each split (dev, then the frozen test split) the corpus tracker's applications and sent feedback requests
are created, every message is read with `services.mail_inbox.read_and_propose`, and the proposals are scored:

- rejection and invitation precision / recall (goals: rejection P >= 0.97, R >= 0.95; invitation >= 0.95 both);
- applications that newsletters, job alerts and other non-job mail would create (goal: 0);
- linked application accuracy over job messages (the right existing application, or none for a new one);
- invitation times: of the invitations read as invitations, how many got the date and time written in them.

How far to trust each figure: the shipped model is trained on train + dev, so its dev figures are in-sample
(scripts/train_mail.py prints the honest dev figures of a model trained without dev). The test split was
written before the model and is never trained or tuned on: its figures are the estimate for unseen mail.
"""

from __future__ import annotations

import sys
import tempfile
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.mail_corpus import load, tracker  # noqa: E402

from nextround.config import Settings  # noqa: E402
from nextround.domain.applications import ApplicationFields  # noqa: E402
from nextround.domain.stages import Stage  # noqa: E402
from nextround.integrations.mail_read import parse_bytes  # noqa: E402
from nextround.services import feedback as feedback_service  # noqa: E402
from nextround.services.applications import ApplicationService  # noqa: E402
from nextround.services.mail_inbox import Action, read_and_propose  # noqa: E402
from nextround.services.workspace import Workspace  # noqa: E402
from nextround.storage.db import Database  # noqa: E402
from nextround.storage.feedback import FeedbackRequestRepository  # noqa: E402

NOW = datetime(2024, 12, 31, 12, 0, tzinfo=UTC)


def workspace(folder: Path) -> tuple[Workspace, dict[str, int]]:
    url = f"sqlite:///{folder / 'eval.db'}"
    db = Database.open(url)
    ws = Workspace(db=db, owner_id=db.local_user_id(), settings=Settings(folder, url), clock=lambda: NOW)
    service = ApplicationService(ws)
    ids: dict[str, int] = {}
    for row in tracker():
        fields = ApplicationFields(company=row.company, role=row.role, contact_email=row.contact_email)
        app = service.add(fields, stage=Stage(row.stage), applied_at=datetime(2024, 9, 1, tzinfo=UTC))
        ids[row.key] = app.id
        for message_id in row.request_ids:
            request, _ = feedback_service.draft_request(ws, app.id)
            with ws.db.write() as session:
                FeedbackRequestRepository(session, ws.owner_id).update(
                    request.id, status="sent", sent_at=NOW, message_id=message_id
                )
    return ws, ids


def ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "n/a"


def evaluate(split: str) -> list[tuple[str, str, str]]:
    items = load(split)
    with tempfile.TemporaryDirectory() as folder:
        ws, ids = workspace(Path(folder))
        run = read_and_propose(ws, [parse_bytes(item.raw) for item in items])
        ws.db.dispose()
    by_id = {p.message_id: p for p in run.proposals}
    pairs = [(item, by_id[f"<{item.id}@corpus.nextround.test>"]) for item in items]
    rows: list[tuple[str, str, str]] = []
    for kind, goal in (("rejection", "P >= 0.97, R >= 0.95"), ("invitation", "P, R >= 0.95")):
        tp = sum(1 for item, p in pairs if item.kind == kind and p.kind.value == kind)
        predicted = sum(1 for _, p in pairs if p.kind.value == kind)
        actual = sum(1 for item, _ in pairs if item.kind == kind)
        rows.append((f"{kind} precision", f"{ratio(tp, predicted)} ({tp}/{predicted})", goal))
        rows.append((f"{kind} recall", f"{ratio(tp, actual)} ({tp}/{actual})", ""))
    created = sum(
        1
        for item, p in pairs
        if item.kind == "not_job" and any(c.action is Action.CREATE_APPLICATION for c in p.changes)
    )
    rows.append(("applications created from non-job mail", str(created), "0"))
    linkable = [(item, p) for item, p in pairs if item.kind not in ("not_job", "recruiter_outreach")]
    right = sum(
        1 for item, p in linkable if p.application_id == (ids.get(item.app or "") if item.app != "new" else None)
    )
    rows.append(("linked application right", f"{ratio(right, len(linkable))} ({right}/{len(linkable)})", ">= 0.95"))
    new_ones = [(item, p) for item, p in pairs if item.app == "new" and item.kind == "acknowledgement"]
    proposed = sum(1 for _, p in new_ones if any(c.action is Action.CREATE_APPLICATION for c in p.changes))
    rows.append(("acknowledgements of new companies proposing an application", f"{proposed}/{len(new_ones)}", ""))
    timed = [(item, p) for item, p in pairs if item.kind == "invitation" and p.kind.value == "invitation" and item.at]
    on_time = sum(
        1 for item, p in timed if p.interview_at is not None and p.interview_at.strftime("%Y-%m-%dT%H:%M") == item.at
    )
    rows.append(("invitation date and time right", f"{ratio(on_time, len(timed))} ({on_time}/{len(timed)})", ""))
    accuracy = sum(1 for item, p in pairs if item.kind == p.kind.value)
    rows.append(("kind accuracy (all seven)", f"{ratio(accuracy, len(pairs))} ({accuracy}/{len(pairs)})", ""))
    confusion = Counter((item.kind, p.kind.value) for item, p in pairs if item.kind != p.kind.value)
    rows.append(("confusions (label → read)", ", ".join(f"{a}→{b} ×{n}" for (a, b), n in confusion.most_common()), ""))
    return rows


def main() -> None:
    splits = (
        ("dev", "in-sample for the shipped model"),
        ("test", "first frozen split: measured, then its errors were read (see docs/mail.md)"),
        ("test2", "second frozen split, written after that; never trained or tuned on"),
    )
    for split, note in splits:
        print(f"\n### {split} split ({note}, {len(load(split))} messages)\n")
        print("| measure | value | goal |\n| --- | --- | --- |")
        for name, value, goal in evaluate(split):
            print(f"| {name} | {value} | {goal} |")


if __name__ == "__main__":
    main()
