"""Helpers for the parser tests: checking results and the messages they carry."""

from __future__ import annotations

import string
from typing import Any

from hypothesis import strategies as st

from intake_tui.i18n import LANGUAGES, Message
from intake_tui.i18n.catalogue import entries
from intake_tui.parsing.result import Parsed

#: Every shape a raw value can take: TUI text or any JSON value.
ANY_RAW = st.one_of(
    st.text(),
    st.integers(),
    st.floats(),
    st.booleans(),
    st.none(),
    st.lists(st.text()),
    st.dictionaries(st.text(), st.integers()),
)


def assert_renders(message: Message) -> None:
    """*message* has a catalogue entry and fills every placeholder in both languages."""
    texts = entries().get(message.key)
    assert texts is not None, f"no catalogue entry for {message.key!r}"
    for lang in LANGUAGES:
        # Formatting directly (not through render) so a missing parameter fails the test.
        rendered = texts[lang].format(**message.params)
        assert rendered.strip()
        assert not set(rendered) & set(string.whitespace.replace(" ", ""))


def assert_well_formed(result: Parsed[Any]) -> None:
    """*result* is a Parsed whose error (if any) and warnings are renderable catalogue messages."""
    assert isinstance(result, Parsed)
    if result.error is not None:
        assert result.value is None
        assert_renders(result.error)
    for warning in result.warnings:
        assert_renders(warning)


def assert_value(result: Parsed[Any], expected: object) -> None:
    """*result* was accepted with *expected* and no warnings."""
    assert result.error is None, result.error
    assert result.value == expected
    assert type(result.value) is type(expected)
    assert result.warnings == ()


def assert_error(result: Parsed[Any], key: str) -> None:
    """*result* was rejected with message *key*."""
    assert result.error is not None, f"accepted as {result.value!r}"
    assert result.error.key == key
    assert_renders(result.error)


def fullwidth(text: str) -> str:
    """*text* with ASCII characters turned into their full-width forms."""
    return "".join(chr(ord(char) + 0xFEE0) if "!" <= char <= "~" else char for char in text)
