"""Finding one person's rows (by mobile) or old rows (by age), and erasing them for good.

Erasure deletes the inquiries and their outbox rows in the caller's transaction and strips
free text a server may have echoed back (``server_message``) from the audit lines about
them; the audit log itself stays, since it holds ids and counts, not personal data. The
connection runs with ``secure_delete`` so that the freed pages are overwritten with zeros
instead of staying readable in the file.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Final

from intake_tui.store.rows import utc_sort_key

# Well below SQLite's limit on bound parameters (32766 since 3.32, 999 before).
_CHUNK: Final = 500


@dataclass(frozen=True, slots=True)
class Erasure:
    """What one erase removed from the store."""

    record_ids: tuple[str, ...]
    drafts: int
    submitted: int
    outbox_rows: int


def _chunks(ids: Sequence[str]) -> Iterator[tuple[list[str], str]]:
    """*ids* in slices small enough to bind, each with its ``?, ?, …`` placeholder list."""
    for start in range(0, len(ids), _CHUNK):
        chunk = list(ids[start : start + _CHUNK])
        yield chunk, ", ".join("?" for _ in chunk)


def rows_with_mobile(db: sqlite3.Connection, key: str) -> list[sqlite3.Row]:
    """Drafts and inquiries whose mobile key is *key*, newest first (reads the mobile index)."""
    return db.execute(
        "SELECT * FROM inquiries WHERE mobile_key = ? ORDER BY created_utc DESC, rowid DESC",
        (key,),
    ).fetchall()


def last_activity_utc(row: sqlite3.Row) -> str:
    """When a row was last acted on, as a UTC sort key.

    A submitted inquiry counts from its (latest) submission, a draft from its last edit.
    """
    if row["status"] == "draft":
        moment: str = row["updated_at"] or row["created_at"]
    else:
        moment = row["submitted_at"] or row["created_at"]
    return utc_sort_key(moment)


def rows_idle_since(db: sqlite3.Connection, cutoff_utc: str) -> list[sqlite3.Row]:
    """Rows whose last activity is before *cutoff_utc* (a :func:`utc_sort_key`), oldest first.

    Nothing is submitted or edited before it was created, so the creation index narrows
    the search first: with nothing old in the store this is one index probe.
    """
    candidates = db.execute(
        "SELECT * FROM inquiries WHERE created_utc < ? ORDER BY created_utc, rowid",
        (cutoff_utc,),
    ).fetchall()
    return [row for row in candidates if last_activity_utc(row) < cutoff_utc]


#: The columns :func:`last_activity_utc` reads.
_ACTIVITY = "id, status, created_at, submitted_at, updated_at"


def idle_ids(db: sqlite3.Connection, cutoff_utc: str) -> list[str]:
    """The ids :func:`rows_idle_since` would return, without reading the records themselves."""
    candidates = db.execute(
        f"SELECT {_ACTIVITY} FROM inquiries WHERE created_utc < ? ORDER BY created_utc, rowid",
        (cutoff_utc,),
    )
    return [row["id"] for row in candidates if last_activity_utc(row) < cutoff_utc]


def still_idle(db: sqlite3.Connection, ids: Sequence[str], cutoff_utc: str) -> list[str]:
    """Those of *ids* whose last activity is still before *cutoff_utc*, in the order given.

    Run inside the erasing transaction: a record edited or resubmitted since it was found
    old (the operator went on working meanwhile) is kept.
    """
    idle: set[str] = set()
    for chunk, marks in _chunks(ids):
        rows = db.execute(f"SELECT {_ACTIVITY} FROM inquiries WHERE id IN ({marks})", chunk)
        idle.update(row["id"] for row in rows if last_activity_utc(row) < cutoff_utc)
    return [record_id for record_id in ids if record_id in idle]


def existing_ids(db: sqlite3.Connection, ids: Sequence[str]) -> set[str]:
    """Those of *ids* that have a row in the store."""
    found: set[str] = set()
    for chunk, marks in _chunks(ids):
        rows = db.execute(f"SELECT id FROM inquiries WHERE id IN ({marks})", chunk)
        found.update(row[0] for row in rows)
    return found


def enable_secure_delete(db: sqlite3.Connection) -> None:
    """Overwrite deleted content with zeros from now on, on this connection."""
    db.execute("PRAGMA secure_delete = ON")


def erase(db: sqlite3.Connection, record_ids: Sequence[str]) -> Erasure:
    """Delete these inquiries and their outbox rows; run inside a write transaction."""
    ids = list(dict.fromkeys(record_ids))
    drafts = submitted = outbox_rows = 0
    for chunk, marks in _chunks(ids):
        statuses = dict(
            db.execute(
                f"SELECT status, count(*) FROM inquiries WHERE id IN ({marks}) GROUP BY status",
                chunk,
            ).fetchall()
        )
        drafts += int(statuses.get("draft", 0))
        submitted += int(statuses.get("submitted", 0))
        # Explicit, although the foreign key cascades: the count is reported and audited.
        outbox_rows += db.execute(
            f"DELETE FROM outbox WHERE record_id IN ({marks})", chunk
        ).rowcount
        db.execute(f"DELETE FROM inquiries WHERE id IN ({marks})", chunk)
        db.execute(
            "UPDATE audit_log SET details = json_remove(details, '$.server_message') "
            f"WHERE record_id IN ({marks}) AND json_type(details, '$.server_message') IS NOT NULL",
            chunk,
        )
    return Erasure(tuple(ids), drafts, submitted, outbox_rows)


def checkpoint(db: sqlite3.Connection, *, wait: bool = True) -> None:
    """Fold the write-ahead log into the file and empty it, so erased rows leave no copy there.

    Best effort: while another window is reading, the log is emptied on a later checkpoint.
    Emptying it keeps other writers waiting until readers are done; without *wait* the log
    is first copied (which blocks nobody) and then emptied only if nobody is in the way.
    """
    with contextlib.suppress(sqlite3.OperationalError):
        if wait:
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
            return
        copy_log(db)
        (timeout,) = db.execute("PRAGMA busy_timeout").fetchone()
        db.execute("PRAGMA busy_timeout = 0")
        try:
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        finally:
            db.execute(f"PRAGMA busy_timeout = {int(timeout)}")


def copy_log(db: sqlite3.Connection) -> None:
    """Copy what the write-ahead log holds into the file, blocking no reader or writer.

    After each of a series of erasures: the log then never grows to where the next commit,
    whichever connection makes it, has a long automatic checkpoint to do.
    """
    with contextlib.suppress(sqlite3.OperationalError):
        db.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
