"""The output catalogue is the one source of the outputs' titles, styles and fields: it covers
every output of every algorithm and nothing else, agrees with the engine's columns, and what it
says reaches the written layers (field types and Danish aliases), whatever QGIS version."""
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from jordressource_plugin import catalogue

ROOT = Path(__file__).resolve().parent.parent
CRS = "EPSG:25832"


def _destinations():
    """(algorithm id, output parameter name, its description) of every registered algorithm."""
    from jordressource_plugin.algorithms import ALGORITHM_CLASSES

    for cls in ALGORITHM_CLASSES:
        algorithm = cls()
        algorithm.initAlgorithm()
        for parameter in algorithm.destinationParameterDefinitions():
            yield cls.ALGORITHM_ID, parameter.name(), parameter.description()


def test_every_output_of_every_algorithm_is_catalogued_and_nothing_else(qgis_app):
    from jordressource_plugin.layers.outputs import output_title

    destinations = list(_destinations())
    for algorithm_id, name, description in destinations:
        entry = catalogue.find(algorithm_id, name)
        assert entry is not None, f"{algorithm_id} {name} is not in the catalogue"
        assert description == output_title(entry)
    assert {(algorithm_id, name) for algorithm_id, name, _ in destinations} == {
        (entry.algorithm, entry.name) for entry in catalogue.OUTPUTS}


def test_every_style_and_field_type_named_exists(qgis_app):
    from jordressource_plugin.qt_compat import FIELD_TYPES
    from jordressource_plugin.resources import style_path

    for entry in catalogue.OUTPUTS:
        assert not entry.style or style_path(entry.style).exists(), entry.style
        assert all(field.type in FIELD_TYPES for field in entry.fields), entry.name
        assert len(set(entry.field_names())) == len(entry.fields), entry.name
        assert (entry.kind in (catalogue.VECTOR, catalogue.TABLE)) or not entry.fields


def test_catalogue_fields_are_the_engines_columns():
    from jordressource_plugin.core.area.zones import ZONE_COLUMNS
    from jordressource_plugin.core.balance.soil_balance import BALANCE_COLUMNS

    assert catalogue.output("soil_balance", "OUTPUT").field_names() == BALANCE_COLUMNS
    # The engine numbers a zone's boundary by position; the algorithm writes the boundary's id.
    assert catalogue.output("area_zones", "OUTPUT").field_names() == [
        "boundary_id" if name == "boundary" else name for name in ZONE_COLUMNS]


def test_catalogue_reads_without_qgis():
    import subprocess
    import sys

    code = ("import sys; sys.modules['qgis'] = None; "
            "from jordressource_plugin import catalogue; print(len(catalogue.OUTPUTS))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) == len(catalogue.OUTPUTS)


@pytest.mark.parametrize("kind, value", [
    ("string", "Holbæk"), ("integer", 3), ("double", 12.5), ("boolean", True)])
def test_compat_field_types_hold_their_values(qgis_app, make_layer, kind, value):
    from qgis.core import QgsFeature

    from jordressource_plugin.qt_compat import new_field

    layer = make_layer("Point", CRS, [], [])
    assert layer.dataProvider().addAttributes([new_field("value", kind, "Værdi")])
    layer.updateFields()
    feature = QgsFeature(layer.fields())
    feature.setAttributes([value])
    layer.dataProvider().addFeatures([feature])
    assert next(layer.getFeatures())["value"] == value


def test_compat_date_field_holds_a_date(qgis_app, make_layer):
    from qgis.core import QgsFeature
    from qgis.PyQt.QtCore import QDate

    from jordressource_plugin.qt_compat import new_field

    layer = make_layer("Point", CRS, [], [])
    layer.dataProvider().addAttributes([new_field("day", "date")])
    layer.updateFields()
    feature = QgsFeature(layer.fields())
    feature.setAttributes([QDate(2026, 5, 1)])
    layer.dataProvider().addFeatures([feature])
    assert next(layer.getFeatures())["day"] == QDate(2026, 5, 1)


def test_output_fields_keep_the_input_and_replace_same_names(qgis_app, make_layer):
    from jordressource_plugin.layers.outputs import output_fields

    sites = make_layer("Point", CRS, [("id", "string"), ("area_type", "integer")], [])
    fields = output_fields(catalogue.output("classify_area_types", "OUTPUT"), sites.fields())
    assert fields.names() == ["id", "area_type", "area_share", "contamination_suspected",
                              "free_move"]
    assert not fields.field("area_type").isNumeric()  # the input's integer field is replaced
    # Aliases come with the style after the run: a sink's fields carry none (3.40 warns).
    assert fields.field("area_share").alias() == ""


def test_aliases_are_danish_in_danish(qgis_app):
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator

    from jordressource_plugin.layers.outputs import field_aliases, output_title

    translator = QTranslator()
    assert translator.load(str(ROOT / "jordressource_plugin" / "i18n" / "jordressource_da.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        matches = catalogue.output("match_reuse", "OUTPUT_MATCHES")
        aliases, title = field_aliases(matches), output_title(matches)
    finally:
        QCoreApplication.removeTranslator(translator)
    assert title == "Genanvendelsesmatch"
    assert aliases["distance_km"] == "Køreafstand (km)"
    assert aliases["same_area_type"] == "Samme områdetype"


def _classify_inputs(make_layer):
    square = "Polygon((700000 6170000, 701000 6170000, 701000 6171000, 700000 6171000, " \
             "700000 6170000))"
    sites = make_layer("Point", CRS, [("id", "string")],
                       [("Point(700500 6170500)", ["S1"]), ("Point(705000 6175000)", ["S2"])])
    areas = make_layer("Polygon", CRS, [("area_type", "string")], [(square, ["urban"])])
    return {"INPUT": sites, "AREA_TYPES": areas, "DISTANCE_CRS": CRS}


def test_a_temporary_output_has_the_catalogues_aliases(run_algorithm, make_layer):
    result = run_algorithm("classify_area_types",
                           {**_classify_inputs(make_layer), "OUTPUT": "TEMPORARY_OUTPUT"})
    layer = result["OUTPUT"]
    entry = catalogue.output("classify_area_types", "OUTPUT")
    assert [layer.attributeAlias(layer.fields().lookupField(field.name))
            for field in entry.fields] == [field.alias for field in entry.fields]
    assert layer.attributeAlias(layer.fields().lookupField("id")) == ""  # the input's own


def test_a_geopackage_output_stores_its_aliases_with_its_style(run_algorithm, make_layer,
                                                               tmp_path):
    from qgis.core import QgsVectorLayer

    path = tmp_path / "classified.gpkg"
    run_algorithm("classify_area_types", {**_classify_inputs(make_layer), "OUTPUT": str(path)})
    with closing(sqlite3.connect(path)) as connection:
        assert connection.execute("SELECT styleName FROM layer_styles").fetchall() == [
            ("classified_sites_points",)]
    layer = QgsVectorLayer(str(path), "classified", "ogr")  # opened as QGIS opens a file
    assert layer.attributeAlias(layer.fields().lookupField("free_move")) == "Free movement"


def test_a_table_output_without_style_gets_its_aliases_beside_it(run_algorithm, make_layer,
                                                                   tmp_path):
    from qgis.core import QgsVectorLayer

    square = "Polygon((700000 6170000, 701000 6170000, 701000 6171000, 700000 6171000, " \
             "700000 6170000))"
    areas = make_layer("Polygon", CRS, [("id", "string")], [(square, ["A"])])
    sources = make_layer("Point", CRS, [("volume_m3", "double")],
                         [("Point(700500 6170500)", [100.0])])
    table = tmp_path / "years.csv"
    run_algorithm("soil_balance", {"AREAS": areas, "SOURCES": sources, "OUTPUT": "memory:",
                                   "OUTPUT_TABLE": str(table),
                                   "OUTPUT_HTML": str(tmp_path / "report.html")})
    assert table.with_suffix(".qml").exists()
    layer = QgsVectorLayer(str(table), "years", "ogr")
    assert layer.attributeAlias(layer.fields().lookupField("year")) == "Year"


def test_plan_map_recognises_outputs_by_their_catalogued_fields(qgis_app, make_layer):
    from jordressource_plugin.layout.map_layers import jordressource_output

    def layer_with(names, geometry="LineString"):
        return make_layer(geometry, CRS, [(name, "string") for name in names], [])

    haul = catalogue.output("haul_matrix", "OUTPUT").field_names()
    assert jordressource_output(layer_with(haul)).name == "OUTPUT"  # routes share its fields
    zones = catalogue.output("area_zones", "OUTPUT").field_names()
    balance = catalogue.output("soil_balance", "OUTPUT").field_names()
    # A soil balance run on zones carries both sets of fields: the zones are the more specific.
    assert jordressource_output(layer_with(zones + balance, "Polygon")).algorithm == "area_zones"
    assert jordressource_output(layer_with(["id"] + balance, "Polygon")).algorithm == \
        "soil_balance"
    assert jordressource_output(layer_with(haul[:3])) is None
    flows = catalogue.output("schedule_reuse", "OUTPUT_FLOWS").field_names()
    assert jordressource_output(layer_with(flows)).name == "OUTPUT_FLOWS"
    sites = catalogue.output("schedule_reuse", "OUTPUT_SITES").field_names()
    assert jordressource_output(layer_with(["id"] + sites, "Polygon")).style == "schedule_sites"
