"""Files nobody else can read or plant: links, loose modes and other users' files are refused.

Every case runs the installed command. A refusal is exit 2 with a message naming the path
and the fix, and the file (or what a planted link points at) is left exactly as it was.
The tests run as root, so "another user" is simulated with ``os.chown`` to uid 65534.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import subprocess
from pathlib import Path

import pytest

from intake_tui import logs
from tests.helpers import COMMAND, raw_record, run_cli
from tests.privacy.support import (
    OTHER_ID,
    TARGET_IDS,
    TARGET_MOBILE,
    DataFolder,
    seed_two_callers,
    write_config,
)

NOBODY = 65534
MORE_ID = "66666666-6666-4666-8666-666666666666"


@pytest.fixture
def folder(tmp_path: Path) -> DataFolder:
    seeded = write_config(tmp_path)
    seed_two_callers(seeded)
    return seeded


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def _seed_file(folder: DataFolder) -> Path:
    """A file with one more valid record, to import."""
    source = folder.config.parent / "more.jsonl"
    record = {**raw_record(contact__mobile="13600001111"), "id": MORE_ID}
    source.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    return source


# -- the local file as a link (a USB stick) --------------------------------------------------


def test_a_linked_local_file_is_refused_and_the_target_keeps_everything(
    folder: DataFolder, tmp_path: Path
) -> None:
    stick = tmp_path / "usb"
    stick.mkdir(mode=0o700)
    target = stick / "inquiries.jsonl"
    folder.jsonl.rename(target)
    folder.jsonl.symlink_to(target)
    before = _digest(target)

    result = run_cli("forget", "--mobile", TARGET_MOBILE, "--yes", "--config", str(folder.config))

    assert result.returncode == 2, result.stdout + result.stderr
    assert str(folder.jsonl) in result.stderr and str(target) in result.stderr
    assert "file_sink.path" in result.stderr  # the fix: name the real place
    assert folder.jsonl.is_symlink() and folder.jsonl.resolve() == target
    assert _digest(target) == before
    with folder.open_store() as store:  # nothing half-forgotten either
        assert all(store.get(record_id) is not None for record_id in TARGET_IDS)


def test_the_file_on_the_stick_named_in_the_config_is_rewritten_where_it_is(
    folder: DataFolder, tmp_path: Path
) -> None:
    stick = tmp_path / "usb"
    stick.mkdir(mode=0o700)
    target = stick / "inquiries.jsonl"
    folder.jsonl.rename(target)
    config = folder.config.read_text() + f'[file_sink]\npath = "{target}"\n'
    folder.config.write_text(config)

    result = run_cli("forget", "--mobile", TARGET_MOBILE, "--yes", "--config", str(folder.config))

    assert result.returncode == 0, result.stderr
    raw = target.read_bytes()
    assert TARGET_MOBILE.encode() not in raw and OTHER_ID.encode() in raw
    assert _mode(target) == 0o600
    assert not folder.jsonl.exists()


# -- planted links ---------------------------------------------------------------------------


def _plant(link: Path, tmp_path: Path) -> Path:
    """A link at *link* to a trap file elsewhere; returns the trap."""
    trap = tmp_path / "elsewhere" / f"trap-{link.name}"
    trap.parent.mkdir(exist_ok=True)
    trap.write_bytes(b"not yours\n")
    link.unlink(missing_ok=True)
    link.symlink_to(trap)
    return trap


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm"])
def test_a_planted_link_for_the_store_or_its_companions_is_refused(
    folder: DataFolder, tmp_path: Path, suffix: str
) -> None:
    link = folder.store_path.with_name(folder.store_path.name + suffix)
    trap = _plant(link, tmp_path)

    result = run_cli("list", "--config", str(folder.config))

    assert result.returncode == 2, result.stdout + result.stderr
    assert str(link) in result.stderr and str(trap) in result.stderr
    assert trap.read_bytes() == b"not yours\n"
    assert link.is_symlink()


def test_a_planted_link_for_the_local_file_is_refused_and_not_followed(
    folder: DataFolder, tmp_path: Path
) -> None:
    trap = _plant(folder.jsonl, tmp_path)

    result = run_cli("import", str(_seed_file(folder)), "--config", str(folder.config))

    assert result.returncode == 2, result.stdout + result.stderr
    assert str(folder.jsonl) in result.stderr
    assert trap.read_bytes() == b"not yours\n"


def test_the_sink_itself_never_writes_through_a_link(tmp_path: Path) -> None:
    from intake_tui.sinks.jsonl import JsonlSink

    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    trap = _plant(folder / "inquiries.jsonl", tmp_path)
    sink = JsonlSink(folder / "inquiries.jsonl")
    with pytest.raises(OSError):
        sink.append({"id": "x", "revision": 1})
    with pytest.raises(OSError):
        sink.rewrite(lambda raw, record: True)
    assert trap.read_bytes() == b"not yours\n"
    assert (folder / "inquiries.jsonl").is_symlink()


def test_an_export_onto_a_link_is_refused(folder: DataFolder, tmp_path: Path) -> None:
    link = tmp_path / "leads.csv"
    trap = _plant(link, tmp_path)

    result = run_cli("export", "--format", "csv", "-o", str(link), "--config", str(folder.config))

    assert result.returncode == 2, result.stdout + result.stderr
    assert str(link) in result.stderr
    assert link.is_symlink() and trap.read_bytes() == b"not yours\n"


def test_a_planted_link_for_the_log_is_refused(folder: DataFolder, tmp_path: Path) -> None:
    log = logs.log_dir() / logs.LOG_FILE_NAME
    log.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    trap = _plant(log, tmp_path)

    result = run_cli("list", "--config", str(folder.config))

    assert result.returncode == 2, result.stdout + result.stderr
    assert str(log) in result.stderr
    assert trap.read_bytes() == b"not yours\n"


# -- modes and owners ------------------------------------------------------------------------


def _store(folder: DataFolder) -> Path:
    return folder.store_path


def _local_file(folder: DataFolder) -> Path:
    return folder.jsonl


def _log_file(folder: DataFolder) -> Path:
    # A forget logs what it removed: the log file's first line.
    run_cli("forget", "--mobile", "13900000000", "--yes", "--config", str(folder.config))
    return logs.log_dir() / logs.LOG_FILE_NAME


WHICH = {"store": _store, "local file": _local_file, "log": _log_file}


@pytest.mark.parametrize("mode", [0o644, 0o660, 0o604])
@pytest.mark.parametrize("which", sorted(WHICH))
def test_a_file_others_may_read_or_write_is_refused_with_the_fix(
    folder: DataFolder, which: str, mode: int
) -> None:
    path = WHICH[which](folder)
    assert path.exists()
    path.chmod(mode)
    before = _digest(path)

    result = run_cli("import", str(_seed_file(folder)), "--config", str(folder.config))

    assert result.returncode == 2, result.stdout + result.stderr
    assert f"chmod 600 {path}" in result.stderr
    assert f"{mode:04o}" in result.stderr
    assert _digest(path) == before and _mode(path) == mode


@pytest.mark.parametrize("which", sorted(WHICH))
def test_a_file_owned_by_another_user_is_refused_naming_the_owner_and_the_fix(
    folder: DataFolder, which: str
) -> None:
    path = WHICH[which](folder)
    os.chown(path, NOBODY, NOBODY)
    before = _digest(path)

    result = run_cli(
        "import", str(_seed_file(folder)), "--lang", "en", "--config", str(folder.config)
    )

    assert result.returncode == 2, result.stdout + result.stderr
    assert f"{path} belongs to another user (uid {NOBODY})" in result.stderr
    assert f"chown {os.geteuid()} {path}" in result.stderr and f"chmod 600 {path}" in result.stderr
    assert _digest(path) == before


def test_a_wal_open_to_others_is_refused(folder: DataFolder) -> None:
    wal = folder.store_path.with_name(folder.store_path.name + "-wal")
    wal.write_bytes(b"")
    wal.chmod(0o644)

    result = run_cli("list", "--config", str(folder.config))

    assert result.returncode == 2, result.stdout + result.stderr
    assert f"chmod 600 {wal}" in result.stderr


def test_a_data_folder_others_may_write_is_refused(folder: DataFolder) -> None:
    folder.data.chmod(0o777)

    result = run_cli("list", "--config", str(folder.config))

    assert result.returncode == 2, result.stdout + result.stderr
    assert f"chmod 700 {folder.data}" in result.stderr
    assert "0777" in result.stderr


def test_a_data_folder_owned_by_another_user_is_refused(folder: DataFolder) -> None:
    os.chown(folder.data, NOBODY, NOBODY)

    result = run_cli("list", "--lang", "en", "--config", str(folder.config))

    assert result.returncode == 2, result.stdout + result.stderr
    assert f"The folder {folder.data} belongs to another user (uid {NOBODY})" in result.stderr


def test_the_tui_refuses_a_store_open_to_others(folder: DataFolder) -> None:
    from intake_tui.services.runtime import load_runtime

    folder.store_path.chmod(0o644)
    runtime = load_runtime(folder.config, "en")
    from intake_tui.store.errors import StoreError

    with pytest.raises(StoreError) as refused:
        runtime.open_store()
    assert refused.value.key == "store.file_shared"


# -- created folders under any umask ---------------------------------------------------------


def _run_with_umask(umask: int, *args: str) -> subprocess.CompletedProcess[bytes]:
    def set_umask() -> None:
        os.umask(umask)

    return subprocess.run(
        [str(COMMAND), *args], capture_output=True, preexec_fn=set_umask, check=False, timeout=60
    )


@pytest.mark.parametrize("umask", [0o000, 0o002, 0o022])
def test_created_folders_are_0700_and_files_0600_under_any_umask(
    tmp_path: Path, umask: int
) -> None:
    data = tmp_path / "deep" / "er" / "data"
    config = tmp_path / "intake.toml"
    config.write_text(f'[storage]\ndata_dir = "{data}"\n')
    source = tmp_path / "one.jsonl"
    source.write_text(json.dumps(raw_record(), ensure_ascii=False) + "\n", encoding="utf-8")
    export = tmp_path / "out" / "sub" / "leads.csv"
    home = Path(os.environ["HOME"])

    imported = _run_with_umask(umask, "import", str(source), "--config", str(config))
    exported = _run_with_umask(
        umask, "export", "--format", "csv", "-o", str(export), "--config", str(config)
    )
    # forget logs what it removed, so the log folders and file are made too.
    forgot = _run_with_umask(
        umask, "forget", "--mobile", "13900000000", "--yes", "--config", str(config)
    )

    assert imported.returncode == 0, imported.stderr.decode()
    assert exported.returncode == 0, exported.stderr.decode()
    assert forgot.returncode == 0, forgot.stderr.decode()
    created = [
        tmp_path / "deep",
        tmp_path / "deep" / "er",
        data,
        tmp_path / "out",
        tmp_path / "out" / "sub",
        *(part for part in logs.log_dir().parents if home in part.parents),
        logs.log_dir(),
    ]
    assert {str(path): _mode(path) for path in created} == {str(path): 0o700 for path in created}
    files = [
        data / "intake.sqlite3",
        data / "inquiries.jsonl",
        export,
        logs.log_dir() / logs.LOG_FILE_NAME,
    ]
    assert {str(path): _mode(path) for path in files} == {str(path): 0o600 for path in files}
