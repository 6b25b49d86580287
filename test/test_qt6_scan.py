"""The plugin's code (jordressource_plugin/ and scripts/) holds none of the Qt-5-only patterns the
QGIS project's migration guide for plugins lists, so it runs unchanged on QGIS 3 (Qt 5) and QGIS 4
(Qt 6). Each hit fails with its file:line and what to write instead.

Source: the QGIS wiki page "Plugin migration to be compatible with Qt5 and Qt6"
(https://github.com/qgis/QGIS/wiki/Plugin-migration-to-be-compatible-with-Qt5-and-Qt6, linked from
the PyQGIS cookbook) and what its converter, qgis/QGIS scripts/pyqt5_to_pyqt6/pyqt5_to_pyqt6.py,
rewrites or warns about:

- PyQt5 / PyQt6 / sip imported directly instead of through ``qgis.PyQt``; ``qgis.PyQt.Qt``;
- ``exec_()`` (and ``print_()``): Qt 6 has only ``exec()`` / ``print()``;
- ``QVariant`` type constants (``QVariant.Int``) and ``QVariant()`` as NULL: Qt 6 has no
  ``QVariant.Type``; QGIS 3.38+ types fields by ``QMetaType``. jordressource_plugin/qt_compat.py
  picks the one this QGIS wants and is the only module allowed to name QVariant types;
- unscoped enum values (``Qt.AlignLeft``, ``QgsProcessing.TypeVectorLine``): PyQt6 knows only
  ``Qt.AlignmentFlag.AlignLeft``, ``QgsProcessing.SourceType.TypeVectorLine``; found by asking the
  running QGIS's own bindings which attribute is an enum value reached past its enum type;
- enum values Qt 6 renamed (``Qt.MidButton``, ``Qt.TextColorRole``, ``Qt.BackgroundColorRole``,
  ``QPainter.HighQualityAntialiasing``);
- classes and calls Qt 6 removed: ``QRegExp`` (and its validator), ``QDesktopWidget`` and
  ``QApplication.desktop()``, ``qApp``, ``QFontMetrics.width()``, ``activated[str]``, compiled
  resources (``resources_rc``), ``QDateTime`` from eight numbers or from a ``QDate`` alone, and
  ``addAction`` with four or more arguments (the guide calls it fragile).

One more rule that is ours, not the guide's: ``QAction`` and ``QShortcut`` come from
``qgis.PyQt.QtWidgets``, which maps them to QtGui on Qt 6; ``qgis.PyQt.QtGui`` lacks them on QGIS
3.22."""
import ast
import enum
import importlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCANNED = ("jordressource_plugin", "scripts")

RENAMED_ENUMS = {("Qt", "MidButton"): "Qt.MouseButton.MiddleButton",
                 ("Qt", "TextColorRole"): "Qt.ItemDataRole.ForegroundRole",
                 ("Qt", "BackgroundColorRole"): "Qt.ItemDataRole.BackgroundRole",
                 ("QPainter", "HighQualityAntialiasing"): "QPainter.RenderHint.Antialiasing"}
REMOVED_NAMES = {"QRegExp": "QRegularExpression",
                 "QRegExpValidator": "QRegularExpressionValidator",
                 "QDesktopWidget": "QScreen (QGuiApplication.screens())",
                 "qApp": "QApplication.instance()"}
RENAMED_CALLS = {"exec_": "exec()", "print_": "print()"}
DIRECT_BINDINGS = ("PyQt5", "PyQt6", "sip", "PySide2", "PySide6")
FONT_METRICS = {"QFontMetrics", "QFontMetricsF"}
# The one module that may name QVariant types: in its branch for QGIS 3.22-3.36, always Qt 5.
QT_COMPAT = ROOT / "jordressource_plugin" / "qt_compat.py"


def sources():
    for folder in SCANNED:
        yield from sorted((ROOT / folder).rglob("*.py"))


def parsed():
    for path in sources():
        yield path, ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def where(path, node):
    return f"{path.relative_to(ROOT)}:{node.lineno}"


def dotted(node):
    """``a.b.c`` of a Name/Attribute chain, else None."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = dotted(node.value)
        return f"{base}.{node.attr}" if base else None
    return None


def static_hits(path, tree):
    """The guide's patterns that need no QGIS to find: (file:line, what to do)."""
    hits = []
    metrics = {target.id for node in ast.walk(tree) if isinstance(node, ast.Assign)
               and isinstance(node.value, ast.Call) and isinstance(node.value.func, ast.Name)
               and node.value.func.id in FONT_METRICS
               for target in node.targets if isinstance(target, ast.Name)}

    def hit(node, message):
        hits.append(f"{where(path, node)}: {message}")

    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            modules = [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            modules += [alias.name for alias in node.names]
            if any(module.rpartition(".")[2] == "resources_rc" for module in modules):
                hit(node, "compiled resources are gone in Qt 6: load files by path")
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] in DIRECT_BINDINGS:
                    hit(node, f"import {alias.name}: import through qgis.PyQt")
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            top = node.module.split(".")[0]
            names = {alias.name for alias in node.names}
            if top in DIRECT_BINDINGS:
                hit(node, f"from {node.module}: import through qgis.PyQt")
            if node.module == "qgis.PyQt.Qt":
                hit(node, "qgis.PyQt.Qt is gone in Qt 6: import from qgis.PyQt.QtCore etc.")
            if node.module == "qgis.PyQt.QtGui" and names & {"QAction", "QShortcut"}:
                hit(node, "QAction/QShortcut: import from qgis.PyQt.QtWidgets (QGIS 3.22 has "
                          "them only there; qgis.PyQt maps them to QtGui on Qt 6)")
            for name in names & set(REMOVED_NAMES):
                hit(node, f"{name} is gone in Qt 6: use {REMOVED_NAMES[name]}")
        elif isinstance(node, ast.Name) and node.id in REMOVED_NAMES:
            hit(node, f"{node.id} is gone in Qt 6: use {REMOVED_NAMES[node.id]}")
        elif isinstance(node, ast.FunctionDef) and node.name in RENAMED_CALLS:
            hit(node, f"def {node.name}: Qt 6 calls {RENAMED_CALLS[node.name]}")
        elif isinstance(node, ast.Attribute):
            owner = dotted(node.value)
            if node.attr in RENAMED_CALLS:
                hit(node, f".{node.attr}(): use .{RENAMED_CALLS[node.attr]}")
            if owner == "QVariant" and path != QT_COMPAT:
                hit(node, f"QVariant.{node.attr}: Qt 6 has no QVariant types; QGIS 3.38+ wants "
                          "QMetaType (use jordressource_plugin.qt_compat)")
            if owner and (owner.rpartition(".")[2], node.attr) in RENAMED_ENUMS:
                hit(node, f"{owner}.{node.attr}: Qt 6 calls it "
                          f"{RENAMED_ENUMS[(owner.rpartition('.')[2], node.attr)]}")
            if node.attr == "width" and (
                    (isinstance(node.value, ast.Name) and node.value.id in metrics)
                    or (isinstance(node.value, ast.Call)
                        and (dotted(node.value.func) or "").rpartition(".")[2]
                        in FONT_METRICS | {"fontMetrics"})):
                hit(node, "QFontMetrics.width() is gone in Qt 6: use horizontalAdvance()")
        elif isinstance(node, ast.Subscript):
            if (isinstance(node.value, ast.Attribute) and node.value.attr == "activated"
                    and isinstance(node.slice, ast.Name) and node.slice.id == "str"):
                hit(node, "activated[str] is gone in Qt 6: use textActivated")
        if isinstance(node, ast.Call):
            name = dotted(node.func) or ""
            if name == "QVariant" and (not node.args or (dotted(node.args[0]) or "").startswith(
                    "QVariant.")):
                hit(node, "QVariant() as NULL: use qgis.core.NULL")
            if name.rpartition(".")[2] == "desktop" and not node.args:
                hit(node, "QApplication.desktop() is gone in Qt 6: use QScreen")
            if name == "QDateTime" and (len(node.args) == 8 or (
                    len(node.args) == 1 and isinstance(node.args[0], ast.Call)
                    and dotted(node.args[0].func) == "QDate")):
                hit(node, "QDateTime(...) from numbers or a QDate alone: use "
                          "QDateTime(QDate(...), QTime(...))")
            if name.rpartition(".")[2] == "addAction" and len(node.args) >= 4:
                hit(node, "addAction with 4+ arguments is fragile in Qt 6: make the QAction, "
                          "then addAction(action)")
    return hits


QT5_ONLY_EXAMPLE = """
from PyQt5.QtCore import QRegExp
import sip
from qgis.PyQt.Qt import Qt
from qgis.PyQt.QtGui import QAction
from . import resources_rc
dialog.exec_()
field = QgsField("n", QVariant.Int)
empty = QVariant()
button = Qt.MidButton
screen = QApplication.desktop()
width = QFontMetrics(font).width("text")
combo.activated[str].connect(slot)
when = QDateTime(2026, 1, 1, 0, 0, 0, 0, 0)
menu.addAction(icon, "text", receiver, slot)
"""


def test_the_scan_finds_each_pattern_of_the_guide():
    hits = static_hits(ROOT / "scripts" / "example.py", ast.parse(QT5_ONLY_EXAMPLE))
    lines = sorted(int(hit.split(":")[1]) for hit in hits)
    # line 2 twice (PyQt5, QRegExp); every other pattern once, on its own line
    assert lines == [2, 2, *range(3, 16)], "\n".join(hits)


def test_no_qt5_only_patterns():
    hits = [hit for path, tree in parsed() for hit in static_hits(path, tree)]
    assert not hits, "Qt-5-only code (QGIS migration guide):\n" + "\n".join(sorted(hits))


# ---- unscoped enums, asked of the running QGIS's bindings ------------------------------------

def is_enum_type(value):
    """A Python enum class (QGIS 3.30+ and PyQt6) or a sip enum type (PyQt5)."""
    return isinstance(value, enum.EnumMeta) or type(value).__name__ == "enumtype"


def is_enum_value(value):
    return isinstance(value, enum.Enum) or is_enum_type(type(value))


def qgis_names(tree):
    """{name: object} for every name the module imports from qgis.* (Qt through qgis.PyQt),
    and every plain name assigned one of their attributes (``side = QgsLegendStyle.Side``)."""
    names = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and not node.level and node.module \
                and node.module.split(".")[0] == "qgis":
            module = importlib.import_module(node.module)
            for alias in node.names:
                if hasattr(module, alias.name):
                    names[alias.asname or alias.name] = getattr(module, alias.name)
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, value = node.targets[0], node.value
            pairs = (zip(target.elts, value.elts) if isinstance(target, ast.Tuple)
                     and isinstance(value, ast.Tuple) else [(target, value)])
            for name, expression in pairs:
                if isinstance(name, ast.Name) and resolve(expression, names) is not None:
                    names[name.id] = resolve(expression, names)
    return names


def resolve(node, names):
    if isinstance(node, ast.Name):
        return names.get(node.id)
    if isinstance(node, ast.Attribute):
        owner = resolve(node.value, names)
        return None if owner is None else getattr(owner, node.attr, None)
    return None


def scopes(owner, value):
    """The names under which ``owner`` offers the enum type of ``value``: its own name, and the
    alias QGIS keeps for an enum it moved (``QgsProcessingParameterDefinition.Flag`` is
    ``Qgis.ProcessingParameterFlag`` since 3.36)."""
    return {type(value).__name__} | {name for name in dir(owner)
                                     if getattr(owner, name, None) is type(value)}


def enum_members(names):
    """{value name: names of its enum types} over the classes the module imports (with what they
    inherit): what an object of one of them offers as ``object.FlagAdvanced``."""
    members = {}
    for owner in names.values():
        if not isinstance(owner, type) or is_enum_type(owner):
            continue
        for name in dir(owner):
            value = getattr(owner, name, None)
            if name[:1].isupper() and is_enum_value(value):
                members.setdefault(name, set()).update(scopes(owner, value))
    return members


def unscoped_enum_hits(path, tree):
    """Enum values reached past their enum type: through a class the module imports
    (``Qt.AlignLeft``) or through an object of one (``parameter.FlagAdvanced``)."""
    names = qgis_names(tree)
    members = enum_members(names)
    hits = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Attribute):
            continue
        owner = resolve(node.value, names)
        if owner is None:
            known = members.get(node.attr, set())
            through_scope = isinstance(node.value, ast.Attribute) and node.value.attr in known
            if known and not through_scope:
                hits.append(f"{where(path, node)}: .{node.attr}: an enum value reached through "
                            f"an object; write its class and enum type ({'/'.join(sorted(known))}"
                            f".{node.attr})")
            continue
        if is_enum_type(owner):
            continue
        value = getattr(owner, node.attr, None)
        if is_enum_value(value):
            scope = min(scopes(owner, value), key=len)
            hits.append(f"{where(path, node)}: {dotted(node)}: Qt 6 wants the enum's scope, "
                        f"e.g. {dotted(node.value)}.{scope}.{node.attr}")
    return hits


@pytest.mark.qgis
def test_the_scan_finds_an_unscoped_enum():
    pytest.importorskip("qgis.core")
    source = ("from qgis.PyQt.QtCore import Qt\n"
              "from qgis.core import QgsProcessing, QgsProcessingParameterNumber\n"
              "a = Qt.AlignLeft | Qt.AlignmentFlag.AlignTop\n"
              "b = QgsProcessing.TypeVectorLine, QgsProcessing.SourceType.TypeVectorLine\n"
              "c = number.flags() | number.FlagAdvanced | number.Flag.FlagOptional\n")
    hits = unscoped_enum_hits(ROOT / "scripts" / "example.py", ast.parse(source))
    assert sorted(hit.split(": ")[1] for hit in hits) == [
        ".FlagAdvanced", "QgsProcessing.TypeVectorLine", "Qt.AlignLeft"], "\n".join(hits)


@pytest.mark.qgis
def test_enums_are_fully_scoped():
    pytest.importorskip("qgis.core")
    hits = [hit for path, tree in parsed() for hit in unscoped_enum_hits(path, tree)]
    assert not hits, "Unscoped enums (QGIS migration guide):\n" + "\n".join(sorted(hits))


def test_metadata_offers_the_plugin_to_qgis_4():
    """plugins.qgis.org and the plugin manager show a plugin to QGIS 4 users by
    ``qgisMaximumVersion`` alone (the former ``supportsQt6`` flag is no longer read); this scan
    passing is what makes 4.99 true."""
    import configparser

    metadata = configparser.ConfigParser(interpolation=None)
    metadata.read(ROOT / "metadata.txt", encoding="utf-8")
    assert metadata["general"]["qgisMaximumVersion"] == "4.99"
