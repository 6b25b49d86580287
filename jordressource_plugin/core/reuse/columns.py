"""Exact optimum of the reuse programme over a set of arcs by column generation.

HiGHS solves a restricted programme over a few arcs per source; an arc outside it whose reduced
cost (profit minus the source's and the receiver's duals) is negative would improve it, so the
cheapest such arcs of each source join and the programme is solved again, until none is left:
then the restricted optimum is the optimum over every arc (LP duality). Shared by the direct
solve (`allocation`) and the price decomposition (`prices`).
"""
from typing import Callable, Optional

import numpy as np
from scipy.optimize import linprog
from scipy.sparse import csc_matrix

# Below this many arcs the whole programme is solved at once; above, by column generation.
FULL_LP_MAX_ARCS = 20_000
COLUMNS_PER_SOURCE = 6
# Reduced costs above -REDUCED_COST_TOLERANCE DKK/t count as non-negative: HiGHS's own dual
# feasibility tolerance is 1e-7 on the scaled programme.
REDUCED_COST_TOLERANCE = 1e-6
MAX_ROUNDS = 200
# HiGHS's interior point (with crossover, so duals stay exact) beats its simplex on the largest
# programmes here.
IPM_MIN_COLUMNS = 150_000


class AllocationError(RuntimeError):
    """The solver did not reach an optimum; the message says why and ``status`` is scipy's
    code for it (1 iteration limit, 2 infeasible, 3 unbounded, 4 numerical difficulties), so
    that the plugin can say it in the user's language."""

    def __init__(self, message: str, status: Optional[int] = None):
        super().__init__(message)
        self.status = status


class AllocationCancelled(AllocationError):
    pass


def solve_columns(profit: np.ndarray, source: np.ndarray, receiver: np.ndarray,
                  supply: np.ndarray, capacity: np.ndarray, columns_per_source: int,
                  full_lp_max_arcs: int, should_stop: Optional[Callable[[], bool]] = None,
                  known: Optional[np.ndarray] = None) -> tuple:
    """Exact optimum of the restricted programme over the given arcs by column generation,
    starting from each source's and receiver's cheapest arcs plus the ``known`` ones (bool).

    Returns (flow per arc, receiver duals as prices ≥ 0, status, LP solves, the arcs in the
    last programme as a bool mask).
    """
    if not len(profit):
        return (np.zeros(0), np.zeros(len(capacity)), "no arcs left to optimise", 0,
                np.zeros(0, dtype=bool))
    rounds = 0
    every = np.arange(len(profit))
    active = every
    if len(profit) > full_lp_max_arcs:
        active = np.union1d(cheapest_per_group(source, profit, every, columns_per_source),
                            cheapest_per_group(receiver, profit, every, columns_per_source))
        if known is not None:
            active = np.union1d(active, np.flatnonzero(known))
    while True:
        if should_stop is not None and should_stop():
            raise AllocationCancelled("cancelled")
        result = _solve_restricted(profit[active], source[active], receiver[active], supply,
                                   capacity)
        rounds += 1
        source_dual = result.ineqlin.marginals[:len(supply)]
        receiver_dual = result.ineqlin.marginals[len(supply):]
        if len(active) == len(profit):
            break
        reduced = profit - source_dual[source] - receiver_dual[receiver]
        reduced[active] = 0.0
        improving = np.flatnonzero(reduced < -REDUCED_COST_TOLERANCE)
        if not len(improving):
            break
        if rounds >= MAX_ROUNDS:
            active = every
            continue
        active = np.union1d(active, cheapest_per_group(source[improving], reduced[improving],
                                                        improving, columns_per_source))
    flow = np.zeros(len(profit))
    flow[active] = result.x
    used = np.zeros(len(profit), dtype=bool)
    used[active] = True
    return flow, np.clip(-receiver_dual, 0.0, None), result.message, rounds, used


def _solve_restricted(profit, source, receiver, supply, capacity):
    """HiGHS on the restricted programme: one column per arc, rows sources then receivers."""
    count = len(profit)
    rows = np.empty(2 * count, dtype=np.int64)
    rows[0::2] = source
    rows[1::2] = len(supply) + receiver
    matrix = csc_matrix((np.ones(2 * count), rows, np.arange(0, 2 * count + 1, 2)),
                        shape=(len(supply) + len(capacity), count))
    result = linprog(profit, A_ub=matrix, b_ub=np.concatenate([supply, capacity]),
                     bounds=(0, None),
                     method="highs-ipm" if count >= IPM_MIN_COLUMNS else "highs")
    if result.status != 0 or result.x is None:
        raise AllocationError(f"HiGHS stopped without an optimum (status {result.status}): "
                              f"{result.message}", int(result.status))
    return result


def cheapest_per_group(group: np.ndarray, value: np.ndarray, index: np.ndarray,
                       count: int) -> np.ndarray:
    """The ``count`` entries of ``index`` with the lowest ``value`` within each ``group``."""
    order = np.lexsort((value, group))
    sorted_group = group[order]
    starts = np.r_[0, np.flatnonzero(np.diff(sorted_group)) + 1]
    rank = np.arange(len(order)) - np.repeat(starts, np.diff(np.r_[starts, len(order)]))
    return np.sort(index[order[rank < count]])
