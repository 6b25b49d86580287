"""Suggest resource site locations: the exact p-median choice of candidate sites that brings the
excavations' soil the fewest tonne-km, with the proof of optimality in the log."""
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsWkbTypes,
)

from ..i18n import number_format
from ..layers.fields import resolve_field
from ..layers.frames import FEATURE_ID, read_frame, write_frame
from ..layers.reading import check_reading
from ..layers.roads import read_road_network
from ..layers.sites import SiteFieldsMixin, SiteParameters
from .base import JordressourceAlgorithm, processing_vector_types
from .siting_messages import SitingMessages

DEFAULT_SITE_COUNT = 3
DEFAULT_TIME_LIMIT_S = 600.0


class SuggestResourceSitesAlgorithm(SitingMessages, SiteFieldsMixin, JordressourceAlgorithm):
    ALGORITHM_ID = "suggest_resource_sites"
    GROUP_ID = "strategy"

    CANDIDATES = "CANDIDATES"
    SOURCES = "SOURCES"
    ROADS = "ROADS"
    OUTPUT = "OUTPUT"
    OUTPUT_ASSIGNMENTS = "OUTPUT_ASSIGNMENTS"
    OUTPUT_SWEEP = "OUTPUT_SWEEP"

    def displayName(self):
        return self.tr("Suggest resource site locations")

    def extra_tags(self):
        return ["ressourceplads", "resource site", "location", "placering", "p-median",
                "location-allocation", "facility location", "siting", "optimal", "tonne-km"]

    def initAlgorithm(self, config=None):
        from ..core.reuse import costs

        sites = processing_vector_types("point", "polygon")
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.CANDIDATES, self.tr("Candidate sites"), sites))
        self.add_field("CANDIDATE_ID_FIELD", self.tr("Candidate id field"), "id",
                       self.CANDIDATES)
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.SOURCES, self.tr("Excavations with surplus soil"), sites))
        self.add_field("SOURCE_ID_FIELD", self.tr("Excavation id field"), "id", self.SOURCES)
        self.add_field("VOLUME_FIELD", self.tr("Surplus volume field (m³, in situ)"), "volume_m3",
                       self.SOURCES)
        self.add_number_parameter("SITE_COUNT", self.tr("Number of sites"), DEFAULT_SITE_COUNT,
                                  minimum=1, integer=True)
        for name, label, numeric in (
                ("CAPACITY_FIELD", self.tr("Capacity field of the candidates (m³, optional)"),
                 True),
                ("EXISTING_FIELD", self.tr("Existing-site field of the candidates (yes/no, "
                                           "optional)"), False),
                ("OPENING_COST_FIELD", self.tr("Opening cost field of the candidates (DKK, "
                                               "optional)"), True)):
            self.add_field(name, label, None, self.CANDIDATES, optional=True, numeric=numeric)
        self.add_number_parameter("MAX_HAUL_KM", self.tr("Maximum haul (km)"), costs.MAX_HAUL_KM,
                                  decimals=1)
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.ROADS, self.tr("Roads"), processing_vector_types("line"), optional=True))
        self.add_number_parameter("DETOUR_FACTOR",
                                  self.tr("Detour factor (road / straight distance, "
                                          "without roads)"),
                                  costs.DETOUR_FACTOR, minimum=1.0, decimals=2)
        self.add_number_parameter("SNAP_TOLERANCE_M", self.tr("Road snapping tolerance (m)"),
                                  costs.SNAP_TOLERANCE_M, advanced=True, decimals=1)
        self.add_distance_crs_parameter(advanced=True)
        self.add_number_parameter("DENSITY_T_M3", self.tr("Bulk density (t/m³)"),
                                  costs.DENSITY_T_M3, advanced=True, decimals=2)
        self.add_number_parameter("TRANSPORT_COST_DKK_TKM",
                                  self.tr("Transport cost (DKK per tonne-km)"),
                                  costs.TRANSPORT_COST_DKK_TKM, advanced=True, decimals=2)
        self.add_number_parameter("TIME_LIMIT_S",
                                  self.tr("Time limit per site count (s; 0 = none)"),
                                  DEFAULT_TIME_LIMIT_S, advanced=True, decimals=0)
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.output_title(self.OUTPUT)))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_ASSIGNMENTS, self.output_title(self.OUTPUT_ASSIGNMENTS),
            QgsProcessing.SourceType.TypeVectorLine))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_SWEEP, self.output_title(self.OUTPUT_SWEEP),
            QgsProcessing.SourceType.TypeVector, optional=True, createByDefault=False))
        for name, description in (
                ("TONNE_KM", self.tr("Haul (tonne-km)")),
                ("OPENING_COST_DKK", self.tr("Opening costs (DKK)")),
                ("GAP", self.tr("Optimality gap")),
                ("SITES_OPENED", self.tr("Sites open")),
                ("LEFT_OUT_M3", self.tr("Soil beyond the maximum haul (m³)"))):
            self.addOutput(QgsProcessingOutputNumber(name, description))

    def processAlgorithm(self, parameters, context, feedback):
        from ..core.siting import (
            SitingCancelled,
            SitingInput,
            SitingInputError,
            choose_sites,
            prepare,
            sweep_site_counts,
        )

        steps = QgsProcessingMultiStepFeedback(4, feedback)  # sites, hauls, solve, outputs
        crs = self.distance_crs(parameters, context)
        number = self._numbers(parameters, context)
        site_count = self.parameterAsInt(parameters, "SITE_COUNT", context)
        candidates = self._read_candidates(parameters, context, steps, crs)
        sources = self._read_sources(parameters, context, steps, crs)
        if steps.isCanceled():
            return {}
        steps.setCurrentStep(1)
        pairs = self._pairs(parameters, context, steps, crs, number, sources, candidates)
        if steps.isCanceled():
            return {}
        steps.setCurrentStep(2)
        data = SitingInput(candidates["ids"], sources["ids"], sources["volume"], pairs,
                           number["MAX_HAUL_KM"], candidates["capacity"], candidates["existing"],
                           candidates["opening"], number["DENSITY_T_M3"],
                           number["TRANSPORT_COST_DKK_TKM"])
        time_limit = number["TIME_LIMIT_S"] or None
        try:
            problem = prepare(data)
            self.report_left_out(problem, sources, feedback)
            if parameters.get(self.OUTPUT_SWEEP):
                rows = sweep_site_counts(problem, site_count, time_limit, steps.isCanceled,
                                         feedback.pushDebugInfo)
                choice = rows[-1].choice
                if choice is None:
                    choose_sites(problem, site_count, time_limit, steps.isCanceled)  # raises
            else:
                rows = None
                choice = choose_sites(problem, site_count, time_limit, steps.isCanceled,
                                      feedback.pushDebugInfo)
        except SitingCancelled:
            return {}
        except (SitingInputError, RuntimeError) as error:
            raise self.engine_error(error, candidates["label"], sources["label"]) from None
        self.report_proof(choice, problem, feedback)
        steps.setCurrentStep(3)
        results = self._write_sites(parameters, context, steps, candidates, problem, choice, crs)
        results.update(self._write_assignments(parameters, context, steps, candidates, sources,
                                               problem, choice, crs))
        if rows is not None:
            results.update(self._write_sweep(parameters, context, problem, rows))
        left_out = float(data.volume_m3[problem.unreachable].sum())
        results.update({"TONNE_KM": choice.haul_tkm,
                        "OPENING_COST_DKK": choice.opening_tkm * number["TRANSPORT_COST_DKK_TKM"],
                        "GAP": choice.gap, "SITES_OPENED": len(choice.open_sites),
                        "LEFT_OUT_M3": left_out})
        return results

    # Reading --------------------------------------------------------------------------------
    def _numbers(self, parameters, context):
        number = {name: self.parameterAsDouble(parameters, name, context) for name in (
            "MAX_HAUL_KM", "DETOUR_FACTOR", "SNAP_TOLERANCE_M", "DENSITY_T_M3",
            "TRANSPORT_COST_DKK_TKM", "TIME_LIMIT_S")}
        for name in ("MAX_HAUL_KM", "DETOUR_FACTOR", "DENSITY_T_M3", "TRANSPORT_COST_DKK_TKM"):
            if not number[name] > 0:
                raise QgsProcessingException(self.tr("{0} must be greater than zero.").format(
                    self.parameterDefinition(name).description()))
        number["TIME_LIMIT_S"] = max(number["TIME_LIMIT_S"], 0.0)
        return number

    def _read_candidates(self, parameters, context, feedback, crs):
        """Every candidate with its id (required and unique: the outputs name it), position,
        and the capacity, existing flag and opening cost where those fields are chosen."""
        import numpy as np

        from ..core import tables as t
        from ..core.geometry.positions import position_xy

        source = self.source_or_error(parameters, self.CANDIDATES, context)
        label = self.tr("Candidate sites")
        fields = {name: resolve_field(self, parameters, name, context, source, label, feedback,
                                      required=name == "CANDIDATE_ID_FIELD")
                  for name in ("CANDIDATE_ID_FIELD", "CAPACITY_FIELD", "EXISTING_FIELD",
                               "OPENING_COST_FIELD")}
        frame = read_frame(source, crs, context, feedback, label=label)
        if frame.empty:
            raise QgsProcessingException(self.tr(
                "{0}: the layer has no features with a geometry.").format(label))
        ids, report = t.read_ids(frame[fields["CANDIDATE_ID_FIELD"]], frame[FEATURE_ID].tolist(),
                               fields["CANDIDATE_ID_FIELD"], required=True)
        values = {}
        for name, role in (("CAPACITY_FIELD", "capacity"), ("OPENING_COST_FIELD", "opening")):
            values[role] = None
            if fields[name]:
                values[role], value_report = t.read_values(frame[fields[name]], ids, fields[name])
                report.extend(value_report)
        existing = None
        if fields["EXISTING_FIELD"]:
            # Refusals go through the one report, so the message is the plugin's own wording.
            raw = np.asarray(frame[fields["EXISTING_FIELD"]].tolist(), dtype=object)
            read, problems = t.read_yes_no_values(raw)
            existing = read == 1.0  # empty: not marked, a new candidate
            for reason, positions in problems.items():
                report.add(reason, t.REFUSED, t.YES_NO, fields["EXISTING_FIELD"],
                           np.asarray(ids, dtype=object)[positions], raw[positions])
        check_reading(report, label, feedback)
        return {"ids": np.asarray(ids, dtype=object), "xy": position_xy(frame.geometry),
                "frame": frame, "source": source, "label": label, "existing": existing,
                "capacity": values["capacity"], "opening": values["opening"], "fields": fields}

    def _read_sources(self, parameters, context, feedback, crs):
        """Excavations under the one reading policy: an empty volume leaves the excavation out
        (named in the log); ids are required, as the assignments name them."""
        from ..core.geometry.positions import position_xy
        from ..core.tables import VOLUME

        source = self.source_or_error(parameters, self.SOURCES, context)
        label = self.tr("Excavations")
        layer = self.read_site_layer(
            parameters, context, feedback, source, crs, label,
            SiteParameters("VOLUME_FIELD", VOLUME, "SOURCE_ID_FIELD", required=("id",),
                           ids_required=True),
            {})
        frame, reading, xy = layer.kept()
        if not len(reading.ids):
            raise QgsProcessingException(self.tr(
                "No excavation has a usable surplus volume. Check the volume field ({0}).")
                .format(layer.fields["amount"]))
        return {"ids": reading.ids, "volume": reading.amount_m3, "label": label,
                "xy": xy if xy is not None else position_xy(frame.geometry)}

    def _pairs(self, parameters, context, feedback, crs, number, sources, candidates):
        """Haul pairs within the maximum haul: along the roads, or straight × detour factor."""
        from ..core.network.haul import straight_haul_pairs

        roads = self.source_or_error(parameters, self.ROADS, context, required=False)
        if roads is None:
            feedback.pushInfo(self.tr("No roads given: straight lines × {0}.").format(
                number_format().trimmed(number["DETOUR_FACTOR"])))
            return straight_haul_pairs(sources["xy"], candidates["xy"], number["MAX_HAUL_KM"],
                                       number["DETOUR_FACTOR"])
        network = read_road_network(roads, crs, number["SNAP_TOLERANCE_M"], context, feedback)
        haul = network.haul(sources["xy"], candidates["xy"], number["MAX_HAUL_KM"],
                            progress=lambda share: feedback.setProgress(100 * share),
                            canceled=feedback.isCanceled)
        if haul.disconnected_pairs:
            feedback.pushWarning(self.tr(
                "{0} excavation-candidate pair(s) lie on separate parts of the road network "
                "and have no road path; they are left out.").format(
                    number_format().whole(haul.disconnected_pairs)))
        return haul.pairs

    # Writing --------------------------------------------------------------------------------
    def _write_sites(self, parameters, context, feedback, candidates, problem, choice, crs):
        """The chosen candidates with their input fields, served volume, mean haul and rank
        (1 serves the most soil; ties by id)."""
        import numpy as np

        from ..core.siting.problem import id_sort_key

        open_sites = choice.open_sites
        served_t = np.bincount(choice.site, weights=choice.tonnes,
                               minlength=problem.candidate_count)
        tkm = np.bincount(choice.site, weights=choice.tonnes * choice.km,
                          minlength=problem.candidate_count)
        count = np.bincount(choice.site, minlength=problem.candidate_count)
        order = sorted(open_sites,
                       key=lambda j: (-served_t[j], id_sort_key(problem.candidate_ids[j])))
        rank = {j: position + 1 for position, j in enumerate(order)}
        frame = candidates["frame"].iloc[open_sites].copy()
        density = problem.density_t_m3
        frame["served_m3"] = served_t[open_sites] / density
        frame["mean_haul_km"] = np.where(served_t[open_sites] > 0,
                                         tkm[open_sites] / np.maximum(served_t[open_sites],
                                                                      1e-300), np.nan)
        frame["rank"] = [rank[j] for j in open_sites]
        frame["source_count"] = count[open_sites]
        frame["existing"] = problem.existing[open_sites]
        frame = frame.sort_values("rank")
        fields = self.output_fields(self.OUTPUT, candidates["source"].fields())
        sink, dest_id = self.sink_or_error(parameters, self.OUTPUT, context, fields,
                                           candidates["source"].wkbType(), crs)
        write_frame(sink, frame, fields, feedback)
        sink.flushBuffer()
        return {self.OUTPUT: dest_id}

    def _write_assignments(self, parameters, context, feedback, candidates, sources, problem,
                           choice, crs):
        import geopandas as gpd
        from shapely.geometry import LineString

        density = problem.density_t_m3
        volume_m3 = choice.tonnes / density
        frame = gpd.GeoDataFrame({
            "source_id": [str(sources["ids"][i]) for i in choice.source],
            "site_id": [str(candidates["ids"][j]) for j in choice.site],
            "volume_m3": volume_m3, "tonnes": choice.tonnes, "distance_km": choice.km,
            "tonne_km": choice.tonnes * choice.km,
            "share": volume_m3 / sources["volume"][choice.source],
        }, geometry=[LineString([sources["xy"][i], candidates["xy"][j]])
                     for i, j in zip(choice.source, choice.site)])
        fields = self.output_fields(self.OUTPUT_ASSIGNMENTS)
        sink, dest_id = self.sink_or_error(parameters, self.OUTPUT_ASSIGNMENTS, context, fields,
                                           QgsWkbTypes.Type.LineString, crs)
        write_frame(sink, frame, fields, feedback)
        sink.flushBuffer()
        return {self.OUTPUT_ASSIGNMENTS: dest_id}

    def _write_sweep(self, parameters, context, problem, rows):
        import pandas as pd

        rate = problem.transport_dkk_tkm
        records = []
        for row in rows:
            choice = row.choice
            record = {"site_count": row.site_count, "status": SWEEP_STATUS[row.reason]}
            if choice is not None:
                record.update(tonne_km=choice.haul_tkm, gap=choice.gap,
                              opening_cost_dkk=choice.opening_tkm * rate,
                              sites_opened=len(choice.open_sites),
                              status="optimal" if choice.proven else "time_limit",
                              site_ids=", ".join(str(problem.candidate_ids[j])
                                                 for j in choice.open_sites))
            records.append(record)
        fields = self.output_fields(self.OUTPUT_SWEEP)
        sink, dest_id = self.sink_or_error(parameters, self.OUTPUT_SWEEP, context, fields,
                                           QgsWkbTypes.Type.NoGeometry,
                                           QgsCoordinateReferenceSystem())
        # Missing values (a count with no choice) are written as NULL by write_frame.
        write_frame(sink, pd.DataFrame.from_records(records), fields, geometry=False)
        sink.flushBuffer()
        return {self.OUTPUT_SWEEP: dest_id}


# Status codes of a sweep row (stored values, the same in every language).
SWEEP_STATUS = {"": "optimal", "existing": "below_existing", "reach": "too_few_sites",
                "capacity": "capacity_short"}
