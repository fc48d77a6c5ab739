"""The app in terminals as operators have them: English, no colour, 80×24."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.e2e.inquiry import FIRST_SCREEN
from tests.e2e.terminal import Terminal, colours

pytestmark = pytest.mark.e2e

CJK = re.compile(r"[\u3400-\u9fff\uff00-\uffef]")
#: 256-colour palette entries without hue: black, greys and white.
GREY_INDEXES = {0, 7, 8, 15, 16, 231, *range(232, 256)}
#: Plain SGR codes for default, black, white and grey foregrounds and backgrounds.
GREY_CODES = {30, 37, 39, 40, 47, 49, 90, 97, 100, 107}
NEED_KINDS = (
    "租赁厂房",
    "购买厂房",
    "工业用地",
    "租赁办公/研发",
    "购买办公/研发",
    "仓储物流",
    "其他",
)
TIMELINES = ("1个月内", "3个月内", "6个月内", "12个月内", "待定")


def is_grey(colour: str) -> bool:
    """Whether a colour from :func:`colours` has no hue."""
    parts = [int(p) for p in colour.split(";")]
    if len(parts) == 1:
        return parts[0] in GREY_CODES
    if parts[1] == 5:
        return parts[2] in GREY_INDEXES
    red, green, blue = parts[2:5]
    return red == green == blue


def quit_cleanly(terminal: Terminal) -> None:
    """Ctrl+Q ends the app with status 0."""
    terminal.press("C-q")
    assert terminal.wait_exit() == 0


def test_lang_en_shows_english_labels(terminal: Terminal, config_file: Path) -> None:
    terminal.start("--config", str(config_file), "--lang", "en")
    screen = terminal.wait_for("Need *", "Floor area *", "Timeline *", "1 Rent a factory", "Help")
    assert not CJK.findall(screen), screen
    terminal.press("1")
    terminal.wait_for("= Rent a factory")
    quit_cleanly(terminal)


@pytest.mark.parametrize("no_color", [True, False], ids=["NO_COLOR=1", "colour"])
def test_no_color_starts_and_paints_in_greys_only(
    terminal: Terminal, config_file: Path, no_color: bool
) -> None:
    env = {"NO_COLOR": "1"} if no_color else {}
    terminal.start("--config", str(config_file), env=env)
    terminal.wait_for(*FIRST_SCREEN)
    terminal.press("1")
    terminal.wait_for("= 租赁厂房")
    hues = [colour for colour in colours(terminal.styled_screen()) if not is_grey(colour)]
    assert (hues == []) is no_color, sorted(set(hues))
    quit_cleanly(terminal)


def test_an_80x24_terminal_shows_the_whole_first_step(
    terminal: Terminal, config_file: Path
) -> None:
    terminal.start("--config", str(config_file), size=(80, 24))
    options = [*NEED_KINDS, *TIMELINES]
    screen = terminal.wait_for(
        "需求类型", "需求面积", "期望落地时间", *options, "f1 帮助", "操作员"
    )
    # Only the first step: the next one appears when the operator gets there.
    assert "行业门类" not in screen
    quit_cleanly(terminal)
