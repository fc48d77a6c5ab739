"""``intake-tui validate [FILE]``: check records and print one JSON line per record."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from intake_tui.cli import exit_codes
from intake_tui.cli.input_file import read_input
from intake_tui.i18n import Lang
from intake_tui.record.normalise import FieldIssue, normalise
from intake_tui.services.reading import BadInput
from intake_tui.services.runtime import Runtime


def result_line(ok: bool, lang: Lang, **parts: Any) -> str:
    """One output line, keys in the spec's order."""
    return json.dumps({"ok": ok, **parts}, ensure_ascii=False, separators=(",", ":"))


def issues_json(issues: tuple[FieldIssue, ...], lang: Lang) -> list[dict[str, str]]:
    """Errors or warnings as ``[{"field": ..., "message": ...}]``."""
    return [issue.as_json(lang) for issue in issues]


def run(args: argparse.Namespace, runtime: Runtime) -> int:
    """Validate every record of the input; exit 1 when any is invalid."""
    records = read_input(args.file, args.format, runtime.lang)
    if records is None:
        return exit_codes.USAGE
    filling = runtime.filling(submitted=False)
    lang = runtime.lang
    invalid = 0
    out = sys.stdout
    for item in records:
        if isinstance(item, BadInput):
            invalid += 1
            error = {"field": "", "message": item.message.text(lang)}
            out.write(result_line(False, lang, errors=[error], warnings=[]) + "\n")
            continue
        outcome = normalise(item.value, filling)
        warnings = issues_json(outcome.warnings, lang)
        if outcome.ok and outcome.inquiry is not None:
            line = result_line(True, lang, inquiry=outcome.inquiry.document(), warnings=warnings)
        else:
            invalid += 1
            line = result_line(
                False, lang, errors=issues_json(outcome.errors, lang), warnings=warnings
            )
        out.write(line + "\n")
    out.flush()
    if records.failed:
        return exit_codes.USAGE
    return exit_codes.PARTIAL if invalid else exit_codes.OK
