"""The shared soil database (jordbase) on PostgreSQL/PostGIS.

The data model of `core/project/datamodel.py`, laid out as ordered migrations for a region's
municipalities sharing one register: keys, spatial indexes, check constraints, roles,
memberships, row-level security, history and the default styles in `layer_styles`
(CONTRACT.md, "PostGIS: the shared soil database").

- `quoting`: identifiers and values turned into SQL text safely (PostgreSQL's own rules).
- `model`: how each data-model layer becomes a table (types, constraints, municipality rows).
- `migrations/`: the schema's versions, applied in order and recorded in the database.
- `runner`: creates or upgrades a schema to the newest version.
- `connections`: one interface over QGIS's connection API (passwords only through authcfg)
  and over psycopg2 (for administrators' scripts and the tests).
- `styles`: the default QGIS style and Danish aliases of each table in `layer_styles`.
"""
