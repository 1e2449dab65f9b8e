"""`play --plain`: a whole quiz through stdin and stdout, as a script or a screen reader drives it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PACKS = Path(__file__).parent / "data" / "packs"


def kopick(home: Path, *argv: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    """Run the command as a script would, in a bare environment (no terminal, no locale, no
    colours); only the source being tested (PYTHONPATH) comes along."""
    env = {"KOPICK_QUIZ_HOME": str(home), "PATH": "/usr/bin:/bin", "NO_COLOR": "1"}
    if "PYTHONPATH" in os.environ:
        env["PYTHONPATH"] = os.environ["PYTHONPATH"]
    return subprocess.run(
        [sys.executable, "-m", "kopick_quiz", *argv],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,  # a hang guard only
    )


def play(tmp_path: Path, lines: list[str], *extra: str) -> subprocess.CompletedProcess[str]:
    typed = "".join(line + "\n" for line in lines)
    return kopick(tmp_path, "play", "--plain", "--packs", str(PACKS), "--pack", "demo", *extra, stdin=typed)


def test_plain_quiz_grades_each_answer_and_ends_with_the_score(tmp_path: Path):
    # seed 3 asks: Snowpiercer's city (choice), The Medium's studio, Shang's directors, The Medium's year.
    done = play(tmp_path, ["2", "gdh559", "Yueh Feng and Choe In-hyun", "2021"], "--seed", "3")
    out = done.stdout
    assert done.returncode == 0, done.stderr
    assert out.startswith("kopick-quiz · Demo pack · 4 questions")
    assert "Q1/4  In which city was Snowpiercer shot?" in out
    assert "   2. Prague" in out
    assert out.count("Correct: ") + out.count("Accepted, but") == 4, out
    assert "Done: " in out and "4 of 4 right (100%)" in out
    assert "\x1b" not in out


def test_wrong_answer_skip_and_hint_are_reported_and_missed_questions_listed(tmp_path: Path):
    done = play(tmp_path, ["3", "/hint", "/hint", "Shaw Brothers", "/skip", "1964"], "--seed", "3")
    out = done.stdout
    assert done.returncode == 0, done.stderr  # a quiz with no right answer is still a quiz done
    assert "Not right." in out
    assert "Hint 1: G__ 5__" in out and "Hint 2: One of these:" in out  # the facts add nothing to the prompt
    assert "Skipped. The answer: Choe In-hyeon, Yueh Feng." in out
    assert "0 of 4 right (0%)" in out
    assert "To review:" in out and "→ GDH 559" in out


def test_the_fifty_fifty_marks_the_options_it_rules_out(tmp_path: Path):
    done = play(tmp_path, ["/hint", "2"], "--seed", "3")
    out = done.stdout
    assert done.returncode == 0, done.stderr
    hint, listed = out.split("Hint 1: 50/50: it is neither ", 1)[1].split("\n", 1)
    ruled_out = [line for line in listed.splitlines()[:4] if line.endswith("(ruled out)")]
    assert len(ruled_out) == 2 and all(line.split(". ", 1)[1].split("  ")[0] in hint for line in ruled_out)
    assert "Prague" not in hint and "Correct" in out


def test_end_of_input_stops_the_quiz_with_results_so_far(tmp_path: Path):
    done = play(tmp_path, ["2"], "--seed", "3")
    assert done.returncode == 0
    assert "Done: " in done.stdout and "1 of 1 right" in done.stdout


def test_quit_command_ends_early(tmp_path: Path):
    done = play(tmp_path, ["/quit", "2"], "--seed", "3")
    assert done.returncode == 0, done.stderr
    assert "Done: 0 points · 0 of 0 right" in done.stdout


@pytest.mark.parametrize("typed", ["[/bold]", "[@click=app.quit]x", "\x1b[31mred", "x" * 5000])
def test_hostile_answers_are_graded_not_obeyed(tmp_path: Path, typed: str):
    done = play(tmp_path, [typed], "--seed", "3", "--count", "1")
    assert done.returncode == 0, done.stderr
    assert "Not right." in done.stdout
    assert "\x1b" not in done.stdout
    if len(typed) > 500:
        assert "only the first 500 were read" in done.stdout


def test_unknown_pack_is_one_sentence_and_exit_1(tmp_path: Path):
    done = kopick(tmp_path, "play", "--plain", "--pack", "nope")
    assert done.returncode == 1
    assert done.stderr.startswith("kopick-quiz: there is no pack 'nope'")
    assert "Traceback" not in done.stderr


def test_every_answer_is_recorded_and_review_offers_due_questions(tmp_path: Path):
    played = play(tmp_path, ["2", "Shaw Brothers"], "--seed", "3", "--player", "mina")
    assert played.returncode == 0, played.stderr
    stats = kopick(tmp_path, "stats", "--json", "--player", "mina")
    assert stats.returncode == 0, stats.stderr
    assert json.loads(stats.stdout)["totals"]["answers"] == 2
    review = kopick(tmp_path, "review", "--plain", "--player", "mina", "--packs", str(PACKS), stdin="/quit\n")
    assert review.returncode == 0, review.stderr
    assert review.stdout.startswith("kopick-quiz · Review for mina · ")


def test_a_question_mark_asks_the_bot_about_the_question_on_screen(tmp_path: Path):
    done = kopick(
        tmp_path,
        "play",
        "--plain",
        "--pack",
        "contemporary",
        "--seed",
        "37",
        stdin="?who directed it\n/quit\n",
    )
    assert done.returncode == 0, done.stderr
    # seed 37 starts with a question on The Medium (2021): "it" is that film
    assert "Q1/10  Name both countries that co-produced The Medium (2021)." in done.stdout
    assert "The Medium (2021) was directed by Banjong Pisanthanakun." in done.stdout
    assert "Source: Ko-pick" in done.stdout


def test_a_quiz_over_every_pack_is_recorded_as_the_app_records_one(tmp_path: Path):
    """`play --plain` without --pack is the app's "All packs": stored under the same id, shown as such."""
    env = {"KOPICK_QUIZ_HOME": str(tmp_path), "PATH": "/usr/bin:/bin", "NO_COLOR": "1"}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "kopick_quiz",
            "play",
            "--plain",
            "--count",
            "2",
            "--player",
            "mina",
            "--seed",
            "4",
        ],
        input="/skip\n/skip\n",
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    stats = subprocess.run(
        [sys.executable, "-m", "kopick_quiz", "stats", "--player", "mina"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert stats.returncode == 0, stats.stderr
    assert "all packs (quick)" in stats.stdout, stats.stdout
    from kopick_quiz.store import Store
    from kopick_quiz.store.model import ALL_PACKS

    with Store.open(tmp_path) as store:
        assert [q.pack for q in store.quizzes("mina")] == [ALL_PACKS]
