"""A quiz in progress: choose questions, ask, hint, grade, score. No I/O and no UI.

The TUI and the line-mode chat both drive a `Session`; the store records each `Answered`.
"""

from __future__ import annotations

import random
import time
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal

from .questions import Question

if TYPE_CHECKING:
    # The grader is imported when the first answer is graded, not with this module: the app
    # picks and shows its first question before the grader (and its dependencies) have loaded.
    from .grading import Lexicon, Verdict

Mode = Literal["quick", "pack", "review", "exam"]

MAX_ANSWER_CHARS = 500  # longer pastes are cut (the shell says so) before grading


@dataclass(frozen=True)
class Scoring:
    """Points per question; documented in the help screen."""

    full: int = 10
    close: int = 9
    hint_cost: float = 0.25  # each hint takes this share of the points
    streak_from: int = 3  # a streak of this many right answers or more earns the bonus
    streak_bonus: int = 2

    def points(self, verdict: Verdict, hints: int, streak: int) -> int:
        if verdict.verdict == "correct":
            base = float(self.full)
        elif verdict.verdict == "close":
            base = float(self.close)
        elif verdict.verdict == "partial":
            base = self.full * verdict.score
        else:
            return 0
        base *= max(0.0, 1.0 - self.hint_cost * hints)
        bonus = self.streak_bonus if verdict.accepted and streak >= self.streak_from else 0
        return round(base) + bonus


@dataclass(frozen=True)
class Hint:
    level: int  # 1: the kind of answer, 2: initials and length, 3: options to choose from
    text: str
    options: tuple[str, ...] = ()


@dataclass(frozen=True)
class Answered:
    """One question done: what was typed, the verdict, and what it earned."""

    question: Question
    text: str
    verdict: Verdict | None  # None when skipped
    hints: int
    seconds: float
    points: int
    streak: int

    @property
    def skipped(self) -> bool:
        return self.verdict is None

    @property
    def accepted(self) -> bool:
        return self.verdict is not None and self.verdict.accepted

    @property
    def expected(self) -> str:
        """The right answer as a student should read it (the grader's words when graded)."""
        return self.verdict.expected if self.verdict is not None else expected_answer(self.question)


@dataclass(frozen=True)
class TagScore:
    tag: str
    right: int
    total: int

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 0.0


@dataclass(frozen=True)
class Results:
    score: int
    max_score: int
    answered: tuple[Answered, ...]
    by_tag: tuple[TagScore, ...]
    best_streak: int
    seconds: float

    @property
    def right(self) -> int:
        return sum(a.accepted for a in self.answered)

    @property
    def accuracy(self) -> float:
        return self.right / len(self.answered) if self.answered else 0.0

    @property
    def missed(self) -> tuple[Answered, ...]:
        return tuple(a for a in self.answered if not a.accepted)


def select(
    questions: Sequence[Question], count: int | None = None, seed: int | None = None, *, shuffle: bool = True
) -> list[Question]:
    """`count` questions (all when None), in an order fixed by `seed` (random when None)."""
    chosen = list(questions)
    if shuffle:
        random.Random(seed).shuffle(chosen)
    return chosen[:count] if count else chosen


def expected_answer(question: Question) -> str:
    """The right answer of a question as a student should read it: all of them for multi and order."""
    if question.type == "truefalse":
        return "true" if question.answers[0].lower() in ("true", "yes") else "false"
    if question.type == "order":
        return " > ".join(question.answers)
    if question.type == "multi":
        return ", ".join(question.answers)
    return question.answers[0]


def choices_of(question: Question) -> tuple[str, ...]:
    """The options a student picks from by number, for choice, true/false and order questions."""
    if question.type == "truefalse":
        return ("True", "False")
    return question.choices


class Session:
    """Ask `questions` in order; grade each typed answer; keep the score."""

    def __init__(
        self,
        questions: Sequence[Question],
        lexicon: Lexicon,
        *,
        title: str = "Quiz",
        mode: Mode = "quick",
        scoring: Scoring | None = None,
        explain: Callable[[Question], str] | None = None,
        names: Mapping[str, Sequence[str]] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if not questions:
            raise ValueError("a quiz needs at least one question")
        self.questions = list(questions)
        self.lexicon = lexicon
        self.title = title
        self.mode: Mode = mode
        self.scoring = scoring or Scoring()
        self._explain = explain
        self._names = names or {}
        self._clock = clock
        self.index = 0
        self.score = 0
        self.streak = 0
        self.best_streak = 0
        self.hints_used = 0
        self.hint_options: tuple[str, ...] = ()
        self.answered: list[Answered] = []
        self._started = clock()
        self._asked_at = clock()

    # -- where we are ----------------------------------------------------------------------------
    @property
    def total(self) -> int:
        return len(self.questions)

    @property
    def finished(self) -> bool:
        return self.index >= len(self.questions)

    @property
    def current(self) -> Question | None:
        return None if self.finished else self.questions[self.index]

    @property
    def hints_allowed(self) -> bool:
        return self.mode != "exam"

    @property
    def max_score(self) -> int:
        return self.scoring.full * len(self.answered)

    def options(self) -> tuple[str, ...]:
        """What the student may answer by number now: the question's options or a hint's."""
        q = self.current
        if q is None:
            return ()
        return choices_of(q) or self.hint_options

    # -- asking ----------------------------------------------------------------------------------
    def hint(self) -> Hint | None:
        """The next hint for the current question, or None when none is left (or in an exam)."""
        q = self.current
        if q is None or not self.hints_allowed:
            return None
        level = self.hints_used + 1
        if q.kind is None:  # a hand-written question: the facts tell what kind of thing its answer is
            q = replace(q, kind=self._answer_kind(q))
        hint = make_hint(q, level, self._names)
        if hint is None:
            return None
        self.hints_used = level
        if hint.options:
            self.hint_options = hint.options
        return hint

    def answer(self, text: str) -> Answered:
        """Grade `text` as the answer to the current question and move on."""
        q = self.current
        if q is None:
            raise RuntimeError("the quiz is over")
        typed = text[:MAX_ANSWER_CHARS]
        graded = self._by_number(q, typed)
        from .grading import grade

        verdict = grade(q, graded, self.lexicon)
        self.streak = self.streak + 1 if verdict.accepted else 0
        self.best_streak = max(self.best_streak, self.streak)
        points = self.scoring.points(verdict, self.hints_used, self.streak)
        return self._done(Answered(q, typed, verdict, self.hints_used, self._elapsed(), points, self.streak))

    def skip(self) -> Answered:
        """Give up on the current question (no points; the streak ends)."""
        q = self.current
        if q is None:
            raise RuntimeError("the quiz is over")
        self.streak = 0
        return self._done(Answered(q, "", None, self.hints_used, self._elapsed(), 0, 0))

    def why(self, question: Question | None = None) -> str:
        """A fuller explanation of a question (default: the last one answered, else the current)."""
        q = question or (self.answered[-1].question if self.answered else self.current)
        if q is None:
            return ""
        text = (self._explain(q) if self._explain is not None else "") or q.explanation
        if q.subject is None:  # a hand-written question: add what the facts say of its answer
            for entity in self._answer_entities(q):
                about = self.lexicon.about.get(entity, "")
                if about and about not in text:
                    text = f"{text} {self.lexicon.label(entity)}: {about}".strip()
        return text or "There is no more to say about this one."

    def results(self) -> Results:
        tags: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for a in self.answered:
            for tag in a.question.tags:
                tags[tag][0] += a.accepted
                tags[tag][1] += 1
        by_tag = tuple(
            sorted(
                (TagScore(t, r, n) for t, (r, n) in tags.items()), key=lambda s: (s.accuracy, -s.total, s.tag)
            )
        )
        return Results(
            score=self.score,
            max_score=self.max_score,
            answered=tuple(self.answered),
            by_tag=by_tag,
            best_streak=self.best_streak,
            seconds=self._clock() - self._started,
        )

    # -- inside ----------------------------------------------------------------------------------
    def _answer_entities(self, q: Question) -> list[str]:
        """The fact-base entities the question's answers name (none for numbers and true/false)."""
        if q.type in ("number", "year", "truefalse"):
            return []
        found: list[str] = []
        for answer in q.answers:
            found.extend(e for e in self.lexicon.entities(answer) if e not in found)
        return found

    def _answer_kind(self, q: Question) -> str | None:
        kinds = {self.lexicon.kind_of.get(e) for e in self._answer_entities(q)} - {None}
        return kinds.pop() if len(kinds) == 1 else None

    def _by_number(self, q: Question, text: str) -> str:
        """'2' picks the second offered option; grading sees the option's text."""
        options = self.hint_options if not choices_of(q) else ()
        stripped = text.strip()
        if options and stripped.isdigit() and 1 <= int(stripped) <= len(options):
            return options[int(stripped) - 1]
        return text

    def _elapsed(self) -> float:
        return round(self._clock() - self._asked_at, 2)

    def _done(self, answered: Answered) -> Answered:
        self.answered.append(answered)
        self.score += answered.points
        self.index += 1
        self.hints_used = 0
        self.hint_options = ()
        self._asked_at = self._clock()
        return answered


KIND_WORDS = {
    "person": "a person's name",
    "organisation": "the name of a company or institution",
    "film": "a film's title",
    "festival": "the name of a festival",
    "country": "a country",
    "place": "a place",
    "event": "a historical event",
    "term": "a term",
}


def make_hint(q: Question, level: int, names: Mapping[str, Sequence[str]]) -> Hint | None:
    """Hints grow in strength: 1 what kind of answer, 2 its initials and length, 3 options.

    `names` maps an entity kind to the names of that kind, the pool for level 3's options.
    """
    from .grading.normalise import normalise

    answer = q.answers[0]
    if q.type in ("number", "year"):
        value = float(answer)
        if level == 1:
            return Hint(1, "A year." if q.type == "year" else "A number" + _unit(q) + ".")
        if level == 2:
            if q.type == "year":
                return Hint(2, f"The {int(value) // 10 * 10}s.")
            digits = len(str(int(value)))
            return Hint(2, f"It has {digits} digits and starts with {str(int(value))[0]}.")
        return None
    if q.type in ("choice", "truefalse"):
        if level == 1 and q.type == "choice" and len(q.choices) > 2:
            wrong = [c for c in q.choices if normalise(c) != normalise(answer)]
            keep = {normalise(answer), normalise(random.Random(q.id).choice(wrong))}
            out = [c for c in q.choices if normalise(c) not in keep]
            return Hint(1, "It is not " + " nor ".join(out) + ".")
        return None
    if q.type == "order":
        if level == 1:
            return Hint(1, f"The earliest is {q.answers[0]}.")
        if level == 2 and len(q.answers) > 2:
            return Hint(2, f"The latest is {q.answers[-1]}.")
        return None
    if q.type == "multi":
        if level == 1:
            return Hint(1, f"{len(q.answers)} answers, each {KIND_WORDS.get(q.kind or '', 'a name')}.")
        if level == 2:
            return Hint(2, "Initials: " + "; ".join(_initials(a) for a in q.answers) + ".")
        return None
    if level == 1:
        return Hint(1, f"The answer is {KIND_WORDS.get(q.kind or '', 'a name or a few words')}.")
    if level == 2:
        return Hint(2, f"{_initials(answer)} ({_length(answer)}).")
    if level == 3:
        pool = [
            n for n in names.get(q.kind or "", ()) if normalise(n) not in {normalise(a) for a in q.answers}
        ]
        if len(pool) < 2:
            return None
        rng = random.Random(q.id)
        options = [answer, *rng.sample(pool, min(3, len(pool)))]
        rng.shuffle(options)
        listed = "  ".join(f"{i}. {o}" for i, o in enumerate(options, 1))
        return Hint(3, f"One of these: {listed}", tuple(options))
    return None


def _unit(q: Question) -> str:
    from .grading.normalise import normalise

    text = normalise(q.prompt)
    for word in ("admissions", "tickets", "won", "dollars"):
        if word in text:
            return f" of {word}"
    return ""


def _initials(text: str) -> str:
    return " ".join(w[0] + "_" * (len(w) - 1) if w[0].isalnum() else w for w in text.split())


def _length(text: str) -> str:
    words = text.split()
    return f"{len(words)} word{'s' * (len(words) != 1)}, {sum(len(w) for w in words)} letters"


__all__ = [
    "Answered",
    "Hint",
    "Mode",
    "Results",
    "Scoring",
    "Session",
    "TagScore",
    "choices_of",
    "expected_answer",
    "make_hint",
    "select",
]
