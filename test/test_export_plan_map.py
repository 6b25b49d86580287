"""export_plan_map: real PDFs read back with poppler (pdfinfo, pdftotext, pdftoppm).

Three local plans 2 km apart; a classified-sites layer (a Jordressource output, so it gets the
classified_sites style) with an urban site in plan A and an agricultural site only in plan C, so
the legend of each page proves it lists what is on that page and nothing else.
"""
import re
import subprocess

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jordressource_plugin.layout.page_geometry import NICE_SCALE_STEPS, nice_scale, page_extent

CRS = "EPSG:25832"
X0, Y0 = 690000, 6170000


def square(x, y, size):
    return f"POLYGON(({x} {y},{x + size} {y},{x + size} {y + size},{x} {y + size},{x} {y}))"


@pytest.fixture
def plans(make_layer):
    return make_layer("Polygon", CRS, [("id", "string"), ("name", "string")], [
        (square(X0, Y0, 400), ["LP1", "Lokalplan A Havnen"]),
        (square(X0 + 2000, Y0, 600), ["LP2", None]),
        (square(X0 + 4000, Y0, 300), ["LP3", "Lokalplan C Ådalen"]),
    ], name="Lokalplaner")


@pytest.fixture
def sites(make_layer):
    fields = [("id", "string"), ("area_type", "string"), ("area_share", "double"),
              ("contamination_suspected", "boolean"), ("free_move", "boolean")]
    return make_layer("Polygon", CRS, fields, [
        (square(X0 + 150, Y0 + 150, 60), ["S1", "urban", 1.0, False, True]),
        (square(X0 + 2300, Y0 + 300, 80), ["S2", "urban", 1.0, False, True]),
        (square(X0 + 4100, Y0 + 100, 50), ["S3", "agricultural", 1.0, False, True]),
    ], name="classified")


@pytest.fixture
def roads(make_layer):
    return make_layer("LineString", CRS, [("name", "string")], [
        (f"LINESTRING({X0 - 500} {Y0 + 200},{X0 + 5000} {Y0 + 250})", ["Hovedvejen"]),
    ], name="Veje i området")


def pdf_pages(path):
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


def pdf_text(path, page):
    command = ["pdftotext", "-f", str(page), "-l", str(page), "-layout", str(path), "-"]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def page_pixels(path, page, tmp_path):
    """Grey levels of one page rendered at 30 dpi, as a numpy array."""
    import numpy as np
    from qgis.PyQt.QtGui import QImage

    prefix = tmp_path / f"render{page}"
    subprocess.run(["pdftoppm", "-r", "30", "-f", str(page), "-l", str(page), "-gray", "-png",
                    str(path), str(prefix)], check=True)
    rendered = next(tmp_path.glob(f"render{page}*.png"))
    image = QImage(str(rendered)).convertToFormat(QImage.Format_Grayscale8)
    buffer = image.constBits()
    buffer.setsize(image.bytesPerLine() * image.height())
    rows = np.frombuffer(buffer, np.uint8).reshape(image.height(), image.bytesPerLine())
    return rows[:, :image.width()]


def test_atlas_has_a_page_per_plan_area_with_its_name_and_only_its_legend(
        run_algorithm, plans, sites, roads, tmp_path):
    from jordressource_plugin.i18n import user_language

    output = tmp_path / "plan.pdf"
    result = run_algorithm("export_plan_map", {
        "LAYERS": [plans, sites, roads], "COVERAGE": plans, "COVERAGE_NAME_FIELD": "name",
        "TITLE": "Jordhåndtering i lokalplanen", "OUTPUT": str(output)})

    assert result["OUTPUT"] == str(output)
    assert result["PAGE_COUNT"] == 3
    assert pdf_pages(output) == 3
    pages = [pdf_text(output, page) for page in (1, 2, 3)]
    for text, name in zip(pages, ["Lokalplan A Havnen", "LP2", "Lokalplan C Ådalen"]):
        assert "Jordhåndtering i lokalplanen" in text
        assert name in text
        assert "Veje i området" in text  # the road crosses every page
        assert "EPSG:25832" in text
        assert "Copernicus" in text  # the sources line
    urban, agricultural = (("Byområde", "Landbrugsområde") if user_language() == "da"
                           else ("Urban area", "Agricultural area"))
    assert urban in pages[0] and agricultural not in pages[0]
    assert agricultural in pages[2] and urban not in pages[2]
    assert not any("Lokalplan C" in text for text in pages[:2])


def test_each_page_is_zoomed_to_its_area_at_a_nice_scale(run_algorithm, plans, roads, tmp_path):
    output = tmp_path / "plan.pdf"
    run_algorithm("export_plan_map", {"LAYERS": [roads], "COVERAGE": plans, "OUTPUT": str(output)})
    scales = []
    for page in (1, 2, 3):
        found = re.search(r"1:([\d,.\s]+?) (?:at|ved) A4", pdf_text(output, page))
        scales.append(int(re.sub(r"\D", "", found.group(1))))
    # A4 portrait map frame about 190 mm wide: 400 m + 2 × 10 % needs 1:2,526 -> 1:5,000;
    # 600 m -> 1:3,789 -> 1:5,000; 300 m -> 1:1,895 -> 1:2,000.
    assert scales == [3000, 4000, 2000]


def test_page_rendering_is_not_blank(run_algorithm, plans, sites, roads, tmp_path):
    output = tmp_path / "plan.pdf"
    run_algorithm("export_plan_map", {"LAYERS": [plans, sites, roads], "COVERAGE": plans,
                                      "OUTPUT": str(output), "DPI": 96})
    pixels = page_pixels(output, 1, tmp_path)
    height, width = pixels.shape
    map_area = pixels[int(height * 0.12):int(height * 0.7), int(width * 0.06):int(width * 0.94)]
    assert pixels.std() > 20
    assert (map_area < 200).mean() > 0.01  # drawn features, not just a frame


def test_pngs_per_page_in_a_folder_that_did_not_exist(run_algorithm, plans, roads, tmp_path):
    folder = tmp_path / "new" / "images"
    result = run_algorithm("export_plan_map", {
        "LAYERS": [roads], "COVERAGE": plans, "OUTPUT": str(tmp_path / "out" / "plan.pdf"),
        "OUTPUT_PNG_FOLDER": str(folder), "DPI": 72})
    assert result["OUTPUT_PNG_FOLDER"] == str(folder)
    images = sorted(path.name for path in folder.glob("*.png"))
    assert len(images) == 3
    assert images[0] == "plan_01_Lokalplan_A_Havnen.png"
    assert images[2] == "plan_03_Lokalplan_C_Ådalen.png"
    assert len(list(folder.glob("*.pgw"))) == 3  # world files place the images in GIS


@pytest.mark.parametrize("orientation, paper, size", [
    (0, 0, "595 x 842"), (1, 0, "842 x 595"), (0, 1, "842 x 1191"), (1, 1, "1191 x 842")])
def test_single_map_of_all_layers_in_each_paper_size(run_algorithm, sites, roads, tmp_path,
                                                     orientation, paper, size):
    output = tmp_path / "map.pdf"
    result = run_algorithm("export_plan_map", {
        "LAYERS": [sites, roads], "TITLE": "Oversigt", "ORIENTATION": orientation,
        "PAGE_SIZE": paper, "DPI": 72, "OUTPUT": str(output)})
    assert result["PAGE_COUNT"] == 1
    info = subprocess.run(["pdfinfo", str(output)], capture_output=True, text=True).stdout
    assert size in info
    assert "Oversigt" in pdf_text(output, 1)


def test_map_uses_the_first_layer_crs_when_projected_else_25832(run_algorithm, make_layer,
                                                                tmp_path):
    wgs84 = make_layer("Point", "EPSG:4326", [("id", "string")], [("POINT(11.7 55.7)", ["a"])],
                       name="wgs84")
    utm33 = make_layer("Point", "EPSG:25833", [("id", "string")],
                       [("POINT(300000 6180000)", ["b"])], name="utm33")
    for layers, expected in (([wgs84, utm33], "EPSG:25832"), ([utm33, wgs84], "EPSG:25833")):
        output = tmp_path / f"{expected[5:]}.pdf"
        run_algorithm("export_plan_map", {"LAYERS": layers, "OUTPUT": str(output), "DPI": 72})
        assert expected in pdf_text(output, 1)


def test_name_field_with_nulls_falls_back_to_the_id(run_algorithm, make_layer, roads, tmp_path):
    unnamed = make_layer("Polygon", CRS, [("name", "string")], [
        (square(X0, Y0, 300), [None]), (square(X0 + 1000, Y0, 300), ["  "])], name="plans")
    output = tmp_path / "plan.pdf"
    run_algorithm("export_plan_map", {"LAYERS": [roads], "COVERAGE": unnamed, "OUTPUT": str(output),
                                      "DPI": 72})
    # No id field: the feature ids name the pages.
    assert re.search(r"\b1\b", pdf_text(output, 1).split("\n")[1])
    assert re.search(r"\b2\b", pdf_text(output, 2).split("\n")[1])


@pytest.mark.parametrize("case, message", [
    ("no layers", "at least one layer"),
    ("empty coverage", "no areas to map"),
    ("missing name field", "no field named"),
    ("folder under a file", "cannot be written in the folder"),
    ("output is a folder", "which is a folder"),
    ("empty layers", "no features to map"),
])
def test_bad_input_gives_a_clear_error(run_algorithm, make_layer, roads, tmp_path, case, message):
    from qgis.core import QgsProcessingException

    empty_plans = make_layer("Polygon", CRS, [("name", "string")], [], name="plans")
    empty_points = make_layer("Point", CRS, [("id", "string")], [], name="points")
    blocker = tmp_path / "a_file"
    blocker.write_text("x")
    (tmp_path / "taken.pdf").mkdir()
    parameters = {"LAYERS": [roads], "OUTPUT": str(tmp_path / "plan.pdf"), "DPI": 72}
    parameters.update({
        "no layers": {"LAYERS": []},
        "empty coverage": {"COVERAGE": empty_plans},
        "missing name field": {"COVERAGE": make_layer(
            "Polygon", CRS, [("navn", "string")], [(square(X0, Y0, 100), ["x"])]),
            "COVERAGE_NAME_FIELD": "plan_name"},
        "folder under a file": {"OUTPUT": str(blocker / "sub" / "plan.pdf")},
        "output is a folder": {"OUTPUT": str(tmp_path / "taken.pdf")},
        "empty layers": {"LAYERS": [empty_points]},
    }[case])
    with pytest.raises(QgsProcessingException, match=message):
        run_algorithm("export_plan_map", parameters)


def test_jordressource_outputs_are_recognised_styled_and_named(plugin, sites, roads):
    from qgis.core import QgsCategorizedSymbolRenderer, QgsProject

    from jordressource_plugin.layout import map_layers

    assert map_layers.jordressource_output(roads) is None
    output = map_layers.jordressource_output(sites)
    assert (output.algorithm, output.name) == ("classify_area_types", "OUTPUT")
    project = QgsProject()
    copies, styles = map_layers.copy_for_map([roads, sites], project, "en")
    assert styles == ["classified_sites"]
    # Lines are drawn over polygons, whatever the order given.
    assert [layer.name() for layer in copies] == ["Veje i området", "Classified sites"]
    assert isinstance(copies[1].renderer(), QgsCategorizedSymbolRenderer)
    assert copies[1].featureCount() == 3
    assert sites.name() == "classified"  # the input itself is untouched


def test_sources_line_adds_layer_credits_once(make_layer):
    from jordressource_plugin.layout.map_layers import sources_text

    layer = make_layer("Point", CRS, [("id", "string")], [])
    metadata = layer.metadata()
    metadata.setRights(["© SDFI", "© Copernicus"])
    layer.setMetadata(metadata)
    assert sources_text("CORINE © Copernicus; DAGI", [layer]) == "CORINE © Copernicus; DAGI; © SDFI"
    assert sources_text("", [layer, layer]) == "© SDFI; © Copernicus"


@pytest.mark.parametrize("scale, expected", [
    (1, 500), (500, 500), (501, 750), (1000, 1000), (1001, 1500), (2100, 2500), (2600, 3000),
    (7000, 7500), (8000, 10000), (24000, 25000), (26000, 30000), (99999, 100000),
    (180000, 200000), (270000, 300000)])
def test_nice_scale_rounds_up_to_the_plan_map_series(scale, expected):
    assert nice_scale(scale) == expected


@settings(max_examples=200, deadline=None)
@given(st.floats(0, 1e5), st.floats(0, 1e5), st.floats(0.001, 5e4), st.floats(0.001, 5e4),
       st.floats(50, 400), st.floats(50, 400), st.floats(0, 0.5))
def test_page_extent_holds_the_area_and_its_margin_at_a_series_scale(x, y, width, height, map_w,
                                                                    map_h, margin):
    (x_min, y_min, x_max, y_max), scale = page_extent((x, y, x + width, y + height), map_w, map_h,
                                                      margin)
    tolerance = 1e-6 * max(1.0, width, height, scale)
    assert x_min <= x - margin * width + tolerance
    assert x_max >= x + width + margin * width - tolerance
    assert y_min <= y - margin * height + tolerance
    assert y_max >= y + height + margin * height - tolerance
    assert (x_max - x_min) / (y_max - y_min) == pytest.approx(map_w / map_h)
    assert (x_max - x_min) == pytest.approx(map_w / 1000 * scale)
    assert scale >= 500 and any(abs(scale / (step * 10 ** k) - 1) < 1e-9
                                for step in NICE_SCALE_STEPS for k in range(2, 9))


@pytest.mark.qgis_process
def test_runs_in_qgis_process(qgis_process, tmp_path):
    from jordressource_plugin.resources import sample_dir

    gpkg = sample_dir() / "holbaek_sample.gpkg"
    assert gpkg.exists(), "the sample project is missing: make sample"
    output = tmp_path / "plans.pdf"
    result = qgis_process.run("jordressource:export_plan_map", {
        "LAYERS": [f"{gpkg}|layername=area_types", f"{gpkg}|layername=excavations"],
        "COVERAGE": f"{gpkg}|layername=local_plans", "OUTPUT": str(output), "DPI": 72,
        "PAGE_SIZE": 1, "ORIENTATION": 1})
    pages = result["results"]["PAGE_COUNT"]
    assert pages >= 1 and pdf_pages(output) == pages


def test_coverage_in_degrees_pages_like_its_metric_twin(run_algorithm, make_layer, roads, tmp_path):
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsCoordinateTransform,
        QgsGeometry,
        QgsProject,
    )

    to_wgs84 = QgsCoordinateTransform(QgsCoordinateReferenceSystem(CRS),
                                      QgsCoordinateReferenceSystem("EPSG:4326"),
                                      QgsProject.instance())
    area = QgsGeometry.fromWkt(square(X0, Y0, 400))
    area.transform(to_wgs84)
    plans_wgs84 = make_layer("Polygon", "EPSG:4326", [("name", "string")],
                             [(area.asWkt(12), ["Lokalplan A"])], name="plans")
    output = tmp_path / "plan.pdf"
    run_algorithm("export_plan_map", {"LAYERS": [roads], "COVERAGE": plans_wgs84,
                                      "OUTPUT": str(output), "DPI": 72})
    text = pdf_text(output, 1)
    assert "Lokalplan A" in text and "EPSG:25832" in text
    assert re.search(r"1:3[,.]000 (?:at|ved) A4", text)  # as the metric plan A above


def test_algorithm_runs_in_the_main_thread_with_advanced_options(plugin):
    from qgis.core import QgsApplication, QgsProcessingAlgorithm, QgsProcessingParameterDefinition

    algorithm = QgsApplication.processingRegistry().algorithmById("jordressource:export_plan_map")
    assert algorithm.flags() & QgsProcessingAlgorithm.FlagNoThreading
    for name in ("DPI", "OUTPUT_PNG_FOLDER", "MARGIN_PERCENT"):
        flags = algorithm.parameterDefinition(name).flags()
        assert flags & QgsProcessingParameterDefinition.FlagAdvanced, name
    name_field = algorithm.parameterDefinition("COVERAGE_NAME_FIELD")
    assert name_field.parentLayerParameterName() == "COVERAGE"


def test_a_long_legend_gets_a_larger_panel(make_layer):
    from qgis.core import (
        QgsCategorizedSymbolRenderer,
        QgsProject,
        QgsRendererCategory,
        QgsSymbol,
        QgsWkbTypes,
    )

    from jordressource_plugin.layout.page_geometry import page_geometry
    from jordressource_plugin.layout.plan_layout import fit_page_geometry

    layer = make_layer("Polygon", CRS, [("kind", "string")], [], name="many")
    categories = [QgsRendererCategory(f"k{i}", QgsSymbol.defaultSymbol(QgsWkbTypes.PolygonGeometry),
                                      f"Kategori nummer {i}") for i in range(90)]
    layer.setRenderer(QgsCategorizedSymbolRenderer("kind", categories))
    project = QgsProject()
    project.addMapLayer(layer)
    for landscape in (False, True):
        fitted = fit_page_geometry(project, "A4", landscape, "Legend")
        default = page_geometry("A4", landscape)
        assert fitted.map.w * fitted.map.h < default.map.w * default.map.h
    empty = QgsProject()
    assert fit_page_geometry(empty, "A4", False, "Legend") == page_geometry("A4", False)


def test_layers_opened_from_a_path_keep_their_stored_style_and_layer_name(run_algorithm, tmp_path):
    from jordressource_plugin.i18n import user_language
    from jordressource_plugin.resources import sample_dir

    gpkg = sample_dir() / "holbaek_sample.gpkg"
    assert gpkg.exists(), "the sample project is missing: make sample"
    output = tmp_path / "plan.pdf"
    run_algorithm("export_plan_map", {
        "LAYERS": [f"{gpkg}|layername=area_types"], "DPI": 72, "OUTPUT": str(output),
        "COVERAGE": f"{gpkg}|layername=local_plans|subset=\"id\" = 'LP01.01'"})
    text = pdf_text(output, 1)
    # The layer's name in the file is an identifier, so the legend shows the data model's title
    # in the user's language, not the file name holbaek_sample.
    assert ("Områdetyper" if user_language() == "da" else "Area types") in text
    # a category of the style stored in the GeoPackage, in the user's language
    assert ("Byområde" if user_language() == "da" else "Urban area") in text
