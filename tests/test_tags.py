"""Tags as people read them: from the fact base, the topic table, or the tag's own words."""

from __future__ import annotations

from dataclasses import replace

import pytest

from kopick_quiz.facts.base import FactBase
from kopick_quiz.library import load_base, open_library
from kopick_quiz.tags import TOPIC_LABELS, is_era, tag_label, tag_labels


@pytest.fixture(scope="module")
def base() -> FactBase:
    return load_base()


@pytest.mark.parametrize(
    ("tag", "label"),
    [
        ("mr-go", "Mr. Go"),
        ("a-midsummers-fantasia", "A Midsummer's Fantasia"),
        ("reach-for-the-sky", "Reach for the SKY"),
        ("bong-joon-ho", "Bong Joon Ho"),
        ("hong-kong", "Hong Kong"),
        ("cj-enm", "CJ ENM"),
        ("2010s", "2010s"),
        ("directors", "Directors"),
        ("box-office", "Box office"),
        ("source", "The article"),
        ("Week 3", "Week 3"),  # a teacher's tag, already in words (GIFT's $CATEGORY)
        ("week-3", "Week 3"),
        ("ko-pick-2025", "Ko pick 2025"),  # a source is not a topic: its id is only worded
    ],
)
def test_tags_read_as_people_write_them(base: FactBase, tag: str, label: str) -> None:
    assert tag_label(tag, base) == label


def test_without_the_fact_base_entity_tags_are_worded_from_the_slug() -> None:
    assert tag_labels(["mr-go", "directors", "mr-go"]) == {"mr-go": "Mr go", "directors": "Directors"}


def test_a_film_whose_title_two_films_share_gets_its_year(base: FactBase) -> None:
    film = next(f for f in base.films if f.id == "typhoon")
    twin = replace(film, id="typhoon-1999", year=1999)
    twins = FactBase(replace(base.facts, films=[*base.facts.films, twin]))
    assert tag_label("typhoon", twins) == f"Typhoon ({film.year})"
    assert tag_label("typhoon-1999", twins) == "Typhoon (1999)"


def test_every_tag_of_the_shipped_questions_has_a_proper_label(base: FactBase) -> None:
    library = open_library()
    tags = {t for q in library.questions() for t in q.tags}
    unlabelled = sorted(t for t in tags if t not in base.by_id and t not in TOPIC_LABELS and not is_era(t))
    assert unlabelled == [], "add these to tags.TOPIC_LABELS (or to the fact base)"
