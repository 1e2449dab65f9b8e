"""The companies and countries behind a film: who produced it, which studios co-produced,
financed or distributed it, which countries it was a co-production of."""

from __future__ import annotations

from ...facts import model as m
from ..compose import Answer, Found
from ..wording import COMPANY_PARTICIPLE, join
from .registry import Rule, film_relation, probing


@film_relation(
    "producers",
    Rule(110, lambda a: "produce" in a.cues),
    cues="produce",
    verdict=probing("person organisation"),
)
def producers(ans: Answer, film: m.Film, others: list[str]) -> Found:
    """Answers "Who produced The Medium?": its producers, then the companies behind it."""
    companies = companies_sentence(ans, film, others, "It")
    values = [*film.producers, *(c.organisation for c in film.companies)]
    if film.producers:
        text = f"{ans.name(film.id)} was produced by {ans.people(film.producers)}."
        if film.companies:
            text += f" The companies behind it: {company_list(ans, film)}."
        return text, values, True
    if companies:
        text = f"The fact base names no individual producer of {ans.name(film.id)}. {companies}"
        return text, values, True
    return ans.dont_know("who produced {film}", film), [], False


@film_relation(
    "companies",
    Rule(100, lambda a: bool(a.cues & {"company", "coproduce"})),
    Rule(230, lambda a: "organisation" in a.kinds),  # "Okja and Netflix?"
    cues="coproduce",
    verdict=probing("organisation"),
)
def companies(ans: Answer, film: m.Film, others: list[str]) -> Found:
    """Answers "Which studios co-produced Mr. Go?"; a country named keeps its companies only."""
    text = companies_sentence(ans, film, others)
    values = [c.organisation for c in film.companies]
    if not text:
        if film.countries:
            countries = join([ans.name(c) for c in film.countries])
            return (
                f"The fact base names no company behind {ans.name(film.id)}; its producing countries: {countries}.",
                list(film.countries),
                True,
            )
        return ans.dont_know("which companies made {film}", film), [], False
    if film.countries and len(film.countries) > 1:
        text += f" It was a co-production of {join([ans.name(c) for c in film.countries])}."
    return text, values, True


@film_relation(
    "countries",
    # "where was Tyrant made": the countries that made it (not where it was shot).
    Rule(30, lambda a: "where" in a.cues and "make" in a.cues and not a.cues & {"shoot", "location"}),
    Rule(
        90,
        lambda a: (
            "country" in a.cues
            or ("coproduce" in a.cues and "company" not in a.cues and "country" in a.kinds)
        ),
    ),
    Rule(240, lambda a: "country" in a.kinds),
    verdict=probing("country"),
)
def countries(ans: Answer, film: m.Film, others: list[str]) -> Found:
    """Answers "Which countries co-produced Tyrant?", "Where was it made?"."""
    companies = companies_sentence(ans, film, [], "It")
    if not film.countries:
        if companies:
            text = f"The fact base lists no producing country for {ans.name(film.id)}."
            return f"{text} {companies}", [], True
        return ans.dont_know("which countries made {film}", film), [], False
    countries = join([ans.name(c) for c in film.countries])
    if len(film.countries) > 1:
        text = f"{ans.name(film.id)} was a co-production of {countries}."
    else:
        text = f"The fact base lists one producing country for {ans.name(film.id)}: {countries}."
    if companies:
        text += f" {companies}"
    return text, list(film.countries), True


def companies_sentence(ans: Answer, film: m.Film, others: list[str], subject: str | None = None) -> str:
    """`Mr. Go (2013) was co-produced by Showbox (South Korea) and ...`; `subject` replaces the title."""
    credits = list(film.companies)
    country_filter = [e for e in others if ans.brain.kind(e) == "country"]
    if country_filter:
        kept = [c for c in credits if ans.base.by_id[c.organisation].country in country_filter]
        credits = kept or credits
    if not credits:
        return ""
    by_role: dict[str, list[str]] = {}
    for credit in credits:
        org = ans.base.by_id[credit.organisation]
        label = f"{ans.name(org.id)} ({ans.base.label(org.country)})"
        ans.cite(org.id)
        by_role.setdefault(credit.role, [])
        if label not in by_role[credit.role]:
            by_role[credit.role].append(label)
    clauses = [f"{COMPANY_PARTICIPLE[role]} by {join(labels)}" for role, labels in by_role.items()]
    return f"{subject or ans.name(film.id)} was {join(clauses)}."


def company_list(ans: Answer, film: m.Film) -> str:
    """`Showbox (South Korea, producer) and GDH 559 (Thailand, co-producer)`."""
    roles: dict[str, list[str]] = {}
    for credit in film.companies:
        roles.setdefault(credit.organisation, []).append(credit.role)
    ans.cite(*roles)
    return join(
        [
            f"{ans.name(org)} ({ans.base.label(ans.base.by_id[org].country)}, {join(r)})"
            for org, r in roles.items()
        ]
    )
