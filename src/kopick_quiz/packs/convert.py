"""Import a teacher's file into a pack, export a pack to a teacher's format: by the registry.

Importing this module loads every format module, each of which registers itself in
`formats.FORMATS`; the functions here only look formats up by name.
"""

from __future__ import annotations

import re
from pathlib import Path

from . import aiken, anki, csvio, gift  # noqa: F401 - each format registers itself
from .formats import FORMATS, Exported, Imported, finish_import, read_source
from .load import Pack

__all__ = ["export_pack", "finish_import", "format_of", "import_file", "sniff"]


def importable() -> tuple[str, ...]:
    """The names of the formats `import` reads."""
    return tuple(name for name, fmt in FORMATS.items() if fmt.parse is not None)


def exportable() -> tuple[str, ...]:
    """The names of the formats `export` writes."""
    return tuple(name for name, fmt in FORMATS.items() if fmt.export is not None)


def format_of(path: Path) -> str | None:
    """The format a file name announces (`.gift`, `.aiken`, `.csv`, `.apkg`), or None."""
    suffix = path.suffix.lower()
    return next((name for name, fmt in FORMATS.items() if suffix in fmt.suffixes), None)


def sniff(text: str) -> str:
    """GIFT or Aiken, for a `.txt` file: Aiken has `ANSWER:` lines and no answer braces."""
    if re.search(r"^\s*ANSWER\s*:", text, re.MULTILINE | re.IGNORECASE) and "{" not in text:
        return "aiken"
    return "gift"


def import_file(path: Path, fmt: str | None = None, shown: str | None = None) -> Imported:
    """Convert a GIFT, Aiken or CSV file (`fmt`, else told by its name or content); raises FileProblems."""
    from ..diagnostics import FileProblems, Problem

    name = shown or str(path)
    text = read_source(path, name)
    kind = fmt or format_of(path) or sniff(text)
    found = FORMATS.get(kind)
    if found is None or found.parse is None:
        names = ", ".join(sorted(importable()))
        raise FileProblems([Problem(name, 1, 1, "error", f"cannot import {kind} files; use one of {names}")])
    return found.parse(text, name, path)


def export_pack(pack: Pack, fmt: str) -> Exported:
    """`pack` as GIFT, Aiken, CSV text or the bytes of an Anki deck (`apkg`)."""
    found = FORMATS.get(fmt)
    if found is None or found.export is None:
        raise ValueError(f"cannot export to {fmt}; use one of {', '.join(exportable())}")
    return found.export(pack)
