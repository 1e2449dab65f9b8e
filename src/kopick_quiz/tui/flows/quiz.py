"""A quiz from its plan to its results: questions chosen, the session begun once the grader is
there, every answer into the history, the results screen at the end."""

from __future__ import annotations

import random
from datetime import datetime
from typing import TYPE_CHECKING

from ..plan import ALL_PACKS, EXAM_SECONDS_PER_QUESTION, MODES, QuizPlan
from ..screens.quiz import QuizScreen

if TYPE_CHECKING:
    from ...questions import Question
    from ...session import Answered, Session
    from ...store import Unfinished
    from ..app import KopickApp


class QuizFlow:
    """The quiz being played (at most one): its plan, its session and its screen."""

    def __init__(self, app: KopickApp) -> None:
        self.app = app
        self.plan: QuizPlan | None = None
        self.session: Session | None = None
        self.screen: QuizScreen | None = None
        self._waiting: tuple[QuizPlan, list[Question], Unfinished | None] | None = None
        self._begun = 0  # a quiz after the first (a retry) shows its options in another order
        self._option_seed: int | str | None = app.seed

    @property
    def waiting_for_review(self) -> bool:
        """Whether a review was asked for before the history said which questions are due."""
        return (
            self._waiting is None
            and self.plan is not None
            and self.plan.mode == "review"
            and self.session is None
        )

    def start(self, plan: QuizPlan, questions: list[Question] | None = None) -> None:
        """Run `plan`: pick its questions, show the first, begin once the grader is ready."""
        from ...library import LookupProblem
        from ...session import select

        app = self.app
        assert app.library is not None
        self.plan = plan
        self.session = None
        self._waiting = None
        app.remember(plan)
        if questions is None and plan.mode == "review":
            if app.due is not None:
                questions = list(app.due)
            else:
                self.show_screen(plan)
                return  # the app goes on (`chosen`) when the history has said what is due
        if questions is None:
            try:
                pool = app.library.questions(plan.pack)
            except LookupProblem as exc:
                app.fatal_or_notify(str(exc))
                return
            questions = select(pool, plan.questions_wanted, plan.order_seed)
        self.chosen(plan, questions, None)

    def resume(self, unfinished: Unfinished) -> None:
        """Go on with `unfinished`, from its next question."""
        app = self.app
        assert app.library is not None
        index = app.library.question_index()
        questions = [index[qid] for qid in unfinished.remaining_ids if qid in index]
        pack = None if unfinished.pack == ALL_PACKS else unfinished.pack
        mode = unfinished.mode if unfinished.mode in MODES else "quick"
        plan = QuizPlan(pack, mode, None, unfinished.seed, app.player)  # type: ignore[arg-type]
        self.plan = plan
        self.session = None
        if not questions:
            if app.history is not None:
                app.history.abandon(unfinished.quiz_id)
            app.notify("The questions of that quiz are no longer in any pack.", severity="warning")
            return
        self.chosen(plan, questions, unfinished)

    def retry(self, questions: list[Question]) -> None:
        """The questions the student missed, again, as a quick quiz of the same pack."""
        plan = self.plan or QuizPlan(None, player=self.app.player)
        self.start(QuizPlan(plan.pack, "quick", None, plan.seed, self.app.player), questions)

    def chosen(self, plan: QuizPlan, questions: list[Question], resumed: Unfinished | None) -> None:
        """The questions are known: show the first (the grader may still be loading)."""
        app = self.app
        if not questions:
            what = (
                "Nothing is due for review now." if plan.mode == "review" else "That pack has no questions."
            )
            app.notify(what, severity="information")
            self.plan = None
            self.screen = None
            app.show(app.home())
            return
        screen = self.show_screen(plan)
        klass, seat = app.class_flow.klass, app.class_flow.seat
        if klass is not None and seat is not None:
            screen.note(app.class_flow.welcome(klass, seat))
        done = len(resumed.answered_ids) if resumed is not None else 0
        # A class shows every student the options the teacher's screen shows; else each quiz its own order.
        seed = plan.seed if plan.seed is not None else random.randrange(1 << 32)
        if klass is not None:
            self._option_seed = None
        else:
            self._option_seed = f"{seed}:{self._begun}" if self._begun else seed
        from ...session import shuffled_options

        first = shuffled_options(questions[0], self._option_seed)
        screen.preview(first, len(questions), self.title(plan, resumed), done)
        self._waiting = (plan, questions, resumed)
        self.begin_when_ready()

    def show_screen(self, plan: QuizPlan) -> QuizScreen:
        """The quiz screen for `plan`: the one showing if it has no quiz yet, else a new one."""
        app = self.app
        if self.screen is None or self.screen.session is not None:
            exam = plan.mode == "exam"
            self.screen = QuizScreen(player=app.player, title=self.title(plan, None), clock=app.clock)
            self.screen.exam_seconds = None if not exam else float(EXAM_SECONDS_PER_QUESTION)
            app.show(self.screen)
        return self.screen

    def begin_when_ready(self) -> None:
        """Start the waiting quiz when both its questions and the grader are ready."""
        app = self.app
        if self._waiting is None or app.lexicon is None or app.library is None or self.screen is None:
            return
        from ...session import Session

        plan, questions, resumed = self._waiting
        self._waiting = None
        library = app.library
        session = Session(
            questions,
            app.lexicon,
            title=self.title(plan, resumed),
            mode=plan.mode,
            explain=library.explain,
            names=library.names_by_kind(),
            clock=app.clock,
            option_seed=self._option_seed,
        )
        self._begun += 1
        if resumed is not None:
            session.score = resumed.score
            session.streak = resumed.streak
            session.done_before = len(resumed.answered_ids)
        self.session = session
        if app.history is not None:
            if resumed is not None:
                app.history.go_on(resumed.quiz_id)
            else:
                if app.unfinished is not None:
                    app.history.abandon(app.unfinished.quiz_id)
                    app.unfinished = None
                ids = [q.id for q in questions]
                app.history.start(app.player, plan.pack or ALL_PACKS, plan.mode, ids, plan.order_seed)
        klass, seat = app.class_flow.klass, app.class_flow.seat
        if klass is not None and seat is not None:
            from ...classroom import time_left

            self.screen.exam_seconds = time_left(klass, seat, datetime.now().astimezone())
        elif plan.mode == "exam":
            self.screen.exam_seconds = float(EXAM_SECONDS_PER_QUESTION * len(questions))
        self.screen.begin(session)

    def answered(self, answered: Answered) -> None:
        """Record an answer (or a skip) in the history."""
        if self.app.history is not None:
            self.app.history.record(answered, refused=self._refused)

    def _refused(self, sentence: str) -> None:
        if self.screen is not None:
            self.screen.note(f"That answer was not recorded: {sentence}.")

    def finished(self, message: QuizScreen.Finished) -> None:
        """The quiz is over (or left): close it in the history and show the results."""
        from ..screens.results import ResultsScreen

        app = self.app
        self.screen = None
        klass = app.class_flow.klass
        # A self-paced class left half-way stays open: joining again goes on from there.
        keep_open = klass is not None and klass.mode == "self" and not message.complete
        if message.session is None or message.results is None or not message.results.answered:
            if app.history is not None and message.session is not None and not keep_open:
                app.history.finish()
            app.class_flow.leave()
            return
        if app.history is not None and not keep_open:
            app.history.finish()
        from ...tags import tag_labels

        base = app.library.base if app.library is not None else None
        labels = tag_labels((t.tag for t in message.results.by_tag), base)
        app.show(ResultsScreen(message.results, message.session.title, labels))
        app.refresh_progress()

    def title(self, plan: QuizPlan, resumed: Unfinished | None) -> str:
        """What the quiz is called in its header: the class, or the pack and the mode."""
        klass, seat = self.app.class_flow.klass, self.app.class_flow.seat
        if klass is not None:
            again = seat is not None and not seat.new
            return f"{klass.title} (resumed)" if again else klass.title
        title = "Review" if plan.mode == "review" else self.app.pack_title(plan.pack)
        if plan.mode == "exam":
            title = f"Exam · {title}"
        return f"{title} (resumed)" if resumed is not None else title
