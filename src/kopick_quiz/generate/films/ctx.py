"""What every film recipe shares: the film, its name, question ids, explanations, reverse questions."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

from ...facts import model as m
from ...text import normalise
from .. import english as en
from ..choice import Ask, film_people, short
from ..core import Ctx, Draft, Skip, question_id
from .words import HOME, ROLE_ACTIVE, org_descriptor, roles_active


class FilmCtx:
    """One film as its recipes see it: the film, its label `L`, and the helpers every recipe uses."""

    def __init__(self, ctx: Ctx, film: m.Film) -> None:
        self.ctx = ctx
        self.base = ctx.base
        self.film = film
        self.L = ctx.film(film)  # Skip when the film cannot be named unambiguously
        self.passing = not film.profiled

    def ask(self, *key: str, relation: str | None, explanation: str, level: int | None = None) -> Ask:
        """What the questions on one fact of the film share; `key` follows the film id in their ids."""
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
