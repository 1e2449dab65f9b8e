"""List the imports between kopick_quiz's modules, read from the source (nothing is imported).

    .venv/bin/python tools/imports.py              # the import cycles between modules and between packages
    .venv/bin/python tools/imports.py --edges      # every import, one `importer -> imported` a line

Imports at the top of a module and inside a function count alike (a function-level import that
dodges a cycle at start-up is still a cycle for a reader). An import under `if TYPE_CHECKING:`
counts between packages, but not between two modules: a module may name, in its annotations
only, the type of the object that holds it (tui/flows/ name the app that creates them).
`from .pkg import name` counts as importing `pkg.name` when that is a module, else `pkg`.
tests/test_layers.py keeps the layers with these functions.
"""

from __future__ import annotations

import argparse
import ast
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "src"
TOP = "kopick_quiz"


@dataclass(frozen=True)
class Import:
    """`importer` imports `imported` (a module of ours, or any other top-level name) at `line`."""

    importer: str
    imported: str
    line: int
    where: str  # "top", "function" (run when called) or "typing" (under TYPE_CHECKING: never run)


def module_name(path: Path, source: Path = SOURCE) -> str:
    parts = list(path.relative_to(source).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules(source: Path = SOURCE) -> dict[str, Path]:
    """Every module of the package: dotted name -> file."""
    return {module_name(path, source): path for path in sorted((source / TOP).rglob("*.py"))}


def _resolve(importer: str, is_package: bool, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    base = importer.split(".")
    if not is_package:
        base.pop()
    if node.level > 1:
        base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def _places(tree: ast.Module) -> dict[int, str]:
    """Where each nested node is: "typing" under `if TYPE_CHECKING:`, else "function" inside one."""
    places: dict[int, str] = {}
    for kind, test in (("function", _is_function), ("typing", _is_typing_block)):
        for node in ast.walk(tree):
            if test(node):
                places.update((id(child), kind) for child in ast.walk(node) if child is not node)
    return places


def _is_function(node: ast.AST) -> bool:
    return isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))


def _is_typing_block(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def imports(source: Path = SOURCE) -> list[Import]:
    """Every import in the package, our modules resolved to their dotted names."""
    known = modules(source)
    found: list[Import] = []
    for name, path in known.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        places = _places(tree)
        is_package = path.name == "__init__.py"
        for node in ast.walk(tree):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = _resolve(name, is_package, node)
                for alias in node.names:
                    child = f"{base}.{alias.name}"
                    targets.append(child if child in known else base)
            else:
                continue
            for target in dict.fromkeys(targets):
                if target.startswith(TOP + ".") or target == TOP:
                    # `import kopick_quiz.a.b` names a module; walk up to the nearest one we have
                    while target not in known and "." in target:
                        target = target.rsplit(".", 1)[0]
                if target != name:
                    found.append(Import(name, target, node.lineno, places.get(id(node), "top")))
    return found


def package_of(module: str) -> str:
    """`kopick_quiz.grading.names` -> `kopick_quiz.grading`; a top-level module is its own package."""
    parts = module.split(".")
    return ".".join(parts[:2])


def graph(edges: list[Import], *, packages: bool = False, typing: bool | None = None) -> dict[str, set[str]]:
    """Who imports whom among our own modules (or, with `packages`, among our top-level packages).

    TYPE_CHECKING imports count between packages, not between modules, unless `typing` says.
    """
    typing = packages if typing is None else typing
    out: dict[str, set[str]] = {}
    for edge in edges:
        if not (edge.imported == TOP or edge.imported.startswith(TOP + ".")):
            continue
        if edge.where == "typing" and not typing:
            continue
        a, b = edge.importer, edge.imported
        if packages:
            a, b = package_of(a), package_of(b)
        if a != b:
            out.setdefault(a, set()).add(b)
    return out


def cycles(links: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one node (Tarjan), each sorted, largest first."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []
    counter = 0
    nodes = sorted(set(links) | {b for targets in links.values() for b in targets})

    def visit(root: str) -> None:
        nonlocal counter
        work = [(root, iter(sorted(links.get(root, ()))))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(links.get(child, ())))))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    group = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.append(member)
                        if member == node:
                            break
                    if len(group) > 1:
                        groups.append(sorted(group))

    for node in nodes:
        if node not in index:
            visit(node)
    return sorted(groups, key=lambda group: (-len(group), group))


def explain(group: list[str], edges: list[Import], *, packages: bool = False) -> list[str]:
    """The imports that hold one cycle together, `importer:line -> imported`."""
    members = set(group)
    key = package_of if packages else (lambda module: module)
    return [
        f"{edge.importer}:{edge.line} -> {edge.imported}{'' if edge.where == 'top' else f' ({edge.where})'}"
        for edge in edges
        if key(edge.importer) in members
        and key(edge.imported) in members
        and key(edge.importer) != key(edge.imported)
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edges", action="store_true", help="print every import instead of the cycles")
    parser.add_argument(
        "--typing", action="store_true", help="count TYPE_CHECKING imports between modules too"
    )
    args = parser.parse_args(argv)
    edges = imports()
    if args.edges:
        for edge in edges:
            print(f"{edge.importer}:{edge.line} -> {edge.imported}")
        return 0
    found = False
    for label, packages in (("packages", True), ("modules", False)):
        groups = cycles(graph(edges, packages=packages, typing=packages or args.typing))
        print(f"cycles between {label}: {len(groups)}")
        for group in groups:
            found = True
            print("  " + " <-> ".join(group))
            for line in explain(group, edges, packages=packages):
                print("      " + line)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
