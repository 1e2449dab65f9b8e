"""The package as a user gets it: a wheel that carries its data, and the README's two commands."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


OFFLINE = {"PIP_NO_INDEX": "1", "PIP_DISABLE_PIP_VERSION_CHECK": "1"}  # pip must not need the network


def pip(*argv: str) -> None:
    """Run pip offline; fail with what it said."""
    done = subprocess.run(
        [sys.executable, "-m", "pip", *argv],
        env={**os.environ, **OFFLINE},
        capture_output=True,
        text=True,
        timeout=600,  # a hang guard
    )
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    # With the test environment's own setuptools and wheel (the `test` extra), not a fresh
    # isolated environment fetched from the index: the build works offline.
    pip("wheel", "-q", "--no-deps", "--no-build-isolation", str(ROOT), "-w", str(out))
    [built] = out.glob("kopick_quiz-*.whl")
    return built


def test_wheel_ships_the_fact_base_and_every_pack(wheel: Path):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "kopick_quiz/shipped/data/facts.yaml" in names
    packs = sorted(p.name for p in (ROOT / "questions").glob("*.yaml"))
    assert packs, "no shipped packs"
    for pack in packs:
        assert f"kopick_quiz/shipped/questions/{pack}" in names


def test_installed_wheel_validates_its_data_from_another_folder(wheel: Path, tmp_path: Path):
    target = tmp_path / "site"
    pip("install", "-q", "--no-deps", "--target", str(target), str(wheel))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(target), "KOPICK_QUIZ_HOME": str(tmp_path / "home")}
    done = subprocess.run(
        [sys.executable, "-m", "kopick_quiz", "validate"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    packs = list((ROOT / "questions").glob("*.yaml"))
    assert f"{1 + len(packs)} files checked: 0 errors" in done.stdout + done.stderr  # the facts and each pack
    where = subprocess.run(
        [sys.executable, "-c", "import kopick_quiz; print(kopick_quiz.__file__)"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
    )
    assert where.returncode == 0, where.stderr
    assert where.stdout.startswith(str(target))  # the installed wheel ran, not the source tree


def test_wheel_carries_the_compiled_cache_of_its_data(wheel: Path):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "kopick_quiz/shipped/library.cache" in names


def _questions_json(site: Path, home: Path, cwd: Path) -> str:
    env = {**os.environ, "PYTHONPATH": str(site), "KOPICK_QUIZ_HOME": str(home)}
    done = subprocess.run(
        [sys.executable, "-m", "kopick_quiz", "questions", "--json"],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_a_first_start_of_the_installed_wheel_builds_no_cache_and_a_changed_source_does(
    wheel: Path, tmp_path: Path
):
    import json

    from kopick_quiz.library import open_library

    site = tmp_path / "site"
    pip("install", "-q", "--no-deps", "--target", str(site), str(wheel))
    expected = "".join(
        json.dumps(q.to_json(), ensure_ascii=False) + "\n" for q in open_library().questions(None)
    )
    home = tmp_path / "home"
    assert _questions_json(site, home, tmp_path) == expected
    assert not (home / "cache" / "library.cache").exists()  # the wheel's own copy was used as it is
    assert not list(site.rglob("*.tmp"))  # and nothing was written beside it

    facts = site / "kopick_quiz" / "shipped" / "data" / "facts.yaml"
    facts.write_text(facts.read_text(encoding="utf-8") + "# a teacher's note\n", encoding="utf-8")
    assert _questions_json(site, home, tmp_path) == expected
    assert (home / "cache" / "library.cache").exists()  # the sources differ: built again, in the user's cache


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```(?:sh|bash|console)?\n(.*?)```", readme, flags=re.S)
    commands = [line.strip() for block in blocks for line in block.splitlines() if "pytest" in line]
    assert commands, "README shows no test command"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[0] in ci
