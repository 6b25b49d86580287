"""Benchmarks of the soil management plan (issue 17).

1. The balanced level of 1,000 excavations on the 10,000 × 10,000 synthetic DEM of
   ``bench_earthwork.py`` (0.4 m cells), found in closed form (the mean terrain of the counted
   cells, one pass plus one for the balanced design's earthwork), against a bisection on the
   level that recomputes every polygon's volumes each step (``earthwork_volumes`` on all
   polygons at once, from the DEM's range down to 1 mm: the way one would find the level
   without the closed form). Both answers agree to 1 mm; the ratio is the point.
2. ``jordressource:soil_management_plan`` through processing.run on a project of 200 polygons
   on the Lyngby DEM (``../shared/data/dem``, DHM/Terræn resampled to 16 m, SDFI) with a
   municipality-size set of 400 receivers and 12 disposal sites: target under 30 s, HTML and
   PDF included.

Run: .venv/bin/python bench/bench_project.py [--cells 10000] [--polygons 1000] [--skip-bisection]
     [--skip-plan]
"""
import argparse
import math
import shutil
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_earthwork import excavations, qgis_app, write_dem
from harness import measure, ratio

LYNGBY_DEM = ROOT.parent / "shared" / "data" / "dem" / "dtm_lyngby_16m.tif"
CRS = "EPSG:25832"
TOLERANCE_M = 0.001


def closed_form(dem: str, polygons_path: str):
    import geopandas as gpd

    from jordressource_plugin.core.terrain.balanced_level import terrain_balance

    frame = gpd.read_file(polygons_path)
    result = terrain_balance(frame.geometry, dem,
                             planned_levels=frame["planned_level_m"].to_numpy())
    return result.balanced_level_m, result.project_shift_m


def bisection(dem: str, polygons_path: str):
    """Every polygon's level by bisection on cut − fill, all polygons stepped together: each
    step is one earthwork_volumes pass at the current mid-levels."""
    import geopandas as gpd

    from jordressource_plugin.core.terrain.earthwork import earthwork_volumes

    frame = gpd.read_file(polygons_path)
    count = len(frame)
    low, high = np.full(count, -10.0), np.full(count, 60.0)  # the DEM's range with room
    steps = math.ceil(math.log2((high[0] - low[0]) / TOLERANCE_M))
    for _ in range(steps):
        middle = (low + high) / 2
        net = earthwork_volumes(frame.geometry, dem, planned_levels=middle).net_m3
        # net > 0: more cut than fill, the level must rise; NaN (no cells) stays bracketed
        rise = net > 0
        low = np.where(rise, middle, low)
        high = np.where(rise, high, middle)
    middle = (low + high) / 2
    has_cells = np.isfinite(earthwork_volumes(frame.geometry, dem,
                                              planned_levels=middle).net_m3)
    return np.where(has_cells, middle, np.nan), steps


def balanced_level_bench(options, workdir: Path):
    dem, polygons_path = str(workdir / "dem.tif"), str(workdir / "excavations.gpkg")
    seconds, _, _ = measure(write_dem, Path(dem), options.cells)
    excavations(options.cells, options.polygons).to_file(polygons_path, driver="GPKG")
    print(f"Balanced level: DEM {options.cells} x {options.cells} float32 (written in "
          f"{seconds:.0f} s), {options.polygons} excavations", flush=True)
    ours_s, ours_mb, (levels, shift) = measure(closed_form, dem, polygons_path)
    print(f"  closed form (terrain_balance: levels, shifts, balanced earthwork, project shift "
          f"{shift:+.3f} m): {ours_s:.1f} s, peak {ours_mb:.0f} MB", flush=True)
    if options.skip_bisection:
        return
    theirs_s, theirs_mb, (bisected, steps) = measure(bisection, dem, polygons_path)
    both = np.isfinite(levels) & np.isfinite(bisected)
    worst = float(np.max(np.abs(levels[both] - bisected[both]))) if both.any() else float("nan")
    print(f"  bisection ({steps} earthwork passes + 1 to find the polygons without cells): "
          f"{theirs_s:.1f} s, peak {theirs_mb:.0f} MB; ours {ratio(theirs_s, ours_s)} faster")
    print(f"  agreement: largest difference {worst * 1000:.3f} mm over {int(both.sum())} "
          f"polygons; the same polygons without a level: "
          f"{bool(np.array_equal(np.isnan(levels), np.isnan(bisected)))}", flush=True)


def lyngby_project(workdir: Path, polygons: int, receivers: int, disposal: int):
    """Building polygons on the Lyngby DEM, receivers and disposal sites around it, in files."""
    import geopandas as gpd
    import rasterio
    from shapely.geometry import Point, box

    with rasterio.open(LYNGBY_DEM) as dataset:
        left, bottom, right, top = dataset.bounds
    rng = np.random.default_rng(17)
    shapes, levels = [], []
    for _ in range(polygons):
        x = rng.uniform(left + 200, right - 200)
        y = rng.uniform(bottom + 200, top - 200)
        width, height = rng.uniform(30, 120, 2)
        shapes.append(box(x, y, x + width, y + height))
        levels.append(round(float(rng.uniform(5, 45)), 2))
    project = gpd.GeoDataFrame({
        "id": [f"P{i:03d}" for i in range(polygons)],
        "name": [f"Byggefelt {i}" for i in range(polygons)],
        "planned_level_m": levels,
        "soil_class": rng.integers(1, 3, polygons),
        "soil_type": rng.choice(["ler", "sand", "muld", "fyld"], polygons),
    }, geometry=shapes, crs=CRS)
    centre_x, centre_y = (left + right) / 2, (top + bottom) / 2
    angle = rng.uniform(0, 2 * np.pi, receivers)
    radius = rng.uniform(500, 25000, receivers)
    receiver_sites = gpd.GeoDataFrame({
        "id": [f"R{i:03d}" for i in range(receivers)],
        "kind": rng.choice(["pit", "resource_site", "utilisation"], receivers),
        "capacity_m3": rng.lognormal(9.0, 1.0, receivers).round(),
        "max_soil_class": rng.integers(1, 4, receivers),
    }, geometry=[Point(centre_x + r * math.cos(a), centre_y + r * math.sin(a))
                 for r, a in zip(radius, angle)], crs=CRS)
    disposal_sites = gpd.GeoDataFrame({
        "id": [f"D{i:02d}" for i in range(disposal)],
        "gate_fee_dkk_t": rng.uniform(50, 90, disposal).round(1),
    }, geometry=[Point(centre_x + rng.uniform(-30000, 30000), centre_y + rng.uniform(-30000,
                                                                                     30000))
                 for _ in range(disposal)], crs=CRS)
    paths = {name: str(workdir / f"{name}.gpkg") for name in ("project", "receivers",
                                                              "disposal")}
    project.to_file(paths["project"], driver="GPKG")
    receiver_sites.to_file(paths["receivers"], driver="GPKG")
    disposal_sites.to_file(paths["disposal"], driver="GPKG")
    return paths


def whole_plan(paths: dict, workdir: str):
    import processing

    result = processing.run("jordressource:soil_management_plan", {
        "PROJECT": paths["project"], "DEM": str(LYNGBY_DEM),
        "PLANNED_LEVEL_FIELD": "planned_level_m", "RECEIVERS": paths["receivers"],
        "DISPOSAL": paths["disposal"], "OPTIONS_COUNT": 5,
        "OUTPUT_HTML": str(Path(workdir) / "plan.html"),
        "OUTPUT_PDF": str(Path(workdir) / "plan.pdf"),
        "OUTPUT_OPTIONS": "memory:", "OUTPUT": "memory:"})
    return {"options": result["OUTPUT_OPTIONS"].featureCount(),
            "pdf_kb": Path(result["OUTPUT_PDF"]).stat().st_size / 1024,
            "html_kb": Path(result["OUTPUT_HTML"]).stat().st_size / 1024}


def plan_bench(options, workdir: Path):
    paths = lyngby_project(workdir, options.plan_polygons, 400, 12)
    app = qgis_app()  # noqa: F841 (kept alive: QGIS ends when the application is collected)
    seconds, peak, summary = measure(whole_plan, paths, str(workdir))
    print(f"soil_management_plan through processing.run: {options.plan_polygons} polygons on the "
          f"Lyngby DEM, 400 receivers, 12 disposal sites: {seconds:.1f} s (target < 30 s), "
          f"peak {peak:.0f} MB; {summary['options']} options, HTML {summary['html_kb']:.0f} kB, "
          f"PDF {summary['pdf_kb']:.0f} kB", flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cells", type=int, default=10000)
    parser.add_argument("--polygons", type=int, default=1000)
    parser.add_argument("--plan-polygons", type=int, default=200)
    parser.add_argument("--skip-bisection", action="store_true")
    parser.add_argument("--skip-levels", action="store_true")
    parser.add_argument("--skip-plan", action="store_true")
    options = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="bench_project_"))
    try:
        if not options.skip_plan:
            plan_bench(options, workdir)
        if not options.skip_levels:
            balanced_level_bench(options, workdir)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
