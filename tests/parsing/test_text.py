"""Free text, e-mail, yes/no, and the shared character clean-ups."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from intake_tui.parsing.text import (
    collapse_spaces,
    parse_bool,
    parse_email,
    parse_text,
    to_halfwidth,
)
from tests.parsing.support import ANY_RAW, assert_error, assert_value, assert_well_formed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("１２３", "123"),
        ("ＡＢＣｘｙｚ", "ABCxyz"),
        ("＠．，：", "@.,:"),
        ("a\u3000b", "a b"),
        ("（有限公司）", "(有限公司)"),  # full-width brackets are in the ASCII mirror block
        ("中文、。「」", "中文、。「」"),  # CJK punctuation is left alone
        ("㎡", "㎡"),
    ],
)
def test_to_halfwidth(text: str, expected: str) -> None:
    assert to_halfwidth(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("  a  b  ", "a b"), ("a\u3000\u3000b", "a b"), ("a\n\tb", "a b"), ("   ", "")],
)
def test_collapse_spaces(text: str, expected: str) -> None:
    assert collapse_spaces(text) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("张先生", "张先生"), ("  张   先生 ", "张 先生"), ("李\u3000女士", "李 女士"), ("王", "王")],
)
def test_parse_text_accepts(raw: str, expected: str) -> None:
    assert_value(parse_text(raw, min_len=1, max_len=20), expected)


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("", "parsing.text_empty"),
        ("   ", "parsing.text_empty"),
        ("a" * 21, "parsing.text_too_long"),
        ("a", "parsing.text_too_short"),
        ("a\x1b[31mb", "parsing.text_control_characters"),
        (5, "parsing.wrong_type"),
        (None, "parsing.wrong_type"),
        (["张先生"], "parsing.wrong_type"),
    ],
)
def test_parse_text_rejects(raw: object, key: str) -> None:
    assert_error(parse_text(raw, min_len=2, max_len=20), key)


def test_parse_text_counts_characters_not_bytes() -> None:
    assert_value(parse_text("上海宝钢", min_len=1, max_len=4), "上海宝钢")
    assert_error(parse_text("上海宝钢精", min_len=1, max_len=4), "parsing.text_too_long")


def test_text_length_message_in_both_languages() -> None:
    error = parse_text("a" * 30, min_len=1, max_len=20).error
    assert error is not None
    assert error.text("zh") == "太长：有 30 个字，应为 1–20 个字"
    assert error.text("en") == "too long: 30 characters; it must be 1 to 20 characters"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("zhang.wei@example.com", "zhang.wei@example.com"),
        ("  Zhang.Wei@Example.COM ", "Zhang.Wei@example.com"),
        ("zhang＠example。com", "zhang@example.com"),
        ("ｗａｎｇ＠ｅｘａｍｐｌｅ．ｃｎ", "wang@example.cn"),
    ],
)
def test_parse_email_accepts(raw: str, expected: str) -> None:
    assert_value(parse_email(raw), expected)


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("zhang", "parsing.email_invalid"),
        ("zhang@", "parsing.email_invalid"),
        ("@example.com", "parsing.email_invalid"),
        ("zhang wei@example.com", "parsing.email_invalid"),
        ("", "parsing.empty"),
        (42, "parsing.wrong_type"),
    ],
)
def test_parse_email_rejects(raw: object, key: str) -> None:
    assert_error(parse_email(raw), key)


def test_email_message_gives_an_example() -> None:
    error = parse_email("zhang@").error
    assert error is not None
    assert error.text("zh") == "「zhang@」不是有效的邮箱地址；例如 zhang.wei@example.com"
    assert "zhang.wei@example.com" in error.text("en")


@pytest.mark.parametrize(
    "raw",
    ["true", "TRUE", "yes", "Y", "1", "on", "是", "是的", "同意", "对", "ｙｅｓ", True, 1],
)
def test_parse_bool_true(raw: object) -> None:
    assert_value(parse_bool(raw), True)


@pytest.mark.parametrize(
    "raw", ["false", "No", "n", "0", "OFF", "否", "不同意", "不", "不是", False, 0]
)
def test_parse_bool_false(raw: object) -> None:
    assert_value(parse_bool(raw), False)


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("maybe", "parsing.bool_invalid"),
        ("也许", "parsing.bool_invalid"),
        (2, "parsing.bool_invalid"),
        (0.5, "parsing.bool_invalid"),
        ("", "parsing.empty"),
        (None, "parsing.wrong_type"),
        ([True], "parsing.wrong_type"),
    ],
)
def test_parse_bool_rejects(raw: object, key: str) -> None:
    assert_error(parse_bool(raw), key)


@given(ANY_RAW)
def test_parse_text_never_raises(raw: object) -> None:
    assert_well_formed(parse_text(raw, min_len=1, max_len=20))


@given(ANY_RAW)
def test_parse_email_never_raises(raw: object) -> None:
    assert_well_formed(parse_email(raw))


@given(ANY_RAW)
def test_parse_bool_never_raises(raw: object) -> None:
    assert_well_formed(parse_bool(raw))


@given(st.text())
def test_collapse_spaces_is_idempotent(text: str) -> None:
    once = collapse_spaces(text)
    assert collapse_spaces(once) == once
    assert once == once.strip()
