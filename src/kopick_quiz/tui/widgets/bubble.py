"""One message of the conversation, the bot's or the student's."""

from __future__ import annotations

from typing import Literal

from textual.app import ComposeResult
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from ..literal import clean

Role = Literal["bot", "you"]


class ChatBubble(Widget, can_focus=False):
    """A message: its role (`bot` or `you`) is a CSS class, its sender the border title.

    `kind` adds a class saying what the message is (`question`, `correct`, `hint`, ...), which
    the stylesheet turns into a colour from the theme. The bubble is a full-width row so the
    student's messages can sit on the right.
    """

    def __init__(self, body: Content, *, role: Role, sender: str, kind: str = "") -> None:
        super().__init__(classes=" ".join(c for c in (role, kind) if c))
        self.role = role
        self.kind = kind
        self.body = body
        self.sender = clean(sender, one_line=True)

    def compose(self) -> ComposeResult:
        body = Static(self.body, classes="body")
        body.border_title = Content(self.sender)
        yield body

    @property
    def text(self) -> str:
        """What the bubble says, as plain text (for tests and copying)."""
        return self.body.plain
