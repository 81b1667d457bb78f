"""The shape of the code, kept by a test: no import cycles, layers that only import downwards, short files.

docs/architecture.md explains the layers; this test is what keeps them. It reads the import graph
with grimp (every `import` counts, including those inside functions and under TYPE_CHECKING), so a
lazy import does not hide a cycle. Each rule is a function used twice: on `evidence_kit` itself,
and on a small synthetic package written to tmp_path that breaks the rule on purpose, so the test
is seen to fail when the rule is broken.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "evidence_kit"
MAX_LINES = 600
# Alembic revisions are generated and never edited once released (users' vaults depend on them).
GENERATED = ("storage/migrations/versions/",)

# High to low: a layer may import the layers below it, never those above. Siblings in an
# independent layer may not import each other either.
LAYERS: tuple[grimp.Layer, ...] = (
    grimp.Layer("ui"),
    grimp.Layer("cli"),
    grimp.Layer("importers", "dossier"),  # the batch import and the export both go through the vault
    grimp.Layer("case"),  # case work: the offence taxonomy (data), image matching over the vault
    grimp.Layer("vault", "settings"),
    # Vault's time-stamp reads, derived-data reads, incident log and item marks, mixed in
    grimp.Layer("vault_timestamps", "vault_derived", "vault_incidents", "vault_marks"),
    grimp.Layer("verify"),
    grimp.Layer("timestamping"),
    grimp.Layer("storage"),
    grimp.Layer("domain", "errors", "hashing", "progress", "i18n", "resources", independent=False),
)
# What storage (how evidence is kept) may import besides itself: only the foundations.
STORAGE_MAY_IMPORT = ("domain", "errors", "hashing", "progress")


def build_graph(package: str) -> grimp.ImportGraph:
    return grimp.build_graph(package, cache_dir=None)


def import_cycles(graph: grimp.ImportGraph) -> list[list[str]]:
    """Every set of modules that import each other in a circle (Tarjan's strongly connected components)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def visit(start: str) -> None:
        # Iterative, so a long import chain cannot hit Python's recursion limit.
        first = iter(sorted(graph.find_modules_directly_imported_by(start)))
        work: list[tuple[str, Iterable[str]]] = [(start, first)]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            module, children = work[-1]
            child = next(iter(children), None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.find_modules_directly_imported_by(child)))))
                elif child in on_stack:
                    low[module] = min(low[module], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[module])
            if low[module] == index[module]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == module:
                        break
                if len(component) > 1 or module in graph.find_modules_directly_imported_by(module):
                    cycles.append(sorted(component))

    for module in sorted(graph.modules):
        if module not in index:
            visit(module)
    return cycles


def layer_violations(graph: grimp.ImportGraph, package: str, layers: Sequence[grimp.Layer]) -> list[str]:
    """Each import chain that goes from a lower layer up to a higher one, as readable text."""
    found = []
    for dependency in graph.find_illegal_dependencies_for_layers(layers=layers, containers={package}):
        for route in dependency.routes:
            chain = " -> ".join([min(route.heads), *route.middle, min(route.tails)])
            found.append(f"{dependency.importer} imports {dependency.imported}: {chain}")
    return sorted(found)


def outside_imports(graph: grimp.ImportGraph, package: str, part: str, allowed: Sequence[str]) -> list[str]:
    """Imports from `package.part` to anything of `package` that is neither itself nor `allowed`."""
    prefix = f"{package}.{part}"
    allowed_names = {f"{package}.{name}" for name in allowed}
    bad = []
    for module in sorted(graph.modules):
        if module != prefix and not module.startswith(prefix + "."):
            continue
        for imported in sorted(graph.find_modules_directly_imported_by(module)):
            if imported in (package, prefix) or imported.startswith(prefix + "."):
                continue  # the package root (its __version__) and storage itself
            top = ".".join(imported.split(".")[:2])
            if top not in allowed_names:
                bad.append(f"{module} imports {imported}")
    return bad


def long_files(folder: Path, limit: int = MAX_LINES, generated: Sequence[str] = GENERATED) -> list[str]:
    """Python files over `limit` lines, except generated ones."""
    found = []
    for path in sorted(folder.rglob("*.py")):
        relative = path.relative_to(folder).as_posix()
        if any(relative.startswith(prefix) for prefix in generated):
            continue
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > limit:
            found.append(f"{relative}: {lines} lines")
    return found


# ----------------------------------------------------------------- the rules, on evidence_kit


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    return build_graph(PACKAGE)


def test_no_import_cycles(graph: grimp.ImportGraph) -> None:
    assert import_cycles(graph) == []


def test_layers_only_import_downwards(graph: grimp.ImportGraph) -> None:
    assert layer_violations(graph, PACKAGE, LAYERS) == []


def test_every_module_sits_in_a_layer(graph: grimp.ImportGraph) -> None:
    """A new top-level module or folder must be given its place in LAYERS (and in docs/architecture.md)."""
    placed = {name for layer in LAYERS for name in layer.module_tails}
    tops = {module.split(".")[1] for module in graph.modules if module.count(".") >= 1}
    assert sorted(tops - placed) == []


def test_storage_imports_nothing_above_it(graph: grimp.ImportGraph) -> None:
    assert outside_imports(graph, PACKAGE, "storage", STORAGE_MAY_IMPORT) == []


@pytest.mark.parametrize("folder", [PACKAGE, "tests", "bench", "scripts"])
def test_no_python_file_is_over_600_lines(folder: str) -> None:
    assert long_files(ROOT / folder) == []


# ----------------------------------------------------------------- the rules can fail


def _write_package(root: Path, name: str, files: dict[str, str]) -> None:
    for relative, text in files.items():
        path = root / name / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


@pytest.fixture
def synthetic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A package `shapetest` with a cycle, an upward import from storage and a long file."""
    _write_package(
        tmp_path,
        "shapetest",
        {
            "__init__.py": "",
            "domain.py": "",
            "vault.py": "from shapetest.storage import models\n",
            "storage/__init__.py": "",
            "storage/models.py": "def lazy():\n    from shapetest import vault  # the upward import\n",
            "ui/__init__.py": "",
            "ui/controller.py": "def build():\n    from shapetest.ui import window\n",
            "ui/window.py": "from shapetest.ui import controller\n",
            "importers/__init__.py": "",
            "importers/whatsapp.py": "x = 1\n" * (MAX_LINES + 1),
            "storage/migrations/versions/0001_initial.py": "y = 2\n" * (MAX_LINES + 50),
        },
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    yield tmp_path
    for module in [m for m in sys.modules if m == "shapetest" or m.startswith("shapetest.")]:
        del sys.modules[module]


def test_a_cycle_is_found(synthetic: Path) -> None:
    cycles = import_cycles(build_graph("shapetest"))
    assert ["shapetest.ui.controller", "shapetest.ui.window"] in cycles
    assert ["shapetest.storage.models", "shapetest.vault"] in cycles


def test_an_upward_import_is_found(synthetic: Path) -> None:
    graph = build_graph("shapetest")
    layers = (grimp.Layer("ui"), grimp.Layer("vault"), grimp.Layer("storage"))
    violations = layer_violations(graph, "shapetest", layers)
    assert any(v.startswith("shapetest.storage imports shapetest.vault") for v in violations), violations
    assert outside_imports(graph, "shapetest", "storage", ("domain",)) == [
        "shapetest.storage.models imports shapetest.vault"
    ]


def test_a_long_file_is_found_and_generated_migrations_are_not(synthetic: Path) -> None:
    assert long_files(synthetic / "shapetest") == [f"importers/whatsapp.py: {MAX_LINES + 1} lines"]


def test_a_clean_package_passes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The checks do not cry wolf: a small package that keeps every rule passes all of them."""
    _write_package(
        tmp_path,
        "shapeclean",
        {
            "__init__.py": "",
            "domain.py": "",
            "vault.py": "from shapeclean.storage import models\n",
            "storage/__init__.py": "",
            "storage/models.py": "from shapeclean import domain\n",
        },
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    graph = build_graph("shapeclean")
    assert import_cycles(graph) == []
    assert layer_violations(graph, "shapeclean", (grimp.Layer("vault"), grimp.Layer("storage"))) == []
    assert outside_imports(graph, "shapeclean", "storage", ("domain",)) == []
    assert long_files(tmp_path / "shapeclean") == []
