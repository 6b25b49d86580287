"""Version 1: the data model's layers, the roles, memberships, row-level security, history and
the `layer_styles` table QGIS reads default styles from."""
from ..ddl import create_table

TITLE = "Initial jordbase: layers, roles, memberships, row-level security, history"

# The fields each table had at version 1; later versions add fields in their own migrations.
_EXCAVATION = ("id", "name", "volume_m3", "soil_class", "soil_type", "start_date", "end_date",
               "planned_level_m")
TABLES = (
    ("excavations", _EXCAVATION),
    ("excavation_points", _EXCAVATION),
    ("receivers", ("id", "name", "kind", "capacity_m3", "max_soil_class", "start_date",
                   "end_date")),
    ("disposal_sites", ("id", "name", "gate_fee_dkk_t")),
    ("area_types", ("area_type", "clc_code", "label")),
    ("contaminated_sites", ("Lokalitetsnr", "Lokalitetetsforureningsstatus", "status")),
    ("planning_areas", ("id", "name")),
    ("movements", ("id", "source_id", "receiver_id", "tonnes", "soil_class", "date",
                   "analysed")),
    ("roads", ("road_class", "name", "bridge")),
)

_ROLES_AND_MEMBERSHIP = """
DO $roles$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = {reader_name}) THEN
        CREATE ROLE {reader} NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = {editor_name}) THEN
        CREATE ROLE {editor} NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = {admin_name}) THEN
        CREATE ROLE {admin} NOLOGIN;
    END IF;
END
$roles$;
-- Editors read what readers read; the administrator does what editors do.
GRANT {reader} TO {editor};
GRANT {editor} TO {admin};
GRANT USAGE ON SCHEMA {schema} TO {reader};
GRANT SELECT ON {schema}.schema_migrations TO {reader};

CREATE TABLE {schema}.member (
    role_name text NOT NULL,
    municipality_code text NOT NULL
        CONSTRAINT member_municipality_code_format CHECK (municipality_code ~ '^[0-9]{{4}}$'),
    PRIMARY KEY (role_name, municipality_code)
);
COMMENT ON TABLE {schema}.member IS
    'Which role (a login or a group role) edits the rows of which municipality (kommunekode)';
GRANT SELECT ON {schema}.member TO {reader};
GRANT SELECT, INSERT, UPDATE, DELETE ON {schema}.member TO {admin};

-- The municipalities the current role edits: its own memberships and those of the roles it
-- belongs to. Runs with the caller's rights, so pg_has_role asks about the caller.
CREATE FUNCTION {schema}.editable_municipalities() RETURNS text[]
LANGUAGE sql STABLE AS $body$
    SELECT coalesce(array_agg(DISTINCT m.municipality_code), ARRAY[]::text[])
    FROM {schema}.member m
    JOIN pg_catalog.pg_roles r ON r.rolname = m.role_name
    WHERE pg_catalog.pg_has_role(r.oid, 'MEMBER')
$body$;

-- A new row's municipality when the editor has exactly one, so drawing in QGIS needs no typing.
CREATE FUNCTION {schema}.default_municipality() RETURNS text
LANGUAGE sql STABLE AS $body$
    SELECT CASE WHEN cardinality(codes) = 1 THEN codes[1] END
    FROM (SELECT {schema}.editable_municipalities() AS codes) editable
$body$;
GRANT EXECUTE ON FUNCTION {schema}.editable_municipalities() TO {reader};
GRANT EXECUTE ON FUNCTION {schema}.default_municipality() TO {reader};
"""

_HISTORY = """
CREATE TABLE {schema}.history (
    history_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    table_name text NOT NULL,
    row_id bigint NOT NULL,
    operation text NOT NULL CONSTRAINT history_operation_known
        CHECK (operation IN ('INSERT', 'UPDATE', 'DELETE')),
    changed_at timestamp with time zone NOT NULL DEFAULT now(),
    role_name text NOT NULL,
    transaction_id bigint NOT NULL DEFAULT txid_current(),
    old_row jsonb,
    new_row jsonb
);
CREATE INDEX history_row_idx ON {schema}.history (table_name, row_id);
COMMENT ON TABLE {schema}.history IS 'Every change to site and movement rows';
GRANT SELECT ON {schema}.history TO {reader};

-- Runs as the schema's owner so that nobody writes history but this trigger. The role
-- recorded is the one the change was made as: the SET ROLE role, else the login role.
CREATE FUNCTION {schema}.record_history() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $body$
DECLARE
    who text := coalesce(nullif(current_setting('role'), 'none'), session_user);
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO {schema}.history (table_name, row_id, operation, role_name, new_row)
        SELECT TG_TABLE_NAME, n.fid, TG_OP, who, to_jsonb(n) FROM new_rows n;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO {schema}.history (table_name, row_id, operation, role_name, old_row)
        SELECT TG_TABLE_NAME, o.fid, TG_OP, who, to_jsonb(o) FROM old_rows o;
    ELSE
        INSERT INTO {schema}.history
            (table_name, row_id, operation, role_name, old_row, new_row)
        SELECT TG_TABLE_NAME, coalesce(n.fid, o.fid), TG_OP, who, to_jsonb(o), to_jsonb(n)
        FROM old_rows o FULL JOIN new_rows n ON n.fid = o.fid;
    END IF;
    RETURN NULL;
END
$body$;
REVOKE ALL ON FUNCTION {schema}.record_history() FROM PUBLIC;
"""

# The table QGIS reads a layer's default style from (its own layout, found on the search path,
# normally in public). Created here so that readers can be granted to read it.
_LAYER_STYLES = """
CREATE TABLE IF NOT EXISTS public.layer_styles (
    id serial PRIMARY KEY,
    f_table_catalog varchar,
    f_table_schema varchar,
    f_table_name varchar,
    f_geometry_column varchar,
    stylename text,
    styleqml xml,
    stylesld xml,
    useasdefault boolean,
    description text,
    owner varchar(63) DEFAULT CURRENT_USER,
    ui xml,
    update_time timestamp DEFAULT CURRENT_TIMESTAMP,
    type varchar
);
GRANT SELECT ON public.layer_styles TO {reader};
"""


def template() -> str:
    tables = "\n\n".join(create_table(name, fields) for name, fields in TABLES)
    return "\n".join((_ROLES_AND_MEMBERSHIP, _HISTORY, _LAYER_STYLES, tables))
