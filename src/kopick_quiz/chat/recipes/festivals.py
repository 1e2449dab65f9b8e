"""Questions about a festival: where it is, its prizes, the films that premiered there; and how
a festival narrows a film listing."""

from __future__ import annotations

from ...facts import model as m
from ..compose import MAX_LISTED, Answer
from ..reply import Outcome
from ..wording import join
from .listing import listing
from .registry import Filter, Rule, always, entity_recipe, listing_filter


@entity_recipe("festival", "films", Rule(10, lambda a, festival: bool(a.cues & {"list", "count"})))
def films(ans: Answer, fid: str, entities: list[str], cues: frozenset[str]) -> Outcome:
    """Answers "Which films premiered at BIFAN?"."""
    return listing(ans, entities, cues)


@entity_recipe("festival", "card", Rule(1000, always))
def card(ans: Answer, fid: str, entities: list[str], cues: frozenset[str]) -> Outcome:
    """Answers "Tell me about BIFAN"."""
    festival: m.Festival = ans.base.by_id[fid]
    name = ans.name(fid)
    where = ans.name(festival.city) + ", " if festival.city else ""
    also = f" ({join(festival.aliases, 'or')})" if festival.aliases else ""
    lines = [f"{name}{also}, in {where}{ans.name(festival.country)}. {festival.summary}"]
    if festival.prizes:
        lines.append(f"Prizes: {join(festival.prizes)}.")
    films = ans.brain.films_by_festival.get(fid, [])
    if films:
        items = [
            ans.item(f.id) + (f", which won {f.premiere.prize}" if f.premiere and f.premiere.prize else "")
            for f in films[:MAX_LISTED]
        ]
        lines.append(f"Films that premiered there: {join(items)}.")
    return ans.reply("\n".join(lines), fid, "answer", cues)


@listing_filter("festival")
def festival_filter(ans: Answer, fid: str, name: str, cues: frozenset[str]) -> Filter:
    """The films that premiered at a festival."""
    films_there = {f.id: None for f in ans.brain.films_by_festival.get(fid, [])}
    return Filter(f"that premiered at the {name}", films_there, fid)
