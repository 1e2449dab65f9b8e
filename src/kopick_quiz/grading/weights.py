"""Answers with a weight of their own: a share of the points and their own feedback (Moodle's
`=%50%Kitten#...`).

The question's own grader judges the answer first. Each weighted answer is then judged as the
answer of a question of its own (the same type, prompt and rivals, that one answer), so typos,
romanisations and number tolerances work the same way for it. Rules, written down:

- a weighted answer typed as the author wrote it earns its weight, whatever the question's
  grader made of it (an alias of the answer in the facts, a typo of it): it was listed on purpose;
- a full answer (correct) stands; a full answer that has its own feedback adds it;
- a weighted answer given exactly (correct) earns its weight, even where the full answer's
  typo allowance would have accepted it as close;
- otherwise the best score wins: a close full answer scores 0.9, a weighted answer its weight
  times what its own grader gave (1 exactly, 0.9 for a typo or a number off but within the
  answer's tolerance, as for a full answer);
- a weighted answer earns `partial`; one of weight 0 stays incorrect, with its feedback;
- the feedback for any other wrong answer (`*`) is given when no named answer matched.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from ..questions import Question, Tolerance, Weighted
from ..text import normalise
from . import verdict as v
from .lexicon import Lexicon
from .verdict import Verdict

# grader.compile_question: a question's grader, whose `grade(text)` gives a Verdict and `teach(entity)` the lesson.
Compile = Callable[[Question, Lexicon], Any]


def weigh(
    question: Question, text: str, verdict: Verdict, lexicon: Lexicon, compile_question: Compile
) -> Verdict:
    """`verdict` (the question's grader's) with the question's weighted answers taken into account.

    `compile_question` is grader.py's, passed in by `grade` (grader.py imports this module, not
    the other way round): each weighted answer is judged by a grader of its own.
    """
    grader = compile_question(question, lexicon)
    teach = grader.teach(getattr(grader, "entity", None))  # what the question's verdicts teach
    best: tuple[float, Weighted] | None = None
    typed = normalise(text)
    listed = [w for w in question.weighted if w.weight < 100 and normalise(w.text) == typed]
    if listed and typed not in {normalise(a) for a in (*question.answers, *question.accept)}:
        best = (listed[0].weight / 100, listed[0])  # the author listed this very answer
    elif verdict.verdict != "correct":
        for i, w in enumerate(question.weighted):
            if w.weight >= 100 and w.text in question.answers:
                continue  # a full answer: the question's grader has judged it
            own = compile_question(_alone(question, i, w), lexicon).grade(text)
            if not own.accepted:
                continue
            score = own.score * w.weight / 100
            if verdict.verdict == "close" and own.verdict != "correct" and verdict.score >= score:
                continue
            if best is None or score > best[0]:
                best = (score, w)
    if best is not None:
        score, w = best
        if w.weight <= 0:
            lead = v.sentences(w.feedback, f"The answer is {verdict.expected}")
            return v.incorrect(verdict.expected, lead, teach)
        if w.weight >= 100:  # another right number
            level = "correct" if score >= 1 else "close"
            lead = v.sentences(f"Correct: {w.text}", w.feedback)
            return Verdict(level, score, verdict.expected, v.sentences(lead, teach))
        share = f"That earns {w.weight:g}% of the points; the full answer is {verdict.expected}"
        return v.partial(verdict.expected, score, v.sentences(w.feedback, share), teach)
    if verdict.accepted:
        for i, w in enumerate(question.weighted):
            if w.weight >= 100 and compile_question(_alone(question, i, w), lexicon).grade(text).accepted:
                return _with_feedback(verdict, w.feedback, teach)
        return verdict
    if question.otherwise and text.strip() and not _anticipated(question, verdict, text):
        feedback = v.sentences(question.otherwise, verdict.feedback)
        return Verdict(verdict.verdict, verdict.score, verdict.expected, feedback)
    return verdict


def _alone(question: Question, i: int, w: Weighted) -> Question:
    """The question as if `w` were its only answer (its grader is kept in the lexicon by this id)."""
    # A year within a tolerance is a number question's rule (years are otherwise exact).
    numeric = question.type == "year" and w.tolerance is not None
    return replace(
        question,
        id=f"{question.id}\x1fweighted-{i}",
        type="number" if numeric else question.type,
        answers=(w.text,),
        accept=(),
        tolerance=w.tolerance or (question.tolerance if w.weight >= 100 else Tolerance()),
        weighted=(),
        otherwise="",
    )


def _with_feedback(verdict: Verdict, feedback: str, teach: str) -> Verdict:
    """The verdict with an answer's own feedback after its first sentence, before the explanation."""
    if not feedback:
        return verdict
    told = verdict.feedback
    tail = v.sentences(teach) if teach else ""
    if tail and told.endswith(tail):
        lead = told[: len(told) - len(tail)].strip()
        return replace(verdict, feedback=v.sentences(lead, feedback, teach))
    return replace(verdict, feedback=v.sentences(told, feedback))


def _anticipated(question: Question, verdict: Verdict, text: str) -> bool:
    """Whether the wrong answer already got feedback the author wrote for it."""
    typed = normalise(text)
    return any(normalise(wrong) == typed or said in verdict.feedback for wrong, said in question.feedback)
