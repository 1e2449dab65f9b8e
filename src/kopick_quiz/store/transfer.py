"""Copying a whole store between backends (SQLite <-> PostgreSQL), checked; and a store's checks.

A copy reads every table of the source in one snapshot, writes them to the target in one
transaction (ids kept, so answers still point at their quizzes), then reads the target back: the
row count and a content hash of every table must match the source's, or the copy is reported bad.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass

from .backend import Db
from .core import Store
from .model import StoreError

# Every table, parents before children (the order rows can be inserted in). A new table goes here.
TABLES = (
    "players",
    "player_settings",
    "quizzes",
    "answers",
    "cards",
    "classes",
    "seats",
    "games",
    "disputes",
)
_MODULUS = 1 << 256


@dataclass(frozen=True)
class TableCheck:
    """One table's rows in the source and the target: how many, and their content hash."""

    table: str
    source_rows: int
    target_rows: int
    source_hash: str
    target_hash: str

    @property
    def ok(self) -> bool:
        return self.source_rows == self.target_rows and self.source_hash == self.target_hash


def _canonical(value: object) -> object:
    # Both backends give ints, floats, text and None; a float is hashed by its exact value.
    if isinstance(value, float):
        return value.hex()
    if isinstance(value, bytes | memoryview):
        return bytes(value).hex()
    return value


def row_digest(row: Sequence[object]) -> int:
    text = json.dumps([_canonical(v) for v in row], ensure_ascii=False, separators=(",", ":"))
    return int.from_bytes(hashlib.sha256(text.encode()).digest(), "big")


def _columns(db: Db, table: str) -> list[str]:
    cur = db.execute(f"SELECT * FROM {table} LIMIT 0")
    return [d[0] for d in cur.description]  # type: ignore[attr-defined]


def _summary(db: Db, table: str, columns: list[str]) -> tuple[int, str]:
    """Rows and content hash of a table: the sum of its rows' digests, so no order is needed
    (SQLite and PostgreSQL sort text differently) and a row twice counts twice."""
    total = count = 0
    for row in db.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall():
        total = (total + row_digest(row)) % _MODULUS
        count += 1
    return count, f"{total:064x}"


def table_summaries(store: Store) -> dict[str, tuple[int, str]]:
    """Every table's row count and content hash, read in one snapshot."""

    def work(db: Db) -> dict[str, tuple[int, str]]:
        return {t: _summary(db, t, _columns(db, t)) for t in TABLES}

    return store.backend.read(work)


def row_counts(store: Store) -> dict[str, int]:
    def work(db: Db) -> dict[str, int]:
        return {t: int(db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]) for t in TABLES}

    return store.backend.read(work)


def copy_store(source: Store, target: Store, *, force: bool = False) -> list[TableCheck]:
    """Copy every row of `source` into `target`, then compare counts and hashes table by table.

    Refuses (StoreError) a target that holds rows unless `force`, which empties it first.
    """
    same_file = (
        source.path is not None and target.path is not None and source.path.resolve() == target.path.resolve()
    )
    if source.where == target.where or same_file:
        raise StoreError(f"the source and the target are the same store ({source.where})")
    held = {t: n for t, n in row_counts(target).items() if n}
    if held and not force:
        what = ", ".join(f"{n} {t}" for t, n in held.items())
        raise StoreError(
            f"{target.where} is not empty ({what}); add --force to replace what it holds with the copy"
        )

    def read(db: Db) -> dict[str, tuple[list[str], list[tuple[object, ...]]]]:
        return {
            t: (
                cols := _columns(db, t),
                [tuple(r) for r in db.execute(f"SELECT {', '.join(cols)} FROM {t}").fetchall()],
            )
            for t in TABLES
        }

    tables = source.backend.read(read)
    sums: dict[str, tuple[int, str]] = {}
    for table, (_, rows) in tables.items():
        total = 0
        for row in rows:
            total = (total + row_digest(row)) % _MODULUS
        sums[table] = (len(rows), f"{total:064x}")

    def write(db: Db) -> None:
        for table in reversed(TABLES):
            db.execute(f"DELETE FROM {table}")
        for table, (columns, rows) in tables.items():
            if rows:
                marks = ", ".join("?" for _ in columns)
                db.many(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)
        target.backend.after_copy(db)

    target.backend.write(write)
    copied = table_summaries(target)
    return [TableCheck(t, sums[t][0], copied[t][0], sums[t][1], copied[t][1]) for t in TABLES]


def check_store(store: Store) -> list[str]:
    """What is wrong with a store (empty: nothing found): the backend's own checks, then the
    relations and values every backend must keep."""
    problems = list(store.backend.integrity_problems())

    def work(db: Db) -> list[str]:
        found = []
        orphans = [
            ("quizzes", "player_id", "players"),
            ("answers", "quiz_id", "quizzes"),
            ("cards", "player_id", "players"),
            ("player_settings", "player_id", "players"),
            ("seats", "class_id", "classes"),
            ("seats", "quiz_id", "quizzes"),
            ("seats", "player_id", "players"),
            ("games", "class_id", "classes"),
            ("disputes", "answer_id", "answers"),
        ]
        for table, column, parent in orphans:
            n = db.execute(
                f"SELECT COUNT(*) FROM {table} t WHERE NOT EXISTS (SELECT 1 FROM {parent} p WHERE p.id = t.{column})"
            ).fetchone()[0]
            if n:
                found.append(f"{n} {table} row(s) point to a missing {parent} row ({column})")
        n = db.execute(
            "SELECT COUNT(*) FROM seats s JOIN quizzes q ON q.id = s.quiz_id WHERE q.player_id <> s.player_id"
        ).fetchone()[0]
        if n:
            found.append(f"{n} class seat(s) hold another player's quiz")
        for table, column in (
            ("quizzes", "question_ids"),
            ("answers", "tags"),
            ("classes", "question_ids"),
            ("cards", "card"),
            ("player_settings", "value"),
        ):
            bad = 0
            for (text,) in db.execute(f"SELECT {column} FROM {table}").fetchall():
                try:
                    json.loads(text)
                except (TypeError, ValueError):
                    bad += 1
            if bad:
                found.append(f"{bad} {table} row(s) have unreadable {column}")
        return found

    problems += store.backend.read(work)
    return problems
