"""When and where a film came out: its release, its festival premiere, and the rediscovery of a
lost print."""

from __future__ import annotations

from ...facts import model as m
from ..compose import Answer, Found
from ..wording import MONTHS, join
from .registry import Rule, film_relation, probing


def _came_out_then(ans: Answer, film: m.Film, values: list[str], others: list[str]) -> bool | None:
    """Yes to "Did The Medium come out in 2021?" when the film was made or released in a year named."""
    if not ans.question.years:
        return None
    return bool(ans.years_of(film.id) & set(ans.question.years))


@film_relation(
    "release",
    # "when was it shot": the date it came out is all the base has.
    Rule(41, lambda a: "shoot" in a.cues and "when" in a.cues),
    Rule(220, lambda a: bool(a.cues & {"release", "when"})),
    cues="release",
    verdict=_came_out_then,
)
def release(ans: Answer, film: m.Film, others: list[str]) -> Found:
    """Answers "When did Okja come out?": the release, its premiere, a note on it."""
    release = film.release
    if release is None:
        text = f"{ans.name(film.id)} came out in {film.year}."
    else:
        when = f"{MONTHS[release.month - 1]} {release.year}" if release.month else str(release.year)
        where = f" in {ans.name(release.country)}" if release.country else ""
        kind = {
            "theatrical": "in cinemas",
            "day-and-date": "as a day-and-date release",
            "festival": "at a festival",
        }
        text = f"{ans.name(film.id)} came out {kind[release.kind]}{where} in {when}."
    if film.premiere:
        festival = ans.base.by_id[film.premiere.festival]
        text += f" It premiered at the {ans.name(festival.id)}."
    text += ans.notes(film, "release", "came out", "day-and-date", "opened", limit=1)
    return text, [], True


@film_relation(
    "premiere",
    Rule(32, lambda a: "where" in a.cues and "premiere" in a.cues),
    Rule(180, lambda a: "premiere" in a.cues),
    Rule(260, lambda a: "festival" in a.kinds),
    cues="premiere",
    verdict=probing("festival"),
)
def premiere(ans: Answer, film: m.Film, others: list[str]) -> Found:
    """Answers "Where did The Medium premiere?", with the prize it won there."""
    if film.premiere is None:
        return ans.dont_know("where {film} premiered", film), [], False
    festival = ans.base.by_id[film.premiere.festival]
    ans.cite(festival.id)
    label = ans.name(festival.id) + (f" ({festival.aliases[0]})" if festival.aliases else "")
    text = f"{ans.name(film.id)} premiered at the {label}"
    text += f", where it won {film.premiere.prize}." if film.premiere.prize else "."
    return text, [festival.id], True


@film_relation(
    "archive",
    Rule(33, lambda a: "where" in a.cues and "archive" in a.cues),
    Rule(190, lambda a: "archive" in a.cues),
    cues="archive",
)
def archive(ans: Answer, film: m.Film, others: list[str]) -> Found:
    """Answers "When was Love with an Alien found?": the rediscovered print."""
    archive = film.archive
    if archive is None:
        return (
            f"I don't know of any archive discovery for {ans.name(film.id)}: the fact base records none.",
            [],
            False,
        )
    text = (
        f"A print of {ans.name(film.id)} held by {ans.name(archive.found_at)} in "
        f"{ans.name(archive.found_in)} was found in {archive.found_year} by {ans.name(archive.found_by)}"
    )
    text += f" ({join(archive.condition)})." if archive.condition else "."
    if archive.restored_screening_year:
        event = archive.restored_screening_event
        text += f" The restored film was screened in {archive.restored_screening_year}"
        text += f" at the {event}." if event else "."
    if archive.distinction:
        text += f" It is the {archive.distinction}."
    return text, [], True
