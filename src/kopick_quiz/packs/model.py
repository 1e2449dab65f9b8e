"""The question pack file format (`questions/*.yaml`, the user's packs)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, ConfigDict, Discriminator, Field, Tag, model_validator
from pydantic_core import PydanticCustomError

from ..questions import QTYPES
from ..schema import ENTRY_TAG, TEXT_TAG, Flag, Id, LongText, Model, Text, plain_text
from ..yamlio import Plain

QTypeField = Literal["short", "multi", "number", "year", "choice", "truefalse", "order"]
Relation = Literal[
    "director",
    "producer",
    "writer",
    "cinematographer",
    "art-director",
    "cast",
    "character",
    "studio",
    "country",
    "based-on",
    "location",
    "setting",
    "year",
    "budget",
    "audience",
    "premiere",
    "prize",
    "archive",
    "nationality",
    "spouse",
    "founder",
    "event",
    "term",
    "language",
    "genre",
]

_TOLERANCE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(%?)\s*$")


def _as_list(value: Any) -> Any:
    if value is None or isinstance(value, list):
        return value
    return [value]


def _tolerance(value: Any) -> Any:
    if value is None:
        return None
    text = str(plain_text(value))
    if not _TOLERANCE.match(text):
        raise PydanticCustomError(
            "tolerance", "must be a number or a percentage such as 5%, not '{value}'", {"value": text}
        )
    return text


_PERCENT = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*%?\s*$")
WEIGHTED_TYPES = ("short", "number", "year", "choice")
Kind = Literal["film", "person", "organisation", "festival", "event", "term", "place", "country", "source"]


def _weight(value: Any) -> Any:
    # `weight: 50` or `weight: 50%`, as a Moodle author writes the share of the points.
    text = plain_text(value)
    if isinstance(text, str):
        m = _PERCENT.match(text)
        if m:
            return float(m.group(1))
    return text


def _editor_schema(schema: dict[str, Any]) -> None:
    """The JSON Schema of a question as an author may write it (for editors): `answer: x` or a
    list; a number or true/false where the question's type wants one; `weight: 50%`."""
    answer = schema["properties"]["answer"]
    item = {"anyOf": [*answer["items"]["oneOf"], {"type": "number"}, {"type": "boolean"}]}
    listed = {k: v for k, v in answer.items() if k not in ("description", "title")} | {"items": item}
    schema["properties"]["answer"] = {
        "title": answer.get("title", "Answer"),
        "description": answer.get("description", ""),
        "anyOf": [item, listed],
    }
    tolerance = schema["properties"]["tolerance"]
    tolerance["anyOf"] = [*tolerance.get("anyOf", []), {"type": "number"}]


def _editor_entry_schema(schema: dict[str, Any]) -> None:
    weight = schema["properties"]["weight"]
    schema["properties"]["weight"] = {
        "title": weight.get("title", "Weight"),
        "description": weight.get("description", ""),
        "default": weight.get("default"),
        "anyOf": [
            {k: v for k, v in weight.items() if k not in ("title", "description", "default")},
            {"type": "string", "pattern": r"^\s*\d+(\.\d+)?\s*%\s*$"},
        ],
    }
    schema["properties"]["text"] = {**schema["properties"]["text"], "type": ["string", "number"]}
    tolerance = schema["properties"]["tolerance"]
    tolerance["anyOf"] = [*tolerance.get("anyOf", []), {"type": "number"}]


class AnswerEntry(Model):
    """An answer with its own share of the points or its own feedback (an item of `answer`)."""

    model_config = ConfigDict(extra="forbid", frozen=True, json_schema_extra=_editor_entry_schema)

    text: Text = Field(description="the answer (a number for number and year questions)")
    weight: Annotated[float, BeforeValidator(_weight)] = Field(
        default=100,
        ge=0,
        le=100,
        description="the share of the points this answer earns, in percent: 100 is a full answer, "
        "50 half the points, 0 a wrong answer (with its feedback)",
    )
    feedback: Text | None = Field(default=None, description="shown to a student who gives this answer")
    tolerance: Annotated[str | None, BeforeValidator(_tolerance)] = Field(
        default=None, description="for number questions: how far from this answer still earns its weight"
    )

    @property
    def full(self) -> bool:
        return self.weight >= 100


@dataclass(frozen=True, slots=True)
class PlainAnswer:
    """A plain-text answer seen as an entry: the full points, no feedback of its own."""

    text: str
    weight: float = 100.0
    feedback: None = None
    tolerance: None = None
    full: bool = True


def _entry_tag(value: Any) -> str:
    return ENTRY_TAG if isinstance(value, dict) else TEXT_TAG


# A plain text is a full answer; a mapping is an AnswerEntry. The tags never reach a message.
Answer = Annotated[
    Annotated[Text, Tag(TEXT_TAG)] | Annotated[AnswerEntry, Tag(ENTRY_TAG)], Discriminator(_entry_tag)
]
Answers = Annotated[list[Answer], BeforeValidator(_as_list), Field(min_length=1, max_length=50)]


class QuestionSpec(Model):
    """One hand-written question of a pack."""

    model_config = ConfigDict(extra="forbid", frozen=True, json_schema_extra=_editor_schema)

    id: Id = Field(description="stable id: progress and review history are kept by it")
    type: QTypeField = "short"
    prompt: Text
    answer: Answers = Field(
        description="the accepted answer(s): any one for short, all for multi, the number for number/year, "
        "the right choice for choice, true or false for truefalse, the items in order for order; "
        "short, number, year and choice answers may be {text, weight, feedback} entries"
    )
    accept: list[Text] = Field(default_factory=list, description="other spellings also accepted as right")
    choices: list[Text] = Field(default_factory=list, description="the options of a choice or order question")
    tolerance: Annotated[str | None, BeforeValidator(_tolerance)] = Field(
        default=None, description="for number questions: an amount (1000) or a percentage (5%)"
    )
    explanation: LongText | None = None
    hint: Text | None = None
    feedback: dict[str, Text] = Field(
        default_factory=dict,
        description="feedback shown for a given wrong answer: {answer: feedback}; the key '*' is "
        "for any other wrong answer",
    )
    tags: list[Text] = Field(default_factory=list)
    difficulty: int = Field(default=2, ge=1, le=5)
    source: Text | None = None
    kind: Kind | None = Field(
        default=None,
        description="what kind of thing the answer is: another thing's name is then graded wrong, "
        "and the hints say what to look for",
    )
    subject: Id | None = Field(
        default=None,
        description="the fact base's id of what the question is about (what 'it' means when a "
        "student asks the bot, and the fuller explanation)",
    )

    @model_validator(mode="before")
    @classmethod
    def _plain_values_for_numbers(cls, data: Any) -> Any:
        # `answer: 1958` or `answer: true` is natural for number, year and true/false questions.
        if isinstance(data, dict) and data.get("type") in ("number", "year", "truefalse"):
            answer = data.get("answer")
            if isinstance(answer, list):
                data = {**data, "answer": [_plain_answer(a) for a in answer]}
            else:
                data = {**data, "answer": _plain_answer(answer)}
        return data

    @property
    def full_answers(self) -> list[str]:
        """The answers worth the full points, in the order written."""
        return [a if isinstance(a, str) else a.text for a in self.answer if isinstance(a, str) or a.full]

    @property
    def entries(self) -> list[AnswerEntry | PlainAnswer]:
        """Every answer as an entry (a plain text is a full answer without feedback)."""
        return [PlainAnswer(a) if isinstance(a, str) else a for a in self.answer]

    @model_validator(mode="after")
    def _consistent(self) -> QuestionSpec:
        kind = self.type
        entries = self.entries
        many = len(self.answer) > 1
        where = ["answer", 0] if many else ["answer"]

        def at(i: int, *more: str) -> list[Any]:
            return [*(["answer", i] if many else ["answer"]), *more]

        if kind not in WEIGHTED_TYPES:
            for i, a in enumerate(self.answer):
                if not isinstance(a, str):
                    raise _error(
                        "weight_kind",
                        "only short, number, year and choice answers take a weight or their own "
                        "feedback; write the answer as plain text",
                        at(i),
                    )
        elif not any(e.full for e in entries):
            raise _error(
                "no_full",
                "no answer is worth the full points; give at least one answer without a weight "
                "(or with weight: 100)",
                where[:1],
            )
        for i, e in enumerate(entries):
            if e.tolerance is not None and kind not in ("number", "year"):
                raise _error(
                    "tolerance_kind", "only number and year answers take a tolerance", at(i, "tolerance")
                )
        if kind in ("number", "year"):
            for i, e in enumerate(entries):
                if not _is_number(e.text):
                    path = at(i) if isinstance(self.answer[i], str) else at(i, "text")
                    raise _error("answer_number", "'{value}' is not a number", path, value=e.text)
        elif kind == "truefalse":
            if len(self.answer) != 1 or entries[0].text.lower() not in ("true", "false", "yes", "no"):
                raise _error(
                    "answer_tf", "'{value}' is not true or false", where, value=", ".join(self.full_answers)
                )
        elif kind == "choice":
            if len(self.choices) < 2:
                raise _error("choices", "a choice question needs at least two choices", ["choices"])
        elif kind == "order" and len(self.answer) < 2:
            raise _error(
                "order", "an order question's answer lists at least two things, in order", ["answer"]
            )
        if self.tolerance is not None and kind != "number":
            raise _error("tolerance_kind", "only number questions take a tolerance", ["tolerance"])
        return self


def _plain_answer(value: Any) -> Any:
    if isinstance(value, dict) and "text" in value:
        return {**value, "text": _plain_answer(value["text"])}
    if isinstance(value, (Plain, int)) and not isinstance(value, bool):
        return str(plain_text(value))
    return value


def _error(kind: str, message: str, at: list[Any], **context: Any) -> PydanticCustomError:
    """A check across fields, reported at `at` (a path below the question) in the author's words."""
    return PydanticCustomError(kind, message, {**context, "at": tuple(at)})


def _is_number(text: str) -> bool:
    try:
        float(text.replace(",", "").replace("_", ""))
    except ValueError:
        return False
    return True


class Recipe(Model):
    """Questions generated from the fact base when the pack is loaded."""

    films: list[Id] = Field(default_factory=list, description="film ids; empty means every film")
    eras: list[Literal["1950s", "1960s", "1970s", "1980s", "1990s", "2000s", "2010s", "2020s"]] = Field(
        default_factory=list, description="only films of these decades"
    )
    profiled_only: Flag = False
    relations: list[Relation] = Field(default_factory=list, description="empty means every relation")
    kinds: list[QTypeField] = Field(default_factory=list, description="question types; empty means all")
    topics: list[Literal["films", "people", "organisations", "context"]] = Field(default_factory=list)
    count: int | None = Field(default=None, ge=1, le=100000, description="at most this many questions")
    seed: int = 0


class PackFile(Model):
    """A question pack."""

    id: Id
    title: Text
    description: LongText | None = None
    author: Text | None = None
    version: Text | None = None
    tags: list[Text] = Field(default_factory=list)
    questions: list[QuestionSpec] = Field(default_factory=list)
    generate: Recipe | None = None


assert set(QTYPES) == set(QTypeField.__args__)  # one list of question types
