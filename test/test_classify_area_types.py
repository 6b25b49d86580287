"""classify_area_types: hand-computed answers on tiny layers, any input CRS, Danish zone names and
CORINE codes, bad input, and a run through qgis_process on the sample project."""
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from jordressource_plugin.resources import sample_dir

X0, Y0 = 680000.0, 6170000.0  # Zealand, EPSG:25832


def square(x, y, width, height=None):
    height = width if height is None else height
    x, y = X0 + x, Y0 + y
    return (f"POLYGON(({x} {y}, {x + width} {y}, {x + width} {y + height}, {x} {y + height}, "
            f"{x} {y}))")


def point(x, y):
    return f"POINT({X0 + x} {Y0 + y})"


# Four 100 m squares: A urban | B agricultural | C summer cottages; D industrial above A.
AREAS = [
    (square(0, 0, 100), ["Byzone"]),
    (square(100, 0, 100), ["Beregnet landzone"]),
    (square(200, 0, 100), ["Sommerhuszone"]),
    (square(0, 100, 100), ["Erhvervsområde"]),
]
CONTAMINATED = [(square(140, 10, 20), ["316-00001", "V2"])]

POINT_CASES = [
    # id, position, area_type, area_share, suspected
    ("inside_urban", point(50, 50), "urban", 1.0, False),
    ("border_urban_agricultural", point(100, 50), "urban", 1.0, False),  # first area wins
    ("inside_agricultural", point(150, 80), "agricultural", 1.0, False),
    ("inside_industrial", point(50, 150), "industrial", 1.0, False),
    ("summer_cottages", point(250, 50), "other", 1.0, True),
    ("outside_every_area", point(500, 500), "other", 0.0, True),
    ("on_contaminated_site", point(150, 20), "agricultural", 1.0, True),
]
POLYGON_CASES = [
    # 70 m of its 100 m width in urban A, 30 m in agricultural B
    ("split_70_30", square(30, 20, 100, 50), "urban", 0.7, False),
    # 40 m in B, 60 m in C: the larger share wins even when it is `other`
    ("split_40_60", square(160, 60, 100, 20), "other", 0.6, True),
    # wholly in B but touching the mapped V2 site
    ("crosses_contamination", square(120, 5, 30, 30), "agricultural", 1.0, True),
    # half in A, half outside every area
    ("half_outside", square(-50, 0, 100, 10), "urban", 0.5, False),
    ("outside_every_area", square(1000, 1000, 10), "other", 0.0, True),
]


@pytest.fixture
def layers(make_layer):
    def build(site_type, cases, crs="EPSG:25832", area_field=("zone", "string"), areas=AREAS):
        sites = make_layer(site_type, crs, [("site_id", "string")],
                           [(wkt, [name]) for name, wkt, *_ in cases], name="sites")
        area_layer = make_layer("Polygon", "EPSG:25832", [area_field], areas, name="areas")
        contaminated = make_layer("Polygon", "EPSG:25832",
                                  [("Lokalitetsnr", "string"), ("status", "string")], CONTAMINATED,
                                  name="contaminated")
        return sites, area_layer, contaminated
    return build


def classify(run_algorithm, tmp_path, sites, areas, contamination=None, field="zone",
             feedback=None):
    from qgis.core import QgsVectorLayer

    tmp_path.mkdir(parents=True, exist_ok=True)
    output = tmp_path / "classified.gpkg"
    parameters = {"INPUT": sites, "AREA_TYPES": areas, "AREA_TYPE_FIELD": field,
                  "OUTPUT": str(output)}
    if contamination is not None:
        parameters["CONTAMINATION"] = contamination
    result = run_algorithm("classify_area_types", parameters, feedback=feedback)
    layer = QgsVectorLayer(result["OUTPUT"], "classified", "ogr")
    assert layer.isValid()
    return {f["site_id"]: f for f in layer.getFeatures()}, layer


def assert_cases(rows, cases):
    assert set(rows) == {case[0] for case in cases}
    for name, _, area_type, share, suspected in cases:
        row = rows[name]
        assert row["area_type"] == area_type, name
        assert row["area_share"] == pytest.approx(share, abs=1e-9), name
        assert bool(row["contamination_suspected"]) is suspected, name
        assert bool(row["free_move"]) is (not suspected), name


def test_points_inside_on_a_border_and_outside(run_algorithm, layers, tmp_path):
    sites, areas, contaminated = layers("Point", POINT_CASES)
    rows, _ = classify(run_algorithm, tmp_path, sites, areas, contaminated)
    assert_cases(rows, POINT_CASES)


def test_polygons_take_the_type_of_their_largest_share(run_algorithm, layers, tmp_path):
    sites, areas, contaminated = layers("Polygon", POLYGON_CASES)
    rows, layer = classify(run_algorithm, tmp_path, sites, areas, contaminated)
    assert_cases(rows, POLYGON_CASES)
    assert [f.name() for f in layer.fields()][-4:] == [
        "area_type", "area_share", "contamination_suspected", "free_move"]


def test_without_contamination_layer_only_other_is_suspected(run_algorithm, layers, tmp_path):
    sites, areas, _ = layers("Point", POINT_CASES)
    rows, _ = classify(run_algorithm, tmp_path, sites, areas)
    assert not rows["on_contaminated_site"]["contamination_suspected"]
    assert rows["summer_cottages"]["contamination_suspected"]


def test_wgs84_sites_get_the_same_answer(run_algorithm, layers, make_layer, tmp_path):
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsCoordinateTransform,
        QgsGeometry,
        QgsProject,
    )

    transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:25832"),
                                       QgsCoordinateReferenceSystem("EPSG:4326"),
                                       QgsProject.instance())
    cases = [case for case in POINT_CASES + POLYGON_CASES if "border" not in case[0]]

    def in_wgs84(wkt):
        geometry = QgsGeometry.fromWkt(wkt)
        geometry.transform(transform)
        return geometry.asWkt(12)

    points = [(name, in_wgs84(wkt), *rest) for name, wkt, *rest in cases if wkt.startswith("POINT")]
    polygons = [(name, in_wgs84(wkt), *rest) for name, wkt, *rest in cases
                if wkt.startswith("POLYGON")]
    for geometry_type, subset in (("Point", points), ("Polygon", polygons)):
        sites, areas, contaminated = layers(geometry_type, subset, crs="EPSG:4326")
        rows, layer = classify(run_algorithm, tmp_path / geometry_type, sites, areas, contaminated)
        assert layer.crs().authid() == "EPSG:25832"
        for name, _, area_type, share, suspected in subset:
            assert rows[name]["area_type"] == area_type, name
            # straight edges in WGS84 bend slightly in UTM: shares agree to about 1e-4
            assert rows[name]["area_share"] == pytest.approx(share, abs=1e-3), name
            assert bool(rows[name]["contamination_suspected"]) is suspected, name


def test_corine_codes_as_area_types(run_algorithm, layers, tmp_path):
    corine = [(wkt, [code]) for (wkt, _), code in zip(AREAS, [112, 211, 324, 121])]
    sites, areas, contaminated = layers("Point", POINT_CASES, area_field=("clc_code", "integer"),
                                        areas=corine)
    rows, _ = classify(run_algorithm, tmp_path, sites, areas, contaminated, field="clc_code")
    assert_cases(rows, POINT_CASES)


@pytest.mark.parametrize("zone, expected", [
    ("Byzone", "urban"), ("BYZONE", "urban"), ("Beregnet landzone", "agricultural"),
    ("sommerhuszone", "other"), ("Havneområde", "industrial"), (None, "other"),
])
def test_danish_zone_values(run_algorithm, layers, tmp_path, zone, expected):
    cases = [("site", point(50, 50), expected, 1.0, expected == "other")]
    sites, areas, _ = layers("Point", cases, areas=[(square(0, 0, 100), [zone])])
    rows, _ = classify(run_algorithm, tmp_path, sites, areas)
    assert_cases(rows, cases)


@settings(max_examples=40, deadline=None)
@given(left=st.floats(-50, 240), width=st.floats(1, 150), bottom=st.floats(0, 90))
def test_share_of_a_rectangle_across_two_areas_is_its_overlap(left, width, bottom):
    """Urban on 0 <= x <= 100, agricultural on 100 <= x <= 200, nothing beyond: a rectangle
    takes the type it overlaps most and its share is that overlap over its area."""
    import geopandas as gpd
    from shapely.geometry import box

    from jordressource_plugin.core.area.classify import classify_sites, prepare_area_types

    areas = gpd.GeoDataFrame({"zone": ["Byzone", "Landzone"]},
                             geometry=[box(0, 0, 100, 100), box(100, 0, 200, 100)])
    site = gpd.GeoSeries([box(left, bottom, left + width, bottom + 10)])
    urban = max(0.0, min(left + width, 100) - max(left, 0)) / width
    agricultural = max(0.0, min(left + width, 200) - max(left, 100)) / width
    assume(abs(urban - agricultural) > 1e-6)
    result = classify_sites(site, prepare_area_types(areas, "zone"))
    share = max(urban, agricultural)
    expected = "other" if share == 0 else "urban" if urban > agricultural else "agricultural"
    assert result.area_type[0] == expected
    assert result.area_share[0] == pytest.approx(share, abs=1e-9)
    assert result.free_move[0] == (expected != "other")


def test_a_repaired_polygon_with_a_spike_is_classified_by_area():
    """make-valid turns a polygon with a spike into a polygon plus a line: the polygon counts."""
    import geopandas as gpd
    from shapely.geometry import GeometryCollection, LineString, box

    from jordressource_plugin.core.area.classify import classify_sites, prepare_area_types

    areas = gpd.GeoDataFrame({"zone": ["Byzone", "Landzone"]},
                             geometry=[box(0, 0, 100, 100), box(100, 0, 200, 100)])
    spiky = GeometryCollection([box(60, 10, 160, 20), LineString([(60, 20), (10, 90)])])
    result = classify_sites(gpd.GeoSeries([spiky]), prepare_area_types(areas, "zone"))
    assert result.area_type[0] == "agricultural"
    assert result.area_share[0] == pytest.approx(0.6)


# Bad input ------------------------------------------------------------------------------------
def test_missing_area_type_field_is_a_clear_error(run_algorithm, layers, tmp_path):
    from qgis.core import QgsProcessingException

    sites, areas, _ = layers("Point", POINT_CASES)
    with pytest.raises(QgsProcessingException, match="no field named 'area_type'"):
        classify(run_algorithm, tmp_path, sites, areas, field="area_type")


def test_empty_area_layer_is_a_clear_error(run_algorithm, layers, tmp_path):
    from qgis.core import QgsProcessingException

    sites, areas, _ = layers("Point", POINT_CASES, areas=[])
    with pytest.raises(QgsProcessingException, match="area-type layer has no polygons"):
        classify(run_algorithm, tmp_path, sites, areas)


def test_null_geometries_are_skipped_and_reported_invalid_ones_repaired(
        run_algorithm, make_layer, tmp_path, recording_feedback):
    def bowtie(x):
        return (f"POLYGON(({X0 + x} {Y0}, {X0 + x + 80} {Y0 + 80}, {X0 + x + 80} {Y0}, "
                f"{X0 + x} {Y0 + 80}, {X0 + x} {Y0}))")

    sites = make_layer("Polygon", "EPSG:25832", [("site_id", "string")],
                       [(square(10, 10, 20), ["valid"]), (None, ["no_geometry"]),
                        (bowtie(310), ["bowtie"])])
    # an industrial area drawn as the same self-intersecting bowtie, beside the others
    areas = make_layer("Polygon", "EPSG:25832", [("zone", "string")],
                       AREAS + [(None, ["Byzone"]), (bowtie(310), ["Erhverv"])])

    rows, _ = classify(run_algorithm, tmp_path, sites, areas, feedback=recording_feedback)
    assert set(rows) == {"valid", "bowtie"}
    assert rows["valid"]["area_type"] == "urban"
    # both bowties are repaired into the same two triangles: wholly industrial
    assert rows["bowtie"]["area_type"] == "industrial"
    assert rows["bowtie"]["area_share"] == pytest.approx(1.0, abs=1e-9)
    log = recording_feedback.log
    assert "Sites: skipped 1 feature(s) without geometry, ids 2" in log
    # Area types are read only where the sites are (PostGIS filters on its spatial index): the
    # one without a geometry lies nowhere, so it is not read, and the log counts it out.
    assert "Area types: read 5 of 6 feature(s)" in log
    assert "repaired 1 invalid geometry" in log


def test_empty_site_layer_gives_an_empty_output(run_algorithm, layers, tmp_path):
    sites, areas, contaminated = layers("Point", [])
    rows, layer = classify(run_algorithm, tmp_path, sites, areas, contaminated)
    assert rows == {} and layer.featureCount() == 0


# Through qgis_process, on the sample project ----------------------------------------------------
@pytest.mark.qgis_process
def test_qgis_process_classifies_the_sample_excavations(qgis_process, tmp_path):
    import sqlite3
    from contextlib import closing

    from qgis.core import QgsVectorLayer

    sample = sample_dir() / "holbaek_sample.gpkg"
    output = tmp_path / "classified.gpkg"
    result = qgis_process.run("jordressource:classify_area_types", {
        "INPUT": f"{sample}|layername=excavations",
        "AREA_TYPES": f"{sample}|layername=area_types",
        "AREA_TYPE_FIELD": "area_type",
        "CONTAMINATION": f"{sample}|layername=contaminated_sites",
        "DISTANCE_CRS": "EPSG:25832",
        "OUTPUT": str(output),
    })
    layer = QgsVectorLayer(result["results"]["OUTPUT"], "classified", "ogr")
    assert layer.isValid() and layer.featureCount() == 50
    rows = list(layer.getFeatures())
    # the sample's excavations lie in the urban and industrial CORINE areas by construction
    assert {row["area_type"] for row in rows} <= {"urban", "industrial"}
    assert all(row["area_share"] >= 0.5 for row in rows)
    contaminated = QgsVectorLayer(f"{sample}|layername=contaminated_sites", "c", "ogr")
    sites = [f.geometry() for f in contaminated.getFeatures()]
    expected = {row["id"] for row in rows if any(row.geometry().intersects(s) for s in sites)}
    assert {row["id"] for row in rows if row["contamination_suspected"]} == expected
    assert len(expected) == 9
    with closing(sqlite3.connect(output)) as connection:
        styles = connection.execute("SELECT styleName FROM layer_styles").fetchall()
    assert styles == [("classified_sites",)]
