"""Building blocks shared by the file formats: text, ids, flags, the base model.

Text fields are validated natively by pydantic-core (no Python call per string): the YAML
loader hands over `str` for text, `int` for plain whole numbers and `Plain` for plain scalars
YAML 1.1 would have typed, which a text field refuses (diagnostics turns that into "quote it").
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints

from .yamlio import Plain

ID_PATTERN = r"^[a-z0-9]+(?:[-.][a-z0-9]+)*$"
# Tags of the unions a field may hold (text or an entry): they appear in pydantic's error paths,
# never in the author's file, so the messages leave them out.
TEXT_TAG = "plain-text"
ENTRY_TAG = "entry-mapping"
UNION_TAGS = frozenset({TEXT_TAG, ENTRY_TAG})


def plain_text(value: Any) -> Any:
    """A Plain scalar's text, for fields that want `yes`, `true` or `1.5` unquoted."""
    return value.text if isinstance(value, Plain) else value


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
LongText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=10000)]
Id = Annotated[
    str,
    StringConstraints(pattern=ID_PATTERN, max_length=120),
    Field(description="lower-case words joined by '-', e.g. the-medium"),
]
Year = Annotated[int, Field(ge=1800, le=2100)]
Flag = Annotated[bool, BeforeValidator(plain_text)]


class Model(BaseModel):
    """Strict about unknown fields, immutable once loaded."""

    model_config = ConfigDict(extra="forbid", frozen=True)
