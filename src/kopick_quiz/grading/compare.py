"""Find an expected answer in typed text, and refuse it when it is nearer to something else.

`Candidates` is compiled once per question: the forms it accepts (each tied to the answer it
stands for) and its *rivals*, the names it must not be confused with (the other entities of
the answer's kind, the other choices or answers of the question). `Candidates.search` finds
in typed text the mentions of both, exactly or with typos, so a caller can tell an answer
from a near miss, a sentence around an answer from a hedge between two.
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field, replace

from rapidfuzz.distance import OSA

from ..text import normalise
from .lexicon import Lexicon
from .names import NUMERAL_WORDS as _NUMERAL_WORDS
from .names import Form, Span, distance, numerals, span, typos

# Words a sentence around an answer is made of: they never make a second answer.
_FILLER_WORDS = """
    i im ive id me my we you it its s is was were be been being are am the a an this that these those
    think thought guess believe suppose reckon say said know knew sure certain not no maybe perhaps probably
    possibly definitely certainly surely pretty quite really very just only so well oh ah um uh er hmm hm
    answer answers name named called by in at of on from for to with as and or either then than also too
    directed produced made shot filmed written co coproduced distributed funded financed played starred
    film movie studio company festival person director actor actress country city place one guy
    there here which who what whose whom where when how yes yeah yep ok okay final like
"""
FILLER = frozenset(_FILLER_WORDS.split())
# Titles and trades written before a name (`Mr. Kim Yong-hwa`, `filmmaker Hwang Dong-hyuk`): words
# of a sentence, not of the name (but, unlike filler, they may start a title: `Mr. Go`).
_TITLE_WORDS = """
    mr mrs ms mx dr doctor prof professor sir dame madam mister filmmaker producer screenwriter
    writer cinematographer auteur
"""
TITLES = frozenset(_TITLE_WORDS.split())
# Company suffixes and legal forms written after a company's name (`Showbox Inc.`, `GDH 559 Studios`).
_COMPANY_WORDS = """
    inc incorporated corp corporation co company ltd limited llc plc gmbh ag sa pte pty bv nv kk
    studios studio pictures entertainment productions production films film group holdings media
"""
COMPANY = frozenset(_COMPANY_WORDS.split())
# Articles other languages start titles with (`Le Transperceneige`, `L'Avventura`, `Das Boot`).
_ARTICLE_WORDS = "le la les l el los las il lo gli der die das"
ARTICLES = frozenset(_ARTICLE_WORDS.split())
# `The` misspelt at the head of a title (`normalise` drops only `the`, `a` and `an` spelt right).
_ARTICLE_SLIPS = frozenset({"te", "th", "teh", "hte", "thw", "tge", "yhe", "rhe", "tje"})
NEGATIONS = frozenset({"not", "isnt", "wasnt", "never", "nor"})
DISJUNCTIONS = frozenset({"or", "either", "maybe", "perhaps"})

_DIGITS = re.compile(r"\d+")
_BREAKS = re.compile(r"[,;:()!?\n]|\s[-\u2013\u2014]\s")
_RIVAL_NEAR = 0.2  # a rival named with at most this share of typos counts as named
_FEEDBACK_NEAR = 0.25  # a miss this near a rival is told which one it is


@dataclass(frozen=True, slots=True)
class Hit:
    """A mention of an expected answer."""

    target: int  # index of the answer it stands for
    form: Form
    typos: int  # 0: the same key (an alias, or another romanisation)
    exact: bool  # an accepted spelling, up to case, accents, punctuation and spacing
    start: int
    end: int
    score: float = 0.0  # the guard's distance to the form


@dataclass(frozen=True, slots=True)
class Mention:
    """A mention of something else: another entity, another choice."""

    form: Form
    start: int
    end: int
    exact: bool


@dataclass
class Found:
    """What `search` found in one piece of text."""

    hits: list[Hit] = field(default_factory=list)
    rivals: list[Mention] = field(default_factory=list)
    leftover: list[str] = field(default_factory=list)  # words outside every mention, but for filler
    # A miss (no answer, no rival): what was typed, and its words, for telling the rival it is
    # nearest to (`Candidates.near`), which is looked for only when a verdict asks.
    miss: tuple[Span, int] | None = None
    negated: bool = False
    whole: bool = False  # the whole text is one exact name: the verdict depends on nothing else
    one_name: bool = False  # the text was read as one name, not a sentence: it depends on the text alone


class Candidates:
    """The accepted forms and the rivals of one question, compiled for repeated grading."""

    def __init__(
        self,
        targets: Sequence[Iterable[Form]],
        extras: Iterable[Form],
        lexicon: Lexicon,
        kinds: frozenset[str] = frozenset(),
    ) -> None:
        """`targets` holds the accepted forms of each answer; the rivals are `extras` (the
        question's other options, its wrong answers with feedback) and every name of `kinds`
        in the lexicon but the answer's own."""
        self.lexicon = lexicon
        self.kinds = kinds
        self.forms: list[tuple[int, Form]] = []
        self.exact: dict[str, tuple[int, Form]] = {}
        self.keyed: dict[str, tuple[int, Form]] = {}
        owners: set[str] = set()
        for index, forms in enumerate(targets):
            for form in forms:
                if not form.squashed:
                    continue
                self.forms.append((index, form))
                self.exact.setdefault(form.squashed, (index, form))
                self.keyed.setdefault(form.key, (index, form))
                owners.add(form.owner)
        # A title may be typed without its foreign article, or with one (`Transperceneige`, `Le Parasite`).
        self.titles = "film" in kinds or (not kinds and any(o.startswith("answer:") for o in owners))
        if self.titles:
            for index, form in list(self.forms):
                if len(form.parts) > 1 and form.parts[0] in ARTICLES and not form.strict:
                    bare = replace(Form.of(" ".join(form.parts[1:]), form.owner, main=False), text=form.text)
                    self.forms.append((index, bare))
                    self.exact.setdefault(bare.squashed, (index, bare))
                    self.keyed.setdefault(bare.key, (index, bare))
        # Runs of words of an answer's name short of the whole (`Kim Jin`, `Production`): a part
        # left out, never a typo of the name, however few letters it lacks.
        self.partial = frozenset(
            form.parts[i:j]
            for _, form in self.forms
            for i in range(len(form.parts))
            for j in range(i + 1, len(form.parts) + 1)
            if j - i < len(form.parts) and "".join(form.parts[i:j]) not in self.exact
        )
        self.owners = frozenset(owners)
        self.has_digits = any(form.digits for _, form in self.forms)
        # `ok` of `Sang-ok`, `in` of `In-hyeon`: words of the answer that a sentence is also made of
        self.part_words = frozenset(p for _, form in self.forms for p in form.parts)
        # The rivals: the extras first, then the names of the kinds (shared by every question of
        # those kinds), each spelling once, the answer's own names and spellings left out.
        self.extras: list[Form] = []
        self.extra_exact: dict[str, Form] = {}
        for form in extras:
            if self._passes(form) and form.squashed not in self.extra_exact:
                self.extra_exact[form.squashed] = form
                self.extras.append(form)
        self.extra_keyed: dict[str, Form] = {}
        for form in self.extras:
            self.extra_keyed.setdefault(form.key, form)
        self.shared = lexicon.rival_index(kinds)
        self.has_rivals = bool(self.extras) or self._kind_has_rivals()
        self.max_parts = max((len(f.parts) for _, f in self.forms), default=1)
        # Lengths a typed name may have, romanised or as typed (`co` is `company` romanised).
        self.min_key = min(
            (min(len(f.key), len(f.squashed)) - f.slack - f.slips for _, f in self.forms), default=0
        )
        self.max_key = max(
            (max(len(f.key), len(f.squashed)) + f.slack + f.slips for _, f in self.forms), default=0
        )
        self.span_parts = max(self.max_parts, lexicon.max_parts, *(len(f.parts) for f in self.extras), 1)

    # -- the rivals -----------------------------------------------------------------------------
    def _passes(self, form: Form) -> bool:
        """Whether a name may be a rival at all: not the answer's, nor one of its spellings."""
        return bool(form.squashed) and form.owner not in self.owners and form.squashed not in self.exact

    def _is_kind_rival_at(self, i: int) -> bool:
        """Whether the `i`th name of the kinds' index may be a rival: not the answer's, nor one of its
        spellings, nor one of the extras (looked up without compiling the name)."""
        shared = self.shared
        squashed = shared.squashed[i]
        return (
            shared.owners[i] not in self.owners
            and squashed not in self.exact
            and squashed not in self.extra_exact
        )

    def _kind_has_rivals(self) -> bool:
        """Whether any name of the kinds is a rival: not all of them are the answer's or the extras'."""
        shared = self.shared
        left_out: set[int] = set()
        for squashed in (*self.exact, *self.extra_exact):
            left_out.update(shared.by_squashed.get(squashed, ()))
        for owner in self.owners:
            for squashed in self.lexicon.squashed_of(owner):
                left_out.update(i for i in shared.by_squashed.get(squashed, ()) if shared.owners[i] == owner)
        return len(left_out) < len(shared)

    def rival_exact(self, squashed: str) -> Form | None:
        """The rival spelled exactly like this, if any."""
        found = self.extra_exact.get(squashed)
        if found is not None:
            return found
        for i in self.shared.by_squashed.get(squashed, ()):
            if self._is_kind_rival_at(i):
                return self.shared.form(i)
        return None

    def _leads_its_key_at(self, index: int) -> bool:
        """Whether the `index`th name of the kinds is the first rival of its romanisation key (the
        one a search reports)."""
        key = self.shared.keys[index]
        if key in self.extra_keyed:
            return False
        return next((i for i in self.shared.by_key[key] if self._is_kind_rival_at(i)), None) == index

    # -- one span -------------------------------------------------------------------------------
    def other_entity(self, squashed: str) -> Form | None:
        """The form of another entity (any kind) or a rival spelled exactly like this, if any."""
        rival = self.rival_exact(squashed)
        if rival is not None:
            return rival
        for owner in self.lexicon.owners_of(squashed):
            if owner not in self.owners:
                for form in self.lexicon.forms_of[owner]:
                    if form.squashed == squashed:
                        return form
        return None

    def fuzzy(self, span: Span, start: int, end: int) -> Hit | Mention | None:
        """Match a span that is no accepted spelling: a romanisation, typos, or a rival nearer."""
        n, typed = len(span.key), len(span.squashed)
        if (n < self.min_key and typed < self.min_key) or (n > self.max_key and typed > self.max_key):
            return None
        exact = self.exact.get(span.squashed)
        if exact is not None:
            return Hit(exact[0], exact[1], 0, True, start, end)
        found = self.keyed.get(span.key)
        if found is not None:
            return Hit(found[0], found[1], 0, False, start, end)
        if span.parts in self.partial:
            return None
        best: Hit | None = None
        digits = (
            tuple(_DIGITS.findall(span.squashed)) if self.has_digits or not span.squashed.isalpha() else ()
        )
        for index, form in self.forms:
            if digits != form.digits:  # `Snowpiercer 2`, `GDH 558`: another title, another studio
                continue
            d = typos(form, span)
            if d is None:
                continue
            score = distance(span.key, form.key)
            if best is None or (d, score) < (best.typos, best.score):
                best = Hit(index, form, d, False, start, end, score)
        if best is None:
            return None
        # As near to a rival as to the answer, in typos (as typed or as romanised, whichever is
        # fewer: `Coina` is one letter from `China`): never give the benefit of the doubt.
        rival = self.nearest_rival(span, best.typos / len(span.key))
        if rival is not None and self._typos_to(span, rival) <= best.typos:
            return Mention(rival, start, end, False)
        return best

    @staticmethod
    def _typos_to(span: Span, form: Form) -> int:
        return min(OSA.distance(span.key, form.key), OSA.distance(span.squashed, form.squashed))

    def nearest_rival(self, span: Span, cutoff: float = _FEEDBACK_NEAR) -> Form | None:
        """The rival nearest to `span` if its distance is `cutoff` or less.

        Among equally near ones: the shortest key, then the extras, then the kinds' order.
        """
        n = len(span.key)
        if n < 3:
            return None
        # OSA over the longer length: a distance of `cutoff` or less needs lengths this close.
        shortest = math.floor(n * (1 - cutoff))
        longest = math.ceil(n / (1 - cutoff)) if cutoff < 1 else n * 1000
        best: tuple[float, int, int, int] | None = None
        chosen: Form | None = None
        at = -1
        for i, form in enumerate(self.extra_keyed.values()):
            if shortest <= len(form.key) <= longest:
                score = OSA.normalized_distance(span.key, form.key)
                rank = (score, len(form.key), 0, i)
                if score <= cutoff and (best is None or rank < best):
                    best, chosen = rank, form
        shared = self.shared
        # Nearest first: the names one typo away, then, unless one of them (or an extra) is nearer
        # than any name two typos away can be, all of them (a search allowing many typos costs
        # far more than one allowing a single one).
        edits = int(cutoff * max(n, longest) + 1e-9)
        stages: tuple[int | None, ...] = (1, None) if shared.prefilter and edits >= 2 else (None,)
        for within in stages:
            if best is not None and within is None and shared.prefilter and best[0] < cutoff:
                # only names as near as the nearest found so far can still be chosen: a narrower search
                cutoff = best[0]
                shortest = math.floor(n * (1 - cutoff))
                longest = math.ceil(n / (1 - cutoff))
            for score, index in shared.near(span.key, cutoff, shortest, longest, within):
                rank = (score, shared.lengths[index], 1, index)
                if (
                    (best is None or rank < best)
                    and self._is_kind_rival_at(index)
                    and self._leads_its_key_at(index)
                ):
                    best, at = rank, index
            if within is not None and best is not None and best[0] < (within + 1) / max(n, longest):
                break
        return shared.form(at) if best is not None and best[2] == 1 else chosen

    def counts_as_rival(self, form: Form) -> bool:
        """In a sentence, only the question's rivals and names of the answer's kind are a second answer."""
        return (
            self.rival_exact(form.squashed) is not None or self.lexicon.kind_of.get(form.owner) in self.kinds
        )

    # -- a whole answer -------------------------------------------------------------------------
    def search(self, words: Sequence[str], every: bool = False, text: str | None = None) -> Found:
        """Mentions of the answers and of their rivals in normalised words (of `text`, if given).

        With `every`, misspelled answers are looked for beside exactly spelled ones (a list of
        several answers); otherwise one exactly spelled answer ends the search for others.
        In a sentence, an answer counts only when set apart: by punctuation in `text`, by the
        words a sentence is made of, or by another name (`North Korea` holds no `Korea`).
        """
        found = Found()
        n = len(words)
        if n == 0:
            return found
        squashed = "".join(words)
        # `7th` is `7`, as the names are keyed; `seventh` too, where an answer has a number
        if not squashed.isalpha() or (self.has_digits and not _NUMERAL_WORDS.isdisjoint(words)):
            words = numerals(tuple(words))
            squashed = "".join(words)
            n = len(words)
        target = self.exact.get(squashed)
        if target is not None:
            found.hits.append(Hit(target[0], target[1], 0, True, 0, n))
            found.whole = True
            return found
        other = self.other_entity(squashed)
        if other is not None:
            found.rivals.append(Mention(other, 0, n, True))
            found.whole = True
            return found
        if n > 1 and words[-1] in COMPANY:
            company = self._company(words)
            if company is not None:
                (found.hits if isinstance(company, Hit) else found.rivals).append(company)  # type: ignore[arg-type]
                return found
        if n > 1 and self.titles and (words[0] in ARTICLES or words[0] in _ARTICLE_SLIPS):
            # `Le Parasite`, `La Medium`: the title without its article. A word that only looks
            # like one (`The Las Woman of Shang`, where `las` is `Last` misspelt) is read as part
            # of the title when the title without it is nothing; an English article misspelt
            # (`Te Host`) is one typo.
            bare = self.search(words[1:], every, text)
            if words[0] in _ARTICLE_SLIPS:
                if bare.hits:
                    bare.hits = [replace(h, typos=h.typos + 1, exact=False) for h in bare.hits]
                    return bare
            elif (
                bare.hits
                or n > self.max_parts + 1
                or not isinstance(self.fuzzy(span(tuple(words)), 0, n), Hit)
            ):
                return bare
        whole = span(tuple(words))
        if n > 1 and words[0] in TITLES:  # `Mr. Kim Yong-hwa`, but `Mr Goo` is `Mr. Go` misspelt
            match = self.fuzzy(whole, 0, n) if n <= self.max_parts + 1 else None
            if match is None:
                return self.search(words[1:], every, text)
        if n <= self.max_parts + 1:
            match = self.fuzzy(whole, 0, n)
            if isinstance(match, Hit):
                if match.typos and (self._extra(words[0]) or self._extra(words[-1])):
                    # `it's International co-production`: the filler is not a typo of the name
                    inner = self._sentence_of(words, text, every)
                    if inner.hits and min(h.typos for h in inner.hits) < match.typos:
                        return inner
                else:
                    found.one_name = True
                found.hits.append(match)
                return found
            if isinstance(match, Mention):
                found.rivals.append(match)
                found.one_name = True
                return found
            # A few words with nothing of a sentence about them are one name, and not this one.
            if n == 1 or not (
                any(self.apart(w) and w not in self.part_words for w in words)
                or (text and _BREAKS.search(text))
            ):
                found.miss = (whole, n)
                found.one_name = True
                return found
        return self._sentence_of(words, text, every)

    def _company(self, words: Sequence[str]) -> Hit | Mention | None:
        """A company named with a suffix or legal form after its name: `Showbox Inc.`, `GDH 559 Studios`."""
        n = len(words)
        for cut in range(n - 1, 0, -1):
            stem = words[:cut]
            squashed = "".join(stem)
            target = self.exact.get(squashed)
            if target is not None and self._company_form(target[1]):
                return Hit(target[0], target[1], 0, True, 0, n)
            other = self.other_entity(squashed)
            if other is not None and self._company_form(other):
                return Mention(other, 0, n, True)
            match = self.fuzzy(span(tuple(stem)), 0, n)
            if match is not None and self._company_form(match.form):
                return match
            if words[cut - 1] not in COMPANY:
                return None
        return None

    def _company_form(self, form: Form) -> bool:
        return self.lexicon.kind_of.get(form.owner) == "organisation"

    def _sentence_of(self, words: Sequence[str], text: str | None, every: bool) -> Found:
        """Search `words` as a sentence, cut where `text` has punctuation between them."""
        breaks: set[int] = set()
        if text is not None:
            words = []
            for piece in _BREAKS.split(text):
                more = normalise(piece).split()
                if not "".join(more).isalpha() or (self.has_digits and not _NUMERAL_WORDS.isdisjoint(more)):
                    more = list(numerals(tuple(more)))
                if more:
                    breaks.add(len(words))
                    words.extend(more)
        return self._sentence(words, Found(), every, breaks)

    def near(self, found: Found, owners: Collection[str] | None = None) -> Mention | None:
        """For the feedback on a miss: the rival nearest to what was typed, if any is near.

        It searches every name of the kinds, so it is looked for only when a verdict tells it.
        With `owners`, it is wanted only if one of them owns it (a choice question names only
        its options): unless a name of theirs is near enough, no search is made.
        """
        if found.miss is None:
            return None
        typed, n = found.miss
        if owners is not None and not self._owned_near(typed, owners):
            return None
        form = self.nearest_rival(typed)
        return None if form is None else Mention(form, 0, n, False)

    def _owned_near(self, typed: Span, owners: Collection[str]) -> bool:
        """Whether a name of `owners` (keyed as `nearest_rival` compares it) is near enough to
        `typed` to be the nearest rival."""
        keys = [form.key for form in self.extras if form.owner in owners]
        keys += (key for owner in owners for key in self.lexicon.keys_of(owner))
        return any(
            OSA.normalized_distance(typed.key, key, score_cutoff=_FEEDBACK_NEAR) <= _FEEDBACK_NEAR
            for key in keys
        )

    def _sentence(self, words: Sequence[str], found: Found, every: bool, breaks: set[int]) -> Found:
        n = len(words)
        breaks = breaks | {0, n}
        taken = [False] * n
        mentions: list[tuple[int, int, Hit | Mention]] = []
        # Exact mentions first, longest first, so `Shaw Brothers Studio` is not read as `Shaw Brothers`.
        longest = min(self.span_parts, n)
        for size in range(longest, 0, -1):
            for i in range(n - size + 1):
                if any(taken[i : i + size]):
                    continue
                squashed = "".join(words[i : i + size])
                target = self.exact.get(squashed)
                if target is not None:
                    item: Hit | Mention = Hit(target[0], target[1], 0, True, i, i + size)
                else:
                    other = self.other_entity(squashed)
                    if other is None:
                        continue
                    if not self.counts_as_rival(other):  # another kind of thing: context, not an answer
                        for j in range(i, i + size):
                            taken[j] = True
                        continue
                    item = Mention(other, i, i + size, True)
                mentions.append((i, i + size, item))
                for j in range(i, i + size):
                    taken[j] = True
        self._set_apart(words, taken, mentions, breaks)
        if every or not any(isinstance(m, Hit) for _, _, m in mentions):
            self._fuzzy_windows(words, taken, mentions, self.fuzzy, self.max_parts + 1)
            self._set_apart(words, taken, mentions, breaks)
            if self.has_rivals:
                self._nearer_around(words, taken, mentions)
        if any(not taken[i] and words[i] not in FILLER for i in range(n)) and self.has_rivals:
            self._fuzzy_windows(words, taken, mentions, self._near_rival, 3)
        mentions.sort(key=lambda m: m[0])
        for start, _end, item in mentions:
            negated = start > 0 and words[start - 1] in NEGATIONS
            if isinstance(item, Hit):
                if negated:
                    found.negated = True
                else:
                    found.hits.append(item)
            elif not negated:
                found.rivals.append(item)
        found.leftover = [words[i] for i in range(n) if not taken[i] and not self.apart(words[i])]
        if not found.hits and not found.rivals:
            found.miss = (span(tuple(w for w in words if w not in FILLER)), n)
        return found

    def _nearer_around(
        self, words: Sequence[str], taken: list[bool], mentions: list[tuple[int, int, Hit | Mention]]
    ) -> None:
        """A misspelled answer inside a misspelled rival is that rival: `Love with an Aline` holds
        `Aline`, one letter from `Alone`, but as a whole it is nearer `Love with an Alien`."""
        n = len(words)
        longest = self.span_parts
        for item in list(mentions):
            start, end, hit = item
            if not isinstance(hit, Hit) or hit.exact:
                continue
            best: tuple[float, int, int, Form] | None = None
            for i in range(max(0, end - longest), start + 1):
                if words[i] in FILLER or any(taken[i:start]):
                    continue
                for j in range(end, min(n, i + longest) + 1):
                    if (i, j) == (start, end) or words[j - 1] in FILLER or any(taken[end:j]):
                        continue
                    window = span(tuple(words[i:j]))
                    form = self.nearest_rival(window, min(_RIVAL_NEAR, hit.score))
                    if form is not None and self.counts_as_rival(form):
                        score = distance(window.key, form.key)
                        if score <= hit.score and (best is None or score < best[0]):
                            best = (score, i, j, form)
            if best is not None:
                _score, i, j, form = best
                mentions.remove(item)
                mentions.append((i, j, Mention(form, i, j, False)))
                for k in range(i, j):
                    taken[k] = True

    def _set_apart(
        self,
        words: Sequence[str],
        taken: list[bool],
        mentions: list[tuple[int, int, Hit | Mention]],
        breaks: set[int],
    ) -> None:
        """Drop the answers found inside a longer name: `Korea` in `North Korea`, `GDH` in `GDH 558`."""
        for item in list(mentions):
            start, end, found = item
            if not isinstance(found, Hit):
                continue
            left = start in breaks or taken[start - 1] or self.apart(words[start - 1])
            right = end in breaks or taken[end] or self.apart(words[end])
            if not (left and right):
                mentions.remove(item)
                for j in range(start, end):
                    taken[j] = False

    def _extra(self, word: str) -> bool:
        """A word of a sentence that is not a word of the answer: `it`, but not the `in` of `In-hyeon`."""
        return word not in self.part_words and self.apart(word)

    def apart(self, word: str) -> bool:
        """A word that may stand beside an answer: `was`, `Thai`, `Mr` (not a number: `GDH 558`)."""
        return word in FILLER or word in TITLES or word in self.lexicon.neutral

    def _near_rival(self, span: Span, start: int, end: int) -> Mention | None:
        if len(span.key) < 4:
            return None
        form = self.nearest_rival(span, _RIVAL_NEAR)
        if form is None or not self.counts_as_rival(form):
            return None
        return Mention(form, start, end, False)

    @staticmethod
    def _fuzzy_windows(words, taken, mentions, judge, longest) -> None:  # type: ignore[no-untyped-def]
        """Best non-overlapping fuzzy matches among the words no exact mention took."""
        n = len(words)
        found: list[tuple[float, int, int, Hit | Mention]] = []
        for size in range(min(longest, n), 0, -1):
            for i in range(n - size + 1):
                if any(taken[i : i + size]) or words[i] in FILLER or words[i + size - 1] in FILLER:
                    continue
                item = judge(span(tuple(words[i : i + size])), i, i + size)
                if item is not None:
                    rank = item.score if isinstance(item, Hit) else 0.0
                    found.append((rank, -size, i, item))
        found.sort(key=lambda f: (f[0], f[1]))
        for _rank, negsize, i, item in found:
            size = -negsize
            if any(taken[i : i + size]):
                continue
            mentions.append((i, i + size, item))
            for j in range(i, i + size):
                taken[j] = True
