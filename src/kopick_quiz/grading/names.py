"""Names as the grader compares them: romanisation keys and typos judged per name part.

A name is split into parts (`Lee Jung-jae` -> `lee`, `jung`, `jae`). Each part is folded to a
*key* that erases the usual differences between romanisations of Korean (`eo`/`u`, `k`/`g`,
`ch`/`j`, `t`/`d`, `p`/`b`, `ee`/`i`, `oo`/`u`, `ou`/`u`, `sh`/`s`, `oi`/`oe`, doubled letters,
surname spellings such as Lee/Yi/Rhee or Park/Pak) and short forms of words (`Intl`, `Bros`),
so `Kim Jin-kyu` and `Kim Jin-gyu` share a key: the same name, spelled another way.

Typos are then counted between keys, part by part, and allowed in proportion to each part's
length: none in a part of four letters or fewer (but for a swap of two neighbouring letters in
a part of four), one up to eight letters, two up to twelve, three beyond. Stricter:

- a romanised East Asian personal name (`Lee Jung-jae`, with its hyphenated given name) allows
  no typo in any syllable, only other romanisations: `Jang` for `Jung` or `Jin` for `Jae` is
  another syllable, so another person;
- parts with digits (`GDH 559`, `Mickey 17`) and abbreviations (`BIFAN`, `PiFan`) allow none;
- `north`/`south`/`east`/`west` at the start of a part are never typos of one another.

Looser: in a long name of anything but a person (ten letters or more, several words), a short
word may have one typo (`Japanese colonial rul`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from sys import intern

from rapidfuzz.distance import OSA, Levenshtein

from .normalise import normalise

# Spellings of one Korean surname (or of one syllable) that romanisation systems disagree on.
_SURNAMES = {
    "lee": "i",
    "yi": "i",
    "rhee": "i",
    "rhie": "i",
    "ri": "i",
    "li": "i",
    "park": "bag",
    "pak": "bag",
    "bak": "bag",
    "bahk": "bag",
    "huh": "hu",
    "hur": "hu",
    "heo": "hu",
    "oh": "o",
    "noh": "no",
    "roh": "no",
    "lim": "im",
    "rim": "im",
    "ahn": "an",
    "suh": "su",
    "paik": "baeg",
    "baik": "baeg",
    "chung": "jung",
}
# Words with two capitals or more are abbreviations (BIFAN, PiFan, KOFA): no typo is allowed.
_CAPITALS = re.compile(r"\b\w*[A-Z]\w*[A-Z]\w*\b")
_TWO_CAPITALS = re.compile(r"[A-Z][\w.]*[A-Z]")  # a quick test first: most names have no such word
_DIGITS = re.compile(r"\d+")
_DOUBLED = re.compile(r"([a-z])\1+")
_DIRECTION = re.compile(r"(?:north|south)(?:east|west)?|east|west")
_SYLLABLES = re.compile(r"(?<![\w-])[A-Za-z]{1,6}-[A-Za-z]{1,6}(?![\w-])")
# Short forms of words that are spelling, not another name.
_WORDS = {
    "intl": "international",
    "int": "international",
    "univ": "university",
    "uni": "university",
    "natl": "national",
    "bros": "brothers",
    "bro": "brothers",
    "co": "company",
    "corp": "corporation",
    "mt": "mount",
    "st": "saint",
    "fest": "festival",
    "dept": "department",
}
# Pairs of letters read as one sound (in this order), then single consonants.
_PAIRS = (("sh", "s"), ("ch", "j"), ("eo", "u"), ("oo", "u"), ("ou", "u"), ("ee", "i"), ("oi", "oe"))
_CONSONANTS = str.maketrans("ktp", "gdb")


@lru_cache(maxsize=32768)
def fold(part: str) -> str:
    """The romanisation key of one normalised name part: `kyu` -> `gyu`, `joon` -> `jun`."""
    key = _SURNAMES.get(part)
    if key is not None:
        return key
    part = _WORDS.get(part, part)
    if not part.isascii():
        return part
    for old, new in _PAIRS:
        if old in part:
            part = part.replace(old, new)
    part = part.translate(_CONSONANTS)
    if _DOUBLED.search(part):  # doubled letters are spelling too: kk/gg, nn
        part = _DOUBLED.sub(r"\1", part)
    return part


EXACT = -1  # the allowance of a part that must be typed exactly (up to romanisation)


def allowance(part: str) -> int:
    """How many typos (edits, a swap of neighbours counting one) a part of this key may have.

    0 still lets two neighbouring letters of a part of four letters or more be swapped
    (`Flim`, `Jnug`); `EXACT` (digits, abbreviations) lets nothing through.
    """
    n = len(part)
    if not part.isalpha():
        return EXACT
    if n <= 4:
        return 0
    if n <= 8:
        return 1
    if n <= 12:
        return 2
    return 3


def directions(parts: tuple[str, ...]) -> tuple[str, ...]:
    """The points of the compass the parts start with: `southeast asia` -> ('southeast',)."""
    joined = "".join(parts)
    if "east" not in joined and "west" not in joined and "north" not in joined and "south" not in joined:
        return ()
    return tuple(m.group(0) for p in parts if (m := _DIRECTION.match(p)))


def syllabic(text: str) -> bool:
    """A romanised East Asian personal name (`Lee Jung-jae`): its syllables allow no typo."""
    return 2 <= len(text.split()) <= 4 and _SYLLABLES.search(text) is not None


@dataclass(frozen=True, slots=True)
class Span:
    """Typed words prepared once for comparison: parts, keys, and both squashed."""

    parts: tuple[str, ...]
    keys: tuple[str, ...]
    squashed: str
    key: str
    directions: tuple[str, ...]

    @classmethod
    def of_parts(cls, parts: tuple[str, ...]) -> Span:
        keys = tuple(fold(p) for p in parts)
        return cls(parts, keys, "".join(parts), "".join(keys), directions(parts))


@lru_cache(maxsize=65536)
def span(parts: tuple[str, ...]) -> Span:
    """The typed words `parts`, prepared for comparison (cached: answers repeat)."""
    return Span.of_parts(parts)


_ALLOWANCES: dict[tuple[int, ...], tuple[int, ...]] = {}


@dataclass(frozen=True, slots=True)
class Form:
    """One accepted way of writing a name, compiled for fast comparison."""

    text: str  # as written in the facts or the question
    owner: str  # entity id, or the answer text for answers the facts do not know
    main: bool
    parts: tuple[str, ...]
    keys: tuple[str, ...]
    squashed: str
    key: str
    allowances: tuple[int, ...]
    slack: int  # total edits the parts allow: a quick length filter
    digits: tuple[str, ...]  # the numbers in the name, which must be typed exactly
    directions: tuple[str, ...]  # `north`, `southeast`: a few letters that make another place

    @classmethod
    def of(
        cls, text: str, owner: str, main: bool = True, strict: bool | None = None, person: bool = False
    ) -> Form:
        """Compile `text`.

        `strict` (default: `syllabic(text)`) limits every part to swaps of letters. In a long
        name of anything but a person, short words may have one typo (`Japanese colonial rul`).
        """
        # Words recur across thousands of names (`kim`, `films`): one string each, shared.
        parts = tuple(map(intern, normalise(text).split()))
        keys = tuple(intern(fold(p)) for p in parts)
        if keys == parts:
            keys = parts
        key = "".join(keys)
        capitals = (
            {w.lower() for w in _CAPITALS.findall(text.replace(".", ""))}
            if _TWO_CAPITALS.search(text)
            else ()
        )
        if strict is None:
            strict = syllabic(text)
        lenient = not strict and not person and len(parts) >= 2 and len(key) >= 10
        allowances = []
        for p, k in zip(parts, keys, strict=True):
            a = EXACT if p in capitals else allowance(k)
            if strict:
                a = min(0, a)
            elif lenient and a == 0 and len(k) >= 3:
                a = 1
            allowances.append(a)
        slack = sum(max(0, a) for a in allowances)
        squashed = "".join(parts)
        if squashed == key:
            key = squashed
        digits = () if squashed.isalpha() else tuple(_DIGITS.findall(squashed))
        shared = tuple(allowances)
        shared = _ALLOWANCES.setdefault(shared, shared)  # a few patterns, shared by every name
        return cls(text, owner, main, parts, keys, squashed, key, shared, slack, digits, directions(parts))


def typos(form: Form, span: Span) -> int | None:
    """Edits between `span` and `form` if every part is within its allowance, else None.

    0 means the keys are equal: the same name in another romanisation. Typos are counted
    between the romanisation keys, or between the letters as typed when that is fewer.
    """
    if span.key == form.key:
        return 0
    if span.directions and form.directions and span.directions != form.directions:
        return None  # `Northeast Asia` is no typo of `Southeast Asia`
    found = _typos(form.keys, form.key, span.keys, span.key, form.allowances, form.slack)
    if found is None and span.squashed != span.key:
        found = _typos(form.parts, form.squashed, span.parts, span.squashed, form.allowances, form.slack)
    return found


def _typos(
    expected: tuple[str, ...],
    joined: str,
    typed: tuple[str, ...],
    typed_joined: str,
    allowed: tuple[int, ...],
    slack: int,
) -> int | None:
    if abs(len(typed_joined) - len(joined)) > slack:
        return None
    if len(typed) == len(expected):  # word for word: the way the typed words are split is the alignment
        return _partwise(expected, typed, allowed)
    if len(expected) == 1:
        return None if len(typed) == 1 else _within(joined, typed_joined, allowed[0])
    return _aligned(expected, joined, typed_joined, allowed)


def _within(expected: str, typed: str, allowed: int) -> int | None:
    if allowed <= 0:
        return 1 if allowed == 0 and _swapped(expected, typed) else None
    d = OSA.distance(expected, typed, score_cutoff=allowed)
    return d if d <= allowed else None


def _swapped(expected: str, typed: str) -> bool:
    """Two neighbouring letters swapped in a part of four letters or more (the two differ)."""
    n = len(expected)
    if n != len(typed) or n < 4:
        return False
    i = 0
    while expected[i] == typed[i]:
        i += 1
    return (
        i + 1 < n
        and expected[i] == typed[i + 1]
        and expected[i + 1] == typed[i]
        and expected[i + 2 :] == typed[i + 2 :]
    )


def _partwise(expected: tuple[str, ...], typed: tuple[str, ...], allowed: tuple[int, ...]) -> int | None:
    total = 0
    for e, t, a in zip(expected, typed, allowed, strict=True):
        if e != t:
            d = _within(e, t, a)
            if d is None:
                return None
            total += d
    return total


def _aligned(expected: tuple[str, ...], joined: str, typed: str, allowed: tuple[int, ...]) -> int | None:
    """Cut the squashed typed text where the expected parts meet, then judge each piece."""
    ends = []
    at = 0
    for k in expected:
        at += len(k)
        ends.append(at)
    ops = Levenshtein.opcodes(joined, typed)
    cuts = []
    for end in ends[:-1]:
        for op in ops:
            if op.src_start <= end < op.src_end:
                if op.tag == "delete":
                    cuts.append(op.dest_start)
                else:
                    src_len = op.src_end - op.src_start
                    dest_len = op.dest_end - op.dest_start
                    cuts.append(op.dest_start + (end - op.src_start) * dest_len // src_len)
                break
        else:
            cuts.append(len(typed))
    pieces = []
    start = 0
    for cut in cuts:
        pieces.append(typed[start:cut])
        start = cut
    pieces.append(typed[start:])
    return _partwise(expected, tuple(pieces), allowed)


def distance(a: str, b: str) -> float:
    """How far apart two keys are, 0 (same) to 1: the measure of the confusable guard."""
    return OSA.normalized_distance(a, b)
