"""Which senders of a store are alive, so that a dead sender's claims need not wait out the lease.

Every live sender (a ``sync`` run, the TUI's delivery worker) holds a shared lock on a file
beside the store for as long as it may hold claims. The operating system drops the lock when
the process ends however it ends (kill -9 included), so a sender that can take the lock
exclusively knows that no other sender is alive: rows still marked ``sending`` then belong
to nobody and can be sent again at once instead of after their lease. Where the platform
has no ``flock`` (Windows) presence is unknown and the lease alone frees such rows.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Final

try:
    import fcntl
except ImportError:  # pragma: no cover - not on POSIX
    fcntl = None  # type: ignore[assignment]

LOCK_SUFFIX: Final = ".senders.lock"


class SenderPresence:
    """This process's membership among the senders of one store file."""

    def __init__(self, store_path: Path) -> None:
        self._path = store_path.with_name(store_path.name + LOCK_SUFFIX)
        self._descriptor: int | None = None

    @property
    def joined(self) -> bool:
        """Whether this process is registered as a live sender."""
        return self._descriptor is not None

    def join(self, when_alone: Callable[[], None]) -> None:
        """Register as a live sender; first run *when_alone* if no other sender is alive.

        *when_alone* runs while the lock is held exclusively, so no sender can start
        claiming rows until it has finished.
        """
        if self._descriptor is not None:
            return
        if fcntl is None:  # pragma: no cover - not on POSIX
            self._descriptor = -1
            return
        descriptor = os.open(self._path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
        try:
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                pass  # another sender is alive: its claims are its own
            else:
                when_alone()
            # Blocks while another process runs its own when_alone under the exclusive lock.
            fcntl.flock(descriptor, fcntl.LOCK_SH)
        except BaseException:
            os.close(descriptor)
            raise
        self._descriptor = descriptor

    def leave(self) -> None:
        """Stop being a live sender (also happens when the process ends)."""
        descriptor, self._descriptor = self._descriptor, None
        if descriptor is not None and descriptor >= 0:
            os.close(descriptor)

    def __del__(self) -> None:
        self.leave()
