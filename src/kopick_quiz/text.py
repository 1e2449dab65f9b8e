"""Text folding shared by every layer: facts, packs, generation, grading, chat and the classroom."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_ARTICLES = ("the ", "a ", "an ")
_APOSTROPHE = re.compile("['\u2019\u02bc\u2018`\u00b4]")
_PUNCT = re.compile(r"[^\w\s]|_", re.UNICODE)
_SPACE = re.compile(r"\s+")
_ELIDED = re.compile("^(\\W*[lL])['\u2019]")
# ASCII text in one pass: apostrophes vanish, other punctuation and control characters become spaces.
_ASCII = {c: None if chr(c) in "'`" else " " for c in range(128) if not chr(c).isalnum()}
# Latin letters that carry no combining mark to strip, so NFKD leaves them alone.
_LETTERS = str.maketrans({"ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe", "ı": "i"})


@lru_cache(maxsize=65536)
def normalise(text: str) -> str:
    """Fold `text` for comparison: NFKC, casefold, accents, punctuation, hyphens, articles, spacing.

    `"The Goddess of Mercy!"`, `"goddess  of mercy"` and `"GODDESS OF MERCY"` all fold to
    `"goddess of mercy"`; `"Bong Joon-ho"` folds to `"bong joon ho"`.
    """
    if _ELIDED.match(text):  # `L'Avventura`: the article apart, as `Le` or `The` would be
        text = _ELIDED.sub(r"\1 ", text, count=1)
    if text.isascii():  # most answers: NFKC, NFKD and casefold change nothing but the case
        spaced = " ".join(text.lower().translate(_ASCII).split())
    else:
        folded = unicodedata.normalize("NFKC", text).casefold().translate(_LETTERS)
        decomposed = unicodedata.normalize("NFKD", folded)
        stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
        # NFC puts Hangul jamo back together into syllables; Latin letters have no marks left.
        joined = _APOSTROPHE.sub("", unicodedata.normalize("NFC", stripped))
        spaced = _SPACE.sub(" ", _PUNCT.sub(" ", joined)).strip()
    for article in _ARTICLES:
        if spaced.startswith(article) and len(spaced) > len(article):
            spaced = spaced[len(article) :]
            break
    return spaced
