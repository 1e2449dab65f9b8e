"""The cast: who appeared in a film, its leads, and who played whom."""

from __future__ import annotations

from ...facts import model as m
from ...text import normalise
from .. import english as en
from ..choice import entity_questions, multi, person_draw, person_score, short
from ..core import Draft
from ..recipe import Recipe
from .ctx import FilmCtx


def cast(fc: FilmCtx) -> list[Draft]:
    ctx, film, L = fc.ctx, fc.film, fc.L
    if not film.cast:
        return []
    members = list(dict.fromkeys(c.person for c in film.cast))
    names = [ctx.ref(p) for p in members]
    fact = f"The cast of {L} includes {en.join(names)}"
    ask = fc.ask("cast", relation="cast", explanation=fc.explain(fact))
    out: list[Draft] = []
    leads = list(dict.fromkeys(c.person for c in film.cast if c.lead))
    if len(leads) >= 2:
        lead_ask = fc.ask(
            "cast",
            "leads",
            relation="cast",
            explanation=en.sentence(f"The leads of {L} were {en.join([ctx.ref(p) for p in leads])}"),
        )
        prompt = f"Name {en.all_of(len(leads))} leading actors of {L}."
        out += ctx.attempt(lambda: multi(ctx, lead_ask, prompt, [ctx.label(p) for p in leads], kind="person"))
    out += entity_questions(
        ctx,
        ask,
        right=members,
        kind="person",
        short_prompt=None,
        multi_prompt=None,
        choice_prompt=f"Which of these actors appeared in {L}?",
        candidates=person_draw(ctx, "actor", members, fc.far_actor(members), within="actor"),
        score=person_score(ctx, "actor", members, None),
        statement=lambda p: f"{ctx.ref(p)} appeared in {L}.",
    )
    for p in members:
        prompt = "Which {desc} featured " + ctx.ref(p) + " in its cast?"
        out += ctx.attempt(
            lambda p=p, prompt=prompt: fc.reverse(
                ask,
                p,
                prompt,
                lambda f, p=p: p in {c.person for c in f.cast},
                fc.credited(p),
                suffix=(p, "reverse"),
            )
        )
    return out


def characters(fc: FilmCtx) -> list[Draft]:
    ctx, film = fc.ctx, fc.film
    out: list[Draft] = []
    seen: set[str] = set()
    for member in film.cast:
        if not member.character or member.person in seen:
            continue
        seen.add(member.person)
        out += ctx.attempt(lambda member=member: character(fc, member))
    return out


def character(fc: FilmCtx, member: m.CastMember) -> list[Draft]:
    ctx, film, L = fc.ctx, fc.film, fc.L
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
    ask = fc.ask("character", member.person, relation="character", explanation=fc.explain(fact))
    same_film = [c.person for c in film.cast if c.person not in players]
    far = fc.far_actor(players + same_film)
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


CAST = Recipe(cast, ("cast",))
CHARACTERS = Recipe(characters, ("character",))
