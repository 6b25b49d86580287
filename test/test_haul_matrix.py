"""haul_matrix through processing.run and qgis_process, and agreement with QGIS's own shortest
path on real GeoDanmark roads."""
from pathlib import Path

import numpy as np
import pytest

# GeoDanmark road centre lines at Stige, Odense (test/data/README.md).
ROADS_GPKG = Path(__file__).resolve().parent / "data" / "roads" / "geodanmark_vejmidte_stige.gpkg"
CRS = "EPSG:25832"

# A main road with a bridge over it: the bridge shares no vertex with the road below.
ROADS = [("LINESTRING(680000 6170000, 680500 6170000, 681000 6170000)", []),
         ("LINESTRING(680500 6170000, 680500 6170400)", []),
         ("LINESTRING(680200 6169700, 680200 6170300)", [])]


def features(output):
    return sorted((f["source_id"], f["target_id"], round(f["distance_km"], 6), f["method"])
                  for f in output.getFeatures())


@pytest.fixture
def layers(make_layer):
    sources = make_layer("Point", CRS, [("id", "string")],
                         [("POINT(680000 6170010)", ["A"]), ("POINT(680200 6170290)", ["B"]),
                          ("POINT(681800 6170000)", [None])])
    targets = make_layer("Polygon", CRS, [("id", "string")],
                         [("POLYGON((680480 6170380, 680520 6170380, 680520 6170420, "
                           "680480 6170420, 680480 6170380))", ["R"])])
    roads = make_layer("LineString", CRS, [], ROADS)
    return sources, targets, roads


def test_network_distances_routes_and_reports(run_algorithm, layers):
    sources, targets, roads = layers
    result = run_algorithm("haul_matrix", {
        "SOURCES": sources, "SOURCE_ID_FIELD": "id", "TARGETS": targets, "TARGET_ID_FIELD": "id",
        "ROADS": roads, "MAX_HAUL_KM": 30, "OUTPUT": "memory:", "OUTPUT_ROUTES": "memory:"})
    # A: 10 m to the road, 500 m along it, 400 m up the spur to the receiver's centre (on it).
    # B: only on the bridge, which has no junction: no path. The third source, unnamed, is
    # 800 m beyond the road's end and is named by its feature id.
    assert features(result["OUTPUT"]) == [("3", "R", 1.7, "network"), ("A", "R", 0.91, "network")]
    assert result["PAIR_COUNT"] == 2
    assert result["DISCONNECTED_PAIRS"] == 1
    assert result["FAR_FROM_ROAD"] == 1
    routes = {f["source_id"]: f for f in result["OUTPUT_ROUTES"].getFeatures()}
    assert routes["A"].geometry().length() == pytest.approx(910)
    assert routes["A"].geometry().asWkt(0) == \
        "LineString (680000 6170010, 680000 6170000, 680500 6170000, 680500 6170400)"


def test_without_roads_straight_lines_times_the_detour_factor(run_algorithm, layers):
    sources, targets, _ = layers
    result = run_algorithm("haul_matrix", {
        "SOURCES": sources, "SOURCE_ID_FIELD": "id", "TARGETS": targets, "TARGET_ID_FIELD": "id",
        "DETOUR_FACTOR": 1.5, "MAX_HAUL_KM": 1, "OUTPUT": "memory:"})
    straight_km = np.hypot(500, 390) / 1000
    assert features(result["OUTPUT"]) == [("A", "R", round(straight_km * 1.5, 6), "straight"),
                                          ("B", "R", round(np.hypot(300, 110) / 1000 * 1.5, 6),
                                           "straight")]


def test_sites_in_another_crs_give_the_same_distances(run_algorithm, make_layer, layers):
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsCoordinateTransform,
        QgsPointXY,
        QgsProject,
    )

    sources, targets, roads = layers
    to_wgs84 = QgsCoordinateTransform(QgsCoordinateReferenceSystem(CRS),
                                      QgsCoordinateReferenceSystem("EPSG:4326"),
                                      QgsProject.instance())
    moved = [(f"POINT({p.x()!r} {p.y()!r})", [f["id"]]) for f in sources.getFeatures()
             for p in [to_wgs84.transform(QgsPointXY(f.geometry().asPoint()))]]
    wgs84_sources = make_layer("Point", "EPSG:4326", [("id", "string")], moved)
    common = {"TARGETS": targets, "ROADS": roads, "OUTPUT": "memory:"}
    expected = features(run_algorithm("haul_matrix", {"SOURCES": sources, **common})["OUTPUT"])
    reprojected = features(run_algorithm("haul_matrix", {"SOURCES": wgs84_sources,
                                                         **common})["OUTPUT"])
    assert [row[:2] for row in reprojected] == [row[:2] for row in expected]
    assert [row[2] for row in reprojected] == pytest.approx([row[2] for row in expected], abs=1e-6)


def test_empty_road_layer_is_a_clear_error(run_algorithm, make_layer, layers):
    from qgis.core import QgsProcessingException

    sources, targets, _ = layers
    empty = make_layer("LineString", CRS, [], [])
    with pytest.raises(QgsProcessingException, match="no lines"):
        run_algorithm("haul_matrix", {"SOURCES": sources, "TARGETS": targets, "ROADS": empty,
                                      "OUTPUT": "memory:"})


# Sites scattered over the Stige roads (EPSG:25832), joined as QGIS joins its start and end.
STIGE_PAIRS = [((588020.0, 6144510.0), (589650.0, 6145300.0)),
               ((587900.0, 6144000.0), (588700.0, 6145400.0)),
               ((589100.0, 6144300.0), (589880.0, 6143990.0)),
               ((588350.0, 6145150.0), (589420.0, 6144720.0)),
               ((589700.0, 6145000.0), (588100.0, 6144100.0))]


def test_agrees_with_qgis_shortest_path_on_real_roads(plugin):
    """QGIS's cost runs from the start's tied point to the end's, without the access legs, and
    is measured on the ellipsoid: in EPSG:25832 around Odense that is about 0.03 % longer than
    the planar length the plugin measures (the UTM scale factor), well inside 0.1 %."""
    import geopandas as gpd
    import processing
    from qgis.core import QgsProcessingFeedback

    from jordressource_plugin.core.network.road_network import RoadNetwork

    roads = gpd.read_file(ROADS_GPKG, layer="geodanmark_vejmidte")
    network = RoadNetwork.from_lines(roads.geometry, snap_tolerance_m=1.0)
    compared = 0
    for start, end in STIGE_PAIRS:
        haul = network.haul(np.array([start]), np.array([end]))
        if not len(haul.pairs):
            continue
        along_m = (haul.pairs.distance_km[0] * 1000
                   - haul.source_access_m[0] - haul.target_access_m[0])
        qgis = processing.run("native:shortestpathpointtopoint", {
            "INPUT": str(ROADS_GPKG), "STRATEGY": 0, "TOLERANCE": 1.0,
            "START_POINT": f"{start[0]},{start[1]} [{CRS}]",
            "END_POINT": f"{end[0]},{end[1]} [{CRS}]", "OUTPUT": "memory:"},
            feedback=QgsProcessingFeedback())
        assert along_m == pytest.approx(qgis["TRAVEL_COST"], rel=1e-3), (start, end)
        compared += 1
    assert compared >= 4


@pytest.mark.qgis_process
def test_runs_in_qgis_process(qgis_process, tmp_path):
    import geopandas as gpd
    from shapely.geometry import Point

    sources = tmp_path / "sites.gpkg"
    gpd.GeoDataFrame({"id": ["S1", "S2"]},
                     geometry=[Point(*STIGE_PAIRS[1][0]), Point(*STIGE_PAIRS[2][0])],
                     crs=CRS).to_file(sources, layer="sources", driver="GPKG")
    gpd.GeoDataFrame({"id": ["T1"]}, geometry=[Point(*STIGE_PAIRS[0][1])],
                     crs=CRS).to_file(sources, layer="targets", driver="GPKG")
    output = tmp_path / "haul.gpkg"
    result = qgis_process.run("jordressource:haul_matrix", {
        "SOURCES": f"{sources}|layername=sources", "SOURCE_ID_FIELD": "id",
        "TARGETS": f"{sources}|layername=targets", "TARGET_ID_FIELD": "id",
        "ROADS": str(ROADS_GPKG), "DISTANCE_CRS": CRS, "OUTPUT": str(output),
        "OUTPUT_ROUTES": str(tmp_path / "routes.gpkg")})
    assert result["results"]["PAIR_COUNT"] == 2
    written = gpd.read_file(output, layer="haul")
    assert set(written["method"]) == {"network"}
    routes = gpd.read_file(tmp_path / "routes.gpkg", layer="routes")
    assert routes.length.to_numpy() == pytest.approx(written["distance_km"].to_numpy() * 1000,
                                                     rel=1e-9)


def test_one_way_field_makes_the_way_back_longer(run_algorithm, make_layer):
    roads = make_layer("LineString", CRS, [("oneway", "string")],
                       [("LINESTRING(680000 6170000, 680100 6170000)", ["yes"]),
                        ("LINESTRING(680100 6170000, 680100 6170100, 680000 6170100, "
                         "680000 6170000)", [None])])
    a = make_layer("Point", CRS, [("id", "string")], [("POINT(680010 6170001)", ["A"])])
    b = make_layer("Point", CRS, [("id", "string")], [("POINT(680090 6170001)", ["B"])])
    common = {"ROADS": roads, "ONEWAY_FIELD": "oneway", "OUTPUT": "memory:"}
    there = run_algorithm("haul_matrix", {"SOURCES": a, "TARGETS": b, **common})["OUTPUT"]
    back = run_algorithm("haul_matrix", {"SOURCES": b, "TARGETS": a, **common})["OUTPUT"]
    assert features(there) == [("A", "B", 0.082, "network")]
    assert features(back) == [("B", "A", 0.322, "network")]
