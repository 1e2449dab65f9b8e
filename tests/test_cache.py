"""The compiled cache: a second start parses no YAML; any change or damage rebuilds it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import kopick_quiz.library as library
from kopick_quiz.cache import CACHE_FILE
from kopick_quiz.library import open_library

DEMO = Path(__file__).parent / "data" / "packs" / "demo.yaml"


@pytest.fixture
def packs(tmp_path: Path) -> Path:
    folder = tmp_path / "packs"
    folder.mkdir()
    shutil.copy(DEMO, folder / "demo.yaml")
    return folder


def no_yaml(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args, **kwargs):
        raise AssertionError("YAML was parsed")

    monkeypatch.setattr(library, "load_yaml", refuse)


def test_second_start_reads_the_cache_and_parses_no_yaml(tmp_path: Path, packs: Path, monkeypatch):
    cold = open_library(packs_dirs=[packs], cache_dir=tmp_path / "cache")
    no_yaml(monkeypatch)
    warm = open_library(packs_dirs=[packs], cache_dir=tmp_path / "cache")
    assert [p.id for p in warm.packs] == [p.id for p in cold.packs]
    assert warm.questions() == cold.questions()
    assert warm.base.facts == cold.base.facts


def test_a_changed_source_rebuilds_the_cache(tmp_path: Path, packs: Path):
    open_library(packs_dirs=[packs], cache_dir=tmp_path / "cache")
    pack = packs / "demo.yaml"
    pack.write_text(
        pack.read_text(encoding="utf-8").replace("Demo pack", "Demo pack, edited"), encoding="utf-8"
    )
    again = open_library(packs_dirs=[packs], cache_dir=tmp_path / "cache")
    assert again.pack("demo").title == "Demo pack, edited"


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"\x00\xff garbage",
        b'{"magic": "something else", "key": "x"}\n{}\n[]\n[]\n',
        None,  # the right header, packs and problems, then a fact base that fails validation
    ],
)
def test_a_corrupt_or_foreign_cache_is_ignored_and_rebuilt(tmp_path: Path, packs: Path, damage: bytes | None):
    cold = open_library(packs_dirs=[packs], cache_dir=tmp_path / "cache")
    path = tmp_path / "cache" / CACHE_FILE
    if damage is None:
        header, packs_line, problems_line, _facts = path.read_bytes().split(b"\n", 3)
        damage = b"\n".join([header, packs_line, problems_line, b'{"sources": "not a list"}']) + b"\n"
    path.write_bytes(damage)
    warm = open_library(packs_dirs=[packs], cache_dir=tmp_path / "cache")
    assert warm.questions() == cold.questions()
    assert path.read_bytes() != damage  # rebuilt


def test_a_packed_fact_base_that_does_not_read_back_falls_back_to_the_sources(tmp_path: Path, packs: Path):
    """Bytes of another shape under a header that vouches for them: the sources, not the bytes."""
    import hashlib
    import json

    cold = open_library(packs_dirs=[packs], cache_dir=tmp_path / "cache")
    path = tmp_path / "cache" / CACHE_FILE
    header, packs_line, problems_line, _packed = path.read_bytes().split(b"\n", 3)
    fake = b"\xe9" + b"\x00" * 40  # a marshalled tuple cut short
    vouched = {**json.loads(header), "facts": hashlib.sha256(fake).hexdigest()}
    path.write_bytes(b"\n".join([json.dumps(vouched).encode(), packs_line, problems_line, fake]))
    warm = open_library(packs_dirs=[packs], cache_dir=tmp_path / "cache")
    assert warm.base.facts == cold.base.facts
    assert warm.base.get("the-medium").year == 2021


def test_the_fact_base_loads_with_progress_reported(tmp_path: Path, packs: Path):
    from progress_reports import Reports

    open_library(packs_dirs=[packs], cache_dir=tmp_path / "cache")
    warm = open_library(packs_dirs=[packs], cache_dir=tmp_path / "cache")
    reports = Reports()
    base = warm.loaded_base(reports)
    assert base is warm.base and base.get("the-medium").year == 2021
    reports.assert_steady(steps=10)
    again = Reports()
    warm.loaded_base(again)  # already loaded: done at once
    assert again.seen == [(1, 1)]


def test_a_cache_of_the_json_format_is_not_read_and_is_removed(tmp_path: Path, packs: Path):
    folder = tmp_path / "cache"
    cold = open_library(packs_dirs=[packs], cache_dir=folder)
    old = folder / "library.json"  # format 2: a header, packs, problems and the fact base, JSON lines
    (folder / CACHE_FILE).rename(old)
    header, rest = old.read_bytes().split(b"\n", 1)
    old.write_bytes(header.replace(b'"format": 3', b'"format": 2') + b"\n" + rest)
    again = open_library(packs_dirs=[packs], cache_dir=folder)
    assert again.questions() == cold.questions()
    assert (folder / CACHE_FILE).exists() and not old.exists()


def test_an_unwritable_cache_folder_is_no_error(tmp_path: Path, packs: Path):
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    loaded = open_library(packs_dirs=[packs], cache_dir=blocker)
    assert loaded.pack("demo").questions


def test_warm_start_defers_the_fact_base_until_it_is_used(tmp_path: Path, packs: Path, monkeypatch):
    import kopick_quiz.cache as cache

    open_library(packs_dirs=[packs], cache_dir=tmp_path / "cache")
    calls = []
    real = cache.records.from_bytes
    monkeypatch.setattr(cache.records, "from_bytes", lambda *a: calls.append(1) or real(*a))
    warm = open_library(packs_dirs=[packs], cache_dir=tmp_path / "cache")
    assert warm.pack("demo").questions and calls == []
    assert warm.base.get("the-medium").year == 2021
    assert calls == [1]


def _age(path: Path, seconds: float) -> None:
    """Set a file's modification time `seconds` into the past."""
    import os
    import time

    then = time.time_ns() - int(seconds * 1e9)
    os.utime(path, ns=(then, then))


def _no_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(path, cap):
        raise AssertionError(f"{path} was read")

    monkeypatch.setattr(library, "_read", refuse)


def test_unchanged_sources_are_not_even_read_on_a_warm_start(tmp_path: Path, packs: Path, monkeypatch):
    facts = tmp_path / "facts.yaml"
    shutil.copy(library.shipped_facts(), facts)
    _age(facts, 60)
    _age(packs / "demo.yaml", 60)
    cold = open_library(facts, packs_dirs=[packs], cache_dir=tmp_path / "cache")
    _no_reading(monkeypatch)
    warm = open_library(facts, packs_dirs=[packs], cache_dir=tmp_path / "cache")
    assert warm.questions() == cold.questions()
    assert warm.base.get("the-medium").year == 2021


def test_a_source_changed_in_the_same_moment_keeps_no_stale_cache(tmp_path: Path, packs: Path):
    """Same size, same modification time, other content: only a stamp taken later can be trusted."""
    import os

    pack = packs / "demo.yaml"
    open_library(packs_dirs=[packs], cache_dir=tmp_path / "cache")  # the stamp is taken just now
    stat = pack.stat()
    text = pack.read_text(encoding="utf-8")
    assert "Demo pack" in text
    pack.write_text(text.replace("Demo pack", "Omed pack"), encoding="utf-8")
    os.utime(pack, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert pack.stat().st_size == stat.st_size
    again = open_library(packs_dirs=[packs], cache_dir=tmp_path / "cache")
    assert again.pack("demo").title.startswith("Omed pack")


def test_a_touched_but_unchanged_source_still_uses_the_cache(tmp_path: Path, packs: Path, monkeypatch):
    open_library(packs_dirs=[packs], cache_dir=tmp_path / "cache")
    (packs / "demo.yaml").touch()
    no_yaml(monkeypatch)
    assert open_library(packs_dirs=[packs], cache_dir=tmp_path / "cache").pack("demo").questions


def test_changed_program_code_rebuilds_the_cache(tmp_path: Path, packs: Path, monkeypatch):
    import kopick_quiz.cache as cache

    open_library(packs_dirs=[packs], cache_dir=tmp_path / "cache")
    monkeypatch.setattr(cache, "code_key", lambda: "another build of the program")
    parsed = []
    real = library.load_yaml
    monkeypatch.setattr(library, "load_yaml", lambda *a, **k: parsed.append(1) or real(*a, **k))
    open_library(packs_dirs=[packs], cache_dir=tmp_path / "cache")
    assert parsed, "the cache of another build was used"


def test_an_unreadable_fact_base_is_reported_not_raised_with_a_cache(tmp_path: Path, packs: Path):
    from kopick_quiz.diagnostics import FileProblems

    with pytest.raises(FileProblems, match="no such file"):
        open_library(tmp_path / "missing.yaml", packs_dirs=[packs], cache_dir=tmp_path / "cache")
