"""F1: the keys, the conversation commands and how points are counted."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from ...session import Scoring

KEYS = [
    ("Enter", "send your answer"),
    ("1–9 / y n", "pick an option while the answer line is empty"),
    ("F2 F3 F4", "hint, skip, why"),
    ("F5 F6", "repeat the question, the score so far"),
    ("F10", "end the quiz and see the results"),
    ("s", "on the home screen: your stats (1–6 pick a tab, p practises the weakest questions)"),
    ("Ctrl+P", "every action, by name"),
    ("Ctrl+Q", "quit (asks first in the middle of a quiz)"),
]
COMMANDS = [
    ("/hint", "a hint: a fact about the answer, then its initials, then options (a choice: a 50/50)"),
    ("/skip", "give up on this question and see the answer"),
    ("/why", "a fuller explanation of the last answer, from the facts"),
    ("/repeat", "the question again"),
    ("/score", "the score so far"),
    ("/quit", "stop here and see the results"),
    ("?text", "ask the bot about the material, e.g. ?who directed The Medium"),
]


def _table(rows: list[tuple[str, str]]) -> Content:
    width = max(len(k) for k, _ in rows)
    return Content("\n").join(Content.assemble((k.ljust(width), "bold"), "  ", v) for k, v in rows)


def scoring_text(scoring: Scoring) -> Content:
    hint = round(scoring.hint_cost * 100)
    return Content(
        f"A right answer earns {scoring.full} points, a close one (a typo, another spelling) {scoring.close}, "
        f"a partly right one its share of {scoring.full}. Each hint takes {hint}% off the question's points. "
        f"From {scoring.streak_from} right in a row, each right answer earns {scoring.streak_bonus} more. "
        "An exam has no hints, a clock, and the same questions in the same order for everyone with the same seed."
    )


class HelpScreen(ModalScreen[None]):
    """The help, over whatever screen it was opened from."""

    CSS_PATH = "help.tcss"
    BINDINGS = [Binding("escape,f1,q", "dismiss", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help") as box:
            box.border_title = "Help"
            box.border_subtitle = "Esc to close"
            yield Static(Content("Keys"), classes="heading")
            yield Static(_table(KEYS))
            yield Static(Content("In a quiz, type"), classes="heading")
            yield Static(_table(COMMANDS))
            yield Static(Content("Points"), classes="heading")
            yield Static(scoring_text(Scoring()))

    def action_dismiss(self) -> None:  # type: ignore[override]
        self.dismiss()
