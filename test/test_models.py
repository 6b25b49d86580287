"""The shipped models: loaded by the provider, wired to the contract's parameter names, and run
end to end on the sample project through processing.run and qgis_process; the batch example
names only what the model has."""
import ast
import json
import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MODEL_ID = "jordressource:local_plan_screening"
SAMPLE = ROOT / "jordressource_plugin" / "sample" / "holbaek_sample.gpkg"
PLANS = ("LP01.01", "LP01.02", "LP02.01")
PLAN_SUBSET = "|subset=\"id\" IN ({0})".format(", ".join(f"'{plan}'" for plan in PLANS))


def registered(algorithm_id):
    from qgis.core import QgsApplication

    return QgsApplication.processingRegistry().algorithmById(algorithm_id)


@pytest.fixture
def model(plugin):
    found = registered(MODEL_ID)
    assert found is not None, "the provider did not load processing/local_plan_screening.model3"
    missing = [child.algorithmId() for child in found.childAlgorithms().values()
               if registered(child.algorithmId()) is None]
    assert not missing, f"the model's steps are not registered: {', '.join(missing)}"
    return found


def sample_inputs():
    assert SAMPLE.exists(), "the sample project is missing: make sample"

    def layer(name):
        return f"{SAMPLE}|layername={name}"

    return {"excavations": layer("excavations"), "receivers": layer("receivers"),
            "area_types": layer("area_types"), "contaminated_sites": layer("contaminated_sites"),
            "disposal_sites": layer("disposal_sites"),
            "local_plans": layer("local_plans") + PLAN_SUBSET,
            "map_title": "Screening af lokalplaner"}


def pdf_pages(path):
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


def test_shipped_model_is_in_the_toolbox(plugin):
    found = registered(MODEL_ID)
    assert found is not None
    assert found.provider().id() == "jordressource"
    assert found.group()
    assert "match_reuse" in found.shortHelpString()
    steps = [child.algorithmId() for child in sorted(found.childAlgorithms().values(),
                                                      key=lambda child: child.position().x())]
    assert steps == ["jordressource:classify_area_types", "jordressource:match_reuse",
                     "jordressource:soil_balance", "jordressource:export_plan_map"]


def test_every_wired_parameter_exists_on_its_algorithm(model):
    for child in model.childAlgorithms().values():
        algorithm = registered(child.algorithmId())
        for name in child.parameterSources():
            assert algorithm.parameterDefinition(name) is not None, f"{child.childId()}: {name}"
        for output in child.modelOutputs().values():
            assert algorithm.outputDefinition(output.childOutputName()) is not None


def test_model_runs_end_to_end_on_the_sample(model, run_algorithm, tmp_path):
    from qgis.core import QgsVectorLayer

    parameters = sample_inputs()
    parameters.update({"map:plan_map": str(tmp_path / "plans.pdf"),
                       "balance:report": str(tmp_path / "balance.html"),
                       "balance:balance": "TEMPORARY_OUTPUT", "match:matches": "TEMPORARY_OUTPUT",
                       "match:sources": "TEMPORARY_OUTPUT", "match:receivers": "TEMPORARY_OUTPUT"})
    result = run_algorithm("local_plan_screening", parameters)
    assert pdf_pages(tmp_path / "plans.pdf") == len(PLANS)
    assert (tmp_path / "balance.html").stat().st_size > 0
    # processing.run hands a temporary output back as the layer itself.
    layer = result["balance:balance"]
    assert isinstance(layer, QgsVectorLayer)
    assert layer.featureCount() >= len(PLANS)


@pytest.mark.qgis_process
def test_model_runs_in_qgis_process(qgis_process, tmp_path):
    # The packaged plugin lists the model and every algorithm it runs.
    listed = set(qgis_process.algorithms())
    needed = {"jordressource:classify_area_types", "jordressource:match_reuse",
              "jordressource:soil_balance", "jordressource:export_plan_map", MODEL_ID}
    assert needed <= listed, f"not in the package: {', '.join(sorted(needed - listed))}"
    parameters = sample_inputs()
    # qgis_process 3.22 fills no default for a model's outputs: each one is named.
    parameters.update({"map:plan_map": str(tmp_path / "plans.pdf"),
                       "balance:report": str(tmp_path / "balance.html"),
                       "balance:balance": str(tmp_path / "balance.gpkg"),
                       "match:matches": str(tmp_path / "matches.gpkg"),
                       "match:sources": "TEMPORARY_OUTPUT", "match:receivers": "TEMPORARY_OUTPUT"})
    result = qgis_process.run(MODEL_ID, parameters)
    assert Path(result["results"]["map:plan_map"]) == tmp_path / "plans.pdf"
    assert pdf_pages(tmp_path / "plans.pdf") == len(PLANS)
    assert (tmp_path / "matches.gpkg").exists() and (tmp_path / "balance.html").exists()


def test_batch_example_rows_name_the_model_inputs_and_outputs(plugin):
    rows = json.loads((ROOT / "processing" / "batch_local_plan_screening.json").read_text("utf-8"))
    found = registered(MODEL_ID)
    inputs = {definition.name() for definition in found.parameterDefinitions()
              if not definition.isDestination()}
    assert len(rows) >= 2
    plans = set()
    for row in rows:
        assert set(row["PARAMETERS"]) <= inputs
        # The batch dialog evaluates each value as a Python literal.
        values = {name: ast.literal_eval(value) for name, value in row["PARAMETERS"].items()}
        plans.add(values["local_plans"])
        assert all(re.fullmatch(r"\w+:\w+", name) for name in row["OUTPUTS"])
    assert len(plans) == len(rows)  # one local plan per row


RESOURCE_MODEL_ID = "jordressource:resource_site_screening"


def resource_site_inputs(tmp_path, temporary="TEMPORARY_OUTPUT"):
    def layer(name):
        return f"{SAMPLE}|layername={name}"

    return {"excavations": layer("excavations"), "receivers": layer("receivers"),
            "storage_sites": layer("storage_sites"), "area_types": layer("area_types"),
            "contaminated_sites": layer("contaminated_sites"),
            "disposal_sites": layer("disposal_sites"),
            "schedule:report": str(tmp_path / "schedule.html"),
            "schedule:flows": temporary, "schedule:stock": temporary,
            "schedule:sites": temporary}


def test_resource_site_model_classifies_then_schedules_with_storage(plugin, run_algorithm,
                                                                     tmp_path):
    found = registered(RESOURCE_MODEL_ID)
    assert found is not None, "the provider did not load resource_site_screening.model3"
    steps = [child.algorithmId() for child in sorted(found.childAlgorithms().values(),
                                                      key=lambda child: child.position().x())]
    assert steps == ["jordressource:classify_area_types", "jordressource:schedule_reuse"]
    for child in found.childAlgorithms().values():
        algorithm = registered(child.algorithmId())
        for name in child.parameterSources():
            assert algorithm.parameterDefinition(name) is not None, f"{child.childId()}: {name}"
    result = run_algorithm("resource_site_screening", resource_site_inputs(tmp_path))
    report = (tmp_path / "schedule.html").read_text(encoding="utf-8")
    assert "<svg" in report
    sites = result["schedule:sites"]
    assert sites.featureCount() == 2
    assert sum(f["throughput_t"] for f in sites.getFeatures()) > 0


@pytest.mark.qgis_process
def test_resource_site_model_runs_in_qgis_process(qgis_process, tmp_path):
    parameters = resource_site_inputs(tmp_path, temporary=None)
    for name in ("flows", "stock", "sites"):
        parameters[f"schedule:{name}"] = str(tmp_path / f"{name}.gpkg")
    result = qgis_process.run(RESOURCE_MODEL_ID, parameters)
    assert Path(result["results"]["schedule:report"]) == tmp_path / "schedule.html"
    assert (tmp_path / "flows.gpkg").exists() and (tmp_path / "sites.gpkg").exists()
