"""Plain numbers, money in 万元 and the tax figure with its explicit "unknown"."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from intake_tui.parsing.numbers import (
    UNKNOWN_WORDS,
    parse_money_wan,
    parse_number,
    parse_tax_wan,
)
from tests.parsing.support import (
    ANY_RAW,
    assert_error,
    assert_value,
    assert_well_formed,
    fullwidth,
)

MONEY_CASES = [
    ("500", 500.0),
    ("500万", 500.0),
    ("500万元", 500.0),
    ("５００", 500.0),
    ("５００万", 500.0),
    ("5,000,000元", 500.0),
    ("5，000，000元", 500.0),
    ("1.2亿", 12000.0),
    ("1.2亿元", 12000.0),
    ("1.15亿", 11500.0),
    ("五百万", 500.0),
    ("两千万", 2000.0),
    ("一千二百万", 1200.0),
    ("一点二亿", 12000.0),
    ("约500万", 500.0),
    ("大约 500 万", 500.0),
    ("500万左右", 500.0),
    ("3000千元", 300.0),
    ("500w", 500.0),
    ("1,200", 1200.0),
    ("五百", 500.0),
    ("0", 0.0),
    ("0.5", 0.5),
    ("12.34567", 12.3457),
    ("1元", 0.0001),
    (500, 500.0),
    (12.5, 12.5),
    (0, 0.0),
]


@pytest.mark.parametrize(("raw", "expected"), MONEY_CASES)
def test_parse_money_wan_accepts(raw: object, expected: float) -> None:
    assert_value(parse_money_wan(raw), expected)


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("500-800万", "parsing.money_range"),
        ("500~800", "parsing.money_range"),
        ("500到800万", "parsing.money_range"),
        ("-5", "parsing.money_negative"),
        ("负五百万", "parsing.money_negative"),
        (-1, "parsing.money_negative"),
        ("abc", "parsing.money_invalid"),
        ("1,2", "parsing.money_invalid"),
        ("500美元", "parsing.money_invalid"),
        ("1e5", "parsing.money_invalid"),
        ("9" * 30, "parsing.money_too_large"),
        ("", "parsing.empty"),
        ("   ", "parsing.empty"),
        (None, "parsing.wrong_type"),
        (True, "parsing.wrong_type"),
        (["500"], "parsing.wrong_type"),
        (float("nan"), "parsing.money_invalid"),
        (float("inf"), "parsing.money_invalid"),
    ],
)
def test_parse_money_wan_rejects(raw: object, key: str) -> None:
    assert_error(parse_money_wan(raw), key)


def test_money_range_message_asks_for_one_number() -> None:
    error = parse_money_wan("500-800万").error
    assert error is not None
    assert error.text("zh") == "「500-800万」是一个范围；请只填一个数，例如 500 或 500万"
    assert error.text("en") == "“500-800万” is a range; enter one number, e.g. 500 or 500万"


@pytest.mark.parametrize(("raw", "expected"), MONEY_CASES)
def test_parse_tax_wan_reads_money_like_money(raw: object, expected: float) -> None:
    assert_value(parse_tax_wan(raw), expected)


@pytest.mark.parametrize(
    "raw", ["不详", "未知", "不知道", "unknown", "UNKNOWN", "?", "？", " 不详 ", None]
)
def test_parse_tax_wan_unknown_is_none(raw: object) -> None:
    assert_value(parse_tax_wan(raw), None)


def test_unknown_words_cover_the_spec() -> None:
    assert {"不详", "未知", "不知道", "unknown", "?"} <= UNKNOWN_WORDS


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("", "parsing.empty"),
        ("  ", "parsing.empty"),
        ("很多", "parsing.tax_invalid"),
        ("100-200", "parsing.money_range"),
        ("-3", "parsing.money_negative"),
    ],
)
def test_parse_tax_wan_rejects(raw: object, key: str) -> None:
    assert_error(parse_tax_wan(raw), key)


def test_tax_message_mentions_the_unknown_answer() -> None:
    error = parse_tax_wan("很多").error
    assert error is not None
    assert "不详" in error.text("zh")
    assert "unknown" in error.text("en")


@pytest.mark.parametrize(
    ("raw", "kwargs", "expected"),
    [
        ("12", {}, 12.0),
        ("１２．５", {}, 12.5),
        ("1,200", {}, 1200.0),
        ("1，200", {}, 1200.0),
        ("1.5万", {}, 15000.0),
        ("三千五百", {}, 3500.0),
        ("十二", {"integer": True}, 12),
        ("12.0", {"integer": True}, 12),
        (300, {"integer": True, "minimum": 0}, 300),
        ("9米", {"unit_hint": "米", "minimum": 0, "exclusive_minimum": True}, 9.0),
        ("630 kVA", {"unit_hint": "kva"}, 630.0),
        ("0", {"minimum": 0}, 0.0),
        ("30", {"maximum": 30}, 30.0),
        (2.5, {}, 2.5),
    ],
)
def test_parse_number_accepts(raw: object, kwargs: dict[str, object], expected: object) -> None:
    assert_value(parse_number(raw, **kwargs), expected)


@pytest.mark.parametrize(
    ("raw", "kwargs", "key"),
    [
        ("0", {"minimum": 0, "exclusive_minimum": True}, "parsing.number_out_of_range"),
        ("-1", {"minimum": 0}, "parsing.number_out_of_range"),
        ("31", {"maximum": 30}, "parsing.number_out_of_range"),
        ("12.5", {"integer": True}, "parsing.number_not_integer"),
        ("abc", {}, "parsing.number_invalid"),
        ("12 13", {}, "parsing.number_invalid"),
        ("", {}, "parsing.empty"),
        (True, {}, "parsing.wrong_type"),
        (None, {}, "parsing.wrong_type"),
        ({"n": 1}, {}, "parsing.wrong_type"),
    ],
)
def test_parse_number_rejects(raw: object, kwargs: dict[str, object], key: str) -> None:
    assert_error(parse_number(raw, **kwargs), key)


def test_number_range_message_gives_the_range_and_an_example() -> None:
    error = parse_number("40", minimum=0, maximum=30, exclusive_minimum=True, unit_hint="米").error
    assert error is not None
    assert error.text("zh") == "40米 超出范围：应大于 0米且不大于 30米；例如 15米"
    assert error.text("en") == (
        "40米 is out of range: it must be greater than 0米 and at most 30米; for example 15米"
    )


@given(st.integers(min_value=0, max_value=10**9))
def test_money_plain_integers_round_trip(n: int) -> None:
    assert parse_money_wan(str(n)).value == n
    assert parse_money_wan(fullwidth(str(n))).value == n
    assert parse_money_wan(f"{n:,}").value == n
    assert parse_money_wan(f"{n}万").value == n


@given(ANY_RAW)
def test_parse_money_wan_never_raises(raw: object) -> None:
    assert_well_formed(parse_money_wan(raw))


@given(ANY_RAW)
def test_parse_tax_wan_never_raises(raw: object) -> None:
    assert_well_formed(parse_tax_wan(raw))


@given(ANY_RAW)
def test_parse_number_never_raises(raw: object) -> None:
    assert_well_formed(parse_number(raw, minimum=0, maximum=100, integer=True, unit_hint="吨"))
    assert_well_formed(parse_number(raw))


@given(st.text(alphabet="零〇一二两三四五六七八九十百千万亿点负0123456789.", max_size=12))
def test_chinese_numeral_text_never_raises(text: str) -> None:
    assert_well_formed(parse_money_wan(text))
    assert_well_formed(parse_number(text))
