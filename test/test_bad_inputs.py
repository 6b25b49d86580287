"""Bad input, one row per case, as a careless or hostile user would give it (issue 18's sweep):
the algorithm, the input, and the expected clear message (error, warning or log line, by
substring) or the expected correct result. Every case runs through processing.run.

Families already covered case by case elsewhere, listed here so the table is the index:
- numbers and dates: test_tables.py (every reading, refusal and ambiguity of the one reader)
  and test_same_reading.py (the same words in every algorithm); two rows below;
- coordinate systems: test_coordinates.py (degrees declared metric, metres declared as degrees,
  a distance CRS with too large a scale error); one row below;
- outputs: the rows below, and test_cancellation.py (cancelled and failed runs);
- numerics: the 1e15 m³ row below (and test_allocation.py on the allocation alone);
- edge semantics (multi-part sites, overlapping polygons in layers meant to tile, one-way
  roads, map extents without data, extreme tolerances): the rows below.
"""
import os
from dataclasses import dataclass
from typing import Callable, Optional

import pytest

CRS = "EPSG:25832"
X0, Y0 = 680000, 6170000  # Holbæk
SITE_FIELDS = [("id", "string"), ("volume_m3", "string"), ("soil_class", "integer")]
RECEIVER_FIELDS = [("id", "string"), ("kind", "string"), ("capacity_m3", "double"),
                   ("max_soil_class", "integer")]
TYPE_FIELDS = [("id", "string"), ("area_type", "string")]


def square(x, y, size):
    return f"POLYGON(({x} {y}, {x + size} {y}, {x + size} {y + size}, {x} {y + size}, {x} {y}))"


@dataclass
class Case:
    algorithm: str
    inputs: Callable  # (Layers) -> parameters
    error: str = ""  # the run stops with a message holding this
    logged: str = ""  # the run goes on and its log holds this
    check: Optional[Callable] = None  # (results, Layers) -> None, asserting the right answer


class Layers:
    """The layers and paths a case draws from, made on demand."""

    def __init__(self, make_layer, tmp_path):
        self.make_layer, self.tmp_path = make_layer, tmp_path

    def points(self, rows, fields=SITE_FIELDS, kind="Point", crs=CRS):
        return self.make_layer(kind, crs, fields, rows)

    def sources(self, *volumes):
        return self.points([(f"POINT({X0 + 1000 + 10 * k} {Y0})", [f"S{k + 1}", v, 1])
                            for k, v in enumerate(volumes)])

    def receivers(self, *capacities, x=X0 + 2000):
        return self.points([(f"POINT({x + 10 * k} {Y0})", [f"R{k + 1}", "pit", c, 2])
                            for k, c in enumerate(capacities)], RECEIVER_FIELDS)

    def area_types(self, *rows):
        return self.make_layer("Polygon", CRS, TYPE_FIELDS, list(rows))

    def roads(self, *wkts, oneway=None):
        return self.make_layer("LineString", CRS, [("oneway", "string")],
                               [(wkt, [oneway]) for wkt in wkts])

    def path(self, name):
        return str(self.tmp_path / name)

    def file(self, name):
        path = self.tmp_path / name
        path.write_text("not a folder")
        return path


def match(layers, sources=None, receivers=None, **extra):
    return {"SOURCES": sources or layers.sources("100"),
            "RECEIVERS": receivers or layers.receivers(100.0), "AREA_RULE": 0,
            "OUTPUT_MATCHES": "memory:", "OUTPUT_SOURCES": "memory:",
            "OUTPUT_RECEIVERS": "memory:", **extra}


def balance(layers, **extra):
    return {"AREAS": layers.area_types((square(X0, Y0 - 50, 5000), ["A", "byzone"])),
            "SOURCES": layers.sources("1"), "OUTPUT": "memory:", "OUTPUT_TABLE": "memory:",
            "OUTPUT_HTML": layers.path("balance.html"), **extra}


def classify(layers, sites):
    both = layers.area_types((square(X0 - 5000, Y0 - 5000, 10000), ["A", "byzone"]),
                             (square(X0 - 5000, Y0 - 5000, 10000), ["B", "landzone"]))
    return {"INPUT": sites, "AREA_TYPES": both, "OUTPUT": "memory:"}


def dem(layers):
    import numpy as np
    from conftest import single_band_raster

    return single_band_raster(layers.tmp_path / "dem.tif", np.full((50, 50), 10.0),
                              (X0, Y0 + 100))


def plan_map(layers, **extra):
    return {"LAYERS": [layers.sources("1")], "OUTPUT": layers.path("map.pdf"), "DPI": 72,
            **extra}


# Checks of results -------------------------------------------------------------------------
def reused(expected):
    def check(results, _):
        assert results["REUSED_M3"] == pytest.approx(expected)
        assert results["REUSED_M3"] + results["DISPOSED_M3"] == pytest.approx(
            sum(float(f["volume_m3"]) for f in results["OUTPUT_SOURCES"].getFeatures()))
    return check


def the_first_type_holds_the_overlap(results, _):
    kinds = {f["id"]: f["area_type"] for f in results["OUTPUT"].getFeatures()}
    assert kinds == {"P1": "urban"}  # A (byzone) comes first in the layer


def zones_count_each_site_once(results, _):
    assert results["ZONE_COUNT"] == 1
    assert results["SURPLUS_M3"] + results["OUTSIDE_SURPLUS_M3"] == pytest.approx(10.0)


def both_layers_in_one_geopackage(results, layers):
    from osgeo import ogr

    data = ogr.Open(layers.path("plan.gpkg"))
    names = {data.GetLayer(k).GetName(): data.GetLayer(k).GetFeatureCount()
             for k in range(data.GetLayerCount())}
    assert names["matches"] == 1 and names["sources"] == 1
    assert results["OUTPUT_MATCHES"].endswith("plan.gpkg|layername=matches")


def other_layers_kept(results, layers):
    from osgeo import ogr

    data = ogr.Open(layers.path("existing.gpkg"))
    names = {data.GetLayer(k).GetName(): data.GetLayer(k).GetFeatureCount()
             for k in range(data.GetLayerCount())}
    assert names["keep"] == 1 and names["haul"] == 1
    assert not [name for name in os.listdir(layers.tmp_path) if name.startswith(".jordres")]


def existing_geopackage(layers):
    """A GeoPackage an earlier run left, with a layer of its own and an older ``haul``."""
    from osgeo import ogr

    data = ogr.GetDriverByName("GPKG").CreateDataSource(layers.path("existing.gpkg"))
    for name in ("keep", "haul"):
        layer = data.CreateLayer(name, geom_type=ogr.wkbPoint)
        for _ in range(1 if name == "keep" else 3):
            feature = ogr.Feature(layer.GetLayerDefn())
            feature.SetGeometry(ogr.CreateGeometryFromWkt(f"POINT({X0} {Y0})"))
            layer.CreateFeature(feature)
    data = None
    return f"ogr:dbname='{layers.path('existing.gpkg')}' table=\"haul\" (geom)"


def no_pair_against_the_one_way(results, _):
    assert results["PAIR_COUNT"] == 0


def one_way_road_leaves_the_soil_for_disposal(results, _):
    assert results["REUSED_M3"] == 0 and results["DISPOSED_M3"] == pytest.approx(100.0)


WEST_TO_EAST = f"LINESTRING({X0} {Y0}, {X0 + 3000} {Y0})"
EAST_TO_WEST = f"LINESTRING({X0 + 3000} {Y0}, {X0} {Y0})"

CASES = {
    # Numbers and dates (the one reader; see test_tables.py) ----------------------------------
    "numbers: 1.500 is ambiguous": Case(
        "match_reuse", lambda L: match(L, L.sources("1.500")), error="two readings"),
    "numbers: inf is refused": Case(
        "match_reuse", lambda L: match(L, L.sources("inf")), error="S1"),
    # Numerics ----------------------------------------------------------------------------------
    "numerics: one 1e15 m³ row leaves the others' flows": Case(
        "match_reuse", lambda L: match(L, L.sources("100", "1e15"), L.receivers(100.0, 1e9)),
        logged="more than 10,000,000 m³", check=reused(100.0 + 1e9)),
    # Coordinate systems (see test_coordinates.py) ---------------------------------------------
    "crs: degrees declared as UTM": Case(
        "haul_matrix", lambda L: {"SOURCES": L.points([("POINT(11.7 55.7)", ["S1", "1", 1])]),
                                  "TARGETS": L.receivers(1.0), "OUTPUT": "memory:"},
        error="look like degrees"),
    # Outputs -------------------------------------------------------------------------------------
    "outputs: two outputs on one file": Case(
        "match_reuse", lambda L: match(L, OUTPUT_MATCHES=L.path("plan.gpkg"),
                                       OUTPUT_SOURCES=L.path("plan.gpkg")),
        error="are both set to"),
    "outputs: two outputs on one GeoPackage layer": Case(
        "match_reuse", lambda L: match(
            L, OUTPUT_MATCHES=f"ogr:dbname='{L.path('plan.gpkg')}' table=\"m\" (geom)",
            OUTPUT_RECEIVERS=f"ogr:dbname='{L.path('plan.gpkg')}' table=\"m\" (geom)"),
        error="are both set to"),
    "outputs: two layers of one GeoPackage": Case(
        "match_reuse", lambda L: match(
            L, OUTPUT_MATCHES=f"ogr:dbname='{L.path('plan.gpkg')}' table=\"matches\" (geom)",
            OUTPUT_SOURCES=f"ogr:dbname='{L.path('plan.gpkg')}' table=\"sources\" (geom)"),
        check=both_layers_in_one_geopackage),
    "outputs: a layer replaced in an existing GeoPackage": Case(
        "haul_matrix", lambda L: {"SOURCES": L.sources("1"), "TARGETS": L.receivers(1.0),
                                  "OUTPUT": existing_geopackage(L)},
        check=other_layers_kept),
    "outputs: a report named like a folder": Case(
        "soil_balance", lambda L: balance(L, OUTPUT_HTML=str(L.tmp_path)),
        error="which is a folder"),
    "outputs: a report in a folder under a file": Case(
        "soil_balance", lambda L: balance(L, OUTPUT_HTML=str(L.file("a_file") / "report.html")),
        error="Soil balance report"),
    # Edge semantics: multi-part sites ------------------------------------------------------------
    "multipart: a site in parts 19 km apart": Case(
        "match_reuse", lambda L: match(L, L.points(
            [(f"MULTIPOINT(({X0 + 1000} {Y0}), ({X0 + 20000} {Y0}))", ["S1", "100", 1])],
            kind="MultiPoint")), logged="parts more than 1,000 m apart"),
    "multipart: a compact multi-polygon site is one site": Case(
        "haul_matrix", lambda L: {"SOURCES": L.points(
            [(f"MULTIPOLYGON((({X0} {Y0}, {X0 + 10} {Y0}, {X0 + 10} {Y0 + 10}, {X0} {Y0})),"
              f"(({X0 + 50} {Y0}, {X0 + 60} {Y0}, {X0 + 60} {Y0 + 10}, {X0 + 50} {Y0})))",
              ["S1", "1", 1])], kind="MultiPolygon"),
            "TARGETS": L.receivers(1.0), "OUTPUT": "memory:"},
        check=lambda results, _: results["PAIR_COUNT"] == 1 or pytest.fail("pairs")),
    # Edge semantics: overlapping polygons in layers meant to tile ---------------------------------
    "overlap: area types, the earlier one counts for points and polygons alike": Case(
        "classify_area_types", lambda L: classify(L, L.make_layer("Polygon", CRS, [
            ("id", "string")], [(square(X0, Y0, 50), ["P1"])])),
        logged="overlap an earlier polygon of another area type",
        check=the_first_type_holds_the_overlap),
    "overlap: zones count a site once": Case(
        "area_zones", lambda L: {**classify(L, None), "INPUT": None,
                                 "SOURCES": L.points([(f"POINT({X0} {Y0})", ["Q1", "10", 1])])},
        logged="overlap an earlier polygon", check=zones_count_each_site_once),
    "overlap: excavations measured on a DEM": Case(
        "earthwork_volumes", lambda L: {
            "INPUT": L.make_layer("Polygon", CRS, [("lvl", "double")], [
                (square(X0 + 10, Y0 + 10, 40), [9.0]), (square(X0 + 30, Y0 + 30, 40), [9.0])]),
            "DEM": dem(L), "PLANNED_LEVEL_FIELD": "lvl", "OUTPUT": "memory:"},
        logged="excavations overlap"),
    "overlap: planning areas": Case(
        "soil_balance", lambda L: balance(
            L, AREAS=L.area_types((square(X0, Y0 - 50, 5000), ["A", "x"]),
                                  (square(X0, Y0 - 50, 5000), ["B", "x"]))),
        logged="Planning areas overlap"),
    # Edge semantics: one-way roads ----------------------------------------------------------------
    "one-way: haul against the drawing direction": Case(
        "haul_matrix", lambda L: {"SOURCES": L.sources("1"), "TARGETS": L.receivers(1.0),
                                  "ROADS": L.roads(EAST_TO_WEST, oneway="FT"),
                                  "ONEWAY_FIELD": "oneway", "OUTPUT": "memory:"},
        check=no_pair_against_the_one_way),
    "one-way: match_reuse drives a one-way road only its way": Case(
        "match_reuse", lambda L: match(L, ROADS=L.roads(EAST_TO_WEST, oneway="FT"),
                                       ONEWAY_FIELD="oneway"),
        check=one_way_road_leaves_the_soil_for_disposal),
    "one-way: with the drawing direction": Case(
        "match_reuse", lambda L: match(L, ROADS=L.roads(WEST_TO_EAST, oneway="FT"),
                                       ONEWAY_FIELD="oneway"), check=reused(100.0)),
    # Edge semantics: map extents ------------------------------------------------------------------
    "map: an extent without data": Case(
        "export_plan_map", lambda L: plan_map(
            L, EXTENT=f"{X0 + 50000},{X0 + 51000},{Y0 + 50000},{Y0 + 51000} [{CRS}]"),
        logged="the map is blank"),
    "map: a plan area away from the data": Case(
        "export_plan_map", lambda L: plan_map(L, COVERAGE=L.make_layer(
            "Polygon", CRS, [("name", "string")], [(square(X0 + 50000, Y0, 1000), ["Far"])])),
        logged="hold no feature of the chosen layers"),
    "map: an extent without width": Case(
        "export_plan_map", lambda L: plan_map(L, EXTENT=f"{X0},{X0},{Y0},{Y0 + 10} [{CRS}]"),
        logged="no width or height"),
    # Edge semantics: extreme tolerances ---------------------------------------------------------
    "tolerance: snap 1,000,000 m": Case(
        "haul_matrix", lambda L: {"SOURCES": L.sources("1"), "TARGETS": L.receivers(1.0),
                                  "ROADS": L.roads(WEST_TO_EAST), "SNAP_TOLERANCE_M": 1e6,
                                  "OUTPUT": "memory:"}, error="must be at most 50"),
    "tolerance: snap negative": Case(
        "match_reuse", lambda L: match(L, ROADS=L.roads(WEST_TO_EAST), SNAP_TOLERANCE_M=-1),
        error="must be at least 0"),
    "tolerance: roads shorter than the snap tolerance": Case(
        "haul_matrix", lambda L: {"SOURCES": L.sources("1"), "TARGETS": L.receivers(1.0),
                                  "ROADS": L.roads(f"LINESTRING({X0} {Y0}, {X0 + 20} {Y0})"),
                                  "SNAP_TOLERANCE_M": 40, "OUTPUT": "memory:"},
        error="snap tolerance"),
    "tolerance: maximum haul 0 is no limit": Case(
        "match_reuse", lambda L: match(L, receivers=L.receivers(100.0, x=X0 + 90000),
                                       MAX_HAUL_KM=0, BASELINE_HAUL_KM=200),
        check=reused(100.0)),
    "tolerance: maximum haul negative": Case(
        "haul_matrix", lambda L: {"SOURCES": L.sources("1"), "TARGETS": L.receivers(1.0),
                                  "MAX_HAUL_KM": -5, "OUTPUT": "memory:"},
        error="must be at least 0"),
    "tolerance: detour factor below 1": Case(
        "match_reuse", lambda L: match(L, DETOUR_FACTOR=0.5), error="must be at least 1"),
}


@pytest.mark.parametrize("name", list(CASES))
def test_bad_input(run_algorithm, make_layer, recording_feedback, tmp_path, name):
    from qgis.core import QgsProcessingException

    case = CASES[name]
    layers = Layers(make_layer, tmp_path)
    parameters = {key: value for key, value in case.inputs(layers).items() if value is not None}
    if case.error:
        with pytest.raises(QgsProcessingException) as raised:
            run_algorithm(case.algorithm, parameters, recording_feedback)
        assert case.error in str(raised.value), str(raised.value)
        assert "Traceback" not in str(raised.value)
        return
    results = run_algorithm(case.algorithm, parameters, recording_feedback)
    if case.logged:
        assert case.logged in recording_feedback.log, recording_feedback.log
    if case.check is not None:
        outcome = case.check(results, layers)
        assert outcome is None or outcome


def test_a_point_and_a_polygon_in_overlapping_area_types_get_one_type(run_algorithm,
                                                                     make_layer, tmp_path):
    layers = Layers(make_layer, tmp_path)
    types = {}
    for kind, wkt, ident in (("Polygon", square(X0, Y0, 50), "P1"),
                             ("Point", f"POINT({X0 + 25} {Y0 + 25})", "Q1")):
        sites = make_layer(kind, CRS, [("id", "string")], [(wkt, [ident])])
        result = run_algorithm("classify_area_types", classify(layers, sites))
        types.update({f["id"]: f["area_type"] for f in result["OUTPUT"].getFeatures()})
    assert types == {"P1": "urban", "Q1": "urban"}


@pytest.mark.qgis  # reads help or styles through QGIS's translator
@pytest.mark.parametrize("language", ["en", "da"])
def test_every_help_page_says_how_outputs_are_written(language):
    from jordressource_plugin.algorithms import ALGORITHM_CLASSES
    from jordressource_plugin.i18n import INCLUDE
    from jordressource_plugin.resources import help_dir

    for algorithm in ALGORITHM_CLASSES:
        page = (help_dir() / language / f"{algorithm.ALGORITHM_ID}.html").read_text("utf-8")
        assert "writing_outputs" in INCLUDE.findall(page), algorithm.ALGORITHM_ID


def test_qgis_process_refuses_one_file_for_two_outputs_and_keeps_a_geopackage(qgis_process,
                                                                              tmp_path):
    """The same rules through qgis_process with the packaged plugin: two outputs on one file
    stop the run before anything is written; a layer written into an existing GeoPackage
    leaves its other layers."""
    import geopandas as gpd
    from osgeo import ogr
    from qgisprocess import QgisProcessError
    from shapely.geometry import Point

    sites = tmp_path / "sites.gpkg"
    gpd.GeoDataFrame({"id": ["S1"]}, geometry=[Point(X0, Y0)], crs=CRS).to_file(
        sites, layer="sources", driver="GPKG")
    gpd.GeoDataFrame({"id": ["T1"]}, geometry=[Point(X0 + 900, Y0)], crs=CRS).to_file(
        sites, layer="targets", driver="GPKG")
    common = {"SOURCES": f"{sites}|layername=sources", "TARGETS": f"{sites}|layername=targets"}
    with pytest.raises(QgisProcessError, match="are both set to"):
        qgis_process.run("jordressource:haul_matrix", {
            **common, "OUTPUT": str(tmp_path / "haul.gpkg"),
            "OUTPUT_ROUTES": str(tmp_path / "haul.gpkg")})
    assert sorted(os.listdir(tmp_path)) == ["sites.gpkg"]

    layers = Layers(None, tmp_path)
    result = qgis_process.run("jordressource:haul_matrix", {
        **common, "OUTPUT": existing_geopackage(layers)})
    assert result["results"]["PAIR_COUNT"] == 1
    data = ogr.Open(str(tmp_path / "existing.gpkg"))
    counts = {data.GetLayer(k).GetName(): data.GetLayer(k).GetFeatureCount()
              for k in range(data.GetLayerCount())}
    assert counts["keep"] == 1 and counts["haul"] == 1
    assert not [name for name in os.listdir(tmp_path) if name.startswith(".jordressource")]
