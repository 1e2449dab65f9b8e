"""The live game on the projector: one page whose body changes with the game's phase."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, ProgressBar, Static

from ...classroom.live import SPEED_BONUS, HostView, Spread, ordinal
from ...session import expected_answer
from ..literal import clean

BAR_CELLS = 30
PHASE_TITLES = {
    "lobby": "Waiting for players",
    "question": "Question",
    "spread": "The answers",
    "board": "Leaderboard",
    "podium": "Podium",
}
NEXT_WORDS = {
    "lobby": "start the game",
    "question": "close the question now",
    "spread": "the leaderboard",
    "board": "the next question",
    "podium": "",
}


def bar(count: int, most: int, style: str) -> Content:
    cells = round(BAR_CELLS * count / most) if most else 0
    return Content.assemble(("█" * cells, style), ("░" * (BAR_CELLS - cells), "dim"), f"  {count}")


def spread_body(spread: Spread, answer: str) -> Content:
    rows = [
        ("Right", spread.right, "$success"),
        ("Close", spread.close, "$success 60%"),
        ("Partly right", spread.partial, "$warning"),
        ("Wrong", spread.wrong, "$error"),
        ("No answer", spread.silent, "$text-muted"),
    ]
    most = max(n for _, n, _ in rows) or 1
    lines = [Content.assemble(("The answer: ", "bold"), (clean(answer), "bold $success")), Content("")]
    lines += [Content.assemble((label.ljust(13), "bold"), bar(n, most, style)) for label, n, style in rows]
    if spread.common_wrong:
        lines += [Content(""), Content.styled("Most common wrong answers", "bold")]
        lines += [
            Content.assemble("  ", clean(text, one_line=True), (f"  ×{n}", "dim"))
            for text, n in spread.common_wrong
        ]
    return Content("\n").join(lines)


class HostScreen(Screen[None]):
    """Joins, each question with its countdown, the spread, the board, the podium."""

    BINDINGS = [
        Binding("space,enter,n", "app.next", "Next", tooltip="Move on (closes an open question early)"),
    ]

    def __init__(self, klass, questions) -> None:  # noqa: ANN001 - a ClassRow, list[Question]
        super().__init__()
        self.klass = klass
        self.questions = questions

    def compose(self) -> ComposeResult:
        with Horizontal(id="top"):
            yield Static(Content.styled(clean(self.klass.title, one_line=True), "bold"), id="title")
            yield Static(id="phase")
            yield Static(Content.assemble("Code ", (self.klass.code, "bold $accent")), id="code")
        yield ProgressBar(id="countdown", show_eta=False, show_percentage=False)
        with VerticalScroll(id="main"):
            yield Static(Content("Opening the game…"), id="body")
            with Horizontal(id="podium"):
                for place in ("second", "first", "third"):
                    with Vertical(classes=f"step {place}"):
                        yield Static(classes="who")
                        yield Static(classes="block")
            yield Static(id="after")
        yield Static(id="status")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#podium").display = False
        self.query_one("#countdown").display = False

    def show(self, view: HostView) -> None:
        """Draw `view` (called whenever the game has been read)."""
        self.query_one("#phase", Static).update(Content(self._phase_line(view)))
        countdown = self.query_one("#countdown", ProgressBar)
        countdown.display = view.phase == "question"
        if view.phase == "question":
            countdown.update(total=view.seconds, progress=view.seconds - view.seconds_left)
        body, after = self._body(view)
        self.query_one("#body", Static).update(body)
        self.query_one("#after", Static).update(after)
        self._podium(view)
        self.query_one("#status", Static).update(self._status(view))

    # -- the parts ---------------------------------------------------------------------------------
    def _phase_line(self, view: HostView) -> str:
        if view.phase in ("question", "spread", "board"):
            return f"{PHASE_TITLES[view.phase]} · {view.number + 1} of {view.total}"
        return PHASE_TITLES[view.phase]

    def _status(self, view: HostView) -> Content:
        parts = []
        if view.phase == "question":
            parts.append(Content.styled(f"{int(view.seconds_left + 0.999)} s left", "bold"))
            parts.append(Content(" · "))
            parts.append(Content(f"{view.answered} of {len(view.players)} answered"))
        else:
            parts.append(Content(f"{len(view.players)} player{'s' * (len(view.players) != 1)}"))
        move = NEXT_WORDS[view.phase]
        if move:
            parts.append(Content.assemble("   ", ("Space", "bold $accent"), f": {move}"))
        return Content("").join(parts)

    def _body(self, view: HostView) -> tuple[Content, Content]:
        if view.phase == "lobby":
            code = " ".join(self.klass.code)
            lines = [
                Content.styled("Join the game", "bold"),
                Content(""),
                Content.assemble("In a terminal:  ", ("kopick-quiz play --class " + self.klass.code, "bold")),
                Content.assemble("In the browser: the class code  ", (code, "bold $accent")),
                Content(""),
            ]
            if view.players:
                names = " · ".join(clean(p, one_line=True) for p in view.players)
                lines.append(Content.assemble((f"{len(view.players)} joined: ", "bold"), names))
            else:
                lines.append(Content.styled("Nobody has joined yet.", "italic $text-muted"))
            return Content("\n").join(lines), Content("")
        q = self.questions[view.number]
        if view.phase == "question":
            lines = [
                Content.styled(f"Question {view.number + 1}", "bold $accent"),
                Content(""),
                Content.styled(clean(q.prompt), "bold"),
            ]
            options = ("True", "False") if q.type == "truefalse" else q.choices
            if options:
                lines.append(Content(""))
                keys = (
                    ("y", "n") if q.type == "truefalse" else tuple(str(i) for i in range(1, len(options) + 1))
                )
                lines += [
                    Content.assemble((f"  {k}  ", "bold $accent"), clean(o))
                    for k, o in zip(keys, options, strict=False)
                ]
            else:
                lines += [Content(""), Content.styled("Type the answer.", "italic $text-muted")]
            return Content("\n").join(lines), Content("")
        if view.phase == "spread" and view.spread is not None:
            return Content.assemble(
                (clean(q.prompt), "bold"), "\n\n", spread_body(view.spread, expected_answer(q))
            ), Content("")
        if view.phase == "board":
            return self._board(view, 10), Content("")
        if view.phase == "podium":
            prompts = {q.id: q.prompt for q in self.questions}
            lines = [Content.styled("The class's hardest questions", "bold")] if view.hardest else []
            for h in view.hardest:
                lines.append(
                    Content.assemble(
                        (f"  {h.right} of {h.answered} right  ", "$error"),
                        clean(prompts.get(h.question_id, h.question_id)),
                    )
                )
            return Content.styled("Well played, everyone!", "bold"), Content("\n").join(lines)
        return Content(""), Content("")

    def _board(self, view: HostView, count: int) -> Content:
        lines = [Content.styled(f"After question {view.number + 1} of {view.total}", "bold"), Content("")]
        if not view.board:
            lines.append(Content.styled("Nobody has played yet.", "italic $text-muted"))
        width = max((len(clean(r.player, one_line=True)) for r in view.board[:count]), default=0)
        for row in view.board[:count]:
            lines.append(
                Content.assemble(
                    (f"{row.rank:>3}  ", "bold $accent"),
                    clean(row.player, one_line=True).ljust(width),
                    (f"  {row.points:>4} points", "bold"),
                    (f"   {row.right} right", "dim"),
                )
            )
        return Content("\n").join(lines)

    def _podium(self, view: HostView) -> None:
        podium = self.query_one("#podium")
        podium.display = view.phase == "podium"
        if view.phase != "podium":
            return
        rows = list(view.board[:3])
        for place, index in (("first", 0), ("second", 1), ("third", 2)):
            step = self.query_one(f".{place}")
            row = rows[index] if index < len(rows) else None
            who = step.query_one(".who", Static)
            block = step.query_one(".block", Static)
            if row is None:
                who.update(Content(""))
                block.update(Content(""))
                continue
            who.update(Content.assemble((clean(row.player, one_line=True), "bold"), f"\n{row.points} points"))
            block.update(Content.styled(ordinal(row.rank), "bold"))


class HostHelp(ModalScreen[None]):
    """F1 on the host screen: the keys and how a live game counts points."""

    BINDINGS = [Binding("escape,f1,q", "dismiss", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help") as box:
            box.border_title = "The live game"
            box.border_subtitle = "Esc to close"
            yield Static(
                Content.assemble(
                    ("Keys\n", "bold"),
                    "Space, Enter or n  move on: start, close a question early, show the board, the next question\n",
                    "F1                 this help\n",
                    "Ctrl+Q             leave; the game waits where it is, and class host CODE goes on from there\n\n",
                    ("Points\n", "bold"),
                    "A right answer earns 10 points, a close one (a typo, another spelling) 9, a partly right one "
                    "its share of 10. A right or close answer also earns a speed bonus of up to "
                    f"{SPEED_BONUS} points: all {SPEED_BONUS} when it comes as the question opens, none at the end "
                    "of the countdown, in proportion in between. A wrong answer earns nothing, however quick.\n\n",
                    ("Moving on by itself\n", "bold"),
                    "With --auto SECONDS the game moves on after that many seconds on each screen (the lobby waits "
                    "for a first player); a question closes when its countdown ends or when everyone has answered.",
                )
            )
