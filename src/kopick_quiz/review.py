"""Spaced repetition (FSRS) on top of the store: which questions are due, and when.

Every recorded answer reviews the card of its question (`Store.record` calls
`scheduling.schedule`, below the store), so a question met in any quiz is scheduled. Which
questions a review session asks is `due`: the cards due, most overdue first, then a few
questions never seen, at most `new_per_day` a day. Days are those of `now`'s time zone.
The store never imports this module.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .questions import Question
    from .store import CardRow, Store

NEW_PER_DAY = 10
FORECAST_DAYS = 14


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
    "due",
    "due_count",
    "due_from_cards",
    "forecast",
    "forecast_from_cards",
    "recall",
]
