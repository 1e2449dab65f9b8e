"""The home screen: packs with sizes and best scores, the mode, remembered choices; palette and help."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Select

from kopick_quiz.tui.screens.help import HelpScreen
from kopick_quiz.tui.screens.home import HomeScreen
from kopick_quiz.tui.screens.quiz import QuizScreen
from kopick_quiz.tui.screens.results import ResultsScreen
from kopick_quiz.tui.widgets.answer_input import AnswerInput
from kopick_quiz.tui.widgets.options import OptionsList

from .conftest import bubbles, drive, make_app, screen_text, search_palette, see_results, settle


def home(app: object) -> HomeScreen:
    screen = app.screen  # type: ignore[attr-defined]
    assert isinstance(screen, HomeScreen), type(screen)
    return screen


def test_home_lists_the_packs_with_their_size(tmp_path: Path) -> None:
    app = make_app(tmp_path, command=None)

    async def scenario(pilot: Pilot[int]) -> None:
        table = home(app).query_one("#packs", DataTable)
        assert table.row_count == 2
        text = screen_text(app)
        assert "All packs" in text and "The Medium" in text
        assert "Review due (6)" in str(home(app).query_one("#mode", Select)._options)
        assert app.focused is table

    drive(app, scenario)


def test_enter_on_a_pack_starts_it_and_the_choices_are_remembered(tmp_path: Path) -> None:
    app = make_app(tmp_path, command=None)

    async def scenario(pilot: Pilot[int]) -> None:
        screen = home(app)
        screen.query_one("#count", Input).value = "2"
        screen.query_one("#player", Input).value = "jun"
        await pilot.press("down", "enter")
        await settle(pilot)
        quiz = app.screen
        assert isinstance(quiz, QuizScreen) and quiz.session is not None
        assert quiz.session.title == "The Medium" and quiz.session.total == 2
        for _ in range(2):
            quiz.query_one(AnswerInput).value = "no idea"
            await pilot.press("enter")
        await see_results(pilot)
        assert isinstance(app.screen, ResultsScreen)
        await pilot.press("h")
        await settle(pilot)
        assert "The Medium" in screen_text(app)
        assert "%" in screen_text(app)  # the best score of the finished quiz

    drive(app, scenario)
    saved = json.loads((tmp_path / "settings.json").read_text())
    assert (saved["pack"], saved["count"], saved["player"], saved["mode"]) == ("medium", 2, "jun", "quick")

    again = make_app(tmp_path, command=None, player=None)

    async def remembered(pilot: Pilot[int]) -> None:
        screen = home(again)
        assert screen.query_one("#player", Input).value == "jun"
        assert screen.query_one("#count", Input).value == "2"
        assert screen.query_one("#packs", DataTable).cursor_row == 1
        assert screen.plan().pack == "medium"

    drive(again, remembered)


def test_retry_missed_asks_the_missed_questions_again(tmp_path: Path) -> None:
    app = make_app(tmp_path, count=3)

    async def scenario(pilot: Pilot[int]) -> None:
        for _ in range(3):
            app.screen.query_one(AnswerInput).value = "no idea"
            await pilot.press("enter")
            await pilot.pause()
        await see_results(pilot)
        assert isinstance(app.screen, ResultsScreen)
        missed = [a.question.id for a in app.screen.results.missed]
        await pilot.press("r")
        await settle(pilot)
        quiz = app.screen
        assert isinstance(quiz, QuizScreen) and quiz.session is not None
        assert [q.id for q in quiz.session.questions] == missed

    drive(app, scenario)


def test_f1_opens_help_and_escape_closes_it(tmp_path: Path) -> None:
    app = make_app(tmp_path)

    async def scenario(pilot: Pilot[int]) -> None:
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert "/hint" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen)

    drive(app, scenario)


@pytest.mark.parametrize(("typed", "effect"), [("skip", "skipped"), ("hint", "hint"), ("score", "note")])
def test_every_quiz_action_is_in_the_command_palette(tmp_path: Path, typed: str, effect: str) -> None:
    app = make_app(tmp_path)

    async def scenario(pilot: Pilot[int]) -> None:
        before = len(bubbles(app, effect))
        await search_palette(pilot, typed)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, QuizScreen)
        assert len(bubbles(app, effect)) == before + 1  # the action said its piece in the chat

    drive(app, scenario)


@pytest.mark.parametrize("size", [(60, 20), (200, 60)])
def test_the_quiz_is_usable_at_small_and_large_sizes(tmp_path: Path, size: tuple[int, int]) -> None:
    app = make_app(tmp_path)

    async def scenario(pilot: Pilot[int]) -> None:
        screen = app.screen
        assert isinstance(screen, QuizScreen)
        answer = screen.query_one(AnswerInput)
        assert answer.region.bottom <= size[1] and answer.region.width >= size[0] - 4
        text = screen_text(app)
        assert "Which Korean studio produced The Medium?" in text
        assert "Question 1/6" in text
        await pilot.press(str(screen.query_one(OptionsList).options.index("Showbox") + 1))
        await pilot.pause()
        assert "Correct" in screen_text(app)

    drive(app, scenario, size=size)


@pytest.mark.parametrize("size", [(60, 20), (200, 60)])
def test_home_is_usable_at_small_and_large_sizes(tmp_path: Path, size: tuple[int, int]) -> None:
    app = make_app(tmp_path, command=None)

    async def scenario(pilot: Pilot[int]) -> None:
        screen = home(app)
        for widget_id in ("#packs", "#mode", "#count", "#player", "#start"):
            region = screen.query_one(widget_id).region
            assert region.height >= 1 and region.bottom <= size[1] - 1, widget_id
            assert region.right <= size[0], widget_id
        assert "The Medium" in screen_text(app)

    drive(app, scenario, size=size)
