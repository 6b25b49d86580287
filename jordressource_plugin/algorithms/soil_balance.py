"""Soil balance by planning area: surplus, demand and the surplus-soil prognosis by year."""
from pathlib import Path

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsWkbTypes,
)

from ..i18n import number_format
from ..layers.fields import id_list, resolve_field
from ..layers.frames import FEATURE_ID, read_frame, write_frame
from ..layers.reading import check_reading
from ..layers.sites import SiteFieldsMixin, SiteParameters
from .base import JordressourceAlgorithm, processing_vector_types


class SoilBalanceAlgorithm(SiteFieldsMixin, JordressourceAlgorithm):
    ALGORITHM_ID = "soil_balance"
    GROUP_ID = "strategy"
    REQUIRED_LIBRARIES = JordressourceAlgorithm.REQUIRED_LIBRARIES + ("matplotlib",)

    AREAS = "AREAS"
    AREA_ID_FIELD = "AREA_ID_FIELD"
    SOURCES = "SOURCES"
    SOURCE_ID_FIELD = "SOURCE_ID_FIELD"
    VOLUME_FIELD = "VOLUME_FIELD"
    DATE_FIELD = "DATE_FIELD"
    SOURCE_END_FIELD = "SOURCE_END_FIELD"
    CLASS_FIELD = "CLASS_FIELD"
    CLEAN_MAX_CLASS = "CLEAN_MAX_CLASS"
    SUBSTITUTION_SHARE = "SUBSTITUTION_SHARE"
    RECEIVERS = "RECEIVERS"
    RECEIVER_ID_FIELD = "RECEIVER_ID_FIELD"
    CAPACITY_FIELD = "CAPACITY_FIELD"
    RECEIVER_START_FIELD = "RECEIVER_START_FIELD"
    RECEIVER_END_FIELD = "RECEIVER_END_FIELD"
    OUTPUT = "OUTPUT"
    OUTPUT_TABLE = "OUTPUT_TABLE"
    OUTPUT_HTML = "OUTPUT_HTML"
    NUMBERS = ("SURPLUS_M3", "DEMAND_M3", "BALANCE_M3", "RAW_MATERIAL_SUBSTITUTE_M3",
               "OUTSIDE_SURPLUS_M3", "OUTSIDE_DEMAND_M3")

    def displayName(self):
        return self.tr("Soil balance by planning area")

    def extra_tags(self):
        return ["balance", "jordbalance", "prognosis", "prognose", "overskudsjord", "surplus",
                "kommuneplan", "lokalplan", "råstof", "raw material"]

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.AREAS, self.tr("Planning areas"), processing_vector_types("polygon")))
        self.addParameter(QgsProcessingParameterField(
            self.AREA_ID_FIELD, self.tr("Area id field"), defaultValue="id",
            parentLayerParameterName=self.AREAS))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.SOURCES, self.tr("Excavations (surplus soil)"),
            processing_vector_types("point", "polygon")))
        self.add_field(self.SOURCE_ID_FIELD, self.tr("Excavation id field (names sites in "
                                                     "the log)"), "id", self.SOURCES, optional=True,
                       advanced=True)
        self.add_field(self.VOLUME_FIELD, self.tr("Volume field (m³)"), "volume_m3", self.SOURCES,
                       numeric=True)
        self.add_field(self.DATE_FIELD, self.tr("Excavation start date field"), "start_date",
                       self.SOURCES, optional=True, date=True, advanced=True)
        self.add_field(self.SOURCE_END_FIELD, self.tr("Excavation end date field"), "end_date",
                       self.SOURCES, optional=True, date=True, advanced=True)
        self.add_field(self.CLASS_FIELD, self.tr("Soil class field"), "soil_class", self.SOURCES,
                       optional=True, numeric=True)
        self.add_number_parameter(self.CLEAN_MAX_CLASS,
                                  self.tr("Highest soil class counted as clean"),
                                  1, minimum=0, integer=True,
                                  advanced=True)
        share = self.add_number_parameter(
            self.SUBSTITUTION_SHARE, self.tr("Share of clean soil replacing raw materials (0–1)"),
            0.225, minimum=0.0, decimals=3)
        share.setMaximum(1.0)
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.RECEIVERS, self.tr("Receivers (demand)"),
            processing_vector_types("point", "polygon"), optional=True))
        self.add_field(self.RECEIVER_ID_FIELD, self.tr("Receiver id field (names sites in the "
                                                       "log)"), "id", self.RECEIVERS, optional=True,
                       advanced=True)
        self.add_field(self.CAPACITY_FIELD, self.tr("Capacity field (m³)"), "capacity_m3",
                       self.RECEIVERS, numeric=True, optional=True)
        self.add_field(self.RECEIVER_START_FIELD, self.tr("Receiver start date field"),
                       "start_date", self.RECEIVERS, optional=True, date=True, advanced=True)
        self.add_field(self.RECEIVER_END_FIELD, self.tr("Receiver end date field"), "end_date",
                       self.RECEIVERS, optional=True, date=True, advanced=True)
        self.add_distance_crs_parameter(advanced=True)
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.output_title(self.OUTPUT),
            QgsProcessing.SourceType.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_TABLE, self.output_title(self.OUTPUT_TABLE),
            QgsProcessing.SourceType.TypeVector))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_HTML, self.output_title(self.OUTPUT_HTML),
            self.tr("HTML files (*.html)")))
        for name, title in zip(self.NUMBERS, (
                self.tr("Surplus (m³)"), self.tr("Demand (m³)"), self.tr("Balance (m³)"),
                self.tr("Raw-material substitute (m³)"), self.tr("Surplus outside every area (m³)"),
                self.tr("Demand outside every area (m³)"))):
            self.addOutput(QgsProcessingOutputNumber(name, title))

    def processAlgorithm(self, parameters, context, feedback):
        from ..core.balance.report import balance_report
        from ..core.balance.soil_balance import OUTSIDE_ID, UNDATED, soil_balance
        from ..core.tables import CAPACITY, CLASS, EMPTY, VOLUME, WINDOW, WINDOW_REVERSED

        crs = self.distance_crs(parameters, context)
        steps = QgsProcessingMultiStepFeedback(4, feedback)  # areas, excavations, receivers, rest
        areas_source = self.source_or_error(parameters, self.AREAS, context)
        sources_source = self.source_or_error(parameters, self.SOURCES, context)
        receivers_source = self.source_or_error(parameters, self.RECEIVERS, context, required=False)
        areas, id_field = self._read_areas(parameters, context, steps, areas_source, crs)
        steps.setCurrentStep(1)

        share = self.parameterAsDouble(parameters, self.SUBSTITUTION_SHARE, context)
        clean_max = self.parameterAsInt(parameters, self.CLEAN_MAX_CLASS, context)
        consequences = {(WINDOW_REVERSED, WINDOW): self.tr("Their volume is counted as undated."),
                        (EMPTY, CLASS): self.tr("They are not counted as clean soil.")}
        sources, source_layer = self.balance_sites(
            parameters, context, steps, sources_source, crs, self.tr("Excavations"),
            SiteParameters(self.VOLUME_FIELD, VOLUME, self.SOURCE_ID_FIELD, self.CLASS_FIELD,
                           self.DATE_FIELD, self.SOURCE_END_FIELD),
            clean_max_class=clean_max, consequences=consequences)
        receivers, receiver_layer = None, None
        steps.setCurrentStep(2)
        if receivers_source is not None:
            receivers, receiver_layer = self.balance_sites(
                parameters, context, steps, receivers_source, crs, self.tr("Receivers"),
                SiteParameters(self.CAPACITY_FIELD, CAPACITY, self.RECEIVER_ID_FIELD,
                               start=self.RECEIVER_START_FIELD, end=self.RECEIVER_END_FIELD),
                consequences=consequences)
        if feedback.isCanceled():
            return {}
        steps.setCurrentStep(3)

        result = soil_balance(areas.geometry, sources, receivers, substitution_share=share)
        self._report_undated(result, source_layer, receiver_layer, feedback)
        steps.setProgress(30)

        output_fields = self.output_fields(self.OUTPUT, areas_source.fields())
        for column in result.areas.columns:
            areas[column] = result.areas[column].to_numpy()
        sink, dest_id = self.sink_or_error(parameters, self.OUTPUT, context, output_fields,
                                           areas_source.wkbType(), crs)
        write_frame(sink, areas, output_fields, steps)
        sink.flushBuffer()

        area_ids = [str(v) if v is not None else None for v in areas[id_field].tolist()]
        table = result.by_year.copy()
        table["area_id"] = [OUTSIDE_ID if position < 0 else area_ids[position]
                            for position in table["area"].to_numpy()]
        table["year"] = [None if year == UNDATED else int(year)
                         for year in table["year"].to_numpy()]
        table_fields = self.output_fields(self.OUTPUT_TABLE)
        table_sink, table_id = self.sink_or_error(parameters, self.OUTPUT_TABLE, context,
                                                  table_fields, QgsWkbTypes.Type.NoGeometry, crs)
        write_frame(table_sink, table, table_fields, steps, geometry=False)
        table_sink.flushBuffer()
        steps.setProgress(80)

        html_path = self.parameterAsFileOutput(parameters, self.OUTPUT_HTML, context)
        numbers = number_format()
        report = balance_report(
            result, area_ids, labels=self.report_labels(),
            inputs=self._inputs(areas_source, id_field, sources_source, source_layer,
                                receivers_source, receiver_layer),
            numbers=numbers,
            parameters={self.tr("Share of clean soil replacing raw materials"):
                        numbers.trimmed(share, 3),
                        self.tr("Highest soil class counted as clean"): str(clean_max),
                        self.tr("Metric CRS"): crs.authid()})
        Path(html_path).write_text(report, encoding="utf-8")

        totals = result.totals
        whole = numbers.whole
        feedback.pushInfo(self.tr(
            "Surplus {0} m³, demand {1} m³, balance {2} m³ over {3} area(s); "
            "outside every area: surplus {4} m³, demand {5} m³.").format(
                whole(totals["surplus_m3"]), whole(totals["demand_m3"]),
                whole(totals["balance_m3"]), whole(len(areas)),
                whole(result.outside["surplus_m3"]), whole(result.outside["demand_m3"])))
        steps.setProgress(100)
        values = (totals["surplus_m3"], totals["demand_m3"], totals["balance_m3"],
                  totals["raw_material_substitute_m3"], result.outside["surplus_m3"],
                  result.outside["demand_m3"])
        outputs = {name: float(value) for name, value in zip(self.NUMBERS, values)}
        outputs.update({self.OUTPUT: dest_id, self.OUTPUT_TABLE: table_id,
                        self.OUTPUT_HTML: html_path})
        return outputs

    def _read_areas(self, parameters, context, feedback, source, crs):
        """The planning areas and their id field; repeated ids are reported."""
        from ..core.tables import DUPLICATE_ID, ID, Report, read_ids

        label = self.tr("Planning areas")
        id_field = resolve_field(self, parameters, self.AREA_ID_FIELD, context, source, label,
                                 feedback, required=True)
        areas = read_frame(source, crs, context, feedback, label=label)
        if areas.empty:
            raise QgsProcessingException(self.tr(
                "The planning-area layer has no polygons. Add the local plans, municipalities or "
                "zones to balance and run again."))
        _, report = read_ids(areas[id_field], areas[FEATURE_ID], id_field)
        duplicates = Report([issue for issue in report.issues if issue.reason == DUPLICATE_ID])
        self._report_overlaps(areas, id_field, feedback)
        check_reading(duplicates, label, feedback, {(DUPLICATE_ID, ID): self.tr(
            "Each area is balanced on its own, but their rows in the yearly table carry the same "
            "id.")})
        return areas, id_field

    def _report_overlaps(self, areas, id_field, feedback):
        """Overlapping planning areas each count a site in both (help): name them, since the
        totals then count such a site once per area."""
        from ..core.geometry.spatial_pairs import overlapping_pairs

        first, second = overlapping_pairs(areas.geometry.to_numpy())
        if len(first):
            ids = areas[id_field].to_numpy()
            feedback.pushInfo(self.tr(
                "Planning areas overlap ({0} pair(s)): a site in several is counted in each, "
                "and the totals count it once per area: ids {1}.")
                .format(len(first), id_list(sorted({str(v) for v in ids[first]}
                                                   | {str(v) for v in ids[second]}))))

    def _report_undated(self, result, source_layer, receiver_layer, feedback):
        for label, undated, layer in (
                (self.tr("Excavations"), result.undated_sources, source_layer),
                (self.tr("Receivers"), result.undated_receivers, receiver_layer)):
            if layer is not None and (layer.fields["start"] or layer.fields["end"]) \
                    and len(undated):
                feedback.pushInfo(self.tr(
                    "{0}: {1} site(s) without a usable date window are counted as undated.")
                    .format(label, number_format().whole(len(undated))))

    def _inputs(self, areas_source, id_field, sources_source, source_layer, receivers_source,
                receiver_layer):
        inputs = {self.tr("Planning areas"): f"{areas_source.sourceName()} "
                                             f"({areas_source.featureCount()}, {id_field})",
                  self.tr("Excavations"): self.describe_source(sources_source, source_layer)}
        if receivers_source is not None:
            inputs[self.tr("Receivers")] = self.describe_source(receivers_source, receiver_layer)
        return inputs

    def report_labels(self):
        from ..i18n import user_language

        return {
            "lang": user_language(),
            "title": self.tr("Soil balance by planning area"),
            "generated": self.tr("Generated {0}"),
            "summary": self.tr("Summary"),
            "area": self.tr("Area"),
            "year": self.tr("Year"),
            "undated": self.tr("undated"),
            "outside": self.tr("outside every area"),
            "total": self.tr("Total"),
            "surplus": self.tr("Surplus (m³)"),
            "demand": self.tr("Demand (m³)"),
            "balance": self.tr("Balance (m³)"),
            "self_sufficiency": self.tr("Self-sufficiency"),
            "substitute": self.tr("Raw-material substitute (m³)"),
            "sources": self.tr("Excavations"),
            "receivers": self.tr("Receivers"),
            "chart_areas": self.tr("Balance per area (surplus − demand)"),
            "chart_areas_note": self.tr(
                "The {0} areas with the largest balances of {1} are shown."),
            "chart_years": self.tr("Surplus-soil prognosis per year"),
            "table_areas": self.tr("Balance per area"),
            "table_years": self.tr("Prognosis per year, all areas"),
            "table_note": self.tr("The first {0} of {1} rows (largest balances first); every row "
                                  "is in the table output."),
            "inputs": self.tr("Inputs"),
            "parameters": self.tr("Parameters"),
            "explanation": self.tr(
                "Balance = surplus − demand: positive where soil must leave the area, negative "
                "where the area can receive more than it produces. Self-sufficiency is the share "
                "of an area's surplus it can place itself."),
        }
