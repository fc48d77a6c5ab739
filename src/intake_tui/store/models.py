"""What the store hands back: plain frozen values, independent of the record model."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final, Literal

Status = Literal["draft", "submitted"]
STATUSES: Final[tuple[Status, ...]] = ("draft", "submitted")

OutboxStatus = Literal["pending", "sending", "delivered", "waiting", "rejected"]
OUTBOX_STATUSES: Final[tuple[OutboxStatus, ...]] = (
    "pending",
    "sending",
    "delivered",
    "waiting",
    "rejected",
)

#: Which key a duplicate matched on.
MatchedKey = Literal["mobile", "company", "initials"]


@dataclass(frozen=True, slots=True)
class Draft:
    """An inquiry still being captured: the raw text of each field, keyed by dotted path."""

    id: str
    operator: str
    started_at: str
    updated_at: str
    fields: Mapping[str, str]


@dataclass(frozen=True, slots=True)
class StoredInquiry:
    """One row of the store: a submitted record, or a draft's stored document."""

    id: str
    revision: int
    status: Status
    created_at: str
    updated_at: str
    submitted_at: str | None
    operator: str
    record: dict[str, Any]


@dataclass(frozen=True, slots=True)
class DuplicateMatch:
    """An earlier inquiry that may be the same caller or company, and why it matched."""

    id: str
    revision: int
    status: Status
    created_at: str
    operator: str
    company_name: str
    contact_name: str
    mobile: str
    matched_on: tuple[MatchedKey, ...]


@dataclass(frozen=True, slots=True)
class OutboxEntry:
    """The delivery state of one record revision to one destination."""

    record_id: str
    revision: int
    destination: str
    status: OutboxStatus
    attempts: int
    next_attempt_at: str | None
    last_error: str | None
    remote_ref: str | None
    updated_at: str


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One line of the audit log; details never hold a caller's mobile or name."""

    seq: int
    at: str
    actor: str
    action: str
    record_id: str | None
    details: dict[str, Any]
