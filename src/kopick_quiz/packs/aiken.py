"""Aiken: the one-line multiple-choice format Moodle reads and writes.

    Which Thai studio co-produced The Medium (2021)?
    A. Showbox
    B. GDH 559
    C) Huayi Brothers
    ANSWER: B

The question is one line (several lines are joined), each choice a letter and `.` or `)`, and
`ANSWER:` the letter of the right one. Aiken holds choice questions only: exporting skips every
other kind with a note. `ANSWER: A, C` (not standard Aiken) is read as a `multi` question.
"""

from __future__ import annotations

import re
import string
from pathlib import Path
from typing import Any

from ..text import normalise
from .formats import (
    Exported,
    Format,
    Imported,
    ImportNote,
    clean_text,
    keep_valid,
    read_source,
    register,
    slugify,
    unique_id,
)
from .load import Pack

_OPTION = re.compile(r"^\s*([A-Z])\s*[.)]\s+(.*?)\s*$")
_ANSWER = re.compile(r"^\s*ANSWER\s*:\s*(.*?)\s*$", re.IGNORECASE)
_LETTERS = re.compile(r"^[A-Z](?:\s*[,;]?\s*[A-Z])*$")


def read_aiken(path: Path | str, shown: str | None = None) -> Imported:
    """Convert an Aiken file; raises FileProblems when the file cannot be read."""
    p = Path(path)
    name = shown or str(path)
    return parse_aiken(read_source(p, name), name, p)


def parse_aiken(text: str, name: str = "<aiken>", path: Path | None = None) -> Imported:
    """Convert Aiken text (see `read_aiken`)."""
    notes: list[ImportNote] = []
    specs: list[dict[str, Any]] = []
    ids: set[str] = set()
    prompt: list[str] = []
    options: list[tuple[str, str]] = []
    start = 0

    def reset() -> None:
        nonlocal start
        prompt.clear()
        options.clear()
        start = 0

    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        answer = _ANSWER.match(line)
        option = _OPTION.match(line)
        if answer:
            if not prompt:
                notes.append(ImportNote(name, number, "'ANSWER:' without a question before it; skipped"))
            else:
                spec = _question(prompt, options, answer.group(1), name, start, notes)
                if spec is not None:
                    candidate = {"id": slugify(spec["prompt"]) or "question", **spec}
                    if keep_valid(candidate, notes, name, start):
                        candidate["id"] = unique_id(candidate["id"], ids)
                        specs.append(candidate)
            reset()
        elif option and prompt:
            options.append((option.group(1), clean_text(option.group(2))))
        else:
            if options:
                notes.append(ImportNote(name, start, "a question without an 'ANSWER:' line; skipped"))
                reset()
            if not prompt:
                start = number
            prompt.append(clean_text(line))
    if prompt:
        notes.append(ImportNote(name, start, "a question without an 'ANSWER:' line; skipped"))
    stem = (path or Path(name)).stem
    words = re.sub(r"[-_]+", " ", stem).strip()
    header = {
        "id": slugify(stem) or "imported",
        "title": (words[:1].upper() + words[1:]) or "Imported questions",
    }
    return Imported(header, specs, sorted(notes))


def _question(
    prompt: list[str],
    options: list[tuple[str, str]],
    letters: str,
    name: str,
    line: int,
    notes: list[ImportNote],
) -> dict[str, Any] | None:
    by_letter = dict(options)
    wanted = re.sub(r"\s+", " ", letters.upper()).strip()
    if not _LETTERS.match(wanted):
        notes.append(ImportNote(name, line, f"'ANSWER: {letters}' does not name a choice letter; skipped"))
        return None
    picked = re.findall(r"[A-Z]", wanted)
    missing = [p for p in picked if p not in by_letter]
    if missing:
        notes.append(ImportNote(name, line, f"'ANSWER: {letters}' names no choice {missing[0]}; skipped"))
        return None
    choices = [text for _, text in options]
    right = [by_letter[p] for p in picked]
    kind = "choice" if len(right) == 1 else "multi"
    return {"type": kind, "prompt": " ".join(prompt), "answer": right, "choices": choices}


def export_aiken(pack: Pack) -> Exported:
    """The pack's choice questions as Aiken text, and one note for each question left out."""
    notes: list[str] = []
    blocks: list[str] = []
    for q in pack.questions:
        if q.type != "choice":
            notes.append(
                f"question '{q.id}' is a {q.type} question; Aiken holds only choice questions; left out"
            )
            continue
        if len(q.choices) > len(string.ascii_uppercase):
            notes.append(f"question '{q.id}' has more than 26 choices; Aiken cannot letter them; left out")
            continue
        if len(q.answers) > 1:
            notes.append(f"question '{q.id}' has several right choices; only '{q.answers[0]}' is kept")
        shares = [w.text for w in q.weighted if 0 < w.weight < 100]
        if shares:
            named = ", ".join(f"'{t}'" for t in shares)
            notes.append(f"question '{q.id}': Aiken has no partial credit; {named} count as wrong")
        lines = [_one_line(q.prompt)]
        answer = ""
        for letter, choice in zip(string.ascii_uppercase, q.choices, strict=False):
            lines.append(f"{letter}. {_one_line(choice)}")
            if not answer and normalise(choice) == normalise(q.answers[0]):
                answer = letter
        lines.append(f"ANSWER: {answer}")
        if "\n" in q.prompt or any("\n" in c for c in q.choices):
            notes.append(f"question '{q.id}': Aiken has no line breaks; its lines are joined")
        blocks.append("\n".join(lines))
    return Exported("\n\n".join(blocks) + ("\n" if blocks else ""), len(blocks), notes)


def _one_line(text: str) -> str:
    return re.sub(r"\s*\n\s*", " ", text).strip()


register(Format("aiken", (".aiken",), parse=parse_aiken, export=export_aiken))
