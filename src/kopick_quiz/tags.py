"""Tags as people read them: `mr-go` is "Mr. Go", `directors` "Directors", `2010s` stays "2010s".

A tag that names an entity of the fact base (a film, a person, a country…) takes its name from
there; the topic tags the generator and the shipped packs use come from `TOPIC_LABELS`; a tag a
teacher wrote as words ("Week 3") is shown as written, and any other slug is turned into words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .facts.base import FactBase

# The generator's topic and relation tags (generate/core.py) and those of the shipped packs.
TOPIC_LABELS = {
    "adaptations": "Adaptations",
    "archive": "Archive",
    "box-office": "Box office",
    "cast": "Cast",
    "companies": "Companies",
    "context": "Context",
    "countries": "Countries",
    "crew": "Crew",
    "definition": "Definitions",
    "directors": "Directors",
    "events": "Events",
    "festivals": "Festivals",
    "films": "Films",
    "genres": "Genres",
    "independent": "Independent film",
    "institutions": "Institutions",
    "languages": "Languages",
    "organisations": "Organisations",
    "people": "People",
    "places": "Places",
    "producers": "Producers",
    "southeast-asia": "Southeast Asia",
    "source": "The article",
    "story": "Story",
    "studios": "Studios",
    "terms": "Terms",
    "writers": "Writers",
    "years": "Years",
}
ERA = re.compile(r"^\d{3}0s$")  # "1950s", "2010s"
SLUG = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")


def is_era(tag: str) -> bool:
    """Whether a tag names a decade ("1950s")."""
    return bool(ERA.match(tag))


def tag_label(tag: str, base: FactBase | None = None) -> str:
    """How a tag reads: the entity's name, a topic's label, the decade, or the tag in words."""
    if base is not None and tag in base.by_id and base.kind_of[tag] != "source":
        item = base.by_id[tag]
        if base.kind_of[tag] == "film" and base.title_is_ambiguous(item):
            return base.film_label(item)  # two films called Typhoon: say which
        return base.label(tag)
    if tag in TOPIC_LABELS:
        return TOPIC_LABELS[tag]
    if is_era(tag) or not SLUG.match(tag):
        return tag
    words = re.split(r"[-_]", tag)
    return " ".join([words[0].capitalize(), *words[1:]])


def tag_labels(tags: Iterable[str], base: FactBase | None = None) -> dict[str, str]:
    """Each tag (once) with its label."""
    return {tag: tag_label(tag, base) for tag in dict.fromkeys(tags)}


__all__ = ["TOPIC_LABELS", "is_era", "tag_label", "tag_labels"]
