"""Read and check question packs; turn them into `Question`s."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from ..diagnostics import FileProblems, Problem, did_you_mean, schema_problems
from ..facts.base import FactBase
from ..progress import Progress, no_progress
from ..questions import Question, Tolerance, Weighted, shuffled
from ..text import normalise
from ..yamlio import PACK_MAX_BYTES, YamlError, YMap, YSeq, locate, read_yaml
from .model import PackFile, QuestionSpec

_TOLERANCE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(%?)\s*$")
_RECIPE = re.compile(rb"^generate\s*:", re.MULTILINE)


@dataclass(frozen=True)
class Pack:
    """A loaded pack: its metadata and its questions, generated ones included."""

    id: str
    title: str
    path: str
    questions: tuple[Question, ...]
    description: str = ""
    author: str = ""
    tags: tuple[str, ...] = ()
    warnings: tuple[Problem, ...] = field(default=(), compare=False)

    def __len__(self) -> int:
        return len(self.questions)


def load_pack(path: Path | str, base: FactBase | None = None, shown: str | None = None) -> Pack:
    """The pack in `path`; raises FileProblems listing every error."""
    pack, problems = check_pack(path, base, shown)
    errors = [p for p in problems if p.severity == "error"]
    if errors or pack is None:
        raise FileProblems(errors)
    return pack


def check_pack(
    path: Path | str, base: FactBase | None = None, shown: str | None = None
) -> tuple[Pack | None, list[Problem]]:
    """Every problem in a pack file, and the pack itself when it has no error."""
    name = shown or str(path)
    try:
        root = read_yaml(path, max_bytes=PACK_MAX_BYTES, shown=name)
    except YamlError as exc:
        return None, [Problem.from_yaml(exc)]
    return check_pack_data(root, name, base)


def check_pack_data(
    root: YMap, name: str, base: FactBase | None = None, progress: Progress = no_progress
) -> tuple[Pack | None, list[Problem]]:
    """Check a parsed pack (see `check_pack`); `progress` follows the making of its recipe's questions."""
    problems: list[Problem] = []
    items = root.get("questions")
    # Validate each question on its own so one mistake does not hide the others' checks.
    header = {k: v for k, v in root.items() if k != "questions"}
    header_model: PackFile | None = None
    try:
        header_model = PackFile.model_validate(header)
    except ValidationError as exc:
        problems.extend(schema_problems(exc, root, name, PackFile))
    specs: list[tuple[int, QuestionSpec]] = []
    if items is not None and not isinstance(items, YSeq):
        problems.append(
            Problem.at(
                name, locate(root, ("questions",)), "'questions' must be a list of '- id: ...' entries"
            )
        )
    elif items is not None:
        for i, item in enumerate(items):
            try:
                specs.append((i, QuestionSpec.model_validate(item)))
            except ValidationError as exc:
                problems.extend(schema_problems(exc, root, name, QuestionSpec, ("questions", i)))
    if header_model is not None and not specs and header_model.generate is None and items is None:
        problems.append(Problem.at(name, root.mark, "the pack has no 'questions' and no 'generate' recipe"))

    problems.extend(_check_questions(root, name, specs, base))
    if any(p.severity == "error" for p in problems) or header_model is None:
        return None, sorted(problems)

    pack_id = header_model.id
    questions = [to_question(spec, pack_id) for _, spec in specs]
    if header_model.generate is not None:
        if base is None:
            problems.append(
                Problem.at(
                    name,
                    locate(root, ("generate",)),
                    "this pack generates questions but no fact base was given",
                )
            )
            return None, sorted(problems)
        from ..generate import generate

        try:
            generated = generate(base, header_model.generate, pack_id, progress)
        except ValueError as exc:
            problems.append(Problem.at(name, locate(root, ("generate",)), str(exc)))
            return None, sorted(problems)
        own = {q.id for q in questions}
        questions.extend(q for q in generated if q.id not in own)
    warnings = tuple(p for p in problems if p.severity == "warning")
    pack = Pack(
        id=pack_id,
        title=header_model.title,
        path=name,
        questions=tuple(questions),
        description=header_model.description or "",
        author=header_model.author or "",
        tags=tuple(header_model.tags),
        warnings=warnings,
    )
    return pack, sorted(problems)


def pack_costs(packs: Sequence[bytes], facts_size: int) -> list[tuple[float, float]]:
    """What parsing, then checking, each pack costs, in characters of YAML parsed: for a progress bar.

    A recipe makes questions from the fact base, but every entity's questions are made once,
    whichever recipe asks first: the packs with a recipe share the cost of making them all.
    """
    from ..generate import GENERATE_COST

    recipes = [bool(_RECIPE.search(data)) for data in packs]
    share = GENERATE_COST * facts_size / max(1, sum(recipes))
    return [(len(data), share if recipe else 0.0) for data, recipe in zip(packs, recipes, strict=True)]


def _check_questions(
    root: YMap, name: str, specs: list[tuple[int, QuestionSpec]], base: FactBase | None
) -> list[Problem]:
    problems: list[Problem] = []
    ids: dict[str, int] = {}
    prompts: dict[str, int] = {}
    for i, spec in specs:
        at = ("questions", i)
        if spec.id in ids:
            first = locate(root, ("questions", ids[spec.id], "id"))
            problems.append(
                Problem.at(
                    name,
                    locate(root, (*at, "id")),
                    f"duplicate question id '{spec.id}' (first at line {first.line})",
                )
            )
        else:
            ids[spec.id] = i
        folded = normalise(spec.prompt)
        if folded in prompts:
            first = locate(root, ("questions", prompts[folded], "prompt"))
            problems.append(
                Problem.at(
                    name,
                    locate(root, (*at, "prompt")),
                    f"the same prompt as the question at line {first.line}; students cannot tell them apart",
                    "warning",
                )
            )
        else:
            prompts[folded] = i
        if spec.type == "choice":
            folded_choices = [normalise(c) for c in spec.choices]
            full = spec.full_answers
            if not any(normalise(a) in folded_choices for a in full):
                hint = did_you_mean(full[0], spec.choices)
                problems.append(
                    Problem.at(
                        name,
                        locate(root, (*at, "answer")),
                        f"the answer '{full[0]}' is not one of the choices{hint}",
                    )
                )
            for j, entry in enumerate(spec.answer):
                if isinstance(entry, str) or entry.full or normalise(entry.text) in folded_choices:
                    continue
                hint = did_you_mean(entry.text, spec.choices)
                problems.append(
                    Problem.at(
                        name,
                        locate(root, (*at, "answer", j, "text")),
                        f"the weighted answer '{entry.text}' is not one of the choices{hint}",
                    )
                )
            dupes = {c for c in folded_choices if folded_choices.count(c) > 1}
            for j, c in enumerate(folded_choices):
                if c in dupes and folded_choices.index(c) != j:
                    problems.append(
                        Problem.at(
                            name,
                            locate(root, (*at, "choices", j)),
                            f"choice '{spec.choices[j]}' is listed twice",
                            "warning",
                        )
                    )
        if spec.type in ("short", "multi"):
            for j, answer in enumerate(e.text for e in spec.entries):
                if len(normalise(answer)) <= 2:
                    problems.append(
                        Problem.at(
                            name,
                            locate(root, (*at, "answer", j) if len(spec.answer) > 1 else (*at, "answer")),
                            f"the answer '{answer}' is only {len(normalise(answer))} characters; "
                            "almost any typo will be graded as right or as wrong; add a longer form in 'accept'",
                            "warning",
                        )
                    )
    problems.extend(_answers_across_questions(root, name, specs))
    if base is not None:
        problems.extend(_confusable_answers(root, name, specs, base))
        problems.extend(_unknown_subjects(root, name, specs, base))
    return problems


def _unknown_subjects(
    root: YMap, name: str, specs: list[tuple[int, QuestionSpec]], base: FactBase
) -> list[Problem]:
    """A `subject` must be an id of the fact base: the bot and the fuller explanation look it up."""
    problems = []
    for i, spec in specs:
        if spec.subject is not None and spec.subject not in base.by_id:
            hint = did_you_mean(spec.subject, base.by_id)
            problems.append(
                Problem.at(
                    name,
                    locate(root, ("questions", i, "subject")),
                    f"'subject': '{spec.subject}' is not an id in the fact base{hint}",
                )
            )
    return problems


_NEAR_MISS = 0.8  # Levenshtein similarity above which two different answers read as one mistyped
_NEAR_MISS_NEIGHBOURS = 3  # spelling neighbours looked at per answer: enough for a slip
_NEAR_MISS_SPELLED = 1500  # distinct answers compared letter by letter (pairwise); beyond, by words only
_WORD_GAP_GROUP = 3  # more answers than this sharing all words but one are a pattern ("Kim ..."), not a slip
_Form = tuple[int, str, tuple[object, ...]]  # an accepted text: question index, text, path to it


def _answers_across_questions(root: YMap, name: str, specs: list[tuple[int, QuestionSpec]]) -> list[Problem]:
    """Warn when short questions about different things accept the same text, or near misses.

    'Shaw' accepted both for Shaw Brothers and for Run Run Shaw cannot tell them apart; and
    'Huayi Brothers' beside 'Shaw Brothers' (all words but one the same, or a few letters apart)
    invites a slip between two questions whose answers a student will mix up. Each question
    gets at most one warning of each sort, so a pack of look-alike answers is not buried in them.
    """
    from rapidfuzz import process
    from rapidfuzz.distance import Levenshtein

    forms: dict[str, list[_Form]] = {}  # folded text -> where it is accepted
    canonical: dict[int, frozenset[str]] = {}
    for i, spec in specs:
        if spec.type != "short":
            continue
        canonical[i] = frozenset(normalise(a) for a in spec.full_answers)
        many = len(spec.answer) > 1
        named = [
            (e.text, ("answer", j) if many else ("answer",))
            for j, e in enumerate(spec.entries)
            if e.weight > 0
        ]
        named += [(a, ("accept", j)) for j, a in enumerate(spec.accept)]
        for text, where in named:
            folded = normalise(text)
            if folded and all(q != i for q, _, _ in forms.get(folded, ())):
                forms.setdefault(folded, []).append((i, text, where))
    by_index = dict(specs)
    problems: list[Problem] = []
    warned: set[tuple[int, str]] = set()

    def warn(a: _Form, b: _Form, sort: str) -> None:
        first, later = (a, b) if a[0] < b[0] else (b, a)
        if (later[0], sort) in warned or not canonical[later[0]].isdisjoint(canonical[first[0]]):
            return  # questions with a common answer ask about the same thing
        warned.add((later[0], sort))
        line = locate(root, ("questions", first[0], "answer")).line
        if sort == "shared":
            message = (
                f"'{later[1]}' is also accepted by the question at line {line}, whose answer is "
                f"'{by_index[first[0]].full_answers[0]}'; it cannot tell the two apart: remove it from one of them"
            )
        else:
            message = (
                f"'{later[1]}' is a near miss of '{first[1]}', an answer at line {line}; a slip between "
                "the two may be graded as right: make both prompts say clearly which is meant"
            )
        mark = locate(root, ("questions", later[0], *later[2]))
        problems.append(Problem.at(name, mark, message, "warning"))

    for entries in forms.values():
        for k, later in enumerate(entries[1:], start=1):
            for first in entries[:k]:
                warn(first, later, "shared")

    pairs: set[tuple[str, str]] = set()
    gaps: dict[str, list[str]] = {}
    for folded in forms:
        words = folded.split()
        if len(words) >= 2:
            for k in range(len(words)):
                gaps.setdefault(" ".join([*words[:k], "\0", *words[k + 1 :]]), []).append(folded)
    for group in gaps.values():
        if len(group) <= _WORD_GAP_GROUP:
            pairs.update((a, b) for k, b in enumerate(group) for a in group[:k])
    spelled = [f for f in forms if len(f) >= 5] if len(forms) <= _NEAR_MISS_SPELLED else []
    for a in spelled:
        found = process.extract(
            a,
            spelled,
            scorer=Levenshtein.normalized_similarity,
            score_cutoff=_NEAR_MISS,
            limit=_NEAR_MISS_NEIGHBOURS + 1,
        )
        pairs.update((a, b) for b, _, _ in found if b != a)
    for a, b in sorted(pairs):
        if re.sub(r"\d+", "#", a) == re.sub(r"\d+", "#", b):
            continue  # 'Part 1' and 'Part 2': numbers are compared exactly, never as slips
        for x in forms[a]:
            for y in forms[b]:
                if x[0] != y[0]:
                    warn(x, y, "near")
    return problems


def _confusable_answers(
    root: YMap, name: str, specs: list[tuple[int, QuestionSpec]], base: FactBase
) -> list[Problem]:
    """Warn when a short answer is also another entity's name: a sign the prompt is ambiguous."""
    problems = []
    owners: dict[str, set[str]] = {}
    for n in base.names:
        owners.setdefault(normalise(n.text), set()).add(n.entity_id)
    for i, spec in specs:
        if spec.type != "short":
            continue
        for answer in spec.full_answers:
            ids = owners.get(normalise(answer), set())
            if len(ids) > 1:
                problems.append(
                    Problem.at(
                        name,
                        locate(root, ("questions", i, "answer")),
                        f"'{answer}' names several things in the fact base ({', '.join(sorted(ids))}); "
                        "make the prompt say which",
                        "warning",
                    )
                )
    return problems


def parse_tolerance(text: str | None) -> Tolerance:
    """`5%` or `1000` as a Tolerance (exact when None)."""
    if not text:
        return Tolerance()
    m = _TOLERANCE.match(text)
    assert m is not None  # the schema checked it
    value = float(m.group(1))
    return Tolerance(relative=value / 100) if m.group(2) else Tolerance(absolute=value)


def _number(text: str) -> str:
    return text.replace(",", "").replace("_", "")


def _own_tolerance(text: str | None) -> Tolerance | None:
    tolerance = parse_tolerance(text)
    return None if tolerance == Tolerance() else tolerance


def to_question(spec: QuestionSpec, pack_id: str) -> Question:
    """A hand-written question as the session's `Question`."""
    answers = tuple(spec.full_answers)
    choices = tuple(spec.choices)
    numeric = spec.type in ("number", "year")
    if spec.type == "truefalse":
        answers = ("true",) if answers[0].lower() in ("true", "yes") else ("false",)
        choices = ("true", "false")
    elif numeric:
        answers = (_number(answers[0]),)
    elif spec.type == "order" and not choices:
        choices = shuffled(answers, spec.id)
    # The answers' entries with something of their own: the full answers with feedback first,
    # then the full answers beyond `answers` (a number question's other right numbers), then the
    # weighted ones, each in the order written.
    entries = spec.entries
    first = next(i for i, e in enumerate(entries) if e.full)
    in_answers = [e.full and (not numeric or i == first) for i, e in enumerate(entries)]
    picked = [e for e, kept in zip(entries, in_answers, strict=True) if kept and e.feedback]
    picked += [e for e, kept in zip(entries, in_answers, strict=True) if e.full and not kept]
    # A wrong answer with feedback is what `feedback` says; one without stays an entry.
    picked += [e for e in entries if not e.full and (e.weight > 0 or not e.feedback)]
    weighted = [
        Weighted(
            _number(e.text) if numeric else e.text,
            e.weight,
            e.feedback or "",
            _own_tolerance(e.tolerance),
        )
        for e in picked
    ]
    feedback = {e.text: e.feedback for e in entries if e.weight <= 0 and e.feedback}
    feedback.update(spec.feedback)
    otherwise = feedback.pop("*", "")
    return Question(
        id=spec.id,
        pack=pack_id,
        type=spec.type,
        prompt=spec.prompt,
        answers=answers,
        accept=tuple(spec.accept),
        choices=choices,
        tolerance=parse_tolerance(spec.tolerance),
        kind=spec.kind,
        explanation=spec.explanation or "",
        hint=spec.hint,
        tags=tuple(spec.tags),
        difficulty=spec.difficulty,
        source=spec.source or "",
        subject=spec.subject,
        feedback=tuple(feedback.items()),
        weighted=tuple(weighted),
        otherwise=otherwise,
    )
