"""Read and check the fact base: schema, unique ids, references, shared names."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from ..diagnostics import FileProblems, Problem, did_you_mean, schema_problems
from ..progress import Progress, no_progress, split, tracked
from ..text import normalise
from ..yamlio import FACTS_MAX_BYTES, YamlError, YMap, YSeq, locate, read_yaml
from . import model as m
from . import records
from .base import FactBase

# Which sections each reference field may point into.
PEOPLE = ("people",)
REFS: dict[tuple[type[BaseModel], str], tuple[str, ...]] = {
    **{
        (m.Film, f): PEOPLE
        for f in ("directors", "producers", "writers", "cinematographers", "art_directors")
    },
    (m.Film, "countries"): ("countries",),
    (m.Film, "remake_of"): ("films",),
    (m.Film, "locations"): ("places", "countries"),
    (m.Film, "settings"): ("places", "countries"),
    (m.Film, "context"): ("events",),
    (m.CastMember, "person"): PEOPLE,
    (m.Credit, "organisation"): ("organisations",),
    (m.Work, "creator"): PEOPLE,
    (m.Work, "country"): ("countries",),
    (m.Work, "film"): ("films",),
    (m.Audience, "country"): ("countries",),
    (m.Release, "country"): ("countries",),
    (m.Premiere, "festival"): ("festivals",),
    (m.Archive, "found_by"): ("organisations",),
    (m.Archive, "found_at"): ("organisations",),
    (m.Archive, "found_in"): ("places", "countries"),
    (m.Person, "nationality"): ("countries",),
    (m.Person, "spouse"): PEOPLE,
    (m.Organisation, "country"): ("countries",),
    (m.Organisation, "part_of"): ("terms",),
    (m.OrgPerson, "person"): PEOPLE,
    (m.Festival, "country"): ("countries",),
    (m.Festival, "city"): ("places",),
    (m.Event, "countries"): ("countries",),
    (m.Term, "members"): ("organisations", "people", "films", "places", "countries"),
    (m.Place, "country"): ("countries",),
}
REFS[(m.Cite, "source")] = ("sources",)
for _cls in (m.Film, m.Person, m.Organisation, m.Festival, m.Event, m.Term, m.Place, m.Country):
    REFS[(_cls, "source")] = ("sources",)

_SINGULAR = {
    "people": "person",
    "countries": "country",
    "places": "place",
    "films": "film",
    "organisations": "organisation",
    "festivals": "festival",
    "events": "event",
    "terms": "term",
    "sources": "source",
}

# The checks after the parse take about half as long as the parse itself (1,000 and 10,000 films).
CHECK_COST = 0.5
# Of the checks: the schema, the references, the shared names, making the base (10,000 films).
_STAGE_COSTS = (0.42, 0.22, 0.11, 0.25)


def load_facts(path: Path | str, shown: str | None = None, progress: Progress = no_progress) -> FactBase:
    """The fact base in `path`; raises FileProblems listing every error."""
    base, problems = check_facts(path, shown, progress)
    errors = [p for p in problems if p.severity == "error"]
    if errors or base is None:
        raise FileProblems(errors)
    return base


def check_facts(
    path: Path | str, shown: str | None = None, progress: Progress = no_progress, *, trace: bool = False
) -> tuple[FactBase | None, list[Problem]]:
    """Every problem in a fact base file, and the base itself when it has no error.

    `trace` also reads the facts against the texts of their sources (`facts.trace`), as `validate` does.
    """
    name = shown or str(path)
    from .trace import TRACE_COST

    parsing, checking, tracing = split(progress, 1, CHECK_COST, TRACE_COST if trace else 0.0)
    try:
        root = read_yaml(path, max_bytes=FACTS_MAX_BYTES, shown=name, progress=parsing)
    except YamlError as exc:
        tracing(1, 1)
        return None, [Problem.from_yaml(exc)]
    base, problems = check_facts_data(root, name, checking)
    if trace and base is not None:
        from .trace import trace as trace_facts

        found = trace_facts(base, root, name, Path(path).resolve().parent, tracing)
        problems = sorted([*problems, *found])
    tracing(1, 1)
    return base, problems


def check_facts_data(
    root: YMap, name: str, progress: Progress = no_progress
) -> tuple[FactBase | None, list[Problem]]:
    """Check a parsed fact base (see `check_facts`); `progress` follows the checks."""
    schema_done, refs_done, names_done, built = split(progress, *_STAGE_COSTS)
    problems: list[Problem] = []
    sections: dict[str, list[Any]] = {}
    for key in root:
        if key == "version":
            if str(root[key]) != "1":
                problems.append(
                    Problem.at(name, locate(root, (key,)), f"version must be 1, not '{root[key]}'")
                )
            continue
        if key not in m.SECTIONS:
            allowed = ["version", *m.SECTIONS]
            hint = did_you_mean(key, allowed) or "; sections are: " + ", ".join(allowed)
            problems.append(
                Problem.at(name, locate(root, (key,), key=True), f"unknown section '{key}'{hint}")
            )
    if "sources" not in root:
        problems.append(Problem.at(name, root.mark, "missing required section 'sources'"))

    counts = [len(v) if isinstance(v, YSeq) else 0 for v in map(root.get, m.SECTIONS)]
    for (section, cls), part in zip(m.SECTIONS.items(), split(schema_done, *counts), strict=True):
        items = root.get(section)
        sections[section] = []
        if items is None:
            continue
        if not isinstance(items, YSeq):
            problems.append(
                Problem.at(
                    name, locate(root, (section,)), f"'{section}' must be a list of '- id: ...' entries"
                )
            )
            continue
        validate = cls.model_validate
        for i, item in enumerate(tracked(items, part)):
            try:
                sections[section].append(validate(item))
            except ValidationError as exc:
                problems.extend(schema_problems(exc, root, name, cls, (section, i)))
                sections[section].append(None)

    ids = _check_ids(root, name, sections, problems)
    known_ids: dict[tuple[str, ...], list[str]] = {}  # for did-you-mean, built once per kind of reference
    counts = [len(items) for items in sections.values()]
    for (section, items), part in zip(sections.items(), split(refs_done, *counts), strict=True):
        for i, item in enumerate(tracked(items, part)):
            if item is not None:
                _check_refs(item, (section, i), root, name, ids, problems, known_ids)
                _check_cites(item, (section, i), root, name, problems)
    _check_names(root, name, sections, problems, names_done)

    if any(p.severity == "error" for p in problems):
        built(1, 1)
        return None, sorted(problems)
    facts = m.FactsFile(**{s: items for s, items in sections.items()})
    base = FactBase(records.from_models(facts, built))  # the last part of the checks, followed too
    built(1, 1)
    return base, sorted(problems)


def _check_ids(
    root: YMap, name: str, sections: dict[str, list[Any]], problems: list[Problem]
) -> dict[str, str]:
    """id -> section of every entity; duplicates reported (raw ids, so invalid entries count too)."""
    ids: dict[str, str] = {}
    first: dict[str, tuple[str, int, str]] = {}
    for section in sections:
        raw = root.get(section)
        if not isinstance(raw, YSeq):
            continue
        for i, item in enumerate(raw):
            entity_id = item.get("id") if isinstance(item, YMap) else None
            if not isinstance(entity_id, str):
                continue
            if entity_id in first:
                where = locate(root, first[entity_id])
                problems.append(
                    Problem.at(
                        name,
                        locate(root, (section, i, "id")),
                        f"duplicate id '{entity_id}' (first used at line {where.line}); ids must be unique",
                    )
                )
                continue
            first[entity_id] = (section, i, "id")
            ids[entity_id] = section
    return ids


def _check_refs(
    obj: BaseModel,
    loc: tuple[Any, ...],
    root: YMap,
    name: str,
    ids: dict[str, str],
    problems: list[Problem],
    known_ids: dict[tuple[str, ...], list[str]],
) -> None:
    cls = type(obj)
    for field in cls.model_fields:
        value = getattr(obj, field)
        allowed = REFS.get((cls, field))
        if allowed is not None:
            refs = value if isinstance(value, list) else [value]
            for j, ref in enumerate(refs):
                if ref is None:
                    continue
                at = loc + ((field, j) if isinstance(value, list) else (field,))
                section = ids.get(ref)
                if section in allowed:
                    continue
                kinds = " or ".join(_SINGULAR[s] for s in allowed)
                if section is None:
                    if allowed not in known_ids:
                        known_ids[allowed] = [i for i, s in ids.items() if s in allowed]
                    known = known_ids[allowed]
                    message = f"'{field}' names unknown {kinds} '{ref}'{did_you_mean(ref, known)}"
                else:
                    message = f"'{field}' must name a {kinds}, but '{ref}' is a {_SINGULAR[section]}"
                problems.append(Problem.at(name, locate(root, at), message))
        elif isinstance(value, BaseModel):
            _check_refs(value, loc + (field,), root, name, ids, problems, known_ids)
        elif isinstance(value, list):
            for j, item in enumerate(value):
                if isinstance(item, BaseModel):
                    _check_refs(item, loc + (field, j), root, name, ids, problems, known_ids)


# What a citation may not name: the record's identity and provenance.
_UNCITABLE = {"id", "source", "cite"}


def _check_cites(
    item: BaseModel, loc: tuple[Any, ...], root: YMap, name: str, problems: list[Problem]
) -> None:
    """Each `cite` names a field the record has (and has filled in)."""
    fields = [f for f in type(item).model_fields if f not in _UNCITABLE]
    kind = _SINGULAR[loc[0]]
    for j, cite in enumerate(getattr(item, "cite", ())):
        if cite.field not in fields:
            message = f"'cite' names '{cite.field}', which is not a field of a {kind}{did_you_mean(cite.field, fields)}"
        elif getattr(item, cite.field) in (None, [], ""):
            message = f"'cite' names '{cite.field}', but this {kind} gives no {cite.field}"
        else:
            continue
        problems.append(Problem.at(name, locate(root, loc + ("cite", j, "field")), message))


def _check_names(
    root: YMap, name: str, sections: dict[str, list[Any]], problems: list[Problem], progress: Progress
) -> None:
    """Warn when two entities of one section answer to the same name: grading could not tell them apart."""
    counts = [len(items) if section != "sources" else 0 for section, items in sections.items()]
    for (section, items), part in zip(sections.items(), split(progress, *counts), strict=True):
        if section == "sources":
            continue
        seen: dict[str, tuple[str, int]] = {}
        for i, item in enumerate(tracked(items, part)):
            if item is None:
                continue
            label = getattr(item, "name", None) or getattr(item, "title", "")
            places = [
                (section, i),
                *((section, i, f, j) for f in ("aliases", "variants") for j in range(len(getattr(item, f)))),
            ]
            for at, text in zip(places, [label, *item.aliases, *item.variants], strict=True):
                key = normalise(text)
                owner = seen.get(key)
                if owner is not None and owner[0] != item.id:
                    if section == "films":  # recurring titles are told apart by year
                        continue
                    problems.append(
                        Problem.at(
                            name,
                            locate(root, at),
                            f"'{text}' also names '{owner[0]}'; a typed answer could not tell them apart",
                            "warning",
                        )
                    )
                else:
                    seen[key] = (item.id, i)
