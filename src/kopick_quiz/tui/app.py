"""The quiz app: the home screen, a chat for each quiz, the results.

The first screen draws at once; the library (facts, packs) and the grader load in a worker,
and the first question shows as soon as the library is there. Core modules are imported in
that worker, not here, so starting the app costs little more than starting Textual.
"""

from __future__ import annotations

import contextlib
import getpass
import random
import threading
import time
from argparse import Namespace
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from .commands import QuizCommands
from .literal import clean
from .plan import ALL_PACKS, DEFAULT_COUNT, EXAM_SECONDS_PER_QUESTION, MODES, PackRow, QuizPlan
from .progress import Reply
from .screens.quiz import QuizScreen

if TYPE_CHECKING:
    from ..chat import Conversation
    from ..grading import Lexicon
    from ..library import Library
    from ..progress import Progress
    from ..questions import Question
    from ..session import Session
    from ..store import ClassRow, Seat, Unfinished
    from .progress import History
    from .quickstart import Early
    from .screens.home import HomeScreen
    from .screens.join import JoinScreen
    from .screens.results import ResultsScreen
    from .screens.stats import StatsScreen


@dataclass(frozen=True)
class Launch:
    """What the command line asked for."""

    command: str | None = None  # None: the home screen; "play" or "review": straight into a quiz
    pack: str | None = None
    count: int | None = None
    seed: int | None = None
    player: str | None = None
    facts: Path | None = None
    packs_dirs: tuple[Path, ...] = ()
    data_dir: Path | None = None
    db: str | None = None  # --db (or KOPICK_QUIZ_DB): where the store lives
    class_code: str | None = None  # `play --class CODE`, or the class a served session is fixed to
    served: bool = False  # a browser's session: untrusted, it starts on the join screen

    @classmethod
    def from_args(cls, args: Namespace) -> Launch:
        return cls(
            command=getattr(args, "command", None),
            pack=getattr(args, "pack", None),
            count=getattr(args, "count", None),
            seed=getattr(args, "seed", None),
            player=getattr(args, "player", None),
            facts=getattr(args, "facts", None),
            packs_dirs=tuple(getattr(args, "packs", None) or ()),
            data_dir=getattr(args, "data_dir", None),
            db=getattr(args, "db", None),
            class_code=getattr(args, "class_code", None),
            served=getattr(args, "command", None) == "served",
        )


LIVE_POLL_S = 0.1  # how often a student's app reads the live game: a question shows within this


class KopickApp(App[int]):
    """kopick-quiz: learn Korean international film co-productions by answering questions."""

    # quiz.tcss is read here as well as by its screen: `play` makes the quiz the first screen,
    # and Textual reads a screen's own CSS_PATH only when the screen is pushed.
    CSS_PATH = [
        "app.tcss",
        "widgets/bubble.tcss",
        "widgets/score_header.tcss",
        "widgets/options.tcss",
        "widgets/loading_bar.tcss",
        "screens/quiz.tcss",
    ]
    TITLE = "kopick-quiz"
    SUB_TITLE = "Korean international film co-productions"
    COMMANDS = App.COMMANDS | {QuizCommands}
    BINDINGS = [
        Binding("f1", "help", "Help", tooltip="Keys, commands and how points are counted"),
        Binding(
            "ctrl+q", "quit", "Quit", priority=True, tooltip="Leave (asks first in the middle of a quiz)"
        ),
    ]
    CURSOR_BLINK = True  # the answer line's cursor (a served app's does not blink)
    LOADING_BAR_AFTER = 1.0  # seconds of loading before a bar shows how far it has gone
    LOADING_BAR_EVERY = 0.1  # seconds between its updates: each waits for the UI thread

    def __init__(
        self,
        launch: Launch | None = None,
        *,
        library: Callable[[Progress], Library] | None = None,
        data_dir: Path | None = None,
        clock: Callable[[], float] = time.monotonic,
        now: Callable[[], datetime] = lambda: datetime.now().astimezone(),
        persist: bool = True,
        early: Future[Early | None] | None = None,
    ) -> None:
        """`library` loads the facts and packs, telling a progress how far (default: from `launch`);
        `clock` times questions
        and exams, `now` dates reviews: tests fix both. `persist=False` keeps no history.
        `early` brings `play`'s first question from the cache before the library has loaded."""
        super().__init__()
        self._early = early
        self.launch = launch or Launch()
        self._load_library = library or self._default_library
        self._data_dir = data_dir or self.launch.data_dir
        self.clock = clock
        self.now = now
        self.persist = persist
        self.player = clean(self.launch.player or "", one_line=True).strip()
        # `play` without --seed still fixes its order up front, so the early first question
        # (from the cache) and the quiz agree, and the history can tell which quiz it was.
        self.seed = self.launch.seed if self.launch.seed is not None else random.randrange(1, 1_000_000)
        self._quizzes_begun = 0  # a quiz after the first (a retry) shows its options in another order
        self._option_seed: int | str | None = self.seed
        self.settings: dict[str, Any] = {}
        self.library: Library | None = None
        self.lexicon: Lexicon | None = None
        self.history: History | None = None
        self.error: str | None = None  # printed by run_app after the app has closed
        self.rows: list[PackRow] = []
        self.unfinished: Unfinished | None = None
        self.due: list[Question] | None = None
        self.plan: QuizPlan | None = None
        self.session: Session | None = None
        self._waiting: tuple[QuizPlan, list[Question], Unfinished | None] | None = None
        self._home: HomeScreen | None = None
        self._conversation: Conversation | None = None  # the bot that answers `?` questions
        self._focused: str | None = None  # the quiz question it was last pointed at
        self._ask_lock = threading.Lock()
        self._quiz: QuizScreen | None = None
        self.seat: Seat | None = None  # the class seat being played, when it is a class
        self.klass: ClassRow | None = None
        self._joined: tuple[ClassRow, Seat] | None = None  # joined before the library was there
        self._join_screen: JoinScreen | None = None
        self._live: Any = None  # a live class's screen

    # -- start -----------------------------------------------------------------------------------
    def get_default_screen(self) -> Screen[Any]:
        """For `play` and `review` the quiz is the first screen: no blank one to draw first."""
        if self.launch.served:
            return self.join_screen()
        if self.launch.command in ("play", "review"):
            early = self._early.result() if self._early is not None and self._early.done() else None
            from ..session import shuffled_options

            first = (shuffled_options(early.question, self.seed), early.total) if early is not None else None
            title = early.title if early is not None else ""
            self._quiz = QuizScreen(player=self.player or "you", title=title, clock=self.clock, first=first)
            if early is not None:
                self._early = None  # shown: the library can load as soon as the screen is up
            return self._quiz
        return super().get_default_screen()

    def _show(self, screen: Screen[Any]) -> None:
        """Make `screen` the current page, in place of the one showing."""
        if len(self.screen_stack) == 1:
            # The first screen (`play`'s quiz) is the stack's base, which cannot be switched out.
            self.push_screen(screen)
        else:
            self.switch_screen(screen)

    def on_mount(self) -> None:
        if self._quiz is None and not self.launch.served:
            self.push_screen(self.home())
        early = self._early
        if early is None:
            if self._quiz is not None and self._quiz.drawn_with_a_question:
                # The early question is drawn with the screen; load once that frame is out.
                self._quiz.call_after_refresh(self._load)
            else:
                self._load()
        elif early.done():
            self._early_ready(early.result())
        else:
            # post_message is safe from any thread: the callback may run on this one if the
            # question arrives just now.
            early.add_done_callback(
                lambda done: self.post_message(Reply(self._early_ready, (done.result(),)))
            )

    def _early_ready(self, early: Early | None) -> None:
        """Show `play`'s first question from the cache, then load the library itself."""
        if early is None or self._quiz is None:
            self._load()
            return
        self._quiz.preview(early.question, early.total, early.title)
        # The library loads once this frame is out: its imports would only slow the drawing down.
        self._quiz.call_after_refresh(self._load)

    def _play_plan(self) -> QuizPlan:
        """The quiz `play` asks for: its pack (or all), `--count` questions (10), a fixed seed."""
        return QuizPlan(self.launch.pack, "quick", self.launch.count or DEFAULT_COUNT, self.seed, self.player)

    def home(self) -> HomeScreen:
        """The home screen (made once and installed, so it keeps its state while others show)."""
        if self._home is None:
            from .screens.home import HomeScreen  # `play` never needs it until the quiz is over

            self._home = HomeScreen(player=self.player or "player", choices=self.settings)
            self._home.rows = self.rows
            self.install_screen(self._home, "home")
        return self._home

    @work(thread=True, exclusive=True, group="load", exit_on_error=False)
    def _load(self) -> None:
        """Settings, then the library (the first question shows), then the grader and history."""
        data_dir = self._resolved_data_dir()
        if self.persist and not self.launch.served:  # the settings file is the teacher's, not a visitor's
            from ..settings import read_settings

            settings, notice = read_settings(data_dir)
            self.call_from_thread(self._settings_ready, settings, notice)
        else:
            self.call_from_thread(self._settings_ready, {}, None)
        try:
            library = self._load_library(self._loading_progress())
        except Exception as exc:  # noqa: BLE001 - every load error ends the app with its message
            self.call_from_thread(self._load_failed, exc)
            return
        self.call_from_thread(self._library_ready, library)
        from ..grading import Lexicon

        lexicon = Lexicon.from_base(library.base)
        self.call_from_thread(self._grader_ready, lexicon)

    def _default_library(self, progress: Progress) -> Library:
        from ..library import open_library
        from ..paths import user_packs_dir

        launch = self.launch
        home = self._resolved_data_dir()
        return open_library(
            launch.facts, launch.packs_dirs, user_packs_dir(home), cache_dir=home / "cache", progress=progress
        )

    def _loading_progress(self) -> Progress:
        """A progress for the load (on the worker thread) that shows a bar once loading is slow.

        A quick load shows nothing; a slow one updates the bar a few times a second.
        """
        started = time.monotonic()
        shown = started + self.LOADING_BAR_AFTER - self.LOADING_BAR_EVERY

        def report(done: int, total: int) -> None:
            nonlocal shown
            now = time.monotonic()
            if now - shown >= self.LOADING_BAR_EVERY:
                shown = now
                with contextlib.suppress(RuntimeError):  # the app has closed: a bar never fails a load
                    self.call_from_thread(self._show_loading, (done, total))

        return report

    def _show_loading(self, progress: tuple[int, int] | None) -> None:
        """Show how far the library has loaded on the screens waiting for it (None: hide the bar)."""
        for screen in (self._home, self._quiz):
            if screen is not None:
                screen.load_progress = progress

    def _resolved_data_dir(self) -> Path:
        from ..paths import data_dir

        return data_dir(self._data_dir)

    def _settings_ready(self, settings: dict[str, Any], notice: str | None) -> None:
        self.settings = settings
        if notice:
            self.notify(notice, severity="warning", markup=False)
        if not self.player and not self.launch.served:  # a visitor is who they say on the join screen
            saved = settings.get("player")
            self.player = clean(saved, one_line=True).strip() if isinstance(saved, str) else ""
            self.player = self.player or _login_name()
            if self._quiz is not None:
                self._quiz.player = self.player
        if self._home is not None:
            self._home.set_choices(settings, self.player)
        theme = settings.get("theme")
        if isinstance(theme, str) and theme in self.available_themes:
            self.theme = theme
        if self.persist:
            from ..paths import database
            from .progress import History

            self.history = History(
                self, self._resolved_data_dir(), self._history_failed, db=database(self.launch.db)
            )
            self.history.open(self._history_ready)

    def _load_failed(self, exc: Exception) -> None:
        from ..diagnostics import FileProblems

        if isinstance(exc, FileProblems):
            self.error = "\n".join(str(p) for p in exc.problems)
        else:
            self.error = str(exc) or type(exc).__name__
        self.exit(1, return_code=1)

    def _library_ready(self, library: Library) -> None:
        self.library = library
        self._show_loading(None)
        if library.problems:
            shown = "\n".join(str(p) for p in library.problems[:5])
            more = len(library.problems) - 5
            if more > 0:
                shown += f"\n… and {more} more (kopick-quiz validate lists them all)"
            self.notify(shown, title="Some packs have problems", severity="warning", timeout=10, markup=False)
        everything = library.questions()
        self.rows = [PackRow(None, "All packs", len(everything))] + [
            PackRow(p.id, p.title, len(p.questions)) for p in library.packs
        ]
        if self._home is not None:
            self._home.show_packs(self.rows)
        if self._joined is not None:
            self._class_ready(*self._joined)
        elif self.launch.class_code is not None and not self.launch.served:
            # Joined once the questions are here: an exam's clock starts with the seat.
            self.join_class(self.launch.class_code, self.player, "")
        elif self.launch.served:
            pass  # the quiz starts once the student has joined
        elif self.launch.command == "play":
            self.start_quiz(self._play_plan())
        elif self.launch.command == "review":
            self.start_quiz(QuizPlan(None, "review", None, None, self.player))
        self._refresh_progress()

    def _grader_ready(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self._maybe_begin()

    # -- history ---------------------------------------------------------------------------------
    def on_reply(self, message: Reply) -> None:
        """A result from another thread."""
        message.callback(*message.args)

    def _history_ready(self, notice: str | None) -> None:
        if notice:
            self.notify(notice, severity="warning", timeout=15, markup=False)
        self._refresh_progress()

    def _history_failed(self, message: str) -> None:
        self.notify(
            f"Your progress is not being saved: {message}", severity="error", timeout=15, markup=False
        )

    def _refresh_progress(self) -> None:
        """Ask the history for the player's best scores, reviews due and unfinished quiz."""
        if self.history is None or self.library is None:
            return
        from .. import review

        player = self.player
        questions = self.library.questions()
        now = self.now()

        def job(store: Any) -> tuple[dict[str, float], list[Question], Unfinished | None]:
            return (
                store.best_scores(player),
                review.due(store, player, questions, now),
                store.unfinished(player),
            )

        self.history.later(job, self._progress_ready)

    def _progress_ready(self, found: tuple[dict[str, float], list[Question], Unfinished | None]) -> None:
        best, due, unfinished = found
        self.due = due
        self.unfinished = unfinished
        if self._home is not None:
            self._home.show_progress(best, len(due), self._describe_unfinished(unfinished))
        if (
            self._waiting is None
            and self.plan is not None
            and self.plan.mode == "review"
            and self.session is None
        ):
            self._questions_chosen(self.plan, due, None)

    def _describe_unfinished(self, unfinished: Unfinished | None) -> str | None:
        if unfinished is None:
            return None
        done, total = len(unfinished.answered_ids), len(unfinished.question_ids)
        return f"Unfinished: {self._pack_title(unfinished.pack)} ({MODES.get(unfinished.mode, unfinished.mode).lower()}), {done} of {total} done"

    # -- classes ---------------------------------------------------------------------------------
    def join_screen(self) -> JoinScreen:
        """The served session's first screen (a new one each time: nothing typed is kept)."""
        from .screens.join import JoinScreen

        self._join_screen = JoinScreen(code=self.launch.class_code)
        return self._join_screen

    def on_join_screen_join(self, message: JoinScreen.Join) -> None:
        self.join_class(message.code, message.name, message.key)

    def join_class(self, code: str, name: str, key: str) -> None:
        """Seat `name` in the class `code` (on the history thread), then start its quiz."""
        from ..classroom import ClassError, join

        trusted = not self.launch.served
        if self.history is None:
            self._class_refused("Answers cannot be saved on this machine, so you cannot join a class here.")
            return

        def job(store: Any) -> tuple[ClassRow, Seat] | ClassError:
            try:
                return join(store, code, name, key=key, trusted=trusted)
            except ClassError as exc:
                return exc

        def done(result: tuple[ClassRow, Seat] | ClassError | None) -> None:
            if result is None:  # the store failed: History has said why
                self._class_refused("Your answers could not be saved; ask your teacher.")
            elif isinstance(result, ClassError):
                from ..classroom import NameTaken

                self._class_refused(
                    str(result)[0].upper() + str(result)[1:] + ".", ask_key=isinstance(result, NameTaken)
                )
            elif self.library is None:
                self._joined = result
            else:
                self._class_ready(*result)

        future = self.history.later(job)
        future.add_done_callback(lambda f: self.post_message(Reply(done, (f.result(),))))

    def _class_refused(self, message: str, *, ask_key: bool = False) -> None:
        if self.launch.served:
            if self._join_screen is not None:
                self._join_screen.refuse(message, ask_key=ask_key)
        else:
            self.error = message[0].lower() + message[1:].rstrip(".")
            self.exit(1, return_code=1)

    def _class_ready(self, klass: ClassRow, seat: Seat) -> None:
        """The student has a seat: start (or resume) the class's quiz from where they are."""
        from ..classroom import ClassError, class_questions
        from ..store import Unfinished

        self._joined = None
        assert self.library is not None
        try:
            questions = class_questions(klass, self.library.question_index())
        except ClassError as exc:
            self._class_refused(str(exc)[0].upper() + str(exc)[1:] + ".")
            return
        if klass.mode == "live":
            self._start_live(klass, seat, questions)
            return
        if seat.finished:
            self._class_refused(
                f"You have finished {clean(klass.title, one_line=True)}, {clean(seat.player, one_line=True)}: "
                f"{seat.score} points. Your teacher has the results."
            )
            return
        self.klass, self.seat = klass, seat
        self.player = seat.player
        if self._quiz is not None:
            self._quiz.player = seat.player
        done = set(seat.answered_ids)
        remaining = [q for q in questions if q.id not in done]
        mode = "exam" if klass.mode == "exam" else "quick"
        plan = QuizPlan(klass.pack, mode, None, klass.seed, seat.player)  # type: ignore[arg-type]
        self.plan = plan
        self.session = None
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
        self._questions_chosen(plan, remaining, resumed)

    # -- a live class ----------------------------------------------------------------------------
    def _start_live(self, klass: ClassRow, seat: Seat, questions: list[Question]) -> None:
        """Follow the host's game: each question as it opens, answers graded and recorded here."""
        from .screens.live import LiveScreen

        self.klass, self.seat = klass, seat
        self.player = seat.player
        self._live = LiveScreen(title=klass.title, player=seat.player, questions=questions)
        self._live.answered = {i for i, q in enumerate(questions) if q.id in seat.answered_ids}
        self._live_game: Any = None
        self._live_reading = False
        self._show(self._live)
        if self.history is not None:
            self.history.go_on(seat.quiz_id)
        self.set_interval(LIVE_POLL_S, self._read_live)

    def _read_live(self) -> None:
        if self._live_reading or self.history is None or self.klass is None or self.seat is None:
            return
        self._live_reading = True
        klass, player = self.klass, self.seat.player

        def job(store: Any) -> tuple[Any, str]:
            from ..classroom import board
            from ..classroom.live import ordinal, standing_of

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
            self.post_message(Reply(self._live_read, (result,)))

        self.history.later(job).add_done_callback(done)

    def _live_read(self, result: tuple[Any, str] | None) -> None:
        self._live_reading = False
        if result is None or result[0] is None or self._live is None:
            return
        game, standing = result
        self._live_game = game
        left = game.seconds_left(datetime.now().astimezone())
        self._live.show_game(game.phase, game.number, game.step, game.seconds, left, standing)

    def on_live_screen_answer(self, message: Any) -> None:
        from ..classroom.live import grade_live

        screen, game = self._live, self._live_game
        if screen is None or game is None or self.history is None:
            return
        if self.lexicon is None:
            screen.note("One moment: the grader is still loading; send it again in a second.")
            return
        question = screen.questions[message.number]
        elapsed = (datetime.now().astimezone() - game.opened_at).total_seconds() if game.opened_at else 0.0
        answered = grade_live(question, message.text, self.lexicon, elapsed, game.seconds)
        history = self.history

        def job(store: Any) -> int | str:
            from ..store import Refused

            try:
                history.last_answer_id = store.record(history.quiz_id, answered)
            except Refused as exc:
                return f"{str(exc)[0].upper()}{str(exc)[1:]}."
            return history.last_answer_id

        def done(result: int | str) -> None:
            if isinstance(result, str):
                screen.note(result)
                return
            from .wording import VERDICT_TITLES

            v = answered.verdict
            assert v is not None
            base = {"correct": 10, "close": 9}.get(v.verdict, answered.points)
            kind = "$success" if v.accepted else "$error"
            screen.graded(
                message.number,
                VERDICT_TITLES[v.verdict],
                v.feedback,
                answered.points,
                answered.points - base,
                kind,
            )

        history.later(job, done)

    def on_live_screen_dispute(self, message: Any) -> None:
        if self._live is not None:
            self._dispute(
                message.reason, lambda text: self._live.note(text, "$text-muted") if self._live else None
            )

    # -- quizzes ---------------------------------------------------------------------------------
    def start_quiz(self, plan: QuizPlan, questions: list[Question] | None = None) -> None:
        """Run `plan`: pick its questions, show the first, begin once the grader is ready."""
        from ..library import LookupProblem
        from ..session import select

        assert self.library is not None
        self.plan = plan
        self.session = None
        self._waiting = None
        self._remember(plan)
        if questions is None and plan.mode == "review":
            if self.due is not None:
                questions = list(self.due)
            else:
                self._show_quiz(plan)
                return  # _progress_ready goes on when the history has answered
        if questions is None:
            try:
                pool = self.library.questions(plan.pack)
            except LookupProblem as exc:
                self._fatal_or_notify(str(exc))
                return
            questions = select(pool, plan.questions_wanted, plan.order_seed)
        self._questions_chosen(plan, questions, None)

    def resume(self) -> None:
        """Go on with the player's unfinished quiz, from its next question."""
        unfinished = self.unfinished
        if unfinished is None or self.library is None:
            return
        index = self.library.question_index()
        questions = [index[qid] for qid in unfinished.remaining_ids if qid in index]
        pack = None if unfinished.pack == ALL_PACKS else unfinished.pack
        mode = unfinished.mode if unfinished.mode in MODES else "quick"
        plan = QuizPlan(pack, mode, None, unfinished.seed, self.player)  # type: ignore[arg-type]
        self.plan = plan
        self.session = None
        if not questions:
            if self.history is not None:
                self.history.abandon(unfinished.quiz_id)
            self.notify("The questions of that quiz are no longer in any pack.", severity="warning")
            return
        self._questions_chosen(plan, questions, unfinished)

    def _questions_chosen(
        self, plan: QuizPlan, questions: list[Question], resumed: Unfinished | None
    ) -> None:
        if not questions:
            what = (
                "Nothing is due for review now." if plan.mode == "review" else "That pack has no questions."
            )
            self.notify(what, severity="information")
            self.plan = None
            self._quiz = None
            self._show(self.home())
            return
        screen = self._show_quiz(plan)
        if self.klass is not None and self.seat is not None:
            screen.note(self._welcome(self.klass, self.seat))
        done = len(resumed.answered_ids) if resumed is not None else 0
        # A class shows every student the options the teacher's screen shows; else each quiz its own order.
        seed = plan.seed if plan.seed is not None else random.randrange(1 << 32)
        if self.klass is not None:
            self._option_seed = None
        else:
            self._option_seed = f"{seed}:{self._quizzes_begun}" if self._quizzes_begun else seed
        from ..session import shuffled_options

        first = shuffled_options(questions[0], self._option_seed)
        screen.preview(first, len(questions), self._title(plan, resumed), done)
        self._waiting = (plan, questions, resumed)
        self._maybe_begin()

    def _show_quiz(self, plan: QuizPlan) -> QuizScreen:
        if self._quiz is None or self._quiz.session is not None:
            exam = plan.mode == "exam"
            self._quiz = QuizScreen(player=self.player, title=self._title(plan, None), clock=self.clock)
            self._quiz.exam_seconds = None if not exam else float(EXAM_SECONDS_PER_QUESTION)
            self._show(self._quiz)
        return self._quiz

    def _maybe_begin(self) -> None:
        """Start the waiting quiz when both its questions and the grader are ready."""
        if self._waiting is None or self.lexicon is None or self.library is None or self._quiz is None:
            return
        from ..session import Session

        plan, questions, resumed = self._waiting
        self._waiting = None
        library = self.library
        session = Session(
            questions,
            self.lexicon,
            title=self._title(plan, resumed),
            mode=plan.mode,
            explain=library.explain,
            names=library.names_by_kind(),
            clock=self.clock,
            option_seed=self._option_seed,
        )
        self._quizzes_begun += 1
        if resumed is not None:
            session.score = resumed.score
            session.streak = resumed.streak
            session.done_before = len(resumed.answered_ids)
        self.session = session
        if self.history is not None:
            if resumed is not None:
                self.history.go_on(resumed.quiz_id)
            else:
                if self.unfinished is not None:
                    self.history.abandon(self.unfinished.quiz_id)
                    self.unfinished = None
                ids = [q.id for q in questions]
                self.history.start(self.player, plan.pack or ALL_PACKS, plan.mode, ids, plan.order_seed)
        if self.klass is not None and self.seat is not None:
            from ..classroom import time_left

            left = time_left(self.klass, self.seat, datetime.now().astimezone())
            self._quiz.exam_seconds = left
        elif plan.mode == "exam":
            self._quiz.exam_seconds = float(EXAM_SECONDS_PER_QUESTION * len(questions))
        self._quiz.begin(session)

    def on_quiz_screen_answer_given(self, message: QuizScreen.AnswerGiven) -> None:
        if self.history is not None:
            self.history.record(message.answered, refused=self._answer_refused)

    def _answer_refused(self, sentence: str) -> None:
        if self._quiz is not None:
            self._quiz.note(f"That answer was not recorded: {sentence}.")

    def on_quiz_screen_disputed(self, message: QuizScreen.Disputed) -> None:
        screen = self._quiz
        if screen is None:
            return
        if self.klass is None:
            screen.note(
                "Disputes go to a teacher, so only answers given in a class can be disputed; /why explains this verdict."
            )
            return
        self._dispute(message.reason, screen.note)

    def _dispute(self, reason: str, reply: Callable[[str], None]) -> None:
        """Record "I was right" on the last answer of this class, for the teacher to decide."""
        history = self.history
        if history is None:
            return

        def job(store: Any) -> str:
            from ..store import Refused

            if history.last_answer_id is None:
                return "There is no verdict to dispute yet."
            try:
                store.dispute(history.last_answer_id, reason or "(no reason given)")
            except Refused as exc:
                return f"{str(exc)[0].upper()}{str(exc)[1:]}."
            return "Noted: your teacher will look at that answer again. The score stays as it is until they decide."

        history.later(job, reply)

    def on_quiz_screen_finished(self, message: QuizScreen.Finished) -> None:
        from .screens.results import ResultsScreen

        self._quiz = None
        # A self-paced class left half-way stays open: joining again goes on from there.
        keep_open = self.klass is not None and self.klass.mode == "self" and not message.complete
        if message.session is None or message.results is None or not message.results.answered:
            if self.history is not None and message.session is not None and not keep_open:
                self.history.finish()
            self._leave_class()
            return
        if self.history is not None and not keep_open:
            self.history.finish()
        from ..tags import tag_labels

        base = self.library.base if self.library is not None else None
        labels = tag_labels((t.tag for t in message.results.by_tag), base)
        self._show(ResultsScreen(message.results, message.session.title, labels))
        self._refresh_progress()

    def on_quiz_screen_asked(self, message: QuizScreen.Asked) -> None:
        if self._quiz is not None:
            self._answer_about(message.text, message.question, self._quiz)

    @work(thread=True, group="ask", exit_on_error=False)
    def _answer_about(self, text: str, question: Question | None, screen: QuizScreen) -> None:
        try:
            reply = self._ask(text, question)
        except Exception:  # noqa: BLE001 - a failed answer must not end the quiz
            reply = "Sorry, I could not work that out."
        if screen.is_attached:
            self.call_from_thread(screen.reply, reply)

    def _ask(self, text: str, question: Question | None) -> str:
        """The bot's answer to a `?` question (on a worker thread), with its source."""
        from ..chat import Conversation

        if self.library is None:
            return "One moment: the facts are still loading."
        with self._ask_lock:  # one conversation, one question at a time
            if self._conversation is None:
                self._conversation = Conversation(self.library.base, index_dir=self.library.cache_dir)
            # "Who directed it?", "what was the ban about?" are about the quiz's question, until
            # the student names another thing.
            if question is not None and question.id != self._focused:
                self._conversation.focus(question.subject, question.tags)
                self._focused = question.id
            return self._conversation.ask(text).cited()

    def on_results_screen_retry_missed(self, message: ResultsScreen.RetryMissed) -> None:
        if self.launch.served or self.klass is not None:
            self.notify("A class is answered once; practise the questions you missed later, on your own.")
            return
        plan = self.plan or QuizPlan(None, player=self.player)
        retry = QuizPlan(plan.pack, "quick", None, plan.seed, self.player)
        self.start_quiz(retry, list(message.questions))

    def on_results_screen_go_home(self, message: ResultsScreen.GoHome) -> None:
        self._leave_class()

    def _leave_class(self) -> None:
        """After a quiz: home, or for a class in a browser the join screen; a class from the
        command line ends the app, as `play` does."""
        was_class = self.klass is not None
        self.klass = self.seat = None
        if self.launch.served:
            self._show(self.join_screen())
        elif was_class and self.launch.class_code is not None:
            self.exit(0)
        else:
            self._show(self.home())
            self._refresh_progress()

    def on_home_screen_show_stats(self, message: HomeScreen.ShowStats) -> None:
        if self.launch.served:
            return  # a browser's session must never show another player's progress by name
        self.player = message.player
        self.show_stats(message.player)

    def show_stats(self, player: str) -> None:
        """The Stats screen of `player`, filled once the history has computed them."""
        from ..stats import player_stats
        from .screens.stats import StatsScreen

        screen = StatsScreen(player)
        self._show(screen)
        if self.history is None:
            screen.show_unavailable("Your progress is not being saved here, so there are no stats to show.")
            return
        library, now = self.library, self.now()

        def job(store: Any) -> Any:
            prompts = {q.id: q.prompt for q in library.questions()} if library is not None else None
            return player_stats(store, player, now, base=library.base if library else None, prompts=prompts)

        def failed(future: Future[Any]) -> None:
            if future.result() is None:
                why = "Your history could not be read, so there are no stats to show."
                self.post_message(Reply(screen.show_unavailable, (why,)))

        self.history.later(job, screen.show_stats).add_done_callback(failed)

    def on_home_screen_show_classes(self, message: HomeScreen.ShowClasses) -> None:
        self.show_classes()

    def show_classes(self) -> None:
        """The teacher's Class screen; never in a browser's session (it shows every student's answers)."""
        if self.launch.served:
            return
        from .screens.classes import ClassesScreen

        self._show(
            ClassesScreen(self.history, lambda: self.library.question_index() if self.library else None)
        )

    def on_stats_screen_go_home(self, message: StatsScreen.GoHome) -> None:
        self._show(self.home())

    def on_stats_screen_practise(self, message: StatsScreen.Practise) -> None:
        if self.library is None:
            return
        index = self.library.question_index()
        questions = [index[qid] for qid in message.question_ids if qid in index]
        if not questions:
            self.notify("Those questions are no longer in any pack.", severity="warning")
            return
        self.start_quiz(QuizPlan(None, "quick", None, None, self.player), questions)

    def on_home_screen_start(self, message: HomeScreen.Start) -> None:
        if self.library is None:
            return
        self.player = message.plan.player
        self.start_quiz(message.plan)

    def on_home_screen_player_changed(self, message: HomeScreen.PlayerChanged) -> None:
        self.player = message.player
        self._refresh_progress()

    def on_home_screen_resume(self, message: HomeScreen.Resume) -> None:
        self.resume()

    # -- actions ---------------------------------------------------------------------------------
    def action_help(self) -> None:
        from .screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    async def action_quit(self) -> None:
        from .screens.confirm import ConfirmScreen

        if isinstance(self.screen, ConfirmScreen):
            return
        if isinstance(self.screen, QuizScreen) and self.screen.in_progress and self.session is not None:

            def answered(yes: bool | None) -> None:
                if yes:
                    self.exit(0)

            self.push_screen(
                ConfirmScreen("Quit in the middle of the quiz? You can resume it next time."), answered
            )
            return
        self.exit(0)

    def action_home(self) -> None:
        if self.launch.served:
            return  # a browser's session has no home screen: other players' names and packs are there
        if isinstance(self.screen, QuizScreen) and self.screen.in_progress:
            self.screen.action_end()
        elif self.screen is not self._home:
            self._show(self.home())

    def watch_theme(self, theme: str) -> None:
        if self.launch.served:
            return
        if getattr(self, "history", None) is not None and self.settings.get("theme") != theme:
            self.settings["theme"] = theme
            self.history.save_settings(dict(self.settings))

    # -- inside ----------------------------------------------------------------------------------
    def _remember(self, plan: QuizPlan) -> None:
        if self.launch.served or self.klass is not None:
            return  # a class's quiz is not the player's next default
        self.settings.update(
            player=plan.player, pack=plan.pack, mode=plan.mode, count=plan.count, seed=plan.seed
        )
        if self.history is not None:
            self.history.save_settings(dict(self.settings))

    def _title(self, plan: QuizPlan, resumed: Unfinished | None) -> str:
        if self.klass is not None:
            again = self.seat is not None and not self.seat.new
            return f"{self.klass.title} (resumed)" if again else self.klass.title
        title = "Review" if plan.mode == "review" else self._pack_title(plan.pack)
        if plan.mode == "exam":
            title = f"Exam · {title}"
        return f"{title} (resumed)" if resumed is not None else title

    def _pack_title(self, pack_id: str | None) -> str:
        if pack_id is None or pack_id == ALL_PACKS:
            return "All packs"
        for row in self.rows:
            if row.id == pack_id:
                return row.title
        return pack_id

    def _welcome(self, klass: ClassRow, seat: Seat) -> str:
        from ..classroom import time_left

        who, title = clean(seat.player, one_line=True), clean(klass.title, one_line=True)
        lines = [f"{'Welcome back' if not seat.new else 'Welcome'}, {who}: this is {title} ({klass.code})."]
        left = time_left(klass, seat, datetime.now().astimezone())
        if left is not None:
            lines.append(
                f"An exam: no hints, no questions to me, and {int(left // 60)} min {int(left % 60):02d} s in all."
            )
        if self.launch.served:
            lines.append(
                f"Your rejoin key is {seat.token}. If you lose the connection, join again with your name and this key."
            )
        return " ".join(lines)

    def _fatal_or_notify(self, message: str) -> None:
        """A name from the command line that does not exist ends the app (exit 1, the reason
        printed); chosen inside the app, it is only a notification."""
        if self.launch.command in ("play", "review") and self.session is None and self._home is None:
            self.error = message
            self.exit(1, return_code=1)
        else:
            self.notify(message, severity="error", markup=False)


class ServedApp(KopickApp):
    """The app as a browser gets it from `serve`: it starts on the join screen, and nothing in it
    reaches a file or the machine (no system commands in the palette: no screenshots to save,
    no theme saved into the teacher's settings)."""

    COMMANDS = {QuizCommands}
    CSS_PATH = [*KopickApp.CSS_PATH, "screens/join.tcss"]  # the first screen: see KopickApp.CSS_PATH
    # A blinking cursor redraws twice a second and sends it down the websocket: with 40 students
    # on one server that is a third of a core, for nothing.
    CURSOR_BLINK = False

    def get_system_commands(self, screen: Screen[Any]) -> Iterator[SystemCommand]:
        return iter(())


def _login_name() -> str:
    try:
        return getpass.getuser() or "player"
    except (OSError, KeyError, ImportError):
        return "player"


def run_app(args: Namespace) -> int:
    """Run the app as the command line asked; returns the exit code."""
    from ..paths import data_dir
    from .quickstart import start_early

    launch = Launch.from_args(args)
    seed = launch.seed if launch.seed is not None else random.randrange(1, 1_000_000)
    launch = replace(launch, seed=seed)  # fixed now, so the early question and the quiz agree
    early = None
    if launch.command == "play" and launch.class_code is None:
        cache = data_dir(launch.data_dir) / "cache"
        early = start_early(cache, launch.pack, launch.count or DEFAULT_COUNT, seed)
    app = (ServedApp if launch.served else KopickApp)(launch, early=early)
    try:
        app.run()
    finally:
        if app.history is not None:
            app.history.close()
    if app.error:
        import sys

        print(f"kopick-quiz: {app.error}", file=sys.stderr)
    return app.return_code or 0
