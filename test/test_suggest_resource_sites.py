"""suggest_resource_sites through Processing and qgis_process: hand-solved choices, capacities
that split an excavation, existing sites, opening costs, the site-count table, roads, every input
fault in words a planner can act on, and volume conserved."""
import pytest

CRS = "EPSG:25832"
X0, Y0 = 680000, 6170000
SOURCE_FIELDS = [("id", "string"), ("volume_m3", "double")]
CANDIDATE_FIELDS = [("id", "string"), ("capacity_m3", "double"), ("existing", "boolean"),
                    ("opening_dkk", "double")]


def point(x_km, y_km):
    return f"POINT({X0 + x_km * 1000} {Y0 + y_km * 1000})"


@pytest.fixture
def towns(make_layer):
    """Two towns 20 km apart, 100 m³ at each of two excavations per town; candidates in each
    town (W, E), one midway (M) and one far north (N, existing when asked)."""
    sources = make_layer("Point", CRS, SOURCE_FIELDS, [
        (point(0, 0), ["S1", 100.0]), (point(0, 1), ["S2", 100.0]),
        (point(20, 0), ["S3", 100.0]), (point(20, 1.2), ["S4", 100.0])])
    candidates = make_layer("Point", CRS, CANDIDATE_FIELDS, [
        (point(0, 0.5), ["W", 250.0, False, 1000.0]),
        (point(10, 0.5), ["M", 500.0, False, 1000.0]),
        (point(20, 0.5), ["E", 150.0, False, 1000.0]),
        (point(10, 20), ["N", 1000.0, True, 1e6])])
    return sources, candidates


@pytest.fixture
def near(make_layer, towns):
    """The towns' candidates without the far one."""
    return make_layer("Point", CRS, CANDIDATE_FIELDS, [
        (point(0, 0.5), ["W", 250.0, False, 1000.0]),
        (point(10, 0.5), ["M", 500.0, False, 1000.0]),
        (point(20, 0.5), ["E", 150.0, False, 1000.0])])


def run(run_algorithm, sources, candidates, feedback=None, **extra):
    parameters = {"CANDIDATES": candidates, "SOURCES": sources, "SITE_COUNT": 2,
                  "DETOUR_FACTOR": 1.0, "MAX_HAUL_KM": 40.0, "DISTANCE_CRS": CRS,
                  "OUTPUT": "memory:", "OUTPUT_ASSIGNMENTS": "memory:"}
    parameters.update(extra)
    return run_algorithm("suggest_resource_sites", parameters, feedback)


def chosen(result):
    return {f["id"]: (f["rank"], round(f["served_m3"], 6))
            for f in result["OUTPUT"].getFeatures()}


def flows(result):
    return {(f["source_id"], f["site_id"]): round(f["volume_m3"], 6)
            for f in result["OUTPUT_ASSIGNMENTS"].getFeatures()}


def test_one_site_per_town(run_algorithm, towns):
    result = run(run_algorithm, *towns)
    assert chosen(result) == {"E": (1, 200.0), "W": (2, 200.0)}  # ties in volume: E before W
    assert flows(result) == {("S1", "W"): 100, ("S2", "W"): 100, ("S3", "E"): 100,
                             ("S4", "E"): 100}
    assert result["TONNE_KM"] == pytest.approx(180 * (3 * 0.5 + 0.7))
    assert result["GAP"] == 0 and result["SITES_OPENED"] == 2
    assert result["LEFT_OUT_M3"] == 0
    sites = {f["id"]: f for f in result["OUTPUT"].getFeatures()}
    assert sites["W"]["mean_haul_km"] == pytest.approx(0.5)
    assert sites["W"]["source_count"] == 2 and sites["W"]["existing"] is False


def test_capacity_splits_an_excavation(run_algorithm, towns):
    # E holds 150 m³: S3 and S4 cannot both go there; 50 m³ of S4 (whose haul to E is the
    # longer, so moving it costs least) travels on to W.
    result = run(run_algorithm, *towns, CAPACITY_FIELD="capacity_m3")
    assert flows(result) == {("S1", "W"): 100, ("S2", "W"): 100, ("S3", "E"): 100,
                             ("S4", "E"): 50, ("S4", "W"): 50}
    shares = {(f["source_id"], f["site_id"]): f["share"]
              for f in result["OUTPUT_ASSIGNMENTS"].getFeatures()}
    assert shares[("S4", "W")] == pytest.approx(0.5)
    expected_km = 3 * 0.5 + 0.5 * 0.7 + 0.5 * ((20 ** 2 + 0.7 ** 2) ** 0.5)
    assert result["TONNE_KM"] == pytest.approx(180 * expected_km)
    volume = sum(f["volume_m3"] for f in result["OUTPUT_ASSIGNMENTS"].getFeatures())
    assert volume == pytest.approx(400.0)


def test_existing_site_stays_open_and_counts(run_algorithm, towns):
    result = run(run_algorithm, *towns, EXISTING_FIELD="existing")
    assert set(chosen(result)) == {"N", "M"}
    sites = {f["id"]: f for f in result["OUTPUT"].getFeatures()}
    assert sites["N"]["existing"] is True and sites["N"]["served_m3"] == 0


def test_opening_costs_let_the_plan_open_fewer(run_algorithm, towns):
    # With opening costs the count is a maximum: at 2 DKK/t·km a second 1,000 DKK site is
    # worth its ~13,000 t·km saved; at 0.0001 DKK/t·km it costs 10⁷ t·km and one site is best.
    result = run(run_algorithm, *towns, OPENING_COST_FIELD="opening_dkk", SITE_COUNT=3)
    assert set(chosen(result)) == {"W", "E"}
    assert result["OPENING_COST_DKK"] == pytest.approx(2000.0)
    dear = run(run_algorithm, *towns, OPENING_COST_FIELD="opening_dkk", SITE_COUNT=3,
               TRANSPORT_COST_DKK_TKM=0.0001)
    assert set(chosen(dear)) == {"M"}


def test_site_count_table_shows_what_each_site_buys(run_algorithm, towns, near):
    result = run(run_algorithm, towns[0], near, SITE_COUNT=3, MAX_HAUL_KM=12.0,
                 OUTPUT_SWEEP="memory:")
    rows = {f["site_count"]: f for f in result["OUTPUT_SWEEP"].getFeatures()}
    assert sorted(rows) == [1, 2, 3]
    assert rows[1]["status"] == "optimal" and rows[1]["site_ids"] == "M"
    assert rows[2]["status"] == "optimal" and rows[2]["site_ids"] == "E, W"
    assert rows[1]["tonne_km"] > rows[2]["tonne_km"] >= rows[3]["tonne_km"]
    assert rows[3]["gap"] == 0
    assert result["TONNE_KM"] == pytest.approx(rows[3]["tonne_km"])


def test_site_count_table_marks_counts_that_cannot_reach_everyone(run_algorithm, towns,
                                                                  make_layer):
    candidates = make_layer("Point", CRS, CANDIDATE_FIELDS, [
        (point(0, 0.5), ["W", 250.0, False, 0.0]), (point(20, 0.5), ["E", 150.0, False, 0.0])])
    result = run(run_algorithm, towns[0], candidates, SITE_COUNT=2, MAX_HAUL_KM=5.0,
                 OUTPUT_SWEEP="memory:")
    rows = {f["site_count"]: f["status"] for f in result["OUTPUT_SWEEP"].getFeatures()}
    assert rows == {1: "too_few_sites", 2: "optimal"}


def test_excavations_beyond_every_candidate_are_named_and_left_out(run_algorithm, make_layer,
                                                                    towns, recording_feedback):
    sources = make_layer("Point", CRS, SOURCE_FIELDS, [
        (point(0, 0), ["S1", 100.0]), (point(20, 0), ["S3", 100.0]),
        (point(100, 0), ["FAR", 70.0])])
    result = run(run_algorithm, sources, towns[1], recording_feedback)
    assert result["LEFT_OUT_M3"] == pytest.approx(70.0)
    assert "FAR" in recording_feedback.log
    assert "FAR" not in {f["source_id"] for f in result["OUTPUT_ASSIGNMENTS"].getFeatures()}


def test_the_log_holds_the_proof(run_algorithm, towns, recording_feedback):
    run(run_algorithm, *towns, feedback=recording_feedback)
    log = recording_feedback.log
    assert "Lagrangian bound" in log
    assert "Proven optimal" in log and "gap 0" in log


def test_hauls_follow_the_roads(run_algorithm, make_layer):
    # A is 3 km north of the excavation as the crow flies, but the road there goes round:
    # 4 km east, 3 km north, 3.8 km west, then 0.2 km of access, 11 km. B, 5 km east, is
    # 4 km along the road plus a 1 km access leg: 5 km. Straight lines choose A, roads B.
    sources = make_layer("Point", CRS, SOURCE_FIELDS, [(point(0, 0), ["S1", 100.0])])
    candidates = make_layer("Point", CRS, CANDIDATE_FIELDS, [
        (point(5, 0), ["B", 500.0, False, 0.0]), (point(0, 3), ["A", 500.0, False, 0.0])])
    roads = make_layer("LineString", CRS, [("id", "integer")], [(
        f"LINESTRING({X0} {Y0}, {X0 + 4000} {Y0}, {X0 + 4000} {Y0 + 3000}, "
        f"{X0 + 200} {Y0 + 3000})", [1])])
    result = run(run_algorithm, sources, candidates, SITE_COUNT=1, ROADS=roads)
    assert set(chosen(result)) == {"B"}
    assert result["TONNE_KM"] == pytest.approx(180 * 5.0)
    straight = run(run_algorithm, sources, candidates, SITE_COUNT=1)
    assert set(chosen(straight)) == {"A"}


def test_polygon_candidates_are_placed_at_their_centroid(run_algorithm, make_layer, towns):
    square = (f"POLYGON(({X0 - 500} {Y0}, {X0 + 500} {Y0}, {X0 + 500} {Y0 + 1000}, "
              f"{X0 - 500} {Y0 + 1000}, {X0 - 500} {Y0}))")
    candidates = make_layer("Polygon", CRS, CANDIDATE_FIELDS, [
        (square, ["P", 1000.0, False, 0.0])])
    sources = make_layer("Point", CRS, SOURCE_FIELDS, [(point(0, 0), ["S1", 100.0])])
    result = run(run_algorithm, sources, candidates, SITE_COUNT=1)
    assert result["TONNE_KM"] == pytest.approx(180 * 0.5)
    assert result["OUTPUT"].geometryType() == 2  # polygons out, as in


@pytest.mark.parametrize("case, words", [
    ("too_many", ["5 sites asked for", "only 4 candidates"]),
    ("below_existing", ["existing sites stay open", "N"]),
    ("zero_volume", ["no positive volume", "S2"]),
    ("unreachable", ["no excavation lies within", "N"]),
    ("short", ["m³ short", "Ask for more sites"]),
    ("duplicate", ["W"]),
    ("flag", ["yes or no", "maybe"]),
    ("cannot_reach", ["No choice of 1 sites reaches every excavation"]),
])
def test_bad_input_is_refused_with_the_ids(run_algorithm, make_layer, towns, case, words):
    sources, candidates = towns
    extra = {}
    if case == "too_many":
        extra = {"SITE_COUNT": 5}
    elif case == "below_existing":
        extra = {"SITE_COUNT": 1, "EXISTING_FIELD": "existing", "MAX_HAUL_KM": 40.0}
        candidates = make_layer("Point", CRS, CANDIDATE_FIELDS, [
            (point(0, 0.5), ["W", 250.0, True, 0.0]), (point(10, 20), ["N", 100.0, True, 0.0])])
    elif case == "zero_volume":
        sources = make_layer("Point", CRS, SOURCE_FIELDS, [
            (point(0, 0), ["S1", 100.0]), (point(0, 1), ["S2", 0.0])])
    elif case == "unreachable":
        extra = {"MAX_HAUL_KM": 15.0}  # N lies 20 km from every excavation
    elif case == "short":
        extra = {"CAPACITY_FIELD": "capacity_m3", "SITE_COUNT": 1}
        candidates = make_layer("Point", CRS, CANDIDATE_FIELDS, [
            (point(0, 0.5), ["W", 250.0, False, 0.0]), (point(20, 0.5), ["E", 300.0, False, 0.0])])
    elif case == "duplicate":
        candidates = make_layer("Point", CRS, CANDIDATE_FIELDS, [
            (point(0, 0.5), ["W", 250.0, False, 0.0]), (point(20, 0.5), ["W", 150.0, False, 0.0])])
    elif case == "flag":
        extra = {"EXISTING_FIELD": "state"}
        candidates = make_layer("Point", CRS, [("id", "string"), ("state", "string")], [
            (point(0, 0.5), ["W", "ja"]), (point(20, 0.5), ["E", "maybe"])])
    elif case == "cannot_reach":
        extra = {"SITE_COUNT": 1, "MAX_HAUL_KM": 12.0}
        candidates = make_layer("Point", CRS, CANDIDATE_FIELDS, [
            (point(0, 0.5), ["W", 250.0, False, 0.0]), (point(20, 0.5), ["E", 150.0, False, 0.0])])
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException) as raised:
        run(run_algorithm, sources, candidates, **extra)
    for word in words:
        assert word in str(raised.value), str(raised.value)
    assert "Traceback" not in str(raised.value)


def test_danish_message_names_the_shortfall_in_danish(run_algorithm, make_layer, towns,
                                                      qgis_language):
    from qgis.core import QgsProcessingException

    qgis_language("da")
    candidates = make_layer("Point", CRS, CANDIDATE_FIELDS, [
        (point(0, 0.5), ["W", 250.0, False, 0.0]), (point(20, 0.5), ["E", 300.0, False, 0.0])])
    with pytest.raises(QgsProcessingException) as raised:
        run(run_algorithm, towns[0], candidates, CAPACITY_FIELD="capacity_m3", SITE_COUNT=1)
    assert "Selv de 1 største kandidater rummer kun 300 m³, 100 m³ for lidt" in \
        str(raised.value)


@pytest.mark.qgis_process
def test_runs_in_qgis_process(qgis_process, tmp_path):
    import geopandas as gpd
    from shapely.geometry import Point

    data = tmp_path / "sites.gpkg"
    gpd.GeoDataFrame({"id": ["S1", "S2", "S3"], "volume_m3": [100.0, 100.0, 50.0]},
                     geometry=[Point(X0, Y0), Point(X0, Y0 + 1000), Point(X0 + 20000, Y0)],
                     crs=CRS).to_file(data, layer="excavations", driver="GPKG")
    gpd.GeoDataFrame({"id": ["W", "E", "M"]},
                     geometry=[Point(X0, Y0 + 500), Point(X0 + 20000, Y0 + 500),
                               Point(X0 + 10000, Y0)],
                     crs=CRS).to_file(data, layer="candidates", driver="GPKG")
    output = tmp_path / "out.gpkg"
    result = qgis_process.run("jordressource:suggest_resource_sites", {
        "CANDIDATES": f"{data}|layername=candidates", "SOURCES": f"{data}|layername=excavations",
        "SITE_COUNT": 2, "DETOUR_FACTOR": 1.0, "OUTPUT": str(output),
        "OUTPUT_ASSIGNMENTS": str(tmp_path / "assignments.gpkg"),
        "OUTPUT_SWEEP": str(tmp_path / "sweep.gpkg")})
    assert result["results"]["SITES_OPENED"] == 2
    assert result["results"]["GAP"] == 0
    sites = gpd.read_file(output)
    assert sorted(sites["id"]) == ["E", "W"]
    sweep = gpd.read_file(tmp_path / "sweep.gpkg")
    assert list(sweep["site_count"]) == [1, 2]


def square(x0, y0, x1, y1):
    return (f"POLYGON(({X0 + x0} {Y0 + y0}, {X0 + x1} {Y0 + y0}, {X0 + x1} {Y0 + y1}, "
            f"{X0 + x0} {Y0 + y1}, {X0 + x0} {Y0 + y0}))")


def test_candidate_screen_keeps_industry_clear_of_exclusions_and_feeds_the_siting(
        run_algorithm, make_layer):
    import processing
    from qgis.core import QgsGeometry

    areas = make_layer("Polygon", CRS, [("area_type", "string")], [
        (square(0, 0, 2000, 2000), ["Erhverv"]), (square(2000, 0, 4000, 2000), ["Havn"]),
        (square(0, 2000, 4000, 4000), ["Boligområde"])])
    housing = make_layer("Polygon", CRS, [("id", "integer")], [(square(0, 2000, 4000, 4000), [1])])
    contaminated = make_layer("Polygon", CRS, [("id", "integer")],
                              [(square(2500, 0, 4000, 1000), [1])])
    own = make_layer("Point", CRS, [("id", "string")], [
        (f"POINT({X0 + 1900} {Y0 + 100})", ["mine"]), (f"POINT({X0 + 100} {Y0 + 3900})", ["no"])])
    screen = processing.run("jordressource:candidate_screen", {
        "area_types": areas, "housing": housing, "contaminated_sites": contaminated,
        "own_points": own, "housing_buffer_m": 300.0,
        "ids:candidates": "memory:", "allowed:allowed_areas": "memory:"})
    points = list(screen["ids:candidates"].getFeatures())
    allowed = QgsGeometry.unaryUnion([QgsGeometry.fromWkt(square(0, 0, 2000, 1700)),
                                      QgsGeometry.fromWkt(square(2000, 1000, 4000, 1700)),
                                      QgsGeometry.fromWkt(square(2000, 0, 2500, 1000))])
    assert len(points) > 10
    assert all(allowed.buffer(0.01, 4).contains(f.geometry()) for f in points)
    assert any(f.geometry().asPoint().x() == X0 + 1900 for f in points)  # own point kept
    ids = [f["candidate_id"] for f in points]
    assert len(set(ids)) == len(ids) and ids[0] == "K00001"
    sources = make_layer("Point", CRS, SOURCE_FIELDS, [
        (point(1, 0.5), ["S1", 100.0]), (point(3.5, 1.5), ["S2", 100.0])])
    result = run(run_algorithm, sources, screen["ids:candidates"], SITE_COUNT=1,
                 CANDIDATE_ID_FIELD="candidate_id")
    assert result["SITES_OPENED"] == 1 and result["GAP"] == 0
