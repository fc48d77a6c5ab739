"""Showing unchecked text (drafts) on a terminal: nothing in it may act on the terminal."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from intake_tui.parsing.text import SPOOFING_CHARACTERS, visible
from tests.parsing.test_hidden_characters import NAMED


def test_the_refused_set_is_the_one_named() -> None:
    assert set(NAMED) == SPOOFING_CHARACTERS


@given(st.text(max_size=30))
def test_visible_leaves_nothing_that_acts_on_a_terminal(text: str) -> None:
    shown = visible(text)
    assert not any(ord(char) in SPOOFING_CHARACTERS for char in shown)
    assert not any(unicodedata.category(char) == "Cc" and char != "\n" for char in shown)


def test_visible_keeps_ordinary_text_and_escapes_the_rest() -> None:
    assert visible("上海[/]精密 机械\n有限公司") == "上海[/]精密 机械\n有限公司"
    assert visible("a\u202eb\x1b[31m") == "a\\u202eb\\u001b[31m"
