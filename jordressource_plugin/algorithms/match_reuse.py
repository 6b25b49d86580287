"""Find short-haul reuse matches: the exact least-cost allocation of surplus soil to receivers
under the area-based rules, against the baseline of sending everything to disposal."""
from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsGeometry,
    QgsPointXY,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsWkbTypes,
)

from ..layers.fields import id_list, resolve_field
from ..layers.frames import FEATURE_ID, read_frame, write_frame
from ..layers.reading import check_reading
from ..layers.roads import read_road_network
from ..layers.sites import SiteFieldsMixin, SiteParameters
from .base import JordressourceAlgorithm, processing_vector_types


class MatchReuseAlgorithm(SiteFieldsMixin, JordressourceAlgorithm):
    ALGORITHM_ID = "match_reuse"
    GROUP_ID = "reuse"

    SOURCES = "SOURCES"
    RECEIVERS = "RECEIVERS"
    DISPOSAL = "DISPOSAL"
    AREA_TYPES = "AREA_TYPES"
    CONTAMINATION = "CONTAMINATION"
    ROADS = "ROADS"
    AREA_RULE = "AREA_RULE"
    OUTPUT_MATCHES = "OUTPUT_MATCHES"
    OUTPUT_SOURCES = "OUTPUT_SOURCES"
    OUTPUT_RECEIVERS = "OUTPUT_RECEIVERS"

    # (parameter, default field, parent layer, optional)
    FIELDS = (
        ("SOURCE_ID_FIELD", "id", "SOURCES", False),
        ("VOLUME_FIELD", "volume_m3", "SOURCES", False),
        ("CLASS_FIELD", "soil_class", "SOURCES", False),
        ("SOURCE_START_FIELD", "start_date", "SOURCES", True),
        ("SOURCE_END_FIELD", "end_date", "SOURCES", True),
        ("RECEIVER_ID_FIELD", "id", "RECEIVERS", False),
        ("KIND_FIELD", "kind", "RECEIVERS", True),
        ("CAPACITY_FIELD", "capacity_m3", "RECEIVERS", False),
        ("MAX_CLASS_FIELD", "max_soil_class", "RECEIVERS", False),
        ("RECEIVER_START_FIELD", "start_date", "RECEIVERS", True),
        ("RECEIVER_END_FIELD", "end_date", "RECEIVERS", True),
        ("DISPOSAL_ID_FIELD", "id", "DISPOSAL", True),
        ("GATE_FEE_FIELD", "gate_fee_dkk_t", "DISPOSAL", True),
        ("AREA_TYPE_FIELD", "area_type", "AREA_TYPES", True),
    )

    def displayName(self):
        return self.tr("Find short-haul reuse matches")

    def extra_tags(self):
        return ["reuse", "genanvendelse", "match", "allocation", "haul", "transport", "disposal",
                "jordflytning", "råstofgrav", "optimal"]

    def field_labels(self):
        return {
            "SOURCE_ID_FIELD": self.tr("Excavation id field"),
            "VOLUME_FIELD": self.tr("Surplus volume field (m³, in situ)"),
            "CLASS_FIELD": self.tr("Soil class field"),
            "SOURCE_START_FIELD": self.tr("Excavation start date field"),
            "SOURCE_END_FIELD": self.tr("Excavation end date field"),
            "RECEIVER_ID_FIELD": self.tr("Receiver id field"),
            "KIND_FIELD": self.tr("Receiver kind field"),
            "CAPACITY_FIELD": self.tr("Receiver capacity field (m³)"),
            "MAX_CLASS_FIELD": self.tr("Highest accepted soil class field"),
            "RECEIVER_START_FIELD": self.tr("Receiver start date field"),
            "RECEIVER_END_FIELD": self.tr("Receiver end date field"),
            "DISPOSAL_ID_FIELD": self.tr("Disposal site id field"),
            "GATE_FEE_FIELD": self.tr("Gate fee field (DKK/t)"),
            "AREA_TYPE_FIELD": self.tr("Area type field"),
        }

    def initAlgorithm(self, config=None):
        from ..core.reuse import costs

        sites = processing_vector_types("point", "polygon")
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.SOURCES, self.tr("Excavations with surplus soil"), sites))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.RECEIVERS, self.tr("Receivers (pits, resource sites, utilisation)"), sites))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.DISPOSAL, self.tr("Disposal sites"), sites, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.AREA_TYPES, self.tr("Area types"), processing_vector_types("polygon"),
            optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.CONTAMINATION, self.tr("Contaminated sites (V1/V2)"),
            processing_vector_types("polygon"), optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.ROADS, self.tr("Roads"), processing_vector_types("line"), optional=True))
        labels = self.field_labels()
        for name, default, parent, optional in self.FIELDS:
            self.addParameter(QgsProcessingParameterField(
                name, labels[name], defaultValue=default, parentLayerParameterName=parent,
                optional=optional))
        self.addParameter(QgsProcessingParameterEnum(
            self.AREA_RULE, self.tr("Area rule"),
            options=[self.tr("0 – ignore area types"),
                     self.tr("1 – analysis cost when crossing area types"),
                     self.tr("2 – only within the same area type")],
            defaultValue=1))
        self.add_number_parameter("MAX_HAUL_KM", self.tr("Maximum haul (km)"), costs.MAX_HAUL_KM)
        self.add_number_parameter("DETOUR_FACTOR",
                                  self.tr("Detour factor (road / straight distance, "
                                          "without roads)"),
                                  costs.DETOUR_FACTOR, minimum=1.0)
        self.add_number_parameter("SNAP_TOLERANCE_M", self.tr("Road snapping tolerance (m)"),
                                  costs.SNAP_TOLERANCE_M, advanced=True)
        self.add_distance_crs_parameter()
        for name, label, default in (
                ("DENSITY_T_M3", self.tr("Bulk density (t/m³)"), costs.DENSITY_T_M3),
                ("TRUCK_PAYLOAD_T", self.tr("Truck payload (t)"), costs.TRUCK_PAYLOAD_T),
                ("TRANSPORT_COST_DKK_TKM", self.tr("Transport cost (DKK per tonne-km)"),
                 costs.TRANSPORT_COST_DKK_TKM),
                ("ANALYSIS_COST_DKK_T", self.tr("Analysis cost (DKK/t)"),
                 costs.ANALYSIS_COST_DKK_T),
                ("CO2_KG_TKM", self.tr("CO2 per tonne-km (kg)"), costs.CO2_KG_TKM),
                ("BASELINE_HAUL_KM", self.tr("Haul to disposal without a disposal site (km)"),
                 costs.BASELINE_HAUL_KM),
                ("DEFAULT_GATE_FEE_DKK_T", self.tr("Default gate fee (DKK/t)"),
                 costs.DEFAULT_GATE_FEE_DKK_T)):
            self.add_number_parameter(name, label, default, advanced=True)
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_MATCHES, self.output_title(self.OUTPUT_MATCHES),
            QgsProcessing.TypeVectorLine))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_SOURCES, self.output_title(self.OUTPUT_SOURCES)))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_RECEIVERS, self.output_title(self.OUTPUT_RECEIVERS)))
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
        layers = self._layers(parameters, context)
        rates, number = self._rates(parameters, context)
        area_rule = AreaRule(self.parameterAsEnum(parameters, self.AREA_RULE, context))
        source_table, excavations, receiver_table_, receivers, kind_field = self._read_sites(
            parameters, context, steps, layers, crs)
        if steps.isCanceled():
            return {}
        steps.setCurrentStep(1)
        self._classify(parameters, context, steps, layers, crs, area_rule,
                       (source_table, excavations), (receiver_table_, receivers))
        haul_pairs = self._haul_pairs(layers, crs, number, context, steps)
        disposal = self._read_disposal(parameters, context, steps, layers, crs, rates)
        steps.setCurrentStep(2)
        feedback.pushInfo(self.tr(
            "Solving the allocation of {0} excavation(s) to {1} receiver(s)…").format(
                len(source_table.ids), len(receiver_table_.ids)))
        try:
            plan = plan_reuse(excavations, receivers, disposal.xy, disposal.gate_fee_dkk_t, rates,
                              area_rule, number["MAX_HAUL_KM"], haul_pairs,
                              should_stop=steps.isCanceled)
        except AllocationCancelled:
            return {}
        except AllocationError as error:
            raise QgsProcessingException(self.tr(
                "The optimiser could not find the optimal allocation: {0}").format(error)) from None
        self._report_problem(plan, source_table, receiver_table_, feedback)
        steps.setCurrentStep(3)

        results = self._write_outputs(parameters, context, steps, plan, source_table,
                                      receiver_table_, layers, kind_field, disposal.ids, crs)
        self._log_summary(plan.summary, plan.allocation, feedback)
        results.update(self._numbers(plan.summary))
        return results

    # Reading --------------------------------------------------------------------------------
    def _layers(self, parameters, context):
        return {name: self.source_or_error(parameters, name, context,
                                           required=name in (self.SOURCES, self.RECEIVERS))
                for name in (self.SOURCES, self.RECEIVERS, self.DISPOSAL, self.AREA_TYPES,
                             self.CONTAMINATION, self.ROADS)}

    def _rates(self, parameters, context):
        """(CostRates, {parameter: value}) of the run's numbers."""
        from ..core.reuse.costs import CostRates

        number = {name: self.parameterAsDouble(parameters, name, context) for name in (
            "MAX_HAUL_KM", "DETOUR_FACTOR", "SNAP_TOLERANCE_M", "DENSITY_T_M3", "TRUCK_PAYLOAD_T",
            "TRANSPORT_COST_DKK_TKM", "ANALYSIS_COST_DKK_T", "CO2_KG_TKM", "BASELINE_HAUL_KM",
            "DEFAULT_GATE_FEE_DKK_T")}
        for name in ("DENSITY_T_M3", "TRUCK_PAYLOAD_T", "DETOUR_FACTOR"):
            if number[name] <= 0:
                raise QgsProcessingException(self.tr("{0} must be greater than zero.").format(name))
        rates = CostRates(number["DENSITY_T_M3"], number["TRUCK_PAYLOAD_T"],
                          number["TRANSPORT_COST_DKK_TKM"], number["ANALYSIS_COST_DKK_T"],
                          number["CO2_KG_TKM"], number["BASELINE_HAUL_KM"],
                          number["DEFAULT_GATE_FEE_DKK_T"])
        return rates, number

    def _read_sites(self, parameters, context, feedback, layers, crs):
        """Excavations and receivers under the one reading policy (help: reading tables):
        every site needs a unique id, since the matches name it."""
        from ..core.reuse.sites import excavations_from, receivers_from
        from ..core.tables import CAPACITY, CLASS, EMPTY, VOLUME, WINDOW, WINDOW_REVERSED

        to_disposal = self.tr("Their soil is not matched and goes to disposal.")
        sources = self.read_site_layer(
            parameters, context, feedback, layers[self.SOURCES], crs, self.tr("Excavations"),
            SiteParameters("VOLUME_FIELD", VOLUME, "SOURCE_ID_FIELD", "CLASS_FIELD",
                           "SOURCE_START_FIELD", "SOURCE_END_FIELD", ("id", "soil_class"), True),
            {(EMPTY, CLASS): to_disposal, (WINDOW_REVERSED, WINDOW): to_disposal},
            whole_layer=True)
        receivers = self.read_site_layer(
            parameters, context, feedback, layers[self.RECEIVERS], crs, self.tr("Receivers"),
            SiteParameters("CAPACITY_FIELD", CAPACITY, "RECEIVER_ID_FIELD", "MAX_CLASS_FIELD",
                           "RECEIVER_START_FIELD", "RECEIVER_END_FIELD", ("id", "soil_class"),
                           True),
            {(EMPTY, CLASS): self.tr("They accept no soil."),
             (WINDOW_REVERSED, WINDOW): self.tr("They receive no soil.")}, whole_layer=True)
        kind_field = resolve_field(self, parameters, "KIND_FIELD", context, layers[self.RECEIVERS],
                                   self.tr("Receivers"), feedback)
        source_table, excavations = excavations_from(*sources.kept()[:2])
        receiver_table_, receiver_sites = receivers_from(*receivers.kept()[:2])
        if not len(source_table.ids):
            raise QgsProcessingException(self.tr(
                "No excavation has a usable surplus volume. Check the volume field ({0}).")
                .format(sources.fields["amount"]))
        if not len(receiver_table_.ids):
            raise QgsProcessingException(self.tr(
                "There are no receivers with a usable capacity, so nothing can be reused. Add "
                "receivers (pits, resource sites, utilisation projects) with a capacity in m³."))
        if not (receiver_sites.capacity_m3 > 0).any():
            feedback.pushWarning(self.tr("Every receiver has zero capacity: all soil goes to "
                                         "disposal."))
        return source_table, excavations, receiver_table_, receiver_sites, kind_field

    def _classify(self, parameters, context, feedback, layers, crs, area_rule, sources,
                  receivers):
        """Area types and contamination suspicion of both sides, set in place."""
        from ..core.reuse.problem import AreaRule
        from ..core.reuse.sites import classify_for_reuse

        areas, contamination = None, None
        area_field = resolve_field(self, parameters, "AREA_TYPE_FIELD", context,
                                   layers[self.AREA_TYPES], self.tr("Area types"), feedback,
                                   required=True)
        if area_field:
            areas = read_frame(layers[self.AREA_TYPES], crs, context, None, fields=[area_field],
                               label=self.tr("Area types"))
        elif area_rule != AreaRule.IGNORE:
            feedback.pushWarning(self.tr(
                "No area-type layer: every site is taken to lie in one common area type, so the "
                "area rule only applies to excavations on contaminated sites."))
        if layers[self.CONTAMINATION] is not None:
            contamination = read_frame(layers[self.CONTAMINATION], crs, context, None, fields=[],
                                       label=self.tr("Contaminated sites")).geometry
        (source_table, excavations), (receiver_table_, receiver_sites) = sources, receivers
        classify_for_reuse(excavations, receiver_sites, source_table.frame.geometry,
                           receiver_table_.frame.geometry, areas, area_field, contamination)

    def _haul_pairs(self, layers, crs, number, context, feedback):
        """Straight lines times the detour factor, or along the roads: the same reading of
        roads as haul_matrix (a layer with no usable line is a clear error)."""
        from ..core.reuse.costs import straight_haul

        if layers[self.ROADS] is None:
            return straight_haul(number["DETOUR_FACTOR"])
        return read_road_network(layers[self.ROADS], crs, number["SNAP_TOLERANCE_M"], context,
                                 feedback).haul_pairs

    def _read_disposal(self, parameters, context, feedback, layers, crs, rates):
        """The disposal sites (positions, gate fees, ids) under the one reading policy; an
        empty fee is the default fee."""
        import numpy as np

        from ..core.reuse.sites import DisposalSites, disposal_sites

        disposal = DisposalSites(np.zeros((0, 2)), np.zeros(0), [])
        source = layers[self.DISPOSAL]
        if source is not None:
            label = self.tr("Disposal sites")
            fields = [resolve_field(self, parameters, name, context, source, label, feedback)
                      for name in ("DISPOSAL_ID_FIELD", "GATE_FEE_FIELD")]
            frame = read_frame(source, crs, context, feedback, fields=fields, label=label)
            disposal, report = disposal_sites(frame, frame[FEATURE_ID].tolist(), *fields)
            check_reading(report, label, feedback)
        if not len(disposal.xy):
            feedback.pushInfo(self.tr("No disposal site: unreused soil is hauled {0} km and "
                                      "charged {1} DKK/t.").format(rates.baseline_haul_km,
                                                                   rates.default_gate_fee_dkk_t))
        return disposal

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
        feedback.pushInfo(self.tr("{0} pair(s) within the maximum haul; {1} allowed arc(s) "
                                  "cheaper than disposal. Solver: {2} ({3} LP solve(s)).")
                          .format(problem.pairs_in_reach, len(problem.arcs),
                                  plan.allocation.status, plan.allocation.rounds))

    # Writing --------------------------------------------------------------------------------
    def _write_outputs(self, parameters, context, feedback, plan, source_table, receiver_table_,
                       layers, kind_field, disposal_ids, crs):
        import numpy as np

        from ..core.geometry.positions import position_points

        match_fields = self.output_fields(self.OUTPUT_MATCHES)
        names = match_fields.names()
        sink, matches_id = self.sink_or_error(parameters, self.OUTPUT_MATCHES, context,
                                              match_fields, QgsWkbTypes.LineString, crs)
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
            feature.setAttributes([values[name] for name in names])
            sink.addFeature(feature, QgsFeatureSink.FastInsert)
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
                self.OUTPUT_RECEIVERS: receivers_id}

    def _log_summary(self, summary, allocation, feedback):
        def change(plan, baseline):
            return f"{(plan - baseline) / baseline:+.0%}" if baseline else "–"

        feedback.pushInfo(self.tr(
            "Optimal plan: {0:,.0f} of {1:,.0f} m³ reused ({2:.0%}), {3:,.0f} m³ to disposal.")
            .format(summary.reused_m3, summary.supplied_m3, summary.reused_share,
                    summary.disposed_m3))
        feedback.pushInfo(self.tr("Transport: {0:,.0f} tonne-km against {1:,.0f} if everything "
                                  "went to disposal ({2}).")
                          .format(summary.tonne_km, summary.baseline_tonne_km,
                                  change(summary.tonne_km, summary.baseline_tonne_km)))
        feedback.pushInfo(self.tr("CO2: {0:,.0f} kg against {1:,.0f} kg ({2}).")
                          .format(summary.co2_kg, summary.baseline_co2_kg,
                                  change(summary.co2_kg, summary.baseline_co2_kg)))
        feedback.pushInfo(self.tr("Cost: {0:,.0f} DKK against {1:,.0f} DKK: {2:,.0f} DKK saved.")
                          .format(summary.cost_dkk, summary.baseline_cost_dkk,
                                  summary.baseline_cost_dkk - summary.cost_dkk))
        feedback.pushInfo(self.tr("{0:,} truckload(s) to {1} receiver(s); {2} receiver(s) "
                                  "filled.").format(summary.truckloads, summary.receivers_used,
                                                    summary.receivers_filled))
