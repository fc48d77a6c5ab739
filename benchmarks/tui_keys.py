"""Key presses per data character: the standard inquiry captured in the real app.

The keys are built from standard_inquiry.json in the capture order of the field table:
each typed value one character per press and Enter after it, each choice the option's
number, Enter to accept a default, and Enter on the review to submit. The app runs
headless (Textual's Pilot) on a fresh store; afterwards the store must hold exactly one
submitted inquiry whose normalised values are the ones the JSON describes, or the
benchmark fails. The issue's target: at most 1.25 keys per data character.

    python benchmarks/run.py tui_keys
    python benchmarks/tui_keys.py
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from common import RESULTS_DIR, Report
from tui_setup import standard_inquiry, write_config

TARGET_KEYS_PER_CHARACTER = 1.25


@dataclass(frozen=True)
class Step:
    """The keys for one field, and what the store should hold for it afterwards."""

    path: str
    keys: tuple[str, ...]
    data_characters: int
    expected: Any


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of this benchmark."""
    parser.add_argument(
        "--keep", action="store_true", help="keep the store under benchmarks/results/ to inspect"
    )


def _typed_value(kind: str, text: str) -> Any:
    """What the store should hold for a typed value, read plainly from the JSON text."""
    if kind == "area":
        low, _, high = text.partition("-")
        return {"min": float(low), "max": float(high or low)}
    if kind in ("money", "number"):
        return float(text)
    return text


def _chosen_code(value: Any) -> str | bool:
    """The code named in the JSON's "chosen" entry (``"C (the default, accepted)"`` → ``C``)."""
    return value if isinstance(value, bool) else str(value).split(" ", 1)[0]


def plan(inquiry: dict[str, Any]) -> list[Step]:
    """The key sequence for *inquiry*, field by field, in capture order."""
    from intake_tui.record.fields import FIELDS
    from intake_tui.tui.screens.capture import CONSENT_OPTIONS

    typed: dict[str, str] = inquiry["typed"]
    chosen: dict[str, Any] = inquiry["chosen"]
    known = {spec.path for spec in FIELDS}
    strangers = sorted((set(typed) | set(chosen)) - known)
    if strangers:
        raise SystemExit(f"standard_inquiry.json names fields the record lacks: {strangers}")
    steps: list[Step] = []
    for spec in FIELDS:
        if spec.path in typed:
            text = typed[spec.path]
            keys = (*text, "enter")
            steps.append(Step(spec.path, keys, len(text), _typed_value(spec.kind, text)))
        elif spec.path in chosen:
            code = _chosen_code(chosen[spec.path])
            if code == spec.default:
                steps.append(Step(spec.path, ("enter",), 0, code))
                continue
            options = CONSENT_OPTIONS if spec.kind == "bool" else spec.options or ()
            wanted = str(code).lower() if isinstance(code, bool) else code
            number = next(i for i, option in enumerate(options, 1) if option.code == wanted)
            steps.append(Step(spec.path, (str(number),), 0, code))
    steps.append(Step("review", ("enter",), 0, None))
    return steps


async def _drive(config: Path, keys: list[str]) -> None:
    """Start the app on *config*, wait for the capture screen, press *keys*, quit."""
    from intake_tui.services.runtime import load_runtime
    from intake_tui.tui.app import IntakeApp

    app = IntakeApp(load_runtime(config, None))
    async with app.run_test(size=(100, 40)) as pilot:
        while not app.capture.is_mounted:
            await pilot.pause()
        await pilot.pause()
        start = app.focused.id if app.focused is not None else None
        if start != "f-need-kind":
            raise SystemExit(f"the cursor starts in {start!r}, not in need.kind")
        for key in keys:
            await pilot.press(key)
        await pilot.pause()
        await app.workers.wait_for_complete()


def _value(record: dict[str, Any], path: str) -> Any:
    section, key = path.split(".", 1)
    return record.get(section, {}).get(key)


def verify(database: Path, steps: list[Step]) -> list[str]:
    """What is wrong with the store after the capture (empty when it is as expected)."""
    from intake_tui.store import Store

    with Store.open(database) as store:
        submitted = store.list(status="submitted")
        drafts = store.list(status="draft")
    if len(submitted) != 1:
        return [f"expected 1 submitted inquiry, found {len(submitted)} (and {len(drafts)} drafts)"]
    record = submitted[0].record
    problems = [
        f"{step.path}: stored {_value(record, step.path)!r}, expected {step.expected!r}"
        for step in steps
        if step.path != "review" and _value(record, step.path) != step.expected
    ]
    if record.get("warnings"):
        problems.append(f"unexpected warnings: {record['warnings']}")
    return problems


def run(args: argparse.Namespace) -> Report:
    """Capture the standard inquiry, verify the store, and report the key count."""
    steps = plan(standard_inquiry())
    keys = [key for step in steps for key in step.keys]
    characters = sum(step.data_characters for step in steps)
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="tui_keys-", dir=RESULTS_DIR))
    config = write_config(folder / "intake_tui.toml", folder / "data")
    asyncio.run(_drive(config, keys))
    problems = verify(folder / "data" / "intake.sqlite3", steps)
    if problems:
        raise SystemExit("the captured inquiry is wrong:\n  " + "\n  ".join(problems))
    if not args.keep:
        import shutil

        shutil.rmtree(folder)
    ratio = len(keys) / characters
    report = Report("tui_keys")
    report.table(
        "Keys per field of the standard inquiry (capture order)",
        ["field", "keys", "data characters", "pressed"],
        [
            [step.path, str(len(step.keys)), str(step.data_characters), _shown(step.keys)]
            for step in steps
        ],
    )
    verdict = "met" if ratio <= TARGET_KEYS_PER_CHARACTER else "NOT met"
    report.table(
        "Standard inquiry, captured in the real app and verified in the store",
        ["keys", "data characters", "keys per data character", "target", "verdict"],
        [[str(len(keys)), str(characters), f"{ratio:.3f}", "≤ 1.25", verdict]],
    )
    report.notes.append(
        "Verified: one submitted inquiry in the store, every captured value equal to the JSON."
    )
    report.data = {"keys": keys, "data_characters": characters, "ratio": ratio}
    return report


def _shown(keys: tuple[str, ...]) -> str:
    """Keys for a table cell: typed text joined, named keys in angle brackets."""
    return "".join(key if len(key) == 1 else f"⟨{key}⟩" for key in keys)


if __name__ == "__main__":
    import run as runner

    sys.exit(runner.main(["tui_keys", *sys.argv[1:]]))
