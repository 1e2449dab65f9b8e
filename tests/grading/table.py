"""The labelled table of typed answers (`data/cases.txt`): each row a question, a typed answer, a verdict.

Shared by the tests and by `bench/grading.py`. Row format, `|`-separated:

    verdict | type | expected | typed

`expected` is the canonical answer (`;` between several: multi and order want them all, short
any one of them, as in `Name one of ...`), optionally
followed by `[option; option; ...]` (choice and order: the options as shown), `~5%` or `~1000`
(number tolerance) and `{kind}` (the entity kind the question asks for). In `typed`, `<empty>`,
`<spaces>` and `<long>` stand for those inputs and `\\n` for a line break.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from kopick_quiz.questions import Question, Tolerance

CASES = Path(__file__).parent / "data" / "cases.txt"
SPECIAL = {"<empty>": "", "<spaces>": "  \t  ", "<padded>": " \t Prague \n", "<long>": "Prague " * 800}
_EXPECTED = re.compile(
    r"^(?P<answers>.*?)\s*(?:\[(?P<choices>[^\]]*)\])?\s*(?:~(?P<tol>[\d.]+%?))?\s*(?:\{(?P<kind>\w+)\})?\s*$"
)


@dataclass(frozen=True)
class Case:
    line: int
    verdict: str
    question: Question
    typed: str

    @property
    def label(self) -> str:
        typed = self.typed if len(self.typed) < 40 else self.typed[:20] + f"...({len(self.typed)} chars)"
        return f"{self.verdict}: {typed!r} for {self.question.type} {' ; '.join(self.question.answers)!r}"


def question_for(qtype: str, expected: str) -> Question:
    """The question a row stands for; rows with the same type and expected share one."""
    m = _EXPECTED.match(expected)
    assert m is not None, expected
    answers = (
        tuple(a.strip() for a in m.group("answers").split(";"))
        if qtype in ("multi", "order", "short")
        else (m.group("answers"),)
    )
    choices = tuple(c.strip() for c in m.group("choices").split(";")) if m.group("choices") else ()
    tolerance = Tolerance()
    if m.group("tol"):
        tol = m.group("tol")
        tolerance = (
            Tolerance(relative=float(tol[:-1]) / 100) if tol.endswith("%") else Tolerance(absolute=float(tol))
        )
    return Question(
        id=f"table:{qtype}:{expected}",
        pack="table",
        type=qtype,  # type: ignore[arg-type]
        prompt=f"({qtype}) {expected}",
        answers=answers,
        choices=choices,
        tolerance=tolerance,
        kind=m.group("kind"),
    )


def load_cases(path: Path = CASES) -> list[Case]:
    cases = []
    questions: dict[tuple[str, str], Question] = {}
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        verdict, qtype, expected, typed = (cell.strip() for cell in raw.split("|", 3))
        key = (qtype, expected)
        if key not in questions:
            questions[key] = question_for(qtype, expected)
        typed = SPECIAL.get(typed, typed.replace("\\n", "\n"))
        cases.append(Case(n, verdict, questions[key], typed))
    return cases
