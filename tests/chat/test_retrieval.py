"""The retrieval fallback: the base's own sentences in SQLite FTS5, kept beside the compiled cache."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from kopick_quiz.chat import Conversation, answer_question, retrieval
from kopick_quiz.chat.retrieval import SentenceIndex, stem
from kopick_quiz.facts.base import FactBase
from kopick_quiz.library import open_library


@pytest.mark.parametrize(
    ("forms", "same"),
    [
        (["lifted", "lifting", "lift"], True),
        (["banned", "ban", "bans"], True),
        (["cultural", "culture"], True),
        (["turned", "turn", "turns"], True),
        (["studio", "studios"], True),
        (["ban", "band"], False),
    ],
)
def test_a_words_common_forms_share_a_stem(forms: list[str], same: bool):
    assert (len({stem(f) for f in forms}) == 1) is same


def test_a_description_finds_the_sentence_that_holds_its_words(base: FactBase):
    found = SentenceIndex.open(base).search(["ban", "culture", "lifted"])
    assert found[0].entity == "japanese-import-ban-lifted"
    assert found[0].coverage == 1.0


def test_sentences_about_a_named_entity_rank_first(base: FactBase):
    index = SentenceIndex.open(base)
    plain = index.search(["turned", "southeast", "asia"])
    boosted = index.search(["turned", "southeast", "asia"], named=["the-medium"])
    assert boosted[0].entity == "the-medium"
    assert plain[0].score < boosted[0].score


def test_words_the_base_lacks_find_nothing(base: FactBase):
    assert SentenceIndex.open(base).search(["weather", "busan", "tomorrow"]) == []


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("why did korean studios look to southeast asia", "THAAD"),
        ("what is the earliest surviving colour film", "Love with an Alien"),
        ("which film echoes snowpiercer's dystopian themes", "Mickey 17"),
    ],
)
def test_what_only_a_note_or_summary_says_is_answered_with_it(base: FactBase, question: str, expected: str):
    reply = answer_question(base, question)
    assert reply.kind == "answer"
    assert expected in reply.text
    assert reply.sources == ("Ko-pick: International Co-productions Between Korea and Overseas",)


def test_below_the_threshold_it_says_what_it_does_not_know_and_offers_what_it_does(base: FactBase):
    reply = answer_question(base, "how was the sound replaced at the 2014 screening")
    assert reply.kind == "unknown"
    assert reply.text.startswith("I don't know")
    assert "The nearest it comes to that" in reply.text


def test_a_sentence_is_told_of_what_it_is_about(base: FactBase):
    reply = answer_question(base, "why did showbox turn to southeast asia")
    assert "Showbox later turned to Southeast Asia, backing The Medium." in reply.text


def _hashed(base: FactBase, key: str) -> FactBase:
    copy = FactBase(base.facts)
    copy.content_hash = key
    return copy


def test_the_index_is_built_once_per_content_hash(
    base: FactBase, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    first = SentenceIndex.open(_hashed(base, "a" * 64), tmp_path)
    files = list(tmp_path.glob("chat-sentences-*.sqlite"))
    assert len(files) == 1 and "a" * 32 in files[0].name

    def no_build(*args: object) -> None:
        raise AssertionError("built again")

    monkeypatch.setattr(retrieval, "_build", no_build)
    again = SentenceIndex.open(_hashed(base, "a" * 64), tmp_path)
    assert again.rows == first.rows
    assert again.search(["ban"])[0].entity == "japanese-import-ban-lifted"


def test_a_changed_base_gets_a_new_index_and_the_old_one_goes(base: FactBase, tmp_path: Path):
    SentenceIndex.open(_hashed(base, "a" * 64), tmp_path)
    SentenceIndex.open(_hashed(base, "b" * 64), tmp_path)
    assert [f.name for f in tmp_path.glob("chat-sentences-*.sqlite")] == [f"chat-sentences-{'b' * 32}.sqlite"]


def test_a_damaged_index_is_built_again(base: FactBase, tmp_path: Path):
    path = tmp_path / f"chat-sentences-{'c' * 32}.sqlite"
    path.write_bytes(b"not a database at all")
    index = SentenceIndex.open(_hashed(base, "c" * 64), tmp_path)
    assert index.search(["ban"])[0].entity == "japanese-import-ban-lifted"
    assert sqlite3.connect(path).execute("SELECT count(*) FROM sentence").fetchone()[0] == index.rows


def test_a_folder_it_cannot_write_leaves_the_index_in_memory(base: FactBase, tmp_path: Path):
    blocked = tmp_path / "file"
    blocked.write_text("a file where the folder should be")
    index = SentenceIndex.open(_hashed(base, "d" * 64), blocked)
    assert index.search(["ban"])[0].entity == "japanese-import-ban-lifted"


def test_the_library_keeps_the_index_in_its_cache(tmp_path: Path):
    cold = open_library(cache_dir=tmp_path)
    assert cold.cache_dir == tmp_path and cold.base.content_hash
    Conversation(cold.base, index_dir=cold.cache_dir)
    made = list(tmp_path.glob("chat-sentences-*.sqlite"))
    assert len(made) == 1
    warm = open_library(cache_dir=tmp_path)
    assert warm.base.content_hash == cold.base.content_hash
    assert warm.base.content_hash[:32] in made[0].name
