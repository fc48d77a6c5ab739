"""Delivery bookkeeping: one outbox row per record revision and destination.

``next_attempt_at`` is kept in UTC (``…Z``) so that due times compare as text. While a
row is ``sending`` it holds the end of the sender's lease: a sender that died mid-way
(power cut, killed terminal) leaves a row that becomes claimable again when it passes.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Final

from intake_tui.privacy.redaction import redact
from intake_tui.store.models import OUTBOX_STATUSES, OutboxEntry, OutboxStatus
from intake_tui.store.rows import outbox_from_row, utc_sort_key

#: How long a claimed row stays reserved for its sender.
DEFAULT_LEASE: Final = timedelta(minutes=5)


@dataclass(frozen=True, slots=True)
class Claim:
    """A row reserved for sending, with its record as stored (None when it is gone)."""

    entry: OutboxEntry
    stored_revision: int | None
    #: The record as compact JSON, exactly as :func:`intake_tui.store.rows.to_json` wrote it.
    body: str | None


@dataclass(frozen=True, slots=True)
class Transition:
    """The outcome to record for a claimed row, and the audit details that explain it."""

    #: The row as claimed: its ``next_attempt_at`` (the lease end) identifies the claim.
    entry: OutboxEntry
    status: OutboxStatus
    next_attempt_at: str | None = None
    last_error: str | None = None
    remote_ref: str | None = None
    #: False when the row was claimed but never sent, so the claim's attempt is taken back.
    attempted: bool = True
    details: Mapping[str, Any] = field(default_factory=dict)


def add(
    db: sqlite3.Connection, record_id: str, revision: int, destinations: Sequence[str], now: str
) -> None:
    """Queue *revision* of a record for each destination (an existing row is kept)."""
    db.executemany(
        "INSERT OR IGNORE INTO outbox (record_id, revision, destination, status, attempts, "
        "updated_at) VALUES (?, ?, ?, 'pending', 0, ?)",
        [(record_id, revision, destination, now) for destination in destinations],
    )


def entries(
    db: sqlite3.Connection,
    *,
    record_id: str | None,
    destination: str | None,
    status: str | None,
) -> list[OutboxEntry]:
    """Outbox rows matching every filter given, oldest change first."""
    filters = {"record_id": record_id, "destination": destination, "status": status}
    conditions = [f"{column} = ?" for column, value in filters.items() if value is not None]
    params = [value for value in filters.values() if value is not None]
    where = f"WHERE {' AND '.join(conditions)}" if conditions else ""
    rows = db.execute(
        f"SELECT * FROM outbox {where} ORDER BY updated_at, record_id, revision, destination",
        params,
    )
    return [outbox_from_row(row) for row in rows]


def counts(db: sqlite3.Connection) -> dict[str, int]:
    """How many outbox rows are in each status (every status present, zero included)."""
    found = dict(db.execute("SELECT status, count(*) FROM outbox GROUP BY status").fetchall())
    return {status: int(found.get(status, 0)) for status in OUTBOX_STATUSES}


def claim(
    db: sqlite3.Connection, destination: str, *, now: datetime, limit: int, lease: timedelta
) -> list[OutboxEntry]:
    """Mark up to *limit* due rows of *destination* as sending and return them.

    Due: waiting / sending rows whose next_attempt_at has passed (earliest first), then
    pending rows in the order they were queued. Each claim counts as an attempt, so a
    sender that keeps dying still shows its tries.
    """
    due = utc_sort_key(now.isoformat())
    # One index range per status, each already in due order: no sort of the whole backlog,
    # which may be 100,000 rows on a machine that was offline for a long time.
    retries = sorted(
        (row[1], row[0])
        for status in ("sending", "waiting")
        for row in db.execute(
            "SELECT rowid, next_attempt_at FROM outbox WHERE status = ? AND "
            "next_attempt_at <= ? AND destination = ? ORDER BY next_attempt_at LIMIT ?",
            (status, due, destination, limit),
        )
    )
    rowids = [rowid for _due, rowid in retries[:limit]]
    if len(rowids) < limit:
        rowids += [
            row[0]
            for row in db.execute(
                "SELECT rowid FROM outbox WHERE status = 'pending' AND destination = ? "
                "ORDER BY next_attempt_at, rowid LIMIT ?",
                (destination, limit - len(rowids)),
            )
        ]
    if not rowids:
        return []
    placeholders = ", ".join("?" for _ in rowids)
    db.execute(
        "UPDATE outbox SET status = 'sending', attempts = attempts + 1, next_attempt_at = ?, "
        f"updated_at = ? WHERE rowid IN ({placeholders})",
        [utc_sort_key((now + lease).isoformat()), now.isoformat(timespec="seconds"), *rowids],
    )
    claimed = {
        row["rowid"]: outbox_from_row(row)
        for row in db.execute(
            f"SELECT rowid, * FROM outbox WHERE rowid IN ({placeholders})", rowids
        )
    }
    return [claimed[rowid] for rowid in rowids]


@contextmanager
def unsynced(db: sqlite3.Connection) -> Iterator[None]:
    """Commits inside skip the disk sync (``synchronous = NORMAL``); the setting is restored after.

    Only for claims. A commit without sync survives a killed process like any other (it is
    in the WAL file the moment COMMIT returns); a power cut may undo it, and an undone claim
    is as if it never happened: its rows are due again and are sent again, which their
    idempotency keys make safe. The next synced commit (the batch's outcomes) makes it
    durable along with everything before it.
    """
    before = int(db.execute("PRAGMA synchronous").fetchone()[0])
    db.execute("PRAGMA synchronous = NORMAL")
    try:
        yield
    finally:
        db.execute(f"PRAGMA synchronous = {before:d}")


def with_records(db: sqlite3.Connection, entries: Sequence[OutboxEntry]) -> list[Claim]:
    """The claimed *entries* with the stored text and revision of their records."""
    ids = list(dict.fromkeys(entry.record_id for entry in entries))
    placeholders = ", ".join("?" for _ in ids)
    stored = {
        row[0]: (row[1], row[2])
        for row in db.execute(
            f"SELECT id, revision, record FROM inquiries WHERE id IN ({placeholders})", ids
        )
    }
    claims = []
    for entry in entries:
        revision, body = stored.get(entry.record_id, (None, None))
        claims.append(Claim(entry, revision, body))
    return claims


_FINISH: Final = (
    "UPDATE outbox SET status = ?, next_attempt_at = ?, last_error = ?, "
    "remote_ref = coalesce(?, remote_ref), attempts = attempts - ?, updated_at = ? "
    "WHERE record_id = ? AND revision = ? AND destination = ? AND status = 'sending' "
    "AND next_attempt_at = ?"
)


def stored_error(text: str | None, secrets: Collection[str]) -> str | None:
    """*text* as ``last_error`` may keep it: a server's words may quote the token or a
    caller's mobile number, so credentials, *secrets* and mobiles are redacted first."""
    return None if text is None else redact(text, secrets)


def _finish_params(transition: Transition, now: str, secrets: Collection[str]) -> tuple[Any, ...]:
    """The parameters of _FINISH for one transition."""
    entry = transition.entry
    return (
        transition.status,
        _due_time(transition.status, transition.next_attempt_at, now),
        stored_error(transition.last_error, secrets),
        transition.remote_ref,
        0 if transition.attempted else 1,
        now,
        entry.record_id,
        entry.revision,
        entry.destination,
        entry.next_attempt_at,
    )


def finish(
    db: sqlite3.Connection,
    transitions: Sequence[Transition],
    *,
    now: str,
    secrets: Collection[str],
) -> list[bool]:
    """Record the outcomes of claims; False for a claim that was lost (its lease ran out and
    another sender took the row), whose row is then left to that sender."""
    params = [_finish_params(transition, now, secrets) for transition in transitions]
    # Usually every claim is still held: one statement for all. Otherwise undo it and go
    # row by row to learn which ones were lost.
    db.execute("SAVEPOINT finish")
    if db.executemany(_FINISH, params).rowcount == len(params):
        db.execute("RELEASE finish")
        return [True] * len(params)
    db.execute("ROLLBACK TO finish")
    db.execute("RELEASE finish")
    return [db.execute(_FINISH, one).rowcount > 0 for one in params]


def release_claims(
    db: sqlite3.Connection,
    destination: str,
    *,
    now: str,
    last_error: str,
    secrets: Collection[str],
) -> list[OutboxEntry]:
    """Make every sending row of *destination* due at once (no sender holds them any more)."""
    # A SELECT then an UPDATE rather than RETURNING, which needs SQLite 3.35.
    held = [
        outbox_from_row(row)
        for row in db.execute(
            "SELECT * FROM outbox WHERE status = 'sending' AND destination = ?", (destination,)
        )
    ]
    db.execute(
        "UPDATE outbox SET status = 'waiting', next_attempt_at = ?, last_error = ?, "
        "updated_at = ? WHERE status = 'sending' AND destination = ?",
        (utc_sort_key(now), stored_error(last_error, secrets), now, destination),
    )
    return held


def open_summary(db: sqlite3.Connection, destination: str) -> tuple[int, str | None]:
    """How many rows of *destination* still need sending, and the earliest time one is due
    (UTC text; empty when one is pending now; None when there are none)."""
    row = db.execute(
        "SELECT count(*), min(CASE status WHEN 'pending' THEN '' ELSE next_attempt_at END) "
        "FROM outbox WHERE status IN ('pending', 'waiting', 'sending') AND destination = ?",
        (destination,),
    ).fetchone()
    return int(row[0]), row[1]


def _due_time(status: str, next_attempt_at: str | None, now: str) -> str | None:
    """The stored due time: UTC text; a waiting row given none is due at once."""
    if next_attempt_at:
        return utc_sort_key(next_attempt_at)
    return utc_sort_key(now) if status == "waiting" else None


def update(
    db: sqlite3.Connection,
    record_id: str,
    revision: int,
    destination: str,
    *,
    status: OutboxStatus,
    now: str,
    next_attempt_at: str | None,
    last_error: str | None,
    remote_ref: str | None,
    secrets: Collection[str],
) -> bool:
    """Record a delivery outcome; False when there is no such outbox row."""
    if status not in OUTBOX_STATUSES:
        raise ValueError(f"unknown outbox status {status!r}; expected one of {OUTBOX_STATUSES}")
    cursor = db.execute(
        "UPDATE outbox SET status = ?, next_attempt_at = ?, last_error = ?, "
        "remote_ref = coalesce(?, remote_ref), updated_at = ? "
        "WHERE record_id = ? AND revision = ? AND destination = ?",
        (
            status,
            _due_time(status, next_attempt_at, now),
            stored_error(last_error, secrets),
            remote_ref,
            now,
            record_id,
            revision,
            destination,
        ),
    )
    return cursor.rowcount > 0
