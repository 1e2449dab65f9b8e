"""The answer line: Enter sends; with options on offer and nothing typed, one key picks."""

from __future__ import annotations

from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.reactive import Reactive
from textual.widgets import Input

from .sizing import size_record_that_repaints


class AnswerInput(Input):
    """An Input that turns 1-9 (or y/n) into a pick while the line is empty."""

    class Picked(Message):
        """A key picked the option at `index`."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    # Input widens its virtual size with every key typed (to scroll a long line); the line's
    # height and width never change with what is typed.
    virtual_size: Reactive[Size] = size_record_that_repaints()

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
