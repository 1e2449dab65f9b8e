"""grade_lines: the `grade` command's core, JSON lines in, verdicts or errors out."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kopick_quiz.grading import grade_lines
from kopick_quiz.questions import Question

QUESTIONS = {
    "the-medium.studio.thailand": Question(
        id="the-medium.studio.thailand",
        pack="t",
        type="short",
        prompt="Which Thai studio co-produced The Medium (2021)?",
        answers=("GDH 559",),
    ),
    "the-medium.audience": Question(
        id="the-medium.audience", pack="t", type="number", prompt="How many tickets?", answers=("834338",)
    ),
}


def _grade(lexicon, *lines: str) -> list[dict]:
    return list(grade_lines(lines, QUESTIONS, lexicon))


def test_each_answer_line_gets_a_verdict_object_in_the_documented_shape(lexicon):
    [result] = _grade(lexicon, json.dumps({"id": "the-medium.studio.thailand", "answer": "gdh 559"}))
    assert list(result) == ["id", "answer", "verdict", "score", "expected", "feedback"]
    assert result["verdict"] == "correct"
    assert result["score"] == 1.0
    assert result["expected"] == "GDH 559"
    assert result["answer"] == "gdh 559"


def test_a_number_given_as_a_json_number_is_graded_as_its_text(lexicon):
    [result] = _grade(lexicon, '{"id": "the-medium.audience", "answer": 834338}')
    assert result["verdict"] == "correct"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("not json", "not valid JSON"),
        ('["id", "answer"]', "not a JSON object"),
        ('{"answer": "GDH 559"}', "missing id"),
        ('{"id": "the-medium.studio.thailand"}', "missing answer"),
        ("{}", "missing id and answer"),
        ('{"id": 3, "answer": "x"}', "'id' must be text"),
        ('{"id": "the-medium.audience", "answer": null}', "'answer' must be text"),
        ('{"id": "the-medium.audience", "answer": true}', "'answer' must be text"),
        ('{"id": "the-medium.studio.thailnd", "answer": "x"}', "did you mean 'the-medium.studio.thailand'?"),
    ],
)
def test_a_line_that_cannot_be_graded_yields_an_error_with_its_line_number(lexicon, line, message):
    results = _grade(lexicon, json.dumps({"id": "the-medium.audience", "answer": "1"}), line)
    assert results[1]["line"] == 2
    assert message in results[1]["error"]
    assert set(results[1]) == {"line", "error"}


def test_blank_lines_are_skipped_and_line_numbers_still_count_them(lexicon):
    results = _grade(lexicon, "", "  ", "oops")
    shape = 'each line must be a JSON object such as {"id": "the-medium.studio", "answer": "GDH 559"}'
    assert results == [{"line": 3, "error": f"not valid JSON; {shape}"}]


def test_grading_goes_on_after_a_bad_line(lexicon):
    good = json.dumps({"id": "the-medium.studio.thailand", "answer": "Showbox"})
    results = _grade(lexicon, "oops", good)
    assert "error" in results[0]
    assert results[1]["verdict"] == "incorrect"


def test_a_huge_line_is_an_error_not_a_stall(lexicon):
    huge = json.dumps({"id": "the-medium.studio.thailand", "answer": "x" * 200_000})
    [result] = _grade(lexicon, huge)
    assert "longer than" in result["error"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(max_size=80), max_size=5))
def test_grade_lines_never_raises_on_any_line(lexicon, lines):
    results = list(grade_lines(lines, QUESTIONS, lexicon))
    # one result for each line that is not blank, in order: an error naming the line, or a verdict
    numbers = [n for n, line in enumerate(lines, start=1) if line.strip()]
    assert len(results) == len(numbers)
    for n, result in zip(numbers, results, strict=True):
        if "error" in result:
            assert set(result) == {"line", "error"} and result["line"] == n and result["error"]
        else:
            assert result["verdict"] in ("correct", "close", "partial", "incorrect")


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(sorted(QUESTIONS)), st.text(max_size=100))
def test_any_answer_text_to_a_known_id_gets_a_verdict(lexicon, qid, answer):
    [result] = grade_lines([json.dumps({"id": qid, "answer": answer})], QUESTIONS, lexicon)
    assert result["verdict"] in ("correct", "close", "partial", "incorrect")
