"""Free text, e-mail and yes/no answers, plus the character clean-ups other parsers share.

Half-width conversion is deliberately limited to the full-width ASCII block (and the
ideographic space): NFKC would also rewrite characters that are correct in Chinese text,
such as the full-width brackets in company names.
"""

from __future__ import annotations

import unicodedata
from typing import Final

from intake_tui.parsing.raw import echo, require_text, wrong_type
from intake_tui.parsing.result import Invalid, Parsed, ok, parser

#: U+FF01..U+FF5E mirror ASCII 0x21..0x7E at a fixed offset; U+3000 is the ideographic space.
_HALFWIDTH: Final[dict[int, int]] = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {
    0x3000: 0x20
}

_TRUE_WORDS: Final = frozenset(
    {"true", "yes", "y", "1", "on", "是", "是的", "同意", "对", "对的", "好", "可以"}
)
_FALSE_WORDS: Final = frozenset(
    {"false", "no", "n", "0", "off", "否", "不是", "不同意", "不", "不对", "不好", "不可以"}
)

EMAIL_EXAMPLE: Final = "zhang.wei@example.com"

#: Direction overrides and isolates, zero-width characters and the byte-order mark: they
#: are invisible, and they make a name look like another one on screen (``Trojan Source``).
SPOOFING_CHARACTERS: Final = frozenset(
    (
        *range(0x202A, 0x202F),  # LRE, RLE, PDF, LRO, RLO
        *range(0x2066, 0x206A),  # LRI, RLI, FSI, PDI
        *range(0x200B, 0x2010),  # zero-width space, ZWNJ, ZWJ, LRM, RLM
        0x2060,  # word joiner
        0xFEFF,  # zero-width no-break space (byte-order mark)
        0x061C,  # Arabic letter mark
    )
)


def to_halfwidth(text: str) -> str:
    """Full-width ASCII letters, digits, punctuation and the ideographic space to half-width."""
    return text.translate(_HALFWIDTH)


def collapse_spaces(text: str) -> str:
    """Trim *text* and collapse every inner run of whitespace to one space."""
    return " ".join(text.split())


def has_control_characters(text: str) -> bool:
    """True when *text* holds control characters (escape codes, NUL, ...)."""
    return any(unicodedata.category(char) == "Cc" for char in text)


def first_spoofing_character(text: str) -> tuple[int, str] | None:
    """The 1-based position and ``U+XXXX`` code of the first direction or zero-width
    character in *text*, or None when it has none."""
    for position, char in enumerate(text, start=1):
        if ord(char) in SPOOFING_CHARACTERS:
            return position, f"U+{ord(char):04X}"
    return None


def refuse_hidden_characters(text: str) -> None:
    """Raise :class:`Invalid` when *text* holds control, direction or zero-width characters."""
    # Escape sequences pasted into a field would be replayed on every terminal showing it.
    if has_control_characters(text):
        raise Invalid("parsing.text_control_characters")
    found = first_spoofing_character(text)
    if found is not None:
        position, code = found
        raise Invalid("parsing.text_spoofing_characters", position=position, code=code)


def visible(text: str) -> str:
    """*text* safe to show on a terminal: control (except line breaks), direction and
    zero-width characters written as ``\\uXXXX``, so that none acts on the terminal."""
    # Drafts keep what was typed or pasted, unchecked; a list or a JSON body may show them.
    if text.isprintable():
        return text
    return "".join(
        f"\\u{ord(char):04x}"
        if (unicodedata.category(char) == "Cc" and char != "\n") or ord(char) in SPOOFING_CHARACTERS
        else char
        for char in text
    )


@parser
def parse_text(raw: object, *, min_len: int, max_len: int) -> Parsed[str]:
    """Text trimmed and with spaces collapsed, *min_len* to *max_len* characters long."""
    if not isinstance(raw, str):
        raise wrong_type(raw, "text", "张先生")
    text = collapse_spaces(raw)
    if not text:
        raise Invalid("parsing.text_empty", min_len=min_len, max_len=max_len)
    refuse_hidden_characters(text)
    if len(text) < min_len:
        raise Invalid("parsing.text_too_short", min_len=min_len, max_len=max_len, length=len(text))
    if len(text) > max_len:
        raise Invalid("parsing.text_too_long", min_len=min_len, max_len=max_len, length=len(text))
    return ok(text)


@parser
def parse_email(raw: object) -> Parsed[str]:
    """A syntactically valid e-mail address, normalised (domain lower-cased); no DNS lookup."""
    # Imported here: the package pulls in DNS and IDNA support that most screens never need.
    from email_validator import EmailNotValidError, validate_email

    text = require_text(raw, expected="text", example=EMAIL_EXAMPLE)
    refuse_hidden_characters(text)
    # A Chinese input method turns "@" and "." into ＠ and 。 unless switched to English mode.
    candidate = to_halfwidth(text).replace("。", ".")
    try:
        result = validate_email(candidate, check_deliverability=False)
    except EmailNotValidError:
        raise Invalid("parsing.email_invalid", found=echo(text), example=EMAIL_EXAMPLE) from None
    return ok(result.normalized)


@parser
def parse_bool(raw: object) -> Parsed[bool]:
    """Yes or no: JSON booleans, 1/0, and words such as yes/no, y/n, on/off, 是/否, 同意/不同意."""
    if isinstance(raw, bool):
        return ok(raw)
    if isinstance(raw, int) and raw in (0, 1):
        return ok(raw == 1)
    if isinstance(raw, int | float):
        raise Invalid("parsing.bool_invalid", found=echo(str(raw)))
    text = require_text(raw, expected="bool", example="是 / 否")
    word = to_halfwidth(text).casefold().rstrip("。.!！")
    if word in _TRUE_WORDS:
        return ok(True)
    if word in _FALSE_WORDS:
        return ok(False)
    raise Invalid("parsing.bool_invalid", found=echo(text))
