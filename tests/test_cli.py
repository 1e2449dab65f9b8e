"""The command-line contract of DESIGN.md: output shapes and exit codes."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from kopick_quiz.cli import build_parser, main

PROBLEM_LINE = re.compile(r"^.+:\d+:\d+: (error|warning): .+$")


def run(*argv: str, stdin: str | None = None, monkeypatch=None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    if stdin is not None and monkeypatch is not None:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("KOPICK_QUIZ_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


@pytest.mark.parametrize("fmt, key", [("facts", "films"), ("pack", "questions")])
def test_schema_prints_a_json_schema_for_editors(fmt: str, key: str):
    code, out, _ = run("schema", fmt)
    schema = json.loads(out)
    assert code == 0
    assert key in schema["properties"]
    assert schema["$schema"].startswith("https://json-schema.org/")


def test_validate_with_no_path_checks_the_shipped_data_and_passes():
    code, out, err = run("validate")
    assert code == 0, out + err
    assert "0 errors" in err


def test_validate_reports_every_problem_as_path_line_col(tmp_path: Path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "id: demo\ntitle: Demo\nquestions:\n"
        "  - id: q1\n    prompt: Which studio?\n    anwser: Shaw Brothers\n"
        "  - id: q2\n    type: choice\n    prompt: Pick one\n    answer: Huayi Brothers\n    choices: [Showbox, CJ ENM]\n",
        encoding="utf-8",
    )
    code, out, _ = run("validate", str(bad))
    lines = out.splitlines()
    assert code == 1
    assert lines and all(PROBLEM_LINE.match(line) for line in lines), lines
    assert any(":6:5: error: unknown field 'anwser'; did you mean 'answer'?" in line for line in lines)
    assert any("is not one of the choices" in line for line in lines)


def test_validate_a_missing_path_is_one_sentence_and_exit_1(tmp_path: Path):
    code, out, err = run("validate", str(tmp_path / "nope.yaml"))
    assert code == 1 and out == ""
    assert err.strip() == f"kopick-quiz: {tmp_path / 'nope.yaml'} does not exist"


def test_unknown_command_is_a_usage_error():
    code, _, err = run("frobnicate")
    assert code == 2 and "invalid choice" in err


def test_every_command_has_help_with_an_example():
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, type(parser._subparsers._group_actions[0])))
    for name, command in sub.choices.items():
        assert "example: kopick-quiz" in command.format_help() or "kopick-quiz" in (command.epilog or ""), (
            name
        )


def test_no_traceback_reaches_the_user_for_a_hostile_facts_file(tmp_path: Path):
    bad = tmp_path / "facts.yaml"
    bad.write_bytes(b"sources: !!python/object/apply:os.system ['echo pwned']\n")
    done = subprocess.run(
        [sys.executable, "-m", "kopick_quiz", "questions", "--facts", str(bad)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and "pwned" not in done.stdout
    assert "tags such as 'tag:yaml.org,2002:python/object/apply:os.system' are not supported" in done.stderr
