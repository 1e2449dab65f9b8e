"""Moodle GIFT: import a GIFT file into the pack format, and export a pack as GIFT.

How GIFT maps to packs (docs/packs.md has the table for teachers):

- multiple choice with one right answer (`=`, or a single `~%100%`) → `choice`; a choice worth
  part of the points (`~%50%B`) → an `answer` entry with that `weight`;
- multiple choice with several right answers (`~%50%A ~%50%B ~%-100%C`) → `multi` with choices;
- short answer `{=a =b}` → `short`: the first right answer is `answer`, the others `accept`;
  `=%75%c` → an `answer` entry with weight 75;
- true/false `{T}` `{FALSE}` → `truefalse`; numeric `{#1822:5}` → `number` with a tolerance,
  `{#1950..1960}` → the midpoint with half the range as tolerance, a year (exact, and the prompt
  asks "when" or for a "year") → `year`; `=%50%1800:30` → an entry with its own tolerance;
- matching → one `short` question per pair; essay and description → skipped (a first
  description becomes the pack's description);
- general feedback (`####`) → `explanation`; feedback on an answer stays with it (an entry's
  `feedback`, or `feedback` for a wrong answer), except on multi and true/false questions, whose
  right answers' feedback joins the explanation; `=*#...` (any other answer) → `feedback: {"*": ...}`;
- `$CATEGORY` → a tag; `::title::` → the id;
- `[html]` is turned into plain text, `[markdown]`, `[plain]` and `[moodle]` are kept as written.

Anything that cannot be kept is an `ImportNote` naming its line; broken structure (braces) is an
error with line and column. Export writes what GIFT cannot hold (tags, hints, difficulty...) in
`// kopick-quiz: {...}` comment lines, which Moodle ignores and the importer reads back, so that
importing an exported pack gives the same pack.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from ..diagnostics import FileProblems, Problem
from ..questions import Question
from ..text import normalise
from .formats import (
    Exported,
    Format,
    Imported,
    ImportNote,
    clean_text,
    keep_valid,
    read_source,
    register,
    slugify,
    unique_id,
)
from .load import Pack
from .writer import number_text

_SPECIALS = "~=#{}:"
_HOLD = {c: chr(0xE000 + ord(c)) for c in _SPECIALS}
_NEWLINE = chr(0xE000 + 10)
_RESTORE = str.maketrans({**{v: k for k, v in _HOLD.items()}, _NEWLINE: "\n"})
_META = re.compile(r"^\s*//\s*kopick-quiz(?P<pack> pack)?:\s*(?P<json>.*?)\s*$")
_FORMAT = re.compile(r"^\s*\[(html|moodle|plain|markdown)\]")
_WEIGHT = re.compile(r"^\s*%(-?\d+(?:\.\d*)?)%")
_HTML_LIKE = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>|&(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);")
_YEAR_WORDS = re.compile(r"\b(year|when)\b", re.IGNORECASE)
_TRUE, _FALSE = ("T", "TRUE"), ("F", "FALSE")


# -- reading -----------------------------------------------------------------------------------


@dataclass
class _Chunk:
    """Text of one question with escapes held as placeholders, and where each character stood."""

    text: str
    pos: list[tuple[int, int]]

    def at(self, i: int) -> tuple[int, int]:
        return self.pos[min(max(i, 0), len(self.pos) - 1)] if self.pos else (1, 1)

    def cut(self, start: int, end: int | None = None) -> _Chunk:
        end = len(self.text) if end is None else end
        return _Chunk(self.text[start:end], self.pos[start:end])

    def strip(self) -> _Chunk:
        text = self.text
        start = len(text) - len(text.lstrip())
        end = len(text.rstrip())
        return self.cut(start, max(start, end))


@dataclass
class _Block:
    chunk: _Chunk
    line: int
    meta: dict[str, Any] | None
    meta_line: int
    pack_meta: dict[str, Any] | None


def _hold_escapes(lines: list[tuple[int, str]]) -> _Chunk:
    chars: list[str] = []
    pos: list[tuple[int, int]] = []
    for k, (number, line) in enumerate(lines):
        if k:
            chars.append("\n")
            pos.append((number, 1))
        if "\\" not in line:  # most lines escape nothing: every character stands for itself
            chars.extend(line)
            pos.extend((number, col) for col in range(1, len(line) + 1))
            continue
        i = 0
        while i < len(line):
            ch = line[i]
            nxt = line[i + 1] if i + 1 < len(line) else ""
            if ch == "\\" and nxt in _HOLD:
                chars.append(_HOLD[nxt])
            elif ch == "\\" and nxt == "n":
                chars.append(_NEWLINE)
            elif ch == "\\" and nxt == "\\":
                chars.append("\\")
            else:
                chars.append(ch)
                pos.append((number, i + 1))
                i += 1
                continue
            pos.append((number, i + 1))
            i += 2
    return _Chunk("".join(chars), pos)


def _blocks(text: str, name: str, notes: list[ImportNote]) -> Iterator[_Block]:
    """The questions of a file: runs of lines between blank lines, comment lines left out."""
    current: list[tuple[int, str]] = []
    meta: dict[str, Any] | None = None
    pack_meta: dict[str, Any] | None = None
    meta_line = 0

    def flush() -> _Block | None:
        kept = [(n, line) for n, line in current if not line.strip().startswith("//")]
        if not kept and pack_meta is None:
            return None
        chunk = _hold_escapes(kept).strip()
        first = kept[0][0] if kept else current[0][0]
        return _Block(chunk, first, meta, meta_line, pack_meta)

    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            m = _META.match(line)
            if m:
                try:
                    data = json.loads(m.group("json"))
                    if not isinstance(data, dict):
                        raise ValueError
                except ValueError:
                    notes.append(
                        ImportNote(name, number, "this kopick-quiz comment is not a JSON object; ignored")
                    )
                else:
                    if m.group("pack"):
                        pack_meta = data
                    else:
                        meta, meta_line = data, number
            current.append((number, line))
            continue
        if current:
            block = flush()
            if block is not None:
                yield block
        current, meta, pack_meta = [], None, None
    if current:
        block = flush()
        if block is not None:
            yield block


class _HtmlText(HTMLParser):
    _BLOCKS = frozenset(
        {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote"}
    )
    _MEDIA = frozenset({"img", "audio", "video", "iframe", "object", "embed", "svg", "math"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.lost: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._BLOCKS:
            self.parts.append("\n")
        if tag in self._MEDIA:
            self.lost.add(tag)
            alt = dict(attrs).get("alt")
            if alt:
                self.parts.append(f" {alt} ")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(re.sub(r"\s+", " ", data))


def html_to_text(html: str) -> tuple[str, set[str]]:
    """Plain text of an HTML fragment (paragraphs as lines), and the media tags it had to drop."""
    parser = _HtmlText()
    parser.feed(html)
    parser.close()
    lines = [re.sub(r" +", " ", line).strip() for line in "".join(parser.parts).split("\n")]
    text = "\n".join(line for line in lines if line)
    return text, parser.lost


class _Reader:
    """One GIFT file being converted."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.notes: list[ImportNote] = []
        self.errors: list[Problem] = []
        self.specs: list[dict[str, Any]] = []
        self.ids: set[str] = set()
        self.category: str | None = None
        self.first_category: str | None = None
        self.description: str | None = None
        self.pack_meta: dict[str, Any] = {}
        self.lost: set[str] = set()

    def note(self, line: int, message: str) -> None:
        self.notes.append(ImportNote(self.name, line, message))

    def error(self, chunk: _Chunk, i: int, message: str) -> None:
        line, col = chunk.at(i)
        self.errors.append(Problem(self.name, line, col, "error", message))

    def render(self, raw: str, fmt: str) -> str:
        """A piece of question text as plain text: its own [format] or the question's, escapes undone."""
        m = _FORMAT.match(raw)
        if m:
            fmt, raw = m.group(1), raw[m.end() :]
        text = raw.translate(_RESTORE)
        if fmt == "html" or (fmt == "moodle" and _HTML_LIKE.search(text)):
            text, lost = html_to_text(text)
            self.lost |= lost
        return clean_text(text)

    # -- one block ---------------------------------------------------------------------------

    def read(self, block: _Block) -> None:
        if block.pack_meta is not None:
            self.pack_meta = block.pack_meta
        chunk = block.chunk
        if not chunk.text:
            return
        if chunk.text.startswith("$CATEGORY:"):
            end = chunk.text.find("\n")
            end = len(chunk.text) if end == -1 else end
            path = chunk.text[len("$CATEGORY:") : end].translate(_RESTORE).strip()
            parts = [p for p in re.split(r"(?<!/)/(?!/)", path) if p and not p.startswith("$") and p != "top"]
            self.category = parts[-1].replace("//", "/").strip() if parts else None
            self.first_category = self.first_category or self.category
            rest = chunk.cut(end).strip()
            if not rest.text:
                return
            chunk = rest
            block = _Block(rest, rest.at(0)[0], block.meta, block.meta_line, None)
        self.question(block, chunk)

    def question(self, block: _Block, chunk: _Chunk) -> None:
        line = block.line
        title = ""
        if chunk.text.startswith("::"):
            end = chunk.text.find("::", 2)
            if end == -1:
                self.note(line, "the question title opened with '::' is never closed; it is ignored")
                chunk = chunk.cut(2).strip()
            else:
                title = clean_text(chunk.text[2:end].translate(_RESTORE))
                chunk = chunk.cut(end + 2).strip()
        text = chunk.text
        self.lost = set()
        open_i, close_i = text.find("{"), text.find("}")
        if open_i == -1 and close_i == -1:
            return self.described(line, text)
        if open_i == -1 or (close_i != -1 and close_i < open_i):
            return self.error(chunk, close_i, "'}' closes no '{'; write \\} for a brace in the text")
        if close_i == -1:
            return self.error(
                chunk,
                open_i,
                "'{' is never closed by '}'; a blank line ends a question, so its answers must not hold one "
                "(write \\{ for a brace in the text)",
            )
        nested = text.find("{", open_i + 1, close_i)
        if nested != -1:
            return self.error(chunk, nested, "'{' inside an answer block; write \\{ for a brace in the text")
        after = text[close_i + 1 :]
        extra = min((i for i in (after.find("{"), after.find("}")) if i != -1), default=-1)
        if extra != -1:
            return self.error(
                chunk,
                close_i + 1 + extra,
                "a second answer block; a GIFT question has one {...}: write \\{ and \\} for braces in the text",
            )
        before = text[:open_i]
        fmt_match = _FORMAT.match(before)
        fmt = fmt_match.group(1) if fmt_match else "moodle"
        body = before + "_____" + after if after.strip() else before
        prompt = self.render(body, fmt)
        answers = text[open_i + 1 : close_i].strip()
        general = ""
        split = answers.rfind("####")
        if split != -1:
            general = self.render(answers[split + 4 :], fmt)
            answers = answers[:split].strip()
        q = _Question(title=title, prompt=prompt, fmt=fmt, general=general, line=line)
        if not answers:
            self.note(line, "essay questions need a person to grade them; skipped")
            return
        if answers.startswith("#"):
            made = self.numeric(q, answers[1:])
        elif "~" in answers:
            made = self.multichoice(q, answers)
        elif "=" in answers and "->" in answers:
            made = self.matching(q, answers)
        elif answers.split("#", 1)[0].strip().upper() in _TRUE + _FALSE:
            made = self.truefalse(q, answers)
        else:
            made = self.short(q, answers)
        if self.lost:
            self.note(line, f"{', '.join(sorted(self.lost))} cannot be shown in a terminal; left out")
        for spec in made:
            self.finish(spec, q, block)

    def described(self, line: int, text: str) -> None:
        described = self.render(text, "moodle")
        if self.description is None and not self.specs:
            self.description = described
            self.note(line, "a description (text without answers) becomes the pack's description")
        else:
            self.note(line, "a description (text without answers) is not a question; skipped")

    # -- kinds -------------------------------------------------------------------------------

    def _answers(self, text: str, starts: str) -> list[tuple[str, str]]:
        """`text` split before each character of `starts`: (marker, rest) pairs, blanks left out."""
        out: list[tuple[str, str]] = []
        for m in re.finditer(rf"([{re.escape(starts)}]?)([^{re.escape(starts)}]*)", text):
            marker, rest = m.group(1), m.group(2)
            if marker or rest.strip():
                out.append((marker, rest))
        return out

    def _weight(self, text: str, default: float) -> tuple[float, str]:
        m = _WEIGHT.match(text)
        if not m:
            return default, text
        return float(m.group(1)), text[m.end() :]

    def _feedback(self, text: str, fmt: str) -> tuple[str, str]:
        answer, _, feedback = text.partition("#")
        return self.render(answer, fmt), self.render(feedback, fmt)

    def multichoice(self, q: _Question, text: str) -> list[dict[str, Any]]:
        options: list[tuple[str, float, str]] = []
        single = False
        for marker, rest in self._answers(text, "~="):
            weight, rest = self._weight(rest, 100.0 if marker == "=" else 0.0)
            single = single or marker == "="
            answer, feedback = self._feedback(rest, q.fmt)
            options.append((answer, weight, feedback))
        choices = [a for a, _, _ in options]
        right = [a for a, w, _ in options if w > 0]
        if not right:
            self.note(q.line, "a multiple-choice question with no right answer; skipped")
            return []
        weights = {w for _, w, _ in options if w > 0}
        if single or (len(right) == 1 and weights == {100.0}) or (100.0 in weights and not _adds_up(options)):
            # One answer to pick; others may earn a share of the points.
            full = [a for a, w, _ in options if w >= 100][:1] or [max(options, key=lambda o: o[1])[0]]
            answer: list[Any] = []
            for a, w, feedback in options:
                if a in full:
                    answer.insert(0, _entry(a, 100.0, feedback))
                elif w > 0:
                    answer.append(_entry(a, min(w, 100.0), feedback))
                elif feedback:
                    q.feedback[a] = feedback
            if not [a for a, w, _ in options if w >= 100]:
                self.note(
                    q.line, f"no choice is worth 100%; '{full[0]}' (the best) is taken as the right one"
                )
            return [q.spec("choice", answer, choices=choices)]
        for answer_text, weight, feedback in options:
            if weight > 0 and feedback:
                q.right_feedback.append(feedback)
            elif feedback:
                q.feedback[answer_text] = feedback
        if len(weights) > 1:
            self.note(
                q.line, "the answers' different weights are not kept; each right choice counts the same"
            )
        return [q.spec("multi", right, choices=choices)]

    def short(self, q: _Question, text: str) -> list[dict[str, Any]]:
        right: list[tuple[str, str]] = []
        partial: list[dict[str, Any]] = []
        for _, rest in self._answers(text, "="):
            weight, rest = self._weight(rest, 100.0)
            answer, feedback = self._feedback(rest, q.fmt)
            if answer == "*":
                if feedback:
                    q.catch_all.append(feedback)
                continue
            if weight >= 100:
                right.append((answer, feedback))
            elif weight > 0:
                partial.append(_entry(answer, weight, feedback))
            elif feedback:
                q.feedback[answer] = feedback
            if "*" in answer:
                self.note(q.line, f"the wildcard '*' in '{answer}' is matched as a plain character here")
        if not right:
            self.note(q.line, "a short-answer question with no fully right answer; skipped")
            return []
        # The first right answer and those with feedback of their own are answers; the others
        # other spellings (`accept`).
        first, *others = right
        answer = [_entry(first[0], 100.0, first[1])] + [_entry(a, 100.0, f) for a, f in others if f] + partial
        accept = [a for a, f in others if not f]
        return [q.spec("short", answer, accept=accept)]

    def truefalse(self, q: _Question, text: str) -> list[dict[str, Any]]:
        bits = text.split("#", 2) + ["", ""]
        value = bits[0].strip().upper() in _TRUE
        wrong, right = self.render(bits[1], q.fmt), self.render(bits[2], q.fmt)
        if wrong:
            q.feedback["false" if value else "true"] = wrong
        if right:
            q.right_feedback.append(right)
        return [q.spec("truefalse", ["true" if value else "false"])]

    def numeric(self, q: _Question, text: str) -> list[dict[str, Any]]:
        tilde = text.find("~")
        if tilde != -1:
            _, wrong = self._feedback(text[tilde + 1 :], q.fmt)
            if wrong:
                q.catch_all.append(wrong)
            text = text[:tilde]
        right: list[tuple[str, str, str]] = []
        partial: list[dict[str, Any]] = []
        for _, rest in self._answers(text, "="):
            weight, rest = self._weight(rest, 100.0)
            raw_text, _, raw_feedback = rest.partition("#")
            raw, feedback = self.render(raw_text, "plain"), self.render(raw_feedback, q.fmt)
            if raw == "*":
                if feedback:
                    q.catch_all.append(feedback)
                continue
            value = _number(raw)
            if value is None:
                self.note(q.line, f"'{raw}' is not a number, a number:tolerance or a min..max range; skipped")
                return []
            if weight >= 100:
                right.append((*value, feedback))
            elif weight > 0:
                partial.append(_entry(value[0], weight, feedback, value[1]))
            elif feedback:
                q.feedback[value[0]] = feedback
        if not right:
            self.note(q.line, "a numeric question with no fully right answer; skipped")
            return []
        answer, tolerance, feedback = right[0]
        # One number is the answer; the other right ones are entries worth the full points.
        extra = [{"text": a, "tolerance": t or None, "feedback": f or None} for a, t, f in right[1:]]
        extra = [{k: v for k, v in e.items() if v} for e in extra]
        exact_year = (
            not tolerance
            and not extra
            and re.fullmatch(r"\d{4}", answer)
            and 1000 <= int(answer) <= 2100
            and _YEAR_WORDS.search(q.prompt)
        )
        if exact_year:
            return [q.spec("year", [_entry(answer, 100.0, feedback), *partial])]
        return [q.spec("number", [_entry(answer, 100.0, feedback), *extra, *partial], tolerance=tolerance)]

    def matching(self, q: _Question, text: str) -> list[dict[str, Any]]:
        pairs: list[tuple[str, str]] = []
        extra: list[str] = []
        for _, rest in self._answers(text, "="):
            left, arrow, right = rest.partition("->")
            if not arrow:
                self.note(q.line, f"matching pair '{self.render(rest, q.fmt)}' has no '->'; skipped")
                continue
            left_text, right_text = self.render(left, q.fmt), self.render(right, "plain")
            if not left_text:
                extra.append(right_text)
            elif right_text:
                pairs.append((left_text, right_text))
        if not pairs:
            self.note(q.line, "a matching question with no pairs; skipped")
            return []
        message = f"a matching question becomes {len(pairs)} short questions, one for each pair"
        if extra:
            message += f"; the extra answers {_names(extra)} are left out"
        self.note(q.line, message)
        out = []
        stem = q.prompt
        for k, (left, right) in enumerate(pairs, start=1):
            one = _Question(
                title=f"{q.title}-{k}" if q.title else "",
                prompt=f"{stem} — {left}" if stem else left,
                fmt=q.fmt,
                general=q.general,
                line=q.line,
            )
            out.append(one.spec("short", [right], slug_of=f"{stem} {left}"))
        return out

    # -- after the kind ----------------------------------------------------------------------

    def finish(self, spec: dict[str, Any], q: _Question, block: _Block) -> None:
        explanation = [q.general] if q.general else []
        # Feedback on a right answer stays with its answer where the kind allows (short, number,
        # choice); for the others it is what a right answer is told, so it joins the explanation.
        explanation += [f for f in q.right_feedback if f not in explanation]
        if explanation:
            spec["explanation"] = "\n\n".join(explanation)
        feedback = dict(q.feedback)
        if q.catch_all:
            feedback["*"] = "\n\n".join(dict.fromkeys(q.catch_all))
        if feedback:
            spec["feedback"] = feedback
        if self.category and not self.pack_meta:
            # A file kopick-quiz exported keeps each question's own tags in its comments.
            spec["tags"] = [self.category]
        if block.meta:
            self.apply_meta(spec, block.meta, block.meta_line)
        title, slug_of = spec.pop("_title"), spec.pop("_slug")
        base = slugify(title, keep_dots=True, max_len=120) or slugify(slug_of) or "question"
        candidate = {"id": base, **spec}
        if keep_valid(candidate, self.notes, self.name, q.line):
            candidate["id"] = unique_id(base, self.ids)
            self.specs.append(candidate)

    def apply_meta(self, spec: dict[str, Any], meta: dict[str, Any], line: int) -> None:
        """Fields kept by kopick-quiz's own export in a `// kopick-quiz: {...}` comment."""
        kind = spec["type"]
        understood = True
        for key, value in meta.items():
            if key == "type" and value in ("year", "number") and kind in ("year", "number"):
                spec["type"] = value
                if value == "year":
                    spec.pop("tolerance", None)
            elif key == "type" and value == "multi" and kind == "choice":
                spec["type"] = value
            elif key == "tolerance" and isinstance(value, str) and spec["type"] == "number":
                spec["tolerance"] = value
            elif key == "answers" and isinstance(value, int) and kind == "short":
                # Which of the right answers were the pack's answers, and which other spellings.
                weighted = [a for a in spec["answer"] if isinstance(a, dict) and "weight" in a]
                full = [a for a in spec["answer"] if a not in weighted]
                every = full + spec.get("accept", [])
                n = max(value, 1)
                spec["answer"] = every[:n] + weighted
                spec["accept"] = [a["text"] if isinstance(a, dict) else a for a in every[n:]]
            elif key in _META_FIELDS and _meta_ok(value, _META_FIELDS[key]):
                spec[key] = value
            elif key == "feedback" and isinstance(value, dict):
                spec["feedback"] = {**spec.get("feedback", {}), **{str(k): str(v) for k, v in value.items()}}
            else:
                understood = False
        if not understood:
            self.note(line, "part of this kopick-quiz comment is not understood; that part is ignored")

    def header(self, path: Path) -> dict[str, Any]:
        meta = self.pack_meta
        stem = path.stem
        tags = meta.get("tags")
        header: dict[str, Any] = {
            "id": _text(meta.get("id")) or slugify(stem, max_len=60) or "imported",
            "title": _text(meta.get("title")) or self.first_category or _title_of(stem),
            "description": _text(meta.get("description")) or self.description,
            "author": _text(meta.get("author")),
            "version": _text(meta.get("version")),
            "tags": [t for t in tags if isinstance(t, str)] if isinstance(tags, list) else [],
        }
        return header


@dataclass
class _Question:
    """What the kind readers share about one question."""

    title: str
    prompt: str
    fmt: str
    general: str
    line: int
    right_feedback: list[str] = field(default_factory=list)  # feedback on right answers
    catch_all: list[str] = field(default_factory=list)  # feedback for any wrong answer
    feedback: dict[str, str] = field(default_factory=dict)  # feedback on named wrong answers

    def spec(self, kind: str, answer: list[str], slug_of: str | None = None, **more: Any) -> dict[str, Any]:
        spec: dict[str, Any] = {"type": kind, "prompt": self.prompt, "answer": answer}
        spec.update({k: v for k, v in more.items() if v})
        spec["_title"] = self.title
        spec["_slug"] = slug_of or self.prompt
        return spec


def _entry(text: str, weight: float, feedback: str = "", tolerance: str = "") -> str | dict[str, Any]:
    """An `answer` item: plain text for a full answer without feedback, else an entry."""
    if weight >= 100 and not feedback:
        return text
    entry: dict[str, Any] = {"text": text}
    if weight < 100:
        entry["weight"] = weight
    if tolerance:
        entry["tolerance"] = tolerance
    if feedback:
        entry["feedback"] = feedback
    return entry


def _adds_up(options: list[tuple[str, float, str]]) -> bool:
    """Whether the positive weights add up to 100: several right choices, each a share (multi)."""
    return abs(sum(w for _, w, _ in options if w > 0) - 100) < 0.5


_META_FIELDS: dict[str, type] = {"accept": list, "tags": list, "hint": str, "source": str, "difficulty": int}


def _meta_ok(value: Any, kind: type) -> bool:
    if kind is list:
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    return isinstance(value, kind) and not isinstance(value, bool)


def _names(items: list[str]) -> str:
    shown = [f"'{i}'" for i in items[:5]]
    if len(items) > 5:
        shown.append(f"and {len(items) - 5} more")
    return ", ".join(shown)


def _text(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _title_of(stem: str) -> str:
    words = re.sub(r"[-_]+", " ", stem).strip()
    return (words[:1].upper() + words[1:]) if words else "Imported questions"


def _number(raw: str) -> tuple[str, str] | None:
    """`1822`, `1822:5` or `1950..1960` as (answer, tolerance) text; None if not a number."""
    raw = raw.strip()
    try:
        if ".." in raw[1:]:
            low_text, high_text = raw.split("..", 1)
            low, high = Decimal(low_text.strip()), Decimal(high_text.strip())
            if low > high:
                low, high = high, low
            middle = (low + high) / 2
            return _decimal(middle), "" if high == low else _decimal(high - middle)
        if ":" in raw[1:]:
            value_text, tolerance_text = raw.split(":", 1)
            value, tolerance = Decimal(value_text.strip()), abs(Decimal(tolerance_text.strip()))
            return _decimal(value), "" if tolerance == 0 else _decimal(tolerance)
        return _decimal(Decimal(raw)), ""
    except (InvalidOperation, ValueError):
        return None


def _decimal(d: Decimal) -> str:
    if not d.is_finite():
        raise ValueError(d)
    return "0" if d == 0 else format(d.normalize(), "f")


def read_gift(path: Path | str, shown: str | None = None) -> Imported:
    """Convert a GIFT file; raises FileProblems when the file cannot be read or its braces are broken."""
    p = Path(path)
    name = shown or str(path)
    text = read_source(p, name)
    return parse_gift(text, name, p)


def parse_gift(text: str, name: str = "<gift>", path: Path | None = None) -> Imported:
    """Convert GIFT text (see `read_gift`)."""
    reader = _Reader(name)
    for block in _blocks(text, name, reader.notes):
        reader.read(block)
    if reader.errors:
        raise FileProblems(sorted(reader.errors))
    header = reader.header(path or Path(name))
    return Imported(header, reader.specs, sorted(reader.notes))


# -- writing -----------------------------------------------------------------------------------

_ESCAPE = str.maketrans({"\\": "\\\\", **{c: "\\" + c for c in _SPECIALS}, "\n": "\\n", "\r": ""})


def _esc(text: str) -> str:
    escaped = text.translate(_ESCAPE)
    return "[plain]" + escaped if _FORMAT.match(text) else escaped


def _weighed(text: str, weight: str) -> str:
    """An answer's text, with its weight written out when the text itself reads as one (`%0%`)."""
    return f"%{weight}%{_esc(text)}" if _WEIGHT.match(text) else _esc(text)


# The grades Moodle offers an answer, in percent (its question editor's list).
_MOODLE_GRADES = (
    100,
    90,
    83.33333,
    80,
    75,
    70,
    66.66667,
    60,
    50,
    40,
    33.33333,
    30,
    25,
    20,
    16.66667,
    14.28571,
    12.5,
    11.11111,
    10,
    5,
    0,
)


def _moodle_weight(weight: float) -> bool:
    return any(abs(weight - g) < 0.001 for g in _MOODLE_GRADES)


def _pct(weight: float) -> str:
    return number_text(round(weight, 5))


def _fb(feedback: str) -> str:
    return f"#{_esc(feedback)}" if feedback else ""


def _range(answer: str, tolerance: float) -> str:
    return answer + (f":{number_text(tolerance)}" if tolerance else "")


def _needs_plain(q: Question) -> bool:
    texts = [
        q.prompt,
        q.explanation,
        *q.answers,
        *q.accept,
        *q.choices,
        *(t for pair in q.feedback for t in pair),
    ]
    texts += [q.otherwise, *(w.text for w in q.weighted), *(w.feedback for w in q.weighted)]
    return any(_HTML_LIKE.search(t) for t in texts) or q.prompt.startswith("[")


def export_gift(pack: Pack) -> Exported:
    """The pack as GIFT text, and one note for each question GIFT cannot hold (left out)."""
    notes: list[str] = []
    header = {"id": pack.id, "title": pack.title}
    if pack.description:
        header["description"] = pack.description
    if pack.author:
        header["author"] = pack.author
    if pack.tags:
        header["tags"] = list(pack.tags)
    title = " ".join(pack.title.split())
    category = title.replace("/", "-")
    out = [
        f"// {title}: exported by kopick-quiz; import into Moodle or back with `kopick-quiz import`.",
        f"// kopick-quiz pack: {json.dumps(header, ensure_ascii=False)}",
        "",
        f"$CATEGORY: {category}",
        "",
    ]
    count = 0
    for q in pack.questions:
        lines = _question_gift(q, notes)
        if lines:
            count += 1
            out.extend(lines)
            out.append("")
    return Exported("\n".join(out), count, notes)


def _question_gift(q: Question, notes: list[str]) -> list[str] | None:
    meta: dict[str, Any] = {}
    if q.tags:
        meta["tags"] = list(q.tags)
    if q.difficulty != 2:
        meta["difficulty"] = q.difficulty
    if q.hint:
        meta["hint"] = q.hint
    if q.source:
        meta["source"] = q.source
    feedback = dict(q.feedback)
    own = {w.text: w.feedback for w in q.weighted if w.weight >= 100 and w.text in q.answers}
    shares = [w for w in q.weighted if not (w.weight >= 100 and w.text in q.answers)]
    body: list[str] = []
    for w in shares:
        if not _moodle_weight(w.weight):
            notes.append(
                f"question '{q.id}': Moodle offers no {w.weight:g}% grade; it will round "
                f"'{w.text}' to the nearest one it has"
            )
    if q.type == "short":
        every = list(q.answers) + [a for a in q.accept if a not in q.answers]
        texts = [*every, *feedback.items(), *(w.text for w in shares), *own.values(), q.otherwise]
        texts = [t for pair in texts for t in ((pair,) if isinstance(pair, str) else pair)]
        texts += [w.feedback for w in shares]
        if any("->" in a for a in texts):
            # GIFT has no escape for '->', which makes an answer block a matching question.
            notes.append(f"question '{q.id}' has '->' in an answer, which GIFT reads as matching; left out")
            return None
        if len(q.answers) > 1:
            meta["answers"] = len(q.answers)
        body += [f"\t={_weighed(a, '100')}{_fb(own.get(a, ''))}" for a in every]
        body += [f"\t=%{_pct(w.weight)}%{_esc(w.text)}{_fb(w.feedback)}" for w in shares]
        body += [f"\t=%0%{_esc(k)}#{_esc(v)}" for k, v in feedback.items()]
        if q.otherwise:
            body.append(f"\t=%0%*#{_esc(q.otherwise)}")
        feedback = {}
    elif q.type == "choice":
        right = {normalise(a) for a in q.answers}
        weight_of = {normalise(w.text): w for w in shares}
        for c in q.choices:
            is_right = normalise(c) in right
            share = weight_of.get(normalise(c))
            if is_right:
                body.append(f"\t={_weighed(c, '100')}{_fb(own.get(c, ''))}")
            elif share is not None:
                body.append(f"\t~%{_pct(share.weight)}%{_esc(c)}{_fb(share.feedback)}")
            else:
                body.append(f"\t~{_weighed(c, '0')}{_fb(feedback.pop(c, ''))}")
        if q.otherwise:
            feedback["*"] = q.otherwise
    elif q.type == "multi":
        right = {normalise(a) for a in q.answers}
        if not q.choices or not right <= {normalise(c) for c in q.choices}:
            notes.append(
                f"question '{q.id}' is a multi question without choices to pick; GIFT cannot hold it; left out"
            )
            return None
        weight = number_text(round(100 / len(q.answers), 5))
        if len(q.answers) == 1:
            meta["type"] = "multi"
        for c in q.choices:
            is_right = normalise(c) in right
            fb = "" if is_right else feedback.pop(c, "")
            mark = f"~%{weight}%" if is_right else "~%-100%"
            body.append(f"\t{mark}{_esc(c)}" + (f"#{_esc(fb)}" if fb else ""))
    elif q.type == "truefalse":
        value = q.answers[0] == "true"
        wrong = feedback.pop("false" if value else "true", "")
        body.append(f"\t{'TRUE' if value else 'FALSE'}" + (f"#{_esc(wrong)}" if wrong else ""))
    elif q.type in ("number", "year"):
        answer = q.answers[0]
        tolerance = q.tolerance.absolute
        if q.tolerance.relative:
            tolerance = abs(float(answer)) * q.tolerance.relative
            meta["tolerance"] = f"{number_text(q.tolerance.relative * 100)}%"
        if q.type == "year":
            meta["type"] = "year"
        body.append(f"\t={_range(answer, tolerance)}{_fb(own.get(answer, ''))}")
        for w in shares:
            relative = w.tolerance.relative if w.tolerance else 0.0
            within = (
                abs(float(w.text)) * relative if relative else (w.tolerance.absolute if w.tolerance else 0.0)
            )
            if relative:
                notes.append(
                    f"question '{q.id}': the {number_text(relative * 100)}% tolerance of '{w.text}' "
                    f"is written as {number_text(within)} (GIFT has amounts only)"
                )
            body.append(f"\t=%{_pct(w.weight)}%{_range(w.text, within)}{_fb(w.feedback)}")
        for k, v in list(feedback.items()):
            if _number(k) is not None and ":" not in k and ".." not in k:
                body.append(f"\t=%0%{k}#{_esc(v)}")
                del feedback[k]
        if q.otherwise:
            body.append(f"\t=%0%*#{_esc(q.otherwise)}")
    else:
        notes.append(f"question '{q.id}' is an {q.type} question; GIFT has no such kind; left out")
        return None
    if q.type in ("multi", "truefalse") and q.otherwise:
        feedback["*"] = q.otherwise
    if q.accept and q.type != "short":
        meta["accept"] = list(q.accept)
    if feedback:
        meta["feedback"] = feedback
    if q.explanation:
        body.append(f"\t####{_esc(q.explanation)}")
    opening = "{#" if q.type in ("number", "year") else "{"
    prefix = "[plain]" if _needs_plain(q) else ""
    prompt = q.prompt.translate(_ESCAPE)
    lines = [f"// kopick-quiz: {json.dumps(meta, ensure_ascii=False)}"] if meta else []
    lines.append(f"::{q.id}::{prefix}{prompt}{opening}")
    lines.extend(body)
    lines.append("}")
    return lines


register(Format("gift", (".gift",), parse=parse_gift, export=export_gift))
