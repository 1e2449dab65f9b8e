"""`play --plain`: the quiz as a line-mode chat on stdin/stdout, for screen readers and scripts.

The same `Session` as the TUI; every line the bot writes is plain text, no colour, no cursor
movement, so it reads well aloud and diffs well in a script.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO

from .questions import Question
from .session import MAX_ANSWER_CHARS, Answered, Results, Session, choices_of

COMMANDS_HELP = """\
Commands: /hint  a hint (costs points)    /skip    next question
          /why   more about the answer    /repeat  the question again
          /score the score so far         /quit    stop and see the results
          ? TEXT ask about the material   /help    this list
          /dispute REASON  in a class: ask your teacher to look at the last verdict again"""

VERDICT_WORDS = {
    "correct": "Correct",
    "close": "Close enough",
    "partial": "Partly right",
    "incorrect": "Not right",
}


def clean(text: str) -> str:
    """Drop control characters and escape sequences so a pack or an answer cannot drive the terminal."""
    return "".join(ch for ch in text if ch in "\n\t" or (ch.isprintable() and ch != "\x1b"))


class PlainChat:
    """Drive a Session from lines of text; `write` prints one bot line."""

    def __init__(
        self,
        session: Session,
        write: Callable[[str], None],
        ask: Callable[[str, Question | None], str] | None = None,
        record: Callable[[Answered], None] | None = None,
        dispute: Callable[[str], str] | None = None,
    ) -> None:
        """`dispute(reason)` records "I was right" on the last answer (a class's) and says so."""
        self.session = session
        self.write = write
        self.ask = ask
        self.record = record
        self.dispute = dispute
        self.quit = False

    def start(self) -> None:
        s = self.session
        self.write(
            f"kopick-quiz · {clean(s.title)} · {s.total} question{'s' * (s.total != 1)} · /help for commands"
        )
        self.write("")
        self.show_question()

    def show_question(self) -> None:
        q = self.session.current
        if q is None:
            return
        self.write(f"Q{self.session.number}/{self.session.count}  {clean(q.prompt)}")
        if q.type == "truefalse":
            self.write("   true or false? (y/n)")
        elif choices_of(q):
            self.show_options()
            if q.type == "order":
                self.write("   Type the numbers in the right order, e.g. 2 1 3.")

    def show_options(self) -> None:
        """The current options, numbered; those a 50/50 ruled out are marked so."""
        out = self.session.ruled_out
        for i, option in enumerate(self.session.options(), 1):
            self.write(f"   {i}. {clean(option)}{'  (ruled out)' if option in out else ''}")

    def handle(self, line: str) -> None:
        """One line typed by the student."""
        text = line.rstrip("\r\n")
        stripped = text.strip()
        if not stripped:
            return
        if stripped.startswith("?"):
            self.answer_question(stripped[1:].strip())
            return
        if stripped.lower().startswith("/dispute"):
            if self.dispute is None:
                self.write(
                    "Disputes go to a teacher, so only answers given in a class can be disputed; /why explains a verdict."
                )
            else:
                self.write(self.dispute(stripped[len("/dispute") :].strip()))
            return
        if stripped.startswith("/"):
            self.command(stripped[1:].split()[0].lower() if stripped[1:].split() else "help")
            return
        if len(text) > MAX_ANSWER_CHARS:
            self.write(
                f"(Your answer was {len(text):,} characters; only the first {MAX_ANSWER_CHARS} were read.)"
            )
        self.report(self.session.answer(text))

    def command(self, name: str) -> None:
        s = self.session
        if name in ("hint", "h"):
            hint = s.hint()
            if hint is None:
                self.write(s.no_hint())
            else:
                self.write(f"Hint {hint.level}: {clean(hint.text)}")
                if hint.ruled_out:
                    self.show_options()
        elif name in ("skip", "s"):
            self.report(s.skip())
        elif name in ("why", "w"):
            self.write(clean(s.why()))
        elif name in ("repeat", "r"):
            self.show_question()
        elif name == "score":
            self.write(f"Score {s.score} · streak {s.streak} · question {s.number} of {s.count}")
        elif name in ("quit", "q", "exit"):
            self.quit = True
        elif name in ("help", "?"):
            self.write(COMMANDS_HELP)
        else:
            self.write(f"There is no /{clean(name)} command. {COMMANDS_HELP.splitlines()[0]}")

    def answer_question(self, text: str) -> None:
        if not text:
            self.write("Ask me about the material after the '?', e.g. ?who directed The Medium")
        elif self.ask is None:
            self.write("I cannot answer questions about the material yet.")
        else:
            self.write(clean(self.ask(text, self.session.current)))

    def report(self, answered: Answered) -> None:
        if self.record is not None:
            self.record(answered)
        v = answered.verdict
        if v is None:
            self.write(f"Skipped. The answer: {clean(self.expected(answered))}.")
        else:
            said = v.feedback.startswith(("Correct", "Accepted"))  # the feedback says the verdict itself
            self.write(clean(v.feedback) if said else f"{VERDICT_WORDS[v.verdict]}. {clean(v.feedback)}")
            self.write(
                f"   +{answered.points} points · score {self.session.score} · streak {self.session.streak}"
            )
        self.write("")
        self.show_question()

    @staticmethod
    def expected(answered: Answered) -> str:
        q = answered.question
        return ", ".join(q.answers) if q.type in ("multi", "order") else q.answers[0]

    def summary(self) -> list[str]:
        r: Results = self.session.results()
        lines = [
            f"Done: {r.score} points · {r.right} of {len(r.answered)} right ({r.accuracy:.0%}) · best streak {r.best_streak}"
        ]
        if r.missed:
            lines.append("To review:")
            for a in r.missed:
                lines.append(f"  - {clean(a.question.prompt)} → {clean(self.expected(a))}")
        return lines


def run_plain(
    session: Session,
    inp: TextIO,
    out: TextIO,
    ask: Callable[[str, Question | None], str] | None = None,
    record: Callable[[Answered], None] | None = None,
    prompt: bool = False,
    deadline: float | None = None,
    dispute: Callable[[str], str] | None = None,
) -> Results:
    """Run a whole quiz over `inp`/`out`; returns the results (also printed).

    With a `deadline` (a time.monotonic() value: an exam's), an answer given after it is not
    graded: the quiz ends there.
    """

    def write(line: str) -> None:
        out.write(line + "\n")
        out.flush()

    chat = PlainChat(session, write, ask, record, dispute)
    chat.start()
    while not session.finished and not chat.quit:
        if prompt:
            out.write("> ")
            out.flush()
        line = inp.readline()
        if not line:
            break
        if deadline is not None and time.monotonic() > deadline:
            write("Time is up: that answer came after the end of the exam, so it was not taken.")
            break
        chat.handle(line)
    for line in chat.summary():
        write(line)
    return session.results()
