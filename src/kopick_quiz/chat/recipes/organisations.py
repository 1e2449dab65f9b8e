"""Questions about a company or organisation: who founded or ran it, where it is from, its films;
and how a company narrows a film listing ("films distributed by CJ ENM")."""

from __future__ import annotations

from ...facts import model as m
from ..compose import Answer
from ..intents import company_role_of, role_of
from ..reply import Outcome
from ..wording import COMPANY_PHRASE, join, with_article
from .listing import listing
from .registry import Filter, Rule, always, entity_recipe, listing_filter

_FILM_WORDS = frozenset({"list", "make", "count", "company", "coproduce", "produce", "release"})


@entity_recipe(
    "organisation", "people", Rule(10, lambda a, org: "founded" in a.cues and not a.cues & {"list", "make"})
)
def people(ans: Answer, oid: str, entities: list[str], cues: frozenset[str]) -> Outcome:
    """Answers "Who founded Shaw Brothers?": the people the base names at a company."""
    org: m.Organisation = ans.base.by_id[oid]
    name = ans.name(oid)
    if not org.people:
        return ans.unknown(f"I don't know who founded or ran {name}: the fact base does not say.", oid, cues)
    names = join([f"{ans.name(p.person)} ({p.role})" for p in org.people])
    return ans.reply(f"The fact base names these people at {name}: {names}.", oid, "answer", cues)


@entity_recipe(
    "organisation", "films", Rule(20, lambda a, org: bool(a.cues & _FILM_WORDS or role_of(a.cues)))
)
def films(ans: Answer, oid: str, entities: list[str], cues: frozenset[str]) -> Outcome:
    """Answers "Which films did Showbox co-produce?"."""
    ans.name(oid)
    return listing(ans, entities, cues)


@entity_recipe(
    "organisation", "country", Rule(30, lambda a, org: bool(a.cues & {"where", "country", "nationality"}))
)
def country(ans: Answer, oid: str, entities: list[str], cues: frozenset[str]) -> Outcome:
    """Answers "Where is Huayi Brothers from?"."""
    org: m.Organisation = ans.base.by_id[oid]
    name = ans.name(oid)
    kind = with_article(org.kind.replace("-", " "))
    return ans.reply(f"{name} is {kind} from {ans.name(org.country)}.", oid, "answer", cues)


@entity_recipe("organisation", "card", Rule(1000, always))
def card(ans: Answer, oid: str, entities: list[str], cues: frozenset[str]) -> Outcome:
    """Answers "What is CJ ENM?": what it is, its films, its people."""
    org: m.Organisation = ans.base.by_id[oid]
    name = ans.name(oid)
    kind = with_article(org.kind.replace("-", " "))
    lines = [f"{name} — {kind} in {ans.name(org.country)}. {org.summary}"]
    films = ans.base.films_of_organisation.get(oid, [])
    if films:
        credits: dict[str, list[str]] = {}
        for role, film in films:
            credits.setdefault(film.id, []).append(role)
        lines.append(f"Films: {join([ans.item(f, join(r)) for f, r in credits.items()])}.")
    if org.people:
        lines.append(f"People: {join([f'{ans.name(p.person)} ({p.role})' for p in org.people])}.")
    if org.part_of:
        lines.append(f"Part of {ans.name(org.part_of)}.")
    lines.extend(org.notes[:2])
    return ans.reply("\n".join(lines), oid, "answer", cues)


@listing_filter("organisation")
def organisation_filter(ans: Answer, oid: str, name: str, cues: frozenset[str]) -> Filter:
    """The films of a company, in the role the question's words name ("distributed by ..."), or any."""
    role = company_role_of(ans.question.residue)
    films: dict[str, list[str]] = {}
    for credit_role, film in ans.base.films_of_organisation.get(oid, ()):
        if role is None or credit_role == role:
            films.setdefault(film.id, []).append(credit_role)
    phrase = COMPANY_PHRASE[role].format(name) if role else f"with {name}"
    return Filter(phrase, {f: (None if role else join(r)) for f, r in films.items()}, oid)
