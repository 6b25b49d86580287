"""Legends in the user's language only: the styles carry English labels, every label is known to
the catalogue, and a style applied in a Danish QGIS gives a Danish legend, in an English one an
English legend, never both."""
import html
import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
STYLES = ROOT / "styles"
CATALOGUE = ROOT / "jordressource_plugin" / "i18n" / "jordressource_da.ts"


def style_labels():
    labels = {}
    for path in sorted(STYLES.glob("*.qml")):
        for label in re.findall(r'label="([^"]+)"', path.read_text(encoding="utf-8")):
            labels.setdefault(html.unescape(label), path.name)
    return labels


def danish_styles():
    root = ElementTree.parse(CATALOGUE).getroot()
    for context in root.iter("context"):
        if context.findtext("name") == "Styles":
            return {m.findtext("source"): m.findtext("translation")
                    for m in context.iter("message")}
    return {}


@pytest.mark.qgis  # reads help or styles through QGIS's translator
def test_every_style_label_is_english_and_in_the_catalogue():
    from jordressource_plugin.layers.legend import NUMBERS_ONLY, STYLE_LABELS

    labels = style_labels()
    bilingual = sorted(label for label in labels if " / " in label)
    assert not bilingual, f"bilingual legend labels: {bilingual}"
    missing = sorted(f"{label} ({path})" for label, path in labels.items()
                     if label not in STYLE_LABELS and not NUMBERS_ONLY.match(label))
    assert not missing, f"add these to layers/legend.py STYLE_LABELS: {missing}"
    danish = danish_styles()
    untranslated = sorted(label for label in STYLE_LABELS if not danish.get(label))
    assert not untranslated, untranslated


def legend_labels(layer):
    from qgis.core import QgsRasterLayer

    if isinstance(layer, QgsRasterLayer):
        return [item.label for item in
                layer.renderer().shader().rasterShaderFunction().colorRampItemList() if item.label]
    renderer = layer.renderer()
    return [item.label() for item in renderer.legendSymbolItems() if item.label()]


@pytest.mark.parametrize("language", ["da", "en"])
@pytest.mark.parametrize("style, geometry, fields", [
    ("matches", "LineString", "&field=receiver_kind:string&field=volume_m3:double"),
    ("receivers", "Polygon", "&field=kind:string"),
    ("soil_balance", "Polygon", "&field=balance_m3:double"),
    ("area_zones", "Polygon", "&field=area_type:string"),
])
def test_a_style_applied_shows_one_language(plugin, qgis_language, language, style, geometry,
                                            fields):
    from qgis.core import QgsVectorLayer

    from jordressource_plugin.layers.legend import load_style
    from jordressource_plugin.resources import style_path

    qgis_language(language)
    layer = QgsVectorLayer(f"{geometry}?crs=EPSG:25832{fields}", style, "memory")
    _message, ok = load_style(layer, style_path(style))
    assert ok
    shown = legend_labels(layer)
    danish = danish_styles()
    assert shown
    if language == "da":
        english_left = [label for label in shown if danish.get(label, label) != label]
        assert not english_left, f"English labels in a Danish legend: {english_left}"
        assert set(shown) <= set(danish.values()), shown
    else:
        assert set(shown) <= set(danish), shown


def test_matches_legend_says_what_line_width_shows(plugin, qgis_language):
    from qgis.core import QgsVectorLayer

    from jordressource_plugin.layers.legend import load_style
    from jordressource_plugin.resources import style_path

    qgis_language("da")
    layer = QgsVectorLayer("LineString?crs=EPSG:25832&field=receiver_kind:string"
                           "&field=volume_m3:double", "m", "memory")
    assert load_style(layer, style_path("matches"))[1]
    labels = legend_labels(layer)
    assert labels[0] == "Linjebredde: mængde i fast mål (m³)"
    assert labels[1:] == ["Råstofgrav", "Ressourceplads", "Nyttiggørelsesprojekt",
                          "Anden modtager"]


def test_match_colours_stay_clear_of_the_road_colours(plugin):
    """No receiver kind is drawn in a road class's colour (regional roads are orange)."""
    from qgis.core import QgsVectorLayer

    from jordressource_plugin.resources import style_path

    def colours(style, geometry, field):
        layer = QgsVectorLayer(f"{geometry}?field={field}:string", style, "memory")
        assert layer.loadNamedStyle(str(style_path(style)))[1]
        return {item.symbol().color().name() for item in layer.renderer().legendSymbolItems()
                if item.symbol() is not None}

    def close(a, b):
        from qgis.PyQt.QtGui import QColor

        a, b = QColor(a), QColor(b)
        return (abs(a.red() - b.red()) + abs(a.green() - b.green())
                + abs(a.blue() - b.blue())) < 90

    roads = colours("roads", "LineString", "road_class")
    matches = colours("matches", "LineString", "receiver_kind")
    assert not [(m, r) for m in matches for r in roads if close(m, r)]


def test_a_raster_legend_is_translated(plugin, qgis_language, write_raster, tmp_path):
    from qgis.core import QgsRasterLayer

    from jordressource_plugin.layers.legend import load_style
    from jordressource_plugin.resources import style_path

    path = write_raster(tmp_path / "depth.tif", [[-3.0, 3.0]], (680000, 6170000))
    qgis_language("da")
    layer = QgsRasterLayer(path, "depth", "gdal")
    assert load_style(layer, style_path("cut_fill_depth"))[1]
    labels = legend_labels(layer)
    assert "3 m (afgravning)" in labels and "−3 m (opfyldning)" in labels
    assert not [label for label in labels if "cut" in label or "fill" in label]
