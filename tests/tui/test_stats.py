"""The Stats screen: opened from home (`s`, the palette), its tabs of plots, the weakest questions;
and tags shown as people read them on the results screen."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import fsrs
import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, TabbedContent

from kopick_quiz.grading import Verdict
from kopick_quiz.session import Answered
from kopick_quiz.store import Store
from kopick_quiz.tui.app import KopickApp, Launch
from kopick_quiz.tui.screens.home import HomeScreen
from kopick_quiz.tui.screens.quiz import QuizScreen
from kopick_quiz.tui.screens.results import ResultsScreen
from kopick_quiz.tui.screens.stats import StatsScreen

from .conftest import (
    DATA,
    NOW,
    FakeClock,
    drive,
    library_from,
    make_app,
    screen_text,
    search_palette,
    see_results,
    settle,
)
from .test_snapshots import snapshot

FOLDERS = (DATA / "packs", DATA / "stats")
# (days before NOW, [(question id, right?)]): three quizzes over a week, a miss that comes back
HISTORY = [
    (
        8,
        [
            ("tagged.studio", False),
            ("tagged.director", True),
            ("tagged.studio-hk", False),
            ("medium.year", True),
        ],
    ),
    (
        4,
        [
            ("tagged.studio", False),
            ("tagged.producer", True),
            ("tagged.studio-hk", True),
            ("medium.bifan", True),
        ],
    ),
    (
        1,
        [
            ("tagged.studio", True),
            ("tagged.director", True),
            ("tagged.producer", False),
            ("medium.studio", True),
        ],
    ),
]


def fill_history(data_dir: Path, player: str = "mina") -> None:
    """Record HISTORY for `player` in the store the app will open."""
    index = {q.id: q for q in library_from(*FOLDERS)().questions()}
    when = NOW

    def clock() -> Any:
        return when

    # No fuzzing of intervals: the same history gives the same cards, and the same snapshots.
    with Store.open(data_dir, clock=clock, scheduler=fsrs.Scheduler(enable_fuzzing=False)) as store:
        for days, answers in HISTORY:
            when = NOW - timedelta(days=days)
            quiz = store.start_quiz(player, "medium-tags", "quick", [qid for qid, _ in answers], 1)
            for qid, right in answers:
                when += timedelta(seconds=20)
                verdict = Verdict("correct" if right else "incorrect", float(right), "x", "")
                store.record(quiz, Answered(index[qid], "typed", verdict, 0, 8.0, 10 * right, 0))
            store.finish(quiz)


def home_app(data_dir: Path, *, history: bool = True) -> KopickApp:
    if history:
        fill_history(data_dir)
    return make_app(data_dir, command=None, folders=FOLDERS)


def stats_screen(app: KopickApp) -> StatsScreen:
    assert isinstance(app.screen, StatsScreen), type(app.screen)
    return app.screen


async def open_stats(pilot: Pilot[Any]) -> None:
    await pilot.press("s")
    await settle(pilot)


def test_s_on_home_shows_the_players_progress(tmp_path: Path) -> None:
    app = home_app(tmp_path)

    async def scenario(pilot: Pilot[int]) -> None:
        await open_stats(pilot)
        screen = stats_screen(app)
        text = screen_text(app)
        assert "Progress of mina" in text
        assert "3 quizzes · 12 answers · 67% right · 80 points" in text
        assert "Score per quiz (% right)" in text
        assert screen.query_one(TabbedContent).active == "scores"
        await pilot.press("h")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)

    drive(app, scenario, (100, 40))


@pytest.mark.parametrize(
    ("key", "tab", "shown"),
    [
        (
            "2",
            "tags",
            ["Accuracy by tag, weakest first (%)", "Hong Kong", "The Medium", "Thailand", "Directors"],
        ),
        ("3", "eras", ["Accuracy by era (%)", "1960s 50%", "2020s 57%"]),
        ("4", "due", ["Due for review, next 14 days", "today"]),
        (
            "5",
            "retention",
            ["Recall if not reviewed (%)", "Questions met before: 3 of 5 answered right (60%)"],
        ),
        ("6", "weakest", ["Which Thai studio co-produced The Medium (2021)?", "2 of 3", "Missed"]),
    ],
)
def test_each_tab_shows_its_plot_with_tags_as_people_read_them(
    tmp_path: Path, key: str, tab: str, shown: list[str]
) -> None:
    app = home_app(tmp_path)

    async def scenario(pilot: Pilot[int]) -> None:
        await open_stats(pilot)
        await pilot.press(key)
        await settle(pilot)
        assert stats_screen(app).query_one(TabbedContent).active == tab
        text = screen_text(app)
        for part in shown:
            assert part in text, part
        assert "the-medium" not in text and "hong-kong" not in text

    drive(app, scenario, (100, 40))


def test_the_weakest_questions_can_be_practised_at_once(tmp_path: Path) -> None:
    app = home_app(tmp_path)

    async def scenario(pilot: Pilot[int]) -> None:
        await open_stats(pilot)
        weakest = [w.question_id for w in stats_screen(app).stats.weakest]  # type: ignore[union-attr]
        rows = stats_screen(app).query_one("#weakest-table", DataTable).row_count
        assert rows == len(weakest) == 4 and weakest[:3] == [
            "tagged.studio",
            "tagged.studio-hk",
            "tagged.producer",
        ]
        await pilot.press("p")
        await settle(pilot)
        quiz = app.screen
        assert isinstance(quiz, QuizScreen) and quiz.session is not None
        assert [q.id for q in quiz.session.questions] == weakest

    drive(app, scenario, (100, 40))


def test_with_no_answers_yet_every_tab_says_what_to_do(tmp_path: Path) -> None:
    app = home_app(tmp_path, history=False)

    async def scenario(pilot: Pilot[int]) -> None:
        await open_stats(pilot)
        assert "No answers yet. Play a quiz" in screen_text(app)
        for key, empty in (("1", "No quiz yet."), ("5", "No question is being reviewed yet.")):
            await pilot.press(key)
            await settle(pilot)
            assert empty in screen_text(app)
        assert not any(box.display for box in app.screen.query(".plot-box"))
        await pilot.press("p")  # nothing to practise: the key does nothing
        await settle(pilot)
        assert isinstance(app.screen, StatsScreen)

    drive(app, scenario, (80, 24))


def test_a_players_name_is_shown_as_typed_never_as_markup(tmp_path: Path) -> None:
    app = make_app(tmp_path, command=None, folders=FOLDERS, player="[b]mina[/b] [@click=app.quit]x")

    async def scenario(pilot: Pilot[int]) -> None:
        await open_stats(pilot)
        assert "Progress of [b]mina[/b] [@click=app.quit]x" in screen_text(app)

    drive(app, scenario, (100, 40))


def test_without_a_history_the_screen_says_so(tmp_path: Path) -> None:
    app = KopickApp(
        Launch(player="mina"),
        library=library_from(*FOLDERS),
        data_dir=tmp_path,
        clock=FakeClock(),
        persist=False,
    )

    async def scenario(pilot: Pilot[int]) -> None:
        await open_stats(pilot)
        assert "Your progress is not being saved here" in screen_text(app)

    drive(app, scenario, (80, 24))


def test_stats_is_in_the_home_screens_command_palette(tmp_path: Path) -> None:
    app = home_app(tmp_path)

    async def scenario(pilot: Pilot[int]) -> None:
        await search_palette(pilot, "stats")
        await pilot.press("enter")
        await settle(pilot)
        assert stats_screen(app).player == "mina" and "Progress of mina" in screen_text(app)

    drive(app, scenario, (100, 40))


def test_s_typed_into_the_player_name_is_a_letter_not_the_stats(tmp_path: Path) -> None:
    app = home_app(tmp_path)

    async def scenario(pilot: Pilot[int]) -> None:
        name = app.screen.query_one("#player")
        name.focus()
        await pilot.press("end", "s")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen) and name.value == "minas"  # type: ignore[attr-defined]

    drive(app, scenario, (100, 40))


def test_results_show_tags_as_people_read_them(tmp_path: Path) -> None:
    app = make_app(tmp_path, pack="medium-tags", folders=FOLDERS, count=4)

    async def scenario(pilot: Pilot[int]) -> None:
        quiz = app.screen
        assert isinstance(quiz, QuizScreen)
        for _ in range(4):
            await pilot.press(*"no idea", "enter")
            await pilot.pause()
        await see_results(pilot)
        assert isinstance(app.screen, ResultsScreen)
        text = screen_text(app)
        for label in ("The Medium", "Hong Kong", "Studios", "Directors"):
            assert label in text
        assert "the-medium" not in text and "hong-kong" not in text

    drive(app, scenario, (100, 40))


# -- snapshots -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("size", "tab"), [((100, 40), "1"), ((80, 24), "1"), ((80, 24), "2"), ((100, 40), "6")]
)
def test_stats_screen_snapshot(snap_compare: Any, tmp_path: Path, size: tuple[int, int], tab: str) -> None:
    app = home_app(tmp_path)

    async def scenario(pilot: Pilot[Any]) -> None:
        await open_stats(pilot)
        await pilot.press(tab)

    assert snapshot(snap_compare, app, size, scenario)


def test_results_screen_with_tag_labels_snapshot(snap_compare: Any, tmp_path: Path) -> None:
    app = make_app(tmp_path, pack="medium-tags", folders=FOLDERS, count=4)

    async def scenario(pilot: Pilot[Any]) -> None:
        for text in ("GDH 559", "no idea", "Na Hong-jin", "no idea"):
            await pilot.press(*text, "enter")
            await pilot.pause()
        await see_results(pilot)

    assert snapshot(snap_compare, app, (100, 40), scenario)
