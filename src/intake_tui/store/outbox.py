"""Delivery bookkeeping: one outbox row per record revision and destination.

``next_attempt_at`` is kept in UTC (``…Z``) so that due times compare as text. While a
row is ``sending`` it holds the end of the sender's lease: a sender that died mid-way
(power cut, killed terminal) leaves a row that becomes claimable again when it passes.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Final

from intake_tui.store.models import OUTBOX_STATUSES, OutboxEntry, OutboxStatus
from intake_tui.store.rows import outbox_from_row, utc_sort_key

#: How long a claimed row stays reserved for its sender.
DEFAULT_LEASE: Final = timedelta(minutes=5)


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

    Due: pending, or waiting / sending whose next_attempt_at has passed. Each claim
    counts as an attempt, so a sender that keeps dying still shows its tries.
    """
    due = utc_sort_key(now.isoformat())
    rows = db.execute(
        "SELECT rowid FROM outbox WHERE destination = ? AND (status = 'pending' OR "
        "(status IN ('waiting', 'sending') AND coalesce(next_attempt_at, '') <= ?)) "
        "ORDER BY updated_at LIMIT ?",
        (destination, due, limit),
    ).fetchall()
    rowids = [row[0] for row in rows]
    if not rowids:
        return []
    placeholders = ", ".join("?" for _ in rowids)
    db.execute(
        "UPDATE outbox SET status = 'sending', attempts = attempts + 1, next_attempt_at = ?, "
        f"updated_at = ? WHERE rowid IN ({placeholders})",
        [utc_sort_key((now + lease).isoformat()), now.isoformat(timespec="seconds"), *rowids],
    )
    claimed = db.execute(
        f"SELECT * FROM outbox WHERE rowid IN ({placeholders}) ORDER BY updated_at, rowid",
        rowids,
    )
    return [outbox_from_row(row) for row in claimed]


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
            utc_sort_key(next_attempt_at) if next_attempt_at else None,
            last_error,
            remote_ref,
            now,
            record_id,
            revision,
            destination,
        ),
    )
    return cursor.rowcount > 0
