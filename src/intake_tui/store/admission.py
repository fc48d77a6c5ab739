"""Whether an imported record may go into the store, decided inside the import's transaction.

A record arriving again is only "already there" when the stored one has the same content;
the same id and revision with other content is a conflict, never silently skipped. A
higher revision replaces the stored one only when the import was told it may.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

#: stored: written now; already: the same content is stored; conflict: same id and revision,
#: other content; newer: a higher revision than the stored one, not allowed by the caller.
Admission = Literal["stored", "already", "conflict", "newer"]


@dataclass(frozen=True, slots=True)
class Candidate:
    """A normalised record to import and how to tell whether a stored one says the same."""

    record: Mapping[str, Any]
    same_content: Callable[[Mapping[str, Any]], bool]


def verdict(db: sqlite3.Connection, candidate: Candidate, *, allow_newer: bool) -> Admission | None:
    """What becomes of *candidate*; None when it is to be stored (new, a draft, or allowed)."""
    row = db.execute(
        "SELECT status, revision, record FROM inquiries WHERE id = ?",
        (str(candidate.record.get("id", "")),),
    ).fetchone()
    if row is None or row["status"] != "submitted":
        return None
    revision = int(candidate.record.get("revision", 1))
    stored = int(row["revision"])
    if revision > stored:
        return None if allow_newer else "newer"
    if revision < stored:
        # An older version of a record that has moved on: it was stored back then.
        return "already"
    return "already" if candidate.same_content(json.loads(row["record"])) else "conflict"
