"""The store's part of the classroom's live game and disputes, written once over a backend.

`Store` inherits these. The game is one row per live class that the host's process moves on
(compare-and-set on `step`, so two hosts never move it twice) and every student's process reads.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from .backend import Backend, Db
from .model import Refused, StoreError, iso, parse_time

PHASES = ("lobby", "question", "spread", "board", "podium")
LIVE_GRACE_S = 0.5  # an answer sent as the countdown ends still counts (the network, a slow machine)


@dataclass(frozen=True)
class GameRow:
    """Where a live class's game is: its phase, the question open (0-based), since when."""

    class_id: int
    phase: str  # lobby, question, spread, board or podium
    number: int
    opened_at: datetime | None
    seconds: float  # each question's countdown
    step: int  # goes up by one at every move
    updated_at: datetime

    @property
    def closes_at(self) -> datetime | None:
        from datetime import timedelta

        return None if self.opened_at is None else self.opened_at + timedelta(seconds=self.seconds)

    def seconds_left(self, now: datetime) -> float:
        """How long the open question has left (0 when none is open)."""
        closes = self.closes_at
        if self.phase != "question" or closes is None:
            return 0.0
        return max(0.0, (closes - now).total_seconds())


@dataclass(frozen=True)
class DisputeRow:
    """A student's "I was right" on one recorded answer, and what the teacher made of it."""

    dispute_id: int
    answer_id: int
    class_id: int
    player: str
    question_id: str
    typed: str
    verdict: str  # the answer's verdict now (correct once a dispute is accepted)
    points: int
    reason: str
    status: str  # open, accepted or rejected
    created_at: datetime
    decided_at: datetime | None
    was_verdict: str | None  # before an accepted dispute
    was_points: int | None


class GameStore:
    """Live games and disputes (mixed into Store)."""

    _backend: Backend

    def _now(self) -> datetime:  # pragma: no cover - Store's
        raise NotImplementedError

    # -- the live game ---------------------------------------------------------------------------
    def game(self, class_id: int) -> GameRow | None:
        """The live game of a class (None before its host has opened it)."""
        return self._backend.read(lambda db: _game(db, class_id))

    def open_game(self, class_id: int, seconds: float) -> GameRow:
        """The class's game, made in the lobby if it has none (a host that reopens finds it as it was)."""
        now = iso(self._now())

        def work(db: Db) -> GameRow:
            db.lock("classes", class_id)
            db.execute(
                """INSERT INTO games (class_id, phase, number, opened_at, seconds, step, updated_at)
                   VALUES (?, 'lobby', 0, NULL, ?, 0, ?) ON CONFLICT (class_id) DO NOTHING""",
                (class_id, float(seconds), now),
            )
            found = _game(db, class_id)
            assert found is not None
            return found

        return self._backend.write(work)

    def move_game(self, game: GameRow, phase: str, number: int, *, open_now: bool = False) -> GameRow | None:
        """Move the game on from `game` (as read) to `phase` and question `number`; None when it was
        moved meanwhile (another host's window): read it again."""
        if phase not in PHASES:
            raise ValueError(phase)
        now = self._now()

        def work(db: Db) -> GameRow | None:
            db.lock("classes", game.class_id)
            moved = db.execute(
                """UPDATE games SET phase = ?, number = ?, opened_at = ?, step = step + 1, updated_at = ?
                   WHERE class_id = ? AND step = ?""",
                (
                    phase,
                    number,
                    iso(now) if open_now else (iso(game.opened_at) if game.opened_at else None),
                    iso(now),
                    game.class_id,
                    game.step,
                ),
            ).rowcount
            return _game(db, game.class_id) if moved else None

        return self._backend.write(work)

    def finish_seats(self, class_id: int) -> None:
        """Mark every student's quiz of a class as finished (a live game over: nothing is left to answer)."""
        now = iso(self._now())

        def work(db: Db) -> None:
            db.execute(
                """UPDATE quizzes SET status = 'finished', ended_at = ?
                   WHERE status = 'open' AND id IN (SELECT quiz_id FROM seats WHERE class_id = ?)""",
                (now, class_id),
            )

        self._backend.write(work)

    def _check_live(self, db: Db, class_id: int, question_ids: str, question_id: str, now: datetime) -> None:
        """Refuse a live class's answer unless its question is the one open, and in time."""
        game = _game(db, class_id)
        ids = json.loads(question_ids)
        if game is None or game.phase == "lobby":
            raise Refused("the game has not started: wait for the first question")
        current = ids[game.number] if 0 <= game.number < len(ids) else None
        if current != question_id:
            raise Refused("that question is not the one open now: wait for the next one")
        closes = game.closes_at
        if game.phase != "question" or closes is None or (now - closes).total_seconds() > LIVE_GRACE_S:
            raise Refused(f"too late: the time for question {game.number + 1} was up")

    # -- disputes --------------------------------------------------------------------------------
    def dispute(self, answer_id: int, reason: str) -> int:
        """Record a student's dispute of one of their class answers; returns its id."""
        now = iso(self._now())

        def work(db: Db) -> int:
            db.lock("answers", answer_id)  # two disputes of one answer at once: one is refused, plainly
            row = db.execute(
                """SELECT a.id FROM answers a JOIN seats s ON s.quiz_id = a.quiz_id WHERE a.id = ?""",
                (answer_id,),
            ).fetchone()
            if row is None:
                raise Refused("only an answer given in a class can be disputed: your teacher decides")
            if db.execute("SELECT 1 FROM disputes WHERE answer_id = ?", (answer_id,)).fetchone():
                raise Refused("you have already disputed that answer; your teacher will decide")
            return db.insert(
                "INSERT INTO disputes (answer_id, reason, status, created_at) VALUES (?, ?, 'open', ?)",
                (answer_id, reason, now),
            )

        return self._backend.write(work)

    def disputes(self, class_id: int) -> list[DisputeRow]:
        """Every dispute of a class's answers, oldest first."""

        def work(db: Db) -> list[DisputeRow]:
            rows = db.execute(
                f"{_DISPUTES} WHERE s.class_id = ? ORDER BY d.id",
                (class_id,),
            ).fetchall()
            return [_dispute(r) for r in rows]

        return self._backend.read(work)

    def decide_dispute(self, dispute_id: int, accept: bool, *, full_points: int) -> DisputeRow:
        """Accept (the answer becomes correct, worth at least `full_points`, everywhere it is read)
        or reject a dispute; a decided dispute stays as it was decided."""
        now = iso(self._now())

        def work(db: Db) -> DisputeRow:
            row = db.execute(f"{_DISPUTES} WHERE d.id = ?", (dispute_id,)).fetchone()
            if row is None:
                raise StoreError(f"there is no dispute {dispute_id}")
            found = _dispute(row)
            if found.status != "open":
                raise Refused(f"dispute {dispute_id} was already {found.status}")
            db.lock("answers", found.answer_id)
            if accept:
                db.execute(
                    "UPDATE disputes SET status = 'accepted', decided_at = ?, was_verdict = ?, was_points = ? WHERE id = ?",
                    (now, found.verdict, found.points, dispute_id),
                )
                db.execute(
                    "UPDATE answers SET verdict = 'correct', score = 1.0, points = ? WHERE id = ?",
                    (max(found.points, full_points), found.answer_id),
                )
            else:
                db.execute(
                    "UPDATE disputes SET status = 'rejected', decided_at = ? WHERE id = ?", (now, dispute_id)
                )
            return _dispute(db.execute(f"{_DISPUTES} WHERE d.id = ?", (dispute_id,)).fetchone())

        return self._backend.write(work)


_DISPUTES = """SELECT d.id, d.answer_id, s.class_id, p.name, a.question_id, a.typed, a.verdict, a.points, d.reason,
                      d.status, d.created_at, d.decided_at, d.was_verdict, d.was_points
               FROM disputes d JOIN answers a ON a.id = d.answer_id JOIN quizzes q ON q.id = a.quiz_id
               JOIN seats s ON s.quiz_id = q.id JOIN players p ON p.id = q.player_id"""


def _dispute(r: tuple) -> DisputeRow:  # type: ignore[type-arg]
    return DisputeRow(
        dispute_id=int(r[0]),
        answer_id=int(r[1]),
        class_id=int(r[2]),
        player=r[3],
        question_id=r[4],
        typed=r[5],
        verdict=r[6],
        points=int(r[7]),
        reason=r[8],
        status=r[9],
        created_at=parse_time(r[10]),
        decided_at=parse_time(r[11]) if r[11] else None,
        was_verdict=r[12],
        was_points=None if r[13] is None else int(r[13]),
    )


def _game(db: Db, class_id: int) -> GameRow | None:
    r = db.execute(
        "SELECT class_id, phase, number, opened_at, seconds, step, updated_at FROM games WHERE class_id = ?",
        (class_id,),
    ).fetchone()
    if r is None:
        return None
    return GameRow(
        class_id=int(r[0]),
        phase=r[1],
        number=int(r[2]),
        opened_at=parse_time(r[3]) if r[3] else None,
        seconds=float(r[4]),
        step=int(r[5]),
        updated_at=parse_time(r[6]),
    )
