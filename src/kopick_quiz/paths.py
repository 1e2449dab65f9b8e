"""Where things live: the shipped facts and packs, the user's data dir."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

APP_NAME = "kopick-quiz"
HOME_ENV = "KOPICK_QUIZ_HOME"
DB_ENV = "KOPICK_QUIZ_DB"


def shipped_root() -> Path:
    """The folder holding the shipped `data/` and `questions/` (inside the installed package)."""
    return Path(str(resources.files("kopick_quiz") / "shipped"))


def shipped_facts() -> Path:
    return shipped_root() / "data" / "facts.yaml"


def shipped_packs_dir() -> Path:
    return shipped_root() / "questions"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The user's data dir: `--data-dir`, else $KOPICK_QUIZ_HOME, else the platform's own."""
    if override:
        return Path(override).expanduser()
    env = os.environ.get(HOME_ENV)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def database(override: str | None = None) -> str | None:
    """Where the store lives: `--db`, else $KOPICK_QUIZ_DB, else None (the data dir's SQLite file)."""
    return (override or "").strip() or os.environ.get(DB_ENV, "").strip() or None


def user_packs_dir(data: Path) -> Path:
    return data / "packs"


def display(path: Path) -> str:
    """A path as the user should see it: relative to the shipped root for shipped files."""
    try:
        return str(path.relative_to(shipped_root()))
    except ValueError:
        return str(path)
