"""The results of a quiz: score and accuracy, by tag, and every missed question to learn from."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Footer, Static

from ..literal import clean, shorten
from ..wording import VERDICT_TITLES, results_summary

if TYPE_CHECKING:
    from ...questions import Question
    from ...session import Answered, Results, TagScore

BAR_CELLS = 12
TAGS_SHOWN = 8
LABEL_CELLS = 28


def tag_line(tag: TagScore, width: int, label: str | None = None) -> Content:
    """`Directors  ████████░░░░  4/6`: one tag's accuracy as a bar, the tag as people read it."""
    filled = round(BAR_CELLS * tag.accuracy)
    return Content.assemble(
        (shorten(clean(label or tag.tag, one_line=True), width).ljust(width), "bold"),
        "  ",
        ("█" * filled, "$success"),
        ("░" * (BAR_CELLS - filled), "dim"),
        f"  {tag.right}/{tag.total}",
    )


def missed_card(number: int, answered: Answered) -> Content:
    """A missed question: the prompt, what was typed, the right answer, why."""
    q = answered.question
    given = clean(answered.text, one_line=True) if not answered.skipped else "(skipped)"
    verdict = VERDICT_TITLES[answered.verdict.verdict] if answered.verdict is not None else "Skipped"
    parts: list[str | tuple[str, str]] = [
        (f"{number}. ", "bold"),
        clean(q.prompt),
        "\n",
        ("You: ", "bold"),
        given or "(nothing)",
        f"  ({verdict})",
        "\n",
        ("Answer: ", "bold"),
        (clean(answered.expected), "bold"),
    ]
    if q.explanation:
        parts += ["\n", (clean(q.explanation), "italic")]
    return Content.assemble(*parts)


class ResultsScreen(Screen[None]):
    """What the quiz showed: the score, the weak tags, the questions to look at again."""

    CSS_PATH = "results.tcss"
    AUTO_FOCUS = "#retry"
    BINDINGS = [
        Binding("r", "retry", "Retry missed", tooltip="A new quiz of the questions missed"),
        Binding("h,escape", "home", "Home", tooltip="Back to the packs"),
    ]

    class RetryMissed(Message):
        def __init__(self, questions: list[Question]) -> None:
            super().__init__()
            self.questions = questions

    class GoHome(Message):
        pass

    def __init__(self, results: Results, title: str, labels: Mapping[str, str] | None = None) -> None:
        """`labels` names the tags ("Mr. Go" for `mr-go`); a tag without one is shown as it is."""
        super().__init__()
        self.results = results
        self.title_text = title
        self.labels = dict(labels or {})

    def compose(self) -> ComposeResult:
        r = self.results
        with VerticalScroll(id="report"):
            yield Static(
                Content.assemble(("Results · ", "bold"), clean(self.title_text, one_line=True)), id="title"
            )
            yield Static(results_summary(r), id="summary")
            if r.by_tag:
                shown = r.by_tag[:TAGS_SHOWN]  # weakest first
                names = [self.labels.get(t.tag, t.tag) for t in shown]
                width = min(LABEL_CELLS, max(len(name) for name in names))
                lines = [tag_line(t, width, name) for t, name in zip(shown, names, strict=True)]
                if len(r.by_tag) > TAGS_SHOWN:
                    lines.append(Content.styled(f"… and {len(r.by_tag) - TAGS_SHOWN} more tags", "dim"))
                yield Static(Content("By tag, weakest first"), classes="heading")
                yield Static(Content("\n").join(lines), id="tags")
            if r.missed:
                yield Static(Content(f"To review ({len(r.missed)})"), classes="heading")
                for i, answered in enumerate(r.missed, 1):
                    yield Static(missed_card(i, answered), classes="missed")
            else:
                yield Static(Content("Nothing missed. Well done!"), classes="heading")
        with Horizontal(id="buttons"):
            yield Button("Retry missed", id="retry", variant="primary", disabled=not r.missed)
            yield Button("Home", id="home")
        yield Footer()

    def on_mount(self) -> None:
        if not self.results.missed:
            self.query_one("#home").focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "retry":
            self.action_retry()
        else:
            self.action_home()

    def action_retry(self) -> None:
        if self.results.missed:
            self.post_message(self.RetryMissed([a.question for a in self.results.missed]))

    def action_home(self) -> None:
        self.post_message(self.GoHome())

    def palette_commands(self) -> Iterable[tuple[str, str, Callable[[], object]]]:
        if self.results.missed:
            yield "Retry missed", "A new quiz of the questions missed", self.action_retry
        yield "Home", "Back to the packs", self.action_home
