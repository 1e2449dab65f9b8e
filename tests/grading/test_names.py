"""names: romanisation keys and typos judged per name part."""

from __future__ import annotations

import pytest

from kopick_quiz.grading.names import EXACT, Form, allowance, fold, numerals, span, syllabic, typos


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("kyu", "gyu"),  # k/g
        ("joon", "jun"),  # oo/u
        ("jeon", "jun"),  # eo/u
        ("chang", "jang"),  # ch/j
        ("taek", "daeg"),  # t/d, k/g
        ("pyo", "byo"),  # p/b
        ("hee", "hi"),  # ee/i
        ("young", "yeong"),  # ou/eo
        ("choi", "choe"),  # oi/oe
        ("shin", "sin"),  # sh/s
        ("lee", "yi"),  # one surname, several spellings
        ("rhee", "lee"),
        ("park", "bak"),
        ("huh", "heo"),
        ("wailling", "wailing"),  # doubled letters
        ("bros", "brothers"),  # short forms of words
        ("intl", "international"),
    ],
)
def test_romanisation_variants_share_a_key(a, b):
    assert fold(a) == fold(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("jung", "jang"),
        ("seung", "sung"),
        ("yong", "young"),
        ("jae", "jin"),
        ("shin", "shim"),
        ("min", "hee"),
    ],
)
def test_different_syllables_keep_different_keys(a, b):
    assert fold(a) != fold(b)


@pytest.mark.parametrize(
    ("part", "allowed"),
    [
        ("ho", 0),
        ("jae", 0),
        ("jung", 0),
        ("seoul", 1),
        ("brudhers", 1),
        ("snowbiercer", 2),
        ("bisandhanagun", 3),
    ],
)
def test_typos_allowed_grow_with_the_length_of_a_part(part, allowed):
    assert allowance(part) == allowed


def test_parts_with_digits_must_be_exact():
    assert allowance("559") == EXACT
    assert allowance("17") == EXACT


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lee Jung-jae", True),
        ("E J-yong", True),
        ("Woo-in", True),  # a given name alone
        ("Bong Joon Ho", False),
        ("Day-and-date release", False),
        ("D-War", False),
    ],
)
def test_syllabic_names_are_hyphenated_personal_names(text, expected):
    assert syllabic(text) is expected


def _typos(expected: str, typed: str) -> int | None:
    return typos(Form.of(expected, "x"), span(tuple(typed.lower().replace("-", " ").split())))


@pytest.mark.parametrize(
    ("expected", "typed", "edits"),
    [
        ("Kim Jin-gyu", "Kim Jin-kyu", 0),
        ("Bong Joon-ho", "bong jun ho", 0),
        ("Prague", "Praque", 1),
        ("Prague", "Pargue", 1),  # a swap of neighbours is one typo
        ("Huayi Brothers", "Huayi Brothrs", 1),
        ("Lee Jung-jae", "Lee Jnug-jae", 1),
        ("Korean Film Archive", "Korean Flim Archive", 1),
        ("Banjong Pisanthanakun", "Banjong Pisantanakul", 2),
    ],
)
def test_typos_within_each_parts_allowance_are_counted(expected, typed, edits):
    assert _typos(expected, typed) == edits


@pytest.mark.parametrize(
    ("expected", "typed"),
    [
        ("Lee Jung-jae", "Lee Jung-jin"),  # a replaced syllable
        ("Lee Jung-jae", "Lee Jae-jung"),  # swapped syllables
        ("Lee Jung-jae", "Lee Jang-jae"),  # one letter, but another syllable
        ("Kim Seung-ho", "Kim Sung-ho"),
        ("Huayi Brothers", "Shaw Brothers"),
        ("GDH 559", "GDH 558"),
        ("BIFAN", "BIFAM"),  # abbreviations allow no typo
        ("Lee Jung-jae", "Lee Jung"),  # a missing part
        ("Prague", "Pra"),
    ],
)
def test_a_part_beyond_its_allowance_is_no_match(expected, typed):
    assert _typos(expected, typed) is None


def test_a_name_typed_without_its_spaces_is_cut_where_its_parts_meet():
    assert _typos("Seoul National University", "seoulnationaluniversty") == 1
    assert _typos("Lee Jung-jae", "leejungjin") is None


def test_strict_forms_allow_one_slip_that_makes_no_name_syllable():
    strict = Form.of("Sangjoon Lee", "x", strict=True)
    assert typos(strict, span(("sangjoon", "lee"))) == 0
    assert typos(strict, span(("sangjoen", "lee"))) == 1  # `joen`: no syllable of a Korean name
    assert typos(strict, span(("sanjgoon", "lee"))) == 1
    assert typos(strict, span(("sangmoon", "lee"))) is None  # `sang` + `moon`: another name
    assert typos(strict, span(("sangjoen", "lea"))) is None  # one slip per name, not per part


@pytest.mark.parametrize(
    ("expected", "typed"),
    [
        ("Kim Yong-hwa", "kim yong hwha"),  # a letter added
        ("Kwak Kyung-taek", "kwak kyung tek"),  # a letter dropped
        ("Choi Eun-hee", "choi eun he"),
        ("Kim Yong-hwa", "kin yong hwa"),  # `kin` is no Korean surname
        ("Okja", "okha"),  # a short word of any name
    ],
)
def test_one_slip_in_a_short_part_is_one_typo(expected, typed):
    assert _typos(expected, typed) == 1


@pytest.mark.parametrize(
    ("expected", "typed"),
    [
        ("Kim Yong-hwa", "lim yong hwa"),  # Lim is another surname
        ("Kim Yong-hwa", "kim young hwa"),  # young: another syllable
        ("Kwak Kyung-taek", "kwak kyung tae"),
        ("Choi Eun-hee", "choi eun ha"),
        ("Na Hong-jin", "na hongjun"),  # hong + jun: other syllables, even joined
        ("Na Hong-jin", "n hong jin"),  # one letter left of a part is no slip
        ("Kim Yong-hwa", "kin yong hwha"),  # two slips
    ],
)
def test_a_slip_that_makes_another_name_or_a_second_slip_is_no_match(expected, typed):
    assert _typos(expected, typed) is None


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (("the", "seventh", "team"), ("the", "7", "team")),
        (("the", "7th", "team"), ("the", "7", "team")),
        (("mickey", "seventeen"), ("mickey", "17")),
        (("twenty", "one"), ("21",)),
        (("twenty", "first", "century"), ("21", "century")),
        (("fortieth", "anniversary"), ("40", "anniversary")),
        (("the", "one", "i", "mean"), ("the", "one", "i", "mean")),  # `one` alone stays a word
        (("gdh", "559"), ("gdh", "559")),
        (("monkey", "king", "ii"), ("monkey", "king", "2")),  # a sequel's roman numeral
    ],
)
def test_numbers_in_names_are_written_one_way(words, expected):
    assert numerals(words) == expected
