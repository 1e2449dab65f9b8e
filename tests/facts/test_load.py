"""Loading and checking a fact base: every mistake reported at once, with its position."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from kopick_quiz.diagnostics import FileProblems
from kopick_quiz.facts.load import check_facts, load_facts

HEADER = """\
sources:
  - id: src
    title: A source
people:
  - id: bong
    name: Bong Joon Ho
    roles: [director]
    summary: A director.
    source: src
"""


def problems_of(tmp_path: Path, body: str) -> list[str]:
    path = tmp_path / "facts.yaml"
    path.write_text(HEADER + textwrap.dedent(body), encoding="utf-8")
    _, problems = check_facts(path, shown="facts.yaml")
    return [str(p) for p in problems]


FILM = """\
films:
  - id: okja
    title: Okja
    year: 2017
    directors: [bong]
    summary: A film.
    source: src
"""


def test_a_correct_fact_base_has_no_problem(tmp_path: Path):
    assert problems_of(tmp_path, FILM) == []


@pytest.mark.parametrize(
    "change, expected",
    [
        (
            ("directors: [bong]", "direcotrs: [bong]"),
            "facts.yaml:14:5: error: unknown field 'direcotrs'; did you mean 'directors'?",
        ),
        (
            ("title: Okja", "title: NO"),
            "facts.yaml:12:12: error: 'title' must be text, but NO unquoted reads as a yes/no value; quote it: title: \"NO\"",
        ),
        (("title: Okja", "title: yes"), 'quote it: title: "yes"'),
        (("title: Okja", "title: 2013-08-01"), "reads as a date; quote it"),
        (("title: Okja", "title: 1:20"), "reads as a number; quote it"),
        (("year: 2017", "year: 1:20"), "facts.yaml:13:11: error: 'year' must be a whole number, not '1:20'"),
        (("year: 2017", "year: 20177"), "'year' must be at most 2100, not 20177"),
        (("    summary: A film.\n", ""), "facts.yaml:11:5: error: missing required field 'summary'"),
        (
            ("directors: [bong]", "directors: [bnog]"),
            "error: 'directors' names unknown person 'bnog'; did you mean 'bong'?",
        ),
        (
            ("directors: [bong]", "directors: [src]"),
            "error: 'directors' must name a person, but 'src' is a source",
        ),
        (("source: src\n", "source: nowhere\n"), "'source' names unknown source 'nowhere'"),
        (
            ("id: okja", "id: Okja Film"),
            "error: 'id' must be an id: lower-case words joined by '-' (like the-medium), not 'Okja Film'",
        ),
        (
            ("id: okja", "id: bong"),
            "facts.yaml:11:9: error: duplicate id 'bong' (first used at line 5); ids must be unique",
        ),
        (("directors: [bong]", "directors: bong"), "'directors' must be a list"),
        (("    source: src\n", "    source: src\n    genres: [horor]\n"), "did you mean 'horror'?"),
    ],
)
def test_mistake_is_reported_with_position_and_advice(tmp_path: Path, change: tuple[str, str], expected: str):
    old, new = change
    body = FILM.replace(old, new, 1) if old in FILM else FILM
    assert old in FILM
    found = problems_of(tmp_path, body)
    assert any(expected in line for line in found), found


def test_every_error_of_a_file_is_reported_at_once(tmp_path: Path):
    body = FILM.replace("title: Okja", "title: NO").replace("directors: [bong]", "direcotrs: [bong]")
    body += """\
  - id: mother
    title: Mother
    year: 2009
    directors: [nobody]
    summary: Another film.
    source: src
"""
    found = problems_of(tmp_path, body)
    assert len(found) == 3, found


def test_unknown_section_gets_a_suggestion(tmp_path: Path):
    found = problems_of(tmp_path, FILM.replace("films:", "flims:"))
    assert any("unknown section 'flims'; did you mean 'films'?" in line for line in found)


def test_two_entities_sharing_a_name_is_a_warning(tmp_path: Path):
    path = tmp_path / "facts.yaml"
    twin = "  - id: bong2\n    name: Bong Joon-ho\n    roles: [actor]\n    summary: x\n    source: src\n"
    path.write_text(HEADER + twin, encoding="utf-8")
    base, problems = check_facts(path, shown="facts.yaml")
    assert base is not None
    assert [str(p) for p in problems] == [
        "facts.yaml:10:5: warning: 'Bong Joon-ho' also names 'bong'; a typed answer could not tell them apart"
    ]


def test_load_facts_raises_with_every_error(tmp_path: Path):
    path = tmp_path / "facts.yaml"
    path.write_text(HEADER + FILM.replace("year: 2017", "year: soon"), encoding="utf-8")
    with pytest.raises(FileProblems) as info:
        load_facts(path)
    assert "'year' must be a whole number" in str(info.value)


def test_checking_the_shipped_facts_reports_every_stage_to_the_end(reports) -> None:
    from kopick_quiz.paths import shipped_facts

    base, _ = check_facts(shipped_facts(), progress=reports)
    assert base is not None
    reports.assert_steady(steps=100)


def test_checking_parsed_facts_reports_the_checks_alone(reports) -> None:
    from kopick_quiz.facts.load import check_facts_data
    from kopick_quiz.paths import shipped_facts
    from kopick_quiz.yamlio import FACTS_MAX_BYTES, read_yaml

    root = read_yaml(shipped_facts(), max_bytes=FACTS_MAX_BYTES)
    base, _ = check_facts_data(root, "facts.yaml", reports)
    assert base is not None
    reports.assert_steady(steps=50)


def test_making_the_base_the_last_part_of_the_checks_moves_the_bar_too(reports) -> None:
    from kopick_quiz.facts.load import _STAGE_COSTS, check_facts_data
    from kopick_quiz.paths import shipped_facts
    from kopick_quiz.yamlio import FACTS_MAX_BYTES, read_yaml

    root = read_yaml(shipped_facts(), max_bytes=FACTS_MAX_BYTES)
    check_facts_data(root, "facts.yaml", reports)
    last_stage = 1 - _STAGE_COSTS[-1] / sum(_STAGE_COSTS)
    within = {round(f, 3) for f in reports.fractions if last_stage + 0.01 < f < 1}
    assert len(within) >= 5, sorted(within)  # not one jump to the end once the records are made


def test_the_records_made_from_the_models_are_what_their_json_gives() -> None:
    from kopick_quiz.facts import model as m
    from kopick_quiz.facts import records
    from kopick_quiz.paths import shipped_facts
    from kopick_quiz.yamlio import FACTS_MAX_BYTES, read_yaml

    models = m.FactsFile.model_validate(read_yaml(shipped_facts(), max_bytes=FACTS_MAX_BYTES))
    made = records.from_models(models)
    assert made == records.from_json(models.model_dump_json(exclude_defaults=True))
    ids = {p.id: p.id for p in made.people}
    assert all(d is ids[d] for f in made.films for d in f.directors)  # one string for each id


def test_a_fact_base_with_errors_still_ends_its_progress(tmp_path: Path, reports) -> None:
    path = tmp_path / "facts.yaml"
    path.write_text(HEADER + FILM.replace("directors: [bong]", "directors: [nobody]"), encoding="utf-8")
    base, problems = check_facts(path, progress=reports)
    assert base is None and problems
    reports.assert_steady(steps=2)
