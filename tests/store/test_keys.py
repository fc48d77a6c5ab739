"""Search keys: the same mobile or company, however typed, gives the same key."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from intake_tui.store.keys import (
    company_initials,
    company_key,
    initials_key,
    initials_query_forms,
    is_initials_query,
    mobile_key,
    prefix_upper_bound,
)


@pytest.mark.parametrize(
    "typed",
    [
        "13800138000",
        "138 0013 8000",
        "138-0013-8000",
        "+86 138 0013 8000",
        "+8613800138000",
        "008613800138000",
        "8613800138000",
        "１３８００１３８０００",
        "＋８６ １３８００１３８０００",
    ],
)
def test_mobile_key_drops_separators_and_country_code(typed: str) -> None:
    assert mobile_key(typed) == "13800138000"


def test_mobile_key_keeps_partial_input_as_a_prefix() -> None:
    assert mobile_key("138 00") == "13800"
    assert mobile_key("+86 139") == "139"
    # Without "+" a short 86… is not a country code yet: it may be the start of a number.
    assert mobile_key("861") == "861"
    assert mobile_key("") == ""


@pytest.mark.parametrize(
    "name",
    [
        "上海宝钢精密机械有限公司",
        "上海宝钢 精密机械",
        "上海宝钢精密机械",
        "上海宝钢精密机械股份有限公司",
        "上海宝钢精密机械有限责任公司",
        "上海宝钢精密机械集团有限公司",
        "上海宝钢精密机械集团",
        "上海宝钢精密机械公司",
        "  上海宝钢·精密机械（有限公司）",
        "上海 宝钢 精密 机械 有限 公司",
    ],
)
def test_company_key_ignores_spacing_punctuation_and_organisational_form(name: str) -> None:
    assert company_key(name) == "上海宝钢精密机械"


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Acme Co., Ltd.", "acme"),
        ("ACME CO.,LTD", "acme"),
        ("Acme Company Limited", "acme"),
        ("Acme Group Co. Ltd", "acme"),
        ("ＡＣＭＥ有限公司", "acme"),
        ("宝钢Co.,Ltd", "宝钢"),
        # Forms are words: "co" inside a name is part of it.
        ("Costco", "costco"),
        ("Tesco Stores", "tescostores"),
        # Brackets go, what they enclose stays.
        ("宝钢（上海）精密机械有限公司", "宝钢上海精密机械"),
        ("宝钢(上海)精密机械有限公司", "宝钢上海精密机械"),
        # A branch keeps its place name: it is a different counterpart than the parent.
        ("上海宝钢精密机械有限公司苏州分公司", "上海宝钢精密机械有限公司苏州"),
        # A name that is nothing but a form keeps it rather than matching every empty key.
        ("有限公司", "有限公司"),
        ("Ltd.", "ltd"),
    ],
)
def test_company_key_examples(name: str, key: str) -> None:
    assert company_key(name) == key


def test_initials_key_follows_pinyin_and_keeps_ascii() -> None:
    assert initials_key("上海宝钢精密机械有限公司") == "shbgjmjxyxgs"
    # Phrase readings, not the first reading of each character.
    assert initials_key("重庆银行") == "cqyh"
    assert initials_key("ABC 新材料 2号") == "abcxcl2h"
    assert initials_key("·（）—") == ""


def test_company_initials_leave_out_the_organisational_form() -> None:
    assert company_initials("上海宝钢精密机械有限公司") == "shbgjmjx"
    assert company_initials("上海宝钢 精密机械") == "shbgjmjx"


def test_typed_initials_are_recognised_and_their_form_stripped() -> None:
    assert is_initials_query("shbg")
    assert is_initials_query(" SHBG ")
    assert not is_initials_query("s")
    assert not is_initials_query("宝钢")
    assert not is_initials_query("sh bg")
    assert initials_query_forms("SHBGJMJXYXGS") == ("shbgjmjxyxgs", "shbgjmjx")
    # Two-letter forms (gs) end too many real names; a short rest is not stripped either.
    assert initials_query_forms("shbggs") == ("shbggs", "shbggs")
    assert initials_query_forms("bgyxgs") == ("bgyxgs", "bgyxgs")


han = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)


@given(st.text(han, min_size=1, max_size=12), st.lists(st.sampled_from(" 　·()（）-"), max_size=4))
def test_company_key_is_unchanged_by_inserted_separators(name: str, noise: list[str]) -> None:
    noisy = name
    for position, separator in enumerate(noise):
        cut = position % (len(noisy) + 1)
        noisy = noisy[:cut] + separator + noisy[cut:]
    assert company_key(noisy) == company_key(name)


@given(st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=20))
def test_keys_contain_only_what_indexes_compare(text: str) -> None:
    assert mobile_key(text).isdigit() or mobile_key(text) == ""
    assert all(ch.isalnum() for ch in company_key(text))
    initials = initials_key(text)
    assert (
        initials == initials.lower() and initials.isascii() and initials_key(initials) == initials
    )


@given(st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1, max_size=8))
def test_prefix_upper_bound_bounds_exactly_the_strings_with_that_prefix(prefix: str) -> None:
    upper = prefix_upper_bound(prefix)
    for extension in ["", "a", "\U0010ffff", "中文"]:
        candidate = prefix + extension
        assert candidate >= prefix
        assert upper is None or candidate < upper
    if upper is not None:
        assert not upper.startswith(prefix)
        assert upper > prefix
