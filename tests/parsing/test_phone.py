"""The caller's mobile number and the alternative phone number."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from intake_tui.parsing.phone import (
    describe_mobile,
    group_mobile,
    parse_alt_phone,
    parse_mobile,
)
from tests.parsing.support import ANY_RAW, assert_error, assert_value, assert_well_formed

# 149 matches the mainland mobile pattern but is not (yet) in the phonenumbers metadata.
UNKNOWN_SEGMENT = "14912345678"


@pytest.mark.parametrize(
    "raw",
    [
        "13524678515",
        "135 2467 8515",
        "135-2467-8515",
        "135.2467.8515",
        "(135) 2467 8515",
        "１３５２４６７８５１５",
        "１３５　２４６７　８５１５",
        "+86 135 2467 8515",
        "+86-13524678515",
        "+8613524678515",
        "0086 13524678515",
        "008613524678515",
        "86 135 2467 8515",
        "8613524678515",
        " 13524678515 ",
        13524678515,
    ],
)
def test_parse_mobile_accepts(raw: object) -> None:
    assert_value(parse_mobile(raw), "13524678515")


@pytest.mark.parametrize("raw", ["18612345678", "19912345678", "17012345678", "15012345678"])
def test_parse_mobile_accepts_other_segments(raw: str) -> None:
    assert_value(parse_mobile(raw), raw)


def test_parse_mobile_warns_about_an_unknown_segment() -> None:
    result = parse_mobile(UNKNOWN_SEGMENT)
    assert result.value == UNKNOWN_SEGMENT
    assert [warning.key for warning in result.warnings] == ["parsing.mobile_unknown_segment"]
    assert result.warnings[0].text("zh") == (
        "号段 149 不在号码库中（可能是新号段）；请向来电人复核 149 1234 5678"
    )


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("021-6666-8888", "parsing.mobile_landline"),
        ("02166668888", "parsing.mobile_landline"),
        ("(021) 6666 8888", "parsing.mobile_landline"),
        ("0571-8888-6666", "parsing.mobile_landline"),
        ("+86 21 6666 8888", "parsing.mobile_landline"),
        ("400-820-8820", "parsing.mobile_service_number"),
        ("4008208820", "parsing.mobile_service_number"),
        ("800 820 8820", "parsing.mobile_service_number"),
        ("+44 20 7946 0958", "parsing.mobile_foreign"),
        ("1352467851", "parsing.mobile_digit_count"),
        ("135246785155", "parsing.mobile_digit_count"),
        ("66668888", "parsing.mobile_digit_count"),
        ("12345678901", "parsing.mobile_not_mobile"),
        ("10086000000", "parsing.mobile_not_mobile"),
        ("135abc78515", "parsing.mobile_letters"),
        ("一三五二四六七八五一五", "parsing.mobile_letters"),
        ("13524678515转1", "parsing.mobile_letters"),
        ("135+24678515", "parsing.mobile_letters"),
        ("---", "parsing.mobile_digit_count"),
        ("", "parsing.empty"),
        (None, "parsing.wrong_type"),
        (True, "parsing.wrong_type"),
        (1.3524678515e10, "parsing.wrong_type"),
        (["13524678515"], "parsing.wrong_type"),
    ],
)
def test_parse_mobile_rejects(raw: object, key: str) -> None:
    assert_error(parse_mobile(raw), key)


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        # A trunk 0 means a landline even when the area code is unknown, 10 to 12 digits.
        ("0123456789", "parsing.mobile_landline"),
        ("012345678901", "parsing.mobile_landline"),
        ("0123456789012", "parsing.mobile_digit_count"),
        # Numbers the phone-number tables know, without a trunk 0.
        ("1010080", "parsing.mobile_landline"),  # seven digits, the shortest there is
        ("1096563", "parsing.mobile_service_number"),  # shared cost
        ("9501234567", "parsing.mobile_service_number"),  # shared cost
        ("108001234567", "parsing.mobile_service_number"),  # toll free, twelve digits
        ("40012345678", "parsing.mobile_not_mobile"),  # 400 with eleven digits is no service
        # Thirteen digits are only a country code and a mobile when they start with 86.
        ("1352467851512", "parsing.mobile_digit_count"),
    ],
)
def test_parse_mobile_names_the_kind_of_other_numbers(raw: str, key: str) -> None:
    assert_error(parse_mobile(raw), key)


def test_landline_message_points_to_the_alternative_phone() -> None:
    error = parse_mobile("021-6666-8888").error
    assert error is not None
    assert error.text("zh") == (
        "02166668888 是固定电话，不是手机号；固话请填到备用电话（contact.alt_phone），"
        "本项只填大陆手机号，例如 13524678515"
    )
    assert "landline" in error.text("en")
    assert "contact.alt_phone" in error.text("en")


def test_digit_count_message_gives_the_count_and_an_example() -> None:
    error = parse_mobile("1352467851").error
    assert error is not None
    assert error.text("zh") == "手机号应为 11 位数字，这里有 10 位；例如 13524678515"
    assert error.text("en") == (
        "a mobile number has 11 digits, this one has 10; for example 13524678515"
    )


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("021-66668888", "+862166668888"),
        ("(021)66668888", "+862166668888"),
        ("（021）66668888", "+862166668888"),
        ("021 6666 8888", "+862166668888"),
        ("0571 8888 6666", "+8657188886666"),
        ("400-820-8820", "+864008208820"),
        ("800-820-8820", "+868008208820"),
        ("13524678515", "+8613524678515"),
        ("+86 135 2467 8515", "+8613524678515"),
        ("+86 21 6666 8888", "+862166668888"),
        ("0086 21 6666 8888", "+862166668888"),
        ("+44 20 7946 0958", "+442079460958"),
        ("0044 20 7946 0958", "+442079460958"),
        ("+1 650-253-0000", "+16502530000"),
        (13524678515, "+8613524678515"),
    ],
)
def test_parse_alt_phone_accepts(raw: object, expected: str) -> None:
    assert_value(parse_alt_phone(raw), expected)


def test_parse_alt_phone_warns_about_an_unknown_mobile_segment() -> None:
    result = parse_alt_phone(UNKNOWN_SEGMENT)
    assert result.value == "+86" + UNKNOWN_SEGMENT
    assert [warning.key for warning in result.warnings] == ["parsing.mobile_unknown_segment"]


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("66668888", "parsing.alt_phone_invalid"),  # no area code
        ("12345", "parsing.alt_phone_invalid"),
        ("+999 1234 5678", "parsing.alt_phone_invalid"),
        ("021-66668888转123", "parsing.alt_phone_invalid"),
        ("call me", "parsing.alt_phone_invalid"),
        ("+", "parsing.alt_phone_invalid"),
        ("9" * 300, "parsing.alt_phone_invalid"),
        ("", "parsing.empty"),
        (None, "parsing.wrong_type"),
    ],
)
def test_parse_alt_phone_rejects(raw: object, key: str) -> None:
    assert_error(parse_alt_phone(raw), key)


def test_alt_phone_message_gives_examples() -> None:
    error = parse_alt_phone("66668888").error
    assert error is not None
    assert "021-66668888" in error.text("zh")
    assert "area code" in error.text("en")


@pytest.mark.parametrize(
    ("mobile", "expected"),
    [("13524678515", "135 2467 8515"), ("1352467851", "1352467851"), ("", "")],
)
def test_group_mobile(mobile: str, expected: str) -> None:
    assert group_mobile(mobile) == expected


@pytest.mark.parametrize(
    ("mobile", "lang", "expected"),
    [
        ("13524678515", "zh", "上海市 · 中国移动"),
        ("13524678515", "en", "Shanghai · China Mobile"),
        ("18612345678", "zh", "北京市 · 中国联通"),
        ("19912345678", "zh", "中国电信"),  # the region is only "China": left out
        (UNKNOWN_SEGMENT, "zh", ""),
        ("021", "zh", ""),
    ],
)
def test_describe_mobile(mobile: str, lang: str, expected: str) -> None:
    assert describe_mobile(mobile, lang) == expected


@given(st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True))
def test_any_mainland_pattern_is_accepted(mobile: str) -> None:
    result = parse_mobile(f"+86 {mobile[:3]} {mobile[3:7]}-{mobile[7:]}")
    assert_well_formed(result)
    assert result.value == mobile


@given(ANY_RAW)
def test_parse_mobile_never_raises(raw: object) -> None:
    assert_well_formed(parse_mobile(raw))


@given(ANY_RAW)
def test_parse_alt_phone_never_raises(raw: object) -> None:
    assert_well_formed(parse_alt_phone(raw))
