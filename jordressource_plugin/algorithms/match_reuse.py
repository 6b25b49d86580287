"""Find short-haul reuse matches: the exact least-cost allocation of surplus soil to receivers
under the area-based rules, against the baseline of sending everything to disposal."""
from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsGeometry,
    QgsLineString,
    QgsPointXY,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsWkbTypes,
)

from ..i18n import number_format
from ..layers.fields import id_list
from ..layers.frames import write_frame
from ..layers.reuse_inputs import ReuseInputsMixin
from ..layers.solver import solver_failure, solver_report
from .base import JordressourceAlgorithm


class MatchReuseAlgorithm(ReuseInputsMixin, JordressourceAlgorithm):
    ALGORITHM_ID = "match_reuse"
    GROUP_ID = "reuse"

    OUTPUT_MATCHES = "OUTPUT_MATCHES"
    OUTPUT_SOURCES = "OUTPUT_SOURCES"
    OUTPUT_RECEIVERS = "OUTPUT_RECEIVERS"
    OUTPUT_ROUTES = "OUTPUT_ROUTES"

    def displayName(self):
        return self.tr("Find short-haul reuse matches")

    def extra_tags(self):
        return ["reuse", "genanvendelse", "match", "allocation", "haul", "transport", "disposal",
                "jordflytning", "råstofgrav", "optimal"]

    def initAlgorithm(self, config=None):
        self.add_reuse_inputs()
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_MATCHES, self.output_title(self.OUTPUT_MATCHES),
            QgsProcessing.SourceType.TypeVectorLine))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_SOURCES, self.output_title(self.OUTPUT_SOURCES)))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_RECEIVERS, self.output_title(self.OUTPUT_RECEIVERS)))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_ROUTES, self.output_title(self.OUTPUT_ROUTES),
            QgsProcessing.SourceType.TypeVectorLine, optional=True, createByDefault=False))
        for name, description in (
                ("REUSED_M3", self.tr("Reused (m³)")),
                ("DISPOSED_M3", self.tr("To disposal (m³)")),
                ("TONNE_KM", self.tr("Haul (tonne-km)")),
                ("BASELINE_TONNE_KM", self.tr("Haul if everything went to disposal (tonne-km)")),
                ("COST_DKK", self.tr("Cost (DKK)")),
                ("BASELINE_COST_DKK", self.tr("Cost if everything went to disposal (DKK)")),
                ("CO2_KG", self.tr("CO2 (kg)")),
                ("BASELINE_CO2_KG", self.tr("CO2 if everything went to disposal (kg)"))):
            self.addOutput(QgsProcessingOutputNumber(name, description))

    def processAlgorithm(self, parameters, context, feedback):
        from ..core.reuse.allocation import AllocationCancelled, AllocationError
        from ..core.reuse.plan import plan_reuse
        from ..core.reuse.problem import AreaRule

        steps = QgsProcessingMultiStepFeedback(4, feedback)  # sites, context, solve, outputs
        crs = self.distance_crs(parameters, context)
        layers = self.read_reuse_layers(parameters, context)
        rates, number = self.reuse_rates(parameters, context)
        area_rule = AreaRule(self.parameterAsEnum(parameters, self.AREA_RULE, context))
        source_table, excavations, receiver_table_, receivers, kind_field = self.read_reuse_sites(
            parameters, context, steps, layers, crs)
        if steps.isCanceled():
            return {}
        steps.setCurrentStep(1)
        self.classify_reuse_sites(parameters, context, steps, layers, crs, area_rule,
                                  (source_table, excavations), (receiver_table_, receivers))
        disposal = self.read_disposal_sites(parameters, context, steps, layers, crs, rates)
        network, haul_pairs = self.reuse_roads_near(parameters, layers, crs, number, context,
                                                    steps, (excavations.xy, receivers.xy),
                                                    disposal, rates)
        steps.setCurrentStep(2)
        numbers = number_format()
        feedback.pushInfo(self.tr(
            "Solving the allocation of {0} excavation(s) to {1} receiver(s)…").format(
                numbers.whole(len(source_table.ids)), numbers.whole(len(receiver_table_.ids))))
        try:
            plan = plan_reuse(excavations, receivers, disposal.xy, disposal.gate_fee_dkk_t, rates,
                              area_rule, number["MAX_HAUL_KM"], haul_pairs,
                              should_stop=steps.isCanceled)
        except AllocationCancelled:
            return {}
        except AllocationError as error:
            feedback.pushDebugInfo(str(error))  # HiGHS's own words, for support
            raise QgsProcessingException(self.tr(
                "The optimiser could not find the optimal allocation: {0}").format(
                    solver_failure(error.status))) from None
        self._report_problem(plan, source_table, receiver_table_, feedback)
        steps.setCurrentStep(3)

        results, match_rows = self._write_outputs(parameters, context, steps, plan,
                                                  source_table, receiver_table_, layers,
                                                  kind_field, disposal.ids, crs)
        if parameters.get(self.OUTPUT_ROUTES):
            results.update(self._write_routes(parameters, context, steps, plan, network,
                                              (excavations.xy, receivers.xy), match_rows, crs))
        self._log_summary(plan.summary, feedback)
        results.update(self._numbers(plan.summary))
        return results

    @staticmethod
    def _numbers(summary):
        return {"REUSED_M3": summary.reused_m3, "DISPOSED_M3": summary.disposed_m3,
                "TONNE_KM": summary.tonne_km, "BASELINE_TONNE_KM": summary.baseline_tonne_km,
                "COST_DKK": summary.cost_dkk, "BASELINE_COST_DKK": summary.baseline_cost_dkk,
                "CO2_KG": summary.co2_kg, "BASELINE_CO2_KG": summary.baseline_co2_kg}

    def _report_problem(self, plan, source_table, receiver_table_, feedback):
        problem = plan.problem
        if len(problem.class_not_accepted):
            ids = source_table.ids[problem.class_not_accepted]
            feedback.pushWarning(self.tr(
                "{0} excavation(s) have a soil class no receiver accepts; their soil goes to "
                "disposal: {1}").format(len(ids), id_list(ids)))
        numbers = number_format()
        feedback.pushInfo(self.tr("{0} pair(s) within the maximum haul; {1} allowed arc(s) "
                                  "cheaper than disposal.")
                          .format(numbers.whole(problem.pairs_in_reach),
                                  numbers.whole(len(problem.arcs))))
        feedback.pushInfo(solver_report(plan.allocation.status, plan.allocation.rounds,
                                        plan.allocation.cost_dkk, numbers))

    # Writing --------------------------------------------------------------------------------
    def _write_outputs(self, parameters, context, feedback, plan, source_table, receiver_table_,
                       layers, kind_field, disposal_ids, crs):
        import numpy as np

        from ..core.geometry.positions import position_points

        match_fields = self.output_fields(self.OUTPUT_MATCHES)
        names = match_fields.names()
        match_rows = []
        sink, matches_id = self.sink_or_error(parameters, self.OUTPUT_MATCHES, context,
                                              match_fields, QgsWkbTypes.Type.LineString, crs)
        source_points = position_points(source_table.frame.geometry)
        receiver_points = position_points(receiver_table_.frame.geometry)
        kinds = (receiver_table_.frame[kind_field].tolist() if kind_field
                 else [None] * len(receiver_table_.ids))
        matches = plan.matches
        for row in matches.itertuples(index=False):
            if feedback.isCanceled():
                break
            start, end = source_points.iloc[row.source], receiver_points.iloc[row.receiver]
            feature = QgsFeature(match_fields)
            feature.setGeometry(QgsGeometry.fromPolylineXY(
                [QgsPointXY(start.x, start.y), QgsPointXY(end.x, end.y)]))
            values = {
                "source_id": str(source_table.ids[row.source]),
                "receiver_id": str(receiver_table_.ids[row.receiver]),
                "receiver_kind": None if kinds[row.receiver] is None else str(kinds[row.receiver]),
                "volume_m3": float(row.volume_m3), "tonnes": float(row.tonnes),
                "distance_km": float(row.distance_km), "tonne_km": float(row.tonne_km),
                "truckloads": int(row.truckloads), "co2_kg": float(row.co2_kg),
                "cost_dkk": float(row.cost_dkk),
                "same_area_type": None if row.same_area_type is None else bool(row.same_area_type),
                "analysis_required": bool(row.analysis_required)}
            match_rows.append([values[name] for name in names])
            feature.setAttributes(match_rows[-1])
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        sink.flushBuffer()

        sources = source_table.frame
        site = plan.sources["disposal_site"].to_numpy()
        disposal_names = np.array([None] + [None if v is None else str(v) for v in disposal_ids],
                                  dtype=object)
        for name in ("reused_m3", "disposed_m3", "mean_haul_km", "disposal_km"):
            sources[name] = plan.sources[name].to_numpy()
        sources["disposal_id"] = disposal_names[site + 1]
        fields = self.output_fields(self.OUTPUT_SOURCES, layers[self.SOURCES].fields())
        sink, sources_id = self.sink_or_error(parameters, self.OUTPUT_SOURCES, context, fields,
                                              layers[self.SOURCES].wkbType(), crs)
        write_frame(sink, sources, fields, feedback)
        sink.flushBuffer()

        receivers = receiver_table_.frame
        for name in ("received_m3", "remaining_m3", "fill_share"):
            receivers[name] = plan.receivers[name].to_numpy()
        fields = self.output_fields(self.OUTPUT_RECEIVERS, layers[self.RECEIVERS].fields())
        sink, receivers_id = self.sink_or_error(parameters, self.OUTPUT_RECEIVERS, context,
                                                fields, layers[self.RECEIVERS].wkbType(), crs)
        write_frame(sink, receivers, fields, feedback)
        sink.flushBuffer()
        return {self.OUTPUT_MATCHES: matches_id, self.OUTPUT_SOURCES: sources_id,
                self.OUTPUT_RECEIVERS: receivers_id}, match_rows

    def _write_routes(self, parameters, context, feedback, plan, network, site_xy, match_rows,
                      crs):
        """The matches drawn along the roads they are hauled on, with the matches' fields; the
        straight match lines stay as the overview. Empty without roads."""
        from ..core.network.haul import NETWORK, HaulPairs

        fields = self.output_fields(self.OUTPUT_ROUTES)
        sink, routes_id = self.sink_or_error(parameters, self.OUTPUT_ROUTES, context, fields,
                                             QgsWkbTypes.Type.LineString, crs)
        if network is None:
            feedback.pushInfo(self.tr("Routes follow roads; without a road layer the routes "
                                      "output stays empty."))
            return {self.OUTPUT_ROUTES: routes_id}
        matches = plan.matches
        pairs = HaulPairs(matches["source"].to_numpy(), matches["receiver"].to_numpy(),
                          matches["distance_km"].to_numpy(dtype=float), NETWORK)
        routes = network.route_lines(site_xy[0], site_xy[1], pairs, canceled=feedback.isCanceled)
        for attributes, route in zip(match_rows, routes):
            if route is None or feedback.isCanceled():
                continue
            feature = QgsFeature(fields)
            feature.setAttributes(attributes)
            xs, ys = route.xy
            feature.setGeometry(QgsGeometry(QgsLineString(list(xs), list(ys))))
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        sink.flushBuffer()
        return {self.OUTPUT_ROUTES: routes_id}

    def _log_summary(self, summary, feedback):
        numbers = number_format()
        whole = numbers.whole

        def change(plan, baseline):
            return numbers.change((plan - baseline) / baseline) if baseline else "–"

        feedback.pushInfo(self.tr(
            "Optimal plan: {0} of {1} m³ reused ({2}), {3} m³ to disposal.")
            .format(whole(summary.reused_m3), whole(summary.supplied_m3),
                    numbers.share(summary.reused_share), whole(summary.disposed_m3)))
        feedback.pushInfo(self.tr("Haul: {0} tonne-km against {1} if everything went to "
                                  "disposal ({2}).")
                          .format(whole(summary.tonne_km), whole(summary.baseline_tonne_km),
                                  change(summary.tonne_km, summary.baseline_tonne_km)))
        feedback.pushInfo(self.tr("CO2: {0} kg against {1} kg ({2}).")
                          .format(whole(summary.co2_kg), whole(summary.baseline_co2_kg),
                                  change(summary.co2_kg, summary.baseline_co2_kg)))
        feedback.pushInfo(self.tr("Cost: {0} DKK against {1} DKK: {2} DKK saved.")
                          .format(whole(summary.cost_dkk), whole(summary.baseline_cost_dkk),
                                  whole(summary.baseline_cost_dkk - summary.cost_dkk)))
        feedback.pushInfo(self.tr("{0} truckload(s) to {1} receiver(s); {2} receiver(s) "
                                  "filled.").format(whole(summary.truckloads),
                                                    whole(summary.receivers_used),
                                                    whole(summary.receivers_filled)))
