"""``intake-tui show ID``: one record, masked unless ``--unmasked`` (which is audited)."""

from __future__ import annotations

import argparse
import json
import sys

from intake_tui.cli import exit_codes
from intake_tui.i18n import render
from intake_tui.parsing.text import visible
from intake_tui.privacy.masking import mask_draft, mask_record
from intake_tui.services.runtime import Runtime


def run(args: argparse.Namespace, runtime: Runtime) -> int:
    """Print the record as JSON; exit 1 when no record (or several) match the id."""
    lang = runtime.lang
    with runtime.open_store() as store:
        matches = store.find_by_id_prefix(args.id.strip().lower(), limit=2)
        if not matches:
            print(render("cli.show.not_found", lang, id=args.id), file=sys.stderr)
            return exit_codes.PARTIAL
        if len(matches) > 1:
            print(render("cli.show.ambiguous", lang, id=args.id), file=sys.stderr)
            return exit_codes.PARTIAL
        stored = matches[0]
        record = dict(stored.record)
        if args.unmasked:
            store.audit("viewed_unmasked", actor=runtime.operator, record_id=stored.id)
        elif stored.status != "draft":
            record = mask_record(record)
        else:
            record = mask_draft(record)
    document = {"id": stored.id, "status": stored.status, "record": record}
    # Still JSON: a direction or zero-width character left in a draft is written as \uXXXX.
    sys.stdout.write(visible(json.dumps(document, ensure_ascii=False, indent=2)) + "\n")
    return exit_codes.OK
