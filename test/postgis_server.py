"""A throw-away PostgreSQL + PostGIS server for tests: Debian's binaries, a temporary data
folder, loopback only, stopped when the test module ends."""
import getpass
import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path


def postgres_bin_dir():
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(candidates[-1]).parent if candidates else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class PostgisServer:
    def __init__(self, bin_dir: Path):
        self.bin_dir = bin_dir
        self.root = Path(tempfile.mkdtemp(prefix="jordressource-pg-"))
        self.data = self.root / "data"
        self.port = _free_port()
        self.as_root = os.geteuid() == 0
        self.user = "postgres" if self.as_root else getpass.getuser()

    def _run(self, *command, **kwargs):
        # PostgreSQL refuses to run as root: as root, run its tools as the postgres user.
        prefix = ["runuser", "-u", "postgres", "--"] if self.as_root else []
        return subprocess.run(prefix + [str(c) for c in command], check=True,
                              capture_output=True, text=True, **kwargs)

    def start(self):
        if self.as_root:
            shutil.chown(self.root, "postgres")
        self._run(self.bin_dir / "initdb", "-D", self.data, "-U", self.user, "--auth=trust",
                  "-E", "UTF8")
        options = f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.root}"
        self._run(self.bin_dir / "pg_ctl", "-D", self.data, "-o", options, "-w", "start",
                  "-l", self.root / "log")
        self.sql("postgres", "CREATE DATABASE jordressource")
        self.sql("jordressource", "CREATE EXTENSION postgis")
        return self

    def sql(self, database, statement):
        return self._run("psql", "-h", "127.0.0.1", "-p", self.port, "-U", self.user,
                         "-d", database, "-v", "ON_ERROR_STOP=1", "-At", "-c", statement).stdout

    def stop(self):
        try:
            self._run(self.bin_dir / "pg_ctl", "-D", self.data, "-m", "fast", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def require_password(self, role, password):
        """A login role (superuser: it stands for the region's database administrator) that
        must give its password over TCP, as on a real server; every other role is trusted."""
        self.sql("postgres", f"CREATE ROLE {role} LOGIN SUPERUSER PASSWORD '{password}'")
        hba = self.data / "pg_hba.conf"
        rule = f"host all {role} 127.0.0.1/32 scram-sha-256\n"
        hba.write_text(rule + hba.read_text())
        self._run(self.bin_dir / "pg_ctl", "-D", self.data, "reload")

    def dsn(self, user=None, database="jordressource"):
        """A libpq connection string; the server trusts loopback, so there is no password."""
        return f"host=127.0.0.1 port={self.port} dbname={database} user={user or self.user}"

    def qgis_uri(self, database="jordressource"):
        return f"dbname='{database}' host=127.0.0.1 port={self.port} user='{self.user}'"

    def uri(self, table, geometry_column="geom", key="fid", schema="public"):
        """A QGIS data source of ``schema.table``; ``key`` None leaves the key to QGIS (as the
        Processing dialog's "Save to PostGIS table" does), ``geometry_column`` None for a table
        without geometry."""
        parts = [self.qgis_uri()]
        if key:
            parts.append(f"key='{key}'")
        parts.append(f'table="{schema}"."{table}"')
        if geometry_column:
            parts.append(f"({geometry_column})")
        return " ".join(parts)


def append_features(source, target, values=None):
    """Every feature of the QGIS layer ``source`` added to the PostGIS layer ``target`` through
    QGIS's postgres provider, attributes matched by name, one feature at a time in the source's
    order: the provider reorders the features of one call, and a table whose key counts from 1
    then gives each row the GeoPackage's feature id. ``values`` sets further fields of every row,
    e.g. {"municipality_code": "0316"}. Returns the count added."""
    from qgis.core import QgsFeature

    fields = target.fields()
    names = [field.name() for field in fields]
    count = 0
    for original in source.getFeatures():
        feature = QgsFeature(fields)
        feature.setAttributes([
            values[name] if values and name in values
            else original[name] if name != "fid" and source.fields().lookupField(name) >= 0
            else None for name in names])
        feature.setGeometry(original.geometry())
        ok, _ = target.dataProvider().addFeatures([feature])
        assert ok, target.dataProvider().lastError()
        count += 1
    return count
