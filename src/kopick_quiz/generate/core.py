"""What every template shares: the draft a template returns, lookups, ids, tags and difficulty.

Difficulty (1 easy .. 5 hard) is `RELATION_LEVEL[relation]`, then
+1 when the fact is a passing mention (the film, or every film of the person or company, is not
one the source profiles), +1 for multi, number, reverse and order questions, -1 for choice and
true/false questions (recognising is easier than recalling), clamped to 1..5.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from ..facts import model as m
from ..facts.base import FactBase
from ..grading.normalise import normalise
from ..questions import QType, Question, Tolerance

# The topics a recipe can choose (packs/model.py Recipe.topics).
TOPICS = ("films", "people", "organisations", "context")

RELATION_LEVEL = {
    "director": 2,
    "studio": 2,
    "year": 2,
    "country": 2,
    "based-on": 2,
    "genre": 2,
    "nationality": 2,
    "founder": 2,
    "producer": 3,
    "writer": 3,
    "cast": 3,
    "character": 3,
    "location": 3,
    "setting": 3,
    "premiere": 3,
    "prize": 3,
    "budget": 3,
    "audience": 3,
    "archive": 3,
    "event": 3,
    "language": 3,
    "spouse": 3,
    "term": 3,
    "cinematographer": 4,
    "art-director": 4,
}
TEMPLATE_STEP = {"multi": 1, "number": 1, "reverse": 1, "order": 1, "choice": -1, "true": -1, "false": -1}

# The tag naming each relation's topic, as a teacher would filter by it.
RELATION_TAG = {
    "director": "directors",
    "producer": "producers",
    "writer": "writers",
    "cinematographer": "crew",
    "art-director": "crew",
    "cast": "cast",
    "character": "cast",
    "studio": "studios",
    "country": "countries",
    "based-on": "adaptations",
    "location": "places",
    "setting": "places",
    "year": "years",
    "budget": "box-office",
    "audience": "box-office",
    "premiere": "festivals",
    "prize": "festivals",
    "archive": "archive",
    "nationality": "people",
    "spouse": "people",
    "founder": "companies",
    "event": "events",
    "term": "terms",
    "language": "languages",
    "genre": "genres",
}

ID_MAX = 120
_ID_OK = re.compile(r"^[a-z0-9]+(?:[-.][a-z0-9]+)*$")
# Text that must never reach a student: an unfilled slot, a Python None, doubled words or spaces.
_BAD_TEXT = re.compile(r"[{}]|\bNone\b|\s\s|\(\)|\s[,.?!]|(?<![\w'-])(\w+) \1(?![\w'-])", re.IGNORECASE)


class Skip(Exception):
    """A template cannot ask this fact unambiguously; the question is left out."""


@dataclass(frozen=True)
class Draft:
    """A generated question with what a recipe filters by."""

    question: Question
    relation: str | None
    topic: str
    films: tuple[str, ...] = ()


def stable_hash(*parts: str) -> int:
    """A hash of text that is the same in every run and on every machine."""
    data = "\x1f".join(parts).encode()
    return int.from_bytes(hashlib.sha256(data).digest()[:8], "big")


def question_id(*parts: str) -> str:
    """`the-medium.director.short` from its parts; over-long ids end in a short stable hash."""
    qid = ".".join(p for p in parts if p)
    if len(qid) > ID_MAX:
        digest = f"{stable_hash(qid):016x}"[:10]
        qid = qid[: ID_MAX - 11].rstrip("-.") + "-" + digest
    return qid


def decade(year: int) -> str:
    return f"{year // 10 * 10}s"


def bad_text(text: str, names: Iterable[str] = ()) -> str | None:
    """What is wrong with a prompt or choice text, or None when it reads well.

    `names` are the names the text may quote: a doubled word inside one (Run Run Shaw) is fine.
    """
    if not text or not text.strip():
        return "empty"
    if text != text.strip():
        return "untrimmed"
    for match in _BAD_TEXT.finditer(text):
        found = match.group()
        if match.group(1) and any(found.lower() in n.lower() for n in names):
            continue
        return f"contains {found!r}"
    return None


@dataclass
class Ctx:
    """The fact base with the extra indexes the templates need."""

    base: FactBase
    rejected: list[tuple[str, str]] = field(default_factory=list)

    # -- names --------------------------------------------------------------------------------
    @cached_property
    def owners(self) -> dict[tuple[str, str], set[str]]:
        """(kind, folded name) -> ids of the entities answering to it."""
        out: dict[tuple[str, str], set[str]] = defaultdict(set)
        for n in self.base.names:
            out[(n.kind, normalise(n.text))].add(n.entity_id)
        return out

    def folded_names(self, entity_id: str) -> set[str]:
        """Every folded name (main and aliases) of an entity."""
        names = {normalise(self.base.label(entity_id))}
        names.update(normalise(a) for a in self.base.aliases(entity_id))
        return names

    @cached_property
    def doubled_names(self) -> tuple[str, ...]:
        """Names with a doubled word in them (Run Run Shaw): text quoting them is not a typo."""
        return tuple(n.text for n in self.base.names if re.search(r"\b(\w+) \1\b", n.text, re.IGNORECASE))

    @cached_property
    def proper_words(self) -> frozenset[str]:
        """Capitalised words that are names or nationalities (`Korean`, `Japanese`, `Seoul`), never common words."""
        words: set[str] = set()
        texts = [n.text for n in self.base.names if n.kind in ("person", "place", "country")]
        texts += [c.adjective for c in self.base.facts.countries]
        for text in texts:
            words.update(w for w in text.split() if w[:1].isupper())
        # Of a company's or festival's name only the first word is surely a name (Bucheon, not Festival).
        words.update(n.text.split()[0] for n in self.base.names if n.kind in ("organisation", "festival"))
        return frozenset(words)

    def lower_first(self, text: str) -> str:
        """`The war during ...` -> `the war during ...` inside a sentence; names and acronyms stay."""
        word = text.split(" ", 1)[0]
        bare = re.sub(r"'s$|'$", "", word)
        if word in ("The", "A", "An") or (
            word[:1].isupper() and word[1:].islower() and bare not in self.proper_words
        ):
            return text[:1].lower() + text[1:]
        return text

    def event(self, entity_id: str) -> str:
        """An event's name inside a sentence: `the Korean War`, `the box-office boom`."""
        from .english import the_name

        return the_name(self.ref(entity_id), self.proper_words)

    def ref(self, entity_id: str) -> str:
        """The name to print for an entity in a prompt (`the Korean Film Archive`); Skip when another of its kind shares it."""
        from .english import definite

        item = self.base.get(entity_id)
        if isinstance(item, m.Film):
            return self.film(item)
        kind = self.base.kind_of[entity_id]
        label = self.base.label(entity_id)
        if self.owners[(kind, normalise(label))] != {entity_id}:
            raise Skip(f"'{label}' names several {kind} entities")
        return definite(label, kind)

    def film(self, film: m.Film) -> str:
        """`The Medium (2021)`; with the director too if another film has the same title and year."""
        twins = [
            f
            for f in self.base.films_by_title.get(normalise(film.title), [])
            if f.id != film.id and f.year == film.year
        ]
        label = self.base.film_label(film)
        if not twins:
            return label
        by = self.names(film.directors)
        if by and all(not set(t.directors) & set(film.directors) for t in twins):
            return f"{film.title} ({film.year}, directed by {by})"
        raise Skip(f"'{label}' names several films")

    def title(self, film: m.Film) -> str:
        """The bare title, for questions whose answer is the year; Skip when it names several films."""
        others = [f for f in self.base.films_by_title.get(normalise(film.title), []) if f.id != film.id]
        if others or str(film.year) in film.title:
            raise Skip(f"the title '{film.title}' does not name one film without its year")
        return film.title

    def names(self, ids: Iterable[str]) -> str:
        from .english import join

        return join([self.base.label(i) for i in ids])

    def label(self, entity_id: str) -> str:
        return self.base.label(entity_id)

    # -- relations ----------------------------------------------------------------------------
    @cached_property
    def films_by_id(self) -> dict[str, m.Film]:
        return {f.id: f for f in self.base.films}

    @cached_property
    def related(self) -> dict[str, set[str]]:
        """Entities the base ties together: by reference, or by naming one in the other's text.

        A distractor drawn from these could be true in the world even if the base does not say so
        (an actor the source leaves out of a cast list), so relations the source may list only in
        part never take distractors from them.
        """
        out: dict[str, set[str]] = defaultdict(set)

        def link(a: str, b: str) -> None:
            if a != b:
                out[a].add(b)
                out[b].add(a)

        for item_id, item in self.base.by_id.items():
            for ref in _refs(item):
                if ref in self.base.by_id:
                    link(item_id, ref)
        for film in self.base.films:
            group = [r for r in _refs(film) if r in self.base.by_id]
            for a in group:
                for b in group:
                    link(a, b)
        mentions = self._mentions()
        for item_id, ids in mentions.items():
            for other in ids:
                link(item_id, other)
        return dict(out)

    def _mentions(self) -> dict[str, set[str]]:
        """id -> ids of the entities its summary, notes or definition name."""
        patterns: list[tuple[re.Pattern[str], str]] = []
        for n in self.base.names:
            folded = normalise(n.text)
            if len(folded) >= 4:
                patterns.append((re.compile(r"\b" + re.escape(folded) + r"\b"), n.entity_id))
        out: dict[str, set[str]] = defaultdict(set)
        for item_id, item in self.base.by_id.items():
            texts = [getattr(item, a, None) for a in ("summary", "definition")]
            texts.extend(getattr(item, "notes", []) or [])
            folded_text = " | ".join(normalise(t) for t in texts if t)
            if not folded_text:
                continue
            for pattern, other in patterns:
                if other != item_id and pattern.search(folded_text):
                    out[item_id].add(other)
        return out

    def is_related(self, a: str, b: str) -> bool:
        return b in self.related.get(a, ())

    @cached_property
    def profiled_people(self) -> set[str]:
        """People and companies credited on a film the source profiles."""
        out: set[str] = set()
        for film in self.base.films:
            if film.profiled:
                out.update(_refs(film))
        return out

    @cached_property
    def latest_year(self) -> int:
        """The newest year the base can speak of: its sources' dates (else its newest film)."""
        years = [int(s.date[:4]) for s in self.base.facts.sources if s.date and s.date[:4].isdigit()]
        if not years:
            years = [f.year for f in self.base.films]
        return max(years, default=2025)

    @cached_property
    def film_years(self) -> dict[str, list[int]]:
        """id -> the years of the films it is credited on or tied to."""
        out: dict[str, list[int]] = defaultdict(list)
        for film in self.base.films:
            for ref in set(_refs(film)):
                out[ref].append(film.year)
        return dict(out)

    def years_of(self, entity_id: str) -> list[int]:
        """The years of the films an entity is credited on."""
        return self.film_years.get(entity_id, [])

    # -- building -----------------------------------------------------------------------------
    def attempt(self, build: Callable[[], Iterable[Draft] | Draft | None]) -> list[Draft]:
        """Run one template; a Skip or a badly formed result leaves the question out."""
        try:
            result = build()
        except Skip as exc:
            self.rejected.append((getattr(build, "__name__", "?"), str(exc)))
            return []
        if result is None:
            return []
        drafts = [result] if isinstance(result, Draft) else list(result)
        kept = []
        for d in drafts:
            problem = _problem(d.question, self.doubled_names)
            if problem:
                self.rejected.append((d.question.id, problem))
            else:
                kept.append(d)
        return kept

    def make(
        self,
        qid: str,
        qtype: QType,
        prompt: str,
        answers: Iterable[str],
        *,
        relation: str | None,
        topic: str,
        subject: str,
        source: str,
        explanation: str,
        films: Iterable[str] = (),
        kind: str | None = None,
        choices: Iterable[str] = (),
        tolerance: Tolerance | None = None,
        template: str = "short",
        level: int | None = None,
        passing: bool = False,
        tags: Iterable[str] = (),
        hint: str | None = None,
    ) -> Draft:
        """One question with its tags and difficulty worked out."""
        films = tuple(dict.fromkeys(films))
        base_level = level if level is not None else RELATION_LEVEL.get(relation or "", 3)
        difficulty = base_level + (1 if passing else 0) + TEMPLATE_STEP.get(template, 0)
        all_tags: list[str] = list(films)
        for fid in films:
            film = self.films_by_id.get(fid)
            if film is not None:
                all_tags.append(decade(film.year))
                all_tags.extend(film.countries)
        all_tags.append(topic)
        if relation and relation in RELATION_TAG:
            all_tags.append(RELATION_TAG[relation])
        all_tags.extend(tags)
        question = Question(
            id=qid,
            pack="",
            type=qtype,
            prompt=prompt,
            answers=tuple(answers),
            choices=tuple(choices),
            tolerance=tolerance or Tolerance(),
            kind=kind,
            explanation=explanation,
            hint=hint,
            tags=tuple(dict.fromkeys(t for t in all_tags if t)),
            difficulty=max(1, min(5, difficulty)),
            source=source,
            subject=subject,
        )
        return Draft(question, relation, topic, films)


def _refs(item: Any) -> Iterator[str]:
    """Every id an entity refers to (through nested records too), its source excepted."""
    for name, value in item:
        if name in ("id", "source"):
            continue
        yield from _ref_values(name, value)


_REF_FIELDS = {
    "nationality",
    "spouse",
    "country",
    "countries",
    "city",
    "part_of",
    "members",
    "person",
    "organisation",
    "creator",
    "film",
    "festival",
    "found_by",
    "found_at",
    "found_in",
    "directors",
    "producers",
    "writers",
    "cinematographers",
    "art_directors",
    "remake_of",
    "locations",
    "settings",
    "context",
}


def _ref_values(name: str, value: Any) -> Iterator[str]:
    if isinstance(value, str):
        if name in _REF_FIELDS:
            yield value
    elif isinstance(value, list):
        for v in value:
            yield from _ref_values(name, v)
    elif isinstance(value, m.Model):
        for sub, v in value:
            yield from _ref_values(sub, v)


def refs(item: Any) -> set[str]:
    return set(_refs(item))


def _problem(q: Question, names: Iterable[str] = ()) -> str | None:
    if not _ID_OK.match(q.id) or len(q.id) > ID_MAX:
        return f"bad id {q.id!r}"
    for text in (q.prompt, *q.choices, *q.answers):
        problem = bad_text(text, names)
        if problem:
            return f"{problem} in {text!r}"
    if not q.answers:
        return "no answer"
    if q.type in ("choice",):
        folded = [normalise(c) for c in q.choices]
        if len(set(folded)) != len(folded) or q.answers[0] not in q.choices:
            return "choices repeat or miss the answer"
    return None
