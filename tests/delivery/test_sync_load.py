"""Load: 20 `intake-tui sync` processes, each with its own store of 200 records, one backend.

The backend answers some requests 429 with a short Retry-After; which ones is decided by a
seeded hash of the key and the attempt number, so a run is reproducible.
"""

from __future__ import annotations

import random
import subprocess
from pathlib import Path

from tests.delivery.backend_stub import Answer, BackendStub, Incoming, running_backend
from tests.delivery.sync_support import Desk, backend_rows, make_desk, queue_normalised, record_id

DESKS = 20
RECORDS_PER_DESK = 200
SEED = 20260304
BUSY_SHARE = 0.15


def busy_now(incoming: Incoming) -> Answer | None:
    """429 for about BUSY_SHARE of the requests, with Retry-After 0 or 1 (seconds)."""
    draw = random.Random(f"{SEED}:{incoming.key}:{incoming.attempt}")
    if draw.random() >= BUSY_SHARE:
        return None
    wait = draw.choice(("0", "1"))
    return Answer(429, {"message": "too many requests"}, {"Retry-After": wait})


def test_twenty_syncs_against_a_busy_backend_lose_nothing_and_send_nothing_twice(
    tmp_path: Path,
) -> None:
    with running_backend(BackendStub(busy_now)) as stub:
        desks: list[Desk] = []
        expected: set[str] = set()
        for number in range(DESKS):
            desk = make_desk(tmp_path / f"desk-{number:02d}", stub.url)
            ids = [record_id(n, prefix=number + 1) for n in range(RECORDS_PER_DESK)]
            queue_normalised(desk, ids)
            desks.append(desk)
            expected.update(ids)

        logs = [desk.config.parent / "sync.log" for desk in desks]
        processes = []
        for desk, log in zip(desks, logs, strict=True):
            with log.open("w") as output:
                # --timeout is a hard end for the whole run (start-up included): give the
                # runs what the test waits for, as 20 of them share the two cores.
                args = desk.sync_args("--timeout", "170")
                processes.append(subprocess.Popen(args, stdout=output, stderr=subprocess.STDOUT))
        codes = [process.wait(180) for process in processes]
        assert codes == [0] * DESKS, [log.read_text()[-1500:] for log in logs if log.exists()]

        # The backend really was busy, and every record still arrived exactly once.
        outcomes = [exchange.outcome for exchange in stub.exchanges]
        assert outcomes.count("429") > 100
        assert outcomes.count("201") == len(expected) == DESKS * RECORDS_PER_DESK
        assert set(stub.stored_ids) == expected
        assert set(stub.stored_ids.values()) == {1}
        assert "409" not in outcomes  # nothing needed a repeat: no record was sent twice
        assert stub.overlaps == []

    for desk in desks:
        assert set(backend_rows(desk).values()) == {"delivered"}
