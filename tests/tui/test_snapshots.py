"""Snapshots of each screen: fixed seed, player, size and clock, so nothing changes between runs.

Regenerate after a deliberate change with `pytest tests/tui --snapshot-update` and look at
the report before committing the new SVGs.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from kopick_quiz.tui.app import KopickApp
from kopick_quiz.tui.widgets.answer_input import AnswerInput
from kopick_quiz.tui.widgets.options import OptionsList

from .conftest import DATA, make_app, see_results, settle

Scenario = Callable[[Pilot[Any]], Awaitable[None]]


def snapshot(
    snap_compare: Any, app: KopickApp, size: tuple[int, int], scenario: Scenario | None = None
) -> bool:
    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        for field in pilot.app.screen.query(Input):
            field.cursor_blink = False  # a blinking cursor would make every snapshot a coin toss
        if scenario is not None:
            await scenario(pilot)
            await settle(pilot)

    try:
        return bool(snap_compare(app, terminal_size=size, run_before=run_before))
    finally:
        if app.history is not None:
            app.history.close()


async def answer(pilot: Pilot[Any], *texts: str) -> None:
    for text in texts:
        pilot.app.screen.query_one(AnswerInput).value = text
        await pilot.press("enter")
        await pilot.pause()


async def three_answers(pilot: Pilot[Any]) -> None:
    shown = pilot.app.screen.query_one(OptionsList).options
    await pilot.press(str(shown.index("Showbox") + 1))  # right, by number
    await pilot.press("n")  # wrong
    await answer(pilot, "South Korea")  # partly right


async def whole_quiz(pilot: Pilot[Any]) -> None:
    await three_answers(pilot)
    await answer(pilot, "/hint", "GDH 559", "/skip", "Banjong Pisanthanakon")
    await see_results(pilot)


@pytest.mark.parametrize("size", [(100, 30), (60, 20)])
def test_home_screen(snap_compare: Any, tmp_path: Path, size: tuple[int, int]) -> None:
    app = make_app(tmp_path, command=None)
    assert snapshot(snap_compare, app, size)


@pytest.mark.parametrize("size", [(100, 30), (60, 20), (200, 60)])
def test_quiz_screen_after_three_answers(snap_compare: Any, tmp_path: Path, size: tuple[int, int]) -> None:
    app = make_app(tmp_path)
    assert snapshot(snap_compare, app, size, three_answers)


def test_results_screen(snap_compare: Any, tmp_path: Path) -> None:
    app = make_app(tmp_path)
    assert snapshot(snap_compare, app, (100, 40), whole_quiz)


def test_quiz_screen_with_hostile_markup(snap_compare: Any, tmp_path: Path) -> None:
    app = make_app(tmp_path, pack="hostile", folders=(DATA / "hostile",), seed=2)

    async def typed(pilot: Pilot[Any]) -> None:
        await answer(pilot, "[/bold] [citation needed] [@click=app.quit]x[/]")

    assert snapshot(snap_compare, app, (100, 30), typed)
