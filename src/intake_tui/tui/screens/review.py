"""The review: every value, every error and warning; jump to a field; submit."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from intake_tui.i18n import Lang, render
from intake_tui.parsing.text import visible
from intake_tui.record.fields import STEPS, fields_of_step
from intake_tui.record.normalise import Outcome
from intake_tui.services.capture import CaptureSession
from intake_tui.tui import bindings
from intake_tui.tui.access import intake_app
from intake_tui.tui.widgets.key_bar import KeyBar
from intake_tui.tui.widgets.step_bar import StepBar

if TYPE_CHECKING:
    from intake_tui.tui.app import IntakeApp

SUBMIT = "submit"


class ReviewScreen(Screen[None]):
    """What will be submitted, and what still stands in the way."""

    BINDINGS = bindings.REVIEW

    def __init__(self, session: CaptureSession) -> None:
        super().__init__()
        self.session = session
        self.outcome: Outcome = session.outcome()

    @property
    def intake(self) -> IntakeApp:
        """The app, typed."""
        return intake_app(self)

    @property
    def lang(self) -> Lang:
        """The operator's language."""
        return self.intake.lang

    def compose(self) -> ComposeResult:
        bindings.localise(self, self.lang)
        bar = StepBar(self.lang)
        capture_bar = self.intake.capture.query_one(StepBar)
        bar.done, bar.errors = set(capture_bar.done), set(capture_bar.errors)
        bar.current = "review"
        yield bar
        with VerticalScroll(id="review-values"):
            yield Static(self._values(), id="values", markup=False)
        yield OptionList(*self._actions(), id="review-actions", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        actions = self.query_one(OptionList)
        actions.focus()
        actions.highlighted = 0

    def _values(self) -> Table:
        lang = self.lang
        errors = {issue.field: issue.message.text(lang) for issue in self.outcome.errors}
        warnings = {issue.field: issue.message.text(lang) for issue in self.outcome.warnings}
        table = Table(box=None, show_header=False, pad_edge=False, expand=True)
        table.add_column(no_wrap=True, style="dim")
        table.add_column(ratio=1, overflow="fold")
        for step in STEPS:
            table.add_row(Text(render(f"tui.step.{step}", lang), style="bold"), "")
            for spec in fields_of_step(step):
                text = self.session.text(spec.path)
                if not text and spec.path not in errors and not self.session.is_required(spec):
                    continue
                check = self.session.check(spec.path, text, lang) if text else None
                reading = check.reading if check is not None else ""
                if spec.options is not None or spec.kind == "bool":
                    shown = Text(visible(reading.removeprefix("= ") or text or "—"))
                else:
                    shown = Text(visible(text or "—"))
                    if reading and reading.removeprefix("= ") != text:
                        shown.append(f"  {reading}", style="dim")
                if spec.path in errors:
                    shown.append(f"\n✗ {errors[spec.path]}", style="bold red")
                elif spec.path in warnings:
                    shown.append(f"\n! {warnings[spec.path]}", style="yellow")
                table.add_row(Text(f"  {spec.label(lang)}"), shown)
        return table

    def _actions(self) -> list[Option]:
        lang = self.lang
        options: list[Option] = []
        if self.outcome.ok:
            options.append(Option(render("tui.review.submit", lang), id=SUBMIT))
        else:
            options.append(
                Option(
                    Text(
                        render("tui.review.blocked", lang, count=len(self.outcome.errors)),
                        style="bold red",
                    ),
                    id="blocked",
                    disabled=True,
                )
            )
        for index, issue in enumerate(self.outcome.errors + self.outcome.warnings):
            mark = "✗" if index < len(self.outcome.errors) else "!"
            label = self._label(issue.field)
            options.append(
                Option(
                    f"{mark} {label}：{issue.message.text(lang)}", id=f"jump:{index}:{issue.field}"
                )
            )
        return options

    def _label(self, path: str) -> str:
        from intake_tui.record.fields import BY_PATH

        spec = BY_PATH.get(path)
        return spec.label(self.lang) if spec is not None else path or "—"

    @on(OptionList.OptionSelected)
    def chosen(self, event: OptionList.OptionSelected) -> None:
        """Enter on an action: submit, or jump to the field with the problem."""
        option_id = event.option.id or ""
        if option_id == SUBMIT:
            self.action_submit()
        elif option_id.startswith("jump:"):
            self.jump(option_id.split(":", 2)[2])

    def jump(self, path: str) -> None:
        """Back to the capture screen, cursor in *path*."""
        self.dismiss()
        self.intake.capture.focus_path(path)

    def action_next_problem(self) -> None:
        """Jump to the first field with an error (or warning)."""
        issues = self.outcome.errors + self.outcome.warnings
        if issues:
            self.jump(issues[0].field)

    def action_back_to_capture(self) -> None:
        """Back to the form where it was left."""
        self.dismiss()

    def action_submit(self) -> None:
        """Submit; refused (with the reason) while errors remain."""
        if not self.outcome.ok:
            self.notify(
                render("tui.review.refused", self.lang, count=len(self.outcome.errors)),
                severity="error",
            )
            return
        record_id = self.intake.submit(self.session)
        if record_id is None:
            return
        self.dismiss()
        self.intake.start_new_call()
        self.intake.notify(render("tui.submit.done", self.lang, id=record_id[:8]), timeout=6)
