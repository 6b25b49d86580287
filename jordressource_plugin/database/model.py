"""How the data model (`core/project/datamodel.py`) becomes PostGIS tables.

One table per data-model layer, with the layer's fields under the same names, plus
- `fid`: the primary key QGIS edits by (the planner's `id` stays a field, unique where it names
  a site or a movement, since movements refer to sites by it);
- `geom`: the layer's geometry in the project's CRS, with a GiST index;
- `municipality_code` (the kommunekode as DAGI writes it, four digits, e.g. `0316`) on the
  tables one municipality owns rows of: excavations, receivers, disposal and storage sites,
  movements. Row-level security and history apply to those tables; the others (area types,
  contaminated sites, planning areas, roads) are shared references the administrator keeps.

Check constraints refuse what the algorithms refuse (CONTRACT.md): negative volumes,
capacities, tonnes and gate fees; soil classes below 0; receiver kinds other than `pit`,
`resource_site` and `utilisation`; a window that ends before it starts.
"""
from ..core.project.datamodel import LAYERS, RECEIVER_KINDS, FieldSpec
from .quoting import quote_identifier, quote_literal

DEFAULT_SCHEMA = "jordressource"
GEOMETRY_COLUMN = "geom"
KEY_COLUMN = "fid"
MUNICIPALITY_COLUMN = "municipality_code"
# DAGI's kommunekode: four digits with leading zeros (0101 København ... 0860 Hjørring).
MUNICIPALITY_PATTERN = "^[0-9][0-9][0-9][0-9]$"

READER_ROLE = "jordressource_reader"
EDITOR_ROLE = "jordressource_editor"
ADMIN_ROLE = "jordressource_admin"

POSTGRES_TYPES = {
    "string": "text",
    "integer": "integer",
    "double": "double precision",
    "date": "date",
    "datetime": "timestamp with time zone",
    "boolean": "boolean",
}

NON_NEGATIVE_FIELDS = ("volume_m3", "capacity_m3", "storage_capacity_m3", "gate_fee_dkk_t",
                       "tonnes")
SOIL_CLASS_FIELDS = ("soil_class", "max_soil_class")
# (start, end): the end may not come before the start; both count as days of the window.
WINDOW_FIELDS = (("start_date", "end_date"), ("departure_time", "arrival_time"))

TABLES = tuple(layer.name for layer in LAYERS)
MUNICIPAL_TABLES = ("excavations", "excavation_points", "receivers", "disposal_sites",
                    "storage_sites", "movements")


def is_municipal(table: str) -> bool:
    return table in MUNICIPAL_TABLES


def field_constraints(table: str, field: FieldSpec):
    """(name, SQL condition) of each check on one field."""
    column = quote_identifier(field.name)
    if field.name in NON_NEGATIVE_FIELDS + SOIL_CLASS_FIELDS:
        yield f"{table}_{field.name}_not_negative", f"{column} >= 0"
    if table == "receivers" and field.name == "kind":
        kinds = ", ".join(quote_literal(kind) for kind in RECEIVER_KINDS)
        yield f"{table}_kind_known", f"{column} IN ({kinds})"


def window_constraints(table: str, field_names):
    """(name, SQL condition) of each start/end pair among ``field_names``."""
    for start, end in WINDOW_FIELDS:
        if start in field_names and end in field_names:
            yield (f"{table}_{end}_not_before_{start}",
                   f"{quote_identifier(end)} >= {quote_identifier(start)}")

