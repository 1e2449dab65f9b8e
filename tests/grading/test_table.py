"""The labelled table (data/cases.txt): every typed answer gets the verdict it is labelled with."""

from __future__ import annotations

import pytest

from kopick_quiz.grading import grade

from .table import load_cases

CASES = load_cases()


def test_table_is_large_and_covers_every_type():
    assert len(CASES) >= 300
    assert {c.question.type for c in CASES} == {
        "short",
        "multi",
        "number",
        "year",
        "choice",
        "truefalse",
        "order",
    }
    assert {c.verdict for c in CASES} == {"correct", "close", "partial", "incorrect"}


@pytest.mark.parametrize("case", CASES, ids=[c.label for c in CASES])
def test_typed_answer_gets_its_labelled_verdict(case, lexicon):
    verdict = grade(case.question, case.typed, lexicon)
    assert verdict.verdict == case.verdict, verdict.feedback
