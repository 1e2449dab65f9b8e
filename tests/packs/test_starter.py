"""`kopick-quiz new-pack`: a commented starter pack in the user's folder, shown beside the shipped packs."""

from __future__ import annotations

import asyncio
import io
import json
from pathlib import Path

import pytest
from textual.widgets import DataTable

from kopick_quiz.cli import main
from kopick_quiz.library import load_base, open_library, pack_files
from kopick_quiz.packs.load import check_pack
from kopick_quiz.packs.starter import create_pack, starter_pack
from kopick_quiz.packs.writer import SCHEMA_FILE
from kopick_quiz.paths import shipped_packs_dir
from kopick_quiz.questions import QTYPES


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("KOPICK_QUIZ_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def test_new_pack_writes_a_starter_that_validates_cleanly(home: Path):
    code, out, err = run("new-pack", "Week 3: Hong Kong co-productions")
    path = home / "packs" / "week-3-hong-kong-co-productions.yaml"
    assert code == 0, err
    assert out.strip() == str(path)
    assert path.is_file()
    pack, problems = check_pack(path, load_base())
    assert problems == []
    assert pack is not None and pack.id == "week-3-hong-kong-co-productions"
    assert pack.title == "Week 3: Hong Kong co-productions"
    assert sorted({q.type for q in pack.questions}) == sorted(QTYPES)
    assert len(pack.questions) == len(QTYPES)  # one example of each kind
    code, out, _ = run("validate", str(path))
    assert code == 0 and out == ""


def test_the_starter_is_commented_and_points_editors_at_the_schema(home: Path):
    assert run("new-pack", "Mine")[0] == 0
    text = (home / "packs" / "mine.yaml").read_text(encoding="utf-8")
    assert text.startswith(f"# yaml-language-server: $schema={SCHEMA_FILE}\n")
    for kind in QTYPES:
        assert f"\n  # {kind}: " in text, kind
    schema = json.loads((home / "packs" / SCHEMA_FILE).read_text(encoding="utf-8"))
    assert "questions" in schema["properties"]
    _, printed, _ = run("schema", "pack")
    assert json.loads(printed) == schema


def test_new_pack_refuses_to_overwrite_an_existing_pack(home: Path):
    assert run("new-pack", "Mine")[0] == 0
    path = home / "packs" / "mine.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "# my edits\n", encoding="utf-8")
    code, out, err = run("new-pack", "mine")
    assert code == 1 and out == ""
    assert err.strip() == f"kopick-quiz: {path} already exists; choose another name, or edit that pack"
    assert path.read_text(encoding="utf-8").endswith("# my edits\n")
    assert "Traceback" not in err


@pytest.mark.parametrize(
    "name, pack_id",
    [("Hong Kong & Korea!", "hong-kong-korea"), ("  Émigré Films  ", "emigre-films"), ("1960s", "1960s")],
)
def test_the_name_becomes_a_valid_id_and_the_title(home: Path, name: str, pack_id: str):
    assert run("new-pack", name)[0] == 0
    pack, problems = check_pack(home / "packs" / f"{pack_id}.yaml")
    assert problems == [] and pack is not None
    assert (pack.id, pack.title) == (pack_id, name.strip())


@pytest.mark.parametrize("name", ["한국 영화", "!!!"])
def test_a_name_without_latin_letters_gets_a_stable_id_and_keeps_its_title(home: Path, name: str):
    code, out, _ = run("new-pack", name)
    assert code == 0
    pack, problems = check_pack(Path(out.strip()))
    assert problems == [] and pack is not None
    assert pack.title == name and pack.id.startswith("pack-")
    assert run("new-pack", name)[0] == 1  # the same name gives the same id: refused


@pytest.mark.parametrize("name", ["", "   ", "x" * 201])
def test_an_empty_or_huge_name_is_refused_in_one_sentence(name: str):
    code, out, err = run("new-pack", name)
    assert code == 1 and out == ""
    assert err.startswith("kopick-quiz: ") and err.count("\n") == 1


def test_a_title_that_yaml_would_misread_is_quoted(tmp_path: Path):
    for title in ("yes", "1958", "Shaw: the studio", "# not a comment", "null"):
        text = starter_pack("x", title, "x.yaml")
        path = tmp_path / "x.yaml"
        path.write_text(text, encoding="utf-8")
        pack, problems = check_pack(path)
        assert problems == [] and pack is not None and pack.title == title


def test_a_shipped_pack_id_is_not_reused(tmp_path: Path):
    with pytest.raises(Exception, match="already exists"):
        create_pack(tmp_path, "People", taken=["people"])


# -- user packs and --packs DIR appear beside the shipped ones ------------------------------------------


@pytest.fixture
def extra(tmp_path: Path) -> Path:
    folder = tmp_path / "class-packs"
    folder.mkdir()
    (folder / "class.yaml").write_text(
        "id: class\ntitle: Class pack\nquestions:\n"
        "  - id: class.medium\n    prompt: Which Thai studio co-produced The Medium (2021)?\n    answer: GDH 559\n",
        encoding="utf-8",
    )
    return folder


def test_user_packs_and_packs_dirs_load_after_the_shipped_ones(home: Path, extra: Path):
    assert run("new-pack", "Mine")[0] == 0
    library = open_library(packs_dirs=[extra], user_packs=home / "packs")
    ids = [p.id for p in library.packs]
    shipped = len(pack_files(shipped_packs_dir()))
    assert ids[shipped:] == ["class", "mine"]
    assert not [p for p in library.problems if p.severity == "error"]
    code, out, _ = run("questions", "--packs", str(extra), "--json")
    assert code == 0
    packs = {json.loads(line)["pack"] for line in out.splitlines()}
    assert {"class", "mine"} <= packs


def test_the_home_screen_lists_user_packs_beside_the_shipped_ones(home: Path, extra: Path):
    from kopick_quiz.tui.app import KopickApp, Launch

    assert run("new-pack", "Mine")[0] == 0
    app = KopickApp(Launch(packs_dirs=(extra,)), data_dir=home, persist=False)

    async def scenario() -> list[str]:
        async with app.run_test(size=(100, 30)) as pilot:
            for _ in range(50):
                await app.workers.wait_for_complete()
                await pilot.pause()
                table = app.screen.query_one("#packs", DataTable)
                if table.row_count > 1:
                    break
            return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]

    rows = asyncio.run(scenario())
    assert any("Mine" in r for r in rows) and any("Class pack" in r for r in rows)
