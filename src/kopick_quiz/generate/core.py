"""What every template shares: the draft a template returns, lookups, ids, tags and difficulty.

Difficulty (1 easy .. 5 hard) is `RELATION_LEVEL[relation]`, then
+1 when the fact is a passing mention (the film, or every film of the person or company, is not
one the source profiles), +1 for multi, number, reverse and order questions, -1 for choice and
true/false questions (recognising is easier than recalling), clamped to 1..5.
"""

from __future__ import annotations

import bisect
import hashlib
import re
import types
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Annotated, Any, Literal, NamedTuple, Union, get_args, get_origin

from ..facts import model as m
from ..facts import records
from ..facts.base import KIND_OF_SECTION, FactBase
from ..questions import QType, Question, Tolerance
from ..text import _ARTICLES, _ASCII, normalise  # _fold_all folds as normalise does

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

_MISSING = object()
_sha256 = hashlib.sha256
_EXACT = Tolerance()
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


# ASCII characters that cannot be part of a word (\w), after lower-casing.
_NOT_WORD = {c: " " for c in range(128) if not (chr(c).isalnum() or chr(c) == "_")}


@lru_cache(maxsize=1 << 16)
def _surely_clean(text: str) -> bool:
    """True when `_BAD_TEXT` cannot match `text`: a few string checks instead of the regex.

    Only for ASCII text, where lower-casing is what IGNORECASE does; anything that might match
    (a brace, "none", "()", spacing other than single spaces, a space before punctuation, two
    neighbouring words alike) is left to the regex.
    """
    if not text.isascii():
        return False
    low = text.lower()
    if "{" in low or "}" in low or "none" in low or "()" in low:
        return False
    if " ".join(text.split()) != text or " ," in text or " ." in text or " ?" in text or " !" in text:
        return False
    words = low.translate(_NOT_WORD).split()
    return not any(map(str.__eq__, words, words[1:]))


def decade(year: int) -> str:
    return f"{year // 10 * 10}s"


def bad_text(text: str, names: Iterable[str] | DoubledNames = ()) -> str | None:
    """What is wrong with a prompt or choice text, or None when it reads well.

    `names` are the names the text may quote: a doubled word inside one (Run Run Shaw) is fine.
    """
    if not text or not text.strip():
        return "empty"
    if text != text.strip():
        return "untrimmed"
    if _surely_clean(text):
        return None
    for match in _BAD_TEXT.finditer(text):
        found = match.group()
        if match.group(1) and _quotes(names, found):
            continue
        return f"contains {found!r}"
    return None


def _quotes(names: Iterable[str] | DoubledNames, found: str) -> bool:
    """Whether a name with a doubled word in it contains `found` (ignoring case)."""
    if isinstance(names, DoubledNames):
        return names.quotes(found)
    return any(found.lower() in n.lower() for n in names)


# Ranking a whole pool for every question costs (pool size x questions), and the questions grow
# with the films: a pool is ranked whole while its size times the films stays within this budget
# (every pool of a base up to about 300 films). A larger pool is drawn from through its ring.
WHOLE_POOL_WORK = 150_000


class Pool:
    """Candidates of one kind for distractors, in the base's order.

    A `whole` pool is ranked whole for every question (the plain rendezvous hash). A larger one
    is walked from the question's own point on a ring (consistent hashing), so that a question
    looks at a few of its candidates whatever the size of the base (`choice.ranked`).
    """

    def __init__(
        self, items: Iterable[str], whole: bool = True, place: Callable[[str], int] | None = None
    ) -> None:
        self.ids = tuple(dict.fromkeys(items))
        self.whole = whole
        self._place = place or ring_point

    def __len__(self) -> int:
        return len(self.ids)

    @cached_property
    def _ring(self) -> tuple[list[int], list[str]]:
        place = self._place
        placed = sorted((place(i), i) for i in self.ids)
        return [p for p, _ in placed], [i for _, i in placed]

    def walk(self, point: int) -> Iterator[str]:
        """Every member once, clockwise on the ring from `point` (a key's `ring_point`)."""
        points, ids = self._ring
        start = bisect.bisect_left(points, point)
        # By index from `start - len`, wrapping through the negative ones: a question takes a
        # few members, and slicing the ring would copy all of it for each one.
        for i in range(start - len(ids), start):
            yield ids[i]


def ring_point(text: str) -> int:
    """`stable_hash("ring", text)`, spelt out: every id of a large pool is hashed once."""
    return int.from_bytes(_sha256(b"ring\x1f" + text.encode()).digest()[:8], "big")


def _group(items: Iterable[Any], keys: Callable[[Any], Iterable[Hashable]]) -> dict[Hashable, list[Any]]:
    """key -> the items with that key, in order; an item is listed once under each of its keys."""
    out: dict[Hashable, list[Any]] = defaultdict(list)
    for item in items:
        for key in dict.fromkeys(keys(item)):
            out[key].append(item)
    return dict(out)


# The pools a template can draw distractors from: name -> (section, the group keys of an item).
# `ctx.pool(name, key)` is the section's items under that key; `ctx.pool(name)` with no key is
# the whole section for groupings that give every item the key None.
POOL_GROUPS: dict[str, tuple[str, Callable[[Any], Iterable[Hashable]]]] = {
    "people": ("people", lambda p: (None,)),
    "people-role": ("people", lambda p: p.roles),
    "people-role-nationality": ("people", lambda p: [(r, p.nationality) for r in p.roles]),
    "people-nationality": ("people", lambda p: (p.nationality,)),
    "organisations": ("organisations", lambda o: (None,)),
    "organisations-kind": ("organisations", lambda o: (o.kind,)),
    "countries": ("countries", lambda c: (None,)),
    "countries-region": ("countries", lambda c: (c.region,)),
    "places-kind": ("places", lambda p: (p.kind,)),
    "festivals": ("festivals", lambda f: (None,)),
    "events": ("events", lambda e: (None,)),
    "events-kind": ("events", lambda e: (e.kind,)),
    "terms": ("terms", lambda t: (None,)),
    "films": ("films", lambda f: (None,)),
    "films-profiled": ("films", lambda f: (None,) if f.profiled else ()),
    "films-unprofiled": ("films", lambda f: () if f.profiled else (None,)),
    "films-adapted": ("films", lambda f: (None,) if f.based_on else ()),
    "films-decade": ("films", lambda f: (decade(f.year),)),
}


class DoubledNames:
    """The names of a base that have a doubled word in them (Run Run Shaw), found when first asked.

    A prompt with a doubled word is rare, and most of a base's names have none: `quotes` looks
    for the words in every name at once (one string of them all) and checks only the names they
    are in, instead of searching every name for a doubled word first.
    """

    def __init__(self, names: Callable[[], list[str]]) -> None:
        self._get = names
        self._joined: str | None = None

    def __iter__(self) -> Iterator[str]:
        return (t for t in self._get() if _DOUBLED.search(t))

    def quotes(self, found: str) -> bool:
        """Whether one of the names with a doubled word contains `found`, ignoring case."""
        names = self._get()
        if self._joined is None:
            lowered = [t.lower() for t in names]
            self._joined = "\n".join(lowered) if not any("\n" in t for t in lowered) else ""
        joined, wanted = self._joined, found.lower()
        if not joined:  # a name with a line break in it: one at a time
            return any(wanted in t.lower() and _DOUBLED.search(t) for t in names)
        at = joined.find(wanted)
        while at != -1:
            if _DOUBLED.search(names[joined.count("\n", 0, at)]):
                return True
            end = joined.find("\n", at)
            if end == -1:
                break
            at = joined.find(wanted, end)
        return False


class NameFinder:
    """Finds which names (already folded) a folded text contains as whole words.

    The same as searching the text for `\\bname\\b` with each name in turn, but one pass over the
    text's words: a folded text is words of letters and digits with single spaces between them.
    `names` maps each name to the ids answering to it: one id alone, or a collection of them.
    """

    def __init__(self, names: dict[str, Owned] | dict[str, set[str]]) -> None:
        self.names = names
        self.longest: dict[str, int] = {}
        for name in names:
            words = name.split(" ")
            self.longest[words[0]] = max(self.longest.get(words[0], 0), len(words))

    def find(self, folded: str) -> set[str]:
        """The ids of every name found in `folded`."""
        out: set[str] = set()
        words = folded.split()
        for i, word in enumerate(words):
            longest = self.longest.get(word)
            if longest is None:
                continue
            for n in range(1, longest + 1):
                ids = self.names.get(word if n == 1 else " ".join(words[i : i + n]))
                if isinstance(ids, str):
                    out.add(ids)
                elif ids:
                    out.update(ids)
        return out


# The ids answering to a folded name: one id alone (most names), or a tuple of several. Plain
# strings and tuples of them keep a million names out of the cycle collector's walks, which a
# set a name would not.
Owned = str | tuple[str, ...]


def _own(index: dict[str, Owned], name: str, entity_id: str) -> None:
    """Add `entity_id` to the ids answering to `name` (once)."""
    found = index.get(name)
    if found is None:
        index[name] = entity_id
    elif isinstance(found, str):
        if found != entity_id:
            index[name] = (found, entity_id)
    elif entity_id not in found:
        index[name] = (*found, entity_id)


class Owners:
    """(kind, folded name) -> the ids of the entities of that kind answering to it, as a set."""

    def __init__(self, by_kind: dict[str, dict[str, Owned]]) -> None:
        self._by_kind = by_kind

    def get(self, key: tuple[str, str], default: Any = None) -> Any:
        kind, folded = key
        found = self._by_kind.get(kind, {}).get(folded)
        if found is None:
            return default
        return {found} if isinstance(found, str) else set(found)

    def __getitem__(self, key: tuple[str, str]) -> set[str]:
        return self.get(key, set())


# Folds each of a base's names once: straight to the function, not through `normalise`'s cache,
# which a million names read once would only empty of what the templates fold again and again.
_fold_once = getattr(normalise, "__wrapped__", normalise)
_DOUBLED = re.compile(r"\b(\w+) \1\b", re.IGNORECASE)


# The ASCII folding of `normalise`, keeping the NUL that parts the names folded together.
_FOLD_ASCII = {**_ASCII, 0: "\x00"}


def _fold_all(texts: list[str]) -> list[str]:
    """`[normalise(t) for t in texts]`, the plain ASCII ones folded together in one string.

    What `normalise` does to ASCII text (lower case, punctuation to spaces, apostrophes dropped,
    spacing, a leading article) done to all of them at once, their own parts per name; text that
    is not ASCII, or has an apostrophe (`L'Avventura`: the article apart) goes to `normalise`.
    """
    out = list(texts)
    plain = []
    for i, text in enumerate(texts):
        if text.isascii() and "'" not in text and "\x00" not in text:
            plain.append(i)
        else:
            out[i] = _fold_once(text)
    if not plain:
        return out
    joined = "\x00".join([texts[i] for i in plain]).lower().translate(_FOLD_ASCII)
    for i, part in zip(plain, joined.split("\x00"), strict=True):
        spaced = " ".join(part.split())
        if spaced[:1] in ("t", "a"):
            for article in _ARTICLES:
                if spaced.startswith(article) and len(spaced) > len(article):
                    spaced = spaced[len(article) :]
                    break
        out[i] = spaced
    return out


def _texts(item: Any) -> str:
    """An entity's summary, definition and notes, folded and joined (what `is_related` reads)."""
    texts = [getattr(item, a, None) for a in ("summary", "definition")]
    texts.extend(getattr(item, "notes", []) or [])
    return " | ".join(normalise(t) for t in texts if t)


class _Refused(NamedTuple):
    """A name `ref` refused to print, kept as the reason."""

    why: str


class _Ties(NamedTuple):
    """What ties an entity to others, for `is_related`."""

    refs: frozenset[str]  # the ids it refers to
    films: frozenset[str]  # the films that refer to it
    mentions: frozenset[str]  # the entities its texts name


@dataclass
class Ctx:
    """The fact base with the extra indexes the templates need.

    Every index is built on first use, in one pass over what it indexes, so that asking about a few
    films of a large base builds only what those questions need.
    """

    base: FactBase
    rejected: list[tuple[str, str]] = field(default_factory=list)
    _cache: dict[Hashable, Any] = field(default_factory=dict, init=False, repr=False, compare=False)
    _folded_of: dict[str, frozenset[str]] = field(default_factory=dict, init=False, repr=False, compare=False)
    _ties_of: dict[str, _Ties | None] = field(default_factory=dict, init=False, repr=False, compare=False)
    _passed: dict[str, Draft] = field(default_factory=dict, init=False, repr=False, compare=False)
    _years: dict[str, list[int]] = field(default_factory=dict, init=False, repr=False, compare=False)
    _person_facts: dict[str, tuple[frozenset[str], str | None, list[int]]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _points: dict[str, int] = field(default_factory=dict, init=False, repr=False, compare=False)
    _refs: dict[str, str | _Refused] = field(default_factory=dict, init=False, repr=False, compare=False)
    _tags: dict[tuple[Any, ...], tuple[str, ...]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def _memo(self, key: Hashable, make: Callable[[], Any]) -> Any:
        found = self._cache.get(key, _MISSING)
        if found is _MISSING:
            found = self._cache[key] = make()
        return found

    # -- names --------------------------------------------------------------------------------
    @cached_property
    def _names(self) -> list[tuple[str, str, str]]:
        """(name, entity id, kind) of every name and alias, in the order of `base.names`.

        Read from the records as they are: `base.names` makes an object a name (a million at
        100,000 films), which costs more than everything done here with them.
        """
        base = self.base
        by_id, kind_of = base.by_id, base.kind_of
        sections = [(getattr(base.facts, s), k) for s, k in KIND_OF_SECTION.items() if k != "source"]
        if sum(len(items) for items, _ in sections) + len(base.facts.sources) != len(by_id):
            # an id given twice: `base.names` follows `by_id`, where the last of them stands
            sections = [([item], kind_of[i]) for i, item in by_id.items() if kind_of[i] != "source"]
        out: list[tuple[str, str, str]] = []
        add = out.append
        for items, kind in sections:
            title = kind == "film"
            for item in items:
                entity_id = item.id
                add((item.title if title else item.name, entity_id, kind))
                for text in item.aliases:
                    add((text, entity_id, kind))
                for text in item.variants:
                    add((text, entity_id, kind))
        return out

    @cached_property
    def _name_index(self) -> tuple[dict[str, dict[str, Owned]], dict[str, Owned]]:
        """Every name folded once: kind -> folded name -> ids, and (four letters or more) folded name -> ids."""
        by_kind: dict[str, dict[str, Owned]] = {}
        any_kind: dict[str, Owned] = {}
        for (_, entity_id, kind), folded in zip(self._names, _fold_all(self._name_texts), strict=True):
            names = by_kind.get(kind) or by_kind.setdefault(kind, {})
            # most names are one entity's alone: stored by the lookup itself
            if names.setdefault(folded, entity_id) is not entity_id:
                _own(names, folded, entity_id)
            if len(folded) >= 4 and any_kind.setdefault(folded, entity_id) is not entity_id:
                _own(any_kind, folded, entity_id)
        return by_kind, any_kind

    @cached_property
    def owners(self) -> Owners:
        """(kind, folded name) -> ids of the entities answering to it."""
        return Owners(self._name_index[0])

    def folded_names(self, entity_id: str) -> frozenset[str]:
        """Every folded name (main and aliases) of an entity."""
        found = self._folded_of.get(entity_id)
        if found is None:
            names = {normalise(self.base.label(entity_id))}
            names.update(normalise(a) for a in self.base.aliases(entity_id))
            found = self._folded_of[entity_id] = frozenset(names)
        return found

    @cached_property
    def once_names(self) -> dict[str, str]:
        """Names an explanation should not write twice (events' and films'), folded -> as written."""
        out: dict[str, str] = {}
        for text, _, kind in self._names:
            if kind in ("event", "film"):
                key = " ".join(re.findall(r"[a-z0-9]+", text.casefold()))
                if key:
                    out.setdefault(key, text)
        return out

    def fresh(self, *candidates: str) -> str:
        """The fullest of these explanations that says nothing twice (see `english.repetition`)."""
        from .english import fresh

        longest = 8  # words in a name looked for: titles run longer, but their first eight tell them apart
        found: set[str] = set()
        for text in candidates:
            tokens = re.findall(r"[a-z0-9]+", text.casefold())
            for i in range(len(tokens)):
                for j in range(i + 1, min(i + longest, len(tokens)) + 1):
                    name = self.once_names.get(" ".join(tokens[i:j]))
                    if name is not None:
                        found.add(name)
        return fresh(candidates, sorted(found))

    @cached_property
    def doubled_names(self) -> tuple[str, ...]:
        """Names with a doubled word in them (Run Run Shaw): text quoting them is not a typo."""
        return tuple(self._doubled)

    @cached_property
    def _doubled(self) -> DoubledNames:
        return DoubledNames(lambda: self._name_texts)

    @cached_property
    def _name_texts(self) -> list[str]:
        return [text for text, _, _ in self._names]

    @cached_property
    def proper_words(self) -> frozenset[str]:
        """Capitalised words that are names or nationalities (`Korean`, `Japanese`, `Seoul`), never common words."""
        words: set[str] = set()
        texts = []
        firsts = []
        for text, _, kind in self._names:
            if kind in ("person", "place", "country"):
                texts.append(text)
            elif kind in ("organisation", "festival"):
                firsts.append(text.split()[0])
        texts += [c.adjective for c in self.base.facts.countries]
        for text in texts:
            words.update(w for w in text.split() if w[:1].isupper())
        # Of a company's or festival's name only the first word is surely a name (Bucheon, not Festival).
        words.update(firsts)
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
        found = self._refs.get(entity_id)
        if found is None:
            try:
                found = self._ref(entity_id)
            except Skip as exc:
                found = _Refused(str(exc))  # the message only: an exception would keep its frames alive
            self._refs[entity_id] = found
        if isinstance(found, _Refused):
            raise Skip(found.why)
        return found

    def _ref(self, entity_id: str) -> str:
        from .english import definite

        item = self.base.get(entity_id)
        if isinstance(item, records.Film):
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
    def _cited_by_films(self) -> dict[str, list[m.Film]]:
        """id -> the films that refer to it (crew, cast, companies, places, sources of adaptations ...)."""
        return _group(self.base.films, _refs)

    def is_related(self, a: str, b: str) -> bool:
        """Whether the base ties `a` and `b` together: by reference, or by naming one in the other's text.

        A distractor drawn from these could be true in the world even if the base does not say so
        (an actor the source leaves out of a cast list), so relations the source may list only in
        part never take distractors from them. Two entities are tied when one refers to the other,
        when a film refers to both, or when the summary, notes or definition of one names the other.
        """
        if a == b:
            return False
        ta, tb = self._ties(a), self._ties(b)
        if ta is None or tb is None:
            return False
        return (
            b in ta.refs
            or a in tb.refs
            or not ta.films.isdisjoint(tb.films)
            or b in ta.mentions
            or a in tb.mentions
        )

    def _ties(self, entity_id: str) -> _Ties | None:
        """What ties an entity to others (None for an id the base does not have)."""
        found = self._ties_of.get(entity_id, _MISSING)
        if found is _MISSING:
            by_id = self.base.by_id
            item = by_id.get(entity_id)
            if item is None:
                found = None
            else:
                text = _texts(item)
                found = _Ties(
                    refs=frozenset(r for r in _refs(item) if r in by_id),
                    films=frozenset(f.id for f in self._cited_by_films.get(entity_id, ())),
                    mentions=frozenset(self._name_finder.find(text) - {entity_id}) if text else frozenset(),
                )
            self._ties_of[entity_id] = found
        return found  # type: ignore[return-value]

    @cached_property
    def _name_finder(self) -> NameFinder:
        """Every name (folded, four letters or more) -> the entities answering to it."""
        return NameFinder(self._name_index[1])

    def on_profiled_film(self, entity_id: str) -> bool:
        """Whether a film the source profiles credits (or otherwise refers to) this person or company."""
        return any(f.profiled for f in self._cited_by_films.get(entity_id, ()))

    @cached_property
    def latest_year(self) -> int:
        """The newest year the base can speak of: its sources' dates (else its newest film)."""
        years = [int(s.date[:4]) for s in self.base.facts.sources if s.date and s.date[:4].isdigit()]
        if not years:
            years = [f.year for f in self.base.films]
        return max(years, default=2025)

    def person_facts(self, person_id: str) -> tuple[frozenset[str], str | None, list[int]]:
        """What a person's plausibility as a distractor turns on: roles, nationality, film years."""
        found = self._person_facts.get(person_id)
        if found is None:
            person = self.base.get(person_id)
            found = (frozenset(person.roles), person.nationality, self.years_of(person_id))
            self._person_facts[person_id] = found
        return found

    def years_of(self, entity_id: str) -> list[int]:
        """The years of the films an entity is credited on or tied to."""
        found = self._years.get(entity_id)
        if found is None:
            found = self._years[entity_id] = [f.year for f in self._cited_by_films.get(entity_id, ())]
        return found

    # -- lookups: each built once, in one pass -------------------------------------------------
    @cached_property
    def films_by_year(self) -> dict[int, list[m.Film]]:
        return _group(self.base.films, lambda f: (f.year,))

    @cached_property
    def films_by_countries(self) -> dict[tuple[int, frozenset[str]], list[m.Film]]:
        """(year, the set of co-producing countries) -> films."""
        return _group(self.base.films, lambda f: ((f.year, frozenset(f.countries)),))

    @cached_property
    def films_by_country(self) -> dict[str, list[m.Film]]:
        """country id -> the films it co-produced."""
        return _group(self.base.films, lambda f: f.countries)

    @cached_property
    def people_by_nationality(self) -> dict[str | None, list[m.Person]]:
        return _group(self.base.people, lambda p: (p.nationality,))

    @cached_property
    def films_by_place(self) -> dict[tuple[str, str], list[m.Film]]:
        """("locations" or "settings", place or country id) -> films shot or set there."""
        return _group(
            self.base.films,
            lambda f: [("locations", p) for p in f.locations] + [("settings", p) for p in f.settings],
        )

    @cached_property
    def films_at_place(self) -> dict[str, list[m.Film]]:
        """place or country id -> the films shot or set there."""
        return _group(self.base.films, lambda f: (*f.locations, *f.settings))

    @cached_property
    def films_by_festival(self) -> dict[str, list[m.Film]]:
        """festival id -> the films that premiered there."""
        return _group(self.base.films, lambda f: (f.premiere.festival,) if f.premiere else ())

    @cached_property
    def films_by_event(self) -> dict[str, list[m.Film]]:
        """event id -> the films the source ties to it."""
        return _group(self.base.films, lambda f: f.context)

    @cached_property
    def films_by_archive(self) -> dict[str, list[m.Film]]:
        """organisation id -> the films whose print it found or held."""
        return _group(
            self.base.films, lambda f: (f.archive.found_by, f.archive.found_at) if f.archive else ()
        )

    @cached_property
    def remakes(self) -> dict[str, list[m.Film]]:
        """film id -> the films that remake it."""
        return _group(self.base.films, lambda f: (f.remake_of,) if f.remake_of else ())

    @cached_property
    def adaptations(self) -> dict[str, list[m.Film]]:
        """folded title of a work -> the films based on it."""
        return _group(self.base.films, lambda f: (normalise(f.based_on.title),) if f.based_on else ())

    @cached_property
    def works_by_creator(self) -> dict[str, list[m.Film]]:
        """person id -> the films based on a work of theirs."""
        return _group(
            self.base.films, lambda f: (f.based_on.creator,) if f.based_on and f.based_on.creator else ()
        )

    @cached_property
    def orgs_of_person(self) -> dict[str, list[tuple[m.Organisation, str]]]:
        """person id -> [(organisation, role)] in the base's order."""
        out: dict[str, list[tuple[m.Organisation, str]]] = defaultdict(list)
        for org in self.base.organisations:
            for link in org.people:
                out[link.person].append((org, link.role))
        return dict(out)

    @cached_property
    def places_by_country(self) -> dict[str | None, list[m.Place]]:
        return _group(self.base.facts.places, lambda p: (p.country,))

    @cached_property
    def summary_owners(self) -> dict[str, list[str]]:
        """folded summary (or definition) -> ids of the entities it describes."""
        ids, texts = [], []
        for item_id, item in self.base.by_id.items():
            text = getattr(item, "summary", None) or getattr(item, "definition", None)
            if text:
                ids.append(item_id)
                texts.append(text)
        out: dict[str, list[str]] = defaultdict(list)
        for item_id, folded in zip(ids, _fold_all(texts), strict=True):
            out[folded].append(item_id)
        return dict(out)

    def terms_of(self, film: m.Film) -> list[str]:
        """The terms a film's title, summary or notes mention, in the base's order."""

        def make() -> list[str]:
            text = normalise(" ".join([film.title, film.summary, *film.notes]))
            return sorted(self._term_finder.find(text), key=self._term_order.__getitem__)

        return self._memo(("terms-of", film.id), make)

    @cached_property
    def _term_order(self) -> dict[str, int]:
        return {t.id: i for i, t in enumerate(self.base.facts.terms)}

    @cached_property
    def _term_finder(self) -> NameFinder:
        names: dict[str, set[str]] = defaultdict(set)
        for term in self.base.facts.terms:
            for n in (term.name, *term.aliases, *term.variants):
                folded = normalise(n)
                if len(folded) >= 3:
                    names[folded].add(term.id)
        return NameFinder(dict(names))

    @cached_property
    def films_by_term(self) -> dict[str, list[m.Film]]:
        """term id -> the films whose title, summary or notes mention it."""
        if not self.base.facts.terms:
            return {}
        return _group(self.base.films, self.terms_of)

    @cached_property
    def languages(self) -> tuple[str, ...]:
        """Every language a film is in, once, in the base's order."""
        return tuple(dict.fromkeys(lang for f in self.base.films for lang in f.languages))

    @cached_property
    def prizes(self) -> tuple[str, ...]:
        """Every festival prize, once, in the base's order."""
        return tuple(dict.fromkeys(p for f in self.base.facts.festivals for p in f.prizes))

    # -- pools of distractors -----------------------------------------------------------------
    def new_pool(self, items: Iterable[str]) -> Pool:
        """A pool, ranked whole if it is small for the size of the base."""
        ids = tuple(dict.fromkeys(items))
        return Pool(ids, len(ids) * max(1, len(self.base.films)) <= WHOLE_POOL_WORK, self._point)

    def _point(self, item: str) -> int:
        """`ring_point(item)`, worked out once however many pools it is in."""
        found = self._points.get(item)
        if found is None:
            found = self._points[item] = ring_point(item)
        return found

    def pool(self, name: str, key: Hashable = None) -> Pool:
        """The ids of a section under one key of a grouping in POOL_GROUPS (`pool("people-role", "director")`)."""

        def make() -> Pool:
            section, keys = POOL_GROUPS[name]
            groups = self._memo(("groups", name), lambda: _group(getattr(self.base.facts, section), keys))
            return self.new_pool(item.id for item in groups.get(key, ()))

        return self._memo(("pool", name, key), make)

    def kind_pool(self, kinds: Iterable[str]) -> Pool:
        """Every entity of these kinds, in the base's order."""
        wanted = frozenset(kinds)
        return self._memo(
            ("kinds", wanted), lambda: self.new_pool(x for x, k in self.base.kind_of.items() if k in wanted)
        )

    def text_pool(self, name: str, texts: Iterable[str]) -> Pool:
        return self._memo(("texts", name), lambda: self.new_pool(texts))

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
            if self._passed.get(d.question.id) is d:  # checked by an attempt inside this one
                kept.append(d)
                continue
            problem = _problem(d.question, self._doubled)
            if problem:
                self.rejected.append((d.question.id, problem))
            else:
                self._passed[d.question.id] = d
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
        key = (films, topic, relation)
        all_tags = self._tags.get(key)
        if all_tags is None:  # the questions on one fact share their films, topic and relation
            all_tags = self._tags[key] = self._tags_of(films, topic, relation)
        if tags:
            all_tags = tuple(dict.fromkeys(t for t in (*all_tags, *tags) if t))
        if hint is None and qtype in ("short", "multi"):
            from .hints import teaching_hint

            hint = teaching_hint(self, prompt, answers, kind)
        question = Question(
            id=qid,
            pack="",
            type=qtype,
            prompt=prompt,
            answers=tuple(answers),
            choices=tuple(choices),
            tolerance=tolerance or _EXACT,
            kind=kind,
            explanation=explanation,
            hint=hint,
            tags=all_tags,
            difficulty=max(1, min(5, difficulty)),
            source=source,
            subject=subject,
        )
        return Draft(question, relation, topic, films)

    def _tags_of(self, films: tuple[str, ...], topic: str, relation: str | None) -> tuple[str, ...]:
        """The films, their decades and countries, the topic and the relation's tag."""
        tags: list[str] = list(films)
        for fid in films:
            film = self.films_by_id.get(fid)
            if film is not None:
                tags.append(decade(film.year))
                tags.extend(film.countries)
        tags.append(topic)
        if relation and relation in RELATION_TAG:
            tags.append(RELATION_TAG[relation])
        return tuple(dict.fromkeys(t for t in tags if t))


def _refs(item: Any) -> list[str]:
    """Every id an entity refers to (through nested records too), its source excepted."""
    out: list[str] = []
    add = out.append
    for name in _visited(type(item)):  # the fields of a record (facts.records) that can hold an id
        if name == "id" or name == "source":
            continue
        value = getattr(item, name)
        # an id, and a tuple of ids, read here: they are most of what a film refers to
        if type(value) is str:
            if name in _REF_FIELDS:
                add(value)
        elif type(value) is tuple and name in _REF_FIELDS:
            for v in value:
                if type(v) is str:
                    add(v)
                else:
                    _ref_values(name, v, out)
        elif value is not None:
            _ref_values(name, value, out)
    return out


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


def _ref_values(name: str, value: Any, out: list[str]) -> None:
    if isinstance(value, str):
        if name in _REF_FIELDS:
            out.append(value)
    elif isinstance(value, tuple):
        is_ref = name in _REF_FIELDS
        for v in value:
            if not isinstance(v, str):
                _ref_values(name, v, out)
            elif is_ref:
                out.append(v)
    elif value is not None and hasattr(value, "__dataclass_fields__"):
        for sub in _visited(type(value)):
            _ref_values(sub, getattr(value, sub), out)


_VISITED: dict[type, tuple[str, ...]] = {}


def _visited(cls: type) -> tuple[str, ...]:
    """The fields of a record class that can hold an id, in order: what `_refs` reads of a record.

    A field is skipped only when its type says it cannot: not named as a reference, and holding
    no record that can (a title, a year, notes, an amount of money, the citations). Reading a
    film's thirty fields for its dozen references is most of the cost of indexing 100,000 films.
    """
    found = _VISITED.get(cls)
    if found is None:
        _VISITED[cls] = tuple(cls.__dataclass_fields__)  # while this class is worked out: every field
        fields = cls.__dataclass_fields__
        found = _VISITED[cls] = tuple(
            name for name, f in fields.items() if name in _REF_FIELDS or _may_hold_refs(f.type)
        )
    return found


_ATOMS = (str, int, float, bool, type(None))


def _may_hold_refs(annotation: Any) -> bool:
    """Whether a value of this type can hold a record with an id in it (True when unsure)."""
    if isinstance(annotation, type):
        if hasattr(annotation, "__dataclass_fields__"):
            return bool(_visited(annotation))
        return not issubclass(annotation, _ATOMS)
    origin = get_origin(annotation)
    if origin is Literal:
        return False
    if origin is Annotated:
        return _may_hold_refs(get_args(annotation)[0])
    if origin in (tuple, list, Union, types.UnionType):
        return any(_may_hold_refs(a) for a in get_args(annotation) if a is not Ellipsis)
    return True


def refs(item: Any) -> set[str]:
    return set(_refs(item))


def _problem(q: Question, names: Iterable[str] | DoubledNames = ()) -> str | None:
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
