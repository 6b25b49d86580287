"""Translations: Qt's .qm catalogue for short strings, per-locale help files for long ones, and
numbers written the way the user's locale writes them."""
import re
from contextlib import contextmanager
from pathlib import Path

from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator

from .core.number_format import NumberFormat
from .resources import PACKAGE_DIR, help_dir

_translator = None


def user_locale_name() -> str:
    """The locale QGIS translates its interface to, e.g. ``da_DK`` (its override setting
    first, then the system's)."""
    settings = QgsSettings()
    locale = ""
    if settings.value("locale/overrideFlag", False, type=bool):
        locale = settings.value("locale/userLocale", "", type=str) or ""
    if not locale:
        locale = settings.value("locale/userLocale", "", type=str) or QLocale().name()
    return locale or "en"


def user_language() -> str:
    """Two-letter language QGIS runs in (its override setting first, then the system's)."""
    return user_locale_name()[:2].lower()


def number_locale() -> QLocale:
    """The locale numbers are written in: QGIS's own setting ("Locale (numbers, date and
    currency formats)" when the user overrides the system's), else the interface's.

    Read from QGIS's settings and never from ``QLocale()``: qgis_process leaves Qt's default
    locale at the system's, so a Danish QGIS would otherwise write English numbers there."""
    settings = QgsSettings()
    name = ""
    if settings.value("locale/overrideFlag", False, type=bool):
        name = settings.value("locale/globalLocale", "", type=str) or ""
    return QLocale(name or user_locale_name())


def number_format() -> NumberFormat:
    """How the user's locale writes numbers, for messages here and reports in the engine.

    Thousands are always grouped (273.910 m³), whatever QGIS's "show group separator" setting
    says for its input boxes: a message is read, not typed into. Per cent takes a space before
    it except in English ("25 %", "25%")."""
    locale = number_locale()
    english = locale.name() == "C" or locale.name().startswith("en")
    return NumberFormat(decimal=locale.decimalPoint(), group=locale.groupSeparator(),
                        minus=locale.negativeSign(), percent="%" if english else "\u00a0%")


def format_number(value, decimals: int = 0) -> str:
    """``value`` as the user's locale writes it: 273.910 and 2,5 in Danish, 273,910 and 2.5 in
    English."""
    return number_format().number(value, decimals)


def format_share(value, decimals: int = 0) -> str:
    """A share 0–1 in per cent as the user's locale writes it: 25 % in Danish, 25% in English."""
    return number_format().share(value, decimals)


def install_translator(again: bool = False) -> None:
    """Load the catalogue for the user's language once per process; ``again`` replaces the one
    loaded before (after the language setting changed, as in the tests of both languages)."""
    global _translator
    if _translator is not None and again:
        QCoreApplication.removeTranslator(_translator)
        _translator = None
    if _translator is not None:
        return
    qm = PACKAGE_DIR / "i18n" / f"jordressource_{user_language()}.qm"
    if qm.exists():
        translator = QTranslator()
        if translator.load(str(qm)):
            QCoreApplication.installTranslator(translator)
            _translator = translator


@contextmanager
def source_language():
    """Strings as the code writes them (English) inside the block, whatever language QGIS runs
    in: for documents generated from the code, such as docs/reference.md."""
    if _translator is not None:
        QCoreApplication.removeTranslator(_translator)
    try:
        yield
    finally:
        if _translator is not None:
            QCoreApplication.installTranslator(_translator)


def translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def help_path(name: str) -> Path:
    """The help file ``name`` in the user's language, English where no translation exists."""
    for language in (user_language(), "en"):
        path = help_dir() / language / f"{name}.html"
        if path.exists():
            return path
    return help_dir() / "en" / f"{name}.html"


# A help file includes a shared snippet (``help/<lang>/_<name>.html``) with this comment, so
# that a rule common to several algorithms is written once: ``<!-- include reading_tables -->``.
INCLUDE = re.compile(r"<!-- include (\w+) -->")


def help_text(name: str) -> str:
    """Help for ``name`` in the user's language, English where no translation exists, with its
    shared snippets included."""
    path = help_path(name)
    if not path.exists():
        return ""
    language = path.parent.name
    return INCLUDE.sub(lambda match: _snippet(match.group(1), language),
                       path.read_text(encoding="utf-8"))


def _snippet(name: str, language: str) -> str:
    for candidate in (language, "en"):
        path = help_dir() / candidate / f"_{name}.html"
        if path.exists():
            return path.read_text(encoding="utf-8")
    return ""
