"""Which store a `--db` value (or KOPICK_QUIZ_DB) names, and how to show it without its password."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .backend import Backend
from .model import Clock, StoreError

POSTGRES_SCHEMES = ("postgresql", "postgres")


def is_postgres(db: str | None) -> bool:
    return bool(db) and urlsplit(db.strip()).scheme.lower() in POSTGRES_SCHEMES


def sqlite_file(data_dir: Path | str, db: str | None) -> Path:
    """The SQLite file a store lives in: `db` (`sqlite:///path`, a file, or a folder), else the data dir's."""
    from .sqlite import DB_NAME

    if not db:
        return Path(data_dir) / DB_NAME
    text = db.strip()
    if text.lower().startswith("sqlite:"):
        parts = urlsplit(text)
        if parts.netloc not in ("", "localhost"):
            raise StoreError(
                f"{text}: a sqlite URL names a file on this machine: sqlite:///path/to/kopick.db"
            )
        text = unquote(parts.path)
        if not text:
            raise StoreError("a sqlite URL needs a file: sqlite:///path/to/kopick.db")
    elif "://" in text:
        scheme = text.split("://", 1)[0]
        raise StoreError(
            f"--db: '{scheme}' databases are not supported; give a postgresql:// URL, "
            "a sqlite:///path URL or a file"
        )
    path = Path(text).expanduser()
    return path / DB_NAME if path.is_dir() else path


def redact(url: str) -> str:
    """`url` with its password (if any) replaced by `***`, fit to print."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "the database URL"
    shown = url
    if parts.password is not None:
        user = parts.netloc.rpartition("@")[0].split(":", 1)[0]
        shown = shown.replace(parts.netloc, f"{user}:***@{parts.netloc.rpartition('@')[2]}", 1)
    return re.sub(r"(?i)([?&]password=)[^&#]*", r"\1***", shown)


def describe(data_dir: Path | str, db: str | None) -> str:
    """The store as messages name it: a file, or a server URL without its password."""
    return redact(db.strip()) if db and is_postgres(db) else str(sqlite_file(data_dir, db))


def open_backend(data_dir: Path | str, db: str | None, clock: Clock) -> Backend:
    """The backend `db` names (None: the SQLite file in `data_dir`), opened, checked and migrated."""
    if db and is_postgres(db):
        from .postgres import PostgresBackend

        return PostgresBackend.open(db.strip())
    from .sqlite import SQLiteBackend

    return SQLiteBackend.open(sqlite_file(data_dir, db), clock)
