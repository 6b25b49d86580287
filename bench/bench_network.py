"""Road-network haul matrix: 1,000 sources × 300 targets on a generated regional network of more
than 200,000 segments, against QGIS's native:shortestpathpointtolayer run per source.

The network is a 60 × 60 km region: a 12 × 12 km city grid of 100 m blocks (every block edge its
own line, with shaping vertices), ten towns with 150 m blocks, a 2 km grid of winding country
roads joining them, and two motorways that cross everything on bridges, joining the country roads
only at interchanges. Sources lie mostly in the city and towns, targets (pits, resource sites)
mostly in the countryside, as for soil hauls.

Run: .venv/bin/python bench/bench_network.py [--qgis-sources N]
"""
import argparse
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from harness import measure

CRS = "EPSG:25832"
X0, Y0 = 560_000.0, 6_120_000.0  # south-west corner, around Odense
REGION_M = 60_000.0
CITY = (20_000.0, 32_000.0)
MAX_HAUL_KM = 30.0


def _street(rng, a, b, pieces, jitter_m, fixed_every=0):
    """A line from a to b in ``pieces`` segments, interior vertices shifted sideways."""
    t = np.linspace(0.0, 1.0, pieces + 1)
    xy = a + (b - a) * t[:, None]
    normal = np.array([-(b - a)[1], (b - a)[0]]) / np.hypot(*(b - a))
    shift = rng.uniform(-jitter_m, jitter_m, pieces + 1)
    shift[[0, -1]] = 0.0
    if fixed_every:
        shift[np.arange(pieces + 1) % fixed_every == 0] = 0.0
    return xy + shift[:, None] * normal


def generate_roads(seed=1):
    from shapely.geometry import LineString

    rng = np.random.default_rng(seed)
    lines = []
    # City grid: 100 m blocks, each block edge a line of 4 segments.
    ticks = np.arange(CITY[0], CITY[1] + 1, 100.0)
    for fixed in ticks:
        for lo, hi in zip(ticks[:-1], ticks[1:]):
            lines.append(_street(rng, np.array([lo, fixed]), np.array([hi, fixed]), 4, 3.0))
            lines.append(_street(rng, np.array([fixed, lo]), np.array([fixed, hi]), 4, 3.0))
    # Country roads: 2 km grid outside the city, vertices every 50 m, exact every 150 m so town
    # streets can join them.
    nodes = np.arange(0.0, REGION_M + 1, 2000.0)
    for fixed in nodes:
        for lo, hi in zip(nodes[:-1], nodes[1:]):
            for a, b in ((np.array([lo, fixed]), np.array([hi, fixed])),
                         (np.array([fixed, lo]), np.array([fixed, hi]))):
                mid = (a + b) / 2
                if CITY[0] < mid[0] < CITY[1] and CITY[0] < mid[1] < CITY[1]:
                    continue
                lines.append(_street(rng, a, b, 40, 12.0, fixed_every=3))
    # Towns: 3 × 3 km of 150 m blocks centred on a country-road crossing; the country roads are
    # their main streets.
    candidates = [(x, y) for x in nodes[2:-2] for y in nodes[2:-2]
                  if not (CITY[0] - 4000 < x < CITY[1] + 4000
                          and CITY[0] - 4000 < y < CITY[1] + 4000)]
    towns = [candidates[i] for i in rng.choice(len(candidates), 10, replace=False)]
    for cx, cy in towns:
        offsets = np.arange(-1500.0, 1501.0, 150.0)
        for fixed in offsets:
            if fixed == 0:
                continue
            for lo, hi in zip(offsets[:-1], offsets[1:]):
                lines.append(_street(rng, np.array([cx + lo, cy + fixed]),
                                     np.array([cx + hi, cy + fixed]), 3, 2.0))
                lines.append(_street(rng, np.array([cx + fixed, cy + lo]),
                                     np.array([cx + fixed, cy + hi]), 3, 2.0))
    # Motorways on bridges: straight 100 m segments, joined only at interchanges (country-road
    # crossings every 10 km).
    for start, end in (((0.0, 0.0), (REGION_M, REGION_M)), ((0.0, REGION_M), (REGION_M, 0.0))):
        stops = np.linspace(np.array(start), np.array(end), 7)
        for a, b in zip(stops[:-1], stops[1:]):
            pieces = int(np.hypot(*(b - a)) // 100)
            lines.append(_street(rng, a, b, pieces, 0.0))
    towns_xy = np.array(towns)
    return [LineString(xy + (X0, Y0)) for xy in lines], towns_xy + (X0, Y0)


def generate_sites(towns_xy, seed=2):
    rng = np.random.default_rng(seed)
    city = rng.uniform(CITY[0], CITY[1], (700, 2)) + (X0, Y0)
    town = towns_xy[rng.integers(0, len(towns_xy), 300)] + rng.uniform(-1500, 1500, (300, 2))
    sources = np.vstack([city, town])
    targets = rng.uniform(0, REGION_M, (300, 2)) + (X0, Y0)
    return sources, targets


def build_and_solve(roads, sources, targets):
    from jordressource_plugin.core.network.road_network import RoadNetwork

    start = time.perf_counter()
    network = RoadNetwork.from_lines(roads, snap_tolerance_m=1.0)
    built = time.perf_counter()
    haul = network.haul(sources, targets, MAX_HAUL_KM)
    solved = time.perf_counter()
    return {"build_s": built - start, "solve_s": solved - built, "pairs": len(haul.pairs),
            "segments": network.segment_count, "junctions": network.junction_count,
            "parts": network.component_count, "disconnected": haul.disconnected_pairs,
            "distance_km": haul.pairs.distance_km,
            "pair_index": np.column_stack([haul.pairs.source, haul.pairs.target])}


def qgis_per_source(roads_path, sources, targets_path, count):
    """native:shortestpathpointtolayer from each of the first ``count`` sources to every
    target; seconds spent in the runs (QGIS start-up excluded) and the costs found."""
    from qgis.core import QgsApplication, QgsProcessingFeedback

    app = QgsApplication([], False)
    app.initQgis()
    sys.path.append("/usr/share/qgis/python/plugins")
    import processing
    from processing.core.Processing import Processing
    Processing.initialize()
    costs = []
    start = time.perf_counter()
    for x, y in sources[:count]:
        result = processing.run("native:shortestpathpointtolayer", {
            "INPUT": str(roads_path), "STRATEGY": 0, "TOLERANCE": 1.0,
            "START_POINT": f"{x},{y} [{CRS}]", "END_POINTS": str(targets_path),
            "OUTPUT": "memory:"}, feedback=QgsProcessingFeedback())
        costs.append(sorted(f["cost"] for f in result["OUTPUT"].getFeatures()
                            if f["cost"] is not None))
    seconds = time.perf_counter() - start
    return seconds, costs


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--qgis-sources", type=int, default=3,
                        help="sources QGIS routes from, each to all 300 targets (default 3)")
    args = parser.parse_args()

    import geopandas as gpd

    lines, towns = generate_roads()
    roads = gpd.GeoSeries(lines, crs=CRS)
    sources, targets = generate_sites(towns)
    seconds, peak_mb, ours = measure(build_and_solve, roads, sources, targets)
    pairs = len(sources) * len(targets)
    print(f"network: {len(lines):,} lines, {ours['segments']:,} segments, "
          f"{ours['junctions']:,} junctions, {ours['parts']} part(s)")
    print(f"haul_matrix core: {len(sources)} x {len(targets)} = {pairs:,} pairs, "
          f"{ours['pairs']:,} within {MAX_HAUL_KM:g} km, {ours['disconnected']} disconnected")
    print(f"  build {ours['build_s']:.2f} s, solve {ours['solve_s']:.2f} s, "
          f"total {seconds:.2f} s, peak +{peak_mb:.0f} MB")

    if args.qgis_sources <= 0:
        return
    with tempfile.TemporaryDirectory() as folder:
        roads_path = Path(folder) / "roads.gpkg"
        targets_path = Path(folder) / "targets.gpkg"
        gpd.GeoDataFrame(geometry=lines, crs=CRS).to_file(roads_path, driver="GPKG")
        gpd.GeoDataFrame({"id": np.arange(len(targets))},
                         geometry=gpd.points_from_xy(*targets.T), crs=CRS).to_file(
                             targets_path, driver="GPKG")
        _, _, (run_s, _) = measure(qgis_per_source, roads_path, sources, targets_path,
                                            args.qgis_sources)
    qgis_pairs = args.qgis_sources * len(targets)
    ours_per_pair = (ours["build_s"] + ours["solve_s"]) / pairs
    qgis_per_pair = run_s / qgis_pairs
    print(f"QGIS native:shortestpathpointtolayer: {args.qgis_sources} source(s) x "
          f"{len(targets)} targets in {run_s:.1f} s ({qgis_per_pair * 1000:.2f} ms per pair)")
    print(f"  ours, build + solve: {ours_per_pair * 1000:.4f} ms per pair -> "
          f"{qgis_per_pair / ours_per_pair:,.0f}x faster per pair")


if __name__ == "__main__":
    main()
