"""A class in browsers: answer-to-feedback latency and memory of `kopick-quiz serve` with 10, 20, 40 students.

Starts `kopick-quiz serve --class CODE` on a free localhost port and drives each simulated
student through the served path a browser takes: a websocket to /ws (textual-serve starts one
app process per connection), keys sent as xterm.js sends them (["stdin", text] frames), the
screen read back from the terminal output (binary frames, ANSI escapes stripped). A student
presses Tab and types a name on the join screen, waits for the first question, then answers the
10 questions of a self-paced class with a mix of right, wrong and typo'd answers and one /skip,
thinking a while before each (--think). The clock runs from the Enter (or the y/n key of a
true/false question) to the first output that shows the verdict ("Correct", "Not quite",
"Skipped." ...): what the student waits for. Everyone joins at once; the answers start when
all of them are seated and their apps have finished loading (an app shows the first question
first and builds its grader after: with 40 joining at once, the last ones are still at it when
the last student is seated), so the latencies are those of N students in session, and the joins
and that loading are timed on their own.

Memory: VmRSS and VmHWM (peak) of each served app process (and of the server itself), read
from /proc while all N are connected, after their last answer; with each one's CPU time so far
(and their sum over the run's wall time: how many cores the apps kept busy). CPU an answer:
the apps' and the server's CPU time from the moment everyone is seated to the last answer,
divided by the answers: what one answer costs the machine, whatever else is running on it.
The simulated browsers (this script: 40 websockets, every frame decoded) run on the same cores
as the server, which a real class's browsers do not: their CPU an answer is shown beside.

Baseline, measured in the same run: one student alone (same questions, same think time). The
figures are given as ratios against it. Goal: p95 under 300 ms with 40 students.

At the end every answer sent must be in `results --class CODE --csv`, once.

    .venv/bin/python bench/classroom.py                      # 10, 20, 40 students, ~2 s think
    .venv/bin/python bench/classroom.py --students 40 --think 0.5
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import csv
import io
import json
import os
import random
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp

PACK = "context"  # every question type: choice, short, true/false, year, number, multi, order
QUESTIONS = 10
GOAL_P95_MS = 300.0
STEP_TIMEOUT_S = 60.0  # one screen to appear: a runaway guard, generous on a loaded machine
JOIN_TIMEOUT_S = 300.0  # all N app processes started and seated
IDLE_CORES = 0.005  # what a seated student's app uses while nobody types (0.2% measured)
SETTLED_CORES = 0.1  # beyond that, all apps together: loading is over
ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-_]")
VERDICTS = ("Correct", "Close enough", "Partly right", "Not quite", "Skipped.")
WIDTH, HEIGHT = 100, 40
NOT_SAVED = "not being saved"  # the app's notice when the store refused or failed a write


# -- the command line --------------------------------------------------------------------------------


def env_for(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("KOPICK_QUIZ_DB", "KOPICK_QUIZ_HOME")}
    return env | {"KOPICK_QUIZ_HOME": str(home), "PYTHONIOENCODING": "utf-8"}


def cli(home: Path, *args: str, stdin: str | None = None) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "kopick_quiz", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env_for(home),
        timeout=300,
    )
    if done.returncode != 0:
        raise SystemExit(f"kopick-quiz {' '.join(args)} failed:\n{done.stderr}")
    return done.stdout


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def served(home: Path, code: str) -> Iterator[tuple[subprocess.Popen[bytes], int]]:
    """`kopick-quiz serve --class CODE` on a free localhost port; stopped (with its app processes) on exit."""
    port = free_port()
    log = (home / "serve.log").open("wb")  # the server's output, and its app processes' errors
    proc = subprocess.Popen(
        [sys.executable, "-m", "kopick_quiz", "serve", "--port", str(port), "--class", code],
        env=env_for(home),
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its own process group: the app processes it starts go with it
    )
    try:
        deadline = time.monotonic() + STEP_TIMEOUT_S
        while True:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.5):
                break
            if proc.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"kopick-quiz serve did not start (exit code {proc.poll()})")
            time.sleep(0.1)
        yield proc, port
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=15)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)  # anything of the group still there
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=5)
        log.close()


# -- what a student types ----------------------------------------------------------------------------


def right(q: dict) -> str:
    return ", ".join(q["answers"]) if q["type"] in ("multi", "order") else q["answers"][0]


def wrong(q: dict, pack: list[dict]) -> str:
    if q["type"] == "truefalse":
        return "false" if q["answers"][0] == "true" else "true"
    if q["type"] == "choice":
        return next(c for c in q["choices"] if c not in q["answers"])
    if q["type"] in ("year", "number"):
        return str(int(float(q["answers"][0])) + 7)
    if q["type"] in ("order", "multi"):
        return q["answers"][-1]
    taken = {a.casefold() for a in q["answers"]}
    others = [p for p in pack if p["type"] == "short" and p["answers"][0].casefold() not in taken]
    return others[len(q["prompt"]) % len(others)]["answers"][0]


def typo(q: dict) -> str:
    words = right(q).split(" ")
    i = max(range(len(words)), key=lambda j: len(words[j]))
    if len(words[i]) >= 5 and words[i].isalpha():
        words[i] = words[i][:2] + words[i][3] + words[i][2] + words[i][4:]
    else:
        words[i] = words[i].upper()
    return " ".join(words)


def keys_for(kind: str, q: dict, pack: list[dict]) -> tuple[str, bool]:
    """What to send for an answer and whether it is typed (then Enter) or one key that picks."""
    if kind == "skip":
        return "/skip", True
    if q["type"] == "truefalse" and kind != "typo":
        text = right(q) if kind == "right" else wrong(q, pack)
        return ("y" if text == "true" else "n"), False
    text = {"right": right, "typo": typo}[kind](q) if kind != "wrong" else wrong(q, pack)
    if q["options_as_keys"] and text[:1].isdigit():
        text = " " + text  # a leading digit on an empty line would pick that option instead of typing
    return text, True


def plan(student: int, position: int) -> str:
    if position == student % QUESTIONS:
        return "skip"
    return ("right", "typo", "wrong", "right")[(student + position) % 4]


# -- one simulated browser ---------------------------------------------------------------------------


@dataclass
class Terminal:
    """The text a websocket has received, chunk by chunk with arrival times."""

    ws: aiohttp.ClientWebSocketResponse
    chunks: list[tuple[float, str]] = field(default_factory=list)
    arrived: asyncio.Event = field(default_factory=asyncio.Event)
    closed: bool = False

    async def read(self) -> None:
        async for msg in self.ws:
            if msg.type == aiohttp.WSMsgType.BINARY:
                self.chunks.append((time.perf_counter(), ANSI.sub("", msg.data.decode("utf-8", "replace"))))
                self.arrived.set()
        self.closed = True
        self.arrived.set()

    def mark(self) -> int:
        return len(self.chunks)

    async def wait_for(self, needles: tuple[str, ...], since: int, timeout: float = STEP_TIMEOUT_S) -> float:
        """The arrival time of the first output after `since` that shows one of `needles`."""
        deadline = time.monotonic() + timeout
        seen, i = "", since
        while True:
            while i < len(self.chunks):
                t, text = self.chunks[i]
                seen += text
                i += 1
                if any(n in seen[-(len(text) + 200) :] for n in needles):
                    return t
            if self.closed:
                raise ConnectionError(
                    f"the app closed the connection while waiting for {needles[0]!r}{self.tail()}"
                )
            self.arrived.clear()
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"{needles[0]!r} did not appear within {timeout:.0f} s{self.tail()}")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.arrived.wait(), left)

    def tail(self) -> str:
        """The end of what the screen showed, squeezed, for an error message."""
        text = " ".join("".join(t for _, t in self.chunks[-20:]).split())
        return f"; the screen ended with: {text[-400:]!r}"

    async def send(self, text: str) -> float:
        await self.ws.send_json(["stdin", text])
        return time.perf_counter()


async def tab_to_name(term: Terminal, name: str) -> None:
    """Type the name into the join screen's name field.

    The field should have the focus when the screen appears; when the name does not show (an
    earlier version started with nothing focused), the student presses Tab, as they would, then
    Ctrl+U (clear the line) and types again once the focus has moved. Had the first name reached
    the field after all, Tab left it for the Join button, where the second is lost: one name either way.
    """
    for attempt in range(4):
        if attempt:
            mark = term.mark()
            await term.send("\t")
            with contextlib.suppress(TimeoutError):
                await term.wait_for(("",), mark, 5.0)  # the redraw that moves the focus
            await term.send("\x15")
        mark = term.mark()
        await term.send(name)
        with contextlib.suppress(TimeoutError):
            await term.wait_for((name,), mark, 20.0)
            return
    raise TimeoutError(f"the name {name!r} could not be typed into the join screen{term.tail()}")


@dataclass
class Result:
    name: str
    join_s: float = float("nan")
    latencies_ms: list[float] = field(default_factory=list)
    sent: dict[str, tuple[str, str]] = field(default_factory=dict)  # question id: (kind, text)
    error: str = ""


async def student(
    http: aiohttp.ClientSession,
    port: int,
    number: int,
    name: str,
    order: list[dict],
    pack: list[dict],
    think: float,
    seated: asyncio.Event,
    seated_count: list[int],
    everyone: int,
    go: asyncio.Event,
    done_count: list[int],
    all_done: asyncio.Event,
    release: asyncio.Event,
) -> Result:
    result = Result(name)
    rng = random.Random(number)
    start = time.perf_counter()
    try:
        async with http.ws_connect(f"http://127.0.0.1:{port}/ws?width={WIDTH}&height={HEIGHT}") as ws:
            term = Terminal(ws)
            reader = asyncio.create_task(term.read())
            try:
                await ws.send_json(["resize", {"width": WIDTH, "height": HEIGHT}])
                await term.wait_for(("Your name",), 0, JOIN_TIMEOUT_S)
                await tab_to_name(term, name)
                mark = term.mark()
                await term.send("\r")
                await term.wait_for(("Question 1 of",), mark, JOIN_TIMEOUT_S)
                result.join_s = time.perf_counter() - start
            finally:
                seated_count[0] += 1
                if seated_count[0] == everyone:
                    seated.set()
            await asyncio.wait_for(go.wait(), JOIN_TIMEOUT_S)
            for position, q in enumerate(order):
                await asyncio.sleep(think * rng.uniform(0.5, 1.5))
                kind = plan(number, position)
                keys, typed = keys_for(kind, q, pack)
                result.sent[q["id"]] = (kind, keys)
                if typed:
                    mark = term.mark()
                    await term.send(keys)
                    await term.wait_for((keys.strip()[-8:],), mark)  # echoed in the answer line
                mark = term.mark()
                sent_at = await term.send("\r" if typed else keys)
                # After the last answer the results screen can replace the quiz before its feedback is drawn.
                last = position + 1 == len(order)
                shown_at = await term.wait_for(VERDICTS + (("Results",) if last else ()), mark)
                result.latencies_ms.append((shown_at - sent_at) * 1000)
                if position + 1 < len(order):
                    await term.wait_for((f"Question {position + 2} of",), mark)
            done_count[0] += 1
            if done_count[0] == everyone:
                all_done.set()
            await asyncio.wait_for(release.wait(), JOIN_TIMEOUT_S)
            reader.cancel()
            screen = " ".join("".join(t for _, t in term.chunks).split())
            if (at := screen.find(NOT_SAVED)) >= 0:
                result.error = f"the app said: {screen[at : at + 200]!r}"
    except (TimeoutError, ConnectionError, aiohttp.ClientError) as exc:
        result.error = f"{type(exc).__name__}: {exc}"
        done_count[0] += 1
        if done_count[0] == everyone:
            all_done.set()
    return result


# -- memory of the served processes ------------------------------------------------------------------


def status_kib(pid: int) -> dict[str, int]:
    with contextlib.suppress(OSError):
        text = Path(f"/proc/{pid}/status").read_text()
        return {
            line.split(":")[0]: int(line.split()[1])
            for line in text.splitlines()
            if line.startswith(("VmRSS:", "VmHWM:"))
        }
    return {}


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU time a process has used so far."""
    with contextlib.suppress(OSError, IndexError, ValueError):
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return None


async def settled(server: int) -> float:
    """Wait until the app processes have finished loading (a seated student's app still builds
    its grader after the first question shows): until their CPU use over a second is what idle
    apps use. Returns how long that took."""
    start = time.perf_counter()
    previous = None
    while time.perf_counter() - start < JOIN_TIMEOUT_S:
        pids = app_processes(server)
        now = sum(c for c in map(cpu_seconds, pids) if c is not None)
        if previous is not None and now - previous < SETTLED_CORES + IDLE_CORES * len(pids):
            break
        previous = now
        await asyncio.sleep(1.0)
    return time.perf_counter() - start


def app_processes(server: int) -> list[int]:
    """The served app processes under the server: `python -m kopick_quiz ... served` (not their /bin/sh)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        with contextlib.suppress(OSError, IndexError, ValueError):
            ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            children.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [server]
    while todo:
        pid = todo.pop()
        for child in children.get(pid, []):
            todo.append(child)
            with contextlib.suppress(OSError):
                argv = Path(f"/proc/{child}/cmdline").read_bytes().split(b"\0")
                if b"kopick_quiz" in argv and b"served" in argv:
                    found.append(child)
    return found


@dataclass
class Run:
    students: int
    results: list[Result]
    rss_kib: list[int]
    hwm_kib: list[int]
    server_kib: dict[str, int]
    wall_s: float
    cpu_s: list[float]  # each app process's CPU time over the run
    answer_cpu_s: float = 0.0  # the apps' CPU time while the students answered (from go to the last answer)
    server_cpu_s: float = 0.0  # the server's CPU time over the same stretch
    client_cpu_s: float = 0.0  # this benchmark's own (the simulated browsers'), over the same stretch
    settle_s: float = 0.0  # from the last student seated to every app done loading

    @property
    def answers(self) -> int:
        return sum(len(r.latencies_ms) for r in self.results)

    def per_answer_ms(self, seconds: float) -> float:
        return seconds * 1000 / self.answers if self.answers else float("nan")

    @property
    def latencies(self) -> list[float]:
        return sorted(ms for r in self.results for ms in r.latencies_ms)

    @property
    def errors(self) -> list[str]:
        return [f"{r.name}: {r.error}" for r in self.results if r.error]


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))]


async def run_students(
    proc: subprocess.Popen[bytes],
    port: int,
    n: int,
    prefix: str,
    order: list[dict],
    pack: list[dict],
    think: float,
) -> Run:
    seated, go, all_done, release = asyncio.Event(), asyncio.Event(), asyncio.Event(), asyncio.Event()
    seated_count, done_count = [0], [0]
    start = time.perf_counter()
    timeout = aiohttp.ClientTimeout(total=None, sock_connect=STEP_TIMEOUT_S)
    async with aiohttp.ClientSession(timeout=timeout) as http:
        tasks = [
            asyncio.create_task(
                student(
                    http, port, i, f"{prefix}{i:02d}", order, pack, think,
                    seated, seated_count, n, go, done_count, all_done, release,
                )
            )
            for i in range(n)
        ]  # fmt: skip
        try:
            await asyncio.wait_for(seated.wait(), JOIN_TIMEOUT_S + 10)
            settle_s = await settled(proc.pid)
            before = {pid: cpu_seconds(pid) or 0.0 for pid in app_processes(proc.pid)}
            server_before = cpu_seconds(proc.pid) or 0.0
            client_before = time.process_time()
            go.set()
            await asyncio.wait_for(all_done.wait(), QUESTIONS * (think * 1.5 + 2 * STEP_TIMEOUT_S))
            pids = app_processes(proc.pid)
            memory = [status_kib(pid) for pid in pids]
            after = {pid: cpu_seconds(pid) for pid in pids}
            cpu = [c for c in after.values() if c is not None]
            answer_cpu = sum(c - before.get(pid, 0.0) for pid, c in after.items() if c is not None)
            server_cpu = (cpu_seconds(proc.pid) or 0.0) - server_before
            client_cpu = time.process_time() - client_before
            server = status_kib(proc.pid)
            release.set()
            results = await asyncio.wait_for(asyncio.gather(*tasks), STEP_TIMEOUT_S)
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
    # Closing a websocket stops its app; wait for them to go before the next run.
    deadline = time.monotonic() + STEP_TIMEOUT_S
    while app_processes(proc.pid) and time.monotonic() < deadline:
        await asyncio.sleep(0.2)
    return Run(
        n,
        results,
        [m["VmRSS"] for m in memory if "VmRSS" in m],
        [m["VmHWM"] for m in memory if "VmHWM" in m],
        server,
        time.perf_counter() - start,
        cpu,
        answer_cpu,
        server_cpu,
        client_cpu,
        settle_s,
    )


# -- the report --------------------------------------------------------------------------------------


def check_results(home: Path, code: str, runs: list[Run]) -> list[str]:
    """Every answer sent is in the teacher's results, once, as typed; a right one is right."""
    rows = list(csv.DictReader(io.StringIO(cli(home, "results", "--class", code, "--csv"))))
    recorded = Counter((r["player"], r["question_id"]) for r in rows)
    by_key = {(r["player"], r["question_id"]): r for r in rows}
    problems = [f"{p} {q}: recorded {n} times" for (p, q), n in recorded.items() if n > 1]
    for run in runs:
        for res in run.results:
            for qid, (kind, text) in res.sent.items():
                row = by_key.get((res.name, qid))
                if row is None:
                    problems.append(f"{res.name} {qid}: missing from the results")
                elif kind == "right" and row["verdict"] != "correct":
                    problems.append(
                        f"{res.name} {qid}: the right answer {text!r} was recorded {row['verdict']}"
                    )
    return problems


def report(runs: list[Run], baseline: Run) -> None:
    b50, b95 = pct(baseline.latencies, 0.5), pct(baseline.latencies, 0.95)
    b_rss = statistics.median(baseline.rss_kib) if baseline.rss_kib else float("nan")
    print(
        f"\nbaseline: 1 student alone: answer to feedback p50 {b50:.0f} ms, p95 {b95:.0f} ms "
        f"({len(baseline.latencies)} answers); app process RSS {b_rss / 1024:.0f} MiB, "
        f"peak {max(baseline.hwm_kib, default=0) / 1024:.0f} MiB, CPU {statistics.median(baseline.cpu_s or [0]):.1f} s "
        f"a run; joined in {statistics.median(r.join_s for r in baseline.results):.1f} s; "
        f"CPU an answer: app {baseline.per_answer_ms(baseline.answer_cpu_s):.0f} ms, "
        f"server {baseline.per_answer_ms(baseline.server_cpu_s):.0f} ms"
    )
    print(
        f"\n{'students':>8}  {'answers':>7}  {'p50 ms':>7}  {'p95 ms':>7}  {'max ms':>7}  {'p50/base':>8}  "
        f"{'p95/base':>8}  {'join p50/p95 s':>14}  {'app RSS MiB med/max':>19}  {'peak MiB max':>12}  "
        f"{'all apps MiB':>12}  {'RSS/base':>8}  {'server MiB':>10}  {'app CPU s med':>13}  {'apps busy cores':>15}  "
        f"{'CPU ms an answer: app/server/browsers':>37}"
    )
    for run in runs:
        lat = run.latencies
        joins = [r.join_s for r in run.results if r.join_s == r.join_s]
        rss = run.rss_kib or [0]
        print(
            f"{run.students:>8}  {len(lat):>7}  {pct(lat, 0.5):>7.0f}  {pct(lat, 0.95):>7.0f}  "
            f"{max(lat, default=float('nan')):>7.0f}  {pct(lat, 0.5) / b50:>7.2f}x  {pct(lat, 0.95) / b95:>7.2f}x  "
            f"{pct(joins, 0.5):>6.1f} / {pct(joins, 0.95):<5.1f}  "
            f"{statistics.median(rss) / 1024:>9.0f} / {max(rss) / 1024:<7.0f}  {max(run.hwm_kib or [0]) / 1024:>12.0f}  "
            f"{sum(rss) / 1024:>12.0f}  {statistics.median(rss) / b_rss:>7.2f}x  "
            f"{run.server_kib.get('VmRSS', 0) / 1024:>10.0f}  {statistics.median(run.cpu_s or [0]):>13.1f}  "
            f"{sum(run.cpu_s) / run.wall_s:>15.2f}  "
            f"{run.per_answer_ms(run.answer_cpu_s):>23.0f} / {run.per_answer_ms(run.server_cpu_s):.0f} / "
            f"{run.per_answer_ms(run.client_cpu_s):<5.0f}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--students", default="10,20,40", help="class sizes to run, comma-separated (default: 10,20,40)"
    )
    parser.add_argument(
        "--think", type=float, default=2.0, help="seconds a student thinks before each answer, on average"
    )
    parser.add_argument("--seed", type=int, default=13, help="which questions the class gets")
    parser.add_argument(
        "--baseline-runs",
        type=int,
        default=3,
        help="how many times the lone student takes the class (default 3)",
    )
    parser.add_argument(
        "--keep",
        metavar="DIR",
        help="use DIR as the data folder and keep it (the store, serve.log) to look at",
    )
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.students.split(",") if s.strip()]

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"kopick-quiz classroom benchmark: {os.cpu_count()} CPUs, load average {load:.1f}, "
        f"think {args.think:g} s, class of {QUESTIONS} questions from '{PACK}'"
    )
    with tempfile.TemporaryDirectory(prefix="kq-classroom-") as folder:
        home = Path(args.keep or folder)
        home.mkdir(parents=True, exist_ok=True)
        # Warm the compiled library cache once, as after the teacher's first command.
        pack = [json.loads(line) for line in cli(home, "questions", "--pack", PACK, "--json").splitlines()]
        made = json.loads(
            cli(
                home,
                "class",
                "new",
                "Bench",
                "--pack",
                PACK,
                "--count",
                str(QUESTIONS),
                "--seed",
                str(args.seed),
                "--json",
            )
        )
        code = made["code"]
        # The class's question order, from a probe student who skips them all in line mode.
        cli(home, "play", "--plain", "--class", code, "--player", "probe", stdin="/skip\n" * QUESTIONS)
        rows = csv.DictReader(io.StringIO(cli(home, "results", "--class", code, "--csv")))
        by_id = {q["id"]: q for q in pack}
        order = [
            dict(by_id[r["question_id"]], options_as_keys=bool(by_id[r["question_id"]]["choices"]))
            for r in rows
        ]
        print(f"class {code}: " + ", ".join(q["type"] for q in order))

        runs: list[Run] = []
        with served(home, code) as (proc, port):
            alone = [
                asyncio.run(run_students(proc, port, 1, f"alone{i}-", order, pack, args.think))
                for i in range(args.baseline_runs)
            ]
            baseline = Run(
                1,
                [r for run in alone for r in run.results],
                [k for run in alone for k in run.rss_kib],
                [k for run in alone for k in run.hwm_kib],
                alone[-1].server_kib,
                sum(run.wall_s for run in alone),
                [c for run in alone for c in run.cpu_s],
                sum(run.answer_cpu_s for run in alone),
                sum(run.server_cpu_s for run in alone),
                sum(run.client_cpu_s for run in alone),
            )
            print(f"  1 student alone, {args.baseline_runs} times: {baseline.wall_s:.0f} s", flush=True)
            for n in sizes:
                runs.append(asyncio.run(run_students(proc, port, n, f"n{n}-", order, pack, args.think)))
                print(
                    f"  {n} students: {runs[-1].wall_s:.0f} s (every app loaded {runs[-1].settle_s:.0f} s "
                    "after the last was seated)",
                    flush=True,
                )
        errors = [e for run in [baseline, *runs] for e in run.errors]
        problems = check_results(home, code, [baseline, *runs])
        served_log = (home / "serve.log").read_text(encoding="utf-8", errors="replace").splitlines()
    report(runs, baseline)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"(load average at the end: {load:.1f}; other work on the machine shows in every figure)")
    for line in errors + problems:
        print(f"  problem: {line}")
    if errors or problems:
        print("the server's last words:\n" + "\n".join(served_log[-40:]))
    at_goal = [run for run in runs if run.students == 40]
    if at_goal:
        p95 = pct(at_goal[0].latencies, 0.95)
        print(
            f"\ngoal: p95 under {GOAL_P95_MS:.0f} ms with 40 students: {p95:.0f} ms, {'met' if p95 < GOAL_P95_MS else 'NOT met'}"
        )
    return 1 if errors or problems or any(pct(r.latencies, 0.95) >= GOAL_P95_MS for r in at_goal) else 0


if __name__ == "__main__":
    sys.exit(main())
