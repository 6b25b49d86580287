"""Geometries of the check's outputs as WKB, built for all rows at once: a movement as the line
from its origin to its receiver, a site as its point.

A movement with one side unknown is drawn at the known side as a line of zero length (one
layer holds one geometry type; the style marks such lines with a symbol); with both sides
unknown it has no geometry.
"""
from typing import List, Optional

import numpy as np

_LITTLE_ENDIAN = 1
_POINT, _MULTI_LINE = 1, 5
_LINE = 2


def movement_lines_wkb(origin_xy: np.ndarray, receiver_xy: np.ndarray) -> List[Optional[bytes]]:
    """MultiLineString WKB per movement (one two-point line), None where both ends are NaN."""
    count = len(origin_xy)
    start = np.where(np.isnan(origin_xy), receiver_xy, origin_xy)
    end = np.where(np.isnan(receiver_xy), origin_xy, receiver_xy)
    record = np.dtype([("order", "u1"), ("type", "<u4"), ("parts", "<u4"), ("line_order", "u1"),
                       ("line_type", "<u4"), ("points", "<u4"), ("xy", "<f8", (4,))])
    rows = np.zeros(count, dtype=record)
    rows["order"] = rows["line_order"] = _LITTLE_ENDIAN
    rows["type"], rows["parts"] = _MULTI_LINE, 1
    rows["line_type"], rows["points"] = _LINE, 2
    rows["xy"] = np.column_stack([start, end])
    return _split(rows, np.isnan(start).any(axis=1))


def points_wkb(xy: np.ndarray) -> List[Optional[bytes]]:
    """Point WKB per row, None where the position is NaN."""
    record = np.dtype([("order", "u1"), ("type", "<u4"), ("xy", "<f8", (2,))])
    rows = np.zeros(len(xy), dtype=record)
    rows["order"], rows["type"], rows["xy"] = _LITTLE_ENDIAN, _POINT, xy
    return _split(rows, np.isnan(xy).any(axis=1))


def _split(rows: np.ndarray, empty: np.ndarray) -> List[Optional[bytes]]:
    size = rows.dtype.itemsize
    data = rows.tobytes()
    shapes: List[Optional[bytes]] = [data[k:k + size] for k in range(0, len(data), size)]
    for position in np.flatnonzero(empty):
        shapes[position] = None
    return shapes
