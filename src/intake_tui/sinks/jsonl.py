"""The local JSONL file: one normalised record per line, durable before a save returns.

Lines are only ever appended, except by a privacy command (forget, purge), which writes
the kept lines to a new file and swaps it in. Both hold an exclusive lock on the file, so
a record appended by a TUI while the file is being rewritten is never lost: the appender
waits, sees that the path now names another file, and appends to that one.

The file is never opened through a symbolic link (``O_NOFOLLOW``): a rewrite through a
link would replace the link by a new file while the data stayed where it pointed.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO

from intake_tui.filesafety import FILE_MODE, NOFOLLOW, make_folders

_TEMPORARY_PREFIX = "."

#: Decides whether a line goes: its raw bytes and the record it holds (None: not a record).
LineFilter = Callable[[bytes, dict[str, Any] | None], bool]

if sys.platform == "win32":

    def _lock(fd: int) -> None:
        """No advisory locks here; the rewrite is still atomic, only not guarded."""

    def _try_lock(fd: int) -> bool:
        """Without locks nobody can tell whether a rewrite runs: assume one does."""
        return False

else:
    import fcntl

    def _lock(fd: int) -> None:
        """Wait for an exclusive lock on the open file (released when *fd* is closed)."""
        fcntl.flock(fd, fcntl.LOCK_EX)

    def _try_lock(fd: int) -> bool:
        """Take the exclusive lock if nobody holds it; False at once otherwise."""
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True


def _same_file(fd: int, path: Path) -> bool:
    """Whether *fd* is still the file at *path* (a rewrite may have replaced it meanwhile)."""
    try:
        return os.path.samestat(os.fstat(fd), path.stat())
    except FileNotFoundError:
        return False


def _open_locked(path: Path, flags: int) -> int:
    """Open *path* and lock it, retrying until the locked file is the one the path names."""
    while True:
        fd = os.open(path, flags | NOFOLLOW, FILE_MODE)
        try:
            _lock(fd)
            if _same_file(fd, path):
                return fd
        except BaseException:
            os.close(fd)
            raise
        os.close(fd)


def _open_for_reading(path: Path) -> BinaryIO | None:
    """The file at *path* for reading, never through a link; None when there is none."""
    try:
        fd = os.open(path, os.O_RDONLY | NOFOLLOW)
    except FileNotFoundError:
        return None
    return os.fdopen(fd, "rb")


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


def _holds(handle: BinaryIO, record_id: object, revision: object) -> bool:
    """Whether a line read from *handle* is the record *record_id* at *revision*."""
    if not isinstance(record_id, str) or not record_id:
        return False
    needle = record_id.encode()
    for line in handle:
        if needle not in line:
            continue  # most lines: no JSON parsing needed
        record = _record_of(line)
        if record is not None and (record.get("id"), record.get("revision")) == (
            record_id,
            revision,
        ):
            return True
    return False


def _key_of(record: Mapping[str, Any]) -> tuple[str, object] | None:
    """The (id, revision) a repair looks for; None for a record without a usable id."""
    record_id = record.get("id")
    if not isinstance(record_id, str) or not record_id:
        return None
    return record_id, record.get("revision")


def _held_keys(handle: BinaryIO, records: Sequence[Mapping[str, Any]]) -> set[tuple[str, object]]:
    """Which (id, revision) of *records* a line read from *handle* holds."""
    wanted = {key for key in map(_key_of, records) if key is not None}
    needles = {record_id.encode() for record_id, _ in wanted}
    found: set[tuple[str, object]] = set()
    for line in handle:
        if not any(needle in line for needle in needles):
            continue  # most lines: no JSON parsing needed
        record = _record_of(line)
        if record is not None:
            key = (record.get("id"), record.get("revision"))
            if key in wanted:
                found.add(key)
    return found


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
        fd = self._open_for_append()
        try:
            self._write(fd, b"".join(encode(record) for record in records))
        finally:
            os.close(fd)

    def append_missing(self, record: Mapping[str, Any]) -> bool:
        """Append *record* unless the file holds its id and revision already; True if written."""
        return self.append_missing_many([record]) == 1

    def append_missing_many(self, records: Sequence[Mapping[str, Any]]) -> int:
        """Append those of *records* whose id and revision the file lacks; how many were written.

        For repairs after a crash between an append and the store noting it: the whole
        file is searched once, under the lock, so neither a long run of later lines nor a
        second repairer at the same moment can make a line appear twice.
        """
        if not records:
            return 0
        fd = self._open_for_append()
        try:
            with os.fdopen(os.dup(fd), "rb") as existing:
                held = _held_keys(existing, records)
            missing = [r for r in records if _key_of(r) is None or _key_of(r) not in held]
            if missing:
                self._write(fd, b"".join(encode(record) for record in missing))
            return len(missing)
        finally:
            os.close(fd)

    def _open_for_append(self) -> int:
        """The file opened for appending and locked, its folders created private."""
        make_folders(self.path.parent)
        return _open_locked(self.path, os.O_RDWR | os.O_APPEND | os.O_CREAT)

    def _write(self, fd: int, line: bytes) -> None:
        """Write one line at the end of the locked file *fd*, whole or not at all."""
        self._repair_torn_tail(fd)
        size = os.fstat(fd).st_size
        try:
            view = memoryview(line)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        except OSError:
            # A full disk can take part of the line: cut the file back to what it held,
            # so that no half record stays in it (the store still queues this one).
            with contextlib.suppress(OSError):
                os.ftruncate(fd, size)
                os.fsync(fd)
            raise

    def _repair_torn_tail(self, fd: int) -> None:
        """Start on a fresh line if a previous write was cut off mid-line by a crash."""
        size = os.fstat(fd).st_size
        if size and os.pread(fd, 1, size - 1) != b"\n":
            os.write(fd, b"\n")

    def contains(self, record_id: str, revision: int) -> bool:
        """Whether the file holds this record revision (the whole file is searched)."""
        handle = _open_for_reading(self.path)
        if handle is None:
            return False
        with handle:
            return _holds(handle, record_id, revision)

    def records(self) -> Iterator[dict[str, Any]]:
        """Every whole record in the file, skipping a torn or foreign line."""
        handle = _open_for_reading(self.path)
        if handle is None:
            return
        with handle:
            for line in handle:
                record = _record_of(line)
                if record is not None:
                    yield record

    def count(self, drop: LineFilter) -> int:
        """How many lines *drop* selects (what :meth:`rewrite` would remove now)."""
        handle = _open_for_reading(self.path)
        if handle is None:
            return 0
        with handle:
            return sum(1 for line in handle if drop(line, _record_of(line)))

    def rewrite(self, drop: LineFilter) -> int:
        """Remove the lines *drop* selects; returns how many went.

        The kept lines go to a private temporary file in the same folder, which is
        fsync'd and then renamed over the original: a crash leaves either the old file
        or the new one, never a mixture. Nothing changes when no line is selected.
        Temporary files a killed rewrite left behind are removed first: they hold copies
        of lines, maybe of the very lines this rewrite is asked to remove.
        """
        if not self.path.exists():
            self._remove_leftovers()  # the file itself may be gone; a copy may not
            return 0
        fd = _open_locked(self.path, os.O_RDONLY)
        try:
            self._remove_leftovers()
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

    def remove_leftovers(self) -> int:
        """Remove temporary files of rewrites that were killed; returns how many went.

        Skipped (0) while another process holds the file: a rewrite may be running, and
        its temporary file is not a leftover.
        """
        if not self.path.exists():
            return self._remove_leftovers()
        try:
            fd = os.open(self.path, os.O_RDONLY | NOFOLLOW)
        except OSError:
            return 0  # a link or a vanished file: nothing of ours to tidy here
        try:
            if not _try_lock(fd):
                return 0
            return self._remove_leftovers()
        finally:
            os.close(fd)

    def _remove_leftovers(self) -> int:
        """Delete every temporary file :meth:`_replacement` names; the caller holds the lock."""
        removed = 0
        for leftover in self.path.parent.glob(f"{_TEMPORARY_PREFIX}{self.path.name}.*.tmp"):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()
                removed += 1
        return removed

    @contextmanager
    def _replacement(self) -> Iterator[tuple[BinaryIO, Callable[[], None]]]:
        """A private temporary file beside the original, and a function that swaps it in.

        Without a call to the function, the temporary file is removed on leaving.
        """
        folder = self.path.parent
        fd, name = tempfile.mkstemp(
            prefix=f"{_TEMPORARY_PREFIX}{self.path.name}.", suffix=".tmp", dir=folder
        )
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
