"""Free-movement zones: connectivity, contamination cut out, boundary split, the balance of each
zone, and runs through processing.run and qgis_process."""
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

# Plandata.dk zone status in Ishøj (test/data/README.md).
ZONES_SHP = Path(__file__).resolve().parent / "data" / "zones" / "zoner_septima.shp"
CRS = "EPSG:25832"


X0, Y0 = 680000, 6170000  # near Holbæk, for layers run through QGIS


def _box(x0, y0, x1, y1):
    return f"POLYGON(({x0} {y0}, {x1} {y0}, {x1} {y1}, {x0} {y1}, {x0} {y0}))"


def _frame(rows):
    import geopandas as gpd
    from shapely import wkt

    from jordressource_plugin.core.area.classify import prepare_area_types

    frame = gpd.GeoDataFrame({"t": [t for _, t in rows]}, geometry=[wkt.loads(w) for w, _ in rows],
                             crs=CRS)
    return prepare_area_types(frame, "t")


def _series(wkts):
    import geopandas as gpd
    from shapely import wkt

    return gpd.GeoSeries([wkt.loads(w) for w in wkts], crs=CRS)


# case, area-type polygons, expected zones as (area_type, area in m²), in zone order
CONNECTIVITY = [
    ("two separate urban polygons give two zones",
     [(_box(0, 0, 10, 10), "byzone"), (_box(20, 0, 30, 10), "byzone")],
     [("urban", 100.0), ("urban", 100.0)]),
    ("touching urban polygons give one zone",
     [(_box(0, 0, 10, 10), "byzone"), (_box(10, 0, 20, 10), "Byzone")],
     [("urban", 200.0)]),
    ("a chain of three touching polygons is one zone",
     [(_box(0, 0, 10, 10), "urban"), (_box(20, 0, 30, 10), "urban"), (_box(10, 0, 20, 10), "by")],
     [("urban", 300.0)]),
    ("touching polygons of different types stay apart",
     [(_box(0, 0, 10, 10), "byzone"), (_box(10, 0, 20, 10), "landzone")],
     [("urban", 100.0), ("agricultural", 100.0)]),
    ("polygons meeting only at a corner are two zones",
     [(_box(0, 0, 10, 10), "byzone"), (_box(10, 10, 20, 20), "byzone")],
     [("urban", 100.0), ("urban", 100.0)]),
    ("overlapping polygons of one type merge",
     [(_box(0, 0, 10, 10), "erhverv"), (_box(5, 0, 15, 10), "industri")],
     [("industrial", 150.0)]),
    ("unrecognised types form no zone",
     [(_box(0, 0, 10, 10), "sommerhuszone"), (_box(10, 0, 20, 10), "landzone")],
     [("agricultural", 100.0)]),
]


@pytest.mark.parametrize("case, rows, expected", CONNECTIVITY, ids=[c[0] for c in CONNECTIVITY])
def test_zone_connectivity(case, rows, expected):
    from jordressource_plugin.core.area.zones import free_movement_zones

    zones = free_movement_zones(_frame(rows))
    got = list(zip(zones["area_type"], (zones["area_km2"] * 1e6).round(6)))
    assert got == expected
    assert zones["zone_id"].tolist() == list(range(1, len(expected) + 1))


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(["byzone", "landzone", "erhverv", "sommerhuszone"]),
                min_size=36, max_size=36))
def test_zones_cover_the_typed_cells_and_no_two_same_type_zones_share_an_edge(kinds):
    from jordressource_plugin.core.area.zones import free_movement_zones

    rows = [(_box(i % 6, i // 6, i % 6 + 1, i // 6 + 1), kind) for i, kind in enumerate(kinds)]
    zones = free_movement_zones(_frame(rows))
    assert zones["area_km2"].sum() * 1e6 == pytest.approx(sum(k != "sommerhuszone" for k in kinds))
    shapes = list(zones.geometry)
    for a in range(len(shapes)):
        for b in range(a + 1, len(shapes)):
            if zones["area_type"].iloc[a] == zones["area_type"].iloc[b]:
                assert shapes[a].intersection(shapes[b]).length == 0


def test_contaminated_site_is_cut_out_and_splits_the_zone():
    from jordressource_plugin.core.area.zones import free_movement_zones

    rows = [(_box(0, 0, 10, 10), "byzone"), (_box(10, 0, 20, 10), "byzone")]
    zones = free_movement_zones(_frame(rows), contamination=_series([_box(8, -5, 12, 15)]))
    assert sorted((zones["area_km2"] * 1e6).round(6)) == [80.0, 80.0]
    hole = free_movement_zones(_frame(rows), contamination=_series([_box(2, 2, 4, 4)]))
    assert (hole["area_km2"] * 1e6).round(6).tolist() == [196.0]


def test_zones_are_split_along_boundaries_and_keep_what_lies_outside():
    from jordressource_plugin.core.area.zones import NO_BOUNDARY, free_movement_zones

    rows = [(_box(0, 0, 20, 10), "byzone"), (_box(20, 0, 30, 10), "byzone")]
    municipalities = _series([_box(-5, -5, 15, 15), _box(15, -5, 25, 15)])
    zones = free_movement_zones(_frame(rows), boundary=municipalities)
    got = sorted(zip(zones["boundary"], (zones["area_km2"] * 1e6).round(6)))
    assert got == [(NO_BOUNDARY, 50.0), (0, 150.0), (1, 100.0)]


def test_zone_balance_sums_and_sites_outside_every_zone():
    import geopandas as gpd
    from shapely.geometry import Point

    from jordressource_plugin.core.area.zones import area_zones
    from jordressource_plugin.core.balance.soil_balance import Sites

    rows = [(_box(0, 0, 10, 10), "byzone"), (_box(10, 0, 20, 10), "byzone"),
            (_box(30, 0, 40, 10), "landzone"), (_box(50, 0, 60, 10), "sommerhuszone")]
    sources = Sites(gpd.GeoSeries([Point(5, 5), Point(15, 5), Point(35, 5), Point(55, 5),
                                   Point(3, 3)], crs=CRS), [100.0, 50.0, 70.0, 30.0, 20.0])
    receivers = Sites(gpd.GeoSeries([Point(36, 6)], crs=CRS), [500.0])
    result = area_zones(_frame(rows), contamination=_series([_box(2, 2, 4, 4)]),
                        sources=sources, receivers=receivers)
    zones = result.zones.set_index("area_type")
    assert zones.loc["urban", "surplus_m3"] == 150.0  # the site at (3 3) is in the cut-out
    assert zones.loc["agricultural", "balance_m3"] == 70.0 - 500.0
    assert result.outside["surplus_m3"] == 30.0 + 20.0
    assert zones["surplus_m3"].sum() + result.outside["surplus_m3"] == 270.0  # mass conserved
    assert result.other_polygons == 1


def _layers(make_layer):
    """The layers of the processing test, drawn on a 700 m square near Holbæk (ETRS89 / UTM 32N:
    coordinates must lie where their CRS is used)."""
    def box(x0, y0, x1, y1):
        return _box(X0 + x0, Y0 + y0, X0 + x1, Y0 + y1)

    def point(x, y):
        return f"POINT({X0 + x} {Y0 + y})"

    bowtie = ", ".join(f"{X0 + x} {Y0 + y}" for x, y in
                       ((500, 0), (600, 100), (600, 0), (500, 100), (500, 0)))
    areas = make_layer("Polygon", CRS, [("area_type", "string")], [
        (box(0, 0, 100, 100), ["Byzone"]), (box(100, 0, 200, 100), ["byzone"]),
        (box(300, 0, 400, 100), ["Beregnet landzone"]),
        # an invalid (self-intersecting) polygon, repaired
        (f"POLYGON(({bowtie}))", ["landzone"])], name="area types")
    contamination = make_layer("Polygon", CRS, [("Lokalitetsnr", "string")],
                               [(box(40, 40, 60, 60), ["151-00001"])], name="v2")
    municipalities = make_layer("Polygon", CRS, [("navn", "string")],
                                [(box(-10, -10, 150, 110), ["Ishøj"]),
                                 (box(150, -10, 700, 110), ["Vallensbæk"])], name="kommuner")
    sources = make_layer("Point", CRS, [("volume_m3", "double")],
                         [(point(10, 10), [1000.0]), (point(350, 50), [200.0]),
                          (point(50, 50), [30.0])], name="sources")
    return areas, contamination, municipalities, sources


def test_processing_run_writes_zones_with_balance(run_algorithm, make_layer, recording_feedback):
    areas, contamination, municipalities, sources = _layers(make_layer)
    result = run_algorithm("area_zones", {
        "AREA_TYPES": areas, "AREA_TYPE_FIELD": "area_type", "CONTAMINATION": contamination,
        "BOUNDARY": municipalities, "BOUNDARY_ID_FIELD": "navn", "SOURCES": sources,
        "VOLUME_FIELD": "volume_m3", "OUTPUT": "TEMPORARY_OUTPUT"}, recording_feedback)
    zones = [{name: f[name] for name in f.fields().names()} for f in result["OUTPUT"].getFeatures()]
    got = sorted((z["area_type"], z["boundary_id"], round(z["area_km2"] * 1e6), z["surplus_m3"])
                 for z in zones)
    assert got == [
        ("agricultural", "Vallensbæk", 2500, 0.0),  # the repaired bow-tie: two triangles...
        ("agricultural", "Vallensbæk", 2500, 0.0),  # ...meeting at a point, so two zones
        ("agricultural", "Vallensbæk", 10000, 200.0),
        ("urban", "Ishøj", 14600, 1000.0),  # 150 × 100 minus the 20 × 20 contaminated site
        ("urban", "Vallensbæk", 5000, 0.0),
    ]
    assert result["ZONE_COUNT"] == 5
    assert result["OUTSIDE_SURPLUS_M3"] == 30.0
    assert any("repaired" in m for m in recording_feedback.warnings)


@pytest.mark.qgis_process
def test_qgis_process_runs_area_zones(qgis_process, tmp_path):
    import geopandas as gpd
    from shapely.ops import unary_union

    zones_file = str(ZONES_SHP)
    out = qgis_process.run("jordressource:area_zones", {
        "AREA_TYPES": zones_file, "AREA_TYPE_FIELD": "zonestatus",
        "DISTANCE_CRS": CRS, "OUTPUT": str(tmp_path / "zones.gpkg")})
    written = gpd.read_file(tmp_path / "zones.gpkg", layer="zones")
    assert out["results"]["ZONE_COUNT"] == len(written) > 0
    assert set(written["area_type"]) <= {"urban", "agricultural"}
    source = gpd.read_file(zones_file)
    assert written["area_km2"].sum() == pytest.approx(
        unary_union(list(source.geometry)).area / 1e6, rel=1e-6)
