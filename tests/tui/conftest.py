"""Apps for the TUI tests: a small fact base and pack from tests/tui/data, a fixed clock, no home dir."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.worker import WorkerCancelled

from kopick_quiz.library import Library, load_base, pack_files
from kopick_quiz.packs.load import load_pack
from kopick_quiz.progress import Progress, no_progress
from kopick_quiz.tui.app import KopickApp, Launch
from kopick_quiz.tui.widgets.bubble import ChatBubble, ChatLog

DATA = Path(__file__).parent / "data"
NOW = datetime(2025, 5, 1, 9, 0, tzinfo=UTC)


class FakeClock:
    """A clock that moves only when told to: no real time in tests or snapshots."""

    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t

    def advance(self, seconds: float) -> None:
        self.t += seconds


def library_from(*folders: Path) -> Callable[[Progress], Library]:
    """A loader of the test facts and the packs in `folders` (no shipped packs)."""

    def load(progress: Progress = no_progress) -> Library:
        base = load_base(DATA / "facts.yaml")
        packs = [load_pack(p, base) for folder in folders for p in pack_files(folder)]
        return Library(base, packs, [])

    return load


def make_app(
    data_dir: Path,
    command: str | None = "play",
    *,
    pack: str | None = "medium",
    seed: int | None = 1,
    count: int | None = None,
    player: str | None = "mina",
    folders: tuple[Path, ...] = (DATA / "packs",),
    clock: FakeClock | None = None,
) -> KopickApp:
    return KopickApp(
        Launch(command=command, pack=pack, count=count, seed=seed, player=player),
        library=library_from(*folders),
        data_dir=data_dir,
        clock=clock or FakeClock(),
        now=lambda: NOW,
    )


@pytest.fixture(autouse=True)
def _no_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KOPICK_QUIZ_HOME", str(tmp_path / "home"))


async def settle(pilot: Pilot[int]) -> None:
    """Wait until loading, the history and the screen have all caught up."""
    app = pilot.app
    assert isinstance(app, KopickApp)
    for _ in range(3):
        if app._exit:
            return
        try:
            await app.workers.wait_for_complete()
        except WorkerCancelled:  # the app is closing
            return
        if app.history is not None:
            await app.history.idle()
        await pilot.pause()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


async def until(
    pilot: Pilot[Any], condition: Callable[[], bool], what: str = "", seconds: float = 60.0
) -> None:
    """Let the app run until `condition` holds; fail after `seconds` (a hang guard, not a speed
    limit: on a busy machine the screen may take a while to get there)."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"the screen never got there in {seconds:.0f} s: {what or condition}")
        await asyncio.sleep(0.02)
        await pilot.pause()


async def search_palette(pilot: Pilot[Any], typed: str) -> None:
    """Open the command palette, type `typed`, and wait until its search has listed what it finds."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*typed)
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()  # the palette's search is a worker
    await pilot.pause()


async def see_results(pilot: Pilot[Any]) -> None:
    """After the last answer its feedback stays a moment; Enter, as the chat says, shows the
    results at once."""
    from kopick_quiz.tui.screens.results import ResultsScreen

    await settle(pilot)
    if not isinstance(pilot.app.screen, ResultsScreen):  # (a slow machine may have waited it out)
        await pilot.press("enter")
    await until(pilot, lambda: isinstance(pilot.app.screen, ResultsScreen), "the results after Enter")
    await settle(pilot)


def screen_text(app: KopickApp) -> str:
    """Every line the screen shows, as plain text."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def bubbles(app: KopickApp, kind: str | None = None) -> list[ChatBubble]:
    found = app.screen.query_one("#chat", ChatLog).messages
    return [b for b in found if kind is None or b.has_class(kind)]


def last_bubble(app: KopickApp, kind: str | None = None) -> ChatBubble:
    return bubbles(app, kind)[-1]


def drive(
    app: KopickApp,
    scenario: Callable[[Pilot[int]], Awaitable[None]],
    size: tuple[int, int] = (100, 30),
    *,
    loaded: bool = True,
) -> None:
    """Run `app` headless at `size`, let it load (unless not `loaded`), play `scenario`, close its history."""

    async def main() -> None:
        async with app.run_test(size=size) as pilot:
            if loaded:
                await settle(pilot)
            else:
                await pilot.pause()
            await scenario(pilot)

    try:
        asyncio.run(main())
    finally:
        if app.history is not None:
            app.history.close()
