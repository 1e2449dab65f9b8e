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
    level: int  # 1: a fact the question does not give, then initials and length, then options
    text: str
    options: tuple[str, ...] = ()  # options to pick from, offered by a short question's last hint
    ruled_out: tuple[str, ...] = ()  # a choice question's options the 50/50 takes away


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


def shuffled_options(question: Question, seed: int | str | None, attempt: int = 0) -> Question:
    """A choice question with its options in the order of this attempt (as written when `seed` is None).

    The order is fixed by the quiz's seed, the question and how many times it was answered
    before, so it differs between the first try and a review, and the same quiz shows it the same way.
    """
    if question.type != "choice" or seed is None:
        return question
    choices = list(question.choices)
    random.Random(f"{seed}|{question.id}|{attempt}").shuffle(choices)
    return replace(question, choices=tuple(choices))


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
        option_seed: int | str | None = None,
    ) -> None:
        """`option_seed` shuffles each choice question's options (None: the order they were written in)."""
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
        self.ruled_out: tuple[str, ...] = ()  # options a hint took away (greyed out, still numbered)
        self.option_seed = option_seed
        # How many times each question was answered before: a new attempt gets its options in a new order.
        self.attempts: Mapping[str, int] = {}
        self.done_before = 0  # questions of this quiz answered in an earlier sitting (a resumed quiz)
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
    def number(self) -> int:
        """The current question's number in the whole quiz, counting those of an earlier sitting (1-based)."""
        return self.done_before + min(self.index, self.total - 1) + 1

    @property
    def count(self) -> int:
        """How many questions the whole quiz has, those of an earlier sitting included."""
        return self.done_before + self.total

    def shown(self, question: Question) -> Question:
        """The question as the student sees it: a choice question's options shuffled for this attempt."""
        return shuffled_options(question, self.option_seed, self.attempts.get(question.id, 0))

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
        return choices_of(self.shown(q)) or self.hint_options

    # -- asking ----------------------------------------------------------------------------------
    def no_hint(self) -> str:
        """Why `hint` gave none, in a sentence."""
        if not self.hints_allowed:
            return "No hints in an exam."
        q = self.current
        if self.hints_used == 0 and q is not None and q.type == "truefalse":
            return "A true-or-false question has no hint: any hint would give it away."
        if self.hints_used == 0:
            return "This one has no hint."
        return "No more hints for this one."

    def hint(self) -> Hint | None:
        """The next hint for the current question, or None when none is left (or in an exam)."""
        q = self.current
        if q is None or not self.hints_allowed:
            return None
        level = self.hints_used + 1
        if q.kind is None:  # a hand-written question: the facts tell what kind of thing its answer is
            q = replace(q, kind=self._answer_kind(q))
        if q.hint is None and q.subject is None:  # ... and what they say of it can be the first hint
            q = replace(q, hint=self._about_answer(q))
        hint = make_hint(q, level, self._names)
        if hint is None:
            return None
        self.hints_used = level
        if hint.options:
            self.hint_options = hint.options
        if hint.ruled_out:
            self.ruled_out = hint.ruled_out
        return hint

    def answer(self, text: str) -> Answered:
        """Grade `text` as the answer to the current question and move on."""
        q = self.current
        if q is None:
            raise RuntimeError("the quiz is over")
        typed = text[:MAX_ANSWER_CHARS]
        graded = self._by_number(q, typed)
        from .grading import grade

        verdict = grade(self.shown(q), graded, self.lexicon)
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

    def _about_answer(self, q: Question) -> str | None:
        """What the facts say of a short question's answer, if it tells more than the prompt and not the answer."""
        entities = self._answer_entities(q) if q.type in ("short", "multi") else []
        if len(entities) != 1:
            return None
        from .generate.hints import adds_to
        from .text import normalise

        about = self.lexicon.about.get(entities[0], "")
        names = [normalise(n) for n in (*q.answers, self.lexicon.label(entities[0]))]
        if not about or any(n and n in normalise(about) for n in names) or not adds_to(q.prompt, about):
            return None
        return f"What the facts say of it: {about}"

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
        self.ruled_out = ()
        self._asked_at = self._clock()
        return answered


def make_hint(q: Question, level: int, names: Mapping[str, Sequence[str]]) -> Hint | None:
    """The hint of this `level` (1, 2, 3 ...), each telling more, or None when none is left.

    Every hint adds to what the question says: a fact about the answer (the question's own
    `hint`, which generated questions take from the facts), then its initials and length, then
    options to pick from; for a number its size, then its first digit; for a year its decade,
    then which half of it; for a choice the 50/50, which rules out two wrong options. `names`
    maps an entity kind to the names of that kind, the pool for the options.
    """
    from .text import normalise

    answer = q.answers[0]
    if q.type in ("number", "year"):
        value = int(float(answer))
        if q.type == "year":
            decade = value // 10 * 10
            half = (decade, decade + 4) if value % 10 < 5 else (decade + 5, decade + 9)
            steps = [f"The {decade}s.", f"Between {half[0]} and {half[1]}."]
        else:
            digits = len(str(abs(value)))
            low = 10 ** (digits - 1) if digits > 1 else 0
            steps = [
                f"Between {low:,} and {10**digits - 1:,}{_unit(q).replace(' of ', ' ')}.",
                f"It starts with {str(abs(value))[0]}.",
            ]
        return Hint(level, steps[level - 1]) if level <= len(steps) else None
    if q.type in ("choice", "truefalse"):
        if level == 1 and q.type == "choice" and len(q.choices) > 2:
            wrong = [c for c in q.choices if normalise(c) != normalise(answer)]
            keep = {normalise(answer), normalise(random.Random(q.id).choice(wrong))}
            out = tuple(c for c in q.choices if normalise(c) not in keep)
            said = f"neither {out[0]} nor {out[1]}" if len(out) == 2 else "not " + ", ".join(out)
            return Hint(1, f"50/50: it is {said}.", ruled_out=out)
        return None
    if q.type == "order":
        ends = [f"The earliest is {q.answers[0]}.", f"The latest is {q.answers[-1]}."]
        if normalise(q.answers[0]) in normalise(q.prompt):  # it reads as if the prompt had said so
            ends.reverse()
        steps = ends if len(q.answers) > 2 else ends[:1]
        return Hint(level, steps[level - 1]) if level <= len(steps) else None
    steps: list[Callable[[], Hint | None]] = []
    if q.hint:
        steps.append(lambda: Hint(level, q.hint or ""))
    if q.type == "multi":
        steps.append(lambda: Hint(level, "Initials: " + "; ".join(_initials(a) for a in q.answers) + "."))
    else:
        steps.append(lambda: Hint(level, f"{_initials(answer)} ({_length(answer)})."))
        steps.append(lambda: _options(q, level, names))
    return steps[level - 1]() if level <= len(steps) else None


def _options(q: Question, level: int, names: Mapping[str, Sequence[str]]) -> Hint | None:
    """The right answer among three others of its kind, to pick from."""
    from .text import normalise

    taken = {normalise(a) for a in q.answers}
    pool = [n for n in names.get(q.kind or "", ()) if normalise(n) not in taken]
    if len(pool) < 2:
        return None
    rng = random.Random(q.id)
    options = [q.answers[0], *rng.sample(pool, min(3, len(pool)))]
    rng.shuffle(options)
    listed = "  ".join(f"{i}. {o}" for i, o in enumerate(options, 1))
    return Hint(level, f"One of these: {listed}", tuple(options))


def _unit(q: Question) -> str:
    from .text import normalise

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
    "shuffled_options",
]
