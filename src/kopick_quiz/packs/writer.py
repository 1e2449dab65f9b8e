"""The one pack writer: pack YAML text from question specs or from loaded questions.

Imports (`formats.finish_import`), `kopick-quiz generate` (`to_pack_yaml`) and the starter pack
all write packs through it. It quotes exactly what the strict loader (`yamlio`) would otherwise
read as a number, a yes/no value or a date, so that whatever it writes loads back as the same
text; `spec_from_question` keeps every field a hand-written pack can hold.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ..questions import Question, Tolerance, Weighted
from ..yamlio import _NULLS, _typed_kind

SCHEMA_FILE = "pack.schema.json"
HEADER_KEYS = ("id", "title", "description", "author", "version", "tags")
QUESTION_KEYS = (
    "id",
    "type",
    "prompt",
    "answer",
    "accept",
    "choices",
    "tolerance",
    "explanation",
    "hint",
    "feedback",
    "tags",
    "difficulty",
    "source",
    "kind",
    "subject",
)
ENTRY_KEYS = ("text", "weight", "tolerance", "feedback")

# -- YAML text ---------------------------------------------------------------------------------

_NUMBER = re.compile(r"^-?\d+(?:\.\d+)?$")
_PLAIN_FORBIDDEN = re.compile(r": |:$| #|[\t\r\n\x85\u2028\u2029]")
_FLOW_FORBIDDEN = re.compile(r"[,\[\]{}]")
# Characters the loader refuses anywhere in a file: written escaped inside double quotes.
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)


def _plain_ok(text: str, flow: bool) -> bool:
    return (
        bool(text)
        and (text[0].isalnum() or text[0] == "(")
        and text == text.strip()
        and text not in _NULLS
        and _typed_kind(text) is None
        and not _PLAIN_FORBIDDEN.search(text)
        and not _UNSAFE.search(text)
        and not (flow and _FLOW_FORBIDDEN.search(text))
    )


def _quoted(text: str) -> str:
    out = json.dumps(text, ensure_ascii=False)
    # JSON leaves these raw; YAML would read them as line breaks or the loader refuse them.
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", out)


def scalar(text: str, *, flow: bool = False) -> str:
    """`text` as a YAML scalar that the project's loader reads back as the same text."""
    return text if _plain_ok(text, flow) else _quoted(text)


def _block(text: str, indent: str) -> str | None:
    """`text` as a literal block (`|-`), when it has several lines and survives one unchanged."""
    lines = text.split("\n")
    if len(lines) < 2 or not lines[0] or lines[0][0] == " " or _UNSAFE.search(text) or "\r" in text:
        return None
    if any(line != line.rstrip() or "\t" in line for line in lines) or not lines[-1]:
        return None
    body = "\n".join(f"{indent}{line}" if line else "" for line in lines)
    return f"|-\n{body}"


def _value(key: str, value: Any, indent: str, kind: str | None) -> list[str]:
    """The lines of `key: value` at `indent`."""
    if isinstance(value, bool):
        return [f"{indent}{key}: {'true' if value else 'false'}"]
    if isinstance(value, int):
        return [f"{indent}{key}: {value}"]
    if isinstance(value, float):
        return [f"{indent}{key}: {number_text(value)}"]
    if isinstance(value, str):
        numeric = key == "tolerance" or (key in ("answer", "text") and kind in ("number", "year"))
        if numeric and _NUMBER.match(value):
            return [f"{indent}{key}: {value}"]
        if key == "answer" and kind == "truefalse" and value.lower() in ("true", "false"):
            return [f"{indent}{key}: {value.lower()}"]
        block = _block(value, indent + "  ")
        return [f"{indent}{key}: {block or scalar(value)}"]
    if isinstance(value, Mapping):
        lines = [f"{indent}{key}:"]
        for k, v in value.items():
            lines.extend(_value(scalar(str(k)), v, indent + "  ", None))
        return lines
    if isinstance(value, Sequence):
        if key == "tags":
            return [f"{indent}{key}: [{', '.join(scalar(str(t), flow=True) for t in value)}]"]
        lines = [f"{indent}{key}:"]
        for item in value:
            if isinstance(item, Mapping):
                lines.extend(_entry_lines(item, indent + "  ", kind))
                continue
            text = str(item)
            if key == "answer" and kind in ("number", "year") and _NUMBER.match(text):
                lines.append(f"{indent}  - {text}")
                continue
            block = _block(text, indent + "    ")
            lines.append(f"{indent}  - {block or scalar(text)}")
        return lines
    raise TypeError(f"cannot write {type(value).__name__} as pack YAML")


def _entry_lines(entry: Mapping[str, Any], indent: str, kind: str | None) -> list[str]:
    """An answer entry (`text`, `weight`, `feedback`...) as the lines of a list item."""
    lines: list[str] = []
    keys = [k for k in ENTRY_KEYS if k in entry] + [k for k in entry if k not in ENTRY_KEYS]
    for key in keys:
        if not _empty(entry[key]):
            lines.extend(_value(key, entry[key], indent + "  ", kind))
    lines[0] = f"{indent}- {lines[0].lstrip()}"
    return lines


def _empty(value: Any) -> bool:
    return value is None or value == "" or (isinstance(value, (list, tuple, dict)) and not value)


def question_lines(spec: Mapping[str, Any], indent: str = "  ") -> list[str]:
    """One question as the lines of a `questions:` list item."""
    lines: list[str] = []
    kind = spec.get("type", "short")
    keys = [k for k in QUESTION_KEYS if k in spec] + [k for k in spec if k not in QUESTION_KEYS]
    for key in keys:
        value = spec[key]
        if _empty(value) or (key == "difficulty" and value == 2):
            continue
        if key == "answer" and isinstance(value, (list, tuple)) and len(value) == 1:
            value = value if isinstance(value[0], Mapping) else value[0]
        lines.extend(_value(key, value, indent + "  ", kind))
    lines[0] = f"{indent}- {lines[0].lstrip()}"
    return lines


def dump_pack(
    header: Mapping[str, Any], questions: Iterable[Mapping[str, Any]], comments: Sequence[str] = ()
) -> str:
    """Pack YAML text: `comments` (one `# ` line each), the header fields, then the questions."""
    out = [f"# {c}".rstrip() for c in comments] + ([""] if comments else [])
    for key in [k for k in HEADER_KEYS if k in header] + [k for k in header if k not in HEADER_KEYS]:
        if not _empty(header[key]):
            out.extend(_value(key, header[key], "", None))
    specs = list(questions)
    if specs:
        out.append("")
        out.append("questions:")
        for i, spec in enumerate(specs):
            if i:
                out.append("")
            out.extend(question_lines(spec))
    return "\n".join(out) + "\n"


def tolerance_text(tolerance: Tolerance | None) -> str:
    """A tolerance as a pack writes it: `5%`, `1000`, or '' when exact."""
    if tolerance is None:
        return ""
    if tolerance.relative:
        return f"{number_text(tolerance.relative * 100)}%"
    if tolerance.absolute:
        return number_text(tolerance.absolute)
    return ""


def _entry(w: Weighted) -> dict[str, Any]:
    entry: dict[str, Any] = {"text": w.text}
    if w.weight != 100:
        entry["weight"] = float(w.weight)
    entry["tolerance"] = tolerance_text(w.tolerance)
    entry["feedback"] = w.feedback
    return entry


def answer_entries(q: Question) -> list[str | dict[str, Any]]:
    """A question's `answer` field: its full answers (as entries when they have feedback), then
    the answers with a weight of their own."""
    own = {w.text: w for w in q.weighted if w.weight >= 100}
    out: list[str | dict[str, Any]] = [_entry(own[a]) if a in own else a for a in q.answers]
    out += [_entry(w) for w in q.weighted if w.weight >= 100 and w.text not in q.answers]
    out += [_entry(w) for w in q.weighted if w.weight < 100]
    return out


def spec_from_question(q: Question) -> dict[str, Any]:
    """A loaded `Question` back as the fields of a pack question (for writing it out)."""
    feedback = dict(q.feedback)
    if q.otherwise:
        feedback["*"] = q.otherwise
    return {
        "id": q.id,
        "type": q.type,
        "prompt": q.prompt,
        "answer": answer_entries(q),
        "accept": list(q.accept),
        "choices": [] if q.type == "truefalse" else list(q.choices),
        "tolerance": tolerance_text(q.tolerance) if q.type == "number" else "",
        "explanation": q.explanation,
        "hint": q.hint or "",
        "feedback": feedback,
        "tags": list(q.tags),
        "difficulty": q.difficulty,
        "source": q.source,
        "kind": q.kind or "",
        "subject": q.subject or "",
    }


def to_pack_yaml(
    questions: Iterable[Question], pack_id: str, title: str, *, source: str = "the fact base"
) -> str:
    """A pack file holding `questions` (`kopick-quiz generate`); `load_pack` reads it back to the same."""
    specs = [spec_from_question(q) for q in questions]
    comments = [
        title,
        f"Generated by `kopick-quiz generate` from {source}: {len(specs)} questions.",
        "Edit freely: a question keeps its id, and with it every learner's progress and review schedule.",
        "Delete a question to drop it; change a prompt or answer to reword it; "
        "`kopick-quiz validate` checks the file.",
    ]
    return dump_pack({"id": pack_id, "title": title}, specs, comments)


def number_text(value: float) -> str:
    """A number as people write it: `1955`, `2.5`, never `1.955e+03`."""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.10f}".rstrip("0").rstrip(".")
