"""Kill -9 a process recording answers, again and again: no committed answer is ever lost
(on a SQLite file and on a PostgreSQL database)."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kopick_quiz.store import Store

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")

KILLS = 20

# Records answers in a loop and prints each one's id only after record() has returned (committed).
CHILD = r"""
import sys
from kopick_quiz.grading import Verdict
from kopick_quiz.questions import Question
from kopick_quiz.session import Answered
from kopick_quiz.store import Store

print("OPENING", flush=True)
store = Store.open(sys.argv[1], db=sys.argv[3] or None)
if store.notice:
    print("NOTICE", store.notice, flush=True)
label = sys.argv[2]
ids = [f"q{i}" for i in range(50)]
quiz = store.start_quiz("Mina", "p", "quick", ids * 20, None)
print("READY", flush=True)
verdict = Verdict("correct", 1.0, "A", "")
i = 0
while True:
    q = Question(id=ids[i % 50], pack="p", type="short", prompt="?", answers=("A",), tags=("people",))
    answer_id = store.record(quiz, Answered(q, f"{label}-{i}", verdict, 0, 1.0, 10, i))
    print(answer_id, f"{label}-{i}", flush=True)
    i += 1
"""


def run_and_kill(folder: Path, url: str | None, label: int, rng: random.Random) -> tuple[list[str], int]:
    """Start a recorder, SIGKILL it at a random moment; returns every line it printed and its exit code."""
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(folder), str(label), url or ""],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    watchdog = threading.Timer(20, proc.kill)  # a hung child fails the test instead of hanging it
    watchdog.start()
    lines: list[str] = []
    try:
        assert proc.stdout is not None and proc.stderr is not None
        if label % 5 == 0:
            # While opening (the first time: creating) the file, or just after.
            lines.append(proc.stdout.readline())
            time.sleep(rng.uniform(0.0, 0.015))
        else:
            wanted = rng.randint(1, 40)
            for line in proc.stdout:
                lines.append(line)
                if line.startswith("NOTICE") or sum(x[0].isdigit() for x in lines) >= wanted:
                    break
            time.sleep(rng.uniform(0.0, 0.004))  # land between, or inside, commits
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        lines += proc.stdout.readlines()  # printed (so committed) before the kill, not read yet
        err = proc.stderr.read()
    finally:
        watchdog.cancel()
        proc.stdout.close()
        proc.stderr.close()
    assert "Traceback" not in err, err
    return lines, proc.returncode


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def where(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str | None]:
    """The store's --db: None (the folder's SQLite file) or a PostgreSQL database with no schema
    yet, so that the recorders killed while opening it are killed while making its schema."""
    if request.param == "sqlite":
        yield None
        return
    server = request.getfixturevalue("pg_server")
    url = server.fresh(empty=True)
    yield url
    server.drop(url)


def test_killing_a_recorder_never_loses_a_committed_answer(tmp_path: Path, where: str | None) -> None:
    rng = random.Random(6)
    printed: dict[int, str] = {}
    for label in range(KILLS):
        lines, code = run_and_kill(tmp_path, where, label, rng)
        assert code == -signal.SIGKILL, f"recorder {label} ended by itself ({code})"
        for line in lines:
            assert not line.startswith("NOTICE"), line
            if line.endswith("\n") and line[0].isdigit():
                answer_id, text = line.split()
                printed[int(answer_id)] = text
    assert len(printed) >= KILLS  # the test did exercise recording
    with Store.open(tmp_path, db=where) as store:
        assert store.notice is None
        stored = {r.answer_id: r.typed for r in store.answers()}
        assert store.integrity_check() == "ok"
        reviews = sum(c.reviews for c in store.cards("Mina").values())
    missing = {i: t for i, t in printed.items() if stored.get(i) != t}
    assert missing == {}
    # An answer and its card's review are one transaction: never one without the other.
    assert reviews == len(stored)
