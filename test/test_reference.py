"""docs/reference.md is what scripts/build_reference.py makes of the code today."""
import difflib
from pathlib import Path

REFERENCE = Path(__file__).resolve().parent.parent / "docs" / "reference.md"


def test_reference_matches_the_algorithms(qgis_app):
    from build_reference import reference_text

    expected = reference_text()
    committed = REFERENCE.read_text(encoding="utf-8")
    if committed != expected:
        diff = "".join(list(difflib.unified_diff(
            committed.splitlines(True), expected.splitlines(True), "docs/reference.md",
            "generated"))[:40])
        raise AssertionError(f"docs/reference.md is out of date: run 'make reference'.\n{diff}")
