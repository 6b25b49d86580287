"""An algorithm whose library is missing stays in the toolbox and says how to install it on the
user's own system (docs/platforms.md: rasterio is the library the Windows installers lack)."""


def test_windows_advice_names_the_osgeo4w_package_and_command(qgis_app):
    from jordressource_plugin.dependencies import install_advice

    advice = install_advice(["rasterio"], "win32", {"OSGEO4W_ROOT": r"D:\QGIS"})
    assert r"osgeo4w-setup.exe -q -k -R D:\QGIS -P python3-rasterio" in advice
    assert "rasterio" in advice and "second GDAL" in advice


def test_debian_advice_is_one_apt_line(qgis_app):
    from jordressource_plugin.dependencies import install_advice

    advice = install_advice(["scipy", "rasterio"], "linux", {})
    assert "sudo apt install python3-scipy python3-rasterio" in advice


def test_an_algorithm_missing_a_library_cannot_run_and_says_why(plugin):
    from qgis.core import QgsApplication

    algorithm = QgsApplication.processingRegistry().createAlgorithmById(
        "jordressource:earthwork_volumes")
    assert algorithm.canExecute() == (True, "")
    algorithm.REQUIRED_LIBRARIES = ("numpy", "jordressource_no_such_library")
    ok, message = algorithm.canExecute()
    assert not ok and "jordressource_no_such_library" in message
