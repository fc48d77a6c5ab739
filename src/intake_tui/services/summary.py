"""A stored inquiry (submitted or draft) reduced to the few masked facts a list shows."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from intake_tui.exporting.table import lookup
from intake_tui.i18n import Lang, render
from intake_tui.privacy.masking import mask_mobile, mask_name, mask_text
from intake_tui.record.fields import BY_PATH
from intake_tui.store.models import StoredInquiry


@dataclass(frozen=True, slots=True)
class Summary:
    """One list row; personal values already masked."""

    id: str
    when: str
    status: str
    status_label: str
    need: str
    company: str
    contact: str
    mobile: str

    def cells(self) -> tuple[str, ...]:
        """The table cells, in column order."""
        short = self.id[:8]
        return (
            short,
            self.when,
            self.status_label,
            self.need,
            self.company,
            self.contact,
            self.mobile,
        )

    def as_json(self) -> dict[str, str]:
        """The row as JSON (``list --json``)."""
        return {
            "id": self.id,
            "when": self.when,
            "status": self.status,
            "need": self.need,
            "company": self.company,
            "contact": self.contact,
            "mobile": self.mobile,
        }


def _value(record: dict[str, Any], path: str, *, draft: bool) -> Any:
    return record.get("fields", record).get(path) if draft else lookup(record, path)


def summarise(stored: StoredInquiry, lang: Lang) -> Summary:
    """The masked summary of *stored*."""
    draft = stored.status == "draft"
    record = stored.record

    def text(path: str) -> str:
        value = _value(record, path, draft=draft)
        return "" if value is None else str(value)

    kind = text("need.kind")
    options = BY_PATH["need.kind"].options or ()
    need = next((o.label(lang) for o in options if o.code == kind), kind)
    when = (stored.submitted_at or stored.created_at or "")[:16].replace("T", " ")
    return Summary(
        id=stored.id,
        when=when,
        status=stored.status,
        status_label=render(f"cli.status.{stored.status}", lang),
        need=mask_text(need),
        # Typed text may hold a mobile number too ("宝钢 135 2467 8515 张工").
        company=mask_text(text("company.name")),
        contact=mask_name(text("contact.name")),
        mobile=mask_mobile(text("contact.mobile")) if text("contact.mobile") else "",
    )
