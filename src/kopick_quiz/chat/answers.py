"""Sourced answers: a parsed question and the fact base in, a `Reply` out.

Every sentence is assembled from fields of the fact base (names, years, summaries, notes);
nothing is generated or guessed. When the base lacks the fact asked for, the reply says
"I don't know" and what the base does hold instead.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from ..facts import model as m
from ..facts import records
from ..facts.base import FactBase
from .brain import Brain, Question
from .intents import FUNCTION_WORDS, PRONOUNS, RELATION_CUES, company_role_of, cues_of, role_of, words
from .linking import CUE, NUMBER, YEAR, Mention, fold
from .retrieval import MIN_COVERAGE, Passage, stem, stems

Kind = Literal["answer", "clarify", "unknown"]

MAX_LISTED = 20  # films named in one listing; the rest are counted
MAX_OPTIONS = 8  # choices offered when a name is ambiguous
MAX_PER_QUESTION = 3  # films answered about in one question ("who directed A and B?")


@dataclass(frozen=True)
class Reply:
    """The bot's answer: plain text built only from facts, and the sources it rests on."""

    text: str
    sources: tuple[str, ...]  # titles of the sources the answer rests on
    subject: str | None  # id of the entity the reply is about, for follow-ups
    kind: Kind

    def cited(self) -> str:
        """The text with its sources on a last line, for shells that print one string."""
        if not self.sources:
            return self.text
        return f"{self.text}\nSource: {'; '.join(self.sources)}"


@dataclass
class Memory:
    """What a conversation remembers between questions."""

    film: str | None = None
    person: str | None = None
    subject: str | None = None
    cues: frozenset[str] = frozenset()
    recent: tuple[str, ...] = ()  # what the last reply named, its subject first
    screen: tuple[str, ...] = ()  # what the quiz question on screen is about

    def context(self) -> tuple[str, ...]:
        """Everything "it", "they" or "the ban" may point back to, the likeliest first."""
        found = [e for e in (self.subject, *self.recent, self.film, self.person, *self.screen) if e]
        return tuple(dict.fromkeys(found))


@dataclass(frozen=True)
class Outcome:
    reply: Reply
    named: tuple[str, ...] = ()  # entities the reply names, for "he" / "it" next time
    cues: frozenset[str] = frozenset()  # the relation asked about, for "and Tyrant?"
    options: tuple[str, ...] = ()  # when clarifying: the entities to choose from
    ambiguous_at: int | None = None  # when clarifying: the token where the ambiguous name starts
    asked: tuple[str, ...] = ()  # the entities the question was about


# -- wording helpers -------------------------------------------------------------------------------


def join(items: Sequence[str], last: str = "and") -> str:
    """`A`, `A and B`, `A, B and C`."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {last} {items[-1]}"


def count(n: int, noun: str, plural: str | None = None) -> str:
    """`1 film`, `3 films`; `plural` for nouns that do not just take an s."""
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"


_MONTHS = list(calendar.month_name)[1:]
_ROLE_LABEL = {
    "directors": "director",
    "producers": "producer",
    "writers": "writer",
    "cinematographers": "cinematographer",
    "art_directors": "art director",
    "cast": "cast",
}
_ROLE_PHRASE = {
    "directors": "directed by {}",
    "producers": "produced by {}",
    "writers": "written by {}",
    "cinematographers": "shot by {}",
    "art_directors": "with {} as art director",
    "cast": "starring {}",
}
_ROLE_VERB = {
    "directors": "directed",
    "producers": "produced",
    "writers": "wrote",
    "cinematographers": "shot",
    "art_directors": "was art director on",
    "cast": "appeared in",
}
_COMPANY_PARTICIPLE = {
    "producer": "produced",
    "co-producer": "co-produced",
    "financier": "financed",
    "distributor": "distributed",
    "sponsor": "sponsored",
    "vfx": "given its visual effects",
}
_COMPANY_PHRASE = {
    "distributor": "distributed by {}",
    "financier": "financed by {}",
    "sponsor": "sponsored by {}",
    "vfx": "with visual effects by {}",
}
_WORK_KIND = {"comic": "comic", "graphic-novel": "graphic novel", "film": "film", "novel": "novel"}
_VERSION = {"korean": "Korean version", "hong-kong": "Hong Kong version", "both": "both versions"}
# Kinds of entity each film relation's values are, for yes/no questions.
_VALUE_KINDS = {
    "director": {"person"},
    "producers": {"person", "organisation"},
    "writer": {"person"},
    "cinematographer": {"person"},
    "art": {"person"},
    "cast": {"person"},
    "companies": {"organisation"},
    "countries": {"country"},
    "location": {"place", "country"},
    "setting": {"place", "country"},
    "premiere": {"festival"},
}
# Cues that ask about one film: with them, an ambiguous name is read as a film's.
_FILM_CUES = words(
    "direct produce coproduce write shoot cinematography art cast release based remake set location "
    "audience budget premiere archive genre language summary title"
)
# Cues that need a named film or person to make sense: an unknown name with them is unknown.
_SUBJECT_CUES = _FILM_CUES | {"spouse", "died", "founded", "nationality", "card_about"}
_KIND_WORDS = {
    "film": "film",
    "movie": "film",
    "person": "person",
    "actor": "person",
    "actress": "person",
    "director": "person",
    "studio": "organisation",
    "company": "organisation",
    "country": "country",
    "place": "place",
    "city": "place",
    "festival": "festival",
    "event": "event",
}


_DETERMINERS = frozenset({"the", "that", "this", "those", "these"})
# "the studio", "that film": the kind of entity a noun after a determiner points back to.
_KIND_NOUNS = {
    "film": "film",
    "movie": "film",
    "studio": "organisation",
    "company": "organisation",
    "festival": "festival",
    "event": "event",
    "period": "event",
    "era": "event",
    "exam": "term",
}
_ARTICLE_WORDS = frozenset({"article", "articles", "essay", "webzine", "source", "sources", "author"})
_QUESTION_STEMS = frozenset({"happen", "happened"})
# Cue words that say how a question is put, not what it is about: left out of a search.
_INTENT_WORDS = words(
    "who whom whose what which when where film films movie movies list name names tell about story plot "
    "describe explain information info overview mean means meaning stand stands refer refers define"
)


def _character_words(character: str) -> frozenset[str]:
    """The telling words of a character's description: `the gorilla's coach` -> gorilla, coach."""
    return frozenset(w for w in fold(character).split() if w not in FUNCTION_WORDS and len(w) > 2)


# Cues that ask for films: with them, a year lists films only; without, what happened then too.
_FILM_LIST_CUES = words(
    "list make count release direct produce coproduce cast shoot location set company write genre"
)


def with_article(noun: str) -> str:
    """`a studio`, `an archive`, `an entertainment company`."""
    vowel = noun[:1].lower() in "aeiou" and not noun.lower().startswith(("uni", "use", "eu", "one"))
    return f"{'an' if vowel else 'a'} {noun}"


@dataclass
class _Filter:
    """One condition of a film listing: the films meeting it, each with an optional note."""

    phrase: str
    films: dict[str, str | None]
    entity: str | None = None
    missing_role: str | None = None  # a person asked about in a role the base never gives them


@dataclass
class _Answer:
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

    # -- the question ---------------------------------------------------------------------------
    def run(self) -> Outcome:
        q = self.question
        if not q.tokens:
            return self.unknown(
                "I don't know what to answer to that: ask about a film, a person, a company or a place "
                "in the fact base, for example “Who directed The Medium?”."
            )
        cues = q.cues
        if q.follow_up and not (cues & RELATION_CUES) and self.memory.cues:
            cues = cues | self.memory.cues

        resolved: list[str] = []
        partial: list[tuple[Mention, tuple[str, ...]]] = []
        for mention in q.mentions:
            ids = self.narrow(mention, cues)
            if mention.partial:
                partial.append((mention, ids))
            elif len(ids) == 1:
                if ids[0] not in resolved:
                    resolved.append(ids[0])
            else:
                return self.clarify(mention, ids)
        if "cast" in cues and not any(self.brain.kind(e) == "film" for e in resolved):
            # "Who played Woo-in?": a character's name stands for its film (and is no surname).
            films, span = self.brain.character_films([t.text for t in q.tokens])
            if films:
                resolved.extend(f for f in films if f not in resolved)
                partial = [(m, ids) for m, ids in partial if m.end <= span[0] or m.start >= span[1]]
        named_films = [e for e in resolved if self.brain.kind(e) == "film"]
        credited = {e for film_id in named_films for e in self._credited(film_id)}
        for mention, ids in partial:
            if named_films:
                # Beside a film, a surname alone names someone credited on it: "did Kim star in
                # Tyrant?" (several: the film's answer covers them; none: it was not a name).
                ids = tuple(e for e in ids if e in credited)
            elif len(ids) > 1 and resolved:
                continue  # another name in the question is enough to answer
            if len(ids) > 1 and not named_films:
                return self.clarify(mention, ids)
            if len(ids) == 1 and ids[0] not in resolved:
                resolved.append(ids[0])

        resolved.extend(e for e in self.from_context(resolved) if e not in resolved)
        if self.pointers:  # "where is the company from": "company" pointed back; it asks for no companies
            kept = [w for w in q.residue if w not in self.pointers]
            cues = cues_of(kept) | (cues & self.memory.cues if q.follow_up else frozenset())
        for film_id in [e for e in resolved if self.brain.kind(e) == "film"]:
            # "how old was the girl in Mr. Go": words of a character's description ask for the cast.
            words = {
                w for c in self.brain.film(film_id).cast if c.character for w in _character_words(c.character)
            }
            if words & set(self.unknown_words):
                self.unknown_words = [w for w in self.unknown_words if w not in words]
                cues = cues | {"cast"}
        if not resolved and (cues & {"source"} or self._names_the_article()):
            return self.about_source(cues)
        if self.unknown_words:
            found = self.retrieve(resolved, cues)
            if isinstance(found, Outcome):
                return found
            if found is not None and found not in resolved:
                resolved.append(found)  # a description that names an entity: "the ban on Japanese culture"
        if self._why() and len(resolved) == 1:
            return self.reasons(resolved[0], cues)

        films = [e for e in resolved if self.brain.kind(e) == "film"]
        others = [e for e in resolved if self.brain.kind(e) != "film"]
        kinds = {self.brain.kind(e) for e in others}
        # "Did he direct Okja?", "Did Bong Joon Ho direct it?": a pronoun fills the other side.
        pronoun_kind = _pronoun_kind(q.pronoun)
        if films and "person" not in kinds and pronoun_kind == "person" and self.memory.person:
            others.append(self.memory.person)
        if others and not films and pronoun_kind == "film" and self.memory.film and q.yes_no:
            films.append(self.memory.film)

        if not resolved:
            filtered = bool(q.years or q.decades or q.genres)
            if self.unknown_words and not q.pronoun and (cues & _SUBJECT_CUES - {"release"} or not filtered):
                return self.not_known(self.unknown_words, cues)
            if filtered and not q.pronoun:
                return self.listing([], cues)
            context = self.from_memory(pronoun_kind)
            if context is None:
                return self.not_known(self.unknown_words, cues)
            if q.pronoun is None and not (cues & RELATION_CUES) and not q.follow_up:
                return self.not_known(self.unknown_words, cues)
            if self.brain.kind(context) == "film":
                films = [context]
            else:
                others = [context]

        self.asked = [*films, *others]
        alone = len(films) + len(others) == 1 and not (q.years or q.decades or q.genres)
        if self.unknown_words and alone and not cues & RELATION_CUES:
            return self.unasked(films, others, cues)
        if films:
            return self.about_films(films, others, cues)
        return self.about_entity(others, cues)

    # -- context, the article, retrieval --------------------------------------------------------
    def from_context(self, resolved: list[str]) -> list[str]:
        """What "the ban", "that crisis" or "the studio" points back to: an entity the last reply
        or the question on screen is about whose name holds the word, or which is of that kind."""
        context = [e for e in self.memory.context() if e not in resolved]
        if not context:
            return []
        tokens = self.question.tokens
        found: list[str] = []
        kinds = {self.brain.kind(e) for e in resolved}
        for p, token in enumerate(tokens[:-1]):
            if token.text not in _DETERMINERS:
                continue
            word = tokens[p + 1].text
            if word in self.unknown_words:
                key = stem(word)
                for entity_id in context:
                    held = self.brain.name_stems(entity_id)
                    if key in held:
                        found.append(entity_id)
                        self.unknown_words = [w for w in self.unknown_words if stem(w) not in held]
                        break
            elif word in _KIND_NOUNS and _KIND_NOUNS[word] not in kinds:
                match = next((e for e in context if self.brain.kind(e) == _KIND_NOUNS[word]), None)
                if match is not None:
                    found.append(match)
                    kinds.add(_KIND_NOUNS[word])
                    self.pointers.add(word)
        return found

    def _the(self, name: str) -> str:
        """A name as a sentence's subject: `The lifting of the ban ...`, `The Korean War`."""
        words = name.split()
        if words[0][:1].isdigit():
            return name
        proper = words[0].isupper() or (len(words) > 1 and words[1][:1].isupper())
        proper = proper or fold(words[0]) in self.brain.linker.exact
        return f"The {name}" if proper else f"The {name[0].lower()}{name[1:]}"

    def _names_the_article(self) -> bool:
        words = [t.text for t in self.question.tokens]
        joined = f" {' '.join(words)} "
        return bool(_ARTICLE_WORDS & set(words)) or " ko pick " in joined or " kopick " in joined

    def about_source(self, cues: frozenset[str]) -> Outcome:
        sources = self.base.facts.sources
        return self._about_source(sources[0].id, [], cues)

    def _about_source(self, sid: str, entities: list[str], cues: frozenset[str]) -> Outcome:
        """Who wrote, edited and published the article the facts come from, when, and what it cites."""
        src: m.Source = self.base.by_id[sid]
        self.unknown_words = [
            w for w in self.unknown_words if w not in _ARTICLE_WORDS | {"ko", "pick", "kopick"}
        ]
        if src.title not in self.sources:
            self.sources.append(src.title)
        words = {t.text for t in self.question.tokens}
        title = f"“{src.title}”"
        clauses = []
        if words & {"wrote", "write", "written", "writer", "author", "authors", "by"} and src.author:
            clauses.append(f"written by {src.author}")
        if words & {"edited", "edit", "editor", "editors"} and src.editor:
            clauses.append(f"edited by {src.editor}")
        by = words & {"published", "publish", "publisher", "publishers"} and src.publisher
        on = words & {"when", "date", "year"} and src.date
        if by or on:
            clauses.append(
                "published"
                + (f" by {src.publisher}" if by else "")
                + (f" on {_long_date(src.date)}" if on else "")
            )
        cited = words & {"cite", "cites", "draw", "draws", "based", "credits", "credit", "rely", "relies"}
        if clauses or (cited and src.credits):
            text = f"The article {title} was {join(clauses)}." if clauses else f"The article {title}"
            if cited and src.credits:
                text += f"{' It' if clauses else ''} draws on {join(src.credits)}."
            return self.reply(text, sid, "answer", cues)
        bits = [f"{title} is the article every fact here comes from"]
        if src.author:
            bits.append(f", written by {src.author}")
        if src.editor:
            bits.append(f", edited by {src.editor}")
        if src.publisher:
            bits.append(f" and published by {src.publisher}")
        if src.date:
            bits.append(f" on {_long_date(src.date)}")
        text = "".join(bits) + "."
        if src.credits:
            text += f" It draws on {join(src.credits)}."
        return self.reply(text, sid, "answer", cues)

    def retrieve(self, resolved: list[str], cues: frozenset[str]) -> Outcome | str | None:
        """The base's sentences for the words no name accounts for.

        An entity whose name holds them all is returned to be answered about ("the ban on
        Japanese culture" is the lifting of that ban); sentences that hold enough of them
        answer; too few: None, and the nearest sentence is kept to offer.
        """
        q = self.question
        # The words no name accounts for, with the cue words, numbers and years around them:
        # "when did Korean films reach 100 million admissions".
        topic = [t.text for t in q.tokens if t.cls in (CUE, NUMBER, YEAR) and t.text not in _INTENT_WORDS]
        loose = {stem(w) for w in self.unknown_words} - _QUESTION_STEMS
        passages = self.brain.sentences.search(
            [*self.unknown_words, *topic], resolved, self.memory.context(), required=self.unknown_words
        )
        passages = [p for p in passages if len(p.matched & loose) * 2 >= len(loose)]
        if not passages:
            return None
        top = passages[0]
        words = [w for w in self.unknown_words if w not in _QUESTION_STEMS]
        for passage in passages:
            if passage.entity in resolved or self.brain.kind(passage.entity) == "film":
                continue
            held = self.brain.name_stems(passage.entity)
            if words and all(stem(w) in held for w in words):
                self.unknown_words = []
                # "Japanese" in "the ban on Japanese culture" is part of the description, not a name.
                for mention in self.question.mentions:
                    span = " ".join(t.text for t in self.question.tokens[mention.start : mention.end])
                    if all(s in held for s in stems(span)):
                        resolved[:] = [e for e in resolved if e not in mention.ids]
                resolved.insert(0, passage.entity)
                return passage.entity
        if top.coverage < MIN_COVERAGE:
            self.offer = passages[:1]
            return None
        # "Korean studios", "in Bucheon": a country or a place modifies what is asked about.
        subjects = [e for e in resolved if self.brain.kind(e) not in ("country", "place")]
        if subjects and cues & RELATION_CUES - {"list"} and not self._why():
            self.offer = passages[:1]
            return None  # "who played the composer in ...": the relation answers, not a sentence
        answered = [p for p in passages if p.coverage >= MIN_COVERAGE]
        said_of = any(p.entity in subjects for p in answered)
        if subjects and not said_of and not (self._why() and loose <= top.matched):
            self.offer = passages[:1]
            return None  # the words fit, but said of something else than what the question names
        return self.passages(passages, cues)

    def passages(self, passages: list[Passage], cues: frozenset[str]) -> Outcome:
        """The best sentences, each said of what it is about."""
        best = passages[0]
        kept = [p for p in passages if p.coverage >= MIN_COVERAGE and p.score >= best.score - 0.5][:3]
        lines = [self.sentence(p) for p in kept]
        return self.reply("\n".join(lines), best.entity, "answer", cues)

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

    def _why(self) -> bool:
        return any(t.text in ("why", "reason", "reasons") for t in self.question.tokens)

    def reasons(self, entity_id: str, cues: frozenset[str]) -> Outcome:
        """A "why" question about one thing: what the base says of it (its notes hold the reasons)."""
        item = self.base.by_id[entity_id]
        self.cite(entity_id)
        name = self.name(entity_id)
        said = [getattr(item, "summary", None) or getattr(item, "definition", None) or ""]
        said += list(getattr(item, "notes", ()))
        said = [s for s in said if s]
        if not said:
            return self.about_entity([entity_id], cues)
        text = f"The fact base gives no reason in so many words; here is what it says about {name}:\n"
        return self.reply(text + "\n".join(said), entity_id, "answer", cues)

    def unasked(self, films: list[str], others: list[str], cues: frozenset[str]) -> Outcome:
        """A name with words about it the base cannot answer ("the capital of France")."""
        outcome = self.about_films(films[:1], others, cues) if films else self.about_entity(others, cues)
        subject = films[0] if films else others[0]
        words = " ".join(self.unknown_words[:8])
        name = self.name(subject)
        text = (
            f"I don't know about “{words}” for {name}: the fact base does not say. "
            f"What it holds about {name}:\n{outcome.reply.text}"
        )
        return self.unknown(text, subject, cues)

    def narrow(self, mention: Mention, cues: frozenset[str]) -> tuple[str, ...]:
        """The entities a mention can mean here: a year, the kind the question asks about."""
        if mention.start in self.forced:
            return (self.forced[mention.start],)
        ids = mention.ids
        if len(ids) == 1:
            return ids
        kind = self.brain.kind
        films = [e for e in ids if kind(e) == "film"]
        years = set(self.question.years)
        if films and years:
            dated = [e for e in films if self._years_of(e) & years]
            if dated:
                return tuple(dated)
        preferred: set[str] = set()
        if cues & {"list", "make", "count", "founded"}:
            preferred = {"person", "organisation", "country", "place", "festival", "event"}
        elif cues & {"spouse", "died", "nationality", "people"}:
            preferred = {"person"}
        elif cues & _FILM_CUES:
            preferred = {"film"}
        kept = tuple(e for e in ids if kind(e) in preferred) if preferred else ids
        ids = kept or ids
        role = role_of(cues)
        people = [e for e in ids if kind(e) == "person"]
        if role and len(people) == len(ids):
            credited = tuple(e for e in ids if any(r == role for r, _ in self.base.credits_of.get(e, ())))
            ids = credited or ids
        return ids

    def _credited(self, film_id: str) -> set[str]:
        """The people and companies credited on a film."""
        film = self.brain.film(film_id)
        people = [
            *film.directors,
            *film.producers,
            *film.writers,
            *film.cinematographers,
            *film.art_directors,
        ]
        return {*people, *(c.person for c in film.cast), *(c.organisation for c in film.companies)}

    def _years_of(self, film_id: str) -> set[int]:
        film = self.brain.film(film_id)
        return {film.year, *([film.release.year] if film.release else [])}

    def from_memory(self, pronoun_kind: str | None) -> str | None:
        if pronoun_kind == "film":
            # "it" is the last thing talked about unless that was a person: an event, a studio ...
            subject = self.memory.subject
            if subject is not None and self.brain.kind(subject) not in ("person", "film"):
                return subject
            return self.memory.film or subject
        if pronoun_kind == "person":
            return self.memory.person or self.memory.subject
        return self.memory.subject

    # -- clarify and unknown ----------------------------------------------------------------------
    def clarify(self, mention: Mention, ids: Sequence[str]) -> Outcome:
        shown = [self.describe(e) for e in ids[:MAX_OPTIONS]]
        numbered = [f"{i}) {label}" for i, label in enumerate(shown, 1)]
        rest = len(ids) - len(shown)
        tail = f", or one of {count(rest, 'other')} — type more of the name" if rest else ""
        words = " ".join(t.text for t in self.question.tokens[mention.start : mention.end])
        text = (
            f"“{words}” could mean several things in the fact base. Which one do you mean? "
            f"{'; '.join(numbered)}{tail}. Answer with a number or more of the name."
        )
        outcome = self.reply(text, None, "clarify")
        return Outcome(outcome.reply, (), outcome.cues, tuple(ids), mention.start)

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

    def not_known(self, words: Sequence[str], cues: Iterable[str]) -> Outcome:
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
        return [self.describe(e) for e in self.brain.linker.suggest(list(words))]

    # -- films ----------------------------------------------------------------------------------
    def about_films(self, films: list[str], others: list[str], cues: frozenset[str]) -> Outcome:
        kinds = {self.brain.kind(e) for e in others}
        intent = film_intent(cues, kinds)
        if intent == "card" and self.question.genres:  # "Is The Medium a horror film?"
            intent = "genre"
        texts: list[str] = []
        missing = True
        for film_id in films[:MAX_PER_QUESTION]:
            film = self.brain.film(film_id)
            self.cite(film_id)
            text, values, found = self.film_relation(film, intent, others)
            if found and self.question.yes_no and intent in _VALUE_KINDS:
                probes = [e for e in others if self.brain.kind(e) in _VALUE_KINDS[intent]]
                if probes:
                    text = ("Yes. " if all(self._holds(p, values) for p in probes) else "No. ") + text
            if found and self.question.yes_no and intent == "genre" and self.question.genres:
                text = ("Yes. " if set(self.question.genres) <= set(values) else "No. ") + text
            if found and self.question.yes_no and intent == "release" and self.question.years:
                text = ("Yes. " if self._years_of(film_id) & set(self.question.years) else "No. ") + text
            texts.append(text)
            missing = missing and not found
        subject = films[min(len(films), MAX_PER_QUESTION) - 1]
        text = "\n".join(texts)
        if missing:
            return self.unknown(text, subject, cues)
        return self.reply(text, subject, "answer", cues)

    def _holds(self, probe: str, values: Sequence[str]) -> bool:
        return probe in values or any(self.brain.country_of(v) == probe for v in values)

    def film_relation(self, film: m.Film, intent: str, others: list[str]) -> tuple[str, list[str], bool]:
        """(text, the entity ids it names, whether the base holds the fact)."""
        handler = getattr(self, f"_film_{intent}")
        return handler(film, others)

    def _people(self, ids: Sequence[str], *, countries: bool = False) -> str:
        labels = []
        for pid in ids:
            label = self.name(pid)
            nationality = getattr(self.base.by_id[pid], "nationality", None)
            if countries and nationality:
                label += f" ({self.base.label(nationality)})"
            labels.append(label)
        return join(labels)

    def _notes(self, film: m.Film, *words: str, limit: int = 2) -> str:
        found = [n for n in film.notes if any(w in n.lower() for w in words)][:limit]
        return "".join(f" {n}" for n in found)

    def _dont_know(self, what: str, film: m.Film) -> str:
        """`what` holds `{film}`: "who shot {film}"."""
        return f"I don't know {what.format(film=self.name(film.id))}: the fact base does not say."

    def _film_director(self, film: m.Film, others: list[str]) -> tuple[str, list[str], bool]:
        if not film.directors:
            return self._dont_know("who directed {film}", film), [], False
        people = self._people(film.directors, countries=len(film.directors) > 1)
        text = f"{self.name(film.id)} was directed by {people}.{self._notes(film, 'director', 'directed')}"
        return text, list(film.directors), True

    def _film_producers(self, film: m.Film, others: list[str]) -> tuple[str, list[str], bool]:
        companies = self._companies_sentence(film, others, "It")
        values = [*film.producers, *(c.organisation for c in film.companies)]
        if film.producers:
            text = f"{self.name(film.id)} was produced by {self._people(film.producers)}."
            if film.companies:
                text += f" The companies behind it: {self._company_list(film)}."
            return text, values, True
        if companies:
            text = f"The fact base names no individual producer of {self.name(film.id)}. {companies}"
            return text, values, True
        return self._dont_know("who produced {film}", film), [], False

    def _film_writer(self, film: m.Film, others: list[str]) -> tuple[str, list[str], bool]:
        if not film.writers:
            text = self._dont_know("who wrote {film}", film)
            if film.based_on:
                text += f" It is based on {self._work(film.based_on)}."
            return text, [], False
        text = f"{self.name(film.id)} was written by {self._people(film.writers)}."
        return text + self._notes(film, "wrote", "writer", "script"), list(film.writers), True

    def _film_cinematographer(self, film: m.Film, others: list[str]) -> tuple[str, list[str], bool]:
        if not film.cinematographers:
            return self._dont_know("who shot {film}", film), [], False
        people = self._people(film.cinematographers)
        text = f"{self.name(film.id)} was shot by the cinematographer {people}."
        text += self._notes(film, "filmed", "cinematographer", "colour", limit=1)
        return text, list(film.cinematographers), True

    def _film_art(self, film: m.Film, others: list[str]) -> tuple[str, list[str], bool]:
        if not film.art_directors:
            return self._dont_know("who was art director on {film}", film), [], False
        text = f"The art director of {self.name(film.id)} was {self._people(film.art_directors)}."
        return text, list(film.art_directors), True

    def _film_cast(self, film: m.Film, others: list[str]) -> tuple[str, list[str], bool]:
        if not film.cast:
            return self._dont_know("who starred in {film}", film), [], False
        people_asked = [e for e in others if self.brain.kind(e) == "person"]
        if people_asked and len(people_asked) == 1:
            member = next((c for c in film.cast if c.person == people_asked[0]), None)
            if member is not None:
                text = f"{self.name(member.person)} is in the cast of {self.name(film.id)}{self._role_in(member)}."
                return text, [c.person for c in film.cast], True
        # "Who played Woo-in?": a character of the film named in the question.
        asked = f" {fold(self.question.text)} "
        loose = set(self.question.unknown_words)
        playing = [
            c
            for c in film.cast
            if c.character and (f" {fold(c.character)} " in asked or loose & _character_words(c.character))
        ]
        if playing:
            character = playing[0].character
            players = join([self.name(c.person) + _version_note(c) for c in playing])
            text = f"In {self.name(film.id)}, {character} was played by {players}."
            return text, [c.person for c in playing], True
        leads = [c for c in film.cast if c.lead] or list(film.cast)
        rest = [c for c in film.cast if c not in leads]
        listed = join([self.name(c.person) + self._cast_note(c) for c in leads])
        text = f"{self.name(film.id)} starred {listed}."
        if rest:
            text += (
                f" The cast also included {join([self.name(c.person) + self._cast_note(c) for c in rest])}."
            )
        text += self._notes(film, "version", "female lead", "male lead", limit=1)
        return text, [c.person for c in film.cast], True

    def _cast_note(self, member: m.CastMember) -> str:
        """` (Princess Miao, Korean version)`, for lists of names."""
        parts = [p for p in (member.character, _VERSION.get(member.version or "")) if p]
        return f" ({', '.join(parts)})" if parts else ""

    def _role_in(self, member: m.CastMember) -> str:
        """` as Princess Miao, in the Korean version`, for the end of a sentence."""
        text = f" as {member.character}" if member.character else ""
        if member.version:
            text += f", in {'the ' if member.version != 'both' else ''}{_VERSION[member.version]}"
        return text

    def _film_involvement(self, film: m.Film, others: list[str]) -> tuple[str, list[str], bool]:
        """What the people named did on the film ("Is Kim Jin-gyu in Tyrant?")."""
        texts = []
        values: list[str] = []
        for pid in [e for e in others if self.brain.kind(e) == "person"]:
            roles = [r for r, f in self.base.credits_of.get(pid, ()) if f.id == film.id]
            if not roles:
                texts.append(
                    f"The fact base does not credit {self.name(pid)} on {self.name(film.id)}."
                    f" {self._film_card_credits(film)}"
                )
                continue
            values.append(pid)
            self.cite(pid)
            verbs = [_ROLE_VERB[r] for r in roles if r != "cast"]
            parts = []
            if verbs:
                parts.append(f"{self.name(pid)} {join(verbs)} {self.name(film.id)}")
            if "cast" in roles:
                member = next(c for c in film.cast if c.person == pid)
                verb = "also appeared in" if verbs else "appeared in"
                clause = f"{verb} {self.name(film.id)}{self._role_in(member)}"
                parts.append(clause if verbs else f"{self.name(pid)} {clause}")
            texts.append(" and ".join(parts) + ".")
        text = " ".join(texts)
        if self.question.yes_no and texts:
            text = ("Yes. " if values else "No. ") + text
        return text, values, True

    def _film_card_credits(self, film: m.Film) -> str:
        bits = []
        if film.directors:
            bits.append(f"It was directed by {self._people(film.directors)}")
        if film.cast:
            bits.append(f"starred {join([self.name(c.person) for c in film.cast])}")
        return (join(bits) + ".") if bits else ""

    def _companies_sentence(self, film: m.Film, others: list[str], subject: str | None = None) -> str:
        """`Mr. Go (2013) was co-produced by Showbox (South Korea) and ...`; `subject` replaces the title."""
        credits = list(film.companies)
        country_filter = [e for e in others if self.brain.kind(e) == "country"]
        if country_filter:
            kept = [c for c in credits if self.base.by_id[c.organisation].country in country_filter]
            credits = kept or credits
        if not credits:
            return ""
        by_role: dict[str, list[str]] = {}
        for credit in credits:
            org = self.base.by_id[credit.organisation]
            label = f"{self.name(org.id)} ({self.base.label(org.country)})"
            self.cite(org.id)
            by_role.setdefault(credit.role, [])
            if label not in by_role[credit.role]:
                by_role[credit.role].append(label)
        clauses = [f"{_COMPANY_PARTICIPLE[role]} by {join(labels)}" for role, labels in by_role.items()]
        return f"{subject or self.name(film.id)} was {join(clauses)}."

    def _company_list(self, film: m.Film) -> str:
        """`Showbox (South Korea, producer) and GDH 559 (Thailand, co-producer)`."""
        roles: dict[str, list[str]] = {}
        for credit in film.companies:
            roles.setdefault(credit.organisation, []).append(credit.role)
        self.cite(*roles)
        return join(
            [
                f"{self.name(org)} ({self.base.label(self.base.by_id[org].country)}, {join(r)})"
                for org, r in roles.items()
            ]
        )

    def _film_companies(self, film: m.Film, others: list[str]) -> tuple[str, list[str], bool]:
        text = self._companies_sentence(film, others)
        values = [c.organisation for c in film.companies]
        if not text:
            if film.countries:
                countries = join([self.name(c) for c in film.countries])
                return (
                    f"The fact base names no company behind {self.name(film.id)}; its producing countries: {countries}.",
                    list(film.countries),
                    True,
                )
            return self._dont_know("which companies made {film}", film), [], False
        if film.countries and len(film.countries) > 1:
            text += f" It was a co-production of {join([self.name(c) for c in film.countries])}."
        return text, values, True

    def _film_countries(self, film: m.Film, others: list[str]) -> tuple[str, list[str], bool]:
        companies = self._companies_sentence(film, [], "It")
        if not film.countries:
            if companies:
                text = f"The fact base lists no producing country for {self.name(film.id)}."
                return f"{text} {companies}", [], True
            return self._dont_know("which countries made {film}", film), [], False
        countries = join([self.name(c) for c in film.countries])
        if len(film.countries) > 1:
            text = f"{self.name(film.id)} was a co-production of {countries}."
        else:
            text = f"The fact base lists one producing country for {self.name(film.id)}: {countries}."
        if companies:
            text += f" {companies}"
        return text, list(film.countries), True

    def _work(self, work: m.Work) -> str:
        bits = []
        if work.year:
            bits.append(str(work.year))
        if work.country:
            bits.append(self.base.by_id[work.country].adjective)
        bits.append(_WORK_KIND[work.kind])
        text = f"{work.title}, a {' '.join(bits)}"
        if work.creator:
            text += f" by {self.name(work.creator)}"
        return text

    def _film_based(self, film: m.Film, others: list[str]) -> tuple[str, list[str], bool]:
        texts = []
        if film.based_on:
            texts.append(f"{self.name(film.id)} is based on {self._work(film.based_on)}.")
        if film.remake_of:
            texts.append(f"{self.name(film.id)} is a remake of {self.name(film.remake_of)}.")
        if not texts:
            return self._dont_know("what {film} is based on", film), [], False
        return " ".join(texts), [], True

    def _film_remake(self, film: m.Film, others: list[str]) -> tuple[str, list[str], bool]:
        texts = []
        if film.remake_of:
            texts.append(f"{self.name(film.id)} is a remake of {self.name(film.remake_of)}.")
        remakes = self.brain.remakes_of.get(film.id, [])
        if remakes:
            texts.append(f"{self.name(film.id)} was remade as {join([self.name(r.id) for r in remakes])}.")
        if not texts:
            return (
                f"I don't know of any remake involving {self.name(film.id)}: the fact base records none.",
                [],
                False,
            )
        return " ".join(texts), [], True

    def _film_location(self, film: m.Film, others: list[str]) -> tuple[str, list[str], bool]:
        if not film.locations:
            text = self._dont_know("where {film} was shot", film)
            if film.settings:
                text += f" It is set in {join([self.name(s) for s in film.settings])}."
            return text, [], False
        places = join([self.name(p) for p in film.locations])
        return f"{self.name(film.id)} was shot in {places}.", list(film.locations), True

    def _film_setting(self, film: m.Film, others: list[str]) -> tuple[str, list[str], bool]:
        if not film.settings:
            text = self._dont_know("where {film} is set", film)
            if film.locations:
                text += f" It was shot in {join([self.name(p) for p in film.locations])}."
            return text, [], False
        places = join([self.name(p) for p in film.settings])
        return f"{self.name(film.id)} is set in {places}.", list(film.settings), True

    def _film_audience(self, film: m.Film, others: list[str]) -> tuple[str, list[str], bool]:
        audience = film.audience
        if audience is None:
            return self._dont_know("how many people saw {film}", film), [], False
        where = f" in {self.name(audience.country)}" if audience.country else ""
        verb = "drew" if audience.unit == "admissions" else "sold"
        text = f"{self.name(film.id)} {verb} {audience.count:,} {audience.unit}{where}"
        text += f" ({audience.note})." if audience.note else "."
        return text, [], True

    def _film_budget(self, film: m.Film, others: list[str]) -> tuple[str, list[str], bool]:
        if film.budget is None:
            return self._dont_know("the budget of {film}", film), [], False
        money = film.budget
        qualifier = {"exact": "", "about": "about ", "over": "over ", "under": "under "}[money.qualifier]
        return (
            f"{self.name(film.id)} had a budget of {qualifier}{_money(money.amount)} {money.currency}.",
            [],
            True,
        )

    def _film_premiere(self, film: m.Film, others: list[str]) -> tuple[str, list[str], bool]:
        if film.premiere is None:
            return self._dont_know("where {film} premiered", film), [], False
        festival = self.base.by_id[film.premiere.festival]
        self.cite(festival.id)
        label = self.name(festival.id) + (f" ({festival.aliases[0]})" if festival.aliases else "")
        text = f"{self.name(film.id)} premiered at the {label}"
        text += f", where it won {film.premiere.prize}." if film.premiere.prize else "."
        return text, [festival.id], True

    def _film_archive(self, film: m.Film, others: list[str]) -> tuple[str, list[str], bool]:
        archive = film.archive
        if archive is None:
            return (
                f"I don't know of any archive discovery for {self.name(film.id)}: the fact base records none.",
                [],
                False,
            )
        text = (
            f"A print of {self.name(film.id)} held by {self.name(archive.found_at)} in "
            f"{self.name(archive.found_in)} was found in {archive.found_year} by {self.name(archive.found_by)}"
        )
        text += f" ({join(archive.condition)})." if archive.condition else "."
        if archive.restored_screening_year:
            event = archive.restored_screening_event
            text += f" The restored film was screened in {archive.restored_screening_year}"
            text += f" at the {event}." if event else "."
        if archive.distinction:
            text += f" It is the {archive.distinction}."
        return text, [], True

    def _film_genre(self, film: m.Film, others: list[str]) -> tuple[str, list[str], bool]:
        genres = [g.replace("-", " ") for g in film.genres]
        if not genres:
            if film.kind == "documentary":
                return f"{self.name(film.id)} is a documentary.", ["documentary"], True
            return self._dont_know("the genre of {film}", film), [], False
        noun = "documentary" if film.kind == "documentary" and "documentary" in film.genres else "film"
        if noun == "documentary":
            genres.remove("documentary")
        if not genres:
            return f"{self.name(film.id)} is a documentary.", list(film.genres), True
        described = f"{join(genres)} {noun}"
        article = "an" if described[0] in "aeio" else "a"
        return f"{self.name(film.id)} is {article} {described}.", list(film.genres), True

    def _film_language(self, film: m.Film, others: list[str]) -> tuple[str, list[str], bool]:
        if not film.languages:
            return self._dont_know("the language of {film}", film), [], False
        return f"{self.name(film.id)} is in {join(film.languages)}.", [], True

    def _film_title(self, film: m.Film, others: list[str]) -> tuple[str, list[str], bool]:
        if not film.aliases:
            return (
                f"I don't know of another title for {self.name(film.id)}: the fact base records none.",
                [],
                False,
            )
        return f"{self.name(film.id)} is also known as {join(film.aliases, 'or')}.", [], True

    def _film_release(self, film: m.Film, others: list[str]) -> tuple[str, list[str], bool]:
        release = film.release
        if release is None:
            text = f"{self.name(film.id)} came out in {film.year}."
        else:
            when = f"{_MONTHS[release.month - 1]} {release.year}" if release.month else str(release.year)
            where = f" in {self.name(release.country)}" if release.country else ""
            kind = {
                "theatrical": "in cinemas",
                "day-and-date": "as a day-and-date release",
                "festival": "at a festival",
            }
            text = f"{self.name(film.id)} came out {kind[release.kind]}{where} in {when}."
        if film.premiere:
            festival = self.base.by_id[film.premiere.festival]
            text += f" It premiered at the {self.name(festival.id)}."
        text += self._notes(film, "release", "came out", "day-and-date", "opened", limit=1)
        return text, [], True

    def _film_summary(self, film: m.Film, others: list[str]) -> tuple[str, list[str], bool]:
        return f"{self.name(film.id)}: {film.summary}", [], True

    def _film_card(self, film: m.Film, others: list[str]) -> tuple[str, list[str], bool]:
        kinds = []
        if film.genres:
            kinds.append(", ".join(g.replace("-", " ") for g in film.genres))
        elif film.kind == "documentary":
            kinds.append("documentary")
        head = self.name(film.id) + (f" — {kinds[0]}" if kinds else "")
        lines = [f"{head}. {film.summary}"]
        credits = []
        for field_name, phrase in (
            ("directors", "Directed by"),
            ("producers", "produced by"),
            ("writers", "written by"),
            ("cinematographers", "shot by"),
            ("art_directors", "art direction by"),
        ):
            ids = getattr(film, field_name)
            if ids:
                credits.append(f"{phrase} {self._people(ids)}")
        if credits:
            first = credits[0]
            credits[0] = first[0].upper() + first[1:]
            lines.append("; ".join(credits) + ".")
        if film.cast:
            lines.append(f"Cast: {join([self.name(c.person) + self._cast_note(c) for c in film.cast])}.")
        if film.companies:
            lines.append(f"Companies: {self._company_list(film)}.")
        if film.countries:
            lines.append(f"Countries: {join([self.name(c) for c in film.countries])}.")
        if film.based_on:
            lines.append(f"Based on {self._work(film.based_on)}.")
        if film.remake_of:
            lines.append(f"A remake of {self.name(film.remake_of)}.")
        if film.locations:
            lines.append(f"Shot in {join([self.name(p) for p in film.locations])}.")
        if film.settings:
            lines.append(f"Set in {join([self.name(p) for p in film.settings])}.")
        for getter in (self._film_audience, self._film_premiere, self._film_archive):
            text, _, found = getter(film, [])
            if found:
                lines.append(text)
        if film.aliases:
            lines.append(f"Also known as {join(film.aliases, 'or')}.")
        return "\n".join(lines), [], True

    # -- other entities -------------------------------------------------------------------------
    def about_entity(self, entities: list[str], cues: frozenset[str]) -> Outcome:
        subject = entities[0]
        kind = self.brain.kind(subject)
        self.cite(subject)
        handler = getattr(self, f"_about_{kind}")
        return handler(subject, entities, cues)

    def _about_person(self, pid: str, entities: list[str], cues: frozenset[str]) -> Outcome:
        person: m.Person = self.base.by_id[pid]
        name = self.name(pid)
        if "spouse" in cues:
            spouse = self.brain.spouses.get(pid)
            if spouse is None:
                return self.unknown(
                    f"I don't know whom {name} married: the fact base does not say.", pid, cues
                )
            self.cite(spouse)
            # The answer is the spouse: "what did she act in?" is about them next.
            return self.reply(f"{name} was married to {self.name(spouse)}.", spouse, "answer", cues)
        if "died" in cues or ("age" in cues and person.died):
            if not person.died:
                return self.unknown(f"I don't know when {name} died: the fact base does not say.", pid, cues)
            text = f"{name} died in {_date(person.died)}"
            text += f", aged {person.age_at_death}." if person.age_at_death is not None else "."
            notes = [n for n in person.notes if "died" in n.lower()]
            text += "".join(f" {n}" for n in notes[:1])
            return self.reply(text, pid, "answer", cues)
        listing = cues & {"list", "make", "count"} or role_of(cues)
        if "nationality" in cues or ("where" in cues and not listing):
            if not person.nationality:
                return self.unknown(
                    f"I don't know where {name} is from: the fact base does not say.", pid, cues
                )
            return self.reply(f"{name} is from {self.name(person.nationality)}.", pid, "answer", cues)
        if listing:
            return self.listing(entities, cues)
        return self.reply(self._person_card(person), pid, "answer", cues)

    def _person_card(self, person: m.Person) -> str:
        name = self.name(person.id)
        head = name + (f" ({self.name(person.nationality)})" if person.nationality else "")
        lines = [f"{head}, {join([r.replace('-', ' ') for r in person.roles])}. {person.summary}"]
        credits = self._credits(person.id)
        if credits:
            lines.append(f"In the fact base: {join([self._item(f, note) for f, note in credits.items()])}.")
        for role, org in self.brain.organisations_of_person.get(person.id, []):
            lines.append(f"{role.capitalize()} of {self.name(org.id)}.")
        spouse = self.brain.spouses.get(person.id)
        if spouse:
            lines.append(f"Married to {self.name(spouse)}.")
        if person.died:
            age = f", aged {person.age_at_death}" if person.age_at_death is not None else ""
            lines.append(f"Died {_date(person.died)}{age}.")
        return "\n".join(lines)

    def _credits(self, pid: str) -> dict[str, str]:
        out: dict[str, list[str]] = {}
        for role, film in self.base.credits_of.get(pid, ()):
            out.setdefault(film.id, []).append(_ROLE_LABEL[role])
        return {f: join(roles) for f, roles in out.items()}

    def _about_organisation(self, oid: str, entities: list[str], cues: frozenset[str]) -> Outcome:
        org: m.Organisation = self.base.by_id[oid]
        name = self.name(oid)
        if "founded" in cues and not cues & {"list", "make"}:
            if not org.people:
                return self.unknown(
                    f"I don't know who founded or ran {name}: the fact base does not say.", oid, cues
                )
            people = join([f"{self.name(p.person)} ({p.role})" for p in org.people])
            return self.reply(f"The fact base names these people at {name}: {people}.", oid, "answer", cues)
        if cues & {"list", "make", "count", "company", "coproduce", "produce", "release"} or role_of(cues):
            return self.listing(entities, cues)
        if cues & {"where", "country", "nationality"}:
            kind = with_article(org.kind.replace("-", " "))
            return self.reply(f"{name} is {kind} from {self.name(org.country)}.", oid, "answer", cues)
        kind = with_article(org.kind.replace("-", " "))
        lines = [f"{name} — {kind} in {self.name(org.country)}. {org.summary}"]
        films = self.base.films_of_organisation.get(oid, [])
        if films:
            credits: dict[str, list[str]] = {}
            for role, film in films:
                credits.setdefault(film.id, []).append(role)
            lines.append(f"Films: {join([self._item(f, join(r)) for f, r in credits.items()])}.")
        if org.people:
            lines.append(f"People: {join([f'{self.name(p.person)} ({p.role})' for p in org.people])}.")
        if org.part_of:
            lines.append(f"Part of {self.name(org.part_of)}.")
        lines.extend(org.notes[:2])
        return self.reply("\n".join(lines), oid, "answer", cues)

    def _about_country(self, cid: str, entities: list[str], cues: frozenset[str]) -> Outcome:
        country: m.Country = self.base.by_id[cid]
        name = self.name(cid)
        asks_films = cues & {
            "list",
            "make",
            "count",
            "shoot",
            "set",
            "location",
            "release",
            "coproduce",
            "country",
        }
        if cues & {"company"} and not asks_films:
            orgs = self.brain.organisations_by_country.get(cid, [])
            if not orgs:
                return self.unknown(
                    f"I don't know of any company from {name}: the fact base lists none.", cid, cues
                )
            labels = [f"{self.name(o.id)} ({o.kind.replace('-', ' ')})" for o in orgs[:MAX_LISTED]]
            self.cite(*[o.id for o in orgs[:MAX_LISTED]])
            more = f" and {len(orgs) - MAX_LISTED:,} more" if len(orgs) > MAX_LISTED else ""
            text = (
                f"{count(len(orgs), 'company or organisation', 'companies and organisations')} from {name}: "
            )
            return self.reply(f"{text}{join(labels)}{more}.", cid, "answer", cues)
        # "Which Japanese directors are there?": people; "shot" there is a place, not a camera.
        role = role_of(cues - {"shoot"})
        if (cues & {"people"} or role) and not cues & {"list", "make", "count"}:
            people = self.brain.people_by_nationality.get(cid, [])
            if role:
                credited = [
                    p for p in people if any(r == role for r, _ in self.base.credits_of.get(p.id, ()))
                ]
                people = credited
            if not people:
                return self.unknown(
                    f"I don't know of anyone from {name} in that role: the fact base lists none.", cid, cues
                )
            self.cite(*[p.id for p in people[:MAX_LISTED]])
            labels = [self.describe(p.id) for p in people[:MAX_LISTED]]
            for p in people[:MAX_LISTED]:
                self.name(p.id)
            return self.reply(
                f"{count(len(people), 'person', 'people')} from {name}: {join(labels)}.", cid, "answer", cues
            )
        if asks_films or self.question.years or self.question.genres or role_of(cues):
            return self.listing(entities, cues)
        lines = [f"{name} — a country" + (f" in {country.region}." if country.region else ".")]
        involved = self.brain.films_by_country.get(cid, {})
        if involved:
            items = [self._item(f, "; ".join(notes)) for f, notes in list(involved.items())[:MAX_LISTED]]
            lines.append(f"Films involving {name}: {join(items)}.")
        orgs = self.brain.organisations_by_country.get(cid, [])
        if orgs:
            lines.append(
                f"Companies and organisations: {join([self.name(o.id) for o in orgs[:MAX_LISTED]])}."
            )
        people = self.brain.people_by_nationality.get(cid, [])
        if people:
            lines.append(f"People: {join([self.name(p.id) for p in people[:MAX_LISTED]])}.")
        if len(lines) == 1:
            lines.append(f"The fact base names no film, company or person from {name}.")
        return self.reply("\n".join(lines), cid, "answer", cues)

    def _about_place(self, pid: str, entities: list[str], cues: frozenset[str]) -> Outcome:
        place: m.Place = self.base.by_id[pid]
        if cues & {"list", "make", "count", "shoot", "set", "location", "release"} or self.question.years:
            return self.listing(entities, cues)
        name = self.name(pid)
        kind = {"city": "a city", "region": "a region", "country-side": "a country-side area"}[place.kind]
        lines = [f"{name}, {kind}" + (f" in {self.name(place.country)}." if place.country else ".")]
        for field_name, phrase in (("locations", "Films shot there"), ("settings", "Films set there")):
            films = self.brain.films_by_place[field_name].get(pid, [])
            if films:
                lines.append(f"{phrase}: {join([self._item(f.id) for f in films[:MAX_LISTED]])}.")
        festivals = self.brain.festivals_by_place.get(pid, [])
        if festivals:
            lines.append(f"Festivals: {join([self.name(f.id) for f in festivals])}.")
        for film in self.brain.films_found_in.get(pid, []):
            lines.append(f"A print of {self.name(film.id)} was found there in {film.archive.found_year}.")
        return self.reply("\n".join(lines), pid, "answer", cues)

    def _about_festival(self, fid: str, entities: list[str], cues: frozenset[str]) -> Outcome:
        festival: m.Festival = self.base.by_id[fid]
        if cues & {"list", "count"}:
            return self.listing(entities, cues)
        name = self.name(fid)
        where = self.name(festival.city) + ", " if festival.city else ""
        also = f" ({join(festival.aliases, 'or')})" if festival.aliases else ""
        lines = [f"{name}{also}, in {where}{self.name(festival.country)}. {festival.summary}"]
        if festival.prizes:
            lines.append(f"Prizes: {join(festival.prizes)}.")
        films = self.brain.films_by_festival.get(fid, [])
        if films:
            items = [
                self._item(f.id)
                + (f", which won {f.premiere.prize}" if f.premiere and f.premiere.prize else "")
                for f in films[:MAX_LISTED]
            ]
            lines.append(f"Films that premiered there: {join(items)}.")
        return self.reply("\n".join(lines), fid, "answer", cues)

    def _about_event(self, eid: str, entities: list[str], cues: frozenset[str]) -> Outcome:
        event: m.Event = self.base.by_id[eid]
        if cues & {"list", "count"}:
            return self.listing(entities, cues)
        name = self.name(eid)
        if "when" in cues:
            when = f"lasted from {event.start} to {event.end}" if event.end else f"was in {event.start}"
            lines = [f"{self._the(name)} {when}. {event.summary}"]
        else:
            when = f"{event.start}–{event.end}" if event.end else f"{event.start}"
            lines = [f"{name} ({when}). {event.summary}"]
        films = self.brain.films_by_event.get(eid, [])
        if films:
            lines.append(f"Films tied to it: {join([self._item(f.id) for f in films[:MAX_LISTED]])}.")
        if "after" in cues:
            later = sorted(
                (e for e in self.base.facts.events if e.start > (event.end or event.start)),
                key=lambda e: e.start,
            )[:3]
            if later:
                self.cite(*[e.id for e in later])
                labels = [f"{self.name(e.id)} ({e.start})" for e in later]
                lines.append(f"Next in the fact base's timeline: {join(labels)}.")
        return self.reply("\n".join(lines), eid, "answer", cues)

    def _about_term(self, tid: str, entities: list[str], cues: frozenset[str]) -> Outcome:
        term: m.Term = self.base.by_id[tid]
        name = self.name(tid)
        also = f" (also {join(term.aliases, 'or')})" if term.aliases else ""
        lines = [f"{name}{also}: {term.definition}"]
        if term.members:
            self.cite(*term.members)
            lines.append(f"It groups {join([self.name(e) for e in term.members])}.")
        if term.month:
            lines.append(f"It takes place every {term.month}.")
        films = self.brain.films_mentioning(tid)
        if films:
            lines.append(
                f"Films the fact base ties to it: {join([self._item(f) for f in films[:MAX_LISTED]])}."
            )
        return self.reply("\n".join(lines), tid, "answer", cues)

    # -- listings -------------------------------------------------------------------------------
    def _item(self, film_id: str, note: str | None = None) -> str:
        film = self.brain.film(film_id)
        if film_id not in self.named:
            self.named.append(film_id)
        self.cite(film_id)
        return f"{film.title} ({film.year}{', ' + note if note else ''})"

    def listing(self, entities: list[str], cues: frozenset[str]) -> Outcome:
        """Films meeting every condition named: people, companies, places, years, genres."""
        q = self.question
        filters = [self._filter(e, cues) for e in entities]
        filters += [
            _Filter(f"that came out in {y}", {f.id: None for f in self.brain.films_in_year.get(y, [])})
            for y in q.years
        ]
        for decade in q.decades:
            films = {
                f.id: None for y in range(decade, decade + 10) for f in self.brain.films_in_year.get(y, [])
            }
            filters.append(_Filter(f"from the {decade}s", films))
        genre_films = None
        for genre in q.genres:
            ids = {f.id for f in self.brain.films_by_genre.get(genre, [])}
            genre_films = ids if genre_films is None else genre_films & ids
        adjective = " ".join(g.replace("-", " ") for g in q.genres)
        if not filters and genre_films is None:
            return self.not_known(self.unknown_words, cues)

        # A person asked about in a role the base never gives them: say what they did do.
        if len(filters) == 1 and filters[0].missing_role and filters[0].entity:
            pid = filters[0].entity
            credits = self._credits(pid)
            text = f"I don't know of any film {self.name(pid)} {filters[0].missing_role}: the fact base has none."
            if credits:
                text += (
                    f" It credits {self.name(pid)} on {join([self._item(f, n) for f, n in credits.items()])}."
                )
            return self.unknown(text, pid, cues)

        kept: list[str] | None = None
        for flt in filters:
            kept = list(flt.films) if kept is None else [f for f in kept if f in flt.films]
        if kept is None:
            kept = list(genre_films or ())
        if genre_films is not None:
            kept = [f for f in kept if f in genre_films]
        kept.sort(key=lambda f: (self.brain.film(f).year, self.brain.film(f).title))
        noted = [flt for flt in filters if any(flt.films.values())]
        notes = noted[0].films if len(noted) == 1 else {}
        phrases = " ".join(
            flt.phrase if i == 0 or flt.phrase.startswith(("that", "from")) else f"and {flt.phrase}"
            for i, flt in enumerate(filters)
        )
        noun = f"{adjective} film" if adjective else "film"
        subject = kept[0] if len(kept) == 1 else next((e for e in entities), None)
        self.cite(*[e for e in entities])
        countries = [e for e in entities if self.brain.kind(e) == "country"]
        wants_events = bool(cues & {"event", "audience"}) or not (cues & _FILM_LIST_CUES or q.genres)
        events = ""
        if wants_events and len(countries) == len(entities) and (q.years or q.decades):
            events = self._events_of(q.years, q.decades, countries)
        if not kept:
            text = f"I don't know of any {noun} {phrases}: the fact base has none.".replace("  ", " ")
            if events:
                return self.reply(
                    f"{events}\nThe fact base has no {noun} {phrases}.", subject, "answer", cues
                )
            text = text.replace(" :", ":")
            near = self._set_not_shot(filters)
            return self.unknown(f"{text} {near}" if near else text, subject, cues)
        shown = [self._item(f, notes.get(f)) for f in kept[:MAX_LISTED]]
        more = f" and {len(kept) - MAX_LISTED:,} more" if len(kept) > MAX_LISTED else ""
        head = f"{count(len(kept), noun)} {phrases}".rstrip()
        text = f"{head}: {', '.join(shown) + more if more else join(shown)}."
        text = text[0].upper() + text[1:]
        if events:
            text = f"{events}\n{text}" if cues & {"event", "audience"} else f"{text}\n{events}"
        return self.reply(text, subject, "answer", cues)

    def _events_of(
        self, years: Sequence[int], decades: Sequence[int] = (), countries: Sequence[str] = ()
    ) -> str:
        """`In 2016: THAAD missile crisis (2016), the dispute that ...`, or nothing."""
        spans = [(y, y) for y in years] + [(d, d + 9) for d in decades]
        events = [
            e
            for e in self.base.facts.events
            if any(e.start <= last and (e.end or e.start) >= first for first, last in spans)
        ]
        if countries:
            events = [e for e in events if set(e.countries) & set(countries)] or events
        if not events:
            return ""
        self.cite(*[e.id for e in events])
        labels = [
            f"{self.name(e.id)} ({e.start}–{e.end})" if e.end else f"{self.name(e.id)} ({e.start})"
            for e in events
        ]
        when = join([str(y) for y in years] + [f"the {d}s" for d in decades])
        if len(events) == 1:
            summary = events[0].summary
            return f"In {when}: {labels[0]}. {summary}"
        return f"In {when}: {join(labels[:MAX_LISTED])}."

    def _set_not_shot(self, filters: list[_Filter]) -> str:
        """For "shot in X" that finds nothing: the films set there, whose shooting the base leaves out."""
        shot = [f for f in filters if f.phrase.startswith("shot in ") and f.entity]
        if len(shot) != 1:
            return ""
        set_there = {f.id for f in self.brain.films_by_place["settings"].get(shot[0].entity, [])}
        for flt in filters:
            if flt is not shot[0]:
                set_there &= set(flt.films)
        if not set_there:
            return ""
        items = [self._item(f) for f in sorted(set_there, key=lambda f: self.brain.film(f).year)[:MAX_LISTED]]
        where = self.base.label(shot[0].entity)
        if len(items) == 1:
            return f"It does not say where {items[0]} was shot, but its story is set in {where}."
        return f"It does not say where these were shot, but their stories are set in {where}: {join(items)}."

    def _filter(self, entity_id: str, cues: frozenset[str]) -> _Filter:
        kind = self.brain.kind(entity_id)
        name = self.name(entity_id)
        words = self.question.residue
        if kind == "person":
            role = role_of(cues)
            credits: dict[str, list[str]] = {}
            for film_role, film in self.base.credits_of.get(entity_id, ()):
                if role is None or film_role == role:
                    credits.setdefault(film.id, []).append(_ROLE_LABEL[film_role])
            if role:
                missing = None if credits else _ROLE_VERB[role]
                return _Filter(
                    _ROLE_PHRASE[role].format(name), {f: None for f in credits}, entity_id, missing
                )
            return _Filter(f"with {name}", {f: join(r) for f, r in credits.items()}, entity_id)
        if kind == "organisation":
            role = company_role_of(words)
            films: dict[str, list[str]] = {}
            for credit_role, film in self.base.films_of_organisation.get(entity_id, ()):
                if role is None or credit_role == role:
                    films.setdefault(film.id, []).append(credit_role)
            phrase = _COMPANY_PHRASE[role].format(name) if role else f"with {name}"
            return _Filter(phrase, {f: (None if role else join(r)) for f, r in films.items()}, entity_id)
        if kind == "country" and entity_id in self.question.adjectival:
            involved = self.brain.films_by_country.get(entity_id, {})
            return _Filter(f"involving {name}", {f: "; ".join(n) for f, n in involved.items()}, entity_id)
        if kind in ("country", "place"):
            if cues & {"shoot", "location"} or (kind == "place" and not cues & {"set"}):
                field_name, phrase = "locations", f"shot in {name}"
                if kind == "place" and not cues & {"shoot", "location"}:
                    shot = self.brain.films_by_place["locations"].get(entity_id, [])
                    set_in = self.brain.films_by_place["settings"].get(entity_id, [])
                    films_at = {f.id: "shot there" for f in shot}
                    for f in set_in:
                        films_at[f.id] = "shot and set there" if f.id in films_at else "set there"
                    return _Filter(f"shot or set in {name}", films_at, entity_id)
            elif cues & {"set"}:
                field_name, phrase = "settings", f"set in {name}"
            else:
                involved = self.brain.films_by_country.get(entity_id, {})
                return _Filter(f"involving {name}", {f: "; ".join(n) for f, n in involved.items()}, entity_id)
            films_at = {f.id: None for f in self.brain.films_by_place[field_name].get(entity_id, [])}
            return _Filter(phrase, films_at, entity_id)
        if kind == "festival":
            films_there = {f.id: None for f in self.brain.films_by_festival.get(entity_id, [])}
            return _Filter(f"that premiered at the {name}", films_there, entity_id)
        if kind == "event":
            the = self._the(name)
            return _Filter(
                f"tied to {the[0].lower()}{the[1:]}",
                {f.id: None for f in self.brain.films_by_event.get(entity_id, [])},
                entity_id,
            )
        if kind == "term":
            members = {e: None for e in self.base.by_id[entity_id].members if self.brain.kind(e) == "film"}
            return _Filter(f"grouped as {name}", members, entity_id)
        return _Filter(f"named {name}", {entity_id: None}, entity_id)


def film_intent(cues: frozenset[str], other_kinds: set[str]) -> str:
    """Which fact about a film a question asks for, from its cues and the other names in it."""
    c = cues
    if "art" in c:
        return "art"
    if "cinematography" in c:
        return "cinematographer"
    if "where" in c:
        if "make" in c and not c & {"shoot", "location"}:
            return "countries"  # "where was Tyrant made": the countries that made it
        if "set" in c:
            return "setting"
        if "premiere" in c:
            return "premiere"
        if "archive" in c:
            return "archive"
        return "location"
    if "shoot" in c:
        if "when" in c:
            return "release"
        if "who" in c or not other_kinds & {"place", "country"}:
            return "cinematographer"
        return "location"
    if "set" in c or "location" in c:
        return "setting" if "set" in c else "location"
    if "audience" in c or ("count" in c and not role_of(c) and not c & {"company", "country", "coproduce"}):
        return "audience"
    if "budget" in c:
        return "budget"
    if "title" in c:
        return "title"
    if "country" in c or ("coproduce" in c and "company" not in c and "country" in other_kinds):
        return "countries"
    if "company" in c or "coproduce" in c:
        return "companies"
    if "produce" in c:
        return "producers"
    if "direct" in c or ("make" in c and "who" in c):
        return "director"
    if "write" in c:
        return "writer"
    if "person" in other_kinds and not c & {"release", "based", "remake", "premiere", "archive", "genre"}:
        return "involvement"
    if "cast" in c:
        return "cast"
    if "remake" in c:
        return "remake"
    if "based" in c:
        return "based"
    if "premiere" in c:
        return "premiere"
    if "archive" in c:
        return "archive"
    if "genre" in c:
        return "genre"
    if "language" in c:
        return "language"
    if "release" in c or "when" in c:
        return "release"
    if "organisation" in other_kinds:
        return "companies"
    if "country" in other_kinds:
        return "countries"
    if other_kinds & {"place"}:
        return "location"
    if "festival" in other_kinds:
        return "premiere"
    if "summary" in c and "card_about" not in c:
        return "summary"
    if "who" in c and "card" not in c:
        return "cast"
    return "card"


def _pronoun_kind(pronoun: str | None) -> str | None:
    return PRONOUNS.get(pronoun) if pronoun else None


def _version_note(member: m.CastMember) -> str:
    return f" ({_VERSION[member.version]})" if member.version else ""


def _money(amount: int) -> str:
    for size, word in ((1_000_000_000, "billion"), (1_000_000, "million")):
        if amount >= size and amount % (size // 10) == 0:
            return f"{amount / size:g} {word}"
    return f"{amount:,}"


def _long_date(text: str) -> str:
    """`2025-04-03` -> `3 April 2025`."""
    year, _, rest = text.partition("-")
    month, _, day = rest.partition("-")
    if month.isdigit() and 1 <= int(month) <= 12:
        return (
            f"{int(day)} {_MONTHS[int(month) - 1]} {year}"
            if day.isdigit()
            else f"{_MONTHS[int(month) - 1]} {year}"
        )
    return text


def _date(text: str) -> str:
    """`1964-07` -> `July 1964`; a bare year stays as it is."""
    year, _, month = text.partition("-")
    if month.isdigit() and 1 <= int(month) <= 12:
        return f"{_MONTHS[int(month) - 1]} {year}"
    return year


def kind_words() -> dict[str, str]:
    """Words naming a kind of entity ("the film", "the studio"), for answering a clarification."""
    return dict(_KIND_WORDS)


def respond(
    brain: Brain, question: Question, memory: Memory, forced: dict[int, str] | None = None
) -> Outcome:
    """Answer a parsed question from the fact base, given what the conversation remembers."""
    return _Answer(brain, question, memory, dict(forced or {})).run()
