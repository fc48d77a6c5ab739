"""The audit log's rows: what each line says, with personal data kept out of it."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Mapping, Sequence
from typing import Any, Final

from intake_tui.store.models import AuditEntry, OutboxEntry
from intake_tui.store.rows import audit_from_row, to_json

# The audit log outlives the records it mentions and must not become a second copy of
# personal data: anything shaped like a mainland mobile number in the details is masked.
_MOBILE_LIKE: Final = re.compile(r"(?<!\d)(1[3-9]\d)(\d{4})(\d{4})(?!\d)")
_MOBILE_DIGITS: Final = re.compile(r"1[3-9]\d{9}")
_INSERT: Final = (
    "INSERT INTO audit_log (at, actor, action, record_id, details) VALUES (?, ?, ?, ?, ?)"
)

#: One line to write: (action, record id or None, details).
Line = tuple[str, str | None, Mapping[str, Any]]


def masked_details(details: Mapping[str, Any]) -> str:
    """The details as JSON, with mobile-like digit runs masked (13800138000 → 138****8000)."""
    text = to_json(details)
    # Most details hold nothing mobile-like. This plain search is a necessary condition of
    # the full pattern and ten times faster (its look-behind defeats the engine's quick
    # scan), which counts when a delivery run writes two audit lines per record.
    return _MOBILE_LIKE.sub(r"\1****\3", text) if _MOBILE_DIGITS.search(text) else text


def outbox_details(entry: OutboxEntry, details: Mapping[str, Any]) -> dict[str, Any]:
    """Audit details about an outbox row: which destination and revision, then *details*."""
    return {"destination": entry.destination, "revision": entry.revision, **details}


def append(db: sqlite3.Connection, at: str, actor: str, lines: Sequence[Line]) -> None:
    """Append *lines* inside the caller's transaction."""
    db.executemany(
        _INSERT,
        [
            (at, actor, action, record_id, masked_details(details))
            for action, record_id, details in lines
        ],
    )


def entries(db: sqlite3.Connection, record_id: str | None = None) -> list[AuditEntry]:
    """The log in order, optionally only the lines about one record."""
    if record_id is None:
        rows = db.execute("SELECT * FROM audit_log ORDER BY seq").fetchall()
    else:
        rows = db.execute(
            "SELECT * FROM audit_log WHERE record_id = ? ORDER BY seq", (record_id,)
        ).fetchall()
    return [audit_from_row(row) for row in rows]
