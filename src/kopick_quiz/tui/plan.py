"""What the student chose on the home screen (or on the command line): the quiz to run."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..store.model import ALL_PACKS as ALL_PACKS  # the plan's "every pack", as the store records it

ModeName = Literal["quick", "pack", "review", "exam"]
MODES: dict[str, str] = {
    "quick": "Quick quiz",
    "pack": "Whole pack",
    "review": "Review due",
    "exam": "Exam",
}
DEFAULT_COUNT = 10
EXAM_SECONDS_PER_QUESTION = 60
EXAM_SEED = 1  # an exam without a seed still asks everyone the same questions


@dataclass(frozen=True)
class QuizPlan:
    """A quiz to run: which pack (None: all), the mode, how many questions, the seed, who plays."""

    pack: str | None
    mode: ModeName = "quick"
    count: int | None = DEFAULT_COUNT
    seed: int | None = None
    player: str = "player"

    @property
    def questions_wanted(self) -> int | None:
        """How many questions to ask: None for all of them."""
        return self.count if self.mode in ("quick", "exam") else None

    @property
    def order_seed(self) -> int | None:
        return EXAM_SEED if self.mode == "exam" and self.seed is None else self.seed


@dataclass(frozen=True)
class PackRow:
    """One line of the home screen's pack table."""

    id: str | None  # None: all packs together
    title: str
    size: int
