"""make deploy: install the packaged plugin into a QGIS profile and enable it.

The profile is the default one (profiles.ini's `defaultProfile`, else `default`) under
$QGIS_CUSTOM_CONFIG_PATH, or under the user's QGIS settings folder when that is unset (as QGIS
itself resolves it on each platform).
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


def default_profile(root: Path) -> str:
    """The profile QGIS opens by default: `[core] defaultProfile` of profiles.ini, else default."""
    ini = root / "profiles.ini"
    if ini.exists():
        config = configparser.RawConfigParser(strict=False, interpolation=None)
        config.read(ini, encoding="utf-8")
        name = config.get("core", "defaultProfile", fallback="").strip()
        if name:
            return name
    return "default"


def install(profile: Path) -> Path:
    target = profile / "python" / "plugins" / "jordressource_plugin"
    if target.exists():
        shutil.rmtree(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(ZIP) as archive:
        archive.extractall(target.parent)
    enable(profile / "QGIS" / "QGIS3.ini")
    return target


def main() -> int:
    root = profiles_root()
    # QGIS desktop opens the default profile; qgis_process always reads the one named "default".
    for name in dict.fromkeys([default_profile(root), "default"]):
        print(f"deploy: installed and enabled in {install(root / name)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
