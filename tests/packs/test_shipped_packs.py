"""The shipped packs: they load cleanly, share no question, and between them ask every fact of the base."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from kopick_quiz.facts.base import FactBase
from kopick_quiz.facts.load import load_facts
from kopick_quiz.packs.load import Pack, check_pack
from kopick_quiz.paths import shipped_facts, shipped_packs_dir
from kopick_quiz.questions import Question
from kopick_quiz.text import normalise

PACKS = ["hk-collaborations", "contemporary", "people", "context", "big-picture"]

# Film fields and the relation name their questions' ids carry: `the-medium.director.short`.
FILM_RELATIONS = {
    "directors": "director",
    "producers": "producer",
    "writers": "writer",
    "cinematographers": "cinematographer",
    "art_directors": "art-director",
    "cast": "cast",
    "companies": "studio",
    "countries": "country",
    "based_on": "based-on",
    "remake_of": "remake",
    "locations": "location",
    "settings": "setting",
    "budget": "budget",
    "audience": "audience",
    "release": "release",
    "premiere": "premiere",
    "archive": "archive",
    "context": "event",
    "languages": "language",
    "genres": "genre",
}


@pytest.fixture(scope="module")
def base() -> FactBase:
    return load_facts(shipped_facts())


@pytest.fixture(scope="module")
def packs(base: FactBase) -> dict[str, Pack]:
    out = {}
    for name in PACKS:
        pack, problems = check_pack(
            shipped_packs_dir() / f"{name}.yaml", base, shown=f"questions/{name}.yaml"
        )
        errors = [str(p) for p in problems if p.severity == "error"]
        assert pack is not None and errors == [], errors
        out[name] = pack
    return out


@pytest.fixture(scope="module")
def questions(packs: dict[str, Pack]) -> list[Question]:
    return [q for pack in packs.values() for q in pack.questions]


def test_every_shipped_pack_is_listed() -> None:
    assert sorted(p.stem for p in Path(shipped_packs_dir()).glob("*.yaml")) == sorted(PACKS)


@pytest.mark.parametrize("name", PACKS)
def test_pack_loads_without_errors_or_warnings_of_its_own(base: FactBase, name: str) -> None:
    _, problems = check_pack(shipped_packs_dir() / f"{name}.yaml", base)
    assert [str(p) for p in problems] == []


@pytest.mark.parametrize("name", PACKS)
def test_pack_has_metadata_and_hand_written_questions(packs: dict[str, Pack], name: str) -> None:
    pack = packs[name]
    assert pack.id == name and pack.title and pack.description and pack.author and pack.tags
    hand_written = [q for q in pack.questions if q.id.startswith(("hk.", f"{name}."))]
    assert len(hand_written) >= 5


def test_at_least_250_distinct_questions(questions: list[Question]) -> None:
    assert len({q.id for q in questions}) >= 250


def test_no_question_is_in_two_packs(packs: dict[str, Pack]) -> None:
    seen = Counter(q.id for pack in packs.values() for q in pack.questions)
    assert [i for i, n in seen.items() if n > 1] == []


def test_no_prompt_is_asked_twice(questions: list[Question]) -> None:
    seen = Counter(normalise(q.prompt) for q in questions)
    assert [p for p, n in seen.items() if n > 1] == []


def test_every_question_type_is_shipped(questions: list[Question]) -> None:
    assert {q.type for q in questions} == {"short", "multi", "number", "year", "choice", "truefalse", "order"}


def test_every_question_explains_itself(questions: list[Question]) -> None:
    assert [q.id for q in questions if not q.explanation or not q.source] == []


def test_big_picture_is_written_by_hand(packs: dict[str, Pack]) -> None:
    assert all(q.id.startswith("big-picture.") for q in packs["big-picture"].questions)
    assert len(packs["big-picture"].questions) >= 20


# -- coverage ------------------------------------------------------------------------------------
def _answered(base: FactBase, questions: list[Question]) -> set[str]:
    """Ids of the entities some question is about (its subject) or has as a right answer."""
    owners: dict[str, set[str]] = {}
    for n in base.names:
        owners.setdefault(normalise(n.text), set()).add(n.entity_id)
    out = {q.subject for q in questions if q.subject}
    for q in questions:
        right = q.answers[:1] if q.type == "choice" else q.answers
        for answer in right:
            out |= owners.get(normalise(answer), set())
    return out


def test_every_person_organisation_festival_event_and_term_is_asked(
    base: FactBase, questions: list[Question]
) -> None:
    answered = _answered(base, questions)
    sections = ("people", "organisations", "festivals", "events", "terms")
    missing = [item.id for s in sections for item in getattr(base.facts, s) if item.id not in answered]
    assert missing == []


def test_every_film_is_asked(base: FactBase, questions: list[Question]) -> None:
    answered = _answered(base, questions)
    assert [f.id for f in base.films if f.id not in answered] == []


def test_every_relation_of_every_film_is_asked(base: FactBase, questions: list[Question]) -> None:
    ids = [q.id for q in questions]
    missing = []
    for film in base.films:
        wanted = ["year"] + [rel for field, rel in FILM_RELATIONS.items() if getattr(film, field)]
        wanted += ["character"] * any(c.character for c in film.cast)
        for rel in wanted:
            if not any(i.startswith(f"{film.id}.{rel}.") for i in ids):
                missing.append(f"{film.id}.{rel}")
    assert missing == []


def test_every_value_of_every_film_relation_is_an_answer_or_subject(
    base: FactBase, questions: list[Question]
) -> None:
    """Not only is each relation asked: each of its values (every director, every studio...) is met."""
    by_prefix: dict[str, list[Question]] = {}
    for q in questions:
        film_id, _, rest = q.id.partition(".")
        by_prefix.setdefault(f"{film_id}.{rest.split('.')[0]}", []).append(q)
    missing = []
    for film in base.films:
        values = {
            "director": film.directors,
            "producer": film.producers,
            "writer": film.writers,
            "cinematographer": film.cinematographers,
            "art-director": film.art_directors,
            "cast": [c.person for c in film.cast],
            "studio": [c.organisation for c in film.companies],
            "country": film.countries,
            "location": film.locations,
            "setting": film.settings,
        }
        for rel, ids in values.items():
            asked = by_prefix.get(f"{film.id}.{rel}", [])
            met = _answered(base, asked)
            missing += [f"{film.id}.{rel}: {v}" for v in ids if v not in met]
    assert missing == []
