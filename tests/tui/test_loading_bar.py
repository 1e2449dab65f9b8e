"""A slow load (a large fact base, no cache yet) shows how far it has gone; a quick one shows nothing."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import ProgressBar

from kopick_quiz.facts.base import FactBase
from kopick_quiz.library import Library
from kopick_quiz.progress import Progress
from kopick_quiz.tui.app import KopickApp, Launch
from kopick_quiz.tui.screens.home import HomeScreen
from kopick_quiz.tui.screens.quiz import QuizScreen
from kopick_quiz.tui.widgets.loading_bar import LoadingBar

from .conftest import DATA, NOW, FakeClock, drive, library_from, screen_text, until

LABEL = "Loading the facts…"


def app_with(loader: Callable[[Progress], Library], command: str | None, bar_after: float) -> KopickApp:
    app = KopickApp(
        Launch(command=command, pack="medium", seed=1, player="mina"),
        library=loader,
        data_dir=None,
        clock=FakeClock(),
        now=lambda: NOW,
        persist=False,
    )
    app.LOADING_BAR_AFTER = bar_after
    return app


@pytest.mark.parametrize("command, screen", [(None, HomeScreen), ("play", QuizScreen)])
def test_a_slow_load_shows_a_bar_until_the_library_is_ready(
    command: str | None, screen: type, tmp_path: Path
) -> None:
    go = threading.Event()
    load = library_from(DATA / "packs")

    def slow(progress: Progress) -> Library:
        progress(30, 100)
        go.wait(120)  # a hang guard: the test lets it go once it has seen the bar
        return load(progress)

    app = app_with(slow, command, bar_after=0.0)

    async def scenario(pilot: Pilot[int]) -> None:
        assert isinstance(app.screen, screen)

        def bar_shown() -> bool:
            bars = app.screen.query(LoadingBar)
            return bool(bars) and bars.first().display and bars.first().region.height == 1

        await until(pilot, bar_shown, "the loading bar")
        await pilot.pause()
        shown = screen_text(app)
        assert LABEL in shown and "30%" in shown
        go.set()
        await until(pilot, lambda: app.library is not None, "the library loaded")
        await pilot.pause()
        assert not any(bar.display for bar in app.screen.query(LoadingBar))
        assert LABEL not in screen_text(app)
        if isinstance(app.screen, QuizScreen):  # the quiz's own bar is back in its place
            assert app.screen.query_one("#progress", ProgressBar).display

    try:
        drive(app, scenario, loaded=False)
    finally:
        go.set()


def test_a_quick_load_shows_no_bar(tmp_path: Path) -> None:
    load = library_from(DATA / "packs")

    def quick(progress: Progress) -> Library:
        for done in range(11):
            progress(done, 10)
        return load(progress)

    app = app_with(quick, None, bar_after=KopickApp.LOADING_BAR_AFTER)

    async def scenario(pilot: Pilot[int]) -> None:
        assert app.library is not None
        assert not app.screen.query(LoadingBar)  # never made, not even for a moment
        assert LABEL not in screen_text(app)

    drive(app, scenario)


def test_a_slow_grader_after_the_first_question_shows_a_bar_until_it_is_ready(tmp_path: Path) -> None:
    go = threading.Event()
    load = library_from(DATA / "packs")

    def slow_base(progress: Progress) -> Library:
        loaded = load(progress)
        base = loaded.base

        def validate() -> FactBase:  # as a big base validated from the cache on first use
            go.wait(10)
            return base

        return Library(validate, loaded.packs, [])

    app = app_with(slow_base, "play", bar_after=0.0)

    async def scenario(pilot: Pilot[int]) -> None:
        await until(pilot, lambda: app.library is not None and isinstance(app.screen, QuizScreen))
        await until(
            pilot, lambda: bool(app.screen.query(LoadingBar)) and app.screen.query_one(LoadingBar).display
        )
        await pilot.pause()
        assert app.lexicon is None
        assert LABEL in screen_text(app)
        go.set()
        await until(pilot, lambda: app.lexicon is not None)
        await pilot.pause()
        assert not any(bar.display for bar in app.screen.query(LoadingBar))
        assert LABEL not in screen_text(app)

    try:
        drive(app, scenario, loaded=False)
    finally:
        go.set()


def test_the_bar_follows_the_fact_base_as_it_is_read_from_the_cache(tmp_path: Path) -> None:
    go = threading.Event()
    load = library_from(DATA / "packs")

    def deferred(progress: Progress) -> Library:
        loaded = load(progress)
        base = loaded.base

        def read(progress: Progress) -> FactBase:  # as the cache's loader: told how far it has read
            progress(50, 100)
            go.wait(120)  # a hang guard: the test lets it go once it has seen the bar
            progress(100, 100)
            return base

        return Library(read, loaded.packs, [])

    app = app_with(deferred, "play", bar_after=0.0)

    async def scenario(pilot: Pilot[int]) -> None:
        await until(pilot, lambda: app.library is not None and isinstance(app.screen, QuizScreen))

        def halfway_through_reading() -> bool:
            loading = app.screen.query(LoadingBar)
            if not loading or not loading.first().display:
                return False
            bar = loading.first().query_one(ProgressBar)
            if not bar.total:
                return False
            shown = bar.progress / bar.total
            return 0.05 < shown < 0.3  # half of the fact base's share of the bar (the names come next)

        await until(pilot, halfway_through_reading, "the bar part-way through reading the fact base")
        assert app.lexicon is None
        go.set()
        await until(pilot, lambda: app.lexicon is not None)

    try:
        drive(app, scenario, loaded=False)
    finally:
        go.set()
