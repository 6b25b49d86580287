"""Create soil project: an empty GeoPackage with every layer of the data model, styled.

The writing helpers are shared with scripts/build_sample.py, so the sample project and a new
project carry the same fields, Danish aliases and default styles.
"""
from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsMapLayer,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterCrs,
    QgsProcessingParameterFileDestination,
    QgsVectorFileWriter,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ..i18n import translate
from ..layers.frames import qgis_value
from ..resources import style_path
from .base import DEFAULT_DISTANCE_CRS, JordressourceAlgorithm

_QVARIANT_TYPES = {
    "string": QVariant.String,
    "integer": QVariant.Int,
    "double": QVariant.Double,
    "date": QVariant.Date,
    "boolean": QVariant.Bool,
}
_WKB_TYPES = {
    "Point": QgsWkbTypes.Point,
    "LineString": QgsWkbTypes.LineString,
    "MultiPolygon": QgsWkbTypes.MultiPolygon,
    "None": QgsWkbTypes.NoGeometry,
}


def qgs_fields(spec):
    fields = QgsFields()
    for field in spec.fields:
        fields.append(QgsField(field.name, _QVARIANT_TYPES[field.type]))
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
    options.actionOnExistingFile = (QgsVectorFileWriter.CreateOrOverwriteFile if new_file
                                    else QgsVectorFileWriter.CreateOrOverwriteLayer)
    fields = qgs_fields(spec)
    writer = QgsVectorFileWriter.create(str(path), fields, _WKB_TYPES[spec.geometry], crs,
                                        transform_context, options)
    if writer.hasError() != QgsVectorFileWriter.NoError:
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
        categories = QgsMapLayer.Symbology | QgsMapLayer.Labeling | QgsMapLayer.Rendering
        layer.loadNamedStyle(str(qml), categories)
    for field in spec.fields:
        layer.setFieldAlias(layer.fields().lookupField(field.name), field.alias_da)
    error = layer.saveStyleToDatabase(spec.style, spec.title_da, True, "")
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
    LAYER_COUNT = "LAYER_COUNT"

    def displayName(self):
        return self.tr("Create soil project")

    def extra_tags(self):
        return ["project", "projekt", "geopackage", "data model", "datamodel", "template"]

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterCrs(
            self.CRS, self.tr("Coordinate reference system"), defaultValue=DEFAULT_DISTANCE_CRS))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, self.tr("Soil project (GeoPackage)"), self.tr("GeoPackage (*.gpkg)")))
        self.addOutput(QgsProcessingOutputNumber(self.LAYER_COUNT, self.tr("Layers written")))

    def processAlgorithm(self, parameters, context, feedback):
        from ..core.project.datamodel import LAYERS

        path = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        if not path:
            raise QgsProcessingException(self.tr("Choose a GeoPackage file to create."))
        if not path.lower().endswith(".gpkg"):
            path += ".gpkg"
        crs = self.parameterAsCrs(parameters, self.CRS, context)
        if not crs.isValid():
            crs = QgsCoordinateReferenceSystem(DEFAULT_DISTANCE_CRS)
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
        return {self.OUTPUT: path, self.LAYER_COUNT: len(LAYERS)}
