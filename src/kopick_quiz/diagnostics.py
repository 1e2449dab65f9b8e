"""Problems found in a file, each with its position, and how schema errors become them."""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ValidationError

from .schema import UNION_TAGS
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
    """The model class that owns the last element of `loc` (a path without union tags)."""
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


def _author_path(data: Any, loc: tuple[Any, ...]) -> tuple[Any, ...]:
    """The part of `loc` that exists in the author's file: what pydantic added is left out.

    A lone `answer: x` is validated as the list `[x]`, and a text in a list of entries as an
    entry: the error's path then ends in an index or a field the file does not have.
    """
    node = data
    path: list[Any] = []
    for part in loc:
        if (
            isinstance(node, dict)
            and isinstance(part, str)
            and part in node
            or isinstance(node, list)
            and isinstance(part, int)
            and 0 <= part < len(node)
        ):
            node = node[part]
        else:
            continue
        path.append(part)
    return tuple(path)


def _last_name(loc: tuple[Any, ...]) -> str | None:
    for part in reversed(loc):
        if isinstance(part, str):
            return part
    return None


def _shown(value: Any) -> str:
    if isinstance(value, Plain):
        value = value.text
    text = repr(value) if not isinstance(value, str) else f"'{value}'"
    return text if len(text) <= 40 else text[:37] + "...'"


def _bound(value: float) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def error_message(
    err: Any, data: Any, model: type[BaseModel], context: tuple[Any, ...] = ()
) -> tuple[tuple[Any, ...], str, Literal["value", "key", "parent"]]:
    """One pydantic error of `model` (validated from `data`, found at `context` in its file) in
    the author's words.

    Returns the path in `data` to report it at, the message, and whether the position is the
    value's, its key's or (for a missing field) its parent's.
    """
    loc = tuple(
        p for p in err["loc"] if not (isinstance(p, str) and (p.startswith("function-") or p in UNION_TAGS))
    )
    ctx = err.get("ctx") or {}
    at = ctx.get("at")
    if isinstance(at, tuple):  # a check across fields names the field it is about
        loc = loc + at
    kind = err["type"]
    path = _author_path(data, loc)
    named = loc if kind in ("missing", "extra_forbidden") else path
    field = _last_name(named) or _last_name(context) or "this value"
    subject = f"'{field}'"
    if len(named) >= 2 and isinstance(named[-1], str) and isinstance(named[-2], str):
        owner = _model_at(model, named[:-1])
        parent = owner.model_fields.get(named[-2]) if owner else None
        if parent is not None and typing.get_origin(parent.annotation) is dict:  # a key the author chose
            subject = f"'{named[-2]}' for '{named[-1]}'"
    in_list = bool(context + named) and isinstance((context + named)[-1], int)
    value = err.get("input")
    where: Literal["value", "key", "parent"] = "value"
    if kind == "extra_forbidden":
        owner = _model_at(model, loc) if loc else model
        fields = list(owner.model_fields) if owner else []
        hint = did_you_mean(field, fields)
        if not hint and fields:
            hint = "; allowed here: " + ", ".join(fields)
        return path, f"unknown field '{field}'{hint}", "key"
    if kind == "missing":
        return path, f"missing required field '{field}'", "parent"
    if kind == "string_type" and isinstance(value, (Plain, int, float)) and not isinstance(value, bool):
        raw = value.text if isinstance(value, Plain) else str(value)
        reads = value.kind if isinstance(value, Plain) else "a number"
        message = f'{subject} must be text, but {raw} unquoted reads as {reads}; quote it: {field}: "{raw}"'
    elif kind == "literal_error":
        expected = ctx.get("expected", "")
        options = [o.strip().strip("'") for o in expected.replace(" or ", ", ").split(",")]
        hint = did_you_mean(str(value), options) if isinstance(value, str) else ""
        message = f"{subject} must be one of {expected}, not {_shown(value)}{hint}"
    elif kind == "string_pattern_mismatch":
        message = (
            f"{subject} must be an id: lower-case words joined by '-' (like the-medium), not {_shown(value)}"
        )
    elif kind in ("int_parsing", "int_type", "int_from_float"):
        message = f"{subject} must be a whole number, not {_shown(value)}"
    elif kind in ("float_parsing", "float_type"):
        message = f"{subject} must be a number, not {_shown(value)}"
    elif kind in ("less_than_equal", "less_than"):
        message = f"{subject} must be at most {_bound(ctx.get('le', ctx.get('lt')))}, not {_shown(value)}"
    elif kind in ("greater_than_equal", "greater_than"):
        message = f"{subject} must be at least {_bound(ctx.get('ge', ctx.get('gt')))}, not {_shown(value)}"
    elif kind == "list_type":
        message = f"{subject} must be a list ('- ...' lines or [a, b]), not {_shown(value)}"
    elif kind == "too_short" and isinstance(value, list):
        message = f"{subject} is empty; give at least one"
    elif kind == "too_long" and isinstance(value, list):
        message = f"{subject} has {len(value)} entries; the limit is {ctx.get('max_length')}"
    elif kind in ("model_type", "model_attributes_type", "dict_type"):
        each = f"each entry of '{field}'" if in_list else subject
        message = f"{each} must be a mapping of 'key: value' lines, not {_shown(value)}"
    elif kind == "string_too_short":
        message = f"{subject} is empty; give it a value or remove the line"
    elif kind == "string_too_long":
        message = f"{subject} is longer than {ctx.get('max_length'):,} characters; shorten it"
    elif kind in ("bool_type", "bool_parsing"):
        message = f"{subject} must be true or false, not {_shown(value)}"
    elif kind in ("string_type", "text_type"):
        if value is None:
            message = f"{subject} is empty; give it a value or remove the line"
        else:
            message = f"{subject} must be text, not {_shown(value)}"
    else:
        said = err["msg"][0].lower() + err["msg"][1:]
        message = f"{subject} {said}" if said.startswith("must ") else f"{subject}: {said}"
    return path, message, where


def schema_problems(
    exc: ValidationError, root: Any, path: str, model: type[BaseModel], prefix: tuple[Any, ...] = ()
) -> list[Problem]:
    """Turn pydantic's errors for `model` (validated from `root` at `prefix`) into problems."""
    data = _author_data(root, prefix)
    problems = []
    for err in exc.errors(include_url=False):
        at, message, where = error_message(err, data, model, prefix)
        mark = locate(root, prefix + at, key=where == "key")
        problems.append(Problem.at(path, mark, message))
    return problems


def _author_data(root: Any, prefix: tuple[Any, ...]) -> Any:
    node = root
    for part in prefix:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return None
    return node
