"""The core stays a plain Python library: no Textual, and heavy imports stay deferred."""

from __future__ import annotations

import subprocess
import sys

CORE = [
    "intake_tui.i18n",
    "intake_tui.parsing.numbers",
    "intake_tui.parsing.area",
    "intake_tui.parsing.phone",
    "intake_tui.parsing.company",
    "intake_tui.record.normalise",
    "intake_tui.record.model",
    "intake_tui.config.loading",
    "intake_tui.store.database",
    "intake_tui.sinks.jsonl",
    "intake_tui.privacy.masking",
    "intake_tui.exporting.writers",
    "intake_tui.services.runtime",
    "intake_tui.services.submission",
    "intake_tui.services.reading",
]


def _loaded_after_import(modules: list[str]) -> set[str]:
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in modules)
        + "print('\\n'.join(sorted(sys.modules)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return set(result.stdout.split())


def test_core_never_imports_textual() -> None:
    loaded = _loaded_after_import(CORE)
    assert not {m for m in loaded if m == "textual" or m.startswith("textual.")}
    assert "intake_tui.tui" not in loaded


def test_slow_libraries_load_only_when_needed() -> None:
    loaded = _loaded_after_import(CORE)
    for heavy in ("cn2an", "pypinyin", "openpyxl", "email_validator"):
        assert heavy not in loaded, heavy
