"""Recognising secrets that were put into the configuration file by mistake.

The bearer token is only ever read from the environment; a config file is copied,
mailed and committed far too easily. These checks decide when to refuse a value and
when to hide it from messages.
"""

from __future__ import annotations

import re
from typing import Final
from urllib.parse import parse_qsl, urlsplit

#: Key names that can only mean "the secret itself", compared case-insensitively.
SECRET_KEY_NAMES: Final = frozenset(
    {
        "token",
        "bearer",
        "bearer_token",
        "access_token",
        "auth_token",
        "api_key",
        "apikey",
        "api_token",
        "password",
        "passwd",
        "secret",
        "client_secret",
        "authorization",
    }
)

ENV_VAR_NAME: Final = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")

_JWT: Final = re.compile(r"[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}")
# Prefixes of widely used token formats (GitHub, GitLab, Slack, OpenAI-style keys).
_TOKEN_PREFIXES: Final = ("ghp_", "gho_", "github_pat_", "glpat-", "xoxb-", "xoxp-", "sk-")


def is_secret_key(name: str) -> bool:
    """True when a key of this name would hold a secret value."""
    return name.strip().lower() in SECRET_KEY_NAMES


def looks_like_secret(value: str) -> bool:
    """True when *value* looks like a token rather than the name of a variable.

    Environment variable names are short and conventionally upper-case; tokens are long
    and mix cases and digits, or have a recognisable shape.
    """
    text = value.strip()
    if text.lower().startswith(("bearer ", "basic ")) or text.startswith(_TOKEN_PREFIXES):
        return True
    if _JWT.fullmatch(text):
        return True
    if len(text) < 20:
        return False
    has_lower = any(c.islower() for c in text)
    has_upper = any(c.isupper() for c in text)
    has_digit = any(c.isdigit() for c in text)
    if has_lower and has_upper and has_digit:
        return True
    # A long run of hex or base64 without word separators is a key, not a name.
    return "_" not in text and has_digit and len(text) >= 32


def url_carries_secret(url: str) -> bool:
    """True when *url* embeds a password or a token-like query parameter."""
    try:
        parts = urlsplit(url)
        has_password = parts.password is not None
    except ValueError:
        return False
    if has_password:
        return True
    return any(is_secret_key(name) for name, _ in parse_qsl(parts.query))
