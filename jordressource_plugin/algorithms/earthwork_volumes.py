"""Earthwork volumes from terrain: cut, fill and surplus per excavation from a DEM."""
from pathlib import Path

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsWkbTypes,
)

from ..i18n import number_format
from ..layers.fields import id_list
from ..layers.frames import FEATURE_ID, read_frame, write_frame
from ..layers.reading import check_reading
from .base import CORE_LIBRARIES, JordressourceAlgorithm, processing_vector_types
from .terrain_inputs import TerrainInputsMixin

TOTALS = {"CUT_M3": "cut_m3", "FILL_M3": "fill_m3", "NET_M3": "net_m3",
          "SURPLUS_M3": "surplus_m3", "LOOSE_M3": "loose_m3", "TONNES": "tonnes"}


class EarthworkVolumesAlgorithm(TerrainInputsMixin, JordressourceAlgorithm):
    ALGORITHM_ID = "earthwork_volumes"
    GROUP_ID = "terrain"
    REQUIRED_LIBRARIES = CORE_LIBRARIES + ("rasterio",)

    INPUT = "INPUT"
    BULKING_FACTOR = "BULKING_FACTOR"
    DENSITY_T_M3 = "DENSITY_T_M3"
    OUTPUT = "OUTPUT"
    OUTPUT_DIFFERENCE = "OUTPUT_DIFFERENCE"

    def displayName(self):
        return self.tr("Earthwork volumes from terrain")

    def extra_tags(self):
        return ["earthwork", "cut", "fill", "volume", "DEM", "DHM", "terrain", "jordarbejde",
                "afgravning", "opfyldning", "overskudsjord", "højdemodel"]

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Excavations (polygons)"), processing_vector_types("polygon")))
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.DEM, self.tr("Terrain model (DEM, metres)")))
        self.addParameter(QgsProcessingParameterRasterLayer(
            self.PLANNED_SURFACE, self.tr("Planned surface (raster, metres)"), optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.PLANNED_LEVEL_FIELD, self.tr("Planned level field (metres)"),
            parentLayerParameterName=self.INPUT, type=QgsProcessingParameterField.DataType.Numeric,
            optional=True))
        self.add_number_parameter(self.BULKING_FACTOR, self.tr("Bulking factor (loose / in situ)"),
                                  1.25, minimum=1.0)
        self.add_number_parameter(self.DENSITY_T_M3, self.tr("Soil density in situ (t/m³)"),
                                  1.8, minimum=0.1)
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.output_title(self.OUTPUT)))
        self.addParameter(QgsProcessingParameterRasterDestination(
            self.OUTPUT_DIFFERENCE, self.output_title(self.OUTPUT_DIFFERENCE),
            optional=True, createByDefault=False))
        for name, label in (("CUT_M3", self.tr("Total cut (m³)")),
                            ("FILL_M3", self.tr("Total fill (m³)")),
                            ("NET_M3", self.tr("Total net cut (m³)")),
                            ("SURPLUS_M3", self.tr("Total surplus in situ (m³)")),
                            ("LOOSE_M3", self.tr("Total surplus loose (m³)")),
                            ("TONNES", self.tr("Total surplus (t)"))):
            self.addOutput(QgsProcessingOutputNumber(name, label))

    def processAlgorithm(self, parameters, context, feedback):
        import numpy as np
        from rasterio.errors import RasterioIOError

        from ..core.tables import read_values
        from ..core.terrain import earthwork

        source = self.source_or_error(parameters, self.INPUT, context)
        dem = self.dem_or_error(parameters, context)
        planned_layer, level_field = self.planned_inputs(parameters, context, feedback, source,
                                                         self.tr("Excavations"))
        bulking = self.parameterAsDouble(parameters, self.BULKING_FACTOR, context)
        density = self.parameterAsDouble(parameters, self.DENSITY_T_M3, context)

        frame = read_frame(source, dem.crs(), context, feedback, label=self.tr("Excavations"))
        if frame.empty:
            raise QgsProcessingException(self.tr(
                "The excavation layer has no polygons with a geometry: nothing to measure."))
        levels = None
        if level_field:
            # The one reader (core.tables): levels below sea level are levels; an empty one
            # gives the excavation no volume (named below), text that is no number stops.
            levels, report = read_values(frame[level_field], frame[FEATURE_ID], level_field,
                                         allow_negative=True)
            check_reading(report, self.tr("Excavations"), feedback)
        difference_path = self.difference_path(parameters, context)
        self.report_raster_notes(dem, planned_layer, feedback)
        if feedback.isCanceled():
            return {}

        try:
            result = earthwork.earthwork_volumes(
                frame.geometry, dem.source(),
                planned_surface_path=None if planned_layer is None else planned_layer.source(),
                planned_levels=levels, difference_path=difference_path,
                progress=lambda share: feedback.setProgress(95 * share),
                canceled=feedback.isCanceled)
        except earthwork.EarthworkInputError as error:
            raise QgsProcessingException(
                self.input_error_message(str(error), dem, planned_layer)) from None
        except RasterioIOError as error:
            raise QgsProcessingException(self.tr("A raster could not be read or written: {0}")
                                         .format(error)) from None
        if feedback.isCanceled():
            return {}

        frame["cut_m3"] = result.cut_m3
        frame["fill_m3"] = result.fill_m3
        frame["net_m3"] = result.net_m3
        frame["surplus_m3"] = result.surplus_m3
        frame["loose_m3"] = result.loose_m3(bulking)
        frame["tonnes"] = result.tonnes(density)
        frame["valid_share"] = result.valid_share
        self.report_polygons(frame[FEATURE_ID].to_numpy(), result, earthwork, feedback)
        self.report_overlaps(frame, feedback)

        fields = self.output_fields(self.OUTPUT, source.fields())
        # Multi: a repaired polygon may have come apart into several.
        sink, dest_id = self.sink_or_error(parameters, self.OUTPUT, context, fields,
                                           QgsWkbTypes.multiType(source.wkbType()), dem.crs())
        write_frame(sink, frame, fields, feedback)
        sink.flushBuffer()

        outputs = {self.OUTPUT: dest_id}
        for name, column in TOTALS.items():
            outputs[name] = float(np.nansum(frame[column].to_numpy(dtype=float)))
        if difference_path:
            self.register_output(self.OUTPUT_DIFFERENCE, difference_path)
            outputs[self.OUTPUT_DIFFERENCE] = difference_path
        whole = number_format().whole
        feedback.pushInfo(self.tr("{0} excavation(s): cut {1} m³, fill {2} m³, surplus "
                                  "{3} m³ in situ ({4} m³ loose, {5} t).")
                          .format(whole(len(frame)), whole(outputs["CUT_M3"]),
                                  whole(outputs["FILL_M3"]), whole(outputs["SURPLUS_M3"]),
                                  whole(outputs["LOOSE_M3"]), whole(outputs["TONNES"])))
        feedback.setProgress(100)
        return outputs

    # Inputs ---------------------------------------------------------------------------------
    def difference_path(self, parameters, context):
        path = self.parameterAsOutputLayer(parameters, self.OUTPUT_DIFFERENCE, context)
        if path and Path(path).suffix.lower() not in (".tif", ".tiff"):
            raise QgsProcessingException(self.tr(
                "The cut/fill depth raster is written as GeoTIFF: give it a .tif name "
                "(not {0}).").format(Path(path).name))
        return path or None

    def report_overlaps(self, frame, feedback):
        """Overlapping excavations each count the cells they share (help: rule), so the totals
        count those cells once per polygon: name them."""
        from ..core.geometry.spatial_pairs import overlapping_pairs

        first, second = overlapping_pairs(frame.geometry.to_numpy())
        if len(first):
            ids = frame[FEATURE_ID].to_numpy()
            feedback.pushWarning(self.tr(
                "{0} pair(s) of excavations overlap: each polygon counts the cells they share, "
                "so the totals count those cells more than once: ids {1}.")
                .format(len(first), id_list(sorted(set(ids[first]) | set(ids[second])))))
