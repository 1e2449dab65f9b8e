"""The layers, read from the imports (tools/imports.py): the core never reaches up into a shell,
grading never above the fact base, and no two modules or packages import each other.

Imports inside functions count as much as those at the top: a function-level import that
dodges a cycle at start-up is still a cycle for a reader. Imports under TYPE_CHECKING count
between packages and for the shells, not between two modules of one package (a flow may name
the type of the app that holds it).
docs/architecture.md draws these layers.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("imports_tool", ROOT / "tools" / "imports.py")
assert _spec is not None and _spec.loader is not None
imports_tool = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = imports_tool  # its dataclass looks itself up there
_spec.loader.exec_module(imports_tool)

# The shells: they parse arguments, draw screens and serve browsers, and call the core.
SHELLS = (
    "kopick_quiz.__main__",
    "kopick_quiz.cli",
    "kopick_quiz.cli_class",
    "kopick_quiz.cli_db",
    "kopick_quiz.cli_shared",
    "kopick_quiz.serve",
    "kopick_quiz.plain",
    "kopick_quiz.plain_live",
    "kopick_quiz.tui",
)
# What only a shell may import.
SHELL_LIBRARIES = ("textual", "textual_serve", "textual_plotext", "argparse")
# What grading may import of ours: the fact base, the question, and what the fact base stands on.
GRADING_MAY_USE = ("kopick_quiz.facts", "kopick_quiz.questions", "kopick_quiz.text")


def _under(module: str, roots: tuple[str, ...]) -> bool:
    return any(module == root or module.startswith(root + ".") for root in roots)


def _ours(module: str) -> bool:
    return _under(module, ("kopick_quiz",))


def shell_breaches(edges: list) -> list[str]:
    """Core modules that import a shell or a shell's library."""
    return [
        f"{e.importer}:{e.line} imports {e.imported}"
        for e in edges
        if not _under(e.importer, SHELLS) and _under(e.imported, SHELLS + SHELL_LIBRARIES)
    ]


def grading_breaches(edges: list) -> list[str]:
    """Imports from grading of anything of ours above the fact base."""
    below_facts = set(GRADING_MAY_USE)
    # what the fact base itself imports is below it too
    todo = [e.imported for e in edges if _under(e.importer, ("kopick_quiz.facts",)) and _ours(e.imported)]
    while todo:
        module = todo.pop()
        if module in below_facts or _under(module, ("kopick_quiz.facts",)):
            continue
        below_facts.add(module)
        todo.extend(e.imported for e in edges if e.importer == module and _ours(e.imported))
    return [
        f"{e.importer}:{e.line} imports {e.imported}"
        for e in edges
        if _under(e.importer, ("kopick_quiz.grading",))
        and _ours(e.imported)
        and not _under(e.imported, ("kopick_quiz.grading", *below_facts))
    ]


def cycle_breaches(edges: list) -> list[str]:
    """Every group of modules, then of packages, that import each other, with the imports that do it."""
    found = []
    for packages in (True, False):
        for group in imports_tool.cycles(imports_tool.graph(edges, packages=packages)):
            held = ": " + "; ".join(imports_tool.explain(group, edges, packages=packages))
            found.append(" <-> ".join(group) + held)
    return found


RULES = [shell_breaches, grading_breaches, cycle_breaches]


@pytest.fixture(scope="module")
def edges() -> list:
    return imports_tool.imports()


def test_the_package_is_read(edges: list) -> None:
    """The checks below see the real tree: the grader imports its lexicon, the app imports Textual."""
    pairs = {(e.importer, e.imported) for e in edges}
    assert ("kopick_quiz.grading.grader", "kopick_quiz.grading.lexicon") in pairs
    assert ("kopick_quiz.tui.app", "textual.app") in pairs
    assert ("kopick_quiz.store.core", "kopick_quiz.scheduling") in pairs  # a function-level import


def test_the_core_never_imports_a_shell_or_textual(edges: list) -> None:
    assert shell_breaches(edges) == []


def test_grading_imports_nothing_above_the_fact_base(edges: list) -> None:
    assert grading_breaches(edges) == []


def test_no_modules_or_packages_import_each_other(edges: list) -> None:
    assert cycle_breaches(edges) == []


def _tree(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / "kopick_quiz" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


CLEAN = {
    "__init__.py": "",
    "text.py": "",
    "questions.py": "",
    "facts/__init__.py": "from ..text import normalise\n",
    "grading/__init__.py": "from ..facts import base\nfrom ..questions import Question\n",
    "session.py": "from .grading import grade\n",
    "cli.py": "import argparse\nfrom .session import Session\n",
    "tui/__init__.py": "from textual.app import App\n",
}


@pytest.mark.parametrize(
    "rule, files, caught",
    [
        # a core module drawing a screen
        (
            shell_breaches,
            {"session.py": "from .grading import grade\nfrom .tui import App\n"},
            "kopick_quiz.tui",
        ),
        (shell_breaches, {"session.py": "def f():\n    import textual.widgets\n"}, "textual.widgets"),
        (shell_breaches, {"session.py": "from .cli import main\n"}, "kopick_quiz.cli"),
        # grading reaching up to the session
        (grading_breaches, {"grading/__init__.py": "from ..session import Session\n"}, "kopick_quiz.session"),
        # two modules importing each other, one only inside a function
        (
            cycle_breaches,
            {"facts/__init__.py": "def f():\n    from ..grading import grade\n"},
            "kopick_quiz.facts <-> kopick_quiz.grading",
        ),
        # two packages, one side only under TYPE_CHECKING
        (
            cycle_breaches,
            {
                "facts/__init__.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from ..grading import Verdict\n"
            },
            "kopick_quiz.facts <-> kopick_quiz.grading",
        ),
        # two modules of one package, one side inside a function
        (
            cycle_breaches,
            {"grading/a.py": "from . import b\n", "grading/b.py": "def f():\n    from .a import X\n"},
            "kopick_quiz.grading.a <-> kopick_quiz.grading.b",
        ),
    ],
)
def test_each_rule_catches_a_forbidden_import(
    rule, files: dict[str, str], caught: str, tmp_path: Path
) -> None:
    clean = imports_tool.imports(_tree(tmp_path / "clean", CLEAN))
    assert [r(clean) for r in RULES] == [[], [], []]
    broken = imports_tool.imports(_tree(tmp_path / "broken", CLEAN | files))
    found = rule(broken)
    assert found and caught in found[0]


def test_a_module_may_name_the_type_of_its_holder_under_TYPE_CHECKING(tmp_path: Path) -> None:
    """`tui/flows/quiz.py` annotates `app: KopickApp`, and the app imports the flow: no cycle."""
    files = CLEAN | {
        "tui/app.py": "from .flows import Flow\n",
        "tui/flows.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .app import App\n",
    }
    assert cycle_breaches(imports_tool.imports(_tree(tmp_path, files))) == []
