"""Classify sites by area type: the overlay behind the area-based approach."""
from qgis.core import (
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
)

from ..i18n import number_format
from ..layers.frames import bounds_rectangle, read_frame, write_frame
from ..layers.reading import report_area_overlaps
from ..layers.vocabulary import area_type_name
from .base import JordressourceAlgorithm, processing_vector_types


class ClassifyAreaTypesAlgorithm(JordressourceAlgorithm):
    ALGORITHM_ID = "classify_area_types"
    GROUP_ID = "project"

    INPUT = "INPUT"
    AREA_TYPES = "AREA_TYPES"
    AREA_TYPE_FIELD = "AREA_TYPE_FIELD"
    CONTAMINATION = "CONTAMINATION"
    OUTPUT = "OUTPUT"

    def displayName(self):
        return self.tr("Classify sites by area type")

    def extra_tags(self):
        return ["area type", "områdetype", "zone", "byzone", "landzone", "contamination"]

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Sites (excavations or receivers)"),
            processing_vector_types("point", "polygon")))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.AREA_TYPES, self.tr("Area types"), processing_vector_types("polygon")))
        self.addParameter(QgsProcessingParameterField(
            self.AREA_TYPE_FIELD, self.tr("Area type field"), defaultValue="area_type",
            parentLayerParameterName=self.AREA_TYPES))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.CONTAMINATION, self.tr("Contaminated sites (V1/V2)"),
            processing_vector_types("polygon"), optional=True))
        self.add_distance_crs_parameter()
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.output_title(self.OUTPUT)))

    def processAlgorithm(self, parameters, context, feedback):
        import numpy as np

        from ..core.area.classify import classify_sites, prepare_area_types
        from ..core.geometry import extent

        sites_source = self.source_or_error(parameters, self.INPUT, context)
        areas_source = self.source_or_error(parameters, self.AREA_TYPES, context)
        contamination_source = self.source_or_error(parameters, self.CONTAMINATION, context,
                                                    required=False)
        field = self.parameterAsString(parameters, self.AREA_TYPE_FIELD, context) or "area_type"
        crs = self.distance_crs(parameters, context)

        sites = read_frame(sites_source, crs, context, feedback, label=self.tr("Sites"))
        # Only the polygons the sites reach into classify them (core.geometry.extent).
        within = bounds_rectangle(extent.grown(extent.bounds_of(sites.geometry.total_bounds),
                                               extent.EDGE_SLACK_M))
        areas = read_frame(areas_source, crs, context, feedback, fields=[field],
                           label=self.tr("Area types"), within=within)
        if areas.empty and within is not None:  # none near the sites: is the layer empty?
            areas = read_frame(areas_source, crs, context, feedback, fields=[field],
                               label=self.tr("Area types"))
        if areas.empty:
            raise QgsProcessingException(self.tr(
                "The area-type layer has no polygons. Add area types (for example the municipal "
                "zone map or CORINE Land Cover) and run again."))
        contamination = None
        if contamination_source is not None:
            contamination = read_frame(contamination_source, crs, context, feedback, fields=[],
                                       label=self.tr("Contaminated sites"),
                                       within=within).geometry
        if feedback.isCanceled():
            return {}
        feedback.setProgress(50)

        prepared = prepare_area_types(areas, field)
        report_area_overlaps(np.flatnonzero(prepared["overlaps_other_type"].to_numpy()), areas,
                             feedback)
        result = classify_sites(sites.geometry, prepared, contamination)
        sites["area_type"] = result.area_type
        sites["area_share"] = result.area_share
        sites["contamination_suspected"] = result.contamination_suspected
        sites["free_move"] = result.free_move

        fields = self.output_fields(self.OUTPUT, sites_source.fields())
        sink, dest_id = self.sink_or_error(parameters, self.OUTPUT, context, fields,
                                           sites_source.wkbType(), crs)
        write_frame(sink, sites, fields, feedback)
        sink.flushBuffer()
        counts = sites["area_type"].value_counts().to_dict()
        whole = number_format().whole
        feedback.pushInfo(self.tr("Classified {0} site(s): {1}; {2} suspected of contamination.")
                          .format(whole(len(sites)),
                                  ", ".join(f"{area_type_name(k)} {whole(v)}"
                                            for k, v in sorted(counts.items())),
                                  whole(int(result.contamination_suspected.sum()))))
        feedback.setProgress(100)
        return {self.OUTPUT: dest_id}
