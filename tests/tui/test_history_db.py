"""The app's history on a PostgreSQL server (--db): answers given in the app land there, not in a file."""

from __future__ import annotations

from pathlib import Path

import pytest

from kopick_quiz.store import DB_NAME, Store
from kopick_quiz.tui.app import KopickApp, Launch

from .conftest import DATA, NOW, FakeClock, drive, library_from, settle
from .test_quiz import key_of

pytestmark = pytest.mark.postgres


@pytest.mark.parametrize("through", ["--db", "KOPICK_QUIZ_DB"])
def test_answers_in_the_app_go_to_the_database_it_was_given(
    tmp_path: Path, pg_url: str, through: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if through == "KOPICK_QUIZ_DB":
        monkeypatch.setenv("KOPICK_QUIZ_DB", pg_url)
    app = KopickApp(
        Launch(
            command="play", pack="medium", seed=1, player="mina", db=pg_url if through == "--db" else None
        ),
        library=library_from(DATA / "packs"),
        data_dir=tmp_path,
        clock=FakeClock(),
        now=lambda: NOW,
    )

    async def scenario(pilot) -> None:  # noqa: ANN001
        await pilot.press(key_of(app, "Shaw Brothers"))
        await settle(pilot)

    drive(app, scenario)
    with Store.open(tmp_path, db=pg_url) as store:
        assert [(a.player, a.question_id, a.verdict) for a in store.answers()] == [
            ("mina", "medium.korean-studio", "incorrect")
        ]
    assert not (tmp_path / DB_NAME).exists()
