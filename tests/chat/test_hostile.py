"""Odd, huge and hostile input: never an exception, always a reply, always fast."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from runaway import cpu_guard

from kopick_quiz.chat import Conversation, Reply, answer_question
from kopick_quiz.facts.base import FactBase

from .hostile import HOSTILE


def _check(reply: Reply) -> None:
    assert isinstance(reply, Reply)
    assert reply.kind in ("answer", "clarify", "unknown")
    assert isinstance(reply.text, str) and reply.text
    assert all(isinstance(s, str) for s in reply.sources)


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_input_gets_a_reply_fast(base: FactBase, text: str):
    answer_question(base, "warm up")  # the indexes are built once, before the guard starts
    with cpu_guard(0.5, f"answering {text[:40]!r}"):  # 6 ms of CPU at worst; the speed is in bench/ask.py
        reply = answer_question(base, text)
    _check(reply)


def test_markup_is_never_echoed(base: FactBase):
    for text in ("[bold]xyzzy[/bold]", "<b>plugh</b>"):
        reply = answer_question(base, text)
        assert "[" not in reply.text and "<" not in reply.text


def test_markup_around_a_question_is_ignored(base: FactBase):
    assert "Banjong" in answer_question(base, "[bold]Who directed[/bold] The Medium?").text


def test_full_width_letters_are_read(base: FactBase):
    assert "Banjong" in answer_question(base, "ＷＨＯ ＤＩＲＥＣＴＥＤ ＴＨＥ ＭＥＤＩＵＭ").text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=400))
def test_any_text_gets_a_reply(base: FactBase, text: str):
    _check(answer_question(base, text))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(st.sampled_from(HOSTILE[:5] + ["who is kim", "2", "and who shot it?", "okja", "he"]), max_size=8)
)
def test_any_conversation_gets_replies(base: FactBase, questions: list[str]):
    conversation = Conversation(base)
    for question in questions:
        _check(conversation.ask(question))


@pytest.fixture(scope="module")
def large_base() -> FactBase:
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
    from synth import synthetic_facts

    return FactBase(synthetic_facts(600, seed=3))


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_input_is_fast_on_a_larger_base(large_base: FactBase, text: str):
    answer_question(large_base, "warm up")
    with cpu_guard(0.5, f"answering {text[:40]!r}"):  # 6 ms of CPU at worst; the speed is in bench/ask.py
        reply = answer_question(large_base, text)
    _check(reply)


def test_a_long_listing_is_cut_and_counted(large_base: FactBase):
    reply = answer_question(large_base, "which films involved south korea")
    assert reply.kind == "answer"
    assert re.search(r"^[\d,]+ films involving South Korea: .* and [\d,]+ more\.$", reply.text)
