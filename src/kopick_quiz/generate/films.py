"""Questions on films: crew, cast, companies, countries, sources, places, years, money, festivals, archives."""

from __future__ import annotations

import itertools
import typing
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from ..facts import model as m
from ..questions import Tolerance
from ..text import normalise
from . import english as en
from .choice import (
    COMPANY_KINDS,
    Ask,
    Draw,
    choice,
    confusable_countries,
    country_draw,
    country_score,
    entity_questions,
    far_numbers,
    film_people,
    first,
    multi,
    near_years,
    one_of,
    org_draw,
    org_score,
    person_draw,
    person_score,
    pick,
    pick_text,
    ranked,
    short,
    truefalse,
)
from .core import Ctx, Draft, Skip, decade, question_id, stable_hash

HOME = "south-korea"  # the industry the source is about: "Besides South Korea, ..."
NUMBER_TOLERANCE = Tolerance(relative=0.05)

KIND_NOUN = {
    "studio": "studio",
    "production-company": "production company",
    "entertainment-company": "entertainment company",
    "vfx-studio": "visual effects studio",
    "archive": "archive",
    "government-agency": "government agency",
    "film-council": "film council",
    "university": "university",
    "streaming-service": "streaming service",
}
ROLE_ACTIVE = {
    "producer": ("produced", "produce"),
    "co-producer": ("co-produced", "co-produce"),
    "financier": ("financed", "finance"),
    "distributor": ("distributed", "distribute"),
    "sponsor": ("sponsored", "sponsor"),
    "vfx": ("made the visual effects for", "make the visual effects for"),
}
CURRENCY = {
    "KRW": "won",
    "USD": "US dollars",
    "HKD": "Hong Kong dollars",
    "JPY": "yen",
    "CNY": "yuan",
    "THB": "baht",
    "EUR": "euros",
}
GENRES: tuple[str, ...] = typing.get_args(m.Genre)
# Genres close enough that one is never a fair distractor for another.
GENRE_FAMILIES = (
    {"horror", "folk-horror", "thriller", "monster"},
    {"historical", "period", "martial-arts"},
    {"romance", "melodrama", "drama"},
    {"documentary", "mockumentary"},
    {"science-fiction", "fantasy", "monster", "disaster"},
    {"action", "martial-arts", "thriller", "disaster"},
)


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


def genre_family(genre: str) -> set[str]:
    out = {genre}
    for family in GENRE_FAMILIES:
        if genre in family:
            out |= family
    return out


def kind_noun(org: m.Organisation) -> str:
    return KIND_NOUN.get(org.kind, "organisation")


def org_descriptor(ctx: Ctx, org_id: str) -> str:
    """`Thai studio`, `American government agency`."""
    org = ctx.base.get(org_id)
    country = ctx.base.by_id.get(org.country)
    adjective = getattr(country, "adjective", None)
    return f"{adjective} {kind_noun(org)}" if adjective else kind_noun(org)


def roles_active(roles: Iterable[str], tense: int = 0) -> str:
    """`financed and distributed` (tense 0) or `finance and distribute` (tense 1)."""
    return en.join([ROLE_ACTIVE[r][tense] for r in dict.fromkeys(roles)])


def money_text(money: m.Money, amount: int | None = None, qualifier: str | None = None) -> str:
    """`over 20 billion won`."""
    amount = money.amount if amount is None else amount
    qualifier = money.qualifier if qualifier is None else qualifier
    words = {"exact": "", "about": "about ", "over": "over ", "under": "under "}[qualifier]
    return f"{words}{en.friendly_amount(amount)} {CURRENCY[money.currency]}"


class FilmQuestions:
    """Every question on one film."""

    def __init__(self, ctx: Ctx, film: m.Film) -> None:
        self.ctx = ctx
        self.base = ctx.base
        self.film = film
        self.L = ctx.film(film)  # Skip when the film cannot be named unambiguously
        self.passing = not film.profiled

    # -- helpers ------------------------------------------------------------------------------
    def ask(self, *key: str, relation: str | None, explanation: str, level: int | None = None) -> Ask:
        return Ask(
            key=question_id(self.film.id, *key),
            relation=relation,
            topic="films",
            subject=self.film.id,
            source=self.film.source,
            explanation=explanation,
            films=(self.film.id,),
            passing=self.passing,
            level=level,
        )

    def note(self, *mentions: str) -> str:
        """The first of the film's notes that names one of `mentions`, or ''."""
        folded = [normalise(t) for t in mentions if t]
        for note in self.film.notes:
            text = normalise(note)
            if any(f and f in text for f in folded):
                return note
        return ""

    def explain(self, fact: str, *mentions: str, focus: str | None = None) -> str:
        """The fact, a note of the source's on it if there is one, and who made the film."""
        extra = self.note(*mentions)
        return " ".join(en.sentence(s) for s in (fact, extra, self.overview(focus)) if s)

    def company_clauses(self) -> list[str]:
        """`co-produced by the Hong Kong studio Shaw Brothers and the South Korean ...`, one per job."""
        roles: dict[str, list[str]] = {}
        for credit in self.film.companies:
            roles.setdefault(credit.organisation, []).append(credit.role)
        by_job: dict[str, list[str]] = {}
        for org, done in roles.items():
            label = self.ctx.ref(org).removeprefix("the ")
            by_job.setdefault(roles_active(done), []).append(f"the {org_descriptor(self.ctx, org)} {label}")
        clauses = []
        for job, names in by_job.items():
            if job == ROLE_ACTIVE["vfx"][0]:
                clauses.append(f"given its visual effects by {en.join(names)}")
            else:
                clauses.append(f"{job} by {en.join(names)}")
        return clauses

    def overview(self, focus: str | None) -> str:
        """`It was directed by X and co-produced by ...`, leaving out what the explanation just said."""
        parts = []
        if focus != "director" and self.film.directors and "directed by" not in self.L:
            parts.append(f"directed by {self.ctx.names(self.film.directors)}")
        if focus != "studio":
            parts += self.company_clauses()
        return f"It was {en.join(parts)}" if parts else ""

    def descriptor(
        self, exclude: Iterable[str] = (), bare: bool = False
    ) -> tuple[str, Callable[[m.Film], bool]]:
        """How a reverse question names this film without its title, and which films fit that.

        `2013 sports co-production with Huayi Brothers`; `bare` leaves out the partners and the
        countries (for a question that names them itself): `2013 sports film`.
        """
        film = self.film
        exclude = set(exclude)
        parts = [str(film.year)]
        langs = [lang for lang in film.languages if normalise(lang) != "korean"]
        if langs:
            parts.append(f"{langs[0]}-language")
        genre = next(
            (g for g in film.genres if not (film.kind == "documentary" and g == "documentary")), None
        )
        if genre:
            parts.append(en.humanise(genre))
        if film.kind == "documentary":
            noun = "documentary"
        elif bare:
            noun = "film"
        elif len(film.countries) >= 2:
            noun = "co-production"
        else:
            noun = "film"
        adjective = None
        if not bare and noun == "film" and len(film.countries) == 1 and film.countries[0] != HOME:
            adjective = getattr(self.base.by_id.get(film.countries[0]), "adjective", None)
            if adjective:
                parts.append(adjective)
        parts.append(noun)
        text = " ".join(parts)
        partner = None
        partner_country = None
        if not bare and noun in ("co-production", "documentary"):
            listed = list(
                dict.fromkeys(c.organisation for c in film.companies if c.organisation not in exclude)
            )
            others = sorted(listed, key=lambda o: (self.base.get(o).country == HOME, listed.index(o)))
            if others:
                partner = others[0]
                text += f" with {self.ctx.ref(partner)}"
            elif noun == "co-production" and HOME in film.countries and len(film.countries) == 2:
                (other,) = [c for c in film.countries if c != HOME]
                if other not in exclude:
                    partner_country = other
                    text += f" with {self.ctx.ref(other)}"

        def fits(f: m.Film) -> bool:
            kind_ok = (
                f.kind == film.kind
                and (noun != "co-production" or len(f.countries) >= 2)
                and (bare or noun != "film" or len(f.countries) < 2)
            )
            return (
                f.year == film.year
                and kind_ok
                and all(lang in f.languages for lang in langs[:1])
                and (genre is None or genre in f.genres)
                and (adjective is None or film.countries[0] in f.countries)
                and (partner is None or partner in {c.organisation for c in f.companies})
                and (partner_country is None or partner_country in f.countries)
            )

        return text, fits

    def reverse_ok(self) -> bool:
        """Reverse questions only for films the source profiles or a specific description finds."""
        film = self.film
        return film.profiled or len(film.countries) >= 2 or film.kind == "documentary" or bool(film.companies)

    def reverse(
        self,
        ask: Ask,
        value: str,
        prompt: str,
        matches: Callable[[m.Film], bool],
        among: Iterable[m.Film],
        exclude: Iterable[str] = (),
        suffix: tuple[str, ...] = ("reverse",),
        bare: bool = False,
    ) -> Draft:
        """`Which 2013 co-production with Huayi Brothers was directed by Kim Yong-hwa?` -> the film.

        `among` are the films that could match (from an index): every film that `matches` is among them.
        """
        if not self.reverse_ok():
            raise Skip("a passing mention has too little to describe it by")
        desc, fits = self.descriptor(exclude, bare)
        found = [f for f in {f.id: f for f in among}.values() if matches(f) and fits(f)]
        if [f.id for f in found] != [self.film.id]:
            raise Skip(f"the description fits {len(found)} films")
        text = prompt.format(desc=desc)
        reverse_ask = replace(ask, subject=value)
        return short(
            self.ctx, reverse_ask, text, [self.film.title], kind="film", template="reverse", suffix=suffix
        )

    # -- families -----------------------------------------------------------------------------
    def all(self) -> list[Draft]:
        out: list[Draft] = []
        for family in (
            self.crew,
            self.cast,
            self.characters,
            self.studios,
            self.countries,
            self.based_on,
            self.remake,
            self.places,
            self.year,
            self.release_month,
            self.budget,
            self.audience,
            self.premiere,
            self.archive,
            self.context,
            self.language,
            self.genre,
            self.plot,
            self.other_titles,
        ):
            out += self.ctx.attempt(family)
        return out

    def crew(self) -> list[Draft]:
        out: list[Draft] = []
        ctx, film, L = self.ctx, self.film, self.L
        for crew in CREW:
            people = list(getattr(film, crew.field))
            if not people or (crew.field == "directors" and "directed by" in L):
                continue  # a film told apart by its director cannot be asked who directed it
            n = len(people)
            names = [ctx.ref(p) for p in people]
            if n == 1:
                fact = crew.said_one.format(film=L, person=names[0])
            else:
                fact = f"{L} had {en.counted(n, crew.noun)}: {en.join(names)}"
            ask = self.ask(
                crew.relation,
                relation=crew.relation,
                explanation=self.explain(fact, *names, en.plural(crew.noun), focus=crew.relation),
            )
            single = n == 1
            if crew.complete:
                multi_prompt = f"Name {en.all_of(n)} {en.plural(crew.noun)} of {L}."
            else:
                multi_prompt = f"Name {en.number_word(n)} {en.plural(crew.noun)} of {L}."
            said = crew.said_one if single else crew.said_some
            out += entity_questions(
                ctx,
                ask,
                right=people,
                kind="person",
                short_prompt=(crew.one if single else crew.some).format(film=L, n=en.number_word(n)),
                multi_prompt=multi_prompt,
                choice_prompt=(crew.choice_one if single else crew.choice_some).format(film=L),
                candidates=person_draw(ctx, crew.role, people),
                score=person_score(ctx, crew.role, people, film.year),
                unrelated=not crew.complete,
                statement=lambda p, said=said: said.format(film=L, person=ctx.ref(p)),
            )
            out += ctx.attempt(lambda people=people, crew=crew: self.crew_countries(crew, people))
            for p in people:
                prompt = "Which {desc} " + crew.passive.format(person=ctx.ref(p)) + "?"
                out += ctx.attempt(
                    lambda p=p, prompt=prompt, crew=crew, ask=ask: self.reverse(
                        ask,
                        p,
                        prompt,
                        lambda f, p=p, crew=crew: p in getattr(f, crew.field),
                        self.credited(p),
                        suffix=(p, "reverse"),
                    )
                )
        return out

    def crew_countries(self, crew: Crew, people: list[str]) -> list[Draft]:
        """`The three directors of Love with an Alien came from three countries. Name all three.`

        Asked of the people, not of the film: a film with a Japanese director is not thereby a
        Japanese co-production.
        """
        ctx, L = self.ctx, self.L
        nationality = [getattr(ctx.base.get(p), "nationality", None) for p in people]
        countries = list(dict.fromkeys(nationality))
        if len(people) < 2 or None in countries or len(countries) != len(people):
            raise Skip("only for several crew members, each from another country")
        n = en.number_word(len(people))
        said = en.join([f"{ctx.ref(p)} from {ctx.ref(c)}" for p, c in zip(people, nationality, strict=True)])
        fact = f"The {en.plural(crew.noun)} of {L} came from {n} countries: {said}"
        ask = self.ask(crew.relation, "countries", relation="country", explanation=en.sentence(fact))
        prompt = (
            f"The {n} {en.plural(crew.noun)} of {L} each came from a different country. "
            f"Name {en.all_of(len(people))} countries."
        )
        return [multi(ctx, ask, prompt, [ctx.label(c) for c in countries], kind="country")]

    def other_titles(self) -> list[Draft]:
        """`By what other title is Tyrant (1967) known?` and back: each title a student may meet."""
        from .aliases import source_of

        ctx, film, L = self.ctx, self.film, self.L
        titles = list(film.aliases)
        if not titles:
            return []
        fact = f"{L} is also known as {en.join_or(titles)}"
        ask = replace(
            self.ask("title", relation=None, explanation=self.explain(fact, *titles)),
            source=source_of(film),
        )
        out = ctx.attempt(
            lambda: short(ctx, ask, f"By what other title is {L} also known?", titles, kind="film")
        )
        for title in titles:
            prompt = f"{title} is another title of which {film.year} film?"
            out += ctx.attempt(
                lambda prompt=prompt: short(
                    ctx, ask, prompt, [film.title], kind="film", template="reverse", suffix=("reverse",)
                )
            )
        return out

    def told_story(self) -> str:
        """What to say once the film is named by its story: who made it, then a note of the source's."""
        made = self.overview(None)
        lead = (
            made.replace("It was", f"{self.L} was", 1) if made else f"{self.L} came out in {self.film.year}"
        )
        notes = [n for n in self.film.notes if not n.startswith(("Its three directors", "It was filmed"))]
        return " ".join(en.sentence(s) for s in (lead, notes[0] if notes else "") if s)

    def credited(self, person: str) -> list[m.Film]:
        """The films a person is credited on."""
        return [f for _, f in self.base.credits_of.get(person, [])]

    def far_actor(self, exclude: Iterable[str]) -> Callable[[str], bool]:
        """Whether an actor is safe as a distractor for this film: never credited within ten years of it, nor tied to it."""
        banned = set(exclude) | film_people(self.film)
        ctx, film = self.ctx, self.film

        def far(p: str) -> bool:
            if p in banned:
                return False
            if any(-10 < y - film.year < 10 for y in ctx.years_of(p)):
                return False
            return not ctx.is_related(film.id, p)

        return far

    def cast(self) -> list[Draft]:
        ctx, film, L = self.ctx, self.film, self.L
        if not film.cast:
            return []
        members = list(dict.fromkeys(c.person for c in film.cast))
        names = [ctx.ref(p) for p in members]
        fact = f"The cast of {L} includes {en.join(names)}"
        ask = self.ask("cast", relation="cast", explanation=self.explain(fact))
        out: list[Draft] = []
        leads = list(dict.fromkeys(c.person for c in film.cast if c.lead))
        if len(leads) >= 2:
            lead_ask = self.ask(
                "cast",
                "leads",
                relation="cast",
                explanation=en.sentence(f"The leads of {L} were {en.join([ctx.ref(p) for p in leads])}"),
            )
            prompt = f"Name {en.all_of(len(leads))} leading actors of {L}."
            out += ctx.attempt(
                lambda: multi(ctx, lead_ask, prompt, [ctx.label(p) for p in leads], kind="person")
            )
        out += entity_questions(
            ctx,
            ask,
            right=members,
            kind="person",
            short_prompt=None,
            multi_prompt=None,
            choice_prompt=f"Which of these actors appeared in {L}?",
            candidates=person_draw(ctx, "actor", members, self.far_actor(members), within="actor"),
            score=person_score(ctx, "actor", members, None),
            statement=lambda p: f"{ctx.ref(p)} appeared in {L}.",
        )
        for p in members:
            prompt = "Which {desc} featured " + ctx.ref(p) + " in its cast?"
            out += ctx.attempt(
                lambda p=p, prompt=prompt: self.reverse(
                    ask,
                    p,
                    prompt,
                    lambda f, p=p: p in {c.person for c in f.cast},
                    self.credited(p),
                    suffix=(p, "reverse"),
                )
            )
        return out

    def characters(self) -> list[Draft]:
        ctx, film = self.ctx, self.film
        out: list[Draft] = []
        seen: set[str] = set()
        for member in film.cast:
            if not member.character or member.person in seen:
                continue
            seen.add(member.person)
            out += ctx.attempt(lambda member=member: self.character(member))
        return out

    def character(self, member: m.CastMember) -> list[Draft]:
        ctx, film, L = self.ctx, self.film, self.L
        character = member.character or ""
        key = normalise(character)

        def compatible(other: m.CastMember) -> bool:
            if normalise(other.character or "") != key:
                return False
            versions = {member.version, other.version}
            return member.version == other.version or "both" in versions or None in versions

        players = list(dict.fromkeys(c.person for c in film.cast if compatible(c)))
        where = L
        if member.version in ("korean", "hong-kong"):
            where = f"the {'Korean' if member.version == 'korean' else 'Hong Kong'} version of {L}"
        role = en.the_description(character)
        fact = f"{en.join([ctx.ref(p) for p in players])} played {role} in {where}"
        ask = self.ask("character", member.person, relation="character", explanation=self.explain(fact))
        same_film = [c.person for c in film.cast if c.person not in players]
        far = self.far_actor(players + same_film)
        candidates = person_draw(ctx, "actor", players, far, within="actor", extra=same_film)
        in_film = set(same_film)

        def score(c: str) -> float:
            return 0 if c in in_film else 1

        out = entity_questions(
            ctx,
            ask,
            right=players,
            kind="person",
            short_prompt=f"Who played {role} in {where}?",
            multi_prompt=None,
            choice_prompt=f"Which of these actors played {role} in {where}?",
            candidates=candidates,
            score=score,
            statement=lambda p: f"{ctx.ref(p)} played {role} in {where}.",
        )
        if en.is_proper_name(character):
            prompt = f"Which character did {ctx.ref(member.person)} play in {where}?"
            characters = [c.character for c in film.cast if c.person == member.person and c.character]
            out += ctx.attempt(
                lambda: short(ctx, ask, prompt, list(dict.fromkeys(characters)), kind=None, suffix=("name",))
            )
        return out

    def studios(self) -> list[Draft]:
        ctx, film, L = self.ctx, self.film, self.L
        if not film.companies:
            return []
        roles: dict[str, list[str]] = {}
        for credit in film.companies:
            roles.setdefault(credit.organisation, []).append(credit.role)
        orgs = list(roles)
        fact = f"{L} was {en.join(self.company_clauses())}"
        out: list[Draft] = []
        credited = set(orgs)
        for o in orgs:
            verb = roles_active(roles[o])
            desc = org_descriptor(ctx, o)
            same = [x for x in orgs if org_descriptor(ctx, x) == desc and roles_active(roles[x]) == verb]
            ask = self.ask(
                "studio", o, relation="studio", explanation=self.explain(fact, ctx.label(o), focus="studio")
            )
            noun = "companies" if self.base.get(o).kind in COMPANY_KINDS else "organisations"
            # Two companies that did the same job share one choice question (the first one's).
            first_of_job = next(x for x in orgs if roles_active(roles[x]) == verb) == o
            out += entity_questions(
                ctx,
                ask,
                right=same,
                kind="organisation",
                short_prompt=f"Which {desc} {verb} {L}?",
                multi_prompt=None,
                choice_prompt=f"Which of these {noun} {verb} {L}?" if first_of_job else None,
                candidates=org_draw(ctx, [o], lambda x: x not in credited),
                score=org_score(ctx, [o]),
                unrelated=True,
                statement=lambda x, verb=verb: f"{ctx.ref(x)} {verb} {L}.",
            )
            base_verb = roles_active(roles[o], 1)
            prompt = "Which {desc} did " + ctx.ref(o) + " " + base_verb + "?"
            out += ctx.attempt(
                lambda o=o, prompt=prompt, ask=ask: self.reverse(
                    ask,
                    o,
                    prompt,
                    lambda f, o=o: any(c.organisation == o and c.role in roles[o] for c in f.companies),
                    [f for _, f in self.base.films_of_organisation.get(o, [])],
                    exclude=[o],
                )
            )
        if len(orgs) >= 2:
            ask = self.ask("studio", relation="studio", explanation=self.explain(fact, focus="studio"))
            prompt = f"Name {en.number_word(len(orgs))} companies credited on {L}."
            out += ctx.attempt(
                lambda: multi(ctx, ask, prompt, [ctx.label(o) for o in orgs], kind="organisation")
            )
        return out

    def countries(self) -> list[Draft]:
        ctx, film, L = self.ctx, self.film, self.L
        countries = list(dict.fromkeys(film.countries))
        if not countries:
            return []
        names = [ctx.ref(c) for c in countries]
        n = len(countries)
        banned = set(countries) | confusable_countries(countries)
        candidates = country_draw(ctx, countries, lambda c: c not in banned)
        out: list[Draft] = []
        if n == 1:
            fact = f"{L} is a film from {names[0]}"
            ask = self.ask("country", relation="country", explanation=self.explain(fact))
            return entity_questions(
                ctx,
                ask,
                right=countries,
                kind="country",
                short_prompt=f"Which country is {L} from?",
                multi_prompt=None,
                choice_prompt=f"Which of these countries is {L} from?",
                candidates=candidates,
                score=country_score(ctx, countries),
                unrelated=True,
                statement=lambda c: f"{L} is a film from {ctx.ref(c)}.",
            )
        fact = f"{L} was a co-production between {en.join(names)}"
        ask = self.ask("country", relation="country", explanation=self.explain(fact, *names))
        foreign = [c for c in countries if c != HOME]
        if HOME in countries:
            home = ctx.ref(HOME)
            prompt = (
                f"Besides {home}, which country co-produced {L}?"
                if n == 2
                else f"Besides {home}, name one of the countries that co-produced {L}."
            )
        else:
            prompt = f"Name one of the countries that co-produced {L}."
        out += ctx.attempt(lambda: short(ctx, ask, prompt, [ctx.label(c) for c in foreign], kind="country"))
        multi_prompt = f"Name {en.all_of(n)} countries that co-produced {L}."
        out += ctx.attempt(
            lambda: multi(ctx, ask, multi_prompt, [ctx.label(c) for c in countries], kind="country")
        )

        def _choice() -> Draft:
            shown = one_of(ask.qid("choice"), foreign)
            score = country_score(ctx, countries)
            try:  # a country the film is tied to otherwise (a director's) is no clean distractor
                wrong = pick(ctx, ask.qid("choice"), candidates, countries, score=score, unrelated_to=film.id)
            except Skip:
                wrong = pick(ctx, ask.qid("choice"), candidates, countries, score=score)
            others = [ctx.ref(c) for c in countries if c != shown and c == HOME]
            lead = f"with {others[0]}" if others else ""
            prompt = f"Which of these countries co-produced {L}{' ' + lead if lead else ''}?"
            return choice(ctx, ask, prompt, ctx.label(shown), [ctx.label(w) for w in wrong], kind="country")

        out += ctx.attempt(_choice)

        def statement(focus: str, value: str) -> str:
            shown = [ctx.ref(value) if c == focus else ctx.ref(c) for c in countries]
            return f"{L} was a co-production between {en.join(shown)}."

        focus = one_of(ask.qid("true"), foreign)
        out += ctx.attempt(lambda: truefalse(ctx, ask, statement(focus, focus), True))

        def _false() -> Draft:
            focus = one_of(ask.qid("false"), foreign)
            (wrong,) = pick(
                ctx,
                ask.qid("false"),
                candidates,
                countries,
                k=1,
                score=country_score(ctx, countries),
                unrelated_to=film.id,
            )
            return truefalse(ctx, ask, statement(focus, wrong), False)

        out += ctx.attempt(_false)
        wanted = set(countries)
        prompt = "Which {desc} was co-produced by " + en.join(names) + "?"
        out += ctx.attempt(
            lambda: self.reverse(
                ask,
                countries[0],
                prompt,
                lambda f: set(f.countries) == wanted,
                ctx.films_by_countries.get((film.year, frozenset(wanted)), []),
                bare=True,
            )
        )
        return out

    def based_on(self) -> list[Draft]:
        ctx, film, L = self.ctx, self.film, self.L
        work = film.based_on
        if work is None:
            return []
        kind = en.humanise(work.kind)
        creator = ctx.ref(work.creator) if work.creator else None
        country = ctx.base.by_id.get(work.country) if work.country else None
        by = f" by {creator}" if creator else ""
        described_work = " ".join(
            w for w in (str(work.year) if work.year else "", country.adjective if country else "", kind) if w
        )
        fact = f"{L} is based on {work.title}, {en.with_article(described_work)}{by}"
        ask = self.ask("based-on", relation="based-on", explanation=self.explain(fact, work.title))
        out: list[Draft] = []
        if work.year:
            described = f"{work.year} {kind}"
        elif country is not None:
            described = f"{country.adjective} {kind}"
        else:
            described = kind + by
        answer_kind = "film" if work.film else None
        title_prompt = f"{L} is based on which {described}?"
        out += ctx.attempt(lambda: short(ctx, ask, title_prompt, [work.title], kind=answer_kind))

        title = normalise(work.title)
        others = Draw(
            ctx.pool("films-adapted"),
            lambda f: normalise(ctx.films_by_id[f].based_on.title) != title,  # type: ignore[union-attr]
        )

        def said(title: str, k: str) -> str:
            return f"{L} is based on the {k} {title}."

        out += ctx.attempt(lambda: truefalse(ctx, ask, said(work.title, kind), True))

        def _false() -> Draft:
            other_id = first(ask.qid("false"), others)
            if other_id is None:
                raise Skip("no other adaptation to swap in")
            other = ctx.films_by_id[other_id]
            assert other.based_on is not None
            return truefalse(ctx, ask, said(other.based_on.title, en.humanise(other.based_on.kind)), False)

        out += ctx.attempt(_false)
        possessor = en.possessive(creator) + " " if creator else "the "
        prompt = "Which {desc} is based on " + f"{possessor}{kind} {work.title}?"
        out += ctx.attempt(
            lambda: self.reverse(
                ask,
                work.creator or film.id,
                prompt,
                lambda f: f.based_on is not None and normalise(f.based_on.title) == title,
                ctx.adaptations.get(title, []),
            )
        )
        if work.creator and creator:
            who_ask = self.ask("based-on", "creator", relation="based-on", explanation=ask.explanation)
            role = next(iter(ctx.base.get(work.creator).roles), None)
            out += entity_questions(
                ctx,
                who_ask,
                right=[work.creator],
                kind="person",
                short_prompt=f"Who created {work.title}, the {kind} behind {L}?",
                multi_prompt=None,
                choice_prompt=f"Which of these people created the {kind} {work.title}?",
                candidates=person_draw(ctx, role, [work.creator]),
                score=person_score(ctx, role, [work.creator], work.year),
                unrelated=True,
                statement=lambda p: f"{ctx.ref(p)} created the {kind} {work.title}.",
            )
        if country is not None:
            where_ask = self.ask("based-on", "country", relation="based-on", explanation=ask.explanation)
            prompt = f"{L} is based on {en.with_article(kind)} from which country?"
            out += ctx.attempt(lambda: short(ctx, where_ask, prompt, [country.name], kind="country"))
        if work.year:
            year_ask = self.ask("based-on", "year", relation="based-on", explanation=ask.explanation)
            prompt = f"In what year did {work.title}, the {kind} behind {L}, first appear?"
            out += ctx.attempt(
                lambda: short(
                    ctx, year_ask, prompt, [str(work.year)], kind=None, qtype="year", suffix=("short",)
                )
            )
        return out

    def remake(self) -> list[Draft]:
        ctx, film, L = self.ctx, self.film, self.L
        if not film.remake_of:
            return []
        original = ctx.base.get(film.remake_of)
        original_label = ctx.film(original)
        fact = f"{L} is a remake of {original_label}"
        if original.directors:
            fact += f", directed by {ctx.names(original.directors)}"
        ask = self.ask("remake", relation="based-on", explanation=self.explain(fact, original.title))
        by = f" by {ctx.names(original.directors)}" if original.directors else ""
        others = Draw(
            ctx.pool("films"),
            lambda f: f not in (film.id, original.id) and ctx.films_by_id[f].remake_of != original.id,
        )
        out = entity_questions(
            ctx,
            ask,
            right=[original.id],
            kind="film",
            short_prompt=f"{L} is a remake of which film{by}?",
            multi_prompt=None,
            choice_prompt=f"Which of these films is {L} a remake of?",
            candidates=others,
            unrelated=True,
            statement=lambda f: f"{L} is a remake of {ctx.ref(f)}.",
        )
        prompt = "Which {desc} is a remake of " + original_label + "?"
        out += ctx.attempt(
            lambda: self.reverse(
                ask,
                original.id,
                prompt,
                lambda f: f.remake_of == original.id,
                ctx.remakes.get(original.id, []),
            )
        )
        return out

    def places(self) -> list[Draft]:
        out: list[Draft] = []
        for relation, ids, verb_past, verb_q in (
            ("location", self.film.locations, "was shot in", "was {film} shot"),
            ("setting", self.film.settings, "is set in", "is {film} set"),
        ):
            if ids:
                out += self.ctx.attempt(
                    lambda relation=relation, ids=ids, vp=verb_past, vq=verb_q: self.place(
                        relation, list(ids), vp, vq
                    )
                )
        return out

    def place(self, relation: str, ids: list[str], verb_past: str, verb_q: str) -> list[Draft]:
        ctx, L = self.ctx, self.L
        names = [ctx.ref(i) for i in ids]
        fact = f"{L} {verb_past} {en.join(names)}"
        ask = self.ask(relation, relation=relation, explanation=self.explain(fact, *names))
        kinds = {ctx.base.kind_of[i] for i in ids}
        place_kinds = {getattr(ctx.base.get(i), "kind", "country") for i in ids}
        noun = next(iter(place_kinds)) if len(place_kinds) == 1 and kinds == {"place"} else None
        if noun == "country-side":
            noun = None
        kind = next(iter(kinds)) if len(kinds) == 1 else "place"
        question = verb_q.format(film=L)
        out: list[Draft] = []
        if len(ids) == 1:
            prompt = f"In which {noun} {question}?" if noun else f"Where {question}?"
            like = getattr(ctx.base.get(ids[0]), "kind", "country")
            if kind == "place":
                pool = ctx.pool("places-kind", like)
            else:  # a country has no kind of its own: "country"
                pool = ctx.pool("countries") if like == "country" else ctx.new_pool(())
            same_kind = "cities" if noun == "city" else en.plural(noun) if noun else "places"
            out += entity_questions(
                ctx,
                ask,
                right=ids,
                kind=kind,
                short_prompt=prompt,
                multi_prompt=None,
                choice_prompt=f"In which of these {same_kind} {question}?",
                candidates=Draw(pool, lambda p: p not in ids),
                unrelated=True,
                statement=lambda p: f"{L} {verb_past} {ctx.ref(p)}.",
            )
        else:
            what = en.plural(noun) if noun else ("countries" if kinds == {"country"} else "places")
            prompt = f"Name {en.all_of(len(ids))} {what} {L} {verb_past.split(' ')[0]} {verb_past.split(' ', 1)[1]}."
            out += ctx.attempt(lambda: multi(ctx, ask, prompt, [ctx.label(i) for i in ids], kind=kind))
        wanted = set(ids)
        rev = "Which {desc} " + f"{verb_past} {en.join(names)}?"
        out += ctx.attempt(
            lambda: self.reverse(
                ask,
                ids[0],
                rev,
                lambda f: wanted <= set(getattr(f, relation + "s")),
                ctx.films_by_place.get((relation + "s", ids[0]), []),
                exclude=ids,
                suffix=("reverse",),
            )
        )
        return out

    def year(self) -> list[Draft]:
        ctx, film = self.ctx, self.film
        title = ctx.title(film)
        fact = f"{title} came out in {film.year}"
        ask = self.ask("year", relation="year", explanation=self.explain(fact))
        out = ctx.attempt(
            lambda: short(
                ctx, ask, f"In what year was {title} released?", [str(film.year)], kind=None, qtype="year"
            )
        )

        def _choice() -> Draft:
            wrong = near_years(ask.qid("choice"), film.year, ctx.latest_year)
            return choice(
                ctx, ask, f"When was {title} released?", str(film.year), [str(y) for y in wrong], kind=None
            )

        out += ctx.attempt(_choice)
        out += ctx.attempt(lambda: truefalse(ctx, ask, f"{title} came out in {film.year}.", True))

        def _false() -> Draft:
            (wrong,) = near_years(ask.qid("false"), film.year, ctx.latest_year, k=1)
            return truefalse(ctx, ask, f"{title} came out in {wrong}.", False)

        out += ctx.attempt(_false)
        if film.profiled:
            out += ctx.attempt(lambda: order_around(ctx, film, ask))
        return out

    def release_month(self) -> list[Draft]:
        ctx, film, L = self.ctx, self.film, self.L
        release = film.release
        if release is None or release.month is None:
            return []
        month = en.month_name(release.month)
        try:
            name = ctx.title(film)
        except Skip:
            name = L
        fact = f"{name} opened in {month} {release.year}"
        ask = self.ask("release", relation="year", explanation=self.explain(fact))
        prompt = f"In which month of {release.year} was {name} released?"
        out = ctx.attempt(lambda: short(ctx, ask, prompt, [month], kind=None))

        def _choice() -> Draft:
            near = [en.month_name((release.month - 1 + d) % 12 + 1) for d in (-3, -2, -1, 1, 2, 3)]
            wrong = pick_text(ask.qid("choice"), near, [month])
            return choice(ctx, ask, f"When in {release.year} was {name} released?", month, wrong, kind=None)

        out += ctx.attempt(_choice)
        return out

    def budget(self) -> list[Draft]:
        ctx, film, L = self.ctx, self.film, self.L
        money = film.budget
        if money is None:
            return []
        fact = f"{L} had a budget of {money_text(money)}"
        ask = self.ask("budget", relation="budget", explanation=self.explain(fact, "budget"))
        # The whole amount is the answer: a student's "20 billion" or "20bn" reads as 20000000000.
        lead = {"over": "over ", "under": "under ", "about": "about ", "exact": ""}[money.qualifier]
        prompt = f"{L} had a budget of {lead}how much, in {CURRENCY[money.currency]}? Answer within 5%."
        answer = str(money.amount)
        out = ctx.attempt(
            lambda: short(
                ctx,
                ask,
                prompt,
                [answer],
                kind=None,
                qtype="number",
                tolerance=NUMBER_TOLERANCE,
                template="number",
            )
        )
        out += ctx.attempt(lambda: truefalse(ctx, ask, f"{L} had a budget of {money_text(money)}.", True))
        factor = 4 if stable_hash(ask.qid("false")) % 2 else 0.25
        qualifier = {"over": "under", "under": "over"}.get(money.qualifier, money.qualifier)
        if money.qualifier == "over":
            factor = 0.25
        elif money.qualifier == "under":
            factor = 4
        from .choice import round_like

        wrong = round_like(round(money.amount * factor), money.amount)
        out += ctx.attempt(
            lambda: truefalse(ctx, ask, f"{L} had a budget of {money_text(money, wrong, qualifier)}.", False)
        )
        return out

    def audience(self) -> list[Draft]:
        ctx, film, L = self.ctx, self.film, self.L
        aud = film.audience
        if aud is None:
            return []
        where = f" in {ctx.ref(aud.country)}" if aud.country else ""
        count = en.format_int(aud.count)
        if aud.unit == "tickets":
            said = f"{L} sold {{n}} tickets{where}"
            prompt = f"How many tickets did {L} sell{where}? Answer within 5%."
            choice_prompt = f"Roughly how many tickets did {L} sell{where}?"
        else:
            said = f"{L} drew {{n}} admissions{where}"
            prompt = f"How many admissions did {L} draw{where}? Answer within 5%."
            choice_prompt = f"Roughly how many admissions did {L} draw{where}?"
        fact = said.format(n=count) + (f" ({aud.note})" if aud.note else "")
        ask = self.ask("audience", relation="audience", explanation=self.explain(fact))
        out = ctx.attempt(
            lambda: short(
                ctx,
                ask,
                prompt,
                [str(aud.count)],
                kind=None,
                qtype="number",
                tolerance=NUMBER_TOLERANCE,
                template="number",
            )
        )

        def _choice() -> Draft:
            wrong = far_numbers(ask.qid("choice"), aud.count)
            return choice(ctx, ask, choice_prompt, count, [en.format_int(w) for w in wrong], kind=None)

        out += ctx.attempt(_choice)
        out += ctx.attempt(lambda: truefalse(ctx, ask, said.format(n=count) + ".", True))

        def _false() -> Draft:
            (wrong,) = far_numbers(ask.qid("false"), aud.count, k=1)
            return truefalse(ctx, ask, said.format(n=en.format_int(wrong)) + ".", False)

        out += ctx.attempt(_false)
        return out

    def premiere(self) -> list[Draft]:
        ctx, film, L = self.ctx, self.film, self.L
        prem = film.premiere
        if prem is None:
            return []
        fest = ctx.ref(prem.festival)
        fact = f"{L} premiered at {fest}" + (f", where it won {prem.prize}" if prem.prize else "")
        ask = self.ask("premiere", relation="premiere", explanation=self.explain(fact, fest))
        out = entity_questions(
            ctx,
            ask,
            right=[prem.festival],
            kind="festival",
            short_prompt=f"At which festival did {L} premiere?",
            multi_prompt=None,
            choice_prompt=f"At which of these festivals did {L} premiere?",
            candidates=ctx.pool("festivals"),
            unrelated=True,
            statement=lambda f: f"{L} premiered at {ctx.ref(f)}.",
        )
        won = f" and won {prem.prize}" if prem.prize else ""
        prompt = "Which {desc} premiered at " + fest + won + "?"
        out += ctx.attempt(
            lambda: self.reverse(
                ask,
                prem.festival,
                prompt,
                lambda f: f.premiere is not None and f.premiere.festival == prem.festival,
                ctx.films_by_festival.get(prem.festival, []),
            )
        )
        if prem.prize:
            prize_ask = self.ask("prize", relation="prize", explanation=ask.explanation)
            short_fest = _short_name(ctx, prem.festival, avoid=[prem.prize])
            out += ctx.attempt(
                lambda: short(
                    ctx, prize_ask, f"Which prize did {L} win at {short_fest}?", [prem.prize], kind=None
                )
            )
            out += ctx.attempt(
                lambda: truefalse(ctx, prize_ask, f"{L} won {prem.prize} at {short_fest}.", True)
            )
            other_prizes = ctx.text_pool("prizes", ctx.prizes)

            def _false() -> Draft:
                wrong = pick_text(prize_ask.qid("false"), other_prizes, [prem.prize], k=1)
                return truefalse(ctx, prize_ask, f"{L} won {wrong[0]} at {short_fest}.", False)

            out += ctx.attempt(_false)
        return out

    def archive(self) -> list[Draft]:
        ctx, film, L = self.ctx, self.film, self.L
        arc = film.archive
        if arc is None:
            return []
        by, at, where = ctx.ref(arc.found_by), ctx.ref(arc.found_at), ctx.ref(arc.found_in)
        facts = [f"In {arc.found_year} {by} found a print of {L} held by {at} in {where}"]
        if arc.condition:
            facts.append(f"When found, the print was {en.join(arc.condition)}")
        if arc.restored_screening_year:
            event = f" at the {arc.restored_screening_event}" if arc.restored_screening_event else ""
            facts.append(f"The restored film was screened{event} in {arc.restored_screening_year}")
        if arc.distinction:
            facts.append(f"It is the {_strip_article(arc.distinction)}")
        explanation = " ".join(en.sentence(f) for f in facts)
        out: list[Draft] = []

        def ask(part: str) -> Ask:
            return self.ask("archive", part, relation="archive", explanation=explanation)

        found = ask("found-year")
        out += ctx.attempt(
            lambda: short(
                ctx,
                found,
                f"In what year was a print of {L} found?",
                [str(arc.found_year)],
                kind=None,
                qtype="year",
            )
        )

        def _found_choice() -> Draft:
            wrong = near_years(found.qid("choice"), arc.found_year, ctx.latest_year, exclude=[film.year])
            prompt = f"When did a print of {L} turn up?"
            return choice(ctx, found, prompt, str(arc.found_year), [str(y) for y in wrong], kind=None)

        out += ctx.attempt(_found_choice)
        holder = ctx.base.get(arc.found_at)
        out += entity_questions(
            ctx,
            ask("found-at"),
            right=[arc.found_at],
            kind="organisation",
            short_prompt=f"Which {kind_noun(holder)} was storing the print of {L} found in {arc.found_year}?",
            multi_prompt=None,
            choice_prompt=f"Which of these held the print of {L} that came to light in {arc.found_year}?",
            candidates=org_draw(ctx, [arc.found_at], lambda o: o != arc.found_by),
            score=org_score(ctx, [arc.found_at]),
            statement=lambda o: f"The print of {L} found in {arc.found_year} was held by {ctx.ref(o)}.",
        )
        finder = ctx.base.get(arc.found_by)
        out += entity_questions(
            ctx,
            ask("found-by"),
            right=[arc.found_by],
            kind="organisation",
            short_prompt=f"Which {kind_noun(finder)} found the print of {L} in {arc.found_year}?",
            multi_prompt=None,
            choice_prompt=f"Which of these organisations tracked down the print of {L}?",
            candidates=org_draw(ctx, [arc.found_by], lambda o: o != arc.found_at),
            score=org_score(ctx, [arc.found_by]),
            statement=lambda o: f"{ctx.ref(o)} found the print of {L} in {arc.found_year}.",
        )
        where_kind = ctx.base.kind_of[arc.found_in]
        out += ctx.attempt(
            lambda: short(
                ctx,
                ask("found-in"),
                f"Where was the print of {L} found in {arc.found_year}?",
                [ctx.label(arc.found_in)],
                kind=where_kind,
            )
        )
        if arc.restored_screening_year:
            screened = ask("screened")
            year = arc.restored_screening_year
            out += ctx.attempt(
                lambda: short(
                    ctx,
                    screened,
                    f"In what year was the restored {L} screened?",
                    [str(year)],
                    kind=None,
                    qtype="year",
                )
            )

            def _screened_choice() -> Draft:
                wrong = near_years(
                    screened.qid("choice"), year, ctx.latest_year, exclude=[film.year, arc.found_year]
                )
                return choice(
                    ctx,
                    screened,
                    f"When was the restored {L} shown again?",
                    str(year),
                    [str(y) for y in wrong],
                    kind=None,
                )

            out += ctx.attempt(_screened_choice)
        if arc.restored_screening_event:
            out += ctx.attempt(lambda: self.screening_event(ask("event"), arc))
        if arc.distinction:
            out += ctx.attempt(lambda: self.distinction(ask("distinction"), arc))
        return out

    def screening_event(self, ask: Ask, arc: m.Archive) -> list[Draft]:
        ctx, L = self.ctx, self.L
        text = arc.restored_screening_event or ""
        owners = ctx.owners.get(("event", normalise(text)), set())
        when = f" in {arc.restored_screening_year}" if arc.restored_screening_year else ""
        prompt = f"At which event was the restored {L} screened{when}?"
        if len(owners) == 1:
            (event,) = owners
            return entity_questions(
                ctx,
                ask,
                right=[event],
                kind="event",
                short_prompt=prompt,
                multi_prompt=None,
                choice_prompt=f"Which of these events screened the restored {L}?",
                candidates=ctx.pool("events-kind", "event"),
            )
        return [short(ctx, ask, prompt, [text], kind=None)]

    def distinction(self, ask: Ask, arc: m.Archive) -> list[Draft]:
        ctx, film = self.ctx, self.film
        what = _strip_article(arc.distinction or "")
        if normalise(film.title) in normalise(what):
            raise Skip("the distinction names the film")
        distinct_ask = replace(ask, subject=film.id)
        same = normalise(arc.distinction or "")

        def other(f_id: str) -> bool:
            f = ctx.films_by_id[f_id]
            return f_id != film.id and not (
                f.archive and f.archive.distinction and normalise(f.archive.distinction) == same
            )

        era = film.year
        others = Draw(ctx.pool("films"), other, (ctx.pool("films-decade", decade(era)),))

        def score(f: str) -> float:
            return abs(ctx.films_by_id[f].year - era) // 10

        return entity_questions(
            ctx,
            distinct_ask,
            right=[film.id],
            kind="film",
            short_prompt=f"Which film is the {what}?",
            multi_prompt=None,
            choice_prompt=f"Which of these films is the {what}?",
            candidates=others,
            score=score,
            statement=lambda f: f"{ctx.ref(f)} is the {what}.",
        )

    def context(self) -> list[Draft]:
        ctx, film, L = self.ctx, self.film, self.L
        out: list[Draft] = []
        for event_id in dict.fromkeys(film.context):
            event = ctx.base.get(event_id)
            during = event.kind == "period" and _during(event, film.year)
            the = ctx.event(event_id)
            plain = f"{L} came out during {the}" if during else f"{L} is tied to {the}, in {event.start}"
            fact = ctx.fresh(f"{L} is tied to {the}: {ctx.lower_first(event.summary.rstrip('.'))}", plain)
            ask = self.ask("event", event_id, relation="event", explanation=en.sentence(fact))
            if during:

                def outside(e_id: str) -> bool:
                    e = ctx.base.get(e_id)
                    return e_id not in film.context and not _during(e, film.year)

                wrong_pool = Draw(ctx.pool("events-kind", "period"), outside)
                out += entity_questions(
                    ctx,
                    ask,
                    right=[event_id],
                    kind="event",
                    short_prompt=None,
                    multi_prompt=None,
                    choice_prompt=f"During which of these periods did {L} come out?",
                    candidates=wrong_pool,
                    statement=lambda e: f"{L} came out during {ctx.event(e)}.",
                )
            else:
                wrong_pool = Draw(
                    ctx.pool("events"),
                    lambda e: e not in film.context,
                    (ctx.pool("events-kind", event.kind),),
                )
                out += entity_questions(
                    ctx,
                    ask,
                    right=[event_id],
                    kind="event",
                    short_prompt=None,
                    multi_prompt=None,
                    choice_prompt=f"Which of these does the source tie to {L}?",
                    candidates=wrong_pool,
                    score=lambda e, kind=event.kind: 0 if ctx.base.get(e).kind == kind else 1,
                )
        return out

    def language(self) -> list[Draft]:
        ctx, film, L = self.ctx, self.film, self.L
        langs = [lang for lang in film.languages if lang]
        if not langs:
            return []
        fact = f"{L} was made in {en.join(langs)}"
        ask = self.ask("language", relation="language", explanation=self.explain(fact))
        out: list[Draft] = []
        if len(langs) == 1:
            out += ctx.attempt(lambda: short(ctx, ask, f"In which language was {L} made?", langs, kind=None))
        else:
            out += ctx.attempt(
                lambda: multi(ctx, ask, f"Name {en.all_of(len(langs))} languages of {L}.", langs, kind=None)
            )
        out += ctx.attempt(
            lambda: truefalse(ctx, ask, f"{L} was made in {one_of(ask.qid('true'), langs)}.", True)
        )
        others = ctx.text_pool("languages", ctx.languages)

        def _false() -> Draft:
            (wrong,) = pick_text(ask.qid("false"), others, langs, k=1)
            return truefalse(ctx, ask, f"{L} was made in {wrong}.", False)

        out += ctx.attempt(_false)
        return out

    def genre(self) -> list[Draft]:
        ctx, film, L = self.ctx, self.film, self.L
        genres = list(dict.fromkeys(film.genres))
        if not genres:
            return []
        words = [en.humanise(g) for g in genres]
        fact = (
            f"{L} is {en.with_article(en.join(words))} film"
            if len(words) > 1
            else f"{L} is {en.with_article(words[0])} film"
        )
        if film.kind == "documentary" and genres == ["documentary"]:
            fact = f"{L} is a documentary"
        ask = self.ask("genre", relation="genre", explanation=self.explain(fact))
        banned: set[str] = set()
        for g in genres:
            banned |= genre_family(g)
        pool = [en.humanise(g) for g in GENRES if g not in banned]
        out: list[Draft] = []

        def _choice() -> Draft:
            right = en.humanise(one_of(ask.qid("choice"), genres))
            wrong = pick_text(ask.qid("choice"), pool, words)
            return choice(ctx, ask, f"Which of these genres does {L} belong to?", right, wrong, kind=None)

        out += ctx.attempt(_choice)

        def said(genre: str) -> str:
            if genre == "documentary":
                return f"{L} is a documentary."
            return f"{L} is {en.with_article(genre)} film."

        out += ctx.attempt(
            lambda: truefalse(ctx, ask, said(en.humanise(one_of(ask.qid("true"), genres))), True)
        )

        def _false() -> Draft:
            (wrong,) = pick_text(ask.qid("false"), pool, words, k=1)
            return truefalse(ctx, ask, said(wrong), False)

        out += ctx.attempt(_false)
        return out

    def plot(self) -> list[Draft]:
        """Which film is this? A profiled film told by its story."""
        ctx, film = self.ctx, self.film
        if not film.profiled:
            return []
        ctx.title(film)  # the answer is the bare title: it must name one film
        summary = film.summary.strip()
        if any(normalise(t) in normalise(summary) for t in (film.title, *film.aliases)):
            return []
        kind_of = ctx.base.kind_of
        if any(f != film.id and kind_of[f] == "film" for f in ctx.summary_owners.get(normalise(summary), ())):
            return []
        ask = Ask(
            key=question_id(film.id, "plot"),
            relation=None,
            topic="films",
            subject=film.id,
            source=film.source,
            explanation=self.told_story(),
            films=(film.id,),
            passing=False,
            level=3,
        )
        profiled = Draw(ctx.pool("films-profiled"), lambda f: f != film.id)
        text = summary if summary.endswith((".", "!", "?")) else summary + "."
        return entity_questions(
            ctx,
            ask,
            right=[film.id],
            kind="film",
            short_prompt=f"Which film tells this story? {text}",
            multi_prompt=None,
            choice_prompt=f"Which of these films tells this story? {text}",
            candidates=profiled,
        )


def _during(event: m.Event, year: int) -> bool:
    """Whether `year` falls in an event's years; a period with no end given runs on (Covid-19)."""
    if event.end is None and event.kind == "period":
        return event.start <= year
    return event.start <= year <= (event.end or event.start)


def _strip_article(text: str) -> str:
    for article in ("the ", "a ", "an "):
        if text.lower().startswith(article):
            return text[len(article) :]
    return text


def _short_name(ctx: Ctx, entity_id: str, avoid: Iterable[str] = ()) -> str:
    """The entity's name, or its shortest alias that names it alone when the name gives `avoid` away."""
    label = ctx.ref(entity_id)
    banned = [normalise(a) for a in avoid]
    if not any(b and b in normalise(label) for b in banned):
        return label
    kind = ctx.base.kind_of[entity_id]
    for alias in sorted(ctx.base.aliases(entity_id), key=len):
        if ctx.owners.get((kind, normalise(alias))) == {entity_id} and not any(
            b in normalise(alias) for b in banned
        ):
            return alias
    raise Skip(f"every name of {entity_id} gives the answer away")


def orderable(ctx: Ctx, films: Iterable[m.Film], limit: int | None = None) -> list[m.Film]:
    """Films that can go in an order question: named by title alone, one per year (the first `limit`)."""
    out: list[m.Film] = []
    years: set[int] = set()
    for f in films:
        if len(out) == limit:
            break
        try:
            ctx.title(f)
        except Skip:
            continue
        if f.year not in years:
            out.append(f)
            years.add(f.year)
    return out


def order_question(
    ctx: Ctx, ask: Ask, films: list[m.Film], prompt: str, *, suffix: tuple[str, ...] = ("order",)
) -> Draft:
    """Put 3-4 films (of different years) in release order."""
    from ..packs.load import shuffled

    if len(films) < 3 or len({f.year for f in films}) != len(films):
        raise Skip("an order question needs three films of different years")
    ordered = sorted(films, key=lambda f: f.year)
    titles = [f.title for f in ordered]
    qid = ask.qid(*suffix)
    explanation = en.sentence("In order: " + en.join([f"{f.title} ({f.year})" for f in ordered]))
    return ctx.make(
        qid,
        "order",
        prompt,
        titles,
        choices=shuffled(titles, qid),
        relation="year",
        topic=ask.topic,
        subject=ask.subject,
        source=ask.source,
        explanation=explanation,
        films=ask.films,
        template="order",
        level=2,
        passing=ask.passing,
    )


def order_around(ctx: Ctx, film: m.Film, ask: Ask) -> Draft:
    """The film and three others, the source's profiled films first, in release order.

    The films picked are the answer, not distractors, so they are ranked whole at any size: this
    question costs as much as there are profiled films (the rest are reached only when the
    profiled films cannot fill it).
    """
    by_id = ctx.films_by_id
    key = ask.qid("order")

    def other(f: str) -> bool:
        return f != film.id and by_id[f].year != film.year

    pool = itertools.chain(
        ranked(key, Draw(ctx.whole_pool("films-profiled"), other)),
        ranked(key, Draw(ctx.whole_pool("films-unprofiled"), other)),
    )
    picked = orderable(ctx, itertools.chain([film], (by_id[f] for f in pool)), limit=4)
    title = ctx.title(film)
    prompt = (
        f"Put {title} and {en.number_word(len(picked) - 1)} other films in order of release, earliest first."
    )
    return order_question(ctx, ask, picked, prompt)


def film_questions(ctx: Ctx, film: m.Film) -> list[Draft]:
    """Every question on one film."""
    try:
        family = FilmQuestions(ctx, film)
    except Skip as exc:
        ctx.rejected.append((film.id, str(exc)))
        return []
    return family.all()


def film_drafts(ctx: Ctx) -> list[Draft]:
    return [d for film in ctx.base.films for d in film_questions(ctx, film)]
