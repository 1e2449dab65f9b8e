"""Print the feedback of one question per template of the shipped packs, to read it as a student would.

    .venv/bin/python tools/feedback.py            # one question per generated template, then the hand-written ones
    .venv/bin/python tools/feedback.py --all      # every question

For each question: the prompt, what a right answer gets back, what a wrong one gets back, and
the explanation shown after. Templates are told apart by question id, with each id part that
names an entity replaced by that entity's kind: `the-medium.director.short` -> `film.director.short`.
"""

from __future__ import annotations

import argparse
import sys
import textwrap

from kopick_quiz.grading import Lexicon, grade
from kopick_quiz.library import open_library
from kopick_quiz.questions import Question

WRONG = {"number": "1", "year": "1900", "truefalse": "", "order": "", "choice": ""}


def template_of(question: Question, kind_of: dict[str, str]) -> str:
    """`the-medium.director.short` -> `film.director.short` (hand-written questions: `hand-written`)."""
    if question.subject is None:
        return "hand-written"
    return ".".join(kind_of.get(part, part) for part in question.id.split("."))


def wrong_answer(question: Question) -> str:
    """An answer that is surely wrong: another option, the opposite, a far number, a stranger's name."""
    if question.type == "truefalse":
        return "false" if question.answers[0] == "true" else "true"
    if question.type == "choice":
        return next(c for c in question.choices if c != question.answers[0])
    if question.type == "order":
        return " ".join(str(i) for i in range(len(question.choices), 0, -1))
    return WRONG.get(question.type, "Steven Spielberg")


def show(question: Question, lexicon: Lexicon, template: str) -> str:
    right = grade(
        question,
        question.answers[0]
        if question.type != "order"
        else " ".join(str(question.choices.index(a) + 1) for a in question.answers),
        lexicon,
    )
    wrong = grade(question, wrong_answer(question), lexicon)
    wrap = textwrap.TextWrapper(width=110, initial_indent="    ", subsequent_indent="    ")
    return "\n".join(
        [
            f"[{template}] {question.id}",
            wrap.fill(f"Q: {question.prompt}"),
            wrap.fill(f"right -> {right.verdict}: {right.feedback}"),
            wrap.fill(f"wrong -> {wrong.verdict}: {wrong.feedback}"),
            wrap.fill(f"explanation: {question.explanation}"),
            "",
        ]
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--all", action="store_true", help="every question, not one per template")
    args = parser.parse_args(argv)
    library = open_library()
    lexicon = Lexicon.from_base(library.base)
    kind_of = library.base.kind_of
    seen: set[str] = set()
    for question in library.questions():
        template = template_of(question, kind_of)
        if not args.all and template != "hand-written" and template in seen:
            continue
        seen.add(template)
        sys.stdout.write(show(question, lexicon, template) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
