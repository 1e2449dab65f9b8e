"""Questions on people: nationality, spouse, companies they founded or owned, jobs, lives, who they are."""

from __future__ import annotations

from ..facts import model as m
from ..text import normalise
from . import english as en
from .choice import (
    Ask,
    choice,
    confusable_countries,
    country_draw,
    country_score,
    entity_questions,
    near_years,
    one_of,
    org_draw,
    org_score,
    person_draw,
    person_score,
    pick_text,
    short,
    truefalse,
)
from .core import Ctx, Draft, question_id
from .english import KIND_NOUN
from .films.order import order_question, orderable
from .films.words import ROLE_ACTIVE, org_descriptor
from .recipe import Recipe, questions_on

ORG_ROLE = {
    "founder": ("founded", "found"),
    "co-founder": ("co-founded", "co-found"),
    "owner": ("owned", "own"),
    "head": ("headed", "head"),
}
JOBS = {
    "directors": "director",
    "producers": "producer",
    "writers": "writer",
    "cinematographers": "cinematographer",
    "art_directors": "art director",
    "cast": "actor",
}
JOB_RELATION = {
    "directors": "director",
    "producers": "producer",
    "writers": "writer",
    "cinematographers": "cinematographer",
    "art_directors": "art-director",
    "cast": "cast",
}
# Places called territories rather than countries in a question.
TERRITORIES = {"hong-kong", "macau"}


CREDIT_VERBS = {
    "directors": "directed",
    "producers": "produced",
    "writers": "helped write",
    "cinematographers": "shot",
    "art_directors": "was the art director of",
    "cast": "appeared in",
}


def did(ctx: Ctx, entity_id: str) -> str:
    """What a person or company did, from the facts, as a clause: `directed Snowpiercer (2013) and Okja (2017)`."""
    jobs: dict[str, list[str]] = {}  # what was done -> the verbs, in order

    def add(what: str, verb: str) -> None:
        verbs = jobs.setdefault(what, [])
        if verb not in verbs:
            verbs.append(verb)

    kind = ctx.base.kind_of[entity_id]
    if kind == "person":
        for role, film in ctx.base.credits_of.get(entity_id, []):
            add(ctx.film(film), CREDIT_VERBS[role])
    elif kind == "organisation":
        for role, film in ctx.base.films_of_organisation.get(entity_id, []):
            add(ctx.film(film), ROLE_ACTIVE[role][0])
        for film in ctx.films_by_archive.get(entity_id, []):
            if film.archive and film.archive.found_at == entity_id:
                add(f"the rediscovered print of {ctx.film(film)}", "held")
            if film.archive and film.archive.found_by == entity_id:
                add(f"the print of {ctx.film(film)}", "found")
    by_verbs: dict[str, list[str]] = {}
    for what, verbs in jobs.items():
        by_verbs.setdefault(en.join(verbs), []).append(what)
    parts = [f"{verbs} {en.join(whats)}" for verbs, whats in by_verbs.items()]
    if kind == "person":
        parts += [
            f"{ORG_ROLE[role][0]} {ctx.ref(org.id)}" for org, role in ctx.orgs_of_person.get(entity_id, [])
        ]
        for film in ctx.works_by_creator.get(entity_id, []):
            work = film.based_on
            if work and work.creator == entity_id:
                parts.append(f"created {work.title}, the {en.humanise(work.kind)} behind {ctx.film(film)}")
    return en.join(parts)


def about(ctx: Ctx, entity_id: str, lead: str) -> str:
    """`That is Bong Joon Ho, who directed ...`: `lead`, then what the entity did, as one sentence."""
    clause = did(ctx, entity_id)
    if not clause:  # nothing done on a film: say what it is instead, so the sentence tells something
        what = what_it_is(ctx, entity_id)
        return en.sentence(f"{lead}, {what}" if what else lead)
    pronoun = "who" if ctx.base.kind_of[entity_id] == "person" else "which"
    return en.sentence(f"{lead}, {pronoun} {clause}")


def what_it_is(ctx: Ctx, entity_id: str) -> str:
    """`an American streaming service`, `an author`: a company's kind and country, a person's trade."""
    item = ctx.base.get(entity_id)
    kind = ctx.base.kind_of[entity_id]
    if kind == "organisation":
        country = ctx.base.get(item.country)
        return en.with_article(f"{country.adjective} {KIND_NOUN.get(item.kind, en.humanise(item.kind))}")
    if kind == "person":
        country = ctx.base.by_id.get(item.nationality or "")
        trade = en.join([en.humanise(r) for r in item.roles])
        return en.with_article(f"{country.adjective} {trade}" if country else trade)
    return ""


def names_itself(ctx: Ctx, entity_id: str, text: str) -> bool:
    """Whether `text` gives away the entity's own name or one of its aliases."""
    folded = f" {normalise(text)} "
    return any(len(n) >= 3 and f" {n} " in folded for n in ctx.folded_names(entity_id))


def summary_is_unique(ctx: Ctx, entity_id: str, text: str) -> bool:
    """Whether no other entity's summary (or definition) reads the same as `text`."""
    return all(other == entity_id for other in ctx.summary_owners.get(normalise(text), ()))


class PersonQuestions:
    """One person as their recipes see them: the person, their name, their films."""

    def __init__(self, ctx: Ctx, person: m.Person) -> None:
        self.ctx = ctx
        self.person = person
        self.P = ctx.ref(person.id)
        self.credits = ctx.base.credits_of.get(person.id, [])
        self.films = list(dict.fromkeys(f.id for _, f in self.credits))
        profiled = any(f.profiled for _, f in self.credits) or ctx.on_profiled_film(person.id)
        self.passing = not profiled

    def ask(self, *key: str, relation: str | None, explanation: str, level: int | None = None) -> Ask:
        return Ask(
            key=question_id(self.person.id, *key),
            relation=relation,
            topic="people",
            subject=self.person.id,
            source=self.person.source,
            explanation=explanation,
            films=tuple(self.films),
            passing=self.passing,
            level=level,
        )

    def nationality(self) -> list[Draft]:
        ctx, p, P = self.ctx, self.person, self.P
        if not p.nationality:
            return []
        country = ctx.ref(p.nationality)
        ask = self.ask(
            "nationality",
            relation="nationality",
            explanation=" ".join(
                en.sentence(t)
                for t in (f"{P} is from {country}", f"{P} {did(ctx, p.id)}" * bool(did(ctx, p.id)))
                if t
            ),
        )
        territory = p.nationality in TERRITORIES
        banned = {p.nationality} | confusable_countries([p.nationality])
        return entity_questions(
            ctx,
            ask,
            right=[p.nationality],
            kind="country",
            short_prompt=f"Where is {P} from?" if territory else f"Which country is {P} from?",
            multi_prompt=None,
            choice_prompt=f"Which of these is {P} from?"
            if territory
            else f"Which of these countries is {P} from?",
            candidates=country_draw(ctx, [p.nationality], lambda c: c not in banned),
            score=country_score(ctx, [p.nationality]),
            statement=lambda c: f"{P} is from {ctx.ref(c)}.",
        )

    def spouse(self) -> list[Draft]:
        ctx, p, P = self.ctx, self.person, self.P
        if not p.spouse:
            return []
        spouse = ctx.ref(p.spouse)
        explanation = about(ctx, p.spouse, f"{P} was married to {spouse}")
        ask = self.ask("spouse", relation="spouse", explanation=explanation)
        year = min(ctx.years_of(p.id), default=None)
        return entity_questions(
            ctx,
            ask,
            right=[p.spouse],
            kind="person",
            short_prompt=f"Who was {P} married to?",
            multi_prompt=None,
            choice_prompt=f"Which of these people was {P} married to?",
            candidates=person_draw(
                ctx,
                None,
                [p.spouse],
                lambda x: x not in (p.id, p.spouse) and ctx.base.get(x).spouse is None,
            ),
            score=person_score(ctx, None, [p.spouse], year),
            statement=lambda x: f"{P} was married to {ctx.ref(x)}.",
        )

    def companies(self) -> list[Draft]:
        """Which company did Shin Sang-ok own?"""
        ctx, p, P = self.ctx, self.person, self.P
        out: list[Draft] = []
        held = ctx.orgs_of_person.get(p.id, [])
        for org, role in held:
            desc = org_descriptor(ctx, org.id)
            same = [o.id for o, r in held if r == role and org_descriptor(ctx, o.id) == desc]
            past, present = ORG_ROLE[role]
            fact = f"{P} {past} {ctx.ref(org.id)}, {en.with_article(desc)}"
            ask = self.ask("founder", org.id, relation="founder", explanation=en.sentence(fact))
            mine = {o.id for o, _ in held}
            out += entity_questions(
                ctx,
                ask,
                right=same,
                kind="organisation",
                short_prompt=f"Which {desc} did {P} {present}?",
                multi_prompt=None,
                choice_prompt=f"Which of these companies did {P} {present}?",
                candidates=org_draw(
                    ctx, [org.id], lambda o, mine=mine: o not in mine and ctx.base.get(o).kind in KIND_NOUN
                ),
                score=org_score(ctx, [org.id]),
                unrelated=True,
                statement=None,  # the company's own questions say it true or false
            )
        return out

    def jobs(self) -> list[Draft]:
        """What was Hong Kyung-pyo's job on Asako in Ruby Shoes (2000)?"""
        ctx, P = self.ctx, self.P
        out: list[Draft] = []
        by_film: dict[str, list[str]] = {}
        for role, film in self.credits:
            by_film.setdefault(film.id, []).append(role)
        for film_id, roles in by_film.items():
            if roles == ["cast"]:
                continue  # an actor's job on a film is not worth a question
            film = ctx.films_by_id[film_id]
            L = ctx.film(film)
            jobs = [JOBS[r] for r in dict.fromkeys(roles)]
            fact = (
                f"{P} was the {en.join(jobs)} of {L}"
                if len(jobs) > 1
                else f"{P} worked on {L} as {en.with_article(jobs[0])}"
            )
            first = next(r for r in roles if r != "cast")
            ask = Ask(
                key=question_id(self.person.id, "job", film_id),
                relation=JOB_RELATION[first],
                topic="people",
                subject=self.person.id,
                source=film.source,
                explanation=en.sentence(fact),
                films=(film_id,),
                passing=not film.profiled,
            )
            prompt = (
                f"What was one of {en.possessive(P)} jobs on {L}?"
                if len(jobs) > 1
                else f"What was {en.possessive(P)} job on {L}?"
            )

            def _choice(ask: Ask = ask, jobs: list[str] = jobs, prompt: str = prompt) -> Draft:
                right = one_of(ask.qid("choice"), jobs)
                wrong = pick_text(ask.qid("choice"), JOBS.values(), jobs)
                return choice(ctx, ask, prompt, right, wrong, kind=None)

            out += ctx.attempt(_choice)
        return out

    def life(self) -> list[Draft]:
        ctx, p, P = self.ctx, self.person, self.P
        if not p.died:
            return []
        year = int(p.died[:4])
        month = int(p.died[5:7]) if len(p.died) >= 7 else None
        when = f"{en.month_name(month)} {year}" if month else str(year)
        fact = f"{P} died in {when}" + (
            f" at the age of {p.age_at_death}" if p.age_at_death is not None else ""
        )
        ask = self.ask("died", relation=None, explanation=en.sentence(fact), level=3)
        out = ctx.attempt(
            lambda: short(ctx, ask, f"In what year did {P} die?", [str(year)], kind=None, qtype="year")
        )

        def _choice() -> Draft:
            wrong = near_years(ask.qid("choice"), year, ctx.latest_year)
            return choice(ctx, ask, f"When did {P} die?", str(year), [str(y) for y in wrong], kind=None)

        out += ctx.attempt(_choice)
        if month:
            month_ask = self.ask("died", "month", relation=None, explanation=ask.explanation, level=4)
            out += ctx.attempt(
                lambda: short(
                    ctx,
                    month_ask,
                    f"In which month of {year} did {P} die?",
                    [en.month_name(month)],
                    kind=None,
                )
            )
        if p.age_at_death is not None:
            age = p.age_at_death
            age_ask = self.ask("age", relation=None, explanation=ask.explanation, level=3)
            out += ctx.attempt(
                lambda: short(
                    ctx,
                    age_ask,
                    f"At what age did {P} die?",
                    [str(age)],
                    kind=None,
                    qtype="number",
                    template="number",
                )
            )
            out += ctx.attempt(lambda: truefalse(ctx, age_ask, f"{P} died at the age of {age}.", True))
            wrong = age + (3 if age % 2 else -3)
            out += ctx.attempt(lambda: truefalse(ctx, age_ask, f"{P} died at the age of {wrong}.", False))
        return out

    def who(self) -> list[Draft]:
        ctx, p = self.ctx, self.person
        summary = p.summary.strip()
        if names_itself(ctx, p.id, summary) or not summary_is_unique(ctx, p.id, summary):
            return []
        text = en.sentence(summary)
        explanation = about(ctx, p.id, f"That is {self.P}")
        ask = self.ask("who", relation=None, explanation=explanation, level=3)
        role = p.roles[0]
        year = min(ctx.years_of(p.id), default=None)
        return entity_questions(
            ctx,
            ask,
            right=[p.id],
            kind="person",
            short_prompt=f"Who is this? {text}",
            multi_prompt=None,
            choice_prompt=f"Which of these people fits this description? {text}",
            candidates=person_draw(
                ctx,
                role,
                [p.id],
                lambda x: role in ctx.base.get(x).roles or ctx.base.get(x).nationality == p.nationality,
            ),
            score=person_score(ctx, role, [p.id], year),
        )

    def filmography(self) -> list[Draft]:
        ctx, P = self.ctx, self.P
        films = orderable(ctx, [ctx.films_by_id[f] for f in self.films])
        if len(films) < 3:
            return []
        ask = self.ask("films", relation="year", explanation="")
        films = sorted(films, key=lambda f: (f.year, f.id))[:4]
        prompt = f"Put these films {P} worked on in order of release, earliest first."
        return [order_question(ctx, ask, films, prompt)]


# What is asked of a person, in the order the questions come out.
PERSON_RECIPES: tuple[Recipe[PersonQuestions], ...] = (
    Recipe(PersonQuestions.nationality, ("nationality",)),
    Recipe(PersonQuestions.spouse, ("spouse",)),
    Recipe(PersonQuestions.companies, ("founder",)),
    Recipe(PersonQuestions.jobs, ("director", "producer", "writer", "cinematographer", "art-director")),
    Recipe(PersonQuestions.life, (None,)),
    Recipe(PersonQuestions.who, (None,)),
    Recipe(PersonQuestions.filmography, ("year",)),
)


def person_questions(ctx: Ctx, person: m.Person) -> list[Draft]:
    """Every question on one person, recipe by recipe."""
    return questions_on(ctx, person, PersonQuestions, PERSON_RECIPES)


def people_drafts(ctx: Ctx) -> list[Draft]:
    return [d for person in ctx.base.people for d in person_questions(ctx, person)]
