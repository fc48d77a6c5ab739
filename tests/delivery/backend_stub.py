"""A CRM stand-in on loopback for the sync tests: stores each record once, remembers everything.

It follows the backend contract of the spec: a POST whose ``Idempotency-Key`` it has
already stored gets ``409``; otherwise it stores the record and answers ``201`` with an
``id``. A test can replace that answer for any request through ``decide``: another
status, a dropped connection, an answer that comes after the client gave up, or a
request held until the test lets it go. Stored records are also counted by the ``id`` in
their body, so a client that re-sent a record under a different key would be caught.
"""

from __future__ import annotations

import json
import socket
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

PATH = "/api/inquiries"


@dataclass(frozen=True)
class Incoming:
    """One POST as the stub sees it."""

    key: str
    record_id: str
    #: 1 for the first request with this key, 2 for the next, ...
    attempt: int
    #: Which TCP connection (client address) it came on.
    peer: tuple[str, int]


@dataclass(frozen=True)
class Answer:
    """Answer with *status*; ``store`` says whether the record counts as accepted."""

    status: int
    body: dict[str, Any] | None = None
    headers: dict[str, str] = field(default_factory=dict)
    store: bool = False


@dataclass(frozen=True)
class Drop:
    """Close the connection without any answer (the record is not stored)."""


@dataclass(frozen=True)
class Late:
    """Store the record, then answer 201 only after *delay_s* (after the client's timeout)."""

    delay_s: float


@dataclass(frozen=True)
class Hold:
    """Store the record (or not), tell the test through *reached*, wait for *release*."""

    reached: threading.Event
    release: threading.Event
    store: bool = True


Action = Answer | Drop | Late | Hold | None
#: Chooses what to do with a request; None means the contract's normal answer.
Decide = Callable[[Incoming], Action]


@dataclass
class Exchange:
    """What happened to one request ("running" until it is answered or dropped)."""

    incoming: Incoming
    outcome: str


class BackendStub:
    """The server's state; use :func:`running_backend` to serve it."""

    def __init__(self, decide: Decide | None = None, *, answer_delay_s: float = 0.0) -> None:
        self.decide: Decide = decide or (lambda _incoming: None)
        self.answer_delay_s = answer_delay_s
        self.url = ""
        self.exchanges: list[Exchange] = []
        #: Times each key was stored, and each record id (from the body).
        self.stored_keys: Counter[str] = Counter()
        self.stored_ids: Counter[str] = Counter()
        #: Record ids that arrived while a request for the same record was still running.
        self.overlaps: list[str] = []
        self._tries: Counter[str] = Counter()
        self._in_flight: Counter[str] = Counter()
        self._lock = threading.Condition()

    def outcomes_for(self, key: str) -> list[str]:
        """What each request with *key* came to, in order."""
        with self._lock:
            return [e.outcome for e in self.exchanges if e.incoming.key == key]

    def peers(self) -> set[tuple[str, int]]:
        """Every connection that sent a request."""
        with self._lock:
            return {e.incoming.peer for e in self.exchanges}

    # -- called by the handler threads ---------------------------------------------------

    def begin(self, key: str, peer: tuple[str, int]) -> Exchange:
        """Register a request (and any overlap with a running one for the same record)."""
        record_id = key.rsplit(".", 1)[0]
        with self._lock:
            self._tries[key] += 1
            if self._in_flight[record_id]:
                self.overlaps.append(record_id)
            self._in_flight[record_id] += 1
            exchange = Exchange(Incoming(key, record_id, self._tries[key], peer), "running")
            self.exchanges.append(exchange)  # in order of arrival
            return exchange

    def end(self, exchange: Exchange, outcome: str) -> None:
        """The request is answered (or dropped)."""
        with self._lock:
            self._in_flight[exchange.incoming.record_id] -= 1
            exchange.outcome = outcome
            self._lock.notify_all()

    def settle(self, timeout_s: float = 30.0) -> None:
        """Wait until every request has been answered (a late answer may still be pending)."""
        with self._lock:
            done = self._lock.wait_for(
                lambda: all(e.outcome != "running" for e in self.exchanges), timeout_s
            )
        assert done, "the backend stub still has requests running"

    def store(self, incoming: Incoming, body: bytes) -> bool:
        """Store the record unless its key is stored already; False when it was."""
        with self._lock:
            if self.stored_keys[incoming.key]:
                return False
            self.stored_keys[incoming.key] += 1
            self.stored_ids[str(json.loads(body)["id"])] += 1
            return True


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def setup(self) -> None:
        super().setup()
        # Headers and body go out in two writes; without this, Nagle's algorithm holds the
        # second until the client's delayed ACK, 40 ms per request.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: pytest shows stderr of failing tests only, and this would drown it."""

    def do_POST(self) -> None:
        stub = self.server.stub
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        exchange = stub.begin(self.headers.get("Idempotency-Key", ""), self.client_address)
        outcome = "error"
        try:
            outcome = self._act(stub, exchange.incoming, body)
        finally:
            stub.end(exchange, outcome)

    def _act(self, stub: BackendStub, incoming: Incoming, body: bytes) -> str:
        action = stub.decide(incoming)
        if stub.answer_delay_s:
            threading.Event().wait(stub.answer_delay_s)
        if isinstance(action, Drop):
            self.close_connection = True
            return "dropped"
        if isinstance(action, Late):
            stored = stub.store(incoming, body)
            threading.Event().wait(action.delay_s)
            self._send(201 if stored else 409, {"id": incoming.record_id})
            return "late-201" if stored else "late-409"
        if isinstance(action, Hold):
            stored = stub.store(incoming, body) if action.store else False
            action.reached.set()
            action.release.wait(60)
            self.close_connection = True
            return "held-stored" if stored else "held"
        if isinstance(action, Answer):
            if action.store:
                stub.store(incoming, body)
            self._send(action.status, action.body, action.headers)
            return str(action.status)
        if stub.store(incoming, body):
            self._send(201, {"id": f"CRM-{incoming.record_id[-6:]}"})
            return "201"
        self._send(409, {"message": "already received"})
        return "409"

    def _send(
        self, status: int, body: dict[str, Any] | None, headers: dict[str, str] | None = None
    ) -> None:
        content = b"" if body is None else json.dumps(body, ensure_ascii=False).encode()
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(content)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(content)
        except OSError:
            self.close_connection = True  # the client gave up waiting (a late answer)


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, stub: BackendStub) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.stub = stub


@contextmanager
def running_backend(stub: BackendStub) -> Iterator[BackendStub]:
    """Serve *stub* on a free loopback port (``stub.url``) until the block ends."""
    server = _Server(stub)
    thread = threading.Thread(target=server.serve_forever, name="backend-stub", daemon=True)
    thread.start()
    stub.url = f"http://127.0.0.1:{server.server_address[1]}{PATH}"
    try:
        yield stub
    finally:
        server.shutdown()
        server.server_close()
        thread.join(10)
