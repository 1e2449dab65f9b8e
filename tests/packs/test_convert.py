"""The formats fill a registry that `convert` dispatches through; no packs module imports in a circle."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from kopick_quiz.packs import convert
from kopick_quiz.packs.formats import FORMATS

PACKS = Path(convert.__file__).parent


def _imports(path: Path) -> set[str]:
    """The packs modules a module imports, at the top or inside functions."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            if node.module:
                found.add(node.module.split(".")[0])
            else:
                found.update(alias.name for alias in node.names)
    return found


def test_no_packs_module_imports_in_a_circle():
    graph = {p.stem: _imports(p) for p in PACKS.glob("*.py")}

    def reaches(start: str, target: str, seen: set[str]) -> bool:
        for nxt in graph.get(start, ()):
            if nxt == target or (nxt not in seen and reaches(nxt, target, seen | {nxt})):
                return True
        return False

    circles = sorted(m for m in graph if reaches(m, m, {m}))
    assert circles == []


def test_the_shared_modules_know_no_format():
    for shared in ("formats", "writer", "load", "model"):
        assert _imports(PACKS / f"{shared}.py").isdisjoint({"gift", "aiken", "csvio", "anki", "convert"}), (
            shared
        )


def test_every_format_registers_itself():
    assert set(FORMATS) == {"gift", "aiken", "csv", "apkg"}
    assert set(convert.importable()) == {"gift", "aiken", "csv"}
    assert set(convert.exportable()) == {"gift", "aiken", "csv", "apkg"}


@pytest.mark.parametrize(
    "name, fmt",
    [
        ("week3.gift", "gift"),
        ("WEEK3.GIFT", "gift"),
        ("q.aiken", "aiken"),
        ("q.csv", "csv"),
        ("deck.apkg", "apkg"),
        ("q.txt", None),
    ],
)
def test_a_file_name_announces_its_format(name: str, fmt: str | None):
    assert convert.format_of(Path(name)) == fmt


def test_an_anki_deck_cannot_be_imported(tmp_path: Path):
    from kopick_quiz.diagnostics import FileProblems

    path = tmp_path / "deck.apkg"
    path.write_text("not really a deck", encoding="utf-8")
    with pytest.raises(FileProblems) as caught:
        convert.import_file(path)
    assert str(caught.value).endswith("error: cannot import apkg files; use one of aiken, csv, gift")
