"""Questions on organisations and festivals: where they are, what they are, who runs them, what they did."""

from __future__ import annotations

from ..facts import model as m
from ..text import normalise
from . import english as en
from .aliases import alias_questions
from .choice import (
    COMPANY_KINDS,
    Ask,
    choice,
    confusable_countries,
    country_draw,
    country_score,
    entity_questions,
    multi,
    org_draw,
    org_score,
    person_draw,
    person_score,
    pick_text,
    short,
)
from .core import Ctx, Draft, question_id
from .english import KIND_NOUN
from .films.order import order_question, orderable
from .films.words import short_name
from .people import ORG_ROLE, TERRITORIES, about, did, names_itself, summary_is_unique
from .recipe import Recipe, questions_on


def _kind_family(kind: str) -> set[str]:
    return COMPANY_KINDS | {"vfx-studio"} if kind in COMPANY_KINDS | {"vfx-studio"} else {kind}


def _mentions_word(ctx: Ctx, entity_id: str, words: list[str]) -> bool:
    """Whether one of the entity's names contains one of `words` (`Studios` counts for `studio`)."""
    names = [normalise(n) for n in ctx.folded_names(entity_id)]
    for word in (normalise(w) for w in words if w):
        for name in names:
            if f" {word} " in f" {name} " or (
                " " not in word and any(t.startswith(word) for t in name.split())
            ):
                return True
    return False


def _country_words(ctx: Ctx, country_id: str) -> list[str]:
    """Words that give a country away: its names, its adjective, its places (`Seoul National University`)."""
    country = ctx.base.get(country_id)
    words = [country.name, country.adjective, *country.aliases, *country.variants]
    words += [
        w for w in country.adjective.split() if len(w) > 3 and w[0].isupper() and w not in ("South", "North")
    ]
    words += [p.name for p in ctx.places_by_country.get(country_id, [])]
    return words


class OrgQuestions:
    """One organisation as its recipes see it: the organisation, its name, its films."""

    def __init__(self, ctx: Ctx, org: m.Organisation) -> None:
        self.ctx = ctx
        self.org = org
        self.name = ctx.ref(org.id)
        self.films = [f.id for _, f in ctx.base.films_of_organisation.get(org.id, [])]
        self.films += [f.id for f in ctx.films_by_archive.get(org.id, [])]
        self.films = list(dict.fromkeys(self.films))
        self.passing = not ctx.on_profiled_film(org.id)

    def ask(self, *key: str, relation: str | None, explanation: str, level: int | None = None) -> Ask:
        return Ask(
            key=question_id(self.org.id, *key),
            relation=relation,
            topic="organisations",
            subject=self.org.id,
            source=self.org.source,
            explanation=explanation,
            films=tuple(self.films),
            passing=self.passing,
            level=level,
        )

    def aliases(self) -> list[Draft]:
        return alias_questions(
            self.ctx,
            self.org,
            lambda *key, explanation: self.ask(*key, relation=None, explanation=explanation),
            self.name,
        )

    def country(self) -> list[Draft]:
        ctx, org, name = self.ctx, self.org, self.name
        if _mentions_word(ctx, org.id, _country_words(ctx, org.country)):
            return []  # "Korean Film Archive": the name says where it is
        lead = f"{name} is {en.with_article(self.describe())} in {ctx.ref(org.country)}"
        ask = self.ask("country", relation="country", explanation=self.explained(lead))
        banned = {org.country} | confusable_countries([org.country])
        return entity_questions(
            ctx,
            ask,
            right=[org.country],
            kind="country",
            short_prompt=f"Where is {name} based?",
            multi_prompt=None,
            choice_prompt=f"Which of these is home to {name}?",
            candidates=country_draw(ctx, [org.country], lambda c: c not in banned),
            score=country_score(ctx, [org.country]),
            statement=lambda c: f"{name} is based in {ctx.ref(c)}.",
        )

    def explained(self, lead: str) -> str:
        """`lead`, then what the organisation did: `It co-produced ...`."""
        clause = did(self.ctx, self.org.id)
        return " ".join(en.sentence(t) for t in (lead, f"it {clause}" if clause else "") if t)

    def describe(self) -> str:
        return KIND_NOUN.get(self.org.kind, "organisation")

    def kind(self) -> list[Draft]:
        ctx, org, name = self.ctx, self.org, self.name
        noun = self.describe()
        if _mentions_word(ctx, org.id, [noun, noun.split(" ")[-1]]):
            return []  # "Dexter Studios", "Korea University": the name says what it is
        ask = self.ask(
            "kind",
            relation=None,
            explanation=self.explained(f"{name} is {en.with_article(noun)}"),
            level=2,
        )
        family = _kind_family(org.kind)
        pool = [en.with_article(KIND_NOUN[k]) for k in KIND_NOUN if k not in family]

        def _choice() -> Draft:
            wrong = pick_text(ask.qid("choice"), pool, [en.with_article(noun)])
            return choice(
                ctx, ask, f"What kind of organisation is {name}?", en.with_article(noun), wrong, kind=None
            )

        return ctx.attempt(_choice)

    def people(self) -> list[Draft]:
        ctx, org, name = self.ctx, self.org, self.name
        out: list[Draft] = []
        roles = list(dict.fromkeys(link.role for link in org.people))
        for role in roles:
            people = [link.person for link in org.people if link.role == role]
            past, _ = ORG_ROLE[role]
            fact = (
                f"{name} was {past} by {ctx.names(people)}"
                if role != "head"
                else f"{name} was headed by {ctx.names(people)}"
            )
            explanation = en.sentence(fact)
            ask = self.ask(role, relation="founder", explanation=explanation)
            said = "{person} " + past + " " + name + "."
            n = len(people)
            role0 = ctx.base.get(people[0]).roles[0]
            out += entity_questions(
                ctx,
                ask,
                right=people,
                kind="person",
                short_prompt=f"Who {past} {name}?"
                if n == 1
                else f"Name one of the people who {past} {name}.",
                multi_prompt=f"Name {en.all_of(n)} people who {past} {name}.",
                choice_prompt=f"Which of these people {past} {name}?",
                candidates=person_draw(ctx, role0, people),
                score=person_score(ctx, role0, people, None),
                unrelated=True,
                statement=lambda p, said=said: said.format(person=ctx.ref(p)),
            )
        return out

    def part_of(self) -> list[Draft]:
        ctx, org, name = self.ctx, self.org, self.name
        if not org.part_of:
            return []
        group = ctx.ref(org.part_of)
        ask = self.ask(
            "part-of",
            relation="term",
            explanation=en.sentence(f"{name} is one of the {group} {en.plural(self.describe())}"),
        )
        return [
            short(
                ctx,
                ask,
                f"{name} belongs to which group of {en.plural(self.describe())}?",
                [group],
                kind="term",
            )
        ]

    def who(self) -> list[Draft]:
        ctx, org = self.ctx, self.org
        summary = org.summary.strip()
        if names_itself(ctx, org.id, summary) or not summary_is_unique(ctx, org.id, summary):
            return []
        text = en.sentence(summary)
        noun = "company" if org.kind in COMPANY_KINDS | {"vfx-studio"} else "organisation"
        explanation = about(ctx, org.id, f"That is {self.name}")
        ask = self.ask("who", relation=None, explanation=explanation, level=3)
        return entity_questions(
            ctx,
            ask,
            right=[org.id],
            kind="organisation",
            short_prompt=f"Which {noun} is this? {text}",
            multi_prompt=None,
            choice_prompt=f"Which of these fits this description? {text}",
            candidates=org_draw(ctx, [org.id]),
            score=org_score(ctx, [org.id]),
        )

    def filmography(self) -> list[Draft]:
        ctx = self.ctx
        films = orderable(ctx, [ctx.films_by_id[f] for f in self.films])
        if len(films) < 3:
            return []
        ask = self.ask("films", relation="year", explanation="")
        films = sorted(films, key=lambda f: (f.year, f.id))[:4]
        prompt = f"Put these films {self.name} worked on in order of release, earliest first."
        return [order_question(ctx, ask, films, prompt)]


class FestivalQuestions:
    """One festival as its recipes see it: the festival, its name, the films that premiered there."""

    def __init__(self, ctx: Ctx, festival: m.Festival) -> None:
        self.ctx = ctx
        self.festival = festival
        self.F = ctx.ref(festival.id)
        self.films = [f.id for f in ctx.films_by_festival.get(festival.id, [])]

    def ask(self, *key: str, relation: str | None, explanation: str, level: int | None = None) -> Ask:
        return Ask(
            key=question_id(self.festival.id, *key),
            relation=relation,
            topic="organisations",
            subject=self.festival.id,
            source=self.festival.source,
            explanation=explanation,
            films=tuple(self.films),
            passing=not any(self.ctx.films_by_id[f].profiled for f in self.films),
            level=level,
        )

    def aliases(self) -> list[Draft]:
        return alias_questions(
            self.ctx,
            self.festival,
            lambda *key, explanation: self.ask(*key, relation=None, explanation=explanation),
            self.F,
        )

    def city(self) -> list[Draft]:
        ctx, fest = self.ctx, self.festival
        if not fest.city:
            return []
        city = ctx.ref(fest.city)
        name = short_name(ctx, fest.id, avoid=[city, *ctx.base.aliases(fest.city)])
        ask = self.ask(
            "city", relation="premiere", explanation=en.sentence(f"{self.F} is held in {city}"), level=2
        )
        return [short(ctx, ask, f"In which city is {name} held?", [city], kind="place")]

    def country(self) -> list[Draft]:
        ctx, fest = self.ctx, self.festival
        country = ctx.base.get(fest.country)
        name = short_name(ctx, fest.id, avoid=[country.name, country.adjective])
        ask = self.ask(
            "country",
            relation="premiere",
            explanation=en.sentence(f"{self.F} is held in {ctx.ref(country.id)}"),
            level=2,
        )
        banned = {fest.country} | confusable_countries([fest.country])
        territory = fest.country in TERRITORIES
        return entity_questions(
            ctx,
            ask,
            right=[fest.country],
            kind="country",
            short_prompt=f"Where is {name} held?" if territory else f"In which country is {name} held?",
            multi_prompt=None,
            choice_prompt=f"Which of these is home to {name}?",
            candidates=country_draw(ctx, [fest.country], lambda c: c not in banned),
            score=country_score(ctx, [fest.country]),
            statement=lambda c: f"{name} is held in {ctx.ref(c)}.",
        )

    def prizes(self) -> list[Draft]:
        ctx, fest = self.ctx, self.festival
        if not fest.prizes:
            return []
        name = short_name(ctx, fest.id, avoid=fest.prizes)
        winners = [f for f in ctx.films_by_festival.get(fest.id, []) if f.premiere and f.premiere.prize]
        fact = f"{self.F} awards {en.join(fest.prizes)}"
        if winners:  # `..., which The Medium (2021) won`: the prize named once
            won = [f for f in winners if f.premiere]
            if len(fest.prizes) == 1 and all(f.premiere.prize == fest.prizes[0] for f in won):  # type: ignore[union-attr]
                fact += ", which " + en.join([ctx.film(f) for f in won]) + " won"
            else:
                fact += "; " + en.join([f"{ctx.film(f)} won {f.premiere.prize}" for f in won])  # type: ignore[union-attr]
        ask = self.ask("prize", relation="prize", explanation=en.sentence(fact), level=3)
        if len(fest.prizes) == 1:
            prompt = f"What is the name of the prize of {name} that the source mentions?"
            return [short(ctx, ask, prompt, list(fest.prizes), kind=None)]
        return [
            multi(
                ctx,
                ask,
                f"Name {en.all_of(len(fest.prizes))} prizes of {name} that the source mentions.",
                fest.prizes,
                kind=None,
            )
        ]

    def who(self) -> list[Draft]:
        ctx, fest = self.ctx, self.festival
        summary = fest.summary.strip()
        if names_itself(ctx, fest.id, summary) or not summary_is_unique(ctx, fest.id, summary):
            return []
        where = f", in {ctx.label(fest.city)}" if fest.city else ""
        premieres = [ctx.film(f) for f in ctx.films_by_festival.get(fest.id, ())]
        shown = f", where {en.join(premieres)} premiered" if premieres else ""
        ask = self.ask(
            "who", relation="premiere", explanation=en.sentence(f"That is {self.F}{where}{shown}"), level=3
        )
        return entity_questions(
            ctx,
            ask,
            right=[fest.id],
            kind="festival",
            short_prompt=f"Which festival is this? {en.sentence(summary)}",
            multi_prompt=None,
            choice_prompt=f"Which of these festivals fits this description? {en.sentence(summary)}",
            candidates=ctx.pool("festivals"),
        )


# What is asked of an organisation, and of a festival, in the order the questions come out.
ORG_RECIPES: tuple[Recipe[OrgQuestions], ...] = (
    Recipe(OrgQuestions.country, ("country",)),
    Recipe(OrgQuestions.kind, (None,)),
    Recipe(OrgQuestions.people, ("founder",)),
    Recipe(OrgQuestions.part_of, ("term",)),
    Recipe(OrgQuestions.who, (None,)),
    Recipe(OrgQuestions.filmography, ("year",)),
    Recipe(OrgQuestions.aliases, (None,)),
)
FESTIVAL_RECIPES: tuple[Recipe[FestivalQuestions], ...] = (
    Recipe(FestivalQuestions.city, ("premiere",)),
    Recipe(FestivalQuestions.country, ("premiere",)),
    Recipe(FestivalQuestions.prizes, ("prize",)),
    Recipe(FestivalQuestions.who, ("premiere",)),
    Recipe(FestivalQuestions.aliases, (None,)),
)


def org_questions(ctx: Ctx, org: m.Organisation) -> list[Draft]:
    """Every question on one organisation, recipe by recipe."""
    return questions_on(ctx, org, OrgQuestions, ORG_RECIPES)


def festival_questions(ctx: Ctx, festival: m.Festival) -> list[Draft]:
    """Every question on one festival, recipe by recipe."""
    return questions_on(ctx, festival, FestivalQuestions, FESTIVAL_RECIPES)


def organisation_drafts(ctx: Ctx) -> list[Draft]:
    out = [d for org in ctx.base.organisations for d in org_questions(ctx, org)]
    return out + [d for fest in ctx.base.facts.festivals for d in festival_questions(ctx, fest)]
