"""The screens the snapshot tests photograph, and how each is reached (shared by both sizes)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any

from textual.pilot import Pilot

from intake_tui.i18n import Message
from intake_tui.services.runtime import Runtime
from intake_tui.store.database import Store
from tests.helpers import FIXED_NOW
from tests.tui.conftest import Caller, fixed_id, keys, seed, settle, steady_cursor, stored_record

#: The capture steps, reached by keying the standard inquiry up to each, then its review.
STEPS = ("need", "use", "tax", "company", "contact", "mobile", "review")

RunBefore = Callable[[Pilot[Any]], Awaitable[None]]
#: The ``snap_compare`` fixture of pytest-textual-snapshot.
Compare = Callable[..., bool]


def after(*pressed: str) -> RunBefore:
    """Before the screenshot: press keys, let the workers finish, stop the cursor blinking."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await keys(pilot, *pressed)
        await settle(pilot)
        steady_cursor(pilot)

    return run_before


def seed_history(runtime: Runtime) -> None:
    """Three earlier inquiries with fixed ids and times."""
    callers = (
        Caller("上海宝钢精密机械有限公司", "张先生", "13524678515"),
        Caller("苏州新材料科技股份有限公司", "李女士", "13912345678"),
        Caller("无锡智能装备有限公司", "王经理", "18612345678"),
    )
    seed(
        runtime,
        (
            stored_record(fixed_id(n + 1), FIXED_NOW - timedelta(days=n, hours=2), caller)
            for n, caller in enumerate(callers)
        ),
    )


def seed_drafts(runtime: Runtime) -> None:
    """Two unfinished calls left by an earlier run of the app."""
    started = FIXED_NOW.isoformat()
    fields = {
        "need.kind": "factory_rent",
        "need.floor_area_sqm": "3000",
        "company.name": "上海宝钢精密机械有限公司",
    }
    with Store.open(runtime.config.database_path(), now=runtime.now) as store:
        store.save_draft(fixed_id(7), fields, operator="op-07", started_at=started)
        mobile_only = {"contact.mobile": "13524678515"}
        store.save_draft(fixed_id(8), mobile_only, operator="op-07", started_at=started)


def seed_outbox(runtime: Runtime) -> None:
    """Three inquiries still in the outbox: one the backend rejected, one waiting, one queued."""
    callers = (
        Caller("苏州新材料科技股份有限公司", "李女士", "13912345678"),
        Caller("无锡智能装备有限公司", "王经理", "18612345678"),
        Caller("上海宝钢精密机械有限公司", "张先生", "13524678515"),
    )
    records = [
        stored_record(fixed_id(n + 11), FIXED_NOW - timedelta(hours=n + 1), caller)
        for n, caller in enumerate(callers)
    ]
    seed(runtime, records[:2])
    rejected = Message(
        "delivery.rejected.client",
        {"status": 422, "reason": "contact.mobile: 该号码已登记为其他企业的联系人", "env": ""},
    )
    waiting = Message("delivery.retry.status", {"status": 503, "seconds": "8"})
    with Store.open(runtime.config.database_path(), now=runtime.now) as store:
        store.claim_outbox("backend", limit=2)
        store.set_outbox_status(
            fixed_id(11), 1, "backend", "rejected", last_error=rejected.text("zh")
        )
        retry_at = (FIXED_NOW + timedelta(seconds=8)).isoformat()
        store.set_outbox_status(
            fixed_id(12),
            1,
            "backend",
            "waiting",
            next_attempt_at=retry_at,
            last_error=waiting.text("zh"),
        )
    seed(runtime, records[2:])
