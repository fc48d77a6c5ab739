"""Turning inquiry documents into table rows (with their search keys) and rows back into values.

Kept apart from the Store so that bulk loaders (benchmarks, imports) compute exactly the
same columns as a single save does.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any, Final, cast

from intake_tui.store.keys import company_initials, company_key, mobile_key
from intake_tui.store.models import (
    AuditEntry,
    Draft,
    OutboxEntry,
    OutboxStatus,
    Status,
    StoredInquiry,
)

#: Dotted paths of the draft fields the search keys are computed from.
DRAFT_MOBILE: Final = "contact.mobile"
DRAFT_COMPANY: Final = "company.name"
DRAFT_CONTACT: Final = "contact.name"

INQUIRY_COLUMNS: Final[tuple[str, ...]] = (
    "id",
    "revision",
    "status",
    "created_at",
    "created_utc",
    "updated_at",
    "submitted_at",
    "operator",
    "record",
    "mobile_key",
    "company_key",
    "company_initials",
    "need_kind",
)

#: Inserts a whole row from the mapping :func:`submitted_row` / :func:`draft_row` build.
INSERT_INQUIRY: Final = (
    f"INSERT INTO inquiries ({', '.join(INQUIRY_COLUMNS)}) "
    f"VALUES ({', '.join(':' + name for name in INQUIRY_COLUMNS)})"
)

#: Replaces every column of the row with the same id.
UPDATE_INQUIRY: Final = (
    "UPDATE inquiries SET "
    + ", ".join(f"{name} = :{name}" for name in INQUIRY_COLUMNS if name != "id")
    + " WHERE id = :id"
)


def utc_sort_key(timestamp: str) -> str:
    """A string that sorts RFC 3339 times by instant, whatever their offsets."""
    try:
        moment = datetime.fromisoformat(timestamp)
    except ValueError:
        return timestamp  # not a time we understand: keep it, it still sorts somewhere
    if moment.tzinfo is not None:
        try:
            moment = moment.astimezone(UTC)
        except OverflowError:
            return timestamp  # an instant past the calendar's edge in UTC: keep it as text
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def to_json(document: Mapping[str, Any]) -> str:
    """Compact JSON that keeps Chinese readable in the file (for anyone inspecting it)."""
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"))


def _text(value: Any) -> str:
    """*value* when it is text, else empty (a malformed document must not break indexing)."""
    return value if isinstance(value, str) else ""


def _section(record: Mapping[str, Any], name: str) -> Mapping[str, Any]:
    """A section of a normalised record, or an empty one."""
    section = record.get(name)
    return section if isinstance(section, Mapping) else {}


def search_keys(mobile: str, company: str) -> dict[str, str]:
    """The indexed key columns for a mobile number and a company name."""
    return {
        "mobile_key": mobile_key(mobile),
        "company_key": company_key(company) if company.strip() else "",
        "company_initials": company_initials(company) if company.strip() else "",
    }


def submitted_row(record: Mapping[str, Any], *, now: str) -> dict[str, Any]:
    """The inquiries row for a normalised record (id required; missing times become *now*)."""
    record_id = _text(record.get("id"))
    if not record_id:
        raise ValueError("a record to store needs a non-empty text 'id'")
    created_at = _text(record.get("created_at")) or now
    need_kind = _section(record, "need").get("kind")
    return {
        "id": record_id,
        "revision": int(record.get("revision", 1)),
        "status": "submitted",
        "created_at": created_at,
        "created_utc": utc_sort_key(created_at),
        "updated_at": now,
        "submitted_at": _text(record.get("submitted_at")) or now,
        "operator": _text(record.get("operator")),
        "record": to_json(record),
        **search_keys(
            _text(_section(record, "contact").get("mobile")),
            _text(_section(record, "company").get("name")),
        ),
        "need_kind": need_kind if isinstance(need_kind, str) else None,
    }


def draft_document(fields: Mapping[str, str], *, operator: str, started_at: str) -> dict[str, Any]:
    """The JSON document stored for a draft: raw field texts plus who and when."""
    return {"kind": "draft", "operator": operator, "started_at": started_at, "fields": dict(fields)}


def draft_row(
    record_id: str, fields: Mapping[str, str], *, operator: str, started_at: str, now: str
) -> dict[str, Any]:
    """The inquiries row for a draft; keys come from the raw texts typed so far."""
    return {
        "id": record_id,
        "revision": 1,
        "status": "draft",
        "created_at": started_at,
        "created_utc": utc_sort_key(started_at),
        "updated_at": now,
        "submitted_at": None,
        "operator": operator,
        "record": to_json(draft_document(fields, operator=operator, started_at=started_at)),
        **search_keys(fields.get(DRAFT_MOBILE, ""), fields.get(DRAFT_COMPANY, "")),
        "need_kind": None,
    }


def display_names(status: str, document: Mapping[str, Any]) -> tuple[str, str]:
    """(company name, contact name) of a stored document, for showing a match."""
    if status == "draft":
        fields = _section(document, "fields")
        return _text(fields.get(DRAFT_COMPANY)), _text(fields.get(DRAFT_CONTACT))
    return (
        _text(_section(document, "company").get("name")),
        _text(_section(document, "contact").get("name")),
    )


def inquiry_from_row(row: sqlite3.Row) -> StoredInquiry:
    """A StoredInquiry from a full inquiries row."""
    return StoredInquiry(
        id=row["id"],
        revision=row["revision"],
        status=cast(Status, row["status"]),
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        submitted_at=row["submitted_at"],
        operator=row["operator"],
        record=json.loads(row["record"]),
    )


def draft_from_row(row: sqlite3.Row) -> Draft:
    """A Draft from a full inquiries row whose status is draft."""
    document = json.loads(row["record"])
    fields = _section(document, "fields")
    return Draft(
        id=row["id"],
        operator=row["operator"],
        started_at=row["created_at"],
        updated_at=row["updated_at"],
        fields={str(path): _text(text) for path, text in fields.items()},
    )


def outbox_from_row(row: sqlite3.Row) -> OutboxEntry:
    """An OutboxEntry from an outbox row."""
    return OutboxEntry(
        record_id=row["record_id"],
        revision=row["revision"],
        destination=row["destination"],
        status=cast(OutboxStatus, row["status"]),
        attempts=row["attempts"],
        next_attempt_at=row["next_attempt_at"],
        last_error=row["last_error"],
        remote_ref=row["remote_ref"],
        updated_at=row["updated_at"],
    )


def audit_from_row(row: sqlite3.Row) -> AuditEntry:
    """An AuditEntry from an audit_log row."""
    return AuditEntry(
        seq=row["seq"],
        at=row["at"],
        actor=row["actor"],
        action=row["action"],
        record_id=row["record_id"],
        details=json.loads(row["details"]) if row["details"] else {},
    )
