"""``intake-tui schema``: the JSON Schema (draft 2020-12) of the record."""

from __future__ import annotations

import argparse
import json
import sys

from intake_tui.cli import exit_codes
from intake_tui.i18n import Lang
from intake_tui.record.model import json_schema


def run(args: argparse.Namespace, lang: Lang) -> int:
    """Print the schema."""
    sys.stdout.write(json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n")
    return exit_codes.OK
