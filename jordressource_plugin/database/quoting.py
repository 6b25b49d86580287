"""SQL text from identifiers and values, by PostgreSQL's own quoting rules.

QGIS's connection API (`QgsAbstractDatabaseProviderConnection.executeSql`) takes SQL text only,
without bind parameters, and QGIS 3.22 exposes no quoting function. These two functions do what
PostgreSQL's `quote_ident` and libpq's `PQescapeStringConn` do, so any schema name or value
(quotes, backslashes, semicolons) reaches the server as one identifier or one literal:

- an identifier is always double-quoted, inner double quotes doubled;
- a value is an escape-string constant `E'...'` with backslashes and single quotes doubled,
  which reads the same whether `standard_conforming_strings` is on or off.

`render` fills a SQL template's ``{name}`` fields with quoted identifiers and values; templates
hold no other braces (write ``{{`` for a literal brace).
"""
import datetime
import math


class Identifier(str):
    """A name to be quoted as an SQL identifier (schema, table, column, role)."""


def quote_identifier(name: str) -> str:
    name = str(name)
    if not name or "\x00" in name:
        raise ValueError(f"Not a valid SQL identifier: {name!r}")
    return '"' + name.replace('"', '""') + '"'


def quote_literal(value) -> str:
    """``value`` (None, bool, int, float, str, date, datetime) as an SQL constant."""
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            return f"'{value}'::double precision"  # 'nan', 'inf', '-inf' are valid inputs
        return repr(value)
    if isinstance(value, (datetime.date, datetime.datetime)):
        return quote_literal(value.isoformat())
    text = str(value)
    if "\x00" in text:
        raise ValueError("PostgreSQL text cannot hold a NUL character")
    return "E'" + text.replace("\\", "\\\\").replace("'", "''") + "'"


def quote_fields(fields: dict) -> dict:
    """Each value quoted: an `Identifier` as an identifier, anything else as a value."""
    return {name: quote_identifier(value) if isinstance(value, Identifier)
            else quote_literal(value) for name, value in fields.items()}


def render(template: str, **fields) -> str:
    """``template`` with each ``{name}`` replaced by its quoted value."""
    return template.format_map(quote_fields(fields))
