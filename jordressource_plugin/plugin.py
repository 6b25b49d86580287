"""The QGIS plugin: registers the Processing provider, and in desktop QGIS the Jordressource menu
(menu bar and toolbar button)."""
from qgis.core import QgsApplication

from .i18n import install_translator, translate
from .provider import JordressourceProvider


class JordressourcePlugin:
    def __init__(self, iface):
        self.iface = iface
        self.provider = None
        self.menu = None
        install_translator()

    def tr(self, text: str) -> str:
        return translate(type(self).__name__, text)

    def initProcessing(self):
        """Called by qgis_process too, which never calls initGui."""
        if self.provider is None:
            provider = JordressourceProvider()
            # Another instance may hold the id already; only the instance that added it removes it.
            if QgsApplication.processingRegistry().addProvider(provider):
                self.provider = provider
                # Models load with the provider, before its algorithms are in the registry, so
                # their outputs are unknown until they are loaded again.
                provider.refreshAlgorithms()

    def initGui(self):
        # Desktop only: qgis_process never loads the widgets below.
        from .gui.menu import JordressourceMenu

        self.initProcessing()
        self.menu = JordressourceMenu(self.iface, {
            "new_project": lambda _checked=False: self.menu.open_dialog("create_project"),
            "sample": self.open_sample_project,
            "help": self.open_help,
            "about": self.show_about,
        }).build().install()

    def open_sample_project(self, _checked=False):
        from qgis.core import Qgis

        from .gui.sample_project import open_sample_project

        try:
            open_sample_project(canvas=self.iface.mapCanvas())
        except (OSError, RuntimeError) as error:
            self.iface.messageBar().pushMessage("Jordressource", str(error),
                                                Qgis.MessageLevel.Critical)

    def open_help(self, _checked=False):
        from .gui.about import open_help
        from .gui.workflow import in_workflow_order

        provider = QgsApplication.processingRegistry().providerById("jordressource")
        algorithms = {a.name(): a for a in provider.algorithms()} if provider else {}
        open_help([(name, algorithms[name].displayName(), algorithms[name].group())
                   for name in in_workflow_order(algorithms)
                   if algorithms[name].shortHelpString()])

    def show_about(self, _checked=False):
        from .gui.about import show_about

        show_about(self.iface.mainWindow())

    def unload(self):
        if self.menu is not None:
            self.menu.remove()
            self.menu = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
