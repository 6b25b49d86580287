"""Running totals against a limit: a receiver's capacity, an excavation's volume, a resource
site's stock, a planned pair's tonnes.

Movements count in date order, movements of the same moment in the log's order, undated ones
last. A movement is over its limit when the running total including it passes the limit: the
one that crosses it and every later one of the same site (or pair), since each of those adds
to soil that was never allowed. A total may exceed its limit by ``TOLERANCE_T`` plus one part
in a billion of the limit, so that rounding in the sums never raises a flag.
"""
import numpy as np
import pandas as pd

TOLERANCE_T = 1e-6
RELATIVE_TOLERANCE = 1e-9


def order_key(moments: np.ndarray) -> np.ndarray:
    """The rank of each movement's moment (0 for the earliest, equal moments equal), undated
    (NaT) last: a small integer, so that (group, moment) sorts as one integer key."""
    seconds = moments.astype("datetime64[s]").astype(np.int64)
    seconds[np.isnat(moments)] = np.iinfo(np.int64).max
    return np.unique(seconds, return_inverse=True)[1].reshape(-1).astype(np.int64)


def _group_order(group: np.ndarray, key: np.ndarray) -> np.ndarray:
    """Positions sorted by group, then by key, then by position (a stable sort of one integer:
    far faster than sorting by three keys)."""
    combined = group.astype(np.int64) * (int(key.max()) + 1 if len(key) else 1) + key
    return np.argsort(combined, kind="stable")


def running_total_over(group: np.ndarray, tonnes: np.ndarray, key: np.ndarray,
                       limit_t: np.ndarray) -> np.ndarray:
    """True for each movement whose running total within its ``group`` passes the group's
    ``limit_t``. ``group`` -1 (no group) and groups with a NaN limit are not checked; empty
    tonnes count 0."""
    group = np.asarray(group, dtype=np.int64)
    over = np.zeros(len(group), dtype=bool)
    rows = np.flatnonzero(group >= 0)
    if not len(rows) or not len(limit_t):
        return over
    rows = rows[np.isfinite(limit_t[group[rows]])]
    order = rows[_group_order(group[rows], key[rows])]
    running = _running_sums(group[order], np.nan_to_num(tonnes[order]))
    limit = limit_t[group[order]]
    over[order[running > limit + TOLERANCE_T + RELATIVE_TOLERANCE * np.abs(limit)]] = True
    return over


def _running_sums(group_sorted: np.ndarray, amount: np.ndarray) -> np.ndarray:
    """Cumulative sums restarting at each new group of a group-sorted array."""
    return pd.Series(amount).groupby(group_sorted, sort=False).cumsum().to_numpy()


def stock_below_zero(site_in: np.ndarray, site_out: np.ndarray, tonnes: np.ndarray,
                     key: np.ndarray, opening_t: np.ndarray) -> np.ndarray:
    """True for each movement sent from a site (``site_out`` >= 0) that takes the site's
    theoretical stock (opening stock + received − sent, in date order) below zero.

    ``site_in``: the site each movement is delivered to (-1: none of these sites). Soil
    received at the same moment as soil sent counts first: with dates only, a day's
    deliveries may have been the day's dispatches, and the check must not cry wolf."""
    over = np.zeros(len(site_out), dtype=bool)
    incoming = np.flatnonzero(site_in >= 0)
    outgoing = np.flatnonzero(site_out >= 0)
    if not len(outgoing):
        return over
    amount = np.nan_to_num(tonnes)
    site = np.concatenate([site_in[incoming], site_out[outgoing]])
    moment = np.concatenate([key[incoming], key[outgoing]])
    direction = np.concatenate([np.zeros(len(incoming), np.int8), np.ones(len(outgoing), np.int8)])
    row = np.concatenate([incoming, outgoing])
    signed = np.concatenate([amount[incoming], -amount[outgoing]])
    order = _group_order(site, moment * 2 + direction)
    opening = np.nan_to_num(opening_t[site[order]])
    stock = _running_sums(site[order], signed[order]) + opening
    received = _running_sums(site[order], np.maximum(signed[order], 0.0)) + opening
    sent = direction[order] == 1
    below = sent & (stock < -(TOLERANCE_T + RELATIVE_TOLERANCE * received))
    over[row[order][below]] = True
    return over
