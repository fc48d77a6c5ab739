"""What every parser does first: accept only the JSON types it understands, and echo input safely.

A raw value comes from a TUI field (always ``str``) or from JSON (any JSON type). Parsers
reject the types they cannot use with one shared message that names what was expected,
what was found and an example, so a wrong type reads the same in every field.
"""

from __future__ import annotations

from typing import Final

from intake_tui.parsing.result import Invalid

#: What a parser expected, in both languages; keys are used by the parsers.
EXPECTED: Final[dict[str, tuple[str, str]]] = {
    "text": ("文字", "text"),
    "number": ("数字或文字", "a number or text"),
    "bool": ("是或否", "yes or no"),
    "choice": ("选项的编号、代码或名称", "the number, code or name of a choice"),
    "choices": ("选项列表或用逗号分开的选项", "a list of choices or choices separated by commas"),
    "area": ("面积数字、文字或 {min, max} 对象", "an area as a number, text or {min, max} object"),
    "phone": ("电话号码", "a phone number"),
}

#: How long an echoed input may be in a message before it is cut.
ECHO_LIMIT: Final = 24


def describe_kind(raw: object) -> tuple[str, str]:
    """The kind of a raw JSON-ish value, in Chinese and English, for error messages."""
    if raw is None:
        return ("空值 (null)", "null")
    if isinstance(raw, bool):
        return ("是/否值", "a true/false value")
    if isinstance(raw, int | float):
        return ("数字", "a number")
    if isinstance(raw, str):
        return ("文字", "text")
    if isinstance(raw, list | tuple):
        return ("列表", "a list")
    if isinstance(raw, dict):
        return ("对象", "an object")
    return ("不支持的值", "an unsupported value")


def wrong_type(raw: object, expected: str, example: str) -> Invalid:
    """The error for a raw value of a type this parser does not take."""
    expected_zh, expected_en = EXPECTED[expected]
    found_zh, found_en = describe_kind(raw)
    return Invalid(
        "parsing.wrong_type",
        expected_zh=expected_zh,
        expected_en=expected_en,
        found_zh=found_zh,
        found_en=found_en,
        example=example,
    )


def require_text(raw: object, *, expected: str, example: str) -> str:
    """*raw* as stripped text; a non-string or blank value raises :class:`Invalid`."""
    if not isinstance(raw, str):
        raise wrong_type(raw, expected, example)
    text = raw.strip()
    if not text:
        raise Invalid("parsing.empty", example=example)
    return text


def text_or_integer(raw: object, *, expected: str, example: str) -> str:
    """Like :func:`require_text`, but a JSON integer is taken as its digits (phone numbers)."""
    if isinstance(raw, int) and not isinstance(raw, bool):
        return str(raw)
    return require_text(raw, expected=expected, example=example)


def echo(text: str) -> str:
    """*text* made safe to quote back in a message: no control characters, not too long."""
    printable = "".join(char if char.isprintable() else " " for char in text).strip()
    if len(printable) > ECHO_LIMIT:
        return printable[: ECHO_LIMIT - 1] + "…"
    return printable
