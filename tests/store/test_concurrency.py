"""Two processes (say the TUI and an `import`) writing one store file at the same time."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path

from intake_tui.store import Store

# Each writer waits for the "go" file so that both open the (not yet existing) store and
# write at the same moment: creation, migration and the saves all race.
_WRITER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from intake_tui.store import Store
    from tests.store.factories import make_record

    STARTED = "2026-03-02T09:00:00+08:00"
    path, name, go = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
    (go.parent / f"ready-{name}").touch()
    while not go.exists():
        time.sleep(0.001)
    with Store.open(path) as store:
        for n in range(200):
            record_id = f"{name}-{n:03d}"
            if n % 4 == 0:
                fields = {"company.name": "上海宝钢"}
                store.save_draft(record_id, fields, operator=name, started_at=STARTED)
            assert store.submit(
                make_record(record_id, mobile=f"1380013{n:04d}"), destinations=["file"], actor=name
            )
    """
)


def test_two_processes_write_200_records_each_into_one_file(tmp_path: Path) -> None:
    path = tmp_path / "data" / "intake.sqlite3"
    go = tmp_path / "go"
    root = Path(__file__).resolve().parents[2]
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(path), name, str(go)],
            cwd=root,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("tui", "cli")
    ]
    try:
        while not all((tmp_path / f"ready-{name}").exists() for name in ("tui", "cli")):
            time.sleep(0.005)
            if any(writer.poll() is not None for writer in writers):
                break
        go.touch()
        outcomes = [writer.communicate(timeout=120) for writer in writers]
    finally:
        for writer in writers:
            if writer.poll() is None:
                writer.kill()
    for writer, (_out, err) in zip(writers, outcomes, strict=True):
        assert writer.returncode == 0, err

    with Store.open(path) as store:
        assert store.count(status="submitted") == 400
        assert store.count(status="draft") == 0
        assert store.outbox_counts()["pending"] == 400
        assert len(store.audit_entries()) == 400 + 2 * 50  # submitted + drafts created
        assert store.integrity_check() == "ok"
        ids = {inquiry.id for inquiry in store.list(limit=1000)}
    assert ids == {f"{name}-{n:03d}" for name in ("tui", "cli") for n in range(200)}
