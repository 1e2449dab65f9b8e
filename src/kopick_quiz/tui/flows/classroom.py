"""A student in a class: joining it (the join screen in a browser, `play --class` in a
terminal), its welcome, "I was right" disputes, and leaving it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from ..literal import clean
from ..plan import QuizPlan
from ..progress import Reply

if TYPE_CHECKING:
    from ...store import ClassRow, Seat
    from ..app import KopickApp
    from ..screens.join import JoinScreen


class ClassFlow:
    """The class being played, if any: its row and the student's seat."""

    def __init__(self, app: KopickApp) -> None:
        self.app = app
        self.klass: ClassRow | None = None
        self.seat: Seat | None = None
        # A join asked for before the grader was ready: made once it is (see `join`).
        self._pending: tuple[str, str, str] | None = None
        self._join_screen: JoinScreen | None = None

    def join_screen(self) -> JoinScreen:
        """The served session's first screen (a new one each time: nothing typed is kept)."""
        from ..screens.join import JoinScreen

        self._join_screen = JoinScreen(code=self.app.launch.class_code)
        return self._join_screen

    def join(self, code: str, name: str, key: str) -> None:
        """Seat `name` in the class `code` (on the history thread), then start its quiz.

        Not before the questions and the grader are ready: a seat is timed from its joining (an
        exam's clock), so a student who joins while a big fact base loads would lose that time.
        Such a join waits, said on the join screen, and is made when they are (`grader_ready`).
        """
        from ...classroom import ClassError, join, sentence

        app = self.app
        trusted = not app.launch.served
        if app.history is None:
            self.refused("Answers cannot be saved on this machine, so you cannot join a class here.")
            return
        if app.library is None or app.lexicon is None:
            self._pending = (code, name, key)
            if self._join_screen is not None:
                self._join_screen.wait("Getting the class's questions ready; you join as soon as they are.")
            return

        def job(store: Any) -> tuple[ClassRow, Seat] | ClassError:
            try:
                return join(store, code, name, key=key, trusted=trusted)
            except ClassError as exc:
                return exc

        def done(result: tuple[ClassRow, Seat] | ClassError | None) -> None:
            if result is None:  # the store failed: History has said why
                self.refused("Your answers could not be saved; ask your teacher.")
            elif isinstance(result, ClassError):
                from ...classroom import NameTaken

                self.refused(sentence(str(result)), ask_key=isinstance(result, NameTaken))
            else:
                self.ready(*result)

        future = app.history.later(job)
        future.add_done_callback(lambda f: app.post_message(Reply(done, (f.result(),))))

    def grader_ready(self) -> None:
        """The questions and the grader are here: a join that waited for them is made now."""
        if self._pending is not None:
            pending, self._pending = self._pending, None
            self.join(*pending)

    def refused(self, message: str, *, ask_key: bool = False) -> None:
        """A join that cannot go on: said on the join screen, or the app ends with it (`play --class`)."""
        app = self.app
        if app.launch.served:
            if self._join_screen is not None:
                self._join_screen.refuse(message, ask_key=ask_key)
        else:
            app.error = message[0].lower() + message[1:].rstrip(".")
            app.exit(1, return_code=1)

    def ready(self, klass: ClassRow, seat: Seat) -> None:
        """The student has a seat: start (or resume) the class's quiz from where they are."""
        from ...classroom import ClassError, class_questions, sentence
        from ...store import Unfinished

        app = self.app
        assert app.library is not None
        try:
            questions = class_questions(klass, app.library.question_index())
        except ClassError as exc:
            self.refused(sentence(str(exc)))
            return
        if klass.mode == "live":
            self.klass, self.seat = klass, seat
            app.player = seat.player
            app.live_flow.start(klass, seat, questions)
            return
        if seat.finished:
            self.refused(
                f"You have finished {clean(klass.title, one_line=True)}, {clean(seat.player, one_line=True)}: "
                f"{seat.score} points. Your teacher has the results."
            )
            return
        self.klass, self.seat = klass, seat
        app.player = seat.player
        if app.quiz_flow.screen is not None:
            app.quiz_flow.screen.player = seat.player
        done = set(seat.answered_ids)
        remaining = [q for q in questions if q.id not in done]
        mode = "exam" if klass.mode == "exam" else "quick"
        plan = QuizPlan(klass.pack, mode, None, klass.seed, seat.player)  # type: ignore[arg-type]
        app.quiz_flow.plan = plan
        app.quiz_flow.session = None
        resumed = Unfinished(
            quiz_id=seat.quiz_id,
            pack=klass.pack,
            mode=klass.mode,
            question_ids=klass.question_ids,
            answered_ids=seat.answered_ids,
            score=seat.score,
            streak=seat.streak,
            seed=klass.seed,
            started_at=seat.joined_at,
        )
        app.quiz_flow.chosen(plan, remaining, resumed)

    def welcome(self, klass: ClassRow, seat: Seat) -> str:
        """The class's first message: who, which class, an exam's rules, the rejoin key in a browser."""
        from ...classroom import time_left

        who, title = clean(seat.player, one_line=True), clean(klass.title, one_line=True)
        lines = [f"{'Welcome back' if not seat.new else 'Welcome'}, {who}: this is {title} ({klass.code})."]
        left = time_left(klass, seat, datetime.now().astimezone())
        if left is not None:
            lines.append(
                f"An exam: no hints, no questions to me, and {int(left // 60)} min {int(left % 60):02d} s in all."
            )
        if self.app.launch.served:
            lines.append(
                f"Your rejoin key is {seat.token}. If you lose the connection, join again with your name and this key."
            )
        return " ".join(lines)

    def dispute(self, reason: str, reply: Callable[[str], None]) -> None:
        """Record "I was right" on the last answer of this class, for the teacher to decide."""
        if self.klass is None:
            reply(
                "Disputes go to a teacher, so only answers given in a class can be disputed; /why explains this verdict."
            )
            return
        history = self.app.history
        if history is None:
            return

        def job(store: Any) -> str:
            from ...classroom import dispute_answer

            return dispute_answer(store, history.last_answer_id, reason)

        history.later(job, reply)

    def leave(self) -> None:
        """After a quiz: home, or for a class in a browser the join screen; a class from the
        command line ends the app, as `play` does."""
        app = self.app
        was_class = self.klass is not None
        self.klass = self.seat = None
        if app.launch.served:
            app.show(self.join_screen())
        elif was_class and app.launch.class_code is not None:
            app.exit(0)
        else:
            app.show(app.home())
            app.refresh_progress()
