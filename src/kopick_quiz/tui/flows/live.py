"""A live class, the student's side: the host's game read a few times a second, each answer
graded here (with its speed points) and recorded."""

from __future__ import annotations

from concurrent.futures import Future
from datetime import datetime
from typing import TYPE_CHECKING, Any

from ..progress import Reply

if TYPE_CHECKING:
    from ...questions import Question
    from ...store import ClassRow, Seat
    from ..app import KopickApp
    from ..screens.live import LiveScreen

LIVE_POLL_S = 0.1  # how often a student's app reads the live game: a question shows within this


class LiveFlow:
    """Follow the host's game on a `LiveScreen`."""

    def __init__(self, app: KopickApp) -> None:
        self.app = app
        self.screen: LiveScreen | None = None
        self._game: Any = None  # the game as last read
        self._reading = False

    def start(self, klass: ClassRow, seat: Seat, questions: list[Question]) -> None:
        """Show the live screen and start reading the game."""
        from ..screens.live import LiveScreen

        app = self.app
        self.screen = LiveScreen(title=klass.title, player=seat.player, questions=questions)
        self.screen.answered = {i for i, q in enumerate(questions) if q.id in seat.answered_ids}
        self._game = None
        self._reading = False
        app.show(self.screen)
        if app.history is not None:
            app.history.go_on(seat.quiz_id)
        app.set_interval(LIVE_POLL_S, self._read)

    def _read(self) -> None:
        app = self.app
        klass, seat = app.class_flow.klass, app.class_flow.seat
        if self._reading or app.history is None or klass is None or seat is None:
            return
        self._reading = True
        player = seat.player

        def job(store: Any) -> tuple[Any, str]:
            from ...classroom import board
            from ...classroom.live import ordinal, standing_of

            game = store.game(klass.class_id)
            standing = ""
            if game is not None and game.phase in ("spread", "board", "podium"):
                rows = board(store, klass)
                row = standing_of(rows, player)
                if row is not None:
                    standing = f"You are {ordinal(row.rank)} of {len(rows)} with {row.points} points."
            return game, standing

        def done(future: Future[Any]) -> None:
            result = future.result() if not future.exception() else None
            app.post_message(Reply(self._show, (result,)))

        app.history.later(job).add_done_callback(done)

    def _show(self, result: tuple[Any, str] | None) -> None:
        self._reading = False
        if result is None or result[0] is None or self.screen is None:
            return
        game, standing = result
        self._game = game
        left = game.seconds_left(datetime.now().astimezone())
        self.screen.show_game(game.phase, game.number, game.step, game.seconds, left, standing)

    def answer(self, number: int, text: str) -> None:
        """Grade the answer to the game's question `number` and record it."""
        from ...classroom.live import grade_live

        app = self.app
        screen, game, history = self.screen, self._game, app.history
        if screen is None or game is None or history is None:
            return
        if app.lexicon is None:
            screen.note("One moment: the grader is still loading; send it again in a second.")
            return
        question = screen.questions[number]
        elapsed = (datetime.now().astimezone() - game.opened_at).total_seconds() if game.opened_at else 0.0
        answered = grade_live(question, text, app.lexicon, elapsed, game.seconds)

        def job(store: Any) -> int | str:
            from ...classroom import sentence
            from ...store import Refused

            try:
                history.last_answer_id = store.record(history.quiz_id, answered)
            except Refused as exc:
                return sentence(str(exc))
            return history.last_answer_id

        def done(result: int | str) -> None:
            if isinstance(result, str):
                screen.note(result)
                return
            from ..wording import VERDICT_TITLES

            v = answered.verdict
            assert v is not None
            base = {"correct": 10, "close": 9}.get(v.verdict, answered.points)
            kind = "$success" if v.accepted else "$error"
            screen.graded(
                number, VERDICT_TITLES[v.verdict], v.feedback, answered.points, answered.points - base, kind
            )

        history.later(job, done)

    def dispute(self, reason: str) -> None:
        """ "I was right" on the last live answer: the reply shows on the live screen."""
        if self.screen is not None:
            screen = self.screen
            self.app.class_flow.dispute(reason, lambda text: screen.note(text, "$text-muted"))
