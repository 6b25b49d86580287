"""Generated sites on the real land cover: excavations, contaminated sites, receivers, disposal
sites and local plans."""
import datetime
import math

import numpy as np

from . import INDUSTRIAL_CODES, URBAN_CODES
from .places import (
    as_point,
    near_town,
    nearest_town,
    random_dates,
    random_point_in,
    rotated_rectangle,
    substring,
)

URBAN_WORKS = ("Boligbyggeri", "Byomdannelse", "Kloakseparering", "Skoleudvidelse",
               "Plejecenter", "Parkeringskælder", "Klimatilpasning, regnvandsbassin",
               "Rækkehuse", "Byggemodning")
INDUSTRIAL_WORKS = ("Erhvervsbyggeri", "Logistikcenter", "Lagerhal", "Byggemodning erhverv",
                    "Havneudvidelse", "Renseanlæg, udvidelse")
SOIL_TYPES = ("moræneler", "sand", "muld", "fyld", "ler")
SOIL_TYPE_P = (0.45, 0.2, 0.1, 0.15, 0.1)


def area_types_layer(landcover):
    from jordressource_plugin.core.area.area_types import corine_area_type
    frame = landcover[["clc_code", "label", "geometry"]].copy()
    frame["area_type"] = [corine_area_type(int(code)) for code in frame["clc_code"]]
    return frame.reset_index(drop=True)


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
        # Digging takes 1-6 months, at any time over the five years.
        start, end = random_dates(rng, latest_start=datetime.date(2030, 6, 1), months=(1, 7))
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
        start, end = random_dates(rng, latest_start=datetime.date(2029, 6, 1), months=(3, 19))
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
        centre = random_point_in(near_town(industrial, towns[town], 40), rng)
        start, end = random_dates(rng, latest_start=datetime.date(2029, 6, 1), months=(3, 19))
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
        piece = substring(motorway, start_at, start_at + length)
        barrier = piece.parallel_offset(60, "left").buffer(12, cap_style=2)
        start, end = random_dates(rng, earliest=datetime.date(2026, 9, 1),
                                  latest_start=datetime.date(2029, 6, 1), months=(3, 19))
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
        centre = shore.interpolate(shore.project(as_point(towns[town])))
        angle = rng.uniform(0, math.pi)
        half = np.array([math.cos(angle), math.sin(angle)]) * length / 2
        line = LineString([(centre.x - half[0], centre.y - half[1]),
                           (centre.x + half[0], centre.y + half[1])])
        start, end = random_dates(rng, earliest=datetime.date(2027, 1, 1),
                                  latest_start=datetime.date(2029, 6, 1), months=(3, 19))
        rows.append({"name": name, "kind": "utilisation", "capacity_m3": float(length * 20),
                     "max_soil_class": 1, "start_date": start, "end_date": end,
                     "geometry": line.buffer(14, cap_style=2).difference(sea)})
    return rows


def _landscaping(landcover, towns, rng):
    """Terrain modelling next to new housing in the agricultural fringe of two towns."""
    farmland = landcover[landcover.clc_code.between(211, 244)]
    rows = []
    for town in ("Jyderup", "Ugerløse"):
        centre = random_point_in(near_town(farmland, towns[town], 50), rng)
        start, end = random_dates(rng, earliest=datetime.date(2026, 6, 1),
                                  latest_start=datetime.date(2029, 6, 1), months=(3, 19))
        capacity = float(round(rng.uniform(6000, 14000), -2))
        rows.append({"name": f"Landskabsbearbejdning {town}", "kind": "utilisation",
                     "capacity_m3": capacity, "max_soil_class": 1,
                     "start_date": start, "end_date": end,
                     "geometry": rotated_rectangle(centre.x, centre.y, 25000, 2.0,
                                                   rng.uniform(0, 3))})
    return rows


def build_storage_sites(receivers):
    """The resource sites also keep soil for a while (mellemlager): half their capacity as
    storage room, the same classes, open over the whole plan (no dates)."""
    rows = []
    for receiver in receivers:
        if receiver["kind"] != "resource_site":
            continue
        rows.append({"id": f"ST{len(rows) + 1:02d}",
                     "name": receiver["name"].replace("Jordressourceplads", "Mellemlager")
                     .replace("Mellemdepot", "Mellemlager"),
                     "storage_capacity_m3": receiver["capacity_m3"] / 2,
                     "max_soil_class": receiver["max_soil_class"],
                     "start_date": None, "end_date": None, "geometry": receiver["geometry"]})
    return rows


def build_disposal_sites(sites, towns, rng, max_distance_m=70000):
    holbaek = as_point(towns["Holbæk"])
    dumps = sites[(sites.clc_code == 132) & (sites.distance(holbaek) <= max_distance_m)]
    rows = []
    for number, (_, dump) in enumerate(dumps.sort_values("area_m2").iterrows(), start=1):
        rows.append({"id": f"DP{number:02d}", "name": f"Deponi {dump.kommune} (CORINE 132)",
                     "gate_fee_dkk_t": float(round(rng.uniform(50, 90))),
                     "geometry": dump.geometry})
    return rows


def build_local_plans(landcover, towns, rng):
    """Local-plan areas: each town's built-up CORINE area cut into a few blocks, the way a
    municipality covers its towns with successive local plans."""
    from shapely.ops import unary_union
    built = landcover[landcover.clc_code.isin(URBAN_CODES + INDUSTRIAL_CODES)]
    nearest = [nearest_town(g.centroid, towns) for g in built.geometry]
    industrial = unary_union(list(landcover[landcover.clc_code.isin(INDUSTRIAL_CODES)].geometry))
    rows = []
    for number, town in enumerate(towns, start=1):
        parts = [g for g, t in zip(built.geometry, nearest) if t == town
                 and g.distance(as_point(towns[town])) < 3000]
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
                                 f"{_quarter(cell, as_point(towns[town]), industrial)}",
                         "geometry": cell})
    return rows


QUARTERS = ("Øst", "Nordøst", "Nord", "Nordvest", "Vest", "Sydvest", "Syd", "Sydøst")


def _quarter(cell, centre, industrial):
    """The part of town a plan covers, as a planner names it: the centre within 600 m of the
    town's point, else the compass direction from it; "Erhverv" where industry covers most of it."""
    dx, dy = cell.centroid.x - centre.x, cell.centroid.y - centre.y
    if math.hypot(dx, dy) < 600:
        where = "Bymidte"
    else:
        where = QUARTERS[int(((math.degrees(math.atan2(dy, dx)) % 360 + 22.5) % 360) // 45)]
    if cell.intersection(industrial).area > 0.5 * cell.area:
        return f"Erhverv {where.lower()}" if where != "Bymidte" else "Erhverv Bymidte"
    return where


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
