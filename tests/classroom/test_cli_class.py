"""The classroom's commands as a teacher and students use them, in real processes: class new,
list, board, close, results --class, play --class (resume, exam), host, disputes end to end."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

PACK = """\
id: week3
title: Week 3
questions:
  # a comment the teacher wrote, kept when an answer is added
  - id: week3.studio
    prompt: Which Thai studio co-produced The Medium (2021)?
    answer: GDH 559
  - id: week3.year
    type: year
    prompt: In which year was The Medium released?
    answer: 2021
  - id: week3.director
    prompt: Who directed The Medium (2021)?
    answer: Banjong Pisanthanakun
"""


ANSWERS = {
    "Thai studio": "GDH 559",
    "which year": "2021",
    "Who directed": "Na Hong-jin",
}  # the last one wrong


@pytest.fixture
def home(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    (home / "packs").mkdir(parents=True)
    (home / "packs" / "week3.yaml").write_text(PACK, encoding="utf-8")
    return home


def kopick(home: Path, *argv: str, stdin: str = "", timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "KOPICK_QUIZ_HOME": str(home), "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "kopick_quiz", *argv],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
    )


def new_class(home: Path, *extra: str) -> dict:
    done = kopick(home, "class", "new", "Week 3", "--pack", "week3", "--seed", "1", "--json", *extra)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_a_teachers_class_from_new_to_board_to_close(home):
    klass = new_class(home)
    assert klass["title"] == "Week 3" and klass["mode"] == "self" and klass["questions"] == 3
    listed = kopick(home, "class", "list")
    assert listed.returncode == 0, listed.stderr
    assert klass["code"] in listed.stdout and "self-paced" in listed.stdout
    first = kopick(
        home,
        "play",
        "--plain",
        "--class",
        klass["code"].lower(),
        "--player",
        "Mina",
        stdin="GDH 559\n/skip\n",
    )
    assert first.returncode == 0, first.stderr
    assert "Welcome, Mina: Week 3" in first.stdout
    again = kopick(home, "play", "--plain", "--class", klass["code"], "--player", "mina", stdin="nobody\n")
    assert again.returncode == 0, again.stderr
    assert "Welcome back, Mina" in again.stdout and "1 question" in again.stdout  # resumed at the last one
    board = kopick(home, "class", "board", klass["code"], "--json")
    assert board.returncode == 0, board.stderr
    [row] = [json.loads(line) for line in board.stdout.splitlines()]
    assert (row["player"], row["answered"], row["finished"]) == ("Mina", 3, True)
    rows = kopick(home, "results", "--class", klass["code"], "--csv").stdout.splitlines()
    assert rows[0].startswith("player,quiz_id,pack,mode,question_id") and len(rows) == 4
    assert sum(int(r.split(",")[9]) for r in rows[1:]) == row["points"]
    finished = kopick(home, "play", "--plain", "--class", klass["code"], "--player", "Mina")
    assert finished.returncode == 0, finished.stderr
    assert "You have finished Week 3, Mina" in finished.stdout
    closed = kopick(home, "class", "close", klass["code"])
    assert closed.returncode == 0 and "1 student, 3 answers; it takes no more" in closed.stdout
    late = kopick(home, "play", "--plain", "--class", klass["code"], "--player", "Jun")
    assert late.returncode == 1 and f"the class {klass['code']} (Week 3) is closed" in late.stderr


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("play", "--plain", "--class", "NOPE99", "--player", "x"), "there is no class with the code NOPE99"),
        (("class", "board", "NOPE99"), "there is no class with the code 'NOPE99'"),
        (("class", "new", "T", "--pack", "nosuch"), "nosuch"),
        (("class", "host", "NOPE99"), "there is no class with the code 'NOPE99'"),
    ],
)
def test_a_wrong_name_is_one_sentence_and_exit_1(home, argv, message):
    done = kopick(home, *argv)
    assert done.returncode == 1 and message in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_only_a_live_class_is_hosted(home):
    klass = new_class(home)
    done = kopick(home, "class", "host", klass["code"])
    assert done.returncode == 1 and "only a live class is hosted" in done.stderr


def test_an_exam_refuses_hints_and_questions_to_the_bot(home):
    klass = new_class(home, "--mode", "exam")
    done = kopick(
        home,
        "play",
        "--plain",
        "--class",
        klass["code"],
        "--player",
        "Mina",
        stdin="/hint\n?who directed it\n/quit\n",
    )
    assert done.returncode == 0, done.stderr
    assert "You have 3 min 00 s for the 3 questions left." in done.stdout  # the clock starts once loaded
    assert "No hints in an exam." in done.stdout
    assert "No questions to me during an exam" in done.stdout


def test_a_dispute_accepted_end_to_end(home):
    klass = new_class(home)
    code = klass["code"]
    # The student answers the studio question with a name the pack does not know, and disputes it.
    questions = [
        json.loads(line)
        for line in kopick(home, "questions", "--pack", "week3", "--json").stdout.splitlines()
    ]
    assert {q["id"] for q in questions} == {"week3.studio", "week3.year", "week3.director"}
    play = kopick(
        home, "play", "--plain", "--class", code, "--player", "Mina",
        stdin="GDH\n/dispute GDH is what everyone calls it\n2021\nBanjong Pisanthanakun\n",
    )  # fmt: skip
    assert play.returncode == 0, play.stderr
    assert "Noted: your teacher will look at that answer again" in play.stdout, play.stdout
    listed = kopick(home, "class", "disputes", code)
    assert listed.returncode == 0, listed.stderr
    assert "#1 [open] Mina on:" in listed.stdout and "says: GDH is what everyone calls it" in listed.stdout
    before = json.loads(kopick(home, "class", "board", code, "--json").stdout)
    accepted = kopick(home, "class", "disputes", code, "--accept", "1", "--add-answer")
    assert accepted.returncode == 0, accepted.stderr
    assert (
        "now counts as right" in accepted.stdout and "added 'GDH' to the accepted answers" in accepted.stdout
    )
    after = json.loads(kopick(home, "class", "board", code, "--json").stdout)
    assert after["right"] == before["right"] + 1 and after["points"] > before["points"]
    rows = kopick(home, "results", "--class", code, "--csv").stdout.splitlines()
    assert any(",GDH,correct," in r for r in rows)
    stats = json.loads(kopick(home, "stats", "--player", "Mina", "--json").stdout)["totals"]
    # stats read the same rescored rows as the board
    assert (stats["answers"], stats["right"], stats["points"]) == (3, after["right"], after["points"])
    pack = (home / "packs" / "week3.yaml").read_text(encoding="utf-8")
    assert "# a comment the teacher wrote" in pack and 'accept: ["GDH"]' in pack
    assert kopick(home, "validate", str(home / "packs" / "week3.yaml")).returncode == 0
    graded = kopick(home, "grade", "--pack", "week3", stdin='{"id": "week3.studio", "answer": "GDH"}\n')
    assert graded.returncode == 0, graded.stderr
    assert json.loads(graded.stdout)["verdict"] == "correct"  # next time it is simply right
    again = kopick(home, "class", "disputes", code, "--accept", "1")
    assert again.returncode == 1 and "already accepted" in again.stderr


def test_a_live_class_in_line_mode_with_an_unattended_host(home):
    klass = new_class(home, "--mode", "live")
    code = klass["code"]
    env = {**os.environ, "KOPICK_QUIZ_HOME": str(home), "NO_COLOR": "1"}
    student = subprocess.Popen(
        [sys.executable, "-m", "kopick_quiz", "play", "--plain", "--class", code, "--player", "Mina"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, bufsize=1,
    )  # fmt: skip
    seen: list[str] = []
    seated = threading.Event()

    def answer() -> None:
        assert student.stdout is not None and student.stdin is not None
        for line in student.stdout:
            seen.append(line)
            if line.startswith("Waiting for "):
                seated.set()
            elif line.startswith("Q") and "/3  " in line:
                typed = next(a for words, a in ANSWERS.items() if words in line)
                time.sleep(0.2)
                student.stdin.write(typed + "\n")
                student.stdin.flush()
            elif line.startswith("Game over"):
                student.stdin.close()

    reader = threading.Thread(target=answer, daemon=True)
    reader.start()
    # the host starts once the student is in the lobby, as a teacher waits (120 s: a hang guard)
    assert seated.wait(120), "".join(seen)
    host = kopick(home, "class", "host", code, "--auto", "0.3", timeout=120)
    student.wait(timeout=120)
    reader.join(timeout=120)
    assert host.returncode == 0, host.stderr
    assert student.returncode == 0, student.stderr.read() if student.stderr else ""
    assert "Mina joined (1 in all)" in host.stdout and "Podium:" in host.stdout
    text = "".join(seen)
    assert "Q1/3" in text and "Q3/3" in text and "Game over: you came 1st" in text
    board = json.loads(kopick(home, "class", "board", code, "--json").stdout)
    assert (board["answered"], board["right"]) == (3, 2)
    assert board["points"] >= 20  # 10 each and a speed bonus


def test_an_exam_seat_is_taken_once_the_grader_is_made_so_its_clock_does_not_run_meanwhile(home, monkeypatch):
    import io

    from kopick_quiz import cli_shared
    from kopick_quiz.cli import main
    from kopick_quiz.store import Store

    klass = new_class(home, "--mode", "exam")
    monkeypatch.setenv("KOPICK_QUIZ_HOME", str(home))
    monkeypatch.setattr(sys, "stdin", io.StringIO("/quit\n"))
    seated_while_grading: list[list[str]] = []
    make = cli_shared._grader

    def grader(library, err):  # noqa: ANN001, ANN202 - seconds for a big fact base
        with Store.open(home) as store:
            found = store.find_class(klass["code"])
            seated_while_grading.append([s.player for s in store.standings(found.class_id)])
        return make(library, err)

    monkeypatch.setattr(cli_shared, "_grader", grader)
    out, err = io.StringIO(), io.StringIO()
    assert main(["play", "--plain", "--class", klass["code"], "--player", "Mina"], out=out, err=err) == 0
    assert seated_while_grading == [[]]  # nobody seated while it was made
    assert "You have 3 min 00 s for the 3 questions left." in out.getvalue()
