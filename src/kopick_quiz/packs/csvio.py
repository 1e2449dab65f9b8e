"""CSV: one row per question, for spreadsheets, and back.

Columns: id, type, prompt, answers, choices, tolerance, explanation, tags, difficulty, source,
accept, hint, feedback. Lists (answers, choices, tags, accept) are joined with ` | `. An answer
worth a share of the points is written as in Moodle's GIFT: `%50%Kitten` (and, for a number,
`%50%1800:30` with its own tolerance). `feedback` holds one `answer => feedback` line per answer
that has feedback of its own, right, partly right or wrong (the answer as the answers cell
writes it, `%50%Kitten => ...`; a line break in feedback is written `\\n`); `* => ...` is for any
other wrong answer. The file is UTF-8 with a byte-order mark and CRLF line ends, which is what
spreadsheet programs open without asking. A cell that a spreadsheet would run as a formula (starting with
`=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading `'`, the usual guard against
formula injection; the importer takes it off again.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

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
from .writer import number_text, spec_from_question

COLUMNS = (
    "id",
    "type",
    "prompt",
    "answers",
    "choices",
    "tolerance",
    "explanation",
    "tags",
    "difficulty",
    "source",
    "accept",
    "hint",
    "feedback",
)
SEPARATOR = " | "
ARROW = " => "
_SHARE = re.compile(r"^%(\d+(?:\.\d+)?)%\s*(.*)$", re.DOTALL)
_FORMULA = ("=", "+", "-", "@", "\t", "\r")
_GUARDED = re.compile(r"^'+[=+\-@\t\r]")
_PLAIN_NUMBER = re.compile(r"^[+-]?\d+(?:\.\d+)?%?$")


def guard(cell: str) -> str:
    """`cell` made safe to open in a spreadsheet: never read as a formula."""
    if cell.startswith(_FORMULA) and not _PLAIN_NUMBER.match(cell):
        return "'" + cell
    if _GUARDED.match(cell):  # a text that itself looks guarded keeps its own quote marks
        return "'" + cell
    return cell


def unguard(cell: str) -> str:
    """The text a guarded cell stood for."""
    return cell[1:] if _GUARDED.match(cell) else cell


def export_csv(pack: Pack) -> Exported:
    """The pack as CSV text (every question fits in a row), and notes (none)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for q in pack.questions:
        spec = spec_from_question(q)
        answers = [_answer_cell(a) for a in spec["answer"]]
        feedback = [
            f"{_key(_answer_cell(a))}{ARROW}{_one_line(a['feedback'])}"
            for a in spec["answer"]
            if isinstance(a, dict) and a.get("feedback")
        ]
        feedback += [f"{_key(k)}{ARROW}{_one_line(v)}" for k, v in spec["feedback"].items()]
        row = [
            q.id,
            q.type,
            q.prompt,
            SEPARATOR.join(answers),
            SEPARATOR.join(spec["choices"]),
            spec["tolerance"],
            q.explanation,
            SEPARATOR.join(q.tags),
            str(q.difficulty),
            q.source,
            SEPARATOR.join(q.accept),
            q.hint or "",
            "\n".join(feedback),
        ]
        writer.writerow([guard(cell) for cell in row])
    return Exported("\ufeff" + buffer.getvalue(), len(pack), [])


def read_csv(path: Path | str, shown: str | None = None) -> Imported:
    """Convert a CSV file written by `export_csv` (or by hand with the same columns)."""
    p = Path(path)
    name = shown or str(path)
    return parse_csv(read_source(p, name), name, p)


def parse_csv(text: str, name: str = "<csv>", path: Path | None = None) -> Imported:
    """Convert CSV text (see `read_csv`)."""
    notes: list[ImportNote] = []
    specs: list[dict[str, Any]] = []
    ids: set[str] = set()
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    stem = (path or Path(name)).stem
    header: dict[str, Any] = {
        "id": slugify(stem) or "imported",
        "title": stem.replace("-", " ").strip() or stem,
    }
    try:
        names = [c.strip().lower() for c in next(reader)]
    except (StopIteration, csv.Error):
        return Imported(
            header, [], [ImportNote(name, 1, "no header row; the first row must name the columns")]
        )
    missing = [c for c in ("type", "prompt", "answers") if c not in names]
    if missing:
        note = (
            f"the header row lacks the column(s) {', '.join(missing)}; the columns are {', '.join(COLUMNS)}"
        )
        return Imported(header, [], [ImportNote(name, 1, note)])
    unknown = [c for c in names if c and c not in COLUMNS]
    if unknown:
        notes.append(ImportNote(name, 1, f"unknown column(s) {', '.join(unknown)} are ignored"))
    try:
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            cells = {k: clean_text(unguard(v)) for k, v in zip(names, row, strict=False) if k in COLUMNS}
            spec = _spec(cells)
            base = (
                slugify(cells.get("id", ""), keep_dots=True, max_len=120)
                or slugify(spec["prompt"])
                or "question"
            )
            candidate = {"id": base, **spec}
            if keep_valid(candidate, notes, name, line, "row"):
                candidate["id"] = unique_id(base, ids)
                specs.append(candidate)
    except csv.Error as exc:
        notes.append(
            ImportNote(name, reader.line_num, f"the rest of the file is not valid CSV ({exc}); skipped")
        )
    return Imported(header, specs, sorted(notes))


def _answer_cell(answer: str | dict[str, Any]) -> str:
    """An answer as a cell part: its text, after `%50%` when it earns a share of the points."""
    if isinstance(answer, str):
        return f"%100%{answer}" if _SHARE.match(answer) else answer
    text = answer["text"] + (f":{answer['tolerance']}" if answer.get("tolerance") else "")
    weight = answer.get("weight")
    if weight is None and (_SHARE.match(text) or answer.get("tolerance")):
        weight = 100.0  # written out, so that the text is not read as a weight or a tolerance
    return text if weight is None else f"%{number_text(weight)}%{text}"


def _answers(cell: str, kind: str, feedback: dict[str, str]) -> list[Any]:
    """The `answer` field from an answers cell, each answer with its feedback from the feedback cell."""
    out: list[Any] = []
    for part in _split(cell):
        m = _SHARE.match(part)
        if not m:
            out.append({"text": part, "feedback": feedback.pop(part)} if part in feedback else part)
            continue
        text, tolerance = m.group(2).strip(), ""
        if kind in ("number", "year") and ":" in text:
            text, _, tolerance = text.partition(":")
        entry: dict[str, Any] = {"text": text.strip(), "weight": float(m.group(1))}
        if tolerance.strip():
            entry["tolerance"] = tolerance.strip()
        said = feedback.pop(part, None) or feedback.pop(text.strip(), None)  # as written, or its text
        if said:
            entry["feedback"] = said
        out.append(entry)
    return out


def _one_line(text: str) -> str:
    """Feedback on one line of the feedback cell: a line break is written `\\n` (a backslash `\\\\`)."""
    return text.replace("\\", "\\\\").replace("\n", "\\n")


def _key(answer: str) -> str:
    """An answer before ` => `: on one line, an arrow in it written `=\\>`."""
    return _one_line(answer).replace("=>", "=\\>")


def _lines(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) == "n" else m.group(1), text)


def _feedback(cell: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in cell.split("\n"):
        answer, arrow, said = line.partition(ARROW.strip())
        if arrow and answer.strip() and said.strip():
            out[_lines(answer.strip())] = _lines(said.strip())
    return out


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()] if cell else []


def _spec(cells: dict[str, str]) -> dict[str, Any]:
    kind = cells.get("type", "") or "short"
    feedback = _feedback(cells.get("feedback", ""))
    spec: dict[str, Any] = {
        "type": kind,
        "prompt": cells.get("prompt", ""),
        "answer": _answers(cells.get("answers", ""), kind, feedback),
        "accept": _split(cells.get("accept", "")),
        "choices": [] if kind == "truefalse" else _split(cells.get("choices", "")),
        "tolerance": cells.get("tolerance", "") or None,
        "explanation": cells.get("explanation", "") or None,
        "hint": cells.get("hint", "") or None,
        "feedback": feedback or None,
        "tags": _split(cells.get("tags", "")),
        "source": cells.get("source", "") or None,
    }
    difficulty = cells.get("difficulty", "")
    if difficulty:
        spec["difficulty"] = int(difficulty) if difficulty.isdigit() else difficulty
    return {k: v for k, v in spec.items() if v not in (None, [])}


register(Format("csv", (".csv",), parse=parse_csv, export=export_csv))
