"""The local JSONL file: one normalised record per line, durable before a save returns.

Lines are only ever appended, except by a privacy command (forget, purge), which writes
the kept lines to a new file and swaps it in. Both hold an exclusive lock on the file, so
a record appended by a TUI while the file is being rewritten is never lost: the appender
waits, sees that the path now names another file, and appends to that one.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import tempfile
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO

#: How far back from the end of the file to look when asking "is this record already there?".
TAIL_BYTES = 256 * 1024

FILE_MODE = 0o600

#: Decides whether a line goes: its raw bytes and the record it holds (None: not a record).
LineFilter = Callable[[bytes, dict[str, Any] | None], bool]

if sys.platform == "win32":

    def _lock(fd: int) -> None:
        """No advisory locks here; the rewrite is still atomic, only not guarded."""

else:
    import fcntl

    def _lock(fd: int) -> None:
        """Wait for an exclusive lock on the open file (released when *fd* is closed)."""
        fcntl.flock(fd, fcntl.LOCK_EX)


def _same_file(fd: int, path: Path) -> bool:
    """Whether *fd* is still the file at *path* (a rewrite may have replaced it meanwhile)."""
    try:
        return os.path.samestat(os.fstat(fd), path.stat())
    except FileNotFoundError:
        return False


def _open_locked(path: Path, flags: int) -> int:
    """Open *path* and lock it, retrying until the locked file is the one the path names."""
    while True:
        fd = os.open(path, flags, FILE_MODE)
        try:
            _lock(fd)
            if _same_file(fd, path):
                return fd
        except BaseException:
            os.close(fd)
            raise
        os.close(fd)


def _record_of(line: bytes) -> dict[str, Any] | None:
    """The record on one line, or None for a torn or foreign line."""
    try:
        record = json.loads(line)
    except (ValueError, UnicodeDecodeError):
        return None
    return record if isinstance(record, dict) else None


def _fsync_folder(folder: Path) -> None:
    """Make a rename in *folder* durable (not possible, nor needed, on Windows)."""
    if sys.platform == "win32":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def encode(record: Mapping[str, Any]) -> bytes:
    """One record as one UTF-8 JSON line (Chinese kept readable, no spaces wasted)."""
    return (json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n").encode()


class JsonlSink:
    """Appends records to a JSONL file, flushed and fsync'd before :meth:`append` returns."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def append(self, record: Mapping[str, Any]) -> None:
        """Append *record*; when this returns the line is on disk."""
        self.append_many([record])

    def append_many(self, records: Sequence[Mapping[str, Any]]) -> None:
        """Append *records* in one write and one fsync; when this returns they are on disk."""
        if not records:
            return
        data = b"".join(encode(record) for record in records)
        self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = _open_locked(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT)
        try:
            self._repair_torn_tail(fd)
            size = os.fstat(fd).st_size
            try:
                view = memoryview(data)
                while view:
                    written = os.write(fd, view)
                    view = view[written:]
                os.fsync(fd)
            except OSError:
                # A full disk can take part of the lines: cut the file back to what it held,
                # so that no half record stays in it (the store still queues these).
                with contextlib.suppress(OSError):
                    os.ftruncate(fd, size)
                    os.fsync(fd)
                raise
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

    def present(self, keys: Collection[tuple[str, int]], *, window: int) -> set[tuple[str, int]]:
        """Which (id, revision) of *keys* the last ``window + TAIL_BYTES`` bytes hold.

        For a backlog of lines that may have been appended just before a crash: the
        caller sizes *window* to hold all of them, so none is appended a second time.
        """
        if not keys or not self.path.exists():
            return set()
        wanted = set(keys)
        found: set[tuple[str, int]] = set()
        with self.path.open("rb") as handle:
            handle.seek(0, os.SEEK_END)
            handle.seek(max(0, handle.tell() - window - TAIL_BYTES))
            for line in handle:
                record = _record_of(line)
                if record is None:
                    continue
                key = (record.get("id"), record.get("revision"))
                if key in wanted:
                    found.add(key)
        return found

    def records(self) -> Iterator[dict[str, Any]]:
        """Every whole record in the file, skipping a torn or foreign line."""
        if not self.path.exists():
            return
        with self.path.open("rb") as handle:
            for line in handle:
                record = _record_of(line)
                if record is not None:
                    yield record

    def count(self, drop: LineFilter) -> int:
        """How many lines *drop* selects (what :meth:`rewrite` would remove now)."""
        if not self.path.exists():
            return 0
        with self.path.open("rb") as handle:
            return sum(1 for line in handle if drop(line, _record_of(line)))

    def rewrite(self, drop: LineFilter) -> int:
        """Remove the lines *drop* selects; returns how many went.

        The kept lines go to a private temporary file in the same folder, which is
        fsync'd and then renamed over the original: a crash leaves either the old file
        or the new one, never a mixture. Nothing changes when no line is selected.
        """
        if not self.path.exists():
            return 0
        fd = _open_locked(self.path, os.O_RDONLY)
        try:
            with os.fdopen(os.dup(fd), "rb") as source, self._replacement() as (target, commit):
                dropped = 0
                for line in source:
                    if drop(line, _record_of(line)):
                        dropped += 1
                    else:
                        target.write(line)
                if dropped:
                    commit()
            return dropped
        finally:
            os.close(fd)  # releases the lock, after the new file is in place

    @contextmanager
    def _replacement(self) -> Iterator[tuple[BinaryIO, Callable[[], None]]]:
        """A private temporary file beside the original, and a function that swaps it in.

        Without a call to the function, the temporary file is removed on leaving.
        """
        folder = self.path.parent
        fd, name = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=folder)
        temporary = Path(name)
        handle = os.fdopen(fd, "wb")

        def commit() -> None:
            handle.flush()
            os.fsync(handle.fileno())
            os.fchmod(handle.fileno(), FILE_MODE)
            temporary.replace(self.path)
            _fsync_folder(folder)

        try:
            yield handle, commit
        finally:
            handle.close()
            temporary.unlink(missing_ok=True)
