"""Spaced repetition (FSRS) on top of the store: one card per question per player.

Every recorded answer reviews the card of its question (`Store.record` calls `schedule`), so a
question met in any quiz is scheduled. How an answer becomes a rating is `rating_for`; which
questions a review session asks is `due`: the cards due, most overdue first, then a few
questions never seen, at most `new_per_day` a day. Days are those of `now`'s time zone.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

import fsrs

if TYPE_CHECKING:
    from .questions import Question
    from .session import Answered
    from .store import CardRow, Store

SLOW_SECONDS = 20.0  # a right answer that took longer than this was recalled with effort
NEW_PER_DAY = 10
FORECAST_DAYS = 14
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


def due(
    store: Store,
    player: str,
    questions: Sequence[Question],
    now: datetime,
    *,
    new_per_day: int = NEW_PER_DAY,
) -> list[Question]:
    """The questions to review now: due cards (most overdue first), then a few never seen."""
    return due_from_cards(store.cards(player), questions, now, new_per_day=new_per_day)


def due_count(
    store: Store,
    player: str,
    questions: Sequence[Question],
    now: datetime,
    *,
    new_per_day: int = NEW_PER_DAY,
) -> int:
    """How many questions a review session would ask now."""
    return len(due(store, player, questions, now, new_per_day=new_per_day))


def due_from_cards(
    cards: Mapping[str, CardRow],
    questions: Sequence[Question],
    now: datetime,
    *,
    new_per_day: int = NEW_PER_DAY,
) -> list[Question]:
    """`due` over cards already read: due cards first (most overdue first), then new questions.

    New questions come in the order given, as many as `new_per_day` less those met for the
    first time today (in a review or any other quiz).
    """
    now = _aware(now)
    unique = list({q.id: q for q in reversed(questions)}.values())[::-1]  # first of each id
    reviews = sorted(
        ((cards[q.id].due, i, q) for i, q in enumerate(unique) if q.id in cards and cards[q.id].due <= now),
        key=lambda t: (t[0], t[1]),
    )
    start = datetime.combine(now.date(), datetime.min.time(), tzinfo=now.tzinfo)
    met_today = sum(c.introduced_at >= start for c in cards.values())
    room = max(0, new_per_day - met_today)
    new = [q for q in unique if q.id not in cards][:room]
    return [q for _, _, q in reviews] + new


def forecast(
    store: Store,
    player: str,
    days: int = FORECAST_DAYS,
    now: datetime | None = None,
    *,
    question_ids: Iterable[str] | None = None,
) -> list[tuple[date, int]]:
    """Cards due on each of the next `days` days, today first (today includes overdue cards)."""
    cards = store.cards(player)
    if question_ids is not None:
        keep = set(question_ids)
        cards = {k: v for k, v in cards.items() if k in keep}
    return forecast_from_cards(cards, days, now or datetime.now().astimezone())


def forecast_from_cards(cards: Mapping[str, CardRow], days: int, now: datetime) -> list[tuple[date, int]]:
    """`forecast` over cards already read."""
    now = _aware(now)
    today = now.date()
    counts = [0] * max(days, 0)
    for card in cards.values():
        index = max(0, (card.due.astimezone(now.tzinfo).date() - today).days)
        if index < len(counts):
            counts[index] += 1
    return [(today + timedelta(days=i), n) for i, n in enumerate(counts)]


def recall(store: Store, player: str, now: datetime) -> dict[str, float]:
    """Question id -> the predicted chance (0..1) that the player recalls it now."""
    when = _aware(now).astimezone(UTC)
    return {
        qid: float(store.scheduler.get_card_retrievability(row.card, when))
        for qid, row in store.cards(player).items()
    }


def _aware(now: datetime) -> datetime:
    """A naive time is taken as local time."""
    return now.astimezone() if now.tzinfo is None else now


__all__ = [
    "FORECAST_DAYS",
    "NEW_PER_DAY",
    "SLOW_SECONDS",
    "default_scheduler",
    "due",
    "due_count",
    "due_from_cards",
    "forecast",
    "forecast_from_cards",
    "rating_for",
    "recall",
    "schedule",
]
