"""Checks every generated question must pass, worked out from the facts independently of the generator."""

from __future__ import annotations

import re

from kopick_quiz.facts import model as m
from kopick_quiz.facts import records
from kopick_quiz.facts.base import FactBase
from kopick_quiz.questions import Question
from kopick_quiz.schema import ID_PATTERN
from kopick_quiz.text import normalise

SLOT = re.compile(r"[{}]|\bNone\b|\s\s|\bnull\b")
DOUBLED = re.compile(r"(?<![\w'-])(\w+) \1(?![\w'-])", re.IGNORECASE)
# "a" before a vowel sound or "an" before a consonant one (the common cases).
BAD_ARTICLE = re.compile(r"\b(a [aeio]\w|an [bcdfgjklmnpqrstvwxz]\w)", re.IGNORECASE)


def names_of(base: FactBase, entity_id: str) -> set[str]:
    return {normalise(base.label(entity_id)), *(normalise(a) for a in base.aliases(entity_id))}


def all_names(base: FactBase, ids) -> set[str]:
    out: set[str] = set()
    for i in ids:
        out |= names_of(base, i)
    return out


def well_formed(q: Question, base: FactBase) -> list[str]:
    """What is wrong with a question's form (empty when nothing)."""
    problems = []
    doubled_ok = [n.text.lower() for n in base.names]
    if not re.match(ID_PATTERN, q.id) or len(q.id) > 120:
        problems.append(f"bad id {q.id}")
    for text in (q.prompt, *q.answers, *q.choices, q.explanation):
        if text and SLOT.search(text):
            problems.append(f"slot or spacing in {text!r}")
        for match in DOUBLED.finditer(text or ""):
            if not any(match.group().lower() in n for n in doubled_ok):
                problems.append(f"doubled word in {text!r}")
        if (
            text
            and BAD_ARTICLE.search(text)
            and not any(BAD_ARTICLE.search(n) and n in text.lower() for n in doubled_ok)
        ):
            problems.append(f"wrong article in {text!r}")
    if not q.prompt.strip() or q.prompt[-1] not in ".?":
        problems.append(f"prompt does not end a sentence: {q.prompt!r}")
    if not q.answers or any(not a.strip() for a in q.answers):
        problems.append("empty answer")
    if not q.explanation:
        problems.append("no explanation")
    if not q.source:
        problems.append("no source")
    if not 1 <= q.difficulty <= 5:
        problems.append("difficulty out of range")
    folded = [normalise(c) for c in q.choices]
    if q.type == "choice":
        if len(q.choices) != 4 or q.answers[0] not in q.choices or len(set(folded)) != len(folded):
            problems.append(f"bad choices {q.choices} for {q.answers}")
    elif q.type == "truefalse":
        if q.answers not in (("true",), ("false",)) or q.choices != ("true", "false"):
            problems.append("bad true/false")
    elif q.type == "order":
        if sorted(q.answers) != sorted(q.choices) or len(q.answers) < 3 or len(set(folded)) != len(folded):
            problems.append("bad order question")
    elif q.type == "year":
        if len(q.answers) != 1 or not q.answers[0].isdigit():
            problems.append("bad year answer")
    elif q.type == "number":
        if len(q.answers) != 1:
            problems.append("bad number answer")
    elif q.type == "multi" and len(q.answers) < 2:
        problems.append("a multi question with one answer")
    return problems


def right_answers(base: FactBase, q: Question) -> set[str] | None:
    """The folded names of every right answer of a question, from the facts; None when not known here."""
    parts = q.id.split(".")
    subject = base.by_id.get(parts[0])
    if isinstance(subject, records.Film) and parts[-1] == "reverse":
        return names_of(base, subject.id)
    if isinstance(subject, records.Film):
        return _film_answers(base, subject, parts)
    if isinstance(subject, records.Person):
        return _person_answers(base, subject, parts)
    if isinstance(subject, records.Organisation):
        return _organisation_answers(base, subject, parts)
    if isinstance(subject, records.Festival):
        return _festival_answers(base, subject, parts)
    if isinstance(subject, records.Event):
        return _event_answers(base, subject, parts)
    if isinstance(subject, records.Term):
        return _term_answers(base, subject, parts)
    if isinstance(subject, records.Place) and parts[1] == "country" and subject.country:
        return names_of(base, subject.country)
    if isinstance(subject, records.Country) and parts[1] == "region" and subject.region:
        return {normalise(subject.region)}
    return None


CREW_FIELDS = {
    "director": "directors",
    "producer": "producers",
    "writer": "writers",
    "cinematographer": "cinematographers",
    "art-director": "art_directors",
}
MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
# A person's job on a film, by the film's field that credits them.
JOB_WORDS = {
    "directors": "director",
    "producers": "producer",
    "writers": "writer",
    "cinematographers": "cinematographer",
    "art_directors": "art director",
}
# The kinds of organisation a question names otherwise than its id does.
KIND_WORDS = {"vfx-studio": "visual effects studio"}


def _titles(films: list[records.Film]) -> set[str]:
    return {normalise(f.title) for f in films}


def _person_answers(base: FactBase, person: records.Person, parts: list[str]) -> set[str] | None:
    rel = parts[1]
    if rel == "nationality" and person.nationality:
        return names_of(base, person.nationality)
    if rel == "spouse" and person.spouse:
        return names_of(base, person.spouse)
    if rel == "founder":
        return all_names(
            base, [o.id for o in base.organisations if person.id in {p.person for p in o.people}]
        )
    if rel == "job":
        film = base.get(parts[2])
        jobs = {word for field, word in JOB_WORDS.items() if person.id in getattr(film, field)}
        return jobs | ({"actor"} if person.id in {c.person for c in film.cast} else set())
    if rel == "died" and person.died:
        if parts[2] == "month":
            return {MONTHS[int(person.died[5:7]) - 1]}
        return {person.died[:4]}
    if rel == "age" and person.age_at_death is not None:
        return {str(person.age_at_death)}
    if rel == "who":
        return names_of(base, person.id)
    if rel == "films":
        credited = [f for f in base.films if person.id in _people_of(f)]
        return _titles(credited)
    return None


def _people_of(film: records.Film) -> set[str]:
    people = {c.person for c in film.cast}
    for field in JOB_WORDS:
        people.update(getattr(film, field))
    return people


def _organisation_answers(base: FactBase, org: records.Organisation, parts: list[str]) -> set[str] | None:
    rel = parts[1]
    if rel == "country":
        return names_of(base, org.country)
    if rel == "kind":
        return {normalise(KIND_WORDS.get(org.kind, org.kind.replace("-", " ")))}
    if rel in ("founder", "co-founder", "owner", "head"):
        return all_names(base, [p.person for p in org.people if p.role == rel])
    if rel == "part-of" and org.part_of:
        return names_of(base, org.part_of)
    if rel in ("who", "name"):
        return names_of(base, org.id)
    if rel == "films":
        return _titles(
            [
                f
                for f in base.films
                if org.id in {c.organisation for c in f.companies}
                or (f.archive and org.id in (f.archive.found_by, f.archive.found_at))
            ]
        )
    return None


def _festival_answers(base: FactBase, festival: records.Festival, parts: list[str]) -> set[str] | None:
    rel = parts[1]
    if rel == "city" and festival.city:
        return names_of(base, festival.city)
    if rel == "country":
        return names_of(base, festival.country)
    if rel == "prize":
        return {normalise(p) for p in festival.prizes}
    if rel in ("who", "name"):
        return names_of(base, festival.id)
    return None


def _event_answers(base: FactBase, event: records.Event, parts: list[str]) -> set[str] | None:
    rel = parts[1]
    if rel == "what":
        return names_of(base, event.id)
    if rel in ("start", "year"):
        return {str(event.start)}
    if rel == "end" and event.end:
        return {str(event.end)}
    if rel == "span":
        lasted = event.end and event.end != event.start
        return {f"{event.start} to {event.end}"} if lasted else {str(event.start)}
    return None


def _term_answers(base: FactBase, term: records.Term, parts: list[str]) -> set[str] | None:
    rel = parts[1]
    if rel in ("what", "name"):
        return names_of(base, term.id)
    if rel == "members":
        return all_names(base, term.members)
    if rel == "month" and term.month:
        return {normalise(term.month)}
    return None


def _same_role(one: m.CastMember, other: m.CastMember) -> bool:
    """Whether two cast members played one role in one version of the film."""
    versions = {one.version, other.version}
    same_version = len(versions) == 1 or "both" in versions or None in versions
    return normalise(one.character or "") == normalise(other.character or "") and same_version


def _spoken(amount: int) -> str:
    """`20 billion` for 20000000000, as a sentence says an amount."""
    for size, word in ((10**9, "billion"), (10**6, "million")):
        if amount >= size and amount % (size // 10) == 0:
            return f"{amount / size:g} {word}"
    return normalise(f"{amount:,}")


def _film_answers(base: FactBase, film: records.Film, parts: list[str]) -> set[str] | None:
    """The right answers of a question on a film (by its id: `film.relation[.part].template`)."""
    rel, part = parts[1], parts[2]
    if rel in CREW_FIELDS:
        people = getattr(film, CREW_FIELDS[rel])
        if part == "countries":
            return all_names(base, [base.get(p).nationality for p in people])
        return all_names(base, people)
    if rel == "cast" and part == "leads":
        return all_names(base, [c.person for c in film.cast if c.lead])
    if rel == "cast":
        return all_names(base, [c.person for c in film.cast])
    if rel == "character":
        played = [c for c in film.cast if c.person == part and c.character]
        if parts[-1] == "name":
            return {normalise(c.character) for c in played}
        # A role played in one version of a film (Korean, Hong Kong) was not played in the other.
        return all_names(base, [c.person for c in film.cast if any(_same_role(c, p) for p in played)])
    if rel == "studio":
        return all_names(base, [c.organisation for c in film.companies])
    if rel == "country":
        return all_names(base, film.countries)
    if rel in ("location", "setting"):
        return all_names(base, getattr(film, rel + "s"))
    if rel == "based-on" and film.based_on:
        work = film.based_on
        if part == "creator" and work.creator:
            return names_of(base, work.creator)
        if part == "country" and work.country:
            return names_of(base, work.country)
        if part == "year" and work.year:
            return {str(work.year)}
        return {normalise(work.title)}
    if rel == "remake" and film.remake_of:
        return names_of(base, film.remake_of)
    if rel == "year" and part == "order":
        return {normalise(f.title) for f in base.films}
    if rel == "year":
        return {str(film.year)}
    if rel == "release" and film.release and film.release.month:
        return {MONTHS[film.release.month - 1]}
    if rel == "budget" and film.budget:
        return {str(film.budget.amount), _spoken(film.budget.amount)}
    if rel == "audience" and film.audience:
        return {str(film.audience.count), normalise(f"{film.audience.count:,}")}
    if rel == "premiere" and film.premiere:
        return names_of(base, film.premiere.festival)
    if rel == "prize" and film.premiere and film.premiere.prize:
        return {normalise(film.premiere.prize)}
    if rel == "archive" and film.archive:
        found = film.archive
        if part == "found-year":
            return {str(found.found_year)}
        if part in ("found-at", "found-by", "found-in"):
            return names_of(base, getattr(found, part.replace("-", "_")))
        if part == "screened" and found.restored_screening_year:
            return {str(found.restored_screening_year)}
        if part == "event" and found.restored_screening_event:
            event = normalise(found.restored_screening_event)
            owners = [e.id for e in base.facts.events if event in names_of(base, e.id)]
            return all_names(base, owners) | {event}
        if part == "distinction":
            return names_of(base, film.id)
    if rel == "event" and part in film.context:
        return names_of(base, part)
    if rel == "language":
        return {normalise(lang) for lang in film.languages}
    if rel == "genre":
        return {normalise(g.replace("-", " ")) for g in film.genres}
    if rel == "plot":
        return names_of(base, film.id)
    if rel == "title":
        return {normalise(t) for t in film.aliases}
    return None


def wrong_facts(base: FactBase, q: Question) -> list[str]:
    """Where a question's answer or distractors contradict the facts (empty when they agree)."""
    right = right_answers(base, q)
    if right is None:
        return []
    problems = []
    if q.type == "choice":
        hits = [c for c in q.choices if normalise(c) in right]
        if hits != [q.answers[0]]:
            problems.append(f"{q.id}: right choices {hits}, answer {q.answers[0]!r}")
    elif q.type in ("short", "multi", "year", "number", "order"):
        if not all(normalise(a) in right for a in q.answers):
            problems.append(f"{q.id}: answers {q.answers} not all in {right}")
    elif q.type == "truefalse":
        statement = normalise(
            re.sub(r"\(\d{4}, directed by [^)]*\)", "", q.prompt.removeprefix("True or false:"))
        )
        said = {r for r in right if re.search(rf"\b{re.escape(r)}\b", statement)}
        if q.answers == ("false",) and q.id.endswith(".false") and said and q.id.split(".")[1] != "country":
            problems.append(f"{q.id}: the false statement names a right answer {said}")
        if q.answers == ("true",) and not said:
            problems.append(f"{q.id}: the true statement names no right answer")
    return problems


def ambiguity(base: FactBase, q: Question) -> list[str]:
    """Whether the prompt could mean two different things."""
    problems = []
    subject = base.by_id.get(q.subject or "")
    if isinstance(subject, records.Film):
        twins = [
            f for f in base.films if f.id != subject.id and normalise(f.title) == normalise(subject.title)
        ]
        label = f"{subject.title} ({subject.year}"
        bare_ok = (
            ".year." in q.id or q.type == "order" or (".release." in q.id and str(subject.year) in q.prompt)
        )
        if bare_ok:
            if twins:
                problems.append(f"{q.id}: '{subject.title}' recurs but the prompt cannot carry its year")
        elif (
            not q.id.endswith(".reverse")
            and re.search(rf"\b{re.escape(subject.title)}\b", q.prompt)
            and label not in q.prompt
        ):
            problems.append(f"{q.id}: the film is named without its year")
        if any(t.year == subject.year for t in twins) and label in q.prompt and "directed by" not in q.prompt:
            problems.append(f"{q.id}: two films called {label}) and the prompt does not tell them apart")
    elif subject is not None and hasattr(subject, "name"):
        kind = base.kind_of[subject.id]
        sharing = {
            n.entity_id for n in base.names if n.kind == kind and normalise(n.text) == normalise(subject.name)
        }
        if len(sharing) > 1 and subject.name in q.prompt:
            problems.append(f"{q.id}: '{subject.name}' names {sorted(sharing)}")
    if q.type == "order":
        years = {}
        for title in q.answers:
            films = [f for f in base.films if f.title == title]
            if len(films) != 1:
                problems.append(f"{q.id}: '{title}' is not one film")
                continue
            years[title] = films[0].year
        if len(set(years.values())) != len(years):
            problems.append(f"{q.id}: two films of one year")
        if list(years.values()) != sorted(years.values()):
            problems.append(f"{q.id}: answers not in release order")
    return problems
