"""One message of the conversation, the bot's or the student's, and the chat that draws them all."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Literal

from rich.segment import Segment
from textual.content import Content
from textual.geometry import Size
from textual.reactive import Reactive
from textual.scroll_view import ScrollView
from textual.scrollbar import ScrollBar
from textual.strip import Strip
from textual.style import Style

from ..literal import clean
from .sizing import size_record_that_repaints

Role = Literal["bot", "you"]

CHAT_WIDTH = 110  # lines longer than this are hard to read on a wide terminal
NARROW = 90  # below this width the chat drops its padding and its messages their gaps
GAP = 6  # on the right of the bot's messages (1 when narrow): the student's stand out on the right
YOU_SHARE = (0.8, 0.9)  # at most this share of the chat's width for the student's messages (wide, narrow)
YOU_MIN = 12
TITLE_PAD = 2  # the cells either side of a frame's title (a space, and a corner's edge)

# What a message's `kind` makes of its frame: a colour of the theme (the component class that holds
# it), and whether the sender's name above it takes that colour too.
FRAMES: dict[str, tuple[str, bool]] = {
    "question": ("chat--question", True),
    "correct": ("chat--correct", True),
    "close": ("chat--close", True),
    "partial": ("chat--close", True),
    "incorrect": ("chat--incorrect", True),
    "skipped": ("chat--incorrect", True),
    "hint": ("chat--aside", False),
    "note": ("chat--aside", False),
}


@dataclass(eq=False)
class ChatBubble:
    """A message: who sent it (`role`, and the `sender` its frame shows), what kind of message it
    is (`question`, `correct`, `hint`, ...: the frame's colour) and what it says."""

    body: Content
    role: Role
    sender: str
    kind: str = ""
    _drawn: tuple[int, list[Strip]] | None = field(default=None, repr=False)  # (width, lines)

    def __post_init__(self) -> None:
        self.sender = clean(self.sender, one_line=True)

    @property
    def text(self) -> str:
        """What the message says, as plain text (for tests and copying)."""
        return self.body.plain

    def has_class(self, name: str) -> bool:
        """Whether the message is of this role or kind (as the chat's CSS names them)."""
        return name in (self.role, self.kind)


class _ChatScrollBar(ScrollBar):
    """The chat's scrollbar. When the options above the answer line come or go, the chat's new
    height is laid out once; the size the bar records during that layout would ask for another."""

    virtual_size: Reactive[Size] = size_record_that_repaints()


class ChatLog(ScrollView, can_focus=False):
    """The conversation: every message drawn by this one widget, each laid out once.

    A long quiz says hundreds of things. As one widget each, every message was matched against
    the stylesheet when it came and laid out again whenever the chat grew, and that was most of
    what an answer cost a served app. Here a message is wrapped and framed once for the chat's
    width (again only when the width or the theme changes), and the screen draws only the lines
    in view. The colours are the theme's, from the stylesheet's component classes.

    The bot's messages are boxes on the left, the student's on the right, sized to what they say;
    the chat stays scrolled to the newest unless the student scrolls up.
    """

    COMPONENT_CLASSES = {
        "chat--box",  # the bot's box
        "chat--frame",  # the bot's frame, when its kind gives it no colour
        "chat--title",  # the sender's name on a frame
        "chat--you",  # the student's frame
        "chat--command",  # the text of a /command or ?question the student typed
        *{component for component, _ in FRAMES.values()},
    }

    def __init__(self, *messages: ChatBubble, id: str | None = None) -> None:
        super().__init__(id=id)
        self.messages: list[ChatBubble] = list(messages)
        self._ends: list[int] = []  # the line after each message (its gap included), for this width
        self._width = 0

    @property
    def vertical_scrollbar(self) -> ScrollBar:
        """The vertical scrollbar (as `Widget.vertical_scrollbar` makes it, of our own class)."""
        if self._vertical_scrollbar is None:
            bar = self._vertical_scrollbar = _ChatScrollBar(
                vertical=True, name="vertical", thickness=self.scrollbar_size_vertical
            )
            bar.display = False
            self.app._start_widget(self, bar)
        return self._vertical_scrollbar

    # -- what the screen does ----------------------------------------------------------------------
    def add(self, message: ChatBubble) -> ChatBubble:
        """Add a message at the end (and follow it, unless the student scrolled up)."""
        self.messages.append(message)
        if self._width:
            top = self._ends[-1] if self._ends else self._top
            self._ends.append(top + len(self.lines_of(message)))
            self._grow()
        return message

    def remove_message(self, message: ChatBubble) -> None:
        if message in self.messages:
            self.messages.remove(message)
            self._relayout()

    # -- Textual ---------------------------------------------------------------------------------
    def on_mount(self) -> None:
        super().on_mount()
        self.anchor()

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if self._anchored and self._anchor_released:  # back at the newest: follow it again
            self._check_anchor()  # (Widget does this; ScrollView's own watcher does not)

    def on_resize(self) -> None:
        if self.scrollable_content_region.width != self._width:  # a new height only shows more or less
            self._relayout()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        for message in self.messages:  # drawn in the colours of another theme
            message._drawn = None
        if self.is_mounted:
            self.refresh()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if width != self._width:
            # The first frame (or one after a resize) is drawn before `on_resize` comes: lay the
            # messages out for it now, or they show a frame later (the first question, 50-70 ms).
            self._relayout()
        line = round(self.scroll_offset.y) + y
        if self._width and line < (self._ends[-1] if self._ends else 0):
            index = bisect_right(self._ends, line)
            if index < len(self.messages):
                start = self._ends[index - 1] if index else self._top
                drawn = self.lines_of(self.messages[index])
                if start <= line < start + len(drawn):
                    return drawn[line - start]
        return Strip.blank(width, self.get_visual_style().rich_style)

    def styles_of(self, message: ChatBubble) -> tuple[Style, Style, Style]:
        """How the message is drawn: its frame's style, its sender's, its text's."""
        kind, coloured = FRAMES.get(message.kind, ("", False))
        if message.role == "bot":
            inside: tuple[str, ...] = ("chat--box",)
            frame = self.get_visual_style(*inside, kind or "chat--frame")
            title = self.get_visual_style(*inside, kind if coloured else "chat--title")
        else:
            inside = ("chat--command",) if message.kind == "command" else ()
            frame = self.get_visual_style("chat--you")
            title = self.get_visual_style("chat--title")
        return frame, title, self.get_visual_style(*inside)

    # -- inside ----------------------------------------------------------------------------------
    @property
    def _narrow(self) -> bool:
        return self._width < NARROW

    @property
    def _top(self) -> int:
        return 0 if self._narrow else 1

    def _relayout(self) -> None:
        width = self.scrollable_content_region.width
        if width <= 0:
            return
        if width != self._width:
            for message in self.messages:
                message._drawn = None
        self._width = width
        heights = (len(self.lines_of(message)) for message in self.messages)
        self._ends = list(accumulate(heights, initial=self._top))[1:]
        self._grow()

    def _grow(self) -> None:
        height = self._ends[-1] if self._ends else 0
        self.virtual_size = Size(self._width, height)
        self.refresh()

    def lines_of(self, message: ChatBubble) -> list[Strip]:
        """The message's lines at this width, its gap below included (drawn once, then kept)."""
        if message._drawn is None or message._drawn[0] != self._width:
            message._drawn = (self._width, self._draw(message))
        return message._drawn[1]

    def _draw(self, message: ChatBubble) -> list[Strip]:
        width = self._width
        pad = 0 if self._narrow else 1
        column = max(1, min(CHAT_WIDTH, width - 2 * pad))
        left = pad + (width - 2 * pad - column) // 2
        base = self.get_visual_style()
        if message.role == "bot":
            box = max(TITLE_PAD + 3, column - (1 if self._narrow else GAP))
            framed = _frame(self, message, box, "left")
            x = left
        else:
            share = YOU_SHARE[self._narrow]
            longest = max((line.cell_length for line in message.body.split("\n")), default=0)
            box = max(min(longest + 4, int(column * share)), min(YOU_MIN, column))
            framed = _frame(self, message, box, "right")
            x = left + column - box
        blank = base.rich_style
        lines = [
            Strip([Segment(" " * x, blank), *line, Segment(" " * (width - x - box), blank)], width)
            for line in framed
        ]
        lines.append(Strip.blank(width, blank))  # the gap below
        return lines


def _frame(chat: ChatLog, message: ChatBubble, width: int, align: Literal["left", "right"]) -> list[Strip]:
    """The message in its rounded frame, `width` cells wide with the frame, the sender on top."""
    frame, title, text = chat.styles_of(message)
    edge, back, named = frame.rich_style, text.rich_style, (title + Style(bold=True)).rich_style
    room = width - 4  # the frame and a space inside it on either side

    name = message.sender
    if len(name) > width - 2 * TITLE_PAD:
        name = Content(name).truncate(max(0, width - 2 * TITLE_PAD), ellipsis=True).plain
    label = f" {name} " if name else ""
    rest = width - 2 - len(label)
    if label and align == "left":
        top = [Segment("╭─", edge), Segment(label, named), Segment("─" * (rest - 1) + "╮", edge)]
    elif label:
        top = [Segment("╭" + "─" * (rest - 1), edge), Segment(label, named), Segment("─╮", edge)]
    else:
        top = [Segment("╭" + "─" * (width - 2) + "╮", edge)]

    lines = [top]
    for line in message.body.wrap(max(1, room)):
        cells = line.cell_length
        lines.append(
            [
                Segment("│", edge),
                Segment(" ", back),
                *line.render_segments(text),
                Segment(" " * max(0, room - cells) + " ", back),
                Segment("│", edge),
            ]
        )
    lines.append([Segment("╰" + "─" * (width - 2) + "╯", edge)])
    return lines
