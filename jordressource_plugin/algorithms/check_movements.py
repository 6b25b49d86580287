"""Check soil movements: a movement log against the registers of excavations and receivers, the
rules of soil moving and the plan, each movement flagged and scored for the inspector."""
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
from ..layers.columns import read_columns, write_rows
from ..layers.fields import id_list, resolve_field
from ..layers.frames import read_frame
from ..layers.reading import check_reading, refusal_error
from ..layers.roads import read_road_network
from ..layers.sites import SiteFieldsMixin, SiteParameters
from .base import JordressourceAlgorithm, processing_vector_types
from .movement_texts import MovementTextsMixin


class CheckMovementsAlgorithm(SiteFieldsMixin, MovementTextsMixin, JordressourceAlgorithm):
    ALGORITHM_ID = "check_movements"
    GROUP_ID = "control"

    MOVEMENTS = "MOVEMENTS"
    SOURCES = "SOURCES"
    RECEIVERS = "RECEIVERS"
    AREA_TYPES = "AREA_TYPES"
    CONTAMINATION = "CONTAMINATION"
    PLAN = "PLAN"
    ROADS = "ROADS"
    OUTPUT = "OUTPUT"
    OUTPUT_SUMMARY = "OUTPUT_SUMMARY"
    OUTPUT_HTML = "OUTPUT_HTML"

    # (parameter, default field, parent layer, required, engine key)
    FIELDS = (
        ("MOVEMENT_ID_FIELD", "id", "MOVEMENTS", False, "id"),
        ("MOVEMENT_SOURCE_FIELD", "source_id", "MOVEMENTS", True, "source_id"),
        ("MOVEMENT_RECEIVER_FIELD", "receiver_id", "MOVEMENTS", True, "receiver_id"),
        ("TONNES_FIELD", "tonnes", "MOVEMENTS", True, "tonnes"),
        ("MOVEMENT_CLASS_FIELD", "soil_class", "MOVEMENTS", False, "soil_class"),
        ("DATE_FIELD", "date", "MOVEMENTS", False, "date"),
        ("ANALYSED_FIELD", "analysed", "MOVEMENTS", False, "analysed"),
        ("VEHICLE_FIELD", "vehicle", "MOVEMENTS", False, "vehicle"),
        ("DEPARTURE_FIELD", "departure_time", "MOVEMENTS", False, "departure"),
        ("ARRIVAL_FIELD", "arrival_time", "MOVEMENTS", False, "arrival"),
        ("SOURCE_ID_FIELD", "id", "SOURCES", True, "id"),
        ("VOLUME_FIELD", "volume_m3", "SOURCES", True, "amount"),
        ("CLASS_FIELD", "soil_class", "SOURCES", False, "soil_class"),
        ("SOURCE_START_FIELD", "start_date", "SOURCES", False, "start"),
        ("SOURCE_END_FIELD", "end_date", "SOURCES", False, "end"),
        ("RECEIVER_ID_FIELD", "id", "RECEIVERS", True, "id"),
        ("KIND_FIELD", "kind", "RECEIVERS", False, "kind"),
        ("CAPACITY_FIELD", "capacity_m3", "RECEIVERS", True, "amount"),
        ("MAX_CLASS_FIELD", "max_soil_class", "RECEIVERS", False, "soil_class"),
        ("RECEIVER_START_FIELD", "start_date", "RECEIVERS", False, "start"),
        ("RECEIVER_END_FIELD", "end_date", "RECEIVERS", False, "end"),
        ("OPENING_STOCK_FIELD", "opening_stock_m3", "RECEIVERS", False, "opening"),
        ("AREA_TYPE_FIELD", "area_type", "AREA_TYPES", False, "area_type"),
        ("PLAN_FROM_FIELD", None, "PLAN", False, "from"),
        ("PLAN_TO_FIELD", None, "PLAN", False, "to"),
        ("PLAN_TONNES_FIELD", "tonnes", "PLAN", False, "tonnes"),
    )
    NUMBERS = ("MOVEMENT_COUNT", "FLAGGED_COUNT", "TONNES", "FLAGGED_TONNES")

    def displayName(self):
        return self.tr("Check soil movements")

    def extra_tags(self):
        return ["movements", "jordflytning", "control", "tilsyn", "inspection", "traceability",
                "sporbarhed", "fraud", "capacity", "log", "risk"]

    def initAlgorithm(self, config=None):
        from ..core.movements import check

        sites = processing_vector_types("point", "polygon")
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.MOVEMENTS, self.tr("Soil movement log (table or layer)"),
            processing_vector_types("table")))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.SOURCES, self.tr("Excavations"), sites))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.RECEIVERS, self.tr("Receivers (pits, resource sites, utilisation)"), sites))
        for name, label, types in (
                (self.AREA_TYPES, self.tr("Area types"), ("polygon",)),
                (self.CONTAMINATION, self.tr("Contaminated sites (V1/V2)"), ("polygon",)),
                (self.PLAN, self.tr("Plan (match_reuse matches or schedule_reuse flows)"),
                 ("table",)),
                (self.ROADS, self.tr("Roads"), ("line",))):
            self.addParameter(QgsProcessingParameterFeatureSource(
                name, label, processing_vector_types(*types), optional=True))
        labels = self.field_labels()
        for name, default, parent, required, _ in self.FIELDS:
            self.addParameter(QgsProcessingParameterField(
                name, labels[name], defaultValue=default, parentLayerParameterName=parent,
                optional=not required))
        self.add_number_parameter("MAX_HAUL_KM", self.tr("Maximum plausible haul (km)"),
                                  check.MAX_HAUL_KM)
        self.add_number_parameter("TRUCK_PAYLOAD_T", self.tr("Truck payload (t)"),
                                  check.TRUCK_PAYLOAD_T)
        self.add_number_parameter("DENSITY_T_M3", self.tr("Bulk density (t/m³)"), 1.8)
        self.add_number_parameter("MAX_SPEED_KMH", self.tr("Top speed of a truck (km/h)"),
                                  check.MAX_SPEED_KMH)
        self.add_number_parameter("DETOUR_FACTOR",
                                  self.tr("Detour factor (road / straight distance, "
                                          "without roads)"),
                                  check.DETOUR_FACTOR, minimum=1.0)
        self.add_number_parameter("SNAP_TOLERANCE_M", self.tr("Road snapping tolerance (m)"), 1.0,
                                  advanced=True)
        self.add_distance_crs_parameter()
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.output_title(self.OUTPUT), QgsProcessing.SourceType.TypeVectorLine))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_SUMMARY, self.output_title(self.OUTPUT_SUMMARY),
            QgsProcessing.SourceType.TypeVectorPoint))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_HTML, self.output_title(self.OUTPUT_HTML), self.tr("HTML files (*.html)"),
            optional=True, createByDefault=True))
        for name, description in zip(self.NUMBERS, (
                self.tr("Movements checked"), self.tr("Movements with a flag"),
                self.tr("Tonnes moved"), self.tr("Tonnes moved with a flag"))):
            self.addOutput(QgsProcessingOutputNumber(name, description))

    # Run --------------------------------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):
        import numpy as np

        from ..core.movements.check import CheckCancelled, CheckRules, check_movements

        steps = QgsProcessingMultiStepFeedback(6, feedback)
        crs = self.distance_crs(parameters, context)
        number = {name: self.parameterAsDouble(parameters, name, context) for name in (
            "MAX_HAUL_KM", "TRUCK_PAYLOAD_T", "DENSITY_T_M3", "MAX_SPEED_KMH", "DETOUR_FACTOR",
            "SNAP_TOLERANCE_M")}
        for name in ("MAX_HAUL_KM", "TRUCK_PAYLOAD_T", "DENSITY_T_M3", "MAX_SPEED_KMH"):
            if number[name] <= 0:
                raise QgsProcessingException(self.tr("{0} must be greater than zero.")
                                             .format(name))
        layers = {name: self.source_or_error(parameters, name, context,
                                             required=name in (self.MOVEMENTS, self.SOURCES,
                                                               self.RECEIVERS))
                  for name in (self.MOVEMENTS, self.SOURCES, self.RECEIVERS, self.AREA_TYPES,
                               self.CONTAMINATION, self.PLAN, self.ROADS)}
        fields = self._fields(parameters, context, layers, steps)

        steps.pushInfo(self.tr("Reading the movement log…"))
        log, columns, input_fields = self._read_log(parameters, context, layers, fields, steps)
        if log is None:
            return {}
        steps.setCurrentStep(1)
        sources, receivers, area_types = self._read_registers(parameters, context, layers,
                                                              fields, crs, number, steps)
        steps.setCurrentStep(2)
        plan = self._read_plan(parameters, context, layers, fields, steps)
        network = None
        if layers[self.ROADS] is not None:
            network = read_road_network(layers[self.ROADS], crs, number["SNAP_TOLERANCE_M"],
                                        context, steps)
        if steps.isCanceled():
            return {}
        steps.setCurrentStep(3)
        steps.pushInfo(self.tr("Checking {0} movement(s)…").format(
            number_format().whole(len(log))))
        rules = CheckRules(number["MAX_HAUL_KM"], number["TRUCK_PAYLOAD_T"],
                           number["MAX_SPEED_KMH"], number["DETOUR_FACTOR"], area_types)
        try:
            result = check_movements(log, sources, receivers, rules, plan, network,
                                     progress=lambda share: steps.setProgress(100 * share),
                                     canceled=steps.isCanceled)
        except CheckCancelled:
            return {}
        self.log_result(log, result, network is not None, steps)

        steps.setCurrentStep(4)
        outputs = self._write_movements(parameters, context, columns, input_fields, result, crs,
                                        steps)
        steps.setCurrentStep(5)
        outputs.update(self._write_summary(parameters, context, result, crs, steps))
        html_path = self.parameterAsFileOutput(parameters, self.OUTPUT_HTML, context)
        if html_path:
            self._write_report(html_path, log, result, layers, fields, number, crs,
                               plan is not None)
            outputs[self.OUTPUT_HTML] = html_path
        tonnes = np.nan_to_num(log.tonnes)
        outputs.update({"MOVEMENT_COUNT": len(log), "FLAGGED_COUNT": int((~result.ok).sum()),
                        "TONNES": float(tonnes.sum()),
                        "FLAGGED_TONNES": float(tonnes[~result.ok].sum())})
        steps.setProgress(100)
        return outputs

    # Reading ----------------------------------------------------------------------------------
    def _fields(self, parameters, context, layers, feedback):
        """{parameter: field or None} of the log, the plan and the area types (the site layers'
        fields are resolved where they are read): one rule for every field (layers/fields)."""
        labels = self.layer_labels()
        fields = {}
        for name, _, parent, required, _ in self.FIELDS:
            if parent in (self.SOURCES, self.RECEIVERS):
                continue
            fields[name] = resolve_field(self, parameters, name, context, layers[parent],
                                         labels[parent], feedback, required=required)
        return fields

    def layer_labels(self):
        return {self.MOVEMENTS: self.tr("Movements"), self.SOURCES: self.tr("Excavations"),
                self.RECEIVERS: self.tr("Receivers"), self.AREA_TYPES: self.tr("Area types"),
                self.PLAN: self.tr("Plan")}

    def _read_log(self, parameters, context, layers, fields, feedback):
        from ..core.movements.log import MovementFields, read_movement_log

        label = self.layer_labels()[self.MOVEMENTS]
        columns, fids, route = read_columns(self, parameters, self.MOVEMENTS, context, feedback,
                                            label)
        if feedback.isCanceled():
            return None, None, None
        feedback.pushInfo(self.tr("{0}: {1} movement(s) read ({2}).").format(
            label, number_format().whole(len(fids)), self.tr("GDAL columns") if route == "gdal"
            else self.tr("QGIS features")))
        keys = {key: fields[name] for name, _, parent, _, key in self.FIELDS
                if parent == self.MOVEMENTS}
        movement_fields = MovementFields(**keys)
        log, report = read_movement_log(columns, movement_fields, fids)
        for issue in report.issues:
            if issue.action != "refused":
                feedback.pushWarning(self.movement_note(issue, label, id_list,
                                                        movement_fields.id))
        if report.refused:
            raise refusal_error(report, label)
        return log, columns, layers[self.MOVEMENTS].fields()

    def _read_registers(self, parameters, context, layers, fields, crs, number, feedback):
        """Excavations and receivers under the one reading policy (help: reading tables);
        ids are required and unique, since the summary names each site. A site without a
        volume or capacity stays a known site whose limit is not checked."""
        from ..core import tables as t
        from ..core.movements.registers import classify_registers, register_from_reading

        no_limit = self.tr("Movements naming them are still joined to them; only that limit "
                           "is not checked.")
        labels = self.layer_labels()
        sources = self.read_site_layer(
            parameters, context, feedback, layers[self.SOURCES], crs, labels[self.SOURCES],
            SiteParameters("VOLUME_FIELD", t.VOLUME, "SOURCE_ID_FIELD", "CLASS_FIELD",
                           "SOURCE_START_FIELD", "SOURCE_END_FIELD", ("id",), True),
            {(t.EMPTY, t.VOLUME): no_limit})
        receivers = self.read_site_layer(
            parameters, context, feedback, layers[self.RECEIVERS], crs, labels[self.RECEIVERS],
            SiteParameters("CAPACITY_FIELD", t.CAPACITY, "RECEIVER_ID_FIELD", "MAX_CLASS_FIELD",
                           "RECEIVER_START_FIELD", "RECEIVER_END_FIELD", ("id",), True),
            {(t.EMPTY, t.CAPACITY): no_limit}, whole_layer=True)
        extra = {name: resolve_field(self, parameters, name, context, layers[self.RECEIVERS],
                                     labels[self.RECEIVERS], feedback)
                 for name in ("KIND_FIELD", "OPENING_STOCK_FIELD")}
        density = number["DENSITY_T_M3"]
        excavations = register_from_reading(sources.reading, self._positions(sources), density)
        frame = receivers.frame
        kind = frame[extra["KIND_FIELD"]].to_numpy() if extra["KIND_FIELD"] else None
        receiver_register = register_from_reading(receivers.reading, self._positions(receivers),
                                                  density, kind, receivers=True)
        if extra["OPENING_STOCK_FIELD"]:
            opening, report = t.read_values(frame[extra["OPENING_STOCK_FIELD"]],
                                            receivers.reading.ids, extra["OPENING_STOCK_FIELD"])
            check_reading(report, labels[self.RECEIVERS], feedback)
            receiver_register.opening_t = opening * density
        areas = contamination = None
        if layers[self.AREA_TYPES] is not None:
            areas = read_frame(layers[self.AREA_TYPES], crs, context, None,
                               fields=[fields["AREA_TYPE_FIELD"] or "area_type"],
                               label=labels[self.AREA_TYPES])
        else:
            feedback.pushWarning(self.tr(
                "No area-type layer: area types are not compared, and only excavations on "
                "contaminated sites need an analysis to move."))
        if layers[self.CONTAMINATION] is not None:
            contamination = read_frame(layers[self.CONTAMINATION], crs, context, None,
                                       fields=[], label=self.tr("Contaminated sites")).geometry
        if areas is not None or contamination is not None:
            classify_registers(excavations, receiver_register, self._geometry(sources, crs),
                               self._geometry(receivers, crs), areas,
                               fields["AREA_TYPE_FIELD"] or "area_type", contamination)
        return excavations, receiver_register, areas is not None

    @staticmethod
    def _geometry(layer, crs):
        """The sites' geometries; a point layer's from its coordinates, through WKB in one call
        (shapely 1.8 builds points one by one far slower)."""
        import geopandas as gpd

        from ..core.movements.lines import points_wkb

        if layer.xy is None:
            return layer.frame.geometry
        return gpd.GeoSeries.from_wkb(points_wkb(layer.xy), crs=crs.authid() or None)

    @staticmethod
    def _positions(layer):
        from ..core.geometry.positions import position_xy

        return layer.xy if layer.xy is not None else position_xy(layer.frame.geometry)

    def _read_plan(self, parameters, context, layers, fields, feedback):
        from ..core.movements.plan import plan_fields, read_plan

        if layers[self.PLAN] is None:
            return None
        label = self.layer_labels()[self.PLAN]
        columns, _, _ = read_columns(self, parameters, self.PLAN, context, feedback, label)
        chosen = (fields["PLAN_FROM_FIELD"], fields["PLAN_TO_FIELD"])
        if not all(chosen):
            chosen = plan_fields(list(columns))
            if chosen is None:
                raise QgsProcessingException(self.tr(
                    "{0}: no fields source_id and receiver_id (match_reuse) or from_id and to_id "
                    "(schedule_reuse). Choose the plan's from-id and to-id fields.")
                    .format(label))
        tonnes_field = fields["PLAN_TONNES_FIELD"]
        if not tonnes_field:
            raise QgsProcessingException(self.tr("{0}: choose the plan's tonnes field.")
                                         .format(label))
        plan, report = read_plan(columns, chosen[0], chosen[1], tonnes_field)
        skipped = report.ids("skipped")
        if skipped:
            feedback.reportError(self.tr(
                "{0}: {1} row(s) without a from-id or a to-id are left out: rows {2}.")
                .format(label, len(skipped), id_list(skipped)))
        if report.refused:
            raise refusal_error(report, label)
        numbers = number_format()
        feedback.pushInfo(self.tr("{0}: {1} planned pair(s), {2} t ({3} → {4}).").format(
            label, numbers.whole(len(plan)), numbers.whole(plan.tonnes.sum()), chosen[0],
            chosen[1]))
        return plan

    # Writing ----------------------------------------------------------------------------------
    def _write_movements(self, parameters, context, columns, input_fields, result, crs, feedback):
        from ..core.movements.lines import movement_lines_wkb

        fields = self.output_fields(self.OUTPUT, input_fields)
        sink, dest_id = self.sink_or_error(parameters, self.OUTPUT, context, fields,
                                           QgsWkbTypes.Type.LineString, crs)
        values = {name: columns[name] for name in input_fields.names()}
        values.update({"ok": result.ok, "flags": result.flag_texts(),
                       "risk": result.risk.round(1), "distance_km": result.distance_km.round(3)})
        write_rows(sink, fields, values, movement_lines_wkb(result.origin_xy, result.receiver_xy),
                   feedback)
        sink.flushBuffer()
        return {self.OUTPUT: dest_id}

    def _write_summary(self, parameters, context, result, crs, feedback):
        from ..core.movements.lines import points_wkb

        fields = self.output_fields(self.OUTPUT_SUMMARY)
        sink, dest_id = self.sink_or_error(parameters, self.OUTPUT_SUMMARY, context, fields,
                                           QgsWkbTypes.Type.Point, crs)
        summary = result.summary
        values = {name: summary[name].to_numpy() for name in fields.names()}
        values["risk"] = values["risk"].round(1)
        write_rows(sink, fields, values, points_wkb(summary[["x", "y"]].to_numpy(float)),
                   feedback)
        sink.flushBuffer()
        return {self.OUTPUT_SUMMARY: dest_id}

    def _write_report(self, path, log, result, layers, fields, number, crs, with_plan):
        from ..core.movements.report import movement_report

        inputs = {self.tr("Movements"): layers[self.MOVEMENTS].sourceName(),
                  self.tr("Excavations"): layers[self.SOURCES].sourceName(),
                  self.tr("Receivers"): layers[self.RECEIVERS].sourceName()}
        for name, label in ((self.AREA_TYPES, self.tr("Area types")),
                            (self.CONTAMINATION, self.tr("Contaminated sites")),
                            (self.PLAN, self.tr("Plan")), (self.ROADS, self.tr("Roads"))):
            if layers[name] is not None:
                inputs[label] = layers[name].sourceName()
        trimmed = number_format().trimmed
        parameters = {
            self.tr("Maximum plausible haul (km)"): trimmed(number["MAX_HAUL_KM"]),
            self.tr("Truck payload (t)"): trimmed(number["TRUCK_PAYLOAD_T"]),
            self.tr("Bulk density (t/m³)"): trimmed(number["DENSITY_T_M3"]),
            self.tr("Top speed of a truck (km/h)"): trimmed(number["MAX_SPEED_KMH"]),
            self.tr("Detour factor (road / straight distance, without roads)"):
                trimmed(number["DETOUR_FACTOR"]),
            self.tr("Metric CRS"): crs.authid()}
        report = movement_report(log, result, self.report_labels(), inputs, parameters,
                                 numbers=number_format())
        Path(path).write_text(report, encoding="utf-8")
