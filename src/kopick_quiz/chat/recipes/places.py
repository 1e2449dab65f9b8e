"""Questions about a place (a city, a region): the films shot or set there, its festivals, the
prints found there; and how a place (or a country after "in") narrows a film listing."""

from __future__ import annotations

from ...facts import model as m
from ..compose import MAX_LISTED, Answer
from ..reply import Outcome
from ..wording import join
from .listing import listing
from .registry import Filter, Rule, always, entity_recipe, listing_filter

_FILM_WORDS = frozenset({"list", "make", "count", "shoot", "set", "location", "release", "premiere"})


@entity_recipe("place", "films", Rule(10, lambda a, place: bool(a.cues & _FILM_WORDS or a.years)))
def films(ans: Answer, pid: str, entities: list[str], cues: frozenset[str]) -> Outcome:
    """Answers "Which films were shot in Prague?"."""
    return listing(ans, entities, cues)


@entity_recipe("place", "card", Rule(1000, always))
def card(ans: Answer, pid: str, entities: list[str], cues: frozenset[str]) -> Outcome:
    """Answers "Tell me about Prague": films shot or set there, festivals, prints found there."""
    place: m.Place = ans.base.by_id[pid]
    name = ans.name(pid)
    kind = {"city": "a city", "region": "a region", "country-side": "a country-side area"}[place.kind]
    lines = [f"{name}, {kind}" + (f" in {ans.name(place.country)}." if place.country else ".")]
    for field_name, phrase in (("locations", "Films shot there"), ("settings", "Films set there")):
        films = ans.brain.films_by_place[field_name].get(pid, [])
        if films:
            lines.append(f"{phrase}: {join([ans.item(f.id) for f in films[:MAX_LISTED]])}.")
    festivals = ans.brain.festivals_by_place.get(pid, [])
    if festivals:
        lines.append(f"Festivals: {join([ans.name(f.id) for f in festivals])}.")
    for film in ans.brain.films_found_in.get(pid, []):
        lines.append(f"A print of {ans.name(film.id)} was found there in {film.archive.found_year}.")
    return ans.reply("\n".join(lines), pid, "answer", cues)


@listing_filter("place")
def place_filter(ans: Answer, entity_id: str, name: str, cues: frozenset[str]) -> Filter:
    """The films shot ("shot in"), set ("set in"), premiered at a festival there ("premiered in
    Bucheon") or, for a place with none of these, shot or set there; a country with neither:
    every film it took part in."""
    kind = ans.brain.kind(entity_id)
    if kind == "place" and "premiere" in cues and not cues & {"shoot", "location", "set"}:
        premiered = {
            film.id: f"at the {ans.name(festival.id)}"
            for festival in ans.brain.festivals_by_place.get(entity_id, [])
            for film in ans.brain.films_by_festival.get(festival.id, [])
        }
        return Filter(f"that premiered in {name}", premiered, entity_id)
    if cues & {"shoot", "location"} or (kind == "place" and not cues & {"set"}):
        field_name, phrase = "locations", f"shot in {name}"
        if kind == "place" and not cues & {"shoot", "location"}:
            shot = ans.brain.films_by_place["locations"].get(entity_id, [])
            set_in = ans.brain.films_by_place["settings"].get(entity_id, [])
            films_at = {f.id: "shot there" for f in shot}
            for f in set_in:
                films_at[f.id] = "shot and set there" if f.id in films_at else "set there"
            return Filter(f"shot or set in {name}", films_at, entity_id)
    elif cues & {"set"}:
        field_name, phrase = "settings", f"set in {name}"
    else:
        involved = ans.brain.films_by_country.get(entity_id, {})
        return Filter(f"involving {name}", {f: "; ".join(n) for f, n in involved.items()}, entity_id)
    films_at = {f.id: None for f in ans.brain.films_by_place[field_name].get(entity_id, [])}
    return Filter(phrase, films_at, entity_id)
