"""Generation scales with the base: recipes make only what they ask for, large pools are not ranked whole.

Nothing here is timed: each test counts work (entities whose questions are made, candidates
ranked) that grows with the whole base when generation turns quadratic again.
"""

from __future__ import annotations

import gc
import re
import sys
import threading
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import kopick_quiz.generate.choice as choice_module
from kopick_quiz.facts import model as m
from kopick_quiz.facts.base import FactBase
from kopick_quiz.facts.load import load_facts
from kopick_quiz.generate import FAMILIES, _questions, _wanted, drafts, generate
from kopick_quiz.generate.choice import WINDOW, Draw, film_people, pick
from kopick_quiz.generate.core import _BAD_TEXT, Ctx, NameFinder, _surely_clean, stable_hash
from kopick_quiz.packs.model import Recipe
from kopick_quiz.paths import shipped_facts
from kopick_quiz.text import normalise

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from synth import synthetic_facts  # noqa: E402 - bench/synth.py, the synthetic base of the benchmarks

BIG = 2000


@pytest.fixture(scope="module")
def big_facts() -> m.FactsFile:
    return synthetic_facts(BIG, seed=0)


def _tied(base: FactBase, film: m.Film) -> set[str]:
    """Every entity whose questions can be tied to `film`, worked out from the film's own fields."""
    ids = {film.id, *film_people(film), *(c.organisation for c in film.companies), *film.context}
    ids |= {*film.locations, *film.settings}
    if film.archive:
        ids |= {film.archive.found_by, film.archive.found_at}
    if film.premiere:
        ids.add(film.premiere.festival)
    folded = normalise(" ".join([film.title, film.summary, *film.notes]))
    for term in base.facts.terms:
        names = [normalise(n) for n in (term.name, *term.aliases)]
        if any(len(n) >= 3 and re.search(rf"\b{re.escape(n)}\b", folded) for n in names):
            ids.add(term.id)
    return ids


def test_a_one_film_recipe_makes_only_the_questions_tied_to_that_film(
    big_facts: m.FactsFile, monkeypatch: pytest.MonkeyPatch
) -> None:
    base = FactBase(big_facts)
    film = base.films[BIG // 2]
    made: list[str] = []
    for kind, make in list(FAMILIES.items()):
        monkeypatch.setitem(
            FAMILIES, kind, lambda ctx, item, make=make: made.append(item.id) or make(ctx, item)
        )
    ranked: list[str] = []
    real_hasher = choice_module._hasher

    def counting_hasher(key: str):  # noqa: ANN202 - a spy on the ranking of candidates
        hashed = real_hasher(key)
        return lambda c: ranked.append(c) or hashed(c)

    monkeypatch.setattr(choice_module, "_hasher", counting_hasher)

    questions = generate(base, Recipe(films=[film.id]), "p")

    assert questions and all(film.id in q.tags for q in questions)
    assert [i for i in made if base.kind_of[i] == "film"] == [film.id]
    assert film.id in made and set(made) <= _tied(base, film)
    # A few windows of candidates per question, never a pool: there are 3,000 people.
    assert len(ranked) < 40 * len(questions) < len(base.people)


def test_a_pick_from_a_large_pool_ranks_a_window_of_it(big_facts: m.FactsFile) -> None:
    base = FactBase(big_facts)
    ctx = Ctx(base)
    pool = ctx.pool("people")
    assert not pool.whole and len(pool) > 3000
    looked: list[str] = []
    draw = Draw(pool, lambda c: looked.append(c) or True)
    right = [base.people[0].id]
    picked = pick(ctx, "some-film.director.choice", draw, right)
    assert len(picked) == 3 and right[0] not in picked
    assert len(looked) <= 4 * WINDOW
    assert pick(ctx, "some-film.director.choice", draw, right) == picked


@pytest.mark.parametrize("key", ["the-medium.director.choice", "mr-go.cast.false", "q1", "q2"])
def test_a_small_pool_is_ranked_whole_like_a_list(key: str) -> None:
    base = load_facts(shipped_facts())
    ctx = Ctx(base)
    pool = ctx.pool("people")
    assert pool.whole
    people = [p.id for p in base.people]
    right = people[:1]
    assert pick(ctx, key, pool, right, k=5) == pick(ctx, key, people, right, k=5)
    assert pick(ctx, key, Draw(pool, lambda c: c > "m"), right) == pick(
        ctx, key, [p for p in people if p > "m"], right
    )


RECIPES = [
    Recipe(films=["the-spirit"]),
    Recipe(films=["first-love", "home"], kinds=["choice", "truefalse"]),
    Recipe(eras=["1960s"]),
    Recipe(eras=["2010s", "2020s"], topics=["people", "organisations"]),
    Recipe(profiled_only=True),
    Recipe(profiled_only=True, eras=["1950s"], relations=["director", "cast", "character"]),
    Recipe(films=["train", "war-doc"], eras=["1950s"], count=4, seed=7),
    Recipe(topics=["context"]),
    Recipe(count=12, seed=3),
    Recipe(count=300, seed=1),
    Recipe(count=30, topics=["films"], kinds=["choice", "truefalse"], seed=2),
    Recipe(count=8, eras=["1960s"], relations=["cast", "director"]),
]


@pytest.mark.parametrize("recipe", RECIPES, ids=lambda r: str(r.model_dump(exclude_defaults=True)))
def test_a_recipe_gives_what_filtering_every_question_gives(make_base, recipe: Recipe) -> None:
    everything = drafts(make_base())
    films = {f.id: f for f in make_base().films}
    wanted = [d for d in everything if _wanted(d, recipe, films)]
    if recipe.count is not None:
        wanted = _picked_from_all(make_base(), recipe)
    got = generate(make_base(), recipe, "p")  # a fresh base: only what the recipe needs is made
    assert [q.id for q in got] == [d.question.id for d in wanted]
    assert [q.prompt for q in got] == [d.question.prompt for d in wanted]
    assert [q.choices for q in got] == [d.question.choices for d in wanted]


def _picked_from_all(base: FactBase, recipe: Recipe) -> list:
    """What a `count` recipe picks, worked out from every question made: an entity's n-th best
    question (by the seed's hash of its id) ranks by n, then by the seed's hash of the entity's id."""
    everything = drafts(base)
    made = {id(d) for d in everything}
    films = {f.id: f for f in base.films}
    seed = str(recipe.seed)
    questions = _questions(base)
    keyed = []
    for item in questions.items_of(None):
        mine = [d for d in questions.of(item) if id(d) in made and _wanted(d, recipe, films)]
        mine.sort(key=lambda d: stable_hash(seed, d.question.id))
        keyed += [((n, stable_hash(seed, item.id)), id(d)) for n, d in enumerate(mine)]
    chosen = {d for _, d in sorted(keyed)[: recipe.count]}
    return [d for d in everything if id(d) in chosen]


def test_a_count_recipe_makes_the_questions_of_a_few_entities(
    big_facts: m.FactsFile, monkeypatch: pytest.MonkeyPatch
) -> None:
    base = FactBase(big_facts)
    made: list[str] = []
    for kind, make in list(FAMILIES.items()):
        monkeypatch.setitem(
            FAMILIES, kind, lambda ctx, item, make=make: made.append(item.id) or make(ctx, item)
        )
    questions = generate(base, Recipe(count=40, seed=5), "p")
    assert len(questions) == 40
    # Spread: no two questions on one entity while others are left; only the entities reached are made.
    assert len({q.id.split(".")[0] for q in questions}) == 40
    assert len(made) < 200 < len(base.by_id)


def test_every_shipped_film_alone_gives_what_filtering_gives() -> None:
    whole = load_facts(shipped_facts())
    films = {f.id: f for f in whole.films}
    everything = drafts(whole)
    for film_id in films:
        recipe = Recipe(films=[film_id])
        got = generate(load_facts(shipped_facts()), recipe, "p")
        assert [q.id for q in got] == [d.question.id for d in everything if _wanted(d, recipe, films)]


def _spy_on_the_collector(monkeypatch: pytest.MonkeyPatch, fail: bool = False) -> list[bool]:
    """Whether the collector was enabled as each entity's questions were made (or a failure there)."""
    seen: list[bool] = []

    def spy(ctx, item, make):  # noqa: ANN001, ANN202
        seen.append(gc.isenabled())
        if fail:
            raise RuntimeError("a template broke")
        return make(ctx, item)

    for kind, make in list(FAMILIES.items()):
        monkeypatch.setitem(FAMILIES, kind, lambda ctx, item, make=make: spy(ctx, item, make))
    return seen


def test_generation_alone_pauses_the_collector_and_puts_it_back(
    small_base: FactBase, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kopick_quiz.generate as generate_module

    monkeypatch.setattr(generate_module.threading, "active_count", lambda: 1)
    seen = _spy_on_the_collector(monkeypatch)
    assert gc.isenabled()
    generate(small_base, Recipe(films=["the-spirit"]), "p")
    assert seen and not any(seen)
    assert gc.isenabled()
    gc.disable()
    try:
        drafts(FactBase(small_base.facts))
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_what_a_paused_generation_made_is_not_left_for_a_young_collection_to_walk(
    small_base: FactBase, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kopick_quiz.generate as generate_module

    monkeypatch.setattr(generate_module.threading, "active_count", lambda: 1)
    collections: list[int] = []

    def seen(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            collections.append(info["generation"])

    gc.callbacks.append(seen)
    try:
        generate(small_base, Recipe(), "p")
    finally:
        gc.callbacks.remove(seen)
    assert collections == []  # not even the young collection that would walk all it made on the way out
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0


def test_objects_frozen_by_someone_else_stay_frozen_through_generation(
    small_base: FactBase, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kopick_quiz.generate as generate_module

    monkeypatch.setattr(generate_module.threading, "active_count", lambda: 1)
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        generate(small_base, Recipe(), "p")
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()


def test_a_failing_generation_puts_the_collector_back(
    small_base: FactBase, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kopick_quiz.generate as generate_module

    monkeypatch.setattr(generate_module.threading, "active_count", lambda: 1)
    seen = _spy_on_the_collector(monkeypatch, fail=True)
    with pytest.raises(RuntimeError, match="a template broke"):
        generate(small_base, Recipe(count=3), "p")
    assert seen == [False]
    assert gc.isenabled()


def test_generation_beside_another_thread_leaves_the_collector_running(
    small_base: FactBase, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = _spy_on_the_collector(monkeypatch)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        generate(small_base, Recipe(films=["the-spirit"]), "p")
    finally:
        stop.set()
        other.join()
    assert seen and all(seen)
    assert gc.isenabled()


WORD = st.sampled_from(["kim", "lee", "han", "seoul", "film", "the", "new", "wave", "x1", "busan", "jo"])
NAME = st.lists(WORD, min_size=1, max_size=3).map(" ".join)


@given(
    st.dictionaries(NAME, st.sets(st.sampled_from("abc"), min_size=1), max_size=6),
    st.lists(WORD, max_size=12),
)
def test_name_finder_finds_what_a_whole_word_search_finds(
    names: dict[str, set[str]], words: list[str]
) -> None:
    text = " | ".join(" ".join(words[i : i + 4]) for i in range(0, len(words), 4))
    expected: set[str] = set()
    for name, ids in names.items():
        if re.search(r"\b" + re.escape(name) + r"\b", text):
            expected |= ids
    assert NameFinder(names).find(text) == expected


@given(st.text(alphabet=st.sampled_from(list("aAbB nN oOeE'-,.?!(){}_1\t")), max_size=40))
def test_text_passed_as_clean_has_nothing_the_check_would_find(text: str) -> None:
    if _surely_clean(text):
        assert _BAD_TEXT.search(text) is None
