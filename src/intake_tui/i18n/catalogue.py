"""Merging the per-area message tables and rendering a message in a language."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import import_module
from typing import Any, Final, Literal

Lang = Literal["zh", "en"]
LANGUAGES: Final[tuple[Lang, ...]] = ("zh", "en")

#: The modules of this package that contribute entries; each defines ``MESSAGES``.
AREAS: Final[tuple[str, ...]] = (
    "common",
    "parsing",
    "record",
    "config",
    "store",
    "cli",
    "tui",
    "delivery",
)

Table = Mapping[str, Mapping[str, str]]


@cache
def entries() -> dict[str, Mapping[str, str]]:
    """Every catalogue entry, keyed by message key, merged from all areas."""
    merged: dict[str, Mapping[str, str]] = {}
    for area in AREAS:
        table: Table = import_module(f"intake_tui.i18n.{area}").MESSAGES
        for key, texts in table.items():
            if key in merged:
                raise RuntimeError(f"message key {key!r} is defined twice (area {area!r})")
            merged[key] = texts
    return merged


def render(key: str, lang: Lang, /, **params: Any) -> str:
    """The text of message *key* in *lang*, with ``{name}`` placeholders filled."""
    texts = entries().get(key)
    if texts is None:
        # A missing key is a programming error, but an operator must never see a crash
        # for it: show the key itself so the gap is visible and reportable.
        return key
    template = texts.get(lang, texts.get("zh", key))
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


@dataclass(frozen=True, slots=True)
class Message:
    """A message not yet rendered: its catalogue key and the values for its placeholders.

    Keeping messages unrendered lets the TUI switch language and lets tests compare keys
    instead of wording.
    """

    key: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def text(self, lang: Lang) -> str:
        """Render in *lang*."""
        return render(self.key, lang, **self.params)


def message(key: str, /, **params: Any) -> Message:
    """Shorthand for ``Message(key, params)``."""
    return Message(key, params)
