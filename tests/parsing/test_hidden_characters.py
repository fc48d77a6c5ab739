"""Direction overrides and zero-width characters are refused in every text field, by name."""

from __future__ import annotations

from datetime import date

import pytest

from intake_tui.record.fields import FIELDS, ParseContext
from tests.parsing.support import assert_error, assert_value

#: The characters the issue names: bidi embeddings, overrides and isolates, zero-width
#: characters and marks, the word joiner, the byte-order mark and the Arabic letter mark.
NAMED = (
    *range(0x202A, 0x202F),
    *range(0x2066, 0x206A),
    *range(0x200B, 0x2010),
    0x2060,
    0xFEFF,
    0x061C,
)
#: A valid value for every free-text field of the record.
VALID_TEXT = {
    "need.notes": "需要独立变电站",
    "use.description": "工业机器人减速器精密装配与检测",
    "company.name": "上海宝钢精密机械有限公司",
    "company.uscc": "91110000600037341L",
    "contact.name": "张先生",
    "contact.title": "总经理",
    "contact.wechat": "zhang_wei_88",
    "contact.email": "zhang.wei@example.com",
}
CONTEXT = ParseContext(today=date(2026, 11, 29))
SPECS = {spec.path: spec for spec in FIELDS}


def test_every_free_text_field_is_covered() -> None:
    assert {spec.path for spec in FIELDS if spec.kind == "text"} == set(VALID_TEXT)


@pytest.mark.parametrize("path", sorted(VALID_TEXT))
@pytest.mark.parametrize("code", NAMED, ids=lambda code: f"U+{code:04X}")
def test_refused_in_every_text_field(path: str, code: int) -> None:
    spec = SPECS[path]
    text = VALID_TEXT[path]
    assert spec.parse(text, CONTEXT).error is None
    spoofed = text[:3] + chr(code) + text[3:]
    assert_error(spec.parse(spoofed, CONTEXT), "parsing.text_spoofing_characters")


def test_the_message_names_the_character_and_where_it_is() -> None:
    error = SPECS["company.name"].parse("上海\u202e宝钢有限公司", CONTEXT).error
    assert error is not None
    assert error.text("zh") == (
        "第 3 个字符是不可见的文字方向或零宽字符（U+202E），会让名称看起来像别的名称；"
        "请删除后重新输入"
    )
    assert error.text("en") == (
        "character 3 is an invisible direction or zero-width character (U+202E) that can "
        "make a name look like another; delete it and retype the text"
    )


def test_wide_and_bracket_heavy_names_are_still_accepted() -> None:
    for name in (
        "上海[/]精密机械有限公司",
        "[link=https://x]点我[/link]有限公司",
        "Ａ（上海）有限公司",
    ):
        assert SPECS["company.name"].parse(name, CONTEXT).error is None
    assert_value(SPECS["contact.name"].parse("[bold]张", CONTEXT), "[bold]张")
