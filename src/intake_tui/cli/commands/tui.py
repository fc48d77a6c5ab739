"""``intake-tui`` without a command: the operator's capture screen."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from intake_tui.cli import exit_codes
from intake_tui.config.errors import ConfigError
from intake_tui.config.location import peek_language

if TYPE_CHECKING:
    from intake_tui.services.runtime import Runtime


def run(args: argparse.Namespace) -> int:
    """Start the TUI and return when the operator quits.

    The configuration is validated inside the app (after its first frame); a bad file
    ends the app at once and is reported here like for every other command, exit 2.
    """
    from intake_tui.tui.app import IntakeApp

    def load() -> Runtime:
        # Imported here: validation (pydantic) loads in the app's worker, after the first frame.
        # Logging is set up here too, off the path to the first frame.
        from intake_tui.logs import install_logging, protect_env
        from intake_tui.services.runtime import load_runtime

        install_logging()
        runtime = load_runtime(args.config, args.lang)
        protect_env(runtime.config.backend.token_env)
        # Retention is applied by the app once it has checked the store.
        return runtime

    lang = args.lang or peek_language(args.config)
    app = IntakeApp(
        loader=load,
        lang=lang,
        offline=bool(getattr(args, "offline", False)),
    )
    app.run()
    error = app.load_error
    if error is not None:
        if isinstance(error, ConfigError):
            print(error.render(args.lang or error.lang), file=sys.stderr)
        else:
            print(error.message.text(lang), file=sys.stderr)
        return exit_codes.USAGE
    return exit_codes.OK if app.return_code in (None, 0) else exit_codes.PARTIAL
