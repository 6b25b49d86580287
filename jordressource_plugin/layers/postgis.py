"""Outputs written to PostGIS through Processing's sinks (`postgres:` / `postgis:` destinations).

Processing creates the table through QGIS's postgres provider and then opens it as a layer. A
table without geometry (a yearly balance) must be opened without a geometry column, though a
destination typed by hand or in a script usually names one (`... table="public"."b" (geom)`),
and Processing would then fail to open the table it has just made. (The style of a PostGIS
output is stored in the database's `layer_styles`: `styling.store_style_in_database`.)
"""
import re

from qgis.core import (
    QgsDataSourceUri,
    QgsProcessingOutputLayerDefinition,
    QgsProperty,
    QgsWkbTypes,
)

POSTGRES_PROVIDERS = ("postgres", "postgis")  # "postgis:" is Processing's older spelling
# Processing's own splits of a destination into provider and data source, in its order:
# `provider://source`, then `provider:source`.
_DESTINATIONS = (re.compile(r"^(\w+?)://(.+)$", re.S), re.compile(r"^(.{3,}?):(.*)$", re.S))


def postgres_source(destination: str):
    """The data source of a `postgres:` or `postgis:` destination, else None."""
    for pattern in _DESTINATIONS:
        match = pattern.match(destination or "")
        if match:
            return match.group(2) if match.group(1) in POSTGRES_PROVIDERS else None
    return None


def table_destination(parameters, name, wkb_type):
    """``parameters`` with the PostGIS destination of sink ``name`` fit for ``wkb_type``: a
    table without geometry is named without a geometry column. Anything else unchanged."""
    if QgsWkbTypes.flatType(wkb_type) != QgsWkbTypes.NoGeometry or name not in parameters:
        return parameters
    value = parameters[name]
    definition = value if isinstance(value, QgsProcessingOutputLayerDefinition) else None
    if definition is not None:
        if definition.sink.propertyType() != QgsProperty.StaticProperty:
            return parameters
        destination = definition.sink.staticValue()
    else:
        destination = value
    if not isinstance(destination, str):
        return parameters
    source = postgres_source(destination)
    if source is None:
        return parameters
    uri = QgsDataSourceUri(source)
    if not uri.geometryColumn():
        return parameters
    uri.setGeometryColumn("")
    fixed = "postgres:" + uri.uri(False)
    changed = dict(parameters)
    if definition is not None:
        definition = QgsProcessingOutputLayerDefinition(definition)
        definition.sink = QgsProperty.fromValue(fixed)
        changed[name] = definition
    else:
        changed[name] = fixed
    return changed
