"""The one YAML loader: strict typing, positions, and hostile files refused quickly."""

from __future__ import annotations

import io
import os
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from runaway import cpu_guard

from kopick_quiz.cli import main
from kopick_quiz.yamlio import Plain, YamlError, load_yaml, locate

VALID_PACK = b"id: demo\ntitle: Demo\nquestions:\n  - id: q1\n    prompt: Who?\n    answer: Bong Joon Ho\n"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


# -- typing stays off: every scalar is text until the schema says otherwise ------------------------


@pytest.mark.parametrize(
    "text, value, plain_kind",
    [
        ("a: NO", "NO", "a yes/no value"),
        ("a: yes", "yes", "a yes/no value"),
        ("a: on", "on", "a yes/no value"),
        ("a: 1:20", "1:20", "a number"),
        ("a: 017", "017", "a number"),
        ("a: 2013-02-30", "2013-02-30", "a date"),
        ("a: 1.5", "1.5", "a number"),
        ("a: 1e3", "1e3", None),
        ("a: Seoul", "Seoul", None),
        ("a: 1958", 1958, None),
        ("a: '1958'", "1958", None),
        ("a: 'NO'", "NO", None),
        ('a: "1:20"', "1:20", None),
    ],
)
def test_scalars_stay_text_and_typed_looking_plain_ones_are_marked(text, value, plain_kind):
    got = load_yaml(text.encode())["a"]
    if plain_kind is None:
        assert got == value and type(got) is type(value)
    else:
        assert isinstance(got, Plain) and (got.text, got.kind) == (value, plain_kind)


def test_five_thousand_digit_number_stays_text():
    data = load_yaml(b"a: " + b"9" * 5000)
    assert isinstance(data["a"], Plain) and len(data["a"].text) == 5000


def test_empty_values_are_none():
    assert load_yaml(b"a:\nb: ~\nc: ''\n") == {"a": None, "b": None, "c": ""}


def test_positions_are_kept_for_values_and_keys():
    data = load_yaml(b"films:\n  - id: x\n    year: 1958\n")
    assert locate(data, ("films", 0, "year")).line == 3
    assert locate(data, ("films", 0, "year")).col == 11
    assert locate(data, ("films", 0, "year"), key=True).col == 5


def test_bom_is_accepted():
    assert load_yaml(b"\xef\xbb\xbfa: b\n") == {"a": "b"}


# -- hostile files: refused with a one-line positioned message, fast, without much memory ----------

BOMB = b"""a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""

HOSTILE = {
    "alias-bomb": (BOMB, "anchors"),
    "python-tag": (b"a: !!python/object:os.system ['echo hi']\n", "tags"),
    "python-apply": (b"a: !!python/object/apply:os.system ['echo hi']\n", "tags"),
    "invalid-utf8": (b"id: demo\ntitle: caf\xe9\n", "not UTF-8"),
    "nul-byte": (b"id: demo\x00\ntitle: x\n", "NUL"),
    "deep-nesting": (b"a: " + b"[" * 5000 + b"]" * 5000 + b"\n", "nested"),
    "deep-block-nesting": (b"".join(b"  " * i + b"k:\n" for i in range(200)), "nested"),
    "huge-line": (b"id: demo\ntitle: " + b"x" * (20 * 1024 * 1024) + b"\n", "bytes"),
    "tab-indent": (b"id: demo\nquestions:\n\t- id: q\n", "tab"),
    "random-binary": (os.urandom(4096), ""),
    "empty": (b"", "empty"),
    "only-comments": (b"# nothing here\n", "empty"),
    "two-documents": (b"id: a\n---\nid: b\n", "one YAML document"),
    "top-level-list": (b"- id: a\n- id: b\n", "top level is a list"),
    "top-level-scalar": (b"just some text\n", "top level is a single value"),
    "bad-indentation": (b"id: demo\ntitle: x\n  extra: y\n", ""),
    "unclosed-quote": (b'id: demo\ntitle: "never closed\n', ""),
    "duplicate-key": (b"id: demo\ntitle: a\ntitle: b\n", "duplicate key 'title'"),
    "bidi-override": ("id: demo\ntitle: a\u202eb\n".encode(), "U+202E"),
    "zero-width": ("id: demo\ntitle: a\u200bb\n".encode(), "zero-width"),
    "control-char": (b"id: demo\ntitle: a\x1bb\n", "U+001B"),
    "complex-key": (b"? [a, b]\n: c\n", "key must be text"),
    "merge-alias": (b"base: &b {a: 1}\nx:\n  <<: *b\n", "anchors"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_file_is_refused_fast_with_one_positioned_line(tmp_path: Path, name: str):
    data, needle = HOSTILE[name]
    path = tmp_path / f"{name}.yaml"
    path.write_bytes(data)
    tracemalloc.start()
    with cpu_guard(10.0, f"validating {name}"):  # a runaway guard (a billion laughs): imports included
        code, out, err = run("validate", str(path))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert code == 1
    lines = out.strip().splitlines()
    assert len(lines) == 1, out
    assert lines[0].startswith(str(path) + ":") or lines[0].startswith(f"{path.name}:")
    assert ": error: " in lines[0]
    assert needle in lines[0]
    assert "Traceback" not in out + err
    assert peak < 200 * 1024 * 1024, f"{name} peaked at {peak / 1e6:.0f} MB"


def test_invalid_utf8_names_line_and_column(tmp_path: Path):
    path = tmp_path / "p.yaml"
    path.write_bytes(b"id: demo\ntitle: caf\xe9\n")
    with pytest.raises(YamlError) as info:
        load_yaml(path.read_bytes(), str(path))
    assert (info.value.line, info.value.col) == (2, 11)


def test_duplicate_key_names_both_lines():
    with pytest.raises(YamlError) as info:
        load_yaml(b"id: demo\ntitle: a\ntitle: b\n")
    assert info.value.line == 3 and "first at line 2" in info.value.message


def test_valid_pack_file_loads(tmp_path: Path):
    path = tmp_path / "ok.yaml"
    path.write_bytes(VALID_PACK)
    code, out, err = run("validate", str(path))
    assert code == 0, out + err


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300) | st.text(max_size=300).map(lambda s: s.encode("utf-8", "surrogatepass")))
def test_any_bytes_either_load_or_raise_yaml_error(data: bytes):
    try:
        result = load_yaml(data)
    except YamlError as exc:
        assert exc.line >= 1 and exc.col >= 1
    else:
        assert isinstance(result, dict)


# -- progress --------------------------------------------------------------------------------------


def test_a_long_file_reports_the_characters_parsed_as_it_goes(reports) -> None:
    text = "items:\n" + "".join(f"  - {{id: item-{i}, name: 'Item {i}'}}\n" for i in range(20_000))
    root = load_yaml(text, progress=reports, max_bytes=len(text))
    assert len(root["items"]) == 20_000
    assert reports.seen[-1] == (len(text), len(text))
    assert all(total == len(text) for _, total in reports.seen)
    reports.assert_steady(steps=20)  # the bar moves during the parse, not only at its end
    halfway = [done for done, _ in reports.seen if done < len(text)]
    assert halfway and halfway[len(halfway) // 2] == pytest.approx(len(text) / 2, rel=0.1)


def test_a_refused_file_reports_no_end(reports) -> None:
    with pytest.raises(YamlError):
        load_yaml("a: 1\na: 2\n", progress=reports)
    assert reports.seen == []
