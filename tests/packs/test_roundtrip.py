"""Import after export gives the same pack, for every kind each format can hold."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kopick_quiz.packs.aiken import export_aiken, parse_aiken
from kopick_quiz.packs.csvio import export_csv, parse_csv
from kopick_quiz.packs.formats import Imported, finish_import
from kopick_quiz.packs.gift import export_gift, parse_gift
from kopick_quiz.packs.load import Pack
from kopick_quiz.packs.writer import dump_pack

from .conftest import comparable, pack_of

GIFT_KINDS = {"short", "multi", "number", "year", "choice", "truefalse"}


def reimported(imported: Imported, name: str = "back.yaml") -> Pack:
    text, pack, problems = finish_import(imported, name)
    errors = [p for p in problems if p.severity == "error"]
    assert pack is not None and not errors, "\n".join(map(str, problems)) + "\n" + text
    return pack


def test_gift_round_trip_keeps_every_question_gift_can_hold(every_kind: Pack):
    exported = export_gift(every_kind)
    back = reimported(parse_gift(exported.content, "every-kind.gift"))
    assert back.id == every_kind.id and back.title == every_kind.title
    assert back.description == every_kind.description and back.tags == every_kind.tags
    assert back.author == every_kind.author
    holds = [q for q in comparable(every_kind) if q["type"] in GIFT_KINDS]
    expected = [q for q in holds if q["type"] != "multi" or q["choices"]]  # a typed multi has no GIFT form
    assert comparable(back) == expected


def test_gift_export_names_every_question_it_leaves_out(every_kind: Pack):
    notes = export_gift(every_kind).notes
    assert any("'every.order'" in n and "order" in n for n in notes)
    assert any("'every.multi-typed'" in n and "without choices" in n for n in notes)
    assert len(notes) == 2


def test_gift_without_kopick_comments_keeps_what_moodle_keeps(every_kind: Pack):
    """A file that went through Moodle loses the `// kopick-quiz` comments; the questions survive."""
    text = "\n".join(
        line for line in export_gift(every_kind).content.split("\n") if "kopick-quiz" not in line
    )
    back = {q.id: q for q in reimported(parse_gift(text, "moodle.gift")).questions}
    for q in every_kind.questions:
        if q.type == "order" or (q.type == "multi" and not q.choices):
            assert q.id not in back
            continue
        got = back[q.id]
        assert (got.prompt, got.explanation, dict(got.feedback)) == (
            q.prompt,
            q.explanation,
            dict(q.feedback),
        )
        assert set(got.answers) | set(got.accept) >= set(q.answers)
        assert got.choices == q.choices
        assert got.type == q.type
    assert back["every.number"].tolerance.absolute == pytest.approx(15000)  # 10% of 150000, as an amount


def test_aiken_round_trip_keeps_choice_questions(every_kind: Pack):
    exported = export_aiken(every_kind)
    back = reimported(parse_aiken(exported.content, "every-kind.txt"))
    originals = [q for q in every_kind.questions if q.type == "choice"]
    assert exported.count == len(originals) == len(back.questions)
    for before, after in zip(originals, back.questions, strict=True):
        assert (after.type, after.prompt, after.choices, after.answers) == (
            before.type,
            before.prompt,
            before.choices,
            before.answers,
        )


def test_aiken_export_skips_other_kinds_with_a_note(every_kind: Pack):
    notes = export_aiken(every_kind).notes
    skipped = {re.search(r"'([^']+)'", n).group(1) for n in notes}
    assert skipped == {q.id for q in every_kind.questions if q.type != "choice"}
    assert all("Aiken holds only choice questions" in n for n in notes)


CSV_FIELDS = (
    "id",
    "type",
    "prompt",
    "answers",
    "choices",
    "tolerance",
    "explanation",
    "tags",
    "difficulty",
    "source",
)


def test_csv_round_trip_keeps_every_column(every_kind: Pack):
    back = reimported(parse_csv(export_csv(every_kind).content, "every-kind.csv"))
    before = [{k: d[k] for k in CSV_FIELDS} for d in comparable(every_kind)]
    after = [{k: d[k] for k in CSV_FIELDS} for d in comparable(back)]
    for b, a in zip(before, after, strict=True):
        if b["type"] == "order":  # the order they are shown in is drawn again from the id
            b.pop("choices"), a.pop("choices")
    assert after == before


# -- any text survives ----------------------------------------------------------------------------

_ALPHABET = st.sampled_from(
    list("abcXYZ 019:~=#{}\\[]<>&;'\"%-_/*.,!?\n\té한국") + ["&amp;", "<b>", "[html]", "->"]
)
_TEXT = st.lists(_ALPHABET, min_size=1, max_size=30).map("".join)


def _usable(text: str) -> bool:
    from kopick_quiz.text import normalise

    return text == text.strip() and bool(normalise(text)) and "\n\n\n" not in text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(prompt=_TEXT.filter(_usable), answer=_TEXT.filter(_usable), wrong=_TEXT.filter(_usable))
@example(prompt="a", answer="%0%", wrong="a")  # an answer that reads as a GIFT weight
@example(prompt="a", answer="a", wrong="%-50.5%b")
def test_any_text_survives_a_gift_round_trip(prompt: str, answer: str, wrong: str):
    from kopick_quiz.text import normalise

    if normalise(answer) == normalise(wrong):
        return
    specs = [
        {"id": "q.short", "type": "short", "prompt": prompt, "answer": [answer], "explanation": wrong},
        {
            "id": "q.choice",
            "type": "choice",
            "prompt": prompt,
            "answer": [answer],
            "choices": [answer, wrong],
        },
    ]
    pack = pack_of(dump_pack({"id": "fuzz", "title": prompt}, specs))
    exported = export_gift(pack)
    back = reimported(parse_gift(exported.content, "fuzz.gift"))
    kept = [q for q in comparable(pack) if not ("->" in answer and q["type"] == "short")]
    assert comparable(back) == kept


# -- weights and per-answer feedback ----------------------------------------------------------------

WEIGHTED = """\
id: weighted
title: Weighted answers
questions:
  - id: w.short
    prompt: Which studio co-produced The Last Woman of Shang (1964)?
    answer:
      - text: Shaw Brothers
        feedback: "Yes: the Shaws."
      - Shaw Brothers Studio
      - {text: Shaw Bros, weight: 75, feedback: Nearly.}
      - {text: Shin Films, weight: 33.33333}
      - {text: Showbox, weight: 0, feedback: Decades later.}
    accept: [The Shaws]
    feedback:
      Golden Harvest: Founded in 1970.
      "*": Think of Hong Kong.
  - id: w.number
    type: number
    prompt: About how many admissions did it draw?
    answer:
      - {text: 150000, feedback: Right.}
      - {text: 200000, tolerance: 1000}
      - {text: 150000, weight: 50, tolerance: 50000, feedback: In the range.}
    tolerance: 10000
    feedback:
      "1000000": Far too many.
      "*": Think of the year's hits.
  - id: w.year
    type: year
    prompt: In what year was The Medium released?
    answer:
      - 2021
      - {text: 2021, weight: 50, tolerance: 1, feedback: One off.}
  - id: w.choice
    type: choice
    prompt: Who wrote the Ko-pick article?
    answer:
      - {text: Jason Bechervaise, feedback: He did.}
      - {text: KOFIC, weight: 50, feedback: KOFIC published it.}
    choices: [Jason Bechervaise, KOFIC, Sangjoon Lee]
    feedback:
      Sangjoon Lee: He wrote another one.
      "*": Pick one of the three.
  - id: w.multi
    type: multi
    prompt: Which countries' directors made Love with an Alien (1958)?
    answer: [South Korea, Hong Kong, Japan]
    choices: [South Korea, Hong Kong, Japan, China]
    feedback:
      "*": Three countries.
"""


def test_weights_and_feedback_survive_a_gift_round_trip():
    pack = pack_of(WEIGHTED, "weighted.yaml")
    exported = export_gift(pack)
    assert exported.notes == []  # 75, 50, 33.33333 and 0 are all grades Moodle offers: nothing is rounded
    assert comparable(reimported(parse_gift(exported.content, "weighted.gift"))) == comparable(pack)


def test_a_weight_moodle_does_not_offer_is_exported_with_a_note():
    pack = pack_of(WEIGHTED.replace("weight: 75", "weight: 45"), "weighted.yaml")
    assert export_gift(pack).notes == [
        "question 'w.short': Moodle offers no 45% grade; it will round 'Shaw Bros' to the nearest one it has"
    ]


def test_weights_and_feedback_survive_a_csv_round_trip():
    pack = pack_of(WEIGHTED, "weighted.yaml")
    back = reimported(parse_csv(export_csv(pack).content, "weighted.csv"))
    assert comparable(back) == comparable(pack)


def test_a_moodle_file_keeps_its_weights_without_kopick_comments():
    """The examples of the issue, as Moodle writes them."""
    text = (
        "::cat::What purrs?{=%100%Cat =%50%Kitten#A young one.}\n\n"
        "::born::Where was he born?{=Bethlehem ~%25%Nazareth#He grew up there. ~Rome}\n\n"
        "::raised::Where did he grow up?{=Nazareth =%75%Nazereth#misspelt =%0%*#Think of Galilee.####He was raised in Galilee.}\n"
    )
    back = {q.id: q for q in reimported(parse_gift(text, "moodle.gift")).questions}
    assert [(w.text, w.weight, w.feedback) for w in back["cat"].weighted] == [
        ("Kitten", 50.0, "A young one.")
    ]
    assert back["born"].type == "choice"
    assert [(w.text, w.weight) for w in back["born"].weighted] == [("Nazareth", 25.0)]
    raised = back["raised"]
    assert [(w.text, w.weight, w.feedback) for w in raised.weighted] == [("Nazereth", 75.0, "misspelt")]
    assert raised.otherwise == "Think of Galilee." and raised.explanation == "He was raised in Galilee."


_WEIGHT = st.one_of(st.integers(1, 99).map(float), st.sampled_from([33.33333, 66.66667, 12.5, 0.0]))


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(
    answer=_TEXT.filter(_usable),
    partial=_TEXT.filter(_usable),
    said=_TEXT.filter(_usable),
    right_said=_TEXT.filter(_usable),
    other=_TEXT.filter(_usable),
    weight=_WEIGHT,
    number=st.integers(0, 10**9),
    within=st.integers(0, 1000),
)
@example(answer="a", partial="%0%", said="#", right_said="=", other="*", weight=50.0, number=5, within=0)
@example(answer="a", partial="'-aa", said="a", right_said="a", other="a", weight=1.0, number=0, within=0)
def test_any_weighted_answers_survive_gift_and_csv_round_trips(
    answer: str, partial: str, said: str, right_said: str, other: str, weight: float, number: int, within: int
):
    from kopick_quiz.text import normalise

    if len({normalise(answer), normalise(partial)}) < 2 or "->" in answer + partial:
        return
    entry = {"text": partial, "weight": weight, "feedback": said}
    specs = [
        {
            "id": "q.short",
            "type": "short",
            "prompt": answer,
            "answer": [{"text": answer, "feedback": right_said}, entry],
            "feedback": {"*": other},
        },
        {
            "id": "q.choice",
            "type": "choice",
            "prompt": answer,
            "answer": [{"text": answer, "feedback": right_said}, {**entry, "weight": weight or 50.0}],
            "choices": [answer, partial],
        },
        {
            "id": "q.number",
            "type": "number",
            "prompt": partial,
            "answer": [
                str(number),
                {
                    "text": str(number + within),
                    "weight": weight or 50.0,
                    "tolerance": str(within),
                    "feedback": said,
                },
            ],
            "feedback": {"*": other},
        },
    ]
    pack = pack_of(dump_pack({"id": "fuzz", "title": answer}, specs))
    gift = reimported(parse_gift(export_gift(pack).content, "fuzz.gift"))
    arrow = any("->" in t for t in (said, right_said, other))  # GIFT reads '->' as matching
    assert comparable(gift) == [q for q in comparable(pack) if not (arrow and q["type"] == "short")]
    csv_back = reimported(parse_csv(export_csv(pack).content, "fuzz.csv"))
    assert comparable(csv_back) == [{**d, "pack": "fuzz"} for d in comparable(pack)]
