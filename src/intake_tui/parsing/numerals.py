"""Reading one number out of typed text: digits, separators, 万/亿 and Chinese numerals.

The parsers for money, areas and plain numbers all read their digits here, so ``1,200``,
``１２００``, ``1.2千`` and ``一千二百`` mean the same everywhere. Values are
:class:`~decimal.Decimal` so that ``1.2亿`` is exactly 120000000, not 119999999.99999999.
"""

from __future__ import annotations

import math
import re
from decimal import ROUND_HALF_UP, Decimal
from typing import Final

from intake_tui.parsing.text import to_halfwidth

#: Longer "numbers" are typos or pasted junk; refusing them early keeps parsing cheap.
MAX_NUMBER_TEXT: Final = 64

MULTIPLIERS: Final[dict[str, int]] = {
    "十": 10,
    "百": 100,
    "千": 1000,
    "万": 10**4,
    "亿": 10**8,
    "万亿": 10**12,
}

#: Characters with more than one spelling, mapped to the one the patterns below use.
_VARIANTS: Final = str.maketrans({"萬": "万", "億": "亿", "−": "-", "‐": "-", "‑": "-", "〜": "~"})
_WHITESPACE: Final = re.compile(r"\s+")
_ASCII_DIGITS: Final = frozenset("0123456789")
_PLAIN: Final = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
_DIGITS_THEN_MULTIPLIER: Final = re.compile(
    r"([+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))(万亿|[十百千万亿])"
)
# A comma counts as a thousands separator only before exactly three digits: "1,200" is
# 1200, while "1,2" stays unreadable rather than silently becoming 12.
_THOUSANDS_SEPARATOR: Final = re.compile(r"(?<=[0-9]),(?=[0-9]{3}(?![0-9]))")
_CHINESE_NUMERAL_TEXT: Final = frozenset(
    "0123456789.零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟点负"
)
# The first part must be non-empty, so a leading minus sign is never taken as a range.
_RANGE: Final = re.compile(r"(.+?)(?:-+|~+|到|至|—+|–+)(.+)")


def compact_number_text(text: str) -> str:
    """*text* half-width, without spaces or thousands separators, variants unified.

    Spaces between two digits are kept: ``12 13`` is two numbers, not 1213.
    """
    halfwidth = to_halfwidth(text).strip().translate(_VARIANTS)
    return _THOUSANDS_SEPARATOR.sub("", _WHITESPACE.sub(_space_between_digits, halfwidth))


def _space_between_digits(match: re.Match[str]) -> str:
    text, start, end = match.string, match.start(), match.end()
    between = (
        start > 0
        and end < len(text)
        and text[start - 1] in _ASCII_DIGITS
        and text[end] in _ASCII_DIGITS
    )
    return " " if between else ""


def read_decimal(text: str) -> Decimal | None:
    """The value of compacted *text* when it is exactly one number, else None."""
    if not text or len(text) > MAX_NUMBER_TEXT:
        return None
    if _PLAIN.fullmatch(text):
        return Decimal(text)
    match = _DIGITS_THEN_MULTIPLIER.fullmatch(text)
    if match:
        return Decimal(match[1]) * MULTIPLIERS[match[2]]
    if set(text) <= _CHINESE_NUMERAL_TEXT:
        return _read_chinese(text)
    return None


def has_magnitude(text: str) -> bool:
    """True when compacted *text* scales its number by 万 or 亿 (so it counts single units)."""
    return "万" in text or "亿" in text


def split_range(text: str) -> tuple[str, str] | None:
    """The two ends of a range written ``a-b``, ``a~b``, ``a到b``, ``a至b`` or ``a—b``."""
    match = _RANGE.fullmatch(text)
    return (match[1], match[2]) if match else None


def to_float(value: Decimal, places: int) -> float:
    """*value* rounded half-up to *places* decimals, as a float (never ``-0.0``)."""
    if value == 0:
        return 0.0
    # quantize() fails beyond the context precision; such values are refused by every
    # caller's bounds anyway, so they are passed through unrounded.
    if abs(value) < Decimal(10) ** 20:
        value = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return float(value)


def _read_chinese(text: str) -> Decimal | None:
    value = _cn2an(text)
    if value is None and text[-1] in "万亿" and len(text) > 1:
        # cn2an reads 一点五 and 一万 but not 一点五万: scale the head ourselves.
        head = _cn2an(text[:-1])
        if head is not None:
            value = head * MULTIPLIERS[text[-1]]
    return value


def _cn2an(text: str) -> Decimal | None:
    # Imported here: loading cn2an takes about 100 ms and most input is plain digits.
    import cn2an

    try:
        result = cn2an.cn2an(text, "smart")
    except Exception:
        # cn2an reports unreadable text with assorted exception types; all mean "not a number".
        return None
    if isinstance(result, bool) or not isinstance(result, int | float):
        return None
    if isinstance(result, float) and not math.isfinite(result):
        return None
    return Decimal(str(result))
