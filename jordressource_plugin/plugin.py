"""The QGIS plugin: registers the Processing provider, and in desktop QGIS a menu and a button."""
from qgis.core import QgsApplication
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction, QDockWidget, QLineEdit

from .i18n import install_translator, translate
from .provider import JordressourceProvider
from .resources import icon_path


class JordressourcePlugin:
    def __init__(self, iface):
        self.iface = iface
        self.provider = None
        self.action = None
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
        self.initProcessing()
        self.action = QAction(QIcon(str(icon_path())), self.tr("Jordressource tools"),
                              self.iface.mainWindow())
        tooltip = self.tr("Open the Jordressource algorithms in the Processing toolbox")
        self.action.setToolTip(tooltip)
        self.action.triggered.connect(self.show_toolbox)
        self.iface.addPluginToMenu(self.tr("&Jordressource"), self.action)
        self.iface.addToolBarIcon(self.action)

    def show_toolbox(self):
        """Show the Processing toolbox filtered to Jordressource; every algorithm has that tag."""
        dock = self.iface.mainWindow().findChild(QDockWidget, "ProcessingToolbox")
        if dock is None:
            return
        dock.setVisible(True)
        dock.raise_()
        search = dock.findChild(QLineEdit, "searchBox")
        if search is not None:
            search.setText("jordressource")

    def unload(self):
        if self.action is not None:
            self.iface.removePluginMenu(self.tr("&Jordressource"), self.action)
            self.iface.removeToolBarIcon(self.action)
            self.action.deleteLater()
            self.action = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
