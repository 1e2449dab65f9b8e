"""numbers: every way a student writes a number."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kopick_quiz.grading.numbers import numbers, parse_number, show


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("834338", [834338]),
        ("834,338", [834338]),
        ("834 338", [834338]),
        ("834\u00a0338", [834338]),
        ("150k", [150_000]),
        ("150 thousand", [150_000]),
        ("1.5 million", [1_500_000]),
        ("20 billion won", [20_000_000_000]),
        ("20bn", [20_000_000_000]),
        ("200억", [20_000_000_000]),
        ("3만", [30_000]),
        ("１９６４", [1964]),
        ("fifteen", [15]),
        ("twenty-one", [21]),
        ("one hundred and fifty thousand", [150_000]),
        ("a million", [1_000_000]),
        ("nineteen sixty-four", [1964]),
        ("40th", [40]),
        ("a 15-year-old", [15]),
        ("1964 or 1965", [1964, 1965]),
        ("about 150,000 admissions in 1964", [150_000, 1964]),
        ("12 345 678", [12_345_678]),
    ],
)
def test_numbers_are_read_in_any_common_notation(text, found):
    assert numbers(text) == found


@pytest.mark.parametrize("text", ["the 1960s", "lots", "", "I think", "v2.0a"])
def test_decades_and_words_without_numbers_give_none(text):
    assert parse_number(text) is None


def test_parse_number_wants_exactly_one_number():
    assert parse_number("834,338") == 834338
    assert parse_number("1964 or 1965") is None


def test_show_groups_thousands():
    assert show(834338.0) == "834,338"
    assert show(1.5) == "1.5"


@given(st.text(max_size=200))
def test_numbers_never_raises_and_finds_at_most_the_limit(text):
    assert len(numbers(text, limit=5)) <= 5
