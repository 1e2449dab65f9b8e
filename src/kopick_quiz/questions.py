"""The question a session asks: one type for hand-written, imported and generated questions."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

QType = Literal["short", "multi", "number", "year", "choice", "truefalse", "order"]
QTYPES: tuple[str, ...] = ("short", "multi", "number", "year", "choice", "truefalse", "order")


@dataclass(frozen=True)
class Tolerance:
    """How far a number may be from the answer: `absolute` units or `relative` (0.05 = 5%)."""

    absolute: float = 0.0
    relative: float = 0.0

    def allows(self, expected: float, given: float) -> bool:
        return abs(given - expected) <= max(self.absolute, abs(expected) * self.relative)

    def describe(self) -> str:
        if self.relative:
            return f"within {self.relative * 100:g}%"
        if self.absolute:
            return f"within {self.absolute:,g}"
        return "exactly"


@dataclass(frozen=True)
class Weighted:
    """An answer with its own share of the points (`weight`, in percent) or its own feedback.

    A weight of 100 is a full answer (also in `Question.answers`) that has its own feedback;
    below 100 it earns that share of the points; 0 is a wrong answer the author named.
    `tolerance` (number questions) is how far from `text` still earns the weight.
    """

    text: str
    weight: float = 100.0
    feedback: str = ""
    tolerance: Tolerance | None = None


@dataclass(frozen=True)
class Question:
    """One question. `answers` holds the canonical accepted answers (DESIGN.md, `questions --json`).

    - short: any one of `answers` (and `accept`) is right;
    - multi: all of `answers` are wanted, some earn partial credit;
    - number / year: `answers[0]` is the number, compared within `tolerance` (years exactly);
    - choice: `answers[0]` is the right one of `choices`;
    - truefalse: `answers[0]` is "true" or "false";
    - order: `answers` is the right order of the items, `choices` the order they are shown in.

    `weighted` holds the answers that carry a weight or feedback of their own (short, number,
    year and choice questions); `otherwise` is the feedback for any wrong answer not in `feedback`.
    """

    id: str
    pack: str
    type: QType
    prompt: str
    answers: tuple[str, ...]
    accept: tuple[str, ...] = ()
    choices: tuple[str, ...] = ()
    tolerance: Tolerance = field(default_factory=Tolerance)
    kind: str | None = None
    explanation: str = ""
    hint: str | None = None
    tags: tuple[str, ...] = ()
    difficulty: int = 2
    source: str = ""
    subject: str | None = None
    feedback: tuple[tuple[str, str], ...] = ()
    weighted: tuple[Weighted, ...] = ()
    otherwise: str = ""

    def to_json(self) -> dict[str, Any]:
        """The `questions --json` object of DESIGN.md."""
        return {
            "id": self.id,
            "pack": self.pack,
            "type": self.type,
            "prompt": self.prompt,
            "answers": list(self.answers),
            "choices": list(self.choices),
            "tags": list(self.tags),
            "difficulty": self.difficulty,
            "explanation": self.explanation,
            "source": self.source,
        }

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def to_compact(self) -> dict[str, Any]:
        """A JSON-ready dict without the fields left at their defaults (the library cache's form)."""
        out = asdict(self)
        for name, default in _COMPACT_DEFAULTS.items():
            if out.get(name) == default:
                del out[name]
        return out

    @classmethod
    def from_compact(cls, d: dict[str, Any]) -> Question:
        """The question `to_compact` wrote."""
        tolerance = d.get("tolerance")
        return cls(
            id=d["id"],
            pack=d["pack"],
            type=d["type"],
            prompt=d["prompt"],
            answers=tuple(d["answers"]),
            accept=tuple(d.get("accept", ())),
            choices=tuple(d.get("choices", ())),
            tolerance=Tolerance(**tolerance) if tolerance else Tolerance(),
            kind=d.get("kind"),
            explanation=d.get("explanation", ""),
            hint=d.get("hint"),
            tags=tuple(d.get("tags", ())),
            difficulty=d.get("difficulty", 2),
            source=d.get("source", ""),
            subject=d.get("subject"),
            feedback=tuple(tuple(pair) for pair in d.get("feedback", ())),
            weighted=tuple(
                Weighted(
                    w["text"],
                    w["weight"],
                    w["feedback"],
                    Tolerance(**w["tolerance"]) if w.get("tolerance") else None,
                )
                for w in d.get("weighted", ())
            ),
            otherwise=d.get("otherwise", ""),
        )


_COMPACT_DEFAULTS: dict[str, Any] = {
    "accept": (),
    "choices": (),
    "tolerance": {"absolute": 0.0, "relative": 0.0},
    "kind": None,
    "explanation": "",
    "hint": None,
    "tags": (),
    "difficulty": 2,
    "source": "",
    "subject": None,
    "feedback": (),
    "weighted": (),
    "otherwise": "",
}


def shuffled(items: Iterable[str], key: str) -> tuple[str, ...]:
    """A fixed shuffle of `items` seeded by `key`, never the original order when it can be avoided.

    A choice question's options in the order its id fixes, hand-written (packs) or generated alike.
    """
    import hashlib  # here, not at the top: a shell's first screen imports this module without them
    import random

    items = list(items)
    seed = int.from_bytes(hashlib.sha256(key.encode()).digest()[:8], "big")
    rng = random.Random(seed)
    out = items[:]
    for _ in range(10):
        rng.shuffle(out)
        if out != items:
            break
    return tuple(out)
