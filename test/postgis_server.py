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

    def uri(self, table, geometry_column="geom", key="fid"):
        return (f"dbname='jordressource' host=127.0.0.1 port={self.port} user='{self.user}' "
                f"key='{key}' table=\"public\".\"{table}\" ({geometry_column})")
