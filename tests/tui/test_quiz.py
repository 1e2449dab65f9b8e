"""A whole quiz driven by keys: right, wrong, close, partial, hint, skip, quit."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.color import Color
from textual.pilot import Pilot

from kopick_quiz.session import MAX_ANSWER_CHARS
from kopick_quiz.store import Store
from kopick_quiz.tui.app import KopickApp
from kopick_quiz.tui.screens.confirm import ConfirmScreen
from kopick_quiz.tui.screens.quiz import BOT, QuizScreen
from kopick_quiz.tui.screens.results import ResultsScreen
from kopick_quiz.tui.widgets.answer_input import AnswerInput
from kopick_quiz.tui.widgets.bubble import ChatBubble, ChatLog
from kopick_quiz.tui.widgets.options import OptionsList
from kopick_quiz.tui.widgets.score_header import ScoreHeader

from .conftest import (
    FakeClock,
    bubbles,
    drive,
    last_bubble,
    make_app,
    screen_text,
    see_results,
    settle,
    until,
)


def quiz(app: KopickApp) -> QuizScreen:
    assert isinstance(app.screen, QuizScreen), type(app.screen)
    return app.screen


async def say(pilot: Pilot[int], text: str) -> None:
    """Type `text` into the answer line and press Enter."""
    answer = pilot.app.screen.query_one(AnswerInput)
    answer.value = text
    await pilot.press("enter")
    await pilot.pause()


def current_id(app: KopickApp) -> str:
    session = quiz(app).session
    assert session is not None and session.current is not None
    return session.current.id


def key_of(app: KopickApp, option: str) -> str:
    """The key that picks `option` of the current question, wherever this attempt shows it."""
    session = quiz(app).session
    assert session is not None
    return str(session.options().index(option) + 1)


def test_play_opens_straight_on_the_first_question(tmp_path: Path) -> None:
    app = make_app(tmp_path)

    async def scenario(pilot: Pilot[int]) -> None:
        screen = quiz(app)
        assert screen.session is not None
        first = screen.session.current
        assert first is not None
        assert first.prompt in last_bubble(app, "question").text
        assert app.focused is screen.query_one(AnswerInput)
        header = screen.query_one(ScoreHeader)
        assert (header.index, header.total, header.score, header.streak) == (0, 6, 0, 0)
        assert "Question 1/6" in screen_text(app)

    drive(app, scenario)


def test_a_whole_quiz_right_wrong_close_partial_hint_skip(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    seen: dict[str, str] = {}

    async def scenario(pilot: Pilot[int]) -> None:
        screen = quiz(app)
        session = screen.session
        assert session is not None
        while not session.finished:
            qid = current_id(app)
            if qid == "medium.korean-studio":
                await pilot.press(key_of(app, "Showbox"))  # by its number
            elif qid == "medium.bifan":
                await pilot.press("n")  # wrong: it is true
            elif qid == "medium.countries":
                await say(pilot, "South Korea")  # one of two
            elif qid == "medium.studio":
                await say(pilot, "/hint")
                assert (
                    "Hint 1" in last_bubble(app, "hint").text and "G__ 5__" in last_bubble(app, "hint").text
                )
                await pilot.press("f2")
                assert "One of these" in last_bubble(app, "hint").text
                await say(pilot, "GDH 559")
            elif qid == "medium.year":
                await say(pilot, "/skip")
            elif qid == "medium.director":
                await say(pilot, "Banjong Pisanthanakon")  # a typo
            await pilot.pause()
            seen[qid] = session.answered[-1].verdict.verdict if session.answered[-1].verdict else "skipped"
        await see_results(pilot)
        assert isinstance(app.screen, ResultsScreen)
        assert "To review (3)" in screen_text(app)
        cards = [str(card.render()) for card in app.screen.query(".missed")]
        skipped = next(c for c in cards if "In which year was The Medium released?" in c)
        assert "(skipped)" in skipped and "Answer: 2021" in skipped

    drive(app, scenario)
    assert seen == {
        "medium.korean-studio": "correct",
        "medium.bifan": "incorrect",
        "medium.countries": "partial",
        "medium.studio": "correct",
        "medium.year": "skipped",
        "medium.director": "close",
    }
    with Store.open(tmp_path) as store:
        (row,) = store.quizzes("mina")
        assert (row.status, row.answered, row.right) == ("finished", 6, 3)
        hinted = [a for a in store.answers("mina") if a.question_id == "medium.studio"]
        assert hinted[0].hints == 2 and hinted[0].points == 5


def chat(app: KopickApp) -> ChatLog:
    return app.screen.query_one("#chat", ChatLog)


def title(app: KopickApp, bubble: ChatBubble) -> str:
    """The name drawn in the top edge of the message's frame."""
    return chat(app).lines_of(bubble)[0].text.strip().strip("╭╮─").strip()


def frame(app: KopickApp, bubble: ChatBubble) -> Color:
    """The colour the message's frame is drawn in."""
    return chat(app).styles_of(bubble)[0].foreground


def theme_colour(app: KopickApp, name: str) -> Color:
    return Color.parse(app.theme_variables[name])


def test_feedback_bubbles_carry_the_verdict_as_a_class(tmp_path: Path) -> None:
    app = make_app(tmp_path)

    async def scenario(pilot: Pilot[int]) -> None:
        assert current_id(app) == "medium.korean-studio"
        key = key_of(app, "Shaw Brothers")
        await pilot.press(key)
        wrong = last_bubble(app, "incorrect")
        assert "Showbox" in wrong.text
        assert last_bubble(app, "you").text == f"{key}. Shaw Brothers"
        assert current_id(app) == "medium.bifan"
        await pilot.press("y")
        right = last_bubble(app, "correct")
        assert "Correct" in right.text
        # what the student sees: the bot's feedback under the bot's name, framed in the theme's
        # colour for its verdict; their own answer under their name
        you = last_bubble(app, "you")
        assert (title(app, right), title(app, wrong), title(app, you)) == (BOT, BOT, app.player)
        assert frame(app, right) == theme_colour(app, "success")
        assert frame(app, wrong) == theme_colour(app, "error")
        assert frame(app, right) != frame(app, wrong)

    drive(app, scenario)


def test_why_repeat_score_and_unknown_commands_answer_in_the_chat(tmp_path: Path) -> None:
    app = make_app(tmp_path)

    async def scenario(pilot: Pilot[int]) -> None:
        await pilot.press(key_of(app, "Showbox"))
        await say(pilot, "/why")
        assert "Showbox" in last_bubble(app, "note").text
        asked = len(bubbles(app, "question"))
        await say(pilot, "/repeat")
        assert len(bubbles(app, "question")) == asked + 1
        await say(pilot, "/score")
        assert "Score 10" in last_bubble(app, "note").text
        await say(pilot, "/dance")
        assert "There is no /dance command" in last_bubble(app, "note").text
        assert current_id(app) == "medium.bifan"  # none of it answered the question

    drive(app, scenario)


def test_quit_command_ends_the_quiz_with_the_results_so_far(tmp_path: Path) -> None:
    app = make_app(tmp_path)

    async def scenario(pilot: Pilot[int]) -> None:
        await pilot.press("2")
        await say(pilot, "/quit")  # at once: no pause before the results
        await settle(pilot)
        assert isinstance(app.screen, ResultsScreen)
        assert len(app.screen.results.answered) == 1

    drive(app, scenario)


def test_ctrl_q_mid_quiz_asks_first_and_the_quiz_can_be_resumed(tmp_path: Path) -> None:
    app = make_app(tmp_path)

    async def scenario(pilot: Pilot[int]) -> None:
        assert current_id(app) == "medium.korean-studio"
        await pilot.press(key_of(app, "Showbox"))
        await settle(pilot)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen)
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()

    drive(app, scenario)
    assert app.return_code == 0

    again = make_app(tmp_path, command=None)

    async def resume(pilot: Pilot[int]) -> None:
        assert "Unfinished: The Medium" in screen_text(again)
        await pilot.press("ctrl+r")
        await settle(pilot)
        screen = quiz(again)
        assert screen.session is not None
        assert screen.session.total == 5 and screen.session.score == 10
        assert "(resumed)" in screen.session.title
        # it goes on counting from the question answered before, not from 1
        assert "Question 2 of 6" in last_bubble(again, "question").text
        header = screen.query_one(ScoreHeader)
        assert (header.index, header.total) == (1, 6)

    drive(again, resume)


def test_a_long_paste_is_cut_with_a_note(tmp_path: Path) -> None:
    app = make_app(tmp_path)

    async def scenario(pilot: Pilot[int]) -> None:
        await say(pilot, "Showbox " + "x" * 5000)
        mine = last_bubble(app, "you").text
        assert f"cut from {5008:,} characters" in mine
        assert len(mine) < MAX_ANSWER_CHARS + 100
        session = quiz(app).session
        assert session is not None and len(session.answered[-1].text) == MAX_ANSWER_CHARS

    drive(app, scenario)


def test_a_question_mark_asks_the_bot_without_answering(tmp_path: Path) -> None:
    app = make_app(tmp_path)

    async def scenario(pilot: Pilot[int]) -> None:
        await say(pilot, "?who directed The Medium")
        await settle(pilot)
        assert last_bubble(app, "you").text == "?who directed The Medium"
        reply = last_bubble(app, "note").text
        assert "Banjong Pisanthanakun" in reply and "Source: Ko-pick" in reply
        assert current_id(app) == "medium.korean-studio"  # asking is not answering

    drive(app, scenario)


def test_an_exam_has_no_hints_and_ends_when_time_is_up(tmp_path: Path) -> None:
    clock = FakeClock()
    app = make_app(tmp_path, command=None, clock=clock)

    async def scenario(pilot: Pilot[int]) -> None:
        home = app.screen
        home.query_one("#mode").value = "exam"
        home.query_one("#count").value = "3"
        home.query_one("#seed").value = ""
        await pilot.press("ctrl+s")
        await settle(pilot)
        screen = quiz(app)
        assert screen.session is not None and screen.session.mode == "exam"
        assert screen.session.total == 3
        first = [q.id for q in screen.session.questions]
        await say(pilot, "/hint")
        assert "No hints in an exam" in last_bubble(app, "note").text
        await say(pilot, "?who directed The Medium")
        assert "No questions to me during an exam" in last_bubble(app, "note").text
        assert screen.query_one(ScoreHeader).seconds_left == 180
        clock.advance(181)
        await until(pilot, lambda: isinstance(app.screen, ResultsScreen), "the exam's clock ran out")
        await settle(pilot)
        assert isinstance(app.screen, ResultsScreen)
        assert len(app.screen.results.answered) == 3
        assert all(a.skipped for a in app.screen.results.answered)
        app.exam_order = first  # type: ignore[attr-defined]

    drive(app, scenario)

    # The same seed (none given: the exam's fixed one) asks the same questions in the same order.
    again = make_app(tmp_path / "other", command=None)

    async def same(pilot: Pilot[int]) -> None:
        home = again.screen
        home.query_one("#mode").value = "exam"
        home.query_one("#count").value = "3"
        home.query_one("#seed").value = ""
        await pilot.press("ctrl+s")
        await settle(pilot)
        session = quiz(again).session
        assert session is not None
        assert [q.id for q in session.questions] == app.exam_order  # type: ignore[attr-defined]

    drive(again, same)


def test_review_opens_on_the_questions_due(tmp_path: Path) -> None:
    app = make_app(tmp_path, command="review", pack=None, seed=None)

    async def scenario(pilot: Pilot[int]) -> None:
        screen = quiz(app)
        assert screen.session is not None
        assert screen.session.title == "Review"
        assert screen.session.total == 6  # all new: at most ten new ones a day

    drive(app, scenario)


def test_play_with_an_unknown_pack_exits_with_the_reason(tmp_path: Path) -> None:
    app = make_app(tmp_path, pack="nope")

    async def scenario(pilot: Pilot[int]) -> None:
        pass

    drive(app, scenario)
    assert app.return_code == 1
    assert app.error is not None and "there is no pack 'nope'" in app.error


def test_the_fifty_fifty_greys_out_what_it_rules_out(tmp_path: Path) -> None:
    app = make_app(tmp_path)

    async def scenario(pilot: Pilot[int]) -> None:
        assert current_id(app) == "medium.korean-studio"
        options = quiz(app).query_one(OptionsList)
        shown = options.options
        await pilot.press("f2")
        await pilot.pause()
        hint = last_bubble(app, "hint").text
        assert "50/50" in hint
        (out,) = options.ruled_out  # three options: one wrong one goes, one stays beside the answer
        assert out in hint and out != "Showbox" and options.options == shown  # still there, same numbers
        struck = {
            line.plain: any(getattr(span.style, "strike", False) for span in line.spans)
            for line in options.render().split()
        }
        assert [line for line, strike in struck.items() if strike] == [f" {key_of(app, out)}  {out}"]
        await pilot.press(key_of(app, out))  # a ruled-out option cannot be picked
        await pilot.pause()
        assert current_id(app) == "medium.korean-studio"
        assert "ruled that one out" in last_bubble(app, "note").text
        await pilot.press(key_of(app, "Showbox"))
        await pilot.pause()
        session = quiz(app).session
        assert session is not None and session.answered[-1].accepted and session.answered[-1].hints == 1
        assert options.ruled_out == ()

    drive(app, scenario)


def test_the_first_hint_tells_what_the_question_does_not(tmp_path: Path) -> None:
    app = make_app(tmp_path)

    async def scenario(pilot: Pilot[int]) -> None:
        session = quiz(app).session
        assert session is not None
        while current_id(app) != "medium.director":  # "Who directed The Medium (2021)?"
            await say(pilot, "/skip")
        await pilot.press("f2")
        await pilot.pause()
        hint = last_bubble(app, "hint").text
        assert "Hint 1" in hint and "Thai director of the horror films Alone and The Medium." in hint
        assert "person's name" not in hint
        await pilot.press("f2")
        await pilot.pause()
        assert "B______ P____________ (2 words, 20 letters)." in last_bubble(app, "hint").text

    drive(app, scenario)


def chat_lines(app: KopickApp) -> list[str]:
    """What the chat shows, line by line, as plain text."""
    log = chat(app)
    return [log.render_line(y).text for y in range(log.scrollable_content_region.height)]


def test_the_chat_wraps_its_messages_again_when_the_terminal_is_resized(tmp_path: Path) -> None:
    app = make_app(tmp_path)

    async def scenario(pilot: Pilot[int]) -> None:
        prompt = last_bubble(app, "question").text.splitlines()[1]
        assert any(prompt in line for line in chat_lines(app))  # one line of a wide chat
        await pilot.resize_terminal(34, 30)
        await settle(pilot)
        lines = chat_lines(app)
        assert all(len(line) <= 33 for line in lines)  # the chat, beside its scrollbar
        assert not any(prompt in line for line in lines)
        inside = " ".join(line.strip(" │") for line in lines if line.strip().startswith("│"))
        assert prompt in " ".join(inside.split())  # every word still there, in order
        await pilot.resize_terminal(100, 30)
        await settle(pilot)
        assert any(prompt in line for line in chat_lines(app))

    drive(app, scenario)


async def wheel(pilot: Pilot[int], widget: ChatLog, up: bool, times: int) -> None:
    """Turn the mouse wheel over the widget."""
    kind = events.MouseScrollUp if up else events.MouseScrollDown
    for _ in range(times):
        widget.post_message(kind(widget, 5, 5, 0, -1 if up else 1, 0, False, False, False))
        await pilot.pause()


def test_a_student_who_scrolled_back_is_not_pulled_down_by_the_next_message(tmp_path: Path) -> None:
    app = make_app(tmp_path)

    async def scenario(pilot: Pilot[int]) -> None:
        for _ in range(4):
            await pilot.press("f5")  # /repeat: the chat grows past the screen
            await settle(pilot)
        log = chat(app)
        assert log.scroll_y == log.max_scroll_y > 0  # following the newest
        await wheel(pilot, log, up=True, times=3)  # the wheel, over the chat
        await settle(pilot)
        where = log.scroll_y
        assert where < log.max_scroll_y
        await pilot.press("f6")  # /score: a new message
        await settle(pilot)
        assert log.scroll_y == where  # still reading where they were
        assert "Score" not in "\n".join(chat_lines(app))
        await wheel(pilot, log, up=False, times=50)  # back at the bottom: following again
        await settle(pilot)
        await pilot.press("f6")
        await settle(pilot)
        assert log.scroll_y == log.max_scroll_y
        assert "Score" in "\n".join(chat_lines(app))

    drive(app, scenario, size=(100, 24))


def test_the_last_answers_feedback_stays_a_moment_before_the_results(tmp_path: Path) -> None:
    app = make_app(tmp_path, count=2)

    async def scenario(pilot: Pilot[int]) -> None:
        await say(pilot, "/skip")
        await say(pilot, "no idea")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, QuizScreen)  # the verdict of the last question, not yet the results
        assert "Not quite" in last_bubble(app, "incorrect").text
        assert "your results follow" in last_bubble(app, "note").text
        assert not screen.query_one(OptionsList).options  # nothing left to pick
        await until(pilot, lambda: isinstance(app.screen, ResultsScreen), "the results, without a key")

    drive(app, scenario)


def test_the_chat_is_drawn_again_in_a_new_themes_colours(tmp_path: Path) -> None:
    app = make_app(tmp_path)

    async def scenario(pilot: Pilot[int]) -> None:
        question = last_bubble(app, "question")

        def box() -> object:  # the background the question's frame is drawn on
            return next(s.style.bgcolor for s in chat(app).lines_of(question)[0]._segments if "╭" in s.text)

        dark = box()
        app.theme = "textual-light"
        await settle(pilot)
        assert box() != dark
        assert frame(app, question) == theme_colour(app, "primary")

    drive(app, scenario)


def test_only_an_app_that_is_the_whole_process_sets_its_heap_aside(tmp_path: Path) -> None:
    """The command line's app freezes what it loaded (a full collection no longer walks it); an
    app hosted in another program, as here, leaves that program's collector alone."""
    import gc

    before = gc.get_freeze_count()
    hosted = make_app(tmp_path / "hosted")

    async def ready(pilot: Pilot[int]) -> None:
        await until(pilot, lambda: hosted.lexicon is not None, "the grader")
        assert gc.get_freeze_count() == before

    drive(hosted, ready)
    whole = make_app(tmp_path / "whole")
    whole.owns_process = True  # as run_app makes it

    async def frozen(pilot: Pilot[int]) -> None:
        await until(pilot, lambda: whole.lexicon is not None, "the grader")
        await settle(pilot)
        assert gc.get_freeze_count() > before

    try:
        drive(whole, frozen)
    finally:
        gc.unfreeze()
