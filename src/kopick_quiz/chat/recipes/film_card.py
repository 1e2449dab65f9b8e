"""A film's card: everything the base holds about it, when no one fact is asked for."""

from __future__ import annotations

from ...facts import model as m
from ..compose import Answer, Found
from ..wording import join
from .film_companies import company_list
from .film_dates import archive, premiere
from .film_figures import audience
from .film_people import cast_note
from .registry import Rule, always, film_relation


@film_relation("card", Rule(1000, always))
def card(ans: Answer, film: m.Film, others: list[str]) -> Found:
    """Answers "Tell me about The Medium": every fact the base holds about it."""
    kinds = []
    if film.genres:
        kinds.append(", ".join(g.replace("-", " ") for g in film.genres))
    elif film.kind == "documentary":
        kinds.append("documentary")
    head = ans.name(film.id) + (f" — {kinds[0]}" if kinds else "")
    lines = [f"{head}. {film.summary}"]
    credits = []
    for field_name, phrase in (
        ("directors", "Directed by"),
        ("producers", "produced by"),
        ("writers", "written by"),
        ("cinematographers", "shot by"),
        ("art_directors", "art direction by"),
    ):
        ids = getattr(film, field_name)
        if ids:
            credits.append(f"{phrase} {ans.people(ids)}")
    if credits:
        first = credits[0]
        credits[0] = first[0].upper() + first[1:]
        lines.append("; ".join(credits) + ".")
    if film.cast:
        lines.append(f"Cast: {join([ans.name(c.person) + cast_note(c) for c in film.cast])}.")
    if film.companies:
        lines.append(f"Companies: {company_list(ans, film)}.")
    if film.countries:
        lines.append(f"Countries: {join([ans.name(c) for c in film.countries])}.")
    if film.based_on:
        lines.append(f"Based on {ans.work(film.based_on)}.")
    if film.remake_of:
        lines.append(f"A remake of {ans.name(film.remake_of)}.")
    if film.locations:
        lines.append(f"Shot in {join([ans.name(p) for p in film.locations])}.")
    if film.settings:
        lines.append(f"Set in {join([ans.name(p) for p in film.settings])}.")
    for getter in (audience, premiere, archive):
        text, _, found = getter(ans, film, [])
        if found:
            lines.append(text)
    if film.aliases:
        lines.append(f"Also known as {join(film.aliases, 'or')}.")
    return "\n".join(lines), [], True
