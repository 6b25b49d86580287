"""What every Jordressource algorithm shares: identity, translation, help, common parameters,
reading layers into the core's frames and writing results to styled sinks, all or nothing.

Each algorithm module then holds only its own parameters and its call into `core/`. Every
``processAlgorithm`` a subclass defines is wrapped once, here, so that its file outputs are
atomic (`layers/staging.py`): written to a staging folder beside their destination, moved into
place only when the run succeeded, removed when it failed or was cancelled. A cancelled run
raises, so it returns no results.
"""
import functools

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingParameterCrs,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP, QUrl
from qgis.PyQt.QtGui import QIcon

from .. import catalogue
from ..dependencies import install_advice, missing_libraries
from ..help_pages import algorithm_help_file
from ..i18n import help_text, number_format, translate
from ..layers import postgis, styling
from ..layers.outputs import field_aliases, output_fields, output_title
from ..layers.staging import StagedOutputs
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

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        process = cls.__dict__.get("processAlgorithm")
        if process is not None:
            cls.processAlgorithm = _with_atomic_outputs(process)

    def __init__(self):
        super().__init__()
        self._written_outputs = {}
        self._sinks = []
        self._staged = None
        self._postgres_sinks = []  # written in batches, the last ones after processAlgorithm

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
        """Runnable when the libraries the algorithm needs are installed; otherwise it says what
        to install, the way the user's installer does it (``dependencies``)."""
        missing = missing_libraries(self.REQUIRED_LIBRARIES)
        if missing:
            return False, install_advice(missing)
        return True, ""

    # Shared parameters ----------------------------------------------------------------------
    def addParameter(self, parameter, createOutput=True):
        """Mandatory field and CRS parameters with a default stay mandatory in the dialog and
        take their default when a script or model leaves them out (see ``parameters``)."""
        return super().addParameter(with_default_standing_in(parameter), createOutput)

    def checkParameterValues(self, parameters, context):
        """A number out of its range is named with its limit and value (QGIS says only
        "Incorrect parameter value"), e.g. a detour factor below 1 or a negative haul."""
        for definition in self.parameterDefinitions():
            if not isinstance(definition, QgsProcessingParameterNumber):
                continue
            value = parameters.get(definition.name())
            if value is None or definition.checkValueIsAcceptable(value, context):
                continue
            try:
                number = float(value)
            except (TypeError, ValueError):
                continue  # an expression or a layer property: QGIS's own check
            shown = number_format().trimmed
            for limit, wrong, text in (
                    (definition.minimum(), number < definition.minimum(), translate(
                        "JordressourceAlgorithm", "{0} must be at least {1}, not {2}.")),
                    (definition.maximum(), number > definition.maximum(), translate(
                        "JordressourceAlgorithm", "{0} must be at most {1}, not {2}."))):
                if wrong:
                    return False, text.format(definition.description(), shown(limit),
                                               shown(number))
        return super().checkParameterValues(parameters, context)

    def add_distance_crs_parameter(self, advanced=False):
        parameter = QgsProcessingParameterCrs(
            "DISTANCE_CRS",
            translate("JordressourceAlgorithm", "Metric CRS for distances and areas"),
            defaultValue=DEFAULT_DISTANCE_CRS)
        if advanced:
            parameter.setFlags(parameter.flags()
                               | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.addParameter(parameter)

    def add_number_parameter(self, name, description, default, minimum=0.0, maximum=None,
                             advanced=False, optional=False, integer=False, decimals=None):
        """A number parameter whose box shows ``decimals`` places (by default as many as the
        default value has, at least one), not QGIS's six ("30.000000")."""
        kind = QgsProcessingParameterNumber.Type.Integer if integer \
            else QgsProcessingParameterNumber.Type.Double
        parameter = QgsProcessingParameterNumber(
            name, description, kind, defaultValue=default, optional=optional, minValue=minimum)
        if maximum is not None:
            parameter.setMaximum(maximum)
        if not integer:
            places = decimals if decimals is not None else default_decimals(default)
            parameter.setMetadata({"widget_wrapper": {"decimals": places}})
        if advanced:
            parameter.setFlags(parameter.flags()
                               | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
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
    def output_title(self, name):
        """The catalogue's title of this algorithm's output ``name``, translated."""
        return output_title(catalogue.output(self.ALGORITHM_ID, name))

    def output_fields(self, name, input_fields=None):
        """The fields of this algorithm's output ``name`` as the catalogue gives them, after
        ``input_fields`` for an output that extends an input layer."""
        return output_fields(catalogue.output(self.ALGORITHM_ID, name), input_fields)

    def sink_or_error(self, parameters, name, context, fields, wkb_type, crs):
        if QgsWkbTypes.geometryType(wkb_type) in (QgsWkbTypes.GeometryType.LineGeometry,
                                                  QgsWkbTypes.GeometryType.PolygonGeometry):
            # A repaired polygon may come out in several parts: multi types hold every site.
            wkb_type = QgsWkbTypes.multiType(wkb_type)
        parameters = postgis.table_destination(parameters, name, wkb_type)
        sink, dest_id = self.parameterAsSink(parameters, name, context, fields, wkb_type, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, name))
        table = postgis.postgres_output(dest_id, context)
        if table is not None:
            sink = postgis.PostgresBatches(sink, table, fields)
            self._postgres_sinks.append(sink)
        self.register_output(name, dest_id, wkb_type)
        return sink, dest_id

    def parameterAsSink(self, parameters, name, context, *args, **kwargs):
        """QGIS's parameterAsSink, remembering the sink so that the run can close it before its
        files are moved into place (a sink still open would be moved half-written)."""
        sink, dest_id = super().parameterAsSink(parameters, name, context, *args, **kwargs)
        if sink is not None:
            self._sinks.append(sink)
        return sink, dest_id

    def close_sinks(self):
        sinks, self._sinks = self._sinks, []
        for sink in sinks:
            if not sip.isdeleted(sink) and sip.ispyowned(sink):
                sip.delete(sink)  # flushes and closes the file

    def final_path(self, path):
        """Where the staged file ``path`` goes when the run succeeds, for messages."""
        return path if self._staged is None else self._staged.final_text(path)

    def register_output(self, name, dest_id, wkb_type=None):
        """Remember an output written by this run, so that it is styled after the run (sinks
        register themselves; a raster or file output written directly registers here)."""
        self._written_outputs[name] = (dest_id, wkb_type)

    def postProcessAlgorithm(self, context, feedback):
        """Style outputs and give their fields aliases, as the catalogue says: on load in QGIS,
        on the temporary layers of a script, and stored with file outputs for qgis_process users.

        Runs after processAlgorithm has returned, when its sinks are closed and files complete;
        the last rows of PostGIS outputs are written first.
        """
        for sink in self._postgres_sinks:
            if not sink.flushBuffer():
                raise QgsProcessingException(translate(
                    "JordressourceAlgorithm", "Could not write a feature to the output: {0}")
                    .format(sink.lastError()))
        for name, (dest_id, wkb_type) in self._written_outputs.items():
            output = catalogue.find(self.ALGORITHM_ID, name)
            if output is None:
                continue
            style = styling.style_for_geometry(output.style, wkb_type) if output.style else ""
            styling.style_output(dest_id, style, field_aliases(output), context, feedback)
        return {}


class _Cancelled(Exception):
    """The run was cancelled: raised to leave it through the same door as a failure."""


def _with_atomic_outputs(process):
    """``process`` (a subclass's processAlgorithm) run with its file outputs staged, committed
    only when it returned without being cancelled (module docstring, `layers/staging.py`)."""

    @functools.wraps(process)
    def run(self, parameters, context, feedback):
        if self._staged is not None:  # a subclass calling its base's processAlgorithm
            return process(self, parameters, context, feedback)
        staged = StagedOutputs.plan(self, parameters, context)
        self._staged = staged
        try:
            try:
                results = process(self, staged.parameters, context, feedback)
            finally:
                self.close_sinks()
            if feedback is not None and feedback.isCanceled():
                raise _Cancelled()
            results = staged.commit(results or {}, context)
        except Exception as error:
            staged.discard(context)
            # A run stopped half-way may fail on what it had read so far ("no usable volume"):
            # the cancellation is the cause to name.
            if isinstance(error, _Cancelled) or (feedback is not None and feedback.isCanceled()):
                raise QgsProcessingException(translate(
                    "JordressourceAlgorithm",
                    "The run was cancelled: no output was written and no result is returned.")
                ) from None
            if isinstance(error, OSError):
                raise QgsProcessingException(translate(
                    "JordressourceAlgorithm", "A file could not be read or written: {0}")
                    .format(staged.final_text(str(error)))) from None
            if isinstance(error, QgsProcessingException):
                raise QgsProcessingException(staged.final_text(str(error))) from None
            raise
        finally:
            self._staged = None
        self._written_outputs = {name: (staged.final_text(dest_id), wkb_type)
                                 for name, (dest_id, wkb_type) in self._written_outputs.items()}
        return results

    return run


def default_decimals(value) -> int:
    """Decimal places a number box needs to show ``value`` as written: 1 for 30, 3 for 0.225
    (at most 4)."""
    if value is None:
        return 2
    text = f"{float(value):.4f}".rstrip("0")
    return min(max(len(text.partition(".")[2]), 1), 4)


def processing_vector_types(*types):
    """Geometry type filters for layer parameters, e.g. ``processing_vector_types("polygon")``."""
    names = {
        "point": QgsProcessing.SourceType.TypeVectorPoint,
        "line": QgsProcessing.SourceType.TypeVectorLine,
        "polygon": QgsProcessing.SourceType.TypeVectorPolygon,
        "any": QgsProcessing.SourceType.TypeVectorAnyGeometry,
        "table": QgsProcessing.SourceType.TypeVector,
    }
    return [names[t] for t in types]
