"""The fact base in memory: lean records, derived from the file models and validated natively.

The file models (`facts.model`) are pydantic models: they give `file:line:col` errors and the
JSON Schema. Once a fact base is valid it lives as these records instead: frozen dataclasses
with `__slots__` and tuples, built and checked by pydantic-core straight from JSON. A record
takes about a third of a model's memory and is built about twice as fast, which is what lets
a 100,000-film base start from the cache in well under a gigabyte.

Each record class is made from its model's fields (types, constraints, defaults), so the file
format is defined once. `isinstance(film, model.Film)` holds for a record of a film: each
record class is registered as a virtual subclass of its model.

The compiled cache keeps a fact base as `to_bytes` packs it: each record a tuple of its fields
in order, every text once (an id named by a thousand films is one string, on disk and in
memory), marshalled. `from_bytes` builds the records straight from those tuples without
validating them again: it is only ever given bytes this program wrote from records it had
validated, checked against the hash the cache keeps of them.
"""

from __future__ import annotations

import dataclasses
import gc
import marshal
import threading
import types
import typing
from collections.abc import Callable, Iterator
from contextlib import contextmanager
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

from ..progress import Progress, no_progress, split, tracked
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


def from_models(facts: m.FactsFile, progress: Progress = no_progress) -> Any:
    """Records of a validated file model, each text one string however often it is used.

    The models were validated, so their values are copied as they are (lists made tuples), the
    collector paused as `from_bytes` pauses it (10,000 films: 0.5-0.9x the CPU time of the JSON
    round trip through pydantic-core this replaces); `progress` follows the records made.
    """
    one = _one_of_each()
    # A record costs about what its fields do: a film five times a country.
    parts = split(
        progress, *(len(getattr(facts, name)) * len(model.model_fields) for name, model in m.SECTIONS.items())
    )
    made = {}
    with _collector_paused():
        for (name, model), part in zip(m.SECTIONS.items(), parts, strict=True):
            convert = _converter(record_of(model))
            made[name] = tuple([convert(item, one) for item in tracked(getattr(facts, name), part)])
    return _facts(facts.version, made)


def to_json(facts: Any) -> bytes:
    """The JSON a record fact base is read back from (defaults left out)."""
    return FACTS.dump_json(facts, exclude_defaults=True)


# -- the packed form the compiled cache keeps ------------------------------------------------------

PACKED_FORMAT = 1  # bump when what `to_bytes` writes changes shape (the cache's FORMAT goes with it)
_MARSHAL_VERSION = 4  # shares objects written more than once: each text is stored once


def _holds_records(annotation: Any) -> tuple[type, bool] | None:
    """(record class, whether a tuple of them) when a record field holds records; None otherwise."""
    origin = get_origin(annotation)
    if origin is Annotated:
        return _holds_records(get_args(annotation)[0])
    if origin in (Union, types.UnionType):
        return next(filter(None, map(_holds_records, get_args(annotation))), None)
    if origin is tuple:
        inner = _holds_records(get_args(annotation)[0])
        return (inner[0], True) if inner else None
    if isinstance(annotation, type) and dataclasses.is_dataclass(annotation):
        return annotation, False
    return None


_PACKERS: dict[type, Callable[[Any, Callable[[Any], Any]], tuple[Any, ...]]] = {}
_BUILDERS: dict[type, Callable[[tuple[Any, ...]], Any]] = {}


def _packer(cls: type) -> Callable[[Any, Callable[[Any], Any]], tuple[Any, ...]]:
    """A function from a record to the tuple of its fields (records in it packed too), each
    value passed through `one` (which makes equal texts one object)."""
    made = _PACKERS.get(cls)
    if made is not None:
        return made
    env: dict[str, Any] = {}
    lines = ["def pack(o, one):", "    return ("]
    for i, field in enumerate(dataclasses.fields(cls)):
        value = f"o.{field.name}"
        held = _holds_records(field.type)
        if held is None:
            lines.append(f"        one({value}),")
            continue
        env[f"p{i}"] = _packer(held[0])
        if held[1]:
            lines.append(f"        tuple([p{i}(x, one) for x in {value}]),")
        else:
            lines.append(f"        None if {value} is None else p{i}({value}, one),")
    lines.append("    )")
    exec("\n".join(lines), env)  # noqa: S102 - code made from the record's own field names
    made = _PACKERS[cls] = env["pack"]
    return made


def _builder(cls: type) -> Callable[[tuple[Any, ...]], Any]:
    """A function from a packed tuple to its record, each slot set directly (no validation: see
    the module's docstring); raises ValueError or TypeError on a tuple of the wrong shape."""
    made = _BUILDERS.get(cls)
    if made is not None:
        return made
    fields = dataclasses.fields(cls)
    values = [f"v{i}" for i in range(len(fields))]
    env: dict[str, Any] = {"new": object.__new__, "cls": cls}
    lines = ["def build(row):", f"    {', '.join(values)}, = row", "    o = new(cls)"]
    for i, field in enumerate(fields):
        env[f"s{i}"] = vars(cls)[field.name].__set__  # the slot itself: a frozen record has no setattr
        held = _holds_records(field.type)
        if held is None:
            lines.append(f"    s{i}(o, v{i})")
            continue
        env[f"b{i}"] = _builder(held[0])
        if held[1]:
            lines.append(f"    s{i}(o, tuple([b{i}(x) for x in v{i}]) if v{i} else ())")
        else:
            lines.append(f"    s{i}(o, None if v{i} is None else b{i}(v{i}))")
    lines.append("    return o")
    exec("\n".join(lines), env)  # noqa: S102 - code made from the record's own field names
    made = _BUILDERS[cls] = env["build"]
    return made


def _one_of_each() -> Callable[[Any], Any]:
    """A function that gives one object for equal texts and numbers (and their lists, as tuples)."""
    texts: dict[str, str] = {}
    numbers: dict[int, int] = {}

    def one(value: Any) -> Any:
        kind = type(value)
        if kind is str:
            return texts.setdefault(value, value)
        if kind is int:
            return numbers.setdefault(value, value)
        if (kind is tuple or kind is list) and value:
            return tuple(map(one, value))
        if kind is list:
            return ()
        return value

    return one


_CONVERTERS: dict[type, Callable[[Any, Callable[[Any], Any]], Any]] = {}


def _converter(cls: type) -> Callable[[Any, Callable[[Any], Any]], Any]:
    """A function from a validated file model to its record (lists made tuples, models records)."""
    made = _CONVERTERS.get(cls)
    if made is not None:
        return made
    env: dict[str, Any] = {"new": object.__new__, "cls": cls}
    lines = ["def convert(model, one):", "    o = new(cls)"]
    for i, field in enumerate(dataclasses.fields(cls)):
        env[f"s{i}"] = vars(cls)[field.name].__set__
        value = f"model.{field.name}"
        held = _holds_records(field.type)
        if held is None:
            lines.append(f"    s{i}(o, one({value}))")
            continue
        env[f"c{i}"] = _converter(held[0])
        if held[1]:
            lines.append(f"    s{i}(o, tuple([c{i}(x, one) for x in {value}]))")
        else:
            lines.append(f"    s{i}(o, None if {value} is None else c{i}({value}, one))")
    lines.append("    return o")
    exec("\n".join(lines), env)  # noqa: S102 - code made from the record's own field names
    made = _CONVERTERS[cls] = env["convert"]
    return made


def _facts(version: int, sections: dict[str, tuple[Any, ...]]) -> Any:
    """The record of a whole fact base from its sections' records (already made: not checked again)."""
    facts = object.__new__(Facts)
    vars(Facts)["version"].__set__(facts, version)
    for name, items in sections.items():
        vars(Facts)[name].__set__(facts, items)
    return facts


def to_bytes(facts: Any) -> bytes:
    """A record fact base packed for the compiled cache (what `from_bytes` reads back).

    Equal texts and numbers are made one object first, so that each is written once and read
    back shared, and so that the same fact base always packs to the same bytes.
    """
    one = _one_of_each()
    sections = tuple(
        tuple(map(_packer(record_of(model)), getattr(facts, name), [one] * len(getattr(facts, name))))
        for name, model in m.SECTIONS.items()
    )
    return marshal.dumps((PACKED_FORMAT, one(facts.version), sections), _MARSHAL_VERSION)


def from_bytes(data: bytes, progress: Progress = no_progress) -> Any:
    """The record fact base `to_bytes` packed; ValueError if the bytes are not one.

    `progress` follows the unmarshalling, then the records built section by section.
    """
    reading, building = split(progress, 1, 2)
    with _collector_paused():
        try:
            packed_format, version, packed = marshal.loads(data)
            if packed_format != PACKED_FORMAT or len(packed) != len(m.SECTIONS):
                raise ValueError("packed in another format")
        except (EOFError, TypeError, ValueError) as exc:
            raise ValueError(f"not a packed fact base: {exc}") from None
        reading(1, 1)
        rows = list(packed)
        del packed
        kinds = [record_of(model) for model in m.SECTIONS.values()]
        # A record costs about what its fields do: a film five times a country.
        parts = split(
            building, *(len(r) * len(dataclasses.fields(k)) for r, k in zip(rows, kinds, strict=True))
        )
        built = {}
        try:
            for i, (name, kind, part) in enumerate(zip(m.SECTIONS, kinds, parts, strict=True)):
                built[name] = tuple(map(_builder(kind), tracked(rows[i], part)))
                rows[i] = None  # the packed tuples go as their records come
        except (TypeError, ValueError) as exc:
            raise ValueError(f"a packed fact base of another shape: {exc}") from None
        return _facts(version, built)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while records are built, when no other thread runs.

    Building a base's records makes millions of objects that live as long as the base and make
    no cycles; each quarter more of them sets off a collection that walks them all, which
    doubles the time a big base takes to build. But the collector is the whole process's: it is
    paused only when the calling thread is the only one (as `generate` does), and put back as it
    was on the way out.
    """
    if gc.isenabled() and threading.active_count() == 1:
        gc.disable()
        try:
            yield
        finally:
            gc.enable()
    else:
        yield
