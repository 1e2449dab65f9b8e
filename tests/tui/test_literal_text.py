"""Text from packs and students is shown as typed: no markup, no clicks, no terminal control."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from textual.pilot import Pilot

from kopick_quiz.tui.literal import clean, literal
from kopick_quiz.tui.screens.home import HomeScreen
from kopick_quiz.tui.screens.quiz import QuizScreen
from kopick_quiz.tui.screens.results import ResultsScreen
from kopick_quiz.tui.widgets.answer_input import AnswerInput
from kopick_quiz.tui.widgets.score_header import ScoreHeader

from .conftest import DATA, bubbles, drive, last_bubble, make_app, screen_text, see_results

HOSTILE = (DATA / "hostile",)
# Five: one fewer than the test pack's questions, so the quiz is still on screen after the last.
TYPED = [
    "[/bold]",
    "[citation needed]",
    "[@click=app.quit]x[/]",
    "\x1b[31mred\x1b[0m",
    "[b][link=https://x]y",
]


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("\x1b[31mred\x1b[0m", "red"),
        ("a\x1b]0;title\x07b", "ab"),
        ("bell\x07 and nul\x00", "bell and nul"),
        ("c1\x9b31m csi and \x85 nel", "c1 csi and  nel"),
        ("tab\there", "tab here"),
        ("right\u202eto left", "rightto left"),
        (
            "[/bold] [citation needed] [@click=app.quit]x[/]",
            "[/bold] [citation needed] [@click=app.quit]x[/]",
        ),
        ("two\nlines", "two\nlines"),
        ("Bong Joon-ho 봉준호", "Bong Joon-ho 봉준호"),
    ],
)
def test_clean_drops_controls_and_keeps_text(text: str, shown: str) -> None:
    assert clean(text) == shown


def test_clean_one_line_joins_lines() -> None:
    assert clean("a\nb", one_line=True) == "a b"


@given(st.text())
def test_cleaned_text_has_no_control_characters(text: str) -> None:
    out = clean(text)
    assert not any((ord(c) < 0x20 and c != "\n") or 0x7F <= ord(c) < 0xA0 for c in out)


@given(st.text())
def test_literal_content_is_exactly_the_cleaned_text(text: str) -> None:
    assert literal(text).plain == clean(text)


def test_hostile_pack_shows_every_field_as_written(tmp_path: Path) -> None:
    app = make_app(tmp_path, pack="hostile", folders=HOSTILE, seed=2)

    async def scenario(pilot: Pilot[int]) -> None:
        screen = app.screen
        assert isinstance(screen, QuizScreen)
        assert screen.query_one(ScoreHeader).pack == "[b]Hostile[/b] [@click=app.quit]pack[/] [/bold]"
        text = screen_text(app)
        assert "[b]Hostile[/b] [@click=app.quit]pack[/] [/bold]" in text
        session = screen.session
        assert session is not None
        while not session.finished:
            question = session.current
            assert question is not None
            shown = last_bubble(app, "question").text
            assert clean(question.prompt) in shown
            if question.type == "choice":
                assert "[@click=app.quit]Showbox[/]" in screen_text(app)  # in the options list
                await pilot.press("1")
            else:
                assert "[citation needed]" in screen_text(app)
                assert "\x1b" not in screen_text(app)
                await pilot.press(*"Showbox", "enter")
            await pilot.pause()
        await see_results(pilot)
        assert isinstance(app.screen, ResultsScreen)
        assert "[b]tag[/b]" in str(app.screen.query_one("#tags").render())
        shown = "\n".join(str(w.render()) for w in app.screen.query(".missed"))
        assert "[red]no colour[/red]" in shown

    drive(app, scenario)
    assert app.return_code in (None, 0) and app.error is None


def test_typed_markup_is_echoed_as_typed_and_graded_as_text(tmp_path: Path) -> None:
    app = make_app(tmp_path)

    async def scenario(pilot: Pilot[int]) -> None:
        for typed in TYPED:
            answer = app.screen.query_one(AnswerInput)
            answer.value = typed
            await pilot.press("enter")
            await pilot.pause()
            assert last_bubble(app, "you").text == clean(typed, one_line=True)
            assert isinstance(app.screen, QuizScreen)
        assert "\x1b" not in screen_text(app)

    drive(app, scenario)


def test_clicking_a_pack_click_action_does_nothing(tmp_path: Path) -> None:
    app = make_app(tmp_path, pack="hostile", folders=HOSTILE, seed=2)

    async def scenario(pilot: Pilot[int]) -> None:
        lines = screen_text(app).splitlines()
        spots = [(line.index("[@click"), y) for y, line in enumerate(lines) if "[@click" in line]
        assert spots
        for x, y in spots:
            await pilot.click(offset=(x + 2, y))
            await pilot.pause()
        assert not app._exit
        assert isinstance(app.screen, QuizScreen)

    drive(app, scenario)


def test_home_lists_a_hostile_pack_title_literally(tmp_path: Path) -> None:
    app = make_app(tmp_path, command=None, folders=(DATA / "packs", DATA / "hostile"))

    async def scenario(pilot: Pilot[int]) -> None:
        assert isinstance(app.screen, HomeScreen)
        assert "[b]Hostile[/b] [@click=app.quit]pac" in screen_text(app)

    drive(app, scenario)


def test_a_hostile_player_name_is_a_literal_border_title(tmp_path: Path) -> None:
    app = make_app(tmp_path, player="[b]mina[/b] [@click=app.quit]q[/]\x1b[2J")

    async def scenario(pilot: Pilot[int]) -> None:
        await pilot.press(*"Showbox, the Korean studio", "enter")
        await pilot.pause()
        mine = bubbles(app, "you")[-1]
        assert mine.sender == "[b]mina[/b] [@click=app.quit]q[/]"
        assert "[b]mina[/b]" in screen_text(app)

    drive(app, scenario)
