"""A recipe: how one relation of an entity is asked, and the walk that runs an entity's recipes.

Each family of questions (films, people, organisations, festivals, events, terms) is a subject
made once per entity (`FilmCtx`, `PersonQuestions` ...: the entity, how to name it, the helpers
its recipes share) and a registry of recipes run on it in turn.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from .core import Ctx, Draft, Skip

S = TypeVar("S")


@dataclass(frozen=True)
class Recipe(Generic[S]):
    """How to ask about one relation of an entity (or a few that go together, as a film's crew).

    `make` builds every question of one subject: its prompt forms, answers, explanation and
    distractors; [] when the entity has no such fact. `relations` are the relations its
    questions carry (`Draft.relation`, what a pack's recipe filters by; None for a question
    with none).
    """

    make: Callable[[S], list[Draft]]
    relations: tuple[str | None, ...]

    @property
    def name(self) -> str:
        return self.make.__name__

    def on(self, subject: S) -> Callable[[], list[Draft]]:
        """The recipe for one subject, for `Ctx.attempt`: a Skip it raises is recorded under the recipe's name."""

        def run() -> list[Draft]:
            return self.make(subject)

        run.__name__ = self.name
        return run


def questions_on(
    ctx: Ctx, item: Any, subject: Callable[[Ctx, Any], S], recipes: Sequence[Recipe[S]]
) -> list[Draft]:
    """Every question on one entity: each recipe's in turn; a Skip leaves out one recipe, or the entity when it cannot be named."""
    try:
        made = subject(ctx, item)
    except Skip as exc:
        ctx.rejected.append((item.id, str(exc)))
        return []
    out: list[Draft] = []
    for recipe in recipes:
        out += ctx.attempt(recipe.on(made))
    return out
