"""make demo: the Holbæk sample project through the packaged plugin in qgis_process, as a planner
would run it, with a short summary of each result.

The demo is a list of steps (STEPS at the bottom). Each step runs one algorithm, keeps its outputs
in `demo.results` for the steps after it, and returns the lines it prints. To extend the chain,
write a function taking the Demo and add a Step for it.
"""
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, List

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from qgisprocess import ZIP, QgisProcess  # noqa: E402

SAMPLE = ROOT / "jordressource_plugin" / "sample" / "holbaek_sample.gpkg"
SAMPLE_DEM = ROOT / "jordressource_plugin" / "sample" / "holbaek_dem.tif"
OUTPUT = ROOT / "demo-output"
CRS = "EPSG:25832"
SOIL_CLASSES = {1: "1 clean", 2: "2 lightly contaminated", 3: "3 contaminated"}


@dataclass
class Demo:
    output_dir: Path
    qgis: QgisProcess = None
    results: Dict[str, dict] = field(default_factory=dict)

    @staticmethod
    def sample(layer: str) -> str:
        return f"{SAMPLE}|layername={layer}"

    def output(self, name: str) -> Path:
        path = self.output_dir / name
        if path.exists():
            path.unlink()
        return path

    def run(self, algorithm: str, parameters: dict) -> dict:
        """qgis_process run jordressource:<algorithm>; the JSON result's `results`."""
        return self.qgis.run(f"jordressource:{algorithm}", parameters)["results"]


@dataclass
class Step:
    title: str
    action: Callable[[Demo], List[str]]


# Steps ------------------------------------------------------------------------------------------
def package_plugin(demo: Demo) -> List[str]:
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "package.py")], cwd=ROOT,
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(done.stdout + done.stderr)
    demo.qgis = QgisProcess(demo.output_dir / ".qgis", ZIP)
    return [f"{ZIP.relative_to(ROOT)} ({ZIP.stat().st_size // 1024} KiB), loaded in a private "
            "qgis_process profile"]


def classify_excavations(demo: Demo) -> List[str]:
    lines = []
    rows = []
    for layer in ("excavations", "excavation_points"):
        output = demo.output(f"{layer}_classified.gpkg")
        result = demo.run("classify_area_types", {
            "INPUT": demo.sample(layer),
            "AREA_TYPES": demo.sample("area_types"),
            "AREA_TYPE_FIELD": "area_type",
            "CONTAMINATION": demo.sample("contaminated_sites"),
            "DISTANCE_CRS": CRS,
            "OUTPUT": str(output),
        })
        demo.results[f"classified_{layer}"] = result
        rows += gpkg_rows(output, "area_type, volume_m3, contamination_suspected, free_move, "
                                  "soil_class")
        lines.append(f"output: {output.relative_to(ROOT)}")
    return summarise_classification(rows) + lines


def summarise_classification(rows) -> List[str]:
    total = sum(row[1] for row in rows)
    lines = [f"{len(rows)} planned excavations with {total:,.0f} m³ surplus soil:"]
    for area_type in sorted({row[0] for row in rows}):
        mine = [row for row in rows if row[0] == area_type]
        suspected = sum(row[1] for row in mine if row[2])
        lines.append(f"  {area_type:<13}{len(mine):>3} sites {sum(r[1] for r in mine):>10,.0f} m³"
                     f"   ({suspected:,.0f} m³ suspected of contamination)")
    by_class = {soil_class: sum(r[1] for r in rows if r[4] == soil_class)
                for soil_class in sorted({row[4] for row in rows})}
    lines.append("by soil class: " + ", ".join(f"{SOIL_CLASSES.get(c, c)} {v:,.0f} m³"
                                               for c, v in by_class.items()))
    free = [row for row in rows if row[3]]
    lines.append(f"{len(free)} sites ({sum(r[1] for r in free):,.0f} m³) may move freely to areas "
                 "of the same type;")
    lines.append(f"{len(rows) - len(free)} sites need soil analyses first (on a mapped V1/V2 site "
                 "or in no recognised area type).")
    return lines


def gpkg_rows(path: Path, columns: str):
    """Rows of the one feature table in a GeoPackage written by qgis_process."""
    with sqlite3.connect(path) as connection:
        table = connection.execute(
            "SELECT table_name FROM gpkg_contents WHERE data_type = 'features'").fetchone()[0]
        return connection.execute(f'SELECT {columns} FROM "{table}"').fetchall()


STEPS = [
    Step("Package the plugin", package_plugin),
    Step("Classify the excavations by area type (classify_area_types)", classify_excavations),
]


def main() -> int:
    OUTPUT.mkdir(exist_ok=True)
    demo = Demo(OUTPUT)
    print(f"Jordressource demo on the Holbæk sample project ({SAMPLE.relative_to(ROOT)})")
    for number, step in enumerate(STEPS, start=1):
        started = time.monotonic()
        print(f"\n[{number}/{len(STEPS)}] {step.title}")
        try:
            lines = step.action(demo)
        except Exception as error:  # noqa: BLE001 (any failure ends the demo with its message)
            print(f"  FAILED: {error}", file=sys.stderr)
            return 1
        for line in lines:
            print(f"  {line}")
        print(f"  ({time.monotonic() - started:.0f} s)")
    print(f"\nAll outputs are in {OUTPUT.relative_to(ROOT)}/ and open styled in QGIS.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
