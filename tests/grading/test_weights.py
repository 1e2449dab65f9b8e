"""Weighted answers: a share of the points and feedback of their own (grading/weights.py)."""

from __future__ import annotations

import pytest

from kopick_quiz.grading import Lexicon, grade
from kopick_quiz.questions import Question, Tolerance, Weighted
from kopick_quiz.session import Scoring, Session

SHANG_STUDIO = Question(
    id="w.studio",
    pack="t",
    type="short",
    prompt="Which studio co-produced The Last Woman of Shang (1964)?",
    answers=("Shaw Brothers",),
    explanation="Shaw Brothers made it with Shin Films.",
    weighted=(
        Weighted("Shaw Brothers", 100, "Yes: the Shaws."),
        Weighted("Shaw Bros Studio", 75, "Nearly: the studio's full name is Shaw Brothers."),
        Weighted("Shin Films", 25, "Shin Films was the Korean partner; the question asks for the other one."),
        Weighted("Showbox", 0, "Showbox came decades later."),
    ),
    otherwise="Think of Hong Kong's biggest studio of the 1960s.",
)

ADMISSIONS = Question(
    id="w.admissions",
    pack="t",
    type="number",
    prompt="About how many admissions did it draw?",
    answers=("150000",),
    tolerance=Tolerance(absolute=10000),
    weighted=(
        Weighted("200000", 100, "Also right, by another count.", Tolerance()),
        Weighted("150000", 50, "In the right range.", Tolerance(absolute=50000)),
    ),
)

CHOICE = Question(
    id="w.choice",
    pack="t",
    type="choice",
    prompt="Who wrote the Ko-pick article?",
    answers=("Jason Bechervaise",),
    choices=("Jason Bechervaise", "KOFIC", "Sangjoon Lee"),
    weighted=(Weighted("KOFIC", 50, "KOFIC published it; he wrote it."),),
)

YEAR = Question(
    id="w.year",
    pack="t",
    type="year",
    prompt="In what year was The Medium released?",
    answers=("2021",),
    weighted=(Weighted("2021", 50, "One year off.", Tolerance(absolute=1)),),
)


@pytest.mark.parametrize(
    "question, typed, verdict, score, says",
    [
        (
            SHANG_STUDIO,
            "Shaw Brothers",
            "correct",
            1.0,
            "Correct: Shaw Brothers. Yes: the Shaws. Shaw Brothers made",
        ),
        (
            SHANG_STUDIO,
            "shaw bros studio",
            "partial",
            0.75,
            "Nearly: the studio's full name is Shaw Brothers. That earns 75%",
        ),
        (SHANG_STUDIO, "Shin Films", "partial", 0.25, "Shin Films was the Korean partner"),
        (
            SHANG_STUDIO,
            "Shinn Films",
            "partial",
            0.225,
            "That earns 25% of the points; the full answer is Shaw Brothers",
        ),
        (
            SHANG_STUDIO,
            "Showbox",
            "incorrect",
            0.0,
            "Showbox came decades later. The answer is Shaw Brothers",
        ),
        (
            SHANG_STUDIO,
            "Golden Harvest",
            "incorrect",
            0.0,
            "Think of Hong Kong's biggest studio of the 1960s.",
        ),
        (ADMISSIONS, "150,000", "correct", 1.0, "Correct: 150,000"),
        (ADMISSIONS, "155000", "close", 0.9, "close enough"),
        (ADMISSIONS, "200k", "correct", 1.0, "Correct: 200000. Also right, by another count."),
        (ADMISSIONS, "120000", "partial", 0.45, "In the right range. That earns 50% of the points"),
        (ADMISSIONS, "1000000", "incorrect", 0.0, "The figure is 150,000"),
        (CHOICE, "2", "partial", 0.5, "KOFIC published it; he wrote it. That earns 50%"),
        (CHOICE, "KOFIC", "partial", 0.5, "That earns 50%"),
        (CHOICE, "3", "incorrect", 0.0, "You chose Sangjoon Lee"),
        (CHOICE, "1", "correct", 1.0, "Correct"),
        (YEAR, "2021", "correct", 1.0, "Correct: 2021"),
        (YEAR, "2022", "partial", 0.45, "One year off."),
        (YEAR, "2025", "incorrect", 0.0, "It was 2021"),
    ],
)
def test_a_weighted_answer_earns_its_share(
    lexicon: Lexicon, question: Question, typed: str, verdict: str, score: float, says: str
):
    got = grade(question, typed, lexicon)
    assert (got.verdict, got.score) == (verdict, pytest.approx(score))
    assert says in got.feedback


def test_a_listed_spelling_earns_its_weight_though_a_typo_would_be_close(lexicon: Lexicon):
    q = Question(
        "w.naz", "t", "short", "Where?", ("Nazareth",), weighted=(Weighted("Nazereth", 75, "Misspelt."),)
    )
    assert grade(q, "Nazaret", lexicon).verdict == "close"  # not listed: the usual typo allowance
    listed = grade(q, "Nazereth", lexicon)
    assert (listed.verdict, listed.score) == ("partial", 0.75)


def test_feedback_for_any_other_answer_is_not_given_for_an_anticipated_one_or_no_answer(lexicon: Lexicon):
    q = Question(
        "w.any",
        "t",
        "short",
        "Who?",
        ("Kim Ki-young",),
        feedback=(("Yu Hyun-mok", "He made Obaltan."),),
        otherwise="Think of The Housemaid.",
    )
    assert "Think of" not in grade(q, "Yu Hyun-mok", lexicon).feedback
    assert "Think of" not in grade(q, "", lexicon).feedback
    assert grade(q, "Bong Joon Ho", lexicon).feedback.startswith("Think of The Housemaid.")


def test_the_session_scores_a_weighted_answer_by_its_share(lexicon: Lexicon):
    session = Session([SHANG_STUDIO, CHOICE], lexicon, scoring=Scoring())
    first = session.answer("Shaw Bros Studio")
    second = session.answer("KOFIC")
    assert (first.verdict.verdict, first.points) == ("partial", 8)  # 75% of 10, rounded
    assert (second.verdict.verdict, second.points) == ("partial", 5)
    assert session.score == 13 and session.streak == 0
