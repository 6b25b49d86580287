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
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsWkbTypes,
)

from ..i18n import number_format
from ..layers.fields import id_list, resolve_field
from ..layers.frames import FEATURE_ID, read_frame, write_frame
from ..layers.reading import check_reading
from ..layers.roads import read_road_network
from ..layers.sites import SiteFieldsMixin, SiteParameters
from ..layers.solver import solver_failure, solver_report
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
    OUTPUT_ROUTES = "OUTPUT_ROUTES"

    # (parameter, default field, parent layer, optional, advanced). The fields every run maps
    # (ids, volume, class, capacity) come first in the dialog; dates, kinds, disposal fields and
    # the area-type field have defaults that fit the data model and wait under Advanced.
    FIELDS = (
        ("SOURCE_ID_FIELD", "id", "SOURCES", False, False),
        ("VOLUME_FIELD", "volume_m3", "SOURCES", False, False),
        ("CLASS_FIELD", "soil_class", "SOURCES", False, False),
        ("RECEIVER_ID_FIELD", "id", "RECEIVERS", False, False),
        ("CAPACITY_FIELD", "capacity_m3", "RECEIVERS", False, False),
        ("MAX_CLASS_FIELD", "max_soil_class", "RECEIVERS", False, False),
        ("SOURCE_START_FIELD", "start_date", "SOURCES", True, True),
        ("SOURCE_END_FIELD", "end_date", "SOURCES", True, True),
        ("KIND_FIELD", "kind", "RECEIVERS", True, True),
        ("RECEIVER_START_FIELD", "start_date", "RECEIVERS", True, True),
        ("RECEIVER_END_FIELD", "end_date", "RECEIVERS", True, True),
        ("DISPOSAL_ID_FIELD", "id", "DISPOSAL", True, True),
        ("GATE_FEE_FIELD", "gate_fee_dkk_t", "DISPOSAL", True, True),
        ("AREA_TYPE_FIELD", "area_type", "AREA_TYPES", True, True),
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
        fields = {name: QgsProcessingParameterField(
            name, labels[name], defaultValue=default, parentLayerParameterName=parent,
            optional=optional) for name, default, parent, optional, _ in self.FIELDS}
        for name, _, _, _, advanced in self.FIELDS:
            if not advanced:
                self.addParameter(fields[name])
        self.addParameter(QgsProcessingParameterEnum(
            self.AREA_RULE, self.tr("Area rule"),
            options=[self.tr("0 – ignore area types"),
                     self.tr("1 – analysis cost when crossing area types"),
                     self.tr("2 – only within the same area type")],
            defaultValue=1))
        self.add_number_parameter("MAX_HAUL_KM", self.tr("Maximum haul (km)"), costs.MAX_HAUL_KM,
                                  decimals=1)
        self.add_number_parameter("DETOUR_FACTOR",
                                  self.tr("Detour factor (road / straight distance, "
                                          "without roads)"),
                                  costs.DETOUR_FACTOR, minimum=1.0, decimals=2)
        for name, _, _, _, advanced in self.FIELDS:
            if advanced:
                fields[name].setFlags(fields[name].flags() | fields[name].FlagAdvanced)
                self.addParameter(fields[name])
        self.add_number_parameter("SNAP_TOLERANCE_M", self.tr("Road snapping tolerance (m)"),
                                  costs.SNAP_TOLERANCE_M, advanced=True, decimals=1)
        self.add_distance_crs_parameter(advanced=True)
        for name, label, default, decimals in (
                ("DENSITY_T_M3", self.tr("Bulk density (t/m³)"), costs.DENSITY_T_M3, 2),
                ("TRUCK_PAYLOAD_T", self.tr("Truck payload (t)"), costs.TRUCK_PAYLOAD_T, 1),
                ("TRANSPORT_COST_DKK_TKM", self.tr("Transport cost (DKK per tonne-km)"),
                 costs.TRANSPORT_COST_DKK_TKM, 2),
                ("ANALYSIS_COST_DKK_T", self.tr("Analysis cost (DKK/t)"),
                 costs.ANALYSIS_COST_DKK_T, 2),
                ("CO2_KG_TKM", self.tr("CO2 per tonne-km (kg)"), costs.CO2_KG_TKM, 3),
                ("BASELINE_HAUL_KM", self.tr("Haul to disposal without a disposal site (km)"),
                 costs.BASELINE_HAUL_KM, 1),
                ("DEFAULT_GATE_FEE_DKK_T", self.tr("Default gate fee (DKK/t)"),
                 costs.DEFAULT_GATE_FEE_DKK_T, 2)):
            self.add_number_parameter(name, label, default, advanced=True, decimals=decimals)
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_MATCHES, self.output_title(self.OUTPUT_MATCHES),
            QgsProcessing.TypeVectorLine))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_SOURCES, self.output_title(self.OUTPUT_SOURCES)))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_RECEIVERS, self.output_title(self.OUTPUT_RECEIVERS)))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_ROUTES, self.output_title(self.OUTPUT_ROUTES),
            QgsProcessing.TypeVectorLine, optional=True, createByDefault=False))
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
        from ..core.reuse.costs import straight_haul
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
        network = self._road_network(layers, crs, number, context, steps)
        haul_pairs = (straight_haul(number["DETOUR_FACTOR"]) if network is None
                      else network.haul_pairs)
        disposal = self._read_disposal(parameters, context, steps, layers, crs, rates)
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
                raise QgsProcessingException(self.tr("{0} must be greater than zero.").format(
                    self.parameterDefinition(name).description()))
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

    def _road_network(self, layers, crs, number, context, feedback):
        """The road network hauls follow, or None for straight lines times the detour factor:
        the same reading of roads as haul_matrix (a layer with no usable line is a clear
        error)."""
        if layers[self.ROADS] is None:
            return None
        return read_road_network(layers[self.ROADS], crs, number["SNAP_TOLERANCE_M"], context,
                                 feedback)

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
            numbers = number_format()
            feedback.pushInfo(self.tr("No disposal site: unreused soil is hauled {0} km and "
                                      "charged {1} DKK/t.").format(
                numbers.trimmed(rates.baseline_haul_km),
                numbers.trimmed(rates.default_gate_fee_dkk_t)))
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
            match_rows.append([values[name] for name in names])
            feature.setAttributes(match_rows[-1])
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
                self.OUTPUT_RECEIVERS: receivers_id}, match_rows

    def _write_routes(self, parameters, context, feedback, plan, network, site_xy, match_rows,
                      crs):
        """The matches drawn along the roads they are hauled on, with the matches' fields; the
        straight match lines stay as the overview. Empty without roads."""
        from ..core.network.haul import NETWORK, HaulPairs

        fields = self.output_fields(self.OUTPUT_ROUTES)
        sink, routes_id = self.sink_or_error(parameters, self.OUTPUT_ROUTES, context, fields,
                                             QgsWkbTypes.LineString, crs)
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
            sink.addFeature(feature, QgsFeatureSink.FastInsert)
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
