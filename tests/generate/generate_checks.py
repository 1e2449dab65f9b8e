"""Checks every generated question must pass, worked out from the facts independently of the generator."""

from __future__ import annotations

import re

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
        film = subject
        rel = parts[1]
        if rel == "director" and parts[2] == "countries":
            return all_names(base, [base.get(p).nationality for p in film.directors])
        if rel == "director":
            return all_names(base, film.directors)
        if rel == "producer":
            return all_names(base, film.producers)
        if rel == "cinematographer":
            return all_names(base, film.cinematographers)
        if rel == "studio" and len(parts) >= 4:
            return all_names(base, [c.organisation for c in film.companies])
        if rel == "country":
            return all_names(base, film.countries)
        if rel == "cast" and parts[2] in ("choice", "true", "false"):
            return all_names(base, [c.person for c in film.cast])
        if rel == "year" and parts[2] in ("short", "choice", "true", "false"):
            return {str(film.year)}
        if rel == "genre":
            return {normalise(g.replace("-", " ")) for g in film.genres}
    elif isinstance(subject, records.Person):
        if parts[1] == "nationality" and subject.nationality:
            return names_of(base, subject.nationality)
        if parts[1] == "spouse" and subject.spouse:
            return names_of(base, subject.spouse)
    elif isinstance(subject, records.Organisation) and parts[1] == "country":
        return names_of(base, subject.country)
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
    elif q.type in ("short", "multi", "year"):
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
