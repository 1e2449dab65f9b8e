"""Cue words: what a question asks for once its names are taken out."""

from __future__ import annotations

import pytest

from kopick_quiz.chat.intents import company_role_of, cues_of, genres_of, role_of


@pytest.mark.parametrize(
    ("residue", "cues"),
    [
        ("who directed @", {"who", "direct"}),
        ("where was @ shot", {"where", "shoot"}),
        ("when did @ come out", {"when", "release"}),
        ("which studio co produced @", {"what", "company", "coproduce"}),
        ("tell me about @", {"card", "card_about", "summary"}),
        ("how many admissions did @ get", {"count", "audience"}),
        ("who was the director of photography on @", {"who", "cinematography", "direct", "card"}),
    ],
)
def test_cues_of_a_residue(residue: str, cues: set[str]):
    assert cues <= cues_of(residue.split())


def test_phrases_do_not_span_a_name():
    assert "audience" in cues_of(["the", "box", "office", "of", "@"])
    assert "audience" not in cues_of(["the", "box", "@", "office"])


@pytest.mark.parametrize(
    ("words", "genres"),
    [
        ("which horror films", ("horror",)),
        ("any folk horror", ("folk-horror",)),
        ("sci fi and documentaries", ("documentary", "science-fiction")),
    ],
)
def test_genres_of(words: str, genres: tuple[str, ...]):
    assert genres_of(words.split()) == genres


@pytest.mark.parametrize(
    ("residue", "role"),
    [
        ("what did @ direct", "directors"),
        ("which films did @ shoot", "cinematographers"),
        ("what did @ star in", "cast"),
        ("which films did @ produce", "producers"),
        ("which films did @ co produce", None),
        ("films of @", None),
    ],
)
def test_role_of(residue: str, role: str | None):
    assert role_of(cues_of(residue.split())) == role


def test_company_role_of():
    assert company_role_of(["who", "distributed", "@"]) == "distributor"
    assert company_role_of(["who", "made", "@"]) is None
