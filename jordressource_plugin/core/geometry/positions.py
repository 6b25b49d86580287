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
