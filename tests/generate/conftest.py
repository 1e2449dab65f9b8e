"""Fact bases for the generator's tests: the shipped one, and a small one built in code."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest

from kopick_quiz.facts import model as m
from kopick_quiz.facts.base import FactBase
from kopick_quiz.facts.load import load_facts
from kopick_quiz.paths import shipped_facts

SRC = "src-1"


def _c(id: str, name: str, adjective: str, region: str | None = None) -> dict[str, Any]:
    return {"id": id, "name": name, "adjective": adjective, "region": region, "source": SRC}


def _p(id: str, name: str, roles: list[str], nationality: str | None = None, **more: Any) -> dict[str, Any]:
    return {
        "id": id,
        "name": name,
        "roles": roles,
        "nationality": nationality,
        "summary": more.pop("summary", f"Someone called {id.replace('-', ' ')} in the test base."),
        "source": SRC,
        **more,
    }


def _o(id: str, name: str, kind: str, country: str, **more: Any) -> dict[str, Any]:
    return {
        "id": id,
        "name": name,
        "kind": kind,
        "country": country,
        "summary": more.pop("summary", f"An organisation called {id.replace('-', ' ')} in the test base."),
        "source": SRC,
        **more,
    }


def _f(id: str, title: str, year: int, **more: Any) -> dict[str, Any]:
    return {
        "id": id,
        "title": title,
        "year": year,
        "summary": f"The story of {id} in the test base.",
        "source": SRC,
        **more,
    }


SMALL: dict[str, Any] = {
    "sources": [{"id": SRC, "title": "A test source", "date": "2024-01-01"}],
    "countries": [
        _c("south-korea", "South Korea", "South Korean"),
        _c("hong-kong", "Hong Kong", "Hong Kong"),
        _c("japan", "Japan", "Japanese"),
        _c("thailand", "Thailand", "Thai", "Southeast Asia"),
        _c("france", "France", "French"),
        _c("belgium", "Belgium", "Belgian"),
        _c("united-states", "United States", "American"),
    ],
    "places": [
        {"id": "seoul", "name": "Seoul", "country": "south-korea", "source": SRC},
        {"id": "busan", "name": "Busan", "country": "south-korea", "source": SRC},
        {"id": "prague", "name": "Prague", "source": SRC},
    ],
    "people": [
        _p("kim-dae-ho", "Kim Dae-ho", ["director"], "south-korea"),
        _p("chan-wai", "Chan Wai", ["director"], "hong-kong"),
        _p("tanaka-ken", "Tanaka Ken", ["director"], "japan"),
        _p("somchai-dee", "Somchai Dee", ["director"], "thailand"),
        _p("park-min", "Park Min", ["director", "producer"], "south-korea", spouse="yoon-ara"),
        _p("yoon-ara", "Yoon Ara", ["actor"], "south-korea", spouse="park-min"),
        _p("lee-sun", "Lee Sun", ["actor"], "south-korea"),
        _p("wong-mei", "Wong Mei", ["actor"], "hong-kong"),
        _p("jo-hana", "Jo Hana", ["actor"], "south-korea"),
        _p("ahn-bo", "Ahn Bo", ["actor"], "south-korea"),
        _p("marie-dupont", "Marie Dupont", ["actor"], "france"),
        _p("han-cine", "Han Cine", ["cinematographer"], "south-korea"),
        _p("run-tycoon", "Run Tycoon", ["executive"], "hong-kong"),
    ],
    "organisations": [
        _o("alpha-studio", "Alpha Studio", "studio", "south-korea"),
        _o(
            "beta-pictures",
            "Beta Pictures",
            "studio",
            "hong-kong",
            people=[{"person": "run-tycoon", "role": "founder"}],
        ),
        _o("gamma-house", "Gamma House", "studio", "thailand"),
        _o("delta-group", "Delta Group", "entertainment-company", "japan"),
        _o(
            "epsilon-films",
            "Epsilon Films",
            "production-company",
            "south-korea",
            people=[{"person": "park-min", "role": "owner"}],
        ),
        _o("national-film-archive", "National Film Archive", "archive", "south-korea"),
    ],
    "festivals": [
        {
            "id": "busan-festival",
            "name": "Busan Film Festival",
            "aliases": ["BFF"],
            "country": "south-korea",
            "city": "busan",
            "prizes": ["Golden Gull"],
            "summary": "A film festival held every autumn in the test base.",
            "source": SRC,
        }
    ],
    "events": [
        {
            "id": "big-war",
            "name": "Big War",
            "kind": "period",
            "start": 1950,
            "end": 1953,
            "summary": "A long conflict in the test base.",
            "source": SRC,
        },
        {
            "id": "opening",
            "name": "Market opening",
            "kind": "event",
            "start": 1998,
            "summary": "The day the market opened in the test base.",
            "source": SRC,
        },
        {
            "id": "boom",
            "name": "Box-office boom",
            "kind": "period",
            "start": 2012,
            "end": 2019,
            "summary": "Years of full cinemas in the test base.",
            "source": SRC,
        },
    ],
    "terms": [
        {
            "id": "trio",
            "name": "TRIO",
            "kind": "group",
            "definition": "Three top schools taken together.",
            "members": ["alpha-studio", "beta-pictures", "gamma-house"],
            "source": SRC,
        },
        {
            "id": "big-exam",
            "name": "Big Exam",
            "kind": "exam",
            "definition": "A yearly test everyone dreads.",
            "month": "November",
            "source": SRC,
        },
    ],
    "films": [
        _f(
            "first-love",
            "First Love",
            1958,
            profiled=True,
            genres=["romance"],
            countries=["south-korea", "hong-kong", "japan"],
            directors=["kim-dae-ho", "chan-wai", "tanaka-ken"],
            cinematographers=["han-cine"],
            cast=[
                {"person": "lee-sun", "character": "a Korean composer", "lead": True},
                {"person": "wong-mei", "character": "a Hong Kong singer", "lead": True},
            ],
            archive={
                "found_year": 2012,
                "found_by": "national-film-archive",
                "found_at": "beta-pictures",
                "found_in": "hong-kong",
                "restored_screening_year": 2014,
                "distinction": "oldest surviving colour film in the archive",
            },
        ),
        _f(
            "the-queen",
            "The Queen",
            1964,
            profiled=True,
            genres=["historical"],
            countries=["south-korea", "hong-kong"],
            directors=["park-min", "chan-wai"],
            producers=["park-min"],
            cast=[
                {"person": "yoon-ara", "character": "Princess Mi", "version": "korean", "lead": True},
                {"person": "wong-mei", "character": "Princess Mi", "version": "hong-kong", "lead": True},
                {"person": "lee-sun", "version": "both", "lead": True},
            ],
            companies=[
                {"organisation": "epsilon-films", "role": "co-producer"},
                {"organisation": "beta-pictures", "role": "co-producer"},
            ],
            audience={"count": 150000, "unit": "admissions"},
            release={"year": 1964, "month": 9},
        ),
        _f(
            "the-spirit",
            "The Spirit",
            2021,
            profiled=True,
            genres=["horror"],
            countries=["south-korea", "thailand"],
            directors=["somchai-dee"],
            companies=[
                {"organisation": "alpha-studio", "role": "producer"},
                {"organisation": "gamma-house", "role": "co-producer"},
            ],
            premiere={"festival": "busan-festival", "prize": "Golden Gull"},
            audience={"count": 834338, "unit": "tickets", "country": "south-korea"},
            context=["boom"],
        ),
        _f(
            "train",
            "Train",
            2013,
            profiled=True,
            genres=["science-fiction"],
            languages=["English"],
            countries=["south-korea"],
            directors=["kim-dae-ho"],
            cast=[{"person": "marie-dupont"}],
            companies=[{"organisation": "alpha-studio", "role": "financier"}],
            locations=["prague"],
            budget={"amount": 20000000000, "currency": "KRW", "qualifier": "over"},
            based_on={"title": "The Ice Train", "kind": "graphic-novel", "country": "france"},
            context=["boom"],
        ),
        _f("home", "Home", 2005, directors=["park-min"], cast=[{"person": "jo-hana"}]),
        _f("home-again", "Home", 2011, directors=["kim-dae-ho"], cast=[{"person": "ahn-bo"}]),
        _f(
            "war-doc",
            "War Diary",
            1953,
            kind="documentary",
            genres=["documentary"],
            directors=["kim-dae-ho"],
            context=["big-war"],
        ),
    ],
}


def small_facts(**sections: list[dict[str, Any]]) -> m.FactsFile:
    """The small base, with whole sections replaced or (for `extra_<section>`) extended."""
    data = copy.deepcopy(SMALL)
    for key, value in sections.items():
        if key.startswith("extra_"):
            data[key[len("extra_") :]].extend(value)
        else:
            data[key] = value
    return m.FactsFile.model_validate(data)


@pytest.fixture
def make_base() -> Callable[..., FactBase]:
    """A factory: `make_base(extra_films=[...])` is the small base with more films."""
    return lambda **sections: FactBase(small_facts(**sections))


@pytest.fixture
def small_base() -> FactBase:
    return FactBase(small_facts())


@pytest.fixture(scope="session")
def shipped_base() -> FactBase:
    return load_facts(shipped_facts())
