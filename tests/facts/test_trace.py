"""Tracing a fact base to its sources' texts: `validate` warns on a field the text does not support."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from progress_reports import Reports

from kopick_quiz.facts.load import CHECK_COST, check_facts
from kopick_quiz.facts.trace import TRACE_COST
from kopick_quiz.validate import validate

ARTICLE = """\
Okja (2017) was directed by Korean filmmaker Bong Joon Ho. Tilda Swinton starred in it.
Kim Ji-hoon's horror film Hostage (2019) sold 1,234,567 tickets.
"""

BASE = """\
sources:
  - id: src
    title: A source
    text: article.txt
  - id: elsewhere
    title: An encyclopedia
countries:
  - id: korea
    name: South Korea
    aliases: [Korea]
    adjective: Korean
    source: src
people:
  - id: bong
    name: Bong Joon Ho
    variants: [Bong Joon-ho]
    nationality: korea
    roles: [director]
    summary: A director.
    source: src
  - id: kim
    name: Kim Ji-hoon
    roles: [director]
    summary: A director.
    source: src
  - id: tilda
    name: Tilda Swinton
    roles: [actor]
    summary: An actress.
    source: src
films:
  - id: okja
    title: Okja
    year: 2017
    directors: [bong]
    cast:
      - person: tilda
    summary: A film.
    source: src
  - id: hostage
    title: Hostage
    year: 2019
    genres: [horror]
    directors: [kim]
    audience: {count: 1234567, unit: tickets}
    summary: A film.
    source: src
"""


def traced(tmp_path: Path, *changes: tuple[str, str], article: str = ARTICLE) -> list[str]:
    body = BASE
    for old, new in changes:
        assert old in body, old
        body = body.replace(old, new, 1)
    (tmp_path / "article.txt").write_text(article, encoding="utf-8")
    path = tmp_path / "facts.yaml"
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    _, problems = check_facts(path, shown="facts.yaml", trace=True)
    return [str(p) for p in problems]


def test_facts_the_text_states_raise_no_warning(tmp_path: Path):
    assert traced(tmp_path) == []


@pytest.mark.parametrize(
    "change, expected",
    [
        (
            ("aliases: [Korea]", "aliases: [Korea, Republic of Korea]"),
            "facts.yaml:10:22: warning: 'Republic of Korea' is not named in 'src': move a mere spelling "
            "of the name to 'variants', or cite where this name comes from",
        ),
        (("year: 2017", "year: 2016"), "facts.yaml:34:11: warning: year 2016 is not in 'src'"),
        (("genres: [horror]", "genres: [horror, romance]"), "warning: 'src' never calls a film romance"),
        (("roles: [actor]", "roles: [actor, critic]"), "warning: 'src' does not call Tilda Swinton a critic"),
        (
            ("    summary: An actress.", "    nationality: korea\n    summary: An actress."),
            "warning: 'src' does not say where Tilda Swinton is from",
        ),
        (("count: 1234567", "count: 1234568"), "warning: 1,234,568 is not in 'src'"),
        (("name: Kim Ji-hoon", "name: Kim Ji-hun"), "warning: 'Kim Ji-hun' is not named in 'src'"),
    ],
)
def test_a_claim_the_text_does_not_make_is_a_warning(tmp_path: Path, change: tuple[str, str], expected: str):
    found = traced(tmp_path, change)
    assert any(expected in line for line in found), found
    assert all(": warning: " in line for line in found)


def test_a_spelling_variant_is_not_traced(tmp_path: Path):
    assert traced(tmp_path, ("variants: [Bong Joon-ho]", "variants: [Bong Joon-ho, Pong Chun-ho]")) == []


def test_a_director_is_known_by_the_possessive_way_the_text_names_the_film(tmp_path: Path):
    """`Kim Ji-hoon's` Hostage says who directed it: no warning; without it the role is unsupported."""
    assert traced(tmp_path) == []
    found = traced(
        tmp_path,
        article=ARTICLE.replace(
            "Kim Ji-hoon's horror film Hostage", "The horror film Hostage, with Kim Ji-hoon,"
        ),
    )
    assert any("does not call Kim Ji-hoon a director" in line for line in found), found


def test_a_cited_field_is_traced_to_its_own_source(tmp_path: Path):
    nationality = ("    summary: An actress.", "    nationality: korea\n    summary: An actress.")
    cited = (
        "    summary: An actress.\n    source: src",
        "    summary: An actress.\n    source: src\n    cite:\n      - {field: nationality, source: elsewhere}",
    )
    assert traced(tmp_path, nationality, cited) == []


def test_a_citation_must_name_a_field_the_record_fills_and_a_known_source(tmp_path: Path):
    cite = "    source: src\n    cite:\n      - {field: %s, source: %s}\n  - id: kim"
    found = traced(tmp_path, ("    source: src\n  - id: kim", cite % ("nationalty", "elsewhere")))
    assert any(
        "'cite' names 'nationalty', which is not a field of a person; did you mean 'nationality'?" in x
        for x in found
    )
    found = traced(tmp_path, ("    source: src\n  - id: kim", cite % ("spouse", "elsewhere")))
    assert any("'cite' names 'spouse', but this person gives no spouse" in line for line in found), found
    found = traced(tmp_path, ("    source: src\n  - id: kim", cite % ("nationality", "wiki")))
    assert any("'source' names unknown source 'wiki'" in line for line in found), found


def test_without_the_text_nothing_is_traced(tmp_path: Path):
    (tmp_path / "article.txt").unlink(missing_ok=True)
    path = tmp_path / "facts.yaml"
    path.write_text(BASE.replace("year: 2017", "year: 2016"), encoding="utf-8")
    _, problems = check_facts(path, shown="facts.yaml", trace=True)
    assert problems == []


def test_validate_traces_but_loading_does_not(tmp_path: Path):
    traced(tmp_path, ("year: 2017", "year: 2016"))
    path = tmp_path / "facts.yaml"
    assert [p.message for p in validate([path], path)] == ["year 2016 is not in 'src'"]
    _, problems = check_facts(path)
    assert problems == []


def test_validate_traces_a_fact_base_given_by_path(tmp_path: Path):
    from kopick_quiz.paths import shipped_facts

    traced(tmp_path, ("roles: [actor]", "roles: [actor, critic]"))
    found = [str(p) for p in validate([tmp_path / "facts.yaml"], shipped_facts())]
    assert any("warning: 'src' does not call Tilda Swinton a critic" in line for line in found), found


def test_reading_the_shipped_facts_against_the_article_reports_its_progress(reports: Reports) -> None:
    # The project's copy: an installed one's article path (beside the project) leads nowhere.
    base, _ = check_facts(
        Path(__file__).resolve().parents[2] / "data" / "facts.yaml", progress=reports, trace=True
    )
    assert base is not None
    reports.assert_steady(steps=20)
    # Tracing, the last stage and the bulk of the work, moves the bar itself.
    tracing_starts = (1 + CHECK_COST) / (1 + CHECK_COST + TRACE_COST)  # after the parse and the checks
    assert len([f for f in reports.fractions if tracing_starts + 0.01 < f < 1]) >= 10
