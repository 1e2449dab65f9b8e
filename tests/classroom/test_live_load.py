"""Forty students in one live game: real `play --plain --class` processes, driven by `class host --auto`.

Every student is its own process polling the one store for the game, as a room of SSH logins
does, and answers each question as it shows (right, typo'd or wrong). The host moves the game on
by itself. Every student must see every question, every answer must reach `results` once, and
the board must add up to those rows. Deselect with `-m "not load"`.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from .test_load import assert_board_matches_rows, kopick, right, student_env, typo, wrong

pytestmark = pytest.mark.load

STUDENTS = 40
QUESTIONS = 10
PACK = "context"  # every question type: choice, short, true/false, year, number, multi, order
SEED = 29
AUTO = "0.5"  # seconds on each spread and board before the host moves on
GUARD_S = 300.0  # a runaway guard for a hung or deadlocked process, not a speed limit
QUESTION_LINE = re.compile(r"^Q(\d+)/(\d+)  (.*)  \((\d+) s\)$")
CLOSED_LINE = re.compile(
    r"^Q(\d+) closed: (\d+) right, (\d+) close, (\d+) partly right, (\d+) wrong, (\d+) no answer\."
)


def plan(student: int, position: int) -> str:
    """What student `student` does at question `position`: half right, a quarter typo'd, a quarter wrong."""
    return ("right", "typo", "wrong", "right")[(student + position) % 4]


@dataclass
class Student:
    """One student's process, what it printed, and what it typed ({question id: (kind, text)})."""

    player: str
    number: int
    proc: subprocess.Popen[str]
    lines: list[str] = field(default_factory=list)
    given: dict[str, tuple[str, str]] = field(default_factory=dict)
    seated: threading.Event = field(default_factory=threading.Event)
    problems: list[str] = field(default_factory=list)

    def answer_as_asked(self, by_prompt: dict[str, dict], pack: list[dict]) -> None:
        """Read the student's screen; answer each question the moment it shows."""
        assert self.proc.stdout is not None and self.proc.stdin is not None
        try:
            for raw in self.proc.stdout:
                line = raw.rstrip("\n")
                self.lines.append(line)
                if line.startswith("Waiting for "):
                    self.seated.set()
                elif line.startswith("Game over"):
                    break
                elif (match := QUESTION_LINE.match(line)) is not None:
                    q = by_prompt.get(match[3])
                    if q is None:
                        self.problems.append(f"asked a question not in the pack: {match[3]!r}")
                        continue
                    kind = plan(self.number, int(match[1]) - 1)
                    text = wrong(q, pack) if kind == "wrong" else typo(q) if kind == "typo" else right(q)
                    self.given[q["id"]] = (kind, text)
                    self.proc.stdin.write(text + "\n")
                    self.proc.stdin.flush()
        except (BrokenPipeError, ValueError) as exc:  # the process died (or was killed) under us
            self.problems.append(f"lost its process: {exc!r}")
        finally:
            self.seated.set()  # a student who never sat down does not hold the others up
            with contextlib.suppress(OSError):
                self.proc.stdin.close()


def play_live_class(home: Path, code: str, by_prompt: dict[str, dict], pack: list[dict]) -> dict:
    """Seat every student, host the game with --auto until its podium, collect every screen."""
    students: list[Student] = []
    readers: list[threading.Thread] = []
    deadline = time.monotonic() + GUARD_S
    try:
        for n in range(STUDENTS):
            proc = subprocess.Popen(
                [sys.executable, "-m", "kopick_quiz", "play", "--plain", "--class", code, "--player", f"s{n:02d}"],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                text=True, encoding="utf-8", bufsize=1, env=student_env(home),
            )  # fmt: skip
            students.append(Student(f"s{n:02d}", n, proc))
        for s in students:
            readers.append(threading.Thread(target=s.answer_as_asked, args=(by_prompt, pack), daemon=True))
            readers[-1].start()
        for s in students:  # the host starts once everyone is in the lobby, as a teacher waits
            assert s.seated.wait(max(0.0, deadline - time.monotonic())), f"{s.player} never sat down"
        host = subprocess.run(
            [sys.executable, "-m", "kopick_quiz", "class", "host", code, "--auto", AUTO],
            stdin=subprocess.DEVNULL, capture_output=True, text=True, encoding="utf-8",
            env=student_env(home), timeout=max(1.0, deadline - time.monotonic()),
        )  # fmt: skip
        finished = []
        for s, reader in zip(students, readers, strict=True):
            code_ = s.proc.wait(timeout=max(1.0, deadline - time.monotonic()))
            reader.join(timeout=max(1.0, deadline - time.monotonic()))
            assert s.proc.stderr is not None
            finished.append({"player": s.player, "code": code_, "stderr": s.proc.stderr.read(),
                             "lines": s.lines, "given": s.given, "problems": s.problems})  # fmt: skip
        return {"host": host, "students": finished}
    finally:
        for s in students:  # on any failure no student outlives the test
            if s.proc.poll() is None:
                s.proc.kill()
                s.proc.wait()
            for stream in (s.proc.stdout, s.proc.stderr):
                if stream is not None:
                    stream.close()


@pytest.fixture(scope="module")
def game(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict]:
    home = tmp_path_factory.mktemp("live")
    # These two build the compiled library cache once, so the forty start warm.
    pack = [json.loads(line) for line in kopick(home, "questions", "--pack", PACK, "--json").splitlines()]
    made = json.loads(
        kopick(
            home,
            "class",
            "new",
            "Live load",
            "--pack",
            PACK,
            "--count",
            str(QUESTIONS),
            "--seed",
            str(SEED),
            "--mode",
            "live",
            "--json",
        )  # fmt: skip
    )
    played = play_live_class(home, made["code"], {q["prompt"]: q for q in pack}, pack)
    rows = list(csv.DictReader(io.StringIO(kopick(home, "results", "--class", made["code"], "--csv"))))
    board = [json.loads(line) for line in kopick(home, "class", "board", made["code"], "--json").splitlines()]
    yield {"home": home, "pack": pack, "rows": rows, "board": board, **played}


def test_every_student_sees_every_question_and_the_end(game):
    for s in game["students"]:
        who = s["player"]
        assert (s["code"], s["stderr"], s["problems"]) == (0, "", []), who
        asked = [int(m[1]) for m in map(QUESTION_LINE.match, s["lines"]) if m is not None]
        assert asked == list(range(1, QUESTIONS + 1)), f"{who} saw questions {asked}"
        assert all(m[2] == str(QUESTIONS) for m in map(QUESTION_LINE.match, s["lines"]) if m), who
        acknowledged = [line for line in s["lines"] if line.lstrip().startswith("+") and " points" in line]
        assert len(acknowledged) == QUESTIONS, f"{who}: {len(acknowledged)} answers acknowledged"
        assert not [line for line in s["lines"] if "Too late" in line or "Time is up" in line], who
        assert s["lines"][-1].startswith("Game over: you came "), (who, s["lines"][-3:])


def test_the_host_runs_the_whole_game_and_everyone_answers_each_question(game):
    host = game["host"]
    assert host.returncode == 0, host.stderr
    out = host.stdout.splitlines()
    assert sum(" joined (" in line for line in out) == STUDENTS
    assert f" joined ({STUDENTS} in all)" in host.stdout
    opened = [line for line in out if re.match(rf"^Q\d+/{QUESTIONS} open for ", line)]
    assert len(opened) == QUESTIONS
    closed = [m for m in map(CLOSED_LINE.match, out) if m is not None]
    assert [int(m[1]) for m in closed] == list(range(1, QUESTIONS + 1))
    for m in closed:  # each question closed with all forty answers in: the spread counts them all
        right_, close, partly, wrong_, silent = map(int, m.groups()[1:])
        assert (right_ + close + partly + wrong_, silent) == (STUDENTS, 0), m[0]
    assert "Podium:" in out


def test_every_answer_is_in_the_results_once(game):
    rows = game["rows"]
    assert len(rows) == STUDENTS * QUESTIONS
    twice = [k for k, n in Counter((r["player"], r["question_id"]) for r in rows).items() if n > 1]
    assert twice == []
    sent = {
        (s["player"], qid): text.strip() for s in game["students"] for qid, (_, text) in s["given"].items()
    }
    assert {(r["player"], r["question_id"]): r["answer"] for r in rows} == sent


def test_every_recorded_verdict_is_the_graders(game):
    """Under load each live answer is graded as `kopick-quiz grade` grades it alone; a right one
    earns at least its 10 points, a wrong one none."""
    kinds = {(s["player"], qid): kind for s in game["students"] for qid, (kind, _) in s["given"].items()}
    asked = sorted({(r["question_id"], r["answer"]) for r in game["rows"]})
    lines = "".join(json.dumps({"id": qid, "answer": text}) + "\n" for qid, text in asked)
    graded = {
        (g["id"], g["answer"]): g["verdict"]
        for g in map(json.loads, kopick(game["home"], "grade", "--pack", PACK, stdin=lines).splitlines())
    }
    for r in game["rows"]:
        assert r["verdict"] == graded[(r["question_id"], r["answer"])], r
        if kinds[(r["player"], r["question_id"])] == "right":
            assert r["verdict"] == "correct" and int(r["points"]) >= 10, r
        if r["verdict"] == "incorrect":
            assert r["points"] == "0", r
    verdicts = Counter(r["verdict"] for r in game["rows"])
    assert verdicts["incorrect"] > 0 and verdicts["correct"] > 0  # the mix did reach the store


def test_the_board_adds_up_to_the_rows(game):
    board = game["board"]
    assert_board_matches_rows(board, game["rows"])
    for b in board:
        who = b["player"]
        assert (b["answered"], b["questions"], b["finished"]) == (QUESTIONS, QUESTIONS, True), who
    assert [b["points"] for b in board] == sorted((b["points"] for b in board), reverse=True)
    assert len({b["points"] for b in board}) > 1  # speed and the mix gave different totals
    podium = {s["player"]: s["lines"][-1] for s in game["students"]}
    for b in board:  # each student was told the place the board gives them
        assert f" with {b['points']} points" in podium[b["player"]], (b, podium[b["player"]])
