"""Types of the numeric command-line options: a value in range or a usage error naming it.

``int`` and ``float`` as argparse types let through what no command can use: ``nan``,
``inf``, ``1e309``, ``10**30`` (past SQLite's 64-bit integers), Arabic-Indic or full-width
digits. These types accept ASCII digits within sane bounds and otherwise raise
``ArgumentTypeError`` with a message in the operator's language, so argparse exits 2.
"""

from __future__ import annotations

import argparse
import math
import re
from collections.abc import Callable
from typing import Final

from intake_tui.i18n import Lang, render

#: Bounds of ``list --limit``: a million rows is already more than a terminal can show.
MAX_LIMIT: Final = 1_000_000
#: Bounds of ``purge --older-than``: a hundred years is a typo, not a retention period.
MAX_DAYS: Final = 36_500
#: Bounds of ``sync --timeout``: a day; 0 means one round without waiting.
MAX_TIMEOUT_S: Final = 86_400

_WHOLE = re.compile(r"[+-]?[0-9]{1,20}")
_DECIMAL = re.compile(r"[+-]?(?:[0-9]{1,20}(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]{1,4})?")
#: How much of a wrong value a usage error quotes.
_SHOWN: Final = 40


def _quoted(text: str) -> str:
    """The value as typed, short and without control characters."""
    short = text if len(text) <= _SHOWN else text[:_SHOWN] + "…"
    return "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in short)


def whole_number(message_key: str, lang: Lang, *, least: int, most: int) -> Callable[[str], int]:
    """An argparse type: an integer from *least* to *most* in ASCII digits."""

    def parse(text: str) -> int:
        value = text.strip()
        if _WHOLE.fullmatch(value) and least <= int(value) <= most:
            return int(value)
        raise argparse.ArgumentTypeError(render(message_key, lang, value=_quoted(text)))

    return parse


def seconds(message_key: str, lang: Lang, *, most: float) -> Callable[[str], float]:
    """An argparse type: a finite number of seconds from 0 to *most*."""

    def parse(text: str) -> float:
        value = text.strip()
        if _DECIMAL.fullmatch(value):
            number = float(value)
            if math.isfinite(number) and 0 <= number <= most:
                return number
        raise argparse.ArgumentTypeError(render(message_key, lang, value=_quoted(text)))

    return parse


def limit(lang: Lang) -> Callable[[str], int]:
    """``list --limit N``."""
    return whole_number("cli.option.limit", lang, least=1, most=MAX_LIMIT)


def older_than(lang: Lang) -> Callable[[str], int]:
    """``purge --older-than DAYS``."""
    return whole_number("cli.purge.bad_days", lang, least=1, most=MAX_DAYS)


def timeout(lang: Lang) -> Callable[[str], float]:
    """``sync --timeout S``."""
    return seconds("cli.option.timeout", lang, most=MAX_TIMEOUT_S)
