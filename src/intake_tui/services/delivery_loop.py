"""Delivery in the background: send what is due, sleep until the next is due or a wake-up.

The loop runs in its own thread with its own store connection and HTTP client, so that
submitting never waits for the network. It reports a :class:`DeliveryState` (how the
backend looks from here, and how many records wait or were rejected) through a callback
whenever that state changes; the TUI turns the callback into a message for its UI thread.

httpx and the sender are imported by the loop's thread, not with this module: the counts
are needed the moment the TUI is ready, the HTTP machinery only a moment later.
"""

from __future__ import annotations

import logging
import random as _random
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING, Final, Literal

from intake_tui.i18n import Lang, Message
from intake_tui.services.submission import BACKEND
from intake_tui.store.database import Store
from intake_tui.store.errors import StoreError
from intake_tui.store.models import OutboxEntry

if TYPE_CHECKING:
    import httpx

    from intake_tui.config.model import BackendSettings
    from intake_tui.delivery.backoff import RandomSource
    from intake_tui.delivery.outcome import Outcome
    from intake_tui.delivery.sender import Attempt, Sender

_log: Final = logging.getLogger(__name__)

Mode = Literal["online", "offline", "failing", "disabled"]
Clock = Callable[[], datetime]

#: Backend rows that still have to be sent (a ``sending`` row may belong to a dead sender).
OPEN_STATUSES: Final = ("pending", "sending", "waiting")
#: Shortest rest between rounds, so a clock that stands still cannot make the loop spin.
_MIN_NAP_S: Final = 0.05
#: Outcomes that never reached the network, so they say nothing about the backend.
_LOCAL_OUTCOMES: Final = frozenset(
    {
        "delivery.rejected.missing",
        "delivery.rejected.superseded",
        # Claimed but left for the next round, so that its lease cannot end mid-request.
        "delivery.retry.deferred",
    }
)
#: Failures to reach the backend at all (refused, DNS, connect timeout, dropped connection).
_UNREACHABLE: Final = frozenset({"delivery.retry.connect", "delivery.retry.network"})


@dataclass(frozen=True, slots=True)
class DeliveryState:
    """What the status bar shows about delivery."""

    mode: Mode
    #: Records still to be sent (pending, being sent, or waiting for a retry).
    waiting: int = 0
    #: Records the backend refused whose latest revision is not corrected yet.
    rejected: int = 0
    #: Why delivery itself stopped working (the store unreadable, a round failed), if it did.
    problem: Message | None = None


def mode_after(outcome: Outcome) -> Mode | None:
    """How the backend looks after *outcome*; None when no request was made."""
    key = outcome.message.key
    if key in _LOCAL_OUTCOMES:
        return None
    if key in _UNREACHABLE:
        return "offline"
    if outcome.kind == "retry" or key in ("delivery.rejected.auth", "delivery.rejected.redirect"):
        # 5xx, 408/425/429, an answer too slow, a token refused, a wrong URL: the backend is
        # there but will not take records now, and operators should know it.
        return "failing"
    return "online"


def current_rejections(store: Store) -> list[OutboxEntry]:
    """Rejected backend rows whose revision is still the record's latest (not yet corrected)."""
    rejected = store.outbox_entries(destination=BACKEND, status="rejected")
    revisions = store.current_revisions([entry.record_id for entry in rejected])
    return [
        entry
        for entry in rejected
        if revisions.get(entry.record_id, entry.revision) == entry.revision
    ]


def open_entries(store: Store) -> list[OutboxEntry]:
    """Backend rows still to be sent, oldest change first."""
    rows = [
        entry
        for status in OPEN_STATUSES
        for entry in store.outbox_entries(destination=BACKEND, status=status)
    ]
    return sorted(rows, key=lambda entry: (entry.updated_at, entry.record_id))


def count_outbox(store: Store) -> tuple[int, int]:
    """(waiting, rejected) backend records, as the status bar counts them."""
    waiting, _first_due = store.outbox_open_summary(BACKEND)
    # Counting by status is one cheap query; only rejections need a closer look, because a
    # corrected record keeps its old rejected row.
    rejected = len(current_rejections(store)) if store.outbox_counts()["rejected"] else 0
    return waiting, rejected


def seconds_until_due(first_due: str | None, now: datetime) -> float | None:
    """Seconds from *now* until *first_due* (UTC text, "" = now); None when nothing is open."""
    if first_due is None:
        return None
    if not first_due:
        return 0.0
    try:
        due = datetime.fromisoformat(first_due)
    except ValueError:
        return 0.0  # unreadable: try now rather than never
    return max(0.0, (due - now).total_seconds())


class DeliveryLoop:
    """Sends due backend rows in a background thread until stopped."""

    def __init__(
        self,
        open_store: Callable[[], Store],
        settings: BackendSettings,
        *,
        token: str | None,
        actor: str,
        lang: Lang,
        now: Clock,
        on_change: Callable[[DeliveryState], object],
        make_client: Callable[[BackendSettings], httpx.Client] | None = None,
        batch: int = 4,
        idle_s: float = 30.0,
        random: RandomSource = _random.random,
    ) -> None:
        self._open_store = open_store
        self._settings = settings
        self._token = token
        self._actor = actor
        self._lang = lang
        self._now = now
        self._on_change = on_change
        self._make_client = make_client
        # Small batches: the loop checks for a stop request between them.
        self._batch = batch
        # Even with nothing due, look again now and then: `import` or a correction made by
        # another process may have queued records meanwhile.
        self._idle_s = idle_s
        self._random = random
        self._wake = threading.Event()
        self._retry_now = threading.Event()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._state = DeliveryState("online")
        self._published = False

    @property
    def state(self) -> DeliveryState:
        """The latest state (replaced as a whole, so safe to read from any thread)."""
        return self._state

    @property
    def running(self) -> bool:
        """Whether the thread is alive."""
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        """Start the background thread (once)."""
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._run, name="intake-delivery", daemon=True)
        self._thread.start()

    def wake(self) -> None:
        """Look for due records now (after a submission, say)."""
        self._wake.set()

    def send_now(self) -> None:
        """Try every waiting record at once instead of at its retry time."""
        self._retry_now.set()
        self._wake.set()

    def stop(self, timeout: float = 5.0) -> bool:
        """Ask the thread to end and wait up to *timeout* s; True when it has ended.

        A request in flight is not interrupted; its row keeps its lease and is sent again
        by the next start if the program ends first, which the idempotency key makes safe.
        """
        self._stopping.set()
        self._wake.set()
        if self._thread is None:
            return True
        self._thread.join(timeout)
        return not self._thread.is_alive()

    # -- the thread -------------------------------------------------------------

    def _run(self) -> None:
        """Open the store and client here (SQLite connections stay in their thread), then loop."""
        from intake_tui.delivery.client import build_client

        try:
            store = self._open_store()
        except StoreError as error:
            self._publish(replace(self._state, problem=error.message))
            return
        make_client = self._make_client or build_client
        with (
            store,
            make_client(self._settings) as client,
            self._sender(store, client) as sender,
        ):
            self._publish_counts(store, self._state.mode)
            while not self._stopping.is_set():
                try:
                    delay = self._round(store, sender)
                except StoreError as error:
                    self._publish(replace(self._state, problem=error.message))
                    delay = self._idle_s
                except Exception as error:
                    # Records stay safe in the store; report, rest, and try again.
                    _log.exception("delivery round failed")
                    problem = Message("delivery.loop.failed", {"detail": type(error).__name__})
                    self._publish(replace(self._state, problem=problem))
                    delay = self._idle_s
                if delay > 0:
                    self._wake.wait(delay)
                    self._wake.clear()

    def _sender(self, store: Store, client: httpx.Client) -> Sender:
        """The sender for this loop's store and client."""
        from intake_tui.delivery.sender import Sender

        return Sender(
            store,
            client,
            self._settings,
            token=self._token,
            actor=self._actor,
            lang=self._lang,
            now=self._now,
            random=self._random,
        )

    def _round(self, store: Store, sender: Sender) -> float:
        """Send one batch of due rows; returns how long to sleep before the next round."""
        if self._retry_now.is_set():
            self._retry_now.clear()
            self._make_waiting_due(store)
        attempts = sender.send_due(limit=self._batch)
        mode = self._mode_after(attempts)
        self._publish_counts(store, mode)
        now = self._now()
        wait: float | None
        if attempts and (mode == "online" or any(a.status == "delivered" for a in attempts)):
            # More may be due right away. A record the backend took also shows that one
            # record it keeps refusing (or answering strangely) is not the backend being
            # down: that record waits for its own retry, the others go on.
            return 0.0
        if attempts:
            # The backend cannot take records now: rest until the first retry instead of
            # trying every other queued record against it in turn.
            retries = [a.next_attempt_at for a in attempts if a.next_attempt_at is not None]
            wait = (min(retries) - now).total_seconds() if retries else 0.0
        else:
            wait = seconds_until_due(store.outbox_open_summary(BACKEND)[1], now)
        return self._idle_s if wait is None else min(max(wait, _MIN_NAP_S), self._idle_s)

    def _mode_after(self, attempts: list[Attempt]) -> Mode:
        """The mode the last attempt that reached out shows, or the current one."""
        mode = self._state.mode
        for attempt in attempts:
            mode = mode_after(attempt.outcome) or mode
        return mode

    def _make_waiting_due(self, store: Store) -> None:
        """Bring every waiting backend row's retry time forward to now ("send now")."""
        now = self._now().isoformat()
        for entry in store.outbox_entries(destination=BACKEND, status="waiting"):
            store.set_outbox_status(
                entry.record_id,
                entry.revision,
                BACKEND,
                "waiting",
                next_attempt_at=now,
                last_error=entry.last_error,
            )

    def _publish_counts(self, store: Store, mode: Mode) -> None:
        """Count the outbox and report the state if it changed."""
        waiting, rejected = count_outbox(store)
        self._publish(DeliveryState(mode, waiting, rejected))

    def _publish(self, state: DeliveryState) -> None:
        """Keep *state* and tell the listener, only when something changed."""
        if self._published and state == self._state:
            return
        self._state = state
        self._published = True
        self._on_change(state)
