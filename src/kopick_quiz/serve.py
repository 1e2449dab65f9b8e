"""`kopick-quiz serve`: the app in browsers, through textual-serve (the Textual project's server).

Each browser that opens the page gets its own app process, started by the server with a command
line this module fixes: the data folder (so every process shares one store), the teacher's
--facts/--packs, and the class. Nothing a visitor types reaches that command line; a served app
starts on the join screen and offers nothing that touches files (see tui.app.ServedApp).
"""

from __future__ import annotations

import argparse
import errno
import os
import shlex
import socket
import sys
from typing import TextIO

WILDCARDS = ("0.0.0.0", "::", "")


def served_command(args: argparse.Namespace, data: str) -> str:
    """The shell command textual-serve runs for each visitor (the same store as the teacher's)."""
    from .paths import database
    from .store import redact

    parts = [sys.executable, "-m", "kopick_quiz", "--data-dir", data]
    db = database(getattr(args, "db", None))
    # A URL with a password reaches the app processes through KOPICK_QUIZ_DB (serve sets it),
    # never through a command line that `ps` shows to every user of the machine.
    if db and redact(db) == db:
        parts += ["--db", db]
    if args.facts:
        parts += ["--facts", str(args.facts.resolve())]
    for folder in args.packs or ():
        parts += ["--packs", str(folder.resolve())]
    parts.append("served")
    if args.class_code:
        parts += ["--class", args.class_code]
    return shlex.join(parts)


def public_url(host: str, port: int) -> str:
    """The address to give students: a wildcard host is reached through this machine's name."""
    if host in WILDCARDS:
        host = socket.gethostname()
    if ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}"


def serve(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .classroom import ClassError, find_open_class
    from .cli_shared import CommandError, _open_store
    from .paths import DB_ENV, data_dir, database
    from .store import StoreError

    title = None
    try:
        store = _open_store(args, err)
        try:
            if args.class_code:
                klass = find_open_class(store, args.class_code)
                args.class_code, title = klass.code, klass.title
        finally:
            store.close()
    except (StoreError, ClassError) as exc:
        raise CommandError(str(exc)) from None
    _check_port(args.host, args.port)
    from textual_serve.server import Server

    url = public_url(args.host, args.port)
    command = served_command(args, str(data_dir(args.data_dir).resolve()))
    db = database(args.db)
    if db:
        os.environ[DB_ENV] = db  # inherited by every app process textual-serve starts

    class QuizServer(Server):
        async def on_startup(self, app: object) -> None:
            what = (
                f"class {args.class_code} ({title})"
                if title
                else "kopick-quiz (students type the class code)"
            )
            print(f"Serving {what} at {url}", file=out, flush=True)
            if args.host not in ("127.0.0.1", "localhost", "::1"):
                print("Anyone who can reach this machine on that port can open it.", file=out, flush=True)
            else:
                print(
                    "Only this machine can open it; use --host 0.0.0.0 to open it to the room.",
                    file=out,
                    flush=True,
                )
            print("Press Ctrl+C to stop.", file=out, flush=True)

        def initialize_logging(self) -> None:
            import logging

            logging.basicConfig(level=logging.WARNING, format="kopick-quiz serve: %(message)s")

    server = QuizServer(command, host=args.host, port=args.port, title="kopick-quiz", public_url=url)
    server.serve()
    return 0


def _check_port(host: str, port: int) -> None:
    """Fail with one sentence, before the server starts, when the port cannot be had."""
    from .cli_shared import CommandError

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise CommandError(f"port {port} is already in use; choose another with --port") from None
            if exc.errno in (errno.EACCES, errno.EPERM):
                raise CommandError(
                    f"port {port} needs administrator rights; choose one above 1024 with --port"
                ) from None
            raise CommandError(f"cannot listen on {host}:{port} ({exc.strerror}); check --host") from None
