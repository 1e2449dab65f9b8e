"""Who made a film: its director, writer, cinematographer, art director and cast, and what a
person named beside a film did on it ("Is Kim Jin-gyu in Tyrant?")."""

from __future__ import annotations

from ...facts import model as m
from ..compose import Answer, Found, character_words
from ..intents import role_of
from ..linking import fold
from ..wording import ROLE_LABEL, ROLE_VERB, VERSION, join, version_note
from .registry import Rule, film_relation, probing


@film_relation("later", Rule(5, lambda a: "after" in a.cues and "person" in a.kinds), cues="after")
def later(ans: Answer, film: m.Film, others: list[str]) -> Found:
    """Answers "What did Bong Joon Ho direct after Snowpiercer?": the person's later films in the
    base (in the role the question's verb names, if one), earliest first."""
    person = next(e for e in others if ans.brain.kind(e) == "person")
    name = ans.name(person)
    role = role_of(ans.question.cues)
    roles: dict[str, list[str]] = {}
    for film_role, other in ans.base.credits_of.get(person, ()):
        if other.year > film.year and (role is None or film_role == role):
            roles.setdefault(other.id, []).append(ROLE_LABEL[film_role])
    doing = ROLE_VERB[role] if role else "worked on"
    if not roles:
        return f"The fact base has no film {name} {doing} after {ans.item(film.id)}.", [], False
    later_films = sorted(roles, key=lambda f: ans.brain.film(f).year)
    items = [ans.item(f, None if role else join(roles[f])) for f in later_films]
    return f"After {ans.item(film.id)}, {name} {doing} {join(items)}.", later_films, True


@film_relation(
    "director",
    Rule(120, lambda a: "direct" in a.cues or ("make" in a.cues and "who" in a.cues)),
    cues="direct",
    verdict=probing("person"),
)
def director(ans: Answer, film: m.Film, others: list[str]) -> Found:
    """Answers "Who directed The Medium?"."""
    if not film.directors:
        return ans.dont_know("who directed {film}", film), [], False
    people = ans.people(film.directors, countries=len(film.directors) > 1)
    text = f"{ans.name(film.id)} was directed by {people}.{ans.notes(film, 'director', 'directed')}"
    return text, list(film.directors), True


@film_relation("writer", Rule(130, lambda a: "write" in a.cues), cues="write", verdict=probing("person"))
def writer(ans: Answer, film: m.Film, others: list[str]) -> Found:
    """Answers "Who wrote The Medium?"; without a writer, the work it is based on."""
    if not film.writers:
        text = ans.dont_know("who wrote {film}", film)
        if film.based_on:
            text += f" It is based on {ans.work(film.based_on)}."
        return text, [], False
    text = f"{ans.name(film.id)} was written by {ans.people(film.writers)}."
    return text + ans.notes(film, "wrote", "writer", "script"), list(film.writers), True


@film_relation(
    "cinematographer",
    Rule(20, lambda a: "cinematography" in a.cues),
    # "who shot it": a camera; "was it shot in Japan": a place (the location's rule, next).
    Rule(42, lambda a: "shoot" in a.cues and ("who" in a.cues or not a.kinds & {"place", "country"})),
    cues="cinematography",
    verdict=probing("person"),
)
def cinematographer(ans: Answer, film: m.Film, others: list[str]) -> Found:
    """Answers "Who shot Parasite?", "Who was the cinematographer?"."""
    if not film.cinematographers:
        return ans.dont_know("who shot {film}", film), [], False
    people = ans.people(film.cinematographers)
    text = f"{ans.name(film.id)} was shot by the cinematographer {people}."
    text += ans.notes(film, "filmed", "cinematographer", "colour", limit=1)
    return text, list(film.cinematographers), True


@film_relation("art", Rule(10, lambda a: "art" in a.cues), cues="art", verdict=probing("person"))
def art(ans: Answer, film: m.Film, others: list[str]) -> Found:
    """Answers "Who was the art director of Asako in Ruby Shoes?"."""
    if not film.art_directors:
        return ans.dont_know("who was art director on {film}", film), [], False
    text = f"The art director of {ans.name(film.id)} was {ans.people(film.art_directors)}."
    return text, list(film.art_directors), True


@film_relation(
    "cast",
    Rule(150, lambda a: "cast" in a.cues),
    Rule(280, lambda a: "who" in a.cues and "card" not in a.cues),  # "who is in it", not "who is it"
    cues="cast",
    verdict=probing("person"),
)
def cast(ans: Answer, film: m.Film, others: list[str]) -> Found:
    """Answers "Who starred in Tyrant?", "Who played Woo-in?", "Is Chris Evans in the cast?"."""
    if not film.cast:
        return ans.dont_know("who starred in {film}", film), [], False
    people_asked = [e for e in others if ans.brain.kind(e) == "person"]
    if people_asked and len(people_asked) == 1:
        member = next((c for c in film.cast if c.person == people_asked[0]), None)
        if member is not None:
            text = f"{ans.name(member.person)} is in the cast of {ans.name(film.id)}{role_in(member)}."
            return text, [c.person for c in film.cast], True
    # "Who played Woo-in?": a character of the film named in the question.
    asked = f" {fold(ans.question.text)} "
    loose = set(ans.question.unknown_words)
    playing = [
        c
        for c in film.cast
        if c.character and (f" {fold(c.character)} " in asked or loose & character_words(c.character))
    ]
    if playing:
        character = playing[0].character
        players = join([ans.name(c.person) + version_note(c) for c in playing])
        text = f"In {ans.name(film.id)}, {character} was played by {players}."
        return text, [c.person for c in playing], True
    leads = [c for c in film.cast if c.lead] or list(film.cast)
    rest = [c for c in film.cast if c not in leads]
    listed = join([ans.name(c.person) + cast_note(c) for c in leads])
    text = f"{ans.name(film.id)} starred {listed}."
    if rest:
        text += f" The cast also included {join([ans.name(c.person) + cast_note(c) for c in rest])}."
    text += ans.notes(film, "version", "female lead", "male lead", limit=1)
    return text, [c.person for c in film.cast], True


def cast_note(member: m.CastMember) -> str:
    """` (Princess Miao, Korean version)`, for lists of names."""
    parts = [p for p in (member.character, VERSION.get(member.version or "")) if p]
    return f" ({', '.join(parts)})" if parts else ""


def role_in(member: m.CastMember) -> str:
    """` as Princess Miao, in the Korean version`, for the end of a sentence."""
    text = f" as {member.character}" if member.character else ""
    if member.version:
        text += f", in {'the ' if member.version != 'both' else ''}{VERSION[member.version]}"
    return text


@film_relation(
    "involvement",
    Rule(
        140,
        lambda a: (
            "person" in a.kinds
            and not a.cues & {"release", "based", "remake", "premiere", "archive", "genre"}
        ),
    ),
)
def involvement(ans: Answer, film: m.Film, others: list[str]) -> Found:
    """What the people named did on the film ("Is Kim Jin-gyu in Tyrant?")."""
    texts = []
    values: list[str] = []
    for pid in [e for e in others if ans.brain.kind(e) == "person"]:
        roles = [r for r, f in ans.base.credits_of.get(pid, ()) if f.id == film.id]
        if not roles:
            texts.append(
                f"The fact base does not credit {ans.name(pid)} on {ans.name(film.id)}."
                f" {card_credits(ans, film)}"
            )
            continue
        values.append(pid)
        ans.cite(pid)
        verbs = [ROLE_VERB[r] for r in roles if r != "cast"]
        parts = []
        if verbs:
            parts.append(f"{ans.name(pid)} {join(verbs)} {ans.name(film.id)}")
        if "cast" in roles:
            member = next(c for c in film.cast if c.person == pid)
            verb = "also appeared in" if verbs else "appeared in"
            clause = f"{verb} {ans.name(film.id)}{role_in(member)}"
            parts.append(clause if verbs else f"{ans.name(pid)} {clause}")
        texts.append(" and ".join(parts) + ".")
    text = " ".join(texts)
    if ans.question.yes_no and texts:
        text = ("Yes. " if values else "No. ") + text
    return text, values, True


def card_credits(ans: Answer, film: m.Film) -> str:
    """`It was directed by ... and starred ...`, for a person the base does not credit on a film."""
    bits = []
    if film.directors:
        bits.append(f"It was directed by {ans.people(film.directors)}")
    if film.cast:
        bits.append(f"starred {join([ans.name(c.person) for c in film.cast])}")
    return (join(bits) + ".") if bits else ""
