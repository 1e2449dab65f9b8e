"""Text from students and packs, made safe to show: never markup, never terminal control.

Everything a student types or a pack author writes goes through `clean` and reaches a widget as
`Content`, which Textual shows as is: `[/bold]` stays `[/bold]`, `[@click=app.quit]` is only text.
"""

from __future__ import annotations

import re

from textual.content import Content

# Whole escape sequences first (so `\x1b[31m` leaves nothing behind), then any stray control.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?|\x9b[0-?]*[ -/]*[@-~]"
)
_CONTROLS = {c: None for c in (*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0)) if c != 0x0A}
_CONTROLS[0x09] = " "
# Bidirectional overrides can make text read differently from what it is.
_CONTROLS.update(dict.fromkeys((0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069)))


def clean(text: str, *, one_line: bool = False) -> str:
    """`text` without escape sequences and control characters (newlines kept unless `one_line`)."""
    text = _ESCAPES.sub("", text).translate(_CONTROLS)
    return " ".join(text.split("\n")) if one_line else text


def literal(text: str, style: str = "", *, one_line: bool = False) -> Content:
    """Cleaned `text` as Content, so no part of it is read as markup."""
    return Content.styled(clean(text, one_line=one_line), style)


def shorten(text: str, limit: int) -> str:
    """`text` cut to `limit` characters, with an ellipsis when cut."""
    return text if len(text) <= limit else text[: max(0, limit - 1)] + "…"
