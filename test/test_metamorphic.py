"""Metamorphic properties of every algorithm that computes: transformations of the input whose
effect on the answer is known without knowing the answer (hypothesis draws small instances).

- permuting the rows leaves the answer the same (permuted alike);
- moving everything rigidly (the engine's view of a reprojection to another metric CRS), or
  reprojecting the input layers (through processing.run), leaves it the same; a transverse
  Mercator close by changes distances only by its scale error;
- scaling every volume and capacity by k scales every volume of the answer by k;
- adding a receiver nobody can reach changes nothing;
- mass is conserved: reused + disposed = released, zones + outside = total.
"""
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

X0, Y0 = 680000.0, 6170000.0  # Holbæk
CRS = "EPSG:25832"

# Small instances: a few sites on a 500 m grid within 6 km, so that a 4 km maximum haul cuts
# some pairs; volumes in whole m³.
grid = st.tuples(st.integers(0, 12), st.integers(0, 12))


def sites(count_min, count_max):
    return st.lists(st.tuples(grid, st.integers(1, 500), st.integers(0, 3)),
                    min_size=count_min, max_size=count_max)


instances = st.tuples(sites(1, 7), sites(1, 5), st.integers(0, 2),
                      st.randoms(use_true_random=False))


def rotate(xy, angle, shift):
    c, s = math.cos(angle), math.sin(angle)
    xy = np.asarray(xy, dtype=float)
    return np.column_stack([c * xy[:, 0] - s * xy[:, 1], s * xy[:, 0] + c * xy[:, 1]]) + shift


# The allocation (match_reuse, soil_management_plan's options) ---
def reuse_plan(sources, receivers, rule=0, xy_map=lambda xy: xy, scale=1.0, extra=None):
    from jordressource_plugin.core.reuse.costs import CostRates, straight_haul
    from jordressource_plugin.core.reuse.plan import plan_reuse
    from jordressource_plugin.core.reuse.problem import AreaRule, Excavations, Receivers

    types = np.array(["urban", "agricultural", "urban", "industrial"], dtype=object)
    receivers = list(receivers) + list(extra or [])
    n, m = len(sources), len(receivers)
    excavations = Excavations(
        xy_map(np.array([(X0 + 500 * x, Y0 + 500 * y) for (x, y), _, _ in sources])),
        np.array([v * scale for _, v, _ in sources], float),
        np.array([c for _, _, c in sources], float), np.full(n, np.nan), np.full(n, np.nan),
        types[[c for _, _, c in sources]], np.array([c == 3 for _, _, c in sources]))
    sinks = Receivers(
        xy_map(np.array([(X0 + 500 * x, Y0 + 500 * y) for (x, y), _, _ in receivers])),
        np.array([v * scale for _, v, _ in receivers], float),
        np.array([c for _, _, c in receivers], float), np.full(m, np.nan), np.full(m, np.nan),
        types[[c for _, _, c in receivers]])
    return plan_reuse(excavations, sinks, np.zeros((0, 2)), np.zeros(0), CostRates(),
                      AreaRule(rule), 4.0, straight_haul(1.3))


def assert_same_plan(a, b, scale=1.0, rel=1e-7):
    assert b.allocation.cost_dkk == pytest.approx(a.allocation.cost_dkk * scale, rel=rel, abs=1e-6)
    assert b.summary.cost_dkk == pytest.approx(a.summary.cost_dkk * scale, rel=rel, abs=1e-6)
    assert b.summary.supplied_m3 == pytest.approx(a.summary.supplied_m3 * scale, rel=rel)


def assert_mass_conserved(plan, sources, scale=1.0):
    supplied = np.array([v for _, v, _ in sources], float) * scale
    released = plan.sources["reused_m3"].to_numpy() + plan.sources["disposed_m3"].to_numpy()
    assert released == pytest.approx(supplied)
    assert plan.summary.reused_m3 + plan.summary.disposed_m3 == pytest.approx(supplied.sum())
    assert plan.matches["volume_m3"].sum() == pytest.approx(plan.summary.reused_m3)


@settings(max_examples=40)
@given(instances)
def test_allocation_permuting_rows_leaves_the_optimum(instance):
    sources, receivers, rule, random = instance
    plan = reuse_plan(sources, receivers, rule)
    order_s = random.sample(range(len(sources)), len(sources))
    order_r = random.sample(range(len(receivers)), len(receivers))
    shuffled = reuse_plan([sources[k] for k in order_s], [receivers[k] for k in order_r], rule)
    assert_same_plan(plan, shuffled)
    assert_mass_conserved(shuffled, [sources[k] for k in order_s])


@settings(max_examples=40)
@given(instances, st.floats(0, 2 * math.pi), st.tuples(st.floats(-1e5, 1e5),
                                                       st.floats(-1e5, 1e5)))
def test_allocation_moving_everything_rigidly_leaves_the_optimum(instance, angle, shift):
    sources, receivers, rule, _ = instance
    plan = reuse_plan(sources, receivers, rule)
    moved = reuse_plan(sources, receivers, rule,
                       xy_map=lambda xy: rotate(xy - (X0, Y0), angle, (X0, Y0) + np.array(shift)))
    assert_same_plan(plan, moved, rel=1e-6)


@settings(max_examples=40)
@given(instances, st.sampled_from([0.001, 0.5, 3.0, 1000.0]))
def test_allocation_scaling_volumes_scales_the_answer(instance, k):
    sources, receivers, rule, _ = instance
    plan = reuse_plan(sources, receivers, rule)
    scaled = reuse_plan(sources, receivers, rule, scale=k)
    assert_same_plan(plan, scaled, scale=k, rel=1e-6)
    assert scaled.summary.reused_m3 == pytest.approx(plan.summary.reused_m3 * k, rel=1e-6,
                                                     abs=1e-6 * k)
    assert_mass_conserved(scaled, sources, scale=k)


@settings(max_examples=40)
@given(instances, st.sampled_from(["far", "class", "outside the grid"]))
def test_allocation_a_receiver_nobody_can_reach_changes_nothing(instance, why):
    sources, receivers, rule, _ = instance
    plan = reuse_plan(sources, receivers, rule)
    unreachable = {"far": ((200, 200), 10_000, 3),  # 100 km away, beyond the 4 km haul
                   "class": ((0, 0), 10_000, -1),  # accepts no class
                   "outside the grid": ((-40, 6), 10_000, 3)}[why]
    widened = reuse_plan(sources, receivers, rule, extra=[unreachable])
    assert_same_plan(plan, widened)
    assert widened.receivers["received_m3"].to_numpy()[-1] == 0
    assert widened.summary.reused_m3 == pytest.approx(plan.summary.reused_m3, abs=1e-6)


# Haul distances (haul_matrix) ---
@settings(max_examples=30)
@given(st.lists(grid, min_size=1, max_size=6), st.lists(grid, min_size=1, max_size=6),
       st.floats(0, 2 * math.pi), st.randoms(use_true_random=False))
def test_road_hauls_are_the_same_after_moving_and_reordering_everything(sources, targets, angle,
                                                                       random):
    from shapely.affinity import rotate as rotate_line
    from shapely.geometry import LineString

    from jordressource_plugin.core.network.road_network import RoadNetwork

    # A ladder of roads: two rails and rungs every 1.5 km, meeting at shared vertices.
    rails = [LineString([(X0 + 1500 * k, Y0 + 500 * y) for k in range(5)]) for y in (2, 9)]
    rungs = [LineString([(X0 + 1500 * k, Y0 + 1000), (X0 + 1500 * k, Y0 + 4500)])
             for k in range(5)]
    lines = rails + rungs
    pivot = (X0, Y0)

    def hauls(lines, source_xy, target_xy):
        pairs = RoadNetwork.from_lines(lines, 1.0).haul(source_xy, target_xy, 30.0).pairs
        return {(int(s), int(t)): d for s, t, d in zip(pairs.source, pairs.target,
                                                       pairs.distance_km)}

    # Off the grid lines, so that no site is equally near two roads.
    source_xy = np.array([(X0 + 500 * x + 7, Y0 + 500 * y + 11) for x, y in sources])
    target_xy = np.array([(X0 + 500 * x + 13, Y0 + 500 * y + 5) for x, y in targets])
    expected = hauls(lines, source_xy, target_xy)

    order = random.sample(range(len(sources)), len(sources))
    reversed_lines = [LineString(list(line.coords)[::-1]) for line in random.sample(lines,
                                                                                   len(lines))]
    moved = [rotate_line(line, angle, origin=pivot, use_radians=True) for line in reversed_lines]
    got = hauls(moved, rotate(source_xy[order] - pivot, angle, pivot),
                rotate(target_xy - pivot, angle, pivot))
    assert {(order[s], t): d for (s, t), d in got.items()} == pytest.approx(expected, abs=1e-6)


# Soil balance and zones (soil_balance, area_zones) ---
def balance_areas():
    from shapely.geometry import box

    # Three tiles and one area overlapping two of them (planning areas may overlap).
    return [box(X0, Y0, X0 + 2000, Y0 + 6500), box(X0 + 2000, Y0, X0 + 4000, Y0 + 6500),
            box(X0 + 4000, Y0, X0 + 5500, Y0 + 6500), box(X0 + 1000, Y0, X0 + 3000, Y0 + 3000)]


@settings(max_examples=40)
@given(sites(0, 8), sites(0, 5), st.sampled_from([1.0, 0.25, 7.0]),
       st.randoms(use_true_random=False))
def test_soil_balance_permuted_scaled_and_conserved(sources, receivers, k, random):
    import geopandas as gpd

    from jordressource_plugin.core.balance.soil_balance import Sites, soil_balance

    def run(sources, receivers, scale, areas):
        def as_sites(rows):
            return Sites(None, np.array([v * scale for _, v, _ in rows], float),
                         xy=np.array([(X0 + 500 * x + 1, Y0 + 500 * y + 1)
                                      for (x, y), _, _ in rows]).reshape(-1, 2))
        return soil_balance(gpd.GeoSeries(areas, crs=CRS), as_sites(sources),
                            as_sites(receivers))

    areas = balance_areas()
    result = run(sources, receivers, 1.0, areas)
    order = random.sample(range(len(areas)), len(areas))
    shuffled = run(random.sample(sources, len(sources)), random.sample(receivers,
                                                                      len(receivers)),
                   k, [areas[j] for j in order])
    columns = ["surplus_m3", "demand_m3", "balance_m3"]
    assert shuffled.areas[columns].to_numpy() == pytest.approx(
        result.areas[columns].to_numpy()[order] * k)
    assert shuffled.outside[columns].to_numpy(dtype=float) == pytest.approx(
        result.outside[columns].to_numpy(dtype=float) * k)
    # The three tiles and the outside row hold every site exactly once.
    total = sum(v for _, v, _ in sources)
    tiles = result.areas["surplus_m3"].to_numpy()[:3].sum() + result.outside["surplus_m3"]
    assert tiles == pytest.approx(total)


@settings(max_examples=25)
@given(st.lists(st.sampled_from(["byzone", "landzone", "erhverv", "ukendt"]), min_size=9,
                max_size=9), sites(0, 8), st.randoms(use_true_random=False),
       st.sampled_from([1.0, 3.0]))
def test_zones_permuted_scaled_and_conserved(kinds, sources, random, k):
    import geopandas as gpd
    from shapely.geometry import box

    from jordressource_plugin.core.area.classify import prepare_area_types
    from jordressource_plugin.core.area.zones import area_zones
    from jordressource_plugin.core.balance.soil_balance import Sites

    cells = [box(X0 + 2200 * i, Y0 + 2200 * j, X0 + 2200 * (i + 1), Y0 + 2200 * (j + 1))
             for i in range(3) for j in range(3)]
    # One more polygon over the middle cell, of another type: the earlier one holds it.
    cells.append(box(X0 + 2200, Y0 + 2200, X0 + 4400, Y0 + 4400))
    kinds = list(kinds) + ["landzone" if kinds[4] != "landzone" else "byzone"]

    def run(order, scale):
        frame = gpd.GeoDataFrame({"kind": [kinds[j] for j in order]},
                                 geometry=[cells[j] for j in order], crs=CRS)
        points = Sites(None, np.array([v * scale for _, v, _ in sources], float),
                       xy=np.array([(X0 + 500 * x + 3, Y0 + 500 * y + 3)
                                    for (x, y), _, _ in sources]).reshape(-1, 2))
        return area_zones(prepare_area_types(frame, "kind"), sources=points)

    result = run(list(range(len(cells))), 1.0)
    # Shuffle the tiles but keep the overlapping polygon after the cell it overlaps.
    tiles = random.sample(range(9), 9)
    shuffled = run(tiles + [9], k)

    def summary(zones, scale=1.0):
        rows = sorted((kind, round(area, 6), surplus * scale) for kind, area, surplus in zip(
            zones["area_type"], zones["area_km2"], zones["surplus_m3"]))
        return [row[0] for row in rows], np.array([row[1:] for row in rows]).reshape(-1, 2)

    kinds_got, numbers_got = summary(shuffled.zones)
    kinds_expected, numbers_expected = summary(result.zones, k)
    assert kinds_got == kinds_expected
    assert numbers_got == pytest.approx(numbers_expected)
    total = sum(v for _, v, _ in sources)
    assert result.zones["surplus_m3"].sum() + result.outside["surplus_m3"] == pytest.approx(total)


# Classification (classify_area_types) ---
@settings(max_examples=30)
@given(st.lists(st.sampled_from(["byzone", "landzone", "erhverv"]), min_size=4, max_size=4),
       st.lists(grid, min_size=1, max_size=6), st.floats(0, 2 * math.pi),
       st.randoms(use_true_random=False))
def test_classification_is_the_same_after_moving_and_reordering(kinds, points, angle, random):
    import geopandas as gpd
    from shapely.affinity import rotate as rotate_shape
    from shapely.geometry import Point, box

    from jordressource_plugin.core.area.classify import classify_sites, prepare_area_types

    tiles = [box(X0 + 3000 * i, Y0 + 3000 * j, X0 + 3000 * (i + 1), Y0 + 3000 * (j + 1))
             for i in range(2) for j in range(2)]
    shapes = [Point(X0 + 500 * x + 7, Y0 + 500 * y + 7).buffer(40) for x, y in points]

    def run(tiles, kinds, shapes):
        prepared = prepare_area_types(gpd.GeoDataFrame({"kind": kinds}, geometry=tiles,
                                                       crs=CRS), "kind")
        return classify_sites(gpd.GeoSeries(shapes, crs=CRS), prepared)

    result = run(tiles, kinds, shapes)
    order = random.sample(range(4), 4)

    def turned(shape):
        return rotate_shape(shape, angle, origin=(X0, Y0), use_radians=True)

    moved = run([turned(tiles[j]) for j in order], [kinds[j] for j in order],
                [turned(shape) for shape in shapes])
    assert list(moved.area_type) == list(result.area_type)
    assert moved.area_share == pytest.approx(result.area_share, abs=1e-6)


# Earthwork (earthwork_volumes) ---
@settings(max_examples=20)
@given(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30), st.integers(4, 15),
                          st.floats(5.0, 15.0)), min_size=1, max_size=4),
       st.floats(-50.0, 50.0), st.randoms(use_true_random=False))
def test_earthwork_volumes_permuted_and_lifted(tmp_path_factory, polygons, lift, random):
    """Permuting the polygons permutes their volumes; lifting the terrain and every planned
    level by the same height changes no volume."""
    import geopandas as gpd
    from conftest import single_band_raster
    from shapely.geometry import box

    from jordressource_plugin.core.terrain.earthwork import earthwork_volumes

    folder = tmp_path_factory.mktemp("dem")
    terrain = 10.0 + np.add.outer(np.arange(50) * 0.05, np.arange(50) * 0.1)
    shapes = [box(X0 + 2 * x + 0.3, Y0 - 2 * (y + size), X0 + 2 * (x + size) - 0.3, Y0 - 2 * y)
              for x, y, size, _ in polygons]
    levels = np.array([level for *_, level in polygons])

    def run(name, offset, order):
        path = single_band_raster(folder / name, terrain + offset, (X0, Y0))
        result = earthwork_volumes(gpd.GeoSeries([shapes[k] for k in order], crs=CRS), path,
                                   planned_levels=levels[order] + offset)
        return np.column_stack([result.cut_m3, result.fill_m3])

    base = run("dem.tif", 0.0, list(range(len(shapes))))
    order = random.sample(range(len(shapes)), len(shapes))
    moved = run("lifted.tif", lift, order)
    assert moved == pytest.approx(base[order], rel=1e-4, abs=1e-3)


# Through processing.run: reprojected inputs and a nearby distance CRS ---
def _layer(make_layer, rows, fields, crs=CRS):
    return make_layer("Point", crs, fields, rows)


@settings(max_examples=6)
@given(instances)
def test_match_reuse_with_inputs_in_another_crs_gives_the_same_plan(run_algorithm, make_layer,
                                                                    instance):
    """The same sites stored in EPSG:25833 (UTM 33N) and EPSG:4326 give the plan of EPSG:25832;
    measured in EPSG:25833 instead (a transverse Mercator 3.3° off Holbæk's meridian) the haul
    grows only by that CRS's scale error there (0.013 %)."""
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsCoordinateTransform,
        QgsPointXY,
        QgsProject,
    )

    sources, receivers, _, _ = instance
    source_fields = [("id", "string"), ("volume_m3", "double"), ("soil_class", "integer")]
    receiver_fields = [("id", "string"), ("capacity_m3", "double"),
                       ("max_soil_class", "integer")]

    def layers(crs):
        transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem(CRS),
                                           QgsCoordinateReferenceSystem(crs),
                                           QgsProject.instance())

        def wkt(x, y):
            point = transform.transform(QgsPointXY(X0 + 500 * x, Y0 + 500 * y))
            return f"POINT({point.x():.10f} {point.y():.10f})"

        return (_layer(make_layer, [(wkt(*xy), [f"S{k}", float(v), c])
                                    for k, (xy, v, c) in enumerate(sources)], source_fields, crs),
                _layer(make_layer, [(wkt(*xy), [f"R{k}", float(v), c])
                                    for k, (xy, v, c) in enumerate(receivers)], receiver_fields,
                       crs))

    def plan(crs, distance_crs=CRS):
        s, r = layers(crs)
        return run_algorithm("match_reuse", {
            "SOURCES": s, "RECEIVERS": r, "AREA_RULE": 0, "MAX_HAUL_KM": 4.0,
            "DISTANCE_CRS": distance_crs, "OUTPUT_MATCHES": "memory:",
            "OUTPUT_SOURCES": "memory:", "OUTPUT_RECEIVERS": "memory:"})

    numbers = ("REUSED_M3", "DISPOSED_M3", "TONNE_KM", "COST_DKK")
    expected = plan(CRS)
    for crs in ("EPSG:25833", "EPSG:4326"):
        got = plan(crs)
        assert [got[n] for n in numbers] == pytest.approx([expected[n] for n in numbers],
                                                          rel=1e-6, abs=1e-6)
    nearby = plan(CRS, distance_crs="EPSG:25833")
    assert nearby["DISPOSED_M3"] + nearby["REUSED_M3"] == pytest.approx(
        expected["DISPOSED_M3"] + expected["REUSED_M3"])
    if nearby["REUSED_M3"] == pytest.approx(expected["REUSED_M3"]):
        assert nearby["TONNE_KM"] == pytest.approx(expected["TONNE_KM"], rel=5e-4)
