"""The answer line: Enter sends; with options on offer and nothing typed, one key picks."""

from __future__ import annotations

from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.reactive import Reactive
from textual.widgets import Input


class AnswerInput(Input):
    """An Input that turns 1-9 (or y/n) into a pick while the line is empty."""

    class Picked(Message):
        """A key picked the option at `index`."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    # Input widens its virtual size with every key typed (to scroll a long line); on Widget that
    # asks for a new layout of the whole screen, each key. The line's height and width never
    # change with what is typed, so a repaint is all it needs (a third of what a served answer
    # costs the machine was these layouts).
    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.shortcuts: tuple[str, ...] = ()

    def on_mount(self) -> None:
        self.cursor_blink = getattr(self.app, "CURSOR_BLINK", True)

    async def _on_key(self, event: events.Key) -> None:
        key = (event.character or "").lower()
        if self.shortcuts and not self.value and key in self.shortcuts:
            event.stop()
            event.prevent_default()
            self.post_message(self.Picked(self.shortcuts.index(key)))
            return
        await super()._on_key(event)
