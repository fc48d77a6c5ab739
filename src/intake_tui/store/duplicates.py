"""Finding earlier inquiries from the same caller or company while a call is in progress.

Runs on every pause in typing, so every lookup is a bounded index read: each key yields
at most ``limit + 1`` candidates (one spare for the excluded id) as (time, rowid) pairs
read from its index; only the final few rows are fetched whole.
"""

from __future__ import annotations

import json
import math
import sqlite3
from collections.abc import Iterable
from typing import Final, cast

from intake_tui.store.keys import (
    company_key,
    initials_query_forms,
    is_initials_query,
    mobile_key,
    prefix_upper_bound,
)
from intake_tui.store.models import DuplicateMatch, MatchedKey, Status
from intake_tui.store.rows import display_names

# How many rows sharing an initials prefix are sorted by time from the initials index.
# A more common prefix (``sh``) is answered by walking the time index newest first,
# which meets a match within about rows / matches * limit steps. Both paths cost about
# sqrt(limit * rows) steps where they meet, so that is where the store switches.
_MIN_SORT_CAP: Final = 200
_MAX_SORT_CAP: Final = 5000


Candidate = tuple[str, int]  # (created_utc, rowid): sorts newest last


def _exact(
    db: sqlite3.Connection, column: str, index: str, value: str, want: int
) -> list[Candidate]:
    """The newest *want* rows whose *column* equals *value* (index order, no sort)."""
    rows = db.execute(
        f"SELECT created_utc, rowid FROM inquiries INDEXED BY {index} "
        f"WHERE {column} = ? ORDER BY created_utc DESC, rowid DESC LIMIT ?",
        (value, want),
    ).fetchall()
    return [(row[0], row[1]) for row in rows]


def _sort_cap(db: sqlite3.Connection, want: int) -> int:
    """The most prefix matches worth sorting, for the number of rows stored."""
    # max(rowid) is a single index step; it over-counts deleted rows, which is harmless here.
    rows = db.execute("SELECT coalesce(max(rowid), 0) FROM inquiries").fetchone()[0]
    return max(_MIN_SORT_CAP, min(_MAX_SORT_CAP, math.isqrt(want * rows)))


def _initials_prefix(db: sqlite3.Connection, prefix: str, want: int) -> list[Candidate]:
    """The newest *want* rows whose company initials start with *prefix*."""
    upper = prefix_upper_bound(prefix)
    assert upper is not None  # initials are ASCII, never the last code point
    cap = _sort_cap(db, want)
    # Counted inside SQLite (no rows cross into Python), and never past the cap.
    matches = db.execute(
        "SELECT count(*) FROM (SELECT 1 FROM inquiries INDEXED BY inquiries_by_initials "
        "WHERE company_initials >= ? AND company_initials < ? LIMIT ?)",
        (prefix, upper, cap + 1),
    ).fetchone()[0]
    index = "inquiries_by_initials" if matches <= cap else "inquiries_by_time"
    rows = db.execute(
        f"SELECT created_utc, rowid FROM inquiries INDEXED BY {index} "
        "WHERE company_initials >= ? AND company_initials < ? "
        "ORDER BY created_utc DESC, rowid DESC LIMIT ?",
        (prefix, upper, want),
    ).fetchall()
    return [(row[0], row[1]) for row in rows]


def _lookups(
    db: sqlite3.Connection, mobile: str | None, company: str | None, want: int
) -> Iterable[tuple[MatchedKey, list[Candidate]]]:
    """Each applicable key with its newest candidates."""
    if mobile and (key := mobile_key(mobile)):
        yield "mobile", _exact(db, "mobile_key", "inquiries_by_mobile", key, want)
    if not company or not company.strip():
        return
    if key := company_key(company):
        yield "company", _exact(db, "company_key", "inquiries_by_company", key, want)
    if is_initials_query(company):
        typed, without_form = initials_query_forms(company)
        found = _initials_prefix(db, typed, want)
        if without_form != typed:
            found += _exact(db, "company_initials", "inquiries_by_initials", without_form, want)
        yield "initials", found


def find_duplicates(
    db: sqlite3.Connection,
    *,
    mobile: str | None,
    company: str | None,
    exclude_id: str | None,
    limit: int,
) -> list[DuplicateMatch]:
    """Drafts and submitted inquiries sharing the mobile, the company, or typed initials.

    Newest first; each match lists every key it matched on. A row that is among the
    newest *limit* overall is among the newest *limit* of each of its keys, so merging
    the per-key candidates loses neither rows nor reasons.
    """
    if limit <= 0:
        return []
    want = limit + 1
    reasons: dict[int, list[MatchedKey]] = {}
    times: dict[int, str] = {}
    for matched, candidates in _lookups(db, mobile, company, want):
        for created_utc, rowid in candidates:
            times[rowid] = created_utc
            if matched not in reasons.setdefault(rowid, []):
                reasons[rowid].append(matched)
    newest = sorted(times, key=lambda rowid: (times[rowid], rowid), reverse=True)[:want]
    if not newest:
        return []
    placeholders = ", ".join("?" for _ in newest)
    rows = {
        row["rowid"]: row
        for row in db.execute(
            "SELECT rowid, id, revision, status, created_at, operator, record, mobile_key "
            f"FROM inquiries WHERE rowid IN ({placeholders})",
            newest,
        )
    }
    matches: list[DuplicateMatch] = []
    for rowid in newest:
        row = rows.get(rowid)
        if row is None or row["id"] == exclude_id:
            continue
        company_name, contact_name = display_names(row["status"], json.loads(row["record"]))
        matches.append(
            DuplicateMatch(
                id=row["id"],
                revision=row["revision"],
                status=cast(Status, row["status"]),
                created_at=row["created_at"],
                operator=row["operator"],
                company_name=company_name,
                contact_name=contact_name,
                mobile=row["mobile_key"],
                matched_on=tuple(reasons[rowid]),
            )
        )
    return matches[:limit]
