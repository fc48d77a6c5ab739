"""The store redacts what it writes on a server's behalf: no caller can forget to."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from intake_tui.store import Store
from intake_tui.store.outbox import Transition
from tests.store.factories import Clock, make_record

TOKEN = "tok-store-77c1-secret"
SERVER_TEXT = f"401: token {TOKEN} refused; callback https://h/cb?sign=sg-1 for +86 135-2467-8515"
STORED_TEXT = "401: token [REDACTED] refused; callback https://h/cb?sign=[REDACTED] for 135****8515"


def _raw_columns(path: Path) -> str:
    """Every outbox error and audit detail as the file holds them."""
    with sqlite3.connect(path) as db:
        errors = [row[0] or "" for row in db.execute("SELECT last_error FROM outbox")]
        details = [row[0] for row in db.execute("SELECT details FROM audit_log")]
    return "\n".join(errors + details)


def test_every_write_of_an_error_or_a_detail_is_redacted(tmp_path: Path) -> None:
    path = tmp_path / "intake.sqlite3"
    with Store.open(path, now=Clock(), secrets=[TOKEN]) as store:
        for record_id in ("r1", "r2", "r3"):
            store.submit(make_record(record_id), destinations=["http"], actor="op-01")
        first, second, _third = store.claim_outbox("http", lease=timedelta(minutes=5))
        store.finish_outbox(
            [
                Transition(
                    first,
                    "rejected",
                    last_error=SERVER_TEXT,
                    details={"server_message": SERVER_TEXT},
                )
            ],
            actor="op-01",
        )
        store.set_outbox_status("r2", 1, "http", "waiting", last_error=SERVER_TEXT)
        assert second.record_id == "r2"
        store.release_outbox_claims(
            "http", actor="op-01", last_error=SERVER_TEXT, details={"why": SERVER_TEXT}
        )
        store.audit("edited", actor="op-01", details={"note": SERVER_TEXT})
        errors = {entry.record_id: entry.last_error for entry in store.outbox_entries()}
        details = [entry.details for entry in store.audit_entries()]
    assert errors == {"r1": STORED_TEXT, "r2": STORED_TEXT, "r3": STORED_TEXT}
    assert {key: value for d in details for key, value in d.items() if key == "server_message"} == {
        "server_message": STORED_TEXT
    }
    assert {"note": STORED_TEXT} in details
    assert any(d.get("why") == STORED_TEXT for d in details)
    raw = _raw_columns(path)
    assert TOKEN not in raw and "sg-1" not in raw and "135-2467-8515" not in raw


def test_a_token_protected_later_is_redacted_too(tmp_path: Path) -> None:
    with Store.open(tmp_path / "intake.sqlite3", now=Clock()) as store:
        store.protect(None)
        store.protect("   ")
        store.protect(f" {TOKEN} ")
        store.audit("edited", actor="op-01", details={"note": f"a {TOKEN} b", "n": "   "})
        [entry] = store.audit_entries()
    assert entry.details == {"note": "a [REDACTED] b", "n": "   "}


def test_a_claim_finished_with_a_transition_copy_keeps_the_redaction(tmp_path: Path) -> None:
    with Store.open(tmp_path / "intake.sqlite3", now=Clock(), secrets=[TOKEN]) as store:
        store.submit(make_record("r1"), destinations=["http"], actor="op-01")
        [claimed] = store.claim_outbox("http")
        transition = Transition(claimed, "waiting", last_error="x")
        store.finish_outbox([replace(transition, last_error=f"HTTP 503 {TOKEN}")], actor="op-01")
        [entry] = store.outbox_entries()
    assert entry.last_error == "HTTP 503 [REDACTED]"
