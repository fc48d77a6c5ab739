"""One place that turns every HTTP answer or transport failure into a delivery outcome."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final, Literal

import httpx

from intake_tui.delivery.backoff import parse_retry_after
from intake_tui.i18n import Message

Kind = Literal["delivered", "retry", "rejected"]

#: Client errors that mean "not now" rather than "never".
RETRYABLE_STATUSES: Final = frozenset({408, 425, 429})
#: Longest server message kept; a whole HTML error page is no help to an operator.
_MAX_REASON: Final = 300


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
    except (ValueError, UnicodeDecodeError):
        return None


def _remote_ref(response: httpx.Response) -> str | None:
    """The backend's own reference from a JSON body's ``id`` or ``ref``."""
    body = _json_body(response)
    if not isinstance(body, dict):
        return None
    for key in ("id", "ref"):
        value = body.get(key)
        if isinstance(value, str | int) and not isinstance(value, bool) and str(value).strip():
            return str(value).strip()
    return None


def server_reason(response: httpx.Response) -> str:
    """The server's explanation: a JSON ``message``/``error``/``detail``, else the body text."""
    body = _json_body(response)
    if isinstance(body, dict):
        for key in ("message", "error", "detail", "title"):
            value = body.get(key)
            if isinstance(value, str) and value.strip():
                return value.strip()[:_MAX_REASON]
    if body is None:
        try:
            text = response.text.strip()
        except (UnicodeDecodeError, LookupError):
            text = ""
        if text:
            return " ".join(text.split())[:_MAX_REASON]
    return ""


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


def classify_error(error: httpx.RequestError, *, url: str) -> Outcome:
    """Classify a failure to get any answer: every one of them is worth retrying."""
    reason = type(error).__name__
    if isinstance(error, httpx.TimeoutException) and not isinstance(error, httpx.ConnectTimeout):
        return Outcome("retry", Message("delivery.retry.timeout"))
    if isinstance(error, httpx.ConnectError | httpx.ConnectTimeout):
        return Outcome("retry", Message("delivery.retry.connect", {"url": url, "reason": reason}))
    return Outcome("retry", Message("delivery.retry.network", {"reason": reason}))
