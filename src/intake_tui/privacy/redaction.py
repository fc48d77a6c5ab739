"""The one set of rules that keeps secrets and mobile numbers out of text we keep or show.

Log lines, audit details, the outbox's last error, the sync summary and masked exports all
pass these rules, so a server's message, a traceback and a caller's note are treated alike.
Mobile numbers are matched in every spelling an operator, a caller or a server may use:
``+86 135-2467-8515``, ``(0086) 135.2467.8515``, full-width ``１３５２４６７８５１５``.
Credentials are bearer and basic tokens, ``Authorization`` values, passwords in URLs,
secret query parameters (``key=``, ``sign=``, ``access_token=``, …) and the configured
token's own value.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from typing import Any, Final
from urllib.parse import quote

REDACTED: Final = "[REDACTED]"

# Up to three separators between any two digits: a space (also tab, no-break and
# ideographic), a hyphen or dash in any width, or a dot; " - " is how people group numbers.
_SEP: Final = r"[ \t\u00a0\u3000\-\u2010-\u2014\uff0d.\uff0e]{0,3}"
# The country code: +86, 0086 or 86, optionally in brackets, in half or full width.
_COUNTRY: Final = r"(?:[(\uff08]?(?:[+\uff0b]|[0\uff10]{2})?[8\uff18][6\uff16][)\uff09]?)"
# \d matches full-width and other decimal digits too.
_MOBILE: Final = re.compile(
    rf"(?<!\d)(?:{_COUNTRY}{_SEP})?[1\uff11]{_SEP}[3-9\uff13-\uff19](?:{_SEP}\d){{9}}(?!\d)"
)
_DIGIT: Final = re.compile(r"\d")
_MOBILE_DIGITS: Final = 11
_UUID: Final = re.compile(r"[0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}")

_BEARER: Final = re.compile(r"(?i)\b(bearer|basic)(\s+)[A-Za-z0-9._~+/=\-]+")
_AUTH_HEADER: Final = re.compile(
    r"(?i)\b((?:proxy-)?authorization)(['\"]?\s*[:=]\s*['\"]?)[^'\"\r\n,}]+"
)
#: Query parameters that carry a credential (robot webhooks sign with ``sign=``).
SECRET_PARAMS: Final = (
    "access_token",
    "api_key",
    "apikey",
    "key",
    "password",
    "secret",
    "sig",
    "sign",
    "signature",
    "token",
)
# A secret name may carry a prefix of its own: app_key=, client_secret=, x-api-key=.
_SECRET_PARAM: Final = re.compile(
    rf"(?i)([?&;](?:[a-z0-9]+[_\-])*(?:{'|'.join(SECRET_PARAMS)})=)[^&#\s'\"]+"
)
_URL_PASSWORD: Final = re.compile(r"(?i)(\b[a-z][a-z0-9+.\-]*://[^\s/?#@:]*:)[^\s/?#@]+@")
_CREDENTIAL_WORDS: Final = ("authorization", "bearer", "basic")
#: The shortest piece of a secret at the end of a text that counts as the secret cut off.
_SHORTEST_CUT: Final = 4


def _masked_mobile(match: re.Match[str]) -> str:
    """The matched number as ``135****8515`` (separators and country code dropped)."""
    digits = "".join(str(unicodedata.digit(ch)) for ch in match.group() if ch.isdigit())
    national = digits[-11:]
    return f"{national[:3]}****{national[7:]}"


def mask_mobiles(text: str) -> str:
    """Every mainland mobile number in *text*, in any common spelling, masked."""
    # Most texts (audit keys, status words, timestamps) have too few digits to hold one;
    # counting them is much cheaper than the full pattern, which every audit line meets.
    if len(_DIGIT.findall(text)) < _MOBILE_DIGITS:
        return text
    return _MOBILE.sub(_masked_mobile, text)


def mask_url(url: str) -> str:
    """*url* with the values of secret query parameters and any password replaced."""
    if "=" in url:
        url = _SECRET_PARAM.sub(rf"\1{REDACTED}", url)
    if "@" in url:
        url = _URL_PASSWORD.sub(rf"\1{REDACTED}@", url)
    return url


@lru_cache(maxsize=16)
def _spellings(secrets: tuple[str, ...]) -> list[str]:
    """Each secret as given and percent-encoded, longest first (a shorter one may be inside).

    A secret shorter than four characters is not looked for: it would be found inside
    ordinary words and catalogue keys. Header and bearer patterns still remove it.
    """
    found = {s.strip() for s in secrets if s and len(s.strip()) >= _SHORTEST_CUT}
    found |= {quote(s, safe="") for s in found}
    return sorted(found, key=len, reverse=True)


def _without_cut_secret(text: str, secret: str) -> str:
    """*text* without a start of *secret* it ends with: a server message cut to length
    may end in the middle of the token it quoted."""
    if text[-_SHORTEST_CUT:] not in secret:
        return text  # then no piece of the secret long enough to count ends the text
    for length in range(len(secret) - 1, _SHORTEST_CUT - 1, -1):
        if text.endswith(secret[:length]):
            return text[: len(text) - length] + REDACTED
    return text


def remove_credentials(text: str, secrets: Iterable[str] = ()) -> str:
    """*text* without bearer tokens, Authorization header values, secret URL parameters,
    passwords in URLs, and any of the given *secrets* (the configured token's value)."""
    for secret in _spellings(tuple(secrets)):
        text = _without_cut_secret(text.replace(secret, REDACTED), secret)
    lowered = text.lower()
    if "authorization" in lowered:
        text = _AUTH_HEADER.sub(rf"\1\2{REDACTED}", text)
    if "bearer" in lowered or "basic" in lowered:
        text = _BEARER.sub(rf"\1\2{REDACTED}", text)
    return mask_url(text)


def redact(text: str, secrets: Iterable[str] = ()) -> str:
    """*text* fit to keep or show: no credentials, no unmasked mobile number."""
    return mask_mobiles(remove_credentials(text, secrets))


def might_need_redaction(text: str, secrets: Iterable[str] = ()) -> bool:
    """False only when no rule here could change *text*, nor any string inside it when it
    is JSON: fewer than eleven digits, no ``=`` or ``@``, no credential word, and not the
    first characters of any secret. Much cheaper than redacting piece by piece."""
    lowered = text.lower()
    starts = [secret[:_SHORTEST_CUT] for secret in _spellings(tuple(secrets))]
    # JSON escapes quotes and backslashes: a secret's start is looked for as JSON spells it.
    starts += [json.dumps(start, ensure_ascii=False)[1:-1] for start in starts]
    return (
        len(_DIGIT.findall(text)) >= _MOBILE_DIGITS
        or "=" in text
        or "@" in text
        or any(word in lowered for word in _CREDENTIAL_WORDS)
        or any(start in text for start in starts)
    )


def _walk(value: Any, text_rule: Callable[[str], str], secrets: tuple[str, ...]) -> Any:
    """*value* rebuilt with *text_rule* applied to every string and mobile-like integer."""
    if isinstance(value, str):
        # A record id is not free text; its digits only look like a number by chance.
        return remove_credentials(value, secrets) if _UUID.fullmatch(value) else text_rule(value)
    if isinstance(value, Mapping):
        return {
            _walk(key, text_rule, secrets): _walk(item, text_rule, secrets)
            for key, item in value.items()
        }
    if isinstance(value, list | tuple):
        return [_walk(item, text_rule, secrets) for item in value]
    if isinstance(value, int) and not isinstance(value, bool):
        masked = text_rule(str(value))
        return value if masked == str(value) else masked
    return value


def redact_data(value: Any, secrets: Iterable[str] = ()) -> Any:
    """A copy of JSON-like *value* with :func:`redact` applied to every string in it
    (keys included), and mobile-like integers masked."""
    kept = tuple(secrets)
    return _walk(value, lambda text: redact(text, kept), kept)


def mask_mobiles_in(value: Any) -> Any:
    """A copy of JSON-like *value* with every mobile number in every string masked."""
    return _walk(value, mask_mobiles, ())
