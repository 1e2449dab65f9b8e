"""Properties over open input: every name of every entity is right; no text raises or stalls."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import OSA
from runaway import cpu_guard

from kopick_quiz.facts.load import load_facts
from kopick_quiz.grading import grade
from kopick_quiz.grading.compare import COMPANY, FILLER
from kopick_quiz.grading.names import name_syllables, span, squash, syllabic
from kopick_quiz.questions import Question
from kopick_quiz.text import normalise

from .conftest import FACTS
from .table import load_cases

NAMES = [n for n in load_facts(FACTS).names]
QUESTIONS = list({c.question.id: c.question for c in load_cases()}.values())


def _asking_for(base, entity_id: str) -> Question:
    return Question(
        id=f"prop:{entity_id}", pack="p", type="short", prompt="?", answers=(base.label(entity_id),)
    )


@pytest.mark.parametrize("name", NAMES, ids=[f"{n.entity_id}={n.text}" for n in NAMES])
def test_the_canonical_answer_and_each_alias_are_correct(base, lexicon, name):
    assert grade(_asking_for(base, name.entity_id), name.text, lexicon).verdict == "correct"


def _respell(draw, text: str) -> str:
    """The same name as a student might type it: case, spacing, hyphens, end punctuation."""
    out = "".join(c.upper() if draw(st.booleans()) else c.lower() for c in text)
    if draw(st.booleans()):
        out = out.replace("-", draw(st.sampled_from(["", " ", " - ", "\u2010"])))
    out = out.replace(" ", draw(st.sampled_from([" ", "  ", "\t", " \u00a0"])))
    return draw(st.sampled_from(["", " ", '"'])) + out + draw(st.sampled_from(["", ".", "!", "?", " "]))


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_respelling_of_any_name_is_correct(base, lexicon, data):
    name = data.draw(st.sampled_from(NAMES))
    typed = _respell(data.draw, name.text)
    assert grade(_asking_for(base, name.entity_id), typed, lexicon).verdict == "correct", typed


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_name_in_a_plain_sentence_is_correct(base, lexicon, data):
    name = data.draw(st.sampled_from(NAMES))
    frame = data.draw(st.sampled_from(["I think it was {}", "{}, I believe", "it's {}.", "maybe {}"]))
    typed = frame.format(name.text)
    assert grade(_asking_for(base, name.entity_id), typed, lexicon).verdict == "correct", typed


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(QUESTIONS), st.text(max_size=120))
def test_no_typed_text_raises(lexicon, question, text):
    verdict = grade(question, text, lexicon)
    assert verdict.verdict in ("correct", "close", "partial", "incorrect")
    assert 0.0 <= verdict.score <= 1.0
    assert verdict.feedback


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(QUESTIONS), st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=300))
def test_random_unicode_never_raises_and_is_fast(lexicon, question, text):
    grade(question, "", lexicon)  # compiled once, before the guard starts
    with cpu_guard(1.0, f"grading {text!r}"):  # a few ms at worst; the speed goal is in bench/grading.py
        verdict = grade(question, text, lexicon)
    assert verdict.verdict in ("correct", "close", "partial", "incorrect")


HUGE = {
    "words": "Prague " * 715,
    "letters": "x" * 5000,
    "hangul": "가" * 5000,
    "commas": " ," * 2500,
    "digits": "1" * 5000,
}


@pytest.mark.parametrize("typed", HUGE.values(), ids=HUGE.keys())
def test_five_thousand_characters_are_refused_without_being_read(lexicon, typed):
    # Refused for their length before any reading (the feedback says so); how fast that is, is
    # measured in bench/grading.py.
    too_long = "That is too long to be an answer; type just the answer"
    for question in QUESTIONS:
        verdict = grade(question, typed, lexicon)
        assert (verdict.verdict, verdict.score) == ("incorrect", 0.0), question.id
        assert verdict.feedback.startswith(too_long), (question.id, verdict.feedback)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.sampled_from(QUESTIONS),
    st.lists(st.sampled_from([n.text for n in NAMES] + ["or", "and", ",", "not", "I think"]), max_size=40),
)
def test_long_sentences_of_names_stay_fast(lexicon, question, words):
    text = " ".join(words)[:300]
    grade(question, "", lexicon)  # compiled once, before the guard starts
    with cpu_guard(1.0, f"grading {text!r}"):  # a few ms at worst; the speed goal is in bench/grading.py
        verdict = grade(question, text, lexicon)
    assert verdict.verdict in ("correct", "close", "partial", "incorrect")


# -- hard cases: a part missing, one typo, a list of guesses ------------------------------------

KINDS: dict[str, list] = {}
for _n in NAMES:
    KINDS.setdefault(_n.kind, []).append(_n)


def _shortened(text: str) -> list[str]:
    """`text` with one whole part removed, or cut to its first letters (at most half of them)."""
    parts = normalise(text).split()
    out = []
    for i, part in enumerate(parts):
        out.append(" ".join(parts[:i] + parts[i + 1 :]))
        for keep in range(1, len(part) // 2 + 1):
            out.append(" ".join([*parts[:i], part[:keep], *parts[i + 1 :]]))
    return out


def _same_as_one_of(typed: str, own: list[str]) -> bool:
    """Whether `typed` is another name of the entity after all: one of its names, or in short
    forms of words (`Univ`), or with words of a sentence around it (`S Korea`, `in co production`)
    or a company's suffix after it (`Shaw Bros Studio`), or one slip off one (`Yonsei U`)."""
    words = normalise(typed).split()
    keys = {span(tuple(normalise(n).split())).key for n in own}
    squashed = {squash(n) for n in own}
    for cut in range(len(words), 0, -1):
        kept = words[:cut]
        n = len(kept)
        if (
            span(tuple(kept)).key in keys
            or any(
                "".join(kept[i:j]) in squashed and all(w in FILLER for w in kept[:i] + kept[j:])
                for i in range(n)
                for j in range(i + 1, n + 1)
            )
            or any(OSA.distance("".join(kept), s, score_cutoff=1) <= 1 for s in squashed)
        ):
            return True
        if kept[-1] not in COMPANY:
            return False
    return False


# `America` is one letter from `American`, the country's adjective: what is left is a name of it.
_STILL_NAMED = {"united s of america"}


def test_a_name_missing_a_whole_part_is_never_accepted(base, lexicon):
    accepted = []
    for name in NAMES:
        if len(normalise(name.text).split()) < 2:
            continue
        own = [n.text for n in NAMES if n.entity_id == name.entity_id]
        question = _asking_for(base, name.entity_id)
        for typed in _shortened(name.text):
            if _same_as_one_of(typed, own) or typed in _STILL_NAMED:
                continue
            verdict = grade(question, typed, lexicon)
            if verdict.accepted:
                accepted.append(f"{typed!r} for {name.text!r}: {verdict.verdict}")
    assert not accepted, accepted


def _tokens(text: str) -> list[tuple[int, int]]:
    """Where the words a typo may fall in start and end: letters only, two or more, no abbreviation."""
    out = []
    for m in re.finditer(r"[A-Za-z]+", text):
        word = m.group(0)
        if m.start() and text[m.start() - 1].isdigit():
            continue  # `th` of `40th`: no word
        if m.start() == 0 and word.lower() in ("the", "an"):
            continue  # an article is no part of the name: the grader leaves it out
        if len(word) >= 2 and sum(c.isupper() for c in word) < 2:
            out.append((m.start(), m.end()))
    return out


def _one_edit(draw, text: str) -> str:
    start, end = draw(st.sampled_from(_tokens(text)))
    word = text[start:end]
    i = draw(st.integers(0, len(word) - 1))
    letter = draw(st.sampled_from("abcdefghijklmnopqrstuvwxyz"))
    kind = draw(st.sampled_from(["insert", "delete", "replace", "swap"]))
    if kind == "delete" and len(word) == 2:
        kind = "replace"  # one letter left is a part cut to its first letter, not a typo
    if kind == "insert":
        typo = word[:i] + letter + word[i:]
    elif kind == "delete":
        typo = word[:i] + word[i + 1 :]
    elif kind == "replace":
        typo = word[:i] + letter + word[i + 1 :]
    else:
        i = min(i, len(word) - 2)
        typo = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    return text[:start] + typo + text[end:]


def _nearness(a: str, b: str) -> float:
    """How far a typed name is from a name, as typed or as romanised, whichever is nearer."""
    ka, kb = span(tuple(normalise(a).split())).key, span(tuple(normalise(b).split())).key
    return min(OSA.normalized_distance(squash(a), squash(b)), OSA.normalized_distance(ka, kb))


def _another_name(name, typed: str, before: str) -> bool:
    """Whether a typo lands on another name: as near to a name of another entity of the kind (or
    exactly one of any kind) as to this one, or, in a Korean name, on another syllable
    (`Jang` for `Jung`: a different person, by design)."""
    own = min(_nearness(typed, n.text) for n in NAMES if n.entity_id == name.entity_id)
    if any(squash(typed) == squash(n.text) for n in NAMES if n.entity_id != name.entity_id):
        return True
    if any(_nearness(typed, n.text) <= own for n in KINDS[name.kind] if n.entity_id != name.entity_id):
        return True
    if any(syllabic(n.text) for n in NAMES if n.entity_id == name.entity_id):
        words, was = normalise(typed).split(), normalise(before).split()
        if len(words) != len(was) or any(
            name_syllables(w) for w, b in zip(words, was, strict=True) if w != b
        ):
            return True
    return False


TYPO_NAMES = [n for n in NAMES if sum(c.isalpha() for c in n.text) >= 4 and _tokens(n.text)]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_one_typo_in_a_name_is_accepted_unless_it_lands_nearer_another(base, lexicon, data):
    name = data.draw(st.sampled_from(TYPO_NAMES))
    typed = _one_edit(data.draw, name.text)
    assume(squash(typed) != squash(name.text) and not _another_name(name, typed, name.text))
    verdict = grade(_asking_for(base, name.entity_id), typed, lexicon)
    assert verdict.accepted, (typed, verdict.feedback)


def _name_one_questions(base) -> list[tuple[Question, str]]:
    """`Name one of ...` questions, with the kind of their answers: the members of a group, a
    film's directors, two of a kind."""
    out = []
    for term in base.facts.terms:
        if len(term.members) > 1:
            out.append(tuple(term.members))
    for film in base.films:
        if len(film.directors) > 1:
            out.append(tuple(film.directors))
    for _kind, names in sorted(KINDS.items()):
        mains = [n.entity_id for n in names if n.main]
        if len(mains) > 3:
            out.append(tuple(mains[:2]))
    return [
        (
            Question(
                id=f"one:{i}", pack="p", type="short", prompt="Name one", answers=tuple(map(base.label, ids))
            ),
            base.kind_of[ids[0]],
        )
        for i, ids in enumerate(out)
    ]


# Names the base does not know; a known name of another kind beside the answer is read as a
# qualifier (`Shaw Brothers Studio, Hong Kong`), so the wrong items are of the answer's kind.
UNKNOWN = ["Sogang University", "KAIST", "Park Chan-wook", "Vienna", "Studio Ghibli", "The Host", "Laos"]
SEPARATORS = [", ", ",", "; ", " and ", " & ", "\n", " + "]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_a_list_with_a_wrong_item_never_passes_on_name_one(base, lexicon, data):
    question, kind = data.draw(st.sampled_from(_name_one_questions(base)))
    answers = set(map(squash, question.answers))
    others = [n.text for n in KINDS[kind] if n.main and squash(n.text) not in answers]
    wrong = data.draw(st.lists(st.sampled_from(others + UNKNOWN), min_size=1, max_size=2))
    right = data.draw(st.lists(st.sampled_from(question.answers), min_size=1, max_size=2))
    items = data.draw(st.permutations(wrong + right))
    typed = data.draw(st.sampled_from(SEPARATORS)).join(items)
    verdict = grade(question, typed, lexicon)
    assert not verdict.accepted and verdict.score < 1.0, (typed, verdict.feedback)
