"""Where a site is, for haul distances: a point itself, a polygon's centroid, or its point on
surface where the centroid falls outside it (a U-shaped excavation, a ring-shaped dike)."""
import geopandas as gpd
import numpy as np


def position_points(geometries: gpd.GeoSeries) -> gpd.GeoSeries:
    """Position of each geometry of a GeoSeries, as a GeoSeries of points in the same CRS."""
    centroids = geometries.centroid
    polygonal = geometries.geom_type.isin(["Polygon", "MultiPolygon"]).to_numpy()
    if polygonal.any():
        outside = np.zeros(len(geometries), dtype=bool)
        outside[polygonal] = ~geometries[polygonal].contains(centroids[polygonal]).to_numpy()
        if outside.any():
            centroids = centroids.copy()
            centroids[outside] = geometries[outside].representative_point()
    return centroids


def position_xy(geometries: gpd.GeoSeries) -> np.ndarray:
    """Positions as an (n, 2) float array of metre coordinates."""
    points = position_points(geometries)
    return np.column_stack([points.x.to_numpy(dtype=float), points.y.to_numpy(dtype=float)])


# A site in several parts has one position; parts farther apart than this make the haul from
# that position misstate the haul from the others, so such sites are named in the log.
SPREAD_WARNING_M = 1000.0


def spread_sites(geometries: gpd.GeoSeries, limit_m: float = SPREAD_WARNING_M) -> np.ndarray:
    """Positions of multi-part geometries whose parts span more than ``limit_m`` (the diagonal
    of their envelope)."""
    multi = geometries.geom_type.isin(["MultiPoint", "MultiPolygon", "MultiLineString",
                                       "GeometryCollection"]).to_numpy()
    if not multi.any():
        return np.zeros(0, dtype=np.int64)
    bounds = geometries[multi].bounds.to_numpy(dtype=float)
    diagonal = np.hypot(bounds[:, 2] - bounds[:, 0], bounds[:, 3] - bounds[:, 1])
    return np.flatnonzero(multi)[diagonal > limit_m]
