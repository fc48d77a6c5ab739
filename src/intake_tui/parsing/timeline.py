"""When the project should land: a TIMELINE option or a real month ``YYYY-MM``.

Bare numbers are not option numbers here: an operator typing ``3`` most likely means
"3 months", which option 3 (6个月内) is not, so the parser asks instead of guessing.
Durations that are not an option (``2个月``) are refused for the same reason.
"""

from __future__ import annotations

import datetime
import re
from typing import Final

from intake_tui.parsing.choice import choice_error, choice_key, parse_choice
from intake_tui.parsing.numerals import read_decimal
from intake_tui.parsing.raw import echo, require_text
from intake_tui.parsing.result import Invalid, Parsed, ok, parser
from intake_tui.parsing.text import to_halfwidth
from intake_tui.record.options import TIMELINE

#: How far ahead a landing month may be.
MAX_YEARS_AHEAD: Final = 10
#: Months ahead used for the example in "past month" errors.
EXAMPLE_MONTHS_AHEAD: Final = 3

_MONTH: Final = re.compile(r"([0-9]{4})(?:[-/.]|年)([0-9]{1,2})(?:月份?)?")
# "3个月内", "三个月", "within 3 months"; "3月" is left alone because it reads as March.
_DURATION_MONTHS: Final = re.compile(
    r"(?:within)?([0-9一二两三四五六七八九十]+)(?:个月|months?)(?:内|以内|之内)?"
)
_DURATION_YEARS: Final = re.compile(r"(?:within)?(半|一|1|one)(?:年|years?)(?:内|以内|之内)?")
_CODE_FOR_MONTHS: Final = {1: "within_1m", 3: "within_3m", 6: "within_6m", 12: "within_12m"}
_UNDECIDED_ALIASES: Final = dict.fromkeys(
    ("未定", "不确定", "不知道", "不清楚", "没定", "还没定", "unknown"), "undecided"
)


@parser
def parse_timeline(raw: object, *, today: datetime.date) -> Parsed[str]:
    """A TIMELINE code (``3个月内``, ``半年内``, ``within_12m``) or a month as YYYY-MM."""
    text = require_text(raw, expected="text", example="3个月内 / 2027-03")
    compact = "".join(to_halfwidth(text).split()).casefold()
    month = _MONTH.fullmatch(compact)
    if month:
        return ok(_checked_month(int(month[1]), int(month[2]), today, echo(text)))
    code = _duration_code(compact, echo(text))
    if code is None:
        chosen = parse_choice(text, TIMELINE, aliases=_UNDECIDED_ALIASES, allow_numbers=False)
        code = chosen.value
    if code is None:
        raise choice_error("parsing.timeline_invalid", TIMELINE, numbered=False, found=echo(text))
    return ok(code)


def _duration_code(compact: str, shown: str) -> str | None:
    key = choice_key(compact)
    years = _DURATION_YEARS.fullmatch(key)
    if years:
        return "within_6m" if years[1] == "半" else "within_12m"
    months = _DURATION_MONTHS.fullmatch(key)
    if months is None:
        return None
    count = read_decimal(months[1])
    if count is None or count != count.to_integral_value():
        return None
    code = _CODE_FOR_MONTHS.get(int(count))
    if code is None:
        raise choice_error("parsing.timeline_invalid", TIMELINE, numbered=False, found=shown)
    return code


def _checked_month(year: int, month: int, today: datetime.date, shown: str) -> str:
    if not 1 <= month <= 12:
        raise Invalid("parsing.timeline_month_invalid", found=shown)
    index = year * 12 + month - 1
    now = today.year * 12 + today.month - 1
    if index < now:
        raise Invalid(
            "parsing.timeline_past",
            month=_format_month(index),
            example=_format_month(now + EXAMPLE_MONTHS_AHEAD),
        )
    latest = now + MAX_YEARS_AHEAD * 12
    if index > latest:
        raise Invalid(
            "parsing.timeline_too_far",
            month=_format_month(index),
            latest=_format_month(latest),
            years=MAX_YEARS_AHEAD,
        )
    return _format_month(index)


def _format_month(index: int) -> str:
    year, month = divmod(index, 12)
    return f"{year:04d}-{month + 1:02d}"
