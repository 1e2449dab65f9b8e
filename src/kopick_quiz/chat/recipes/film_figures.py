"""A film's figures: how many people saw it, what it cost."""

from __future__ import annotations

from ...facts import model as m
from ..compose import Answer, Found
from ..intents import role_of
from ..wording import money
from .registry import Rule, film_relation


@film_relation(
    "audience",
    Rule(
        60,
        lambda a: (
            "audience" in a.cues
            or (
                "count" in a.cues and not role_of(a.cues) and not a.cues & {"company", "country", "coproduce"}
            )
        ),
    ),
    cues="audience",
)
def audience(ans: Answer, film: m.Film, others: list[str]) -> Found:
    """Answers "How many admissions did Mr. Go get?"."""
    audience = film.audience
    if audience is None:
        return ans.dont_know("how many people saw {film}", film), [], False
    where = f" in {ans.name(audience.country)}" if audience.country else ""
    verb = "drew" if audience.unit == "admissions" else "sold"
    text = f"{ans.name(film.id)} {verb} {audience.count:,} {audience.unit}{where}"
    text += f" ({audience.note})." if audience.note else "."
    return text, [], True


@film_relation("budget", Rule(70, lambda a: "budget" in a.cues), cues="budget")
def budget(ans: Answer, film: m.Film, others: list[str]) -> Found:
    """Answers "What was the budget of Mr. Go?"."""
    if film.budget is None:
        return ans.dont_know("the budget of {film}", film), [], False
    cost = film.budget
    qualifier = {"exact": "", "about": "about ", "over": "over ", "under": "under "}[cost.qualifier]
    return (
        f"{ans.name(film.id)} had a budget of {qualifier}{money(cost.amount)} {cost.currency}.",
        [],
        True,
    )
