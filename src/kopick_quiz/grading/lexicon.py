"""The known entities as the grader sees them: every name compiled once, indexed for lookup."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from rapidfuzz import process
from rapidfuzz.distance import OSA

from ..progress import Progress, no_progress, tracked
from ..text import normalise
from .names import Form, squash, syllabic
from .nearby import Nearby

if TYPE_CHECKING:
    from ..facts.base import FactBase


_ADJECTIVE_ENDS = ("an", "ese", "ish", "ch", "i")


class Lexicon:
    """Every name and alias of every entity, for finding an answer's aliases and its confusables.

    Build it once per fact base (`Lexicon.from_base`); it also keeps the compiled form of each
    question it grades, keyed by question id.
    """

    def __init__(
        self,
        names: Iterable[tuple[str, str, str, bool]] = (),
        labels: dict[str, str] | None = None,
        about: dict[str, str] | None = None,
        neutral: Iterable[str] = (),
        progress: Progress = no_progress,
        adjectives: Iterable[str] = (),
    ) -> None:
        """`names` holds (text, entity id, kind, is main name) rows; `progress` follows their compiling.

        `neutral` words may stand beside an answer in a sentence without changing it (`Thai`).
        `adjectives` are the names among `names` that are a country's adjective (`Thai`): a short
        one allows no slip, or `That` would be Thailand. The lexicon keeps (and adds to) the
        `labels` and `about` dicts it is given.
        """
        self.adjectives = frozenset(map(squash, adjectives))
        self.neutral = frozenset(w for text in neutral for w in normalise(text).split())
        self.kind_of: dict[str, str] = {}
        # Taken over, not copied: a big base's labels and summaries are dicts of 100,000s of entries.
        self.labels: dict[str, str] = labels if labels is not None else {}
        self.about: dict[str, str] = about if about is not None else {}
        forms_of: dict[str, list[Form]] = defaultdict(list)
        # One form per way of writing the words: `Na Hongjin` is kept beside `Na Hong-jin`, since a
        # typo is judged word for word; `Bong Joon Ho` and `Bong Joon-ho` are one.
        seen: set[tuple[str, tuple[str, ...]]] = set()
        rows = list(names)
        # A person with a Korean-style name anywhere (`Na Hong-jin`) is strict in every spelling (`Na Hongjin`).
        strict = {entity for text, entity, kind, _ in rows if kind == "person" and syllabic(text)}
        for text, entity, kind, main in tracked(rows, progress):
            self.kind_of[entity] = kind
            if main or entity not in self.labels:
                self.labels.setdefault(entity, text)
            for variant in [text, *_orders(text, kind)]:
                form = Form.of(variant, entity, main and variant is text, entity in strict, kind == "person")
                if not form.squashed or (entity, form.parts) in seen:
                    continue
                if form.slips and form.squashed in self.adjectives:
                    form = replace(form, slips=False, budget=form.budget - 1)
                seen.add((entity, form.parts))
                forms_of[entity].append(form)
        self.forms_of: dict[str, tuple[Form, ...]] = {e: tuple(fs) for e, fs in forms_of.items()}
        owners: dict[str, list[str]] = defaultdict(list)
        by_kind: dict[str, list[Form]] = defaultdict(list)
        for entity, forms in self.forms_of.items():
            for form in forms:
                if entity not in owners[form.squashed]:  # `Na Hongjin` and `Na Hong-jin`: one owner
                    owners[form.squashed].append(entity)
                by_kind[self.kind_of[entity]].append(form)
        self.owners: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in owners.items()}
        self.by_kind: dict[str, tuple[Form, ...]] = {k: tuple(v) for k, v in by_kind.items()}
        self.max_parts = max((len(f.parts) for fs in self.forms_of.values() for f in fs), default=1)
        self.compiled: dict[str, tuple[Any, Any]] = {}
        self._rivals: dict[tuple[str, ...], RivalIndex] = {}
        # Rivals looked up through an index of the sorted keys; False: by a scan of them all (the
        # baseline the benchmarks measure it against; the verdicts are the same).
        self.prefilter = True

    def rival_index(self, kinds: Iterable[str]) -> RivalIndex:
        """Every name of these kinds, indexed once and shared by every question of the kinds."""
        key = tuple(sorted(kinds))
        found = self._rivals.get(key)
        if found is None:
            forms = [f for kind in key for f in self.by_kind.get(kind, ())]
            found = self._rivals[key] = RivalIndex(forms, self.prefilter)
        return found

    @classmethod
    def from_base(cls, base: FactBase | None, progress: Progress = no_progress) -> Lexicon:
        """The lexicon of a fact base; None gives an empty one (packs with no facts).

        `progress` follows the compiling of every name (seconds for a big base).
        """
        if base is None:
            progress(1, 1)
            return cls()
        labels = {entity: base.label(entity) for entity in base.by_id}
        about = {}
        for entity, item in base.by_id.items():
            text = getattr(item, "summary", None) or getattr(item, "definition", None)
            if isinstance(text, str):
                about[entity] = text
        # `Thai`, `Korean` (of `South Korean`), but not `Hong` or `Kong`: nationality words only.
        adjectives = [
            w for c in base.facts.countries if (w := c.adjective.split()[-1]).endswith(_ADJECTIVE_ENDS)
        ]
        rows = [(n.text, n.entity_id, n.kind, n.main) for n in base.names]
        demonyms = _demonyms(base)
        rows.extend((text, country, "country", False) for text, country in demonyms)
        return cls(rows, labels, about, adjectives, progress, [text for text, _ in demonyms])

    def entities(self, text: str) -> tuple[str, ...]:
        """The ids of the entities that answer to `text` (any spelling the facts list)."""
        return self.owners.get(squash(text), ())

    def label(self, entity: str) -> str:
        return self.labels.get(entity, entity)

    def __len__(self) -> int:
        return len(self.forms_of)


class RivalIndex:
    """The names an answer of some kinds must not be confused with, for a nearest-name search.

    Built once per set of kinds (all the people, all the studios) rather than once per question:
    a question excludes its own answer's names when it looks a rival up.
    """

    # Keys in a length window past which walking the sorted keys (`Nearby`) beats scanning them
    # all when two or three typos are allowed; one typo or none is always faster walked.
    WALK_FROM = 20_000

    def __init__(self, forms: Sequence[Form], prefilter: bool = True) -> None:
        self.forms = tuple(f for f in forms if f.squashed)
        self.prefilter = prefilter
        by_squashed: dict[str, list[Form]] = defaultdict(list)
        by_key: dict[str, list[Form]] = defaultdict(list)
        for form in self.forms:
            by_squashed[form.squashed].append(form)
            by_key[form.key].append(form)
        self.by_squashed = {k: tuple(v) for k, v in by_squashed.items()}
        self.by_key = {k: tuple(v) for k, v in by_key.items()}
        # Shortest key first (in their order among equals), so a look-up can skip other lengths.
        self.nearest = sorted(self.forms, key=lambda f: len(f.key))
        self.keys = [f.key for f in self.nearest]
        self.lengths = [len(k) for k in self.keys]
        self._nearby: Nearby | None = None
        self._at: dict[str, list[int]] = {}

    def near(self, key: str, cutoff: float, shortest: int, longest: int) -> list[tuple[float, int]]:
        """(distance, position in `nearest`) of every name `shortest` to `longest` letters long
        whose normalised OSA distance to `key` is `cutoff` or less, in the order of `nearest`.

        The same as a scan of every name (`scan`), found by walking the sorted keys when that
        is cheaper (see `nearby`).
        """
        lo = bisect_left(self.lengths, shortest)
        hi = bisect_right(self.lengths, longest)
        if lo >= hi:
            return []
        edits = int(cutoff * max(len(key), longest) + 1e-9) if cutoff < 1 else len(key) + longest
        if not self.prefilter or edits > 3 or (edits > 1 and hi - lo < self.WALK_FROM):
            return self.scan(key, cutoff, lo, hi)
        if self._nearby is None:
            self._nearby = Nearby(self.keys)
            for i, k in enumerate(self.keys):
                self._at.setdefault(k, []).append(i)
        found = [
            (score, i)
            for k, score in self._nearby.scored(key, cutoff, shortest, longest).items()
            for i in self._at[k]
        ]
        found.sort(key=lambda pair: pair[1])
        return found

    def scan(self, key: str, cutoff: float, lo: int, hi: int) -> list[tuple[float, int]]:
        """What `near` finds, by comparing `key` with every name of `nearest[lo:hi]`."""
        found = process.extract(
            key, self.keys[lo:hi], scorer=OSA.normalized_distance, score_cutoff=cutoff, limit=None
        )
        return sorted((score, lo + i) for _, score, i in found)


def _demonyms(base: FactBase) -> list[tuple[str, str]]:
    """A country's adjective as a name of it (`Thai`, `Belgian`), and `Korean` of `South Korean` when
    the country is also just `Korea`."""
    out = []
    for country in base.facts.countries:
        names = {normalise(n) for n in (country.name, *base.aliases(country.id))}
        adjective = country.adjective
        if normalise(adjective) not in names:
            out.append((adjective, country.id))
        *_, last = adjective.split()
        if last != adjective and any(last.lower().startswith(n) for n in names if " " not in n):
            out.append((last, country.id))
    return out


def _orders(text: str, kind: str) -> list[str]:
    """Korean-style personal names also read given name first: `Bong Joon-ho` -> `Joon-ho Bong`."""
    words = text.split()
    if kind == "person" and len(words) == 2 and "-" in words[1]:
        return [f"{words[1]} {words[0]}"]
    return []
