"""The data file on disk: recognising ours before SQLite touches it, creating it private.

Checks here read raw bytes only, so a file that is refused is never opened by SQLite and
stays byte-for-byte as it was.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Final

from intake_tui import filesafety
from intake_tui.store.errors import StoreError, store_error
from intake_tui.store.migrations import LATEST_VERSION

SQLITE_HEADER: Final = b"SQLite format 3\x00"
_HEADER_SIZE: Final = 100
_USER_VERSION_OFFSET: Final = 60  # big-endian 32-bit integer in the file header

FILE_MODE: Final = filesafety.FILE_MODE
FOLDER_MODE: Final = filesafety.FOLDER_MODE
#: Files SQLite keeps beside the store; they hold the same data.
COMPANIONS: Final = ("-wal", "-shm")


def _looks_like_sqlite(header: bytes) -> bool:
    """Whether *header* has the magic string and the fixed fields of an SQLite file header.

    The fixed fields keep a damaged or foreign file with the right first bytes from being
    read as a version number (and misreported as "written by newer code").
    """
    if len(header) < _HEADER_SIZE or not header.startswith(SQLITE_HEADER):
        return False
    page_size = int.from_bytes(header[16:18], "big")
    valid_page_size = page_size == 1 or (512 <= page_size <= 32768 and page_size.bit_count() == 1)
    # Maximum, minimum and leaf payload fractions: always 64, 32 and 32.
    return valid_page_size and header[21:24] == b"\x40\x20\x20"


def check_existing(path: Path) -> None:
    """Refuse a file that is not an SQLite database or was written by newer code.

    An empty file is accepted: SQLite treats it as a new, empty database.
    """
    if not path.is_file():
        raise store_error("store.cannot_open", path, reason="not a regular file / 不是普通文件")
    with path.open("rb") as handle:
        header = handle.read(_HEADER_SIZE)
    if not header:
        return
    if not _looks_like_sqlite(header):
        raise store_error("store.not_a_database", path)
    # The header copy can lag behind a not yet checkpointed WAL; the store checks the
    # version again inside its first transaction. This early look avoids even that open.
    found = int.from_bytes(header[_USER_VERSION_OFFSET : _USER_VERSION_OFFSET + 4], "big")
    if found > LATEST_VERSION:
        raise store_error("store.newer_version", path, found=found, supported=LATEST_VERSION)


def create_private(path: Path) -> None:
    """Create an empty file readable by its owner only, in a folder only the owner can enter.

    SQLite gives the -wal and -shm files the permissions of the database file, so they
    are private too.
    """
    filesafety.make_folders(path.parent)
    try:
        descriptor = os.open(
            path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | filesafety.NOFOLLOW, FILE_MODE
        )
    except FileExistsError:
        return  # another process created it first; it checks and migrates it the same way
    try:
        os.fchmod(descriptor, FILE_MODE)
    finally:
        os.close(descriptor)


def prepare(path: Path) -> None:
    """Make *path* ready for SQLite: refuse foreign, newer or unsafe files, create a missing one.

    SQLite follows links, so the store, its -wal and -shm are checked here: none may be
    a link, another user's or open to others, and the folder may not be writable by others.
    """
    try:
        filesafety.check_folder(path.parent)
        if path.is_symlink():
            filesafety.check_file(path)  # refuses it, naming where it points
        if path.exists():
            check_existing(path)
        else:
            create_private(path)
            check_existing(path)  # a concurrent creator may have been faster than us
        filesafety.check_in_folder(path, *COMPANIONS)
    except OSError as error:
        raise os_error(error, path) from error


def os_error(error: OSError, path: Path) -> StoreError:
    """The StoreError for a failed file-system call on the data file or its folder."""
    if error.errno == errno.ENOSPC:
        return store_error("store.disk_full", path)
    if error.errno in {errno.EACCES, errno.EPERM, errno.EROFS}:
        return store_error("store.readonly", path)
    return store_error("store.cannot_open", path, reason=error.strerror or str(error))
