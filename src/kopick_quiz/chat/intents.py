"""What a question asks for: its cue words, and the words that never name anything.

Entity linking finds the names; what is left of the question (its residue) carries the cues:
`who directed @` has the cues `who` and `direct`. The answer builders decide from the cues
and the kind of entity named what to say. Every word here is folded (see `linking.fold`).
"""

from __future__ import annotations

from collections.abc import Iterable


def words(text: str) -> frozenset[str]:
    """The words of a whitespace-separated list (keeps long word lists readable)."""
    return frozenset(text.split())


# Words of grammar: never a name on their own, never a clue to what is asked.
FUNCTION_WORDS = words(
    """
    a an the of in on at by for with to from into onto and or but nor as than then
    who whom whose what which why how is are was were be been being am
    did do does done doing has have had having get got
    it its this that these those he she him her his hers they them their theirs
    i me my mine you your we our us one ones someone anyone
    tell please can could would will shall should may might must
    any some all also else other others another there here so
    up down over under again just only not no yes more most much many very really exactly
    know say said give show list name names named let lets s t ok okay
    hi hello hey thanks thank kindly pls plz same both each either
    whats whos wheres whens hows wasnt isnt didnt doesnt dont
    """
)
ARTICLES = frozenset({"the", "a", "an"})

# Pronouns that point back to the film or person last named.
PRONOUNS: dict[str, str | None] = {
    "it": "film",
    "its": "film",
    "that": "film",
    "this": "film",
    "he": "person",
    "him": "person",
    "his": "person",
    "she": "person",
    "her": "person",
    "hers": "person",
    "they": None,
    "them": None,
    "their": None,
}
# A question opening with one of these asks yes or no.
AUXILIARIES = frozenset({"did", "was", "is", "were", "does", "do", "has", "had", "are"})
# Openings that continue the previous question: "and Tyrant?", "what about Okja?".
FOLLOW_UP_OPENINGS = (("and",), ("what", "about"), ("how", "about"), ("same", "for"), ("also",))

_CUE_WORDS: dict[str, str] = {
    "who": "who whom whose",
    "what": "what which",
    "when": "when",
    "where": "where",
    "direct": "direct directs directed directing director directors helm helms helmed helming helmer "
    "filmmaker filmmakers",
    "produce": "produce produces produced producing producer producers",
    "coproduce": "coproduce coproduced coproducer coproducers coproduction coproductions coproducing "
    "joint jointly partner partners partnered collaboration collaborations collaborated collaborate",
    "company": "studio studios company companies firm firms banner backer backers backed finance financed "
    "financier financiers financing fund funded funding funder distribute distributed distributor "
    "distributors distribution sponsor sponsored sponsors sponsorship vfx effects",
    "country": "country countries nation nations involve involves involved involving",
    "write": "write writes wrote written writing writer writers screenplay screenplays screenwriter "
    "screenwriters script scripts scripted scriptwriter penned",
    "shoot": "shot shoot shoots shooting filmed filming lensed",
    "cinematography": "cinematographer cinematographers cinematography photography photographed "
    "photographer dop camera cameraman",
    "art": "designer designed",
    "cast": "star stars starred starring cast casts casting actor actors actress actresses act acts acted acting "
    "appear appears appeared appearing play plays played playing lead leads role roles character "
    "characters performer performers performed protagonist protagonists heroine hero",
    "release": "release released releases releasing opened opens opening premiere premiered date dates "
    "year years out",
    "based": "based adapt adapts adapted adaptation adaptations source inspired comic comics novel manga",
    "remake": "remake remakes remade remaking",
    "set": "set setting settings located",
    "location": "location locations",
    "audience": "admissions admission tickets ticket audience audiences viewers attendance sold sell sales "
    "gross grossed spectators moviegoers hit popular successful success",
    "budget": "budget budgets cost costs costing expensive spent spend money",
    "premiere": "premiere premiered premieres premiering festival festivals prize prizes award awards won "
    "win wins winner",
    "archive": "found find finds rediscovered discovered discover rediscover restored restore restoration print prints "
    "archive archives archived survive survives survived surviving lost rediscovery",
    "genre": "genre genres kind type sort",
    "language": "language languages english spoken speak",
    "summary": "about plot story synopsis happens premise storyline",
    "card": "describe explain information info overview mean means meaning stand stands refer refers define "
    "start starts started begin begins began beginning beginnings origin origins founded",
    "list": "film films movie movies filmography works work worked credits titles",
    "make": "make made makes making",
    "title": "title titles called aka alias aliases",
    "spouse": "married marry marries wife husband spouse wed wedded",
    "died": "die died dies death dead suicide",
    "nationality": "nationality nationalities",
    "founded": "founded founder founders founding owner owners owned own owns head heads headed established",
    "members": "members member include includes consist consists comprise universities schools",
    "month": "month months",
    "people": "people person persons",
    "event": "happened happen happens events event era eras period periods",
    "age": "old age aged",
    "after": "followed follow follows after afterwards aftermath led result results consequence consequences",
    "source": "article articles author authors essay webzine published publisher publish edited editor",
}
_CUE_PHRASES: dict[str, tuple[str, ...]] = {
    "coproduce": (
        "co produce",
        "co produced",
        "co producer",
        "co producers",
        "co production",
        "co productions",
    )
    + ("co producing", "co produces"),
    "write": ("co wrote", "co written", "co writer", "co writers"),
    "cinematography": ("director of photography",),
    "art": ("art director", "art directors", "art direction", "production design", "production designer"),
    "release": ("come out", "came out", "comes out", "coming out", "what year", "which year"),
    "set": ("take place", "takes place", "took place"),
    "cast": ("is in", "was in", "are in", "were in"),
    "audience": ("box office", "how many people"),
    "budget": ("how much",),
    "count": ("how many",),
    "card": ("tell me", "who is", "who was", "what is", "what was", "who are", "what are", "know about")
    + ("more about", "info on"),
    "card_about": ("tell me", "know about", "more about", "info on", "information on", "information about"),
    "nationality": ("where from", "come from", "comes from", "came from", "is from", "was from", "hail from"),
    "died": ("pass away", "passed away"),
    "founded": ("co founded", "co founder", "co founders", "set up"),
    "title": ("also known", "known as", "other name", "original title"),
}
# Genre words (folded) -> the genre value of the facts file.
GENRE_WORDS: dict[str, str] = {
    "romance": "romance",
    "romances": "romance",
    "romantic": "romance",
    "melodrama": "melodrama",
    "melodramas": "melodrama",
    "historical": "historical",
    "period": "period",
    "drama": "drama",
    "dramas": "drama",
    "comedy": "comedy",
    "comedies": "comedy",
    "sports": "sports",
    "sport": "sports",
    "scifi": "science-fiction",
    "action": "action",
    "thriller": "thriller",
    "thrillers": "thriller",
    "horror": "horror",
    "mockumentary": "mockumentary",
    "mockumentaries": "mockumentary",
    "documentary": "documentary",
    "documentaries": "documentary",
    "fantasy": "fantasy",
    "monster": "monster",
    "disaster": "disaster",
}
GENRE_PHRASES: dict[str, str] = {
    "science fiction": "science-fiction",
    "sci fi": "science-fiction",
    "folk horror": "folk-horror",
    "martial arts": "martial-arts",
}

WORD_CUES: dict[str, tuple[str, ...]] = {}
for _cue, _words in _CUE_WORDS.items():
    for _word in _words.split():
        WORD_CUES[_word] = (*WORD_CUES.get(_word, ()), _cue)

# Every word that says what is asked rather than what about: never linked as part of a name
# unless nothing else in the question is.
CUE_VOCABULARY = (
    frozenset(
        {*WORD_CUES, "co", *GENRE_WORDS}
        | {w for phrases in _CUE_PHRASES.values() for p in phrases for w in p.split()}
        | {w for p in GENRE_PHRASES for w in p.split()}
    )
    - FUNCTION_WORDS
)
# Cue words long enough to recognise through a typo ("directd", "cinematographr").
CUE_TYPO_TARGETS = tuple(sorted(w for w in WORD_CUES if len(w) >= 5))

# Cues that say which relation is asked about; a question with none of them, opening with
# "and"/"what about", borrows the previous question's.
RELATION_CUES = frozenset(_CUE_WORDS) - {"who", "what", "card", "summary", "age"} | {"count", "card_about"}


def cues_of(words: Iterable[str]) -> frozenset[str]:
    """The cues of a question's residue (names replaced by `@`, so phrases never span a name)."""
    words = list(words)
    # "a film festival" names a kind of festival: it asks for no list of films
    words = [
        w
        for i, w in enumerate(words)
        if not (w in _FILM_WORDS and i + 1 < len(words) and words[i + 1] in FESTIVAL_WORDS)
    ]
    found = {cue for w in words for cue in WORD_CUES.get(w, ())}
    joined = f" {' '.join(words)} "
    for cue, phrases in _CUE_PHRASES.items():
        if any(f" {p} " in joined for p in phrases):
            found.add(cue)
    if any(f" {p} " in joined for p in _LEAD_TO):
        found = (found - {"cast"}) | {"after"}  # "what did it lead to": what followed, not a lead role
    return frozenset(found)


_LEAD_TO = ("lead to", "leads to", "led to", "lead on to")
_FILM_WORDS = frozenset({"film", "films", "movie", "movies"})
FESTIVAL_WORDS = frozenset({"festival", "festivals", "fest"})


def genres_of(words: Iterable[str]) -> tuple[str, ...]:
    """The genres a question's residue names, in order, each once."""
    words = list(words)
    found = [GENRE_WORDS[w] for w in words if w in GENRE_WORDS]
    joined = f" {' '.join(words)} "
    found += [g for p, g in GENRE_PHRASES.items() if f" {p} " in joined]
    if "folk-horror" in found and found.count("horror") == 1:
        found.remove("horror")  # "folk horror" is one genre, not two
    return tuple(dict.fromkeys(found))


def role_of(cues: frozenset[str]) -> str | None:
    """The film credit (a `Film` field, or 'cast') a question's verbs point at, if one."""
    if "art" in cues:
        return "art_directors"
    if "cinematography" in cues or "shoot" in cues:
        return "cinematographers"
    if "produce" in cues and "coproduce" not in cues:
        return "producers"
    if "direct" in cues:
        return "directors"
    if "write" in cues:
        return "writers"
    if "cast" in cues:
        return "cast"
    return None


def company_role_of(words: Iterable[str]) -> str | None:
    """The company credit a question's verbs point at, when a specific one ('distributed')."""
    roles = {
        "distributor": {"distribute", "distributed", "distributor", "distributors", "distribution"},
        "financier": {"finance", "financed", "financier", "financiers", "financing", "fund", "funded"}
        | {"funding", "funder", "backed", "backer", "backers"},
        "sponsor": {"sponsor", "sponsored", "sponsors", "sponsorship"},
        "vfx": {"vfx", "effects"},
    }
    words = set(words)
    for role, cue_words in roles.items():
        if words & cue_words:
            return role
    return None
