"""Where the plugin's data files live, in the source tree and in the installed zip alike.

In the repository `styles/` and `processing/` sit beside the package; `make package` copies them
inside it (`styles/`, `models/`). Looking in both places keeps one code path for both layouts.
"""
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
_REPO_DIR = PACKAGE_DIR.parent


def _first_existing(*candidates: Path) -> Path:
    for candidate in candidates:
        if candidate.exists():
            return candidate
    return candidates[0]


def styles_dir() -> Path:
    return _first_existing(PACKAGE_DIR / "styles", _REPO_DIR / "styles")


def models_dir() -> Path:
    return _first_existing(PACKAGE_DIR / "models", _REPO_DIR / "processing")


def style_path(name: str) -> Path:
    """The QML file of a named output style, e.g. ``style_path("matches")``."""
    return styles_dir() / f"{name}.qml"


def sample_dir() -> Path:
    return PACKAGE_DIR / "sample"


def help_dir() -> Path:
    return PACKAGE_DIR / "help"


def metadata_path() -> Path:
    """metadata.txt: inside the installed plugin, beside the package in the repository."""
    return _first_existing(PACKAGE_DIR / "metadata.txt", _REPO_DIR / "metadata.txt")


def icon_path() -> Path:
    return PACKAGE_DIR / "icons" / "jordressource.svg"
