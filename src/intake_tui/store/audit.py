"""The audit log's rows: what each line says, with personal data kept out of it."""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Mapping, Sequence
from typing import Any, Final

from intake_tui.privacy.redaction import might_need_redaction, redact_data
from intake_tui.store.models import AuditEntry, OutboxEntry
from intake_tui.store.rows import audit_from_row, to_json

_INSERT: Final = (
    "INSERT INTO audit_log (at, actor, action, record_id, details) VALUES (?, ?, ?, ?, ?)"
)

#: One line to write: (action, record id or None, details).
Line = tuple[str, str | None, Mapping[str, Any]]


def masked_details(details: Mapping[str, Any], secrets: Collection[str] = ()) -> str:
    """The details as JSON with every text redacted: mobile numbers in any spelling masked
    (13800138000 → 138****8000), credentials and the given *secrets* removed.

    The audit log outlives the records it mentions and holds servers' words, so it must
    become neither a second copy of personal data nor a copy of the token.
    """
    text = to_json(details)
    # Two audit lines per delivered record: most hold nothing to redact, and the quick
    # check costs a tenth of redacting every key and value (docs/PERFORMANCE.md).
    return to_json(redact_data(details, secrets)) if might_need_redaction(text, secrets) else text


def outbox_details(entry: OutboxEntry, details: Mapping[str, Any]) -> dict[str, Any]:
    """Audit details about an outbox row: which destination and revision, then *details*."""
    return {"destination": entry.destination, "revision": entry.revision, **details}


def append(
    db: sqlite3.Connection,
    at: str,
    actor: str,
    lines: Sequence[Line],
    *,
    secrets: Collection[str],
) -> None:
    """Append *lines* inside the caller's transaction, their details redacted of *secrets*
    (the configured token's value) and of whatever :func:`masked_details` removes."""
    db.executemany(
        _INSERT,
        [
            (at, actor, action, record_id, masked_details(details, secrets))
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
