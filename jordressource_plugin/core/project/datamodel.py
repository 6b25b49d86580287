"""The Jordressource data model: the layers a soil project holds, their geometry and fields.

Plain data, read by `create_project` (an empty project) and by `scripts/build_sample.py` (the
Holbæk sample), so both write the same field names, types and Danish aliases. The names are the
defaults of the algorithms' field parameters (docs/reference.md, "Data model"), so a planner's
own layers with other names work too.

Field types are the names QGIS's memory provider uses: string, integer, double, date, datetime,
boolean.
"""
from dataclasses import dataclass
from typing import Tuple

# Statutory soil categories of jordflytningsbekendtgørelsen: the default labels of the ordered
# soil_class scale, higher = more contaminated.
SOIL_CLASS_LABELS = {
    1: "Ren jord (clean)",
    2: "Lettere forurenet jord (lightly contaminated)",
    3: "Forurenet jord (contaminated)",
}

RECEIVER_KINDS = {
    "pit": "Råstofgrav (raw-material pit needing backfill)",
    "resource_site": "Ressourceplads (resource site: sorting, temporary storage)",
    "utilisation": "Nyttiggørelsesprojekt (noise barrier, climate dike, landscaping)",
}


@dataclass(frozen=True)
class FieldSpec:
    name: str
    type: str  # string, integer, double, date, datetime, boolean
    alias_da: str
    description: str = ""


@dataclass(frozen=True)
class LayerSpec:
    name: str
    geometry: str  # Point, LineString, MultiPolygon or None
    title_da: str
    fields: Tuple[FieldSpec, ...]
    style: str  # QML in styles/

    def field_names(self) -> list:
        return [field.name for field in self.fields]


def _f(name, kind, alias, description=""):
    return FieldSpec(name, kind, alias, description)


_ID = _f("id", "string", "ID")
_NAME = _f("name", "string", "Navn")
_START = _f("start_date", "date", "Startdato")
_END = _f("end_date", "date", "Slutdato")

_EXCAVATION_FIELDS = (
    _ID, _NAME,
    _f("volume_m3", "double", "Overskudsjord (m³, fast mål)", "surplus soil, in situ volume"),
    _f("soil_class", "integer", "Jordklasse", "1 ren, 2 lettere forurenet, 3 forurenet"),
    _f("soil_type", "string", "Jordtype", "ler, sand, muld, fyld …"),
    _START, _END,
    _f("planned_level_m", "double", "Planlagt kote (m DVR90)",
       "planned finished level, for earthwork_volumes"),
)

LAYERS = (
    LayerSpec("excavations", "MultiPolygon", "Opgravninger (flader)", _EXCAVATION_FIELDS,
              "excavations"),
    LayerSpec("excavation_points", "Point", "Opgravninger (punkter)", _EXCAVATION_FIELDS,
              "excavation_points"),
    LayerSpec("receivers", "MultiPolygon", "Modtagere", (
        _ID, _NAME,
        _f("kind", "string", "Modtagertype", "pit, resource_site or utilisation"),
        _f("capacity_m3", "double", "Kapacitet (m³)"),
        _f("max_soil_class", "integer", "Højeste jordklasse"),
        _START, _END,
    ), "receivers"),
    LayerSpec("disposal_sites", "MultiPolygon", "Deponeringsanlæg", (
        _ID, _NAME,
        _f("gate_fee_dkk_t", "double", "Modtagegebyr (kr./t)"),
    ), "disposal_sites"),
    LayerSpec("area_types", "MultiPolygon", "Områdetyper", (
        _f("area_type", "string", "Områdetype", "urban, agricultural, industrial or other"),
        _f("clc_code", "integer", "CORINE-kode"),
        _f("label", "string", "Arealanvendelse"),
    ), "area_types"),
    LayerSpec("contaminated_sites", "MultiPolygon", "Kortlagt forurenede grunde (V1/V2)", (
        _f("Lokalitetsnr", "string", "Lokalitetsnr."),
        _f("Lokalitetetsforureningsstatus", "string", "Forureningsstatus"),
        _f("status", "string", "Kortlægning", "V1 or V2"),
    ), "contaminated_sites"),
    LayerSpec("planning_areas", "MultiPolygon", "Planområder", (_ID, _NAME), "planning_areas"),
    LayerSpec("movements", "LineString", "Jordflytninger", (
        _ID,
        _f("source_id", "string", "Fra opgravning"),
        _f("receiver_id", "string", "Til modtager"),
        _f("tonnes", "double", "Tons"),
        _f("soil_class", "integer", "Jordklasse"),
        _f("date", "date", "Dato"),
        _f("analysed", "boolean", "Analyseret"),
        # Optional trip details that check_movements reads (CONTRACT.md).
        _f("vehicle", "string", "Køretøj", "registration number"),
        _f("departure_time", "datetime", "Afgang"),
        _f("arrival_time", "datetime", "Ankomst"),
    ), "movements"),
    # Storage sites of schedule_reuse (STORAGE_* parameters): m³ in situ on hand at most.
    LayerSpec("storage_sites", "MultiPolygon", "Mellemlagre", (
        _ID, _NAME,
        _f("storage_capacity_m3", "double", "Lagerkapacitet (m³, fast mål)",
           "m³ in situ on hand at most"),
        _f("max_soil_class", "integer", "Højeste jordklasse"),
        _START, _END,
    ), "storage_sites"),
    LayerSpec("roads", "LineString", "Veje", (
        _f("road_class", "string", "Vejklasse", "motorway, regional, local or access"),
        _NAME,
        _f("bridge", "boolean", "Bro", "crosses other roads without a junction"),
    ), "roads"),
)

LAYERS_BY_NAME = {layer.name: layer for layer in LAYERS}


def layer_spec(name: str) -> LayerSpec:
    return LAYERS_BY_NAME[name]
