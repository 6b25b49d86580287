"""Haul distance matrix: every source-target pair within the maximum haul, along roads when a
road layer is given, else straight line times a detour factor."""
import math

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsGeometry,
    QgsLineString,
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsWkbTypes,
)

from ..i18n import number_format
from ..layers.fields import id_list, resolve_field
from ..layers.frames import FEATURE_ID, read_frame
from ..layers.reading import check_reading
from ..layers.roads import read_roads_near
from ..layers.sites import report_spread_sites
from ..layers.vocabulary import distance_method
from .base import JordressourceAlgorithm, processing_vector_types

# MAX_HAUL_KM = 0 lists every pair; beyond this many the output would not fit in memory usefully.
MAX_UNLIMITED_PAIRS = 20_000_000


class HaulMatrixAlgorithm(JordressourceAlgorithm):
    ALGORITHM_ID = "haul_matrix"
    GROUP_ID = "reuse"

    SOURCES = "SOURCES"
    SOURCE_ID_FIELD = "SOURCE_ID_FIELD"
    TARGETS = "TARGETS"
    TARGET_ID_FIELD = "TARGET_ID_FIELD"
    ROADS = "ROADS"
    ONEWAY_FIELD = "ONEWAY_FIELD"
    DETOUR_FACTOR = "DETOUR_FACTOR"
    MAX_HAUL_KM = "MAX_HAUL_KM"
    SNAP_TOLERANCE_M = "SNAP_TOLERANCE_M"
    ACCESS_WARNING_M = "ACCESS_WARNING_M"
    OUTPUT = "OUTPUT"
    OUTPUT_ROUTES = "OUTPUT_ROUTES"
    PAIR_COUNT = "PAIR_COUNT"
    DISCONNECTED_PAIRS = "DISCONNECTED_PAIRS"
    FAR_FROM_ROAD = "FAR_FROM_ROAD"

    def displayName(self):
        return self.tr("Haul distance matrix")

    def extra_tags(self):
        return ["haul", "distance", "road", "network", "vej", "kørsel", "afstand", "matrix",
                "shortest path"]

    def initAlgorithm(self, config=None):
        from ..core.reuse import costs

        self.addParameter(QgsProcessingParameterFeatureSource(
            self.SOURCES, self.tr("Sources (excavations)"),
            processing_vector_types("point", "polygon")))
        self.addParameter(QgsProcessingParameterField(
            self.SOURCE_ID_FIELD, self.tr("Source id field"), defaultValue="id",
            parentLayerParameterName=self.SOURCES, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.TARGETS, self.tr("Targets (receivers or disposal sites)"),
            processing_vector_types("point", "polygon")))
        self.addParameter(QgsProcessingParameterField(
            self.TARGET_ID_FIELD, self.tr("Target id field"), defaultValue="id",
            parentLayerParameterName=self.TARGETS, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.ROADS, self.tr("Roads (optional: straight lines without)"),
            processing_vector_types("line"), optional=True))
        oneway = QgsProcessingParameterField(
            self.ONEWAY_FIELD, self.tr("One-way field of the roads (optional)"),
            parentLayerParameterName=self.ROADS, optional=True)
        oneway.setFlags(oneway.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.addParameter(oneway)
        self.add_number_parameter(self.DETOUR_FACTOR,
                                  self.tr("Detour factor (road / straight distance, "
                                          "without roads)"),
                                  costs.DETOUR_FACTOR, minimum=1.0)
        self.add_number_parameter(self.MAX_HAUL_KM, self.tr("Maximum haul (km)"), costs.MAX_HAUL_KM)
        self.add_distance_crs_parameter()
        self.add_number_parameter(self.SNAP_TOLERANCE_M,
                                  self.tr("Snap tolerance: road ends closer than this join (m)"),
                                  costs.SNAP_TOLERANCE_M, maximum=costs.SNAP_TOLERANCE_MAX_M,
                                  advanced=True)
        self.add_number_parameter(self.ACCESS_WARNING_M,
                                  self.tr("Report sites farther than this from any road (m)"),
                                  costs.ACCESS_WARNING_M, advanced=True)
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.output_title(self.OUTPUT), processing_vector_types("line")[0]))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_ROUTES, self.output_title(self.OUTPUT_ROUTES),
            processing_vector_types("line")[0], optional=True, createByDefault=False))
        for name, title in ((self.PAIR_COUNT, self.tr("Pairs within the maximum haul")),
                            (self.DISCONNECTED_PAIRS, self.tr("Pairs with no road connection")),
                            (self.FAR_FROM_ROAD, self.tr("Sites far from any road"))):
            self.addOutput(QgsProcessingOutputNumber(name, title))

    def processAlgorithm(self, parameters, context, feedback):
        steps = QgsProcessingMultiStepFeedback(4, feedback)  # sites, roads, pairs, outputs
        crs = self.distance_crs(parameters, context)
        max_km = self.parameterAsDouble(parameters, self.MAX_HAUL_KM, context)
        if max_km <= 0:
            max_km = math.inf
        sites = {layer: self._read_sites(parameters, context, steps, layer, field, label, crs)
                 for layer, field, label in (
                     (self.SOURCES, self.SOURCE_ID_FIELD, self.tr("Sources")),
                     (self.TARGETS, self.TARGET_ID_FIELD, self.tr("Targets")))}
        source_ids, source_xy, _ = sites[self.SOURCES]
        target_ids, target_xy, _ = sites[self.TARGETS]
        if math.isinf(max_km) and len(source_ids) * len(target_ids) > MAX_UNLIMITED_PAIRS:
            raise QgsProcessingException(self.tr(
                "Without a maximum haul every one of the {0} source-target pairs would be "
                "listed. Set a maximum haul (km) above 0.").format(
                    number_format().whole(len(source_ids) * len(target_ids))))
        steps.setCurrentStep(1)
        network, bounds = self._read_roads(parameters, context, steps, crs, sites, max_km)
        if steps.isCanceled():
            return {}
        steps.setCurrentStep(2)
        result = self._haul(network, sites, max_km, steps)
        if bounds is not None and result is not None and result.disconnected_pairs:
            # Roads outside the area read may join parts of the network: count on them all.
            feedback.pushInfo(self.tr("Roads: some sites lie on separate parts of the roads "
                                      "read; reading the whole road layer to count them."))
            network, _ = self._read_roads(parameters, context, steps, crs, sites, math.inf)
            result = self._haul(network, sites, max_km, steps)
        pairs, disconnected, far = self._pairs(parameters, context, feedback, result, sites,
                                               max_km)
        if steps.isCanceled():
            return {}
        numbers = number_format()
        if math.isinf(max_km):
            feedback.pushInfo(self.tr("{0} pair(s), with no maximum haul ({1}).")
                              .format(numbers.whole(len(pairs)), distance_method(pairs.method)))
        else:
            feedback.pushInfo(self.tr("{0} pair(s) within {1} km ({2}).")
                              .format(numbers.whole(len(pairs)), numbers.trimmed(max_km),
                                      distance_method(pairs.method)))

        steps.setCurrentStep(3)
        fields = self.output_fields(self.OUTPUT)
        sink, dest_id = self.sink_or_error(parameters, self.OUTPUT, context, fields,
                                           QgsWkbTypes.Type.LineString, crs)
        route_sink, route_id = None, None
        if parameters.get(self.OUTPUT_ROUTES):
            route_sink, route_id = self.sink_or_error(parameters, self.OUTPUT_ROUTES, context,
                                                      self.output_fields(self.OUTPUT_ROUTES),
                                                      QgsWkbTypes.Type.LineString, crs)
        routes = None
        if route_sink is not None and network is not None:
            routes = network.route_lines(source_xy, target_xy, pairs, canceled=steps.isCanceled)
        elif route_sink is not None:
            feedback.pushInfo(self.tr("Routes follow roads; without a road layer the routes "
                                      "output stays empty."))
        total = max(len(pairs), 1)
        names = fields.names()
        for k, (s, t, km) in enumerate(zip(pairs.source, pairs.target, pairs.distance_km)):
            if steps.isCanceled():
                return {}
            values = {"source_id": source_ids[s], "target_id": target_ids[t],
                      "distance_km": float(km), "method": pairs.method}
            attributes = [values[name] for name in names]
            feature = QgsFeature(fields)
            feature.setAttributes(attributes)
            feature.setGeometry(QgsGeometry(QgsLineString(
                [source_xy[s, 0], target_xy[t, 0]], [source_xy[s, 1], target_xy[t, 1]])))
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
            if routes is not None and routes[k] is not None:
                route = QgsFeature(fields)
                route.setAttributes(attributes)
                xs, ys = routes[k].xy
                route.setGeometry(QgsGeometry(QgsLineString(list(xs), list(ys))))
                route_sink.addFeature(route, QgsFeatureSink.Flag.FastInsert)
            if k % 1000 == 0:
                steps.setProgress(100.0 * k / total)
        results = {self.OUTPUT: dest_id, self.PAIR_COUNT: len(pairs),
                   self.DISCONNECTED_PAIRS: disconnected, self.FAR_FROM_ROAD: far}
        if route_id is not None:
            results[self.OUTPUT_ROUTES] = route_id
        return results

    def _read_sites(self, parameters, context, feedback, layer, field, label, crs):
        """(ids, (n, 2) positions, label) of a site layer; a site without an id is named by
        its feature id, and repeated ids are reported (help: reading tables)."""
        import pandas as pd

        from ..core.geometry.positions import position_xy
        from ..core.tables import read_ids

        source = self.source_or_error(parameters, layer, context)
        id_field = resolve_field(self, parameters, field, context, source, label, feedback)
        frame = read_frame(source, crs, context, feedback, fields=[id_field], label=label)
        if frame.empty:
            raise QgsProcessingException(self.tr(
                "{0}: the layer has no features with a geometry.").format(label))
        fids = frame[FEATURE_ID].tolist()
        if id_field is None:
            ids = [str(fid) for fid in fids]
        else:
            ids, report = read_ids(frame[id_field], fids, id_field)
            check_reading(report, label, feedback)
            ids = ids.tolist()
        report_spread_sites(frame, pd.Series(ids, dtype=object), label, feedback)
        return ids, position_xy(frame.geometry), label

    def _read_roads(self, parameters, context, feedback, crs, sites, max_km):
        """(RoadNetwork or None, bounds read or None): the roads within the maximum haul (or the
        access warning distance, if longer) of the sites; every road without a maximum."""
        import numpy as np

        source = self.source_or_error(parameters, self.ROADS, context, required=False)
        if source is None:
            return None, None
        tolerance = self.parameterAsDouble(parameters, self.SNAP_TOLERANCE_M, context)
        oneway_field = resolve_field(self, parameters, self.ONEWAY_FIELD, context, source,
                                     self.tr("Roads"), feedback)
        warning_m = self.parameterAsDouble(parameters, self.ACCESS_WARNING_M, context)
        sites_xy = np.vstack([sites[self.SOURCES][1], sites[self.TARGETS][1]])
        return read_roads_near(source, crs, tolerance, context, feedback, sites_xy,
                               max(max_km * 1000.0, warning_m), oneway_field)

    def _haul(self, network, sites, max_km, steps):
        """The NetworkHaul of every pair within ``max_km``; None without roads."""
        if network is None:
            return None
        return network.haul(sites[self.SOURCES][1], sites[self.TARGETS][1], max_km,
                            progress=lambda share: steps.setProgress(100 * share),
                            canceled=steps.isCanceled)

    def _pairs(self, parameters, context, feedback, result, sites, max_km):
        """(HaulPairs, pairs with no road path, sites far from any road), reported."""
        from ..core.network.haul import straight_haul_pairs

        source_xy, target_xy = sites[self.SOURCES][1], sites[self.TARGETS][1]
        if result is None:
            detour = self.parameterAsDouble(parameters, self.DETOUR_FACTOR, context)
            feedback.pushInfo(self.tr("No roads given: straight lines × {0}.").format(
                number_format().trimmed(detour)))
            return straight_haul_pairs(source_xy, target_xy, max_km, detour), 0, 0
        warning_m = self.parameterAsDouble(parameters, self.ACCESS_WARNING_M, context)
        far = sum(self._report_far(sites[layer], access, warning_m, feedback)
                  for layer, access in ((self.SOURCES, result.source_access_m),
                                        (self.TARGETS, result.target_access_m)))
        if result.disconnected_pairs:
            feedback.pushWarning(self.tr(
                "{0} source-target pair(s) lie on separate parts of the road network and "
                "have no road path; they are left out.").format(
                    number_format().whole(result.disconnected_pairs)))
        return result.pairs, result.disconnected_pairs, far

    def _report_far(self, site, access_m, warning_m, feedback):
        ids, _, label = site
        far = [ids[k] for k in (access_m > warning_m).nonzero()[0]]
        if far and warning_m > 0:
            feedback.pushWarning(self.tr(
                "{0}: {1} site(s) lie more than {2} m from any road ({3}); their straight "
                "access leg is counted in the haul.").format(
                    label, number_format().whole(len(far)), number_format().whole(warning_m),
                    id_list(far)))
            return len(far)
        return 0
