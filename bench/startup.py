"""Time from launch to the first question on screen, in a real pseudo-terminal.

Runs `kopick-quiz play --seed 1` and a bare Textual app (bench/bare_app.py: Header, Static,
Input, Footer) alternately in a pty, N times each, and reads each one's output until the text
it is waiting for appears: the first question's prompt, or the bare app's Static. Prints the
medians and the ratio. The library cache is warmed first (a student's second start and every
one after it).

`--cold` measures a first start instead: an empty user cache before every run. It builds a wheel
of this tree (or takes `--wheel FILE`), installs it into a folder of its own as `pip install`
would, and times four apps in turn: the bare app, the installed wheel (which carries the
compiled cache of its data: the figure the goal is about), this source tree, which has no
such copy and builds the user's cache on each start (what a first start cost before), and this
source tree with its user cache in place (a warm start, what the first one should match).

    .venv/bin/python bench/startup.py            # 15 runs each
    .venv/bin/python bench/startup.py -n 30 --cold
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import os
import re
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
COLUMNS, LINES = 100, 30
TIMEOUT_S = 30.0
ANSI = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-_]")


def first_prompt(home: Path, facts: Path | None = None, packs: Path | None = None) -> str:
    """The first question `play --seed 1` asks, computed the way the app does."""
    from kopick_quiz.library import open_library
    from kopick_quiz.paths import user_packs_dir
    from kopick_quiz.session import select as choose

    library = open_library(facts, [packs] if packs else (), user_packs_dir(home), cache_dir=home / "cache")
    question = choose(library.questions(None), 10, 1)[0]
    return question.prompt


def synthetic_library(home: Path, films: int) -> tuple[Path, Path]:
    """A synthetic fact base of `films` films and a pack generated from it (a 2,000-question recipe)."""
    sys.path.insert(0, str(HERE))
    from synth import write_yaml

    facts = home / f"facts-{films}.yaml"
    write_yaml(facts, n_films=films, seed=0)
    packs = home / "synthetic-packs"
    packs.mkdir()
    (packs / "synthetic.yaml").write_text(
        "id: synthetic\ntitle: Synthetic filmography\ngenerate:\n  count: 2000\n", encoding="utf-8"
    )
    return facts, packs


def time_to_text(argv: list[str], marker: str, env: dict[str, str]) -> float:
    """Seconds from starting `argv` in a pty until `marker` shows in what it writes."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLUMNS, 0, 0))
    # The marker as it reaches the screen: words may be split by style codes, never reordered.
    words = [w.encode() for w in marker.split()[:4]]
    pattern = re.compile(rb"\s+".join(re.escape(w) for w in words))
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True)
    os.close(slave)
    seen = b""
    try:
        while True:
            left = TIMEOUT_S - (time.perf_counter() - start)
            if left <= 0:
                raise TimeoutError(f"{' '.join(argv)}: {marker!r} did not show in {TIMEOUT_S:.0f}s")
            ready, _, _ = select.select([master], [], [], left)
            if not ready:
                continue
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the child closed the terminal
                raise RuntimeError(f"{' '.join(argv)} exited before showing {marker!r}") from None
            seen += chunk
            if pattern.search(ANSI.sub(b"", seen)):
                return time.perf_counter() - start
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        os.close(master)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=15, help="runs of each app (default 15)")
    parser.add_argument(
        "--cold",
        action="store_true",
        help="an empty user cache before every start: an installed wheel beside this source tree",
    )
    parser.add_argument("--wheel", type=Path, help="with --cold: this wheel instead of one built now")
    parser.add_argument(
        "--films",
        type=int,
        help="use a synthetic fact base of this many films (bench/synth.py) and a pack from it",
    )
    args = parser.parse_args()

    exe = shutil.which("kopick-quiz", path=str(Path(sys.executable).parent)) or "kopick-quiz"
    home = Path(tempfile.mkdtemp(prefix="kopick-bench-"))
    env = {
        **os.environ,
        "KOPICK_QUIZ_HOME": str(home),
        "TERM": "xterm-256color",
        "COLUMNS": str(COLUMNS),
        "LINES": str(LINES),
    }
    env.pop("TEXTUAL", None)
    # As in any normal install, let Python keep the compiled modules (the warm-up runs write them);
    # without that every start would compile kopick-quiz from source.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    extra: list[str] = []
    facts = packs = None
    if args.films:
        facts, packs = synthetic_library(home, args.films)
        extra = ["--facts", str(facts), "--packs", str(packs)]
    prompt = first_prompt(home, facts, packs)  # also writes the library cache, as a first start does
    play = ["play", "--seed", "1", "--player", "bench", *extra]
    bare = [sys.executable, str(HERE / "bare_app.py")]
    bare_marker = "Which Thai studio co-produced The Medium?"
    apps: dict[str, tuple[list[str], str, dict[str, str]]] = {"bare": (bare, bare_marker, env)}
    if args.cold:
        site = installed_wheel(home, args.wheel)
        apps["installed wheel"] = (
            [sys.executable, "-m", "kopick_quiz", *play],
            prompt,
            {**env, "PYTHONPATH": str(site)},
        )
        apps["source tree"] = ([exe, *play], prompt, env)
        # What the first start should match: a start with the user's cache in place (its own home).
        warm_home = Path(tempfile.mkdtemp(prefix="kopick-bench-warm-"))
        first_prompt(warm_home, facts, packs)
        apps["source tree, warm"] = ([exe, *play], prompt, {**env, "KOPICK_QUIZ_HOME": str(warm_home)})
    else:
        apps["kopick-quiz"] = ([exe, *play], prompt, env)

    times: dict[str, list[float]] = {name: [] for name in apps}
    for argv, marker, app_env in apps.values():  # warm the OS file cache (and compile the modules)
        time_to_text(argv, marker, app_env)
    for _ in range(args.n):
        for name, (argv, marker, app_env) in apps.items():
            if args.cold:
                shutil.rmtree(home / "cache", ignore_errors=True)
            times[name].append(time_to_text(argv, marker, app_env))
    shutil.rmtree(home, ignore_errors=True)
    if args.cold:
        shutil.rmtree(warm_home, ignore_errors=True)

    bare_median = statistics.median(times["bare"])
    print(f"first question: {prompt}")
    base = f"{args.films:,}-film synthetic base" if args.films else "shipped facts"
    print(
        f"runs: {args.n} each, {COLUMNS}x{LINES} pty, "
        f"{'cold (an empty user cache every start)' if args.cold else 'warm cache'}, {base}"
    )
    for name, values in times.items():
        median = statistics.median(values)
        print(
            f"  {name:<16} median {median * 1000:7.1f} ms   min {min(values) * 1000:7.1f}   "
            f"max {max(values) * 1000:7.1f}   ratio to bare {median / bare_median:.2f}x"
        )
    print(
        "  goal: at most 1.30x the bare app"
        + (", cold as warm, for the installed wheel" if args.cold else "")
    )
    if args.cold:
        first = statistics.median(times["installed wheel"]) / statistics.median(times["source tree, warm"])
        print(
            f"  the installed wheel's first start is {first:.2f}x a warm start "
            f"(issue 21: as fast as a warm one; {'met' if first <= 1.10 else 'NOT met'} within a tenth)"
        )
    return 0


def installed_wheel(home: Path, wheel: Path | None) -> Path:
    """A wheel of this tree (built now unless given) installed as `pip install` does, into its own folder."""
    if wheel is None:
        built = home / "wheel"
        subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", str(HERE.parent), "-w", str(built)],
            check=True,
        )
        wheel = next(built.glob("kopick_quiz-*.whl"))
    site = home / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(site), str(wheel)],
        check=True,
    )
    return site


if __name__ == "__main__":
    raise SystemExit(main())
