"""The English helpers: articles, plurals, lists, possessives, names in a sentence."""

from __future__ import annotations

import pytest

from kopick_quiz.generate import english as en


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("Thai studio", "a"),
        ("American government agency", "an"),
        ("Indonesian film", "an"),
        ("Hong Kong director", "a"),
        ("university", "a"),
        ("hour", "an"),
        ("SNU graduate", "an"),
        ("KOFIC report", "a"),
        ("8 million", "an"),
        ("18th", "an"),
        ("1964 film", "a"),
        ("European", "a"),
        ("one-off", "a"),
        ("archive", "an"),
    ],
)
def test_article_follows_the_sound(phrase: str, expected: str) -> None:
    assert en.article(phrase) == expected


@pytest.mark.parametrize(
    ("noun", "n", "expected"),
    [
        ("director", 1, "director"),
        ("director", 2, "directors"),
        ("company", 3, "companies"),
        ("art director", 2, "art directors"),
        ("person", 2, "people"),
        ("actress", 2, "actresses"),
        ("city", 4, "cities"),
        ("day", 2, "days"),
    ],
)
def test_plural_changes_the_last_word(noun: str, n: int, expected: str) -> None:
    assert en.plural(noun, n) == expected


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        ([], ""),
        (["A"], "A"),
        (["A", "B"], "A and B"),
        (["A", "B", "C"], "A, B and C"),
        (["A", "", "C"], "A and C"),
    ],
)
def test_join_lists_without_an_oxford_comma(items: list[str], expected: str) -> None:
    assert en.join(items) == expected


@pytest.mark.parametrize(
    ("n", "expected"), [(1, "the"), (2, "both"), (3, "all three"), (4, "all four"), (13, "all 13")]
)
def test_all_of_asks_for_every_one(n: int, expected: str) -> None:
    assert en.all_of(n) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Shin Sang-ok", "Shin Sang-ok's"),
        ("Dexter Studios", "Dexter Studios'"),
        ("Run Run Shaw", "Run Run Shaw's"),
        ("Bong Joon Ho", "Bong Joon Ho's"),
    ],
)
def test_possessive(name: str, expected: str) -> None:
    assert en.possessive(name) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Korean War", "the Korean War"),
        ("Japanese colonial rule", "Japanese colonial rule"),
        (
            "Lifting of the ban on Japanese cultural imports",
            "the lifting of the ban on Japanese cultural imports",
        ),
        ("THAAD missile crisis", "the THAAD missile crisis"),
        ("Covid-19 pandemic", "the Covid-19 pandemic"),
        ("100 million admissions a year", "the period of 100 million admissions a year"),
        ("Decline of Korean cinema in the 1970s", "the decline of Korean cinema in the 1970s"),
        ("Suneung", "the Suneung"),
        ("Box-office boom", "the box-office boom"),
        ("Market opening", "the market opening"),
        ("Big War", "the Big War"),
    ],
)
def test_the_name_reads_inside_a_sentence(name: str, expected: str) -> None:
    assert en.the_name(name, frozenset({"Korean", "Japanese"})) == expected


@pytest.mark.parametrize(
    ("name", "kind", "expected"),
    [
        ("Korean Film Archive", "organisation", "the Korean Film Archive"),
        ("United States Information Service", "organisation", "the United States Information Service"),
        ("Showbox", "organisation", "Showbox"),
        ("Shaw Brothers", "organisation", "Shaw Brothers"),
        (
            "Bucheon International Fantastic Film Festival",
            "festival",
            "the Bucheon International Fantastic Film Festival",
        ),
        ("United States", "country", "the United States"),
        ("Thailand", "country", "Thailand"),
        ("Korean War", "person", "Korean War"),
    ],
)
def test_definite_adds_the_where_english_does(name: str, kind: str, expected: str) -> None:
    assert en.definite(name, kind) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a Korean composer", "the Korean composer"),
        ("an old man", "the old man"),
        ("Princess Miao", "Princess Miao"),
        ("the gorilla's coach", "the gorilla's coach"),
    ],
)
def test_the_description(text: str, expected: str) -> None:
    assert en.the_description(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Woo-in", True), ("Princess Miao", True), ("a Korean composer", False), ("The boss", False)],
)
def test_is_proper_name(text: str, expected: bool) -> None:
    assert en.is_proper_name(text) is expected


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (20_000_000_000, "20 billion"),
        (1_500_000, "1.5 million"),
        (834_338, "834,338"),
        (2_000_000_000_000, "2 trillion"),
    ],
)
def test_friendly_amount(amount: int, expected: str) -> None:
    assert en.friendly_amount(amount) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("the Korean War began", "The Korean War began."), ("Done?", "Done?"), ("", ""), ("ends.", "Ends.")],
)
def test_sentence(text: str, expected: str) -> None:
    assert en.sentence(text) == expected


def test_humanise_schema_words() -> None:
    assert en.humanise("folk-horror") == "folk horror"
    assert en.humanise("vfx-studio") == "visual effects studio"
    assert en.humanise("science-fiction") == "science fiction"
