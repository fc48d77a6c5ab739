"""What a record says, apart from what the program filled in, and the id derived from it.

A row without an ``id`` (any spreadsheet export) gets an id derived from its normalised
content, so that importing the same file again, or again after a crash, finds the rows it
stored the first time. The content is the normalised record without its id, revision and
warnings, and without the metadata the input left to be filled (times, operator, notice
version): those differ between two runs of the same file. Metadata the input does give
belongs to the content, so two calls that differ only in their times stay two records.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Mapping
from typing import Any

from intake_tui.record.normalise import flatten, is_blank

#: The namespace of ids derived from content (uuid5); fixed for good, or every id changes.
CONTENT_NAMESPACE = uuid.UUID("6f1d3c52-0f7e-4d8e-9a61-4c2b8e5a7d19")

#: Metadata the program fills when the input does not give it.
FILLABLE = (
    "created_at",
    "submitted_at",
    "operator",
    "call.started_at",
    "call.ended_at",
    "call.duration_s",
    "consent.notice_version",
)
_NEVER_CONTENT = frozenset({"id", "revision", "warnings"})


def given_metadata(raw: Mapping[str, Any]) -> frozenset[str]:
    """Which of :data:`FILLABLE` the raw input gives (dotted paths)."""
    flat, _ = flatten(raw)
    return frozenset(path for path in FILLABLE if not is_blank(flat.get(path)))


def is_blank_id(raw: Mapping[str, Any]) -> bool:
    """Whether the raw input leaves the id to be made (absent, null or blank)."""
    return is_blank(raw.get("id"))


def content(document: Mapping[str, Any], given: frozenset[str]) -> dict[str, Any]:
    """*document* without id, revision, warnings and the metadata not in *given*."""
    kept: dict[str, Any] = {}
    for key, value in document.items():
        if key in _NEVER_CONTENT:
            continue
        if isinstance(value, Mapping):
            inner = {
                name: item
                for name, item in value.items()
                if f"{key}.{name}" not in FILLABLE or f"{key}.{name}" in given
            }
            if inner or key != "call":
                kept[key] = inner
        elif key not in FILLABLE or key in given:
            kept[key] = value
    return kept


def canonical(document: Mapping[str, Any], given: frozenset[str]) -> bytes:
    """The content as canonical JSON bytes (sorted keys), the same for the same content."""
    text = json.dumps(
        content(document, given), ensure_ascii=False, sort_keys=True, separators=(",", ":")
    )
    return text.encode()


def derived_id(canonical_content: bytes) -> str:
    """The id of a record that came without one: uuid5 of its canonical content."""
    return str(uuid.uuid5(CONTENT_NAMESPACE, canonical_content.decode()))


def digest(canonical_content: bytes) -> bytes:
    """A short fingerprint of canonical content, to compare records without keeping them."""
    return hashlib.blake2b(canonical_content, digest_size=16).digest()
