"""From raw input (what an operator typed, a JSON line, a CSV row) to a normalised record.

The same function serves the TUI, ``validate`` and ``import``: every field goes through its
parser from :mod:`intake_tui.record.fields`, errors and warnings are collected by dotted
path, missing metadata is filled as during a call, and the result is checked once more by
the pydantic model.
"""

from __future__ import annotations

import difflib
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from intake_tui.i18n import Lang, Message, message
from intake_tui.parsing.result import Parsed
from intake_tui.record import metadata
from intake_tui.record.fields import BY_PATH, FIELDS, SECTIONS, FieldSpec, ParseContext

if TYPE_CHECKING:
    from intake_tui.record.model import Inquiry

#: Metadata keys accepted on input besides the fields (all optional).
METADATA_KEYS = frozenset(
    {"schema_version", "id", "revision", "created_at", "submitted_at", "operator", "warnings"}
)
CALL_KEYS = frozenset({"started_at", "ended_at", "duration_s"})
EXTRA_PATHS = frozenset({"consent.notice_version"})
UNKNOWN_VALUE = object()


@dataclass(frozen=True, slots=True)
class FieldIssue:
    """An error or warning about one field, named by dotted path ("" for the whole record)."""

    field: str
    message: Message

    def as_json(self, lang: Lang) -> dict[str, str]:
        """``{"field": ..., "message": ...}`` with the message rendered in *lang*."""
        return {"field": self.field, "message": self.message.text(lang)}


@dataclass(frozen=True, slots=True)
class Filling:
    """How missing metadata is filled, as during a call."""

    operator: str = "op-01"
    notice_version: str | None = None
    lang: Lang = "zh"
    location_ids: tuple[str, ...] = ()
    #: Stamp ``submitted_at`` when the input has none (import and submit do, validate does not).
    submitted: bool = False
    now: Callable[[], datetime] = field(default=lambda: datetime.now().astimezone())
    new_id: Callable[[], uuid.UUID] = uuid.uuid4


@dataclass(frozen=True, slots=True)
class Outcome:
    """The result of normalising one input record."""

    inquiry: Inquiry | None
    errors: tuple[FieldIssue, ...] = ()
    warnings: tuple[FieldIssue, ...] = ()
    #: Parsed values of the fields that were accepted, by dotted path.
    values: Mapping[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """True when a valid record came out."""
        return self.inquiry is not None and not self.errors


def is_blank(raw: object) -> bool:
    """Nothing was entered: absent, null, or only white space."""
    return raw is None or (isinstance(raw, str) and not raw.strip())


def parse_field(spec: FieldSpec, raw: object, ctx: ParseContext) -> Parsed[Any]:
    """Parse one field's raw value; empty text gives the field's default (or nothing)."""
    if spec.empty_is_error and isinstance(raw, str) and not raw.strip():
        return Parsed(error=message("record.empty_tax"))
    if spec.empty_is_error and raw is None:
        # An explicit JSON null in the tax field is the caller's "unknown".
        return spec.parse(raw, ctx)
    if is_blank(raw):
        return Parsed(value=_copy_default(spec.default))
    return spec.parse(raw, ctx)


def _copy_default(default: Any) -> Any:
    return list(default) if isinstance(default, tuple) else default


def flatten(raw: Mapping[str, Any]) -> tuple[dict[str, object], list[FieldIssue]]:
    """Input as ``{"need": {"kind": ...}}`` or ``{"need.kind": ...}`` to ``{"need.kind": ...}``.

    Values are not flattened further: a floor area may itself be ``{"min": .., "max": ..}``.
    """
    flat: dict[str, object] = {}
    issues: list[FieldIssue] = []
    for key, value in raw.items():
        key = str(key)
        if key in SECTIONS or key == "call":
            if isinstance(value, Mapping):
                for inner, inner_value in value.items():
                    flat[f"{key}.{inner}"] = inner_value
            elif value is not None:
                issues.append(FieldIssue(key, message("record.section_not_object", section=key)))
        else:
            flat[key] = value
    return flat, issues


def _known_paths() -> list[str]:
    return (
        [spec.path for spec in FIELDS]
        + sorted(METADATA_KEYS | EXTRA_PATHS)
        + [f"call.{key}" for key in sorted(CALL_KEYS)]
    )


def _unknown_issue(path: str) -> FieldIssue:
    close = difflib.get_close_matches(path, _known_paths(), n=1, cutoff=0.6)
    if close:
        return FieldIssue(path, message("record.unknown_field_suggest", suggestion=close[0]))
    section = path.split(".", 1)[0]
    known = [p for p in _known_paths() if p.startswith(section + ".")]
    return FieldIssue(
        path, message("record.unknown_field", known=", ".join(known) or ", ".join(SECTIONS))
    )


def normalise(raw: object, filling: Filling) -> Outcome:
    """Normalise one input record; never raises for any input."""
    if not isinstance(raw, Mapping):
        return Outcome(None, (FieldIssue("", message("record.not_object")),))
    flat, errors = flatten(raw)
    warnings: list[FieldIssue] = []
    ctx = ParseContext(today=filling.now().date(), location_ids=filling.location_ids)

    values: dict[str, Any] = {}
    for spec in FIELDS:
        present = spec.path in flat
        result = parse_field(spec, flat.get(spec.path), ctx)
        if not result.ok:
            assert result.error is not None
            errors.append(FieldIssue(spec.path, result.error))
            continue
        warnings.extend(FieldIssue(spec.path, w) for w in result.warnings)
        if present or result.value is not None:
            values[spec.path] = result.value
    _check_required(flat, values, errors)

    meta = _metadata(flat, filling, errors)
    for path in flat:
        if path not in BY_PATH and path not in EXTRA_PATHS and not _is_metadata(path):
            errors.append(_unknown_issue(path))

    errors.sort(key=_field_order)
    warnings.sort(key=_field_order)
    if errors:
        return Outcome(None, tuple(errors), tuple(warnings), values)
    document = _document(values, meta, flat, filling, warnings)
    # The pydantic model is imported on first use: the TUI does not need it to start.
    from pydantic import ValidationError

    from intake_tui.record.model import Inquiry

    try:
        inquiry = Inquiry.model_validate(document)
    except ValidationError as exc:
        model_errors = tuple(
            FieldIssue(
                ".".join(str(part) for part in err["loc"][:2]),
                message("record.invalid", detail=err["msg"]),
            )
            for err in exc.errors()
        )
        return Outcome(None, model_errors, tuple(warnings), values)
    return Outcome(inquiry, (), tuple(warnings), values)


def _check_required(
    flat: Mapping[str, object], values: Mapping[str, Any], errors: list[FieldIssue]
) -> None:
    failed = {issue.field for issue in errors}
    for spec in FIELDS:
        if spec.path in failed or not spec.required(values):
            continue
        value = values.get(spec.path)
        if spec.path == "tax.annual_tax_wan":
            if spec.path not in flat:
                errors.append(FieldIssue(spec.path, message("record.tax_missing")))
        elif spec.path == "consent.contact":
            if value is not True:
                errors.append(FieldIssue(spec.path, message("record.consent_required")))
        elif value is None or value == []:
            errors.append(FieldIssue(spec.path, _required_message(spec)))


def _required_message(spec: FieldSpec) -> Message:
    if spec.path == "need.land_area_mu":
        return message("record.land_area_required")
    if spec.path == "need.floor_area_sqm":
        return message("record.floor_area_required")
    return message("record.required", zh=spec.zh, en=spec.en)


def _is_metadata(path: str) -> bool:
    if path in METADATA_KEYS:
        return True
    section, _, key = path.partition(".")
    return section == "call" and key in CALL_KEYS


def _metadata(
    flat: Mapping[str, object], filling: Filling, errors: list[FieldIssue]
) -> dict[str, Any]:
    """Check the metadata given and fill what is missing."""
    meta: dict[str, Any] = {}

    def take(path: str, checked: object) -> None:
        if isinstance(checked, Message):
            errors.append(FieldIssue(path, checked))
        else:
            meta[path] = checked

    version = flat.get("schema_version")
    if version is not None:
        problem = metadata.schema_version(version)
        if problem is not None:
            errors.append(FieldIssue("schema_version", problem))

    raw_id = flat.get("id")
    take("id", str(filling.new_id()) if is_blank(raw_id) else metadata.record_id(raw_id))
    raw_revision = flat.get("revision")
    take("revision", 1 if is_blank(raw_revision) else metadata.revision(raw_revision))

    now = filling.now()
    for key in ("created_at", "submitted_at", "call.started_at", "call.ended_at"):
        value = flat.get(key)
        if not is_blank(value):
            take(key, metadata.timestamp(value))
    meta.setdefault("created_at", now)
    if filling.submitted:
        meta.setdefault("submitted_at", now)
    meta.setdefault("call.started_at", meta["created_at"])
    if "submitted_at" in meta:
        meta.setdefault("call.ended_at", meta["submitted_at"])

    duration = flat.get("call.duration_s")
    if not is_blank(duration):
        take("call.duration_s", metadata.duration(duration))
    elif "call.ended_at" in meta:
        seconds = (meta["call.ended_at"] - meta["call.started_at"]).total_seconds()
        meta["call.duration_s"] = max(0, round(seconds))

    operator = flat.get("operator")
    take("operator", filling.operator if is_blank(operator) else metadata.operator(operator))
    notice = flat.get("consent.notice_version")
    take(
        "consent.notice_version",
        filling.notice_version if is_blank(notice) else metadata.notice_version(notice),
    )
    return meta


def _document(
    values: Mapping[str, Any],
    meta: Mapping[str, Any],
    flat: Mapping[str, object],
    filling: Filling,
    warnings: Iterable[FieldIssue],
) -> dict[str, Any]:
    sections: dict[str, dict[str, Any]] = {name: {} for name in SECTIONS}
    for path, value in values.items():
        section, key = path.split(".", 1)
        sections[section][key] = value._asdict() if hasattr(value, "_asdict") else _plain(value)
    sections["consent"]["notice_version"] = meta["consent.notice_version"]
    if "tax.annual_tax_wan" in flat:
        sections["tax"].setdefault("annual_tax_wan", None)
    return {
        "schema_version": 1,
        "id": meta["id"],
        "revision": meta["revision"],
        "created_at": meta["created_at"],
        "submitted_at": meta.get("submitted_at"),
        "operator": meta["operator"],
        "call": {
            "started_at": meta.get("call.started_at"),
            "ended_at": meta.get("call.ended_at"),
            "duration_s": meta.get("call.duration_s"),
        },
        **sections,
        "warnings": [w.as_json(filling.lang) for w in warnings],
    }


def _plain(value: Any) -> Any:
    """Dataclass-like parser values (an area range) to plain dicts for the model."""
    if hasattr(value, "__dataclass_fields__"):
        return {name: getattr(value, name) for name in value.__dataclass_fields__}
    return value


_ORDER = {spec.path: index for index, spec in enumerate(FIELDS)}


def _field_order(issue: FieldIssue) -> int:
    return _ORDER.get(issue.field, -1 if issue.field == "" else len(_ORDER))


def today() -> date:
    """Today's local date (one place, so tests can see where time enters)."""
    return datetime.now().astimezone().date()
