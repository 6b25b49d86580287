"""make deploy: install the packaged plugin into a QGIS profile and enable it.

The profile is `default` under $QGIS_CUSTOM_CONFIG_PATH, or under the user's QGIS settings
folder when that is unset (as QGIS itself resolves it on each platform).
"""
import configparser
import os
import shutil
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ZIP = ROOT / "dist" / "jordressource_plugin.zip"


def profiles_root() -> Path:
    custom = os.environ.get("QGIS_CUSTOM_CONFIG_PATH")
    if custom:
        return Path(custom) / "profiles"
    if sys.platform.startswith("win"):
        return Path(os.environ["APPDATA"]) / "QGIS" / "QGIS3" / "profiles"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "QGIS" / "QGIS3" / "profiles"
    return Path.home() / ".local" / "share" / "QGIS" / "QGIS3" / "profiles"


def enable(ini: Path) -> None:
    """Set [PythonPlugins] jordressource_plugin=true, keeping the rest of QGIS3.ini as it is."""
    ini.parent.mkdir(parents=True, exist_ok=True)
    config = configparser.RawConfigParser(strict=False, interpolation=None)
    config.optionxform = str
    if ini.exists():
        config.read(ini, encoding="utf-8")
    if not config.has_section("PythonPlugins"):
        config.add_section("PythonPlugins")
    config.set("PythonPlugins", "jordressource_plugin", "true")
    with ini.open("w", encoding="utf-8") as handle:
        config.write(handle, space_around_delimiters=False)


def main() -> int:
    profile = profiles_root() / "default"
    plugins = profile / "python" / "plugins"
    target = plugins / "jordressource_plugin"
    if target.exists():
        shutil.rmtree(target)
    plugins.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(ZIP) as archive:
        archive.extractall(plugins)
    enable(profile / "QGIS" / "QGIS3.ini")
    print(f"deploy: installed and enabled in {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
