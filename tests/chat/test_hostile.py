"""Odd, huge and hostile input: never an exception, always a reply, always fast."""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kopick_quiz.chat import Conversation, Reply, answer_question
from kopick_quiz.facts.base import FactBase

HOSTILE = [
    "",
    " ",
    "\n\t ",
    "?",
    "???!!!",
    "x" * 5_000,
    "who directed the medium " * 250,
    " ".join(["lorem ipsum dolor sit amet"] * 200),
    "[bold]Who directed[/bold] The Medium?",
    "[red]",
    "[link=https://example.com]click[/link]",
    "<script>alert(1)</script>",
    "'; DROP TABLE films; --",
    "%s %d {0} {{}} $(rm -rf /)",
    "\x00\x01\x02\x1b[31m",
    "👍🎬🔥",
    "who directed 🎬 the medium",
    "Who directed \u202eThe Medium",
    "ＷＨＯ ＤＩＲＥＣＴＥＤ ＴＨＥ ＭＥＤＩＵＭ",
    "من أخرج الفيلم",
    "봉준호 감독",
    "the the the the the",
    "and and and",
    "1 2 3 4 5 6 7 8 9 10",
    "2013 2014 2015",
]


def _check(reply: Reply) -> None:
    assert isinstance(reply, Reply)
    assert reply.kind in ("answer", "clarify", "unknown")
    assert isinstance(reply.text, str) and reply.text
    assert all(isinstance(s, str) for s in reply.sources)


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_input_gets_a_reply_fast(base: FactBase, text: str):
    start = time.perf_counter()
    reply = answer_question(base, text)
    assert time.perf_counter() - start < 0.5
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
    start = time.perf_counter()
    _check(answer_question(large_base, text))
    assert time.perf_counter() - start < 0.5


def test_a_long_listing_is_cut_and_counted(large_base: FactBase):
    reply = answer_question(large_base, "which films involved south korea")
    assert reply.kind == "answer"
    assert re.search(r"^[\d,]+ films involving South Korea: .* and [\d,]+ more\.$", reply.text)
