"""Which area type each site lies in, and whether it may move freely.

A polygon takes the area type that covers the largest share of its area; a point the type of
the area containing it (a point on a shared border belongs to the area that comes first in the
area-type layer). A site is suspected of contamination when it intersects a mapped contaminated
site (V1/V2) or lies in no recognised area type; only unsuspected soil moves freely.

Area types are meant to tile. Where two polygons overlap anyway, the one that comes first in
the layer holds the overlap (as on a shared border): each later polygon is cut by the earlier
ones it overlaps, so a point and a polygon at the same place get the same type and no area is
counted twice (in shares here, in zones in ``zones``).
"""
from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd
from shapely.geometry import MultiPolygon
from shapely.ops import unary_union

from ..geometry.spatial_pairs import intersecting_pairs, overlapping_pairs
from .area_types import OTHER, normalise_area_types


@dataclass
class SiteClassification:
    area_type: np.ndarray  # str per site
    area_share: np.ndarray  # 0-1: share of the site's area in that type (1 for a contained point)
    contamination_suspected: np.ndarray  # bool
    free_move: np.ndarray  # bool


def prepare_area_types(areas: gpd.GeoDataFrame, field: str) -> gpd.GeoDataFrame:
    """Area-type polygons with the field normalised to urban/agricultural/industrial/other,
    overlaps given to the earlier polygon (module docstring). ``overlaps_other_type`` marks the
    polygons that overlapped an earlier one of another type: where the rule decided."""
    prepared = areas[[areas.geometry.name]].copy().reset_index(drop=True)
    prepared["area_type"] = normalise_area_types(areas[field].tolist())
    prepared["area_order"] = np.arange(len(areas))
    prepared["overlaps_other_type"] = False
    earlier, later = overlapping_pairs(prepared.geometry.to_numpy())
    if len(later):
        kinds = prepared["area_type"].to_numpy()
        shapes = prepared.geometry.to_numpy().copy()
        for position in np.unique(later):
            cut = [shapes[k] for k in earlier[later == position]]
            shapes[position] = shapes[position].difference(unary_union(cut))
        prepared = prepared.set_geometry(gpd.GeoSeries(shapes, crs=prepared.crs))
        differs = kinds[earlier] != kinds[later]
        prepared.loc[np.unique(later[differs]), "overlaps_other_type"] = True
    return prepared


def classify_sites(sites: gpd.GeoSeries, areas: gpd.GeoDataFrame,
                   contamination: gpd.GeoSeries = None) -> SiteClassification:
    """Classify ``sites`` against prepared ``areas`` (see ``prepare_area_types``)."""
    count = len(sites)
    area_type = np.full(count, OTHER, dtype=object)
    area_share = np.zeros(count)
    sites = gpd.GeoSeries([_polygonal_part(shape) for shape in sites.to_numpy()], crs=sites.crs)
    polygonal = sites.geom_type.isin(["Polygon", "MultiPolygon"]).to_numpy()
    if len(areas):
        if polygonal.any():
            _majority_by_area(sites[polygonal], areas, area_type, area_share)
        if (~polygonal).any():
            _containing_area(sites[~polygonal], areas, area_type, area_share)
    suspected = area_type == OTHER
    if contamination is not None and len(contamination):
        suspected |= _intersects_any(sites, contamination)
    return SiteClassification(area_type.astype(str), area_share, suspected, ~suspected)


def _polygonal_part(shape):
    """The polygons of a mixed collection (what repairing a polygon with a spike gives), so that
    it is classified by area like the polygon it was; any other geometry as it is."""
    if shape is None or shape.geom_type != "GeometryCollection":
        return shape
    polygons = [part for part in shape.geoms if part.geom_type == "Polygon"]
    polygons += [p for part in shape.geoms if part.geom_type == "MultiPolygon" for p in part.geoms]
    return MultiPolygon(polygons) if polygons else shape


def _pairs(left: gpd.GeoSeries, right: gpd.GeoSeries) -> pd.DataFrame:
    """Index pairs (left label, right position) whose geometries intersect, found through a
    spatial index (``core.spatial_pairs``: no rtree or pygeos needed on shapely 1.8)."""
    first, second = intersecting_pairs(left.to_numpy(), right.to_numpy())
    return pd.DataFrame({"left": left.index.to_numpy()[first], "right": second})


def _majority_by_area(polygons, areas, area_type, area_share):
    pairs = _pairs(polygons, areas.geometry)
    if pairs.empty:
        return
    left = gpd.GeoSeries(polygons.loc[pairs["left"]].to_numpy(), crs=polygons.crs)
    right = gpd.GeoSeries(areas.geometry.to_numpy()[pairs["right"].to_numpy()], crs=areas.crs)
    pairs["overlap_m2"] = left.intersection(right).area.to_numpy()
    pairs["area_type"] = areas["area_type"].to_numpy()[pairs["right"].to_numpy()]
    per_type = pairs.groupby(["left", "area_type"], sort=False)["overlap_m2"].sum().reset_index()
    per_type = per_type.sort_values(["left", "overlap_m2", "area_type"],
                                    ascending=[True, False, True])
    best = per_type.drop_duplicates("left")
    best = best[best["overlap_m2"] > 0]
    site_area = polygons.area.reindex(best["left"]).to_numpy()
    positions = best["left"].to_numpy()
    area_type[positions] = best["area_type"].to_numpy()
    area_share[positions] = np.clip(best["overlap_m2"].to_numpy() / site_area, 0.0, 1.0)


def _containing_area(points, areas, area_type, area_share):
    pairs = _pairs(points, areas.geometry)
    if pairs.empty:
        return
    pairs["order"] = areas["area_order"].to_numpy()[pairs["right"].to_numpy()]
    first = pairs.sort_values(["left", "order"]).drop_duplicates("left")
    positions = first["left"].to_numpy()
    area_type[positions] = areas["area_type"].to_numpy()[first["right"].to_numpy()]
    area_share[positions] = 1.0


def _intersects_any(sites: gpd.GeoSeries, polygons: gpd.GeoSeries) -> np.ndarray:
    hit = np.zeros(len(sites), dtype=bool)
    hit[_pairs(sites, polygons)["left"].unique()] = True
    return hit
