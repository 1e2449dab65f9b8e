"""Everything the chat builds once per fact base: the linker and the indexes answers use."""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from weakref import WeakKeyDictionary

from ..facts import model as m
from ..facts.base import FactBase
from ..progress import Progress, no_progress, split, tracked
from .intents import AUXILIARIES, FOLLOW_UP_OPENINGS, PRONOUNS, cues_of, genres_of
from .linking import CONTENT, CUE, YEAR, Linker, Mention, Token, fold
from .retrieval import SentenceIndex, stems

# "shot in Thailand", "filmed at Prague": a place, where "who shot it" asks for a camera.
_SHOT_WORDS = frozenset({"shot", "shoot", "shoots", "shooting", "filmed", "filming", "lensed"})
_PLACE_PREPOSITIONS = frozenset({"in", "at", "on", "across", "around"})


@dataclass(frozen=True)
class Question:
    """A question taken apart: its tokens, the names in it, and what is left of it."""

    text: str
    tokens: tuple[Token, ...]
    mentions: tuple[Mention, ...]
    residue: tuple[str, ...]  # tokens outside the mentions, each mention shown as "@"
    cues: frozenset[str]
    years: tuple[int, ...]
    decades: tuple[int, ...]  # 1960 for "1960s"
    genres: tuple[str, ...]
    unknown_words: tuple[str, ...]  # content words no name accounts for
    pronoun: str | None  # the first pronoun: "it", "he", ...
    yes_no: bool  # opens with did / was / is ...
    follow_up: bool  # opens with "and", "what about" ...
    adjectival: frozenset[str] = frozenset()  # countries named as adjectives: "Korean films", "Thai studios"


class Brain:
    """The linker and the lookup tables of one fact base; build with `brain_for`."""

    def __init__(
        self, base: FactBase, progress: Progress = no_progress, index_dir: Path | None = None
    ) -> None:
        """`progress` follows the building of the indexes (seconds for a big base); the sentence
        index is kept in `index_dir` (the compiled cache's folder) when one is given."""
        self.base = base
        linking, indexing, sentences = split(progress, 8, 1, 1)
        self.linker = Linker(base, linking)
        self.sentences = SentenceIndex.open(base, index_dir, sentences)
        self.country_names = frozenset(fold(n) for c in base.facts.countries for n in (c.name, *c.aliases))
        # Build every index now, so that no question pays for one (and threads share them).
        for index in tracked(_INDEXES, indexing):
            getattr(self, index)
        for index in ("credits_of", "films_of_organisation"):
            getattr(base, index)

    # -- questions ------------------------------------------------------------------------------
    def parse(self, text: str) -> Question:
        tokens = self.linker.tokens(text)
        mentions = self.linker.link(tokens)
        if not any(not m.partial for m in mentions) and not any(t.cls == CONTENT for t in tokens):
            # "What is co-production?": only cue words left, so let them name something.
            fallback = self.linker.link(tokens, allow_cue_names=True)
            if fallback:
                mentions = fallback
        inside: set[int] = set()
        for mention in mentions:
            inside.update(range(mention.start, mention.end))
        starts = {mention.start for mention in mentions}
        residue = [
            "@" if p in starts else token.text
            for p, token in enumerate(tokens)
            if p in starts or p not in inside
        ]
        words = [t.text for t in tokens]
        cues = cues_of(residue)
        if "shoot" in cues and any(
            w in _SHOT_WORDS and nxt in _PLACE_PREPOSITIONS
            for w, nxt in zip(residue, residue[1:], strict=False)
        ):
            cues = cues - {"shoot"} | {"location"}
        years = tuple(int(t.text) for t in tokens if t.cls == YEAR and len(t.text) == 4)
        decades = tuple(int(t.text[:-1]) for t in tokens if t.cls == YEAR and t.text.endswith("s"))
        unknown = tuple(t.text for p, t in enumerate(tokens) if p not in inside and t.cls == CONTENT)
        pronoun = next((w for w in residue if w in PRONOUNS), None)
        follow_up = any(tuple(words[: len(o)]) == o for o in FOLLOW_UP_OPENINGS)
        start = words[1:] if words[:1] == ["and"] else words
        return Question(
            text=text,
            tokens=tuple(tokens),
            mentions=tuple(mentions),
            residue=tuple(residue),
            cues=cues,
            years=years,
            decades=decades,
            genres=genres_of(residue),
            unknown_words=unknown,
            pronoun=pronoun,
            yes_no=bool(start) and start[0] in AUXILIARIES,
            follow_up=follow_up,
            adjectival=self._adjectival(tokens, mentions),
        )

    def _adjectival(self, tokens: list[Token], mentions: Sequence[Mention]) -> frozenset[str]:
        """Countries named as a nationality, by position: "Korean films", "Hong Kong studios",
        "films from Japan", "Thai" (an adjective alone); not "shot in Thailand"."""
        out: set[str] = set()
        for mention in mentions:
            if not all(self.base.kind_of.get(e) == "country" for e in mention.ids):
                continue
            before = tokens[mention.start - 1].text if mention.start > 0 else ""
            if before in _PLACE_PREPOSITIONS or before in ("to", "into", "with", "by"):
                continue
            span = " ".join(t.text for t in tokens[mention.start : mention.end])
            after = tokens[mention.end].cls if mention.end < len(tokens) else None
            if before == "from" or span not in self.country_names or after in (CUE, CONTENT):
                out.update(mention.ids)
        return frozenset(out)

    # -- lookups --------------------------------------------------------------------------------
    def kind(self, entity_id: str) -> str:
        return self.base.kind_of[entity_id]

    def film(self, film_id: str) -> m.Film:
        return self.base.by_id[film_id]

    @cached_property
    def films_in_year(self) -> dict[int, list[m.Film]]:
        """Year -> films made or released that year."""
        out: dict[int, list[m.Film]] = defaultdict(list)
        for film in self.base.films:
            out[film.year].append(film)
            if film.release and film.release.year != film.year:
                out[film.release.year].append(film)
        return dict(out)

    @cached_property
    def films_by_place(self) -> dict[str, dict[str, list[m.Film]]]:
        """'locations'/'settings' -> place or country id -> films (a city counts for its country)."""
        out: dict[str, dict[str, dict[str, m.Film]]] = {
            "locations": defaultdict(dict),
            "settings": defaultdict(dict),
        }
        for film in self.base.films:
            for field in ("locations", "settings"):
                for ref in getattr(film, field):
                    for key in (ref, self.country_of(ref)):
                        if key:
                            out[field][key][film.id] = film
        return {k: {key: list(films.values()) for key, films in v.items()} for k, v in out.items()}

    @cached_property
    def films_by_country(self) -> dict[str, dict[str, list[str]]]:
        """Country id -> film id -> how the country took part (co-producer, a company, shot there)."""
        out: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        for film in self.base.films:
            for country in film.countries:
                out[country][film.id].append("co-producing country")
            for credit in film.companies:
                org = self.base.by_id[credit.organisation]
                note = f"{org.name} as {credit.role}"
                if note not in out[org.country][film.id]:
                    out[org.country][film.id].append(note)
            for ref in film.locations:
                country = self.country_of(ref)
                if country:
                    out[country][film.id].append(f"shot in {self.base.label(ref)}")
        return {k: dict(v) for k, v in out.items()}

    @cached_property
    def films_by_festival(self) -> dict[str, list[m.Film]]:
        out: dict[str, list[m.Film]] = defaultdict(list)
        for film in self.base.films:
            if film.premiere:
                out[film.premiere.festival].append(film)
        return dict(out)

    @cached_property
    def films_by_event(self) -> dict[str, list[m.Film]]:
        out: dict[str, list[m.Film]] = defaultdict(list)
        for film in self.base.films:
            for event in film.context:
                out[event].append(film)
        return dict(out)

    @cached_property
    def films_by_genre(self) -> dict[str, list[m.Film]]:
        out: dict[str, list[m.Film]] = defaultdict(list)
        for film in self.base.films:
            genres = list(film.genres)
            if film.kind == "documentary" and "documentary" not in genres:
                genres.append("documentary")
            for genre in genres:
                out[genre].append(film)
        return dict(out)

    @cached_property
    def remakes_of(self) -> dict[str, list[m.Film]]:
        out: dict[str, list[m.Film]] = defaultdict(list)
        for film in self.base.films:
            if film.remake_of:
                out[film.remake_of].append(film)
        return dict(out)

    @cached_property
    def organisations_by_country(self) -> dict[str, list[m.Organisation]]:
        out: dict[str, list[m.Organisation]] = defaultdict(list)
        for org in self.base.organisations:
            out[org.country].append(org)
        return dict(out)

    @cached_property
    def people_by_nationality(self) -> dict[str, list[m.Person]]:
        out: dict[str, list[m.Person]] = defaultdict(list)
        for person in self.base.people:
            if person.nationality:
                out[person.nationality].append(person)
        return dict(out)

    @cached_property
    def organisations_of_person(self) -> dict[str, list[tuple[str, m.Organisation]]]:
        out: dict[str, list[tuple[str, m.Organisation]]] = defaultdict(list)
        for org in self.base.organisations:
            for member in org.people:
                out[member.person].append((member.role, org))
        return dict(out)

    @cached_property
    def festivals_by_place(self) -> dict[str, list[m.Festival]]:
        out: dict[str, list[m.Festival]] = defaultdict(list)
        for festival in self.base.facts.festivals:
            for key in (festival.city, festival.country):
                if key:
                    out[key].append(festival)
        return dict(out)

    @cached_property
    def groups_of(self) -> dict[str, list[m.Term]]:
        """Entity id -> the terms grouping it (Yonsei University -> SKY)."""
        out: dict[str, list[m.Term]] = defaultdict(list)
        for term in self.base.facts.terms:
            for member in term.members:
                out[member].append(term)
        return dict(out)

    @cached_property
    def profiled_films(self) -> list[m.Film]:
        return [f for f in self.base.films if f.profiled] or self.base.films[:8]

    @cached_property
    def events_in_year(self) -> dict[int, list[m.Event]]:
        """Year -> events that began, ended or were going on then."""
        out: dict[int, list[m.Event]] = defaultdict(list)
        for event in self.base.facts.events:
            for year in range(event.start, (event.end or event.start) + 1):
                out[year].append(event)
        return dict(out)

    @cached_property
    def films_found_in(self) -> dict[str, list[m.Film]]:
        """Place id -> films whose lost print was found there."""
        out: dict[str, list[m.Film]] = defaultdict(list)
        for film in self.base.films:
            if film.archive:
                out[film.archive.found_in].append(film)
        return dict(out)

    @cached_property
    def spouses(self) -> dict[str, str]:
        """Person id -> spouse id, whichever of the two records the marriage."""
        out: dict[str, str] = {}
        for person in self.base.people:
            if person.spouse:
                out.setdefault(person.id, person.spouse)
                out.setdefault(person.spouse, person.id)
        return out

    @cached_property
    def names_of(self) -> dict[str, list[str]]:
        """Entity id -> every name and alias it answers to (a country's adjective too)."""
        out: dict[str, list[str]] = defaultdict(list)
        for name in self.base.names:
            out[name.entity_id].append(name.text)
        for country in self.base.facts.countries:
            out[country.id].append(country.adjective)
        return dict(out)

    @cached_property
    def characters(self) -> dict[str, dict[str, list[str]]]:
        """First word -> character name (folded) -> films: characters with names of their own
        ("Woo-in", "Princess Miao"), not descriptions ("a Korean composer")."""
        out: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        for film in self.base.films:
            for member in film.cast:
                character = member.character
                if character and character[:1].isupper() and not character.startswith(("A ", "An ", "The ")):
                    folded = fold(character)
                    if folded and film.id not in out[folded.split()[0]][folded]:
                        out[folded.split()[0]][folded].append(film.id)
        return {k: dict(v) for k, v in out.items()}

    def character_films(self, words: Sequence[str]) -> tuple[list[str], tuple[int, int]]:
        """The films of a character named in `words`, and where the name is; none: ([], (0, 0))."""
        for p, word in enumerate(words):
            for name, films in self.characters.get(word, {}).items():
                size = len(name.split())
                if " ".join(words[p : p + size]) == name:
                    return films, (p, p + size)
        return [], (0, 0)

    def films_mentioning(self, entity_id: str) -> list[str]:
        """Films whose own sentences name an entity (a term such as the Suneung)."""
        names = [stems(n) for n in self.names_of.get(entity_id, ())]
        found: list[str] = []
        for words in names:
            for passage in self.sentences.search(words, limit=10):
                film = passage.coverage == 1.0 and self.base.kind_of.get(passage.entity) == "film"
                if film and passage.entity not in found:
                    found.append(passage.entity)
        return found

    def name_stems(self, entity_id: str) -> frozenset[str]:
        """The stems of the words of an entity's names (see `retrieval.stem`)."""
        return frozenset(s for name in self.names_of.get(entity_id, ()) for s in stems(name))

    def country_of(self, entity_id: str) -> str | None:
        """The country an entity is in (a country is in itself)."""
        kind = self.base.kind_of.get(entity_id)
        if kind == "country":
            return entity_id
        return getattr(self.base.by_id.get(entity_id), "country", None)


_INDEXES = (
    "films_in_year",
    "films_by_place",
    "films_by_country",
    "films_by_festival",
    "films_by_event",
    "films_by_genre",
    "remakes_of",
    "organisations_by_country",
    "people_by_nationality",
    "organisations_of_person",
    "festivals_by_place",
    "groups_of",
    "profiled_films",
    "films_found_in",
    "events_in_year",
    "spouses",
    "names_of",
    "characters",
)

_BRAINS: WeakKeyDictionary[FactBase, Brain] = WeakKeyDictionary()
_LOCK = threading.Lock()


def brain_for(base: FactBase, progress: Progress = no_progress, index_dir: Path | None = None) -> Brain:
    """The one `Brain` of a fact base, built on first use (the TUI may ask from a worker thread).

    `progress` follows the building, if this call is the one that builds it; `index_dir` is
    where its sentence index is kept (see `SentenceIndex.open`).
    """
    brain = _BRAINS.get(base)
    if brain is None:
        with _LOCK:
            brain = _BRAINS.get(base)
            if brain is None:
                brain = _BRAINS[base] = Brain(base, progress, index_dir)
    progress(1, 1)
    return brain
