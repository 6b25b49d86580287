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


SITE_EVALUATION_ID = "jordressource:site_evaluation"
CRS = "EPSG:25832"
HOLBAEK = (680000, 6170000)  # layers in EPSG:25832 must lie where that CRS is used
# Two excavations dig 1000 m³ each January–March 2027; the one receiver opens in May, so without
# storage all of it goes to disposal. Of three candidates K1, between the excavations, brings
# the soil the fewest tonne-km (5 + 3 km against 3 + 8.5 km for K2 and 3 + 11 km for K3), and
# with its 500 m³ of room some of the soil waits there for the receiver.
EVALUATION = {
    "excavations": ("Point", [("id", "string"), ("volume_m3", "double"),
                              ("soil_class", "integer"), ("start_date", "date"),
                              ("end_date", "date")], [
        ("POINT(0 0)", ["E1", 1000.0, 1, "2027-01-01", "2027-03-31"]),
        ("POINT(8000 0)", ["E2", 1000.0, 1, "2027-01-01", "2027-03-31"])]),
    "receivers": ("Point", [("id", "string"), ("kind", "string"), ("capacity_m3", "double"),
                            ("max_soil_class", "integer"), ("start_date", "date"),
                            ("end_date", "date")], [
        ("POINT(10000 2000)", ["R1", "utilisation", 2000.0, 2, "2027-05-01", "2027-05-31"])]),
    # Own field names, mapped through the model's field inputs.
    "candidates": ("Point", [("candidate_id", "string"), ("name", "string"),
                             ("room_m3", "double"), ("highest_class", "integer")], [
        ("POINT(5000 0)", ["K1", "Between the excavations", 500.0, 3]),
        ("POINT(0 3000)", ["K2", "North of E1", 5000.0, 3]),
        ("POINT(-3000 0)", ["K3", "West of E1", 5000.0, 3])]),
}
EVALUATION_RELEASED_T = 2000 * 1.8


def evaluation_layers(make_layer):
    from shapely import wkt as shapely_wkt
    from shapely.affinity import translate

    return {name: make_layer(geometry_type, CRS, fields, [
        (translate(shapely_wkt.loads(wkt), *HOLBAEK).wkt, values) for wkt, values in features])
        for name, (geometry_type, fields, features) in EVALUATION.items()}


def test_site_evaluation_schedules_with_the_chosen_sites_as_storage(plugin, run_algorithm,
                                                                    make_layer, tmp_path):
    found = registered(SITE_EVALUATION_ID)
    assert found is not None, "the provider did not load site_evaluation.model3"
    steps = [child.algorithmId() for child in sorted(found.childAlgorithms().values(),
                                                      key=lambda child: child.position().x())]
    assert steps == ["jordressource:suggest_resource_sites", "jordressource:schedule_reuse"]
    for child in found.childAlgorithms().values():
        algorithm = registered(child.algorithmId())
        for name in child.parameterSources():
            assert algorithm.parameterDefinition(name) is not None, f"{child.childId()}: {name}"
        for output in child.modelOutputs().values():
            assert algorithm.outputDefinition(output.childOutputName()) is not None
    layers = evaluation_layers(make_layer)
    result = run_algorithm("site_evaluation", {
        **layers, "candidate_id_field": "candidate_id", "storage_capacity_field": "room_m3",
        "storage_max_class_field": "highest_class", "site_count": 1,
        "siting:sites": "memory:", "siting:assignments": "memory:",
        "schedule:flows": "memory:", "schedule:stock": "memory:", "schedule:sites": "memory:",
        "schedule:report": str(tmp_path / "evaluation.html")})

    chosen = [f["candidate_id"] for f in result["siting:sites"].getFeatures()]
    assert chosen == ["K1"]
    assert {f["site_id"] for f in result["siting:assignments"].getFeatures()} == {"K1"}
    # The chosen site, with the candidate's own fields, is the schedule's one storage site.
    stored = list(result["schedule:sites"].getFeatures())
    assert [(f["candidate_id"], f["name"]) for f in stored] == [("K1", "Between the excavations")]
    assert stored[0]["throughput_t"] > 0
    assert stored[0]["peak_stock_t"] == pytest.approx(500 * 1.8)  # its room, filled
    assert {f["site_id"] for f in result["schedule:stock"].getFeatures()} == {"K1"}
    flows = list(result["schedule:flows"].getFeatures())
    into = sum(f["tonnes"] for f in flows if f["leg"] == "to_storage")
    out = sum(f["tonnes"] for f in flows if f["leg"] == "from_storage")
    assert into == pytest.approx(out) and into > 0
    assert {f["to_id"] for f in flows if f["leg"] == "to_storage"} == {"K1"}
    # Mass conserved: every tonne released is delivered or disposed of.
    released = sum(f["tonnes"] for f in flows if f["from_id"] in ("E1", "E2"))
    delivered = sum(f["tonnes"] for f in flows if f["to_id"] == "R1")
    disposed = sum(f["tonnes"] for f in flows if f["leg"] == "disposal")
    assert released == pytest.approx(EVALUATION_RELEASED_T)
    assert delivered + disposed == pytest.approx(EVALUATION_RELEASED_T)
    assert delivered == pytest.approx(out)  # the receiver opens after the digging: all stored
    report = (tmp_path / "evaluation.html").read_text(encoding="utf-8")
    assert "<svg" in report and "K1" in report

    # The same as schedule_reuse run by hand with K1 alone as storage.
    candidates = layers["candidates"]
    candidates.setSubsetString("\"candidate_id\" = 'K1'")
    by_hand = run_algorithm("schedule_reuse", {
        "SOURCES": layers["excavations"], "RECEIVERS": layers["receivers"],
        "STORAGE": candidates, "STORAGE_ID_FIELD": "candidate_id",
        "STORAGE_CAPACITY_FIELD": "room_m3", "STORAGE_MAX_CLASS_FIELD": "highest_class",
        "OUTPUT_FLOWS": "memory:", "OUTPUT_STOCK": "memory:", "OUTPUT_SITES": "memory:",
        "OUTPUT_HTML": str(tmp_path / "by_hand.html")})
    assert sum(f["cost_dkk"] for f in flows) == pytest.approx(by_hand["COST_DKK"])
    numbers = result["CHILD_RESULTS"]["schedule"]
    for name in ("COST_DKK", "REUSED_M3", "NO_STORAGE_COST_DKK", "NO_STORAGE_REUSED_M3"):
        assert numbers[name] == pytest.approx(by_hand[name]), name
    # The new site's value over time: soil reused that without it would all go to disposal.
    assert numbers["REUSED_M3"] == pytest.approx(500) and numbers["NO_STORAGE_REUSED_M3"] == 0
    assert numbers["COST_DKK"] < numbers["NO_STORAGE_COST_DKK"]


def test_site_evaluation_names_a_storage_field_the_candidates_lack(plugin, run_algorithm,
                                                                  make_layer, tmp_path,
                                                                  recording_feedback):
    from qgis.core import QgsProcessingException

    layers = evaluation_layers(make_layer)
    with pytest.raises(QgsProcessingException) as raised:
        run_algorithm("site_evaluation", {
            **layers, "candidate_id_field": "candidate_id", "site_count": 1,
            "storage_max_class_field": "highest_class",
            "siting:sites": "memory:", "siting:assignments": "memory:",
            "schedule:flows": "memory:", "schedule:stock": "memory:",
            "schedule:sites": "memory:", "schedule:report": str(tmp_path / "evaluation.html")},
            recording_feedback)
    # QGIS 3.22 logs the step's message; 3.40 and later put it in the model's exception.
    told = recording_feedback.log + "\n" + str(raised.value)
    assert "no field named 'storage_capacity_m3'" in told
    assert not (tmp_path / "evaluation.html").exists()


@pytest.mark.qgis_process
def test_site_evaluation_runs_in_qgis_process(qgis_process, tmp_path):
    def layer(name):
        return f"{SAMPLE}|layername={name}"

    # The sample's storage sites as candidates, every field at its default name.
    parameters = {"excavations": layer("excavations"), "receivers": layer("receivers"),
                  "candidates": layer("storage_sites"), "site_count": 1,
                  "area_types": layer("area_types"),
                  "disposal_sites": layer("disposal_sites"),
                  "schedule:report": str(tmp_path / "evaluation.html")}
    for name in ("siting:sites", "siting:assignments", "schedule:flows", "schedule:stock",
                 "schedule:sites"):
        parameters[name] = str(tmp_path / f"{name.replace(':', '_')}.gpkg")
    result = qgis_process.run(SITE_EVALUATION_ID, parameters)
    assert Path(result["results"]["schedule:report"]) == tmp_path / "evaluation.html"
    import geopandas as gpd

    chosen = gpd.read_file(tmp_path / "siting_sites.gpkg")
    used = gpd.read_file(tmp_path / "schedule_sites.gpkg")
    assert len(chosen) == 1
    assert used["id"].tolist() == chosen["id"].tolist()
