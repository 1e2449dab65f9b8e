"""Questions about a country: its companies, its people, the films it took part in; and how a
country narrows a film listing ("Korean films", "films shot in Japan")."""

from __future__ import annotations

from ...facts import model as m
from ..compose import MAX_LISTED, Answer
from ..intents import role_of
from ..reply import Outcome
from ..wording import count, join
from .listing import listing
from .places import place_filter
from .registry import Ask, Filter, Rule, always, entity_recipe, listing_filter

_FILM_WORDS = frozenset(
    {"list", "make", "count", "shoot", "set", "location", "release", "coproduce", "country"}
)


def _people_asked(a: Ask) -> bool:
    # "Which Japanese directors are there?": people; "shot" there is a place, not a camera.
    return bool(
        (a.cues & {"people"} or role_of(a.cues - {"shoot"})) and not a.cues & {"list", "make", "count"}
    )


@entity_recipe(
    "country", "companies", Rule(10, lambda a, country: "company" in a.cues and not a.cues & _FILM_WORDS)
)
def companies(ans: Answer, cid: str, entities: list[str], cues: frozenset[str]) -> Outcome:
    """Answers "Which companies are from Thailand?"."""
    name = ans.name(cid)
    orgs = ans.brain.organisations_by_country.get(cid, [])
    if not orgs:
        return ans.unknown(f"I don't know of any company from {name}: the fact base lists none.", cid, cues)
    labels = [f"{ans.name(o.id)} ({o.kind.replace('-', ' ')})" for o in orgs[:MAX_LISTED]]
    ans.cite(*[o.id for o in orgs[:MAX_LISTED]])
    more = f" and {len(orgs) - MAX_LISTED:,} more" if len(orgs) > MAX_LISTED else ""
    text = f"{count(len(orgs), 'company or organisation', 'companies and organisations')} from {name}: "
    return ans.reply(f"{text}{join(labels)}{more}.", cid, "answer", cues)


@entity_recipe("country", "people", Rule(20, lambda a, country: _people_asked(a)))
def people(ans: Answer, cid: str, entities: list[str], cues: frozenset[str]) -> Outcome:
    """Answers "Which directors are from Japan?"."""
    name = ans.name(cid)
    role = role_of(cues - {"shoot"})
    found = ans.brain.people_by_nationality.get(cid, [])
    if role:
        found = [p for p in found if any(r == role for r, _ in ans.base.credits_of.get(p.id, ()))]
    if not found:
        return ans.unknown(
            f"I don't know of anyone from {name} in that role: the fact base lists none.", cid, cues
        )
    ans.cite(*[p.id for p in found[:MAX_LISTED]])
    labels = [ans.describe(p.id) for p in found[:MAX_LISTED]]
    for p in found[:MAX_LISTED]:
        ans.name(p.id)
    return ans.reply(
        f"{count(len(found), 'person', 'people')} from {name}: {join(labels)}.", cid, "answer", cues
    )


@entity_recipe(
    "country",
    "films",
    Rule(30, lambda a, country: bool(a.cues & _FILM_WORDS or a.years or a.genres or role_of(a.cues))),
)
def films(ans: Answer, cid: str, entities: list[str], cues: frozenset[str]) -> Outcome:
    """Answers "Which films involved Thailand?", "films shot in Japan", "Korean films in 2016"."""
    ans.name(cid)
    return listing(ans, entities, cues)


@entity_recipe("country", "card", Rule(1000, always))
def card(ans: Answer, cid: str, entities: list[str], cues: frozenset[str]) -> Outcome:
    """Answers "Tell me about Thailand": its films, companies and people."""
    country: m.Country = ans.base.by_id[cid]
    name = ans.name(cid)
    lines = [f"{name} — a country" + (f" in {country.region}." if country.region else ".")]
    involved = ans.brain.films_by_country.get(cid, {})
    if involved:
        items = [ans.item(f, "; ".join(notes)) for f, notes in list(involved.items())[:MAX_LISTED]]
        lines.append(f"Films involving {name}: {join(items)}.")
    orgs = ans.brain.organisations_by_country.get(cid, [])
    if orgs:
        lines.append(f"Companies and organisations: {join([ans.name(o.id) for o in orgs[:MAX_LISTED]])}.")
    people = ans.brain.people_by_nationality.get(cid, [])
    if people:
        lines.append(f"People: {join([ans.name(p.id) for p in people[:MAX_LISTED]])}.")
    if len(lines) == 1:
        lines.append(f"The fact base names no film, company or person from {name}.")
    return ans.reply("\n".join(lines), cid, "answer", cues)


@listing_filter("country")
def country_filter(ans: Answer, cid: str, name: str, cues: frozenset[str]) -> Filter:
    """A nationality ("Korean films") is every film the country took part in; after "in", a place."""
    if cid in ans.question.adjectival:
        involved = ans.brain.films_by_country.get(cid, {})
        return Filter(f"involving {name}", {f: "; ".join(n) for f, n in involved.items()}, cid)
    return place_filter(ans, cid, name, cues)
