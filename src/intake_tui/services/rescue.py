"""Saving the inquiry on screen to a file of the operator's choosing, when the store cannot.

When the data folder is full or read-only, the call in progress must not be lost: the
operator types a path (a USB stick, another disk) and the inquiry goes there as one JSON
document, with the text of every field, the normalised record when it is valid, and the
errors that keep it from being valid. The file is written whole or not at all: a private
temporary file beside the target, fsync'd, then renamed over it.
"""

from __future__ import annotations

import errno
import json
import os
import tempfile
from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any, Final

from intake_tui.i18n import Lang, Message
from intake_tui.record.normalise import normalise
from intake_tui.services.capture import CaptureSession

#: What the ``format`` key of a rescue file says, so that a person or a script knows it.
FORMAT: Final = "intake-tui.rescue"
FORMAT_VERSION: Final = 1
FILE_MODE: Final = 0o600


class RescueError(Exception):
    """The rescue file could not be written; ``message`` says why and what to do."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.text("en"))
        self.message = message


def default_rescue_path(record_id: str, home: Path | None = None) -> Path:
    """Where the rescue file goes unless the operator types another path."""
    folder = home if home is not None else Path.home()
    return folder / f"intake-tui-{record_id[:8]}.json"


def rescue_document(session: CaptureSession, *, saved_at: datetime, lang: Lang) -> dict[str, Any]:
    """The inquiry on screen as a rescue document (the record only when it is valid)."""
    # Not stamped as submitted: it was not, and it may still be submitted later.
    outcome = normalise(session.raw_record(), replace(session.filling, submitted=False))
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "id": session.record_id,
        "operator": session.filling.operator,
        "started_at": session.started_at_text,
        "saved_at": saved_at.isoformat(timespec="seconds"),
        "fields": dict(sorted(session.fields.items())),
        "valid": outcome.ok,
        "record": outcome.inquiry.document() if outcome.ok and outcome.inquiry else None,
        "errors": [issue.as_json(lang) for issue in outcome.errors],
        "warnings": [issue.as_json(lang) for issue in outcome.warnings],
    }


def resolve_target(typed: str, record_id: str) -> Path:
    """The file a typed path names: ``~`` expanded, a folder gets the default file name."""
    text = typed.strip()
    if not text:
        raise RescueError(Message("tui.rescue.no_path", {"example": _example(record_id)}))
    path = Path(text).expanduser()
    if path.is_dir():
        path = default_rescue_path(record_id, path)
    return path.absolute()


def write_rescue(typed: str, document: Mapping[str, Any]) -> Path:
    """Write *document* to the file *typed* names, atomically and private; returns the file.

    An existing file is replaced only when it is an earlier rescue of the same inquiry,
    so a mistyped path never overwrites someone's other file.
    """
    record_id = str(document["id"])
    path = resolve_target(typed, record_id)
    example = _example(record_id)
    if not path.parent.is_dir():
        raise RescueError(
            Message("tui.rescue.no_folder", {"folder": str(path.parent), "example": example})
        )
    if path.exists() and not _is_rescue_of(path, record_id):
        raise RescueError(Message("tui.rescue.exists", {"path": str(path), "example": example}))
    data = (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode()
    try:
        _replace_atomically(path, data)
    except OSError as error:
        raise _os_error(error, path, example) from error
    return path


def _replace_atomically(path: Path, data: bytes) -> None:
    """Write *data* to a temporary file beside *path*, sync it, and rename it over *path*."""
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    temporary = Path(name)
    try:
        try:
            os.fchmod(fd, FILE_MODE)
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
        temporary.replace(path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    _sync_folder(path.parent)


def _sync_folder(folder: Path) -> None:
    """Make the rename durable; some file systems (FAT on a USB stick) cannot, which is fine."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _is_rescue_of(path: Path, record_id: str) -> bool:
    """Whether the file at *path* is a rescue file of the inquiry *record_id*."""
    try:
        existing = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return False
    return (
        isinstance(existing, dict)
        and existing.get("format") == FORMAT
        and existing.get("id") == record_id
    )


def _os_error(error: OSError, path: Path, example: str) -> RescueError:
    """The operator's message for a failed write at *path*."""
    params = {"path": str(path), "example": example}
    if error.errno in {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}:
        return RescueError(Message("tui.rescue.disk_full", params))
    if error.errno in {errno.EROFS, errno.EACCES, errno.EPERM}:
        return RescueError(Message("tui.rescue.readonly", params))
    reason = error.strerror or str(error)
    return RescueError(Message("tui.rescue.failed", {**params, "reason": reason}))


def _example(record_id: str) -> str:
    """A path on removable media to suggest, for this inquiry."""
    return f"/media/usb/intake-tui-{record_id[:8]}.json"
