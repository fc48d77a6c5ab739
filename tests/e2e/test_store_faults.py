"""Issue 5 with the installed command: bad store files, shared stores, a disk that fills up.

- A corrupt or newer-version store: the TUI refuses to start (exit 2, a message, no
  traceback) and the file is byte-for-byte what it was.
- Two TUIs capturing and submitting on one store, and a TUI with ``sync``, ``export`` and
  ``forget --yes`` running beside it: no lock error reaches anyone, nothing is lost.
- The disk fills while the operator types: the message is on screen, Ctrl+S saves the
  inquiry elsewhere, and the app quits only when asked twice.
"""

from __future__ import annotations

import hashlib
import json
import random
import sqlite3
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path

import pytest

from intake_tui.i18n import Message
from intake_tui.store import Store
from intake_tui.store.migrations import LATEST_VERSION
from tests.delivery.backend_stub import BackendStub, running_backend
from tests.e2e.inquiry import (
    COMPANY,
    REVIEW_READY,
    STANDARD,
    integrity,
    key_in,
    open_form,
    read_rows,
    wait_for_draft,
)
from tests.e2e.terminal import POLL_S, WAIT_S, Terminal
from tests.fault_injection import fill_disk, small_disk
from tests.helpers import FIXED_NOW, raw_record, run_cli
from tests.tui.conftest import Caller, stored_record

pytestmark = pytest.mark.e2e

#: Words of the store's "held by another program" message, in both languages.
LOCKED = ("被另一个程序占用", "held by another program")
SUBMITTED = "已提交，编号"
OTHER_MOBILE = "13800138000"


def compact(text: str) -> str:
    """*text* without white space: a wrapped message compares with the message."""
    return "".join(text.split())


def sha256(path: Path) -> str:
    """The file's SHA-256, to show it was not changed."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def assert_no_lock_error(*texts: str) -> None:
    """No lock message (nor a traceback) in any of *texts*."""
    for text in texts:
        assert not any(words in compact(text) for words in map(compact, LOCKED)), text
        assert "Traceback" not in text, text


# -- corrupt and newer store files -------------------------------------------------------


def healthy_store(database: Path) -> bytes:
    """A store with 40 submitted inquiries, checkpointed into the one file; its bytes."""
    records = [
        stored_record(
            f"00000000-0000-4000-8000-{n:012x}",
            FIXED_NOW,
            Caller(f"苏州{n}号精密机械有限公司", "李女士", f"1391234{n:04d}"),
        )
        for n in range(1, 41)
    ]
    with Store.open(database) as store:
        store.submit_many(records, destinations=["backend"], actor="op-e2e")
    with closing(sqlite3.connect(database)) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return database.read_bytes()


def page_size(image: bytes) -> int:
    """The page size an SQLite file header declares."""
    return int.from_bytes(image[16:18], "big")


def root_page(database: Path, name: str) -> int:
    """The first page (1-based) of table or index *name* in the store."""
    with closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True)) as connection:
        row = connection.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (name,))
        (page,) = row.fetchone()
    return int(page)


def damage_page(image: bytes, page: int) -> bytes:
    """*image* with page *page* (1-based) overwritten by random bytes."""
    size = page_size(image)
    start = (page - 1) * size
    noise = random.Random(page).randbytes(size)
    return image[:start] + noise + image[start + size :]


def corrupt(kind: str, database: Path) -> Message:
    """Damage the store at *database* as *kind* says; the message the app must give."""
    image = healthy_store(database)
    path = {"path": str(database)}
    if kind == "not-sqlite":
        database.write_bytes(b"inquiries backup, do not delete\n" * 200)
        return Message("store.not_a_database", path)
    if kind == "truncated":
        database.write_bytes(image[: len(image) // 3])
        return Message("store.corrupt", path)
    if kind == "damaged-index":
        # The index the start-up reads (the drafts, newest first).
        page = root_page(database, "inquiries_by_status_time")
        database.write_bytes(damage_page(image, page))
        return Message("store.corrupt", path)
    if kind == "newer-version":
        version = (LATEST_VERSION + 7).to_bytes(4, "big")
        database.write_bytes(image[:60] + version + image[64:])
        params = {**path, "found": LATEST_VERSION + 7, "supported": LATEST_VERSION}
        return Message("store.newer_version", params)
    raise AssertionError(kind)


@pytest.mark.parametrize("kind", ["not-sqlite", "truncated", "damaged-index", "newer-version"])
def test_a_corrupt_or_newer_store_is_refused_and_left_as_it_was(
    terminal: Terminal, config_file: Path, data_dir: Path, kind: str
) -> None:
    data_dir.mkdir()
    database = data_dir / "intake.sqlite3"
    expected = corrupt(kind, database)
    before = sha256(database)

    terminal.start("--config", str(config_file))
    assert terminal.wait_exit() == 2
    # With the scrollback: the message starts above the pane's last screenful.
    screen = terminal.tmux("capture-pane", "-p", "-S", "-200", "-t", terminal.session)
    assert compact(expected.text("zh")) in compact(screen), screen
    assert "Traceback" not in screen
    assert sha256(database) == before


def test_damage_the_start_up_does_not_read_is_refused_too(
    terminal: Terminal, config_file: Path, data_dir: Path
) -> None:
    data_dir.mkdir()
    database = data_dir / "intake.sqlite3"
    image = healthy_store(database)
    database.write_bytes(damage_page(image, root_page(database, "audit_log")))
    before = sha256(database)
    terminal.start("--config", str(config_file))
    ended = exit_or_ready(terminal)
    if ended is None:
        terminal.press("C-q")
        terminal.wait_exit()
    assert sha256(database) == before
    assert ended == 2


def exit_or_ready(terminal: Terminal) -> int | None:
    """The exit status if the app ends before it is ready to capture; None once it is ready."""
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        status = terminal.exit_status()
        if status is not None:
            return status
        if "op-e2e" in terminal.screen():
            time.sleep(1.0)  # a late refusal still counts
            return terminal.exit_status()
        time.sleep(POLL_S)
    raise AssertionError(f"neither ended nor ready; screen:\n{terminal.screen()}")


# -- two programs on one store -----------------------------------------------------------


@pytest.fixture
def backend() -> Iterator[BackendStub]:
    """A backend on loopback that stores each record once."""
    with running_backend(BackendStub()) as stub:
        yield stub


def shown_id(terminal: Terminal, session: str) -> str:
    """The short id the app showed for its submitted inquiry."""
    terminal.session = session
    screen = terminal.wait_for(SUBMITTED)
    line = next(line for line in screen.splitlines() if SUBMITTED in line)
    return line.split(SUBMITTED, 1)[1].split("。")[0].strip()


def test_two_tuis_capture_and_submit_on_one_store(
    terminal: Terminal, tmp_path: Path, data_dir: Path, backend: BackendStub
) -> None:
    # Online: each TUI also has its background delivery on the store.
    config_file = online_config(tmp_path, data_dir, backend.url)
    database = data_dir / "intake.sqlite3"
    # Both are started before either types: a start offers other drafts to resume.
    open_form(terminal, config_file)
    first = terminal.session
    open_form(terminal, config_file)
    second = terminal.session

    # Field by field in turn, so that both write drafts into the store all the time.
    for index, entry in enumerate(STANDARD):
        for session in (first, second):
            terminal.session = session
            if entry.text:
                terminal.type(entry.text)
            terminal.press(entry.key)
            if index + 1 < len(STANDARD):
                terminal.wait_for_focus(STANDARD[index + 1].label)
            else:
                terminal.wait_for(REVIEW_READY)
    kept = {entry.path: entry.stored for entry in STANDARD}
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        drafts = [row for row in read_rows(database) if row["status"] == "draft"]
        if len(drafts) == 2 and all(d["record"]["fields"] == kept for d in drafts):
            break
        time.sleep(POLL_S)
    else:
        raise AssertionError(f"the two drafts are not both whole: {read_rows(database)}")

    # Both submit at once.
    for session in (first, second):
        terminal.session = session
        terminal.press("Enter")
    shown = [shown_id(terminal, session) for session in (first, second)]
    screens = []
    for session in (first, second):
        terminal.session = session
        screens.append(terminal.screen())
        terminal.press("C-q")
        assert terminal.wait_exit() == 0
    assert_no_lock_error(*screens)

    rows = read_rows(database)
    assert sorted(row["status"] for row in rows) == ["submitted", "submitted"]
    ids = sorted(row["id"] for row in rows)
    assert sorted(record_id[:8] for record_id in ids) == sorted(shown)
    lines = (data_dir / "inquiries.jsonl").read_text(encoding="utf-8").splitlines()
    assert sorted(json.loads(line)["id"] for line in lines) == ids
    final = run_cli("--config", str(config_file), "sync", "--timeout", "10")
    assert final.returncode == 0, final.stderr
    assert {record_id: backend.stored_ids[record_id] for record_id in ids} == dict.fromkeys(ids, 1)
    assert integrity(database) == "ok"


def online_config(folder: Path, data_dir: Path, url: str) -> Path:
    """A config with the backend on loopback, short timeouts and quick retries."""
    path = folder / "online.toml"
    path.write_text(
        f'[app]\noperator = "op-e2e"\n\n[storage]\ndata_dir = {json.dumps(str(data_dir))}\n\n'
        f'[backend]\nenabled = true\nurl = "{url}"\ntimeout_s = 2\nconnect_timeout_s = 1\n'
        "retry_base_s = 0.1\nretry_cap_s = 1\nsync_timeout_s = 10\n",
        encoding="utf-8",
    )
    return path


class Beside:
    """``sync``, ``export`` and ``forget --yes`` run over and over in a thread, as real commands."""

    def __init__(self, config: Path, folder: Path) -> None:
        self._config = config
        self._folder = folder
        self.runs: list[tuple[str, int, str]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="beside", daemon=True)

    def _commands(self, number: int) -> list[tuple[str, ...]]:
        export = self._folder / f"export-{number}.jsonl"
        return [
            ("sync", "--timeout", "3"),
            ("export", "--format", "jsonl", "-o", str(export)),
            ("forget", "--mobile", OTHER_MOBILE, "--yes"),
        ]

    def _loop(self) -> None:
        number = 0
        while not self._stop.is_set():
            number += 1
            for command in self._commands(number):
                done = run_cli("--config", str(self._config), *command, timeout=60)
                self.runs.append((command[0], done.returncode, done.stdout + done.stderr))

    def __enter__(self) -> Beside:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(120)


def import_other_caller(config: Path, folder: Path, count: int) -> None:
    """Records of another caller, imported and queued as if captured earlier."""
    source = folder / "other.jsonl"
    records = [
        raw_record(contact__mobile=OTHER_MOBILE, company__name=f"无锡{n}号新材料有限公司")
        for n in range(count)
    ]
    source.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n")
    done = run_cli("--config", str(config), "import", str(source))
    assert done.returncode == 0, done.stderr


def test_a_tui_beside_sync_export_and_forget(
    terminal: Terminal, tmp_path: Path, data_dir: Path, backend: BackendStub
) -> None:
    config = online_config(tmp_path, data_dir, backend.url)
    database = data_dir / "intake.sqlite3"
    import_other_caller(config, tmp_path, 20)

    with Beside(config, tmp_path) as beside:
        open_form(terminal, config)
        key_in(terminal)
        wait_for_draft(database, {entry.path: entry.stored for entry in STANDARD})
        # The forget above may run at any moment; more of that caller's calls come in.
        import_other_caller(config, tmp_path, 5)
        terminal.press("Enter")
        short_id = shown_id(terminal, terminal.session)
        wait_until(lambda: len(beside.runs) >= 9, "three rounds of sync, export and forget")
    screen = terminal.screen()
    terminal.press("C-q")
    assert terminal.wait_exit() == 0

    assert_no_lock_error(screen, *(output for _name, _status, output in beside.runs))
    statuses = Counter((name, status) for name, status, _output in beside.runs)
    # sync ends 1 while a record is still on its way (the TUI may be sending it).
    assert {name for name, status in statuses if status not in (0, 1)} == set(), statuses
    assert {status for (name, status) in statuses if name != "sync"} == {0}, statuses

    # The last forget ran after the last import: nothing of that caller is left.
    assert (
        run_cli("--config", str(config), "forget", "--mobile", OTHER_MOBILE, "--yes").returncode
        == 0
    )
    rows = read_rows(database)
    mine = [row for row in rows if row["id"].startswith(short_id)]
    assert [row["status"] for row in mine] == ["submitted"]
    assert all(row["record"]["contact"]["mobile"] != OTHER_MOBILE for row in rows)
    lines = (data_dir / "inquiries.jsonl").read_text(encoding="utf-8").splitlines()
    filed = [json.loads(line) for line in lines]
    assert [record["id"] for record in filed] == [mine[0]["id"]]
    assert all(record["contact"]["mobile"] != OTHER_MOBILE for record in filed)
    # Delivered exactly once, by whichever of the TUI and sync got to it.
    final = run_cli("--config", str(config), "sync", "--timeout", "10")
    assert final.returncode == 0, final.stderr
    assert backend.stored_ids[mine[0]["id"]] == 1
    assert integrity(database) == "ok"


def wait_until(ready: Callable[[], bool], what: str, timeout: float = 60.0) -> None:
    """Poll *ready* until true; fail naming *what* after *timeout* seconds."""
    deadline = time.monotonic() + timeout
    while not ready():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(POLL_S)


# -- a disk that fills up ----------------------------------------------------------------


def test_a_full_disk_in_the_real_program_is_reported_and_the_call_saved_elsewhere(
    terminal: Terminal, config_file: Path, data_dir: Path, isolated_dirs: Path
) -> None:
    with small_disk(data_dir):
        open_form(terminal, config_file)
        key_in(terminal, 3)
        wait_for_draft(data_dir / "intake.sqlite3", {STANDARD[0].path: STANDARD[0].stored})
        fill_disk(data_dir)
        key_in_from(terminal, 3, 8)
        # Toasts lose a wide character here and there in tmux's capture: short words only.
        terminal.wait_for("草稿没有保存", "Ctrl+S")

        terminal.press("C-s")
        terminal.wait_for("JSON 文件", "Esc 取消", str(isolated_dirs / "intake-tui-"))
        terminal.press("Enter")
        terminal.wait_for("已把当前登记", "intake-tui-")
        (rescued,) = isolated_dirs.glob("intake-tui-*.json")
        saved = json.loads(rescued.read_text(encoding="utf-8"))
        assert saved["fields"]["company.name"] == COMPANY

        # The store does not hold the call: the first Ctrl+Q only warns.
        terminal.press("C-q")
        terminal.wait_for("现在退出会丢失")
        assert terminal.exit_status() is None
        terminal.press("C-q")
        assert terminal.wait_exit() == 0
        assert "Traceback" not in terminal.screen()
        assert integrity(data_dir / "intake.sqlite3") == "ok"


def key_in_from(terminal: Terminal, start: int, stop: int) -> None:
    """Key in the standard inquiry's fields *start* to *stop* (exclusive)."""
    for index in range(start, stop):
        entry = STANDARD[index]
        if entry.text:
            terminal.type(entry.text)
        terminal.press(entry.key)
        terminal.wait_for_focus(STANDARD[index + 1].label)
