"""schedule_reuse through Processing: the hand-solved case where storage changes the answer,
mass conserved in every output, the report, bad input named by id, and qgis_process."""
import pytest

CRS = "EPSG:25832"
HOLBAEK = (680000, 6170000)  # where the layers run through QGIS are placed
SOURCE_FIELDS = [("id", "string"), ("volume_m3", "double"), ("soil_class", "integer"),
                 ("start_date", "date"), ("end_date", "date")]
RECEIVER_FIELDS = [("id", "string"), ("kind", "string"), ("capacity_m3", "double"),
                   ("max_soil_class", "integer"), ("start_date", "date"), ("end_date", "date")]
STORAGE_FIELDS = [("id", "string"), ("storage_capacity_m3", "double"),
                  ("max_soil_class", "integer")]
# One excavation digs 1000 m³ (1800 t) January–March 2027: 620, 560 and 620 t. The receiver
# 10 km east opens in May; storage halfway. With 500 m³ (900 t) of room the optimum stores
# March's 620 t (saving 57 DKK/t against disposal at 120 DKK/t) and 280 t of February's
# (55 DKK/t): see test_storage_core for the arithmetic.
HAND = {
    "sources": [("POINT(0 0)", ["E1", 1000.0, 1, "2027-01-01", "2027-03-31"])],
    "receivers": [("POINT(10000 0)", ["R1", "utilisation", 2000.0, 2, "2027-05-01",
                                      "2027-05-31"])],
    "storage": [("POINT(5000 0)", ["K1", 500.0, 3])],
}
HAND_COST = 1800 * 120 - 620 * 57 - 280 * 55


@pytest.fixture
def make_layer(make_layer):
    """Layers drawn from an origin in this module, moved to Holbæk: layers in EPSG:25832 must
    lie where that CRS is used. Distances between them are unchanged."""
    from shapely import wkt as shapely_wkt
    from shapely.affinity import translate

    def at_holbaek(geometry_type, crs, fields, features, **options):
        return make_layer(geometry_type, crs, fields, [
            (translate(shapely_wkt.loads(wkt), *HOLBAEK).wkt, values)
            for wkt, values in features], **options)
    return at_holbaek


@pytest.fixture
def hand(make_layer):
    return (make_layer("Point", CRS, SOURCE_FIELDS, HAND["sources"]),
            make_layer("Point", CRS, RECEIVER_FIELDS, HAND["receivers"]),
            make_layer("Point", CRS, STORAGE_FIELDS, HAND["storage"]))


def run(run_algorithm, sources, receivers, storage, tmp_path, feedback=None, **extra):
    parameters = {"SOURCES": sources, "RECEIVERS": receivers, "STORAGE": storage,
                  "DISTANCE_CRS": CRS, "DETOUR_FACTOR": 1.0, "AREA_RULE": 0,
                  "OUTPUT_FLOWS": "memory:", "OUTPUT_STOCK": "memory:",
                  "OUTPUT_SITES": "memory:", "OUTPUT_HTML": str(tmp_path / "schedule.html")}
    parameters.update(extra)
    return run_algorithm("schedule_reuse", parameters, feedback)


def legs(result, leg):
    totals = {}
    for feature in result["OUTPUT_FLOWS"].getFeatures():
        if feature["leg"] == leg:
            totals[feature["month"]] = totals.get(feature["month"], 0) + feature["tonnes"]
    return {month: round(tonnes, 6) for month, tonnes in totals.items()}


def test_storage_keeps_soil_for_a_receiver_that_opens_later(run_algorithm, hand, tmp_path):
    result = run(run_algorithm, *hand, tmp_path)
    assert result["COST_DKK"] == pytest.approx(HAND_COST)
    assert result["NO_STORAGE_COST_DKK"] == pytest.approx(1800 * 120)
    assert result["REUSED_M3"] == pytest.approx(900 / 1.8)
    assert result["NO_STORAGE_REUSED_M3"] == 0
    assert result["DISPOSED_M3"] == pytest.approx(1000 - 500)
    assert result["TONNE_KM"] == pytest.approx(900 * 10 + 900 * 25)
    assert result["NO_STORAGE_TONNE_KM"] == pytest.approx(1800 * 25)
    assert result["CO2_KG"] == pytest.approx(result["TONNE_KM"] * 0.1)
    assert legs(result, "to_storage") == {"2027-02": 280, "2027-03": 620}
    assert legs(result, "from_storage") == {"2027-05": 900}
    flows = list(result["OUTPUT_FLOWS"].getFeatures())
    out = [f for f in flows if f["leg"] == "from_storage"]
    assert {(f["from_id"], f["to_id"], f["origin_id"]) for f in out} == {("K1", "R1", "E1")}
    assert sum(f["cost_dkk"] for f in flows) == pytest.approx(HAND_COST)
    into = next(f for f in flows if f["leg"] == "to_storage")
    assert into["distance_km"] == pytest.approx(5.0)
    assert into.geometry().length() == pytest.approx(5000.0)

    stock = {f["month"]: (f["stock_t"], f["capacity_t"], f["share_used"])
             for f in result["OUTPUT_STOCK"].getFeatures() if f["site_id"] == "K1"}
    assert stock["2027-02"] == pytest.approx((280, 900, 280 / 900))
    assert stock["2027-04"] == pytest.approx((900, 900, 1.0))
    assert stock["2027-05"] == pytest.approx((0, 900, 0.0))
    site = next(result["OUTPUT_SITES"].getFeatures())
    assert site["id"] == "K1"
    assert site["peak_stock_t"] == pytest.approx(900)
    assert site["throughput_t"] == pytest.approx(900)
    assert site["mean_dwell_months"] == pytest.approx((620 * 2 + 280 * 3) / 900)
    assert site["capacity_value_dkk_m3"] == pytest.approx(55 * 1.8)
    report = (tmp_path / "schedule.html").read_text(encoding="utf-8")
    assert "<svg" in report and "K1" in report


def test_mass_is_conserved_month_by_month(run_algorithm, hand, tmp_path, make_layer):
    # A second excavation without dates and a receiver open in January make every leg appear.
    sources = make_layer("Point", CRS, SOURCE_FIELDS, HAND["sources"] + [
        ("POINT(0 2000)", ["E2", 300.0, 1, None, None])])
    receivers = make_layer("Point", CRS, RECEIVER_FIELDS, HAND["receivers"] + [
        ("POINT(0 1000)", ["R2", "pit", 100.0, 3, "2027-01-01", "2027-01-31"])])
    result = run(run_algorithm, sources, receivers, hand[2], tmp_path)
    flows = list(result["OUTPUT_FLOWS"].getFeatures())
    released = {"E1": 1800.0, "E2": 540.0}
    for origin, tonnes in released.items():
        leaving = sum(f["tonnes"] for f in flows
                      if f["from_id"] == origin and f["leg"] != "from_storage")
        assert leaving == pytest.approx(tonnes)
    stored = sum(f["tonnes"] for f in flows if f["leg"] == "to_storage")
    left = sum(f["tonnes"] for f in flows if f["from_id"] == "K1")
    assert stored == pytest.approx(left)
    delivered = sum(f["tonnes"] for f in flows if f["to_id"] in ("R1", "R2"))
    disposed = sum(f["tonnes"] for f in flows if f["leg"] == "disposal")
    assert delivered + disposed == pytest.approx(sum(released.values()))
    assert result["REUSED_M3"] + result["DISPOSED_M3"] == pytest.approx(1300)
    january = sum(f["tonnes"] for f in flows if f["from_id"] == "E1" and f["month"] == "2027-01")
    assert january == pytest.approx(620)


def test_no_dwell_is_the_plan_without_storage(run_algorithm, hand, tmp_path,
                                              recording_feedback):
    result = run(run_algorithm, *hand, tmp_path, feedback=recording_feedback,
                 MAX_DWELL_MONTHS=0)
    assert result["COST_DKK"] == pytest.approx(result["NO_STORAGE_COST_DKK"])
    assert "Maximum dwell 0" in recording_feedback.log


def test_danish_field_names_and_polygon_storage(run_algorithm, make_layer, tmp_path):
    sources = make_layer("Point", CRS, [("nr", "string"), ("volumen_m3", "double"),
                                        ("jordklasse", "integer"), ("start", "date"),
                                        ("slut", "date")],
                         [("POINT(0 0)", ["E1", 1000.0, 1, "2027-01-01", "2027-03-31"])])
    receivers = make_layer("Point", CRS, RECEIVER_FIELDS, HAND["receivers"])
    storage = make_layer("Polygon", CRS, [("navn", "string"), ("lager_m3", "double"),
                                          ("klasse", "integer")],
                         [("POLYGON((4900 -100, 5100 -100, 5100 100, 4900 100, 4900 -100))",
                           ["Ressourcepladsen", 500.0, 2])])
    result = run(run_algorithm, sources, receivers, storage, tmp_path,
                 SOURCE_ID_FIELD="nr", VOLUME_FIELD="volumen_m3", CLASS_FIELD="jordklasse",
                 SOURCE_START_FIELD="start", SOURCE_END_FIELD="slut", STORAGE_ID_FIELD="navn",
                 STORAGE_CAPACITY_FIELD="lager_m3", STORAGE_MAX_CLASS_FIELD="klasse")
    assert result["COST_DKK"] == pytest.approx(HAND_COST)
    assert next(result["OUTPUT_SITES"].getFeatures())["navn"] == "Ressourcepladsen"


def test_storage_sites_without_capacity_are_named_and_left_out(run_algorithm, hand, tmp_path,
                                                               make_layer, recording_feedback):
    storage = make_layer("Point", CRS, STORAGE_FIELDS, HAND["storage"] + [
        ("POINT(6000 0)", ["K2", None, 3]), ("POINT(7000 0)", ["K3", 0.0, 3])])
    result = run(run_algorithm, hand[0], hand[1], storage, tmp_path,
                 feedback=recording_feedback)
    assert result["COST_DKK"] == pytest.approx(HAND_COST)
    assert "K2" in "\n".join(recording_feedback.errors)
    assert "K3" in "\n".join(recording_feedback.warnings)
    assert {f["id"] for f in result["OUTPUT_SITES"].getFeatures()} == {"K1", "K3"}


def test_receivers_never_open_are_named(run_algorithm, hand, tmp_path, make_layer,
                                        recording_feedback):
    receivers = make_layer("Point", CRS, RECEIVER_FIELDS, HAND["receivers"] + [
        ("POINT(1000 0)", ["R9", "pit", 100.0, 3, "2027-03-01", "2027-02-01"])])
    result = run(run_algorithm, hand[0], receivers, hand[2], tmp_path,
                 feedback=recording_feedback)
    assert "R9" in recording_feedback.log
    assert result["COST_DKK"] == pytest.approx(HAND_COST)


def test_horizon_over_twenty_years_is_refused_naming_the_sites(run_algorithm, hand, tmp_path,
                                                               make_layer):
    from qgis.core import QgsProcessingException

    receivers = make_layer("Point", CRS, RECEIVER_FIELDS, HAND["receivers"] + [
        ("POINT(1000 0)", ["R_LATE", "pit", 100.0, 3, "2057-03-01", "2057-04-01"])])
    with pytest.raises(QgsProcessingException, match="R_LATE") as refused:
        run(run_algorithm, hand[0], receivers, hand[2], tmp_path)
    assert "E1" in str(refused.value)


def test_no_dates_at_all_is_refused(run_algorithm, make_layer, tmp_path):
    from qgis.core import QgsProcessingException

    sources = make_layer("Point", CRS, SOURCE_FIELDS,
                         [("POINT(0 0)", ["E1", 10.0, 1, None, None])])
    receivers = make_layer("Point", CRS, RECEIVER_FIELDS,
                           [("POINT(100 0)", ["R1", "pit", 10.0, 3, None, None])])
    with pytest.raises(QgsProcessingException, match="date"):
        run(run_algorithm, sources, receivers, None, tmp_path)


@pytest.mark.qgis_process
def test_qgis_process_runs_schedule_reuse(qgis_process, tmp_path, hand):
    from qgis.core import QgsCoordinateTransformContext, QgsVectorFileWriter, QgsVectorLayer

    paths = {}
    for name, layer in zip(("sources", "receivers", "storage"), hand):
        path = str(tmp_path / f"{name}.gpkg")
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = "GPKG"
        QgsVectorFileWriter.writeAsVectorFormatV3(layer, path, QgsCoordinateTransformContext(),
                                                  options)
        paths[name] = path
    result = qgis_process.run("jordressource:schedule_reuse", {
        "SOURCES": paths["sources"], "RECEIVERS": paths["receivers"],
        "STORAGE": paths["storage"], "AREA_RULE": 0, "DETOUR_FACTOR": 1.0,
        "DISTANCE_CRS": CRS, "OUTPUT_FLOWS": str(tmp_path / "flows.gpkg"),
        "OUTPUT_STOCK": str(tmp_path / "stock.gpkg"), "OUTPUT_SITES": str(tmp_path / "sites.gpkg"),
        "OUTPUT_HTML": str(tmp_path / "report.html")})
    results = result["results"]
    assert results["COST_DKK"] == pytest.approx(HAND_COST)
    assert results["NO_STORAGE_COST_DKK"] == pytest.approx(1800 * 120)
    flows = QgsVectorLayer(str(tmp_path / "flows.gpkg"), "f", "ogr")
    assert {f["leg"] for f in flows.getFeatures()} == {"to_storage", "from_storage", "disposal"}
    assert flows.listStylesInDatabase()[0] > 0
    assert (tmp_path / "report.html").exists()


def test_storage_dates_close_the_site(run_algorithm, hand, tmp_path, make_layer,
                                      recording_feedback):
    # Storage open only until April: nothing can wait there for May. One open only in 2031 is
    # open in no month of the plan and named.
    fields = STORAGE_FIELDS + [("start_date", "date"), ("end_date", "date")]
    storage = make_layer("Point", CRS, fields, [
        ("POINT(5000 0)", ["K1", 500.0, 3, "2026-06-01", "2027-04-30"]),
        ("POINT(5000 10)", ["K9", 500.0, 3, "2031-01-01", None])])
    result = run(run_algorithm, hand[0], hand[1], storage, tmp_path,
                 feedback=recording_feedback)
    assert result["COST_DKK"] == pytest.approx(1800 * 120)
    assert "K9" in "\n".join(recording_feedback.warnings)


def test_danish_log_and_report_read_danish_numbers(run_algorithm, hand, tmp_path, qgis_language,
                                                    recording_feedback):
    qgis_language("da")
    run(run_algorithm, *hand, tmp_path, feedback=recording_feedback)
    log = recording_feedback.log
    assert ("Genanvendt 500 m³ med mellemlagring mod 0 m³ uden; omkostning 165.260 kr. mod "
            "216.000 kr. (50.740 kr. sparet); 900 t gennem mellemlagre.") in log
    assert "HiGHS har bevist, at planen er optimal" in log and "HiGHS Status" not in log
    report = (tmp_path / "schedule.html").read_text(encoding="utf-8")
    assert "<td class='n'>165.260</td>" in report and "+50,0 procentpoint" in report
