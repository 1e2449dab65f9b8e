"""`kopick-quiz ask`: one question, or one a line on stdin as JSON (the contract in DESIGN.md)."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from kopick_quiz.cli import main

SOURCE = "Ko-pick: International Co-productions Between Korea and Overseas"


def run(
    argv: list[str], stdin: str = "", monkeypatch: pytest.MonkeyPatch | None = None
) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    if monkeypatch is not None:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(argv, out, err)
    return code, out.getvalue(), err.getvalue()


def test_ask_prints_the_answer_and_its_source():
    code, out, _ = run(["ask", "Who directed The Medium?"])
    assert code == 0
    assert out == f"The Medium (2021) was directed by Banjong Pisanthanakun.\nSource: {SOURCE}\n\n"


def test_ask_json_prints_one_object():
    code, out, _ = run(["ask", "--json", "who directed okja"])
    assert code == 0
    record = json.loads(out)
    assert set(record) == {"question", "answer", "sources"}
    assert record["question"] == "who directed okja"
    assert "Bong Joon Ho" in record["answer"]
    assert record["sources"] == [SOURCE]


def test_ask_about_something_unknown_still_exits_0():
    code, out, _ = run(["ask", "who directed titanic"])
    assert code == 0
    assert out.startswith("I don't know")


def test_ask_json_stdin_answers_one_line_each_and_skips_blank_lines(monkeypatch: pytest.MonkeyPatch):
    stdin = "Who directed The Medium?\n\n   \nand who produced it?\nwhat is SKY\n[bold]x\n"
    code, out, _ = run(["ask", "--json", "-"], stdin, monkeypatch)
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["question"] for r in records] == [
        "Who directed The Medium?",
        "and who produced it?",
        "what is SKY",
        "[bold]x",
    ]
    assert all(set(r) == {"question", "answer", "sources"} for r in records)
    assert "Na Hong-jin" in records[1]["answer"]
    assert "Yonsei University" in records[2]["answer"]
    assert records[3]["sources"] == []


def test_ask_json_stdin_with_nothing_writes_nothing(monkeypatch: pytest.MonkeyPatch):
    assert run(["ask", "--json", "-"], "", monkeypatch) == (0, "", "")


def test_ask_help_has_an_example():
    code, out, _ = run(["ask", "--help"])
    assert code == 0
    assert "example: kopick-quiz ask" in out


def test_ask_stdin_survives_bytes_that_are_not_utf8():
    result = subprocess.run(
        [sys.executable, "-m", "kopick_quiz", "ask", "--json", "-"],
        input=b"who directed okja\n\xff\xfe\x00 odd\n",
        capture_output=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.decode("utf-8").splitlines()
    assert len(lines) == 2
    assert "Bong Joon Ho" in json.loads(lines[0])["answer"]


def test_follow_ups_in_a_json_stream_resolve_they_and_the_crisis(monkeypatch: pytest.MonkeyPatch):
    stdin = "who produced the medium\nwhy did they turn to southeast asia\nwhen was the crisis\nwhich films did it lead to\n"
    code, out, _ = run(["ask", "--json", "-"], stdin, monkeypatch)
    answers = [json.loads(line)["answer"] for line in out.splitlines()]
    assert code == 0 and len(answers) == 4
    assert "Showbox" in answers[0]
    assert "Southeast Asia" in answers[1]
    assert "2016" in answers[2] and "THAAD" in answers[2]
    assert "Sweet 20" in answers[3] and "The House of No Man" in answers[3]


def test_line_mode_questions_resolve_the_ban_against_the_question_on_screen():
    from kopick_quiz.cli import _asker
    from kopick_quiz.library import Library, load_base
    from kopick_quiz.questions import Question

    on_screen = Question(
        id="big-picture.why-asako-then",
        pack="big-picture",
        type="choice",
        prompt="What change in 1998 made way for Japan-South Korea collaborations such as Asako in Ruby Shoes?",
        answers=("South Korea lifted its ban on Japanese cultural imports.",),
        tags=("japanese-import-ban-lifted", "asako-in-ruby-shoes"),
    )
    ask = _asker(Library(load_base(), []))
    reply = ask("what was the ban about", on_screen)
    assert "Japanese cultural imports" in reply and "1998" in reply
    assert "Asako in Ruby Shoes (2000) was directed by E J-yong." in ask("who directed that film", on_screen)
