"""Shared fixtures: QGIS with Processing and the plugin loaded once per session, the packaged
plugin in qgis_process, a feedback that records the log, small layers and rasters built on
the spot, and a throw-away PostgreSQL/PostGIS server per test module. Test modules share helpers
only through these fixtures (and the helper modules postgis_server.py, qgisprocess.py), never by
importing each other.

This module imports no QGIS at load time: the engine tests (`make test-core`) run without it."""
import configparser
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import settings

# Timing is not behaviour: no per-example deadline on a loaded machine. On CI the examples are
# derived from each test's name, so a run is reproducible; locally they vary and explore more.
settings.register_profile("jordressource", deadline=None,
                          derandomize=bool(os.environ.get("CI")), print_blob=True)
settings.load_profile("jordressource")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))


# Fixtures that start QGIS (ours and pytest-qgis's qgis_*): a test using one, directly or through
# another fixture, is marked `qgis`; so is every test marked `qgis_process`.
QGIS_FIXTURES = {"plugin", "run_algorithm", "make_layer", "recording_feedback",
                 "packaged_plugin_zip", "qgis_process"}
QGIS_MODULES = ("qgis", "processing")


def pytest_addoption(parser):
    parser.addoption("--without-qgis", action="store_true",
                     help="run only the tests that need no QGIS (make test-core), with any import "
                          "of qgis or processing refused, so an engine test that reaches for "
                          "QGIS fails instead of passing by luck")


def pytest_configure(config):
    if config.getoption("--without-qgis"):
        loaded = sorted(name for name in sys.modules if name.split(".")[0] in QGIS_MODULES)
        if loaded:
            raise pytest.UsageError(f"--without-qgis, but {', '.join(loaded[:3])} is already "
                                    "imported: run pytest with -p no:pytest_qgis")
        sys.meta_path.insert(0, _RefuseQgis())


class _RefuseQgis:
    """An import hook that refuses qgis and processing, for the QGIS-free run."""

    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in QGIS_MODULES:
            raise ImportError(f"'{name}' imported in a test run --without-qgis: the engine "
                              "(core/) imports no QGIS; a test that needs QGIS is marked qgis")
        return None


def pytest_ignore_collect(collection_path, config):
    """In the QGIS-free run, a module that imports QGIS-bound code at its top says so with the
    line `QGIS_MODULE = True` and is not collected (its tests all need QGIS)."""
    if config.getoption("--without-qgis") and collection_path.suffix == ".py" \
            and collection_path.name.startswith("test_"):
        return "\nQGIS_MODULE = True" in collection_path.read_text(encoding="utf-8")
    return None


def pytest_collection_modifyitems(config, items):
    for item in items:
        if (QGIS_FIXTURES & set(item.fixturenames) or item.get_closest_marker("qgis_process")
                or any(name.startswith("qgis_") for name in item.fixturenames)):
            item.add_marker(pytest.mark.qgis)
        if "postgis_server" in item.fixturenames:
            item.add_marker(pytest.mark.postgis)
    if config.getoption("--without-qgis"):
        kept = [item for item in items if not item.get_closest_marker("qgis")]
        config.hook.pytest_deselected(items=[item for item in items if item not in kept])
        items[:] = kept


@pytest.fixture(scope="session")
def plugin(qgis_app, qgis_processing, qgis_iface):
    """The plugin loaded the way QGIS loads it, through classFactory and initProcessing."""
    from qgis.core import Qgis, QgsApplication

    import jordressource_plugin

    metadata = configparser.ConfigParser()
    metadata.read(ROOT / "metadata.txt", encoding="utf-8")
    minimum = metadata["general"]["qgisMinimumVersion"]
    major, minor = (int(part) for part in minimum.split(".")[:2])
    assert Qgis.QGIS_VERSION_INT >= major * 10000 + minor * 100, "QGIS older than metadata allows"

    _route_qgis_log_to_logging(QgsApplication.messageLog())
    instance = jordressource_plugin.classFactory(qgis_iface)
    instance.initProcessing()
    yield instance
    instance.unload()


def _route_qgis_log_to_logging(message_log):
    logger = logging.getLogger("qgis")

    def forward(message, tag, level):
        logger.info("%s: %s", tag, message)

    message_log.messageReceived.connect(forward)


@pytest.fixture(scope="module")
def postgis_server():
    """A PostgreSQL + PostGIS server of the test module's own (test/postgis_server.py): Debian's
    binaries, a temporary data folder, 127.0.0.1 and a free port; stopped when the module ends.
    Missing PostgreSQL skips the module, except on CI, where `make setup` installs it."""
    from postgis_server import PostgisServer, postgres_bin_dir

    bin_dir = postgres_bin_dir()
    if bin_dir is None:
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL is not installed; 'make setup' installs it")
        pytest.skip("PostgreSQL is not installed (make setup installs it)")
    server = PostgisServer(bin_dir).start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def run_algorithm(plugin):
    """``run_algorithm("match_reuse", {...})``: processing.run on a jordressource algorithm."""
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    def run(algorithm_id, parameters, feedback=None):
        context = QgsProcessingContext()
        return processing.run(f"jordressource:{algorithm_id}", parameters, context=context,
                              feedback=feedback or QgsProcessingFeedback())

    return run


@pytest.fixture(scope="session")
def packaged_plugin_zip(tmp_path_factory):
    """The zip `make package` builds, written to a private folder."""
    target = tmp_path_factory.mktemp("dist") / "jordressource_plugin.zip"
    done = subprocess.run(["make", "-s", "translations"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "package.py"), str(target)],
                          cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    return target


@pytest.fixture(scope="session")
def qgis_process(packaged_plugin_zip, tmp_path_factory):
    """A qgis_process with the packaged plugin enabled in a private profile."""
    from qgisprocess import QgisProcess

    return QgisProcess(tmp_path_factory.mktemp("qgis_process"), packaged_plugin_zip)


@pytest.fixture
def recording_feedback(qgis_app):
    """A QgsProcessingFeedback that keeps what an algorithm tells the user, by level: ``infos``,
    ``warnings`` and ``errors``; ``messages`` holds all three in order and ``log`` joins them with
    newlines. Each message is passed on to QGIS too, so the message log still shows it."""
    from qgis.core import QgsProcessingFeedback

    class RecordingFeedback(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.messages, self.infos, self.warnings, self.errors = [], [], [], []

        def pushInfo(self, info):
            self.messages.append(info)
            self.infos.append(info)
            super().pushInfo(info)

        def pushWarning(self, warning):
            self.messages.append(warning)
            self.warnings.append(warning)
            super().pushWarning(warning)

        def reportError(self, error, fatalError=False):
            self.messages.append(error)
            self.errors.append(error)
            super().reportError(error, fatalError)

        @property
        def log(self):
            return "\n".join(self.messages)

    return RecordingFeedback()


@pytest.fixture
def qgis_language(plugin):
    """``qgis_language("da")``: QGIS set to run in that language for the rest of the test, as a
    planner sets it (Settings ▸ Options ▸ General ▸ override the system locale), with the
    plugin's catalogue loaded for it; numbers follow it. The settings and the catalogue are
    restored afterwards."""
    from qgis.core import QgsSettings

    from jordressource_plugin.i18n import install_translator

    keys = ("locale/overrideFlag", "locale/userLocale", "locale/globalLocale")
    settings = QgsSettings()
    saved = {key: settings.value(key) for key in keys}

    def use(language, number_locale=""):
        settings.setValue("locale/overrideFlag", True)
        settings.setValue("locale/userLocale", language)
        settings.setValue("locale/globalLocale", number_locale)
        install_translator(again=True)

    yield use
    for key, value in saved.items():
        if value is None:
            settings.remove(key)
        else:
            settings.setValue(key, value)
    install_translator(again=True)


def single_band_raster(path, values, origin, cell=2.0, crs="EPSG:25832", nodata=-9999.0):
    """A north-up float32 GeoTIFF at ``path`` holding ``values`` (rows from the north), with its
    upper-left corner at ``origin`` (x, y) and square cells of ``cell`` metres. ``crs`` and
    ``nodata`` may be None, for rasters that lack them. Returns the path as a string."""
    import numpy as np
    import rasterio
    from affine import Affine

    values = np.asarray(values, dtype="float32")
    profile = dict(driver="GTiff", width=values.shape[1], height=values.shape[0], count=1,
                   dtype="float32", transform=Affine(cell, 0, origin[0], 0, -cell, origin[1]))
    if crs is not None:
        profile["crs"] = crs
    if nodata is not None:
        profile["nodata"] = nodata
    with rasterio.open(path, "w", **profile) as dataset:
        dataset.write(values, 1)
    return str(path)


@pytest.fixture(scope="session")
def write_raster():
    """``write_raster(path, values, origin, cell=2.0, crs="EPSG:25832", nodata=-9999.0)``: a
    small test raster written with rasterio (no QGIS), see ``single_band_raster``."""
    return single_band_raster


def memory_layer(geometry_type, crs, fields, features, name="test"):
    """A memory layer from ``fields`` [(name, type name)] and ``features`` [(wkt, [values])].

    Type names are QGIS memory-provider names: string, integer, double, date, datetime, boolean.
    """
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    uri = f"{geometry_type}?crs={crs}" + "".join(f"&field={n}:{t}" for n, t in fields)
    layer = QgsVectorLayer(uri, name, "memory")
    assert layer.isValid(), uri
    features_to_add = []
    for wkt, values in features:
        feature = QgsFeature(layer.fields())
        if wkt is not None:
            feature.setGeometry(QgsGeometry.fromWkt(wkt))
        feature.setAttributes(list(values))
        features_to_add.append(feature)
    layer.dataProvider().addFeatures(features_to_add)
    layer.updateExtents()
    return layer


@pytest.fixture(scope="session")
def make_layer():
    return memory_layer
