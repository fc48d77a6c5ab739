"""Company names and unified social credit codes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from stdnum.cn import uscc

from intake_tui.parsing.company import (
    ORGANISATION_FORMS,
    USCC_ALPHABET,
    normalise_company_name,
    parse_company_name,
    parse_uscc,
)
from tests.parsing.support import ANY_RAW, assert_error, assert_value, assert_well_formed

VALID_USCC = "91110000600037341L"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  上海宝钢精密机械有限公司 ", "上海宝钢精密机械有限公司"),
        ("宝钢(上海)有限公司", "宝钢（上海）有限公司"),
        ("宝钢（上海）有限公司", "宝钢（上海）有限公司"),
        ("ＡＢＣ科技有限公司", "ABC科技有限公司"),
        ("１２３科技有限公司", "123科技有限公司"),
        ("ABC   Trading\u3000Co., Ltd.", "ABC Trading Co., Ltd."),
        ("宝钢，精密。", "宝钢，精密。"),
        ("ＡＢＣ（上海）", "ABC（上海）"),
    ],
)
def test_normalise_company_name(text: str, expected: str) -> None:
    assert normalise_company_name(text) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("上海宝钢精密机械有限公司", "上海宝钢精密机械有限公司"),
        ("上海宝钢精密机械有限责任公司", "上海宝钢精密机械有限责任公司"),
        ("宝山钢铁股份有限公司", "宝山钢铁股份有限公司"),
        ("宝钢(上海)有限公司", "宝钢（上海）有限公司"),
        ("宝钢集团", "宝钢集团"),
        ("上海某某投资合伙企业（有限合伙）", "上海某某投资合伙企业（有限合伙）"),
        ("宝钢精密机械有限公司浦东分公司", "宝钢精密机械有限公司浦东分公司"),
        ("红星机械厂", "红星机械厂"),
        ("上海材料研究所", "上海材料研究所"),
        ("ABC Trading Co., Ltd.", "ABC Trading Co., Ltd."),
        ("Acme Inc.", "Acme Inc."),
        ("Siemens AG", "Siemens AG"),
        ("Bosch GmbH", "Bosch GmbH"),
        ("ExampleSoft LLC", "ExampleSoft LLC"),
    ],
)
def test_parse_company_name_accepts(raw: str, expected: str) -> None:
    assert_value(parse_company_name(raw), expected)


@pytest.mark.parametrize("raw", ["宝钢", "上海宝钢精密机械", "筹建中的新能源项目", "Bagel Land"])
def test_a_name_without_an_organisational_form_is_a_warning(raw: str) -> None:
    result = parse_company_name(raw)
    assert result.value == raw
    assert [warning.key for warning in result.warnings] == ["parsing.company_name_no_form"]
    assert "上海宝钢精密机械有限公司" in result.warnings[0].text("zh")
    assert "上海宝钢精密机械有限公司" in result.warnings[0].text("en")


def test_latin_forms_need_word_boundaries() -> None:
    # "ag" inside a word and "inc" inside "Zinc" are not legal forms.
    assert parse_company_name("Magnetics Zinc").warnings != ()


def test_organisation_forms_cover_the_spec() -> None:
    spec = {"有限公司", "股份有限公司", "合伙企业", "分公司", "Co.", "Ltd", "Inc.", "LLC", "GmbH"}
    assert spec <= set(ORGANISATION_FORMS)


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("宝", "parsing.company_name_length"),
        ("宝" * 97 + "有限公司", "parsing.company_name_length"),
        ("宝钢\x1b[2J有限公司", "parsing.text_control_characters"),
        ("", "parsing.empty"),
        ("   ", "parsing.empty"),
        (123, "parsing.wrong_type"),
        (None, "parsing.wrong_type"),
    ],
)
def test_parse_company_name_rejects(raw: object, key: str) -> None:
    assert_error(parse_company_name(raw), key)


def test_company_name_length_message() -> None:
    error = parse_company_name("宝").error
    assert error is not None
    assert error.text("zh") == "企业名称有 1 个字，应为 2–100 个字；例如 上海宝钢精密机械有限公司"


@pytest.mark.parametrize(
    "raw",
    [
        "91110000600037341L",
        "91110000600037341l",
        " 9111 0000 6000 3734 1L ",
        "911100006-00037341-L",
        "９１１１００００６０００３７３４１Ｌ",
    ],
)
def test_parse_uscc_accepts(raw: str) -> None:
    assert_value(parse_uscc(raw), VALID_USCC)


def test_parse_uscc_accepts_letters_in_the_first_two_positions() -> None:
    # GB 32100-2015 lets the registration authority and entity type be letters (N, Y, ...).
    body = "N2330100MA2B3C4D5"
    code = body + uscc.calc_check_digit(body)
    assert_value(parse_uscc(code), code)


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("91110000600037341X", "parsing.uscc_check"),
        ("91110000600037314L", "parsing.uscc_check"),
        ("9111000060003734", "parsing.uscc_length"),
        ("91110000600037341LL", "parsing.uscc_length"),
        ("91110000600037341O", "parsing.uscc_characters"),
        ("9111000060003734IL", "parsing.uscc_characters"),
        ("9111000060003734?L", "parsing.uscc_characters"),
        ("91A10000600037341L", "parsing.uscc_region"),
        ("", "parsing.empty"),
        (91110000600037341, "parsing.wrong_type"),
    ],
)
def test_parse_uscc_rejects(raw: object, key: str) -> None:
    assert_error(parse_uscc(raw), key)


def test_uscc_messages_say_which_part_is_wrong() -> None:
    check = parse_uscc("91110000600037341X").error
    length = parse_uscc("9111000060003734").error
    characters = parse_uscc("91110000600037341O").error
    assert check is not None and length is not None and characters is not None
    assert "校验位" in check.text("zh") and "check character" in check.text("en")
    assert length.text("zh") == "统一社会信用代码应为 18 位，这里有 16 位；例如 91110000600037341L"
    assert "O" in characters.text("en") and VALID_USCC in characters.text("en")


@given(st.text(alphabet=USCC_ALPHABET, min_size=17, max_size=17))
def test_codes_with_their_check_character_are_accepted(body: str) -> None:
    code = body[:2] + "123456" + body[8:]
    code += uscc.calc_check_digit(code)
    assert parse_uscc(code.lower()).value == code


@given(ANY_RAW)
def test_parse_company_name_never_raises(raw: object) -> None:
    assert_well_formed(parse_company_name(raw))


@given(ANY_RAW)
def test_parse_uscc_never_raises(raw: object) -> None:
    assert_well_formed(parse_uscc(raw))
