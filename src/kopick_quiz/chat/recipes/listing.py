"""Films meeting every condition a question names: people, companies, places, festivals, events,
years, decades and genres ("Korean horror films shot in Thailand in the 2010s").

Each kind of entity says how it narrows the list with a `listing_filter` in its own module.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..compose import MAX_LISTED, Answer
from ..intents import words
from ..reply import Outcome
from ..wording import count, join
from .registry import Filter, filter_for

# Cues that ask for films: with them, a year lists films only; without, what happened then too.
FILM_LIST_CUES = words(
    "list make count release direct produce coproduce cast shoot location set company write genre"
)


def listing(ans: Answer, entities: list[str], cues: frozenset[str]) -> Outcome:
    """Films meeting every condition named: people, companies, places, years, genres."""
    q = ans.question
    filters = [_filter(ans, e, cues) for e in entities]
    filters += [
        Filter(f"that came out in {y}", {f.id: None for f in ans.brain.films_in_year.get(y, [])})
        for y in q.years
    ]
    for decade in q.decades:
        films = {f.id: None for y in range(decade, decade + 10) for f in ans.brain.films_in_year.get(y, [])}
        filters.append(Filter(f"from the {decade}s", films))
    genre_films = None
    for genre in q.genres:
        ids = {f.id for f in ans.brain.films_by_genre.get(genre, [])}
        genre_films = ids if genre_films is None else genre_films & ids
    adjective = " ".join(g.replace("-", " ") for g in q.genres)
    if not filters and genre_films is None:
        return ans.not_known(ans.unknown_words, cues)

    # A person asked about in a role the base never gives them: say what they did do.
    if len(filters) == 1 and filters[0].missing_role and filters[0].entity:
        pid = filters[0].entity
        credits = ans.credits(pid)
        text = f"I don't know of any film {ans.name(pid)} {filters[0].missing_role}: the fact base has none."
        if credits:
            text += f" It credits {ans.name(pid)} on {join([ans.item(f, n) for f, n in credits.items()])}."
        return ans.unknown(text, pid, cues)

    kept: list[str] | None = None
    for flt in filters:
        kept = list(flt.films) if kept is None else [f for f in kept if f in flt.films]
    if kept is None:
        kept = list(genre_films or ())
    if genre_films is not None:
        kept = [f for f in kept if f in genre_films]
    kept.sort(key=lambda f: (ans.brain.film(f).year, ans.brain.film(f).title))
    noted = [flt for flt in filters if any(flt.films.values())]
    notes = noted[0].films if len(noted) == 1 else {}
    phrases = " ".join(
        flt.phrase if i == 0 or flt.phrase.startswith(("that", "from")) else f"and {flt.phrase}"
        for i, flt in enumerate(filters)
    )
    noun = f"{adjective} film" if adjective else "film"
    subject = kept[0] if len(kept) == 1 else next((e for e in entities), None)
    ans.cite(*[e for e in entities])
    countries = [e for e in entities if ans.brain.kind(e) == "country"]
    wants_events = bool(cues & {"event", "audience"}) or not (cues & FILM_LIST_CUES or q.genres)
    events = ""
    if wants_events and len(countries) == len(entities) and (q.years or q.decades):
        events = _events_of(ans, q.years, q.decades, countries)
    if not kept:
        text = f"I don't know of any {noun} {phrases}: the fact base has none.".replace("  ", " ")
        if events:
            return ans.reply(f"{events}\nThe fact base has no {noun} {phrases}.", subject, "answer", cues)
        text = text.replace(" :", ":")
        near = _set_not_shot(ans, filters)
        return ans.unknown(f"{text} {near}" if near else text, subject, cues)
    shown = [ans.item(f, notes.get(f)) for f in kept[:MAX_LISTED]]
    more = f" and {len(kept) - MAX_LISTED:,} more" if len(kept) > MAX_LISTED else ""
    head = f"{count(len(kept), noun)} {phrases}".rstrip()
    text = f"{head}: {', '.join(shown) + more if more else join(shown)}."
    text = text[0].upper() + text[1:]
    if events:
        text = f"{events}\n{text}" if cues & {"event", "audience"} else f"{text}\n{events}"
    return ans.reply(text, subject, "answer", cues)


def _events_of(ans, years: Sequence[int], decades: Sequence[int] = (), countries: Sequence[str] = ()) -> str:
    """`In 2016: THAAD missile crisis (2016), the dispute that ...`, or nothing."""
    spans = [(y, y) for y in years] + [(d, d + 9) for d in decades]
    events = [
        e
        for e in ans.base.facts.events
        if any(e.start <= last and (e.end or e.start) >= first for first, last in spans)
    ]
    if countries:
        events = [e for e in events if set(e.countries) & set(countries)] or events
    if not events:
        return ""
    ans.cite(*[e.id for e in events])
    labels = [
        f"{ans.name(e.id)} ({e.start}–{e.end})" if e.end else f"{ans.name(e.id)} ({e.start})" for e in events
    ]
    when = join([str(y) for y in years] + [f"the {d}s" for d in decades])
    if len(events) == 1:
        summary = events[0].summary
        return f"In {when}: {labels[0]}. {summary}"
    return f"In {when}: {join(labels[:MAX_LISTED])}."


def _set_not_shot(ans: Answer, filters: list[Filter]) -> str:
    """For "shot in X" that finds nothing: the films set there, whose shooting the base leaves out."""
    shot = [f for f in filters if f.phrase.startswith("shot in ") and f.entity]
    if len(shot) != 1:
        return ""
    set_there = {f.id for f in ans.brain.films_by_place["settings"].get(shot[0].entity, [])}
    for flt in filters:
        if flt is not shot[0]:
            set_there &= set(flt.films)
    if not set_there:
        return ""
    items = [ans.item(f) for f in sorted(set_there, key=lambda f: ans.brain.film(f).year)[:MAX_LISTED]]
    where = ans.base.label(shot[0].entity)
    if len(items) == 1:
        return f"It does not say where {items[0]} was shot, but its story is set in {where}."
    return f"It does not say where these were shot, but their stories are set in {where}: {join(items)}."


def _filter(ans: Answer, entity_id: str, cues: frozenset[str]) -> Filter:
    name = ans.name(entity_id)
    make = filter_for(ans.brain.kind(entity_id))
    if make is None:
        return Filter(f"named {name}", {entity_id: None}, entity_id)
    return make(ans, entity_id, name, cues)
