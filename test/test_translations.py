"""Every user-facing string of the code has a Danish translation in the committed catalogue,
and the catalogue is what QGIS loads when it runs in Danish."""
import shutil
import subprocess
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = ROOT / "jordressource_plugin" / "i18n" / "jordressource_da.ts"


def _messages(ts_path):
    """{(context, source): translation or None when unfinished}."""
    messages = {}
    for context in ElementTree.parse(ts_path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            finished = translation is not None and translation.get("type") not in (
                "unfinished", "obsolete", "vanished") and (translation.text or "").strip()
            messages[(name, message.findtext("source"))] = translation.text if finished else None
    return messages


@pytest.mark.skipif(shutil.which("pylupdate5") is None,
                    reason="pylupdate5 (pyqt5-dev-tools) missing")
def test_every_string_in_the_code_has_a_danish_translation(tmp_path):
    sources = subprocess.run(["git", "ls-files", "jordressource_plugin/*.py"], cwd=ROOT,
                             capture_output=True, text=True, check=True).stdout.split()
    extracted = tmp_path / "extracted.ts"
    subprocess.run(["pylupdate5", *sources, "-ts", str(extracted)], cwd=ROOT, check=True,
                   capture_output=True)
    wanted = set(_messages(extracted))
    translated = {key for key, text in _messages(CATALOGUE).items() if text}
    missing = sorted(wanted - translated)
    assert not missing, f"{len(missing)} string(s) without Danish translation " \
                        f"(run 'make i18n-update' and translate): {missing[:10]}"


def test_danish_catalogue_translates_a_group_name(qgis_app):
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator

    translator = QTranslator()
    assert translator.load(str(CATALOGUE.with_suffix(".qm")))
    QCoreApplication.installTranslator(translator)
    try:
        danish = QCoreApplication.translate("JordressourceAlgorithm", "Reuse and haul")
    finally:
        QCoreApplication.removeTranslator(translator)
    assert danish and danish != "Reuse and haul"


def test_strings_of_a_shared_mixin_are_translated_for_the_algorithm_using_it(plugin):
    """pylupdate5 files a mixin's strings under the mixin's class; tr() finds them there."""
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator

    from jordressource_plugin.algorithms.soil_balance import SoilBalanceAlgorithm

    translator = QTranslator()
    assert translator.load(str(CATALOGUE.with_suffix(".qm")))
    QCoreApplication.installTranslator(translator)
    try:
        text = SoilBalanceAlgorithm().tr("{0}: choose the field for {1}.")
    finally:
        QCoreApplication.removeTranslator(translator)
    assert text != "{0}: choose the field for {1}." and "{0}" in text and "{1}" in text
