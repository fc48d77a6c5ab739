"""The issue's scenario: import 40 records, sync against a backend that fails each first attempt.

The first request for each record fails in one of five ways (503 with Retry-After in
seconds, 429 with Retry-After as an HTTP date, 500, a dropped connection, an answer after
the client's timeout although the record was stored); the retries succeed. Then one more
record is refused with 422 and a message: it stays refused and is never sent again.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

from intake_tui.delivery.sender import BACKEND
from tests.delivery.backend_stub import (
    Action,
    Answer,
    BackendStub,
    Drop,
    Incoming,
    Late,
    running_backend,
)
from tests.delivery.sync_support import TOKEN, Desk, import_raw, make_desk, record_id
from tests.helpers import run_cli

RECORDS = 40
#: The client gives up after this; a late answer comes well after it.
TIMEOUT_S = 0.5
REFUSAL = "company.name 与工商登记不符：请按营业执照填写全称，例如 上海宝钢精密机械有限公司"
FIRST_FAILURES = ("503", "429-date", "500", "dropped", "late")


def _first_failure(kind: str) -> Action:
    """How a record's first attempt fails."""
    if kind == "503":
        return Answer(503, {"message": "maintenance"}, {"Retry-After": "1"})
    if kind == "429-date":
        when = datetime.now(UTC) + timedelta(seconds=1)
        return Answer(429, None, {"Retry-After": format_datetime(when, usegmt=True)})
    if kind == "500":
        return Answer(500, {"error": "internal"})
    if kind == "dropped":
        return Drop()
    return Late(delay_s=TIMEOUT_S + 1.0)


def _sync(desk: Desk, *extra: str) -> tuple[int, str, str]:
    result = run_cli(
        "sync",
        "--config",
        str(desk.config),
        *extra,
        env={"INTAKE_TUI_TOKEN": TOKEN},
        timeout=120,
    )
    return result.returncode, result.stdout, result.stderr


def test_every_first_attempt_fails_yet_all_40_arrive_once_and_a_refusal_sticks(
    tmp_path: Path,
) -> None:
    ids = [record_id(n, prefix=0x5CE0) for n in range(RECORDS)]
    planned = {f"{one_id}.1": FIRST_FAILURES[n % 5] for n, one_id in enumerate(ids)}
    refused_id = record_id(99, prefix=0x5CE0)

    def decide(incoming: Incoming) -> Action:
        if incoming.record_id == refused_id:
            return Answer(422, {"message": REFUSAL})
        if incoming.attempt == 1:
            return _first_failure(planned[incoming.key])
        return None

    with running_backend(BackendStub(decide)) as stub:
        desk = make_desk(tmp_path, stub.url, timeout_s=TIMEOUT_S)
        import_raw(desk, tmp_path, ids)

        code, stdout, stderr = _sync(desk)
        assert code == 0, stderr[-3000:]
        assert "本次送达 40 条；仍待发送 0 条；被拒收 0 条。" in stderr
        stub.settle()  # the last late answer may still be on its way
        assert set(stub.stored_ids) == set(ids)
        assert set(stub.stored_ids.values()) == {1}
        for key, kind in planned.items():
            # One failed attempt, then one that ended it; a late answer's retry is a repeat.
            expected = ["late-201", "409"] if kind == "late" else [kind.split("-")[0], "201"]
            assert stub.outcomes_for(key) == expected, (key, kind)
        assert stdout.count("稍后重试") == RECORDS  # each first failure was reported as such

        # One more record, which the backend refuses.
        import_raw(desk, tmp_path, [refused_id])
        code, _stdout, stderr = _sync(desk, "--lang", "en")
        assert code == 1
        assert "Delivered 0; still waiting 0; rejected 1." in stderr
        assert REFUSAL in stderr
        code, _stdout, stderr = _sync(desk)
        assert code == 1
        assert "被拒收 1 条" in stderr and REFUSAL in stderr
        assert stub.outcomes_for(f"{refused_id}.1") == ["422"]  # not sent again

    with desk.store() as store:
        [refused] = store.outbox_entries(refused_id, destination=BACKEND)
        assert refused.status == "rejected"
        assert REFUSAL in (refused.last_error or "")
        delivered = store.outbox_entries(destination=BACKEND, status="delivered")
        assert {entry.record_id for entry in delivered} == set(ids)
        assert store.integrity_check() == "ok"
    token_bytes = TOKEN.encode()
    for path in desk.data.rglob("*"):
        if path.is_file():
            assert token_bytes not in path.read_bytes(), path
