"""Single and multiple choices from the record's option lists."""

from __future__ import annotations

import pytest
from hypothesis import given

from intake_tui.parsing.choice import describe_choices, parse_choice, parse_choices
from intake_tui.record.options import (
    INDUSTRY,
    NEED_KIND,
    OWNERSHIP,
    REGISTRATION,
    REQUIREMENTS,
    SOURCE,
    TIMELINE,
    OptionList,
)
from tests.parsing.support import ANY_RAW, assert_error, assert_value, assert_well_formed

ALL_LISTS = [NEED_KIND, REQUIREMENTS, TIMELINE, INDUSTRY, REGISTRATION, OWNERSHIP, SOURCE]


@pytest.mark.parametrize(
    ("raw", "options", "expected"),
    [
        ("factory_rent", NEED_KIND, "factory_rent"),
        ("FACTORY_RENT", NEED_KIND, "factory_rent"),
        ("factory-rent", NEED_KIND, "factory_rent"),
        ("factory rent", NEED_KIND, "factory_rent"),
        ("租赁厂房", NEED_KIND, "factory_rent"),
        (" 租赁厂房 ", NEED_KIND, "factory_rent"),
        ("Rent a factory", NEED_KIND, "factory_rent"),
        ("rent a factory", NEED_KIND, "factory_rent"),
        ("2", NEED_KIND, "factory_buy"),
        ("２", NEED_KIND, "factory_buy"),
        (2, NEED_KIND, "factory_buy"),
        ("租赁办公/研发", NEED_KIND, "office_rent"),
        ("租赁办公研发", NEED_KIND, "office_rent"),
        ("制造业", INDUSTRY, "C"),
        ("c", INDUSTRY, "C"),
        ("C", INDUSTRY, "C"),
        ("Manufacturing", INDUSTRY, "C"),
        ("农、林、牧、渔业", INDUSTRY, "A"),
        ("农林牧渔业", INDUSTRY, "A"),
        ("20", INDUSTRY, "T"),
        ("3个月内", TIMELINE, "within_3m"),
        ("within_3m", TIMELINE, "within_3m"),
        ("外资/港澳台", OWNERSHIP, "foreign"),
        ("公众号", SOURCE, "wechat_official"),
        ("wechat official", SOURCE, "wechat_official"),
    ],
)
def test_parse_choice_accepts(raw: object, options: OptionList, expected: str) -> None:
    assert_value(parse_choice(raw, options), expected)


@pytest.mark.parametrize(
    ("raw", "options", "key"),
    [
        ("8", NEED_KIND, "parsing.choice_invalid"),
        ("0", NEED_KIND, "parsing.choice_invalid"),
        ("租厂房", NEED_KIND, "parsing.choice_invalid"),
        ("21", INDUSTRY, "parsing.choice_invalid"),
        ("U", INDUSTRY, "parsing.choice_invalid"),
        ("---", NEED_KIND, "parsing.choice_invalid"),
        ("", NEED_KIND, "parsing.choice_empty"),
        ("  ", NEED_KIND, "parsing.choice_empty"),
        (None, NEED_KIND, "parsing.wrong_type"),
        (True, NEED_KIND, "parsing.wrong_type"),
        (["factory_rent"], NEED_KIND, "parsing.wrong_type"),
    ],
)
def test_parse_choice_rejects(raw: object, options: OptionList, key: str) -> None:
    assert_error(parse_choice(raw, options), key)


def test_parse_choice_aliases() -> None:
    aliases = {"不知道": "undecided"}
    assert_value(parse_choice("不知道", TIMELINE, aliases=aliases), "undecided")
    assert_error(parse_choice("不知道", TIMELINE), "parsing.choice_invalid")


def test_parse_choice_without_numbers() -> None:
    assert_error(parse_choice("2", NEED_KIND, allow_numbers=False), "parsing.choice_invalid")
    assert_value(parse_choice("factory_buy", NEED_KIND, allow_numbers=False), "factory_buy")


@pytest.mark.parametrize("options", ALL_LISTS)
def test_every_code_and_label_finds_its_option(options: OptionList) -> None:
    for number, option in enumerate(options, start=1):
        for spelling in (option.code, option.zh, option.en, str(number)):
            assert parse_choice(spelling, options).value == option.code, spelling


def test_choice_message_lists_numbers_labels_and_codes() -> None:
    error = parse_choice("8", NEED_KIND).error
    assert error is not None
    zh, en = error.text("zh"), error.text("en")
    assert zh.startswith(
        "「8」不是可选项；请填编号、代码或名称：1 租赁厂房 (factory_rent)；2 购买厂房"
    )
    assert en.startswith("“8” is not one of the choices; enter its number, code or name: 1 Rent")
    assert "7 Other (other)" in en


def test_describe_choices() -> None:
    assert describe_choices(TIMELINE[:2], "zh") == "1 1个月内 (within_1m)；2 3个月内 (within_3m)"
    assert describe_choices(TIMELINE[:2], "en", numbered=False) == (
        "Within 1 month (within_1m); Within 3 months (within_3m)"
    )


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("需环评报告书、废水", ["eia_report", "wastewater"]),
        ("废水,需环评报告书", ["eia_report", "wastewater"]),
        ("废水，废气；洁净车间", ["wastewater", "exhaust", "cleanroom"]),
        ("废水; 废气", ["wastewater", "exhaust"]),
        ("废水/废气", ["wastewater", "exhaust"]),
        ("废水 废气", ["wastewater", "exhaust"]),
        ("1 3", ["eia_report", "wastewater"]),
        ("3,1,3", ["eia_report", "wastewater"]),
        ("EIA report required, Wastewater", ["eia_report", "wastewater"]),
        ("Hazardous chemicals Cleanroom", ["hazardous_chemicals", "cleanroom"]),
        ("dual power/cleanroom", ["cleanroom", "dual_power"]),
        ("dual_power", ["dual_power"]),
        (["废水", "eia_report"], ["eia_report", "wastewater"]),
        (["废水", "废水"], ["wastewater"]),
        ([1, "6"], ["eia_report", "dual_power"]),
        ([], []),
    ],
)
def test_parse_choices_accepts(raw: object, expected: list[str]) -> None:
    assert_value(parse_choices(raw, REQUIREMENTS), expected)


def test_parse_choices_keeps_labels_with_slashes_and_separators() -> None:
    assert_value(parse_choices("租赁办公/研发、仓储物流", NEED_KIND), ["office_rent", "warehouse"])
    assert_value(parse_choices("农、林、牧、渔业 制造业", INDUSTRY), ["A", "C"])


@pytest.mark.parametrize(
    ("raw", "key", "position"),
    [
        ("废水、噪音", "parsing.choices_item_invalid", 2),
        ("噪音", "parsing.choices_item_invalid", 1),
        (["废水", None], "parsing.choices_item_invalid", 2),
        (["废水", ""], "parsing.choices_item_invalid", 2),
        ("7", "parsing.choices_item_invalid", 1),
    ],
)
def test_parse_choices_rejects_an_item(raw: object, key: str, position: int) -> None:
    result = parse_choices(raw, REQUIREMENTS)
    assert_error(result, key)
    assert result.error is not None
    assert result.error.params["position"] == position


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("", "parsing.choice_empty"),
        (" ， ", "parsing.choice_empty"),
        (None, "parsing.wrong_type"),
        (3, "parsing.wrong_type"),
        ({"a": 1}, "parsing.wrong_type"),
        (["废水"] * 100, "parsing.choices_too_many"),
    ],
)
def test_parse_choices_rejects(raw: object, key: str) -> None:
    assert_error(parse_choices(raw, REQUIREMENTS), key)


def test_choices_item_message_in_both_languages() -> None:
    error = parse_choices("废水、噪音", REQUIREMENTS).error
    assert error is not None
    assert error.text("zh").startswith(
        "第 2 项「噪音」不是可选项；可选：1 需环评报告书 (eia_report)"
    )
    assert error.text("zh").endswith("例如 需环评报告书、危化品")
    assert error.text("en").startswith("item 2, “噪音”, is not one of the choices: 1 EIA report")


@given(ANY_RAW)
def test_parse_choice_never_raises(raw: object) -> None:
    assert_well_formed(parse_choice(raw, INDUSTRY))


@given(ANY_RAW)
def test_parse_choices_never_raises(raw: object) -> None:
    assert_well_formed(parse_choices(raw, REQUIREMENTS))
