"""Hints that teach: the first hint of every shipped question tells something its prompt does not."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kopick_quiz.generate.hints import adds_to
from kopick_quiz.grading import Lexicon
from kopick_quiz.library import Library, open_library
from kopick_quiz.questions import Question
from kopick_quiz.text import normalise

# What a first hint used to say, and a prompt like "Who ...?" already says.
KIND_ONLY = re.compile(r"^(?:the answer is .*|\d+ answers, each .*|a year\.|a number.*)$", re.IGNORECASE)


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    return open_library(cache_dir=tmp_path_factory.mktemp("cache"))


@pytest.fixture(scope="module")
def lexicon(library: Library) -> Lexicon:
    return Lexicon.from_base(library.base)


def first_hint(library: Library, lexicon: Lexicon, question: Question) -> str | None:
    hint = library.session([question], "t", lexicon=lexicon).hint()
    return hint.text if hint is not None else None


@pytest.mark.parametrize(
    ("prompt", "hint", "adds"),
    [
        ("Who directed Okja (2017)?", "The answer is a person's name.", False),
        (
            "Name one of the three directors of Love with an Alien (1958).",
            "This person is a director.",
            False,
        ),
        ("Name one of the three directors of Love with an Alien (1958).", "This person is from Japan.", True),
        ("Which Japanese director co-directed Love with an Alien?", "This person is from Japan.", False),
        ("Name both countries that co-produced Mr. Go (2013).", "2 answers, each a country.", False),
        ("In which year did Tyrant come out?", "The 1960s.", True),
    ],
)
def test_a_hint_adds_to_a_prompt_only_with_a_word_of_substance(prompt: str, hint: str, adds: bool) -> None:
    assert adds_to(prompt, hint) is adds


def test_every_shipped_questions_first_hint_is_not_implied_by_its_prompt(
    library: Library, lexicon: Lexicon
) -> None:
    implied, missing = [], []
    for question in library.questions():
        hint = first_hint(library, lexicon, question)
        if hint is None:
            if question.type != "truefalse":  # true or false: any hint would be the answer
                missing.append(question.id)
            continue
        if KIND_ONLY.match(hint) or not adds_to(question.prompt, hint):
            implied.append(f"{question.id}: {question.prompt} -> {hint}")
    assert implied == []
    assert missing == []


def test_the_directors_of_love_with_an_alien_get_their_countries_as_a_hint(
    library: Library, lexicon: Lexicon
) -> None:
    questions = {q.id: q for q in library.questions()}
    hint = first_hint(library, lexicon, questions["love-with-an-alien.director.multi"])
    assert hint == "They come from South Korea, Hong Kong and Japan."


def test_a_hint_never_names_the_answer(library: Library, lexicon: Lexicon) -> None:
    for question in library.questions():
        if question.type not in ("short", "multi") or question.hint is None:
            continue
        names = {normalise(a) for a in (*question.answers, *question.accept)}
        folded = f" {normalise(question.hint)} "
        assert not any(f" {n} " in folded for n in names if n), (question.id, question.hint)


def test_hints_in_a_written_pack_round_trip(tmp_path: Path, library: Library) -> None:
    """`generate -o` writes each question's teaching hint into the editable pack."""
    from kopick_quiz.generate import generate_all
    from kopick_quiz.packs.writer import to_pack_yaml

    written = to_pack_yaml(generate_all(library.base), "generated", "Generated")
    assert "hint:" in written and "They come from South Korea, Hong Kong and Japan." in written
