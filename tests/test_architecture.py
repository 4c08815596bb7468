"""The tree shows the layers: no import loop, no import from a lower layer to a higher
one, no module over 500 lines, and docs/architecture.md names every package."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import networkx as nx

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "graphkit"
MAX_LINES = 500

# lowest first; a module may import its own layer or lower ones, never higher ones.
# The top-level modules not named here are the data model.
LAYERS = [
    {"graphkit.errors", "graphkit.schema", "graphkit.checks"},
    {"graphkit.io"},
    {"model"},
    {"graphkit.analysis"},
    {"graphkit.compare"},
    {"graphkit.render", "graphkit.interop", "graphkit.extract", "graphkit.record", "graphkit.verification"},
    {"graphkit.cli"},
]


def _module(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def import_graph() -> nx.DiGraph:
    """Every module of graphkit/ and the graphkit modules it imports, at the top of the
    file or inside a function alike (a lazy import still closes a loop)."""
    modules = _modules()
    graph = nx.DiGraph()
    for name, path in modules.items():
        graph.add_node(name)
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")[: len(package.split(".")) - node.level + 1]
                    full = ".".join(base + ([node.module] if node.module else []))
                else:
                    full = node.module or ""
                # `from . import schema` imports the module schema, not the package's facade
                targets = [f"{full}.{a.name}" if f"{full}.{a.name}" in modules else full for a in node.names]
            else:
                continue
            graph.add_edges_from((name, t) for t in targets if t in modules and t != name)
    return graph


def layer(module: str) -> int | None:
    """The layer index of ``module`` (None for the package's facade, graphkit/__init__.py)."""
    if module == "graphkit":
        return None
    for index, names in enumerate(LAYERS):
        if any(module == n or module.startswith(n + ".") for n in names):
            return index
    if module.count(".") == 1:
        return LAYERS.index({"model"})
    raise AssertionError(f"{module}: in no layer; add its package to LAYERS and docs/architecture.md")


def test_the_import_graph_has_no_loop():
    loops = sorted(sorted(c) for c in nx.simple_cycles(import_graph()))
    assert loops == []


def test_no_module_imports_a_higher_layer():
    upward = [
        f"{a} -> {b}"
        for a, b in import_graph().edges
        if layer(a) is not None and layer(b) is not None and layer(b) > layer(a)
    ]
    assert upward == []


def test_no_module_is_over_500_lines():
    long = {
        name: n
        for name, path in _modules().items()
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


def test_the_architecture_map_names_every_package_and_no_other():
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    named = set(re.findall(r"^\| `(graphkit/[\w/]*)` \|", text, re.MULTILINE))
    packages = {
        str(p.parent.relative_to(ROOT)) + "/" for p in PACKAGE.rglob("__init__.py") if "data" not in p.parts
    }
    assert named == packages
