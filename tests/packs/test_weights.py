"""Weighted answers in the pack format: what `validate` accepts, refuses, and what a question holds."""

from __future__ import annotations

import pytest

from kopick_quiz.questions import Tolerance, Weighted

from .conftest import load_text, pack_of

HEAD = "id: w\ntitle: Weights\nquestions:\n"


def _errors(body: str) -> list[str]:
    _, problems = load_text(HEAD + body, "w.yaml")
    return [str(p) for p in problems if p.severity == "error"]


def test_a_weighted_short_question_loads_with_its_shares_and_feedback():
    pack = pack_of(
        HEAD
        + """\
  - id: naz
    prompt: Where did Jesus grow up?
    answer:
      - text: Nazareth
        feedback: "Right: Galilee."
      - text: Nazereth
        weight: 75%
        feedback: Misspelt.
      - {text: Bethlehem, weight: 25}
      - {text: Jerusalem, weight: 0, feedback: That is where he died.}
    feedback:
      "*": Think of Galilee.
"""
    )
    (q,) = pack.questions
    assert q.answers == ("Nazareth",)
    assert q.weighted == (
        Weighted("Nazareth", 100.0, "Right: Galilee."),
        Weighted("Nazereth", 75.0, "Misspelt."),
        Weighted("Bethlehem", 25.0),
    )
    # a wrong answer with feedback is what `feedback` holds
    assert q.feedback == (("Jerusalem", "That is where he died."),)
    assert q.otherwise == "Think of Galilee."


def test_a_number_question_takes_weighted_numbers_with_their_own_tolerance():
    pack = pack_of(
        HEAD
        + """\
  - id: shang
    type: number
    prompt: About how many admissions?
    answer:
      - 150,000
      - {text: 150000, weight: 50, tolerance: 20%}
      - {text: 1800, tolerance: 30}
    tolerance: 10000
"""
    )
    (q,) = pack.questions
    assert q.answers == ("150000",) and q.tolerance == Tolerance(absolute=10000)
    assert q.weighted == (
        Weighted("1800", 100.0, "", Tolerance(absolute=30)),
        Weighted("150000", 50.0, "", Tolerance(relative=0.2)),
    )


BAD = [
    # what the author wrote, where the error is, what it says
    (
        "  - id: q\n    prompt: Who?\n    answer:\n      - text: Kim\n        weight: 150\n",
        "w.yaml:8:17: error: 'weight' must be at most 100, not 150",
    ),
    (
        "  - id: q\n    prompt: Who?\n    answer:\n      - {text: Kim, weight: -5}\n",
        "w.yaml:7:29: error: 'weight' must be at least 0, not -5",
    ),
    (
        "  - id: q\n    prompt: Who?\n    answer:\n      - {text: Kim, weight: half}\n",
        "w.yaml:7:29: error: 'weight' must be a number, not 'half'",
    ),
    (
        "  - id: q\n    prompt: Who?\n    answer:\n      - {text: Kim, weight: 50}\n      - {text: Lee, weight: 20}\n",
        "w.yaml:7:7: error: 'answer': no answer is worth the full points; give at least one answer "
        "without a weight (or with weight: 100)",
    ),
    (
        "  - id: q\n    type: multi\n    prompt: Who?\n    answer:\n      - Kim\n      - {text: Lee, weight: 50}\n",
        "w.yaml:9:9: error: 'answer': only short, number, year and choice answers take a weight or their "
        "own feedback; write the answer as plain text",
    ),
    (
        "  - id: q\n    prompt: Who?\n    answer:\n      - Kim\n      - {text: Lee, tolerance: 5}\n",
        "w.yaml:8:32: error: 'tolerance': only number and year answers take a tolerance",
    ),
    (
        "  - id: q\n    type: number\n    prompt: How many?\n    answer:\n      - 10\n      - {text: lots, weight: 50}\n",
        "w.yaml:9:16: error: 'text': 'lots' is not a number",
    ),
    (
        "  - id: q\n    prompt: Who?\n    answer:\n      - {txt: Kim}\n",
        "w.yaml:7:10: error: unknown field 'txt'; did you mean 'text'?",
    ),
    (
        "  - id: q\n    type: choice\n    prompt: Which?\n    answer:\n      - A1\n      - {text: C3, weight: 50}\n"
        "    choices: [A1, B2]\n",
        "w.yaml:9:16: error: the weighted answer 'C3' is not one of the choices",
    ),
]


@pytest.mark.parametrize("body, expected", BAD, ids=[e.split("error: ")[1][:40] for _, e in BAD])
def test_a_wrong_weight_is_reported_where_it_is_written(body: str, expected: str):
    assert expected in _errors(body)


def test_a_weight_of_100_with_feedback_is_a_full_answer():
    pack = pack_of(
        HEAD + "  - id: q\n    prompt: Who?\n    answer:\n      - {text: Kim, weight: 100, feedback: Yes.}\n"
    )
    (q,) = pack.questions
    assert q.answers == ("Kim",) and q.weighted == (Weighted("Kim", 100.0, "Yes."),)
