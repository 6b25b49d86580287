"""Cancelling a run at any step leaves no output and returns no result; a late failure leaves
no earlier output either (atomic outputs, `layers/staging.py`).

Each long algorithm is run once with a feedback that counts its calls (progress, log lines),
then again cancelling at the N-th call for N spread over the whole run: every cancelled run must
raise, the output folder must hold exactly what it held before (a previous output at one of the
destinations unchanged, a GeoPackage's other layers untouched), and no staging folder may be
left behind."""
import os

import numpy as np
import pytest

CRS = "EPSG:25832"
X0, Y0 = 680000, 6170000  # Holbæk: where layers in EPSG:25832 belong
SAMPLES = 24  # cancellation points per algorithm, spread over its calls


def square(x, y, size):
    return f"POLYGON(({x} {y}, {x + size} {y}, {x + size} {y + size}, {x} {y + size}, {x} {y}))"


@pytest.fixture
def cancelling_feedback(qgis_app):
    """``cancelling_feedback(limit)``: a feedback that counts every progress change and log line
    and cancels at call ``limit`` (never when None); ``calls`` says how many it saw."""
    from qgis.core import QgsProcessingFeedback

    class CancelAt(QgsProcessingFeedback):
        def __init__(self, limit=None):
            super().__init__()
            self.limit, self.calls, self.seen = limit, 0, []
            self.progressChanged.connect(self.tick)

        def tick(self, *what):
            self.calls += 1
            self.seen.append(what)
            if self.limit is not None and self.calls >= self.limit:
                self.cancel()

        def pushInfo(self, info):
            self.tick(info)
            super().pushInfo(info)

        def pushWarning(self, warning):
            self.tick(warning)
            super().pushWarning(warning)

        def reportError(self, error, fatalError=False):
            self.tick(error)
            super().reportError(error, fatalError)

        def pushDebugInfo(self, info):
            self.tick()
            super().pushDebugInfo(info)

        def setProgressText(self, text):
            self.tick()
            super().setProgressText(text)

    return CancelAt


def sites(make_layer, kind, count, step):
    fields = [("id", "string"), ("volume_m3", "double"), ("capacity_m3", "double"),
              ("soil_class", "integer"), ("max_soil_class", "integer"),
              ("planned_level_m", "double")]
    return make_layer(kind, CRS, fields, [
        (f"POINT({X0 + step * k} {Y0 + 300 * (k % 2)})" if kind == "Point"
         else square(X0 + step * k, Y0, 20), [f"{kind[0]}{k}", 100.0 + k, 80.0, 1, 2, 9.0])
        for k in range(count)], name=kind.lower())


@pytest.fixture
def inputs(make_layer, write_raster, tmp_path):
    roads = make_layer("LineString", CRS, [("oneway", "string")], [
        (f"LINESTRING({X0 - 500} {Y0}, {X0 + 5000} {Y0})", [None]),
        (f"LINESTRING({X0 + 1000} {Y0}, {X0 + 1000} {Y0 + 300})", ["FT"]),
        (f"LINESTRING({X0 + 3000} {Y0}, {X0 + 3000} {Y0 + 300}, {X0 + 4000} {Y0 + 300})", [None]),
    ], name="roads")
    areas = make_layer("Polygon", CRS, [("id", "string"), ("area_type", "string"),
                                        ("name", "string")], [
        (square(X0 - 1000, Y0 - 1000, 3000), ["A", "byzone", "Nord"]),
        (square(X0 + 2000, Y0 - 1000, 3000), ["B", "landzone", "Syd"]),
    ], name="areas")
    dem = write_raster(tmp_path / "dem.tif", np.full((60, 60), 10.0) + np.arange(60) * 0.01,
                       (X0 - 10, Y0 + 110), cell=2.0)
    return {"sources": sites(make_layer, "Point", 6, 700),
            "receivers": sites(make_layer, "Point", 4, 1100),
            "polygons": sites(make_layer, "Polygon", 3, 30),
            "roads": roads, "areas": areas, "dem": dem}


def parameters(algorithm, inputs, folder):
    """Inputs and file outputs (several formats, one a layer in an existing GeoPackage)."""
    plan = f"ogr:dbname='{folder / 'plan.gpkg'}' table=\"result\" (geom)"
    return {
        "match_reuse": {
            "SOURCES": inputs["sources"], "RECEIVERS": inputs["receivers"],
            "ROADS": inputs["roads"], "AREA_TYPES": inputs["areas"], "AREA_RULE": 1,
            "OUTPUT_MATCHES": str(folder / "matches.gpkg"),
            "OUTPUT_SOURCES": str(folder / "sources.shp"), "OUTPUT_RECEIVERS": plan},
        "soil_balance": {
            "AREAS": inputs["areas"], "SOURCES": inputs["sources"],
            "RECEIVERS": inputs["receivers"], "OUTPUT": plan,
            "OUTPUT_TABLE": str(folder / "years.csv"),
            "OUTPUT_HTML": str(folder / "report.html")},
        "area_zones": {
            "AREA_TYPES": inputs["areas"], "SOURCES": inputs["sources"],
            "RECEIVERS": inputs["receivers"], "OUTPUT": str(folder / "zones.shp")},
        "earthwork_volumes": {
            "INPUT": inputs["polygons"], "DEM": inputs["dem"],
            "PLANNED_LEVEL_FIELD": "planned_level_m", "OUTPUT": plan,
            "OUTPUT_DIFFERENCE": str(folder / "depth.tif")},
        "haul_matrix": {
            "SOURCES": inputs["sources"], "TARGETS": inputs["receivers"],
            "ROADS": inputs["roads"], "ONEWAY_FIELD": "oneway",
            "OUTPUT": str(folder / "haul.gpkg"), "OUTPUT_ROUTES": plan},
        "export_plan_map": {
            "LAYERS": [inputs["roads"], inputs["sources"]], "COVERAGE": inputs["areas"],
            "DPI": 72, "OUTPUT": str(folder / "map.pdf"),
            "OUTPUT_PNG_FOLDER": str(folder / "png")},
        "soil_management_plan": {
            "PROJECT": inputs["polygons"], "DEM": inputs["dem"],
            "PLANNED_LEVEL_FIELD": "planned_level_m", "RECEIVERS": inputs["receivers"],
            "OUTPUT": plan, "OUTPUT_OPTIONS": str(folder / "options.gpkg"),
            "OUTPUT_HTML": str(folder / "plan.html"), "OUTPUT_PDF": str(folder / "plan.pdf")},
        "suggest_resource_sites": {
            "CANDIDATES": inputs["polygons"], "SOURCES": inputs["sources"], "SITE_COUNT": 2,
            "ROADS": inputs["roads"], "OUTPUT": plan,
            "OUTPUT_ASSIGNMENTS": str(folder / "assignments.gpkg"),
            "OUTPUT_SWEEP": str(folder / "sweep.csv")},
    }[algorithm]


def previous_outputs(folder):
    """The folder as an earlier run left it: a GeoPackage with another layer (and an older
    ``result``), and an old file at one destination; returns its fingerprint."""
    from osgeo import ogr

    folder.mkdir()
    data = ogr.GetDriverByName("GPKG").CreateDataSource(str(folder / "plan.gpkg"))
    for name in ("keep", "result"):
        layer = data.CreateLayer(name, geom_type=ogr.wkbPoint)
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetGeometry(ogr.CreateGeometryFromWkt(f"POINT({X0} {Y0})"))
        layer.CreateFeature(feature)
    data = None
    (folder / "matches.gpkg").write_bytes(b"an older file")
    (folder / "png").mkdir()
    (folder / "png" / "notes.txt").write_text("kept")
    return fingerprint(folder)


def fingerprint(folder):
    """Every file under ``folder`` with its size and content hash, and the plan's layers."""
    from osgeo import ogr

    files = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.name.startswith("plan.gpkg"):
            files[str(path.relative_to(folder))] = path.read_bytes()
    data = ogr.Open(str(folder / "plan.gpkg"))
    layers = {data.GetLayer(k).GetName(): data.GetLayer(k).GetFeatureCount()
              for k in range(data.GetLayerCount())}
    data = None
    names = sorted(os.listdir(folder))
    return names, files, layers


def cancel_points(feedback):
    """Call numbers to cancel at, up to the run's last one: QGIS logs the results after it."""
    calls = next((k for k, what in enumerate(feedback.seen)
                  if what and str(what[0]).startswith("Results:")), feedback.calls)
    return sorted({int(n) for n in np.linspace(1, calls, min(SAMPLES, calls))})


@pytest.mark.parametrize("algorithm", ["match_reuse", "soil_balance", "area_zones",
                                       "earthwork_volumes", "haul_matrix", "export_plan_map",
                                       "soil_management_plan", "suggest_resource_sites"])
def test_cancelling_at_any_step_leaves_no_output(run_algorithm, inputs, cancelling_feedback,
                                                 tmp_path, algorithm):
    from qgis.core import QgsProcessingException

    # A whole run first, in a folder of its own: how many calls there are, and what it writes.
    complete = tmp_path / "complete"
    previous_outputs(complete)
    counting = cancelling_feedback()
    results = run_algorithm(algorithm, parameters(algorithm, inputs, complete), counting)
    assert results and counting.calls > 3
    written = fingerprint(complete)

    folder = tmp_path / "out"
    before = previous_outputs(folder)
    assert written != before  # the whole run does write
    for limit in cancel_points(counting):
        with pytest.raises(QgsProcessingException, match="cancelled"):
            run_algorithm(algorithm, parameters(algorithm, inputs, folder),
                          cancelling_feedback(limit))
        assert fingerprint(folder) == before, f"cancelled at call {limit} of {counting.calls}"


@pytest.mark.parametrize("report", ["a_file/report.html", "taken.html"])
def test_an_unwritable_report_fails_before_anything_is_written(run_algorithm, inputs, tmp_path,
                                                               report):
    """soil_balance writes its layers, then its report: a report that cannot be written (its
    folder is a file, or its name a folder) fails the run before anything is written, with a
    message naming the report, not a traceback."""
    from qgis.core import QgsProcessingException

    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "a_file").write_text("x")
    (folder / "taken.html").mkdir()
    before = sorted(os.listdir(folder))
    with pytest.raises(QgsProcessingException, match="Soil balance report"):
        run_algorithm("soil_balance", {
            "AREAS": inputs["areas"], "SOURCES": inputs["sources"],
            "OUTPUT": str(folder / "balance.gpkg"), "OUTPUT_TABLE": str(folder / "y.csv"),
            "OUTPUT_HTML": str(folder / report)})
    assert sorted(os.listdir(folder)) == before


def test_failure_after_the_outputs_were_written_removes_them(run_algorithm, inputs, tmp_path,
                                                            monkeypatch):
    """The report's writer fails after both layers were written: nothing is left."""
    from qgis.core import QgsProcessingException

    from jordressource_plugin.core.balance import report

    def failing_report(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(report, "balance_report", failing_report)
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(QgsProcessingException, match="No space left on device"):
        run_algorithm("soil_balance", {
            "AREAS": inputs["areas"], "SOURCES": inputs["sources"],
            "OUTPUT": str(folder / "balance.gpkg"), "OUTPUT_TABLE": str(folder / "y.csv"),
            "OUTPUT_HTML": str(folder / "report.html")})
    assert os.listdir(folder) == []
