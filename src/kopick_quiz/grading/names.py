"""Names as the grader compares them: romanisation keys and typos judged per name part.

A name is split into parts (`Lee Jung-jae` -> `lee`, `jung`, `jae`). Each part is folded to a
*key* that erases the usual differences between romanisations of Korean (`eo`/`u`, `k`/`g`,
`ch`/`j`, `t`/`d`, `p`/`b`, `ee`/`i`, `oo`/`u`, `ou`/`u`, `sh`/`s`, `oi`/`oe`, doubled letters,
surname spellings such as Lee/Yi/Rhee or Park/Pak) and short forms of words (`Intl`, `Bros`),
so `Kim Jin-kyu` and `Kim Jin-gyu` share a key: the same name, spelled another way. Numbers
are written one way: `seventh`, `7th` and `seven` are all `7`, `twenty-one` is `21`.

Typos are then counted between keys, part by part, and allowed in proportion to each part's
length: one up to eight letters, two up to twelve, three beyond. A part of four letters or
fewer allows none of its own, but a whole name may have one *slip* (a letter added, dropped,
replaced, or two neighbours swapped) in one such part of two letters or more: `Kim Yong-hwha`,
`Kwak Kyung-tek`, `Okha`. Stricter:

- a romanised East Asian personal name (`Lee Jung-jae`, with its hyphenated given name) allows
  only that one slip in the whole name, and only when the slipped part is no syllable a Korean
  name is made of: `Jang` for `Jung`, `Jin` for `Jae` or `Lim` for `Kim` is another syllable,
  so another person, while `hwha` or `tek` is a slip of the pen;
- parts with digits (`GDH 559`, `Mickey 17`) and abbreviations (`BIFAN`, `PiFan`) allow none;
- `north`/`south`/`east`/`west` at the start of a part are never typos of one another.

Looser: in a long name of anything but a person (ten letters or more, several words), a short
word may have one typo (`Japanese colonial rul`).

Whether a typo is nearer another name than this one is for the caller (`compare`) to judge.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from sys import intern

from rapidfuzz.distance import OSA, Levenshtein

from ..text import normalise

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
# The syllables Korean names are made of (Sino-Korean readings and common surnames), in the
# spellings of Revised Romanization, McCune-Reischauer without marks, and popular use. A slip
# that makes one of these is another name (`Jang` for `Jung`), not a typo.
_SYLLABLE_WORDS = """
    a ae ah an ahn ak ang am ap bae baek bak bahk bang ban beom bum bok bong bo bu buk bun byeon byun
    byeong byung bin bi bil bom cha chae chan chang che cheol chul chol cheon chun chon cheong chung
    cho choe choi chu choo chuk chi chin chil chim do dae dal dam dan dang deok duk dok don dong du
    doo deuk dol e eo eom eum eon eun eui ui eul eung ga gae gak gam gan gang gap ge geol geon gun
    geum gi gil gim gu goo guk gook gun gung gwak gwan gwang gwi gwon gyeol gyeom gyeong gyo
    gyu go gok gon gong ha hae hak ham han hang heo heon hun hon hoon hee hi hui heum heung ho hong
    huh hur hwa hwan hwang hoe hoi hu hun hwi hyang hye hyeok hyuk hyeon hyun hyeong hyung hyo hyu il im in
    ja jae jak jam jang je jeok jeon jun jeong jung ji jik jin jip jo jong joo ju jun joon jung jwa
    ka kae kang kim ki kil ko kok kong ku koo kuk kun kung kwak kwan kwang kwon kyeol kyeom
    kyeong kyung kyo kyu la lan li lim lin lee ma man mae maeng mi min mo mok mu moon mun myeong
    myung myo na nae nam nan nang no noh nu nyeo o oh ok on ong pa pae pak pal pan park pi pil po pyo
    pyeon pyun pyeong pyung ra rae ran rang rhee ri rin rim ro roh rok ryeo ryeol ryeong ryung ryu ryul sa
    sam san sang se seo suh seok suk seon sun seong sung seol sul seung shin sin shim sim si sik
    shik so sok son song soo su sook suk sul sun sung ta tae taek tak tan tong u uk un ung wan wang
    woo wu won wol wi wook yang ye yeo yeol yul yeom yeon yeong young yi yo yong yoo yu yook yuk
    yoon yun yung
"""
_NAME_SYLLABLES = frozenset(_SYLLABLE_WORDS.split())
_NUMBER_WORDS = """
    zero _ two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen
"""
_ORDINAL_WORDS = """
    zeroth _ second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth
    fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth
"""
_TENS_WORDS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety"
_TENTHS_WORDS = "_ _ twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth"
# `one` and `first` alone stay words (`the one with Bong`); after a ten they are a digit.
_NUMBERS = {
    w: str(i) for words in (_NUMBER_WORDS, _ORDINAL_WORDS) for i, w in enumerate(words.split()) if w != "_"
}
_TENS = {w: i for words in (_TENS_WORDS, _TENTHS_WORDS) for i, w in enumerate(words.split()) if w != "_"}
_UNITS = {w: int(d) for w, d in _NUMBERS.items() if 0 < int(d) < 10} | {"one": 1, "first": 1}
# Roman numerals of sequels (`The Monkey King II`); `I`, `V` and `X` alone are too often letters.
_ROMAN = "_ _ ii iii iv _ vi vii viii ix _ xi xii xiii"
_NUMBERS |= {w: str(i) for i, w in enumerate(_ROMAN.split()) if w != "_"}
NUMERAL_WORDS = frozenset(_NUMBERS) | frozenset(_TENS)  # words `numerals` rewrites
_ORDINAL = re.compile(r"(\d+)(?:st|nd|rd|th)")
_ORDINALS = re.compile(r"\d(?:st|nd|rd|th)\b")


def numerals(words: tuple[str, ...]) -> tuple[str, ...]:
    """Numbers in normalised words written one way: `seventh`/`7th`/`seven` -> `7`, `twenty one` -> `21`,
    `ii` -> `2`.

    Returns `words` itself when it holds no number word and no ordinal (most names).
    """
    if NUMERAL_WORDS.isdisjoint(words) and not _ORDINALS.search(" ".join(words)):
        return words
    out: list[str] = []
    i = 0
    n = len(words)
    while i < n:
        w = words[i]
        tens = _TENS.get(w)
        if tens is not None:
            unit = _UNITS.get(words[i + 1], 0) if i + 1 < n and w[-2:] != "th" else 0
            out.append(str(tens * 10 + unit))
            i += 2 if unit else 1
            continue
        m = _ORDINAL.fullmatch(w)
        out.append(m.group(1) if m else _NUMBERS.get(w, w))
        i += 1
    return tuple(out)


def squash(text: str) -> str:
    """`text` as the look-ups key it: normalised, numbers written one way, spaces dropped."""
    return "".join(numerals(tuple(normalise(text).split())))


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


_SYLLABLE_KEYS = _NAME_SYLLABLES | frozenset(fold(s) for s in _NAME_SYLLABLES)

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
    """The points of the compass among the parts: `southeast asia` -> ('southeast',)."""
    joined = "".join(parts)
    if "east" not in joined and "west" not in joined and "north" not in joined and "south" not in joined:
        return ()
    return tuple(m.group(0) for p in parts if (m := _DIRECTION.fullmatch(p)))


def syllabic(text: str) -> bool:
    """A romanised East Asian personal name (`Lee Jung-jae`, or a given name alone: `Woo-in`)."""
    words = text.split()
    if len(words) == 1:
        pieces = text.lower().split("-")
        return len(pieces) == 2 and all(p in _NAME_SYLLABLES for p in pieces)
    return 2 <= len(words) <= 4 and _SYLLABLES.search(text) is not None


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
    strict: bool  # a Korean-style personal name: a slip must not make another name syllable
    slips: bool  # whether a short part may have a slip (one more edit, judged word for word)
    budget: int  # the most edits the whole name may have (allowances, the slip, swaps): a quick filter

    @classmethod
    def of(
        cls, text: str, owner: str, main: bool = True, strict: bool | None = None, person: bool = False
    ) -> Form:
        """Compile `text`.

        `strict` (default: `syllabic(text)`) limits every part to one slip in the whole name,
        one that makes no name syllable. In a long name of anything but a person, short words
        may have one typo (`Japanese colonial rul`).
        """
        # Words recur across thousands of names (`kim`, `films`): one string each, shared.
        parts = tuple(map(intern, numerals(tuple(normalise(text).split()))))
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
        slips = any(a == 0 and len(k) >= 2 for a, k in zip(allowances, keys, strict=True))
        slack = sum(max(0, a) for a in allowances)
        swaps = sum(a == 0 and len(k) >= 4 for a, k in zip(allowances, keys, strict=True))
        squashed = "".join(parts)
        if squashed == key:
            key = squashed
        digits = () if squashed.isalpha() else tuple(_DIGITS.findall(squashed))
        shared = tuple(allowances)
        shared = _ALLOWANCES.setdefault(shared, shared)  # a few patterns, shared by every name
        return cls(
            text,
            owner,
            main,
            parts,
            keys,
            squashed,
            key,
            shared,
            slack,
            digits,
            directions(parts),
            strict,
            slips,
            slack + slips + swaps,
        )


def typos(form: Form, span: Span) -> int | None:
    """Edits between `span` and `form` if every part is within its allowance, else None.

    0 means the keys are equal: the same name in another romanisation. Typos are counted
    between the romanisation keys, or between the letters as typed when that is fewer.
    """
    if span.key == form.key:
        return 0
    if span.directions and form.directions and span.directions != form.directions:
        return None  # `Northeast Asia` is no typo of `Southeast Asia`
    found = _typos(form.keys, form.key, span.keys, span.key, form)
    if found is None and (span.squashed != span.key or form.squashed != form.key):
        found = _typos(form.parts, form.squashed, span.parts, span.squashed, form)
    return found


def _typos(
    expected: tuple[str, ...], joined: str, typed: tuple[str, ...], typed_joined: str, form: Form
) -> int | None:
    longer = abs(len(typed_joined) - len(joined))
    budget = form.budget  # the edits between the whole names are at most those between their parts
    if longer > form.slack + form.slips or OSA.distance(joined, typed_joined, score_cutoff=budget) > budget:
        return None
    if len(typed) == len(expected):  # word for word: the way the typed words are split is the alignment
        return _partwise(expected, typed, form, form.parts)
    if len(expected) == 1:
        return None if len(typed) == 1 else _partwise((joined,), (typed_joined,), form, (form.squashed,))
    if longer > form.slack:  # a slip that adds or drops a letter is judged word for word only
        return None
    return _aligned(expected, joined, typed_joined, form)


@lru_cache(maxsize=65536)
def _slip(expected: str, typed: str, strict: bool, written: str) -> bool:
    """One letter added, dropped or replaced in a part of two letters or more (and still two).

    The part cut to its first half (`Mi` of `Miss`, `written` as the name writes it) is no slip
    but a part left out. In a strict name the typed part must be no name syllable (nor a run of
    them): `Jang` for `Jung` is another name, `hwha` for `hwa` a slip.
    """
    if len(expected) < 2 or len(typed) < 2 or OSA.distance(expected, typed, score_cutoff=1) > 1:
        return False
    if 2 * len(typed) <= len(written) and written.startswith(typed):
        return False
    # a syllable of a hyphenated name for a syllable; two for a given name written joined
    return not (strict and name_syllables(typed, 1 if expected in _SYLLABLE_KEYS else 2))


@lru_cache(maxsize=4096)
def name_syllables(part: str, pieces: int = 2) -> bool:
    """Whether `part` is a name syllable or two (a given name written joined): `jang`, `hongjun`,
    but not `hwha`."""
    if part in _SYLLABLE_KEYS:
        return True
    return pieces > 1 and any(
        part[:i] in _SYLLABLE_KEYS and name_syllables(part[i:], pieces - 1) for i in range(1, len(part))
    )


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


def _partwise(
    expected: tuple[str, ...], typed: tuple[str, ...], form: Form, written: tuple[str, ...]
) -> int | None:
    total = 0
    slipped = False
    for i, (e, t, a) in enumerate(zip(expected, typed, form.allowances, strict=True)):
        if e == t:
            continue
        if a > 0:
            d = OSA.distance(e, t, score_cutoff=a)
            if d > a:
                return None
            total += d
        elif a == 0 and _swapped(e, t):
            total += 1
        elif a == 0 and form.slips and not slipped and _slip(e, t, form.strict, written[i]):
            total += 1
            slipped = True  # one slip in the whole name
        else:
            return None
    return total


def _aligned(expected: tuple[str, ...], joined: str, typed: str, form: Form) -> int | None:
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
    return _partwise(expected, tuple(pieces), form, form.parts)


def distance(a: str, b: str) -> float:
    """How far apart two keys are, 0 (same) to 1: the measure of the confusable guard."""
    return OSA.normalized_distance(a, b)
