"""The grader's answer: a verdict, a score and feedback that teaches."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

Level = Literal["correct", "close", "partial", "incorrect"]

# A close answer (a typo, another romanisation, a number within tolerance) is accepted but not
# perfect: it scores 0.9 so progress shows that the spelling or the exact figure is still to learn.
CLOSE_SCORE = 0.9


@dataclass(frozen=True)
class Verdict:
    """How one typed answer was judged.

    `score` is 1.0 for correct, 0.9 for close, the fraction earned for partial and 0.0 for
    incorrect. `expected` is the canonical answer as a student should read it; `feedback` is
    one or two plain sentences: the right form and the fact behind it.
    """

    verdict: Level
    score: float
    expected: str
    feedback: str

    @property
    def accepted(self) -> bool:
        """Correct or close: the student gets the point."""
        return self.verdict in ("correct", "close")

    def to_json(self) -> dict[str, Any]:
        return {
            "verdict": self.verdict,
            "score": round(self.score, 3),
            "expected": self.expected,
            "feedback": self.feedback,
        }


def sentences(*parts: str | None) -> str:
    """Join sentences, each ending in a full stop, skipping empty ones."""
    out = []
    for part in parts:
        if not part:
            continue
        part = part.strip()
        if part and part[-1] not in ".!?":
            part += "."
        if part:
            out.append(part)
    return " ".join(out)


def correct(expected: str, lead: str, teach: str = "") -> Verdict:
    return Verdict("correct", 1.0, expected, sentences(lead, teach))


def close(expected: str, lead: str, teach: str = "", score: float = CLOSE_SCORE) -> Verdict:
    return Verdict("close", score, expected, sentences(lead, teach))


def partial(expected: str, score: float, lead: str, teach: str = "") -> Verdict:
    return Verdict("partial", score, expected, sentences(lead, teach))


def incorrect(expected: str, lead: str, teach: str = "") -> Verdict:
    return Verdict("incorrect", 0.0, expected, sentences(lead, teach))
