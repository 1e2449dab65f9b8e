"""Which store a `--db` value (or KOPICK_QUIZ_DB) names, and how to show it without its password."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .model import StoreError

POSTGRES_SCHEMES = ("postgresql", "postgres")


def is_postgres(db: str | None) -> bool:
    return bool(db) and db.strip().lower().startswith(tuple(f"{scheme}://" for scheme in POSTGRES_SCHEMES))


def sqlite_file(data_dir: Path | str, db: str | None) -> Path:
    """The SQLite file a store lives in: `db` (`sqlite:///path`, a file, or a folder), else the data dir's."""
    from .sqlite import DB_NAME

    if not db:
        return Path(data_dir) / DB_NAME
    text = db.strip()
    if text.lower().startswith("sqlite:"):
        try:
            parts = urlsplit(text)
        except ValueError:
            raise StoreError(f"{text}: not a sqlite URL; write sqlite:///path/to/kopick.db") from None
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
            f"'{scheme}' databases are not supported; give a postgresql:// URL, "
            "a sqlite:///path URL or a file"
        )
    path = Path(text).expanduser()
    return path / DB_NAME if path.is_dir() else path


def _split_password(url: str) -> tuple[str, str, str] | None:
    """(before, password, after) when `url` carries a password in its user information."""
    scheme, sep, rest = url.partition("://")
    if not sep:
        return None
    # The user information ends at the last @ before the query: a password may hold / or @.
    head = rest.partition("?")[0]
    at = head.rfind("@")
    if at < 0 or ":" not in head[:at]:
        return None
    colon = head.index(":")
    start = len(scheme) + len(sep)
    return url[: start + colon + 1], url[start + colon + 1 : start + at], url[start + at :]


def password_of(url: str) -> str | None:
    """The password a URL carries (in its user information or as `password=`), as written."""
    found = _split_password(url)
    if found:
        return found[1]
    match = re.search(r"(?i)[?&]password=([^&#]*)", url)
    return match.group(1) if match else None


def redact(url: str) -> str:
    """`url` with its password (if any) replaced by `***`, fit to print (even when it is malformed)."""
    found = _split_password(url)
    if found:
        url = f"{found[0]}***{found[2]}"
    return re.sub(r"(?i)([?&]password=)[^&#]*", r"\1***", url)


def describe(data_dir: Path | str, db: str | None) -> str:
    """The store as messages name it: a file, or a server URL without its password."""
    return redact(db.strip()) if db and is_postgres(db) else str(sqlite_file(data_dir, db))
