"""How fast and how right the grader is, beside a naive `fuzz.WRatio >= 85` grader.

Run from the repository root:  python bench/grading.py [--seconds S]

Both graders see the labelled table of tests/grading/data/cases.txt (every typed answer of it,
over and over). Figures printed:
- answers/s through the core (`grade`), with its caches warm (normalised text, romanisation
  keys, typed words, slips judged, verdicts of answers that are one name, exactly or misspelt)
  and with all of them emptied before every pass
  over the table (questions stay compiled: that is done once per question), and through the `grade` command's core (`grade_lines`,
  JSON in and out);
- answers/s of the naive grader, and each figure as a ratio of it;
- answers/s on the worst input a student can type: 5,000 characters (refused unread), and
  sentences of names and list words up to the 300-character limit (read in full), each as a
  ratio of the table's rate in the same run (the tests only guard those against runaway work);
- accuracy on the table: the exact verdict (ours only: the naive grader has no `close` or
  `partial`), and accepted-or-not agreement with the labels (both).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

from rapidfuzz import fuzz

from kopick_quiz.facts.load import load_facts
from kopick_quiz.grading import Lexicon, grade, grade_lines
from kopick_quiz.grading.grader import compile_question
from kopick_quiz.grading.names import _slip, fold, name_syllables, span
from kopick_quiz.questions import Question
from kopick_quiz.text import normalise

ROOT = Path(__file__).resolve().parents[1]


def load_table():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("grading_table", ROOT / "tests" / "grading" / "table.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module.load_cases()


def worst_inputs(base, questions: list[Question]) -> list[tuple[Question, str]]:  # type: ignore[no-untyped-def]
    """Every question with each 5,000-character text, and 300-character sentences of names."""
    huge = ["Prague " * 715, "x" * 5000, "\uac00" * 5000, " ," * 2500, "1" * 5000]
    words = [n.text for n in base.names] + ["or", "and", ",", "not", "I think"]
    rng = random.Random(0)
    sentences = [" ".join(rng.choices(words, k=40))[:300] for _ in range(len(questions))]
    return [(q, t) for q in questions for t in huge] + list(zip(questions, sentences, strict=True))


def naive_accepts(question: Question, typed: str) -> bool:
    """What a first attempt would do: one WRatio against the expected text, 85 or more passes."""
    if question.type == "multi":
        return fuzz.WRatio(typed, ", ".join(question.answers)) >= 85
    return any(fuzz.WRatio(typed, answer) >= 85 for answer in question.answers)


def rates(
    work: dict[str, tuple[Callable[[], int], Callable[[], None] | None]], seconds: float
) -> dict[str, float]:
    """Answers per second of each workload: best pass of many, passes taken in turn so that a
    change in the machine's load falls on every workload alike.

    A workload grades some answers and says how many; its `before` (if any) runs untimed first.
    """
    best = dict.fromkeys(work, 0.0)
    deadline = time.perf_counter() + seconds * len(work)
    while time.perf_counter() < deadline:
        for name, (job, before) in work.items():
            if before is not None:
                before()
            start = time.perf_counter()
            n = job()
            best[name] = max(best[name], n / (time.perf_counter() - start))
    return best


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seconds", type=float, default=2.0, help="time per grader measured (default 2)")
    args = parser.parse_args()

    base = load_facts(ROOT / "data" / "facts.yaml")
    start = time.perf_counter()
    lexicon = Lexicon.from_base(base)
    built = time.perf_counter() - start
    cases = load_table()
    pairs = [(c.question, c.typed) for c in cases]
    questions = {c.question.id: c.question for c in cases}
    start = time.perf_counter()
    for question in questions.values():
        compile_question(question, lexicon)
    compiled = time.perf_counter() - start
    lines = [json.dumps({"id": q.id, "answer": t}) for q, t in pairs]

    def core() -> int:
        for question, typed in pairs:
            grade(question, typed, lexicon)
        return len(pairs)

    def empty_caches() -> None:
        normalise.cache_clear()
        fold.cache_clear()
        span.cache_clear()
        _slip.cache_clear()
        name_syllables.cache_clear()
        for _question, grader in lexicon.compiled.values():
            getattr(grader, "memo", {}).clear()

    def batch() -> int:
        n = 0
        for _ in grade_lines(lines, questions, lexicon):
            n += 1
        return n

    def naive() -> int:
        for question, typed in pairs:
            naive_accepts(question, typed)
        return len(pairs)

    worst_pairs = worst_inputs(base, list(questions.values()))
    huge_pairs = [(q, t) for q, t in worst_pairs if len(t) > 300]
    sentence_pairs = [(q, t) for q, t in worst_pairs if len(t) <= 300]

    def huge() -> int:
        for question, typed in huge_pairs:
            grade(question, typed, lexicon)
        return len(huge_pairs)

    def sentences() -> int:
        for question, typed in sentence_pairs:
            grade(question, typed, lexicon)
        return len(sentence_pairs)

    ours_exact = sum(grade(c.question, c.typed, lexicon).verdict == c.verdict for c in cases)
    labelled_accept = [c.verdict in ("correct", "close") for c in cases]
    ours_accept = sum(
        grade(c.question, c.typed, lexicon).accepted == a for c, a in zip(cases, labelled_accept, strict=True)
    )
    naive_accept = sum(
        naive_accepts(c.question, c.typed) == a for c, a in zip(cases, labelled_accept, strict=True)
    )
    naive_false_accepts = sum(
        naive_accepts(c.question, c.typed) and not a for c, a in zip(cases, labelled_accept, strict=True)
    )
    ours_false_accepts = sum(
        grade(c.question, c.typed, lexicon).accepted and not a
        for c, a in zip(cases, labelled_accept, strict=True)
    )

    measured = rates(
        {
            "naive": (naive, None),
            "warm": (core, None),
            "cold": (core, empty_caches),
            "lines": (batch, None),
            "huge": (huge, None),
            "sentences": (sentences, empty_caches),
        },
        args.seconds,
    )
    naive_rate, warm, cold, lines_rate = (measured[k] for k in ("naive", "warm", "cold", "lines"))

    n = len(cases)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"python {sys.version.split()[0]}; {n} labelled answers, {len(questions)} questions")
    print(f"machine: {os.cpu_count()} cores, load average {load:.1f} (other work slows every figure alike)")
    print(
        f"lexicon built in {built * 1000:.1f} ms ({len(lexicon)} entities); questions compiled in {compiled * 1000:.1f} ms"
    )
    print()
    print(f"{'grader':42} {'answers/s':>12} {'x naive':>8}")
    print(f"{'naive fuzz.WRatio >= 85':42} {naive_rate:12,.0f} {1.0:8.2f}")
    print(f"{'grade(), warm text caches':42} {warm:12,.0f} {warm / naive_rate:8.2f}")
    print(f"{'grade(), every cache emptied every pass':42} {cold:12,.0f} {cold / naive_rate:8.2f}")
    print(f"{'grade_lines() (JSON in, dicts out)':42} {lines_rate:12,.0f} {lines_rate / naive_rate:8.2f}")
    print()
    print(f"{'worst input, through grade()':42} {'answers/s':>12} {'x table':>8}")
    for label, key in (
        ("5,000 characters (refused unread)", "huge"),
        ("300 characters of names, caches cold", "sentences"),
    ):
        print(f"{label:42} {measured[key]:12,.0f} {measured[key] / warm:8.2f}")
    print()
    print(f"{'accuracy on the labelled table':42} {'ours':>12} {'naive':>8}")
    print(f"{'exact verdict':42} {ours_exact / n:12.1%} {'-':>8}")
    print(f"{'accepted or not, as labelled':42} {ours_accept / n:12.1%} {naive_accept / n:8.1%}")
    print(f"{'wrong answers accepted':42} {ours_false_accepts:12d} {naive_false_accepts:8d}")
    print(
        f"{'right answers refused':42} {n - ours_accept - ours_false_accepts:12d} {n - naive_accept - naive_false_accepts:8d}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
