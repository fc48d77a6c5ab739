"""The expected landing time: an option or a real month."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from intake_tui.parsing.timeline import parse_timeline
from tests.parsing.support import ANY_RAW, assert_error, assert_value, assert_well_formed

TODAY = datetime.date(2026, 5, 20)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("within_1m", "within_1m"),
        ("WITHIN_3M", "within_3m"),
        ("1个月内", "within_1m"),
        ("1个月", "within_1m"),
        ("一个月", "within_1m"),
        ("3个月内", "within_3m"),
        ("3个月", "within_3m"),
        ("三个月内", "within_3m"),
        ("３个月以内", "within_3m"),
        ("6个月内", "within_6m"),
        ("半年内", "within_6m"),
        ("半年", "within_6m"),
        ("六个月", "within_6m"),
        ("12个月内", "within_12m"),
        ("十二个月", "within_12m"),
        ("一年内", "within_12m"),
        ("1年内", "within_12m"),
        ("Within 3 months", "within_3m"),
        ("within 6 months", "within_6m"),
        ("待定", "undecided"),
        ("undecided", "undecided"),
        ("未定", "undecided"),
        ("不确定", "undecided"),
        ("2027-03", "2027-03"),
        ("2027-3", "2027-03"),
        ("2027/03", "2027-03"),
        ("2027/3", "2027-03"),
        ("2027年3月", "2027-03"),
        ("2027年03月份", "2027-03"),
        ("2027.03", "2027-03"),
        ("２０２７－０３", "2027-03"),
        (" 2027 - 3 ", "2027-03"),
        ("2026-05", "2026-05"),  # this month is still ahead
        ("2036-05", "2036-05"),  # exactly ten years ahead
    ],
)
def test_parse_timeline_accepts(raw: str, expected: str) -> None:
    assert_value(parse_timeline(raw, today=TODAY), expected)


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("2027-13", "parsing.timeline_month_invalid"),
        ("2027-0", "parsing.timeline_month_invalid"),
        ("2027年13月", "parsing.timeline_month_invalid"),
        ("2026-04", "parsing.timeline_past"),
        ("2020-01", "parsing.timeline_past"),
        ("2036-06", "parsing.timeline_too_far"),
        ("2099-01", "parsing.timeline_too_far"),
        ("2个月", "parsing.timeline_invalid"),
        ("3", "parsing.timeline_invalid"),  # "3" is not option 3: it could mean 3 months
        ("3月", "parsing.timeline_invalid"),  # March, of which year?
        ("尽快", "parsing.timeline_invalid"),
        ("2027-03-15", "parsing.timeline_invalid"),
        ("", "parsing.empty"),
        (None, "parsing.wrong_type"),
        (202703, "parsing.wrong_type"),
    ],
)
def test_parse_timeline_rejects(raw: object, key: str) -> None:
    assert_error(parse_timeline(raw, today=TODAY), key)


def test_past_month_message() -> None:
    error = parse_timeline("2026-04", today=TODAY).error
    assert error is not None
    assert error.text("zh") == "2026-04 已经过去；请填本月或以后的月份，例如 2026-08"
    assert (
        error.text("en") == "2026-04 is a past month; enter this month or a later one, e.g. 2026-08"
    )


def test_invalid_message_lists_options_without_numbers() -> None:
    error = parse_timeline("尽快", today=TODAY).error
    assert error is not None
    assert error.text("zh") == (
        "「尽快」不是落地时间；请选 1个月内 (within_1m)；3个月内 (within_3m)；6个月内 (within_6m)；"
        "12个月内 (within_12m)；待定 (undecided)，或填月份，例如 2027-03"
    )
    assert "2027-03" in error.text("en")


def test_year_boundaries() -> None:
    december = datetime.date(2026, 12, 31)
    assert_value(parse_timeline("2026-12", today=december), "2026-12")
    assert_value(parse_timeline("2027-1", today=december), "2027-01")
    assert_error(parse_timeline("2026-11", today=december), "parsing.timeline_past")


@given(
    st.dates(min_value=datetime.date(2000, 1, 1), max_value=datetime.date(2200, 12, 31)),
    st.integers(min_value=0, max_value=120),
)
def test_months_up_to_ten_years_ahead_are_kept(today: datetime.date, ahead: int) -> None:
    year, month = divmod(today.year * 12 + today.month - 1 + ahead, 12)
    assert parse_timeline(f"{year}年{month + 1}月", today=today).value == f"{year}-{month + 1:02d}"


@given(ANY_RAW)
def test_parse_timeline_never_raises(raw: object) -> None:
    assert_well_formed(parse_timeline(raw, today=TODAY))
