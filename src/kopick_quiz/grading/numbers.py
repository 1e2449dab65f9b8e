"""Numbers in typed text: `834338`, `834,338`, `834 338`, `150k`, `1.5 million`, `20억`, `fifteen`."""

from __future__ import annotations

import re
import unicodedata

_SCALES = {
    "k": 1e3,
    "thousand": 1e3,
    "thousands": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "mil": 1e6,
    "million": 1e6,
    "millions": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "billion": 1e9,
    "billions": 1e9,
    "만": 1e4,
    "억": 1e8,
    "조": 1e12,
}
# Digits grouped by commas, thin or no-break spaces, or plain spaces before exactly three digits.
_NUMBER = re.compile(
    r"(?<![\w.])"
    r"(?P<int>\d{1,3}(?:(?:,|\u00a0|\u202f|\u2009|\x20(?=\d{3}(?!\d)))\d{3})+(?!\d)|\d++)"
    r"(?:\.(?P<frac>\d++))?"
    r"(?:\s*(?P<scale>thousands?|millions?|billions?|mil|mn|bn|[kmb]|[만억조])(?![a-z]))?"
    r"(?P<suffix>[a-z]*)",
    re.IGNORECASE,
)
_UNIT_WORDS = """
    zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen
"""
_TEN_WORDS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety"
_UNITS = {w: i for i, w in enumerate(_UNIT_WORDS.split())}
_TENS = {w: 10 * i for i, w in enumerate(_TEN_WORDS.split()) if i >= 2}
_WORD = re.compile(r"[a-z]+")


def numbers(text: str, limit: int = 20) -> list[float]:
    """Every number written in `text`, in order (at most `limit`); `40th` is 40, `1960s` is none."""
    text = unicodedata.normalize("NFKC", text)
    out: list[float] = []
    for m in _NUMBER.finditer(text):
        if m.group("suffix") not in ("", "st", "nd", "rd", "th"):  # 1960s, 3d: a decade, a code
            continue
        digits = re.sub(r"\D", "", m.group("int"))
        value = float(f"{digits}.{m.group('frac') or 0}")
        scale = m.group("scale")
        if scale:
            value *= _SCALES[scale.lower()]
        out.append(value)
        if len(out) >= limit:
            return out
    out.extend(_worded(text.lower())[: limit - len(out)])
    return out


def _worded(text: str) -> list[float]:
    """Numbers in words: `fifteen`, `one hundred and fifty thousand`, `twenty billion`."""
    out: list[float] = []
    total = current = 0.0
    active = pending = False
    for word in _WORD.findall(text):
        if word in _UNITS or word in _TENS:
            value = _UNITS.get(word) or _TENS.get(word, 0)
            # `nineteen sixty-four`, `twenty twenty-one`: years are read in pairs of digits
            current = current * 100 + value if value >= 10 and 10 <= current < 100 else current + value
        elif word == "hundred" and (active or pending):
            current = (current or 1) * 100
        elif word in ("thousand", "million", "billion") and (active or pending):
            total += (current or 1) * _SCALES[word]
            current = 0
        elif word in ("a", "an") and not active:
            pending = True
            continue
        elif word == "and" and active:
            continue
        else:
            if active:
                out.append(total + current)
            total = current = 0.0
            active = pending = False
            continue
        active = True
        pending = False
    if active:
        out.append(total + current)
    return out


def parse_number(text: str) -> float | None:
    """The one number `text` states (an expected answer such as `834,338` or `20 billion`), else None."""
    found = numbers(text)
    return found[0] if len(found) == 1 else None


def show(value: float) -> str:
    """A number as a student reads it: `834,338`, `1.5`."""
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.6g}"
