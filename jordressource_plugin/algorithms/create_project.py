"""Create soil project: an empty GeoPackage with every layer of the data model, styled, and/or
the shared jordbase in PostGIS created or brought to the newest schema version.

The writing helpers are shared with scripts/build_sample.py, so the sample project and a new
project carry the same fields, Danish aliases and default styles. The PostGIS side lives in
`database/` (CONTRACT.md, "PostGIS: the shared soil database").
"""
from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFields,
    QgsGeometry,
    QgsMapLayer,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterCrs,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
    QgsVectorFileWriter,
    QgsVectorLayer,
    QgsWkbTypes,
)

from ..i18n import translate
from ..layers.frames import qgis_value
from ..layers.legend import load_style
from ..qt_compat import new_field, save_style_to_database
from ..resources import style_path
from .base import DEFAULT_DISTANCE_CRS, JordressourceAlgorithm

_WKB_TYPES = {
    "Point": QgsWkbTypes.Type.Point,
    "LineString": QgsWkbTypes.Type.LineString,
    "MultiPolygon": QgsWkbTypes.Type.MultiPolygon,
    "None": QgsWkbTypes.Type.NoGeometry,
}


def qgs_fields(spec):
    fields = QgsFields()
    for field in spec.fields:
        fields.append(new_field(field.name, field.type))
    return fields


def write_layer(path, spec, crs, transform_context, rows=(), layer_name=None, new_file=False):
    """Write the data-model layer ``spec`` into the GeoPackage ``path``.

    ``rows`` are (shapely geometry or None, {field: value}) in ``crs``; missing fields stay NULL.
    ``new_file`` replaces the whole file, otherwise the layer is added or replaced in it.
    Returns the layer's URI.
    """
    name = layer_name or spec.name
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = name
    options.fileEncoding = "UTF-8"
    on_existing = QgsVectorFileWriter.ActionOnExistingFile
    options.actionOnExistingFile = (on_existing.CreateOrOverwriteFile if new_file
                                    else on_existing.CreateOrOverwriteLayer)
    fields = qgs_fields(spec)
    writer = QgsVectorFileWriter.create(str(path), fields, _WKB_TYPES[spec.geometry], crs,
                                        transform_context, options)
    if writer.hasError() != QgsVectorFileWriter.WriterError.NoError:
        message = writer.errorMessage()
        del writer
        raise QgsProcessingException(translate(
            "CreateProjectAlgorithm", "Could not write layer {0} to {1}: {2}")
            .format(name, path, message))
    names = fields.names()
    for shape, values in rows:
        feature = QgsFeature(fields)
        feature.setAttributes([qgis_value(values.get(field)) for field in names])
        if shape is not None:
            geometry = QgsGeometry()
            geometry.fromWkb(shape.wkb)
            feature.setGeometry(geometry)
        if not writer.addFeature(feature):
            message = writer.errorMessage()
            del writer
            raise QgsProcessingException(translate(
                "CreateProjectAlgorithm", "Could not write a feature to layer {0}: {1}")
                .format(name, message))
    del writer  # closes the file: the style below needs the layer complete
    uri = f"{path}|layername={name}"
    store_default_style(uri, spec, name)
    return uri


def store_default_style(uri, spec, layer_name):
    """Store the layer's QML style and Danish aliases as its default in `layer_styles`, which
    QGIS applies whenever the layer is opened (desktop, qgis_process, other projects)."""
    layer = QgsVectorLayer(uri, layer_name, "ogr")
    if not layer.isValid():
        raise QgsProcessingException(translate(
            "CreateProjectAlgorithm", "Could not open {0} after writing it.").format(uri))
    qml = style_path(spec.style)
    if qml.exists():
        category = QgsMapLayer.StyleCategory
        load_style(layer, qml, category.Symbology | category.Labeling | category.Rendering)
    for field in spec.fields:
        layer.setFieldAlias(layer.fields().lookupField(field.name), field.alias_da)
    error = save_style_to_database(layer, spec.style, spec.title_da)
    if error:
        raise QgsProcessingException(translate(
            "CreateProjectAlgorithm", "Could not store the style of {0}: {1}")
            .format(layer_name, error))


class CreateProjectAlgorithm(JordressourceAlgorithm):
    ALGORITHM_ID = "create_project"
    GROUP_ID = "project"
    REQUIRED_LIBRARIES = ()

    OUTPUT = "OUTPUT"
    CRS = "CRS"
    DATABASE = "DATABASE"
    SCHEMA = "SCHEMA"
    LAYER_COUNT = "LAYER_COUNT"
    SCHEMA_VERSION = "SCHEMA_VERSION"

    def displayName(self):
        return self.tr("Create soil project")

    def extra_tags(self):
        return ["project", "projekt", "geopackage", "data model", "datamodel", "template",
                "postgis", "postgresql", "jordbase", "database", "region"]

    def initAlgorithm(self, config=None):
        from ..database.model import DEFAULT_SCHEMA

        self.addParameter(QgsProcessingParameterCrs(
            self.CRS, self.tr("Coordinate reference system"), defaultValue=DEFAULT_DISTANCE_CRS))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, self.output_title(self.OUTPUT), self.tr("GeoPackage (*.gpkg)"),
            optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.DATABASE, self.tr("Shared jordbase in PostGIS (saved connection name or "
                                   "connection string with authcfg)"), optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.SCHEMA, self.tr("Jordbase schema"), defaultValue=DEFAULT_SCHEMA, optional=True))
        self.addOutput(QgsProcessingOutputNumber(self.LAYER_COUNT, self.tr("Layers written")))
        self.addOutput(QgsProcessingOutputNumber(self.SCHEMA_VERSION,
                                                 self.tr("Jordbase schema version")))

    def processAlgorithm(self, parameters, context, feedback):
        path = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        database = (self.parameterAsString(parameters, self.DATABASE, context) or "").strip()
        if not path and not database:
            raise QgsProcessingException(self.tr(
                "Choose a GeoPackage file to create, a PostGIS database for the shared "
                "jordbase, or both."))
        crs = self.parameterAsCrs(parameters, self.CRS, context)
        if not crs.isValid():
            crs = QgsCoordinateReferenceSystem(DEFAULT_DISTANCE_CRS)
        results = {self.OUTPUT: None, self.LAYER_COUNT: 0, self.SCHEMA_VERSION: None}
        if path:
            results[self.OUTPUT], results[self.LAYER_COUNT] = self._write_geopackage(
                path, crs, context, feedback)
        if database and not feedback.isCanceled():
            schema = (self.parameterAsString(parameters, self.SCHEMA, context) or "").strip()
            results[self.SCHEMA_VERSION], tables = self._write_jordbase(
                database, schema, crs, context, feedback)
            results[self.LAYER_COUNT] = results[self.LAYER_COUNT] or tables
        return results

    def _write_geopackage(self, path, crs, context, feedback):
        from ..core.project.datamodel import LAYERS

        if not path.lower().endswith(".gpkg"):
            path += ".gpkg"
        try:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise QgsProcessingException(self.tr(
                "Cannot create the folder for {0}: {1}. Choose a folder you can write to.")
                .format(path, error.strerror or error)) from error

        for number, spec in enumerate(LAYERS):
            if feedback.isCanceled():
                break
            uri = write_layer(path, spec, crs, context.transformContext(), new_file=number == 0)
            feedback.pushInfo(self.tr("Layer {0} ({1}): {2}")
                              .format(spec.name, spec.title_da, ", ".join(spec.field_names())))
            if context.project() is not None:
                context.addLayerToLoadOnCompletion(uri, QgsProcessingContext.LayerDetails(
                    spec.title_da, context.project(), spec.name))
            feedback.setProgress(100.0 * (number + 1) / len(LAYERS))
        return path, len(LAYERS)

    def _write_jordbase(self, database, schema, crs, context, feedback):
        """Create or upgrade the jordbase through QGIS's connection API: the password, if
        any, comes from the connection's authentication configuration, never from here."""
        from ..core.project.datamodel import layer_spec
        from ..database import model
        from ..database.connections import (
            ConnectionRefused,
            DatabaseError,
            open_qgis_connection,
        )
        from ..database.install import create_or_upgrade
        from ..database.runner import MigrationError

        schema = schema or model.DEFAULT_SCHEMA
        try:
            connection, uri = open_qgis_connection(database)
            result = create_or_upgrade(connection, schema, crs.postgisSrid(),
                                       log=feedback.pushInfo)
        except (ConnectionRefused, DatabaseError, MigrationError) as error:
            raise QgsProcessingException(str(error)) from None
        if result.from_version == result.to_version:
            feedback.pushInfo(self.tr("Schema {0} is at the newest version ({1}); styles "
                                      "refreshed.").format(schema, result.to_version))
        else:
            feedback.pushInfo(self.tr("Schema {0}: version {1} to {2}.")
                              .format(schema, result.from_version, result.to_version))
        if result.srid != crs.postgisSrid():
            feedback.reportError(self.tr(
                "Schema {0} already holds geometries in EPSG:{1}; it keeps that CRS.")
                .format(schema, result.srid))
        if context.project() is not None:
            for table in model.TABLES:
                title = layer_spec(table).title_da
                uri.setDataSource(schema, table, model.GEOMETRY_COLUMN, "", model.KEY_COLUMN)
                layer = QgsVectorLayer(uri.uri(False), title, "postgres")
                if layer.isValid():
                    context.temporaryLayerStore().addMapLayer(layer)
                    details = QgsProcessingContext.LayerDetails(title, context.project(), table)
                    context.addLayerToLoadOnCompletion(layer.id(), details)
        return result.to_version, len(model.TABLES)
