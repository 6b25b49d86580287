"""Styles from styles/ for Jordressource outputs.

A post-processor styles a layer that QGIS loads when the run completes. qgis_process and models
load nothing, so the style is also stored with file outputs: in the GeoPackage's `layer_styles`
table as the default style, or as a `.qml` beside other formats, which QGIS reads on opening.
"""
from pathlib import Path

from qgis.core import (
    QgsProcessingLayerPostProcessorInterface,
    QgsVectorLayer,
    QgsWkbTypes,
)

from ..i18n import translate
from ..resources import style_path


class StylePostProcessor(QgsProcessingLayerPostProcessorInterface):
    """Applies one QML style to the loaded layer.

    Instances are kept in a class-level list: QGIS holds only a C++ pointer, and a Python object
    collected before the post-processing step would crash it.
    """

    _alive = []

    def __init__(self, qml: Path):
        super().__init__()
        self.qml = qml

    @classmethod
    def create(cls, qml: Path):
        instance = cls(qml)
        cls._alive.append(instance)
        return instance

    def postProcessLayer(self, layer, context, feedback):
        if layer is None or not layer.isValid():
            return
        message, ok = layer.loadNamedStyle(str(self.qml))
        if not ok:
            feedback.reportError(message)
        layer.triggerRepaint()


def split_destination(dest_id: str):
    """File path and layer name of a sink destination such as ``out.gpkg|layername=matches``."""
    path, _, options = dest_id.partition("|")
    layer_name = None
    for option in options.split("|"):
        key, _, value = option.partition("=")
        if key.strip().lower() == "layername":
            layer_name = value
    return path, layer_name


GEOMETRY_SUFFIXES = {
    QgsWkbTypes.PointGeometry: "points",
    QgsWkbTypes.LineGeometry: "lines",
    QgsWkbTypes.PolygonGeometry: "areas",
}


def style_for_geometry(style_name: str, wkb_type) -> str:
    """``<style>_points``, ``_lines`` or ``_areas`` where such a variant exists for the output's
    geometry (a marker style draws nothing on polygons), else ``style_name`` itself."""
    if wkb_type is None:
        return style_name
    suffix = GEOMETRY_SUFFIXES.get(QgsWkbTypes.geometryType(wkb_type))
    variant = f"{style_name}_{suffix}"
    return variant if suffix and style_path(variant).exists() else style_name


def style_output(dest_id: str, style_name: str, context, feedback) -> None:
    qml = style_path(style_name)
    if not qml.exists():
        feedback.reportError(translate("JordressourceAlgorithm",
                                       "Style {0} is missing; the output is left unstyled.").format(qml))
        return
    if context.willLoadLayerOnCompletion(dest_id):
        details = context.layerToLoadOnCompletionDetails(dest_id)
        details.setPostProcessor(StylePostProcessor.create(qml))
    store_style_with_file(dest_id, qml, feedback)


def store_style_with_file(dest_id: str, qml: Path, feedback) -> None:
    path, layer_name = split_destination(dest_id)
    if not path or path.startswith(("memory:", "postgres:", "dbname=", "ogr:")) or not Path(path).exists():
        return
    if path.lower().endswith(".gpkg"):
        uri = path if layer_name is None else f"{path}|layername={layer_name}"
        layer = QgsVectorLayer(uri, layer_name or Path(path).stem, "ogr")
        if not layer.isValid():
            return
        layer.loadNamedStyle(str(qml))
        error = layer.saveStyleToDatabase(qml.stem, "Jordressource", True, "")
        if error:
            feedback.pushInfo(translate("JordressourceAlgorithm",
                                        "Could not store the style in {0}: {1}").format(path, error))
        return
    Path(path).with_suffix(".qml").write_text(qml.read_text(encoding="utf-8"), encoding="utf-8")

