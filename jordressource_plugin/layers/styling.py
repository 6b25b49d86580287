"""Styles from styles/ and field aliases from the output catalogue for Jordressource outputs.

A post-processor styles a layer that QGIS loads when the run completes, and a temporary layer
kept by the run's context gets its aliases at once. qgis_process and models load nothing, so
the style and the aliases are also stored with the output: in the GeoPackage's or the PostGIS
database's `layer_styles` table as the default style, or as a `.qml` beside other formats, which
QGIS reads on opening. (QGIS 3.22's writers drop field aliases, so they travel with the style.)
"""
from pathlib import Path

from qgis.core import (
    QgsDataSourceUri,
    QgsEditorWidgetSetup,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingUtils,
    QgsRasterLayer,
    QgsVectorLayer,
    QgsWkbTypes,
)

from .. import catalogue
from ..i18n import translate
from ..qt_compat import save_style_to_database
from ..resources import style_path
from .legend import load_style
from .postgis import postgres_source


class StylePostProcessor(QgsProcessingLayerPostProcessorInterface):
    """Applies one QML style (or none) and field aliases to the loaded layer.

    Instances are kept in a class-level list: QGIS holds only a C++ pointer, and a Python object
    collected before the post-processing step would crash it.
    """

    _alive = []

    def __init__(self, qml, aliases):
        super().__init__()
        self.qml = qml
        self.aliases = aliases

    @classmethod
    def create(cls, qml, aliases):
        instance = cls(qml, aliases)
        cls._alive.append(instance)
        return instance

    def postProcessLayer(self, layer, context, feedback):
        if layer is None or not layer.isValid():
            return
        if self.qml is not None:
            message, ok = load_style(layer, self.qml)
            if not ok:
                feedback.reportError(message)
        set_aliases(layer, self.aliases)
        layer.triggerRepaint()


def set_aliases(layer, aliases: dict) -> None:
    """Give the fields of vector ``layer`` named in ``aliases`` their alias, and the number
    fields among them the precision a planner reads them with (``catalogue.display_decimals``:
    "273.910" m³, not "273910.4527673"), shown by QGIS's Range field formatter."""
    if not aliases or not isinstance(layer, QgsVectorLayer):
        return
    for name, alias in aliases.items():
        index = layer.fields().lookupField(name)
        if index < 0:
            continue
        layer.setFieldAlias(index, alias)
        decimals = catalogue.display_decimals(name)
        if decimals is not None and layer.fields().at(index).isNumeric():
            layer.setEditorWidgetSetup(index, QgsEditorWidgetSetup(
                "Range", {"Precision": decimals, "Style": "SpinBox", "AllowNull": True,
                          "Min": -1e15, "Max": 1e15, "Step": 10 ** -decimals}))


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
    QgsWkbTypes.GeometryType.PointGeometry: "points",
    QgsWkbTypes.GeometryType.LineGeometry: "lines",
    QgsWkbTypes.GeometryType.PolygonGeometry: "areas",
}


def style_for_geometry(style_name: str, wkb_type) -> str:
    """``<style>_points``, ``_lines`` or ``_areas`` where such a variant exists for the output's
    geometry (a marker style draws nothing on polygons), else ``style_name`` itself."""
    if wkb_type is None:
        return style_name
    suffix = GEOMETRY_SUFFIXES.get(QgsWkbTypes.geometryType(wkb_type))
    variant = f"{style_name}_{suffix}"
    return variant if suffix and style_path(variant).exists() else style_name


def style_output(dest_id: str, style_name: str, aliases: dict, context, feedback) -> None:
    """Style the output ``dest_id`` with ``style_name`` (none when empty) and give its fields
    ``aliases``, wherever it goes: loaded on completion, kept by the context, or a file."""
    qml = style_path(style_name) if style_name else None
    if qml is not None and not qml.exists():
        feedback.reportError(translate(
            "JordressourceAlgorithm", "Style {0} is missing; the output is left unstyled.")
            .format(qml))
        qml = None
    if qml is None and not aliases:
        return
    if context.willLoadLayerOnCompletion(dest_id):
        details = context.layerToLoadOnCompletionDetails(dest_id)
        details.setPostProcessor(StylePostProcessor.create(qml, aliases))
    output = QgsProcessingUtils.mapLayerFromString(dest_id, context, False)
    set_aliases(output, aliases)
    if isinstance(output, QgsVectorLayer) and output.providerType() == "postgres":
        store_style_in_database(output.source(), qml, aliases, feedback)
    elif output is None and postgres_source(dest_id):
        store_style_in_database(postgres_source(dest_id), qml, aliases, feedback)
    else:
        store_style_with_file(dest_id, qml, aliases, feedback)


def store_style_in_database(source: str, qml, aliases: dict, feedback) -> None:
    """Store the style and aliases as the default style of the PostGIS table ``source`` (a
    postgres data source) in the database's `layer_styles`, which QGIS applies whenever anyone
    opens the table. A refusal by the server is reported, not fatal."""
    # A layer of its own: the run's layer, if any, is left as Processing made it.
    layer = QgsVectorLayer(source, QgsDataSourceUri(source).table(), "postgres")
    if not layer.isValid():
        return
    if qml is not None:
        load_style(layer, qml)
    set_aliases(layer, aliases)
    name = qml.stem if qml is not None else layer.name()
    remove_stored_style(layer, name)  # a second run into the same table
    error = save_style_to_database(layer, name, "Jordressource")
    if error:
        feedback.pushInfo(translate(
            "JordressourceAlgorithm", "Could not store the style in {0}: {1}")
            .format(QgsDataSourceUri(source).quotedTablename(), error))


def remove_stored_style(layer, style_name: str) -> None:
    """Remove the layer's stored style called ``style_name``: QGIS 3.22 asks in a dialog
    before overwriting one, which blocks a run without a desktop (a second run into the same
    GeoPackage layer waited for ever)."""
    related, ids, names, _, _ = layer.listStylesInDatabase()
    for style_id, name in list(zip(ids, names))[:related]:
        if name == style_name:
            layer.deleteStyleFromDatabase(style_id)


def store_style_with_file(dest_id: str, qml, aliases: dict, feedback) -> None:
    path, layer_name = split_destination(dest_id)
    if (not path or path.startswith(("memory:", "postgres:", "dbname=", "ogr:"))
            or not Path(path).exists()):
        return
    if path.lower().endswith(".gpkg"):
        uri = path if layer_name is None else f"{path}|layername={layer_name}"
        layer = QgsVectorLayer(uri, layer_name or Path(path).stem, "ogr")
        if not layer.isValid():
            return
        if qml is not None:
            load_style(layer, qml)
        set_aliases(layer, aliases)
        style_name = qml.stem if qml is not None else layer.name()
        remove_stored_style(layer, style_name)
        error = save_style_to_database(layer, style_name, "Jordressource")
        if error:
            feedback.pushInfo(translate(
                "JordressourceAlgorithm", "Could not store the style in {0}: {1}")
                .format(path, error))
        return
    sidecar = Path(path).with_suffix(".qml")
    if not aliases:  # rasters: the style with its legend in the user's language
        raster = QgsRasterLayer(path, Path(path).stem, "gdal")
        if raster.isValid() and load_style(raster, qml)[1]:
            raster.saveNamedStyle(str(sidecar))
        else:
            sidecar.write_text(qml.read_text(encoding="utf-8"), encoding="utf-8")
        return
    layer = QgsVectorLayer(path, Path(path).stem, "ogr")
    if not layer.isValid():
        return
    if qml is not None:
        load_style(layer, qml)
    set_aliases(layer, aliases)
    layer.saveNamedStyle(str(sidecar))
