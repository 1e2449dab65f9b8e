"""The bot that answers `?` questions during a quiz: one conversation, focused on the quiz."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ...chat import Conversation
    from ...library import Library
    from ...questions import Question


class Bot:
    """One conversation per app, asked from worker threads one question at a time."""

    def __init__(self) -> None:
        self._conversation: Conversation | None = None
        self._focused: str | None = None  # the quiz question it was last pointed at
        self._lock = threading.Lock()

    def ask(self, library: Library | None, text: str, question: Question | None) -> str:
        """The bot's answer to `text` (on a worker thread), with its source."""
        from ...chat import Conversation

        if library is None:
            return "One moment: the facts are still loading."
        with self._lock:  # one conversation, one question at a time
            if self._conversation is None:
                self._conversation = Conversation(library.base, index_dir=library.cache_dir)
            # "Who directed it?", "what was the ban about?" are about the quiz's question, until
            # the student names another thing.
            if question is not None and question.id != self._focused:
                self._conversation.focus(question.subject, question.tags)
                self._focused = question.id
            return self._conversation.ask(text).cited()
