"""A live class in line mode (`play --plain --class CODE` on a live class): each question is
printed as the host opens it, one answer line is read, the verdict and points come back; late
answers are refused. The game itself is the classroom core's, read from the store."""

from __future__ import annotations

import os
import select
import time
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, TextIO

from .plain import VERDICT_WORDS, clean
from .session import choices_of

if TYPE_CHECKING:
    from .grading import Lexicon
    from .questions import Question
    from .store import ClassRow, GameRow, Seat, Store

POLL_S = 0.05  # how often the game is read: a question shows within this of its opening


class LineReader:
    """Lines from a file descriptor, waiting at most a given time for each (None: none yet)."""

    def __init__(self, stream: TextIO) -> None:
        self.fd = stream.fileno()
        self.buffer = b""
        self.closed = False

    def readline(self, timeout: float) -> str | None:
        if b"\n" not in self.buffer and not self.closed:
            ready, _, _ = select.select([self.fd], [], [], timeout)
            if ready:
                chunk = os.read(self.fd, 65536)
                if chunk:
                    self.buffer += chunk
                else:
                    self.closed = True
        if b"\n" in self.buffer:
            line, self.buffer = self.buffer.split(b"\n", 1)
            return line.decode("utf-8", "replace")
        if self.closed and self.buffer:
            line, self.buffer = self.buffer, b""
            return line.decode("utf-8", "replace")
        return None


def play_live(
    store: Store,
    klass: ClassRow,
    seat: Seat,
    questions: list[Question],
    lexicon: Callable[[], Lexicon],
    inp: TextIO,
    write: Callable[[str], None],
    now: Callable[[], datetime],
) -> int:
    """Take part in a live game until its podium (or the class closes, or input ends)."""
    from .classroom import sentence
    from .classroom.live import grade_live, ordinal, standing_of
    from .store import Refused

    reader = LineReader(inp)
    answered = set(seat.answered_ids)
    last_step = -1
    game: GameRow | None = None
    last_answer: int | None = None
    total = len(questions)
    write(f"Waiting for {clean(klass.title)} to start; each question shows here when your teacher opens it.")
    while True:
        game = store.game(klass.class_id)
        if game is not None and game.step != last_step:
            last_step = game.step
            if game.phase == "question" and questions[game.number].id not in answered:
                q = questions[game.number]
                left = int(game.seconds_left(now()))
                write("")
                write(f"Q{game.number + 1}/{total}  {clean(q.prompt)}  ({left} s)")
                if q.type == "truefalse":
                    write("   true or false? (y/n)")
                else:
                    for i, option in enumerate(choices_of(q), 1):
                        write(f"   {i}. {clean(option)}")
            elif game.phase == "board":
                row = standing_of(_board(store, klass), seat.player)
                if row is not None:
                    write(
                        f"You are {ordinal(row.rank)} with {row.points} points after question {game.number + 1}."
                    )
            elif game.phase == "podium":
                row = standing_of(_board(store, klass), seat.player)
                write("")
                if row is not None:
                    write(f"Game over: you came {ordinal(row.rank)} with {row.points} points. Well played!")
                else:
                    write("Game over.")
                return 0
            elif game.phase == "spread" and questions[game.number].id not in answered:
                write(
                    f"Time is up for question {game.number + 1}. The answer: {clean(_expected(questions[game.number]))}."
                )
        line = reader.readline(POLL_S)
        if line is None:
            if reader.closed:
                return 0
            if not store.find_class(klass.code).is_open:  # closed under us
                write("Your teacher has closed this class.")
                return 0
            continue
        text = line.strip()
        if not text:
            continue
        if text.startswith("/dispute"):
            last_answer = _dispute(store, last_answer, text[len("/dispute") :].strip(), write)
            continue
        if text.startswith(("/", "?")):
            write("In a live game just type your answer; /dispute says you think a verdict was wrong.")
            continue
        if game is None or game.phase == "lobby":
            write("The game has not started yet: wait for the first question.")
            continue
        q = questions[min(game.number, total - 1)]
        if q.id in answered:
            write("You have answered this one; wait for the next question.")
            continue
        if game.phase != "question":
            write(f"Too late: the time for question {game.number + 1} was up.")
            continue
        elapsed = (now() - game.opened_at).total_seconds() if game.opened_at else 0.0
        graded = grade_live(q, text, lexicon(), elapsed, game.seconds)
        try:
            last_answer = store.record(seat.quiz_id, graded)
        except Refused as exc:
            write(sentence(str(exc)))
            continue
        answered.add(q.id)
        v = graded.verdict
        assert v is not None
        said = v.feedback.startswith(("Correct", "Accepted"))
        write(clean(v.feedback) if said else f"{VERDICT_WORDS[v.verdict]}. {clean(v.feedback)}")
        bonus = graded.points - {"correct": 10, "close": 9}.get(v.verdict, graded.points)
        extra = f" ({bonus} for speed)" if bonus > 0 else ""
        write(
            f"   +{graded.points} points{extra} · answered in {graded.seconds:.1f} s · /dispute if you think you were right"
        )


def _dispute(store: Store, answer_id: int | None, reason: str, write: Callable[[str], None]) -> int | None:
    from .classroom import dispute_answer

    write(dispute_answer(store, answer_id, reason))
    return answer_id


def _board(store: Store, klass: ClassRow):  # noqa: ANN202 - a list of BoardRow
    from .classroom import board

    return board(store, klass)


def _expected(q: Question) -> str:
    from .session import expected_answer

    return expected_answer(q)


__all__ = ["LineReader", "play_live"]


def host_plain(
    store: Store,
    klass: ClassRow,
    questions: list[Question],
    auto: float | None,
    inp: TextIO | None,
    write: Callable[[str], None],
    now: Callable[[], datetime],
) -> int:
    """The host's game as lines (`class host` when its output is not a terminal: logs, scripts,
    tests): moves on by itself with `auto`, else on each line read from `inp`."""
    from .classroom.live import LiveGame, ordinal

    game = LiveGame(store, klass, now=now)
    reader = LineReader(inp) if inp is not None and auto is None else None
    total = len(questions)
    last_step, since = -1, time.monotonic()
    known: list[str] = []
    write(
        f"{clean(klass.title)} ({klass.code}): a live game of {total} questions. Students join with the code {klass.code}."
    )
    while True:
        state = game.refresh()
        players = game.players()
        for n, name in enumerate(players[len(known) :], start=len(known) + 1):
            write(f"{clean(name)} joined ({n} in all)")
        known = players
        if state.step != last_step:
            last_step, since = state.step, time.monotonic()
            if state.phase == "question":
                q = questions[state.number]
                write(f"Q{state.number + 1}/{total} open for {state.seconds:g} s: {clean(q.prompt)}")
            elif state.phase == "spread":
                s = game.spread()
                write(
                    f"Q{state.number + 1} closed: {s.right} right, {s.close} close, {s.partial} partly right, "
                    f"{s.wrong} wrong, {s.silent} no answer. The answer: {clean(_expected(questions[state.number]))}."
                )
                if s.common_wrong:
                    write(
                        "  Most common wrong answers: "
                        + "; ".join(f"{clean(t)} ({n})" for t, n in s.common_wrong)
                    )
            elif state.phase == "board":
                for row in game.board()[:5]:
                    write(f"  {row.rank}. {clean(row.player)}  {row.points} points")
            elif state.phase == "podium":
                write("Podium:")
                for row in game.board()[:3]:
                    write(f"  {ordinal(row.rank)}  {clean(row.player)}  {row.points} points")
                hard = game.hardest()
                if hard:
                    prompts = {q.id: q.prompt for q in questions}
                    write("Hardest questions:")
                    for h in hard:
                        write(
                            f"  {h.right} of {h.answered} right: {clean(prompts.get(h.question_id, h.question_id))}"
                        )
                return 0
        if state.phase == "question":
            game.close_if_due(len(players), game.answered())
        elif auto is not None and game.auto_due(since, time.monotonic(), auto, len(players)):
            game.next()
        if reader is not None:
            line = reader.readline(POLL_S)
            if line is not None:  # the teacher moves on (a question closes early)
                game.next()
            elif reader.closed and line is None:
                write("No more input: the game stays where it is; run class host again to go on.")
                return 0
        else:
            time.sleep(POLL_S)
