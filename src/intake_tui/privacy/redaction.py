"""Making free text safe for a log: mobile numbers masked, credentials removed.

Log lines are written by many hands (our modules, httpx, tracebacks), so the rules here
match every spelling an operator or a library may produce: ``+86 135-2467-8515``,
``0086 13524678515``, full-width digits, ``Authorization: Bearer …``, ``?token=…``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Final

REDACTED: Final = "[REDACTED]"

# A single space (also no-break and ideographic) or hyphen may sit between any two digits.
_SEP: Final = r"[ \t\u00a0\u3000\-\u2010\u2011\u2012\u2013]?"
# Digits may be full-width (\d matches them too); an optional country code in front.
_COUNTRY: Final = r"(?:(?:[+\uff0b]|[0\uff10]{2})?[8\uff18][6\uff16])"
_MOBILE: Final = re.compile(
    rf"(?<!\d)(?:{_COUNTRY}{_SEP})?[1\uff11]{_SEP}[3-9\uff13-\uff19](?:{_SEP}\d){{9}}(?!\d)"
)
_BEARER: Final = re.compile(r"(?i)\b(bearer|basic)(\s+)[A-Za-z0-9._~+/=\-]+")
_AUTH_HEADER: Final = re.compile(
    r"(?i)\b((?:proxy-)?authorization)(['\"]?\s*[:=]\s*['\"]?)[^'\"\r\n,}]+"
)
_SECRET_PARAM: Final = re.compile(
    r"(?i)([?&;](?:access_token|token|api_key|apikey|key|secret|password|sig|signature)=)"
    r"[^&#\s'\"]+"
)


def _masked_mobile(match: re.Match[str]) -> str:
    """The matched number as ``135****8515`` (separators and country code dropped)."""
    digits = "".join(str(unicodedata.digit(ch)) for ch in match.group() if ch.isdigit())
    national = digits[-11:]
    return f"{national[:3]}****{national[7:]}"


def mask_mobiles(text: str) -> str:
    """Every mainland mobile number in *text*, in any common spelling, masked."""
    return _MOBILE.sub(_masked_mobile, text)


def remove_credentials(text: str, secrets: Iterable[str] = ()) -> str:
    """*text* without bearer tokens, Authorization header values, secret URL parameters,
    and any of the given *secrets* (the configured token's value)."""
    for secret in sorted({s for s in secrets if s}, key=len, reverse=True):
        text = text.replace(secret, REDACTED)
    text = _AUTH_HEADER.sub(rf"\1\2{REDACTED}", text)
    text = _BEARER.sub(rf"\1\2{REDACTED}", text)
    return _SECRET_PARAM.sub(rf"\1{REDACTED}", text)


def redact(text: str, secrets: Iterable[str] = ()) -> str:
    """*text* fit for a log file: no credentials, no unmasked mobile number."""
    return mask_mobiles(remove_credentials(text, secrets))
