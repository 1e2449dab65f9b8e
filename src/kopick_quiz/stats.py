"""A player's progress, computed from the recorded answers: for the stats screen and `stats --json`.

Pure functions over `AnswerRow`s (and the quiz and card rows beside them); `player_stats` reads
them from a store. `write_csv` is the teachers' `results --csv`.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any, TextIO

from .review import FORECAST_DAYS, forecast_from_cards
from .session import TagScore
from .store import AnswerRow, QuizRow
from .store.model import ALL_PACKS
from .tags import is_era, tag_label

if TYPE_CHECKING:
    import fsrs

    from .facts.base import FactBase
    from .store import CardRow, Store

WEAK_RECALL = 0.9  # below the retention FSRS aims for: a card is being forgotten
WEAKEST_LIMIT = 10
CURVE_DAYS = (0, 1, 2, 3, 5, 7, 10, 14, 21, 30)  # the days ahead the forgetting curve is drawn at


@dataclass(frozen=True)
class SessionScore:
    """How one quiz went."""

    quiz_id: int
    pack: str
    mode: str
    started_at: datetime
    status: str  # open, finished or abandoned
    answered: int
    right: int
    points: int

    @property
    def accuracy(self) -> float:
        return self.right / self.answered if self.answered else 0.0


@dataclass(frozen=True)
class WeakQuestion:
    question_id: str
    attempts: int
    misses: int
    last_verdict: str
    recall: float | None  # the predicted chance of recalling it now; None without a card
    prompt: str | None = None  # the question as asked, when its pack is known
    due: datetime | None = None  # when its card is next due for review
    reviews: int = 0  # how many answers its schedule rests on: the more, the surer it is

    @property
    def accuracy(self) -> float:
        return (self.attempts - self.misses) / self.attempts if self.attempts else 0.0


@dataclass(frozen=True)
class Totals:
    quizzes: int
    answers: int
    right: int
    points: int
    hints: int
    seconds: float
    questions_seen: int
    days_active: int
    first_at: datetime | None
    last_at: datetime | None

    @property
    def accuracy(self) -> float:
        return self.right / self.answers if self.answers else 0.0


@dataclass(frozen=True)
class Retention:
    """How well the questions met are kept: the forgetting curve ahead and the record so far."""

    cards: int  # questions with a review card
    curve: tuple[tuple[int, float], ...]  # (days from now, mean predicted recall) if nothing is reviewed
    target: float  # the recall the schedule aims for when a card falls due
    right: int  # right answers to questions met before
    total: int  # answers to questions met before

    @property
    def measured(self) -> float | None:
        """The share of questions met before that were answered right (None before any)."""
        return self.right / self.total if self.total else None


NO_RETENTION = Retention(0, (), 0.9, 0, 0)


@dataclass(frozen=True)
class Stats:
    """Everything the stats screen and `stats --json` show for one player."""

    player: str
    generated_at: datetime
    totals: Totals
    sessions: tuple[SessionScore, ...]
    by_tag: tuple[TagScore, ...]
    by_era: tuple[TagScore, ...]
    due: tuple[tuple[date, int], ...]  # cards due per day, today first (today includes overdue)
    due_now: int
    weakest: tuple[WeakQuestion, ...]
    retention: Retention = NO_RETENTION
    labels: Mapping[str, str] = field(default_factory=dict)  # tag -> how people read it

    def label(self, tag: str) -> str:
        """The tag as people read it ("Mr. Go" for `mr-go`)."""
        return self.labels.get(tag) or tag_label(tag)


# -- pure computations -------------------------------------------------------------------------------


def sessions(rows: Iterable[AnswerRow], quizzes: Iterable[QuizRow] = ()) -> list[SessionScore]:
    """Score per quiz, oldest first; quizzes without answers are left out."""
    status = {q.quiz_id: q for q in quizzes}
    grouped: dict[int, list[AnswerRow]] = defaultdict(list)
    for row in rows:
        grouped[row.quiz_id].append(row)
    out = []
    for quiz_id, answers in grouped.items():
        quiz = status.get(quiz_id)
        out.append(
            SessionScore(
                quiz_id=quiz_id,
                pack=answers[0].pack,
                mode=answers[0].mode,
                started_at=quiz.started_at if quiz else answers[0].answered_at,
                status=quiz.status if quiz else "unknown",
                answered=len(answers),
                right=sum(a.accepted for a in answers),
                points=sum(a.points for a in answers),
            )
        )
    return sorted(out, key=lambda s: (s.started_at, s.quiz_id))


def accuracy_by_tag(rows: Iterable[AnswerRow], *, eras: bool = False) -> list[TagScore]:
    """Right answers per tag: topic tags weakest first, or (eras=True) decade tags in time order."""
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    wanted: dict[str, bool] = {}  # tag -> whether it is counted here: a few tags, many rows
    for row in rows:
        for tag in dict.fromkeys(row.tags):
            keep = wanted.get(tag)
            if keep is None:
                keep = wanted[tag] = is_era(tag) == eras
            if keep:
                tally[tag][0] += row.accepted
                tally[tag][1] += 1
    scores = [TagScore(tag, right, total) for tag, (right, total) in tally.items()]
    if eras:
        return sorted(scores, key=lambda s: s.tag)
    return sorted(scores, key=lambda s: (s.accuracy, -s.total, s.tag))


def weakest(
    rows: Iterable[AnswerRow],
    recall: Mapping[str, float] | None = None,
    limit: int = WEAKEST_LIMIT,
    *,
    prompts: Mapping[str, str] | None = None,
    due: Mapping[str, datetime] | None = None,
    reviews: Mapping[str, int] | None = None,
) -> list[WeakQuestion]:
    """The questions most missed (then least likely recalled now); never-missed, well-kept ones are not weak."""
    recall = recall or {}
    prompts = prompts or {}
    due = due or {}
    reviews = reviews or {}
    attempts: dict[str, list[AnswerRow]] = defaultdict(list)
    for row in rows:
        attempts[row.question_id].append(row)
    found = []
    for qid, answers in attempts.items():
        misses = sum(not a.accepted for a in answers)
        chance = recall.get(qid)
        if misses or (chance is not None and chance < WEAK_RECALL):
            found.append(
                WeakQuestion(
                    qid,
                    len(answers),
                    misses,
                    answers[-1].verdict,
                    chance,
                    prompts.get(qid),
                    due.get(qid),
                    reviews.get(qid, 0),
                )
            )
    found.sort(key=lambda w: (-w.misses, 1.0 if w.recall is None else w.recall, w.accuracy, w.question_id))
    return found[:limit]


def totals(rows: Iterable[AnswerRow], tz: Any = None) -> Totals:
    """Counts over every answer; days are counted in `tz` (default: local time)."""
    rows = list(rows)
    times = [r.answered_at for r in rows]
    return Totals(
        quizzes=len({r.quiz_id for r in rows}),
        answers=len(rows),
        right=sum(r.accepted for r in rows),
        points=sum(r.points for r in rows),
        hints=sum(r.hints for r in rows),
        seconds=round(sum(r.seconds for r in rows), 2),
        questions_seen=len({r.question_id for r in rows}),
        days_active=len({t.astimezone(tz).date() for t in times}),
        first_at=min(times, default=None),
        last_at=max(times, default=None),
    )


def met_before(rows: Iterable[AnswerRow]) -> tuple[int, int]:
    """(right, total) over the answers to questions the player had met before."""
    seen: set[str] = set()
    right = total = 0
    for row in rows:
        if row.question_id in seen:
            total += 1
            right += row.accepted
        else:
            seen.add(row.question_id)
    return right, total


def forgetting_curve(
    scheduler: fsrs.Scheduler, cards: Iterable[fsrs.Card], now: datetime, days: Sequence[int] = CURVE_DAYS
) -> list[tuple[int, float]]:
    """The mean predicted recall of `cards` on each of `days` (days from now) if none is reviewed."""
    cards = [c for c in cards if c.last_review is not None and c.stability]
    if not cards:
        return []
    when = now.astimezone(UTC)
    recall = scheduler.get_card_retrievability
    curve = []
    for d in days:
        then = when + timedelta(days=d)
        curve.append((d, sum(recall(card, then) for card in cards) / len(cards)))
    return curve


def retention(
    rows: Sequence[AnswerRow], cards: Mapping[str, CardRow], scheduler: fsrs.Scheduler, now: datetime
) -> Retention:
    """The forgetting curve of the player's cards and their record on questions met before."""
    right, total = met_before(rows)
    curve = forgetting_curve(scheduler, (c.card for c in cards.values()), now)
    return Retention(len(cards), tuple(curve), float(scheduler.desired_retention), right, total)


def build(
    player: str,
    rows: Sequence[AnswerRow],
    now: datetime,
    *,
    quizzes: Iterable[QuizRow] = (),
    due: Sequence[tuple[date, int]] = (),
    due_now: int = 0,
    recall: Mapping[str, float] | None = None,
    retention: Retention = NO_RETENTION,
    labels: Mapping[str, str] | None = None,
    prompts: Mapping[str, str] | None = None,
    due_at: Mapping[str, datetime] | None = None,
    reviews: Mapping[str, int] | None = None,
) -> Stats:
    """Put one player's stats together from rows already read.

    `labels` names tags (tag -> label; missing ones are worded from the tag), `prompts` the
    questions, `due_at` when each card is next due.
    """
    tz = now.tzinfo
    by_tag = tuple(accuracy_by_tag(rows))
    by_era = tuple(accuracy_by_tag(rows, eras=True))
    labels = labels or {}
    return Stats(
        player=player,
        generated_at=now,
        totals=totals(rows, tz),
        sessions=tuple(sessions(rows, quizzes)),
        by_tag=by_tag,
        by_era=by_era,
        due=tuple(due),
        due_now=due_now,
        weakest=tuple(weakest(rows, recall, prompts=prompts, due=due_at, reviews=reviews)),
        retention=retention,
        labels={s.tag: labels.get(s.tag) or tag_label(s.tag) for s in by_tag + by_era},
    )


def player_stats(
    store: Store,
    player: str,
    now: datetime,
    *,
    days: int = FORECAST_DAYS,
    base: FactBase | None = None,
    prompts: Mapping[str, str] | None = None,
) -> Stats:
    """Read one player's answers, quizzes and cards from `store` and compute their stats.

    With the fact base, tags are named from it; with `prompts` (question id -> prompt), the
    weakest questions are shown as asked.
    """
    now = now.astimezone() if now.tzinfo is None else now
    rows = list(store.answers(player))
    cards = store.cards(player)
    when = now.astimezone(UTC)
    recall = {qid: float(store.scheduler.get_card_retrievability(c.card, when)) for qid, c in cards.items()}
    tags = {t for r in rows for t in r.tags}
    return build(
        player,
        rows,
        now,
        quizzes=store.quizzes(player),
        due=forecast_from_cards(cards, days, now),
        due_now=sum(c.due <= now for c in cards.values()),
        recall=recall,
        retention=retention(rows, cards, store.scheduler, now),
        labels={t: tag_label(t, base) for t in tags},
        prompts=prompts,
        due_at={qid: c.due for qid, c in cards.items()},
        reviews={qid: c.reviews for qid, c in cards.items()},
    )


# -- output -------------------------------------------------------------------------------------------


def to_json(stats: Stats) -> dict[str, Any]:
    """The `stats --json` object (docs/data.md describes it)."""
    t = stats.totals
    return {
        "player": stats.player,
        "generated_at": stats.generated_at.isoformat(timespec="seconds"),
        "totals": {
            "quizzes": t.quizzes,
            "answers": t.answers,
            "right": t.right,
            "accuracy": round(t.accuracy, 4),
            "points": t.points,
            "hints": t.hints,
            "seconds": t.seconds,
            "questions_seen": t.questions_seen,
            "days_active": t.days_active,
            "first_at": _iso(t.first_at),
            "last_at": _iso(t.last_at),
        },
        "sessions": [
            {
                "quiz_id": s.quiz_id,
                "pack": s.pack,
                "mode": s.mode,
                "started_at": _iso(s.started_at),
                "status": s.status,
                "answered": s.answered,
                "right": s.right,
                "accuracy": round(s.accuracy, 4),
                "points": s.points,
            }
            for s in stats.sessions
        ],
        "by_tag": [_tag_json(s, stats.label(s.tag)) for s in stats.by_tag],
        "by_era": [_tag_json(s, stats.label(s.tag)) for s in stats.by_era],
        "due_now": stats.due_now,
        "due": [{"date": d.isoformat(), "count": n} for d, n in stats.due],
        "retention": {
            "cards": stats.retention.cards,
            "target": stats.retention.target,
            "met_before": {"right": stats.retention.right, "total": stats.retention.total},
            "curve": [{"days": d, "recall": round(r, 4)} for d, r in stats.retention.curve],
        },
        "weakest": [
            {
                "question_id": w.question_id,
                "prompt": w.prompt,
                "due": _iso(w.due),
                "attempts": w.attempts,
                "misses": w.misses,
                "accuracy": round(w.accuracy, 4),
                "last_verdict": w.last_verdict,
                "recall": None if w.recall is None else round(w.recall, 4),
                "reviews": w.reviews,
            }
            for w in stats.weakest
        ],
    }


def to_text(stats: Stats) -> str:
    """The plain-text report of `kopick-quiz stats`."""
    tz = stats.generated_at.tzinfo
    t = stats.totals
    lines = [f"Progress of {stats.player}", *summary_lines(stats)]
    if not t.answers:
        return "\n".join(lines) + "\n"
    lines += ["", "Score per quiz"]
    for s in stats.sessions[-20:]:
        when = s.started_at.astimezone(tz).strftime("%Y-%m-%d %H:%M")
        status = "" if s.status == "finished" else f"  ({s.status})"
        pack = "all packs" if s.pack == ALL_PACKS else s.pack
        lines.append(
            f"  {when}  {pack} ({s.mode})  {s.right}/{s.answered}  {_pct(s.accuracy)}  {s.points} pts{status}"
        )
    for title, scores in (
        ("Accuracy by tag, weakest first", stats.by_tag),
        ("Accuracy by era", stats.by_era),
    ):
        if scores:
            width = max(len(stats.label(s.tag)) for s in scores)
            lines += ["", title]
            lines += [
                f"  {stats.label(s.tag):<{width}}  {s.right}/{s.total}  {_pct(s.accuracy)}" for s in scores
            ]
    lines += ["", f"Due for review: {stats.due_now} now"]
    days = [f"{'today' if i == 0 else d.strftime('%a %d')}: {n}" for i, (d, n) in enumerate(stats.due)]
    lines += ["  " + "  ".join(days[i : i + 7]) for i in range(0, len(days), 7)]
    kept = retention_lines(stats)
    if kept:
        lines += ["", "Retention", *kept]
    weak = weakest_lines(stats)
    if weak:
        lines += ["", "Weakest questions", *weak]
    return "\n".join(lines) + "\n"


def summary_lines(stats: Stats) -> list[str]:
    """The totals in a sentence (or what to do first, with no answers yet)."""
    t = stats.totals
    if not t.answers:
        return ["  no answers yet: play a quiz with `kopick-quiz play`"]
    return [
        f"  {t.answers} answer{_s(t.answers)} in {t.quizzes} quiz{'zes' * (t.quizzes != 1)}, "
        f"{t.right} right ({_pct(t.accuracy)}), {t.points} points, "
        f"{t.questions_seen} question{_s(t.questions_seen)} seen on {t.days_active} day{_s(t.days_active)}"
    ]


def retention_lines(stats: Stats) -> list[str]:
    """How well the questions met are kept, in words: the record so far, then the curve ahead."""
    r = stats.retention
    lines = []
    if r.measured is not None:
        lines.append(
            f"  questions met before: {r.right:,} of {r.total:,} answered right ({_pct(r.measured)})"
        )
    curve = dict(r.curve)
    week, month = curve.get(7), curve.get(CURVE_DAYS[-1])
    if week is not None and month is not None:
        lines.append(
            f"  with no more review, you would still recall about {_pct(week)} of your {r.cards:,} "
            f"question{_s(r.cards)} in a week and {_pct(month)} in a month"
        )
    return lines


def weakest_lines(stats: Stats) -> list[str]:
    """The weakest questions, as asked (their ids when the pack is not known), with their record."""
    lines = []
    for w in stats.weakest:
        chance = "" if w.due is None else f" · {schedule_words(w, stats.generated_at)}"
        if w.prompt:
            lines += [f"  {w.prompt}", f"      missed {w.misses} of {w.attempts}{chance}  ({w.question_id})"]
        else:
            lines.append(f"  {w.question_id}  missed {w.misses} of {w.attempts}{chance}")
    return lines


def schedule_words(weak: WeakQuestion, now: datetime) -> str:
    """When a question comes back and how far to trust that, as a student would say it.

    `review again tomorrow (a first guess, from 1 answer)`: the schedule (FSRS) knows a question
    better with every answer, so a date drawn from one answer is a guess, from several a habit.
    """
    if weak.due is None:
        return ""
    days = (weak.due.astimezone(now.tzinfo).date() - now.date()).days
    if weak.due <= now:
        when = "due for review now"
    elif days <= 0:
        when = "review again later today"
    elif days == 1:
        when = "review again tomorrow"
    elif days < 14:
        when = f"review again in {days} days"
    else:
        when = f"review again on {weak.due.astimezone(now.tzinfo).strftime('%-d %B')}"
    n = weak.reviews
    answers = f"{n} answer{_s(n)}"
    if n <= 1:
        sure = f"a first guess, from {answers}"
    elif n <= 3:
        sure = f"still settling, from {answers}"
    else:
        sure = f"a settled schedule, from {answers}"
    return f"{when} ({sure})"


CSV_COLUMNS = (
    "player",
    "quiz_id",
    "pack",
    "mode",
    "question_id",
    "answered_at",
    "answer",
    "verdict",
    "score",
    "points",
    "hints",
    "seconds",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def write_csv(rows: Iterable[AnswerRow], out: TextIO, *, lineterminator: str = "\r\n") -> int:
    """Write one CSV row per answer (header first) to `out`; returns how many rows.

    Open a file for it with newline="". Text a spreadsheet would run as a formula gets a ' first.
    """
    writer = csv.writer(out, lineterminator=lineterminator)
    writer.writerow(CSV_COLUMNS)
    count = 0
    for r in rows:
        writer.writerow(
            (
                _cell(r.player),
                r.quiz_id,
                _cell(r.pack),
                _cell(r.mode),
                _cell(r.question_id),
                r.answered_at.astimezone(UTC).isoformat(timespec="seconds"),
                _cell(r.typed),
                r.verdict,
                f"{r.score:g}",
                r.points,
                r.hints,
                f"{r.seconds:g}",
            )
        )
        count += 1
    return count


def _cell(text: str) -> str:
    """Text as a spreadsheet shows it, never as a formula it runs."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def _tag_json(s: TagScore, label: str) -> dict[str, Any]:
    return {
        "tag": s.tag,
        "label": label,
        "right": s.right,
        "total": s.total,
        "accuracy": round(s.accuracy, 4),
    }


def _iso(when: datetime | None) -> str | None:
    return None if when is None else when.isoformat(timespec="seconds")


def _pct(x: float) -> str:
    return f"{round(x * 100)}%"


def _s(n: int) -> str:
    return "s" * (n != 1)


__all__ = [
    "CSV_COLUMNS",
    "Retention",
    "SessionScore",
    "Stats",
    "TagScore",
    "Totals",
    "WeakQuestion",
    "accuracy_by_tag",
    "build",
    "forgetting_curve",
    "is_era",
    "met_before",
    "retention_lines",
    "summary_lines",
    "player_stats",
    "retention",
    "sessions",
    "to_json",
    "to_text",
    "totals",
    "weakest",
    "weakest_lines",
    "write_csv",
]
