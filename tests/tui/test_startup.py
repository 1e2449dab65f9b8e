"""A fast start: `play` shows its first question from the library cache while the library loads."""

from __future__ import annotations

import threading
from concurrent.futures import Future
from pathlib import Path

import pytest
from textual.pilot import Pilot

from kopick_quiz import cache
from kopick_quiz.library import Library, open_library
from kopick_quiz.progress import Progress
from kopick_quiz.questions import Question
from kopick_quiz.session import select
from kopick_quiz.tui import quickstart
from kopick_quiz.tui.app import KopickApp, Launch
from kopick_quiz.tui.quickstart import Early, early_question, peek
from kopick_quiz.tui.screens.quiz import QuizScreen
from kopick_quiz.tui.widgets.options import OptionsList

from .conftest import DATA, NOW, FakeClock, bubbles, drive, library_from, settle, until


def test_quickstart_reads_the_cache_format_of_kopick_quiz_cache() -> None:
    assert quickstart.CACHE_FILE == cache.CACHE_FILE
    assert quickstart.CACHE_MAGIC == cache.MAGIC
    assert quickstart.CACHE_FORMAT == cache.FORMAT


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> tuple[Library, Path]:
    folder = tmp_path_factory.mktemp("cache")
    return open_library(cache_dir=folder), folder


def test_peek_finds_every_question_the_library_has(shipped: tuple[Library, Path]) -> None:
    library, folder = shipped
    found = peek(folder)
    assert found is not None
    assert [Question.from_compact(q) for q in found.questions(None)] == library.questions(None)
    for pack in library.packs:
        assert [Question.from_compact(q) for q in found.questions(pack.id)] == list(pack.questions)
        assert found.title(pack.id) == pack.title
    assert found.questions("no-such-pack") is None


def test_the_early_question_is_the_quizs_first(shipped: tuple[Library, Path]) -> None:
    library, folder = shipped
    early = early_question([folder], None, 10, 7)
    assert early is not None
    assert early.question == select(library.questions(None), 10, 7)[0]
    assert early.total == 10


def test_a_first_start_takes_its_early_question_from_the_next_cache(
    shipped: tuple[Library, Path], tmp_path: Path
) -> None:
    library, folder = shipped
    early = early_question([tmp_path / "no-cache-yet", folder], None, 10, 7)  # the wheel's, on a first start
    assert early is not None and early.question == select(library.questions(None), 10, 7)[0]


@pytest.mark.parametrize(
    "content",
    [
        "",
        "not json\n",
        '{"magic": "other"}\n',
        '{"magic": "kopick-quiz library cache", "format": 1}\n{}\n[{"id": 1}]\n',
    ],
)
def test_no_early_question_from_a_missing_or_broken_cache(tmp_path: Path, content: str) -> None:
    if content:
        (tmp_path / quickstart.CACHE_FILE).write_text(content)
    assert peek(tmp_path) is None
    assert early_question([tmp_path], None, 10, 1) is None


def gated_app(tmp_path: Path, early: Early | None) -> tuple[KopickApp, threading.Event]:
    """An app whose library waits for the test's go, with an early question already worked out."""
    go = threading.Event()
    load = library_from(DATA / "packs")

    def slow(progress: Progress) -> Library:
        go.wait(120)  # a hang guard: each test lets it go
        return load(progress)

    future: Future[Early | None] = Future()
    future.set_result(early)
    app = KopickApp(
        Launch(command="play", pack="medium", seed=1, player="mina"),
        library=slow,
        data_dir=tmp_path,
        clock=FakeClock(),
        now=lambda: NOW,
        early=future,
    )
    return app, go


def test_the_early_question_shows_before_the_library_and_is_not_asked_twice(tmp_path: Path) -> None:
    first = select(library_from(DATA / "packs")().questions("medium"), 10, 1)[0]
    app, go = gated_app(tmp_path, Early(first, 6, "The Medium"))

    async def scenario(pilot: Pilot[int]) -> None:
        screen = app.screen
        assert isinstance(screen, QuizScreen)
        assert screen.session is None  # the library is still loading...
        assert first.prompt in bubbles(app, "question")[-1].text  # ...and the question is there
        go.set()
        await until(pilot, lambda: screen.session is not None, "the library loaded")
        await settle(pilot)
        assert screen.session is not None and screen.session.current == first
        assert len(bubbles(app, "question")) == 1
        assert not bubbles(app, "note")

    try:
        drive(app, scenario, loaded=False)
    finally:
        go.set()


def test_an_answer_typed_before_the_grader_is_ready_is_graded_when_it_is(tmp_path: Path) -> None:
    first = select(library_from(DATA / "packs")().questions("medium"), 10, 1)[0]
    app, go = gated_app(tmp_path, Early(first, 6, "The Medium"))

    async def scenario(pilot: Pilot[int]) -> None:
        shown = app.screen.query_one(OptionsList).options  # in this quiz's order, from the start
        await pilot.press(str(shown.index("Showbox") + 1))  # before anything can grade it
        go.set()
        await until(pilot, lambda: app.screen.session is not None, "the library loaded")  # type: ignore[attr-defined]
        await settle(pilot)
        session = app.screen.session  # type: ignore[attr-defined]
        assert session is not None and len(session.answered) == 1
        assert session.answered[0].accepted

    try:
        drive(app, scenario, loaded=False)
    finally:
        go.set()


def test_a_stale_early_question_is_replaced_by_the_real_first_one(tmp_path: Path) -> None:
    questions = library_from(DATA / "packs")().questions("medium")
    first = select(questions, 10, 1)[0]
    stale = next(q for q in questions if q != first)
    app, go = gated_app(tmp_path, Early(stale, 6, "The Medium"))
    go.set()

    async def scenario(pilot: Pilot[int]) -> None:
        screen = app.screen
        assert isinstance(screen, QuizScreen) and screen.session is not None
        assert screen.session.current == first
        assert first.prompt in bubbles(app, "question")[-1].text
        assert "The questions have changed" in bubbles(app, "note")[-1].text

    drive(app, scenario)
