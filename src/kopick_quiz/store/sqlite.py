"""The SQLite backend: the history in one file, `kopick.db`, in the user's data dir (the default).

Every answer is its own committed transaction, so a crash or a kill loses at most the answer being
typed. The file is checked at open: a file that is not ours, or is damaged, is kept aside (never
silently treated as an empty history) and a new one is started beside it; a file from a newer
version is left untouched. See docs/data.md.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import NamedTuple, TypeVar

from .backend import Cursor
from .model import Clock, StoreError

T = TypeVar("T")

DB_NAME = "kopick.db"
APPLICATION_ID = 0x4B515A31  # "KQZ1": marks a SQLite file as a kopick-quiz history
BUSY_TIMEOUT_S = 10.0  # how long one process waits for another's write to finish
# A write waits for the lock this many times before giving up (a minute in all): a class of 40
# on a loaded machine must not lose an answer to one long wait.
WRITE_TRIES = 6
STALE_LEFTOVER_S = 3600  # a half-made history file older than this is debris

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
    (
        # A player's own preferences (the home screen's last choices, the theme): theirs on every
        # machine that shares the store. One row a setting; the value is JSON.
        """CREATE TABLE player_settings (
            player_id INTEGER NOT NULL REFERENCES players(id),
            key TEXT NOT NULL,
            value TEXT NOT NULL,          -- JSON
            updated_at TEXT NOT NULL,
            PRIMARY KEY (player_id, key)
        ) WITHOUT ROWID""",
    ),
]
SCHEMA_VERSION = len(MIGRATIONS)


class _Db:
    """A transaction's connection, as the store's queries use it."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def execute(self, sql: str, params: Sequence[object] = ()) -> Cursor:
        return self._conn.execute(sql, params)

    def insert(self, sql: str, params: Sequence[object] = ()) -> int:
        return int(self._conn.execute(sql, params).lastrowid or 0)

    def lock(self, table: str, row_id: int) -> None:
        """Nothing to do: BEGIN IMMEDIATE holds the whole file for the transaction."""

    def many(self, sql: str, rows: Sequence[Sequence[object]]) -> None:
        self._conn.executemany(sql, rows)


class SQLiteBackend:
    """One SQLite file; one connection, used by one thread at a time."""

    kind = "sqlite"

    def __init__(self, conn: sqlite3.Connection, path: Path, notice: str | None = None) -> None:
        self._conn = conn
        self._db = _Db(conn)
        self.path: Path | None = path
        self._file = path
        self.where = str(path)
        self.notice = notice
        # The TUI may call from worker threads; one connection, one call at a time.
        self._lock = threading.RLock()

    @classmethod
    def open(cls, path: Path, clock: Clock) -> SQLiteBackend:
        """Open (creating if need be) the history file at `path`; raises StoreError."""
        folder = path.parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(
                f"cannot create the data folder {folder}: {_reason(exc)}; "
                "choose another with --data-dir or KOPICK_QUIZ_HOME"
            ) from None
        notice = None
        _clear_stale_leftovers(path)
        conn = _open_checked(path, clock)
        if isinstance(conn, _SetAside):
            aside, why = conn
            notice = f"{path} {why}; it is kept as {aside.name} and a new, empty history was started"
            conn = _open_checked(path, clock)
            if isinstance(conn, _SetAside):  # pragma: no cover - a file we just made is ours
                raise StoreError(f"{path} {conn.problem}")
        return cls(conn, path, notice)

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def write(self, work: Callable[[_Db], T], *, serializable: bool = False) -> T:
        # BEGIN IMMEDIATE takes the write lock up front: a deferred transaction that reads and
        # then writes can fail with "database is locked" at once, busy timeout or not.
        with self._lock, _translated(self._file):
            for attempt in range(WRITE_TRIES):
                try:
                    self._conn.execute("BEGIN IMMEDIATE")
                    break
                except sqlite3.OperationalError as exc:  # nothing done yet: waiting again is safe
                    if attempt == WRITE_TRIES - 1 or not _is_busy(exc):
                        raise
            try:
                result = work(self._db)
            except BaseException:
                with suppress(sqlite3.Error):  # the error that got us here is the one to report
                    self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")
            return result

    def read(self, work: Callable[[_Db], T]) -> T:
        with self._lock, _translated(self._file):
            self._conn.execute("BEGIN")
            try:
                result = work(self._db)
            except BaseException:
                with suppress(sqlite3.Error):
                    self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")
            return result

    def integrity_problems(self) -> list[str]:
        """SQLite's full integrity check and its foreign key check."""

        def work(db: _Db) -> list[str]:
            found = [r[0] for r in db.execute("PRAGMA integrity_check").fetchall()]
            problems = [] if found == ["ok"] else found
            for table, rowid, parent, _ in db.execute("PRAGMA foreign_key_check").fetchall():
                problems.append(f"{table} row {rowid} points to a missing {parent} row")
            return problems

        return self.read(work)

    def after_copy(self, db: _Db) -> None:
        """Nothing to do: SQLite gives a new row the id after the highest."""

    def backup(self, target: Path) -> None:
        """A consistent copy of the file, even while answers are being recorded."""
        if target.exists():
            raise StoreError(f"{target} already exists; choose a new file name for the backup")
        with self._lock, _translated(target):
            copy = sqlite3.connect(target)
            try:
                self._conn.backup(copy)
            finally:
                copy.close()


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


def _is_busy(exc: sqlite3.Error) -> bool:
    code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
    return code in (5, 6) or "locked" in str(exc)  # BUSY, LOCKED


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
