"""Stats over recorded answers, the teachers' CSV, and the `stats` and `results` commands."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from stores import StoreSpot

from kopick_quiz.cli import main
from kopick_quiz.grading import Verdict
from kopick_quiz.library import open_library
from kopick_quiz.questions import Question
from kopick_quiz.session import Answered
from kopick_quiz.stats import (
    CSV_COLUMNS,
    Retention,
    WeakQuestion,
    accuracy_by_tag,
    build,
    forgetting_curve,
    is_era,
    met_before,
    schedule_words,
    sessions,
    to_json,
    to_text,
    totals,
    weakest,
    write_csv,
)
from kopick_quiz.store import DB_NAME, SCHEMA_VERSION, AnswerRow, QuizRow, Store

SEOUL = timezone(timedelta(hours=9))
T0 = datetime(2025, 3, 1, 0, 0, tzinfo=UTC)  # 09:00 in Seoul
SCORES = {"correct": 1.0, "close": 0.9, "partial": 0.5, "incorrect": 0.0, "skipped": 0.0}


def row(
    quiz: int,
    qid: str,
    verdict: str = "correct",
    *,
    tags: tuple[str, ...] = (),
    at: datetime = T0,
    points: int = 10,
    typed: str = "A",
    player: str = "Mina",
) -> AnswerRow:
    return AnswerRow(
        answer_id=0,
        player=player,
        quiz_id=quiz,
        pack="people",
        mode="quick",
        question_id=qid,
        question_pack="people",
        tags=tags,
        answered_at=at,
        typed=typed,
        verdict=verdict,
        score=SCORES[verdict],
        points=points if verdict in ("correct", "close") else 0,
        hints=0,
        seconds=2.5,
        rating=3,
    )


# -- pure computations -------------------------------------------------------------------------------------


def test_sessions_score_each_quiz_oldest_first() -> None:
    rows = [
        row(2, "q1", at=T0 + timedelta(days=1)),
        row(1, "q1", "incorrect"),
        row(1, "q2", "close"),
        row(2, "q2", "skipped", at=T0 + timedelta(days=1)),
        row(2, "q3", at=T0 + timedelta(days=1)),
    ]
    quizzes = [QuizRow(1, "Mina", "people", "quick", "finished", T0, T0, 2, 2, 1, 10)]
    got = sessions(rows, quizzes)
    assert [(s.quiz_id, s.answered, s.right, s.points, s.status) for s in got] == [
        (1, 2, 1, 10, "finished"),
        (2, 3, 2, 20, "unknown"),
    ]
    assert [round(s.accuracy, 3) for s in got] == [0.5, 0.667]


@pytest.mark.parametrize(
    ("tag", "era"),
    [("1950s", True), ("2010s", True), ("1990s", True), ("50s", False), ("1955s", False), ("people", False)],
)
def test_a_decade_tag_is_an_era(tag: str, era: bool) -> None:
    assert is_era(tag) is era


def test_accuracy_by_tag_keeps_topics_and_eras_apart() -> None:
    rows = [
        row(1, "q1", tags=("studios", "2000s", "studios")),  # a tag twice counts once
        row(1, "q2", "incorrect", tags=("studios", "1960s")),
        row(1, "q3", "incorrect", tags=("people", "1960s")),
        row(1, "q4", "close", tags=("festivals",)),
    ]
    topics = [(s.tag, s.right, s.total) for s in accuracy_by_tag(rows)]
    assert topics == [("people", 0, 1), ("studios", 1, 2), ("festivals", 1, 1)]  # weakest first
    eras = [(s.tag, s.right, s.total) for s in accuracy_by_tag(rows, eras=True)]
    assert eras == [("1960s", 0, 2), ("2000s", 1, 1)]  # in time order


@pytest.mark.parametrize(
    ("recall", "expected"),
    [
        (None, ["q2", "q1"]),
        ({"q3": 0.5, "q1": 0.95, "q2": 0.97}, ["q2", "q1", "q3"]),  # q3 never missed but fading
        ({"q3": 0.95}, ["q2", "q1"]),  # well kept: not weak
    ],
)
def test_weakest_questions_are_the_most_missed_then_the_least_recalled(recall, expected: list[str]) -> None:
    rows = [
        row(1, "q1", "incorrect"),
        row(1, "q2", "incorrect"),
        row(1, "q3"),
        row(2, "q2", "partial"),
        row(2, "q1"),
        row(2, "q3"),
    ]
    found = weakest(rows, recall)
    assert [w.question_id for w in found] == expected
    q2 = found[0]
    assert (q2.attempts, q2.misses, q2.last_verdict, q2.accuracy) == (2, 2, "partial", 0.0)


def test_weakest_lists_at_most_the_limit() -> None:
    rows = [row(1, f"q{i}", "incorrect") for i in range(30)]
    assert len(weakest(rows, limit=5)) == 5


def test_totals_count_days_in_the_players_time_zone() -> None:
    # 14:00 and 16:00 UTC: the same day in UTC, two days in Seoul.
    rows = [row(1, "q1", at=T0 + timedelta(hours=14)), row(2, "q1", "incorrect", at=T0 + timedelta(hours=16))]
    assert totals(rows, UTC).days_active == 1
    t = totals(rows, SEOUL)
    assert (t.days_active, t.quizzes, t.answers, t.right, t.points, t.questions_seen) == (2, 2, 2, 1, 10, 1)
    assert (t.first_at, t.last_at, t.accuracy) == (T0 + timedelta(hours=14), T0 + timedelta(hours=16), 0.5)


def test_met_before_counts_only_answers_to_questions_seen_earlier() -> None:
    rows = [row(1, "q1", "incorrect"), row(1, "q2"), row(2, "q1"), row(2, "q2", "incorrect"), row(3, "q1")]
    assert met_before(rows) == (2, 3)


def test_the_forgetting_curve_starts_high_after_a_review_and_falls() -> None:
    from kopick_quiz.scheduling import default_scheduler, schedule

    scheduler = default_scheduler()
    fresh = schedule(scheduler, None, 3, T0)  # met once, recalled (Good)
    kept = schedule(
        scheduler, schedule(scheduler, fresh, 4, T0 + timedelta(days=3)), 4, T0 + timedelta(days=20)
    )
    curve = forgetting_curve(scheduler, [fresh, kept], T0 + timedelta(days=20))
    values = [v for _, v in curve]
    assert [d for d, _ in curve] == [0, 1, 2, 3, 5, 7, 10, 14, 21, 30]
    assert values == sorted(values, reverse=True) and values[0] > values[-1]
    assert 0.0 < values[-1] < values[0] <= 1.0
    alone = forgetting_curve(scheduler, [kept], T0 + timedelta(days=20))
    assert alone[-1][1] > curve[-1][1]  # the well-kept card is forgotten more slowly
    assert forgetting_curve(scheduler, [], T0) == []


def test_text_report_says_how_well_questions_are_kept() -> None:
    rows = [row(1, "q1", "incorrect"), row(2, "q1"), row(3, "q1")]
    retention = Retention(1, ((0, 0.97), (7, 0.9), (30, 0.75)), 0.9, 2, 2)
    text = to_text(build("Mina", rows, T0, retention=retention))
    assert "Retention\n  questions met before: 2 of 2 answered right (100%)\n" in text
    assert "recall about 90% of your 1 question in a week and 75% in a month" in text


def test_no_answers_give_empty_stats_that_say_so() -> None:
    stats = build("Mina", [], T0)
    assert (stats.totals.answers, stats.totals.accuracy, stats.sessions, stats.weakest) == (0, 0.0, (), ())
    assert "no answers yet" in to_text(stats)
    assert to_json(stats)["totals"]["first_at"] is None


def test_json_holds_every_part_of_the_stats() -> None:
    rows = [row(1, "q1", tags=("people", "1990s")), row(1, "q2", "incorrect", tags=("people",))]
    due = [(date(2025, 3, 1), 2), (date(2025, 3, 2), 0)]
    stats = build("Mina", rows, T0.astimezone(SEOUL), due=due, due_now=1, recall={"q2": 0.4})
    data = json.loads(json.dumps(to_json(stats)))
    assert set(data) == {
        "player",
        "generated_at",
        "totals",
        "sessions",
        "by_tag",
        "by_era",
        "due_now",
        "due",
        "weakest",
        "retention",
    }
    assert data["generated_at"] == "2025-03-01T09:00:00+09:00"
    assert data["totals"]["accuracy"] == 0.5
    assert data["sessions"][0] == {
        "quiz_id": 1,
        "pack": "people",
        "mode": "quick",
        "started_at": "2025-03-01T00:00:00+00:00",
        "status": "unknown",
        "answered": 2,
        "right": 1,
        "accuracy": 0.5,
        "points": 10,
    }
    assert data["by_tag"] == [{"tag": "people", "label": "People", "right": 1, "total": 2, "accuracy": 0.5}]
    assert data["by_era"] == [{"tag": "1990s", "label": "1990s", "right": 1, "total": 1, "accuracy": 1.0}]
    assert data["due"] == [{"date": "2025-03-01", "count": 2}, {"date": "2025-03-02", "count": 0}]
    assert data["weakest"][0]["question_id"] == "q2" and data["weakest"][0]["recall"] == 0.4


def test_text_report_shows_scores_tags_eras_due_and_weakest() -> None:
    rows = [row(1, "q1", tags=("people", "1990s")), row(1, "q2", "incorrect", tags=("people",))]
    stats = build("Mina", rows, T0.astimezone(SEOUL), due=[(date(2025, 3, 1), 2)], due_now=1)
    text = to_text(stats)
    for part in [
        "Progress of Mina",
        "2 answers in 1 quiz, 1 right (50%)",
        "2025-03-01 09:00  people (quick)  1/2",
        "People  1/2  50%",
        "1990s  1/1  100%",
        "Due for review: 1 now",
        "today: 2",
        "q2  missed 1 of 1",
    ]:
        assert part in text


# -- the teachers' CSV ----------------------------------------------------------------------------------


def read_csv(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def test_csv_has_one_row_per_answer_under_a_header() -> None:
    out = io.StringIO(newline="")
    count = write_csv([row(1, "q1", typed="GDH 559"), row(2, "q2", "partial", player="Joon-ho")], out)
    table = read_csv(out.getvalue())
    assert count == 2
    assert table[0] == list(CSV_COLUMNS)
    assert table[1] == [
        "Mina",
        "1",
        "people",
        "quick",
        "q1",
        "2025-03-01T00:00:00+00:00",
        "GDH 559",
        "correct",
        "1",
        "10",
        "0",
        "2.5",
    ]
    assert table[2][0] == "Joon-ho" and table[2][7:9] == ["partial", "0.5"]


@pytest.mark.parametrize(
    ("typed", "cell"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1+1", "'+1+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("Kim Jee-woon", "Kim Jee-woon"),
        ("a=b", "a=b"),
        ("박찬욱, 2003", "박찬욱, 2003"),
        ("line one\nline two", "line one\nline two"),
        ("", ""),
    ],
)
def test_csv_cells_never_run_as_spreadsheet_formulas(typed: str, cell: str) -> None:
    out = io.StringIO(newline="")
    write_csv([row(1, "q1", typed=typed, player=typed or "Mina")], out)
    got = read_csv(out.getvalue())[1]
    assert got[6] == cell
    assert got[0] == (cell or "Mina")


@given(st.text(max_size=60))
def test_csv_gives_back_any_typed_text(typed: str) -> None:
    out = io.StringIO(newline="")
    write_csv([row(1, "q1", typed=typed)], out)
    guarded = typed.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert read_csv(out.getvalue())[1][6] == ("'" + typed if guarded else typed)


# -- the commands ---------------------------------------------------------------------------------------


def record(
    folder: Path | StoreSpot, player: str, verdicts: list[str], tags: tuple[str, ...] = ("people", "2000s")
) -> None:
    """Record a finished quiz of `player` in the store of a data folder (or a `db` fixture's)."""
    with folder.open() if isinstance(folder, StoreSpot) else Store.open(folder) as s:
        ids = [f"q{i}" for i in range(len(verdicts))]
        quiz = s.start_quiz(player, "people", "quick", ids, None)
        for qid, verdict in zip(ids, verdicts, strict=True):
            v = None if verdict == "skipped" else Verdict(verdict, SCORES[verdict], "A", "")  # type: ignore[arg-type]
            q = Question(id=qid, pack="people", type="short", prompt="?", answers=("A",), tags=tags)
            s.record(quiz, Answered(q, f"=typed {qid}", v, 0, 3.0, 10 if v and v.accepted else 0, 0))
        s.finish(quiz)


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def test_stats_json_reports_the_named_player(db: StoreSpot) -> None:
    record(db, "Mina", ["correct", "incorrect", "close"])
    record(db, "Joon-ho", ["incorrect"])
    code, out, err = run("stats", "--json", "--player", "Mina", "--data-dir", str(db.data_dir), *db.args)
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert data["player"] == "Mina"
    assert (data["totals"]["answers"], data["totals"]["right"]) == (3, 2)
    assert data["by_era"] == [{"tag": "2000s", "label": "2000s", "right": 2, "total": 3, "accuracy": 0.6667}]
    assert len(data["due"]) == 14 and data["weakest"][0]["question_id"] == "q1"


def test_stats_names_tags_from_the_fact_base_and_json_keeps_their_ids(tmp_path: Path) -> None:
    record(
        tmp_path,
        "Mina",
        ["correct", "incorrect"],
        tags=("mr-go", "a-midsummers-fantasia", "directors", "2010s"),
    )
    code, out, _ = run("stats", "--json", "--data-dir", str(tmp_path))
    labels = {t["tag"]: t["label"] for t in json.loads(out)["by_tag"]}
    assert (code, labels) == (
        0,
        {"mr-go": "Mr. Go", "a-midsummers-fantasia": "A Midsummer's Fantasia", "directors": "Directors"},
    )
    code, text, _ = run("stats", "--data-dir", str(tmp_path))
    assert "  Mr. Go                  1/2  50%" in text and "mr-go" not in text


def test_stats_shows_the_weakest_questions_as_asked(tmp_path: Path) -> None:
    shipped = open_library().questions()[0]
    with Store.open(tmp_path) as s:
        quiz = s.start_quiz("Mina", shipped.pack, "quick", [shipped.id], None)
        s.record(quiz, Answered(shipped, "no idea", Verdict("incorrect", 0.0, "A", ""), 0, 3.0, 0, 0))
    code, text, _ = run("stats", "--data-dir", str(tmp_path))
    assert code == 0
    assert f"Weakest questions\n  {shipped.prompt}\n      missed 1 of 1" in text
    assert f"({shipped.id})" in text


def test_stats_plot_draws_every_plot_in_the_terminal(tmp_path: Path) -> None:
    record(tmp_path, "Mina", ["correct", "incorrect", "close", "partial"], tags=("mr-go", "2010s"))
    code, out, err = run("stats", "--plot", "--data-dir", str(tmp_path))
    assert (code, err) == (0, "")
    for title in (
        "Score per quiz (% right)",
        "Accuracy by tag, weakest first (%)",
        "Accuracy by era (%)",
        "Due for review, next 14 days",
        "Recall if not reviewed (%)",
        "Weakest questions",
    ):
        assert title in out
    assert "Mr. Go" in out and "2010s 50%" in out
    assert "\x1b[" not in out  # not a terminal: no colour codes in a file or a pipe


def test_stats_plot_and_json_together_is_a_usage_error(tmp_path: Path) -> None:
    code, out, err = run("stats", "--plot", "--json", "--data-dir", str(tmp_path))
    assert (code, out) == (2, "")
    assert err.endswith("kopick-quiz stats: error: argument --json: not allowed with argument --plot\n")


def test_stats_without_a_player_shows_whoever_answered_last(db: StoreSpot) -> None:
    record(db, "Mina", ["correct"])
    record(db, "Joon-ho", ["incorrect", "correct"])
    code, out, _ = run("stats", "--data-dir", str(db.data_dir), *db.args)
    assert code == 0 and out.startswith("Progress of Joon-ho\n")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["stats", "--player", "Nobody"],
            "kopick-quiz: there is no player 'Nobody'; the players are: Mina\n",
        ),
        (["stats"], None),
    ],
)
def test_stats_for_an_unknown_player_is_a_plain_error(
    db: StoreSpot, argv: list[str], message: str | None
) -> None:
    if message:
        record(db, "Mina", ["correct"])
    code, out, err = run(*argv, "--data-dir", str(db.data_dir), *db.args)
    assert (code, out) == (1, "")
    assert err == (
        message or "kopick-quiz: nobody has answered a question yet; play a quiz first: kopick-quiz play\n"
    )


def test_results_csv_writes_every_players_answers_to_standard_output(db: StoreSpot) -> None:
    record(db, "Mina", ["correct", "incorrect"])
    record(db, "Joon-ho", ["skipped"])
    code, out, _ = run("results", "--csv", "--data-dir", str(db.data_dir), *db.args)
    table = read_csv(out)
    assert code == 0 and not out.startswith("\ufeff")
    assert [(r[0], r[4], r[6], r[7]) for r in table[1:]] == [
        ("Mina", "q0", "'=typed q0", "correct"),
        ("Mina", "q1", "'=typed q1", "incorrect"),
        ("Joon-ho", "q0", "'=typed q0", "skipped"),
    ]


def test_results_to_a_file_is_utf8_with_a_bom_for_spreadsheets(tmp_path: Path) -> None:
    record(tmp_path, "민아", ["correct"])
    target = tmp_path / "class.csv"
    code, out, err = run("results", "--csv", "-o", str(target), "--data-dir", str(tmp_path))
    assert (code, out, err) == (0, "", f"wrote 1 answer to {target}\n")
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfplayer,") and b"\r\n" in data
    assert read_csv(data.decode("utf-8-sig"))[1][0] == "민아"


def test_results_to_a_folder_that_does_not_exist_is_a_plain_error(tmp_path: Path) -> None:
    code, _, err = run(
        "results", "--csv", "-o", str(tmp_path / "no" / "such.csv"), "--data-dir", str(tmp_path)
    )
    assert code == 1 and err.startswith("kopick-quiz: cannot write ") and "Traceback" not in err


def test_a_history_from_a_newer_version_stops_the_command_with_advice(tmp_path: Path) -> None:
    record(tmp_path, "Mina", ["correct"])
    db = sqlite3.connect(tmp_path / DB_NAME)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    db.close()
    for command in (["stats"], ["results", "--csv"]):
        code, out, err = run(*command, "--data-dir", str(tmp_path))
        assert (code, out) == (1, "")
        assert err.startswith("kopick-quiz: ") and "upgrade kopick-quiz" in err and err.count("\n") == 1


def test_a_damaged_history_is_reported_and_the_command_still_runs(tmp_path: Path) -> None:
    (tmp_path / DB_NAME).write_bytes(b"\x00" * 3000)
    code, out, err = run("results", "--csv", "--data-dir", str(tmp_path))
    assert code == 0 and out == ",".join(CSV_COLUMNS) + "\n"
    assert (
        err.startswith(f"kopick-quiz: note: {tmp_path / DB_NAME} is damaged")
        and "kept as kopick.db.corrupt-" in err
    )


@pytest.mark.parametrize(
    ("due_in", "reviews", "words"),
    [
        (timedelta(minutes=-5), 1, "due for review now (a first guess, from 1 answer)"),
        (timedelta(minutes=10), 1, "review again later today (a first guess, from 1 answer)"),
        (timedelta(days=1), 2, "review again tomorrow (still settling, from 2 answers)"),
        (timedelta(days=6), 5, "review again in 6 days (a settled schedule, from 5 answers)"),
    ],
)
def test_the_schedule_is_said_in_words_a_student_understands(
    due_in: timedelta, reviews: int, words: str
) -> None:
    now = T0.astimezone(SEOUL)
    weak = WeakQuestion("q", 1, 1, "incorrect", 1.0, due=now + due_in, reviews=reviews)
    assert schedule_words(weak, now) == words


def test_a_question_just_missed_reads_as_due_soon_not_as_recalled() -> None:
    now = T0.astimezone(SEOUL)
    rows = [row(1, "q2", "incorrect")]
    stats = build(
        "Mina", rows, now, recall={"q2": 1.0}, due_at={"q2": now + timedelta(minutes=10)}, reviews={"q2": 1}
    )
    text = to_text(stats)
    assert "recall now" not in text and "100%" not in text.split("Weakest questions")[1]
    assert "missed 1 of 1 · review again later today (a first guess, from 1 answer)" in text
