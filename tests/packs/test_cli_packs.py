"""`kopick-quiz import` and `export`: where files go, what is printed, exit codes, no tracebacks."""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

import pytest

from kopick_quiz.cli import main
from kopick_quiz.library import open_library
from kopick_quiz.packs.load import check_pack, load_pack
from kopick_quiz.packs.writer import SCHEMA_FILE

from .conftest import DATA, EVERY_KIND, comparable

GIFT = DATA / "gift"
WARNING = re.compile(r"^.+:\d+: warning: .+$")
ERROR = re.compile(r"^.+:\d+:\d+: error: .+$")


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("KOPICK_QUIZ_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


@pytest.fixture
def every_kind_file(tmp_path: Path) -> Path:
    path = tmp_path / "every-kind.yaml"
    path.write_text(EVERY_KIND, encoding="utf-8")
    return path


# -- import -------------------------------------------------------------------------------------------


def test_import_writes_into_the_users_packs_folder_and_prints_where(home: Path):
    code, out, err = run("import", str(GIFT / "matching.gift"))
    target = home / "packs" / "matching.yaml"
    assert code == 0, err
    assert out == f"imported 5 questions into {target}\n"
    warnings = err.splitlines()
    assert warnings and all(WARNING.match(w) for w in warnings)
    assert any(
        w.endswith(
            "matching.gift:2: warning: a matching question becomes 3 short questions, one for each "
            "pair; the extra answers '2013' are left out"
        )
        for w in warnings
    )
    pack, problems = check_pack(target)
    assert pack is not None and len(pack) == 5 and not [p for p in problems if p.severity == "error"]
    text = target.read_text(encoding="utf-8")
    assert text.startswith(f"# yaml-language-server: $schema={SCHEMA_FILE}\n# Imported from matching.gift")
    assert (home / "packs" / SCHEMA_FILE).is_file()
    assert "matching" in [p.id for p in open_library(user_packs=home / "packs").packs]


def test_import_to_a_chosen_file_or_folder(tmp_path: Path):
    out_file = tmp_path / "mine.yaml"
    assert run("import", str(GIFT / "true_false.gift"), "-o", str(out_file))[0] == 0
    assert load_pack(out_file).id == "true-false"
    assert "yaml-language-server" not in out_file.read_text(encoding="utf-8")
    folder = tmp_path / "packs"
    folder.mkdir()
    assert run("import", str(GIFT / "true_false.gift"), "-o", str(folder))[0] == 0
    assert (folder / "true-false.yaml").is_file()


def test_import_refuses_to_replace_a_pack_unless_forced(home: Path):
    assert run("import", str(GIFT / "true_false.gift"))[0] == 0
    target = home / "packs" / "true-false.yaml"
    target.write_text("# mine\n" + target.read_text(encoding="utf-8"), encoding="utf-8")
    code, out, err = run("import", str(GIFT / "true_false.gift"))
    assert code == 1 and out == ""
    assert (
        err == f"kopick-quiz: {target} already exists; choose another file with -o, or replace it: --force\n"
    )
    assert target.read_text(encoding="utf-8").startswith("# mine")
    assert run("import", str(GIFT / "true_false.gift"), "--force")[0] == 0
    assert not target.read_text(encoding="utf-8").startswith("# mine")


def test_import_reads_aiken_and_csv(tmp_path: Path, home: Path):
    assert run("import", str(DATA / "aiken" / "questions.txt"))[0] == 0
    assert len(load_pack(home / "packs" / "questions.yaml")) == 4
    csv_file = tmp_path / "sheet.csv"
    csv_file.write_text("type,prompt,answers\nshort,Who directed Okja?,Bong Joon Ho\n", encoding="utf-8")
    assert run("import", str(csv_file))[0] == 0
    assert load_pack(home / "packs" / "sheet.yaml").questions[0].answers == ("Bong Joon Ho",)


@pytest.mark.parametrize("path", sorted(GIFT.glob("broken-*.gift")), ids=lambda p: p.name)
def test_a_broken_file_is_an_error_with_its_position_and_nothing_is_written(path: Path, home: Path):
    code, out, err = run("import", str(path))
    assert code == 1 and out == ""
    assert err and all(ERROR.match(line) for line in err.splitlines()), err
    assert "Traceback" not in err
    assert not (home / "packs").exists()


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "the file is empty"),
        (b"\x00\x01\x02binary", "binary file"),
        (b"Caf\xe9 question{=yes}", "not UTF-8"),
        (b"Write an essay.{}\n\nIntro text only.\n", "nothing could be imported"),
        (b"{" * 100000, "'{' is never closed"),
        (b"}" * 10, "'}' closes no '{'"),
    ],
    ids=["empty", "binary", "latin-1", "only-essays", "many-open-braces", "many-close-braces"],
)
def test_hostile_imports_give_a_clear_error_and_no_traceback(tmp_path: Path, content: bytes, message: str):
    path = tmp_path / "bad.gift"
    path.write_bytes(content)
    code, out, err = run("import", str(path))
    assert code == 1 and out == ""
    assert "Traceback" not in err
    errors = [line for line in err.splitlines() if ": error: " in line]
    assert errors and all(ERROR.match(line) for line in errors)
    assert message in err


def test_a_utf16_file_from_notepad_is_read(tmp_path: Path, home: Path):
    path = tmp_path / "notepad.gift"
    path.write_bytes("::a::Which studio made Mr. Go?{=Showbox}\n".encode("utf-16"))
    assert run("import", str(path))[0] == 0
    assert load_pack(home / "packs" / "notepad.yaml").questions[0].answers == ("Showbox",)


def test_import_of_a_missing_file_or_a_folder_is_one_error(tmp_path: Path):
    code, _, err = run("import", str(tmp_path / "nope.gift"))
    assert code == 1 and err.endswith("nope.gift:1:1: error: no such file\n")
    code, _, err = run("import", str(tmp_path))
    assert code == 1 and "is a folder" in err


def test_import_of_a_huge_file_is_refused(tmp_path: Path):
    path = tmp_path / "huge.gift"
    with path.open("wb") as f:
        f.truncate(9 * 1024 * 1024)
    code, _, err = run("import", str(path))
    assert code == 1 and "the limit for an import" in err


# -- export -------------------------------------------------------------------------------------------


def test_export_gift_to_stdout_names_what_it_leaves_out(every_kind_file: Path):
    code, out, err = run("export", str(every_kind_file), "--format", "gift")
    assert code == 0
    assert "::every.short::" in out
    assert err.splitlines() == [
        f"{every_kind_file}: warning: question 'every.multi-typed' is a multi question without choices to "
        "pick; GIFT cannot hold it; left out",
        f"{every_kind_file}: warning: question 'every.order' is an order question; GIFT has no such kind; left out",
    ]


def test_export_then_import_gives_the_same_pack(every_kind_file: Path, tmp_path: Path):
    gift = tmp_path / "every-kind.gift"
    code, _, err = run("export", str(every_kind_file), "-o", str(gift))
    assert code == 0 and err.endswith(f"exported 8 questions of every-kind to {gift}\n")
    back = tmp_path / "back.yaml"
    assert run("import", str(gift), "-o", str(back))[0] == 0
    original = [
        q
        for q in comparable(load_pack(every_kind_file))
        if q["id"] not in ("every.order", "every.multi-typed")
    ]
    assert comparable(load_pack(back)) == original


def test_export_a_users_pack_by_id_in_every_format(home: Path, tmp_path: Path):
    assert run("new-pack", "Mine")[0] == 0
    for fmt in ("gift", "aiken", "csv", "apkg"):
        target = tmp_path / f"mine.{fmt}"
        code, _, err = run("export", "mine", "-o", str(target))
        assert code == 0, err
        assert target.stat().st_size > 0
    assert zipfile.is_zipfile(tmp_path / "mine.apkg")
    assert (tmp_path / "mine.csv").read_bytes().startswith(b"\xef\xbb\xbfid,type,prompt")
    assert "ANSWER: A" in (tmp_path / "mine.aiken").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "argv, message",
    [
        (("export", "nope", "--format", "gift"), "there is no pack 'nope'"),
        (("export", "mine"), "say which format with --format"),
        (("export", "mine", "--format", "apkg"), "an Anki deck is a binary file; name it with -o"),
        (("export", "mine", "-o", "x.pdf"), "say which format"),
        (("export", "missing.yaml", "--format", "gift"), "missing.yaml does not exist"),
    ],
)
def test_export_mistakes_are_one_sentence(argv: tuple[str, ...], message: str):
    assert run("new-pack", "Mine")[0] == 0
    code, out, err = run(*argv)
    assert code == 1 and out == ""
    assert err.startswith("kopick-quiz: ") and message in err


def test_export_of_a_broken_pack_file_reports_its_errors(tmp_path: Path):
    path = tmp_path / "bad.yaml"
    path.write_text("id: bad\ntitle: Bad\nquestions:\n  - id: q\n    prompt: Who?\n    anwser: Bong\n")
    code, _, err = run("export", str(path), "--format", "gift")
    assert code == 1
    assert "unknown field 'anwser'; did you mean 'answer'?" in err


def test_help_has_an_example_for_each_new_command():
    for command in ("new-pack", "import", "export"):
        code, out, _ = run(command, "--help")
        assert code == 0 and "example: kopick-quiz " + command in out


def test_questions_json_lists_an_imported_pack(home: Path):
    assert run("import", str(GIFT / "true_false.gift"))[0] == 0
    code, out, _ = run("questions", "--pack", "true-false", "--json")
    assert code == 0
    assert [json.loads(line)["type"] for line in out.splitlines()] == ["truefalse"] * 5


MOODLE_BANK = """\
// question: 101  name: naz
::naz::[html]<p>Where did Jesus grow up?</p>{
\t=Nazareth#Right\\: Galilee.
\t=%75%Nazereth#misspelt
\t=%25%Bethlehem#Born there.
\t=%0%*#Think of Galilee.
\t####He was raised in Nazareth.
}

::shang::About how many admissions did The Last Woman of Shang (1964) draw?{#
\t=150000:15000
\t=%50%150000:50000#In the right range.
}
"""


def test_a_moodle_bank_with_weights_imports_validates_grades_and_exports_back(tmp_path: Path, home: Path):
    source = tmp_path / "bank.gift"
    source.write_text(MOODLE_BANK, encoding="utf-8")
    code, out, err = run("import", str(source))
    assert code == 0, err
    assert "partial credit" not in err and "not kept" not in err
    target = home / "packs" / "bank.yaml"
    assert run("validate", str(target))[0] == 0
    answers = "\n".join(
        json.dumps({"id": qid, "answer": a})
        for qid, a in [("naz", "Nazereth"), ("naz", "Bethlehem"), ("naz", "Rome"), ("shang", "120,000")]
    )
    graded = _grade(answers, "bank")
    assert [(g["verdict"], g["score"]) for g in graded] == [
        ("partial", 0.75),
        ("partial", 0.25),
        ("incorrect", 0.0),
        ("partial", 0.45),
    ]
    assert graded[0]["feedback"].startswith("misspelt. That earns 75% of the points")
    assert graded[2]["feedback"].startswith("Think of Galilee.")
    code, out, err = run("export", "bank", "--format", "gift")
    assert code == 0, err
    assert "=%75%Nazereth#misspelt" in out and "=%0%*#Think of Galilee." in out
    assert "=%25%Bethlehem#Born there." in out and "=%50%150000:50000#In the right range." in out


def _grade(lines: str, pack: str) -> list[dict]:
    import sys

    stdin = sys.stdin
    sys.stdin = io.StringIO(lines + "\n")
    try:
        code, out, err = run("grade", "--pack", pack)
    finally:
        sys.stdin = stdin
    assert code == 0, err
    return [json.loads(line) for line in out.splitlines()]
