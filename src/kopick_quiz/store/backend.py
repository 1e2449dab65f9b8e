"""What a backend gives the store: transactions over a connection that speaks one SQL.

Every query is written once, in the SQL both SQLite and PostgreSQL take (`?` placeholders,
`ON CONFLICT`, `CASE WHEN`); a backend translates placeholders and owns its connections, its
DDL (the migrations), its transactions, retries and error messages.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol, TypeVar

T = TypeVar("T")


class Cursor(Protocol):
    rowcount: int

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...


class Db(Protocol):
    """One transaction's connection."""

    def execute(self, sql: str, params: Sequence[object] = ()) -> Cursor: ...

    def insert(self, sql: str, params: Sequence[object] = ()) -> int:
        """Run an INSERT into a table with an `id` key; returns the new row's id."""
        ...

    def lock(self, table: str, row_id: int) -> None:
        """Hold the row `table.id = row_id` until the transaction ends, before reading what a write
        depends on (a no-op on SQLite, whose write transactions hold the whole file)."""
        ...

    def many(self, sql: str, rows: Sequence[Sequence[object]]) -> None:
        """Run one statement for each of `rows` (a bulk INSERT)."""
        ...


class Backend(Protocol):
    kind: str  # "sqlite" or "postgresql"
    where: str  # how messages name the store: a file path, or a URL without its password
    path: Path | None  # the SQLite file (None on a server)
    notice: str | None  # something the user should hear about at open (a bad file set aside)

    def write(self, work: Callable[[Db], T], *, serializable: bool = False) -> T:
        """Run `work` in one write transaction (retried whole if the database asks); its result.

        On PostgreSQL a write runs READ COMMITTED, made safe by `db.lock`s, or SERIALIZABLE when asked
        (for a write whose reads no row lock can cover; expect retries under load)."""
        ...

    def read(self, work: Callable[[Db], T]) -> T:
        """Run `work` in one read-only transaction (one consistent snapshot); its result."""
        ...

    def integrity_problems(self) -> list[str]:
        """The backend's own checks of its storage (empty: all well)."""
        ...

    def after_copy(self, db: Db) -> None:
        """After `db migrate` wrote rows with their ids: make new rows' ids follow them."""
        ...

    def backup(self, target: Path) -> None: ...

    def close(self) -> None: ...
