"""The one YAML loader: strict, text-only, with the line and column of every value.

Every file the project reads (the fact base, packs, settings) goes through `load_yaml`.
It parses events with libyaml when present and builds plain dicts, lists and strings
itself, so that:

- no scalar is typed implicitly beyond plain whole numbers (`1958`): `NO`, `1:20`, `017`,
  `2013-02-30` are never turned into booleans, numbers or dates; such plain scalars are kept
  as `Plain` (with their text), so the schema can tell an author to quote them where text is
  expected;
- anchors, aliases, explicit tags, complex keys, duplicate keys, several documents, absurd
  depth, control and invisible characters and oversized files are refused with a position;
- any failure, whatever its type, becomes a `YamlError(path, line, col, message)`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .progress import Progress, no_progress

try:  # libyaml is much faster; the pure-Python parser gives the same events.
    from yaml import CSafeLoader as _Loader

    HAVE_LIBYAML = True
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

    HAVE_LIBYAML = False

PACK_MAX_BYTES = 8 * 1024 * 1024
FACTS_MAX_BYTES = 512 * 1024 * 1024
MAX_LINE_CHARS = 20_000
MAX_DEPTH = 40
REPORT_EVERY = 512  # lists and mappings opened between progress reports (a few thousand events)

# C0/C1 controls (tab, LF and CR allowed), bidi overrides and isolates, zero-width characters,
# and a byte-order mark anywhere but at the start.
_BAD_CHAR = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)
_BAD_CHAR_NAMES = {
    "\x00": "a NUL byte",
    "\ufeff": "a byte-order mark",
    "\u200b": "a zero-width space",
    "\u200c": "a zero-width non-joiner",
    "\u200d": "a zero-width joiner",
}


@dataclass(frozen=True)
class Mark:
    """A 1-based position in a file."""

    line: int
    col: int


class YamlError(Exception):
    """A file the loader refuses, with the position of the problem."""

    def __init__(self, path: str, line: int, col: int, message: str) -> None:
        super().__init__(f"{path}:{line}:{col}: error: {message}")
        self.path = path
        self.line = line
        self.col = col
        self.message = message


class Plain:
    """A plain (unquoted) scalar that YAML 1.1 would read as `kind` (a yes/no value, a date...).

    Not a `str`, so a text field refuses it natively and the schema can tell the author to
    quote it; fields that want such a value (a flag, a number) read `text`.
    """

    __slots__ = ("text", "kind")

    def __init__(self, text: str, kind: str) -> None:
        self.text = text
        self.kind = kind

    def __repr__(self) -> str:
        return self.text

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Plain) and other.text == self.text

    def __hash__(self) -> int:
        return hash(self.text)


class YMap(dict):
    """A mapping that remembers where each key and value stood."""

    __slots__ = ("mark", "key_marks", "value_marks")

    def __init__(self, mark: Mark) -> None:
        super().__init__()
        self.mark = mark
        self.key_marks: dict[str, Mark] = {}
        self.value_marks: dict[str, Mark] = {}


class YSeq(list):
    """A sequence that remembers where each item stood."""

    __slots__ = ("mark", "item_marks")

    def __init__(self, mark: Mark) -> None:
        super().__init__()
        self.mark = mark
        self.item_marks: list[Mark] = []


_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_IMPLICIT = _Loader.yaml_implicit_resolvers
_KIND_NAMES = {
    "tag:yaml.org,2002:bool": "a yes/no value",
    "tag:yaml.org,2002:int": "a number",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:timestamp": "a date",
    "tag:yaml.org,2002:merge": "a merge key",
    "tag:yaml.org,2002:value": "a value key",
    "tag:yaml.org,2002:yaml": "a YAML tag",
}


def _typed_kind(value: str) -> str | None:
    """What YAML 1.1 would have turned this plain scalar into, or None for text."""
    for tag, regexp in _IMPLICIT.get(value[:1], ()):
        if tag != "tag:yaml.org,2002:null" and regexp.match(value):
            return _KIND_NAMES.get(tag, "a non-text value")
    return None


_DECIMAL = re.compile(r"^[-+]?(?:0|[1-9][0-9]{0,17})$")


def _scalar(value: str, plain: bool) -> Any:
    """Quoted scalars are text; plain ones are text, None, a whole number, or a marked `Plain`."""
    if not plain:
        return value
    if value in _NULLS:
        return None
    if _DECIMAL.match(value):
        return int(value)
    kind = _typed_kind(value)
    return value if kind is None else Plain(value, kind)


def _mark(m: Any) -> Mark:
    return Mark(m.line + 1, m.column + 1) if m is not None else Mark(1, 1)


def _position(text: str, index: int) -> Mark:
    line = text.count("\n", 0, index) + 1
    col = index - (text.rfind("\n", 0, index) + 1) + 1
    return Mark(line, col)


def _check_text(path: str, text: str) -> None:
    bad = _BAD_CHAR.search(text)
    if bad:
        ch = bad.group()
        name = _BAD_CHAR_NAMES.get(ch, f"the invisible or control character U+{ord(ch):04X}")
        at = _position(text, bad.start())
        raise YamlError(path, at.line, at.col, f"{name} is not allowed; delete it")
    if len(text) > MAX_LINE_CHARS:
        longest = max(text.split("\n"), key=len)
        if len(longest) > MAX_LINE_CHARS:
            at = _position(text, text.index(longest))
            raise YamlError(
                path,
                at.line,
                1,
                f"line is {len(longest):,} characters long; the limit is {MAX_LINE_CHARS:,}",
            )


_UTF32 = (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")


def _utf16(data: bytes) -> str | None:
    """The codec of UTF-16 text: by its byte-order mark, or by the zero bytes ASCII text has in it."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    head = data[:200]
    if len(head) >= 4 and len(head) % 2 == 0:
        even, odd = head[0::2], head[1::2]
        if odd.count(0) >= len(odd) * 0.9 and 0 not in even:
            return "utf-16-le"
        if even.count(0) >= len(even) * 0.9 and 0 not in odd:
            return "utf-16-be"
    return None


def decode(path: str, data: bytes) -> str:
    """Text of a file saved as UTF-8 (a leading BOM is fine) or UTF-16 (Notepad's "Unicode").

    Anything else is refused with the line and column of the first bad byte.
    """
    if data.startswith(_UTF32):
        raise YamlError(path, 1, 1, "the file is saved as UTF-32; save it as UTF-8")
    codec = _utf16(data)
    if codec is not None:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            raise YamlError(path, 1, 1, "this UTF-16 file is damaged; save it again as UTF-8") from None
        return text[1:] if text.startswith("\ufeff") else text
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        good = data[: exc.start].decode("utf-8", errors="replace")
        at = _position(good, len(good))
        raise YamlError(
            path, at.line, at.col, f"not UTF-8 text (byte 0x{data[exc.start]:02x}); save the file as UTF-8"
        ) from None


def read_yaml(
    path: Path | str,
    *,
    max_bytes: int = PACK_MAX_BYTES,
    shown: str | None = None,
    progress: Progress = no_progress,
) -> YMap:
    """Read and parse one YAML file; `shown` is the name used in messages (default: the path)."""
    name = shown or str(path)
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > max_bytes:
            raise YamlError(
                name, 1, 1, f"file is {size:,} bytes; the limit is {max_bytes:,} for this kind of file"
            )
        data = p.read_bytes()
    except YamlError:
        raise
    except IsADirectoryError:
        raise YamlError(name, 1, 1, "is a folder, not a YAML file") from None
    except FileNotFoundError:
        raise YamlError(name, 1, 1, "no such file") from None
    except OSError as exc:
        raise YamlError(name, 1, 1, f"cannot read: {exc.strerror or exc}") from None
    return load_yaml(data, name, max_bytes=max_bytes, progress=progress)


def load_yaml(
    data: bytes | str,
    path: str = "<text>",
    *,
    max_bytes: int = PACK_MAX_BYTES,
    progress: Progress = no_progress,
) -> YMap:
    """Parse one YAML document whose top level is a mapping, strictly (see the module doc).

    `progress` is told how many characters of the text have been parsed.
    """
    if isinstance(data, bytes):
        if len(data) > max_bytes:
            raise YamlError(path, 1, 1, f"file is {len(data):,} bytes; the limit is {max_bytes:,}")
        text = decode(path, data)
    else:
        text = data[1:] if data.startswith("\ufeff") else data
        if len(text) > max_bytes:
            raise YamlError(path, 1, 1, f"file is {len(text):,} characters; the limit is {max_bytes:,}")
    _check_text(path, text)
    try:
        root = _build(path, text, progress)
    except YamlError:
        raise
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        at = _mark(mark)
        pasted = _pasted_space(path, text, at.line)
        if pasted is not None:
            raise pasted from None
        problem = exc.problem or exc.context or "is not valid YAML"
        raise YamlError(path, at.line, at.col, _explain(problem)) from None
    except yaml.YAMLError as exc:
        raise YamlError(path, 1, 1, f"not valid YAML: {exc}") from None
    except Exception as exc:  # noqa: BLE001 - every failure must become a positioned message
        raise YamlError(path, 1, 1, f"cannot read this file as YAML ({type(exc).__name__}: {exc})") from None
    progress(len(text), len(text))
    return root


# Spaces a web page or a word processor pastes where YAML wants a plain one (U+0020).
_ODD_SPACE = "\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
_SPACE_NAMES = {
    "\t": "a tab",
    "\u00a0": "a non-breaking space",
    "\u202f": "a narrow non-breaking space",
    "\u3000": "a full-width space",
}
_INDENT = re.compile(f"^[ \\t{_ODD_SPACE}]*")
_AFTER_KEY = re.compile(f"^[ ]*(?:-[ ]+)*([^\\s:#'\"\\[\\]{{}},&*!|>%@`-][^:#]*?):([{_ODD_SPACE}])")
_AFTER_DASH = re.compile(f"^[ ]*(-)([{_ODD_SPACE}])")
_KEY_IN_ITEM = re.compile(f"^([A-Za-z_][\\w-]*:|-)([{_ODD_SPACE}])")


def _pasted_in_scalar(value: str, in_list: bool) -> bool:
    """Whether a plain text begins as a list entry or (in a list) a key followed by an odd space."""
    m = _KEY_IN_ITEM.match(value)
    return m is not None and (in_list or m.group(1) == "-")


def _space_name(ch: str) -> str:
    return _SPACE_NAMES.get(ch, f"the space character U+{ord(ch):04X}")


def _pasted_space(path: str, text: str, upto: int) -> YamlError | None:
    """The last odd space (a non-breaking space, a tab) where YAML wants a plain one, up to line `upto`.

    libyaml reports such a space as a structure error on a later line ("could not find expected
    ':'"); the space itself is the mistake to show.
    """
    found: YamlError | None = None
    for number, line in enumerate(text.split("\n")[:upto], start=1):
        line = line.rstrip("\r")
        indent = _INDENT.match(line)
        if indent and indent.end() < len(line):
            odd = next((i for i, ch in enumerate(indent.group()) if ch != " "), None)
            if odd is not None and line[indent.end()] != "#":
                name = _space_name(line[odd])
                found = YamlError(
                    path, number, odd + 1, f"{name} in the indentation; indent with plain spaces"
                )
                continue
        m = _AFTER_KEY.match(line) or _AFTER_DASH.match(line)
        if m:
            message = f"{_space_name(m.group(2))} after '{m.group(1).strip()}:'; use a plain space"
            if m.group(1) == "-":
                message = f"{_space_name(m.group(2))} after '-'; use a plain space"
            found = YamlError(path, number, m.start(2) + 1, message)
    return found


def _explain(problem: str) -> str:
    if "'\\t'" in problem or "\\t" in problem:
        return "a tab is used for indentation; indent with spaces"
    if "maximum nesting depth" in problem:
        return f"nested more than {MAX_DEPTH} levels deep"
    if "found unexpected end of stream" in problem:
        return "the file ends inside a quoted text; close the quote"
    if "mapping values are not allowed here" in problem:
        return "a ':' here starts a mapping where none can be; check the indentation or quote the text"
    return problem


def _build(path: str, text: str, progress: Progress) -> YMap:
    loader = _Loader(text)
    try:
        return _walk(path, loader, progress, len(text))
    finally:
        loader.dispose()


def _walk(path: str, loader: Any, progress: Progress, size: int) -> YMap:
    # An explicit stack instead of recursion: deep nesting cannot exhaust Python's stack.
    stack: list[Any] = []  # containers being filled
    pending_key: list[Any] = []  # for each open mapping: the key waiting for its value, or a sentinel
    root: YMap | None = None
    documents = 0
    opened = 0  # lists and mappings: counted for the progress reports, which cost less than 1%
    no_key = object()

    def error(event: Any, message: str) -> YamlError:
        at = _mark(event.start_mark)
        return YamlError(path, at.line, at.col, message)

    def add(value: Any, event: Any) -> None:
        mark = _mark(event.start_mark)
        if not stack:
            nonlocal root
            if not isinstance(value, YMap):
                what = "a list" if isinstance(value, YSeq) else "a single value"
                raise YamlError(
                    path,
                    mark.line,
                    mark.col,
                    f"the top level is {what}; it must be a mapping of 'key: value' lines",
                )
            root = value
            return
        parent = stack[-1]
        if isinstance(parent, YSeq):
            parent.append(value)
            parent.item_marks.append(mark)
            return
        key = pending_key[-1]
        if key is no_key:
            if not isinstance(value, str):
                raise YamlError(path, mark.line, mark.col, "a key must be text, not a list or mapping")
            key = str(value) if value is not None else ""
            if key in parent:
                first = parent.key_marks[key]
                raise YamlError(
                    path, mark.line, mark.col, f"duplicate key '{key}' (first at line {first.line}); keep one"
                )
            parent.key_marks[key] = mark
            pending_key[-1] = key
        else:
            parent[key] = value
            parent.value_marks[key] = mark
            pending_key[-1] = no_key

    while True:
        event = loader.get_event()
        if event is None:  # pragma: no cover - the parser always ends with StreamEndEvent
            break
        cls = type(event)
        if cls is yaml.ScalarEvent:
            if event.anchor is not None:
                raise error(event, "anchors (&name) are not supported; write the value out")
            if event.tag is not None and event.tag != "!":
                raise error(event, f"tags such as '{event.tag}' are not supported; quote the value instead")
            if stack and pending_key[-1] is no_key and isinstance(stack[-1], YMap):
                add(event.value, event)  # keys stay plain text whatever they look like
            elif (
                event.implicit[0]
                and (event.value[:1] == "-" or ":" in event.value)  # cheap test first: most are neither
                and _pasted_in_scalar(event.value, bool(stack) and isinstance(stack[-1], YSeq))
            ):
                # `- prompt:<non-breaking space>Who` or `-<non-breaking space>Kim` reads as one
                # text instead of a mapping or a list
                m = _KEY_IN_ITEM.match(event.value)
                assert m is not None
                at = _mark(event.start_mark)
                message = f"{_space_name(m.group(2))} after '{m.group(1)}'; use a plain space"
                raise YamlError(path, at.line, at.col + m.start(2), message)
            else:
                add(_scalar(event.value, event.implicit[0]), event)
        elif cls is yaml.MappingStartEvent or cls is yaml.SequenceStartEvent:
            if event.anchor is not None:
                raise error(event, "anchors (&name) are not supported; write the value out")
            if event.tag is not None and event.tag != "!":
                raise error(event, f"tags such as '{event.tag}' are not supported")
            if stack and isinstance(stack[-1], YMap) and pending_key[-1] is no_key:
                raise error(event, "a key must be text, not a list or mapping")
            if len(stack) >= MAX_DEPTH:
                raise error(event, f"nested more than {MAX_DEPTH} levels deep")
            opened += 1
            if not opened % REPORT_EVERY:
                progress(event.start_mark.index, size)
            mark = _mark(event.start_mark)
            container: YMap | YSeq = YMap(mark) if cls is yaml.MappingStartEvent else YSeq(mark)
            add(container, event)
            stack.append(container)
            pending_key.append(no_key)
        elif cls is yaml.MappingEndEvent or cls is yaml.SequenceEndEvent:
            stack.pop()
            pending_key.pop()
        elif cls is yaml.AliasEvent:
            raise error(event, "aliases (*name) are not supported; write the value out")
        elif cls is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise error(
                    event, "only one YAML document is allowed per file; remove the '---' and what follows"
                )
        elif cls is yaml.StreamEndEvent:
            break
    if root is None:
        raise YamlError(path, 1, 1, "the file is empty; it must hold a mapping of 'key: value' lines")
    return root


def locate(root: Any, loc: tuple[Any, ...], *, key: bool = False) -> Mark:
    """The position of the value at `loc` under `root` (or of its key); the nearest known one."""
    node = root
    best: Mark = getattr(root, "mark", Mark(1, 1))
    for i, part in enumerate(loc):
        last = i == len(loc) - 1
        if isinstance(node, YMap) and isinstance(part, str) and part in node:
            if last and key:
                return node.key_marks.get(part, best)
            best = node.value_marks.get(part, node.key_marks.get(part, best))
            node = node[part]
        elif isinstance(node, YSeq) and isinstance(part, int) and 0 <= part < len(node):
            best = node.item_marks[part]
            node = node[part]
        else:
            break
    return best
