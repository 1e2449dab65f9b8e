"""The session: picking questions, hints, grading through the grader, points, results."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kopick_quiz.grading import Lexicon
from kopick_quiz.grading.verdict import Verdict
from kopick_quiz.library import load_base
from kopick_quiz.questions import Question
from kopick_quiz.session import MAX_ANSWER_CHARS, Answered, Scoring, Session, expected_answer, select

FACTS = Path(__file__).parent / "tui" / "data" / "facts.yaml"


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.from_base(load_base(FACTS))


def q(id: str, prompt: str, answers: tuple[str, ...], type: str = "short", **more: object) -> Question:
    return Question(id=id, pack="t", type=type, prompt=prompt, answers=answers, **more)  # type: ignore[arg-type]


STUDIO = q(
    "studio",
    "Which Thai studio co-produced The Medium?",
    ("GDH 559",),
    explanation="With Showbox.",
    tags=("studios",),
)
DIRECTOR = q("director", "Who directed The Medium?", ("Banjong Pisanthanakun",), tags=("people",))
YEAR = q("year", "When was The Medium released?", ("2021",), type="year", tags=("dates",))
NAMES = {
    "organisation": ["GDH 559", "Showbox", "Shaw Brothers"],
    "person": ["Bong Joon-ho", "Na Hong-jin", "Park Chan-wook"],
}


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (STUDIO, "GDH 559"),
        (q("tf", "True?", ("true",), type="truefalse", choices=("true", "false")), "true"),
        (q("multi", "Which two?", ("South Korea", "Thailand"), type="multi"), "South Korea, Thailand"),
        (q("order", "Order them", ("A", "B", "C"), type="order", choices=("B", "A", "C")), "A > B > C"),
        (YEAR, "2021"),
    ],
)
def test_expected_answer_reads_as_a_student_would_type_it(question: Question, expected: str) -> None:
    assert expected_answer(question) == expected


def test_a_skipped_answer_expects_the_questions_answer_and_a_graded_one_the_graders(lexicon: Lexicon) -> None:
    session = Session([STUDIO, DIRECTOR], lexicon)
    skipped = session.skip()
    assert skipped.skipped and skipped.expected == "GDH 559"
    graded = session.answer("Banjong")
    assert graded.verdict is not None and graded.expected == graded.verdict.expected


def test_select_is_fixed_by_its_seed_and_cut_to_count() -> None:
    pool = [q(f"q{i}", f"Question {i}?", ("x",)) for i in range(20)]
    assert select(pool, 5, 3) == select(pool, 5, 3)
    assert len(select(pool, 5, 3)) == 5
    assert select(pool, 5, 3) == select(pool, None, 3)[:5]
    assert sorted(x.id for x in select(pool, None, 1)) == sorted(x.id for x in pool)


def test_hints_grow_to_options_even_for_a_hand_written_question(lexicon: Lexicon) -> None:
    session = Session([STUDIO], lexicon, names=NAMES)
    first, second = session.hint(), session.hint()
    assert first is not None and "G__ 5__" in first.text  # the facts say no more than the prompt of GDH 559
    assert second is not None and "GDH 559" in second.options and len(second.options) == 3
    assert session.hint() is None
    assert session.options() == second.options
    pick = str(second.options.index("GDH 559") + 1)
    answered = session.answer(pick)
    assert answered.accepted and answered.hints == 2
    assert answered.points == round(10 * (1 - 0.25 * 2))


def test_a_hand_written_questions_first_hint_is_what_the_facts_add(lexicon: Lexicon) -> None:
    question = q("who", "Who directed The Medium?", ("Banjong Pisanthanakun",))
    about = lexicon.about[next(iter(lexicon.entities("Banjong Pisanthanakun")))]
    first = Session([question], lexicon, names=NAMES).hint()
    assert first is not None and about in first.text and "Banjong" not in about


@pytest.mark.parametrize(
    ("question", "hints"),
    [
        (YEAR, ["The 2020s.", "Between 2020 and 2024."]),
        (
            q("count", "How many tickets did The Medium sell?", ("834338",), type="number"),
            ["Between 100,000 and 999,999 tickets.", "It starts with 8."],
        ),
        (
            q(
                "own",
                "Which Thai studio co-produced The Medium?",
                ("GDH 559",),
                hint="Its name has a number.",
            ),
            ["Its name has a number.", "G__ 5__ (2 words, 6 letters)."],
        ),
    ],
)
def test_each_hint_tells_more_than_the_question(
    lexicon: Lexicon, question: Question, hints: list[str]
) -> None:
    session = Session([question], lexicon, names=NAMES)
    assert [session.hint().text for _ in hints] == hints  # type: ignore[union-attr]


def test_the_fifty_fifty_rules_out_two_wrong_options_and_keeps_their_numbers(lexicon: Lexicon) -> None:
    choices = ("GDH 559", "Showbox", "Shaw Brothers", "Dexter Studios")
    question = q(
        "pick", "Which Thai studio co-produced The Medium?", ("GDH 559",), type="choice", choices=choices
    )
    session = Session([question], lexicon)
    hint = session.hint()
    assert hint is not None and len(hint.ruled_out) == 2 and "GDH 559" not in hint.ruled_out
    assert all(option in hint.text for option in hint.ruled_out)
    assert session.ruled_out == hint.ruled_out and session.options() == choices
    assert session.hint() is None
    session.answer("1")
    assert session.ruled_out == ()


def test_an_exam_gives_no_hints(lexicon: Lexicon) -> None:
    session = Session([STUDIO], lexicon, mode="exam", names=NAMES)
    assert not session.hints_allowed
    assert session.hint() is None


def test_why_adds_what_the_facts_say_of_a_hand_written_questions_answer(lexicon: Lexicon) -> None:
    session = Session([STUDIO], lexicon)
    session.answer("GDH 559")
    why = session.why()
    assert why.startswith("With Showbox.")
    assert "GDH 559: Thai studio that co-produced The Medium." in why


def test_a_long_paste_is_cut_before_grading(lexicon: Lexicon) -> None:
    session = Session([STUDIO], lexicon)
    answered = session.answer("GDH 559 " + "x" * 10_000)
    assert len(answered.text) == MAX_ANSWER_CHARS


@pytest.mark.parametrize(
    ("level", "score", "hints", "streak", "points"),
    [
        ("correct", 1.0, 0, 1, 10),
        ("close", 0.9, 0, 1, 9),
        ("partial", 0.5, 0, 0, 5),
        ("incorrect", 0.0, 0, 0, 0),
        ("correct", 1.0, 2, 1, 5),
        ("correct", 1.0, 0, 3, 12),  # the streak bonus from the third in a row
        ("close", 0.9, 1, 4, 9),  # 9 * 0.75 rounds to 7, plus 2
    ],
)
def test_points_per_verdict_hint_and_streak(
    level: str, score: float, hints: int, streak: int, points: int
) -> None:
    verdict = Verdict(level, score, "x", "")  # type: ignore[arg-type]
    assert Scoring().points(verdict, hints, streak) == points


def test_results_count_right_answers_by_tag_and_list_the_missed(lexicon: Lexicon) -> None:
    clock = iter(range(100)).__next__
    session = Session([STUDIO, DIRECTOR, YEAR], lexicon, clock=lambda: float(clock()))
    session.answer("GDH 559")
    session.answer("Bong Joon-ho")
    session.skip()
    results = session.results()
    assert (results.right, len(results.answered), results.score) == (1, 3, 10)
    assert [a.question.id for a in results.missed] == ["director", "year"]
    assert {t.tag: (t.right, t.total) for t in results.by_tag} == {
        "studios": (1, 1),
        "people": (0, 1),
        "dates": (0, 1),
    }
    assert all(isinstance(a, Answered) and a.seconds > 0 for a in results.answered)
    assert session.finished and session.current is None


def test_importing_the_session_leaves_the_grader_for_the_first_answer() -> None:
    code = "import sys, kopick_quiz.session; print('kopick_quiz.grading' in sys.modules, 'pydantic' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "False"]


CHOICE = q(
    "pick",
    "Which Korean studio produced The Medium?",
    ("Showbox",),
    type="choice",
    choices=("Shaw Brothers", "Showbox", "GDH 559", "CJ ENM", "Dexter Studios"),
)


def test_options_are_shuffled_per_attempt_and_fixed_by_the_seed(lexicon: Lexicon) -> None:
    def shown(seed: int | None, attempt: int = 0) -> tuple[str, ...]:
        session = Session([CHOICE], lexicon, option_seed=seed)
        session.attempts = {"pick": attempt}
        return session.options()

    assert shown(None) == CHOICE.choices  # no seed: as written
    assert shown(7) == shown(7) and sorted(shown(7)) == sorted(CHOICE.choices)
    orders = {shown(7, attempt) for attempt in range(6)}
    assert len(orders) > 1  # a review does not show the options where the first try had them


def test_a_number_picks_the_option_shown_under_it(lexicon: Lexicon) -> None:
    session = Session([CHOICE], lexicon, option_seed=7)
    position = session.options().index("Showbox") + 1
    answered = session.answer(str(position))
    assert answered.accepted and f"(option {position})" in answered.verdict.expected  # type: ignore[union-attr]


def test_a_resumed_quiz_counts_on_from_the_earlier_sitting(lexicon: Lexicon) -> None:
    session = Session([STUDIO, DIRECTOR], lexicon)
    session.done_before = 3
    assert (session.number, session.count) == (4, 5)
    session.answer("GDH 559")
    assert (session.number, session.count) == (5, 5)


def test_asking_for_a_hint_that_is_not_there_says_why(lexicon: Lexicon) -> None:
    truth = q("tf", "The Medium won Best of Bucheon.", ("true",), type="truefalse", choices=("true", "false"))
    session = Session([truth, YEAR], lexicon)
    assert session.hint() is None and "give it away" in session.no_hint()
    session.answer("y")
    session.hint(), session.hint()
    assert session.hint() is None and session.no_hint() == "No more hints for this one."
    exam = Session([YEAR], lexicon, mode="exam")
    assert exam.hint() is None and exam.no_hint() == "No hints in an exam."
