"""Impossible travel: one vehicle in two places it cannot drive between in the time given.

A truck cannot cover a distance faster than the straight line at its top speed: the straight
line is the shortest of all roads, and a truck over 3,500 kg may not exceed 80 km/h anywhere in
Denmark (færdselsloven § 43, stk. 2). So ``straight distance / MAX_SPEED_KMH`` is a lower bound
of any real drive, and a record that allows less time than that cannot be true, whatever the
roads: the check never raises a false alarm on a true record. Three cases, per vehicle, its
movements ordered by departure (then by the log's order):

- a load that arrives before it departs, or whose own haul (origin to receiver) cannot be
  driven between its departure and its arrival;
- two loads whose times overlap: a departure before the latest arrival of the vehicle's
  earlier loads;
- the empty run from the previous load's receiver to the next load's origin, which cannot be
  driven between that arrival and that departure.

Both movements of a conflicting pair are flagged: the log cannot tell which record is false.
Times are compared with ``TIME_TOLERANCE_S`` (one minute) to spare, since logs round times to
the minute. Movements without a vehicle, a departure or an arrival with a time of day are not
checked (a plain date is not a time); where a position is unknown only the times are compared.
"""
import numpy as np
import pandas as pd

from ..tables import DateColumn

TIME_TOLERANCE_S = 60.0


def impossible_travel(vehicle: np.ndarray, departure: DateColumn, arrival: DateColumn,
                      origin_xy: np.ndarray, receiver_xy: np.ndarray,
                      max_speed_kmh: float) -> np.ndarray:
    """True for each movement in an impossible pair or with an impossible haul of its own."""
    count = len(vehicle)
    flagged = np.zeros(count, dtype=bool)
    timed = (np.asarray(vehicle) != "") & _timed(departure) & _timed(arrival)
    rows = np.flatnonzero(timed)
    if not len(rows):
        return flagged
    metres_per_second = max_speed_kmh / 3.6
    start = departure.moments[rows].astype(np.int64).astype(float)
    end = arrival.moments[rows].astype(np.int64).astype(float)

    own_s = _straight_m(origin_xy[rows], receiver_xy[rows]) / metres_per_second
    own = (end < start) | (np.nan_to_num(own_s) > end - start + TIME_TOLERANCE_S)
    flagged[rows[own]] = True

    codes = pd.factorize(np.asarray(vehicle)[rows])[0]
    # By vehicle, then departure, then the log's order: one stable sort of one integer key.
    departure_rank = np.unique(start, return_inverse=True)[1].reshape(-1)
    order = np.argsort(codes.astype(np.int64) * (len(start) + 1) + departure_rank, kind="stable")
    rows, start, end, codes = rows[order], start[order], end[order], codes[order]
    same = np.r_[False, codes[1:] == codes[:-1]]  # the previous row is the same vehicle's

    # Overlap with any earlier load of the vehicle: the row holding the latest arrival so far.
    latest = pd.Series(end).groupby(codes, sort=False).cummax().to_numpy()
    holder_code = pd.Series(_position_code(end)).groupby(codes, sort=False).cummax().to_numpy()
    holder = holder_code % len(end)
    overlap = same.copy()
    overlap[1:] &= start[1:] < latest[:-1] - TIME_TOLERANCE_S
    current = np.flatnonzero(overlap)
    flagged[rows[current]] = True
    flagged[rows[holder[current - 1]]] = True

    # The empty run from the previous receiver to this origin.
    gap_s = np.r_[np.inf, start[1:] - end[:-1]]
    run_s = np.r_[0.0, _straight_m(receiver_xy[rows[:-1]], origin_xy[rows[1:]])]
    run_s = np.nan_to_num(run_s / metres_per_second)
    too_fast = same & (run_s > gap_s + TIME_TOLERANCE_S)
    current = np.flatnonzero(too_fast)
    flagged[rows[current]] = True
    flagged[rows[current - 1]] = True
    return flagged


def _timed(column: DateColumn) -> np.ndarray:
    return ~np.isnat(column.moments) & column.timed


def _straight_m(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return np.hypot(a[:, 0] - b[:, 0], a[:, 1] - b[:, 1])


def _position_code(end: np.ndarray) -> np.ndarray:
    """Arrival and position in one sortable integer, so that a running maximum also says which
    row holds it: arrival seconds × n + position."""
    count = len(end)
    return end.astype(np.int64) * count + np.arange(count)
