"""Shared bits of the config tests: the sample file and a quick way to write a config."""

from __future__ import annotations

from pathlib import Path
from typing import Final

REPO_ROOT: Final = Path(__file__).resolve().parents[2]
SAMPLE: Final = REPO_ROOT / "sample_config.toml"

#: Wording of the validation library that must never reach a deployer.
LIBRARY_WORDS: Final = ("Input should", "validation error", "pydantic", "type=", "Field required")


def write_config(folder: Path, text: str, name: str = "intake_tui.toml") -> Path:
    """Write *text* as a UTF-8 config file in *folder* and return its path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path
