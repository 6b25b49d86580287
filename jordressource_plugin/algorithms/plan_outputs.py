"""What soil_management_plan writes: the plan as HTML and PDF, the project polygons with their
figures and the options catalogue as lines."""
from pathlib import Path

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsWkbTypes,
)

from ..i18n import number_format
from ..layers.frames import write_frame

DISPOSAL_KIND = "disposal"


class PlanOutputsMixin:
    """For SoilManagementPlanAlgorithm: its documents, layers and their inputs lists."""

    # Documents ------------------------------------------------------------------------------
    def _write_documents(self, content, html_path, pdf_path, feedback):
        from ..core.project.plan_document import plan_document

        document = plan_document(content, self.document_labels(), paged=bool(pdf_path),
                                 numbers=number_format())
        Path(html_path).write_text(document.html, encoding="utf-8")
        if not pdf_path:
            return
        from ..layout.html_pdf import write_pdf

        try:
            pages = write_pdf(document.paged_html, document.images, pdf_path, content.title)
        except (OSError, ValueError) as error:
            raise QgsProcessingException(self.tr("The PDF could not be written to {0}: {1}")
                                         .format(pdf_path, error)) from None
        if not Path(pdf_path).exists():
            raise QgsProcessingException(self.tr("The PDF could not be written to {0}.")
                                         .format(pdf_path))
        feedback.pushInfo(self.tr("Plan written: {0} (HTML) and {1} ({2} page(s)).")
                          .format(self.final_path(html_path), self.final_path(pdf_path),
                                  pages))

    def _inputs(self, layers, dem, planned_layer, level_field):
        inputs = {self.tr("Project polygons"): layers[self.PROJECT].sourceName(),
                  self.tr("Terrain model (DEM)"): "{0} ({1}, {2} m)".format(
                      dem.name(), dem.crs().authid(),
                      number_format().trimmed(dem.rasterUnitsPerPixelX(), 3))}
        if planned_layer is not None:
            inputs[self.tr("Planned surface")] = planned_layer.name()
        if level_field:
            inputs[self.tr("Planned level field")] = level_field
        for name, label in ((self.AREA_TYPES, self.tr("Area types")),
                            (self.CONTAMINATION, self.tr("Contaminated sites")),
                            (self.RECEIVERS, self.tr("Receivers")),
                            (self.DISPOSAL, self.tr("Disposal sites")),
                            (self.ROADS, self.tr("Roads")),
                            (self.PLAN, self.tr("Regional plan"))):
            if layers[name] is not None:
                inputs[label] = f"{layers[name].sourceName()} ({layers[name].featureCount()})"
        return inputs

    def _parameter_list(self, number, options_count, area_rule, crs):
        def shown(value):
            return number_format().trimmed(value, 3)

        return {
            self.tr("Options per excavation"): str(options_count),
            self.tr("Area rule"): str(int(area_rule)),
            self.tr("Maximum haul (km)"): shown(number['MAX_HAUL_KM']),
            self.tr("Detour factor (road / straight distance, without roads)"):
                shown(number['DETOUR_FACTOR']),
            self.tr("Bulk density (t/m³)"): shown(number['DENSITY_T_M3']),
            self.tr("Transport cost (DKK per tonne-km)"):
                shown(number['TRANSPORT_COST_DKK_TKM']),
            self.tr("Analysis cost (DKK/t)"): shown(number['ANALYSIS_COST_DKK_T']),
            self.tr("CO2 per tonne-km (kg)"): shown(number['CO2_KG_TKM']),
            self.tr("Haul to disposal without a disposal site (km)"):
                shown(number['BASELINE_HAUL_KM']),
            self.tr("Default gate fee (DKK/t)"): shown(number['DEFAULT_GATE_FEE_DKK_T']),
            self.tr("Tonnes per sample, classified area without suspicion"):
                shown(number['SAMPLE_CLASSIFIED_T']),
            self.tr("Tonnes per sample, suspected or mapped site"):
                shown(number['SAMPLE_SUSPECTED_T']),
            self.tr("Price per soil analysis (DKK)"): shown(number['ANALYSIS_PRICE_DKK']),
            self.tr("Metric CRS"): crs.authid(),
        }

    # Layers ---------------------------------------------------------------------------------
    def _write_layers(self, parameters, context, feedback, frame, polygons, batch, excavations,
                      sampling, catalogue, options, labels, receiver_frame, disposal, rates,
                      project, crs):
        import numpy as np

        output = frame.copy()
        for name in ("cut_m3", "fill_m3", "net_m3", "surplus_m3", "tonnes", "valid_share",
                     "balanced_level_m", "balanced_shift_m", "balanced_cut_m3",
                     "balanced_fill_m3"):
            output[name] = polygons[name].to_numpy()
        output["balance_note"] = polygons["reason"].to_numpy()
        for name in ("area_type", "contamination_suspected", "samples", "sampling_cost_dkk"):
            output[name] = np.full(len(output), None, dtype=object)
        if excavations.area_type is not None:
            output.loc[batch, "area_type"] = list(excavations.area_type)
        output.loc[batch, "contamination_suspected"] = [bool(v) for v in excavations.suspected]
        output.loc[batch, "samples"] = [int(v) for v in sampling.samples]
        output.loc[batch, "sampling_cost_dkk"] = [float(v) for v in sampling.cost_dkk]
        fields = self.output_fields(self.OUTPUT, project.fields())
        sink, output_id = self.sink_or_error(parameters, self.OUTPUT, context, fields,
                                             project.wkbType(), crs)
        write_frame(sink, output, fields, feedback)
        sink.flushBuffer()
        options_id = self._write_options(parameters, context, frame, batch, labels, options,
                                         catalogue, receiver_frame, disposal, rates, crs)
        return {self.OUTPUT: output_id, self.OUTPUT_OPTIONS: options_id}

    def _write_options(self, parameters, context, frame, batch, labels, options, catalogue,
                       receiver_frame, disposal_sites, rates, crs):
        """One line per batch and option, ranked, then one per batch to its cheapest disposal
        (rank NULL, kind ``disposal``) for comparison; a baseline disposal has no line."""
        from ..core.geometry.positions import position_xy

        fields = self.output_fields(self.OUTPUT_OPTIONS)
        sink, dest_id = self.sink_or_error(parameters, self.OUTPUT_OPTIONS, context, fields,
                                           QgsWkbTypes.Type.LineString, crs)
        batch_xy = position_xy(frame.geometry.iloc[batch]) if len(batch) else []
        receiver_xy = position_xy(receiver_frame.geometry) if len(receiver_frame) else []

        def line(start, end):
            return QgsGeometry.fromPolylineXY([QgsPointXY(*start), QgsPointXY(*end)])

        for row in options.itertuples(index=False):
            feature = QgsFeature(fields)
            feature.setGeometry(line(batch_xy[row.source], receiver_xy[row.receiver_position]))
            feature.setAttributes([
                row.batch, row.receiver, _text(row.receiver_kind), int(row.rank),
                float(row.cost_dkk_t), float(row.distance_km), bool(row.analysis_required),
                float(row.co2_kg_t), float(row.disposal_cost_dkk_t), float(row.saving_dkk_t),
                float(row.capacity_m3), bool(row.in_plan), _number(row.plan_tonnes),
                _number(row.extra_cost_dkk_t)])
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        disposal_ids, disposal_xy = disposal_sites
        disposal = catalogue.disposal
        co2 = rates.co2_kg_tkm
        for position in range(len(batch)):
            site = int(disposal.site[position])
            feature = QgsFeature(fields)
            if site >= 0:
                feature.setGeometry(line(batch_xy[position], disposal_xy[site]))
            plan_cost = catalogue.plan_cost_dkk_t[position]
            feature.setAttributes([
                str(labels[batch[position]]), disposal_ids[site] if site >= 0 else None,
                DISPOSAL_KIND, None, float(disposal.cost_dkk_t[position]),
                float(disposal.haul_km[position]), False, float(disposal.haul_km[position] * co2),
                float(disposal.cost_dkk_t[position]), 0.0, None, None, None,
                _number(disposal.cost_dkk_t[position] - plan_cost)])
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        sink.flushBuffer()
        return dest_id


def _text(value):
    return None if value is None or value != value else str(value)


def _number(value):
    return None if value is None or value != value else float(value)
