"""The content size a widget records, for widgets around which it changes nothing."""

from __future__ import annotations

from textual.geometry import Size
from textual.reactive import Reactive


def size_record_that_repaints() -> Reactive[Size]:
    """A `virtual_size` whose changes repaint the widget instead of laying the screen out again.

    Textual records each widget's content size during a layout, and on `Widget` a new record asks
    for another layout of the whole screen. Where the widget's own change already asked for the
    layout that sizes it (a label's new text, new options), or nothing around it moves when its
    content grows (the answer line, a scrolled chat's bar), that second layout is waste: on a
    served app it was most of what an answer cost.
    """
    return Reactive(Size(0, 0), layout=False)
