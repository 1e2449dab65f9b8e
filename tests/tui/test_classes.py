"""The Class screen: the classes, a class's board, its hardest questions, a student's answers
(shown literally), answers arriving while it is open, closing a class; never in a served app."""

from __future__ import annotations

import random
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

import fsrs
import pytest
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.widgets import DataTable, OptionList, Static, TabbedContent

from kopick_quiz.classroom import create_class, join
from kopick_quiz.grading import Verdict
from kopick_quiz.session import Answered
from kopick_quiz.store import Store
from kopick_quiz.tui.app import KopickApp, Launch, ServedApp
from kopick_quiz.tui.screens.classes import ClassesScreen
from kopick_quiz.tui.screens.confirm import ConfirmScreen
from kopick_quiz.tui.screens.home import HomeScreen

from .conftest import (
    DATA,
    NOW,
    FakeClock,
    drive,
    library_from,
    make_app,
    screen_text,
    search_palette,
    settle,
    until,
)
from .test_snapshots import snapshot

SCORES = {"correct": 1.0, "close": 0.9, "partial": 0.5, "incorrect": 0.0}
HOSTILE = "[@click=app.quit]Shaw[/] [bold red]Brothers"
# student -> [(question id, typed, verdict, points)], in the order they answered
ANSWERS: dict[str, list[tuple[str, str, str, int]]] = {
    "Mina": [
        ("medium.studio", "GDH 559", "correct", 10),
        ("medium.director", "Banjong Pisanthanakun", "correct", 12),
        ("medium.korean-studio", "Showbox", "correct", 14),
        ("medium.bifan", "true", "correct", 16),
        ("medium.year", "2021", "correct", 18),
        ("medium.countries", "South Korea", "partial", 5),
    ],
    "Jun [b]Seo[/b]": [
        ("medium.studio", HOSTILE, "incorrect", 0),
        ("medium.director", "Banjong Pisanthanakon", "close", 9),
        ("medium.korean-studio", "Shaw Brothers", "incorrect", 0),
        ("medium.bifan", "", "skipped", 0),
    ],
    "Hana": [
        ("medium.studio", "shaw brothers", "incorrect", 0),
        ("medium.director", "Na Hong-jin\x1b[2J\x07", "incorrect", 0),  # a terminal's clear-screen, not shown
    ],
}


def answered(qid: str, typed: str, verdict: str, points: int) -> Answered:
    from kopick_quiz.questions import Question

    question = Question(id=qid, pack="medium", type="short", prompt="", answers=("x",))  # type: ignore[arg-type]
    judged = None if verdict == "skipped" else Verdict(verdict, SCORES[verdict], "x", "")  # type: ignore[arg-type]
    return Answered(question, typed, judged, 0, 12.0, points, 0)


def fill_classes(data_dir: Path, answers: dict[str, list[tuple[str, str, str, int]]] = ANSWERS) -> str:
    """Two classes in the store the app will open: an old closed exam, and "Week 3" with
    three students' answers. Returns Week 3's join code."""
    questions = library_from(DATA / "packs")().questions("medium")
    when = NOW

    def clock() -> Any:
        return when

    rng = random.Random(5)
    with Store.open(data_dir, clock=clock, scheduler=fsrs.Scheduler(enable_fuzzing=False)) as store:
        old = create_class(store, "Week 2 quiz", "medium", questions, count=3, seed=2, mode="exam", rng=rng)
        when += timedelta(days=2)
        store.close_class(old.class_id)
        when += timedelta(days=5)
        klass = create_class(store, "Week 3", "medium", questions, seed=1, rng=rng)
        for student, given in answers.items():
            when += timedelta(minutes=1)
            _, seat = join(store, klass.code, student, trusted=True)
            for row in given:
                when += timedelta(seconds=20)
                store.record(seat.quiz_id, answered(*row))
    return klass.code


def record(data_dir: Path, code: str, student: str, *rows: tuple[str, str, str, int]) -> None:
    """Answers from another process (a student's `play --class`), while the app is open."""
    with Store.open(data_dir) as store:
        _, seat = join(store, code, student, trusted=True)
        for row in rows:
            store.record(seat.quiz_id, answered(*row))


def home_app(data_dir: Path) -> KopickApp:
    return make_app(data_dir, command=None)


async def open_classes(pilot: Pilot[Any]) -> ClassesScreen:
    await settle(pilot)
    await pilot.press("c")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, ClassesScreen)
    return screen


def table(app: Any, selector: str) -> DataTable[Any]:
    return app.screen.query_one(selector, DataTable)


def detail(app: Any, selector: str) -> str:
    """The text of the panel under a table (the highlighted row in full), on one line."""
    content = app.screen.query_one(selector, Static).content
    return " ".join(content.plain.split())


def column(app: Any, selector: str, key: str) -> list[str]:
    t = table(app, selector)
    return [t.get_cell(row, key).plain for row in t.rows]


@pytest.fixture(autouse=True)
def _utc(monkeypatch: pytest.MonkeyPatch) -> None:
    # The classes' dates are shown in local time: fix it, for the snapshots.
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()


def test_c_on_home_lists_the_classes_newest_first(tmp_path: Path) -> None:
    code = fill_classes(tmp_path)
    app = home_app(tmp_path)

    async def scenario(pilot: Pilot[Any]) -> None:
        await open_classes(pilot)
        assert column(app, "#classes", "title") == ["Week 3", "Week 2 quiz"]
        assert column(app, "#classes", "code")[0] == code
        assert column(app, "#classes", "students") == ["3", "0"]
        assert column(app, "#classes", "status") == ["open", "closed"]
        assert column(app, "#classes", "mode") == ["self-paced", "exam"]
        shown = screen_text(app)
        assert f"Week 3  {code} · self-paced · 6 questions from medium · open" in shown
        assert "3 students · 1 finished · 12 answers · 50% right" in shown

    drive(app, scenario, (100, 40))


def test_the_board_ranks_students_by_points(tmp_path: Path) -> None:
    fill_classes(tmp_path)
    app = home_app(tmp_path)

    async def scenario(pilot: Pilot[Any]) -> None:
        await open_classes(pilot)
        assert column(app, "#board-table", "student") == ["Mina", "Jun [b]Seo[/b]", "Hana"]
        assert column(app, "#board-table", "points") == ["75", "9", "0"]
        assert column(app, "#board-table", "right") == ["5/6", "1/4", "0/2"]
        progress = column(app, "#board-table", "progress")
        assert progress[0].endswith("done") and progress[1].endswith("4/6") and progress[2].endswith("2/6")

    drive(app, scenario, (100, 40))


def test_another_class_shows_its_own_board(tmp_path: Path) -> None:
    fill_classes(tmp_path)
    app = home_app(tmp_path)

    async def scenario(pilot: Pilot[Any]) -> None:
        screen = await open_classes(pilot)
        await pilot.press("down")
        await settle(pilot)
        assert screen.code is not None and "Week 2 quiz" in screen_text(app)
        assert "Nobody joined this class before it was closed." in screen_text(app)
        assert "No student joined it · closed 3 May 09:00" in screen_text(app)
        assert "exam, 3 min in all" in screen_text(app)
        assert not screen.check_action("close_class", ())

    drive(app, scenario, (100, 40))


def test_the_hardest_question_comes_first_with_its_wrong_answers(tmp_path: Path) -> None:
    fill_classes(tmp_path)
    app = home_app(tmp_path)

    async def scenario(pilot: Pilot[Any]) -> None:
        await open_classes(pilot)
        await pilot.press("2")
        await settle(pilot)
        assert app.screen.query_one(TabbedContent).active == "questions"
        questions = table(app, "#questions-table")
        # Hardest first: nobody got both countries, only Mina the Thai studio; ties in the class's order.
        assert [key.value for key in questions.rows][:2] == ["medium.countries", "medium.studio"]
        assert [key.value for key in questions.rows][-1] == "medium.year"
        row = questions.get_row("medium.studio")
        assert row[1].plain.startswith("Which Thai studio co-produced")  # the prompt, from the library
        assert [row[2].plain, row[3].plain] == ["3", "33%"]
        assert row[4].plain.startswith("“[@click=app.q") and row[4].plain.endswith(", “shaw brothers”")
        bifan = questions.get_row("medium.bifan")
        assert bifan[4].plain == "1 skipped" and bifan[3].plain == "50%"
        # The highlighted question in full under the table: its answer, every wrong answer as typed.
        await pilot.press("down")
        await settle(pilot)
        assert detail(app, "#question-detail") == (
            "Q4 Which Thai studio co-produced The Medium (2021)? Answer: GDH 559 "
            f"1 of 3 right; wrong: “{HOSTILE}”, “shaw brothers”"
        )

    drive(app, scenario, (100, 40))


def test_a_students_answers_are_shown_as_typed(tmp_path: Path) -> None:
    fill_classes(tmp_path)
    app = home_app(tmp_path)

    async def scenario(pilot: Pilot[Any]) -> None:
        screen = await open_classes(pilot)
        await pilot.press("tab", "tab", "down", "enter")  # the board's second student
        await settle(pilot)
        assert app.screen.query_one(TabbedContent).active == "answers"
        assert screen.student == "Jun [b]Seo[/b]"
        typed = column(app, "#answers-table", "typed")
        assert typed[0].startswith("[@click=app.quit]Shaw[/]")  # as typed (cut to the column)
        assert typed[1:] == ["Banjong Pisanthanakon", "Shaw Brothers", "(nothing)"]
        assert column(app, "#answers-table", "verdict") == ["✗ wrong", "✓ close", "✗ wrong", "– skipped"]
        assert column(app, "#answers-table", "points") == ["0", "9", "0", "0"]
        shown = " ".join(screen_text(app).split())
        assert "Jun [b]Seo[/b] · 9 points · 4 of 6 answered" in shown
        # The highlighted answer in full, below: the question, what was typed, the answer.
        assert detail(app, "#answer-detail") == (
            f"Q4 Which Thai studio co-produced The Medium (2021)? Typed: “{HOSTILE}” "
            "✗ wrong · 0 points · in 0:12 Answer: GDH 559"
        )
        assert HOSTILE in screen_text(app)
        await pilot.press("down")
        await settle(pilot)
        assert detail(app, "#answer-detail").startswith(
            "Q6 Who directed The Medium (2021)? Typed: “Banjong Pisanthanakon” ✓ close · 9 points"
        )
        # The student list picks another one.
        students = app.screen.query_one("#students", OptionList)
        students.focus()
        await pilot.press("down")
        await settle(pilot)
        assert screen.student == "Hana"
        assert column(app, "#answers-table", "typed") == ["shaw brothers", "Na Hong-jin"]
        assert app.is_running

    drive(app, scenario, (100, 40))


def test_answers_given_while_it_is_open_show_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code = fill_classes(tmp_path)
    monkeypatch.setattr(ClassesScreen, "REFRESH_SECONDS", 0.1)
    app = home_app(tmp_path)

    async def scenario(pilot: Pilot[Any]) -> None:
        await open_classes(pilot)
        record(tmp_path, code, "Hana", ("medium.korean-studio", "Showbox", "correct", 10))
        record(tmp_path, code, "Dae", ("medium.studio", "GDH 559", "correct", 10))
        await until(pilot, lambda: len(table(app, "#board-table").rows) == 4, "a refresh or two")
        await settle(pilot)
        assert column(app, "#board-table", "student") == ["Mina", "Dae", "Hana", "Jun [b]Seo[/b]"]
        assert column(app, "#board-table", "points") == ["75", "10", "10", "9"]
        assert column(app, "#board-table", "rank") == ["1", "2", "2", "4"]  # a tie shares its rank
        assert column(app, "#classes", "students")[0] == "4"

    drive(app, scenario, (100, 40))


def test_the_board_keeps_the_student_under_the_cursor_as_answers_come(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 40 students, each a question right fewer than the one before: the board is in their order.
    students = {f"Student {i:02d}": [("medium.studio", "GDH 559", "correct", 40 - i)] for i in range(1, 41)}
    code = fill_classes(tmp_path, students)
    monkeypatch.setattr(ClassesScreen, "REFRESH_SECONDS", 0.1)
    app = home_app(tmp_path)

    async def scenario(pilot: Pilot[Any]) -> None:
        screen = await open_classes(pilot)
        await pilot.press("tab", "tab", *["down"] * 25)
        await settle(pilot)
        board = table(app, "#board-table")
        assert board.coordinate_to_cell_key(board.cursor_coordinate).row_key.value == "Student 26"
        assert screen.student == "Student 26"  # the Answers tab shows who the board points at
        record(tmp_path, code, "Student 40", ("medium.year", "2021", "correct", 100))
        await until(
            pilot, lambda: column(app, "#board-table", "student")[0] == "Student 40", "a refresh or two"
        )
        await settle(pilot)
        assert column(app, "#board-table", "student")[0] == "Student 40"
        assert board.coordinate_to_cell_key(board.cursor_coordinate).row_key.value == "Student 26"
        assert board.cursor_row == 26  # one place down: Student 40 went past them

    drive(app, scenario, (100, 40))


def test_its_colours_follow_the_theme(tmp_path: Path) -> None:
    fill_classes(tmp_path)
    app = home_app(tmp_path)

    def colour_of_open() -> str:
        cell = table(app, "#classes").get_row_at(0)[5]
        return cell.style.color.triplet.hex

    async def scenario(pilot: Pilot[Any]) -> None:
        await open_classes(pilot)
        assert colour_of_open() == app.theme_variables["success"].lower()
        app.theme = "nord"  # another green
        await settle(pilot)
        assert colour_of_open() == app.theme_variables["success"].lower()

    drive(app, scenario, (100, 40))


def test_closing_a_class_asks_first_and_stops_it(tmp_path: Path) -> None:
    code = fill_classes(tmp_path)
    app = home_app(tmp_path)

    async def scenario(pilot: Pilot[Any]) -> None:
        screen = await open_classes(pilot)
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await settle(pilot)
        assert app.screen is screen and column(app, "#classes", "status")[0] == "open"
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot)
        assert app.screen is screen
        assert column(app, "#classes", "status")[0] == "closed"
        shown = screen_text(app)
        assert f"Week 3  {code} · self-paced · 6 questions from medium · closed" in shown
        assert "3 students · 1 finished · 12 answers · 50% right · closed " in shown
        assert not screen.check_action("close_class", ())
        assert column(app, "#board-table", "student") == ["Mina", "Jun [b]Seo[/b]", "Hana"]  # results stay

    drive(app, scenario, (100, 40))
    with Store.open(tmp_path) as store:
        klass = store.find_class(code)
        assert klass is not None and not klass.is_open


def test_the_palette_on_home_opens_it(tmp_path: Path) -> None:
    fill_classes(tmp_path)
    app = home_app(tmp_path)

    async def scenario(pilot: Pilot[Any]) -> None:
        await search_palette(pilot, "classes")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ClassesScreen)
        await pilot.press("h")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)

    drive(app, scenario, (100, 40))


def test_no_classes_says_how_to_make_one(tmp_path: Path) -> None:
    app = home_app(tmp_path)

    async def scenario(pilot: Pilot[Any]) -> None:
        screen = await open_classes(pilot)
        assert "No classes yet." in screen_text(app)
        assert 'kopick-quiz class new "Week 3" --pack' in screen_text(app)
        assert not screen.check_action("close_class", ())

    drive(app, scenario, (100, 40))


def test_without_a_history_it_says_there_are_no_classes_here(tmp_path: Path) -> None:
    app = KopickApp(
        Launch(command=None, player="mina"),
        library=library_from(DATA / "packs"),
        data_dir=tmp_path,
        clock=FakeClock(),
        now=lambda: NOW,
        persist=False,
    )

    async def scenario(pilot: Pilot[Any]) -> None:
        await open_classes(pilot)
        assert "no history is kept here" in screen_text(app)

    drive(app, scenario, (100, 40))


def test_a_served_session_cannot_reach_it(tmp_path: Path) -> None:
    fill_classes(tmp_path)
    app = ServedApp(
        Launch(command="served", served=True),
        library=library_from(DATA / "packs"),
        data_dir=tmp_path,
        clock=FakeClock(),
        now=lambda: NOW,
    )

    async def scenario(pilot: Pilot[Any]) -> None:
        await pilot.press("c", "escape")
        app.show_classes()
        await settle(pilot)
        await search_palette(pilot, "class")
        assert isinstance(app.screen, CommandPalette)
        assert "Classes" not in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert not any(isinstance(s, ClassesScreen) for s in app.screen_stack)

    drive(app, scenario, (100, 40))


def test_class_screen_snapshot(snap_compare: Any, tmp_path: Path) -> None:
    fill_classes(tmp_path)
    assert snapshot(snap_compare, home_app(tmp_path), (100, 40), _press("c"))


def test_class_screen_hardest_questions_snapshot(snap_compare: Any, tmp_path: Path) -> None:
    fill_classes(tmp_path)
    assert snapshot(snap_compare, home_app(tmp_path), (100, 40), _press("c", "2"))


def test_class_screen_answers_snapshot_small_terminal(snap_compare: Any, tmp_path: Path) -> None:
    fill_classes(tmp_path)
    assert snapshot(snap_compare, home_app(tmp_path), (80, 24), _press("c", "tab", "tab", "down", "enter"))


def _press(*keys: str) -> Any:
    async def scenario(pilot: Pilot[Any]) -> None:
        for key in keys:
            await pilot.press(key)
            await settle(pilot)

    return scenario


def test_a_teacher_accepts_a_dispute_and_the_board_follows(tmp_path: Path) -> None:
    code = fill_classes(tmp_path)
    with Store.open(tmp_path) as store:
        klass = store.find_class(code)
        rows = list(store.answers(class_id=klass.class_id))
        hana = [r for r in rows if r.player == "Hana"]
        store.dispute(hana[0].answer_id, "shaw brothers [b]did[/b] it")
        store.dispute(hana[1].answer_id, "")
    app = home_app(tmp_path)

    async def scenario(pilot: Pilot[Any]) -> None:
        screen = await open_classes(pilot)
        assert "2 disputes to decide" in detail(app, "#summary")
        await pilot.press("4")
        await settle(pilot)
        assert screen.query_one(TabbedContent).active == "disputes"
        assert column(app, "#disputes-table", "status") == ["to decide", "to decide"]
        assert "Hana typed “shaw brothers” and says: shaw brothers [b]did[/b] it" in detail(
            app, "#dispute-detail"
        )
        hana_before = next(r for r in screen.report.board if r.player == "Hana")
        await pilot.press("a")
        await settle(pilot)
        assert column(app, "#disputes-table", "status") == ["accepted", "to decide"]
        hana = next(r for r in screen.report.board if r.player == "Hana")
        assert (hana.right, hana.points) == (hana_before.right + 1, hana_before.points + 10)
        await pilot.press("down", "r")
        await settle(pilot)
        assert column(app, "#disputes-table", "status") == ["accepted", "rejected"]
        await pilot.press("a")  # a decided dispute stays decided
        await settle(pilot)
        assert column(app, "#disputes-table", "status") == ["accepted", "rejected"]
        assert "dispute" not in detail(app, "#summary")

    drive(app, scenario, size=(110, 40))
    with Store.open(tmp_path) as store:
        decided = store.disputes(store.find_class(code).class_id)
    assert [d.status for d in decided] == ["accepted", "rejected"]
