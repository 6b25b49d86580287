"""What soil_management_plan reads besides terrain: the batches' classes and windows, the
receivers, disposal sites, area types, roads and a regional plan, each as match_reuse reads it
(the one reading of planners' tables, ``core.tables``)."""
from ..layers.fields import id_list, resolve_field
from ..layers.frames import FEATURE_ID, read_frame
from ..layers.reading import check_reading
from ..layers.roads import read_road_network
from ..layers.sites import SiteParameters


class PlanInputsMixin:
    """For SoilManagementPlanAlgorithm (with SiteFieldsMixin): reading its sites."""

    def _excavations(self, frame, polygons, batch, labels, fields, feedback):
        """The batches (polygons with surplus) as the reuse engine's excavations, their class
        and window read by the one reading of planners' tables, and their attributes for the
        data sheets."""
        import pandas as pd

        from ..core import tables as t
        from ..core.reuse.sites import excavations_from

        rows = frame.iloc[batch].reset_index(drop=True)
        rows["_surplus_m3"] = polygons["surplus_m3"].to_numpy()[batch]
        start, end = fields["PROJECT_START_FIELD"], fields["PROJECT_END_FIELD"]
        class_field = fields["CLASS_FIELD"]
        reading = t.read_sites(rows, t.SiteFields("_surplus_m3", t.VOLUME, None, class_field,
                                                  start, end), fallback_ids=labels[batch])
        no_receiver = self.tr("No receiver can take them until the soil is classified: "
                              "disposal only.")
        check_reading(reading.report, self.tr("Project polygons"), feedback,
                      {(t.EMPTY, t.CLASS): no_receiver,
                       (t.WINDOW_REVERSED, t.WINDOW): self.tr("They are matched to no "
                                                              "receiver.")})
        _, excavations = excavations_from(rows, reading.kept())
        if class_field is None:
            feedback.pushWarning(self.tr("Project polygons: no soil class field, so no receiver "
                                         "can be matched: disposal only."))

        def column(name):
            return rows[name].tolist() if name else [None] * len(rows)

        sheet = pd.DataFrame({"name": column(fields["PROJECT_NAME_FIELD"]),
                              "soil_class": excavations.soil_class,
                              "soil_type": column(fields["SOIL_TYPE_FIELD"]),
                              "start_date": column(start), "end_date": column(end)})
        return excavations, sheet, rows.geometry

    def _receivers(self, parameters, context, feedback, source, crs):
        """(Receivers, their frame, ids, kinds) read as match_reuse reads them; empty without a
        receiver layer."""
        import geopandas as gpd
        import numpy as np

        from ..core import tables as t
        from ..core.reuse.problem import Receivers
        from ..core.reuse.sites import receivers_from

        if source is None:
            empty = np.zeros(0)
            frame = gpd.GeoDataFrame(geometry=gpd.GeoSeries([], crs=crs.authid() or None))
            return (Receivers(np.zeros((0, 2)), empty, empty, empty, empty), frame, [], [])
        label = self.tr("Receivers")
        layer = self.read_site_layer(
            parameters, context, feedback, source, crs, label,
            SiteParameters("CAPACITY_FIELD", t.CAPACITY, "RECEIVER_ID_FIELD", "MAX_CLASS_FIELD",
                           "RECEIVER_START_FIELD", "RECEIVER_END_FIELD", ("id", "soil_class"),
                           True),
            {(t.EMPTY, t.CLASS): self.tr("They accept no soil."),
             (t.WINDOW_REVERSED, t.WINDOW): self.tr("They receive no soil.")}, whole_layer=True)
        kind_field = resolve_field(self, parameters, "KIND_FIELD", context, source, label,
                                   feedback)
        frame, reading, _ = layer.kept()
        table, receivers = receivers_from(frame, reading)
        kinds = table.frame[kind_field].tolist() if kind_field else [None] * len(table.ids)
        return receivers, table.frame, [str(i) for i in table.ids], kinds

    def _classify(self, excavations, receivers, batch_geometry, receiver_frame, layers, fields,
                  crs, context):
        from ..core.reuse.sites import classify_for_reuse

        areas, contamination = None, None
        area_field = fields["AREA_TYPE_FIELD"]
        if area_field:
            areas = read_frame(layers[self.AREA_TYPES], crs, context, None, fields=[area_field],
                               label=self.tr("Area types"))
        if layers[self.CONTAMINATION] is not None:
            contamination = read_frame(layers[self.CONTAMINATION], crs, context, None, fields=[],
                                       label=self.tr("Contaminated sites")).geometry
        classify_for_reuse(excavations, receivers, batch_geometry,
                           receiver_frame.geometry, areas, area_field, contamination)

    def _haul_pairs(self, roads, number, crs, context, feedback):
        from ..core.reuse.costs import straight_haul

        if roads is None:
            return straight_haul(number["DETOUR_FACTOR"])
        return read_road_network(roads, crs, number["SNAP_TOLERANCE_M"], context,
                                 feedback).haul_pairs

    def _disposal(self, source, fields, crs, context, feedback):
        """The disposal sites (positions, gate fees, ids) as match_reuse reads them; an empty
        fee is the default fee."""
        import numpy as np

        from ..core.reuse.sites import DisposalSites, disposal_sites

        if source is None:
            return DisposalSites(np.zeros((0, 2)), np.zeros(0), [])
        label = self.tr("Disposal sites")
        names = [fields["DISPOSAL_ID_FIELD"], fields["GATE_FEE_FIELD"]]
        frame = read_frame(source, crs, context, feedback, fields=names, label=label)
        disposal, report = disposal_sites(frame, frame[FEATURE_ID].tolist(), *names)
        check_reading(report, label, feedback)
        return disposal

    def _regional_plan(self, source, fields, batch_labels, receiver_ids, context, feedback):
        """The regional plan's flows between this project's batches and the receivers, or
        None without a plan."""
        from ..core.project.options import plan_flows

        if source is None:
            return None
        names = [fields["PLAN_SOURCE_FIELD"], fields["PLAN_RECEIVER_FIELD"],
                 fields["PLAN_TONNES_FIELD"]]
        frame = read_frame(source, source.sourceCrs(), context, feedback, fields=names,
                           label=self.tr("Regional plan"), require_geometry=False)
        flows, unknown, unreadable = plan_flows(batch_labels, receiver_ids, frame[names[0]],
                                                frame[names[1]], frame[names[2]])
        if len(unknown):
            feedback.pushWarning(self.tr(
                "Regional plan: {0} flow(s) of this project go to receivers not in the receiver "
                "layer and are left out: feature ids {1}.").format(
                    len(unknown), id_list(frame[FEATURE_ID].to_numpy()[unknown])))
        if len(unreadable):
            feedback.pushWarning(self.tr(
                "Regional plan: {0} flow(s) of this project have no readable tonnes and are "
                "left out: feature ids {1}.").format(
                    len(unreadable), id_list(frame[FEATURE_ID].to_numpy()[unreadable])))
        feedback.pushInfo(self.tr("Regional plan: {0} flow(s) from this project's batches.")
                          .format(len(flows)))
        return flows
