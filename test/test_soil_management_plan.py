"""soil_management_plan through processing.run and qgis_process on a hand-made project whose
balanced levels, samples and options are known by hand."""
import re
from pathlib import Path

import numpy as np
import pytest

CRS = "EPSG:25832"
X0, Y0 = 700000.0, 6200000.0
SECTIONS = ("site_map", "volumes", "sampling", "options", "data_sheets", "sources")


@pytest.fixture
def dem(tmp_path, write_raster):
    """60 x 40 cells of 2 m rising 0.1 m per column: z = 10.05 + 0.1 · column."""
    return write_raster(tmp_path / "dem.tif", np.tile(10.05 + 0.1 * np.arange(60), (40, 1)),
                        (X0, Y0))


def rectangle(col0, row0, col1, row1):
    """WKT of the box over cells [col0, col1) x [row0, row1), 0.2 m inside their edges."""
    x0, x1 = X0 + 2 * col0 + 0.2, X0 + 2 * col1 - 0.2
    y0, y1 = Y0 - 2 * row1 + 0.2, Y0 - 2 * row0 - 0.2
    return f"POLYGON(({x0} {y0}, {x1} {y0}, {x1} {y1}, {x0} {y1}, {x0} {y0}))"


PROJECT_FIELDS = [("id", "string"), ("name", "string"), ("planned_level_m", "double"),
                  ("soil_class", "integer"), ("soil_type", "string")]


def project_rows():
    return [
        # B1: columns 20-39, mean 12.05..13.95 = 13.0 m over a level of 12: 1 m of surplus
        (rectangle(20, 0, 40, 20), ["B1", "Hus", 12.0, 1, "ler"]),
        # B2: columns 0-9, mean 10.5 m under a level of 14: 3.5 m of fill
        (rectangle(0, 0, 10, 20), ["B2", "Vej", 14.0, 2, "sand"]),
        # B3: off the DEM altogether
        (rectangle(500, 0, 510, 10), ["B3", "Uden for", 10.0, 1, None]),
    ]


@pytest.fixture
def project(make_layer):
    return make_layer("Polygon", CRS, PROJECT_FIELDS, project_rows(), name="byggeri")


@pytest.fixture
def receivers(make_layer):
    # R1 3 km east (3.9 km by road), R2 9 km west; R3 takes class 0 only
    return make_layer("Point", CRS, [("id", "string"), ("kind", "string"),
                                     ("capacity_m3", "double"), ("max_soil_class", "integer")],
                      [(f"POINT({X0 + 3040} {Y0 - 20})", ["R1", "pit", 500.0, 1]),
                       (f"POINT({X0 - 8960} {Y0 - 20})", ["R2", "utilisation", 5000.0, 3]),
                       (f"POINT({X0 + 1040} {Y0 - 20})", ["R3", "pit", 5000.0, 0])],
                      name="modtagere")


@pytest.fixture
def disposal(make_layer):
    return make_layer("Point", CRS, [("id", "string"), ("gate_fee_dkk_t", "double")],
                      [(f"POINT({X0 + 40} {Y0 + 19980})", ["D1", 60.0])], name="deponi")


def run_plan(run_algorithm, tmp_path, project, dem, **extra):
    parameters = {"PROJECT": project, "DEM": dem, "PLANNED_LEVEL_FIELD": "planned_level_m",
                  "OUTPUT": "memory:", "OUTPUT_OPTIONS": "memory:",
                  "OUTPUT_HTML": str(tmp_path / "plan.html"),
                  "OUTPUT_PDF": str(tmp_path / "plan.pdf")}
    parameters.update(extra)
    return run_algorithm("soil_management_plan", parameters)


def null(value):
    """NULL as QGIS gives it back: None, a null QVariant, or NaN."""
    from qgis.PyQt.QtCore import QVariant

    return value is None or (isinstance(value, QVariant) and value.isNull()) or value != value


def by_id(layer, *names):
    return {f["id"]: tuple(f[name] for name in names) for f in layer.getFeatures()}


def test_balanced_levels_volumes_and_samples_per_polygon(run_algorithm, tmp_path, project, dem,
                                                         receivers, disposal):
    result = run_plan(run_algorithm, tmp_path, project, dem, RECEIVERS=receivers,
                      DISPOSAL=disposal)
    rows = by_id(result["OUTPUT"], "balanced_level_m", "balanced_shift_m", "surplus_m3",
                 "fill_m3", "balance_note", "samples", "sampling_cost_dkk")
    level, shift, surplus, _, note, samples, cost = rows["B1"]
    assert level == pytest.approx(13.0, abs=1e-3) and shift == pytest.approx(1.0, abs=1e-3)
    assert surplus == pytest.approx(400 * 4 * 1.0)
    # 1,600 m³ x 1.8 t/m³ = 2,880 t at one sample per 120 t (no area types, not mapped): 24
    assert (samples, cost) == (24, 24 * 1250.0)
    assert rows["B2"][0] == pytest.approx(10.5, abs=1e-3)
    assert rows["B2"][3] == pytest.approx(3.5 * 200 * 4)
    assert null(rows["B2"][5])  # no surplus, no samples
    assert null(rows["B3"][0])
    assert rows["B3"][4] == "outside"
    assert result["PROJECT_SHIFT_M"] == pytest.approx((1600 - 2800) / 4 / 600, abs=1e-6)
    assert result["SAMPLES"] == 24 and result["SURPLUS_M3"] == pytest.approx(1600)


def test_options_are_ranked_by_cost_with_disposal_for_comparison(run_algorithm, tmp_path,
                                                                 project, dem, receivers,
                                                                 disposal):
    result = run_plan(run_algorithm, tmp_path, project, dem, RECEIVERS=receivers,
                      DISPOSAL=disposal, AREA_RULE=0)
    rows = [(f["source_id"], f["rank"], f["receiver_id"], f["receiver_kind"], f["distance_km"],
             f["cost_dkk_t"]) for f in result["OUTPUT_OPTIONS"].getFeatures()]
    rows.sort(key=lambda row: 99 if null(row[1]) else row[1])
    # B1 (class 1) from its centre (X0+60, Y0-20): R1 3 km x 1.3; R2 9.02 km x 1.3; R3 takes
    # class 0 only; disposal 20 km north x 1.3 at 60 DKK/t
    assert [r[2] for r in rows] == ["R1", "R2", "D1"]
    assert rows[0][1] == 1 and rows[1][1] == 2 and null(rows[2][1])
    assert rows[0][4] == pytest.approx(2.98 * 1.3, rel=1e-6)
    assert rows[0][5] == pytest.approx(2.0 * 2.98 * 1.3, rel=1e-6)
    assert rows[2][3] == "disposal"
    assert rows[2][5] == pytest.approx(2.0 * 20.0 * 1.3 + 60.0, rel=1e-6)
    assert all(r[0] == "B1" for r in rows)


def test_the_document_has_every_section_and_the_pdf_is_written(run_algorithm, tmp_path,
                                                               project, dem, receivers,
                                                               disposal):
    result = run_plan(run_algorithm, tmp_path, project, dem, RECEIVERS=receivers,
                      DISPOSAL=disposal, TITLE="Byggeri Nord")
    html = Path(result["OUTPUT_HTML"]).read_text(encoding="utf-8")
    for anchor in SECTIONS:
        assert f"id='{anchor}'" in html
    assert "Byggeri Nord" in html and html.count("<svg") == 2
    assert "R1" in html and "D1" in html and "BEK nr. 1452" in html
    data = Path(result["OUTPUT_PDF"]).read_bytes()
    assert data.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page\b", data)) >= 2


def test_without_receivers_the_catalogue_shows_disposal_only(run_algorithm, tmp_path, project,
                                                             dem):
    result = run_plan(run_algorithm, tmp_path, project, dem)
    kinds = [f["receiver_kind"] for f in result["OUTPUT_OPTIONS"].getFeatures()]
    assert kinds == ["disposal"]
    html = Path(result["OUTPUT_HTML"]).read_text(encoding="utf-8")
    assert "No receivers were given" in html


def test_a_project_in_another_crs_gives_the_same_levels(run_algorithm, tmp_path, make_layer, dem):
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsCoordinateTransform,
        QgsGeometry,
        QgsProject,
    )

    transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem(CRS),
                                       QgsCoordinateReferenceSystem("EPSG:4326"),
                                       QgsProject.instance())
    rows = []
    for wkt, values in project_rows():
        geometry = QgsGeometry.fromWkt(wkt)
        geometry.transform(transform)
        rows.append((geometry.asWkt(12), values))
    geographic = make_layer("Polygon", "EPSG:4326", PROJECT_FIELDS, rows)
    result = run_plan(run_algorithm, tmp_path, geographic, dem)
    levels = by_id(result["OUTPUT"], "balanced_level_m")
    assert levels["B1"][0] == pytest.approx(13.0, abs=1e-3)
    assert levels["B2"][0] == pytest.approx(10.5, abs=1e-3)


def test_the_regional_plan_choice_and_extra_cost(run_algorithm, tmp_path, project, dem,
                                                 receivers, disposal, make_layer):
    plan = make_layer("LineString", CRS, [("source_id", "string"), ("receiver_id", "string"),
                                          ("tonnes", "double")],
                      [(None, ["B1", "R2", 2880.0]), (None, ["Z9", "R1", 50.0])], name="plan")
    result = run_plan(run_algorithm, tmp_path, project, dem, RECEIVERS=receivers,
                      DISPOSAL=disposal, PLAN=plan, AREA_RULE=0)
    rows = {f["receiver_id"]: (f["in_plan"], f["plan_tonnes"], f["extra_cost_dkk_t"],
                               f["cost_dkk_t"])
            for f in result["OUTPUT_OPTIONS"].getFeatures()}
    assert rows["R2"][0] is True and rows["R2"][1] == pytest.approx(2880.0)
    assert rows["R2"][2] == pytest.approx(0.0, abs=1e-9)  # all of it went to R2
    assert rows["R1"][0] is False
    assert rows["R1"][2] == pytest.approx(rows["R1"][3] - rows["R2"][3])


def test_without_a_planned_surface_or_level_the_run_is_refused(run_algorithm, tmp_path, project,
                                                               dem):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="planned surface"):
        run_plan(run_algorithm, tmp_path, project, dem, PLANNED_LEVEL_FIELD=None)


@pytest.mark.qgis_process
def test_qgis_process_runs_the_plan(qgis_process, tmp_path, dem):
    import geopandas as gpd
    from shapely import wkt

    rows = project_rows()
    frame = gpd.GeoDataFrame({name: [values[i] for _, values in rows]
                              for i, (name, _) in enumerate(PROJECT_FIELDS)},
                             geometry=[wkt.loads(w) for w, _ in rows], crs=CRS)
    frame.to_file(tmp_path / "project.gpkg", layer="byggeri", driver="GPKG")
    out = qgis_process.run("jordressource:soil_management_plan", {
        "PROJECT": f"{tmp_path / 'project.gpkg'}|layername=byggeri", "DEM": dem,
        "PLANNED_LEVEL_FIELD": "planned_level_m", "OUTPUT": str(tmp_path / "plan.gpkg"),
        "OUTPUT_OPTIONS": str(tmp_path / "options.gpkg"),
        "OUTPUT_HTML": str(tmp_path / "plan.html"), "OUTPUT_PDF": str(tmp_path / "plan.pdf")})
    written = gpd.read_file(tmp_path / "plan.gpkg", layer="plan")
    assert out["results"]["SAMPLES"] == 24
    assert written.set_index("id").loc["B1", "balanced_level_m"] == pytest.approx(13.0, abs=1e-3)
    assert (tmp_path / "plan.pdf").stat().st_size > 1000


def test_polygons_without_terrain_and_a_missing_receiver_layer_are_said(run_algorithm, tmp_path,
                                                                       project, dem,
                                                                       recording_feedback):
    run_algorithm("soil_management_plan", {
        "PROJECT": project, "DEM": dem, "PLANNED_LEVEL_FIELD": "planned_level_m",
        "OUTPUT": "memory:", "OUTPUT_OPTIONS": "memory:",
        "OUTPUT_HTML": str(tmp_path / "plan.html")}, recording_feedback)
    assert any("outside the DEM" in m and "B3" in m for m in recording_feedback.messages)
    assert any("no balanced level" in w and "B3" in w for w in recording_feedback.warnings)
    assert any("disposal only" in w for w in recording_feedback.warnings)
    assert not (tmp_path / "plan.pdf").exists()  # no PDF asked for, none written


def test_the_document_labels_cover_the_document_and_come_in_danish(plugin):
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator

    from jordressource_plugin.algorithms.soil_management_plan import SoilManagementPlanAlgorithm
    from jordressource_plugin.core.project.plan_text import DEFAULT_LABELS

    algorithm = SoilManagementPlanAlgorithm()
    labels = algorithm.document_labels()
    assert set(labels) == set(DEFAULT_LABELS)
    for key, value in DEFAULT_LABELS.items():
        if isinstance(value, dict):
            assert set(labels[key]) == set(value), key
    catalogue = Path(__file__).resolve().parent.parent / "jordressource_plugin" / "i18n"
    translator = QTranslator()
    assert translator.load(str(catalogue / "jordressource_da.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        danish = algorithm.document_labels()
    finally:
        QCoreApplication.removeTranslator(translator)
    assert danish["options"] == "Mulighedskatalog"
    assert danish["site_map"] == "Situationsplan"
    assert danish["class_names"][2] == "lettere forurenet"


def test_a_batch_with_an_unreadable_class_stops_the_run_naming_it(run_algorithm, tmp_path,
                                                                 make_layer, dem):
    from qgis.core import QgsProcessingException

    fields = [(name, "string" if name == "soil_class" else kind) for name, kind in PROJECT_FIELDS]
    rows = [(wkt, [values[0], values[1], values[2], "klasse 2", values[4]])
            for wkt, values in project_rows()]
    with pytest.raises(QgsProcessingException, match=r"soil_class.*B1 = \"klasse 2\""):
        run_plan(run_algorithm, tmp_path, make_layer("Polygon", CRS, fields, rows), dem)
