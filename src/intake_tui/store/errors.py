"""The one exception the store raises for problems a person must act on."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Final

from intake_tui.i18n import Message

#: Seconds a writer waits for another process's transaction before giving up.
BUSY_TIMEOUT_S: Final = 5.0

# SQLite primary result codes (extended codes carry them in the low byte).
_SQLITE_CORRUPT: Final = 11
_SQLITE_IOERR: Final = 10
_SQLITE_BUSY: Final = 5
_SQLITE_LOCKED: Final = 6
_SQLITE_READONLY: Final = 8
_SQLITE_FULL: Final = 13
_SQLITE_CANTOPEN: Final = 14
_SQLITE_NOTADB: Final = 26

_KEY_BY_CODE: Final[dict[int, str]] = {
    _SQLITE_BUSY: "store.locked",
    _SQLITE_LOCKED: "store.locked",
    _SQLITE_READONLY: "store.readonly",
    _SQLITE_FULL: "store.disk_full",
    _SQLITE_CANTOPEN: "store.cannot_open",
    _SQLITE_NOTADB: "store.not_a_database",
    _SQLITE_CORRUPT: "store.corrupt",
    _SQLITE_IOERR: "store.io_error",
}


class StoreError(Exception):
    """A store problem explained for the operator; ``message`` renders in zh or en."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.text("zh"))
        self.message = message

    @property
    def key(self) -> str:
        """The catalogue key, e.g. ``store.locked``."""
        return self.message.key


def store_error(key: str, path: Path, **params: Any) -> StoreError:
    """A StoreError for catalogue *key* about the file at *path*."""
    return StoreError(Message(key, {"path": str(path), **params}))


def is_busy(error: sqlite3.Error) -> bool:
    """Whether *error* means another connection holds the file right now."""
    code = getattr(error, "sqlite_errorcode", None)
    return isinstance(code, int) and code & 0xFF in {_SQLITE_BUSY, _SQLITE_LOCKED}


def translate(error: sqlite3.Error, path: Path) -> StoreError | None:
    """The StoreError a person can act on for an SQLite engine error, or None for bugs."""
    code = getattr(error, "sqlite_errorcode", None)
    if not isinstance(code, int):
        return None
    key = _KEY_BY_CODE.get(code & 0xFF)
    if key is None:
        return None
    return store_error(key, path, seconds=int(BUSY_TIMEOUT_S), reason=str(error))


@contextmanager
def translating(path: Path) -> Iterator[None]:
    """Turn SQLite errors a person can act on into StoreError; programming errors pass."""
    try:
        yield
    except sqlite3.Error as error:
        translated = translate(error, path)
        if translated is None:
            raise
        raise translated from error
