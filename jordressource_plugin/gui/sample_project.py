"""Open the Holbæk sample in the current project: its layers grouped and styled, the terrain
model coloured by height, the map zoomed to the municipality.

The sample is copied to the user's profile first, so that edits never change the installed
plugin and a plugin update never overwrites the user's edits.
"""
import shutil
from pathlib import Path

from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsProject,
    QgsRasterLayer,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP

from ..i18n import translate
from ..layers.legend import load_style, translate_legend
from ..resources import sample_dir, style_path

SAMPLE_GPKG = "holbaek_sample.gpkg"
SAMPLE_DEM = "holbaek_dem.tif"
SAMPLE_CRS = "EPSG:25832"

# Layers of the GeoPackage, top of the legend first: points above lines above polygons, so
# nothing hides what a planner looks for; the municipality outline frames the map.
SAMPLE_LAYERS = (
    ("excavation_points", QT_TRANSLATE_NOOP("SampleProject", "Excavations (points)")),
    ("excavations", QT_TRANSLATE_NOOP("SampleProject", "Excavations")),
    ("receivers", QT_TRANSLATE_NOOP("SampleProject", "Receivers")),
    ("disposal_sites", QT_TRANSLATE_NOOP("SampleProject", "Disposal sites")),
    ("contaminated_sites", QT_TRANSLATE_NOOP("SampleProject", "Contaminated sites")),
    ("roads", QT_TRANSLATE_NOOP("SampleProject", "Roads")),
    ("local_plans", QT_TRANSLATE_NOOP("SampleProject", "Local plans")),
    ("municipality", QT_TRANSLATE_NOOP("SampleProject", "Municipality")),
    ("area_types", QT_TRANSLATE_NOOP("SampleProject", "Area types")),
)



def user_sample_dir() -> Path:
    """Where the user's copy of the sample lives: the QGIS profile's own folder."""
    return Path(QgsApplication.qgisSettingsDirPath()) / "jordressource" / "sample"


def copy_sample(target: Path = None) -> Path:
    """The user's copy of the sample (made, or refreshed where a file is missing)."""
    target = target or user_sample_dir()
    target.mkdir(parents=True, exist_ok=True)
    for name in (SAMPLE_GPKG, SAMPLE_DEM):
        if not (target / name).exists():
            shutil.copyfile(sample_dir() / name, target / name)
    return target


def open_sample_project(project: QgsProject = None, canvas=None, folder: Path = None):
    """Add the sample's layers to ``project`` under one group; returns the group.

    Every vector layer takes the default style stored in the GeoPackage; the terrain model the
    plugin's terrain style. With ``canvas`` the map is zoomed to the municipality.
    """
    project = project or QgsProject.instance()
    folder = copy_sample(folder)
    if not project.mapLayers():
        project.setCrs(QgsCoordinateReferenceSystem(SAMPLE_CRS))
    group = project.layerTreeRoot().insertGroup(0, translate("SampleProject", "Holbæk sample"))
    municipality = None
    for table, title in SAMPLE_LAYERS:
        layer = QgsVectorLayer(f"{folder / SAMPLE_GPKG}|layername={table}",
                               translate("SampleProject", title), "ogr")
        if not layer.isValid():
            raise RuntimeError(translate("SampleProject",
                                         "The sample layer {0} could not be opened from {1}.")
                               .format(table, folder / SAMPLE_GPKG))
        translate_legend(layer)  # the GeoPackage's stored style has English labels
        project.addMapLayer(layer, False)
        group.addLayer(layer)
        if table == "municipality":
            municipality = layer
    dem = QgsRasterLayer(str(folder / SAMPLE_DEM),
                         translate("SampleProject", "Terrain (synthetic)"), "gdal")
    if dem.isValid():
        load_style(dem, style_path("terrain"))
        project.addMapLayer(dem, False)
        group.addLayer(dem)
    if canvas is not None and municipality is not None:
        extent = QgsCoordinateTransform(municipality.crs(), project.crs(), project) \
            .transformBoundingBox(municipality.extent())
        extent.scale(1.05)
        canvas.setExtent(extent)
        canvas.refresh()
    return group
