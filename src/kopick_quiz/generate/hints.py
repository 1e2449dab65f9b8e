"""A first hint that teaches: a fact about the answer that the question does not already give.

`Who directed Okja?` gets "This person is from South Korea; they also directed Snowpiercer
(2013).", never "The answer is a person's name" (the question says that). Each clue is a fact of
the base about the answer (nationality, jobs, other films, years, where it is ...); a clue whose
words the prompt already holds is passed over, and a clue that names the answer is never given.
`adds_to` is that test, shared with the test over every shipped question.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from itertools import chain
from typing import TYPE_CHECKING, Any, Protocol

from ..text import normalise
from . import english as en

if TYPE_CHECKING:
    from ..facts.base import FactBase
    from .core import Owners


class Ctx(Protocol):
    """What a hint reads of the generator's context (core.Ctx, which imports this module)."""

    base: FactBase

    @property
    def owners(self) -> Owners: ...

    def folded_names(self, entity_id: str) -> frozenset[str]: ...

    def names(self, ids: Iterable[str]) -> str: ...

    def label(self, entity_id: str) -> str: ...

    @property
    def films_by_country(self) -> dict[str, list[Any]]: ...

    @property
    def people_by_nationality(self) -> dict[str | None, list[Any]]: ...

    @property
    def films_at_place(self) -> dict[str, list[Any]]: ...


# Words that carry no fact of their own: a clue made only of these (and of the prompt's words) adds nothing.
EMPTY_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "it",
        "its",
        "is",
        "was",
        "were",
        "be",
        "are",
        "they",
        "them",
        "their",
        "one",
        "of",
        "and",
        "or",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "with",
        "as",
        "also",
        "answer",
        "answers",
        "name",
        "names",
        "person",
        "people",
        "person's",
        "persons",
        "film",
        "film's",
        "title",
        "company",
        "institution",
        "festival",
        "place",
        "country",
        "countries",
        "term",
        "event",
        "each",
        "worked",
        "came",
        "out",
        "held",
        "which",
        "who",
        "what",
        "whose",
        "where",
        "when",
        "answer's",
        "both",
        "all",
        "other",
        "another",
        "made",
        "together",
        "co",
    ]
)
# A prompt's word that already says a role: `directed` says director.
ROLE_STEMS = {
    "director": ("direct",),
    "producer": ("produc",),
    "writer": ("writ",),
    "actor": ("act", "play", "star", "cast", "leading man", "lead"),
    "cinematographer": ("cinematograph", "shot", "shoot"),
    "art-director": ("art director",),
    "cartoonist": ("comic", "cartoon"),
    "author": ("wrote", "writ", "author"),
    "founder": ("found",),
}
CREDIT_VERBS = {
    "directors": "directed",
    "producers": "produced",
    "writers": "co-wrote",
    "cinematographers": "shot",
    "art_directors": "was the art director of",
    "cast": "appeared in",
}
MAX_CLUES = 2


@lru_cache(maxsize=1 << 16)
def words(text: str) -> frozenset[str]:
    """The folded words of a text (kept: clues and prompts repeat from question to question)."""
    return frozenset(w for w in re.findall(r"[a-z0-9]+", normalise(text)) if len(w) > 1 or w.isdigit())


NUMBER_WORDS = {"one": "1", "both": "2", "two": "2", "three": "3", "four": "4", "five": "5"}


def adds_to(prompt: str, hint: str) -> bool:
    """Whether `hint` says something `prompt` does not: a word of substance the prompt lacks.

    A word is said by the same word, its plural, a longer form of it (`Japanese` says Japan) or
    its number (`both` says 2).
    """
    return _adds(_said(prompt), hint)


def _said(prompt: str) -> set[str]:
    said = words(prompt)
    return set(said) | {NUMBER_WORDS[w] for w in said if w in NUMBER_WORDS}


def _adds(said: set[str] | frozenset[str], hint: str) -> bool:
    def told(word: str) -> bool:
        stem = word.rstrip("s")
        return stem in said or (len(stem) >= 4 and any(w.startswith(stem) for w in said))

    return any(not told(w) for w in words(hint) - EMPTY_WORDS)


def teaching_hint(ctx: Ctx, prompt: str, answers: Sequence[str], kind: str | None) -> str | None:
    """A first hint for an open question on an entity (None when the facts give none that teaches)."""
    clues = CLUES.get(kind or "")
    if clues is None or not answers:
        return None
    ids = [ctx.owners.get((kind or "", normalise(a)), set()) for a in answers]
    if any(len(found) != 1 for found in ids):
        return None
    items = [ctx.base.get(next(iter(found))) for found in ids]
    banned = {n for item in items for n in ctx.folded_names(item.id) if n}
    several = len(items) > 1
    first: list[str] = []
    if several and kind == "person" and all(p.nationality for p in items):
        first.append(
            "They come from " + en.join(list(dict.fromkeys(ctx.label(p.nationality) for p in items)))
        )
    # made as they are needed: most questions take their first one or two
    found = chain(first, (_one_of_them(c) if several else c for c in clues(ctx, items[0], prompt)))
    chosen: list[str] = []
    said = _said(prompt)
    for clue in found:
        folded = f" {normalise(clue)} "
        if any(f" {b} " in folded for b in banned):
            continue  # it would give an answer away
        if _adds(said, clue):
            chosen.append(clue)
            said |= words(clue)
        if len(chosen) == MAX_CLUES:
            break
    if len(chosen) == 2 and chosen[1].startswith("This person ") and chosen[0].startswith("This person "):
        chosen[1] = "They " + chosen[1].removeprefix("This person ")
    return " ".join(en.sentence(c) for c in chosen) or None


def _one_of_them(clue: str) -> str:
    """A clue about the first of several answers: `One of them directed ...`."""
    for start in ("This person ", "It "):
        if clue.startswith(start):
            return "One of them " + clue[len(start) :]
    return clue.replace(" from there", " from one of them")


# -- clues, kind by kind, most telling first -------------------------------------------------------
def _person(ctx: Ctx, person: Any, prompt: str) -> Iterator[str]:
    said = normalise(prompt)
    if person.nationality:
        country = ctx.base.get(person.nationality)
        told = [country.name, country.adjective.split()[-1], *ctx.base.aliases(country.id)]
        padded = f" {said}"
        if not any(f" {normalise(t)}" in padded for t in told):
            yield f"This person is from {country.name}"
    roles = [r for r in person.roles if not any(stem in said for stem in ROLE_STEMS.get(r, (r,)))]
    if roles:
        yield "This person worked as " + en.join([en.with_article(en.humanise(r)) for r in roles])
    for role, film in ctx.base.credits_of.get(person.id, []):
        if normalise(film.title) not in said:
            yield f"This person {CREDIT_VERBS[role]} {ctx.base.film_label(film)}"
            break


def _film(ctx: Ctx, film: Any, prompt: str) -> Iterator[str]:
    yield f"It came out in {film.year}"
    if film.directors:
        yield f"It was directed by {ctx.names(film.directors)}"
    if len(film.countries) >= 2:
        yield "It was made by " + en.join([ctx.label(c) for c in film.countries]) + " together"
    if film.kind == "documentary":
        yield "It is a documentary"
    for credit in film.companies:
        yield f"{ctx.label(credit.organisation)} worked on it"
        break


def _organisation(ctx: Ctx, org: Any, prompt: str) -> Iterator[str]:
    country = ctx.base.get(org.country)
    yield f"It is {en.with_article(country.adjective + ' ' + en.KIND_NOUN.get(org.kind, en.humanise(org.kind)))}"
    said = normalise(prompt)
    for _role, film in ctx.base.films_of_organisation.get(org.id, []):
        if normalise(film.title) not in said:
            yield f"It also worked on {ctx.base.film_label(film)}"
            break


def _country(ctx: Ctx, country: Any, prompt: str) -> Iterator[str]:
    said = normalise(prompt)
    for film in ctx.films_by_country.get(country.id, ()):
        if normalise(film.title) not in said:
            yield (
                f"It co-produced {ctx.base.film_label(film)}"
                if len(film.countries) > 1
                else f"{ctx.base.film_label(film)} came from there"
            )
            break
    if country.region:
        yield f"It is in {country.region}"
    for person in ctx.people_by_nationality.get(country.id, ()):
        if normalise(person.name) not in said:
            yield f"{person.name} came from there"
            break


def _festival(ctx: Ctx, festival: Any, prompt: str) -> Iterator[str]:
    if festival.city:
        yield f"It is held in {ctx.label(festival.city)}"
    yield f"It is held in {ctx.label(festival.country)}"


def _place(ctx: Ctx, place: Any, prompt: str) -> Iterator[str]:
    if place.country:
        yield f"It is {en.with_article(place.kind)} in {ctx.label(place.country)}"
    said = normalise(prompt)
    for film in ctx.films_at_place.get(place.id, ()):
        if normalise(film.title) not in said:
            yield f"{ctx.base.film_label(film)} is set or shot there"
            break


def _event(ctx: Ctx, event: Any, prompt: str) -> Iterator[str]:
    if event.end and event.end != event.start:
        yield f"It lasted from {event.start} to {event.end}"
    else:
        yield f"It began in {event.start}"


def _term(ctx: Ctx, term: Any, prompt: str) -> Iterator[str]:
    if term.month:
        yield f"It takes place every {term.month}"
    if term.members:
        yield "It takes in " + en.join([ctx.label(m) for m in term.members])
    yield f"It is {en.with_article(en.humanise(term.kind))}"


CLUES = {
    "person": _person,
    "film": _film,
    "organisation": _organisation,
    "country": _country,
    "festival": _festival,
    "place": _place,
    "event": _event,
    "term": _term,
}
