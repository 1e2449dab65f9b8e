"""bench/synth.py: the synthetic fact base the chat benchmark (and scale tests) run on."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

from kopick_quiz.facts.load import check_facts

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from synth import synthetic_facts, write_yaml  # noqa: E402


def test_sections_grow_in_the_shipped_proportions():
    facts = synthetic_facts(54)
    counts = {section: len(getattr(facts, section)) for section in ("films", "people", "organisations")}
    assert counts == {"films": 54, "people": 84, "organisations": 36}
    assert len(facts.countries) == 22 and len(facts.places) == 8 and len(facts.festivals) == 2


def test_the_same_seed_gives_the_same_base():
    assert synthetic_facts(40, seed=7) == synthetic_facts(40, seed=7)
    assert synthetic_facts(40, seed=7) != synthetic_facts(40, seed=8)


def test_names_have_aliases_and_some_titles_recur():
    facts = synthetic_facts(800, seed=1)
    assert sum(bool(p.aliases) for p in facts.people) > len(facts.people) / 2
    assert any(o.aliases for o in facts.organisations)
    assert any(f.aliases for f in facts.films)
    titles = Counter(f.title for f in facts.films)
    assert titles.most_common(1)[0][1] > 1


def test_films_have_the_shipped_kinds_of_facts():
    films = synthetic_facts(300).films
    for field in (
        "cast",
        "companies",
        "countries",
        "based_on",
        "locations",
        "audience",
        "release",
        "premiere",
    ):
        assert any(getattr(f, field) for f in films), field


@pytest.mark.parametrize("n_films", [1, 120])
def test_written_yaml_loads_without_errors(tmp_path: Path, n_films: int):
    path = write_yaml(tmp_path / "facts.yaml", n_films=n_films)
    base, problems = check_facts(path)
    assert base is not None, [str(p) for p in problems if p.severity == "error"]
    assert len(base.films) == n_films
