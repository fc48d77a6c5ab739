"""Settings that are allowed but deserve a second look (shown by check-config)."""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Mapping
from urllib.parse import urlsplit

from intake_tui.config.model import Config
from intake_tui.i18n import Message


def _is_loopback(host: str) -> bool:
    """True for this machine's own addresses, where plain http never leaves the host."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _plain_http_to_network(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme.lower() == "http" and not _is_loopback(parts.hostname or "")


def config_warnings(config: Config, environ: Mapping[str, str] | None = None) -> list[Message]:
    """Warnings about *config*; *environ* (default ``os.environ``) is checked for the token."""
    env = os.environ if environ is None else environ
    warnings: list[Message] = []
    backend = config.backend
    if backend.url and _plain_http_to_network(backend.url):
        warnings.append(Message("config.warning.http_url"))
    if backend.enabled and backend.read_token(env) is None:
        warnings.append(Message("config.warning.token_unset", {"env": backend.token_env}))
    token_problem = backend.token_problem(env)
    if token_problem is not None:
        warnings.append(token_problem)
    if config.privacy.retention_days == 0:
        warnings.append(Message("config.warning.keep_forever"))
    return warnings
