"""Issue 3: the app is killed (-9) mid-call; started again, it offers the call back intact."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.e2e.inquiry import (
    COMPANY,
    REVIEW_READY,
    STANDARD,
    Entry,
    draft_fields,
    integrity,
    key_in,
    open_form,
    read_rows,
    snapshot,
    wait_for_draft,
)
from tests.e2e.terminal import Terminal, typed_under

pytestmark = pytest.mark.e2e

RESUME_TITLE = "有未完成的来电登记，是否继续？"
STEPS = ("need", "use", "tax", "company", "contact", "mobile")


def crash_mid_call(terminal: Terminal, config_file: Path, database: Path, accepted: int) -> None:
    """Key in the first *accepted* fields with their accepting key, then kill the app."""
    open_form(terminal, config_file)
    entries = key_in(terminal, accepted)
    if accepted < len(STANDARD):
        # The next field is being typed, not yet accepted, when the power goes.
        following = STANDARD[accepted]
        terminal.type(following.text[:2])
        terminal.wait_until(
            lambda screen: typed_under(screen, following.label).startswith(following.text[:2]),
            f"{following.text[:2]!r} typed into {following.label!r}",
        )
    # Drafts are written off the UI thread: a field counts as kept once the store has it.
    wait_for_draft(database, {entry.path: entry.stored for entry in entries})
    terminal.kill_app()


def resume(terminal: Terminal, config_file: Path, company_shown: str) -> None:
    """Start again on the same data and take the offer to continue the call."""
    terminal.start("--config", str(config_file))
    terminal.wait_for(RESUME_TITLE, company_shown)
    terminal.press("Enter")
    terminal.wait_until(lambda screen: RESUME_TITLE not in screen, "the offer to close")


def assert_every_field_on_screen(terminal: Terminal, entries: tuple[Entry, ...]) -> None:
    """Walk the form from its first step; each step shows what was accepted in it."""
    terminal.press(*["PPage"] * len(STEPS))
    last = max(STEPS.index(entry.step) for entry in entries)
    for index, step in enumerate(STEPS[: last + 1]):
        if index:
            terminal.press("NPage")
        terminal.wait_for(*[entry.shown for entry in entries if entry.step == step])


@pytest.mark.parametrize(
    "accepted",
    [
        pytest.param(4, id="first-step-done-typing-the-description"),
        pytest.param(8, id="company-done-typing-the-contact"),
        pytest.param(len(STANDARD), id="on-the-review-before-submitting"),
    ],
)
def test_every_accepted_field_survives_a_kill(
    terminal: Terminal, config_file: Path, data_dir: Path, tmp_path: Path, accepted: int
) -> None:
    database = data_dir / "intake.sqlite3"
    entries = STANDARD[:accepted]
    kept = {entry.path: entry.stored for entry in entries}
    crash_mid_call(terminal, config_file, database, accepted)

    # The files exactly as the kill left them (inspected on a copy, so that the app is
    # the first to open the originals again).
    crashed = snapshot(database, tmp_path / "crashed")
    assert integrity(crashed) == "ok"
    assert kept.items() <= draft_fields(crashed).items()

    company = kept.get("company.name", "（未填企业）")
    resume(terminal, config_file, company)
    assert_every_field_on_screen(terminal, entries)
    terminal.press("C-q")
    assert terminal.wait_exit() == 0

    assert integrity(database) == "ok"
    rows = read_rows(database)
    assert [row["status"] for row in rows] == ["draft"]
    assert kept.items() <= draft_fields(database).items()


def test_a_call_resumed_after_a_kill_is_submitted_once(
    terminal: Terminal, config_file: Path, data_dir: Path
) -> None:
    database = data_dir / "intake.sqlite3"
    crash_mid_call(terminal, config_file, database, len(STANDARD))
    (draft_id,) = [row["id"] for row in read_rows(database)]

    resume(terminal, config_file, COMPANY)
    terminal.press("F2")
    terminal.wait_for(REVIEW_READY)
    terminal.press("Enter")
    terminal.wait_for(f"已提交，编号 {draft_id[:8]}")
    terminal.press("C-q")
    assert terminal.wait_exit() == 0

    rows = read_rows(database)
    assert [(row["id"], row["status"]) for row in rows] == [(draft_id, "submitted")]
    lines = (data_dir / "inquiries.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["id"] for line in lines] == [draft_id]
    assert integrity(database) == "ok"
