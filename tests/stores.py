"""Where a test's store lives (the `db` fixture of tests/conftest.py gives one per backend)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kopick_quiz.store import Store


@dataclass(frozen=True)
class StoreSpot:
    """Where a test's store lives: the SQLite file of a data folder, or a fresh PostgreSQL database."""

    kind: str  # "sqlite" or "postgresql"
    url: str | None  # what --db gets (None: the data folder's own file)
    data_dir: Path

    def open(self, data_dir: Path | str | None = None, **options: Any) -> Store:
        return Store.open(data_dir or self.data_dir, db=self.url, **options)

    @property
    def args(self) -> list[str]:
        """The command-line options that point a command at this store."""
        return ["--db", self.url] if self.url else []
