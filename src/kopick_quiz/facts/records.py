"""The fact base in memory: lean records, derived from the file models and validated natively.

The file models (`facts.model`) are pydantic models: they give `file:line:col` errors and the
JSON Schema. Once a fact base is valid it lives as these records instead: frozen dataclasses
with `__slots__` and tuples, built and checked by pydantic-core straight from JSON. A record
takes about a third of a model's memory and is built about twice as fast, which is what lets
a 100,000-film base start from the cache in well under a gigabyte.

Each record class is made from its model's fields (types, constraints, defaults), so the file
format is defined once. `isinstance(film, model.Film)` holds for a record of a film: each
record class is registered as a virtual subclass of its model.
"""

from __future__ import annotations

import types
import typing
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    PlainValidator,
    TypeAdapter,
    WrapValidator,
)
from pydantic.dataclasses import dataclass
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

from . import model as m

_CONFIG = ConfigDict(extra="forbid")
_RECORDS: dict[type[BaseModel], type] = {}


def record_of(model: type[BaseModel]) -> type:
    """The lean record class of a file model (made once)."""
    made = _RECORDS.get(model)
    if made is not None:
        return made
    annotations: dict[str, Any] = {}
    namespace: dict[str, Any] = {"__annotations__": annotations, "__module__": __name__}
    for name, field in model.model_fields.items():
        annotations[name] = _lean(field.annotation, field.metadata)
        default = _default(field)
        if default is not PydanticUndefined:
            namespace[name] = default
    cls = type(model.__name__, (), namespace)
    cls.__qualname__ = model.__name__
    made = dataclass(cls, slots=True, frozen=True, kw_only=True, config=_CONFIG)
    _RECORDS[model] = made
    return made


def _default(field: FieldInfo) -> Any:
    if field.default_factory is list:
        return ()
    if field.default_factory is not None:
        raise TypeError(f"no record default for factory {field.default_factory!r}")
    return field.default


def _lean(annotation: Any, metadata: typing.Sequence[Any] = ()) -> Any:
    """The record's type for a model field's type: lists become tuples, models become records.

    Only native constraints are kept: a record is built from JSON the models already checked,
    so validators written in Python (which the YAML loader's `Plain` scalars need) are dropped.
    """
    native = [x for x in metadata if not _is_python_validator(x)]
    origin = get_origin(annotation)
    if origin is Annotated:
        inner, *extra = get_args(annotation)
        return _lean(inner, [*extra, *native])
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        lean: Any = record_of(annotation)
    elif origin is list:
        (item,) = get_args(annotation)
        lean = tuple[_lean(item), ...]  # type: ignore[misc]
    elif origin in (Union, types.UnionType):
        lean = Union[tuple(_lean(a) for a in get_args(annotation))]  # noqa: UP007 - built at run time
    elif origin is Literal or annotation in (str, int, bool, type(None)):
        lean = annotation
    else:
        raise TypeError(f"no record type for {annotation!r}")
    return Annotated[lean, *native] if native else lean  # type: ignore[valid-type]


def _is_python_validator(item: Any) -> bool:
    return isinstance(item, (AfterValidator, BeforeValidator, PlainValidator, WrapValidator))


Source = record_of(m.Source)
Country = record_of(m.Country)
Place = record_of(m.Place)
Person = record_of(m.Person)
Organisation = record_of(m.Organisation)
Festival = record_of(m.Festival)
Event = record_of(m.Event)
Term = record_of(m.Term)
Film = record_of(m.Film)
Facts = record_of(m.FactsFile)

FACTS = TypeAdapter(Facts)


def from_json(data: bytes | str) -> Any:
    """Records from the JSON of a fact base (raises pydantic's ValidationError if it does not fit)."""
    return FACTS.validate_json(data)


def from_models(facts: m.FactsFile) -> Any:
    """Records of a validated file model."""
    return FACTS.validate_json(facts.model_dump_json(exclude_defaults=True))


def to_json(facts: Any) -> bytes:
    """The JSON a record fact base is read back from (defaults left out)."""
    return FACTS.dump_json(facts, exclude_defaults=True)
