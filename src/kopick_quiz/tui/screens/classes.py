"""The Class screen: the teacher's classes and, for the one chosen, its board, the questions the
class found hardest and each student's answers; read again every few seconds, so a teacher
watches the answers arrive."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from rich.style import Style
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.color import Color
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, OptionList, Static, TabbedContent, TabPane
from textual.widgets.option_list import Option

from ..literal import clean, shorten
from ..progress import Reply

if TYPE_CHECKING:
    from ...classroom import BoardRow, QuestionStat
    from ...questions import Question
    from ...store import AnswerRow, ClassRow, DisputeRow, Store
    from ..progress import History

MODE_WORDS = {"self": "self-paced", "exam": "exam", "live": "live game"}
# verdict -> (mark and word, theme colour)
VERDICTS = {
    "correct": ("✓ right", "success"),
    "close": ("✓ close", "success"),
    "partial": ("◐ partly", "warning"),
    "incorrect": ("✗ wrong", "error"),
    "skipped": ("– skipped", "foreground-muted"),
}
TABS = {"board": "Board", "questions": "Hardest questions", "answers": "Answers", "disputes": "Disputes"}
DISPUTE_STATUS = {
    "open": ("to decide", "warning"),
    "accepted": ("accepted", "success"),
    "rejected": ("rejected", "foreground-muted"),
}
BAR_CELLS = 8
WRONG_SHOWN = 3  # the most common wrong answers shown for a question


@dataclass(frozen=True)
class ClassReport:
    """What the screen shows, read from the store in one go (on the history's thread)."""

    classes: tuple[ClassRow, ...]
    klass: ClassRow | None  # the class chosen: its board, questions and answers follow
    board: tuple[BoardRow, ...] = ()
    questions: tuple[QuestionStat, ...] = ()
    answers: Mapping[str, tuple[AnswerRow, ...]] = field(default_factory=dict)  # by student, as given
    disputes: tuple[DisputeRow, ...] = ()  # "I was right", oldest first


def read_report(store: Store, code: str | None) -> ClassReport:
    """Every class, and for the one with `code` (else the newest) how its students are doing."""
    from ...classroom import board, question_stats

    classes = tuple(store.classes())
    klass = next((c for c in classes if c.code == code), classes[0] if classes else None)
    if klass is None:
        return ClassReport(classes, None)
    rows = list(store.answers(class_id=klass.class_id))
    by_student: dict[str, list[AnswerRow]] = {}
    for row in rows:
        by_student.setdefault(row.player, []).append(row)
    return ClassReport(
        classes,
        klass,
        tuple(board(store, klass)),
        tuple(question_stats(klass, rows, wrong_shown=WRONG_SHOWN)),
        {student: tuple(given) for student, given in by_student.items()},
        tuple(store.disputes(klass.class_id)),
    )


class ClassesScreen(Screen[None]):
    """A teacher's classes: who has joined, how they are doing, what they answered."""

    CSS_PATH = "classes.tcss"
    AUTO_FOCUS = "#classes"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    REFRESH_SECONDS = 2.0
    BINDINGS = [
        Binding("h,escape", "app.home", "Home", tooltip="Back to the packs"),
        Binding("x", "close_class", "Close class", tooltip="Stop the class taking answers and joins"),
        Binding(
            "a",
            "decide(True)",
            "Accept",
            tooltip="The disputed answer counts as right: board, results, stats",
        ),
        Binding("r", "decide(False)", "Reject", tooltip="The verdict stands"),
        *(
            Binding(str(i), f"tab('{tab}')", title, show=False)
            for i, (tab, title) in enumerate(TABS.items(), 1)
        ),
    ]

    def __init__(
        self, history: History | None, questions: Callable[[], Mapping[str, Question] | None]
    ) -> None:
        """`history` reads the classes; `questions()` is the library's questions by id (None
        while it loads), for the prompts."""
        super().__init__()
        self.history = history
        self._questions = questions
        self._prompts: Mapping[str, Question] | None = None
        self.report: ClassReport | None = None
        self.code: str | None = None  # the class chosen
        self.student: str | None = None  # the student whose answers are shown
        self.unavailable: str | None = None
        self._reading: str | None = None  # the class a read in flight is for
        self._shown: tuple[Any, ...] = ()  # what the tables were last filled from

    def compose(self) -> ComposeResult:
        yield Header()
        classes: DataTable[Text] = DataTable(id="classes", cursor_type="row", zebra_stripes=True)
        classes.border_title = "Classes"
        yield classes
        yield Static(Content("Reading the classes…"), id="summary")
        with TabbedContent(id="views"):
            with TabPane(TABS["board"], id="board"):
                yield Static(classes="empty", id="board-empty")
                yield DataTable(id="board-table", cursor_type="row", zebra_stripes=True)
            with TabPane(TABS["questions"], id="questions"):
                yield DataTable(id="questions-table", cursor_type="row", zebra_stripes=True)
                yield Static(id="question-detail", classes="detail")
            with TabPane(TABS["answers"], id="answers"):
                yield Static(classes="empty", id="answers-empty")
                with Horizontal(id="answers-box"):
                    yield OptionList(id="students")
                    with Vertical(id="answers-side"):
                        yield DataTable(id="answers-table", cursor_type="row", zebra_stripes=True)
                        yield Static(id="answer-detail", classes="detail")
            with TabPane(TABS["disputes"], id="disputes"):
                yield Static(classes="empty", id="disputes-empty")
                yield DataTable(id="disputes-table", cursor_type="row", zebra_stripes=True)
                yield Static(id="dispute-detail", classes="detail")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#views").display = False
        for table in self.query(DataTable):
            table.cursor_foreground_priority = "renderable"  # a verdict keeps its colour under the cursor
        if self.history is None:
            self._say_unavailable("Classes are kept in the history, and no history is kept here.")
            return
        self.query_one("#classes").loading = True
        # The signal comes once the new theme's colours are in (a watch of `theme` is too early).
        self.app.theme_changed_signal.subscribe(self, lambda theme: self._restyle())
        self.set_interval(self.REFRESH_SECONDS, self.read)
        self.read()

    def on_resize(self) -> None:
        self._restyle()

    # -- reading ---------------------------------------------------------------------------------
    def read(self) -> None:
        """Read the classes again (on the history's thread); the screen is filled when they come."""
        if self.history is None or self.unavailable is not None or self._reading is not None:
            return
        code = self.code
        self._reading = code or ""

        def job(store: Store) -> ClassReport:
            return read_report(store, code)

        def failed(future: Future[ClassReport | None]) -> None:
            if future.exception() is not None or future.result() is None:
                why = "The classes could not be read from the history."
                self.app.post_message(Reply(self._say_unavailable, (why,)))

        self.history.later(job, self._report_ready).add_done_callback(failed)

    def _report_ready(self, report: ClassReport) -> None:
        asked, self._reading = self._reading, None
        if not self.is_attached:
            return
        if (self.code or "") != asked:  # another class was chosen meanwhile: read that one
            self.read()
            return
        self.show_report(report)

    def show_report(self, report: ClassReport) -> None:
        """Fill the screen from `report` (the tables only where something changed)."""
        self.code = report.klass.code if report.klass is not None else None
        if self._prompts is None:
            self._prompts = self._questions()
            self._shown = ()  # the prompts have come: show them in place of the ids
        if report == self.report and self._shown:
            return  # nothing new: the screen stays as it is (no redraw every few seconds)
        self.report = report
        self.query_one("#classes").loading = False
        self._fill()

    # -- what the teacher does -------------------------------------------------------------------
    def action_tab(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab
        focus = {
            "board": "#board-table",
            "questions": "#questions-table",
            "answers": "#students",
            "disputes": "#disputes-table",
        }[tab]
        self.query_one(focus).focus()

    def action_close_class(self) -> None:
        from .confirm import ConfirmScreen

        klass = self._chosen()
        if klass is None or not klass.is_open or self.history is None:
            return
        name = f"{clean(klass.title, one_line=True)} ({klass.code})"

        def answered(yes: bool | None) -> None:
            if yes:
                self._close(klass, name)

        self.app.push_screen(
            ConfirmScreen(
                f"Close {name}? Its students can no longer join or answer; their results stay.",
                yes="Close class",
                no="Keep it open",
            ),
            answered,
        )

    def _close(self, klass: ClassRow, name: str) -> None:
        assert self.history is not None

        def job(store: Store) -> ClassReport:
            store.close_class(klass.class_id)
            return read_report(store, klass.code)

        def closed(report: ClassReport) -> None:
            self.notify(f"{name} is closed: it takes no more answers.", markup=False)
            if self.is_attached:
                self.show_report(report)

        self.history.later(job, closed)

    def action_decide(self, accept: bool) -> None:
        """Accept or reject the dispute under the cursor (on the history's thread)."""
        dispute = self._dispute()
        if dispute is None or dispute.status != "open" or self.history is None:
            return
        code = self.code
        who = clean(dispute.player, one_line=True)

        def job(store: Store) -> ClassReport:
            store.decide_dispute(dispute.dispute_id, accept, full_points=10)
            return read_report(store, code)

        def decided(report: ClassReport) -> None:
            said = "now counts as right" if accept else "keeps its verdict"
            self.notify(f"{who}'s answer {said}.", markup=False)
            if self.is_attached:
                self.show_report(report)

        self.history.later(job, decided)

    def _dispute(self) -> DisputeRow | None:
        report = self.report
        table = self.query_one("#disputes-table", DataTable)
        if report is None or not table.row_count or not table.is_valid_row_index(table.cursor_row):
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return next((d for d in report.disputes if str(d.dispute_id) == key), None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "decide":
            if self.query_one(TabbedContent).active != "disputes":
                return False
            dispute = self._dispute()
            return dispute is not None and dispute.status == "open"
        if action == "close_class":
            klass = self._chosen()
            return klass is not None and klass.is_open
        if action == "tab":
            return self._chosen() is not None
        return True

    def palette_commands(self) -> Iterable[tuple[str, str, Callable[[], object]]]:
        klass = self._chosen()
        if klass is None:
            return
        for tab, title in TABS.items():
            yield f"Class: {title}", f"Show the class's {title.lower()}", lambda t=tab: self.action_tab(t)
        if klass.is_open:
            yield (
                f"Close the class {klass.code}",
                "It takes no more answers or joins",
                self.action_close_class,
            )

    @on(DataTable.RowHighlighted, "#classes")
    def _class_chosen(self, event: DataTable.RowHighlighted) -> None:
        code = event.row_key.value
        if code is not None and code != self.code:
            self.code = code
            self.student = None
            self.read()

    @on(DataTable.RowSelected, "#classes")
    def _class_opened(self, event: DataTable.RowSelected) -> None:
        tab = self.query_one(TabbedContent).active or "board"
        self.action_tab(tab)

    @on(DataTable.RowHighlighted, "#board-table")
    def _student_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key.value is not None and event.row_key.value != self.student:
            self.student = event.row_key.value  # the Answers tab shows them
            self._fill()

    @on(DataTable.RowSelected, "#board-table")
    def _student_opened(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None:
            self.student = event.row_key.value
            self._fill()
            self.query_one(TabbedContent).active = "answers"
            self.query_one("#answers-table").focus()

    @on(OptionList.OptionHighlighted, "#students")
    def _student_chosen(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id is not None and event.option.id != self.student:
            self.student = event.option.id
            self._fill()

    @on(OptionList.OptionSelected, "#students")
    def _student_picked(self, event: OptionList.OptionSelected) -> None:
        self.query_one("#answers-table").focus()

    # -- inside ----------------------------------------------------------------------------------
    def _chosen(self) -> ClassRow | None:
        return self.report.klass if self.report is not None else None

    def _say_unavailable(self, why: str) -> None:
        if not self.is_attached:
            return
        self.unavailable = why
        self.query_one("#classes").display = False
        self.query_one("#views").display = False
        self.query_one("#summary", Static).update(Content(why))
        self.refresh_bindings()

    def _restyle(self) -> None:
        """Fill every table again: a new width or theme."""
        self._shown = ()
        if self.report is not None:
            self._fill()

    def _fill(self) -> None:
        report = self.report
        if report is None or self.unavailable is not None:
            return
        klass = report.klass
        width = self.size.width
        self.query_one("#summary", Static).update(_summary(report))
        if self._shown[:2] != (report.classes, width):
            self._fill_classes(report.classes, klass, width)
        self.query_one("#views").display = klass is not None
        if klass is None:
            self._shown = (report.classes, width)
            self.refresh_bindings()
            return
        students = [row.player for row in report.board]
        if self.student not in students:
            self.student = students[0] if students else None
        board_empty = self.query_one("#board-empty", Static)
        board_empty.display = not students
        board_empty.update(
            Content(
                "Nobody has joined yet: the board fills in as students answer."
                if klass.is_open
                else "Nobody joined this class before it was closed."
            )
        )
        answers_empty = self.query_one("#answers-empty", Static)
        answers_empty.display = not students
        answers_empty.update(Content("Each student's answers show here once they have joined."))
        self.query_one("#board-table").display = bool(students)
        self.query_one("#answers-box").display = bool(students)
        shown = (
            report.classes, width, klass, report.board, report.questions, report.answers, report.disputes, self.student
        )  # fmt: skip
        if shown[2:7] != self._shown[2:7]:
            self._fill_board(report.board, width)
            self._fill_questions(klass, report.questions, width)
            self._fill_disputes(klass, report.disputes, width)
        if shown[2:] != self._shown[2:]:
            self._fill_students(report.board)
            self._fill_answers(klass, report.answers.get(self.student or "", ()), width)
        self._shown = shown
        self.refresh_bindings()

    def _fill_classes(self, classes: tuple[ClassRow, ...], chosen: ClassRow | None, width: int) -> None:
        table = self.query_one("#classes", DataTable)
        wide = width >= 100
        title_width = max(12, width - (74 if wide else 58))
        with self.prevent(DataTable.RowHighlighted):
            table.clear(columns=True)
            table.add_column("Code", key="code", width=6)
            table.add_column("Title", key="title", width=title_width)
            table.add_column("Mode", key="mode", width=10)
            table.add_column(Text("Questions", justify="right"), key="questions", width=9)
            table.add_column(Text("Students", justify="right"), key="students", width=8)
            table.add_column("Status", key="status", width=6)
            if wide:
                table.add_column("Made", key="made", width=12)
            for c in classes:
                cells = [
                    Text(c.code, style="bold"),
                    Text(shorten(clean(c.title, one_line=True), title_width)),
                    Text(MODE_WORDS.get(c.mode, c.mode)),
                    Text(str(len(c.question_ids)), justify="right"),
                    Text(str(c.players), justify="right"),
                    Text("open", style=self._style("success")) if c.is_open else Text("closed", style="dim"),
                ]
                if wide:
                    cells.append(Text(_when(c)))
                table.add_row(*cells, key=c.code)
            if chosen is not None:
                table.move_cursor(row=table.get_row_index(chosen.code))
        table.display = bool(classes)

    def _fill_board(self, board: tuple[BoardRow, ...], width: int) -> None:
        table = self.query_one("#board-table", DataTable)
        student_width = max(12, min(32, width - 58))
        with self.prevent(DataTable.RowHighlighted), _kept(table) as keep:
            table.clear(columns=True)
            table.add_column(Text("#", justify="right"), key="rank", width=3)
            table.add_column("Student", key="student", width=student_width)
            table.add_column(Text("Points", justify="right"), key="points", width=6)
            table.add_column(Text("Right", justify="right"), key="right", width=5)
            table.add_column("Progress", key="progress", width=BAR_CELLS + 5)
            table.add_column(Text("Time", justify="right"), key="time", width=6)
            for row in board:
                table.add_row(
                    Text(str(row.rank), justify="right"),
                    Text(shorten(clean(row.player, one_line=True), student_width)),
                    Text(str(row.points), style="bold", justify="right"),
                    Text(f"{row.right}/{row.answered}", justify="right"),
                    self._progress(row),
                    Text(_duration(row.seconds), justify="right"),
                    key=row.player,
                )
            keep(None)

    def _fill_questions(self, klass: ClassRow, stats: tuple[QuestionStat, ...], width: int) -> None:
        table = self.query_one("#questions-table", DataTable)
        flexible = max(24, width - 30)
        prompt_width = flexible // 2
        wrong_width = flexible - prompt_width
        numbers = _numbers(klass)
        with self.prevent(DataTable.RowHighlighted), _kept(table) as keep:
            table.clear(columns=True)
            table.add_column(Text("Q", justify="right"), key="number", width=3)
            table.add_column("Question", key="question", width=prompt_width)
            table.add_column(Text("Answered", justify="right"), key="answered", width=8)
            table.add_column(Text("Right", justify="right"), key="right", width=5)
            table.add_column("Wrong answers given", key="wrong", width=wrong_width)
            for stat in stats:
                table.add_row(
                    Text(str(numbers[stat.question_id]), justify="right"),
                    self._prompt(stat.question_id, prompt_width),
                    Text(str(stat.answered), justify="right"),
                    self._accuracy(stat),
                    _wrong_answers(stat, wrong_width),
                    key=stat.question_id,
                )
            keep(None)
        self._describe_question()

    def _fill_students(self, board: tuple[BoardRow, ...]) -> None:
        students = self.query_one("#students", OptionList)
        names = [row.player for row in board]
        with self.prevent(OptionList.OptionHighlighted):
            if [o.id for o in students.options] != names:
                students.clear_options()
                students.add_options(Option(Content(clean(name, one_line=True)), id=name) for name in names)
            if self.student in names:
                students.highlighted = names.index(self.student)

    def _fill_answers(self, klass: ClassRow, given: tuple[AnswerRow, ...], width: int) -> None:
        table = self.query_one("#answers-table", DataTable)
        board = self.report.board if self.report is not None else ()
        row = next((r for r in board if r.player == self.student), None)
        if row is not None:
            who = shorten(clean(row.player, one_line=True), 32)
            table.border_title = Content.assemble(
                (who, "bold"), f" · {row.points} points · {row.answered} of {row.questions} answered"
            )
        flexible = max(20, width - (24 if width >= 100 else 18) - 34)
        prompt_width = flexible * 2 // 5
        typed_width = flexible - prompt_width
        numbers = _numbers(klass)
        with self.prevent(DataTable.RowHighlighted), _kept(table) as keep:
            table.clear(columns=True)
            table.add_column(Text("Q", justify="right"), key="number", width=3)
            table.add_column("Question", key="question", width=prompt_width)
            table.add_column("Typed", key="typed", width=typed_width)
            table.add_column("Verdict", key="verdict", width=9)
            table.add_column(Text("Points", justify="right"), key="points", width=6)
            for answer in given:
                table.add_row(
                    Text(str(numbers.get(answer.question_id, "")), justify="right"),
                    self._prompt(answer.question_id, prompt_width),
                    _typed(answer.typed, typed_width),
                    self._verdict(answer),
                    Text(str(answer.points), justify="right"),
                    key=str(answer.answer_id),
                )
            keep(None)
        self._describe_answer()

    def _fill_disputes(self, klass: ClassRow, disputes: tuple[DisputeRow, ...], width: int) -> None:
        empty = self.query_one("#disputes-empty", Static)
        empty.display = not disputes
        empty.update(
            Content(
                "No disputes. A student who thinks a verdict is wrong types /dispute (F7 in the app); "
                "it waits here for you to accept (a) or reject (r)."
            )
        )
        table = self.query_one("#disputes-table", DataTable)
        table.display = bool(disputes)
        flexible = max(24, width - 50)
        prompt_width = flexible // 2
        typed_width = flexible - prompt_width
        numbers = _numbers(klass)
        with self.prevent(DataTable.RowHighlighted), _kept(table) as keep:
            table.clear(columns=True)
            table.add_column(Text("Q", justify="right"), key="number", width=3)
            table.add_column("Student", key="student", width=14)
            table.add_column("Question", key="question", width=prompt_width)
            table.add_column("Typed", key="typed", width=typed_width)
            table.add_column("Verdict", key="verdict", width=9)
            table.add_column("Status", key="status", width=9)
            for d in disputes:
                word, colour = DISPUTE_STATUS[d.status]
                was = d.was_verdict or d.verdict
                table.add_row(
                    Text(str(numbers.get(d.question_id, "")), justify="right"),
                    Text(shorten(clean(d.player, one_line=True), 14)),
                    self._prompt(d.question_id, prompt_width),
                    _typed(d.typed, typed_width),
                    Text(
                        VERDICTS.get(was, (was, ""))[0],
                        style=self._style(VERDICTS.get(was, ("", "foreground"))[1]),
                    ),
                    Text(word, style=self._style(colour, bold=d.status == "open")),
                    key=str(d.dispute_id),
                )
            keep(None)
        self._describe_dispute()

    def _describe_dispute(self) -> None:
        """Under the table: the disputed answer in full, the student's reason, the question's answer."""
        detail = self.query_one("#dispute-detail", Static)
        dispute = self._dispute()
        report = self.report
        if dispute is None or report is None or report.klass is None:
            detail.update(Content(""))
            self.refresh_bindings()
            return
        typed = clean(dispute.typed, one_line=True).strip()
        parts = self._question_head(dispute.question_id, report.klass)
        parts += [
            ("\n", ""),
            (clean(dispute.player, one_line=True), "bold"),
            " typed ",
            f"“{typed}”" if typed else ("(nothing)", "$text-muted"),
        ]
        if dispute.reason and dispute.reason != "(no reason given)":
            parts += [" and says: ", (clean(dispute.reason, one_line=True), "italic")]
        parts += self._expected(dispute.question_id)
        if dispute.status == "open":
            parts += [
                ("\na", "bold $accent"),
                " accept (it counts as right)  ",
                ("r", "bold $accent"),
                " reject",
            ]
        detail.update(Content.assemble(*parts))
        self.refresh_bindings()

    @on(DataTable.RowHighlighted, "#disputes-table")
    def _dispute_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._describe_dispute()

    @on(TabbedContent.TabActivated)
    def _tab_shown(self, event: TabbedContent.TabActivated) -> None:
        self.refresh_bindings()

    def _describe_question(self) -> None:
        """Under the table: the highlighted question in full, its answer, every wrong answer shown."""
        detail = self.query_one("#question-detail", Static)
        table = self.query_one("#questions-table", DataTable)
        report = self.report
        stat = None
        if report is not None and report.klass is not None and table.row_count:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
            stat = next((s for s in report.questions if s.question_id == key), None)
        if stat is None or report is None or report.klass is None:
            detail.update(Content(""))
            return
        parts = self._question_head(stat.question_id, report.klass) + self._expected(stat.question_id)
        if stat.answered:
            parts += [f"\n{stat.right} of {stat.answered} right"]
            if stat.wrong_answers or stat.skipped:
                parts += ["; ", "wrong: " if stat.wrong_answers else "", _wrong_answers(stat, 10_000).plain]
        else:
            parts += [("\nNobody has answered it yet.", "$text-muted")]
        detail.update(Content.assemble(*parts))

    def _describe_answer(self) -> None:
        """Under the table: the highlighted answer in full, as typed, with the question's answer."""
        detail = self.query_one("#answer-detail", Static)
        table = self.query_one("#answers-table", DataTable)
        report = self.report
        answer = None
        if report is not None and report.klass is not None and table.row_count:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
            given = report.answers.get(self.student or "", ())
            answer = next((a for a in given if str(a.answer_id) == key), None)
        if answer is None or report is None or report.klass is None:
            detail.update(Content(""))
            return
        typed = clean(answer.typed, one_line=True).strip()
        word, colour = VERDICTS.get(answer.verdict, (answer.verdict, "foreground"))
        hints = f", {answer.hints} hint{'s' * (answer.hints != 1)}" if answer.hints else ""
        parts = self._question_head(answer.question_id, report.klass)
        parts += [
            ("\nTyped: ", "bold"),
            f"“{typed}”" if typed else ("(nothing)", "$text-muted"),
            "\n",
            (word, f"${colour}"),
            f" · {answer.points} point{'s' * (answer.points != 1)}{hints}",
            f" · in {_duration(answer.seconds)}" if answer.seconds >= 0.5 else "",
        ]
        parts += self._expected(answer.question_id)
        detail.update(Content.assemble(*parts))

    def _question_head(self, question_id: str, klass: ClassRow) -> list[str | tuple[str, str]]:
        """`Q4 Which Thai studio co-produced The Medium (2021)?`, literally."""
        number = _numbers(klass).get(question_id)
        question = (self._prompts or {}).get(question_id)
        head: list[str | tuple[str, str]] = [(f"Q{number} " if number else "", "bold")]
        if question is None:
            return [*head, (question_id, "$text-muted")]
        return [*head, clean(question.prompt, one_line=True)]

    def _expected(self, question_id: str) -> list[str | tuple[str, str]]:
        """` · answer: GDH 559` (every part of it for a question that wants several)."""
        question = (self._prompts or {}).get(question_id)
        if question is None or not question.answers:
            return []
        several = question.type in ("multi", "order")
        expected = ", ".join(question.answers) if several else question.answers[0]
        return [("  Answer: ", "bold"), (clean(expected, one_line=True), "$success")]

    @on(DataTable.RowHighlighted, "#questions-table")
    def _question_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._describe_question()

    @on(DataTable.RowHighlighted, "#answers-table")
    def _answer_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._describe_answer()

    # -- cells -----------------------------------------------------------------------------------
    def _style(self, colour: str, *, bold: bool = False) -> Style:
        value = self.app.theme_variables.get(colour, "")
        try:
            return Style(color=Color.parse(value).rich_color, bold=bold)
        except Exception:  # noqa: BLE001 - a colour the theme leaves out is just not coloured
            return Style(bold=bold)

    def _prompt(self, question_id: str, width: int) -> Text:
        question = (self._prompts or {}).get(question_id)
        if question is None:  # no longer in any pack (or still loading): its id says which it was
            return Text(shorten(question_id, width), style="dim")
        return Text(shorten(clean(question.prompt, one_line=True), width))

    def _progress(self, row: BoardRow) -> Text:
        filled = round(BAR_CELLS * row.answered / row.questions) if row.questions else 0
        done = row.answered >= row.questions
        return Text.assemble(
            ("█" * filled, self._style("success" if done else "primary")),
            ("░" * (BAR_CELLS - filled), "dim"),
            (" done" if done else f" {row.answered}/{row.questions}"),
        )

    def _accuracy(self, stat: QuestionStat) -> Text:
        if stat.accuracy is None:
            return Text("–", justify="right", style="dim")
        colour = "success" if stat.accuracy >= 0.8 else "warning" if stat.accuracy >= 0.5 else "error"
        return Text(f"{stat.accuracy:.0%}", justify="right", style=self._style(colour, bold=True))

    def _verdict(self, answer: AnswerRow) -> Text:
        word, colour = VERDICTS.get(answer.verdict, (answer.verdict, "foreground"))
        return Text(word, style=self._style(colour))


class _kept:
    """Rebuild a table keeping the row under the cursor (by key) and how far it was scrolled."""

    def __init__(self, table: DataTable[Any]) -> None:
        self.table = table

    def __enter__(self) -> Callable[[str | None], None]:
        table = self.table
        self.scroll_y = table.scroll_y
        self.key: str | None = None
        if table.row_count and table.is_valid_row_index(table.cursor_row):
            self.key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return self.keep

    def keep(self, wanted: str | None) -> None:
        table, key = self.table, wanted or self.key
        if key is not None and key in table.rows:
            table.move_cursor(row=table.get_row_index(key), scroll=False)
        table.call_after_refresh(table.scroll_to, y=self.scroll_y, animate=False)

    def __exit__(self, *exc: object) -> None:
        return None


def _summary(report: ClassReport) -> Content:
    klass = report.klass
    if klass is None:
        return Content.assemble(
            ("No classes yet. ", "bold"),
            "Make one on the command line, then give its code to your students:\n",
            ('  kopick-quiz class new "Week 3" --pack contemporary --count 10', "$accent"),
        )
    questions = len(klass.question_ids)
    mode = MODE_WORDS.get(klass.mode, klass.mode)
    if klass.seconds and klass.mode == "exam":
        mode += f", {klass.seconds // 60} min in all"
    elif klass.seconds and klass.mode == "live":
        mode += f", {klass.seconds} s a question"
    status = ("open", "bold $success") if klass.is_open else ("closed", "bold $error")
    first: list[str | tuple[str, str]] = [
        (clean(klass.title, one_line=True), "bold"),
        "  ",
        (klass.code, "bold $accent"),
        f" · {mode} · {questions} question{'s' * (questions != 1)} from {clean(klass.pack, one_line=True)} · ",
        status,
        "\n",
    ]
    closed = f" · closed {_when(klass, closed=True)}" if not klass.is_open else ""
    if not report.board:
        if not klass.is_open:
            return Content.assemble(*first, ("No student joined it", "$text-muted"), closed)
        return Content.assemble(
            *first,
            ("Students join in a terminal: ", "$text-muted"),
            f"kopick-quiz play --class {klass.code} --player NAME",
            ("; in a browser: ", "$text-muted"),
            f"kopick-quiz serve --class {klass.code}",
        )
    students = len(report.board)
    finished = sum(1 for row in report.board if row.answered >= row.questions)
    answered = sum(row.answered for row in report.board)
    right = sum(row.right for row in report.board)
    share = f" · {right / answered:.0%} right" if answered else ""
    second = (
        f"{students} student{'s' * (students != 1)} · {finished} finished · "
        f"{answered} answer{'s' * (answered != 1)}{share}{closed}"
    )
    waiting = sum(1 for d in report.disputes if d.status == "open")
    if waiting:
        return Content.assemble(
            *first, second, (f" · {waiting} dispute{'s' * (waiting != 1)} to decide (4)", "bold $warning")
        )
    return Content.assemble(*first, second)


def _wrong_answers(stat: QuestionStat, width: int) -> Text:
    """`"Shaw Brothers" ×3, "1999"; 2 skipped`: what the class typed instead, literally, as
    many as fit in `width` (the last one cut short)."""
    skipped = f"{stat.skipped} skipped" if stat.skipped else ""
    room = width - (len(skipped) + 2 if skipped else 0)
    parts: list[str | tuple[str, str]] = []
    each = max(14, room // max(1, len(stat.wrong_answers)) - 2)  # one long answer leaves room for the rest
    for typed, count in stat.wrong_answers:
        text = shorten(f"“{clean(typed, one_line=True)}”", each)
        times = f" ×{count}" if count > 1 else ""
        gap = ", " if parts else ""
        need = len(gap) + len(text) + len(times)
        if need > room:
            left = room - len(gap) - len(times)
            if left >= 8 or not parts:
                parts += [gap, shorten(text, max(left, 4)), (times, "dim")]
            break
        parts += [gap, text, (times, "dim")]
        room -= need
    if skipped:
        parts.append(("; " if parts else "") + skipped)
    return Text.assemble(*parts) if parts else Text("–", style="dim")


def _typed(typed: str, width: int) -> Text:
    text = clean(typed, one_line=True).strip()
    return Text(shorten(text, width)) if text else Text("(nothing)", style="dim")


def _numbers(klass: ClassRow) -> dict[str, int]:
    """Each question's number in the class, as its students saw it."""
    return {qid: i for i, qid in enumerate(klass.question_ids, 1)}


def _duration(seconds: float) -> str:
    seconds = round(seconds)
    return f"{seconds // 60}:{seconds % 60:02d}" if seconds else "–"


def _when(klass: ClassRow, *, closed: bool = False) -> str:
    moment = klass.closed_at if closed and klass.closed_at is not None else klass.created_at
    return moment.astimezone().strftime("%-d %b %H:%M")
