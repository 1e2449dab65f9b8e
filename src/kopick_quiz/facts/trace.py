"""Trace the facts of a base to the text of their sources: what `validate` warns about.

A source may name a local copy of its text (`text:`). Each record of that source is then read
against it, field by field, and a field the text gives no sign of is reported as a warning:

- a film's title, the name of a person, company, festival, place or country, and every alias
  (spelling `variants` are not claims and are left alone) must appear in the text;
- years (a film's, an event's, a death's ...) and counts must appear in it (an event's years may
  come from the decade the text names: "the 1970s");
- genres must be named in it;
- a person's roles and nationality must be said in a sentence that names them: "directed by
  X", "Korean actor X", "X's Film" for a director.

It is a reader's check, not a proof: a field can pass and still be wrong (two facts in one
sentence), but a field that fails has no words in the source to stand on. A field that another
source states is cited (`cite:`) and traced against that source's text, if it has one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..diagnostics import Problem
from ..progress import Progress, no_progress, tracked
from ..yamlio import YMap, locate
from .base import FactBase

# Words that say a person held a role, in a sentence that names them.
ROLE_WORDS: dict[str, tuple[str, ...]] = {
    "director": ("direct",),
    "producer": ("produc",),
    "writer": ("writ",),
    "actor": ("actor", "actress", "star", "play", "cast", "perform", "featur", "character"),
    "cinematographer": ("cinematograph",),
    "art-director": ("art director",),
    "executive": ("executive",),
    "cartoonist": ("comic", "cartoon"),
    "novelist": ("novel",),
    "critic": ("critic",),
    "author": ("writ", "author", "source"),
    "founder": ("found",),
}
# Sections whose main name is a proper name the source must use (events and terms get labels of our own).
# Reading the shipped base against its article takes about ten times as long as parsing its YAML:
# what a progress bar allows for it beside the parse (1) and the checks (`load.CHECK_COST`).
TRACE_COST = 10.0
NAMED_SECTIONS = ("countries", "places", "people", "organisations", "festivals")


def fold(text: str) -> str:
    """Lower case, dashes and hyphens as spaces, one apostrophe, single spaces."""
    text = text.casefold().replace("\u2019", "'").replace("\u2018", "'")
    text = re.sub(r"[\u2010-\u2015\-]+", " ", text)
    return " ".join(text.split())


@dataclass(frozen=True)
class SourceText:
    """A source's text, folded whole and sentence by sentence."""

    whole: str
    sentences: tuple[str, ...]

    @classmethod
    def read(cls, path: Path) -> SourceText | None:
        try:
            raw = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
        parts = re.split(r"(?<=[.!?])\s+|\n\s*\n", raw)
        return cls(fold(raw), tuple(f for f in (fold(p) for p in parts) if f))

    def says(self, text: str) -> bool:
        return _contains(self.whole, fold(text))

    def sentences_naming(self, names: Iterable[str]) -> list[str]:
        folded = [fold(n) for n in names if n]
        return [s for s in self.sentences if any(_contains(s, n) for n in folded)]


def _contains(haystack: str, needle: str) -> bool:
    """`needle` in `haystack`, starting at a word's start (so 'korea' finds 'korean', 'lee' not 'fleet')."""
    return bool(needle) and re.search(r"(?<!\w)" + re.escape(needle), haystack) is not None


def _has_number(text: str, value: int) -> bool:
    return re.search(rf"(?<![\d,]){value}(?!\d)", text) is not None or (
        value >= 1000 and f"{value:,}" in text
    )


@dataclass(frozen=True)
class _Claim:
    loc: tuple[Any, ...]
    field: str
    message: str


class Tracer:
    """Reads each record of a base against the texts of its sources."""

    def __init__(self, base: FactBase, texts: dict[str, SourceText]) -> None:
        self.base = base
        self.texts = texts

    def problems(self, root: YMap, name: str, progress: Progress = no_progress) -> list[Problem]:
        """Every claim no text supports; `progress` follows the records."""
        out = []
        records = [
            (section, i, item)
            for section in (*NAMED_SECTIONS, "events", "terms", "films")
            for i, item in enumerate(getattr(self.base.facts, section))
        ]
        for section, i, item in tracked(records, progress):
            cited = {c.field: c.source for c in item.cite}
            for claim in self._claims(section, i, item):
                message = claim.message.format(source=cited.get(claim.field, item.source))
                out.append(Problem.at(name, locate(root, claim.loc), message, "warning"))
        progress(1, 1)
        return out

    # -- what each record claims, and whether its source's text says it -----------------------
    def _claims(self, section: str, i: int, item: Any) -> Iterator[_Claim]:
        source = self.texts.get(item.source)
        cited = {c.field: self.texts.get(c.source) for c in item.cite}

        def text_for(field: str) -> SourceText | None:
            return cited.get(field, source)

        loc = (section, i)
        label = item.title if section == "films" else item.name
        names = [label, *item.aliases, *item.variants]
        if section in (*NAMED_SECTIONS, "films"):
            field = "title" if section == "films" else "name"
            text = text_for(field)
            said = [label, item.adjective] if section == "countries" else [label]  # "French" for France
            if text is not None and not any(text.says(n) for n in said):
                yield _Claim(loc + (field,), field, f"'{label}' is not named in '{{source}}'")
        text = text_for("aliases")
        for j, alias in enumerate(item.aliases):
            if text is not None and not text.says(alias):
                yield _Claim(
                    loc + ("aliases", j),
                    "aliases",
                    f"'{alias}' is not named in '{{source}}': move a mere spelling of the name to "
                    "'variants', or cite where this name comes from",
                )
        yield from self._years(section, loc, item, text_for)
        if section == "films":
            yield from self._film(loc, item, text_for)
        if section == "people":
            yield from self._person(loc, item, names, text_for)

    def _years(self, section: str, loc: tuple[Any, ...], item: Any, text_for: Any) -> Iterator[_Claim]:
        years: list[tuple[str, tuple[Any, ...], int]] = []
        if section == "films":
            years.append(("year", ("year",), item.year))
        if section == "events":
            years.append(("start", ("start",), item.start))
            if item.end is not None:
                years.append(("end", ("end",), item.end))
        if section == "people" and item.died:
            years.append(("died", ("died",), int(item.died[:4])))
        for field, at, year in years:
            text = text_for(field)
            if text is None or _has_number(text.whole, year):
                continue
            if section == "events" and f"{year // 10 * 10}s" in text.whole:
                continue
            yield _Claim(loc + at, field, f"{field} {year} is not in '{{source}}'")

    def _film(self, loc: tuple[Any, ...], film: Any, text_for: Any) -> Iterator[_Claim]:
        text = text_for("genres")
        for j, genre in enumerate(film.genres):
            if text is not None and not text.says(genre.replace("-", " ")):
                yield _Claim(loc + ("genres", j), "genres", f"'{{source}}' never calls a film {genre}")
        counts = []
        if film.audience is not None:
            counts.append(("audience", ("audience", "count"), film.audience.count))
        for field, at, count in counts:
            text = text_for(field)
            if text is not None and not _has_number(text.whole, count):
                yield _Claim(loc + at, field, f"{count:,} is not in '{{source}}'")

    def _person(self, loc: tuple[Any, ...], person: Any, names: list[str], text_for: Any) -> Iterator[_Claim]:
        text = text_for("roles")
        if text is not None:
            sentences = text.sentences_naming(names)
            for j, role in enumerate(person.roles):
                words = ROLE_WORDS.get(role, (role,))
                if any(_contains(s, w) for s in sentences for w in words):
                    continue
                if role == "director" and self._named_with_film(text, names, person.id):
                    continue
                yield _Claim(
                    loc + ("roles", j),
                    "roles",
                    f"'{{source}}' does not call {person.name} a{'n' * (role[0] in 'aeiou')} {role}",
                )
        text = text_for("nationality")
        if text is not None and person.nationality:
            country = self.base.get(person.nationality)
            words = [country.name, country.adjective, *country.aliases, *country.variants]
            if not any(_contains(s, fold(w)) for s in text.sentences_naming(names) for w in words):
                yield _Claim(
                    loc + ("nationality",),
                    "nationality",
                    f"'{{source}}' does not say where {person.name} is from",
                )

    def _named_with_film(self, text: SourceText, names: list[str], person_id: str) -> bool:
        """`E J-yong's Asako in Ruby Shoes`, `Bong Joon Ho's English-language Snowpiercer`: a director's film."""
        titles = [fold(f.title) for role, f in self.base.credits_of.get(person_id, []) if role == "directors"]
        return any(
            re.search(rf"(?<!\w){re.escape(fold(n))}(?:'s)? (?:[\w']+ ){{0,3}}?{re.escape(t)}", text.whole)
            for n in names
            for t in titles
        )


def source_texts(base: FactBase, folder: Path) -> dict[str, SourceText]:
    """The texts of the base's sources that name one, read from beside the fact base."""
    out = {}
    for source in base.facts.sources:
        if source.text:
            found = SourceText.read(folder / source.text)
            if found is not None:
                out[source.id] = found
    return out


def trace(
    base: FactBase, root: YMap, name: str, folder: Path, progress: Progress = no_progress
) -> list[Problem]:
    """A warning for every field of the base that no text of its source supports; `progress` follows it."""
    texts = source_texts(base, folder)
    if not texts:
        progress(1, 1)
        return []
    return Tracer(base, texts).problems(root, name, progress)
