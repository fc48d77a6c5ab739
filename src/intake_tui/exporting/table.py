"""A normalised record as one spreadsheet row: columns, headers and display values."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from intake_tui.i18n import Lang
from intake_tui.record.fields import FIELDS, FieldSpec

#: Characters that make a spreadsheet treat a cell as a formula (OWASP CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True, slots=True)
class Column:
    """One exported column: its dotted path and its headers."""

    path: str
    zh: str
    en: str
    spec: FieldSpec | None = None

    def header(self, lang: Lang) -> str:
        """The header in *lang*."""
        return self.en if lang == "en" else self.zh


META_COLUMNS: tuple[Column, ...] = (
    Column("id", "编号", "ID"),
    Column("revision", "版本", "Revision"),
    Column("created_at", "创建时间", "Created at"),
    Column("submitted_at", "提交时间", "Submitted at"),
    Column("operator", "操作员", "Operator"),
    Column("call.duration_s", "通话时长（秒）", "Call duration (s)"),
)
TAIL_COLUMNS: tuple[Column, ...] = (
    Column("consent.notice_version", "告知文本版本", "Notice version"),
    Column("warnings", "提示", "Warnings"),
)
COLUMNS: tuple[Column, ...] = (
    META_COLUMNS
    + tuple(Column(spec.path, spec.zh, spec.en, spec) for spec in FIELDS)
    + TAIL_COLUMNS
)


def lookup(record: Mapping[str, Any], path: str) -> Any:
    """The value at a dotted *path* of a nested record, or None."""
    value: Any = record
    for part in path.split("."):
        if not isinstance(value, Mapping):
            return None
        value = value.get(part)
    return value


def display(column: Column, value: Any, lang: Lang) -> str | int | float | None:
    """A cell value: option codes as labels, ranges and lists as text, numbers kept numeric."""
    if value is None:
        return None
    spec = column.spec
    if spec is not None and spec.options is not None:
        labels = {option.code: option.label(lang) for option in spec.options}
        if isinstance(value, list):
            return "、".join(labels.get(str(code), str(code)) for code in value) or None
        return labels.get(str(value), str(value))
    if isinstance(value, Mapping) and {"min", "max"} <= set(value):
        low, high = _number(value["min"]), _number(value["max"])
        return str(low) if low == high else f"{low}-{high}"
    if isinstance(value, bool):
        return ("是" if value else "否") if lang == "zh" else ("yes" if value else "no")
    if column.path == "warnings" and isinstance(value, list):
        notes = [f"{w.get('field')}: {w.get('message')}" for w in value if isinstance(w, Mapping)]
        return "; ".join(notes) if notes else None
    if isinstance(value, int | float):
        return _number(value)
    if isinstance(value, list):
        return "、".join(str(item) for item in value)
    return str(value)


def _number(value: Any) -> int | float:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value if isinstance(value, int | float) else 0


def escape_formula(cell: str | int | float | None) -> str | int | float | None:
    """Prefix text that a spreadsheet would run as a formula with an apostrophe."""
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
        return "'" + cell
    return cell


def headers(lang: Lang, columns: Sequence[Column] = COLUMNS) -> list[str]:
    """The header row."""
    return [column.header(lang) for column in columns]


def row(
    record: Mapping[str, Any], lang: Lang, columns: Sequence[Column] = COLUMNS
) -> list[str | int | float | None]:
    """One escaped row for *record*."""
    return [escape_formula(display(c, lookup(record, c.path), lang)) for c in columns]
