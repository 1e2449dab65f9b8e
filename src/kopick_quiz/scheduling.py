"""How one answer moves a question's review card: its FSRS rating, then the scheduler's step.

Below the store: `Store.record` calls `rating_for` and `schedule` in the transaction that keeps
the answer, so every answer in any quiz schedules its question. What is due, and when, is
review.py's, above the store.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

import fsrs

if TYPE_CHECKING:
    from .session import Answered

SLOW_SECONDS = 20.0  # a right answer that took longer than this was recalled with effort
RECOGNITION_TYPES = ("choice", "truefalse")  # picking from options is easier than recalling


def default_scheduler() -> fsrs.Scheduler:
    """The FSRS scheduler with its published default parameters (90% desired retention)."""
    return fsrs.Scheduler()


def rating_for(answered: Answered) -> fsrs.Rating:
    """How well an answer shows the question was remembered.

    incorrect or skipped -> Again; partial, or right after a hint -> Hard; close (a typo), or
    right but slower than SLOW_SECONDS, or a right pick from options -> Good; quick and exact -> Easy.
    """
    verdict = answered.verdict
    if verdict is None or verdict.verdict == "incorrect":
        return fsrs.Rating.Again
    if verdict.verdict == "partial" or answered.hints > 0:
        return fsrs.Rating.Hard
    if (
        verdict.verdict == "close"
        or answered.seconds > SLOW_SECONDS
        or answered.question.type in RECOGNITION_TYPES
    ):
        return fsrs.Rating.Good
    return fsrs.Rating.Easy


def schedule(
    scheduler: fsrs.Scheduler, card: fsrs.Card | None, rating: int, now: datetime, *, seconds: float = 0.0
) -> fsrs.Card:
    """The card after one review (a new card when `card` is None)."""
    when = now.astimezone(UTC)
    if card is None:
        card = fsrs.Card(card_id=int(when.timestamp() * 1000), due=when)
    reviewed, _log = scheduler.review_card(
        card, fsrs.Rating(rating), review_datetime=when, review_duration=max(0, int(seconds * 1000))
    )
    return reviewed


__all__ = ["RECOGNITION_TYPES", "SLOW_SECONDS", "default_scheduler", "rating_for", "schedule"]
