"""Distractors and falsehoods: plausible, seeded by the question id, and never right."""

from __future__ import annotations

import pytest
from generate_checks import ambiguity, well_formed, wrong_facts

from kopick_quiz.facts.base import FactBase
from kopick_quiz.generate import generate_all
from kopick_quiz.generate.choice import far_numbers, near_years, pick
from kopick_quiz.generate.core import Ctx, Skip
from kopick_quiz.text import normalise


@pytest.mark.parametrize("which", ["shipped_base", "small_base"])
def test_every_question_is_well_formed(which: str, request: pytest.FixtureRequest) -> None:
    base: FactBase = request.getfixturevalue(which)
    problems = [p for q in generate_all(base) for p in well_formed(q, base)]
    assert problems == []


@pytest.mark.parametrize("which", ["shipped_base", "small_base"])
def test_every_answer_and_distractor_agrees_with_the_facts(
    which: str, request: pytest.FixtureRequest
) -> None:
    base: FactBase = request.getfixturevalue(which)
    problems = [p for q in generate_all(base) for p in wrong_facts(base, q)]
    assert problems == []


@pytest.mark.parametrize("which", ["shipped_base", "small_base"])
def test_no_prompt_is_ambiguous(which: str, request: pytest.FixtureRequest) -> None:
    base: FactBase = request.getfixturevalue(which)
    problems = [p for q in generate_all(base) for p in ambiguity(base, q)]
    assert problems == []


def test_distractors_are_people_of_the_same_trade(shipped_base: FactBase) -> None:
    q = next(q for q in generate_all(shipped_base) if q.id == "the-last-woman-of-shang.director.choice")
    roles = {p.name: p.roles for p in shipped_base.people}
    assert all("director" in roles[c] for c in q.choices)


def test_studio_distractors_are_studios(shipped_base: FactBase) -> None:
    q = next(q for q in generate_all(shipped_base) if q.id == "the-medium.studio.gdh-559.choice")
    kinds = {o.name: o.kind for o in shipped_base.organisations}
    assert all(kinds[c] in ("studio", "production-company", "entertainment-company") for c in q.choices)
    assert "Showbox" not in q.choices  # the film's other studio is right-ish, never a distractor


def test_year_choices_are_near_the_right_year(shipped_base: FactBase) -> None:
    for q in generate_all(shipped_base):
        if q.type == "choice" and q.id.endswith("year.choice"):
            right = int(q.answers[0])
            assert all(abs(int(c) - right) <= 6 for c in q.choices), q.choices


def test_choices_are_shuffled_by_the_id(shipped_base: FactBase) -> None:
    positions = {q.choices.index(q.answers[0]) for q in generate_all(shipped_base) if q.type == "choice"}
    assert positions == {0, 1, 2, 3}


def test_generation_is_deterministic(shipped_base: FactBase) -> None:
    from kopick_quiz.facts.load import load_facts
    from kopick_quiz.paths import shipped_facts

    again = load_facts(shipped_facts())
    assert generate_all(shipped_base) == generate_all(again)


def test_pick_is_a_rendezvous_hash(small_base: FactBase) -> None:
    ctx = Ctx(small_base)
    people = [p.id for p in small_base.people]
    first = pick(ctx, "q1", people, ["kim-dae-ho"])
    assert first == pick(ctx, "q1", list(reversed(people)), ["kim-dae-ho"])
    assert "kim-dae-ho" not in first and len(first) == 3
    # Leaving out a candidate that was not picked changes nothing.
    unpicked = next(p for p in people if p not in first and p != "kim-dae-ho")
    assert pick(ctx, "q1", [p for p in people if p != unpicked], ["kim-dae-ho"]) == first


def test_pick_refuses_when_too_few(small_base: FactBase) -> None:
    with pytest.raises(Skip):
        pick(Ctx(small_base), "q", ["kim-dae-ho", "chan-wai"], ["kim-dae-ho"])


def test_pick_never_offers_another_name_of_a_right_answer(make_base) -> None:
    base = make_base(
        extra_people=[
            {
                "id": "kim-dae-ho-2",
                "name": "Dae-ho Kim",
                "aliases": ["Kim Dae-ho"],
                "roles": ["director"],
                "summary": "A namesake.",
                "source": "src-1",
            }
        ]
    )
    ctx = Ctx(base)
    picked = pick(ctx, "q", [p.id for p in base.people], ["kim-dae-ho"], k=5)
    assert "kim-dae-ho-2" not in picked
    assert normalise("Kim Dae-ho") not in {normalise(base.label(p)) for p in picked}


@pytest.mark.parametrize("year", [1910, 1958, 2013, 2024])
def test_near_years_are_close_distinct_and_wrong(year: int) -> None:
    years = near_years(f"q-{year}", year, latest=2025)
    assert len(set(years)) == 3 and year not in years
    assert all(abs(y - year) <= 6 and y <= max(year, 2025) for y in years)


def test_near_years_stay_before_the_latest_year() -> None:
    assert all(y <= 2025 for y in near_years("q", 2025, latest=2025))


@pytest.mark.parametrize("value", [150_000, 834_338, 30, 20])
def test_far_numbers_are_clearly_wrong(value: int) -> None:
    for n in far_numbers(f"q-{value}", value):
        assert n > 0 and not (value / 1.55 < n < value * 1.55)
