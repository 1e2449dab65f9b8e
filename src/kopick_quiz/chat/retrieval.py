"""The fallback for what the intents do not cover: the fact base's own sentences, searched.

Every summary, note, definition and event description is a row of an SQLite FTS5 table,
ranked by BM25 (SQLite's own `bm25()`), each row with the entity it is about and, for an
event, term, festival or company, the names it answers to (a name matches more than a word of
a sentence). A question's words no
name accounts for are the query; the entities it names, and those the conversation is about,
lift the sentences about them. A sentence answers only when it holds most of the
question's words (`MIN_COVERAGE`); otherwise the bot says what it does not know.

The words are stemmed here (`stem`: "lifted", "lifting" -> "lift"), not by SQLite, so that
the index's vocabulary table can tell how common each query word is: a word in more than a
twentieth of the sentences says little and is left out of the query, which keeps a search of a
100,000-sentence base to a few milliseconds.

The index is built once per fact base content: `SentenceIndex.open` keeps it as a file beside
the compiled cache, named by the fact base's content hash, and later runs open it as it is.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..facts.base import FactBase
from ..progress import Progress, no_progress, tracked
from .intents import FUNCTION_WORDS
from .linking import fold

FORMAT = 2  # of the index file (and of `stem`): a change here makes every old file be rebuilt
INDEX_PREFIX = "chat-sentences-"
CANDIDATES = 40  # rows BM25 ranks first, re-scored here
MIN_COVERAGE = 0.6  # share of the question's words a sentence must hold to answer it (both of two)
COMMON_SHARE = 0.05  # a word in more of the rows than this is too common to search by ...
COMMON_FLOOR = 12  # ... unless in this few (a small base has few rows)
MAX_TERMS = 8
NAME_WEIGHT = 2.0  # a word of an entity's name counts double a word of one of its sentences
NAMED_BOOST = 1.0  # added to the coverage of a sentence about an entity the question names
CONTEXT_BOOST = 0.25  # ... about one the conversation is about ("why did they ...")

# Words that say how a question is asked, not what about: never searched for.
QUESTION_WORDS = FUNCTION_WORDS | frozenset(
    [
        "why",
        "happen",
        "happened",
        "happens",
        "reason",
        "reasons",
        "because",
        "cause",
        "like",
        "today",
        "now",
        "ever",
        "thing",
        "things",
        "something",
        "way",
        "ways",
        "time",
        "times",
        "lot",
        "kind",
        "sort",
    ]
)
_SUFFIXES = (
    "ations",
    "ation",
    "ings",
    "ing",
    "ness",
    "ments",
    "ment",
    "ically",
    "ical",
    "ally",
    "ial",
    "al",
    "ies",
    "ied",
    "ed",
    "es",
    "er",
    "ly",
    "s",
    "e",
    "y",
)


# Words that say the same thing in a question about the base, as the base words it: American
# spellings (the base is in British English; students write both), and "oldest" for what the
# base calls the earliest ("the oldest colour film" is "the earliest colour film to survive").
_SAME_WORD = {
    "color": "colour",
    "colors": "colours",
    "colored": "coloured",
    "theater": "theatre",
    "theaters": "theatres",
    "center": "centre",
    "favorite": "favourite",
    "oldest": "earliest",
}


@lru_cache(maxsize=1 << 16)  # a base has a vocabulary of thousands of words, stemmed once each
def stem(word: str) -> str:
    """A crude stem, the same for a word's common forms: `lifted`, `lifting` -> `lift`."""
    word = _SAME_WORD.get(word, word)
    if len(word) <= 3 or not word.isalpha():
        return word
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            if (
                suffix in ("ed", "ing", "er")
                and len(word) > 3
                and word[-1] == word[-2]
                and word[-1] not in "aeiousl"
            ):
                word = word[:-1]  # "banned" -> "ban", "planned" -> "plan"
            return word
    return word


def stems(text: str) -> list[str]:
    """The stems of a text's words, function words left out."""
    return [stem(w) for w in fold(text).split() if w not in QUESTION_WORDS]


@dataclass(frozen=True)
class Passage:
    """One sentence of the fact base, the entity it is about, and how well it fits a question."""

    entity: str
    field: str  # "summary", "note", "definition" or "fact" (a film's, worded from its fields)
    text: str
    score: float  # coverage of the question's words, plus the boosts
    coverage: float  # share of the question's words the sentence (or its entity's name) holds
    matched: frozenset[str] = frozenset()  # the stems of the question's words it holds


class SentenceIndex:
    """The base's sentences in an FTS5 table; `search` finds those that fit a question's words."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._db = connection
        self._lock = threading.Lock()  # one connection, shared by the threads asking
        self.rows = connection.execute("SELECT count(*) FROM sentence").fetchone()[0]

    # -- building ---------------------------------------------------------------------------------
    @classmethod
    def open(
        cls, base: FactBase, folder: Path | None = None, progress: Progress = no_progress
    ) -> SentenceIndex:
        """The index of `base`: read from `folder` when built there before, else built (and kept there).

        A base without a content hash (not loaded through the compiled cache) is indexed in memory.
        """
        key = getattr(base, "content_hash", None)
        if folder is None or not key:
            return cls(_build(base, ":memory:", progress))
        path = folder / f"{INDEX_PREFIX}{key[:32]}.sqlite"
        if path.is_file():
            try:
                db = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, check_same_thread=False)
                if db.execute("SELECT value FROM meta WHERE key = 'format'").fetchone() == (str(FORMAT),):
                    progress(1, 1)
                    return cls(db)
                db.close()
            except sqlite3.Error:
                pass  # damaged or foreign: build it again
        try:
            folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".chat-", suffix=".tmp", dir=folder)
            os.close(fd)
            try:
                _build(base, tmp, progress).close()
                os.replace(tmp, path)
            finally:
                Path(tmp).unlink(missing_ok=True)
            for old in folder.glob(f"{INDEX_PREFIX}*.sqlite"):
                if old != path:
                    old.unlink(missing_ok=True)  # the index of a fact base that changed since
            return cls(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, check_same_thread=False))
        except (OSError, sqlite3.Error):
            return cls(_build(base, ":memory:", progress))  # a folder we cannot write to

    # -- searching ------------------------------------------------------------------------------
    def search(
        self,
        words: Sequence[str],
        named: Iterable[str] = (),
        context: Iterable[str] = (),
        limit: int = 3,
        required: Iterable[str] = (),
    ) -> list[Passage]:
        """The sentences that best fit `words` (folded), best first.

        Sentences about an entity in `named` (linked in the question) rank above the rest, and
        those about one in `context` (what the conversation is about) a little above. With
        `required` words, a search none of whose telling words is among them finds nothing.
        """
        terms = list(dict.fromkeys(stem(w) for w in words if w not in QUESTION_WORDS))[:MAX_TERMS]
        if not terms:
            return []
        with self._lock:
            counts = dict(
                self._db.execute(
                    f"SELECT term, doc FROM vocab WHERE term IN ({','.join('?' * len(terms))})", terms
                ).fetchall()
            )
            kept = [t for t in terms if 0 < counts.get(t, 0) <= max(COMMON_FLOOR, self.rows * COMMON_SHARE)]
            needed = {stem(w) for w in required if w not in QUESTION_WORDS}
            if not kept or (needed and not needed & set(kept)):
                return []
            query = " OR ".join(f'"{t}"' for t in kept)
            rows = self._db.execute(
                "SELECT entity, field, text, names, stems, bm25(sentence, ?, 1.0) FROM sentence "
                "WHERE sentence MATCH ? ORDER BY rank LIMIT ?",
                (NAME_WEIGHT, query, CANDIDATES),
            ).fetchall()
        named, context = set(named), set(context)
        out: list[Passage] = []
        for entity, field, text, names, row_stems, rank in rows:
            held = set(row_stems.split()) | set(names.split())
            matched = frozenset(t for t in terms if t in held)
            coverage = len(matched) / len(terms)
            boost = NAMED_BOOST if entity in named else CONTEXT_BOOST if entity in context else 0.0
            # BM25 (negative: lower is better) only breaks ties between equal coverages.
            out.append(Passage(entity, field, text, coverage + boost - rank / 1000, coverage, matched))
        out.sort(key=lambda p: -p.score)
        seen: set[str] = set()
        best: list[Passage] = []
        for passage in out:
            if passage.text not in seen:
                seen.add(passage.text)
                best.append(passage)
        return best[:limit]


def _sentences(base: FactBase) -> Iterator[tuple[str, str, str]]:
    """(entity id, field, text) of every sentence the base holds in its own words."""
    for item_id, item in base.by_id.items():
        kind = base.kind_of[item_id]
        if kind in ("country", "place", "source"):
            continue
        for field in ("summary", "definition"):
            text = getattr(item, field, None)
            if text:
                yield item_id, field, text
        for note in getattr(item, "notes", ()):
            yield item_id, "note", note
        # A film's facts told in words of their own: what its archive print is, who saw it.
        archive = getattr(item, "archive", None)
        if archive is not None and archive.distinction:
            yield item_id, "fact", f"It is the {archive.distinction}."
        prizes = getattr(item, "prizes", ())
        if prizes:
            yield item_id, "fact", f"Its prizes: {', '.join(prizes)}."
        premiere = getattr(item, "premiere", None)
        if premiere is not None and premiere.prize:
            yield item_id, "fact", f"It won {premiere.prize} at {base.label(premiere.festival)}."
        audience = getattr(item, "audience", None)
        if audience is not None and audience.note:
            yield item_id, "fact", f"Its {audience.count:,} {audience.unit}: {audience.note}."


def _build(base: FactBase, path: str, progress: Progress) -> sqlite3.Connection:
    db = sqlite3.connect(path, check_same_thread=False)
    db.executescript(
        """
        PRAGMA journal_mode = OFF;
        PRAGMA synchronous = OFF;
        CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
        CREATE VIRTUAL TABLE sentence USING fts5(
            names, stems, entity UNINDEXED, field UNINDEXED, text UNINDEXED,
            tokenize = 'unicode61', detail = 'column'
        );
        CREATE VIRTUAL TABLE vocab USING fts5vocab(sentence, 'row');
        """
    )
    # The names of what a description may name instead of saying ("the ban on Japanese culture"):
    # events, terms, festivals, companies. Films and people are found by the linker by name.
    names: dict[str, list[str]] = {}
    for name in base.names:
        if name.kind not in ("film", "person"):
            names.setdefault(name.entity_id, []).append(name.text)
    stemmed_names: dict[str, str] = {}

    def rows() -> Iterator[tuple[str, str, str, str, str]]:
        for entity_id, field, text in tracked(list(_sentences(base)), progress):
            if entity_id not in stemmed_names:
                stemmed_names[entity_id] = " ".join(
                    dict.fromkeys(s for n in names.get(entity_id, ()) for s in stems(n))
                )
            yield stemmed_names[entity_id], " ".join(stems(text)), entity_id, field, text

    with db:
        db.executemany(
            "INSERT INTO sentence(names, stems, entity, field, text) VALUES (?, ?, ?, ?, ?)", rows()
        )
        db.execute("INSERT INTO meta VALUES ('format', ?)", (str(FORMAT),))
        db.execute("INSERT INTO sentence(sentence) VALUES ('optimize')")
    progress(1, 1)
    return db
