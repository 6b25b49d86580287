"""The desktop around the algorithms: the Jordressource menu, the sample project and the help a
planner opens from a dialog."""
from unittest import mock

import pytest


@pytest.fixture
def desktop_iface(qgis_iface):
    """A QgisInterface double whose main window, menu bar and toolbar are real widgets."""
    from qgis.PyQt.QtWidgets import QMainWindow, QToolBar

    window = QMainWindow()
    toolbar = QToolBar(window)
    iface = mock.MagicMock()
    iface.mainWindow.return_value = window
    iface.mapCanvas.return_value = qgis_iface.mapCanvas()
    iface.firstRightStandardMenu.return_value = window.menuBar().addMenu("Help")
    iface.addToolBarWidget.side_effect = toolbar.addWidget
    yield iface
    window.deleteLater()


def _menu(window):
    from qgis.PyQt.QtWidgets import QMenu

    from jordressource_plugin.gui.menu import MENU_OBJECT_NAME

    return window.findChild(QMenu, MENU_OBJECT_NAME)


def test_menu_lists_the_workflow_then_help_and_is_gone_after_unload(plugin, desktop_iface):
    import jordressource_plugin
    from jordressource_plugin.gui.workflow import WORKFLOW

    instance = jordressource_plugin.classFactory(desktop_iface)
    instance.initGui()
    window = desktop_iface.mainWindow()
    menu = _menu(window)
    assert menu is not None
    bar_titles = [action.text() for action in window.menuBar().actions()]
    assert bar_titles.index(menu.title()) < bar_titles.index("Help"), "before the Help menu"
    keys = list(instance.menu.actions)
    assert keys[:2] == ["new_project", "sample"] and keys[-2:] == ["help", "about"]
    algorithms = [key.split(":")[1] for key in keys if key.startswith("algorithm:")]
    assert {"create_project", "match_reuse", "export_plan_map"} <= set(algorithms)
    assert algorithms == sorted(algorithms, key=WORKFLOW.index), "workflow order"
    assert any(key.startswith("model:") for key in keys), "the shipped screening model"
    desktop_iface.addToolBarWidget.assert_called_once()
    assert desktop_iface.addToolBarWidget.call_args[0][0].menu() is menu

    instance.unload()
    assert menu.menuAction() not in window.menuBar().actions()
    desktop_iface.removeToolBarIcon.assert_called_once()
    assert instance.menu is None


def test_menu_entries_open_their_dialogs(plugin, desktop_iface):
    from jordressource_plugin.gui.menu import JordressourceMenu

    opened, handled = [], []
    handlers = {key: (lambda _c=False, k=key: handled.append(k))
                for key in ("new_project", "sample", "help", "about")}
    menu = JordressourceMenu(desktop_iface, handlers, open_dialog=opened.append).build()
    menu.actions["algorithm:match_reuse"].trigger()
    menu.actions["sample"].trigger()
    menu.actions["about"].trigger()
    assert opened == ["match_reuse"] and handled == ["sample", "about"]
    menu.remove()


def test_open_sample_project_adds_styled_layers_in_one_group(plugin, tmp_path):
    from qgis.core import QgsProject, QgsRasterLayer, QgsVectorLayer

    from jordressource_plugin.gui.sample_project import SAMPLE_LAYERS, open_sample_project

    project = QgsProject()
    group = open_sample_project(project, folder=tmp_path)
    layers = [node.layer() for node in group.findLayers()]
    vectors = [layer for layer in layers if isinstance(layer, QgsVectorLayer)]
    assert len(vectors) == len(SAMPLE_LAYERS) and all(layer.isValid() for layer in layers)
    by_source = {layer.source().split("layername=")[-1]: layer for layer in vectors}
    # The GeoPackage's stored default styles: sites by kind or class, roads by class.
    for table in ("excavations", "receivers", "roads", "area_types"):
        assert by_source[table].renderer().type() == "categorizedSymbol", table
    dem = [layer for layer in layers if isinstance(layer, QgsRasterLayer)]
    assert len(dem) == 1 and dem[0].renderer().type() == "singlebandpseudocolor"
    assert project.crs().authid() == "EPSG:25832"
    assert (tmp_path / "holbaek_sample.gpkg").exists(), "the user's copy, not the plugin's"


def test_every_dialog_has_a_help_page_in_the_browser(plugin):
    from qgis.core import QgsApplication
    from qgis.PyQt.QtCore import QUrl

    provider = QgsApplication.processingRegistry().providerById("jordressource")
    algorithm = provider.algorithm("match_reuse")
    path = QUrl(algorithm.helpUrl()).toLocalFile()
    with open(path, encoding="utf-8") as page:
        text = page.read()
    assert '<meta charset="utf-8">' in text
    assert algorithm.displayName() in text and algorithm.shortHelpString()[:80] in text


def test_overview_help_lists_every_algorithm_given(plugin):
    from jordressource_plugin.help_pages import overview_help_file

    path = overview_help_file([("match_reuse", "Find matches", "Reuse"),
                               ("soil_balance", "Balance", "Strategy")])
    text = path.read_text(encoding="utf-8")
    assert text.index('id="match_reuse"') < text.index('id="soil_balance"')


def test_required_fields_are_required_in_the_dialog_yet_default_in_scripts(plugin, make_layer):
    from qgis.core import (
        QgsApplication,
        QgsProcessingContext,
        QgsProcessingParameterDefinition,
        QgsProject,
    )

    algorithm = QgsApplication.processingRegistry().createAlgorithmById("jordressource:match_reuse")
    optional = QgsProcessingParameterDefinition.FlagOptional
    for name in ("SOURCE_ID_FIELD", "VOLUME_FIELD", "CAPACITY_FIELD", "DISTANCE_CRS"):
        assert not algorithm.parameterDefinition(name).flags() & optional, name
    for name in ("SOURCE_START_FIELD", "DISPOSAL", "ROADS"):
        assert algorithm.parameterDefinition(name).flags() & optional, name
    sites = make_layer("Point", "EPSG:25832", [("id", "string"), ("volume_m3", "double")],
                       [("POINT(0 0)", ["S1", 10.0])])
    QgsProject.instance().addMapLayer(sites)
    try:
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        outputs = {name: "TEMPORARY_OUTPUT"
                   for name in ("OUTPUT_MATCHES", "OUTPUT_SOURCES", "OUTPUT_RECEIVERS")}
        ok, message = algorithm.checkParameterValues(
            {"SOURCES": sites.id(), "RECEIVERS": sites.id(), **outputs}, context)
        assert ok, message
        ok, _ = algorithm.checkParameterValues({"RECEIVERS": sites.id(), **outputs}, context)
        assert not ok, "a missing layer without a default is still refused"
    finally:
        QgsProject.instance().removeMapLayer(sites.id())
