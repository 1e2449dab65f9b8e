"""A store on a fixed clock, and answers made without a grader, for the classroom's tests."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import fsrs
import pytest
from stores import StoreSpot

from kopick_quiz.grading import Verdict
from kopick_quiz.questions import Question
from kopick_quiz.session import Answered
from kopick_quiz.store import Store

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
SCORES = {"correct": 1.0, "close": 0.9, "partial": 0.5, "incorrect": 0.0}


class Clock:
    def __init__(self, now: datetime = T0) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def question(qid: str) -> Question:
    return Question(
        id=qid, pack="week3", type="short", prompt=f"prompt of {qid}?", answers=("A",), tags=("people",)
    )  # type: ignore[arg-type]


QUESTIONS = [question(f"q{i}") for i in range(1, 11)]


def answered(
    qid: str, verdict: str = "correct", *, text: str = "A", points: int = 10, seconds: float = 5.0
) -> Answered:
    v = None if verdict == "skipped" else Verdict(verdict, SCORES[verdict], "A", "")  # type: ignore[arg-type]
    return Answered(question(qid), text, v, 0, seconds, points, 1)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(db: StoreSpot, clock: Clock) -> Iterator[Store]:
    """A store on each backend: SQLite, then PostgreSQL."""
    s = db.open(clock=clock, scheduler=fsrs.Scheduler(enable_fuzzing=False))
    yield s
    s.close()
