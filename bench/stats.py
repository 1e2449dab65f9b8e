"""The stats of a player with 1,000 quizzes: computing them, and the app's Stats screen showing them.

Fills a store with QUIZZES quizzes of 10 shipped questions each (a year of a student's practice:
a pool that grows, misses that come back), then measures, N times each, in one run:

- rows: reading the player's answers, quizzes and cards from the store (the baseline: what any
  report must do);
- stats: `player_stats`, the same reads plus every figure the screen and `stats --json` show;
- text / plot: `to_text`, and the five plots drawn with plotext as `stats --plot` does;
- Stats screen: the screen of a headless app at 100x40 showing those stats, each of its six tabs
  drawn in full once; beside it, the same tabs holding a line of text each (bare tabbed screen),
  drawn the same way.

Prints medians, each as a ratio to the rows' median (and the screens to the bare screen's).

    .venv/bin/python bench/stats.py             # 1,000 quizzes, 7 runs each
    .venv/bin/python bench/stats.py --quizzes 3000 -n 5 --keep /tmp/stats-home   # kept: the next run reuses it
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

PLAYER = "mina"
START = datetime(2025, 1, 6, 8, 0, tzinfo=UTC)


def fill(home: Path, quizzes: int, *, per_quiz: int = 10, seed: int = 0) -> datetime:
    """Record `quizzes` quizzes of `PLAYER` in the store in `home`; returns when the last ended."""
    from kopick_quiz.grading import Verdict
    from kopick_quiz.library import open_library
    from kopick_quiz.paths import user_packs_dir
    from kopick_quiz.session import Answered
    from kopick_quiz.store import Store

    library = open_library(None, (), user_packs_dir(home), cache_dir=home / "cache")
    questions = library.questions()
    rng = random.Random(seed)
    hardness = {q.id: rng.random() for q in questions}
    now = START

    def clock() -> datetime:
        return now

    with Store.open(home, clock=clock) as store:
        met: list[Any] = []
        for n in range(quizzes):
            fresh = rng.sample(questions, per_quiz // 2)
            again = rng.sample(met, min(len(met), per_quiz - len(fresh)))
            asked = fresh + again
            met.extend(q for q in fresh if q not in met)
            quiz = store.start_quiz(PLAYER, "all", "quick", [q.id for q in asked], n)
            skill = min(0.9, 0.35 + n / quizzes)  # the student gets better over the year
            for q in asked:
                now += timedelta(seconds=rng.uniform(4, 30))
                right = rng.random() < skill + (0.25 if q in again else 0) - hardness[q.id] / 3
                verdict = Verdict("correct" if right else "incorrect", 1.0 if right else 0.0, "x", "")
                store.record(quiz, Answered(q, "typed", verdict, 0, 10.0, 10 if right else 0, 0))
            store.finish(quiz)
            now += timedelta(hours=rng.uniform(2, 16))
    return now


def medians(runs: int, jobs: dict[str, Callable[[], object]]) -> dict[str, float]:
    """Each job's median time; the jobs take turns, so a machine busy for a while slows them all."""
    times: dict[str, list[float]] = {name: [] for name in jobs}
    for _ in range(runs):
        for name, job in jobs.items():
            t0 = time.perf_counter()
            job()
            times[name].append(time.perf_counter() - t0)
    return {name: statistics.median(t) for name, t in times.items()}


def screen_seconds(stats: Any, runs: int) -> tuple[float, float]:
    """Median times to show a screen and draw each of its tabs once (in full, as a screenshot):
    the same tabs holding a line of text each (bare), and the Stats screen with `stats`, in turns."""
    from textual.app import App, ComposeResult
    from textual.screen import Screen
    from textual.widgets import Footer, Header, Static, TabbedContent, TabPane

    from kopick_quiz.tui.screens.stats import TABS, StatsScreen

    class Bare(Screen[None]):
        def compose(self) -> ComposeResult:
            yield Header()
            yield Static(f"Progress of {PLAYER}")
            with TabbedContent():
                for tab, (title, empty) in TABS.items():
                    with TabPane(title, id=tab):
                        yield Static(empty)
            yield Footer()

        def show_stats(self, stats: Any) -> None:
            pass

    class Bench(App[None]):
        pass

    async def main() -> list[float]:
        times = []
        app = Bench()
        async with app.run_test(size=(100, 40)) as pilot:
            for n in range(2 * runs):
                t0 = time.perf_counter()
                screen = Bare() if n % 2 == 0 else StatsScreen(PLAYER)
                await app.push_screen(screen)
                screen.show_stats(stats)
                await pilot.pause()
                app.export_screenshot()
                tabs = screen.query_one(TabbedContent)
                for pane in list(tabs.query("TabPane"))[1:]:
                    tabs.active = pane.id or ""
                    await pilot.pause()
                    app.export_screenshot()
                times.append(time.perf_counter() - t0)
                await app.pop_screen()
        return times

    times = asyncio.run(main())
    return statistics.median(times[0::2]), statistics.median(times[1::2])


def plot_text(stats: Any) -> str:
    import plotext

    from kopick_quiz.plots import PLOTS, has_data

    out = []
    for name, (_, draw) in PLOTS.items():
        if has_data(name, stats):
            plotext.clf()
            plotext.plotsize(100, 18)
            draw(plotext, stats)
            out.append(plotext.build())
    return "\n".join(out)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quizzes", type=int, default=1000)
    parser.add_argument("-n", "--runs", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="fill this folder (kept) instead of a temporary one")
    args = parser.parse_args()

    from kopick_quiz.library import open_library
    from kopick_quiz.paths import user_packs_dir
    from kopick_quiz.stats import player_stats, to_text
    from kopick_quiz.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        home = args.keep or Path(tmp)
        home.mkdir(parents=True, exist_ok=True)
        with Store.open(home) as store:
            last = max((r.answered_at for r in store.answers(PLAYER)), default=None)
        if last is not None:  # a folder kept from an earlier run: measured as it is
            now = last + timedelta(hours=8)
        else:
            t0 = time.perf_counter()
            now = fill(home, args.quizzes)
            print(f"filled {args.quizzes} quizzes in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
        library = open_library(None, (), user_packs_dir(home), cache_dir=home / "cache")
        base = library.base
        prompts = {q.id: q.prompt for q in library.questions()}
        with Store.open(home) as store:

            def rows() -> None:
                list(store.answers(PLAYER))
                store.quizzes(PLAYER)
                store.cards(PLAYER)

            stats = player_stats(store, PLAYER, now, base=base, prompts=prompts)
            figures = medians(
                args.runs,
                {
                    "rows (baseline)": rows,
                    "stats": lambda: player_stats(store, PLAYER, now, base=base, prompts=prompts),
                    "text": lambda: to_text(stats),
                    "plots (stats --plot)": lambda: plot_text(stats),
                },
            )
            figures["bare tabbed screen"], figures["Stats screen"] = screen_seconds(stats, args.runs)
    t = stats.totals
    print(
        f"{t.quizzes} quizzes, {t.answers} answers, {stats.retention.cards} cards; median of {args.runs} runs"
    )
    rows_s, bare_s = figures["rows (baseline)"], figures["bare tabbed screen"]
    for name, seconds in figures.items():
        beside = f"   {seconds / bare_s:5.2f} x bare screen" if "screen" in name else ""
        print(f"  {name:<22} {seconds * 1000:8.1f} ms   {seconds / rows_s:5.2f} x rows{beside}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
