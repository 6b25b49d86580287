"""Two ways to talk to the jordbase, with one interface: ``execute(script)`` runs SQL text as
one transaction (all of it or none), ``query(sql)`` returns rows as tuples.

- `QgisConnection` goes through QGIS's own connection API, so the password comes from a QGIS
  authentication configuration (authcfg) and never passes through this plugin. QGIS sends the
  text as one simple query, which PostgreSQL runs as one implicit transaction.
- `Psycopg2Connection` wraps a psycopg2 connection, for administrators' scripts, the tests and
  the benchmark.

`open_qgis_connection` accepts a saved QGIS connection's name, a QGIS/libpq connection string or
a ``postgresql://`` URI, and refuses any of them that carries a password.
"""
import re
from urllib.parse import parse_qsl, unquote, urlparse


class DatabaseError(Exception):
    """PostgreSQL refused a statement; the message is the server's."""


class ConnectionRefused(Exception):
    """The connection cannot be used as given (unknown name, a password in it)."""


def _server_message(text: str) -> str:
    """The server's own message out of QGIS's "SQL error: <sql> returned 0 [ERROR: ...]",
    which repeats the whole script."""
    found = re.search(r"\[(ERROR:.*)\]\s*$", text, re.S)
    return (found.group(1) if found else text).strip()


class QgisConnection:
    def __init__(self, provider_connection):
        self._connection = provider_connection

    def execute(self, script: str) -> None:
        self.query(script)

    def query(self, sql: str):
        from qgis.core import QgsProviderConnectionException

        try:
            rows = self._connection.executeSql(sql)
        except QgsProviderConnectionException as error:
            raise DatabaseError(_server_message(str(error))) from None
        return [tuple(_python_value(value) for value in row) for row in rows]

    def close(self) -> None:
        self._connection = None


def _python_value(value):
    from qgis.PyQt.QtCore import QVariant

    from ..qt_compat import is_null

    if is_null(value):
        return None
    return value.value() if isinstance(value, QVariant) else value


class Psycopg2Connection:
    def __init__(self, connection):
        self._connection = connection

    @classmethod
    def connect(cls, dsn: str):
        import psycopg2

        return cls(psycopg2.connect(dsn))

    def execute(self, script: str) -> None:
        import psycopg2

        try:
            with self._connection, self._connection.cursor() as cursor:
                cursor.execute(script)
        except psycopg2.Error as error:
            raise DatabaseError(str(error).strip()) from None

    def query(self, sql: str):
        import psycopg2

        try:
            with self._connection, self._connection.cursor() as cursor:
                cursor.execute(sql)
                return cursor.fetchall() if cursor.description else []
        except psycopg2.Error as error:
            raise DatabaseError(str(error).strip()) from None

    def close(self) -> None:
        self._connection.close()


def qgis_uri(database: str):
    """A `QgsDataSourceUri` for ``database``: a saved QGIS PostgreSQL connection's name, a
    connection string (``service=... authcfg=...``) or a ``postgresql://`` URI. Refuses any that
    carries a password: passwords belong in QGIS authentication configurations."""
    from qgis.core import (
        QgsDataSourceUri,
        QgsProviderConnectionException,
        QgsProviderRegistry,
    )

    from ..i18n import translate

    text = (database or "").strip()
    if re.match(r"^postgres(ql)?://", text, re.I):
        uri = _uri_from_url(text)
    elif "=" in text:
        uri = QgsDataSourceUri(text)
    else:
        metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
        try:
            saved = metadata.findConnection(text)
        except QgsProviderConnectionException:
            saved = None
        if saved is None:
            raise ConnectionRefused(translate(
                "Jordbase", "No saved PostgreSQL connection is called {0}. Give a connection's "
                "name from the Browser panel, or a connection string with authcfg=…")
                .format(text))
        uri = QgsDataSourceUri(saved.uri())
    if uri.password():
        raise ConnectionRefused(translate(
            "Jordbase", "The connection to database {0} on {1} holds a password. Store the "
            "password in a QGIS authentication configuration and give its id as authcfg=… "
            "instead, so that it is never written into layers, projects or logs.")
            .format(uri.database(), uri.host() or uri.service()))
    return uri


def _uri_from_url(url: str):
    from qgis.core import QgsDataSourceUri

    parts = urlparse(url)
    uri = QgsDataSourceUri()
    options = dict(parse_qsl(parts.query))
    # A password is kept only so that the caller can refuse it; it is never used.
    password = unquote(parts.password or "") or options.pop("password", "")
    uri.setConnection(parts.hostname or "", str(parts.port or options.pop("port", "5432")),
                      unquote(parts.path.lstrip("/")) or options.pop("dbname", ""),
                      unquote(parts.username or "") or options.pop("user", ""), password,
                      QgsDataSourceUri.SslMode.SslPrefer, options.pop("authcfg", ""))
    if "service" in options:
        uri.setService(options.pop("service"))
    if "sslmode" in options:
        uri.setSslMode(QgsDataSourceUri.decodeSslMode(options.pop("sslmode")))
    return uri


def open_qgis_connection(database: str):
    """(`QgisConnection`, the `QgsDataSourceUri` without table) for ``database``."""
    from qgis.core import QgsProviderRegistry

    uri = qgis_uri(database)
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    return QgisConnection(metadata.createConnection(uri.uri(False), {})), uri
