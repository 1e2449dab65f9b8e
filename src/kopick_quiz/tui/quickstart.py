"""The first question before the library has loaded, read from the library's compiled cache.

`kopick_quiz.cache` keeps every pack's questions on the second of the JSON lines that open
its file, before the fact base. Reading that line takes a few milliseconds and needs none of the core's
heavy imports (pydantic, the fact models, the grader), so `play` can show its first question
while the real library loads in a worker. Only the question asked is made a `Question`: the
others stay as the cache wrote them until the library has loaded. What is read here is only a guess: the app checks it against
the library once loaded and asks the right question instead if the cache was stale.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..questions import Question

# The cache's file name and header, as kopick_quiz.cache writes them (a test keeps them in step).
CACHE_FILE = "library.cache"
CACHE_MAGIC = "kopick-quiz library cache"
CACHE_FORMAT = 3


@dataclass(frozen=True)
class Peek:
    """What the cache says the library holds: each pack's id, title and questions, in order.

    The questions are as the cache keeps them (`Question.to_compact`'s dicts).
    """

    packs: tuple[tuple[str, str, tuple[dict[str, Any], ...]], ...]

    def questions(self, pack_id: str | None) -> list[dict[str, Any]] | None:
        """The questions of one pack (None if unknown) or of all, each id once, as `Library.questions`."""
        if pack_id is not None:
            for pid, _title, questions in self.packs:
                if pid == pack_id:
                    return list(questions)
            return None
        seen: set[str] = set()
        out = []
        for _pid, _title, questions in self.packs:
            for q in questions:
                if q["id"] not in seen:
                    seen.add(q["id"])
                    out.append(q)
        return out

    def title(self, pack_id: str | None) -> str:
        for pid, title, _questions in self.packs:
            if pid == pack_id:
                return title
        return "All packs"


def peek(cache_dir: Path) -> Peek | None:
    """The packs in the library cache, or None when there is no cache fit to read."""
    try:
        with (cache_dir / CACHE_FILE).open("rb") as f:
            header = json.loads(f.readline())
            if header.get("magic") != CACHE_MAGIC or header.get("format") != CACHE_FORMAT:
                return None
            packs = json.loads(f.readline())  # the fact base, further on, is not needed to ask
        return Peek(tuple((p["id"], p["title"], tuple(p["questions"])) for p in packs))
    except Exception:  # noqa: BLE001 - a cache that cannot be read just means no early question
        return None


@dataclass(frozen=True)
class Early:
    """The first question of `play`, worked out from the cache: what the screen shows at once."""

    question: Question
    total: int
    title: str


def early_question(
    cache_dirs: Sequence[Path], pack: str | None, count: int | None, seed: int | None
) -> Early | None:
    """`play`'s first question as the first readable cache of `cache_dirs` has it (None without one).

    The user's cache comes first; the one the wheel ships (beside the shipped data) serves a
    first start on the shipped data.
    """
    from ..session import select

    found = next((p for p in map(peek, cache_dirs) if p is not None), None)
    pool = found.questions(pack) if found is not None else None
    if found is None or not pool:
        return None
    chosen = select(pool, count, seed)  # the order depends on the count of questions alone
    return Early(Question.from_compact(chosen[0]), len(chosen), found.title(pack))


def start_early(
    cache_dirs: Sequence[Path], pack: str | None, count: int | None, seed: int | None
) -> Future[Early | None]:
    """Work out the first question on a thread of its own, while the app starts on this one."""
    future: Future[Early | None] = Future()

    def run() -> None:
        try:
            future.set_result(early_question(cache_dirs, pack, count, seed))
        except Exception:  # noqa: BLE001 - no early question is fine: the library will bring one
            future.set_result(None)

    threading.Thread(target=run, name="kopick-early", daemon=True).start()
    return future
