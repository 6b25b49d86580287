"""Translations: Qt's .qm catalogue for short strings, per-locale help files for long ones."""
import re
from contextlib import contextmanager
from pathlib import Path

from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator

from .resources import PACKAGE_DIR, help_dir

_translator = None


def user_language() -> str:
    """Two-letter language QGIS runs in (its override setting first, then the system's)."""
    settings = QgsSettings()
    locale = ""
    if settings.value("locale/overrideFlag", False, type=bool):
        locale = settings.value("locale/userLocale", "", type=str) or ""
    if not locale:
        locale = settings.value("locale/userLocale", "", type=str) or QLocale().name()
    return (locale or "en")[:2].lower()


def install_translator() -> None:
    """Load the catalogue for the user's language once per process."""
    global _translator
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
