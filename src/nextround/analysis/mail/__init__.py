"""Understanding job-search mail: what kind of message it is, who sent it, and which application it is about.

Pure: no I/O beyond reading this package's own data files. Two parts work together:

- Meaning comes from a small linear model over sentence embeddings (``analysis.embedding``): the
  subject's vector, and the mean and the per-dimension maximum of the body's sentence vectors, so one
  decisive sentence ("we have decided not to progress your application") is not averaged away by
  pleasantries. ``scripts/train_mail.py`` trains it on ``tests/data/mail_corpus`` and writes
  ``data/mail_classifier.json``.
- Exact facts come from rules: mailing-list headers and job-board senders (bulk mail is never about one
  application), a reply in the thread of a feedback request we sent, dates and times of invitations, and the
  names in headers and subject lines.


Split by concern: ``base`` (the types and cue files), ``reading`` (kinds), ``names`` (company, role and the
linked application) and ``when`` (invitation dates).
"""

from nextround.analysis.mail.base import (
    CUES_RESOURCE,
    FEATURE_VERSION,
    MAX_BODY_CHARS,
    MAX_SENTENCES,
    PROTOTYPES_RESOURCE,
    WEIGHTS_RESOURCE,
    Candidate,
    MailKind,
    MailReading,
    MailText,
    is_ats_domain,
    is_bulk,
)
from nextround.analysis.mail.names import LinkResult, display_company, guess_company, guess_role, link
from nextround.analysis.mail.reading import (
    MailClassifier,
    exact_flags,
    feature_count,
    features,
    invitation_stage,
    load_classifier,
    prototype_groups,
    read_mails,
    sentences,
)
from nextround.analysis.mail.when import find_when

__all__ = [
    "CUES_RESOURCE",
    "FEATURE_VERSION",
    "MAX_BODY_CHARS",
    "MAX_SENTENCES",
    "PROTOTYPES_RESOURCE",
    "WEIGHTS_RESOURCE",
    "Candidate",
    "LinkResult",
    "MailClassifier",
    "MailKind",
    "MailReading",
    "MailText",
    "display_company",
    "exact_flags",
    "feature_count",
    "features",
    "find_when",
    "guess_company",
    "guess_role",
    "invitation_stage",
    "is_ats_domain",
    "is_bulk",
    "link",
    "load_classifier",
    "prototype_groups",
    "read_mails",
    "sentences",
]
