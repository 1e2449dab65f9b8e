"""The known entities as the grader sees them: every name compiled once, indexed for lookup."""

from __future__ import annotations

import gc
import hashlib
import marshal
import os
import sys
import tempfile
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, MutableMapping, Sequence
from dataclasses import replace
from functools import cache
from itertools import chain
from pathlib import Path
from sys import intern
from typing import TYPE_CHECKING, Any

from rapidfuzz import process
from rapidfuzz.distance import OSA

from ..progress import Progress, no_progress
from ..text import normalise
from .names import Form, fold, numerals, squash, syllabic
from .nearby import SLICE, Nearby

if TYPE_CHECKING:
    from ..facts.base import FactBase


_ADJECTIVE_ENDS = ("an", "ese", "ish", "ch", "i")


class Lexicon:
    """Every name and alias of every entity, for finding an answer's aliases and its confusables.

    Build it once per fact base (`Lexicon.from_base`); it also keeps the compiled form of each
    question it grades, keyed by question id.

    Only what finding an entity by its name needs is worked out for every name at once (the
    name's words, folded): a base of 100,000 films has over a million names, and a session
    meets a few hundred. An entity's compiled forms (`forms_of`) are made the first time a
    question asks for them, and a kind's romanisation keys (`rival_index`) the first time a
    question of that kind is graded.
    """

    def __init__(
        self,
        names: Iterable[tuple[str, str, str, bool]] = (),
        labels: MutableMapping[str, str] | Mapping[str, str] | None = None,
        about: Mapping[str, str] | None = None,
        neutral: Iterable[str] = (),
        progress: Progress = no_progress,
        adjectives: Iterable[str] = (),
        count: int | None = None,
    ) -> None:
        """`names` holds (text, entity id, kind, is main name) rows (`count` of them, if they come
        from an iterator rather than a list); `progress` follows their reading.

        `neutral` words may stand beside an answer in a sentence without changing it (`Thai`).
        `adjectives` are the names among `names` that are a country's adjective (`Thai`): a short
        one allows no slip, or `That` would be Thailand. The lexicon keeps the `labels` and
        `about` it is given (a dict of labels is added to: an entity without one is labelled by
        its first name).
        """
        self.adjectives = frozenset(map(squash, adjectives))
        self.neutral = frozenset(w for text in neutral for w in normalise(text).split())
        self.kind_of: dict[str, str] = {}
        # Taken over, not copied: a big base's labels and summaries are dicts of 100,000s of entries.
        self.labels: Mapping[str, str] = labels if labels is not None else {}
        self.about: Mapping[str, str] = about if about is not None else {}
        # Each entity's ways of writing its name, in order: (text, is the main name, its words).
        # One per way of writing the words: `Na Hongjin` is kept beside `Na Hong-jin`, since a
        # typo is judged word for word; `Bong Joon Ho` and `Bong Joon-ho` are one.
        self._written: dict[str, list[tuple[str, bool, tuple[str, ...]]]] = {}
        # A person's names left out as spellings of earlier ones: whether a person's names are
        # strict (see `compile`) is told by all of them.
        self._unwritten: dict[str, list[str]] = {}
        # squashed name -> its entity, or the list of them when several share it
        owners: dict[str, Any] = {}
        max_parts = 1
        rows = names if isinstance(names, Sequence) or count is not None else list(names)
        total = len(rows) if isinstance(rows, Sequence) else count or 0
        every = max(1, total >> 6)  # some sixty reports, as `tracked` gives
        report_at = 0
        for i, (text, entity, kind, main) in enumerate(rows):
            if i >= report_at:
                progress(min(i, total), total)
                report_at += every
            self.kind_of[entity] = kind
            if entity not in self.labels:
                self.labels[entity] = text  # type: ignore[index]
            written = self._written.get(entity)
            for variant in [text, *_orders(text, kind)]:
                parts = _words(variant)
                if not parts or (written is not None and any(w[2] == parts for w in written)):
                    if kind == "person" and variant is text:
                        self._unwritten.setdefault(entity, []).append(text)
                    continue
                if written is None:
                    written = self._written[entity] = []
                written.append((variant, main and variant is text, parts))
                squashed = "".join(parts)
                held = owners.get(squashed)
                if held is None:
                    owners[squashed] = entity
                elif isinstance(held, str):
                    if held != entity:  # `Na Hongjin` and `Na Hong-jin`: one owner
                        owners[squashed] = (held, entity)
                elif entity not in held:
                    owners[squashed] = (*held, entity)
                if len(parts) > max_parts:
                    max_parts = len(parts)
        progress(total, total)
        self._owners = owners
        self.max_parts = max_parts
        self.forms_of = _Forms(self)
        self.compiled: dict[str, tuple[Any, Any]] = {}
        self._rivals: dict[tuple[str, ...], RivalIndex] = {}
        # Rivals looked up through an index of the sorted keys; False: by a scan of them all (the
        # baseline the benchmarks measure it against; the verdicts are the same).
        self.prefilter = True

    @property
    def by_kind(self) -> dict[str, tuple[Form, ...]]:
        """The compiled forms of every name, kind by kind (compiles them all: for tests and tools)."""
        out: dict[str, list[Form]] = defaultdict(list)
        for entity in self._written:
            out[self.kind_of[entity]].extend(self.forms_of[entity])
        return {k: tuple(v) for k, v in out.items()}

    def compile(self, entity: str) -> tuple[Form, ...]:
        """The forms of one entity's names, compiled for comparison."""
        kind = self.kind_of[entity]
        written = self._written.get(entity, ())
        # A person with a Korean-style name anywhere (`Na Hong-jin`) is strict in every spelling
        # (`Na Hongjin`); a name read given name first is as Korean-style as the name it reverses.
        strict = kind == "person" and (
            any(syllabic(text) for text, _, _ in written)
            or any(syllabic(text) for text in self._unwritten.get(entity, ()))
        )
        forms = []
        for text, main, _ in written:
            form = Form.of(text, entity, main, strict, kind == "person")
            if form.slips and form.squashed in self.adjectives:
                form = replace(form, slips=False, budget=form.budget - 1)
            forms.append(form)
        return tuple(forms)

    def rival_index(self, kinds: Iterable[str]) -> RivalIndex:
        """Every name of these kinds, indexed once and shared by every question of the kinds."""
        key = tuple(sorted(kinds))
        found = self._rivals.get(key)
        if found is None:
            wanted = set(key)
            names = [
                (entity, j, parts)
                for entity, written in self._written.items()
                if self.kind_of[entity] in wanted
                for j, (_, _, parts) in enumerate(written)
            ]
            if len(key) > 1:  # kind by kind, in the order of `key`
                names.sort(key=lambda name: key.index(self.kind_of[name[0]]))
            found = self._rivals[key] = RivalIndex(names, self.forms_of, self.prefilter)
        return found

    @classmethod
    def from_base(
        cls, base: FactBase | None, progress: Progress = no_progress, folder: Path | None = None
    ) -> Lexicon:
        """The lexicon of a fact base; None gives an empty one (packs with no facts).

        `progress` follows the reading of every name (seconds for a big base). With `folder`
        (the compiled cache's), the names as read are kept there in a file named by the fact
        base's content hash (`lexicon-HASH.marshal`), and read from it by every later start
        until the fact base or the grader's code changes.
        """
        if base is None:
            progress(1, 1)
            return cls()
        # Read from the base when asked: dicts of them all would hold 100,000s of entries.
        labels = _Labels(base)
        about = _About(base)
        # `Thai`, `Korean` (of `South Korean`), but not `Hong` or `Kong`: nationality words only.
        adjectives = [
            w for c in base.facts.countries if (w := c.adjective.split()[-1]).endswith(_ADJECTIVE_ENDS)
        ]
        demonyms = _demonyms(base)
        demonym_names = [text for text, _ in demonyms]
        key = getattr(base, "content_hash", None)
        path = (
            folder / f"{KEPT_PREFIX}{key[:32]}.marshal"
            if folder is not None and key and _kept_tag()
            else None
        )
        kept = _read_kept(path) if path is not None else None
        if kept is not None:
            lexicon = cls((), labels, about, neutral=adjectives, adjectives=demonym_names)
            lexicon._written, lexicon._unwritten, lexicon._owners, lexicon.max_parts, lexicon.kind_of = kept
            progress(1, 1)
            return lexicon
        rows = chain(_names(base), ((text, country, "country", False) for text, country in demonyms))
        count = len(demonyms) + sum(
            1 + len(item.aliases) + len(item.variants)
            for entity, item in base.by_id.items()
            if base.kind_of[entity] != "source"
        )
        lexicon = cls(rows, labels, about, adjectives, progress, demonym_names, count)
        if path is not None:
            _keep(
                path,
                (lexicon._written, lexicon._unwritten, lexicon._owners, lexicon.max_parts, lexicon.kind_of),
            )
        return lexicon

    def squashed_of(self, entity: str) -> list[str]:
        """Each way of writing an entity's name, squashed (`Form.squashed`), without compiling it."""
        return ["".join(parts) for _, _, parts in self._written.get(entity, ())]

    def keys_of(self, entity: str) -> list[str]:
        """Each way of writing an entity's name, keyed as the rival index keys it (`Form.key`)."""
        return [_key(parts) for _, _, parts in self._written.get(entity, ())]

    def entities(self, text: str) -> tuple[str, ...]:
        """The ids of the entities that answer to `text` (any spelling the facts list)."""
        return self.owners_of(squash(text))

    def owners_of(self, squashed: str) -> tuple[str, ...]:
        """The ids of the entities with a name squashed (`squash`) like this."""
        held = self._owners.get(squashed, ())
        return (held,) if isinstance(held, str) else held

    def label(self, entity: str) -> str:
        return self.labels.get(entity, entity)

    def __len__(self) -> int:
        return len(self._written)


KEPT_PREFIX = "lexicon-"
_KEPT_FORMAT = 1


@cache
def _kept_tag() -> str:
    """What a kept lexicon must have been written by: this format, and the code that reads names
    (a change to how a name's words are worked out makes every kept file stale)."""
    digest = hashlib.sha256(f"{_KEPT_FORMAT}\0{sys.version_info[:2]}\0".encode())
    here = Path(__file__).resolve().parent
    try:
        for module in (here / "lexicon.py", here / "names.py", here.parent / "text.py"):
            digest.update(module.read_bytes())
    except OSError:
        return ""  # the code cannot be read (a zipped install): keep nothing
    return digest.hexdigest()


def _read_kept(path: Path) -> tuple[Any, ...] | None:
    """The lexicon's state kept at `path`, or None when there is none, or it is damaged or stale."""
    try:
        with open(path, "rb") as kept:
            blob = kept.read()
    except OSError:
        return None
    # Millions of tuples made in one C call that holds the GIL: the cycle collector, run again and
    # again as they are made, would cost most of the time (no other thread runs meanwhile).
    collecting = gc.isenabled()
    gc.disable()
    try:
        tag, state = marshal.loads(blob)
    except (EOFError, ValueError, TypeError):
        return None
    finally:
        if collecting:
            gc.enable()
    if tag != _kept_tag() or not isinstance(state, tuple) or len(state) != 5:
        return None
    return state


def _keep(path: Path, state: tuple[Any, ...]) -> None:
    """Write the lexicon's state to `path` (whole or not at all), and drop those of other fact bases."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".lexicon-", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as out:
                marshal.dump((_kept_tag(), state), out)
            os.replace(tmp, path)
        finally:
            Path(tmp).unlink(missing_ok=True)
        for old in path.parent.glob(f"{KEPT_PREFIX}*.marshal"):
            if old != path:
                old.unlink(missing_ok=True)  # the lexicon of a fact base that changed since
    except OSError:
        pass  # a folder we cannot write to: built again next time


_FOLD = getattr(normalise, "__wrapped__", normalise)  # not through its cache: each name is read once


def _words(text: str) -> tuple[str, ...]:
    """A name's words as the grader compares them (`Form.parts`): normalised, numbers one way."""
    return tuple(map(intern, numerals(tuple(_FOLD(text).split()))))


def _names(base: FactBase) -> Iterator[tuple[str, str, str, bool]]:
    """(text, entity id, kind, is main name) of every name of the base, as `FactBase.names` has
    them (without making that list of a million names)."""
    kind_of = base.kind_of
    for entity, item in base.by_id.items():
        kind = kind_of[entity]
        if kind == "source":
            continue
        yield base.label(entity), entity, kind, True
        for alias in (*item.aliases, *item.variants):
            yield alias, entity, kind, False


class _Labels(Mapping[str, str]):
    """entity id -> its label (`FactBase.label`), read from the base."""

    def __init__(self, base: FactBase) -> None:
        self._base = base

    def __getitem__(self, entity: str) -> str:
        if entity not in self._base.by_id:
            raise KeyError(entity)
        return self._base.label(entity)

    def __contains__(self, entity: object) -> bool:
        return entity in self._base.by_id

    def __iter__(self) -> Iterator[str]:
        return iter(self._base.by_id)

    def __len__(self) -> int:
        return len(self._base.by_id)


class _About(Mapping[str, str]):
    """entity id -> what the facts say of it (its summary or definition), read from the base."""

    def __init__(self, base: FactBase) -> None:
        self._base = base

    def __getitem__(self, entity: str) -> str:
        item = self._base.by_id.get(entity)
        text = getattr(item, "summary", None) or getattr(item, "definition", None)
        if not isinstance(text, str):
            raise KeyError(entity)
        return text

    def __iter__(self) -> Iterator[str]:
        return (entity for entity in self._base.by_id if entity in self)

    def __len__(self) -> int:
        return sum(1 for _ in self)


class _Forms(Mapping[str, tuple[Form, ...]]):
    """entity id -> its compiled forms, each entity compiled on first use and kept."""

    def __init__(self, lexicon: Lexicon) -> None:
        self._lexicon = lexicon
        self._made: dict[str, tuple[Form, ...]] = {}

    def __getitem__(self, entity: str) -> tuple[Form, ...]:
        made = self._made.get(entity)
        if made is None:
            if entity not in self._lexicon._written:
                raise KeyError(entity)
            made = self._made[entity] = self._lexicon.compile(entity)
        return made

    def __iter__(self) -> Iterator[str]:
        return iter(self._lexicon._written)

    def __len__(self) -> int:
        return len(self._lexicon._written)

    def __contains__(self, entity: object) -> bool:
        return entity in self._lexicon._written


class RivalIndex:
    """The names an answer of some kinds must not be confused with, for a nearest-name search.

    Built once per set of kinds (all the people, all the studios) rather than once per question:
    a question excludes its own answer's names when it looks a rival up. It holds each name's
    keys, not its compiled form: `form(i)` compiles the few a search reports.
    """

    # Names in a length window past which walking the sorted keys (`Nearby`) beats scanning them
    # all, when one typo is allowed (or none) and when two or three are (bench/scale.py).
    WALK_FROM = 2_000
    WALK_WIDE_FROM = 20_000
    # More typos allowed than this: a scan of the window beats walking (bench/scale.py).
    WALKED_EDITS = 4
    # Slices of the sorted keys left to rapidfuzz rather than walked on (`Nearby`).
    SLICE = SLICE

    def __init__(
        self,
        names: Sequence[tuple[str, int, tuple[str, ...]]],
        forms_of: Mapping[str, tuple[Form, ...]],
        prefilter: bool = True,
    ) -> None:
        """`names` holds (entity id, index among its forms, words) rows; `forms_of` compiles them."""
        self.prefilter = prefilter
        self._forms_of = forms_of
        keyed = [(_key(parts), entity, j, parts) for entity, j, parts in names]
        # Shortest key first (in their order among equals), so a look-up can skip other lengths.
        keyed.sort(key=lambda row: len(row[0]))
        self.keys = [row[0] for row in keyed]
        self.lengths = [len(k) for k in self.keys]
        self._names = [(entity, j) for _, entity, j, _ in keyed]
        self.owners = [entity for _, entity, _, _ in keyed]
        self.squashed = ["".join(parts) for _, _, _, parts in keyed]
        by_squashed: dict[str, list[int]] = defaultdict(list)
        by_key: dict[str, list[int]] = defaultdict(list)
        for i, (key, squashed) in enumerate(zip(self.keys, self.squashed, strict=True)):
            by_squashed[squashed].append(i)
            by_key[key].append(i)
        self.by_squashed = dict(by_squashed)
        self.by_key = dict(by_key)
        self._nearby: Nearby | None = None

    def __len__(self) -> int:
        return len(self.keys)

    def form(self, i: int) -> Form:
        """The compiled form of the `i`th name (in `keys` order)."""
        entity, j = self._names[i]
        return self._forms_of[entity][j]

    def near(
        self, key: str, cutoff: float, shortest: int, longest: int, within: int | None = None
    ) -> list[tuple[float, int]]:
        """(distance, position in `keys`) of every name `shortest` to `longest` letters long
        whose normalised OSA distance to `key` is `cutoff` or less (and, if `within` is given,
        that is at most `within` edits from `key`), in the order of `keys`.

        The same as a scan of every name (`scan`), found by walking the sorted keys when that
        is cheaper (see `nearby`).
        """
        lo = bisect_left(self.lengths, shortest)
        hi = bisect_right(self.lengths, longest)
        if lo >= hi:
            return []
        edits = int(cutoff * max(len(key), longest) + 1e-9) if cutoff < 1 else len(key) + longest
        if within is not None:
            edits = min(edits, within)
        if (
            not self.prefilter
            or edits > self.WALKED_EDITS
            or hi - lo < (self.WALK_FROM if edits <= 1 else self.WALK_WIDE_FROM)
        ):
            return self.scan(key, cutoff, lo, hi, within)
        if self._nearby is None:
            self._nearby = Nearby(self.keys, self.SLICE)
        found = [
            (score, i)
            for k, score in self._nearby.scored(key, cutoff, shortest, longest, within).items()
            for i in self.by_key[k]
        ]
        found.sort(key=lambda pair: pair[1])
        return found

    def scan(
        self, key: str, cutoff: float, lo: int, hi: int, within: int | None = None
    ) -> list[tuple[float, int]]:
        """What `near` finds, by comparing `key` with every name of `keys[lo:hi]`."""
        keys = self.keys[lo:hi]
        if within is None:
            found = process.extract(
                key, keys, scorer=OSA.normalized_distance, score_cutoff=cutoff, limit=None
            )
        else:
            near = process.extract(key, keys, scorer=OSA.distance, score_cutoff=within, limit=None)
            scored = ((k, OSA.normalized_distance(key, k), i) for k, _, i in near)
            found = [(k, score, i) for k, score, i in scored if score <= cutoff]
        return sorted(((score, lo + i) for _, score, i in found), key=lambda pair: pair[1])


def _key(parts: tuple[str, ...]) -> str:
    """The romanisation key of a name's words, as `Form.key` has it."""
    return "".join([intern(fold(p)) for p in parts])


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
