"""Conversations: follow-ups about the film or person last named, and clarifying questions."""

from __future__ import annotations

import pytest

from kopick_quiz.chat import Conversation, answer_question
from kopick_quiz.facts.base import FactBase

# Each dialogue: (question, words the reply must contain), asked in order in one conversation.
DIALOGUES = [
    [
        ("Who directed The Medium?", ["Banjong Pisanthanakun"]),
        ("and who produced it?", ["Na Hong-jin"]),
        ("who co-produced it?", ["GDH 559"]),
        ("when was it released?", ["2021"]),
    ],
    [
        ("Tell me about Snowpiercer", ["Bong Joon Ho"]),
        ("and where was it shot?", ["Prague"]),
        ("what is it based on?", ["Le Transperceneige"]),
    ],
    [
        ("Who directed Mr. Go?", ["Kim Yong-hwa"]),
        ("what about Snowpiercer?", ["Bong Joon Ho"]),
        ("and Okja?", ["Bong Joon Ho", "Okja"]),
    ],
    [
        ("who directed the medium", ["Banjong Pisanthanakun"]),
        ("what else did he direct?", ["Alone"]),
    ],
    [
        ("who directed snowpiercer", ["Bong Joon Ho"]),
        ("did he direct okja?", ["Yes", "Okja"]),
    ],
    [
        ("who is bong joon ho", ["Snowpiercer"]),
        ("did he direct Mr. Go?", ["No", "Kim Yong-hwa"]),
    ],
    [
        ("who was in tyrant", ["Li Li-hua"]),
        ("who co-produced it", ["Shaw Brothers", "Shin Films"]),
        ("and the last woman of shang?", ["Shaw Brothers", "Shin Films", "The Last Woman of Shang"]),
    ],
    [
        ("which films were shot in prague", ["Snowpiercer"]),
        ("who starred in it?", ["Chris Evans"]),
    ],
    [
        ("who is kim", ["Kim Jin-gyu"]),
        ("2", ["Kim Jin-gyu", "Tyrant"]),
        ("what did he star in?", ["Obaltan"]),
    ],
    [
        ("who is shaw", ["Run Run Shaw", "Shaw Brothers"]),
        ("the studio", ["Shaw Brothers", "Tyrant"]),
    ],
    [
        ("who is shaw", ["Run Run Shaw"]),
        ("run run shaw", ["Run Run Shaw", "founder"]),
    ],
]


@pytest.mark.parametrize("dialogue", DIALOGUES, ids=[d[0][0] for d in DIALOGUES])
def test_follow_ups_use_what_was_said_before(base: FactBase, dialogue: list[tuple[str, list[str]]]):
    conversation = Conversation(base)
    for question, expected in dialogue:
        reply = conversation.ask(question)
        for words in expected:
            assert words in reply.text, f"{question!r}: {words!r} missing from {reply.text!r}"


def test_a_follow_up_without_history_is_unknown(base: FactBase):
    assert Conversation(base).ask("and who shot it?").kind == "unknown"


def test_a_new_name_is_not_replaced_by_the_last_one(base: FactBase):
    conversation = Conversation(base)
    conversation.ask("who directed the medium")
    reply = conversation.ask("who directed titanic")
    assert reply.kind == "unknown"
    assert "Banjong" not in reply.text


@pytest.mark.parametrize(("choice", "director"), [("1", "Park Ji-won"), ("the 2020 one", "Park Ji-woo")])
def test_clarifying_question_is_answered_by_number_or_year(small_base: FactBase, choice: str, director: str):
    conversation = Conversation(small_base)
    reply = conversation.ask("Who directed Typhoon?")
    assert reply.kind == "clarify"
    assert "Typhoon (2005)" in reply.text and "Typhoon (2020)" in reply.text
    answer = conversation.ask(choice)
    assert answer.kind == "answer"
    assert director in answer.text


def test_the_year_in_the_question_settles_a_recurring_title(small_base: FactBase):
    assert "Park Ji-woo" in answer_question(small_base, "who directed typhoon (2020)").text


def test_equally_close_people_are_asked_about(small_base: FactBase):
    conversation = Conversation(small_base)
    reply = conversation.ask("which films did park ji-wo direct")
    assert reply.kind == "clarify"
    assert "Park Ji-won" in reply.text and "Park Ji-woo" in reply.text
    assert "Harbor Lights" in conversation.ask("park ji-won").text


def test_a_new_question_after_a_clarifying_one_is_answered_as_new(base: FactBase):
    conversation = Conversation(base)
    conversation.ask("who is kim")
    assert "Bong Joon Ho" in conversation.ask("who directed okja").text


def test_answer_question_with_a_context_remembers(base: FactBase):
    conversation = Conversation(base)
    answer_question(base, "who directed the wailing", conversation)
    assert conversation.subject == "the-wailing"
    assert "Hong Kyung-pyo" in answer_question(base, "who shot it", conversation).text
