"""Screenshots of every screen in Chinese on the smallest supported terminal, 80x24.

After an intended change to the look, run with ``--snapshot-update`` and look at the new
SVGs in ``__snapshots__`` before keeping them.
"""

from __future__ import annotations

import pytest

from intake_tui.services.runtime import Runtime
from intake_tui.tui.app import IntakeApp
from tests.tui.conftest import keys_before
from tests.tui.snapshot_cases import STEPS, Compare, after, seed_drafts, seed_history

SIZE = (80, 24)


@pytest.mark.parametrize("step", STEPS)
def test_capture_step(snap_compare: Compare, runtime: Runtime, step: str) -> None:
    app = IntakeApp(runtime)
    assert snap_compare(app, terminal_size=SIZE, run_before=after(*keys_before(step)))


def test_history(snap_compare: Compare, runtime: Runtime) -> None:
    seed_history(runtime)
    assert snap_compare(IntakeApp(runtime), terminal_size=SIZE, run_before=after("f4"))


def test_drafts_offered_after_a_restart(snap_compare: Compare, runtime: Runtime) -> None:
    seed_drafts(runtime)
    assert snap_compare(IntakeApp(runtime), terminal_size=SIZE, run_before=after())


def test_help(snap_compare: Compare, runtime: Runtime) -> None:
    assert snap_compare(IntakeApp(runtime), terminal_size=SIZE, run_before=after("f1"))
