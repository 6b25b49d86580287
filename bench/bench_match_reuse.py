"""match_reuse at region and national scale: the exact allocation against nearest-first greedy,
networkx's min-cost flow and the dense programme over every pair.

Region: 2,000 excavations × 300 receivers over 100 × 80 km (a Danish region). National: 50,000 ×
3,000 over 450 × 350 km (Denmark's extent in EPSG:25832). Volumes, capacities, classes, area
types, suspicion and 30 disposal sites are drawn with a fixed seed, so every run measures the
same instances. Run: `.venv/bin/python bench/bench_match_reuse.py [--skip-national]`.
"""
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from harness import measure, ratio

from jordressource_plugin.core.reuse.costs import CostRates, choose_disposal, straight_haul
from jordressource_plugin.core.reuse.plan import nearest_first_allocation, plan_reuse
from jordressource_plugin.core.reuse.problem import (
    AreaRule,
    Excavations,
    Receivers,
    build_reuse_problem,
)

TYPES = np.array(["urban", "agricultural", "industrial", "other"])
RULE = AreaRule.ANALYSIS_ACROSS_TYPES
MAX_HAUL_KM = 30.0
SCALES = {"region": (2000, 300, (100e3, 80e3)), "national": (50000, 3000, (450e3, 350e3))}


def instance(scale, seed=2026):
    n, m, (width, height) = SCALES[scale]
    rng = np.random.default_rng(seed)

    def points(count):
        return np.column_stack([440e3 + rng.random(count) * width,
                                6050e3 + rng.random(count) * height])

    sources = Excavations(points(n), rng.lognormal(7.0, 1.0, n),
                          rng.integers(1, 4, n).astype(float),
                          np.full(n, np.nan), np.full(n, np.nan),
                          TYPES[rng.choice(4, n, p=[0.5, 0.3, 0.15, 0.05])], rng.random(n) < 0.1)
    sinks = Receivers(points(m), rng.lognormal(10.0, 1.0, m), rng.integers(1, 4, m).astype(float),
                      np.full(m, np.nan), np.full(m, np.nan), TYPES[rng.choice(3, m)])
    disposal_xy = points(30)
    fees = rng.uniform(50, 90, 30)
    return sources, sinks, disposal_xy, fees


def core_solve(scale):
    sources, sinks, disposal_xy, fees = instance(scale)
    plan = plan_reuse(sources, sinks, disposal_xy, fees, CostRates(), RULE, MAX_HAUL_KM,
                      straight_haul(1.3))
    return {"cost": plan.summary.cost_dkk, "tkm": plan.summary.tonne_km,
            "reused_share": plan.summary.reused_share, "arcs": len(plan.problem.arcs),
            "pairs": plan.problem.pairs_in_reach, "rounds": plan.allocation.rounds,
            "columns": plan.allocation.columns}


def _problem(scale):
    sources, sinks, disposal_xy, fees = instance(scale)
    disposal = choose_disposal(sources.xy, disposal_xy, fees, CostRates(), straight_haul(1.3))
    problem = build_reuse_problem(sources, sinks, disposal.cost_dkk_t, CostRates(), RULE,
                                  MAX_HAUL_KM, straight_haul(1.3))
    return problem, disposal


def greedy(scale):
    problem, disposal = _problem(scale)
    allocation = nearest_first_allocation(problem)
    tkm = (allocation.tonnes @ problem.arcs.distance_km[allocation.arc]
           + allocation.disposed_t @ disposal.haul_km)
    return {"cost": allocation.cost_dkk, "tkm": float(tkm)}


def networkx_flow(scale):
    """The same programme as a min-cost flow in integer kilograms and milli-DKK per tonne."""
    import networkx as nx

    problem, _ = _problem(scale)
    arcs = problem.arcs
    supply = np.round(problem.supply_t * 1000).astype(np.int64)
    capacity = np.round(problem.capacity_t * 1000).astype(np.int64)
    graph = nx.DiGraph()
    for i, s in enumerate(supply):
        graph.add_node(("s", i), demand=-int(s))
        graph.add_edge(("s", i), "disposal",
                       weight=int(round(problem.disposal_cost_dkk_t[i] * 1000)))
    graph.add_node("sink", demand=int(supply.sum()))
    graph.add_edge("disposal", "sink", weight=0)
    for j, k in enumerate(capacity):
        graph.add_edge(("r", j), "sink", weight=0, capacity=int(k))
    for i, j, c in zip(arcs.source, arcs.receiver, arcs.cost_dkk_t):
        graph.add_edge(("s", int(i)), ("r", int(j)), weight=int(round(c * 1000)))
    cost = nx.min_cost_flow_cost(graph)
    return {"cost": cost / 1e6}


def dense_linprog(scale):
    """The contract's programme over every pair (pairs not allowed fixed at zero), with u_i
    explicit and equality rows, in one HiGHS solve."""
    from scipy.optimize import linprog
    from scipy.sparse import coo_matrix

    problem, _ = _problem(scale)
    n, m = len(problem.supply_t), len(problem.capacity_t)
    arcs = problem.arcs
    cost = np.zeros((n, m))
    allowed = np.zeros((n, m), dtype=bool)
    cost[arcs.source, arcs.receiver] = arcs.cost_dkk_t
    allowed[arcs.source, arcs.receiver] = True
    pairs = n * m
    i, j = np.divmod(np.arange(pairs), m)
    rows = np.concatenate([i, n + j, np.arange(n)])
    cols = np.concatenate([np.arange(pairs), np.arange(pairs), pairs + np.arange(n)])
    matrix = coo_matrix((np.ones(len(rows)), (rows, cols)), shape=(n + m, pairs + n)).tocsr()
    c = np.concatenate([cost.ravel(), problem.disposal_cost_dkk_t])
    upper = np.concatenate([np.where(allowed.ravel(), np.inf, 0.0), np.full(n, np.inf)])
    result = linprog(c, A_ub=matrix[n:], b_ub=problem.capacity_t, A_eq=matrix[:n],
                     b_eq=problem.supply_t, bounds=np.column_stack([np.zeros(len(c)), upper]),
                     method="highs")
    return {"cost": float(result.fun), "status": int(result.status)}


def whole_algorithm(scale):
    """processing.run of match_reuse on memory layers of the instance, QGIS started inside."""
    import os
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

    sources, sinks, disposal_xy, fees = instance(scale)

    def layer(fields, xy, rows):
        uri = "Point?crs=EPSG:25832" + "".join(f"&field={name}:{kind}" for name, kind in fields)
        result = QgsVectorLayer(uri, "x", "memory")
        features = []
        for (x, y), values in zip(xy, rows):
            feature = QgsFeature(result.fields())
            feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
            feature.setAttributes(values)
            features.append(feature)
        result.dataProvider().addFeatures(features)
        return result

    excavations = layer([("id", "string"), ("volume_m3", "double"), ("soil_class", "integer")],
                        sources.xy, [[f"S{i}", float(v), int(c)] for i, (v, c) in
                                     enumerate(zip(sources.volume_m3, sources.soil_class))])
    receivers = layer([("id", "string"), ("kind", "string"), ("capacity_m3", "double"),
                       ("max_soil_class", "integer")], sinks.xy,
                      [[f"R{j}", "pit", float(k), int(c)] for j, (k, c) in
                       enumerate(zip(sinks.capacity_m3, sinks.max_soil_class))])
    disposal = layer([("id", "string"), ("gate_fee_dkk_t", "double")], disposal_xy,
                     [[f"D{d}", float(f)] for d, f in enumerate(fees)])
    result = processing.run("jordressource:match_reuse", {
        "SOURCES": excavations, "RECEIVERS": receivers, "DISPOSAL": disposal, "AREA_RULE": 0,
        "OUTPUT_MATCHES": "memory:", "OUTPUT_SOURCES": "memory:", "OUTPUT_RECEIVERS": "memory:"})
    plugin.unload()
    return {"cost": result["COST_DKK"]}


def main():
    scales = ["region"] if "--skip-national" in sys.argv else ["region", "national"]
    for scale in scales:
        n, m, _ = SCALES[scale]
        print(f"== {scale}: {n:,} excavations × {m:,} receivers")
        seconds, peak, optimum = measure(core_solve, scale)
        print(f"core solve: {seconds:.2f} s, peak {peak:.0f} MB; {optimum['pairs']:,} pairs in "
              f"reach, {optimum['arcs']:,} arcs, {optimum['rounds']} LP solve(s), last "
              f"{optimum['columns']:,} columns; reused {optimum['reused_share']:.1%}")
        g_seconds, g_peak, nearest = measure(greedy, scale)
        print(f"nearest-first greedy: {g_seconds:.2f} s; cost optimum/greedy "
              f"{ratio(optimum['cost'], nearest['cost'])}, tonne-km optimum/greedy "
              f"{ratio(optimum['tkm'], nearest['tkm'])}; optimum never worse: "
              f"{optimum['cost'] <= nearest['cost'] + 1e-6}")
        if scale == "region":
            x_seconds, x_peak, flow = measure(networkx_flow, scale)
            print(f"networkx.min_cost_flow: {x_seconds:.2f} s, peak {x_peak:.0f} MB; speed "
                  f"ratio networkx/core {ratio(x_seconds, seconds)}; cost agrees: "
                  f"{abs(flow['cost'] - optimum['cost']) <= 1e-6 * optimum['cost'] + 1.0}")
            d_seconds, d_peak, dense = measure(dense_linprog, scale)
            print(f"dense linprog (all {n * m:,} pairs): {d_seconds:.2f} s, peak {d_peak:.0f} MB; "
                  f"time ratio dense/core {ratio(d_seconds, seconds)}, memory ratio "
                  f"{ratio(d_peak, peak)}; cost agrees: "
                  f"{abs(dense['cost'] - optimum['cost']) <= 1e-7 * optimum['cost']}")
        if scale == "region" or "--whole-national" in sys.argv:
            w_seconds, w_peak, _ = measure(whole_algorithm, scale)
            print(f"whole algorithm (processing.run, QGIS start included): {w_seconds:.2f} s, "
                  f"peak {w_peak:.0f} MB")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
