"""Floor area in ㎡ (single size or range) and land area in 亩."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from intake_tui.parsing.area import (
    SQM_PER_MU,
    AreaRange,
    parse_floor_area_sqm,
    parse_land_area_mu,
)
from tests.parsing.support import ANY_RAW, assert_error, assert_value, assert_well_formed


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("3000", (3000, 3000)),
        ("3000㎡", (3000, 3000)),
        ("3000平", (3000, 3000)),
        ("3000平米", (3000, 3000)),
        ("3000平方米", (3000, 3000)),
        ("3000平方", (3000, 3000)),
        ("3000 m2", (3000, 3000)),
        ("3000M2", (3000, 3000)),
        ("3000m²", (3000, 3000)),
        ("3000 sqm", (3000, 3000)),
        ("３０００平米", (3000, 3000)),
        ("1.5万平", (15000, 15000)),
        ("1.5万平方米", (15000, 15000)),
        ("三千平米", (3000, 3000)),
        ("一万五千", (15000, 15000)),
        ("2000-3000", (2000, 3000)),
        ("2000 - 3000", (2000, 3000)),
        ("2000~3000", (2000, 3000)),
        ("2000～3000", (2000, 3000)),
        ("2000到3000", (2000, 3000)),
        ("2000至3000", (2000, 3000)),
        ("2000—3000", (2000, 3000)),
        ("2000——3000", (2000, 3000)),
        ("2000－3000", (2000, 3000)),
        ("2000-3000平米", (2000, 3000)),
        ("2000平-3000平", (2000, 3000)),
        ("0.2万-0.3万平", (2000, 3000)),
        ("两千到三千平方米", (2000, 3000)),
        ("1,000-1,500", (1000, 1500)),
        ("3000-3000", (3000, 3000)),
        ("1000000", (1_000_000, 1_000_000)),
        ("0.5", (0.5, 0.5)),
        ({"min": 2000, "max": 3000}, (2000, 3000)),
        ({"min": "2000", "max": "3000平"}, (2000, 3000)),
        (2500, (2500, 2500)),
        (2500.5, (2500.5, 2500.5)),
    ],
)
def test_parse_floor_area_accepts(raw: object, expected: tuple[float, float]) -> None:
    result = parse_floor_area_sqm(raw)
    assert_value(result, AreaRange(float(expected[0]), float(expected[1])))
    assert isinstance(result.value, AreaRange)
    assert all(type(end) is float for end in result.value)


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("3000-2000", "parsing.area_reversed"),
        ("0", "parsing.area_not_positive"),
        ("-5", "parsing.area_not_positive"),
        ("0-3000", "parsing.area_not_positive"),
        ("1000001", "parsing.area_too_large"),
        ("2000-2000000", "parsing.area_too_large"),
        ("50亩", "parsing.area_wrong_field"),
        ("五十亩", "parsing.area_wrong_field"),
        ("50 mu", "parsing.area_wrong_field"),
        ("2公顷", "parsing.area_wrong_field"),
        ("20-30亩", "parsing.area_wrong_field"),
        ("大约很大", "parsing.area_invalid"),
        ("3000平方公里", "parsing.area_invalid"),
        ("2000-", "parsing.area_invalid"),
        ("2000-3000-4000", "parsing.area_invalid"),
        ({"min": 2000}, "parsing.area_object_keys"),
        ({"min": 1, "max": 2, "unit": "㎡"}, "parsing.area_object_keys"),
        ({"min": "abc", "max": 3}, "parsing.area_invalid"),
        ({"min": 3000, "max": 2000}, "parsing.area_reversed"),
        ("", "parsing.empty"),
        (None, "parsing.wrong_type"),
        (True, "parsing.wrong_type"),
        ([2000, 3000], "parsing.wrong_type"),
        (0, "parsing.area_not_positive"),
    ],
)
def test_parse_floor_area_rejects(raw: object, key: str) -> None:
    assert_error(parse_floor_area_sqm(raw), key)


def test_wrong_unit_message_names_the_land_field() -> None:
    error = parse_floor_area_sqm("50亩").error
    assert error is not None
    assert error.text("zh") == (
        "「亩」是用地面积（need.land_area_mu）的单位；"
        "本项是需求面积，单位为㎡，例如 3000 或 2000-3000"
    )
    assert "need.land_area_mu" in error.text("en")
    assert "㎡" in error.text("en")


def test_reversed_range_message_says_smaller_first() -> None:
    error = parse_floor_area_sqm("3000-2000").error
    assert error is not None
    assert "2000-3000" in error.text("zh")
    assert "smaller first" in error.text("en")


@given(
    st.integers(min_value=1, max_value=1_000_000),
    st.integers(min_value=1, max_value=1_000_000),
)
def test_integer_ranges_round_trip(a: int, b: int) -> None:
    low, high = min(a, b), max(a, b)
    assert parse_floor_area_sqm(f"{low}-{high}").value == AreaRange(low, high)
    assert parse_floor_area_sqm(f"{low}到{high}平米").value == AreaRange(low, high)


@given(
    st.integers(min_value=1, max_value=100_000_000),
    st.integers(min_value=1, max_value=100_000_000),
)
def test_decimal_ranges_round_trip(a: int, b: int) -> None:
    low, high = min(a, b) / 100, max(a, b) / 100
    assert parse_floor_area_sqm(f"{low}-{high}").value == AreaRange(low, high)


@given(ANY_RAW)
def test_parse_floor_area_never_raises(raw: object) -> None:
    assert_well_formed(parse_floor_area_sqm(raw))


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("50", 50.0),
        ("50亩", 50.0),
        ("50 亩", 50.0),
        ("五十亩", 50.0),
        ("５０亩", 50.0),
        ("12.5亩", 12.5),
        ("0.5万亩", 5000.0),
        ("10000", 10000.0),
        (50, 50.0),
        (7.5, 7.5),
    ],
)
def test_parse_land_area_accepts(raw: object, expected: float) -> None:
    assert_value(parse_land_area_mu(raw), expected)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("30000平米", 45.0), ("1000㎡", 1.5), ("2公顷", 30.0), ("1.2万平方米", 18.0)],
)
def test_parse_land_area_converts_other_units_with_a_warning(raw: str, expected: float) -> None:
    result = parse_land_area_mu(raw)
    assert result.value == expected
    assert [warning.key for warning in result.warnings] == ["parsing.land_converted"]
    text = result.warnings[0].text("zh")
    assert f"{expected:g} 亩" in text


def test_square_metres_per_mu() -> None:
    assert pytest.approx(10000) == SQM_PER_MU * 15


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("1.5万亩", "parsing.land_out_of_range"),
        ("10001", "parsing.land_out_of_range"),
        ("0", "parsing.land_out_of_range"),
        ("-3亩", "parsing.land_out_of_range"),
        ("50-80亩", "parsing.land_range"),
        ("50到80", "parsing.land_range"),
        ("很多亩", "parsing.land_invalid"),
        ("", "parsing.empty"),
        ({"min": 1, "max": 2}, "parsing.wrong_type"),
        (None, "parsing.wrong_type"),
    ],
)
def test_parse_land_area_rejects(raw: object, key: str) -> None:
    assert_error(parse_land_area_mu(raw), key)


@given(ANY_RAW)
def test_parse_land_area_never_raises(raw: object) -> None:
    assert_well_formed(parse_land_area_mu(raw))
