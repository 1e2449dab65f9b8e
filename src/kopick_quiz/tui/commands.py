"""The command palette (Ctrl+P): every action of the screen it was opened on, by name."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from textual.command import DiscoveryHit, Hit, Hits, Provider


class QuizCommands(Provider):
    """Commands from the screen's `palette_commands()`, then the app's own."""

    def _commands(self) -> Iterator[tuple[str, str, Callable[[], Any]]]:
        screen_commands = getattr(self.screen, "palette_commands", None)
        if screen_commands is not None:
            yield from screen_commands()
        app: Any = self.app
        yield "Help", "Keys, commands and how points are counted", app.action_help
        if type(self.screen).__name__ != "HomeScreen" and not app.launch.served:
            yield "Home", "Back to the packs (ends the quiz in progress)", app.action_home
        yield "Quit", "Leave kopick-quiz", lambda: app.run_action("quit")

    async def discover(self) -> Hits:
        for name, help_text, callback in self._commands():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)
