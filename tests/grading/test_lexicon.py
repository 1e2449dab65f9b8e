"""Lexicon: every name of every entity, compiled once."""

from __future__ import annotations

import marshal

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


def _state(lexicon: Lexicon) -> tuple:
    return (lexicon._written, lexicon._unwritten, lexicon._owners, lexicon.max_parts, lexicon.kind_of)


def test_the_names_as_read_are_kept_beside_the_cache_and_read_back(base, tmp_path, monkeypatch):
    monkeypatch.setattr(base, "content_hash", "ab" * 32)
    built = Lexicon.from_base(base, folder=tmp_path)
    kept = tmp_path / f"lexicon-{'ab' * 16}.marshal"
    assert kept.is_file()
    monkeypatch.setattr(Lexicon, "__init__", _refuse_names(Lexicon.__init__))
    read = Lexicon.from_base(base, folder=tmp_path)
    assert _state(read) == _state(built)
    assert read.entities("bong joonho") == ("bong-joon-ho",)
    assert read.by_kind == built.by_kind
    assert read.neutral == built.neutral and read.adjectives == built.adjectives


def _refuse_names(init):  # noqa: ANN001, ANN202
    def refusing(self, names=(), *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        assert not names, "the names were read again"
        init(self, names, *args, **kwargs)

    return refusing


def test_a_damaged_or_stale_kept_lexicon_is_built_again(base, tmp_path, monkeypatch):
    monkeypatch.setattr(base, "content_hash", "cd" * 32)
    expected = _state(Lexicon.from_base(base))
    kept = tmp_path / f"lexicon-{'cd' * 16}.marshal"
    for damage in (b"", b"not marshal at all", marshal.dumps(("another program", ()))):
        kept.write_bytes(damage)
        assert _state(Lexicon.from_base(base, folder=tmp_path)) == expected
        assert kept.read_bytes() != damage  # written again, whole


def test_the_kept_lexicon_of_a_fact_base_that_changed_is_dropped(base, tmp_path, monkeypatch):
    old = tmp_path / f"lexicon-{'ee' * 16}.marshal"
    old.write_bytes(b"the names of an older fact base")
    monkeypatch.setattr(base, "content_hash", "ff" * 32)
    Lexicon.from_base(base, folder=tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == [f"lexicon-{'ff' * 16}.marshal"]
