"""The live game: moves in order, closes on its countdown or when all have answered, refuses late
or out-of-turn answers, gives points for speed; disputes rescore an answer everywhere."""

from __future__ import annotations

import pytest

from kopick_quiz.classroom import board, create_class, join
from kopick_quiz.classroom.live import SPEED_BONUS, LiveGame, live_points, ordinal
from kopick_quiz.grading import Verdict
from kopick_quiz.store import Refused

from .conftest import QUESTIONS, answered


def live_class(store, count=3):
    return create_class(store, "Live", "week3", QUESTIONS, count=count, seed=3, mode="live")


def test_a_live_class_has_a_countdown_a_question_and_no_exam_limit(store, clock):
    klass = live_class(store)
    assert klass.seconds == 20
    game = LiveGame(store, klass, now=clock)
    assert (game.state.phase, game.state.number, game.state.step) == ("lobby", 0, 0)
    _, seat = join(store, klass.code, "mina")
    clock.advance(minutes=90)  # long after any exam's limit: a live answer is judged by its countdown
    game.next()
    store.record(seat.quiz_id, answered(klass.question_ids[0]))


def test_the_game_moves_through_every_phase_to_the_podium(store, clock):
    klass = live_class(store, count=2)
    game = LiveGame(store, klass, now=clock)
    seen = []
    for _ in range(10):
        seen.append((game.state.phase, game.state.number))
        game.next()
    assert seen[:8] == [
        ("lobby", 0), ("question", 0), ("spread", 0), ("board", 0),
        ("question", 1), ("spread", 1), ("board", 1), ("podium", 1),
    ]  # fmt: skip
    assert seen[8:] == [("podium", 1), ("podium", 1)]


def test_the_podium_finishes_every_students_quiz(store, clock):
    klass = live_class(store, count=1)
    game = LiveGame(store, klass, now=clock)
    _, seat = join(store, klass.code, "mina")
    _, idle = join(store, klass.code, "jun")
    game.next()
    store.record(seat.quiz_id, answered(klass.question_ids[0]))
    for _ in range(3):
        assert not any(r.finished for r in board(store, klass))
        game.next()
    assert game.state.phase == "podium"
    assert [r.finished for r in board(store, klass)] == [True, True]  # a student who missed a question too


def test_a_host_reopened_finds_the_game_where_it_was(store, clock):
    klass = live_class(store)
    first = LiveGame(store, klass, now=clock)
    first.next()
    first.next()
    again = LiveGame(store, klass, now=clock)
    assert (again.state.phase, again.state.number) == ("spread", 0)


def test_two_hosts_never_move_the_game_twice_from_one_state(store, clock):
    klass = live_class(store)
    a, b = LiveGame(store, klass, now=clock), LiveGame(store, klass, now=clock)
    stale = b.state
    a.next()
    assert store.move_game(stale, "question", 0, open_now=True) is None
    assert b.next().phase == "spread"  # b reads where a left it and moves on from there


def test_a_question_closes_on_its_countdown_or_when_all_have_answered(store, clock):
    klass = live_class(store)
    game = LiveGame(store, klass, now=clock)
    _, mina = join(store, klass.code, "mina")
    _, jun = join(store, klass.code, "jun")
    game.next()
    clock.advance(seconds=5)
    store.record(mina.quiz_id, answered(klass.question_ids[0]))
    assert not game.close_if_due(seated=2, answered=game.answered())
    store.record(jun.quiz_id, answered(klass.question_ids[0], "incorrect", text="Shaw", points=0))
    assert game.close_if_due(seated=2, answered=game.answered())
    assert game.state.phase == "spread"
    spread = game.spread()
    assert (spread.right, spread.wrong, spread.silent, spread.common_wrong) == (1, 1, 0, (("Shaw", 1),))
    game.next()
    game.next()  # the second question: nobody answers, the countdown ends it
    clock.advance(seconds=20.1)
    assert game.close_if_due(seated=2, answered=0)
    assert game.spread().silent == 2


def test_an_answer_out_of_turn_or_after_the_countdown_is_refused(store, clock):
    klass = live_class(store)
    game = LiveGame(store, klass, now=clock)
    _, seat = join(store, klass.code, "mina")
    with pytest.raises(Refused, match="the game has not started"):
        store.record(seat.quiz_id, answered(klass.question_ids[0]))
    game.next()
    with pytest.raises(Refused, match="not the one open now"):
        store.record(seat.quiz_id, answered(klass.question_ids[1]))
    clock.advance(seconds=20.4)  # within the half second's grace
    store.record(seat.quiz_id, answered(klass.question_ids[0]))
    game.next()
    game.next()
    game.next()
    clock.advance(seconds=21)
    with pytest.raises(Refused, match="too late: the time for question 2 was up"):
        store.record(seat.quiz_id, answered(klass.question_ids[1]))


@pytest.mark.parametrize(
    ("verdict", "score", "elapsed", "points"),
    [
        ("correct", 1.0, 0.0, 10 + SPEED_BONUS),
        ("correct", 1.0, 10.0, 10 + round(SPEED_BONUS / 2)),
        ("correct", 1.0, 20.0, 10),
        ("correct", 1.0, 25.0, 10),  # in the grace after the buzzer: no bonus, never less
        ("close", 0.9, 0.0, 9 + SPEED_BONUS),
        ("partial", 0.5, 0.0, 5),  # partly right earns its share, no speed bonus
        ("incorrect", 0.0, 0.0, 0),  # a quick wrong answer earns nothing
    ],
)
def test_points_for_speed_go_only_to_right_answers(verdict, score, elapsed, points):
    assert live_points(Verdict(verdict, score, "A", ""), elapsed, 20.0) == points


@pytest.mark.parametrize(
    ("n", "word"), [(1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (11, "11th"), (12, "12th"), (21, "21st")]
)
def test_ranks_read_as_words(n, word):
    assert ordinal(n) == word


def test_an_accepted_dispute_rescores_the_answer_everywhere(store, clock):
    klass = create_class(store, "Week 3", "week3", QUESTIONS, count=2)
    _, seat = join(store, klass.code, "mina")
    answer_id = store.record(
        seat.quiz_id, answered(klass.question_ids[0], "incorrect", text="Kim Jiwoon", points=0)
    )
    store.record(seat.quiz_id, answered(klass.question_ids[1], "correct"))
    dispute = store.dispute(answer_id, "it is the same name")
    with pytest.raises(Refused, match="already disputed"):
        store.dispute(answer_id, "again")
    assert board(store, klass)[0].points == 10  # recorded, not applied
    [row] = store.disputes(klass.class_id)
    assert (row.status, row.player, row.typed, row.reason) == (
        "open",
        "mina",
        "Kim Jiwoon",
        "it is the same name",
    )
    decided = store.decide_dispute(dispute, True, full_points=10)
    assert (decided.status, decided.was_verdict, decided.was_points, decided.points) == (
        "accepted",
        "incorrect",
        0,
        10,
    )
    top = board(store, klass)[0]
    assert (top.points, top.right) == (20, 2)
    rows = list(store.answers(class_id=klass.class_id))
    assert [(r.verdict, r.points) for r in rows] == [("correct", 10), ("correct", 10)]
    with pytest.raises(Refused, match="already accepted"):
        store.decide_dispute(dispute, False, full_points=10)


def test_a_rejected_dispute_leaves_the_verdict(store):
    klass = create_class(store, "Week 3", "week3", QUESTIONS, count=2)
    _, seat = join(store, klass.code, "mina")
    answer_id = store.record(seat.quiz_id, answered(klass.question_ids[0], "incorrect", text="x", points=0))
    store.decide_dispute(store.dispute(answer_id, ""), False, full_points=10)
    assert [r.verdict for r in store.answers(class_id=klass.class_id)] == ["incorrect"]


def test_only_a_class_answer_can_be_disputed(store):
    quiz = store.start_quiz("mina", "week3", "quick", ["q1"], 1)
    answer_id = store.record(quiz, answered("q1", "incorrect", points=0))
    with pytest.raises(Refused, match="only an answer given in a class"):
        store.dispute(answer_id, "")
