"""Creates a jordbase schema or brings it to the newest version, one migration at a time.

Why not `pum` (the TEKSI/QWAT upgrade manager): it needs psycopg 3, pydantic and Python 3.10,
none of which QGIS ships (QGIS 3.22 on Windows runs Python 3.9 with psycopg2 at most), and it
connects through libpq services, not through QGIS's authentication configurations. This runner
needs only a `connections` object, so it runs inside QGIS with passwords from authcfg and from
administrators' scripts through psycopg2 alike.

Rules:
- each migration runs as one transaction, together with the row recording it in
  `<schema>.schema_migrations`; a failure leaves the schema at the previous version;
- that row is written first, so a second runner upgrading the same schema at the same time
  waits on it and then finds the version applied (the primary key refuses a second row);
- a database newer than this plugin, or holding a migration whose checksum differs from this
  plugin's, is refused rather than guessed at.
"""
from dataclasses import dataclass, field
from typing import List, Optional

from ..i18n import translate
from . import model
from .connections import DatabaseError
from .migrations import Migration, all_migrations
from .quoting import Identifier, quote_fields, quote_identifier, render


class MigrationError(Exception):
    """The schema cannot be brought to the version asked for; the message says why."""


@dataclass
class UpgradeResult:
    schema: str
    srid: int
    from_version: int
    to_version: int
    applied: List[Migration] = field(default_factory=list)


# Two runners creating the same schema at once would both try to create it: the second waits.
_BOOTSTRAP_LOCK = "SELECT pg_advisory_xact_lock(hashtext('jordressource bootstrap'));"
_BOOTSTRAP = _BOOTSTRAP_LOCK + """
CREATE SCHEMA IF NOT EXISTS {schema};
CREATE TABLE IF NOT EXISTS {schema}.schema_migrations (
    version integer PRIMARY KEY,
    title text NOT NULL,
    checksum text NOT NULL,
    applied_at timestamp with time zone NOT NULL DEFAULT now(),
    applied_by text NOT NULL DEFAULT session_user
);
"""

_RECORD = """
INSERT INTO {schema}.schema_migrations (version, title, checksum)
VALUES ({version}, {title}, {checksum});
"""


def template_fields(schema: str, srid: int) -> dict:
    return {
        "schema": Identifier(schema), "schema_name": schema, "srid": int(srid),
        "reader": Identifier(model.READER_ROLE), "reader_name": model.READER_ROLE,
        "editor": Identifier(model.EDITOR_ROLE), "editor_name": model.EDITOR_ROLE,
        "admin": Identifier(model.ADMIN_ROLE), "admin_name": model.ADMIN_ROLE,
    }


def applied_versions(connection, schema: str) -> dict:
    """{version: checksum} of the migrations recorded in ``schema`` ({} for none)."""
    table = f"{quote_identifier(schema)}.{quote_identifier('schema_migrations')}"
    exists = connection.query(render("SELECT to_regclass({table}) IS NOT NULL", table=table))
    if not exists[0][0]:
        return {}
    rows = connection.query(render("SELECT version, checksum FROM {schema}.schema_migrations",
                                   schema=Identifier(schema)))
    return {int(version): checksum for version, checksum in rows}


def current_version(connection, schema: str) -> int:
    return max(applied_versions(connection, schema), default=0)


def schema_srid(connection, schema: str) -> Optional[int]:
    """The EPSG code of the schema's geometries, if it has any tables yet."""
    rows = connection.query(render(
        "SELECT srid FROM public.geometry_columns WHERE f_table_schema = {schema_name} "
        "AND srid > 0 ORDER BY f_table_name LIMIT 1", schema_name=schema))
    return int(rows[0][0]) if rows else None


def _ensure_postgis(connection):
    installed = connection.query(
        "SELECT count(*) FROM pg_catalog.pg_extension WHERE extname = 'postgis'")[0][0]
    if installed:
        return
    try:
        connection.execute(_BOOTSTRAP_LOCK + "CREATE EXTENSION IF NOT EXISTS postgis;")
    except DatabaseError as error:
        raise MigrationError(translate(
            "Jordbase", "PostGIS is not installed in this database and could not be installed "
            "({0}). Ask the database administrator to run: CREATE EXTENSION postgis;")
            .format(error)) from error


def _check_recorded(recorded: dict, migrations, schema: str):
    newest = len(migrations)
    newer = sorted(version for version in recorded if version > newest)
    if newer:
        raise MigrationError(translate(
            "Jordbase", "Schema {0} is at version {1}, newer than this plugin knows ({2}). "
            "Update the Jordressource plugin.").format(schema, max(newer), newest))
    for migration in migrations:
        checksum = recorded.get(migration.version)
        if checksum is not None and checksum != migration.checksum:
            raise MigrationError(translate(
                "Jordbase", "Schema {0} records version {1} ({2}) with other contents than "
                "this plugin's migration of that number: the schema was made by another tool "
                "or plugin build. Ask the database administrator before upgrading it.")
                .format(schema, migration.version, migration.title))


def upgrade(connection, schema: str = model.DEFAULT_SCHEMA, srid: int = 25832,
            target: Optional[int] = None, log=None) -> UpgradeResult:
    """Create ``schema`` or bring it to version ``target`` (default: the newest).

    ``srid`` is used when the schema has no tables yet; an existing schema keeps its own.
    ``log`` (a function of one string) hears of each migration applied.
    """
    migrations = all_migrations()
    target = len(migrations) if target is None else target
    if not 0 <= target <= len(migrations):
        raise MigrationError(translate("Jordbase", "No schema version {0}; versions run 1 to {1}.")
                             .format(target, len(migrations)))
    _ensure_postgis(connection)
    connection.execute(render(_BOOTSTRAP, schema=Identifier(schema)))
    recorded = applied_versions(connection, schema)
    _check_recorded(recorded, migrations, schema)
    srid = schema_srid(connection, schema) or int(srid)
    result = UpgradeResult(schema, srid, max(recorded, default=0), max(recorded, default=0))
    fields = template_fields(schema, srid)
    for migration in migrations[:target]:
        if migration.version in recorded:
            continue
        script = render(_RECORD, schema=Identifier(schema), version=migration.version,
                        title=migration.title, checksum=migration.checksum)
        script += migration.template.format_map(quote_fields(fields))
        try:
            connection.execute(script)
        except DatabaseError as error:
            recorded = applied_versions(connection, schema)
            if recorded.get(migration.version) == migration.checksum:
                continue  # another runner applied it meanwhile
            raise MigrationError(translate(
                "Jordbase", "Migration {0} ({1}) of schema {2} failed; the schema stays at "
                "version {3}: {4}").format(migration.version, migration.title, schema,
                                           max(recorded, default=0), error)) from error
        result.applied.append(migration)
        if log is not None:
            log(translate("Jordbase", "Schema {0}: version {1}, {2}")
                .format(schema, migration.version, migration.title))
    result.to_version = max(applied_versions(connection, schema), default=0)
    return result

