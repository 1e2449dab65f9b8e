"""The question pack file format (`questions/*.yaml`, the user's packs)."""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, model_validator
from pydantic_core import PydanticCustomError

from ..questions import QTYPES
from ..schema import Flag, Id, LongText, Model, Text, plain_text
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


Answers = Annotated[list[Text], BeforeValidator(_as_list), Field(min_length=1, max_length=50)]


class QuestionSpec(Model):
    """One hand-written question of a pack."""

    id: Id = Field(description="stable id: progress and review history are kept by it")
    type: QTypeField = "short"
    prompt: Text
    answer: Answers = Field(
        description="the accepted answer(s): any one for short, all for multi, the number for number/year, "
        "the right choice for choice, true or false for truefalse, the items in order for order"
    )
    accept: list[Text] = Field(default_factory=list, description="other spellings also accepted as right")
    choices: list[Text] = Field(default_factory=list, description="the options of a choice or order question")
    tolerance: Annotated[str | None, BeforeValidator(_tolerance)] = Field(
        default=None, description="for number questions: an amount (1000) or a percentage (5%)"
    )
    explanation: LongText | None = None
    hint: Text | None = None
    feedback: dict[str, Text] = Field(
        default_factory=dict, description="feedback shown for a given wrong answer: {answer: feedback}"
    )
    tags: list[Text] = Field(default_factory=list)
    difficulty: int = Field(default=2, ge=1, le=5)
    source: Text | None = None

    @model_validator(mode="before")
    @classmethod
    def _plain_values_for_numbers(cls, data: Any) -> Any:
        # `answer: 1958` or `answer: true` is natural for number, year and true/false questions.
        if isinstance(data, dict) and data.get("type") in ("number", "year", "truefalse"):
            answer = data.get("answer")
            if isinstance(answer, (Plain, int)) and not isinstance(answer, bool):
                data = {**data, "answer": str(plain_text(answer))}
        return data

    @model_validator(mode="after")
    def _consistent(self) -> QuestionSpec:
        kind = self.type
        if kind in ("number", "year"):
            if len(self.answer) != 1 or not _is_number(self.answer[0]):
                raise PydanticCustomError(
                    "answer_number", "a {kind} question's answer must be one number", {"kind": kind}
                )
        elif kind == "truefalse":
            if len(self.answer) != 1 or self.answer[0].lower() not in ("true", "false", "yes", "no"):
                raise PydanticCustomError("answer_tf", "a truefalse question's answer must be true or false")
        elif kind == "choice":
            if len(self.choices) < 2:
                raise PydanticCustomError("choices", "a choice question needs at least two choices")
        elif kind == "order" and len(self.answer) < 2:
            raise PydanticCustomError("order", "an order question's answer lists at least two items in order")
        if self.tolerance is not None and kind != "number":
            raise PydanticCustomError("tolerance_kind", "only number questions take a tolerance")
        return self


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
