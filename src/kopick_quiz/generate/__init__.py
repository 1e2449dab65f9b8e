"""Facts -> questions: every fact of the base asked in the shapes that suit it.

`generate(base, recipe, pack_id)` is what a pack's `generate:` recipe runs; `generate_all(base)`
is everything (for `kopick-quiz generate`), and `to_pack_yaml` writes questions as an editable pack.
Each family of templates lives in its own module: `films`, `people`, `organisations`, `context`;
`choice` picks distractors and near-miss falsehoods, `english` makes the sentences read well.
"""

from __future__ import annotations

import weakref
from dataclasses import replace

from ..diagnostics import did_you_mean
from ..facts.base import FactBase
from ..packs.model import Recipe
from ..questions import Question
from .context import context_drafts
from .core import Ctx, Draft, decade, stable_hash
from .films import film_drafts
from .organisations import organisation_drafts
from .packfile import to_pack_yaml
from .people import people_drafts

__all__ = ["generate", "generate_all", "to_pack_yaml", "drafts"]

ALL_PACK = "generated"
_CACHE: weakref.WeakKeyDictionary[FactBase, tuple[Draft, ...]] = weakref.WeakKeyDictionary()


def drafts(base: FactBase) -> tuple[Draft, ...]:
    """Every question the base gives, with what recipes filter by (computed once per base)."""
    cached = _CACHE.get(base)
    if cached is None:
        ctx = Ctx(base)
        found = [*film_drafts(ctx), *people_drafts(ctx), *organisation_drafts(ctx), *context_drafts(ctx)]
        seen: set[str] = set()
        unique = []
        for d in found:
            if d.question.id not in seen:  # a template asked twice for one fact keeps its first question
                seen.add(d.question.id)
                unique.append(d)
        cached = tuple(unique)
        _CACHE[base] = cached
    return cached


def generate(base: FactBase, recipe: Recipe, pack_id: str) -> list[Question]:
    """The questions a pack's recipe asks for, in a fixed order; ValueError names a bad recipe."""
    films = {f.id: f for f in base.films}
    for film_id in recipe.films:
        if film_id not in films:
            raise ValueError(f"generate: unknown film '{film_id}'{did_you_mean(film_id, films)}")
    chosen = [d for d in drafts(base) if _wanted(d, recipe, films)]
    if recipe.count is not None and len(chosen) > recipe.count:
        # The recipe's seed picks which; a question stays picked when unrelated ones are added.
        ranked = sorted(chosen, key=lambda d: stable_hash(str(recipe.seed), d.question.id))
        keep = {d.question.id for d in ranked[: recipe.count]}
        chosen = [d for d in chosen if d.question.id in keep]
    return [replace(d.question, pack=pack_id) for d in chosen]


def generate_all(base: FactBase) -> list[Question]:
    """Every question the fact base gives."""
    return [replace(d.question, pack=ALL_PACK) for d in drafts(base)]


def _wanted(d: Draft, recipe: Recipe, films: dict) -> bool:
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
