"""The balanced level: where a polygon's own cut equals its own fill, so that no soil leaves it.

The cells are earthwork's (``earthwork.py``): centre inside the polygon, data in the DEM and,
for a planned raster, in the planned surface. For a flat level L over those n cells, with
terrain z and cell area A,

    cut(L) − fill(L) = Σ max(z − L, 0)·A − Σ max(L − z, 0)·A = Σ (z − L)·A = A·(Σz − n·L),

which is zero at exactly one level, L = mean(z): the balanced level is the mean terrain level of
the counted cells, found in one pass with no iteration (to float64 rounding, far below 1 mm).
The difference falls strictly as L rises (slope −n·A), so a polygon with at least one cell with
data always balances at one level; "a level that never balances" cannot occur. Without any such
cell there is no level, and the reason says why (outside the DEM, smaller than a cell, only
nodata, no polygon area).

A planned surface that is not flat (a raster design) is balanced by shifting it vertically: the
common shift s with Σ (z − p − s) = 0, that is s = mean(z − p). ``balanced_shift_m`` is that
shift for either kind of plan; for one planned level P per polygon it is ``balanced_level_m``
− P, how far the level must rise (negative: fall) for the polygon to balance. The balanced
design is the plan moved by s; its cut equals its fill, and that cut is the soil moved within
the polygon when it is built in balance. ``balanced_level_m`` itself is always the flat level.

For the project as a whole, one shift S applied to every polygon's plan balances all of them
together: S = Σ (z − p) / Σ n over the counted cells of every polygon that has a plan (a cell
in two overlapping polygons counts in each, as in the volumes).
"""
from dataclasses import dataclass
from typing import Callable, Optional, Sequence

import geopandas as gpd
import numpy as np

from .earthwork import (
    DEFAULT_BLOCK_CELLS,
    DEFAULT_GDAL_CACHE_BYTES,
    NO_CELLS,
    NO_DATA,
    NO_GEOMETRY,
    NO_LEVEL,
    OUTSIDE,
    CellTally,
    EarthworkVolumes,
    TerrainCells,
)

# The depths read in the first pass are kept for the second up to this many cells (8 bytes
# each); polygons beyond it are read again instead, so memory stays bounded.
DEFAULT_KEPT_CELLS = 2 ** 23

# Reasons a polygon has no balanced level: no counted cell.
WITHOUT_LEVEL = (OUTSIDE, NO_CELLS, NO_DATA, NO_GEOMETRY)


@dataclass
class TerrainBalance:
    """Per polygon in input order, plus the project's common shift. NaN where undefined."""
    volumes: EarthworkVolumes  # cut and fill at the planned surface
    balanced_level_m: np.ndarray  # the flat level balancing the polygon: mean terrain
    balanced_shift_m: np.ndarray  # the shift of its plan that balances it (NaN without a plan)
    balanced_cut_m3: np.ndarray  # cut of the balanced design (= its fill)
    balanced_fill_m3: np.ndarray
    reason: np.ndarray  # the cells' status: ok, partial, or one of WITHOUT_LEVEL
    project_shift_m: float  # one shift of every plan balancing the whole project
    project_cut_m3: float  # cut of the whole project at that shift (= its fill)
    project_fill_m3: float


def terrain_balance(polygons: gpd.GeoSeries, dem_path: str,
                    planned_surface_path: Optional[str] = None,
                    planned_levels: Optional[Sequence[float]] = None,
                    max_block_cells: int = DEFAULT_BLOCK_CELLS,
                    gdal_cache_bytes: int = DEFAULT_GDAL_CACHE_BYTES,
                    kept_cells: int = DEFAULT_KEPT_CELLS,
                    progress: Callable[[float], None] = None,
                    canceled: Callable[[], bool] = None) -> TerrainBalance:
    """Volumes at the plan and the balanced level, shift and design of each polygon (a
    GeoSeries), and the project's common shift.

    The plan is ``planned_levels`` (metres, one per polygon, NaN = none) or the raster at
    ``planned_surface_path``; with neither, only the balanced levels and their earthwork are
    computed. A polygon without a planned level still gets its balanced level, which needs none.
    """
    if planned_surface_path is not None and planned_levels is not None:
        raise ValueError("give at most one of planned_surface_path and planned_levels")
    count = len(polygons)
    levels = (np.full(count, np.nan) if planned_levels is None
              else np.asarray(planned_levels, dtype=np.float64))
    has_raster = planned_surface_path is not None
    sums = _Sums(count)
    kept = {}
    kept_total = 0

    with TerrainCells(polygons, dem_path, planned_surface_path, max_block_cells,
                      gdal_cache_bytes) as terrain:
        order = terrain.reading_order()
        stopped = False
        for done, index in enumerate(order):
            if canceled is not None and canceled():
                stopped = True
                break
            if progress is not None:
                progress(0.9 * done / max(count, 1))
            if terrain.shapes[index] is None:
                sums.reason[index] = NO_GEOMETRY
                continue
            planned = has_raster or np.isfinite(levels[index])
            tally = CellTally()
            blocks = []
            for depth, plan_sum in _depths(terrain, index, tally, levels[index]):
                sums.add(index, depth, plan_sum)
                blocks.append(depth)
            sums.count_cells(index, tally, planned)
            if blocks and kept_total + tally.valid_cells <= kept_cells:
                kept[index] = blocks
                kept_total += tally.valid_cells
        cell_area = terrain.cell_area_m2
        shift = sums.balanced_shift()
        project_shift = sums.project_shift()
        balanced_cut, balanced_fill = np.full(count, np.nan), np.full(count, np.nan)
        project_cut = project_fill = 0.0
        measured = [i for i in order if sums.cells_read[i] > 0]
        for done, index in enumerate(measured):
            if stopped or (canceled is not None and canceled()):
                break
            if progress is not None:
                progress(0.9 + 0.1 * done / max(len(measured), 1))
            blocks = kept.pop(index, None)
            if blocks is None:
                blocks = (depth for depth, _ in _depths(terrain, index, CellTally(),
                                                        levels[index]))
            at_own = at_project = np.zeros(2)
            for depth in blocks:
                at_own = at_own + _cut_and_fill(depth, shift[index])
                if sums.planned[index]:
                    at_project = at_project + _cut_and_fill(depth, project_shift)
            balanced_cut[index], balanced_fill[index] = at_own * cell_area
            project_cut += at_project[0] * cell_area
            project_fill += at_project[1] * cell_area

    volumes = sums.volumes(cell_area)
    mean_terrain = sums.mean_terrain()
    planned_shift = np.where(sums.planned, shift, np.nan)
    if not np.isfinite(project_shift):
        project_cut = project_fill = float("nan")
    return TerrainBalance(volumes, mean_terrain, planned_shift, balanced_cut, balanced_fill,
                          sums.reason, project_shift, project_cut, project_fill)


def _depths(terrain: TerrainCells, index: int, tally: CellTally, level: float):
    """(terrain minus plan, Σ plan) at the counted cells, block by block; without a plan
    nothing is subtracted, so that the mean depth is the terrain's own mean."""
    for block in terrain.cells(index, tally):
        if block.planned is not None:
            yield block.terrain - block.planned, float(block.planned.sum())
        elif np.isfinite(level):
            yield block.terrain - level, level * block.terrain.size
        else:
            yield block.terrain, 0.0


def _cut_and_fill(depth: np.ndarray, shift: float) -> np.ndarray:
    """Depth sums (cut, fill) of cells at ``depth`` against a plan raised by ``shift``."""
    moved = depth - shift
    return np.array([moved[moved > 0].sum(), -moved[moved < 0].sum()])


class _Sums:
    """First-pass sums per polygon: cell counts, Σ depth, Σ plan and the plan's cut and fill."""

    def __init__(self, count: int):
        self.depth = np.zeros(count)
        self.cut = np.zeros(count)
        self.fill = np.zeros(count)
        self.offset = np.zeros(count)  # Σ plan over the counted cells: Σ z = Σ depth + this
        self.cells = np.zeros(count, dtype=np.int64)
        self.cells_read = np.zeros(count, dtype=np.int64)
        self.planned = np.zeros(count, dtype=bool)
        self.implausible = 0
        self.reason = np.full(count, NO_GEOMETRY, dtype=object)
        self._plan_sum = 0.0

    def add(self, index: int, depth: np.ndarray, plan_sum: float):
        self.depth[index] += float(depth.sum())
        self.offset[index] += plan_sum
        self.cut[index] += float(depth[depth > 0].sum())
        self.fill[index] -= float(depth[depth < 0].sum())

    def count_cells(self, index: int, tally: CellTally, planned: bool):
        self.cells[index] = tally.cells
        self.cells_read[index] = tally.valid_cells
        self.implausible += tally.implausible
        self.reason[index] = tally.status()
        self.planned[index] = planned and tally.valid_cells > 0

    def balanced_shift(self) -> np.ndarray:
        """Mean depth per polygon: the shift of its plan (or, without one, its level)."""
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(self.cells_read > 0, self.depth / self.cells_read, np.nan)

    def project_shift(self) -> float:
        cells = self.cells_read[self.planned].sum()
        return float(self.depth[self.planned].sum() / cells) if cells else float("nan")

    def mean_terrain(self) -> np.ndarray:
        """The balanced flat level: mean terrain, from the mean depth plus the mean plan."""
        return self.balanced_shift() + self._mean_plan()

    def _mean_plan(self) -> np.ndarray:
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(self.cells_read > 0, self.offset / self.cells_read, np.nan)

    def volumes(self, cell_area: float) -> EarthworkVolumes:
        status = np.where(self.planned | np.isin(self.reason, WITHOUT_LEVEL), self.reason,
                          NO_LEVEL)
        cut = np.where(self.planned, self.cut * cell_area, np.nan)
        fill = np.where(self.planned, self.fill * cell_area, np.nan)
        share = np.full(len(self.cells), np.nan)
        has_cells = self.cells > 0
        share[has_cells] = self.cells_read[has_cells] / self.cells[has_cells]
        share[self.reason == OUTSIDE] = 0.0
        return EarthworkVolumes(cut, fill, share, self.cells.copy(), self.cells_read.copy(),
                                status.astype(object), cell_area, self.implausible)
