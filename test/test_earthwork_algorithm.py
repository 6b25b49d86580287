"""earthwork_volumes through processing.run and qgis_process, checked against QGIS's own raster
tools on the Lyngby DEM (DHM/Terræn resampled to 16 m, test/data/README.md)."""
import re
import sqlite3
from contextlib import closing
from pathlib import Path

import numpy as np
import pytest
import rasterio
from shapely.geometry import box

LYNGBY_DEM = Path(__file__).resolve().parent / "data" / "dem" / "dtm_lyngby_16m.tif"
CRS = "EPSG:25832"
X0, Y0 = 700000.0, 6200000.0  # upper-left corner of the small made-up rasters
ORIGIN = (X0, Y0)
LEVEL_M = 25.0  # the DEM runs 0-51 m, so most polygons have both cut and fill

# Irregular excavations over the Lyngby DEM (720000-724000 E, 6190000-6193000 N).
LYNGBY_POLYGONS = [
    ("a", "POLYGON((720130 6192870, 720610 6192905, 720777 6192405, 720300 6192250, "
          "720130 6192870))"),
    ("b", "POLYGON((721003 6191007, 721950 6191102, 722033 6190444, 721500 6190150, "
          "720990 6190503, 721003 6191007))"),
    ("c", "POLYGON((722511 6192511, 723877 6192600, 723905 6191003, 723333 6191777, "
          "722511 6192511))"),
    ("d", "MULTIPOLYGON(((720050 6190050, 720400 6190077, 720390 6190390, 720050 6190050)),"
          "((720500 6190500, 720800 6190500, 720800 6190800, 720500 6190500)))"),
    ("e", "POLYGON((721200 6192000, 722900 6192050, 722950 6191300, 721250 6191250, "
          "721200 6192000),"
          "(721700 6191800, 722300 6191800, 722300 6191500, 721700 6191500, 721700 6191800))"),
]


def lyngby_layer(make_layer, crs=CRS, level=LEVEL_M):
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsCoordinateTransform,
        QgsGeometry,
        QgsProject,
    )

    rows = []
    transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem(CRS),
                                       QgsCoordinateReferenceSystem(crs), QgsProject.instance())
    for key, wkt in LYNGBY_POLYGONS:
        geometry = QgsGeometry.fromWkt(wkt)
        geometry.transform(transform)
        rows.append((geometry.asWkt(17), [key, level]))
    return make_layer("MultiPolygon", crs, [("id", "string"), ("planned_level_m", "double")], rows)


def by_id(layer, *fields):
    return {f["id"]: tuple(f[name] for name in fields) for f in layer.getFeatures()}


def clipped_depth_raster(path, sign):
    """max(sign·(dem − level), 0) on the DEM's own grid, nodata kept: a cut or fill depth raster
    for QGIS's zonal statistics."""
    with rasterio.open(LYNGBY_DEM) as dem:
        values = dem.read(1).astype(np.float64)
        profile = dem.profile
        nodata = values == dem.nodata
    depth = np.clip(sign * (values - LEVEL_M), 0, None)
    depth[nodata] = -9999.0
    profile.update(dtype="float64", nodata=-9999.0)
    with rasterio.open(path, "w", **profile) as out:
        out.write(depth, 1)
    return str(path)


def run_earthwork(run_algorithm, feedback=None, **parameters):
    defaults = {"DEM": str(LYNGBY_DEM), "PLANNED_LEVEL_FIELD": "planned_level_m",
                "OUTPUT": "memory:"}
    defaults.update(parameters)
    return run_algorithm("earthwork_volumes", defaults, feedback)


def test_volumes_agree_with_qgis_zonal_statistics(run_algorithm, make_layer, tmp_path):
    import processing

    layer = lyngby_layer(make_layer)
    result = run_earthwork(run_algorithm, INPUT=layer)
    ours = by_id(result["OUTPUT"], "cut_m3", "fill_m3", "valid_share")
    with rasterio.open(LYNGBY_DEM) as dem:
        cell_area = abs(dem.transform.a * dem.transform.e)
    for column, sign in (("cut", 1), ("fill", -1)):
        raster = clipped_depth_raster(tmp_path / f"{column}.tif", sign)
        stats = processing.run("native:zonalstatisticsfb", {
            "INPUT": layer, "INPUT_RASTER": raster, "RASTER_BAND": 1, "COLUMN_PREFIX": "z_",
            "STATISTICS": [0, 1], "OUTPUT": "memory:"})["OUTPUT"]
        theirs = by_id(stats, "z_sum", "z_count")
        for key, (cut, fill, share) in ours.items():
            expected = theirs[key][0] * cell_area
            assert (cut if sign > 0 else fill) == pytest.approx(expected, rel=1e-6), key
            assert share == 1.0
    assert sum(1 for cut, fill, _ in ours.values() if cut > 0 and fill > 0) >= 3


def test_whole_dem_cut_agrees_with_qgis_raster_surface_volume(run_algorithm, make_layer):
    import processing

    whole = make_layer("Polygon", CRS, [("id", "string"), ("planned_level_m", "double")],
                       [("POLYGON((719990 6189990, 724010 6189990, 724010 6193010, "
                         "719990 6193010, 719990 6189990))", ["all", LEVEL_M])])
    ours = by_id(run_earthwork(run_algorithm, INPUT=whole)["OUTPUT"], "cut_m3", "fill_m3")["all"]
    above, below = (processing.run("native:rastersurfacevolume", {
        "INPUT": str(LYNGBY_DEM), "BAND": 1, "LEVEL": LEVEL_M, "METHOD": method,
        "OUTPUT_TABLE": "memory:"})["VOLUME"] for method in (0, 1))
    assert ours[0] == pytest.approx(above, rel=1e-6)
    assert ours[1] == pytest.approx(abs(below), rel=1e-6)


def test_polygons_in_another_crs_give_the_same_volumes(run_algorithm, make_layer):
    utm = by_id(run_earthwork(run_algorithm, INPUT=lyngby_layer(make_layer))["OUTPUT"],
                "cut_m3", "fill_m3")
    degrees = by_id(run_earthwork(run_algorithm, INPUT=lyngby_layer(make_layer, "EPSG:4326"))
                    ["OUTPUT"], "cut_m3", "fill_m3")
    for key in utm:
        assert degrees[key] == pytest.approx(utm[key], rel=1e-9)


def test_totals_and_derived_fields(run_algorithm, make_layer):
    result = run_earthwork(run_algorithm, INPUT=lyngby_layer(make_layer), BULKING_FACTOR=1.3,
                           DENSITY_T_M3=2.0)
    rows = list(result["OUTPUT"].getFeatures())
    for row in rows:
        assert row["net_m3"] == pytest.approx(row["cut_m3"] - row["fill_m3"])
        assert row["surplus_m3"] == pytest.approx(max(row["net_m3"], 0.0))
        assert row["loose_m3"] == pytest.approx(row["surplus_m3"] * 1.3)
        assert row["tonnes"] == pytest.approx(row["surplus_m3"] * 2.0)
    assert result["SURPLUS_M3"] == pytest.approx(sum(r["surplus_m3"] for r in rows))
    assert result["CUT_M3"] == pytest.approx(sum(r["cut_m3"] for r in rows))
    assert result["TONNES"] == pytest.approx(result["SURPLUS_M3"] * 2.0)


def test_planned_surface_raster_replaces_the_level(run_algorithm, make_layer, tmp_path):
    with rasterio.open(LYNGBY_DEM) as dem:
        profile = dem.profile
    planned = tmp_path / "planned.tif"
    with rasterio.open(planned, "w", **profile) as out:
        out.write(np.full((profile["height"], profile["width"]), LEVEL_M, dtype="float32"), 1)
    layer = lyngby_layer(make_layer)
    by_level = by_id(run_earthwork(run_algorithm, INPUT=layer)["OUTPUT"], "cut_m3", "fill_m3")
    by_raster = by_id(run_earthwork(run_algorithm, INPUT=layer, PLANNED_LEVEL_FIELD=None,
                                    PLANNED_SURFACE=str(planned))["OUTPUT"], "cut_m3", "fill_m3")
    assert by_raster == pytest.approx(by_level)


def test_unusable_polygons_get_null_volumes_and_are_named_in_the_log(
        run_algorithm, make_layer, tmp_path, write_raster, recording_feedback):
    dem = write_raster(tmp_path / "dem.tif", np.full((5, 5), 12.0), ORIGIN)
    # Cell centres lie at odd metres from the corner: this square holds 4 x 4 of them.
    inside = box(X0 + 0.5, Y0 - 8.5, X0 + 8.5, Y0 - 0.5).wkt
    far = f"POLYGON(({X0 + 500} {Y0}, {X0 + 510} {Y0}, {X0 + 510} {Y0 + 10}, {X0 + 500} {Y0}))"
    layer = make_layer("Polygon", CRS, [("id", "string"), ("planned_level_m", "double")], [
        (inside, ["ok", 10.0]), (inside, ["nolevel", None]), (far, ["outside", 10.0]),
        (None, ["nogeom", 10.0])])
    result = run_earthwork(run_algorithm, recording_feedback, INPUT=layer, DEM=dem)
    rows = by_id(result["OUTPUT"], "cut_m3", "surplus_m3", "valid_share")
    assert rows["ok"] == pytest.approx((16 * 2.0 * 4, 16 * 2.0 * 4, 1.0))
    assert rows["nolevel"][:2] == (None, None)
    assert rows["outside"] == (None, None, 0.0)
    assert "nogeom" not in rows
    fids = {f["id"]: f.id() for f in layer.getFeatures()}
    log = recording_feedback.log
    assert f"outside the DEM and get no volume: ids {fids['outside']}" in log
    assert f"no numeric planned level and get no volume: ids {fids['nolevel']}" in log
    assert f"without geometry, ids {fids['nogeom']}" in log
    assert result["SURPLUS_M3"] == pytest.approx(128.0)


@pytest.mark.parametrize("case, message", [
    ("no_planned", "Give the planned surface"),
    ("geographic_dem", "geographic CRS (degrees)"),
    ("dem_without_crs", "has no coordinate reference system"),
    ("empty_layer", "has no polygons"),
    ("difference_not_tif", "give it a .tif name"),
])
def test_bad_input_is_refused_with_a_clear_message(run_algorithm, make_layer, tmp_path,
                                                   write_raster, case, message):
    from qgis.core import QgsProcessingException

    layer = lyngby_layer(make_layer)
    parameters = {"INPUT": layer}
    if case == "no_planned":
        parameters["PLANNED_LEVEL_FIELD"] = None
    elif case == "geographic_dem":
        parameters["DEM"] = write_raster(tmp_path / "deg.tif", np.ones((3, 3)), cell=0.001,
                                         crs="EPSG:4326", origin=(12.5, 55.8))
    elif case == "dem_without_crs":
        parameters["DEM"] = write_raster(tmp_path / "nocrs.tif", np.ones((3, 3)), ORIGIN,
                                         crs=None)
    elif case == "empty_layer":
        parameters["INPUT"] = make_layer("Polygon", CRS, [("planned_level_m", "double")], [])
    elif case == "difference_not_tif":
        parameters["OUTPUT_DIFFERENCE"] = str(tmp_path / "depth.asc")
    with pytest.raises(QgsProcessingException, match=re.escape(message)):
        run_earthwork(run_algorithm, **parameters)


@pytest.mark.parametrize("case, note", [
    ("dem_without_nodata", "declares no nodata value: every cell is taken as data"),
    ("coarser_planned_surface", "interpolated bilinearly at the centre of each DEM cell"),
    ("planned_surface_without_crs", "has no CRS; it is taken to be in the DEM's, EPSG:25832"),
    ("raster_and_field", "the raster is used and the field ignored"),
])
def test_raster_notes_in_the_log(run_algorithm, make_layer, tmp_path, write_raster,
                                 recording_feedback, case, note):
    dem = write_raster(tmp_path / "dem.tif", np.full((6, 6), 12.0), ORIGIN,
                       nodata=None if case == "dem_without_nodata" else -9999.0)
    square = box(X0 + 0.5, Y0 - 8.5, X0 + 8.5, Y0 - 0.5).wkt
    layer = make_layer("Polygon", CRS, [("id", "string"), ("planned_level_m", "double")],
                       [(square, ["a", 10.0])])
    parameters = {"INPUT": layer, "DEM": dem}
    if case != "dem_without_nodata":
        parameters["PLANNED_SURFACE"] = write_raster(
            tmp_path / "planned.tif", np.full((4, 4), 10.0), ORIGIN, cell=3.0,
            crs=None if case == "planned_surface_without_crs" else CRS)
        parameters["PLANNED_LEVEL_FIELD"] = ("planned_level_m" if case == "raster_and_field"
                                             else None)
    result = run_earthwork(run_algorithm, recording_feedback, **parameters)
    assert note in recording_feedback.log
    assert result["CUT_M3"] == pytest.approx(16 * 2.0 * 4)


def test_difference_raster_is_written_and_styled(run_algorithm, make_layer, tmp_path):
    path = tmp_path / "depth.tif"
    result = run_earthwork(run_algorithm, INPUT=lyngby_layer(make_layer),
                           OUTPUT_DIFFERENCE=str(path))
    assert result["OUTPUT_DIFFERENCE"] == str(path)
    assert path.with_suffix(".qml").exists()
    with rasterio.open(path) as depth, rasterio.open(LYNGBY_DEM) as dem:
        values = depth.read(1, masked=True)
        assert depth.crs == dem.crs and depth.res == dem.res
        cell_area = abs(depth.transform.a * depth.transform.e)
    assert values.min() < 0 < values.max()
    # The polygons do not overlap, so the map holds each counted cell once.
    rows = list(result["OUTPUT"].getFeatures())
    assert values.clip(0, None).sum() * cell_area == pytest.approx(
        sum(f["cut_m3"] for f in rows), rel=1e-6)
    assert -values.clip(None, 0).sum() * cell_area == pytest.approx(
        sum(f["fill_m3"] for f in rows), rel=1e-6)


def test_surplus_is_a_volume_field_match_reuse_can_read(run_algorithm, make_layer):
    from qgis.core import QgsField
    from qgis.PyQt.QtCore import QVariant

    output = run_earthwork(run_algorithm, INPUT=lyngby_layer(make_layer))["OUTPUT"]
    field: QgsField = output.fields().field("surplus_m3")
    assert field.type() == QVariant.Double
    assert all(f["surplus_m3"] >= 0 for f in output.getFeatures())


@pytest.mark.qgis_process
def test_qgis_process_runs_earthwork_volumes(qgis_process, tmp_path):
    import geopandas as gpd
    from shapely import wkt

    frame = gpd.GeoDataFrame({"id": [k for k, _ in LYNGBY_POLYGONS],
                              "planned_level_m": [LEVEL_M] * len(LYNGBY_POLYGONS)},
                             geometry=[wkt.loads(w) for _, w in LYNGBY_POLYGONS], crs=CRS)
    frame.to_file(tmp_path / "excavations.gpkg", layer="excavations", driver="GPKG")
    out = qgis_process.run("jordressource:earthwork_volumes", {
        "INPUT": f"{tmp_path / 'excavations.gpkg'}|layername=excavations",
        "DEM": str(LYNGBY_DEM), "PLANNED_LEVEL_FIELD": "planned_level_m",
        "OUTPUT": str(tmp_path / "volumes.gpkg"), "OUTPUT_DIFFERENCE": str(tmp_path / "depth.tif")})
    written = gpd.read_file(tmp_path / "volumes.gpkg", layer="volumes")
    assert out["results"]["SURPLUS_M3"] == pytest.approx(written["surplus_m3"].sum())
    assert out["results"]["CUT_M3"] > 0 and (written["valid_share"] == 1.0).all()
    assert (tmp_path / "depth.qml").exists()
    with closing(sqlite3.connect(tmp_path / "volumes.gpkg")) as styles:
        assert ("earthwork",) in styles.execute("SELECT styleName FROM layer_styles").fetchall()
