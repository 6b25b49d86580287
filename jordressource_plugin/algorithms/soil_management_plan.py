"""Soil management plan for a project: prevention (the balanced level of each polygon and of the
project), sampling, the options catalogue and a data sheet per batch, as layers and as one
printable document (HTML and PDF)."""

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
)

from ..i18n import number_format
from ..layers.fields import id_list, resolve_field
from ..layers.frames import FEATURE_ID, read_frame
from ..layers.reading import check_reading
from ..layers.sites import SiteFieldsMixin
from .base import CORE_LIBRARIES, JordressourceAlgorithm, processing_vector_types
from .plan_inputs import PlanInputsMixin
from .plan_labels import PlanLabelsMixin
from .plan_outputs import PlanOutputsMixin
from .terrain_inputs import TerrainInputsMixin


class SoilManagementPlanAlgorithm(PlanInputsMixin, PlanOutputsMixin, PlanLabelsMixin,
                                  TerrainInputsMixin, SiteFieldsMixin, JordressourceAlgorithm):
    ALGORITHM_ID = "soil_management_plan"
    GROUP_ID = "project"
    REQUIRED_LIBRARIES = CORE_LIBRARIES + ("rasterio", "matplotlib")

    PROJECT = "PROJECT"
    AREA_TYPES = "AREA_TYPES"
    CONTAMINATION = "CONTAMINATION"
    RECEIVERS = "RECEIVERS"
    DISPOSAL = "DISPOSAL"
    ROADS = "ROADS"
    PLAN = "PLAN"
    OPTIONS_COUNT = "OPTIONS_COUNT"
    AREA_RULE = "AREA_RULE"
    TITLE = "TITLE"
    OUTPUT = "OUTPUT"
    OUTPUT_OPTIONS = "OUTPUT_OPTIONS"
    OUTPUT_HTML = "OUTPUT_HTML"
    OUTPUT_PDF = "OUTPUT_PDF"

    # (parameter, default field, parent layer, required when the layer is given); the
    # receivers' fields are read as match_reuse reads them (``_receivers``).
    FIELDS = (
        ("PROJECT_ID_FIELD", "id", "PROJECT", False),
        ("PROJECT_NAME_FIELD", "name", "PROJECT", False),
        ("CLASS_FIELD", "soil_class", "PROJECT", False),
        ("SOIL_TYPE_FIELD", "soil_type", "PROJECT", False),
        ("PROJECT_START_FIELD", "start_date", "PROJECT", False),
        ("PROJECT_END_FIELD", "end_date", "PROJECT", False),
        ("RECEIVER_ID_FIELD", "id", "RECEIVERS", True),
        ("KIND_FIELD", "kind", "RECEIVERS", False),
        ("CAPACITY_FIELD", "capacity_m3", "RECEIVERS", True),
        ("MAX_CLASS_FIELD", "max_soil_class", "RECEIVERS", True),
        ("RECEIVER_START_FIELD", "start_date", "RECEIVERS", False),
        ("RECEIVER_END_FIELD", "end_date", "RECEIVERS", False),
        ("DISPOSAL_ID_FIELD", "id", "DISPOSAL", False),
        ("GATE_FEE_FIELD", "gate_fee_dkk_t", "DISPOSAL", False),
        ("AREA_TYPE_FIELD", "area_type", "AREA_TYPES", True),
        ("PLAN_SOURCE_FIELD", "source_id", "PLAN", True),
        ("PLAN_RECEIVER_FIELD", "receiver_id", "PLAN", True),
        ("PLAN_TONNES_FIELD", "tonnes", "PLAN", True),
    )
    RECEIVER_FIELDS = ("RECEIVER_ID_FIELD", "KIND_FIELD", "CAPACITY_FIELD", "MAX_CLASS_FIELD",
                       "RECEIVER_START_FIELD", "RECEIVER_END_FIELD")

    NUMBERS = ("CUT_M3", "FILL_M3", "SURPLUS_M3", "PROJECT_SHIFT_M", "SAMPLES",
               "SAMPLING_COST_DKK")

    def displayName(self):
        return self.tr("Soil management plan for a project")

    def extra_tags(self):
        return ["jordhåndteringsplan", "soil management plan", "balanced level", "terræn",
                "prøvetagning", "sampling", "mulighedskatalog", "options", "datablad",
                "lokalplan", "byggeri", "prevention", "forebyggelse"]

    def field_labels(self):
        return {
            "PROJECT_ID_FIELD": self.tr("Polygon id field"),
            "PROJECT_NAME_FIELD": self.tr("Polygon name field"),
            "CLASS_FIELD": self.tr("Soil class field"),
            "SOIL_TYPE_FIELD": self.tr("Soil type field"),
            "PROJECT_START_FIELD": self.tr("Excavation start date field"),
            "PROJECT_END_FIELD": self.tr("Excavation end date field"),
            "RECEIVER_ID_FIELD": self.tr("Receiver id field"),
            "KIND_FIELD": self.tr("Receiver kind field"),
            "CAPACITY_FIELD": self.tr("Receiver capacity field (m³)"),
            "MAX_CLASS_FIELD": self.tr("Highest accepted soil class field"),
            "RECEIVER_START_FIELD": self.tr("Receiver start date field"),
            "RECEIVER_END_FIELD": self.tr("Receiver end date field"),
            "DISPOSAL_ID_FIELD": self.tr("Disposal site id field"),
            "GATE_FEE_FIELD": self.tr("Gate fee field (DKK/t)"),
            "AREA_TYPE_FIELD": self.tr("Area type field"),
            "PLAN_SOURCE_FIELD": self.tr("Regional plan: excavation id field"),
            "PLAN_RECEIVER_FIELD": self.tr("Regional plan: receiver id field"),
            "PLAN_TONNES_FIELD": self.tr("Regional plan: tonnes field"),
        }

    def initAlgorithm(self, config=None):
        from ..core.project import sampling
        from ..core.project.options import OPTIONS_COUNT
        from ..core.reuse import costs

        sites = processing_vector_types("point", "polygon")
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.PROJECT, self.tr("Project polygons (one building project, or a selection)"),
            processing_vector_types("polygon")))
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.DEM, self.tr("Terrain model (DEM, metres)")))
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.PLANNED_SURFACE, self.tr("Planned surface (raster, metres)"), optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.PLANNED_LEVEL_FIELD, self.tr("Planned level field (metres)"),
            parentLayerParameterName=self.PROJECT,
            type=QgsProcessingParameterField.DataType.Numeric, optional=True))
        for name, label, types in (
                (self.AREA_TYPES, self.tr("Area types"), processing_vector_types("polygon")),
                (self.CONTAMINATION, self.tr("Contaminated sites (V1/V2)"),
                 processing_vector_types("polygon")),
                (self.RECEIVERS, self.tr("Receivers (pits, resource sites, utilisation)"), sites),
                (self.DISPOSAL, self.tr("Disposal sites"), sites),
                (self.ROADS, self.tr("Roads"), processing_vector_types("line")),
                (self.PLAN, self.tr("Regional plan (reuse matches of Find short-haul reuse "
                                    "matches)"), processing_vector_types("table"))):
            self.addParameter(QgsProcessingParameterFeatureSource(name, label, types,
                                                                  optional=True))
        labels = self.field_labels()
        for name, default, parent, _ in self.FIELDS:
            self.addParameter(QgsProcessingParameterField(
                name, labels[name], defaultValue=default, parentLayerParameterName=parent,
                optional=True))
        self.add_number_parameter(self.OPTIONS_COUNT, self.tr("Options per excavation"),
                                  OPTIONS_COUNT, minimum=1, integer=True)
        self.addParameter(QgsProcessingParameterString(
            self.TITLE, self.tr("Project name (title of the plan)"), optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.AREA_RULE, self.tr("Area rule"),
            options=[self.tr("0 – ignore area types"),
                     self.tr("1 – analysis cost when crossing area types"),
                     self.tr("2 – only within the same area type")],
            defaultValue=1))
        self.add_number_parameter("MAX_HAUL_KM", self.tr("Maximum haul (km)"), costs.MAX_HAUL_KM)
        self.add_number_parameter("DETOUR_FACTOR",
                                  self.tr("Detour factor (road / straight distance, without "
                                          "roads)"), costs.DETOUR_FACTOR, minimum=1.0)
        self.add_number_parameter("SNAP_TOLERANCE_M", self.tr("Road snapping tolerance (m)"), 1.0,
                                  maximum=costs.SNAP_TOLERANCE_MAX_M, advanced=True)
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
                 costs.DEFAULT_GATE_FEE_DKK_T),
                ("SAMPLE_CLASSIFIED_T", self.tr("Tonnes per sample, classified area "
                                                "without suspicion"),
                 sampling.CLASSIFIED_BATCH_T),
                ("SAMPLE_SUSPECTED_T", self.tr("Tonnes per sample, suspected or mapped site"),
                 sampling.SUSPECTED_BATCH_T),
                ("ANALYSIS_PRICE_DKK", self.tr("Price per soil analysis (DKK)"),
                 costs.ANALYSIS_PRICE_DKK)):
            self.add_number_parameter(name, label, default, advanced=True)
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.output_title(self.OUTPUT)))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_OPTIONS, self.output_title(self.OUTPUT_OPTIONS),
            QgsProcessing.SourceType.TypeVectorLine))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_HTML, self.output_title(self.OUTPUT_HTML), self.tr("HTML files (*.html)")))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_PDF, self.output_title(self.OUTPUT_PDF), self.tr("PDF files (*.pdf)"),
            optional=True))
        for name, label in (("CUT_M3", self.tr("Total cut (m³)")),
                            ("FILL_M3", self.tr("Total fill (m³)")),
                            ("SURPLUS_M3", self.tr("Total surplus in situ (m³)")),
                            ("PROJECT_SHIFT_M", self.tr("Level shift balancing the project (m)")),
                            ("SAMPLES", self.tr("Soil samples")),
                            ("SAMPLING_COST_DKK", self.tr("Sampling cost (DKK)"))):
            self.addOutput(QgsProcessingOutputNumber(name, label))

    # Running --------------------------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):
        import numpy as np

        from ..core.project import management_plan as mp
        from ..core.project.options import options_catalogue
        from ..core.project.plan_document import PlanContent
        from ..core.project.sampling import sampling_plan
        from ..core.reuse.problem import AreaRule

        crs = self.distance_crs(parameters, context)
        layers = {name: self.source_or_error(parameters, name, context,
                                             required=name == self.PROJECT)
                  for name in (self.PROJECT, self.AREA_TYPES, self.CONTAMINATION, self.RECEIVERS,
                               self.DISPOSAL, self.ROADS, self.PLAN)}
        labels_of = self._layer_labels()
        fields = {name: resolve_field(self, parameters, name, context, layers[parent],
                                      labels_of[parent], feedback, required=required)
                  for name, _, parent, required in self.FIELDS
                  if name not in self.RECEIVER_FIELDS}
        number = self._numbers(parameters, context)
        dem = self.dem_or_error(parameters, context)
        planned_layer, level_field = self.planned_inputs(parameters, context, feedback,
                                                         layers[self.PROJECT],
                                                         labels_of[self.PROJECT])
        options_count = self.parameterAsInt(parameters, self.OPTIONS_COUNT, context)
        area_rule = AreaRule(self.parameterAsEnum(parameters, self.AREA_RULE, context))
        html_path = self.parameterAsFileOutput(parameters, self.OUTPUT_HTML, context)
        pdf_path = self.parameterAsFileOutput(parameters, self.OUTPUT_PDF, context)

        project = layers[self.PROJECT]
        frame = read_frame(project, crs, context, feedback, label=self.tr("Project polygons"))
        if frame.empty:
            raise QgsProcessingException(self.tr(
                "The project layer has no polygons with a geometry: there is nothing to plan."))
        labels = self._polygon_labels(frame, fields["PROJECT_ID_FIELD"], feedback)
        levels = None
        if level_field:
            from ..core.tables import read_values

            # Levels below sea level are levels; an empty one gives the polygon no plan (named
            # in the log), text that is no number stops the run.
            levels, report = read_values(frame[level_field], labels, level_field,
                                         allow_negative=True)
            check_reading(report, self.tr("Project polygons"), feedback)
        self.report_raster_notes(dem, planned_layer, feedback)
        balance = self._terrain_balance(frame, dem, planned_layer, levels, feedback)
        if balance is None:
            return {}
        polygons = mp.polygon_table(balance, number["DENSITY_T_M3"], levels)
        self._report_terrain(labels, balance, feedback)
        feedback.setProgress(60)

        batch = mp.batch_positions(polygons)
        excavations, batch_frame, batch_geometry = self._excavations(frame, polygons, batch,
                                                                     labels, fields, feedback)
        receivers, receiver_frame, receiver_ids, kinds = self._receivers(
            parameters, context, feedback, layers[self.RECEIVERS], crs)
        self._classify(excavations, receivers, batch_geometry, receiver_frame, layers, fields,
                       crs, context)
        haul_pairs = self._haul_pairs(layers[self.ROADS], number, crs, context, feedback)
        disposal = self._disposal(layers[self.DISPOSAL], fields, crs, context, feedback)
        plan = self._regional_plan(layers[self.PLAN], fields, labels[batch], receiver_ids,
                                   context, feedback)
        if feedback.isCanceled():
            return {}
        rates = self._rates(number)
        catalogue = options_catalogue(excavations, receivers, disposal.xy,
                                      disposal.gate_fee_dkk_t, rates, area_rule,
                                      number["MAX_HAUL_KM"], haul_pairs, options_count, plan)
        self._report_catalogue(catalogue, labels[batch], receiver_ids, layers, feedback)
        tonnes = polygons["tonnes"].to_numpy(dtype=float)[batch]
        sampling = sampling_plan(tonnes, excavations.suspected, number["SAMPLE_CLASSIFIED_T"],
                                 number["SAMPLE_SUSPECTED_T"], number["ANALYSIS_PRICE_DKK"])
        feedback.setProgress(75)

        totals = mp.project_totals(polygons, balance, number["DENSITY_T_M3"])
        batch_sites = batch_frame.assign(
            area_type=(None if excavations.area_type is None else excavations.area_type),
            suspected=excavations.suspected, volume_m3=excavations.volume_m3, tonnes=tonnes)
        batches = mp.batch_table(labels[batch], batch_sites, sampling, catalogue, disposal.ids)
        options = mp.option_table(catalogue, labels[batch], receiver_ids, kinds,
                                  number["DENSITY_T_M3"])
        document_polygons = polygons.assign(label=labels)
        import geopandas as gpd
        content = PlanContent(
            title=self.parameterAsString(parameters, self.TITLE, context) or project.sourceName(),
            polygons=gpd.GeoDataFrame(document_polygons, geometry=frame.geometry.to_numpy(),
                                      crs=frame.crs),
            batches=batches, options=options, totals=totals,
            has_receivers=layers[self.RECEIVERS] is not None, has_plan=plan is not None,
            crs_name=crs.authid() or crs.description(),
            sampling_rule=(number["SAMPLE_CLASSIFIED_T"], number["SAMPLE_SUSPECTED_T"],
                           number["ANALYSIS_PRICE_DKK"]),
            inputs=self._inputs(layers, dem, planned_layer, level_field),
            parameters=self._parameter_list(number, options_count, area_rule, crs),
            references=self.references())
        self._write_documents(content, html_path, pdf_path, feedback)
        feedback.setProgress(90)

        outputs = self._write_layers(parameters, context, feedback, frame, polygons, batch,
                                     excavations, sampling, catalogue, options, labels,
                                     receiver_frame, (disposal.ids, disposal.xy), rates,
                                     project, crs)
        outputs.update({self.OUTPUT_HTML: html_path})
        if pdf_path:
            outputs[self.OUTPUT_PDF] = pdf_path
        outputs.update({
            "CUT_M3": totals["cut_m3"], "FILL_M3": totals["fill_m3"],
            "SURPLUS_M3": totals["surplus_m3"],
            "PROJECT_SHIFT_M": (None if not np.isfinite(totals["project_shift_m"])
                                else float(totals["project_shift_m"])),
            "SAMPLES": sampling.total_samples, "SAMPLING_COST_DKK": sampling.total_cost_dkk})
        self._log_summary(totals, sampling, batches, feedback)
        feedback.setProgress(100)
        return outputs

    def _numbers(self, parameters, context):
        names = ("MAX_HAUL_KM", "DETOUR_FACTOR", "SNAP_TOLERANCE_M", "DENSITY_T_M3",
                 "TRUCK_PAYLOAD_T", "TRANSPORT_COST_DKK_TKM", "ANALYSIS_COST_DKK_T", "CO2_KG_TKM",
                 "BASELINE_HAUL_KM", "DEFAULT_GATE_FEE_DKK_T", "SAMPLE_CLASSIFIED_T",
                 "SAMPLE_SUSPECTED_T", "ANALYSIS_PRICE_DKK")
        number = {name: self.parameterAsDouble(parameters, name, context) for name in names}
        for name in ("DENSITY_T_M3", "TRUCK_PAYLOAD_T", "DETOUR_FACTOR", "SAMPLE_CLASSIFIED_T",
                     "SAMPLE_SUSPECTED_T"):
            if number[name] <= 0:
                raise QgsProcessingException(self.tr("{0} must be greater than zero.").format(name))
        return number

    def _rates(self, number):
        from ..core.reuse.costs import CostRates

        return CostRates(number["DENSITY_T_M3"], number["TRUCK_PAYLOAD_T"],
                         number["TRANSPORT_COST_DKK_TKM"], number["ANALYSIS_COST_DKK_T"],
                         number["CO2_KG_TKM"], number["BASELINE_HAUL_KM"],
                         number["DEFAULT_GATE_FEE_DKK_T"])

    # Terrain --------------------------------------------------------------------------------
    def _layer_labels(self):
        return {self.PROJECT: self.tr("Project polygons"), self.RECEIVERS: self.tr("Receivers"),
                self.DISPOSAL: self.tr("Disposal sites"), self.AREA_TYPES: self.tr("Area types"),
                self.PLAN: self.tr("Regional plan")}

    def _polygon_labels(self, frame, id_field, feedback):
        """Each polygon's id as text (its feature id without an id field). The catalogue and the
        data sheets name batches by it, so an empty or repeated id stops the run, as in
        match_reuse."""
        import numpy as np

        from ..core.tables import read_ids

        if not id_field:
            return np.array([str(value) for value in frame[FEATURE_ID]], dtype=object)
        ids, report = read_ids(frame[id_field], frame[FEATURE_ID], id_field, required=True)
        check_reading(report, self.tr("Project polygons"), feedback)
        return ids

    def _terrain_balance(self, frame, dem, planned_layer, levels, feedback):
        from rasterio.errors import RasterioIOError

        from ..core.terrain import earthwork
        from ..core.terrain.balanced_level import terrain_balance

        try:
            balance = terrain_balance(
                frame.geometry, dem.source(),
                planned_surface_path=None if planned_layer is None else planned_layer.source(),
                planned_levels=levels, progress=lambda share: feedback.setProgress(5 + 55 * share),
                canceled=feedback.isCanceled)
        except earthwork.EarthworkInputError as error:
            raise QgsProcessingException(
                self.input_error_message(str(error), dem, planned_layer)) from None
        except RasterioIOError as error:
            raise QgsProcessingException(self.tr("A raster could not be read: {0}")
                                         .format(error)) from None
        return None if feedback.isCanceled() else balance

    def _report_terrain(self, labels, balance, feedback):
        import numpy as np

        from ..core.terrain import earthwork
        from ..core.terrain.balanced_level import WITHOUT_LEVEL

        self.report_polygons(labels, balance.volumes, earthwork, feedback)
        without = np.flatnonzero(np.isin(balance.reason, WITHOUT_LEVEL))
        if len(without):
            feedback.pushWarning(self.tr(
                "{0} polygon(s) have no cell with terrain data, so no balanced level "
                "(balanced_level_m is NULL; balance_note says why): ids {1}.")
                .format(number_format().whole(len(without)), id_list(labels[without])))
        if np.isfinite(balance.project_shift_m):
            feedback.pushInfo(self.tr(
                "Changing every planned level by {0} m balances the project: cut equals "
                "fill at {1} m³.").format(
                    ("+" if balance.project_shift_m > 0 else "")
                    + number_format().number(balance.project_shift_m, 3),
                    number_format().whole(balance.project_cut_m3)))

    def _report_catalogue(self, catalogue, batch_labels, receiver_ids, layers, feedback):
        import numpy as np

        if layers[self.RECEIVERS] is None:
            feedback.pushWarning(self.tr("No receivers given: the options catalogue shows "
                                         "disposal only."))
            return
        lonely = np.flatnonzero(catalogue.feasible_count == 0)
        if len(lonely):
            feedback.pushWarning(self.tr(
                "{0} batch(es) have no receiver within reach that accepts them; disposal only: "
                "ids {1}.").format(len(lonely), id_list(np.asarray(batch_labels)[lonely])))
        stray = catalogue.plan_not_options
        if len(stray):
            pairs = [f"{batch_labels[s]}→{receiver_ids[r]}" for s, r in
                     zip(stray["source"], stray["receiver"])]
            feedback.pushWarning(self.tr(
                "Regional plan: {0} flow(s) use no arc allowed under this run's rules (class, "
                "haul, window, area rule) and are priced as disposal: {1}.")
                .format(len(pairs), id_list(pairs)))

    def _log_summary(self, totals, sampling, batches, feedback):
        whole = number_format().whole
        feedback.pushInfo(self.tr(
            "Project: cut {0} m³, fill {1} m³; surplus {2} m³ in {3} batch(es), "
            "of which the project's own deficits can take {4} m³.")
            .format(whole(totals["cut_m3"]), whole(totals["fill_m3"]),
                    whole(totals["surplus_m3"]), whole(len(batches)), whole(totals["kept_m3"])))
        feedback.pushInfo(self.tr("Sampling: {0} sample(s), {1} DKK.")
                          .format(whole(sampling.total_samples), whole(sampling.total_cost_dkk)))
