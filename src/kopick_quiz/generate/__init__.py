"""Facts -> questions: every fact of the base asked in the shapes that suit it.

`generate(base, recipe, pack_id)` is what a pack's `generate:` recipe runs; `generate_all(base)`
is everything (for `kopick-quiz generate`, which writes it with packs/writer.py's `to_pack_yaml`).
The packs call this package (packs/load.py runs a pack's recipe); it imports nothing of theirs.
Each family of questions lives in its own module: `films` (a package, one module per relation),
`people`, `organisations`, `context`; each is a registry of recipes (`recipe.Recipe`: how one
relation is asked) walked entity by entity. `choice` picks distractors and near-miss
falsehoods, `english` makes the sentences read well.

Questions are made entity by entity (a film, a person, a company ...) and kept per base, so a
recipe that asks about a few films makes only the questions of those films and of the people,
companies, festivals, events, terms and places tied to them.
"""

from __future__ import annotations

import gc
import threading
import weakref
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import cached_property
from itertools import groupby
from typing import Any, Protocol

from ..diagnostics import did_you_mean
from ..facts import model as m
from ..facts.base import FactBase
from ..progress import Progress, no_progress, split, tracked
from ..questions import Question
from .choice import film_people
from .context import by_region, event_questions, place_questions, region_questions, term_questions
from .core import Ctx, Draft, decade, stable_hash
from .films import film_questions
from .organisations import festival_questions, org_questions
from .people import person_questions

__all__ = ["generate", "generate_all", "drafts", "PackRecipe"]


class PackRecipe(Protocol):
    """What a pack's `generate:` asks for (packs/model.py's `Recipe` is one); an empty list means all."""

    @property
    def films(self) -> Sequence[str]: ...
    @property
    def eras(self) -> Sequence[str]: ...
    @property
    def profiled_only(self) -> bool: ...
    @property
    def relations(self) -> Sequence[str]: ...
    @property
    def kinds(self) -> Sequence[str]: ...
    @property
    def topics(self) -> Sequence[str]: ...
    @property
    def count(self) -> int | None: ...
    @property
    def seed(self) -> int: ...


ALL_PACK = "generated"

Family = Callable[[Ctx, Any], list[Draft]]

# Making every question of a fact base takes about eight times as long as parsing its YAML
# (1,000 and 10,000 films): what a progress bar allows for the packs with a recipe.
GENERATE_COST = 8.0
# A film's questions take about eight times as long to make as any other entity's.
_KIND_COST = {"film": 8.0}


# What makes the questions on an entity of each kind.
FAMILIES: dict[str, Family] = {
    "film": film_questions,
    "person": person_questions,
    "organisation": org_questions,
    "festival": festival_questions,
    "event": event_questions,
    "term": term_questions,
    "place": place_questions,
    "country": region_questions,
}


class _Questions:
    """One base's questions, entity by entity, each entity's made once when first wanted."""

    def __init__(self, base: FactBase) -> None:
        # A proxy: the cache below is keyed weakly by the base, and must not keep it alive.
        self.ctx = Ctx(weakref.proxy(base))
        self.made: dict[str, list[Draft]] = {}
        self._everything: tuple[Draft, ...] | None = None

    def of(self, item: Any) -> list[Draft]:
        """The questions on one entity."""
        found = self.made.get(item.id)
        if found is None:
            make = FAMILIES[self.ctx.base.kind_of[item.id]]
            found = self.made[item.id] = make(self.ctx, item)
        return found

    def everything(self, progress: Progress = no_progress) -> tuple[Draft, ...]:
        """Every question: films, people, organisations, festivals, events, terms, places, then regions."""
        if self._everything is None:
            self._everything = _unique(self._made(self.items_of(None), progress))
        return self._everything

    def _made(self, items: list[Any], progress: Progress) -> Iterator[Draft]:
        """The questions on `items` (grouped by kind, as the base orders them), told to `progress`."""
        kind_of = self.ctx.base.kind_of
        groups = [list(group) for _, group in groupby(items, key=lambda item: kind_of[item.id])]
        costs = [len(group) * _KIND_COST.get(kind_of[group[0].id], 1.0) for group in groups]
        for group, part in zip(groups, split(progress, *costs), strict=True):
            for item in tracked(group, part):
                yield from self.of(item)

    @cached_property
    def position(self) -> dict[str, int]:
        """Entity id -> its place in the base, which is the order of `everything` up to the places."""
        return {entity_id: i for i, entity_id in enumerate(self.ctx.base.by_id)}

    @cached_property
    def nested_ids(self) -> bool:
        """Whether an entity's id could begin another's question ids (`a` and `a.b`): then only all will do."""
        return any("." in entity_id for entity_id in self.ctx.base.by_id)

    def tied_to(self, films: Iterable[m.Film], progress: Progress = no_progress) -> tuple[Draft, ...]:
        """The questions on these films and on everything a question can tie to them, in the usual order."""
        return _unique(self._made(self.items_of(films), progress))

    def items_of(self, films: Iterable[m.Film] | None) -> list[Any]:
        """The entities whose questions can be tied to these films, in the base's order (None: every entity).

        A country's only questions (its region) are tied to no film, so countries are left out.
        """
        if films is None:
            facts = self.ctx.base.facts
            return [
                *facts.films,
                *facts.people,
                *facts.organisations,
                *facts.festivals,
                *facts.events,
                *facts.terms,
                *facts.places,
                *by_region(facts.countries),
            ]
        ctx = self.ctx
        kind_of = ctx.base.kind_of
        wanted: set[str] = set()
        for film in films:
            ids = [film.id, *film_people(film), *(c.organisation for c in film.companies)]
            if film.archive:
                ids += [film.archive.found_by, film.archive.found_at]
            if film.premiere:
                ids.append(film.premiere.festival)
            ids += [*film.context, *ctx.terms_of(film), *film.locations, *film.settings]
            wanted.update(i for i in ids if kind_of.get(i, "country") != "country")
        by_id = ctx.base.by_id
        return [by_id[i] for i in sorted(wanted, key=self.position.__getitem__)]


_CACHE: weakref.WeakKeyDictionary[FactBase, _Questions] = weakref.WeakKeyDictionary()


def _questions(base: FactBase) -> _Questions:
    found = _CACHE.get(base)
    if found is None:
        found = _CACHE[base] = _Questions(base)
    return found


def _unique(found: Iterable[Draft]) -> tuple[Draft, ...]:
    """A template asked twice for one fact keeps its first question."""
    seen: set[str] = set()
    out = []
    for d in found:
        if d.question.id not in seen:
            seen.add(d.question.id)
            out.append(d)
    return tuple(out)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while questions are made, when no other thread runs.

    Making every question of a base allocates millions of objects that live as long as the base
    (freed by reference counting: they make no cycles), and each quarter more of them sets off a
    collection that walks them all: pausing the collector saves a quarter of `generate_all` at
    1,000 films, and a quarter to a third of a 5,000-question count recipe at 100,000 films (the
    indexes of the whole base its first question builds). But the collector is the whole
    process's: paused, it would stop collecting for every other thread too (the app's, while a
    worker thread builds the library). So it is paused only when the calling thread is the only
    one as generation starts, and put back as it was on the way out, even when generation fails.
    A thread started during it (the command line's progress bar, after a second) has its cycles
    collected when generation ends. Pausing it around each entity's questions only, so that such
    a thread would find it running, was measured: it loses the whole gain (the indexes are walked
    again by each collection after the first entity).
    """
    if gc.isenabled() and threading.active_count() == 1:
        gc.disable()
        try:
            yield
        finally:
            if not gc.get_freeze_count():
                # What generation made goes to the oldest generation as it is (freezing counts
                # nothing, unfreezing puts every object there): else the first allocation after
                # `enable` walks it all as young objects, a second at 100,000 films, to find it alive.
                gc.freeze()
                gc.unfreeze()
            gc.enable()
    else:
        yield


def drafts(base: FactBase, progress: Progress = no_progress) -> tuple[Draft, ...]:
    """Every question the base gives, with what recipes filter by (computed once per base)."""
    with _collector_paused():
        return _questions(base).everything(progress)


def generate(
    base: FactBase, recipe: PackRecipe, pack_id: str, progress: Progress = no_progress
) -> list[Question]:
    """The questions a pack's recipe asks for, in a fixed order; ValueError names a bad recipe.

    `progress` follows the entities whose questions are made (those made before cost nothing).
    """
    films = {f.id: f for f in base.films}
    for film_id in recipe.films:
        if film_id not in films:
            raise ValueError(f"generate: unknown film '{film_id}'{did_you_mean(film_id, films)}")
    (making,) = split(progress, 1)
    with _collector_paused():
        if recipe.count is None:
            chosen = [d for d in _candidates(base, recipe, films, making) if _wanted(d, recipe, films)]
        else:
            chosen = _picked(base, recipe, films, making)
        questions = [_in_pack(d.question, pack_id) for d in chosen]
    making(1, 1)
    return questions


def generate_all(base: FactBase, progress: Progress = no_progress) -> list[Question]:
    """Every question the fact base gives; `progress` follows the entities asked about."""
    (making,) = split(progress, 1)
    with _collector_paused():
        questions = [_in_pack(d.question, ALL_PACK) for d in drafts(base, making)]
    making(1, 1)
    return questions


def _in_pack(question: Question, pack: str) -> Question:
    """`dataclasses.replace(question, pack=pack)` at a tenth of the cost: it is done for every question."""
    moved = object.__new__(Question)
    moved.__dict__.update(question.__dict__, pack=pack)
    return moved


def _candidates(
    base: FactBase, recipe: PackRecipe, films: dict[str, m.Film], progress: Progress
) -> tuple[Draft, ...]:
    """Every question the recipe could want, in the base's order."""
    questions = _questions(base)
    narrowest = _narrowest(base, recipe, films)
    if narrowest is None or questions.nested_ids:
        return questions.everything(progress)
    return questions.tied_to(narrowest, progress)


def _narrowest(base: FactBase, recipe: PackRecipe, films: dict[str, m.Film]) -> list[m.Film] | None:
    """The films of the recipe's narrowest film filter (None: it has none).

    A question a recipe limits by film, era or profiling must be tied to a film of each filter,
    so the films of the smallest filter find them all.
    """
    limits: list[list[m.Film]] = []
    if recipe.films:
        limits.append([films[f] for f in dict.fromkeys(recipe.films)])
    if recipe.eras:
        limits.append([f for f in base.films if decade(f.year) in recipe.eras])
    if recipe.profiled_only:
        limits.append([f for f in base.films if f.profiled])
    return min(limits, key=len) if limits else None


def _picked(base: FactBase, recipe: PackRecipe, films: dict[str, m.Film], progress: Progress) -> list[Draft]:
    """`recipe.count` of the questions the recipe wants, chosen before most are made.

    The entities the questions could be on are put in an order fixed by the seed (a hash of the
    seed and each id), and taken in turn: each gives its wanted question that ranks first by the
    same hash, then, once every entity has given one, its second, and so on. Only the entities
    reached are asked about, so a 5,000-question recipe on 100,000 films makes the questions of a
    few thousand entities, not of all of them; and the questions are spread over as many entities
    as the count allows. The same seed picks the same questions; an entity added to the base
    changes the pick only if it ranks among those reached. The chosen questions come out in the
    base's order, as every recipe's do.
    """
    count = recipe.count
    assert count is not None
    questions = _questions(base)
    items = questions.items_of(_narrowest(base, recipe, films))
    seed = str(recipe.seed)
    kept: set[int] | None = None
    if questions.nested_ids:  # `a` and `a.b`: which of two like ids is kept is known only from all of them
        kept = {id(d) for d in questions.everything(progress)}
    order = sorted(range(len(items)), key=lambda i: stable_hash(seed, items[i].id))
    ranked: dict[int, list[tuple[int, int, Draft]]] = {}  # item -> its wanted questions, best first
    picked: list[tuple[int, int, Draft]] = []  # (item, place among its questions, question)
    depth = 0
    while len(picked) < count:
        reached = False
        for i in order:
            found = ranked.get(i)
            if found is None:
                found = ranked[i] = _ranked_wanted(questions.of(items[i]), recipe, films, seed, kept)
            if depth < len(found):
                reached = True
                _, place, draft = found[depth]
                picked.append((i, place, draft))
                progress(len(picked), count)
                if len(picked) == count:
                    break
        if not reached or len(picked) == count:
            break
        depth += 1
        order = [i for i in order if len(ranked[i]) > depth]
    picked.sort(key=lambda p: (p[0], p[1]))
    return [draft for _, _, draft in picked]


def _ranked_wanted(
    made: list[Draft], recipe: PackRecipe, films: dict[str, m.Film], seed: str, kept: set[int] | None
) -> list[tuple[int, int, Draft]]:
    """One entity's questions that the recipe wants, each id once, best ranked for `seed` first."""
    seen: set[str] = set()
    out = []
    for place, d in enumerate(made):
        qid = d.question.id
        if qid in seen or (kept is not None and id(d) not in kept):
            continue
        seen.add(qid)
        if _wanted(d, recipe, films):
            out.append((stable_hash(seed, qid), place, d))
    out.sort(key=lambda r: r[0])
    return out


def _wanted(d: Draft, recipe: PackRecipe, films: dict) -> bool:
    q = d.question
    if recipe.kinds and q.type not in recipe.kinds:
        return False
    if recipe.topics and d.topic not in recipe.topics:
        return False
    if recipe.relations and d.relation not in recipe.relations:
        return False
    tied = [films[f] for f in d.films if f in films]
    if recipe.films and not any(f.id in recipe.films for f in tied):
        return False
    if recipe.eras and not any(decade(f.year) in recipe.eras for f in tied):
        return False
    return not (recipe.profiled_only and not any(f.profiled for f in tied))
