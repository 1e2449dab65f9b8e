"""What the teachers' formats (GIFT, Aiken, CSV, Anki) share, and the registry they fill.

Each format module imports its helpers from here and registers itself with `register`;
`convert.py` imports every format module and dispatches by name through the registry. Nothing
here imports a format module, so the formats and this module form no import circle.

Imports build plain dicts in the order of `QuestionSpec`'s fields, then call `finish_import`,
which writes them out with the pack writer and checks the result with the pack checker.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..diagnostics import FileProblems, Problem, error_message
from ..yamlio import PACK_MAX_BYTES, YamlError, decode, load_yaml
from .load import Pack, check_pack_data
from .model import QuestionSpec
from .writer import dump_pack

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
    try:
        text = decode(name, data)
    except YamlError as exc:
        if b"\x00" in data[:65536]:
            raise fail("this is a binary file, not a text file to import") from None
        raise fail(exc.message, exc.line, exc.col) from None
    if "\x00" in text[:65536]:
        raise fail("this is a binary file, not a text file to import")
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
        _, reason, _ = error_message(exc.errors(include_url=False)[0], spec, QuestionSpec)
        notes.append(ImportNote(path, line, f"{what} skipped: {reason}"))
        return False
    return True


@dataclass(frozen=True)
class Exported:
    """A pack in another format: the file's content, how many questions it holds, what was left out."""

    content: str | bytes
    count: int
    notes: list[str]


# -- the registry ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Format:
    """A teachers' format: its name, the file suffixes that announce it, how to read and write it."""

    name: str
    suffixes: tuple[str, ...]
    parse: Callable[[str, str, Path | None], Imported] | None = None  # (text, shown name, path)
    export: Callable[[Pack], Exported] | None = None


FORMATS: dict[str, Format] = {}


def register(fmt: Format) -> Format:
    """Make `fmt` known to `import` and `export` (each format module calls this once)."""
    FORMATS[fmt.name] = fmt
    return fmt


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
