"""A compiled cache of the library: the validated fact base and every pack's questions.

A second start reads one file (`library.cache`) instead of parsing and checking YAML and generating questions:
three JSON lines (a header, the packs, the problems found), then the fact base packed by
`records.to_bytes`, whose records are built again without validating them (the header keeps
the hash of those bytes; what they hold was validated when the cache was written). The cache is
keyed by the content hash of every source file and by the program itself (its version and the
size and modification time of each of its modules), so any change to a source or to the code
rebuilds it. A cache that is unreadable, foreign, from another version or damaged is ignored
and rebuilt, never trusted.

Indexes built from the fact base are kept beside it in the same folder, named by the hash of
the fact base's packed bytes (`FactBase.content_hash`): the chat's sentence index
(`chat-sentences-HASH.sqlite`, see `chat.retrieval`) is built on the first question and
opened as it is by every later run, until the fact base changes.

Hashing a 120 MB fact base on every start would cost more than reading the cache, so the header
also keeps each source's size and modification time, as git's index does: when they are all
unchanged, and the cache was written well after the last change (a file changed in the same
moment as it was hashed could keep its stamp), the sources are not read at all.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict
from functools import cache
from pathlib import Path
from typing import Any

from . import __version__
from .diagnostics import Problem
from .facts import records
from .facts.base import FactBase
from .packs.load import Pack
from .progress import Progress, no_progress, split
from .questions import Question

MAGIC = "kopick-quiz library cache"
# Lines: header, packs, problems (JSON), then the packed fact base (`records.to_bytes`) to the end.
FORMAT = 3
CACHE_FILE = "library.cache"
OLD_CACHE_FILES = ("library.json",)  # what formats 1 and 2 were called: removed when the cache is written
RACY_NS = 2_000_000_000  # a source changed this soon before its stamp was taken is hashed again

Stamp = dict[str, Any]  # {"at": ns, "files": [[path, size, mtime_ns], ...]}: what stat said, and when


@cache
def code_key() -> str:
    """The program's version and the size and modification time of each of its modules."""
    package = Path(__file__).parent
    digest = hashlib.sha256(f"{MAGIC}\0{FORMAT}\0{__version__}\0".encode())
    for module in sorted(package.rglob("*.py")):
        stat = module.stat()
        digest.update(f"{module.relative_to(package)}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
    return digest.hexdigest()


def shipped_key(root: Path, sources: Sequence[Path]) -> str:
    """The key of the cache shipped in the wheel: the program's modules and the shipped sources, by content.

    An installed file's modification time is when it was installed, not built, so unlike
    `code_key` this hashes what the modules say; and the sources are named relative to the
    shipped folder (`data/facts.yaml`), wherever the package is installed. Only a first start
    pays for it: once the user's cache exists, `code_key` and the stamps are what is checked.
    """
    package = Path(__file__).parent
    digest = hashlib.sha256(f"{MAGIC}\0shipped\0{FORMAT}\0{__version__}\0".encode())
    for module in sorted(package.rglob("*.py")):
        content = module.read_bytes()
        digest.update(f"{module.relative_to(package).as_posix()}\0{len(content)}\0".encode())
        digest.update(content)
    for source in sources:
        content = source.read_bytes()
        digest.update(f"{source.relative_to(root).as_posix()}\0{len(content)}\0".encode())
        digest.update(content)
    return digest.hexdigest()


def source_key(sources: Iterable[tuple[str, bytes]]) -> str:
    """The hash of the program (`code_key`) and every (name, content) source, in order."""
    digest = hashlib.sha256(code_key().encode())
    for name, content in sources:
        digest.update(name.encode("utf-8", "surrogatepass") + b"\0")
        digest.update(len(content).to_bytes(8, "big"))
        digest.update(content)
    return digest.hexdigest()


def source_stamp(paths: Sequence[Path]) -> Stamp | None:
    """Each source's path, size and modification time, and the time now; None if one cannot be read.

    Take it before the sources are read: a change made while they are read then shows.
    """
    at = time.time_ns()
    try:
        return {"at": at, "files": [[str(p), (st := p.stat()).st_size, st.st_mtime_ns] for p in paths]}
    except OSError:
        return None


def read_cache(
    folder: Path,
    key: str | Callable[[], str],
    fallback: Callable[[], FactBase],
    stamp: Stamp | None = None,
) -> tuple[Callable[[Progress], FactBase], list[Pack], list[Problem]] | None:
    """The cached library for `key`, or None when there is none fit to trust.

    `key` may be given as a function, called only when the sources' `stamp` does not match the
    header's (so unchanged sources are not read). The packs are read at once; the fact base is
    returned as a loader that builds it from the cache on first use, telling a progress how far
    (its bytes are checked against the header's hash now), falling back to `fallback` (the
    sources) should that fail.
    """
    path = folder / CACHE_FILE
    try:
        with path.open("rb") as f:
            header = json.loads(f.readline())
            if not isinstance(header, dict) or header.get("magic") != MAGIC or header.get("format") != FORMAT:
                return None
            if not _stamp_holds(header, stamp) and header.get("key") != (
                key if isinstance(key, str) else key()
            ):
                return None
            packs = [_pack(p) for p in json.loads(f.readline())]
            problems = [Problem(**p) for p in json.loads(f.readline())]
            packed = f.read()
            if hashlib.sha256(packed).hexdigest() != header.get("facts"):
                return None
    except Exception:  # noqa: BLE001 - any fault in a cache means: rebuild it
        return None

    def load(progress: Progress = no_progress) -> FactBase:
        nonlocal packed
        building, indexing = split(progress, 10, 1)
        try:
            facts = records.from_bytes(packed, building)
        except ValueError:
            return fallback()
        finally:
            packed = b""  # not kept once read: a big base's packed bytes are tens of MB
        base = FactBase(facts)
        base.content_hash = header["facts"]
        indexing(1, 1)
        return base

    return load, packs, problems


def _stamp_holds(header: dict[str, Any], stamp: Stamp | None) -> bool:
    """Whether the sources are as they were when the cache was made, by stat alone.

    Only a stamp taken well after each source's last change counts: a source changed within
    the same clock tick as it was read could keep its size and time and still differ.
    """
    old = header.get("stamp")
    if stamp is None or not isinstance(old, dict) or old.get("files") != stamp["files"]:
        return False
    at = old.get("at")
    if not isinstance(at, int) or header.get("code") != code_key():
        return False
    return all(isinstance(mtime, int) and mtime < at - RACY_NS for _, _, mtime in stamp["files"])


def write_cache(
    folder: Path,
    key: str,
    base: FactBase,
    packs: list[Pack],
    problems: list[Problem],
    stamp: Stamp | None = None,
) -> bool:
    """Write the cache atomically; False (and nothing left behind) when the folder is not writable.

    `stamp` is what stat said of the sources before they were read (see `source_stamp`).
    """
    packed = records.to_bytes(base.facts)
    base.content_hash = hashlib.sha256(packed).hexdigest()
    header = {
        "magic": MAGIC,
        "format": FORMAT,
        "version": __version__,
        "code": code_key(),
        "key": key,
        "stamp": stamp,
        "facts": base.content_hash,
    }
    lines = [
        json.dumps(header).encode(),
        json.dumps([_pack_json(p) for p in packs], ensure_ascii=False, separators=(",", ":")).encode(),
        json.dumps([asdict(p) for p in problems], ensure_ascii=False).encode(),
    ]
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".library-", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(b"\n".join(lines) + b"\n")
                f.write(packed)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, folder / CACHE_FILE)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        return False
    for old in OLD_CACHE_FILES:  # a big base's was 100s of MB
        with contextlib.suppress(OSError):
            (folder / old).unlink(missing_ok=True)
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
