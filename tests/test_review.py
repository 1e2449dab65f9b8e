"""FSRS review: how answers become ratings, which questions are due, how many come up each day."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone

import fsrs
import pytest
from stores import StoreSpot

from kopick_quiz.grading import Verdict
from kopick_quiz.questions import Question
from kopick_quiz.review import due, due_count, forecast, recall
from kopick_quiz.scheduling import SLOW_SECONDS, rating_for, schedule
from kopick_quiz.session import Answered
from kopick_quiz.store import Store

SEOUL = timezone(timedelta(hours=9))
T0 = datetime(2025, 3, 1, 9, 0, tzinfo=SEOUL)  # a Saturday morning in Seoul
SCORES = {"correct": 1.0, "close": 0.9, "partial": 0.5, "incorrect": 0.0}
Again, Hard, Good, Easy = fsrs.Rating.Again, fsrs.Rating.Hard, fsrs.Rating.Good, fsrs.Rating.Easy


def question(qid: str, qtype: str = "short") -> Question:
    return Question(id=qid, pack="p", type=qtype, prompt=f"{qid}?", answers=("A",))  # type: ignore[arg-type]


def answered(
    qid: str = "q1", verdict: str = "correct", *, hints: int = 0, seconds: float = 5.0, qtype: str = "short"
):
    v = None if verdict == "skipped" else Verdict(verdict, SCORES[verdict], "A", "")  # type: ignore[arg-type]
    return Answered(question(qid, qtype), "A", v, hints, seconds, 10, 0)


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(db: StoreSpot, clock: Clock) -> Iterator[Store]:
    """A store on each backend: SQLite, then PostgreSQL."""
    s = db.open(clock=clock, scheduler=fsrs.Scheduler(enable_fuzzing=False))
    yield s
    s.close()


def answer(store: Store, clock: Clock, when: datetime, *results: tuple[str, str]) -> None:
    """Record (question id, verdict) pairs at `when` in one quiz of Mina's."""
    clock.now = when
    quiz = store.start_quiz("Mina", "p", "quick", [qid for qid, _ in results], None)
    for qid, verdict in results:
        store.record(quiz, answered(qid, verdict))
    store.finish(quiz)


QUESTIONS = [question(f"q{i}") for i in range(1, 31)]


def ids(questions: list[Question]) -> list[str]:
    return [q.id for q in questions]


# -- ratings ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("verdict", "hints", "seconds", "qtype", "rating"),
    [
        ("correct", 0, 5.0, "short", Easy),
        ("correct", 0, SLOW_SECONDS, "short", Easy),
        ("correct", 0, SLOW_SECONDS + 0.1, "short", Good),
        ("close", 0, 5.0, "short", Good),
        ("correct", 0, 5.0, "choice", Good),
        ("correct", 0, 5.0, "truefalse", Good),
        ("correct", 0, 5.0, "year", Easy),
        ("correct", 1, 5.0, "short", Hard),
        ("close", 2, 40.0, "short", Hard),
        ("partial", 0, 5.0, "multi", Hard),
        ("incorrect", 0, 5.0, "short", Again),
        ("incorrect", 3, 5.0, "short", Again),
        ("skipped", 0, 1.0, "short", Again),
    ],
)
def test_an_answer_rates_the_card_by_how_well_it_was_recalled(
    verdict: str, hints: int, seconds: float, qtype: str, rating: fsrs.Rating
) -> None:
    assert rating_for(answered("q1", verdict, hints=hints, seconds=seconds, qtype=qtype)) == rating


@pytest.mark.parametrize(
    ("rating", "state", "due_after"),
    [
        (Again, fsrs.State.Learning, timedelta(minutes=1)),
        (Good, fsrs.State.Learning, timedelta(minutes=10)),
        (Easy, fsrs.State.Review, timedelta(days=8)),
    ],
)
def test_a_first_review_schedules_a_new_card(
    rating: fsrs.Rating, state: fsrs.State, due_after: timedelta
) -> None:
    card = schedule(fsrs.Scheduler(enable_fuzzing=False), None, rating, T0, seconds=3.5)
    assert card.state == state
    assert card.due.astimezone(SEOUL) == T0 + due_after


# -- what is due -----------------------------------------------------------------------------------------


def test_a_new_player_gets_the_first_new_questions_in_order(store: Store) -> None:
    assert ids(due(store, "Mina", QUESTIONS, T0, new_per_day=3)) == ["q1", "q2", "q3"]
    assert due_count(store, "Mina", QUESTIONS, T0, new_per_day=3) == 3


def test_due_cards_come_first_most_overdue_first_then_new_ones(store: Store, clock: Clock) -> None:
    answer(store, clock, T0, ("q5", "incorrect"))  # due a minute later
    answer(store, clock, T0 + timedelta(minutes=5), ("q9", "incorrect"))
    answer(store, clock, T0 + timedelta(minutes=6), ("q1", "correct"))  # Easy: due in days
    later = T0 + timedelta(hours=1)
    assert ids(due(store, "Mina", QUESTIONS, later, new_per_day=5)) == ["q5", "q9", "q2", "q3"]


def test_questions_met_today_in_any_quiz_use_up_the_days_new_questions(store: Store, clock: Clock) -> None:
    answer(store, clock, T0, ("q1", "correct"), ("q2", "correct"), ("q3", "correct"))
    assert ids(due(store, "Mina", QUESTIONS, T0 + timedelta(hours=2), new_per_day=5)) == ["q4", "q5"]
    tomorrow = T0 + timedelta(days=1)
    assert ids(due(store, "Mina", QUESTIONS, tomorrow, new_per_day=5)) == ["q4", "q5", "q6", "q7", "q8"]


def test_the_day_is_the_players_local_day(store: Store, clock: Clock) -> None:
    # 23:30 in Seoul on Friday is 14:30 UTC: Saturday morning in Seoul is a new day.
    answer(store, clock, datetime(2025, 2, 28, 23, 30, tzinfo=SEOUL), ("q1", "correct"), ("q2", "correct"))
    assert ids(due(store, "Mina", QUESTIONS, T0, new_per_day=2)) == ["q3", "q4"]
    utc_same_day = datetime(2025, 2, 28, 23, 0, tzinfo=UTC)  # Saturday 08:00 in Seoul, Friday in UTC
    assert ids(due(store, "Mina", QUESTIONS, utc_same_day, new_per_day=2)) == []


@pytest.mark.parametrize(
    ("questions", "expected"),
    [
        ([question("q1"), question("q2"), question("q1")], ["q1", "q2"]),  # an id once
        ([question("q2")], ["q2"]),  # q1's card is not in this set: not asked
        ([], []),
    ],
)
def test_due_asks_only_the_given_questions_each_once(
    store: Store, clock: Clock, questions: list[Question], expected: list[str]
) -> None:
    answer(store, clock, T0, ("q1", "incorrect"))
    assert ids(due(store, "Mina", questions, T0 + timedelta(days=1), new_per_day=5)) == expected


def test_a_player_without_history_has_no_cards_due_but_sees_new_ones(store: Store, clock: Clock) -> None:
    answer(store, clock, T0, ("q1", "incorrect"))
    assert ids(due(store, "Joon-ho", QUESTIONS[:2], T0, new_per_day=10)) == ["q1", "q2"]


# -- forecast and recall -----------------------------------------------------------------------------------


def test_forecast_counts_cards_due_per_local_day_overdue_ones_today(store: Store, clock: Clock) -> None:
    answer(store, clock, T0 - timedelta(days=3), ("q1", "incorrect"))  # overdue since then
    answer(store, clock, T0, ("q2", "incorrect"), ("q3", "correct"), ("q4", "correct"))
    days = forecast(store, "Mina", 14, T0)
    assert len(days) == 14
    assert days[0] == (date(2025, 3, 1), 2)
    assert days[8] == (date(2025, 3, 9), 2)  # Easy: eight days on
    assert sum(n for _, n in days) == 4
    assert forecast(store, "Mina", 3, T0, question_ids=["q3"]) == [
        (date(2025, 3, 1), 0),
        (date(2025, 3, 2), 0),
        (date(2025, 3, 3), 0),
    ]
    assert forecast(store, "Nobody", 2, T0) == [(date(2025, 3, 1), 0), (date(2025, 3, 2), 0)]


def test_predicted_recall_fades_with_time(store: Store, clock: Clock) -> None:
    answer(store, clock, T0, ("q1", "correct"))
    soon = recall(store, "Mina", T0 + timedelta(days=1))["q1"]
    late = recall(store, "Mina", T0 + timedelta(days=60))["q1"]
    assert 1.0 >= soon > late > 0.0
