"""Free-movement zones: where the area-based approach lets soil move without new analyses.

A zone is a connected region of one area type (urban, agricultural or industrial): polygons of
the same type that overlap or share an edge are merged; polygons that meet only at a corner stay
separate zones, as after a dissolve by type and a split into single parts. Mapped contaminated
sites (V1/V2) are cut out first, since soil from them never moves freely, so a zone cut in two
by a contaminated site becomes two zones. With boundaries (municipalities, for example) zones
are split along them; area types outside every boundary polygon are kept as zones without one.
Area types that are not recognised (``other``) form no zone.

Connectivity is found as a graph: pairs of same-type pieces whose envelopes meet are its edges
and scipy's connected components its groups; only groups of more than one piece are unioned, and
each union is split into its polygons, which are the zones. That avoids one huge union per area
type, which is slow on shapely 1.8.
"""
from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components
from shapely.ops import unary_union
from shapely.prepared import prep

from ..balance.soil_balance import Sites, soil_balance
from ..geometry.spatial_pairs import geometry_array, intersecting_pairs
from .area_types import AREA_TYPES, OTHER

NO_BOUNDARY = -1
ZONE_COLUMNS = ["zone_id", "area_type", "boundary", "area_km2", "surplus_m3", "demand_m3",
                "balance_m3", "source_count", "receiver_count"]


@dataclass
class ZoneResult:
    zones: gpd.GeoDataFrame  # ZONE_COLUMNS + geometry; boundary = boundary position or NO_BOUNDARY
    outside: pd.Series  # surplus_m3, demand_m3, source_count, receiver_count of sites in no zone
    other_polygons: int  # area-type polygons of type other, which form no zone


def free_movement_zones(area_types: gpd.GeoDataFrame, contamination: gpd.GeoSeries = None,
                        boundary: gpd.GeoSeries = None) -> gpd.GeoDataFrame:
    """Zones from prepared area types (``classify.prepare_area_types``): geometry, area_type,
    boundary; one row per zone, ordered by type, boundary and input order."""
    typed = area_types[area_types["area_type"] != OTHER]
    geometries = geometry_array(typed.geometry)
    kinds = typed["area_type"].to_numpy()
    order = np.arange(len(typed))
    if contamination is not None and len(contamination):
        geometries = _cut_out(geometries, geometry_array(contamination))
    boundary_of = np.full(len(geometries), NO_BOUNDARY)
    if boundary is not None and len(boundary):
        geometries, kinds, order, boundary_of = _split(geometries, kinds, order,
                                                       geometry_array(boundary))
    geometries, kinds, order, boundary_of = _single_parts(geometries, kinds, order, boundary_of)
    zones = _connected(geometries, kinds, order, boundary_of, area_types.crs)
    rank = {kind: position for position, kind in enumerate(AREA_TYPES)}
    zones["rank"] = zones["area_type"].map(rank)
    zones["boundary_rank"] = np.where(zones["boundary"] == NO_BOUNDARY, np.iinfo(np.int64).max,
                                      zones["boundary"])
    zones = zones.sort_values(["rank", "boundary_rank", "order"], kind="stable")
    zones = zones.reset_index(drop=True)
    zones["zone_id"] = np.arange(1, len(zones) + 1)
    zones["area_km2"] = zones.geometry.area / 1e6
    return zones[["zone_id", "area_type", "boundary", "area_km2", "geometry"]]


def zone_balance(zones: gpd.GeoDataFrame, sources: Sites = None,
                 receivers: Sites = None) -> tuple:
    """Surplus, demand and balance per zone, and the same for sites in no zone."""
    if sources is None:
        sources = Sites([], np.zeros(0))
    balance = soil_balance(zones.geometry, sources, receivers)
    result = zones.copy()
    for column in ("surplus_m3", "demand_m3", "balance_m3", "source_count", "receiver_count"):
        result[column] = balance.areas[column].to_numpy()
    return result, balance.outside[["surplus_m3", "demand_m3", "source_count", "receiver_count"]]


def area_zones(area_types: gpd.GeoDataFrame, contamination: gpd.GeoSeries = None,
               boundary: gpd.GeoSeries = None, sources: Sites = None,
               receivers: Sites = None) -> ZoneResult:
    """Zones (see ``free_movement_zones``) with the soil balance of each."""
    zones = free_movement_zones(area_types, contamination, boundary)
    zones, outside = zone_balance(zones, sources, receivers)
    other = int((area_types["area_type"] == OTHER).sum())
    return ZoneResult(zones[ZONE_COLUMNS + ["geometry"]], outside, other)


def _cut_out(geometries, holes):
    """Each geometry minus the contaminated sites it intersects."""
    piece, hole = intersecting_pairs(geometries, holes)
    result = geometries.copy()
    if not len(piece):
        return result
    starts = np.flatnonzero(np.r_[True, piece[1:] != piece[:-1]])
    for begin, finish in zip(starts, np.r_[starts[1:], len(piece)]):
        target = piece[begin]
        cutter = unary_union(list(holes[hole[begin:finish]]))
        result[target] = geometries[target].difference(cutter)
    return result


def _split(geometries, kinds, order, boundaries):
    """Pieces of each geometry per boundary polygon; what lies outside all of them is kept."""
    piece, owner = intersecting_pairs(geometries, boundaries)
    prepared = {}
    out_geometries, out_index, out_boundary = [], [], []
    counts = np.bincount(piece, minlength=len(geometries))
    for position in np.flatnonzero(counts == 0):
        out_geometries.append(geometries[position])
        out_index.append(position)
        out_boundary.append(NO_BOUNDARY)
    covered = {}
    for position, boundary_position in zip(piece, owner):
        geometry = geometries[position]
        if boundary_position not in prepared:
            prepared[boundary_position] = prep(boundaries[boundary_position])
        if counts[position] == 1 and prepared[boundary_position].contains(geometry):
            part = geometry
        else:
            part = geometry.intersection(boundaries[boundary_position])
            covered.setdefault(position, []).append(boundaries[boundary_position])
        out_geometries.append(part)
        out_index.append(position)
        out_boundary.append(boundary_position)
    for position, used in covered.items():
        rest = geometries[position].difference(unary_union(used))
        if not rest.is_empty and rest.area > 0:
            out_geometries.append(rest)
            out_index.append(position)
            out_boundary.append(NO_BOUNDARY)
    out_index = np.asarray(out_index, dtype=np.int64)
    return (geometry_array(out_geometries), kinds[out_index], order[out_index],
            np.asarray(out_boundary, dtype=np.int64))


def _single_parts(geometries, kinds, order, boundary_of):
    """Polygon parts only: cutting and splitting leave multi-parts, lines and points."""
    parts, index = [], []
    for position, geometry in enumerate(geometries):
        for part in _polygons(geometry):
            parts.append(part)
            index.append(position)
    index = np.asarray(index, dtype=np.int64)
    return geometry_array(parts), kinds[index], order[index], boundary_of[index]


def _connected(geometries, kinds, order, boundary_of, crs) -> gpd.GeoDataFrame:
    """Union of each connected group of same-type pieces within one boundary, split into its
    polygons (pieces that meet only at a corner union into separate polygons)."""
    rows = {"geometry": [], "area_type": [], "boundary": [], "order": []}

    def add(geometry, position):
        rows["geometry"].append(geometry)
        rows["area_type"].append(kinds[position])
        rows["boundary"].append(boundary_of[position])
        rows["order"].append(order[position])

    count = len(geometries)
    if count:
        # Envelope neighbours suffice: a group joined through envelopes that do not meet is
        # split again when its union is split into polygons below.
        first, second = intersecting_pairs(
            geometries, geometries, exact=False,
            keep=lambda i, j: (i < j) & (kinds[i] == kinds[j]) & (boundary_of[i] == boundary_of[j]))
        graph = coo_matrix((np.ones(len(first), dtype=np.int8), (first, second)),
                           shape=(count, count))
        _, label = connected_components(graph, directed=False)
        sizes = np.bincount(label)
        for position in np.flatnonzero(sizes[label] == 1):
            add(geometries[position], position)
        grouped = np.argsort(label, kind="stable")
        grouped = grouped[sizes[label[grouped]] > 1]
        starts = np.flatnonzero(np.r_[True, label[grouped][1:] != label[grouped][:-1]])
        for begin, finish in zip(starts, np.r_[starts[1:], len(grouped)]):
            members = grouped[begin:finish]
            if not len(members):
                continue
            union = unary_union(list(geometries[members]))
            head = members[np.argmin(order[members])]
            for part in _polygons(union):
                add(part, head)
    geometry = gpd.GeoSeries(geometry_array(rows.pop("geometry")), crs=crs)
    return gpd.GeoDataFrame(rows, geometry=geometry)


def _polygons(geometry):
    """The polygons with area in a geometry of any type."""
    if geometry is None or geometry.is_empty:
        return []
    if geometry.geom_type == "Polygon":
        return [geometry] if geometry.area > 0 else []
    if hasattr(geometry, "geoms"):
        return [part for sub in geometry.geoms for part in _polygons(sub)]
    return []

