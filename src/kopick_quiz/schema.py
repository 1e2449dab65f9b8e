"""Building blocks shared by the file formats: text, ids, the base model."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

from .yamlio import Plain

ID_PATTERN = r"^[a-z0-9]+(?:[-.][a-z0-9]+)*$"


def _text(value: Any) -> Any:
    if isinstance(value, Plain):
        raise PydanticCustomError(
            "needs_quotes",
            "must be text, but unquoted {value} reads as {kind} in YAML; quote it",
            {"value": str(value), "kind": value.kind},
        )
    if isinstance(value, str):
        return str(value)
    if isinstance(value, (dict, list)):
        raise PydanticCustomError(
            "text_type", "must be text, not a {what}", {"what": type(value).__name__.lower()}
        )
    return value


def _not_blank(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError("blank", "must not be empty")
    return value.strip()


Text = Annotated[str, BeforeValidator(_text), AfterValidator(_not_blank), Field(max_length=2000)]
LongText = Annotated[str, BeforeValidator(_text), AfterValidator(_not_blank), Field(max_length=10000)]
Id = Annotated[
    str,
    BeforeValidator(_text),
    Field(pattern=ID_PATTERN, max_length=120, description="lower-case words joined by '-', e.g. the-medium"),
]
Year = Annotated[int, Field(ge=1800, le=2100)]


class Model(BaseModel):
    """Strict about unknown fields, immutable once loaded."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)
