"""The shared jordbase on PostGIS (CONTRACT.md, "PostGIS: the shared soil database"): schema
versions, check constraints, roles and row-level security, history, concurrent writers, styles.

The module starts its own PostgreSQL + PostGIS on 127.0.0.1 (own port and data folder) and stops
it afterwards (fixture `postgis_server` in conftest.py). The database's own behaviour is checked
through psycopg2, logged in as the roles a region would create; the plugin's connection path
through QGIS is checked too.
"""
# The database package talks to PostgreSQL through QGIS: not for `make test-core`.
QGIS_MODULE = True

import subprocess
import sys
import threading
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

psycopg2 = pytest.importorskip("psycopg2")
from psycopg2 import errors, sql  # noqa: E402

from jordressource_plugin.core.project.datamodel import layer_spec
from jordressource_plugin.database import model, runner  # noqa: E402
from jordressource_plugin.database.connections import (  # noqa: E402
    ConnectionRefused,
    Psycopg2Connection,
)
from jordressource_plugin.database.migrations import all_migrations  # noqa: E402
from jordressource_plugin.database.quoting import quote_identifier, quote_literal  # noqa: E402

pytestmark = pytest.mark.postgis

SCHEMA = model.DEFAULT_SCHEMA
# Released migrations never change: a changed data model goes into a new migration.
RELEASED_CHECKSUMS = {
    1: "5cc17d503514ce598510f81445a1d1c3c19b5aec333908cd9e17d1d88bae5163",
    2: "ae9713d7e162082124639f4a96c1a4e762a3511f61202dc224f6540b5e5eebf6",
}


class _Session(psycopg2.extensions.connection):
    """An autocommit connection that ``with`` closes (psycopg2's own ``with`` opens a
    transaction instead)."""

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()


def connect(server, user=None):
    connection = psycopg2.connect(server.dsn(user), connection_factory=_Session)
    connection.autocommit = True
    return connection


def rows(connection, statement, params=None):
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        return cursor.fetchall() if cursor.description else cursor.rowcount


@pytest.fixture(scope="module")
def jordbase(postgis_server):
    """The schema at the newest version with two editors of different municipalities, an
    editor through a group role, a reader and an administrator, all login roles."""
    admin = Psycopg2Connection.connect(postgis_server.dsn())
    runner.upgrade(admin, SCHEMA)
    admin.execute(f"""
        CREATE ROLE editor_kbh LOGIN IN ROLE {model.EDITOR_ROLE};
        CREATE ROLE editor_frb LOGIN IN ROLE {model.EDITOR_ROLE};
        CREATE ROLE team_roskilde NOLOGIN IN ROLE {model.EDITOR_ROLE};
        CREATE ROLE planner_roskilde LOGIN IN ROLE team_roskilde;
        CREATE ROLE editor_nowhere LOGIN IN ROLE {model.EDITOR_ROLE};
        CREATE ROLE reader_region LOGIN IN ROLE {model.READER_ROLE};
        CREATE ROLE admin_region LOGIN IN ROLE {model.ADMIN_ROLE};
        INSERT INTO {SCHEMA}.member (role_name, municipality_code) VALUES
            ('editor_kbh', '0101'), ('editor_frb', '0147'), ('team_roskilde', '0265');
    """)
    admin.close()
    return postgis_server


# --- schema --------------------------------------------------------------------------------

def _columns(connection, schema, table):
    return dict(rows(connection, """
        SELECT column_name, CASE WHEN data_type = 'USER-DEFINED' THEN udt_name ELSE data_type END
        FROM information_schema.columns WHERE table_schema = %s AND table_name = %s""",
                     (schema, table)))


@pytest.mark.parametrize("table", model.TABLES)
def test_every_table_has_the_data_model_fields_key_geometry_and_index(jordbase, table):
    spec = layer_spec(table)
    with connect(jordbase) as connection:
        columns = _columns(connection, SCHEMA, table)
        expected = {field.name: model.POSTGRES_TYPES[field.type] for field in spec.fields}
        expected.update(fid="bigint", geom="geometry")
        if model.is_municipal(table):
            expected["municipality_code"] = "text"
        assert columns == expected
        (geometry_type, srid), = rows(connection, """
            SELECT type, srid FROM geometry_columns
            WHERE f_table_schema = %s AND f_table_name = %s""", (SCHEMA, table))
        assert (geometry_type, srid) == (spec.geometry.upper(), 25832)
        (key,), = rows(connection, """
            SELECT a.attname FROM pg_index i
            JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
            WHERE i.indrelid = %s::regclass AND i.indisprimary""", (f"{SCHEMA}.{table}",))
        assert key == "fid"
        gist = rows(connection, """SELECT count(*) FROM pg_indexes WHERE schemaname = %s
            AND tablename = %s AND indexdef LIKE '%%USING gist (geom)%%'""", (SCHEMA, table))
        assert gist == [(1,)]


def test_versions_are_recorded_in_order_with_their_checksums(jordbase):
    with connect(jordbase) as connection:
        recorded = rows(connection, f"SELECT version, checksum FROM {SCHEMA}.schema_migrations "
                                    "ORDER BY version")
    assert recorded == [(m.version, m.checksum) for m in all_migrations()]


def test_released_migrations_never_change():
    current = {m.version: m.checksum for m in all_migrations()}
    for version, checksum in RELEASED_CHECKSUMS.items():
        assert current[version] == checksum, (
            f"migration {version} changed after release; put the change in a new migration")


def test_upgrading_again_changes_nothing(jordbase):
    connection = Psycopg2Connection.connect(jordbase.dsn())
    result = runner.upgrade(connection, SCHEMA)
    connection.close()
    assert (result.from_version, result.to_version, result.applied) == (2, 2, [])


# Version 1 rows of each table that a municipality or the region keeps.
V1_ROWS = {
    "excavations": "(id, name, volume_m3, soil_class, start_date, end_date, municipality_code,"
                   " geom) VALUES ('E1', 'Byggefelt Nord', 1200.5, 2, '2026-01-05', "
                   "'2026-03-31', '0101', ST_Multi(ST_GeomFromText("
                   "'POLYGON((0 0, 10 0, 10 10, 0 0))', 25832)))",
    "excavation_points": "(id, volume_m3, soil_class, municipality_code) "
                         "VALUES ('EP1', 30, 1, '0101')",
    "receivers": "(id, kind, capacity_m3, max_soil_class, municipality_code) "
                 "VALUES ('R1', 'pit', 5000, 2, '0147')",
    "disposal_sites": "(id, gate_fee_dkk_t, municipality_code) VALUES ('D1', 180, '0101')",
    "area_types": "(area_type, clc_code) VALUES ('urban', 111)",
    "contaminated_sites": "(\"Lokalitetsnr\", status) VALUES ('101-00001', 'V2')",
    "planning_areas": "(id, name) VALUES ('LP1', 'Lokalplan 1')",
    "movements": "(id, source_id, receiver_id, tonnes, soil_class, date, analysed, "
                 "municipality_code, geom) VALUES ('M1', 'E1', 'R1', 25.5, 2, '2026-02-01', "
                 "true, '0101', ST_GeomFromText('LINESTRING(0 0, 100 100)', 25832))",
    "roads": "(road_class, name, bridge) VALUES ('local', 'Vejen', false)",
}


def test_upgrade_from_version_1_keeps_every_row(postgis_server):
    # A schema name that must be quoted everywhere it is used.
    schema = 'Jord "gammel"; DROP SCHEMA public'
    admin = Psycopg2Connection.connect(postgis_server.dsn())
    assert runner.upgrade(admin, schema, target=1).to_version == 1
    quoted = quote_identifier(schema)
    with connect(postgis_server) as connection:
        for table, values in V1_ROWS.items():
            rows(connection, f"INSERT INTO {quoted}.{table} {values}")
        before = {table: rows(connection, f"SELECT to_jsonb(t) FROM {quoted}.{table} t")
                  for table in V1_ROWS}
        history_before = rows(connection, f"SELECT count(*) FROM {quoted}.history")

    result = runner.upgrade(admin, schema)
    admin.close()
    assert (result.from_version, result.to_version) == (1, 2)
    with connect(postgis_server) as connection:
        for table in V1_ROWS:
            (after,), = rows(connection, f"SELECT to_jsonb(t) FROM {quoted}.{table} t")
            (old,), = before[table]
            assert {key: after[key] for key in old} == old, table
            assert {key: value for key, value in after.items() if key not in old} == (
                {"vehicle": None, "departure_time": None, "arrival_time": None}
                if table == "movements" else {})
        assert rows(connection, f"SELECT count(*) FROM {quoted}.history") == history_before
        assert _columns(connection, schema, "storage_sites")
        assert rows(connection, "SELECT count(*) FROM pg_namespace WHERE nspname = 'public'") \
            == [(1,)]


def test_two_runners_at_once_apply_each_version_once(postgis_server):
    schema = "jordbase_race"
    outcomes = []

    def run():
        connection = Psycopg2Connection.connect(postgis_server.dsn())
        try:
            outcomes.append(runner.upgrade(connection, schema).to_version)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcomes == [2, 2]
    with connect(postgis_server) as connection:
        assert rows(connection, f"SELECT version FROM {schema}.schema_migrations "
                                "ORDER BY version") == [(1,), (2,)]


def test_a_database_newer_than_the_plugin_is_refused(postgis_server):
    connection = Psycopg2Connection.connect(postgis_server.dsn())
    runner.upgrade(connection, "jordbase_future")
    connection.execute("INSERT INTO jordbase_future.schema_migrations (version, title, checksum)"
                       " VALUES (99, 'from the future', 'x')")
    with pytest.raises(runner.MigrationError, match="version 99, newer than this plugin"):
        runner.upgrade(connection, "jordbase_future")
    connection.close()


# --- check constraints ---------------------------------------------------------------------

BAD_ROWS = [
    ("excavations", "volume_m3", "-1", "excavations_volume_m3_not_negative"),
    ("excavations", "soil_class", "-1", "excavations_soil_class_not_negative"),
    ("excavation_points", "volume_m3", "-0.5", "excavation_points_volume_m3_not_negative"),
    ("receivers", "kind", "'lake'", "receivers_kind_known"),
    ("receivers", "capacity_m3", "-10", "receivers_capacity_m3_not_negative"),
    ("receivers", "max_soil_class", "-1", "receivers_max_soil_class_not_negative"),
    ("disposal_sites", "gate_fee_dkk_t", "-5", "disposal_sites_gate_fee_dkk_t_not_negative"),
    ("storage_sites", "storage_capacity_m3", "-1",
     "storage_sites_storage_capacity_m3_not_negative"),
    ("movements", "tonnes", "-3", "movements_tonnes_not_negative"),
    ("movements", "municipality_code", "'316'", "movements_municipality_code_format"),
]


@pytest.mark.parametrize("table, column, value, constraint", BAD_ROWS,
                         ids=[f"{case[0]}.{case[1]}" for case in BAD_ROWS])
def test_check_constraints_refuse_what_the_algorithms_refuse(jordbase, table, column, value,
                                                              constraint):
    columns = ", ".join(dict.fromkeys([column, "municipality_code"]))
    values = value if column == "municipality_code" else f"{value}, '0101'"
    with connect(jordbase) as connection:
        with pytest.raises(errors.CheckViolation, match=f'check constraint "{constraint}"'):
            rows(connection, f"INSERT INTO {SCHEMA}.{table} ({columns}) VALUES ({values})")


@pytest.mark.parametrize("table, start, end, constraint", [
    ("excavations", "'2026-05-01'", "'2026-04-30'", "excavations_end_date_not_before_start_date"),
    ("receivers", "'2026-05-01'", "'2026-01-01'", "receivers_end_date_not_before_start_date"),
    ("storage_sites", "'2026-05-02'", "'2026-05-01'",
     "storage_sites_end_date_not_before_start_date"),
])
def test_a_window_ending_before_it_starts_is_refused(jordbase, table, start, end, constraint):
    with connect(jordbase) as connection:
        with pytest.raises(errors.CheckViolation, match=constraint):
            rows(connection, f"INSERT INTO {SCHEMA}.{table} (start_date, end_date, "
                             f"municipality_code) VALUES ({start}, {end}, '0101')")


def test_an_arrival_before_the_departure_is_refused(jordbase):
    with connect(jordbase) as connection:
        with pytest.raises(errors.CheckViolation,
                           match="movements_arrival_time_not_before_departure_time"):
            rows(connection, f"INSERT INTO {SCHEMA}.movements (departure_time, arrival_time, "
                             "municipality_code) VALUES ('2026-05-01 10:00+01', "
                             "'2026-05-01 09:59+01', '0101')")


def test_the_boundary_values_are_accepted(jordbase):
    with connect(jordbase) as connection:
        assert rows(connection, f"""INSERT INTO {SCHEMA}.receivers (id, kind, capacity_m3,
            max_soil_class, start_date, end_date, municipality_code) VALUES
            ('boundary', 'utilisation', 0, 0, '2026-01-01', '2026-01-01', '0101')""") == 1
        rows(connection, f"DELETE FROM {SCHEMA}.receivers WHERE id = 'boundary'")


# --- roles and row-level security ---------------------------------------------------------

def _insert_excavation(connection, site_id, municipality=None):
    if municipality is None:
        return rows(connection, f"INSERT INTO {SCHEMA}.excavations (id, volume_m3) "
                                "VALUES (%s, 100)", (site_id,))
    return rows(connection, f"INSERT INTO {SCHEMA}.excavations (id, volume_m3, "
                            "municipality_code) VALUES (%s, 100, %s)", (site_id, municipality))


def test_editors_write_only_their_own_municipality_and_read_all(jordbase):
    kbh, frb = connect(jordbase, "editor_kbh"), connect(jordbase, "editor_frb")
    assert _insert_excavation(kbh, "rls-kbh", "0101") == 1
    assert _insert_excavation(frb, "rls-frb", "0147") == 1
    for editor, other in ((kbh, "0147"), (frb, "0101")):
        with pytest.raises(errors.InsufficientPrivilege, match="row-level security policy"):
            _insert_excavation(editor, f"rls-intruder-{other}", other)
    # Another municipality's row is invisible to UPDATE and DELETE: nothing changes.
    assert rows(kbh, f"UPDATE {SCHEMA}.excavations SET volume_m3 = 1 WHERE id = 'rls-frb'") == 0
    assert rows(kbh, f"DELETE FROM {SCHEMA}.excavations WHERE id = 'rls-frb'") == 0
    assert rows(frb, f"UPDATE {SCHEMA}.excavations SET volume_m3 = 7 WHERE id = 'rls-frb'") == 1
    # A row cannot be handed to another municipality.
    with pytest.raises(errors.InsufficientPrivilege, match="row-level security policy"):
        rows(kbh, f"UPDATE {SCHEMA}.excavations SET municipality_code = '0147' "
                  "WHERE id = 'rls-kbh'")
    for editor in (kbh, frb):
        seen = rows(editor, f"SELECT id, volume_m3 FROM {SCHEMA}.excavations "
                            "WHERE id LIKE 'rls-%%' ORDER BY id")
        assert seen == [("rls-frb", 7.0), ("rls-kbh", 100.0)]
    assert rows(kbh, f"DELETE FROM {SCHEMA}.excavations WHERE id = 'rls-kbh'") == 1
    kbh.close()
    frb.close()


def test_an_editor_with_one_municipality_gets_it_by_default(jordbase):
    with connect(jordbase, "editor_frb") as frb:
        _insert_excavation(frb, "default-frb")
        assert rows(frb, f"SELECT municipality_code FROM {SCHEMA}.excavations "
                         "WHERE id = 'default-frb'") == [("0147",)]


def test_a_membership_of_a_group_role_counts_for_its_members(jordbase):
    with connect(jordbase, "planner_roskilde") as planner:
        assert _insert_excavation(planner, "group-roskilde", "0265") == 1
        with pytest.raises(errors.InsufficientPrivilege):
            _insert_excavation(planner, "group-intruder", "0101")


def test_an_editor_without_membership_writes_nothing(jordbase):
    with connect(jordbase, "editor_nowhere") as nowhere:
        with pytest.raises(errors.InsufficientPrivilege, match="row-level security"):
            _insert_excavation(nowhere, "nowhere-default")
        with pytest.raises(errors.InsufficientPrivilege):
            _insert_excavation(nowhere, "nowhere-0101", "0101")


@pytest.mark.parametrize("statement", [
    f"INSERT INTO {SCHEMA}.excavations (id, municipality_code) VALUES ('reader', '0101')",
    f"UPDATE {SCHEMA}.excavations SET volume_m3 = 0",
    f"DELETE FROM {SCHEMA}.movements",
    f"INSERT INTO {SCHEMA}.member VALUES ('reader_region', '0101')",
    f"INSERT INTO {SCHEMA}.history (table_name, row_id, operation, role_name) "
    "VALUES ('excavations', 1, 'DELETE', 'someone')",
])
def test_a_reader_cannot_write(jordbase, statement):
    with connect(jordbase, "reader_region") as reader:
        assert rows(reader, f"SELECT count(*) FROM {SCHEMA}.excavations")[0][0] >= 0
        with pytest.raises(errors.InsufficientPrivilege, match="permission denied"):
            rows(reader, statement)


@pytest.mark.parametrize("statement", [
    f"INSERT INTO {SCHEMA}.area_types (area_type) VALUES ('urban')",
    f"INSERT INTO {SCHEMA}.member VALUES ('editor_kbh', '0147')",
    f"INSERT INTO {SCHEMA}.history (table_name, row_id, operation, role_name) "
    "VALUES ('excavations', 1, 'DELETE', 'editor_frb')",
])
def test_an_editor_cannot_change_references_memberships_or_history(jordbase, statement):
    with connect(jordbase, "editor_kbh") as editor:
        with pytest.raises(errors.InsufficientPrivilege, match="permission denied"):
            rows(editor, statement)


def test_the_administrator_writes_every_municipality_and_the_references(jordbase):
    with connect(jordbase, "admin_region") as admin:
        assert _insert_excavation(admin, "admin-0860", "0860") == 1
        assert rows(admin, f"INSERT INTO {SCHEMA}.area_types (area_type) VALUES ('urban')") == 1
        assert rows(admin, f"DELETE FROM {SCHEMA}.excavations WHERE id = 'admin-0860'") == 1


# --- history -------------------------------------------------------------------------------

def test_history_records_every_change_with_the_role(jordbase):
    with connect(jordbase, "editor_kbh") as kbh:
        _insert_excavation(kbh, "hist-1", "0101")
        rows(kbh, f"UPDATE {SCHEMA}.excavations SET volume_m3 = 55 WHERE id = 'hist-1'")
        (fid,), = rows(kbh, f"SELECT fid FROM {SCHEMA}.excavations WHERE id = 'hist-1'")
        rows(kbh, f"DELETE FROM {SCHEMA}.excavations WHERE id = 'hist-1'")
    with connect(jordbase) as owner:
        # Changed as the owner, but under SET ROLE: the role recorded is the one set.
        rows(owner, f"SET ROLE editor_frb; INSERT INTO {SCHEMA}.movements (id, tonnes) "
                    "VALUES ('hist-m', 12); RESET ROLE")
        history = rows(owner, f"""
            SELECT operation, role_name, old_row ->> 'volume_m3', new_row ->> 'volume_m3'
            FROM {SCHEMA}.history WHERE table_name = 'excavations' AND row_id = %s
            ORDER BY history_id""", (fid,))
        movement = rows(owner, f"""SELECT operation, role_name, new_row ->> 'municipality_code'
            FROM {SCHEMA}.history WHERE table_name = 'movements'
            AND new_row ->> 'id' = 'hist-m'""")
    assert history == [("INSERT", "editor_kbh", None, "100"),
                       ("UPDATE", "editor_kbh", "100", "55"),
                       ("DELETE", "editor_kbh", "55", None)]
    assert movement == [("INSERT", "editor_frb", "0147")]


def test_history_keeps_the_geometry_as_geojson(jordbase):
    with connect(jordbase, "editor_kbh") as kbh:
        rows(kbh, f"INSERT INTO {SCHEMA}.excavation_points (id, geom) VALUES "
                  "('hist-geom', ST_SetSRID(ST_MakePoint(700000, 6170000), 25832))")
        (geometry,), = rows(kbh, f"SELECT new_row -> 'geom' FROM {SCHEMA}.history "
                                 "WHERE new_row ->> 'id' = 'hist-geom'")
    assert geometry["type"] == "Point"
    assert geometry["coordinates"] == [700000, 6170000]


# --- concurrent writers --------------------------------------------------------------------

WORKERS = 8
MOVEMENTS_PER_WORKER = 10_000


def test_eight_processes_inserting_at_once_lose_and_duplicate_nothing(jordbase):
    from jordbase_worker import START_LOCK

    gate = connect(jordbase)
    rows(gate, "SELECT pg_advisory_lock(%s)", (START_LOCK,))
    editors = ["editor_kbh", "editor_frb"]
    municipalities = {"editor_kbh": "0101", "editor_frb": "0147"}
    processes = []
    for worker in range(WORKERS):
        editor = editors[worker % 2]
        processes.append(subprocess.Popen(
            [sys.executable, str(Path(__file__).with_name("jordbase_worker.py")),
             jordbase.dsn(editor), SCHEMA, str(worker), str(MOVEMENTS_PER_WORKER),
             municipalities[editor]], stderr=subprocess.PIPE, text=True))
    # Release all eight at once, when every one waits on the gate.
    waiting = 0
    while waiting < WORKERS:
        (waiting,), = rows(gate, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' "
                                 "AND objid = %s AND NOT granted", (START_LOCK,))
        assert all(process.poll() is None for process in processes), "a worker stopped early"
    rows(gate, "SELECT pg_advisory_unlock(%s)", (START_LOCK,))
    for process in processes:
        _, stderr = process.communicate(timeout=600)
        assert process.returncode == 0, stderr

    total = WORKERS * MOVEMENTS_PER_WORKER
    (count, ids, fids), = rows(gate, f"""SELECT count(*), count(DISTINCT id),
        count(DISTINCT fid) FROM {SCHEMA}.movements WHERE id LIKE 'w%%-%%'""")
    assert (count, ids, fids) == (total, total, total)
    per_worker = rows(gate, f"""SELECT split_part(id, '-', 1), count(*), min(municipality_code)
        FROM {SCHEMA}.movements WHERE id LIKE 'w%%-%%' GROUP BY 1 ORDER BY 1""")
    assert per_worker == [(f"w{w}", MOVEMENTS_PER_WORKER, municipalities[editors[w % 2]])
                          for w in range(WORKERS)]
    (logged, logged_rows), = rows(gate, f"""SELECT count(*), count(DISTINCT row_id)
        FROM {SCHEMA}.history WHERE table_name = 'movements' AND operation = 'INSERT'
        AND new_row ->> 'id' LIKE 'w%%-%%'""")
    assert (logged, logged_rows) == (total, total)
    gate.close()


# --- quoting -------------------------------------------------------------------------------

@settings(max_examples=60)
@given(text=st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")))
def test_a_quoted_value_reaches_the_server_unchanged(postgis_server, text):
    with connect(postgis_server) as connection:
        assert rows(connection, "SELECT " + quote_literal(text)) == [(text,)]
        rows(connection, "SET standard_conforming_strings = off")
        assert rows(connection, "SELECT " + quote_literal(text)) == [(text,)]


@settings(max_examples=30)
@given(text=st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")))
def test_a_quoted_value_reaches_the_server_unchanged_through_qgis(qgis_app, postgis_server, text):
    from jordressource_plugin.database.connections import open_qgis_connection

    connection, _ = open_qgis_connection(postgis_server.qgis_uri())
    assert connection.query("SELECT " + quote_literal(text) + "::text") == [(text,)]


@settings(max_examples=30)
@given(name=st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
                    min_size=1, max_size=40))
def test_a_quoted_identifier_names_exactly_one_object(postgis_server, name):
    with connect(postgis_server) as connection:
        statement = sql.SQL("SELECT {}").format(sql.Identifier(name)).as_string(connection)
        assert statement == "SELECT " + quote_identifier(name)


# --- through QGIS --------------------------------------------------------------------------

def test_qgis_connection_creates_the_schema_without_a_password(qgis_app, postgis_server):
    from jordressource_plugin.database.connections import open_qgis_connection

    connection, uri = open_qgis_connection(postgis_server.qgis_uri())
    result = runner.upgrade(connection, "via_qgis", srid=25833)
    assert (result.to_version, result.srid) == (2, 25833)
    assert connection.query("SELECT count(*) FROM via_qgis.schema_migrations") == [(2,)]
    assert uri.password() == ""


@pytest.mark.parametrize("database", [
    "dbname='jordbase' host=db.example user='planner' password='hemmelig'",
    "postgresql://planner:hemmelig@db.example:5432/jordbase",
    "postgresql://planner@db.example/jordbase?password=hemmelig",
])
def test_a_connection_with_a_password_is_refused_without_echoing_it(qgis_app, database):
    from jordressource_plugin.database.connections import open_qgis_connection

    with pytest.raises(ConnectionRefused, match="authcfg") as refused:
        open_qgis_connection(database)
    assert "hemmelig" not in str(refused.value)


def test_an_unknown_connection_name_is_a_clear_error(qgis_app):
    from jordressource_plugin.database.connections import open_qgis_connection

    with pytest.raises(ConnectionRefused, match="No saved PostgreSQL connection is called"):
        open_qgis_connection("Region Hovedstaden jordbase")


def test_styles_and_danish_aliases_open_with_the_table(qgis_app, postgis_server):
    from qgis.core import QgsVectorLayer

    from jordressource_plugin.database.connections import open_qgis_connection
    from jordressource_plugin.database.install import create_or_upgrade

    connection, uri = open_qgis_connection(postgis_server.qgis_uri())
    create_or_upgrade(connection, "styled")
    create_or_upgrade(connection, "styled")  # again: one default style per table, not two
    for table in ("receivers", "movements", "storage_sites"):
        spec = layer_spec(table)
        uri.setDataSource("styled", table, "geom", "", "fid")
        layer = QgsVectorLayer(uri.uri(False), table, "postgres")
        assert layer.isValid(), table
        for field in spec.fields:
            assert layer.attributeAlias(layer.fields().lookupField(field.name)) == \
                field.alias_da, (table, field.name)
        expected = "categorizedSymbol" if table == "receivers" else "singleSymbol"
        assert layer.renderer().type() == expected
    assert connection.query("SELECT count(*) FROM public.layer_styles WHERE f_table_schema = "
                            "'styled' AND useasdefault") == [(len(model.TABLES),)]
    assert connection.query("SELECT obj_description('styled.storage_sites'::regclass), "
                            "col_description('styled.movements'::regclass, 2)") == [
        ("Mellemlagre", "ID")]


# --- create_project with DATABASE ----------------------------------------------------------

def _tables(server, schema):
    with connect(server) as connection:
        return {name for name, in rows(connection, "SELECT table_name FROM "
                                       "information_schema.tables WHERE table_schema = %s",
                                       (schema,))}


def test_create_project_creates_the_jordbase_without_a_geopackage(run_algorithm, jordbase):
    result = run_algorithm("create_project", {"DATABASE": jordbase.qgis_uri(),
                                              "SCHEMA": "from_processing"})
    assert result["SCHEMA_VERSION"] == 2
    assert result["LAYER_COUNT"] == len(model.TABLES)
    assert not result["OUTPUT"]
    assert _tables(jordbase, "from_processing") == set(model.TABLES) | {
        "member", "history", "schema_migrations"}


def test_create_project_upgrades_an_older_jordbase_and_keeps_its_rows(run_algorithm, jordbase,
                                                                      tmp_path):
    admin = Psycopg2Connection.connect(jordbase.dsn())
    runner.upgrade(admin, "older", target=1)
    admin.execute("INSERT INTO older.receivers (id, kind, capacity_m3, municipality_code) "
                  "VALUES ('R-old', 'pit', 900, '0101')")
    admin.close()
    uri = f"postgresql://{jordbase.user}@127.0.0.1:{jordbase.port}/jordressource"
    path = tmp_path / "both.gpkg"
    result = run_algorithm("create_project", {"DATABASE": uri, "SCHEMA": "older",
                                              "OUTPUT": str(path)})
    assert result["SCHEMA_VERSION"] == 2 and result["OUTPUT"] == str(path) and path.exists()
    with connect(jordbase) as connection:
        assert rows(connection, "SELECT id, kind, capacity_m3 FROM older.receivers") == [
            ("R-old", "pit", 900.0)]


def test_create_project_needs_a_geopackage_or_a_database(run_algorithm):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="GeoPackage file to create, a PostGIS"):
        run_algorithm("create_project", {"CRS": "EPSG:25832"})


class _Log:
    """Every message an algorithm gives its feedback."""

    def __init__(self):
        from qgis.core import QgsProcessingFeedback

        class Feedback(QgsProcessingFeedback):
            def pushInfo(inner, text):  # noqa: N805
                self.lines.append(text)

            def reportError(inner, text, fatal=False):  # noqa: N805
                self.lines.append(text)

        self.lines = []
        self.feedback = Feedback()


def test_create_project_takes_the_password_from_an_authcfg_only(plugin, postgis_server):
    import processing
    from qgis.core import (
        QgsApplication,
        QgsAuthMethodConfig,
        QgsProcessingContext,
        QgsProcessingException,
        QgsProject,
    )

    password = "Tr0ldmand-jord"
    postgis_server.require_password("dba_region", password)
    authentication = QgsApplication.authManager()
    if not authentication.masterPasswordIsSet():
        assert authentication.setMasterPassword("jordbase-test-master", True)
    config = QgsAuthMethodConfig()
    config.setMethod("Basic")
    config.setName("jordbase region")
    config.setConfig("username", "dba_region")
    config.setConfig("password", password)
    assert authentication.storeAuthenticationConfig(config)[0]
    base = f"host=127.0.0.1 port={postgis_server.port} dbname=jordressource"

    log = _Log()
    with pytest.raises(QgsProcessingException):  # no password given: the server refuses
        processing.run("jordressource:create_project", {
            "DATABASE": f"{base} user=dba_region", "SCHEMA": "with_authcfg"},
            feedback=log.feedback)

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    result = processing.run("jordressource:create_project", {
        "DATABASE": f"{base} authcfg={config.id()}", "SCHEMA": "with_authcfg"},
        context=context, feedback=log.feedback)
    assert result["SCHEMA_VERSION"] == 2
    with connect(postgis_server) as connection:
        assert rows(connection, "SELECT DISTINCT applied_by FROM with_authcfg.schema_migrations"
                    ) == [("dba_region",)]
    loaded = [context.temporaryLayerStore().mapLayer(layer_id)
              for layer_id in context.layersToLoadOnCompletion()]
    assert sorted(layer.name() for layer in loaded) == sorted(
        layer_spec(table).title_da for table in model.TABLES)
    for layer in loaded:
        assert layer.isValid() and f"authcfg={config.id()}" in layer.source()
        assert password not in layer.source()
    assert not any(password in line for line in log.lines)


@pytest.mark.qgis_process
def test_qgis_process_creates_the_jordbase_from_the_packaged_plugin(qgis_process, jordbase):
    result = qgis_process.run("jordressource:create_project", {
        "DATABASE": f"postgresql://{jordbase.user}@127.0.0.1:{jordbase.port}/jordressource",
        "SCHEMA": "from_the_command_line", "CRS": "EPSG:25833"})
    assert result["results"]["SCHEMA_VERSION"] == 2
    with connect(jordbase) as connection:
        assert rows(connection, "SELECT DISTINCT srid FROM geometry_columns "
                                "WHERE f_table_schema = 'from_the_command_line'") == [(25833,)]
