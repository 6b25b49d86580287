"""Haul distances between sites: straight lines times a detour factor, or along roads.

Every algorithm that hauls asks for ``HaulPairs``: the (source, target) pairs within a maximum
haul and their distance in km. A pair with no road path, or beyond the maximum, is not listed.
Without a road network the distance is the straight line times ``detour_factor`` (1.3 is a
common Danish planning value for the ratio of road to straight-line distance).
"""
from dataclasses import dataclass

import numpy as np
from scipy.spatial import cKDTree

STRAIGHT = "straight"
NETWORK = "network"


@dataclass
class HaulPairs:
    source: np.ndarray  # int index into the sources
    target: np.ndarray  # int index into the targets
    distance_km: np.ndarray  # float
    method: str  # STRAIGHT or NETWORK

    def __len__(self):
        return len(self.source)


def straight_haul_pairs(source_xy: np.ndarray, target_xy: np.ndarray, max_haul_km: float,
                        detour_factor: float = 1.3) -> HaulPairs:
    """Pairs whose straight distance × ``detour_factor`` is at most ``max_haul_km``.

    Both point sets are indexed in k-d trees, so only pairs near each other are ever formed:
    memory grows with the number of pairs within reach, not with sources × targets.
    """
    source_xy = np.asarray(source_xy, dtype=float).reshape(-1, 2)
    target_xy = np.asarray(target_xy, dtype=float).reshape(-1, 2)
    if not len(source_xy) or not len(target_xy) or detour_factor <= 0:
        return HaulPairs(np.zeros(0, int), np.zeros(0, int), np.zeros(0), STRAIGHT)
    radius_m = max_haul_km * 1000.0 / detour_factor
    if not np.isfinite(radius_m):
        source, target = np.meshgrid(np.arange(len(source_xy)), np.arange(len(target_xy)),
                                     indexing="ij")
        source, target = source.ravel(), target.ravel()
        straight_m = np.hypot(*(source_xy[source] - target_xy[target]).T)
    else:
        pairs = cKDTree(source_xy).sparse_distance_matrix(
            cKDTree(target_xy), radius_m, output_type="ndarray")
        order = np.lexsort((pairs["j"], pairs["i"]))
        source = pairs["i"][order].astype(np.int64)
        target = pairs["j"][order].astype(np.int64)
        straight_m = pairs["v"][order]
    return HaulPairs(source, target, straight_m * detour_factor / 1000.0, STRAIGHT)


def straight_haul_matrix_km(source_xy: np.ndarray, target_xy: np.ndarray,
                            detour_factor: float = 1.3) -> np.ndarray:
    """Dense (sources × targets) haul in km, for small target sets such as disposal sites."""
    source_xy = np.asarray(source_xy, dtype=float).reshape(-1, 2)
    target_xy = np.asarray(target_xy, dtype=float).reshape(-1, 2)
    delta = source_xy[:, None, :] - target_xy[None, :, :]
    return np.hypot(delta[..., 0], delta[..., 1]) * detour_factor / 1000.0
