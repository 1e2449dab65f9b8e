"""`validate`: every problem in every file, with a progress that moves with the work."""

from __future__ import annotations

from pathlib import Path

import pytest
from progress_reports import Reports

import kopick_quiz.validate as validate_module
from kopick_quiz.library import pack_files
from kopick_quiz.paths import shipped_facts, shipped_packs_dir
from kopick_quiz.validate import validate

PACK = "id: {id}\ntitle: A pack\nquestions:\n  - id: q1\n    prompt: Who?\n    answer: Bong Joon Ho\n"
RECIPE = "id: {id}\ntitle: A pack\ngenerate:\n  topics: [films]\n"


def test_the_shipped_data_has_no_error_and_its_progress_reaches_the_end(reports: Reports) -> None:
    files = [shipped_facts(), *pack_files(shipped_packs_dir())]
    problems = validate(files, shipped_facts(), reports)
    assert not [p for p in problems if p.severity == "error"]
    reports.assert_steady(steps=30)


def _pack(folder: Path, name: str, text: str, size: int) -> Path:
    """A pack file of about `size` bytes (padded with a comment)."""
    path = folder / f"{name}.yaml"
    body = text.format(id=name)
    path.write_text(body + "#" * max(0, size - len(body) - 1) + "\n", encoding="utf-8")
    return path


def _shares(files: list[Path], monkeypatch: pytest.MonkeyPatch, reports: Reports) -> dict[str, float]:
    """How much of the bar each file after the fact base took."""
    starts: list[tuple[str, float]] = []
    check_file = validate_module.check_file

    def checked(path: Path, base, *rest):  # noqa: ANN001, ANN002, ANN202
        starts.append((path.stem, reports.fractions[-1]))
        return check_file(path, base, *rest)

    monkeypatch.setattr(validate_module, "check_file", checked)
    validate(files, shipped_facts(), reports)
    reports.assert_steady(steps=10)
    ends = [at for _, at in starts[1:]] + [1.0]
    return {name: end - start for (name, start), end in zip(starts, ends, strict=True)}


def test_files_share_the_bar_by_their_size(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reports: Reports
) -> None:
    small = _pack(tmp_path, "small", PACK, 10_000)
    large = _pack(tmp_path, "large", PACK, 90_000)
    shares = _shares([shipped_facts(), small, large], monkeypatch, reports)
    assert shares["large"] / shares["small"] == pytest.approx(9, rel=0.15)


def test_a_pack_with_a_recipe_takes_a_share_of_making_the_questions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reports: Reports
) -> None:
    written = _pack(tmp_path, "written", PACK, 2_000)
    generated = _pack(tmp_path, "generated", RECIPE, 2_000)
    shares = _shares([shipped_facts(), written, generated], monkeypatch, reports)
    # Beside the fact base read against its article (facts.trace.TRACE_COST), a third of the bar at least.
    assert shares["generated"] > 0.3 > 15 * shares["written"]


def test_the_bar_moves_while_a_pack_makes_its_questions(tmp_path: Path, reports: Reports) -> None:
    """A pack with a recipe is most of the work: the bar moves through it, not in one jump."""
    generated = _pack(tmp_path, "generated", RECIPE, 2_000)
    # The project's fact base: an installed copy's article (beside the project) is not found, and
    # the bar would skip the reading of it in one jump.
    facts = Path(__file__).resolve().parents[1] / "data" / "facts.yaml"
    validate([facts, generated], facts, reports)
    reports.assert_steady(steps=30)
    fractions = reports.fractions
    jumps = [b - a for a, b in zip(fractions, fractions[1:], strict=False)]
    assert max(jumps) < 0.2, f"the bar jumped by {max(jumps):.0%} at once"
