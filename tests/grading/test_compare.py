"""Candidates.search: the answer in typed words, its rivals beside it."""

from __future__ import annotations

from kopick_quiz.grading import Lexicon
from kopick_quiz.grading.compare import Candidates
from kopick_quiz.grading.names import Form
from kopick_quiz.text import normalise


def _studios(lexicon: Lexicon) -> Candidates:
    return Candidates(
        [lexicon.forms_of["huayi-brothers"]],
        (),
        lexicon,
        frozenset({"organisation"}),
    )


def _search(candidates: Candidates, text: str):
    return candidates.search(normalise(text).split(), text=text)


def test_an_exact_spelling_is_one_whole_hit(lexicon):
    found = _search(_studios(lexicon), "Huayi Bros")
    assert [h.form.text for h in found.hits] == ["Huayi Bros"]
    assert found.whole and not found.rivals


def test_a_near_miss_of_another_studio_is_that_studio(lexicon):
    candidates = _studios(lexicon)
    found = _search(candidates, "Shaw Brothrs")
    assert not found.hits
    assert candidates.near(found).form.owner == "shaw-brothers"
    found = _search(_studios(lexicon), "it was Shaw Brothrs")
    assert not found.hits
    assert found.rivals[0].form.owner == "shaw-brothers"


def test_a_sentence_around_the_answer_leaves_only_its_filler(lexicon):
    found = _search(_studios(lexicon), "I think it was the Chinese company Huayi Brothers")
    assert len(found.hits) == 1
    assert found.leftover == []


def test_a_second_studio_in_the_sentence_is_a_rival_unless_ruled_out(lexicon):
    assert _search(_studios(lexicon), "Huayi Brothers or Shaw Brothers").rivals
    assert not _search(_studios(lexicon), "Huayi Brothers, not Shaw Brothers").rivals


def test_an_answer_inside_a_longer_name_is_not_found(lexicon):
    korea = Candidates([lexicon.forms_of["south-korea"]], (), lexicon, frozenset({"country"}))
    assert not _search(korea, "North Korea").hits
    assert _search(korea, "Korea, I think").hits


def test_other_kinds_of_names_in_a_sentence_are_context(lexicon):
    found = _search(_studios(lexicon), "Mr. Go was co-produced by Huayi Brothers")
    assert found.hits and not found.rivals


def test_answers_unknown_to_the_facts_are_compared_as_text():
    candidates = Candidates(
        [[Form.of("Best of Bucheon", "answer:0")]], [Form.of("Best of Busan", "option:1")], Lexicon()
    )
    assert _search(candidates, "best of bucheon").hits
    assert candidates.near(_search(candidates, "Best of Busam")).form.text == "Best of Busan"
    # a choice question names only its options: a miss near none of them looks for no rival
    assert candidates.near(_search(candidates, "Best of Busam"), {"option:2"}) is None
    assert candidates.near(_search(candidates, "Best of Busam"), {"option:1"}).form.text == "Best of Busan"
    assert _search(candidates, "I think Best of Busan").rivals
