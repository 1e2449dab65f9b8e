"""Anki: a pack as an `.apkg` deck (genanki), one note per question.

The deck and note-type ids are hashes of the pack id and each note's GUID a hash of its question
id, so exporting the same pack again and importing it into Anki updates the notes already there
instead of adding copies. Front: the prompt and, for questions with choices, the numbered
choices. Back: the answer, the answers worth a share of the points (with their feedback) and
the explanation. Every text is HTML-escaped.
"""

from __future__ import annotations

import hashlib
import html
import io
import itertools
import sqlite3
import tempfile
import time
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from ..questions import Question
from .formats import Exported, Format, register
from .load import Pack
from .writer import number_text

if TYPE_CHECKING:
    import genanki  # imported when a deck is built: `import` and the other formats do without it

_CSS = """.card { font-family: sans-serif; font-size: 20px; text-align: left; }
.choices { margin-top: 0.8em; }
.weighted { margin-top: 0.6em; font-size: 16px; }
.explanation { margin-top: 1em; color: #555; font-size: 16px; }
"""


def stable_id(*parts: str) -> int:
    """An Anki id (within genanki's recommended range) from a hash of `parts`."""
    digest = hashlib.sha256("\x1f".join(("kopick-quiz", *parts)).encode()).digest()
    low, high = 1 << 30, 1 << 31
    return low + int.from_bytes(digest[:8], "big") % (high - low)


def note_guid(question_id: str) -> str:
    """The GUID of a question's note: the same question id always gives the same note."""
    import genanki

    return genanki.guid_for("kopick-quiz", question_id)


def _text(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def front(q: Question) -> str:
    """The question side: the prompt and its numbered choices."""
    parts = [f'<div class="prompt">{_text(q.prompt)}</div>']
    choices = q.choices if q.type in ("choice", "multi", "order") else ()
    if q.type == "truefalse":
        choices = ("true", "false")
    if choices:
        items = "".join(f"<li>{_text(c)}</li>" for c in choices)
        parts.append(f'<ol class="choices">{items}</ol>')
    return "".join(parts)


def answer_text(q: Question) -> str:
    """The right answer as one line of plain text."""
    if q.type == "order":
        return " → ".join(q.answers)
    if q.type == "multi":
        return ", ".join(q.answers)
    if q.type == "number" and (q.tolerance.absolute or q.tolerance.relative):
        return f"{_grouped(q.answers[0])} ({q.tolerance.describe()})"
    if q.type == "number":
        return _grouped(q.answers[0])
    return q.answers[0]


def _grouped(number: str) -> str:
    try:
        value = float(number)
    except ValueError:
        return number
    return f"{int(value):,}" if value.is_integer() else number_text(value)


def weighted_lines(q: Question) -> list[str]:
    """The answers with a share of the points or feedback of their own, one line each."""
    lines = []
    for w in q.weighted:
        if w.weight <= 0:
            continue
        text = _grouped(w.text) if q.type in ("number", "year") else w.text
        if w.tolerance is not None:
            text += f" ({w.tolerance.describe()})"
        if w.weight >= 100 and w.text in q.answers:
            line = f"{text}: {w.feedback}"
        elif w.weight >= 100:
            line = f"Also right: {text}"
        else:
            line = f"Partly right ({w.weight:g}% of the points): {text}"
        if w.feedback and not (w.weight >= 100 and w.text in q.answers):
            line += f" — {w.feedback}"
        lines.append(line)
    return lines


def back(q: Question) -> str:
    """The answer side: the answer, the answers worth part of the points, and the explanation."""
    parts = [f'<div class="answer">{_text(answer_text(q))}</div>']
    weighted = weighted_lines(q)
    if weighted:
        items = "".join(f"<li>{_text(line)}</li>" for line in weighted)
        parts.append(f'<ul class="weighted">{items}</ul>')
    if q.explanation:
        parts.append(f'<div class="explanation">{_text(q.explanation)}</div>')
    return "".join(parts)


def _model(pack: Pack) -> genanki.Model:
    import genanki

    return genanki.Model(
        stable_id("model", pack.id),
        f"kopick-quiz: {pack.title}",
        fields=[{"name": "Front"}, {"name": "Back"}, {"name": "Id"}],
        templates=[
            {
                "name": "Card 1",
                "qfmt": "{{Front}}",
                "afmt": '{{FrontSide}}<hr id="answer">{{Back}}',
            }
        ],
        css=_CSS,
    )


def build_deck(pack: Pack) -> genanki.Deck:
    """The pack as a genanki deck."""
    import genanki

    model = _model(pack)
    deck = genanki.Deck(stable_id("deck", pack.id), pack.title, description=html.escape(pack.description))
    for q in pack.questions:
        tags = [t.replace(" ", "_") for t in (*q.tags, q.type) if t.strip()]
        deck.add_note(
            genanki.Note(model=model, fields=[front(q), back(q), q.id], tags=tags, guid=note_guid(q.id))
        )
    return deck


def export_apkg(pack: Pack, timestamp: float | None = None) -> Exported:
    """The pack as the bytes of an `.apkg` file, and notes (none: every question fits a card)."""
    import genanki

    package = genanki.Package(build_deck(pack))
    stamp = time.time() if timestamp is None else timestamp
    # genanki's own write_to_file leaves its temporary database behind; build it in a folder we remove.
    with tempfile.TemporaryDirectory(prefix="kopick-apkg-") as folder:
        db_path = Path(folder) / "collection.anki2"
        conn = sqlite3.connect(db_path)
        try:
            package.write_to_db(conn.cursor(), stamp, itertools.count(int(stamp * 1000)))
            conn.commit()
        finally:
            conn.close()
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
            out.write(db_path, "collection.anki2")
            out.writestr("media", "{}")
    return Exported(buffer.getvalue(), len(pack), [])


register(Format("apkg", (".apkg",), export=export_apkg))
