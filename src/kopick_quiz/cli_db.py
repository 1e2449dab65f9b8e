"""`db migrate` and `db check`: the store copied between SQLite and PostgreSQL, and checked.

Argument parsing and printing only; store/transfer.py does the work.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TextIO


def add_db_parser(
    command: Callable[[str, str, str], argparse.ArgumentParser], common: Callable[..., None]
) -> None:
    """`db migrate|check` under the main parser."""
    p = command(
        "db",
        "the store itself: copy it between SQLite and PostgreSQL, or check it",
        "kopick-quiz db migrate --to postgresql://kopick@db.school.kr/kopick",
    )
    sub = p.add_subparsers(dest="db_command", metavar="ACTION", required=True)

    def action(name: str, help: str, example: str) -> argparse.ArgumentParser:
        q = sub.add_parser(
            name,
            help=help,
            description=help,
            epilog=f"example: {example}",
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        common(q, top=False)
        return q

    q = action(
        "migrate",
        "copy the whole store (the one --db or KOPICK_QUIZ_DB names, else this data folder's file) "
        "to another: a SQLite file into PostgreSQL, or back; checked by row counts and content hashes",
        "kopick-quiz db migrate --to postgresql://kopick@db.school.kr/kopick\n"
        "         KOPICK_QUIZ_DB=postgresql://kopick@db.school.kr/kopick kopick-quiz db migrate "
        "--to sqlite:///home/me/kopick.db",
    )
    q.add_argument(
        "--to",
        metavar="URL",
        required=True,
        help="the target: a postgresql://user:password@host/db URL, or a SQLite file (sqlite:///path or a path)",
    )
    q.add_argument("--force", action="store_true", help="replace what a target that is not empty holds")

    action(
        "check",
        "check the store: its schema, its storage, and the links between its rows",
        "kopick-quiz db check",
    )


def cmd_db(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .cli_shared import CommandError, _open_store
    from .store import StoreError

    try:
        store = _open_store(args, err)
        try:
            return (_migrate if args.db_command == "migrate" else _check)(args, store, out, err)
        finally:
            store.close()
    except StoreError as exc:
        raise CommandError(str(exc)) from None


def _migrate(args: argparse.Namespace, source, out: TextIO, err: TextIO) -> int:  # noqa: ANN001 - a Store
    from .cli_shared import CommandError
    from .paths import data_dir
    from .store import Store
    from .store.transfer import copy_store

    target = Store.open(data_dir(args.data_dir), db=args.to)
    try:
        if target.notice:
            print(f"kopick-quiz: note: {target.notice}", file=err)
        checks = copy_store(source, target, force=args.force)
    finally:
        target.close()
    width = max(len(c.table) for c in checks)
    print(f"copied {source.where} to {target.where}", file=out)
    for c in checks:
        state = "ok" if c.ok else f"MISMATCH (source {c.source_rows} rows, hash {c.source_hash[:12]})"
        print(f"  {c.table:<{width}}  {c.target_rows:>8} rows  {c.target_hash[:12]}  {state}", file=out)
    bad = [c.table for c in checks if not c.ok]
    if bad:
        raise CommandError(
            f"the copy in {target.where} does not match the source in: {', '.join(bad)}; "
            "do not use it; run the command again with --force"
        )
    print(f"checked: the row counts and content hashes of all {len(checks)} tables match", file=out)
    return 0


def _check(args: argparse.Namespace, store, out: TextIO, err: TextIO) -> int:  # noqa: ANN001 - a Store
    from .store import SCHEMA_VERSION
    from .store.transfer import check_store, row_counts

    problems = check_store(store)
    if problems:
        for problem in problems:
            print(f"kopick-quiz: {store.where}: {problem}", file=err)
        return 1
    counts = row_counts(store)
    what = ", ".join(
        f"{t}: {n}" for t, n in counts.items() if t in ("players", "quizzes", "answers", "cards", "classes")
    )
    print(f"ok: {store.where} ({store.kind}, data version {SCHEMA_VERSION}): {what}", file=out)
    return 0
