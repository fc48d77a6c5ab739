"""One call being captured: the raw text of each field, live checks, and the final record.

This is the TUI's model, free of Textual: the capture screen only shows what a
:class:`CaptureSession` says and hands it what the operator typed.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from intake_tui.i18n import Lang, Message, message
from intake_tui.record.display import describe_value
from intake_tui.record.fields import BY_PATH, FIELDS, FieldSpec, ParseContext
from intake_tui.record.normalise import Filling, Outcome, is_blank, normalise, parse_field


@dataclass(frozen=True, slots=True)
class FieldCheck:
    """What the hint line under a field shows."""

    error: Message | None = None
    warnings: tuple[Message, ...] = ()
    reading: str = ""
    value: Any = None

    @property
    def ok(self) -> bool:
        """No error."""
        return self.error is None


@dataclass
class CaptureSession:
    """The inquiry of the call in progress."""

    filling: Filling
    record_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    started_at: datetime | None = None
    fields: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.started_at is None:
            self.started_at = self.filling.now()
        self._context = ParseContext(
            today=self.filling.now().date(), location_ids=self.filling.location_ids
        )

    def use_filling(self, filling: Filling) -> None:
        """Adopt the configured metadata (operator, notice, locations) once it is loaded."""
        self.filling = filling
        self._context = ParseContext(today=filling.now().date(), location_ids=filling.location_ids)

    @classmethod
    def resume(
        cls, filling: Filling, record_id: str, fields: Mapping[str, str], started_at: str
    ) -> CaptureSession:
        """A session continuing a saved draft."""
        try:
            started = datetime.fromisoformat(started_at)
        except ValueError:
            started = filling.now()
        return cls(filling, record_id, started, dict(fields))

    @property
    def started_at_text(self) -> str:
        """The call's start as RFC 3339."""
        assert self.started_at is not None
        return self.started_at.isoformat(timespec="seconds")

    def text(self, path: str) -> str:
        """What is in field *path* now."""
        return self.fields.get(path, "")

    def set(self, path: str, text: str) -> bool:
        """Record the operator's text for *path*; True when it changed."""
        if self.fields.get(path, "") == text:
            return False
        if text:
            self.fields[path] = text
        else:
            self.fields.pop(path, None)
        return True

    def check(self, path: str, text: str, lang: Lang, *, leaving: bool = False) -> FieldCheck:
        """The live check of one field's text (``leaving``: also report a required blank)."""
        spec = BY_PATH[path]
        if is_blank(text) and not spec.empty_is_error:
            if leaving and self.is_required(spec):
                return FieldCheck(error=message("record.required", zh=spec.zh, en=spec.en))
            return FieldCheck(
                reading=describe_value(spec, spec.default, lang) if spec.default else ""
            )
        if is_blank(text) and not leaving:
            return FieldCheck()
        result = parse_field(spec, text, self._context)
        if not result.ok:
            return FieldCheck(error=result.error)
        return FieldCheck(
            warnings=result.warnings,
            reading=describe_value(spec, result.value, lang),
            value=result.value,
        )

    def is_required(self, spec: FieldSpec) -> bool:
        """Whether *spec* is required given what is entered so far."""
        kind = parse_field(BY_PATH["need.kind"], self.text("need.kind"), self._context)
        return spec.required({"need.kind": kind.value} if kind.ok else {})

    def raw_record(self) -> dict[str, Any]:
        """The fields as the normaliser takes them, with the call's metadata."""
        raw: dict[str, Any] = {
            "id": self.record_id,
            "created_at": self.started_at_text,
            "call": {"started_at": self.started_at_text},
        }
        for spec in FIELDS:
            text = self.fields.get(spec.path)
            if text is not None or spec.empty_is_error:
                raw[spec.path] = text if text is not None else ""
        return raw

    def outcome(self) -> Outcome:
        """The whole record as it would be submitted now: errors, warnings, or a record."""
        return normalise(self.raw_record(), replace(self.filling, submitted=True))

    def has_content(self) -> bool:
        """Whether anything worth keeping was typed (defaults alone are not)."""
        return any(text.strip() for text in self.fields.values())
