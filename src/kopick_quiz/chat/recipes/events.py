"""Questions about an event or era: when it was, the films tied to it, what came next; and how
an event narrows a film listing."""

from __future__ import annotations

from ...facts import model as m
from ..compose import MAX_LISTED, Answer
from ..reply import Outcome
from ..wording import join
from .listing import listing
from .registry import Filter, Rule, always, entity_recipe, listing_filter


@entity_recipe("event", "films", Rule(10, lambda a, event: bool(a.cues & {"list", "count"})))
def films(ans: Answer, eid: str, entities: list[str], cues: frozenset[str]) -> Outcome:
    """Answers "Which films are tied to the Korean War?"."""
    return listing(ans, entities, cues)


@entity_recipe("event", "card", Rule(1000, always))
def card(ans: Answer, eid: str, entities: list[str], cues: frozenset[str]) -> Outcome:
    """The event, its dates ("when" puts them first), its films, and ("after") what came next."""
    event: m.Event = ans.base.by_id[eid]
    name = ans.name(eid)
    if "when" in cues:
        when = f"lasted from {event.start} to {event.end}" if event.end else f"was in {event.start}"
        lines = [f"{ans.the(name)} {when}. {event.summary}"]
    else:
        when = f"{event.start}–{event.end}" if event.end else f"{event.start}"
        lines = [f"{name} ({when}). {event.summary}"]
    films = ans.brain.films_by_event.get(eid, [])
    if films:
        lines.append(f"Films tied to it: {join([ans.item(f.id) for f in films[:MAX_LISTED]])}.")
    if "after" in cues:
        later = sorted(
            (e for e in ans.base.facts.events if e.start > (event.end or event.start)),
            key=lambda e: e.start,
        )[:3]
        if later:
            ans.cite(*[e.id for e in later])
            labels = [f"{ans.name(e.id)} ({e.start})" for e in later]
            lines.append(f"Next in the fact base's timeline: {join(labels)}.")
    return ans.reply("\n".join(lines), eid, "answer", cues)


@listing_filter("event")
def event_filter(ans: Answer, eid: str, name: str, cues: frozenset[str]) -> Filter:
    """The films tied to an event."""
    the = ans.the(name)
    return Filter(
        f"tied to {the[0].lower()}{the[1:]}", {f.id: None for f in ans.brain.films_by_event.get(eid, [])}, eid
    )
