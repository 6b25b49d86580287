"""The Benders master problem over the free sites, solved by HiGHS (scipy.optimize).

Columns: y_j for the free sites (in [0, 1], binary in the integer phase), then one or more
continuous cost columns (φ per source for the radius cuts, one θ for the capacitated cuts).
Rows: the cut pool (Σ coefficient·column ≥ rhs) and the site count: Σ y = q, or ≤ q when the
count is a maximum. The LP phase returns reduced costs of the y columns; the integer phase
HiGHS's proven bound.
"""
from dataclasses import dataclass
from typing import Optional, Sequence

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, linprog, milp
from scipy.sparse import csr_matrix, vstack

from .radius_cuts import CutPool

# Relative MIP gap HiGHS must close for the proof: far below any difference a planner could see,
# above the solver's own feasibility tolerances. The search's rounds first close a coarser gap
# (their cuts need a good choice, not a proof), which is far faster on hard masters.
MIP_REL_GAP = 1e-9
COARSE_MIP_REL_GAP = 1e-5


@dataclass
class MasterSolution:
    x: np.ndarray
    objective: float
    bound: float  # proven lower bound of this master (equals objective when optimal)
    optimal: bool
    status: str
    reduced_low: Optional[np.ndarray] = None  # LP only: per y, cost of raising it from 0
    reduced_high: Optional[np.ndarray] = None  # LP only: per y, cost of lowering it from 1
    cut_duals: Optional[np.ndarray] = None  # LP only: per pool row, its dual (≥ 0)


class MasterError(RuntimeError):
    """HiGHS failed on the master: infeasible (no choice satisfies the cuts) or an error."""

    def __init__(self, message: str, infeasible: bool = False):
        super().__init__(message)
        self.infeasible = infeasible


def _rows(pool, column_count, site_columns, site_count, at_most):
    row, column, value, rhs = pool.arrays()
    cuts = csr_matrix((value, (row, column)), shape=(len(rhs), column_count))
    count = csr_matrix((np.ones(site_columns), (np.zeros(site_columns, np.int64),
                                                np.arange(site_columns))),
                       shape=(1, column_count))
    return cuts, rhs, count, (0.0 if at_most else float(site_count), float(site_count))


def solve_lp(cost: np.ndarray, lower: np.ndarray, pool: CutPool, site_columns: int,
             site_count: int, at_most: bool, extra: Sequence = ()) -> MasterSolution:
    """The LP relaxation of the master. ``extra``: more (matrix, low, high) rows."""
    n = len(cost)
    cuts, rhs, count, (low, high) = _rows(pool, n, site_columns, site_count, at_most)
    blocks, limits = [-cuts], [-rhs]
    for matrix, row_low, row_high in list(extra) + [(count, low, high)]:
        row_low = np.broadcast_to(np.asarray(row_low, dtype=float), (matrix.shape[0],))
        row_high = np.broadcast_to(np.asarray(row_high, dtype=float), (matrix.shape[0],))
        blocks += [matrix, -matrix]
        limits += [row_high, -row_low]
    a_ub, b_ub = vstack(blocks).tocsr(), np.concatenate(limits)
    finite = np.isfinite(b_ub)
    upper = np.r_[np.ones(site_columns), np.full(n - site_columns, np.inf)]
    bounds = np.column_stack([lower, upper])
    result = linprog(cost, A_ub=a_ub[finite], b_ub=b_ub[finite], bounds=bounds,
                     method="highs-ipm")
    if result.status not in (0, 2):
        # HiGHS's interior point (fastest here) reports some infeasible programmes as errors;
        # its dual simplex tells them apart.
        result = linprog(cost, A_ub=a_ub[finite], b_ub=b_ub[finite], bounds=bounds,
                         method="highs-ds")
    if result.status == 2:
        raise MasterError("no choice of sites meets the cuts", infeasible=True)
    if result.status != 0 or result.x is None:
        raise MasterError(f"HiGHS: {result.message}")
    return MasterSolution(result.x, float(result.fun), float(result.fun), True, result.message,
                          np.clip(result.lower.marginals[:site_columns], 0.0, None),
                          np.clip(-result.upper.marginals[:site_columns], 0.0, None),
                          -result.ineqlin.marginals[:len(pool)])


def solve_mip(cost: np.ndarray, lower: np.ndarray, pool: CutPool, site_columns: int,
              site_count: int, at_most: bool, time_limit: Optional[float],
              extra: Sequence = (), rel_gap: float = MIP_REL_GAP) -> MasterSolution:
    """The master with binary y. Returns the best solution found and HiGHS's bound; ``optimal``
    is False when the time limit stopped it."""
    n = len(cost)
    cuts, rhs, count, (low, high) = _rows(pool, n, site_columns, site_count, at_most)
    constraints = [LinearConstraint(cuts, rhs, np.inf), LinearConstraint(count, low, high)]
    constraints += [LinearConstraint(matrix, row_low, row_high)
                    for matrix, row_low, row_high in extra]
    integrality = np.r_[np.ones(site_columns), np.zeros(n - site_columns)]
    upper = np.r_[np.ones(site_columns), np.full(n - site_columns, np.inf)]
    options = {"mip_rel_gap": rel_gap}
    if time_limit is not None:
        options["time_limit"] = max(float(time_limit), 1.0)
    result = milp(cost, constraints=constraints, integrality=integrality,
                  bounds=Bounds(lower, upper), options=options)
    if result.status == 2:
        raise MasterError("no choice of sites meets the cuts", infeasible=True)
    if result.x is None:
        raise MasterError(f"HiGHS: {result.message}")
    bound = getattr(result, "mip_dual_bound", None)
    bound = float(result.fun) if bound is None or not np.isfinite(bound) else float(bound)
    x = result.x.copy()
    x[:site_columns] = np.round(x[:site_columns])
    return MasterSolution(x, float(result.fun), min(bound, float(result.fun)),
                          result.status == 0, result.message)
