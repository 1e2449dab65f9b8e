"""The labelled set of students' questions: the share answered right must stay at 95% or more."""

from __future__ import annotations

import pytest

from kopick_quiz.chat import Conversation, Reply
from kopick_quiz.facts.base import FactBase

from . import student_questions as sq
from .conftest import SUMMARY

GOAL = 0.95


def is_right(reply: Reply, expected: list[str]) -> bool:
    """Whether a reply says what a right answer must: its kind, then every expected piece."""
    kind = "unknown" if sq.UNKNOWN in expected else "clarify" if sq.CLARIFY in expected else "answer"
    if reply.kind != kind:
        return False
    text = reply.text.casefold()
    return all(piece.casefold() in text for piece in expected if piece not in (sq.UNKNOWN, sq.CLARIFY))


def grade_all(base: FactBase) -> list[tuple[str, list[str], Reply, bool]]:
    """Every question of the set asked in its conversation: (question, expected, reply, right)."""
    out = []

    def ask(conversation: Conversation, steps: list[sq.Step]) -> None:
        for question, expected in steps:
            reply = conversation.ask(question)
            out.append((question, expected, reply, is_right(reply, expected)))

    for step in sq.SINGLE:
        ask(Conversation(base), [step])
    for dialogue in sq.DIALOGUES:
        ask(Conversation(base), dialogue)
    for subject, tags, steps in sq.ON_SCREEN:
        conversation = Conversation(base)
        conversation.focus(subject, tags)
        ask(conversation, steps)
    return out


def test_the_set_is_large_and_covers_every_record_kind(base: FactBase):
    assert sq.count() >= 300
    text = " ".join(q for q, _ in sq.SINGLE).casefold()
    for kind in ("films", "people", "organisations", "festivals", "events", "terms", "places", "countries"):
        names = [base.label(item.id) for item in getattr(base.facts, kind)]
        assert any(n.casefold() in text for n in names), f"no question about any of the {kind}"


def test_students_questions_are_answered_right(base: FactBase, record_property: pytest.RecordProperty):
    graded = grade_all(base)
    right = sum(ok for *_, ok in graded)
    share = right / len(graded)
    record_property("share_right", f"{share:.3f}")
    SUMMARY.append(f"chat: students' questions answered right: {right}/{len(graded)} = {share:.1%}")
    wrong = "\n".join(
        f"  {q!r}: wanted {e}, got {r.kind}: {r.text[:160]!r}" for q, e, r, ok in graded if not ok
    )
    assert share >= GOAL, f"{share:.1%} answered right (goal {GOAL:.0%}); wrong:\n{wrong}"


def test_a_wrong_reply_is_counted_wrong():
    reply = Reply("The Medium (2021) was directed by Na Hong-jin.", (), "the-medium", "answer")
    assert not is_right(reply, ["Banjong Pisanthanakun"])
    assert not is_right(reply, [sq.UNKNOWN])
    assert is_right(reply, ["na hong-jin"])
