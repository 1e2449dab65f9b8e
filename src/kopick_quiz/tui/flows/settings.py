"""The settings: this machine's (settings.json, read at start) and the player's own (the store),
shown in the home screen's form and the theme, and saved back when the player changes them.

What is whose is settings.py's to say (and docs/data.md's); this flow only asks the history for
the player's settings when the player is known or changes, and saves what changed. A served
session (a browser's) reads and writes nobody's: its student gets the defaults.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ...settings import PlayerSettings
    from ..app import KopickApp
    from ..plan import QuizPlan


class SettingsFlow:
    """The app's settings: `app.settings` is this machine's, then the player's own over them."""

    def __init__(self, app: KopickApp) -> None:
        self.app = app
        self.machine: dict[str, Any] = {}  # settings.json as read: where a player new to the store starts
        self._default_theme = app.theme
        self._applying = False  # a theme shown from the settings, not chosen: not saved again

    def machine_read(self, settings: dict[str, Any]) -> None:
        """settings.json has been read (at start): its theme shows until the player's own is read."""
        self.machine = dict(settings)
        theme = settings.get("theme")
        if isinstance(theme, str) and theme in self.app.available_themes:
            self.apply_theme(theme)

    def read(self, *, carry: bool) -> None:
        """Ask the store for the current player's own settings. `carry`: a player new to the store
        gets this machine's saved as theirs (at start; not for a name being typed)."""
        app = self.app
        if app.history is not None and app.player and not app.launch.served:
            app.history.player_settings(app.player, self.machine, self._ready, carry=carry)

    def _ready(self, player: str, found: PlayerSettings) -> None:
        app = self.app
        if player != app.player:
            return  # another name was chosen meanwhile
        for problem in found.problems:
            app.notify(problem, severity="warning", timeout=10, markup=False)
        if not found.stored:
            return  # a name new to the store (perhaps still being typed): the form stays as it is
        app.settings.update(found.values, player=player)
        if app.is_screen_installed("home"):  # else it is made later, from app.settings
            app.home().set_choices(app.settings, player)
        self.apply_theme(found.values.get("theme"))

    def apply_theme(self, theme: object) -> None:
        """Show a theme from the settings (the app's own for none, or for one it does not have)."""
        app = self.app
        self._applying = True
        try:
            app.theme = (
                theme if isinstance(theme, str) and theme in app.available_themes else self._default_theme
            )
        finally:
            self._applying = False

    def theme_chosen(self, theme: str) -> None:
        """The theme was changed (the command palette): the player's from now on."""
        app = self.app
        if app.launch.served or self._applying or app.settings.get("theme") == theme:
            return
        app.settings["theme"] = theme
        self.save(theme=theme)

    def remember(self, plan: QuizPlan) -> None:
        """Keep `plan`'s choices as the player's next defaults."""
        # A review or a whole pack has no count of its own: the player's number of questions stays.
        app = self.app
        count = plan.count if plan.count is not None else app.settings.get("count")
        # The seed `play` drew for itself (no --seed) is no choice: offered again, every quiz would repeat.
        drawn = app.launch.seed is None or app.launch.seed_drawn
        seed = None if drawn and plan.seed == app.seed else plan.seed
        changes = {"pack": plan.pack, "mode": plan.mode, "count": count, "seed": seed}
        app.settings.update(changes, player=plan.player)
        self.save(**changes)

    def save(self, **changes: Any) -> None:
        """settings.json gets them all (this machine's last choices); the store the changes, as the
        current player's own."""
        app = self.app
        if app.history is not None:
            app.history.save_settings(
                dict(app.settings), player=app.player, changes=changes, machine=self.machine
            )
