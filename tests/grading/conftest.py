"""Fixtures for the grading tests: the shipped fact base as a lexicon, built once."""

from __future__ import annotations

from pathlib import Path

import pytest

from kopick_quiz.facts.load import load_facts
from kopick_quiz.grading import Lexicon

FACTS = Path(__file__).resolve().parents[2] / "data" / "facts.yaml"


@pytest.fixture(scope="session")
def base():
    return load_facts(FACTS)


@pytest.fixture(scope="session")
def lexicon(base) -> Lexicon:
    return Lexicon.from_base(base)
