"""Drives the backend rows of the outbox: claim what is due, POST it, record the outcome.

Every transition goes to the audit log (never the token, never a mobile number), and no
row or record is ever deleted because of what the backend answered.
"""

from __future__ import annotations

import json
import random as _random
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Final

import httpx

from intake_tui.config.model import BackendSettings
from intake_tui.delivery.backoff import RandomSource, retry_delay
from intake_tui.delivery.outcome import Outcome, classify_error, classify_response
from intake_tui.i18n import Lang, Message
from intake_tui.store.database import Store
from intake_tui.store.models import OutboxEntry, OutboxStatus

BACKEND: Final = "backend"

Clock = Callable[[], datetime]

_STATUS_OF: Final[Mapping[str, OutboxStatus]] = {
    "delivered": "delivered",
    "retry": "waiting",
    "rejected": "rejected",
}


def _local_now() -> datetime:
    """The current time with the local offset."""
    return datetime.now().astimezone()


def idempotency_key(record_id: str, revision: int) -> str:
    """The key the backend uses to recognise a repeated request: ``<id>.<revision>``."""
    return f"{record_id}.{revision}"


def request_body(record: Mapping[str, Any]) -> bytes:
    """The record as compact UTF-8 JSON (Chinese text kept readable, not \\u-escaped)."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


@dataclass(frozen=True, slots=True)
class Attempt:
    """One delivery attempt: the row as claimed, what came of it, and when to try again."""

    entry: OutboxEntry
    outcome: Outcome
    status: OutboxStatus
    message: Message
    next_attempt_at: datetime | None


class Sender:
    """Sends due backend rows of the outbox through one configured HTTP client."""

    def __init__(
        self,
        store: Store,
        client: httpx.Client,
        settings: BackendSettings,
        *,
        token: str | None,
        actor: str,
        lang: Lang = "zh",
        now: Clock = _local_now,
        random: RandomSource = _random.random,
    ) -> None:
        self._store = store
        self._client = client
        self._settings = settings
        self._token = token
        self._actor = actor
        self._lang = lang
        self._now = now
        self._random = random

    def send_due(self, *, limit: int = 10) -> list[Attempt]:
        """Claim up to *limit* due rows and try each once; returns what happened."""
        # The lease outlasts one request with its connect time, so a row is never sent
        # twice at once by two senders, yet a crashed sender's rows come back soon.
        lease = timedelta(seconds=self._settings.timeout_s + self._settings.connect_timeout_s + 30)
        claimed = self._store.claim_outbox(BACKEND, limit=limit, lease=lease)
        return [self.send(entry) for entry in claimed]

    def send(self, entry: OutboxEntry) -> Attempt:
        """POST one claimed row and record the outcome in the outbox and the audit log."""
        self._audit(entry, "outbox.sending", {"attempt": entry.attempts})
        outcome = self._deliver(entry)
        status = _STATUS_OF[outcome.kind]
        next_at: datetime | None = None
        message = outcome.message
        if outcome.kind == "retry":
            delay = retry_delay(
                entry.attempts,
                base=self._settings.retry_base_s,
                cap=self._settings.retry_cap_s,
                retry_after=outcome.retry_after,
                random=self._random,
            )
            next_at = self._now() + timedelta(seconds=delay)
            message = outcome.message_after(delay)
        self._store.set_outbox_status(
            entry.record_id,
            entry.revision,
            BACKEND,
            status,
            next_attempt_at=next_at.isoformat() if next_at else None,
            last_error=None if status == "delivered" else message.text(self._lang),
            remote_ref=outcome.remote_ref,
        )
        details: dict[str, Any] = {
            "attempt": entry.attempts,
            "http_status": outcome.status_code,
            "reason": message.key,
        }
        if next_at is not None:
            details["next_attempt_at"] = next_at.isoformat(timespec="seconds")
        if outcome.remote_ref is not None:
            details["remote_ref"] = outcome.remote_ref
        if status == "rejected" and "reason" in message.params:
            details["server_message"] = message.params["reason"]
        self._audit(entry, f"outbox.{status}", details)
        return Attempt(entry, outcome, status, message, next_at)

    def _deliver(self, entry: OutboxEntry) -> Outcome:
        """The outcome of POSTing the row's record, or why it cannot be sent at all."""
        stored = self._store.get(entry.record_id)
        if stored is None:
            return Outcome(
                "rejected", Message("delivery.rejected.missing", {"record_id": entry.record_id})
            )
        if stored.revision != entry.revision:
            params = {"revision": entry.revision, "current": stored.revision}
            return Outcome("rejected", Message("delivery.rejected.superseded", params))
        try:
            response = self._client.post(
                self._settings.url,
                content=request_body(stored.record),
                headers=self._headers(entry),
            )
        except httpx.RequestError as error:
            return classify_error(error, url=self._settings.url)
        return classify_response(response, now=self._now(), token_env=self._settings.token_env)

    def _headers(self, entry: OutboxEntry) -> dict[str, str]:
        """Per-request headers; the token is added only here and never stored or logged."""
        headers = {
            "Content-Type": "application/json",
            "Accept": "application/json",
            "Idempotency-Key": idempotency_key(entry.record_id, entry.revision),
        }
        if self._token:
            headers["Authorization"] = f"Bearer {self._token}"
        return headers

    def _audit(self, entry: OutboxEntry, action: str, details: dict[str, Any]) -> None:
        """One audit line about this row."""
        self._store.audit(
            action,
            actor=self._actor,
            record_id=entry.record_id,
            details={"destination": BACKEND, "revision": entry.revision, **details},
        )
