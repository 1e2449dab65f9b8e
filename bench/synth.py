"""A synthetic fact base of any size, shaped like the shipped one, for scale benchmarks.

    from synth import synthetic_facts, write_yaml
    facts = synthetic_facts(10_000, seed=0)       # a validated kopick_quiz FactsFile
    write_yaml("/tmp/facts-10k.yaml", facts)      # loadable with `kopick-quiz validate` / load_facts

Each section grows in proportion to the films, as in `data/facts.yaml` (27 films: 42 people,
18 organisations, 11 countries, ...). Names follow the shipped mix: mostly Korean people with
romanisation variants and reversed name orders as aliases, Japanese, Chinese, Thai and Western
names, studios with short names and acronyms, films with other titles, a few titles that recur
in other years. Deterministic for a given seed.
"""

from __future__ import annotations

import random
import re
import sys
import typing
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from kopick_quiz.facts.model import FactsFile, Genre


def _words(text: str) -> list[str]:
    """The words of a whitespace-separated list (keeps long name lists readable)."""
    return text.split()


# Per 27 films in the shipped base.
SHIPPED_FILMS = 27
PROPORTIONS = {
    "people": 42,
    "organisations": 18,
    "countries": 11,
    "places": 4,
    "festivals": 1,
    "events": 8,
    "terms": 5,
    "sources": 1,
}

REAL_COUNTRIES = [
    ("south-korea", "South Korea", ["Korea", "Republic of Korea"], "South Korean", None),
    ("hong-kong", "Hong Kong", [], "Hong Kong", None),
    ("japan", "Japan", [], "Japanese", None),
    ("china", "China", [], "Chinese", None),
    ("taiwan", "Taiwan", [], "Taiwanese", None),
    ("united-states", "United States", ["US", "USA", "United States of America"], "American", None),
    ("france", "France", [], "French", None),
    ("belgium", "Belgium", [], "Belgian", None),
    ("thailand", "Thailand", [], "Thai", "Southeast Asia"),
    ("vietnam", "Vietnam", ["Viet Nam"], "Vietnamese", "Southeast Asia"),
    ("indonesia", "Indonesia", [], "Indonesian", "Southeast Asia"),
]

KOREAN_SURNAMES = (
    ["Kim"] * 21
    + ["Lee"] * 15
    + ["Park"] * 8
    + ["Choi"] * 5
    + ["Jung"] * 4
    + _words(
        "Kang Cho Yoon Jang Lim Han Oh Seo Shin Kwon Hwang Ahn Song Yoo Hong Jeon Ko Moon Yang Son Bae Baek "
        "Heo Nam Shim Noh Ha Kwak Sung Cha Joo Woo Min Ryu Na Jin Ji Um Byun Chae Won Bang Pyo Gil Yeo"
    )
)
KOREAN_SYLLABLES = _words(
    "min ji hyun jun seo young woo jin soo hee jae sung ho kyung eun hye yeon won hoon chul dong sang joon "
    "ha yoon ah bin hwa il jong kwang myung nam seok tae gyu han hyuk in ki chan kyu wook yong na ra rim "
    "mi sook ok ja suk hyo geun bum yul sun"
)
ROMANISATION = [
    ("eo", "u"),
    ("u", "oo"),
    ("oo", "u"),
    ("k", "g"),
    ("g", "k"),
    ("ee", "i"),
    ("i", "ee"),
    ("y", ""),
]
JAPANESE_FAMILY = _words(
    "Tanaka Suzuki Takahashi Watanabe Ito Yamamoto Nakamura Kobayashi Kato Yoshida Yamada Sasaki Yamaguchi "
    "Matsumoto Inoue Kimura Hayashi Shimizu Mori Ikeda Hashimoto Ishikawa Ogawa Okada Fujita Goto Sakamoto "
    "Odagiri Tachibana Wakasugi Nishimoto Yokoyama"
)
JAPANESE_GIVEN = _words(
    "Hiroshi Takeshi Kenji Yuki Haruka Akira Satoshi Naoko Misato Yutaka Mitsuo Tadashi Ren Sora Aoi Daiki "
    "Emi Kaori Makoto Ryo Shun Tomoko Yoko Kazuo Noriko Hana Kaito Riko Shinji Mei Asuka Chihiro Daisuke "
    "Eiji Fumiko Goro Hideo Isamu Jiro Keiko Masaru Nobuo Osamu Reiko Sachiko Taro Yumi Kenta Mayu"
)
CHINESE_FAMILY = _words("Xu Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Sun Ma Zhu Hu Guo Lin He Gao Luo")
CHINESE_GIVEN = _words(
    "Jiao Wei Fang Lei Jing Min Jun Yan Hui Ling Qiang Tao Ming Xin Hua Feng Bo Yu Ting Hao Lan Kai Rui"
)
THAI_GIVEN = _words(
    "Banjong Apichat Somchai Nattapong Parinya Kittisak Chalerm Suda Siriporn Wichai Anan Pimchanok"
)
THAI_SYLLABLES = _words("pi san tha na kun wong sri chai ya phon rat ta ma la ki tti suk")
WESTERN_FIRST = _words(
    "Chris Tilda Steven Jason Anna Marie Lucas Emma Thomas Claire Paul Sophie Daniel Laura Hugo Eva Jonas "
    "Nina Oliver Julia Simon Lea Victor Ingrid Mark Helen Adam Beatrice Carlos Diane Elias Fiona Gabriel "
    "Hanna Isaac Jolene Karl Lotte Martin Nadia Oscar Petra Quentin Rosa Stefan Tessa Ursula Vincent Wanda "
    "Xavier Yvonne Zoe Arthur Bianca Cedric Delphine"
)
WESTERN_LAST = _words(
    "Evans Swinton Dhoedt Bechervaise Martin Bernard Dubois Peeters Janssens Moreau Laurent Fischer Keller "
    "Novak Berg Larsen Holm Walsh Murphy Carter Hughes Reed Brooks Foster Grant Hale Adler Baxter Collins "
    "Delacroix Engel Fontaine Garnier Hartmann Ivanov Jansen Kowalski Lindqvist Mercier Nilsson O'Brien "
    "Petrov Quinn Rossi Schneider Thorne Ulrich Vasquez Wagner Young Zimmer Abbott Blanc Costa Duarte"
)

ADJECTIVES = _words(
    "Silent Crimson Hidden Burning Frozen Golden Silver Broken Distant Endless Quiet Wild Bitter Sweet Pale "
    "Scarlet Hollow Northern Southern Eastern Western Lonely Restless Fading Sacred Secret Drifting Falling "
    "Rising Wandering Gentle Savage Velvet Iron Glass Paper Jade Amber Azure Ivory Emerald Violet Little "
    "Great Ancient Modern Midnight Morning Evening Summer Winter Autumn Spring Rainy Misty Stormy"
)
NOUNS = _words(
    "Moon River Shadow Harbor Lantern Dragon Tiger Crane Garden Mirror Ghost Letter Island Bridge Train "
    "Storm Blossom Frontier Border Monsoon Rain Snow Fog Ash Ember Harvest Village City Mountain Valley Sea "
    "Ocean Tide Willow Peach Plum Orchid Lotus Pearl Sword Arrow Mask Fan Drum Flute Bell Temple Palace "
    "Market Alley Rooftop Station Ferry Lighthouse Desert Forest Meadow Orchard Well Spring Canal Lagoon "
    "Empress Emperor Princess Prince General Soldier Widow Bride Stranger Traveller Dancer Singer Painter "
    "Poet Thief Doctor Teacher Student Detective Fisherman Hunter Gambler Composer Shaman Gorilla Fox Wolf "
    "Sparrow Swallow Heron Butterfly Cicada Firefly Kite Compass Map Diary Photograph Promise Secret Wish "
    "Dream Memory Silence Echo Whisper Melody Requiem Ballad Lullaby Festival Wedding Funeral Reunion"
)
ORG_SUFFIXES = ["Pictures", "Films", "Studios", "Entertainment", "Media", "Company", "Works", "Bros"]
PLACE_SYLLABLES = _words(
    "nor vale ber gen mar ton ash ford lin dor ka sa mi ro ta vi lo ne pra ha bu cheon san do"
)
TERM_WORDS = _words("Hallyu Chungmuro Jeonse Hoesik Nunchi Jeong Han Heung Gapjil Sunbae Hoobae Maknae")

PERSON_ROLES = [
    ("director", 30),
    ("actor", 45),
    ("producer", 8),
    ("cinematographer", 6),
    ("writer", 6),
    ("art-director", 3),
    ("executive", 1),
    ("critic", 1),
]
ORG_KINDS = [
    ("studio", 30),
    ("production-company", 35),
    ("entertainment-company", 12),
    ("vfx-studio", 6),
    ("archive", 2),
    ("government-agency", 3),
    ("film-council", 2),
    ("university", 6),
    ("streaming-service", 4),
]
GENRES = list(typing.get_args(Genre))  # every genre the schema knows
CREDIT_ROLES = ["producer", "co-producer", "co-producer", "financier", "distributor", "sponsor", "vfx"]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


class _Ids:
    def __init__(self) -> None:
        self.used: set[str] = set()

    def make(self, name: str) -> str:
        base = _slug(name)
        candidate, n = base, 1
        while candidate in self.used:
            n += 1
            candidate = f"{base}-{n}"
        self.used.add(candidate)
        return candidate


def _scaled(section: str, n_films: int) -> int:
    return max(1, round(PROPORTIONS[section] * n_films / SHIPPED_FILMS))


def _weighted(rng: random.Random, pairs: Sequence[tuple[str, int]]) -> str:
    return rng.choices([p for p, _ in pairs], weights=[w for _, w in pairs])[0]


def _popular(rng: random.Random, items: Sequence[Any]) -> Any:
    """A random item, the first twentieth far more often (a few prolific directors, big studios)."""
    if rng.random() < 0.3:
        return items[rng.randrange(max(1, len(items) // 20))]
    return rng.choice(items)


def _variant(rng: random.Random, syllable: str) -> str:
    rules = [(a, b) for a, b in ROMANISATION if a in syllable]
    if not rules:
        return syllable
    a, b = rng.choice(rules)
    return syllable.replace(a, b, 1) or syllable


def _person_name(rng: random.Random, culture: str) -> tuple[str, list[str]]:
    if culture == "korean":
        surname = rng.choice(KOREAN_SURNAMES)
        s1, s2 = rng.sample(KOREAN_SYLLABLES, 2)
        given = f"{s1.capitalize()}-{s2}"
        name = f"{surname} {given}"
        aliases = [f"{given} {surname}"]
        variant = f"{surname} {_variant(rng, s1).capitalize()}-{_variant(rng, s2)}"
        if variant != name and rng.random() < 0.7:
            aliases.insert(0, variant)
        return name, aliases
    if culture == "japanese":
        family, given = rng.choice(JAPANESE_FAMILY), rng.choice(JAPANESE_GIVEN)
        return f"{given} {family}", [f"{family} {given}"]
    if culture == "chinese":
        family, given = rng.choice(CHINESE_FAMILY), "".join(rng.sample(CHINESE_GIVEN, rng.choice([1, 1, 2])))
        given = given.capitalize()
        return f"{family} {given}", [f"{given} {family}"]
    if culture == "thai":
        family = "".join(rng.sample(THAI_SYLLABLES, rng.randint(3, 5))).capitalize()
        return f"{rng.choice(THAI_GIVEN)} {family}", []
    return f"{rng.choice(WESTERN_FIRST)} {rng.choice(WESTERN_LAST)}", []


def _title(rng: random.Random, people: list[dict[str, Any]]) -> str:
    pattern = rng.random()
    adj, noun, noun2 = rng.choice(ADJECTIVES), rng.choice(NOUNS), rng.choice(NOUNS)
    if pattern < 0.30:
        return f"The {adj} {noun}"
    if pattern < 0.50:
        return f"{adj} {noun}"
    if pattern < 0.65:
        return f"The {noun} of the {noun2}"
    if pattern < 0.75:
        return f"{noun} and {noun2}"
    if pattern < 0.83:
        return f"{noun} {rng.randint(2, 99)}"
    if pattern < 0.90:
        return f"A {noun} in {adj} {noun2}"
    if pattern < 0.95:
        return f"{rng.choice(people)['name'].split()[0]}'s {noun}"
    return noun


def _place_name(rng: random.Random) -> str:
    return "".join(rng.sample(PLACE_SYLLABLES, rng.randint(2, 3))).capitalize()


def synthetic_facts(n_films: int, seed: int = 0) -> FactsFile:
    """A valid fact base with `n_films` films and every other section in the shipped proportions."""
    rng = random.Random(seed)
    ids = _Ids()

    sources = []
    for i in range(_scaled("sources", n_films)):
        sources.append(
            {
                "id": ids.make(f"source-{i + 1}"),
                "title": f"Synthetic article {i + 1}: {rng.choice(ADJECTIVES)} {rng.choice(NOUNS)}s of Korean film",
                "author": f"{rng.choice(WESTERN_FIRST)} {rng.choice(WESTERN_LAST)}",
                "date": f"{rng.randint(2010, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            }
        )
    source_ids = [s["id"] for s in sources]

    def src() -> str:
        return rng.choice(source_ids)

    countries: list[dict[str, Any]] = []
    for country_id, name, aliases, adjective, region in REAL_COUNTRIES[: _scaled("countries", n_films)]:
        ids.used.add(country_id)
        entry: dict[str, Any] = {"id": country_id, "name": name, "adjective": adjective, "source": src()}
        if aliases:
            entry["aliases"] = aliases
        if region:
            entry["region"] = region
        countries.append(entry)
    while len(countries) < _scaled("countries", n_films):
        name = _place_name(rng) + rng.choice(["ia", "land", "stan", "ora", "esh"])
        countries.append({"id": ids.make(name), "name": name, "adjective": name + "n", "source": src()})
    country_ids = [c["id"] for c in countries]
    asian = [
        c for c in country_ids if c in {"japan", "china", "hong-kong", "taiwan", "thailand"}
    ] or country_ids
    partner_pool = asian * 20 + country_ids  # partners: mostly the shipped base's Asian ones

    places = []
    for _ in range(_scaled("places", n_films)):
        name = _place_name(rng)
        places.append(
            {
                "id": ids.make(name),
                "name": name,
                "country": _popular(rng, country_ids),
                "kind": rng.choice(["city", "city", "city", "region"]),
                "source": src(),
            }
        )
    place_ids = [p["id"] for p in places]
    location_pool = place_ids + country_ids

    cultures = [("korean", 55), ("japanese", 12), ("chinese", 12), ("thai", 5), ("western", 16)]
    culture_country = {"korean": "south-korea", "japanese": "japan", "chinese": "china", "thai": "thailand"}
    people: list[dict[str, Any]] = []
    for _ in range(_scaled("people", n_films)):
        culture = _weighted(rng, cultures)
        name, aliases = _person_name(rng, culture)
        role = _weighted(rng, PERSON_ROLES)
        person: dict[str, Any] = {"id": ids.make(name), "name": name, "roles": [role], "source": src()}
        if aliases:
            person["aliases"] = aliases
        nationality = culture_country.get(culture)
        if nationality in country_ids and rng.random() < 0.6:
            person["nationality"] = nationality
        if role == "director" and rng.random() < 0.2:
            person["roles"].append(rng.choice(["producer", "writer"]))
        people.append(person)
    people_by_id = {p["id"]: p for p in people}
    by_role: dict[str, list[dict[str, Any]]] = {}
    for person in people:
        for role in person["roles"]:
            by_role.setdefault(role, []).append(person)
    for role in ("director", "actor", "producer", "writer", "cinematographer", "art-director"):
        by_role.setdefault(role, people)
    for person in rng.sample(people, len(people) // 40):
        if person["roles"][0] == "actor" and "spouse" not in person:
            partner = rng.choice(by_role["director"])
            if partner is not person and "spouse" not in partner:
                person["spouse"], partner["spouse"] = partner["id"], person["id"]

    organisations: list[dict[str, Any]] = []
    for _ in range(_scaled("organisations", n_films)):
        words = f"{rng.choice(ADJECTIVES)} {rng.choice(NOUNS)}" if rng.random() < 0.7 else rng.choice(NOUNS)
        name = f"{words} {rng.choice(ORG_SUFFIXES)}"
        org: dict[str, Any] = {
            "id": ids.make(name),
            "name": name,
            "kind": _weighted(rng, ORG_KINDS),
            "country": "south-korea"
            if rng.random() < 0.55 and "south-korea" in country_ids
            else _popular(rng, country_ids),
            "source": src(),
        }
        if rng.random() < 0.3:
            org["aliases"] = ["".join(w[0] for w in name.split()).upper() + " " + name.split()[-1]]
        if rng.random() < 0.25:
            org["people"] = [
                {"person": rng.choice(people)["id"], "role": rng.choice(["founder", "owner", "head"])}
            ]
        organisations.append(org)
    org_ids = [o["id"] for o in organisations]

    festivals = []
    for _ in range(_scaled("festivals", n_films)):
        city = rng.choice(places)
        name = f"{city['name']} International {rng.choice(['Film', 'Fantastic Film', 'Documentary Film'])} Festival"
        acronym = "".join(w[0] for w in name.split()).upper()
        festivals.append(
            {
                "id": ids.make(acronym + "-festival"),
                "name": name,
                "aliases": [acronym],
                "country": city["country"],
                "city": city["id"],
                "prizes": [f"Best of {city['name']}"],
                "source": src(),
            }
        )

    events = []
    for _ in range(_scaled("events", n_films)):
        start = rng.randint(1910, 2022)
        name = f"{rng.choice(ADJECTIVES)} {rng.choice(['crisis', 'boom', 'wave', 'ban', 'reform', 'strike'])} of {start}"
        event: dict[str, Any] = {
            "id": ids.make(name),
            "name": name,
            "kind": rng.choice(["period", "event"]),
            "start": start,
            "countries": rng.sample(country_ids, min(len(country_ids), rng.randint(1, 2))),
            "source": src(),
        }
        if event["kind"] == "period":
            event["end"] = min(2100, start + rng.randint(1, 10))
        events.append(event)

    terms = []
    for i in range(_scaled("terms", n_films)):
        word = rng.choice(TERM_WORDS) + (f" {rng.choice(NOUNS).lower()}" if i >= len(TERM_WORDS) else "")
        terms.append(
            {
                "id": ids.make(word),
                "name": word,
                "kind": rng.choice(["exam", "group", "concept", "practice"]),
                "source": src(),
            }
        )
    universities = [o for o in organisations if o["kind"] == "university"]
    for term in terms:
        if term["kind"] == "group" and universities:
            members = rng.sample(universities, min(3, len(universities)))
            term["members"] = [o["id"] for o in members]
            for o in members:
                o.setdefault("part_of", term["id"])

    films: list[dict[str, Any]] = []
    titles: list[tuple[str, int]] = []
    for _ in range(n_films):
        year = min(2025, max(1950, int(rng.triangular(1950, 2026, 2015))))
        recurs = titles and rng.random() < 0.02  # a title that recurs in another year
        title = rng.choice(titles)[0] if recurs else _title(rng, people)
        titles.append((title, year))
        film: dict[str, Any] = {
            "id": ids.make(f"{title}-{year}"),
            "title": title,
            "year": year,
            "source": src(),
        }
        if rng.random() < 0.15:
            film["aliases"] = [_title(rng, people)]
        if rng.random() < 0.3:
            film["profiled"] = True
        if rng.random() < 0.08:
            film["kind"] = "documentary"
        film["genres"] = rng.sample(GENRES, rng.choice([0, 1, 1, 1, 2, 3]))
        if rng.random() < 0.1:
            film["languages"] = [rng.choice(["English", "Korean", "Japanese", "Mandarin", "Thai"])]
        partners = rng.sample(partner_pool, rng.choice([0, 1, 1, 2]))
        korean = ["south-korea"] if rng.random() < 0.8 and "south-korea" in country_ids else []
        film["countries"] = list(dict.fromkeys([*korean, *partners]))
        film["directors"] = list(
            dict.fromkeys(
                _popular(rng, by_role["director"])["id"] for _ in range(rng.choice([1, 1, 1, 1, 2, 3]))
            )
        )
        for field, role, chance, most in (
            ("producers", "producer", 0.35, 2),
            ("writers", "writer", 0.35, 2),
            ("cinematographers", "cinematographer", 0.3, 1),
            ("art_directors", "art-director", 0.1, 1),
        ):
            if rng.random() < chance:
                film[field] = list(
                    dict.fromkeys(_popular(rng, by_role[role])["id"] for _ in range(rng.randint(1, most)))
                )
        cast = list(
            dict.fromkeys(_popular(rng, by_role["actor"])["id"] for _ in range(rng.choice([0, 2, 3, 4, 6])))
        )
        film["cast"] = [
            {
                "person": pid,
                **({"character": f"the {rng.choice(NOUNS).lower()}"} if rng.random() < 0.4 else {}),
            }
            | ({"lead": True} if k < 2 else {})
            for k, pid in enumerate(cast)
        ]
        film["companies"] = [
            {"organisation": _popular(rng, org_ids), "role": rng.choice(CREDIT_ROLES)}
            for _ in range(rng.choice([0, 1, 1, 2, 3]))
        ]
        if rng.random() < 0.1:
            film["based_on"] = {
                "title": _title(rng, people),
                "kind": rng.choice(["comic", "graphic-novel", "novel"]),
                "year": max(1800, year - rng.randint(1, 40)),
                **({"creator": rng.choice(people)["id"]} if rng.random() < 0.6 else {}),
            }
        elif films and rng.random() < 0.03:
            film["remake_of"] = rng.choice(films)["id"]
        if rng.random() < 0.3:
            film["locations"] = list(
                dict.fromkeys(rng.choice(location_pool) for _ in range(rng.randint(1, 2)))
            )
        if rng.random() < 0.3:
            film["settings"] = rng.sample(place_ids, 1)
        if rng.random() < 0.1:
            film["budget"] = {
                "amount": rng.randint(1, 300) * 100_000_000,
                "currency": "KRW",
                "qualifier": "about",
            }
        if rng.random() < 0.2:
            film["audience"] = {
                "count": rng.randint(10_000, 15_000_000),
                "unit": "admissions",
                "country": "south-korea",
            }
        if rng.random() < 0.3:
            film["release"] = {"year": year, "month": rng.randint(1, 12)}
        if festivals and rng.random() < 0.1:
            festival = rng.choice(festivals)
            film["premiere"] = {"festival": festival["id"]} | (
                {"prize": festival["prizes"][0]} if rng.random() < 0.2 else {}
            )
        if rng.random() < 0.01:
            film["archive"] = {
                "found_year": min(2025, year + rng.randint(10, 50)),
                "found_by": rng.choice(org_ids),
                "found_at": rng.choice(org_ids),
                "found_in": rng.choice(place_ids),
                "condition": ["damaged"],
            }
        if rng.random() < 0.15:
            film["context"] = [e["id"] for e in rng.sample(events, 1)]
        by = f" by {people_by_id[film['directors'][0]]['name']}"
        genre = film["genres"][0].replace("-", " ") if film["genres"] else "feature"
        film["summary"] = (
            f"A {genre} film{by} about a {rng.choice(NOUNS).lower()} and a {rng.choice(NOUNS).lower()}."
        )
        if rng.random() < 0.3:
            film["notes"] = [f"It was one of the {rng.choice(ADJECTIVES).lower()} films of {year}."]
        films.append({k: v for k, v in film.items() if v not in ([], None)})

    credits: dict[str, int] = {}
    for film in films:
        for field in ("directors", "producers", "writers", "cinematographers", "art_directors"):
            for pid in film.get(field, []):
                credits[pid] = credits.get(pid, 0) + 1
        for member in film.get("cast", []):
            credits[member["person"]] = credits.get(member["person"], 0) + 1
    adjectives = {c["id"]: c["adjective"] for c in countries}
    for person in people:
        nationality = adjectives.get(person.get("nationality", ""), "")
        roles = " and ".join(r.replace("-", " ") for r in person["roles"])
        person["summary"] = (
            f"{nationality} {roles} credited on {credits.get(person['id'], 0)} films.".strip().capitalize()
        )
    for org in organisations:
        org["summary"] = f"A {org['kind'].replace('-', ' ')} credited on films from several decades."
    for festival in festivals:
        festival["summary"] = f"Film festival held in {festival['name'].split()[0]}."
    for event in events:
        event["summary"] = f"A turning point for filmmaking that began in {event['start']}."
    for term in terms:
        term["definition"] = f"A word used in Korean film culture: {term['name']}."

    data = {
        "sources": sources,
        "countries": countries,
        "places": places,
        "people": people,
        "organisations": organisations,
        "festivals": festivals,
        "events": events,
        "terms": terms,
        "films": films,
    }
    return FactsFile.model_validate(data)


def write_yaml(
    path: str | Path, facts: FactsFile | None = None, *, n_films: int = 10_000, seed: int = 0
) -> Path:
    """Write `facts` (default: `synthetic_facts(n_films, seed)`) as a fact base YAML file."""
    facts = facts if facts is not None else synthetic_facts(n_films, seed)
    data = facts.model_dump(mode="json", exclude_defaults=True)
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    text = yaml.dump(data, Dumper=dumper, sort_keys=False, allow_unicode=True, width=1000)
    path = Path(path)
    path.write_text(
        "# Synthetic fact base written by bench/synth.py; not real facts.\n" + text, encoding="utf-8"
    )
    return path


if __name__ == "__main__":
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
    out = write_yaml(sys.argv[1] if len(sys.argv) > 1 else "facts-synthetic.yaml", n_films=n)
    print(f"wrote {out} ({n:,} films)")
