"""Drives the backend rows of the outbox: claim what is due, POST it, record the outcome.

Every transition goes to the audit log (never the token, never a mobile number), and no
row or record is ever deleted because of what the backend answered.
"""

from __future__ import annotations

import json
import logging
import random as _random
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any, Final, Self

import httpx

from intake_tui.config.model import BackendSettings
from intake_tui.delivery.backoff import RandomSource, retry_delay
from intake_tui.delivery.deadline import request_deadline
from intake_tui.delivery.outcome import Outcome, classify_error, classify_response
from intake_tui.delivery.presence import SenderPresence
from intake_tui.i18n import Lang, Message
from intake_tui.privacy.redaction import redact_data
from intake_tui.store.database import Store
from intake_tui.store.models import OutboxEntry, OutboxStatus
from intake_tui.store.outbox import Claim, Transition

BACKEND: Final = "backend"

# Transitions go to the program log too (ids, statuses and reason keys; never a body).
_log: Final = logging.getLogger(__name__)
#: Seconds a lease outlasts the hard end of its row's request (the outcome still has to be
#: written, and clocks of two processes may disagree a little).
_LEASE_MARGIN_S: Final = 5.0
#: Seconds of a lease in which a batch may start further requests.
_LEASE_SLACK_S: Final = 25.0

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
    #: What is recorded in the outbox and the audit log for it.
    transition: Transition
    #: Seconds the request took (0 when none was made).
    seconds: float = 0.0


class Sender:
    """Sends due backend rows of the outbox through one configured HTTP client.

    A batch is claimed in one transaction and its outcomes are recorded in one more, each
    row's transition with its audit line. A process killed in between leaves rows
    ``sending``: they are sent again (the idempotency key makes that safe) as soon as no
    live sender holds them, or when their lease ends.
    """

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
        self._actor = actor
        self._lang = lang
        self._now = now
        self._random = random
        self._presence = SenderPresence(store.path)
        # The longest one request can take, enforced whatever the server does (a silent
        # server, headers a byte at a time): request_deadline ends it. A claimed row is only
        # sent while its lease still covers that and a margin, so a lease never ends while
        # its row is in flight, and no other sender can send it a second time meanwhile.
        self._request_s = settings.connect_timeout_s + settings.timeout_s
        self._request_limit = timedelta(seconds=self._request_s + _LEASE_MARGIN_S)
        self._lease = self._request_limit + timedelta(seconds=_LEASE_SLACK_S)
        # Parsed once rather than for every request.
        self._url = httpx.URL(settings.url)
        self._fixed_headers = {"Content-Type": "application/json", "Accept": "application/json"}
        if token:
            self._fixed_headers["Authorization"] = f"Bearer {token}"
        # A server may quote the token back; the store then keeps none of it either.
        self._secrets = (token,) if token else ()
        store.protect(token)

    def close(self) -> None:
        """Stop counting as a live sender of the store."""
        self._presence.leave()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def send_due(self, *, limit: int = 10, until: float | None = None) -> list[Attempt]:
        """Claim up to *limit* due rows and try each once; returns what happened.

        *until* (``time.monotonic()``) is a hard end: a request still running then is cut
        off (its row waits), and rows not started by then are left due for the next run.
        """
        self._presence.join(self._release_abandoned)
        # Read before claiming, so that it is no later than the time the leases count from.
        last_start = self._now() + self._lease - self._request_limit
        claims = self._store.claim_outbox_batch(
            BACKEND, limit=limit, lease=self._lease, actor=self._actor
        )
        if not claims:
            return []
        attempts: list[Attempt] = []
        try:
            # One request after another: on a 2-core machine sending from threads was
            # slower (docs/PERFORMANCE.md), and the backend sees records in queue order.
            for claim in claims:
                out_of_time = until is not None and time.monotonic() >= until
                if out_of_time or self._now() > last_start:
                    # The lease could end while the request runs, or the run is over:
                    # leave it for the next round.
                    attempts.append(self._deferred(claim.entry))
                else:
                    began = time.monotonic()
                    outcome = self._deliver(claim, until)
                    seconds = time.monotonic() - began
                    attempts.append(self._attempt(claim.entry, outcome, seconds))
        except BaseException:
            # Ctrl-C or an unexpected error mid-batch: keep what was learnt, and make the
            # rest due again at once instead of after the lease.
            rest = [self._interrupted(claim.entry) for claim in claims[len(attempts) :]]
            self._store.finish_outbox([a.transition for a in attempts + rest], actor=self._actor)
            raise
        self._store.finish_outbox([a.transition for a in attempts], actor=self._actor)
        self._log_transitions(attempts)
        return attempts

    def send(self, entry: OutboxEntry) -> Attempt:
        """POST one row claimed with ``Store.claim_outbox`` and record the outcome."""
        # Counted among the live senders while it is in flight, so that a sender starting
        # meanwhile does not take the row for one a dead sender left. Nothing is released
        # here: the caller's own claim is already among the rows marked sending.
        self._presence.join(lambda: None)
        stored = self._store.get(entry.record_id)
        body = None if stored is None else request_body(stored.record).decode("utf-8")
        claim = Claim(entry, None if stored is None else stored.revision, body)
        attempt = self._attempt(entry, self._deliver(claim))
        self._store.finish_outbox([attempt.transition], actor=self._actor)
        self._log_transitions([attempt])
        return attempt

    def _release_abandoned(self) -> None:
        """Rows left sending by senders that are all gone (killed, crashed): due again now."""
        message = Message("delivery.retry.interrupted")
        self._store.release_outbox_claims(
            BACKEND,
            actor=self._actor,
            last_error=message.text(self._lang),
            details={"reason": message.key},
        )

    def _attempt(self, entry: OutboxEntry, outcome: Outcome, seconds: float = 0.0) -> Attempt:
        """What an outcome means for the row: its next status, message and due time."""
        # The server's words and the addresses in a message are printed as well as stored.
        outcome = replace(
            outcome,
            message=Message(
                outcome.message.key, redact_data(outcome.message.params, self._secrets)
            ),
        )
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
        transition = Transition(
            entry,
            status,
            next_attempt_at=next_at.isoformat() if next_at else None,
            last_error=None if status == "delivered" else message.text(self._lang),
            remote_ref=outcome.remote_ref,
            details=details,
        )
        return Attempt(entry, outcome, status, message, next_at, transition, seconds)

    def _log_transitions(self, attempts: list[Attempt]) -> None:
        """The batch's transitions in the program log: one line per record that did not
        arrive, one line per kind of arrival (a long backlog would otherwise cost a log line,
        with its redaction and file write, per record: a fifth of a loopback request)."""
        arrived: dict[tuple[str, int | None], list[str]] = {}
        for attempt in attempts:
            entry, outcome = attempt.entry, attempt.outcome
            if attempt.status == "delivered":
                kind = (attempt.message.key, outcome.status_code)
                arrived.setdefault(kind, []).append(
                    f"{entry.record_id} rev {entry.revision} attempt {entry.attempts}"
                )
            else:
                _log.info(
                    "outbox %s rev %d attempt %d -> %s (%s, HTTP %s)",
                    entry.record_id,
                    entry.revision,
                    entry.attempts,
                    attempt.status,
                    attempt.message.key,
                    outcome.status_code,
                )
        for (key, http_status), rows in arrived.items():
            _log.info(
                "outbox %d -> delivered (%s, HTTP %s): %s",
                len(rows),
                key,
                http_status,
                ", ".join(rows),
            )

    def _interrupted(self, entry: OutboxEntry) -> Attempt:
        """A claimed row whose sending was cut short (it may have arrived): due again now."""
        message = Message("delivery.retry.interrupted")
        transition = Transition(
            entry, "waiting", last_error=message.text(self._lang), details={"reason": message.key}
        )
        return Attempt(
            entry, Outcome("retry", message), "waiting", message, self._now(), transition
        )

    def _deferred(self, entry: OutboxEntry) -> Attempt:
        """A claimed row not sent because its lease could end mid-request: due again now."""
        message = Message("delivery.retry.deferred")
        outcome = Outcome("retry", message)
        transition = Transition(
            entry,
            "waiting",
            last_error=message.text(self._lang),
            attempted=False,
            details={"reason": message.key},
        )
        return Attempt(entry, outcome, "waiting", message, self._now(), transition)

    def _deliver(self, claim: Claim, until: float | None = None) -> Outcome:
        """The outcome of POSTing the row's record, or why it cannot be sent at all."""
        entry = claim.entry
        if claim.body is None:
            return Outcome(
                "rejected", Message("delivery.rejected.missing", {"record_id": entry.record_id})
            )
        if claim.stored_revision != entry.revision:
            params = {"revision": entry.revision, "current": claim.stored_revision}
            return Outcome("rejected", Message("delivery.rejected.superseded", params))
        end = time.monotonic() + self._request_s
        try:
            # The stored text is the body: the store writes records as the same compact
            # UTF-8 JSON that request_body makes, so parsing and re-encoding is skipped.
            with request_deadline(end if until is None else min(end, until)):
                response = self._client.post(
                    self._url,
                    content=claim.body.encode("utf-8"),
                    headers=self._headers(entry),
                )
        except httpx.RequestError as error:
            return classify_error(error, url=self._settings.url)
        return classify_response(response, now=self._now(), token_env=self._settings.token_env)

    def _headers(self, entry: OutboxEntry) -> dict[str, str]:
        """Per-request headers; the token is added only here and never stored or logged."""
        return {
            **self._fixed_headers,
            "Idempotency-Key": idempotency_key(entry.record_id, entry.revision),
        }
