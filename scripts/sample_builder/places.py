"""Placing generated things: shapes, random points in polygons, towns, date windows."""
import datetime
import math

import numpy as np


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
    """The name of the town whose centre is nearest to ``point``."""
    return min(towns, key=lambda name: math.hypot(towns[name][0] - point.x,
                                                  towns[name][1] - point.y))


def random_dates(rng, earliest=datetime.date(2026, 1, 1), latest_start=datetime.date(2029, 9, 1),
                 months=(2, 18)):
    """A window starting on the first of a month between ``earliest`` and ``latest_start``,
    lasting a whole number of months in ``months``, ending by 2030."""
    start = earliest + datetime.timedelta(days=int(rng.integers(0, (latest_start - earliest).days)))
    start = start.replace(day=1)
    end = start + datetime.timedelta(days=int(30.44 * rng.integers(*months)))
    return start, min(end, datetime.date(2030, 12, 31))


def near_town(polygons, town_xy, inset_m, radius_m=1500.0):
    """The part of the nearest of ``polygons`` within ``radius_m`` of a town, ``inset_m`` inside."""
    town = as_point(town_xy)
    nearest = polygons.geometry.iloc[int(np.argmin(polygons.distance(town).to_numpy()))]
    return nearest.buffer(-inset_m).intersection(town.buffer(radius_m + nearest.distance(town)))


def as_point(xy):
    from shapely.geometry import Point
    return Point(xy)


def substring(line, start_m, end_m):
    from shapely.geometry import LineString
    steps = np.linspace(start_m, min(end_m, line.length), 12)
    return LineString([line.interpolate(d).coords[0] for d in steps])


def lines_of(geometry):
    if geometry.is_empty:
        return []
    if geometry.geom_type == "LineString":
        return [geometry]
    return [g for g in getattr(geometry, "geoms", []) if g.geom_type == "LineString"]
