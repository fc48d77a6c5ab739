"""When to try again: capped exponential backoff with jitter, or the server's Retry-After."""

from __future__ import annotations

import random as _random
import re
from collections.abc import Callable
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Final

RandomSource = Callable[[], float]

#: Delta-seconds as RFC 9110 spells them: ASCII digits only (``str.isdigit`` would also
#: take Arabic-Indic or full-width digits, and ``float`` would read ``1e9`` or ``inf``).
_DELTA_SECONDS: Final = re.compile(r"[0-9]{1,12}")
#: Longest wait a server is believed about: a day (the largest ``retry_cap_s`` allowed).
#: A longer one is a broken server or proxy, so the normal backoff applies instead.
MAX_RETRY_AFTER_S: Final = 86_400.0


def backoff_delay(
    attempt: int, *, base: float, cap: float, random: RandomSource = _random.random
) -> float:
    """Seconds before retry number *attempt* (1-based): ``base·2^(attempt-1)`` capped, jittered.

    "Equal jitter": half the step is fixed, half random, so many operators' clients that
    failed together do not come back together, yet no retry comes almost immediately.
    """
    exponent = min(max(attempt, 1) - 1, 62)
    step = min(cap, base * 2.0**exponent)
    return step / 2 + random() * step / 2


def parse_retry_after(value: str | None, now: datetime) -> float | None:
    """Seconds to wait from a ``Retry-After`` value (``120`` or an HTTP date), or None.

    None (so the normal backoff applies) for anything else: a value that only looks like
    a number (``1e9``, ``-5``, non-ASCII digits), or a wait beyond ``MAX_RETRY_AFTER_S``.
    """
    if value is None:
        return None
    text = value.strip(" \t")
    if not text:
        return None
    if _DELTA_SECONDS.fullmatch(text):
        seconds = float(text)
    else:
        try:
            when = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError, OverflowError):
            return None
        if when.tzinfo is None:
            return None
        seconds = max(0.0, (when - now).total_seconds())
    return seconds if seconds <= MAX_RETRY_AFTER_S else None


def retry_delay(
    attempt: int,
    *,
    base: float,
    cap: float,
    retry_after: float | None,
    random: RandomSource = _random.random,
) -> float:
    """The delay to use: the server's Retry-After when given (capped), else backoff."""
    if retry_after is not None:
        return min(max(retry_after, 0.0), cap)
    return backoff_delay(attempt, base=base, cap=cap, random=random)
