"""A bare clone must pass: no test, and nothing the tests run, reads the shared data folder beside
the repository (../shared/data). Real extracts are cut into test/data by scripts/cut_test_data.py;
only the scripts that cut them, build the sample and the benchmarks may read the shared folder."""
import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Read at run time by the suite: the tests themselves and the plugin they load.
SUITE = [*sorted((ROOT / "test").glob("*.py")),
         *sorted((ROOT / "jordressource_plugin").rglob("*.py"))]


def reaches_beside(source: str) -> list:
    """String literals of ``source`` that name the shared folder beside the repository: the
    component "shared" on its own, or a path through ../shared or shared/data."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            text = node.value.replace("\\", "/")
            if text == "shared" or "../shared" in text or "shared/data" in text:
                found.append(text)
    return found


def test_the_check_finds_each_way_of_naming_the_shared_folder():
    assert reaches_beside('ROOT.parent / "shared" / "data"') == ["shared"]
    assert reaches_beside('open("../shared/data/roads.gpkg")') == ["../shared/data/roads.gpkg"]
    assert reaches_beside('Path("/work/shared/data")') == ["/work/shared/data"]
    # Prose and comments are not paths.
    assert reaches_beside('x = "a shared vertex"  # read ../shared/data once') == []


def test_nothing_the_suite_runs_reads_the_shared_folder():
    this = Path(__file__).resolve()
    offenders = {str(path.relative_to(ROOT)): found for path in SUITE if path != this
                 for found in [reaches_beside(path.read_text(encoding="utf-8"))] if found}
    assert not offenders, f"copy the data into test/data instead: {offenders}"
