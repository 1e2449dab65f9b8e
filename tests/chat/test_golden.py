"""The bot's exact replies to a fixed set of conversations, one or more for every recipe.

`golden_replies.txt` holds each conversation (blocks apart by a blank line): `> question`, the
reply's lines as `< ...`, then `= kind | subject | sources`. A change to any wording, source or
follow-up shows here as a diff. After a change of wording made on purpose, rewrite the file and
read its diff before committing:

    KOPICK_UPDATE_GOLDEN=1 pytest tests/chat/test_golden.py

A new recipe needs a conversation here (the last test names the ones without).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kopick_quiz.chat import Conversation, answers, recipes
from kopick_quiz.chat.reply import Reply
from kopick_quiz.facts.base import FactBase

GOLDEN = Path(__file__).with_name("golden_replies.txt")
HEADER = (
    "# The bot's replies to these conversations, exactly (see test_golden.py).\n"
    "# > question   < reply line   = kind | subject | sources\n"
)


def _conversations() -> list[list[str]]:
    """The questions of each conversation in the golden file, in order."""
    blocks: list[list[str]] = [[]]
    for line in GOLDEN.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if blocks[-1]:
                blocks.append([])
        elif line.startswith("> "):
            blocks[-1].append(line[2:])
    return [b for b in blocks if b]


def _render(question: str, reply: Reply) -> str:
    lines = [f"> {question}"]
    lines += [f"< {line}" for line in reply.text.split("\n")]
    lines.append(f"= {reply.kind} | {reply.subject or '-'} | {'; '.join(reply.sources) or '-'}")
    return "\n".join(lines)


def _replies(base: FactBase) -> str:
    blocks = []
    for questions in _conversations():
        chat = Conversation(base)
        blocks.append("\n".join(_render(q, chat.ask(q)) for q in questions))
    return HEADER + "\n" + "\n\n".join(blocks) + "\n"


def test_replies_are_exactly_the_golden_ones(base: FactBase):
    replies = _replies(base)
    if os.environ.get("KOPICK_UPDATE_GOLDEN"):
        GOLDEN.write_text(replies, encoding="utf-8")
    expected = GOLDEN.read_text(encoding="utf-8")
    assert replies == expected, "replies changed: if on purpose, KOPICK_UPDATE_GOLDEN=1 and read the diff"


def test_every_recipe_has_a_golden_conversation(base: FactBase, monkeypatch: pytest.MonkeyPatch):
    used: set[tuple[str, str]] = set()

    def film(ask: recipes.Ask) -> recipes.registry.FilmRelation:
        relation = recipes.film_relation_for(ask)
        used.add(("film", relation.name))
        return relation

    def entity(kind: str, ask: recipes.Ask, item: object) -> recipes.registry.EntityRecipe:
        recipe = recipes.entity_recipe_for(kind, ask, item)
        used.add((kind, recipe.name))
        return recipe

    monkeypatch.setattr(answers, "film_relation_for", film)
    monkeypatch.setattr(answers, "entity_recipe_for", entity)
    _replies(base)
    missing = [f"{kind}:{name}" for kind, name in recipes.every_recipe() if (kind, name) not in used]
    assert not missing, f"no conversation in {GOLDEN.name} reaches these recipes: {', '.join(missing)}"
