"""The first screen of a served session: a student's name and the class code (and, to come back
to a seat after losing the connection, its rejoin key)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Input, Label, Static

from ..literal import clean

NAME_CHARS = 32
CODE_CHARS = 12


class JoinScreen(Screen[None]):
    """Ask who the student is and which class; the app checks and seats them."""

    CSS_PATH = "join.tcss"
    AUTO_FOCUS = "#name"
    BINDINGS = [Binding("enter", "join", "Join", show=False)]

    class Join(Message):
        """The student asks to join `code` as `name` (with `key` when coming back to a seat)."""

        def __init__(self, name: str, code: str, key: str) -> None:
            super().__init__()
            self.name = name
            self.code = code
            self.key = key

    def __init__(self, *, code: str | None = None, title: str | None = None) -> None:
        """`code`: the class the server fixed (nothing to type); `title`: its name, to greet with."""
        super().__init__()
        self.fixed_code = code
        self.class_title = title
        self.busy = False
        self.problem = ""  # what the last refusal said

    def compose(self) -> ComposeResult:
        yield Header()
        with Center(), Vertical(id="card") as card:
            card.border_title = "Join the class"
            if self.class_title:
                yield Static(
                    Content.assemble(("Class: ", "bold"), clean(self.class_title, one_line=True)), id="class"
                )
            yield Label("Your name, as your teacher should see it")
            yield Input(id="name", max_length=NAME_CHARS, placeholder="e.g. Mina Park")
            if self.fixed_code is None:
                yield Label("Class code")
                yield Input(
                    id="code", max_length=CODE_CHARS, placeholder="the code on the board, e.g. KXP4TM"
                )
            yield Label("Rejoin key (only to come back to your seat)", id="key-label")
            yield Input(id="key", max_length=CODE_CHARS, placeholder="the key you were shown when you joined")
            yield Static(id="problem", markup=False)
            yield Button("Join", id="join", variant="primary")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "kopick-quiz"
        self.sub_title = "join your class"
        self.query_one("#key-label").display = False
        self.query_one("#key").display = False
        self.query_one("#problem").display = False
        for field in self.query(Input):
            field.cursor_blink = getattr(self.app, "CURSOR_BLINK", True)
        self.query_one("#name").focus()  # AUTO_FOCUS is not applied to an app's first screen

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        """Enter in a field moves on to the next empty one, then joins."""
        event.stop()
        for other in self.query(Input):
            if other.display and not other.value.strip() and other.id != "key":
                other.focus()
                return
        self.action_join()

    @on(Button.Pressed, "#join")
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_join()

    def action_join(self) -> None:
        if self.busy:
            return
        name = self.query_one("#name", Input).value
        code = self.fixed_code or self.query_one("#code", Input).value
        key = self.query_one("#key", Input).value if self.query_one("#key").display else ""
        if not name.strip():
            self.refuse("Type your name first.")
            self.query_one("#name").focus()
            return
        if not code.strip():
            self.refuse("Type the class code your teacher gave you.")
            self.query_one("#code").focus()
            return
        self.busy = True
        self.query_one("#join", Button).disabled = True
        self.query_one("#problem").display = False
        self.post_message(self.Join(name, code, key))

    def wait(self, message: str) -> None:
        """Say what the join is waiting for (the button stays pressed: it goes on by itself)."""
        problem = self.query_one("#problem", Static)
        problem.update(Content(message))
        problem.display = True

    def refuse(self, message: str, *, ask_key: bool = False) -> None:
        """Say why the join did not work (shown literally); `ask_key` offers the rejoin key field."""
        self.busy = False
        self.problem = clean(message, one_line=True)
        self.query_one("#join", Button).disabled = False
        problem = self.query_one("#problem", Static)
        problem.update(Content(self.problem))
        problem.display = True
        if ask_key:
            self.query_one("#key-label").display = True
            key = self.query_one("#key", Input)
            key.display = True
            key.focus()
