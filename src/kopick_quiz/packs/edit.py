"""Small edits to a pack file that keep the author's layout and comments: the file is changed
only where the edit goes, checked, and written whole or not at all."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

if TYPE_CHECKING:
    from ..facts.base import FactBase


class EditError(Exception):
    """The edit could not be made; the file is as it was. One plain sentence."""


def add_accepted(path: Path, question_id: str, answer: str, base: FactBase | None = None) -> bool:
    """Add `answer` to the `accept:` list of question `question_id` in the pack at `path`.

    Returns False when the question already accepts it. The new file is checked as a pack before
    it replaces the old one.
    """
    from ..text import normalise
    from .load import load_pack

    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise EditError(f"cannot read {path}: {exc.strerror or exc}") from None
    item = _question_node(text, question_id, path)
    accepted = [v for k, v in item.value if k.value in ("answer", "accept")]
    known = {
        normalise(n.value)
        for v in accepted
        for n in ([v] if isinstance(v, yaml.ScalarNode) else v.value)
        if isinstance(n, yaml.ScalarNode)
    }
    if normalise(answer) in known:
        return False
    quoted = json.dumps(" ".join(answer.split()), ensure_ascii=False)  # a YAML double-quoted scalar
    edited = _insert(text, item, quoted)
    folder = path.parent
    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=path.suffix, dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(edited)
        try:
            load_pack(Path(tmp), base, shown=str(path))
        except Exception as exc:  # noqa: BLE001 - any problem leaves the pack as it was
            raise EditError(f"adding the answer would break {path} ({exc}); it was left as it was") from None
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return True


def _question_node(text: str, question_id: str, path: Path) -> yaml.MappingNode:
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        raise EditError(
            f"{path} is not valid YAML ({exc}); fix it first: kopick-quiz validate {path}"
        ) from None
    if isinstance(root, yaml.MappingNode):
        for key, value in root.value:
            if key.value == "questions" and isinstance(value, yaml.SequenceNode):
                for item in value.value:
                    if isinstance(item, yaml.MappingNode) and any(
                        k.value == "id" and getattr(v, "value", None) == question_id for k, v in item.value
                    ):
                        return item
    raise EditError(
        f"{path} has no question '{question_id}' written out (a generated question cannot take answers)"
    )


def _insert(text: str, item: yaml.MappingNode, quoted: str) -> str:
    for key, value in item.value:
        if key.value != "accept":
            continue
        if isinstance(value, yaml.SequenceNode) and value.flow_style:
            end = value.end_mark.index - 1  # the closing ]
            sep = ", " if value.value else ""
            return text[:end] + sep + quoted + text[end:]
        if isinstance(value, yaml.SequenceNode) and value.value:
            last = value.value[-1]
            line_end = text.find("\n", last.end_mark.index)
            line_end = len(text) if line_end < 0 else line_end
            prefix = " " * max(0, last.start_mark.column - 2) + "- "
            return text[:line_end] + "\n" + prefix + quoted + text[line_end:]
        # `accept:` with nothing, or a single text: made a list holding both
        start, end = value.start_mark.index, value.end_mark.index
        old = text[start:end].strip()
        inner = f"{old}, {quoted}" if old and old not in ("[]", "~", "null") else quoted
        return text[: key.end_mark.index] + f": [{inner}]" + text[end:]
    id_key = next(k for k, _ in item.value if k.value == "id")
    line_end = text.find("\n", id_key.end_mark.index)
    line_end = len(text) if line_end < 0 else line_end
    return text[:line_end] + "\n" + " " * id_key.start_mark.column + f"accept: [{quoted}]" + text[line_end:]
