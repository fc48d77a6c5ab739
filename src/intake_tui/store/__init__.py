"""The local store: drafts, submitted inquiries, the delivery outbox and the audit log.

Works on plain dicts (the normalised record of docs/spec), so it depends on neither the
record model nor the user interface.

Names are resolved on first use (PEP 562): the TUI imports the store's errors and models
before its first frame, and the database code (SQLite, the outbox, erasure) only after.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from intake_tui.store.database import Store
    from intake_tui.store.errors import StoreError
    from intake_tui.store.models import (
        AuditEntry,
        Draft,
        DuplicateMatch,
        OutboxEntry,
        StoredInquiry,
    )

_HOMES: dict[str, str] = {
    "Store": "database",
    "StoreError": "errors",
    **dict.fromkeys(
        ("AuditEntry", "Draft", "DuplicateMatch", "OutboxEntry", "StoredInquiry"), "models"
    ),
}

__all__ = [
    "AuditEntry",
    "Draft",
    "DuplicateMatch",
    "OutboxEntry",
    "Store",
    "StoreError",
    "StoredInquiry",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value
