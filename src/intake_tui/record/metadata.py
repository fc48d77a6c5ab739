"""Checks of a record's metadata on input: id, revision, times, duration, operator, versions.

Metadata is machine text (written by this program, a CRM export or a script), so the rules
are strict where the field parsers are forgiving: ASCII digits only, RFC 3339 times with
an offset, and bounds that every store, export and backend can hold. Each check returns a
value or a message saying what a right value looks like; none of them raises.
"""

from __future__ import annotations

import json
import re
import uuid
from datetime import UTC, datetime
from typing import Final

from intake_tui.i18n import Message, message

#: The largest whole number a revision or a duration may be: the largest integer every
#: JSON reader holds exactly, and far below SQLite's 64-bit limit, so revision + 1 fits.
MAX_WHOLE: Final = 2**53 - 1
#: The longest operator name or notice version.
MAX_LABEL: Final = 64
#: How much of a wrong value an error message quotes.
_SHOWN: Final = 60

_DIGITS = re.compile(r"[0-9]+")
_HEX = "[0-9A-Fa-f]"
_UUID = re.compile(
    rf"(?:urn:uuid:)?(\{{)?{_HEX}{{8}}(-?){_HEX}{{4}}\2{_HEX}{{4}}\2{_HEX}{{4}}\2{_HEX}{{12}}(?(1)\}})"
)
# RFC 3339's date-time (the space separator its note allows included), ASCII digits only.
_RFC3339 = re.compile(
    r"(?P<date>[0-9]{4}-[0-9]{2}-[0-9]{2})[Tt ]"
    r"(?P<h>[0-9]{2}):(?P<m>[0-9]{2}):(?P<s>[0-9]{2})(?:\.[0-9]+)?"
    r"(?P<offset>[Zz]|[+-](?P<oh>[0-9]{2}):(?P<om>[0-9]{2}))?"
)


def shown(value: object) -> str:
    """*value* quoted safely in a message: short, one line, no control characters."""
    if isinstance(value, str):
        text = value
    else:
        try:
            text = json.dumps(value, ensure_ascii=False)
        except (TypeError, ValueError):
            # A number too long to write out, or a value JSON has no word for.
            text = type(value).__name__
    if len(text) > _SHOWN:
        text = text[:_SHOWN] + "…"
    return "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in text)


def whole_number(value: object, *, least: int) -> int | None:
    """An integer from *least* to :data:`MAX_WHOLE`, as a JSON number or ASCII digits."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        number = value
    elif isinstance(value, str) and _DIGITS.fullmatch(value.strip()):
        digits = value.strip().lstrip("0") or "0"
        if len(digits) > len(str(MAX_WHOLE)):
            return None
        number = int(digits)
    else:
        return None
    return number if least <= number <= MAX_WHOLE else None


def revision(value: object) -> int | Message:
    """The revision: a whole number of at least 1."""
    number = whole_number(value, least=1)
    if number is None:
        return message("record.bad_revision", found=shown(value), max=MAX_WHOLE)
    return number


def duration(value: object) -> int | Message:
    """The call's length in seconds: a JSON whole number of at least 0."""
    number = whole_number(value, least=0) if isinstance(value, int) else None
    if number is None:
        return message("record.bad_duration", max=MAX_WHOLE)
    return number


def record_id(value: object) -> str | Message:
    """The record's UUID in its canonical form (hex digits, with or without hyphens)."""
    if isinstance(value, str) and _UUID.fullmatch(value.strip()):
        return str(uuid.UUID(value.strip()))
    return message("record.bad_id", found=shown(value))


def schema_version(value: object) -> Message | None:
    """None when *value* names schema version 1 (the number or the text "1")."""
    if (isinstance(value, int) and not isinstance(value, bool) and value == 1) or (
        isinstance(value, str) and value.strip() == "1"
    ):
        return None
    return message("record.schema_version", found=shown(value))


def label(value: object) -> str | None:
    """Printable text of at most :data:`MAX_LABEL` characters, stripped, or None."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    return text if len(text) <= MAX_LABEL and text.isprintable() else None


def operator(value: object) -> str | Message:
    """The operator's name as given."""
    name = label(value)
    return message("record.bad_operator", max=MAX_LABEL) if name is None else name


def notice_version(value: object) -> str | Message:
    """The version of the privacy notice read to the caller (text, or a plain number)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = shown(value)
    version = label(value)
    if version is None:
        return message("record.bad_notice_version", max=MAX_LABEL)
    return version


def timestamp(value: object) -> datetime | Message:
    """An RFC 3339 time with an offset whose instant lies within the calendar in UTC."""
    text = value.strip() if isinstance(value, str) else ""
    found = shown(value)
    match = _RFC3339.fullmatch(text)
    if match is None:
        return message("record.bad_timestamp", found=found)
    if match["offset"] is None:
        return message("record.timestamp_no_offset", found=found)
    if match["s"] == "60":
        return message("record.timestamp_leap_second", found=found)
    if match["oh"] is not None and (int(match["oh"]) > 23 or int(match["om"]) > 59):
        return message("record.timestamp_bad_offset", found=found)
    try:
        moment = datetime.fromisoformat(text.upper())
    except ValueError:
        return message("record.bad_timestamp", found=found)
    try:
        moment.astimezone(UTC)
    except OverflowError:
        # 0001-01-01T00:00+14:00 and 9999-12-31T23:59-14:00 name instants outside the
        # calendar in UTC, which the store sorts by.
        return message("record.timestamp_out_of_range", found=found)
    return moment
