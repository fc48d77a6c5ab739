"""The local store: drafts, submitted inquiries, the delivery outbox and the audit log.

Works on plain dicts (the normalised record of docs/spec), so it depends on neither the
record model nor the user interface.
"""

from intake_tui.store.database import Store
from intake_tui.store.errors import StoreError
from intake_tui.store.models import (
    AuditEntry,
    Draft,
    DuplicateMatch,
    OutboxEntry,
    StoredInquiry,
)

__all__ = [
    "AuditEntry",
    "Draft",
    "DuplicateMatch",
    "OutboxEntry",
    "Store",
    "StoreError",
    "StoredInquiry",
]
