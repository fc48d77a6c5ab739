"""``intake-tui export``: stored records to JSONL, CSV or XLSX; masked unless ``--unmasked``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from intake_tui.cli import exit_codes
from intake_tui.exporting.writers import export
from intake_tui.i18n import render
from intake_tui.privacy.masking import mask_record
from intake_tui.services.runtime import Runtime
from intake_tui.store.database import Store

PAGE = 500


def _records(store: Store, status: str | None, *, unmasked: bool) -> Iterator[dict[str, Any]]:
    offset = 0
    while True:
        page = store.list(status=status, limit=PAGE, offset=offset)
        for stored in page:
            if stored.status == "draft":
                continue
            yield dict(stored.record) if unmasked else mask_record(stored.record)
        if len(page) < PAGE:
            return
        offset += PAGE


def run(args: argparse.Namespace, runtime: Runtime) -> int:
    """Write the export file; the unmasked kind is recorded in the audit log."""
    lang = runtime.lang
    status = None if args.status == "all" else args.status
    output = Path(args.output)
    with runtime.open_store() as store:
        try:
            count = export(
                output, args.format, _records(store, status, unmasked=args.unmasked), lang
            )
        except OSError as exc:
            print(
                render("cli.export.failed", lang, file=output, detail=exc.strerror or exc),
                file=sys.stderr,
            )
            return exit_codes.PARTIAL
        store.audit(
            "exported",
            actor=runtime.operator,
            details={
                "format": args.format,
                "count": count,
                "unmasked": bool(args.unmasked),
                "file": str(output.resolve()),
            },
        )
    key = "cli.export.done_unmasked" if args.unmasked else "cli.export.done"
    print(render(key, lang, count=count, file=output), file=sys.stderr)
    return exit_codes.OK
