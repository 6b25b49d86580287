"""Terrain inputs shared by the algorithms that read a DEM and a planned surface: the checks
that give a planner a clear message instead of a wrong volume, and the log notes about rasters
and polygons that get no value."""
from qgis.core import QgsProcessingException, QgsUnitTypes

from ..i18n import number_format
from ..layers.fields import id_list, resolve_field


class TerrainInputsMixin:
    """For algorithms with ``DEM``, ``PLANNED_SURFACE`` and ``PLANNED_LEVEL_FIELD`` parameters."""

    DEM = "DEM"
    PLANNED_SURFACE = "PLANNED_SURFACE"
    PLANNED_LEVEL_FIELD = "PLANNED_LEVEL_FIELD"

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
        if dem.crs().mapUnits() != QgsUnitTypes.DistanceUnit.DistanceMeters:
            raise QgsProcessingException(self.input_error_message("not_metres", dem, None))
        return dem

    def planned_inputs(self, parameters, context, feedback, source, label):
        """(planned raster layer or None, level field name or None) as the user gave them, the
        field on ``source`` (named ``label`` in messages): one of the two is required; given
        both, the raster wins and the log says so."""
        planned_layer = self.parameterAsRasterLayer(parameters, self.PLANNED_SURFACE, context)
        level_field = resolve_field(self, parameters, self.PLANNED_LEVEL_FIELD, context, source,
                                    label, feedback)
        if planned_layer is None and not level_field:
            raise QgsProcessingException(self.tr(
                "Give the planned surface: either a raster of planned levels or a field with each "
                "excavation's planned level in metres (for example planned_level_m)."))
        if planned_layer is not None and level_field:
            feedback.pushWarning(self.tr("Both a planned surface raster and a level field were "
                                         "given; the raster is used and the field ignored."))
            level_field = None
        return planned_layer, level_field

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
                report(message.format(number_format().whole(len(positions)),
                                      id_list(list(ids[positions]))))
        if result.implausible_cells:
            feedback.pushWarning(self.tr(
                "{0} counted DEM cell(s) lie below {1} m or above {2} m: probably nodata the "
                "DEM does not declare. Set its nodata value and run again.")
                .format(number_format().whole(result.implausible_cells),
                        number_format().whole(-500), number_format().whole(9000)))
