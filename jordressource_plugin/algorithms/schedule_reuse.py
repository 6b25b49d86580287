"""Plan reuse over time with storage: the exact least-cost plan, month by month, when soil is dug
in one month and needed in another, with resource sites keeping it in between; against the same
plan without storage."""
from pathlib import Path

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsWkbTypes,
)

from .. import catalogue
from ..i18n import number_format
from ..layers.fields import id_list
from ..layers.frames import write_frame
from ..layers.reuse_inputs import ReuseInputsMixin
from ..layers.sites import SiteParameters
from ..layers.solver import solver_failure, solver_report
from .base import JordressourceAlgorithm, processing_vector_types


class ScheduleReuseAlgorithm(ReuseInputsMixin, JordressourceAlgorithm):
    ALGORITHM_ID = "schedule_reuse"
    GROUP_ID = "reuse"

    STORAGE = "STORAGE"
    MAX_DWELL_MONTHS = "MAX_DWELL_MONTHS"
    HANDLING_COST_DKK_T = "HANDLING_COST_DKK_T"
    STORAGE_COST_DKK_T_MONTH = "STORAGE_COST_DKK_T_MONTH"
    OUTPUT_FLOWS = "OUTPUT_FLOWS"
    OUTPUT_STOCK = "OUTPUT_STOCK"
    OUTPUT_SITES = "OUTPUT_SITES"
    OUTPUT_HTML = "OUTPUT_HTML"
    NUMBERS = ("REUSED_M3", "DISPOSED_M3", "COST_DKK", "TONNE_KM", "CO2_KG",
               "NO_STORAGE_REUSED_M3", "NO_STORAGE_COST_DKK", "NO_STORAGE_TONNE_KM",
               "NO_STORAGE_CO2_KG")

    def displayName(self):
        return self.tr("Plan reuse over time with storage")

    def extra_tags(self):
        return ["reuse", "genanvendelse", "storage", "mellemlager", "oplag", "jordhotel",
                "ressourceplads", "resource site", "schedule", "time", "month", "optimal"]

    def initAlgorithm(self, config=None):
        from ..core.storage import storage_costs

        self.add_reuse_inputs()
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.STORAGE, self.tr("Storage sites (resource sites, soil hotels)"),
            processing_vector_types("point", "polygon"), optional=True))
        # As match_reuse's: the fields every run maps in the dialog, the dates under Advanced.
        for name, label, default, advanced in (
                ("STORAGE_ID_FIELD", self.tr("Storage site id field"), "id", False),
                ("STORAGE_CAPACITY_FIELD", self.tr("Storage capacity field (m³ on hand at most)"),
                 "storage_capacity_m3", False),
                ("STORAGE_MAX_CLASS_FIELD", self.tr("Highest soil class stored field"),
                 "max_soil_class", False),
                ("STORAGE_START_FIELD", self.tr("Storage start date field"), "start_date", True),
                ("STORAGE_END_FIELD", self.tr("Storage end date field"), "end_date", True)):
            field = QgsProcessingParameterField(
                name, label, defaultValue=default, parentLayerParameterName=self.STORAGE,
                optional=True)
            if advanced:
                field.setFlags(field.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
            self.addParameter(field)
        self.add_number_parameter(self.MAX_DWELL_MONTHS, self.tr("Maximum dwell (months)"),
                                  storage_costs.MAX_DWELL_MONTHS, integer=True)
        self.add_number_parameter(self.HANDLING_COST_DKK_T,
                                  self.tr("Handling cost per tonne into storage, loading out "
                                          "included (DKK/t)"),
                                  storage_costs.HANDLING_COST_DKK_T, advanced=True, decimals=2)
        self.add_number_parameter(self.STORAGE_COST_DKK_T_MONTH,
                                  self.tr("Storage cost per tonne on hand at a month's end "
                                          "(DKK/t)"),
                                  storage_costs.STORAGE_COST_DKK_T_MONTH, advanced=True,
                                  decimals=2)
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_FLOWS, self.output_title(self.OUTPUT_FLOWS),
            QgsProcessing.SourceType.TypeVectorLine))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_STOCK, self.output_title(self.OUTPUT_STOCK),
            QgsProcessing.SourceType.TypeVector))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_SITES, self.output_title(self.OUTPUT_SITES)))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_HTML, self.output_title(self.OUTPUT_HTML),
            self.tr("HTML files (*.html)")))
        for name, description in zip(self.NUMBERS, (
                self.tr("Reused (m³)"), self.tr("To disposal (m³)"), self.tr("Cost (DKK)"),
                self.tr("Haul (tonne-km)"), self.tr("CO2 (kg)"),
                self.tr("Reused without storage (m³)"), self.tr("Cost without storage (DKK)"),
                self.tr("Haul without storage (tonne-km)"),
                self.tr("CO2 without storage (kg)"))):
            self.addOutput(QgsProcessingOutputNumber(name, description))

    def processAlgorithm(self, parameters, context, feedback):
        from ..core.reuse.problem import AreaRule
        from ..core.storage.schedule_plan import plan_schedule

        steps = QgsProcessingMultiStepFeedback(5, feedback)  # sites, context, solve, outputs
        crs = self.distance_crs(parameters, context)
        layers = self.read_reuse_layers(parameters, context)
        layers[self.STORAGE] = self.source_or_error(parameters, self.STORAGE, context,
                                                    required=False)
        rates, number = self.reuse_rates(parameters, context)
        storage_rates = self._storage_rates(parameters, context, feedback)
        area_rule = AreaRule(self.parameterAsEnum(parameters, self.AREA_RULE, context))
        source_table, excavations, receiver_table_, receivers, _ = self.read_reuse_sites(
            parameters, context, steps, layers, crs)
        storage_frame, storage_ids, storage = self._read_storage(parameters, context, steps,
                                                                 layers, crs)
        if steps.isCanceled():
            return {}
        steps.setCurrentStep(1)
        self.classify_reuse_sites(parameters, context, steps, layers, crs, area_rule,
                                  (source_table, excavations), (receiver_table_, receivers))
        haul_pairs = self.reuse_haul_pairs(
            self.reuse_road_network(parameters, layers, crs, number, context, steps), number)
        disposal = self.read_disposal_sites(parameters, context, steps, layers, crs, rates)
        if steps.isCanceled():
            return {}
        steps.setCurrentStep(2)
        whole = number_format().whole
        feedback.pushInfo(self.tr(
            "Planning {0} excavation(s), {1} receiver(s) and {2} storage site(s) month by "
            "month…").format(whole(len(source_table.ids)), whole(len(receiver_table_.ids)),
                             whole(len(storage_ids))))
        ids = {"excavations": source_table.ids, "receivers": receiver_table_.ids}
        result = self._solve(plan_schedule, ids, feedback, excavations, receivers, storage,
                             disposal.xy, disposal.gate_fee_dkk_t, rates, storage_rates,
                             area_rule, number["MAX_HAUL_KM"], haul_pairs)
        self._report_result(result, ids, storage_ids, feedback)
        if steps.isCanceled():
            return {}
        steps.setCurrentStep(3)

        positions = {"excavation": excavations.xy, "receiver": receivers.xy,
                     "storage": storage.xy, "disposal": disposal.xy}
        names = {"excavation": source_table.ids, "receiver": receiver_table_.ids,
                 "storage": storage_ids, "disposal": disposal.ids}
        outputs = self._write_flows(parameters, context, steps, result, positions, names, crs)
        outputs.update(self._write_storage(parameters, context, steps, result, storage_frame,
                                           storage_ids, layers, crs))
        steps.setCurrentStep(4)
        outputs[self.OUTPUT_HTML] = self._write_report(
            parameters, context, result, storage_ids, rates, storage_rates, area_rule, number,
            layers)
        outputs.update(self._numbers(result))
        return outputs

    # Reading ------------------------------------------------------------------------------
    def _storage_rates(self, parameters, context, feedback):
        from ..core.storage.storage_costs import StorageRates

        dwell = self.parameterAsInt(parameters, self.MAX_DWELL_MONTHS, context)
        handling = self.parameterAsDouble(parameters, self.HANDLING_COST_DKK_T, context)
        monthly = self.parameterAsDouble(parameters, self.STORAGE_COST_DKK_T_MONTH, context)
        if dwell < 0 or handling < 0 or monthly < 0:
            raise QgsProcessingException(self.tr(
                "The maximum dwell and the storage costs must be zero or more."))
        if dwell == 0:
            feedback.pushWarning(self.tr("Maximum dwell 0 months: soil cannot be stored, so the "
                                         "plan is the plan without storage."))
        return StorageRates(dwell, handling, monthly)

    def _read_storage(self, parameters, context, feedback, layers, crs):
        """(rows, ids, StorageSites) of the storage sites with a usable capacity, under the one
        reading policy: every site needs a unique id and a capacity field."""
        import numpy as np

        from ..core.reuse.sites import receivers_from
        from ..core.storage.moves import StorageSites
        from ..core.tables import CAPACITY, CLASS, EMPTY, WINDOW, WINDOW_REVERSED

        source = layers[self.STORAGE]
        if source is None:
            feedback.pushWarning(self.tr("No storage sites: the plan is the plan without "
                                         "storage."))
            return None, np.zeros(0, dtype=object), StorageSites(np.zeros((0, 2)), np.zeros(0),
                                                                 np.zeros(0))
        layer = self.read_site_layer(
            parameters, context, feedback, source, crs, self.tr("Storage sites"),
            SiteParameters("STORAGE_CAPACITY_FIELD", CAPACITY, "STORAGE_ID_FIELD",
                           "STORAGE_MAX_CLASS_FIELD", "STORAGE_START_FIELD", "STORAGE_END_FIELD",
                           required=("id", "soil_class"), ids_required=True),
            {(EMPTY, CLASS): self.tr("They store no soil."),
             (WINDOW_REVERSED, WINDOW): self.tr("They store no soil.")}, whole_layer=True)
        # A storage site reads like a receiver: room in m³, highest class, optional window.
        table, sites = receivers_from(*layer.kept()[:2])
        return table.frame, np.asarray(table.ids, dtype=object), StorageSites(
            sites.xy, sites.capacity_m3, sites.max_soil_class, sites.start_day, sites.end_day)

    # Solving ------------------------------------------------------------------------------
    def _solve(self, plan_schedule, ids, feedback, *arguments):
        from ..core.storage.periods import HorizonTooLong, NoDates
        from ..core.storage.schedule import ScheduleSolveError

        try:
            return plan_schedule(*arguments)
        except NoDates:
            raise QgsProcessingException(self.tr(
                "No excavation or receiver has a start or end date, so there is no time to plan. "
                "Give the date fields, or use Find short-haul reuse matches.")) from None
        except HorizonTooLong as error:
            named = "; ".join(f"{self._kind_label(kind)}: {id_list(ids[kind][indexes])}"
                              for kind, indexes in error.sites.items())
            raise QgsProcessingException(self.tr(
                "The dates span {0} months, more than 20 years: check the dates of the first and "
                "last sites ({1}).").format(error.months, named)) from None
        except ScheduleSolveError as error:
            feedback.pushDebugInfo(str(error))  # HiGHS's own words, for support
            raise QgsProcessingException(self.tr(
                "The optimiser could not find the optimal plan: {0}").format(
                    solver_failure(error.status))) from None

    def _kind_label(self, kind):
        return self.tr("Excavations") if kind == "excavations" else self.tr("Receivers")

    def _report_result(self, result, ids, storage_ids, feedback):
        numbers = number_format()
        whole = numbers.whole
        if len(result.receivers_never_open):
            feedback.pushWarning(self.tr("{0} receiver(s) are open in no month and take no soil: "
                                         "{1}").format(whole(len(result.receivers_never_open)),
                                                       id_list(ids["receivers"][
                                                           result.receivers_never_open])))
        if len(result.storage_never_open):
            feedback.pushWarning(self.tr(
                "{0} storage site(s) are open in no month of the plan and store nothing: {1}")
                .format(whole(len(result.storage_never_open)),
                        id_list(storage_ids[result.storage_never_open])))
        if len(result.unusable_storage):
            feedback.pushWarning(self.tr(
                "{0} storage site(s) have no room (capacity 0) or no highest soil class and store "
                "nothing: {1}").format(whole(len(result.unusable_storage)),
                                       id_list(storage_ids[result.unusable_storage])))
        months = result.horizon.labels
        feedback.pushInfo(self.tr("Horizon: {0} to {1}, {2} month(s).").format(
            months[0], months[-1], whole(len(months))))
        for plan, label in ((result.with_storage, self.tr("With storage")),
                            (result.without_storage, self.tr("Without storage"))):
            summary = plan.summary
            proof = solver_report(summary.status, 1 if summary.variables else 0,
                                  summary.cost_dkk, numbers)
            feedback.pushInfo(self.tr(
                "{0}: {1} {2} variables, {3} rows; gap to the dual bound {4} DKK.").format(
                    label, proof, whole(summary.variables), whole(summary.rows),
                    numbers.number(summary.dual_gap_dkk, 2)))
        with_, without = result.with_storage.summary, result.without_storage.summary
        feedback.pushInfo(self.tr(
            "Reused {0} m³ with storage against {1} m³ without; cost {2} DKK against {3} DKK "
            "({4} DKK saved); {5} t through storage.").format(
                whole(with_.reused_m3), whole(without.reused_m3), whole(with_.cost_dkk),
                whole(without.cost_dkk), whole(without.cost_dkk - with_.cost_dkk),
                whole(with_.stored_t)))

    # Writing ------------------------------------------------------------------------------
    def _write_flows(self, parameters, context, feedback, result, positions, names, crs):
        import geopandas as gpd
        import numpy as np
        from shapely.geometry import LineString

        flows = result.with_storage.flows
        months = result.horizon.labels
        frame = gpd.GeoDataFrame({
            "month": [str(months[m]) if m >= 0 else None for m in flows["month"].to_numpy()],
            "from_id": self._names(names, flows["from_kind"], flows["from_index"]),
            "to_id": self._names(names, flows["to_kind"], flows["to_index"]),
            "leg": flows["leg"].to_numpy(),
            "origin_id": self._names(names, np.full(len(flows), "excavation"), flows["origin"]),
            "tonnes": flows["tonnes"].to_numpy(),
            "volume_m3": flows["volume_m3"].to_numpy(),
            "distance_km": flows["distance_km"].to_numpy(),
            "cost_dkk": flows["cost_dkk"].to_numpy(),
        }, geometry=[
            LineString([positions[a][i], positions[b][j]]) if j >= 0 else None
            for a, i, b, j in zip(flows["from_kind"], flows["from_index"], flows["to_kind"],
                                  flows["to_index"])])
        fields = self.output_fields(self.OUTPUT_FLOWS)
        sink, flows_id = self.sink_or_error(parameters, self.OUTPUT_FLOWS, context, fields,
                                            QgsWkbTypes.Type.LineString, crs)
        write_frame(sink, frame, fields, feedback)
        sink.flushBuffer()
        return {self.OUTPUT_FLOWS: flows_id}

    @staticmethod
    def _names(names, kinds, indexes):
        return [str(names[kind][index]) if index >= 0 else None
                for kind, index in zip(kinds, indexes)]

    def _write_storage(self, parameters, context, feedback, result, frame, storage_ids, layers,
                       crs):
        import pandas as pd

        plan = result.with_storage
        months = result.horizon.labels
        stock = plan.stock
        table = pd.DataFrame({
            "site_id": [str(storage_ids[k]) for k in stock["storage"].to_numpy()],
            "month": [str(months[m]) for m in stock["month"].to_numpy()],
            "stock_t": stock["stock_t"].to_numpy(), "capacity_t": stock["capacity_t"].to_numpy(),
            "share_used": stock["share_used"].to_numpy()})
        fields = self.output_fields(self.OUTPUT_STOCK)
        sink, stock_id = self.sink_or_error(parameters, self.OUTPUT_STOCK, context, fields,
                                            QgsWkbTypes.Type.NoGeometry, crs)
        write_frame(sink, table, fields, feedback, geometry=False)
        sink.flushBuffer()
        outputs = {self.OUTPUT_STOCK: stock_id}
        source = layers[self.STORAGE]
        if source is None:
            return outputs
        fields = self.output_fields(self.OUTPUT_SITES, source.fields())
        for name in catalogue.output(self.ALGORITHM_ID, self.OUTPUT_SITES).field_names():
            frame[name] = plan.sites[name].to_numpy()
        sink, sites_id = self.sink_or_error(parameters, self.OUTPUT_SITES, context, fields,
                                            source.wkbType(), crs)
        write_frame(sink, frame, fields, feedback)
        sink.flushBuffer()
        outputs[self.OUTPUT_SITES] = sites_id
        return outputs

    def _write_report(self, parameters, context, result, storage_ids, rates, storage_rates,
                      area_rule, number, layers):
        from ..core.storage.report import schedule_report

        path = self.parameterAsFileOutput(parameters, self.OUTPUT_HTML, context)
        if not path:
            return None
        inputs = {label: layers[name].sourceName()
                  for name, label in ((self.SOURCES, self.tr("Excavations")),
                                      (self.RECEIVERS, self.tr("Receivers")),
                                      (self.STORAGE, self.tr("Storage sites")),
                                      (self.DISPOSAL, self.tr("Disposal sites")),
                                      (self.AREA_TYPES, self.tr("Area types")),
                                      (self.CONTAMINATION, self.tr("Contaminated sites")),
                                      (self.ROADS, self.tr("Roads")))
                  if layers[name] is not None}
        numbers = number_format()
        trimmed = numbers.trimmed
        settings = {
            self.tr("Area rule"): str(int(area_rule)),
            self.tr("Maximum haul (km)"): trimmed(number["MAX_HAUL_KM"]),
            self.tr("Maximum dwell (months)"): str(storage_rates.max_dwell_months),
            self.tr("Handling cost (DKK/t)"): trimmed(storage_rates.handling_dkk_t),
            self.tr("Storage cost (DKK/t per month)"): trimmed(storage_rates.storage_dkk_t_month),
            self.tr("Transport cost (DKK per tonne-km)"): trimmed(rates.transport_dkk_tkm),
            self.tr("Bulk density (t/m³)"): trimmed(rates.density_t_m3)}
        Path(path).write_text(schedule_report(result, storage_ids, rates.density_t_m3,
                                              self.report_labels(), inputs, settings,
                                              numbers=numbers),
                              encoding="utf-8")
        return path

    def report_labels(self):
        from ..core.storage.schedule_plan import DISPOSAL, FROM_STORAGE, TO_STORAGE
        from ..i18n import user_language

        return {
            "lang": user_language(),
            "title": self.tr("Reuse over time with storage"),
            "generated": self.tr("Generated {0}"),
            "summary": self.tr("The plan with storage against the same plan without"),
            "with_storage": self.tr("With storage"),
            "without_storage": self.tr("Without storage"),
            "difference": self.tr("Difference"),
            "reused": self.tr("Reused (m³)"),
            "disposed": self.tr("To disposal (m³)"),
            "reused_share": self.tr("Reuse share"),
            "cost": self.tr("Cost (DKK)"),
            "tonne_km": self.tr("Haul (tonne-km)"),
            "co2": self.tr("CO2 (kg)"),
            "stored": self.tr("Through storage (t)"),
            "horizon": self.tr("Months {0} to {1} ({2} months)"),
            "proof": self.tr("HiGHS proved the plan optimal: gap between its cost and the dual "
                             "bound {0} DKK; {1} variables, {2} rows."),
            "points": self.tr("{0} pp"),
            "chart_stock": self.tr("Stock at each storage site (t, at month end)"),
            "chart_stock_note": self.tr("The {0} sites with the highest peaks of {1} are drawn; "
                                        "all are in the table."),
            "chart_flows": self.tr("Soil moved per month by leg (t)"),
            "chart_reuse": self.tr("Soil reused per month, with and without storage (t)"),
            "legs": {"direct": self.tr("Direct to receivers"),
                     FROM_STORAGE: self.tr("From storage to receivers"),
                     TO_STORAGE: self.tr("Into storage"), DISPOSAL: self.tr("To disposal")},
            "sites": self.tr("Storage sites"),
            "site": self.tr("Site"),
            "capacity": self.tr("Capacity (t)"),
            "peak": self.tr("Peak stock (t)"),
            "throughput": self.tr("Throughput (t)"),
            "dwell": self.tr("Mean dwell (months)"),
            "value": self.tr("Value of 1 m³ more room (DKK)"),
            "no_storage_used": self.tr("No soil goes through storage in the optimal plan."),
            "month": self.tr("Month"),
            "tonnes": self.tr("Tonnes"),
            "inputs": self.tr("Inputs"),
            "parameters": self.tr("Parameters"),
        }

    def _numbers(self, result):
        with_, without = result.with_storage.summary, result.without_storage.summary
        return dict(zip(self.NUMBERS, (
            with_.reused_m3, with_.disposed_m3, with_.cost_dkk, with_.tonne_km, with_.co2_kg,
            without.reused_m3, without.cost_dkk, without.tonne_km, without.co2_kg)))
