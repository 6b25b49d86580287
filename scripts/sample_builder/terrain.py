"""Land, sea and a synthetic terrain model for the sample."""
import math

import numpy as np

from . import CRS, SEA_CODES

DEM_CELL_M = 25.0
DEM_NODATA = -9999.0


def land_and_sea(municipality, municipalities, landcover):
    """Land: every municipality (DAGI) near Holbæk, less CORINE's coastal lagoons and sea; sea:
    the rest of the surroundings (Holbæk Fjord, Isefjord, Sejerø Bugt)."""
    from shapely.geometry import box
    from shapely.ops import unary_union  # GeoSeries.unary_union is deprecated in geopandas 1
    surroundings = box(*municipality.total_bounds).buffer(10000)
    land = unary_union(list(municipalities[municipalities.intersects(surroundings)].geometry))
    land = land.intersection(surroundings)
    sea = landcover[landcover.clc_code.isin(SEA_CODES)]
    land = land.difference(unary_union(list(sea.geometry)))
    return land, surroundings.difference(land)


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


def write_dem(elevation, transform, path):
    import rasterio
    profile = dict(driver="GTiff", width=elevation.shape[1], height=elevation.shape[0], count=1,
                   dtype="float32", crs=CRS, transform=transform, nodata=DEM_NODATA,
                   compress="deflate", predictor=3, zlevel=9, tiled=True, blockxsize=256,
                   blockysize=256)
    with rasterio.open(path, "w", **profile) as target:
        target.write(elevation, 1)
        target.update_tags(1, UNITS="metre", SOURCE="Synthetic terrain, Jordressource sample")


def mean_level(elevation, transform, polygon):
    """Mean DEM value over the cells whose centre lies in ``polygon`` (the earthwork rule), and
    how many cells that is."""
    from rasterio import features
    from rasterio.windows import Window, from_bounds
    from rasterio.windows import transform as window_transform
    window = from_bounds(*polygon.bounds, transform=transform).round_offsets().round_lengths()
    row0, col0 = int(window.row_off), int(window.col_off)
    rows, cols = int(window.height) + 1, int(window.width) + 1
    sub_transform = window_transform(Window(col0, row0, cols, rows), transform)
    mask = features.rasterize([(polygon, 1)], out_shape=(rows, cols), transform=sub_transform,
                              dtype="uint8") == 1
    cells = elevation[row0:row0 + rows, col0:col0 + cols][mask[:elevation.shape[0] - row0,
                                                                 :elevation.shape[1] - col0]]
    cells = cells[cells != DEM_NODATA]
    return (float(cells.mean()) if cells.size else None), int(cells.size)
