"""The exact least-cost allocation of surplus soil to receivers, disposal taking the rest.

The linear programme (the contract's `match_reuse` objective): minimise over tonnes x_ij on the
allowed arcs and u_i left to disposal

    Σ x_ij·c_ij + Σ u_i·e_i   subject to   Σ_j x_ij + u_i = s_i,  Σ_i x_ij ≤ k_j,  x, u ≥ 0,

with c_ij the haul and analysis cost per tonne and e_i the disposal cost per tonne. Substituting
u_i = s_i − Σ_j x_ij leaves a capacitated transportation problem in x alone,

    Σ e_i·s_i + min Σ x_ij·(c_ij − e_i)   subject to   Σ_j x_ij ≤ s_i,  Σ_i x_ij ≤ k_j,  x ≥ 0,

solved with HiGHS on a sparse matrix of two non-zeros per arc.

Large programmes are solved by column generation, which keeps the answer exact: first with each
source's cheapest arcs only, then every other arc is priced with the duals (π_i ≤ 0 of the
source rows, μ_j ≤ 0 of the receiver rows): its reduced cost (c_ij − e_i) − π_i − μ_j. An arc with a
negative reduced cost could lower the total, so the most negative ones per source join and the
programme is solved again. When no arc prices out negative, the dual solution is feasible for the
full programme and the restricted optimum is the optimum of the full programme (LP duality).
Above ``FULL_LP_MAX_ARCS`` arcs, `allocation_prices` first fixes the sources whose choice is clear
and checks them afterwards, so that HiGHS sees only the contested ones.
"""
from dataclasses import dataclass
from typing import Callable, Optional

import numpy as np
from scipy.optimize import linprog
from scipy.sparse import csc_matrix

from .reuse_problem import ReuseProblem

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
    """The solver did not reach an optimum; the message says why."""


class AllocationCancelled(AllocationError):
    pass


@dataclass
class Allocation:
    arc: np.ndarray  # indexes into problem.arcs carrying soil
    tonnes: np.ndarray  # tonnes on each of those arcs
    reused_t: np.ndarray  # per source
    disposed_t: np.ndarray  # per source
    received_t: np.ndarray  # per receiver
    cost_dkk: float  # the optimal objective
    status: str
    rounds: int  # LP solves
    columns: int  # arcs in the last programme solved


def solve_allocation(problem: ReuseProblem, columns_per_source: int = COLUMNS_PER_SOURCE,
                     full_lp_max_arcs: int = FULL_LP_MAX_ARCS,
                     should_stop: Optional[Callable[[], bool]] = None) -> Allocation:
    """The optimal allocation of ``problem``; raises AllocationError if HiGHS fails.

    Small problems go to HiGHS whole. Large ones are decomposed (see ``core.allocation_prices``):
    sources whose best choice is clear under estimated receiver prices are fixed to it, the
    rest form a programme solved by column generation, and every fixed source is checked against
    that programme's duals; any that would rather choose otherwise is released and the programme
    solved again. The result satisfies the optimality conditions of the full programme.
    """
    arcs = problem.arcs
    profit = arcs.cost_dkk_t - problem.disposal_cost_dkk_t[arcs.source]
    if not len(arcs):
        return _allocation(problem, np.zeros(0, np.int64), np.zeros(0), profit,
                           "no arcs: everything to disposal", 0, 0)
    if len(arcs) <= full_lp_max_arcs:
        flow, _, status, rounds, used = solve_columns(
            profit, arcs.source, arcs.receiver, problem.supply_t, problem.capacity_t,
            columns_per_source, len(arcs), should_stop)
        return _allocation(problem, np.arange(len(arcs)), flow, profit, status, rounds,
                           int(used.sum()))
    from .allocation_prices import solve_by_prices
    flow, status, rounds, columns = solve_by_prices(
        profit, arcs.source, arcs.receiver, problem.supply_t, problem.capacity_t,
        columns_per_source, full_lp_max_arcs, should_stop)
    return _allocation(problem, np.arange(len(arcs)), flow, profit, status, rounds, columns)


def solve_columns(profit, source, receiver, supply, capacity, columns_per_source,
                  full_lp_max_arcs, should_stop=None, known=None):
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
        active = np.union1d(_cheapest_per_group(source, profit, every, columns_per_source),
                            _cheapest_per_group(receiver, profit, every, columns_per_source))
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
        active = np.union1d(active, _cheapest_per_group(source[improving], reduced[improving],
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
                              f"{result.message}")
    return result


def _cheapest_per_group(group, value, index, count):
    """The ``count`` entries of ``index`` with the lowest ``value`` within each ``group``."""
    order = np.lexsort((value, group))
    sorted_group = group[order]
    starts = np.r_[0, np.flatnonzero(np.diff(sorted_group)) + 1]
    rank = np.arange(len(order)) - np.repeat(starts, np.diff(np.r_[starts, len(order)]))
    return np.sort(index[order[rank < count]])


def _allocation(problem, active, flow, profit, status, rounds, columns):
    """Tonnes per arc cleaned of solver noise, with rows kept exactly feasible so that
    reused + disposed equals the supply of every source."""
    supply, capacity = problem.supply_t, problem.capacity_t
    flow = np.clip(np.asarray(flow, dtype=float), 0.0, None)
    scale = max(1.0, float(supply.max(initial=0.0)))
    carrying = flow > 1e-9 * scale
    arc, tonnes = active[carrying], flow[carrying]
    source, receiver = problem.arcs.source[arc], problem.arcs.receiver[arc]
    for group, limit, size in ((receiver, capacity, len(capacity)), (source, supply, len(supply))):
        total = np.bincount(group, weights=tonnes, minlength=size)
        over = total > limit
        if over.any():
            factor = np.ones(size)
            factor[over] = limit[over] / total[over]
            tonnes = tonnes * factor[group]
    reused = np.minimum(np.bincount(source, weights=tonnes, minlength=len(supply)), supply)
    disposed = supply - reused
    received = np.bincount(receiver, weights=tonnes, minlength=len(capacity))
    cost = float(problem.disposal_cost_dkk_t @ supply + profit[arc] @ tonnes)
    return Allocation(arc, tonnes, reused, disposed, received, cost, status, rounds, columns)
