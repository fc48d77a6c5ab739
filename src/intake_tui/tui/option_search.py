"""Filtering option lists as the operator types: label, code, English, or pinyin initials.

Pinyin initials come from pypinyin, whose import is slow; :func:`warm_up` builds the table
in a worker after the first frame so that the first filtering keystroke does not wait.
"""

from __future__ import annotations

import threading
from functools import cache

from intake_tui.parsing.choice import choice_key
from intake_tui.record.options import Option, OptionList
from intake_tui.store.keys import initials_key

_lock = threading.Lock()


@cache
def _initials(label: str) -> str:
    with _lock:
        return initials_key(label)


def warm_up(lists: list[OptionList]) -> None:
    """Compute the initials of every label now (call from a worker thread)."""
    for options in lists:
        for option in options:
            _initials(option.zh)


def matches(options: OptionList, typed: str, lang: str) -> list[Option]:
    """The options *typed* finds: label or code starts first, then contains or initials."""
    key = choice_key(typed)
    if not key:
        return list(options)
    starts: list[Option] = []
    contains: list[Option] = []
    for option in options:
        names = (choice_key(option.zh), choice_key(option.en), choice_key(option.code))
        if any(name.startswith(key) for name in names):
            starts.append(option)
        elif any(key in name for name in names) or (
            key.isascii() and key.isalpha() and _initials(option.zh).startswith(key)
        ):
            contains.append(option)
    return starts + contains
