"""The plugin loads as QGIS loads it, registers its provider with every algorithm, and unloads."""
import zipfile

import pytest

EXPECTED_ALGORITHMS = {"create_project", "classify_area_types", "earthwork_volumes", "haul_matrix",
                       "match_reuse", "soil_balance", "area_zones", "export_plan_map"}


def test_provider_registers_every_algorithm(plugin):
    from qgis.core import QgsApplication

    provider = QgsApplication.processingRegistry().providerById("jordressource")
    assert provider is not None
    assert provider.name() == "Jordressource"
    ids = {algorithm.name() for algorithm in provider.algorithms()}
    assert EXPECTED_ALGORITHMS <= ids


def test_every_algorithm_is_a_good_processing_citizen(plugin):
    from qgis.core import QgsApplication, QgsProcessingModelAlgorithm, QgsProcessingParameterField

    provider = QgsApplication.processingRegistry().providerById("jordressource")
    for algorithm in provider.algorithms():
        if isinstance(algorithm, QgsProcessingModelAlgorithm):
            continue
        assert algorithm.displayName(), algorithm.name()
        assert algorithm.group() and algorithm.groupId() == algorithm.groupId().lower()
        assert "<" in algorithm.shortHelpString(), f"{algorithm.name()} has no help"
        assert algorithm.canExecute()[0], algorithm.canExecute()[1]
        assert "jordressource" in algorithm.tags()
        assert algorithm.createInstance() is not algorithm
        names = {parameter.name() for parameter in algorithm.parameterDefinitions()}
        for parameter in algorithm.parameterDefinitions():
            assert parameter.name() == parameter.name().upper(), parameter.name()
            if isinstance(parameter, QgsProcessingParameterField):
                assert parameter.parentLayerParameterName() in names, \
                    f"{algorithm.name()}: {parameter.name()} is not bound to a layer"


def test_unloading_a_second_instance_keeps_the_first_provider(plugin, qgis_iface):
    from unittest import mock

    from qgis.core import QgsApplication

    import jordressource_plugin

    second = jordressource_plugin.classFactory(mock.MagicMock())
    second.initProcessing()
    second.unload()
    assert QgsApplication.processingRegistry().providerById("jordressource") is plugin.provider


def test_package_has_one_top_folder_with_metadata_styles_and_models(packaged_plugin_zip):
    with zipfile.ZipFile(packaged_plugin_zip) as archive:
        names = archive.namelist()
    assert {name.split("/")[0] for name in names} == {"jordressource_plugin"}
    assert "jordressource_plugin/metadata.txt" in names
    assert "jordressource_plugin/__init__.py" in names
    assert "jordressource_plugin/i18n/jordressource_da.qm" in names
    assert any(name.startswith("jordressource_plugin/styles/") for name in names)
    assert not any("__pycache__" in name for name in names)


@pytest.mark.qgis_process
def test_packaged_plugin_loads_in_qgis_process(qgis_process):
    assert {f"jordressource:{alg}" for alg in EXPECTED_ALGORITHMS} <= set(qgis_process.algorithms())
