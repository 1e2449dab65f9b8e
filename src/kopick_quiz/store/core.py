"""The store's operations, written once over a backend: players, quizzes, answers, cards, classes."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from .backend import Backend, Db
from .games import GameStore
from .model import (
    EXAM_GRACE_S,
    AnswerRow,
    CardRow,
    ClassRow,
    Clock,
    QuizRow,
    Refused,
    Seat,
    SeatTaken,
    Standing,
    StoreError,
    Unfinished,
    card,
    iso,
    lookup,
    parse_time,
    player_name,
    same_secret,
    text,
    utcnow,
)
from .url import is_postgres, sqlite_file

if TYPE_CHECKING:
    import fsrs

    from ..session import Answered

_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def open_backend(data_dir: Path | str, db: str | None, clock: Clock) -> Backend:
    """The backend `db` names (None: the SQLite file in `data_dir`), opened, checked and migrated."""
    if db and is_postgres(db):
        from .postgres import PostgresBackend

        return PostgresBackend.open(db.strip())
    from .sqlite import SQLiteBackend

    return SQLiteBackend.open(sqlite_file(data_dir, db), clock)


class Store(GameStore):
    """A player history on a backend; open it with `Store.open(data_dir)` (or `db=URL`)."""

    notice: str | None

    def __init__(self, backend: Backend, clock: Clock, scheduler: fsrs.Scheduler) -> None:
        self._backend = backend
        self._clock = clock
        self.scheduler = scheduler
        self.notice = backend.notice
        self._closed = False
        self._close_lock = threading.Lock()

    # -- opening ---------------------------------------------------------------------------------
    @classmethod
    def open(
        cls,
        data_dir: Path | str,
        *,
        db: str | None = None,
        clock: Clock = utcnow,
        scheduler: fsrs.Scheduler | None = None,
    ) -> Store:
        """Open (creating if need be) the history: `db` (a URL or file), else the file in `data_dir`.

        Raises StoreError.
        """
        from ..scheduling import default_scheduler

        backend = open_backend(data_dir, db, clock)
        return cls(backend, clock, scheduler or default_scheduler())

    @property
    def path(self) -> Path | None:
        """The SQLite file (None when the store is on a server)."""
        return self._backend.path

    @property
    def where(self) -> str:
        """The store as messages name it: a file path, or the server's URL without the password."""
        return self._backend.where

    @property
    def kind(self) -> str:
        """'sqlite' or 'postgresql'."""
        return self._backend.kind

    @property
    def backend(self) -> Backend:
        return self._backend

    def close(self) -> None:
        with self._close_lock:
            if not self._closed:
                self._closed = True
                self._backend.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------------------------
    def start_quiz(
        self, player: str, pack: str, mode: str, question_ids: Sequence[str], seed: int | None
    ) -> int:
        """Record the start of a quiz; returns its id."""
        name = player_name(player)
        now = self._now()

        def work(db: Db) -> int:
            player_id = self._player_id(db, name, now)
            return db.insert(
                "INSERT INTO quizzes (player_id, pack, mode, question_ids, seed, started_at) VALUES (?, ?, ?, ?, ?, ?)",
                (player_id, pack, mode, json.dumps(list(question_ids)), seed, iso(now)),
            )

        return self._backend.write(work)

    def record(self, quiz_id: int, answered: Answered) -> int:
        """Commit one answer and update the player's card for it; returns the answer's id."""
        from ..scheduling import rating_for, schedule

        now = self._now()
        question = answered.question
        verdict = answered.verdict
        name = "skipped" if verdict is None else verdict.verdict
        score = 0.0 if verdict is None else float(verdict.score)
        rating = rating_for(answered)

        def work(db: Db) -> int:
            # One answer at a time per quiz (a class counts each question once), then per player
            # (the card's review is read, then written).
            db.lock("quizzes", quiz_id)
            row = db.execute(
                """SELECT q.player_id, q.status, q.started_at, c.closed_at, c.seconds, s.class_id, c.mode, c.question_ids
                   FROM quizzes q
                   LEFT JOIN seats s ON s.quiz_id = q.id LEFT JOIN classes c ON c.id = s.class_id
                   WHERE q.id = ?""",
                (quiz_id,),
            ).fetchone()
            if row is None:
                raise StoreError(f"there is no quiz {quiz_id} in {self.where}")
            player_id, status, started, closed_at, limit, class_id, class_mode, class_questions = row
            if closed_at is not None:
                raise Refused("this class is closed: the teacher has stopped taking answers")
            if status != "open":
                raise StoreError(f"quiz {quiz_id} is {status}; start a new one")
            if (
                class_mode == "exam"
                and limit is not None
                and (now - parse_time(started)).total_seconds() > limit + EXAM_GRACE_S
            ):
                raise Refused("time is up for this exam: answers are no longer taken")
            if class_mode == "live":
                self._check_live(db, class_id, class_questions, question.id, now)
            db.lock("players", player_id)
            # A class's board and results count each question once a student.
            if (
                class_id is not None
                and db.execute(
                    "SELECT 1 FROM answers WHERE quiz_id = ? AND question_id = ?", (quiz_id, question.id)
                ).fetchone()
            ):
                raise Refused("this question has already been answered in this quiz")
            answer_id = db.insert(
                """INSERT INTO answers (quiz_id, question_id, question_pack, tags, answered_at, typed, verdict,
                                        score, points, hints, seconds, streak, rating)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                (
                    quiz_id,
                    question.id,
                    question.pack,
                    json.dumps(list(question.tags)),
                    iso(now),
                    text(answered.text),
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
            reviewed = schedule(
                self.scheduler, card(old[0]) if old else None, rating, now, seconds=answered.seconds
            )
            db.execute(
                """INSERT INTO cards (player_id, question_id, card, due, introduced_at, reviews, lapses)
                   VALUES (?, ?, ?, ?, ?, ?, ?)
                   ON CONFLICT (player_id, question_id) DO UPDATE SET card = excluded.card, due = excluded.due,
                       introduced_at = excluded.introduced_at, reviews = excluded.reviews, lapses = excluded.lapses""",
                (
                    player_id,
                    question.id,
                    reviewed.to_json(),
                    iso(reviewed.due),
                    old[1] if old else iso(now),
                    (old[2] if old else 0) + 1,
                    (old[3] if old else 0) + int(rating == 1 and old is not None),
                ),
            )
            return answer_id

        return self._backend.write(work)

    def finish(self, quiz_id: int) -> None:
        """Mark a quiz as done (it is no longer offered for resuming)."""
        self._end(quiz_id, "finished")

    def abandon(self, quiz_id: int) -> None:
        """Mark an interrupted quiz as given up (its answers stay in the history)."""
        self._end(quiz_id, "abandoned")

    def _end(self, quiz_id: int, status: str) -> None:
        now = iso(self._now())
        self._backend.write(
            lambda db: db.execute(
                "UPDATE quizzes SET status = ?, ended_at = ? WHERE id = ? AND status = 'open'",
                (status, now, quiz_id),
            )
        )

    # -- reading ---------------------------------------------------------------------------------
    def unfinished(self, player: str) -> Unfinished | None:
        """The player's latest open quiz with some answers given and some still to give."""

        def work(db: Db) -> Unfinished | None:
            rows = db.execute(
                """SELECT q.id, q.pack, q.mode, q.question_ids, q.seed, q.started_at FROM quizzes q
                   JOIN players p ON p.id = q.player_id
                   WHERE p.name = ? AND q.status = 'open' AND EXISTS (SELECT 1 FROM answers a WHERE a.quiz_id = q.id)
                     AND NOT EXISTS (SELECT 1 FROM seats s WHERE s.quiz_id = q.id)
                   ORDER BY q.id DESC LIMIT 20""",
                (lookup(player),),
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
                    started_at=parse_time(started),
                )
                if found.remaining_ids:
                    return found
            return None

        return self._backend.read(work)

    def best_scores(self, player: str) -> dict[str, float]:
        """Pack id -> the best accuracy (0..1) of the player's finished quizzes of it."""
        best: dict[str, float] = {}
        for q in self.quizzes(player):
            if q.status == "finished" and q.answered:
                best[q.pack] = max(best.get(q.pack, 0.0), q.right / q.answered)
        return best

    def players(self) -> list[str]:
        """Every player's name, alphabetically (ASCII letters' case ignored, then as written)."""
        names = self._backend.read(
            lambda db: [r[0] for r in db.execute("SELECT name FROM players").fetchall()]
        )
        # Sorted here, not by the database: a server's collation would order names its own way.
        return sorted(names, key=lambda n: (n.translate(_ASCII_LOWER), n))

    def last_player(self) -> str | None:
        """The player who answered most recently (None with no answers yet)."""
        row = self._backend.read(
            lambda db: db.execute(
                """SELECT p.name FROM answers a JOIN quizzes q ON q.id = a.quiz_id
                   JOIN players p ON p.id = q.player_id ORDER BY a.id DESC LIMIT 1"""
            ).fetchone()
        )
        return row[0] if row else None

    def quizzes(self, player: str | None = None) -> list[QuizRow]:
        """Every quiz (of one player, or of all), oldest first, with its tally."""
        where, params = ("WHERE p.name = ?", (lookup(player),)) if player is not None else ("", ())
        rows = self._backend.read(
            lambda db: db.execute(
                f"""SELECT q.id, p.name, q.pack, q.mode, q.status, q.started_at, q.ended_at, q.question_ids,
                           COUNT(a.id), COALESCE(SUM(CASE WHEN a.verdict IN ('correct', 'close') THEN 1 ELSE 0 END), 0),
                           COALESCE(SUM(a.points), 0)
                    FROM quizzes q JOIN players p ON p.id = q.player_id
                    LEFT JOIN answers a ON a.quiz_id = q.id
                    {where} GROUP BY q.id, p.name ORDER BY q.id""",
                params,
            ).fetchall()
        )
        return [
            QuizRow(
                quiz_id=r[0],
                player=r[1],
                pack=r[2],
                mode=r[3],
                status=r[4],
                started_at=parse_time(r[5]),
                ended_at=parse_time(r[6]) if r[6] else None,
                asked=len(json.loads(r[7])),
                answered=int(r[8]),
                right=int(r[9]),
                points=int(r[10]),
            )
            for r in rows
        ]

    def answers(self, player: str | None = None, *, class_id: int | None = None) -> Iterator[AnswerRow]:
        """Every recorded answer (of one player, or of all; of one class, or of any), in the order given."""
        conditions: list[str] = []
        params: list[object] = []
        if player is not None:
            conditions.append("p.name = ?")
            params.append(lookup(player))
        if class_id is not None:
            conditions.append("q.id IN (SELECT quiz_id FROM seats WHERE class_id = ?)")
            params.append(class_id)
        where = "WHERE " + " AND ".join(conditions) if conditions else ""
        rows = self._backend.read(
            lambda db: db.execute(
                f"""SELECT a.id, p.name, q.id, q.pack, q.mode, a.question_id, a.question_pack, a.tags,
                           a.answered_at, a.typed, a.verdict, a.score, a.points, a.hints, a.seconds, a.rating
                    FROM answers a JOIN quizzes q ON q.id = a.quiz_id JOIN players p ON p.id = q.player_id
                    {where} ORDER BY a.id""",
                params,
            ).fetchall()
        )
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
                answered_at=parse_time(r[8]),
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
        rows = self._backend.read(
            lambda db: db.execute(
                """SELECT c.question_id, c.card, c.due, c.introduced_at, c.reviews, c.lapses
                   FROM cards c JOIN players p ON p.id = c.player_id WHERE p.name = ?""",
                (lookup(player),),
            ).fetchall()
        )
        return {r[0]: CardRow(r[0], card(r[1]), parse_time(r[2]), parse_time(r[3]), r[4], r[5]) for r in rows}

    # -- a player's own settings -----------------------------------------------------------------
    def player_settings(self, player: str) -> dict[str, str]:
        """The player's saved settings: name -> value as JSON text (empty: none saved yet)."""
        rows = self._backend.read(
            lambda db: db.execute(
                """SELECT s.key, s.value FROM player_settings s JOIN players p ON p.id = s.player_id
                   WHERE p.name = ?""",
                (lookup(player),),
            ).fetchall()
        )
        return {r[0]: r[1] for r in rows}

    def save_player_settings(self, player: str, values: Mapping[str, object]) -> None:
        """Save some of the player's settings (each value as JSON), in one transaction; the others stay."""
        name = player_name(player)
        now = self._now()
        rows = [(key, json.dumps(value, ensure_ascii=False, sort_keys=True)) for key, value in values.items()]
        if not rows:
            return

        def work(db: Db) -> None:
            player_id = self._player_id(db, name, now)
            db.many(
                """INSERT INTO player_settings (player_id, key, value, updated_at) VALUES (?, ?, ?, ?)
                   ON CONFLICT (player_id, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at""",
                [(player_id, key, value, iso(now)) for key, value in rows],
            )

        self._backend.write(work)

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
        now = iso(self._now())
        made = self._backend.write(
            lambda db: (
                db.execute(
                    """INSERT INTO classes (code, title, pack, mode, question_ids, seed, seconds, created_at)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (code) DO NOTHING""",
                    (code, title, pack, mode, json.dumps(list(question_ids)), seed, seconds, now),
                ).rowcount
            )
        )
        if made == 0:
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
        rows = self._backend.read(
            lambda db: db.execute(
                f"""SELECT c.id, c.code, c.title, c.pack, c.mode, c.question_ids, c.seed, c.seconds,
                           c.created_at, c.closed_at, (SELECT COUNT(*) FROM seats s WHERE s.class_id = c.id)
                    FROM classes c {where} ORDER BY c.id DESC""",
                params,
            ).fetchall()
        )
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
                created_at=parse_time(r[8]),
                closed_at=parse_time(r[9]) if r[9] else None,
                players=int(r[10]),
            )
            for r in rows
        ]

    def close_class(self, class_id: int) -> None:
        """Stop taking answers and joins for a class (its answers stay)."""
        now = iso(self._now())

        def work(db: Db) -> None:
            db.execute("UPDATE classes SET closed_at = ? WHERE id = ? AND closed_at IS NULL", (now, class_id))
            db.execute(
                """UPDATE quizzes SET status = 'finished', ended_at = ?
                   WHERE status = 'open' AND id IN (SELECT quiz_id FROM seats WHERE class_id = ?)""",
                (now, class_id),
            )

        self._backend.write(work)

    def take_seat(
        self, klass: ClassRow, player: str, name_key: str, token: str, *, proof: str | None, trusted: bool
    ) -> Seat:
        """`player`'s seat in `klass`: a new one (with a new quiz), or theirs from an earlier join.

        An earlier seat is given back when `trusted` (a terminal on this machine) or when `proof`
        is its token; otherwise SeatTaken. One transaction, so two joins of one name never both win.
        """
        name = player_name(player)
        now = self._now()

        def work(db: Db) -> Seat:
            db.lock("classes", klass.class_id)  # joins of one class one at a time: one seat a name
            row = db.execute("SELECT closed_at FROM classes WHERE id = ?", (klass.class_id,)).fetchone()
            if row is None:
                raise StoreError(f"there is no class {klass.code} in {self.where}")
            seat = db.execute(
                """SELECT p.name, s.quiz_id, s.token, s.joined_at FROM seats s JOIN players p ON p.id = s.player_id
                   WHERE s.class_id = ? AND s.name_key = ?""",
                (klass.class_id, name_key),
            ).fetchone()
            if seat is not None:
                if not trusted and (proof is None or not same_secret(proof, seat[2])):
                    raise SeatTaken(f"'{seat[0]}' has already joined this class")
                return self._seat(
                    db, klass.class_id, seat[0], seat[1], seat[2], parse_time(seat[3]), new=False
                )
            if row[0] is not None:
                raise Refused("this class is closed: the teacher has stopped taking answers")
            player_id = self._player_id(db, name, now)
            quiz_id = db.insert(
                "INSERT INTO quizzes (player_id, pack, mode, question_ids, seed, started_at) VALUES (?, ?, ?, ?, ?, ?)",
                (
                    player_id,
                    klass.pack,
                    klass.mode,
                    json.dumps(list(klass.question_ids)),
                    klass.seed,
                    iso(now),
                ),
            )
            db.execute(
                "INSERT INTO seats (class_id, name_key, player_id, quiz_id, token, joined_at) VALUES (?, ?, ?, ?, ?, ?)",
                (klass.class_id, name_key, player_id, quiz_id, token, iso(now)),
            )
            return self._seat(db, klass.class_id, name, quiz_id, token, now, new=True)

        return self._backend.write(work)

    def _seat(
        self, db: Db, class_id: int, player: str, quiz_id: int, token: str, joined: datetime, *, new: bool
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
        rows = self._backend.read(
            lambda db: db.execute(
                """SELECT p.name, COALESCE(SUM(a.points), 0),
                          COALESCE(SUM(CASE WHEN a.verdict IN ('correct', 'close') THEN 1 ELSE 0 END), 0),
                          COUNT(a.id), COALESCE(SUM(a.seconds), 0), q.status, s.joined_at
                   FROM seats s JOIN players p ON p.id = s.player_id JOIN quizzes q ON q.id = s.quiz_id
                   LEFT JOIN answers a ON a.quiz_id = q.id
                   WHERE s.class_id = ? GROUP BY s.quiz_id, p.name, q.status, s.joined_at""",
                (class_id,),
            ).fetchall()
        )
        return [
            Standing(
                player=r[0],
                points=int(r[1]),
                right=int(r[2]),
                answered=int(r[3]),
                seconds=float(r[4]),
                finished=r[5] != "open",
                joined_at=parse_time(r[6]),
            )
            for r in rows
        ]

    # -- the storage itself ----------------------------------------------------------------------
    def backup(self, target: Path | str) -> None:
        """Copy the whole history, consistent even while answers are being recorded, to `target`."""
        self._backend.backup(Path(target))

    def integrity_check(self) -> str:
        """The backend's own integrity check: 'ok', or what is wrong."""
        problems = self._backend.integrity_problems()
        return "; ".join(problems) if problems else "ok"

    # -- inside ----------------------------------------------------------------------------------
    def _now(self) -> datetime:
        return self._clock().astimezone(UTC)

    def _player_id(self, db: Db, name: str, now: datetime) -> int:
        db.execute(
            "INSERT INTO players (name, created_at) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
            (name, iso(now)),
        )
        return int(db.execute("SELECT id FROM players WHERE name = ?", (name,)).fetchone()[0])
