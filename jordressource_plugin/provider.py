"""The `jordressource` Processing provider: the algorithms and the shipped models.

A QGIS model has one name, which is also its id. The shipped models keep their English id
(``jordressource:local_plan_screening``: scripts, batch files and other models call it, in any
language), and are shown in the user's language: the provider loads each ``.model3`` into a
``LocalisedModel``, whose display name, group, help, input and output descriptions, step
descriptions and text defaults are translated through the catalogue (context "Models"). One
model file per language would give each language its own id and let the two drift apart.
"""
from qgis.core import QgsProcessingModelAlgorithm, QgsProcessingProvider
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP, QUrl
from qgis.PyQt.QtGui import QIcon

from .algorithms import ALGORITHM_CLASSES
from .help_pages import algorithm_help_file
from .i18n import help_text, translate
from .resources import icon_path, models_dir

MODEL_GROUP_ID = "models"
MODEL_GROUP = QT_TRANSLATE_NOOP("Models", "Shipped models")
# Display names by model id.
MODEL_TITLES = {
    "local_plan_screening": QT_TRANSLATE_NOOP("Models", "Local plan soil screening"),
    "resource_site_screening": QT_TRANSLATE_NOOP("Models", "Regional resource-site screening"),
    "candidate_screen": QT_TRANSLATE_NOOP("Models", "Candidate screen for resource sites"),
    "site_evaluation": QT_TRANSLATE_NOOP("Models", "Evaluate suggested resource sites over time"),
}
# Every word scripts/build_models.py writes into the shipped models (test_models checks it).
MODEL_WORDS = (
    QT_TRANSLATE_NOOP("Models", "Planned excavations"),
    QT_TRANSLATE_NOOP("Models", "Receivers (raw-material pits, resource sites, utilisation "
                                "projects)"),
    QT_TRANSLATE_NOOP("Models", "Area types"),
    QT_TRANSLATE_NOOP("Models", "Contaminated sites (V1/V2)"),
    QT_TRANSLATE_NOOP("Models", "Disposal sites"),
    QT_TRANSLATE_NOOP("Models", "Roads"),
    QT_TRANSLATE_NOOP("Models", "Local plans (one map page each)"),
    QT_TRANSLATE_NOOP("Models", "Local plan id field"),
    QT_TRANSLATE_NOOP("Models", "Local plan name field"),
    QT_TRANSLATE_NOOP("Models", "Map title"),
    QT_TRANSLATE_NOOP("Models", "Soil in the local plan"),
    QT_TRANSLATE_NOOP("Models", "Classify excavations by area type"),
    QT_TRANSLATE_NOOP("Models", "Find short-haul reuse matches"),
    QT_TRANSLATE_NOOP("Models", "Reuse matches"),
    QT_TRANSLATE_NOOP("Models", "Excavations with reuse"),
    QT_TRANSLATE_NOOP("Models", "Receivers with reuse"),
    QT_TRANSLATE_NOOP("Models", "Soil balance per local plan"),
    QT_TRANSLATE_NOOP("Models", "Soil balance report"),
    QT_TRANSLATE_NOOP("Models", "Map per local plan"),
    QT_TRANSLATE_NOOP("Models", "Map per local plan (PDF)"),
    QT_TRANSLATE_NOOP("Models", "Planned excavations with dates"),
    QT_TRANSLATE_NOOP("Models", "Receivers with their open periods"),
    QT_TRANSLATE_NOOP("Models", "Storage sites (resource sites)"),
    QT_TRANSLATE_NOOP("Models", "Plan reuse over time with storage"),
    QT_TRANSLATE_NOOP("Models", "Soil flows by month"),
    QT_TRANSLATE_NOOP("Models", "Stock by storage site and month"),
    QT_TRANSLATE_NOOP("Models", "Storage sites with use"),
    QT_TRANSLATE_NOOP("Models", "Schedule report"),
    # candidate_screen
    QT_TRANSLATE_NOOP("Models", "Area type field"),
    QT_TRANSLATE_NOOP("Models", "Drinking-water areas"),
    QT_TRANSLATE_NOOP("Models", "Housing"),
    QT_TRANSLATE_NOOP("Models", "Own candidate points"),
    QT_TRANSLATE_NOOP("Models", "Distance kept from housing (m)"),
    QT_TRANSLATE_NOOP("Models", "Grid spacing of candidate points (m)"),
    QT_TRANSLATE_NOOP("Models", "Metric CRS for distances and areas"),
    QT_TRANSLATE_NOOP("Models", "Area types in the metric CRS"),
    QT_TRANSLATE_NOOP("Models", "Area type of each area"),
    QT_TRANSLATE_NOOP("Models", "Industrial and port areas"),
    QT_TRANSLATE_NOOP("Models", "An empty layer to merge with"),
    QT_TRANSLATE_NOOP("Models", "Housing in the metric CRS"),
    QT_TRANSLATE_NOOP("Models", "Distance kept from housing"),
    QT_TRANSLATE_NOOP("Models", "Everything excluded"),
    QT_TRANSLATE_NOOP("Models", "Industrial and port areas without the exclusions"),
    QT_TRANSLATE_NOOP("Models", "Grid of points"),
    QT_TRANSLATE_NOOP("Models", "An empty point layer to merge with"),
    QT_TRANSLATE_NOOP("Models", "Grid and own points"),
    QT_TRANSLATE_NOOP("Models", "Points inside the allowed areas"),
    QT_TRANSLATE_NOOP("Models", "Candidate ids"),
    QT_TRANSLATE_NOOP("Models", "Candidate sites"),
    QT_TRANSLATE_NOOP("Models", "Allowed areas"),
    # site_evaluation
    QT_TRANSLATE_NOOP("Models", "Candidate id field"),
    QT_TRANSLATE_NOOP("Models", "Storage capacity field of the candidates (m³ on hand at most)"),
    QT_TRANSLATE_NOOP("Models", "Highest soil class stored field of the candidates"),
    QT_TRANSLATE_NOOP("Models", "Total capacity field of the candidates (m³ in all, optional)"),
    QT_TRANSLATE_NOOP("Models", "Existing-site field of the candidates (yes/no, optional)"),
    QT_TRANSLATE_NOOP("Models", "Opening cost field of the candidates (DKK, optional)"),
    QT_TRANSLATE_NOOP("Models", "Number of sites"),
    QT_TRANSLATE_NOOP("Models", "Maximum haul (km)"),
    QT_TRANSLATE_NOOP("Models", "Choose the sites with the fewest tonne-km"),
    QT_TRANSLATE_NOOP("Models", "Suggested resource sites"),
    QT_TRANSLATE_NOOP("Models", "Excavations assigned to the sites"),
    QT_TRANSLATE_NOOP("Models", "Plan reuse over time with the chosen sites as storage"),
)


class JordressourceProvider(QgsProcessingProvider):
    def id(self):
        return "jordressource"

    def name(self):
        return "Jordressource"

    def longName(self):
        return translate("JordressourceProvider", "Jordressource: short-haul reuse of soil")

    def icon(self):
        return QIcon(str(icon_path()))

    def loadAlgorithms(self):
        for algorithm_class in ALGORITHM_CLASSES:
            self.addAlgorithm(algorithm_class())
        for model in load_models():
            self.addAlgorithm(model)


class LocalisedModel(QgsProcessingModelAlgorithm):
    """A shipped model shown in the user's language, under its English id."""

    def displayName(self):
        title = MODEL_TITLES.get(self.name())
        return translate("Models", title) if title else super().displayName()

    def group(self):
        return translate("Models", MODEL_GROUP)

    def groupId(self):
        return MODEL_GROUP_ID

    def shortHelpString(self):
        return help_text(self.name()) or super().shortHelpString()

    def helpUrl(self):
        return QUrl.fromLocalFile(str(algorithm_help_file(self.name(),
                                                          self.displayName()))).toString()

    def createInstance(self):
        instance = LocalisedModel()
        instance.loadVariant(self.toVariant())
        instance.setSourceFilePath(self.sourceFilePath())
        return instance


def load_models():
    """The `.model3` files shipped with the plugin, as algorithms of this provider, in the
    user's language."""
    models = []
    for path in sorted(models_dir().glob("*.model3")):
        source = QgsProcessingModelAlgorithm()
        if not source.fromFile(str(path)):
            continue
        model = LocalisedModel()
        if model.loadVariant(translated_model(source.toVariant())):
            model.setSourceFilePath(str(path))
            models.append(model)
    return models


def translated_model(variant: dict) -> dict:
    """A model's definition (``toVariant()``) with its words in the user's language: input
    descriptions and text defaults, step descriptions and output descriptions."""
    def tr(text):
        return translate("Models", text) if isinstance(text, str) and text else text

    for parameter in (variant.get("parameters") or {}).values():
        parameter["component_description"] = tr(parameter.get("component_description"))
    for definition in (variant.get("parameterDefinitions") or {}).values():
        definition["description"] = tr(definition.get("description"))
        if definition.get("parameter_type") == "string":
            definition["default"] = tr(definition.get("default"))
    for child in (variant.get("children") or {}).values():
        child["component_description"] = tr(child.get("component_description"))
        for output in (child.get("outputs") or {}).values():
            output["component_description"] = tr(output.get("component_description"))
    return variant
