"""A compiled cache of the library: the validated fact base and every pack's questions.

A second start reads one JSON file instead of parsing and checking YAML and generating
questions. The cache is keyed by the content hash of every source file (and the program's
version), so any change to a source rebuilds it. A cache that is unreadable, foreign, from
another version or fails validation is ignored and rebuilt, never trusted.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from . import __version__
from .diagnostics import Problem
from .facts.base import FactBase
from .facts import records
from .packs.load import Pack
from .questions import Question

MAGIC = "kopick-quiz library cache"
FORMAT = 1
CACHE_FILE = "library.json"


def source_key(sources: Iterable[tuple[str, bytes]]) -> str:
    """The hash of the program's version and every (name, content) source, in order."""
    digest = hashlib.sha256(f"{MAGIC}\0{FORMAT}\0{__version__}\0".encode())
    for name, content in sources:
        digest.update(name.encode("utf-8", "surrogatepass") + b"\0")
        digest.update(len(content).to_bytes(8, "big"))
        digest.update(content)
    return digest.hexdigest()


def read_cache(
    folder: Path, key: str, fallback: Callable[[], FactBase]
) -> tuple[Callable[[], FactBase], list[Pack], list[Problem]] | None:
    """The cached library for `key`, or None when there is none fit to trust.

    The packs are read at once; the fact base is returned as a loader that validates it from
    the cache on first use (its bytes are checked against the header's hash now), falling back
    to `fallback` (the sources) should that ever fail.
    """
    path = folder / CACHE_FILE
    try:
        with path.open("rb") as f:
            header = json.loads(f.readline())
            if not isinstance(header, dict) or header.get("magic") != MAGIC or header.get("key") != key:
                return None
            facts_json = f.readline().rstrip(b"\n")
            if hashlib.sha256(facts_json).hexdigest() != header.get("facts"):
                return None
            packs = [_pack(p) for p in json.loads(f.readline())]
            problems = [Problem(**p) for p in json.loads(f.readline())]
    except Exception:  # noqa: BLE001 - any fault in a cache means: rebuild it
        return None

    def load() -> FactBase:
        try:
            return FactBase(records.from_json(facts_json))
        except ValueError:
            return fallback()

    return load, packs, problems


def write_cache(folder: Path, key: str, base: FactBase, packs: list[Pack], problems: list[Problem]) -> bool:
    """Write the cache atomically; False (and nothing left behind) when the folder is not writable."""
    facts_json = base.to_json()
    header = {
        "magic": MAGIC,
        "format": FORMAT,
        "version": __version__,
        "key": key,
        "facts": hashlib.sha256(facts_json).hexdigest(),
    }
    lines = [
        json.dumps(header).encode(),
        facts_json,
        json.dumps([_pack_json(p) for p in packs], ensure_ascii=False, separators=(",", ":")).encode(),
        json.dumps([asdict(p) for p in problems], ensure_ascii=False).encode(),
    ]
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".library-", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(b"\n".join(lines) + b"\n")
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, folder / CACHE_FILE)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        return False
    return True


def _pack_json(pack: Pack) -> dict[str, Any]:
    return {
        "id": pack.id,
        "title": pack.title,
        "path": pack.path,
        "description": pack.description,
        "author": pack.author,
        "tags": list(pack.tags),
        "questions": [q.to_compact() for q in pack.questions],
    }


def _pack(data: dict[str, Any]) -> Pack:
    return Pack(
        id=data["id"],
        title=data["title"],
        path=data["path"],
        questions=tuple(Question.from_compact(q) for q in data["questions"]),
        description=data["description"],
        author=data["author"],
        tags=tuple(data["tags"]),
    )
