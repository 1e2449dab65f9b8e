"""The quiz as a chat: the bot's questions and replies, the student's answers, the input below."""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, ProgressBar

from ..literal import clean, shorten
from ..widgets.answer_input import AnswerInput
from ..widgets.bubble import ChatBubble, ChatLog, Role
from ..widgets.loading_bar import show_loading
from ..widgets.options import OptionsList, option_keys
from ..widgets.score_header import ScoreHeader
from ..wording import answer_body, feedback_body, hint_body, question_body, score_body, verdict_kind

if TYPE_CHECKING:
    from textual.timer import Timer

    from ...questions import Question
    from ...session import Answered, Results, Session

BOT = "kopick"
RESULTS_AFTER_S = 2.0  # the last answer's feedback stays this long before the results (Enter: at once)
COMMAND_HELP = "/hint  /skip  /why  /repeat  /score  /quit   ·   ?question asks me about the material"


class QuizScreen(Screen[None]):
    """Ask a `Session`'s questions one by one and reply to every answer."""

    CSS_PATH = "quiz.tcss"
    AUTO_FOCUS = "#answer"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (90, "-wide")]
    BINDINGS = [
        Binding("f2", "hint", "Hint", tooltip="A hint: each one lowers this question's points"),
        Binding("f3", "skip", "Skip", tooltip="Give up on this question and see the answer"),
        Binding("f4", "why", "Why", tooltip="More about the last answer, from the facts"),
        Binding("f5", "repeat", "Repeat", tooltip="Show the question again"),
        Binding("f6", "score", "Score", tooltip="The score so far"),
        Binding("f10", "end", "End quiz", tooltip="Stop here and see the results"),
        Binding(
            "f7",
            "dispute",
            "I was right",
            show=False,
            tooltip="In a class: ask your teacher to look at the last verdict again",
        ),
    ]

    load_progress: reactive[tuple[int, int] | None] = reactive(None)
    """How far a slow load of the library has gone, `(done, total)`; None once it is done."""

    class AnswerGiven(Message):
        """A question is done (answered or skipped): the app records it."""

        def __init__(self, answered: Answered) -> None:
            super().__init__()
            self.answered = answered

    class Finished(Message):
        """The quiz is over: every question done (`complete`), or ended early (no session: before it began)."""

        def __init__(self, session: Session | None, results: Results | None, complete: bool) -> None:
            super().__init__()
            self.session = session
            self.results = results
            self.complete = complete

    class Disputed(Message):
        """The student says the last verdict was wrong ("I was right"), with their reason."""

        def __init__(self, reason: str) -> None:
            super().__init__()
            self.reason = reason

    class Asked(Message):
        """A `?` question about the material: the app answers with `reply`."""

        def __init__(self, text: str, question: Question | None) -> None:
            super().__init__()
            self.text = text
            self.question = question

    def __init__(
        self,
        *,
        player: str,
        title: str = "",
        exam_seconds: float | None = None,
        clock: Callable[[], float] = time.monotonic,
        first: tuple[Question, int] | None = None,
    ) -> None:
        """`first` is a first question (and how many there will be) to show from the start."""
        super().__init__()
        self._first = first
        self.player = player
        self.title_text = title
        self.session: Session | None = None
        self._preview: Question | None = None
        self._pending: str | None = None
        self._clock = clock
        self.exam_seconds = exam_seconds  # None: no clock; else the time the whole quiz may take
        self._deadline: float | None = None
        self._over = False
        self._results_soon: Timer | None = None  # after the last answer: the results, shortly
        self._loading: ChatBubble | None = None
        self._queued: list[Callable[[], None]] = []  # what the app asked before the screen was up
        self._up = False

    # -- layout ----------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        header = ScoreHeader()
        header.set_reactive(ScoreHeader.pack, self.title_text)
        progress = ProgressBar(id="progress", show_eta=False, show_percentage=False)
        options = OptionsList(id="options")
        answer = AnswerInput(id="answer", placeholder="Type your answer · /hint /skip /why · ?ask me")
        first: ChatBubble | None = None
        if self._first is not None:  # drawn with the screen itself: no frame without it
            question, total = self._first
            self._preview = question
            header.set_reactive(ScoreHeader.total, total)
            progress.total = total
            first, keys, shown = self._question_parts(question, 0, total, _options_of(question))
            answer.shortcuts = keys
            options.set_reactive(OptionsList.keys, keys)
            options.set_reactive(OptionsList.options, shown)
        yield header
        yield progress
        if first is None and self.session is None and not self._queued:
            first = self._loading = ChatBubble(
                Content("Getting your questions ready…"), role="bot", sender=BOT, kind="note"
            )
        yield ChatLog(*(first,) if first is not None else (), id="chat")
        yield options
        yield answer
        yield Footer()

    def watch_load_progress(self, progress: tuple[int, int] | None) -> None:
        if self.is_mounted:
            self._show_load_progress(progress)

    def _show_load_progress(self, progress: tuple[int, int] | None) -> None:
        # One bar at a time: the quiz's own, empty until the quiz begins, gives way to the loading bar.
        quiz_bar = self.query_one("#progress", ProgressBar)
        show_loading(self, progress, after=quiz_bar)
        quiz_bar.display = progress is None

    def on_mount(self) -> None:
        if self.load_progress is not None:  # reported before this screen was up
            self._show_load_progress(self.load_progress)
        header = self.query_one(ScoreHeader)
        header.pack = self.title_text
        self._up = True
        queued, self._queued = self._queued, []
        for call in queued:
            call()

    # -- what the app tells the screen -----------------------------------------------------------
    @property
    def drawn_with_a_question(self) -> bool:
        """Whether the screen was made with its first question (so it shows one from the start)."""
        return self._first is not None

    @property
    def in_progress(self) -> bool:
        """Whether a quiz is under way (some question still to answer)."""
        return not self._over and (self.session is None or not self.session.finished)

    def preview(self, question: Question, total: int, title: str, done: int = 0) -> None:
        """Show the first question before the grader is ready, so the student can start reading.

        `done` questions were answered in an earlier sitting: a resumed quiz goes on counting from them.
        """
        if self.session is not None or self._preview is not None:
            return
        if not self._up:
            self._queued.append(lambda: self.preview(question, total, title, done))
            return
        self._preview = question
        self.title_text = title
        header = self.query_one(ScoreHeader)
        header.pack, header.total, header.index = title, done + total, done
        self.query_one("#progress", ProgressBar).update(total=done + total, progress=done)
        self._drop_loading()
        self._show_question(question, done, done + total, _options_of(question))

    def begin(self, session: Session) -> None:
        """Run `session`: ask its current question (unless the preview already did)."""
        if not self._up:
            self._queued.append(lambda: self.begin(session))
            return
        self.session = session
        self.title_text = session.title
        self._drop_loading()
        if self.exam_seconds is not None:
            self._deadline = self._clock() + self.exam_seconds
            self.set_interval(1.0, self._tick)
            self._tick()
        current = session.current
        previewed = (
            self._preview is not None and current is not None and session.shown(current) == self._preview
        )
        self._refresh_status()
        if previewed:
            self._set_options()
        else:
            if self._preview is not None:  # the early question came from a stale cache
                self._pending = None
                self.say(
                    Content("The questions have changed since last time; here is the first one."), kind="note"
                )
            self._ask()
        if self._pending is not None:
            pending, self._pending = self._pending, None
            self._answer(pending, echoed=True)

    def reply(self, text: str) -> None:
        """The answer to a `?` question."""
        self.say(Content(clean(text)), kind="note")

    def note(self, text: str) -> None:
        """A note from the app, e.g. a class's welcome (kept until the screen is up)."""
        if not self._up:
            self._queued.append(lambda: self.note(text))
            return
        self._drop_loading()
        self.say(Content(clean(text)), kind="note")

    def say(self, body: Content, *, kind: str = "", role: Role = "bot") -> ChatBubble:
        """Add a message to the chat and scroll to it."""
        sender = BOT if role == "bot" else self.player
        return self._add(ChatBubble(body, role=role, sender=sender, kind=kind))

    def _add(self, bubble: ChatBubble) -> ChatBubble:
        return self.query_one("#chat", ChatLog).add(bubble)

    # -- what the student does -------------------------------------------------------------------
    def on_input_submitted(self, event: AnswerInput.Submitted) -> None:
        event.stop()
        text = event.value
        event.input.clear()
        self.handle(text)

    def on_answer_input_picked(self, event: AnswerInput.Picked) -> None:
        event.stop()
        self._pick(event.index)

    def on_options_list_picked(self, event: OptionsList.Picked) -> None:
        event.stop()
        self._pick(event.index)
        self.query_one("#answer").focus()

    def handle(self, text: str) -> None:
        """One line from the student: a /command, a ?question or an answer."""
        stripped = text.strip()
        if self._results_soon is not None and not stripped:  # Enter after the last answer
            self._finish(complete=True)
            return
        if not stripped:
            return
        if stripped.lower().startswith("/dispute"):
            self.say(Content(shorten(clean(stripped, one_line=True), 200)), role="you", kind="command")
            self.post_message(self.Disputed(stripped[len("/dispute") :].strip()))
        elif stripped.startswith("/"):
            words = stripped[1:].split()
            self.command(words[0].lower() if words else "help", echo=stripped)
        elif stripped.startswith("?"):
            self._ask_bot(stripped[1:].strip(), stripped)
        else:
            self._answer(text)

    def command(self, name: str, *, echo: str | None = None) -> None:
        """Run a conversation command (`hint`, `skip`, `why`, `repeat`, `score`, `quit`, `help`)."""
        self.say(Content(shorten(clean(echo or f"/{name}", one_line=True), 200)), role="you", kind="command")
        handler = self._commands().get(name)
        if handler is None:
            self.say(
                Content.assemble(
                    f"There is no /{shorten(clean(name, one_line=True), 40)} command. ", COMMAND_HELP
                ),
                kind="note",
            )
            return
        handler()

    def _commands(self) -> dict[str, Callable[[], None]]:
        return {
            "hint": self._hint,
            "h": self._hint,
            "skip": self._skip,
            "s": self._skip,
            "why": self._why,
            "w": self._why,
            "repeat": self._repeat,
            "r": self._repeat,
            "score": self._score,
            "quit": self._end,
            "q": self._end,
            "exit": self._end,
            "help": self._help,
        }

    def action_hint(self) -> None:
        self.command("hint")

    def action_dispute(self) -> None:
        self.handle("/dispute")

    def action_skip(self) -> None:
        self.command("skip")

    def action_why(self) -> None:
        self.command("why")

    def action_repeat(self) -> None:
        self.command("repeat")

    def action_score(self) -> None:
        self.command("score")

    def action_end(self) -> None:
        self.command("quit")

    def palette_commands(self) -> Iterable[tuple[str, str, Callable[[], object]]]:
        """What the command palette offers on this screen."""
        yield "Hint", "A hint for this question (each hint lowers its points)", self.action_hint
        yield "Skip", "Give up on this question and see the answer", self.action_skip
        yield "Why", "A fuller explanation of the last answer, from the facts", self.action_why
        yield "Repeat the question", "Show the current question again", self.action_repeat
        yield "Score", "The score so far", self.action_score
        yield "End the quiz", "Stop here and see the results", self.action_end

    # -- inside ----------------------------------------------------------------------------------
    def _ready(self) -> Session | None:
        if self.session is None:
            self.say(Content("One moment: the questions are still loading."), kind="note")
            return None
        if self.session.finished or self._over:
            self.say(Content("This quiz is over."), kind="note")
            return None
        return self.session

    def _answer(self, text: str, *, echoed: bool = False) -> None:
        from ...session import MAX_ANSWER_CHARS

        cut = len(text) > MAX_ANSWER_CHARS
        if not echoed:
            self.say(answer_body(text[:MAX_ANSWER_CHARS], len(text) if cut else None), role="you")
        if self.session is None and not self._over:
            self._pending = text
            return
        session = self._ready()
        if session is None:
            return
        self._report(session.answer(text))

    def _pick(self, index: int) -> None:
        session = self.session
        question = session.current if session is not None else self._preview
        if question is None:
            return
        options = session.options() if session is not None else _options_of(question)
        if not 0 <= index < len(options):
            return
        if session is not None and options[index] in session.ruled_out:
            self.say(Content("The 50/50 ruled that one out: pick one of the others."), kind="note")
            return
        key = option_keys(options, question.type == "truefalse")[index]
        self.say(Content(f"{key}. {clean(options[index], one_line=True)}"), role="you")
        self.query_one(AnswerInput).clear()
        if session is None:
            self._pending = options[index]
            return
        self._report(session.answer(options[index]))

    def _report(self, answered: Answered) -> None:
        assert self.session is not None
        self.post_message(self.AnswerGiven(answered))
        self.say(feedback_body(answered, self.session), kind=verdict_kind(answered))
        self._next()

    def _next(self) -> None:
        session = self.session
        assert session is not None
        self._refresh_status()
        if session.finished:
            self._results_shortly()
        else:
            self._ask()

    def _results_shortly(self) -> None:
        """The last question is done: its feedback stays on screen a moment, then the results."""
        self._offer_no_options()
        self.say(
            Content("That was the last question: your results follow (Enter shows them now)."), kind="note"
        )
        self._results_soon = self.set_timer(RESULTS_AFTER_S, lambda: self._finish(complete=True))

    def _ask(self) -> None:
        session = self.session
        assert session is not None
        question = session.current
        if question is None:
            return
        self._show_question(question, session.number - 1, session.count, session.options())
        self._set_options()

    def _show_question(self, question: Question, index: int, total: int, options: tuple[str, ...]) -> None:
        bubble, keys, shown = self._question_parts(question, index, total, options)
        self._add(bubble)
        self.query_one(AnswerInput).shortcuts = keys
        self.query_one(OptionsList).set_options(shown, keys)

    def _question_parts(
        self, question: Question, index: int, total: int, options: tuple[str, ...]
    ) -> tuple[ChatBubble, tuple[str, ...], tuple[str, ...]]:
        """The question's bubble, the keys that pick its options, and the options to list."""
        bubble = ChatBubble(
            question_body(question, index, total, options), role="bot", sender=BOT, kind="question"
        )
        keys = option_keys(options, question.type == "truefalse") if question.type != "order" else ()
        return bubble, keys, options if keys else ()

    def _set_options(self) -> None:
        """Offer the session's options now (a level-3 hint adds some to a short question)."""
        session = self.session
        assert session is not None
        question = session.current
        if question is None:
            self._offer_no_options()
            return
        options = session.options()
        keys = option_keys(options, question.type == "truefalse") if question.type != "order" else ()
        self.query_one(AnswerInput).shortcuts = keys
        self.query_one(OptionsList).set_options(options if keys else (), keys, session.ruled_out)

    def _offer_no_options(self) -> None:
        """No options listed, and no key that picks one (nothing left to answer)."""
        self.query_one(OptionsList).set_options((), ())
        self.query_one(AnswerInput).shortcuts = ()

    def _refresh_status(self) -> None:
        session = self.session
        assert session is not None
        header = self.query_one(ScoreHeader)
        header.pack = session.title
        header.total = session.count
        header.index = session.done_before + session.index
        header.score = session.score
        header.streak = session.streak
        self.query_one("#progress", ProgressBar).update(total=session.count, progress=header.index)

    def _hint(self) -> None:
        session = self._ready()
        if session is None:
            return
        hint = session.hint()
        if hint is None:
            self.say(Content(session.no_hint()), kind="note")
            return
        self.say(hint_body(hint, session), kind="hint")
        if hint.options or hint.ruled_out:
            self._set_options()

    def _skip(self) -> None:
        session = self._ready()
        if session is not None:
            self._report(session.skip())

    def _why(self) -> None:
        if self.session is None:
            self._ready()
            return
        self.say(Content(clean(self.session.why())), kind="note")

    def _repeat(self) -> None:
        session = self._ready()
        if session is not None:
            self._ask()

    def _score(self) -> None:
        if self.session is None:
            self._ready()
            return
        self.say(score_body(self.session), kind="note")

    def _help(self) -> None:
        self.say(Content(COMMAND_HELP), kind="note")

    def _ask_bot(self, text: str, echo: str) -> None:
        self.say(Content(shorten(clean(echo, one_line=True), 500)), role="you", kind="command")
        if not text:
            self.say(
                Content("Ask me about the material after the '?', e.g. ?who directed The Medium"), kind="note"
            )
            return
        if self.session is not None and self.session.mode == "exam":
            self.say(Content("No questions to me during an exam: they could give answers away."), kind="note")
            return
        question = self.session.current if self.session is not None else self._preview
        self.post_message(self.Asked(text, question))

    def _end(self) -> None:
        if self.session is None:
            self._over = True
            self.post_message(self.Finished(None, None, complete=False))
            return
        self._finish(complete=self.session.finished)

    def _finish(self, *, complete: bool) -> None:
        if self._results_soon is not None:
            self._results_soon.stop()
            self._results_soon = None
        if self._over:
            return
        self._over = True
        assert self.session is not None
        self._offer_no_options()
        self.post_message(self.Finished(self.session, self.session.results(), complete))

    def _tick(self) -> None:
        if self._deadline is None or self._over:
            return
        left = max(0, math.ceil(self._deadline - self._clock()))
        self.query_one(ScoreHeader).seconds_left = left
        if left == 0 and self.session is not None and not self.session.finished:
            self.say(Content("Time is up: the questions left count as skipped."), kind="note")
            while not self.session.finished:
                self.post_message(self.AnswerGiven(self.session.skip()))
            self._refresh_status()
            self._finish(complete=True)

    def _drop_loading(self) -> None:
        if self._loading is not None:
            self.query_one("#chat", ChatLog).remove_message(self._loading)
            self._loading = None


def _options_of(question: Question) -> tuple[str, ...]:
    from ...session import choices_of

    return choices_of(question)
