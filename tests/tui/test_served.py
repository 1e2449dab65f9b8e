"""A served session (a browser's): the join screen, a class quiz, and nothing that reaches
another player's seat, the teacher's settings, or a file."""

from __future__ import annotations

import threading
from pathlib import Path

import fsrs
import pytest
from textual.widgets import Input

from kopick_quiz.classroom import create_class
from kopick_quiz.grading import Lexicon
from kopick_quiz.settings import save_player_settings
from kopick_quiz.store import Store
from kopick_quiz.tui.app import KopickApp, Launch, ServedApp
from kopick_quiz.tui.commands import QuizCommands
from kopick_quiz.tui.screens.join import JoinScreen
from kopick_quiz.tui.screens.quiz import QuizScreen

from .conftest import DATA, NOW, FakeClock, bubbles, drive, library_from, screen_text, settle


def make_class(data_dir: Path, mode: str = "self", count: int = 3) -> str:
    questions = library_from(DATA / "packs")().questions("medium")
    with Store.open(data_dir, scheduler=fsrs.Scheduler(enable_fuzzing=False)) as store:
        return create_class(store, "Week 3", "medium", questions, count=count, seed=2, mode=mode).code


def served(data_dir: Path, code: str | None = None) -> ServedApp:
    return ServedApp(
        Launch(command="served", served=True, class_code=code),
        library=library_from(DATA / "packs"),
        data_dir=data_dir,
        clock=FakeClock(),
        now=lambda: NOW,
    )


async def join(pilot, name: str, code: str | None = None, key: str | None = None) -> None:
    screen = pilot.app.screen
    assert isinstance(screen, JoinScreen)
    screen.query_one("#name", Input).value = name
    if code is not None:
        screen.query_one("#code", Input).value = code
    if key is not None:
        screen.query_one("#key", Input).value = key
    await pilot.click("#join")
    await settle(pilot)


def answers_in_store(data_dir: Path) -> list[tuple[str, str, str]]:
    with Store.open(data_dir) as store:
        return [(r.player, r.question_id, r.typed) for r in store.answers()]


def test_a_browser_starts_on_the_join_screen_as_nobody(tmp_path):
    app = served(tmp_path)

    async def scenario(pilot):
        assert isinstance(app.screen, JoinScreen)
        assert app.player == ""
        text = screen_text(app)
        assert "Your name" in text and "Class code" in text

    drive(app, scenario)


def test_joining_starts_the_class_and_shows_the_rejoin_key(tmp_path):
    code = make_class(tmp_path)
    app = served(tmp_path)

    async def scenario(pilot):
        await join(pilot, "Jun Seo", code.lower())
        assert isinstance(app.screen, QuizScreen)
        welcome = bubbles(app, "note")[0].text
        assert f"Welcome, Jun Seo: this is Week 3 ({code})." in welcome
        assert f"Your rejoin key is {app.seat.token}." in welcome
        await pilot.press(*"GDH 559", "enter")
        await settle(pilot)

    drive(app, scenario)
    rows = answers_in_store(tmp_path)
    assert len(rows) == 1 and rows[0][0] == "Jun Seo" and rows[0][2] == "GDH 559"


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("ZZZZZZ", "There is no class with the code ZZZZZZ; check the code your teacher gave you."),
        ("", "Type the class code your teacher gave you."),
    ],
)
def test_a_wrong_code_is_said_plainly_on_the_join_screen(tmp_path, typed, message):
    make_class(tmp_path)
    app = served(tmp_path)

    async def scenario(pilot):
        await join(pilot, "Jun", typed)
        assert isinstance(app.screen, JoinScreen)
        assert app.screen.problem == message and app.screen.query_one("#problem").display

    drive(app, scenario)


def test_a_closed_class_is_said_plainly(tmp_path):
    code = make_class(tmp_path)
    with Store.open(tmp_path) as store:
        store.close_class(store.find_class(code).class_id)
    app = served(tmp_path)

    async def scenario(pilot):
        await join(pilot, "Jun", code)
        assert app.screen.problem == f"The class {code} (Week 3) is closed: it takes no more answers."

    drive(app, scenario, size=(120, 30))


def test_another_browser_cannot_take_a_seat_without_its_key(tmp_path):
    code = make_class(tmp_path)
    first = served(tmp_path, code)
    seat: dict[str, str] = {}

    async def play_one(pilot):
        await join(pilot, "Mina")
        seat["key"] = first.seat.token
        await pilot.press(*"GDH 559", "enter")
        await settle(pilot)

    drive(first, play_one)

    async def impostor(pilot):
        await join(pilot, "MINA")
        assert isinstance(second.screen, JoinScreen)
        assert second.screen.problem.startswith("'MINA' has already joined this class; if that is you")
        assert second.screen.query_one("#key").display
        await join(pilot, "MINA", key="AAAAAA")
        assert isinstance(second.screen, JoinScreen)
        assert second.screen.problem.startswith("That rejoin key is not the one 'MINA' was given")

    second = served(tmp_path, code)
    drive(second, impostor, size=(120, 30))

    async def comes_back(pilot):
        await join(pilot, "mina")  # asked for the key, as any second "mina" is
        await join(pilot, "mina", key=seat["key"].lower())
        assert isinstance(back.screen, QuizScreen)
        assert "Welcome back, Mina" in bubbles(back, "note")[0].text
        assert back.session is not None and back.session.total == 2  # the first answer still counts

    back = served(tmp_path, code)
    drive(back, comes_back)
    assert len(answers_in_store(tmp_path)) == 1


def test_a_name_is_shown_literally(tmp_path):
    code = make_class(tmp_path)
    app = served(tmp_path, code)

    async def scenario(pilot):
        await join(pilot, "[b]Kim[/b] [@click=app.quit]\x1b[31m")
        assert "Welcome, [b]Kim[/b] [@click=app.quit][31m:" in bubbles(app, "note")[0].text
        assert not app._exit

    drive(app, scenario)


def test_the_palette_offers_nothing_that_leaves_the_app(tmp_path):
    code = make_class(tmp_path)
    app = served(tmp_path, code)

    async def scenario(pilot):
        provider = QuizCommands(app.screen)
        assert [name for name, _, _ in provider._commands()] == ["Help", "Quit"]
        assert list(app.get_system_commands(app.screen)) == []
        assert {QuizCommands} == ServedApp.COMMANDS  # no system commands: no screenshot saved, no theme
        await join(pilot, "Jun")
        assert isinstance(app.screen, QuizScreen), app.screen.problem
        names = [name for name, _, _ in QuizCommands(app.screen)._commands()]
        assert "Home" not in names and "Quit" in names
        app.action_home()
        await settle(pilot)
        assert isinstance(app.screen, QuizScreen)  # ends nothing, opens no home screen

    drive(app, scenario)


def test_a_served_session_keeps_no_settings_and_reads_none(tmp_path):
    (tmp_path / "settings.json").write_text('{"player": "teacher", "theme": "nord"}')
    code = make_class(tmp_path)
    app = served(tmp_path, code)

    async def scenario(pilot):
        assert app.player == "" and app.theme != "nord"
        await join(pilot, "Jun")
        app.theme = "gruvbox"
        await settle(pilot)

    drive(app, scenario)
    assert (tmp_path / "settings.json").read_text() == '{"player": "teacher", "theme": "nord"}'


def test_a_served_student_gets_the_defaults_not_their_stored_settings_and_saves_none(tmp_path):
    code = make_class(tmp_path)
    with Store.open(tmp_path) as store:
        save_player_settings(store, "Jun", {"count": 4, "theme": "nord"})
        before = store.player_settings("Jun")
    app = served(tmp_path, code)

    async def scenario(pilot):
        await join(pilot, "Jun")
        assert isinstance(app.screen, QuizScreen) and app.player == "Jun"
        assert app.theme != "nord"  # a browser may be anyone who typed that name
        app.theme = "gruvbox"
        await settle(pilot)

    drive(app, scenario)
    with Store.open(tmp_path) as store:
        assert store.player_settings("Jun") == before


def test_a_class_from_the_terminal_resumes_where_it_was_left(tmp_path):
    code = make_class(tmp_path, count=3)

    def terminal() -> KopickApp:
        return KopickApp(
            Launch(command="play", class_code=code, player="jun"),
            library=library_from(DATA / "packs"),
            data_dir=tmp_path,
            clock=FakeClock(),
            now=lambda: NOW,
        )

    async def first(pilot):
        assert isinstance(app.screen, QuizScreen) and app.session.total == 3
        await pilot.press(*"GDH 559", "enter")
        await settle(pilot)
        await pilot.press("f10")
        await settle(pilot)

    app = terminal()
    drive(app, first)

    async def second(pilot):
        assert "Welcome back, jun" in bubbles(again, "note")[0].text
        assert again.session.total == 2

    again = terminal()
    drive(again, second)


def seated(data_dir: Path, code: str) -> list[str]:
    with Store.open(data_dir) as store:
        klass = store.find_class(code)
        assert klass is not None
        return [s.player for s in store.standings(klass.class_id)]


def test_a_join_made_while_the_grader_loads_waits_for_it_so_an_exam_clock_does_not_run(tmp_path, monkeypatch):
    code = make_class(tmp_path, mode="exam")
    gate = threading.Event()
    build = Lexicon.from_base

    def slow(*args, **kwargs):  # a big fact base's grader, still being built
        gate.wait(30)
        return build(*args, **kwargs)

    monkeypatch.setattr(Lexicon, "from_base", slow)
    app = served(tmp_path)

    async def scenario(pilot):
        while app.library is None:  # the questions are loaded; the grader is not
            await pilot.pause(0.05)
        screen = pilot.app.screen
        screen.query_one("#name", Input).value = "Jun Seo"
        screen.query_one("#code", Input).value = code
        await pilot.click("#join")
        await pilot.pause()
        assert isinstance(app.screen, JoinScreen)
        assert "Getting the class's questions ready" in screen_text(app)
        assert seated(tmp_path, code) == []  # no seat yet: the exam's clock has not started
        gate.set()
        await settle(pilot)
        assert isinstance(app.screen, QuizScreen)
        assert "Welcome, Jun Seo" in bubbles(app, "note")[0].text

    drive(app, scenario, loaded=False)
    assert seated(tmp_path, code) == ["Jun Seo"]
