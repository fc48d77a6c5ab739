"""Save the README's screenshots (SVG) from the app itself, driven by the keyboard.

Run: .venv/bin/python tools/screenshots.py   (writes docs/images/*.svg)
"""

from __future__ import annotations

import asyncio
import tempfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

from intake_tui.config.loading import load_config
from intake_tui.services.runtime import Runtime
from intake_tui.tui.app import IntakeApp

OUT = Path(__file__).resolve().parents[1] / "docs" / "images"
START = datetime(2026, 11, 29, 9, 30, tzinfo=timezone(timedelta(hours=8)))
SAMPLE = Path(__file__).resolve().parents[1] / "sample_config.toml"


def clock() -> datetime:
    """A fixed clock a little after the call started, so the timer reads 01:12."""
    return START + timedelta(seconds=72)


async def capture(data_dir: Path) -> None:
    config = data_dir / "intake.toml"
    sample = SAMPLE.read_text(encoding="utf-8")
    config.write_text(sample.replace('data_dir = ""', f'data_dir = "{data_dir}"'), "utf-8")
    runtime = Runtime(load_config(config), "zh", now=lambda: START)
    app = IntakeApp(runtime)
    async with app.run_test(size=(100, 30)) as pilot:
        for key in [
            "1",
            *"2000-3000",
            "enter",
            "2",
            "enter",
            *"工业机器人减速器精密装配与检测",
            "enter",
            *"1.2亿",
            "enter",
            "1",
            *"上海宝钢精密机械有限公司",
            "enter",
            *"张先生",
            "enter",
            *"1352467851",
        ]:
            await pilot.press(key)
        app.capture.query_one("StatusBar").now = clock  # type: ignore[attr-defined]
        await pilot.pause()
        app.save_screenshot(str(OUT / "capture.svg"))
        for key in ["5", "enter", "1"]:
            await pilot.press(key)
        await pilot.pause()
        app.save_screenshot(str(OUT / "review.svg"))


def main() -> None:
    """Write the screenshots."""
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        asyncio.run(capture(Path(folder)))
    print(f"written to {OUT}")


if __name__ == "__main__":
    main()
