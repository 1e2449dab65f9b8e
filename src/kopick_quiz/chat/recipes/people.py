"""Questions about a person: whom they married, when they died, where they are from, their
films; and how a person narrows a film listing ("films Bong Joon Ho directed")."""

from __future__ import annotations

from ...facts import model as m
from ..compose import Answer
from ..intents import role_of
from ..reply import Outcome
from ..wording import ROLE_LABEL, ROLE_PHRASE, ROLE_VERB, date, join
from .listing import listing
from .registry import Filter, Rule, always, entity_recipe, listing_filter


def _lists_films(cues: frozenset[str]) -> bool:
    return bool(cues & {"list", "make", "count"} or role_of(cues))


@entity_recipe("person", "spouse", Rule(10, lambda a, person: "spouse" in a.cues))
def spouse(ans: Answer, pid: str, entities: list[str], cues: frozenset[str]) -> Outcome:
    """Answers "Whom did Shin Sang-ok marry?"; the answer is about the spouse next."""
    name = ans.name(pid)
    partner = ans.brain.spouses.get(pid)
    if partner is None:
        return ans.unknown(f"I don't know whom {name} married: the fact base does not say.", pid, cues)
    ans.cite(partner)
    # The answer is the spouse: "what did she act in?" is about them next.
    return ans.reply(f"{name} was married to {ans.name(partner)}.", partner, "answer", cues)


@entity_recipe(
    "person", "died", Rule(20, lambda a, person: "died" in a.cues or ("age" in a.cues and bool(person.died)))
)
def died(ans: Answer, pid: str, entities: list[str], cues: frozenset[str]) -> Outcome:
    """Answers "When did Linda Lin Dai die?", "How old was she?"."""
    person: m.Person = ans.base.by_id[pid]
    name = ans.name(pid)
    if not person.died:
        return ans.unknown(f"I don't know when {name} died: the fact base does not say.", pid, cues)
    text = f"{name} died in {date(person.died)}"
    text += f", aged {person.age_at_death}." if person.age_at_death is not None else "."
    notes = [n for n in person.notes if "died" in n.lower()]
    text += "".join(f" {n}" for n in notes[:1])
    return ans.reply(text, pid, "answer", cues)


@entity_recipe(
    "person",
    "nationality",
    Rule(30, lambda a, person: "nationality" in a.cues or ("where" in a.cues and not _lists_films(a.cues))),
)
def nationality(ans: Answer, pid: str, entities: list[str], cues: frozenset[str]) -> Outcome:
    """Answers "Where is Bong Joon Ho from?"."""
    person: m.Person = ans.base.by_id[pid]
    name = ans.name(pid)
    if not person.nationality:
        return ans.unknown(f"I don't know where {name} is from: the fact base does not say.", pid, cues)
    return ans.reply(f"{name} is from {ans.name(person.nationality)}.", pid, "answer", cues)


@entity_recipe("person", "films", Rule(40, lambda a, person: _lists_films(a.cues)))
def films(ans: Answer, pid: str, entities: list[str], cues: frozenset[str]) -> Outcome:
    """Answers "Which films did Bong Joon Ho direct?": his films, in the role asked about."""
    ans.name(pid)
    return listing(ans, entities, cues)


@entity_recipe("person", "card", Rule(1000, always))
def card(ans: Answer, pid: str, entities: list[str], cues: frozenset[str]) -> Outcome:
    """Answers "Who is Bong Joon Ho?": who they are, their films, companies, spouse."""
    person: m.Person = ans.base.by_id[pid]
    name = ans.name(pid)
    head = name + (f" ({ans.name(person.nationality)})" if person.nationality else "")
    lines = [f"{head}, {join([r.replace('-', ' ') for r in person.roles])}. {person.summary}"]
    credits = ans.credits(person.id)
    if credits:
        lines.append(f"In the fact base: {join([ans.item(f, note) for f, note in credits.items()])}.")
    for role, org in ans.brain.organisations_of_person.get(person.id, []):
        lines.append(f"{role.capitalize()} of {ans.name(org.id)}.")
    partner = ans.brain.spouses.get(person.id)
    if partner:
        lines.append(f"Married to {ans.name(partner)}.")
    if person.died:
        age = f", aged {person.age_at_death}" if person.age_at_death is not None else ""
        lines.append(f"Died {date(person.died)}{age}.")
    return ans.reply("\n".join(lines), pid, "answer", cues)


@listing_filter("person")
def person_filter(ans: Answer, pid: str, name: str, cues: frozenset[str]) -> Filter:
    """The films of a person, in the role the question's verbs name ("directed by ..."), or any."""
    role = role_of(cues)
    credits: dict[str, list[str]] = {}
    for film_role, film in ans.base.credits_of.get(pid, ()):
        if role is None or film_role == role:
            credits.setdefault(film.id, []).append(ROLE_LABEL[film_role])
    if role:
        missing = None if credits else ROLE_VERB[role]
        return Filter(ROLE_PHRASE[role].format(name), {f: None for f in credits}, pid, missing)
    return Filter(f"with {name}", {f: join(r) for f, r in credits.items()}, pid)
