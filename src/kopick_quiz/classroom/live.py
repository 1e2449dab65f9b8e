"""The live game: one question at a time for the whole class, a countdown, points for speed,
the spread of answers, the board, a podium. No UI.

The game's state lives in the store (`games`), so the host's screen and every student's process
(a terminal, a browser, line mode; on one machine or, with a server database, on many) see the
same game; a host closed and reopened finds it where it was. `LiveGame` is the host's side (it
moves the game on); `live_points` and `grade_live` are the students'.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from .classes import BoardRow, QuestionStat, board, question_stats

if TYPE_CHECKING:
    from ..grading import Lexicon, Verdict
    from ..questions import Question
    from ..session import Answered
    from ..store import ClassRow, GameRow, Store

SPEED_BONUS = 5  # the most a right answer earns for speed: all of it at once, none at the buzzer
PODIUM = 3


@dataclass(frozen=True)
class Spread:
    """How the class answered one question."""

    right: int
    close: int
    partial: int
    wrong: int  # wrong or skipped
    silent: int  # seated students who gave no answer in time
    common_wrong: tuple[tuple[str, int], ...]

    @property
    def answered(self) -> int:
        return self.right + self.close + self.partial + self.wrong


def live_points(verdict: Verdict, elapsed: float, seconds: float, *, full: int = 10, close: int = 9) -> int:
    """Points for a live answer: the verdict's (10 right, 9 close, a share for partial), and for a
    right or close answer up to SPEED_BONUS more the sooner it came (linear over the countdown)."""
    if verdict.verdict == "correct":
        base = full
    elif verdict.verdict == "close":
        base = close
    elif verdict.verdict == "partial":
        return round(full * verdict.score)
    else:
        return 0
    share = max(0.0, 1.0 - max(0.0, elapsed) / seconds) if seconds > 0 else 0.0
    return base + round(SPEED_BONUS * share)


def grade_live(question: Question, text: str, lexicon: Lexicon, elapsed: float, seconds: float) -> Answered:
    """Grade a live answer typed `elapsed` seconds after its question opened."""
    from ..grading import grade
    from ..session import MAX_ANSWER_CHARS, Answered

    typed = text[:MAX_ANSWER_CHARS]
    verdict = grade(question, typed, lexicon)  # a choice's number or y/n is the grader's to read
    points = live_points(verdict, elapsed, seconds)
    return Answered(question, typed, verdict, 0, round(max(0.0, elapsed), 2), points, 0)


@dataclass(frozen=True)
class HostView:
    """What the host's screen shows now, read in one go."""

    phase: str
    number: int  # the question (0-based) open, or just closed
    total: int
    seconds: float
    seconds_left: float
    step: int
    players: tuple[str, ...]  # in the order they joined
    answered: int  # answers to the current question
    spread: Spread | None  # after a question closes
    board: tuple[BoardRow, ...]
    hardest: tuple[QuestionStat, ...]  # on the podium


class LiveGame:
    """The host's side of a live class: read where the game is, and move it on."""

    def __init__(self, store: Store, klass: ClassRow, *, now: Callable[[], datetime]) -> None:
        self.store = store
        self.klass = klass
        self.now = now
        self.state: GameRow = store.open_game(klass.class_id, float(klass.seconds or 20))

    @property
    def total(self) -> int:
        return len(self.klass.question_ids)

    @property
    def question_id(self) -> str:
        return self.klass.question_ids[min(self.state.number, self.total - 1)]

    def refresh(self) -> GameRow:
        found = self.store.game(self.klass.class_id)
        if found is not None:
            self.state = found
        return self.state

    def players(self) -> list[str]:
        """Who has joined, in the order they came."""
        return [
            s.player for s in sorted(self.store.standings(self.klass.class_id), key=lambda s: s.joined_at)
        ]

    def answered(self) -> int:
        """How many have answered the open question."""
        qid = self.question_id
        return sum(1 for row in self.store.answers(class_id=self.klass.class_id) if row.question_id == qid)

    def next(self) -> GameRow:
        """Move on: lobby → first question → its spread → the board → the next question … → podium."""
        s = self.refresh()
        if s.phase == "lobby":
            target = ("question", 0, True)
        elif s.phase == "question":
            target = ("spread", s.number, False)
        elif s.phase == "spread":
            target = ("board", s.number, False)
        elif s.phase == "board" and s.number + 1 < self.total:
            target = ("question", s.number + 1, True)
        elif s.phase == "board":
            target = ("podium", s.number, False)
        else:
            return s
        phase, number, open_now = target
        moved = self.store.move_game(s, phase, number, open_now=open_now)
        if moved is None:
            return self.refresh()
        if phase == "podium":  # the game is over: every student's quiz of it is finished
            self.store.finish_seats(self.klass.class_id)
        return self._set(moved)

    def auto_due(self, since: float, clock: float, auto: float, seated: int) -> bool:
        """With `--auto SECONDS`: whether the phase shown since `since` should move on by itself
        (the lobby waits for a first student; a question closes by its countdown instead)."""
        phase = self.state.phase
        if phase in ("question", "podium") or (phase == "lobby" and seated == 0):
            return False
        return clock - since >= auto

    def close_if_due(self, seated: int, answered: int) -> bool:
        """Close the open question when its countdown is over or every student has answered."""
        s = self.state
        if s.phase != "question":
            return False
        if s.seconds_left(self.now()) > 0 and (seated == 0 or answered < seated):
            return False
        self.next()
        return True

    def spread(self, number: int | None = None) -> Spread:
        """How the class answered question `number` (default: the current one)."""
        from ..text import normalise

        qid = self.klass.question_ids[self.state.number if number is None else number]
        rows = [r for r in self.store.answers(class_id=self.klass.class_id) if r.question_id == qid]
        counts = Counter(r.verdict for r in rows)
        wrong: Counter[str] = Counter()
        shown: dict[str, str] = {}
        for r in rows:
            if r.verdict in ("incorrect", "partial") and r.typed.strip():
                key = normalise(r.typed) or r.typed.strip()
                wrong[key] += 1
                shown.setdefault(key, " ".join(r.typed.split()))
        seated = len(self.store.standings(self.klass.class_id))
        return Spread(
            right=counts["correct"],
            close=counts["close"],
            partial=counts["partial"],
            wrong=counts["incorrect"] + counts["skipped"],
            silent=max(0, seated - len(rows)),
            common_wrong=tuple((shown[k], n) for k, n in wrong.most_common(3)),
        )

    def board(self) -> list[BoardRow]:
        return board(self.store, self.klass)

    def hardest(self, count: int = 3) -> list[QuestionStat]:
        """The class's hardest questions (of those asked)."""
        stats = question_stats(self.klass, self.store.answers(class_id=self.klass.class_id))
        return [s for s in stats if s.answered][:count]

    def view(self) -> HostView:
        """Where the game is and what to show of it (closing the open question when it is due)."""
        state = self.refresh()
        players = tuple(self.players())
        answered = self.answered() if state.phase != "lobby" else 0
        if state.phase == "question" and self.close_if_due(len(players), answered):
            state = self.state
        phase = state.phase
        return HostView(
            phase=phase,
            number=state.number,
            total=self.total,
            seconds=state.seconds,
            seconds_left=state.seconds_left(self.now()),
            step=state.step,
            players=players,
            answered=answered,
            spread=self.spread() if phase in ("spread", "board", "podium") else None,
            board=tuple(self.board()) if phase in ("board", "podium") else (),
            hardest=tuple(self.hardest()) if phase == "podium" else (),
        )

    def _set(self, state: GameRow) -> GameRow:
        self.state = state
        return state


def standing_of(rows: Sequence[BoardRow], player: str) -> BoardRow | None:
    """A student's line of the board."""
    for row in rows:
        if row.player == player:
            return row
    return None


def ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 21st."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
