"""The crew: director, producers, writers, cinematographer, art director; one table row each."""

from __future__ import annotations

from dataclasses import dataclass

from .. import english as en
from ..choice import entity_questions, multi, person_draw, person_score
from ..core import Draft, Skip
from ..recipe import Recipe
from .ctx import FilmCtx


@dataclass(frozen=True)
class Crew:
    """How to ask about one crew field of a film."""

    field: str
    relation: str
    role: str  # the PersonRole a plausible distractor has
    noun: str
    complete: bool  # the source names all of them, so any other person is a safe distractor
    one: str  # prompt when there is one: "Who directed {film}?"
    some: str  # prompt for any one of several
    choice_one: str
    choice_some: str
    said_one: str  # statement: "{film} was directed by {person}."
    said_some: str
    passive: str  # reverse: "Which {desc} {passive}?", with {person}


CREW = (
    Crew(
        "directors",
        "director",
        "director",
        "director",
        True,
        "Who directed {film}?",
        "Name one of the {n} directors of {film}.",
        "Which of these filmmakers directed {film}?",
        "Which of these filmmakers was one of the directors of {film}?",
        "{film} was directed by {person}.",
        "{person} co-directed {film}.",
        "was directed by {person}",
    ),
    Crew(
        "producers",
        "producer",
        "producer",
        "producer",
        False,
        "Who produced {film}?",
        "Name one of the producers of {film}.",
        "Which of these people produced {film}?",
        "Which of these people was one of the producers of {film}?",
        "{person} produced {film}.",
        "{person} was one of the producers of {film}.",
        "was produced by {person}",
    ),
    Crew(
        "writers",
        "writer",
        "writer",
        "writer",
        False,
        "Who is credited as a writer of {film}?",
        "Name one of the writers of {film}.",
        "Which of these people is credited as a writer of {film}?",
        "Which of these people was one of the writers of {film}?",
        "{person} is credited as a writer of {film}.",
        "{person} was one of the writers of {film}.",
        "did {person} help write",
    ),
    Crew(
        "cinematographers",
        "cinematographer",
        "cinematographer",
        "cinematographer",
        False,
        "Who was the cinematographer of {film}?",
        "Name one of the cinematographers of {film}.",
        "Which of these people was the cinematographer of {film}?",
        "Which of these people was one of the cinematographers of {film}?",
        "{person} was the cinematographer of {film}.",
        "{person} was one of the cinematographers of {film}.",
        "was shot by the cinematographer {person}",
    ),
    Crew(
        "art_directors",
        "art-director",
        "art-director",
        "art director",
        False,
        "Who was the art director of {film}?",
        "Name one of the art directors of {film}.",
        "Which of these people was the art director of {film}?",
        "Which of these people was one of the art directors of {film}?",
        "{person} was the art director of {film}.",
        "{person} was one of the art directors of {film}.",
        "had {person} as its art director",
    ),
)


def crew(fc: FilmCtx) -> list[Draft]:
    """Each role of `CREW` in turn (one crew name that cannot be told apart leaves out the whole crew)."""
    out: list[Draft] = []
    ctx, film, L = fc.ctx, fc.film, fc.L
    for row in CREW:
        people = list(getattr(film, row.field))
        if not people or (row.field == "directors" and "directed by" in L):
            continue  # a film told apart by its director cannot be asked who directed it
        n = len(people)
        names = [ctx.ref(p) for p in people]
        if n == 1:
            fact = row.said_one.format(film=L, person=names[0])
        else:
            fact = f"{L} had {en.counted(n, row.noun)}: {en.join(names)}"
        ask = fc.ask(
            row.relation,
            relation=row.relation,
            explanation=fc.explain(fact, *names, en.plural(row.noun), focus=row.relation),
        )
        single = n == 1
        if row.complete:
            multi_prompt = f"Name {en.all_of(n)} {en.plural(row.noun)} of {L}."
        else:
            multi_prompt = f"Name {en.number_word(n)} {en.plural(row.noun)} of {L}."
        said = row.said_one if single else row.said_some
        out += entity_questions(
            ctx,
            ask,
            right=people,
            kind="person",
            short_prompt=(row.one if single else row.some).format(film=L, n=en.number_word(n)),
            multi_prompt=multi_prompt,
            choice_prompt=(row.choice_one if single else row.choice_some).format(film=L),
            candidates=person_draw(ctx, row.role, people),
            score=person_score(ctx, row.role, people, film.year),
            unrelated=not row.complete,
            statement=lambda p, said=said: said.format(film=L, person=ctx.ref(p)),
        )
        out += ctx.attempt(lambda people=people, row=row: crew_countries(fc, row, people))
        for p in people:
            prompt = "Which {desc} " + row.passive.format(person=ctx.ref(p)) + "?"
            out += ctx.attempt(
                lambda p=p, prompt=prompt, row=row, ask=ask: fc.reverse(
                    ask,
                    p,
                    prompt,
                    lambda f, p=p, row=row: p in getattr(f, row.field),
                    fc.credited(p),
                    suffix=(p, "reverse"),
                )
            )
    return out


def crew_countries(fc: FilmCtx, row: Crew, people: list[str]) -> list[Draft]:
    """`The three directors of Love with an Alien came from three countries. Name all three.`

    Asked of the people, not of the film: a film with a Japanese director is not thereby a
    Japanese co-production.
    """
    ctx, L = fc.ctx, fc.L
    nationality = [getattr(ctx.base.get(p), "nationality", None) for p in people]
    countries = list(dict.fromkeys(nationality))
    if len(people) < 2 or None in countries or len(countries) != len(people):
        raise Skip("only for several crew members, each from another country")
    n = en.number_word(len(people))
    said = en.join([f"{ctx.ref(p)} from {ctx.ref(c)}" for p, c in zip(people, nationality, strict=True)])
    fact = f"The {en.plural(row.noun)} of {L} came from {n} countries: {said}"
    ask = fc.ask(row.relation, "countries", relation="country", explanation=en.sentence(fact))
    prompt = (
        f"The {n} {en.plural(row.noun)} of {L} each came from a different country. "
        f"Name {en.all_of(len(people))} countries."
    )
    return [multi(ctx, ask, prompt, [ctx.label(c) for c in countries], kind="country")]


CREW_RECIPE = Recipe(crew, ("director", "producer", "writer", "cinematographer", "art-director", "country"))
