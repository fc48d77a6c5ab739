"""The other commands, run as the installed entry point."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from tests.helpers import run_cli

REPO = Path(__file__).resolve().parents[2]


def test_help_lists_every_command() -> None:
    result = run_cli("--help")
    assert result.returncode == 0
    for command in ("validate", "import", "schema", "check-config", "list", "show", "export"):
        assert command in result.stdout
    for command in ("validate", "import", "schema", "check-config", "list", "show", "export"):
        assert run_cli(command, "--help").returncode == 0


def test_python_dash_m_works() -> None:
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "intake_tui", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    assert result.stdout.startswith("intake-tui ")


def test_schema_is_json_schema_with_the_six_sections() -> None:
    result = run_cli("schema")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert {"need", "use", "tax", "company", "contact", "consent"} <= set(schema["properties"])


def test_check_config_accepts_the_sample() -> None:
    result = run_cli("check-config", str(REPO / "sample_config.toml"))
    assert result.returncode == 0, result.stderr
    assert "backend" in result.stdout


def test_check_config_names_every_bad_key_without_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[backend]\ntimeout_s = "ten"\n[app]\nlanguag = "zh"\n')
    for args in (("check-config", str(bad)), ("--config", str(bad), "list")):
        result = run_cli(*args)
        assert result.returncode == 2
        assert "backend.timeout_s" in result.stderr
        assert "app.languag" in result.stderr
        assert str(bad) in result.stderr
        assert "Traceback" not in result.stderr


def test_env_variable_selects_the_config(tmp_path: Path) -> None:
    bad = tmp_path / "env.toml"
    bad.write_text("[app]\nlanguage = 5\n")
    result = run_cli("list", env={"INTAKE_TUI_CONFIG": str(bad)})
    assert result.returncode == 2
    assert "app.language" in result.stderr


def test_unknown_command_is_a_usage_error() -> None:
    result = run_cli("frobnicate")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


@pytest.fixture
def imported(tmp_path: Path) -> Path:
    from tests.helpers import raw_record

    config = tmp_path / "c.toml"
    config.write_text(f'[storage]\ndata_dir = "{tmp_path / "data"}"\n')
    source = tmp_path / "in.jsonl"
    source.write_text(
        "\n".join(
            json.dumps(raw_record(company__name=name), ensure_ascii=False)
            for name in ('=HYPERLINK("x")有限公司', "上海宝钢精密机械有限公司")
        )
    )
    assert run_cli("import", str(source), "--config", str(config)).returncode == 0
    return config


def test_data_files_are_private(imported: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert stat.S_IMODE(data.stat().st_mode) == 0o700
    for child in data.iterdir():
        assert stat.S_IMODE(child.stat().st_mode) == 0o600, child


def test_list_table_is_masked(imported: Path) -> None:
    result = run_cli("list", "--config", str(imported), env={"COLUMNS": "200"})
    assert result.returncode == 0
    assert "135****8515" in result.stdout
    assert "13524678515" not in result.stdout
    assert "张*" in result.stdout and "张先生" not in result.stdout


def test_show_masks_unless_asked(imported: Path) -> None:
    listing = [
        json.loads(x)
        for x in run_cli("list", "--json", "--config", str(imported)).stdout.splitlines()
    ]
    prefix = listing[0]["id"][:8]
    masked = run_cli("show", prefix, "--config", str(imported))
    assert masked.returncode == 0
    assert "135****8515" in masked.stdout
    full = run_cli("show", prefix, "--unmasked", "--config", str(imported))
    assert "13524678515" in full.stdout
    assert run_cli("show", "ffffffff", "--config", str(imported)).returncode == 1


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "xlsx"])
def test_export_masks_and_escapes(imported: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"out.{fmt}"
    result = run_cli("export", "--format", fmt, "-o", str(out), "--config", str(imported))
    assert result.returncode == 0, result.stderr
    if fmt == "xlsx":
        from openpyxl import load_workbook

        sheet = load_workbook(out).active
        cells = [list(row) for row in sheet.iter_rows(values_only=True)]
        text = json.dumps(cells, ensure_ascii=False, default=str)
        assert cells[0][0] == "编号"
    else:
        text = out.read_text(encoding="utf-8-sig")
    assert "13524678515" not in text
    assert "135****8515" in text
    if fmt != "jsonl":
        assert "'=HYPERLINK" in text
        assert "企业名称" in text
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_unmasked_export_is_audited(imported: Path, tmp_path: Path) -> None:
    import sqlite3

    out = tmp_path / "full.csv"
    assert (
        run_cli(
            "export", "--format", "csv", "-o", str(out), "--unmasked", "--config", str(imported)
        ).returncode
        == 0
    )
    assert "13524678515" in out.read_text(encoding="utf-8-sig")
    with sqlite3.connect(tmp_path / "data" / "intake.sqlite3") as db:
        rows = db.execute("SELECT action, details FROM audit_log WHERE action = 'exported'")
        details = [json.loads(d) for _, d in rows.fetchall()]
    assert any(d.get("unmasked") is True for d in details)
