"""The shipped model in the user's language under its English id: a Danish QGIS shows
"Jordscreening af lokalplaner" in "Medfølgende modeller" with Danish inputs, layers before
their fields; scripts call jordressource:local_plan_screening in any language."""
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MODEL_ID = "jordressource:local_plan_screening"


def reloaded_model():
    from qgis.core import QgsApplication

    registry = QgsApplication.processingRegistry()
    registry.providerById("jordressource").refreshAlgorithms()
    return registry.algorithmById(MODEL_ID)


def test_model_in_danish_and_english(plugin, qgis_language):
    try:
        qgis_language("da")
        model = reloaded_model()
        assert model.displayName() == "Jordscreening af lokalplaner"
        assert model.group() == "Medfølgende modeller"
        descriptions = {p.name(): p.description() for p in model.parameterDefinitions()}
        assert descriptions["excavations"] == "Planlagte opgravninger"
        assert descriptions["local_plan_name_field"] == "Felt med lokalplanens navn"
        assert model.parameterDefinition("map_title").defaultValue() == "Jord i lokalplanen"
        assert "opgravninger" in model.shortHelpString()
        instance = model.create()  # what the dialog runs
        assert instance.displayName() == "Jordscreening af lokalplaner"
        qgis_language("en")
        model = reloaded_model()
        assert model.displayName() == "Local plan soil screening"
        assert model.parameterDefinition("excavations").description() == "Planned excavations"
    finally:
        qgis_language("en")
        reloaded_model()


def test_model_inputs_read_top_down(plugin):
    model = reloaded_model()
    order = [p.name() for p in model.parameterDefinitions() if not p.isDestination()]
    assert order[:2] == ["excavations", "receivers"]
    assert order.index("local_plans") < order.index("local_plan_id_field")
    assert order.index("local_plans") < order.index("local_plan_name_field")


@pytest.mark.qgis  # reads help or styles through QGIS's translator
def test_every_word_of_the_model_file_is_translatable():
    """Every shipped .model3 carries English words; each is in provider.MODEL_WORDS (the
    catalogue), and each model has a title there."""
    import xml.etree.ElementTree as ElementTree

    from jordressource_plugin.provider import MODEL_TITLES, MODEL_WORDS

    models = sorted((ROOT / "processing").glob("*.model3"))
    assert {path.stem for path in models} == set(MODEL_TITLES)
    words = set()
    for path in models:
        root = ElementTree.fromstring(path.read_text(encoding="utf-8"))
        for option in root.iter("Option"):
            if (option.get("name") in ("description", "component_description")
                    and option.get("value")):
                words.add(option.get("value"))
            children = {child.get("name"): child.get("value") for child in option}
            if children.get("parameter_type") == "string" and children.get("default"):
                words.add(children["default"])  # a text default (a map title), not a field name
    untranslatable = sorted(words - set(MODEL_WORDS) - set(MODEL_TITLES.values()))
    assert not untranslatable, untranslatable
    batch = json.loads((ROOT / "processing" / "batch_local_plan_screening.json").read_text())
    assert batch  # the batch example still names the model's parameters by their ids
