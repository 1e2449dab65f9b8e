"""Property: on any small fact base, no generated question is malformed, wrong or ambiguous."""

from __future__ import annotations

from typing import Any

from generate_checks import ambiguity, well_formed, wrong_facts
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kopick_quiz.facts import model as m
from kopick_quiz.facts.base import FactBase
from kopick_quiz.generate import drafts, generate_all
from kopick_quiz.generate.core import Ctx
from kopick_quiz.generate.films import film_drafts

COUNTRIES = [
    {"id": "south-korea", "name": "South Korea", "adjective": "South Korean", "source": "s"},
    {"id": "hong-kong", "name": "Hong Kong", "adjective": "Hong Kong", "source": "s"},
    {"id": "japan", "name": "Japan", "adjective": "Japanese", "source": "s"},
    {"id": "thailand", "name": "Thailand", "adjective": "Thai", "region": "Southeast Asia", "source": "s"},
    {"id": "france", "name": "France", "adjective": "French", "source": "s"},
]
# Few names and titles, so that bases often hold two people of one name or two films of one title.
PEOPLE = ["Kim Min", "Lee Ha", "Park Jo", "Chan Wai", "Tanaka Ken", "Somchai Dee"]
ORGS = ["Alpha Studio", "Beta Pictures", "Gamma House", "Delta Group"]
TITLES = ["Home", "The Road", "Mother", "Train", "Night Bus"]
ROLES = ["director", "actor", "producer", "cinematographer"]
ORG_KINDS = ["studio", "production-company", "entertainment-company", "archive"]
CREDITS = ["producer", "co-producer", "financier", "distributor"]
GENRES = ["romance", "horror", "drama", "comedy", "sports", "documentary"]


@st.composite
def fact_bases(draw: st.DrawFn) -> FactBase:
    country_ids = [c["id"] for c in COUNTRIES]
    n_people = draw(st.integers(2, 9))
    people: list[dict[str, Any]] = []
    for i in range(n_people):
        people.append(
            {
                "id": f"p{i}",
                "name": draw(st.sampled_from(PEOPLE)),
                "roles": draw(st.lists(st.sampled_from(ROLES), min_size=1, max_size=2, unique=True)),
                "nationality": draw(st.none() | st.sampled_from(country_ids)),
                "summary": f"Person number {i}.",
                "source": "s",
            }
        )
    person_ids = [p["id"] for p in people]
    orgs = [
        {
            "id": f"o{i}",
            "name": draw(st.sampled_from(ORGS)),
            "kind": draw(st.sampled_from(ORG_KINDS)),
            "country": draw(st.sampled_from(country_ids)),
            "summary": f"Organisation number {i}.",
            "source": "s",
        }
        for i in range(draw(st.integers(0, 5)))
    ]
    org_ids = [o["id"] for o in orgs]
    films = []
    for i in range(draw(st.integers(1, 7))):
        cast = draw(st.lists(st.sampled_from(person_ids), max_size=3, unique=True))
        films.append(
            {
                "id": f"f{i}",
                "title": draw(st.sampled_from(TITLES)),
                "year": draw(st.integers(1958, 1962)),
                "profiled": draw(st.booleans()),
                "genres": draw(st.lists(st.sampled_from(GENRES), max_size=2, unique=True)),
                "countries": draw(st.lists(st.sampled_from(country_ids), max_size=3, unique=True)),
                "directors": draw(st.lists(st.sampled_from(person_ids), max_size=3, unique=True)),
                "producers": draw(st.lists(st.sampled_from(person_ids), max_size=1, unique=True)),
                "cast": [
                    {
                        "person": p,
                        "character": draw(st.none() | st.sampled_from(["a singer", "Mi-ra", "the king"])),
                    }
                    for p in cast
                ],
                "companies": [
                    {"organisation": o, "role": draw(st.sampled_from(CREDITS))}
                    for o in draw(st.lists(st.sampled_from(org_ids), max_size=2, unique=True))
                ]
                if org_ids
                else [],
                "summary": f"Film number {i}.",
                "source": "s",
            }
        )
    events = [
        {
            "id": "war",
            "name": "Big War",
            "kind": "period",
            "start": 1950,
            "end": 1953,
            "summary": "A war.",
            "source": "s",
        }
    ]
    facts = m.FactsFile.model_validate(
        {
            "sources": [{"id": "s", "title": "Test", "date": "2024-01-01"}],
            "countries": COUNTRIES,
            "people": people,
            "organisations": orgs,
            "events": events,
            "films": films,
        }
    )
    return FactBase(facts)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(fact_bases())
def test_no_question_is_malformed_wrong_or_ambiguous(base: FactBase) -> None:
    questions = generate_all(base)
    ids = [q.id for q in questions]
    assert len(ids) == len(set(ids)), "duplicate ids"
    problems = []
    for q in questions:
        problems += well_formed(q, base) + wrong_facts(base, q) + ambiguity(base, q)
    assert problems == []


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(fact_bases())
def test_generation_never_raises_and_drafts_match_questions(base: FactBase) -> None:
    assert [d.question.id for d in drafts(base)] == [q.id for q in generate_all(base)]
    ctx = Ctx(base)
    film_drafts(ctx)
    # A template may decline a fact it cannot ask unambiguously, but never for a malformed sentence.
    assert not [r for r in ctx.rejected if r[1].startswith(("contains", "empty", "untrimmed", "bad id"))]
