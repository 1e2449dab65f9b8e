"""Messages point at the real mistake: the value's position, the field the author wrote, the
pasted space, the file's encoding; and never pydantic's own names."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kopick_quiz.packs.load import check_pack

GOOD = "id: demo\ntitle: Demo\nquestions:\n  - id: q1\n    type: short\n    prompt: Who directed it?\n    answer: Kim Jee-woon\n"


def _problems(tmp_path: Path, data: bytes | str, name: str = "p.yaml") -> list[str]:
    path = tmp_path / name
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    pack, problems = check_pack(path, shown=name)
    return [str(p) for p in problems]


def test_a_number_answer_that_is_not_a_number_is_reported_at_the_value(tmp_path: Path):
    text = (
        "id: demo\ntitle: Demo\n\nquestions:\n  - id: q1\n    prompt: Who?\n    answer: Kim\n\n"
        "  - id: q2\n    type: number\n    answer: lots\n    prompt: How many?\n"
    )
    assert _problems(tmp_path, text) == ["p.yaml:11:13: error: 'answer': 'lots' is not a number"]


# Mistakes of every kind the schema checks; no message may show pydantic's or Python's names.
MISTAKES = [
    "    answer: lots\n    type: number\n",
    "    answer: [1, lots]\n    type: year\n",
    "    answer: maybe\n    type: truefalse\n",
    "    answer: [A]\n    type: order\n",
    "    answer: A\n    type: choice\n    choices: [A]\n",
    "    answer: A\n    tolerance: 5\n",
    "    answer: A\n    tolerance: lots\n    type: number\n",
    "    answer: []\n",
    "    answer: {a: b}\n",
    "    answer:\n      - {text: A, weight: 50}\n",
    "    answer:\n      - {text: A, weight: lots}\n      - B\n",
    "    answer:\n      - {text: A, weigth: 50}\n      - B\n",
    "    answer:\n      - {weight: 50}\n      - B\n",
    "    answer:\n      - [A, B]\n",
    "    answer: NO\n",
    "    answer: A\n    difficulty: 9\n",
    "    answer: A\n    difficulty: hard\n",
    "    answer: A\n    tags: {a: b}\n",
    "    answer: A\n    feedback: [a, b]\n",
    "    answer: A\n    feedback: {B: [x]}\n",
    "    answer: A\n    accept: A\n",
    "    answer: A\n    kind: animal\n",
    "    answer: A\n    subject: Not An Id\n",
    "    answer: A\n    type: essay\n",
    "    answer: A\n    hint: ''\n",
    "    answer: A\n    prompt2: x\n",
    "    answer: " + "x" * 2100 + "\n",
]
INTERNAL = re.compile(
    r"item|list\[|str_type|string_type|model_|input should|function-|plain-text|entry-mapping|dict\[|\bNone\b",
    re.I,
)


@pytest.mark.parametrize("mistake", MISTAKES, ids=range(len(MISTAKES)))
def test_no_message_shows_internal_names(tmp_path: Path, mistake: str):
    text = "id: demo\ntitle: Demo\nquestions:\n  - id: q1\n    prompt: Who?\n" + mistake
    problems = [p for p in _problems(tmp_path, text) if ": error: " in p]
    assert problems, text
    for problem in problems:
        assert not INTERNAL.search(problem.split(": error: ", 1)[1]), problem
        assert re.match(r"p\.yaml:\d+:\d+: error: ", problem)


def test_an_answer_written_as_a_lone_value_is_named_answer_not_by_its_index(tmp_path: Path):
    text = "id: demo\ntitle: Demo\nquestions:\n  - id: q1\n    prompt: Who?\n    answer: NO\n"
    assert _problems(tmp_path, text) == [
        "p.yaml:6:13: error: 'answer' must be text, but NO unquoted reads as a yes/no value; quote it: answer: \"NO\""
    ]


# -- pasted spaces -------------------------------------------------------------------------------------

NBSP = "\u00a0"


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            GOOD.replace("prompt: Who", f"prompt:{NBSP}Who"),
            "p.yaml:6:12: error: a non-breaking space after 'prompt:'; use a plain space",
        ),
        (
            GOOD.replace("    prompt:", f"{NBSP * 4}prompt:"),
            "p.yaml:6:1: error: a non-breaking space in the indentation; indent with plain spaces",
        ),
        (
            GOOD.replace("    prompt:", f"  {NBSP}{NBSP}prompt:"),
            "p.yaml:6:3: error: a non-breaking space in the indentation; indent with plain spaces",
        ),
        (
            GOOD.replace("  - id: q1", f"  -{NBSP}id: q1"),
            "p.yaml:4:4: error: a non-breaking space after '-'; use a plain space",
        ),
        (
            GOOD.replace("  - id: q1", f"  - id:{NBSP}q1"),
            "p.yaml:4:8: error: a non-breaking space after 'id:'; use a plain space",
        ),
        (
            GOOD.replace("answer: Kim Jee-woon", f"answer:\n      -{NBSP}Kim Jee-woon"),
            "p.yaml:8:8: error: a non-breaking space after '-'; use a plain space",
        ),
        (
            GOOD.replace("    type: short", "\ttype: short"),
            "p.yaml:5:1: error: a tab in the indentation; indent with plain spaces",
        ),
        (
            GOOD.replace("prompt: Who", "prompt:\u3000Who"),
            "p.yaml:6:12: error: a full-width space after 'prompt:'; use a plain space",
        ),
    ],
    ids=[
        "after-colon",
        "indent",
        "indent-mixed",
        "after-dash",
        "after-id",
        "list-entry",
        "tab-indent",
        "full-width",
    ],
)
def test_a_pasted_space_is_named_where_it_is(tmp_path: Path, text: str, expected: str):
    assert _problems(tmp_path, text) == [expected]


def test_a_non_breaking_space_inside_text_is_just_text(tmp_path: Path):
    text = (
        GOOD.replace("Who directed it?", f"Who directed it? Note:{NBSP}the 1958 one")
        + f"    explanation: |\n      Kim{NBSP}Jee-woon:{NBSP}yes\n"
    )
    assert _problems(tmp_path, text) == []


def test_a_tab_after_a_colon_or_at_a_line_end_is_fine(tmp_path: Path):
    text = GOOD.replace("prompt: Who directed it?", "prompt:\tWho directed it?\t")
    assert _problems(tmp_path, text) == []


# -- encodings and line ends -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        GOOD.encode("utf-8-sig"),
        GOOD.replace("\n", "\r\n").encode(),
        GOOD.replace("\n", "\r\n").encode("utf-16"),
        GOOD.encode("utf-16-le"),
        b"\xfe\xff" + GOOD.encode("utf-16-be"),
        GOOD.replace("Kim Jee-woon", "Kim Jee-woon\t").encode(),
    ],
    ids=["utf8-bom", "crlf", "utf16-bom-crlf", "utf16le-no-bom", "utf16be-bom", "trailing-tab"],
)
def test_windows_files_are_read_as_written(tmp_path: Path, data: bytes):
    path = tmp_path / "p.yaml"
    path.write_bytes(data)
    pack, problems = check_pack(path)
    assert problems == [] and pack is not None
    assert pack.questions[0].answers == ("Kim Jee-woon",)
    assert pack.questions[0].prompt == "Who directed it?"


@pytest.mark.parametrize(
    "data, expected",
    [
        (
            b"\xff\xfe\x00\x00" + GOOD.encode("utf-32-le"),
            "p.yaml:1:1: error: the file is saved as UTF-32; save it as UTF-8",
        ),
        (
            GOOD.encode("cp949", errors="ignore").replace(b"Kim", "김".encode("cp949")),
            "p.yaml:7:13: error: not UTF-8 text (byte 0xb1); save the file as UTF-8",
        ),
        (
            b"\xff\xfe" + GOOD.encode("utf-16-le")[:-1],
            "p.yaml:1:1: error: this UTF-16 file is damaged; save it again as UTF-8",
        ),
    ],
    ids=["utf32", "korean-legacy", "utf16-cut"],
)
def test_other_encodings_are_refused_with_one_clear_line(tmp_path: Path, data: bytes, expected: str):
    assert _problems(tmp_path, data) == [expected]


def test_a_feedback_value_is_named_by_its_field_and_the_answer_it_is_for(tmp_path: Path):
    text = "id: demo\ntitle: Demo\nquestions:\n  - id: q1\n    prompt: Who?\n    answer: A\n    feedback: {B: [x], C: NO}\n"
    assert _problems(tmp_path, text) == [
        "p.yaml:7:19: error: 'feedback' for 'B' must be text, not ['x']",
        "p.yaml:7:27: error: 'feedback' for 'C' must be text, but NO unquoted reads as a yes/no value; "
        'quote it: C: "NO"',
    ]
