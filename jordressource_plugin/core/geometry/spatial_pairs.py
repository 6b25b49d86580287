"""Which geometries meet which: pairs found through a grid of envelopes, then an exact test.

Shapely 2 answers with one vectorised STRtree query. Shapely 1.8 (Debian 12) without rtree or
pygeos has no fast bulk query (geopandas' index, when rtree is present, loops in Python over
every geometry), so there the candidates come from a uniform grid over the envelopes, in numpy,
and the exact test runs with the smaller side prepared. Points given as coordinates are tested
against polygons in numpy (even-odd rule over every ring), with no shapely object per point.
"""
import struct
from typing import Callable, Optional, Sequence, Union

import geopandas as gpd
import numpy as np
import shapely
from shapely.prepared import prep
from shapely.strtree import STRtree

# Shapely 2's vectorised API (top-level functions such as shapely.bounds, and STRtree queries
# over whole arrays, which came with them), detected by the feature: version strings lie
# (Debian's shapely 2.2 says "0+unknown").
_SHAPELY_2 = hasattr(shapely, "bounds")
ON_BOUNDARY_M = 1e-6  # a point this close to a polygon's edge lies on its boundary
# Shapely geometries as a GeoSeries, an object array or a list (None for a missing one).
Geometries = Union[gpd.GeoSeries, np.ndarray, Sequence]


def geometry_array(items: Geometries) -> np.ndarray:
    """A 1-d object array of geometries from a GeoSeries, array or list (numpy alone would
    unpack shapely 1.8's multi-part geometries into their parts)."""
    if isinstance(items, np.ndarray) and items.dtype == object and items.ndim == 1:
        return items
    if isinstance(items, gpd.GeoSeries):
        return items.to_numpy()
    items = list(items)
    result = np.empty(len(items), dtype=object)
    for position, item in enumerate(items):
        result[position] = item
    return result


def _sorted_pairs(left, right):
    order = np.lexsort((right, left))
    return np.asarray(left, dtype=np.int64)[order], np.asarray(right, dtype=np.int64)[order]


def intersecting_pairs(left: Geometries, right: Geometries,
                       keep: Optional[Callable[[np.ndarray, np.ndarray], np.ndarray]] = None,
                       exact: bool = True) -> tuple:
    """Positions (i, j) of every left[i] that intersects right[j].

    ``keep(i, j)``, if given, is a vectorised filter applied to the candidates (envelopes
    overlap) before the exact test, which is the costly part. With ``exact=False`` the pairs
    are those candidates (a superset, for callers that settle the geometry themselves).
    Shapely 2 answers in one vectorised STRtree query (always exact). On shapely 1.8 the
    candidates come from a uniform grid over the envelopes, in numpy (geopandas' index loops in
    Python over every geometry there), and the exact test runs with the smaller side prepared.
    """
    left = geometry_array(left)
    right = geometry_array(right)
    if not len(left) or not len(right):
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    if _SHAPELY_2:
        left_index, right_index = STRtree(right).query(left, predicate="intersects")
        if keep is not None:
            mask = keep(left_index, right_index)
            left_index, right_index = left_index[mask], right_index[mask]
        return _sorted_pairs(left_index, right_index)
    left_envelopes = envelopes(left)
    right_envelopes = left_envelopes if right is left else envelopes(right)
    first, second = envelope_pairs(left_envelopes, right_envelopes)
    if keep is not None:
        mask = keep(first, second)
        first, second = first[mask], second[mask]
    if not exact:
        return _sorted_pairs(first, second)
    if len(left) <= len(right):
        prepared_side, other_side, prepared_of, other_of = left, right, first, second
    else:
        prepared_side, other_side, prepared_of, other_of = right, left, second, first
    order = np.argsort(prepared_of, kind="stable")
    prepared_of, other_of = prepared_of[order], other_of[order]
    exact = np.zeros(len(order), dtype=bool)
    starts = np.flatnonzero(np.r_[True, prepared_of[1:] != prepared_of[:-1]]) if len(order) else []
    for begin, finish in zip(starts, np.r_[starts[1:], len(order)] if len(order) else []):
        prepared = prep(prepared_side[prepared_of[begin]])
        for row in range(begin, finish):
            exact[row] = prepared.intersects(other_side[other_of[row]])
    first, second = first[order][exact], second[order][exact]
    return _sorted_pairs(first, second)


def points_in_polygons(xy: np.ndarray, polygons: Geometries) -> tuple:
    """Pairs (point, polygon) of points (an (n, 2) array) that intersect polygons, and whether
    each lies in the polygon's interior (False on its boundary).

    Vectorised over all candidate pairs and polygon edges at once (in chunks of bounded size):
    the even-odd rule over every ring is the interior of a valid (multi)polygon, and a point
    within ``ON_BOUNDARY_M`` of an edge is on the boundary.
    """
    polygons = geometry_array(polygons)
    xy = np.asarray(xy, dtype=float).reshape(-1, 2)
    empty = np.zeros(0, dtype=np.int64)
    if not len(xy) or not len(polygons):
        return empty, empty, np.zeros(0, dtype=bool)
    point, polygon = envelope_pairs(np.hstack([xy, xy]), envelopes(polygons))
    edges, first_edge, edge_count = _edge_table(polygons)
    inside = np.zeros(len(point), dtype=bool)
    boundary = np.zeros(len(point), dtype=bool)
    work = edge_count[polygon]
    bounds = np.searchsorted(np.cumsum(work), np.arange(0, work.sum(), _CHUNK_ROWS), side="right")
    for begin, finish in zip(np.r_[0, bounds[1:]], np.r_[bounds[1:], len(point)]):
        if finish > begin:
            inside[begin:finish], boundary[begin:finish] = _even_odd(
                xy[point[begin:finish]], polygon[begin:finish], edges, first_edge, edge_count)
    hit = inside | boundary
    return point[hit], polygon[hit], (inside & ~boundary)[hit]


_CHUNK_ROWS = 2_000_000  # (pair, edge) rows evaluated at once: bounds the memory to ~100 MB


def _even_odd(points, polygon, edges, first_edge, edge_count):
    counts = edge_count[polygon]
    pair = np.repeat(np.arange(len(polygon)), counts)
    edge = np.repeat(first_edge[polygon], counts) + (
        np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts))
    x, y = points[pair, 0], points[pair, 1]
    ax, ay, bx, by = edges[edge, 0], edges[edge, 1], edges[edge, 2], edges[edge, 3]
    dx, dy = bx - ax, by - ay
    straddles = (ay > y) != (by > y)
    with np.errstate(divide="ignore", invalid="ignore"):
        crosses = straddles & (x < ax + (y - ay) * dx / dy)
        length2 = dx * dx + dy * dy
        t = np.where(length2 > 0, np.clip(((x - ax) * dx + (y - ay) * dy) / length2, 0.0, 1.0), 0.0)
    near = (ax + t * dx - x) ** 2 + (ay + t * dy - y) ** 2 <= ON_BOUNDARY_M ** 2
    size = len(polygon)
    inside = np.bincount(pair, weights=crosses, minlength=size).astype(np.int64) % 2 == 1
    on_boundary = np.bincount(pair, weights=near, minlength=size) > 0
    return inside, on_boundary


def _edge_table(polygons):
    """Edges (ax, ay, bx, by) of every ring of every polygon, with each polygon's first edge
    and edge count."""
    rings_of = [_rings(geometry) if geometry is not None else [] for geometry in polygons]
    edge_count = np.array([sum(len(ring) - 1 for ring in rings) for rings in rings_of],
                          dtype=np.int64)
    first_edge = np.cumsum(edge_count) - edge_count
    blocks = [np.hstack([ring[:-1], ring[1:]])
              for rings in rings_of for ring in rings if len(ring) > 1]
    edges = np.vstack(blocks) if blocks else np.zeros((0, 4))
    return edges, first_edge, edge_count


def _rings(geometry) -> list:
    """Every ring (exterior and holes) of a polygon or multipolygon, as (m, 2) arrays, read
    from its WKB (shapely 1.8's coordinate access costs several calls per ring)."""
    if _SHAPELY_2:
        parts = getattr(geometry, "geoms", [geometry])
        return [np.asarray(ring.coords)[:, :2] for part in parts if part.geom_type == "Polygon"
                for ring in [part.exterior, *part.interiors] if not part.is_empty]
    data = _wkb_writer().write(geometry)
    kind = int.from_bytes(data[1:5], "little") if data[0] == 1 else 0
    if kind == 3:
        return _polygon_rings(data, 5)[0]
    if kind == 6:
        rings, offset = [], 9
        for _ in range(int.from_bytes(data[5:9], "little")):
            part, offset = _polygon_rings(data, offset + 5)
            rings.extend(part)
        return rings
    parts = getattr(geometry, "geoms", [geometry])
    return [np.asarray(ring.coords)[:, :2] for part in parts if part.geom_type == "Polygon"
            and not part.is_empty for ring in [part.exterior, *part.interiors]]


def _polygon_rings(data, offset):
    """Rings of a little-endian 2D polygon whose ring count is at ``offset``; and the offset
    after it."""
    rings = []
    count = int.from_bytes(data[offset:offset + 4], "little")
    offset += 4
    for _ in range(count):
        points = int.from_bytes(data[offset:offset + 4], "little")
        rings.append(np.frombuffer(data, "<f8", 2 * points, offset + 4).reshape(-1, 2))
        offset += 4 + 16 * points
    return rings, offset


_WRITER = []


def _wkb_writer():
    """One WKB writer for the process: shapely 1.8 builds a new one per ``.wkb`` call."""
    if not _WRITER:
        from shapely.geos import WKBWriter, lgeos

        _WRITER.append(WKBWriter(lgeos))
    return _WRITER[0]


def envelopes(geometries: Geometries) -> np.ndarray:
    """(n, 4) minx, miny, maxx, maxy; NaN for missing or empty geometries.

    Points and polygons are read from their WKB (one GEOS call each): shapely 1.8's ``bounds``
    costs several calls per geometry. Other types use ``bounds``.
    """
    if _SHAPELY_2:
        return shapely.bounds(np.asarray(geometries, dtype=object))
    write = _wkb_writer().write
    result = np.full((len(geometries), 4), np.nan)
    for position, geometry in enumerate(geometries):
        if geometry is None:
            continue
        data = write(geometry)
        kind = int.from_bytes(data[1:5], "little") if data[0] == 1 else 0
        if kind == 1 and len(data) == 21:
            x, y = struct.unpack_from("<2d", data, 5)
            result[position] = (x, y, x, y)
        elif kind == 3 and len(data) > 13:
            count = int.from_bytes(data[9:13], "little")
            ring = np.frombuffer(data, "<f8", 2 * count, 13).reshape(-1, 2)
            result[position, :2] = ring.min(axis=0)
            result[position, 2:] = ring.max(axis=0)
        else:
            bounds = geometry.bounds
            if len(bounds) == 4:
                result[position] = bounds
    return result


_MAX_CELLS = 64  # an envelope spanning more grid cells is compared against all the others


def envelope_pairs(left: np.ndarray, right: np.ndarray) -> tuple:
    """Pairs (i, j) whose envelopes overlap or touch, from a uniform grid of cells the size of a
    typical envelope. Each pair is reported once: in the cell holding the lower-left corner of
    the two envelopes' overlap, which both cover."""
    valid_left = ~np.isnan(left[:, 0])
    valid_right = ~np.isnan(right[:, 0])
    if not valid_left.any() or not valid_right.any():
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    both = np.vstack([left[valid_left], right[valid_right]])
    sizes = np.r_[both[:, 2] - both[:, 0], both[:, 3] - both[:, 1]]
    sizes = sizes[sizes > 0]
    cell = float(np.median(sizes)) if len(sizes) else 1.0
    span = max(float(np.max(both[:, 2:]) - np.min(both[:, :2])), 1.0)
    cell = max(cell, span / 1e6)  # a grid of at most 10^6 cells per side: keys fit int64
    origin_x, origin_y = float(np.min(both[:, 0])), float(np.min(both[:, 1]))

    def grid(bounds, valid):
        index = np.flatnonzero(valid)
        x0 = np.floor((bounds[index, 0] - origin_x) / cell).astype(np.int64)
        y0 = np.floor((bounds[index, 1] - origin_y) / cell).astype(np.int64)
        nx = np.floor((bounds[index, 2] - origin_x) / cell).astype(np.int64) - x0 + 1
        ny = np.floor((bounds[index, 3] - origin_y) / cell).astype(np.int64) - y0 + 1
        return index, x0, y0, nx, ny

    def cells(index, x0, y0, nx, ny):
        counts = nx * ny
        total = int(counts.sum())
        within = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
        width = np.repeat(nx, counts)
        return (np.repeat(index, counts),
                _cell_key(np.repeat(x0, counts) + within % width,
                          np.repeat(y0, counts) + within // width))

    left_grid, right_grid = grid(left, valid_left), grid(right, valid_right)
    small_left = left_grid[3] * left_grid[4] <= _MAX_CELLS
    small_right = right_grid[3] * right_grid[4] <= _MAX_CELLS
    left_geometry, left_key = cells(*(part[small_left] for part in left_grid))
    right_geometry, right_key = cells(*(part[small_right] for part in right_grid))
    order = np.argsort(right_key, kind="stable")
    right_key, right_geometry = right_key[order], right_geometry[order]
    low = np.searchsorted(right_key, left_key, side="left")
    matches = np.searchsorted(right_key, left_key, side="right") - low
    total = int(matches.sum())
    offsets = np.arange(total) - np.repeat(np.cumsum(matches) - matches, matches)
    first = np.repeat(left_geometry, matches)
    second = right_geometry[np.repeat(low, matches) + offsets]
    key = np.repeat(left_key, matches)
    corner_x = np.maximum(left[first, 0], right[second, 0])
    corner_y = np.maximum(left[first, 1], right[second, 1])
    overlap = ((corner_x <= np.minimum(left[first, 2], right[second, 2]))
               & (corner_y <= np.minimum(left[first, 3], right[second, 3])))
    home = _cell_key(np.floor((corner_x - origin_x) / cell).astype(np.int64),
                     np.floor((corner_y - origin_y) / cell).astype(np.int64))
    keep = overlap & (home == key)
    firsts, seconds = [first[keep]], [second[keep]]
    # envelopes spanning many cells: compared directly (big left with every right, big right
    # with the small lefts, so no pair is found twice)
    small_left_index = left_grid[0][small_left]
    for position in left_grid[0][~small_left]:
        hit = np.flatnonzero(valid_right & _overlaps(right, left[position]))
        firsts.append(np.full(len(hit), position, dtype=np.int64))
        seconds.append(hit)
    for position in right_grid[0][~small_right]:
        hit = small_left_index[_overlaps(left[small_left_index], right[position])]
        firsts.append(hit)
        seconds.append(np.full(len(hit), position, dtype=np.int64))
    return np.concatenate(firsts).astype(np.int64), np.concatenate(seconds).astype(np.int64)


def _cell_key(x, y):
    return x * np.int64(2_000_003) + y


def _overlaps(bounds, box):
    return ((bounds[:, 0] <= box[2]) & (bounds[:, 2] >= box[0])
            & (bounds[:, 1] <= box[3]) & (bounds[:, 3] >= box[1]))


def overlapping_pairs(geometries: Geometries) -> tuple:
    """Positions (i, j), i < j, of polygons whose interiors overlap (an area in common, not only
    an edge or a corner), found through ``intersecting_pairs``."""
    items = geometry_array(geometries)
    first, second = intersecting_pairs(items, items, keep=lambda i, j: i < j)
    overlap = np.array([items[i].relate_pattern(items[j], "2********")
                        for i, j in zip(first, second)], dtype=bool)
    return first[overlap] if len(overlap) else first, second[overlap] if len(overlap) else second
