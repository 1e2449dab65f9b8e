"""GIFT import: every construct of Moodle's GIFT documentation, from the corpus in data/gift/."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from runaway import cpu_guard

from kopick_quiz.diagnostics import FileProblems
from kopick_quiz.packs.formats import Imported, finish_import
from kopick_quiz.packs.gift import html_to_text, parse_gift, read_gift

from .conftest import DATA

CORPUS = DATA / "gift"
GOOD = sorted(p for p in CORPUS.glob("*.gift") if not p.name.startswith("broken-"))
BROKEN = sorted(CORPUS.glob("broken-*.gift"))


def imported(name: str) -> Imported:
    return read_gift(CORPUS / name, name)


def question(name: str, qid: str) -> dict:
    found = {q["id"]: q for q in imported(name).questions}
    assert qid in found, f"{qid} not in {sorted(found)}"
    return found[qid]


@pytest.mark.parametrize("path", GOOD, ids=lambda p: p.name)
def test_every_corpus_file_imports_into_a_pack_without_errors(path: Path):
    result = read_gift(path, path.name)
    assert result.questions
    text, pack, problems = finish_import(result, path.with_suffix(".yaml").name)
    assert pack is not None, "\n".join(map(str, problems))
    assert [p for p in problems if p.severity == "error"] == []
    assert len(pack.questions) == len(result.questions)


# -- what each construct becomes --------------------------------------------------------------------

CASES = [
    # file, id, fields expected in the imported question
    (
        "multiple_choice.gift",
        "which-hong-kong-studio-co-produced-the-last-woman-of-shang",
        {
            "type": "choice",
            "answer": ["Shaw Brothers"],
            "choices": ["Huayi Brothers", "GDH 559", "Shaw Brothers"],
        },
    ),
    (
        "multiple_choice.gift",
        "which-thai-studio-co-produced-the-medium-2021",
        {
            "type": "choice",
            "answer": [{"text": "GDH 559", "feedback": "Yes: GDH 559 made it with Showbox."}],
            "explanation": None,
            "feedback": {
                "Showbox": "Showbox was the Korean partner.",
                "Shin Films": "Shin Films worked with Shaw Brothers in the 1960s.",
            },
        },
    ),
    (
        "multiple_choice.gift",
        "bong-joon-ho-shot-in-prague-with-an-international-cast",
        {
            "prompt": "Bong Joon Ho shot _____ in Prague with an international cast.",
            "answer": ["Snowpiercer"],
        },
    ),
    (
        "multiple_choice.gift",
        "which-countrys-directors-joined-koreas-and-japans-on-love",
        {"type": "choice", "answer": ["Hong Kong"]},
    ),
    (
        "multiple_choice.gift",
        "name-a-lead-of-love-with-an-alien-1958",
        {"type": "choice", "answer": ["Kim Jin-gyu", "Lucilla Yu Ming"]},
    ),
    (
        "multiple_choice.gift",
        "who-wrote-the-ko-pick-article",
        {
            "type": "choice",
            "answer": ["Jason Bechervaise", {"text": "KOFIC", "weight": 50.0}],
            "choices": ["Jason Bechervaise", "KOFIC", "Sangjoon Lee"],
        },
    ),
    (
        "multiple_answers.gift",
        "which-countries-directors-made-love-with-an-alien-1958",
        {
            "type": "multi",
            "answer": ["South Korea", "Hong Kong", "Japan"],
            "choices": ["South Korea", "Hong Kong", "Japan", "China"],
        },
    ),
    (
        "multiple_answers.gift",
        "which-two-studios-made-mr-go-2013",
        {
            "type": "multi",
            "answer": ["Showbox", "Huayi Brothers"],
            "explanation": "Right: the Korean side.",
            "feedback": {"Shaw Brothers": "No: that is the 1960s."},
        },
    ),
    (
        "short_answer.gift",
        "who-directed-the-wailing-2016",
        {"type": "short", "answer": ["Na Hong-jin"], "accept": ["Na Hongjin", "Hong-jin Na"]},
    ),
    (
        "short_answer.gift",
        "who-directed-snowpiercer-2013",
        {
            "answer": [{"text": "Bong Joon Ho", "feedback": "Right: his first English-language film."}],
            "explanation": None,
            "feedback": {"Park Chan-wook": "No: Park made Stoker that year."},
        },
    ),
    (
        "short_answer.gift",
        "which-thai-studio-co-produced-the-medium-2021",
        {"answer": ["GDH 559", {"text": "GDH", "weight": 50.0}]},
    ),
    ("short_answer.gift", "which-studio-co-produced-mr-go-2013-with-showbox", {"answer": ["Huayi Brothers"]}),
    (
        "short_answer.gift",
        "which-festivals-top-award-did-the-medium-win",
        {"accept": ["BIFAN"], "explanation": None, "feedback": {"*": "Think of genre films and Bucheon."}},
    ),
    (
        "true_false.gift",
        "tyrant-1967-was-released-in-hong-kong-as-the-goddess-of",
        {"type": "truefalse", "answer": ["true"]},
    ),
    ("true_false.gift", "love-with-an-alien-1958-survives-with-its-soundtrack-intact", {"answer": ["false"]}),
    (
        "true_false.gift",
        "snowpiercer-2013-was-shot-in-prague",
        {
            "answer": ["true"],
            "feedback": {"false": "It was shot at Barrandov Studios in Prague."},
            "explanation": "Right: Prague.",
        },
    ),
    (
        "numeric.gift",
        "about-how-many-admissions-did-the-last-woman-of-shang-1964",
        {"type": "number", "answer": ["150000"], "tolerance": "15000"},
    ),
    (
        "numeric.gift",
        "in-which-decades-span-was-love-with-an-alien-made",
        {"type": "number", "answer": ["1955"], "tolerance": "5"},
    ),
    (
        "numeric.gift",
        "when-did-south-korea-lift-its-ban-on-japanese-cultural",
        {"type": "year", "answer": ["1998"]},
    ),
    (
        "numeric.gift",
        "in-what-year-was-the-medium-released",
        {
            "type": "year",
            "answer": [
                {"text": "2021", "feedback": "Right."},
                {"text": "2021", "weight": 50.0, "tolerance": "1", "feedback": "Close."},
            ],
            "explanation": None,
        },
    ),
    (
        "numeric.gift",
        "what-is-pi-to-three-decimal-places",
        {
            "type": "number",
            "answer": ["3.142"],
            "tolerance": "0.0005",
            "explanation": None,
            "feedback": {"*": "Pi is 3.14159..."},
        },
    ),
    (
        "matching.gift",
        "match-each-film-to-its-year-love-with-an-alien",
        {"type": "short", "prompt": "Match each film to its year. — Love with an Alien", "answer": ["1958"]},
    ),
    ("matching.gift", "studios-2", {"prompt": "Match each film to its foreign co-producer. — Mr. Go"}),
    (
        "names_comments_category.gift",
        "shang-studio",
        {"answer": ["Shaw Brothers"], "tags": ["Hong Kong"]},
    ),
    ("names_comments_category.gift", "shang-star-2", {"answer": ["Shin Young-kyun"]}),
    ("names_comments_category.gift", "medium", {"answer": ["GDH 559"], "tags": ["Thailand"]}),
    (
        "escapes.gift",
        "escapes",
        {
            "prompt": 'Which sign joins a film\'s title to its year in "Tyrant {1967}": ~, = or #?',
            "answer": ["hash #"],
            "choices": ["hash #", "equals =", "tilde ~"],
        },
    ),
    ("escapes.gift", "line-break", {"prompt": "First line.\nSecond line: which studio made Mr. Go?"}),
    ("escapes.gift", "backslash", {"prompt": "Which character is this: \\?"}),
    ("formats.gift", "html", {"prompt": "Which Thai studio co-produced The Medium & when?"}),
    ("formats.gift", "markdown", {"prompt": "Which **Korean** studio co-produced *The Medium*?"}),
    ("formats.gift", "plain", {"prompt": 'Is <b> a tag in "Tyrant <1967>"?', "type": "truefalse"}),
    ("formats.gift", "moodle", {"prompt": "Which studio made Tyrant with Shin Films?"}),
    ("formats.gift", "answer-format", {"answer": ["Huayi Brothers"]}),
    (
        "general_feedback.gift",
        "archive",
        {
            "answer": ["Hong Kong"],
            "accept": ["Shaw Brothers' holdings in Hong Kong"],
            "explanation": "In 2012 the archive learned that Shaw Brothers held a print in Hong Kong.",
        },
    ),
    ("general_feedback.gift", "archive-year", {"explanation": "It was restored and shown in 2014."}),
    (
        "general_feedback.gift",
        "tf-general",
        {
            "answer": ["false"],
            "feedback": {"true": "It was complete."},
            "explanation": "Its sound was missing.\n\nRight.",
        },
    ),
    ("general_feedback.gift", "mc-general", {"explanation": "It marked its 40th anniversary with it."}),
    ("moodle_export.gift", "medium-studio", {"answer": ["GDH 559"], "accept": ["GDH"]}),
    ("moodle_export.gift", "medium-year", {"type": "year", "answer": ["2021"]}),
    ("moodle_export.gift", "mr-go-studios", {"type": "multi", "answer": ["Showbox", "Huayi Brothers"]}),
    ("moodle_export.gift", "shang-studio", {"explanation": "Shaw Brothers worked with Shin Films."}),
    (
        "moodle_export.gift",
        "year-match-1",
        {"prompt": "Match each film to its year. — Tyrant", "answer": ["1967"]},
    ),
]


@pytest.mark.parametrize("name, qid, fields", CASES, ids=[f"{c[0]}:{c[1]}" for c in CASES])
def test_gift_construct_becomes(name: str, qid: str, fields: dict):
    q = question(name, qid)
    assert {k: q.get(k) for k in fields} == fields


@pytest.mark.parametrize(
    "name, header",
    [
        ("names_comments_category.gift", {"id": "names-comments-category", "title": "Hong Kong"}),
        ("moodle_export.gift", {"title": "Default for Film history"}),
        (
            "essay_description.gift",
            {
                "title": "Essay description",
                "description": "These questions cover Korea's co-productions with Hong Kong in the 1950s and 1960s.",
            },
        ),
    ],
)
def test_pack_header_comes_from_the_file_name_first_category_and_description(name: str, header: dict):
    got = imported(name).header
    assert {k: got[k] for k in header} == header


# -- never silently dropped ---------------------------------------------------------------------------

NOTES = [
    ("multiple_answers.gift", 16, "different weights are not kept"),
    ("multiple_answers.gift", 23, "no right answer; skipped"),
    ("numeric.gift", 20, "'three' is not a number"),
    (
        "matching.gift",
        2,
        "a matching question becomes 3 short questions, one for each pair; the extra answers '2013'",
    ),
    ("matching.gift", 9, "a matching question becomes 2 short questions"),
    ("essay_description.gift", 2, "becomes the pack's description"),
    ("essay_description.gift", 5, "essay questions need a person to grade them; skipped"),
    ("essay_description.gift", 10, "is not a question; skipped"),
    ("formats.gift", 2, "img cannot be shown in a terminal"),
    ("moodle_export.gift", 47, "essay questions"),
    ("moodle_export.gift", 51, "is not a question; skipped"),
]


@pytest.mark.parametrize("name, line, fragment", NOTES, ids=[f"{n[0]}:{n[1]}" for n in NOTES])
def test_what_cannot_be_imported_is_a_warning_naming_its_line(name: str, line: int, fragment: str):
    notes = [str(n) for n in imported(name).notes]
    assert any(n.startswith(f"{name}:{line}: warning: ") and fragment in n for n in notes), notes


def test_clean_files_import_without_warnings():
    for name in ("true_false.gift", "general_feedback.gift", "escapes.gift"):
        assert imported(name).notes == []


# -- broken and hostile files ---------------------------------------------------------------------------

BROKEN_ERRORS = {
    "broken-unclosed-brace.gift": [
        "1:33: error: '{' is never closed by '}'",
        "5:44: error: '{' is never closed by '}'",
    ],
    "broken-stray-brace.gift": ["1:33: error: '}' closes no '{'"],
    "broken-two-blocks.gift": ["1:49: error: a second answer block"],
    "broken-nested-brace.gift": ["1:27: error: '{' inside an answer block"],
}


@pytest.mark.parametrize("path", BROKEN, ids=lambda p: p.name)
def test_broken_braces_are_errors_with_line_and_column(path: Path):
    with pytest.raises(FileProblems) as caught:
        read_gift(path, path.name)
    lines = [str(p) for p in caught.value.problems]
    expected = BROKEN_ERRORS[path.name]
    assert len(lines) == len(expected)
    for line, fragment in zip(lines, expected, strict=True):
        assert line.startswith(f"{path.name}:{fragment}")


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "the file is empty"),
        (b"  \n\n \t\n", "the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        (b"Caf\xe9 question{=yes}", "not UTF-8"),
    ],
    ids=["empty", "blank", "binary", "latin-1"],
)
def test_hostile_files_give_one_clear_error(tmp_path: Path, content: bytes, message: str):
    path = tmp_path / "bad.gift"
    path.write_bytes(content)
    with pytest.raises(FileProblems) as caught:
        read_gift(path, "bad.gift")
    (problem,) = caught.value.problems
    assert str(problem).startswith("bad.gift:1:")
    assert message in problem.message


def test_a_file_over_the_size_limit_is_refused_before_reading(tmp_path: Path):
    path = tmp_path / "huge.gift"
    with path.open("wb") as f:
        f.truncate(9 * 1024 * 1024)
    with pytest.raises(FileProblems, match="limit"):
        read_gift(path, "huge.gift")


def test_many_questions_import_without_runaway_work():
    text = "\n\n".join(f"::q{i}::Question number {i}?{{=answer {i} ~wrong {i}}}" for i in range(20000))
    with cpu_guard(10.0, "importing 20,000 questions"):  # a runaway guard: no n² blow-up
        result = parse_gift(text, "many.gift")
    assert [q["id"] for q in result.questions] == [f"q{i}" for i in range(20000)]
    assert result.notes == []


def test_a_very_long_prompt_is_skipped_with_a_note():
    result = parse_gift("x" * 5000 + "{=yes}", "long.gift")
    assert result.questions == []
    (note,) = result.notes
    assert (
        str(note)
        == "long.gift:1: warning: question skipped: 'prompt' is longer than 2,000 characters; shorten it"
    )


def test_kopick_comments_that_are_not_json_are_ignored_with_a_note():
    result = parse_gift("// kopick-quiz: {not json\n::a::Which studio made Mr. Go?{=Showbox}", "x.gift")
    assert [q["id"] for q in result.questions] == ["a"]
    assert "not a JSON object" in str(result.notes[0])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*"ab {}~=#:\\/$%-.>\n[]T", "::", "//", "$CATEGORY:", "####"])).map("".join))
def test_any_text_imports_or_fails_with_positioned_errors(text: str):
    try:
        result = parse_gift(text, "fuzz.gift")
    except FileProblems as exc:
        assert exc.problems and all(p.line >= 1 and p.col >= 1 for p in exc.problems)
        return
    _, pack, problems = finish_import(result, "fuzz.yaml")
    assert all(p.line >= 1 and p.col >= 1 for p in problems)
    errors = [p.message for p in problems if p.severity == "error"]
    if result.questions:  # what was read loads as a pack, every question of it
        assert errors == [] and pack is not None
        assert [q.id for q in pack.questions] == [q["id"] for q in result.questions]
    else:  # nothing was read: one sentence says so
        assert errors == ["the pack has no 'questions' and no 'generate' recipe"] and pack is None


@pytest.mark.parametrize(
    "html, text",
    [
        ("<p>One</p><p>Two &amp; three</p>", "One\nTwo & three"),
        ("A<br>B", "A\nB"),
        ("<b>bold</b>   and\n  spaced", "bold and spaced"),
        ('<img src="x.png" alt="a poster">', "a poster"),
    ],
)
def test_html_becomes_plain_text(html: str, text: str):
    assert html_to_text(html)[0] == text
