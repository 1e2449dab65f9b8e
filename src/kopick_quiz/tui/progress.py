"""The player's history for the app: the store, read and written on one background thread.

Every store call goes through one single-thread executor, so answers are committed in the order
they were given and the UI thread never waits on SQLite. Results come back to the UI thread
as `Reply` messages, which the app handles by calling their callback.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from textual.message import Message

if TYPE_CHECKING:
    from textual.app import App

    from ..session import Answered
    from ..settings import PlayerSettings
    from ..store import Store

T = TypeVar("T")


class Reply(Message):
    """A result from another thread (the history's, the early question's), for `callback` on the UI thread."""

    def __init__(self, callback: Callable[..., object], args: tuple[object, ...]) -> None:
        super().__init__()
        self.callback = callback
        self.args = args


class History:
    """The store behind the app; `None`-safe: with no store (it failed to open) calls do nothing."""

    def __init__(
        self, app: App[Any], data_dir: Path, on_error: Callable[[str], None], db: str | None = None
    ) -> None:
        self._app = app
        self.data_dir = data_dir
        self.db = db  # --db: a PostgreSQL URL or a SQLite file (None: the data dir's file)
        self._on_error = on_error
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kopick-history")
        self._store: Store | None = None
        self._failed = False
        self.quiz_id: int | None = None  # only touched on the history thread
        self.last_answer_id: int | None = None  # the last answer recorded (what a dispute is about)

    # -- plumbing --------------------------------------------------------------------------------
    def later(self, job: Callable[[Store], T], done: Callable[[T], None] | None = None) -> Future[T | None]:
        """Run `job(store)` on the history thread; then `done(result)` on the UI thread."""

        def run() -> T | None:
            from ..store import StoreError

            if self._store is None:
                return None
            try:
                result = job(self._store)
            except StoreError as exc:
                self._fail(str(exc))
                return None
            if done is not None:
                self._to_ui(done, result)
            return result

        return self._pool.submit(run)

    def _to_ui(self, callback: Callable[..., object], *args: object) -> None:
        # post_message is thread-safe and never waits: once the app has closed it just drops it.
        self._app.post_message(Reply(callback, args))

    def _fail(self, message: str) -> None:
        if not self._failed:
            self._failed = True
            self._to_ui(self._on_error, message)

    async def idle(self) -> None:
        """Wait (without blocking the UI thread) until every call made so far is done."""
        await asyncio.wrap_future(self._pool.submit(lambda: None))

    def close(self) -> None:
        """Finish what is queued, then close the store."""
        self._pool.submit(self._close)
        self._pool.shutdown(wait=True)

    def _close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    # -- the store's calls -----------------------------------------------------------------------
    def open(self, done: Callable[[str | None], None]) -> None:
        """Open the store; `done(notice)` with the store's notice (a file set aside), if any."""

        def run() -> None:
            from ..store import Store, StoreError

            try:
                self._store = Store.open(self.data_dir, db=self.db)
            except StoreError as exc:
                self._fail(str(exc))
                return
            self._to_ui(done, self._store.notice)

        self._pool.submit(run)

    def start(self, player: str, pack: str, mode: str, question_ids: Sequence[str], seed: int | None) -> None:
        def job(store: Store) -> None:
            self.quiz_id = store.start_quiz(player, pack, mode, list(question_ids), seed)

        self.later(job)

    def go_on(self, quiz_id: int) -> None:
        """Record the next answers into an unfinished quiz (resuming it)."""

        def job(store: Store) -> None:
            self.quiz_id = quiz_id

        self.later(job)

    def record(self, answered: Answered, refused: Callable[[str], None] | None = None) -> None:
        """Record an answer; `refused(sentence)` when the store will not take it (a class closed,
        an exam's time up), which is the student's to read, not a failure of the history."""

        def job(store: Store) -> None:
            from ..store import Refused

            if self.quiz_id is None:
                return
            try:
                self.last_answer_id = store.record(self.quiz_id, answered)
            except Refused as exc:
                if refused is None:
                    raise
                self._to_ui(refused, str(exc))

        self.later(job)

    def finish(self) -> None:
        def job(store: Store) -> None:
            if self.quiz_id is not None:
                store.finish(self.quiz_id)
                self.quiz_id = None

        self.later(job)

    def abandon(self, quiz_id: int) -> None:
        self.later(lambda store: store.abandon(quiz_id))

    def player_settings(
        self,
        player: str,
        machine: dict[str, Any],
        done: Callable[[str, PlayerSettings], None],
        *,
        carry: bool = True,
    ) -> None:
        """Read `player`'s own settings from the store (`machine`: settings.json, for a player new to
        it); `done(player, found)` on the UI thread. See settings.load_player_settings."""

        def job(store: Store) -> PlayerSettings:
            from ..settings import load_player_settings

            return load_player_settings(store, player, machine, carry=carry)

        self.later(job, lambda found: done(player, found))

    def save_settings(
        self,
        values: dict[str, Any],
        *,
        player: str | None = None,
        changes: dict[str, Any] | None = None,
        machine: dict[str, Any] | None = None,
    ) -> None:
        """Remember the settings (written on the history thread, like everything else): `values` whole
        in this machine's settings.json, and `changes` as `player`'s own in the store (`machine`:
        settings.json as it was, where a player new to the store starts from)."""

        def run() -> None:
            from ..settings import save_settings, update_player_settings
            from ..store import StoreError

            try:
                save_settings(self.data_dir, values)
                if player and changes and self._store is not None:
                    update_player_settings(self._store, player, changes, machine or {})
            except StoreError as exc:
                self._fail(str(exc))

        self._pool.submit(run)
