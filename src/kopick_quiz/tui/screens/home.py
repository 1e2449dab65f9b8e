"""The home screen: the packs, the mode, the player's name; Enter starts a quiz."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Button, DataTable, Footer, Header, Input, Label, Select, Static

from ..literal import clean, shorten
from ..plan import ALL_PACKS, DEFAULT_COUNT, MODES, ModeName, PackRow, QuizPlan
from ..widgets.loading_bar import show_loading

PACK_TITLE_CELLS = 36


class HomeScreen(Screen[None]):
    """Choose a pack and a mode, then start."""

    CSS_PATH = "home.tcss"
    AUTO_FOCUS = "#packs"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (90, "-wide")]
    BINDINGS = [
        Binding("ctrl+s", "start", "Start", tooltip="Start a quiz with these choices"),
        Binding("ctrl+r", "resume", "Resume", tooltip="Go on with the unfinished quiz"),
        Binding("s", "stats", "Stats", tooltip="Your progress in plots: scores, tags, reviews due"),
        Binding("c", "classes", "Classes", tooltip="The classes you run: boards, hardest questions, answers"),
    ]

    load_progress: reactive[tuple[int, int] | None] = reactive(None)
    """How far a slow load of the library has gone, `(done, total)`; None once it is done."""

    def watch_load_progress(self, progress: tuple[int, int] | None) -> None:
        if self.is_mounted:
            show_loading(self, progress, after=self.query_one(Header))

    class Start(Message):
        def __init__(self, plan: QuizPlan) -> None:
            super().__init__()
            self.plan = plan

    class PlayerChanged(Message):
        def __init__(self, player: str) -> None:
            super().__init__()
            self.player = player

    class Resume(Message):
        pass

    class ShowStats(Message):
        def __init__(self, player: str) -> None:
            super().__init__()
            self.player = player

    class ShowClasses(Message):
        pass

    def __init__(self, *, player: str, choices: Mapping[str, Any] | None = None) -> None:
        super().__init__()
        self.player = player
        self.choices = dict(choices or {})
        self.rows: list[PackRow] = []
        self.best: dict[str, float] = {}
        self.due: int | None = None
        self.unfinished: str | None = None
        self._player_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="body"):
            table: DataTable[Text] = DataTable(id="packs", cursor_type="row", zebra_stripes=True)
            table.border_title = "Packs"
            yield table
            with Vertical(id="side"):
                with Horizontal(id="resume"):
                    yield Static(id="resume-text", markup=False)
                    yield Button("Resume", id="resume-button", variant="warning", compact=True)
                with Grid(id="form") as form:
                    form.border_title = "Quiz"
                    yield Label("Mode")
                    yield Select(
                        self._mode_options(), id="mode", allow_blank=False, compact=True, value="quick"
                    )
                    yield Label("Questions")
                    yield Input(str(DEFAULT_COUNT), id="count", type="integer", compact=True, max_length=4)
                    yield Label("Player")
                    yield Input(
                        self.player, id="player", compact=True, max_length=40, placeholder="your name"
                    )
                    yield Label("Seed")
                    yield Input(id="seed", type="integer", compact=True, max_length=9, placeholder="random")
                yield Button("Start ▶", id="start", variant="primary", compact=True)
        yield Footer()

    def on_mount(self) -> None:
        if self.load_progress is not None:  # reported before this screen was up
            show_loading(self, self.load_progress, after=self.query_one(Header))
        self._add_columns()
        self.query_one("#packs", DataTable).loading = not self.rows
        self.query_one("#resume").display = False
        self._show_choices()
        if self.rows:
            self._show_packs()
        self._show_progress()

    # -- what the app tells the screen -----------------------------------------------------------
    def set_choices(self, choices: Mapping[str, Any], player: str) -> None:
        """The last choices (from the settings) and the player's name."""
        self.choices = dict(choices)
        self.player = player
        if self.is_mounted:
            self._show_choices()
            if self.rows:
                self._select_pack()

    def show_packs(self, rows: list[PackRow]) -> None:
        """Fill the pack table (the library has loaded)."""
        self.rows = rows
        if self.is_mounted:
            self._show_packs()

    def _show_packs(self) -> None:
        table = self.query_one("#packs", DataTable)
        table.loading = False
        self._fill_table()
        self._select_pack()

    def _select_pack(self) -> None:
        """Put the cursor on the pack of the last choices."""
        wanted = self.choices.get("pack")
        for i, row in enumerate(self.rows):
            if row.id == wanted:
                self.query_one("#packs", DataTable).move_cursor(row=i)
                break

    def show_progress(self, best: Mapping[str, float], due: int | None, unfinished: str | None) -> None:
        """The player's best scores, how many reviews are due, an unfinished quiz to resume."""
        self.best = dict(best)
        self.due = due
        self.unfinished = unfinished
        if self.is_mounted:
            self._show_progress()

    def _show_progress(self) -> None:
        due, unfinished = self.due, self.unfinished
        if self.rows:
            self._fill_table()
        select = self.query_one("#mode", Select)
        value = select.value
        select.set_options(self._mode_options())
        select.value = value if value != "review" or due is not None else "quick"
        self.query_one("#resume").display = unfinished is not None
        if unfinished is not None:
            self.query_one("#resume-text", Static).update(Content(clean(unfinished, one_line=True)))
        self.refresh_bindings()

    # -- what the student does -------------------------------------------------------------------
    def plan(self) -> QuizPlan:
        """The quiz the form describes."""
        table = self.query_one("#packs", DataTable)
        row = self.rows[table.cursor_row] if self.rows and 0 <= table.cursor_row < len(self.rows) else None
        mode_value = self.query_one("#mode", Select).value
        mode: ModeName = mode_value if isinstance(mode_value, str) and mode_value in MODES else "quick"  # type: ignore[assignment]
        count = _number(self.query_one("#count", Input).value) or DEFAULT_COUNT
        seed = _number(self.query_one("#seed", Input).value, smallest=0)
        player = clean(self.query_one("#player", Input).value, one_line=True).strip() or self.player
        return QuizPlan(row.id if row else None, mode, count, seed, player)

    def action_start(self) -> None:
        if not self.rows:
            self.notify("The packs are still loading.", severity="warning")
            return
        self.post_message(self.Start(self.plan()))

    def action_resume(self) -> None:
        if self.unfinished is not None:
            self.post_message(self.Resume())

    def action_stats(self) -> None:
        self.post_message(self.ShowStats(self.plan().player))

    def action_classes(self) -> None:
        self.post_message(self.ShowClasses())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "resume":
            return self.unfinished is not None
        return True

    @on(DataTable.RowSelected, "#packs")
    def _row_chosen(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_start()

    @on(Input.Submitted)
    def _input_done(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_start()

    @on(Button.Pressed, "#start")
    def _start_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_start()

    @on(Button.Pressed, "#resume-button")
    def _resume_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_resume()

    @on(Select.Changed, "#mode")
    def _mode_select(self, event: Select.Changed) -> None:
        event.stop()
        self._mode_changed()

    @on(Input.Changed, "#player")
    def _player_typed(self, event: Input.Changed) -> None:
        event.stop()
        if self._player_timer is not None:
            self._player_timer.stop()
        self._player_timer = self.set_timer(0.4, self._player_settled)

    def _player_settled(self) -> None:
        player = clean(self.query_one("#player", Input).value, one_line=True).strip()
        if player and player != self.player:
            self.player = player
            self.post_message(self.PlayerChanged(player))

    def palette_commands(self) -> Iterable[tuple[str, str, Callable[[], object]]]:
        yield "Start the quiz", "Start a quiz with the pack and mode chosen", self.action_start
        for mode, label in MODES.items():
            if mode == "review" and self.due is None:
                continue
            yield f"Mode: {label}", f"Choose the {label.lower()} mode", lambda m=mode: self._set_mode(m)
        if self.unfinished is not None:
            yield "Resume", self.unfinished, self.action_resume
        yield "Stats", "Your progress: scores, tags, eras, reviews due, weak spots", self.action_stats
        yield (
            "Classes",
            "The classes you run: boards, hardest questions, each student's answers",
            self.action_classes,
        )

    # -- inside ----------------------------------------------------------------------------------
    def _show_choices(self) -> None:
        player = self.query_one("#player", Input)
        if player.value != self.player:
            player.value = self.player
        mode = self.choices.get("mode")
        if mode in MODES and (mode != "review" or self.due is not None):
            self.query_one("#mode", Select).value = mode
        count = self.choices.get("count")
        if isinstance(count, int) and not isinstance(count, bool) and count > 0:
            self.query_one("#count", Input).value = str(count)
        seed = self.choices.get("seed")
        if isinstance(seed, int) and not isinstance(seed, bool) and seed >= 0:
            self.query_one("#seed", Input).value = str(seed)
        self._mode_changed()

    def _set_mode(self, mode: str) -> None:
        self.query_one("#mode", Select).value = mode

    def _mode_changed(self) -> None:
        mode = self.query_one("#mode", Select).value
        self.query_one("#count", Input).disabled = mode in ("pack", "review")

    def _mode_options(self) -> list[tuple[str, str]]:
        options = []
        for mode, label in MODES.items():
            if mode == "review":
                if self.due is None:
                    continue
                label = f"{label} ({self.due})"
            options.append((label, mode))
        return options

    def _add_columns(self) -> None:
        table = self.query_one("#packs", DataTable)
        longest = max((len(clean(r.title, one_line=True)) for r in self.rows), default=20)
        table.clear(columns=True)
        table.add_column("Pack", key="pack", width=max(12, min(PACK_TITLE_CELLS, longest)))
        table.add_column(Text("Size", justify="right"), key="size", width=5)
        table.add_column(Text("Best", justify="right"), key="best", width=5)

    def _fill_table(self) -> None:
        table = self.query_one("#packs", DataTable)
        cursor = table.cursor_row
        self._add_columns()
        for row in self.rows:
            best = self.best.get(row.id or ALL_PACKS)
            # Text(...) never reads markup: a pack titled "[@click=app.quit]" is shown as typed.
            table.add_row(
                Text(shorten(clean(row.title, one_line=True), PACK_TITLE_CELLS)),
                Text(str(row.size), justify="right"),
                Text(f"{best:.0%}" if best is not None else "–", justify="right"),
                key=row.id or ALL_PACKS,
            )
        if self.rows:
            table.move_cursor(row=min(max(cursor, 0), len(self.rows) - 1))


def _number(text: str, smallest: int = 1) -> int | None:
    try:
        value = int(text)
    except ValueError:
        return None
    return value if value >= smallest else None
