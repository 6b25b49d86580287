"""Every algorithm reads PostGIS layers and writes PostGIS outputs through QGIS's providers, with
the same answers as from the GeoPackage; large PostGIS layers are read only where a run needs
them.

The module starts its own PostgreSQL + PostGIS on 127.0.0.1 (fixture `postgis_server`), creates
the jordbase in it with `create_project`, and loads the Holbæk sample into the jordbase's tables
through QGIS's postgres provider, keeping the GeoPackage's feature ids. Each algorithm then runs
twice, GeoPackage in and GeoPackage out, PostGIS in and PostGIS out: numbers and rows must be
identical. For the reading filter, views log on the server every row they hand to a feature
read, so the server itself says which rows QGIS fetched.
"""
import re
from pathlib import Path

import pytest

from jordressource_plugin.resources import sample_dir

pytestmark = pytest.mark.postgis

SAMPLE = sample_dir() / "holbaek_sample.gpkg"
SCHEMA = "holbaek"
HOLBAEK = "0316"  # Holbæk Kommune's kommunekode
# Sample layer -> jordbase table.
TABLES = {
    "excavations": "excavations", "excavation_points": "excavation_points",
    "receivers": "receivers", "disposal_sites": "disposal_sites", "area_types": "area_types",
    "contaminated_sites": "contaminated_sites", "roads": "roads", "local_plans": "planning_areas",
}
# What differs between two runs of a report: its time stamp and its charts' drawing ids.
UNSTABLE = re.compile(r"Generated \d{4}-\d\d-\d\d \d\d:\d\d|<svg.*?</svg>", re.S)

# Parameters of each run; "@layer" is a sample layer, from the GeoPackage or the jordbase.
CLASSIFY = {"AREA_TYPES": "@area_types", "AREA_TYPE_FIELD": "area_type",
            "CONTAMINATION": "@contaminated_sites"}
MATCH = {"SOURCES": "@excavations", "RECEIVERS": "@receivers", "DISPOSAL": "@disposal_sites",
         "AREA_TYPES": "@area_types", "CONTAMINATION": "@contaminated_sites", "ROADS": "@roads",
         "AREA_RULE": 1}
MATCH_OUTPUTS = ["OUTPUT_MATCHES", "OUTPUT_SOURCES", "OUTPUT_RECEIVERS"]
HAUL = {"SOURCES": "@excavations", "TARGETS": "@receivers", "ROADS": "@roads", "MAX_HAUL_KM": 15}
BALANCE = {"AREAS": "@local_plans", "AREA_ID_FIELD": "id", "SOURCES": "@excavations",
           "VOLUME_FIELD": "volume_m3", "DATE_FIELD": "start_date",
           "SOURCE_END_FIELD": "end_date", "RECEIVERS": "@receivers",
           "CAPACITY_FIELD": "capacity_m3", "RECEIVER_START_FIELD": "start_date",
           "RECEIVER_END_FIELD": "end_date"}


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
    # The same keys as the GeoPackage's feature ids, so that logs name the same rows.
    assert postgis_server.sql("jordressource", f"SELECT fid, id FROM {SCHEMA}.planning_areas "
                                               "ORDER BY fid LIMIT 2").split() == [
        "1|LP01.01", "2|LP01.02"]
    return postgis_server


class Inputs:
    """The sample's layers from the GeoPackage or from the jordbase, by sample layer name;
    ``instead`` gives other layers for some names."""

    def __init__(self, server=None, instead=None):
        self.server = server
        self.instead = instead or {}

    def __getitem__(self, layer):
        from qgis.core import QgsVectorLayer

        if layer in self.instead:
            return self.instead[layer]
        if self.server is None:
            found = QgsVectorLayer(f"{SAMPLE}|layername={layer}", layer, "ogr")
        else:
            found = QgsVectorLayer(self.server.uri(TABLES[layer], schema=SCHEMA), layer,
                                   "postgres")
        assert found.isValid(), layer
        return found


def rows(destination, drop=("municipality_code",)):
    """(sorted (attribute pairs, WKT), field names) of an output (the run's result: a file or a
    `postgres:` source), with the fields that only the jordbase has left out."""
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
        # No geometry: NULL in PostGIS, an empty point where QGIS's GeoPackage writer wrote one.
        found.append((values, None if geometry.isNull() or geometry.isEmpty()
                      else geometry.asWkt()))
    return sorted(found, key=repr), names


def run(run_algorithm, algorithm, parameters, outputs, inputs, tmp_path, tag, server=None,
        files=None, feedback=None):
    """(numbers, {output: rows}) of one run: outputs to GeoPackages, or to new PostGIS tables
    of ``server``; ``files`` {parameter: suffix} are file outputs, kept as their text."""
    given = {name: inputs[value[1:]] if isinstance(value, str) and value.startswith("@")
             else value for name, value in parameters.items()}
    prefix = f"{algorithm}_{tag}"
    if server is None:
        written = {name: str(tmp_path / f"{prefix}_{name.lower()}.gpkg") for name in outputs}
    else:
        written = {name: "postgres://" + server.uri(f"{prefix}_{name.lower()}")
                   for name in outputs}
    paths = {name: str(tmp_path / f"{prefix}.{suffix}") for name, suffix in (files or {}).items()}
    result = run_algorithm(algorithm, {**given, **written, **paths}, feedback=feedback)
    result.update({name: UNSTABLE.sub("", Path(path).read_text(encoding="utf-8"))
                   for name, path in paths.items()})
    numbers = {name: value for name, value in result.items() if name not in outputs}
    return numbers, {name: rows(result[name]) for name in outputs}


def both(run_algorithm, jordbase, tmp_path, algorithm, parameters, outputs, files=None):
    """The answers from the GeoPackage into GeoPackages and from the jordbase into PostGIS."""
    return [run(run_algorithm, algorithm, parameters, outputs, Inputs(server), tmp_path, kind,
                server, files) for kind, server in (("gpkg", None), ("postgis", jordbase))]


def assert_same(answers):
    """The second answer holds exactly the first's numbers and rows (it may have more fields:
    the jordbase's `municipality_code`)."""
    (expected_numbers, expected_rows), (numbers, found_rows) = answers
    for name, value in expected_numbers.items():  # texts compared line by line
        assert (numbers[name].splitlines() if isinstance(value, str) else numbers[name]) \
            == (value.splitlines() if isinstance(value, str) else value), name
    assert numbers.keys() == expected_numbers.keys()
    for name, (expected, fields) in expected_rows.items():
        found, found_fields = found_rows[name]
        assert set(fields) <= set(found_fields), name
        common = [(tuple(v for v in values if v[0] in fields), wkt) for values, wkt in found]
        assert len(expected) > 0, name
        assert common == expected, name


# --- the same answers from PostGIS into PostGIS --------------------------------------------

@pytest.mark.parametrize("layer", ["excavations", "excavation_points"])
def test_classify_area_types_reads_and_writes_postgis(run_algorithm, jordbase, tmp_path, layer):
    answers = both(run_algorithm, jordbase, tmp_path, "classify_area_types",
                   {**CLASSIFY, "INPUT": f"@{layer}"}, ["OUTPUT"])
    assert {dict(values)["area_type"] for values, _ in answers[0][1]["OUTPUT"][0]} == {
        "urban", "industrial"}
    assert_same(answers)


def test_match_reuse_reads_and_writes_postgis(run_algorithm, jordbase, tmp_path):
    answers = both(run_algorithm, jordbase, tmp_path, "match_reuse", MATCH, MATCH_OUTPUTS)
    assert answers[0][0]["REUSED_M3"] > 0
    assert_same(answers)


def test_haul_matrix_reads_and_writes_postgis(run_algorithm, jordbase, tmp_path):
    answers = both(run_algorithm, jordbase, tmp_path, "haul_matrix", HAUL,
                   ["OUTPUT", "OUTPUT_ROUTES"])
    assert answers[0][0]["PAIR_COUNT"] > 0
    assert_same(answers)


def test_soil_balance_reads_and_writes_postgis(run_algorithm, jordbase, tmp_path):
    # OUTPUT_TABLE has no geometry: a PostGIS table without a geometry column.
    answers = both(run_algorithm, jordbase, tmp_path, "soil_balance", BALANCE,
                   ["OUTPUT", "OUTPUT_TABLE"], {"OUTPUT_HTML": "html"})
    assert_same(answers)


def test_area_zones_reads_and_writes_postgis(run_algorithm, jordbase, tmp_path):
    answers = both(run_algorithm, jordbase, tmp_path, "area_zones", {
        "AREA_TYPES": "@area_types", "AREA_TYPE_FIELD": "area_type",
        "CONTAMINATION": "@contaminated_sites", "SOURCES": "@excavations",
        "RECEIVERS": "@receivers"}, ["OUTPUT"])
    assert answers[0][0]["ZONE_COUNT"] > 0
    assert_same(answers)


def test_earthwork_volumes_reads_and_writes_postgis(run_algorithm, jordbase, tmp_path):
    answers = both(run_algorithm, jordbase, tmp_path, "earthwork_volumes", {
        "INPUT": "@excavations", "DEM": str(sample_dir() / "holbaek_dem.tif"),
        "PLANNED_LEVEL_FIELD": "planned_level_m"}, ["OUTPUT"])
    assert_same(answers)


def test_soil_management_plan_reads_and_writes_postgis(run_algorithm, jordbase, tmp_path):
    answers = both(run_algorithm, jordbase, tmp_path, "soil_management_plan", {
        "PROJECT": "@excavations", "DEM": str(sample_dir() / "holbaek_dem.tif"),
        "PLANNED_LEVEL_FIELD": "planned_level_m", "AREA_TYPES": "@area_types",
        "CONTAMINATION": "@contaminated_sites", "RECEIVERS": "@receivers",
        "DISPOSAL": "@disposal_sites", "ROADS": "@roads"}, ["OUTPUT", "OUTPUT_OPTIONS"],
        {"OUTPUT_HTML": "html"})
    assert_same(answers)


@pytest.fixture(scope="module")
def storage(jordbase, tmp_path_factory):
    """Two storage sites near Holbæk: {"gpkg": a GeoPackage layer's source, "postgis": the
    jordbase's storage_sites holding the same rows}."""
    from postgis_server import append_features
    from qgis.core import (
        QgsCoordinateTransformContext,
        QgsFeature,
        QgsGeometry,
        QgsVectorFileWriter,
        QgsVectorLayer,
    )
    from qgis.PyQt.QtCore import QDate

    memory = QgsVectorLayer("MultiPolygon?crs=EPSG:25832&field=id:string&field=name:string"
                            "&field=storage_capacity_m3:double&field=max_soil_class:integer"
                            "&field=start_date:date&field=end_date:date", "storage", "memory")
    features = []
    for site, x, y, capacity in (("ST1", 662000, 6172000, 20000.0),
                                 ("ST2", 671000, 6167000, 8000.0)):
        feature = QgsFeature(memory.fields())
        feature.setAttributes([site, f"Jordhotel {site}", capacity, 2, QDate(2026, 1, 1),
                               QDate(2030, 12, 31)])
        feature.setGeometry(QgsGeometry.fromWkt(
            f"MULTIPOLYGON((({x} {y}, {x + 150} {y}, {x + 150} {y + 100}, {x} {y + 100}, "
            f"{x} {y})))"))
        features.append(feature)
    memory.dataProvider().addFeatures(features)
    path = tmp_path_factory.mktemp("storage") / "storage.gpkg"
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName, options.layerName = "GPKG", "storage_sites"
    error = QgsVectorFileWriter.writeAsVectorFormatV3(memory, str(path),
                                                      QgsCoordinateTransformContext(), options)
    assert error[0] == QgsVectorFileWriter.WriterError.NoError, error
    gpkg = QgsVectorLayer(f"{path}|layername=storage_sites", "storage_sites", "ogr")
    table = QgsVectorLayer(jordbase.uri("storage_sites", schema=SCHEMA), "storage_sites",
                           "postgres")
    assert append_features(gpkg, table, {"municipality_code": HOLBAEK}) == 2
    return {"gpkg": gpkg.source(), "postgis": table.source()}


def test_schedule_reuse_reads_and_writes_postgis(run_algorithm, jordbase, storage, tmp_path):
    parameters = {**MATCH, "STORAGE": "@storage_sites"}
    outputs = ["OUTPUT_FLOWS", "OUTPUT_STOCK", "OUTPUT_SITES"]
    from qgis.core import QgsVectorLayer

    answers = []
    for kind, server in (("gpkg", None), ("postgis", jordbase)):
        sites = QgsVectorLayer(storage[kind], "storage_sites",
                               "ogr" if server is None else "postgres")
        answers.append(run(run_algorithm, "schedule_reuse", parameters, outputs,
                           Inputs(server, {"storage_sites": sites}), tmp_path, kind, server,
                           {"OUTPUT_HTML": "html"}))
    assert answers[0][0]["REUSED_M3"] > 0
    assert_same(answers)


def test_check_movements_reads_and_writes_postgis(run_algorithm, jordbase, tmp_path):
    """A movement log carrying out match_reuse's plan in loads of 25 t, with one load to an
    unknown receiver and one far beyond a truck's payload, in the jordbase's movements table
    and in a GeoPackage; the plan is match_reuse's output in each."""
    from postgis_server import append_features
    from qgis.core import (
        QgsCoordinateTransformContext,
        QgsFeature,
        QgsVectorFileWriter,
        QgsVectorLayer,
    )
    from qgis.PyQt.QtCore import QDate

    plans = [run(run_algorithm, "match_reuse", MATCH, MATCH_OUTPUTS, Inputs(server),
                 tmp_path, f"plan_{kind}", server)
             for kind, server in (("gpkg", None), ("postgis", jordbase))]
    memory = QgsVectorLayer("LineString?crs=EPSG:25832&field=id:string&field=source_id:string"
                            "&field=receiver_id:string&field=tonnes:double&field=date:date",
                            "movements", "memory")
    rows = []
    for values, _ in plans[0][1]["OUTPUT_MATCHES"][0][:25]:
        match = dict(values)
        for _ in range(min(3, int(match["tonnes"] // 25) + 1)):
            rows.append([f"M{len(rows) + 1}", match["source_id"], match["receiver_id"], 25.0,
                         QDate(2027, 3, 1)])
    # The jordbase refuses a repeated id (movements_id_unique): deviations with ids of their own.
    rows += [[f"M{len(rows) + 1}", rows[0][1], "RC99", 12.5, QDate(2027, 3, 2)],
             [f"M{len(rows) + 2}", rows[0][1], rows[0][2], 400.0, QDate(2027, 3, 2)]]
    features = []
    for values in rows:
        feature = QgsFeature(memory.fields())
        feature.setAttributes(values)
        features.append(feature)
    memory.dataProvider().addFeatures(features)
    path = tmp_path / "movements.gpkg"
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName, options.layerName = "GPKG", "movements"
    error = QgsVectorFileWriter.writeAsVectorFormatV3(memory, str(path),
                                                      QgsCoordinateTransformContext(), options)
    assert error[0] == QgsVectorFileWriter.WriterError.NoError, error
    logs = {"gpkg": QgsVectorLayer(f"{path}|layername=movements", "movements", "ogr"),
            "postgis": QgsVectorLayer(jordbase.uri("movements", schema=SCHEMA), "movements",
                                      "postgres")}
    assert append_features(logs["gpkg"], logs["postgis"], {"municipality_code": HOLBAEK}) == \
        len(rows)

    # The plans as match_reuse wrote them (see ``run``): a GeoPackage, a PostGIS table.
    plan_layers = {
        "gpkg": QgsVectorLayer(str(tmp_path / "match_reuse_plan_gpkg_output_matches.gpkg"),
                               "plan", "ogr"),
        "postgis": QgsVectorLayer(jordbase.uri("match_reuse_plan_postgis_output_matches"),
                                  "plan", "postgres")}
    answers = [run(run_algorithm, "check_movements", {
        "MOVEMENTS": logs[kind], "SOURCES": "@excavations", "RECEIVERS": "@receivers",
        "AREA_TYPES": "@area_types", "CONTAMINATION": "@contaminated_sites", "ROADS": "@roads",
        "PLAN": plan_layers[kind], "TRUCK_PAYLOAD_T": 25.0}, ["OUTPUT", "OUTPUT_SUMMARY"],
        Inputs(server), tmp_path, kind, server, {"OUTPUT_HTML": "html"})
        for kind, server in (("gpkg", None), ("postgis", jordbase))]
    assert answers[0][0]["FLAGGED_COUNT"] >= 2
    assert_same(answers)


@pytest.mark.parametrize("pattern", ["runs", "mixed"])
def test_nulls_and_zeros_reach_postgis_as_written(jordbase, pattern):
    """QGIS 3.22's postgres provider writes a batch's column holding only NULLs and zeros (0,
    0.0, false, "") as one constant; the plugin's sinks hand it batches it writes right."""
    import random

    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsFeature,
        QgsField,
        QgsFields,
        QgsGeometry,
        QgsPointXY,
        QgsProcessingContext,
        QgsProcessingUtils,
        QgsVectorLayer,
        QgsWkbTypes,
    )
    from qgis.PyQt.QtCore import QVariant

    from jordressource_plugin.layers.frames import python_value
    from jordressource_plugin.layers.postgis import PostgresBatches

    kinds = {"volume": (QVariant.Double, 0.0, 12.5), "count": (QVariant.Int, 0, 3),
             "analysed": (QVariant.Bool, False, True), "note": (QVariant.String, "", "x")}
    fields = QgsFields()
    for name, (kind, _, _) in kinds.items():
        fields.append(QgsField(name, kind))
    draw = random.Random(16)
    rows = []
    for number in range(350):
        if pattern == "runs":  # long runs of NULL and of zero, nothing else, in every column
            rows.append([None if number // 7 % 2 else zero for _, zero, _ in kinds.values()])
        else:
            rows.append([draw.choice([None, zero, zero, other])
                         for _, zero, other in kinds.values()])
    table = f"nulls_{pattern}"
    sink, _ = QgsProcessingUtils.createFeatureSink(
        "postgres://" + jordbase.uri(table), QgsProcessingContext(), fields,
        QgsWkbTypes.Type.Point, QgsCoordinateReferenceSystem("EPSG:25832"))
    batches = PostgresBatches(sink, jordbase.uri(table), fields)
    for number, values in enumerate(rows):
        feature = QgsFeature(fields)
        feature.setAttributes(values + [])
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(680000 + number, 6170000)))
        assert batches.addFeature(feature)
    assert batches.flushBuffer()
    del sink, batches
    layer = QgsVectorLayer(jordbase.uri(table), table, "postgres")
    written = sorted((feature.geometry().asPoint().x(), feature.attributes())
                     for feature in layer.getFeatures())
    names = layer.fields().names()
    found = [[python_value(values[names.index(name)]) for name in kinds]
             for _, values in written]
    assert found == rows


def test_a_postgis_output_keeps_its_style_and_aliases_in_the_database(run_algorithm, jordbase):
    from qgis.core import QgsVectorLayer, QgsWkbTypes

    from jordressource_plugin import catalogue
    from jordressource_plugin.layers.outputs import field_aliases
    from jordressource_plugin.layers.styling import style_for_geometry
    from jordressource_plugin.resources import style_path

    # As Processing's "Save to PostGIS table" writes it: no key, QGIS picks one.
    table = jordbase.uri("styled_sites", key=None)
    inputs = Inputs(jordbase)
    for _ in range(2):  # a second run replaces the table and its style, keeps one of each
        run_algorithm("classify_area_types", {
            **CLASSIFY, "INPUT": inputs["excavations"], "AREA_TYPES": inputs["area_types"],
            "CONTAMINATION": inputs["contaminated_sites"], "OUTPUT": "postgis:" + table})
    output = catalogue.find("classify_area_types", "OUTPUT")
    style = style_for_geometry(output.style, QgsWkbTypes.Type.MultiPolygon)
    assert jordbase.sql("jordressource", "SELECT stylename, useasdefault, count(*) OVER () "
                                         "FROM public.layer_styles WHERE f_table_schema = "
                                         "'public' AND f_table_name = 'styled_sites'"
                        ).split() == [f"{style}|t|1"]
    assert jordbase.sql("jordressource", "SELECT count(*) FROM public.styled_sites").strip() \
        == "50"
    opened = QgsVectorLayer(table, "styled", "postgres")  # anyone, any project, qgis_process
    expected = QgsVectorLayer("MultiPolygon?crs=EPSG:25832", "expected", "memory")
    expected.loadNamedStyle(str(style_path(style)))
    assert opened.isValid() and opened.renderer().type() == expected.renderer().type()
    for name, alias in field_aliases(output).items():
        assert opened.attributeAlias(opened.fields().lookupField(name)) == alias, name


# --- reading only what a run needs ----------------------------------------------------------

FAR_FID = 1_000_000  # features far away get keys from here
FAR_COUNT = 10_000
HANDED_OUT = re.compile(r"jordressource-test handed out (\w+) (\d+)")


@pytest.fixture(scope="module")
def far(jordbase):
    """Area types and roads of the sample plus FAR_COUNT features each 150 km west in Jylland,
    behind views that log (RAISE LOG, in the server's log) every row they hand to a feature
    read. QGIS reads features by FETCH from a cursor; the extent and count queries it makes
    when it opens a layer are not logged."""
    jordbase.sql("jordressource", f"""
        CREATE SCHEMA far;
        CREATE FUNCTION far.handed_out(layer text, fid bigint) RETURNS boolean
        LANGUAGE plpgsql VOLATILE COST 100000 AS $body$
        BEGIN
            IF current_query() ~* '^fetch' THEN
                RAISE LOG 'jordressource-test handed out % %', layer, fid;
            END IF;
            RETURN true;
        END $body$;
        CREATE TABLE far.area_types AS SELECT * FROM {SCHEMA}.area_types;
        INSERT INTO far.area_types (fid, area_type, geom)
            SELECT {FAR_FID} + i, 'agricultural', ST_Multi(ST_MakeEnvelope(
                520000 + i % 100 * 300, 6200000 + i / 100 * 300,
                520000 + i % 100 * 300 + 250, 6200000 + i / 100 * 300 + 250, 25832))
            FROM generate_series(0, {FAR_COUNT - 1}) AS i;
        CREATE TABLE far.roads AS SELECT * FROM {SCHEMA}.roads;
        INSERT INTO far.roads (fid, road_class, geom)
            SELECT {FAR_FID} + i, 'local', ST_MakeLine(
                ST_MakePoint(520000 + i % 100 * 300, 6200000 + i / 100 * 300),
                ST_MakePoint(520000 + i % 100 * 300 + 300, 6200000 + i / 100 * 300))
            FROM generate_series(0, {FAR_COUNT - 1}) AS i;
        ALTER TABLE far.area_types ADD PRIMARY KEY (fid);
        ALTER TABLE far.roads ADD PRIMARY KEY (fid);
        CREATE INDEX ON far.area_types USING gist (geom);
        CREATE INDEX ON far.roads USING gist (geom);
        ANALYZE far.area_types;
        ANALYZE far.roads;
        CREATE VIEW far.area_types_logged AS
            SELECT * FROM far.area_types WHERE far.handed_out('area_types', fid);
        CREATE VIEW far.roads_logged AS
            SELECT * FROM far.roads WHERE far.handed_out('roads', fid);
    """)
    return jordbase


def far_layer(server, name):
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(server.uri(f"{name}_logged", schema="far"), name, "postgres")
    assert layer.isValid() and layer.featureCount() == layer_count(server, name) + FAR_COUNT
    return layer


def layer_count(server, name):
    return int(server.sql("jordressource", f"SELECT count(*) FROM {SCHEMA}.{name}"))


class ServerLog:
    """The rows the far views handed out since the start: {layer: [key, ...]}."""

    def __init__(self, server):
        self.path = server.root / "log"
        self.start = self.path.stat().st_size

    def handed_out(self):
        with open(self.path, encoding="utf-8", errors="replace") as log:
            log.seek(self.start)
            found = {}
            for layer, fid in HANDED_OUT.findall(log.read()):
                found.setdefault(layer, []).append(int(fid))
            return found


def read_counts(log, label):
    """[(read, of)] of each filtered read of ``label`` in an algorithm's log."""
    return [(int(re.sub(r"\D", "", read)), int(re.sub(r"\D", "", total)))
            for read, total in re.findall(rf"{label}: read ([\d,. ]+) of ([\d,. ]+) feature", log)]


def test_area_types_are_read_only_where_the_sites_are(run_algorithm, far, tmp_path,
                                                      recording_feedback):
    expected = run(run_algorithm, "classify_area_types", {**CLASSIFY, "INPUT": "@excavations"},
                   ["OUTPUT"], Inputs(), tmp_path, "gpkg")
    log = ServerLog(far)
    found = run(run_algorithm, "classify_area_types", {**CLASSIFY, "INPUT": "@excavations"},
                ["OUTPUT"], Inputs(far, {"area_types": far_layer(far, "area_types")}),
                tmp_path, "far", far, feedback=recording_feedback)
    assert_same([expected, found])
    handed_out = log.handed_out()["area_types"]
    assert handed_out and max(handed_out) < FAR_FID  # not one of Jylland's 10,000
    assert len(handed_out) < layer_count(far, "area_types")  # nor every one of Holbæk's
    (read, total), = read_counts(recording_feedback.log, "Area types")
    assert (read, total) == (len(handed_out), layer_count(far, "area_types") + FAR_COUNT)


def test_roads_are_read_only_within_reach_of_the_sites(run_algorithm, far, tmp_path,
                                                       recording_feedback):
    roads = far_layer(far, "roads")
    logs = {}
    for algorithm, parameters, outputs in (("match_reuse", MATCH, MATCH_OUTPUTS),
                                           ("haul_matrix", HAUL, ["OUTPUT", "OUTPUT_ROUTES"])):
        expected = run(run_algorithm, algorithm, parameters, outputs, Inputs(), tmp_path, "gpkg")
        log = ServerLog(far)
        recording_feedback.messages.clear()
        found = run(run_algorithm, algorithm, parameters, outputs,
                    Inputs(far, {"roads": roads}), tmp_path, "far", far,
                    feedback=recording_feedback)
        assert_same([expected, found])
        logs[algorithm] = recording_feedback.log
        handed_out = log.handed_out()["roads"]
        assert handed_out and max(handed_out) < FAR_FID, logs[algorithm]
        reads = read_counts(logs[algorithm], "Roads")
        assert reads and sum(read for read, _ in reads) == len(handed_out), algorithm
        assert {total for _, total in reads} == {layer_count(far, "roads") + FAR_COUNT}
    # The sample's disposal sites lie up to 42 km from its roads and 45 km south: the roads
    # are read again where a nearer road or a cheaper disposal site might be, still far from
    # Jylland's.
    assert "a site lies 41,851 m from the nearest road read" in logs["match_reuse"]
    assert "a cheaper disposal site might be reached" in logs["match_reuse"]
    assert len(read_counts(logs["match_reuse"], "Roads")) == 3
    assert len(read_counts(logs["haul_matrix"], "Roads")) == 1


def test_the_filter_changes_no_answer(run_algorithm, jordbase, tmp_path, monkeypatch):
    from jordressource_plugin.core.geometry import extent

    runs = [("classify_area_types", {**CLASSIFY, "INPUT": "@excavations"}, ["OUTPUT"]),
            ("classify_area_types", {**CLASSIFY, "INPUT": "@excavation_points"}, ["OUTPUT"]),
            ("match_reuse", MATCH, MATCH_OUTPUTS),
            ("match_reuse", {**MATCH, "MAX_HAUL_KM": 5, "TRANSPORT_COST_DKK_TKM": 0.5},
             MATCH_OUTPUTS),
            ("haul_matrix", HAUL, ["OUTPUT", "OUTPUT_ROUTES"])]
    filtered = [run(run_algorithm, algorithm, parameters, outputs, Inputs(jordbase), tmp_path,
                    f"filtered{k}", jordbase) for k, (algorithm, parameters, outputs)
                in enumerate(runs)]
    monkeypatch.setattr(extent, "grown", lambda bounds, margin: None)  # every layer whole
    for k, (algorithm, parameters, outputs) in enumerate(runs):
        whole = run(run_algorithm, algorithm, parameters, outputs, Inputs(jordbase), tmp_path,
                    f"whole{k}", jordbase)
        assert_same([whole, filtered[k]])
