"""Test data for the store: a controllable clock and normalised inquiry records."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

SHANGHAI = timezone(timedelta(hours=8))


class Clock:
    """A clock that stands still until a test moves it."""

    def __init__(self) -> None:
        self.current = datetime(2026, 3, 2, 9, 30, tzinfo=SHANGHAI)

    def __call__(self) -> datetime:
        return self.current

    def advance(self, **delta: float) -> None:
        self.current += timedelta(**delta)


def make_record(
    record_id: str,
    *,
    mobile: str = "13800138000",
    company: str = "上海宝钢精密机械有限公司",
    contact: str = "张先生",
    created_at: str = "2026-03-01T10:00:00+08:00",
    revision: int = 1,
) -> dict[str, Any]:
    """A normalised inquiry as the record model produces it (only the store's view matters)."""
    return {
        "schema_version": 1,
        "id": record_id,
        "revision": revision,
        "created_at": created_at,
        "submitted_at": created_at,
        "operator": "op-01",
        "call": {"started_at": created_at, "ended_at": created_at, "duration_s": 60},
        "need": {
            "kind": "factory_rent",
            "floor_area_sqm": {"min": 2000, "max": 3000},
            "timeline": "within_3m",
        },
        "use": {"industry": "C", "description": "精密零部件加工"},
        "tax": {"annual_tax_wan": 500, "registration": "new_entity"},
        "company": {"name": company},
        "contact": {"name": contact, "mobile": mobile},
        "consent": {"contact": True, "share_with_parks": False, "notice_version": "2026-01"},
        "warnings": [],
    }
