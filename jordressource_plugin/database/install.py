"""Create or upgrade a jordbase: the migrations, then what is presentation rather than schema
(Danish comments and default styles), refreshed on every run."""
from . import model
from .ddl import describe_table
from .quoting import quote_fields
from .runner import template_fields, upgrade
from .styles import store_styles


def create_or_upgrade(connection, schema: str = model.DEFAULT_SCHEMA, srid: int = 25832,
                      log=None):
    """Bring ``schema`` to the newest version, then describe and style every table.
    Returns the runner's `UpgradeResult`."""
    result = upgrade(connection, schema, srid, log=log)
    fields = quote_fields(template_fields(schema, result.srid))
    connection.execute("\n".join(describe_table(table).format_map(fields)
                                 for table in model.TABLES))
    store_styles(connection, schema, model.TABLES)
    return result
