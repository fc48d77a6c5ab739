"""kill -9 of `intake-tui sync` in the middle of a large batch, then `sync` again.

The stub backend stores the first ACCEPTED_BEFORE_KILL records normally; the next request
is stored but never answered, and the test kills the sync process while it waits for that
answer, so the kill always lands mid-batch with some records accepted and most not.
"""

from __future__ import annotations

import os
import signal
import subprocess
import threading
from pathlib import Path

from intake_tui.delivery.sender import BACKEND
from tests.delivery.backend_stub import BackendStub, Hold, Incoming, running_backend
from tests.delivery.sync_support import TOKEN, Desk, backend_rows, import_raw, make_desk, record_id
from tests.helpers import run_cli

RECORDS = 600
ACCEPTED_BEFORE_KILL = 150
#: Far below the lease of a row a dead sender held (timeout + connect + 30 s): the second
#: run only finishes in time if it sees that the first is gone and re-sends at once.
SECOND_RUN_TIMEOUT_S = "25"


def _kill_mid_batch(desk: Desk, stub: BackendStub, log: Path) -> None:
    """Start sync, wait until the held request arrives, kill -9 the process."""
    reached, release = threading.Event(), threading.Event()

    def decide(incoming: Incoming) -> Hold | None:
        if len(stub.stored_keys) == ACCEPTED_BEFORE_KILL and not reached.is_set():
            return Hold(reached, release)
        return None

    stub.decide = decide
    with log.open("w") as output:
        process = subprocess.Popen(
            desk.sync_args(),
            stdout=output,
            stderr=subprocess.STDOUT,
            env={**os.environ, "INTAKE_TUI_TOKEN": TOKEN},
        )
    try:
        assert reached.wait(90), log.read_text()
        process.send_signal(signal.SIGKILL)
        assert process.wait(30) == -signal.SIGKILL
    finally:
        release.set()
        if process.poll() is None:
            process.kill()
            process.wait(30)
    stub.decide = lambda _incoming: None


def test_a_killed_sync_loses_nothing_and_the_next_sync_sends_each_record_once(
    tmp_path: Path,
) -> None:
    ids = [record_id(n, prefix=0xC2A5) for n in range(RECORDS)]
    with running_backend(BackendStub()) as stub:
        desk = make_desk(tmp_path, stub.url)
        import_raw(desk, tmp_path, ids)

        _kill_mid_batch(desk, stub, tmp_path / "killed.log")
        # Some records accepted, most not: the kill came in the middle.
        assert len(stub.stored_keys) == ACCEPTED_BEFORE_KILL + 1
        rows = backend_rows(desk)
        assert "sending" in rows.values()  # the batch the killed run was working on
        assert list(rows.values()).count("delivered") <= ACCEPTED_BEFORE_KILL

        again = run_cli(
            "sync",
            "--timeout",
            SECOND_RUN_TIMEOUT_S,
            "--config",
            str(desk.config),
            env={"INTAKE_TUI_TOKEN": TOKEN},
            timeout=120,
        )
        assert again.returncode == 0, again.stderr[-3000:]

        # Every record accepted exactly once, by key and by the id in the body.
        expected_keys = {f"{one_id}.1" for one_id in ids}
        assert set(stub.stored_keys) == expected_keys
        assert set(stub.stored_keys.values()) == {1}
        assert set(stub.stored_ids) == set(ids)
        assert set(stub.stored_ids.values()) == {1}
        # The held record reached the backend but its answer never reached the client: it was
        # sent again and recognised as a repeat.
        held_key = next(
            e.incoming.key for e in stub.exchanges if e.outcome in ("held", "held-stored")
        )
        assert stub.outcomes_for(held_key) == ["held-stored", "409"]
        assert stub.overlaps == []

    with desk.store() as store:
        assert store.integrity_check() == "ok"
        entries = store.outbox_entries(destination=BACKEND)
        assert len(entries) == RECORDS
        assert {entry.status for entry in entries} == {"delivered"}
        # The interrupted send is on record: released as interrupted, then sent again.
        held_id = held_key.rsplit(".", 1)[0]
        actions = [(a.action, a.details.get("reason")) for a in store.audit_entries(held_id)]
        assert ("outbox.waiting", "delivery.retry.interrupted") in actions
        assert actions[-1] == ("outbox.delivered", "delivery.already_there")
        assert store.count(status="submitted") == RECORDS
