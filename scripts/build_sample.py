"""make sample: build the Holbæk sample project shipped in jordressource_plugin/sample/.

Real open data (../shared/data, see its README): Holbæk Kommune's boundary (DAGI), CORINE Land
Cover 2018 for the area types, and the CORINE extraction (131) and dump (132) sites nearby as
raw-material pits and disposal sites. Generated on top, deterministically (fixed seeds), but
shaped by the real data: local plans, planned excavations, receivers, contaminated sites, roads
and a terrain model. Run with the project's Python: `.venv/bin/python scripts/build_sample.py`.

Writes holbaek_sample.gpkg (every layer styled, with Danish aliases, through the same writer as
`create_project`) and holbaek_dem.tif.
"""
import datetime
import math
import os
import sys
from pathlib import Path

import numpy as np

# Qt writes XML attributes (the styles in layer_styles) in hash order; a fixed seed keeps rebuilds
# byte-identical. Set before Qt loads.
os.environ["QT_HASH_SEED"] = "0"
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = Path(os.environ.get("JORDRESSOURCE_DATA", ROOT.parent / "shared" / "data"))
OUT = ROOT / "jordressource_plugin" / "sample"
GPKG = OUT / "holbaek_sample.gpkg"
DEM = OUT / "holbaek_dem.tif"
CRS = "EPSG:25832"
SEED = 2026
FROZEN_TIME = "2026-01-01T00:00:00.000Z"

DEM_CELL_M = 25.0
DEM_NODATA = -9999.0
SEA_CODES = (521, 523)
URBAN_CODES = (111, 112)
INDUSTRIAL_CODES = (121, 123)

# Town centres (WGS84 lat, lon), snapped later onto the town's CORINE urban fabric.
TOWNS = {
    "Holbæk": (55.7159, 11.7128), "Tølløse": (55.6118, 11.7710), "Jyderup": (55.6637, 11.4235),
    "Svinninge": (55.7213, 11.4649), "Vipperød": (55.6681, 11.7336),
    "Mørkøv": (55.6540, 11.5100),
    "Regstrup": (55.6467, 11.6083), "Tuse": (55.7569, 11.6990), "Ugerløse": (55.5880, 11.6590),
    "Knabstrup": (55.6590, 11.5640), "Undløse": (55.5939, 11.5714),
    "Store Merløse": (55.5528, 11.7017),
}
# Holbækmotorvejen (rute 21) from the east through Vipperød and Holbæk, west towards Svinninge.
MOTORWAY_WAYPOINTS = ((681500, 6171200), (676000, 6172300), (672600, 6174300),
                      (670200, 6175300), (666000, 6176300), (660000, 6177300),
                      (655200, 6176300), (647800, 6175600))
INTERCHANGE_TOWNS = ("Vipperød", "Holbæk", "Svinninge")


def town_points():
    from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsPointXY,
                           QgsProject)
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
    municipality = gpd.read_file(DATA / "admin" / "dk_admin_25832.gpkg", layer="holbaek_kommune")
    landcover = gpd.read_file(DATA / "landcover" / "corine2018_holbaek_landcover.gpkg")
    sites = gpd.read_file(DATA / "landcover"
                          / "corine2018_extraction_dump_construction_zealand.gpkg")
    return municipality, landcover, sites


def land_and_sea(municipality, landcover):
    """Land: every municipality (DAGI) near Holbæk, less CORINE's coastal lagoons and sea; sea:
    the rest of the surroundings (Holbæk Fjord, Isefjord, Sejerø Bugt)."""
    import geopandas as gpd
    from shapely.geometry import box
    surroundings = box(*municipality.total_bounds).buffer(10000)
    municipalities = gpd.read_file(DATA / "admin" / "dk_admin_25832.gpkg", layer="kommuner")
    land = municipalities[municipalities.intersects(surroundings)].unary_union
    land = land.intersection(surroundings)
    land = land.difference(landcover[landcover.clc_code.isin(SEA_CODES)].unary_union)
    return land, surroundings.difference(land)


def area_types_layer(landcover):
    from jordressource_plugin.core.area_types import corine_area_type
    frame = landcover[["clc_code", "label", "geometry"]].copy()
    frame["area_type"] = [corine_area_type(int(code)) for code in frame["clc_code"]]
    return frame.reset_index(drop=True)


# Terrain ---------------------------------------------------------------------------------------
def build_dem(municipality, sea_polygon, rng):
    """Smooth moraine-like terrain: noise filtered at three scales, 0 m at the coast rising
    inland over a few kilometres, up to about 100 m; nodata beyond 1 km outside the municipality."""
    from rasterio import features
    from rasterio.transform import from_origin
    from scipy import ndimage

    minx, miny, maxx, maxy = municipality.total_bounds
    minx, miny = math.floor((minx - 1000) / 100) * 100, math.floor((miny - 1000) / 100) * 100
    maxx, maxy = math.ceil((maxx + 1000) / 100) * 100, math.ceil((maxy + 1000) / 100) * 100
    width, height = int((maxx - minx) / DEM_CELL_M), int((maxy - miny) / DEM_CELL_M)
    transform = from_origin(minx, maxy, DEM_CELL_M, DEM_CELL_M)

    terrain = np.zeros((height, width))
    for sigma_m, weight in ((4000, 1.0), (1200, 0.35), (300, 0.08)):
        layer = ndimage.gaussian_filter(rng.standard_normal((height, width)), sigma_m / DEM_CELL_M,
                                        mode="reflect")
        terrain += weight * layer / layer.std()
    terrain = (terrain - terrain.min()) / (terrain.max() - terrain.min())

    sea = features.rasterize([(sea_polygon, 1)],
                             out_shape=(height, width), transform=transform, dtype="uint8") == 1
    coast_distance_m = ndimage.distance_transform_edt(~sea) * DEM_CELL_M
    rise = 1.0 - np.exp(-coast_distance_m / 2500.0)
    elevation = 2.0 + 100.0 * terrain ** 1.3 * rise
    elevation[sea] = 0.0
    inside = features.rasterize(((g, 1) for g in municipality.buffer(1000).geometry),
                                out_shape=(height, width), transform=transform, dtype="uint8") == 1
    elevation = np.where(inside, np.round(elevation, 2), DEM_NODATA).astype("float32")
    return elevation, transform


def write_dem(elevation, transform):
    import rasterio
    profile = dict(driver="GTiff", width=elevation.shape[1], height=elevation.shape[0], count=1,
                   dtype="float32", crs=CRS, transform=transform, nodata=DEM_NODATA,
                   compress="deflate", predictor=3, zlevel=9, tiled=True, blockxsize=256,
                   blockysize=256)
    with rasterio.open(DEM, "w", **profile) as target:
        target.write(elevation, 1)
        target.update_tags(1, UNITS="metre", SOURCE="Synthetic terrain, Jordressource sample")


def mean_level(elevation, transform, polygon):
    """Mean DEM value over the cells whose centre lies in ``polygon`` (the earthwork rule), and
    how many cells that is."""
    from rasterio import features
    from rasterio.windows import from_bounds
    window = from_bounds(*polygon.bounds, transform=transform).round_offsets().round_lengths()
    row0, col0 = int(window.row_off), int(window.col_off)
    rows, cols = int(window.height) + 1, int(window.width) + 1
    sub_transform = transform * transform.translation(col0, row0)
    mask = features.rasterize([(polygon, 1)], out_shape=(rows, cols), transform=sub_transform,
                              dtype="uint8") == 1
    cells = elevation[row0:row0 + rows, col0:col0 + cols][mask[:elevation.shape[0] - row0,
                                                                 :elevation.shape[1] - col0]]
    cells = cells[cells != DEM_NODATA]
    return (float(cells.mean()) if cells.size else None), int(cells.size)


# Generated sites --------------------------------------------------------------------------------
def rotated_rectangle(x, y, area_m2, aspect, angle_rad):
    from shapely import affinity
    from shapely.geometry import box
    width = math.sqrt(area_m2 * aspect)
    height = area_m2 / width
    return affinity.rotate(box(x - width / 2, y - height / 2, x + width / 2, y + height / 2),
                           angle_rad, origin=(x, y), use_radians=True)


def random_point_in(polygon, rng):
    from shapely.geometry import Point
    if polygon.is_empty or polygon.area <= 0:
        raise ValueError("no room to place a generated site; check the input data")
    minx, miny, maxx, maxy = polygon.bounds
    while True:
        point = Point(rng.uniform(minx, maxx), rng.uniform(miny, maxy))
        if polygon.contains(point):
            return point


def nearest_town(point, towns):
    return min(towns, key=lambda name: math.hypot(towns[name][0] - point.x,
                                                  towns[name][1] - point.y))


def random_dates(rng, earliest=datetime.date(2026, 1, 1), latest_start=datetime.date(2029, 9, 1),
                 months=(2, 18)):
    start = earliest + datetime.timedelta(days=int(rng.integers(0, (latest_start - earliest).days)))
    start = start.replace(day=1)
    end = start + datetime.timedelta(days=int(30.44 * rng.integers(*months)))
    return start, min(end, datetime.date(2030, 12, 31))


URBAN_WORKS = ("Boligbyggeri", "Byomdannelse", "Kloakseparering", "Skoleudvidelse",
               "Plejecenter", "Parkeringskælder", "Klimatilpasning, regnvandsbassin",
               "Rækkehuse", "Byggemodning")
INDUSTRIAL_WORKS = ("Erhvervsbyggeri", "Logistikcenter", "Lagerhal", "Byggemodning erhverv",
                    "Havneudvidelse", "Renseanlæg, udvidelse")
SOIL_TYPES = ("moræneler", "sand", "muld", "fyld", "ler")
SOIL_TYPE_P = (0.45, 0.2, 0.1, 0.15, 0.1)


def surplus_volume_m3(rng, low=300.0, high=60000.0):
    """Skewed like real projects: many small excavations, a few large developments."""
    return float(np.clip(round(rng.lognormal(math.log(2500), 1.25), -1), low, high))


def build_excavations(landcover, towns, rng, polygons=50, points=12):
    """Planned excavations inside the urban (about 70 %) and industrial (30 %) CORINE areas,
    polygons sized from their volume and an excavation depth of 0.8-4 m, not overlapping."""
    urban = landcover[landcover.clc_code.isin(URBAN_CODES)].geometry.buffer(-20)
    industrial = landcover[landcover.clc_code.isin(INDUSTRIAL_CODES)].geometry.buffer(-20)
    urban, industrial = urban[~urban.is_empty], industrial[~industrial.is_empty]
    rows, taken = [], []
    while len(rows) < polygons + points:
        is_point = len(rows) >= polygons
        in_industry = rng.random() < 0.3
        pool = industrial if in_industry else urban
        weights = pool.area.to_numpy() / pool.area.sum()
        area_polygon = pool.iloc[int(rng.choice(len(pool), p=weights))]
        volume = surplus_volume_m3(rng, high=3000.0 if is_point else 60000.0)
        if len(rows) == 0:
            volume = 60000.0  # one large development, so the upper end of the range is present
        depth = rng.uniform(0.8, 4.0)
        centre = random_point_in(area_polygon, rng)
        shape = rotated_rectangle(centre.x, centre.y, volume / depth, rng.uniform(0.4, 2.5),
                                  rng.uniform(0, math.pi))
        if not is_point and (shape.difference(area_polygon).area > 0.2 * shape.area
                             or any(shape.distance(other) < 30 for other in taken)):
            continue
        taken.append(shape if not is_point else centre.buffer(15))
        town = nearest_town(centre, towns)
        works = INDUSTRIAL_WORKS if in_industry else URBAN_WORKS
        start, end = random_dates(rng)
        number = len(rows) + 1
        rows.append({
            "id": f"EX{number:03d}",
            "name": f"{works[int(rng.integers(len(works)))]} {town} {number}",
            "volume_m3": volume,
            # Most soil is clean; urban fill is often lightly contaminated. Class 3 comes only
            # from mapped V2 sites (grade_soil_by_contamination).
            "soil_class": int(rng.choice([1, 2], p=[0.78, 0.22])),
            "soil_type": str(rng.choice(SOIL_TYPES, p=SOIL_TYPE_P)),
            "start_date": start, "end_date": end,
            "depth_m": depth,
            "geometry": centre if is_point else shape,
        })
    return rows


def build_contaminated_sites(landcover, excavations, rng, count=40, on_excavations=9):
    """Mapped V1/V2 sites in urban and industrial areas, some deliberately on excavations."""
    from shapely.geometry import MultiPoint
    built = landcover[landcover.clc_code.isin(URBAN_CODES + INDUSTRIAL_CODES)].geometry
    weights = built.area.to_numpy() / built.area.sum()
    polygons = [e for e in excavations if e["geometry"].geom_type == "Polygon"]
    chosen = rng.choice(len(polygons), size=on_excavations, replace=False)
    rows = []
    for number in range(count):
        if number < on_excavations:
            corner = polygons[int(chosen[number])]["geometry"].exterior.coords[int(rng.integers(4))]
            centre_x, centre_y = corner
        else:
            centre = random_point_in(built.iloc[int(rng.choice(len(built), p=weights))], rng)
            centre_x, centre_y = centre.x, centre.y
        radius = math.sqrt(np.clip(rng.lognormal(math.log(2000), 0.9), 150, 25000) / math.pi)
        angles = np.sort(rng.uniform(0, 2 * math.pi, 9))
        radii = radius * rng.uniform(0.7, 1.3, 9)
        shape = MultiPoint(list(zip(centre_x + radii * np.cos(angles),
                                    centre_y + radii * np.sin(angles)))).convex_hull
        status = rng.choice(["V1 kortlagt", "V2 kortlagt", "V1 og V2 kortlagt"],
                            p=[0.55, 0.3, 0.15])
        rows.append({"Lokalitetsnr": f"316-{int(rng.integers(1000, 99999)):05d}",
                     "Lokalitetetsforureningsstatus": str(status),
                     "status": "V1" if status == "V1 kortlagt" else "V2",
                     "geometry": shape})
    return rows


def grade_soil_by_contamination(excavations, contaminated):
    """Soil from a mapped site is at least lightly contaminated (V1) or contaminated (V2)."""
    for row in excavations:
        for site in contaminated:
            if row["geometry"].intersects(site["geometry"]):
                row["soil_class"] = max(row["soil_class"], 3 if site["status"] == "V2" else 2)


def build_receivers(sites, municipality, landcover, sea, motorway, towns, rng):
    """Real extraction sites as pits, plus generated resource sites and utilisation projects.

    Capacities are set against the excavations' total so that receivers compete and part of the
    surplus must still go to disposal."""
    rows = (_pits(sites, municipality, towns, rng) + _resource_sites(landcover, towns, rng)
            + _noise_barriers(motorway, rng) + _climate_dikes(sea, towns, rng)
            + _landscaping(landcover, towns, rng))
    for number, row in enumerate(rows, start=1):
        row["id"] = f"RC{number:02d}"
    return rows


def _pits(sites, municipality, towns, rng):
    """The CORINE extraction sites in and within 3 km of the municipality, clean soil only."""
    boundary = municipality.geometry.iloc[0]
    pits = sites[(sites.clc_code == 131) & (sites.area_m2 >= 50000)
                 & (sites.distance(boundary) <= 3000)].sort_values("area_m2", ascending=False)
    rows = []
    for number, (_, pit) in enumerate(pits.iterrows(), start=1):
        start, end = random_dates(rng, latest_start=datetime.date(2027, 6, 1), months=(30, 60))
        town = nearest_town(pit.geometry.centroid, towns)
        capacity = np.clip(round(pit.area_m2 * rng.uniform(0.02, 0.06), -3), 8000, 45000)
        rows.append({"name": f"Råstofgrav {number} ved {town} ({pit.kommune}, CORINE 131)",
                     "kind": "pit", "capacity_m3": float(capacity), "max_soil_class": 1,
                     "start_date": start, "end_date": end, "geometry": pit.geometry})
    return rows


def _resource_sites(landcover, towns, rng):
    industrial = landcover[landcover.clc_code.isin(INDUSTRIAL_CODES)]
    rows = []
    for label, town, capacity, max_class in (("Jordressourceplads {0} (sortering)", "Holbæk",
                                              40000.0, 2),
                                             ("Mellemdepot {0}", "Jyderup", 15000.0, 1)):
        centre = random_point_in(_near_town(industrial, towns[town], 40), rng)
        start, end = random_dates(rng, latest_start=datetime.date(2026, 6, 1), months=(40, 60))
        shape = rotated_rectangle(centre.x, centre.y, 12000, 1.5, rng.uniform(0, 3))
        rows.append({"name": label.format(nearest_town(centre, towns)), "kind": "resource_site",
                     "capacity_m3": capacity, "max_soil_class": max_class,
                     "start_date": start, "end_date": end, "geometry": shape})
    return rows


def _noise_barriers(motorway, rng):
    """Along the motorway near Vipperød and Holbæk: 8 m high, about 30 m³ per metre."""
    rows = []
    for name, fraction, length in (("Støjvold rute 21 Vipperød", 0.22, 700),
                                   ("Støjvold rute 21 Holbæk Syd", 0.40, 900)):
        start_at = fraction * motorway.length
        piece = _substring(motorway, start_at, start_at + length)
        barrier = piece.parallel_offset(60, "left").buffer(12, cap_style=2)
        start, end = random_dates(rng, earliest=datetime.date(2026, 9, 1),
                                  latest_start=datetime.date(2028, 6, 1), months=(6, 14))
        rows.append({"name": name, "kind": "utilisation", "capacity_m3": float(length * 30),
                     "max_soil_class": 2, "start_date": start, "end_date": end,
                     "geometry": barrier})
    return rows


def _climate_dikes(sea, towns, rng):
    """On the Holbæk Fjord shore: 2.5 m high, about 20 m³ per metre, clean soil only."""
    from shapely.geometry import LineString
    rows = []
    shore = sea.boundary
    for name, town, length in (("Klimadige Holbæk Havn", "Holbæk", 1100),
                               ("Klimadige Tuse Næs", "Tuse", 800)):
        centre = shore.interpolate(shore.project(_point(towns[town])))
        angle = rng.uniform(0, math.pi)
        half = np.array([math.cos(angle), math.sin(angle)]) * length / 2
        line = LineString([(centre.x - half[0], centre.y - half[1]),
                           (centre.x + half[0], centre.y + half[1])])
        start, end = random_dates(rng, earliest=datetime.date(2027, 1, 1),
                                  latest_start=datetime.date(2029, 1, 1), months=(8, 20))
        rows.append({"name": name, "kind": "utilisation", "capacity_m3": float(length * 20),
                     "max_soil_class": 1, "start_date": start, "end_date": end,
                     "geometry": line.buffer(14, cap_style=2).difference(sea)})
    return rows


def _landscaping(landcover, towns, rng):
    """Terrain modelling next to new housing in the agricultural fringe of two towns."""
    farmland = landcover[landcover.clc_code.between(211, 244)]
    rows = []
    for town in ("Jyderup", "Ugerløse"):
        centre = random_point_in(_near_town(farmland, towns[town], 50), rng)
        start, end = random_dates(rng, earliest=datetime.date(2026, 6, 1), months=(10, 24))
        capacity = float(round(rng.uniform(6000, 14000), -2))
        rows.append({"name": f"Landskabsbearbejdning {town}", "kind": "utilisation",
                     "capacity_m3": capacity, "max_soil_class": 1,
                     "start_date": start, "end_date": end,
                     "geometry": rotated_rectangle(centre.x, centre.y, 25000, 2.0,
                                                   rng.uniform(0, 3))})
    return rows


def _near_town(polygons, town_xy, inset_m, radius_m=1500.0):
    """The part of the nearest of ``polygons`` within ``radius_m`` of a town, ``inset_m`` inside."""
    town = _point(town_xy)
    nearest = polygons.geometry.iloc[int(np.argmin(polygons.distance(town).to_numpy()))]
    return nearest.buffer(-inset_m).intersection(town.buffer(radius_m + nearest.distance(town)))


def _point(xy):
    from shapely.geometry import Point
    return Point(xy)


def _substring(line, start_m, end_m):
    from shapely.geometry import LineString
    steps = np.linspace(start_m, min(end_m, line.length), 12)
    return LineString([line.interpolate(d).coords[0] for d in steps])


def build_disposal_sites(sites, towns, rng, max_distance_m=70000):
    holbaek = _point(towns["Holbæk"])
    dumps = sites[(sites.clc_code == 132) & (sites.distance(holbaek) <= max_distance_m)]
    rows = []
    for number, (_, dump) in enumerate(dumps.sort_values("area_m2").iterrows(), start=1):
        rows.append({"id": f"DP{number:02d}", "name": f"Deponi {dump.kommune} (CORINE 132)",
                     "gate_fee_dkk_t": float(round(rng.uniform(50, 90))),
                     "geometry": dump.geometry})
    return rows


# Planning areas ---------------------------------------------------------------------------------
def build_local_plans(landcover, towns, rng):
    """Local-plan areas: each town's built-up CORINE area cut into a few blocks, the way a
    municipality covers its towns with successive local plans."""
    from shapely.ops import unary_union
    built = landcover[landcover.clc_code.isin(URBAN_CODES + INDUSTRIAL_CODES)]
    nearest = [nearest_town(g.centroid, towns) for g in built.geometry]
    rows = []
    suffixes = ("Bymidte", "Nord", "Syd", "Øst", "Vest", "Erhverv", "Havn", "Stationsområde")
    for number, town in enumerate(towns, start=1):
        parts = [g for g, t in zip(built.geometry, nearest) if t == town
                 and g.distance(_point(towns[town])) < 3000]
        if not parts:
            continue
        area = unary_union(parts).buffer(60).buffer(-30)
        count = int(np.clip(round(area.area / 700_000), 1, 8))
        cells = _split(area, count, rng)
        for index, cell in enumerate(sorted(cells, key=lambda c: (-c.centroid.y, c.centroid.x))):
            if cell.is_empty or cell.area < 20000:
                continue
            rows.append({"id": f"LP{number:02d}.{index + 1:02d}",
                         "name": f"Lokalplan {number:02d}.{index + 1:02d} {town} "
                                 f"{suffixes[index % len(suffixes)]}",
                         "geometry": cell})
    return rows


def _split(area, count, rng):
    """``area`` cut into ``count`` parts by straight cuts across its longer side."""
    from shapely.geometry import box
    if count <= 1:
        return [area]
    minx, miny, maxx, maxy = area.bounds
    first = count // 2
    share = first / count * rng.uniform(0.85, 1.15)
    if maxx - minx >= maxy - miny:
        cut = minx + share * (maxx - minx)
        halves = box(minx - 1, miny - 1, cut, maxy + 1), box(cut, miny - 1, maxx + 1, maxy + 1)
    else:
        cut = miny + share * (maxy - miny)
        halves = box(minx - 1, miny - 1, maxx + 1, cut), box(minx - 1, cut, maxx + 1, maxy + 1)
    return (_split(area.intersection(halves[0]), first, rng)
            + _split(area.intersection(halves[1]), count - first, rng))


# Roads ------------------------------------------------------------------------------------------
def wiggle(a, b, rng, step_m=400.0, amplitude_m=250.0):
    """A rural road from a to b: a line with a smooth random sideways drift, ends fixed."""
    from scipy import ndimage
    from shapely.geometry import LineString
    a, b = np.asarray(a, float), np.asarray(b, float)
    length = float(np.hypot(*(b - a)))
    count = max(int(length // step_m), 2)
    t = np.linspace(0, 1, count + 1)
    drift = ndimage.gaussian_filter1d(rng.standard_normal(count + 1), 1.5) * amplitude_m
    drift *= np.sin(np.pi * t)  # zero at both ends
    normal = np.array([-(b - a)[1], (b - a)[0]]) / length
    coords = a + np.outer(t, b - a) + np.outer(drift, normal)
    return LineString(coords)


class LandRouter:
    """Least-cost paths over a grid of the land, so that roads between towns go round the fjords:
    a sea cell costs 50 land cells, and smooth noise on land makes the routes wander."""

    def __init__(self, land, rng, cell_m=200.0):
        from rasterio import features
        from rasterio.transform import from_origin
        from scipy import ndimage, sparse
        minx, miny, maxx, maxy = land.bounds
        self.cell_m, self.minx, self.maxy = cell_m, minx, maxy
        rows, cols = int((maxy - miny) / cell_m) + 1, int((maxx - minx) / cell_m) + 1
        self.cols = cols
        on_land = features.rasterize([(land, 1)], out_shape=(rows, cols), dtype="uint8",
                                     transform=from_origin(minx, maxy, cell_m, cell_m)) == 1
        noise = ndimage.gaussian_filter(rng.standard_normal((rows, cols)), 4)
        cost = np.where(on_land, 1.0 + (noise - noise.min()) / np.ptp(noise), 50.0)
        ids = np.arange(rows * cols).reshape(rows, cols)
        starts, ends, weights = [], [], []
        for dr, dc in ((0, 1), (1, 0), (1, 1), (1, -1)):
            here = (slice(0, rows - dr), slice(max(0, -dc), cols - max(0, dc)))
            there = (slice(dr, rows), slice(max(0, dc), cols - max(0, -dc)))
            starts.append(ids[here].ravel())
            ends.append(ids[there].ravel())
            weights.append(((cost[here] + cost[there]) / 2 * math.hypot(dr, dc) * cell_m).ravel())
        self.graph = sparse.coo_matrix(
            (np.concatenate(weights), (np.concatenate(starts), np.concatenate(ends))),
            shape=(rows * cols,) * 2).tocsr()
        self._trees = {}

    def _node(self, xy):
        return (int((self.maxy - xy[1]) // self.cell_m) * self.cols
                + int((xy[0] - self.minx) // self.cell_m))

    def _xy(self, node):
        row, col = divmod(node, self.cols)
        return (self.minx + (col + 0.5) * self.cell_m, self.maxy - (row + 0.5) * self.cell_m)

    def route(self, a, b):
        """(road from a to b, its cost): the least-cost cell path, simplified and smoothed."""
        from scipy.sparse.csgraph import dijkstra
        from shapely.geometry import LineString
        start, end = self._node(a), self._node(b)
        if start not in self._trees:
            self._trees[start] = dijkstra(self.graph, directed=False, indices=start,
                                          return_predecessors=True)
        costs, previous = self._trees[start]
        path = [end]
        while path[-1] != start:
            path.append(int(previous[path[-1]]))
        coords = [tuple(b)] + [self._xy(n) for n in path[1:-1]] + [tuple(a)]
        line = LineString(coords[::-1]).simplify(self.cell_m * 0.6)
        return LineString(_chaikin(np.asarray(line.coords))), float(costs[end])


def _chaikin(points, iterations=2):
    """Corner cutting: a polyline rounded like a road, ends kept."""
    for _ in range(iterations):
        cut_a = 0.75 * points[:-1] + 0.25 * points[1:]
        cut_b = 0.25 * points[:-1] + 0.75 * points[1:]
        points = np.vstack([points[:1], np.column_stack([cut_a, cut_b]).reshape(-1, 2),
                            points[-1:]])
    return points


def town_grid(area, centre, rng, spacing_m=180.0):
    """Local streets: a rotated grid over the town's built-up area, clipped to it."""
    from shapely import affinity
    from shapely.geometry import LineString
    angle = rng.uniform(0, 90)
    unrotated = affinity.rotate(area, -angle, origin=centre)
    minx, miny, maxx, maxy = unrotated.bounds
    lines = []
    # grid lines through the centre, so that the town's main streets meet there
    first_x = centre[0] - spacing_m * math.ceil((centre[0] - minx) / spacing_m)
    first_y = centre[1] - spacing_m * math.ceil((centre[1] - miny) / spacing_m)
    for x in np.arange(first_x, maxx, spacing_m):
        lines.append(LineString([(x, miny), (x, maxy)]))
    for y in np.arange(first_y, maxy, spacing_m):
        lines.append(LineString([(minx, y), (maxx, y)]))
    clipped = []
    for line in lines:
        piece = affinity.rotate(line, angle, origin=centre).intersection(area)
        clipped.extend(_lines_of(piece))
    return clipped


def _lines_of(geometry):
    if geometry.is_empty:
        return []
    if geometry.geom_type == "LineString":
        return [geometry]
    return [g for g in getattr(geometry, "geoms", []) if g.geom_type == "LineString"]


def build_roads(landcover, land, sea, towns, motorway, sites_for_access, rng):
    """Regional roads between towns (a spanning tree plus short cycles, round the fjords),
    town street grids, village lanes and access roads, noded so that lines share a vertex at
    every junction; the motorway crosses them on bridges and joins only at interchanges."""
    import geopandas as gpd
    from scipy.sparse.csgraph import minimum_spanning_tree
    from scipy.spatial import Delaunay
    from shapely.geometry import LineString, MultiLineString, Point
    from shapely.ops import unary_union

    built = landcover[landcover.clc_code.isin(URBAN_CODES + INDUSTRIAL_CODES)]
    names = list(towns)
    xy = np.array([towns[n] for n in names])

    router = LandRouter(land, rng)
    edges = set()
    for simplex in Delaunay(xy).simplices:
        for i in range(3):
            a, b = sorted((int(simplex[i]), int(simplex[(i + 1) % 3])))
            edges.add((a, b))
    routes = {e: router.route(xy[e[0]], xy[e[1]]) for e in sorted(edges)
              if np.hypot(*(xy[e[0]] - xy[e[1]])) < 14000}
    weights = np.zeros((len(names), len(names)))
    for (a, b), (_, cost) in routes.items():
        weights[a, b] = cost
    tree = minimum_spanning_tree(weights).tocoo()
    chosen = {tuple(sorted((int(a), int(b)))) for a, b in zip(tree.row, tree.col)}
    extra = sorted(set(routes) - chosen, key=lambda e: routes[e][1])[:5]
    sources = []  # (line, road_class, name)
    for a, b in sorted(chosen | set(extra)):
        sources.append((routes[(a, b)][0], "regional", f"{names[a]}vej–{names[b]}"))

    for name in names:
        centre = towns[name]
        parts = [g for g in built.geometry if g.distance(Point(centre)) < 2500]
        if not parts:
            continue
        area = unary_union(parts).buffer(80).intersection(land)
        for line in town_grid(area, centre, rng):
            sources.append((line, "local", f"{name} by"))

    regional = [line for line, kind, _ in sources if kind == "regional"]
    regional_vertices = np.array([c for line in regional for c in line.coords])
    road_of_vertex = np.array([n for n, line in enumerate(regional) for _ in line.coords])
    farmland = landcover[landcover.clc_code.between(211, 244)]
    farm_share = farmland.area.to_numpy() / farmland.area.sum()
    for number in range(25):
        village = random_point_in(farmland.geometry.iloc[int(rng.choice(len(farmland),
                                                                         p=farm_share))], rng)
        order = np.argsort(np.hypot(*(regional_vertices - [village.x, village.y]).T))
        targets = [order[0]]
        if number % 2:  # every other village lies on a lane joining two regional roads
            targets.append(next(i for i in order if road_of_vertex[i] != road_of_vertex[order[0]]))
        for target in regional_vertices[targets]:
            lane = wiggle((village.x, village.y), target, rng, 250, 120)
            if lane.intersection(sea).length < 50 and lane.length < 4000:
                sources.append((lane, "local", f"Bivej {number + 1}"))
    all_vertices = np.array([c for line, _, _ in sources for c in line.coords])
    for site in sites_for_access:
        position = site.representative_point()
        target = all_vertices[np.argmin(np.hypot(*(all_vertices - [position.x, position.y]).T))]
        sources.append((LineString([(position.x, position.y), tuple(target)]), "access",
                        "Adgangsvej"))

    # Interchanges: a slip road from the motorway to the nearest regional road, noded with the
    # rest; elsewhere the motorway crosses other roads on bridges, without a junction.
    cuts = []
    for town in INTERCHANGE_TOWNS:
        at = motorway.project(Point(towns[town]))
        exit_point = motorway.interpolate(at)
        cuts.append(at)
        town_vertex = min((c for line, kind, _ in sources if kind == "regional"
                           for c in line.coords), key=lambda c: Point(c).distance(exit_point))
        sources.append((LineString([exit_point.coords[0], town_vertex]), "regional",
                        f"Tilkørsel {town}"))

    noded = _lines_of(unary_union(MultiLineString([line for line, _, _ in sources])))
    index = gpd.GeoSeries([line for line, _, _ in sources]).sindex
    rows = []
    for segment in noded:
        if segment.length < 1:
            continue
        middle = segment.interpolate(0.5, normalized=True)
        # the source line a noded piece came from: the nearest to its middle, first on ties
        candidates = sorted(int(i) for i in index.query(middle.buffer(0.5)))
        best = min(candidates, key=lambda i: sources[i][0].distance(middle))
        _, kind, name = sources[best]
        rows.append({"road_class": kind, "name": name, "bridge": False, "geometry": segment})

    other = unary_union([r["geometry"] for r in rows])
    bounds = [0.0] + sorted(cuts) + [motorway.length]
    for start_m, end_m in zip(bounds[:-1], bounds[1:]):
        piece = _substring(motorway, start_m, end_m)
        rows.append({"road_class": "motorway", "name": "Holbækmotorvejen (rute 21)",
                     "bridge": bool(piece.crosses(other)), "geometry": piece})
    return _largest_connected(rows)


def _largest_connected(rows):
    """The rows of the largest connected network: street-grid pieces that clipping left
    touching nothing would be unreachable islands for haul routing."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components
    nodes = {}
    ends = np.array([[nodes.setdefault(tuple(np.round(row["geometry"].coords[i], 3)), len(nodes))
                      for i in (0, -1)] for row in rows])
    graph = coo_matrix((np.ones(len(rows)), (ends[:, 0], ends[:, 1])),
                       shape=(len(nodes), len(nodes)))
    _, component = connected_components(graph, directed=False)
    largest = np.bincount(component).argmax()
    return [row for row, (a, _) in zip(rows, ends) if component[a] == largest]


# Writing ----------------------------------------------------------------------------------------
def write_sample(layers):
    """layers: [(layer name in the gpkg, data-model spec name, rows)]."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsProject

    from jordressource_plugin.algorithms.create_project import write_layer
    from jordressource_plugin.core.datamodel import layer_spec
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
    rng = np.random.default_rng(SEED)
    OUT.mkdir(parents=True, exist_ok=True)

    municipality, landcover, corine_sites = read_real_data()
    landcover = landcover.reset_index(drop=True)
    towns = town_points()
    built = landcover[landcover.clc_code.isin(URBAN_CODES)]
    for name, xy in list(towns.items()):
        centre = _point(xy)
        near = built[built.distance(centre) < 2500]
        if len(near) and not near.contains(centre).any():
            nearest = near.geometry.iloc[int(np.argmin(near.distance(centre)))]
            towns[name] = nearest.representative_point().coords[0]

    land, sea = land_and_sea(municipality, landcover)
    elevation, transform = build_dem(municipality, sea, np.random.default_rng(SEED + 1))
    write_dem(elevation, transform)

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
