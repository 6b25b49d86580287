"""The atlas's pages as memory layers in the map's project: one feature per plan area, carrying
the page's name, image file name, scale and map extent (the fields plan_layout reads).

Two layers share the features: the outline of the page's own plan area, listed in the legend,
and a white veil over everything outside it, which keeps the surroundings readable but quiet.
"""
from qgis.core import (
    QgsFeature,
    QgsFillSymbol,
    QgsInvertedPolygonRenderer,
    QgsRuleBasedRenderer,
    QgsVectorLayer,
)

from ..qt_compat import new_field
from .page_geometry import page_extent
from .plan_layout import EXTENT_FIELDS, PAGE_FILE_FIELD, PAGE_NAME_FIELD, PAGE_SCALE_FIELD

CURRENT_PAGE = "$id = @atlas_featureid"


def _page_layer(pages, crs, name):
    """``pages`` ({"geometry", "name", "file"}, in the map's CRS) as a memory layer; scale and
    extent stay empty until set_page_extents."""
    layer = QgsVectorLayer(f"Polygon?crs={crs.authid() or crs.toWkt()}", name, "memory")
    fields = [new_field(PAGE_NAME_FIELD, "string"), new_field(PAGE_FILE_FIELD, "string"),
              new_field(PAGE_SCALE_FIELD, "double")]
    fields += [new_field(field, "double") for field in EXTENT_FIELDS]
    layer.dataProvider().addAttributes(fields)
    layer.updateFields()
    features = []
    for page in pages:
        feature = QgsFeature(layer.fields())
        feature.setGeometry(page["geometry"])
        feature.setAttributes([page["name"], page["file"]])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    layer.updateExtents()
    return layer


def outline_layer(pages, crs, name, label):
    """The page's plan area drawn as a dashed red boundary, in the legend as ``label``."""
    layer = _page_layer(pages, crs, name)
    outline = QgsFillSymbol.createSimple({
        "style": "no", "outline_color": "#b2182b", "outline_width": "0.8",
        "outline_style": "dash", "joinstyle": "round"})
    root = QgsRuleBasedRenderer.Rule(None)
    root.appendChild(QgsRuleBasedRenderer.Rule(outline, 0, 0, CURRENT_PAGE, label))
    layer.setRenderer(QgsRuleBasedRenderer(root))
    return layer


def veil_layer(pages, crs):
    """A white veil over everything outside the page's plan area."""
    layer = _page_layer(pages, crs, "veil")
    veil = QgsFillSymbol.createSimple({"color": "255,255,255,115", "outline_style": "no"})
    root = QgsRuleBasedRenderer.Rule(None)
    root.appendChild(QgsRuleBasedRenderer.Rule(veil, 0, 0, CURRENT_PAGE))
    layer.setRenderer(QgsInvertedPolygonRenderer(QgsRuleBasedRenderer(root)))
    return layer


def set_page_extents(page_layers, pages, geometry, margin):
    """Each page's map extent and scale: its plan area centred with ``margin`` around it, at a
    nice scale for the map frame of ``geometry``. Returns the scales."""
    fields = page_layers[0].fields()
    indexes = [fields.lookupField(name) for name in (PAGE_SCALE_FIELD, *EXTENT_FIELDS)]
    changes, scales = {}, []
    for feature, page in zip(page_layers[0].getFeatures(), pages):
        box = page["geometry"].boundingBox()
        bounds = (box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum())
        extent, scale = page_extent(bounds, geometry.map.w, geometry.map.h, margin)
        changes[feature.id()] = dict(zip(indexes, [scale, *extent]))
        scales.append(scale)
    for layer in page_layers:
        layer.dataProvider().changeAttributeValues(changes)
    return scales
