"""Setting up `intake-tui sync` runs: a config pointing at a loopback backend, queued records."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from intake_tui.config.loading import load_config
from intake_tui.delivery.sender import BACKEND
from intake_tui.store import Store
from tests.helpers import COMMAND, raw_record, run_cli
from tests.store.factories import make_record

TOKEN = "tok-sync-e2e-secret"


@dataclass(frozen=True)
class Desk:
    """One installation: its config file and data folder."""

    config: Path
    data: Path

    def sync_args(self, *extra: str) -> list[str]:
        """The command line of `intake-tui sync` for this desk."""
        return [str(COMMAND), "sync", "--config", str(self.config), *extra]

    @contextmanager
    def store(self) -> Iterator[Store]:
        """The desk's store, opened the way the program opens it."""
        with Store.open(load_config(self.config).config.database_path()) as opened:
            yield opened


def make_desk(folder: Path, url: str, *, timeout_s: float = 2.0, extra: str = "") -> Desk:
    """A config with an enabled backend at *url*, short timeouts and quick retries."""
    folder.mkdir(parents=True, exist_ok=True)
    data = folder / "data"
    config = folder / "intake.toml"
    config.write_text(
        f'[storage]\ndata_dir = "{data}"\n[app]\noperator = "op-07"\n'
        f'[backend]\nenabled = true\nurl = "{url}"\ntimeout_s = {timeout_s}\n'
        "connect_timeout_s = 1\nretry_base_s = 0.1\nretry_cap_s = 2\nsync_timeout_s = 60\n"
        f"{extra}",
        encoding="utf-8",
    )
    return Desk(config, data)


def record_id(number: int, prefix: int = 0) -> str:
    """A stable UUID-shaped id, distinct per (prefix, number)."""
    return f"{prefix:08x}-0000-4000-8000-{number:012x}"


def import_raw(desk: Desk, folder: Path, ids: list[str], **overrides: Any) -> None:
    """Import raw operator-style records with these ids through `intake-tui import`."""
    lines = []
    for n, one_id in enumerate(ids):
        record = raw_record(**overrides)
        record["id"] = one_id
        record["contact"]["mobile"] = f"1352467{n % 10_000:04d}"
        lines.append(json.dumps(record, ensure_ascii=False))
    source = folder / f"import-{ids[0]}.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_cli("import", str(source), "--config", str(desk.config), timeout=120)
    assert result.returncode == 0, result.stderr


def queue_normalised(desk: Desk, ids: list[str]) -> None:
    """Queue normalised records for the backend in one transaction (fast, like a big import)."""
    created = datetime.now().astimezone().isoformat(timespec="seconds")
    records = [
        make_record(one_id, mobile=f"1380013{n % 10_000:04d}", created_at=created)
        for n, one_id in enumerate(ids)
    ]
    with desk.store() as store:
        assert all(store.submit_many(records, destinations=[BACKEND], actor="import"))


def backend_rows(desk: Desk) -> dict[str, str]:
    """record id -> status of its backend outbox row."""
    with desk.store() as store:
        return {e.record_id: e.status for e in store.outbox_entries(destination=BACKEND)}
