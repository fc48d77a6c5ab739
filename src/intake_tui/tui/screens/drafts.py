"""F5 (and after a crash): the unfinished inquiries, to resume or discard."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from intake_tui.i18n import Lang, render
from intake_tui.parsing.text import visible
from intake_tui.privacy.masking import mask_mobile, mask_name
from intake_tui.store.models import Draft
from intake_tui.tui import bindings
from intake_tui.tui.access import intake_app

if TYPE_CHECKING:
    from intake_tui.tui.app import IntakeApp


def describe_draft(draft: Draft, lang: Lang) -> str:
    """One line: when, company, masked contact, how many fields."""
    fields = draft.fields
    company = fields.get("company.name") or render("tui.drafts.no_company", lang)
    who = " ".join(
        part
        for part in (
            mask_name(fields.get("contact.name", "")),
            mask_mobile(fields["contact.mobile"]) if fields.get("contact.mobile") else "",
        )
        if part
    )
    filled = sum(1 for text in fields.values() if text)
    when = draft.updated_at[:16].replace("T", " ")
    line = render("tui.drafts.line", lang, when=when, company=company, who=who or "—", count=filled)
    return visible(line)


class DraftsScreen(ModalScreen[None]):
    """Resume (Enter) or discard (Delete, asks once) a draft."""

    BINDINGS = bindings.DRAFTS

    def __init__(self, *, offer_resume: bool = False) -> None:
        super().__init__()
        self.offer_resume = offer_resume
        self.confirming: str | None = None

    @property
    def intake(self) -> IntakeApp:
        """The app, typed."""
        return intake_app(self)

    def compose(self) -> ComposeResult:
        lang = self.intake.lang
        bindings.localise(self, lang)
        title = "tui.drafts.resume_title" if self.offer_resume else "tui.drafts.title"
        with Vertical(id="dialog"):
            yield Static(render(title, lang), classes="dialog-title", markup=False)
            yield OptionList(id="drafts", markup=False)
            yield Static(
                render("tui.drafts.hint", lang),
                classes="dialog-hint",
                id="drafts-hint",
                markup=False,
            )

    def on_mount(self) -> None:
        self.reload()
        self.query_one(OptionList).focus()

    def reload(self) -> None:
        """List the drafts, newest first."""
        lang = self.intake.lang
        current = self.intake.capture.session.record_id
        drafts = [d for d in self.intake.store.list_drafts() if d.id != current]
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options([Option(describe_draft(d, lang), id=d.id) for d in drafts])
        if drafts:
            options.highlighted = 0
        else:
            self.dismiss()

    @on(OptionList.OptionSelected)
    def resume(self, event: OptionList.OptionSelected) -> None:
        """Enter: continue this draft (the current call stays a draft too)."""
        if event.option.id:
            self.dismiss()
            self.intake.resume(event.option.id)

    def on_key(self, event: events.Key) -> None:
        """Any key but Delete cancels a pending discard, as the hint says."""
        if event.key != "delete" and self.confirming is not None:
            self.confirming = None
            self.query_one("#drafts-hint", Static).update(
                render("tui.drafts.hint", self.intake.lang)
            )

    def action_discard(self) -> None:
        """Delete: discard the highlighted draft, after one confirmation."""
        options = self.query_one(OptionList)
        if options.highlighted is None:
            return
        draft_id = options.get_option_at_index(options.highlighted).id
        if draft_id is None:
            return
        lang = self.intake.lang
        hint = self.query_one("#drafts-hint", Static)
        if self.confirming != draft_id:
            self.confirming = draft_id
            hint.update(render("tui.drafts.confirm", lang))
            return
        self.confirming = None
        operator = self.intake.runtime.operator if self.intake.runtime else "—"
        self.intake.store.discard_draft(draft_id, actor=operator)
        hint.update(render("tui.drafts.hint", lang))
        self.reload()

    def action_close(self) -> None:
        """Escape: back to the current call."""
        self.dismiss()
