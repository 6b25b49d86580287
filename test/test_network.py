"""Road-network haul distances on hand-built networks with answers worked out on paper, and
invariants against an independent shortest-path reference on random networks."""
import math

import geopandas as gpd
import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from shapely.geometry import LineString, MultiLineString

from jordressource_plugin.core.network.haul import NETWORK
from jordressource_plugin.core.network.road_network import EmptyNetworkError, RoadNetwork

INF = float("inf")


def network(*lines, tolerance=1.0, oneway=None):
    return RoadNetwork.from_lines(gpd.GeoSeries(list(lines)), tolerance, oneway)


def matrix(net, sources, targets, max_km=INF):
    """Distances in metres as {(source, target): m}."""
    pairs = net.haul_pairs(np.array(sources, float), np.array(targets, float), max_km)
    assert pairs.method == NETWORK
    return {(int(s), int(t)): d * 1000 for s, t, d in zip(pairs.source, pairs.target,
                                                           pairs.distance_km)}


# name, lines, sources, targets, expected {(source, target): metres}; a missing pair has no path
CASES = [
    ("dead end: in and back out along the spur",
     [LineString([(0, 0), (50, 0), (100, 0)]), LineString([(50, 0), (50, 50)])],
     [(50, 60)], [(100, 10), (55, 40)],
     {(0, 0): 10 + 50 + 50 + 10, (0, 1): 10 + 10 + 5}),
    ("bridge: crossing lines without a shared vertex are not joined",
     [LineString([(0, 0), (100, 0)]), LineString([(50, -50), (50, 50)])],
     [(0, 5)], [(50, 55), (100, 5)],
     {(0, 1): 5 + 100 + 5}),
    ("junction: the same crossing with a shared vertex is joined",
     [LineString([(0, 0), (50, 0), (100, 0)]), LineString([(50, -50), (50, 0), (50, 50)])],
     [(0, 5)], [(50, 55), (100, 5)],
     {(0, 0): 5 + 50 + 50 + 5, (0, 1): 5 + 100 + 5}),
    ("lines joined only within the snap tolerance",
     [LineString([(0, 0), (100, 0)]), LineString([(100.6, 0.3), (200, 0.3)])],
     [(0, -2)], [(200, 2.3)],
     {(0, 0): 2 + 100 + math.hypot(200 - 100, 0.3) + 2}),
    ("point projecting onto the middle of a segment",
     [LineString([(0, 0), (100, 0), (100, 100)])],
     [(40, 30)], [(100, 100)],
     {(0, 0): 30 + 60 + 100}),
    ("two points on the same segment: straight along it",
     [LineString([(0, 0), (1000, 0)])],
     [(300, 10)], [(700, -20), (300, 10)],
     {(0, 0): 10 + 400 + 20, (0, 1): 20}),
    ("two points on one chain of oppositely digitised lines",
     [LineString([(0, 0), (100, 0)]), LineString([(200, 0), (100, 0)]),
      LineString([(0, 0), (0, 100), (200, 100), (200, 0)])],
     [(20, 5)], [(180, 5)],
     {(0, 0): 5 + 160 + 5}),
    ("a ring with no junction: the shorter way round",
     [LineString([(0, 0), (100, 0), (100, 100), (0, 100), (0, 0)])],
     [(10, -1)], [(0, 90)],
     {(0, 0): 1 + 10 + 90}),
    ("multi-part line, null geometry and repeated vertices",
     [MultiLineString([[(0, 0), (50, 0), (50, 0)], [(50, 0), (100, 0)]]), None],
     [(0, 1)], [(100, 1)],
     {(0, 0): 1 + 100 + 1}),
    ("3D lines (GeoDanmark carries heights): planar lengths",
     [LineString([(0, 0, 12.5), (60, 80, 14.0)]),
      MultiLineString([[(60, 80, 14.0), (60, 180, 3.0)]])],
     [(0, 0)], [(60, 180)],
     {(0, 0): 100 + 100}),
    ("site exactly on a junction",
     [LineString([(0, 0), (100, 0)]), LineString([(100, 0), (100, 100)]),
      LineString([(100, 0), (200, 0)])],
     [(100, 0)], [(100, 100), (100, 0)],
     {(0, 0): 100, (0, 1): 0}),
]


@pytest.mark.parametrize("name, lines, sources, targets, expected", CASES,
                         ids=[case[0] for case in CASES])
def test_known_distances(name, lines, sources, targets, expected):
    result = matrix(network(*lines), sources, targets)
    assert result.keys() == expected.keys(), name
    for pair, metres in expected.items():
        assert result[pair] == pytest.approx(metres, abs=1e-6), (name, pair)


def test_snap_tolerance_below_the_gap_leaves_the_lines_apart():
    lines = [LineString([(0, 0), (100, 0)]), LineString([(100.6, 0.3), (200, 0.3)])]
    assert matrix(network(*lines, tolerance=0.5), [(0, -2)], [(200, 2.3)]) == {}


def test_points_far_from_roads_keep_their_access_leg():
    net = network(LineString([(0, 0), (100, 0)]))
    haul = net.haul(np.array([[0.0, 5000.0]]), np.array([[100.0, 0.0]]))
    assert haul.source_access_m.tolist() == [5000.0]
    assert haul.pairs.distance_km[0] == pytest.approx(5.1)


def test_max_haul_leaves_out_longer_pairs_and_counts_disconnected_ones():
    net = network(LineString([(0, 0), (1000, 0)]), LineString([(5000, 0), (6000, 0)]))
    haul = net.haul(np.array([[0.0, 0.0], [900.0, 0.0]]),
                    np.array([[1000.0, 0.0], [6000.0, 0.0]]), max_haul_km=0.5)
    assert list(zip(haul.pairs.source, haul.pairs.target)) == [(1, 0)]
    assert haul.disconnected_pairs == 2
    assert net.component_count == 2


def test_one_way_streets_are_driven_only_their_way():
    lines = [LineString([(0, 0), (100, 0)]), LineString([(100, 0), (100, 100), (0, 100), (0, 0)])]
    net = network(*lines, oneway=[1, 0])
    there = matrix(net, [(10, 1)], [(90, 1)])[(0, 0)]
    back = matrix(net, [(90, 1)], [(10, 1)])[(0, 0)]
    assert there == pytest.approx(1 + 80 + 1)
    assert back == pytest.approx(1 + 10 + 300 + 10 + 1)


def test_empty_road_layer_is_a_clear_error():
    with pytest.raises(EmptyNetworkError):
        network(LineString([(0, 0), (0, 0)]))
    with pytest.raises(EmptyNetworkError):
        RoadNetwork.from_lines(gpd.GeoSeries([], dtype="geometry"))


def test_route_lines_follow_the_roads_and_measure_the_distance():
    lines = [LineString([(0, 0), (50, 0), (100, 0)]), LineString([(100, 0), (100, 100)]),
             LineString([(50, 0), (50, -30)])]
    net = network(*lines)
    sources, targets = np.array([[0.0, 10.0], [50.0, -40.0]]), np.array([[110.0, 100.0],
                                                                          [30.0, 5.0]])
    pairs = net.haul_pairs(sources, targets)
    routes = net.route_lines(sources, targets, pairs)
    assert [r.length for r in routes] == pytest.approx(list(pairs.distance_km * 1000))
    assert routes[0].coords[:] == [(0, 10), (0, 0), (50, 0), (100, 0), (100, 100), (110, 100)]


def _reference(lines, sources, targets, oneway):
    """Shortest paths with networkx on the uncontracted directed graph, each site inserted as a
    vertex splitting its nearest segment: an independent construction of the same rule."""
    nx = pytest.importorskip("networkx")
    from shapely.geometry import Point
    from shapely.ops import nearest_points

    graph = nx.DiGraph()
    segments, directions = [], []
    for line, direction in zip(lines, oneway):
        coords = list(line.coords)
        pieces = [LineString([a, b]) for a, b in zip(coords[:-1], coords[1:]) if a != b]
        segments += pieces
        directions += [direction] * len(pieces)
    sites = {}
    for kind, points in (("s", sources), ("t", targets)):
        for i, xy in enumerate(points):
            point = Point(xy)
            distances = sorted((segments[k].distance(point), k) for k in range(len(segments)))
            best = distances[0][1]
            # Equidistant roads make the rule ambiguous, unless they meet at a shared vertex there.
            joint = nearest_points(segments[best], point)[0].coords[0]
            assume(all(d > distances[0][0] + 1e-6
                       or (joint in segments[k].coords and joint in segments[best].coords)
                       for d, k in distances[1:]))
            on_road = nearest_points(segments[best], point)[0]
            sites[(kind, i)] = (best, on_road.coords[0], point.distance(on_road))
    for k, segment in enumerate(segments):
        a, b = segment.coords
        stops = sorted([(0.0, a), (segment.length, b)]
                       + [(segment.project(Point(xy)), (kind, i))
                          for (kind, i), (best, xy, _) in sites.items() if best == k],
                       key=lambda stop: stop[0])
        for (d1, n1), (d2, n2) in zip(stops[:-1], stops[1:]):
            # Stops at one place (a site on a vertex, two sites together) are one place.
            ways = [(n1, n2)] * (directions[k] >= 0 or d1 == d2) + [(n2, n1)] * (
                directions[k] <= 0 or d1 == d2)
            for u, v in ways:
                weight = min(d2 - d1, graph[u][v]["weight"] if graph.has_edge(u, v) else math.inf)
                graph.add_edge(u, v, weight=weight)
    result = {}
    for i in range(len(sources)):
        lengths = nx.single_source_dijkstra_path_length(graph, ("s", i))
        for j in range(len(targets)):
            if ("t", j) in lengths:
                result[(i, j)] = lengths[("t", j)] + sites[("s", i)][2] + sites[("t", j)][2]
    return result


coordinate = st.integers(0, 6).map(lambda v: v * 100.0)
# Centimetre sites: sub-nanometre offsets would only test float rounding.
centimetres = st.integers(-5000, 65000).map(lambda v: v / 100.0)
site = st.tuples(centimetres, centimetres)


@settings(max_examples=40, deadline=None)
@given(streets=st.lists(st.tuples(st.lists(st.tuples(coordinate, coordinate), min_size=2,
                                           max_size=5, unique=True),
                                  st.sampled_from([0, 0, 1, -1])), min_size=1, max_size=8),
       sources=st.lists(site, min_size=1, max_size=4), targets=st.lists(site, min_size=1,
                                                                         max_size=4))
def test_random_networks_agree_with_an_independent_reference(streets, sources, targets):
    lines = [LineString(points) for points, _ in streets]
    oneway = [direction for _, direction in streets]
    net = network(*lines, tolerance=0.0, oneway=oneway)
    result = matrix(net, sources, targets)
    expected = _reference(lines, sources, targets, oneway)
    assert result.keys() == expected.keys()
    for pair, metres in expected.items():
        assert result[pair] == pytest.approx(metres, rel=1e-9, abs=1e-6)
        straight = math.dist(sources[pair[0]], targets[pair[1]])  # never shorter than straight
        assert result[pair] >= straight - 1e-6
    pairs = net.haul_pairs(np.array(sources), np.array(targets))
    routes = net.route_lines(np.array(sources), np.array(targets), pairs)
    assert [r.length for r in routes] == pytest.approx(list(pairs.distance_km * 1000), abs=1e-6)


@pytest.mark.parametrize("value, direction", [
    ("yes", 1), ("1", 1), (1, 1), (1.0, 1), ("True", 1), ("FT", 1), ("-1", -1), (-1, -1),
    ("reverse", -1), ("TF", -1), ("no", 0), ("0", 0), (None, 0), ("", 0), ("alternating", 0)])
def test_one_way_values(value, direction):
    from jordressource_plugin.core.network.build import oneway_directions

    assert oneway_directions([value]).tolist() == [direction]


def test_only_line_parts_are_read_and_other_features_counted():
    from shapely.geometry import GeometryCollection, Point, Polygon

    from jordressource_plugin.core.network.build import line_vertices

    vertices = line_vertices(gpd.GeoSeries([
        Point(1, 1), Polygon([(0, 0), (1, 0), (1, 1)]), LineString([(0, 0), (5, 0)]),
        GeometryCollection([Point(3, 3), LineString([(5, 0), (5, 5)])]), None]))
    assert vertices.xy.tolist() == [[0, 0], [5, 0], [5, 0], [5, 5]]
    assert vertices.line.tolist() == [2, 2, 3, 3]
    assert vertices.skipped_lines == 3


def test_densely_digitised_roads_keep_their_length_when_snapped():
    """Vertices of one road closer than the snap tolerance are not merged into one another."""
    import geopandas as gpd
    import numpy as np
    from shapely.geometry import LineString

    from jordressource_plugin.core.network.road_network import RoadNetwork

    xs = np.arange(0.0, 100.01, 0.5)
    straight = LineString(np.c_[xs, np.zeros_like(xs)])
    angles = np.linspace(0.0, np.pi, 350)  # a half circle of radius 100 m, vertices 0.9 m apart
    curve = LineString(np.c_[100 * np.cos(angles), 100 * np.sin(angles)])
    for road, start, end, expected_km in ((straight, (0, 0), (100, 0), 0.1),
                                          (curve, (100, 0), (-100, 0), curve.length / 1000)):
        network = RoadNetwork.from_lines(gpd.GeoSeries([road]), snap_tolerance_m=1.0)
        pairs = network.haul_pairs(np.array([start]), np.array([end]), 10)
        assert pairs.distance_km == pytest.approx([expected_km], rel=1e-9)
