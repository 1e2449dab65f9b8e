"""A bar for a slow load (a large fact base read for the first time): a label, the bar, the time left."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.widgets import Label, ProgressBar


class LoadingBar(Horizontal):
    """How far loading has gone; shown only while `progress` is set: `(done, total)`."""

    progress: reactive[tuple[int, int] | None] = reactive(None)

    def __init__(self, label: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.label = label

    def compose(self) -> ComposeResult:
        yield Label(self.label, markup=False)
        yield ProgressBar()

    def on_mount(self) -> None:
        self.watch_progress(self.progress)

    def watch_progress(self, progress: tuple[int, int] | None) -> None:
        self.display = progress is not None
        if progress is not None and self.is_mounted:
            done, total = progress
            self.query_one(ProgressBar).update(total=total, progress=done)
