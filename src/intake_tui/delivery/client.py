"""The one configured HTTP client for the backend."""

from __future__ import annotations

import ssl

import httpx

from intake_tui import __version__
from intake_tui.config.model import BackendSettings

USER_AGENT = f"intake-tui/{__version__}"


def _verify(settings: BackendSettings) -> ssl.SSLContext | bool:
    """TLS verification is always on; a CA bundle replaces the system store when given."""
    bundle = settings.ca_bundle_path()
    if bundle is None:
        return True
    return ssl.create_default_context(cafile=str(bundle))


def build_client(
    settings: BackendSettings, *, transport: httpx.BaseTransport | None = None
) -> httpx.Client:
    """An ``httpx.Client`` for *settings*: timeouts, TLS, keep-alive, bounded pool, no redirects."""
    return httpx.Client(
        headers={"User-Agent": USER_AGENT},
        timeout=httpx.Timeout(settings.timeout_s, connect=settings.connect_timeout_s),
        verify=_verify(settings),
        limits=httpx.Limits(
            max_connections=settings.max_connections,
            max_keepalive_connections=settings.max_connections,
        ),
        # A redirect usually means a wrong URL (http → https, a login page); following it
        # could re-send personal data somewhere unintended, so it is reported instead.
        follow_redirects=False,
        transport=transport,
    )
