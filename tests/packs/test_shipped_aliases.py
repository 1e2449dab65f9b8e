"""Every other name or title in the fact base is asked by some shipped question (a fact nobody is asked is lost)."""

from __future__ import annotations

import re

import pytest

from kopick_quiz.facts.base import FactBase
from kopick_quiz.library import Library, open_library
from kopick_quiz.questions import Question
from kopick_quiz.text import normalise


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    return open_library(cache_dir=tmp_path_factory.mktemp("cache"))


def asked_texts(q: Question) -> str:
    """What a student reads or must give: the prompt, the options and the accepted answers."""
    return " ".join([q.prompt, *q.choices, *q.answers, *q.accept])


def names_it(text: str, name: str, longer: list[str]) -> bool:
    """Whether `text` names `name` on its own, not inside a longer name (`Korea` in `South Korea`)."""
    folded = f" {normalise(text)} "
    for other in longer:
        folded = folded.replace(f" {normalise(other)} ", " ")
    return f" {normalise(name)} " in folded


def test_every_alias_is_asked(library: Library) -> None:
    base: FactBase = library.base
    texts = [asked_texts(q) for q in library.questions()]
    all_names = [n.text for n in base.names]
    missing = []
    for entity_id, item in base.by_id.items():
        for alias in getattr(item, "aliases", ()):
            key = normalise(alias)
            longer = [n for n in all_names if key in normalise(n) and normalise(n) != key]
            if not any(names_it(text, alias, longer) for text in texts):
                missing.append(f"{entity_id}: {alias}")
    assert missing == []


def test_tyrants_hong_kong_title_is_asked_both_ways(library: Library) -> None:
    questions = {q.id: q for q in library.questions()}
    assert questions["tyrant.title.short"].answers == ("The Goddess of Mercy",)
    reverse = questions["tyrant.title.reverse"]
    assert "The Goddess of Mercy" in reverse.prompt and reverse.answers == ("Tyrant",)
    assert reverse.pack == "hk-collaborations"


def test_an_alias_from_another_source_names_it(library: Library) -> None:
    kofic = next(q for q in library.questions() if re.match(r"kofic\.name\.", q.id))
    assert kofic.prompt == "What does KOFIC stand for?" and kofic.source == "wikipedia-korean-film-council"
