"""``intake-tui check-config [PATH]``: validate a config file and print the effective settings."""

from __future__ import annotations

import argparse
import sys

from intake_tui.cli import exit_codes
from intake_tui.config.describe import describe_config
from intake_tui.config.loading import ConfigError, load_config
from intake_tui.i18n import Lang


def run(args: argparse.Namespace, lang: Lang | None) -> int:
    """Exit 0 and print the settings when the file is valid, else 2 with every problem."""
    explicit = args.path or getattr(args, "config", None)
    hint = getattr(args, "lang", None)
    try:
        loaded = load_config(explicit, lang_hint=hint)
    except ConfigError as exc:
        print(exc.render(hint or exc.lang), file=sys.stderr)
        return exit_codes.USAGE
    print(describe_config(loaded, hint or loaded.config.app.language))
    return exit_codes.OK
