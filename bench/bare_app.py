"""The baseline for bench/startup.py: a bare Textual app with a Header, a Static, an Input and a Footer.

It shows the same kind of first screen as `kopick-quiz play`, with nothing to load.
"""

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Input, Static

MARKER = "Which Thai studio co-produced The Medium?"


class BareApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(MARKER)
        yield Input(placeholder="Type your answer")
        yield Footer()


if __name__ == "__main__":
    BareApp().run()
