"""Shared fixtures: QGIS with Processing and the plugin loaded once per session, the packaged
plugin in qgis_process, and small layers built in memory."""
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
SHARED_DATA = ROOT.parent / "shared" / "data"
TEST_DATA = Path(__file__).resolve().parent / "data"


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
