"""Outputs written to PostGIS through Processing's sinks (`postgres:` / `postgis:` destinations).

Processing creates the table through QGIS's postgres provider and then opens it as a layer. A
table without geometry (a yearly balance) must be opened without a geometry column, though a
destination typed by hand or in a script usually names one (`... table="public"."b" (geom)`),
and Processing would then fail to open the table it has just made. QGIS 3.22's postgres
provider turns NULLs into zeros (and zeros into NULLs) in some batches: `PostgresBatches` writes
the rows in batches it writes correctly. (The style of a PostGIS output is stored in the database's
`layer_styles`: `styling.store_style_in_database`.)
"""
import re

from qgis.core import (
    QgsDataSourceUri,
    QgsFeature,
    QgsFeatureSink,
    QgsProcessingOutputLayerDefinition,
    QgsProperty,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from .staging import STATIC_PROPERTY

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
    if QgsWkbTypes.flatType(wkb_type) != QgsWkbTypes.Type.NoGeometry or name not in parameters:
        return parameters
    value = parameters[name]
    definition = value if isinstance(value, QgsProcessingOutputLayerDefinition) else None
    if definition is not None:
        if definition.sink.propertyType() != STATIC_PROPERTY:
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


def postgres_output(dest_id, context):
    """The postgres data source of the sink ``dest_id``, or None when it is not a PostGIS
    table."""
    from qgis.core import QgsProcessingUtils

    layer = QgsProcessingUtils.mapLayerFromString(dest_id, context, False)
    if isinstance(layer, QgsVectorLayer):
        return layer.source() if layer.providerType() == "postgres" else None
    return postgres_source(dest_id)


NULL, ZERO, OTHER = range(3)


def _kind(value):
    """NULL, ZERO (a value Qt 5 holds equal to NULL: 0, 0.0, false, "") or OTHER."""
    if value is None or (isinstance(value, QVariant) and value.isNull()):
        return NULL
    if isinstance(value, (bool, int, float, str)) and not value:
        return ZERO
    return OTHER


class PostgresBatches(QgsFeatureSink):
    """Writes the features of a PostGIS output in batches QGIS 3.22 writes correctly.

    QGIS's postgres provider writes a column as one constant when every feature of a batch
    holds the same value as the first, comparing with Qt 5's QVariant, for which NULL equals 0,
    0.0, false and "": a batch whose column holds only NULLs and zeros is written all zeros
    (or all NULL), and Processing hands it a whole output as one batch (its sink's
    flushBuffer does not reach the provider). So Processing creates the table, and the rows go
    to the table's provider here, a batch ending before a feature that would mix NULL and zero
    in a column that has held nothing else, and after ``SIZE`` features."""

    SIZE = 500

    def __init__(self, sink, source, fields):
        super().__init__()
        self._sink = sink  # Processing's sink, kept open until the run ends
        self._layer = QgsVectorLayer(source, QgsDataSourceUri(source).table(), "postgres")
        self._provider = self._layer.dataProvider()
        table = self._layer.fields()
        self._fields = table
        self._positions = [(index, table.lookupField(name))
                           for index, name in enumerate(fields.names())
                           if table.lookupField(name) >= 0]
        self._batch = []
        self._first = {}  # column -> kind of the batch's first value, while NULL or ZERO only
        self._error = "" if self._layer.isValid() else self._layer.error().summary()

    def addFeature(self, feature, flags=None):
        if not self._layer.isValid():
            return False
        attributes = feature.attributes()
        row = QgsFeature(self._fields)
        for index, position in self._positions:
            row.setAttribute(position, attributes[index])
        row.setGeometry(feature.geometry())
        kinds = {position: _kind(attributes[index]) for index, position in self._positions}
        if self._batch and any(self._first.get(column) not in (None, kind) and kind != OTHER
                               for column, kind in kinds.items()):
            if not self._flush():
                return False
        if not self._batch:
            self._first = {column: kind for column, kind in kinds.items() if kind != OTHER}
        else:
            for column, kind in kinds.items():
                if kind == OTHER:
                    self._first.pop(column, None)  # a value apart: the batch is safe here
        self._batch.append(row)
        return len(self._batch) < self.SIZE or self._flush()

    def addFeatures(self, features, flags=None):
        return all([self.addFeature(feature, flags) for feature in features])

    def flushBuffer(self):
        return self._flush()

    def lastError(self):
        return self._error

    def _flush(self):
        batch, self._batch, self._first = self._batch, [], {}
        if not batch:
            return True
        ok = self._provider.addFeatures(batch, QgsFeatureSink.Flag.FastInsert)
        ok = ok[0] if isinstance(ok, tuple) else ok
        if not ok:
            self._error = self._provider.lastError()
        return bool(ok)
