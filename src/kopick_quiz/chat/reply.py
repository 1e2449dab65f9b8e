"""What the bot hands back (`Reply`), what a conversation remembers (`Memory`), and what one
answer tells the conversation besides its reply (`Outcome`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Kind = Literal["answer", "clarify", "unknown"]


@dataclass(frozen=True)
class Reply:
    """The bot's answer: plain text built only from facts, and the sources it rests on."""

    text: str
    sources: tuple[str, ...]  # titles of the sources the answer rests on
    subject: str | None  # id of the entity the reply is about, for follow-ups
    kind: Kind

    def cited(self) -> str:
        """The text with its sources on a last line, for shells that print one string."""
        if not self.sources:
            return self.text
        return f"{self.text}\nSource: {'; '.join(self.sources)}"


@dataclass
class Memory:
    """What a conversation remembers between questions."""

    film: str | None = None
    person: str | None = None
    subject: str | None = None
    cues: frozenset[str] = frozenset()
    recent: tuple[str, ...] = ()  # what the last reply named, its subject first
    screen: tuple[str, ...] = ()  # what the quiz question on screen is about

    def context(self) -> tuple[str, ...]:
        """Everything "it", "they" or "the ban" may point back to, the likeliest first."""
        found = [e for e in (self.subject, *self.recent, self.film, self.person, *self.screen) if e]
        return tuple(dict.fromkeys(found))


@dataclass(frozen=True)
class Outcome:
    reply: Reply
    named: tuple[str, ...] = ()  # entities the reply names, for "he" / "it" next time
    cues: frozenset[str] = frozenset()  # the relation asked about, for "and Tyrant?"
    options: tuple[str, ...] = ()  # when clarifying: the entities to choose from
    ambiguous_at: int | None = None  # when clarifying: the token where the ambiguous name starts
    asked: tuple[str, ...] = ()  # the entities the question was about
