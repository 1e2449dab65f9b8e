"""The Stats screen: a player's progress in plots, one tab each, and the weakest questions."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.app import ComposeResult, RenderResult
from textual.binding import Binding
from textual.color import Color
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static, TabbedContent, TabPane, Tabs
from textual_plotext import PlotextPlot

from ..literal import clean, shorten

if TYPE_CHECKING:
    from ...stats import Stats, WeakQuestion

# tab id -> (title, what it shows when there is nothing to plot)
TABS = {
    "scores": ("Scores", "No quiz yet."),
    "tags": ("Tags", "No tagged question answered yet."),
    "eras": ("Eras", "No question about a dated film answered yet."),
    "due": ("Due", "Nothing is scheduled for review yet."),
    "retention": ("Retention", "No question is being reviewed yet."),
    "weakest": ("Weakest", "No weak question: every question met is well kept."),
}


class StatsPlot(PlotextPlot):
    """One of the plots of `kopick_quiz.plots`, drawn afresh at each size and theme."""

    def __init__(self, name: str, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id)
        self.plot_name = name
        self.stats: Stats | None = None

    def show(self, stats: Stats) -> None:
        self.stats = stats
        self.refresh()

    def render(self) -> RenderResult:
        from ...plots import PLOTS, Palette

        plt = self.plt
        plt.clear_figure()
        if self.stats is not None:
            colours = self.app.theme_variables
            palette = Palette(
                points=_rgb(colours.get("foreground-muted") or colours.get("secondary", "grey")),
                line=_rgb(colours.get("primary", "blue")),
                bars=_rgb(colours.get("success", "green")),
                target=_rgb(colours.get("error", "red")),
            )
            extra: dict[str, Any] = {}
            if self.plot_name in ("tags", "due"):
                extra["width"] = self.size.width
            if self.plot_name == "tags":
                extra["rows"] = max(1, self.size.height - 4)
            PLOTS[self.plot_name][1](plt, self.stats, palette, **extra)
        return super().render()


class StatsScreen(Screen[None]):
    """How the player is doing: scores over time, accuracy by tag and era, reviews ahead, weak spots."""

    CSS_PATH = "stats.tcss"
    AUTO_FOCUS = "Tabs"
    BINDINGS = [
        Binding("h,escape", "home", "Home", tooltip="Back to the packs"),
        Binding("p", "practise", "Practise weakest", tooltip="A quiz of the weakest questions"),
        *(
            Binding(str(i), f"tab('{tab}')", title, show=False)
            for i, (tab, (title, _)) in enumerate(TABS.items(), 1)
        ),
    ]

    class GoHome(Message):
        pass

    class Practise(Message):
        """A quiz of these questions (the weakest), by id."""

        def __init__(self, question_ids: list[str]) -> None:
            super().__init__()
            self.question_ids = question_ids

    def __init__(self, player: str) -> None:
        super().__init__()
        self.player = player
        self.stats: Stats | None = None
        self.unavailable: str | None = None  # why no stats can be shown

    def compose(self) -> ComposeResult:
        yield Header()
        summary = Static(Content("Reading your history…"), id="summary")
        # Content, not a str: a str title is read as markup, and a name is shown as typed.
        summary.border_title = Content(f"Progress of {shorten(clean(self.player, one_line=True), 40)}")
        yield summary
        with TabbedContent(id="tabs"):
            for tab, (title, empty) in TABS.items():
                with TabPane(title, id=tab):
                    yield Static(Content(empty), classes="empty")
                    if tab == "weakest":
                        table: DataTable[Text] = DataTable(
                            id="weakest-table", cursor_type="row", zebra_stripes=True
                        )
                        yield table
                    else:
                        with Vertical(classes="plot-box"):
                            yield StatsPlot(tab, id=f"{tab}-plot")
                            if tab == "retention":
                                yield Static(id="retention-words")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#tabs").loading = self.stats is None
        if self.unavailable is not None:
            self._say_unavailable(self.unavailable)
        elif self.stats is not None:
            self._fill()

    def on_resize(self) -> None:
        if self.stats is not None:
            self._fill_weakest(self.stats)  # the question column takes the width there is

    # -- what the app tells the screen -----------------------------------------------------------
    def show_stats(self, stats: Stats) -> None:
        """The player's stats, computed (on the history's thread)."""
        self.stats = stats
        if self.is_mounted:
            self._fill()

    def show_unavailable(self, why: str) -> None:
        """No stats can be shown (no history is kept): say why."""
        self.unavailable = why
        if self.is_mounted:
            self._say_unavailable(why)

    # -- what the student does -------------------------------------------------------------------
    def action_home(self) -> None:
        self.post_message(self.GoHome())

    def action_tab(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab
        self.query_one(Tabs).focus()

    def action_practise(self) -> None:
        if self.stats is not None and self.stats.weakest:
            self.post_message(self.Practise([w.question_id for w in self.stats.weakest]))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "practise":
            return self.stats is not None and bool(self.stats.weakest)
        return True

    def palette_commands(self) -> Iterable[tuple[str, str, Callable[[], object]]]:
        for tab, (title, _) in TABS.items():
            yield f"Stats: {title}", f"Show the {title.lower()} tab", lambda t=tab: self.action_tab(t)
        if self.stats is not None and self.stats.weakest:
            yield "Practise weakest", "A quiz of the weakest questions", self.action_practise
        yield "Home", "Back to the packs", self.action_home

    # -- inside ----------------------------------------------------------------------------------
    def _say_unavailable(self, why: str) -> None:
        tabs = self.query_one("#tabs")
        tabs.loading = False
        tabs.display = False
        self.query_one("#summary", Static).update(Content(why))
        self.refresh_bindings()

    def _fill(self) -> None:
        from ...plots import has_data

        stats = self.stats
        assert stats is not None
        self.query_one("#tabs").loading = False
        self.query_one("#summary", Static).update(_summary(stats))
        for tab in TABS:
            pane = self.query_one(f"#{tab}", TabPane)
            shown = bool(stats.weakest) if tab == "weakest" else has_data(tab, stats)
            pane.query_one(".empty").display = not shown
            for part in pane.query(".plot-box, DataTable"):
                part.display = shown
            if shown and tab != "weakest":
                pane.query_one(StatsPlot).show(stats)
        self.query_one("#retention-words", Static).update(_retention_words(stats))
        self._fill_weakest(stats)
        self.refresh_bindings()

    def _fill_weakest(self, stats: Stats) -> None:
        table = self.query_one("#weakest-table", DataTable)
        table.clear(columns=True)
        width = max(20, self.size.width - 32)
        table.add_column("Question", key="question", width=width)
        table.add_column(Text("Missed", justify="right"), key="missed", width=8)
        table.add_column("Next review", key="due", width=14)
        for w in stats.weakest:
            table.add_row(
                Text(shorten(clean(w.prompt or w.question_id, one_line=True), width)),
                Text(f"{w.misses} of {w.attempts}", justify="right"),
                Text(_when(w, stats.generated_at)),
                key=w.question_id,
            )


def _summary(stats: Stats) -> Content:
    t = stats.totals
    if not t.answers:
        return Content("No answers yet. Play a quiz (Enter on a pack) and your progress shows here.")
    return Content.assemble(
        (f"{t.quizzes:,}", "bold"),
        f" quiz{'zes' * (t.quizzes != 1)} · ",
        (f"{t.answers:,}", "bold"),
        f" answer{'s' * (t.answers != 1)} · ",
        (f"{t.accuracy:.0%}", "bold"),
        " right · ",
        (f"{t.points:,}", "bold"),
        " points · ",
        (f"{stats.due_now:,}", "bold $warning" if stats.due_now else "bold"),
        " due now",
    )


def _retention_words(stats: Stats) -> Content:
    from ...stats import retention_lines

    lines = [line.strip() for line in retention_lines(stats)]
    return Content("\n".join(line[:1].upper() + line[1:] for line in lines))


def _when(weak: WeakQuestion, now: datetime) -> str:
    """When a weak question is next due, in words: "now", "tomorrow", "in 5 days"."""
    if weak.due is None:
        return "–"
    days = (weak.due.astimezone(now.tzinfo).date() - now.date()).days
    if weak.due <= now:
        return "due now"
    return "later today" if days <= 0 else "tomorrow" if days == 1 else f"in {days} days"


def _rgb(value: str) -> tuple[int, int, int] | str:
    try:
        return Color.parse(value).rgb
    except Exception:  # noqa: BLE001 - a colour plotext knows by name is fine too
        return value
