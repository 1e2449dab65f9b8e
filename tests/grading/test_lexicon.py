"""Lexicon: every name of every entity, compiled once."""

from __future__ import annotations

from kopick_quiz.grading import Lexicon


def test_an_empty_lexicon_stands_for_packs_without_facts():
    lexicon = Lexicon.from_base(None)
    assert len(lexicon) == 0
    assert lexicon.entities("Prague") == ()


def test_every_spelling_of_a_name_finds_its_entity(lexicon):
    assert lexicon.entities("BIFAN") == ("bifan",)
    assert lexicon.entities("bifan") == ("bifan",)
    assert lexicon.entities("Bucheon International Fantastic Film Festival") == ("bifan",)
    assert lexicon.entities("shaw bros") == ("shaw-brothers",)
    assert lexicon.entities("Bong Joon-ho") == lexicon.entities("bong joonho") == ("bong-joon-ho",)


def test_korean_style_names_are_also_known_given_name_first():
    lexicon = Lexicon([("Na Hong-jin", "na", "person", True)])
    assert lexicon.entities("Hong-jin Na") == ("na",)


def test_names_are_grouped_by_kind_for_the_confusable_guard(lexicon):
    studios = {form.owner for form in lexicon.by_kind["organisation"]}
    assert {"shaw-brothers", "huayi-brothers", "gdh-559", "seoul-national-university"} <= studios
    assert lexicon.kind_of["bifan"] == "festival"


def test_labels_and_what_the_facts_say_of_an_entity(lexicon):
    assert lexicon.label("gdh-559") == "GDH 559"
    assert "Medium" in lexicon.about["gdh-559"]


def test_nationality_words_are_neutral_but_not_the_words_of_a_place_name(lexicon):
    assert {"thai", "korean", "japanese"} <= lexicon.neutral
    assert "hong" not in lexicon.neutral
