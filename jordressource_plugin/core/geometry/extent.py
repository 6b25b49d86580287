"""The part of a large layer a run needs: rectangles around its sites, and the proof that what
was computed on the features inside a rectangle is what the whole layer gives.

A region's jordbase holds area types, contaminated sites and roads for a whole region or all of
Denmark, while one run looks at the sites of a few local plans. Reading only the features that
reach into a rectangle around those sites (PostGIS filters on its spatial index) changes no
answer when the rectangle holds everything an answer can depend on:

- area types and contamination: a site is classified by the polygons it intersects, which reach
  into the sites' bounding box;
- roads: a road path of length L from a point never leaves the disc of radius L around it. So a
  haul of at most ``max_haul_m`` from a site inside the rectangle, grown by that much, runs on
  roads that were read, and a site joins the same road as on the whole layer when its access
  leg is shorter than its ``room`` (distance to the rectangle's edge). Hauls with no upper
  bound (to disposal sites at any distance) are checked after the fact with ``room``, and read
  again within a wider rectangle where the check fails.

``EDGE_SLACK_M`` is kept free at every edge: road ends within the snap tolerance join across
it, and the rectangle is transformed to each layer's CRS (QGIS samples its edges) before the
provider filters; 100 m covers both (snap tolerances are metres; chains of road ends each
within the tolerance of the next over 100 m are not real road data).

Rectangles are (xmin, ymin, xmax, ymax) in the run's metric CRS.
"""
from typing import Optional, Tuple

import numpy as np

Bounds = Tuple[float, float, float, float]
EDGE_SLACK_M = 100.0
ROUNDING_M = 0.001  # so that a disc just covered still counts as inside after rounding


def bounds_of(*parts: "np.ndarray | Bounds") -> Optional[Bounds]:
    """The rectangle holding every part: (n, 2) coordinate arrays or (xmin, ymin, xmax, ymax)
    bounds such as a GeoSeries's ``total_bounds``. None when there is nothing (or only NaN)."""
    lows, highs = [], []
    for part in parts:
        values = np.asarray(part, dtype=float)
        if values.ndim == 2:
            values = values[np.isfinite(values).all(axis=1)]
            if not len(values):
                continue
            lows.append(values.min(axis=0))
            highs.append(values.max(axis=0))
        elif values.shape == (4,) and np.isfinite(values).all():
            lows.append(values[:2])
            highs.append(values[2:])
    if not lows:
        return None
    low, high = np.min(lows, axis=0), np.max(highs, axis=0)
    return (float(low[0]), float(low[1]), float(high[0]), float(high[1]))


def grown(bounds: Optional[Bounds], margin_m: float) -> Optional[Bounds]:
    """``bounds`` grown by ``margin_m`` on every side; None (nothing, or an infinite margin, which
    means the whole layer) stays None."""
    if bounds is None or not np.isfinite(margin_m):
        return None
    xmin, ymin, xmax, ymax = bounds
    return (xmin - margin_m, ymin - margin_m, xmax + margin_m, ymax + margin_m)


def room(xy: np.ndarray, bounds: Optional[Bounds]) -> np.ndarray:
    """How far each point may reach and stay inside ``bounds`` (less ``EDGE_SLACK_M``): the
    distance to the nearest edge, negative outside; infinite when ``bounds`` is None (the whole
    layer was read)."""
    xy = np.asarray(xy, dtype=float).reshape(-1, 2)
    if bounds is None:
        return np.full(len(xy), np.inf)
    xmin, ymin, xmax, ymax = bounds
    return np.minimum.reduce([xy[:, 0] - xmin, xmax - xy[:, 0], xy[:, 1] - ymin,
                              ymax - xy[:, 1]]) - EDGE_SLACK_M


def within_room(xy: np.ndarray, reach_m: np.ndarray, bounds: Optional[Bounds]) -> bool:
    """True when every point's ``reach_m`` stays inside ``bounds`` (see ``room``)."""
    reach_m = np.broadcast_to(np.asarray(reach_m, dtype=float), (len(np.reshape(xy, (-1, 2))),))
    return bool(np.all(reach_m <= room(xy, bounds)))


def covering(xy: np.ndarray, reach_m: np.ndarray, bounds: Optional[Bounds]) -> Optional[Bounds]:
    """A rectangle holding ``bounds`` and every point's disc of radius ``reach_m`` with the edge
    slack; None (the whole layer) when a reach is infinite or ``bounds`` is None."""
    xy = np.asarray(xy, dtype=float).reshape(-1, 2)
    reach_m = np.broadcast_to(np.asarray(reach_m, dtype=float), (len(xy),))
    if bounds is None or not np.isfinite(reach_m).all():
        return None
    if not len(xy):
        return bounds
    grow = reach_m + EDGE_SLACK_M + ROUNDING_M
    discs = np.column_stack([xy - grow[:, None], xy + grow[:, None]])
    return bounds_of(bounds, (discs[:, 0].min(), discs[:, 1].min(), discs[:, 2].max(),
                              discs[:, 3].max()))
