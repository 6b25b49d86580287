"""Free-movement zones: connected regions of one area type, and the soil balance of each."""
from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsWkbTypes,
)

from ..i18n import number_format
from ..layers.fields import resolve_field
from ..layers.frames import FEATURE_ID, read_frame, write_frame
from ..layers.reading import report_area_overlaps
from ..layers.sites import SiteFieldsMixin, SiteParameters
from .base import JordressourceAlgorithm, processing_vector_types


class AreaZonesAlgorithm(SiteFieldsMixin, JordressourceAlgorithm):
    ALGORITHM_ID = "area_zones"
    GROUP_ID = "strategy"

    AREA_TYPES = "AREA_TYPES"
    AREA_TYPE_FIELD = "AREA_TYPE_FIELD"
    CONTAMINATION = "CONTAMINATION"
    BOUNDARY = "BOUNDARY"
    BOUNDARY_ID_FIELD = "BOUNDARY_ID_FIELD"
    SOURCES = "SOURCES"
    SOURCE_ID_FIELD = "SOURCE_ID_FIELD"
    VOLUME_FIELD = "VOLUME_FIELD"
    RECEIVERS = "RECEIVERS"
    RECEIVER_ID_FIELD = "RECEIVER_ID_FIELD"
    CAPACITY_FIELD = "CAPACITY_FIELD"
    OUTPUT = "OUTPUT"
    NUMBERS = ("ZONE_COUNT", "SURPLUS_M3", "DEMAND_M3", "OUTSIDE_SURPLUS_M3", "OUTSIDE_DEMAND_M3")

    def displayName(self):
        return self.tr("Free-movement zones")

    def extra_tags(self):
        return ["zone", "area type", "områdetype", "områdebaseret", "area-based", "balance",
                "jordbalance", "byzone", "landzone", "dissolve"]

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.AREA_TYPES, self.tr("Area types"), processing_vector_types("polygon")))
        self.addParameter(QgsProcessingParameterField(
            self.AREA_TYPE_FIELD, self.tr("Area type field"), defaultValue="area_type",
            parentLayerParameterName=self.AREA_TYPES))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.CONTAMINATION, self.tr("Contaminated sites (V1/V2), cut out"),
            processing_vector_types("polygon"), optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.BOUNDARY, self.tr("Boundaries to split zones along (e.g. municipalities)"),
            processing_vector_types("polygon"), optional=True))
        self.add_field(self.BOUNDARY_ID_FIELD, self.tr("Boundary id field"), None, self.BOUNDARY,
                       optional=True)
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.SOURCES, self.tr("Excavations (surplus soil)"),
            processing_vector_types("point", "polygon"), optional=True))
        self.add_field(self.SOURCE_ID_FIELD, self.tr("Excavation id field (names sites in "
                                                     "the log)"), "id", self.SOURCES, optional=True,
                       advanced=True)
        self.add_field(self.VOLUME_FIELD, self.tr("Volume field (m³)"), "volume_m3", self.SOURCES,
                       numeric=True, optional=True)
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.RECEIVERS, self.tr("Receivers (demand)"),
            processing_vector_types("point", "polygon"), optional=True))
        self.add_field(self.RECEIVER_ID_FIELD, self.tr("Receiver id field (names sites in the "
                                                       "log)"), "id", self.RECEIVERS, optional=True,
                       advanced=True)
        self.add_field(self.CAPACITY_FIELD, self.tr("Capacity field (m³)"), "capacity_m3",
                       self.RECEIVERS, numeric=True, optional=True)
        self.add_distance_crs_parameter(advanced=True)
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.output_title(self.OUTPUT),
            QgsProcessing.SourceType.TypeVectorPolygon))
        for name, title in zip(self.NUMBERS, (
                self.tr("Number of zones"), self.tr("Surplus in zones (m³)"),
                self.tr("Demand in zones (m³)"), self.tr("Surplus outside every zone (m³)"),
                self.tr("Demand outside every zone (m³)"))):
            self.addOutput(QgsProcessingOutputNumber(name, title))

    def processAlgorithm(self, parameters, context, feedback):
        import numpy as np

        from ..core.area.classify import prepare_area_types
        from ..core.area.zones import NO_BOUNDARY, area_zones
        from ..core.tables import CAPACITY, VOLUME

        crs = self.distance_crs(parameters, context)
        steps = QgsProcessingMultiStepFeedback(3, feedback)  # area types, other inputs, zones
        types_source = self.source_or_error(parameters, self.AREA_TYPES, context)
        type_field = resolve_field(self, parameters, self.AREA_TYPE_FIELD, context, types_source,
                                   self.tr("Area types"), feedback, required=True)
        area_types = read_frame(types_source, crs, context, steps, fields=[type_field],
                                label=self.tr("Area types"))
        if area_types.empty:
            raise QgsProcessingException(self.tr(
                "The area-type layer has no polygons. Add area types (for example the municipal "
                "zone map or CORINE Land Cover) and run again."))
        prepared = prepare_area_types(area_types, type_field)
        report_area_overlaps(np.flatnonzero(prepared["overlaps_other_type"].to_numpy()),
                             area_types, feedback)
        steps.setCurrentStep(1)
        contamination = self._polygons(parameters, self.CONTAMINATION, context, feedback, crs,
                                       self.tr("Contaminated sites"))
        boundary_source = self.source_or_error(parameters, self.BOUNDARY, context, required=False)
        boundary, boundary_ids = None, None
        if boundary_source is not None:
            id_field = resolve_field(self, parameters, self.BOUNDARY_ID_FIELD, context,
                                     boundary_source, self.tr("Boundaries"), feedback)
            frame = read_frame(boundary_source, crs, context, feedback,
                               fields=[id_field] if id_field else [], label=self.tr("Boundaries"))
            boundary = frame.geometry
            boundary_ids = frame[id_field].tolist() if id_field else frame[FEATURE_ID].tolist()

        sources = self._sites(parameters, context, steps, self.SOURCES, crs,
                              self.tr("Excavations"),
                              SiteParameters(self.VOLUME_FIELD, VOLUME, self.SOURCE_ID_FIELD))
        receivers = self._sites(parameters, context, steps, self.RECEIVERS, crs,
                                self.tr("Receivers"),
                                SiteParameters(self.CAPACITY_FIELD, CAPACITY,
                                               self.RECEIVER_ID_FIELD))
        if feedback.isCanceled():
            return {}
        steps.setCurrentStep(2)

        result = area_zones(prepared, contamination, boundary, sources, receivers)
        zones = result.zones
        zones["boundary_id"] = [None if b == NO_BOUNDARY or boundary_ids is None
                                else str(boundary_ids[b]) for b in zones["boundary"].to_numpy()]
        steps.setProgress(70)
        if result.other_polygons:
            feedback.pushInfo(self.tr(
                "{0} area-type polygon(s) have an unrecognised type (other) and form no zone: soil "
                "there never moves freely.").format(result.other_polygons))

        fields = self.output_fields(self.OUTPUT)
        sink, dest_id = self.sink_or_error(parameters, self.OUTPUT, context, fields,
                                           QgsWkbTypes.Type.Polygon, crs)
        write_frame(sink, zones, fields, steps)
        sink.flushBuffer()

        surplus, demand = float(zones["surplus_m3"].sum()), float(zones["demand_m3"].sum())
        outside = result.outside
        whole = number_format().whole
        feedback.pushInfo(self.tr(
            "{0} zone(s): surplus {1} m³, demand {2} m³; outside every zone (other "
            "area types, contaminated sites, no area type): surplus {3} m³, demand "
            "{4} m³.").format(whole(len(zones)), whole(surplus), whole(demand),
                               whole(outside["surplus_m3"]), whole(outside["demand_m3"])))
        steps.setProgress(100)
        values = (len(zones), surplus, demand, float(outside["surplus_m3"]),
                  float(outside["demand_m3"]))
        outputs = dict(zip(self.NUMBERS, values))
        outputs[self.OUTPUT] = dest_id
        return outputs

    def _polygons(self, parameters, name, context, feedback, crs, label):
        source = self.source_or_error(parameters, name, context, required=False)
        if source is None:
            return None
        return read_frame(source, crs, context, feedback, fields=[], label=label).geometry

    def _sites(self, parameters, context, feedback, name, crs, label, spec):
        source = self.source_or_error(parameters, name, context, required=False)
        if source is None:
            return None
        sites, _ = self.balance_sites(parameters, context, feedback, source, crs, label, spec)
        return sites
