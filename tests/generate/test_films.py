"""Questions on films: every answer follows from the facts, every prompt names one film."""

from __future__ import annotations

import pytest

from kopick_quiz.facts.base import FactBase
from kopick_quiz.generate import generate_all
from kopick_quiz.questions import Question, Tolerance
from kopick_quiz.text import normalise


def by_id(base: FactBase) -> dict[str, Question]:
    return {q.id: q for q in generate_all(base)}


# question id -> (type, the answers, a word the prompt must contain)
SHIPPED = [
    ("the-medium.director.short", "short", ["Banjong Pisanthanakun"], "The Medium (2021)"),
    ("the-medium.studio.gdh-559.short", "short", ["GDH 559"], "Thai studio"),
    ("the-medium.studio.showbox.short", "short", ["Showbox"], "produced"),
    ("the-medium.producer.short", "short", ["Na Hong-jin"], "produced"),
    ("the-medium.country.short", "short", ["Thailand"], "Besides South Korea"),
    ("the-medium.audience.short", "number", ["834338"], "within 5%"),
    ("the-medium.premiere.short", "short", ["Bucheon International Fantastic Film Festival"], "premiere"),
    ("the-medium.prize.short", "short", ["Best of Bucheon"], "prize"),
    ("the-medium.year.short", "year", ["2021"], "The Medium"),
    (
        "the-last-woman-of-shang.director.multi",
        "multi",
        ["Choe In-hyeon", "Yueh Feng"],
        "Name both directors",
    ),
    ("the-last-woman-of-shang.audience.short", "number", ["150000"], "admissions"),
    ("the-last-woman-of-shang.release.short", "short", ["September"], "1964"),
    (
        "love-with-an-alien.director.multi",
        "multi",
        ["Jeon Chang-keun", "Tu Kwang-chi", "Wakasugi Mitsuo"],
        "all three",
    ),
    ("love-with-an-alien.cinematographer.short", "short", ["Nishimoto Tadashi"], "cinematographer"),
    ("love-with-an-alien.archive.found-year.short", "year", ["2012"], "print"),
    ("love-with-an-alien.archive.found-at.short", "short", ["Shaw Brothers"], "studio"),
    ("love-with-an-alien.archive.found-by.short", "short", ["Korean Film Archive"], "archive"),
    ("love-with-an-alien.archive.screened.short", "year", ["2014"], "restored"),
    ("love-with-an-alien.character.kim-jin-gyu.short", "short", ["Kim Jin-gyu"], "Korean composer"),
    ("tyrant.character.choi-eun-hee.short", "short", ["Choi Eun-hee"], "Korean version"),
    ("tyrant.character.li-li-hua.short", "short", ["Li Li-hua"], "Hong Kong version"),
    ("mr-go.director.kim-yong-hwa.reverse", "short", ["Mr. Go"], "Huayi Brothers"),
    ("mr-go.studio.huayi-brothers.short", "short", ["Huayi Brothers"], "Chinese"),
    ("mr-go.based-on.short", "short", ["The 7th Team"], "1984"),
    ("mr-go.based-on.creator.short", "short", ["Huh Young-man"], "The 7th Team"),
    ("mr-go.budget.short", "number", ["20000000000"], "in won"),
    ("snowpiercer.location.short", "short", ["Prague"], "shot"),
    ("snowpiercer.based-on.short", "short", ["Le Transperceneige"], "French graphic novel"),
    ("snowpiercer.studio.cj-enm.short", "short", ["CJ ENM"], "financed and distributed"),
    ("snowpiercer.language.short", "short", ["English"], "language"),
    ("reach-for-the-sky.director.multi", "multi", ["Choi Woo-young", "Steven Dhoedt"], "both"),
    ("reach-for-the-sky.country.short", "short", ["Belgium"], "co-produced"),
    ("20-once-again.remake.short", "short", ["Miss Granny"], "remake"),
    ("i-am-a-truck.studio.usis.short", "short", ["United States Information Service"], "sponsored"),
    ("asako-in-ruby-shoes.art-director.short", "short", ["Yutaka Yokoyama"], "art director"),
    ("asako-in-ruby-shoes.character.lee-jung-jae.name", "short", ["Woo-in"], "Lee Jung-jae"),
]


@pytest.mark.parametrize(("qid", "qtype", "answers", "word"), SHIPPED)
def test_shipped_answers_follow_from_the_facts(
    shipped_base: FactBase, qid: str, qtype: str, answers: list[str], word: str
) -> None:
    q = by_id(shipped_base)[qid]
    assert q.type == qtype
    assert sorted(q.answers) == sorted(answers)
    assert word in q.prompt


def test_the_medium_director_question_reads_naturally(shipped_base: FactBase) -> None:
    q = by_id(shipped_base)["the-medium.director.short"]
    assert q.prompt == "Who directed The Medium (2021)?"
    assert q.kind == "person"
    assert q.subject == "the-medium"
    assert q.accept == ()
    assert "Banjong Pisanthanakun" in q.explanation
    assert q.source == "ko-pick-2025"
    assert {"the-medium", "2020s", "films", "directors"} <= set(q.tags)


def test_studio_question_names_the_thai_studio(shipped_base: FactBase) -> None:
    q = by_id(shipped_base)["the-medium.studio.gdh-559.short"]
    assert q.prompt == "Which Thai studio co-produced The Medium (2021)?"
    assert "Showbox" in q.explanation and "GDH 559" in q.explanation


def test_number_questions_state_their_tolerance(shipped_base: FactBase) -> None:
    numbers = [q for q in generate_all(shipped_base) if q.type == "number" and q.tolerance.relative]
    assert numbers
    for q in numbers:
        assert q.tolerance == Tolerance(relative=0.05)
        assert "within 5%" in q.prompt


def test_year_questions_never_show_the_year(shipped_base: FactBase) -> None:
    for q in generate_all(shipped_base):
        if q.type == "year":
            assert q.answers[0] not in q.prompt, q.prompt


def test_reverse_question_adds_what_makes_the_film_unique(shipped_base: FactBase) -> None:
    q = by_id(shipped_base)["mr-go.director.kim-yong-hwa.reverse"]
    assert q.prompt == "Which 2013 co-production with Huayi Brothers was directed by Kim Yong-hwa?"
    assert q.subject == "kim-yong-hwa" and q.kind == "film"


def test_recurring_title_carries_its_year_and_gets_no_year_question(small_base: FactBase) -> None:
    questions = by_id(small_base)
    assert "home.year.short" not in questions and "home-again.year.short" not in questions
    assert questions["home.director.short"].prompt == "Who directed Home (2005)?"
    assert questions["home-again.director.short"].prompt == "Who directed Home (2011)?"


def test_same_title_and_year_is_told_apart_by_director(make_base) -> None:
    twin = {
        "id": "home-twin",
        "title": "Home",
        "year": 2005,
        "directors": ["tanaka-ken"],
        "summary": "Another Home.",
        "source": "src-1",
    }
    twin["genres"] = ["comedy"]
    questions = by_id(make_base(extra_films=[twin]))
    assert (
        questions["home-twin.genre.true"].prompt
        == "True or false: Home (2005, directed by Tanaka Ken) is a comedy film."
    )
    assert "home-twin.director.short" not in questions  # the label would give the answer away


def test_several_directors_ask_for_one_or_all(small_base: FactBase) -> None:
    questions = by_id(small_base)
    one = questions["first-love.director.short"]
    assert one.prompt == "Name one of the three directors of First Love (1958)."
    assert set(one.answers) == {"Kim Dae-ho", "Chan Wai", "Tanaka Ken"}
    assert questions["first-love.director.multi"].prompt == "Name all three directors of First Love (1958)."
    assert questions["the-queen.director.multi"].prompt == "Name both directors of The Queen (1964)."


def test_character_in_a_version(small_base: FactBase) -> None:
    questions = by_id(small_base)
    q = questions["the-queen.character.yoon-ara.short"]
    assert q.prompt == "Who played Princess Mi in the Korean version of The Queen (1964)?"
    assert q.answers == ("Yoon Ara",)
    false = questions["the-queen.character.yoon-ara.false"]
    assert "Yoon Ara" not in false.prompt and "Korean version" in false.prompt


def test_order_question_has_films_of_different_years(shipped_base: FactBase) -> None:
    films = {f.title: f.year for f in shipped_base.films}
    orders = [q for q in generate_all(shipped_base) if q.type == "order"]
    assert orders
    for q in orders:
        years = [films[t] for t in q.answers]
        assert years == sorted(years) and len(set(years)) == len(years)
        assert 3 <= len(q.answers) <= 4


def test_distractors_of_an_incomplete_relation_are_never_tied_to_the_film(shipped_base: FactBase) -> None:
    """Mr. Go's cast list is partial: no choice may be someone the base ties to Mr. Go in any way."""
    q = by_id(shipped_base)["mr-go.cast.choice"]
    tied = {normalise(p.name) for p in shipped_base.people if "Mr. Go" in p.summary}
    wrong = [c for c in q.choices if c != q.answers[0]]
    assert not {normalise(c) for c in wrong} & tied


def test_budget_falsehood_is_provably_false(shipped_base: FactBase) -> None:
    q = by_id(shipped_base)["mr-go.budget.false"]
    assert q.prompt == "True or false: Mr. Go (2013) had a budget of under 5 billion won."
