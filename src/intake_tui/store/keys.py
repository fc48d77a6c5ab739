"""Search keys for inquiries: what two spellings of the same mobile or company share.

The store indexes these keys and the TUI computes them while the operator types, so
both sides must agree; keep every normalisation rule here.

Company initials are computed from :func:`company_key`, not from the raw name: the
organisational form (有限公司 → ``yxgs``) would otherwise end every key alike and make
a short typed prefix such as ``shbg`` the only useful way to search.
:func:`initials_query_forms` lets an operator still type the full initials of the
registered name (``shbgjmjxyxgs``).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Final

# Longest first: the stripping loop removes the first form that ends the key, and
# 股份有限公司 must win over 有限公司.
_ORGANISATIONAL_FORMS: Final[tuple[str, ...]] = tuple(
    sorted(
        (
            "股份有限公司",
            "有限责任公司",
            "集团有限公司",
            "有限公司",
            "股份公司",
            "集团公司",
            "分公司",
            "子公司",
            "总公司",
            "公司",
            "集团",
            "合伙企业有限合伙",
            "合伙企业普通合伙",
            "合伙企业",
            "有限合伙",
            "普通合伙",
            "个人独资企业",
            "个体工商户",
        ),
        key=len,
        reverse=True,
    )
)

# Only characters of these Unicode categories carry meaning in a key: letters and
# numbers. Spaces, brackets, punctuation and symbols are how spellings differ.
_KEPT_CATEGORIES: Final[frozenset[str]] = frozenset(
    {"Lu", "Ll", "Lt", "Lm", "Lo", "Nd", "Nl", "No"}
)

# English forms are whole words at the end ("Acme Co., Ltd."); matched before spaces are
# squeezed out so that a name such as "Costco" keeps its last letters.
_ENGLISH_FORM: Final = re.compile(
    r"(?:(?<=[^\x00-\x7f])|[\s,.]+)"
    r"(?:co\.?,?\s*ltd|co\.?,?\s*limited|company\s+limited|limited|ltd|incorporated|inc"
    r"|corporation|corp|company|co|llc|gmbh|group)\.?\s*$"
)
_ASCII_INITIALS: Final = re.compile(r"[a-z0-9]+")
_INITIALS_QUERY: Final = re.compile(r"[A-Za-z]{2,}")


def _half_width(text: str) -> str:
    """Full-width digits, letters and brackets become their ASCII forms."""
    return unicodedata.normalize("NFKC", text)


def mobile_key(text: str) -> str:
    """The digits of a mobile number without the country code: ``+86 138-0013-8000`` → 13800138000.

    Partial input stays a prefix of the full key, so the TUI can search as the operator types.
    """
    text = _half_width(text).strip()
    digits = "".join(ch for ch in text if ch.isascii() and ch.isdigit())
    if digits.startswith("0086"):
        return digits[4:]
    # A bare leading 86 is a country code only when the rest is a whole number (or "+"
    # said so); otherwise it could be the start of a mistyped local number.
    if digits.startswith("86") and (text.startswith("+") or len(digits) == 13):
        return digits[2:]
    return digits


def _strip_english_forms(folded: str) -> str:
    """Remove trailing English forms (", Co., Ltd."), repeatedly, never down to nothing."""
    while (match := _ENGLISH_FORM.search(folded)) and match.start() > 0:
        folded = folded[: match.start()].rstrip()
    return folded


def _strip_forms(key: str) -> str:
    """Remove trailing Chinese forms, repeatedly: ``宝钢集团股份有限公司`` → ``宝钢``."""
    changed = True
    while changed:
        changed = False
        for form in _ORGANISATIONAL_FORMS:
            if key.endswith(form):
                if len(key) == len(form):
                    return key  # the whole name is a form: keep it rather than ""
                key = key[: -len(form)]
                changed = True
                break
    return key


@lru_cache(maxsize=4096)
def company_key(name: str) -> str:
    """The matching key of a company name: ``上海宝钢 精密机械有限公司`` → ``上海宝钢精密机械``.

    Half-width, lower-case, only letters and digits, trailing organisational forms
    removed; a name that is nothing but a form keeps it rather than becoming empty.
    """
    folded = _strip_english_forms(_half_width(name).casefold().strip())
    kept = "".join(ch for ch in folded if unicodedata.category(ch) in _KEPT_CATEGORIES)
    return _strip_forms(kept)


@lru_cache(maxsize=4096)
def initials_key(text: str) -> str:
    """Pinyin first letters of Han characters plus ASCII letters and digits, lower-cased.

    ``上海宝钢精密机械有限公司`` → ``shbgjmjxyxgs``. Other characters are dropped.
    """
    # Imported here: pypinyin loads its dictionaries on import (~150 ms), which would
    # slow every command that merely imports the store.
    from pypinyin import Style, lazy_pinyin

    # Whole runs are converted at once so that phrase readings apply (重庆 → cq, 银行 → yh).
    parts = lazy_pinyin(_half_width(text).lower(), style=Style.FIRST_LETTER, errors="default")
    return "".join(_ASCII_INITIALS.findall("".join(parts).lower()))


def company_initials(name: str) -> str:
    """The initials the store indexes for a company name: those of its :func:`company_key`."""
    return initials_key(company_key(name))


def is_initials_query(text: str) -> bool:
    """Whether *text* is typed initials (two or more ASCII letters, nothing else)."""
    return _INITIALS_QUERY.fullmatch(text.strip()) is not None


def initials_query_forms(text: str) -> tuple[str, str]:
    """The prefix to search for typed initials, and the same with a trailing form removed.

    ``SHBGJMJXYXGS`` → (``shbgjmjxyxgs``, ``shbgjmjx``): an operator may type the initials
    of the registered name, organisational form included, while the index holds them
    without it (see the module docstring).
    """
    typed = text.strip().lower()
    return typed, _strip_initials_form(typed)


@lru_cache(maxsize=1)
def _form_initials() -> tuple[str, ...]:
    """Initials of the Chinese organisational forms, longest first."""
    forms = {initials_key(form) for form in _ORGANISATIONAL_FORMS if not form.isascii()}
    return tuple(sorted(forms, key=len, reverse=True))


def _strip_initials_form(typed: str) -> str:
    """*typed* without one trailing form's initials, if at least four letters remain."""
    for form in _form_initials():
        # Two-letter forms (gs, jt) end too many real names to strip them blindly;
        # four remaining letters keep the query specific.
        if len(form) >= 4 and typed.endswith(form) and len(typed) - len(form) >= 4:
            return typed[: -len(form)]
    return typed


def prefix_upper_bound(prefix: str) -> str | None:
    """The smallest string greater than every string starting with *prefix*.

    ``key >= prefix AND key < bound`` is a prefix test that an ordinary (BINARY) index
    can answer; None means there is no bound (the prefix ends in the last code point).
    """
    for cut in range(len(prefix) - 1, -1, -1):
        code = ord(prefix[cut]) + 1
        if 0xD800 <= code <= 0xDFFF:
            code = 0xE000  # surrogates cannot be stored; the next real code point
        if code <= 0x10FFFF:
            return prefix[:cut] + chr(code)
    return None
