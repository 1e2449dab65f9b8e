"""What a shell opens at start: the fact base and every pack that fits it."""

from __future__ import annotations

from pathlib import Path

import pytest

from kopick_quiz.diagnostics import FileProblems
from kopick_quiz.library import open_library

SMALL_FACTS = """\
sources:
  - id: src
    title: A department's own notes
people:
  - id: park
    name: Park Chan-wook
    roles: [director]
    summary: A director.
    source: src
films:
  - id: oldboy
    title: Oldboy
    year: 2003
    directors: [park]
    summary: A film.
    source: src
"""


def test_another_fact_base_generates_its_own_questions(tmp_path: Path):
    facts = tmp_path / "facts.yaml"
    facts.write_text(SMALL_FACTS, encoding="utf-8")
    packs = tmp_path / "packs"
    packs.mkdir()
    (packs / "own.yaml").write_text("id: own\ntitle: Our films\ngenerate:\n  count: 5\n", encoding="utf-8")
    library = open_library(facts, [packs])
    own = library.pack("own").questions
    assert own and any("Oldboy" in q.prompt or "Oldboy" in q.answers for q in own)


def test_another_fact_base_leaves_the_shipped_packs_out(tmp_path: Path):
    facts = tmp_path / "facts.yaml"
    facts.write_text(SMALL_FACTS, encoding="utf-8")
    assert open_library(facts).packs == []
    assert "big-picture" in [p.id for p in open_library(None).packs]


def test_a_shipped_pack_that_does_not_fit_the_shipped_facts_is_an_error(tmp_path: Path, monkeypatch):
    import kopick_quiz.library as library_module

    shipped = tmp_path / "shipped"
    shipped.mkdir()
    (shipped / "x.yaml").write_text("id: x\ntitle: X\ngenerate:\n  films: [no-such-film]\n", encoding="utf-8")
    monkeypatch.setattr(library_module, "shipped_packs_dir", lambda: shipped)
    with pytest.raises(FileProblems) as info:
        open_library(None)
    assert "unknown film 'no-such-film'" in str(info.value)


def test_a_broken_user_pack_is_skipped_and_reported(tmp_path: Path):
    packs = tmp_path / "packs"
    packs.mkdir()
    (packs / "bad.yaml").write_text(
        "id: bad\ntitle: Bad\nquestions:\n  - id: q\n    prompt: x\n", encoding="utf-8"
    )
    library = open_library(None, [packs])
    assert "bad" not in [p.id for p in library.packs]
    assert any(
        p.path.endswith("bad.yaml") and "missing required field 'answer'" in p.message
        for p in library.problems
    )


def test_a_broken_fact_base_is_an_error_with_its_position(tmp_path: Path):
    facts = tmp_path / "facts.yaml"
    facts.write_text(SMALL_FACTS.replace("year: 2003", "year: soon"), encoding="utf-8")
    with pytest.raises(FileProblems) as info:
        open_library(facts)
    assert ":13:11: error: 'year' must be a whole number" in str(info.value)
