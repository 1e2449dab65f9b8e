"""The host's screen of a live game: each phase drawn (snapshots), moved on by a key or by
itself (--auto), a question closed when all have answered, and a reopened host going on."""

from __future__ import annotations

import asyncio
import random
from datetime import timedelta
from pathlib import Path
from typing import Any

import fsrs
import pytest

from kopick_quiz.classroom import create_class, join
from kopick_quiz.classroom.live import grade_live
from kopick_quiz.grading import Lexicon
from kopick_quiz.store import Store
from kopick_quiz.tui.host import HostApp
from kopick_quiz.tui.screens.host import HostHelp, HostScreen

from .conftest import DATA, NOW, library_from, screen_text

PLAYERS = ["Mina Park", "Jun Seo", "Hana Kim", "[b]Ji-ho[/b]"]


class Room:
    """A live class of the test pack with four students seated, on a clock the test moves."""

    def __init__(self, data: Path) -> None:
        self.data = data
        self.now = NOW
        self.ticks = 0.0
        library = library_from(DATA / "packs")()
        self.lexicon = Lexicon.from_base(library.base)
        self.store = Store.open(data, clock=lambda: self.now, scheduler=fsrs.Scheduler(enable_fuzzing=False))
        self.klass = create_class(
            self.store,
            "Week 3 live",
            "medium",
            library.questions("medium"),
            count=3,
            seed=4,
            mode="live",
            rng=random.Random(7),
        )
        index = library.question_index()
        self.questions = [index[q] for q in self.klass.question_ids]
        self.seats = [join(self.store, self.klass.code, name)[1] for name in PLAYERS]

    def host(self, auto: float | None = None) -> HostApp:
        return HostApp(
            lambda: Store.open(self.data, clock=lambda: self.now),
            self.klass,
            self.questions,
            auto=auto,
            now=lambda: self.now,
            clock=lambda: self.ticks,
            poll=None,
        )

    def answer(self, number: int, answers: dict[int, str], after: float = 4.0) -> None:
        """Student i (of PLAYERS) answers question `number` with answers[i] ("RIGHT": its answer)."""
        q = self.questions[number]
        for i, text in answers.items():
            text = q.answers[0] if text == "RIGHT" else text
            self.store.record(self.seats[i].quiz_id, grade_live(q, text, self.lexicon, after, 20.0))

    def close(self) -> None:
        self.store.close()


@pytest.fixture
def room(tmp_path: Path) -> Any:
    r = Room(tmp_path)
    yield r
    r.close()


async def step(app: HostApp, pilot: Any, key: str | None = "space") -> None:
    if key:
        await pilot.press(key)  # the move goes to the game's one thread before the read below
    await app.read()
    await pilot.pause()


def run(app: HostApp, scenario: Any, size: tuple[int, int] = (100, 32)) -> None:
    async def main() -> None:
        async with app.run_test(size=size) as pilot:
            await step(app, pilot, None)
            await scenario(pilot)

    try:
        asyncio.run(main())
    finally:
        app.close_game()


def test_space_moves_the_game_through_its_phases(room):
    app = room.host()
    seen = []

    async def scenario(pilot):
        for _ in range(11):
            seen.append((app.view.phase, app.view.number))
            await step(app, pilot)

    run(app, scenario)
    assert seen == [
        ("lobby", 0), ("question", 0), ("spread", 0), ("board", 0), ("question", 1), ("spread", 1),
        ("board", 1), ("question", 2), ("spread", 2), ("board", 2), ("podium", 2),
    ]  # fmt: skip


def test_a_question_closes_when_everyone_has_answered(room):
    app = room.host()

    async def scenario(pilot):
        await step(app, pilot)
        room.now += timedelta(seconds=3)
        room.answer(0, {0: "GDH 559", 1: "Showbox", 2: "GDH 599"})
        await step(app, pilot, None)
        assert app.view.phase == "question" and app.view.answered == 3
        assert "3 of 4 answered" in screen_text(app)
        room.answer(0, {3: "Shaw Brothers"})  # the fourth student
        await step(app, pilot, None)
        assert app.view.phase == "spread"

    run(app, scenario)


def test_auto_moves_on_by_itself_and_ends_after_the_podium(room):
    app = room.host(auto=2.0)

    async def scenario(pilot):
        phases = [app.view.phase]
        for _ in range(150):  # questions close by their 20 s countdown: nobody answers here
            room.ticks += 1.0
            room.now += timedelta(seconds=1)
            await step(app, pilot, None)
            if app.view.phase != phases[-1]:
                phases.append(app.view.phase)
            if app._exit:
                break
        assert phases == [
            "lobby",
            "question",
            "spread",
            "board",
            "question",
            "spread",
            "board",
            "question",
            "spread",
            "board",
            "podium",
        ]
        assert app._exit and app.return_code == 0

    run(app, scenario)


def test_a_reopened_host_goes_on_where_the_game_was(room):
    first = room.host()

    async def to_board(pilot):
        for _ in range(3):
            await step(first, pilot)

    run(first, to_board)
    again = room.host()

    async def check(pilot):
        assert (again.view.phase, again.view.number) == ("board", 0)

    run(again, check)


def test_help_says_how_speed_earns_points(room):
    app = room.host()

    async def scenario(pilot):
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HostHelp)
        assert "speed bonus of up to 5 points" in screen_text(app).replace("\n", " ").replace("  ", " ")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HostScreen)

    run(app, scenario, size=(110, 40))


# -- snapshots of each phase --------------------------------------------------------------------------


def snap(snap_compare: Any, app: HostApp, scenario: Any) -> bool:
    async def run_before(pilot: Any) -> None:
        await step(app, pilot, None)
        await scenario(pilot)

    try:
        return bool(snap_compare(app, terminal_size=(100, 32), run_before=run_before))
    finally:
        app.close_game()


async def _nothing(pilot: Any) -> None:
    return None


def test_snapshot_lobby(snap_compare, room):
    assert snap(snap_compare, room.host(), _nothing)


def _to_question(room: Room, app: HostApp):
    async def scenario(pilot):
        await step(app, pilot)
        room.now += timedelta(seconds=6)
        room.answer(0, {0: "RIGHT", 1: "Shaw Brothers"})
        await step(app, pilot, None)

    return scenario


def test_snapshot_question(snap_compare, room):
    app = room.host()
    assert snap(snap_compare, app, _to_question(room, app))


def _to_spread(room: Room, app: HostApp, *, then: int = 0):
    async def scenario(pilot):
        await _to_question(room, app)(pilot)
        room.answer(0, {2: "Shaw Brothers", 3: "Shaw brothers"})
        await step(app, pilot, None)
        for _ in range(then):
            await step(app, pilot)

    return scenario


def test_snapshot_spread(snap_compare, room):
    app = room.host()
    assert snap(snap_compare, app, _to_spread(room, app))


def test_snapshot_board(snap_compare, room):
    app = room.host()
    assert snap(snap_compare, app, _to_spread(room, app, then=1))


def test_snapshot_podium(snap_compare, room):
    app = room.host()

    async def scenario(pilot):
        answers = [
            ["RIGHT", "RIGHT", "Shaw Brothers", "x"],
            ["RIGHT", "x", "RIGHT", "1999"],
            ["RIGHT", "no", "RIGHT", ""],
        ]
        for number in range(3):
            await step(app, pilot)
            room.now += timedelta(seconds=2 + number)
            room.answer(number, dict(enumerate(answers[number])))
            await step(app, pilot, None)
            await step(app, pilot)
        await step(app, pilot)

    assert snap(snap_compare, app, scenario)
