"""Backoff: exponential, capped, jittered within bounds; Retry-After in both forms."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from intake_tui.delivery.backoff import backoff_delay, parse_retry_after, retry_delay

NOW = datetime(2026, 3, 2, 1, 30, tzinfo=UTC)


def test_backoff_doubles_per_attempt_until_the_cap() -> None:
    top = [backoff_delay(n, base=2, cap=60, random=lambda: 1.0) for n in range(1, 8)]
    assert top == [2, 4, 8, 16, 32, 60, 60]
    bottom = [backoff_delay(n, base=2, cap=60, random=lambda: 0.0) for n in range(1, 4)]
    assert bottom == [1, 2, 4]


@given(
    attempt=st.integers(min_value=-3, max_value=10_000),
    base=st.floats(min_value=0.1, max_value=600),
    extra=st.floats(min_value=0, max_value=86_000),
    draw=st.floats(min_value=0, max_value=1),
)
def test_backoff_stays_between_half_step_and_the_cap(
    attempt: int, base: float, extra: float, draw: float
) -> None:
    cap = base + extra
    delay = backoff_delay(attempt, base=base, cap=cap, random=lambda: draw)
    assert min(base, cap) / 2 <= delay <= cap


def test_retry_after_in_seconds_and_as_a_date() -> None:
    assert parse_retry_after("120", NOW) == 120
    assert parse_retry_after(format_datetime(NOW + timedelta(seconds=90), usegmt=True), NOW) == 90
    assert parse_retry_after(format_datetime(NOW - timedelta(hours=1), usegmt=True), NOW) == 0


def test_unusable_retry_after_is_ignored() -> None:
    for value in (None, "", "soon", "-5", "1.5", "Mon, 99 Foo 2026"):
        assert parse_retry_after(value, NOW) is None


def test_retry_after_wins_over_backoff_but_is_capped() -> None:
    assert retry_delay(1, base=2, cap=600, retry_after=30, random=lambda: 1.0) == 30
    assert retry_delay(1, base=2, cap=600, retry_after=7200, random=lambda: 1.0) == 600
    assert retry_delay(3, base=2, cap=600, retry_after=None, random=lambda: 1.0) == 8


@pytest.mark.parametrize(
    "value",
    [
        "1e9",
        "-5",
        "١٢",  # Arabic-Indic digits: str.isdigit() says yes
        "１２",  # full-width digits
        "99999999999999999999",
        "100000",  # more than a day
        "inf",
        "nan",
        "Fri, 31 Dec 9999 23:59:59 GMT",  # a date absurdly far ahead
    ],
)
def test_a_retry_after_that_only_looks_usable_falls_back_to_the_capped_backoff(
    value: str,
) -> None:
    assert parse_retry_after(value, NOW) is None
    delay = retry_delay(
        2, base=2, cap=600, retry_after=parse_retry_after(value, NOW), random=lambda: 1.0
    )
    assert delay == backoff_delay(2, base=2, cap=600, random=lambda: 1.0) == 4


@given(value=st.text(max_size=40))
def test_any_retry_after_gives_a_wait_between_zero_and_a_day_or_none(value: str) -> None:
    seconds = parse_retry_after(value, NOW)
    assert seconds is None or 0 <= seconds <= 86_400
