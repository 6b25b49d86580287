"""Earthwork volumes: cut, fill and surplus soil per excavation from a terrain model.

The rule (the grid method of earthwork estimation): with z the terrain (DEM) and p the planned
level at a cell's centre, and A the cell's area in m²,

    cut_m3  = Σ max(z − p, 0) · A        fill_m3 = Σ max(p − z, 0) · A

summed over the cells whose centre lies inside the excavation polygon (GDAL's rasterisation rule,
the same as QGIS's zonal statistics). A cell counts only when both z and p have data there;
``valid_share`` is the share of the polygon's cells that do, so missing terrain is reported,
never silently taken as zero.

The planned surface is either one level per polygon or a raster sampled bilinearly at the DEM's
cell centres (see ``planned_surface``).

Memory stays bounded whatever the raster size: each polygon reads only the window it covers,
in blocks of at most ``max_block_cells`` cells. That reading (``TerrainCells``) is shared with
every other figure taken from terrain on the same rule, such as the balanced level.
"""
import contextlib
import math
from dataclasses import dataclass
from typing import Callable, Iterator, List, Optional, Sequence

import geopandas as gpd
import numpy as np
import rasterio
from affine import Affine
from rasterio.crs import CRS
from rasterio.features import geometry_mask
from rasterio.io import DatasetReader
from rasterio.warp import transform_geom
from rasterio.windows import Window
from rasterio.windows import transform as window_transform
from shapely.geometry import mapping, shape
from shapely.ops import unary_union
from shapely.validation import make_valid

from .planned_surface import PlannedSurface, RasterBand

DEFAULT_BLOCK_CELLS = 2 ** 21
DEFAULT_GDAL_CACHE_BYTES = 64 * 2 ** 20
DIFFERENCE_NODATA = -9999.0

# Why a polygon has no volume, or only part of one.
OK = "ok"
PARTIAL = "partial"            # some of its cells lack data
OUTSIDE = "outside"            # none of its cells lie on the DEM
NO_CELLS = "no_cells"          # smaller than a cell: no cell centre inside
NO_DATA = "no_data"            # on the DEM, but every cell lacks data
NO_GEOMETRY = "no_geometry"    # empty or without any polygon part
NO_LEVEL = "no_level"          # planned level missing


class EarthworkInputError(ValueError):
    """Rasters that cannot give volumes in m³; the message is a code for the caller to explain:
    ``no_crs``, ``geographic``, ``not_metres``, ``rotated`` (the DEM) or ``planned_rotated``."""


@dataclass
class EarthworkVolumes:
    """Per polygon, in input order. Volumes are NaN where the polygon has no valid cell."""
    cut_m3: np.ndarray
    fill_m3: np.ndarray
    valid_share: np.ndarray  # NaN where the polygon has no cell at all
    cell_count: np.ndarray  # cells whose centre lies inside, on or off the DEM
    valid_cell_count: np.ndarray
    status: np.ndarray  # one of the status codes above
    cell_area_m2: float
    implausible_cells: int = 0  # counted cells below -500 m or above 9000 m: undeclared nodata?

    @property
    def net_m3(self) -> np.ndarray:
        return self.cut_m3 - self.fill_m3

    @property
    def surplus_m3(self) -> np.ndarray:
        """Soil to be carried away, in situ: the net cut where cut exceeds fill, else 0."""
        return np.where(np.isnan(self.net_m3), np.nan, np.maximum(self.net_m3, 0.0))

    def loose_m3(self, bulking_factor: float) -> np.ndarray:
        """Surplus as loose (trucked) volume: excavated soil swells by the bulking factor."""
        return self.surplus_m3 * bulking_factor

    def tonnes(self, density_t_m3: float) -> np.ndarray:
        """Surplus mass from the in-situ (bank) density."""
        return self.surplus_m3 * density_t_m3

    def positions_with(self, *statuses: str) -> np.ndarray:
        """Input positions of the polygons with any of ``statuses``."""
        return np.flatnonzero(np.isin(self.status, statuses))


def _north_up(dataset) -> bool:
    return dataset.transform.b == 0 and dataset.transform.d == 0


def check_dem(dataset: DatasetReader) -> None:
    """Refuse DEMs whose cells have no area in square metres."""
    # None or an empty CRS (falsy: no WKT). rasterio 1.4 deprecates CRS.is_valid: an invalid CRS
    # can no longer be made, so having a definition is the whole test.
    if not dataset.crs:
        raise EarthworkInputError("no_crs")
    if dataset.crs.is_geographic:
        raise EarthworkInputError("geographic")
    if not _north_up(dataset):
        raise EarthworkInputError("rotated")
    if dataset.crs.linear_units_factor[1] != 1.0:
        raise EarthworkInputError("not_metres")


def earthwork_volumes(polygons: gpd.GeoSeries, dem_path: str,
                      planned_surface_path: Optional[str] = None,
                      planned_levels: Optional[Sequence[float]] = None,
                      difference_path: Optional[str] = None,
                      max_block_cells: int = DEFAULT_BLOCK_CELLS,
                      gdal_cache_bytes: int = DEFAULT_GDAL_CACHE_BYTES,
                      progress: Callable[[float], None] = None,
                      canceled: Callable[[], bool] = None) -> EarthworkVolumes:
    """Cut and fill of each polygon (a GeoSeries, transformed to the DEM's CRS when its CRS
    differs) against ``planned_levels`` (metres, one per polygon, NaN = unknown) or the raster at
    ``planned_surface_path``. With ``difference_path``, also writes a GeoTIFF of terrain minus
    planned level (positive = cut, negative = fill) over the polygons' cells.
    """
    if (planned_surface_path is None) == (planned_levels is None):
        raise ValueError("give exactly one of planned_surface_path and planned_levels")
    count = len(polygons)
    levels = None if planned_levels is None else np.asarray(planned_levels, dtype=np.float64)
    cut, fill = np.full(count, np.nan), np.full(count, np.nan)
    cells, valid_cells = np.zeros(count, dtype=np.int64), np.zeros(count, dtype=np.int64)
    status = np.full(count, OK, dtype=object)
    implausible = 0

    with TerrainCells(polygons, dem_path, planned_surface_path, max_block_cells,
                      gdal_cache_bytes) as terrain:
        writer = (None if difference_path is None
                  else _DifferenceRaster(difference_path, terrain.dem_dataset, terrain.windows))
        try:
            for done, index in enumerate(terrain.reading_order()):
                if canceled is not None and canceled():
                    break
                if progress is not None:
                    progress(done / max(count, 1))
                if terrain.shapes[index] is None:
                    status[index] = NO_GEOMETRY
                    continue
                level = None if levels is None else levels[index]
                if level is not None and not np.isfinite(level):
                    status[index] = NO_LEVEL
                    continue
                tally = CellTally()
                cut_depth_sum = fill_depth_sum = 0.0
                for block in terrain.cells(index, tally):
                    depth = block.terrain - (level if block.planned is None else block.planned)
                    cut_depth_sum += float(depth[depth > 0].sum())
                    fill_depth_sum -= float(depth[depth < 0].sum())
                    if writer is not None:
                        writer.write(block.window, block.valid, depth)
                cells[index], valid_cells[index] = tally.cells, tally.valid_cells
                implausible += tally.implausible
                status[index] = tally.status()
                if tally.valid_cells:
                    cut[index] = cut_depth_sum * terrain.cell_area_m2
                    fill[index] = fill_depth_sum * terrain.cell_area_m2
        finally:
            if writer is not None:
                writer.close()
        cell_area = terrain.cell_area_m2

    share = np.full(count, np.nan)
    has_cells = cells > 0
    share[has_cells] = valid_cells[has_cells] / cells[has_cells]
    share[status == OUTSIDE] = 0.0
    return EarthworkVolumes(cut, fill, share, cells, valid_cells, status, cell_area, implausible)


@dataclass
class CountedCells:
    """One block of a polygon's counted cells: centre inside the polygon, data in the DEM and, for
    a planned raster, in the planned surface."""
    window: Window  # the block's window on the DEM grid
    valid: np.ndarray  # bool, the window's shape: the counted cells
    terrain: np.ndarray  # float64 terrain levels of the counted cells, in row order
    planned: Optional[np.ndarray]  # float64 planned levels there; None without a planned raster


@dataclass
class CellTally:
    """A polygon's cells as they are read: how many lie inside, on the DEM, with data."""
    cells: int = 0  # centres inside the polygon, on or off the DEM
    cells_on_dem: int = 0
    valid_cells: int = 0
    implausible: int = 0
    off_dem: bool = False  # its bounds miss the DEM altogether

    def status(self) -> str:
        if self.off_dem or (self.cells and not self.cells_on_dem):
            return OUTSIDE
        if not self.cells:
            return NO_CELLS
        if not self.valid_cells:
            return NO_DATA
        return OK if self.valid_cells == self.cells else PARTIAL


class TerrainCells:
    """The DEM (and a planned raster) open for one run over a set of polygons, each polygon's
    counted cells read window by window: the cell-centre rule every terrain figure shares.

    Use as a context manager. One GDAL environment serves the whole run (rasterio would
    otherwise set one up per call), with GDAL's block cache capped until it ends: polygons are
    read in bands of rows (``reading_order``), so tiles are rarely read twice, and a larger cache
    only fills memory with tiles never read again.
    """

    def __init__(self, polygons: gpd.GeoSeries, dem_path: str,
                 planned_surface_path: Optional[str] = None,
                 max_block_cells: int = DEFAULT_BLOCK_CELLS,
                 gdal_cache_bytes: int = DEFAULT_GDAL_CACHE_BYTES):
        self._polygons = polygons
        self._dem_path = dem_path
        self._planned_path = planned_surface_path
        self._max_cells = max_block_cells
        self._cache_bytes = gdal_cache_bytes
        self._stack = None

    def __enter__(self):
        stack = contextlib.ExitStack()
        try:
            stack.enter_context(rasterio.Env(GDAL_CACHEMAX=self._cache_bytes))
            self.dem_dataset = stack.enter_context(rasterio.open(self._dem_path))
            check_dem(self.dem_dataset)
            self.dem = RasterBand.open(self.dem_dataset)
            self.cell_area_m2 = abs(self.dem.transform.a * self.dem.transform.e)
            self.shapes = _in_crs(list(self._polygons), getattr(self._polygons, "crs", None),
                                  self.dem.crs)
            self.windows = [None if g is None else _window_of(g.bounds, self.dem.transform)
                            for g in self.shapes]
            self.planned = None
            if self._planned_path is not None:
                self.planned = _planned_surface(self._planned_path, self.dem.crs)
                stack.callback(self.planned.close)
        except BaseException:
            stack.close()
            raise
        self._stack = stack
        return self

    def __exit__(self, *exc_info):
        self._stack.close()
        return False

    def reading_order(self) -> List[int]:
        """Polygon positions in bands of rows, so that neighbours reuse cached DEM tiles."""
        return _reading_order(self.windows)

    def cells(self, index: int, tally: CellTally) -> Iterator[CountedCells]:
        """The counted cells of polygon ``index``, block by block (at most ``max_block_cells``
        each), ``tally`` updated as they are read."""
        polygon, window = self.shapes[index], self.windows[index]
        height, width = self.dem_dataset.shape
        if window[1] <= 0 or window[0] >= height or window[3] <= 0 or window[2] >= width:
            tally.off_dem = True  # its cells need no counting to be all missing
            return
        for row0, row1, col0, col1 in _blocks(window, self._max_cells):
            # The window's own transform (affine 3.1 deprecates Affine * Affine for @, which
            # affine 2.4 lacks; rasterio composes them on either).
            block_transform = window_transform(Window(col0, row0, col1 - col0, row1 - row0),
                                               self.dem.transform)
            inside = ~geometry_mask([polygon], (row1 - row0, col1 - col0), block_transform,
                                    all_touched=False)
            tally.cells += int(inside.sum())
            r0, r1 = max(row0, 0), min(row1, height)
            c0, c1 = max(col0, 0), min(col1, width)
            if r0 >= r1 or c0 >= c1:
                continue
            inside = inside[r0 - row0:r1 - row0, c0 - col0:c1 - col0]
            on_dem = int(inside.sum())
            tally.cells_on_dem += on_dem
            if not on_dem:
                continue
            # Read only the rows and columns the polygon reaches: a long diagonal cut fills
            # little of each block of its bounding box.
            rows = np.flatnonzero(inside.any(axis=1))
            cols = np.flatnonzero(inside.any(axis=0))
            inside = inside[rows[0]:rows[-1] + 1, cols[0]:cols[-1] + 1]
            read_window = Window(c0 + cols[0], r0 + rows[0], inside.shape[1], inside.shape[0])
            terrain, valid = self.dem.read(read_window)
            valid &= inside
            planned = None
            if self.planned is not None:
                planned, planned_valid = self.planned.sample(read_window, self.dem.transform)
                valid &= planned_valid
                planned = planned[valid].astype(np.float64)
            counted = terrain[valid].astype(np.float64)
            tally.valid_cells += counted.size
            tally.implausible += int(np.count_nonzero((counted < -500) | (counted > 9000)))
            yield CountedCells(read_window, valid, counted, planned)


def _planned_surface(path, dem_crs) -> PlannedSurface:
    dataset = rasterio.open(path)
    if not _north_up(dataset):
        dataset.close()
        raise EarthworkInputError("planned_rotated")
    return PlannedSurface(dataset, dem_crs)


def _in_crs(geometries, source_crs, dem_crs):
    """Polygonal parts of each geometry in the DEM's CRS; None where nothing polygonal is left."""
    source = None if source_crs is None else CRS.from_user_input(
        source_crs.to_wkt() if hasattr(source_crs, "to_wkt") else source_crs)
    reproject = source is not None and source != dem_crs
    result = []
    for geometry in geometries:
        polygonal = _polygonal(geometry)
        if polygonal is not None and reproject:
            polygonal = shape(transform_geom(source, dem_crs, mapping(polygonal)))
        result.append(polygonal)
    return result


def _polygonal(geometry):
    if geometry is None or geometry.is_empty:
        return None
    if not geometry.is_valid:
        geometry = make_valid(geometry)
    if geometry.geom_type in ("Polygon", "MultiPolygon"):
        return geometry
    if geometry.geom_type == "GeometryCollection":
        parts = [part for part in geometry.geoms if part.geom_type in ("Polygon", "MultiPolygon")]
        if parts:
            return unary_union(parts)
    return None


def _window_of(bounds, grid: Affine):
    """(row_start, row_stop, col_start, col_stop) of the cells overlapping ``bounds`` on the
    DEM's grid, not clipped to the raster: cells off the raster still count as the polygon's."""
    minx, miny, maxx, maxy = bounds
    cols = sorted(((minx - grid.c) / grid.a, (maxx - grid.c) / grid.a))
    rows = sorted(((maxy - grid.f) / grid.e, (miny - grid.f) / grid.e))
    return (math.floor(rows[0]), math.ceil(rows[1]), math.floor(cols[0]), math.ceil(cols[1]))


def _reading_order(windows):
    """Polygons in bands of rows, so that neighbours reuse the DEM tiles GDAL has cached."""
    keys = [(math.inf, 0) if w is None else (w[0] // 512, w[2]) for w in windows]
    return sorted(range(len(windows)), key=keys.__getitem__)


def _blocks(window, max_cells):
    row_start, row_stop, col_start, col_stop = window
    width = col_stop - col_start
    col_step = min(width, max_cells) or 1
    row_step = max(1, max_cells // col_step)
    for row in range(row_start, row_stop, row_step):
        for col in range(col_start, col_stop, col_step):
            yield row, min(row + row_step, row_stop), col, min(col + col_step, col_stop)


class _DifferenceRaster:
    """Terrain minus planned level on the DEM's grid, over the polygons' cells (GeoTIFF)."""

    def __init__(self, path, dem_dataset, windows):
        height, width = dem_dataset.shape
        clipped = [(max(w[0], 0), min(w[1], height), max(w[2], 0), min(w[3], width))
                   for w in windows if w is not None]
        clipped = [w for w in clipped if w[0] < w[1] and w[2] < w[3]] or [(0, 1, 0, 1)]
        self.row0 = min(w[0] for w in clipped)
        self.col0 = min(w[2] for w in clipped)
        rows = max(w[1] for w in clipped) - self.row0
        cols = max(w[3] for w in clipped) - self.col0
        tiled = rows >= 256 and cols >= 256
        profile = dict(driver="GTiff", width=cols, height=rows, count=1, dtype="float32",
                       crs=dem_dataset.crs, nodata=DIFFERENCE_NODATA,
                       transform=window_transform(Window(self.col0, self.row0, cols, rows),
                                                  dem_dataset.transform),
                       compress="deflate", predictor=3, sparse_ok=True, bigtiff="if_safer")
        if tiled:
            profile.update(tiled=True, blockxsize=256, blockysize=256)
        self.dataset = rasterio.open(path, "w+", **profile)

    def write(self, window: Window, valid, depth):
        """Store ``depth``, the values of the ``valid`` cells of ``window`` in row order."""
        if not valid.any():
            return
        target = Window(window.col_off - self.col0, window.row_off - self.row0,
                        window.width, window.height)
        current = self.dataset.read(1, window=target)
        current[valid] = depth
        self.dataset.write(current, 1, window=target)

    def close(self):
        self.dataset.close()
