"""``kill -9`` of ``forget`` and ``purge`` at random moments leaves no extra copy behind.

Each trial copies one seeded data folder, starts the real command, kills it after a random
delay within its usual run time, and then checks the promise:

- the next start of any command (here ``list``) removes a temporary file a killed rewrite
  left, and the next ``forget``/``purge`` removes it too (it holds copies of lines);
- once the command has been run again, no file in the data folder holds a byte of the
  caller's mobile or name, and everybody else's records are all still there.

The seed and the moments each kill hit are printed (``-s`` shows them).
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from intake_tui.store import Store
from tests.helpers import COMMAND, raw_record, run_cli
from tests.privacy.support import (
    TARGET_IDS,
    TARGET_MOBILE,
    TARGET_NAME,
    DataFolder,
    import_records,
    write_config,
)

TRIALS_PER_COMMAND = 12
#: Lines of other callers in the local file, so that the rewrite takes a while.
FILE_ONLY_LINES = 12000
STORED_OTHERS = 40
OLD = "2020-01-02T10:00:00+08:00"
COMMANDS = {
    "forget": ("forget", "--mobile", TARGET_MOBILE, "--yes"),
    "purge": ("purge", "--older-than", "365", "--yes"),
}
KNOWN_FILES = {"intake.sqlite3", "intake.sqlite3-wal", "intake.sqlite3-shm", "inquiries.jsonl"}


@dataclass(frozen=True)
class Seed:
    folder: DataFolder
    other_ids: frozenset[str]


def _other(number: int) -> dict[str, object]:
    record = raw_record(contact__mobile=f"1391{number:07d}", contact__name="李女士")
    return {**record, "id": f"00000000-0000-4000-8000-{number:012d}"}


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> Seed:
    """The caller's two old inquiries and many of other callers, in the store and the file."""
    base = tmp_path_factory.mktemp("seed")
    folder = write_config(base)
    target = [
        {
            **raw_record(contact__mobile=TARGET_MOBILE, contact__name=TARGET_NAME),
            "id": record_id,
            "created_at": OLD,
            "submitted_at": OLD,
        }
        for record_id in TARGET_IDS
    ]
    stored = [_other(number) for number in range(STORED_OTHERS)]
    import_records(folder, [*target, *stored])
    # Lines only in the file (an older desk's, say): written the way the sink writes them.
    with folder.jsonl.open("ab") as handle:
        for number in range(STORED_OTHERS, STORED_OTHERS + FILE_ONLY_LINES):
            line = json.dumps(_other(number), ensure_ascii=False, separators=(",", ":"))
            handle.write(line.encode() + b"\n")
    ids = {str(_other(number)["id"]) for number in range(STORED_OTHERS + FILE_ONLY_LINES)}
    return Seed(folder, frozenset(ids))


def _copy(seed: Seed, into: Path) -> DataFolder:
    data = into / "data"
    shutil.copytree(seed.folder.data, data)
    config = into / "intake.toml"
    config.write_text(
        seed.folder.config.read_text().replace(str(seed.folder.data), str(data)),
        encoding="utf-8",
    )
    return DataFolder(config, data)


def _run(folder: DataFolder, command: str) -> subprocess.CompletedProcess[bytes]:
    args = [str(COMMAND), *COMMANDS[command], "--config", str(folder.config)]
    return subprocess.run(args, capture_output=True, check=False, timeout=120)


def _rewriting(folder: DataFolder) -> bool:
    return any(path.suffix == ".tmp" for path in folder.data.iterdir())


def _killed_after(folder: DataFolder, command: str, delay: float, *, from_rewrite: bool) -> bool:
    """Start *command*, kill -9 it *delay* seconds after its start (or after its rewrite
    began); False when it finished first."""
    args = [str(COMMAND), *COMMANDS[command], "--config", str(folder.config)]
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        if from_rewrite:
            while process.poll() is None and not _rewriting(folder):
                time.sleep(0.001)
        process.wait(timeout=delay)
    except subprocess.TimeoutExpired:
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        return True
    return False


def _leftovers(folder: DataFolder) -> list[str]:
    return sorted(path.name for path in folder.data.iterdir() if path.name not in KNOWN_FILES)


def _holding_personal_data(folder: DataFolder) -> list[str]:
    needles = (TARGET_MOBILE.encode(), TARGET_NAME.encode())
    return sorted(
        path.name
        for path in folder.data.rglob("*")
        if path.is_file() and any(needle in path.read_bytes() for needle in needles)
    )


def _moment(folder: DataFolder, seed: Seed) -> str:
    """Which part of the work a kill interrupted, read from what it left."""
    if _rewriting(folder):
        return "during the file rewrite"
    file_done = TARGET_MOBILE.encode() not in folder.jsonl.read_bytes()
    with Store.open(folder.store_path) as store:
        store_done = all(store.get(record_id) is None for record_id in TARGET_IDS)
    if store_done:
        return "after the store erase"
    return "between the rewrite and the store erase" if file_done else "before the rewrite"


def _usual_durations(seed: Seed, into: Path, command: str) -> tuple[float, float]:
    """How long one undisturbed run takes, and how much of it is left once the rewrite began."""
    folder = _copy(seed, into)
    args = [str(COMMAND), *COMMANDS[command], "--config", str(folder.config)]
    started = time.monotonic()
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    rewrite_began = None
    while process.poll() is None:
        if rewrite_began is None and _rewriting(folder):
            rewrite_began = time.monotonic()
        time.sleep(0.001)
    ended = time.monotonic()
    assert process.wait() == 0
    assert rewrite_began is not None, "the rewrite was never seen"
    return ended - started, ended - rewrite_began


@pytest.mark.slow
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_kill_9_at_any_moment_leaves_no_copy_of_the_erased_caller(
    seed: Seed, tmp_path: Path, command: str
) -> None:
    rng_seed = int(os.environ.get("REMOVAL_KILL_SEED", random.SystemRandom().randrange(2**32)))
    rng = random.Random(rng_seed)
    duration, tail = _usual_durations(seed, tmp_path / "measure", command)
    moments: Counter[str] = Counter()
    for trial in range(TRIALS_PER_COMMAND):
        folder = _copy(seed, tmp_path / f"trial-{trial}")
        # Half the kills anywhere in the run, half once the rewrite has begun (the moments
        # that matter most: the rewrite, the rename, the store's erase and checkpoint).
        from_rewrite = trial % 4 >= 2
        delay = rng.uniform(0, tail) if from_rewrite else rng.uniform(0.05, duration)
        killed = _killed_after(folder, command, delay, from_rewrite=from_rewrite)
        moments[_moment(folder, seed) if killed else "finished before the kill"] += 1
        if trial % 2 == 0:
            # The next start of any command removes a killed rewrite's temporary file.
            listed = run_cli("list", "--config", str(folder.config))
            assert listed.returncode == 0, listed.stderr
            assert _leftovers(folder) == [], (trial, delay)
        # The same command again finishes the job (and removes any leftover itself).
        again = _run(folder, command)
        assert again.returncode == 0, (trial, delay, again.stderr.decode())
        assert _leftovers(folder) == [], (trial, delay)
        assert _holding_personal_data(folder) == [], (trial, delay)
        with Store.open(folder.store_path) as store:
            assert store.count() == STORED_OTHERS
        kept = {json.loads(line)["id"] for line in folder.jsonl.read_bytes().splitlines()}
        assert kept == seed.other_ids, (trial, delay)
    print(
        f"\n{command}: seed {rng_seed}, usual run {duration:.2f} s ({tail:.2f} s from the "
        f"rewrite), kills: {dict(moments)}"
    )


def _killed_during_the_rewrite(folder: DataFolder, command: str) -> bool:
    """Start *command* and kill -9 it the moment its temporary file appears; False if none did."""
    args = [str(COMMAND), *COMMANDS[command], "--config", str(folder.config)]
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while process.poll() is None:
            if _rewriting(folder):
                os.kill(process.pid, signal.SIGKILL)
                process.wait()
                return True
            time.sleep(0.001)
        return False
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_kill_during_the_rewrite_leaves_a_file_the_next_start_removes(
    seed: Seed, tmp_path: Path, command: str
) -> None:
    folder = _copy(seed, tmp_path)
    assert _killed_during_the_rewrite(folder, command), "the rewrite was never caught"
    assert [name for name in _leftovers(folder) if name.endswith(".tmp")]

    listed = run_cli("list", "--config", str(folder.config))

    assert listed.returncode == 0, listed.stderr
    assert _leftovers(folder) == []


def test_the_next_forget_erases_a_killed_rewrites_copy_too(seed: Seed, tmp_path: Path) -> None:
    """The temporary file of a killed forget holds other callers' lines: the next forget of
    one of them must not leave that copy behind."""
    folder = _copy(seed, tmp_path)
    assert _killed_during_the_rewrite(folder, "forget"), "the rewrite was never caught"
    other = _other(STORED_OTHERS + 7)
    mobile = str(other["contact"]["mobile"])  # type: ignore[index]

    result = run_cli("forget", "--mobile", mobile, "--yes", "--config", str(folder.config))

    assert result.returncode == 0, result.stderr
    assert _leftovers(folder) == []
    held = [
        path.name
        for path in folder.data.iterdir()
        if str(other["id"]).encode() in path.read_bytes()
    ]
    assert held == []
