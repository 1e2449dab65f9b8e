"""The fact base's file format: every entity of the source material, referenced by id."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ..schema import Flag, Id, LongText, Model, Text, Year

PersonRole = Literal[
    "director",
    "producer",
    "writer",
    "actor",
    "cinematographer",
    "art-director",
    "executive",
    "cartoonist",
    "novelist",
    "critic",
    "author",
    "founder",
]
OrgKind = Literal[
    "studio",
    "production-company",
    "entertainment-company",
    "vfx-studio",
    "archive",
    "government-agency",
    "film-council",
    "university",
    "streaming-service",
]
CreditRole = Literal["producer", "co-producer", "financier", "distributor", "sponsor", "vfx"]
WorkKind = Literal["comic", "graphic-novel", "film", "novel"]
Genre = Literal[
    "romance",
    "melodrama",
    "historical",
    "period",
    "drama",
    "comedy",
    "sports",
    "science-fiction",
    "action",
    "thriller",
    "horror",
    "folk-horror",
    "mockumentary",
    "documentary",
    "fantasy",
    "monster",
    "disaster",
    "martial-arts",
]


ALIASES_DOC = (
    "other names: another title (the Hong Kong title), an acronym or what it stands for, another word "
    "(shaman); each one a fact of its own, traced to the source"
)
VARIANTS_DOC = (
    "the same name written another way: romanisations, name orders, capitals, short forms, misspellings "
    "in the source; they claim nothing, so `validate` does not trace them"
)


class Cite(Model):
    """A field of a record that another source than the record's own states."""

    field: Text = Field(description="the field's name, e.g. nationality")
    source: Id = Field(description="id of the source that states it")


class Named(Model):
    """Anything a student may type the name of."""

    id: Id
    name: Text
    aliases: list[Text] = Field(default_factory=list, description=ALIASES_DOC)
    variants: list[Text] = Field(default_factory=list, description=VARIANTS_DOC)
    source: Id = Field(description="id of the source that states this")
    cite: list[Cite] = Field(
        default_factory=list, description="fields stated by another source than `source`, each with its own"
    )


class Source(Model):
    id: Id
    title: Text
    author: Text | None = None
    editor: Text | None = None
    publisher: Text | None = None
    date: Text | None = Field(default=None, description="publication date, YYYY-MM-DD")
    url: Text | None = Field(default=None, description="where to read it")
    credits: list[Text] = Field(default_factory=list, description="works the source itself draws on")
    text: Text | None = Field(
        default=None,
        description="a local copy of its text (a path relative to the fact base) that `validate` traces "
        "the facts of this source against; left alone when the file is not there",
    )


class Country(Named):
    adjective: Text = Field(description="'Thai' for Thailand, used in questions")
    region: Text | None = Field(default=None, description="e.g. Southeast Asia")


class Place(Named):
    country: Id | None = None
    kind: Literal["city", "region", "country-side"] = "city"


class Person(Named):
    nationality: Id | None = Field(default=None, description="country id")
    roles: list[PersonRole] = Field(min_length=1)
    summary: Text
    spouse: Id | None = None
    died: Text | None = Field(default=None, description="YYYY or YYYY-MM")
    age_at_death: int | None = Field(default=None, ge=0, le=130)
    notes: list[Text] = Field(default_factory=list)


class OrgPerson(Model):
    person: Id
    role: Literal["founder", "co-founder", "owner", "head"]


class Organisation(Named):
    kind: OrgKind
    country: Id
    people: list[OrgPerson] = Field(default_factory=list)
    part_of: Id | None = Field(default=None, description="term id of a group it belongs to, e.g. sky")
    summary: Text
    notes: list[Text] = Field(default_factory=list)


class Festival(Named):
    country: Id
    city: Id | None = Field(default=None, description="place id")
    prizes: list[Text] = Field(default_factory=list)
    summary: Text


class Event(Named):
    kind: Literal["period", "event"]
    start: Year
    end: Year | None = None
    countries: list[Id] = Field(default_factory=list)
    summary: Text


class Term(Named):
    kind: Literal["exam", "group", "concept", "practice"]
    definition: Text
    members: list[Id] = Field(
        default_factory=list, description="ids of what the term groups, e.g. SKY's universities"
    )
    month: Text | None = Field(default=None, description="for a yearly event: the month it takes place")


class CastMember(Model):
    person: Id
    character: Text | None = None
    version: Literal["korean", "hong-kong", "both"] | None = Field(
        default=None, description="for a film made in several versions: the one this actor is in"
    )
    lead: Flag = False


class Credit(Model):
    organisation: Id
    role: CreditRole


class Work(Model):
    title: Text
    kind: WorkKind
    creator: Id | None = Field(default=None, description="person id")
    year: Year | None = None
    country: Id | None = None
    film: Id | None = Field(default=None, description="film id when the work is a film in the base")


class Money(Model):
    amount: int = Field(gt=0)
    currency: Literal["KRW", "USD", "HKD", "JPY", "CNY", "THB", "EUR"]
    qualifier: Literal["exact", "about", "over", "under"] = "exact"


class Audience(Model):
    count: int = Field(gt=0)
    unit: Literal["admissions", "tickets"]
    country: Id | None = Field(default=None, description="where they were counted")
    note: Text | None = None


class Release(Model):
    year: Year
    month: int | None = Field(default=None, ge=1, le=12)
    country: Id | None = None
    kind: Literal["theatrical", "day-and-date", "festival"] = "theatrical"


class Premiere(Model):
    festival: Id
    prize: Text | None = None


class Archive(Model):
    """What became of a film's print: found, restored, screened again."""

    found_year: Year
    found_by: Id = Field(description="organisation id")
    found_at: Id = Field(description="organisation id holding the print")
    found_in: Id = Field(description="place id")
    condition: list[Text] = Field(default_factory=list)
    restored_screening_year: Year | None = None
    restored_screening_event: Text | None = None
    distinction: Text | None = None


class Film(Model):
    id: Id
    title: Text
    aliases: list[Text] = Field(default_factory=list, description=ALIASES_DOC)
    variants: list[Text] = Field(default_factory=list, description=VARIANTS_DOC)
    year: Year
    profiled: Flag = Field(default=False, description="true for the films the source profiles at length")
    kind: Literal["feature", "documentary"] = "feature"
    genres: list[Genre] = Field(default_factory=list)
    languages: list[Text] = Field(default_factory=list)
    countries: list[Id] = Field(default_factory=list, description="co-producing countries")
    directors: list[Id] = Field(default_factory=list)
    producers: list[Id] = Field(default_factory=list)
    writers: list[Id] = Field(default_factory=list)
    cinematographers: list[Id] = Field(default_factory=list)
    art_directors: list[Id] = Field(default_factory=list)
    cast: list[CastMember] = Field(default_factory=list)
    companies: list[Credit] = Field(default_factory=list)
    based_on: Work | None = None
    remake_of: Id | None = Field(default=None, description="film id")
    locations: list[Id] = Field(default_factory=list, description="place or country ids where it was shot")
    settings: list[Id] = Field(
        default_factory=list, description="place or country ids where the story is set"
    )
    budget: Money | None = None
    audience: Audience | None = None
    release: Release | None = None
    premiere: Premiere | None = None
    archive: Archive | None = None
    context: list[Id] = Field(default_factory=list, description="event ids the film is tied to")
    summary: LongText = Field(description="one or two sentences in our own words")
    notes: list[Text] = Field(default_factory=list)
    source: Id
    cite: list[Cite] = Field(
        default_factory=list, description="fields stated by another source than `source`, each with its own"
    )


class FactsFile(Model):
    """The whole fact base file (`data/facts.yaml`)."""

    version: int = Field(default=1, ge=1, le=1, description="the format's version: 1")
    sources: list[Source] = Field(min_length=1)
    countries: list[Country] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    people: list[Person] = Field(default_factory=list)
    organisations: list[Organisation] = Field(default_factory=list)
    festivals: list[Festival] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    terms: list[Term] = Field(default_factory=list)
    films: list[Film] = Field(default_factory=list)


SECTIONS: dict[str, type[Model]] = {
    "sources": Source,
    "countries": Country,
    "places": Place,
    "people": Person,
    "organisations": Organisation,
    "festivals": Festival,
    "events": Event,
    "terms": Term,
    "films": Film,
}
