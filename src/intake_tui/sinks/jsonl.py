"""The local JSONL file: one normalised record per line, durable before a save returns."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

#: How far back from the end of the file to look when asking "is this record already there?".
TAIL_BYTES = 256 * 1024


def encode(record: Mapping[str, Any]) -> bytes:
    """One record as one UTF-8 JSON line (Chinese kept readable, no spaces wasted)."""
    return (json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n").encode()


class JsonlSink:
    """Appends records to a JSONL file, flushed and fsync'd before :meth:`append` returns."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def append(self, record: Mapping[str, Any]) -> None:
        """Append *record*; when this returns the line is on disk."""
        line = encode(record)
        self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            self._repair_torn_tail(fd)
            view = memoryview(line)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)

    def _repair_torn_tail(self, fd: int) -> None:
        """Start on a fresh line if a previous write was cut off mid-line by a crash."""
        size = os.fstat(fd).st_size
        if size == 0:
            return
        with self.path.open("rb") as existing:
            existing.seek(size - 1)
            if existing.read(1) != b"\n":
                os.write(fd, b"\n")

    def contains(self, record_id: str, revision: int) -> bool:
        """Whether the file's recent tail already holds this record revision."""
        if not self.path.exists():
            return False
        with self.path.open("rb") as handle:
            handle.seek(0, os.SEEK_END)
            handle.seek(max(0, handle.tell() - TAIL_BYTES))
            tail = handle.read()
        for line in tail.splitlines():
            try:
                record = json.loads(line)
            except (ValueError, UnicodeDecodeError):
                continue
            if (
                isinstance(record, dict)
                and record.get("id") == record_id
                and record.get("revision") == revision
            ):
                return True
        return False

    def records(self) -> Iterator[dict[str, Any]]:
        """Every whole record in the file, skipping a torn or foreign line."""
        if not self.path.exists():
            return
        with self.path.open("rb") as handle:
            for line in handle:
                try:
                    record = json.loads(line)
                except (ValueError, UnicodeDecodeError):
                    continue
                if isinstance(record, dict):
                    yield record
