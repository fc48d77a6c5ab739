"""Plain numbers and money in 万元 (10,000 yuan), including the "unknown" answer for tax.

Money rules:

* A plain number means 万元: ``500`` is 500 万元, and so is ``五百`` (the field's unit).
* A number scaled by 万 or 亿 counts yuan: ``500万`` = 500, ``1.2亿`` = 12000, ``两千万`` = 2000.
* A trailing 元 also counts yuan: ``5,000,000元`` = 500. ``3000千元`` is therefore
  3,000,000 元 = 300 万元, the usual reading of the accounting unit 千元.
* 约 / 大约 / 大概 before and 左右 / 上下 after the amount are dropped.
* Ranges (``500-800万``) and negative amounts are errors; results keep at most 4 decimals.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal
from typing import Final

from intake_tui.parsing.numerals import (
    compact_number_text,
    has_magnitude,
    read_decimal,
    split_range,
    to_float,
)
from intake_tui.parsing.raw import echo, require_text, wrong_type
from intake_tui.parsing.result import Invalid, Parsed, ok, parser
from intake_tui.parsing.text import to_halfwidth

#: Answers meaning "the caller does not know the tax figure" (compared case-insensitively,
#: after full-width characters such as ？ become half-width).
UNKNOWN_WORDS: Final = frozenset({"不详", "未知", "不知道", "不清楚", "unknown", "?"})

#: Larger amounts (10^14 yuan) are unit mistakes, not investment projects.
MAX_MONEY_WAN: Final = Decimal(10) ** 10
MONEY_DECIMALS: Final = 4
NUMBER_DECIMALS: Final = 6

_APPROXIMATE_BEFORE: Final = re.compile(r"^(?:大约|大概|约|差不多|将近)")
_APPROXIMATE_AFTER: Final = re.compile(r"(?:左右|上下)$")
# "500w" is common typed shorthand for 500万.
_W_FOR_WAN: Final = re.compile(r"(?<=[0-9])[wW]$")


def read_number(raw: object, *, example: str, invalid_key: str) -> Decimal:
    """A JSON number or number text as a Decimal; anything else raises :class:`Invalid`."""
    if isinstance(raw, bool):
        raise wrong_type(raw, "number", example)
    if isinstance(raw, int):
        return Decimal(raw)
    if isinstance(raw, float):
        if not math.isfinite(raw):
            raise Invalid(invalid_key, found=str(raw), example=example)
        return Decimal(str(raw))
    text = require_text(raw, expected="number", example=example)
    value = read_decimal(compact_number_text(text))
    if value is None:
        raise Invalid(invalid_key, found=echo(text), example=example)
    return value


def format_decimal(value: Decimal | float) -> str:
    """*value* for a message: no exponent, no trailing zeros (``15000``, ``0.5``)."""
    text = f"{Decimal(str(value)):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


@parser
def parse_number(
    raw: object,
    *,
    minimum: float | None = None,
    maximum: float | None = None,
    exclusive_minimum: bool = False,
    integer: bool = False,
    unit_hint: str = "",
) -> Parsed[float | int]:
    """A number within bounds; *unit_hint* (e.g. ``米``) may follow it and is shown in messages."""
    example = format_decimal(_example_in_range(minimum, maximum, exclusive_minimum)) + unit_hint
    if isinstance(raw, str) and unit_hint:
        raw = _strip_unit(raw, unit_hint)
    value = read_number(raw, example=example, invalid_key="parsing.number_invalid")
    shown = format_decimal(value) + unit_hint
    if integer and value != value.to_integral_value():
        raise Invalid("parsing.number_not_integer", value=shown, example=example)
    too_small = minimum is not None and (
        value <= Decimal(str(minimum)) if exclusive_minimum else value < Decimal(str(minimum))
    )
    too_large = maximum is not None and value > Decimal(str(maximum))
    if too_small or too_large:
        range_zh, range_en = _describe_range(minimum, maximum, exclusive_minimum, unit_hint)
        raise Invalid(
            "parsing.number_out_of_range",
            value=shown,
            range_zh=range_zh,
            range_en=range_en,
            example=example,
        )
    if integer:
        return ok(int(value))
    return ok(to_float(value, NUMBER_DECIMALS))


@parser
def parse_money_wan(raw: object) -> Parsed[float]:
    """Money in 万元: ``500``, ``500万``, ``1.2亿``, ``5,000,000元``, ``五百万`` (module doc)."""
    return ok(_money_wan(raw, invalid_key="parsing.money_invalid"))


@parser
def parse_tax_wan(raw: object) -> Parsed[float | None]:
    """Like :func:`parse_money_wan`; an explicit unknown answer (不详, ?, JSON null) gives None."""
    if raw is None:
        return ok(None)
    if isinstance(raw, str) and to_halfwidth(raw).strip().casefold() in UNKNOWN_WORDS:
        return ok(None)
    return ok(_money_wan(raw, invalid_key="parsing.tax_invalid"))


def _money_wan(raw: object, *, invalid_key: str) -> float:
    example = "500万"
    if not isinstance(raw, str):
        value = read_number(raw, example=example, invalid_key=invalid_key)
        return _checked_wan(value, echo(str(raw)))
    text = require_text(raw, expected="number", example=example)
    compact = _APPROXIMATE_AFTER.sub("", _APPROXIMATE_BEFORE.sub("", compact_number_text(text)))
    in_yuan = compact.endswith("元")
    amount = compact.removesuffix("元")
    amount = _W_FOR_WAN.sub("万", amount)
    number = read_decimal(amount)
    if number is None:
        if split_range(amount) is not None:
            raise Invalid("parsing.money_range", found=echo(text))
        raise Invalid(invalid_key, found=echo(text), example=example)
    if in_yuan or has_magnitude(amount):
        number /= 10_000
    return _checked_wan(number, echo(text))


def _checked_wan(value: Decimal, shown: str) -> float:
    if value < 0:
        raise Invalid("parsing.money_negative", found=shown)
    if value > MAX_MONEY_WAN:
        raise Invalid("parsing.money_too_large", found=shown, value=format_decimal(value))
    return to_float(value, MONEY_DECIMALS)


def _strip_unit(text: str, unit: str) -> str:
    stripped = text.strip()
    if stripped.casefold().endswith(unit.casefold()):
        return stripped[: -len(unit)]
    return text


def _example_in_range(minimum: float | None, maximum: float | None, exclusive: bool) -> float:
    if minimum is not None and maximum is not None:
        middle = (minimum + maximum) / 2
        return float(round(middle)) if minimum < round(middle) <= maximum else middle
    # Ten above the lower bound reads like a real answer (an example of 0 would not).
    if minimum is not None:
        return minimum + 10
    if maximum is not None:
        return min(maximum, 10.0)
    return 10.0


def _describe_range(
    minimum: float | None, maximum: float | None, exclusive: bool, unit: str
) -> tuple[str, str]:
    parts_zh: list[str] = []
    parts_en: list[str] = []
    if minimum is not None:
        low = format_decimal(minimum) + unit
        parts_zh.append(f"大于 {low}" if exclusive else f"不小于 {low}")
        parts_en.append(f"greater than {low}" if exclusive else f"at least {low}")
    if maximum is not None:
        high = format_decimal(maximum) + unit
        parts_zh.append(f"不大于 {high}")
        parts_en.append(f"at most {high}")
    return "且".join(parts_zh), " and ".join(parts_en)
