"""Soil balance by planning area: hand sums, the year split, bad input, the report, and runs
through processing.run and qgis_process."""
import datetime

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

CRS = "EPSG:25832"
HOLBAEK = (680000, 6170000)  # where the layers run through QGIS are placed
# Areas: A and B side by side, C overlapping both halves; every number below is by hand.
AREAS = [
    ("POLYGON((0 0, 100 0, 100 100, 0 100, 0 0))", ["A"]),
    ("POLYGON((100 0, 200 0, 200 100, 100 100, 100 0))", ["B"]),
    ("POLYGON((50 0, 150 0, 150 100, 50 100, 50 0))", ["C"]),
]
SOURCES = [  # wkt, id, volume_m3, soil_class, start, end
    ("POINT(10 10)", "s1", 730.0, 1, "2025-07-01", "2027-06-30"),  # A
    ("POINT(60 10)", "s2", 100.0, 2, "2026-01-01", "2026-12-31"),  # A and C
    ("POINT(175 25)", "s3", 50.0, 1, None, None),  # B
    ("POINT(500 500)", "s4", 40.0, 1, "2026-05-01", None),  # outside every area
]
RECEIVERS = [  # wkt, id, capacity_m3, start, end; a polygon counts where its centroid lies
    ("POLYGON((15 15, 25 15, 25 25, 15 25, 15 15))", "r1", 300.0, "2026-01-01", "2026-12-31"),  # A
    ("POLYGON((95 40, 265 40, 265 60, 95 60, 95 40))", "r2", 500.0, None, None),  # B, not C
]


def _here(wkt):
    """A geometry of this module's drawing moved to Holbæk: the numbers above are drawn from an
    origin, and layers in EPSG:25832 must lie where that CRS is used."""
    from shapely import wkt as shapely_wkt
    from shapely.affinity import translate

    return None if wkt is None else translate(shapely_wkt.loads(wkt), *HOLBAEK).wkt


def _source_layer(make_layer, rows=SOURCES):
    fields = [("id", "string"), ("volume_m3", "double"), ("soil_class", "integer"),
              ("start_date", "date"), ("end_date", "date")]
    return make_layer("Point", CRS, fields, [
        (_here(wkt), [i, v, c, _qdate(s), _qdate(e)]) for wkt, i, v, c, s, e in rows],
        name="sources")


def _receiver_layer(make_layer):
    fields = [("id", "string"), ("capacity_m3", "double"), ("start_date", "date"),
              ("end_date", "date")]
    return make_layer("Polygon", CRS, fields, [
        (_here(wkt), [i, v, _qdate(s), _qdate(e)]) for wkt, i, v, s, e in RECEIVERS],
        name="receivers")


def _area_layer(make_layer, rows=AREAS):
    return make_layer("Polygon", CRS, [("id", "string")],
                      [(_here(wkt), values) for wkt, values in rows], name="areas")


def parse_dates(values):
    from jordressource_plugin.core.tables import read_dates

    return read_dates(values)[0].days


def _qdate(text):
    from qgis.PyQt.QtCore import QDate

    return QDate.fromString(text, "yyyy-MM-dd") if text else None


def _core_inputs():
    import geopandas as gpd
    from shapely import wkt

    from jordressource_plugin.core.balance.soil_balance import Sites, clean_sites

    areas = gpd.GeoSeries([wkt.loads(w) for w, _ in AREAS], crs=CRS)
    sources = Sites(gpd.GeoSeries([wkt.loads(r[0]) for r in SOURCES], crs=CRS),
                    [r[2] for r in SOURCES], start=parse_dates([r[4] for r in SOURCES]),
                    end=parse_dates([r[5] for r in SOURCES]),
                    clean=clean_sites([r[3] for r in SOURCES], 1))
    receivers = Sites(gpd.GeoSeries([wkt.loads(r[0]) for r in RECEIVERS], crs=CRS),
                      [r[2] for r in RECEIVERS], start=parse_dates([r[3] for r in RECEIVERS]),
                      end=parse_dates([r[4] for r in RECEIVERS]))
    return areas, sources, receivers


# area, surplus, demand, balance, self_sufficiency, substitute (0.225 of clean surplus)
EXPECTED_AREAS = [
    ("A", 830.0, 300.0, 530.0, 300 / 830, 0.225 * 730),
    ("B", 50.0, 500.0, -450.0, 1.0, 0.225 * 50),
    ("C", 100.0, 0.0, 100.0, 0.0, 0.0),
]


def test_hand_sums_per_area_and_outside_row():
    from jordressource_plugin.core.balance.soil_balance import soil_balance

    result = soil_balance(*_core_inputs())
    for row, (_, surplus, demand, balance, share, substitute) in enumerate(EXPECTED_AREAS):
        got = result.areas.iloc[row]
        assert got["surplus_m3"] == pytest.approx(surplus)
        assert got["demand_m3"] == pytest.approx(demand)
        assert got["balance_m3"] == pytest.approx(balance)
        assert got["self_sufficiency"] == pytest.approx(share)
        assert got["raw_material_substitute_m3"] == pytest.approx(substitute)
    assert result.outside["surplus_m3"] == 40.0 and result.outside["source_count"] == 1
    # s2 lies in both A and C (overlapping areas): counted in each, so totals exceed the input
    assert result.totals["surplus_m3"] == pytest.approx(920.0 + 100.0)


def test_year_split_of_a_window_over_three_years_is_pro_rata_by_days():
    from jordressource_plugin.core.balance.soil_balance import spread_by_year

    rows = spread_by_year(np.array([730.0]), parse_dates(["2025-07-01"]),
                          parse_dates(["2027-06-30"]))
    assert rows["year"].tolist() == [2025, 2026, 2027]
    assert rows["volume_m3"].tolist() == pytest.approx([184.0, 365.0, 181.0])


@pytest.mark.parametrize("start, end, expected", [
    ("2026-03-01", None, {2026: 10.0}),  # one date: that year
    (None, "2024-12-31", {2024: 10.0}),
    (None, None, {-1: 10.0}),  # undated bucket
    ("2027-01-01", "2026-01-01", {-1: 10.0}),  # ends before it starts: undated, reported
    ("2024-12-31", "2025-01-01", {2024: 5.0, 2025: 5.0}),
])
def test_dates_missing_single_or_reversed(start, end, expected):
    from jordressource_plugin.core.balance.soil_balance import spread_by_year

    rows = spread_by_year(np.array([10.0]), parse_dates([start]), parse_dates([end]))
    assert dict(zip(rows["year"], rows["volume_m3"])) == pytest.approx(expected)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.floats(0, 1e6), st.integers(0, 4000), st.integers(-30, 2000)),
                min_size=1, max_size=30))
def test_year_split_conserves_every_volume(windows):
    from jordressource_plugin.core.balance.soil_balance import spread_by_year

    volume = np.array([w[0] for w in windows])
    start = np.datetime64("2020-01-01") + np.array([w[1] for w in windows]).astype("timedelta64[D]")
    end = start + np.array([w[2] for w in windows]).astype("timedelta64[D]")
    rows = spread_by_year(volume, start, end)
    per_site = rows.groupby("site")["volume_m3"].sum().reindex(range(len(volume)), fill_value=0)
    assert np.allclose(per_site.to_numpy(), volume, rtol=1e-9, atol=1e-6)


def test_yearly_table_sums_to_the_area_totals():
    from jordressource_plugin.core.balance.soil_balance import OUTSIDE, soil_balance

    result = soil_balance(*_core_inputs())
    yearly = result.by_year.groupby("area")[["surplus_m3", "demand_m3"]].sum()
    assert yearly.loc[OUTSIDE, "surplus_m3"] == pytest.approx(40.0)
    for row in range(3):
        assert yearly.loc[row, "surplus_m3"] == pytest.approx(result.areas.loc[row, "surplus_m3"])
        assert yearly.loc[row, "demand_m3"] == pytest.approx(result.areas.loc[row, "demand_m3"])
    table = result.by_year.set_index(["area", "year"])
    assert table.loc[(0, 2025), "surplus_m3"] == pytest.approx(184.0)
    assert table.loc[(0, 2026), "surplus_m3"] == pytest.approx(365.0 + 100.0)
    assert table.loc[(0, 2026), "demand_m3"] == pytest.approx(300.0)
    assert table.loc[(1, -1), "surplus_m3"] == pytest.approx(50.0)


def test_point_on_a_shared_border_counts_once_in_the_first_area():
    import geopandas as gpd
    from shapely.geometry import Point, box

    from jordressource_plugin.core.balance.soil_balance import Sites, soil_balance

    areas = gpd.GeoSeries([box(0, 0, 10, 10), box(10, 0, 20, 10)], crs=CRS)
    result = soil_balance(areas, Sites(gpd.GeoSeries([Point(10, 5)], crs=CRS), [7.0]))
    assert result.areas["surplus_m3"].tolist() == [7.0, 0.0]


def test_sites_from_a_reading_keep_the_usable_rows_and_their_class():
    import geopandas as gpd
    import pandas as pd
    from shapely.geometry import Point

    from jordressource_plugin.core.balance.soil_balance import sites_from_reading
    from jordressource_plugin.core.tables import VOLUME, SiteFields, read_sites

    table = pd.DataFrame({"volume_m3": [1.5, "2", None, ""], "soil_class": [1, None, 1, 1],
                          "start_date": ["2026-01-01", None, None, None]})
    reading = read_sites(table, SiteFields("volume_m3", VOLUME, soil_class="soil_class",
                                           start="start_date")).kept()
    sites = sites_from_reading(reading, gpd.GeoSeries([Point(0, 0)] * 2), clean_max_class=1)
    assert sites.volume_m3.tolist() == [1.5, 2.0]
    assert sites.clean.tolist() == [True, False]  # an empty class is not clean
    assert sites.start[0] == np.datetime64("2026-01-01") and np.isnat(sites.start[1])


def test_report_has_svg_charts_the_table_and_the_parameters():
    from jordressource_plugin.core.balance.report import balance_report
    from jordressource_plugin.core.balance.soil_balance import soil_balance

    result = soil_balance(*_core_inputs())
    page = balance_report(result, ["A", "B", "C"], labels={"title": "Jordbalance", "lang": "da"},
                          parameters={"SUBSTITUTION_SHARE": "0.225"},
                          generated=datetime.datetime(2026, 1, 1))
    assert page.startswith("<!DOCTYPE html>") and "<html lang='da'>" in page
    assert page.count("<svg") == 2  # balance per area and prognosis per year
    assert "<h1>Jordbalance</h1>" in page
    assert "<td>A</td><td class='n'>830</td><td class='n'>300</td><td class='n'>530</td>" in page
    assert "<td>2027</td><td class='n'>181</td>" in page
    assert "SUBSTITUTION_SHARE" in page and "src=" not in page  # self-contained


@pytest.fixture
def run_balance(run_algorithm, make_layer, tmp_path, recording_feedback):
    """``run_balance(**parameters)``: soil_balance on this module's layers, ``parameters``
    replacing the defaults; returns the result and the log's messages."""
    def run(**extra):
        parameters = {"AREAS": _area_layer(make_layer), "AREA_ID_FIELD": "id",
                      "SOURCES": _source_layer(make_layer), "VOLUME_FIELD": "volume_m3",
                      "RECEIVERS": _receiver_layer(make_layer), "CAPACITY_FIELD": "capacity_m3",
                      "OUTPUT": "TEMPORARY_OUTPUT", "OUTPUT_TABLE": "TEMPORARY_OUTPUT",
                      "OUTPUT_HTML": str(tmp_path / "balance.html")}
        parameters.update(extra)
        result = run_algorithm("soil_balance", parameters, recording_feedback)
        return result, recording_feedback.messages

    return run


def test_processing_run_writes_balance_table_and_report(run_balance, tmp_path):
    result, _ = run_balance()
    layer = result["OUTPUT"]
    rows = {f["id"]: f for f in layer.getFeatures()}
    for area, surplus, demand, balance, _, substitute in EXPECTED_AREAS:
        assert rows[area]["surplus_m3"] == pytest.approx(surplus)
        assert rows[area]["demand_m3"] == pytest.approx(demand)
        assert rows[area]["balance_m3"] == pytest.approx(balance)
        assert rows[area]["raw_material_substitute_m3"] == pytest.approx(substitute)
    table = result["OUTPUT_TABLE"]
    assert not table.isSpatial()
    yearly = {(f["area_id"], f["year"]): f["surplus_m3"] for f in table.getFeatures()}
    assert yearly[("A", 2025)] == pytest.approx(184.0)
    assert yearly[("outside", 2026)] == pytest.approx(40.0)
    assert sum(v for (area, _), v in yearly.items() if area != "C") == pytest.approx(920.0)
    assert result["SURPLUS_M3"] == pytest.approx(1020.0)
    assert result["OUTSIDE_SURPLUS_M3"] == pytest.approx(40.0)
    page = (tmp_path / "balance.html").read_text(encoding="utf-8")
    assert "<svg" in page and "<table>" in page


def test_processing_run_without_dates_or_receivers(run_balance):
    from qgis.core import NULL

    result, _ = run_balance(RECEIVERS=None, DATE_FIELD="", SOURCE_END_FIELD="", CLASS_FIELD="")
    years = {f["year"] for f in result["OUTPUT_TABLE"].getFeatures()}
    assert years == {NULL}
    assert result["DEMAND_M3"] == 0.0
    # without a class field all surplus counts as clean
    assert result["RAW_MATERIAL_SUBSTITUTE_M3"] == pytest.approx(0.225 * 1020.0)


def test_reversed_window_is_reported_and_kept(run_balance, make_layer):
    rows = list(SOURCES) + [("POINT(30 30)", "late", 9.0, 1, "2027-01-01", "2026-01-01")]
    result, messages = run_balance(SOURCES=_source_layer(make_layer, rows))
    assert any("end before they start" in m for m in messages)
    assert result["SURPLUS_M3"] == pytest.approx(1029.0)


def test_site_without_geometry_is_reported_by_id(run_balance, make_layer):
    rows = list(SOURCES) + [(None, "nowhere", 5.0, 1, None, None)]
    result, messages = run_balance(SOURCES=_source_layer(make_layer, rows))
    assert any("skipped 1 feature(s) without geometry, ids 5" in m for m in messages)
    assert result["SURPLUS_M3"] == pytest.approx(1020.0)


@pytest.mark.parametrize("volume, message", [(-5.0, "negative"), ("many", "not numbers"),
                                             ("1.500", "1,000 times apart")])
def test_bad_volumes_stop_with_a_clear_message(run_balance, make_layer, volume, message):
    from qgis.core import QgsProcessingException

    layer = make_layer("Point", CRS, [("id", "string"), ("volume_m3", "string")],
                       [(_here("POINT(1 1)"), ["x", str(volume)])])
    with pytest.raises(QgsProcessingException, match=message):
        run_balance(SOURCES=layer, DATE_FIELD="", SOURCE_END_FIELD="", CLASS_FIELD="")


def test_invalid_area_polygon_is_repaired_and_reported(run_balance, make_layer):
    bowtie = [("POLYGON((0 0, 100 100, 100 0, 0 100, 0 0))", ["bow"])]
    result, messages = run_balance(AREAS=_area_layer(make_layer, bowtie))
    rows = {f["id"]: f for f in result["OUTPUT"].getFeatures()}
    assert rows["bow"].geometry().isGeosValid()
    assert any("repaired 1 invalid" in m for m in messages)


def test_areas_in_another_crs_are_reprojected(run_balance, make_layer):
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
    for wkt, values in AREAS:
        geometry = QgsGeometry.fromWkt(_here(wkt))
        geometry.densifyByCount(20)  # straight in EPSG:25832, so keep them nearly so in degrees
        geometry.transform(transform)
        rows.append((geometry.asWkt(12), values))
    areas = make_layer("Polygon", "EPSG:4326", [("id", "string")], rows, name="areas 4326")
    result, _ = run_balance(AREAS=areas)
    surplus = {f["id"]: f["surplus_m3"] for f in result["OUTPUT"].getFeatures()}
    assert surplus == pytest.approx({area: total for area, total, *_ in EXPECTED_AREAS})
    assert result["OUTPUT"].crs().authid() == CRS


@pytest.mark.qgis_process
def test_qgis_process_runs_soil_balance(qgis_process, tmp_path):
    import geopandas as gpd
    from shapely import wkt

    areas = gpd.GeoDataFrame({"id": [r[1][0] for r in AREAS]},
                             geometry=[wkt.loads(_here(r[0])) for r in AREAS], crs=CRS)
    sources = gpd.GeoDataFrame({"id": ["s1", "s2"], "volume_m3": [100.0, 50.0],
                                "start_date": ["2025-01-01", "2026-06-01"]},
                               geometry=[wkt.loads(_here("POINT(10 10)")),
                                         wkt.loads(_here("POINT(160 10)"))], crs=CRS)
    areas.to_file(tmp_path / "in.gpkg", layer="areas", driver="GPKG")
    sources.to_file(tmp_path / "in.gpkg", layer="sources", driver="GPKG")
    out = qgis_process.run("jordressource:soil_balance", {
        "AREAS": f"{tmp_path / 'in.gpkg'}|layername=areas", "AREA_ID_FIELD": "id",
        "SOURCES": f"{tmp_path / 'in.gpkg'}|layername=sources", "VOLUME_FIELD": "volume_m3",
        "DATE_FIELD": "start_date", "DISTANCE_CRS": CRS,
        "OUTPUT": str(tmp_path / "balance.gpkg"), "OUTPUT_TABLE": str(tmp_path / "years.csv"),
        "OUTPUT_HTML": str(tmp_path / "report.html")})
    assert out["results"]["SURPLUS_M3"] == pytest.approx(150.0)
    written = gpd.read_file(tmp_path / "balance.gpkg", layer="balance")
    assert dict(zip(written["id"], written["surplus_m3"])) == {"A": 100.0, "B": 50.0, "C": 0.0}
    assert "<svg" in (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "2026" in (tmp_path / "years.csv").read_text(encoding="utf-8")
