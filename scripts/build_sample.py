"""make sample: build the Holbæk sample project shipped in jordressource_plugin/sample/.

Real open data (../shared/data, see its README): Holbæk Kommune's boundary (DAGI), CORINE Land
Cover 2018 for the area types, and the CORINE extraction (131) and dump (132) sites nearby as
raw-material pits and disposal sites. Generated on top, deterministically (fixed seeds), but
shaped by the real data: local plans, planned excavations, receivers, contaminated sites, roads
and a terrain model. Run with the project's Python: `.venv/bin/python scripts/build_sample.py`.

Writes holbaek_sample.gpkg (every layer styled, with Danish aliases, through the same writer as
`create_project`) and holbaek_dem.tif.
"""
import os
import sys
from pathlib import Path

import numpy as np

# Qt writes XML attributes (the styles in layer_styles) in hash order; a fixed seed keeps rebuilds
# byte-identical. Set before Qt loads.
os.environ["QT_HASH_SEED"] = "0"
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
DATA = Path(os.environ.get("JORDRESSOURCE_DATA", ROOT.parent / "shared" / "data"))
OUT = ROOT / "jordressource_plugin" / "sample"
GPKG = OUT / "holbaek_sample.gpkg"
DEM = OUT / "holbaek_dem.tif"
SEED = 2026
FROZEN_TIME = "2026-01-01T00:00:00.000Z"

from sample_builder import CRS, URBAN_CODES
from sample_builder.places import as_point
from sample_builder.roads import MOTORWAY_WAYPOINTS, build_roads
from sample_builder.sites import (
    area_types_layer,
    build_contaminated_sites,
    build_disposal_sites,
    build_excavations,
    build_local_plans,
    build_receivers,
    build_storage_sites,
    grade_soil_by_contamination,
)
from sample_builder.terrain import build_dem, land_and_sea, mean_level, write_dem

# Town centres (WGS84 lat, lon), snapped later onto the town's CORINE urban fabric.
TOWNS = {
    "Holbæk": (55.7159, 11.7128), "Tølløse": (55.6118, 11.7710), "Jyderup": (55.6637, 11.4235),
    "Svinninge": (55.7213, 11.4649), "Vipperød": (55.6681, 11.7336),
    "Mørkøv": (55.6540, 11.5100),
    "Regstrup": (55.6467, 11.6083), "Tuse": (55.7569, 11.6990), "Ugerløse": (55.5880, 11.6590),
    "Knabstrup": (55.6590, 11.5640), "Undløse": (55.5939, 11.5714),
    "Store Merløse": (55.5528, 11.7017),
}


def town_points():
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsCoordinateTransform,
        QgsPointXY,
        QgsProject,
    )
    transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"),
                                       QgsCoordinateReferenceSystem(CRS), QgsProject.instance())
    result = {}
    for name, (lat, lon) in TOWNS.items():
        point = transform.transform(QgsPointXY(lon, lat))
        result[name] = (point.x(), point.y())
    return result


# Real data ------------------------------------------------------------------------------------
def read_real_data():
    import geopandas as gpd
    admin = DATA / "admin" / "dk_admin_25832.gpkg"
    municipality = gpd.read_file(admin, layer="holbaek_kommune")
    municipalities = gpd.read_file(admin, layer="kommuner")
    landcover = gpd.read_file(DATA / "landcover" / "corine2018_holbaek_landcover.gpkg",
                              layer="clc2018_holbaek")
    sites = gpd.read_file(DATA / "landcover"
                          / "corine2018_extraction_dump_construction_zealand.gpkg",
                          layer="clc2018_sites")
    return municipality, municipalities, landcover, sites


def snap_to_urban_fabric(towns, landcover):
    """Move a town centre that misses CORINE's urban fabric onto the nearest urban polygon."""
    built = landcover[landcover.clc_code.isin(URBAN_CODES)]
    snapped = dict(towns)
    for name, xy in towns.items():
        centre = as_point(xy)
        near = built[built.distance(centre) < 2500]
        if len(near) and not near.contains(centre).any():
            nearest = near.geometry.iloc[int(np.argmin(near.distance(centre)))]
            snapped[name] = nearest.representative_point().coords[0]
    return snapped


# Writing ----------------------------------------------------------------------------------------
def write_sample(layers):
    """layers: [(layer name in the gpkg, data-model spec name, rows)]."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsProject

    from jordressource_plugin.algorithms.create_project import write_layer
    from jordressource_plugin.core.project.datamodel import layer_spec
    crs = QgsCoordinateReferenceSystem(CRS)
    for number, (name, spec_name, rows) in enumerate(layers):
        spec = layer_spec(spec_name)
        records = [(_as_spec_geometry(row["geometry"], spec.geometry), row) for row in rows]
        write_layer(GPKG, spec, crs, QgsProject.instance().transformContext(), records,
                    layer_name=name, new_file=number == 0)


def _as_spec_geometry(shape, geometry_type):
    from shapely.geometry import MultiPolygon
    if geometry_type == "MultiPolygon" and shape.geom_type == "Polygon":
        return MultiPolygon([shape])
    if geometry_type == "MultiPolygon" and shape.geom_type == "GeometryCollection":
        return MultiPolygon([g for g in shape.geoms if g.geom_type == "Polygon"])
    return shape


def main():
    from qgis.core import QgsApplication
    from shapely.geometry import LineString
    app = QgsApplication([], False)
    app.initQgis()
    OUT.mkdir(parents=True, exist_ok=True)

    municipality, municipalities, landcover, corine_sites = read_real_data()
    landcover = landcover.reset_index(drop=True)
    towns = snap_to_urban_fabric(town_points(), landcover)

    land, sea = land_and_sea(municipality, municipalities, landcover)
    elevation, transform = build_dem(municipality, sea, np.random.default_rng(SEED + 1))
    write_dem(elevation, transform, DEM)

    excavations = build_excavations(landcover, towns, np.random.default_rng(SEED + 2))
    contaminated = build_contaminated_sites(landcover, excavations, np.random.default_rng(SEED + 3))
    grade_soil_by_contamination(excavations, contaminated)
    for row in excavations:
        polygon = row["geometry"]
        # Polygons covering at least four DEM cells carry a planned level: the terrain lowered by
        # the excavation depth, so that earthwork_volumes computes a surplus close to volume_m3.
        if polygon.geom_type == "Polygon":
            level, cells = mean_level(elevation, transform, polygon)
            if cells >= 4:
                row["planned_level_m"] = round(level - row["depth_m"], 2)

    disposal = build_disposal_sites(corine_sites, towns, np.random.default_rng(SEED + 4))
    motorway = LineString(MOTORWAY_WAYPOINTS)
    receivers = build_receivers(corine_sites, municipality, landcover, sea, motorway, towns,
                                np.random.default_rng(SEED + 6))
    boundary = municipality.iloc[0]
    access_to = [r["geometry"] for r in receivers] + [
        d["geometry"] for d in disposal if d["geometry"].distance(boundary.geometry) < 5000]
    roads = build_roads(landcover, land, sea, towns, motorway, access_to,
                        np.random.default_rng(SEED + 5))
    local_plans = build_local_plans(landcover, towns, np.random.default_rng(SEED + 7))
    area_types = area_types_layer(landcover)

    polygons = [r for r in excavations if r["geometry"].geom_type == "Polygon"]
    points = [r for r in excavations if r["geometry"].geom_type == "Point"]
    write_sample([
        ("municipality", "planning_areas", [{"id": boundary["kode"], "name": "Holbæk Kommune",
                                             "geometry": boundary.geometry}]),
        ("area_types", "area_types", area_types.to_dict("records")),
        ("excavations", "excavations", polygons),
        ("excavation_points", "excavation_points", points),
        ("receivers", "receivers", receivers),
        ("storage_sites", "storage_sites", build_storage_sites(receivers)),
        ("disposal_sites", "disposal_sites", disposal),
        ("local_plans", "planning_areas", local_plans),
        ("roads", "roads", roads),
        ("contaminated_sites", "contaminated_sites", contaminated),
    ])
    app.exitQgis()
    freeze_timestamps()
    summary(excavations, receivers, disposal, roads, local_plans, contaminated)


def freeze_timestamps():
    """Fixed dates in the GeoPackage's metadata, so that a rebuild of unchanged content gives
    the same bytes and git sees no change."""
    import sqlite3
    connection = sqlite3.connect(GPKG)
    with connection:
        connection.execute("UPDATE gpkg_contents SET last_change = ?", (FROZEN_TIME,))
        connection.execute("UPDATE layer_styles SET update_time = ?", (FROZEN_TIME,))
    # Rollback journal, not WAL: SQLite cannot read a WAL database in a read-only plugin folder.
    connection.execute("PRAGMA journal_mode = DELETE")
    connection.execute("VACUUM")
    connection.close()


def summary(excavations, receivers, disposal, roads, local_plans, contaminated):
    supply = sum(r["volume_m3"] for r in excavations)
    capacity = sum(r["capacity_m3"] for r in receivers)
    print(f"sample: {len(excavations)} excavations ({supply:,.0f} m³), {len(receivers)} receivers "
          f"({capacity:,.0f} m³), {len(disposal)} disposal sites, {len(roads)} road segments, "
          f"{len(local_plans)} local plans, {len(contaminated)} contaminated sites")
    for path in (GPKG, DEM):
        print(f"sample: wrote {path.relative_to(ROOT)} ({path.stat().st_size / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()
