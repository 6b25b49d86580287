"""The soil management plan document, built from the engine's own results on a small project:
every section is there, in the labels given, with the numbers of the tables."""
import datetime
import re

import geopandas as gpd
import numpy as np
import pytest
from shapely.geometry import box

from jordressource_plugin.core.project import management_plan as mp
from jordressource_plugin.core.project.options import options_catalogue
from jordressource_plugin.core.project.plan_document import PlanContent, plan_document
from jordressource_plugin.core.project.plan_text import DEFAULT_LABELS
from jordressource_plugin.core.project.sampling import sampling_plan
from jordressource_plugin.core.project.site_map import scale_bar_length
from jordressource_plugin.core.reuse.costs import CostRates, straight_haul
from jordressource_plugin.core.reuse.problem import AreaRule, Excavations, Receivers
from jordressource_plugin.core.terrain.balanced_level import terrain_balance

CRS = "EPSG:25832"
X0, Y0 = 700000.0, 6200000.0
RATES = CostRates()
SECTIONS = ("site_map", "volumes", "sampling", "options", "data_sheets", "sources")


def project(tmp_path, write_raster, receivers=True):
    """Three polygons on a 2 m DEM rising 0.1 m per column: one in cut, one in fill, one off
    the DEM; two receivers, one disposal site."""
    path = write_raster(tmp_path / "dem.tif", np.tile(10.05 + 0.1 * np.arange(50), (40, 1)),
                        (X0, Y0))
    frame = gpd.GeoDataFrame({
        "id": ["B1", "B2", "B3"], "name": ["Hus", "Vej", "Uden for"],
        "planned_level_m": [12.0, 14.0, 10.0], "soil_class": [1, 2, None],
        "soil_type": ["ler", "sand", None],
        "start_date": [datetime.date(2027, 3, 1), None, None],
        "end_date": [datetime.date(2027, 6, 30), None, None],
    }, geometry=[box(X0 + 40.2, Y0 - 40, X0 + 80, Y0 - 0.2),  # columns 20-39: 12.05-13.95 m
                 box(X0 + 0.2, Y0 - 40, X0 + 20, Y0 - 0.2),  # columns 0-9: 10.05-10.95 m
                 box(X0 + 500, Y0 - 40, X0 + 520, Y0 - 20)], crs=CRS)
    balance = terrain_balance(frame.geometry, str(path),
                              planned_levels=frame["planned_level_m"].to_numpy())
    polygons = mp.polygon_table(balance, RATES.density_t_m3, frame["planned_level_m"])
    polygons = gpd.GeoDataFrame(polygons.assign(label=frame["id"]), geometry=frame.geometry,
                                crs=CRS)
    totals = mp.project_totals(polygons, balance, RATES.density_t_m3)
    batch = mp.batch_positions(polygons)
    xy = np.array([[g.centroid.x, g.centroid.y] for g in frame.geometry[batch]])
    excavations = Excavations(xy, polygons["surplus_m3"].to_numpy()[batch],
                              frame["soil_class"].to_numpy(dtype=float)[batch],
                              np.full(len(batch), np.nan), np.full(len(batch), np.nan))
    count = 2 if receivers else 0
    sinks = Receivers(np.array([[X0 + 3000, Y0], [X0 - 9000, Y0]])[:count],
                      np.array([500.0, 80.0])[:count], np.array([1.0, 3.0])[:count],
                      np.full(count, np.nan), np.full(count, np.nan))
    catalogue = options_catalogue(excavations, sinks, np.array([[X0, Y0 + 20000]]),
                                  np.array([60.0]), RATES, AreaRule.ANALYSIS_ACROSS_TYPES, 30.0,
                                  straight_haul(1.3))
    tonnes = polygons["tonnes"].to_numpy()[batch]
    sampling = sampling_plan(tonnes, np.zeros(len(batch), dtype=bool))
    sites = frame.iloc[batch][["name", "soil_class", "soil_type", "start_date", "end_date"]]
    sites = sites.assign(area_type=None, suspected=False,
                         volume_m3=polygons["surplus_m3"].to_numpy()[batch], tonnes=tonnes)
    batches = mp.batch_table(frame["id"].to_numpy()[batch], sites, sampling, catalogue,
                             ["Deponi Nord"])
    options = mp.option_table(catalogue, frame["id"].to_numpy()[batch], ["R1", "R2"][:count],
                              ["pit", "utilisation"][:count], RATES.density_t_m3)
    content = PlanContent("Byggeri Lyngby Nord", polygons, batches, options, totals,
                          has_receivers=receivers, crs_name=CRS,
                          inputs={"DEM": "dem.tif"}, parameters={"OPTIONS_COUNT": "5"},
                          references=["BEK nr. 1452 af 07/12/2015, bilag 2"])
    return content, balance


def test_the_tables_hold_the_engine_figures(tmp_path, write_raster):
    content, balance = project(tmp_path, write_raster)
    polygons = content.polygons
    # B1: columns 20..39 at 12.05..13.95 m over a level of 12 m: 1 m mean depth, 20 x 20 cells
    assert polygons["surplus_m3"][0] == pytest.approx(1.0 * 400 * 4)
    assert polygons["balanced_level_m"][0] == pytest.approx(13.0, abs=1e-3)
    assert polygons["balanced_shift_m"][0] == pytest.approx(1.0, abs=1e-3)
    assert polygons["reason"].tolist() == ["ok", "ok", "outside"]
    assert np.isnan(polygons["balanced_level_m"][2])
    # the project: B1 +1600 m³, B2 -3.5 m x 200 cells x 4 m² = -2800 m³ over 600 cells
    assert content.totals["kept_m3"] == pytest.approx(1600)
    assert content.totals["leaving_m3"] == 0
    assert content.totals["project_shift_m"] == pytest.approx((1600 - 2800) / 4 / 600, abs=1e-6)
    batches = content.batches
    assert batches["label"].tolist() == ["B1"]
    assert batches["samples"].tolist() == [int(np.ceil(1600 * 1.8 / 120))]
    assert batches["disposal_label"].tolist() == ["Deponi Nord"]
    # class 1 soil: both receivers accept it; R1 at 3 km is cheaper
    assert content.options["receiver"].tolist() == ["R1", "R2"]


def test_the_document_has_every_section_in_the_labels_given(tmp_path, write_raster):
    content, _ = project(tmp_path, write_raster)
    labels = {"lang": "da", "site_map": "Situationsplan", "sampling": "Prøvetagning",
              "options": "Mulighedskatalog", "data_sheets": "Datablade"}
    document = plan_document(content, labels, generated=datetime.datetime(2027, 1, 5, 9, 30))
    html = document.html
    for anchor in SECTIONS:
        assert f"id='{anchor}'" in html
    for title in labels.values():
        if title != "da":
            assert title in html
    assert "<html lang='da'>" in html and "2027-01-05 09:30" in html
    assert html.count("<svg") == 2  # the site map and the volume chart, inline
    assert "Byggeri Lyngby Nord" in html and "Deponi Nord" in html
    assert "BEK nr. 1452 af 07/12/2015, bilag 2" in html
    assert "ler" in html and "2027-03-01 – 2027-06-30" in html
    assert "src=" not in html  # self-contained: no external reference
    assert not document.images and document.paged_html is None


def test_the_paged_variant_names_its_png_images(tmp_path, write_raster):
    content, _ = project(tmp_path, write_raster)
    document = plan_document(content, paged=True)
    names = re.findall(r"<img src='([^']+)'", document.paged_html)
    assert names == sorted(document.images) and len(names) == 2
    assert all(data.startswith(b"\x89PNG") for data in document.images.values())
    assert "<svg" not in document.paged_html and document.html.count("<svg") == 2
    # the same sections, tables and numbers in both
    assert re.sub(r"<figure>.*?</figure>", "", document.html, flags=re.S).count("<tr>") == \
        document.paged_html.count("<tr>")


def test_without_receivers_the_catalogue_shows_disposal_only(tmp_path, write_raster):
    content, _ = project(tmp_path, write_raster, receivers=False)
    html = plan_document(content).html
    assert DEFAULT_LABELS["no_receivers"] in html
    assert content.options.empty
    assert "Deponi Nord" in html


@pytest.mark.parametrize("width, length", [(100, 20), (1000, 200), (45, 10), (7000, 1000),
                                           (0.9, 0.2)])
def test_the_scale_bar_is_a_round_quarter_of_the_map_at_most(width, length):
    assert scale_bar_length(width) == pytest.approx(length)
