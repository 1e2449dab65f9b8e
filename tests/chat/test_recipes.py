"""The recipe book: the order rules are tried in, and a rank given twice refused."""

from __future__ import annotations

import pytest

from kopick_quiz.chat import answer_question
from kopick_quiz.chat.recipes import entity_rules, film_rules
from kopick_quiz.chat.recipes.registry import Rule, entity_recipe, film_relation
from kopick_quiz.facts.base import FactBase


def test_film_rules_are_tried_lowest_rank_first_and_the_card_last():
    ranks = [rank for rank, _ in film_rules()]
    assert ranks == sorted(ranks)
    assert film_rules()[-1] == (1000, "card")


@pytest.mark.parametrize(
    "kind", ["person", "organisation", "country", "place", "festival", "event", "term", "source"]
)
def test_every_entity_kind_ends_with_its_card(kind: str):
    assert entity_rules(kind)[-1] == (1000, "card")


def test_a_film_rank_already_taken_is_refused_and_nothing_is_added(base: FactBase):
    before = film_rules()
    with pytest.raises(ValueError, match="rank 120 of the film relations is taken by 'director'"):
        film_relation("composer", Rule(120, lambda a: True))(lambda ans, film, others: ("", [], True))
    assert film_rules() == before
    assert "Banjong Pisanthanakun" in answer_question(base, "who directed the medium").text


def test_a_recipe_giving_one_rank_twice_is_refused():
    with pytest.raises(ValueError, match="rank 5 of the person recipes is taken by 'twice'"):
        entity_recipe("person", "twice", Rule(5, lambda a, p: True), Rule(5, lambda a, p: False))(
            lambda ans, pid, entities, cues: None
        )
    assert (5, "twice") not in entity_rules("person")
