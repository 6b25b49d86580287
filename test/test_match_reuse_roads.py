"""match_reuse with ROADS: arc distances are road distances, and a receiver no road reaches gets
no arc, however close it is in a straight line."""
import pytest

CRS = "EPSG:25832"

# A main road along y = 0; a loop north of it to R1, which is close in a straight line but far
# by road; R2 lies on the main road; R3 is near the source but on a road of its own.
ROADS = [("LINESTRING(680000 6170000, 683000 6170000, 686000 6170000, 690000 6170000)", []),
         ("LINESTRING(683000 6170000, 683000 6171500, 680000 6171500)", []),
         ("LINESTRING(679500 6169200, 680500 6169200)", [])]
SOURCE = ("POINT(680000 6170010)", ["S", 100.0, 1])
RECEIVERS = [("POINT(680000 6171510)", ["R1", "pit", 1000.0, 3]),
             ("POINT(686000 6170010)", ["R2", "pit", 1000.0, 3]),
             ("POINT(680000 6169190)", ["R3", "pit", 1000.0, 3])]


@pytest.fixture
def layers(make_layer):
    sources = make_layer("Point", CRS, [("id", "string"), ("volume_m3", "double"),
                                        ("soil_class", "integer")], [SOURCE])
    receivers = make_layer("Point", CRS, [("id", "string"), ("kind", "string"),
                                          ("capacity_m3", "double"),
                                          ("max_soil_class", "integer")], RECEIVERS)
    roads = make_layer("LineString", CRS, [], ROADS)
    return sources, receivers, roads


def matches(run_algorithm, sources, receivers, roads=None):
    parameters = {"SOURCES": sources, "RECEIVERS": receivers, "AREA_RULE": 0,
                  "MAX_HAUL_KM": 30, "DISTANCE_CRS": CRS, "OUTPUT_MATCHES": "memory:",
                  "OUTPUT_SOURCES": "memory:", "OUTPUT_RECEIVERS": "memory:"}
    if roads is not None:
        parameters["ROADS"] = roads
    result = run_algorithm("match_reuse", parameters)
    return {f["receiver_id"]: (f["volume_m3"], f["distance_km"])
            for f in result["OUTPUT_MATCHES"].getFeatures()}


def test_straight_lines_send_the_soil_to_the_nearest_receiver(run_algorithm, layers):
    sources, receivers, _ = layers
    found = matches(run_algorithm, sources, receivers)
    assert list(found) == ["R3"]
    assert found["R3"][0] == pytest.approx(100.0)
    assert found["R3"][1] == pytest.approx(0.82 * 1.3)


def test_roads_change_the_optimal_receiver_and_cut_unreachable_ones(run_algorithm, layers):
    sources, receivers, roads = layers
    found = matches(run_algorithm, sources, receivers, roads)
    # R2: 10 m access + 6,000 m along the main road + 10 m access. R1 by road: 10 + 3,000 +
    # 1,500 + 3,000 + 10 m. R3 shares no road with the source: no arc, no match.
    assert list(found) == ["R2"]
    assert found["R2"][0] == pytest.approx(100.0)
    assert found["R2"][1] == pytest.approx(6.02)


def test_disposal_haul_goes_by_road_to_a_site_with_a_path(run_algorithm, layers, make_layer):
    """D1 is the nearest disposal site in a straight line but on a road of its own; D2 is reached
    along the main road. With every receiver full, all soil goes to D2."""
    sources, _, roads = layers
    full = make_layer("Point", CRS, [("id", "string"), ("kind", "string"),
                                     ("capacity_m3", "double"), ("max_soil_class", "integer")],
                      [("POINT(686000 6170010)", ["R2", "pit", 0.0, 3])])
    disposal = make_layer("Point", CRS, [("id", "string"), ("gate_fee_dkk_t", "double")],
                          [("POINT(680000 6169190)", ["D1", 60.0]),
                           ("POINT(690000 6170010)", ["D2", 60.0])])
    result = run_algorithm("match_reuse", {
        "SOURCES": sources, "RECEIVERS": full, "DISPOSAL": disposal, "ROADS": roads,
        "AREA_RULE": 0, "DISTANCE_CRS": CRS, "OUTPUT_MATCHES": "memory:",
        "OUTPUT_SOURCES": "memory:", "OUTPUT_RECEIVERS": "memory:"})
    tonnes = 100.0 * 1.8
    assert result["DISPOSED_M3"] == pytest.approx(100.0)
    assert result["BASELINE_TONNE_KM"] == pytest.approx(tonnes * (10 + 10000 + 10) / 1000)


def test_a_road_layer_without_length_is_a_clear_error(run_algorithm, make_layer):
    from qgis.core import QgsProcessingException

    sources = make_layer("Point", "EPSG:25832", [("id", "string"), ("volume_m3", "double"),
                                                 ("soil_class", "integer")],
                         [("POINT(680000 6170000)", ["s", 100.0, 1])])
    receivers = make_layer("Point", "EPSG:25832", [("id", "string"), ("kind", "string"),
                                                   ("capacity_m3", "double"),
                                                   ("max_soil_class", "integer")],
                           [("POINT(681000 6170000)", ["r", "pit", 100.0, 1])])
    roads = make_layer("LineString", "EPSG:25832", [("id", "integer")],
                       [("LINESTRING(680005 6170005, 680005 6170005)", [1])])
    with pytest.raises(QgsProcessingException, match="no lines with a length"):
        run_algorithm("match_reuse", {"SOURCES": sources, "RECEIVERS": receivers, "ROADS": roads,
                                      "OUTPUT_MATCHES": "memory:", "OUTPUT_SOURCES": "memory:",
                                      "OUTPUT_RECEIVERS": "memory:"})


def test_routes_output_draws_each_match_along_its_road(run_algorithm, layers):
    """OUTPUT_ROUTES: the match S→R2 along the main road, as long as its haul, with the match's
    fields; the straight match line stays the overview."""
    sources, receivers, roads = layers
    result = run_algorithm("match_reuse", {
        "SOURCES": sources, "RECEIVERS": receivers, "ROADS": roads, "AREA_RULE": 0,
        "MAX_HAUL_KM": 30, "DISTANCE_CRS": CRS, "OUTPUT_MATCHES": "memory:",
        "OUTPUT_SOURCES": "memory:", "OUTPUT_RECEIVERS": "memory:",
        "OUTPUT_ROUTES": "memory:"})
    routes = list(result["OUTPUT_ROUTES"].getFeatures())
    assert [(f["source_id"], f["receiver_id"]) for f in routes] == [("S", "R2")]
    route = routes[0]
    assert route.geometry().length() == pytest.approx(route["distance_km"] * 1000.0, abs=1.0)
    assert route["volume_m3"] == pytest.approx(100.0)
    straight = next(result["OUTPUT_MATCHES"].getFeatures()).geometry()
    assert straight.length() == pytest.approx(6000.0, abs=1.0)  # the overview stays straight


def test_routes_output_is_empty_without_roads(run_algorithm, layers):
    sources, receivers, _ = layers
    result = run_algorithm("match_reuse", {
        "SOURCES": sources, "RECEIVERS": receivers, "AREA_RULE": 0, "MAX_HAUL_KM": 30,
        "DISTANCE_CRS": CRS, "OUTPUT_MATCHES": "memory:", "OUTPUT_SOURCES": "memory:",
        "OUTPUT_RECEIVERS": "memory:", "OUTPUT_ROUTES": "memory:"})
    assert result["OUTPUT_ROUTES"].featureCount() == 0
    assert result["OUTPUT_MATCHES"].featureCount() == 1
