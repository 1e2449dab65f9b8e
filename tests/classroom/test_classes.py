"""Classes: codes, names, joining (and coming back), answers a class refuses, the board."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kopick_quiz.classroom import (
    CODE_ALPHABET,
    CODE_LENGTH,
    ClassError,
    NameTaken,
    board,
    class_questions,
    clean_name,
    create_class,
    join,
    name_key,
    new_code,
    normalise_code,
    question_stats,
    time_left,
)
from kopick_quiz.store import Refused

from .conftest import QUESTIONS, answered

# -- codes and names -------------------------------------------------------------------------------


def test_codes_use_no_symbol_that_reads_as_another():
    rng = random.Random(4)
    codes = {new_code(rng) for _ in range(500)}
    assert all(len(c) == CODE_LENGTH and set(c) <= set(CODE_ALPHABET) for c in codes)
    assert not set("0O1IL2Z5S8B") & set(CODE_ALPHABET)
    assert len(codes) == 500


@pytest.mark.parametrize("typed", ["kxp4tm", " KXP-4TM ", "kxp 4tm"])
def test_a_code_is_read_however_it_is_typed(typed):
    assert normalise_code(typed) == "KXP4TM"


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("  Mina   Park ", "Mina Park"),
        ("Mina\x1b[31mRed", "Mina[31mRed"),  # the escape character goes, the rest is only text
        ("Mi\u202ena", "Mina"),  # a right-to-left override would make the name read backwards
        ("Mi\u200bna", "Mina"),  # zero-width space: two names that look alike
        ("[bold]Kim[/bold]", "[bold]Kim[/bold]"),  # markup is kept as typed, and shown literally
        ("Jun\tSeo\nLee", "Jun Seo Lee"),
        ("김민아", "김민아"),
    ],
)
def test_names_are_cleaned_of_what_would_mislead_a_teacher(typed, shown):
    assert clean_name(typed) == shown


@pytest.mark.parametrize("typed", ["", "   ", "\x00\x07", "---", "\u202e"])
def test_a_name_needs_a_letter_or_digit(typed):
    with pytest.raises(ClassError, match="at least one letter"):
        clean_name(typed)


def test_a_long_name_is_refused_saying_the_limit():
    with pytest.raises(ClassError, match="at most 32 characters"):
        clean_name("x" * 33)


@given(st.text(max_size=60))
def test_a_cleaned_name_has_no_control_character(text):
    try:
        name = clean_name(text)
    except ClassError:
        return
    assert name == name.strip() and "  " not in name
    assert all(ch == " " or ch.isprintable() for ch in name)


def test_names_a_teacher_reads_as_one_share_a_seat():
    assert name_key("Mina") == name_key("MINA") == name_key("ｍｉｎａ") == name_key(" mina ")
    assert name_key("Mina") != name_key("Mine")


# -- making classes ---------------------------------------------------------------------------------


def test_a_class_keeps_a_fixed_list_of_questions(store):
    a = create_class(store, "Week 3", "week3", QUESTIONS, count=4, seed=7)
    b = create_class(store, "Week 3 again", "week3", QUESTIONS, count=4, seed=7)
    assert len(a.question_ids) == 4 and a.question_ids == b.question_ids
    assert a.code != b.code
    assert store.find_class(a.code) == a
    assert [c.code for c in store.classes()] == [b.code, a.code]


def test_an_exam_has_a_minute_a_question(store):
    exam = create_class(store, "Test", "week3", QUESTIONS, count=5, mode="exam")
    assert exam.seconds == 300
    assert create_class(store, "Practice", "week3", QUESTIONS, mode="self").seconds is None


def test_a_taken_code_is_drawn_again(store):
    first = create_class(store, "A", "week3", QUESTIONS, rng=random.Random(1))
    second = create_class(store, "B", "week3", QUESTIONS, rng=random.Random(1))  # draws first.code first
    assert second.code != first.code


@pytest.mark.parametrize(
    ("title", "mode", "message"),
    [("Week 3", "party", "one of self, exam, live"), ("", "self", "title needs at least one letter")],
)
def test_a_bad_class_is_refused_in_one_sentence(store, title, mode, message):
    with pytest.raises(ClassError, match=message):
        create_class(store, title, "week3", QUESTIONS, mode=mode)


# -- joining ----------------------------------------------------------------------------------------


def test_joining_gives_a_seat_with_a_quiz_and_a_rejoin_key(store):
    klass = create_class(store, "Week 3", "week3", QUESTIONS, count=3)
    joined, seat = join(store, klass.code.lower(), "  Mina ")
    assert joined == klass
    assert seat.player == "Mina" and seat.new and not seat.answered_ids
    assert len(seat.token) == CODE_LENGTH and set(seat.token) <= set(CODE_ALPHABET)
    assert store.find_class(klass.code).players == 1


def test_a_second_join_from_a_terminal_resumes_the_same_seat(store):
    klass = create_class(store, "Week 3", "week3", QUESTIONS, count=3)
    _, seat = join(store, klass.code, "mina", trusted=True)
    store.record(seat.quiz_id, answered(klass.question_ids[0], points=10))
    _, again = join(store, klass.code, "MINA", trusted=True)
    assert again.quiz_id == seat.quiz_id and not again.new
    assert again.answered_ids == (klass.question_ids[0],) and again.score == 10
    assert store.find_class(klass.code).players == 1


def test_a_browser_cannot_take_a_seat_that_is_someone_elses(store):
    klass = create_class(store, "Week 3", "week3", QUESTIONS, count=3)
    _, seat = join(store, klass.code, "Mina")
    with pytest.raises(NameTaken, match="'mina' has already joined this class; if that is you, give the rejoin key"):
        join(store, klass.code, "mina")
    with pytest.raises(NameTaken, match="not the one 'mina' was given"):
        join(store, klass.code, "mina", key="AAAAAA")
    _, back = join(store, klass.code, "mina", key=seat.token.lower())
    assert back.quiz_id == seat.quiz_id and not back.new


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("", "type the class code"),
        ("ZZZZZZ", "there is no class with the code ZZZZZZ"),
        ("toolongcode123", "there is no class with the code"),
    ],
)
def test_a_wrong_code_says_so(store, code, message):
    create_class(store, "Week 3", "week3", QUESTIONS)
    with pytest.raises(ClassError, match=message):
        join(store, code, "mina")


def test_a_closed_class_takes_no_one_and_no_answer(store):
    klass = create_class(store, "Week 3", "week3", QUESTIONS, count=3)
    _, seat = join(store, klass.code, "mina")
    store.close_class(klass.class_id)
    with pytest.raises(ClassError, match=rf"the class {klass.code} \(Week 3\) is closed"):
        join(store, klass.code, "jun")
    with pytest.raises(Refused, match="this class is closed"):
        store.record(seat.quiz_id, answered(klass.question_ids[0]))


def test_a_question_is_answered_once_in_a_class(store):
    klass = create_class(store, "Week 3", "week3", QUESTIONS, count=3)
    _, seat = join(store, klass.code, "mina")
    store.record(seat.quiz_id, answered(klass.question_ids[0]))
    with pytest.raises(Refused, match="already been answered"):
        store.record(seat.quiz_id, answered(klass.question_ids[0], "incorrect"))
    assert len(list(store.answers(class_id=klass.class_id))) == 1


def test_an_exam_takes_no_answer_after_its_time(store, clock):
    klass = create_class(store, "Test", "week3", QUESTIONS, count=2, mode="exam")
    _, seat = join(store, klass.code, "mina")
    assert time_left(klass, seat, clock()) == 120
    clock.advance(seconds=100)
    store.record(seat.quiz_id, answered(klass.question_ids[0]))
    clock.advance(seconds=30)  # 130 s: within the few seconds' grace
    _, again = join(store, klass.code, "mina", key=seat.token)
    assert time_left(klass, again, clock()) == 0  # the clock ran on while away: a rejoin does not restart it
    clock.advance(seconds=60)
    with pytest.raises(Refused, match="time is up"):
        store.record(seat.quiz_id, answered(klass.question_ids[1]))


def test_a_class_quiz_is_not_offered_as_an_unfinished_quiz(store):
    klass = create_class(store, "Week 3", "week3", QUESTIONS, count=3)
    _, seat = join(store, klass.code, "mina")
    store.record(seat.quiz_id, answered(klass.question_ids[0]))
    assert store.unfinished("mina") is None


def test_a_class_needs_its_questions_in_the_packs(store):
    klass = create_class(store, "Week 3", "week3", QUESTIONS, count=3)
    index = {q.id: q for q in QUESTIONS}
    assert [q.id for q in class_questions(klass, index)] == list(klass.question_ids)
    del index[klass.question_ids[1]]
    with pytest.raises(ClassError, match="1 of the class's questions are no longer in the pack 'week3'"):
        class_questions(klass, index)


# -- the board --------------------------------------------------------------------------------------


def _play(store, klass, name, verdicts, seconds=5.0):
    _, seat = join(store, klass.code, name, trusted=True)
    for qid, verdict in zip(klass.question_ids, verdicts, strict=False):
        points = {"correct": 10, "close": 9}.get(verdict, 0)
        store.record(seat.quiz_id, answered(qid, verdict, text=f"{name}'s answer", points=points, seconds=seconds))
    if len(verdicts) == len(klass.question_ids):
        store.finish(seat.quiz_id)
    return seat


def test_the_board_ranks_by_points_then_right_answers_then_time(store):
    klass = create_class(store, "Week 3", "week3", QUESTIONS, count=3)
    _play(store, klass, "slow", ["correct", "correct", "incorrect"], seconds=20)
    _play(store, klass, "quick", ["correct", "correct", "incorrect"], seconds=3)
    _play(store, klass, "best", ["correct", "correct", "close"])
    _play(store, klass, "late", ["close"])
    join(store, klass.code, "idle", trusted=True)
    rows = board(store, klass)
    assert [(r.rank, r.player, r.points, r.right, r.answered, r.finished) for r in rows] == [
        (1, "best", 29, 3, 3, True),
        (2, "quick", 20, 2, 3, True),
        (2, "slow", 20, 2, 3, True),  # the same points and right answers: the same rank
        (4, "late", 9, 1, 1, False),
        (5, "idle", 0, 0, 0, False),
    ]
    assert rows[0].to_json() == {
        "rank": 1, "player": "best", "points": 29, "right": 3, "answered": 3,
        "questions": 3, "finished": True, "seconds": 15.0,
    }  # fmt: skip


def test_the_board_adds_up_to_the_recorded_answers(store):
    klass = create_class(store, "Week 3", "week3", QUESTIONS, count=4)
    rng = random.Random(3)
    for i in range(12):
        _play(store, klass, f"s{i}", [rng.choice(["correct", "close", "incorrect", "skipped"]) for _ in range(rng.randint(0, 4))])
    rows = list(store.answers(class_id=klass.class_id))
    assert sum(r.points for r in board(store, klass)) == sum(r.points for r in rows)
    assert sum(r.answered for r in board(store, klass)) == len(rows)


def test_per_question_accuracy_puts_the_hardest_first_with_the_common_wrong_answers(store):
    klass = create_class(store, "Week 3", "week3", QUESTIONS, count=3)
    easy, hard, unseen = klass.question_ids
    for name, text in [("a", "Shaw Brothers"), ("b", "shaw  brothers"), ("c", "Golden Harvest")]:
        _, seat = join(store, klass.code, name, trusted=True)
        store.record(seat.quiz_id, answered(easy, "correct"))
        store.record(seat.quiz_id, answered(hard, "incorrect", text=text, points=0))
    _, seat = join(store, klass.code, "d", trusted=True)
    store.record(seat.quiz_id, answered(easy, "incorrect", text="no idea", points=0))
    stats = question_stats(klass, store.answers(class_id=klass.class_id))
    assert [s.question_id for s in stats] == [hard, easy, unseen]
    assert stats[0].accuracy == 0 and stats[0].wrong_answers == (("Shaw Brothers", 2), ("Golden Harvest", 1))
    assert stats[1].accuracy == 0.75 and stats[2].accuracy is None and stats[2].answered == 0
