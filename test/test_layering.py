"""The package's imports run one way: core ← catalogue and helpers ← layers ← layout ←
algorithms ← provider ← plugin and gui; no import circles (lazy imports inside functions count),
and no algorithm module imports another (what they share lives in base.py or below)."""
import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "jordressource_plugin"
NAME = PACKAGE.name

# Rank of each part of the package: a module imports only modules of its own rank or below.
RANKS = {"core": 0, "catalogue": 1, "qt_compat": 1, "resources": 1, "i18n": 1, "help_pages": 1,
         "layers": 2, "layout": 3, "algorithms": 4, "provider": 5, "plugin": 6, "gui": 6}


def _module_name(path):
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _resolve(importer, node, modules):
    """The package modules an import statement of module ``importer`` names."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names if alias.name in modules]
    package = importer if importer in _packages(modules) else importer.rpartition(".")[0]
    for _ in range(node.level - 1):
        package = package.rpartition(".")[0]
    base = (f"{package}.{node.module}" if node.module else package) if node.level else node.module
    found = [f"{base}.{alias.name}" for alias in node.names if f"{base}.{alias.name}" in modules]
    return found or ([base] if base in modules else [])


def _packages(modules):
    return {name for name, path in modules.items() if path.name == "__init__.py"}


def _import_graph():
    modules = {_module_name(path): path for path in PACKAGE.rglob("*.py")}
    graph = {}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        graph[name] = {target for node in ast.walk(tree)
                       if isinstance(node, (ast.Import, ast.ImportFrom))
                       for target in _resolve(name, node, modules) if target != name}
    return graph


def _part(module):
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def test_no_import_circles():
    graph = _import_graph()
    state = {}

    def visit(module, path):
        state[module] = "open"
        for target in sorted(graph[module]):
            if state.get(target) == "open":
                cycle = path[path.index(target):] + [target]
                raise AssertionError("import circle: " + " -> ".join(cycle))
            if target not in state:
                visit(target, path + [target])
        state[module] = "done"

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])


def _algorithm_modules():
    """Modules of algorithms/ that define an algorithm (a class with a non-empty ALGORITHM_ID),
    as opposed to what they share (base, parameters)."""
    found = set()
    for path in (PACKAGE / "algorithms").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)
                    and node.value.value
                    and any(getattr(target, "id", "") == "ALGORITHM_ID"
                            for target in node.targets)):
                found.add(_module_name(path))
    return found


def test_imports_point_down_and_algorithms_do_not_import_each_other():
    algorithms = _algorithm_modules()
    assert f"{NAME}.algorithms.match_reuse" in algorithms
    upward, sideways = [], []
    for module, targets in _import_graph().items():
        rank = RANKS.get(_part(module))
        for target in targets:
            target_rank = RANKS.get(_part(target))
            if rank is not None and target_rank is not None and target_rank > rank:
                upward.append(f"{module} -> {target}")
            if module in algorithms and target in algorithms:
                sideways.append(f"{module} -> {target}")
    assert not upward, upward
    assert not sideways, sideways
