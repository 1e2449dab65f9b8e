"""Problems found in a file, each with its position, and how schema errors become them."""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ValidationError

from .yamlio import Mark, Plain, YamlError, locate

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong (or doubtful) in a file, printed as `path:line:col: severity: message`."""

    path: str
    line: int
    col: int
    severity: Severity
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.severity}: {self.message}"

    @classmethod
    def at(cls, path: str, mark: Mark, message: str, severity: Severity = "error") -> Problem:
        return cls(path, mark.line, mark.col, severity, message)

    @classmethod
    def from_yaml(cls, exc: YamlError) -> Problem:
        return cls(exc.path, exc.line, exc.col, "error", exc.message)


class FileProblems(Exception):
    """A file that cannot be used; `problems` lists every error found in it."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(map(str, problems)))
        self.problems = problems


def did_you_mean(word: str, options: typing.Iterable[str]) -> str:
    """ "; did you mean 'x'?" for the closest option, or ''."""
    from rapidfuzz import fuzz, process

    best = process.extractOne(word, list(options), scorer=fuzz.ratio, score_cutoff=60)
    return f"; did you mean '{best[0]}'?" if best else ""


def _unwrap(annotation: Any) -> list[Any]:
    """The model classes an annotation may hold (through list, Optional, Annotated)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (list, tuple, set, frozenset, typing.Union, types.UnionType):
        found: list[Any] = []
        for arg in typing.get_args(annotation):
            found.extend(_unwrap(arg))
        return found
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return []


def _model_at(model: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The model class that owns the last element of `loc`."""
    current: type[BaseModel] | None = model
    for part in loc[:-1]:
        if current is None:
            return None
        if isinstance(part, int):
            continue
        field = current.model_fields.get(part)
        if field is None:
            return None
        inner = _unwrap(field.annotation)
        current = inner[0] if inner else None
    return current


def _field_name(loc: tuple[Any, ...]) -> str:
    for part in reversed(loc):
        if isinstance(part, str):
            return part
    return "item"


def _shown(value: Any) -> str:
    if isinstance(value, Plain):
        value = value.text
    text = repr(value) if not isinstance(value, str) else f"'{value}'"
    return text if len(text) <= 40 else text[:37] + "...'"


def schema_problems(
    exc: ValidationError, root: Any, path: str, model: type[BaseModel], prefix: tuple[Any, ...] = ()
) -> list[Problem]:
    """Turn pydantic's errors for `model` (validated from `root` at `prefix`) into problems."""
    problems = []
    for err in exc.errors(include_url=False):
        loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-")))
        full = prefix + loc
        kind = err["type"]
        field = _field_name(loc)
        value = err.get("input")
        owner = _model_at(model, loc) if loc else model
        if kind == "extra_forbidden":
            fields = list(owner.model_fields) if owner else []
            hint = did_you_mean(field, fields)
            if not hint and fields:
                hint = "; allowed here: " + ", ".join(fields)
            message = f"unknown field '{field}'{hint}"
            mark = locate(root, full, key=True)
        elif kind == "missing":
            message = f"missing required field '{field}'"
            mark = locate(root, full[:-1])
        elif kind == "string_type" and isinstance(value, (Plain, int, float)) and not isinstance(value, bool):
            raw = value.text if isinstance(value, Plain) else str(value)
            reads = value.kind if isinstance(value, Plain) else "a number"
            message = (
                f"'{field}' must be text, but {raw} unquoted reads as {reads}; quote it: {field}: \"{raw}\""
            )
            mark = locate(root, full)
        elif kind == "literal_error":
            expected = err.get("ctx", {}).get("expected", "")
            options = [o.strip().strip("'") for o in expected.replace(" or ", ", ").split(",")]
            hint = did_you_mean(str(value), options) if isinstance(value, str) else ""
            message = f"'{field}' must be one of {expected}, not {_shown(value)}{hint}"
            mark = locate(root, full)
        elif kind == "string_pattern_mismatch":
            message = f"'{field}' must be an id: lower-case words joined by '-' (like the-medium), not {_shown(value)}"
            mark = locate(root, full)
        elif kind in ("int_parsing", "int_type", "int_from_float"):
            message = f"'{field}' must be a whole number, not {_shown(value)}"
            mark = locate(root, full)
        elif kind in ("list_type",):
            message = f"'{field}' must be a list ('- item' lines or [a, b]), not {_shown(value)}"
            mark = locate(root, full)
        elif kind in ("model_type", "model_attributes_type", "dict_type"):
            message = f"'{field}' must be a mapping of 'key: value' lines, not {_shown(value)}"
            mark = locate(root, full)
        elif kind == "string_too_short":
            message = f"'{field}' is empty; give it a value or remove the line"
            mark = locate(root, full)
        elif kind in ("bool_type", "bool_parsing"):
            message = f"'{field}' must be true or false, not {_shown(value)}"
            mark = locate(root, full)
        elif kind in ("string_type", "text_type"):
            if value is None:
                message = f"'{field}' is empty; give it a value or remove the line"
            else:
                message = f"'{field}' must be text, not {_shown(value)}"
            mark = locate(root, full)
        else:
            message = f"'{field}': {err['msg'][0].lower() + err['msg'][1:]}"
            mark = locate(root, full)
        problems.append(Problem.at(path, mark, message))
    return problems
