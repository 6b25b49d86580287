"""The `jordressource` Processing provider: the algorithms and the shipped models."""
from qgis.core import QgsProcessingModelAlgorithm, QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from .algorithms import ALGORITHM_CLASSES
from .i18n import translate
from .resources import icon_path, models_dir


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


def load_models():
    """The `.model3` files shipped with the plugin, as algorithms of this provider."""
    models = []
    for path in sorted(models_dir().glob("*.model3")):
        model = QgsProcessingModelAlgorithm()
        if model.fromFile(str(path)):
            models.append(model)
    return models
