"""What the store hands out and takes in, the same for every backend: rows, errors, values."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import fsrs

MAX_PLAYER_CHARS = 80
EXAM_GRACE_S = 5.0  # an exam answer this late is still taken (the network, a slow machine)

VERDICTS = ("correct", "close", "partial", "incorrect", "skipped")
ACCEPTED = ("correct", "close")  # what grading counts as right

Clock = Callable[[], datetime]

ALL_PACKS = "*"  # the pack a quiz over every pack is recorded under, whichever shell ran it


class StoreError(Exception):
    """The history cannot be used: one plain sentence for the user (what is wrong, what to do)."""


class Refused(StoreError):
    """An answer the store will not take (a closed class, an exam's time up, given twice)."""


class SeatTaken(StoreError):
    """A class seat already held by someone else (another session of that name)."""


@dataclass(frozen=True)
class Unfinished:
    """The latest interrupted quiz of a player, to offer for resuming."""

    quiz_id: int
    pack: str
    mode: str
    question_ids: tuple[str, ...]
    answered_ids: tuple[str, ...]
    score: int  # points earned so far
    streak: int  # the streak the last answer left
    seed: int | None
    started_at: datetime

    @property
    def remaining_ids(self) -> tuple[str, ...]:
        """The questions still to ask, in order."""
        done = list(self.answered_ids)
        out = []
        for qid in self.question_ids:
            if qid in done:
                done.remove(qid)
            else:
                out.append(qid)
        return tuple(out)


@dataclass(frozen=True)
class AnswerRow:
    """One recorded answer, with the quiz and player it belongs to."""

    answer_id: int
    player: str
    quiz_id: int
    pack: str  # the quiz's pack
    mode: str
    question_id: str
    question_pack: str
    tags: tuple[str, ...]
    answered_at: datetime
    typed: str
    verdict: str  # correct, close, partial, incorrect or skipped
    score: float
    points: int
    hints: int
    seconds: float
    rating: int

    @property
    def accepted(self) -> bool:
        return self.verdict in ACCEPTED


@dataclass(frozen=True)
class QuizRow:
    """One quiz and how it went."""

    quiz_id: int
    player: str
    pack: str
    mode: str
    status: str  # open, finished or abandoned
    started_at: datetime
    ended_at: datetime | None
    asked: int  # questions in the quiz
    answered: int
    right: int
    points: int


@dataclass(frozen=True)
class CardRow:
    """A player's review card for one question."""

    question_id: str
    card: fsrs.Card
    due: datetime
    introduced_at: datetime
    reviews: int
    lapses: int


@dataclass(frozen=True)
class ClassRow:
    """A class as stored: its code, questions, mode and how many have joined."""

    class_id: int
    code: str
    title: str
    pack: str
    mode: str  # self, exam or live
    question_ids: tuple[str, ...]
    seed: int | None
    seconds: int | None  # an exam's time limit for each student; a live game's countdown per question
    created_at: datetime
    closed_at: datetime | None
    players: int

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


@dataclass(frozen=True)
class Seat:
    """A student's place in a class: their quiz of it, and how far they are."""

    class_id: int
    player: str
    quiz_id: int
    token: str
    joined_at: datetime
    new: bool  # taken just now (False: an earlier join's seat, resumed)
    answered_ids: tuple[str, ...]
    score: int
    streak: int
    finished: bool


@dataclass(frozen=True)
class Standing:
    """One student's totals in a class, from their recorded answers."""

    player: str
    points: int
    right: int
    answered: int
    seconds: float
    finished: bool
    joined_at: datetime


def utcnow() -> datetime:
    return datetime.now(UTC)


def player_name(player: str) -> str:
    """A player's name as stored (spaces made one), or StoreError when it cannot be one."""
    name = lookup(player)
    if not name:
        raise StoreError("a player needs a name; give one with --player NAME")
    if len(name) > MAX_PLAYER_CHARS:
        raise StoreError(f"a player's name may be at most {MAX_PLAYER_CHARS} characters")
    return name


def lookup(player: str) -> str:
    return text(" ".join(player.split()))


def text(value: str) -> str:
    """Text as stored: a NUL character (which PostgreSQL's text cannot hold) becomes U+FFFD, on
    every backend, so a stray control character in an answer is kept visibly and never refused."""
    return value.replace("\x00", "\ufffd")


def same_secret(given: str, kept: str) -> bool:
    import hmac

    return hmac.compare_digest(given.strip().upper().encode(), kept.upper().encode())


def iso(when: datetime) -> str:
    """Times are stored as UTC ISO text on every backend: they sort as text and copy as they are."""
    return when.astimezone(UTC).isoformat(timespec="microseconds")


def parse_time(text: str) -> datetime:
    return datetime.fromisoformat(text)


def card(text: str) -> fsrs.Card:
    import fsrs

    return fsrs.Card.from_json(text)
