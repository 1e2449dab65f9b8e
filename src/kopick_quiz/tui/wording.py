"""What the bot says, as Content: the core's questions, verdicts and hints put into words.

Every piece of pack or student text goes through `literal`, so none of it is read as markup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content

from .literal import clean

if TYPE_CHECKING:
    from ..questions import Question
    from ..session import Answered, Hint, Results, Session

VERDICT_TITLES = {
    "correct": "Correct",
    "close": "Close enough",
    "partial": "Partly right",
    "incorrect": "Not quite",
}
LINES = "\n"


def verdict_kind(answered: Answered) -> str:
    """The CSS class of a feedback bubble: the verdict, or `skipped`."""
    return answered.verdict.verdict if answered.verdict is not None else "skipped"


def question_body(question: Question, index: int, total: int, options: tuple[str, ...]) -> Content:
    """The question bubble: which one, the prompt and, for choices, how to answer."""
    parts: list[str | tuple[str, str]] = [(f"Question {index + 1} of {total}", "bold"), LINES]
    parts.append(clean(question.prompt))
    if question.type == "truefalse":
        parts += [LINES, ("True or false? Press y or n, or type it.", "italic")]
    elif question.type == "order":
        listed = "  ".join(f"{i}. {clean(o, one_line=True)}" for i, o in enumerate(options, 1))
        parts += [LINES, listed, LINES, ("Type the numbers in the right order, e.g. 2 1 3.", "italic")]
    elif options:
        last = min(len(options), 9)
        parts += [LINES, (f"Press 1–{last} or type the answer.", "italic")]
    elif question.type == "multi":
        parts += [LINES, (f"{len(question.answers)} answers wanted, in any order.", "italic")]
    return Content.assemble(*parts)


def answer_body(text: str, cut_from: int | None = None) -> Content:
    """The student's bubble: exactly what they typed (cleaned), and a note when it was cut."""
    shown = clean(text, one_line=True) or " "
    if cut_from is None:
        return Content(shown)
    return Content.assemble(
        shown, LINES, (f"(cut from {cut_from:,} characters: only the first part is read)", "italic")
    )


def feedback_body(answered: Answered, session: Session) -> Content:
    """The bot's reply to an answer: the verdict, the points, what to learn from it."""
    verdict = answered.verdict
    parts: list[str | tuple[str, str]] = []
    if verdict is None:
        parts += [("Skipped.", "bold"), " The answer: ", (clean(answered.expected), "bold")]
    else:
        parts.append((VERDICT_TITLES[verdict.verdict], "bold"))
        if answered.points:
            parts.append(f"  +{answered.points}")
        if answered.hints:
            parts.append(f" (after {answered.hints} hint{'s' * (answered.hints != 1)})")
        bonus = session.scoring.streak_bonus
        if verdict.accepted and answered.streak >= session.scoring.streak_from:
            parts.append(f" · streak {answered.streak}: +{bonus} bonus")
        if verdict.feedback:
            parts += [LINES, clean(verdict.feedback)]
        if not verdict.accepted and verdict.expected and verdict.expected not in verdict.feedback:
            parts += [LINES, "The answer: ", (clean(verdict.expected), "bold")]
    explanation = answered.question.explanation
    if explanation and (verdict is None or explanation not in verdict.feedback):
        parts += [LINES, (clean(explanation), "italic")]
    return Content.assemble(*parts)


def hint_body(hint: Hint, session: Session) -> Content:
    cost = round(session.scoring.hint_cost * 100)
    return Content.assemble(
        (f"Hint {hint.level}", "bold"),
        f"  (−{cost}% of this question's points)",
        LINES,
        clean(hint.text),
    )


def score_body(session: Session) -> Content:
    right = sum(a.accepted for a in session.answered)
    done = len(session.answered)
    return Content.assemble(
        ("Score ", "bold"),
        (str(session.score), "bold"),
        f" · {right} of {done} right · streak {session.streak} · best {session.best_streak}",
        f" · {session.total - done} to go",
    )


def results_summary(results: Results) -> Content:
    minutes, seconds = divmod(round(results.seconds), 60)
    return Content.assemble(
        (f"{results.score}", "bold"),
        f" points · {results.right} of {len(results.answered)} right",
        (f" ({results.accuracy:.0%})", "bold"),
        f" · best streak {results.best_streak} · {minutes}:{seconds:02d}",
    )
