"""`grade(question, text, lexicon)`: where a typed answer is judged, one rule set per question type.

Each question is compiled once (its accepted forms, its rivals, its numbers) and kept in the
lexicon, keyed by question id; grading a typed answer is then a few dictionary look-ups, or a
per-part comparison when the answer is not spelled as the facts spell it.

Rules that are ours to choose, written down:
- close scores 0.9 (`verdict.CLOSE_SCORE`);
- multi: each answer found earns 1 (0.9 if misspelled), each wrong extra costs 0.5, the score is
  what is left over the number of answers (never below 0);
- order: the score is (the longest run of items in the right relative order - 1) / (items - 1),
  so a reversed order earns 0 and one item out of place loses little;
- choice: typed text that is exactly an option's text wins over reading it as an option number.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ..questions import Question
from ..text import normalise
from . import verdict as v
from .compare import DISJUNCTIONS, FILLER, Candidates, Found, Hit, Mention
from .lexicon import Lexicon
from .names import Form, span, squash
from .numbers import numbers, parse_number, show
from .verdict import CLOSE_SCORE, Verdict
from .weights import weigh

MAX_CHARS = 300  # a sentence around an answer fits; anything longer is not an answer
EXTRA_COST = 0.5
_MEMO = 4096  # verdicts kept per question for answers that are one name, exactly or not

_LIST_SEPARATORS = re.compile(r"[,;&/+\n|]|\s+and\s+|\s+plus\s+", re.IGNORECASE)
_ORDER_SEPARATORS = re.compile(r"[,;\n|>→]|->|=>|\s+then\s+|\s+and\s+", re.IGNORECASE)
_OPTION = re.compile(r"(?:(?:option|answer|choice|number|no|letter)\s+)?(\d{1,2}|[a-z])")
# The words that make a list item a sentence about the answer rather than another name: filler
# but for the nouns a name may hold (`Studio Ghibli`, `Director Park`).
_NAME_NOUNS = "film movie studio company festival person director actor actress country city place guy"
_SENTENCE_WORDS = FILLER - frozenset(_NAME_NOUNS.split())
_WORD = re.compile(r"[a-z]+")
_LEADING_ARTICLE = re.compile(r"^\W*(?:the|an?)\s+", re.IGNORECASE)  # `The Host` is a name
_POSSESSIVE = re.compile(r"['\u2019]s\b")
_TRUE = frozenset({"true", "t", "yes", "y", "correct", "right"})
_FALSE = frozenset({"false", "f", "no", "n", "wrong", "incorrect", "untrue"})


def grade(question: Question, text: str, lexicon: Lexicon) -> Verdict:
    """Judge `text` as an answer to `question`; never raises on any text."""
    text = text if isinstance(text, str) else ""
    verdict = compile_question(question, lexicon).grade(text)
    if question.weighted or question.otherwise:  # answers worth a share of the points (weights.py)
        verdict = weigh(question, text, verdict, lexicon, compile_question)
    return verdict


def compile_question(question: Question, lexicon: Lexicon) -> _Grader:
    """The compiled grader of a question, built on first use and kept in the lexicon."""
    cached = lexicon.compiled.get(question.id)
    if cached is not None and (cached[0] is question or cached[0] == question):
        return cached[1]
    kind = {
        "short": _Short,
        "multi": _Multi,
        "number": _Number,
        "year": _Number,
        "choice": _Choice,
        "truefalse": _TrueFalse,
        "order": _Order,
    }.get(question.type, _Short)
    grader = kind(question, lexicon)
    lexicon.compiled[question.id] = (question, grader)
    return grader


class _Grader:
    """What every question type shares: the checks on raw input, the feedback, the candidates."""

    expected: str
    kinds: frozenset[str] = frozenset()  # the kinds of thing the answer is (person, film...)

    def __init__(self, question: Question, lexicon: Lexicon) -> None:
        self.q = question
        self.lexicon = lexicon
        self.expected = question.answers[0] if question.answers else ""
        self.wrong_feedback: dict[str, str] = {}
        self.option_of: dict[str, int] = {}
        self.taught: dict[str | None, str] = {}

    def grade(self, text: str) -> Verdict:
        if not self.q.answers:
            return v.incorrect("", "This question has no answer to compare with")
        stripped = text.strip()
        if len(stripped) > MAX_CHARS:
            return v.incorrect(
                self.expected, "That is too long to be an answer; type just the answer", self.answer_is()
            )
        words = normalise(stripped).split() if stripped else []
        if not words:
            return v.incorrect(self.expected, "No answer was given", self.answer_is())
        verdict = self.judge(stripped, words)
        if verdict.verdict != "correct" and ("'s" in stripped or "\u2019s" in stripped):
            plain = _POSSESSIVE.sub("", stripped)  # `Kim Ki-young's`, but `Midsummer's` is a title
            again = self.judge(plain, normalise(plain).split())
            if again.score > verdict.score:
                return again
        return verdict

    def judge(self, text: str, words: list[str]) -> Verdict:
        raise NotImplementedError

    def answer_is(self) -> str:
        return f"The answer is {self.expected}"

    def teach(self, entity: str | None = None) -> str:
        """The fact behind the answer: the question's explanation, else what the facts say of it."""
        taught = self.taught.get(entity)
        if taught is None:
            taught = self.taught[entity] = self._teach(entity)
        return taught

    def _teach(self, entity: str | None) -> str:
        if self.q.explanation:
            return self.q.explanation
        about = self.lexicon.about.get(entity) if entity else None
        return f"{self.lexicon.label(entity)}: {about}" if about and entity else ""

    def feedback_for(self, owner: str) -> str | None:
        """The question's own feedback for a wrong answer it anticipated, if this is one."""
        return self.wrong_feedback.get(owner)

    # -- building candidates ----------------------------------------------------------------------
    def targets(self, answers: Sequence[str]) -> tuple[list[list[Form]], frozenset[str]]:
        """The accepted forms of each answer (with its aliases from the facts) and their kinds."""
        lexicon = self.lexicon
        forms: list[list[Form]] = []
        kinds: set[str] = set()
        for i, answer in enumerate(answers):
            entities = self._entities(answer)
            found: list[Form] = []
            for entity in entities:
                found.extend(lexicon.forms_of[entity])
                kinds.add(lexicon.kind_of[entity])
            if not entities:
                found.append(Form.of(answer, f"answer:{i}"))
            forms.append(found)
        for extra in self.q.accept if forms else ():
            # an accepted spelling belongs to the answer whose entity it names, else to the first
            entities = self._entities(extra)
            owner_of = {f.owner: i for i, fs in enumerate(forms) for f in fs}
            index = next((owner_of[e] for e in entities if e in owner_of), 0)
            for entity in entities:
                if entity not in owner_of:  # another entity the author accepts: all its names
                    forms[index].extend(lexicon.forms_of[entity])
            if not entities:
                owner = forms[index][0].owner if forms[index] else f"answer:{index}"
                forms[index].append(Form.of(extra, owner, main=False))
        if self.q.kind:
            kinds = {self.q.kind}
        return forms, frozenset(kinds)

    def _entities(self, text: str) -> tuple[str, ...]:
        entities = self.lexicon.entities(text)
        if self.q.kind and len(entities) > 1:
            of_kind = tuple(e for e in entities if self.lexicon.kind_of.get(e) == self.q.kind)
            return of_kind or entities
        return entities

    def rivals(self, others: Sequence[tuple[int, str]]) -> list[Form]:
        """What the answer must not be confused with beyond its kinds' names: the other options,
        the wrong answers that have feedback (the kinds' names come from the lexicon's index).

        `others` holds (index, text) of the question's other options.
        """
        out: list[Form] = []
        for j, other in others:
            entities = self.lexicon.entities(other)
            for entity in entities:
                out.extend(self.lexicon.forms_of[entity])
                self.option_of.setdefault(entity, j)
            if not entities:
                out.append(Form.of(other, f"option:{j}"))
                self.option_of[f"option:{j}"] = j
        for k, (wrong, text) in enumerate(self.q.feedback):
            entities = self.lexicon.entities(wrong)
            for entity in entities:
                out.extend(self.lexicon.forms_of[entity])
                self.wrong_feedback[entity] = text
            if not entities:
                out.append(Form.of(wrong, f"wrong:{k}"))
                self.wrong_feedback[f"wrong:{k}"] = text
        return out

    def describe(self, mention: Mention) -> str:
        """`Shaw Brothers is another organisation` — what a wrong name names."""
        owner = mention.form.owner
        kind = self.lexicon.kind_of.get(owner)
        name = self.lexicon.labels.get(owner, mention.form.text)
        if kind is None:
            return f"{mention.form.text} is another answer, not this one"
        if kind in self.kinds:
            return f"{name} is another {kind}"
        article = "an" if kind[0] in "aeiou" else "a"
        return f"{name} is {article} {kind}, not the answer"


def _hedged(text: str, words: list[str], found: Found) -> bool:
    """A choice between several answers: `Prague or Vienna`, `Shaw/Huayi Brothers`."""
    if not found.leftover:
        return False
    return "/" in text or any(w in DISJUNCTIONS for w in words)


def _best(hits: list[Hit]) -> Hit:
    return min(hits, key=lambda h: (not h.exact, h.typos, h.score))


class _Short(_Grader):
    def __init__(self, question: Question, lexicon: Lexicon) -> None:
        super().__init__(question, lexicon)
        forms, self.kinds = self.targets(question.answers[:1] or ("",))
        # Any one answer is right (`Name one of ...`): every answer's forms stand for one target;
        # which answer a form spells is kept for the feedback.
        self.answer_of: dict[str, int] = {f.owner: 0 for f in forms[0]}
        for k, extra in enumerate(question.answers[1:], start=1):
            more, kinds = self.targets((extra,))
            for form in more[0]:
                if form.owner.startswith("answer:"):
                    form = replace(form, owner=f"answer:{k}")
                self.answer_of.setdefault(form.owner, k)
                forms[0].append(form)
            self.kinds |= kinds
        self.entity = next((f.owner for f in forms[0] if f.owner in lexicon.kind_of), None)
        self.squashed = [squash(a) for a in question.answers]
        others = [
            (j, c)
            for j, c in enumerate(question.choices)
            if normalise(c) not in map(normalise, question.answers)
        ]
        self.candidates = Candidates(forms, self.rivals(others), lexicon, self.kinds)
        self.memo: dict[str, Verdict] = {}  # verdicts of answers that were one name (see judge)
        self.parts_of: list[tuple[tuple[str, ...], frozenset[str], list[str]]] | None = None
        self.accepted: dict[tuple[int, bool], Verdict] = {}
        self.missed = v.incorrect(self.expected, v.sentences(self.answer_is()), self.teach(self.entity))
        # The verdict of each accepted spelling, worked out once.
        self.known = {
            form.squashed: self.verdict("", list(form.parts), self.candidates.search(form.parts))
            for _, form in self.candidates.forms
        }

    def answer_is(self) -> str:
        answers = self.q.answers
        if len(answers) > 1:
            return f"Any one of {_join(answers).replace(' and ', ' or ')} is right"
        return super().answer_is()

    def judge(self, text: str, words: list[str]) -> Verdict:
        key = "".join(words)
        known = self.known.get(key) or self.memo.get(key) or self.memo.get("\0" + text)
        if known is not None:
            return known
        found = self.candidates.search(words, text=text)
        verdict = self.verdict(text, words, found)
        if len(self.memo) < _MEMO:
            if found.whole:  # one exact name: the verdict depends on nothing else
                self.memo[key] = verdict
            elif found.one_name:  # one name, misspelt or not this one: on this text alone
                self.memo["\0" + text] = verdict
        return verdict

    def verdict(self, text: str, words: list[str], found: Found) -> Verdict:
        expected = self.expected
        teach = self.teach(self.entity)
        if found.rivals:
            rival = found.rivals[0]
            anticipated = self.feedback_for(rival.form.owner)
            if found.hits:
                if _LIST_SEPARATORS.search(text):
                    lead = _not_a_list(
                        [self.lexicon.labels.get(r.form.owner, r.form.text) for r in found.rivals]
                    )
                else:
                    lead = f"Give one answer: you named both {found.hits[0].form.text} and {rival.form.text}"
                return v.incorrect(expected, v.sentences(lead, self.answer_is()), anticipated or teach)
            lead = anticipated or self.describe(rival)
            return v.incorrect(expected, v.sentences(lead, self.answer_is()), teach)
        if not found.hits:
            if found.negated:
                return v.incorrect(expected, f"You ruled out the answer: it is {expected}", teach)
            near = self.candidates.near(found)
            if near is not None:
                owner = near.form.owner
                lead = (
                    self.feedback_for(owner)
                    or f"That looks like {self.lexicon.labels.get(owner, near.form.text)}"
                )
                return v.incorrect(expected, v.sentences(lead, self.answer_is()), teach)
            why = self._miss(words)
            return v.incorrect(expected, v.sentences(why, self.answer_is()), teach) if why else self.missed
        if _hedged(text, words, found):
            return v.incorrect(
                expected,
                v.sentences("Give one answer, not a choice between several", self.answer_is()),
                teach,
            )
        if found.leftover and not found.whole and _LIST_SEPARATORS.search(text):
            wrong = self._wrong_items(text)
            if wrong:  # `Sogang University, KAIST, Yonsei University`: a list of guesses
                return v.incorrect(expected, v.sentences(_not_a_list(wrong), self.answer_is()), teach)
        hit = _best(found.hits)
        k = self.answer_of.get(hit.form.owner, 0)
        answer = self.q.answers[k]
        if k:  # another answer of a `Name one` question: the fact behind that one
            teach = self.teach(hit.form.owner if hit.form.owner in self.lexicon.kind_of else self.entity)
        if hit.exact:
            if hit.form.squashed == self.squashed[k] or hit.form.text == answer:
                return v.correct(answer, f"Correct: {answer}", teach)
            if hit.form.squashed in self.lexicon.adjectives:  # `Thai` for Thailand
                return v.correct(
                    answer, f"Correct: {answer} (you gave its adjective, {hit.form.text})", teach
                )
            return v.correct(answer, f"Correct: {answer}, also written {hit.form.text}", teach)
        return self._accepted(k, hit.typos == 0)

    def _accepted(self, k: int, respelled: bool) -> Verdict:
        """The close verdict for answer `k`: spelled another way, or misspelled."""
        verdict = self.accepted.get((k, respelled))
        if verdict is None:
            answer = self.q.answers[k]
            lead = (
                f"Accepted as another spelling; the form used here is {answer}"
                if respelled
                else f"Accepted, but check the spelling: {answer}"
            )
            entity = next(
                (e for e, j in self.answer_of.items() if j == k and e in self.lexicon.kind_of), None
            )
            verdict = self.accepted[k, respelled] = v.close(answer, lead, self.teach(entity or self.entity))
        return verdict

    def _wrong_items(self, text: str) -> list[str]:
        """The items of a typed list that name no answer: a name of the answer's kind, or a name
        the facts do not know (`KAIST`); not words of a sentence (`the one in Sinchon`), nor a
        name of another kind, read as a qualifier (`Shaw Brothers, Hong Kong`)."""
        wrong: list[str] = []
        candidates = self.candidates
        for chunk in _LIST_SEPARATORS.split(text):
            chunk_words = normalise(chunk).split()
            if not chunk_words:
                continue
            found = candidates.search(chunk_words, text=chunk)
            if found.hits:
                continue
            rivals = [r.form for r in found.rivals if candidates.counts_as_rival(r.form)]
            if rivals:
                wrong.append(self.lexicon.labels.get(rivals[0].owner, rivals[0].text))
            elif (
                not found.rivals
                and not _SENTENCE_WORDS.intersection(_WORD.findall(_LEADING_ARTICLE.sub("", chunk.lower())))
                and not all(map(candidates.apart, chunk_words))
            ):
                wrong.append(chunk.strip())
        return list(dict.fromkeys(wrong))

    def _miss(self, words: list[str]) -> str:
        """Why a miss missed, when it is worth saying: a part of the name, its syllables swapped."""
        typed = span(tuple(words))
        n = len(typed.keys)
        if self.parts_of is None:  # worked out on the first miss: most questions never see one
            self.parts_of = [
                (f.keys, frozenset(f.keys), sorted(f.keys))
                for _, f in self.candidates.forms
                if len(f.parts) > 1
            ]
        keys = frozenset(typed.keys)
        in_order = None
        for form_keys, parts, ordered in self.parts_of:
            if n < len(form_keys) and keys <= parts:
                return "Give the full name"
            if n == len(form_keys) and typed.keys != form_keys and keys == parts:
                in_order = in_order or sorted(typed.keys)
                if in_order == ordered:
                    return "Those are the right sounds in the wrong order, which makes another name"
        return ""


class _Multi(_Grader):
    def __init__(self, question: Question, lexicon: Lexicon) -> None:
        super().__init__(question, lexicon)
        self.expected = ", ".join(question.answers)
        forms, self.kinds = self.targets(question.answers)
        answers = {normalise(a) for a in question.answers}
        others = [(j, c) for j, c in enumerate(question.choices) if normalise(c) not in answers]
        self.candidates = Candidates(forms, self.rivals(others), lexicon, self.kinds)

    def answer_is(self) -> str:
        return f"The answers are {self.expected}"

    def judge(self, text: str, words: list[str]) -> Verdict:
        answers = self.q.answers
        credit: dict[int, float] = {}
        extras: list[str] = []
        for chunk in _LIST_SEPARATORS.split(text):
            chunk_words = normalise(chunk).split()
            if not chunk_words:
                continue
            found = self.candidates.search(chunk_words, every=True, text=chunk)
            for hit in found.hits:
                earned = 1.0 if hit.exact else CLOSE_SCORE
                credit[hit.target] = max(credit.get(hit.target, 0.0), earned)
            for rival in found.rivals:
                extras.append(self.lexicon.labels.get(rival.form.owner, rival.form.text))
            if not found.hits and not found.rivals and found.leftover:
                extras.append(chunk.strip())
        extras = list(dict.fromkeys(extras))
        n = len(answers)
        score = max(0.0, sum(credit.values()) - EXTRA_COST * len(extras)) / n
        named = [answers[i] for i in sorted(credit)]
        missed = [a for i, a in enumerate(answers) if i not in credit]
        wrong = f"{_join(extras)} {'is' if len(extras) == 1 else 'are'} not among them" if extras else ""
        teach = self.teach()
        if not missed and not extras:
            if all(c == 1.0 for c in credit.values()):
                return v.correct(self.expected, f"Correct: {self.expected}", teach)
            return v.close(self.expected, f"Accepted, but check the spelling: {self.expected}", teach, score)
        if score > 0:
            lead = f"{len(named)} of {n} right"
            lead += f"; you missed {_join(missed)}" if missed else ""
            return v.partial(self.expected, score, v.sentences(lead, wrong), teach)
        return v.incorrect(self.expected, v.sentences(wrong, self.answer_is()), teach)


def _not_a_list(wrong: Sequence[str]) -> str:
    return f"Give one answer, not a list: {_join(wrong)} {'is' if len(wrong) == 1 else 'are'} wrong"


def _join(items: Sequence[str]) -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


class _Number(_Grader):
    def __init__(self, question: Question, lexicon: Lexicon) -> None:
        super().__init__(question, lexicon)
        self.year = question.type == "year"
        self.value = parse_number(self.expected)
        self.fallback = _Short(question, lexicon) if self.value is None else None
        if self.value is not None and not self.year:
            self.expected = show(self.value)

    def grade(self, text: str) -> Verdict:
        if self.fallback is not None:  # an answer the author did not write as a number
            return self.fallback.grade(text)
        return super().grade(text)

    def allows(self, given: float) -> bool:
        assert self.value is not None
        if self.year:
            return given == self.value
        return given == self.value or self.q.tolerance.allows(self.value, given)

    def plausible(self, given: float) -> bool:
        """Another number that could be a second guess at the answer (not a date in a sentence)."""
        assert self.value is not None
        if self.year:
            return 1800 <= given <= 2100
        return abs(self.value) / 10 <= abs(given) <= abs(self.value) * 10

    def judge(self, text: str, words: list[str]) -> Verdict:
        expected = self.expected
        teach = self.teach()
        found = numbers(text)
        if not found:
            return v.incorrect(
                expected, f"Answer with a number: {'it was ' if self.year else 'it is '}{expected}", teach
            )
        right = [n for n in found if self.allows(n)]
        wrong = [n for n in found if not self.allows(n) and self.plausible(n)]
        if right and (wrong or len(set(right)) > 1):
            return v.incorrect(
                expected, f"Give one number, not a choice between several; it is {expected}", teach
            )
        if not right:
            given = wrong[0] if wrong else found[0]
            if self.year:
                return v.incorrect(expected, f"It was {expected}, not {show(given).replace(',', '')}", teach)
            lead = f"The figure is {expected}, not {show(given)}"
            if self.q.tolerance.describe() != "exactly":
                lead += f" (answers {self.q.tolerance.describe()} are accepted)"
            return v.incorrect(expected, lead, teach)
        if right[0] == self.value:
            return v.correct(expected, f"Correct: {expected}", teach)
        return v.close(expected, f"Accepted: close enough, the exact figure is {expected}", teach)


class _Choice(_Grader):
    def __init__(self, question: Question, lexicon: Lexicon) -> None:
        super().__init__(question, lexicon)
        self.choices = tuple(question.choices)
        folded = [normalise(c) for c in self.choices]
        answer = normalise(self.expected)
        self.right = folded.index(answer) if answer in folded else -1
        self.by_text = {f.replace(" ", ""): i for i, f in reversed(list(enumerate(folded)))}
        forms, self.kinds = self.targets(question.answers[:1])
        others = [(j, c) for j, c in enumerate(self.choices) if j != self.right]
        self.candidates = Candidates(forms, self.rivals(others), lexicon, self.kinds)
        if self.right >= 0:
            self.expected = self.option(self.right)

    def option(self, i: int) -> str:
        """`GDH 559 (option 2)`: options are numbered as the app and line mode show them."""
        return f"{self.choices[i].rstrip('.')} (option {i + 1})"  # a sentence's full stop would end up inside

    def judge(self, text: str, words: list[str]) -> Verdict:
        squashed = "".join(words)
        teach = self.teach()
        chosen = self.by_text.get(squashed)
        if chosen is None:
            m = _OPTION.fullmatch(" ".join(words))
            if m:
                token = m.group(1)
                n = len(self.choices)
                index = int(token) - 1 if token.isdigit() else ord(token) - ord("a")
                if 0 <= index < n:
                    chosen = index
                elif n:
                    return v.incorrect(
                        self.expected,
                        f"Choose one of the options, 1 to {n}; the answer is {self.expected}",
                        teach,
                    )
        if chosen is not None:
            if chosen == self.right:
                return v.correct(self.expected, f"Correct: {self.expected}", teach)
            lead = f"You chose {self.option(chosen)}"
            anticipated = self._feedback_for_text(self.choices[chosen])
            return v.incorrect(self.expected, v.sentences(anticipated or lead, self.answer_is()), teach)
        found = self.candidates.search(words, text=text)
        if found.rivals or not found.hits or _hedged(text, words, found):
            if found.hits and found.rivals:
                lead = "Give one answer, not a choice between several"
            elif found.rivals:
                owner = found.rivals[0].form.owner
                j = self.option_of.get(owner)
                lead = self.feedback_for(owner) or (
                    f"You chose {self.option(j)}" if j is not None else self.describe(found.rivals[0])
                )
            elif found.hits:
                lead = "Give one answer, not a choice between several"
            elif (near := self.candidates.near(found, self.option_of)) is not None and (
                near.form.owner in self.option_of
            ):
                lead = f"That looks like {self.option(self.option_of[near.form.owner])}"
            else:
                lead = "That is not one of the options"
            return v.incorrect(self.expected, v.sentences(lead, self.answer_is()), teach)
        hit = _best(found.hits)
        if hit.exact:
            return v.correct(self.expected, f"Correct: {self.expected}", teach)
        return v.close(self.expected, f"Accepted, but check the spelling: {self.expected}", teach)

    def _feedback_for_text(self, choice: str) -> str | None:
        for wrong, text in self.q.feedback:
            if normalise(wrong) == normalise(choice):
                return text
        return None


class _TrueFalse(_Grader):
    def __init__(self, question: Question, lexicon: Lexicon) -> None:
        super().__init__(question, lexicon)
        answer = normalise(self.expected)
        self.truth = answer in _TRUE
        self.expected = "true" if self.truth else "false"

    def judge(self, text: str, words: list[str]) -> Verdict:
        said: set[bool] = set()
        for i, word in enumerate(words):
            value = True if word in _TRUE else False if word in _FALSE else None
            if value is None:
                continue
            if i > 0 and words[i - 1] in ("not", "isnt", "wasnt"):
                value = not value
            said.add(value)
        teach = self.teach()
        if not said:
            return v.incorrect(self.expected, f"Answer true or false; it is {self.expected}", teach)
        if len(said) > 1:
            return v.incorrect(self.expected, f"Give one answer, true or false; it is {self.expected}", teach)
        if said.pop() == self.truth:
            return v.correct(self.expected, f"Correct: {self.expected}", teach)
        return v.incorrect(self.expected, f"It is {self.expected}", teach)


class _Order(_Grader):
    def __init__(self, question: Question, lexicon: Lexicon) -> None:
        super().__init__(question, lexicon)
        self.items = tuple(question.choices or question.answers)
        self.expected = " > ".join(question.answers)
        folded = [normalise(a) for a in question.answers]
        # where each shown item belongs in the right order
        self.rank = [
            folded.index(normalise(item)) if normalise(item) in folded else -1 for item in self.items
        ]
        forms, self.kinds = self.targets(self.items)
        self.candidates = Candidates(forms, self.rivals(()), lexicon, self.kinds)

    def answer_is(self) -> str:
        return f"The right order is {self.expected}"

    def judge(self, text: str, words: list[str]) -> Verdict:
        n = len(self.items)
        teach = self.teach()
        spelled = True
        if all(w.isdigit() for w in words):
            digits = words if len(words) > 1 else list(words[0]) if len(words[0]) == n and n <= 9 else words
            picks = [int(d) - 1 for d in digits]
            if any(not 0 <= p < n for p in picks):
                return v.incorrect(
                    self.expected, v.sentences(f"Use the item numbers 1 to {n}", self.answer_is()), teach
                )
        else:
            picks = []
            for chunk in _ORDER_SEPARATORS.split(text):
                chunk_words = normalise(chunk).split()
                if not chunk_words:
                    continue
                found = self.candidates.search(chunk_words, every=True, text=chunk)
                for hit in sorted(found.hits, key=lambda h: h.start):
                    picks.append(hit.target)
                    spelled = spelled and hit.exact
        seen: list[int] = []
        for p in picks:
            if p not in seen:
                seen.append(p)
        ranks = [self.rank[p] for p in seen if self.rank[p] >= 0]
        run = _longest_increasing(ranks)
        if run == n and len(seen) == n:
            if spelled:
                return v.correct(self.expected, f"Correct: {self.expected}", teach)
            return v.close(self.expected, f"Accepted, but check the spelling: {self.expected}", teach)
        score = (run - 1) / (n - 1) if n > 1 and run > 1 else 0.0
        if score > 0:
            return v.partial(
                self.expected, score, f"Partly right: {run} of {n} are in the right order", self.answer_is()
            )
        return v.incorrect(self.expected, self.answer_is(), teach)


def _longest_increasing(values: Sequence[int]) -> int:
    best: list[int] = []
    for x in values:
        lo, hi = 0, len(best)
        while lo < hi:
            mid = (lo + hi) // 2
            if best[mid] < x:
                lo = mid + 1
            else:
                hi = mid
        if lo == len(best):
            best.append(x)
        else:
            best[lo] = x
    return len(best)
