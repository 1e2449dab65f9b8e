"""Questions about the shipped fact base, answered from its facts, each naming its source."""

from __future__ import annotations

import pytest

from kopick_quiz.chat import Reply, answer_question
from kopick_quiz.facts.base import FactBase

from .phrasings import ALL, ANSWER, NOT_IN_THE_BASE

SOURCE = "Ko-pick: International Co-productions Between Korea and Overseas"


def _id(row: tuple[str, list[str], str]) -> str:
    return row[0][:60]


@pytest.mark.parametrize(("question", "expected", "kind"), ALL, ids=[_id(r) for r in ALL])
def test_phrasing_is_answered_from_the_facts(base: FactBase, question: str, expected: list[str], kind: str):
    reply = answer_question(base, question)
    assert reply.kind == kind, reply.text
    for words in expected:
        assert words in reply.text, f"{words!r} missing from {reply.text!r}"


def test_there_are_at_least_150_phrasings():
    assert len(ALL) >= 150


@pytest.mark.parametrize(
    "question", [q for q, _, kind in ALL if kind == ANSWER], ids=[_id(r) for r in ALL if r[2] == ANSWER]
)
def test_every_answer_names_its_source(base: FactBase, question: str):
    reply = answer_question(base, question)
    assert reply.sources == (SOURCE,)
    assert reply.cited().endswith(f"Source: {SOURCE}")


@pytest.mark.parametrize("question", [q for q, _, _ in NOT_IN_THE_BASE])
def test_not_in_the_base_says_i_dont_know(base: FactBase, question: str):
    reply = answer_question(base, question)
    assert reply.kind == "unknown"
    assert reply.text.startswith("I don't know")


def test_unknown_name_suggests_what_the_base_knows(base: FactBase):
    reply = answer_question(base, "Who directed Titanic?")
    assert "27 films" in reply.text
    assert "Tell me about" in reply.text


def test_unknown_name_close_to_a_known_one_suggests_it(base: FactBase):
    reply = answer_question(base, "who is Kim Jan-gyo")
    assert reply.kind == "unknown"
    assert "Kim Jin-gyu" in reply.text


def test_missing_fact_keeps_the_film_as_subject(base: FactBase):
    reply = answer_question(base, "who wrote snowpiercer")
    assert reply.kind == "unknown"
    assert reply.subject == "snowpiercer"


def test_answer_subject_is_the_film_asked_about(base: FactBase):
    assert answer_question(base, "who directed the medium").subject == "the-medium"


def test_listing_of_one_film_makes_it_the_subject(base: FactBase):
    assert answer_question(base, "which films were shot in Prague").subject == "snowpiercer"


def test_clarify_reply_has_no_subject_and_no_source(base: FactBase):
    reply = answer_question(base, "who is kim")
    assert reply == Reply(reply.text, (), None, "clarify")


def test_reply_is_frozen(base: FactBase):
    reply = answer_question(base, "who directed okja")
    with pytest.raises(AttributeError):
        reply.text = "something else"  # type: ignore[misc]


def test_yes_no_answers_no_when_the_facts_say_otherwise(base: FactBase):
    reply = answer_question(base, "did bong joon ho direct mr go")
    assert reply.text.startswith("No.")
    assert "Kim Yong-hwa" in reply.text


def test_two_films_in_one_question_are_both_answered(base: FactBase):
    reply = answer_question(base, "who directed okja and mr go")
    assert "Bong Joon Ho" in reply.text and "Kim Yong-hwa" in reply.text


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("which korean films were shot in thailand", "film involving South Korea and shot in Thailand"),
        ("which thai films are there", "involving Thailand"),
        ("hong kong films", "involving Hong Kong"),
        ("which films were shot in hong kong", "shot in Hong Kong"),
        ("which films from japan were shot in korea", "film involving Japan and shot in South Korea"),
    ],
)
def test_a_nationality_is_read_by_its_position(base: FactBase, question: str, expected: str):
    assert expected in answer_question(base, question).text


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("who shot asako in ruby shoes", "shot by the cinematographer Hong Kyung-pyo"),
        ("where was asako in ruby shoes shot", "Japan"),
        ("which films were shot in prague", "1 film shot in Prague: Snowpiercer (2013)"),
        ("which films did hong kyung-pyo shoot", "Parasite"),
    ],
)
def test_shot_is_a_place_after_in_and_a_camera_after_who(base: FactBase, question: str, expected: str):
    assert expected in answer_question(base, question).text


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("what happened in the 1970s", ["Decline of Korean cinema in the 1970s (1970–1979)"]),
        ("what happened in 2016 with china", ["THAAD missile crisis (2016)", "The Monkey King 2"]),
        ("when was the korean war", ["The Korean War lasted from 1950 to 1953."]),
        ("who wrote the article", ["was written by Jason Bechervaise"]),
        ("when was the article published", ["3 April 2025"]),
    ],
)
def test_eras_events_and_the_article_are_answered(base: FactBase, question: str, expected: list[str]):
    reply = answer_question(base, question)
    assert reply.kind == "answer"
    for piece in expected:
        assert piece in reply.text
