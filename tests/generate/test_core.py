"""The whole-base indexes of generate/core.py read the records directly, and find what the plain way finds.

`Ctx` indexes every name and every film's references once per base; at 100,000 films these are
built from a million names, so they skip `FactBase.names` and the fields that cannot hold an id.
Each test here holds them to the plain definition (every `Name` object, every field walked) on
the shipped base and a synthetic one, so that no generated question can change through them.
"""

from __future__ import annotations

import dataclasses
import re
import sys
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kopick_quiz.facts.base import KIND_OF_SECTION, FactBase
from kopick_quiz.generate.core import Ctx, _fold_all, _refs, bad_text, ring_point, stable_hash
from kopick_quiz.text import normalise

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from synth import synthetic_facts  # noqa: E402 - bench/synth.py, the synthetic base of the benchmarks

SRC = "src-1"  # the small base's source (tests/generate/conftest.py)


@pytest.fixture(scope="module")
def synthetic_base() -> FactBase:
    return FactBase(synthetic_facts(1500, seed=3))


@pytest.fixture(params=["shipped", "synthetic"])
def base(request: pytest.FixtureRequest, shipped_base: FactBase, synthetic_base: FactBase) -> FactBase:
    return shipped_base if request.param == "shipped" else synthetic_base


def _every_field_walked(item: Any) -> list[str]:
    """The ids an entity refers to, every field of every nested record read (as `_refs` once did)."""
    from kopick_quiz.generate.core import _REF_FIELDS

    out: list[str] = []

    def walk(name: str, value: Any) -> None:
        if isinstance(value, str):
            if name in _REF_FIELDS:
                out.append(value)
        elif isinstance(value, tuple):
            for v in value:
                walk(name, v)
        elif value is not None and hasattr(value, "__dataclass_fields__"):
            for sub in value.__dataclass_fields__:
                walk(sub, getattr(value, sub))

    for name in item.__dataclass_fields__:
        if name not in ("id", "source"):
            walk(name, getattr(item, name))
    return out


def test_an_entitys_references_are_those_every_field_holds(base: FactBase) -> None:
    for item in base.by_id.values():
        assert _refs(item) == _every_field_walked(item), item.id


def test_a_reference_inside_a_nested_record_is_found(small_base: FactBase) -> None:
    base = small_base
    film = next(f for f in base.films if f.companies and f.cast)
    found = _refs(film)
    assert {c.organisation for c in film.companies} <= set(found)
    assert {c.person for c in film.cast} <= set(found)
    assert film.source not in found


def test_the_films_citing_an_entity_are_every_film_referring_to_it(base: FactBase) -> None:
    ctx = Ctx(base)
    expected: dict[str, list[str]] = defaultdict(list)
    for film in base.films:
        for ref in dict.fromkeys(_every_field_walked(film)):
            expected[ref].append(film.id)
    assert {k: [f.id for f in v] for k, v in ctx._cited_by_films.items()} == dict(expected)


def _owners_of_every_name(base: FactBase) -> dict[tuple[str, str], set[str]]:
    out: dict[tuple[str, str], set[str]] = defaultdict(set)
    for n in base.names:
        out[(n.kind, normalise(n.text))].add(n.entity_id)
    return out


def test_the_owners_of_each_name_are_those_every_name_object_gives(base: FactBase) -> None:
    ctx = Ctx(base)
    expected = _owners_of_every_name(base)
    for key, ids in expected.items():
        assert ctx.owners[key] == ids
        assert ctx.owners.get(key) == ids
    assert ctx.owners.get(("person", "nobody of that name")) is None
    assert ctx.owners.get(("person", "nobody of that name"), set()) == set()
    assert ctx.owners[("film", "nobody of that name")] == set()


def test_names_shared_by_two_entities_answer_with_both(make_base: Callable[..., FactBase]) -> None:
    people = [
        {"id": "kim-a", "name": "Kim Ji-woon", "roles": ["director"], "summary": "One.", "source": SRC},
        {"id": "kim-b", "name": "Kim Jee-woon", "aliases": ["Kim Ji-woon"], "roles": ["actor"]}
        | {"summary": "Two.", "source": SRC},
    ]
    base = make_base(extra_people=people)
    assert Ctx(base).owners[("person", "kim ji woon")] == {"kim-a", "kim-b"}
    assert Ctx(base)._name_finder.find("kim ji woon directed it") >= {"kim-a", "kim-b"}


def test_the_names_read_from_the_records_are_every_name_in_order(base: FactBase) -> None:
    ctx = Ctx(base)
    assert ctx._names == [(n.text, n.entity_id, n.kind) for n in base.names]


def test_an_id_given_twice_leaves_the_names_of_the_one_that_stands(small_base: FactBase) -> None:
    facts = small_base.facts
    again = dataclasses.replace(facts.people[0], name="Someone Else")
    twice = dataclasses.replace(facts, people=(*facts.people, again))
    base = FactBase(twice)
    assert len(base.by_id) == sum(len(getattr(twice, s)) for s in KIND_OF_SECTION) - 1
    assert Ctx(base)._names == [(n.text, n.entity_id, n.kind) for n in base.names]


def test_the_name_lists_are_those_every_name_object_gives(base: FactBase) -> None:
    ctx = Ctx(base)
    names = base.names
    doubled = tuple(n.text for n in names if re.search(r"\b(\w+) \1\b", n.text, re.IGNORECASE))
    assert ctx.doubled_names == doubled
    once: dict[str, str] = {}
    for n in names:
        if n.kind in ("event", "film"):
            key = " ".join(re.findall(r"[a-z0-9]+", n.text.casefold()))
            if key:
                once.setdefault(key, n.text)
    assert ctx.once_names == once
    words = {
        w
        for n in names
        if n.kind in ("person", "place", "country")
        for w in n.text.split()
        if w[:1].isupper()
    }
    words |= {w for c in base.facts.countries for w in c.adjective.split() if w[:1].isupper()}
    words |= {n.text.split()[0] for n in names if n.kind in ("organisation", "festival")}
    assert ctx.proper_words == words
    finder: dict[str, set[str]] = defaultdict(set)
    for (_, folded), ids in _owners_of_every_name(base).items():
        if len(folded) >= 4:
            finder[folded] |= ids
    got = ctx._name_finder.names
    assert {k: {v} if isinstance(v, str) else set(v) for k, v in got.items()} == dict(finder)


@given(st.text(max_size=40))
def test_a_ring_point_is_the_stable_hash_of_the_ring(text: str) -> None:
    assert ring_point(text) == stable_hash("ring", text)


def test_a_doubled_word_in_a_name_is_not_a_typo_in_a_prompt(make_base: Callable[..., FactBase]) -> None:
    people = [
        {"id": "run-run", "name": "Run Run Shaw", "roles": ["producer"], "summary": "A.", "source": SRC}
    ]
    ctx = Ctx(make_base(extra_people=people))
    assert bad_text("Which studio did Run Run Shaw found?", ctx.doubled_names) is None
    assert bad_text("Which studio did the the founder run?", ctx.doubled_names) == "contains 'the the'"


ASCII_NAME = st.text(st.sampled_from("abcLT'`-_. ,!\x00\t\n\x1fé’ethe an"), max_size=30)


@given(st.lists(st.one_of(ASCII_NAME, st.text(max_size=20)), max_size=12))
def test_names_folded_together_fold_as_each_alone(texts: list[str]) -> None:
    assert _fold_all(texts) == [normalise(t) for t in texts]


@pytest.mark.parametrize(
    "name", ["The Host", "L'Avventura", "The", "A", "an  Actor", "Run-Run  Shaw!", "Ōshima", "a\x00b"]
)
def test_a_name_folded_with_others_folds_as_alone(name: str) -> None:
    assert _fold_all(["Kim Ki-duk", name, "Bong Joon-ho"]) == ["kim ki duk", normalise(name), "bong joon ho"]


def test_each_summary_is_owned_by_the_entities_it_describes(base: FactBase) -> None:
    expected: dict[str, list[str]] = defaultdict(list)
    for item_id, item in base.by_id.items():
        text = getattr(item, "summary", None) or getattr(item, "definition", None)
        if text:
            expected[normalise(text)].append(item_id)
    assert Ctx(base).summary_owners == dict(expected)
