"""grade: verdicts, scores and feedback per question type, and the rules that are ours to choose."""

from __future__ import annotations

import pytest

from kopick_quiz.grading import Lexicon, Verdict, grade
from kopick_quiz.grading.grader import MAX_CHARS, compile_question
from kopick_quiz.questions import Question, Tolerance


def q(qtype: str = "short", *answers: str, **fields) -> Question:
    return Question(
        id=fields.pop("id", f"{qtype}:{answers}"), pack="t", type=qtype, prompt="?", answers=answers, **fields
    )


def test_verdict_accepted_means_correct_or_close():
    assert Verdict("correct", 1.0, "x", "").accepted
    assert Verdict("close", 0.9, "x", "").accepted
    assert not Verdict("partial", 0.5, "x", "").accepted
    assert not Verdict("incorrect", 0.0, "x", "").accepted


def test_the_three_spellings_of_the_issue_are_accepted(lexicon):
    assert grade(q("short", "Bong Joon-ho"), "Bong Joon-ho", lexicon).verdict == "correct"
    assert grade(q("short", "Bong Joon-ho"), "bong joonho", lexicon).verdict == "correct"
    assert grade(q("short", "Prague"), "Praque", lexicon).verdict == "close"


@pytest.mark.parametrize(
    ("expected", "typed"),
    [
        ("Huayi Brothers", "Shaw Brothers"),
        ("Lee Jung-jae", "Lee Jung-jin"),
        ("Bucheon International Fantastic Film Festival", "BIFF"),
    ],
)
def test_the_near_misses_of_the_issue_are_incorrect(lexicon, expected, typed):
    assert grade(q("short", expected), typed, lexicon).verdict == "incorrect"


def test_near_miss_studio_is_incorrect_and_named(lexicon):
    verdict = grade(q("short", "Huayi Brothers"), "Shaw Brothers", lexicon)
    assert verdict.verdict == "incorrect"
    assert verdict.score == 0.0
    assert verdict.feedback.startswith("Shaw Brothers is another organisation. The answer is Huayi Brothers.")


def test_wrong_year_is_incorrect(lexicon):
    verdict = grade(q("year", "1964"), "1946", lexicon)
    assert (verdict.verdict, verdict.feedback) == ("incorrect", "It was 1964, not 1946.")


def test_close_scores_point_nine_and_shows_the_right_spelling(lexicon):
    verdict = grade(q("short", "Prague"), "Praque", lexicon)
    assert verdict.score == 0.9
    assert "Prague" in verdict.feedback and verdict.expected == "Prague"


def test_another_romanisation_is_close_and_says_so(lexicon):
    verdict = grade(q("short", "Kim Jin-gyu"), "Kim Jin-gyoo", lexicon)
    assert verdict.verdict == "close"
    assert "another spelling" in verdict.feedback


def test_an_alias_is_correct_and_feedback_names_the_canonical_form(lexicon):
    verdict = grade(q("short", "Bucheon International Fantastic Film Festival"), "BIFAN", lexicon)
    assert verdict.verdict == "correct"
    assert verdict.feedback.startswith(
        "Correct: Bucheon International Fantastic Film Festival, also written BIFAN."
    )


def test_feedback_teaches_the_questions_explanation(lexicon):
    question = q("short", "GDH 559", explanation="GDH 559 is the Thai studio that co-produced The Medium.")
    assert grade(question, "Showbox", lexicon).feedback.endswith(
        "GDH 559 is the Thai studio that co-produced The Medium."
    )


def test_feedback_falls_back_on_what_the_facts_say_of_the_answer(lexicon):
    assert "GDH 559: Thai studio" in grade(q("short", "GDH 559"), "Showbox", lexicon).feedback


def test_a_wrong_answer_the_author_anticipated_gets_the_authors_feedback(lexicon):
    question = q(
        "short", "Huayi Brothers", feedback=(("Shaw Brothers", "Shaw Brothers made the 1960s films."),)
    )
    verdict = grade(question, "shaw brothers", lexicon)
    assert verdict.verdict == "incorrect"
    assert verdict.feedback.startswith("Shaw Brothers made the 1960s films.")


def test_accept_adds_spellings_the_facts_do_not_list(lexicon):
    question = q("short", "GDH 559", accept=("GDH Studio",))
    assert grade(question, "gdh studio", lexicon).verdict == "correct"


def test_question_kind_picks_the_rivals(lexicon):
    question = q("short", "North Korea", kind="country")
    assert grade(question, "Korea", lexicon).verdict == "incorrect"
    assert grade(question, "Nort Korea", lexicon).verdict == "close"


def test_any_one_of_several_short_answers_is_right(lexicon):
    question = q("short", "Tyrant", "The Goddess of Mercy")
    assert grade(question, "the goddess of mercy", lexicon).verdict == "correct"


def test_partial_name_is_incorrect_and_asks_for_the_full_name(lexicon):
    verdict = grade(q("short", "Bong Joon-ho"), "Bong", lexicon)
    assert verdict.verdict == "incorrect"
    assert verdict.feedback.startswith("Give the full name.")


def test_swapped_syllables_are_incorrect_and_explained(lexicon):
    verdict = grade(q("short", "Lee Jung-jae"), "Lee Jae-jung", lexicon)
    assert verdict.verdict == "incorrect"
    assert "wrong order" in verdict.feedback


def test_hedging_is_incorrect_and_asks_for_one_answer(lexicon):
    verdict = grade(q("short", "Huayi Brothers"), "Shaw or Huayi Brothers", lexicon)
    assert verdict.verdict == "incorrect"
    assert verdict.feedback.startswith("Give one answer")


@pytest.mark.parametrize("typed", ["", "   ", "?!", "\x00\x01", "\u200b"])
def test_empty_or_punctuation_only_input_is_incorrect(lexicon, typed):
    verdict = grade(q("short", "Prague"), typed, lexicon)
    assert verdict.verdict == "incorrect"
    assert verdict.feedback.startswith("No answer was given.")


def test_overlong_input_is_incorrect_without_being_read(lexicon):
    verdict = grade(q("short", "Prague"), "Prague " * (MAX_CHARS // 6), lexicon)
    assert verdict.verdict == "incorrect"
    assert "too long" in verdict.feedback


def test_counts_within_tolerance_are_close_and_outside_incorrect(lexicon):
    question = q("number", "834338", tolerance=Tolerance(relative=0.05))
    assert grade(question, "834,338", lexicon).verdict == "correct"
    close = grade(question, "0.83 million", lexicon)
    assert (close.verdict, close.expected) == ("close", "834,338")
    assert "answers within 5% are accepted" in grade(question, "700k", lexicon).feedback


def test_a_number_question_without_a_number_answer_is_graded_as_text(lexicon):
    question = q("number", "a dozen")
    assert grade(question, "a dozen", lexicon).verdict == "correct"


def test_multi_partial_credit_is_the_share_found_less_half_a_point_a_wrong_extra(lexicon):
    question = q("multi", "Seoul National University", "Korea University", "Yonsei University")
    assert grade(question, "SNU, Yonsei", lexicon).score == pytest.approx(2 / 3)
    assert grade(question, "SNU, Yonsei, KOFA", lexicon).score == pytest.approx(1.5 / 3)
    assert grade(question, "SNU, KOFA, KOFIC", lexicon).verdict == "incorrect"
    full = grade(question, "SNU, Yonsei, Korea University, KOFA", lexicon)
    assert (full.verdict, full.score) == ("partial", pytest.approx(2.5 / 3))


def test_multi_feedback_names_what_was_missed_and_what_is_wrong(lexicon):
    question = q("multi", "Choe In-hyeon", "Yueh Feng")
    verdict = grade(question, "Yueh Feng, Shin Sang-ok", lexicon)
    assert verdict.feedback == "1 of 2 right; you missed Choe In-hyeon. Shin Sang-ok is not among them."
    assert verdict.expected == "Choe In-hyeon, Yueh Feng"


def test_choice_accepts_number_letter_or_text_and_shows_the_option(lexicon):
    question = q("choice", "GDH 559", choices=("Showbox", "GDH 559", "CJ ENM", "Huayi Brothers"))
    for typed in ("2", "b", "(B)", "option b", "gdh 559"):
        assert grade(question, typed, lexicon).verdict == "correct", typed
    wrong = grade(question, "c", lexicon)
    assert wrong.feedback.startswith("You chose CJ ENM (option 3). The answer is GDH 559 (option 2).")
    assert "1 to 4;" in grade(question, "7", lexicon).feedback


def test_choice_text_that_is_an_option_wins_over_an_option_number(lexicon):
    question = q("choice", "2", choices=("1", "2", "3"))
    assert grade(question, "2", lexicon).verdict == "correct"
    assert grade(question, "1", lexicon).verdict == "incorrect"


def test_truefalse_reads_the_usual_words_and_a_negation(lexicon):
    question = q("truefalse", "false")
    assert grade(question, "No", lexicon).verdict == "correct"
    assert grade(question, "that's not true", lexicon).verdict == "correct"
    assert grade(question, "yes", lexicon).verdict == "incorrect"


def test_order_score_is_the_longest_right_run_less_one_over_items_less_one(lexicon):
    question = q("order", "A1", "B2", "C3", "D4", choices=("D4", "C3", "B2", "A1"))
    assert grade(question, "4 3 2 1", lexicon).verdict == "correct"
    assert grade(question, "1 2 3 4", lexicon).score == 0.0
    one_out_of_place = grade(question, "4 2 3 1", lexicon)  # A1, C3, B2, D4: a run of three
    assert (one_out_of_place.verdict, one_out_of_place.score) == ("partial", pytest.approx(2 / 3))
    assert grade(question, "A1 > B2 > C3 > D4", lexicon).verdict == "correct"


def test_a_changed_question_with_the_same_id_is_compiled_again(lexicon):
    first = q("short", "Prague", id="same")
    second = q("short", "Seoul", id="same")
    assert grade(first, "Prague", lexicon).verdict == "correct"
    assert grade(second, "Prague", lexicon).verdict == "incorrect"
    assert compile_question(second, lexicon) is compile_question(second, lexicon)


def test_without_facts_the_answer_text_and_the_options_are_all_there_is():
    empty = Lexicon.from_base(None)
    question = q("short", "Huayi Brothers", choices=("Huayi Brothers", "Shaw Brothers"))
    assert grade(question, "huayi brothrs", empty).verdict == "close"
    assert grade(question, "Shaw Brothers", empty).verdict == "incorrect"
    assert grade(q("short", "Prague"), "Praque", empty).verdict == "close"


@pytest.mark.parametrize("qtype", ["short", "multi", "number", "year", "choice", "truefalse", "order"])
def test_questions_without_answers_grade_everything_incorrect(lexicon, qtype):
    question = Question(id=f"empty-{qtype}", pack="t", type=qtype, prompt="?", answers=())
    assert grade(question, "anything", lexicon).verdict == "incorrect"


def test_an_accepted_spelling_that_names_an_entity_brings_all_its_names(lexicon):
    question = q("short", "Shin Films", accept=("Shin Sang-ok",))
    assert grade(question, "Sin Sang-ok", lexicon).verdict == "correct"
    assert grade(question, "Shin Film", lexicon).verdict == "correct"


# -- issue 18: name one, feedback, forms that mean the same name ----------------------------------


def test_a_list_of_guesses_is_no_answer_to_name_one(lexicon):
    sky = q("short", "Seoul National University", "Korea University", "Yonsei University")
    verdict = grade(sky, "Sogang University, KAIST, Yonsei University", lexicon)
    assert verdict.verdict == "incorrect"
    assert verdict.feedback.startswith(
        "Give one answer, not a list: Sogang University and KAIST are wrong. Any one of Seoul National"
        " University, Korea University or Yonsei University is right."
    )


def test_name_one_feedback_names_the_answer_given_not_the_first(lexicon):
    sky = q("short", "Seoul National University", "Korea University", "Yonsei University")
    right = grade(sky, "Yonsei University", lexicon)
    assert (right.verdict, right.expected) == ("correct", "Yonsei University")
    assert right.feedback.startswith("Correct: Yonsei University.")
    assert "also written" not in right.feedback
    misspelled = grade(sky, "Yonsei Univercity", lexicon)
    assert misspelled.feedback.startswith("Accepted, but check the spelling: Yonsei University.")


def test_a_countrys_adjective_is_named_as_such(lexicon):
    verdict = grade(q("short", "Thailand"), "Thai", lexicon)
    assert (verdict.verdict, verdict.feedback) == (
        "correct",
        "Correct: Thailand (you gave its adjective, Thai).",
    )


def test_a_former_name_the_facts_record_is_accepted_with_a_legal_form():
    lexicon = Lexicon(
        [
            ("CJ ENM", "cj", "organisation", True),
            ("CJ Entertainment", "cj", "organisation", False),  # its name until 2018
            ("Showbox", "showbox", "organisation", True),
        ]
    )
    cj = q("short", "CJ ENM")
    assert grade(cj, "CJ Entertainment", lexicon).verdict == "correct"
    assert grade(cj, "CJ Entertainment Inc.", lexicon).verdict == "correct"
    assert grade(cj, "CJ E&M Corporation", lexicon).verdict == "incorrect"  # never recorded
    assert grade(cj, "Showbox Corporation", lexicon).verdict == "incorrect"


def test_a_title_without_its_foreign_article_reads_as_the_title():
    lexicon = Lexicon()
    verdict = grade(q("short", "Le Transperceneige"), "Transperceneige", lexicon)
    assert (verdict.verdict, verdict.feedback) == ("correct", "Correct: Le Transperceneige.")


def test_a_kept_verdict_is_only_reused_for_the_same_text(lexicon):
    question = q("short", "Prague", id="memo:prague")
    first = grade(question, "Prague Vienna", lexicon)  # one name, and not this one
    assert grade(question, "Prague Vienna", lexicon) == first
    listed = grade(question, "Prague, Vienna", lexicon)  # the same words, but a list
    assert listed.verdict == "incorrect" and listed.feedback.startswith("Give one answer, not a list")
    assert listed.feedback != first.feedback
