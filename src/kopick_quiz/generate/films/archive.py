"""A lost film's print: when and where it was found, by whom, and its restored screening."""

from __future__ import annotations

from dataclasses import replace

from ...facts import model as m
from ...text import normalise
from .. import english as en
from ..choice import Ask, Draw, choice, entity_questions, near_years, org_draw, org_score, short
from ..core import Draft, Skip, decade
from ..recipe import Recipe
from .ctx import FilmCtx
from .words import kind_noun


def archive(fc: FilmCtx) -> list[Draft]:
    ctx, film, L = fc.ctx, fc.film, fc.L
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
        return fc.ask("archive", part, relation="archive", explanation=explanation)

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
        out += ctx.attempt(lambda: screening_event(fc, ask("event"), arc))
    if arc.distinction:
        out += ctx.attempt(lambda: distinction(fc, ask("distinction"), arc))
    return out


def screening_event(fc: FilmCtx, ask: Ask, arc: m.Archive) -> list[Draft]:
    ctx, L = fc.ctx, fc.L
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


def distinction(fc: FilmCtx, ask: Ask, arc: m.Archive) -> list[Draft]:
    ctx, film = fc.ctx, fc.film
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


def _strip_article(text: str) -> str:
    for article in ("the ", "a ", "an "):
        if text.lower().startswith(article):
            return text[len(article) :]
    return text


ARCHIVE = Recipe(archive, ("archive",))
