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
    QgsUnitTypes,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ..layers.fields import id_list, resolve_field
from ..layers.frames import FEATURE_ID, read_frame, with_fields, write_frame
from ..layers.reading import check_reading
from .base import CORE_LIBRARIES, JordressourceAlgorithm, processing_vector_types

VOLUME_FIELDS = ("cut_m3", "fill_m3", "net_m3", "surplus_m3", "loose_m3", "tonnes", "valid_share")
TOTALS = {"CUT_M3": "cut_m3", "FILL_M3": "fill_m3", "NET_M3": "net_m3",
          "SURPLUS_M3": "surplus_m3", "LOOSE_M3": "loose_m3", "TONNES": "tonnes"}


class EarthworkVolumesAlgorithm(JordressourceAlgorithm):
    ALGORITHM_ID = "earthwork_volumes"
    GROUP_ID = "terrain"
    REQUIRED_LIBRARIES = CORE_LIBRARIES + ("rasterio",)
    OUTPUT_STYLES = {"OUTPUT": "earthwork", "OUTPUT_DIFFERENCE": "cut_fill_depth"}

    INPUT = "INPUT"
    DEM = "DEM"
    PLANNED_SURFACE = "PLANNED_SURFACE"
    PLANNED_LEVEL_FIELD = "PLANNED_LEVEL_FIELD"
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
            parentLayerParameterName=self.INPUT, type=QgsProcessingParameterField.Numeric,
            optional=True))
        self.add_number_parameter(self.BULKING_FACTOR, self.tr("Bulking factor (loose / in situ)"),
                                  1.25, minimum=1.0)
        self.add_number_parameter(self.DENSITY_T_M3, self.tr("Soil density in situ (t/m³)"),
                                  1.8, minimum=0.1)
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Earthwork volumes")))
        self.addParameter(QgsProcessingParameterRasterDestination(
            self.OUTPUT_DIFFERENCE, self.tr("Cut/fill depth (terrain minus planned, m)"),
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
        planned_layer = self.parameterAsRasterLayer(parameters, self.PLANNED_SURFACE, context)
        level_field = resolve_field(self, parameters, self.PLANNED_LEVEL_FIELD, context, source,
                                    self.tr("Excavations"), feedback)
        if planned_layer is None and not level_field:
            raise QgsProcessingException(self.tr(
                "Give the planned surface: either a raster of planned levels or a field with each "
                "excavation's planned level in metres (for example planned_level_m)."))
        if planned_layer is not None and level_field:
            feedback.pushWarning(self.tr("Both a planned surface raster and a level field were "
                                         "given; the raster is used and the field ignored."))
            level_field = ""
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

        fields = with_fields(source.fields(), [(name, QVariant.Double) for name in VOLUME_FIELDS])
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
        feedback.pushInfo(self.tr("{0} excavation(s): cut {1:,.0f} m³, fill {2:,.0f} m³, surplus "
                                  "{3:,.0f} m³ in situ ({4:,.0f} m³ loose, {5:,.0f} t).")
                          .format(len(frame), outputs["CUT_M3"], outputs["FILL_M3"],
                                  outputs["SURPLUS_M3"], outputs["LOOSE_M3"], outputs["TONNES"]))
        feedback.setProgress(100)
        return outputs

    # Inputs ---------------------------------------------------------------------------------
    def dem_or_error(self, parameters, context):
        dem = self.parameterAsRasterLayer(parameters, self.DEM, context)
        if dem is None or not dem.isValid():
            raise QgsProcessingException(self.invalidRasterError(parameters, self.DEM))
        if dem.providerType() != "gdal":
            raise QgsProcessingException(self.tr(
                "The DEM {0} is not a raster file (it comes from {1}). Save it as a GeoTIFF "
                "first.").format(dem.name(), dem.providerType()))
        if not dem.crs().isValid():
            raise QgsProcessingException(self.input_error_message("no_crs", dem, None))
        if dem.crs().isGeographic():
            raise QgsProcessingException(self.input_error_message("geographic", dem, None))
        if dem.crs().mapUnits() != QgsUnitTypes.DistanceMeters:
            raise QgsProcessingException(self.input_error_message("not_metres", dem, None))
        return dem

    def difference_path(self, parameters, context):
        path = self.parameterAsOutputLayer(parameters, self.OUTPUT_DIFFERENCE, context)
        if path and Path(path).suffix.lower() not in (".tif", ".tiff"):
            raise QgsProcessingException(self.tr(
                "The cut/fill depth raster is written as GeoTIFF: give it a .tif name "
                "(not {0}).").format(Path(path).name))
        return path or None

    def input_error_message(self, code, dem, planned):
        name = dem.name()
        messages = {
            "no_crs": self.tr("The DEM {0} has no coordinate reference system, so its cells have "
                              "no known area. Assign its CRS (for DHM: EPSG:25832, ETRS89 / UTM "
                              "32N) with Raster ▸ Projections ▸ Assign Projection, and run again."),
            "geographic": self.tr("The DEM {0} is in a geographic CRS (degrees), so its cells "
                                  "have no area in square metres. Reproject it to a metric CRS "
                                  "such as EPSG:25832 (Raster ▸ Projections ▸ Warp) and run "
                                  "again; choosing the resampling there is yours to make."),
            "not_metres": self.tr("The DEM {0} is in a CRS whose unit is not the metre. "
                                  "Reproject it to a metric CRS such as EPSG:25832."),
            "rotated": self.tr("The DEM {0} has a rotated grid. Warp it to a north-up grid "
                               "first (Raster ▸ Projections ▸ Warp)."),
            "planned_rotated": self.tr("The planned surface {1} has a rotated grid. Warp it to a "
                                       "north-up grid first (Raster ▸ Projections ▸ Warp)."),
        }
        return messages.get(code, code).format(name, planned.name() if planned else "")

    # Log notes --------------------------------------------------------------------------------
    def report_raster_notes(self, dem, planned, feedback):
        for layer, label in ((dem, self.tr("DEM")), (planned, self.tr("planned surface"))):
            if layer is not None and not layer.dataProvider().sourceHasNoDataValue(1):
                feedback.pushWarning(self.tr("The {0} {1} declares no nodata value: every cell is "
                                             "taken as data.").format(label, layer.name()))
        if planned is None:
            return
        if not planned.crs().isValid():
            feedback.pushWarning(self.tr("The planned surface {0} has no CRS; it is taken to be "
                                         "in the DEM's, {1}.").format(planned.name(),
                                                                      dem.crs().authid()))
        elif planned.crs() != dem.crs():
            feedback.pushInfo(self.tr("The planned surface is in {0}; it is sampled at the DEM "
                                      "cells' centres transformed to that CRS.")
                              .format(planned.crs().authid()))
        if (abs(planned.rasterUnitsPerPixelX() - dem.rasterUnitsPerPixelX()) > 1e-9
                or abs(planned.rasterUnitsPerPixelY() - dem.rasterUnitsPerPixelY()) > 1e-9
                or planned.extent() != dem.extent()):
            feedback.pushInfo(self.tr("The planned surface's grid differs from the DEM's; it is "
                                      "interpolated bilinearly at the centre of each DEM cell."))

    def report_polygons(self, ids, result, earthwork, feedback):
        notes = (
            (earthwork.OUTSIDE, self.tr("{0} excavation(s) fall outside the DEM and get no "
                                        "volume: ids {1}.")),
            (earthwork.NO_CELLS, self.tr("{0} excavation(s) are smaller than a DEM cell and "
                                         "contain no cell centre, so no volume: ids {1}.")),
            (earthwork.NO_DATA, self.tr("{0} excavation(s) cover only cells without data (nodata "
                                        "in the DEM or the planned surface), so no volume: "
                                        "ids {1}.")),
            (earthwork.NO_LEVEL, self.tr("{0} excavation(s) have no numeric planned level and get "
                                         "no volume: ids {1}.")),
            (earthwork.NO_GEOMETRY, self.tr("{0} excavation(s) have no polygon area and get no "
                                            "volume: ids {1}.")),
            (earthwork.PARTIAL, self.tr("{0} excavation(s) lack data in part of their cells; "
                                        "their volumes cover only the cells with data (see "
                                        "valid_share): ids {1}.")),
        )
        for status, message in notes:
            positions = result.positions_with(status)
            if len(positions):
                report = feedback.pushInfo if status == earthwork.OUTSIDE else feedback.pushWarning
                report(message.format(len(positions), id_list(list(ids[positions]))))
        if result.implausible_cells:
            feedback.pushWarning(self.tr(
                "{0} counted DEM cell(s) lie below −500 m or above 9000 m: probably nodata the "
                "DEM does not declare. Set its nodata value and run again.")
                .format(result.implausible_cells))
