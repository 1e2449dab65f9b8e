"""Properties over open input: every name of every entity is right; no text raises or stalls."""

from __future__ import annotations

import time
import timeit

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kopick_quiz.facts.load import load_facts
from kopick_quiz.grading import grade
from kopick_quiz.questions import Question

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
    grade(question, "", lexicon)  # compiled once, before the clock starts
    start = time.perf_counter()
    verdict = grade(question, text, lexicon)
    assert time.perf_counter() - start < 1.0  # a guard against runaway work, not the speed goal (bench/)
    assert verdict.verdict in ("correct", "close", "partial", "incorrect")


HUGE = {
    "words": "Prague " * 715,
    "letters": "x" * 5000,
    "hangul": "가" * 5000,
    "commas": " ," * 2500,
    "digits": "1" * 5000,
}


@pytest.mark.parametrize("typed", HUGE.values(), ids=HUGE.keys())
def test_five_thousand_characters_are_incorrect_at_once(lexicon, typed):
    for question in QUESTIONS:
        grade(question, "", lexicon)  # compiled once, before the clock starts
        # best of three, so a pause of the machine is not taken for slowness
        took = min(timeit.repeat(lambda q=question: grade(q, typed, lexicon), number=1, repeat=3))
        assert took < 0.05  # not read at all: a read of 5,000 characters takes far longer
        assert grade(question, typed, lexicon).verdict == "incorrect" or not typed.strip(" ,")


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.sampled_from(QUESTIONS),
    st.lists(st.sampled_from([n.text for n in NAMES] + ["or", "and", ",", "not", "I think"]), max_size=40),
)
def test_long_sentences_of_names_stay_fast(lexicon, question, words):
    text = " ".join(words)[:300]
    grade(question, "", lexicon)  # compiled once, before the clock starts
    start = time.perf_counter()
    grade(question, text, lexicon)
    assert time.perf_counter() - start < 1.0  # a guard against runaway work, not the speed goal (bench/)
