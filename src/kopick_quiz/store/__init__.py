"""The store: players, quizzes, every answer as it is given, review cards, classes and games.

One interface (`Store`, in core.py: every query written once) over two backends: SQLite in the
user's data folder (sqlite.py, the default) and PostgreSQL for a school (postgres.py). See
docs/data.md for what is kept where, and docs/contributing.md ("The store") for how to add to it.
"""

from __future__ import annotations

from .core import Store
from .games import LIVE_GRACE_S, DisputeRow, GameRow
from .model import (
    ACCEPTED,
    EXAM_GRACE_S,
    MAX_PLAYER_CHARS,
    VERDICTS,
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
    utcnow,
)
from .sqlite import APPLICATION_ID, BUSY_TIMEOUT_S, DB_NAME, MIGRATIONS, SCHEMA_VERSION
from .url import describe, is_postgres, redact

__all__ = [
    "ACCEPTED",
    "LIVE_GRACE_S",
    "APPLICATION_ID",
    "BUSY_TIMEOUT_S",
    "DB_NAME",
    "EXAM_GRACE_S",
    "MAX_PLAYER_CHARS",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "VERDICTS",
    "AnswerRow",
    "CardRow",
    "DisputeRow",
    "GameRow",
    "ClassRow",
    "Clock",
    "QuizRow",
    "Refused",
    "Seat",
    "SeatTaken",
    "Standing",
    "Store",
    "StoreError",
    "Unfinished",
    "describe",
    "is_postgres",
    "redact",
    "utcnow",
]
