"""A film recipe: how one relation of a film is asked. The registry in `films/__init__.py` lists them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..core import Draft
from .ctx import FilmCtx


@dataclass(frozen=True)
class Recipe:
    """How to ask about one relation of a film (or a few that go together, as the crew's).

    `make` builds every question of one film: its prompt forms, answers, explanation and
    distractors; [] when the film has no such fact. `relations` are the relations its questions
    carry (`Draft.relation`, what a pack's recipe filters by; None for a question with none).
    """

    make: Callable[[FilmCtx], list[Draft]]
    relations: tuple[str | None, ...]

    @property
    def name(self) -> str:
        return self.make.__name__

    def on(self, fc: FilmCtx) -> Callable[[], list[Draft]]:
        """The recipe for one film, for `Ctx.attempt`: a Skip it raises is recorded under the recipe's name."""

        def run() -> list[Draft]:
            return self.make(fc)

        run.__name__ = self.name
        return run
