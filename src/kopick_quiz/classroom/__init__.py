"""Classes: a teacher's fixed set of questions that students join with a short code. No UI.

A class is stored (its questions, mode and times); each student who joins gets a seat: one quiz
of the class's questions, and a rejoin key that proves the seat is theirs. The board and the
per-question accuracy are computed here from the stored answers, for every shell alike.
"""

from __future__ import annotations

from .classes import (
    CODE_ALPHABET,
    CODE_LENGTH,
    EXAM_SECONDS_PER_QUESTION,
    MAX_NAME_CHARS,
    MODES,
    BoardRow,
    ClassError,
    NameTaken,
    QuestionStat,
    board,
    class_questions,
    clean_name,
    create_class,
    dispute_answer,
    find_open_class,
    join,
    name_key,
    new_code,
    normalise_code,
    question_stats,
    sentence,
    time_left,
)

__all__ = [
    "CODE_ALPHABET",
    "CODE_LENGTH",
    "EXAM_SECONDS_PER_QUESTION",
    "MAX_NAME_CHARS",
    "MODES",
    "BoardRow",
    "ClassError",
    "NameTaken",
    "QuestionStat",
    "board",
    "class_questions",
    "clean_name",
    "create_class",
    "dispute_answer",
    "find_open_class",
    "join",
    "name_key",
    "new_code",
    "normalise_code",
    "question_stats",
    "sentence",
    "time_left",
]
