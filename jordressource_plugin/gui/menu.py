"""The Jordressource menu: the algorithms in workflow order, the shipped models, the sample, help
and about. The same menu hangs in the menu bar and under the toolbar button."""
from qgis.core import QgsApplication, QgsProcessingModelAlgorithm
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction, QMenu, QToolButton

from ..i18n import translate
from ..resources import icon_path
from .workflow import in_workflow_order

PROVIDER_ID = "jordressource"
MENU_OBJECT_NAME = "mJordressourceMenu"
TOOLBUTTON_OBJECT_NAME = "mJordressourceToolButton"



def open_algorithm_dialog(algorithm_id: str) -> None:
    """The algorithm's own Processing dialog (Run, Batch, Help), as the toolbox opens it."""
    import processing

    processing.execAlgorithmDialog(f"{PROVIDER_ID}:{algorithm_id}")


class JordressourceMenu:
    """Builds the menu from the provider's algorithms; ``remove()`` takes everything away again.

    ``handlers`` maps the non-algorithm entries ("sample", "new_project", "help", "about") to
    callables, so the plugin decides what they do and tests can watch them.
    """

    def __init__(self, iface, handlers, open_dialog=open_algorithm_dialog):
        self.iface = iface
        self.handlers = handlers
        self.open_dialog = open_dialog
        self.menu = QMenu(translate("JordressourceMenu", "&Jordressource"), iface.mainWindow())
        self.menu.setObjectName(MENU_OBJECT_NAME)
        self.button = None
        self.actions = {}

    # Building -----------------------------------------------------------------------------
    def build(self):
        provider = QgsApplication.processingRegistry().providerById(PROVIDER_ID)
        algorithms = {a.name(): a for a in provider.algorithms()} if provider else {}
        tools = {k: a for k, a in algorithms.items()
                 if not isinstance(a, QgsProcessingModelAlgorithm)}
        models = {k: a for k, a in algorithms.items() if isinstance(a, QgsProcessingModelAlgorithm)}

        self._add("new_project", translate("JordressourceMenu", "New soil project…"),
                  self.handlers["new_project"],
                  translate("JordressourceMenu",
                            "Create an empty soil project (GeoPackage) with every layer of the "
                            "data model, styled and with Danish field names"))
        self._add("sample", translate("JordressourceMenu", "Open sample project (Holbæk)"),
                  self.handlers["sample"],
                  translate("JordressourceMenu",
                            "Add the Holbæk sample's layers, styled, to the map"))
        self.menu.addSeparator()
        for algorithm_id in in_workflow_order(tools):
            algorithm = tools[algorithm_id]
            self._add(f"algorithm:{algorithm_id}", algorithm.displayName() + "…",
                      lambda _checked=False, a=algorithm_id: self.open_dialog(a),
                      algorithm.group(), algorithm.icon())
        if models:
            self.menu.addSeparator()
            for model_id in sorted(models):
                model = models[model_id]
                self._add(f"model:{model_id}", model.displayName() + "…",
                          lambda _checked=False, a=model_id: self.open_dialog(a),
                          translate("JordressourceMenu", "Shipped model"), model.icon())
        self.menu.addSeparator()
        self._add("help", translate("JordressourceMenu", "Help"), self.handlers["help"],
                  translate("JordressourceMenu", "The Jordressource help in your language"))
        self._add("about", translate("JordressourceMenu", "About Jordressource"),
                  self.handlers["about"])
        return self

    def _add(self, key, text, slot, tip="", icon=None):
        action = QAction(icon if icon is not None else QIcon(), text, self.menu)
        action.setObjectName(f"mActionJordressource_{key.replace(':', '_')}")
        if tip:
            action.setToolTip(tip)
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        self.menu.addAction(action)
        self.actions[key] = action
        return action

    # Placing ------------------------------------------------------------------------------
    def install(self):
        """Into the menu bar before the standard menus on the right (Help), and as a toolbar
        button that drops the same menu down."""
        menu_bar = self.iface.mainWindow().menuBar()
        right = None
        try:
            right = self.iface.firstRightStandardMenu()
        except (AttributeError, TypeError):  # test doubles of QgisInterface lack it
            right = None
        if isinstance(right, QMenu):
            menu_bar.insertMenu(right.menuAction(), self.menu)
        else:
            menu_bar.addMenu(self.menu)
        self.button = QToolButton()
        self.button.setObjectName(TOOLBUTTON_OBJECT_NAME)
        self.button.setIcon(QIcon(str(icon_path())))
        self.button.setToolTip(translate("JordressourceMenu", "Jordressource"))
        self.button.setMenu(self.menu)
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.button_action = self.iface.addToolBarWidget(self.button)
        return self

    def remove(self):
        self.iface.mainWindow().menuBar().removeAction(self.menu.menuAction())
        if self.button is not None:
            self.iface.removeToolBarIcon(self.button_action)
            self.button.deleteLater()
            self.button = None
        for action in self.actions.values():
            action.deleteLater()
        self.actions = {}
        self.menu.deleteLater()
