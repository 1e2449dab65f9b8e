"""Anki export: an .apkg whose ids are stable, so importing it again updates the same notes."""

from __future__ import annotations

import io
import json
import sqlite3
import zipfile
from pathlib import Path

from kopick_quiz.packs.anki import back, export_apkg, front, note_guid, stable_id
from kopick_quiz.packs.load import Pack
from kopick_quiz.packs.writer import dump_pack

from .conftest import pack_of


def open_deck(data: bytes, tmp_path: Path) -> sqlite3.Connection:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert set(z.namelist()) == {"collection.anki2", "media"}
        db = tmp_path / "collection.anki2"
        db.write_bytes(z.read("collection.anki2"))
    return sqlite3.connect(db)


def test_every_question_is_a_note_with_a_guid_from_its_id(every_kind: Pack, tmp_path: Path):
    conn = open_deck(export_apkg(every_kind).content, tmp_path)
    notes = conn.execute("select guid, mid, flds, tags from notes order by id").fetchall()
    assert [n[0] for n in notes] == [note_guid(q.id) for q in every_kind.questions]
    assert {n[1] for n in notes} == {stable_id("model", every_kind.id)}
    fields = notes[0][2].split("\x1f")
    assert fields[2] == "every.short"
    assert "Which Thai studio co-produced The Medium (2021)?" in fields[0]
    assert "GDH 559" in fields[1] and "Banjong Pisanthanakun" in fields[1]
    assert "thailand" in notes[0][3].split()
    decks = json.loads(conn.execute("select decks from col").fetchone()[0])
    assert str(stable_id("deck", every_kind.id)) in decks
    assert decks[str(stable_id("deck", every_kind.id))]["name"] == every_kind.title


def test_exporting_again_gives_the_same_ids(every_kind: Pack, tmp_path: Path):
    (tmp_path / "1").mkdir()
    (tmp_path / "2").mkdir()
    first = open_deck(export_apkg(every_kind, timestamp=1).content, tmp_path / "1")
    second = open_deck(export_apkg(every_kind, timestamp=2).content, tmp_path / "2")
    query = "select guid, mid from notes order by guid"
    assert first.execute(query).fetchall() == second.execute(query).fetchall()


def test_ids_depend_on_the_pack_id_only():
    assert stable_id("deck", "people") == stable_id("deck", "people")
    assert stable_id("deck", "people") != stable_id("deck", "films")
    assert 1 << 30 <= stable_id("model", "people") < 1 << 31


def test_front_numbers_the_choices_and_everything_is_escaped():
    pack = pack_of(
        dump_pack(
            {"id": "x", "title": "X"},
            [
                {
                    "id": "q",
                    "type": "choice",
                    "prompt": "Is <script>alert(1)</script> & co a studio?",
                    "answer": ["<b>Yes</b>"],
                    "choices": ["<b>Yes</b>", "No & never"],
                    "explanation": "Line one\nline two",
                }
            ],
        )
    )
    (q,) = pack.questions
    assert front(q) == (
        '<div class="prompt">Is &lt;script&gt;alert(1)&lt;/script&gt; &amp; co a studio?</div>'
        '<ol class="choices"><li>&lt;b&gt;Yes&lt;/b&gt;</li><li>No &amp; never</li></ol>'
    )
    assert back(q) == (
        '<div class="answer">&lt;b&gt;Yes&lt;/b&gt;</div><div class="explanation">Line one<br>line two</div>'
    )


def test_numbers_show_their_tolerance_and_orders_their_sequence(every_kind: Pack):
    by_id = {q.id: q for q in every_kind.questions}
    assert "150,000 (within 10%)" in back(by_id["every.number"])
    assert "Love with an Alien → The Last Woman of Shang → Tyrant" in back(by_id["every.order"])
    assert "<li>true</li><li>false</li>" in front(by_id["every.truefalse"])


def test_the_back_lists_the_answers_worth_part_of_the_points():
    from .conftest import pack_of

    pack = pack_of(
        "id: w\ntitle: W\nquestions:\n  - id: q\n    prompt: Which studio?\n    answer:\n"
        "      - {text: Shaw Brothers, feedback: Yes.}\n      - {text: Shaw <Bros>, weight: 75, feedback: Nearly.}\n"
        "      - {text: Shin Films, weight: 0, feedback: The Korean side.}\n"
    )
    (q,) = pack.questions
    html = back(q)
    assert '<div class="answer">Shaw Brothers</div>' in html
    assert "<li>Shaw Brothers: Yes.</li>" in html
    assert "<li>Partly right (75% of the points): Shaw &lt;Bros&gt; — Nearly.</li>" in html
    assert "Shin Films" not in html  # a wrong answer is not an answer to learn
