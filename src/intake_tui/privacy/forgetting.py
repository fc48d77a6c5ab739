"""Removing personal data on request (forget one caller) or by age (purge, retention).

A :class:`Plan` says what would go — the stored records and which lines of the local
JSONL file — so a command can show it and ask first; :func:`carry_out` then removes it.
The file is rewritten before the store is changed: if the program dies in between, the
records are still in the store and running the same command again finishes the job
(the store is the last thing to forget, so a retry always finds what is left).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Final, Literal

from intake_tui.sinks.jsonl import JsonlSink, LineFilter
from intake_tui.store.database import Store
from intake_tui.store.keys import mobile_key
from intake_tui.store.models import StoredInquiry
from intake_tui.store.rows import utc_sort_key

Action = Literal["forget", "purge", "retention"]

_log: Final = logging.getLogger(__name__)


@dataclass(frozen=True)
class Plan:
    """What one forget or purge removes; *details* (no personal data) go to the audit log."""

    action: Action
    records: tuple[StoredInquiry, ...]
    drops_line: LineFilter
    details: Mapping[str, Any] = field(default_factory=dict)

    @property
    def record_ids(self) -> tuple[str, ...]:
        """The ids of the stored records to remove."""
        return tuple(stored.id for stored in self.records)


@dataclass(frozen=True, slots=True)
class Removed:
    """What was removed: counts and ids only, the same facts the audit entry holds."""

    record_ids: tuple[str, ...]
    drafts: int
    submitted: int
    outbox_rows: int
    file_lines: int

    @property
    def total(self) -> int:
        """Stored records plus file lines: zero when nothing at all was held."""
        return len(self.record_ids) + self.file_lines


def _record_id(record: Mapping[str, Any] | None) -> str | None:
    """The id of a record read from the file, when it has a text one."""
    value = None if record is None else record.get("id")
    return value if isinstance(value, str) else None


def _record_mobile(record: Mapping[str, Any]) -> str:
    """The contact's mobile of a record read from the file ("" when it has none)."""
    contact = record.get("contact")
    mobile = contact.get("mobile") if isinstance(contact, Mapping) else None
    return mobile if isinstance(mobile, str) else ""


def _record_time_utc(record: Mapping[str, Any]) -> str | None:
    """When a record read from the file was submitted (or created), as a UTC sort key."""
    for key in ("submitted_at", "created_at"):
        value = record.get(key)
        if isinstance(value, str) and value:
            return utc_sort_key(value)
    return None


def forget_mobile_plan(store: Store, mobile: str) -> Plan:
    """Every draft, inquiry and file line holding this (normalised) mobile number."""
    key = mobile_key(mobile)
    records = tuple(store.with_mobile(key))
    ids = {stored.id for stored in records}
    needle = key.encode()

    def drops_line(raw: bytes, record: dict[str, Any] | None) -> bool:
        if record is None:
            # A torn line cannot be read, but it must not keep the number either.
            return needle in raw or any(i.encode() in raw for i in ids)
        return _record_id(record) in ids or mobile_key(_record_mobile(record)) == key

    return Plan("forget", records, drops_line, {"by": "mobile"})


def forget_id_plan(store: Store, record_id: str) -> Plan:
    """The record with this full id, in the store and in the file."""
    stored = store.get(record_id)
    records = (stored,) if stored is not None else ()
    needle = record_id.encode()

    def drops_line(raw: bytes, record: dict[str, Any] | None) -> bool:
        return needle in raw if record is None else _record_id(record) == record_id

    return Plan("forget", records, drops_line, {"by": "id"})


def matching_ids(store: Store, sink: JsonlSink | None, prefix: str) -> list[str]:
    """Full ids starting with *prefix* (at most two: one is an answer, two are ambiguous).

    The file is searched when the store has none, so that a record already gone from the
    store (an earlier forget that was interrupted) can still be removed from the file.
    """
    text = prefix.strip().lower()
    if not text:
        return []
    found = [stored.id for stored in store.find_by_id_prefix(text, limit=2)]
    if not found and sink is not None:
        in_file = {
            record_id
            for record in sink.records()
            if (record_id := _record_id(record)) and record_id.startswith(text)
        }
        found = sorted(in_file)[:2]
    return found


def purge_plan(
    store: Store,
    sink: JsonlSink | None,
    cutoff: datetime,
    *,
    action: Action = "purge",
    details: Mapping[str, Any] | None = None,
) -> Plan:
    """Records last acted on before *cutoff*, and file lines about them or older than it.

    An old file line whose record is still in the store is kept: that record had a later
    revision, which keeps the whole record within the period.
    """
    cutoff_utc = utc_sort_key(cutoff.isoformat())
    records = tuple(store.idle_since(cutoff))
    ids = {stored.id for stored in records}

    def is_old(record: Mapping[str, Any]) -> bool:
        moment = _record_time_utc(record)
        return moment is not None and moment < cutoff_utc

    old_in_file: set[str] = set()
    if sink is not None:
        old_in_file = {
            record_id
            for record in sink.records()
            if (record_id := _record_id(record)) and record_id not in ids and is_old(record)
        }
    orphans = old_in_file - store.existing_ids(sorted(old_in_file))

    def drops_line(raw: bytes, record: dict[str, Any] | None) -> bool:
        record_id = _record_id(record)
        if record is None or record_id is None:
            return False  # a line that cannot be dated is left alone
        return record_id in ids or (record_id in orphans and is_old(record))

    audited = {"cutoff": cutoff.isoformat(timespec="seconds"), **(details or {})}
    return Plan(action, records, drops_line, audited)


def cutoff_for(days: int, now: datetime) -> datetime:
    """The moment *days* days before *now*."""
    return now - timedelta(days=days)


def lines_to_remove(plan: Plan, sink: JsonlSink | None) -> int:
    """How many lines of the local file the plan would remove now."""
    return 0 if sink is None else sink.count(plan.drops_line)


def carry_out(plan: Plan, store: Store, sink: JsonlSink | None, *, actor: str) -> Removed:
    """Remove what *plan* names: the file's lines first, then the store, audited there.

    Raises OSError when the file cannot be rewritten; the store is then left untouched,
    so nothing is half-forgotten.
    """
    lines = 0 if sink is None else sink.rewrite(plan.drops_line)
    erased = store.erase(
        plan.record_ids,
        action=plan.action,
        actor=actor,
        details={**plan.details, "file_lines": lines},
    )
    removed = Removed(erased.record_ids, erased.drafts, erased.submitted, erased.outbox_rows, lines)
    _log.info(
        "%s: %d records (%d drafts, %d submitted), %d outbox rows, %d file lines removed",
        plan.action,
        len(removed.record_ids),
        removed.drafts,
        removed.submitted,
        removed.outbox_rows,
        removed.file_lines,
    )
    return removed
