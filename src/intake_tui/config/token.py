"""Whether the bearer token can be sent at all: HTTP header values are printable ASCII.

A token pasted with a non-ASCII character (a full-width letter, a curly quote) or a line
break in it makes the HTTP client raise on every request. The problem is found before
any request and worded without quoting the token: only what kind of character is wrong,
and where.
"""

from __future__ import annotations

from intake_tui.i18n import Message


def token_problem(token: str, env: str) -> Message | None:
    """None when *token* (read from variable *env*) can go in an ``Authorization`` header."""
    for position, ch in enumerate(token, start=1):
        if "!" <= ch <= "~":
            continue
        if ch in "\r\n\u2028\u2029\x85":
            key = "config.token.line_break"
        elif not ch.isascii():
            key = "config.token.non_ascii"
        else:
            key = "config.token.space_or_control"
        return Message(key, {"env": env, "position": position})
    return None
