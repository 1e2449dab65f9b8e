"""Forty students at once: real `play --plain --class` processes answering a 10-question class together.

Each student is its own process, as on a school server where everyone logs in over SSH, and all
of them write to one store at the same time. Every answer must reach the teacher's results once,
as typed and graded, and the board must add up to those rows. Deselect with `-m "not load"`.
"""

from __future__ import annotations

import asyncio
import csv
import io
import json
import os
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.load

STUDENTS = 40
QUESTIONS = 10
PACK = "context"  # 146 questions of every type: choice, short, true/false, year, number, multi, order
SEED = 13
GUARD_S = 240.0  # a runaway guard for a hung or deadlocked process, not a speed limit
QUESTION_LINE = re.compile(r"^Q(\d+)/(\d+)\s+(.*)$")
ACCEPTED = {"correct", "close"}  # what the board counts as a right answer


def kopick(home: Path, *args: str, stdin: str | None = None) -> str:
    """Run one command in the class's data folder; its stdout, or the test fails with its stderr."""
    done = subprocess.run(
        [sys.executable, "-m", "kopick_quiz", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=student_env(home),
        timeout=GUARD_S,
    )
    assert done.returncode == 0, f"kopick-quiz {' '.join(args)} failed:\n{done.stderr}"
    return done.stdout


def student_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("KOPICK_QUIZ_DB", "KOPICK_QUIZ_HOME")}
    return env | {"KOPICK_QUIZ_HOME": str(home), "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"}


# -- what each student types -----------------------------------------------------------------------


def right(q: dict) -> str:
    return ", ".join(q["answers"]) if q["type"] in ("multi", "order") else q["answers"][0]


def wrong(q: dict, pack: list[dict]) -> str:
    """A plausible wrong answer: another option, the other truth value, a near year, another question's answer."""
    if q["type"] == "truefalse":
        return "false" if q["answers"][0] == "true" else "true"
    if q["type"] == "choice":
        return next(c for c in q["choices"] if c not in q["answers"])
    if q["type"] in ("year", "number"):
        return str(int(float(q["answers"][0])) + 7)
    if q["type"] == "order":
        return ", ".join(reversed(q["answers"]))
    if q["type"] == "multi":
        return q["answers"][0]  # only some of them
    taken = {a.casefold() for a in q["answers"]}
    others = [p for p in pack if p["type"] == "short" and p["answers"][0].casefold() not in taken]
    return others[len(q["prompt"]) % len(others)]["answers"][0]


def typo(q: dict) -> str:
    """The right answer as a hurried student types it: two letters swapped, or sloppy case and spacing."""
    text = right(q)
    words = text.split(" ")
    longest = max(range(len(words)), key=lambda i: len(words[i]))
    word = words[longest]
    if len(word) >= 5 and word.isalpha():
        words[longest] = word[:2] + word[3] + word[2] + word[4:]
        return " ".join(words)
    return f"  {text.upper()}  "


def plan(student: int, position: int) -> str:
    """What student `student` does at question `position`: each skips one and mixes the rest."""
    if position == student % QUESTIONS:
        return "skip"
    return ("right", "typo", "wrong", "right")[(student + position) % 4]


def typed(kind: str, q: dict, pack: list[dict]) -> str:
    return {
        "skip": lambda: "/skip",
        "right": lambda: right(q),
        "wrong": lambda: wrong(q, pack),
        "typo": lambda: typo(q),
    }[kind]()


# -- forty processes ---------------------------------------------------------------------------------


async def student(
    proc: asyncio.subprocess.Process, number: int, by_prompt: dict[str, dict], pack: list[dict]
) -> dict[str, tuple[str, str]]:
    """Answer each question as it appears; returns {question id: (kind, text typed)}."""
    assert proc.stdin is not None and proc.stdout is not None
    given: dict[str, tuple[str, str]] = {}
    for _ in range(2_000):  # bounded: a quiz of 10 questions prints far fewer lines
        line = (await proc.stdout.readline()).decode("utf-8")
        if not line:
            break
        match = QUESTION_LINE.match(line.rstrip("\n"))
        if match is None:
            continue
        position, prompt = int(match[1]) - 1, match[3]
        assert prompt in by_prompt, f"student {number} was asked a question not in the pack: {prompt!r}"
        q = by_prompt[prompt]
        kind = plan(number, position)
        text = typed(kind, q, pack)
        given[q["id"]] = (kind, text)
        proc.stdin.write(text.encode("utf-8") + b"\n")
        await proc.stdin.drain()
    proc.stdin.close()
    return given


async def run_class(home: Path, code: str, by_prompt: dict[str, dict], pack: list[dict]) -> list[dict]:
    """Start every student at once, let them all answer, and collect what each typed and printed."""
    procs: list[asyncio.subprocess.Process] = []
    try:
        for n in range(STUDENTS):
            procs.append(
                await asyncio.create_subprocess_exec(
                    sys.executable,
                    "-m",
                    "kopick_quiz",
                    "play",
                    "--plain",
                    "--class",
                    code,
                    "--player",
                    f"s{n:02d}",
                    stdin=asyncio.subprocess.PIPE,
                    stdout=asyncio.subprocess.PIPE,
                    stderr=asyncio.subprocess.PIPE,
                    env=student_env(home),
                )
            )

        async def one(n: int, proc: asyncio.subprocess.Process) -> dict:
            assert proc.stderr is not None
            errors = asyncio.create_task(proc.stderr.read())
            given = await student(proc, n, by_prompt, pack)
            return {"player": f"s{n:02d}", "given": given, "code": await proc.wait(), "stderr": await errors}

        return await asyncio.wait_for(asyncio.gather(*(one(n, p) for n, p in enumerate(procs))), GUARD_S)
    finally:
        for proc in procs:
            if proc.returncode is None:
                proc.kill()
                await proc.wait()


@pytest.fixture(scope="module")
def classroom(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict]:
    home = tmp_path_factory.mktemp("classroom")
    # These two build the compiled library cache once, so the forty start warm as a student's
    # second start does, instead of forty processes compiling it at the same moment.
    pack = [json.loads(line) for line in kopick(home, "questions", "--pack", PACK, "--json").splitlines()]
    made = json.loads(
        kopick(
            home,
            "class",
            "new",
            "Load test",
            "--pack",
            PACK,
            "--count",
            str(QUESTIONS),
            "--seed",
            str(SEED),
            "--json",
        )
    )
    by_prompt = {q["prompt"]: q for q in pack}
    students = asyncio.run(run_class(home, made["code"], by_prompt, pack))
    rows = list(csv.DictReader(io.StringIO(kopick(home, "results", "--class", made["code"], "--csv"))))
    board = [json.loads(line) for line in kopick(home, "class", "board", made["code"], "--json").splitlines()]
    yield {
        "home": home,
        "code": made["code"],
        "pack": pack,
        "students": students,
        "rows": rows,
        "board": board,
    }


def test_every_student_finishes_without_an_error(classroom):
    for s in classroom["students"]:
        said = s["stderr"].decode()
        assert (s["code"], said) == (0, ""), f"{s['player']} ended with exit code {s['code']}: {said}"
        assert len(s["given"]) == QUESTIONS, f"{s['player']} was asked {len(s['given'])} questions"


def test_every_answer_is_in_the_results_once(classroom):
    rows = classroom["rows"]
    assert len(rows) == STUDENTS * QUESTIONS
    twice = [k for k, n in Counter((r["player"], r["question_id"]) for r in rows).items() if n > 1]
    assert twice == []
    sent = {(s["player"], qid): text for s in classroom["students"] for qid, (_, text) in s["given"].items()}
    recorded = {(r["player"], r["question_id"]): r["answer"] for r in rows}
    # A skip is recorded with no answer text; everything else exactly as typed.
    assert recorded == {key: "" if text == "/skip" else text for key, text in sent.items()}


def test_every_recorded_verdict_is_the_graders(classroom):
    """Under load each answer is graded as `kopick-quiz grade` grades it alone, and a right one is right."""
    kinds = {(s["player"], qid): kind for s in classroom["students"] for qid, (kind, _) in s["given"].items()}
    asked = sorted({(r["question_id"], r["answer"]) for r in classroom["rows"] if r["verdict"] != "skipped"})
    lines = "".join(json.dumps({"id": qid, "answer": text}) + "\n" for qid, text in asked)
    graded = {
        (g["id"], g["answer"]): g["verdict"]
        for g in map(json.loads, kopick(classroom["home"], "grade", "--pack", PACK, stdin=lines).splitlines())
    }
    for r in classroom["rows"]:
        kind = kinds[(r["player"], r["question_id"])]
        if kind == "skip":
            assert (r["verdict"], r["points"]) == ("skipped", "0"), r
        else:
            assert r["verdict"] == graded[(r["question_id"], r["answer"])], r
        if kind == "right":
            assert r["verdict"] == "correct", r
    assert Counter(r["verdict"] for r in classroom["rows"])["incorrect"] > 0  # the mix did reach the store


def assert_board_matches_rows(board: list[dict], rows: list[dict]) -> None:
    """Every student of the class is on the board, with the sums of their result rows."""
    points, right, answered = Counter(), Counter(), Counter()
    for r in rows:
        points[r["player"]] += int(r["points"])
        right[r["player"]] += r["verdict"] in ACCEPTED
        answered[r["player"]] += 1
    assert sorted(b["player"] for b in board) == [f"s{n:02d}" for n in range(STUDENTS)]
    for b in board:
        who = b["player"]
        assert (b["points"], b["right"], b["answered"]) == (points[who], right[who], answered[who]), who


def test_the_board_adds_up_to_the_rows(classroom):
    board = classroom["board"]
    assert_board_matches_rows(board, classroom["rows"])
    for b in board:
        assert b["finished"] and b["questions"] == QUESTIONS
    assert [b["points"] for b in board] == sorted((b["points"] for b in board), reverse=True)
    assert len({b["points"] for b in board}) > 1  # the mix gave different totals
