"""F4: search stored inquiries by mobile, company, pinyin initials or id; paged."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Input, Static

from intake_tui.i18n import render
from intake_tui.parsing.text import visible
from intake_tui.services.summary import Summary, summarise
from intake_tui.store.models import StoredInquiry
from intake_tui.tui import bindings
from intake_tui.tui.access import intake_app
from intake_tui.tui.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from intake_tui.tui.app import IntakeApp

PAGE = 50
COLUMNS = ("id", "when", "status", "need", "company", "contact", "mobile")


class HistoryScreen(Screen[None]):
    """Newest first; masked in the list, full in the detail view (Enter)."""

    BINDINGS = bindings.HISTORY

    def __init__(self) -> None:
        super().__init__()
        self.page = 0
        self.total = 0
        self.rows: list[StoredInquiry] = []

    @property
    def intake(self) -> IntakeApp:
        """The app, typed."""
        return intake_app(self)

    def compose(self) -> ComposeResult:
        lang = self.intake.lang
        bindings.localise(self, lang)
        with Vertical():
            yield Static(render("tui.history.title", lang), classes="dialog-title", markup=False)
            yield Input(placeholder=render("tui.history.search", lang), id="history-search")
            table: DataTable[Text] = DataTable(id="history-table", cursor_type="row")
            for key in COLUMNS:
                table.add_column(render(f"cli.list.col.{key}", lang), key=key)
            yield table
            yield Static("", id="history-footer", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        self.load()

    @on(Input.Changed, "#history-search")
    def search_changed(self) -> None:
        """Search as the operator types (in a worker; the newest query wins)."""
        self.page = 0
        self.load()

    @on(Input.Submitted, "#history-search")
    def to_table(self) -> None:
        """Enter in the search box moves into the results."""
        self.query_one(DataTable).focus()

    def load(self) -> None:
        """Fetch the current page for the current search."""
        self.fetch(self.query_one(Input).value.strip(), self.page)

    @work(thread=True, exclusive=True, group="history")
    def fetch(self, search: str, page: int) -> None:
        """Query the store off the UI thread."""
        store = self.intake.store
        rows = store.list(search=search or None, limit=PAGE, offset=page * PAGE)
        total = store.count()
        summaries = [summarise(row, self.intake.lang) for row in rows]
        self.app.call_from_thread(self.show, rows, summaries, total, search)

    def show(
        self, rows: list[StoredInquiry], summaries: list[Summary], total: int, search: str
    ) -> None:
        """Fill the table with one page."""
        self.rows = rows
        self.total = total
        table = self.query_one(DataTable)
        table.clear()
        for summary in summaries:
            # Text, not str: a table reads a str cell as markup.
            table.add_row(*(Text(visible(cell)) for cell in summary.cells()), key=summary.id)
        lang = self.intake.lang
        key = "tui.history.footer_search" if search else "tui.history.footer"
        self.query_one("#history-footer", Static).update(
            render(key, lang, page=self.page + 1, shown=len(rows), total=total)
        )

    def _highlighted(self) -> StoredInquiry | None:
        table = self.query_one(DataTable)
        if not self.rows or table.cursor_row is None or table.cursor_row >= len(self.rows):
            return None
        return self.rows[table.cursor_row]

    @on(DataTable.RowSelected)
    def open_record(self) -> None:
        """Enter on a row: the record in full."""
        stored = self._highlighted()
        if stored is not None:
            self.intake.show_record(stored.id)

    def action_prefill(self) -> None:
        """Start a new inquiry prefilled from the highlighted one."""
        stored = self._highlighted()
        if stored is not None:
            self.dismiss()
            self.intake.prefill_from(stored)

    def action_next_page(self) -> None:
        """The next page of results."""
        if len(self.rows) == PAGE:
            self.page += 1
            self.load()

    def action_previous_page(self) -> None:
        """The previous page of results."""
        if self.page > 0:
            self.page -= 1
            self.load()

    def action_close(self) -> None:
        """Back to the capture screen."""
        self.dismiss()
