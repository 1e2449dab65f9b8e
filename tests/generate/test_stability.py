"""Ids depend on facts and templates only: adding an unrelated film changes no other question."""

from __future__ import annotations

from kopick_quiz.generate import generate_all

NEW_PERSON = {
    "id": "new-director",
    "name": "Newcomer Jang",
    "roles": ["director"],
    "nationality": "south-korea",
    "summary": "A director added after the fact.",
    "source": "src-1",
}
NEW_FILM = {
    "id": "late-addition",
    "title": "Late Addition",
    "year": 1995,
    "directors": ["new-director"],
    "genres": ["comedy"],
    "summary": "A film added after the others.",
    "source": "src-1",
}


def test_adding_a_film_keeps_every_id_and_changes_only_what_it_touches(make_base) -> None:
    before = {q.id: q for q in generate_all(make_base())}
    after = {q.id: q for q in generate_all(make_base(extra_people=[NEW_PERSON], extra_films=[NEW_FILM]))}
    assert set(before) <= set(after)
    changed = [i for i in before if before[i] != after[i]]
    for qid in changed:
        q = after[qid]
        text = " ".join([q.prompt, *q.choices, *q.answers])
        # Only a question that now offers the new film or person as a distractor may differ.
        assert "Late Addition" in text or "Newcomer Jang" in text, (before[qid], q)
    new = set(after) - set(before)
    assert new and all(i.startswith(("late-addition.", "new-director.")) for i in new)


def test_adding_a_film_in_a_busy_year_keeps_ids(make_base) -> None:
    busy = {**NEW_FILM, "id": "also-2013", "title": "Also Then", "year": 2013, "profiled": True}
    before = {q.id for q in generate_all(make_base())}
    after = {q.id for q in generate_all(make_base(extra_people=[NEW_PERSON], extra_films=[busy]))}
    assert before <= after


def test_ids_do_not_depend_on_the_order_of_the_facts(make_base) -> None:
    from conftest import SMALL

    films = list(reversed(SMALL["films"]))
    people = list(reversed(SMALL["people"]))
    forward = generate_all(make_base())
    backward = generate_all(make_base(films=films, people=people))
    assert {q.id for q in forward} == {q.id for q in backward}
    same = {q.id: q for q in forward}
    assert all(
        same[q.id].answers == q.answers and same[q.id].prompt == q.prompt
        for q in backward
        if q.type != "order"
    )
