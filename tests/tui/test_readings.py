"""What a value means, said back as it is typed; choice fields filtered by typing."""

from __future__ import annotations

import pytest

from intake_tui.tui.app import IntakeApp
from tests.tui.conftest import focused_path, hint, keys, type_text

TO_TAX = ("pagedown", "pagedown")
TO_MOBILE = ("pagedown",) * 5


@pytest.mark.parametrize(
    ("reach", "path", "typed", "reading"),
    [
        (TO_TAX, "tax.annual_tax_wan", "1.2亿", "= 12000 万元"),
        (TO_TAX, "tax.annual_tax_wan", "五百万", "= 500 万元"),
        (TO_TAX, "tax.annual_tax_wan", "不详", "= 不详（来电人不清楚）"),
        (("3",), "need.land_area_mu", "20亩", "= 20 亩 ≈ 13333 ㎡"),
        (("1",), "need.floor_area_sqm", "1.5万平", "= 15000 ㎡"),
        (TO_MOBILE, "contact.mobile", "13524678515", "135 2467 8515 · 上海市 · 中国移动"),
    ],
    ids=["yi", "chinese-numerals", "tax-unknown", "mu", "wan-ping", "mobile"],
)
async def test_the_reading_appears_while_typing(
    app: IntakeApp, reach: tuple[str, ...], path: str, typed: str, reading: str
) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await keys(pilot, *reach)
        assert focused_path(app) == path
        await type_text(pilot, typed)
        # No Enter yet: the reading is live.
        assert focused_path(app) == path
        assert hint(app, path) == reading


async def test_the_industry_default_is_shown_before_anything_is_typed(app: IntakeApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await keys(pilot, "pagedown")
        assert focused_path(app) == "use.industry"
        assert hint(app, "use.industry") == "= 制造业"
        await keys(pilot, "enter")
        assert app.capture.session.text("use.industry") == "C"


@pytest.mark.parametrize(
    ("reach", "path", "typed", "code"),
    [
        ((), "need.kind", "zl", "factory_rent"),
        ((), "need.kind", "仓储", "warehouse"),
        ((), "need.kind", "land", "land"),
        (("pagedown",), "use.industry", "I", "I"),
        (("pagedown",), "use.industry", "信息", "I"),
        (("pagedown",), "use.industry", "zzy", "C"),
    ],
    ids=["pinyin-initials", "chinese", "code", "section-letter", "section-name", "initials-zzy"],
)
async def test_typing_filters_a_choice_and_enter_picks_the_first_match(
    app: IntakeApp, reach: tuple[str, ...], path: str, typed: str, code: str
) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await keys(pilot, *reach)
        assert focused_path(app) == path
        await type_text(pilot, typed)
        await keys(pilot, "enter")
        assert app.capture.session.text(path) == code
        assert focused_path(app) != path


async def test_arrow_keys_move_through_the_filtered_options(app: IntakeApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await type_text(pilot, "租赁")  # 租赁厂房, then 租赁办公/研发
        await keys(pilot, "down", "enter")
        assert app.capture.session.text("need.kind") == "office_rent"


async def test_a_digit_picks_by_number_and_moves_on(app: IntakeApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await keys(pilot, "6")
        assert app.capture.session.text("need.kind") == "warehouse"
        assert focused_path(app) == "need.floor_area_sqm"
