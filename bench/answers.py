"""A synthetic set of typed answers for a fact base's questions, for checking that verdicts hold.

    from answers import synthetic_answers, verdict_rows
    pairs = synthetic_answers(base, questions, 20_000, seed=0)   # [(question, typed), ...]
    rows = verdict_rows(pairs, lexicon)                         # one JSON-able row per answer

The answers are what students type, in the shares a class gives: the answer as written, a
romanisation or other name of it, typos of every sort (a letter dropped, doubled, replaced,
two swapped), another entity of the same kind (exactly or misspelt), a sentence around an
answer, a hedge between two, and noise. Each one is chosen from the seed alone, so the same
base, questions and seed give the same answers: a change to the grader that should not change
a verdict can be checked against the verdicts saved before it.
"""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Sequence
from typing import Any

LETTERS = "abcdefghijklmnopqrstuvwxyz"
SENTENCES = ("I think it was {}", "{} I guess", "It's {}", "probably {}", "the answer is {}")


def _typo(rng: random.Random, text: str) -> str:
    """One slip of the keyboard somewhere in `text` (text of two letters or fewer: as it is)."""
    if len(text) < 3:
        return text
    i = rng.randrange(1, len(text) - 1)
    how = rng.randrange(4)
    if how == 0:
        return text[:i] + text[i + 1 :]
    if how == 1:
        return text[:i] + rng.choice(LETTERS) + text[i:]
    if how == 2:
        return text[:i] + rng.choice(LETTERS) + text[i + 1 :]
    return text[: i - 1] + text[i] + text[i - 1] + text[i + 1 :]


def synthetic_answers(base: Any, questions: Sequence[Any], n: int, seed: int = 0) -> list[tuple[Any, str]]:
    """`n` (question, typed answer) pairs, chosen from `seed` alone."""
    rng = random.Random(seed)
    by_kind: dict[str, list[str]] = {}
    for name in base.names:
        by_kind.setdefault(name.kind, []).append(name.text)
    everything = [name.text for name in base.names]
    aliases: dict[str, list[str]] = {}
    for name in base.names:
        aliases.setdefault(name.entity_id, []).append(name.text)
    label_to_entity = {base.label(e): e for e in base.by_id}
    out: list[tuple[Any, str]] = []
    for _ in range(n):
        q = rng.choice(questions)
        answer = q.answers[0] if q.answers else ""
        entity = label_to_entity.get(answer)
        kind = base.kind_of.get(entity) if entity else None
        same_kind = by_kind.get(kind or "", everything)
        roll = rng.random()
        if roll < 0.10:
            typed = answer
        elif roll < 0.18 and entity:
            typed = rng.choice(aliases[entity])
        elif roll < 0.45:
            typed = _typo(rng, answer)
        elif roll < 0.52:
            typed = _typo(rng, _typo(rng, answer))
        elif roll < 0.62:
            typed = rng.choice(same_kind)
        elif roll < 0.75:
            typed = _typo(rng, rng.choice(same_kind))
        elif roll < 0.83:
            typed = rng.choice(SENTENCES).format(_typo(rng, answer) if rng.random() < 0.5 else answer)
        elif roll < 0.87:
            typed = f"{answer} or {rng.choice(same_kind)}"
        elif roll < 0.92:
            typed = answer.lower().replace("-", " ") if rng.random() < 0.5 else answer.upper()
        elif roll < 0.96:
            typed = rng.choice(everything)
        else:
            typed = "".join(rng.choice(LETTERS + "  ") for _ in range(rng.randrange(1, 25)))
        out.append((q, typed))
    return out


def verdict_rows(pairs: Sequence[tuple[Any, str]], lexicon: Any) -> list[dict[str, Any]]:
    """Each answer's verdict as a row: the question id, what was typed, verdict, score, feedback."""
    from kopick_quiz.grading import grade

    rows = []
    for q, typed in pairs:
        v = grade(q, typed, lexicon)
        rows.append(
            {
                "id": q.id,
                "typed": typed,
                "verdict": v.verdict,
                "score": round(v.score, 6),
                "expected": v.expected,
                "feedback": v.feedback,
            }
        )
    return rows


def digest(rows: Sequence[dict[str, Any]]) -> str:
    """One hash of every row, to compare two runs' verdicts at a glance."""
    h = hashlib.sha256()
    for row in rows:
        h.update(json.dumps(row, sort_keys=True, ensure_ascii=False).encode() + b"\n")
    return h.hexdigest()[:16]
