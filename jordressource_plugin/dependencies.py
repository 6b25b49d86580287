"""Which Python libraries an algorithm needs, and how a planner installs a missing one on the
system QGIS runs on (see docs/platforms.md for what each QGIS installer ships, with sources).

An algorithm whose library is missing stays in the toolbox and says in ``canExecute()`` what is
missing and the exact way to install it: the package of the user's own installer, so that the
library links QGIS's own GDAL (a second GDAL in QGIS's process breaks it on Windows).
"""
import importlib.util
import os
import sys

from .i18n import translate

# Module name -> (Debian/Ubuntu package, OSGeo4W package).
PACKAGES = {
    "numpy": ("python3-numpy", "python3-numpy"),
    "pandas": ("python3-pandas", "python3-pandas"),
    "geopandas": ("python3-geopandas", "python3-geopandas"),
    "shapely": ("python3-shapely", "python3-shapely"),
    "scipy": ("python3-scipy", "python3-scipy"),
    "rasterio": ("python3-rasterio", "python3-rasterio"),
    "matplotlib": ("python3-matplotlib", "python3-matplotlib"),
}


def missing_libraries(names) -> list:
    return [name for name in names if importlib.util.find_spec(name) is None]


def install_advice(missing, platform: str = sys.platform, environ=os.environ) -> str:
    """What to do about ``missing`` libraries, for the platform QGIS runs on."""
    debian = " ".join(PACKAGES.get(name, (f"python3-{name}",) * 2)[0] for name in missing)
    osgeo4w = " ".join(PACKAGES.get(name, (f"python3-{name}",) * 2)[1] for name in missing)
    names = ", ".join(missing)
    if platform.startswith("win"):
        root = environ.get("OSGEO4W_ROOT", r"C:\OSGeo4W")
        return translate(
            "Dependencies",
            "This algorithm needs the Python libraries {0}, which are not installed. Run the "
            "OSGeo4W installer again (Advanced install) and tick {1}, or from a command prompt: "
            "osgeo4w-setup.exe -q -k -R {2} -P {3}. With the standalone MSI installer, the "
            "OSGeo4W network installer is the clean way; pip in the OSGeo4W Shell brings a "
            "second GDAL that can break QGIS.").format(names, osgeo4w.replace(" ", ", "), root,
                                                       osgeo4w.replace(" ", ","))
    if platform == "darwin":
        return translate(
            "Dependencies",
            "This algorithm needs the Python libraries {0}, which are not installed in this "
            "QGIS. Recent official QGIS packages for macOS include them: update QGIS, and check "
            "with 'import {1}' in QGIS's Python console.").format(names, ", ".join(missing))
    return translate(
        "Dependencies",
        "This algorithm needs the Python libraries {0}, which are not installed. On Debian or "
        "Ubuntu: sudo apt install {1}; elsewhere install them for the Python QGIS runs.").format(
            names, debian)
