"""The quiz app: the home screen, a chat for each quiz, the results. Read this file first.

It is the wiring: the app starts, loads and keeps the history; each screen's messages land in a
handler here that hands them to the flow whose job it is (`tui/flows`: a quiz, a class, a live
game, the bot), between the screens and the core. The first screen draws at once; the library (facts, packs) and the grader load in a worker,
and the first question shows as soon as the library is there. Core modules are imported in
that worker, not here, so starting the app costs little more than starting Textual.
"""

from __future__ import annotations

import contextlib
import getpass
import random
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
from .flows.bot import Bot
from .flows.classroom import ClassFlow
from .flows.live import LiveFlow
from .flows.quiz import QuizFlow
from .flows.settings import SettingsFlow
from .literal import clean
from .plan import ALL_PACKS, DEFAULT_COUNT, MODES, PackRow, QuizPlan
from .progress import Reply
from .screens.quiz import QuizScreen

if TYPE_CHECKING:
    from ..grading import Lexicon
    from ..library import Library
    from ..progress import Progress
    from ..questions import Question
    from ..session import Session
    from ..store import Seat, Unfinished
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
    seed_drawn: bool = False  # `seed` was drawn at start, not given with --seed

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


class KopickApp(App[int]):
    """kopick-quiz: learn Korean international film co-productions by answering questions."""

    # quiz.tcss is read here as well as by its screen: `play` makes the quiz the first screen,
    # and Textual reads a screen's own CSS_PATH only when the screen is pushed. Pushing a screen
    # with a stylesheet not read yet parses every stylesheet again (a tenth of a second, more on
    # a busy server): results.tcss is read here too, so the last answer's feedback does not wait
    # for it.
    CSS_PATH = [
        "app.tcss",
        "widgets/bubble.tcss",
        "widgets/score_header.tcss",
        "widgets/options.tcss",
        "widgets/loading_bar.tcss",
        "screens/quiz.tcss",
        "screens/results.tcss",
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
        owns_process: bool = False,
    ) -> None:
        """`library` loads the facts and packs, telling a progress how far (default: from `launch`);
        `clock` times questions
        and exams, `now` dates reviews: tests fix both. `persist=False` keeps no history.
        `early` brings `play`'s first question from the cache before the library has loaded.
        `owns_process`: the app is the whole process (the command line runs it so), which lets it
        set its loaded heap aside from the cycle collector (`_settle_heap`); an app hosted in
        another program (a test run) leaves that program's collector as it is."""
        super().__init__()
        self.owns_process = owns_process
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
        self.settings: dict[str, Any] = {}
        self.library: Library | None = None
        self.lexicon: Lexicon | None = None
        self.history: History | None = None
        self.error: str | None = None  # printed by run_app after the app has closed
        self.rows: list[PackRow] = []
        self.unfinished: Unfinished | None = None
        self.due: list[Question] | None = None
        self._home: HomeScreen | None = None
        # Each job has its own home between the screens and the core (see tui/flows).
        self.quiz_flow = QuizFlow(self)
        self.class_flow = ClassFlow(self)
        self.settings_flow = SettingsFlow(self)
        self.live_flow = LiveFlow(self)
        self.bot = Bot()

    @property
    def session(self) -> Session | None:
        """The quiz being played, once it has begun."""
        return self.quiz_flow.session

    @property
    def seat(self) -> Seat | None:
        """The class seat being played, when it is a class."""
        return self.class_flow.seat

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
            quiz = QuizScreen(player=self.player or "you", title=title, clock=self.clock, first=first)
            self.quiz_flow.screen = quiz
            if early is not None:
                self._early = None  # shown: the library can load as soon as the screen is up
            return quiz
        return super().get_default_screen()

    def show(self, screen: Screen[Any]) -> None:
        """Make `screen` the current page, in place of the one showing."""
        if len(self.screen_stack) == 1:
            # The first screen (`play`'s quiz) is the stack's base, which cannot be switched out.
            self.push_screen(screen)
        else:
            self.switch_screen(screen)

    def on_mount(self) -> None:
        quiz = self.quiz_flow.screen
        if quiz is None and not self.launch.served:
            self.push_screen(self.home())
        early = self._early
        if early is None:
            if quiz is not None and quiz.drawn_with_a_question:
                # The early question is drawn with the screen; load once that frame is out.
                quiz.call_after_refresh(self._load)
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
        quiz = self.quiz_flow.screen
        if early is None or quiz is None:
            self._load()
            return
        quiz.preview(early.question, early.total, early.title)
        # The library loads once this frame is out: its imports would only slow the drawing down.
        quiz.call_after_refresh(self._load)

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
        from ..progress import split

        # After a warm start the first question shows at once; the fact base is then read from
        # the cache and its names read for the grader: seconds for a big base, so a bar.
        validating, reading = split(self._loading_progress(), 1, 3)
        lexicon = Lexicon.from_base(library.loaded_base(validating), reading, library.cache_dir)
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
        for screen in (self._home, self.quiz_flow.screen):
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
            if self.quiz_flow.screen is not None:
                self.quiz_flow.screen.player = self.player
        if self._home is not None:
            self._home.set_choices(settings, self.player)
        self.settings_flow.machine_read(settings)
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
        # Validating a big base from the cache reports nothing until it is done: a bar at the start.
        self.set_timer(max(self.LOADING_BAR_AFTER, 0.01), self._grader_slow)
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
        # A class (served, or `play --class`) is joined once the grader is ready (`_grader_ready`).
        in_class = self.launch.served or self.launch.class_code is not None
        if not in_class and self.launch.command == "play":
            self.start_quiz(self._play_plan())
        elif not in_class and self.launch.command == "review":
            self.start_quiz(QuizPlan(None, "review", None, None, self.player))
        self.refresh_progress()

    def _grader_slow(self) -> None:
        """The grader is still not ready: show the bar if the load's reports have not yet."""
        screen = self.quiz_flow.screen or self._home
        if self.lexicon is None and screen is not None and screen.load_progress is None:
            self._show_loading((0, 1))

    def _grader_ready(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self._show_loading(None)
        if self.launch.served:
            self.class_flow.grader_ready()  # a student who pressed Join while this loaded
        elif self.launch.class_code is not None:
            # Joined once answers can be graded: an exam's clock starts with the seat.
            self.class_flow.join(self.launch.class_code, self.player, "")
        self.quiz_flow.begin_when_ready()
        if self.owns_process:
            _settle_heap()

    # -- history ---------------------------------------------------------------------------------
    def on_reply(self, message: Reply) -> None:
        """A result from another thread."""
        message.callback(*message.args)

    def _history_ready(self, notice: str | None) -> None:
        if notice:
            self.notify(notice, severity="warning", timeout=15, markup=False)
        self.refresh_progress()
        self.settings_flow.read(carry=True)

    def _history_failed(self, message: str) -> None:
        self.notify(
            f"Your progress is not being saved: {message}", severity="error", timeout=15, markup=False
        )

    def refresh_progress(self) -> None:
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
        if self.quiz_flow.waiting_for_review:
            assert self.quiz_flow.plan is not None
            self.quiz_flow.chosen(self.quiz_flow.plan, due, None)

    def _describe_unfinished(self, unfinished: Unfinished | None) -> str | None:
        if unfinished is None:
            return None
        done, total = len(unfinished.answered_ids), len(unfinished.question_ids)
        return f"Unfinished: {self.pack_title(unfinished.pack)} ({MODES.get(unfinished.mode, unfinished.mode).lower()}), {done} of {total} done"

    # -- classes -------------------------------------------------------------------------------
    def join_screen(self) -> JoinScreen:
        """The served session's first screen (a new one each time: nothing typed is kept)."""
        return self.class_flow.join_screen()

    def on_join_screen_join(self, message: JoinScreen.Join) -> None:
        self.class_flow.join(message.code, message.name, message.key)

    def on_live_screen_answer(self, message: Any) -> None:
        self.live_flow.answer(message.number, message.text)

    def on_live_screen_dispute(self, message: Any) -> None:
        self.live_flow.dispute(message.reason)

    # -- quizzes ---------------------------------------------------------------------------------
    def start_quiz(self, plan: QuizPlan, questions: list[Question] | None = None) -> None:
        """Run `plan` (with these questions, else its own choice of them)."""
        self.quiz_flow.start(plan, questions)

    def resume(self) -> None:
        """Go on with the player's unfinished quiz, from its next question."""
        if self.unfinished is not None and self.library is not None:
            self.quiz_flow.resume(self.unfinished)

    def on_quiz_screen_answer_given(self, message: QuizScreen.AnswerGiven) -> None:
        self.quiz_flow.answered(message.answered)

    def on_quiz_screen_disputed(self, message: QuizScreen.Disputed) -> None:
        screen = self.quiz_flow.screen
        if screen is not None:
            self.class_flow.dispute(message.reason, screen.note)

    def on_quiz_screen_finished(self, message: QuizScreen.Finished) -> None:
        self.quiz_flow.finished(message)

    def on_quiz_screen_asked(self, message: QuizScreen.Asked) -> None:
        if self.quiz_flow.screen is not None:
            self._answer_about(message.text, message.question, self.quiz_flow.screen)

    @work(thread=True, group="ask", exit_on_error=False)
    def _answer_about(self, text: str, question: Question | None, screen: QuizScreen) -> None:
        try:
            reply = self.bot.ask(self.library, text, question)
        except Exception:  # noqa: BLE001 - a failed answer must not end the quiz
            reply = "Sorry, I could not work that out."
        if screen.is_attached:
            self.call_from_thread(screen.reply, reply)

    def on_results_screen_retry_missed(self, message: ResultsScreen.RetryMissed) -> None:
        if self.launch.served or self.class_flow.klass is not None:
            self.notify("A class is answered once; practise the questions you missed later, on your own.")
            return
        self.quiz_flow.retry(list(message.questions))

    def on_results_screen_go_home(self, message: ResultsScreen.GoHome) -> None:
        self.class_flow.leave()

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
        self.show(screen)
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

        self.show(
            ClassesScreen(self.history, lambda: self.library.question_index() if self.library else None)
        )

    def on_stats_screen_go_home(self, message: StatsScreen.GoHome) -> None:
        self.show(self.home())

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
        self.refresh_progress()
        self.settings_flow.read(carry=False)

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
            self.show(self.home())

    def watch_theme(self, theme: str) -> None:
        if getattr(self, "settings_flow", None) is not None:  # not while App.__init__ sets the first
            self.settings_flow.theme_chosen(theme)

    # -- inside ----------------------------------------------------------------------------------
    def remember(self, plan: QuizPlan) -> None:
        """Keep `plan` as the player's next default (not a class's)."""
        if self.launch.served or self.class_flow.klass is not None:
            return  # a class's quiz is not the player's next default
        self.settings_flow.remember(plan)

    def pack_title(self, pack_id: str | None) -> str:
        """A pack's title, as the home screen lists it."""
        if pack_id is None or pack_id == ALL_PACKS:
            return "All packs"
        for row in self.rows:
            if row.id == pack_id:
                return row.title
        return pack_id

    def fatal_or_notify(self, message: str) -> None:
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
    # The first screen, and a live class's: see KopickApp.CSS_PATH.
    CSS_PATH = [*KopickApp.CSS_PATH, "screens/join.tcss", "screens/live.tcss"]
    # A blinking cursor redraws twice a second and sends it down the websocket: with 40 students
    # on one server that is a third of a core, for nothing.
    CURSOR_BLINK = False

    def get_system_commands(self, screen: Screen[Any]) -> Iterator[SystemCommand]:
        return iter(())


def _settle_heap() -> None:
    """Once the library and the grader are loaded, set what exists aside from the cycle collector.

    What the app has loaded by then (the fact base, the questions, the grader's names, the
    screens' styles) lives as long as the app. Left in the collector's oldest generation, each
    full collection walks all of it again: 45-55 ms, a few times a quiz, on the UI's thread, and
    in a served class all the students' apps reach theirs at about the same answer. Collected
    once and frozen (`gc.freeze`), those objects are no longer walked; what the quiz makes still is.
    """
    import gc

    gc.collect()
    gc.freeze()


def _login_name() -> str:
    try:
        return getpass.getuser() or "player"
    except (OSError, KeyError, ImportError):
        return "player"


def run_app(args: Namespace) -> int:
    """Run the app as the command line asked; returns the exit code."""
    from ..paths import data_dir, shipped_root
    from .quickstart import start_early

    launch = Launch.from_args(args)
    seed = launch.seed if launch.seed is not None else random.randrange(1, 1_000_000)
    # fixed now, so the early question and the quiz agree
    launch = replace(launch, seed=seed, seed_drawn=launch.seed is None)
    early = None
    if launch.command == "play" and launch.class_code is None:
        caches = [data_dir(launch.data_dir) / "cache"]
        if launch.facts is None and not launch.packs_dirs:
            caches.append(shipped_root())  # the wheel's own, on a first start
        early = start_early(caches, launch.pack, launch.count or DEFAULT_COUNT, seed)
    app = (ServedApp if launch.served else KopickApp)(launch, early=early, owns_process=True)
    try:
        app.run()
    finally:
        if app.history is not None:
            app.history.close()
    if app.error:
        import sys

        print(f"kopick-quiz: {app.error}", file=sys.stderr)
    return app.return_code or 0
