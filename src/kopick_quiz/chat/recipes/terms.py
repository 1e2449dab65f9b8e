"""Questions about a term (an exam, a group of universities): what it means, what it groups, the
films tied to it; and how a term narrows a film listing."""

from __future__ import annotations

from ...facts import model as m
from ..compose import MAX_LISTED, Answer
from ..reply import Outcome
from ..wording import join
from .registry import Filter, Rule, always, entity_recipe, listing_filter


@entity_recipe("term", "card", Rule(1000, always))
def card(ans: Answer, tid: str, entities: list[str], cues: frozenset[str]) -> Outcome:
    """Answers "What is the Suneung?": its definition, what it groups, its films."""
    term: m.Term = ans.base.by_id[tid]
    name = ans.name(tid)
    also = f" (also {join(term.aliases, 'or')})" if term.aliases else ""
    lines = [f"{name}{also}: {term.definition}"]
    if term.members:
        ans.cite(*term.members)
        lines.append(f"It groups {join([ans.name(e) for e in term.members])}.")
    if term.month:
        lines.append(f"It takes place every {term.month}.")
    films = ans.brain.films_mentioning(tid)
    if films:
        lines.append(f"Films the fact base ties to it: {join([ans.item(f) for f in films[:MAX_LISTED]])}.")
    return ans.reply("\n".join(lines), tid, "answer", cues)


@listing_filter("term")
def term_filter(ans: Answer, tid: str, name: str, cues: frozenset[str]) -> Filter:
    """The films a term groups."""
    members = {e: None for e in ans.base.by_id[tid].members if ans.brain.kind(e) == "film"}
    return Filter(f"grouped as {name}", members, tid)
