"""Command-line shell: parse arguments, call the core, print. The contract is in DESIGN.md."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from . import __version__
from .cli_shared import (
    CommandError,
    _asker,
    _common,
    _grader,
    _is_terminal,
    _library,
    _login,
    _open_store,
    _positive,
    _progress_bar,
    subcommands,
)
from .paths import data_dir, shipped_facts, shipped_packs_dir, user_packs_dir

# The core (pydantic models, the fact base, the grader) is imported by the commands that use it,
# not here: `kopick-quiz play` opens on its first question before any of it has loaded.
if TYPE_CHECKING:
    from .facts.base import FactBase
    from .library import Library

EXIT_OK, EXIT_BAD_INPUT, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kopick-quiz",
        description="Learn the history of Korean international film co-productions, one question at a time.",
        epilog="With no command, opens the quiz app. Example: kopick-quiz play --count 10",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"kopick-quiz {__version__}")
    _common(parser, top=True)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    command = subcommands(sub)

    p = command(
        "play",
        "take a quiz (in the app, or line by line with --plain)",
        "kopick-quiz play --pack people --count 10",
    )
    p.add_argument("--pack", metavar="P", help="questions from this pack only (by id)")
    p.add_argument("--count", metavar="N", type=_positive, help="how many questions (default: 10)")
    p.add_argument(
        "--seed", metavar="S", type=int, help="fix the order of questions (the same seed, the same quiz)"
    )
    p.add_argument(
        "--plain", action="store_true", help="a line-mode chat on stdin/stdout (screen readers, scripts)"
    )
    p.add_argument(
        "--class",
        dest="class_code",
        metavar="CODE",
        help="join your teacher's class with its code (with --player NAME: the name your teacher sees)",
    )

    p = command("review", "the questions due for review today", "kopick-quiz review --player mina")
    p.add_argument("--plain", action="store_true", help="a line-mode chat on stdin/stdout")

    p = command(
        "validate",
        "check fact bases and packs; print PATH:LINE:COL: error: MESSAGE",
        "kopick-quiz validate questions/",
    )
    p.add_argument(
        "paths", nargs="*", type=Path, metavar="PATH", help="files or folders (default: everything)"
    )

    p = command(
        "schema",
        "print the JSON Schema of a file format, for editors",
        "kopick-quiz schema pack > pack.schema.json",
    )
    p.add_argument("format", nargs="?", choices=("facts", "pack"), default="pack")

    p = command(
        "questions",
        "list the questions of every pack, or of one",
        "kopick-quiz questions --pack people --json",
    )
    p.add_argument("--pack", metavar="P", help="only this pack (by id)")
    p.add_argument("--json", action="store_true", help="one JSON object a line")

    p = command(
        "generate",
        "write the generated questions as an editable pack",
        "kopick-quiz generate -o my-pack.yaml",
    )
    p.add_argument("-o", "--output", metavar="OUT", type=Path, help="write here instead of standard output")

    p = command(
        "grade",
        'grade answers: stdin one {"id", "answer"} a line, stdout one verdict a line',
        """echo '{"id": "the-medium.director.short", "answer": "Banjong"}' | kopick-quiz grade""",
    )
    p.add_argument("--pack", metavar="P", help="only this pack's questions (by id)")

    p = command(
        "ask",
        "answer a question about the films, people and companies of the fact base, with its source",
        """kopick-quiz ask "Who directed The Medium?"   (or: kopick-quiz ask --json - < questions.txt)""",
    )
    p.add_argument(
        "text",
        metavar="TEXT",
        help='the question (quote it), or "-" to read one question a line from standard input; '
        "a follow-up refers to the film or person of the line before",
    )
    p.add_argument("--json", action="store_true", help='one {"question", "answer", "sources"} object a line')

    p = command(
        "stats",
        "a player's progress: score per quiz, accuracy by tag and era, reviews due, weakest questions",
        "kopick-quiz stats --player mina --plot",
    )
    shown = p.add_mutually_exclusive_group()
    shown.add_argument("--json", action="store_true", help="one JSON object, for scripts")
    shown.add_argument(
        "--plot", action="store_true", help="draw the plots in the terminal (as the app's Stats screen shows)"
    )

    p = command(
        "results",
        "every player's answers, one row per answer, to open in a spreadsheet",
        "kopick-quiz results --csv -o class-results.csv",
    )
    p.add_argument("--csv", action="store_true", help="comma-separated values (the default and only format)")
    p.add_argument("-o", "--output", metavar="FILE", type=Path, help="write here instead of standard output")
    p.add_argument("--class", dest="class_code", metavar="CODE", help="only the answers of this class")
    _pack_commands(command)

    from .cli_class import add_class_parser

    add_class_parser(command)

    from .cli_db import add_db_parser

    add_db_parser(command, _common)

    p = command(
        "serve",
        "serve the app to browsers: each visitor joins a class with a name and gets their own app",
        "kopick-quiz serve --class KXP4TM   (then open the URL it prints)",
    )
    p.add_argument(
        "--host",
        metavar="H",
        default="127.0.0.1",
        help="the address to listen on (default 127.0.0.1: this machine only; 0.0.0.0 opens it to the network)",
    )
    p.add_argument("--port", metavar="P", type=_port, default=8000, help="the port (default 8000)")
    p.add_argument(
        "--class", dest="class_code", metavar="CODE", help="every visitor joins this class (no code to type)"
    )
    # What `serve` runs for each browser (not listed: a student never types it).
    p = sub.add_parser(
        "served",
        description="the app as `serve` gives it to one browser (serve runs it; nobody types it)",
        epilog="example: kopick-quiz serve --class KXP4TM   (which runs kopick-quiz served for each browser)",
    )
    _common(p, top=False)
    p.add_argument("--class", dest="class_code", metavar="CODE")
    return parser


def _port(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a port number") from None
    if not 1 <= value <= 65535:
        raise argparse.ArgumentTypeError("a port is a number from 1 to 65535")
    return value


def _pack_commands(command: Callable[[str, str, str], argparse.ArgumentParser]) -> None:
    """new-pack, import and export: teachers' commands for their own packs."""
    p = command(
        "new-pack",
        "write a commented starter pack, one example of every kind of question, into your packs folder",
        'kopick-quiz new-pack "Week 3: Hong Kong co-productions"',
    )
    p.add_argument("name", metavar="NAME", help="the pack's title; its id and file name are made from it")

    p = command(
        "import",
        "turn a Moodle GIFT, Aiken or CSV file into a pack (in your packs folder unless -o says where)",
        "kopick-quiz import week3.gift",
    )
    p.add_argument("file", metavar="FILE", type=Path, help="a .gift, .txt (GIFT or Aiken), .aiken or .csv")
    p.add_argument("-o", "--output", metavar="OUT", type=Path, help="the pack file (or folder) to write")
    p.add_argument("--format", choices=("gift", "aiken", "csv"), help="its format (default: from its name)")
    p.add_argument("--force", action="store_true", help="replace the pack file if it exists")

    p = command(
        "export",
        "write a pack as Moodle GIFT, Aiken, CSV (spreadsheets) or an Anki deck",
        "kopick-quiz export people --format apkg -o people.apkg",
    )
    p.add_argument("pack", metavar="PACK", help="a pack id, or the path of a pack file")
    p.add_argument(
        "--format", choices=("gift", "aiken", "csv", "apkg"), help="the format (default: from -o's extension)"
    )
    p.add_argument("-o", "--output", metavar="FILE", type=Path, help="write here instead of standard output")


# -- commands --------------------------------------------------------------------------------------


def _user_packs(args: argparse.Namespace) -> Path:
    return user_packs_dir(data_dir(args.data_dir))


def _base(args: argparse.Namespace, err: TextIO) -> FactBase:
    """The fact base of --facts (default: the shipped one); raises FileProblems."""
    from .facts.load import load_facts
    from .library import shown_path

    facts = args.facts or shipped_facts()
    with _progress_bar("Loading the facts…", err) as progress:
        return load_facts(facts, shown_path(facts), progress)


def cmd_validate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .library import pack_files
    from .validate import validate

    files: list[Path] = []
    if args.paths:
        for path in args.paths:
            if path.is_dir():
                found = pack_files(path)
                if not found:
                    raise CommandError(f"{path} holds no .yaml files")
                files.extend(found)
            elif not path.exists():
                raise CommandError(f"{path} does not exist")
            else:
                files.append(path)
    else:
        files.append(args.facts or shipped_facts())
        for folder in (shipped_packs_dir(), *(args.packs or ()), _user_packs(args)):
            files.extend(pack_files(folder))
    with _progress_bar(f"Checking {len(files)} file{'s' * (len(files) != 1)}…", err) as progress:
        problems = validate(files, args.facts or shipped_facts(), progress)
    for problem in problems:
        print(problem, file=out)
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    summary = f"{len(files)} file{'s' * (len(files) != 1)} checked: {errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
    print(summary, file=err)
    return EXIT_BAD_INPUT if errors else EXIT_OK


def cmd_schema(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .facts.model import FactsFile
    from .packs.model import PackFile

    model = FactsFile if args.format == "facts" else PackFile
    schema = model.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "kopick-quiz fact base" if args.format == "facts" else "kopick-quiz question pack"
    json.dump(schema, out, indent=2, ensure_ascii=False)
    out.write("\n")
    return EXIT_OK


def cmd_questions(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    library = _library(args, err)
    questions = library.questions(args.pack)
    if args.json:
        for q in questions:
            out.write(json.dumps(q.to_json(), ensure_ascii=False) + "\n")
        return EXIT_OK
    width = max((len(q.id) for q in questions), default=0)
    for q in questions:
        out.write(f"{q.id:<{width}}  {q.type:<9}  {q.prompt}\n")
    print(f"{len(questions)} questions in {1 if args.pack else len(library.packs)} pack(s)", file=err)
    if not library.packs and args.facts is not None:
        print(
            "The shipped packs are about the shipped fact base, so they are left out with --facts; "
            "`kopick-quiz generate --facts FILE --output DIR/generated.yaml` writes a pack from yours, "
            "and --packs DIR adds it.",
            file=err,
        )
    return EXIT_OK


def cmd_generate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from . import yamlio
    from .facts.load import CHECK_COST, load_facts
    from .generate import GENERATE_COST, generate_all
    from .library import shown_path
    from .packs.writer import to_pack_yaml
    from .progress import split

    facts = args.facts or shipped_facts()
    with _progress_bar("Generating questions from the fact base…", err) as progress:
        loading, making = split(progress, 1 + CHECK_COST, GENERATE_COST)
        base = load_facts(facts, shown_path(facts), loading)
        questions = generate_all(base, making)
    text = to_pack_yaml(questions, "generated", "Generated questions")
    if args.output:
        try:
            args.output.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise CommandError(f"cannot write {args.output}: {exc.strerror or exc}") from None
        print(f"wrote {len(questions)} questions to {args.output}", file=err)
    else:
        out.write(text)
    size = len(text.encode("utf-8"))
    if size > yamlio.PACK_MAX_BYTES:
        # Written all the same (it is the author's to cut down), but said now, not when it is loaded.
        print(
            f"warning: the pack is {size:,} bytes, over the {yamlio.PACK_MAX_BYTES:,} a pack may be, "
            "so kopick-quiz will not load it as it is: keep the questions you want, split it into "
            "several packs, or write a pack whose recipe picks some (`generate:` with `count:`; "
            "see \"Generated questions\" in docs/packs.md)",
            file=err,
        )
    return EXIT_OK


def cmd_grade(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .grading import grade_lines

    library = _library(args, err)
    questions = library.question_index(args.pack)
    lexicon = _grader(library, err)
    failed = False
    for result in grade_lines(sys.stdin, questions, lexicon):
        if "error" in result:
            failed = True
            print(f"<stdin>:{result['line']}: error: {result['error']}", file=err)
            continue
        out.write(json.dumps(result, ensure_ascii=False) + "\n")
        out.flush()
    return EXIT_BAD_INPUT if failed else EXIT_OK


def cmd_ask(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .chat import Conversation
    from .progress import split

    library = _library(args, err)  # through the compiled cache, where the sentence index is kept
    with _progress_bar("Indexing the names…", err) as progress:
        loading, indexing = split(progress, 1, 3)
        conversation = Conversation(library.loaded_base(loading), indexing, library.cache_dir)
    if args.text != "-":
        _print_reply(args.text, conversation.ask(args.text), args.json, out)
        return EXIT_OK
    if hasattr(sys.stdin, "reconfigure"):  # a stray byte is a question's problem, not a crash
        sys.stdin.reconfigure(errors="replace")
    for line in sys.stdin:
        question = line.strip()
        if question:
            _print_reply(question, conversation.ask(question), args.json, out)
            out.flush()
    return EXIT_OK


def _print_reply(question: str, reply, as_json: bool, out: TextIO) -> None:  # noqa: ANN001 - a chat.Reply
    if as_json:
        record = {"question": question, "answer": reply.text, "sources": list(reply.sources)}
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    else:
        out.write(reply.cited() + "\n\n")


def cmd_play(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if args.class_code is not None:
        if args.pack or args.count or args.seed is not None:
            raise CommandError("a class fixes its own questions; leave out --pack, --count and --seed")
        if args.plain:
            from .cli_class import cmd_play_class_plain

            return cmd_play_class_plain(args, out, err)
    if args.plain:
        return cmd_play_plain(args, out, err)
    return _open_app(args)


def cmd_play_plain(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    library = _library(args, err)
    if args.pack is not None:
        library.pack(args.pack)  # an unknown pack is said before the grader is made (seconds for a big base)
    session = library.quiz(args.pack, args.count or 10, args.seed, lexicon=_grader(library, err))
    # Remembered as the player's last choices, as the app remembers them (its home screen offers them next).
    choices = {"pack": args.pack, "mode": "quick", "count": args.count or 10, "seed": args.seed}
    from .store.model import ALL_PACKS

    return _run_plain(args, library, session, args.pack or ALL_PACKS, args.seed, out, err, choices=choices)


def cmd_review(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if not args.plain:
        return _open_app(args)
    from datetime import datetime

    from .review import due
    from .store import StoreError

    library = _library(args, err)
    try:
        store = _open_store(args, err)
    except StoreError as exc:
        raise CommandError(str(exc)) from None
    try:
        player = _player(args, store)
        questions = due(store, player, library.questions(), datetime.now().astimezone())
    finally:
        store.close()
    if not questions:
        print(f"Nothing is due for review today, {player}. Come back tomorrow.", file=out)
        return EXIT_OK
    session = library.session(questions, f"Review for {player}", "review", _grader(library, err))
    choices = {"pack": None, "mode": "review", "seed": None}
    from .store.model import ALL_PACKS

    return _run_plain(args, library, session, ALL_PACKS, None, out, err, choices=choices)


def _player(args: argparse.Namespace, store) -> str:  # noqa: ANN001 - a kopick_quiz.store.Store
    """--player, else whoever played last, else the login name."""
    if args.player:
        return " ".join(args.player.split())
    return store.last_player() if store is not None and store.last_player() else _login()


def _run_plain(
    args: argparse.Namespace,
    library: Library,
    session,  # noqa: ANN001 - a kopick_quiz.session.Session
    pack: str,
    seed: int | None,
    out: TextIO,
    err: TextIO,
    *,
    choices: dict[str, object] | None = None,
) -> int:
    """Run a line-mode quiz, recording every answer as it is given (when the history can be opened);
    `choices` are saved as the player's own settings."""
    from .plain import run_plain
    from .store import StoreError

    try:
        store = _open_store(args, err)
    except StoreError as exc:
        print(f"kopick-quiz: note: {exc} This quiz will not be saved.", file=err)
        store = None
    try:
        record = None
        if store is not None:
            player = _player(args, store)
            # a question met before gets its options in another order than last time
            session.attempts = {qid: card.reviews for qid, card in store.cards(player).items()}
            quiz_id = store.start_quiz(player, pack, session.mode, [q.id for q in session.questions], seed)
            if choices is not None:
                _remember(args, store, player, choices, err)

            def record(answered) -> None:  # noqa: ANN001 - an Answered
                store.record(quiz_id, answered)

        run_plain(session, sys.stdin, out, ask=_asker(library), record=record, prompt=sys.stdin.isatty())
        if store is not None and session.finished:
            store.finish(quiz_id)
    except StoreError as exc:
        raise CommandError(str(exc)) from None
    finally:
        if store is not None:
            store.close()
    return EXIT_OK


def _remember(args: argparse.Namespace, store, player: str, choices: dict[str, object], err: TextIO) -> None:  # noqa: ANN001 - a Store
    """Save `choices` as the player's own settings (a player new to the store first gets this
    machine's settings.json, as in the app)."""
    from .settings import read_settings, update_player_settings

    machine, notice = read_settings(data_dir(args.data_dir))
    if notice:
        print(f"kopick-quiz: note: {notice}", file=err)
    update_player_settings(store, player, choices, machine)


def cmd_stats(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from datetime import datetime

    from .stats import player_stats, to_json, to_text
    from .store import StoreError

    library = _library(args, err)  # names the tags and shows the weakest questions as asked
    prompts = {q.id: q.prompt for q in library.questions()}
    try:
        store = _open_store(args, err)
        try:
            players = store.players()
            player = " ".join(args.player.split()) if args.player else store.last_player()
            if player is None:
                raise CommandError("nobody has answered a question yet; play a quiz first: kopick-quiz play")
            if player not in players:
                known = ", ".join(players) or "none yet"
                raise CommandError(f"there is no player '{player}'; the players are: {known}")
            stats = player_stats(
                store, player, datetime.now().astimezone(), base=library.base, prompts=prompts
            )
        finally:
            store.close()
    except StoreError as exc:
        raise CommandError(str(exc)) from None
    if args.json:
        out.write(json.dumps(to_json(stats), ensure_ascii=False) + "\n")
    elif args.plot:
        from .plots import draw_all

        size = os.get_terminal_size(out.fileno()) if _is_terminal(out) else os.terminal_size((100, 24))
        colour = _is_terminal(out) and not os.environ.get("NO_COLOR")
        out.write(draw_all(stats, width=min(size.columns, 120), colour=colour))
    else:
        out.write(to_text(stats))
    return EXIT_OK


def cmd_results(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .stats import write_csv
    from .store import StoreError

    try:
        store = _open_store(args, err)
        try:
            class_id = None
            if args.class_code is not None:
                from .cli_class import _class

                class_id = _class(store, args.class_code).class_id
            rows = list(store.answers(args.player, class_id=class_id))
        finally:
            store.close()
    except StoreError as exc:
        raise CommandError(str(exc)) from None
    if not args.output:
        write_csv(rows, out, lineterminator="\n")
        return EXIT_OK
    try:
        # A byte-order mark, so that Excel reads the file as UTF-8 (Hangul included).
        with args.output.open("w", encoding="utf-8-sig", newline="") as f:
            count = write_csv(rows, f)
    except OSError as exc:
        raise CommandError(f"cannot write {args.output}: {exc.strerror or exc}") from None
    print(f"wrote {count} answer{'s' * (count != 1)} to {args.output}", file=err)
    return EXIT_OK


def cmd_new_pack(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .library import pack_files
    from .packs.starter import StarterError, create_pack

    taken = [p.stem for p in pack_files(shipped_packs_dir())]
    try:
        path = create_pack(_user_packs(args), args.name, taken)
    except StarterError as exc:
        raise CommandError(str(exc)) from None
    print(path, file=out)
    print(f"wrote a starter pack; edit it, then check it with: kopick-quiz validate {path}", file=err)
    return EXIT_OK


def cmd_import(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .diagnostics import FileProblems, Problem
    from .library import shown_path
    from .packs.convert import finish_import, import_file
    from .packs.starter import SCHEMA_FILE, schema_text

    source = shown_path(args.file)
    imported = import_file(args.file, args.format, source)
    for note in imported.notes:
        print(note, file=err)
    if not imported.questions:
        raise FileProblems([Problem(source, 1, 1, "error", "nothing could be imported; see the warnings")])
    folder = _user_packs(args)
    target = args.output or folder
    if target.is_dir() or args.output is None:
        target = target / f"{imported.header['id']}.yaml"
    if target.exists() and not args.force:
        raise CommandError(f"{target} already exists; choose another file with -o, or replace it: --force")
    in_folder = target.parent.resolve() == folder.resolve()
    comments = [f"Imported from {args.file.name} by kopick-quiz import; check it with kopick-quiz validate."]
    if in_folder:
        comments.insert(0, f"yaml-language-server: $schema={SCHEMA_FILE}")
    text, pack, problems = finish_import(imported, shown_path(target), _base(args, err), comments)
    for problem in problems:
        print(problem, file=err)
    if pack is None:
        return EXIT_BAD_INPUT
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        if in_folder:
            (folder / SCHEMA_FILE).write_text(schema_text(), encoding="utf-8")
    except OSError as exc:
        raise CommandError(f"cannot write {target}: {exc.strerror or exc}") from None
    print(f"imported {len(pack)} question{'s' * (len(pack) != 1)} into {target}", file=out)
    return EXIT_OK


def cmd_export(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .library import shown_path
    from .packs.convert import export_pack, format_of
    from .packs.load import load_pack

    fmt = args.format or (format_of(args.output) if args.output else None)
    if fmt is None:
        raise CommandError("say which format with --format gift, aiken, csv or apkg")
    if fmt == "apkg" and args.output is None:
        raise CommandError("an Anki deck is a binary file; name it with -o, e.g. -o deck.apkg")
    given = Path(args.pack)
    if given.suffix in (".yaml", ".yml"):
        if not given.is_file():
            raise CommandError(f"{given} does not exist; give a pack file or a pack id")
        pack = load_pack(given, _base(args, err), shown=shown_path(given))
    else:
        pack = _library(args, err).pack(args.pack)
    exported = export_pack(pack, fmt)
    for note in exported.notes:
        print(f"{pack.path}: warning: {note}", file=err)
    content = exported.content
    if args.output is None:
        out.write(content if isinstance(content, str) else content.decode())
    else:
        try:
            if isinstance(content, bytes):
                args.output.write_bytes(content)
            else:
                with args.output.open("w", encoding="utf-8", newline="") as f:
                    f.write(content)
        except OSError as exc:
            raise CommandError(f"cannot write {args.output}: {exc.strerror or exc}") from None
        count = exported.count
        print(f"exported {count} question{'s' * (count != 1)} of {pack.id} to {args.output}", file=err)
    return EXIT_OK


COMMANDS: dict[str, Callable[[argparse.Namespace, TextIO, TextIO], int]] = {
    "new-pack": cmd_new_pack,
    "import": cmd_import,
    "export": cmd_export,
    "play": cmd_play,
    "review": cmd_review,
    "validate": cmd_validate,
    "schema": cmd_schema,
    "questions": cmd_questions,
    "generate": cmd_generate,
    "grade": cmd_grade,
    "ask": cmd_ask,
    "stats": cmd_stats,
    "results": cmd_results,
    "class": lambda args, out, err: _cmd_class(args, out, err),
    "serve": lambda args, out, err: _cmd_serve(args, out, err),
    "db": lambda args, out, err: _cmd_db(args, out, err),
    "served": lambda args, out, err: _open_app(args),
}


def _cmd_class(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .cli_class import cmd_class

    return cmd_class(args, out, err)


def _cmd_db(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .cli_db import cmd_db

    return cmd_db(args, out, err)


def _cmd_serve(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .serve import serve

    return serve(args, out, err)


def main(argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run one command; returns the exit code (0 done, 1 bad input, 2 usage)."""
    out = out or sys.stdout
    err = err or sys.stderr
    parser = build_parser()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    handler = COMMANDS.get(args.command) if args.command else None
    try:
        if handler is None:
            return _open_app(args)
        return handler(args, out, err)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`| head`): stop quietly, as other command-line tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:
        return _user_error(exc, err)


def _user_error(exc: Exception, err: TextIO) -> int:
    """Print a mistake the user can fix (a bad file, an unknown name) and return 1; re-raise anything else."""
    from .diagnostics import FileProblems
    from .library import LookupProblem

    if isinstance(exc, FileProblems):
        for problem in exc.problems:
            print(problem, file=err)
        return EXIT_BAD_INPUT
    if isinstance(exc, (CommandError, LookupProblem)):
        print(f"kopick-quiz: {exc}", file=err)
        return EXIT_BAD_INPUT
    raise exc


def _open_app(args: argparse.Namespace) -> int:
    from .tui.app import run_app

    return run_app(args)


__all__ = ["main"]
