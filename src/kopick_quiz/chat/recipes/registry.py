"""The recipe book: what the answerer walks to pick the recipe that answers a question.

A recipe is one kind of question the bot answers ("who directed X", "who was X married to"):
the rules that say when it is meant, and a function that words the answer from the fact base
(citing the sources it rests on). Recipes register themselves with the decorators below, from
the modules of this package:

- `film_relation`: a fact about a named film (director, cast, studios, budget, premiere ...).
  Its answer is `Found`: the text, the entity ids it names, whether the base holds the fact.
- `entity_recipe`: a question about a person, company, country, place, festival, event, term
  or the source article. Its answer is a whole `Outcome`.
- `listing_filter`: how an entity of a kind narrows a film listing ("films shot in Prague").

Rules are tried by rank, lowest first, across every module; the first rule that holds picks
its recipe. Ranks are unique (registering one twice is an error), so the order never depends
on which module was imported first. `film_rules()` and `entity_rules(kind)` list the order.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ...facts import model as m
from ..brain import Question
from ..compose import Answer, Found
from ..intents import words
from ..reply import Outcome


@dataclass(frozen=True)
class Ask:
    """What a question asks, as rules see it: its cues, the kinds of the other names in it."""

    cues: frozenset[str]
    question: Question
    kinds: frozenset[str] = frozenset()  # for film relations: the kinds of the non-film names

    @property
    def years(self) -> tuple[int, ...]:
        return self.question.years

    @property
    def genres(self) -> tuple[str, ...]:
        return self.question.genres


@dataclass(frozen=True)
class Rule:
    """When a recipe is meant: `test` holds, and no rule of a lower rank held first.

    A film relation's test takes the `Ask`; an entity recipe's the `Ask` and the entity's record.
    """

    rank: int
    test: Callable[..., bool]


FilmAnswer = Callable[[Answer, m.Film, list[str]], Found]
# A yes-or-no question about a relation: True (yes), False (no) or None (nothing to test).
Verdict = Callable[[Answer, m.Film, list[str], list[str]], "bool | None"]
EntityAnswer = Callable[[Answer, str, list[str], frozenset[str]], Outcome]


@dataclass(frozen=True)
class FilmRelation:
    """A fact about a film the bot answers: `answer(ans, film, others)` words it."""

    name: str
    answer: FilmAnswer
    rules: tuple[Rule, ...]
    cues: frozenset[str] = frozenset()  # cues that make an ambiguous name read as a film's
    verdict: Verdict | None = None


@dataclass(frozen=True)
class EntityRecipe:
    """A question about one entity of a kind: `answer(ans, entity_id, entities, cues)` words it."""

    kind: str
    name: str
    answer: EntityAnswer
    rules: tuple[Rule, ...]


@dataclass
class Filter:
    """One condition of a film listing: the films meeting it, each with an optional note."""

    phrase: str
    films: dict[str, str | None]
    entity: str | None = None
    missing_role: str | None = None  # a person asked about in a role the base never gives them


ListingFilter = Callable[[Answer, str, str, frozenset[str]], Filter]


@dataclass
class _Book:
    film: list[tuple[Rule, FilmRelation]] = field(default_factory=list)
    relations: dict[str, FilmRelation] = field(default_factory=dict)
    entity: dict[str, list[tuple[Rule, EntityRecipe]]] = field(default_factory=dict)
    filters: dict[str, ListingFilter] = field(default_factory=dict)


_BOOK = _Book()


def _insert(book: list[tuple[Rule, Any]], recipe: FilmRelation | EntityRecipe, where: str) -> None:
    """Add a recipe's rules to a book, in rank order; a rank already taken is refused (nothing added)."""
    ranks = [rule.rank for rule in recipe.rules]
    for rank in ranks:
        taken = next((r for rule, r in book if rule.rank == rank), None)
        if taken is not None or ranks.count(rank) > 1:
            holder = taken.name if taken is not None else recipe.name
            raise ValueError(
                f"rank {rank} of {where} is taken by {holder!r}: choose another for {recipe.name!r}"
            )
    book.extend((rule, recipe) for rule in recipe.rules)
    book.sort(key=lambda pair: pair[0].rank)


def film_relation(
    name: str, *rules: Rule, cues: str = "", verdict: Verdict | None = None
) -> Callable[[FilmAnswer], FilmAnswer]:
    """Register the decorated function as the answer of film relation `name`, meant when one of
    `rules` holds; `cues` (space-separated) are the cues that ask about one film."""

    def register(answer: FilmAnswer) -> FilmAnswer:
        if name in _BOOK.relations:
            raise ValueError(f"film relation {name!r} is registered twice")
        relation = FilmRelation(name, answer, rules, words(cues), verdict)
        _insert(_BOOK.film, relation, "the film relations")
        _BOOK.relations[name] = relation
        return answer

    return register


def entity_recipe(kind: str, name: str, *rules: Rule) -> Callable[[EntityAnswer], EntityAnswer]:
    """Register the decorated function as recipe `name` for questions about an entity of `kind`."""

    def register(answer: EntityAnswer) -> EntityAnswer:
        _insert(
            _BOOK.entity.setdefault(kind, []), EntityRecipe(kind, name, answer, rules), f"the {kind} recipes"
        )
        return answer

    return register


def listing_filter(kind: str) -> Callable[[ListingFilter], ListingFilter]:
    """Register how an entity of `kind` narrows a film listing (`(ans, id, name, cues) -> Filter`)."""

    def register(make: ListingFilter) -> ListingFilter:
        _BOOK.filters[kind] = make
        return make

    return register


def film_rules() -> list[tuple[int, str]]:
    """The film relations' rules in the order they are tried: (rank, relation)."""
    return [(rule.rank, relation.name) for rule, relation in _BOOK.film]


def entity_rules(kind: str) -> list[tuple[int, str]]:
    """The recipes for an entity kind in the order they are tried: (rank, recipe)."""
    return [(rule.rank, recipe.name) for rule, recipe in _BOOK.entity.get(kind, [])]


def every_recipe() -> list[tuple[str, str]]:
    """(kind, name) of every recipe: `film` for the film relations, then each entity kind's."""
    found = [("film", name) for name in _BOOK.relations]
    found += [(kind, recipe.name) for kind, rules in _BOOK.entity.items() for _, recipe in rules]
    return list(dict.fromkeys(found))


def film_relation_for(ask: Ask) -> FilmRelation:
    """The relation a question about a film asks for: the first rule by rank that holds."""
    for rule, relation in _BOOK.film:
        if rule.test(ask):
            return relation
    raise LookupError("no film relation matches: the film card's rule should always hold")


def entity_recipe_for(kind: str, ask: Ask, item: object) -> EntityRecipe:
    """The recipe a question about one entity asks for: the first rule by rank that holds."""
    for rule, recipe in _BOOK.entity[kind]:
        if rule.test(ask, item):
            return recipe
    raise LookupError(f"no {kind} recipe matches: its card's rule should always hold")


def probing(kinds: str) -> Verdict:
    """The verdict of a relation whose values are entities of `kinds` (space-separated): yes when
    every such entity the question names is among them ("Did Bong Joon Ho direct Okja?")."""
    wanted = words(kinds)

    def verdict(ans: Answer, film: m.Film, values: list[str], others: list[str]) -> bool | None:
        probes = [e for e in others if ans.brain.kind(e) in wanted]
        if not probes:
            return None
        return all(ans.holds(p, values) for p in probes)

    return verdict


def film_cues() -> frozenset[str]:
    """Every cue that asks about one film (with them, an ambiguous name is read as a film's)."""
    return frozenset(c for relation in _BOOK.relations.values() for c in relation.cues)


def filter_for(kind: str) -> ListingFilter | None:
    return _BOOK.filters.get(kind)


def always(*_: object) -> bool:
    """The rule of a card: what is said of a thing when nothing more precise is asked."""
    return True
