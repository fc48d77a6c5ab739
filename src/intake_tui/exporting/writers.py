"""Export writers: each takes records and writes one file, replacing it atomically."""

from __future__ import annotations

import csv
import json
import os
import tempfile
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import IO, Any, Literal

from intake_tui.exporting.table import headers, row
from intake_tui.filesafety import FILE_MODE, make_folders, refuse_link
from intake_tui.i18n import Lang

ExportFormat = Literal["jsonl", "csv", "xlsx"]
Record = Mapping[str, Any]


def _atomic(path: Path, write: Callable[[IO[bytes]], None]) -> None:
    """Write to a private temporary file beside *path*, fsync, then rename over it (0600).

    A symbolic link at *path* is refused (StoreError): the rename would replace the link,
    leaving the export somewhere the user did not mean. Missing folders are made 0700.
    """
    refuse_link(path)
    make_folders(path.parent)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        os.fchmod(fd, FILE_MODE)  # mkstemp's own mode is 0600; never let a umask widen it
        with os.fdopen(fd, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        Path(temp).replace(path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def write_jsonl(path: Path, records: Iterable[Record]) -> int:
    """One record per line."""
    count = 0

    def write(handle: IO[bytes]) -> None:
        nonlocal count
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False).encode() + b"\n")
            count += 1

    _atomic(path, write)
    return count


def write_csv(path: Path, records: Iterable[Record], lang: Lang) -> int:
    """UTF-8 with a BOM so that Excel opens Chinese text correctly."""
    count = 0

    def write(handle: IO[bytes]) -> None:
        nonlocal count
        handle.write(b"\xef\xbb\xbf")
        text = _TextSink(handle)
        writer = csv.writer(text)
        writer.writerow(headers(lang))
        for record in records:
            writer.writerow(["" if cell is None else cell for cell in row(record, lang)])
            count += 1

    _atomic(path, write)
    return count


def write_xlsx(path: Path, records: Iterable[Record], lang: Lang) -> int:
    """An .xlsx workbook with one sheet, written in streaming mode."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("来电登记" if lang == "zh" else "Inquiries")
    sheet.append(headers(lang))
    count = 0
    for record in records:
        sheet.append(row(record, lang))
        count += 1

    _atomic(path, workbook.save)
    return count


class _TextSink:
    """A text ``write`` on top of a binary handle, for the csv module."""

    def __init__(self, handle: IO[bytes]) -> None:
        self.handle = handle

    def write(self, text: str) -> int:
        return self.handle.write(text.encode())


def export(path: Path, fmt: ExportFormat, records: Iterable[Record], lang: Lang) -> int:
    """Write *records* to *path* in *fmt*; returns how many were written."""
    if fmt == "jsonl":
        return write_jsonl(path, records)
    if fmt == "csv":
        return write_csv(path, records, lang)
    return write_xlsx(path, records, lang)
