"""One place that turns every HTTP answer or transport failure into a delivery outcome."""

from __future__ import annotations

import json
import ssl
from dataclasses import dataclass
from datetime import datetime
from html.parser import HTMLParser
from typing import Any, Final, Literal

import httpx

from intake_tui.delivery.backoff import parse_retry_after
from intake_tui.i18n import Message

Kind = Literal["delivered", "retry", "rejected"]

#: Client errors that mean "not now" rather than "never".
RETRYABLE_STATUSES: Final = frozenset({408, 425, 429})
#: Longest server message kept; a whole HTML error page is no help to an operator.
_MAX_REASON: Final = 300
#: Longest remote reference kept; anything longer is not a reference but a misbehaving body.
_MAX_REF: Final = 200
#: JSON keys that carry a backend's explanation, in the order they are looked for.
_REASON_KEYS: Final = ("message", "error", "detail", "title")


@dataclass(frozen=True, slots=True)
class Outcome:
    """What one delivery attempt came to, and the message an operator sees for it."""

    kind: Kind
    message: Message
    status_code: int | None = None
    retry_after: float | None = None
    remote_ref: str | None = None

    def message_after(self, seconds: float) -> Message:
        """The message with the wait before the next attempt filled in."""
        return Message(self.message.key, {**self.message.params, "seconds": f"{seconds:.0f}"})


def _json_body(response: httpx.Response) -> Any:
    """The parsed JSON body, or None when there is none or it is not JSON."""
    try:
        return json.loads(response.content) if response.content else None
    except (ValueError, RecursionError):
        # RecursionError: a body nested thousands of brackets deep (the decoder recurses).
        return None


def plain(text: str) -> str:
    """*text* on one line without control characters.

    Server text is shown in a terminal and stored; an escape sequence in it could repaint or
    retitle the operator's terminal, and a newline could forge a line of the sync summary.
    """
    return " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())


def _remote_ref(response: httpx.Response) -> str | None:
    """The backend's own reference from a JSON body's ``id`` or ``ref``."""
    body = _json_body(response)
    if not isinstance(body, dict):
        return None
    for key in ("id", "ref"):
        value = body.get(key)
        if isinstance(value, str | int) and not isinstance(value, bool):
            ref = plain(str(value))
            if ref and len(ref) <= _MAX_REF:
                return ref
    return None


class _TextOfHtml(HTMLParser):
    """Collects the visible text of an HTML error page (no scripts, no styles)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._hidden += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._hidden:
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


def _json_reason(body: Any) -> str:
    """The explanation in a JSON body: a known key, a list of ``errors``, else the JSON itself."""
    if isinstance(body, dict):
        for key in _REASON_KEYS:
            value = body.get(key)
            if isinstance(value, str) and value.strip():
                return value
        errors = body.get("errors")
        if isinstance(errors, list):
            # The shape `validate` itself writes: [{"field": ..., "message": ...}, ...].
            items = [e for e in errors if isinstance(e, dict) and isinstance(e.get("message"), str)]
            if items:
                return "; ".join(
                    f"{item['field']}: {item['message']}"
                    if isinstance(item.get("field"), str) and item["field"]
                    else item["message"]
                    for item in items
                )
    return json.dumps(body, ensure_ascii=False)


def server_reason(response: httpx.Response) -> str:
    """The server's explanation on one line: from a JSON body, an HTML page's text, or the text."""
    body = _json_body(response)
    if body is not None:
        return plain(_json_reason(body))[:_MAX_REASON]
    try:
        text = response.text
    except (UnicodeDecodeError, LookupError):
        return ""
    if "html" in response.headers.get("Content-Type", "").lower():
        page = _TextOfHtml()
        page.feed(text)
        page.close()
        text = " ".join(page.parts)
    return plain(text)[:_MAX_REASON]


def classify_response(response: httpx.Response, *, now: datetime, token_env: str) -> Outcome:
    """Classify an HTTP answer: 2xx/409 delivered, 408/425/429/5xx retry, other 4xx rejected."""
    status = response.status_code
    if 200 <= status < 300:
        return Outcome(
            "delivered", Message("delivery.delivered"), status, remote_ref=_remote_ref(response)
        )
    if status == 409:
        return Outcome("delivered", Message("delivery.already_there"), status)
    if status in RETRYABLE_STATUSES or status >= 500:
        retry_after = parse_retry_after(response.headers.get("Retry-After"), now)
        return Outcome(
            "retry", Message("delivery.retry.status", {"status": status}), status, retry_after
        )
    if 300 <= status < 400:
        location = response.headers.get("Location", "")
        return Outcome(
            "rejected",
            Message("delivery.rejected.redirect", {"status": status, "location": location}),
            status,
        )
    reason = server_reason(response)
    key = "delivery.rejected.auth" if status in (401, 403) else "delivery.rejected.client"
    params: dict[str, Any] = {"status": status, "reason": reason or "-", "env": token_env}
    return Outcome("rejected", Message(key, params), status)


def _tls_failure(error: BaseException) -> ssl.SSLError | None:
    """The TLS error behind *error* (httpx wraps the one the ssl module raised), if any."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        if isinstance(current, ssl.SSLError):
            return current
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return None


def _classify_tls(failure: ssl.SSLError, url: str) -> Outcome:
    """A TLS failure: an untrusted certificate, or a handshake that could not complete."""
    if isinstance(failure, ssl.SSLCertVerificationError):
        reason = failure.verify_message or failure.reason or "certificate verify failed"
        return Outcome(
            "retry", Message("delivery.retry.tls_certificate", {"url": url, "reason": reason})
        )
    reason = failure.reason or type(failure).__name__
    return Outcome("retry", Message("delivery.retry.tls_handshake", {"url": url, "reason": reason}))


def classify_error(error: httpx.RequestError, *, url: str) -> Outcome:
    """Classify a failure to get any answer: every one of them is worth retrying."""
    reason = type(error).__name__
    tls = _tls_failure(error)
    if tls is not None:
        return _classify_tls(tls, url)
    if isinstance(error, httpx.TimeoutException) and not isinstance(error, httpx.ConnectTimeout):
        return Outcome("retry", Message("delivery.retry.timeout"))
    if isinstance(error, httpx.ConnectError | httpx.ConnectTimeout):
        return Outcome("retry", Message("delivery.retry.connect", {"url": url, "reason": reason}))
    return Outcome("retry", Message("delivery.retry.network", {"reason": reason}))
