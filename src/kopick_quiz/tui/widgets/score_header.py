"""The line above the chat: the pack, which question, the score, the streak, the exam's clock."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.geometry import Size
from textual.reactive import Reactive, reactive
from textual.widgets import Label

from ..literal import clean
from .sizing import size_record_that_repaints

HOT_STREAK = 3  # from this many right in a row the streak is highlighted


class _Figure(Label):
    """A label of the header. Its new text asks for a layout that sizes it; the content size
    recorded during that layout would ask for a second one, of the whole screen, every answer."""

    virtual_size: Reactive[Size] = size_record_that_repaints()


class ScoreHeader(Horizontal):
    """Pack title on the left; question k of N, score, streak and time left on the right."""

    pack = reactive("")
    index = reactive(0)
    total = reactive(0)
    score = reactive(0)
    streak = reactive(0)
    seconds_left: reactive[int | None] = reactive(None)

    def compose(self) -> ComposeResult:
        yield _Figure(id="pack", markup=False)
        yield _Figure(id="question", markup=False)
        yield _Figure(id="score", markup=False)
        yield _Figure(id="streak", markup=False)
        yield _Figure(id="clock", markup=False)

    def on_mount(self) -> None:
        # Values set before the labels existed: show them now.
        self.watch_pack(self.pack)
        self._watch_progress()
        self.watch_score(self.score)
        self.watch_streak(self.streak)
        self.watch_seconds_left(self.seconds_left)

    def watch_pack(self, pack: str) -> None:
        self.query_one("#pack", Label).update(Content(clean(pack, one_line=True)))

    def _watch_progress(self) -> None:
        shown = min(self.index + 1, self.total) if self.total else 0
        self.query_one("#question", Label).update(f"Question {shown}/{self.total}")

    def watch_index(self) -> None:
        self._watch_progress()

    def watch_total(self) -> None:
        self._watch_progress()

    def watch_score(self, score: int) -> None:
        self.query_one("#score", Label).update(f"Score {score}")

    def watch_streak(self, streak: int) -> None:
        label = self.query_one("#streak", Label)
        label.update(f"Streak {streak}")
        label.set_class(streak >= HOT_STREAK, "-hot")

    def watch_seconds_left(self, seconds: int | None) -> None:
        clock = self.query_one("#clock", Label)
        clock.display = seconds is not None
        if seconds is not None:
            clock.update(f"{seconds // 60:02d}:{seconds % 60:02d} left")
            clock.set_class(seconds <= 30, "-hurry")
