"""Where a site joins the road network: the nearest point of the nearest road segment.

The contract counts the access leg from the site to that point as a straight line. The index
holds sample points spaced at most ``spacing`` apart along every segment, so the nearest sample
is never more than ``spacing / 2`` farther than the nearest segment: every segment with a sample
within (nearest sample distance + spacing / 2) is a candidate, and the exact perpendicular
projection onto each candidate picks the winner. This works the same with shapely 1.8 and 2.
"""
from dataclasses import dataclass

import numpy as np
from scipy.spatial import cKDTree


@dataclass
class Attachment:
    segment: np.ndarray  # (n,) segment each point joins
    t: np.ndarray  # (n,) position along the segment, 0 at its start, 1 at its end
    road_xy: np.ndarray  # (n, 2) the joining point on the road
    access_m: np.ndarray  # (n,) straight access leg from the point to the road


class SegmentIndex:
    def __init__(self, start_xy: np.ndarray, end_xy: np.ndarray, length_m: np.ndarray):
        self.start_xy, self.end_xy, self.length_m = start_xy, end_xy, length_m
        self.spacing = max(float(np.median(length_m)), 1.0)
        pieces = np.maximum(np.ceil(length_m / self.spacing).astype(np.int64), 1)
        owner = np.repeat(np.arange(len(length_m)), pieces + 1)
        first = np.cumsum(pieces + 1) - (pieces + 1)
        fraction = (np.arange(len(owner)) - first[owner]) / pieces[owner]
        samples = start_xy[owner] + (end_xy[owner] - start_xy[owner]) * fraction[:, None]
        self.sample_segment = owner
        self.tree = cKDTree(samples)

    def attach(self, xy: np.ndarray) -> Attachment:
        xy = np.asarray(xy, dtype=float).reshape(-1, 2)
        if not len(xy):
            return Attachment(np.zeros(0, np.int64), np.zeros(0), np.zeros((0, 2)), np.zeros(0))
        nearest_m, _ = self.tree.query(xy)
        # The small margin absorbs rounding in the tree's distances.
        radius = nearest_m + self.spacing / 2.0 + 1e-6 * (1.0 + nearest_m)
        neighbours = self.tree.query_ball_point(xy, radius)
        counts = np.fromiter((len(n) for n in neighbours), dtype=np.int64, count=len(xy))
        point = np.repeat(np.arange(len(xy)), counts)
        segment = self.sample_segment[np.concatenate(neighbours).astype(np.int64)]
        unique = np.unique(np.column_stack([point, segment]), axis=0)
        point, segment = unique[:, 0], unique[:, 1]

        start = self.start_xy[segment]
        along = self.end_xy[segment] - start
        t = np.einsum("ij,ij->i", xy[point] - start, along) / self.length_m[segment] ** 2
        t = np.clip(t, 0.0, 1.0)
        road = start + along * t[:, None]
        distance = np.hypot(*(xy[point] - road).T)
        # Nearest per point; ties go to the lowest segment number, so results are reproducible.
        order = np.lexsort((segment, distance, point))
        best = order[np.unique(point[order], return_index=True)[1]]
        return Attachment(segment[best], t[best], road[best], distance[best])
