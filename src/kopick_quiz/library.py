"""Everything a shell opens at start: the fact base and every pack it can find."""

from __future__ import annotations

import dataclasses
import inspect
import random
import re
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from .diagnostics import FileProblems, Problem
from .facts.base import FactBase
from .facts.load import CHECK_COST, check_facts, check_facts_data
from .packs.load import Pack, check_pack_data, pack_costs
from .paths import shipped_facts, shipped_packs_dir, shipped_root
from .progress import Progress, no_progress, split
from .questions import Question

if TYPE_CHECKING:
    from .grading import Lexicon
    from .session import Mode, Session
from .yamlio import FACTS_MAX_BYTES, PACK_MAX_BYTES, YamlError, load_yaml, read_yaml


class LookupProblem(Exception):
    """A name the user gave (a pack, a question id) that does not exist; one plain sentence."""


class Library:
    """The fact base and the packs, in the order they are shown.

    `base` may be given as a function that loads it: a warm start from the cache shows the
    first question without waiting for the fact base, which is loaded on first use. A function
    that takes an argument is given a `Progress` to tell how far the load has gone.
    """

    def __init__(
        self,
        base: FactBase | Callable[[], FactBase] | Callable[[Progress], FactBase],
        packs: list[Pack],
        problems: list[Problem] | None = None,
    ) -> None:
        self._base = base if isinstance(base, FactBase) else None
        self._load_base = None if isinstance(base, FactBase) else base
        self._lock = threading.Lock()
        self.packs = packs
        self.problems = problems or []  # packs skipped or doubtful
        self.cache_dir: Path | None = None  # the compiled cache's folder, where indexes are kept too

    @property
    def base(self) -> FactBase:
        return self._base if self._base is not None else self.loaded_base()

    def loaded_base(self, progress: Progress = no_progress) -> FactBase:
        """The fact base, loaded now if it is not yet, `progress` following the load (seconds
        for a big base read from the cache; nothing when it is already loaded)."""
        if self._base is None:
            with self._lock:
                if self._base is None:
                    load = self._load_base
                    assert load is not None
                    self._base = load(progress) if inspect.signature(load).parameters else load()  # type: ignore[call-arg]
                    self._load_base = None  # and what it held (the cached bytes) with it
        progress(1, 1)
        return self._base

    def pack(self, pack_id: str) -> Pack:
        for pack in self.packs:
            if pack.id == pack_id:
                return pack
        known = ", ".join(p.id for p in self.packs) or "none"
        raise LookupProblem(f"there is no pack '{pack_id}'; the packs are: {known}")

    def questions(self, pack_id: str | None = None) -> list[Question]:
        """The questions of one pack, or of every pack (each id once, first pack wins)."""
        if pack_id is not None:
            return list(self.pack(pack_id).questions)
        seen: set[str] = set()
        out = []
        for pack in self.packs:
            for q in pack.questions:
                if q.id not in seen:
                    seen.add(q.id)
                    out.append(q)
        return out

    def explain(self, question: Question) -> str:
        """A fuller explanation of a question: its own, then what the facts say of its subject."""
        more = self.base.describe(question.subject) if question.subject else ""
        return " ".join(p for p in (question.explanation, more) if p)

    def names_by_kind(self) -> dict[str, list[str]]:
        """Main names of the entities of each kind (the pool for multiple-choice hints)."""
        return {kind: [n.text for n in names if n.main] for kind, names in self.base.names_by_kind.items()}

    def quiz(
        self,
        pack_id: str | None = None,
        count: int | None = None,
        seed: int | None = None,
        mode: Mode = "quick",
        lexicon: Lexicon | None = None,
    ) -> Session:
        """A session over one pack (or all), `count` questions in an order fixed by `seed`."""
        from .session import select

        questions = self.questions(pack_id)
        if not questions:
            raise LookupProblem("there are no questions to ask")
        title = self.pack(pack_id).title if pack_id else "All packs"
        return self.session(select(questions, count, seed), title, mode, lexicon, seed)

    def session(
        self,
        questions: list[Question],
        title: str,
        mode: Mode = "quick",
        lexicon: Lexicon | None = None,
        seed: int | None = None,
    ) -> Session:
        """A session over these questions, in this order, with hints and explanations from the facts.

        `seed` fixes the order of each choice question's options (None: a new order each time).
        """
        from .grading import Lexicon
        from .session import Session

        return Session(
            questions,
            lexicon or Lexicon.from_base(self.base, folder=self.cache_dir),
            title=title,
            mode=mode,
            explain=self.explain,
            names=self.names_by_kind(),
            option_seed=seed if seed is not None else random.randrange(1 << 32),
        )

    def question_index(self, pack_id: str | None = None) -> dict[str, Question]:
        return {q.id: q for q in self.questions(pack_id)}


def pack_files(folder: Path) -> list[Path]:
    """The pack files in a folder, sorted by name (missing folder: none)."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())


def load_base(facts: Path | None = None) -> FactBase:
    """The fact base at `facts` (default: the shipped one); raises FileProblems."""
    path = facts or shipped_facts()
    base, problems = check_facts(path, shown=shown_path(path))
    errors = [p for p in problems if p.severity == "error"]
    if base is None:
        raise FileProblems(errors)
    return base


def open_library(
    facts: Path | None = None,
    packs_dirs: Iterable[Path] = (),
    user_packs: Path | None = None,
    cache_dir: Path | None = None,
    progress: Progress = no_progress,
) -> Library:
    """Load the fact base and packs: shipped, then `packs_dirs`, then the user's own.

    A broken shipped pack is an error (FileProblems); a broken user pack is skipped and
    reported in `problems`, so one bad file never keeps a student from the rest. With another
    fact base (`facts`), the shipped packs (about the shipped facts) are left out. With a
    `cache_dir`, a library whose sources have not changed is read from the compiled cache.
    `progress` follows a cold load (parsing, checking, generating); a warm one reports nothing.
    """
    facts_path = facts or shipped_facts()
    # The shipped packs are about the shipped facts: with another fact base they are left out.
    shipped = pack_files(shipped_packs_dir()) if facts is None else []
    others = [p for d in packs_dirs for p in pack_files(d)]
    if user_packs is not None:
        others += pack_files(user_packs)
    paths = [facts_path, *shipped, *others]
    read = _Sources(facts_path)
    key = stamp = None
    if cache_dir is not None:
        from .cache import read_cache, source_key, source_stamp

        stamp = source_stamp(paths)  # before anything is read: a change made while reading shows

        def key_of() -> str:
            return source_key((str(p), _hashed(read(p))) for p in paths)

        cached = read_cache(
            cache_dir, key_of, fallback=lambda: _parse_facts(facts_path, read(facts_path)), stamp=stamp
        )
        if cached is None and facts is None and not others:
            # A first start on what the wheel shipped: its own compiled copy, checked against the
            # sources by content; the user's cache is written only once something differs.
            cached = _shipped_cache(paths, lambda: _parse_facts(facts_path, read(facts_path)))
        if cached is not None:
            read.read.clear()  # hashed, not needed: the fallback reads the facts again if it must
            library = Library(*cached)
            library.cache_dir = cache_dir
            return library
        key = key_of()

    facts_data = read(facts_path)
    packs_data = [(path, read(path)) for path in shipped + others]
    facts_done, *packs_done, written = split(progress, *_costs(facts_data, packs_data))
    base = _parse_facts(facts_path, facts_data, facts_done)
    packs: list[Pack] = []
    problems: list[Problem] = []
    ids: dict[str, str] = {}
    for (path, data), parsing, checking in zip(packs_data, packs_done[::2], packs_done[1::2], strict=True):
        pack, found = _parse_pack(path, data, base, parsing, checking)
        errors = [p for p in found if p.severity == "error"]
        if path in shipped and errors:
            raise FileProblems(errors)  # the shipped packs must always fit the shipped facts
        problems.extend(found)
        if pack is None:
            continue
        if pack.id in ids:
            problems.append(
                Problem(
                    shown_path(path),
                    1,
                    1,
                    "warning",
                    f"pack id '{pack.id}' is already used by {ids[pack.id]}; this pack is skipped, rename its id",
                )
            )
            continue
        ids[pack.id] = shown_path(path)
        packs.append(pack)
    if cache_dir is not None and key is not None:
        from .cache import write_cache

        write_cache(cache_dir, key, base, packs, problems, stamp)
    written(1, 1)
    library = Library(base, packs, problems)
    library.cache_dir = cache_dir
    return library


def _shipped_cache(
    paths: list[Path], fallback: Callable[[], FactBase]
) -> tuple[Callable[[], FactBase], list[Pack], list[Problem]] | None:
    """The library as compiled into the wheel (`build_shipped_cache`), if it was compiled from
    these very sources by this very program; None otherwise (or in a source tree: there is none)."""
    from .cache import CACHE_FILE, read_cache, shipped_key

    root = shipped_root()
    if not (root / CACHE_FILE).is_file():
        return None
    try:
        key = shipped_key(root, paths)
    except (OSError, ValueError):  # a source unreadable, or not in the shipped folder
        return None
    cached = read_cache(root, key, fallback)
    if cached is None:
        return None
    load, packs, problems = cached
    shown = {p.relative_to(root).as_posix(): shown_path(p) for p in paths}
    return (
        load,
        [dataclasses.replace(p, path=shown.get(p.path, p.path)) for p in packs],
        [dataclasses.replace(p, path=shown.get(p.path, p.path)) for p in problems],
    )


def build_shipped_cache() -> Path:
    """Compile the shipped facts and packs into the shipped folder, as the wheel's build does.

    Paths in it are relative to that folder (`questions/people.yaml`); `_shipped_cache` makes
    them the installed files' again. Returns the file written.
    """
    from .cache import CACHE_FILE, shipped_key, write_cache

    root = shipped_root()
    paths = [shipped_facts(), *pack_files(shipped_packs_dir())]
    library = open_library()
    relative = {shown_path(p): p.relative_to(root).as_posix() for p in paths}
    packs = [dataclasses.replace(p, path=relative.get(p.path, p.path)) for p in library.packs]
    problems = [dataclasses.replace(p, path=relative.get(p.path, p.path)) for p in library.problems]
    if not write_cache(root, shipped_key(root, paths), library.base, packs, problems):
        raise OSError(f"cannot write {root / CACHE_FILE}")
    return root / CACHE_FILE


class _Sources:
    """The sources' bytes, each read once and only when wanted (a warm start reads none)."""

    def __init__(self, facts_path: Path) -> None:
        self.facts_path = facts_path
        self.read: dict[Path, bytes | YamlError] = {}

    def __call__(self, path: Path) -> bytes | YamlError:
        found = self.read.get(path)
        if found is None:
            found = self.read[path] = _read(
                path, FACTS_MAX_BYTES if path == self.facts_path else PACK_MAX_BYTES
            )
        return found


def _hashed(data: bytes | YamlError) -> bytes:
    """What a source adds to the cache key: its bytes, or why it cannot be read."""
    return data if isinstance(data, bytes) else f"\0unreadable: {data}".encode()


def _read(path: Path, cap: int) -> bytes | YamlError:
    """A source file's bytes, or the error that reading it gives (reported when it is parsed)."""
    name = shown_path(path)
    try:
        if path.stat().st_size > cap:
            return YamlError(name, 1, 1, f"file is {path.stat().st_size:,} bytes; the limit is {cap:,}")
        return path.read_bytes()
    except FileNotFoundError:
        return YamlError(name, 1, 1, "no such file")
    except IsADirectoryError:
        return YamlError(name, 1, 1, "is a folder, not a YAML file")
    except OSError as exc:
        return YamlError(name, 1, 1, f"cannot read: {exc.strerror or exc}")


def _costs(facts: bytes | YamlError, packs: list[tuple[Path, bytes | YamlError]]) -> list[float]:
    """What each step of a cold load costs, in characters of YAML parsed: the fact base, then
    the parse and the check of each pack, then the cache written (a fiftieth of the facts' parse)."""
    size = len(facts) if isinstance(facts, bytes) else 0
    each = pack_costs([data if isinstance(data, bytes) else b"" for _, data in packs], size)
    return [size * (1 + CHECK_COST), *(cost for pair in each for cost in pair), size / 50]


def _parse_facts(path: Path, data: bytes | YamlError, progress: Progress = no_progress) -> FactBase:
    name = shown_path(path)
    parsing, checking = split(progress, 1, CHECK_COST)
    try:
        if isinstance(data, YamlError):
            raise data
        root = load_yaml(data, name, max_bytes=FACTS_MAX_BYTES, progress=parsing)
    except YamlError as exc:
        raise FileProblems([Problem.from_yaml(exc)]) from None
    base, problems = check_facts_data(root, name, checking)
    if base is None:
        raise FileProblems([p for p in problems if p.severity == "error"])
    return base


def _parse_pack(
    path: Path, data: bytes | YamlError, base: FactBase, parsing: Progress, checking: Progress
) -> tuple[Pack | None, list[Problem]]:
    name = shown_path(path)
    try:
        if isinstance(data, YamlError):
            raise data
        root = load_yaml(data, name, max_bytes=PACK_MAX_BYTES, progress=parsing)
    except YamlError as exc:
        return None, [Problem.from_yaml(exc)]
    return check_pack_data(root, name, base, checking)


def shown_path(path: Path) -> str:
    """A path as messages show it: relative to the working folder when below it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def check_file(
    path: Path,
    base: FactBase | None,
    progress: Progress = no_progress,
    costs: tuple[float, float] = (1.0, CHECK_COST),
) -> list[Problem]:
    """Every problem in one file, read once; whether it is a fact base or a pack is told by its keys.

    `progress` follows the parse, then the checks (a pack's: making its recipe's questions),
    in the shares `costs` gives them.
    """
    parsing, checking = split(progress, *costs)
    name = shown_path(path)
    try:
        size = path.stat().st_size
        if size > PACK_MAX_BYTES and not _looks_like_facts(path):
            return [
                Problem(
                    name,
                    1,
                    1,
                    "error",
                    f"a pack may be at most {PACK_MAX_BYTES:,} bytes; this one is {size:,}",
                )
            ]
        root = read_yaml(path, max_bytes=FACTS_MAX_BYTES, shown=name, progress=parsing)
    except YamlError as exc:
        return [Problem.from_yaml(exc)]
    except OSError as exc:
        return [Problem(name, 1, 1, "error", f"cannot read: {exc.strerror or exc}")]
    is_pack = bool({"questions", "title", "generate"} & set(root))
    if not is_pack and {"films", "people", "sources", "organisations", "countries"} & set(root):
        base, problems = check_facts_data(root, name, checking)
        if base is None:
            return problems
        from .facts.trace import trace  # what the texts of its sources do not support

        return sorted([*problems, *trace(base, root, name, path.resolve().parent)])
    return check_pack_data(root, name, base, checking)[1]


_FACTS_KEY = re.compile(rb"^(?:sources|films|people|organisations|countries):", re.MULTILINE)


def _looks_like_facts(path: Path) -> bool:
    """Whether a large file starts like a fact base (only those may exceed a pack's size cap)."""
    with path.open("rb") as f:
        return bool(_FACTS_KEY.search(f.read(65536)))
