"""Reading input records for ``validate`` and ``import``: JSON, JSONL or CSV.

Each record comes with where it was found (line number, or item number in a JSON array)
so that a bad one can be reported precisely. Undecodable lines are records too: they
come through as :class:`BadInput` and are reported, never dropped silently.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from intake_tui.i18n import Message, message
from intake_tui.record.fields import FIELDS

Format = Literal["auto", "json", "csv"]


@dataclass(frozen=True, slots=True)
class InputRecord:
    """One record read from the input, with its line (or array item) number."""

    line: int
    value: object


@dataclass(frozen=True, slots=True)
class BadInput:
    """A line that could not be read as a record."""

    line: int
    message: Message


class UnreadableInput(Exception):
    """The input as a whole cannot be read (not text, no header ...)."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.key)
        self.message = message


#: The JSON parser's own words are English too (``detail`` of record.bad_json).
NESTED_TOO_DEEPLY = "nested too deeply"


def decode(data: bytes) -> str:
    """Bytes to text: UTF-8 (with or without BOM), else GB 18030 as Chinese Excel writes it."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnreadableInput(message("cli.input_not_text"))


def read_records(text: str, fmt: Format = "auto") -> Iterator[InputRecord | BadInput]:
    """The records in *text*, in input order."""
    if fmt == "csv":
        yield from _read_csv(text)
        return
    stripped = text.strip()
    if not stripped:
        return
    try:
        whole = json.loads(stripped)
    except (ValueError, RecursionError):
        # Not one JSON document (or one nested too deeply to read): line by line.
        yield from _read_jsonl(text)
        return
    if isinstance(whole, list):
        for index, item in enumerate(whole, start=1):
            yield InputRecord(index, item)
    else:
        yield InputRecord(_first_content_line(text), whole)


def _first_content_line(text: str) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            return number
    return 1


def _read_jsonl(text: str) -> Iterator[InputRecord | BadInput]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield InputRecord(number, json.loads(line))
        except json.JSONDecodeError as exc:
            yield BadInput(number, message("record.bad_json", column=exc.colno, detail=exc.msg))
        except ValueError as exc:
            yield BadInput(number, message("record.bad_json", column=1, detail=str(exc)[:80]))
        except RecursionError:
            yield BadInput(number, message("record.bad_json", column=1, detail=NESTED_TOO_DEEPLY))


def _header_paths() -> dict[str, str]:
    """CSV headers may be dotted paths or the fields' Chinese or English labels."""
    names: dict[str, str] = {}
    for spec in FIELDS:
        names[spec.path.lower()] = spec.path
        names[spec.zh.lower()] = spec.path
        names[spec.en.lower()] = spec.path
    return names


def _read_csv(text: str) -> Iterator[InputRecord | BadInput]:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        return
    except csv.Error as exc:
        raise UnreadableInput(message("cli.csv_unreadable", detail=str(exc))) from exc
    known = _header_paths()
    paths = [known.get(name.strip().lower(), name.strip()) for name in header]
    if not any(paths):
        raise UnreadableInput(message("cli.csv_no_header"))
    try:
        for row in reader:
            number = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if len(row) > len(paths):
                yield BadInput(
                    number, message("cli.csv_too_many_cells", found=len(row), expected=len(paths))
                )
                continue
            yield InputRecord(number, dict(zip(paths, row, strict=False)))
    except csv.Error as exc:
        yield BadInput(reader.line_num, message("cli.csv_unreadable", detail=str(exc)))
