"""Shared pieces of the pack tests: a pack with every kind of question, and loading text."""

from __future__ import annotations

from pathlib import Path

import pytest

from kopick_quiz.packs.load import Pack, check_pack_data
from kopick_quiz.yamlio import load_yaml

DATA = Path(__file__).parent / "data"

EVERY_KIND = """\
id: every-kind
title: "Every kind: a test pack"
description: One question of each kind, with the fields each can carry.
author: Test Teacher
tags: [test, co-productions]
questions:
  - id: every.short
    type: short
    prompt: Which Thai studio co-produced The Medium (2021)?
    answer: [GDH 559, GDH Studio]
    accept: [GDH]
    hint: Its name has a number in it.
    explanation: |-
      GDH 559 made it with Showbox.

      Banjong Pisanthanakun directed it.
    feedback:
      Showbox: "Showbox was the Korean partner: the question asks for the Thai one."
    tags: [thailand, studios]
    difficulty: 3
    source: ko-pick-2025
  - id: every.multi
    type: multi
    prompt: Which countries' directors made Love with an Alien (1958)?
    answer: [South Korea, Hong Kong, Japan]
    choices: [South Korea, Hong Kong, Japan, China, Taiwan]
    feedback:
      China: China was not involved until much later.
    explanation: Three directors, from three countries.
  - id: every.multi-typed
    type: multi
    prompt: Name the three universities of SKY.
    answer: [Seoul National University, Korea University, Yonsei University]
  - id: every.number
    type: number
    prompt: About how many admissions did The Last Woman of Shang (1964) draw?
    answer: 150000
    tolerance: 10%
    explanation: One of that year's biggest hits.
  - id: every.number-absolute
    type: number
    prompt: How many admissions did it draw, give or take 5,000?
    answer: 150000
    tolerance: 5000
    feedback:
      "100000": Too low.
  - id: every.year
    type: year
    prompt: In what year did South Korea lift its ban on Japanese cultural imports?
    answer: 1998
    difficulty: 1
  - id: every.choice
    type: choice
    prompt: Which Hong Kong studio co-produced The Last Woman of Shang (1964)?
    answer: Shaw Brothers
    choices: [Shaw Brothers, Huayi Brothers, Showbox, GDH 559]
    accept: [Shaw Bros.]
    feedback:
      Huayi Brothers: Huayi made Mr. Go, decades later.
  - id: every.truefalse
    type: truefalse
    prompt: Tyrant (1967) was released in Hong Kong as The Goddess of Mercy.
    answer: true
    feedback:
      "false": "It was: The Goddess of Mercy is its Hong Kong title."
    explanation: Two versions were made, with different actresses.
  - id: every.order
    type: order
    prompt: Put these films in order of release, earliest first.
    answer: [Love with an Alien, The Last Woman of Shang, Tyrant]
  - id: every.tricky
    type: short
    prompt: "Odd text: {braces} ~tilde =equals #hash \\\\backslash <b>tag</b> &amp; 한국 영화\\nsecond line"
    answer: "Answer: with ~ = # { } and 'quotes'"
    explanation: "[html] is not a format here"
"""


def load_text(text: str, name: str = "pack.yaml", base=None) -> tuple[Pack | None, list]:
    """A pack from YAML text, with the checker's problems."""
    return check_pack_data(load_yaml(text, name), name, base)


def pack_of(text: str, name: str = "pack.yaml") -> Pack:
    pack, problems = load_text(text, name)
    errors = [p for p in problems if p.severity == "error"]
    assert pack is not None and not errors, "\n".join(map(str, problems))
    return pack


@pytest.fixture
def every_kind() -> Pack:
    return pack_of(EVERY_KIND, "every-kind.yaml")


def comparable(pack: Pack) -> list[dict]:
    """Questions as dicts; feedback as a mapping (its order is not part of a pack's meaning)."""
    out = []
    for q in pack.questions:
        d = q.as_dict()
        d["feedback"] = dict(q.feedback)
        out.append(d)
    return out
