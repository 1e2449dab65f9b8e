"""Writing packs: pack YAML text from question specs, and the steps every import shares.

The writer quotes exactly what the strict loader (`yamlio`) would otherwise read as a number,
a yes/no value or a date, so that whatever it writes loads back as the same text. Imports
(GIFT, Aiken) build plain dicts in the order of `QuestionSpec`'s fields, then call
`finish_import`, which writes them out and checks the result with the pack checker.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..diagnostics import FileProblems, Problem
from ..questions import Question
from ..yamlio import _NULLS, PACK_MAX_BYTES, YamlError, _typed_kind, decode, load_yaml
from .load import Pack, check_pack_data
from .model import QuestionSpec

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
)

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
    if isinstance(value, str):
        if key == "answer" and kind in ("number", "year") and _NUMBER.match(value):
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
        items = [str(v) for v in value]
        if key == "tags":
            return [f"{indent}{key}: [{', '.join(scalar(t, flow=True) for t in items)}]"]
        lines = [f"{indent}{key}:"]
        for item in items:
            block = _block(item, indent + "    ")
            lines.append(f"{indent}  - {block or scalar(item)}")
        return lines
    raise TypeError(f"cannot write {type(value).__name__} as pack YAML")


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
            value = value[0]
        lines.extend(_value(key, value, indent + "  ", kind))
    lines[0] = f"{indent}- {lines[0].lstrip()}"
    return lines


def dump_pack(
    header: Mapping[str, Any], questions: Iterable[Mapping[str, Any]], comments: Sequence[str] = ()
) -> str:
    """Pack YAML text: `comments` (one `# ` line each), the header fields, then the questions."""
    out = [f"# {c}".rstrip() for c in comments]
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


def spec_from_question(q: Question) -> dict[str, Any]:
    """A loaded `Question` back as the fields of a pack question (for writing it out)."""
    tolerance = ""
    if q.tolerance.relative:
        tolerance = f"{number_text(q.tolerance.relative * 100)}%"
    elif q.tolerance.absolute:
        tolerance = number_text(q.tolerance.absolute)
    return {
        "id": q.id,
        "type": q.type,
        "prompt": q.prompt,
        "answer": list(q.answers),
        "accept": list(q.accept),
        "choices": [] if q.type == "truefalse" else list(q.choices),
        "tolerance": tolerance,
        "explanation": q.explanation,
        "hint": q.hint or "",
        "feedback": dict(q.feedback),
        "tags": list(q.tags),
        "difficulty": q.difficulty,
        "source": q.source,
    }


def number_text(value: float) -> str:
    """A number as people write it: `1955`, `2.5`, never `1.955e+03`."""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.10f}".rstrip("0").rstrip(".")


# -- ids ---------------------------------------------------------------------------------------


def slugify(text: str, *, keep_dots: bool = False, max_len: int = 60) -> str:
    """A valid id made of `text`: lower-case ASCII words joined by '-' (and '.' if kept)."""
    folded = unicodedata.normalize("NFKD", re.sub("['\u2019]", "", text.casefold()))
    ascii_text = (
        "".join(ch for ch in folded if not unicodedata.combining(ch)).encode("ascii", "ignore").decode()
    )
    allowed = r"[^a-z0-9.]+" if keep_dots else r"[^a-z0-9]+"
    slug = re.sub(allowed, "-", ascii_text)
    slug = re.sub(r"[-.]*\.[-.]*", ".", slug) if keep_dots else slug
    slug = re.sub(r"-+", "-", slug).strip("-.")
    if len(slug) > max_len:
        cut = slug[:max_len]
        slug = cut[: cut.rfind("-")] if "-" in cut[max_len // 2 :] else cut
        slug = slug.strip("-.")
    return slug


def unique_id(base: str, taken: set[str]) -> str:
    """`base`, or `base-2`, `base-3` ... whichever is not yet in `taken` (which is updated)."""
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    taken.add(candidate)
    return candidate


# -- imports -----------------------------------------------------------------------------------


@dataclass(frozen=True, order=True)
class ImportNote:
    """Something in an imported file that could not be kept as it was: `path:line: warning: ...`."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: warning: {self.message}"


@dataclass
class Imported:
    """A converted file: the pack header, its questions as spec dicts, and what was lost."""

    header: dict[str, Any]
    questions: list[dict[str, Any]] = field(default_factory=list)
    notes: list[ImportNote] = field(default_factory=list)


def read_source(path: Path | str, shown: str | None = None, max_bytes: int = PACK_MAX_BYTES) -> str:
    """A teacher's text file as text; raises FileProblems with one clear error when it is not one."""
    name = shown or str(path)
    p = Path(path)

    def fail(message: str, line: int = 1, col: int = 1) -> FileProblems:
        return FileProblems([Problem(name, line, col, "error", message)])

    try:
        size = p.stat().st_size
        if p.is_dir():
            raise fail("is a folder, not a file to import")
        if size > max_bytes:
            raise fail(f"file is {size:,} bytes; the limit for an import is {max_bytes:,}")
        data = p.read_bytes()
    except FileNotFoundError:
        raise fail("no such file") from None
    except OSError as exc:
        raise fail(f"cannot read: {exc.strerror or exc}") from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16, as Windows Notepad saves "Unicode"
        try:
            data = data.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError:
            raise fail("this UTF-16 file is damaged; save it again as UTF-8") from None
    if b"\x00" in data[:65536]:
        raise fail("this is a binary file, not a text file to import")
    try:
        text = decode(name, data)
    except YamlError as exc:
        raise fail(exc.message, exc.line, exc.col) from None
    if not text.strip():
        raise fail("the file is empty; there is nothing to import")
    return text.replace("\r\n", "\n").replace("\r", "\n")


_INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)


def clean_text(text: str) -> str:
    """Drop invisible and control characters (the pack loader refuses them) and outer spaces."""
    return _INVISIBLE.sub("", text).strip()


def keep_valid(
    spec: dict[str, Any], notes: list[ImportNote], path: str, line: int, what: str = "question"
) -> bool:
    """Whether `spec` is a valid pack question; if not, a note saying why it is skipped."""
    try:
        QuestionSpec.model_validate(spec)
    except ValidationError as exc:
        err = exc.errors(include_url=False)[0]
        where = ".".join(str(p) for p in err["loc"] if not str(p).startswith("function-"))
        reason = err["msg"]
        reason = reason[0].lower() + reason[1:]
        notes.append(ImportNote(path, line, f"{what} skipped: {where + ': ' if where else ''}{reason}"))
        return False
    return True


IMPORT_FORMATS = ("gift", "aiken", "csv")
EXPORT_FORMATS = ("gift", "aiken", "csv", "apkg")
_SUFFIXES = {".gift": "gift", ".aiken": "aiken", ".csv": "csv", ".apkg": "apkg"}


def format_of(path: Path) -> str | None:
    """The format a file name announces (`.gift`, `.aiken`, `.csv`, `.apkg`), or None."""
    return _SUFFIXES.get(path.suffix.lower())


def sniff(text: str) -> str:
    """GIFT or Aiken, for a `.txt` file: Aiken has `ANSWER:` lines and no answer braces."""
    if re.search(r"^\s*ANSWER\s*:", text, re.MULTILINE | re.IGNORECASE) and "{" not in text:
        return "aiken"
    return "gift"


def import_file(path: Path, fmt: str | None = None, shown: str | None = None) -> Imported:
    """Convert a GIFT, Aiken or CSV file (`fmt`, else told by its name or content); raises FileProblems."""
    from .aiken import parse_aiken
    from .csvio import parse_csv
    from .gift import parse_gift

    name = shown or str(path)
    text = read_source(path, name)
    kind = fmt or format_of(path) or sniff(text)
    parse = {"gift": parse_gift, "aiken": parse_aiken, "csv": parse_csv}.get(kind)
    if parse is None:
        raise FileProblems(
            [Problem(name, 1, 1, "error", f"cannot import {kind} files; use GIFT, Aiken or CSV")]
        )
    return parse(text, name, path)


@dataclass(frozen=True)
class Exported:
    """A pack in another format: the file's content, how many questions it holds, what was left out."""

    content: str | bytes
    count: int
    notes: list[str]


def export_pack(pack: Pack, fmt: str) -> Exported:
    """`pack` as GIFT, Aiken, CSV text or the bytes of an Anki deck (`apkg`)."""
    from .aiken import export_aiken
    from .anki import export_apkg
    from .csvio import export_csv
    from .gift import export_gift

    exporters = {"gift": export_gift, "aiken": export_aiken, "csv": export_csv, "apkg": export_apkg}
    return exporters[fmt](pack)


def finish_import(
    imported: Imported, out_name: str, base: Any = None, comments: Sequence[str] = ()
) -> tuple[str, Pack | None, list[Problem]]:
    """The pack YAML text of an import, the pack it loads as, and the checker's problems."""
    text = dump_pack(imported.header, imported.questions, comments)
    try:
        root = load_yaml(text, out_name)
    except YamlError as exc:  # pragma: no cover - the writer quotes everything it must
        return text, None, [Problem.from_yaml(exc)]
    pack, problems = check_pack_data(root, out_name, base)
    return text, pack, problems
