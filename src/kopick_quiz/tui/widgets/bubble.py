"""One message of the conversation, the bot's or the student's."""

from __future__ import annotations

from typing import Literal

from textual.app import ComposeResult
from textual.content import Content
from textual.geometry import Size
from textual.reactive import Reactive
from textual.widget import Widget
from textual.widgets import Static

from ..literal import clean

Role = Literal["bot", "you"]


def _size_record() -> Reactive[Size]:
    """A message neither scrolls nor holds anything that does, so the size Textual records for
    its content once the chat is laid out changes nothing around it. On a widget that record asks
    for another layout of the whole screen (each new message cost two); a repaint is enough."""
    return Reactive(Size(0, 0), layout=False)


class _Body(Static):
    """The box of the student's message."""

    virtual_size: Reactive[Size] = _size_record()


class ChatBubble(Widget, can_focus=False):
    """A message: its role (`bot` or `you`) is a CSS class, its sender the border title.

    `kind` adds a class saying what the message is (`question`, `correct`, `hint`, ...), which
    the stylesheet turns into a colour from the theme. The bot's message is the bordered box
    itself, one widget; the student's is a full-width row holding its box, so that it can sit on
    the right. A long quiz adds hundreds of them, and every one is laid out again whenever the
    chat grows: one widget instead of two halves that work (it is most of what an answer costs a
    served app).
    """

    virtual_size: Reactive[Size] = _size_record()

    def __init__(self, body: Content, *, role: Role, sender: str, kind: str = "") -> None:
        super().__init__(classes=" ".join(c for c in (role, kind) if c))
        self.role = role
        self.kind = kind
        self.body = body
        self.sender = clean(sender, one_line=True)
        if role == "bot":
            self.border_title = Content(self.sender)

    def compose(self) -> ComposeResult:
        if self.role == "you":
            body = _Body(self.body, classes="body")
            body.border_title = Content(self.sender)
            yield body

    def render(self) -> Content:
        return self.body if self.role == "bot" else Content()

    @property
    def text(self) -> str:
        """What the bubble says, as plain text (for tests and copying)."""
        return self.body.plain
