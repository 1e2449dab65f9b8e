"""The `kopick-quiz grade` command's core: JSON lines of answers in, JSON lines of verdicts out."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from ..diagnostics import did_you_mean
from ..questions import Question
from .grader import grade
from .lexicon import Lexicon

MAX_LINE_CHARS = 100_000
_SHAPE = 'each line must be a JSON object such as {"id": "the-medium.studio", "answer": "GDH 559"}'


def grade_lines(
    lines: Iterable[str], questions: Mapping[str, Question], lexicon: Lexicon
) -> Iterator[dict[str, Any]]:
    """Grade one `{"id", "answer"}` JSON object a line.

    Yields `{"id", "answer", "verdict", "score", "expected", "feedback"}` for each answer, or
    `{"line": n, "error": "..."}` for a line that cannot be graded (not JSON, no id or answer,
    an unknown id). Blank lines are skipped. Never raises on input.
    """
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        record, error = _read(line, questions)
        if error is not None:
            yield {"line": n, "error": error}
            continue
        assert record is not None
        question, answer = record
        verdict = grade(question, answer, lexicon)
        yield {
            "id": question.id,
            "answer": answer,
            "verdict": verdict.verdict,
            "score": round(verdict.score, 3),
            "expected": verdict.expected,
            "feedback": verdict.feedback,
        }


def _read(line: str, questions: Mapping[str, Question]) -> tuple[tuple[Question, str] | None, str | None]:
    if len(line) > MAX_LINE_CHARS:
        return None, f"the line is longer than {MAX_LINE_CHARS:,} characters; {_SHAPE}"
    try:
        data = json.loads(line)
    except (ValueError, RecursionError):
        return None, f"not valid JSON; {_SHAPE}"
    if not isinstance(data, dict):
        return None, f"not a JSON object; {_SHAPE}"
    qid = data.get("id")
    if "id" not in data or "answer" not in data:
        missing = " and ".join(k for k in ("id", "answer") if k not in data)
        return None, f"missing {missing}; {_SHAPE}"
    if not isinstance(qid, str):
        return None, "'id' must be text, such as \"the-medium.studio\""
    answer = data["answer"]
    if isinstance(answer, (int, float)) and not isinstance(answer, bool):
        answer = json.dumps(answer)
    if not isinstance(answer, str):
        return None, "'answer' must be text (or a number), such as \"GDH 559\""
    question = questions.get(qid)
    if question is None:
        if len(qid) > 120:
            return None, f"unknown question id '{qid[:60]}...'"
        return None, f"unknown question id '{qid}'{did_you_mean(qid, list(questions))}"
    return (question, answer), None
