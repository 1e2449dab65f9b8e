"""The command-line contract of DESIGN.md: output shapes and exit codes."""

from __future__ import annotations

import importlib
import io
import json
import os
import re
import subprocess
import sys
import time
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
        examples = [
            line for line in command.format_help().splitlines() if line.strip().startswith("example:")
        ]
        shown = "serve" if name == "served" else name  # `served` is what `serve` runs for each browser
        assert any(re.search(rf"kopick-quiz {shown}\b", line) for line in examples), (name, examples)


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


# -- progress bars ---------------------------------------------------------------------------------


class TerminalStderr(io.StringIO):
    """Standard error as a terminal would be: what is written to it is kept."""

    def isatty(self) -> bool:
        return True


SLOW = 0.5  # seconds of extra work before the real work starts, into a pipe

SLOW_COMMANDS = [
    pytest.param(
        ["questions", "--json"],
        "kopick_quiz.library",
        "open_library",
        "Loading the facts and packs…",
        id="questions",
    ),
    pytest.param(["validate"], "kopick_quiz.validate", "validate", "Checking 6 files…", id="validate"),
]


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """A colour terminal 100 columns wide, whatever the environment of the tests."""
    for name in ("NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE", "COLUMNS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.setenv("COLUMNS", "100")


def _slow_down(monkeypatch: pytest.MonkeyPatch, module: str, name: str) -> list[io.StringIO]:
    """Make `module.name` slow: SLOW seconds, or, once the test puts a terminal's stream in the
    list returned, until a bar has shown on it, however busy the machine (60 s: a hang guard)."""
    real = getattr(importlib.import_module(module), name)
    terminal: list[io.StringIO] = []

    def slow(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        if not terminal:
            time.sleep(SLOW)
        deadline = time.monotonic() + 60
        while terminal and "━" not in terminal[-1].getvalue() and time.monotonic() < deadline:
            time.sleep(0.01)
        return real(*args, **kwargs)

    monkeypatch.setattr(f"{module}.{name}", slow)
    return terminal


def _run_with(err: io.StringIO, argv: list[str], home: Path) -> tuple[int, str, str]:
    out = io.StringIO()
    code = main([*argv, "--data-dir", str(home)], out=out, err=err)  # a home of its own: no cache
    return code, out.getvalue(), err.getvalue()


def _colours(text: str) -> list[str]:
    """The colour codes (foreground or background) among the escape sequences in `text`."""
    params = [p for seq in re.findall(r"\x1b\[([\d;]*)m", text) for p in seq.split(";") if p]
    return [p for p in params if 30 <= int(p) <= 49 or 90 <= int(p) <= 107]


@pytest.mark.parametrize("argv, module, name, description", SLOW_COMMANDS)
def test_slow_work_draws_a_bar_on_a_terminals_stderr_and_erases_it(
    argv: list[str], module: str, name: str, description: str, tmp_path: Path, monkeypatch, terminal
) -> None:
    import kopick_quiz.cli_shared as shared

    monkeypatch.setattr(shared, "PROGRESS_AFTER", SLOW / 2)
    terminal = _slow_down(monkeypatch, module, name)
    code, plain_out, plain_err = _run_with(io.StringIO(), argv, tmp_path / "piped")
    assert code == 0
    assert "\x1b" not in plain_err and "%" not in plain_err  # no bar into a pipe or a file
    terminal.append(TerminalStderr())
    code, out, err = _run_with(terminal[0], argv, tmp_path / "terminal")
    assert code == 0
    assert out == plain_out  # what a script reads is the same
    assert description in err and "━" in err and "100%" in err and "elapsed" in err
    assert _colours(err)
    bar_ends = max(err.rindex("━"), err.rindex("elapsed"))
    assert "\x1b[2K" in err[bar_ends:]  # the bar is erased when the work is done...
    assert err.endswith(plain_err)  # ...and the command's own messages follow as ever


def test_no_colour_in_the_bar_when_NO_COLOR_is_set(tmp_path: Path, monkeypatch, terminal) -> None:
    import kopick_quiz.cli_shared as shared

    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setattr(shared, "PROGRESS_AFTER", SLOW / 2)
    terminal = _slow_down(monkeypatch, "kopick_quiz.library", "open_library")
    terminal.append(TerminalStderr())
    code, _, err = _run_with(terminal[0], ["questions"], tmp_path)
    assert code == 0 and "━" in err
    assert _colours(err) == []


def test_work_quicker_than_the_delay_draws_no_bar(tmp_path: Path, monkeypatch, terminal) -> None:
    import kopick_quiz.cli_shared as shared

    monkeypatch.setattr(shared, "PROGRESS_AFTER", 60.0)
    _slow_down(monkeypatch, "kopick_quiz.library", "open_library")
    code, _, err = _run_with(TerminalStderr(), ["questions"], tmp_path)
    assert code == 0
    assert re.fullmatch(r"\d+ questions in \d+ pack\(s\)\n", err)


def test_a_quick_command_on_a_terminal_loads_no_bar_and_starts_no_thread(tmp_path: Path) -> None:
    script = (
        "import io, sys, threading\n"
        "from kopick_quiz import cli, cli_shared\n"
        "class Terminal(io.StringIO):\n"
        "    def isatty(self): return True\n"
        "cli_shared.PROGRESS_AFTER = 60.0\n"
        "assert cli.main(['validate'], io.StringIO(), Terminal()) == 0\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'rich'), threading.active_count())\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"} | {"KOPICK_QUIZ_HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[] 1"


TEST_FACTS = Path(__file__).parent / "tui" / "data" / "facts.yaml"


def test_questions_on_another_fact_base_says_why_there_are_none_and_how_to_make_some():
    code, out, err = run("questions", "--facts", str(TEST_FACTS))
    assert code == 0 and out == ""
    assert "0 questions in 0 pack(s)" in err
    assert "The shipped packs are about the shipped fact base" in err
    assert "kopick-quiz generate --facts FILE" in err


def test_a_pack_that_cannot_be_loaded_is_named_by_every_command_that_skips_it(tmp_path: Path):
    packs = tmp_path / "packs"
    packs.mkdir()
    (packs / "broken.yaml").write_text("id: broken\ntitle: Broken\nquestions: [\n", encoding="utf-8")
    code, out, err = run("questions", "--packs", str(packs))
    assert code == 0 and out  # the shipped packs are still listed
    problems = [line for line in err.splitlines() if "broken.yaml" in line]
    assert problems and all(PROBLEM_LINE.match(line) for line in problems), err


def test_the_grader_bar_is_up_while_the_fact_base_is_read_from_the_cache(
    tmp_path: Path, monkeypatch, terminal
) -> None:
    import kopick_quiz.cli_shared as shared
    from kopick_quiz.facts import records
    from kopick_quiz.library import open_library

    monkeypatch.setattr(shared, "PROGRESS_AFTER", 0.0)
    open_library(cache_dir=tmp_path)
    warm = open_library(cache_dir=tmp_path)  # the fact base deferred: read on first use
    err = TerminalStderr()
    shown_while_reading: list[str] = []
    real = records.from_bytes

    def reading(data: bytes, progress) -> object:  # noqa: ANN001
        facts = real(data, progress)
        shown_while_reading.append(err.getvalue())
        return facts

    monkeypatch.setattr(records, "from_bytes", reading)
    lexicon = shared._grader(warm, err)
    assert lexicon.entities("The Medium")
    assert shown_while_reading and "Getting the grader ready…" in shown_while_reading[0]
    assert "━" in err.getvalue() and "\x1b[2K" in err.getvalue()  # drawn, then erased


def test_generate_warns_when_the_pack_it_wrote_is_too_big_to_load(tmp_path: Path, monkeypatch):
    out_file = tmp_path / "generated.yaml"
    code, _, err = run("generate", "--facts", str(TEST_FACTS), "-o", str(out_file))
    assert code == 0 and "warning" not in err
    from kopick_quiz import yamlio

    monkeypatch.setattr(yamlio, "PACK_MAX_BYTES", out_file.stat().st_size - 1)
    code, _, err = run("generate", "--facts", str(TEST_FACTS), "-o", str(out_file))
    assert code == 0 and out_file.stat().st_size > yamlio.PACK_MAX_BYTES  # written all the same
    warning = [line for line in err.splitlines() if line.startswith("warning:")]
    assert len(warning) == 1 and "will not load it" in warning[0] and "count:" in warning[0]
