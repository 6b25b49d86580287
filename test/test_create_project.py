"""create_project writes every layer and field of the data model, with Danish aliases and a
default style per layer stored in the GeoPackage."""
import sqlite3
from contextlib import closing

import pytest

from jordressource_plugin.core.project.datamodel import LAYERS

QGIS_TYPE_NAMES = {"string": "String", "integer": "Integer", "double": "Real", "date": "Date",
                   "datetime": "DateTime", "boolean": "Boolean"}


@pytest.fixture(scope="module")
def project(run_algorithm, tmp_path_factory):
    path = tmp_path_factory.mktemp("project") / "soil_project.gpkg"
    result = run_algorithm("create_project", {"OUTPUT": str(path), "CRS": "EPSG:25832"})
    return path, result


def test_reports_the_file_and_the_layer_count(project):
    path, result = project
    assert result["OUTPUT"] == str(path)
    assert result["LAYER_COUNT"] == len(LAYERS)


@pytest.mark.parametrize("spec", LAYERS, ids=lambda spec: spec.name)
def test_every_layer_has_the_data_model_fields_empty_in_the_crs(project, spec):
    from qgis.core import QgsVectorLayer, QgsWkbTypes

    layer = QgsVectorLayer(f"{project[0]}|layername={spec.name}", spec.name, "ogr")
    assert layer.isValid()
    assert layer.featureCount() == 0
    assert layer.crs().authid() == "EPSG:25832"
    assert QgsWkbTypes.displayString(layer.wkbType()) == spec.geometry
    names = [f.name() for f in layer.fields() if f.name() != "fid"]
    assert names == spec.field_names()
    for field in spec.fields:
        qgs_field = layer.fields().field(field.name)
        assert qgs_field.typeName() == QGIS_TYPE_NAMES[field.type], field.name


@pytest.mark.parametrize("spec", LAYERS, ids=lambda spec: spec.name)
def test_every_layer_opens_styled_with_danish_aliases(project, spec):
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(f"{project[0]}|layername={spec.name}", spec.name, "ogr")
    for field in spec.fields:
        assert layer.attributeAlias(layer.fields().lookupField(field.name)) == field.alias_da
    expected_renderer = "categorizedSymbol" if spec.name not in (
        "disposal_sites", "storage_sites", "planning_areas", "movements") else "singleSymbol"
    assert layer.renderer().type() == expected_renderer


def test_layer_styles_table_has_one_default_style_per_layer(project):
    with closing(sqlite3.connect(project[0])) as connection:
        rows = connection.execute(
            "SELECT f_table_name, styleName FROM layer_styles WHERE useAsDefault").fetchall()
    assert sorted(rows) == sorted((spec.name, spec.style) for spec in LAYERS)


def test_an_existing_file_is_replaced_not_appended(run_algorithm, tmp_path):
    path = tmp_path / "twice.gpkg"
    run_algorithm("create_project", {"OUTPUT": str(path)})
    run_algorithm("create_project", {"OUTPUT": str(path)})
    with closing(sqlite3.connect(path)) as connection:
        count = connection.execute("SELECT count(*) FROM layer_styles").fetchone()[0]
    assert count == len(LAYERS)


def test_another_crs_is_honoured(run_algorithm, tmp_path):
    from qgis.core import QgsVectorLayer

    path = tmp_path / "wgs84.gpkg"
    run_algorithm("create_project", {"OUTPUT": str(path), "CRS": "EPSG:4326"})
    layer = QgsVectorLayer(f"{path}|layername=receivers", "receivers", "ogr")
    assert layer.crs().authid() == "EPSG:4326"


@pytest.mark.qgis_process
def test_qgis_process_creates_the_project(qgis_process, tmp_path):
    path = tmp_path / "from_qgis_process.gpkg"
    result = qgis_process.run("jordressource:create_project",
                              {"OUTPUT": str(path), "CRS": "EPSG:25832"})
    assert result["results"]["LAYER_COUNT"] == len(LAYERS)
    with closing(sqlite3.connect(path)) as connection:
        tables = {row[0] for row in connection.execute("SELECT table_name FROM gpkg_contents")}
    assert {spec.name for spec in LAYERS} <= tables


def test_with_a_project_every_layer_is_loaded_on_completion(plugin, tmp_path):
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    processing.run("jordressource:create_project", {"OUTPUT": str(tmp_path / "desktop.gpkg")},
                   context=context, feedback=QgsProcessingFeedback())
    names = sorted(details.name for details in context.layersToLoadOnCompletion().values())
    assert names == sorted(spec.title_da for spec in LAYERS)


@pytest.mark.parametrize("where", ["/proc/jordressource/project.gpkg", "/proc/project.gpkg"])
def test_an_unwritable_place_is_a_clear_error(run_algorithm, where):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException,
                       match="cannot be written in the folder|Could not write"):
        run_algorithm("create_project", {"OUTPUT": where})
