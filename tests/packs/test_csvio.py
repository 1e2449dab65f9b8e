"""CSV export: one row per question, readable by a spreadsheet, never run as a formula."""

from __future__ import annotations

import csv
import io

import pytest

from kopick_quiz.packs.csvio import COLUMNS, export_csv, guard, parse_csv, unguard
from kopick_quiz.packs.load import Pack
from kopick_quiz.packs.writer import dump_pack

from .conftest import pack_of


def rows(pack: Pack) -> list[dict[str, str]]:
    text = export_csv(pack).content
    assert text.startswith("\ufeff")  # spreadsheets then read UTF-8 (Hangul included) without asking
    return list(csv.DictReader(io.StringIO(text[1:])))


def test_one_row_per_question_with_the_documented_columns(every_kind: Pack):
    text = export_csv(every_kind).content
    assert text[1:].split("\r\n", 1)[0] == ",".join(COLUMNS)
    got = rows(every_kind)
    assert [r["id"] for r in got] == [q.id for q in every_kind.questions]
    short = got[0]
    assert short["answers"] == "GDH 559 | GDH Studio"
    assert short["tags"] == "thailand | studios"
    assert short["difficulty"] == "3" and short["source"] == "ko-pick-2025"
    assert short["explanation"] == "GDH 559 made it with Showbox.\n\nBanjong Pisanthanakun directed it."
    by_id = {r["id"]: r for r in got}
    assert by_id["every.number"]["tolerance"] == "10%"
    assert by_id["every.number-absolute"]["tolerance"] == "5000"
    assert by_id["every.choice"]["choices"] == "Shaw Brothers | Huayi Brothers | Showbox | GDH 559"
    assert by_id["every.truefalse"]["choices"] == ""


@pytest.mark.parametrize(
    "cell, safe",
    [
        ('=HYPERLINK("http://evil")', '\'=HYPERLINK("http://evil")'),
        ("+1+2", "'+1+2"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("-5", "-5"),
        ("Bong Joon Ho", "Bong Joon Ho"),
    ],
)
def test_cells_a_spreadsheet_would_run_are_guarded(cell: str, safe: str):
    assert guard(cell) == safe
    assert unguard(guard(cell)) == cell


def test_a_hostile_prompt_is_exported_guarded_and_imported_back():
    text = dump_pack(
        {"id": "evil", "title": "Evil"},
        [{"id": "q", "type": "short", "prompt": "=cmd|' /C calc'!A0", "answer": ["@risk"]}],
    )
    pack = pack_of(text)
    (row,) = rows(pack)
    assert row["prompt"].startswith("'=") and row["answers"] == "'@risk"
    back = parse_csv(export_csv(pack).content, "evil.csv")
    assert back.questions[0]["prompt"] == "=cmd|' /C calc'!A0"


def test_bad_rows_are_skipped_with_a_warning_naming_their_line():
    text = "type,prompt,answers\nshort,Who directed The Host?,Bong Joon Ho\nnumber,How many?,many\n"
    result = parse_csv(text, "x.csv")
    assert len(result.questions) == 1
    (note,) = result.notes
    assert str(note).startswith("x.csv:3: warning: row skipped:")


def test_a_csv_without_the_needed_columns_says_which_are_missing():
    result = parse_csv("question,answer\nWho?,Bong\n", "x.csv")
    assert result.questions == []
    assert "lacks the column(s) type, prompt, answers" in str(result.notes[0])


def test_a_spreadsheet_written_by_hand_gives_weights_and_feedback():
    text = (
        "type,prompt,answers,feedback\n"
        'short,Where did he grow up?,Nazareth | %75%Nazereth | %25% Bethlehem,"%75%Nazereth => Misspelt.\n'
        'Bethlehem => Born there.\nJerusalem => He died there.\n* => Think of Galilee."\n'
        "number,How many admissions?,150000 | %50%150000:50000,\n"
    )
    short, number = parse_csv(text, "x.csv").questions
    assert short["answer"] == [
        "Nazareth",
        {"text": "Nazereth", "weight": 75.0, "feedback": "Misspelt."},
        {"text": "Bethlehem", "weight": 25.0, "feedback": "Born there."},
    ]
    assert short["feedback"] == {"Jerusalem": "He died there.", "*": "Think of Galilee."}
    assert number["answer"] == ["150000", {"text": "150000", "weight": 50.0, "tolerance": "50000"}]
