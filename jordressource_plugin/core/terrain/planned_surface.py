"""Reading raster bands with their data mask, and sampling a planned surface at the cell
centres of a DEM.

A planned (design) surface is continuous, so it is interpolated bilinearly at each DEM cell's
centre: that reproduces a sloping plane exactly whatever the planned raster's resolution, and on
a grid identical to the DEM's it returns the planned cells unchanged. Where a cell carrying weight
in the interpolation has no data, or the centre falls outside the planned raster, the sample has
no data either: a design is never extrapolated.
"""
import math
from dataclasses import dataclass
from typing import Optional

import numpy as np
from affine import Affine
from rasterio.crs import CRS
from rasterio.enums import MaskFlags
from rasterio.io import DatasetReader
from rasterio.warp import transform
from rasterio.windows import Window

# Positions this close to a cell centre are taken as on it, so that an identical grid is sampled
# exactly, not blended with a neighbour through rounding noise.
_CENTRE_SNAP = 1e-9


@dataclass
class RasterBand:
    """Band 1 of an open raster: its grid, and its values read window by window with where they
    are data (not nodata, not NaN, and inside any mask band)."""
    dataset: object
    crs: Optional[CRS]
    transform: Affine
    nodata: Optional[float]
    uses_mask_band: bool = False

    @classmethod
    def open(cls, dataset: DatasetReader) -> "RasterBand":
        flags = dataset.mask_flag_enums[0]
        return cls(dataset, dataset.crs, dataset.transform, dataset.nodata,
                   MaskFlags.per_dataset in flags or MaskFlags.alpha in flags)

    def read(self, window: Window) -> tuple:
        """Values in metres, and where they are data. Values stay in the raster's own type unless
        it stores them scaled (an Int16 DEM in centimetres has scale 0.01), as GDAL and QGIS read
        them."""
        values = self.dataset.read(1, window=window)
        if np.issubdtype(values.dtype, np.floating):
            valid = ~np.isnan(values)
        else:
            valid = np.ones(values.shape, dtype=bool)
        if self.nodata is not None and not math.isnan(self.nodata):
            valid &= values != self.nodata
        if self.uses_mask_band:
            valid &= self.dataset.read_masks(1, window=window) > 0
        scale, offset = self.dataset.scales[0], self.dataset.offsets[0]
        if scale != 1 or offset != 0:
            values = values * float(scale) + float(offset)
        return values, valid


class PlannedSurface:
    """A planned surface sampled bilinearly at the DEM's cell centres, whatever its grid or CRS."""

    def __init__(self, dataset: DatasetReader, dem_crs: Optional[CRS]):
        """``dataset``: an open, north-up rasterio dataset, closed by ``close()``."""
        self.grid = RasterBand.open(dataset)
        # A planned surface without a CRS is taken to be drawn on the DEM's.
        self.reproject = self.grid.crs is not None and self.grid.crs != dem_crs
        self.dem_crs = dem_crs

    def close(self) -> None:
        self.grid.dataset.close()

    def sample(self, window: Window, dem_transform: Affine) -> tuple:
        """Planned levels at the centres of the DEM cells in ``window``, and where they exist."""
        rows = window.row_off + np.arange(window.height) + 0.5
        cols = window.col_off + np.arange(window.width) + 0.5
        shape = (window.height, window.width)
        xs = np.broadcast_to(dem_transform.c + dem_transform.a * cols, shape)
        ys = np.broadcast_to((dem_transform.f + dem_transform.e * rows)[:, None], shape)
        if self.reproject:
            tx, ty = transform(self.dem_crs, self.grid.crs, xs.ravel(), ys.ravel())
            xs, ys = np.reshape(tx, xs.shape), np.reshape(ty, ys.shape)
        grid = self.grid.transform
        # Fractional positions where 0 is the centre of the first planned cell.
        col_f = _snap((xs - grid.c) / grid.a - 0.5)
        row_f = _snap((ys - grid.f) / grid.e - 0.5)
        height, width = self.grid.dataset.shape
        covered = ((col_f >= -0.5) & (col_f <= width - 0.5)
                   & (row_f >= -0.5) & (row_f <= height - 0.5))
        if not covered.any():
            return np.zeros(xs.shape), covered
        # Between the outermost centres and the raster's edge, the edge cells' values hold.
        col_f = np.clip(col_f, 0, width - 1)
        row_f = np.clip(row_f, 0, height - 1)
        c_lo, r_lo = np.floor(col_f).astype(np.intp), np.floor(row_f).astype(np.intp)
        tx, ty = col_f - c_lo, row_f - r_lo
        read_c0, read_r0 = int(c_lo[covered].min()), int(r_lo[covered].min())
        read_c1 = min(int(c_lo[covered].max()) + 2, width)
        read_r1 = min(int(r_lo[covered].max()) + 2, height)
        values, valid = self.grid.read(Window(read_c0, read_r0, read_c1 - read_c0,
                                              read_r1 - read_r0))
        values = np.where(valid, values, 0.0)
        c_lo = np.clip(c_lo - read_c0, 0, values.shape[1] - 1)
        r_lo = np.clip(r_lo - read_r0, 0, values.shape[0] - 1)
        c_hi = np.minimum(c_lo + 1, values.shape[1] - 1)
        r_hi = np.minimum(r_lo + 1, values.shape[0] - 1)
        result = np.zeros(xs.shape)
        ok = covered.copy()
        for r_index, c_index, weight in ((r_lo, c_lo, (1 - ty) * (1 - tx)),
                                         (r_lo, c_hi, (1 - ty) * tx),
                                         (r_hi, c_lo, ty * (1 - tx)),
                                         (r_hi, c_hi, ty * tx)):
            result += weight * values[r_index, c_index]
            ok &= valid[r_index, c_index] | (weight == 0)
        return result, ok


def _snap(position):
    nearest = np.round(position)
    return np.where(np.abs(position - nearest) < _CENTRE_SNAP, nearest, position)
