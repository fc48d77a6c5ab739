"""The free-text filter of the inquiry list: one box that understands ids, mobiles and names."""

from __future__ import annotations

import re
import unicodedata
from typing import Any, Final

from intake_tui.store.keys import (
    company_key,
    initials_query_forms,
    is_initials_query,
    mobile_key,
    prefix_upper_bound,
)

_ID_TEXT: Final = re.compile(r"[0-9a-f-]+")
_PHONE_TEXT: Final = re.compile(r"[+0-9\s-]+")


def prefix_condition(column: str, prefix: str, params: list[Any]) -> str:
    """An index-friendly ``column starts with prefix`` condition."""
    upper = prefix_upper_bound(prefix)
    params.append(prefix)
    if upper is None:
        return f"{column} >= ?"
    params.append(upper)
    return f"({column} >= ? AND {column} < ?)"


def search_condition(search: str) -> tuple[str, list[Any]]:
    """A WHERE condition (and its parameters) for what an operator typed in the search box.

    Matches an id prefix, a mobile prefix (or the whole number), a company key substring,
    or a company initials prefix; empty text matches everything (``"1"``).
    """
    text = unicodedata.normalize("NFKC", search).strip()
    if not text:
        return "1", []
    params: list[Any] = []
    alternatives: list[str] = []
    lowered = text.lower()
    if _ID_TEXT.fullmatch(lowered):
        alternatives.append(prefix_condition("id", lowered, params))
    if _PHONE_TEXT.fullmatch(text) and (digits := mobile_key(text)):
        alternatives.append(prefix_condition("mobile_key", digits, params))
    if key := company_key(text):
        alternatives.append("instr(company_key, ?) > 0")
        params.append(key)
    if is_initials_query(text):
        typed, without_form = initials_query_forms(text)
        alternatives.append(prefix_condition("company_initials", typed, params))
        if without_form != typed:
            alternatives.append("company_initials = ?")
            params.append(without_form)
    if not alternatives:
        return "0", []
    return "(" + " OR ".join(alternatives) + ")", params
