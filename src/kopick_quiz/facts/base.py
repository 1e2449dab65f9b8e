"""The loaded fact base with its lookup indexes."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from . import model as m
from . import records

Entity = m.Film | m.Person | m.Organisation | m.Festival | m.Event | m.Term | m.Place | m.Country | m.Source

# The kinds an entity can be confused with: grading never accepts a name of the same kind.
KIND_OF_SECTION = {
    "films": "film",
    "people": "person",
    "organisations": "organisation",
    "festivals": "festival",
    "events": "event",
    "terms": "term",
    "places": "place",
    "countries": "country",
    "sources": "source",
}

FILM_ROLES = ("directors", "producers", "writers", "cinematographers", "art_directors")


@dataclass(frozen=True)
class Name:
    """One name an entity answers to (its main name or an alias)."""

    text: str
    entity_id: str
    kind: str
    main: bool


class FactBase:
    """Read-only access to the facts by id, by kind and by relation."""

    def __init__(self, facts: m.FactsFile | Any) -> None:
        """`facts` is a validated file model (kept as lean records) or records already."""
        self.facts: Any = records.from_models(facts) if isinstance(facts, m.FactsFile) else facts
        # The hash of the base's cached JSON, when it went through the compiled cache: what keys
        # the indexes built from it and kept beside the cache (the chat's sentence index).
        self.content_hash: str | None = None
        self.by_id: dict[str, Any] = {}
        self.kind_of: dict[str, str] = {}
        for section, kind in KIND_OF_SECTION.items():
            items = getattr(self.facts, section)
            ids = [item.id for item in items]
            self.by_id.update(zip(ids, items, strict=True))
            self.kind_of.update(dict.fromkeys(ids, kind))

    # -- plain access -------------------------------------------------------------------------
    @property
    def films(self) -> list[m.Film]:
        return self.facts.films

    @property
    def people(self) -> list[m.Person]:
        return self.facts.people

    @property
    def organisations(self) -> list[m.Organisation]:
        return self.facts.organisations

    def get(self, entity_id: str) -> Any:
        """The entity with this id (KeyError if none)."""
        return self.by_id[entity_id]

    def label(self, entity_id: str) -> str:
        """The display name of an entity: a film's title, anyone else's name."""
        item = self.by_id[entity_id]
        return getattr(item, "title", None) if isinstance(item, (records.Film, records.Source)) else item.name

    def film_label(self, film: m.Film) -> str:
        """A film's title with its year: `The Medium (2021)`."""
        return f"{film.title} ({film.year})"

    def aliases(self, entity_id: str) -> tuple[str, ...]:
        """Every other name an entity answers to: its other names, then its spelling variants."""
        item = self.by_id[entity_id]
        return (*getattr(item, "aliases", ()), *getattr(item, "variants", ()))

    def source_of(self, entity_id: str) -> m.Source | None:
        ref = getattr(self.by_id.get(entity_id), "source", None)
        return self.by_id.get(ref) if ref else None

    # -- indexes ------------------------------------------------------------------------------
    @cached_property
    def names(self) -> list[Name]:
        """Every name and alias of every nameable entity."""
        out: list[Name] = []
        for entity_id, item in self.by_id.items():
            kind = self.kind_of[entity_id]
            if kind == "source":
                continue
            main = self.label(entity_id)
            out.append(Name(main, entity_id, kind, True))
            out.extend(Name(a, entity_id, kind, False) for a in (*item.aliases, *item.variants))
        return out

    @cached_property
    def names_by_kind(self) -> dict[str, list[Name]]:
        grouped: dict[str, list[Name]] = defaultdict(list)
        for name in self.names:
            grouped[name.kind].append(name)
        return dict(grouped)

    @cached_property
    def credits_of(self) -> dict[str, list[tuple[str, m.Film]]]:
        """person id -> [(role field or 'cast', film)], in film order."""
        out: dict[str, list[tuple[str, m.Film]]] = defaultdict(list)
        for film in self.films:
            for role in FILM_ROLES:
                for pid in getattr(film, role):
                    out[pid].append((role, film))
            for member in film.cast:
                out[member.person].append(("cast", film))
        return dict(out)

    @cached_property
    def films_of_organisation(self) -> dict[str, list[tuple[str, m.Film]]]:
        """organisation id -> [(credit role, film)]."""
        out: dict[str, list[tuple[str, m.Film]]] = defaultdict(list)
        for film in self.films:
            for credit in film.companies:
                out[credit.organisation].append((credit.role, film))
        return dict(out)

    @cached_property
    def films_by_title(self) -> dict[str, list[m.Film]]:
        """Folded title (and alias) -> films: more than one means the year is needed."""
        from ..text import normalise

        out: dict[str, list[m.Film]] = defaultdict(list)
        for film in self.films:
            for title in {film.title, *film.aliases, *film.variants}:
                out[normalise(title)].append(film)
        return dict(out)

    def title_is_ambiguous(self, film: m.Film) -> bool:
        from ..text import normalise

        return len(self.films_by_title.get(normalise(film.title), ())) > 1

    def describe(self, entity_id: str) -> str:
        """A few sentences on an entity from its facts: its summary, then its notes."""
        item = self.by_id.get(entity_id)
        if item is None:
            return ""
        parts = [getattr(item, "summary", None) or getattr(item, "definition", None) or ""]
        parts.extend(getattr(item, "notes", ()))
        source = self.source_of(entity_id)
        text = " ".join(p.rstrip(".") + "." for p in parts if p)
        return f"{text} (Source: {source.title})" if text and source else text

    def people_in(self, ids: Iterable[str]) -> list[m.Person]:
        return [self.by_id[i] for i in ids]

    def to_json(self) -> bytes:
        """The fact base as JSON (what `records.from_json` reads back)."""
        return records.to_json(self.facts)

    def __len__(self) -> int:
        return len(self.by_id)
