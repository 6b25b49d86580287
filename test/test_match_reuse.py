"""match_reuse through Processing: hand-solved optimal answers, each area rule, time windows,
Danish field names, any CRS, bad input (with volume conserved), and qgis_process."""
import math

import pytest

CRS = "EPSG:25832"
SOURCE_FIELDS = [("id", "string"), ("volume_m3", "double"), ("soil_class", "integer"),
                 ("start_date", "date"), ("end_date", "date")]
RECEIVER_FIELDS = [("id", "string"), ("kind", "string"), ("capacity_m3", "double"),
                   ("max_soil_class", "integer"), ("start_date", "date"), ("end_date", "date")]
# S1's nearest receiver R1 is S2's only one (within 3 km): nearest-first gives R1 to S1 and S2's
# soil to disposal; the optimum sends S1 to R2.
GREEDY_TRAP = {
    "sources": [("POINT(681000 6170000)", ["S1", 100.0, 1, None, None]),
                ("POINT(678900 6170000)", ["S2", 100.0, 1, None, None])],
    "receivers": [("POINT(680000 6170000)", ["R1", "pit", 100.0, 2, None, None]),
                  ("POINT(683000 6170000)", ["R2", "utilisation", 100.0, 2, None, None])],
}


def run(run_algorithm, sources, receivers, **extra):
    parameters = {"SOURCES": sources, "RECEIVERS": receivers, "DISTANCE_CRS": CRS,
                  "DETOUR_FACTOR": 1.0, "MAX_HAUL_KM": 3.0, "AREA_RULE": 0,
                  "OUTPUT_MATCHES": "memory:", "OUTPUT_SOURCES": "memory:",
                  "OUTPUT_RECEIVERS": "memory:"}
    parameters.update(extra)
    return run_algorithm("match_reuse", parameters)


def flows(result):
    return {(f["source_id"], f["receiver_id"]): round(f["volume_m3"], 6)
            for f in result["OUTPUT_MATCHES"].getFeatures()}


def by_id(layer, *names):
    return {f["id"]: tuple(f[name] for name in names) for f in layer.getFeatures()}


def assert_volume_conserved(result, sources_layer):
    supplied = {f["id"]: f["volume_m3"] for f in sources_layer.getFeatures()}
    for f in result["OUTPUT_SOURCES"].getFeatures():
        assert f["reused_m3"] + f["disposed_m3"] == pytest.approx(float(supplied[f["id"]]))


@pytest.fixture
def trap(make_layer):
    return (make_layer("Point", CRS, SOURCE_FIELDS, GREEDY_TRAP["sources"]),
            make_layer("Point", CRS, RECEIVER_FIELDS, GREEDY_TRAP["receivers"]))


def test_optimal_matches_where_nearest_first_fails(run_algorithm, trap):
    result = run(run_algorithm, *trap)
    assert flows(result) == {("S1", "R2"): 100, ("S2", "R1"): 100}
    tonnes = 180.0
    assert result["COST_DKK"] == pytest.approx(tonnes * 2 * 2.0 + tonnes * 2 * 1.1)
    assert result["BASELINE_COST_DKK"] == pytest.approx(2 * tonnes * (2 * 25 + 70))
    assert result["TONNE_KM"] == pytest.approx(tonnes * 3.1)
    assert result["BASELINE_TONNE_KM"] == pytest.approx(2 * tonnes * 25)
    assert result["CO2_KG"] == pytest.approx(tonnes * 3.1 * 0.1)
    assert result["REUSED_M3"] == pytest.approx(200) and result["DISPOSED_M3"] == 0
    match = {f["source_id"]: f for f in result["OUTPUT_MATCHES"].getFeatures()}["S1"]
    assert match["receiver_kind"] == "utilisation"
    assert match["truckloads"] == 8  # 180 t in 25 t loads
    assert match["distance_km"] == pytest.approx(2.0)
    assert match["cost_dkk"] == pytest.approx(720.0)
    receivers = by_id(result["OUTPUT_RECEIVERS"], "received_m3", "remaining_m3", "fill_share")
    assert receivers["R1"] == pytest.approx((100, 0, 1.0))
    assert_volume_conserved(result, trap[0])


def test_disposal_site_fee_and_distance_enter_the_plan(run_algorithm, trap, make_layer):
    # A site next to S2 at 10 DKK/t is cheaper than S2 hauling 1.1 km and S1 hauling 2 km more.
    disposal = make_layer("Point", CRS, [("id", "string"), ("gate_fee_dkk_t", "double")],
                          [("POINT(678900 6170010)", ["D1", 1.0]),
                           ("POINT(689000 6170000)", ["D2", None])])
    result = run(run_algorithm, *trap, DISPOSAL=disposal)
    assert flows(result) == {("S1", "R1"): 100}
    sources = by_id(result["OUTPUT_SOURCES"], "disposed_m3", "disposal_id", "disposal_km")
    assert sources["S2"] == pytest.approx((100, "D1", 0.01))
    assert result["BASELINE_COST_DKK"] == pytest.approx(
        180 * (2 * 0.01 + 1) + 180 * (2 * math.hypot(2100, 10) / 1000 + 1))


AREAS = [("POLYGON((660000 6165000, 680500 6165000, 680500 6175000, 660000 6175000, "
          "660000 6165000))", ["Byzone"]),
         ("POLYGON((680500 6165000, 685000 6165000, 685000 6175000, 680500 6175000, "
          "680500 6165000))", ["Landzone"])]


@pytest.mark.parametrize("rule, expected", [
    (0, {("S1", "NEAR"): 10, ("S2", "NEAR"): 10}),
    (1, {("S1", "FAR"): 10, ("S2", "NEAR"): 10}),
    (2, {("S1", "FAR"): 10, ("S2", "FAR"): 10}),
])
def test_each_area_rule_changes_the_answer(run_algorithm, make_layer, rule, expected):
    # NEAR is 1 km away in the agricultural zone, FAR 15 km away in the urban zone of both
    # sources; S2 lies on a mapped contaminated site.
    sources = make_layer("Point", CRS, SOURCE_FIELDS,
                         [("POINT(680000 6170000)", ["S1", 10.0, 1, None, None]),
                          ("POINT(680000 6170100)", ["S2", 10.0, 1, None, None])])
    receivers = make_layer("Point", CRS, RECEIVER_FIELDS, [
        ("POINT(681000 6170000)", ["NEAR", "pit", 1000.0, 3, None, None]),
        ("POINT(665000 6170000)", ["FAR", "pit", 1000.0, 3, None, None])])
    areas = make_layer("Polygon", CRS, [("zonestatus", "string")], AREAS)
    contamination = make_layer("Polygon", CRS, [],
                               [("POLYGON((679950 6170050, 680050 6170050, 680050 6170150, "
                                 "679950 6170150, 679950 6170050))", [])])
    result = run(run_algorithm, sources, receivers, AREA_RULE=rule, MAX_HAUL_KM=30,
                 AREA_TYPES=areas, AREA_TYPE_FIELD="zonestatus", CONTAMINATION=contamination)
    assert flows(result) == expected
    details = {(f["source_id"], f["receiver_id"]): (f["same_area_type"], f["analysis_required"])
               for f in result["OUTPUT_MATCHES"].getFeatures()}
    if rule == 1:
        assert details == {("S1", "FAR"): (True, False), ("S2", "NEAR"): (False, True)}
        near = [f for f in result["OUTPUT_MATCHES"].getFeatures() if f["receiver_id"] == "NEAR"]
        assert near[0]["cost_dkk"] == pytest.approx(18 * (2 * 1.0050 + 41.67), rel=1e-4)


def test_time_windows_from_dates_datetimes_and_iso_text(run_algorithm, make_layer):
    from qgis.PyQt.QtCore import QDate, QDateTime, QTime

    sources = make_layer("Point", CRS, [("id", "string"), ("volume_m3", "double"),
                                        ("soil_class", "integer"), ("start_date", "datetime"),
                                        ("end_date", "datetime")],
                         [("POINT(680000 6170000)",
                           ["S1", 50.0, 1, QDateTime(QDate(2026, 1, 1), QTime(0, 0)),
                            QDateTime(QDate(2026, 3, 31), QTime(16, 0))])])
    receivers = make_layer("Point", CRS, [("id", "string"), ("kind", "string"),
                                          ("capacity_m3", "double"), ("max_soil_class", "integer"),
                                          ("start_date", "string"), ("end_date", "date")],
                           [("POINT(680500 6170000)",
                             ["LATE", "pit", 100.0, 3, "2026-04-01", None]),
                            ("POINT(682500 6170000)",
                             ["OPEN", "pit", 100.0, 3, "", QDate(2026, 3, 31)])])
    result = run(run_algorithm, sources, receivers)
    assert flows(result) == {("S1", "OPEN"): 50}


def test_danish_field_names_and_decimal_comma(run_algorithm, make_layer):
    sources = make_layer("Point", CRS, [("lokalitet", "string"), ("volumen", "string"),
                                        ("jordklasse", "integer")],
                         [("POINT(680000 6170000)", ["Gravning 1", "1.234,5", 2])])
    receivers = make_layer("Point", CRS, [("navn", "string"), ("type", "string"),
                                          ("kapacitet_m3", "double"), ("maks_klasse", "integer")],
                           [("POINT(681000 6170000)", ["Grav A", "pit", 1000.0, 2]),
                            ("POINT(681500 6170000)", ["Grav B", "pit", 1000.0, 1])])
    result = run(run_algorithm, sources, receivers, SOURCE_ID_FIELD="lokalitet",
                 VOLUME_FIELD="volumen", CLASS_FIELD="jordklasse", RECEIVER_ID_FIELD="navn",
                 KIND_FIELD="type", CAPACITY_FIELD="kapacitet_m3", MAX_CLASS_FIELD="maks_klasse")
    assert flows(result) == {("Gravning 1", "Grav A"): 1000}
    assert result["DISPOSED_M3"] == pytest.approx(234.5)


def test_wgs84_input_gives_the_same_answer(run_algorithm, trap, make_layer):
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsCoordinateTransform,
        QgsPointXY,
        QgsProject,
    )

    to_wgs84 = QgsCoordinateTransform(QgsCoordinateReferenceSystem(CRS),
                                      QgsCoordinateReferenceSystem("EPSG:4326"),
                                      QgsProject.instance())

    def moved(features):
        result = []
        for wkt, values in features:
            x, y = (float(v) for v in wkt[6:-1].split())
            point = to_wgs84.transform(QgsPointXY(x + 600000, y + 6200000))
            result.append((f"POINT({point.x()!r} {point.y()!r})", values))
        return result

    def shifted(features):
        return [(f"POINT({float(wkt[6:-1].split()[0]) + 600000} "
                 f"{float(wkt[6:-1].split()[1]) + 6200000})", values) for wkt, values in features]

    projected = run(run_algorithm,
                    make_layer("Point", CRS, SOURCE_FIELDS, shifted(GREEDY_TRAP["sources"])),
                    make_layer("Point", CRS, RECEIVER_FIELDS, shifted(GREEDY_TRAP["receivers"])))
    geographic = run(run_algorithm,
                     make_layer("Point", "EPSG:4326", SOURCE_FIELDS,
                                moved(GREEDY_TRAP["sources"])),
                     make_layer("Point", CRS, RECEIVER_FIELDS, shifted(GREEDY_TRAP["receivers"])))
    assert flows(geographic) == flows(projected) == {("S1", "R2"): 100, ("S2", "R1"): 100}
    assert geographic["COST_DKK"] == pytest.approx(projected["COST_DKK"], rel=1e-6)


def test_polygon_excavations_use_their_centroid(run_algorithm, make_layer):
    sources = make_layer("Polygon", CRS, SOURCE_FIELDS, [
        ("POLYGON((680900 6169900, 681100 6169900, 681100 6170100, 680900 6170100, "
         "680900 6169900))",
         ["S1", 100.0, 1, None, None])])
    result = run(run_algorithm, sources,
                 make_layer("Point", CRS, RECEIVER_FIELDS, GREEDY_TRAP["receivers"]))
    distances = {f["receiver_id"]: f["distance_km"] for f in result["OUTPUT_MATCHES"].getFeatures()}
    assert distances == {"R1": pytest.approx(1.0)}


SKIPPED = [  # the one reading policy (core.tables): no value -> left out and named
    ("null volume", [("POINT(680000 6170000)", ["S1", None, 1, None, None])],
     "have no value in 'volume_m3' and are left out: S1"),
    ("blank volume", [("POINT(680000 6170000)", ["S1", " ", 1, None, None])],
     "have no value in 'volume_m3' and are left out: S1"),
    ("null geometry", [(None, ["S1", 10.0, 1, None, None])], "without geometry, ids 1"),
]
REFUSED = [  # a value that cannot be used as given stops the run, naming the id and value
    ("negative volume", "-5", 'negative volumes; volumes are cubic metres of soil, zero or more: '
                              'S1 = "-5"'),
    ("text volume", "lots", 'not numbers: S1 = "lots"'),
    ("ambiguous volume", "1.500", 'S1 = "1.500"'),
]


def _two_sources(make_layer, first):
    fields = [("id", "string"), ("volume_m3", "string")] + SOURCE_FIELDS[2:]
    return make_layer("Point", CRS, fields,
                      first + [("POINT(680010 6170000)", ["S2", "10", 1, None, None])])


@pytest.mark.parametrize("case, first, reported", SKIPPED, ids=[c[0] for c in SKIPPED])
def test_excavations_without_a_volume_are_skipped_and_named(run_algorithm, make_layer,
                                                            recording_feedback, case, first,
                                                            reported):
    receivers = make_layer("Point", CRS, RECEIVER_FIELDS, GREEDY_TRAP["receivers"])
    result = run_algorithm("match_reuse", {
        "SOURCES": _two_sources(make_layer, first), "RECEIVERS": receivers,
        "OUTPUT_MATCHES": "memory:", "OUTPUT_SOURCES": "memory:", "OUTPUT_RECEIVERS": "memory:"},
        recording_feedback)
    reused = by_id(result["OUTPUT_SOURCES"], "reused_m3")
    assert {k: v[0] for k, v in reused.items()} == {"S2": pytest.approx(10.0)}
    errors = recording_feedback.errors
    assert any(reported in error for error in errors), errors


@pytest.mark.parametrize("case, volume, message", REFUSED, ids=[c[0] for c in REFUSED])
def test_volumes_that_cannot_be_used_stop_the_run_by_id_and_value(run_algorithm, make_layer,
                                                                  case, volume, message):
    from qgis.core import QgsProcessingException

    sources = _two_sources(make_layer, [("POINT(680000 6170000)", ["S1", volume, 1, None, None])])
    receivers = make_layer("Point", CRS, RECEIVER_FIELDS, GREEDY_TRAP["receivers"])
    with pytest.raises(QgsProcessingException) as error:
        run(run_algorithm, sources, receivers)
    assert message in str(error.value) and "S2" not in str(error.value)


def test_unmatchable_sites_keep_their_soil(run_algorithm, make_layer):
    sources = make_layer("Point", CRS, SOURCE_FIELDS, [
        ("POINT(680000 6170000)", ["HIGH", 10.0, 5, None, None]),
        ("POINT(680000 6170000)", ["NOCLASS", 10.0, None, None, None]),
        ("POINT(680000 6170000)", ["REVERSED", 10.0, 1, "2026-05-01", "2026-04-01"]),
        ("POINT(680000 6170000)", ["OK", 10.0, 1, None, None])])
    receivers = make_layer("Point", CRS, RECEIVER_FIELDS, [
        ("POINT(680100 6170000)", ["EMPTY", "pit", 0.0, 5, None, None]),
        ("POINT(680200 6170000)", ["R", "pit", 100.0, 3, None, None])])
    result = run(run_algorithm, sources, receivers)
    assert flows(result) == {("OK", "R"): 10}
    assert result["DISPOSED_M3"] == pytest.approx(30)
    assert_volume_conserved(result, sources)
    fill = by_id(result["OUTPUT_RECEIVERS"], "fill_share")
    # A receiver without capacity has no fill share: NULL, not 0 and not NaN.
    assert fill["EMPTY"] == (None,)


@pytest.mark.parametrize("case, sources, receivers, extra, message", [
    ("duplicate ids", [["S1", 1.0], ["S1", 2.0]], [["R1", 10.0]], {}, "unique"),
    ("missing field", [["S1", 1.0]], [["R1", 10.0]], {"VOLUME_FIELD": "volumen"}, "volumen"),
    ("no receivers", [["S1", 1.0]], [], {}, "receivers"),
    ("unreadable capacity only", [["S1", 1.0]], [["R1", None]], {}, "receivers"),
    ("unreadable volume only", [["S1", None]], [["R1", 10.0]], {}, "volume"),
], ids=lambda value: value if isinstance(value, str) else "")
def test_bad_input_stops_with_a_clear_message(run_algorithm, make_layer, case, sources,
                                              receivers, extra, message):
    from qgis.core import QgsProcessingException

    source_layer = make_layer("Point", CRS, SOURCE_FIELDS[:3],
                              [("POINT(680000 6170000)", values + [1]) for values in sources])
    receiver_layer = make_layer("Point", CRS, RECEIVER_FIELDS[:4],
                                [("POINT(680010 6170000)", [v[0], "pit", v[1], 3])
                                 for v in receivers])
    with pytest.raises(QgsProcessingException, match=message):
        run(run_algorithm, source_layer, receiver_layer, **extra)


@pytest.mark.qgis_process
def test_qgis_process_runs_match_reuse(qgis_process, tmp_path, trap):
    from qgis.core import QgsCoordinateTransformContext, QgsVectorFileWriter, QgsVectorLayer

    paths = {}
    for name, layer in zip(("sources", "receivers"), trap):
        path = str(tmp_path / f"{name}.gpkg")
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = "GPKG"
        QgsVectorFileWriter.writeAsVectorFormatV3(layer, path, QgsCoordinateTransformContext(),
                                                  options)
        paths[name] = path
    out = tmp_path / "plan.gpkg"
    result = qgis_process.run("jordressource:match_reuse", {
        "SOURCES": paths["sources"], "RECEIVERS": paths["receivers"], "AREA_RULE": 0,
        "DETOUR_FACTOR": 1.0, "MAX_HAUL_KM": 3, "DISTANCE_CRS": CRS,
        "OUTPUT_MATCHES": f"ogr:dbname='{out}' table=\"matches\" (geom)",
        "OUTPUT_SOURCES": str(tmp_path / "sources_out.gpkg"),
        "OUTPUT_RECEIVERS": str(tmp_path / "receivers_out.gpkg")})
    results = result["results"]
    assert results["REUSED_M3"] == pytest.approx(200)
    assert results["COST_DKK"] == pytest.approx(180 * 2 * 2.0 + 180 * 2 * 1.1)
    matches = QgsVectorLayer(f"{out}|layername=matches", "m", "ogr")
    assert {(f["source_id"], f["receiver_id"]) for f in matches.getFeatures()} == {
        ("S1", "R2"), ("S2", "R1")}
    styled = QgsVectorLayer(str(tmp_path / "sources_out.gpkg"), "s", "ogr")
    assert styled.listStylesInDatabase()[0] > 0
