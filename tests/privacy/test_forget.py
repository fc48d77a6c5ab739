"""``intake-tui forget``: one caller's data leaves the store, the outbox, drafts and the file."""

from __future__ import annotations

import json
import sqlite3
import stat
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import run_cli
from tests.privacy.support import (
    DRAFT_ID,
    OTHER_ID,
    OTHER_MOBILE,
    TARGET_IDS,
    TARGET_MOBILE,
    TARGET_NAME,
    DataFolder,
    run_in_terminal,
    seed_two_callers,
    write_config,
)


@pytest.fixture
def folder(tmp_path: Path) -> DataFolder:
    seeded = write_config(tmp_path)
    seed_two_callers(seeded)
    return seeded


def _audit(folder: DataFolder, action: str) -> list[dict[str, Any]]:
    with folder.open_store() as store:
        return [entry.details for entry in store.audit_entries() if entry.action == action]


def _assert_target_gone_and_other_kept(folder: DataFolder) -> None:
    with folder.open_store() as store:
        assert store.with_mobile(TARGET_MOBILE) == []
        assert all(store.get(record_id) is None for record_id in (*TARGET_IDS, DRAFT_ID))
        assert all(store.outbox_entries(record_id) == [] for record_id in TARGET_IDS)
        assert store.get(OTHER_ID) is not None
        assert len(store.outbox_entries(OTHER_ID)) == 2
    assert [record["id"] for record in folder.file_records()] == [OTHER_ID]
    raw = folder.jsonl.read_bytes()
    assert TARGET_MOBILE.encode() not in raw and TARGET_NAME.encode() not in raw


@pytest.mark.parametrize("spelling", ["+86 135-2467-8515", "0086 13524678515", "135 2467 8515"])
def test_forget_by_mobile_removes_everything_and_audits_without_personal_data(
    folder: DataFolder, spelling: str
) -> None:
    result = run_cli("forget", "--mobile", spelling, "--yes", "--config", str(folder.config))
    assert result.returncode == 0, result.stderr
    assert "135****8515" in result.stdout
    assert TARGET_MOBILE not in result.stdout + result.stderr
    _assert_target_gone_and_other_kept(folder)
    [details] = _audit(folder, "forget")
    assert details["records"] == 3 and details["drafts"] == 1 and details["submitted"] == 2
    assert details["outbox_rows"] == 4 and details["file_lines"] == 2
    assert sorted(details["record_ids"]) == sorted([*TARGET_IDS, DRAFT_ID])
    with sqlite3.connect(folder.store_path) as db:
        audit_text = json.dumps(db.execute("SELECT * FROM audit_log").fetchall())
    assert "3524678515" not in audit_text and TARGET_NAME not in audit_text


def test_erased_rows_leave_no_readable_copy_in_the_store_file(folder: DataFolder) -> None:
    result = run_cli("forget", "--mobile", TARGET_MOBILE, "--yes", "--config", str(folder.config))
    assert result.returncode == 0, result.stderr
    for path in folder.data.glob("intake.sqlite3*"):
        content = path.read_bytes()
        assert TARGET_MOBILE.encode() not in content, path
        assert TARGET_NAME.encode() not in content, path
    assert OTHER_MOBILE.encode() in folder.store_path.read_bytes()


def test_the_file_is_replaced_atomically_and_stays_private(folder: DataFolder) -> None:
    before = folder.jsonl.stat().st_ino
    assert run_cli("forget", "--id", TARGET_IDS[0][:8], "--yes", "--config", str(folder.config))
    after = folder.jsonl.stat()
    assert after.st_ino != before  # a new file took the old one's place
    assert stat.S_IMODE(after.st_mode) == 0o600
    assert sorted(p.name for p in folder.data.iterdir() if p.name.endswith(".tmp")) == []
    assert [r["id"] for r in folder.file_records()] == [TARGET_IDS[1], OTHER_ID]


def test_without_a_terminal_and_without_yes_nothing_is_removed(folder: DataFolder) -> None:
    result = run_cli(
        "forget", "--mobile", TARGET_MOBILE, "--config", str(folder.config), input="y\n"
    )
    assert result.returncode == 2
    assert "--yes" in result.stderr
    assert "135****8515" in result.stdout  # it still shows what would go
    with folder.open_store() as store:
        assert len(store.with_mobile(TARGET_MOBILE)) == 3
    assert len(folder.file_records()) == 3
    assert _audit(folder, "forget") == []


def test_the_question_is_asked_at_a_terminal_and_yes_removes(folder: DataFolder) -> None:
    status, output = run_in_terminal(
        "forget", "--mobile", TARGET_MOBILE, "--config", str(folder.config), answer="y"
    )
    assert status == 0, output
    assert "[y/N]" in output and "已删除" in output
    _assert_target_gone_and_other_kept(folder)


def test_any_other_answer_keeps_everything(folder: DataFolder) -> None:
    status, output = run_in_terminal(
        "forget", "--mobile", TARGET_MOBILE, "--config", str(folder.config), "--lang", "en",
        answer="n",
    )  # fmt: skip
    assert status == 1, output
    assert "cancelled; nothing was removed" in output
    with folder.open_store() as store:
        assert len(store.with_mobile(TARGET_MOBILE)) == 3
    assert len(folder.file_records()) == 3


def test_forget_by_id_prefix_removes_only_that_record(folder: DataFolder) -> None:
    result = run_cli("forget", "--id", TARGET_IDS[1][:8], "--yes", "--config", str(folder.config))
    assert result.returncode == 0, result.stderr
    with folder.open_store() as store:
        assert store.get(TARGET_IDS[1]) is None
        assert store.get(TARGET_IDS[0]) is not None
    [details] = _audit(folder, "forget")
    assert details["by"] == "id" and details["record_ids"] == [TARGET_IDS[1]]


def test_an_interrupted_forget_is_finished_from_the_file(folder: DataFolder) -> None:
    # The store forgot the record but the process died before the file was rewritten.
    with sqlite3.connect(folder.store_path) as db:
        db.execute("DELETE FROM inquiries WHERE id = ?", (TARGET_IDS[0],))
    result = run_cli("forget", "--id", TARGET_IDS[0][:8], "--yes", "--config", str(folder.config))
    assert result.returncode == 0, result.stderr
    assert TARGET_IDS[0] not in folder.jsonl.read_text(encoding="utf-8")


def test_nothing_held_is_reported_and_the_request_audited(folder: DataFolder) -> None:
    result = run_cli("forget", "--mobile", "13700009999", "--config", str(folder.config))
    assert result.returncode == 0
    assert "137****9999" in result.stdout
    [details] = _audit(folder, "forget")
    assert details["records"] == 0 and details["file_lines"] == 0


@pytest.mark.parametrize(
    ("args", "status", "wanted"),
    [
        (("--mobile", "021-66668888"), 2, "固定电话"),
        (("--id", "ffffffff"), 1, "intake-tui list"),
    ],
)
def test_bad_or_unknown_callers_are_refused_without_traceback(
    folder: DataFolder, args: tuple[str, ...], status: int, wanted: str
) -> None:
    result = run_cli("forget", *args, "--yes", "--config", str(folder.config))
    assert result.returncode == status
    assert wanted in result.stderr
    assert "Traceback" not in result.stderr
    assert len(folder.file_records()) == 3
