"""Where a film was shot and where its story is set."""

from __future__ import annotations

from ...facts import model as m
from ..compose import Answer, Found
from ..wording import join
from .registry import Rule, film_relation, probing


@film_relation(
    "location",
    Rule(34, lambda a: "where" in a.cues),  # after the other "where" rules (countries, setting, ...)
    Rule(43, lambda a: "shoot" in a.cues),  # after the camera's and the date's
    Rule(51, lambda a: "location" in a.cues),
    Rule(250, lambda a: "place" in a.kinds),
    cues="shoot location",
    verdict=probing("place country"),
)
def location(ans: Answer, film: m.Film, others: list[str]) -> Found:
    """Answers "Where was Snowpiercer shot?"; without locations, where it is set."""
    if not film.locations:
        text = ans.dont_know("where {film} was shot", film)
        if film.settings:
            text += f" It is set in {join([ans.name(s) for s in film.settings])}."
        return text, [], False
    places = join([ans.name(p) for p in film.locations])
    return f"{ans.name(film.id)} was shot in {places}.", list(film.locations), True


@film_relation(
    "setting",
    Rule(31, lambda a: "where" in a.cues and "set" in a.cues),
    Rule(50, lambda a: "set" in a.cues),
    cues="set",
    verdict=probing("place country"),
)
def setting(ans: Answer, film: m.Film, others: list[str]) -> Found:
    """Answers "Where is The Medium set?"; without settings, where it was shot."""
    if not film.settings:
        text = ans.dont_know("where {film} is set", film)
        if film.locations:
            text += f" It was shot in {join([ans.name(p) for p in film.locations])}."
        return text, [], False
    places = join([ans.name(p) for p in film.settings])
    return f"{ans.name(film.id)} is set in {places}.", list(film.settings), True
