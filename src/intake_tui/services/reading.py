"""Reading input records for ``validate`` and ``import``: JSON, JSONL or CSV, as a stream.

Each record comes with where it was found (line number, or item number in a JSON array)
so that a bad one can be reported precisely. Lines end at ``\\n`` (or ``\\r\\n``) only, as
an editor counts them: U+2028, U+0085 and the like inside a JSON string are data. A line
that cannot be decoded or parsed comes through as :class:`BadInput`; the lines after it
are read as usual. JSONL and CSV are read one line at a time, so memory does not grow
with the file; a JSON document (an array, or one object over several lines) is read whole.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, BinaryIO, Literal

from intake_tui.i18n import Message, message
from intake_tui.record.fields import FIELDS

if TYPE_CHECKING:
    from _csv import Reader

Format = Literal["auto", "json", "csv"]

#: How much of the input decides whether it is text at all.
SNIFF_BYTES = 8192
#: A longer line is reported, not held in memory (no record comes near this).
MAX_LINE_BYTES = 4 * 1024 * 1024
ENCODINGS = ("utf-8", "gb18030")
BOM = codecs.BOM_UTF8


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

Items = Iterator[InputRecord | BadInput]


def read_records(text: str, fmt: Format = "auto") -> Items:
    """The records in *text*, in input order."""
    return read_stream(io.BytesIO(text.encode()), fmt)


def read_stream(stream: BinaryIO, fmt: Format = "auto") -> Items:
    """The records of a binary *stream*, read lazily in input order.

    Raises :class:`UnreadableInput` at once (before any record) when the input is binary
    or a CSV has no usable header.
    """
    head = stream.read(SNIFF_BYTES)
    _check_text(head)
    lines = _Lines(head, stream)
    if fmt == "csv":
        return _read_csv(lines)
    return _read_json(lines)


def _check_text(head: bytes) -> None:
    """Refuse binary input: NUL bytes in a start that no expected encoding can read."""
    if b"\0" not in head:
        return
    for encoding in ENCODINGS:
        try:
            # Not final: the sniffed block may end inside a character.
            codecs.getincrementaldecoder(encoding)().decode(head, final=False)
            return
        except UnicodeDecodeError:
            continue
    raise UnreadableInput(message("cli.input_not_text"))


class _Lines:
    """Physical lines of the input as (number, text); text None when it cannot be decoded.

    The encoding is settled by the first line that is not plain ASCII (UTF-8 if it reads
    as such, else GB 18030); a later line the settled encoding cannot read is reported
    on its own instead of making the whole input unreadable.
    """

    def __init__(self, head: bytes, stream: BinaryIO) -> None:
        self._stream = io.BufferedReader(_Prefixed(head, stream), buffer_size=65536)
        self._encoding: str | None = None
        self.number = 0

    def __iter__(self) -> Iterator[tuple[int, str | None]]:
        while True:
            data = self._stream.readline(MAX_LINE_BYTES)
            if not data:
                return
            self.number += 1
            if self.number == 1 and data.startswith(BOM):
                data = data[len(BOM) :]
            if len(data) >= MAX_LINE_BYTES and not data.endswith(b"\n"):
                self._skip_rest_of_line()
                yield self.number, None
                continue
            yield self.number, self._decode(data)

    def _skip_rest_of_line(self) -> None:
        while True:
            data = self._stream.readline(MAX_LINE_BYTES)
            if not data or data.endswith(b"\n"):
                return

    def _decode(self, data: bytes) -> str | None:
        if data.isascii():
            return data.decode("ascii")
        candidates = ENCODINGS if self._encoding is None else (self._encoding,)
        for encoding in candidates:
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            self._encoding = encoding
            return text
        return None


class _Prefixed(io.RawIOBase):
    """The bytes already read from a stream, then the rest of that stream."""

    def __init__(self, head: bytes, stream: BinaryIO) -> None:
        self._head = memoryview(head)
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self._head:
            size = min(len(buffer), len(self._head))
            buffer[:size] = self._head[:size]
            self._head = self._head[size:]
            return size
        data = self._stream.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def _not_text(number: int) -> BadInput:
    return BadInput(number, message("cli.line_not_text", limit_mib=MAX_LINE_BYTES >> 20))


def _parse_line(number: int, line: str) -> InputRecord | BadInput:
    # Without its line end, so that a column is the one an editor shows.
    line = line.removesuffix("\n").removesuffix("\r")
    try:
        return InputRecord(number, json.loads(line))
    except json.JSONDecodeError as exc:
        return BadInput(number, message("record.bad_json", column=exc.colno, detail=exc.msg))
    except ValueError as exc:
        return BadInput(number, message("record.bad_json", column=1, detail=str(exc)[:80]))
    except RecursionError:
        return BadInput(number, message("record.bad_json", column=1, detail=NESTED_TOO_DEEPLY))


def _read_json(lines: _Lines) -> Items:
    """JSONL line by line; a JSON array, or an object over several lines, as one document."""
    source = iter(lines)
    for number, text in source:
        if text is None:
            yield _not_text(number)
            continue
        if not text.strip():
            continue
        if not text.lstrip().startswith("["):
            first = _parse_line(number, text)
            if isinstance(first, InputRecord):
                yield first
                yield from _read_jsonl(source)
                return
        yield from _read_document([(number, text), *source])
        return


def _read_jsonl(source: Iterator[tuple[int, str | None]]) -> Items:
    for number, text in source:
        if text is None:
            yield _not_text(number)
        elif text.strip():
            yield _parse_line(number, text)


def _read_document(lines: list[tuple[int, str | None]]) -> Items:
    """Everything left, as one JSON document if it is one, else as JSONL."""
    if all(text is not None for _, text in lines):
        whole = "".join(text or "" for _, text in lines)
        try:
            document = json.loads(whole)
        except (ValueError, RecursionError):
            pass
        else:
            if isinstance(document, list):
                for index, item in enumerate(document, start=1):
                    yield InputRecord(index, item)
            else:
                yield InputRecord(lines[0][0], document)
            return
    yield from _read_jsonl(iter(lines))


def _header_paths() -> dict[str, str]:
    """CSV headers may be dotted paths or the fields' Chinese or English labels."""
    names: dict[str, str] = {}
    for spec in FIELDS:
        names[spec.path.lower()] = spec.path
        names[spec.zh.lower()] = spec.path
        names[spec.en.lower()] = spec.path
    return names


def _read_csv(lines: _Lines) -> Items:
    undecodable: list[int] = []

    def texts() -> Iterator[str]:
        for number, text in lines:
            if text is None:
                # An empty line keeps the count; the record holding it is reported below.
                undecodable.append(number)
                yield "\n"
            else:
                yield text

    reader = csv.reader(texts())
    try:
        header = next(reader)
    except StopIteration:
        return iter(())
    except csv.Error as exc:
        raise UnreadableInput(message("cli.csv_unreadable", detail=str(exc))) from exc
    if undecodable:
        raise UnreadableInput(message("cli.input_not_text"))
    known = _header_paths()
    paths = [known.get(name.strip().lower(), name.strip()) for name in header]
    if not any(paths):
        raise UnreadableInput(message("cli.csv_no_header"))
    return _csv_rows(reader, paths, undecodable)


def _csv_rows(reader: Reader, paths: list[str], undecodable: list[int]) -> Items:
    while True:
        # A record starts on the line after the previous one ended (quoted cells span lines).
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield BadInput(start, message("cli.csv_unreadable", detail=str(exc)))
            continue
        if undecodable:
            yield _not_text(undecodable[0])
            undecodable.clear()
            continue
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(paths):
            yield BadInput(
                start, message("cli.csv_too_many_cells", found=len(row), expected=len(paths))
            )
            continue
        yield InputRecord(start, dict(zip(paths, row, strict=False)))
