"""The haul of each movement: from its origin's position to its receiver's, along the roads when
a road network is given, else the straight line times the detour factor (as every hauling
algorithm of the plugin measures it). Each distinct origin–receiver pair of the log is measured
once.

Along roads, paths are searched up to ``ROAD_SEARCH_FACTOR`` × the maximum haul. A pair with no
path that short takes the straight estimate instead: beyond the maximum it is implausible
either way; within it, the road layer has no path between the two (an island, a missing
link), which is counted and said in the log rather than flagged.
"""
from dataclasses import dataclass
from typing import Callable, Optional

import numpy as np

from ..network.road_network import RoadNetwork

ROAD_SEARCH_FACTOR = 3.0


@dataclass
class MovementHaul:
    distance_km: np.ndarray  # per movement; NaN where the origin or receiver is unknown
    on_roads: np.ndarray  # bool per movement: measured along the roads
    pairs: int  # distinct origin–receiver pairs measured
    pairs_without_road: int  # pairs with no road path found, measured straight × detour


def movement_haul(origin: np.ndarray, receiver: np.ndarray, site_xy: np.ndarray,
                  receiver_xy: np.ndarray, detour_factor: float, max_haul_km: float,
                  network: Optional[RoadNetwork] = None,
                  canceled: Optional[Callable[[], bool]] = None) -> MovementHaul:
    """Haul per movement from site ``origin`` (index into ``site_xy``) to ``receiver`` (index
    into ``receiver_xy``); -1 for an unknown side."""
    count = len(origin)
    distance_km = np.full(count, np.nan)
    on_roads = np.zeros(count, dtype=bool)
    known = (origin >= 0) & (receiver >= 0)
    rows = np.flatnonzero(known)
    if not len(rows):
        return MovementHaul(distance_km, on_roads, 0, 0)
    code = origin[rows].astype(np.int64) * len(receiver_xy) + receiver[rows]
    distinct, inverse = np.unique(code, return_inverse=True)
    pair_origin, pair_receiver = distinct // len(receiver_xy), distinct % len(receiver_xy)
    a, b = site_xy[pair_origin], receiver_xy[pair_receiver]
    pair_km = np.hypot(a[:, 0] - b[:, 0], a[:, 1] - b[:, 1]) * detour_factor / 1000.0
    pair_on_roads = np.zeros(len(distinct), dtype=bool)
    without_road = 0
    if network is not None:
        positioned = np.flatnonzero(np.isfinite(pair_km))
        origins, origin_of = np.unique(pair_origin[positioned], return_inverse=True)
        receivers, receiver_of = np.unique(pair_receiver[positioned], return_inverse=True)
        road_km = network.pair_haul_km(site_xy[origins], receiver_xy[receivers], origin_of,
                                       receiver_of, ROAD_SEARCH_FACTOR * max_haul_km, canceled)
        found = np.isfinite(road_km)
        pair_km[positioned[found]] = road_km[found]
        pair_on_roads[positioned[found]] = True
        without_road = int((~found & (pair_km[positioned] <= max_haul_km)).sum())
    distance_km[rows] = pair_km[inverse]
    on_roads[rows] = pair_on_roads[inverse]
    return MovementHaul(distance_km, on_roads, len(distinct), without_road)
