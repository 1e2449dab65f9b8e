"""The teacher's commands (`class new|list|close|board`) and a student's `play --class`, line mode.

Argument parsing and printing only; the classroom core does the work.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from .store import ClassRow, Store

MODE_WORDS = {"self": "self-paced", "exam": "exam", "live": "live game"}


def add_class_parser(command: Callable[[str, str, str], argparse.ArgumentParser]) -> None:
    """`class new|list|close|board|host|disputes` under the main parser."""
    p = command(
        "class",
        "run a pack for a class: make one (a join code), list them, close one, see its board",
        'kopick-quiz class new "Week 3" --pack contemporary --count 10',
    )
    from .cli_shared import _positive, subcommands

    action = subcommands(p.add_subparsers(dest="class_command", metavar="ACTION", required=True))

    q = action(
        "new",
        "make a class: a fixed list of questions from a pack, and the code students join it with",
        'kopick-quiz class new "Week 3" --pack contemporary --count 10 --mode exam',
    )
    q.add_argument("title", metavar="TITLE", help='what students see, e.g. "Week 3"')
    q.add_argument("--pack", metavar="P", required=True, help="the pack its questions come from (by id)")
    q.add_argument(
        "--count", metavar="N", type=_positive, help="how many questions (default: the whole pack)"
    )
    q.add_argument("--seed", metavar="S", type=int, help="fix which questions and their order")
    q.add_argument(
        "--mode",
        choices=("self", "exam", "live"),
        default="self",
        help="self: each at their own pace, hints allowed (default); exam: no hints, no questions "
        "to the bot, a time limit of a minute a question, one attempt; live: a game on the projector",
    )
    q.add_argument("--json", action="store_true", help='one line: {"code", "title", "mode", "questions"}')

    action("list", "the classes, newest first", "kopick-quiz class list")

    q = action(
        "close", "stop a class taking answers and joins (its results stay)", "kopick-quiz class close KXP4TM"
    )
    q.add_argument("code", metavar="CODE")

    q = action(
        "host",
        "the teacher's screen for a live class on the projector: joins, each question with its "
        "countdown, the spread of answers, the leaderboard, the podium",
        "kopick-quiz class host KXP4TM   (or --auto 8 to move on every 8 seconds)",
    )
    q.add_argument("code", metavar="CODE")
    q.add_argument(
        "--auto",
        metavar="SECONDS",
        type=_seconds,
        help="move on by itself after this many seconds on each screen (questions close by their countdown)",
    )

    q = action(
        "disputes",
        'answers students said were right ("I was right"): list them, accept or reject one',
        "kopick-quiz class disputes KXP4TM --accept 3 --add-answer",
    )
    q.add_argument("code", metavar="CODE")
    decide = q.add_mutually_exclusive_group()
    decide.add_argument(
        "--accept", metavar="N", type=_positive, help="accept dispute N: the answer counts as right"
    )
    decide.add_argument("--reject", metavar="N", type=_positive, help="reject dispute N: the verdict stands")
    q.add_argument(
        "--add-answer",
        action="store_true",
        help="with --accept: also add the typed answer to the question's accepted answers (a pack in your packs folder)",
    )

    q = action("board", "a class's leaderboard", "kopick-quiz class board KXP4TM --json")
    q.add_argument("code", metavar="CODE")
    q.add_argument("--json", action="store_true", help="one JSON object a line per student, best first")


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of seconds") from None
    if not 0.2 <= value <= 3600:
        raise argparse.ArgumentTypeError("give between 0.2 and 3600 seconds")
    return value


def cmd_class(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .classroom import ClassError
    from .cli_shared import CommandError, _open_store
    from .store import StoreError

    try:
        store = _open_store(args, err)
    except StoreError as exc:
        raise CommandError(str(exc)) from None
    try:
        handler = {
            "new": _new,
            "list": _list,
            "close": _close,
            "board": _board,
            "host": _host,
            "disputes": _disputes,
        }[args.class_command]
        return handler(args, store, out, err)
    except (ClassError, StoreError) as exc:
        raise CommandError(str(exc)) from None
    finally:
        store.close()


def _new(args: argparse.Namespace, store: Store, out: TextIO, err: TextIO) -> int:
    from .classroom import create_class
    from .cli_shared import _library

    library = _library(args, err)
    pack = library.pack(args.pack)  # LookupProblem names the packs there are
    klass = create_class(
        store,
        args.title,
        pack.id,
        library.questions(pack.id),
        count=args.count,
        seed=args.seed,
        mode=args.mode,
    )
    n = len(klass.question_ids)
    if args.json:
        line = {"code": klass.code, "title": klass.title, "mode": klass.mode, "questions": n}
        out.write(json.dumps(line, ensure_ascii=False) + "\n")
        return 0
    print(klass.code, file=out)
    limit = {
        "exam": f", {(klass.seconds or 0) // 60} minutes in all",
        "live": f", {klass.seconds} seconds a question",
    }.get(klass.mode, "")
    print(
        f"class '{klass.title}': {MODE_WORDS[klass.mode]}, {n} question{'s' * (n != 1)} from {pack.title}{limit}.\n"
        f"Students join in a terminal: kopick-quiz play --class {klass.code} --player NAME\n"
        f"or in a browser you serve:   kopick-quiz serve --class {klass.code}\n"
        f"See how they do:             kopick-quiz class board {klass.code}",
        file=err,
    )
    return 0


def _list(args: argparse.Namespace, store: Store, out: TextIO, err: TextIO) -> int:
    from .plain import clean

    classes = store.classes()
    if not classes:
        print('No classes yet; make one: kopick-quiz class new "Week 3" --pack PACK', file=out)
        return 0
    rows = [("code", "title", "mode", "questions", "students", "status", "made")]
    for c in classes:
        status = "open" if c.is_open else "closed"
        rows.append(
            (
                c.code,
                clean(c.title),
                MODE_WORDS[c.mode],
                str(len(c.question_ids)),
                str(c.players),
                status,
                _local(c.created_at),
            )
        )
    _table(rows, out, right={3, 4})
    return 0


def _close(args: argparse.Namespace, store: Store, out: TextIO, err: TextIO) -> int:
    from .plain import clean

    klass = _class(store, args.code)
    if not klass.is_open:
        print(
            f"{klass.code} ({clean(klass.title)}) was already closed on {_local(klass.closed_at)}.", file=out
        )
        return 0
    store.close_class(klass.class_id)
    answers = sum(1 for _ in store.answers(class_id=klass.class_id))
    print(
        f"closed {klass.code} ({clean(klass.title)}): {klass.players} student{'s' * (klass.players != 1)}, "
        f"{answers} answer{'s' * (answers != 1)}; it takes no more.",
        file=out,
    )
    return 0


def _board(args: argparse.Namespace, store: Store, out: TextIO, err: TextIO) -> int:
    from .classroom import board
    from .plain import clean

    klass = _class(store, args.code)
    rows = board(store, klass)
    if args.json:
        for row in rows:
            out.write(json.dumps(row.to_json(), ensure_ascii=False) + "\n")
        return 0
    n = len(klass.question_ids)
    status = "" if klass.is_open else " · closed"
    print(
        f"{clean(klass.title)} ({klass.code}) · {MODE_WORDS[klass.mode]} · {n} questions · "
        f"{len(rows)} student{'s' * (len(rows) != 1)}{status}",
        file=out,
    )
    if not rows:
        print(f"Nobody has joined yet. Students join with: kopick-quiz play --class {klass.code}", file=out)
        return 0
    table = [("#", "student", "points", "right", "progress")]
    for r in rows:
        progress = "finished" if r.finished else f"{r.answered} of {r.questions}"
        table.append((str(r.rank), clean(r.player), str(r.points), f"{r.right}/{r.answered}", progress))
    _table(table, out, right={0, 2, 3})
    return 0


def _host(args: argparse.Namespace, store: Store, out: TextIO, err: TextIO) -> int:
    from datetime import UTC

    from .classroom import ClassError, class_questions
    from .cli_shared import CommandError, _library, _open_store

    klass = _class(store, args.code)
    if klass.mode != "live":
        raise CommandError(
            f"{klass.code} is a {MODE_WORDS[klass.mode]} class; only a live class is hosted "
            f"(make one with: kopick-quiz class new TITLE --pack P --mode live)"
        )
    if not klass.is_open:
        raise CommandError(f"{klass.code} ({klass.title}) is closed")
    library = _library(args, err)
    try:
        questions = class_questions(klass, library.question_index())
    except ClassError as exc:
        raise CommandError(str(exc)) from None
    if out.isatty() and sys.stdin.isatty():
        from .tui.host import run_host

        return run_host(lambda: _open_store(args, sys.stderr), klass, questions, auto=args.auto)
    from .plain_live import host_plain

    def write(line: str) -> None:
        out.write(line + "\n")
        out.flush()

    return host_plain(store, klass, questions, args.auto, sys.stdin, write, lambda: datetime.now(UTC))


def _disputes(args: argparse.Namespace, store: Store, out: TextIO, err: TextIO) -> int:
    from .cli_shared import CommandError, _library
    from .plain import clean

    klass = _class(store, args.code)
    if args.add_answer and args.accept is None:
        raise CommandError("--add-answer goes with --accept N")
    if args.accept is not None or args.reject is not None:
        number = args.accept if args.accept is not None else args.reject
        known = {d.dispute_id for d in store.disputes(klass.class_id)}
        if number not in known:
            raise CommandError(
                f"{klass.code} has no dispute {number}; see them with: kopick-quiz class disputes {klass.code}"
            )
        decided = store.decide_dispute(number, args.accept is not None, full_points=10)
        if decided.status == "accepted":
            print(
                f"accepted: {clean(decided.player)}'s answer '{clean(decided.typed)}' now counts as right "
                f"({decided.was_points} → {decided.points} points) on the board, in results and in stats.",
                file=out,
            )
            if args.add_answer:
                library = _library(args, err)
                print(_add_answer(library, klass.pack, decided.question_id, decided.typed), file=out)
        else:
            print(f"rejected: {clean(decided.player)}'s verdict stands.", file=out)
        return 0
    rows = store.disputes(klass.class_id)
    if not rows:
        print(f"No disputes in {klass.code} ({clean(klass.title)}).", file=out)
        return 0
    library = _library(args, err)
    index = library.question_index()
    for d in rows:
        q = index.get(d.question_id)
        prompt = clean(q.prompt) if q is not None else d.question_id
        expected = clean(", ".join(q.answers)) if q is not None else "?"
        state = {"open": "open", "accepted": "accepted", "rejected": "rejected"}[d.status]
        print(f"#{d.dispute_id} [{state}] {clean(d.player)} on: {prompt}", file=out)
        print(
            f"    typed '{clean(d.typed)}' ({d.was_verdict or d.verdict}); the answer: {expected}", file=out
        )
        if d.reason and d.reason != "(no reason given)":
            print(f"    says: {clean(d.reason)}", file=out)
    open_ = [d for d in rows if d.status == "open"]
    if open_:
        print(
            f"Decide with: kopick-quiz class disputes {klass.code} --accept N [--add-answer]  or  --reject N",
            file=out,
        )
    return 0


def _add_answer(library, pack_id: str, question_id: str, typed: str) -> str:  # noqa: ANN001 - a Library
    """Add an accepted dispute's text to its question in the teacher's own pack file."""
    from pathlib import Path

    from .packs.edit import EditError, add_accepted
    from .paths import shipped_packs_dir
    from .plain import clean

    path = Path(library.pack(pack_id).path).resolve()
    if path.is_relative_to(shipped_packs_dir().resolve()):
        return (
            f"not added: {pack_id} is a shipped pack; to accept '{clean(typed)}' next time, copy the question "
            "into a pack of your own (kopick-quiz new-pack) with an accept: line"
        )
    try:
        added = add_accepted(path, question_id, typed, library.base)
    except EditError as exc:
        return f"not added: {exc}"
    if not added:
        return f"{question_id} already accepts '{clean(typed)}'"
    return f"added '{clean(typed)}' to the accepted answers of {question_id} in {path}"


def _class(store: Store, code: str) -> ClassRow:
    from .classroom import normalise_code
    from .cli_shared import CommandError

    wanted = normalise_code(code)
    klass = store.find_class(wanted) if wanted else None
    if klass is None:
        known = ", ".join(c.code for c in store.classes()[:8]) or "none yet"
        raise CommandError(f"there is no class with the code '{code[:20]}'; the classes are: {known}")
    return klass


def _table(rows: list[tuple[str, ...]], out: TextIO, *, right: set[int]) -> None:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for row in rows:
        cells = [
            c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(row, widths, strict=True))
        ]
        print("  ".join(cells).rstrip(), file=out)


def _local(when: datetime | None) -> str:
    return "" if when is None else when.astimezone().strftime("%Y-%m-%d %H:%M")


# -- a student's `play --class CODE --player NAME --plain` -----------------------------------------


def cmd_play_class_plain(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Join a class from a terminal and answer its questions line by line (a second join resumes)."""
    import time
    from datetime import UTC

    from .classroom import (
        ClassError,
        class_questions,
        clean_name,
        dispute_answer,
        find_open_class,
        join,
        sentence,
        time_left,
    )
    from .cli_shared import CommandError, _asker, _grader, _library, _login, _open_store
    from .plain import clean, run_plain
    from .store import Refused, StoreError

    try:
        store = _open_store(args, err)
    except StoreError as exc:
        raise CommandError(str(exc)) from None
    try:
        # A wrong code or name is said at once; the seat (and an exam's clock) is taken once the
        # questions are loaded and the grader made (under a bar: seconds for a big base), so
        # neither costs the student time, nor does a live game's first answer wait for the grader.
        try:
            klass = find_open_class(store, args.class_code)
            clean_name(args.player or _login())
        except ClassError as exc:
            raise CommandError(str(exc)) from None
        library = _library(args, err)
        try:
            questions = class_questions(klass, library.question_index())
        except ClassError as exc:
            raise CommandError(str(exc)) from None
        lexicon = _grader(library, err)
        try:
            klass, seat = join(store, args.class_code, args.player or _login(), trusted=True)
        except ClassError as exc:
            raise CommandError(str(exc)) from None
        who = clean(seat.player)
        if klass.mode == "live":
            from .plain_live import play_live

            print(f"Welcome, {who}: {clean(klass.title)} ({klass.code}), a live game.", file=out)

            def write(line: str) -> None:
                out.write(line + "\n")
                out.flush()

            return play_live(
                store,
                klass,
                seat,
                questions,
                lambda: lexicon,
                sys.stdin,
                write,
                lambda: datetime.now(UTC),
            )
        if seat.finished:
            print(
                f"You have finished {clean(klass.title)}, {who}: {seat.score} points. "
                f"Your teacher has the results.",
                file=out,
            )
            return 0
        done = set(seat.answered_ids)
        remaining = [q for q in questions if q.id not in done]
        session = library.session(
            remaining, klass.title, "exam" if klass.mode == "exam" else "quick", lexicon
        )
        session.score, session.streak = seat.score, seat.streak
        left = time_left(klass, seat, datetime.now(UTC))
        deadline = None if left is None else time.monotonic() + left
        greeting = "Welcome back" if not seat.new else "Welcome"
        print(f"{greeting}, {who}: {clean(klass.title)} ({klass.code}), {MODE_WORDS[klass.mode]}.", file=out)
        if left is not None:
            print(f"You have {_minutes(left)} for the {len(remaining)} questions left.", file=out)

        last: list[int] = []

        def record(answered) -> None:  # noqa: ANN001 - an Answered
            last.append(store.record(seat.quiz_id, answered))

        def dispute(reason: str) -> str:
            return dispute_answer(store, last[-1] if last else None, reason)

        try:
            run_plain(
                session,
                sys.stdin,
                out,
                ask=_asker(library) if klass.mode != "exam" else _no_asking,
                record=record,
                prompt=sys.stdin.isatty(),
                deadline=deadline,
                dispute=dispute,
            )
        except Refused as exc:
            print(sentence(str(exc)), file=out)
            return 0
        if session.finished:
            store.finish(seat.quiz_id)
    except StoreError as exc:
        raise CommandError(str(exc)) from None
    finally:
        store.close()
    return 0


def _no_asking(text: str, question: object) -> str:
    return "No questions to me during an exam: they could give answers away."


def _minutes(seconds: float) -> str:
    import math

    m, s = divmod(math.ceil(seconds), 60)
    return f"{m} min {s:02d} s" if m else f"{s} s"
