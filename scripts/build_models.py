"""Build the shipped Processing models and the batch example:
`.venv/bin/python scripts/build_models.py`.

Writes, through QGIS's model API (so each file is exactly what the graphical modeler would save):
processing/local_plan_screening.model3 (classify area types -> match reuse -> soil balance ->
plan map), processing/resource_site_screening.model3 (classify area types -> schedule reuse with
storage, with its report), processing/candidate_screen.model3 (industrial and port areas less
the exclusions -> candidate points for suggest_resource_sites),
processing/site_evaluation.model3 (suggest resource sites -> schedule reuse with the chosen sites
as storage, with its report), and
processing/batch_local_plan_screening.json: one batch row per local plan of the sample project,
for the batch dialog (paths relative to the plugin folder; see README "Models and batch").
"""
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from jordressource_plugin.core.reuse.costs import MAX_HAUL_KM

PROCESSING = ROOT / "processing"
SAMPLE = ROOT / "jordressource_plugin" / "sample" / "holbaek_sample.gpkg"
MODEL_NAME = "local_plan_screening"

# (model parameter, kind, description, optional, extra), in the dialog's order: layers first,
# each field after its layer. Descriptions are English, the source language, as in the code;
# the provider shows them in the user's language (jordressource_plugin/provider.py,
# MODEL_WORDS, where every word here must be listed). Field inputs with a default are optional:
# QGIS 3.22's qgis_process refuses a mandatory field left out even when it has a default.
INPUTS = [
    ("excavations", "sites", "Planned excavations", False, {}),
    ("receivers", "sites", "Receivers (raw-material pits, resource sites, utilisation projects)",
     False, {}),
    ("area_types", "polygons", "Area types", False, {}),
    ("contaminated_sites", "polygons", "Contaminated sites (V1/V2)", True, {}),
    ("disposal_sites", "sites", "Disposal sites", True, {}),
    ("roads", "lines", "Roads", True, {}),
    ("local_plans", "polygons", "Local plans (one map page each)", False, {}),
    ("local_plan_id_field", "field", "Local plan id field", True,
     {"parent": "local_plans", "default": "id"}),
    ("local_plan_name_field", "field", "Local plan name field", True,
     {"parent": "local_plans", "default": "name"}),
    ("map_title", "string", "Map title", False, {"default": "Soil in the local plan"}),
]
GROUP, GROUP_ID = "Shipped models", "models"

HELP = (
    "<p>Classifies the planned excavations by area type, finds the optimal short-haul reuse in "
    "receivers, sums the soil balance per local plan and draws one map page per local plan in "
    "one PDF.</p><p>Steps: classify_area_types → match_reuse → soil_balance → export_plan_map. "
    "The plugin shows this model's help from help/&lt;language&gt;/local_plan_screening.html.</p>")

RESOURCE_SITE_MODEL = "resource_site_screening"
RESOURCE_SITE_INPUTS = [
    ("excavations", "sites", "Planned excavations with dates", False, {}),
    ("receivers", "sites", "Receivers with their open periods", False, {}),
    ("storage_sites", "sites", "Storage sites (resource sites)", False, {}),
    ("area_types", "polygons", "Area types", False, {}),
    ("contaminated_sites", "polygons", "Contaminated sites (V1/V2)", True, {}),
    ("disposal_sites", "sites", "Disposal sites", True, {}),
    ("roads", "lines", "Roads", True, {}),
]
RESOURCE_SITE_HELP = (
    "<p>Classifies the planned excavations by area type and plans reuse month by month with the "
    "resource sites as storage, against the same plan without storage: how much soil goes "
    "through each site, how long it stays and what one more m³ of storage room is worth, in a "
    "report.</p><p>Steps: classify_area_types → schedule_reuse. The plugin shows this model's "
    "help from help/&lt;language&gt;/resource_site_screening.html.</p>")


# The candidate screen: where may a resource site go? (inputs as INPUTS above)
SCREEN_NAME = "candidate_screen"
SCREEN_INPUTS = [
    ("area_types", "polygons", "Area types", False, {}),
    ("area_type_field", "field", "Area type field", True,
     {"parent": "area_types", "default": "area_type"}),
    ("contaminated_sites", "polygons", "Contaminated sites (V1/V2)", True, {}),
    ("drinking_water_areas", "polygons", "Drinking-water areas", True, {}),
    ("housing", "polygons", "Housing", True, {}),
    ("own_points", "points", "Own candidate points", True, {}),
    ("housing_buffer_m", "number", "Distance kept from housing (m)", True, {"default": 500.0}),
    ("grid_spacing_m", "number", "Grid spacing of candidate points (m)", True,
     {"default": 500.0}),
    ("crs", "crs", "Metric CRS for distances and areas", True, {"default": "EPSG:25832"}),
]
SCREEN_HELP = (
    "<p>Keeps the industrial and port areas, cuts out contaminated sites, drinking-water areas "
    "and a distance around housing, and places candidate points on what is left: a grid, and "
    "your own points where they fall inside. Feed the result to suggest_resource_sites.</p>")

# Site evaluation: the sites suggest_resource_sites chooses, valued over time by schedule_reuse
# (issue 14). The candidates carry the storage room and highest class that schedule_reuse reads
# of the chosen sites, which keep every candidate field.
SITE_EVALUATION_MODEL = "site_evaluation"
SITE_EVALUATION_INPUTS = [
    ("excavations", "sites", "Planned excavations with dates", False, {}),
    ("receivers", "sites", "Receivers with their open periods", False, {}),
    ("candidates", "sites", "Candidate sites", False, {}),
    ("candidate_id_field", "field", "Candidate id field", True,
     {"parent": "candidates", "default": "id"}),
    ("storage_capacity_field", "field",
     "Storage capacity field of the candidates (m³ on hand at most)", True,
     {"parent": "candidates", "default": "storage_capacity_m3"}),
    ("storage_max_class_field", "field", "Highest soil class stored field of the candidates",
     True, {"parent": "candidates", "default": "max_soil_class"}),
    ("capacity_field", "field", "Total capacity field of the candidates (m³ in all, optional)",
     True, {"parent": "candidates", "default": None}),
    ("existing_field", "field", "Existing-site field of the candidates (yes/no, optional)", True,
     {"parent": "candidates", "default": None}),
    ("opening_cost_field", "field", "Opening cost field of the candidates (DKK, optional)", True,
     {"parent": "candidates", "default": None}),
    ("site_count", "number", "Number of sites", True,
     {"default": 3, "integer": True, "minimum": 1}),
    ("area_types", "polygons", "Area types", True, {}),
    ("contaminated_sites", "polygons", "Contaminated sites (V1/V2)", True, {}),
    ("disposal_sites", "sites", "Disposal sites", True, {}),
    ("roads", "lines", "Roads", True, {}),
    ("max_haul_km", "number", "Maximum haul (km)", True,
     {"default": MAX_HAUL_KM, "decimals": 1}),
]
SITE_EVALUATION_HELP = (
    "<p>Chooses the resource sites among the candidates that bring the excavations' soil the "
    "fewest tonne-km, then plans reuse month by month with the chosen sites as storage, "
    "against the same plan without storage: what the new sites are worth over time, in a "
    "report.</p><p>Steps: suggest_resource_sites → schedule_reuse. The plugin shows this "
    "model's help from help/&lt;language&gt;/site_evaluation.html.</p>")

def _input_definition(name, kind, description, optional, extra):
    from qgis.core import (
        QgsProcessing,
        QgsProcessingParameterCrs,
        QgsProcessingParameterFeatureSource,
        QgsProcessingParameterField,
        QgsProcessingParameterNumber,
        QgsProcessingParameterString,
    )

    if kind == "field":
        return QgsProcessingParameterField(name, description, extra["default"], extra["parent"],
                                           optional=optional)
    if kind == "number":
        if extra.get("integer"):
            return QgsProcessingParameterNumber(name, description,
                                                QgsProcessingParameterNumber.Type.Integer,
                                                extra["default"], optional, extra["minimum"])
        number = QgsProcessingParameterNumber(name, description,
                                              QgsProcessingParameterNumber.Type.Double,
                                              extra["default"], optional, 0.0)
        # Whole metres unless said otherwise.
        number.setMetadata({"widget_wrapper": {"decimals": extra.get("decimals", 0)}})
        return number
    if kind == "crs":
        return QgsProcessingParameterCrs(name, description, extra["default"], optional)
    if kind == "string":
        return QgsProcessingParameterString(name, description, extra["default"], optional=optional)
    source = QgsProcessing.SourceType
    types = {"sites": [source.TypeVectorPoint, source.TypeVectorPolygon],
             "polygons": [source.TypeVectorPolygon], "points": [source.TypeVectorPoint],
             "lines": [source.TypeVectorLine]}[kind]
    return QgsProcessingParameterFeatureSource(name, description, types, optional=optional)


def _new_model(name, inputs, help_text):
    from qgis.core import QgsProcessingModelAlgorithm, QgsProcessingModelParameter
    from qgis.PyQt.QtCore import QPointF

    model = QgsProcessingModelAlgorithm(name, GROUP, GROUP_ID)
    model.setHelpContent({"ALG_DESC": help_text, "ALG_CREATOR": "Jordressource",
                          "ALG_HELP_CREATOR": "Jordressource"})
    for row, (input_name, kind, description, optional, extra) in enumerate(inputs):
        component = QgsProcessingModelParameter(input_name)
        component.setPosition(QPointF(120 + 230 * (row % 5), 60 + 90 * (row // 5)))
        model.addModelParameter(_input_definition(input_name, kind, description, optional, extra),
                                component)
    return model


def _child_adder(model):
    """``add_child(child_id, algorithm, description, position, sources, outputs)`` for ``model``,
    with ``param`` and ``child_output`` to name the sources."""
    from qgis.core import (
        QgsProcessingModelChildAlgorithm,
        QgsProcessingModelChildParameterSource,
        QgsProcessingModelOutput,
    )
    from qgis.PyQt.QtCore import QPointF

    def param(name):
        return [QgsProcessingModelChildParameterSource.fromModelParameter(name)]

    def child_output(child_id, output):
        return QgsProcessingModelChildParameterSource.fromChildOutput(child_id, output)

    def add_child(child_id, algorithm, description, position, sources, outputs=()):
        # Bare names are this plugin's algorithms; QGIS's own come as "native:…".
        child = QgsProcessingModelChildAlgorithm(
            algorithm if ":" in algorithm else f"jordressource:{algorithm}")
        child.setChildId(child_id)
        child.setDescription(description)
        child.setPosition(QPointF(*position))
        for parameter, value in sources.items():
            child.addParameterSources(parameter, value)
        model_outputs = {}
        for output, name, label in outputs:
            model_output = QgsProcessingModelOutput(name, label)
            model_output.setChildId(child_id)
            model_output.setChildOutputName(output)
            model_output.setPosition(QPointF(position[0] + 200,
                                             position[1] + 60 * len(model_outputs)))
            model_outputs[name] = model_output
        child.setModelOutputs(model_outputs)
        model.addChildAlgorithm(child)

    return add_child, param, child_output


def _param_or_default(inputs):
    """``param_or_default(name)``: the model input ``name`` of ``inputs``, or its default when a
    script leaves it out (QGIS 3.22 passes an optional input's absence on, not its default)."""
    from qgis.core import QgsProcessingModelChildParameterSource

    def param_or_default(name):
        default = next(extra["default"] for n, _, _, _, extra in inputs if n == name)
        default = f"'{default}'" if isinstance(default, str) else repr(default)
        return [QgsProcessingModelChildParameterSource.fromExpression(
            f"coalesce(@{name}, {default})")]

    return param_or_default


def build_model():
    model = _new_model(MODEL_NAME, INPUTS, HELP)
    add_child, param, child_output = _child_adder(model)
    add_child("classify", "classify_area_types", "Classify excavations by area type",
              (200, 320), {"INPUT": param("excavations"), "AREA_TYPES": param("area_types"),
                           "CONTAMINATION": param("contaminated_sites")})
    add_child("match", "match_reuse", "Find short-haul reuse matches", (450, 420), {
        "SOURCES": [child_output("classify", "OUTPUT")], "RECEIVERS": param("receivers"),
        "DISPOSAL": param("disposal_sites"), "AREA_TYPES": param("area_types"),
        "CONTAMINATION": param("contaminated_sites"), "ROADS": param("roads")},
        [("OUTPUT_MATCHES", "matches", "Reuse matches"),
         ("OUTPUT_SOURCES", "sources", "Excavations with reuse"),
         ("OUTPUT_RECEIVERS", "receivers", "Receivers with reuse")])
    add_child("balance", "soil_balance", "Soil balance per local plan", (700, 520), {
        "AREAS": param("local_plans"), "AREA_ID_FIELD": param("local_plan_id_field"),
        "SOURCES": [child_output("match", "OUTPUT_SOURCES")], "RECEIVERS": param("receivers")},
        [("OUTPUT", "balance", "Soil balance per local plan"),
         ("OUTPUT_HTML", "report", "Soil balance report")])
    add_child("map", "export_plan_map", "Map per local plan", (950, 620), {
        "LAYERS": [child_output("match", "OUTPUT_MATCHES"),
                   child_output("match", "OUTPUT_SOURCES"),
                   child_output("match", "OUTPUT_RECEIVERS"),
                   child_output("balance", "OUTPUT")] + param("area_types"),
        "COVERAGE": param("local_plans"), "COVERAGE_NAME_FIELD": param("local_plan_name_field"),
        "TITLE": param("map_title")},
        [("OUTPUT", "plan_map", "Map per local plan (PDF)")])
    model.setParameterOrder([name for name, *_ in INPUTS])
    return model


def build_resource_site_model():
    model = _new_model(RESOURCE_SITE_MODEL, RESOURCE_SITE_INPUTS, RESOURCE_SITE_HELP)
    add_child, param, child_output = _child_adder(model)
    add_child("classify", "classify_area_types", "Classify excavations by area type",
              (200, 320), {"INPUT": param("excavations"), "AREA_TYPES": param("area_types"),
                           "CONTAMINATION": param("contaminated_sites")})
    add_child("schedule", "schedule_reuse", "Plan reuse over time with storage", (450, 420), {
        "SOURCES": [child_output("classify", "OUTPUT")], "RECEIVERS": param("receivers"),
        "STORAGE": param("storage_sites"), "DISPOSAL": param("disposal_sites"),
        "AREA_TYPES": param("area_types"), "CONTAMINATION": param("contaminated_sites"),
        "ROADS": param("roads")},
        [("OUTPUT_FLOWS", "flows", "Soil flows by month"),
         ("OUTPUT_STOCK", "stock", "Stock by storage site and month"),
         ("OUTPUT_SITES", "sites", "Storage sites with use"),
         ("OUTPUT_HTML", "report", "Schedule report")])
    model.setParameterOrder([name for name, *_ in RESOURCE_SITE_INPUTS])
    return model



def build_screen():
    """classify_area_types (the area types' own rule for industrial and port areas) → keep
    industrial → cut out the exclusions (merged, with an empty layer so that every exclusion
    may be left out) → grid points and own points inside → ids."""
    from qgis.core import QgsProcessingModelChildParameterSource

    model = _new_model(SCREEN_NAME, SCREEN_INPUTS, SCREEN_HELP)
    add_child, param, child_output = _child_adder(model)

    def out(child_id):
        return [child_output(child_id, "OUTPUT")]

    def value(v):
        return [QgsProcessingModelChildParameterSource.fromStaticValue(v)]

    param_or_default = _param_or_default(SCREEN_INPUTS)

    steps = [
        ("area", "native:reprojectlayer", "Area types in the metric CRS",
         {"INPUT": param("area_types"), "TARGET_CRS": param_or_default("crs")}),
        ("classify", "classify_area_types", "Area type of each area",
         {"INPUT": out("area"), "AREA_TYPES": out("area"),
          "AREA_TYPE_FIELD": param("area_type_field")}),
        ("industrial", "native:extractbyattribute", "Industrial and port areas",
         {"INPUT": out("classify"), "FIELD": value("area_type"), "OPERATOR": value(0),
          "VALUE": value("industrial")}),
        ("nothing", "native:extractbyexpression", "An empty layer to merge with",
         {"INPUT": out("area"), "EXPRESSION": value("false")}),
        ("housing_all", "native:mergevectorlayers", "Housing in the metric CRS",
         {"LAYERS": out("nothing") + param("housing"), "CRS": param_or_default("crs")}),
        ("housing_zone", "native:buffer", "Distance kept from housing",
         {"INPUT": out("housing_all"), "DISTANCE": param_or_default("housing_buffer_m"),
          "SEGMENTS": value(8), "DISSOLVE": value(False)}),
        ("excluded", "native:mergevectorlayers", "Everything excluded",
         {"LAYERS": out("housing_zone") + param("contaminated_sites")
          + param("drinking_water_areas"), "CRS": param_or_default("crs")}),
        ("allowed", "native:difference", "Industrial and port areas without the exclusions",
         {"INPUT": out("industrial"), "OVERLAY": out("excluded")}),
        ("grid", "native:creategrid", "Grid of points",
         {"TYPE": value(0), "EXTENT": out("allowed"),
          "HSPACING": param_or_default("grid_spacing_m"),
          "VSPACING": param_or_default("grid_spacing_m"), "CRS": param_or_default("crs")}),
        ("no_points", "native:extractbyexpression", "An empty point layer to merge with",
         {"INPUT": out("grid"), "EXPRESSION": value("false")}),
        ("points", "native:mergevectorlayers", "Grid and own points",
         {"LAYERS": out("grid") + out("no_points") + param("own_points"),
          "CRS": param_or_default("crs")}),
        ("inside", "native:extractbylocation", "Points inside the allowed areas",
         {"INPUT": out("points"), "PREDICATE": value([0]), "INTERSECT": out("allowed")}),
        ("ids", "native:fieldcalculator", "Candidate ids",
         {"INPUT": out("inside"), "FIELD_NAME": value("candidate_id"),
          "FIELD_TYPE": value(2), "FIELD_LENGTH": value(20), "FIELD_PRECISION": value(0),
          "FORMULA": value("'K' || lpad(to_string(@row_number + 1), 5, '0')")}),
    ]
    model_outputs = {"allowed": [("OUTPUT", "allowed_areas", "Allowed areas")],
                     "ids": [("OUTPUT", "candidates", "Candidate sites")]}
    for column, (child_id, algorithm, description, sources) in enumerate(steps):
        add_child(child_id, algorithm, description, (200 + 130 * column, 320 + 40 * column),
                  sources, model_outputs.get(child_id, ()))
    model.setParameterOrder([name for name, *_ in SCREEN_INPUTS])
    return model


def build_site_evaluation():
    """suggest_resource_sites on the candidates → schedule_reuse with the chosen sites (which
    keep every candidate field) as storage, their id, room and class read from the candidates'
    fields."""
    model = _new_model(SITE_EVALUATION_MODEL, SITE_EVALUATION_INPUTS, SITE_EVALUATION_HELP)
    add_child, param, child_output = _child_adder(model)
    param_or_default = _param_or_default(SITE_EVALUATION_INPUTS)
    add_child("siting", "suggest_resource_sites", "Choose the sites with the fewest tonne-km",
              (200, 420), {
                  "CANDIDATES": param("candidates"),
                  "CANDIDATE_ID_FIELD": param_or_default("candidate_id_field"),
                  "SOURCES": param("excavations"), "SITE_COUNT": param_or_default("site_count"),
                  "CAPACITY_FIELD": param("capacity_field"),
                  "EXISTING_FIELD": param("existing_field"),
                  "OPENING_COST_FIELD": param("opening_cost_field"),
                  "MAX_HAUL_KM": param_or_default("max_haul_km"), "ROADS": param("roads")},
              [("OUTPUT", "sites", "Suggested resource sites"),
               ("OUTPUT_ASSIGNMENTS", "assignments", "Excavations assigned to the sites")])
    add_child("schedule", "schedule_reuse", "Plan reuse over time with the chosen sites as storage",
              (500, 540), {
                  "SOURCES": param("excavations"), "RECEIVERS": param("receivers"),
                  "STORAGE": [child_output("siting", "OUTPUT")],
                  "STORAGE_ID_FIELD": param_or_default("candidate_id_field"),
                  "STORAGE_CAPACITY_FIELD": param_or_default("storage_capacity_field"),
                  "STORAGE_MAX_CLASS_FIELD": param_or_default("storage_max_class_field"),
                  "DISPOSAL": param("disposal_sites"), "AREA_TYPES": param("area_types"),
                  "CONTAMINATION": param("contaminated_sites"), "ROADS": param("roads"),
                  "MAX_HAUL_KM": param_or_default("max_haul_km")},
              [("OUTPUT_FLOWS", "flows", "Soil flows by month"),
               ("OUTPUT_STOCK", "stock", "Stock by storage site and month"),
               ("OUTPUT_SITES", "sites", "Storage sites with use"),
               ("OUTPUT_HTML", "report", "Schedule report")])
    model.setParameterOrder([name for name, *_ in SITE_EVALUATION_INPUTS])
    return model

def batch_rows(plan_ids):
    """One batch-dialog row per local plan: the plan chosen by a subset filter, its own PDF."""
    sample = "sample/holbaek_sample.gpkg"

    def layer(name, subset=None):
        uri = f"{sample}|layername={name}"
        return repr(uri + (f"|subset=\"id\" = '{subset}'" if subset else ""))

    rows = []
    for plan_id in plan_ids:
        safe = plan_id.replace(".", "_")
        rows.append({
            "PARAMETERS": {
                "excavations": layer("excavations"), "receivers": layer("receivers"),
                "area_types": layer("area_types"),
                "contaminated_sites": layer("contaminated_sites"),
                "disposal_sites": layer("disposal_sites"), "roads": "None",
                "local_plans": layer("local_plans", plan_id),
                "local_plan_name_field": repr("name"), "local_plan_id_field": repr("id"),
                "map_title": repr("Jordhåndtering i lokalplanen"),
            },
            "OUTPUTS": {
                "map:plan_map": f"screening/{safe}_map.pdf",
                "balance:report": f"screening/{safe}_balance.html",
                "balance:balance": "TEMPORARY_OUTPUT", "match:matches": "TEMPORARY_OUTPUT",
                "match:sources": "TEMPORARY_OUTPUT", "match:receivers": "TEMPORARY_OUTPUT",
            },
        })
    return rows


def sample_plan_ids(limit=3):
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(f"{SAMPLE}|layername=local_plans", "local_plans", "ogr")
    return [feature["id"] for feature in layer.getFeatures()][:limit]


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # A fixed hash seed makes Qt write the XML attributes in one order: reproducible files.
    os.environ["QT_HASH_SEED"] = "0"
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    PROCESSING.mkdir(exist_ok=True)
    model_path = PROCESSING / f"{MODEL_NAME}.model3"
    if not build_model().toFile(str(model_path)):
        print(f"build_models: could not write {model_path}", file=sys.stderr)
        return 1
    resource_path = PROCESSING / f"{RESOURCE_SITE_MODEL}.model3"
    if not build_resource_site_model().toFile(str(resource_path)):
        print(f"build_models: could not write {resource_path}", file=sys.stderr)
        return 1
    screen_path = PROCESSING / f"{SCREEN_NAME}.model3"
    if not build_screen().toFile(str(screen_path)):
        print(f"build_models: could not write {screen_path}", file=sys.stderr)
        return 1
    evaluation_path = PROCESSING / f"{SITE_EVALUATION_MODEL}.model3"
    if not build_site_evaluation().toFile(str(evaluation_path)):
        print(f"build_models: could not write {evaluation_path}", file=sys.stderr)
        return 1
    batch_path = PROCESSING / "batch_local_plan_screening.json"
    batch_path.write_text(json.dumps(batch_rows(sample_plan_ids()), indent=2, ensure_ascii=False)
                          + "\n", encoding="utf-8")
    print(f"build_models: wrote {model_path.relative_to(ROOT)}, "
          f"{resource_path.relative_to(ROOT)}, {screen_path.relative_to(ROOT)}, "
          f"{evaluation_path.relative_to(ROOT)} and {batch_path.relative_to(ROOT)}")
    app.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main())
