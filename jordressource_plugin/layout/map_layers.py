"""The layers of a plan map: copies in the map's own project, Jordressource outputs styled from
styles/, names a planner reads in the legend, a draw order and the data sources to credit.

Outputs are recognised by their fields (the contract fixes them), so a matches layer saved to a
file, passed through a model or renamed by the user still gets the matches style.
"""
import re

from qgis.core import (
    QgsFeatureRequest,
    QgsMapLayer,
    QgsProviderRegistry,
    QgsVectorLayer,
    QgsWkbTypes,
)

from ..core.project.datamodel import LAYERS_BY_NAME
from ..resources import style_path

# (algorithm id, output name, fields that only that output has together), most specific first:
# the style is the one the algorithm itself applies to that output (its OUTPUT_STYLES).
OUTPUT_SIGNATURES = (
    ("schedule_reuse", "OUTPUT_FLOWS", {"month", "from_id", "to_id", "leg", "origin_id"}),
    ("schedule_reuse", "OUTPUT_SITES",
     {"peak_stock_t", "throughput_t", "mean_dwell_months", "capacity_value_dkk_m3"}),
    ("match_reuse", "OUTPUT_MATCHES", {"source_id", "receiver_id", "receiver_kind", "tonnes"}),
    ("match_reuse", "OUTPUT_SOURCES", {"reused_m3", "disposed_m3", "mean_haul_km"}),
    ("match_reuse", "OUTPUT_RECEIVERS", {"received_m3", "remaining_m3", "fill_share"}),
    ("area_zones", "OUTPUT", {"zone_id", "area_type", "area_km2", "balance_m3"}),
    ("soil_balance", "OUTPUT", {"surplus_m3", "demand_m3", "balance_m3", "self_sufficiency"}),
    ("haul_matrix", "OUTPUT", {"source_id", "target_id", "distance_km", "method"}),
    ("earthwork_volumes", "OUTPUT", {"cut_m3", "fill_m3", "net_m3", "surplus_m3"}),
    ("suggest_resource_sites", "OUTPUT", {"served_m3", "mean_haul_km"}),
    ("check_movements", "OUTPUT", {"ok", "flags"}),
    ("classify_area_types", "OUTPUT",
     {"area_type", "area_share", "contamination_suspected", "free_move"}),
)

_TECHNICAL_NAME = re.compile(r"[A-Za-z0-9_\-]+")


def _algorithm_classes():
    # Imported here: the algorithms package imports this module through export_plan_map.
    from ..algorithms import ALGORITHM_CLASSES

    return {cls.ALGORITHM_ID: cls for cls in ALGORITHM_CLASSES}


def jordressource_output(layer):
    """(algorithm class, output name) of the Jordressource output ``layer`` is, or None."""
    if not isinstance(layer, QgsVectorLayer):
        return None
    names = set(layer.fields().names())
    classes = _algorithm_classes()
    for algorithm_id, output, fields in OUTPUT_SIGNATURES:
        if fields <= names and algorithm_id in classes:
            return classes[algorithm_id], output
    return None


def style_as_output(layer, output):
    """Apply the style the producing algorithm gives ``output``; the style's name, or None when
    that algorithm styles no such output or its file is not installed."""
    algorithm_class, output_name = output
    style = algorithm_class.OUTPUT_STYLES.get(output_name)
    if not style or not style_path(style).exists():
        return None
    _message, ok = layer.loadNamedStyle(str(style_path(style)))
    return style if ok else None


def legend_name(layer, output, language):
    """The layer's own name, unless it is a bare identifier (a file stem such as
    ``OUTPUT_MATCHES`` or ``excavations``): then the output's title, or the data-model title."""
    name = layer.name()
    if not _TECHNICAL_NAME.fullmatch(name):
        return name
    if output is not None:
        algorithm_class, output_name = output
        algorithm = algorithm_class()
        algorithm.initAlgorithm()
        definition = algorithm.parameterDefinition(output_name)
        if definition is not None and definition.description():
            return definition.description()
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
        if kind == QgsWkbTypes.PolygonGeometry:
            return 2, result_first, _median_area(layer, crs, transform_context)
        return {QgsWkbTypes.PointGeometry: 0, QgsWkbTypes.LineGeometry: 1}.get(kind, 0), result_first, 0.0
    return (3 if layer.type() == QgsMapLayer.RasterLayer else 2), result_first, 0.0


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
