"""What every command module shares (cli.py, cli_class.py, cli_db.py, serve.py): the common
options, the one-sentence `CommandError`, and the library and store opened from the arguments.

Below the command modules: it imports none of them, so cli.py can import them all.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from .paths import data_dir, database, user_packs_dir
from .questions import Question

# The core is imported by the helpers that use it, not here (see cli.py).
if TYPE_CHECKING:
    from rich.progress import Progress as RichProgress
    from rich.progress import TaskID

    from .grading import Lexicon
    from .library import Library
    from .progress import Progress


class CommandError(Exception):
    """Bad input to a command: one plain sentence, exit 1."""


def _common(parser: argparse.ArgumentParser, *, top: bool) -> None:
    default = None if top else argparse.SUPPRESS
    group = parser.add_argument_group("common options")
    group.add_argument(
        "--facts", metavar="PATH", type=Path, default=default, help="the fact base (default: shipped)"
    )
    group.add_argument(
        "--packs", metavar="DIR", type=Path, action="append", default=default, help="another folder of packs"
    )
    group.add_argument("--player", metavar="NAME", default=default, help="whose progress to use")
    group.add_argument(
        "--data-dir", metavar="DIR", type=Path, default=default, help="where progress and your packs live"
    )
    group.add_argument(
        "--db",
        metavar="URL",
        default=default,
        help="the store: a postgresql://user:password@host/db URL for a school's server, or a SQLite "
        "file (default: $KOPICK_QUIZ_DB, else kopick.db in the data folder)",
    )


Subcommand = Callable[[str, str, str], argparse.ArgumentParser]


def subcommands(sub: argparse._SubParsersAction) -> Subcommand:  # type: ignore[type-arg]
    """A maker of `sub`'s commands: `command(name, help, example)`, each with the common options
    and its example under its --help."""

    def command(name: str, help: str, example: str) -> argparse.ArgumentParser:
        p = sub.add_parser(
            name,
            help=help,
            description=help,
            epilog=f"example: {example}",
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        _common(p, top=False)
        return p

    return command


def _library(args: argparse.Namespace, err: TextIO) -> Library:
    """The fact base and packs; a pack that could not be loaded is said on `err`, one line each."""
    from .library import open_library

    home = data_dir(args.data_dir)
    with _progress_bar("Loading the facts and packs…", err) as progress:
        library = open_library(
            args.facts, args.packs or (), user_packs_dir(home), cache_dir=home / "cache", progress=progress
        )
    for problem in library.problems:
        print(problem, file=err)
    return library


def _grader(library: Library, err: TextIO) -> Lexicon:
    """The grader's lexicon, under a progress bar: the fact base read from the cache (if it is not
    yet), then every name read (seconds each for a big base)."""
    from .grading import Lexicon
    from .progress import split

    with _progress_bar("Getting the grader ready…", err) as progress:
        loading, compiling = split(progress, 1, 3)
        return Lexicon.from_base(library.loaded_base(loading), compiling, library.cache_dir)


PROGRESS_AFTER = 1.0  # seconds of work before a progress bar is drawn: quicker work shows none


@contextlib.contextmanager
def _progress_bar(description: str, err: TextIO) -> Iterator[Progress]:
    """A progress bar on a terminal's stderr while slow work runs: drawn once the work has lasted
    a second, erased when it is done (what a script reads is unchanged); never in a pipe or file."""
    from .progress import no_progress

    if not _is_terminal(err) or os.environ.get("TERM") == "dumb":
        yield no_progress
        return
    bar = _Bar(description, err)
    try:
        yield bar.update
    finally:
        bar.close()


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # no such method, or a closed stream
        return False


class _Bar:
    """`(done, total)` drawn with rich, once the work has lasted PROGRESS_AFTER seconds.

    Until then a report costs one clock reading: rich is imported, and its refresh thread
    started, only for work slow enough to be shown.
    """

    def __init__(self, description: str, err: TextIO) -> None:
        self.description = description
        self.err = err
        self.started = time.monotonic()
        self.shown: RichProgress | None = None
        self.task: TaskID | None = None

    def update(self, done: int, total: int) -> None:
        if self.shown is None:
            if time.monotonic() - self.started < PROGRESS_AFTER:
                return
            self.shown, self.task = self._draw()
        self.shown.update(self.task, completed=done, total=total)  # type: ignore[arg-type]

    def _draw(self) -> tuple[RichProgress, TaskID]:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            TaskProgressColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )
        from rich.progress import Progress as RichProgress

        bar = RichProgress(
            TextColumn("{task.description}", markup=False),
            BarColumn(bar_width=None),
            TaskProgressColumn(),
            TimeElapsedColumn(),
            TextColumn("elapsed,"),
            TimeRemainingColumn(),
            TextColumn("left"),
            console=Console(file=self.err),  # which honours NO_COLOR
            transient=True,
            expand=True,
            redirect_stdout=False,  # stdout is the command's output: nothing of the bar goes there
            redirect_stderr=False,
            get_time=time.monotonic,
        )
        task = bar.add_task(self.description, start=False)
        for shown in bar.tasks:
            shown.start_time = self.started  # the time elapsed counts from the start of the work
        bar.start()
        return bar, task

    def close(self) -> None:
        if self.shown is not None:
            self.shown.stop()


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def _login() -> str:
    """The login name (on a shared school server, who the student is)."""
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry in some containers
        return "student"


def _asker(library: Library) -> Callable[[str, Question | None], str]:
    """Answer '?' lines from the fact base; "it" or "the ban" mean what the question on screen is
    about (until the student names something else)."""
    from .chat import Conversation

    conversation: Conversation | None = None
    focused: str | None = None

    def ask(text: str, question: Question | None) -> str:
        nonlocal conversation, focused
        if conversation is None:
            conversation = Conversation(library.base, index_dir=library.cache_dir)
        if question is not None and question.id != focused:
            conversation.focus(question.subject, question.tags)
            focused = question.id
        return conversation.ask(text).cited()

    return ask


def _open_store(args: argparse.Namespace, err: TextIO):  # noqa: ANN202 - a kopick_quiz.store.Store
    """The history in the user's data dir; says so when a bad file was set aside."""
    from .store import Store

    store = Store.open(data_dir(args.data_dir), db=database(args.db))
    if store.notice:
        print(f"kopick-quiz: note: {store.notice}", file=err)
    return store
