"""``intake-tui sync`` end to end: import records, then deliver them to a loopback server."""

from __future__ import annotations

import json
import time
from pathlib import Path

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from tests.helpers import raw_record, run_cli

PATH = "/api/inquiries"
TOKEN = "tok-sync-5f2b-secret"


def _config(tmp_path: Path, backend: str) -> Path:
    config = tmp_path / "intake.toml"
    data = tmp_path / "data"
    config.write_text(
        f'[storage]\ndata_dir = "{data}"\n[app]\noperator = "op-42"\n[backend]\n{backend}'
    )
    return config


def _enabled(httpserver: HTTPServer) -> str:
    return (
        f'enabled = true\nurl = "{httpserver.url_for(PATH)}"\ntimeout_s = 0.5\n'
        "connect_timeout_s = 0.5\nretry_base_s = 0.1\nretry_cap_s = 2.0\nsync_timeout_s = 10.0\n"
    )


def _import(tmp_path: Path, config: Path, count: int) -> None:
    records = [
        {**raw_record(), "id": f"00000000-0000-4000-8000-00000000000{i}"} for i in range(count)
    ]
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n")
    assert run_cli("import", str(source), "--config", str(config)).returncode == 0


def test_sync_delivers_everything_and_sends_nothing_twice(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    config = _config(tmp_path, _enabled(httpserver))
    _import(tmp_path, config, 2)
    httpserver.expect_request(PATH, method="POST").respond_with_json({"id": "CRM"}, status=201)
    result = run_cli("sync", "--config", str(config), env={"INTAKE_TUI_TOKEN": TOKEN})
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("已送达") == 2
    assert "本次送达 2 条；仍待发送 0 条；被拒收 0 条。" in result.stderr
    assert [r.headers["Authorization"] for r, _ in httpserver.log] == [f"Bearer {TOKEN}"] * 2
    again = run_cli("sync", "--config", str(config), "--lang", "en")
    assert again.returncode == 0
    assert "Delivered 0; still waiting 0; rejected 0." in again.stderr
    assert len(httpserver.log) == 2
    for path in (tmp_path / "data").rglob("*"):
        if path.is_file():
            assert TOKEN.encode() not in path.read_bytes(), path


def test_sync_retries_within_the_run_honouring_retry_after(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    config = _config(tmp_path, _enabled(httpserver))
    _import(tmp_path, config, 1)
    answers = [Response("busy", status=503, headers={"Retry-After": "1"}), Response(status=201)]
    times: list[float] = []

    def handler(_request: Request) -> Response:
        times.append(time.monotonic())
        return answers.pop(0)

    httpserver.expect_request(PATH, method="POST").respond_with_handler(handler)
    result = run_cli("sync", "--config", str(config))
    assert result.returncode == 0, result.stderr
    assert "稍后重试" in result.stdout and "已送达" in result.stdout
    assert len(times) == 2 and times[1] - times[0] >= 0.9


def test_rejected_records_exit_1_and_are_not_resent(httpserver: HTTPServer, tmp_path: Path) -> None:
    config = _config(tmp_path, _enabled(httpserver))
    _import(tmp_path, config, 1)
    httpserver.expect_request(PATH, method="POST").respond_with_json(
        {"message": "company.name 与工商登记不符"}, status=422
    )
    result = run_cli("sync", "--config", str(config))
    assert result.returncode == 1
    assert "company.name 与工商登记不符" in result.stderr
    assert "被拒收 1 条" in result.stderr
    again = run_cli("sync", "--config", str(config))
    assert again.returncode == 1
    assert len(httpserver.log) == 1


def test_sync_gives_up_at_the_timeout_and_exits_1(httpserver: HTTPServer, tmp_path: Path) -> None:
    config = _config(tmp_path, _enabled(httpserver))
    _import(tmp_path, config, 1)
    httpserver.expect_request(PATH, method="POST").respond_with_data("down", status=500)
    started = time.monotonic()
    result = run_cli("sync", "--timeout", "1", "--config", str(config))
    assert time.monotonic() - started < 8
    assert result.returncode == 1
    assert "仍待发送 1 条" in result.stderr
    assert len(httpserver.log) >= 2


def test_sync_without_an_enabled_backend_exits_2(tmp_path: Path) -> None:
    config = _config(tmp_path, "enabled = false\n")
    result = run_cli("sync", "--config", str(config))
    assert result.returncode == 2
    assert "enabled = true" in result.stderr
    assert "Traceback" not in result.stderr


def test_sync_with_an_enabled_backend_but_no_url_exits_2(tmp_path: Path) -> None:
    config = _config(tmp_path, "enabled = true\n")
    result = run_cli("sync", "--config", str(config), "--lang", "en")
    assert result.returncode == 2
    assert "backend.url" in result.stderr
    assert "Traceback" not in result.stderr
