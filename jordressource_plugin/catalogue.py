"""Every layer and file the algorithms write: its title, its style and the fields it adds.

One source of truth for outputs: the algorithms name their outputs and build their sinks from it,
style them from it after the run, the plan map recognises, styles and names them by it, and
docs/reference.md lists it. Plain data, readable without QGIS; `layers/outputs.py` turns an entry
into QGIS fields.

Titles and field aliases are English here and translated through the Danish catalogue
(jordressource_plugin/i18n/jordressource_da.ts, context "Outputs"). Field types are the data
model's names: string, integer, double, date, boolean.
"""
from dataclasses import dataclass
from typing import Optional, Tuple


def _translatable(context: str, text: str) -> str:
    return text


# pylupdate5 collects strings from calls of this name; the catalogue stays free of Qt imports.
QT_TRANSLATE_NOOP = _translatable

VECTOR = "vector"  # features with a geometry
TABLE = "table"  # features without a geometry
RASTER = "raster"
FILE = "file"
FOLDER = "folder"


@dataclass(frozen=True)
class OutputField:
    name: str
    type: str  # string, integer, double, date, boolean
    alias: str  # English; translated in context "Outputs"


@dataclass(frozen=True)
class Output:
    """An output of an algorithm: its parameter ``name`` (e.g. ``OUTPUT_MATCHES``), what it is,
    its title, its style in styles/ (QGIS picks ``<style>_points``, ``_lines`` or ``_areas`` where
    such a variant exists for the output's geometry) and the fields it writes. ``extends`` names
    the input layer parameter whose fields come first, unchanged: the output is that layer with
    ``fields`` added (a field of the same name is replaced)."""

    algorithm: str
    name: str
    kind: str
    title: str
    style: str = ""
    fields: Tuple[OutputField, ...] = ()
    extends: str = ""

    def field_names(self):
        return [field.name for field in self.fields]


def _field(name, kind, alias):
    return OutputField(name, kind, alias)


# Fields several outputs share, with one meaning.
_SURPLUS = _field("surplus_m3", "double", QT_TRANSLATE_NOOP("Outputs", "Surplus (m³)"))
_DEMAND = _field("demand_m3", "double", QT_TRANSLATE_NOOP("Outputs", "Demand (m³)"))
_BALANCE = _field("balance_m3", "double", QT_TRANSLATE_NOOP("Outputs", "Balance (m³)"))
_SUBSTITUTE = _field("raw_material_substitute_m3", "double",
                     QT_TRANSLATE_NOOP("Outputs", "Raw-material substitute (m³)"))
_SOURCE_COUNT = _field("source_count", "integer",
                       QT_TRANSLATE_NOOP("Outputs", "Number of excavations"))
_RECEIVER_COUNT = _field("receiver_count", "integer",
                         QT_TRANSLATE_NOOP("Outputs", "Number of receivers"))
_AREA_TYPE = _field("area_type", "string", QT_TRANSLATE_NOOP("Outputs", "Area type"))
_HAUL_KM = _field("distance_km", "double", QT_TRANSLATE_NOOP("Outputs", "Haul distance (km)"))

_HAUL_FIELDS = (
    _field("source_id", "string", QT_TRANSLATE_NOOP("Outputs", "Source id")),
    _field("target_id", "string", QT_TRANSLATE_NOOP("Outputs", "Target id")),
    _HAUL_KM,
    _field("method", "string", QT_TRANSLATE_NOOP("Outputs", "Distance method")),
)

_MATCH_FIELDS = (
    _field("source_id", "string", QT_TRANSLATE_NOOP("Outputs", "Excavation id")),
    _field("receiver_id", "string", QT_TRANSLATE_NOOP("Outputs", "Receiver id")),
    _field("receiver_kind", "string", QT_TRANSLATE_NOOP("Outputs", "Receiver kind")),
    _field("volume_m3", "double", QT_TRANSLATE_NOOP("Outputs", "Volume in situ (m³)")),
    _field("tonnes", "double", QT_TRANSLATE_NOOP("Outputs", "Tonnes")),
    _HAUL_KM,
    _field("tonne_km", "double", QT_TRANSLATE_NOOP("Outputs", "Tonne-km")),
    _field("truckloads", "integer", QT_TRANSLATE_NOOP("Outputs", "Truckloads")),
    _field("co2_kg", "double", QT_TRANSLATE_NOOP("Outputs", "CO2 (kg)")),
    _field("cost_dkk", "double", QT_TRANSLATE_NOOP("Outputs", "Cost (DKK)")),
    _field("same_area_type", "boolean",
           QT_TRANSLATE_NOOP("Outputs", "Same area type")),
    _field("analysis_required", "boolean",
           QT_TRANSLATE_NOOP("Outputs", "Analysis required")),
)

OUTPUTS = (
    Output("create_project", "OUTPUT", FILE,
           QT_TRANSLATE_NOOP("Outputs", "Soil project (GeoPackage)")),
    Output("classify_area_types", "OUTPUT", VECTOR,
           QT_TRANSLATE_NOOP("Outputs", "Classified sites"), "classified_sites", (
               _AREA_TYPE,
               _field("area_share", "double",
                      QT_TRANSLATE_NOOP("Outputs", "Share in the area type")),
               _field("contamination_suspected", "boolean",
                      QT_TRANSLATE_NOOP("Outputs", "Contamination suspected")),
               _field("free_move", "boolean", QT_TRANSLATE_NOOP("Outputs", "Free movement")),
           ), extends="INPUT"),
    Output("earthwork_volumes", "OUTPUT", VECTOR,
           QT_TRANSLATE_NOOP("Outputs", "Earthwork volumes"), "earthwork", (
               _field("cut_m3", "double", QT_TRANSLATE_NOOP("Outputs", "Cut (m³)")),
               _field("fill_m3", "double", QT_TRANSLATE_NOOP("Outputs", "Fill (m³)")),
               _field("net_m3", "double", QT_TRANSLATE_NOOP("Outputs", "Net cut (m³)")),
               _field("surplus_m3", "double",
                      QT_TRANSLATE_NOOP("Outputs", "Surplus in situ (m³)")),
               _field("loose_m3", "double", QT_TRANSLATE_NOOP("Outputs", "Surplus loose (m³)")),
               _field("tonnes", "double", QT_TRANSLATE_NOOP("Outputs", "Surplus (t)")),
               _field("valid_share", "double",
                      QT_TRANSLATE_NOOP("Outputs", "Share of cells with data")),
           ), extends="INPUT"),
    Output("earthwork_volumes", "OUTPUT_DIFFERENCE", RASTER,
           QT_TRANSLATE_NOOP("Outputs", "Cut/fill depth (terrain minus planned, m)"),
           "cut_fill_depth"),
    Output("soil_management_plan", "OUTPUT", VECTOR,
           QT_TRANSLATE_NOOP("Outputs", "Project polygons with volumes and balanced levels"),
           "earthwork", (
               _field("cut_m3", "double", QT_TRANSLATE_NOOP("Outputs", "Cut (m³)")),
               _field("fill_m3", "double", QT_TRANSLATE_NOOP("Outputs", "Fill (m³)")),
               _field("net_m3", "double", QT_TRANSLATE_NOOP("Outputs", "Net cut (m³)")),
               _field("surplus_m3", "double",
                      QT_TRANSLATE_NOOP("Outputs", "Surplus in situ (m³)")),
               _field("tonnes", "double", QT_TRANSLATE_NOOP("Outputs", "Surplus (t)")),
               _field("valid_share", "double",
                      QT_TRANSLATE_NOOP("Outputs", "Share of cells with data")),
               _field("balanced_level_m", "double",
                      QT_TRANSLATE_NOOP("Outputs", "Balanced level (m)")),
               _field("balanced_shift_m", "double",
                      QT_TRANSLATE_NOOP("Outputs", "Shift of the plan to balance (m)")),
               _field("balanced_cut_m3", "double",
                      QT_TRANSLATE_NOOP("Outputs", "Cut at balance (m³)")),
               _field("balanced_fill_m3", "double",
                      QT_TRANSLATE_NOOP("Outputs", "Fill at balance (m³)")),
               _field("balance_note", "string",
                      QT_TRANSLATE_NOOP("Outputs", "Why no balanced level")),
               _AREA_TYPE,
               _field("contamination_suspected", "boolean",
                      QT_TRANSLATE_NOOP("Outputs", "Contamination suspected")),
               _field("samples", "integer", QT_TRANSLATE_NOOP("Outputs", "Soil samples")),
               _field("sampling_cost_dkk", "double",
                      QT_TRANSLATE_NOOP("Outputs", "Sampling cost (DKK)")),
           ), extends="PROJECT"),
    Output("soil_management_plan", "OUTPUT_OPTIONS", VECTOR,
           QT_TRANSLATE_NOOP("Outputs", "Options catalogue"), "plan_options", (
               _field("source_id", "string", QT_TRANSLATE_NOOP("Outputs", "Excavation id")),
               _field("receiver_id", "string", QT_TRANSLATE_NOOP("Outputs", "Receiver id")),
               _field("receiver_kind", "string", QT_TRANSLATE_NOOP("Outputs", "Receiver kind")),
               _field("rank", "integer", QT_TRANSLATE_NOOP("Outputs", "Rank")),
               _field("cost_dkk_t", "double", QT_TRANSLATE_NOOP("Outputs", "Cost (DKK/t)")),
               _HAUL_KM,
               _field("analysis_required", "boolean",
                      QT_TRANSLATE_NOOP("Outputs", "Analysis required")),
               _field("co2_kg_t", "double", QT_TRANSLATE_NOOP("Outputs", "CO2 (kg/t)")),
               _field("disposal_cost_dkk_t", "double",
                      QT_TRANSLATE_NOOP("Outputs", "Cheapest disposal (DKK/t)")),
               _field("saving_dkk_t", "double",
                      QT_TRANSLATE_NOOP("Outputs", "Saving against disposal (DKK/t)")),
               _field("capacity_m3", "double",
                      QT_TRANSLATE_NOOP("Outputs", "Receiver capacity (m³)")),
               _field("in_plan", "boolean",
                      QT_TRANSLATE_NOOP("Outputs", "Chosen by the regional plan")),
               _field("plan_tonnes", "double",
                      QT_TRANSLATE_NOOP("Outputs", "Tonnes in the regional plan")),
               _field("extra_cost_dkk_t", "double",
                      QT_TRANSLATE_NOOP("Outputs", "Extra cost against the plan (DKK/t)")),
           )),
    Output("soil_management_plan", "OUTPUT_HTML", FILE,
           QT_TRANSLATE_NOOP("Outputs", "Soil management plan (HTML)")),
    Output("soil_management_plan", "OUTPUT_PDF", FILE,
           QT_TRANSLATE_NOOP("Outputs", "Soil management plan (PDF)")),
    Output("haul_matrix", "OUTPUT", VECTOR, QT_TRANSLATE_NOOP("Outputs", "Haul distances"),
           "haul_lines", _HAUL_FIELDS),
    Output("haul_matrix", "OUTPUT_ROUTES", VECTOR,
           QT_TRANSLATE_NOOP("Outputs", "Haul routes along the roads"), "haul_routes",
           _HAUL_FIELDS),
    Output("match_reuse", "OUTPUT_MATCHES", VECTOR,
           QT_TRANSLATE_NOOP("Outputs", "Reuse matches"), "matches", _MATCH_FIELDS),
    Output("match_reuse", "OUTPUT_ROUTES", VECTOR,
           QT_TRANSLATE_NOOP("Outputs", "Reuse matches along the roads"), "match_routes",
           _MATCH_FIELDS),
    Output("match_reuse", "OUTPUT_SOURCES", VECTOR,
           QT_TRANSLATE_NOOP("Outputs", "Excavations with reuse"), "match_sources", (
               _field("reused_m3", "double", QT_TRANSLATE_NOOP("Outputs", "Reused (m³)")),
               _field("disposed_m3", "double", QT_TRANSLATE_NOOP("Outputs", "To disposal (m³)")),
               _field("mean_haul_km", "double", QT_TRANSLATE_NOOP("Outputs", "Mean haul (km)")),
               _field("disposal_id", "string",
                      QT_TRANSLATE_NOOP("Outputs", "Disposal site id")),
               _field("disposal_km", "double",
                      QT_TRANSLATE_NOOP("Outputs", "Haul to disposal (km)")),
           ), extends="SOURCES"),
    Output("match_reuse", "OUTPUT_RECEIVERS", VECTOR,
           QT_TRANSLATE_NOOP("Outputs", "Receivers with reuse"), "match_receivers", (
               _field("received_m3", "double", QT_TRANSLATE_NOOP("Outputs", "Received (m³)")),
               _field("remaining_m3", "double",
                      QT_TRANSLATE_NOOP("Outputs", "Remaining capacity (m³)")),
               _field("fill_share", "double", QT_TRANSLATE_NOOP("Outputs", "Share filled")),
           ), extends="RECEIVERS"),
    Output("schedule_reuse", "OUTPUT_FLOWS", VECTOR,
           QT_TRANSLATE_NOOP("Outputs", "Soil flows by month"), "schedule_flows", (
               _field("month", "string", QT_TRANSLATE_NOOP("Outputs", "Month")),
               _field("from_id", "string", QT_TRANSLATE_NOOP("Outputs", "From id")),
               _field("to_id", "string", QT_TRANSLATE_NOOP("Outputs", "To id")),
               _field("leg", "string", QT_TRANSLATE_NOOP("Outputs", "Leg")),
               _field("origin_id", "string",
                      QT_TRANSLATE_NOOP("Outputs", "Excavation of origin")),
               _field("tonnes", "double", QT_TRANSLATE_NOOP("Outputs", "Tonnes")),
               _field("volume_m3", "double", QT_TRANSLATE_NOOP("Outputs", "Volume in situ (m³)")),
               _HAUL_KM,
               _field("cost_dkk", "double", QT_TRANSLATE_NOOP("Outputs", "Cost (DKK)")),
           )),
    Output("schedule_reuse", "OUTPUT_STOCK", TABLE,
           QT_TRANSLATE_NOOP("Outputs", "Stock by storage site and month"), "", (
               _field("site_id", "string", QT_TRANSLATE_NOOP("Outputs", "Storage site id")),
               _field("month", "string", QT_TRANSLATE_NOOP("Outputs", "Month")),
               _field("stock_t", "double",
                      QT_TRANSLATE_NOOP("Outputs", "Stock at month end (t)")),
               _field("capacity_t", "double",
                      QT_TRANSLATE_NOOP("Outputs", "Storage capacity (t)")),
               _field("share_used", "double",
                      QT_TRANSLATE_NOOP("Outputs", "Share of capacity used")),
           )),
    Output("schedule_reuse", "OUTPUT_SITES", VECTOR,
           QT_TRANSLATE_NOOP("Outputs", "Storage sites with use"), "schedule_sites", (
               _field("peak_stock_t", "double", QT_TRANSLATE_NOOP("Outputs", "Peak stock (t)")),
               _field("throughput_t", "double", QT_TRANSLATE_NOOP("Outputs", "Throughput (t)")),
               _field("mean_dwell_months", "double",
                      QT_TRANSLATE_NOOP("Outputs", "Mean dwell (months)")),
               _field("capacity_value_dkk_m3", "double",
                      QT_TRANSLATE_NOOP("Outputs", "Value of 1 m³ more room (DKK)")),
           ), extends="STORAGE"),
    Output("schedule_reuse", "OUTPUT_HTML", FILE,
           QT_TRANSLATE_NOOP("Outputs", "Schedule report")),
    Output("soil_balance", "OUTPUT", VECTOR, QT_TRANSLATE_NOOP("Outputs", "Soil balance"),
           "soil_balance", (
               _SURPLUS, _DEMAND, _BALANCE,
               _field("self_sufficiency", "double",
                      QT_TRANSLATE_NOOP("Outputs", "Self-sufficiency")),
               _SUBSTITUTE, _SOURCE_COUNT, _RECEIVER_COUNT,
           ), extends="AREAS"),
    Output("soil_balance", "OUTPUT_TABLE", TABLE,
           QT_TRANSLATE_NOOP("Outputs", "Soil balance per year"), "", (
               _field("area_id", "string", QT_TRANSLATE_NOOP("Outputs", "Area id")),
               _field("year", "integer", QT_TRANSLATE_NOOP("Outputs", "Year")),
               _SURPLUS, _DEMAND, _BALANCE, _SUBSTITUTE,
           )),
    Output("soil_balance", "OUTPUT_HTML", FILE,
           QT_TRANSLATE_NOOP("Outputs", "Soil balance report")),
    Output("area_zones", "OUTPUT", VECTOR,
           QT_TRANSLATE_NOOP("Outputs", "Free-movement zones"), "area_zones", (
               _field("zone_id", "integer", QT_TRANSLATE_NOOP("Outputs", "Zone id")),
               _AREA_TYPE,
               _field("boundary_id", "string", QT_TRANSLATE_NOOP("Outputs", "Boundary id")),
               _field("area_km2", "double", QT_TRANSLATE_NOOP("Outputs", "Area (km²)")),
               _SURPLUS, _DEMAND, _BALANCE, _SOURCE_COUNT, _RECEIVER_COUNT,
           )),
    Output("suggest_resource_sites", "OUTPUT", VECTOR,
           QT_TRANSLATE_NOOP("Outputs", "Suggested resource sites"), "suggested_sites", (
               _field("served_m3", "double", QT_TRANSLATE_NOOP("Outputs", "Served (m³)")),
               _field("mean_haul_km", "double", QT_TRANSLATE_NOOP("Outputs", "Mean haul (km)")),
               _field("rank", "integer", QT_TRANSLATE_NOOP("Outputs", "Rank")),
               _SOURCE_COUNT,
               _field("existing", "boolean", QT_TRANSLATE_NOOP("Outputs", "Existing site")),
           ), extends="CANDIDATES"),
    Output("suggest_resource_sites", "OUTPUT_ASSIGNMENTS", VECTOR,
           QT_TRANSLATE_NOOP("Outputs", "Excavations assigned to the sites"), "site_assignments",
           (
               _field("source_id", "string", QT_TRANSLATE_NOOP("Outputs", "Excavation id")),
               _field("site_id", "string", QT_TRANSLATE_NOOP("Outputs", "Site id")),
               _field("volume_m3", "double", QT_TRANSLATE_NOOP("Outputs", "Volume in situ (m³)")),
               _field("tonnes", "double", QT_TRANSLATE_NOOP("Outputs", "Tonnes")),
               _HAUL_KM,
               _field("tonne_km", "double", QT_TRANSLATE_NOOP("Outputs", "Tonne-km")),
               _field("share", "double",
                      QT_TRANSLATE_NOOP("Outputs", "Share of the excavation")),
           )),
    Output("suggest_resource_sites", "OUTPUT_SWEEP", TABLE,
           QT_TRANSLATE_NOOP("Outputs", "Haul by number of sites"), "", (
               _field("site_count", "integer", QT_TRANSLATE_NOOP("Outputs", "Number of sites")),
               _field("tonne_km", "double", QT_TRANSLATE_NOOP("Outputs", "Tonne-km")),
               _field("gap", "double", QT_TRANSLATE_NOOP("Outputs", "Optimality gap")),
               _field("opening_cost_dkk", "double",
                      QT_TRANSLATE_NOOP("Outputs", "Opening costs (DKK)")),
               _field("sites_opened", "integer", QT_TRANSLATE_NOOP("Outputs", "Sites open")),
               _field("status", "string", QT_TRANSLATE_NOOP("Outputs", "Status")),
               _field("site_ids", "string", QT_TRANSLATE_NOOP("Outputs", "Site ids")),
           )),
    Output("check_movements", "OUTPUT", VECTOR,
           QT_TRANSLATE_NOOP("Outputs", "Checked movements"), "movement_checks", (
               _field("ok", "boolean", QT_TRANSLATE_NOOP("Outputs", "No flag")),
               _field("flags", "string", QT_TRANSLATE_NOOP("Outputs", "Flags")),
               _field("risk", "double", QT_TRANSLATE_NOOP("Outputs", "Risk (0–100)")),
               _HAUL_KM,
           ), extends="MOVEMENTS"),
    Output("check_movements", "OUTPUT_SUMMARY", VECTOR,
           QT_TRANSLATE_NOOP("Outputs", "Movements per excavation, receiver and vehicle"),
           "movement_actors", (
               _field("role", "string", QT_TRANSLATE_NOOP("Outputs", "Role")),
               _field("id", "string", QT_TRANSLATE_NOOP("Outputs", "Id")),
               _field("known", "boolean", QT_TRANSLATE_NOOP("Outputs", "In the register")),
               _field("kind", "string", QT_TRANSLATE_NOOP("Outputs", "Receiver kind")),
               _field("movements", "integer", QT_TRANSLATE_NOOP("Outputs", "Movements")),
               _field("moved_t", "double", QT_TRANSLATE_NOOP("Outputs", "Moved (t)")),
               _field("registered_t", "double", QT_TRANSLATE_NOOP("Outputs", "Registered (t)")),
               _field("balance_t", "double",
                      QT_TRANSLATE_NOOP("Outputs", "Registered less moved (t)")),
               _field("received_t", "double", QT_TRANSLATE_NOOP("Outputs", "Received (t)")),
               _field("sent_t", "double", QT_TRANSLATE_NOOP("Outputs", "Sent (t)")),
               _field("stock_t", "double", QT_TRANSLATE_NOOP("Outputs", "Theoretical stock (t)")),
               _field("flagged", "integer",
                      QT_TRANSLATE_NOOP("Outputs", "Movements with a flag")),
               _field("flag_counts", "string", QT_TRANSLATE_NOOP("Outputs", "Flags (count)")),
               _field("risk", "double", QT_TRANSLATE_NOOP("Outputs", "Risk (0–100)")),
           )),
    Output("check_movements", "OUTPUT_HTML", FILE,
           QT_TRANSLATE_NOOP("Outputs", "Inspection report")),
    Output("export_plan_map", "OUTPUT", FILE, QT_TRANSLATE_NOOP("Outputs", "Plan map (PDF)")),
    Output("export_plan_map", "OUTPUT_PNG_FOLDER", FOLDER,
           QT_TRANSLATE_NOOP("Outputs", "Folder for PNG images of the pages")),
)

_BY_KEY = {(output.algorithm, output.name): output for output in OUTPUTS}

# Decimal places a planner reads a number field with, by its unit (the name's ending): whole
# cubic metres, tonnes, kilograms and kroner, kilometres to 10 m, shares to a per cent. The
# stored value keeps its full precision: outputs feed other algorithms (the volumes of
# match_reuse's excavations feed soil_balance) and a rounded row would no longer add up to its
# site's supply. The precision is how the attribute table and the identify panel show it.
_DISPLAY_DECIMALS = (
    ("tonne_km", 0), ("_km2", 2), ("_km", 2), ("_m3", 0), ("tonnes", 0), ("_kg", 0),
    ("_dkk", 0), ("share", 2), ("self_sufficiency", 2),
)


def display_decimals(field_name: str) -> Optional[int]:
    """Decimal places output field ``field_name`` is shown with, or None for as stored."""
    for ending, decimals in _DISPLAY_DECIMALS:
        if field_name.endswith(ending):
            return decimals
    return None


def output(algorithm_id: str, name: str) -> Output:
    """The entry of output ``name`` of algorithm ``algorithm_id``; KeyError when there is none."""
    return _BY_KEY[(algorithm_id, name)]


def find(algorithm_id: str, name: str) -> Optional[Output]:
    return _BY_KEY.get((algorithm_id, name))


def outputs_of(algorithm_id: str) -> Tuple[Output, ...]:
    return tuple(entry for entry in OUTPUTS if entry.algorithm == algorithm_id)


def recognisable() -> Tuple[Output, ...]:
    """Outputs a layer can be recognised as by its fields, most fields first: a layer holding
    the fields of two outputs (a soil balance run on zones) is the more specific one, and of
    outputs with the same fields (haul distances and routes) the first listed."""
    layered = [entry for entry in OUTPUTS if entry.fields and entry.kind in (VECTOR, TABLE)]
    return tuple(sorted(layered, key=lambda entry: -len(entry.fields)))
