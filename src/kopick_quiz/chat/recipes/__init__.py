"""One recipe per kind of question the bot answers, each with when it is meant and how its answer
is worded from the fact base; `registry` is the book the answerer walks.

Film relations: `film_people` (director, writer, cinematographer, art director, cast, a person's
part in a film), `film_companies` (producers, studios, countries), `film_places` (shot, set),
`film_figures` (admissions, budget), `film_dates` (release, premiere, archive), `film_story`
(title, remake, source work, genre, language, plot), `film_card` (everything, when nothing
more precise is asked). Other entities, one module per kind: `people`, `organisations`,
`countries`, `places`, `festivals`, `events`, `terms`, `source`; `listing` lists the films
meeting every condition a question names.

To teach the bot a new kind of question, see "Teaching the bot a new question" in
docs/contributing.md.
"""

from . import (  # noqa: F401 - imported for the recipes they register
    countries,
    events,
    festivals,
    film_card,
    film_companies,
    film_dates,
    film_figures,
    film_people,
    film_places,
    film_story,
    organisations,
    people,
    places,
    source,
    terms,
)
from .listing import listing
from .registry import (
    Ask,
    entity_recipe_for,
    entity_rules,
    every_recipe,
    film_cues,
    film_relation_for,
    film_rules,
)

__all__ = [
    "Ask",
    "entity_recipe_for",
    "entity_rules",
    "every_recipe",
    "film_cues",
    "film_relation_for",
    "film_rules",
    "listing",
]
