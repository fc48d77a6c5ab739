"""Entry point: parse the command line, load the configuration, run one command.

Command modules are imported only when chosen, so ``intake-tui`` (the TUI) and quick
commands do not pay for each other's imports.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from importlib import import_module
from typing import TYPE_CHECKING

from intake_tui import __version__
from intake_tui.cli import exit_codes, options
from intake_tui.i18n import LANGUAGES, Lang, render

if TYPE_CHECKING:
    from intake_tui.services.runtime import Runtime

#: Command name → module in ``intake_tui.cli.commands``.
COMMANDS: dict[str, str] = {
    "validate": "validate",
    "import": "import_records",
    "schema": "schema",
    "check-config": "check_config",
    "list": "list_records",
    "show": "show",
    "export": "export",
    "sync": "sync",
    "forget": "forget",
    "purge": "purge",
}
#: Commands that work without loading the configuration.
NO_CONFIG = frozenset({"schema", "check-config"})
#: Commands that apply ``privacy.retention_days`` before they start (the TUI does too).
RETENTION_ON_START = frozenset({"sync"})


def _peek_lang(argv: Sequence[str]) -> Lang:
    """The language for help and usage errors, before the parser exists."""
    for index, arg in enumerate(argv):
        value = None
        if arg == "--lang" and index + 1 < len(argv):
            value = argv[index + 1]
        elif arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
        if value == "en":
            return "en"
    return "zh"


def _common(lang: Lang, *, suppress: bool) -> argparse.ArgumentParser:
    """Options every command accepts, before or after the command name."""
    default = argparse.SUPPRESS if suppress else None
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--config", metavar="PATH", default=default, help=render("cli.help.config", lang)
    )
    common.add_argument(
        "--lang", choices=LANGUAGES, default=default, help=render("cli.help.lang", lang)
    )
    return common


def build_parser(lang: Lang) -> argparse.ArgumentParser:
    """The whole command line, with help in *lang*."""
    parser = argparse.ArgumentParser(
        prog="intake-tui",
        description=render("cli.help.description", lang),
        epilog=render("cli.help.epilog", lang),
        parents=[_common(lang, suppress=False)],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"intake-tui {__version__}")
    parser.add_argument("--offline", action="store_true", help=render("cli.help.offline", lang))
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    common = _common(lang, suppress=True)

    def command(name: str) -> argparse.ArgumentParser:
        summary = render(f"cli.help.{name}", lang)
        return commands.add_parser(name, help=summary, description=summary, parents=[common])

    validate = command("validate")
    validate.add_argument("file", nargs="?", metavar="FILE", help=render("cli.help.file_in", lang))
    validate.add_argument(
        "--format",
        choices=("auto", "json", "csv"),
        default="auto",
        help=render("cli.help.format_in", lang),
    )

    importing = command("import")
    importing.add_argument("file", metavar="FILE", help=render("cli.help.file_in", lang))
    importing.add_argument(
        "--format",
        choices=("auto", "json", "csv"),
        default="auto",
        help=render("cli.help.format_in", lang),
    )
    importing.add_argument(
        "--allow-newer-revisions",
        action="store_true",
        help=render("cli.help.allow_newer_revisions", lang),
    )

    command("schema")

    check = command("check-config")
    check.add_argument("path", nargs="?", metavar="PATH", help=render("cli.help.config", lang))

    listing = command("list")
    listing.add_argument(
        "--status",
        choices=("draft", "submitted", "all"),
        default="all",
        help=render("cli.help.status", lang),
    )
    listing.add_argument("--search", metavar="TEXT", help=render("cli.help.search", lang))
    listing.add_argument(
        "--limit",
        type=options.limit(lang),
        default=50,
        metavar="N",
        help=render("cli.help.limit", lang),
    )
    listing.add_argument("--json", action="store_true", help=render("cli.help.json", lang))

    show = command("show")
    show.add_argument("id", metavar="ID", help=render("cli.help.id", lang))
    show.add_argument("--unmasked", action="store_true", help=render("cli.help.unmasked", lang))

    export = command("export")
    export.add_argument(
        "--format",
        choices=("jsonl", "csv", "xlsx"),
        required=True,
        help=render("cli.help.format_out", lang),
    )
    export.add_argument(
        "-o", "--output", required=True, metavar="FILE", help=render("cli.help.output", lang)
    )
    export.add_argument(
        "--status",
        choices=("draft", "submitted", "all"),
        default="submitted",
        help=render("cli.help.status", lang),
    )
    export.add_argument("--unmasked", action="store_true", help=render("cli.help.unmasked", lang))

    sync = command("sync")
    sync.add_argument(
        "--timeout",
        type=options.timeout(lang),
        metavar="S",
        help=render("cli.help.sync_timeout", lang),
    )

    forget = command("forget")
    person = forget.add_mutually_exclusive_group(required=True)
    person.add_argument("--mobile", metavar="N", help=render("cli.help.mobile", lang))
    person.add_argument("--id", metavar="ID", help=render("cli.help.id", lang))
    forget.add_argument("--yes", action="store_true", help=render("cli.help.yes", lang))

    purge = command("purge")
    purge.add_argument(
        "--older-than",
        type=options.older_than(lang),
        required=True,
        metavar="DAYS",
        help=render("cli.help.older_than", lang),
    )
    purge.add_argument("--yes", action="store_true", help=render("cli.help.yes", lang))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``intake-tui`` with *argv* (default: the process arguments); returns the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    lang = _peek_lang(args)
    parser = build_parser(lang)
    namespace = parser.parse_args(args)
    try:
        return _dispatch(namespace)
    except KeyboardInterrupt:
        return exit_codes.INTERRUPTED
    except BrokenPipeError:
        # Output piped into `head` and closed early: not an error of ours.
        sys.stderr.close()
        return exit_codes.OK


def _dispatch(namespace: argparse.Namespace) -> int:
    from intake_tui.config.errors import ConfigError
    from intake_tui.logs import install_logging, protect_env
    from intake_tui.store.errors import StoreError

    name: str | None = namespace.command
    lang: Lang | None = namespace.lang
    try:
        if name in NO_CONFIG:
            module = import_module(f"intake_tui.cli.commands.{COMMANDS[name]}")
            status: int = module.run(namespace, lang or "zh")
            return status
        if name is None:
            # The TUI loads its configuration itself, after painting the first frame.
            from intake_tui.cli.commands.tui import run as run_tui

            return run_tui(namespace)
        install_logging()
        runtime = _load(namespace)
        protect_env(runtime.config.backend.token_env)
        # Every start checks the local file and removes what a killed rewrite left there.
        runtime.file_sink()
        if name in RETENTION_ON_START:
            runtime.apply_retention(trigger=name)
        module = import_module(f"intake_tui.cli.commands.{COMMANDS[name]}")
        result: int = module.run(namespace, runtime)
        return result
    except ConfigError as exc:
        print(exc.render(lang or exc.lang), file=sys.stderr)
        return exit_codes.USAGE
    except StoreError as exc:
        print(exc.message.text(lang or "zh"), file=sys.stderr)
        return exit_codes.USAGE


def _load(namespace: argparse.Namespace) -> Runtime:
    from intake_tui.services.runtime import load_runtime

    return load_runtime(namespace.config, namespace.lang)
