"""What a film is: its story, genre, language, other titles, and what it is based on or remade as."""

from __future__ import annotations

from ...facts import model as m
from ..compose import Answer, Found
from ..wording import join
from .registry import Rule, film_relation


@film_relation("title", Rule(80, lambda a: "title" in a.cues), cues="title")
def title(ans: Answer, film: m.Film, others: list[str]) -> Found:
    """Answers "What is Tyrant also known as?"."""
    if not film.aliases:
        return (
            f"I don't know of another title for {ans.name(film.id)}: the fact base records none.",
            [],
            False,
        )
    return f"{ans.name(film.id)} is also known as {join(film.aliases, 'or')}.", [], True


@film_relation("remake", Rule(160, lambda a: "remake" in a.cues), cues="remake")
def remake(ans: Answer, film: m.Film, others: list[str]) -> Found:
    """Answers "Is 20 Once Again a remake?": what it remakes and what remade it."""
    texts = []
    if film.remake_of:
        texts.append(f"{ans.name(film.id)} is a remake of {ans.name(film.remake_of)}.")
    remakes = ans.brain.remakes_of.get(film.id, [])
    if remakes:
        texts.append(f"{ans.name(film.id)} was remade as {join([ans.name(r.id) for r in remakes])}.")
    if not texts:
        return (
            f"I don't know of any remake involving {ans.name(film.id)}: the fact base records none.",
            [],
            False,
        )
    return " ".join(texts), [], True


@film_relation("based", Rule(170, lambda a: "based" in a.cues), cues="based")
def based(ans: Answer, film: m.Film, others: list[str]) -> Found:
    """Answers "What is Snowpiercer based on?"."""
    texts = []
    if film.based_on:
        texts.append(f"{ans.name(film.id)} is based on {ans.work(film.based_on)}.")
    if film.remake_of:
        texts.append(f"{ans.name(film.id)} is a remake of {ans.name(film.remake_of)}.")
    if not texts:
        return ans.dont_know("what {film} is based on", film), [], False
    return " ".join(texts), [], True


def _of_genres(ans: Answer, film: m.Film, values: list[str], others: list[str]) -> bool | None:
    """Yes to "Is The Medium a horror film?" when the film has every genre named."""
    if not ans.question.genres:
        return None
    return set(ans.question.genres) <= set(values)


@film_relation(
    "genre",
    Rule(200, lambda a: "genre" in a.cues),
    Rule(285, lambda a: bool(a.genres)),  # "Is The Medium a horror film?": rather than its card
    cues="genre",
    verdict=_of_genres,
)
def genre(ans: Answer, film: m.Film, others: list[str]) -> Found:
    """Answers "What genre is The Medium?"."""
    genres = [g.replace("-", " ") for g in film.genres]
    if not genres:
        if film.kind == "documentary":
            return f"{ans.name(film.id)} is a documentary.", ["documentary"], True
        return ans.dont_know("the genre of {film}", film), [], False
    noun = "documentary" if film.kind == "documentary" and "documentary" in film.genres else "film"
    if noun == "documentary":
        genres.remove("documentary")
    if not genres:
        return f"{ans.name(film.id)} is a documentary.", list(film.genres), True
    described = f"{join(genres)} {noun}"
    article = "an" if described[0] in "aeio" else "a"
    return f"{ans.name(film.id)} is {article} {described}.", list(film.genres), True


@film_relation("language", Rule(210, lambda a: "language" in a.cues), cues="language")
def language(ans: Answer, film: m.Film, others: list[str]) -> Found:
    """Answers "What language is Okja in?"."""
    if not film.languages:
        return ans.dont_know("the language of {film}", film), [], False
    return f"{ans.name(film.id)} is in {join(film.languages)}.", [], True


@film_relation(
    "summary",
    Rule(270, lambda a: "summary" in a.cues and "card_about" not in a.cues),  # not "tell me about"
    cues="summary",
)
def summary(ans: Answer, film: m.Film, others: list[str]) -> Found:
    """Answers "What is The Medium about?"."""
    return f"{ans.name(film.id)}: {film.summary}", [], True
