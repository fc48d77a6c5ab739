"""Consent evidence kept with each record and shown on request; masked views by default."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from intake_tui.config.loading import load_config
from intake_tui.services.capture import CaptureSession
from intake_tui.services.runtime import Runtime
from tests.helpers import FIXED_NOW, STANDARD_RAW, raw_record, run_cli
from tests.privacy.support import OTHER_ID, DataFolder, import_records, write_config

NOTICE = '[consent]\nnotice_version = "2027-03"\n'


def _captured(runtime: Runtime, consent: dict[str, str]) -> dict[str, Any]:
    """The record the TUI's capture model submits after the operator typed the standard call."""
    session = CaptureSession(runtime.filling(submitted=False))
    for section, values in {**STANDARD_RAW, "consent": consent}.items():
        for key, text in values.items():
            session.set(f"{section}.{key}", str(text))
    outcome = session.outcome()
    assert outcome.inquiry is not None, outcome.errors
    return outcome.inquiry.document()


def test_a_captured_record_keeps_notice_version_time_and_operator(tmp_path: Path) -> None:
    folder = write_config(tmp_path, NOTICE)
    runtime = Runtime(load_config(folder.config), "zh", now=lambda: FIXED_NOW)
    record = _captured(runtime, {"contact": "是"})
    assert record["consent"] == {
        "contact": True,
        "share_with_parks": False,  # its own choice, off unless the caller agreed
        "notice_version": "2027-03",
    }
    assert record["operator"] == "op-07"
    assert record["submitted_at"] == FIXED_NOW.isoformat()


def test_sharing_with_parks_is_recorded_only_when_agreed(tmp_path: Path) -> None:
    folder = write_config(tmp_path, NOTICE)
    runtime = Runtime(load_config(folder.config), "zh", now=lambda: FIXED_NOW)
    assert _captured(runtime, {"contact": "是", "share_with_parks": "同意"})["consent"][
        "share_with_parks"
    ]
    refused = raw_record(consent__contact=False)
    result = run_cli("validate", input=json.dumps(refused, ensure_ascii=False))
    assert result.returncode == 1 and "consent.contact" in result.stdout


@pytest.fixture
def folder(tmp_path: Path) -> DataFolder:
    seeded = write_config(tmp_path, NOTICE)
    import_records(seeded, [{**raw_record(consent__share_with_parks="是"), "id": OTHER_ID}])
    return seeded


def test_show_prints_the_consent_evidence_with_the_mobile_masked(folder: DataFolder) -> None:
    result = run_cli("show", OTHER_ID[:8], "--config", str(folder.config))
    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout)["record"]
    assert shown["consent"] == {
        "contact": True,
        "share_with_parks": True,
        "notice_version": "2027-03",
    }
    assert shown["operator"] == "op-07" and shown["submitted_at"]
    assert shown["contact"]["mobile"] == "135****8515"


def _audited(folder: DataFolder, action: str) -> list[tuple[str | None, str]]:
    with sqlite3.connect(folder.store_path) as db:
        rows = db.execute("SELECT record_id, details FROM audit_log WHERE action = ?", (action,))
        return list(rows.fetchall())


def test_an_unmasked_show_is_audited_and_a_masked_one_is_not(folder: DataFolder) -> None:
    assert run_cli("show", OTHER_ID[:8], "--config", str(folder.config)).returncode == 0
    assert _audited(folder, "viewed_unmasked") == []
    full = run_cli("show", OTHER_ID[:8], "--unmasked", "--config", str(folder.config))
    assert "13524678515" in full.stdout
    assert _audited(folder, "viewed_unmasked") == [(OTHER_ID, "{}")]


def test_a_draft_is_masked_in_show_and_in_list(folder: DataFolder) -> None:
    draft_id = "66666666-6666-4666-8666-666666666666"
    with folder.open_store() as store:
        store.save_draft(
            draft_id,
            {"contact.mobile": "13800138000", "contact.name": "王先生"},
            operator="op-07",
            started_at="2026-03-01T10:00:00+08:00",
        )
    shown = run_cli("show", draft_id[:8], "--config", str(folder.config)).stdout
    listed = run_cli("list", "--json", "--config", str(folder.config)).stdout
    for output in (shown, listed):
        assert "138****8000" in output
        assert "13800138000" not in output and "王先生" not in output
