"""grading/nearby.py: the rivals found by walking the sorted keys are those a scan of every key finds."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import process
from rapidfuzz.distance import OSA

from kopick_quiz.grading import Lexicon
from kopick_quiz.grading.lexicon import RivalIndex
from kopick_quiz.grading.names import Form
from kopick_quiz.grading.nearby import Nearby

# Few letters, so that random keys are often a typo or two apart (as romanised names are).
KEY = st.text(alphabet="abgijkmnou", min_size=1, max_size=14)
CUTOFFS = st.sampled_from([0.05, 0.1, 1 / 9, 0.125, 0.2, 0.25, 0.3, 0.34])


def _typed(key: str, edits: list[tuple[int, int, str]]) -> str:
    """`key` with a few slips: (where, what: 0 drop, 1 add, 2 replace, 3 swap, letter)."""
    for where, what, letter in edits:
        if not key:
            return letter
        i = where % len(key)
        if what == 0:
            key = key[:i] + key[i + 1 :]
        elif what == 1:
            key = key[:i] + letter + key[i:]
        elif what == 2:
            key = key[:i] + letter + key[i + 1 :]
        elif i + 1 < len(key):
            key = key[:i] + key[i + 1] + key[i] + key[i + 2 :]
    return key or "a"


def _window(n: int, cutoff: float) -> tuple[int, int]:
    """The lengths `Candidates.nearest_rival` looks at for a key of `n` letters."""
    return math.floor(n * (1 - cutoff)), math.ceil(n / (1 - cutoff))


def _scanned(
    typed: str, keys: list[str], cutoff: float, shortest: int, longest: int, within: int | None = None
) -> dict[str, float]:
    window = [k for k in keys if shortest <= len(k) <= longest]
    found = process.extract(typed, window, scorer=OSA.normalized_distance, score_cutoff=cutoff, limit=None)
    return {k: s for k, s, _ in found if within is None or OSA.distance(typed, k) <= within}


SLIPS = st.lists(st.tuples(st.integers(0, 20), st.integers(0, 3), st.sampled_from("abgkmnoz")), max_size=4)


@st.composite
def crowds(draw: st.DrawFn) -> list[str]:
    """Keys a few slips from one another, as the names of a big base are, and some strangers."""
    seeds = draw(st.lists(KEY, min_size=1, max_size=3))
    kin = [_typed(draw(st.sampled_from(seeds)), draw(SLIPS)) for _ in range(draw(st.integers(0, 40)))]
    return seeds + kin + draw(st.lists(KEY, max_size=10))


@settings(max_examples=600, deadline=None)
@given(keys=crowds(), pick=st.integers(min_value=0), slips=SLIPS, cutoff=CUTOFFS)
def test_the_keys_near_a_typed_key_are_those_a_full_scan_finds(keys, pick, slips, cutoff):
    typed = _typed(keys[pick % len(keys)], slips)
    shortest, longest = _window(len(typed), cutoff)
    assert Nearby(keys, slice_keys=1).scored(typed, cutoff, shortest, longest) == _scanned(
        typed, keys, cutoff, shortest, longest
    )


# Long keys a few slips apart: the typos allowed (a quarter of a long key) are many, and every
# walk of `_schemes` has names to find.
LONG_KEY = st.text(alphabet="abdegimnosu", min_size=12, max_size=30)


@st.composite
def long_crowds(draw: st.DrawFn) -> list[str]:
    seeds = draw(st.lists(LONG_KEY, min_size=1, max_size=3))
    slips = st.lists(st.tuples(st.integers(0, 30), st.integers(0, 3), st.sampled_from("abdmoz")), max_size=8)
    return seeds + [
        _typed(draw(st.sampled_from(seeds)), draw(slips)) for _ in range(draw(st.integers(0, 40)))
    ]


@settings(max_examples=300, deadline=None)
@given(
    keys=long_crowds(),
    pick=st.integers(min_value=0),
    slips=st.lists(st.tuples(st.integers(0, 30), st.integers(0, 3), st.sampled_from("abdmoz")), max_size=8),
    cutoff=st.sampled_from([0.2, 0.25, 0.3]),
    within=st.sampled_from([None, 0, 1, 2]),
)
def test_many_typos_or_a_few_the_walks_find_what_a_scan_finds(keys, pick, slips, cutoff, within):
    typed = _typed(keys[pick % len(keys)], slips)
    shortest, longest = _window(len(typed), cutoff)
    assert Nearby(keys, slice_keys=1).scored(typed, cutoff, shortest, longest, within) == _scanned(
        typed, keys, cutoff, shortest, longest, within
    )


@settings(max_examples=300, deadline=None)
@given(
    names=st.lists(st.text(alphabet="abgijkmnou -", min_size=1, max_size=16), min_size=1, max_size=40),
    pick=st.integers(min_value=0),
    slips=st.lists(st.tuples(st.integers(0, 20), st.integers(0, 3), st.sampled_from("abgkmnoz")), max_size=3),
    cutoff=CUTOFFS,
    within=st.sampled_from([None, 1]),
)
def test_a_rival_index_finds_what_its_scan_finds(names, pick, slips, cutoff, within):
    index = Lexicon([(name, f"e{i}", "film", True) for i, name in enumerate(names)]).rival_index(["film"])
    index.WALK_FROM = index.WALK_WIDE_FROM = 0  # walk whenever it may, however few the names
    index.SLICE = 1  # and to the end of every key
    if not index.keys:
        return
    typed = _typed(index.keys[pick % len(index.keys)], slips)
    shortest, longest = _window(len(typed), cutoff)
    lo = sum(1 for n in index.lengths if n < shortest)
    hi = sum(1 for n in index.lengths if n <= longest)
    assert index.near(typed, cutoff, shortest, longest, within) == (
        index.scan(typed, cutoff, lo, hi, within) if lo < hi else []
    )


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("kim jin kyu", "Kim Jin-gyu"),  # the same key: a romanisation
        ("kim jin guy", "Kim Jin-gyu"),  # two letters swapped across the middle of the key
        ("lee jung jea", "Lee Jung-jae"),
        ("huayi brothrs", "Huayi Brothers"),
    ],
)
def test_the_nearest_name_is_found_with_or_without_the_index(typed, expected, lexicon, monkeypatch):
    monkeypatch.setattr(RivalIndex, "WALK_FROM", 0)
    monkeypatch.setattr(RivalIndex, "WALK_WIDE_FROM", 0)
    monkeypatch.setattr(RivalIndex, "SLICE", 1)
    for prefilter in (True, False):
        lexicon._rivals.clear()
        lexicon.prefilter = prefilter
        try:
            index = lexicon.rival_index(lexicon.by_kind)
            key = Form.of(typed, "typed").key
            near = index.near(key, 0.25, *_window(len(key), 0.25))
            assert near, typed
            best = min(near, key=lambda pair: (pair[0], index.lengths[pair[1]], pair[1]))
            assert lexicon.label(index.form(best[1]).owner) == expected
        finally:
            lexicon._rivals.clear()
            lexicon.prefilter = True


def _verdicts(pairs, lexicon: Lexicon, prefilter: bool) -> list[tuple[str, float, str]]:
    from kopick_quiz.grading import grade

    lexicon.prefilter = prefilter
    lexicon.compiled.clear()
    lexicon._rivals.clear()
    out = []
    for question, typed in pairs:
        v = grade(question, typed, lexicon)
        out.append((v.verdict, v.score, v.feedback))
    return out


def test_the_labelled_table_is_graded_alike_through_the_index_and_the_scan(base, monkeypatch):
    from .table import load_cases

    monkeypatch.setattr(RivalIndex, "WALK_FROM", 0)
    monkeypatch.setattr(RivalIndex, "WALK_WIDE_FROM", 0)
    monkeypatch.setattr(RivalIndex, "SLICE", 1)
    pairs = [(case.question, case.typed) for case in load_cases()]
    lexicon = Lexicon.from_base(base)
    assert _verdicts(pairs, lexicon, True) == _verdicts(pairs, lexicon, False)


def test_a_synthetic_class_is_graded_alike_through_the_index_and_the_scan(monkeypatch):
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
    from answers import synthetic_answers  # bench/answers.py
    from synth import synthetic_facts  # bench/synth.py

    from kopick_quiz.facts.base import FactBase
    from kopick_quiz.generate import generate
    from kopick_quiz.packs.model import Recipe

    monkeypatch.setattr(RivalIndex, "WALK_FROM", 0)
    monkeypatch.setattr(RivalIndex, "WALK_WIDE_FROM", 0)
    monkeypatch.setattr(RivalIndex, "SLICE", 1)
    base = FactBase(synthetic_facts(300, seed=0))
    pairs = synthetic_answers(base, generate(base, Recipe(count=600), "generated"), 3000, seed=1)
    lexicon = Lexicon.from_base(base)
    assert _verdicts(pairs, lexicon, True) == _verdicts(pairs, lexicon, False)
