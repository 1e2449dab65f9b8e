"""Answers recorded per second by 1, 8 and 32 concurrent writer processes, on SQLite and PostgreSQL.

Each writer is its own process (as each student's kopick-quiz is), opens the store, starts a quiz
for a player of its own, waits for the others, then records answers through `Store.record` (one
committed transaction each: the answer and its review card) for SECONDS. The figure is the total
recorded by all writers divided by the time they ran. Both stores are durable as shipped: SQLite
with WAL and synchronous=FULL, PostgreSQL with its default fsync and synchronous_commit, on a
throwaway server of its own (tests/pgserver.py: initdb in a temp folder, stopped at the end).

Prints answers/s per backend and writer count, and each as a ratio to SQLite with one writer (the
baseline: what a single machine does today), all measured in the same run.

    .venv/bin/python bench/store.py                      # 1, 8, 32 writers, 5 s each
    .venv/bin/python bench/store.py --seconds 10 --writers 1 4 16
    .venv/bin/python bench/store.py --pg postgresql://kopick:pw@db.school.kr/kopick_bench   # a real server
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))


def writer(folder: str, url: str | None, number: int, seconds: float, barrier, counts) -> None:  # noqa: ANN001
    from kopick_quiz.grading import Verdict
    from kopick_quiz.questions import Question
    from kopick_quiz.session import Answered
    from kopick_quiz.store import Store

    store = Store.open(folder, db=url)
    ids = [f"q{i}" for i in range(50)]
    quiz = store.start_quiz(f"student {number}", "bench", "quick", ids * 1000, None)
    questions = [
        Question(id=qid, pack="bench", type="short", prompt="?", answers=("A",), tags=("people",))  # type: ignore[arg-type]
        for qid in ids
    ]
    verdict = Verdict("correct", 1.0, "A", "")
    barrier.wait()
    end = time.monotonic() + seconds
    done = 0
    while time.monotonic() < end:
        store.record(quiz, Answered(questions[done % 50], f"answer {done}", verdict, 0, 4.0, 10, done))
        done += 1
    counts[number] = done
    store.close()


def measure(folder: Path, url: str | None, writers: int, seconds: float) -> float:
    from kopick_quiz.store import Store

    Store.open(folder, db=url).close()  # made (and migrated) before the clock starts
    ctx = multiprocessing.get_context("fork")
    barrier = ctx.Barrier(writers + 1)
    counts = ctx.Array("l", writers)
    procs = [
        ctx.Process(target=writer, args=(str(folder), url, n, seconds, barrier, counts))
        for n in range(writers)
    ]
    for p in procs:
        p.start()
    barrier.wait()
    start = time.monotonic()
    for p in procs:
        p.join()
    elapsed = max(time.monotonic() - start, seconds)
    if any(p.exitcode for p in procs):
        raise SystemExit(f"a writer failed ({[p.exitcode for p in procs]})")
    with Store.open(folder, db=url) as store:
        stored = sum(1 for _ in store.answers())
    if stored != sum(counts):
        raise SystemExit(f"{stored} answers stored, {sum(counts)} acknowledged: something was lost")
    return sum(counts) / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--writers", type=int, nargs="+", default=[1, 8, 32])
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--pg", metavar="URL", help="an empty database on a server of your own")
    args = parser.parse_args()

    from kopick_quiz.store import redact

    server = None
    if args.pg is None:
        from pgserver import Server

        server = Server(durable=True)
    results: dict[tuple[str, int], float] = {}
    try:
        with tempfile.TemporaryDirectory(prefix="kopick-bench-store-") as tmp:
            for n in args.writers:
                results["sqlite", n] = measure(Path(tmp) / f"sqlite-{n}", None, n, args.seconds)
                print(f"sqlite      {n:>3} writers: {results['sqlite', n]:>8.0f} answers/s", flush=True)
                url = server.fresh() if server else args.pg
                if server is None:
                    _empty(url)
                results["postgresql", n] = measure(Path(tmp) / f"pg-{n}", url, n, args.seconds)
                print(f"postgresql  {n:>3} writers: {results['postgresql', n]:>8.0f} answers/s", flush=True)
                if server:
                    server.drop(url)
    finally:
        if server:
            server.stop()
    base = results["sqlite", args.writers[0]]
    print()
    print(
        f"answers recorded per second ({args.seconds:g} s each; ratio to SQLite with {args.writers[0]} writer)"
    )
    print(f"PostgreSQL: {redact(args.pg) if args.pg else 'a throwaway local server (durable settings)'}")
    print(f"{'writers':>8}  {'SQLite':>16}  {'PostgreSQL':>16}")
    for n in args.writers:
        lite, pg = results["sqlite", n], results["postgresql", n]
        print(f"{n:>8}  {lite:>8.0f} ({lite / base:4.2f}x)  {pg:>8.0f} ({pg / base:4.2f}x)")


def _empty(url: str) -> None:
    """Empty a database given with --pg between runs (its schema is kept)."""
    from kopick_quiz.store import Store
    from kopick_quiz.store.transfer import TABLES

    with Store.open(".", db=url) as store:
        store.backend.write(lambda db: [db.execute(f"DELETE FROM {t}") for t in reversed(TABLES)])


if __name__ == "__main__":
    main()
