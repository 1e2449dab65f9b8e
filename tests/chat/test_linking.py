"""Entity linking: names found through typos and case, fragments and near misses refused."""

from __future__ import annotations

import pytest

from kopick_quiz.chat.brain import brain_for
from kopick_quiz.chat.linking import CUE, allowed_typos, fold, split_question
from kopick_quiz.facts.base import FactBase


def linked(base: FactBase, question: str) -> list[tuple[str, ...]]:
    """The entity ids of each mention in the question, in order."""
    return [m.ids for m in brain_for(base).parse(question).mentions]


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Kim Jin-gyu's", "kim jin gyu"),
        ("The Goddess of Mercy!", "goddess of mercy"),
        ("A Midsummer’s Fantasia", "midsummer fantasia"),
        ("ＭＲ. ＧＯ", "mr go"),
    ],
)
def test_fold_ignores_case_accents_punctuation_articles_and_possessives(text: str, folded: str):
    assert fold(text) == folded


def test_split_question_marks_words_typed_in_capitals():
    assert split_question("what is SKY or Sky") == [
        ("what", False),
        ("is", False),
        ("sky", True),
        ("or", False),
        ("sky", False),
    ]


@pytest.mark.parametrize(("length", "typos"), [(2, 0), (3, 0), (4, 1), (8, 1), (9, 2), (16, 2), (17, 3)])
def test_longer_names_forgive_more_typos(length: int, typos: int):
    assert allowed_typos(length) == typos


@pytest.mark.parametrize(
    ("question", "entity"),
    [
        ("who directed snowpiercer", "snowpiercer"),
        ("who directed SNOWPIERCER", "snowpiercer"),
        ("who directed Snowpiercr", "snowpiercer"),  # a letter missing
        ("who directed Snowpeircer", "snowpiercer"),  # two letters swapped
        ("who directed snow piercer", "snowpiercer"),  # a space too many
        ("tell me about bong joonho", "bong-joon-ho"),  # a space too few
        ("tell me about Bong Jun-ho", "bong-joon-ho"),  # another romanisation (an alias)
        ("tell me about joon-ho bong", "bong-joon-ho"),  # the other name order
        ("tell me about kim jin kyu", "kim-jin-gyu"),
        ("tell me about Kim Yong-hwaa", "kim-yong-hwa"),
        ("what is The Goddess of Mercy", "tyrant"),  # another title
        ("what is drwar", "d-war"),  # a short name run together and mistyped
        ("what did kim yonghwa direct", "kim-yong-hwa"),  # given name run together
        ("who is Hong Kyungupyo", "hong-kyung-pyo"),  # run together and mistyped
        ("what is the medium", "the-medium"),
        ("what is gdh", "gdh-559"),
        ("what is the Korean Film Archive", "korean-film-archive"),
        ("which thai films are there", "thailand"),  # a country's adjective
        ("which korean films are there", "south-korea"),  # the adjective of an alias
    ],
)
def test_names_are_found_through_typos_case_spacing_and_aliases(base: FactBase, question: str, entity: str):
    assert (entity,) in linked(base, question)


@pytest.mark.parametrize(
    "question",
    [
        "who directed alien",  # one word of "Love with an Alien"
        "who directed love",
        "what is woman",  # one word of "The Last Woman of Shang"
        "who directed paradise",  # two letters from Parasite
        "tell me about Steven Spielberg",  # a first name shared with Steven Dhoedt
        "who is lee jung",  # two words of three, and not enough alone
    ],
)
def test_fragments_and_near_misses_name_nothing(base: FactBase, question: str):
    assert linked(base, question) == []


def test_a_typo_is_one_letter_not_two(small_base: FactBase):
    assert linked(small_base, "who directed swrod") == [("sword",)]
    assert linked(small_base, "who won the world cup") == []


def test_acronym_is_a_name_only_in_capitals(base: FactBase):
    assert linked(base, "which films did the US sponsor") == [("united-states",)]
    assert linked(base, "tell us about okja") == [("okja",)]


def test_a_surname_alone_names_whoever_bears_it(base: FactBase):
    assert linked(base, "what did Banjong direct") == [("banjong-pisanthanakun",)]
    (kims,) = linked(base, "who is kim")
    assert {"kim-jin-gyu", "kim-ki-young", "kim-yong-hwa"} <= set(kims)


def test_equally_close_names_are_both_kept(small_base: FactBase):
    assert linked(small_base, "who is park ji-wo") == [("park-ji-won", "park-ji-woo")]


def test_same_title_in_two_years_is_ambiguous(small_base: FactBase):
    assert linked(small_base, "who directed typhoon") == [("typhoon-2005", "typhoon-2020")]


def test_longest_name_wins_over_a_name_inside_it(base: FactBase):
    assert linked(base, "what was the korean war") == [("korean-war",)]
    assert linked(base, "what is Seoul National University") == [("seoul-national-university",)]


def test_mistyped_cue_word_is_read_as_the_cue(base: FactBase):
    tokens = brain_for(base).linker.tokens("who directd the medium")
    assert (tokens[1].text, tokens[1].cls) == ("directed", CUE)


def test_cue_words_name_something_only_when_nothing_else_does(base: FactBase):
    assert linked(base, "what is a co-production") == [("co-production",)]
    assert linked(base, "which studio co-produced the medium") == [("the-medium",)]


def test_indexes_are_built_once_per_fact_base(base: FactBase):
    assert brain_for(base) is brain_for(base)
