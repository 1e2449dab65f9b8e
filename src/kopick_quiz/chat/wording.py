"""How the bot words what it found: lists, counts, money, dates, and the phrases of each credit."""

from __future__ import annotations

import calendar
from collections.abc import Sequence

from ..facts import model as m


def join(items: Sequence[str], last: str = "and") -> str:
    """`A`, `A and B`, `A, B and C`."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {last} {items[-1]}"


def count(n: int, noun: str, plural: str | None = None) -> str:
    """`1 film`, `3 films`; `plural` for nouns that do not just take an s."""
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"


def with_article(noun: str) -> str:
    """`a studio`, `an archive`, `an entertainment company`."""
    vowel = noun[:1].lower() in "aeiou" and not noun.lower().startswith(("uni", "use", "eu", "one"))
    return f"{'an' if vowel else 'a'} {noun}"


MONTHS = list(calendar.month_name)[1:]
# A film credit (a `Film` field, or "cast") in a list, in a phrase, as a verb.
ROLE_LABEL = {
    "directors": "director",
    "producers": "producer",
    "writers": "writer",
    "cinematographers": "cinematographer",
    "art_directors": "art director",
    "cast": "cast",
}
ROLE_PHRASE = {
    "directors": "directed by {}",
    "producers": "produced by {}",
    "writers": "written by {}",
    "cinematographers": "shot by {}",
    "art_directors": "with {} as art director",
    "cast": "starring {}",
}
ROLE_VERB = {
    "directors": "directed",
    "producers": "produced",
    "writers": "wrote",
    "cinematographers": "shot",
    "art_directors": "was art director on",
    "cast": "appeared in",
}
# A company credit's role: "co-produced by ...", and in a listing's heading.
COMPANY_PARTICIPLE = {
    "producer": "produced",
    "co-producer": "co-produced",
    "financier": "financed",
    "distributor": "distributed",
    "sponsor": "sponsored",
    "vfx": "given its visual effects",
}
COMPANY_PHRASE = {
    "distributor": "distributed by {}",
    "financier": "financed by {}",
    "sponsor": "sponsored by {}",
    "vfx": "with visual effects by {}",
}
WORK_KIND = {"comic": "comic", "graphic-novel": "graphic novel", "film": "film", "novel": "novel"}
VERSION = {"korean": "Korean version", "hong-kong": "Hong Kong version", "both": "both versions"}


def version_note(member: m.CastMember) -> str:
    """` (Korean version)` for a part played in one version of a film, else nothing."""
    return f" ({VERSION[member.version]})" if member.version else ""


def money(amount: int) -> str:
    """`2.5 billion`, `15 million`, `834,338`."""
    for size, word in ((1_000_000_000, "billion"), (1_000_000, "million")):
        if amount >= size and amount % (size // 10) == 0:
            return f"{amount / size:g} {word}"
    return f"{amount:,}"


def long_date(text: str) -> str:
    """`2025-04-03` -> `3 April 2025`."""
    year, _, rest = text.partition("-")
    month, _, day = rest.partition("-")
    if month.isdigit() and 1 <= int(month) <= 12:
        return (
            f"{int(day)} {MONTHS[int(month) - 1]} {year}"
            if day.isdigit()
            else f"{MONTHS[int(month) - 1]} {year}"
        )
    return text


def date(text: str) -> str:
    """`1964-07` -> `July 1964`; a bare year stays as it is."""
    year, _, month = text.partition("-")
    if month.isdigit() and 1 <= int(month) <= 12:
        return f"{MONTHS[int(month) - 1]} {year}"
    return year
