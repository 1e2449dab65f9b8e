"""SQLite persistence: players, quizzes, every answer as it is given, and the review cards.

One file, `kopick.db`, in the user's data dir. Every answer is its own committed transaction, so
a crash or a kill loses at most the answer being typed. The file is checked at open: a file that
is not ours, or is damaged, is kept aside (never silently treated as an empty history) and a new
one is started beside it; a file from a newer version is left untouched. See docs/data.md.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    import fsrs

    from .session import Answered

DB_NAME = "kopick.db"
APPLICATION_ID = 0x4B515A31  # "KQZ1": marks a SQLite file as a kopick-quiz history
BUSY_TIMEOUT_S = 10.0  # how long one process waits for another's write to finish
MAX_PLAYER_CHARS = 80
STALE_LEFTOVER_S = 3600  # a half-made history file older than this is debris

Clock = Callable[[], datetime]

# Each migration takes the schema from version i to i + 1; they run in order, never edited once
# released (add a new one instead). `PRAGMA user_version` holds how many have run.
MIGRATIONS: list[tuple[str, ...]] = [
    (
        """CREATE TABLE players (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            created_at TEXT NOT NULL
        )""",
        """CREATE TABLE quizzes (
            id INTEGER PRIMARY KEY,
            player_id INTEGER NOT NULL REFERENCES players(id),
            pack TEXT NOT NULL,
            mode TEXT NOT NULL,
            question_ids TEXT NOT NULL,   -- JSON list, in the order asked
            seed INTEGER,
            status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'finished', 'abandoned')),
            started_at TEXT NOT NULL,
            ended_at TEXT
        )""",
        "CREATE INDEX quizzes_by_player ON quizzes(player_id, status, id)",
        """CREATE TABLE answers (
            id INTEGER PRIMARY KEY,
            quiz_id INTEGER NOT NULL REFERENCES quizzes(id),
            question_id TEXT NOT NULL,
            question_pack TEXT NOT NULL,
            tags TEXT NOT NULL,           -- JSON list, the question's tags when answered
            answered_at TEXT NOT NULL,
            typed TEXT NOT NULL,
            verdict TEXT NOT NULL CHECK (verdict IN ('correct', 'close', 'partial', 'incorrect', 'skipped')),
            score REAL NOT NULL,
            points INTEGER NOT NULL,
            hints INTEGER NOT NULL,
            seconds REAL NOT NULL,
            streak INTEGER NOT NULL,
            rating INTEGER NOT NULL       -- the FSRS rating it gave the card: 1 Again .. 4 Easy
        )""",
        "CREATE INDEX answers_by_quiz ON answers(quiz_id, id)",
        """CREATE TABLE cards (
            player_id INTEGER NOT NULL REFERENCES players(id),
            question_id TEXT NOT NULL,
            card TEXT NOT NULL,           -- fsrs.Card.to_json()
            due TEXT NOT NULL,
            introduced_at TEXT NOT NULL,
            reviews INTEGER NOT NULL,
            lapses INTEGER NOT NULL,
            PRIMARY KEY (player_id, question_id)
        ) WITHOUT ROWID""",
    ),
    (
        # A class: a fixed list of questions that a teacher's students answer under a join code.
        """CREATE TABLE classes (
            id INTEGER PRIMARY KEY,
            code TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL,
            pack TEXT NOT NULL,
            mode TEXT NOT NULL CHECK (mode IN ('self', 'exam', 'live')),
            question_ids TEXT NOT NULL,   -- JSON list, the order every student gets
            seed INTEGER,
            seconds INTEGER,              -- an exam's time limit for each student; NULL: none
            created_at TEXT NOT NULL,
            closed_at TEXT
        )""",
        # A student's place in a class: their one quiz of it, and the key that proves it is theirs.
        """CREATE TABLE seats (
            class_id INTEGER NOT NULL REFERENCES classes(id),
            name_key TEXT NOT NULL,       -- the name folded: 'Mina' and 'mina' are one seat
            player_id INTEGER NOT NULL REFERENCES players(id),
            quiz_id INTEGER NOT NULL UNIQUE REFERENCES quizzes(id),
            token TEXT NOT NULL,
            joined_at TEXT NOT NULL,
            PRIMARY KEY (class_id, name_key)
        )""",
    ),
    (
        # A live class's game, shared by the host and every student's process: which question is
        # open and since when. `step` goes up by one at every change, so a reader sees each once.
        """CREATE TABLE games (
            class_id INTEGER PRIMARY KEY REFERENCES classes(id),
            phase TEXT NOT NULL CHECK (phase IN ('lobby', 'question', 'spread', 'board', 'podium')),
            number INTEGER NOT NULL,      -- the question's place in the class's list (0-based)
            opened_at TEXT,               -- when that question opened
            seconds REAL NOT NULL,        -- the countdown of each question
            step INTEGER NOT NULL,
            updated_at TEXT NOT NULL
        )""",
        # "I was right": a student's dispute of a verdict, for the teacher to accept or reject.
        """CREATE TABLE disputes (
            id INTEGER PRIMARY KEY,
            answer_id INTEGER NOT NULL UNIQUE REFERENCES answers(id),
            reason TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'accepted', 'rejected')),
            created_at TEXT NOT NULL,
            decided_at TEXT,
            was_verdict TEXT,             -- the verdict and points before an accepted dispute
            was_points INTEGER
        )""",
    ),
]
SCHEMA_VERSION = len(MIGRATIONS)
EXAM_GRACE_S = 5.0  # an exam answer this late is still taken (the network, a slow machine)

VERDICTS = ("correct", "close", "partial", "incorrect", "skipped")
ACCEPTED = ("correct", "close")  # what grading counts as right


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
    seconds: int | None  # an exam's time limit for each student
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


class Store:
    """A player history in one SQLite file; open it with `Store.open(data_dir)`."""

    notice: str | None

    def __init__(self, conn: sqlite3.Connection, path: Path, clock: Clock, scheduler: fsrs.Scheduler) -> None:
        self._conn = conn
        self.path = path
        self._clock = clock
        self.scheduler = scheduler
        self.notice = None
        # The TUI may call from worker threads; one connection, one call at a time.
        self._lock = threading.RLock()

    # -- opening ---------------------------------------------------------------------------------
    @classmethod
    def open(
        cls, data_dir: Path | str, *, clock: Clock = utcnow, scheduler: fsrs.Scheduler | None = None
    ) -> Store:
        """Open (creating if need be) the history in `data_dir`; raises StoreError."""
        from .review import default_scheduler

        folder = Path(data_dir)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(
                f"cannot create the data folder {folder}: {_reason(exc)}; "
                "choose another with --data-dir or KOPICK_QUIZ_HOME"
            ) from None
        path = folder / DB_NAME
        notice = None
        _clear_stale_leftovers(path)
        conn = _open_checked(path, clock)
        if isinstance(conn, _SetAside):
            aside, why = conn
            notice = f"{path} {why}; it is kept as {aside.name} and a new, empty history was started"
            conn = _open_checked(path, clock)
            if isinstance(conn, _SetAside):  # pragma: no cover - a file we just made is ours
                raise StoreError(f"{path} {conn.problem}")
        store = cls(conn, path, clock, scheduler or default_scheduler())
        store.notice = notice
        return store

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------------------------
    def start_quiz(
        self, player: str, pack: str, mode: str, question_ids: Sequence[str], seed: int | None
    ) -> int:
        """Record the start of a quiz; returns its id."""
        name = _player_name(player)
        now = self._now()
        with self._write() as db:
            player_id = self._player_id(db, name, now)
            cur = db.execute(
                "INSERT INTO quizzes (player_id, pack, mode, question_ids, seed, started_at) VALUES (?, ?, ?, ?, ?, ?)",
                (player_id, pack, mode, json.dumps(list(question_ids)), seed, _iso(now)),
            )
            return int(cur.lastrowid or 0)

    def record(self, quiz_id: int, answered: Answered) -> int:
        """Commit one answer and update the player's card for it; returns the answer's id."""
        from .review import rating_for, schedule

        now = self._now()
        question = answered.question
        verdict = answered.verdict
        name = "skipped" if verdict is None else verdict.verdict
        score = 0.0 if verdict is None else float(verdict.score)
        rating = rating_for(answered)
        with self._write() as db:
            row = db.execute(
                """SELECT q.player_id, q.status, q.started_at, c.closed_at, c.seconds, s.class_id FROM quizzes q
                   LEFT JOIN seats s ON s.quiz_id = q.id LEFT JOIN classes c ON c.id = s.class_id
                   WHERE q.id = ?""",
                (quiz_id,),
            ).fetchone()
            if row is None:
                raise StoreError(f"there is no quiz {quiz_id} in {self.path}")
            player_id, status, started, closed_at, limit, class_id = row
            if closed_at is not None:
                raise Refused("this class is closed: the teacher has stopped taking answers")
            if status != "open":
                raise StoreError(f"quiz {quiz_id} is {status}; start a new one")
            if limit is not None and (now - _time(started)).total_seconds() > limit + EXAM_GRACE_S:
                raise Refused("time is up for this exam: answers are no longer taken")
            # A class's board and results count each question once a student.
            if class_id is not None and db.execute(
                "SELECT 1 FROM answers WHERE quiz_id = ? AND question_id = ?", (quiz_id, question.id)
            ).fetchone():
                raise Refused("this question has already been answered in this quiz")
            cur = db.execute(
                """INSERT INTO answers (quiz_id, question_id, question_pack, tags, answered_at, typed, verdict,
                                        score, points, hints, seconds, streak, rating)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                (
                    quiz_id,
                    question.id,
                    question.pack,
                    json.dumps(list(question.tags)),
                    _iso(now),
                    answered.text,
                    name,
                    score,
                    int(answered.points),
                    int(answered.hints),
                    float(answered.seconds),
                    int(answered.streak),
                    int(rating),
                ),
            )
            old = db.execute(
                "SELECT card, introduced_at, reviews, lapses FROM cards WHERE player_id = ? AND question_id = ?",
                (player_id, question.id),
            ).fetchone()
            card = _card(old[0]) if old else None
            card = schedule(self.scheduler, card, rating, now, seconds=answered.seconds)
            db.execute(
                """INSERT OR REPLACE INTO cards (player_id, question_id, card, due, introduced_at, reviews, lapses)
                   VALUES (?, ?, ?, ?, ?, ?, ?)""",
                (
                    player_id,
                    question.id,
                    card.to_json(),
                    _iso(card.due),
                    old[1] if old else _iso(now),
                    (old[2] if old else 0) + 1,
                    (old[3] if old else 0) + (rating == 1 and old is not None),
                ),
            )
            return int(cur.lastrowid or 0)

    def finish(self, quiz_id: int) -> None:
        """Mark a quiz as done (it is no longer offered for resuming)."""
        self._end(quiz_id, "finished")

    def abandon(self, quiz_id: int) -> None:
        """Mark an interrupted quiz as given up (its answers stay in the history)."""
        self._end(quiz_id, "abandoned")

    def _end(self, quiz_id: int, status: str) -> None:
        with self._write() as db:
            db.execute(
                "UPDATE quizzes SET status = ?, ended_at = ? WHERE id = ? AND status = 'open'",
                (status, _iso(self._now()), quiz_id),
            )

    # -- reading ---------------------------------------------------------------------------------
    def unfinished(self, player: str) -> Unfinished | None:
        """The player's latest open quiz with some answers given and some still to give."""
        with self._read() as db:
            rows = db.execute(
                """SELECT q.id, q.pack, q.mode, q.question_ids, q.seed, q.started_at FROM quizzes q
                   JOIN players p ON p.id = q.player_id
                   WHERE p.name = ? AND q.status = 'open' AND EXISTS (SELECT 1 FROM answers a WHERE a.quiz_id = q.id)
                     AND NOT EXISTS (SELECT 1 FROM seats s WHERE s.quiz_id = q.id)
                   ORDER BY q.id DESC LIMIT 20""",
                (_lookup(player),),
            ).fetchall()
            for quiz_id, pack, mode, ids_json, seed, started in rows:
                answers = db.execute(
                    "SELECT question_id, points, streak FROM answers WHERE quiz_id = ? ORDER BY id",
                    (quiz_id,),
                ).fetchall()
                found = Unfinished(
                    quiz_id=quiz_id,
                    pack=pack,
                    mode=mode,
                    question_ids=tuple(json.loads(ids_json)),
                    answered_ids=tuple(a[0] for a in answers),
                    score=sum(a[1] for a in answers),
                    streak=answers[-1][2],
                    seed=seed,
                    started_at=_time(started),
                )
                if found.remaining_ids:
                    return found
        return None

    def best_scores(self, player: str) -> dict[str, float]:
        """Pack id -> the best accuracy (0..1) of the player's finished quizzes of it."""
        best: dict[str, float] = {}
        for q in self.quizzes(player):
            if q.status == "finished" and q.answered:
                best[q.pack] = max(best.get(q.pack, 0.0), q.right / q.answered)
        return best

    def players(self) -> list[str]:
        """Every player's name, alphabetically."""
        with self._read() as db:
            return [r[0] for r in db.execute("SELECT name FROM players ORDER BY name COLLATE NOCASE, name")]

    def last_player(self) -> str | None:
        """The player who answered most recently (None with no answers yet)."""
        with self._read() as db:
            row = db.execute(
                """SELECT p.name FROM answers a JOIN quizzes q ON q.id = a.quiz_id
                   JOIN players p ON p.id = q.player_id ORDER BY a.id DESC LIMIT 1"""
            ).fetchone()
        return row[0] if row else None

    def quizzes(self, player: str | None = None) -> list[QuizRow]:
        """Every quiz (of one player, or of all), oldest first, with its tally."""
        where, params = ("WHERE p.name = ?", (_lookup(player),)) if player is not None else ("", ())
        with self._read() as db:
            rows = db.execute(
                f"""SELECT q.id, p.name, q.pack, q.mode, q.status, q.started_at, q.ended_at, q.question_ids,
                           COUNT(a.id), COALESCE(SUM(a.verdict IN ('correct', 'close')), 0),
                           COALESCE(SUM(a.points), 0)
                    FROM quizzes q JOIN players p ON p.id = q.player_id
                    LEFT JOIN answers a ON a.quiz_id = q.id
                    {where} GROUP BY q.id ORDER BY q.id""",
                params,
            ).fetchall()
        return [
            QuizRow(
                quiz_id=r[0],
                player=r[1],
                pack=r[2],
                mode=r[3],
                status=r[4],
                started_at=_time(r[5]),
                ended_at=_time(r[6]) if r[6] else None,
                asked=len(json.loads(r[7])),
                answered=r[8],
                right=r[9],
                points=r[10],
            )
            for r in rows
        ]

    def answers(self, player: str | None = None, *, class_id: int | None = None) -> Iterator[AnswerRow]:
        """Every recorded answer (of one player, or of all; of one class, or of any), in the order given."""
        conditions, params = [], []
        if player is not None:
            conditions.append("p.name = ?")
            params.append(_lookup(player))
        if class_id is not None:
            conditions.append("q.id IN (SELECT quiz_id FROM seats WHERE class_id = ?)")
            params.append(class_id)
        where = "WHERE " + " AND ".join(conditions) if conditions else ""
        with self._read() as db:
            rows = db.execute(
                f"""SELECT a.id, p.name, q.id, q.pack, q.mode, a.question_id, a.question_pack, a.tags,
                           a.answered_at, a.typed, a.verdict, a.score, a.points, a.hints, a.seconds, a.rating
                    FROM answers a JOIN quizzes q ON q.id = a.quiz_id JOIN players p ON p.id = q.player_id
                    {where} ORDER BY a.id""",
                params,
            ).fetchall()
        for r in rows:
            yield AnswerRow(
                answer_id=r[0],
                player=r[1],
                quiz_id=r[2],
                pack=r[3],
                mode=r[4],
                question_id=r[5],
                question_pack=r[6],
                tags=tuple(json.loads(r[7])),
                answered_at=_time(r[8]),
                typed=r[9],
                verdict=r[10],
                score=r[11],
                points=r[12],
                hints=r[13],
                seconds=r[14],
                rating=r[15],
            )

    def cards(self, player: str) -> dict[str, CardRow]:
        """The player's review cards by question id."""
        with self._read() as db:
            rows = db.execute(
                """SELECT c.question_id, c.card, c.due, c.introduced_at, c.reviews, c.lapses
                   FROM cards c JOIN players p ON p.id = c.player_id WHERE p.name = ?""",
                (_lookup(player),),
            ).fetchall()
        return {r[0]: CardRow(r[0], _card(r[1]), _time(r[2]), _time(r[3]), r[4], r[5]) for r in rows}

    # -- classes ---------------------------------------------------------------------------------
    def create_class(
        self,
        code: str,
        title: str,
        pack: str,
        mode: str,
        question_ids: Sequence[str],
        seed: int | None,
        seconds: int | None,
    ) -> ClassRow | None:
        """Store a new class; None when `code` is already taken (draw another)."""
        with self._write() as db:
            cur = db.execute(
                """INSERT INTO classes (code, title, pack, mode, question_ids, seed, seconds, created_at)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (code) DO NOTHING""",
                (code, title, pack, mode, json.dumps(list(question_ids)), seed, seconds, _iso(self._now())),
            )
            if cur.rowcount == 0:
                return None
        return self.find_class(code)

    def find_class(self, code: str) -> ClassRow | None:
        """The class with this join code (as stored: upper case), or None."""
        found = self._classes("WHERE c.code = ?", (code,))
        return found[0] if found else None

    def classes(self) -> list[ClassRow]:
        """Every class, newest first."""
        return self._classes("", ())

    def _classes(self, where: str, params: tuple[object, ...]) -> list[ClassRow]:
        with self._read() as db:
            rows = db.execute(
                f"""SELECT c.id, c.code, c.title, c.pack, c.mode, c.question_ids, c.seed, c.seconds,
                           c.created_at, c.closed_at, (SELECT COUNT(*) FROM seats s WHERE s.class_id = c.id)
                    FROM classes c {where} ORDER BY c.id DESC""",
                params,
            ).fetchall()
        return [
            ClassRow(
                class_id=r[0],
                code=r[1],
                title=r[2],
                pack=r[3],
                mode=r[4],
                question_ids=tuple(json.loads(r[5])),
                seed=r[6],
                seconds=r[7],
                created_at=_time(r[8]),
                closed_at=_time(r[9]) if r[9] else None,
                players=r[10],
            )
            for r in rows
        ]

    def close_class(self, class_id: int) -> None:
        """Stop taking answers and joins for a class (its answers stay)."""
        with self._write() as db:
            db.execute(
                "UPDATE classes SET closed_at = ? WHERE id = ? AND closed_at IS NULL",
                (_iso(self._now()), class_id),
            )
            db.execute(
                """UPDATE quizzes SET status = 'finished', ended_at = ?
                   WHERE status = 'open' AND id IN (SELECT quiz_id FROM seats WHERE class_id = ?)""",
                (_iso(self._now()), class_id),
            )

    def take_seat(
        self, klass: ClassRow, player: str, name_key: str, token: str, *, proof: str | None, trusted: bool
    ) -> Seat:
        """`player`'s seat in `klass`: a new one (with a new quiz), or theirs from an earlier join.

        An earlier seat is given back when `trusted` (a terminal on this machine) or when `proof`
        is its token; otherwise SeatTaken. One transaction, so two joins of one name never both win.
        """
        name = _player_name(player)
        now = self._now()
        with self._write() as db:
            row = db.execute("SELECT closed_at FROM classes WHERE id = ?", (klass.class_id,)).fetchone()
            if row is None:
                raise StoreError(f"there is no class {klass.code} in {self.path}")
            seat = db.execute(
                """SELECT p.name, s.quiz_id, s.token, s.joined_at FROM seats s JOIN players p ON p.id = s.player_id
                   WHERE s.class_id = ? AND s.name_key = ?""",
                (klass.class_id, name_key),
            ).fetchone()
            if seat is not None:
                if not trusted and (proof is None or not _same_secret(proof, seat[2])):
                    raise SeatTaken(f"'{seat[0]}' has already joined this class")
                return self._seat(db, klass.class_id, seat[0], seat[1], seat[2], _time(seat[3]), new=False)
            if row[0] is not None:
                raise Refused("this class is closed: the teacher has stopped taking answers")
            player_id = self._player_id(db, name, now)
            cur = db.execute(
                "INSERT INTO quizzes (player_id, pack, mode, question_ids, seed, started_at) VALUES (?, ?, ?, ?, ?, ?)",
                (
                    player_id,
                    klass.pack,
                    klass.mode,
                    json.dumps(list(klass.question_ids)),
                    klass.seed,
                    _iso(now),
                ),
            )
            quiz_id = int(cur.lastrowid or 0)
            db.execute(
                "INSERT INTO seats (class_id, name_key, player_id, quiz_id, token, joined_at) VALUES (?, ?, ?, ?, ?, ?)",
                (klass.class_id, name_key, player_id, quiz_id, token, _iso(now)),
            )
            return self._seat(db, klass.class_id, name, quiz_id, token, now, new=True)

    def _seat(
        self,
        db: sqlite3.Connection,
        class_id: int,
        player: str,
        quiz_id: int,
        token: str,
        joined: datetime,
        *,
        new: bool,
    ) -> Seat:
        status = db.execute("SELECT status FROM quizzes WHERE id = ?", (quiz_id,)).fetchone()[0]
        answers = db.execute(
            "SELECT question_id, points, streak FROM answers WHERE quiz_id = ? ORDER BY id", (quiz_id,)
        ).fetchall()
        return Seat(
            class_id=class_id,
            player=player,
            quiz_id=quiz_id,
            token=token,
            joined_at=joined,
            new=new,
            answered_ids=tuple(a[0] for a in answers),
            score=sum(a[1] for a in answers),
            streak=answers[-1][2] if answers else 0,
            finished=status != "open",
        )

    def standings(self, class_id: int) -> list[Standing]:
        """Every student of a class with their totals (unsorted: the board's order is the classroom's)."""
        with self._read() as db:
            rows = db.execute(
                """SELECT p.name, COALESCE(SUM(a.points), 0),
                          COALESCE(SUM(CASE WHEN a.verdict IN ('correct', 'close') THEN 1 ELSE 0 END), 0),
                          COUNT(a.id), COALESCE(SUM(a.seconds), 0), q.status, s.joined_at
                   FROM seats s JOIN players p ON p.id = s.player_id JOIN quizzes q ON q.id = s.quiz_id
                   LEFT JOIN answers a ON a.quiz_id = q.id
                   WHERE s.class_id = ? GROUP BY s.quiz_id, p.name, q.status, s.joined_at""",
                (class_id,),
            ).fetchall()
        return [
            Standing(
                player=r[0],
                points=int(r[1]),
                right=int(r[2]),
                answered=int(r[3]),
                seconds=float(r[4]),
                finished=r[5] != "open",
                joined_at=_time(r[6]),
            )
            for r in rows
        ]

    def backup(self, target: Path | str) -> None:
        """Copy the whole history, consistent even while answers are being recorded, to `target`."""
        target = Path(target)
        if target.exists():
            raise StoreError(f"{target} already exists; choose a new file name for the backup")
        with self._lock, _translated(target):
            copy = sqlite3.connect(target)
            try:
                self._conn.backup(copy)
            finally:
                copy.close()

    def integrity_check(self) -> str:
        """SQLite's full integrity check: 'ok', or what is wrong."""
        with self._read() as db:
            return "; ".join(r[0] for r in db.execute("PRAGMA integrity_check"))

    # -- inside ----------------------------------------------------------------------------------
    def _now(self) -> datetime:
        return self._clock().astimezone(UTC)

    def _player_id(self, db: sqlite3.Connection, name: str, now: datetime) -> int:
        db.execute("INSERT OR IGNORE INTO players (name, created_at) VALUES (?, ?)", (name, _iso(now)))
        return int(db.execute("SELECT id FROM players WHERE name = ?", (name,)).fetchone()[0])

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        # BEGIN IMMEDIATE takes the write lock up front: a deferred transaction that reads and
        # then writes can fail with "database is locked" at once, busy timeout or not.
        with self._lock, _translated(self.path):
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                with suppress(sqlite3.Error):  # the error that got us here is the one to report
                    self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        with self._lock, _translated(self.path):
            self._conn.execute("BEGIN")
            try:
                yield self._conn
            except BaseException:
                with suppress(sqlite3.Error):
                    self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")


# -- opening and checking the file -----------------------------------------------------------------


class _SetAside(NamedTuple):
    path: Path  # where a file that was not a usable history now is
    problem: str


def _open_checked(path: Path, clock: Clock) -> sqlite3.Connection | _SetAside:
    """A ready connection to our file at `path` (made if missing), or where the file was moved
    aside to when it is not a usable history, and why.

    Raises StoreError for what the user must fix (permissions, a newer version's file).
    """
    with _translated(path):
        if not path.exists():
            _create(path)
        # SQLite deletes a WAL file it cannot use when it closes; a bad file's WAL may hold the
        # last answers, so keep a second link to it until the file is known to be good.
        wal = path.with_name(path.name + "-wal")
        wal_copy = path.with_name(f"{path.name}.check-{uuid.uuid4().hex[:12]}-wal")
        try:
            os.link(wal, wal_copy)
        except OSError:
            wal_copy = None
        try:
            conn = _connect(path)
            try:
                problem = _check(conn, path)
                if problem is None:
                    _prepare(conn)
                    _migrate(conn, path)
            except BaseException:
                conn.close()
                raise
            if problem is None:
                return conn
            conn.close()
            return _SetAside(_move_aside(path, clock(), wal_copy), problem)
        finally:
            if wal_copy is not None:
                wal_copy.unlink(missing_ok=True)


def _connect(path: Path) -> sqlite3.Connection:
    # mode=rw: never let sqlite3 create a zero-length file in place of one that went missing.
    uri = path.resolve().as_uri() + "?mode=rw"
    return sqlite3.connect(
        uri, uri=True, isolation_level=None, timeout=BUSY_TIMEOUT_S, check_same_thread=False
    )


def _check(conn: sqlite3.Connection, path: Path) -> str | None:
    """Why the file is not a usable history of ours (None when it is). Writes nothing."""
    if path.stat().st_size == 0:
        return "is empty (0 bytes), so it holds no history"
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if app_id != APPLICATION_ID:
            tables = conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()[0]
            what = "an empty database" if not tables else "a database of another program"
            return f"is {what}, not a kopick-quiz history"
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{path} was written by a newer kopick-quiz (data version {version}; this one reads up to "
                f"{SCHEMA_VERSION}); upgrade kopick-quiz to use it, it was left as it is"
            )
        result = [r[0] for r in conn.execute("PRAGMA quick_check")]
    except sqlite3.DatabaseError as exc:
        if _is_damage(exc):
            return "is damaged or not a database"
        raise
    if result != ["ok"]:
        return "is damaged (" + "; ".join(result[:3]) + ")"
    if version < 1:
        return "is an unfinished kopick-quiz history"
    return None


def _prepare(conn: sqlite3.Connection) -> None:
    conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
    conn.execute("PRAGMA journal_mode = WAL")
    # FULL: a commit is on disk before record() returns, power loss included.
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")


def _migrate(conn: sqlite3.Connection, path: Path) -> None:
    if conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION:
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]  # another process may have done it
        for step in MIGRATIONS[version:]:
            for statement in step:
                conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _create(path: Path) -> None:
    """Make a new history at `path` atomically: built beside it, then linked into place."""
    tmp = path.with_name(f"{path.name}.new-{uuid.uuid4().hex[:12]}")
    try:
        conn = sqlite3.connect(tmp, isolation_level=None)
        try:
            conn.execute("BEGIN IMMEDIATE")
            for step in MIGRATIONS:
                for statement in step:
                    conn.execute(statement)
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            conn.execute("COMMIT")
            conn.execute("PRAGMA journal_mode = WAL")
        finally:
            conn.close()
        _fsync(tmp)
        try:
            os.link(tmp, path)  # fails if another process made it first: then theirs is used
        except FileExistsError:
            pass
        except OSError:  # a file system without hard links
            if not path.exists():
                os.replace(tmp, path)
        _fsync(path.parent)
    finally:
        for leftover in (tmp, tmp.with_name(tmp.name + "-journal"), tmp.with_name(tmp.name + "-wal")):
            leftover.unlink(missing_ok=True)


def _clear_stale_leftovers(path: Path) -> None:
    """Remove temp files of creations cut short (a kill mid-`_create`); recent ones may be live."""
    cutoff = time.time() - STALE_LEFTOVER_S
    for leftover in [*path.parent.glob(f"{path.name}.new-*"), *path.parent.glob(f"{path.name}.check-*")]:
        try:
            if leftover.stat().st_mtime < cutoff:
                leftover.unlink()
        except OSError:
            pass


def _move_aside(path: Path, now: datetime, wal_copy: Path | None = None) -> Path:
    """Rename a bad file (and its WAL files) to `kopick.db.corrupt-<time>`; returns the new path."""
    stamp = now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
    with _translated(path):
        os.replace(path, target)
        wal = path.with_name(path.name + "-wal")
        if wal_copy is not None and wal_copy.exists() and not wal.exists():
            wal = wal_copy
        for side, suffix in ((wal, "-wal"), (path.with_name(path.name + "-shm"), "-shm")):
            if side.exists():
                os.replace(side, target.with_name(target.name + suffix))
        _fsync(path.parent)
    return target


def _fsync(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # directories cannot be fsynced on some systems
    finally:
        os.close(fd)


# -- errors ------------------------------------------------------------------------------------------

_DAMAGE_CODES = {getattr(sqlite3, "SQLITE_CORRUPT", 11), getattr(sqlite3, "SQLITE_NOTADB", 26)}


def _is_damage(exc: sqlite3.Error) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in _DAMAGE_CODES
    text = str(exc)
    return "malformed" in text or "not a database" in text


@contextmanager
def _translated(path: Path) -> Iterator[None]:
    """Turn sqlite3 and OS errors into a StoreError that says what to do."""
    try:
        yield
    except StoreError:
        raise
    except sqlite3.Error as exc:
        raise StoreError(_sqlite_sentence(exc, path)) from None
    except OSError as exc:
        raise StoreError(
            f"cannot use {path}: {_reason(exc)}; check the folder's permissions or choose another "
            "with --data-dir or KOPICK_QUIZ_HOME"
        ) from None


def _sqlite_sentence(exc: sqlite3.Error, path: Path) -> str:
    code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
    text = str(exc)
    if code in (5, 6) or "locked" in text:  # BUSY, LOCKED
        return f"{path} is busy in another kopick-quiz; close it and try again"
    if code in (3, 8, 14) or "readonly" in text or "unable to open" in text:  # PERM, READONLY, CANTOPEN
        return (
            f"cannot write to {path} (the file or its folder is read-only, or missing); "
            "check the permissions or choose another folder with --data-dir or KOPICK_QUIZ_HOME"
        )
    if code == 13 or "full" in text:
        return f"the disk holding {path} is full; free some space and try again"
    if code in _DAMAGE_CODES:
        return f"{path} was damaged while in use ({text}); restart kopick-quiz to set it aside"
    return f"cannot use {path}: {text}"


def _reason(exc: OSError) -> str:
    return (exc.strerror or str(exc)).lower()


# -- values ------------------------------------------------------------------------------------------


def _player_name(player: str) -> str:
    name = _lookup(player)
    if not name:
        raise StoreError("a player needs a name; give one with --player NAME")
    if len(name) > MAX_PLAYER_CHARS:
        raise StoreError(f"a player's name may be at most {MAX_PLAYER_CHARS} characters")
    return name


def _same_secret(given: str, kept: str) -> bool:
    import hmac

    return hmac.compare_digest(given.strip().upper().encode(), kept.upper().encode())


def _lookup(player: str) -> str:
    return " ".join(player.split())


def _iso(when: datetime) -> str:
    return when.astimezone(UTC).isoformat(timespec="microseconds")


def _time(text: str) -> datetime:
    return datetime.fromisoformat(text)


def _card(text: str) -> fsrs.Card:
    import fsrs

    return fsrs.Card.from_json(text)


__all__ = [
    "DB_NAME",
    "SCHEMA_VERSION",
    "AnswerRow",
    "CardRow",
    "ClassRow",
    "QuizRow",
    "Refused",
    "Seat",
    "SeatTaken",
    "Standing",
    "Store",
    "StoreError",
    "Unfinished",
]
