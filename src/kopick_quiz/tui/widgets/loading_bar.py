"""A bar for a slow load (a large fact base read for the first time): a label, the bar, the time left."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Label, ProgressBar


class LoadingBar(Horizontal):
    """How far loading has gone; shown only while `progress` is set: `(done, total)`."""

    progress: reactive[tuple[int, int] | None] = reactive(None)

    def __init__(self, label: str, *, progress: tuple[int, int] | None = None, id: str | None = None) -> None:
        super().__init__(id=id)
        self.label = label
        self.set_reactive(LoadingBar.progress, progress)

    def compose(self) -> ComposeResult:
        yield Label(self.label, markup=False)
        yield ProgressBar()

    def on_mount(self) -> None:
        self._show(self.progress)

    def watch_progress(self, progress: tuple[int, int] | None) -> None:
        if self.is_mounted:
            self._show(progress)

    def _show(self, progress: tuple[int, int] | None) -> None:
        self.display = progress is not None
        if progress is not None:
            done, total = progress
            self.query_one(ProgressBar).update(total=total, progress=done)


LABEL = "Loading the facts…"


def show_loading(screen: Widget, progress: tuple[int, int] | None, after: Widget) -> None:
    """Show how far loading has gone on `screen` (None: hide it).

    The bar is mounted (below `after`) only when a load first turns out slow: a quick start,
    the usual one, draws no widget for it.
    """
    found = screen.query(LoadingBar)
    if found:
        found.first().progress = progress
    elif progress is not None:
        screen.mount(LoadingBar(LABEL, progress=progress, id="loading"), after=after)
