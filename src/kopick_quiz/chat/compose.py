"""What every answer is made of: the question, what the conversation remembers, and the sources
and names an answer gathers while it is worded.

`Answer` holds that state and the wording every recipe shares (a name, a film in a list, the people
of a credit, "I don't know ..."); the answerer (`answers.py`) and every recipe (`recipes/`) build on
it. Every sentence is assembled from fields of the fact base; nothing is generated or guessed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..facts import model as m
from ..facts import records
from ..facts.base import FactBase
from .brain import Brain, Question
from .intents import FUNCTION_WORDS, RELATION_CUES
from .linking import fold
from .reply import Kind, Memory, Outcome, Reply
from .retrieval import Passage
from .wording import ROLE_LABEL, WORK_KIND, count, join

MAX_LISTED = 20  # films named in one listing; the rest are counted
MAX_OPTIONS = 8  # choices offered when a name is ambiguous

# What a film relation's recipe returns: its text, the entity ids it names (for a yes-or-no
# question to test), and whether the base holds the fact at all.
Found = tuple[str, list[str], bool]


def character_words(character: str) -> frozenset[str]:
    """The telling words of a character's description: `the gorilla's coach` -> gorilla, coach."""
    return frozenset(w for w in fold(character).split() if w not in FUNCTION_WORDS and len(w) > 2)


@dataclass
class Answer:
    """One answer being put together: what it rests on, whom it names, what is left unexplained."""

    brain: Brain
    question: Question
    memory: Memory
    forced: dict[int, str] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)
    named: list[str] = field(default_factory=list)
    unknown_words: list[str] = field(default_factory=list)  # content words no name accounts for
    asked: list[str] = field(default_factory=list)  # the entities the question is about, once known
    pointers: set[str] = field(default_factory=set)  # nouns that pointed back: "the studio"
    offer: list[Passage] = field(default_factory=list)  # the nearest sentences, when none answers

    def __post_init__(self) -> None:
        self.unknown_words = list(self.question.unknown_words)

    @property
    def base(self) -> FactBase:
        return self.brain.base

    # -- plumbing -----------------------------------------------------------------------------
    def cite(self, *entity_ids: str) -> None:
        for entity_id in entity_ids:
            source = self.base.source_of(entity_id)
            if source is not None and source.title not in self.sources:
                self.sources.append(source.title)

    def name(self, entity_id: str) -> str:
        """An entity's display name (a film with its year); remembered as named."""
        if entity_id not in self.named:
            self.named.append(entity_id)
        item = self.base.by_id[entity_id]
        if isinstance(item, records.Film):
            return self.base.film_label(item)
        return self.base.label(entity_id)

    def reply(
        self, text: str, subject: str | None, kind: Kind = "answer", cues: Iterable[str] = ()
    ) -> Outcome:
        return Outcome(
            Reply(text, tuple(self.sources), subject, kind),
            tuple(self.named),
            frozenset(cues) & RELATION_CUES,
            asked=tuple(self.asked),
        )

    def unknown(self, text: str, subject: str | None = None, cues: Iterable[str] = ()) -> Outcome:
        return self.reply(text, subject, "unknown", cues)

    # -- wording shared by the recipes -----------------------------------------------------
    def the(self, name: str) -> str:
        """A name as a sentence's subject: `The lifting of the ban ...`, `The Korean War`."""
        words = name.split()
        if words[0][:1].isdigit():
            return name
        proper = words[0].isupper() or (len(words) > 1 and words[1][:1].isupper())
        proper = proper or fold(words[0]) in self.brain.linker.exact
        return f"The {name}" if proper else f"The {name[0].lower()}{name[1:]}"

    def item(self, film_id: str, note: str | None = None) -> str:
        """A film in a list: `Okja (2017)`, `Okja (2017, director)`; remembered as named, cited."""
        film = self.brain.film(film_id)
        if film_id not in self.named:
            self.named.append(film_id)
        self.cite(film_id)
        return f"{film.title} ({film.year}{', ' + note if note else ''})"

    def people(self, ids: Sequence[str], *, countries: bool = False) -> str:
        """`A, B and C`, each remembered as named; `countries`: each with where they are from."""
        labels = []
        for pid in ids:
            label = self.name(pid)
            nationality = getattr(self.base.by_id[pid], "nationality", None)
            if countries and nationality:
                label += f" ({self.base.label(nationality)})"
            labels.append(label)
        return join(labels)

    def notes(self, film: m.Film, *words: str, limit: int = 2) -> str:
        """The film's notes that hold one of `words`, each after a space (or nothing)."""
        found = [n for n in film.notes if any(w in n.lower() for w in words)][:limit]
        return "".join(f" {n}" for n in found)

    def dont_know(self, what: str, film: m.Film) -> str:
        """`what` holds `{film}`: "who shot {film}"."""
        return f"I don't know {what.format(film=self.name(film.id))}: the fact base does not say."

    def work(self, work: m.Work) -> str:
        """The work a film is based on: `Le Transperceneige, a 1982 French comic by ...`."""
        bits = []
        if work.year:
            bits.append(str(work.year))
        if work.country:
            bits.append(self.base.by_id[work.country].adjective)
        bits.append(WORK_KIND[work.kind])
        text = f"{work.title}, a {' '.join(bits)}"
        if work.creator:
            text += f" by {self.name(work.creator)}"
        return text

    def credits(self, pid: str) -> dict[str, str]:
        """Film id -> what a person did on it (`director and writer`)."""
        out: dict[str, list[str]] = {}
        for role, film in self.base.credits_of.get(pid, ()):
            out.setdefault(film.id, []).append(ROLE_LABEL[role])
        return {f: join(roles) for f, roles in out.items()}

    def describe(self, entity_id: str) -> str:
        """A name with enough beside it to choose by: `Typhoon (2005)`, `Kim Jin-gyu (actor)`."""
        item = self.base.by_id[entity_id]
        kind = self.brain.kind(entity_id)
        if kind == "film":
            return self.base.film_label(item)
        if kind == "person":
            return f"{item.name} ({join([r.replace('-', ' ') for r in item.roles])})"
        if kind == "organisation":
            return f"{item.name} ({item.kind.replace('-', ' ')}, {self.base.label(item.country)})"
        return f"{self.base.label(entity_id)} ({kind})"

    def holds(self, probe: str, values: Sequence[str]) -> bool:
        """Whether an entity a yes-or-no question names is among a relation's values (or their country)."""
        return probe in values or any(self.brain.country_of(v) == probe for v in values)

    def years_of(self, film_id: str) -> set[int]:
        film = self.brain.film(film_id)
        return {film.year, *([film.release.year] if film.release else [])}

    # -- the base's own sentences, and what it does not know --------------------------------
    def sentence(self, passage: Passage) -> str:
        """A sentence of the base with what it is about named: `Showbox later turned to ...`."""
        self.cite(passage.entity)
        name = self.name(passage.entity)
        item = self.base.by_id[passage.entity]
        if isinstance(item, records.Event):
            name += f" ({item.start}–{item.end})" if item.end else f" ({item.start})"
        text = passage.text
        first, _, rest = text.partition(" ")
        if passage.field in ("note", "fact") and first in ("It", "He", "She") and rest:
            return f"{name} {rest}"
        if passage.field in ("note", "fact") and first in ("Its", "His", "Her") and rest:
            return f"{self.base.label(passage.entity)}'s {rest}"
        return f"{name}: {text}"

    def not_known(self, words: Sequence[str], cues: Iterable[str]) -> Outcome:
        """What the base does not know (`words`), the nearest it comes, and what it can answer."""
        shown = " ".join(words[:8])
        if shown:
            text = f"I don't know about “{shown}”: it is not in the fact base."
            near = self.nearest(words[:8])
            if near:
                text += f" The nearest names I know: {join(near, 'or')}."
        else:
            text = "I don't know how to answer that from the fact base."
        if self.offer:
            text += f" The nearest it comes to that: {self.sentence(self.offer[0])}"
            return self.unknown(text, cues=())
        films = [f.title for f in self.brain.profiled_films[:4]]
        base = self.base
        text += (
            f" I can answer about {count(len(base.films), 'film')} (such as {join(films)}), "
            f"{count(len(base.people), 'person', 'people')} and "
            f"{count(len(base.organisations), 'company or organisation', 'companies and organisations')}"
            f" — try “Tell me about {base.films and self.brain.profiled_films[0].title or 'a film'}”."
        )
        return self.unknown(text, cues=())

    def nearest(self, words: Sequence[str]) -> list[str]:
        """The names nearest to words the base does not know, described."""
        return [self.describe(e) for e in self.brain.linker.suggest(list(words))]
