"""Issue 5: kill -9 at random moments while the standard inquiry is typed; nothing accepted is lost.

Each trial starts the installed command on a fresh data folder, keys in the standard
inquiry up to a random key (in the middle of a field, or right after the key that accepts
one), waits a random moment, and kills the app. The store must then pass
``PRAGMA integrity_check`` and hold every field that was accepted long enough ago:

    A field counts as accepted once the app has moved the cursor on from it (the screen
    shows the focus in the next field): the draft is handed to the saver before the
    cursor moves. An accepted field must be in the store within ``AUTOSAVE_BOUND_S``;
    one accepted less than that before the kill may or may not be there. Whatever the
    draft holds must be exactly what was accepted: never a half-typed value.

Every fifth trial the app is started again on the killed files and the draft is resumed
on screen. The seed is printed and written, with the figures, to ``kill_while_typing.json``
in the test's tmp folder; ``INTAKE_TUI_KILL_SEED`` replays a run, ``INTAKE_TUI_KILL_TRIALS``
sets how many trials run.
"""

from __future__ import annotations

import json
import os
import random
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.e2e.inquiry import (
    STANDARD,
    Entry,
    draft_fields,
    integrity,
    open_form,
    snapshot,
)
from tests.e2e.terminal import Terminal
from tests.e2e.test_crash import assert_every_field_on_screen, resume

pytestmark = pytest.mark.e2e

#: How long after acceptance a field must be in the store. The saver is handed each
#: accepted field at once and a save takes milliseconds (docs/PERFORMANCE.md, "Save
#: durability"); a second covers a loaded 2-core CI machine.
AUTOSAVE_BOUND_S = 1.0
TRIALS = int(os.environ.get("INTAKE_TUI_KILL_TRIALS", "20"))
RESUME_EVERY = 5
NO_COMPANY = "（未填企业）"

#: Every key of the standard inquiry as (entry index, characters of its text typed so far),
#: with None for the key that accepts the entry: a kill can come after any of them.
UNITS: tuple[tuple[int, int | None], ...] = tuple(
    unit
    for index, entry in enumerate(STANDARD)
    for unit in [*((index, typed) for typed in range(1, len(entry.text) + 1)), (index, None)]
)


@dataclass
class Figures:
    """What the run did and found (written to the JSON report)."""

    seed: int
    trials: int = 0
    kills: int = 0
    kills_mid_field: int = 0
    kills_right_after_accept: int = 0
    resumed_on_screen: int = 0
    accepted_fields_checked: int = 0
    fields_lost: int = 0
    fields_in_flight: int = 0
    fields_in_flight_kept: int = 0
    wrong_values: int = 0
    integrity_failures: int = 0
    problems: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Keyed:
    """What one trial keyed in before the kill."""

    #: Dotted path -> when the app was seen to have moved on from the field (monotonic).
    accepted_at: dict[str, float]
    #: The entry whose accepting key was the last key sent (not yet seen accepted), if any.
    pending: Entry | None
    #: The entry being typed when the kill came, if it came mid-field.
    partial: Entry | None


def key_in_until(term: Terminal, units: int) -> Keyed:
    """Key in the standard inquiry's first *units* keys; note when each field was accepted."""
    last_index, last_typed = UNITS[units - 1]
    accepted_at: dict[str, float] = {}
    for index, entry in enumerate(STANDARD[: last_index + 1]):
        if index == last_index and last_typed is not None:
            term.type(entry.text[:last_typed])
            return Keyed(accepted_at, None, entry)
        if entry.text:
            term.type(entry.text)
        term.press(entry.key)
        if index == last_index:
            return Keyed(accepted_at, entry, None)
        # Keys sent now could still reach the field being left: wait until it is left.
        term.wait_for_focus(STANDARD[index + 1].label)
        accepted_at[entry.path] = time.monotonic()
    raise AssertionError("unreachable: the last unit ends the loop")


def write_config(folder: Path) -> tuple[Path, Path]:
    """A config keeping the trial's data in its own folder; (config file, store file)."""
    folder.mkdir()
    data = folder / "data"
    config = folder / "intake_tui.toml"
    config.write_text(
        f'[app]\noperator = "op-e2e"\n\n[storage]\ndata_dir = {json.dumps(str(data))}\n',
        encoding="utf-8",
    )
    return config, data / "intake.sqlite3"


def pick_units(rng: random.Random, number: int, resuming: bool) -> int:
    """How many keys to send: odd trials stop mid-field, even ones right after an accepting key.

    A resumed trial goes past the first field, so that there is a draft to resume.
    """
    mid_field = number % 2 == 1
    pool = [
        count
        for count, (index, typed) in enumerate(UNITS, start=1)
        if (typed is not None) == mid_field and (index > 0 or not resuming)
    ]
    return rng.choice(pool)


def pick_delay(rng: random.Random, resuming: bool) -> float:
    """How long to wait before the kill: at once, within the bound, or past it."""
    if resuming:
        return AUTOSAVE_BOUND_S + rng.uniform(0.05, 0.4)
    return rng.choice(
        [0.0, rng.uniform(0.0, AUTOSAVE_BOUND_S), AUTOSAVE_BOUND_S + rng.uniform(0.05, 0.4)]
    )


def check_store(figures: Figures, number: int, crashed: Path, keyed: Keyed, killed: float) -> None:
    """Integrity, and the honest rule for each accepted field (see the module docstring)."""
    found = integrity(crashed)
    if found != "ok":
        figures.integrity_failures += 1
        figures.problems.append(f"trial {number}: integrity_check {found!r}")
        return
    draft = draft_fields(crashed)
    expected = {entry.path: entry.stored for entry in STANDARD}
    for path, at in keyed.accepted_at.items():
        if at + AUTOSAVE_BOUND_S <= killed:
            figures.accepted_fields_checked += 1
            if draft.get(path) != expected[path]:
                figures.fields_lost += 1
                figures.problems.append(f"trial {number}: lost {path} (draft {draft})")
        else:
            figures.fields_in_flight += 1
            figures.fields_in_flight_kept += path in draft
    if keyed.pending is not None:
        figures.fields_in_flight += 1
        figures.fields_in_flight_kept += keyed.pending.path in draft
    allowed = set(keyed.accepted_at) | ({keyed.pending.path} if keyed.pending else set())
    for path, text in draft.items():
        if path not in allowed or text != expected[path]:
            figures.wrong_values += 1
            figures.problems.append(f"trial {number}: draft holds {path}={text!r}")


def run_trial(
    term: Terminal, figures: Figures, rng: random.Random, number: int, folder: Path
) -> None:
    """One start, random typing, one kill, the checks; every RESUME_EVERY-th also a resume."""
    resuming = number % RESUME_EVERY == 0
    config, database = write_config(folder)
    units = pick_units(rng, number, resuming)
    open_form(term, config)
    keyed = key_in_until(term, units)
    time.sleep(pick_delay(rng, resuming))
    killed = time.monotonic()
    term.kill_app()
    figures.trials += 1
    figures.kills += 1
    figures.kills_mid_field += keyed.partial is not None
    figures.kills_right_after_accept += keyed.pending is not None
    crashed = snapshot(database, folder / "crashed")
    check_store(figures, number, crashed, keyed, killed)
    if resuming:
        kept = draft_fields(crashed)
        entries = tuple(entry for entry in STANDARD if entry.path in kept)
        resume(term, config, kept.get("company.name", NO_COMPANY))
        assert_every_field_on_screen(term, entries)
        term.press("C-q")
        assert term.wait_exit() == 0
        assert integrity(database) == "ok"
        figures.resumed_on_screen += 1
    term.tmux("kill-session", "-t", term.session)


def test_kill_9_while_typing_loses_no_accepted_field(terminal: Terminal, tmp_path: Path) -> None:
    seed = int(os.environ.get("INTAKE_TUI_KILL_SEED", str(random.SystemRandom().randrange(2**32))))
    print(f"kill-while-typing seed {seed} (INTAKE_TUI_KILL_SEED={seed} replays it)")
    rng = random.Random(seed)
    figures = Figures(seed=seed)
    started = time.monotonic()
    report = tmp_path / "kill_while_typing.json"
    try:
        for number in range(1, TRIALS + 1):
            run_trial(terminal, figures, rng, number, tmp_path / f"trial-{number:02d}")
    finally:
        summary = {**figures.__dict__, "seconds": round(time.monotonic() - started, 1)}
        report.write_text(json.dumps(summary, ensure_ascii=False, indent=2), encoding="utf-8")
        print(json.dumps(summary, ensure_ascii=False))
    assert figures.trials == TRIALS
    assert figures.resumed_on_screen == TRIALS // RESUME_EVERY
    assert figures.accepted_fields_checked > 0
    assert (figures.fields_lost, figures.wrong_values, figures.integrity_failures) == (0, 0, 0), (
        figures.problems
    )
