"""The one configured HTTP client for the backend."""

from __future__ import annotations

import ssl
import time
from collections.abc import Callable, Iterator
from http.cookiejar import CookieJar
from typing import Any, Final

import httpx

from intake_tui import __version__
from intake_tui.config.model import BackendSettings
from intake_tui.delivery.deadline import bound_by_deadlines

USER_AGENT = f"intake-tui/{__version__}"
#: Most bytes of an answer body that are read. The body only matters for a remote id or an
#: error message (both short); a misbehaving backend or proxy answering with megabytes must
#: not fill the memory of a desk PC, so the rest is left unread and the connection closed.
MAX_BODY_BYTES: Final = 64 * 1024


def _verify(settings: BackendSettings) -> ssl.SSLContext | bool:
    """TLS verification is always on; a CA bundle replaces the system store when given."""
    bundle = settings.ca_bundle_path()
    if bundle is None:
        return True
    return ssl.create_default_context(cafile=str(bundle))


class _NoCookies(CookieJar):
    """A jar that never keeps or sends a cookie.

    The backend contract is stateless (a bearer token, no session); a cookie set by a proxy
    or a login page in front of the CRM must not ride along with personal data. It also
    spares every request the cookie bookkeeping.
    """

    def set_cookie(self, cookie: Any) -> None:
        """Keep nothing."""

    def extract_cookies(self, response: Any, request: Any) -> None:
        """Read nothing from answers."""

    def add_cookie_header(self, request: Any) -> None:
        """Send nothing."""


class _BoundedBody(httpx.SyncByteStream):
    """An answer body that ends after *limit* bytes or once *deadline* (monotonic) has passed.

    The read timeout bounds each wait, not the whole body: without the deadline a server
    dripping a byte at a time could hold a claimed row far beyond its lease.
    """

    def __init__(self, stream: httpx.SyncByteStream, limit: int, deadline: float) -> None:
        self._stream = stream
        self._limit = limit
        self._deadline = deadline

    def __iter__(self) -> Iterator[bytes]:
        left = self._limit
        chunks = iter(self._stream)
        while True:
            try:
                chunk = next(chunks)
            except StopIteration:
                return
            except httpx.TimeoutException:
                # The request's deadline ended the body: the status has arrived and counts.
                return
            if len(chunk) >= left:
                yield chunk[:left]
                return
            left -= len(chunk)
            yield chunk
            if time.monotonic() > self._deadline:
                return

    def close(self) -> None:
        """Close the underlying stream (a connection left mid-body is not reused)."""
        self._stream.close()


def _bound_body(budget_s: float) -> Callable[[httpx.Response], None]:
    """A response hook that bounds what is read of every answer's body, in bytes and time."""

    def hook(response: httpx.Response) -> None:
        stream = response.stream
        if not isinstance(stream, httpx.SyncByteStream):
            return
        encoding = response.headers.get("Content-Encoding", "identity").strip().lower()
        if encoding not in ("", "identity"):
            # Asked for identity and got a compressed body: a few kilobytes of it could
            # expand to gigabytes, so it is not read at all (its status still counts).
            del response.headers["Content-Encoding"]
            stream.close()
            response.stream = httpx.ByteStream(b"")
            return
        response.stream = _BoundedBody(stream, MAX_BODY_BYTES, time.monotonic() + budget_s)

    return hook


def build_client(
    settings: BackendSettings, *, transport: httpx.BaseTransport | None = None
) -> httpx.Client:
    """An ``httpx.Client`` for *settings*: timeouts, TLS, keep-alive, bounded pool, no redirects,
    answer bodies read only up to ``MAX_BODY_BYTES``, every request bounded by the deadline
    of :func:`intake_tui.delivery.deadline.request_deadline` around it."""
    client = httpx.Client(
        headers={"User-Agent": USER_AGENT, "Accept-Encoding": "identity"},
        timeout=httpx.Timeout(settings.timeout_s, connect=settings.connect_timeout_s),
        verify=_verify(settings),
        limits=httpx.Limits(
            max_connections=settings.max_connections,
            max_keepalive_connections=settings.max_connections,
        ),
        # A redirect usually means a wrong URL (http → https, a login page); following it
        # could re-send personal data somewhere unintended, so it is reported instead.
        follow_redirects=False,
        cookies=_NoCookies(),
        transport=transport,
        event_hooks={"response": [_bound_body(settings.timeout_s)]},
    )
    bound_by_deadlines(client)
    return client
