"""Aiken import: one-line multiple choice; what it cannot read is a warning naming its line."""

from __future__ import annotations

from kopick_quiz.packs.aiken import parse_aiken, read_aiken
from kopick_quiz.packs.convert import finish_import, import_file, sniff

from .conftest import DATA

FILE = DATA / "aiken" / "questions.txt"


def test_aiken_questions_become_choice_questions():
    result = read_aiken(FILE, "questions.txt")
    by_id = {q["id"]: q for q in result.questions}
    medium = by_id["which-thai-studio-co-produced-the-medium-2021"]
    assert medium == {
        "id": "which-thai-studio-co-produced-the-medium-2021",
        "type": "choice",
        "prompt": "Which Thai studio co-produced The Medium (2021)?",
        "answer": ["GDH 559"],
        "choices": ["Showbox", "GDH 559", "Huayi Brothers", "Shaw Brothers"],
    }
    assert by_id["which-hong-kong-studio-co-produced-the-last-woman-of-shang"]["answer"] == ["Shaw Brothers"]


def test_several_answer_letters_make_a_multi_question():
    result = read_aiken(FILE, "questions.txt")
    mr_go = next(q for q in result.questions if q["prompt"].startswith("Which studios made Mr. Go"))
    assert (mr_go["type"], mr_go["answer"]) == ("multi", ["Showbox", "Huayi Brothers"])


def test_questions_aiken_cannot_read_are_warnings_naming_their_line():
    result = read_aiken(FILE, "questions.txt")
    notes = [str(n) for n in result.notes]
    assert notes == [
        "questions.txt:20: warning: 'ANSWER: E' names no choice E; skipped",
        "questions.txt:25: warning: a question without an 'ANSWER:' line; skipped",
    ]
    assert len(result.questions) == 4


def test_the_imported_pack_validates():
    _, pack, problems = finish_import(read_aiken(FILE, "questions.txt"), "questions.yaml")
    assert pack is not None and [p for p in problems if p.severity == "error"] == []
    assert pack.id == "questions" and pack.title == "Questions"


def test_a_txt_file_is_told_apart_by_its_content(tmp_path):
    assert sniff(FILE.read_text()) == "aiken"
    assert sniff("Who?{=Bong Joon Ho}") == "gift"
    gift = tmp_path / "quiz.txt"
    gift.write_text("::a::Which studio made Mr. Go?{=Showbox}\n")
    assert [q["id"] for q in import_file(gift).questions] == ["a"]
    assert len(import_file(FILE).questions) == 4


def test_several_prompt_lines_are_joined():
    result = parse_aiken("Which studio\nmade Mr. Go?\nA. Showbox\nB. GDH 559\nANSWER: A\n", "x.txt")
    assert result.questions[0]["prompt"] == "Which studio made Mr. Go?"


def test_an_answer_without_a_question_is_a_warning():
    result = parse_aiken("ANSWER: A\n", "x.txt")
    assert [str(n) for n in result.notes] == [
        "x.txt:1: warning: 'ANSWER:' without a question before it; skipped"
    ]


def test_an_aiken_export_says_partial_credit_is_lost():
    from kopick_quiz.packs.aiken import export_aiken

    from .conftest import pack_of

    pack = pack_of(
        "id: w\ntitle: W\nquestions:\n  - id: q\n    type: choice\n    prompt: Who wrote it?\n"
        "    answer: [Jason Bechervaise, {text: KOFIC, weight: 50}]\n    choices: [Jason Bechervaise, KOFIC, Sangjoon Lee]\n"
    )
    exported = export_aiken(pack)
    assert exported.count == 1 and "ANSWER: A" in exported.content
    assert exported.notes == ["question 'q': Aiken has no partial credit; 'KOFIC' count as wrong"]
