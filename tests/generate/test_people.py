"""Questions on people, organisations, festivals and the context: spot checks against the shipped facts."""

from __future__ import annotations

import pytest

from kopick_quiz.facts.base import FactBase
from kopick_quiz.generate import generate_all

# question id -> (the answers, the prompt)
SHIPPED = [
    ("banjong-pisanthanakun.nationality.short", ["Thailand"], "Which country is Banjong Pisanthanakun from?"),
    ("tu-kwang-chi.nationality.short", ["Hong Kong"], "Where is Tu Kwang-chi from?"),
    ("shin-sang-ok.spouse.short", ["Choi Eun-hee"], "Who was Shin Sang-ok married to?"),
    ("shin-films.owner.short", ["Shin Sang-ok"], "Who owned Shin Films?"),
    ("shaw-brothers.co-founder.short", ["Run Run Shaw"], "Who co-founded Shaw Brothers?"),
    (
        "shin-sang-ok.founder.shin-films.short",
        ["Shin Films"],
        "Which South Korean production company did Shin Sang-ok own?",
    ),
    ("linda-lin-dai.age.short", ["30"], "At what age did Linda Lin Dai die?"),
    ("linda-lin-dai.died.month.short", ["July"], "In which month of 1964 did Linda Lin Dai die?"),
    ("huayi-brothers.country.short", ["China"], "Where is Huayi Brothers based?"),
    ("bifan.city.short", ["Bucheon"], "In which city is BIFAN held?"),
    ("japanese-colonial-rule.start.short", ["1910"], "In what year did Japanese colonial rule begin?"),
    ("japanese-colonial-rule.end.short", ["1945"], "In what year did Japanese colonial rule end?"),
    ("korean-war.start.short", ["1950"], "In what year did the Korean War begin?"),
    ("korean-war.end.short", ["1953"], "In what year did the Korean War end?"),
    ("japanese-import-ban-lifted.year.short", ["1998"], None),
    ("hundred-million-admissions.start.short", ["2012"], None),
    ("hundred-million-admissions.end.short", ["2019"], None),
    ("thaad-crisis.year.short", ["2016"], "In what year did the THAAD missile crisis take place?"),
    (
        "sky.members.multi",
        ["Seoul National University", "Korea University", "Yonsei University"],
        "Name all three universities that make up SKY.",
    ),
    ("suneung.month.short", ["November"], "In which month does the Suneung take place each year?"),
    ("seoul-national-university.part-of.short", ["SKY"], None),
]


@pytest.mark.parametrize(("qid", "answers", "prompt"), SHIPPED)
def test_shipped_spot_checks(
    shipped_base: FactBase, qid: str, answers: list[str], prompt: str | None
) -> None:
    q = {q.id: q for q in generate_all(shipped_base)}[qid]
    assert sorted(q.answers) == sorted(answers)
    if prompt:
        assert q.prompt == prompt


def test_a_name_that_gives_the_answer_away_is_not_asked(shipped_base: FactBase) -> None:
    ids = {q.id for q in generate_all(shipped_base)}
    assert "korean-film-archive.country.short" not in ids  # "Korean" says where it is
    assert "korean-film-archive.kind.choice" not in ids  # "Archive" says what it is
    assert "decline-of-korean-cinema.start.short" not in ids  # "in the 1970s" gives the year
    assert "covid-19-pandemic.start.short" not in ids  # the base ties it to a year, not its start


def test_who_is_this_leaves_out_shared_descriptions(shipped_base: FactBase) -> None:
    ids = {q.id for q in generate_all(shipped_base)}
    assert "bong-joon-ho.who.short" in ids
    assert "korea-university.who.short" not in ids  # the three SKY universities share one summary


def test_spouses_are_asked_both_ways_without_repeating_a_statement(shipped_base: FactBase) -> None:
    prompts = [q.prompt for q in generate_all(shipped_base) if ".spouse." in q.id]
    assert len(prompts) == len(set(prompts))
    assert any("Choi Eun-hee married to" in p for p in prompts)


def test_small_base_people(small_base: FactBase) -> None:
    questions = {q.id: q for q in generate_all(small_base)}
    assert questions["epsilon-films.owner.short"].answers == ("Park Min",)
    assert questions["beta-pictures.founder.short"].prompt == "Who founded Beta Pictures?"
    assert questions["big-war.start.short"].answers == ("1950",)
    assert questions["opening.year.short"].prompt == "In what year did the market opening take place?"
    assert questions["boom.end.short"].prompt == "In what year did the box-office boom end?"
    assert questions["big-exam.month.short"].answers == ("November",)
