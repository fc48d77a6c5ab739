"""The program's one logging setup: a private, rotating file, and a filter on every record.

The file lives in the platform's user log folder (``~/.local/state/intake-tui/log/`` on
Linux), apart from the data folder: logs are for whoever maintains the desk and may be
sent to support, the data is not. The folder is ``0700`` and each file ``0600``.

Every record that reaches the file passes :class:`RedactingFilter` first: mobile numbers
are masked and credentials removed, whether the record comes from our modules, from
a library such as httpx or from a traceback. Nothing is written to the
terminal: the TUI owns the screen, and commands report through their own messages.
"""

from __future__ import annotations

import io
import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING, Final

import platformdirs

from intake_tui.filesafety import NOFOLLOW, check_in_folder, make_folders
from intake_tui.paths import APP_NAME
from intake_tui.privacy.redaction import redact

if TYPE_CHECKING:
    from logging.handlers import RotatingFileHandler

LOG_FILE_NAME: Final = "intake-tui.log"
MAX_BYTES: Final = 1_000_000
BACKUP_COUNT: Final = 5
FOLDER_MODE: Final = 0o700
FILE_MODE: Final = 0o600
#: Where the bearer token usually is, protected before any configuration is read.
DEFAULT_TOKEN_ENV: Final = "INTAKE_TUI_TOKEN"

#: Libraries whose per-request INFO lines are not written.
QUIET_LIBRARIES: Final = ("httpx", "httpcore")
_FORMAT: Final = "%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"


def log_dir() -> Path:
    """The platform's per-user log folder for intake-tui (not created)."""
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


class RedactingFilter(logging.Filter):
    """Rewrites each record's text with mobiles masked and credentials removed; drops none."""

    def __init__(self) -> None:
        super().__init__()
        self._secrets: set[str] = set()
        self._formatter = logging.Formatter()

    def protect(self, secret: str | None) -> None:
        """Never let *secret* (e.g. the bearer token's value) reach the log."""
        if secret and secret.strip():
            self._secrets.add(secret.strip())

    def filter(self, record: logging.LogRecord) -> bool:
        """Redact the message, any traceback and any stack text of *record* in place."""
        try:
            text = record.getMessage()
        except Exception:  # a bad format string must not break the caller
            text = f"{record.msg!r} {record.args!r}"
        record.msg = redact(text, self._secrets)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = self._formatter.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text, self._secrets)
        if record.stack_info:
            record.stack_info = redact(record.stack_info, self._secrets)
        return True


#: The one filter; secrets registered before installation are honoured too.
REDACTION: Final = RedactingFilter()

_installed: logging.Handler | None = None


def _private_handler(path: Path) -> RotatingFileHandler:
    """A rotating file handler whose files are created ``0600`` whatever the umask."""
    from logging.handlers import RotatingFileHandler

    class PrivateRotatingFileHandler(RotatingFileHandler):
        def _open(self) -> io.TextIOWrapper:
            # The folder is made on the first record, so commands that log nothing leave
            # no trace on disk.
            _make_folder(Path(self.baseFilename).parent)
            # Never through a link: one planted after the start-up check fails the open,
            # and the record is dropped (handleError) rather than written elsewhere.
            flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | NOFOLLOW
            fd = os.open(self.baseFilename, flags, FILE_MODE)
            os.fchmod(fd, FILE_MODE)
            return open(fd, "a", encoding=self.encoding, errors=self.errors)  # noqa: PTH123

        def handleError(self, record: logging.LogRecord) -> None:
            """A full disk or a removed folder must never disturb the operator's screen."""

    return PrivateRotatingFileHandler(
        path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8", delay=True
    )


def _make_folder(folder: Path) -> None:
    """Create the log folder and every missing parent private to the user, whatever the umask."""
    make_folders(folder)


def protect_env(name: str) -> None:
    """Never let the value of environment variable *name* (a token) reach the log."""
    REDACTION.protect(os.environ.get(name))


def install_logging(level: int = logging.INFO) -> logging.Handler:
    """Send every log record of the process, redacted, to the log file; safe to call twice.

    When the file cannot be written, records are dropped rather than printed: Python's
    fallback would write them unfiltered onto the terminal. A log file that is a link,
    another user's or open to others, or a log folder others may write to, is refused
    (StoreError, naming the path and the fix), as for the store.
    """
    global _installed
    if _installed is not None:
        return _installed
    protect_env(DEFAULT_TOKEN_ENV)
    path = log_dir() / LOG_FILE_NAME
    check_in_folder(path)
    handler: logging.Handler
    try:
        handler = _private_handler(path)
    except OSError:
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler.addFilter(REDACTION)
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(level)
    # httpx and httpcore log a line per request at INFO; the sender already logs every
    # outbox transition (id, status), and formatting, redacting and writing those lines
    # costs more than a loopback request (docs/PERFORMANCE.md, delivery throughput).
    # Their warnings and errors still come through, redacted like everything else.
    for chatty in QUIET_LIBRARIES:
        logging.getLogger(chatty).setLevel(max(level, logging.WARNING))
    _installed = handler
    return handler


def uninstall_logging() -> None:
    """Remove the handler again (tests that install it in-process)."""
    global _installed
    if _installed is None:
        return
    logging.getLogger().removeHandler(_installed)
    for chatty in QUIET_LIBRARIES:
        logging.getLogger(chatty).setLevel(logging.NOTSET)
    _installed.close()
    _installed = None
