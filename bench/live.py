"""A live game with 10, 20, 40 line-mode students: how long after the host opens a question each
student sees it, and how long an answer waits for its verdict.

Each run makes a live class (`class new --mode live`) in a fresh data folder, starts N real
`kopick-quiz play --plain --class CODE` processes (an SSH login each), waits until all are in
the lobby, then starts `kopick-quiz class host CODE --auto SECONDS`, which moves the game on by
itself. A thread per student reads its output and stamps each line as it arrives (time.time(),
the machine's clock). A question is opened when the host writes `games.opened_at` (its
datetime.now(), the same clock); the bench reads that row once per question, when the host
prints the question. A student has seen question n when its "Qn/N" line reaches the bench. Each
student thinks --think seconds (±50%) and answers (right, typo'd or wrong); the answer's time
runs from writing the line to reading its "+P points" line.

Figures per N: the last (Nth) student's delay per question, p50 and p95 over the questions; the
delay of every student on every question, p50 and p95; answer → verdict p50 and p95 (each
student's first answer apart: its process builds the grader's lexicon on it). Baseline,
in the same run: one student alone (same questions), and the bare read a student polls with
(`Store.game`, in this process, idle). Goal: p95 of the 40th student's delay under 300 ms.

At the end every answer sent must be in `results --class CODE --csv`, once, and every student
must have seen every question, or the script says what went wrong and exits 1.

    .venv/bin/python bench/live.py                          # 1 (baseline), 10, 20, 40 students
    .venv/bin/python bench/live.py --students 40 --questions 20 --auto 0.5
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import json
import os
import random
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

PACK = "context"  # every question type
SEED = 29
GOAL_P95_MS = 300.0
GUARD_S = 600.0  # a runaway guard for a hung run, not a speed limit
QUESTION_LINE = re.compile(r"^Q(\d+)/(\d+)  (.*)  \((\d+) s\)$")
HOST_OPEN = re.compile(r"^Q(\d+)/(\d+) open for ")


def env_for(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("KOPICK_QUIZ_DB", "KOPICK_QUIZ_HOME")}
    return env | {"KOPICK_QUIZ_HOME": str(home), "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"}


def cli(home: Path, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "kopick_quiz", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env_for(home),
        timeout=GUARD_S,
    )
    if done.returncode != 0:
        raise SystemExit(f"kopick-quiz {' '.join(args)} failed:\n{done.stderr}")
    return done.stdout


def answer_for(q: dict, kind: str, pack: list[dict]) -> str:
    right = ", ".join(q["answers"]) if q["type"] in ("multi", "order") else q["answers"][0]
    if kind == "right":
        return right
    if kind == "typo":
        return f"  {right.upper()} "
    if q["type"] == "truefalse":
        return "false" if q["answers"][0] == "true" else "true"
    if q["type"] == "choice":
        return next(c for c in q["choices"] if c not in q["answers"])
    if q["type"] in ("year", "number"):
        return str(int(float(q["answers"][0])) + 7)
    other = [p for p in pack if p["type"] == "short" and p["id"] != q["id"]]
    return other[len(q["prompt"]) % len(other)]["answers"][0]


@dataclass
class Student:
    player: str
    number: int
    proc: subprocess.Popen[bytes]
    think: float
    rng: random.Random
    seen: dict[int, float] = field(default_factory=dict)  # question number → when its line arrived
    acks: list[float] = field(default_factory=list)  # answer → verdict, seconds
    sent: set[tuple[str, str]] = field(default_factory=set)  # (question id, text as recorded)
    seated: threading.Event = field(default_factory=threading.Event)
    problems: list[str] = field(default_factory=list)

    def run(self, by_prompt: dict[str, dict], pack: list[dict]) -> None:
        assert self.proc.stdout is not None and self.proc.stdin is not None
        asked_at: float | None = None
        try:
            for raw in self.proc.stdout:  # a binary pipe: each line as soon as it is written
                stamp = time.time()
                line = raw.decode("utf-8", "replace").rstrip("\n")
                if line.startswith("Waiting for "):
                    self.seated.set()
                elif line.startswith("Game over"):
                    break
                elif line.lstrip().startswith("+") and " points" in line and asked_at is not None:
                    self.acks.append(stamp - asked_at)
                    asked_at = None
                elif "Too late" in line or "Time is up" in line:
                    self.problems.append(line)
                elif (match := QUESTION_LINE.match(line)) is not None:
                    self.seen[int(match[1])] = stamp
                    q = by_prompt[match[3]]
                    kind = ("right", "typo", "wrong", "right")[(self.number + int(match[1])) % 4]
                    text = answer_for(q, kind, pack)
                    time.sleep(self.think * self.rng.uniform(0.5, 1.5))
                    self.sent.add((q["id"], text.strip()))
                    asked_at = time.time()
                    self.proc.stdin.write(text.encode("utf-8") + b"\n")
                    self.proc.stdin.flush()
        except (BrokenPipeError, ValueError, KeyError) as exc:
            self.problems.append(f"{exc!r}")
        finally:
            self.seated.set()
            with contextlib.suppress(OSError):
                self.proc.stdin.close()


@dataclass
class Run:
    students: int
    opened: dict[int, float]  # question number → games.opened_at
    printed: dict[int, float]  # question number → when the host's line arrived
    seen: list[dict[int, float]]
    acks: list[float]
    first_acks: list[float]  # each student's first answer: its process builds the grader's lexicon then
    join_s: float
    game_s: float
    problems: list[str]


def opened_at(db: Path, number: int) -> float | None:
    """games.opened_at of question `number` (1-based), read once; None if the game moved past it."""
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True, timeout=30)
    try:
        row = conn.execute("SELECT number, opened_at FROM games").fetchone()
    finally:
        conn.close()
    if row is None or row[0] != number - 1 or row[1] is None:
        return None
    return datetime.fromisoformat(row[1]).timestamp()


def play(n: int, questions: int, auto: float, think: float, keep: Path | None) -> Run:
    home = (
        Path(tempfile.mkdtemp(prefix=f"live{n}-", dir=keep))
        if keep
        else Path(tempfile.mkdtemp(prefix="live"))
    )
    pack = [json.loads(line) for line in cli(home, "questions", "--pack", PACK, "--json").splitlines()]
    by_prompt = {q["prompt"]: q for q in pack}
    code = json.loads(
        cli(
            home,
            "class",
            "new",
            f"Bench {n}",
            "--pack",
            PACK,
            "--count",
            str(questions),
            "--seed",
            str(SEED),
            "--mode",
            "live",
            "--json",
        )  # fmt: skip
    )["code"]
    students: list[Student] = []
    host: subprocess.Popen[bytes] | None = None
    problems: list[str] = []
    opened: dict[int, float] = {}
    printed: dict[int, float] = {}
    deadline = time.monotonic() + GUARD_S
    try:
        started = time.monotonic()
        for i in range(n):
            proc = subprocess.Popen(
                [sys.executable, "-m", "kopick_quiz", "play", "--plain", "--class", code, "--player", f"s{i:02d}"],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env_for(home),
            )  # fmt: skip
            students.append(Student(f"s{i:02d}", i, proc, think, random.Random(i)))
        threads = [threading.Thread(target=s.run, args=(by_prompt, pack), daemon=True) for s in students]
        for t in threads:
            t.start()
        for s in students:
            if not s.seated.wait(max(0.0, deadline - time.monotonic())):
                raise SystemExit(f"{s.player} never sat down")
        join_s = time.monotonic() - started
        began = time.monotonic()
        host = subprocess.Popen(
            [sys.executable, "-m", "kopick_quiz", "class", "host", code, "--auto", f"{auto:g}"],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env_for(home),
        )  # fmt: skip
        assert host.stdout is not None
        for raw in host.stdout:
            stamp = time.time()
            if (match := HOST_OPEN.match(raw.decode("utf-8", "replace"))) is not None:
                number = int(match[1])
                printed[number] = stamp
                found = opened_at(home / "kopick.db", number)
                if found is None:
                    problems.append(f"question {number} had closed before the bench read its opening")
                else:
                    opened[number] = found
        if host.wait(timeout=max(1.0, deadline - time.monotonic())) != 0:
            assert host.stderr is not None
            problems.append(f"class host failed: {host.stderr.read().decode()}")
        for s, t in zip(students, threads, strict=True):
            s.proc.wait(timeout=max(1.0, deadline - time.monotonic()))
            t.join(timeout=max(1.0, deadline - time.monotonic()))
        game_s = time.monotonic() - began
    finally:
        for proc in [s.proc for s in students] + ([host] if host else []):
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    for s in students:
        problems += [f"{s.player}: {p}" for p in s.problems]
        missing = sorted(set(range(1, questions + 1)) - set(s.seen))
        if missing:
            problems.append(f"{s.player} never saw questions {missing}")
    rows = list(csv.DictReader(io.StringIO(cli(home, "results", "--class", code, "--csv"))))
    twice = [k for k, c in Counter((r["player"], r["question_id"]) for r in rows).items() if c > 1]
    recorded = {(r["player"], r["question_id"], r["answer"]) for r in rows}
    sent = {(s.player, qid, text) for s in students for qid, text in s.sent}
    if twice or recorded != sent or len(rows) != n * questions:
        problems.append(
            f"results: {len(rows)} rows for {len(sent)} answers sent, {len(twice)} twice, "
            f"{len(sent - recorded)} missing"
        )
    if keep is None:
        shutil.rmtree(home, ignore_errors=True)
    return Run(n, opened, printed, [s.seen for s in students],
               [a for s in students for a in s.acks[1:]], [s.acks[0] for s in students if s.acks],
               join_s, game_s, problems)  # fmt: skip


def bare_read_ms(home_hint: Path | None) -> float:
    """p50 of the read each student polls with (`Store.game`), in this process, on an idle store."""
    from kopick_quiz.store import Store

    home = Path(tempfile.mkdtemp(prefix="liveread", dir=home_hint))
    cli(home, "class", "new", "Read", "--pack", PACK, "--count", "3", "--mode", "live", "--json")
    store = Store.open(home)
    try:
        klass = store.classes()[0]
        store.open_game(klass.class_id, 20.0)
        times = []
        for _ in range(500):
            t = time.perf_counter()
            store.game(klass.class_id)
            times.append(time.perf_counter() - t)
    finally:
        store.close()
        if home_hint is None:
            shutil.rmtree(home, ignore_errors=True)
    return statistics.median(times) * 1000


def pct(values: list[float], p: float) -> float:
    """The p-th percentile (nearest rank), in ms."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(p / 100 * len(ordered) + 0.5) - 1))] * 1000


def delays(run: Run) -> tuple[list[float], list[float]]:
    """(the last student's delay per question, every student's delay on every question), seconds."""
    last, every = [], []
    for number, opened in sorted(run.opened.items()):
        mine = [seen[number] - opened for seen in run.seen if number in seen]
        if mine:
            last.append(max(mine))
            every += mine
    return last, every


def sizes_of(text: str) -> list[int]:
    try:
        sizes = [int(x) for x in text.split(",")]
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a list of class sizes such as 10,20,40") from None
    if min(sizes) < 1:
        raise argparse.ArgumentTypeError("a class has at least one student")
    return sizes


def main() -> int:
    from kopick_quiz.plain_live import POLL_S

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--students",
        type=sizes_of,
        default=[10, 20, 40],
        help="class sizes, comma-separated (default 10,20,40)",
    )
    parser.add_argument("--questions", type=int, default=10, help="questions in each game (default 10)")
    parser.add_argument(
        "--auto", type=float, default=1.0, help="host's seconds on each spread and board (default 1)"
    )
    parser.add_argument(
        "--think", type=float, default=1.0, help="a student's thinking time, ±50%% (default 1 s)"
    )
    parser.add_argument("--detail", action="store_true", help="also print each question's delay")
    parser.add_argument("--keep", type=Path, help="keep the data folders under this folder")
    args = parser.parse_args()
    sizes = args.students
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)

    read_ms = bare_read_ms(args.keep)
    runs = [play(n, args.questions, args.auto, args.think, args.keep) for n in [1, *sizes]]
    base_last, base_every = delays(runs[0])
    base = statistics.median(base_every) * 1000
    base_ack = statistics.median(runs[0].acks) * 1000

    print(f"live game: {args.questions} questions, host --auto {args.auto:g}, think {args.think:g} s ±50%,"
          f" students poll every {POLL_S * 1000:.0f} ms; {os.cpu_count()} cores")  # fmt: skip
    print(f"bare store read (Store.game, idle): {read_ms:.2f} ms; one student alone sees a question "
          f"{base:.0f} ms after it opens (p50), its verdict {base_ack:.0f} ms after the answer (p50)")  # fmt: skip
    print()
    head = ("students", "last p50", "last p95", "÷ alone", "all p50", "all p95", "÷ alone", "host print p50",
            "answer→verdict p50", "p95", "first answer p50", "join", "game")  # fmt: skip
    print(" | ".join(head))
    print(" | ".join("---" for _ in head))
    failed = False
    for run in runs:
        last, every = delays(run)
        host_lag = [run.printed[k] - run.opened[k] for k in run.opened if k in run.printed]
        print(
            " | ".join(
                [
                    str(run.students),
                    f"{pct(last, 50):.0f} ms",
                    f"{pct(last, 95):.0f} ms",
                    f"{pct(last, 95) / pct(base_last, 95):.1f}x",
                    f"{pct(every, 50):.0f} ms",
                    f"{pct(every, 95):.0f} ms",
                    f"{pct(every, 95) / pct(base_every, 95):.1f}x",
                    f"{pct(host_lag, 50):.0f} ms",
                    f"{pct(run.acks, 50):.0f} ms",
                    f"{pct(run.acks, 95):.0f} ms",
                    f"{pct(run.first_acks, 50):.0f} ms",
                    f"{run.join_s:.1f} s",
                    f"{run.game_s:.1f} s",
                ]
            )
        )
        if args.detail:
            print("  last student's delay by question: " + ", ".join(f"{x * 1000:.0f}" for x in last) + " ms")
        for p in run.problems:
            print(f"  problem with {run.students}: {p}")
            failed = True
    biggest = runs[-1]
    verdict = pct(delays(biggest)[0], 95)
    mark = "met" if verdict < GOAL_P95_MS else "MISSED"
    print(f"\ngoal: the last of {biggest.students} students sees a question within {GOAL_P95_MS:.0f} ms (p95): "
          f"{verdict:.0f} ms, {mark}")  # fmt: skip
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
