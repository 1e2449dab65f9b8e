"""The answerer: a parsed question and the fact base in, a `Reply` out.

It reads the question (which names mean what, what "it" or "the studio" points back to, which
words no name explains), then walks the recipe book (`recipes/`) for the recipe that answers it
and lets the recipe word the answer. What no recipe covers is looked up in the base's own
sentences; when the base lacks the fact asked for, the reply says "I don't know" and what the
base does hold instead.
"""

from __future__ import annotations

from collections.abc import Sequence

from .brain import Brain, Question
from .compose import MAX_OPTIONS, Answer, character_words
from .intents import FESTIVAL_WORDS, PRONOUNS, RELATION_CUES, cues_of, role_of, words
from .linking import CUE, NUMBER, YEAR, Mention
from .recipes import Ask, entity_recipe_for, film_cues, film_relation_for, listing
from .recipes.source import ARTICLE_WORDS
from .reply import Memory, Outcome
from .retrieval import MIN_COVERAGE, Passage, stem, stems
from .wording import count

MAX_PER_QUESTION = 3  # films answered about in one question ("who directed A and B?")

# Cues that ask about one film (each film relation names its own): with them, an ambiguous
# name is read as a film's.
_FILM_CUES = film_cues()
# Cues that need a named film or person to make sense: an unknown name with them is unknown.
_SUBJECT_CUES = _FILM_CUES | {"spouse", "died", "founded", "nationality", "card_about"}
_KIND_WORDS = {
    "film": "film",
    "movie": "film",
    "person": "person",
    "actor": "person",
    "actress": "person",
    "director": "person",
    "studio": "organisation",
    "company": "organisation",
    "country": "country",
    "place": "place",
    "city": "place",
    "festival": "festival",
    "event": "event",
}
_DETERMINERS = frozenset({"the", "that", "this", "those", "these"})
# "the studio", "that film": the kind of entity a noun after a determiner points back to.
_KIND_NOUNS = {
    "film": "film",
    "movie": "film",
    "studio": "organisation",
    "company": "organisation",
    "festival": "festival",
    "event": "event",
    "period": "event",
    "era": "event",
    "exam": "term",
}
_QUESTION_STEMS = frozenset({"happen", "happened"})
# Cue words that say how a question is put, not what it is about: left out of a search.
_INTENT_WORDS = words(
    "who whom whose what which when where film films movie movies list name names tell about story plot "
    "describe explain information info overview mean means meaning stand stands refer refers define"
)


class _Answerer(Answer):
    """Reads one question and picks the recipe that answers it."""

    # -- the question ---------------------------------------------------------------------------
    def run(self) -> Outcome:
        q = self.question
        if not q.tokens:
            return self.unknown(
                "I don't know what to answer to that: ask about a film, a person, a company or a place "
                "in the fact base, for example “Who directed The Medium?”."
            )
        cues = q.cues
        if q.follow_up and not (cues & RELATION_CUES) and self.memory.cues:
            cues = cues | self.memory.cues

        resolved: list[str] = []
        partial: list[tuple[Mention, tuple[str, ...]]] = []
        for mention in q.mentions:
            ids = self.narrow(mention, cues)
            if mention.partial:
                partial.append((mention, ids))
            elif len(ids) == 1:
                if ids[0] not in resolved:
                    resolved.append(ids[0])
            else:
                return self.clarify(mention, ids)
        if "cast" in cues and not any(self.brain.kind(e) == "film" for e in resolved):
            # "Who played Woo-in?": a character's name stands for its film (and is no surname).
            films, span = self.brain.character_films([t.text for t in q.tokens])
            if films:
                resolved.extend(f for f in films if f not in resolved)
                partial = [(m, ids) for m, ids in partial if m.end <= span[0] or m.start >= span[1]]
        named_films = [e for e in resolved if self.brain.kind(e) == "film"]
        credited = {e for film_id in named_films for e in self._credited(film_id)}
        for mention, ids in partial:
            if named_films:
                # Beside a film, a surname alone names someone credited on it: "did Kim star in
                # Tyrant?" (several: the film's answer covers them; none: it was not a name).
                ids = tuple(e for e in ids if e in credited)
            elif len(ids) > 1 and resolved:
                continue  # another name in the question is enough to answer
            if len(ids) > 1 and not named_films:
                return self.clarify(mention, ids)
            if len(ids) == 1 and ids[0] not in resolved:
                resolved.append(ids[0])

        self._festival_of_place(resolved)
        resolved.extend(e for e in self.from_context(resolved) if e not in resolved)
        if self.pointers:  # "where is the company from": "company" pointed back; it asks for no companies
            kept = [w for w in q.residue if w not in self.pointers]
            cues = cues_of(kept) | (cues & self.memory.cues if q.follow_up else frozenset())
        for film_id in [e for e in resolved if self.brain.kind(e) == "film"]:
            # "how old was the girl in Mr. Go": words of a character's description ask for the cast.
            words = {
                w for c in self.brain.film(film_id).cast if c.character for w in character_words(c.character)
            }
            if words & set(self.unknown_words):
                self.unknown_words = [w for w in self.unknown_words if w not in words]
                cues = cues | {"cast"}
        if not resolved and (cues & {"source"} or self._names_the_article()):
            return self.about_source(cues)
        if self.unknown_words:
            found = self.retrieve(resolved, cues)
            if isinstance(found, Outcome):
                return found
            if found is not None and found not in resolved:
                resolved.append(found)  # a description that names an entity: "the ban on Japanese culture"
        if self._why() and len(resolved) == 1:
            return self.reasons(resolved[0], cues)

        films = [e for e in resolved if self.brain.kind(e) == "film"]
        others = [e for e in resolved if self.brain.kind(e) != "film"]
        kinds = {self.brain.kind(e) for e in others}
        # "Did he direct Okja?", "Did Bong Joon Ho direct it?": a pronoun fills the other side.
        pronoun_kind = _pronoun_kind(q.pronoun)
        if films and "person" not in kinds and pronoun_kind == "person" and self.memory.person:
            others.append(self.memory.person)
        if others and not films and pronoun_kind == "film" and self.memory.film and q.yes_no:
            films.append(self.memory.film)

        if not resolved:
            filtered = bool(q.years or q.decades or q.genres)
            if self.unknown_words and not q.pronoun and (cues & _SUBJECT_CUES - {"release"} or not filtered):
                return self.not_known(self.unknown_words, cues)
            if filtered and not q.pronoun:
                return listing(self, [], cues)
            context = self.from_memory(pronoun_kind)
            if context is None:
                return self.not_known(self.unknown_words, cues)
            if q.pronoun is None and not (cues & RELATION_CUES) and not q.follow_up:
                return self.not_known(self.unknown_words, cues)
            if self.brain.kind(context) == "film":
                films = [context]
            else:
                others = [context]

        self.asked = [*films, *others]
        alone = len(films) + len(others) == 1 and not (q.years or q.decades or q.genres)
        if self.unknown_words and alone and not cues & RELATION_CUES:
            return self.unasked(films, others, cues)
        if films:
            return self.about_films(films, others, cues)
        return self.about_entity(others, cues)

    def _festival_of_place(self, resolved: list[str]) -> None:
        """ "The Bucheon film festival": a place named with the word festival, when it holds one
        festival, is that festival (the place alone would list the films shot there)."""
        if not FESTIVAL_WORDS & {t.text for t in self.question.tokens}:
            return
        for entity_id in list(resolved):
            if self.brain.kind(entity_id) != "place":
                continue
            held = self.brain.festivals_by_place.get(entity_id, [])
            if len(held) == 1:
                if held[0].id in resolved:
                    resolved.remove(entity_id)
                else:
                    resolved[resolved.index(entity_id)] = held[0].id

    # -- context, the article, retrieval --------------------------------------------------------
    def from_context(self, resolved: list[str]) -> list[str]:
        """What "the ban", "that crisis" or "the studio" points back to: an entity the last reply
        or the question on screen is about whose name holds the word, or which is of that kind."""
        context = [e for e in self.memory.context() if e not in resolved]
        if not context:
            return []
        tokens = self.question.tokens
        found: list[str] = []
        kinds = {self.brain.kind(e) for e in resolved}
        for p, token in enumerate(tokens[:-1]):
            if token.text not in _DETERMINERS:
                continue
            word = tokens[p + 1].text
            if word in self.unknown_words:
                key = stem(word)
                for entity_id in context:
                    held = self.brain.name_stems(entity_id)
                    if key in held:
                        found.append(entity_id)
                        self.unknown_words = [w for w in self.unknown_words if stem(w) not in held]
                        break
            elif word in _KIND_NOUNS and _KIND_NOUNS[word] not in kinds:
                match = next((e for e in context if self.brain.kind(e) == _KIND_NOUNS[word]), None)
                if match is not None:
                    found.append(match)
                    kinds.add(_KIND_NOUNS[word])
                    self.pointers.add(word)
        return found

    def _names_the_article(self) -> bool:
        words = [t.text for t in self.question.tokens]
        joined = f" {' '.join(words)} "
        return bool(ARTICLE_WORDS & set(words)) or " ko pick " in joined or " kopick " in joined

    def about_source(self, cues: frozenset[str]) -> Outcome:
        sources = self.base.facts.sources
        return self._entity("source", sources[0].id, [], cues)

    def retrieve(self, resolved: list[str], cues: frozenset[str]) -> Outcome | str | None:
        """The base's sentences for the words no name accounts for.

        An entity whose name holds them all is returned to be answered about ("the ban on
        Japanese culture" is the lifting of that ban); sentences that hold enough of them
        answer; too few: None, and the nearest sentence is kept to offer.
        """
        q = self.question
        # The words no name accounts for, with the cue words, numbers and years around them:
        # "when did Korean films reach 100 million admissions".
        topic = [t.text for t in q.tokens if t.cls in (CUE, NUMBER, YEAR) and t.text not in _INTENT_WORDS]
        loose = {stem(w) for w in self.unknown_words} - _QUESTION_STEMS
        passages = self.brain.sentences.search(
            [*self.unknown_words, *topic], resolved, self.memory.context(), required=self.unknown_words
        )
        passages = [p for p in passages if len(p.matched & loose) * 2 >= len(loose)]
        if not passages:
            return None
        top = passages[0]
        words = [w for w in self.unknown_words if w not in _QUESTION_STEMS]
        for passage in passages:
            if passage.entity in resolved or self.brain.kind(passage.entity) == "film":
                continue
            held = self.brain.name_stems(passage.entity)
            if words and all(stem(w) in held for w in words):
                self.unknown_words = []
                # "Japanese" in "the ban on Japanese culture" is part of the description, not a name.
                for mention in self.question.mentions:
                    span = " ".join(t.text for t in self.question.tokens[mention.start : mention.end])
                    if all(s in held for s in stems(span)):
                        resolved[:] = [e for e in resolved if e not in mention.ids]
                resolved.insert(0, passage.entity)
                return passage.entity
        if top.coverage < MIN_COVERAGE:
            self.offer = passages[:1]
            return None
        # "Korean studios", "in Bucheon": a country or a place modifies what is asked about.
        subjects = [e for e in resolved if self.brain.kind(e) not in ("country", "place")]
        if subjects and cues & RELATION_CUES - {"list"} and not self._why():
            self.offer = passages[:1]
            return None  # "who played the composer in ...": the relation answers, not a sentence
        answered = [p for p in passages if p.coverage >= MIN_COVERAGE]
        said_of = any(p.entity in subjects for p in answered)
        if subjects and not said_of and not (self._why() and loose <= top.matched):
            self.offer = passages[:1]
            return None  # the words fit, but said of something else than what the question names
        return self.passages(passages, cues)

    def passages(self, passages: list[Passage], cues: frozenset[str]) -> Outcome:
        """The best sentences, each said of what it is about."""
        best = passages[0]
        kept = [p for p in passages if p.coverage >= MIN_COVERAGE and p.score >= best.score - 0.5][:3]
        lines = [self.sentence(p) for p in kept]
        return self.reply("\n".join(lines), best.entity, "answer", cues)

    def _why(self) -> bool:
        return any(t.text in ("why", "reason", "reasons") for t in self.question.tokens)

    def reasons(self, entity_id: str, cues: frozenset[str]) -> Outcome:
        """A "why" question about one thing: what the base says of it (its notes hold the reasons)."""
        item = self.base.by_id[entity_id]
        self.cite(entity_id)
        name = self.name(entity_id)
        said = [getattr(item, "summary", None) or getattr(item, "definition", None) or ""]
        said += list(getattr(item, "notes", ()))
        said = [s for s in said if s]
        if not said:
            return self.about_entity([entity_id], cues)
        text = f"The fact base gives no reason in so many words; here is what it says about {name}:\n"
        return self.reply(text + "\n".join(said), entity_id, "answer", cues)

    def unasked(self, films: list[str], others: list[str], cues: frozenset[str]) -> Outcome:
        """A name with words about it the base cannot answer ("the capital of France")."""
        outcome = self.about_films(films[:1], others, cues) if films else self.about_entity(others, cues)
        subject = films[0] if films else others[0]
        words = " ".join(self.unknown_words[:8])
        name = self.name(subject)
        text = (
            f"I don't know about “{words}” for {name}: the fact base does not say. "
            f"What it holds about {name}:\n{outcome.reply.text}"
        )
        return self.unknown(text, subject, cues)

    def narrow(self, mention: Mention, cues: frozenset[str]) -> tuple[str, ...]:
        """The entities a mention can mean here: a year, the kind the question asks about."""
        if mention.start in self.forced:
            return (self.forced[mention.start],)
        ids = mention.ids
        if len(ids) == 1:
            return ids
        kind = self.brain.kind
        films = [e for e in ids if kind(e) == "film"]
        years = set(self.question.years)
        if films and years:
            dated = [e for e in films if self.years_of(e) & years]
            if dated:
                return tuple(dated)
        preferred: set[str] = set()
        if cues & {"list", "make", "count", "founded"}:
            preferred = {"person", "organisation", "country", "place", "festival", "event"}
        elif cues & {"spouse", "died", "nationality", "people"}:
            preferred = {"person"}
        elif cues & _FILM_CUES:
            preferred = {"film"}
        kept = tuple(e for e in ids if kind(e) in preferred) if preferred else ids
        ids = kept or ids
        role = role_of(cues)
        people = [e for e in ids if kind(e) == "person"]
        if role and len(people) == len(ids):
            credited = tuple(e for e in ids if any(r == role for r, _ in self.base.credits_of.get(e, ())))
            ids = credited or ids
        return ids

    def _credited(self, film_id: str) -> set[str]:
        """The people and companies credited on a film."""
        film = self.brain.film(film_id)
        people = [
            *film.directors,
            *film.producers,
            *film.writers,
            *film.cinematographers,
            *film.art_directors,
        ]
        return {*people, *(c.person for c in film.cast), *(c.organisation for c in film.companies)}

    def from_memory(self, pronoun_kind: str | None) -> str | None:
        if pronoun_kind == "film":
            # "it" is the last thing talked about unless that was a person: an event, a studio ...
            subject = self.memory.subject
            if subject is not None and self.brain.kind(subject) not in ("person", "film"):
                return subject
            return self.memory.film or subject
        if pronoun_kind == "person":
            return self.memory.person or self.memory.subject
        return self.memory.subject

    # -- clarify ------------------------------------------------------------------------------------
    def clarify(self, mention: Mention, ids: Sequence[str]) -> Outcome:
        shown = [self.describe(e) for e in ids[:MAX_OPTIONS]]
        numbered = [f"{i}) {label}" for i, label in enumerate(shown, 1)]
        rest = len(ids) - len(shown)
        tail = f", or one of {count(rest, 'other')} — type more of the name" if rest else ""
        words = " ".join(t.text for t in self.question.tokens[mention.start : mention.end])
        text = (
            f"“{words}” could mean several things in the fact base. Which one do you mean? "
            f"{'; '.join(numbered)}{tail}. Answer with a number or more of the name."
        )
        outcome = self.reply(text, None, "clarify")
        return Outcome(outcome.reply, (), outcome.cues, tuple(ids), mention.start)

    # -- the recipes ----------------------------------------------------------------------------
    def about_films(self, films: list[str], others: list[str], cues: frozenset[str]) -> Outcome:
        """A fact about each film named (up to three), by the film relation the question asks for."""
        kinds = frozenset(self.brain.kind(e) for e in others)
        relation = film_relation_for(Ask(cues, self.question, kinds))
        texts: list[str] = []
        missing = True
        for film_id in films[:MAX_PER_QUESTION]:
            film = self.brain.film(film_id)
            self.cite(film_id)
            text, values, found = relation.answer(self, film, others)
            if found and self.question.yes_no and relation.verdict is not None:
                yes = relation.verdict(self, film, values, others)
                if yes is not None:
                    text = ("Yes. " if yes else "No. ") + text
            texts.append(text)
            missing = missing and not found
        subject = films[min(len(films), MAX_PER_QUESTION) - 1]
        text = "\n".join(texts)
        if missing:
            return self.unknown(text, subject, cues)
        return self.reply(text, subject, "answer", cues)

    def about_entity(self, entities: list[str], cues: frozenset[str]) -> Outcome:
        """A question about the first entity named (not a film), by the recipe of its kind."""
        subject = entities[0]
        kind = self.brain.kind(subject)
        self.cite(subject)
        return self._entity(kind, subject, entities, cues)

    def _entity(self, kind: str, subject: str, entities: list[str], cues: frozenset[str]) -> Outcome:
        recipe = entity_recipe_for(kind, Ask(cues, self.question), self.base.by_id[subject])
        return recipe.answer(self, subject, entities, cues)


def _pronoun_kind(pronoun: str | None) -> str | None:
    return PRONOUNS.get(pronoun) if pronoun else None


def kind_words() -> dict[str, str]:
    """Words naming a kind of entity ("the film", "the studio"), for answering a clarification."""
    return dict(_KIND_WORDS)


def respond(
    brain: Brain, question: Question, memory: Memory, forced: dict[int, str] | None = None
) -> Outcome:
    """Answer a parsed question from the fact base, given what the conversation remembers."""
    return _Answerer(brain, question, memory, dict(forced or {})).run()
