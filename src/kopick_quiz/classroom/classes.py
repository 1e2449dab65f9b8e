"""Making, joining and scoring classes, on top of the store."""

from __future__ import annotations

import random
import secrets
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..questions import Question
    from ..store import AnswerRow, ClassRow, Seat, Store

# Join codes and rejoin keys are read off a projector and typed by hand: no 0/O, 1/I/L, 2/Z,
# 5/S or 8/B to mix up. 25 symbols, 6 of them: 244 million codes.
CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
CODE_LENGTH = 6
MODES = ("self", "exam", "live")
EXAM_SECONDS_PER_QUESTION = 60
LIVE_SECONDS_PER_QUESTION = 20  # a live game's countdown
MAX_NAME_CHARS = 32
MAX_TITLE_CHARS = 80
_DRAWS = 50  # codes drawn before giving up (a store with millions of classes)


class ClassError(Exception):
    """A class cannot be made, found or joined: one plain sentence for the user."""


class NameTaken(ClassError):
    """The name is already seated in the class, and no (or the wrong) rejoin key was given."""


@dataclass(frozen=True)
class BoardRow:
    """One line of a class's leaderboard."""

    rank: int
    player: str
    points: int
    right: int
    answered: int
    questions: int
    finished: bool
    seconds: float

    def to_json(self) -> dict[str, object]:
        return {
            "rank": self.rank,
            "player": self.player,
            "points": self.points,
            "right": self.right,
            "answered": self.answered,
            "questions": self.questions,
            "finished": self.finished,
            "seconds": round(self.seconds, 1),
        }


@dataclass(frozen=True)
class QuestionStat:
    """How a class did on one question."""

    question_id: str
    answered: int
    right: int
    skipped: int
    wrong_answers: tuple[tuple[str, int], ...]  # the most common wrong answers, with how many gave each

    @property
    def accuracy(self) -> float | None:
        return self.right / self.answered if self.answered else None


# -- codes and names --------------------------------------------------------------------------------


def new_code(rng: random.Random | None = None) -> str:
    """A fresh join code (also the shape of a rejoin key)."""
    if rng is not None:
        return "".join(rng.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(text: str) -> str:
    """A code as typed ('kxp 4tm', 'kxp-4tm') in the form it is stored."""
    return "".join(ch for ch in text.upper() if ch.isalnum())


def clean_name(text: str, *, limit: int = MAX_NAME_CHARS, what: str = "a name") -> str:
    """A name fit to show to a class: no control or formatting characters, spaces collapsed.

    Raises ClassError when nothing is left or it is too long. Markup is kept as typed: the
    shells show names literally.
    """
    text = unicodedata.normalize("NFC", text)
    kept = "".join(" " if ch.isspace() else ch for ch in text if ch.isspace() or _shown(ch))
    name = " ".join(kept.split())
    if not any(ch.isalnum() for ch in name):
        raise ClassError(f"{what} needs at least one letter or digit")
    if len(name) > limit:
        raise ClassError(f"{what} may be at most {limit} characters (this one has {len(name)})")
    return name


def _shown(ch: str) -> bool:
    # Cc control, Cf format (bidi overrides, zero-width joiners), Cs/Co/Cn surrogates, private, unassigned
    return not unicodedata.category(ch).startswith("C")


def name_key(name: str) -> str:
    """Names that a teacher would read as the same ('Mina', 'MINA', 'ｍｉｎａ') share one key."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


# -- classes ----------------------------------------------------------------------------------------


def create_class(
    store: Store,
    title: str,
    pack: str,
    questions: Sequence[Question],
    *,
    count: int | None = None,
    seed: int | None = None,
    mode: str = "self",
    rng: random.Random | None = None,
) -> ClassRow:
    """Store a new class of `count` questions (all when None) drawn from `questions` by `seed`."""
    from ..session import select

    if mode not in MODES:
        raise ClassError(f"a class's mode is one of {', '.join(MODES)}, not '{mode}'")
    title = clean_name(title, limit=MAX_TITLE_CHARS, what="a class's title")
    if not questions:
        raise ClassError(f"the pack '{pack}' has no questions")
    if seed is None:  # the list is stored anyway; the seed is kept so a teacher can make it again
        seed = (rng or random.SystemRandom()).randrange(1, 1_000_000)
    chosen = select(questions, count, seed)
    seconds = {"exam": EXAM_SECONDS_PER_QUESTION * len(chosen), "live": LIVE_SECONDS_PER_QUESTION}.get(mode)
    ids = [q.id for q in chosen]
    for _ in range(_DRAWS):
        made = store.create_class(new_code(rng), title, pack, mode, ids, seed, seconds)
        if made is not None:
            return made
    raise ClassError("no free join code could be found; close some old classes and try again")


def find_open_class(store: Store, code: str) -> ClassRow:
    """The class a student may join with `code`; ClassError when there is none or it is closed."""
    wanted = normalise_code(code)
    if not wanted:
        raise ClassError("type the class code your teacher gave you")
    klass = store.find_class(wanted) if len(wanted) == CODE_LENGTH else None
    if klass is None:
        raise ClassError(
            f"there is no class with the code {wanted[:12]}; check the code your teacher gave you"
        )
    if not klass.is_open:
        raise ClassError(f"the class {klass.code} ({klass.title}) is closed: it takes no more answers")
    return klass


def join(
    store: Store, code: str, name: str, *, key: str | None = None, trusted: bool = False
) -> tuple[ClassRow, Seat]:
    """Seat `name` in the class `code`: a new seat, or their own again (a second join resumes).

    `trusted` (a terminal on this machine) resumes a seat by name alone; a served session must
    give the seat's rejoin `key`, else NameTaken.
    """
    from ..store import SeatTaken

    klass = find_open_class(store, code)
    player = clean_name(name)
    try:
        seat = store.take_seat(
            klass, player, name_key(player), new_code(), proof=key or None, trusted=trusted
        )
    except SeatTaken:
        if key:
            raise NameTaken(
                f"that rejoin key is not the one '{player}' was given; check it, or choose another name"
            ) from None
        raise NameTaken(
            f"'{player}' has already joined this class; if that is you, give the rejoin key you were shown, "
            "otherwise choose another name"
        ) from None
    return klass, seat


def class_questions(klass: ClassRow, index: Mapping[str, Question]) -> list[Question]:
    """The class's questions, in its order, from the packs loaded now."""
    missing = [qid for qid in klass.question_ids if qid not in index]
    if missing:
        raise ClassError(
            f"{len(missing)} of the class's questions are no longer in the pack '{klass.pack}' "
            f"(e.g. {missing[0]}); ask your teacher to make the class again"
        )
    return [index[qid] for qid in klass.question_ids]


def time_left(klass: ClassRow, seat: Seat, now: datetime) -> float | None:
    """Seconds a student has left in an exam (None: no limit); the clock runs from their join."""
    if klass.mode != "exam" or klass.seconds is None:
        return None
    return max(0.0, klass.seconds - (now - seat.joined_at).total_seconds())


# -- the teacher's view -----------------------------------------------------------------------------


def board(store: Store, klass: ClassRow) -> list[BoardRow]:
    """The leaderboard: most points first, then most right, then the quickest; ties share a rank."""
    standings = sorted(
        store.standings(klass.class_id), key=lambda s: (-s.points, -s.right, s.seconds, s.player.casefold())
    )
    rows: list[BoardRow] = []
    for i, s in enumerate(standings):
        tied = rows and rows[-1].points == s.points and rows[-1].right == s.right
        rank = rows[-1].rank if tied else i + 1
        rows.append(
            BoardRow(
                rank, s.player, s.points, s.right, s.answered, len(klass.question_ids), s.finished, s.seconds
            )
        )
    return rows


def question_stats(klass: ClassRow, rows: Iterable[AnswerRow], *, wrong_shown: int = 3) -> list[QuestionStat]:
    """Each question of the class with how many got it right, hardest first (unanswered last)."""
    from ..text import normalise

    tally: dict[str, list[int]] = {qid: [0, 0, 0] for qid in klass.question_ids}
    wrong: dict[str, Counter[str]] = {qid: Counter() for qid in klass.question_ids}
    shown: dict[tuple[str, str], str] = {}
    for row in rows:
        if row.question_id not in tally:
            continue
        counts = tally[row.question_id]
        counts[0] += 1
        if row.accepted:
            counts[1] += 1
        elif row.verdict == "skipped":
            counts[2] += 1
        elif row.typed.strip():
            key = normalise(row.typed) or row.typed.strip()
            wrong[row.question_id][key] += 1
            shown.setdefault((row.question_id, key), " ".join(row.typed.split()))
    stats = [
        QuestionStat(
            qid,
            n,
            right,
            skipped,
            tuple((shown[(qid, k)], c) for k, c in wrong[qid].most_common(wrong_shown)),
        )
        for qid, (n, right, skipped) in tally.items()
    ]
    order = {qid: i for i, qid in enumerate(klass.question_ids)}
    return sorted(
        stats, key=lambda s: (s.accuracy is None, s.accuracy or 0.0, -s.answered, order[s.question_id])
    )


def sentence(reason: str) -> str:
    """A reason the store or the classroom gives (`the class ABC234 is closed`) as a sentence."""
    return reason[0].upper() + reason[1:] + "."


def dispute_answer(store: Store, answer_id: int | None, reason: str) -> str:
    """Record a student's "I was right" on their answer `answer_id` (None: none yet), for the
    teacher to decide; what to tell the student."""
    from ..store import Refused

    if answer_id is None:
        return "There is no verdict to dispute yet."
    try:
        store.dispute(answer_id, reason or "(no reason given)")
    except Refused as exc:
        return sentence(str(exc))
    return "Noted: your teacher will look at that answer again. The score stays as it is until they decide."
