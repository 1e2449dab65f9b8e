"""`split` and `tracked`: one bar for work done in stages, never going back."""

from __future__ import annotations

from progress_reports import Reports

from kopick_quiz.progress import STEPS, split, tracked


def test_each_stage_fills_a_share_of_the_bar_as_large_as_its_cost(reports: Reports) -> None:
    first, second = split(reports, 1, 3)
    first(1, 2)
    first(2, 2)
    second(1, 2)
    second(2, 2)
    assert reports.seen == [(125, STEPS), (250, STEPS), (625, STEPS), (STEPS, STEPS)]


def test_a_stage_reported_late_never_moves_the_bar_back(reports: Reports) -> None:
    first, second, third = split(reports, 1, 1, 1)
    first(1, 4)
    third(0, 10)  # the second stage was skipped: the bar jumps forward
    second(5, 10)  # too late: it would go back
    first(4, 4)
    third(10, 10)
    assert [done for done, _ in reports.seen] == [83, 667, STEPS]


def test_the_bar_is_told_only_when_it_moves(reports: Reports) -> None:
    (only,) = split(reports, 1)
    for done in range(100_000):
        only(done, 100_000)
    only(100_000, 100_000)
    assert len(reports.seen) == STEPS + 1
    reports.assert_steady(steps=STEPS)


def test_stages_that_cost_nothing_share_the_bar_equally(reports: Reports) -> None:
    first, second = split(reports, 0, 0)
    first(1, 1)
    assert reports.seen == [(STEPS // 2, STEPS)]
    second(0, 0)  # an empty stage is done at once
    assert reports.seen[-1] == (STEPS, STEPS)


def test_tracked_yields_every_item_and_reports_some_sixty_times(reports: Reports) -> None:
    items = list(range(100_000))
    assert list(tracked(items, reports)) == items
    assert len(reports.seen) <= 70
    assert reports.seen[-1] == (100_000, 100_000)
    reports.assert_steady(steps=60)


def test_tracked_reports_the_end_of_an_empty_list(reports: Reports) -> None:
    assert list(tracked([], reports)) == []
    assert reports.seen == [(0, 0)]


def test_indexing_names_for_the_bot_and_the_grader_reports_its_progress(reports: Reports) -> None:
    from kopick_quiz.chat.brain import Brain
    from kopick_quiz.grading import Lexicon
    from kopick_quiz.library import load_base

    base = load_base()
    Brain(base, reports)
    reports.assert_steady(steps=20)
    grader = Reports()
    Lexicon.from_base(base, grader)
    grader.assert_steady(steps=20)
