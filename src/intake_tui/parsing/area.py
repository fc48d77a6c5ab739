"""Floor area (㎡, a single size or a range) and land area (亩).

Floor area: a 亩 or 公顷 figure is land, not floor space, so it is an error that points the
operator to the land-area field instead of being converted.

Land area: a figure in ㎡ or 公顷 typed into the 亩 field is converted (1 亩 = 10000/15 ㎡,
1 公顷 = 15 亩) and a warning shows the result. Both units measure the same ground, callers
often quote land in ㎡, and the warning keeps the conversion visible for a check.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Final, NamedTuple

from intake_tui.i18n import Message
from intake_tui.parsing.numbers import format_decimal, read_number
from intake_tui.parsing.numerals import compact_number_text, read_decimal, split_range, to_float
from intake_tui.parsing.raw import echo, require_text
from intake_tui.parsing.result import Invalid, Parsed, ok, parser

SQM_PER_MU: Final = 10000 / 15
MU_PER_HECTARE: Final = 15
MAX_FLOOR_AREA_SQM: Final = Decimal(1_000_000)
MAX_LAND_AREA_MU: Final = Decimal(10_000)
AREA_DECIMALS: Final = 2

FLOOR_AREA_EXAMPLE: Final = "3000 / 2000-3000"
LAND_AREA_EXAMPLE: Final = "50亩"

#: Spellings of square metres, longest first so that 平方米 is not read as 平 + 方米.
_SQM_UNITS: Final = (
    "squaremetres",
    "squaremeters",
    "平方米",
    "平方",
    "平米",
    "sq.m",
    "sqm",
    "m²",
    "m2",
    "㎡",
    "平",
)
_MU_UNITS: Final = ("亩", "畝", "mu")
_HECTARE_UNITS: Final = ("hectares", "hectare", "公顷", "ha")

#: The field whose unit 亩 / 公顷 is, named in the floor-area error.
LAND_FIELD: Final = ("need.land_area_mu", "用地面积", "land area")


class AreaRange(NamedTuple):
    """A floor area in ㎡ from *min* to *max* (equal for a single size)."""

    min: float
    max: float


@parser
def parse_floor_area_sqm(raw: object) -> Parsed[AreaRange]:
    """Floor area in ㎡: ``3000``, ``3000平米``, ``1.5万平``, ``2000-3000`` or a min/max object."""
    if isinstance(raw, dict):
        low, high = _area_from_object(raw)
    elif isinstance(raw, int | float) and not isinstance(raw, bool):
        low = high = read_number(
            raw, example=FLOOR_AREA_EXAMPLE, invalid_key="parsing.area_invalid"
        )
    else:
        text = require_text(raw, expected="area", example=FLOOR_AREA_EXAMPLE)
        low, high = _area_from_text(text)
    for value in (low, high):
        if value <= 0:
            raise Invalid("parsing.area_not_positive", value=format_decimal(value))
        if value > MAX_FLOOR_AREA_SQM:
            raise Invalid("parsing.area_too_large", value=format_decimal(value))
    if low > high:
        raise Invalid("parsing.area_reversed", low=format_decimal(low), high=format_decimal(high))
    return ok(AreaRange(to_float(low, AREA_DECIMALS), to_float(high, AREA_DECIMALS)))


@parser
def parse_land_area_mu(raw: object) -> Parsed[float]:
    """Land area in 亩: ``50``, ``50亩``, ``五十亩``; ㎡ and 公顷 are converted with a warning."""
    warnings: list[Message] = []
    if isinstance(raw, str):
        text = require_text(raw, expected="number", example=LAND_AREA_EXAMPLE)
        compact = compact_number_text(text).casefold()
        number_text, unit = _split_unit(compact)
        value = read_decimal(number_text)
        if value is None:
            key = "parsing.land_range" if split_range(number_text) else "parsing.land_invalid"
            raise Invalid(key, found=echo(text))
        if unit in _SQM_UNITS or unit in _HECTARE_UNITS:
            original = format_decimal(value) + unit
            value = value / Decimal(SQM_PER_MU) if unit in _SQM_UNITS else value * MU_PER_HECTARE
            warnings.append(
                Message(
                    "parsing.land_converted",
                    {"original": original, "value": format_decimal(to_float(value, 2))},
                )
            )
    else:
        value = read_number(raw, example=LAND_AREA_EXAMPLE, invalid_key="parsing.land_invalid")
    if not 0 < value <= MAX_LAND_AREA_MU:
        raise Invalid("parsing.land_out_of_range", value=format_decimal(value))
    return ok(to_float(value, AREA_DECIMALS), *warnings)


def _area_from_text(text: str) -> tuple[Decimal, Decimal]:
    compact = compact_number_text(text).casefold()
    parts = split_range(compact)
    pieces = parts if parts is not None else (compact,)
    values = [_square_metres(piece, shown=text) for piece in pieces]
    return values[0], values[-1]


def _area_from_object(raw: dict[object, object]) -> tuple[Decimal, Decimal]:
    if set(raw) != {"min", "max"}:
        raise Invalid("parsing.area_object_keys")
    low, high = (_object_end(raw[key]) for key in ("min", "max"))
    return low, high


def _object_end(raw: object) -> Decimal:
    if isinstance(raw, str) and raw.strip():
        return _square_metres(compact_number_text(raw).casefold(), shown=raw)
    return read_number(raw, example="2000", invalid_key="parsing.area_invalid")


def _square_metres(compact: str, *, shown: str) -> Decimal:
    """One compacted size in ㎡ (unit optional); a land unit raises the wrong-field error."""
    number_text, unit = _split_unit(compact)
    if unit in _MU_UNITS or unit in _HECTARE_UNITS:
        field, label_zh, label_en = LAND_FIELD
        raise Invalid(
            "parsing.area_wrong_field", unit=unit, field=field, field_zh=label_zh, field_en=label_en
        )
    value = read_decimal(number_text)
    if value is None:
        raise Invalid("parsing.area_invalid", found=echo(shown))
    return value


def _split_unit(compact: str) -> tuple[str, str]:
    """The number part of compacted text and the area unit at its end ("" when none)."""
    for unit in (*_SQM_UNITS, *_MU_UNITS, *_HECTARE_UNITS):
        if compact.endswith(unit) and len(compact) > len(unit):
            return compact[: -len(unit)], unit
    return compact, ""
