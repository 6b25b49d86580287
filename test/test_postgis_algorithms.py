"""Every algorithm reads PostGIS layers and writes PostGIS outputs through QGIS's providers, with
the same answers as from the GeoPackage.

The module starts its own PostgreSQL + PostGIS on 127.0.0.1 (fixture `postgis_server`), creates
the jordbase in it with `create_project`, and loads the Holbæk sample into the jordbase's tables
through QGIS's postgres provider, keeping the GeoPackage's feature ids. Each algorithm then runs
twice: GeoPackage in and GeoPackage out, PostGIS in and PostGIS out; numbers and rows must be
identical.
"""
from pathlib import Path

import re

import pytest

from jordressource_plugin.resources import sample_dir

pytestmark = pytest.mark.postgis

# What differs between two runs of a report: its time stamp and its charts' drawing ids.
UNSTABLE = re.compile(r"Generated \d{4}-\d\d-\d\d \d\d:\d\d|<svg.*?</svg>", re.S)

SAMPLE = sample_dir() / "holbaek_sample.gpkg"
SCHEMA = "holbaek"
HOLBAEK = "0316"  # Holbæk Kommune's kommunekode
# Sample layer -> jordbase table.
TABLES = {
    "excavations": "excavations", "excavation_points": "excavation_points",
    "receivers": "receivers", "disposal_sites": "disposal_sites", "area_types": "area_types",
    "contaminated_sites": "contaminated_sites", "roads": "roads", "local_plans": "planning_areas",
}


@pytest.fixture(scope="module")
def jordbase(run_algorithm, postgis_server):
    """The jordbase created by create_project, holding the Holbæk sample."""
    from postgis_server import append_features
    from qgis.core import QgsVectorLayer

    from jordressource_plugin.database import model

    result = run_algorithm("create_project", {"DATABASE": postgis_server.qgis_uri(),
                                              "SCHEMA": SCHEMA})
    assert result["SCHEMA_VERSION"] >= 2
    for layer, table in TABLES.items():
        source = QgsVectorLayer(f"{SAMPLE}|layername={layer}", layer, "ogr")
        target = QgsVectorLayer(postgis_server.uri(table, schema=SCHEMA), table, "postgres")
        assert source.isValid() and target.isValid(), table
        values = {model.MUNICIPALITY_COLUMN: HOLBAEK} if model.is_municipal(table) else None
        assert append_features(source, target, values) == source.featureCount()
    return postgis_server


class Inputs:
    """The sample's layers from the GeoPackage or from the jordbase, by sample layer name."""

    def __init__(self, server=None):
        self.server = server

    def __getitem__(self, layer):
        from qgis.core import QgsVectorLayer

        if self.server is None:
            return f"{SAMPLE}|layername={layer}"
        found = QgsVectorLayer(self.server.uri(TABLES[layer], schema=SCHEMA), layer, "postgres")
        assert found.isValid(), layer
        return found


def destinations(kind, names, tmp_path, server, prefix):
    """Output parameter -> destination: a GeoPackage file, or a new PostGIS table."""
    if kind == "gpkg":
        return {name: str(tmp_path / f"{prefix}_{name.lower()}.gpkg") for name in names}
    return {name: "postgres://" + server.uri(f"{prefix}_{name.lower()}")
            for name in names}


def rows(destination, drop=("municipality_code",)):
    """Sorted (attribute dict, WKT) of an output (the run's result: a file or a
    `postgres://` source), with the fields that only the jordbase has left out."""
    from qgis.core import QgsVectorLayer

    from jordressource_plugin.layers.frames import python_value

    if destination.startswith("postgres:"):
        source = destination[len("postgres:"):]
        layer = QgsVectorLayer(source[2:] if source.startswith("//") else source, "output",
                               "postgres")
    else:
        layer = QgsVectorLayer(destination, "output", "ogr")
    assert layer.isValid(), destination
    names = [name for name in layer.fields().names() if name not in drop]
    found = []
    for feature in layer.getFeatures():
        values = tuple((name, python_value(feature[name])) for name in names)
        geometry = feature.geometry()
        found.append((values, None if geometry.isNull() else geometry.asWkt()))
    return sorted(found, key=repr), names


def both(run_algorithm, jordbase, tmp_path, algorithm, parameters, outputs, files=None):
    """The algorithm's results and output rows from the GeoPackage and from the jordbase;
    ``files`` {parameter: suffix} are file outputs, compared by their text."""
    answers = {}
    for kind, server in (("gpkg", None), ("postgis", jordbase)):
        inputs = Inputs(server)
        given = {name: inputs[value[1:]] if isinstance(value, str) and value.startswith("@")
                 else value for name, value in parameters.items()}
        written = destinations(kind, outputs, tmp_path, jordbase, f"{algorithm}_{kind}")
        paths = {name: str(tmp_path / f"{algorithm}_{kind}.{suffix}")
                 for name, suffix in (files or {}).items()}
        result = run_algorithm(algorithm, {**given, **written, **paths})
        result.update({name: UNSTABLE.sub("", Path(path).read_text(encoding="utf-8"))
                       for name, path in paths.items()})
        numbers = {name: value for name, value in result.items() if name not in outputs}
        answers[kind] = numbers, {name: rows(result[name]) for name in outputs}
    return answers


def assert_same(answers):
    gpkg_numbers, gpkg_rows = answers["gpkg"]
    pg_numbers, pg_rows = answers["postgis"]
    import difflib; [print(l) for k in gpkg_numbers if isinstance(gpkg_numbers[k], str) for l in difflib.unified_diff(gpkg_numbers[k].splitlines(), pg_numbers[k].splitlines(), lineterm="")]
    assert pg_numbers == gpkg_numbers
    for name, (expected, fields) in gpkg_rows.items():
        found, pg_fields = pg_rows[name]
        assert set(fields) <= set(pg_fields), name
        common = [(tuple(v for v in values if v[0] in fields), wkt) for values, wkt in found]
        assert len(expected) > 0, name
        assert common == expected, name


@pytest.mark.parametrize("layer", ["excavations", "excavation_points"])
def test_classify_area_types_reads_and_writes_postgis(run_algorithm, jordbase, tmp_path, layer):
    answers = both(run_algorithm, jordbase, tmp_path, "classify_area_types", {
        "INPUT": f"@{layer}", "AREA_TYPES": "@area_types", "AREA_TYPE_FIELD": "area_type",
        "CONTAMINATION": "@contaminated_sites"}, ["OUTPUT"])
    assert_same(answers)


def test_match_reuse_reads_and_writes_postgis(run_algorithm, jordbase, tmp_path):
    answers = both(run_algorithm, jordbase, tmp_path, "match_reuse", {
        "SOURCES": "@excavations", "RECEIVERS": "@receivers", "DISPOSAL": "@disposal_sites",
        "AREA_TYPES": "@area_types", "CONTAMINATION": "@contaminated_sites", "ROADS": "@roads",
        "AREA_RULE": 1}, ["OUTPUT_MATCHES", "OUTPUT_SOURCES", "OUTPUT_RECEIVERS"])
    assert answers["gpkg"][0]["REUSED_M3"] > 0
    assert_same(answers)


def test_haul_matrix_reads_and_writes_postgis(run_algorithm, jordbase, tmp_path):
    answers = both(run_algorithm, jordbase, tmp_path, "haul_matrix", {
        "SOURCES": "@excavations", "TARGETS": "@receivers", "ROADS": "@roads",
        "MAX_HAUL_KM": 15}, ["OUTPUT", "OUTPUT_ROUTES"])
    assert answers["gpkg"][0]["PAIR_COUNT"] > 0
    assert_same(answers)


def test_soil_balance_reads_and_writes_postgis(run_algorithm, jordbase, tmp_path):
    answers = both(run_algorithm, jordbase, tmp_path, "soil_balance", {
        "AREAS": "@local_plans", "AREA_ID_FIELD": "id", "SOURCES": "@excavations",
        "VOLUME_FIELD": "volume_m3", "DATE_FIELD": "start_date", "SOURCE_END_FIELD": "end_date",
        "RECEIVERS": "@receivers", "CAPACITY_FIELD": "capacity_m3",
        "RECEIVER_START_FIELD": "start_date", "RECEIVER_END_FIELD": "end_date"},
        ["OUTPUT", "OUTPUT_TABLE"], {"OUTPUT_HTML": "html"})
    assert_same(answers)
