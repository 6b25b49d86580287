"""The layers of a plan map: copies in the map's own project, Jordressource outputs styled from
styles/, names a planner reads in the legend, a draw order and the data sources to credit.

Outputs are recognised by their fields as the output catalogue lists them (docs/reference.md),
so a matches layer saved to a file, passed through a model or renamed by the user still gets the
matches style.
"""
import re

from qgis.core import (
    QgsFeatureRequest,
    QgsProviderRegistry,
    QgsRasterLayer,
    QgsVectorLayer,
    QgsWkbTypes,
)

from .. import catalogue
from ..core.project.datamodel import LAYERS_BY_NAME
from ..layers.legend import load_style, translate_legend
from ..layers.outputs import output_title
from ..layers.styling import style_for_geometry
from ..resources import style_path

_TECHNICAL_NAME = re.compile(r"[A-Za-z0-9_\-]+")


def jordressource_output(layer):
    """The catalogue entry of the Jordressource output ``layer`` is, or None: the most specific
    output whose every field the layer has."""
    if not isinstance(layer, QgsVectorLayer):
        return None
    names = set(layer.fields().names())
    return next((output for output in catalogue.recognisable()
                 if set(output.field_names()) <= names), None)


def style_as_output(layer, output):
    """Apply the style the producing algorithm gives ``output`` (its variant for the layer's
    geometry, as the algorithm picks it); the style's name, or None when the output has no style
    or its file is not installed."""
    if not output.style:
        return None
    style = style_for_geometry(output.style, layer.wkbType())
    if not style_path(style).exists():
        return None
    _message, ok = load_style(layer, style_path(style))
    return style if ok else None


def legend_name(layer, output, language):
    """The layer's own name, unless it is a bare identifier (a file stem such as
    ``OUTPUT_MATCHES`` or ``excavations``): then the output's title, or the data-model title."""
    name = layer.name()
    if not _TECHNICAL_NAME.fullmatch(name):
        return name
    if output is not None:
        return output_title(output)
    spec = LAYERS_BY_NAME.get(name.lower())
    if spec is not None and language == "da":
        return spec.title_da
    return name.replace("_", " ").strip().capitalize()


def draw_rank(layer, crs, transform_context):
    """Points over lines over polygons over rasters; within each, Jordressource results over the
    data they came from, and small polygons over large (a local plan over the land cover over
    the municipality), whatever order the layers were given in."""
    result_first = 0 if jordressource_output(layer) is not None else 1
    if isinstance(layer, QgsVectorLayer):
        kind = layer.geometryType()
        if kind == QgsWkbTypes.GeometryType.PolygonGeometry:
            return 2, result_first, _median_area(layer, crs, transform_context)
        rank = {QgsWkbTypes.GeometryType.PointGeometry: 0,
                QgsWkbTypes.GeometryType.LineGeometry: 1}.get(kind, 0)
        return rank, result_first, 0.0
    return (3 if isinstance(layer, QgsRasterLayer) else 2), result_first, 0.0


def _median_area(layer, crs, transform_context, sample=500):
    """Median area of up to ``sample`` polygons, in the map's CRS."""
    request = QgsFeatureRequest().setNoAttributes().setLimit(sample)
    request.setDestinationCrs(crs, transform_context)
    areas = sorted(feature.geometry().area() for feature in layer.getFeatures(request)
                   if feature.hasGeometry())
    return areas[len(areas) // 2] if areas else 0.0


def copy_for_map(layers, project, language, project_layer_ids=frozenset()):
    """Copies of ``layers`` added to ``project`` (not to its legend), top first, each styled and
    named for the map; and the names of the styles applied.

    Layers outside ``project_layer_ids`` were opened from a path by Processing (qgis_process, a
    model, a batch), which skips their stored style and names them by file: they get the style
    stored with the data and the name of their layer in the file, as QGIS would show them.
    """
    copies, applied = [], []
    context = project.transformContext()
    for layer in sorted(layers, key=lambda layer: draw_rank(layer, project.crs(), context)):
        copy = layer.clone()
        if layer.id() not in project_layer_ids:
            _as_opened_in_qgis(copy)
        output = jordressource_output(copy)
        if output is not None:
            style = style_as_output(copy, output)
            if style:
                applied.append(style)
        copy.setName(legend_name(copy, output, language))
        project.addMapLayer(copy, False)
        copies.append(copy)
    return copies, applied


def _as_opened_in_qgis(layer):
    layer.loadDefaultStyle()
    translate_legend(layer)  # a style stored by Jordressource (the sample's) has English labels
    parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
    if parts.get("layerName"):
        layer.setName(parts["layerName"])


def _attribution(layer):
    properties = layer.serverProperties() if hasattr(layer, "serverProperties") else None
    if properties is not None and hasattr(properties, "attribution"):
        return properties.attribution()
    return layer.attribution() if hasattr(layer, "attribution") else ""


def sources_text(user_text, layers):
    """``user_text`` followed by the rights and attribution recorded in the layers' metadata,
    each once."""
    parts = [user_text.strip()] if user_text and user_text.strip() else []
    for layer in layers:
        for credit in [*layer.metadata().rights(), _attribution(layer)]:
            credit = (credit or "").strip()
            if credit and not any(credit in part for part in parts):
                parts.append(credit)
    return "; ".join(parts)
