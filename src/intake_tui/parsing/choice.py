"""Choosing from a fixed option list by number, code, Chinese label or English label.

Matching ignores case, width, spaces and the punctuation people drop or vary when typing
(``-``, ``_``, ``/``, ``、``, ...), so ``Factory-Rent``, ``租赁办公研发`` and ``农林牧渔业``
all find their option.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from typing import Final

from intake_tui.parsing.raw import echo, require_text, wrong_type
from intake_tui.parsing.result import Invalid, Parsed, ok, parser
from intake_tui.parsing.text import to_halfwidth
from intake_tui.record.options import Option, OptionList

_IGNORED: Final = re.compile(r"[\s\-_/\\、,，.。·&()（）]+")
_SEPARATORS: Final = re.compile(r"[,，、;；/\s]+")
#: A label is at most this many words long, which bounds the search in parse_choices.
MAX_WORDS_PER_CHOICE: Final = 8
#: More items than this in one multi-select answer is pasted junk, not a selection.
MAX_ITEMS: Final = 64


def choice_key(text: str) -> str:
    """The form of *text* used for matching: half-width, case-folded, without separators."""
    return _IGNORED.sub("", to_halfwidth(text).casefold())


def describe_choices(options: OptionList, lang: str, *, numbered: bool = True) -> str:
    """The options with labels in *lang* and codes: ``1 租赁厂房 (factory_rent)；2 …``."""
    separator = "; " if lang == "en" else "；"
    return separator.join(
        f"{number} {option.label(lang)} ({option.code})"
        if numbered
        else f"{option.label(lang)} ({option.code})"
        for number, option in enumerate(options, start=1)
    )


def choice_error(
    key: str, options: OptionList, *, numbered: bool = True, **params: object
) -> Invalid:
    """An error *key* with the option list in both languages as ``choices_zh`` / ``choices_en``."""
    return Invalid(
        key,
        choices_zh=describe_choices(options, "zh", numbered=numbered),
        choices_en=describe_choices(options, "en", numbered=numbered),
        **params,
    )


@parser
def parse_choice(
    raw: object,
    options: OptionList,
    *,
    aliases: Mapping[str, str] | None = None,
    allow_numbers: bool = True,
) -> Parsed[str]:
    """The code of the option *raw* names (number, code or label); *aliases* map more spellings."""
    code = _match(_choice_text(raw, options), options, aliases, allow_numbers)
    if code is None:
        raise choice_error("parsing.choice_invalid", options, found=echo(str(raw)))
    return ok(code)


@parser
def parse_choices(raw: object, options: OptionList) -> Parsed[list[str]]:
    """Several codes from a JSON list or text split by , ， 、 ; ； / or spaces, in option order."""
    if isinstance(raw, list):
        items = raw
    elif isinstance(raw, str):
        items = _split_items(raw, options)
    else:
        raise wrong_type(raw, "choices", _example(options, "zh"))
    if len(items) > MAX_ITEMS:
        raise choice_error("parsing.choices_too_many", options, count=len(items))
    chosen: set[str] = set()
    for position, item in enumerate(items, start=1):
        result = parse_choice(item, options)
        if result.value is None:
            raise choice_error(
                "parsing.choices_item_invalid",
                options,
                position=position,
                found=echo(str(item)),
                example_zh=_example(options, "zh"),
                example_en=_example(options, "en"),
            )
        chosen.add(result.value)
    return ok([option.code for option in options if option.code in chosen])


def _choice_text(raw: object, options: OptionList) -> str:
    if isinstance(raw, int) and not isinstance(raw, bool):
        return str(raw)
    if isinstance(raw, str) and not raw.strip():
        raise choice_error("parsing.choice_empty", options)
    return require_text(raw, expected="choice", example=_example(options, "zh"))


@cache
def _table(options: OptionList, allow_numbers: bool) -> dict[str, str]:
    table: dict[str, str] = {}
    for number, option in enumerate(options, start=1):
        if allow_numbers:
            table.setdefault(str(number), option.code)
        for spelling in (option.code, option.zh, option.en):
            table.setdefault(choice_key(spelling), option.code)
    return table


def _match(
    text: str, options: OptionList, aliases: Mapping[str, str] | None, allow_numbers: bool
) -> str | None:
    key = choice_key(text)
    if not key:
        return None
    code = _table(options, allow_numbers).get(key)
    if code is None and aliases:
        code = next((value for alias, value in aliases.items() if choice_key(alias) == key), None)
    return code


def _split_items(text: str, options: OptionList) -> list[object]:
    """Split typed text into items, keeping labels that themselves hold spaces or slashes."""
    words = [word for word in _SEPARATORS.split(text) if word]
    if not words:
        raise choice_error("parsing.choice_empty", options)
    if len(words) > MAX_ITEMS * MAX_WORDS_PER_CHOICE:
        raise choice_error("parsing.choices_too_many", options, count=len(words))
    items: list[object] = []
    start = 0
    while start < len(words):
        # The longest run of words that names an option wins ("EIA report required");
        # a word that starts no option is kept alone so its error can quote it.
        end = next(
            (
                end
                for end in range(min(len(words), start + MAX_WORDS_PER_CHOICE), start, -1)
                if _match(" ".join(words[start:end]), options, None, True) is not None
            ),
            start + 1,
        )
        items.append(" ".join(words[start:end]))
        start = end
    return items


def _example(options: OptionList, lang: str) -> str:
    first: list[Option] = list(options[:2])
    return ("、" if lang == "zh" else ", ").join(option.label(lang) for option in first)
