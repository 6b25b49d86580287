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
Above ``FULL_LP_MAX_ARCS`` arcs, `prices` first fixes the sources whose choice is clear
and checks them afterwards, so that HiGHS sees only the contested ones.
"""
from dataclasses import dataclass
from typing import Callable, Optional

import numpy as np

from .columns import (
    COLUMNS_PER_SOURCE,
    FULL_LP_MAX_ARCS,
    AllocationCancelled,
    AllocationError,
    solve_columns,
)
from .prices import solve_by_prices
from .problem import ReuseProblem

# A flow below one gram is solver noise: no truck carries it, and it is far below any volume a
# plan states (0.001 m³ = 1.8 t is the smallest volume output's three decimals show).
FLOW_TOLERANCE_T = 1e-6

# The solver's errors belong to this module's interface: callers catch them from here.
__all__ = ["Allocation", "AllocationCancelled", "AllocationError", "solve_allocation"]


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

    Small problems go to HiGHS whole. Large ones are decomposed (see ``core.reuse.prices``):
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
    flow, status, rounds, columns = solve_by_prices(
        profit, arcs.source, arcs.receiver, problem.supply_t, problem.capacity_t,
        columns_per_source, full_lp_max_arcs, should_stop)
    return _allocation(problem, np.arange(len(arcs)), flow, profit, status, rounds, columns)


def _allocation(problem, active, flow, profit, status, rounds, columns):
    """Tonnes per arc cleaned of solver noise, with rows kept exactly feasible so that
    reused + disposed equals the supply of every source.

    Noise is cut by an absolute tolerance in tonnes (``FLOW_TOLERANCE_T``), never by a share
    of the largest supply: one absurd row (a volume typed as 1e15 m³) must not wipe out every
    real flow beside it."""
    supply, capacity = problem.supply_t, problem.capacity_t
    flow = np.clip(np.asarray(flow, dtype=float), 0.0, None)
    carrying = flow > FLOW_TOLERANCE_T
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
