"""When to try again: capped exponential backoff with jitter, or the server's Retry-After."""

from __future__ import annotations

import random as _random
from collections.abc import Callable
from datetime import datetime
from email.utils import parsedate_to_datetime

RandomSource = Callable[[], float]


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
    """Seconds to wait from a ``Retry-After`` value (``120`` or an HTTP date), or None."""
    if value is None:
        return None
    text = value.strip()
    if not text:
        return None
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        return None
    return max(0.0, (when - now).total_seconds())


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
