"""Finding a caller's mobile number in test output, however it was spelled."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from typing import Any

MOBILE = "13524678515"


def holds_the_mobile(text: str) -> bool:
    """True when *text* spells :data:`MOBILE`, whatever the digits' width or the separators
    and country code around them."""
    digits = "".join(ch for ch in unicodedata.normalize("NFKC", text) if ch.isdigit())
    return MOBILE in digits


def strings(value: Any) -> Iterator[str]:
    """Every string inside a JSON value, keys included."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)
