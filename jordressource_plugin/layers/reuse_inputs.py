"""The inputs `match_reuse` and `schedule_reuse` share (the contract: every input and parameter
of match_reuse, with the same names, defaults and rules): their parameters, and the reading of
excavations, receivers, area types, contamination, roads and disposal sites into the engine's
terms under the one reading policy."""
from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
)

from ..i18n import number_format
from .fields import resolve_field
from .frames import FEATURE_ID, bounds_rectangle, read_frame
from .reading import check_reading, report_area_overlaps
from .roads import read_road_network, read_roads_near
from .sites import SiteFieldsMixin, SiteParameters


class ReuseInputsMixin(SiteFieldsMixin):
    """Parameters and reading of the reuse algorithms' inputs; the algorithm adds its own
    parameters and outputs after ``add_reuse_inputs``."""

    SOURCES = "SOURCES"
    RECEIVERS = "RECEIVERS"
    DISPOSAL = "DISPOSAL"
    AREA_TYPES = "AREA_TYPES"
    CONTAMINATION = "CONTAMINATION"
    ROADS = "ROADS"
    AREA_RULE = "AREA_RULE"
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

    def add_reuse_inputs(self):
        """Every input and parameter of match_reuse."""
        from ..core.reuse import costs

        source = QgsProcessing.SourceType
        sites = [source.TypeVectorPoint, source.TypeVectorPolygon]
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.SOURCES, self.tr("Excavations with surplus soil"), sites))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.RECEIVERS, self.tr("Receivers (pits, resource sites, utilisation)"), sites))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.DISPOSAL, self.tr("Disposal sites"), sites, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.AREA_TYPES, self.tr("Area types"), [QgsProcessing.SourceType.TypeVectorPolygon],
            optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.CONTAMINATION, self.tr("Contaminated sites (V1/V2)"),
            [QgsProcessing.SourceType.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.ROADS, self.tr("Roads"), [QgsProcessing.SourceType.TypeVectorLine], optional=True))
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
        oneway = QgsProcessingParameterField(
            "ONEWAY_FIELD", self.tr("One-way field of the roads (optional)"),
            parentLayerParameterName=self.ROADS, optional=True)
        oneway.setFlags(oneway.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.addParameter(oneway)
        self.add_number_parameter("MAX_HAUL_KM", self.tr("Maximum haul (km)"), costs.MAX_HAUL_KM,
                                  decimals=1)
        self.add_number_parameter("DETOUR_FACTOR",
                                  self.tr("Detour factor (road / straight distance, "
                                          "without roads)"),
                                  costs.DETOUR_FACTOR, minimum=1.0, decimals=2)
        for name, _, _, _, advanced in self.FIELDS:
            if advanced:
                fields[name].setFlags(fields[name].flags()
                                      | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
                self.addParameter(fields[name])
        self.add_number_parameter("SNAP_TOLERANCE_M", self.tr("Road snapping tolerance (m)"),
                                  costs.SNAP_TOLERANCE_M, maximum=costs.SNAP_TOLERANCE_MAX_M,
                                  advanced=True, decimals=1)
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

    def read_reuse_layers(self, parameters, context):
        return {name: self.source_or_error(parameters, name, context,
                                           required=name in (self.SOURCES, self.RECEIVERS))
                for name in (self.SOURCES, self.RECEIVERS, self.DISPOSAL, self.AREA_TYPES,
                             self.CONTAMINATION, self.ROADS)}

    def reuse_rates(self, parameters, context):
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

    def read_reuse_sites(self, parameters, context, feedback, layers, crs):
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

    def classify_reuse_sites(self, parameters, context, feedback, layers, crs, area_rule,
                             sources, receivers):
        """Area types and contamination suspicion of both sides, set in place."""
        from ..core.geometry import extent
        from ..core.reuse.problem import AreaRule
        from ..core.reuse.sites import classify_for_reuse

        (source_table, excavations), (receiver_table_, receiver_sites) = sources, receivers
        # Only the polygons the sites reach into classify them (core.geometry.extent).
        within = bounds_rectangle(extent.grown(extent.bounds_of(
            source_table.frame.geometry.total_bounds,
            receiver_table_.frame.geometry.total_bounds), extent.EDGE_SLACK_M))
        areas, contamination = None, None
        area_field = resolve_field(self, parameters, "AREA_TYPE_FIELD", context,
                                   layers[self.AREA_TYPES], self.tr("Area types"), feedback,
                                   required=True)
        if area_field:
            areas = read_frame(layers[self.AREA_TYPES], crs, context, feedback,
                               fields=[area_field], label=self.tr("Area types"), within=within)
            if areas.empty and within is not None:  # none near the sites: is the layer empty?
                areas = read_frame(layers[self.AREA_TYPES], crs, context, feedback,
                                   fields=[area_field], label=self.tr("Area types"))
        elif area_rule != AreaRule.IGNORE:
            feedback.pushWarning(self.tr(
                "No area-type layer: every site is taken to lie in one common area type, so the "
                "area rule only applies to excavations on contaminated sites."))
        if layers[self.CONTAMINATION] is not None:
            contamination = read_frame(layers[self.CONTAMINATION], crs, context, feedback,
                                       fields=[], label=self.tr("Contaminated sites"),
                                       within=within).geometry
        overlaps = classify_for_reuse(excavations, receiver_sites, source_table.frame.geometry,
                                      receiver_table_.frame.geometry, areas, area_field,
                                      contamination)
        if areas is not None:
            report_area_overlaps(overlaps, areas, feedback)

    def reuse_road_network(self, parameters, layers, crs, number, context, feedback):
        """The road network hauls follow, or None for straight lines times the detour factor:
        the same reading of roads as haul_matrix (a layer with no usable line is a clear
        error; one-way lines are driven only their way, from excavation to receiver)."""
        if layers[self.ROADS] is None:
            return None
        oneway_field = resolve_field(self, parameters, "ONEWAY_FIELD", context,
                                     layers[self.ROADS], self.tr("Roads"), feedback)
        return read_road_network(layers[self.ROADS], crs, number["SNAP_TOLERANCE_M"], context,
                                 feedback, oneway_field)

    def reuse_roads_near(self, parameters, layers, crs, number, context, feedback, site_xy,
                         disposal, rates):
        """(road network or None, haul function): straight lines times the detour factor, or
        along the roads, read as haul_matrix reads them (a layer with no usable line is a clear
        error).

        Only the roads within the maximum haul of the sites and disposal sites are read. A
        disposal site may be cheapest at any distance, so the disposal choice made on those
        roads is checked (``disposal_reach_km``): where a cheaper one could lie along roads
        outside, the roads are read again within the reach that decides (or whole)."""
        import numpy as np

        from ..core.geometry import extent
        from ..core.reuse.costs import choose_disposal, disposal_reach_km, straight_haul

        if layers[self.ROADS] is None:
            return None, straight_haul(number["DETOUR_FACTOR"])
        source_xy, receiver_xy = site_xy
        snap = number["SNAP_TOLERANCE_M"]
        max_m = number["MAX_HAUL_KM"] * 1000.0
        oneway_field = resolve_field(self, parameters, "ONEWAY_FIELD", context,
                                     layers[self.ROADS], self.tr("Roads"), feedback)
        network, bounds = read_roads_near(
            layers[self.ROADS], crs, snap, context, feedback,
            np.vstack([source_xy, receiver_xy, disposal.xy]), max_m if max_m > 0 else np.inf,
            oneway_field)
        if not len(disposal.xy):
            return network, network.haul_pairs
        to_disposal = network.haul_pairs(source_xy, disposal.xy, np.inf)
        choice = choose_disposal(source_xy, disposal.xy, disposal.gate_fee_dkk_t, rates,
                                 lambda *_: to_disposal)
        reach_m = disposal_reach_km(choice, disposal.gate_fee_dkk_t, rates) * 1000.0
        if bounds is not None and not extent.within_room(source_xy, reach_m, bounds):
            wider = extent.covering(source_xy, reach_m, bounds)
            if wider is None:
                feedback.pushInfo(self.tr("Roads: a disposal site is reached by no road read; "
                                          "reading the whole road layer."))
            else:
                feedback.pushInfo(self.tr(
                    "Roads: a cheaper disposal site might be reached along roads outside the "
                    "area read; reading the roads within {0} km of the excavations.").format(
                        number_format().whole(float(np.max(reach_m)) / 1000.0)))
            network = read_road_network(layers[self.ROADS], crs, snap, context, feedback,
                                        oneway_field, within=wider)
            to_disposal = network.haul_pairs(source_xy, disposal.xy, np.inf)
        return network, _remembering(network.haul_pairs, source_xy, disposal.xy, to_disposal)

    @staticmethod
    def reuse_haul_pairs(network, number):
        """Hauls along ``network``, or straight lines times the detour factor without one."""
        from ..core.reuse.costs import straight_haul

        return straight_haul(number["DETOUR_FACTOR"]) if network is None else network.haul_pairs

    def read_disposal_sites(self, parameters, context, feedback, layers, crs, rates):
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


def _remembering(haul_pairs, source_xy, target_xy, pairs):
    """``haul_pairs`` that answers the call for every pair of ``source_xy`` and ``target_xy``
    at any distance with ``pairs``, already found (the disposal hauls)."""
    import numpy as np

    def haul(sources, targets, max_haul_km):
        if (np.isinf(max_haul_km) and np.array_equal(sources, source_xy)
                and np.array_equal(targets, target_xy)):
            return pairs
        return haul_pairs(sources, targets, max_haul_km)
    return haul
