"""Mail that arrived, turned into proposed changes to the tracker, applied only after review.

Reading never changes anything: `propose` classifies messages, links each to an application and plans
the changes it implies (`reading`). `apply_proposal` carries one proposal out in one transaction and records its
Message-ID, so a message is applied at most once and re-importing the same export changes nothing (`applying`).
`queue` keeps proposals for the Inbox page to accept or dismiss one by one (`review`); `sync` reads a mailbox
over IMAP (`imap_sync`). The types they share are in `proposals`.

Only what is needed is stored: sender, date, subject and the job-related text of job mail. Messages that
are not about a job are never stored.
"""

from nextround.services.mail_inbox.applying import apply_all, apply_proposal
from nextround.services.mail_inbox.imap_sync import SyncMode, SyncRun, mailbox_settings, sync
from nextround.services.mail_inbox.proposals import (
    Action,
    Applied,
    MailApplyError,
    MailDisabled,
    MailProposal,
    MailRun,
    ProposedChange,
)
from nextround.services.mail_inbox.reading import (
    BATCH,
    MAIL_READING,
    MAX_TEXT,
    ensure_enabled,
    mail_reading_enabled,
    plan,
    propose,
    read_and_propose,
)
from nextround.services.mail_inbox.review import (
    REACHABLE,
    accept,
    accept_message,
    adds_a_rejected_application,
    adds_an_application,
    dismiss,
    inbox,
    queue,
)

__all__ = [
    "BATCH",
    "MAIL_READING",
    "MAX_TEXT",
    "REACHABLE",
    "Action",
    "Applied",
    "MailApplyError",
    "MailDisabled",
    "MailProposal",
    "MailRun",
    "ProposedChange",
    "SyncMode",
    "SyncRun",
    "accept",
    "accept_message",
    "adds_a_rejected_application",
    "adds_an_application",
    "apply_all",
    "apply_proposal",
    "dismiss",
    "ensure_enabled",
    "inbox",
    "mail_reading_enabled",
    "mailbox_settings",
    "plan",
    "propose",
    "queue",
    "read_and_propose",
    "sync",
]
