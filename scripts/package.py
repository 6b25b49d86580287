"""make package: dist/jordressource_plugin.zip, one top folder as QGIS's plugin manager expects.

The folder holds the package, metadata.txt, styles/ and the models of processing/ (as models/).
"""
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "jordressource_plugin"
TOP = "jordressource_plugin"
SKIP_PARTS = {"__pycache__", ".pytest_cache", ".hypothesis"}
SKIP_SUFFIXES = {".pyc", ".pyo", ".ts"}
# GDAL writes statistics beside rasters it opens (holbaek_dem.tif.aux.xml): not part of the plugin.
SKIP_NAME_ENDINGS = (".aux.xml",)


def plugin_files():
    """(path on disk, path in the zip) of every file the installed plugin needs."""
    for path in sorted(PACKAGE.rglob("*")):
        if (path.is_file() and not SKIP_PARTS & set(path.parts) and path.suffix not in SKIP_SUFFIXES
                and not path.name.endswith(SKIP_NAME_ENDINGS)):
            yield path, f"{TOP}/{path.relative_to(PACKAGE).as_posix()}"
    yield ROOT / "metadata.txt", f"{TOP}/metadata.txt"
    yield ROOT / "LICENSE", f"{TOP}/LICENSE"
    for path in sorted((ROOT / "styles").glob("*.qml")):
        yield path, f"{TOP}/styles/{path.name}"
    for path in sorted((ROOT / "processing").glob("*")):
        if path.is_file():
            yield path, f"{TOP}/models/{path.name}"


def main(argv) -> int:
    qm = PACKAGE / "i18n" / "jordressource_da.qm"
    if not qm.exists():
        print("package: the Danish catalogue is not compiled; run 'make translations'",
              file=sys.stderr)
        return 1
    # An explicit target lets tests package into their own folder while dist/ is in use.
    default = ROOT / "dist" / "jordressource_plugin.zip"
    target = Path(argv[1]).resolve() if len(argv) > 1 else default
    target.parent.mkdir(exist_ok=True)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path, name in plugin_files():
            if path.exists():
                archive.write(path, name)
    print(f"package: wrote {target} ({target.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
