"""Two `intake-tui sync` processes at once on one store never send the same record together.

The stub backend answers slowly and holds the very first request until a request from a
second connection has arrived, so both processes are certainly sending at the same time.
It notes every request that arrives while another one for the same record is running.
"""

from __future__ import annotations

import subprocess
import threading
from pathlib import Path

from tests.delivery.backend_stub import BackendStub, Incoming, running_backend
from tests.delivery.sync_support import backend_rows, make_desk, queue_normalised, record_id

RECORDS = 300
#: Each answer takes this long, so requests of the two processes interleave.
ANSWER_DELAY_S = 0.004


def test_two_syncs_on_one_store_split_the_work_and_send_each_record_once(
    tmp_path: Path,
) -> None:
    both_sending = threading.Event()
    peers: set[tuple[str, int]] = set()
    peers_lock = threading.Lock()

    def decide(incoming: Incoming) -> None:
        with peers_lock:
            peers.add(incoming.peer)
            if len(peers) >= 2:
                both_sending.set()
        # Until the second process is sending too, the first one's request waits here.
        both_sending.wait(60)

    ids = [record_id(n, prefix=0xC0C0) for n in range(RECORDS)]
    with running_backend(BackendStub(decide, answer_delay_s=ANSWER_DELAY_S)) as stub:
        desk = make_desk(tmp_path, stub.url)
        queue_normalised(desk, ids)
        logs = [tmp_path / f"sync-{n}.log" for n in range(2)]
        processes = []
        for log in logs:
            with log.open("w") as output:
                processes.append(
                    subprocess.Popen(desk.sync_args(), stdout=output, stderr=subprocess.STDOUT)
                )
        codes = [process.wait(120) for process in processes]
        assert codes == [0, 0], [log.read_text()[-2000:] for log in logs]

        assert both_sending.is_set()
        assert stub.overlaps == []
        # No record was sent twice at all (no crash, so no repeat was ever needed) ...
        assert len(stub.exchanges) == RECORDS
        assert {exchange.outcome for exchange in stub.exchanges} == {"201"}
        assert set(stub.stored_ids) == set(ids)
        assert set(stub.stored_ids.values()) == {1}
        # ... and both processes did part of the work.
        by_process = [sum(1 for e in stub.exchanges if e.incoming.peer == p) for p in peers]
        assert len(by_process) == 2 and min(by_process) > 0, by_process

    assert set(backend_rows(desk).values()) == {"delivered"}
    summaries = [log.read_text() for log in logs]
    delivered = sum(int(text.split("本次送达 ")[1].split(" 条")[0]) for text in summaries)
    assert delivered == RECORDS
