"""Files nobody else can read or plant, checked the way ssh checks its keys.

The program's files (the store and its ``-wal``/``-shm``, the local file, exports, logs)
hold personal data. Before one is opened it must be a plain file, not a symbolic link
(a link could send the data somewhere else), owned by the user running the program and
neither readable nor writable by group or others; its folder must not be writable by
others, who could plant a link or a file of their own there. Once the folder is the
user's own, a check followed by an open cannot be raced by anyone else.

Problems raise :class:`~intake_tui.store.errors.StoreError`, so every command exits 2
with the path and the fix, and the TUI refuses to start the same way.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Final

from intake_tui.store.errors import StoreError, store_error

FILE_MODE: Final = 0o600
FOLDER_MODE: Final = 0o700
#: Bits that let group or others read, write or run a file.
_SHARED_BITS: Final = 0o077
#: Opening without following a symbolic link at the last part of the path (0 where unknown).
NOFOLLOW: Final[int] = getattr(os, "O_NOFOLLOW", 0)
_CHECKED: Final = os.name == "posix"


def _owner_fix(path: Path) -> str:
    """The command that gives *path* to the user running the program."""
    return f"chown {os.geteuid()} {path}"


def check_file(path: Path) -> None:
    """Refuse *path* when it is a link, another user's, or open to group or others.

    A missing file passes: it will be created private.
    """
    if not _CHECKED:
        return
    try:
        info = path.lstat()
    except FileNotFoundError:
        return
    except OSError as error:
        reason = error.strerror or str(error)
        raise store_error("store.cannot_open", path, reason=reason) from error
    if stat.S_ISLNK(info.st_mode):
        raise store_error("store.file_is_link", path, target=path.readlink())
    if not stat.S_ISREG(info.st_mode):
        raise store_error("store.cannot_open", path, reason="not a regular file / 不是普通文件")
    if info.st_uid != os.geteuid():
        raise store_error("store.file_not_owned", path, owner=info.st_uid, fix=_owner_fix(path))
    mode = stat.S_IMODE(info.st_mode)
    if mode & _SHARED_BITS:
        raise store_error("store.file_shared", path, mode=f"{mode:04o}")


def check_folder(folder: Path) -> None:
    """Refuse a folder others may write to (they could plant files there); a missing one passes."""
    if not _CHECKED:
        return
    try:
        info = folder.stat()
    except FileNotFoundError:
        return
    except OSError as error:
        reason = error.strerror or str(error)
        raise store_error("store.cannot_open", folder, reason=reason) from error
    mode = stat.S_IMODE(info.st_mode)
    if info.st_uid not in {os.geteuid(), 0}:
        raise store_error(
            "store.folder_not_owned", folder, owner=info.st_uid, fix=_owner_fix(folder)
        )
    if mode & stat.S_IWOTH:
        raise store_error("store.folder_shared", folder, mode=f"{mode:04o}")


def check_in_folder(path: Path, *companions: str) -> None:
    """Check *path*'s folder, *path*, and the files named by adding each of *companions*."""
    check_folder(path.parent)
    for suffix in ("", *companions):
        check_file(path.with_name(path.name + suffix))


def make_folders(folder: Path) -> None:
    """Create *folder* and every missing parent ``0700``, whatever the umask.

    Folders that exist already are left as they are: they are the user's choice.
    """
    missing: list[Path] = []
    current = folder
    while not current.exists():
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    for part in reversed(missing):
        try:
            part.mkdir(mode=FOLDER_MODE)
        except FileExistsError:
            continue  # another process was faster; it made it the same way
        part.chmod(FOLDER_MODE)  # the umask may have cleared bits mkdir asked for


def refuse_link(path: Path) -> None:
    """Refuse to replace *path* when it is a symbolic link (the link would silently go)."""
    if _CHECKED and path.is_symlink():
        raise store_error("store.file_is_link", path, target=path.readlink())


__all__ = [
    "FILE_MODE",
    "FOLDER_MODE",
    "NOFOLLOW",
    "StoreError",
    "check_file",
    "check_folder",
    "check_in_folder",
    "make_folders",
    "refuse_link",
]
