"""Run Jordressource algorithms through `qgis_process` with the packaged plugin, as a user would.

Used by `make demo` and by the tests. The plugin is unzipped from dist/ into a private plugin
folder and enabled in a private profile, so nothing of the user's own QGIS set-up is touched.
"""
import json
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ZIP = ROOT / "dist" / "jordressource_plugin.zip"


def qgis_process_binary() -> str:
    """`qgis_process.bin` where it exists: Debian 12's `qgis_process` wrapper passes a flag that
    QGIS 3.22 rejects."""
    for name in ("qgis_process.bin", "qgis_process"):
        installed = Path("/usr/bin") / name
        found = shutil.which(name) or (str(installed) if installed.exists() else None)
        if found:
            return found
    raise FileNotFoundError("qgis_process was not found; run 'make setup'")


class QgisProcessError(RuntimeError):
    pass


class QgisProcess:
    """A private QGIS profile with the packaged plugin enabled."""

    def __init__(self, workdir: Path, plugin_zip: Path = ZIP):
        self.workdir = Path(workdir)
        self.plugins = self.workdir / "plugins"
        self.profile = self.workdir / "profile"
        if not plugin_zip.exists():
            raise FileNotFoundError(f"{plugin_zip} is missing; run 'make package'")
        self.plugins.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(plugin_zip) as archive:
            archive.extractall(self.plugins)
        ini = self.profile / "profiles" / "default" / "QGIS" / "QGIS3.ini"
        ini.parent.mkdir(parents=True, exist_ok=True)
        ini.write_text("[PythonPlugins]\njordressource_plugin=true\n", encoding="utf-8")
        self.runtime = self.workdir / "runtime"
        self.runtime.mkdir(mode=0o700, exist_ok=True)

    def environment(self) -> dict:
        env = dict(os.environ)
        env.update(QT_QPA_PLATFORM="offscreen", QGIS_PLUGINPATH=str(self.plugins),
                   QGIS_CUSTOM_CONFIG_PATH=str(self.profile), XDG_RUNTIME_DIR=str(self.runtime))
        return env

    def command(self, *arguments: str, timeout: float = 600) -> subprocess.CompletedProcess:
        return subprocess.run([qgis_process_binary(), *arguments], env=self.environment(),
                              capture_output=True, text=True, timeout=timeout)

    def algorithms(self) -> list:
        listing = self.command("list").stdout
        return [line.split()[0] for line in listing.splitlines()
                if line.strip().startswith("jordressource:")]

    def run(self, algorithm: str, parameters: dict, timeout: float = 600) -> dict:
        """Run ``algorithm`` with ``parameters`` (lists repeat the parameter); the JSON result."""
        arguments = ["--json", "run", algorithm, "--"]
        for name, value in parameters.items():
            for item in value if isinstance(value, (list, tuple)) else [value]:
                arguments.append(f"{name}={item}")
        done = self.command(*arguments, timeout=timeout)
        if done.returncode != 0:
            raise QgisProcessError(f"{algorithm} failed ({done.returncode}):\n{done.stdout[-3000:]}"
                                   f"\n{done.stderr[-3000:]}")
        start = done.stdout.find("{")
        return json.loads(done.stdout[start:])
