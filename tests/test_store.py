"""The store, on SQLite and on PostgreSQL: answers committed as given, resuming, every bad file or
folder handled (SQLite), and a server's database checked (PostgreSQL)."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import fsrs
import pgserver
import pytest
from stores import StoreSpot

from kopick_quiz.grading import Verdict
from kopick_quiz.questions import Question
from kopick_quiz.session import Answered
from kopick_quiz.settings import DEFAULTS, load_settings, read_settings, save_settings, update_settings
from kopick_quiz.store import APPLICATION_ID, DB_NAME, SCHEMA_VERSION, Store, StoreError, redact
from kopick_quiz.store import postgres as pg_module
from kopick_quiz.store import sqlite as store_module

T0 = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)
SCORES = {"correct": 1.0, "close": 0.9, "partial": 0.5, "incorrect": 0.0}


def question(
    qid: str = "q1", *, tags: tuple[str, ...] = ("people", "2010s"), qtype: str = "short"
) -> Question:
    return Question(id=qid, pack="p", type=qtype, prompt=f"prompt of {qid}?", answers=("A",), tags=tags)  # type: ignore[arg-type]


def answered(
    q: Question | str = "q1",
    verdict: str = "correct",
    *,
    text: str = "A",
    hints: int = 0,
    seconds: float = 4.0,
    points: int = 10,
    streak: int = 1,
) -> Answered:
    q = question(q) if isinstance(q, str) else q
    v = None if verdict == "skipped" else Verdict(verdict, SCORES[verdict], "A", "")  # type: ignore[arg-type]
    return Answered(q, text, v, hints, seconds, points, streak)


class Clock:
    def __init__(self, now: datetime = T0) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(db: StoreSpot, clock: Clock) -> Iterator[Store]:
    s = db.open(clock=clock, scheduler=fsrs.Scheduler(enable_fuzzing=False))
    yield s
    s.close()


def needs_psycopg() -> None:
    """Skip without psycopg (the `postgres` extra), with the reason; where PostgreSQL is required
    (KOPICK_REQUIRE_POSTGRES, as on CI) its absence is a failure instead."""
    try:
        import psycopg  # noqa: F401
    except ImportError as exc:
        if os.environ.get("KOPICK_REQUIRE_POSTGRES"):
            pytest.fail(f"psycopg is required here (KOPICK_REQUIRE_POSTGRES) but: {exc}")
        pytest.skip(f"psycopg is not installed (pip install '.[postgres]'): {exc}")


def raw(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path)


# -- a fresh store ---------------------------------------------------------------------------------------


def test_open_creates_the_folder_and_a_database_marked_as_ours(tmp_path: Path) -> None:
    folder = tmp_path / "not" / "yet" / "there"
    with Store.open(folder) as s:
        assert s.notice is None
        assert s.path == folder / DB_NAME
    db = raw(folder / DB_NAME)
    assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_reopening_keeps_the_history(db: StoreSpot) -> None:
    with db.open() as s:
        quiz = s.start_quiz("Mina", "p", "quick", ["q1", "q2"], 7)
        s.record(quiz, answered("q1"))
    with db.open() as s:
        assert s.notice is None
        assert [r.question_id for r in s.answers()] == ["q1"]


def test_an_answer_is_on_disk_before_record_returns(store: Store, db: StoreSpot) -> None:
    quiz = store.start_quiz("Mina", "p", "quick", ["q1", "q2"], None)
    store.record(quiz, answered("q1", text="GDH 559"))
    # Another connection (another process, after a crash) sees it at once: no finish, no close.
    with db.open() as other:
        assert [(r.question_id, r.typed) for r in other.answers()] == [("q1", "GDH 559")]
    if db.kind == "sqlite":
        assert raw(store.path).execute("SELECT question_id, typed FROM answers").fetchall() == [
            ("q1", "GDH 559")
        ]


@pytest.mark.parametrize(
    ("verdict", "hints", "seconds", "score", "rating"),
    [
        ("correct", 0, 4.0, 1.0, fsrs.Rating.Easy),
        ("correct", 0, 30.0, 1.0, fsrs.Rating.Good),
        ("close", 0, 4.0, 0.9, fsrs.Rating.Good),
        ("correct", 1, 4.0, 1.0, fsrs.Rating.Hard),
        ("partial", 0, 4.0, 0.5, fsrs.Rating.Hard),
        ("incorrect", 0, 4.0, 0.0, fsrs.Rating.Again),
        ("skipped", 0, 4.0, 0.0, fsrs.Rating.Again),
    ],
)
def test_record_keeps_every_field_of_the_answer(
    store: Store, clock: Clock, verdict: str, hints: int, seconds: float, score: float, rating: int
) -> None:
    quiz = store.start_quiz("Mina", "pack-1", "exam", ["q1"], 3)
    a = answered(
        question("q1", tags=("studios", "2000s")),
        verdict,
        text="typed ✓ 한국",
        hints=hints,
        seconds=seconds,
        points=7,
    )
    answer_id = store.record(quiz, a)
    [row] = store.answers("Mina")
    assert (row.answer_id, row.player, row.quiz_id, row.pack, row.mode) == (
        answer_id,
        "Mina",
        quiz,
        "pack-1",
        "exam",
    )
    assert (row.question_id, row.question_pack, row.tags) == ("q1", "p", ("studios", "2000s"))
    assert (row.typed, row.verdict, row.score, row.points) == ("typed ✓ 한국", verdict, score, 7)
    assert (row.hints, row.seconds, row.rating, row.answered_at) == (hints, seconds, rating, clock.now)
    assert row.accepted == (verdict in ("correct", "close"))


def test_a_nul_character_in_an_answer_or_a_name_is_kept_visibly_on_every_backend(store: Store) -> None:
    quiz = store.start_quiz("Mi\x00na", "p", "quick", ["q1"], None)
    store.record(quiz, answered("q1", "incorrect", text="GDH\x00 559"))
    [row] = store.answers("Mi\x00na")
    assert (row.player, row.typed) == ("Mi\ufffdna", "GDH\ufffd 559")


def test_every_answer_reviews_the_players_card(store: Store, clock: Clock) -> None:
    quiz = store.start_quiz("Mina", "p", "quick", ["q1", "q1"], None)
    store.record(quiz, answered("q1", "incorrect"))
    first = store.cards("Mina")["q1"]
    assert first.reviews == 1 and first.introduced_at == clock.now
    assert first.due == clock.now + timedelta(minutes=1)  # FSRS's first learning step
    clock.advance(minutes=5)
    store.record(quiz, answered("q1", "incorrect"))
    again = store.cards("Mina")["q1"]
    assert (again.reviews, again.lapses, again.introduced_at) == (2, 1, first.introduced_at)
    assert store.cards("Someone else") == {}


# -- resuming and tallies --------------------------------------------------------------------------------


def test_an_interrupted_quiz_is_offered_with_what_was_done(store: Store) -> None:
    quiz = store.start_quiz("Mina", "p", "pack", ["q1", "q2", "q3"], 42)
    store.record(quiz, answered("q1", points=10, streak=1))
    store.record(quiz, answered("q2", points=12, streak=2))
    found = store.unfinished("Mina")
    assert found is not None
    assert (found.quiz_id, found.pack, found.mode, found.seed) == (quiz, "p", "pack", 42)
    assert found.answered_ids == ("q1", "q2")
    assert found.remaining_ids == ("q3",)
    assert (found.score, found.streak) == (22, 2)


@pytest.mark.parametrize(
    ("story", "expected"),
    [
        ("finished", None),
        ("abandoned", None),
        ("nothing answered", None),
        ("everything answered", None),
        ("another player's", None),
        ("two interrupted", "the later"),
    ],
)
def test_only_a_quiz_left_half_way_is_offered(store: Store, story: str, expected: str | None) -> None:
    ids = ["q1", "q2"]
    quiz = store.start_quiz("Other" if story == "another player's" else "Mina", "p", "quick", ids, None)
    if story != "nothing answered":
        store.record(quiz, answered("q1"))
    if story == "everything answered":
        store.record(quiz, answered("q2"))
    if story in ("finished", "abandoned"):
        (store.finish if story == "finished" else store.abandon)(quiz)
    later = None
    if story == "two interrupted":
        later = store.start_quiz("Mina", "p2", "quick", ids, None)
        store.record(later, answered("q1"))
    found = store.unfinished("Mina")
    assert (found.quiz_id if found else None) == (later if expected else None)


def test_recording_into_a_finished_quiz_is_refused(store: Store) -> None:
    quiz = store.start_quiz("Mina", "p", "quick", ["q1", "q2"], None)
    store.finish(quiz)
    with pytest.raises(StoreError, match="finished"):
        store.record(quiz, answered("q1"))
    with pytest.raises(StoreError, match="no quiz 999"):
        store.record(999, answered("q1"))
    assert list(store.answers()) == []


def test_best_scores_are_the_best_finished_quiz_per_pack(store: Store) -> None:
    for pack, verdicts, done in [
        ("people", ["correct", "incorrect"], True),
        ("people", ["correct", "correct", "incorrect", "close"], True),
        ("people", ["correct"], False),  # interrupted: not a score
        ("films", ["incorrect", "skipped"], True),
    ]:
        quiz = store.start_quiz("Mina", pack, "quick", [f"q{i}" for i in range(5)], None)
        for i, v in enumerate(verdicts):
            store.record(quiz, answered(f"q{i}", v))
        if done:
            store.finish(quiz)
    assert store.best_scores("Mina") == {"people": 0.75, "films": 0.0}
    assert store.best_scores("Nobody") == {}


def test_players_are_listed_by_name_once_each(store: Store) -> None:
    for name in ["mina", "  Joon   ho ", "Ana", "mina"]:
        store.start_quiz(name, "p", "quick", ["q1"], None)
    assert store.players() == ["Ana", "Joon ho", "mina"]
    assert [q.player for q in store.quizzes("Joon ho")] == ["Joon ho"]


@pytest.mark.parametrize(("name", "message"), [("   ", "needs a name"), ("x" * 81, "at most 80")])
def test_a_bad_player_name_is_a_plain_error(store: Store, name: str, message: str) -> None:
    with pytest.raises(StoreError, match=message):
        store.start_quiz(name, "p", "quick", ["q1"], None)


def test_answers_can_be_read_for_one_player_or_all(store: Store) -> None:
    for name in ["Ana", "Mina", "Ana"]:
        quiz = store.start_quiz(name, "p", "quick", ["q1"], None)
        store.record(quiz, answered("q1"))
    assert [r.player for r in store.answers()] == ["Ana", "Mina", "Ana"]
    assert [r.player for r in store.answers("Ana")] == ["Ana", "Ana"]
    assert store.last_player() == "Ana"


def test_the_store_can_be_used_from_a_worker_thread(store: Store) -> None:
    quiz = store.start_quiz("Mina", "p", "quick", ["q1"], None)
    errors: list[BaseException] = []

    def work() -> None:
        try:
            store.record(quiz, answered("q1"))
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    assert errors == [] and len(list(store.answers())) == 1


# -- bad files ---------------------------------------------------------------------------------------------


def _zero_length(path: Path) -> None:
    path.write_bytes(b"")


def _scribbled(path: Path) -> None:
    path.write_bytes(os.urandom(8192))


def _damaged(path: Path) -> None:
    """A real history of ours whose pages were overwritten: the header still looks fine."""
    with Store.open(path.parent) as s:
        quiz = s.start_quiz("Mina", "p", "quick", [f"q{i}" for i in range(300)], None)
        for i in range(300):
            s.record(quiz, answered(f"q{i}", text="x" * 200))
    data = bytearray(path.read_bytes())
    assert len(data) > 8 * 4096
    data[4096 + 100 : len(data) - 4096] = os.urandom(len(data) - 8192 - 100)
    path.write_bytes(bytes(data))


def _foreign(path: Path) -> None:
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE recipes (name TEXT)")
    db.execute("INSERT INTO recipes VALUES ('kimchi')")
    db.commit()
    db.close()


def _empty_sqlite(path: Path) -> None:
    db = sqlite3.connect(path)
    db.execute("PRAGMA user_version = 1")
    db.close()


@pytest.mark.parametrize(
    ("make_bad", "says"),
    [
        (_zero_length, "is empty (0 bytes)"),
        (_scribbled, "is damaged or not a database"),
        (_damaged, "is damaged"),
        (_foreign, "a database of another program"),
        (_empty_sqlite, "an empty database"),
    ],
    ids=["zero-length", "scribbled", "damaged-pages", "foreign-sqlite", "empty-sqlite"],
)
def test_a_file_that_is_not_a_good_history_is_kept_aside_and_a_new_one_started(
    tmp_path: Path, clock: Clock, make_bad, says: str
) -> None:
    path = tmp_path / DB_NAME
    make_bad(path)
    before = path.read_bytes()
    with Store.open(tmp_path, clock=clock) as s:
        assert s.notice is not None and says in s.notice
        aside = tmp_path / f"{DB_NAME}.corrupt-20250301T090000Z"
        assert aside.name in s.notice
        assert aside.read_bytes() == before  # kept, byte for byte
        quiz = s.start_quiz("Mina", "p", "quick", ["q1"], None)  # and the new one works
        s.record(quiz, answered("q1"))
    with Store.open(tmp_path, clock=clock) as s:
        assert s.notice is None and len(list(s.answers())) == 1


def test_a_bad_file_set_aside_takes_its_wal_files_along(tmp_path: Path, clock: Clock) -> None:
    (tmp_path / DB_NAME).write_bytes(os.urandom(4096))
    (tmp_path / f"{DB_NAME}-wal").write_bytes(b"stale log")
    with Store.open(tmp_path, clock=clock) as s:
        assert s.notice is not None
    assert (tmp_path / f"{DB_NAME}.corrupt-20250301T090000Z-wal").read_bytes() == b"stale log"


def test_a_second_bad_file_in_the_same_second_gets_its_own_name(tmp_path: Path, clock: Clock) -> None:
    for _ in range(2):
        (tmp_path / DB_NAME).write_bytes(b"")
        with Store.open(tmp_path, clock=clock) as s:
            assert s.notice is not None
    assert sorted(p.name for p in tmp_path.glob("*.corrupt-*")) == [
        f"{DB_NAME}.corrupt-20250301T090000Z",
        f"{DB_NAME}.corrupt-20250301T090000Z-2",
    ]


def test_a_history_from_a_newer_version_is_refused_and_left_untouched(tmp_path: Path) -> None:
    with Store.open(tmp_path) as s:
        s.start_quiz("Mina", "p", "quick", ["q1"], None)
    db = raw(tmp_path / DB_NAME)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    before = (tmp_path / DB_NAME).read_bytes()
    with pytest.raises(StoreError, match="newer kopick-quiz.*upgrade"):
        Store.open(tmp_path)
    assert (tmp_path / DB_NAME).read_bytes() == before
    assert list(tmp_path.glob("*.corrupt-*")) == []


def test_an_older_history_is_migrated_forward_keeping_its_answers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store.open(tmp_path) as s:
        quiz = s.start_quiz("Mina", "p", "quick", ["q1"], None)
        s.record(quiz, answered("q1"))
    newer = [*store_module.MIGRATIONS, ("ALTER TABLE players ADD COLUMN avatar TEXT",)]
    monkeypatch.setattr(store_module, "MIGRATIONS", newer)
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", len(newer))
    with Store.open(tmp_path) as s:
        assert s.notice is None and len(list(s.answers())) == 1
    db = raw(tmp_path / DB_NAME)
    assert db.execute("PRAGMA user_version").fetchone()[0] == len(newer)
    assert "avatar" in [r[1] for r in db.execute("PRAGMA table_info(players)")]


# -- bad folders -------------------------------------------------------------------------------------------


@contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """Make `folder` unwritable, even for root (who ignores permission bits): chattr +i."""
    folder.chmod(0o555)
    immutable = False
    try:
        if os.geteuid() == 0:
            if not shutil.which("chattr"):
                pytest.skip("running as root without chattr: cannot make a folder read-only")
            done = subprocess.run(["chattr", "+i", str(folder)], capture_output=True)
            if done.returncode:
                pytest.skip("running as root on a file system without chattr +i")
            immutable = True
        yield
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
        folder.chmod(0o755)


@pytest.mark.parametrize("with_history", [False, True], ids=["new", "existing-history"])
def test_a_read_only_data_folder_is_a_plain_error(tmp_path: Path, with_history: bool) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    if with_history:
        with Store.open(folder) as s:
            s.start_quiz("Mina", "p", "quick", ["q1"], None)
    before = sorted(p.name for p in folder.iterdir())
    with read_only(folder), pytest.raises(StoreError, match="read-only|permission|not permitted"):
        Store.open(folder)
    assert sorted(p.name for p in folder.iterdir()) == before


def test_a_data_folder_that_cannot_be_created_is_a_plain_error(tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("")
    with pytest.raises(StoreError, match="cannot create the data folder .*--data-dir"):
        Store.open(tmp_path / "a-file" / "data")


def test_leftovers_of_a_creation_cut_short_are_cleared_once_stale(tmp_path: Path) -> None:
    stale = tmp_path / f"{DB_NAME}.new-0123456789ab"
    fresh = tmp_path / f"{DB_NAME}.new-ba9876543210"  # perhaps another process creating it now
    for leftover in (stale, fresh):
        leftover.write_bytes(b"half")
    old = (datetime.now() - timedelta(hours=2)).timestamp()
    os.utime(stale, (old, old))
    with Store.open(tmp_path) as s:
        assert s.notice is None
    assert (stale.exists(), fresh.exists()) == (False, True)


# -- two processes -----------------------------------------------------------------------------------------


def _answer_many(folder: str, url: str | None, label: str, count: int, barrier) -> None:
    s = Store.open(folder, db=url)
    quiz = s.start_quiz("Ana", "p", "quick", [f"q{i % 5}" for i in range(count)], None)
    barrier.wait()
    for i in range(count):
        s.record(quiz, answered(f"q{i % 5}", text=f"{label} {i}"))
    s.finish(quiz)
    s.close()


def test_two_processes_answering_at_once_both_succeed_and_lose_nothing(db: StoreSpot) -> None:
    db.open().close()
    ctx = multiprocessing.get_context("fork")
    barrier = ctx.Barrier(2)
    procs = [
        ctx.Process(target=_answer_many, args=(str(db.data_dir), db.url, label, 60, barrier))
        for label in "AB"
    ]
    for p in procs:
        p.start()
    for p in procs:
        p.join(30)
    assert [p.exitcode for p in procs] == [0, 0]
    with db.open() as s:
        typed = sorted(r.typed for r in s.answers())
        assert typed == sorted(f"{label} {i}" for label in "AB" for i in range(60))
        assert [q.status for q in s.quizzes("Ana")] == ["finished", "finished"]
        # Both reviewed the same five cards: every review counted, none lost to a race.
        assert sum(c.reviews for c in s.cards("Ana").values()) == 120
        assert s.integrity_check() == "ok"


# -- the settings side file ----------------------------------------------------------------------------------


def test_settings_start_as_the_defaults(tmp_path: Path) -> None:
    assert load_settings(tmp_path / "nowhere") == DEFAULTS


def test_settings_saved_are_loaded_back_over_the_defaults(tmp_path: Path) -> None:
    save_settings(tmp_path, {"player": "민아", "pack": "people", "future-key": [1, 2]})
    assert load_settings(tmp_path) == {**DEFAULTS, "player": "민아", "pack": "people", "future-key": [1, 2]}
    assert update_settings(tmp_path, count=20)["count"] == 20
    assert load_settings(tmp_path)["count"] == 20
    assert sorted(p.name for p in tmp_path.iterdir()) == ["settings.json"]  # no temp file left


@pytest.mark.parametrize(
    "content",
    [b"", b"{not json", b"[1, 2]", b"\xff\xfe{}", b'"a string"'],
    ids=["empty", "broken-json", "a-list", "bad-utf8", "a-string"],
)
def test_unreadable_settings_give_the_defaults_and_are_kept_aside(tmp_path: Path, content: bytes) -> None:
    (tmp_path / "settings.json").write_bytes(content)
    values, notice = read_settings(tmp_path)
    assert values == DEFAULTS
    assert notice is not None and "kept as settings.json.corrupt-" in notice
    [aside] = tmp_path.glob("settings.json.corrupt-*")
    assert aside.read_bytes() == content


def test_a_save_cut_short_leaves_the_old_settings_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    save_settings(tmp_path, {"player": "Mina"})

    def crash(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(StoreError, match="cannot save settings .*no space left"):
        save_settings(tmp_path, {"player": "Joon-ho"})
    monkeypatch.undo()
    assert load_settings(tmp_path)["player"] == "Mina"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["settings.json"]


def test_saving_settings_in_a_read_only_folder_is_a_plain_error(tmp_path: Path) -> None:
    with read_only(tmp_path), pytest.raises(StoreError, match="cannot save settings"):
        save_settings(tmp_path, {"player": "Mina"})


def test_a_backup_is_a_complete_history_of_its_own(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "data")
    quiz = store.start_quiz("Mina", "p", "quick", ["q1", "q2"], None)
    store.record(quiz, answered("q1"))
    target = tmp_path / "backup.db"
    store.backup(target)
    with pytest.raises(StoreError, match="already exists"):
        store.backup(target)
    (tmp_path / "restored").mkdir()
    shutil.copy(target, tmp_path / "restored" / DB_NAME)
    with Store.open(tmp_path / "restored") as copy:
        assert copy.notice is None
        assert [r.question_id for r in copy.answers()] == ["q1"] and "q1" in copy.cards("Mina")
    store.close()


# -- PostgreSQL: the server's database -------------------------------------------------------------------

pg = pytest.mark.postgres


def pg_meta(url: str, sql: str, params: tuple[object, ...] = ()) -> list[tuple]:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        cur = conn.execute(sql, params)  # type: ignore[arg-type]
        return cur.fetchall() if cur.description else []


def test_both_backends_have_the_same_schema_versions_tables_and_columns(tmp_path: Path, pg_url: str) -> None:
    assert pg_module.SCHEMA_VERSION == SCHEMA_VERSION == len(pg_module.MIGRATIONS)
    Store.open(tmp_path).close()
    lite = raw(tmp_path / DB_NAME)
    tables = [r[0] for r in lite.execute("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")]
    on_sqlite = {t: sorted(r[1] for r in lite.execute(f"PRAGMA table_info({t})")) for t in tables}
    rows = pg_meta(
        pg_url,
        "SELECT table_name, column_name FROM information_schema.columns "
        "WHERE table_schema = current_schema() AND table_name <> 'kopick_meta'",
    )
    on_postgres: dict[str, list[str]] = {}
    for table, column in rows:
        on_postgres.setdefault(table, []).append(column)
    assert on_sqlite == {t: sorted(c) for t, c in on_postgres.items()}


@pg
def test_an_empty_database_is_given_the_schema(pg_server, tmp_path: Path) -> None:
    url = pg_server.fresh(empty=True)
    with Store.open(tmp_path, db=url) as s:
        assert s.kind == "postgresql" and s.path is None
        quiz = s.start_quiz("Mina", "p", "quick", ["q1"], None)
        s.record(quiz, answered("q1"))
    assert pg_meta(url, "SELECT value FROM kopick_meta WHERE key = 'schema_version'") == [
        (str(SCHEMA_VERSION),)
    ]
    assert not (tmp_path / DB_NAME).exists()  # the data folder holds no history of its own then


@pg
def test_a_database_from_a_newer_version_is_refused_and_left_untouched(
    pg_fresh_url: str, tmp_path: Path
) -> None:
    with Store.open(tmp_path, db=pg_fresh_url) as s:
        s.start_quiz("Mina", "p", "quick", ["q1"], None)
    pg_meta(
        pg_fresh_url,
        "UPDATE kopick_meta SET value = %s WHERE key = 'schema_version'",
        (str(SCHEMA_VERSION + 1),),
    )
    with pytest.raises(StoreError, match="newer kopick-quiz.*upgrade") as caught:
        Store.open(tmp_path, db=pg_fresh_url)
    assert pgserver.PASSWORD not in str(caught.value) and ":***@" in str(caught.value)
    assert pg_meta(pg_fresh_url, "SELECT count(*) FROM quizzes") == [(1,)]
    assert pg_meta(pg_fresh_url, "SELECT value FROM kopick_meta WHERE key = 'schema_version'") == [
        (str(SCHEMA_VERSION + 1),)
    ]


@pg
def test_an_older_database_is_migrated_forward_keeping_its_answers(
    pg_fresh_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store.open(tmp_path, db=pg_fresh_url) as s:
        quiz = s.start_quiz("Mina", "p", "quick", ["q1"], None)
        s.record(quiz, answered("q1"))
    newer = [*pg_module.MIGRATIONS, ("ALTER TABLE players ADD COLUMN avatar TEXT",)]
    monkeypatch.setattr(pg_module, "MIGRATIONS", newer)
    monkeypatch.setattr(pg_module, "SCHEMA_VERSION", len(newer))
    with Store.open(tmp_path, db=pg_fresh_url) as s:
        assert len(list(s.answers())) == 1
    assert pg_meta(pg_fresh_url, "SELECT value FROM kopick_meta WHERE key = 'schema_version'") == [
        (str(len(newer)),)
    ]
    assert pg_meta(
        pg_fresh_url, "SELECT count(*) FROM information_schema.columns WHERE column_name = 'avatar'"
    ) == [(1,)]


@pg
def test_a_database_of_another_program_is_refused_and_left_alone(pg_server, tmp_path: Path) -> None:
    url = pg_server.fresh(empty=True)
    pg_meta(url, "CREATE TABLE recipes (name TEXT)")
    with pytest.raises(StoreError, match="tables of another program .*recipes.*nothing was changed"):
        Store.open(tmp_path, db=url)
    assert [r[0] for r in pg_meta(url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")] == [
        "recipes"
    ]


def _open_empty(folder: str, url: str, barrier) -> None:
    barrier.wait()
    Store.open(folder, db=url).close()


@pg
def test_processes_opening_a_new_database_at_once_make_its_schema_once(pg_server, tmp_path: Path) -> None:
    url = pg_server.fresh(empty=True)
    ctx = multiprocessing.get_context("fork")
    barrier = ctx.Barrier(4)
    procs = [ctx.Process(target=_open_empty, args=(str(tmp_path), url, barrier)) for _ in range(4)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(30)
    assert [p.exitcode for p in procs] == [0, 0, 0, 0]
    with Store.open(tmp_path, db=url) as s:
        assert s.integrity_check() == "ok"


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("wrong password", "cannot reach the database at postgresql://kopick:\\*\\*\\*@.*password"),
        ("no such database", "cannot reach the database at .*nowhere"),
    ],
)
@pg
def test_a_server_that_cannot_be_used_is_a_plain_error_without_the_password(
    pg_server, tmp_path: Path, url: str, says: str
) -> None:
    good = pg_server.url("postgres")
    given = (
        good.replace(pgserver.PASSWORD, "Wr0ng-Secret")
        if url == "wrong password"
        else good[: -len("postgres")] + "nowhere"
    )
    with pytest.raises(StoreError, match=says) as caught:
        Store.open(tmp_path, db=given)
    assert "Wr0ng-Secret" not in str(caught.value) and pgserver.PASSWORD not in str(caught.value)


def test_a_server_that_does_not_answer_is_a_plain_error(tmp_path: Path) -> None:
    needs_psycopg()
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(
        StoreError, match=f"cannot reach the database at postgresql://u:\\*\\*\\*@127.0.0.1:{port}/d"
    ):
        Store.open(tmp_path, db=f"postgresql://u:hunter2@127.0.0.1:{port}/d")


def test_without_psycopg_the_message_names_the_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)
    with pytest.raises(StoreError, match=r"pip install 'kopick-quiz\[postgres\]'"):
        Store.open(tmp_path, db="postgresql://u:hunter2@localhost/d")


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        (
            "postgresql://ana:hunter2@db.school.kr:5432/kopick",
            "postgresql://ana:***@db.school.kr:5432/kopick",
        ),
        ("postgresql://ana@db/kopick", "postgresql://ana@db/kopick"),
        ("postgres://ana:p%40ss@db/k?sslmode=require", "postgres://ana:***@db/k?sslmode=require"),
        ("postgresql:///k?user=ana&password=hunter2", "postgresql:///k?user=ana&password=***"),
        ("postgresql://ana:hun/ter@2@db/k", "postgresql://ana:***@db/k"),  # not encoded: still hidden
        ("postgresql://ana:hunter2@[bad/k", "postgresql://ana:***@[bad/k"),  # malformed: still hidden
    ],
)
def test_a_url_is_shown_without_its_password(url: str, shown: str) -> None:
    assert redact(url) == shown


@pytest.mark.parametrize(
    ("given", "file"),
    [(None, "data/kopick.db"), ("sqlite://{tmp}/school.db", "school.db"), ("{tmp}/other.db", "other.db")],
)
def test_db_names_the_sqlite_file_too(tmp_path: Path, given: str | None, file: str) -> None:
    with Store.open(tmp_path / "data", db=given.format(tmp=tmp_path) if given else None) as s:
        assert s.kind == "sqlite" and s.path == tmp_path / file


def test_a_malformed_url_is_a_plain_error_that_hides_the_password(tmp_path: Path) -> None:
    needs_psycopg()
    with pytest.raises(
        StoreError, match="cannot use the database at postgresql://ana:\\*\\*\\*@\\[bad/k"
    ) as caught:
        Store.open(tmp_path, db="postgresql://ana:hunter2@[bad/k")
    assert "hunter2" not in str(caught.value)


def test_a_database_kind_we_do_not_know_is_a_plain_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="'mysql' databases are not supported"):
        Store.open(tmp_path, db="mysql://root:pw@localhost/k")


def _race(folder: str, url: str | None, what: str, barrier, results) -> None:  # noqa: ANN001
    from kopick_quiz.store import Refused, SeatTaken

    s = Store.open(folder, db=url)
    klass = s.find_class("KXP4TM")
    assert klass is not None
    barrier.wait()
    try:
        if what == "join":
            seat = s.take_seat(klass, "Mina", "mina", f"T{os.getpid()}", proof=None, trusted=False)
            results.put(("seat", seat.quiz_id))
        else:
            [seat] = [q for q in s.quizzes("Mina")]
            s.record(seat.quiz_id, answered("q1", text=str(os.getpid())))
            results.put(("recorded", 0))
    except (Refused, SeatTaken) as exc:
        results.put((type(exc).__name__, 0))
    finally:
        s.close()


@pytest.mark.parametrize("what", ["join", "answer"])
def test_many_processes_racing_for_one_seat_or_one_answer_get_exactly_one(db: StoreSpot, what: str) -> None:
    with db.open() as s:
        klass = s.create_class("KXP4TM", "Week 3", "p", "self", ["q1", "q2"], None, None)
        assert klass is not None
        if what == "answer":
            s.take_seat(klass, "Mina", "mina", "TOKEN", proof=None, trusted=True)
    ctx = multiprocessing.get_context("fork")
    barrier, results = ctx.Barrier(6), ctx.Queue()
    procs = [
        ctx.Process(target=_race, args=(str(db.data_dir), db.url, what, barrier, results)) for _ in range(6)
    ]
    for p in procs:
        p.start()
    got = sorted(results.get(timeout=60)[0] for _ in procs)
    for p in procs:
        p.join(30)
    assert [p.exitcode for p in procs] == [0] * 6
    if what == "join":
        assert got == ["SeatTaken"] * 5 + ["seat"]
    else:
        assert got == ["Refused"] * 5 + ["recorded"]
    with db.open() as s:
        assert len(list(s.answers())) == (1 if what == "answer" else 0)
        assert [c.players for c in s.classes()] == [1]


@pg
def test_a_write_that_meets_a_serialization_failure_is_retried_whole(pg_url: str, tmp_path: Path) -> None:
    import psycopg

    calls = []

    def work(db) -> int:  # noqa: ANN001
        calls.append(1)
        db.execute("INSERT INTO players (name, created_at) VALUES (?, 'now')", (f"try {len(calls)}",))
        if len(calls) < 3:
            raise psycopg.errors.SerializationFailure("could not serialize access")
        return len(calls)

    with Store.open(tmp_path, db=pg_url) as s:
        assert s.backend.write(work, serializable=True) == 3
        assert s.players() == ["try 3"]  # the failed tries left nothing behind


@pg
def test_a_write_that_keeps_failing_to_serialize_gives_up_with_a_plain_error(
    pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import psycopg

    monkeypatch.setattr(pg_module, "MAX_ATTEMPTS", 3)

    def work(db) -> None:  # noqa: ANN001
        raise psycopg.errors.DeadlockDetected("deadlock detected")

    with (
        Store.open(tmp_path, db=pg_url) as s,
        pytest.raises(StoreError, match="too busy: a write was retried 3 times"),
    ):
        s.backend.write(work)


@pg
def test_stores_of_one_process_share_a_pool_that_the_last_close_shuts(
    pg_fresh_url: str, tmp_path: Path
) -> None:
    import time

    def connections() -> int:
        name = pg_fresh_url.rsplit("/", 1)[1]
        sql = "SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND application_name = 'kopick-quiz'"
        return pg_meta(pg_fresh_url, sql, (name,))[0][0]

    first, second = Store.open(tmp_path, db=pg_fresh_url), Store.open(tmp_path, db=pg_fresh_url)
    assert first.backend._pool is second.backend._pool  # type: ignore[attr-defined]
    first.players(), second.players()
    assert 1 <= connections() <= pg_module.POOL_SIZE
    first.close()
    assert connections() >= 1 and second.players() == []
    second.close()
    deadline = time.monotonic() + 10
    while connections() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert connections() == 0
    with pytest.raises(StoreError, match="is closed"):
        second.players()


def test_a_write_kept_waiting_past_the_busy_timeout_waits_again_instead_of_losing_the_answer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kopick_quiz.store import sqlite as sqlite_backend

    monkeypatch.setattr(sqlite_backend, "BUSY_TIMEOUT_S", 0.2)
    store = Store.open(tmp_path, scheduler=fsrs.Scheduler(enable_fuzzing=False))
    quiz = store.start_quiz("mina", "p", "quick", ["q1"], 1)
    other = sqlite3.connect(tmp_path / DB_NAME, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")  # another process's long write: well past one busy timeout
    releaser = threading.Timer(0.7, lambda: other.execute("COMMIT"))
    releaser.start()
    try:
        store.record(quiz, answered("q1"))
    finally:
        releaser.join()
        other.close()
    assert [r.question_id for r in store.answers("mina")] == ["q1"]
    store.close()


# -- the power-loss promise (docs/data.md): every commit waits for the disk -------------------------------

FULL = 2  # PRAGMA synchronous: 0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA


class _Watched(sqlite3.Connection):
    """A connection that notes, at each commit made through it, its file, its `synchronous`
    level and its journal mode: what the commit was promised to survive."""

    commits: list[tuple[str, int, str]] = []

    def _note(self) -> None:
        if self.in_transaction:
            file = self.execute_raw("PRAGMA database_list").fetchone()[2]
            level = self.execute_raw("PRAGMA synchronous").fetchone()[0]
            journal = self.execute_raw("PRAGMA journal_mode").fetchone()[0]
            _Watched.commits.append((Path(file).name, level, journal))

    def execute_raw(self, sql: str) -> sqlite3.Cursor:
        return super().execute(sql)

    def execute(self, sql: str, *args: object) -> sqlite3.Cursor:  # type: ignore[override]
        if sql.strip().upper().startswith(("COMMIT", "END")):
            self._note()
        return super().execute(sql, *args)  # type: ignore[arg-type]

    def commit(self) -> None:
        self._note()
        super().commit()


@pytest.fixture
def watched(monkeypatch: pytest.MonkeyPatch) -> list[_Watched]:
    """Every SQLite connection opened from here on, watched (forked processes inherit it)."""
    opened: list[_Watched] = []
    real = sqlite3.connect

    def connect(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        conn = real(*args, **kwargs, factory=_Watched)
        opened.append(conn)
        return conn

    monkeypatch.setattr(sqlite3, "connect", connect)
    monkeypatch.setattr(_Watched, "commits", [])
    return opened


def _levels_of_open(opened: list[_Watched]) -> list[tuple[str, int, str]]:
    out = []
    for conn in opened:
        try:
            file = conn.execute_raw("PRAGMA database_list").fetchone()[2]
        except sqlite3.ProgrammingError:  # closed
            continue
        level = conn.execute_raw("PRAGMA synchronous").fetchone()[0]
        journal = conn.execute_raw("PRAGMA journal_mode").fetchone()[0]
        out.append((Path(file).name, level, journal))
    return out


def _record_in_a_child(folder: str, results) -> None:  # noqa: ANN001
    _Watched.commits = []
    with Store.open(folder) as s:
        s.record(s.start_quiz("jun", "p", "quick", ["q1"], 1), answered("q1"))
        results.put((_Watched.commits, _levels_of_open([s.backend._conn])))  # type: ignore[attr-defined]


def test_every_commit_of_an_answer_waits_for_the_disk(tmp_path: Path, watched: list[_Watched]) -> None:
    """docs/data.md: answers are committed with a write-ahead log and `synchronous=FULL`, so a
    power cut loses at most the answer being typed. Every connection the store opens, on every
    path (a new file, an existing one, a second window, a damaged file set aside, worker threads,
    another process) commits at that level; OFF or NORMAL anywhere fails here."""
    folder = tmp_path / "data"
    first = Store.open(folder)  # a new history: made beside, then linked into place
    quiz = first.start_quiz("mina", "p", "quick", ["q1", "q2", "q3"], 1)
    threads = [
        threading.Thread(target=first.record, args=(quiz, answered(q))) for q in ("q1", "q2")
    ]  # as the app's workers do
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    second = Store.open(folder)  # another window on the same file
    second.record(quiz, answered("q3"))
    second.finish(quiz)
    open_now = _levels_of_open(watched)
    first.close()
    second.close()
    with Store.open(folder) as again:  # an existing history
        again.record(again.start_quiz("mina", "p", "quick", ["q1"], 1), answered("q1"))
        open_now += _levels_of_open(watched)
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / DB_NAME).write_bytes(b"not a database at all" * 100)
    with Store.open(tmp_path / "bad") as fresh:  # a damaged file set aside, a new one begun
        assert fresh.backend.notice is not None and "kept as" in fresh.backend.notice  # type: ignore[attr-defined]
        fresh.record(fresh.start_quiz("mina", "p", "quick", ["q1"], 1), answered("q1"))
        open_now += _levels_of_open(watched)
    ctx = multiprocessing.get_context("fork")
    results = ctx.Queue()
    child = ctx.Process(target=_record_in_a_child, args=(str(folder), results))
    child.start()
    child_commits, child_open = results.get(timeout=60)
    child.join(60)
    assert child.exitcode == 0

    commits = _Watched.commits + child_commits
    on_history = [c for c in commits if c[0] == DB_NAME]
    # each answer, quiz and player was a commit on the history file, and each one waited for the disk
    assert len(on_history) >= 8, commits
    assert {(level, journal) for _, level, journal in on_history} == {(FULL, "wal")}, commits
    # the history is made in a file beside it first: that is committed as surely
    assert all(level == FULL for _, level, _ in commits), commits
    assert open_now and child_open
    assert {(name, level, journal) for name, level, journal in open_now + child_open} == {
        (DB_NAME, FULL, "wal")
    }
    with Store.open(folder) as s:
        assert len(list(s.answers())) == 5
