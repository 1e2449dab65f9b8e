"""`db migrate` (SQLite <-> PostgreSQL, checked) and `db check`; two machines sharing one database."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import sys
from pathlib import Path

import pgserver
import pytest
from stores import StoreSpot

from kopick_quiz.cli import main
from kopick_quiz.grading import Verdict
from kopick_quiz.questions import Question
from kopick_quiz.session import Answered
from kopick_quiz.store import DB_NAME, Store
from kopick_quiz.store.transfer import TABLES, table_summaries


def run(*argv: str, stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    old = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        code = main(list(argv), out=out, err=err)
    finally:
        sys.stdin = old
    return code, out.getvalue(), err.getvalue()


def fill(store: Store) -> None:
    """Some of everything: players (one with Hangul) and their settings, quizzes, answers, cards, a
    class and its seat, a live game's row and a dispute (written as the classroom writes them)."""
    for name in ("Mina", "민아"):
        quiz = store.start_quiz(name, "people", "quick", ["q1", "q2"], 7)
        for qid, verdict in (("q1", "close"), ("q2", "incorrect")):
            q = Question(id=qid, pack="people", type="short", prompt="?", answers=("A",), tags=("people",))  # type: ignore[arg-type]
            store.record(quiz, Answered(q, f"typed ✓ {qid}", Verdict(verdict, 0.9, "A", ""), 1, 3.3, 9, 1))  # type: ignore[arg-type]
        store.finish(quiz)
        store.save_player_settings(name, {"count": 7, "theme": "nord", "pack": "한국 영화"})
    klass = store.create_class("KXP4TM", "Week 3", "people", "live", ["q1"], 5, None)
    assert klass is not None
    store.take_seat(klass, "Ana", "ana", "TOKEN1", proof=None, trusted=True)

    def extra(db) -> None:  # noqa: ANN001
        db.execute(
            "INSERT INTO games VALUES (?, 'question', 0, '2026-03-02T09:00:00.000000+00:00', 20.5, 3, "
            "'2026-03-02T09:00:00.000000+00:00')",
            (klass.class_id,),
        )
        db.execute("INSERT INTO disputes (answer_id, reason, created_at) VALUES (1, 'I was right', 'now')")

    store.backend.write(extra)


def test_a_store_goes_to_postgresql_and_back_unchanged(tmp_path: Path, pg_server) -> None:
    with Store.open(tmp_path / "a") as source:
        fill(source)
        before = table_summaries(source)
    url = pg_server.fresh(empty=True)
    code, out, err = run("db", "migrate", "--data-dir", str(tmp_path / "a"), "--to", url)
    assert (code, err) == (0, "")
    assert (
        out.splitlines()[0] == f"copied {tmp_path / 'a' / DB_NAME} to {url.replace(pgserver.PASSWORD, '***')}"
    )
    assert out.endswith("checked: the row counts and content hashes of all 9 tables match\n")
    assert pgserver.PASSWORD not in out
    back = tmp_path / "b" / DB_NAME
    code, out, err = run("db", "migrate", "--db", url, "--to", f"sqlite://{back}")
    assert (code, err) == (0, "")
    with Store.open(tmp_path / "b") as copy:
        assert table_summaries(copy) == before
        assert all(before[t][0] for t in TABLES)  # every table had rows to copy
        assert [r.typed for r in copy.answers("민아")] == ["typed ✓ q1", "typed ✓ q2"]
        assert json.loads(copy.player_settings("민아")["pack"]) == "한국 영화"
    # The copy on the server goes on from there: a new quiz gets the next id, not one taken.
    with Store.open(tmp_path, db=url) as server:
        assert server.start_quiz("New", "people", "quick", ["q1"], None) == 4
        assert server.integrity_check() == "ok"


def test_a_target_that_is_not_empty_is_refused_without_force(tmp_path: Path, pg_url: str) -> None:
    with Store.open(tmp_path / "a") as source:
        fill(source)
    with Store.open(tmp_path, db=pg_url) as target:
        target.start_quiz("Someone", "p", "quick", ["q1"], None)
    code, out, err = run("db", "migrate", "--data-dir", str(tmp_path / "a"), "--to", pg_url)
    assert (code, out) == (1, "")
    assert "is not empty (1 players, 1 quizzes); add --force" in err and pgserver.PASSWORD not in err
    code, out, err = run("db", "migrate", "--data-dir", str(tmp_path / "a"), "--to", pg_url, "--force")
    assert code == 0, err
    with Store.open(tmp_path, db=pg_url) as target:
        assert target.players() == ["Ana", "Mina", "민아"]


def test_migrating_a_store_onto_itself_is_refused(tmp_path: Path) -> None:
    Store.open(tmp_path).close()
    (tmp_path / "x").mkdir()  # the same file spelled another way
    code, _, err = run("db", "migrate", "--data-dir", str(tmp_path), "--to", f"{tmp_path}/x/../{DB_NAME}")
    assert code == 1 and "are the same store" in err


def test_db_check_passes_a_good_store(db: StoreSpot) -> None:
    with db.open() as s:
        fill(s)
    code, out, err = run("db", "check", "--data-dir", str(db.data_dir), *db.args)
    assert (code, err) == (0, "")
    assert out.startswith("ok: ") and f"({db.kind}, data version" in out and "players: 3" in out


def test_db_check_finds_an_orphaned_answer_in_a_sqlite_file(tmp_path: Path) -> None:
    with Store.open(tmp_path) as s:
        fill(s)
    raw = sqlite3.connect(tmp_path / DB_NAME)
    raw.execute("UPDATE answers SET quiz_id = 99 WHERE id = 1")  # foreign keys are off in a bare connection
    raw.commit()
    raw.close()
    code, out, err = run("db", "check", "--data-dir", str(tmp_path))
    assert (code, out) == (1, "")
    assert "answers row 1 points to a missing quizzes row" in err
    assert "1 answers row(s) point to a missing quizzes row (quiz_id)" in err


def test_db_check_finds_a_player_setting_that_is_not_json(db: StoreSpot) -> None:
    with db.open() as s:
        fill(s)
        s.backend.write(lambda d: d.execute("UPDATE player_settings SET value = '{ten' WHERE key = 'count'"))
    code, out, err = run("db", "check", "--data-dir", str(db.data_dir), *db.args)
    assert (code, out) == (1, "")
    assert "2 player_settings row(s) have unreadable value" in err and "Traceback" not in err


def test_db_check_finds_ids_that_new_rows_would_reuse_on_postgresql(tmp_path: Path, pg_url: str) -> None:
    import psycopg

    with Store.open(tmp_path, db=pg_url) as s:
        fill(s)
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("SELECT setval(pg_get_serial_sequence('answers', 'id'), 1)")
    code, _, err = run("db", "check", "--db", pg_url)
    assert code == 1 and "answers: the next id (2) is not above the highest (4)" in err


# -- two machines, one database ------------------------------------------------------------------------


def test_two_machines_on_one_database_share_results_and_the_board(tmp_path: Path, pg_url: str) -> None:
    """Two data folders (two lab machines, each with its own settings and cache) and one server."""
    lab1, lab2 = tmp_path / "lab1", tmp_path / "lab2"
    code, out, err = run(
        "class", "new", "Week 3", "--pack", "contemporary", "--count", "3", "--seed", "5", "--json",
        "--data-dir", str(lab1), "--db", pg_url,
    )  # fmt: skip
    assert code == 0, err
    klass = json.loads(out)["code"]
    for folder, player, typed in ((lab1, "Mina", "GDH 559\n"), (lab2, "Joon-ho", "Shaw Brothers\n")):
        code, out, err = run(
            "play", "--plain", "--class", klass, "--player", player, "--data-dir", str(folder), "--db", pg_url,
            stdin=typed * 3,
        )  # fmt: skip
        assert code == 0, err
    # Neither machine has a history file of its own: everything is on the server.
    assert not (lab1 / DB_NAME).exists() and not (lab2 / DB_NAME).exists()
    code, out, err = run("results", "--csv", "--data-dir", str(lab2), "--db", pg_url)
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert sorted({r["player"] for r in rows}) == ["Joon-ho", "Mina"] and len(rows) == 6
    assert {r["answer"] for r in rows} == {"GDH 559", "Shaw Brothers"}
    code, out, err = run("class", "board", klass, "--json", "--data-dir", str(lab1), "--db", pg_url)
    assert code == 0, err
    board = [json.loads(line) for line in out.splitlines()]
    assert sorted(b["player"] for b in board) == ["Joon-ho", "Mina"]
    assert all(b["answered"] == 3 for b in board)


def test_the_url_can_come_from_the_environment(tmp_path: Path, pg_url: str, monkeypatch) -> None:
    with Store.open(tmp_path, db=pg_url) as s:
        fill(s)
    monkeypatch.setenv("KOPICK_QUIZ_DB", pg_url)
    code, out, err = run("results", "--csv", "--data-dir", str(tmp_path / "elsewhere"))
    assert code == 0, err
    assert len(out.splitlines()) == 1 + 4


def test_a_bad_password_is_one_plain_line_that_does_not_show_it(tmp_path: Path, pg_server) -> None:
    url = pg_server.url("postgres").replace(pgserver.PASSWORD, "Wr0ng-Secret")
    for argv in (["results", "--csv"], ["stats"], ["class", "list"], ["db", "check"]):
        code, out, err = run(*argv, "--data-dir", str(tmp_path), "--db", url)
        assert (code, out) == (1, "")
        assert err.startswith("kopick-quiz: cannot reach the database at postgresql://kopick:***@")
        assert "Wr0ng-Secret" not in err and err.count("\n") == 1 and "Traceback" not in err


# -- the served app's processes get the same store ---------------------------------------------------


@pytest.mark.parametrize(
    ("db", "on_the_line"),
    [
        ("postgresql://kopick@db.school.kr/kopick", True),
        (
            "postgresql://kopick:hunter2@db.school.kr/kopick",
            False,
        ),  # ps would show it: the environment carries it
        (None, False),
    ],
)
def test_the_served_command_points_at_the_same_store_without_a_password_in_it(
    db: str | None, on_the_line: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shlex

    from kopick_quiz.cli import build_parser
    from kopick_quiz.serve import served_command

    monkeypatch.delenv("KOPICK_QUIZ_DB", raising=False)
    args = build_parser().parse_args(["serve", *(["--db", db] if db else [])])
    argv = shlex.split(served_command(args, "/srv/kopick"))
    assert ("--db" in argv) == on_the_line
    if on_the_line:
        assert argv[argv.index("--db") + 1] == db
    assert "hunter2" not in " ".join(argv)
