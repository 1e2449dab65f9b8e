"""The app reads a player's own settings from the store and saves them there (both backends): the
home screen's choices and the theme follow the player, not the machine."""

from __future__ import annotations

import json

from stores import StoreSpot
from textual.pilot import Pilot
from textual.widgets import DataTable, Input

from kopick_quiz.settings import load_player_settings, save_player_settings, save_settings
from kopick_quiz.tui.app import KopickApp, Launch
from kopick_quiz.tui.screens.home import HomeScreen
from kopick_quiz.tui.screens.quiz import QuizScreen

from .conftest import DATA, NOW, FakeClock, drive, library_from, settle


def app_on(db: StoreSpot, player: str | None = "Mina") -> KopickApp:
    """The app's home screen on the test's store (a SQLite file or a PostgreSQL database)."""
    return KopickApp(
        Launch(command=None, player=player, db=db.url),
        library=library_from(DATA / "packs"),
        data_dir=db.data_dir,
        clock=FakeClock(),
        now=lambda: NOW,
    )


def form(app: KopickApp) -> tuple[str, str, int]:
    """The home screen's count, seed and the row of the pack chosen."""
    screen = app.screen
    assert isinstance(screen, HomeScreen), screen
    return (
        screen.query_one("#count", Input).value,
        screen.query_one("#seed", Input).value,
        screen.query_one("#packs", DataTable).cursor_row,
    )


def stored(db: StoreSpot, player: str) -> dict[str, object]:
    with db.open() as s:
        return load_player_settings(s, player, {}, carry=False).values


def test_the_home_screen_shows_the_players_stored_settings_and_saves_their_changes(db: StoreSpot) -> None:
    with db.open() as s:
        save_player_settings(s, "Mina", {"pack": "medium", "count": 7, "seed": 42, "theme": "nord"})
    app = app_on(db)

    async def scenario(pilot: Pilot[int]) -> None:
        assert form(app) == ("7", "42", 1) and app.theme == "nord"
        app.screen.query_one("#count", Input).value = "3"
        await pilot.press("enter")  # starts the pack under the cursor
        await settle(pilot)
        assert isinstance(app.screen, QuizScreen) and app.session is not None and app.session.total == 3
        app.theme = "gruvbox"
        await settle(pilot)

    drive(app, scenario)
    assert stored(db, "Mina") == {
        "pack": "medium",
        "mode": "quick",
        "count": 3,
        "seed": 42,
        "theme": "gruvbox",
    }
    assert json.loads((db.data_dir / "settings.json").read_text())["player"] == "Mina"


def test_two_players_of_one_machine_each_get_their_own_choices_and_theme(db: StoreSpot) -> None:
    with db.open() as s:
        save_player_settings(s, "Mina", {"pack": "medium", "count": 7, "theme": "nord"})
        save_player_settings(s, "Jun", {"pack": None, "count": 4, "theme": "dracula"})
    app = app_on(db)

    async def scenario(pilot: Pilot[int]) -> None:
        assert form(app) == ("7", "", 1) and app.theme == "nord"
        app.screen.query_one("#player", Input).value = "Jun"
        await pilot.pause(0.6)  # the name settles
        await settle(pilot)
        assert form(app) == ("4", "", 0) and app.theme == "dracula"
        app.screen.query_one("#player", Input).value = "Mina"
        await pilot.pause(0.6)
        await settle(pilot)
        assert form(app) == ("7", "", 1) and app.theme == "nord"

    drive(app, scenario)
    assert (stored(db, "Mina")["theme"], stored(db, "Jun")["theme"]) == ("nord", "dracula")  # no cross-talk


def test_settings_from_before_the_upgrade_become_the_players_own(db: StoreSpot) -> None:
    save_settings(db.data_dir, {"player": "Mina", "pack": "medium", "count": 6, "theme": "nord"})
    app = app_on(db, player=None)

    async def scenario(pilot: Pilot[int]) -> None:
        assert app.player == "Mina" and form(app) == ("6", "", 1) and app.theme == "nord"

    drive(app, scenario)
    assert stored(db, "Mina") == {
        "pack": "medium",
        "mode": "quick",
        "count": 6,
        "seed": None,
        "theme": "nord",
    }


def test_a_hand_edited_setting_is_named_in_a_notice_and_the_default_used(db: StoreSpot) -> None:
    with db.open() as s:
        save_player_settings(s, "Mina", {"count": 7, "theme": "nord"})
        s.backend.write(
            lambda d: d.execute("UPDATE player_settings SET value = '\"lots\"' WHERE key = 'count'")
        )
    app = app_on(db)

    async def scenario(pilot: Pilot[int]) -> None:
        assert form(app)[0] == "10" and app.theme == "nord"  # the other settings still apply
        notices = [n.message for n in app._notifications]
        assert any(
            "Mina's saved setting 'count' in the store (\"lots\") is not a whole number from 1 to 9999; using 10"
            in n
            for n in notices
        ), notices

    drive(app, scenario)


def test_play_without_a_seed_does_not_make_its_drawn_seed_the_players_choice(db: StoreSpot) -> None:
    app = KopickApp(
        Launch(command="play", pack="medium", count=2, player="Mina", db=db.url),
        library=library_from(DATA / "packs"),
        data_dir=db.data_dir,
        clock=FakeClock(),
        now=lambda: NOW,
    )

    async def scenario(pilot: Pilot[int]) -> None:
        assert isinstance(app.screen, QuizScreen) and app.session is not None

    drive(app, scenario)
    # Else the home screen would offer that seed next time, and every quiz would repeat this one.
    assert stored(db, "Mina") == {"pack": "medium", "mode": "quick", "count": 2, "seed": None, "theme": None}
