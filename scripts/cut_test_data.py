"""Cut the small real extracts the tests read (test/data/) from the shared Danish data.

The tests must pass on a clone with nothing beside it, so the few real files they compare against
QGIS's own tools live in the repository, reduced to what the tests use (see test/data/README.md
for origin, licence and attribution). Run with the project's Python, from anywhere:

    .venv/bin/python scripts/cut_test_data.py [SOURCE]

SOURCE is the shared data folder (default: $JORDRESSOURCE_DATA, else ../shared/data beside the
repository). Re-running it on the same source writes the same bytes.
"""
import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEST_DATA = ROOT / "test" / "data"

# Copied byte for byte: the terrain model is already deflate-compressed and every cell is used
# (the whole-DEM test compares against QGIS's raster surface volume over all of it), and the
# zone shapefile is 36 KB.
COPIED = [
    "dem/dtm_lyngby_16m.tif",
    "zones/zoner_septima.shp", "zones/zoner_septima.shx", "zones/zoner_septima.dbf",
    "zones/zoner_septima.prj",
]

# GeoDanmark road centre lines: every line is kept (the test paths cross the whole extract, and a
# clipped network would change the shortest paths), but only four descriptive attributes of the
# thirty-odd registration fields, and no spatial index: 360 KB -> 160 KB.
ROADS = "roads/geodanmark_vejmidte_stige.gpkg"
ROAD_LAYER = "geodanmark_vejmidte"
ROAD_FIELDS = ["id.lokalId", "vejkategori", "trafikart", "niveau"]
FROZEN_TIME = "2026-01-01T00:00:00.000Z"


def cut_roads(source: Path, target: Path) -> None:
    from osgeo import gdal

    gdal.UseExceptions()
    # GeoPackage stamps its tables with the time of writing; a fixed stamp keeps re-runs identical.
    gdal.SetConfigOption("OGR_CURRENT_DATE", FROZEN_TIME)
    target.unlink(missing_ok=True)
    options = gdal.VectorTranslateOptions(
        format="GPKG", layers=[ROAD_LAYER], layerName=ROAD_LAYER, selectFields=ROAD_FIELDS,
        layerCreationOptions=["GEOMETRY_NAME=geom", "SPATIAL_INDEX=NO"])
    if gdal.VectorTranslate(str(target), str(source), options=options) is None:
        raise RuntimeError(f"could not write {target}")


def main(argv: list) -> int:
    default = os.environ.get("JORDRESSOURCE_DATA", ROOT.parent / "shared" / "data")
    source = Path(argv[1] if len(argv) > 1 else default)
    if not (source / "README.md").exists():
        print(f"cut_test_data: no shared data at {source}", file=sys.stderr)
        return 1
    for name in COPIED:
        (TEST_DATA / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source / name, TEST_DATA / name)
    (TEST_DATA / ROADS).parent.mkdir(parents=True, exist_ok=True)
    cut_roads(source / ROADS, TEST_DATA / ROADS)
    for path in sorted(p for p in TEST_DATA.rglob("*") if p.is_file() and p.suffix != ".md"):
        print(f"{path.relative_to(ROOT)}: {path.stat().st_size // 1024} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
