"""A student in a live game (in a browser here; a terminal is the same app): waiting, then the
question the host opens, an answer graded with its speed points, a late answer refused, and
"I was right" recorded for the teacher."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import fsrs

from kopick_quiz.classroom import create_class
from kopick_quiz.classroom.live import LiveGame
from kopick_quiz.store import Store
from kopick_quiz.tui.screens.live import LiveScreen

from .conftest import DATA, drive, library_from, screen_text, settle, until
from .test_served import join, served


def live_class(data: Path) -> str:
    questions = library_from(DATA / "packs")().questions("medium")
    with Store.open(data, scheduler=fsrs.Scheduler(enable_fuzzing=False)) as store:
        return create_class(store, "Live", "medium", questions, count=3, seed=4, mode="live").code


def test_a_student_follows_the_hosts_game(tmp_path):
    code = live_class(tmp_path)
    app = served(tmp_path, code)
    store = Store.open(tmp_path)
    klass = store.find_class(code)
    game = LiveGame(store, klass, now=lambda: datetime.now().astimezone())

    async def scenario(pilot):
        await join(pilot, "Mina")
        assert isinstance(app.screen, LiveScreen)
        assert "Waiting for the first question" in screen_text(app)
        await pilot.press(*"GDH 559", "enter")
        await pilot.pause()
        assert "has not started yet" in screen_text(app)
        game.next()  # the host opens question 1
        await until(pilot, lambda: app.screen.phase == "question")
        question = app.screen.questions[0]
        assert "Question 1 of 3" in screen_text(app) and question.prompt in screen_text(app)
        await settle(pilot)
        await pilot.press(*question.answers[0], "enter")
        await until(pilot, lambda: 0 in app.screen.answered)
        text = screen_text(app)
        assert "for speed)" in text and "+1" in text  # 10 and a speed bonus: 11 to 15 points
        await pilot.press(*"again", "enter")
        await pilot.pause()
        assert "You have answered this one" in screen_text(app)
        await pilot.press("f7")
        await until(pilot, lambda: "your teacher will look at that answer again" in screen_text(app))
        game.next()  # closed: the spread
        await until(pilot, lambda: app.screen.phase == "spread")
        assert "You are 1st of 1 with" in screen_text(app)
        game.next()
        game.next()  # question 2 opens; nobody answers before the host closes it
        await until(pilot, lambda: app.screen.phase == "question" and app.screen.number == 1)
        game.next()
        await until(pilot, lambda: app.screen.phase == "spread")
        await pilot.press(*"too late", "enter")
        await pilot.pause()
        assert "Too late: the time for question 2 was up" in screen_text(app)

    try:
        drive(app, scenario, size=(100, 30))
    finally:
        rows = list(store.answers(class_id=klass.class_id))
        disputes = store.disputes(klass.class_id)
        store.close()
    assert [(r.player, r.verdict) for r in rows] == [("Mina", "correct")] and 11 <= rows[0].points <= 15
    assert len(disputes) == 1 and disputes[0].answer_id == rows[0].answer_id
