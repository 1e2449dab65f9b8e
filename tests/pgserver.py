"""A throwaway PostgreSQL server for the tests and the benchmark.

initdb into a temporary folder, a free port on 127.0.0.1, the Unix socket in that folder too;
`stop()` (also run at exit) shuts it down and deletes the folder. As root, the server runs as the
`postgres` user (initdb refuses root). Tests and benchmarks make databases on it from a template
holding the current schema, so each test starts from an empty, migrated store in milliseconds.
"""

from __future__ import annotations

import atexit
import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

USER = "kopick"
PASSWORD = "s3cret-Pw"  # the tests check it never appears in what the program prints
TEMPLATE = "kopick_template"


class Unavailable(Exception):
    """No PostgreSQL on this machine (or it cannot be run here): the reason, for a skip."""


def find_bindir() -> Path | None:
    """The folder of initdb and pg_ctl: $KOPICK_PG_BINDIR, PATH, or the newest Debian install."""
    if os.environ.get("KOPICK_PG_BINDIR"):
        return Path(os.environ["KOPICK_PG_BINDIR"])
    found = shutil.which("pg_ctl")
    if found and (Path(found).parent / "initdb").exists():
        return Path(found).parent
    installs = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3].split(".")[0])
    )
    return Path(installs[-1]).parent if installs else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """A running server; `url(name)` for a database on it, `fresh()` for a new migrated one."""

    def __init__(self, *, durable: bool = False) -> None:
        bindir = find_bindir()
        if bindir is None:
            raise Unavailable(
                "PostgreSQL is not installed (no initdb; apt-get install postgresql, or set KOPICK_PG_BINDIR)"
            )
        try:
            import psycopg  # noqa: F401
        except ImportError:
            raise Unavailable("psycopg is not installed: pip install '.[postgres]'") from None
        self._bindir = bindir
        self._run_as: list[str] = []
        owner = None
        if os.geteuid() == 0:
            # initdb will not run as root: run the server as the postgres user the package made
            # (or, without one, as nobody), in a folder of /tmp that user can reach.
            for name in ("postgres", "nobody"):
                try:
                    owner = pwd.getpwnam(name)
                    break
                except KeyError:
                    continue
            else:
                raise Unavailable(
                    "running as root and there is no 'postgres' or 'nobody' user to run the server"
                )
            runuser = shutil.which("runuser")
            if runuser is None:
                raise Unavailable(f"running as root without runuser to start the server as '{owner.pw_name}'")
            self._run_as = [runuser, "-u", owner.pw_name, "--"]
        self.root = Path(tempfile.mkdtemp(prefix="kopick-pg-", dir="/tmp" if owner is not None else None))
        self._running = False
        self.port = 0
        self._names = itertools.count()
        atexit.register(self.stop)
        try:
            if owner is not None:
                os.chown(self.root, owner.pw_uid, owner.pw_gid)
            pwfile = self.root / "pw"
            pwfile.write_text(PASSWORD + "\n")
            if owner is not None:
                os.chown(pwfile, owner.pw_uid, owner.pw_gid)
            self._run(
                "initdb",
                "-D",
                str(self.root / "data"),
                "-U",
                USER,
                f"--pwfile={pwfile}",
                "--auth-host=scram-sha-256",
                "--auth-local=trust",
                "-E",
                "UTF8",
                "--locale=C",
                "--no-sync",
            )
            self._start(durable)
            self._admin(f"CREATE DATABASE {TEMPLATE}")
        except BaseException:
            self.stop()
            raise
        from kopick_quiz.store import Store

        Store.open(self.root, db=self.url(TEMPLATE)).close()  # the template holds the current schema

    def _run(self, tool: str, *args: str) -> None:
        done = subprocess.run(
            [*self._run_as, str(self._bindir / tool), *args], capture_output=True, text=True, timeout=120
        )
        if done.returncode:
            raise Unavailable(f"{tool} failed: {(done.stderr or done.stdout).strip()[-500:]}")

    def _start(self, durable: bool) -> None:
        # Test settings trade durability against a crash of the server (never tested) for speed;
        # the benchmark asks for a durable one.
        fast = "" if durable else " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        for attempt in range(3):
            self.port = _free_port()
            try:
                self._run(
                    "pg_ctl",
                    "-D",
                    str(self.root / "data"),
                    "-l",
                    str(self.root / "log"),
                    "-w",
                    "-t",
                    "60",
                    "-o",
                    f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c max_connections=200{fast}",
                    "start",
                )
            except Unavailable:
                if attempt == 2:
                    log = (self.root / "log").read_text(errors="replace")[-800:]
                    raise Unavailable(f"the PostgreSQL server did not start: {log}") from None
                continue
            self._running = True
            return

    def url(self, name: str) -> str:
        return f"postgresql://{USER}:{PASSWORD}@127.0.0.1:{self.port}/{name}"

    def _admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(self.url("postgres"), autocommit=True) as conn:
            conn.execute(sql)  # type: ignore[arg-type]

    def fresh(self, *, empty: bool = False) -> str:
        """A new database: the current schema (or `empty`: nothing at all); its URL."""
        name = f"kq_{os.getpid()}_{next(self._names)}"
        self._admin(f"CREATE DATABASE {name} TEMPLATE {'template0' if empty else TEMPLATE}")
        return self.url(name)

    def empty(self, url: str) -> None:
        """Delete every row of a database of ours and restart its ids (much quicker than a new one)."""
        import psycopg

        from kopick_quiz.store.transfer import TABLES

        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f"TRUNCATE {', '.join(TABLES)} RESTART IDENTITY CASCADE")  # type: ignore[arg-type]

    def drop(self, url: str) -> None:
        name = url.rsplit("/", 1)[1]
        self._admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def stop(self) -> None:
        """Shut the server down (at once) and delete its folder; safe to call twice."""
        if self._running:
            self._running = False
            subprocess.run(
                [
                    *self._run_as,
                    str(self._bindir / "pg_ctl"),
                    "-D",
                    str(self.root / "data"),
                    "-m",
                    "immediate",
                    "-w",
                    "stop",
                ],
                capture_output=True,
                timeout=60,
            )
        shutil.rmtree(self.root, ignore_errors=True)
