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
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, List

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from qgisprocess import ZIP, QgisProcess

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


def earthwork_from_terrain(demo: Demo) -> List[str]:
    output = demo.output("earthwork_volumes.gpkg")
    result = demo.run("earthwork_volumes", {
        "INPUT": demo.sample("excavations"),
        "DEM": str(SAMPLE_DEM),
        "PLANNED_LEVEL_FIELD": "planned_level_m",
        "OUTPUT": str(output),
    })
    rows = [row for row in gpkg_rows(output, "volume_m3, surplus_m3, cut_m3, fill_m3")
            if row[1] is not None]
    stated = sum(row[0] for row in rows)
    surplus = sum(row[1] for row in rows)
    return [f"{len(rows)} excavations with a planned level: cut {sum(r[2] for r in rows):,.0f} m³, "
            f"fill {sum(r[3] for r in rows):,.0f} m³, surplus {surplus:,.0f} m³ from the terrain "
            f"model (stated in the plan: {stated:,.0f} m³)",
            f"total surplus output: {result.get('SURPLUS_M3', surplus):,.0f} m³",
            f"output: {output.relative_to(ROOT)}"]


def match_reuse(demo: Demo) -> List[str]:
    outputs = {name: demo.output(file_name) for name, file_name in (
        ("OUTPUT_MATCHES", "reuse_matches.gpkg"), ("OUTPUT_SOURCES", "excavations_reuse.gpkg"),
        ("OUTPUT_RECEIVERS", "receivers_fill.gpkg"))}
    result = demo.run("match_reuse", {
        "SOURCES": demo.sample("excavations"),
        "RECEIVERS": demo.sample("receivers"),
        "DISPOSAL": demo.sample("disposal_sites"),
        "AREA_TYPES": demo.sample("area_types"),
        "CONTAMINATION": demo.sample("contaminated_sites"),
        "ROADS": demo.sample("roads"),
        "AREA_RULE": 1,
        "DISTANCE_CRS": CRS,
        **{name: str(path) for name, path in outputs.items()},
    })
    demo.results["match_reuse"] = {name: str(path) for name, path in outputs.items()}
    supplied = result["REUSED_M3"] + result["DISPOSED_M3"]
    matches = gpkg_rows(outputs["OUTPUT_MATCHES"], "receiver_kind, volume_m3, truckloads")
    by_kind = {}
    for kind, volume, _ in matches:
        by_kind[kind] = by_kind.get(kind, 0.0) + volume
    return [
        f"optimal plan (HiGHS, road distances, area rule 1): {result['REUSED_M3']:,.0f} of "
        f"{supplied:,.0f} m³ reused ({result['REUSED_M3'] / supplied:.0%}), "
        f"{result['DISPOSED_M3']:,.0f} m³ to disposal",
        "reused by receiver kind: " + ", ".join(f"{kind} {volume:,.0f} m³"
                                               for kind, volume in sorted(by_kind.items())),
        f"haul {result['TONNE_KM']:,.0f} tonne-km against {result['BASELINE_TONNE_KM']:,.0f} if "
        f"everything went to disposal ({_change(result['TONNE_KM'], result['BASELINE_TONNE_KM'])})",
        f"CO₂ {result['CO2_KG'] / 1000:,.1f} t against {result['BASELINE_CO2_KG'] / 1000:,.1f} t; "
        f"cost {result['COST_DKK'] / 1e6:,.2f} mio. DKK against "
        f"{result['BASELINE_COST_DKK'] / 1e6:,.2f} mio. DKK",
        f"{len(matches)} matches, {sum(row[2] for row in matches):,.0f} truckloads",
        "outputs: " + ", ".join(str(path.relative_to(ROOT)) for path in outputs.values()),
    ]


def schedule_reuse(demo: Demo) -> List[str]:
    outputs = {name: demo.output(file_name) for name, file_name in (
        ("OUTPUT_FLOWS", "schedule_flows.gpkg"), ("OUTPUT_STOCK", "schedule_stock.gpkg"),
        ("OUTPUT_SITES", "storage_sites_use.gpkg"), ("OUTPUT_HTML", "schedule.html"))}
    result = demo.run("schedule_reuse", {
        "SOURCES": demo.sample("excavations"),
        "RECEIVERS": demo.sample("receivers"),
        "STORAGE": demo.sample("storage_sites"),
        "DISPOSAL": demo.sample("disposal_sites"),
        "AREA_TYPES": demo.sample("area_types"),
        "CONTAMINATION": demo.sample("contaminated_sites"),
        "ROADS": demo.sample("roads"),
        "AREA_RULE": 1,
        "DISTANCE_CRS": CRS,
        **{name: str(path) for name, path in outputs.items()},
    })
    sites = gpkg_rows(outputs["OUTPUT_SITES"], "name, peak_stock_t, throughput_t, "
                                               "mean_dwell_months")
    saved = result["NO_STORAGE_COST_DKK"] - result["COST_DKK"]
    lines = [
        f"month by month with storage: {result['REUSED_M3']:,.0f} m³ reused, cost "
        f"{result['COST_DKK'] / 1e6:,.2f} mio. DKK, haul {result['TONNE_KM']:,.0f} tonne-km",
        f"the same plan without storage: {result['NO_STORAGE_REUSED_M3']:,.0f} m³ reused, cost "
        f"{result['NO_STORAGE_COST_DKK'] / 1e6:,.2f} mio. DKK, haul "
        f"{result['NO_STORAGE_TONNE_KM']:,.0f} tonne-km",
        f"value of storage: {saved:,.0f} DKK saved, haul "
        f"{_change(result['TONNE_KM'], result['NO_STORAGE_TONNE_KM'])}, CO₂ "
        f"{(result['NO_STORAGE_CO2_KG'] - result['CO2_KG']) / 1000:,.1f} t less"]
    for name, peak, throughput, dwell in sites:
        lines.append(f"  {name}: {throughput:,.0f} t through, peak {peak:,.0f} t"
                     + (f", {dwell:.1f} months on average" if dwell is not None else ""))
    lines.append(f"report: {outputs['OUTPUT_HTML'].relative_to(ROOT)}")
    return lines


def _change(value: float, baseline: float) -> str:
    return f"{(value - baseline) / baseline:+.0%}" if baseline else "n/a"


def soil_balance(demo: Demo) -> List[str]:
    output = demo.output("soil_balance.gpkg")
    table = demo.output("soil_balance_by_year.gpkg")
    report = demo.output("soil_balance.html")
    demo.run("soil_balance", {
        "AREAS": demo.sample("local_plans"),
        "AREA_ID_FIELD": "id",
        "SOURCES": demo.sample("excavations"),
        "VOLUME_FIELD": "volume_m3",
        "DATE_FIELD": "start_date",
        "SOURCE_END_FIELD": "end_date",
        "RECEIVERS": demo.sample("receivers"),
        "CAPACITY_FIELD": "capacity_m3",
        "RECEIVER_START_FIELD": "start_date",
        "RECEIVER_END_FIELD": "end_date",
        "DISTANCE_CRS": CRS,
        "OUTPUT": str(output),
        "OUTPUT_TABLE": str(table),
        "OUTPUT_HTML": str(report),
    })
    rows = gpkg_rows(output, "name, surplus_m3, demand_m3, balance_m3")
    surplus_areas = sorted((row for row in rows if (row[3] or 0) > 0), key=lambda r: -r[3])
    deficit_areas = [row for row in rows if (row[3] or 0) < 0]
    lines = [f"{len(rows)} local plans: {len(surplus_areas)} with a surplus, "
             f"{len(deficit_areas)} with a deficit"]
    for name, surplus, demand, balance in surplus_areas[:3]:
        lines.append(f"  largest surplus: {name}: {balance:,.0f} m³ "
                     f"({surplus:,.0f} m³ dug, {demand:,.0f} m³ received)")
    lines.append(f"report with charts and prognosis per year: {report.relative_to(ROOT)}")
    return lines


def plan_map(demo: Demo) -> List[str]:
    output = demo.output("plan_map.pdf")
    matched = demo.results["match_reuse"]
    result = demo.run("export_plan_map", {
        "LAYERS": [demo.sample("area_types"), demo.sample("contaminated_sites"),
                   demo.sample("roads"), matched["OUTPUT_MATCHES"], matched["OUTPUT_SOURCES"],
                   matched["OUTPUT_RECEIVERS"], demo.sample("disposal_sites")],
        "COVERAGE": demo.sample("municipality"),
        "COVERAGE_NAME_FIELD": "name",
        "TITLE": "Genbrug af overskudsjord på kort afstand",
        "PAGE_SIZE": 0,
        "ORIENTATION": 1,
        "OUTPUT": str(output),
    })
    return [f"plan map ({result.get('PAGE_COUNT', 1)} page, A4 landscape): "
            f"{output.relative_to(ROOT)}"]


def gpkg_rows(path: Path, columns: str):
    """Rows of the one feature table in a GeoPackage written by qgis_process."""
    with closing(sqlite3.connect(path)) as connection:
        table = connection.execute(
            "SELECT table_name FROM gpkg_contents WHERE data_type = 'features'").fetchone()[0]
        return connection.execute(f'SELECT {columns} FROM "{table}"').fetchall()


STEPS = [
    Step("Package the plugin", package_plugin),
    Step("Classify the excavations by area type (classify_area_types)", classify_excavations),
    Step("Surplus from the terrain model and planned levels (earthwork_volumes)",
         earthwork_from_terrain),
    Step("Optimal short-haul reuse of the surplus soil (match_reuse)", match_reuse),
    Step("Reuse over time with the resource sites as storage (schedule_reuse)", schedule_reuse),
    Step("Soil balance and prognosis per local plan (soil_balance)", soil_balance),
    Step("Map for the plan (export_plan_map)", plan_map),
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
