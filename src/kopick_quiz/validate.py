"""Check fact bases and packs as `kopick-quiz validate` does: every problem in every file."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from .diagnostics import Problem
from .facts.load import CHECK_COST, check_facts
from .facts.trace import TRACE_COST
from .library import check_file, shown_path
from .packs.load import pack_costs
from .progress import Progress, no_progress, split
from .yamlio import PACK_MAX_BYTES


def validate(files: Sequence[Path], facts: Path, progress: Progress = no_progress) -> list[Problem]:
    """Every problem in `files`, the packs checked against the fact base `facts` (read first).

    `progress` follows the files, each as long as it is slow to check: its size, and for a pack
    with a recipe, a share of making the fact base's questions.
    """
    others = [path for path in files if path.resolve() != facts.resolve()]
    costs = _costs(facts, others)
    facts_done, *others_done = split(progress, *(parse + check for parse, check in costs))
    base, facts_problems = check_facts(facts, shown=shown_path(facts), progress=facts_done, trace=True)
    checks_facts = len(others) < len(files)
    problems: list[Problem] = list(facts_problems) if checks_facts else []
    for path, done, cost in zip(others, others_done, costs[1:], strict=True):
        problems.extend(check_file(path, base, done, cost))
        done(1, 1)
    return problems


def _costs(facts: Path, others: Sequence[Path]) -> list[tuple[float, float]]:
    """The fact base's (parse, check) cost, then each other file's, in characters of YAML parsed."""
    facts_size = _size(facts)
    # A pack is read here to see whether it has a recipe; a larger file is parsed as a fact base.
    texts = [_text(path) for path in others]
    packs = pack_costs([text or b"" for text in texts], facts_size)
    costs = [(float(facts_size), facts_size * (CHECK_COST + TRACE_COST))]
    for path, text, (parse, check) in zip(others, texts, packs, strict=True):
        costs.append((parse, check) if text is not None else (_size(path), _size(path) * CHECK_COST))
    return costs


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _text(path: Path) -> bytes | None:
    """A pack-sized file's bytes (None for a larger or unreadable one)."""
    if _size(path) > PACK_MAX_BYTES:
        return None
    try:
        return path.read_bytes()
    except OSError:
        return b""
