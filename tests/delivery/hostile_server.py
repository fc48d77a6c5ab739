"""A raw-socket backend on loopback that answers one record with hostility and the rest with 201.

Hand-rolled rather than an HTTP server library, because the hostile answers are things a
library would never send: silence, headers a byte at a time, a connection reset, headers
with non-ASCII digits. It keeps connections alive like a real backend, and notes when each
request arrived and when the client let go of it, so that two requests for one record in
flight at once (a record sent twice) can be found.
"""

from __future__ import annotations

import contextlib
import re
import select
import socket
import struct
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

PATH = "/api/inquiries"
#: How long the byte-trickling answer waits between two bytes (each wait is well inside
#: any read timeout, so only a deadline over the whole request can end it).
TRICKLE_GAP_S = 0.2

#: Answers the hostile record gets: what the connection is told, or a behaviour.
Behaviour = Callable[[socket.socket, threading.Event], None]


def _status(line: str, *headers: str) -> Behaviour:
    head = "\r\n".join([f"HTTP/1.1 {line}", *headers, "Content-Length: 0", "", ""])

    def answer(connection: socket.socket, _stop: threading.Event) -> None:
        connection.sendall(head.encode("utf-8"))

    return answer


def hang(connection: socket.socket, stop: threading.Event) -> None:
    """Accept the request and never answer, until the client gives up."""
    connection.settimeout(0.1)
    while not stop.is_set():
        try:
            if not connection.recv(1024):
                return
        except TimeoutError:
            continue


def trickle_headers(connection: socket.socket, stop: threading.Event) -> None:
    """A status line, then one header byte at a time, for ever."""
    connection.sendall(b"HTTP/1.1 201 Created\r\nX-Slow: ")
    while not stop.is_set():
        readable, _, _ = select.select([connection], [], [], TRICKLE_GAP_S)
        if readable and not connection.recv(1024):
            return  # the client hung up
        connection.sendall(b"a")


def reset(connection: socket.socket, _stop: threading.Event) -> None:
    """Drop the connection with a TCP reset instead of an answer."""
    connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    connection.close()


HOSTILE: dict[str, Behaviour] = {
    "hang": hang,
    "trickle-headers": trickle_headers,
    "retry-after-1e9": _status("503 Service Unavailable", "Retry-After: 1e9"),
    "retry-after-negative": _status("503 Service Unavailable", "Retry-After: -5"),
    "retry-after-arabic-digits": _status("503 Service Unavailable", "Retry-After: ١٢"),
    "retry-after-huge": _status("503 Service Unavailable", "Retry-After: 99999999999999999999"),
    "429-forever": _status("429 Too Many Requests"),
    "connection-reset": reset,
}


@dataclass
class Request:
    """One request as the server saw it: its key, when it came, when the client let go."""

    key: str
    arrived: float
    ended: float | None = None


@dataclass
class HostileServer:
    """Serves on loopback; requests whose key starts with *hostile_id* get *behaviour*."""

    hostile_id: str
    behaviour: Behaviour
    requests: list[Request] = field(default_factory=list)
    arrived: threading.Event = field(default_factory=threading.Event)

    def __post_init__(self) -> None:
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.1)
        self.url = f"http://127.0.0.1:{self._listener.getsockname()[1]}{PATH}"
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._threads = [threading.Thread(target=self._serve, daemon=True)]
        self._threads[0].start()

    def of(self, record_id: str) -> list[Request]:
        """The requests for *record_id*, in the order they came."""
        with self._lock:
            return [r for r in self.requests if r.key.startswith(record_id)]

    def overlaps(self) -> list[tuple[Request, Request]]:
        """Pairs of requests for one record that were in flight at the same time."""
        with self._lock:
            found = []
            for n, first in enumerate(self.requests):
                for second in self.requests[n + 1 :]:
                    same = first.key == second.key
                    if same and second.arrived < (first.ended or float("inf")):
                        found.append((first, second))
            return found

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self._listener.accept()
            except TimeoutError:
                continue
            thread = threading.Thread(target=self._converse, args=(connection,), daemon=True)
            self._threads.append(thread)
            thread.start()

    def _converse(self, connection: socket.socket) -> None:
        buffer = b""
        request: Request | None = None
        with connection, contextlib.suppress(OSError):
            connection.settimeout(None)
            while not self._stop.is_set():
                head, found, rest = buffer.partition(b"\r\n\r\n")
                length = re.search(rb"(?im)^content-length:\s*(\d+)", head)
                if not found or len(rest) < (int(length[1]) if length else 0):
                    chunk = connection.recv(65536)
                    if not chunk:
                        return
                    buffer += chunk
                    continue
                size = int(length[1]) if length else 0
                buffer = rest[size:]
                key = re.search(rb"(?im)^idempotency-key:\s*(\S+)", head)
                request = Request(key[1].decode() if key else "", time.monotonic())
                with self._lock:
                    self.requests.append(request)
                if request.key.startswith(self.hostile_id):
                    self.arrived.set()
                    try:
                        self.behaviour(connection, self._stop)
                    finally:
                        request.ended = time.monotonic()
                    if self.behaviour in (hang, trickle_headers, reset):
                        return  # the connection is done with
                else:
                    body = b'{"id":"CRM-1"}'
                    connection.sendall(
                        b"HTTP/1.1 201 Created\r\nContent-Type: application/json\r\n"
                        b"Content-Length: %d\r\n\r\n%s" % (len(body), body)
                    )
                    request.ended = time.monotonic()

    def close(self) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(5)
        self._listener.close()


@contextmanager
def hostile_server(hostile_id: str, behaviour: Behaviour) -> Iterator[HostileServer]:
    """A :class:`HostileServer` for the length of the block."""
    server = HostileServer(hostile_id, behaviour)
    try:
        yield server
    finally:
        server.close()
