"""Legends in the user's language only, from one style per output.

The styles in styles/ carry English labels (the source language, like the code). Whenever the
plugin applies a style, ``load_style`` translates each legend label through the catalogue's
"Styles" context: a Danish QGIS shows a Danish legend, an English one an English legend, and a
style changes in one file. One QML per language would double every symbol to keep in step;
translated labels go through the same catalogue, glossary and test as every other string.
Labels of numbers only ("0–5 km", "10 m") read the same in both and stay as they are.
"""
import re

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsGraduatedSymbolRenderer,
    QgsPalettedRasterRenderer,
    QgsRasterLayer,
    QgsRuleBasedRenderer,
    QgsSingleBandPseudoColorRenderer,
    QgsVectorLayer,
)

from ..i18n import translate


def _translatable(context: str, text: str) -> str:
    return text


# pylupdate5 collects strings from calls of this name.
QT_TRANSLATE_NOOP = _translatable

CONTEXT = "Styles"

# Every label of styles/*.qml but those of numbers and units only (test_legend checks).
NUMBERS_ONLY = re.compile(r"^[−\-0-9–.,\s]+(m|km)$")
STYLE_LABELS = (
    QT_TRANSLATE_NOOP("Styles", "1 Clean soil"),
    QT_TRANSLATE_NOOP("Styles", "2 Lightly contaminated soil"),
    QT_TRANSLATE_NOOP("Styles", "3 Contaminated soil"),
    QT_TRANSLATE_NOOP("Styles", "3 m (cut)"),
    QT_TRANSLATE_NOOP("Styles", "Access road"),
    QT_TRANSLATE_NOOP("Styles", "Agricultural area"),
    QT_TRANSLATE_NOOP("Styles", "Best option (rank 1)"),
    QT_TRANSLATE_NOOP("Styles", "Cheapest disposal"),
    QT_TRANSLATE_NOOP("Styles", "All reused"),
    QT_TRANSLATE_NOOP("Styles", "Deficit 1,000–10,000 m³"),
    QT_TRANSLATE_NOOP("Styles", "Deficit 10,000–50,000 m³"),
    QT_TRANSLATE_NOOP("Styles", "Deficit over 50,000 m³"),
    QT_TRANSLATE_NOOP("Styles", "Existing site"),
    QT_TRANSLATE_NOOP("Styles", "Fill 1,000–10,000 m³"),
    QT_TRANSLATE_NOOP("Styles", "Fill over 10,000 m³"),
    QT_TRANSLATE_NOOP("Styles", "Fill under 1,000 m³"),
    QT_TRANSLATE_NOOP("Styles", "Filled"),
    QT_TRANSLATE_NOOP("Styles", "Further options"),
    QT_TRANSLATE_NOOP("Styles", "In balance (±1,000 m³)"),
    QT_TRANSLATE_NOOP("Styles", "Industrial area"),
    QT_TRANSLATE_NOOP("Styles", "Less than half filled"),
    QT_TRANSLATE_NOOP("Styles", "Less than half reused"),
    QT_TRANSLATE_NOOP("Styles", "Line width: volume in situ (m³)"),
    QT_TRANSLATE_NOOP("Styles", "Local road"),
    QT_TRANSLATE_NOOP("Styles", "Suggested new site"),
    QT_TRANSLATE_NOOP("Styles", "More than half filled"),
    QT_TRANSLATE_NOOP("Styles", "More than half reused"),
    QT_TRANSLATE_NOOP("Styles", "Motorway"),
    QT_TRANSLATE_NOOP("Styles", "Not used"),
    QT_TRANSLATE_NOOP("Styles", "Nothing reused"),
    QT_TRANSLATE_NOOP("Styles", "Options 2–3"),
    QT_TRANSLATE_NOOP("Styles", "Other"),
    QT_TRANSLATE_NOOP("Styles", "Other (suspected of contamination)"),
    QT_TRANSLATE_NOOP("Styles", "Other receiver"),
    QT_TRANSLATE_NOOP("Styles", "Raw-material pit"),
    QT_TRANSLATE_NOOP("Styles", "Regional road"),
    QT_TRANSLATE_NOOP("Styles", "Resource site"),
    QT_TRANSLATE_NOOP("Styles", "Surplus 1,000–10,000 m³"),
    QT_TRANSLATE_NOOP("Styles", "Surplus 10,000–50,000 m³"),
    QT_TRANSLATE_NOOP("Styles", "Surplus over 10,000 m³"),
    QT_TRANSLATE_NOOP("Styles", "Surplus over 50,000 m³"),
    QT_TRANSLATE_NOOP("Styles", "Surplus under 1,000 m³"),
    QT_TRANSLATE_NOOP("Styles", "Urban area"),
    QT_TRANSLATE_NOOP("Styles", "Utilisation project"),
    QT_TRANSLATE_NOOP("Styles", "V1: polluting activities known"),
    QT_TRANSLATE_NOOP("Styles", "V2: contamination known"),
    QT_TRANSLATE_NOOP("Styles", "Soil class not accepted"),
    QT_TRANSLATE_NOOP("Styles", "Unknown excavation or receiver"),
    QT_TRANSLATE_NOOP("Styles", "Over capacity or more than excavated"),
    QT_TRANSLATE_NOOP("Styles", "Impossible travel"),
    QT_TRANSLATE_NOOP("Styles", "Across area types without analysis"),
    QT_TRANSLATE_NOOP("Styles", "Other flags"),
    QT_TRANSLATE_NOOP("Styles", "No flag"),
    QT_TRANSLATE_NOOP("Styles", "Risk 0 (no flag)"),
    QT_TRANSLATE_NOOP("Styles", "Risk 0–20"),
    QT_TRANSLATE_NOOP("Styles", "Risk 20–50"),
    QT_TRANSLATE_NOOP("Styles", "Risk 50–100"),
    QT_TRANSLATE_NOOP("Styles", "over 30 km"),
    QT_TRANSLATE_NOOP("Styles", "−3 m (fill)"),
    # schedule_reuse's flows and storage sites
    QT_TRANSLATE_NOOP("Styles", "Direct to receiver"),
    QT_TRANSLATE_NOOP("Styles", "From storage"),
    QT_TRANSLATE_NOOP("Styles", "Into storage"),
    QT_TRANSLATE_NOOP("Styles", "To disposal"),
    QT_TRANSLATE_NOOP("Styles", "Full: more room would pay"),
    QT_TRANSLATE_NOOP("Styles", "Used"),
)


def load_style(layer, qml, categories=None):
    """``layer.loadNamedStyle(qml)`` with the legend in the user's language; returns
    (message, ok) as loadNamedStyle does."""
    if categories is None:
        message, ok = layer.loadNamedStyle(str(qml))
    else:
        message, ok = layer.loadNamedStyle(str(qml), categories)
    if ok:
        translate_legend(layer)
    return message, ok


def translate_legend(layer) -> None:
    """Translate the legend labels of ``layer``'s renderer in place."""
    if isinstance(layer, QgsVectorLayer):
        _translate_vector(layer.renderer())
    elif isinstance(layer, QgsRasterLayer):
        _translate_raster(layer.renderer())
    else:
        return
    layer.triggerRepaint()
    layer.emitStyleChanged()


def _tr(label: str) -> str:
    return translate(CONTEXT, label) if label else label


def _translate_vector(renderer) -> None:
    if isinstance(renderer, QgsCategorizedSymbolRenderer):
        for index, category in enumerate(renderer.categories()):
            renderer.updateCategoryLabel(index, _tr(category.label()))
    elif isinstance(renderer, QgsGraduatedSymbolRenderer):
        for index, class_range in enumerate(renderer.ranges()):
            renderer.updateRangeLabel(index, _tr(class_range.label()))
    elif isinstance(renderer, QgsRuleBasedRenderer):
        for rule in renderer.rootRule().descendants():
            rule.setLabel(_tr(rule.label()))


def _translate_raster(renderer) -> None:
    if isinstance(renderer, QgsSingleBandPseudoColorRenderer):
        shader = renderer.shader()
        function = shader.rasterShaderFunction() if shader is not None else None
        if function is None or not hasattr(function, "colorRampItemList"):
            return
        items = function.colorRampItemList()
        for item in items:
            item.label = _tr(item.label)
        function.setColorRampItemList(items)
    elif isinstance(renderer, QgsPalettedRasterRenderer):
        for paletted_class in renderer.classes():
            renderer.setLabel(paletted_class.value, _tr(paletted_class.label))
