"""`kopick-quiz class host CODE`: the teacher's live game on the projector.

A small App of its own (the quiz app is a student's). The game is the classroom core's
`LiveGame`, read and moved on one background thread; the screen only draws what it reads.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from textual.app import App
from textual.binding import Binding

from .progress import Reply
from .screens.host import HostScreen

if TYPE_CHECKING:
    from ..classroom.live import HostView, LiveGame
    from ..questions import Question
    from ..store import ClassRow, Store

POLL_S = 0.1


class HostApp(App[int]):
    """The live game's host: joins, questions with their countdown, the spread, the board, the podium."""

    CSS_PATH = ["app.tcss", "screens/host.tcss"]
    TITLE = "kopick-quiz"
    BINDINGS = [
        Binding("f1", "help", "Help", tooltip="How points are counted, and the keys"),
        Binding("ctrl+q", "quit", "Quit", priority=True, tooltip="Leave; the game waits where it is"),
    ]

    def __init__(
        self,
        open_store: Callable[[], Store],
        klass: ClassRow,
        questions: list[Question],
        *,
        auto: float | None = None,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
        clock: Callable[[], float] = time.monotonic,
        poll: float | None = POLL_S,
    ) -> None:
        """`poll=None` reads the game only when asked (`await app.read()`): tests step it by hand."""
        super().__init__()
        self.klass = klass
        self.questions = questions
        self.auto = auto
        self.now = now
        self.clock = clock
        self._poll = poll
        self._open_store = open_store
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kopick-host")
        self._game: LiveGame | None = None
        self._store: Store | None = None
        self._pending: Future[Any] | None = None
        self._since = clock()
        self._step = -1
        self.view: HostView | None = None
        self.error: str | None = None

    def on_mount(self) -> None:
        self.push_screen(HostScreen(self.klass, self.questions))
        if self._poll is not None:
            self.set_interval(self._poll, self._tick)
            self._tick()

    # -- the game, on its own thread ---------------------------------------------------------------
    def _tick(self) -> None:
        if self._pending is None or self._pending.done():
            self._pending = self._pool.submit(self._read_and_move)
            self._pending.add_done_callback(lambda f: self._deliver(f))

    async def read(self) -> HostView:
        """Read the game now (and let the screen draw it); for tests and the first frame."""
        import asyncio

        view = await asyncio.wrap_future(self._pool.submit(self._read_and_move))
        self._show(view)
        return view

    def _deliver(self, future: Future[Any]) -> None:
        try:
            view = future.result()
        except Exception as exc:  # noqa: BLE001 - a store failure ends the host with its message
            self.post_message(Reply(self._failed, (exc,)))
            return
        self.post_message(Reply(self._show, (view,)))

    def _read_and_move(self) -> HostView:
        from ..classroom.live import LiveGame

        if self._game is None:
            self._store = self._open_store()
            self._game = LiveGame(self._store, self.klass, now=self.now)
        game = self._game
        view = game.view()
        if view.step != self._step:
            self._step, self._since = view.step, self.clock()
        elif self.auto is not None and view.phase == "podium" and self.clock() - self._since >= self.auto:
            self.call_from_thread(self.exit, 0)
        elif self.auto is not None and game.auto_due(self._since, self.clock(), self.auto, len(view.players)):
            game.next()
            view = game.view()
            self._step, self._since = view.step, self.clock()
        return view

    def action_next(self) -> None:
        """The teacher moves on (a question closes early)."""

        def move() -> HostView:
            assert self._game is not None
            self._game.next()
            return self._read_and_move()

        if self._game is None:
            return
        future = self._pool.submit(move)
        future.add_done_callback(self._deliver)

    def on_reply(self, message: Reply) -> None:
        message.callback(*message.args)

    def _show(self, view: HostView) -> None:
        self.view = view
        screen = self.screen
        if isinstance(screen, HostScreen):
            screen.show(view)

    def _failed(self, exc: Exception) -> None:
        self.error = str(exc) or type(exc).__name__
        self.exit(1, return_code=1)

    def action_help(self) -> None:
        from .screens.host import HostHelp

        if not isinstance(self.screen, HostHelp):
            self.push_screen(HostHelp())

    def close_game(self) -> None:
        self._pool.submit(self._close).result()
        self._pool.shutdown(wait=True)

    def _close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


def run_host(
    open_store: Callable[[], Store], klass: ClassRow, questions: list[Question], *, auto: bool = False
) -> int:
    """Run the host screen in this terminal (`open_store` opens the history); returns the exit code."""
    import sys

    app = HostApp(open_store, klass, questions, auto=auto)
    try:
        app.run()
    finally:
        app.close_game()
    if app.error:
        print(f"kopick-quiz: {app.error}", file=sys.stderr)
    return app.return_code or 0
