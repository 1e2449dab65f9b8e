"""Feedback reads as written by a person: no explanation says a thing twice or says nothing."""

from __future__ import annotations

import re

import pytest

from kopick_quiz.generate.english import repetition
from kopick_quiz.generate.hints import EMPTY_WORDS, words
from kopick_quiz.library import Library, open_library

ISSUE_EXAMPLE = (
    "The lifting of the ban on Japanese cultural imports took place in 1998: South Korea's 1998 end to its "
    "ban on Japanese culture, which opened the way to films like Asako in Ruby Shoes."
)


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    return open_library(cache_dir=tmp_path_factory.mktemp("cache"))


@pytest.mark.parametrize(
    ("text", "names", "said_twice"),
    [
        (ISSUE_EXAMPLE, [], True),
        (
            "Mr. Go (2013) is tied to the period of 100 million admissions a year: the years when Korean "
            "films drew 100 million admissions annually.",
            [],
            True,
        ),
        ("I Am a Truck (1953) is tied to the war that backed I Am a Truck.", ["I Am a Truck"], True),
        (
            "Snowpiercer (2013) was directed by Bong Joon Ho. It began a fresh phase for Bong Joon Ho.",
            [],
            False,
        ),
        ("Kim Jin-gyu is from South Korea. Kim Jin-gyu appeared in Tyrant (1967).", ["Tyrant"], False),
        (
            "The Korean War lasted from 1950 to 1953. I Am a Truck (1953) is tied to it.",
            ["Korean War"],
            False,
        ),
    ],
)
def test_a_clause_or_a_name_said_twice_is_found(text: str, names: list[str], said_twice: bool) -> None:
    assert (repetition(text, names) is not None) is said_twice


def test_no_shipped_explanation_repeats_a_clause_or_an_event_or_film_name(library: Library) -> None:
    names = [n.text for n in library.base.names if n.kind in ("event", "film")]
    repeated = {}
    for q in library.questions():
        found = repetition(q.explanation, names)
        if found:
            repeated[q.id] = f"{found}: {q.explanation}"
    assert repeated == {}


def empty_sentences(explanation: str, answers: list[str]) -> list[str]:
    """Sentences that name the answer and nothing else: `That is what co-production means.`"""
    told = words(" ".join(answers)) | EMPTY_WORDS | {"means", "what", "story"}
    sentences = re.split(r"(?<=[.!?])(?<!Mr\.)(?<!Dr\.)\s+", explanation.strip())
    return [s for s in sentences if s and not words(s) - told]


@pytest.mark.parametrize(
    ("explanation", "empty"),
    [
        ("That is what co-production means.", True),
        ("That is the Korean War.", True),
        ("That is the Korean War, from 1950 to 1953.", False),
        ("Asako in Ruby Shoes (2000) was directed by E J-yong.", False),
    ],
)
def test_a_sentence_that_only_names_the_answer_is_empty(explanation: str, empty: bool) -> None:
    answers = ["co-production", "Korean War", "E J-yong"]
    assert bool(empty_sentences(explanation, answers)) is empty


def test_no_shipped_explanation_has_an_empty_sentence(library: Library) -> None:
    found = {
        q.id: q.explanation
        for q in library.questions()
        if empty_sentences(q.explanation, [*q.answers, *q.accept])
    }
    assert found == {}


def test_the_issues_examples_now_read_well(library: Library) -> None:
    questions = {q.id: q for q in library.questions()}
    ban = questions["japanese-import-ban-lifted.year.short"].explanation
    assert ban == (
        "The lifting of the ban on Japanese cultural imports took place in 1998; "
        "the source ties Asako in Ruby Shoes (2000) to it."
    )
    term = questions["co-production.what.choice"].explanation
    assert term == "That is a co-production, also called an international co-production."


def test_feedback_on_a_sentence_option_keeps_its_full_stop_out_of_the_brackets(library: Library) -> None:
    from kopick_quiz.grading import Lexicon, grade

    lexicon = Lexicon.from_base(library.base)
    questions = [q for q in library.questions() if q.type == "choice" and q.answers[0].endswith(".")]
    assert questions  # the big-picture pack has options written as sentences
    for q in questions:
        wrong = next(c for c in q.choices if c != q.answers[0])
        for typed in (q.answers[0], wrong):
            feedback = grade(q, typed, lexicon).feedback
            assert ". (option" not in feedback and ".." not in feedback, feedback
