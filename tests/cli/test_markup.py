"""Text from outside is data: names with markup, emoji codes and links, printed by the command.

Run as the installed command, as an operator would: import a file, then ``list`` and
``show``; a draft (kept exactly as typed, unchecked) in ``list``; a server's reply in
``sync`` on a terminal, where the progress goes through Rich.
"""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from intake_tui.store.database import Store
from tests.helpers import COMMAND, raw_record, run_cli

#: What an operator or a file may put in a name: markup, a link, an action, an emoji code.
COMPANY = "上海[/]精密机械有限公司"
CONTACT = "[bold]张"
DESCRIPTION = "[link=https://x]点我[/link] 减速器 :smile:"
NOTES = "[@click=app.quit]x[/] [red]备注"
TITLE = "[/bold]经理["
WIDE = {"COLUMNS": "250"}
PATH = "/api/inquiries"


def _config(tmp_path: Path, extra: str = "") -> Path:
    config = tmp_path / "intake.toml"
    config.write_text(
        f'[storage]\ndata_dir = "{tmp_path / "data"}"\n[app]\noperator = "op-07"\n{extra}',
        encoding="utf-8",
    )
    return config


def _import(tmp_path: Path, config: Path) -> str:
    record = raw_record(
        company__name=COMPANY,
        contact__name=CONTACT,
        contact__title=TITLE,
        use__description=DESCRIPTION,
        need__notes=NOTES,
    )
    source = tmp_path / "markup.jsonl"
    source.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    result = run_cli("import", str(source), "--config", str(config))
    assert result.returncode == 0, result.stdout + result.stderr
    listed = run_cli("list", "--json", "--config", str(config))
    [row] = [json.loads(line) for line in listed.stdout.splitlines()]
    return str(row["id"])


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_list_and_show_print_markup_names_as_they_are(tmp_path: Path, lang: str) -> None:
    config = _config(tmp_path)
    record_id = _import(tmp_path, config)

    listed = run_cli("list", "--config", str(config), "--lang", lang, env=WIDE)
    assert listed.returncode == 0, listed.stderr
    assert "Traceback" not in listed.stderr
    assert COMPANY in listed.stdout
    assert "[*" in listed.stdout  # the contact name masked, its bracket kept

    searched = run_cli("list", "--search", COMPANY, "--config", str(config), env=WIDE)
    assert searched.returncode == 0, searched.stderr
    assert COMPANY in searched.stdout

    shown = run_cli("show", record_id[:8], "--unmasked", "--config", str(config), "--lang", lang)
    assert shown.returncode == 0, shown.stderr
    record = json.loads(shown.stdout)["record"]
    assert record["company"]["name"] == COMPANY
    assert record["contact"]["name"] == CONTACT
    assert record["use"]["description"] == DESCRIPTION
    assert record["need"]["notes"] == NOTES


def test_a_draft_with_markup_and_pasted_control_characters_lists_literally(
    tmp_path: Path,
) -> None:
    config = _config(tmp_path)
    # A draft holds what was typed or pasted, unchecked: escape codes and overrides too.
    fields = {
        "company.name": "上海[/]精密\x1b[2J机械\u202e有限公司",
        "contact.name": "[link=https://x]点我[/link]",
        "contact.mobile": "13524678515",
    }
    with Store.open(tmp_path / "data" / "intake.sqlite3") as store:
        store.save_draft("d1", fields, operator="op-07", started_at="2026-11-29T09:30:00+08:00")

    listed = run_cli("list", "--status", "draft", "--config", str(config), env=WIDE)
    assert listed.returncode == 0, listed.stderr
    assert "Traceback" not in listed.stderr
    assert "上海[/]精密\\u001b[2J机械\\u202e有限公司" in listed.stdout
    assert "\x1b" not in listed.stdout and "\u202e" not in listed.stdout

    shown = run_cli("show", "d1", "--config", str(config))
    assert shown.returncode == 0, shown.stderr
    assert "\u202e" not in shown.stdout and "\x1b" not in shown.stdout
    # Still JSON, holding exactly what was typed.
    assert json.loads(shown.stdout)["record"]["fields"]["company.name"] == fields["company.name"]


def _run_on_a_terminal(args: list[str], env: dict[str, str]) -> tuple[int, str]:
    """Run the installed command with a pseudo-terminal as its output; (status, output)."""
    main, child = pty.openpty()
    process = subprocess.Popen(
        [str(COMMAND), *args],
        stdin=subprocess.DEVNULL,
        stdout=child,
        stderr=child,
        env={**os.environ, **env, "COLUMNS": "250", "TERM": "xterm-256color"},
    )
    os.close(child)
    chunks: list[bytes] = []
    while True:
        ready, _, _ = select.select([main], [], [], 60)
        if not ready:
            process.kill()
            break
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    status = process.wait(timeout=60)
    os.close(main)
    return status, b"".join(chunks).decode("utf-8", "replace")


def test_sync_on_a_terminal_prints_the_servers_message_as_it_is(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    said = "[bold]请核对手机号[/] :smile: [link=https://x]详情[/link]"
    httpserver.expect_request(PATH, method="POST").respond_with_json({"message": said}, status=422)
    backend = (
        f'[backend]\nenabled = true\nurl = "{httpserver.url_for(PATH)}"\n'
        "timeout_s = 2\nconnect_timeout_s = 1\nretry_base_s = 0.1\nsync_timeout_s = 10\n"
    )
    config = _config(tmp_path, backend)
    _import(tmp_path, config)

    status, output = _run_on_a_terminal(
        ["sync", "--config", str(config)], {"INTAKE_TUI_TOKEN": "tok-markup"}
    )
    assert status == 1, output  # rejected
    assert "Traceback" not in output
    # The progress line (Rich) and the summary line both quote it literally.
    assert output.count(said) >= 2, output
    assert "\N{SMILING FACE WITH OPEN MOUTH}" not in output
    assert "\x1b]8;" not in output  # no terminal hyperlink
