"""Edges of the retry wait the backend contract promises: Retry-After read exactly as
RFC 9110 spells it, believed up to a day inclusive, and a "now" from the server obeyed."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from intake_tui.delivery.backoff import MAX_RETRY_AFTER_S, parse_retry_after, retry_delay

NOW = datetime(2026, 3, 2, 1, 30, tzinfo=UTC)


def test_retry_after_may_be_padded_with_spaces_and_tabs() -> None:
    assert parse_retry_after(" \t120\t ", NOW) == 120


@pytest.mark.parametrize(
    "value",
    [
        "\x0b120",  # vertical tab: not optional whitespace in HTTP
        "120\x0c",  # form feed
        "120\xa0",  # no-break space (a header decoded as Latin-1 may carry it)
        "X120",
        "120X",
    ],
)
def test_retry_after_with_anything_else_around_the_digits_is_not_a_number(value: str) -> None:
    assert parse_retry_after(value, NOW) is None


def test_a_wait_of_exactly_a_day_is_believed_and_one_second_more_is_not() -> None:
    day = int(MAX_RETRY_AFTER_S)
    assert parse_retry_after(str(day), NOW) == day
    assert parse_retry_after(str(day + 1), NOW) is None


def test_a_server_asking_for_a_retry_now_gets_one_now() -> None:
    assert retry_delay(3, base=2, cap=600, retry_after=0.0, random=lambda: 1.0) == 0.0
    assert retry_delay(3, base=2, cap=600, retry_after=0.5, random=lambda: 1.0) == 0.5
