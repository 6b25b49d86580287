"""schedule_reuse's engine on a region over five years: the aggregated programme (stock by
storage site, origin group and month) against the naive one (one variable per excavation,
storage site, receiver and pair of months), both solved to a proven optimum by HiGHS in the
same run, and the value of storage against the same plan without it.

Region: 2,000 excavations, 300 receivers, 20 storage sites and 30 disposal sites over 100 × 80 km,
60 months (2026–2030): excavation windows of 1–6 months (5 % undated: the plan chooses when),
receivers (utilisation projects) open 2–12 months; classes, area types and suspicion as in
bench_match_reuse; fixed seed. Straight-line hauls × 1.3, maximum 30 km, area rule 1, maximum
dwell 6 months.
Run: `.venv/bin/python bench/bench_schedule.py [--roads] [--skip-naive] [--time-limit SECONDS]
[--sensitivity]` (--roads: also along a generated 1 km road grid over the region;
--sensitivity: the value of storage on the same region with scarcer receivers and dearer
disposal, straight lines, engine only).
"""
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from harness import measure, ratio  # noqa: E402

from jordressource_plugin.core.reuse.costs import CostRates, choose_disposal, straight_haul  # noqa: E402
from jordressource_plugin.core.reuse.problem import (  # noqa: E402
    AreaRule,
    Excavations,
    Receivers,
    day_number,
)
from jordressource_plugin.core.storage.moves import (  # noqa: E402
    ScheduleHaul,
    StorageSites,
    build_moves,
)
from jordressource_plugin.core.storage.periods import horizon_of, open_months  # noqa: E402
from jordressource_plugin.core.storage.release import release_of  # noqa: E402
from jordressource_plugin.core.storage.schedule_plan import plan_schedule  # noqa: E402
from jordressource_plugin.core.storage.schedule_problem import (  # noqa: E402
    build_schedule_problem,
    expand,
)
from jordressource_plugin.core.storage.storage_costs import StorageRates  # noqa: E402

TYPES = np.array(["urban", "agricultural", "industrial", "other"])
RULE = AreaRule.ANALYSIS_ACROSS_TYPES
MAX_HAUL_KM = 30.0
RATES, STORAGE_RATES = CostRates(), StorageRates()
N, M, K, DISPOSAL, MONTHS = 2000, 300, 20, 30, 60
FIRST_DAY = day_number("2026-01-01")
LAST_DAY = day_number("2030-12-31", end_of_day=True)


def instance(seed=2026, capacity_factor=1.0, extra_fee=0.0):
    """The region; ``capacity_factor`` scales every receiver's room and ``extra_fee`` (DKK/t) is
    added to every gate fee, drawing the same sites, windows and classes."""
    rng = np.random.default_rng(seed)

    def points(count):
        return np.column_stack([440e3 + rng.random(count) * 100e3,
                                6050e3 + rng.random(count) * 80e3])

    def windows(count, shortest_months, longest_months, undated_share):
        length = rng.uniform(shortest_months, longest_months, count) * 30.44
        start = np.floor(FIRST_DAY + rng.random(count) * (LAST_DAY - FIRST_DAY - length))
        end = start + np.ceil(length)
        undated = rng.random(count) < undated_share
        return np.where(undated, np.nan, start), np.where(undated, np.nan, end)

    start, end = windows(N, 1, 6, 0.05)
    sources = Excavations(points(N), rng.lognormal(7.0, 1.0, N),
                          rng.integers(1, 4, N).astype(float), start, end,
                          TYPES[rng.choice(4, N, p=[0.5, 0.3, 0.15, 0.05])], rng.random(N) < 0.1)
    start, end = windows(M, 2, 12, 0.0)
    sinks = Receivers(points(M), rng.lognormal(10.0, 1.0, M), rng.integers(1, 4, M).astype(float),
                      start, end, TYPES[rng.choice(3, M)])
    storage = StorageSites(points(K), rng.uniform(5e3, 30e3, K), rng.integers(2, 4, K)
                           .astype(float))
    disposal_xy = points(DISPOSAL)
    fees = rng.uniform(50, 90, DISPOSAL) + extra_fee
    sinks.capacity_m3 = sinks.capacity_m3 * capacity_factor
    return sources, sinks, storage, disposal_xy, fees


def road_grid(seed=7):
    """Country roads over the region: a 1 km grid, each 1 km stretch a line of 10 segments with
    vertices shifted up to 40 m sideways (ends fixed, so that crossings join)."""
    from shapely.geometry import LineString

    rng = np.random.default_rng(seed)
    lines = []
    xs, ys = np.arange(440e3, 540e3 + 1, 1000.0), np.arange(6050e3, 6130e3 + 1, 1000.0)
    for fixed, run, horizontal in [(y, xs, True) for y in ys] + [(x, ys, False) for x in xs]:
        for lo, hi in zip(run[:-1], run[1:]):
            t = np.linspace(lo, hi, 11)
            shift = rng.uniform(-40, 40, 11)
            shift[[0, -1]] = 0.0
            xy = (np.column_stack([t, fixed + shift]) if horizontal
                  else np.column_stack([fixed + shift, t]))
            lines.append(LineString(xy))
    return lines


def aggregated(roads=False, capacity_factor=1.0, extra_fee=0.0):
    """The engine end to end: moves, both programmes (with and without storage), solve, tables;
    straight lines × 1.3, or along the generated road grid (built inside the measurement)."""
    import geopandas as gpd

    from jordressource_plugin.core.network.road_network import RoadNetwork

    sources, sinks, storage, disposal_xy, fees = instance(capacity_factor=capacity_factor,
                                                          extra_fee=extra_fee)
    haul_pairs = straight_haul(1.3)
    if roads:
        haul_pairs = RoadNetwork.from_lines(gpd.GeoSeries(road_grid(), crs="EPSG:25832"),
                                            1.0).haul_pairs
    result = plan_schedule(sources, sinks, storage, disposal_xy, fees, RATES, STORAGE_RATES, RULE,
                           MAX_HAUL_KM, haul_pairs)
    figures = {}
    for name, plan in (("with", result.with_storage), ("without", result.without_storage)):
        summary = plan.summary
        figures[name] = {"cost": summary.cost_dkk, "tkm": summary.tonne_km,
                         "reused_share": summary.reused_share(RATES.density_t_m3),
                         "stored_t": summary.stored_t, "gap": summary.dual_gap_dkk,
                         "variables": summary.variables, "rows": summary.rows,
                         "nonzeros": summary.nonzeros, "status": summary.status}
    figures["months"] = result.horizon.count
    figures["sites_used"] = int((result.with_storage.sites["throughput_t"] > 0).sum())
    figures["capacity_value"] = result.with_storage.sites["capacity_value_dkk_m3"].to_numpy()
    return figures


def aggregated_solve():
    """The aggregated programme with storage alone, built and solved as ``naive`` is."""
    from jordressource_plugin.core.storage.schedule import solve_schedule

    sources, sinks, storage, disposal_xy, fees = instance()
    horizon = horizon_of({"excavations": (sources.start_day, sources.end_day),
                          "receivers": (sinks.start_day, sinks.end_day)})
    haul_pairs = straight_haul(1.3)
    source_disposal = choose_disposal(sources.xy, disposal_xy, fees, RATES, haul_pairs)
    storage_disposal = choose_disposal(storage.xy, disposal_xy, fees, RATES, haul_pairs)
    haul = ScheduleHaul(haul_pairs(sources.xy, sinks.xy, MAX_HAUL_KM),
                        haul_pairs(sources.xy, storage.xy, MAX_HAUL_KM),
                        haul_pairs(storage.xy, sinks.xy, MAX_HAUL_KM))
    moves = build_moves(sources, sinks, storage, haul, source_disposal.cost_dkk_t,
                        storage_disposal.cost_dkk_t, RATES, RULE, MAX_HAUL_KM,
                        STORAGE_RATES.handling_dkk_t)
    problem = build_schedule_problem(
        moves, horizon, release_of(sources, horizon, RATES.density_t_m3),
        open_months(sinks.start_day, sinks.end_day, horizon),
        sinks.capacity_m3 * RATES.density_t_m3, storage.capacity_m3 * RATES.density_t_m3,
        source_disposal.cost_dkk_t, storage_disposal.cost_dkk_t, STORAGE_RATES.max_dwell_months,
        STORAGE_RATES.storage_dkk_t_month)
    return {"cost": solve_schedule(problem).cost_dkk}


def naive(time_limit, prune=True):
    """The same optimum over paths, one column per direct (i, j, month), per (i, k, entry month
    m, exit month n, receiver j) and per (i, k, m, n, disposal); each storage path holds stock
    at k at the ends of months m .. n-1, and every release row (excavation, month) is bounded.
    ``prune`` False keeps every move the rules allow, also those dearer than disposal."""
    import scipy.sparse as sp
    from scipy.optimize import linprog

    sources, sinks, storage, disposal_xy, fees = instance()
    horizon = horizon_of({"excavations": (sources.start_day, sources.end_day),
                          "receivers": (sinks.start_day, sinks.end_day)})
    release = release_of(sources, horizon, RATES.density_t_m3)
    receiver_open = open_months(sinks.start_day, sinks.end_day, horizon)
    haul_pairs = straight_haul(1.3)
    source_disposal = choose_disposal(sources.xy, disposal_xy, fees, RATES, haul_pairs)
    storage_disposal = choose_disposal(storage.xy, disposal_xy, fees, RATES, haul_pairs)
    haul = ScheduleHaul(haul_pairs(sources.xy, sinks.xy, MAX_HAUL_KM),
                        haul_pairs(sources.xy, storage.xy, MAX_HAUL_KM),
                        haul_pairs(storage.xy, sinks.xy, MAX_HAUL_KM))
    never = np.full(N, np.inf), np.full(K, np.inf)
    moves = build_moves(sources, sinks, storage, haul,
                        source_disposal.cost_dkk_t if prune else never[0],
                        storage_disposal.cost_dkk_t if prune else never[1], RATES, RULE,
                        MAX_HAUL_KM, STORAGE_RATES.handling_dkk_t)
    capacity_t = sinks.capacity_m3 * RATES.density_t_m3
    storage_t = storage.capacity_m3 * RATES.density_t_m3
    # The aggregated programme lists the direct arcs' months and the entries (i, k, m).
    base = build_schedule_problem(moves, horizon, release, receiver_open, capacity_t, storage_t,
                                  source_disposal.cost_dkk_t, storage_disposal.cost_dkk_t,
                                  STORAGE_RATES.max_dwell_months,
                                  STORAGE_RATES.storage_dkk_t_month)
    months, dwell = horizon.count, STORAGE_RATES.max_dwell_months
    release_rows = len(release.row_tonnes)
    row_of = np.full((N, months), -1, dtype=np.int64)
    dated = release.row_month >= 0
    row_of[release.row_site[dated], release.row_month[dated]] = np.flatnonzero(dated)
    for row in np.flatnonzero(~dated):
        site = release.row_site[row]
        row_of[site, release.first[site]:release.last[site] + 1] = row

    direct_column, direct_month = expand(base.direct.month, base.direct.last)
    direct_arc = base.direct.item[direct_column]
    direct_row = row_of[moves.direct.source[direct_arc], direct_month]
    direct_cost = base.cost[base.direct.start:base.direct.stop][direct_column]
    entry_arc, entry_month = base.entry.item, base.entry.month
    entry_row = row_of[moves.entry.source[entry_arc], entry_month]
    stay, leave_offset = expand(np.zeros(len(entry_arc)), np.full(len(entry_arc), dwell))
    leave = entry_month[stay] + leave_offset
    inside = leave < months
    stay, leave = stay[inside], leave[inside]
    # Exit arcs of each pair, in blocks.
    exits = moves.exit
    order = np.argsort(exits.source, kind="stable")
    per_pair = np.bincount(exits.source, minlength=len(moves.pair_storage))
    starts = np.r_[0, np.cumsum(per_pair)[:-1]]
    pair = moves.entry_pair[entry_arc[stay]]
    path, which = expand(starts[pair], starts[pair] + per_pair[pair] - 1)
    arc = order[which]
    first, last = receiver_open
    receiver = exits.receiver[arc]
    usable = (first[receiver] <= leave[path]) & (leave[path] <= last[receiver]) & \
        (capacity_t[receiver] > 0)
    path, arc = path[usable], arc[usable]

    entry_cost = moves.entry.cost_dkk_t[entry_arc] - source_disposal.cost_dkk_t[
        moves.entry.source[entry_arc]]
    k_of = moves.entry.storage[entry_arc]
    held = (leave - entry_month[stay]).astype(float)
    cost = np.concatenate([
        direct_cost,
        entry_cost[stay] + STORAGE_RATES.storage_dkk_t_month * held
        + storage_disposal.cost_dkk_t[k_of[stay]],
        entry_cost[stay[path]] + STORAGE_RATES.storage_dkk_t_month * held[path]
        + exits.cost_dkk_t[arc]])
    columns = len(cost)
    direct_index = np.arange(len(direct_arc))
    to_disposal = len(direct_arc) + np.arange(len(stay))
    to_receiver = len(direct_arc) + len(stay) + np.arange(len(path))
    stays = np.r_[np.arange(len(stay)), path]
    column_of_stay = np.r_[to_disposal, to_receiver]
    # Rows: release, receivers, stock (k, month end).
    held_stay, held_month = expand(entry_month[stay][stays], leave[stays] - 1)
    rows = np.concatenate([
        direct_row, entry_row[stay], entry_row[stay[path]],
        release_rows + moves.direct.receiver[direct_arc], release_rows + exits.receiver[arc],
        release_rows + M + k_of[stay][stays][held_stay] * months + held_month])
    cols = np.concatenate([direct_index, to_disposal, to_receiver, direct_index, to_receiver,
                           column_of_stay[held_stay]])
    matrix = sp.csr_matrix((np.ones(len(rows)), (rows, cols)),
                           shape=(release_rows + M + K * months, columns))
    bound = np.concatenate([release.row_tonnes, capacity_t, np.repeat(storage_t, months)])
    nonempty = np.diff(matrix.indptr) > 0
    matrix, bound = matrix[nonempty], bound[nonempty]
    sizes = {"variables": columns, "rows": int(matrix.shape[0]), "nonzeros": int(matrix.nnz)}
    result = linprog(cost, A_ub=matrix, b_ub=bound, bounds=(0, None), method="highs",
                     options={"time_limit": time_limit})
    sizes.update(status=int(result.status), message=result.message,
                 cost=(base.constant_dkk + float(result.fun)) if result.status == 0 else None)
    return sizes


def whole_algorithm():
    """processing.run of schedule_reuse on memory layers of the instance (QGIS started inside),
    with the flows, stock, sites and the report written."""
    import datetime
    import os
    import tempfile

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

    sources, sinks, storage, disposal_xy, fees = instance()

    def date(day, end=False):
        if not np.isfinite(day):
            return None
        return datetime.date.fromordinal(int(day) - (1 if end else 0)).isoformat()

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

    window = [("start_date", "date"), ("end_date", "date")]
    excavations = layer([("id", "string"), ("volume_m3", "double"), ("soil_class", "integer")]
                        + window, sources.xy,
                        [[f"S{i}", float(v), int(c), date(a), date(b, True)] for i, (v, c, a, b)
                         in enumerate(zip(sources.volume_m3, sources.soil_class,
                                          sources.start_day, sources.end_day))])
    receivers = layer([("id", "string"), ("kind", "string"), ("capacity_m3", "double"),
                       ("max_soil_class", "integer")] + window, sinks.xy,
                      [[f"R{j}", "utilisation", float(k), int(c), date(a), date(b, True)]
                       for j, (k, c, a, b) in enumerate(zip(sinks.capacity_m3,
                                                            sinks.max_soil_class,
                                                            sinks.start_day, sinks.end_day))])
    stores = layer([("id", "string"), ("storage_capacity_m3", "double"),
                    ("max_soil_class", "integer")], storage.xy,
                   [[f"K{k}", float(c), int(m)] for k, (c, m) in
                    enumerate(zip(storage.capacity_m3, storage.max_soil_class))])
    disposal = layer([("id", "string"), ("gate_fee_dkk_t", "double")], disposal_xy,
                     [[f"D{d}", float(f)] for d, f in enumerate(fees)])
    # Area types and suspicion come from layers in the plugin; here every site lies in one type.
    with tempfile.TemporaryDirectory() as folder:
        result = processing.run("jordressource:schedule_reuse", {
            "SOURCES": excavations, "RECEIVERS": receivers, "STORAGE": stores,
            "DISPOSAL": disposal, "AREA_RULE": int(RULE), "OUTPUT_FLOWS": "memory:",
            "OUTPUT_STOCK": "memory:", "OUTPUT_SITES": "memory:",
            "OUTPUT_HTML": os.path.join(folder, "report.html")})
    plugin.unload()
    return {"cost": result["COST_DKK"], "no_storage_cost": result["NO_STORAGE_COST_DKK"]}


def sensitivity():
    """When storage pays: the same region with receivers' room scaled down (scarcer receivers,
    so that a month's soil finds no room when it is dug) and every gate fee raised (dearer
    disposal, so that keeping soil for a later receiver saves more than handling and rent)."""
    print("sensitivity (straight lines; storage value = cost with storage against without):")
    print("  receivers' room | gate fees | cost with / without storage | reuse share with / "
          "without | through storage | time")
    for factor in (1.0, 0.3, 0.1):
        for extra in (0.0, 100.0):
            seconds, _peak, run = measure(aggregated, False, factor, extra)
            w, wo = run["with"], run["without"]
            print(f"  ×{factor:g} | +{extra:.0f} DKK/t | {w['cost']:,.0f} / {wo['cost']:,.0f} "
                  f"DKK ({(w['cost'] - wo['cost']) / wo['cost']:+.1%}) | "
                  f"{w['reused_share']:.1%} / {wo['reused_share']:.1%} | "
                  f"{w['stored_t']:,.0f} t at {run['sites_used']} site(s) | {seconds:.1f} s")
            sys.stdout.flush()


def main():
    time_limit = 600.0
    if "--time-limit" in sys.argv:
        time_limit = float(sys.argv[sys.argv.index("--time-limit") + 1])
    print(f"== region: {N:,} excavations, {M} receivers, {K} storage sites, {MONTHS} months, "
          f"straight-line hauls")
    seconds, peak, agg = measure(aggregated)
    w, wo = agg["with"], agg["without"]
    print(f"aggregated, both plans end to end: {seconds:.2f} s, peak {peak:.0f} MB; horizon "
          f"{agg['months']} months")
    for name, plan in (("with storage", w), ("without storage", wo)):
        print(f"  {name}: {plan['variables']:,} variables, {plan['rows']:,} rows, "
              f"{plan['nonzeros']:,} non-zeros; {plan['status']}; primal-dual gap "
              f"{plan['gap']:.2e} DKK")
    print(f"value of storage: cost {w['cost']:,.0f} vs {wo['cost']:,.0f} DKK "
          f"({(w['cost'] - wo['cost']) / wo['cost']:+.1%}); tonne-km {w['tkm']:,.0f} vs "
          f"{wo['tkm']:,.0f} ({(w['tkm'] - wo['tkm']) / wo['tkm']:+.1%}); reuse share "
          f"{w['reused_share']:.1%} vs {wo['reused_share']:.1%}; {w['stored_t']:,.0f} t through "
          f"{agg['sites_used']} storage site(s); capacity value DKK/m³ max "
          f"{agg['capacity_value'].max():.2f}, mean {agg['capacity_value'].mean():.2f}")
    if "--roads" in sys.argv:
        r_seconds, r_peak, road = measure(aggregated, True)
        rw, rwo = road["with"], road["without"]
        print(f"road grid ({len(road_grid()):,} lines of 10 segments, 1 km grid): both plans end "
              f"to end, network build included: {r_seconds:.2f} s, peak {r_peak:.0f} MB; "
              f"{rw['variables']:,} variables; cost {rw['cost']:,.0f} vs {rwo['cost']:,.0f} DKK "
              f"({(rw['cost'] - rwo['cost']) / rwo['cost']:+.1%}); tonne-km "
              f"{(rw['tkm'] - rwo['tkm']) / rwo['tkm']:+.1%}; reuse share "
              f"{rw['reused_share']:.1%} vs {rwo['reused_share']:.1%}")
        sys.stdout.flush()
    if "--sensitivity" in sys.argv:
        sensitivity()
        return
    e_seconds, e_peak, whole = measure(whole_algorithm)
    print(f"whole algorithm (processing.run, QGIS start and all outputs included, no area-type "
          f"layer): {e_seconds:.2f} s, peak {e_peak:.0f} MB; cost {whole['cost']:,.0f} DKK, "
          f"without storage {whole['no_storage_cost']:,.0f} DKK")
    sys.stdout.flush()
    if "--skip-naive" in sys.argv:
        return
    w_seconds, w_peak, alone = measure(aggregated_solve)
    print(f"aggregated, with storage alone (build + solve): {w_seconds:.2f} s, peak "
          f"{w_peak:.0f} MB")
    for prune, label in ((True, "naive, moves cut as in the aggregated programme"),
                         (False, "naive, every move the rules allow")):
        n_seconds, n_peak, sizes = measure(naive, time_limit, prune)
        print(f"{label}: {n_seconds:.2f} s, peak {n_peak:.0f} MB; {sizes['variables']:,} "
              f"variables, {sizes['rows']:,} rows, {sizes['nonzeros']:,} non-zeros; "
              f"{sizes['message']}")
        print(f"  naive/aggregated: variables {ratio(sizes['variables'], w['variables'])}, "
              f"rows {ratio(sizes['rows'], w['rows'])}, non-zeros "
              f"{ratio(sizes['nonzeros'], w['nonzeros'])}; time {ratio(n_seconds, w_seconds)}, "
              f"memory {ratio(n_peak, w_peak)}")
        if sizes["cost"] is not None:
            agree = abs(sizes["cost"] - w["cost"]) <= 1e-6 * abs(w["cost"])
            print(f"  same optimum: {agree} ({sizes['cost']:,.2f} vs {w['cost']:,.2f} DKK)")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
