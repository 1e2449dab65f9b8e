"""The companies credited on a film, and what each did (produced, financed, distributed ...)."""

from __future__ import annotations

from .. import english as en
from ..choice import COMPANY_KINDS, entity_questions, multi, org_draw, org_score
from ..core import Draft
from ..recipe import Recipe
from .ctx import FilmCtx
from .words import org_descriptor, roles_active


def studios(fc: FilmCtx) -> list[Draft]:
    ctx, film, L = fc.ctx, fc.film, fc.L
    if not film.companies:
        return []
    roles: dict[str, list[str]] = {}
    for credit in film.companies:
        roles.setdefault(credit.organisation, []).append(credit.role)
    orgs = list(roles)
    fact = f"{L} was {en.join(fc.company_clauses())}"
    out: list[Draft] = []
    credited = set(orgs)
    for o in orgs:
        verb = roles_active(roles[o])
        desc = org_descriptor(ctx, o)
        same = [x for x in orgs if org_descriptor(ctx, x) == desc and roles_active(roles[x]) == verb]
        ask = fc.ask(
            "studio", o, relation="studio", explanation=fc.explain(fact, ctx.label(o), focus="studio")
        )
        noun = "companies" if fc.base.get(o).kind in COMPANY_KINDS else "organisations"
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
            lambda o=o, prompt=prompt, ask=ask: fc.reverse(
                ask,
                o,
                prompt,
                lambda f, o=o: any(c.organisation == o and c.role in roles[o] for c in f.companies),
                [f for _, f in fc.base.films_of_organisation.get(o, [])],
                exclude=[o],
            )
        )
    if len(orgs) >= 2:
        ask = fc.ask("studio", relation="studio", explanation=fc.explain(fact, focus="studio"))
        prompt = f"Name {en.number_word(len(orgs))} companies credited on {L}."
        out += ctx.attempt(lambda: multi(ctx, ask, prompt, [ctx.label(o) for o in orgs], kind="organisation"))
    return out


STUDIOS = Recipe(studios, ("studio",))
