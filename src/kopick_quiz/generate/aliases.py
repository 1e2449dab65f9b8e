"""Questions on another name of a company, festival or term: what an acronym stands for, another word.

A film's other titles are asked in `films` (`By what other title is Tyrant (1967) known?`). Only
other names are asked, never spellings (`variants`) nor short and long forms of the name itself
(`Shaw Brothers Studio` for Shaw Brothers): those are the same name, not a fact to learn.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any

from ..text import normalise
from . import english as en
from .choice import Ask, short
from .core import Ctx, Draft


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", normalise(text)))


def is_acronym(text: str) -> bool:
    """`USIS`, `BIFAN`, `KOFIC`: one word of capitals (and digits)."""
    return " " not in text and len(text) >= 2 and text.upper() == text and any(c.isalpha() for c in text)


def other_names(name: str, aliases: tuple[str, ...]) -> list[str]:
    """The aliases that are names of their own: not the name shortened or lengthened."""
    main = _words(name)
    return [a for a in aliases if not (_words(a) <= main or main <= _words(a))]


def source_of(item: Any, field: str = "aliases") -> str:
    """The source that states a field of a record: its citation, else the record's own."""
    return next((c.source for c in item.cite if c.field == field), item.source)


def alias_questions(ctx: Ctx, item: Any, ask: Callable[..., Ask], the: str) -> list[Draft]:
    """`What does USIS stand for?`, `What other word does the source use for a spirit medium?`."""
    out: list[Draft] = []
    for alias in other_names(item.name, tuple(item.aliases)):
        out += ctx.attempt(lambda alias=alias: list(_asked(ctx, item, ask, the, alias)))
    return out


def _asked(ctx: Ctx, item: Any, ask: Callable[..., Ask], the: str, alias: str) -> Iterator[Draft]:
    source = source_of(item)
    key = re.sub(r"[^a-z0-9]+", "-", alias.casefold()).strip("-")
    if is_acronym(alias) or is_acronym(item.name):
        short_form, long_form = (alias, item.name) if is_acronym(alias) else (item.name, alias)
        fact = f"{short_form} stands for {long_form}"
        made = ask("name", key, explanation=en.sentence(fact))
        yield short(
            ctx, replace(made, source=source), f"What does {short_form} stand for?", [long_form], kind=None
        )
        return
    kind = ctx.base.kind_of[item.id]
    noun = "word" if kind == "term" else "name"
    concept = kind == "term" and getattr(item, "kind", "") in ("concept", "practice")
    called = en.with_article(ctx.lower_first(alias)) if concept else alias  # `a shaman`
    fact = f"{en.cap_first(the)} is also called {called}"
    made = ask("name", key, explanation=en.sentence(fact))
    prompt = f"What other {noun} does the source use for {the}?"
    yield short(ctx, replace(made, source=source), prompt, [alias], kind=None)
