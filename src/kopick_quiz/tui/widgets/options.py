"""The options of the current question, numbered, above the answer line; a click picks one."""

from __future__ import annotations

from textual import events
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.reactive import Reactive, reactive
from textual.widget import Widget

from ..literal import clean
from .sizing import size_record_that_repaints


def option_keys(options: tuple[str, ...], truefalse: bool) -> tuple[str, ...]:
    """The key that picks each option: y/n for true/false, else 1, 2, 3 ..."""
    if truefalse:
        return ("y", "n")[: len(options)]
    return tuple(str(i) for i in range(1, min(len(options), 9) + 1))


class OptionsList(Widget, can_focus=False):
    """Numbered options; hidden when the question has none. Options a hint ruled out stay, greyed."""

    COMPONENT_CLASSES = {"options--ruled-out"}

    class Picked(Message):
        """An option was clicked."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    # New options ask for the layout that sizes the list (`options` below).
    virtual_size: Reactive[Size] = size_record_that_repaints()
    options: reactive[tuple[str, ...]] = reactive((), layout=True)
    keys: reactive[tuple[str, ...]] = reactive(())
    ruled_out: reactive[tuple[str, ...]] = reactive(())
    """Options a 50/50 hint took away: shown greyed and struck through, keeping their numbers."""

    def set_options(
        self, options: tuple[str, ...], keys: tuple[str, ...], ruled_out: tuple[str, ...] = ()
    ) -> None:
        self.set_reactive(OptionsList.keys, keys)
        self.set_reactive(OptionsList.ruled_out, ruled_out)
        self.options = options
        self.mutate_reactive(OptionsList.options)

    def watch_options(self, options: tuple[str, ...]) -> None:
        self.display = bool(options)

    def render(self) -> Content:
        out = self.get_visual_style("options--ruled-out", partial=True)
        lines = []
        for key, option in zip(self.keys, self.options, strict=False):
            line = Content.assemble((f" {key} ", "bold reverse"), " ", clean(option, one_line=True))
            lines.append(line.stylize(out) if option in self.ruled_out else line)
        return Content("\n").join(lines)

    def on_click(self, event: events.Click) -> None:
        row = event.y
        if 0 <= row < min(len(self.options), len(self.keys)):
            self.post_message(self.Picked(row))
