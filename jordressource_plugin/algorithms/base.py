"""What every Jordressource algorithm shares: identity, translation, help, common parameters,
reading layers into the core's frames and writing results to styled sinks.

Each algorithm module then holds only its own parameters and its call into `core/`.
"""
import importlib.util

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingParameterCrs,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP, QUrl
from qgis.PyQt.QtGui import QIcon

from ..help_pages import algorithm_help_file
from ..i18n import help_text, translate
from ..layers import styling
from ..resources import icon_path
from .parameters import with_default_standing_in

DEFAULT_DISTANCE_CRS = "EPSG:25832"

# Group ids are part of the toolbox's layout and never translated; their names are.
GROUPS = {
    "project": QT_TRANSLATE_NOOP("JordressourceAlgorithm", "Project and area types"),
    "reuse": QT_TRANSLATE_NOOP("JordressourceAlgorithm", "Reuse and haul"),
    "terrain": QT_TRANSLATE_NOOP("JordressourceAlgorithm", "Terrain"),
    "strategy": QT_TRANSLATE_NOOP("JordressourceAlgorithm", "Strategic planning"),
    "maps": QT_TRANSLATE_NOOP("JordressourceAlgorithm", "Maps"),
    "control": QT_TRANSLATE_NOOP("JordressourceAlgorithm", "Control and traceability"),
}

# Libraries the core engine needs beyond QGIS; an algorithm missing one stays registered and
# says why in canExecute().
CORE_LIBRARIES = ("numpy", "pandas", "geopandas", "shapely", "scipy")


class JordressourceAlgorithm(QgsProcessingAlgorithm):
    """Base class. Subclasses set ``ALGORITHM_ID`` and ``GROUP_ID`` and define
    ``displayName``, ``initAlgorithm`` and ``processAlgorithm``."""

    ALGORITHM_ID = ""
    GROUP_ID = "project"
    REQUIRED_LIBRARIES = CORE_LIBRARIES
    # Output parameter name -> style name in styles/, applied on load and stored with files.
    OUTPUT_STYLES = {}

    def __init__(self):
        super().__init__()
        self._written_outputs = {}

    # Identity -----------------------------------------------------------------------------
    def name(self):
        return self.ALGORITHM_ID

    def groupId(self):
        return self.GROUP_ID

    def group(self):
        return translate("JordressourceAlgorithm", GROUPS[self.GROUP_ID])

    def tags(self):
        return ["jordressource", "soil", "jord"] + self.extra_tags()

    def extra_tags(self):
        return []

    def shortHelpString(self):
        return help_text(self.ALGORITHM_ID)

    def helpUrl(self):
        """The dialog's Help button: this algorithm's help as a whole page in the browser."""
        return QUrl.fromLocalFile(str(algorithm_help_file(self.ALGORITHM_ID,
                                                          self.displayName()))).toString()

    def icon(self):
        return QIcon(str(icon_path()))

    def tr(self, text):
        """``text`` in the user's language. pylupdate5 files a string under the class whose code
        holds it, which for a shared mixin is not the algorithm's own class: look up the
        algorithm's class first, then each base class."""
        for cls in type(self).__mro__:
            translated = translate(cls.__name__, text)
            if translated != text:
                return translated
        return text

    def createInstance(self):
        return type(self)()

    def canExecute(self):
        missing = [lib for lib in self.REQUIRED_LIBRARIES if importlib.util.find_spec(lib) is None]
        if missing:
            return False, translate(
                "JordressourceAlgorithm",
                "This algorithm needs the Python libraries {0}, which are not installed. "
                "On Debian or Ubuntu: apt install python3-geopandas python3-scipy python3-rasterio; "
                "on Windows and macOS they ship with QGIS's standalone installers.",
            ).format(", ".join(missing))
        return True, ""

    # Shared parameters ----------------------------------------------------------------------
    def addParameter(self, parameter, createOutput=True):
        """Mandatory field and CRS parameters with a default stay mandatory in the dialog and
        take their default when a script or model leaves them out (see ``parameters``)."""
        return super().addParameter(with_default_standing_in(parameter), createOutput)

    def add_distance_crs_parameter(self):
        self.addParameter(QgsProcessingParameterCrs(
            "DISTANCE_CRS",
            translate("JordressourceAlgorithm", "Metric CRS for distances and areas"),
            defaultValue=DEFAULT_DISTANCE_CRS))

    def add_number_parameter(self, name, description, default, minimum=0.0, maximum=None,
                             advanced=False, optional=False, integer=False):
        parameter = QgsProcessingParameterNumber(
            name, description,
            QgsProcessingParameterNumber.Integer if integer else QgsProcessingParameterNumber.Double,
            defaultValue=default, optional=optional, minValue=minimum)
        if maximum is not None:
            parameter.setMaximum(maximum)
        if advanced:
            parameter.setFlags(parameter.flags() | parameter.FlagAdvanced)
        self.addParameter(parameter)
        return parameter

    def distance_crs(self, parameters, context):
        """The metric CRS every distance and area is computed in; geographic ones are refused."""
        crs = self.parameterAsCrs(parameters, "DISTANCE_CRS", context)
        if not crs.isValid():
            crs = QgsCoordinateReferenceSystem(DEFAULT_DISTANCE_CRS)
        if crs.isGeographic():
            raise QgsProcessingException(translate(
                "JordressourceAlgorithm",
                "The distance CRS {0} is geographic (degrees). Choose a projected CRS in metres, "
                "for example EPSG:25832 (ETRS89 / UTM zone 32N).").format(crs.authid()))
        return crs

    # Inputs ---------------------------------------------------------------------------------
    def source_or_error(self, parameters, name, context, required=True):
        source = self.parameterAsSource(parameters, name, context)
        if source is None and required:
            raise QgsProcessingException(self.invalidSourceError(parameters, name))
        return source

    # Outputs --------------------------------------------------------------------------------
    def sink_or_error(self, parameters, name, context, fields, wkb_type, crs):
        if QgsWkbTypes.geometryType(wkb_type) in (QgsWkbTypes.LineGeometry,
                                                  QgsWkbTypes.PolygonGeometry):
            # A repaired polygon may come out in several parts: multi types hold every site.
            wkb_type = QgsWkbTypes.multiType(wkb_type)
        sink, dest_id = self.parameterAsSink(parameters, name, context, fields, wkb_type, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, name))
        self.register_output(name, dest_id, wkb_type)
        return sink, dest_id

    def register_output(self, name, dest_id, wkb_type=None):
        """Remember an output written by this run, so that it is styled after the run (sinks
        register themselves; a raster or file output written directly registers here)."""
        self._written_outputs[name] = (dest_id, wkb_type)

    def postProcessAlgorithm(self, context, feedback):
        """Style outputs: on load in QGIS, and stored with file outputs for qgis_process users.

        Runs after processAlgorithm has returned, when its sinks are closed and files complete.
        """
        for name, (dest_id, wkb_type) in self._written_outputs.items():
            style = self.OUTPUT_STYLES.get(name)
            if style:
                styling.style_output(dest_id, styling.style_for_geometry(style, wkb_type),
                                     context, feedback)
        return {}


def processing_vector_types(*types):
    """Geometry type filters for layer parameters, e.g. ``processing_vector_types("polygon")``."""
    names = {
        "point": QgsProcessing.TypeVectorPoint,
        "line": QgsProcessing.TypeVectorLine,
        "polygon": QgsProcessing.TypeVectorPolygon,
        "any": QgsProcessing.TypeVectorAnyGeometry,
        "table": QgsProcessing.TypeVector,
    }
    return [names[t] for t in types]
