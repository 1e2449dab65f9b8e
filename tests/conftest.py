"""What every test folder may use: a recorder of progress reports, and where a test's store lives."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings
from pgserver import Server, Unavailable
from progress_reports import Reports
from stores import StoreSpot

# No per-example deadline (Hypothesis's default is 200 ms of wall clock): on a machine busy with
# other work it fails tests that are merely slowed down. Runaway work is caught by the tests'
# own CPU-time guards (tests/runaway.py); speed is measured in bench/.
settings.register_profile("kopick", deadline=None)
settings.load_profile("kopick")


@pytest.fixture(scope="session", autouse=True)
def _no_compiled_copy_from_the_wheel() -> Iterator[None]:
    """Loading as in a source tree, wherever the package is installed from.

    An installed wheel carries a compiled copy of its shipped library, which a first start reads
    instead of building the user's cache (tests/test_install.py tests that, in its own
    processes). In this process every load takes the source tree's path, so the tests of a cold
    load, its progress and the cache it leaves behave the same under `pip install .` (CI) as
    in an editable install.
    """
    import kopick_quiz.library

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(kopick_quiz.library, "_shipped_cache", lambda paths, fallback: None)
        yield


@pytest.fixture
def reports() -> Reports:
    return Reports()


@pytest.fixture(scope="session")
def pg_server() -> Iterator[Server]:
    """One PostgreSQL server for the whole session (each test gets its own database on it)."""
    try:
        server = Server()
    except Unavailable as exc:
        if os.environ.get("KOPICK_REQUIRE_POSTGRES"):  # CI: a missing server is a failure, not a skip
            pytest.fail(f"PostgreSQL is required here (KOPICK_REQUIRE_POSTGRES) but: {exc}")
        pytest.skip(f"no PostgreSQL server for the postgres tests: {exc}")
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def _pg_shared(pg_server: Server) -> str:
    return pg_server.fresh()


@pytest.fixture
def pg_url(pg_server: Server, _pg_shared: str) -> str:
    """An empty database with the current schema: one for the session, emptied before each test
    (a test that changes the schema itself or counts connections takes `pg_fresh_url`)."""
    pg_server.empty(_pg_shared)
    return _pg_shared


@pytest.fixture
def pg_fresh_url(pg_server: Server) -> Iterator[str]:
    """A database of its own with the current schema, dropped after the test."""
    url = pg_server.fresh()
    yield url
    pg_server.drop(url)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> StoreSpot:
    """Each store test runs twice: on a SQLite file, and on a PostgreSQL database."""
    if request.param == "sqlite":
        return StoreSpot("sqlite", None, tmp_path / "data")
    return StoreSpot("postgresql", request.getfixturevalue("pg_url"), tmp_path / "data")
