"""make screenshots: pictures of the plugin at work in real QGIS desktop, for the README.

Runs QGIS itself under a virtual X server (Xvfb), with the packaged plugin in a private
profile: once in English with the Holbæk sample, a match_reuse result and the Jordressource
menu open; once in Danish with the match_reuse dialog. Writes docs/screenshot_*.png.
"""
import configparser
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SCREEN = "1600x1000x24"

# Runs inside QGIS (qgis --code): builds the scene, grabs the window, quits.
SCENE = r'''
import processing
from qgis.core import QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QPoint, QTimer
from qgis.PyQt.QtWidgets import QApplication
from qgis.utils import iface, plugins

import traceback

TARGET = {target!r}
KIND = {kind!r}
LOG = {log!r}


def quit_qgis():
    QApplication.instance().exit(0)


def guarded(function):
    def run():
        try:
            function()
        except Exception:  # noqa: BLE001 (written where the script reads it, then QGIS quits)
            with open(LOG, "a", encoding="utf-8") as log:
                log.write(traceback.format_exc())
            quit_qgis()
    return run


def grab(widget=None):
    """The widget, or the whole screen (with any open menu) when none is given."""
    QApplication.processEvents()
    picture = widget.grab() if widget is not None else \
        QApplication.primaryScreen().grabWindow(0)
    picture.save(TARGET)
    QTimer.singleShot(200, quit_qgis)


def main_window():
    plugin = plugins["jordressource_plugin"]
    plugin.open_sample_project()
    sample = plugin.menu  # the menu the plugin installed
    layers = {{l.name(): l for l in QgsProject.instance().mapLayers().values()}}
    gpkg = [l for l in layers.values() if l.source().endswith("layername=excavations")][0]
    source = gpkg.source().split("|")[0]
    result = processing.run("jordressource:match_reuse", {{
        "SOURCES": f"{{source}}|layername=excavations",
        "RECEIVERS": f"{{source}}|layername=receivers",
        "DISPOSAL": f"{{source}}|layername=disposal_sites",
        "AREA_TYPES": f"{{source}}|layername=area_types",
        "CONTAMINATION": f"{{source}}|layername=contaminated_sites",
        "OUTPUT_MATCHES": "TEMPORARY_OUTPUT", "OUTPUT_SOURCES": "TEMPORARY_OUTPUT",
        "OUTPUT_RECEIVERS": "TEMPORARY_OUTPUT"}})
    from jordressource_plugin.layers.legend import load_style
    from jordressource_plugin.layers.styling import style_path
    matches = result["OUTPUT_MATCHES"]
    load_style(matches, style_path("matches"))
    matches.setName("Reuse matches")
    QgsProject.instance().addMapLayer(matches)
    iface.mainWindow().setGeometry(0, 0, 1600, 1000)
    iface.mainWindow().showMaximized()
    menu_bar = iface.mainWindow().menuBar()
    entry = menu_bar.actionGeometry(sample.menu.menuAction())
    QTimer.singleShot(3000, lambda: sample.menu.popup(menu_bar.mapToGlobal(entry.bottomLeft())))
    QTimer.singleShot(5000, guarded(grab))


def dialog():
    dialog = processing.createAlgorithmDialog("jordressource:match_reuse")
    dialog.resize(1000, 860)
    dialog.show()
    QTimer.singleShot(2500, guarded(lambda: grab(dialog)))


QTimer.singleShot(1500, guarded(main_window if KIND == "main" else dialog))
QTimer.singleShot(120000, quit_qgis)  # never hang a build
'''


def build_profile(folder: Path, locale: str) -> None:
    """A QGIS profile under ``folder`` (QGIS's --profiles-path) with the packaged plugin enabled
    and the given interface language."""
    profiles = folder / "profiles"
    profile = profiles / "default"
    plugins = profile / "python" / "plugins"
    plugins.mkdir(parents=True)
    zip_path = folder / "jordressource_plugin.zip"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "package.py"), str(zip_path)],
                   check=True, capture_output=True)
    with zipfile.ZipFile(zip_path) as archive:
        archive.extractall(plugins)
    ini = configparser.ConfigParser()
    ini.optionxform = str
    ini["PythonPlugins"] = {"jordressource_plugin": "true"}
    ini["locale"] = {"overrideFlag": "true", "userLocale": locale, "globalLocale": locale}
    ini["qgis"] = {"checkVersion": "false", "showTips": "false"}
    ini["UI"] = {"hidePluginsRepositoryWarning": "true"}
    (profile / "QGIS").mkdir()
    with open(profile / "QGIS" / "QGIS3.ini", "w", encoding="utf-8") as handle:
        ini.write(handle, space_around_delimiters=False)


def shoot(kind: str, locale: str, target: Path) -> None:
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        build_profile(folder, locale)
        code = folder / "scene.py"
        log = folder / "scene.log"
        code.write_text(SCENE.format(target=str(target), kind=kind, log=str(log)),
                        encoding="utf-8")
        command = ["xvfb-run", "-a", "-s", f"-screen 0 {SCREEN}", "qgis", "--nologo",
                   "--noversioncheck", "--profiles-path",
                   str(folder), "--code", str(code)]
        done = subprocess.run(command, timeout=300, capture_output=True, text=True,
                              env={"PATH": "/usr/bin:/bin", "HOME": str(folder),
                                   "LANG": "C.UTF-8"})
        if not target.exists():
            problem = log.read_text(encoding="utf-8") if log.exists() else done.stderr[-3000:]
            raise RuntimeError(f"QGIS wrote no {target.name}:\n{problem}")


def main() -> int:
    if shutil.which("xvfb-run") is None or shutil.which("qgis") is None:
        print("screenshots: needs QGIS desktop and xvfb-run (apt install qgis xvfb)",
              file=sys.stderr)
        return 1
    DOCS.mkdir(exist_ok=True)
    for kind, locale, name in (("main", "en_GB", "screenshot_qgis.png"),
                               ("dialog", "da_DK", "screenshot_match_reuse_da.png")):
        shoot(kind, locale, DOCS / name)
        print(f"screenshots: wrote docs/{name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
