"""PostGIS as the shared database: algorithms read their inputs from PostGIS tables and write
their outputs to new ones, on a server the test starts itself (loopback only) and stops."""
import os

import pytest
from postgis_server import PostgisServer, postgres_bin_dir

pytestmark = pytest.mark.postgis


@pytest.fixture(scope="module")
def postgis():
    bin_dir = postgres_bin_dir()
    if bin_dir is None:
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL is not installed; 'make setup' installs it")
        pytest.skip("PostgreSQL is not installed (make setup installs it)")
    server = PostgisServer(bin_dir).start()
    yield server
    server.stop()


def _export(layer, server, table):
    from qgis.core import QgsVectorLayerExporter

    error, message = QgsVectorLayerExporter.exportLayer(
        layer, server.uri(table), "postgres", layer.crs(), False, {"overwrite": True})
    assert error == QgsVectorLayerExporter.NoError, message


def test_classify_reads_from_and_writes_to_postgis(plugin, run_algorithm, make_layer, postgis):
    from qgis.core import QgsVectorLayer

    areas = make_layer("Polygon", "EPSG:25832", [("area_type", "string")], [
        ("POLYGON((0 0, 100 0, 100 100, 0 100, 0 0))", ["Byzone"]),
        ("POLYGON((100 0, 200 0, 200 100, 100 100, 100 0))", ["Beregnet landzone"])])
    sites = make_layer("Point", "EPSG:25832", [("id", "string")], [
        ("POINT(50 50)", ["a"]), ("POINT(150 50)", ["b"]), ("POINT(500 500)", ["c"])])
    _export(areas, postgis, "area_types")
    _export(sites, postgis, "excavations")
    areas_pg = QgsVectorLayer(postgis.uri("area_types"), "area_types", "postgres")
    sites_pg = QgsVectorLayer(postgis.uri("excavations"), "excavations", "postgres")
    assert areas_pg.isValid() and sites_pg.isValid()

    output = "postgres://" + postgis.uri("classified", key="id")
    run_algorithm("classify_area_types", {
        "INPUT": sites_pg, "AREA_TYPES": areas_pg, "AREA_TYPE_FIELD": "area_type",
        "OUTPUT": output})

    rows = postgis.sql("jordressource",
                       "SELECT id, area_type, free_move FROM classified ORDER BY id")
    assert rows.split() == ["a|urban|t", "b|agricultural|t", "c|other|f"]
