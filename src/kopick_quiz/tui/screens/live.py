"""A student's screen in a live game (a terminal or a browser): "waiting for the next question",
then each question as the host opens it, with its countdown; one answer each; the verdict, the
points (and how many for speed), the student's place on the board."""

from __future__ import annotations

from datetime import datetime

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, ProgressBar, Static

from ...questions import Question
from ...session import choices_of
from ..literal import clean
from ..widgets.answer_input import AnswerInput
from ..widgets.options import OptionsList, option_keys


class LiveScreen(Screen[None]):
    """One question at a time, when the host opens it."""

    CSS_PATH = "live.tcss"
    AUTO_FOCUS = "#answer"
    BINDINGS = [
        Binding("f7", "dispute", "I was right", tooltip="Ask your teacher to look at the last verdict again"),
    ]

    class Answer(Message):
        """The student answers question `number` with `text`."""

        def __init__(self, number: int, text: str) -> None:
            super().__init__()
            self.number = number
            self.text = text

    class Dispute(Message):
        def __init__(self, reason: str) -> None:
            super().__init__()
            self.reason = reason

    def __init__(self, *, title: str, player: str, questions: list[Question]) -> None:
        super().__init__()
        self.title_text = title
        self.player = player
        self.questions = questions
        self.step = -1
        self.phase = "lobby"
        self.number = 0
        self.answered: set[int] = set()
        self.closes_at: datetime | None = None
        self.seconds = 20.0

    def compose(self) -> ComposeResult:
        yield Static(id="top")
        yield ProgressBar(id="countdown", show_eta=False, show_percentage=False)
        with Vertical(id="stage"):
            yield Static(id="prompt")
            yield OptionsList(id="options")
            yield Static(id="feedback")
        yield AnswerInput(
            id="answer", placeholder="Type your answer and press Enter · /dispute if a verdict was wrong"
        )
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#countdown").display = False
        self._top("Waiting for the game to start")
        self.query_one("#prompt", Static).update(
            Content.assemble(
                ("Waiting for the first question…\n\n", "bold"),
                "Each question shows here when your teacher opens it. Right answers earn more the sooner they come.",
            )
        )

    # -- what the app tells the screen -----------------------------------------------------------
    def show_game(
        self, phase: str, number: int, step: int, seconds: float, left: float, standing: str
    ) -> None:
        """The game as just read from the store (called a few times a second)."""
        if phase == "question":
            countdown = self.query_one("#countdown", ProgressBar)
            countdown.display = True
            countdown.update(total=seconds, progress=seconds - left)
            self._top(f"Question {number + 1} of {len(self.questions)} · {int(left + 0.999)} s left")
        if step == self.step:
            return
        self.step, self.phase, self.number, self.seconds = step, phase, number, seconds
        if phase == "question":
            self._ask(number)
        else:
            self.query_one("#countdown").display = False
            self.query_one(OptionsList).set_options((), ())
            self.query_one(AnswerInput).shortcuts = ()
            title = {
                "lobby": "Waiting for the game to start",
                "spread": f"Question {number + 1} is closed",
                "board": f"After question {number + 1} of {len(self.questions)}",
                "podium": "Game over",
            }[phase]
            self._top(title)
            if phase in ("spread", "board"):
                if number not in self.answered:
                    self.query_one("#feedback", Static).update(
                        Content.styled(f"Time is up for question {number + 1}.", "$warning")
                    )
                self.query_one("#prompt", Static).update(
                    Content.assemble(("Waiting for the next question…\n\n", "bold"), standing)
                )
            elif phase == "podium":
                self.query_one("#prompt", Static).update(
                    Content.assemble(("Game over.\n\n", "bold"), standing)
                )

    def graded(
        self, number: int, verdict_title: str, feedback: str, points: int, bonus: int, kind: str
    ) -> None:
        """The verdict on this student's answer to question `number`."""
        self.answered.add(number)
        extra = f" ({bonus} for speed)" if bonus > 0 else ""
        said = feedback.startswith(("Correct", "Accepted"))  # the feedback says the verdict itself
        title = f"+{points} points{extra}" if said else f"{verdict_title}  +{points} points{extra}"
        self.query_one("#feedback", Static).update(
            Content.assemble(
                (f"{title}\n", f"bold {kind}"),
                clean(feedback),
                ("\n\nWaiting for the others… F7 if you think the verdict is wrong.", "dim"),
            )
        )

    def note(self, text: str, style: str = "$warning") -> None:
        self.query_one("#feedback", Static).update(Content.styled(clean(text), style))

    # -- the student -----------------------------------------------------------------------------
    def on_input_submitted(self, event: AnswerInput.Submitted) -> None:
        event.stop()
        text = event.value.strip()
        event.input.clear()
        if not text:
            return
        if text.startswith("/dispute"):
            self.post_message(self.Dispute(text[len("/dispute") :].strip()))
            return
        if text.startswith(("/", "?")):
            self.note("In a live game just type your answer (or /dispute).", "$text-muted")
            return
        self._send(text)

    def on_answer_input_picked(self, event: AnswerInput.Picked) -> None:
        options = self._options()
        if 0 <= event.index < len(options):
            self._send(
                str(event.index + 1)
                if self.questions[self.number].type != "truefalse"
                else options[event.index]
            )

    def action_dispute(self) -> None:
        self.post_message(self.Dispute(""))

    def _send(self, text: str) -> None:
        if self.phase == "lobby":
            self.note("The game has not started yet: wait for the first question.")
        elif self.number in self.answered:
            self.note("You have answered this one; wait for the next question.", "$text-muted")
        elif self.phase != "question":
            self.note(f"Too late: the time for question {self.number + 1} was up.")
        else:
            self.post_message(self.Answer(self.number, text))

    def _ask(self, number: int) -> None:
        q = self.questions[number]
        self.query_one("#feedback", Static).update(Content(""))
        self.query_one("#prompt", Static).update(
            Content.assemble((f"Question {number + 1}\n\n", "bold $accent"), (clean(q.prompt), "bold"))
        )
        options = self._options()
        keys = option_keys(options, q.type == "truefalse") if q.type != "order" else ()
        self.query_one(OptionsList).set_options(options if keys else (), keys)
        answer = self.query_one(AnswerInput)
        answer.shortcuts = keys
        answer.focus()

    def _options(self) -> tuple[str, ...]:
        return choices_of(self.questions[self.number])

    def _top(self, text: str) -> None:
        self.query_one("#top", Static).update(
            Content.assemble(
                (clean(self.title_text, one_line=True), "bold"),
                "  ·  ",
                clean(self.player, one_line=True),
                "  ·  ",
                text,
            )
        )
