"""Text normalisation shared by grading, name checks and entity linking."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_ARTICLES = ("the ", "a ", "an ")
_APOSTROPHE = re.compile("['\u2019\u02bc\u2018`\u00b4]")
_PUNCT = re.compile(r"[^\w\s]|_", re.UNICODE)
_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=65536)
def normalise(text: str) -> str:
    """Fold `text` for comparison: NFKC, casefold, accents, punctuation, hyphens, articles, spacing.

    `"The Goddess of Mercy!"`, `"goddess  of mercy"` and `"GODDESS OF MERCY"` all fold to
    `"goddess of mercy"`; `"Bong Joon-ho"` folds to `"bong joon ho"`.
    """
    folded = unicodedata.normalize("NFKC", text).casefold()
    decomposed = unicodedata.normalize("NFKD", folded)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    joined = _APOSTROPHE.sub("", stripped)
    spaced = _SPACE.sub(" ", _PUNCT.sub(" ", joined)).strip()
    for article in _ARTICLES:
        if spaced.startswith(article) and len(spaced) > len(article):
            spaced = spaced[len(article) :]
            break
    return spaced
