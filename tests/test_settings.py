"""Settings: each player's own in the store (both backends), this machine's in settings.json; a
player new to the store starts from the machine's; a hand-edited value never stops anything."""

from __future__ import annotations

import io
import json
import sqlite3
import sys
from pathlib import Path

import pytest
from stores import StoreSpot

from kopick_quiz.cli import main
from kopick_quiz.settings import (
    DEFAULTS,
    PLAYER_KEYS,
    load_player_settings,
    save_player_settings,
    save_settings,
    update_player_settings,
)
from kopick_quiz.store import DB_NAME, SCHEMA_VERSION, Store
from kopick_quiz.store import postgres as pg_module
from kopick_quiz.store import sqlite as sqlite_module

PERSONAL = {key: DEFAULTS[key] for key in PLAYER_KEYS}


def test_a_players_settings_come_back_as_saved_after_the_store_is_reopened(db: StoreSpot) -> None:
    with db.open() as s:
        save_player_settings(
            s, "민아", {"pack": "medium", "mode": "exam", "count": 25, "seed": 7, "theme": "nord"}
        )
    with db.open() as s:
        found = load_player_settings(s, "민아", {})
    assert found.stored and found.problems == ()
    assert found.values == {"pack": "medium", "mode": "exam", "count": 25, "seed": 7, "theme": "nord"}


def test_two_players_keep_their_own_settings(db: StoreSpot) -> None:
    machine = {"player": "Mina", "count": 15}
    with db.open() as s:
        update_player_settings(s, "Mina", {"count": 5, "theme": "nord"}, machine)
        update_player_settings(s, "Jun", {"count": 30}, machine)
        update_player_settings(s, "Mina", {"count": 6}, machine)
        mina = load_player_settings(s, "Mina", machine).values
        jun = load_player_settings(s, "Jun", machine).values
    assert (mina["count"], mina["theme"]) == (6, "nord")
    assert (jun["count"], jun["theme"]) == (30, None)  # Mina's theme is hers alone


def test_a_player_new_to_the_store_takes_this_machines_settings_and_keeps_them(db: StoreSpot) -> None:
    machine = {**DEFAULTS, "player": "Mina", "pack": "people", "count": 12, "theme": "dracula"}
    with db.open() as s:
        first = load_player_settings(s, "Mina", machine)
        assert first.stored and first.values == {
            **PERSONAL,
            "pack": "people",
            "count": 12,
            "theme": "dracula",
        }
        assert json.loads(s.player_settings("Mina")["count"]) == 12  # carried into the store, once
        # From now on the store is hers: the machine's file no longer speaks for her.
        again = load_player_settings(s, "Mina", {**machine, "count": 3})
    assert again.values["count"] == 12


def test_a_fresh_install_writes_no_settings_for_whoever_opens_it(db: StoreSpot) -> None:
    with db.open() as s:
        found = load_player_settings(s, "root", dict(DEFAULTS))
        assert not found.stored and found.values == PERSONAL
        assert s.player_settings("root") == {} and s.players() == []


def test_a_name_being_typed_is_not_saved_as_a_player(db: StoreSpot) -> None:
    with db.open() as s:
        found = load_player_settings(s, "Mi", {"count": 12}, carry=False)
        assert not found.stored and found.values["count"] == 12
        assert s.players() == []


def test_saving_some_settings_leaves_the_others_as_stored(db: StoreSpot) -> None:
    with db.open() as s:
        update_player_settings(s, "Mina", {"theme": "nord", "count": 8}, {})
        update_player_settings(s, "Mina", {"count": 9}, {"theme": "monokai"})  # another machine's file
        assert load_player_settings(s, "Mina", {}).values["theme"] == "nord"


@pytest.mark.parametrize(
    ("key", "stored", "says", "used"),
    [
        (
            "count",
            '"ten"',
            "'count' in the store (\"ten\") is not a whole number from 1 to 9999; using 10",
            10,
        ),
        ("count", "0", "is not a whole number from 1 to 9999; using 10", 10),
        ("count", "true", "is not a whole number", 10),
        (
            "mode",
            '"blitz"',
            "'mode' in the store (\"blitz\") is not quick, pack, review or exam; using quick",
            "quick",
        ),
        (
            "theme",
            "{not json",
            "'theme' in the store (not JSON) is not a theme's name; using the default",
            None,
        ),
        ("seed", "-4", "'seed' in the store (-4) is not a whole number, 0 or more", None),
        (
            "pack",
            "[" + "1, " * 30 + "1]",
            "'pack' in the store ([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,…) is not a pack's id",
            None,
        ),
    ],
)
def test_a_hand_edited_value_gives_the_default_and_says_why(
    db: StoreSpot, key: str, stored: str, says: str, used: object
) -> None:
    with db.open() as s:
        save_player_settings(
            s, "Mina", {"count": 20, "mode": "pack", "theme": "nord", "seed": 3, "pack": "people"}
        )
        s.backend.write(
            lambda d: d.execute("UPDATE player_settings SET value = ? WHERE key = ?", (stored, key))
        )
        found = load_player_settings(s, "Mina", {})
    assert found.values[key] == used
    [problem] = found.problems
    assert problem.startswith("Mina's saved setting") and says in problem
    others = {"count": 20, "mode": "pack", "theme": "nord", "seed": 3, "pack": "people"}
    assert {k: v for k, v in found.values.items() if k != key} == {
        k: v for k, v in others.items() if k != key
    }


# -- the schema: version 4 adds the table ------------------------------------------------------------------


def _old_history(spot_open, monkeypatch: pytest.MonkeyPatch, module) -> None:  # noqa: ANN001
    """Write a store as the version before player settings did (schema 3), with an answer in it."""
    with monkeypatch.context() as m:
        m.setattr(module, "MIGRATIONS", module.MIGRATIONS[:3])
        m.setattr(module, "SCHEMA_VERSION", 3)
        with spot_open() as s:
            quiz = s.start_quiz("Mina", "people", "quick", ["q1"], 7)
            s.finish(quiz)


def test_a_version_3_sqlite_history_gains_player_settings_and_keeps_its_quizzes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert SCHEMA_VERSION == 4
    _old_history(lambda: Store.open(tmp_path), monkeypatch, sqlite_module)
    raw = sqlite3.connect(tmp_path / DB_NAME)
    assert raw.execute("PRAGMA user_version").fetchone()[0] == 3
    assert "player_settings" not in {r[0] for r in raw.execute("SELECT name FROM sqlite_schema")}
    raw.close()
    with Store.open(tmp_path) as s:
        assert [(q.player, q.status) for q in s.quizzes()] == [("Mina", "finished")]
        save_player_settings(s, "Mina", {"count": 4})
        assert load_player_settings(s, "Mina", {}).values["count"] == 4
    raw = sqlite3.connect(tmp_path / DB_NAME)
    assert raw.execute("PRAGMA user_version").fetchone()[0] == 4
    raw.close()


@pytest.mark.postgres
def test_a_version_3_database_gains_player_settings_and_keeps_its_quizzes(
    pg_server,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,  # noqa: ANN001
) -> None:
    import psycopg

    url = pg_server.fresh(empty=True)
    _old_history(lambda: Store.open(tmp_path, db=url), monkeypatch, pg_module)
    with psycopg.connect(url) as conn:
        assert conn.execute("SELECT value FROM kopick_meta WHERE key = 'schema_version'").fetchone() == ("3",)
    with Store.open(tmp_path, db=url) as s:
        assert [(q.player, q.status) for q in s.quizzes()] == [("Mina", "finished")]
        save_player_settings(s, "Mina", {"count": 4})
        assert load_player_settings(s, "Mina", {}).values["count"] == 4
        assert s.integrity_check() == "ok"
    with psycopg.connect(url) as conn:
        assert conn.execute("SELECT value FROM kopick_meta WHERE key = 'schema_version'").fetchone() == ("4",)
    pg_server.drop(url)


# -- one player, two machines, one server -------------------------------------------------------------------


def run(*argv: str, stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    old = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        code = main(list(argv), out=out, err=err)
    finally:
        sys.stdin = old
    return code, out.getvalue(), err.getvalue()


@pytest.mark.postgres
def test_one_player_on_two_machines_sharing_a_server_has_one_set_of_settings(
    tmp_path: Path, pg_url: str
) -> None:
    lab1, lab2 = tmp_path / "lab1", tmp_path / "lab2"
    save_settings(lab1, {"player": "Mina", "theme": "nord", "count": 12})  # from before the upgrade
    save_settings(lab2, {"player": "Jun", "theme": "dracula", "count": 3})  # someone else's machine
    code, _, err = run(
        "play", "--plain", "--player", "Mina", "--pack", "people", "--count", "2", "--data-dir", str(lab1),
        "--db", pg_url, stdin="no idea\n" * 2,
    )  # fmt: skip
    assert code == 0, err
    with Store.open(lab2, db=pg_url) as s:
        on_lab2 = load_player_settings(s, "Mina", json.loads((lab2 / "settings.json").read_text()))
    # Her first run carried lab1's theme into the server; her choices of that run were saved over it.
    assert on_lab2.values == {"pack": "people", "mode": "quick", "count": 2, "seed": None, "theme": "nord"}
    assert json.loads((lab2 / "settings.json").read_text())["count"] == 3  # the machine's file is its own


def test_play_in_line_mode_saves_the_players_choices_on_either_backend(db: StoreSpot) -> None:
    code, _, err = run(
        "play", "--plain", "--player", "Mina", "--pack", "people", "--count", "2", "--seed", "9",
        "--data-dir", str(db.data_dir), *db.args, stdin="no idea\n" * 2,
    )  # fmt: skip
    assert code == 0, err
    with db.open() as s:
        mine = load_player_settings(s, "Mina", {}).values
    assert mine == {"pack": "people", "mode": "quick", "count": 2, "seed": 9, "theme": None}
