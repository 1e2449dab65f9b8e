"""The fact base in memory: records derived from the file models."""

from __future__ import annotations

import dataclasses
import json
import marshal

import pytest
from pydantic import ValidationError

from kopick_quiz.facts import model as m
from kopick_quiz.facts import records
from kopick_quiz.facts.base import FactBase
from kopick_quiz.library import load_base


@pytest.fixture(scope="module")
def base() -> FactBase:
    return load_base()


def test_the_records_hold_what_the_models_hold(base: FactBase) -> None:
    film = base.get("the-medium")
    assert isinstance(film, records.Film)
    assert film.year == 2021 and "thailand" in film.countries
    assert [c.organisation for c in film.companies] and base.get("love-with-an-alien").cast[0].person
    assert base.to_json() == records.to_json(records.from_json(base.to_json()))


def test_every_model_field_is_a_record_field() -> None:
    for name, model in m.SECTIONS.items():
        record = records.record_of(model)
        assert [f.name for f in dataclasses.fields(record)] == list(model.model_fields), name


def test_records_are_frozen_and_carry_no_dict(base: FactBase) -> None:
    film = base.get("the-medium")
    with pytest.raises(dataclasses.FrozenInstanceError):
        film.year = 1999  # type: ignore[misc]
    assert not hasattr(film, "__dict__")


def test_defaults_are_shared_and_empty(base: FactBase) -> None:
    lean = [f for f in base.films if not f.notes]
    assert lean and all(f.notes == () for f in lean)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["films"][0].update(year="soon"), "year"),
        (lambda d: d["films"][0].update(colour="blue"), "colour"),
        (lambda d: d["people"][0].update(id="Not An Id"), "id"),
        (lambda d: d["films"][0].pop("title"), "title"),
        (lambda d: d["films"][0].update(cast=[{"person": "x", "lead": "maybe"}]), "lead"),
    ],
)
def test_json_that_does_not_fit_is_refused(base: FactBase, change, message: str) -> None:
    data = json.loads(base.to_json())
    change(data)
    with pytest.raises(ValidationError, match=message):
        records.from_json(json.dumps(data))


def test_packed_records_read_back_equal_and_pack_to_the_same_bytes(base: FactBase) -> None:
    packed = records.to_bytes(base.facts)
    back = records.from_bytes(packed)
    assert back == base.facts
    assert records.to_bytes(back) == packed  # the same base, the same bytes: the cache's hash names it
    film = back.films[0]
    assert isinstance(film, records.Film) and not hasattr(film, "__dict__")
    with pytest.raises(dataclasses.FrozenInstanceError):
        film.year = 1999  # type: ignore[misc]


def test_packed_records_share_each_text(base: FactBase) -> None:
    back = records.from_bytes(records.to_bytes(base.facts))
    people = {p.id: p.id for p in back.people}
    directors = [d for f in back.films for d in f.directors]
    assert directors and all(d is people[d] for d in directors)  # one string, however often it is named
    sources = {f.source for f in back.films}
    assert len({id(s) for f in back.films for s in [f.source]}) == len(sources)


@pytest.mark.parametrize(
    "damage",
    [
        lambda packed: b"",
        lambda packed: b"not marshal at all",
        lambda packed: packed[: len(packed) // 2],
        lambda packed: marshal.dumps((records.PACKED_FORMAT + 1, 1, ())),
        lambda packed: marshal.dumps((records.PACKED_FORMAT, 1, ((("too", "short"),),) * len(m.SECTIONS))),
        lambda packed: marshal.dumps(["a", "list"]),
    ],
)
def test_bytes_that_are_not_a_packed_base_are_refused(base: FactBase, damage) -> None:
    with pytest.raises(ValueError, match="packed"):
        records.from_bytes(damage(records.to_bytes(base.facts)))
