"""Real faults for the tests, each undone afterwards: a full disk, files nobody may write.

- A full disk is a small tmpfs mounted over the data folder and filled with a ballast
  file: the kernel answers ENOSPC exactly as on a full disk.
- "Read-only" must stop root too (the tests run as root in CI, where chmod stops
  nothing): ``chattr +i`` makes a file or folder immutable for every user, and files
  already open for writing fail at their next write, as on a disk remounted read-only.
  A read-only remount itself is refused while a program holds files open for writing
  ("mount point is busy"), so it cannot model a fault that arrives while saving.

Each helper skips the test (with the reason) where the machine does not allow the fault:
mounting needs CAP_SYS_ADMIN, ``chattr +i`` needs root and an ext2/3/4-like file system.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

BALLAST = "ballast.bin"


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, check=False)


@contextlib.contextmanager
def small_disk(folder: Path, size_kib: int = 4096) -> Iterator[Path]:
    """Mount a tmpfs of *size_kib* KiB at *folder* (created) for the block; skip if not allowed."""
    folder.mkdir(parents=True, exist_ok=True)
    if shutil.which("mount") is None:
        pytest.skip("no mount command: cannot make a small disk")
    mounted = _run(
        "mount", "-t", "tmpfs", "-o", f"size={size_kib}k,mode=0700", "tmpfs", str(folder)
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here (needs CAP_SYS_ADMIN): {mounted.stderr.strip()}")
    try:
        yield folder
    finally:
        # Lazy: a file still open (a killed app's) must not keep the mount forever.
        _run("umount", "-l", str(folder))


def fill_disk(folder: Path) -> Path:
    """Write a ballast file into *folder* until its file system is full; returns the file."""
    ballast = folder / BALLAST
    fd = os.open(ballast, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        for chunk in (65536, 4096, 512, 1):
            block = b"\0" * chunk
            while True:
                try:
                    os.write(fd, block)
                except OSError as error:
                    if error.errno != errno.ENOSPC:
                        raise
                    break
    finally:
        os.close(fd)
    return ballast


def free_disk(folder: Path) -> None:
    """Remove the ballast again: the disk has room."""
    (folder / BALLAST).unlink(missing_ok=True)


@contextlib.contextmanager
def immutable(*paths: Path) -> Iterator[None]:
    """``chattr +i`` on every existing path for the block (even root cannot write); or skip.

    Never give an SQLite ``-shm`` file here: it is memory-mapped, and a write to a mapped
    immutable file kills the process with SIGBUS, which is the test's doing, not a fault
    a desk meets.
    """
    targets = [path for path in paths if path.exists()]
    assert not any(path.name.endswith("-shm") for path in targets), targets
    if shutil.which("chattr") is None or os.geteuid() != 0:
        pytest.skip("chattr +i needs root and the chattr command")
    changed: list[Path] = []
    try:
        for path in targets:
            done = _run("chattr", "+i", str(path))
            if done.returncode != 0:
                pytest.skip(f"chattr +i is not supported here: {done.stderr.strip()}")
            changed.append(path)
        yield
    finally:
        for path in reversed(changed):
            _run("chattr", "-i", str(path))


def store_files(database: Path) -> list[Path]:
    """The store file, its WAL and its folder: what a read-only data folder refuses to write."""
    return [database, database.with_name(database.name + "-wal"), database.parent]
