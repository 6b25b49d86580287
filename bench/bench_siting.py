"""suggest_resource_sites at region scale: the exact p-median against greedy add + swap and
PySAL spopt's PMedian on PuLP/CBC, straight-line and on a road network.

Instance (seeded): 5,000 excavations over a 50 × 40 km region (a city of 60 % of them, eight
towns, the rest scattered), 200 candidate sites spread over the region, k = 5, maximum haul
30 km (straight lines × 1.3, or along a generated road grid). Capacitated: each candidate holds
10–30 % of all the soil. spopt runs in its own virtual environment (it must never share the
interpreter that imports qgis): SPOPT_PYTHON or /var/cache/jordressource/spopt-venv; skipped with
a message when absent.

Run: .venv/bin/python bench/bench_siting.py [--skip-roads] [--skip-spopt] [--skip-capacitated]
[--skip-straight] [--spopt-timeout S] [--sources N --candidates M] [--processing]

--processing adds the whole algorithm through processing.run (QGIS started inside, memory
layers in, every output written, the site-count table for k = 1..5 included) on the straight
instance, against the engine's own choose_sites for k = 5 in the same run.
"""
import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from harness import measure  # noqa: E402

from jordressource_plugin.core.network.haul import straight_haul_pairs  # noqa: E402
from jordressource_plugin.core.siting import SitingInput, choose_sites, prepare  # noqa: E402
from jordressource_plugin.core.siting.heuristic import greedy_swap  # noqa: E402

SOURCES, CANDIDATES, SITE_COUNT = 5000, 200, 5
WIDTH_M, HEIGHT_M = 50_000.0, 40_000.0
MAX_HAUL_KM, DETOUR = 30.0, 1.3
SPOPT_PYTHON = os.environ.get("SPOPT_PYTHON", "/var/cache/jordressource/spopt-venv/bin/python")
TIME_LIMIT_S = 600.0


def positions(seed=2026):
    rng = np.random.default_rng(seed)
    city = rng.normal([30_000, 22_000], 5_000, (int(SOURCES * 0.6), 2))
    towns = rng.uniform([5_000, 5_000], [WIDTH_M - 5_000, HEIGHT_M - 5_000], (8, 2))
    count = int(SOURCES * 0.3)
    town = towns[rng.integers(0, 8, count)] + rng.normal(0, 1_500, (count, 2))
    scattered = rng.uniform([0, 0], [WIDTH_M, HEIGHT_M], (SOURCES - len(city) - count, 2))
    sources = np.clip(np.vstack([city, town, scattered]), [0, 0], [WIDTH_M, HEIGHT_M])
    candidates = rng.uniform([0, 0], [WIDTH_M, HEIGHT_M], (CANDIDATES, 2))
    volume = rng.lognormal(7.0, 1.0, SOURCES)
    capacity = volume.sum() * rng.uniform(0.10, 0.30, CANDIDATES)
    return sources, candidates, volume, capacity


def road_lines(seed=5):
    """A 1 km grid of country roads over the region (each 1 km piece a line of four segments,
    shifted sideways up to 60 m), plus a 250 m street grid in the city centre."""
    from shapely.geometry import LineString

    rng = np.random.default_rng(seed)
    lines = []

    def street(a, b, pieces, jitter):
        t = np.linspace(0, 1, pieces + 1)[:, None]
        xy = a + (b - a) * t
        normal = np.array([-(b - a)[1], (b - a)[0]]) / np.hypot(*(b - a))
        shift = rng.uniform(-jitter, jitter, pieces + 1)
        shift[[0, -1]] = 0
        lines.append(LineString(xy + shift[:, None] * normal))

    for step, (x0, x1, y0, y1), jitter in (
            (1000.0, (0, WIDTH_M, 0, HEIGHT_M), 60.0),
            (250.0, (25_000, 35_000, 17_000, 27_000), 10.0)):
        xs, ys = np.arange(x0, x1 + 1, step), np.arange(y0, y1 + 1, step)
        for y in ys:
            for a, b in zip(xs[:-1], xs[1:]):
                street(np.array([a, y]), np.array([b, y]), 4, jitter)
        for x in xs:
            for a, b in zip(ys[:-1], ys[1:]):
                street(np.array([x, a]), np.array([x, b]), 4, jitter)
    return lines


def siting_input(road: bool, capacitated: bool):
    sources, candidates, volume, capacity = positions()
    if road:
        import geopandas as gpd

        from jordressource_plugin.core.network.road_network import RoadNetwork

        network = RoadNetwork.from_lines(gpd.GeoSeries(road_lines()))
        pairs = network.haul_pairs(sources, candidates, MAX_HAUL_KM)
    else:
        pairs = straight_haul_pairs(sources, candidates, MAX_HAUL_KM, DETOUR)
    return SitingInput(np.array([f"C{j:03d}" for j in range(CANDIDATES)], object),
                       np.array([f"S{i}" for i in range(SOURCES)], object), volume, pairs,
                       MAX_HAUL_KM, capacity if capacitated else None)


def exact(road, capacitated):
    data = siting_input(road, capacitated)
    start = time.perf_counter()
    cpu = time.process_time()
    problem = prepare(data)
    choice = choose_sites(problem, SITE_COUNT, time_limit_s=TIME_LIMIT_S)
    return {"total": choice.total_tkm, "gap": choice.gap, "status": choice.status,
            "sites": sorted(problem.candidate_ids[choice.open_sites].tolist()),
            "pairs": len(problem.pair_km), "seconds_solve": time.perf_counter() - start,
            "cpu_solve": time.process_time() - cpu, "proof": choice.proof}


def heuristic(road, capacitated):
    """Greedy add + swap from the greedy start, capacity ignored while choosing; a capacitated
    choice then gets its optimal transport (locate, then allocate)."""
    from jordressource_plugin.core.siting.heuristic import uncapacitated_cost
    from jordressource_plugin.core.siting.transport import serve

    problem = prepare(siting_input(road, capacitated))
    mask = greedy_swap(problem, SITE_COUNT)
    if capacitated:
        service = serve(problem, mask.astype(float))
        total = service.cost if service.feasible else float("inf")
    else:
        total = uncapacitated_cost(problem, mask)
    return {"total": total, "sites": sorted(problem.candidate_ids[mask].tolist())}


def spopt(road, capacitated, timeout_s):
    """spopt's PMedian on the same instance, in its own interpreter: a dense cost matrix with
    pairs beyond the maximum haul priced far above any real haul."""
    if not Path(SPOPT_PYTHON).exists():
        return None
    problem = prepare(siting_input(road, capacitated))
    km = np.full((problem.source_count, problem.candidate_count), 10.0 * MAX_HAUL_KM)
    km[problem.pair_source, problem.pair_site] = problem.pair_km
    script = ROOT / "bench" / "spopt_pmedian.py"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "instance.npz"
        np.savez(path, km=km, tonnes=problem.tonnes,
                 capacity=problem.capacity_t if capacitated else np.zeros(0), p=SITE_COUNT)
        # Its own process group, so that a timeout also stops the CBC process PuLP starts.
        child = subprocess.Popen([SPOPT_PYTHON, str(script), str(path)], stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True, start_new_session=True)
        try:
            stdout, stderr = child.communicate(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            os.killpg(child.pid, signal.SIGKILL)
            child.communicate()
            return {"error": f"no answer within {timeout_s:.0f} s (stopped)"}
        done = subprocess.CompletedProcess(child.args, child.returncode, stdout, stderr)
    if done.returncode != 0:
        return {"error": done.stderr[-2000:]}
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["sites"] = sorted(problem.candidate_ids[result["sites"]].tolist())
    return result


def whole_algorithm(capacitated):
    """processing.run of suggest_resource_sites on memory layers of the instance, with the
    assignments and the site-count table (k = 1..SITE_COUNT) written."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication, QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer
    app = QgsApplication([], False)
    app.initQgis()
    sys.path.insert(0, "/usr/share/qgis/python/plugins")
    import processing
    from processing.core.Processing import Processing
    Processing.initialize()
    import jordressource_plugin
    plugin = jordressource_plugin.classFactory(None)
    plugin.initProcessing()
    sources, candidates, volume, capacity = positions()
    # The region sits in EPSG:25832 near Holbæk, where the coordinate check expects it.
    origin = np.array([660_000.0, 6_150_000.0])

    def layer(fields, xy, rows):
        uri = "Point?crs=EPSG:25832" + "".join(f"&field={name}:{kind}" for name, kind in fields)
        result = QgsVectorLayer(uri, "x", "memory")
        features = []
        for (x, y), values in zip(xy + origin, rows):
            feature = QgsFeature(result.fields())
            feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
            feature.setAttributes(values)
            features.append(feature)
        result.dataProvider().addFeatures(features)
        return result

    excavations = layer([("id", "string"), ("volume_m3", "double")], sources,
                        [[f"S{i}", float(v)] for i, v in enumerate(volume)])
    sites = layer([("id", "string"), ("capacity_m3", "double")], candidates,
                  [[f"C{j:03d}", float(c)] for j, c in enumerate(capacity)])
    result = processing.run("jordressource:suggest_resource_sites", {
        "CANDIDATES": sites, "SOURCES": excavations, "SITE_COUNT": SITE_COUNT,
        "CAPACITY_FIELD": "capacity_m3" if capacitated else None, "MAX_HAUL_KM": MAX_HAUL_KM,
        "DETOUR_FACTOR": DETOUR, "TIME_LIMIT_S": TIME_LIMIT_S, "OUTPUT": "memory:",
        "OUTPUT_ASSIGNMENTS": "memory:", "OUTPUT_SWEEP": "memory:"})
    # NULL (no choice of that many sites) comes as a QVariant, which cannot be pickled.
    sweep = {f["site_count"]: (f["tonne_km"] if isinstance(f["tonne_km"], float) else None,
                               f["status"]) for f in result["OUTPUT_SWEEP"].getFeatures()}
    plugin.unload()
    return {"total": result["TONNE_KM"], "gap": result["GAP"], "sweep": sweep}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--skip-roads", action="store_true")
    parser.add_argument("--skip-spopt", action="store_true")
    parser.add_argument("--skip-capacitated", action="store_true")
    parser.add_argument("--skip-straight", action="store_true")
    parser.add_argument("--spopt-timeout", type=float, default=3600.0)
    parser.add_argument("--sources", type=int, default=SOURCES,
                        help="a smaller instance (same region) for spopt to finish")
    parser.add_argument("--candidates", type=int, default=CANDIDATES)
    parser.add_argument("--processing", action="store_true",
                        help="also the whole algorithm through processing.run (straight)")
    args = parser.parse_args()
    # The forked jobs read the sizes from these globals.
    globals().update(SOURCES=args.sources, CANDIDATES=args.candidates)
    print(f"load average at start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores "
          f"(wall-clock times below are shared with that load; CPU seconds are the job's own)")
    cases = [(False, False), (False, True), (True, False), (True, True)]
    for road, capacitated in cases:
        if (road and args.skip_roads) or (capacitated and args.skip_capacitated) or (
                not road and args.skip_straight):
            continue
        name = (f"{'road' if road else 'straight'}, "
                f"{'capacitated' if capacitated else 'uncapacitated'}")
        print(f"\n== {name}: {SOURCES} excavations x {CANDIDATES} candidates, k = {SITE_COUNT}")
        seconds, peak_mb, result = measure(exact, road, capacitated)
        print(f"exact (ours): {seconds:.1f} s wall in all, solve {result['seconds_solve']:.1f} s "
              f"wall / {result['cpu_solve']:.1f} s CPU, peak +{peak_mb:.0f} MB, "
              f"{result['status']}, gap {result['gap']:.2e}, total {result['total']:,.0f} t·km, "
              f"{result['pairs']:,} pairs, sites {result['sites']}")
        for line in result["proof"]:
            print(f"    {line}")
        if args.processing and not road:
            w_seconds, w_mb, whole = measure(whole_algorithm, capacitated)
            steps = ", ".join(f"k={k}: " + (f"{v[0]:,.0f}" if v[0] is not None else "-")
                              + f" ({v[1]})" for k, v in sorted(whole["sweep"].items()))
            print(f"whole algorithm (processing.run, site-count table k = 1..{SITE_COUNT}): "
                  f"{w_seconds:.1f} s, peak +{w_mb:.0f} MB = {w_seconds / seconds:.2f}x the "
                  f"engine for k = {SITE_COUNT} alone; total {whole['total']:,.0f} t·km, gap "
                  f"{whole['gap']:.1e}; {steps}")
        h_seconds, h_mb, h = measure(heuristic, road, capacitated)
        print(f"greedy add + swap: {h_seconds:.1f} s, total {h['total']:,.0f} t·km = "
              f"{h['total'] / result['total']:.4f} x the optimum, sites {h['sites']}")
        if args.skip_spopt:
            continue
        s_seconds, s_mb, s = measure(spopt, road, capacitated, args.spopt_timeout)
        if s is None:
            print(f"spopt: skipped ({SPOPT_PYTHON} not found; make it with python3 -m venv "
                  "and pip install spopt pulp)")
        elif "error" in s:
            print(f"spopt failed: {s['error']}")
        else:
            print(f"spopt PMedian + CBC: {s_seconds:.1f} s in all ({s['solve_seconds']:.1f} s "
                  f"solving), status {s['status']}, total {s['total']:,.0f} t·km = "
                  f"{s['total'] / result['total']:.6f} x ours, sites {s['sites']}; ours "
                  f"{s_seconds / seconds:.1f}x faster")


if __name__ == "__main__":
    main()
