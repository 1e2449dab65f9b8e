"""Questions on the industry's context: events and periods, terms, places and regions."""

from __future__ import annotations

from ..facts import model as m
from ..text import normalise
from . import english as en
from .aliases import alias_questions
from .choice import Ask, Draw, choice, entity_questions, near_years, pick, pick_text, short, truefalse
from .core import Ctx, Draft, Skip, question_id
from .people import names_itself, summary_is_unique
from .recipe import Recipe, questions_on


def _names_year(name: str, year: int) -> bool:
    """`Decline of Korean cinema in the 1970s` gives 1970 and 1979 away."""
    return str(year) in name or f"{year // 10 * 10}s" in name


class EventQuestions:
    """One event or period as its recipes see it: the event, its name, the films tied to it."""

    def __init__(self, ctx: Ctx, event: m.Event) -> None:
        self.ctx = ctx
        self.event = event
        self.E = ctx.ref(event.id)
        self.the = ctx.event(event.id)
        self.films = [f.id for f in ctx.films_by_event.get(event.id, [])]

    def ask(self, *key: str, explanation: str, level: int | None = None) -> Ask:
        return Ask(
            key=question_id(self.event.id, *key),
            relation="event",
            topic="context",
            subject=self.event.id,
            source=self.event.source,
            explanation=explanation,
            films=tuple(self.films),
            level=level,
        )

    def span(self) -> str:
        e = self.event
        if e.end and e.end != e.start:
            return f"{en.cap_first(self.the)} lasted from {e.start} to {e.end}"
        return f"{en.cap_first(self.the)} took place in {e.start}"

    def tied(self) -> str:
        """`the source ties Asako in Ruby Shoes (2000) to it`: the films tied to the event, or ''."""
        labels = [self.ctx.base.film_label(self.ctx.base.get(f)) for f in self.films]
        return f"the source ties {en.join(labels)} to it" if labels else ""

    def years(self) -> list[Draft]:
        ctx, e = self.ctx, self.event
        if e.kind == "period" and not e.end:
            return []  # the source gives only a year it ties the period to, not when it began
        if _names_year(self.E, e.start) or (e.end and _names_year(self.E, e.end)):
            return []
        explanation = ctx.fresh(
            en.sentence(f"{self.span()}: {ctx.lower_first(e.summary.rstrip('.'))}"),
            en.sentence("; ".join(s for s in (self.span(), self.tied()) if s)),
        )
        out: list[Draft] = []
        if e.end and e.end != e.start:
            points = (("start", e.start, "begin"), ("end", e.end, "end"))
        else:
            points = (("year", e.start, "take place"),)
        for part, year, verb in points:
            ask = self.ask(part, explanation=explanation, level=2)
            prompt = f"In what year did {self.the} {verb}?"
            out += ctx.attempt(
                lambda ask=ask, prompt=prompt, year=year: short(
                    ctx, ask, prompt, [str(year)], kind=None, qtype="year"
                )
            )

            def _choice(ask: Ask = ask, year: int = year, verb: str = verb) -> Draft:
                others = [e.start, e.end] if e.end else [e.start]
                wrong = near_years(ask.qid("choice"), year, ctx.latest_year, exclude=[y for y in others if y])
                return choice(
                    ctx, ask, f"When did {self.the} {verb}?", str(year), [str(y) for y in wrong], kind=None
                )

            out += ctx.attempt(_choice)
        ask = self.ask("span", explanation=explanation, level=2)
        out += ctx.attempt(lambda: truefalse(ctx, ask, en.sentence(self.span()), True))

        def _false() -> Draft:
            if e.end and e.end != e.start:
                (wrong,) = near_years(
                    ask.qid("false"), e.end, ctx.latest_year, k=1, exclude=range(0, e.start + 1)
                )
                statement = f"{en.cap_first(self.the)} lasted from {e.start} to {wrong}."
            else:
                (wrong,) = near_years(ask.qid("false"), e.start, ctx.latest_year, k=1)
                statement = f"{en.cap_first(self.the)} took place in {wrong}."
            return truefalse(ctx, ask, statement, False)

        out += ctx.attempt(_false)
        return out

    def what(self) -> list[Draft]:
        ctx, e = self.ctx, self.event
        summary = e.summary.strip()
        if names_itself(ctx, e.id, summary) or not summary_is_unique(ctx, e.id, summary):
            return []
        text = en.sentence(summary)
        e = self.event
        when = f"from {e.start} to {e.end}" if e.end and e.end != e.start else f"in {e.start}"
        if "start" in {c.field for c in e.cite}:  # a year from another source than the summary's
            when = ""
        if _names_year(self.E, e.start):
            when = ""
        lead = f"That is {self.the}" + (f", {when}" if when else "")
        if not when and not self.tied():  # nothing to add but what the description said
            lead += f": {ctx.lower_first(summary.rstrip('.'))}"
        ask = self.ask(
            "what", explanation=en.sentence("; ".join(s for s in (lead, self.tied()) if s)), level=3
        )

        def _choice() -> Draft:
            wrong = pick(ctx, ask.qid("choice"), ctx.pool("events"), [e.id])
            return choice(
                ctx,
                ask,
                f"Which of these does this describe? {text}",
                en.cap_first(ctx.label(e.id)),
                [en.cap_first(ctx.label(w)) for w in wrong],
                kind="event",
            )

        return ctx.attempt(_choice)


class TermQuestions:
    """One term as its recipes see it: the term, its name, the films tied to it."""

    def __init__(self, ctx: Ctx, term: m.Term) -> None:
        self.ctx = ctx
        self.term = term
        self.T = ctx.ref(term.id)
        self.films = [f.id for f in ctx.films_by_term.get(term.id, [])]

    def ask(self, *key: str, explanation: str, level: int | None = None) -> Ask:
        return Ask(
            key=question_id(self.term.id, *key),
            relation="term",
            topic="context",
            subject=self.term.id,
            source=self.term.source,
            explanation=explanation,
            films=tuple(self.films),
            level=level,
        )

    def aliases(self) -> list[Draft]:
        concept = self.term.kind in ("concept", "practice")
        the = en.with_article(self.common_name()) if concept else en.the_name(self.T, self.ctx.proper_words)
        return alias_questions(self.ctx, self.term, self.ask, the)

    def common_name(self) -> str:
        """A concept's name inside a sentence is lower case (co-production); an exam's or group's is not."""
        return self.ctx.lower_first(self.T) if self.term.kind in ("concept", "practice") else self.T

    def members(self) -> list[Draft]:
        ctx, t, T = self.ctx, self.term, self.T
        if not t.members:
            return []
        kinds = {ctx.base.kind_of[x] for x in t.members}
        org_kinds = {getattr(ctx.base.get(x), "kind", None) for x in t.members}
        if kinds == {"organisation"} and len(org_kinds) == 1:
            noun = {"university": "university"}.get(next(iter(org_kinds)) or "", "organisation")
        else:
            noun = {"person": "person", "film": "film", "place": "place", "country": "country"}.get(
                next(iter(kinds)), "member"
            )
            if len(kinds) > 1:
                noun = "member"
        names = [ctx.ref(x) for x in t.members]
        n = len(t.members)
        fact = f"{T} stands for {en.counted(n, noun)}: {en.join(names)}"
        ask = self.ask("members", explanation=en.sentence(fact))
        kind = next(iter(kinds)) if len(kinds) == 1 else None
        return entity_questions(
            ctx,
            ask,
            right=list(t.members),
            kind=kind or "organisation",
            short_prompt=f"Name one of the {en.plural(noun, n)} that make up {T}."
            if n > 1
            else f"Which {noun} makes up {T}?",
            multi_prompt=f"Name {en.all_of(n)} {en.plural(noun, n)} that make up {T}.",
            choice_prompt=f"Which of these is one of the {en.plural(noun, n)} of {T}?",
            candidates=Draw(
                ctx.kind_pool(kinds),
                lambda x: x not in t.members,
                tuple(ctx.pool("organisations-kind", k) for k in org_kinds)
                if kinds == {"organisation"}
                else (),
            ),
            score=lambda x: 0 if getattr(ctx.base.get(x), "kind", None) in org_kinds else 1,
        )

    def month(self) -> list[Draft]:
        ctx, t = self.ctx, self.term
        if not t.month or t.month not in en.months():
            return []
        the = en.the_name(self.T, ctx.proper_words)
        fact = f"{en.cap_first(the)} takes place every {t.month}"
        explanation = en.sentence(f"{fact}: {ctx.lower_first(t.definition.rstrip('.'))}")
        ask = self.ask("month", explanation=explanation, level=2)
        out = ctx.attempt(
            lambda: short(ctx, ask, f"In which month does {the} take place each year?", [t.month], kind=None)
        )
        index = en.months().index(t.month)
        near = [en.months()[(index + d) % 12] for d in (-3, -2, -1, 1, 2, 3)]

        def _choice() -> Draft:
            wrong = pick_text(ask.qid("choice"), near, [t.month])
            return choice(ctx, ask, f"When in the year is {the} held?", t.month, wrong, kind=None)

        out += ctx.attempt(_choice)
        out += ctx.attempt(
            lambda: truefalse(ctx, ask, f"{en.cap_first(the)} takes place every {t.month}.", True)
        )

        def _false() -> Draft:
            (wrong,) = pick_text(ask.qid("false"), near, [t.month], k=1)
            return truefalse(ctx, ask, f"{en.cap_first(the)} takes place every {wrong}.", False)

        out += ctx.attempt(_false)
        return out

    def definition(self) -> list[Draft]:
        ctx, t = self.ctx, self.term
        text = t.definition.strip()
        if names_itself(ctx, t.id, text) or not summary_is_unique(ctx, t.id, text):
            return []
        text = en.sentence(text)
        concept = t.kind in ("concept", "practice")
        others = [ctx.lower_first(a) if concept else a for a in t.aliases]
        others = [en.with_article(a) if concept else a for a in others if normalise(a) != normalise(t.name)]
        name = en.with_article(self.common_name()) if concept else en.the_name(self.T, ctx.proper_words)
        more = [
            f"also called {en.join_or(others)}" if others else "",
            f"held every {t.month}" if t.month else "",
        ]
        lead = ", ".join([f"That is {name}", *(m for m in more if m)])
        ask = self.ask("what", explanation=en.sentence(lead), level=3)
        return entity_questions(
            ctx,
            ask,
            right=[t.id],
            kind="term",
            short_prompt=f"What is the word for this? {text}",
            multi_prompt=None,
            choice_prompt=f"Which of these terms fits this definition? {text}",
            candidates=ctx.pool("terms"),
        )


def place_questions(ctx: Ctx, place: m.Place) -> list[Draft]:
    """In which country is Bucheon?"""
    if not place.country:
        return []

    def _place() -> list[Draft]:
        P = ctx.ref(place.id)
        country = ctx.base.get(place.country)
        if any(
            normalise(n) in normalise(P)
            for n in (country.name, country.adjective, *ctx.base.aliases(country.id))
        ):
            return []
        ask = Ask(
            key=question_id(place.id, "country"),
            relation="location",
            topic="context",
            subject=place.id,
            source=place.source,
            explanation=en.sentence(f"{P} is in {ctx.ref(country.id)}"),
            films=tuple(f.id for f in ctx.films_at_place.get(place.id, [])),
            level=1,
        )
        return [short(ctx, ask, f"In which country is {P}?", [country.name], kind="country")]

    return ctx.attempt(_place)


def region_questions(ctx: Ctx, country: m.Country) -> list[Draft]:
    """In which region is Thailand?"""
    region = country.region
    if not region:
        return []

    def _region() -> Draft:
        C = ctx.ref(country.id)
        if normalise(region) in normalise(C):
            raise Skip("the name gives the region away")
        ask = Ask(
            key=question_id(country.id, "region"),
            relation=None,
            topic="context",
            subject=country.id,
            source=country.source,
            explanation=en.sentence(f"{C} is in {region}"),
            level=2,
        )
        return short(ctx, ask, f"In which region of the world is {C}?", [region], kind=None)

    return ctx.attempt(_region)


def by_region(countries: list[m.Country]) -> list[m.Country]:
    """The countries with a region, region by region (in the order the regions first appear)."""
    regions: dict[str, list[m.Country]] = {}
    for country in countries:
        if country.region:
            regions.setdefault(country.region, []).append(country)
    return [c for group in regions.values() for c in group]


def place_drafts(ctx: Ctx) -> list[Draft]:
    """In which country is Bucheon? In which region is Thailand?"""
    out = [d for place in ctx.base.facts.places for d in place_questions(ctx, place)]
    return out + [d for c in by_region(ctx.base.facts.countries) for d in region_questions(ctx, c)]


# What is asked of an event or period, and of a term, in the order the questions come out.
EVENT_RECIPES: tuple[Recipe[EventQuestions], ...] = (
    Recipe(EventQuestions.years, ("event",)),
    Recipe(EventQuestions.what, ("event",)),
)
TERM_RECIPES: tuple[Recipe[TermQuestions], ...] = (
    Recipe(TermQuestions.members, ("term",)),
    Recipe(TermQuestions.month, ("term",)),
    Recipe(TermQuestions.definition, ("term",)),
    Recipe(TermQuestions.aliases, ("term",)),
)


def event_questions(ctx: Ctx, event: m.Event) -> list[Draft]:
    """Every question on one event or period, recipe by recipe."""
    return questions_on(ctx, event, EventQuestions, EVENT_RECIPES)


def term_questions(ctx: Ctx, term: m.Term) -> list[Draft]:
    """Every question on one term, recipe by recipe."""
    return questions_on(ctx, term, TermQuestions, TERM_RECIPES)


def context_drafts(ctx: Ctx) -> list[Draft]:
    out = [d for event in ctx.base.facts.events for d in event_questions(ctx, event)]
    out += [d for term in ctx.base.facts.terms for d in term_questions(ctx, term)]
    return out + place_drafts(ctx)
