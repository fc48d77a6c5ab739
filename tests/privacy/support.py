"""Shared test data for the privacy tests: a data folder with two callers, and a terminal."""

from __future__ import annotations

import json
import os
import select
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from intake_tui.store import Store
from tests.helpers import COMMAND, raw_record, run_cli

#: The caller who asks to be forgotten, and another who must keep every record.
TARGET_MOBILE = "13524678515"
TARGET_NAME = "欧阳先生"
OTHER_MOBILE = "13911112222"
TARGET_IDS = ("11111111-1111-4111-8111-111111111111", "22222222-2222-4222-8222-222222222222")
OTHER_ID = "33333333-3333-4333-8333-333333333333"
DRAFT_ID = "44444444-4444-4444-8444-444444444444"
OLD_ID = "55555555-5555-4555-8555-555555555555"
#: The bearer token the privacy tests hand to the program; it must never reach a file.
TEST_TOKEN = "tok-privacy-91d3-secret"


@dataclass(frozen=True)
class DataFolder:
    """A config file and the data folder it points at."""

    config: Path
    data: Path

    @property
    def store_path(self) -> Path:
        return self.data / "intake.sqlite3"

    @property
    def jsonl(self) -> Path:
        return self.data / "inquiries.jsonl"

    def open_store(self) -> Store:
        return Store.open(self.store_path)

    def file_records(self) -> list[dict[str, Any]]:
        lines = self.jsonl.read_text(encoding="utf-8").splitlines()
        return [json.loads(line) for line in lines if line.strip()]


def write_config(tmp_path: Path, extra: str = "") -> DataFolder:
    """A config with its own data folder; *extra* is appended TOML."""
    data = tmp_path / "data"
    config = tmp_path / "intake.toml"
    config.write_text(f'[storage]\ndata_dir = "{data}"\n[app]\noperator = "op-07"\n{extra}')
    return DataFolder(config, data)


def import_records(folder: DataFolder, records: list[dict[str, Any]]) -> None:
    """Store *records* as submitted, through the real ``import`` command."""
    source = folder.config.parent / "seed.jsonl"
    source.write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8"
    )
    result = run_cli("import", str(source), "--config", str(folder.config))
    assert result.returncode == 0, result.stdout + result.stderr


def seed_two_callers(folder: DataFolder) -> None:
    """Two inquiries and a draft of the target caller, one inquiry of somebody else."""
    import_records(
        folder,
        [
            {
                **raw_record(contact__mobile="+86 135-2467-8515", contact__name=TARGET_NAME),
                "id": TARGET_IDS[0],
            },
            {
                **raw_record(contact__mobile=TARGET_MOBILE, contact__name=TARGET_NAME),
                "id": TARGET_IDS[1],
            },
            {**raw_record(contact__mobile=OTHER_MOBILE, contact__name="李女士"), "id": OTHER_ID},
        ],
    )
    with folder.open_store() as store:
        store.save_draft(
            DRAFT_ID,
            {"contact.mobile": "135 2467 8515", "contact.name": TARGET_NAME},
            operator="op-07",
            started_at="2026-03-01T10:00:00+08:00",
        )


def old_record(record_id: str = OLD_ID, when: str = "2020-01-02T10:00:00+08:00") -> dict[str, Any]:
    """A raw record captured (and submitted) long ago."""
    return {
        **raw_record(contact__mobile="13700001111", company__name="杭州旧日机械有限公司"),
        "id": record_id,
        "created_at": when,
        "submitted_at": when,
    }


def run_in_terminal(
    *args: str, answer: str, env: dict[str, str] | None = None, timeout: float = 30
) -> tuple[int, str]:
    """Run the installed command with a pseudo-terminal as its input, answering its prompt."""
    controller, terminal = os.openpty()
    process = subprocess.Popen(
        [str(COMMAND), *args],
        stdin=terminal,
        stdout=terminal,
        stderr=terminal,
        env={**os.environ, **(env or {})},
        close_fds=True,
    )
    os.close(terminal)
    output = b""
    answered = False
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([controller], [], [], 0.2)
            if ready:
                try:
                    chunk = os.read(controller, 4096)
                except OSError:  # the program closed the terminal: it has finished
                    break
                if not chunk:
                    break
                output += chunk
            if not answered and b"[y/N]" in output:
                os.write(controller, answer.encode() + b"\n")
                answered = True
            if process.poll() is not None and not ready:
                break
        status = process.wait(timeout=max(1.0, deadline - time.monotonic()))
    finally:
        os.close(controller)
        if process.poll() is None:
            process.kill()
    return status, output.decode("utf-8", errors="replace")
