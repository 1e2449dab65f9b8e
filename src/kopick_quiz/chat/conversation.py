"""A conversation with the bot: questions in, sourced replies out, follow-ups understood."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..facts.base import FactBase
from ..progress import Progress, no_progress
from .answers import kind_words, respond
from .brain import Question, brain_for
from .linking import YEAR
from .reply import Memory, Outcome, Reply

_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7}


@dataclass(frozen=True)
class _Pending:
    """A clarification asked: the question, where its ambiguous name starts, the choices."""

    question: Question
    at: int
    options: tuple[str, ...]


class Conversation:
    """Answers questions one after another, remembering the film and person last named.

    `ask("Who directed The Medium?")`, then `ask("and who produced it?")` or
    `ask("what else did he direct?")`; after a clarifying question, `ask("2")` picks option 2.
    """

    def __init__(
        self, base: FactBase, progress: Progress = no_progress, index_dir: Path | None = None
    ) -> None:
        """`progress` follows the indexing of the base's names and sentences, the first time it is
        talked about; `index_dir` keeps the sentence index between runs (the compiled cache's folder)."""
        self.base = base
        self._brain = brain_for(base, progress, index_dir)
        self._memory = Memory()
        self._pending: _Pending | None = None

    @property
    def subject(self) -> str | None:
        """Id of the entity the conversation is about, if any."""
        return self._memory.subject

    def focus(self, entity_id: str | None, related: Iterable[str] = ()) -> None:
        """Make `entity_id` what "it", "he" or "she" refers to (the subject of a quiz question),
        and `related` (its tags: ids of what else it is about) what "the ban" or "the studio" may."""
        known = [e for e in related if e in self.base.by_id]
        if entity_id is not None and entity_id in self.base.by_id:
            known.insert(0, entity_id)
        if not known:
            return
        self._memory.screen = tuple(dict.fromkeys(known))
        self._memory.recent = ()
        first = known[0]
        kind = self.base.kind_of.get(first)
        self._memory.subject = first
        films = [e for e in known if self.base.kind_of.get(e) == "film"]
        people = [e for e in known if self.base.kind_of.get(e) == "person"]
        if films:
            self._memory.film = films[0]
        if people:
            self._memory.person = people[0]
        elif kind == "film":
            self._memory.person = None

    def ask(self, text: str) -> Reply:
        """The reply to one question (never raises for odd input; unknown things say so)."""
        pending, self._pending = self._pending, None
        if pending is not None:
            choice = self._choice(text, pending)
            if choice is not None:
                outcome = respond(self._brain, pending.question, self._memory, {pending.at: choice})
                return self._remember(pending.question, outcome)
        question = self._brain.parse(text)
        return self._remember(question, respond(self._brain, question, self._memory))

    def _remember(self, question: Question, outcome: Outcome) -> Reply:
        reply = outcome.reply
        if outcome.options:
            self._pending = _Pending(question, outcome.ambiguous_at or 0, outcome.options)
            return reply
        memory = self._memory
        kind = self.base.kind_of.get
        if reply.subject is not None:
            memory.subject = reply.subject
            if kind(reply.subject) == "film":
                memory.film = reply.subject
            elif kind(reply.subject) == "person":
                memory.person = reply.subject
        # "he" next is whom a yes-or-no question asked about ("did he direct Mr. Go?" "No, ...");
        # otherwise the person the answer named first ("who was his wife?" -> she).
        asked = [e for e in outcome.asked if kind(e) == "person"]
        people = [e for e in outcome.named if kind(e) == "person"]
        told = [p for p in people if p not in asked]
        if question.yes_no and asked:
            memory.person = asked[0]
        elif reply.subject is not None and kind(reply.subject) == "person":
            memory.person = reply.subject
        elif told or people:
            memory.person = (told or people)[0]
        films = [e for e in outcome.named if kind(e) == "film"]
        if len(films) == 1:
            memory.film = films[0]
        if outcome.cues:
            memory.cues = outcome.cues
        if reply.subject is not None or outcome.named:
            memory.recent = tuple(
                dict.fromkeys([*([reply.subject] if reply.subject else []), *outcome.named])
            )
        return reply

    def _choice(self, text: str, pending: _Pending) -> str | None:
        """The option a reply to a clarifying question picks: `2`, `the second`, `2005`, a name."""
        options = pending.options
        tokens = self._brain.linker.tokens(text)
        words = [t.text for t in tokens]
        for word in words:
            number = int(word) if word.isdigit() and len(word) <= 2 else _ORDINALS.get(word)
            if number is not None and 1 <= number <= len(options):
                return options[number - 1]
            if word == "last":
                return options[-1]
        years = {int(t.text) for t in tokens if t.cls == YEAR and t.text.isdigit()}
        if years:
            dated = [o for o in options if getattr(self.base.by_id[o], "year", None) in years]
            if len(dated) == 1:
                return dated[0]
        for mention in self._brain.linker.link(tokens):
            chosen = [e for e in mention.ids if e in options]
            if len(chosen) == 1:
                return chosen[0]
        kinds = {kind_words()[w] for w in words if w in kind_words()}
        of_kind = [o for o in options if self.base.kind_of[o] in kinds]
        if len(of_kind) == 1:
            return of_kind[0]
        return None


def answer_question(base: FactBase, text: str, context: Conversation | None = None) -> Reply:
    """Answer one question; pass a `Conversation` to resolve follow-ups against its history."""
    return (context or Conversation(base)).ask(text)
