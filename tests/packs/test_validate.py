"""`validate` on packs: every problem at once, with a position and a suggestion; warnings about
questions likely to grade badly."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from runaway import cpu_guard

from kopick_quiz.cli import main

from .conftest import load_text


def problems_of(text: str) -> list[str]:
    _, problems = load_text(text, "p.yaml")
    return [str(p) for p in problems]


def pack(*questions: str) -> str:
    return "id: p\ntitle: P\nquestions:\n" + "".join(questions)


def short(qid: str, prompt: str, answer: str, accept: str = "") -> str:
    text = f"  - id: {qid}\n    prompt: {prompt}\n    answer: {answer}\n"
    return text + (f"    accept: [{accept}]\n" if accept else "")


def test_every_mistake_is_reported_at_once_with_did_you_mean():
    text = pack(
        "  - id: one\n    prompt: Who directed The Host?\n    anwser: Bong Joon Ho\n",
        "  - id: two\n    type: shrot\n    prompt: Who directed Okja?\n    answer: Bong Joon Ho\n",
        "  - id: three\n    type: choice\n    prompt: Which studio?\n    answer: Shaw Brothrs\n"
        "    choices: [Shaw Brothers, Showbox]\n",
        "  - id: Four\n    prompt: Who?\n    answer: Bong\n",
    )
    assert problems_of(text) == [
        "p.yaml:4:5: error: missing required field 'answer'",
        "p.yaml:6:5: error: unknown field 'anwser'; did you mean 'answer'?",
        "p.yaml:8:11: error: 'type' must be one of 'short', 'multi', 'number', 'year', 'choice', 'truefalse' "
        "or 'order', not 'shrot'; did you mean 'short'?",
        "p.yaml:14:13: error: the answer 'Shaw Brothrs' is not one of the choices; did you mean 'Shaw Brothers'?",
        "p.yaml:16:9: error: 'id' must be an id: lower-case words joined by '-' (like the-medium), not 'Four'",
    ]


def test_an_unknown_pack_field_suggests_the_right_one():
    problems = problems_of(
        "id: p\ntitle: P\ndescriptoin: x\nquestions:\n" + short("a", "Who?", "Bong Joon Ho")
    )
    assert "p.yaml:3:1: error: unknown field 'descriptoin'; did you mean 'description'?" in problems


# -- questions likely to grade badly -------------------------------------------------------------------


def test_near_miss_answers_of_two_questions_are_warned_about():
    problems = problems_of(
        pack(
            short("shang", "Which Hong Kong studio co-produced The Last Woman of Shang?", "Shaw Brothers"),
            short("mr-go", "Which Chinese company co-produced Mr. Go?", "Huayi Brothers"),
        )
    )
    assert problems == [
        "p.yaml:9:13: warning: 'Huayi Brothers' is a near miss of 'Shaw Brothers', an answer at line 6; "
        "a slip between the two may be graded as right: make both prompts say clearly which is meant"
    ]


@pytest.mark.parametrize(
    "first, second",
    [
        ("Lee Jung-jae", "Lee Jung-jin"),  # one name part differs
        ("Kim Jin-gyu", "Kim Jin-kyu"),  # a few letters apart
        ("South Korea", "North Korea"),
    ],
)
def test_near_misses_are_found_by_words_or_by_letters(first: str, second: str):
    problems = problems_of(
        pack(short("a", "Who starred in X?", first), short("b", "Who starred in Y?", second))
    )
    assert len(problems) == 1 and "near miss" in problems[0]


def test_an_accepted_spelling_shared_by_two_different_answers_is_warned_about():
    problems = problems_of(
        pack(
            short("studio", "Which studio made The Last Woman of Shang?", "Shaw Brothers", "Shaw"),
            short("founder", "Who co-founded Shaw Brothers?", "Run Run Shaw", "Shaw"),
        )
    )
    assert problems == [
        "p.yaml:11:14: warning: 'Shaw' is also accepted by the question at line 6, whose answer is "
        "'Shaw Brothers'; it cannot tell the two apart: remove it from one of them"
    ]


@pytest.mark.parametrize(
    "first, second",
    [
        ("Bong Joon Ho", "Bong Joon Ho"),  # two questions about the same person
        ("Bong Joon Ho", "Park Chan-wook"),
        ("Shaw Brothers", "Showbox"),
        ("1961", "1967"),
    ],
)
def test_questions_with_the_same_or_unrelated_answers_raise_no_warning(first: str, second: str):
    assert (
        problems_of(pack(short("a", "Who made X?", f'"{first}"'), short("b", "Who made Y?", f'"{second}"')))
        == []
    )


def test_choice_questions_are_not_compared():
    text = pack(
        "  - id: a\n    type: choice\n    prompt: Which studio made Shang?\n    answer: Shaw Brothers\n"
        "    choices: [Shaw Brothers, Huayi Brothers]\n",
        "  - id: b\n    type: choice\n    prompt: Which company made Mr. Go?\n    answer: Huayi Brothers\n"
        "    choices: [Shaw Brothers, Huayi Brothers]\n",
    )
    assert problems_of(text) == []


def test_the_existing_warnings_still_hold():
    problems = problems_of(
        pack(
            short("a", "Who directed The Host?", "Bong Joon Ho"),
            short("a", "Who directed The Host?", "Bong Joon Ho"),
            short("c", "Which sign?", "ok"),
        )
    )
    assert any("duplicate question id 'a'" in p for p in problems)
    assert any("the same prompt as the question at line 5" in p for p in problems)
    assert any("the answer 'ok' is only 2 characters" in p for p in problems)


def test_comparing_answers_of_a_big_pack_does_no_runaway_work():
    questions = "".join(
        short(f"q{i}", f"Question {i}?", f"Answer number {i} of the test") for i in range(3000)
    )
    with cpu_guard(20.0, "checking 3,000 answers against each other"):  # a runaway guard: no n² blow-up
        problems = problems_of(pack(questions))
    assert problems == []


def test_validate_prints_warnings_with_file_line_col_and_exits_0(tmp_path: Path):
    path = tmp_path / "p.yaml"
    path.write_text(
        pack(
            short("shang", "Which Hong Kong studio co-produced The Last Woman of Shang?", "Shaw Brothers"),
            short("mr-go", "Which Chinese company co-produced Mr. Go?", "Huayi Brothers"),
        ),
        encoding="utf-8",
    )
    out, err = io.StringIO(), io.StringIO()
    code = main(["validate", str(path)], out=out, err=err)
    assert code == 0
    (line,) = out.getvalue().splitlines()
    assert line.endswith(
        "p.yaml:9:13: warning: 'Huayi Brothers' is a near miss of 'Shaw Brothers', an answer "
        "at line 6; a slip between the two may be graded as right: make both prompts say clearly "
        "which is meant"
    )
