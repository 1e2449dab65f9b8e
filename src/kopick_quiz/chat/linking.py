"""Entity linking: which films, people, companies and places a question names.

Built once per fact base (see `Brain`), then cheap per question:

1. the question is folded and cut into tokens (`Kim Jin-gyu's` -> `kim jin gyu`);
2. every span of tokens holding a content word is looked up exactly, with and without spaces;
3. content words no exact name covers pull candidate names from a token index (a typo is
   first mapped to the indexed words one deletion away, a symmetric-delete index), and each
   candidate is compared whole with the spans of about its length: it matches within
   `allowed_typos` (one in short names, two or three in long ones);
4. the best spans win, longest and closest first; near-equal rivals make a span ambiguous;
   a surname or a studio's first word alone (`Bong`, `Dexter`) names whoever answers to it,
   or asks which one when several do.

Whole names against whole spans is deliberate: partial and token-set scorers accept a fragment
of a long name (`alien` for `Love with an Alien`), which is how a linker invents.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from ..facts.base import FactBase
from ..progress import Progress, no_progress, split, tracked
from ..text import normalise
from .intents import ARTICLES, CUE_TYPO_TARGETS, CUE_VOCABULARY, FUNCTION_WORDS

MAX_CHARS = 2_000  # of a question; the rest of a pasted essay is not read
MAX_TOKENS = 64
MAX_TOKEN_CHARS = 40
MAX_SPAN = 10  # tokens in the longest name considered
COMMON_TOKEN = 2_500  # names sharing a token beyond this: too common to find candidates by
MAX_TYPO_LOOKUPS = 6  # unknown words looked up in the token index, per question
NEAR_MARGIN = 5.0  # a typo stands for its nearest indexed words only, not for any word alike
STRAY_WORD = 5  # letters: an unknown word this long may be two words of a name run together
SHORT_NAME = 7  # letters: names this short are also indexed without spaces, and judged strictly
MAX_COMPARISONS = 20_000  # names scored per question: bounds the work on pasted essays

_POSSESSIVE = re.compile(r"(?<=\w)['\u2019]s\b")
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d|2100)$")
_DECADE = re.compile(r"^(1[89]\d|20\d)0s$")
_NUMBER = re.compile(r"^\d+(st|nd|rd|th)?$")

# Token classes.
FUNCTION, CUE, CONTENT, NUMBER, YEAR = "function", "cue", "content", "number", "year"
# Kinds whose names a single word may stand for (a surname, a studio's first word).
PART_KINDS = frozenset({"person", "organisation", "festival"})


def fold(text: str) -> str:
    """Fold a name or question for matching: `normalise`, possessive `'s` dropped first."""
    return normalise(_POSSESSIVE.sub("", text))


@dataclass(frozen=True)
class Token:
    text: str  # folded
    cls: str  # FUNCTION, CUE, CONTENT, NUMBER or YEAR
    upper: bool  # typed in capitals: an acronym (US, SKY) even where the word is common


@dataclass(frozen=True)
class Mention:
    """A span of the question's tokens that names one entity, or several equally well."""

    start: int
    end: int
    ids: tuple[str, ...]  # best first; more than one means the question is ambiguous
    score: float  # 100 for an exact name
    partial: bool = False  # one word of a longer name ("Bong")


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    entity: str
    score: float
    weight: float  # matched characters, discounted by the score: longer, surer names win


def allowed_typos(length: int) -> int:
    """Typos forgiven in a name of `length` letters: none up to 3, then 1, 2 (from 9), 3 (from 17).

    A typo is a letter wrong, missing, extra, or two letters swapped (OSA distance): "Snowpiercr",
    "Tyrnat". "world" is two typos from "sword", so no spelling of it.
    """
    if length <= 3:
        return 0
    return 1 if length <= 8 else 2 if length <= 16 else 3


# Words students spell out that names abbreviate: "Mister Go" is "Mr. Go".
SPELLED_OUT = {"mister": "mr", "doctor": "dr", "saint": "st"}


def split_question(text: str) -> list[tuple[str, bool]]:
    """A question's folded tokens, each with whether it was typed in capitals."""
    out: list[tuple[str, bool]] = []
    for chunk in text[:MAX_CHARS].split():
        letters = [c for c in chunk if c.isalpha()]
        upper = len(letters) >= 2 and all(c.isupper() for c in letters)
        for part in fold(chunk).split():
            if len(part) <= MAX_TOKEN_CHARS:
                out.append((SPELLED_OUT.get(part, part), upper))
        if len(out) >= MAX_TOKENS:
            return out[:MAX_TOKENS]
    return out


class Linker:
    """Indexes of every name and alias of a fact base, and the matching of questions to them."""

    def __init__(self, base: FactBase, progress: Progress = no_progress) -> None:
        """`progress` follows the indexing: every name, then every word's misspellings."""
        self.base = base
        naming, misspelling = split(progress, 2, 1)
        texts: list[str] = []
        entities: list[str] = []
        seen: set[tuple[str, str]] = set()
        for text, entity_id in tracked(list(_names(base)), naming):
            folded = fold(text)
            if not folded or (folded, entity_id) in seen:
                continue
            seen.add((folded, entity_id))
            texts.append(folded)
            entities.append(entity_id)
        self.texts = texts
        self.entities = entities
        self.squashed = [t.replace(" ", "") for t in texts]
        self.allowed = [allowed_typos(len(s)) for s in self.squashed]
        self.lengths = [len(t.split()) for t in texts]
        self.words = [frozenset(t.split()) for t in texts]
        # Words that open or close some name: a span may start or end on a word that names
        # nothing by itself ("of", "festival") only if some name starts or ends with it.
        self.first_words = frozenset(t.split(" ", 1)[0] for t in texts)
        self.last_words = frozenset(t.rsplit(" ", 1)[-1] for t in texts)

        # Ordered sets (dicts of None): an entity once per key, in the order of the fact base.
        exact: dict[str, dict[str, None]] = defaultdict(dict)
        squashed: dict[str, dict[str, None]] = defaultdict(dict)
        postings: dict[str, list[int]] = defaultdict(list)
        parts: dict[str, dict[str, None]] = defaultdict(dict)
        for i, (text, entity_id) in enumerate(zip(texts, entities, strict=True)):
            exact[text][entity_id] = None
            squashed[self.squashed[i]][entity_id] = None
            words = text.split()
            for word in set(words):
                postings[word].append(i)
            # "D-War", "Mr. Go" typed as one word, perhaps mistyped ("drwar"): index "dwar" too.
            if len(words) > 1 and len(self.squashed[i]) <= SHORT_NAME:
                postings[self.squashed[i]].append(i)
            if len(words) > 1 and base.kind_of[entity_id] in PART_KINDS:
                for word in words:
                    if _is_part(word):
                        parts[word][entity_id] = None
        self.exact = {k: tuple(v) for k, v in exact.items()}
        self.exact_squashed = {k: tuple(v) for k, v in squashed.items()}
        self.postings = dict(postings)
        self.parts = {k: tuple(v) for k, v in parts.items()}
        # Typos: every indexed word under each spelling with one letter left out (two for long
        # words); a typo shares one of those with the word it misspells (a symmetric-delete index).
        deletions: dict[str, list[str]] = defaultdict(list)
        for word in tracked(list(self.postings), misspelling):
            if len(word) >= 3 and not word.isdigit():
                for key in _deletions(word):
                    deletions[key].append(word)
        self.deletions = dict(deletions)
        self.content_counts = [
            max(1, sum(1 for w in t.split() if w not in FUNCTION_WORDS and w not in CUE_VOCABULARY))
            for t in texts
        ]
        self.max_span = min(MAX_SPAN, max(self.lengths, default=1) + 1)

    # -- tokens ---------------------------------------------------------------------------------
    def tokens(self, text: str) -> list[Token]:
        """The question's tokens, classed; a mistyped cue word ("directd") is read as the cue."""
        out: list[Token] = []
        lookups = 0
        for word, upper in split_question(text):
            if word in FUNCTION_WORDS:
                cls = FUNCTION
            elif word in CUE_VOCABULARY:
                cls = CUE
            elif _YEAR.match(word) or _DECADE.match(word):
                cls = YEAR
            elif _NUMBER.match(word):
                cls = NUMBER
            else:
                cls = CONTENT
                if word not in self.postings and len(word) >= 5 and lookups < MAX_TYPO_LOOKUPS:
                    lookups += 1
                    cue = process.extractOne(word, CUE_TYPO_TARGETS, scorer=fuzz.ratio, score_cutoff=80)
                    if cue is not None:
                        near = self.neighbours(word, limit=1)
                        if not near or near[0][1] < cue[1]:
                            word, cls = cue[0], CUE
            out.append(Token(word, cls, upper))
        return out

    def neighbours(self, word: str, limit: int = 4) -> list[tuple[str, float]]:
        """Indexed words spelt like `word` (a word the index lacks: a typo), nearest first."""
        if len(word) < 3:
            return []
        least = 75.0 if len(word) <= 4 else 70.0
        found: dict[str, float] = {}
        for key in _deletions(word):
            for known in self.deletions.get(key, ()):
                if known not in found:
                    found[known] = fuzz.ratio(word, known)
        ranked = sorted(((s, w) for w, s in found.items() if s >= least), key=lambda sw: (-sw[0], sw[1]))
        return [(w, s) for s, w in ranked[:limit]]

    def suggest(self, words: list[str], limit: int = 3) -> list[str]:
        """Entities whose names look most like `words` (for "I don't know X; nearest: Y")."""
        query = " ".join(words)[:60]
        known: set[str] = set()
        for word in words[:6]:
            if word in self.postings:
                known.add(word)
            else:
                known.update(w for w, _ in self.neighbours(word))
        names = {i for w in known if len(self.postings[w]) <= COMMON_TOKEN for i in self.postings[w]}
        choices = sorted(names)[:MAX_COMPARISONS]
        found = process.extract(
            query, [self.texts[i] for i in choices], scorer=fuzz.ratio, score_cutoff=70, limit=limit * 3
        )
        return list(dict.fromkeys(self.entities[choices[k]] for _, _, k in found))[:limit]

    # -- linking --------------------------------------------------------------------------------
    def link(self, tokens: list[Token], *, allow_cue_names: bool = False) -> list[Mention]:
        """The entities the tokens name, in question order, overlapping spans resolved."""
        n = len(tokens)
        if n == 0:
            return []
        linkable = [_linkable(t, allow_cue_names) for t in tokens]
        texts = [t.text for t in tokens]
        candidates: list[_Candidate] = []

        # Exact names, with or without spaces ("snow piercer", "bong joonho").
        covered = [False] * n
        for start in range(n):
            if texts[start] in ARTICLES:  # names are stored without a leading article
                continue
            has_word = False
            for end in range(start + 1, min(n, start + self.max_span) + 1):
                has_word = has_word or linkable[end - 1]
                if not has_word:
                    continue
                span = " ".join(texts[start:end])
                ids = self.exact.get(span) or self.exact_squashed.get(span.replace(" ", ""))
                if ids:
                    for entity_id in ids:
                        weight = float(len(span.replace(" ", "")))
                        candidates.append(_Candidate(start, end, entity_id, 100.0, weight))
                    covered[start:end] = [True] * (end - start)

        # Near names, for content words no exact name covers.
        open_words = [p for p in range(n) if not covered[p] and linkable[p] and tokens[p].cls == CONTENT]
        if open_words:
            candidates.extend(self._fuzzy(tokens, linkable, open_words))

        mentions = _choose(candidates)
        loose = _loose(tokens, mentions)
        # A short word near a short name, beside a word the base lacks, is part of a name it
        # lacks too: "Kar" in "Wong Kar-wai" is no misspelt "Karo".
        mentions = [
            m
            for m in mentions
            if m.score == 100.0
            or m.end - m.start > 1
            or len(texts[m.start]) > SHORT_NAME - 2
            or not ((m.start > 0 and loose[m.start - 1]) or (m.end < n and loose[m.end]))
        ]

        # A lone surname or first word: "Bong", "Dexter", "Kim" (ambiguous: ask which).
        loose = _loose(tokens, mentions)
        for p, token in enumerate(tokens):
            if not loose[p] or token.text not in self.parts:
                continue
            # Beside another unknown word it is part of a name the base lacks: "Steven Spielberg".
            if (p > 0 and loose[p - 1]) or (p + 1 < n and loose[p + 1]):
                continue
            mentions.append(Mention(p, p + 1, self.parts[token.text], 100.0, partial=True))
        return sorted(mentions, key=lambda m: m.start)

    def _fuzzy(
        self, tokens: list[Token], linkable: list[bool], open_words: list[int]
    ) -> Iterable[_Candidate]:
        """Names within a few typos of spans holding an `open_words` position (no exact name there)."""
        n = len(tokens)
        texts = [t.text for t in tokens]
        # Names sharing a word (or a typo's nearest indexed word) with the question, and where.
        hits: dict[int, set[int]] = defaultdict(set)
        common: list[int] = []  # positions of words too common to find names by ("kim")
        strays: set[int] = set()  # positions of words spelt like nothing indexed ("yongahwa")
        lookups = 0
        for p in range(n):
            token = tokens[p]
            if not linkable[p] or token.cls not in (CONTENT, NUMBER):
                continue
            words = [token.text] if token.text in self.postings else []
            if not words and p in open_words and lookups < MAX_TYPO_LOOKUPS and token.cls == CONTENT:
                lookups += 1
                near = self.neighbours(token.text)
                words = [w for w, score in near if score >= near[0][1] - NEAR_MARGIN]
                if not words and len(token.text) >= STRAY_WORD:
                    strays.add(p)
            for word in words:
                names = self.postings[word]
                if len(names) > COMMON_TOKEN:
                    common.append(p)
                    continue
                for i in names:
                    hits[i].add(p)
        open_set = set(open_words)
        # (position, words in the name) -> candidate names hit there
        at: dict[tuple[int, int], list[int]] = defaultdict(list)
        for i, positions in hits.items():
            if not positions & open_set:
                continue
            if common:  # a common word still counts for the names that hold it
                positions |= {p for p in common if texts[p] in self.words[i]}
            # Half the name's words must be there, or fewer beside a word that may be the rest of
            # it run together or mistyped: "Kim Yongahwa" for "Kim Yong-hwa".
            beside = strays and any(p - 1 in strays or p + 1 in strays for p in positions)
            if len(positions) * 2 >= self.content_counts[i] or beside:
                hits[i] = positions
                for p in positions:
                    at[(p, self.lengths[i])].append(i)

        # Each span starting and ending on a word that can name, scored against the names
        # of about its length found in it: rapidfuzz runs the comparisons in C.
        best: dict[str, _Candidate] = {}
        budget = MAX_COMPARISONS
        for start in range(n):
            if texts[start] in ARTICLES or not _boundary(tokens[start], linkable[start]):
                continue
            if not linkable[start] and texts[start] not in self.first_words:
                continue
            for end in range(start + 1, min(n, start + self.max_span) + 1):
                if not _boundary(tokens[end - 1], linkable[end - 1]):
                    continue
                if not linkable[end - 1] and texts[end - 1] not in self.last_words:
                    continue
                span = range(start, end)
                if not any(p in open_set for p in span):
                    continue
                length = end - start
                chosen: dict[int, None] = {}
                for p in span:
                    for k in (length - 1, length, length + 1):
                        chosen.update(dict.fromkeys(at.get((p, k), ())))
                stray = any(p in strays for p in span)
                choices = [
                    i
                    for i in chosen
                    if stray
                    or self.content_counts[i] <= 2
                    or _inside(hits[i], start, end) * 2 >= self.content_counts[i]
                ]
                if not choices or budget <= 0:
                    continue
                budget -= len(choices)
                spaced = " ".join(texts[start:end])
                squashed = spaced.replace(" ", "")
                # Typos are counted without spaces ("bong joonho"); the score ranks the survivors.
                found = process.extract(
                    squashed,
                    [self.squashed[i] for i in choices],
                    scorer=OSA.distance,
                    score_cutoff=max(self.allowed[i] for i in choices),
                    limit=None,
                )
                for _, typos, k in found:
                    i = choices[k]
                    if typos > self.allowed[i]:
                        continue
                    score = fuzz.ratio(squashed, self.squashed[i])
                    name = self.texts[i]
                    # A word that names nothing opens or closes a span only where the name has it
                    # too: "about yang" is no spelling of "Yang Il-ra", "festival and rvier" is one
                    # of "Festival and River".
                    if not linkable[start] and not name.startswith(texts[start] + " "):
                        continue
                    if not linkable[end - 1] and not name.endswith(" " + texts[end - 1]):
                        continue
                    entity_id = self.entities[i]
                    old = best.get(entity_id)
                    if old is None or (score, -length) > (old.score, -(old.end - old.start)):
                        weight = score / 100 * len(self.squashed[i])
                        best[entity_id] = _Candidate(start, end, entity_id, score, weight)
        return best.values()


def _inside(positions: set[int], start: int, end: int) -> int:
    """How many of `positions` lie in [start, end)."""
    if len(positions) == 1:
        return 1 if start <= next(iter(positions)) < end else 0
    return sum(1 for p in positions if start <= p < end)


def _deletions(word: str) -> set[str]:
    """`word` and its spellings with one letter left out, or up to two for words of 8 letters or more."""
    out = {word}
    frontier = {word}
    for _ in range(2 if len(word) >= 8 else 1):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))}
        out |= frontier
    return out


def _boundary(token: Token, linkable: bool) -> bool:
    """Whether a span may start or end on this token (years and numbers end no name)."""
    return linkable or token.cls in (FUNCTION, CUE)


def _loose(tokens: list[Token], mentions: list[Mention]) -> list[bool]:
    """Content words outside every mention: words the base has no name for."""
    taken = [False] * len(tokens)
    for m in mentions:
        taken[m.start : m.end] = [True] * (m.end - m.start)
    return [not taken[p] and t.cls == CONTENT for p, t in enumerate(tokens)]


def _is_part(word: str) -> bool:
    """Whether one word of a longer name may stand for it: not a common or a short word."""
    return (
        len(word) >= 3
        and word not in FUNCTION_WORDS
        and word not in CUE_VOCABULARY
        and not _NUMBER.match(word)
    )


def _linkable(token: Token, allow_cue_names: bool) -> bool:
    """Whether a token can carry a name: content words and numbers, acronyms typed in capitals."""
    if token.cls in (CONTENT, NUMBER, YEAR):
        return True
    if token.upper:
        return True
    return allow_cue_names and token.cls == CUE


def _choose(candidates: list[_Candidate]) -> list[Mention]:
    """Non-overlapping mentions, best first; near-equal rivals on a span make it ambiguous."""
    ordered = sorted(candidates, key=lambda c: (-c.weight, -c.score, c.start, c.entity))
    used: set[int] = set()
    mentions: list[Mention] = []
    for c in ordered:
        if used & set(range(c.start, c.end)):
            continue
        rivals = [
            r.entity
            for r in ordered
            if r.start < c.end
            and c.start < r.end
            and r.entity != c.entity
            and (
                (r.score == c.score == 100.0 and (r.start, r.end) == (c.start, c.end))
                or (c.score < 100.0 and r.score >= c.score - 2.0 and r.weight >= c.weight - 2.0)
            )
        ]
        ids = tuple(dict.fromkeys([c.entity, *rivals]))
        mentions.append(Mention(c.start, c.end, ids, c.score))
        used.update(range(c.start, c.end))
    return mentions


def _names(base: FactBase) -> Iterable[tuple[str, str]]:
    """Every name and alias, and the adjectives of countries (`Thai`, `Korean`)."""
    for name in base.names:
        yield name.text, name.entity_id
    for country in base.facts.countries:
        yield country.adjective, country.id
        # "South Korea" -> "South Korean", so the alias "Korea" gives "Korean".
        if country.adjective.startswith(country.name):
            suffix = country.adjective[len(country.name) :]
            for alias in country.aliases:
                if suffix and " " not in alias:
                    yield alias + suffix, country.id
