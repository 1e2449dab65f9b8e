"""Fact bases for the chat tests: the shipped one, and a small one built in code."""

from __future__ import annotations

import pytest

from kopick_quiz.facts.base import FactBase
from kopick_quiz.facts.model import FactsFile
from kopick_quiz.library import load_base


@pytest.fixture(scope="session")
def base() -> FactBase:
    """The shipped fact base (27 films, drawn from the Ko-pick article)."""
    return load_base()


def _small_facts() -> FactsFile:
    """Two films called Typhoon, two directors a letter apart, a film called Sword."""
    source = "notes"
    return FactsFile.model_validate(
        {
            "sources": [{"id": source, "title": "Test notes"}],
            "countries": [
                {"id": "south-korea", "name": "South Korea", "adjective": "South Korean", "source": source}
            ],
            "people": [
                {
                    "id": "park-ji-won",
                    "name": "Park Ji-won",
                    "nationality": "south-korea",
                    "roles": ["director"],
                    "summary": "A director.",
                    "source": source,
                },
                {
                    "id": "park-ji-woo",
                    "name": "Park Ji-woo",
                    "roles": ["director"],
                    "summary": "Another director.",
                    "source": source,
                },
            ],
            "films": [
                {
                    "id": "typhoon-2005",
                    "title": "Typhoon",
                    "year": 2005,
                    "directors": ["park-ji-won"],
                    "summary": "A storm at sea.",
                    "source": source,
                },
                {
                    "id": "typhoon-2020",
                    "title": "Typhoon",
                    "year": 2020,
                    "directors": ["park-ji-woo"],
                    "summary": "Another storm.",
                    "source": source,
                },
                {
                    "id": "harbor-lights",
                    "title": "Harbor Lights",
                    "year": 2010,
                    "directors": ["park-ji-won"],
                    "summary": "Lights on the water.",
                    "source": source,
                },
                {
                    "id": "sword",
                    "title": "Sword",
                    "year": 2001,
                    "directors": ["park-ji-woo"],
                    "summary": "A blade.",
                    "source": source,
                },
            ],
        }
    )


@pytest.fixture(scope="session")
def small_base() -> FactBase:
    return FactBase(_small_facts())


@pytest.fixture(autouse=True)
def _data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """`ask` keeps its compiled cache and sentence index in the data dir: a fresh one per test."""
    monkeypatch.setenv("KOPICK_QUIZ_HOME", str(tmp_path_factory.mktemp("home")))


SUMMARY: list[str] = []  # lines the chat tests want shown at the end of the run


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Show what the labelled set of students' questions scored, even when it passes."""
    for line in SUMMARY:
        terminalreporter.write_line(line)
